"""newsdesk.cleaning.normalize: line endings, odd spaces, control characters, NFC, mojibake, HTML saved as text."""

from __future__ import annotations

import pytest

from cleaning_helpers import HEAD, P1, P2, P3, article, body_lines
from newsdesk.cleaning import clean_article, repair_mojibake


@pytest.mark.parametrize(
    "newline",
    ["\r\n", "\r", "\n"],  # Windows, old Mac, Unix
)
def test_windows_mac_and_unix_line_endings_give_the_same_body(newline):
    a = clean_article(article(P1, P2).replace("\n", newline))
    assert a.body == f"{HEAD}\n\n{P1}\n\n{P2}"


def test_mixed_line_endings_still_separate_paragraphs():
    a = clean_article(f"{HEAD}\r\n\r\n{P1}\r\r{P2}\n\n{P3}")
    assert a.body == f"{HEAD}\n\n{P1}\n\n{P2}\n\n{P3}"


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("Prices rose\u00a0\u00a05 per cent on the year, the office said today.",
         "Prices rose 5 per cent on the year, the office said today."),  # no-break spaces collapse
        ("Prices rose\u202f5 per\u2009cent on the year, the office said today.",
         "Prices rose 5 per cent on the year, the office said today."),  # narrow / thin spaces
        ("Prices\u200b rose 5 per cent on the year, the\u00ad office said today.",
         "Prices rose 5 per cent on the year, the office said today."),  # zero-width space, soft hyphen
        ("Prices rose\t5 per cent on the year, the office said today.   ",
         "Prices rose 5 per cent on the year, the office said today."),  # tab, trailing spaces
        ("Prices rose 5\x07 per cent on the year, the office\x1b said today.",
         "Prices rose 5 per cent on the year, the office said today."),  # control characters dropped
        ("“Prices rose,” she said – ‘sharply’ — on the year, the office said.",
         "“Prices rose,” she said – ‘sharply’ — on the year, the office said."),  # quotes/dashes kept
        ("Cafe\u0301 owners said prices rose 5 per cent on the year, the office said.",
         "Café owners said prices rose 5 per cent on the year, the office said."),  # NFC
    ],
)
def test_odd_spaces_and_control_characters_go_quotes_and_dashes_stay(dirty, clean):
    a = clean_article(article(dirty, P2))
    assert body_lines(a)[1] == clean


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        # UTF-8 once read as cp1252
        ("Itâ€™s â€œfineâ€\x9d, Â£5 at the cafÃ©…", "It’s “fine”, £5 at the café…"),
        ("MÃ¼nchen â€“ ZÃ¼rich", "München – Zürich"),
        ("Românii and Âmbar, Ã la carte", "Românii and Âmbar, Ã la carte"),  # real text: untouched
        ("déjà vu, à “quote” – £5", "déjà vu, à “quote” – £5"),
    ],
)
def test_mojibake_is_repaired_and_real_accents_untouched(damaged, repaired):
    assert repair_mojibake(damaged) == repaired
    a = clean_article(article(f"{damaged} The rest of the sentence is here.", P2))
    assert body_lines(a)[1] == f"{repaired} The rest of the sentence is here."


def test_html_saved_as_text_becomes_paragraphs_without_page_chrome():
    # tags stripped, entities unescaped, <head>/<script>/<figure> dropped, blocks become paragraphs
    page = (
        "<!DOCTYPE html><html><head><title>Rates | Example News</title><script>var a = 1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav><h1>Rates rise again &amp; again</h1>\n"
        "<figure><img src='x.jpg'><figcaption>The governor. Photo: AFP</figcaption></figure>"
        f"<p>{P1}</p>\n<p>Shares fell&nbsp;2%&nbsp;in <b>early</b> trading, brokers said &#8220;quietly&#8221;.</p>"
        "</body></html>"
    )
    a = clean_article(page)
    assert a.title == "Rates rise again & again"
    assert a.body.split("\n\n")[1:] == [P1, "Shares fell 2% in early trading, brokers said “quietly”."]


def test_angle_brackets_that_are_not_html_stay():
    # Reuters tickers look like tags but are not HTML
    a = clean_article(article("Standard Oil Co <SRD> said it would form a new financial unit next month.", P2))
    assert "<SRD>" in a.body


def test_inline_tags_only_is_not_html_mode():
    # a plain-text file with one <b>…</b> keeps its paragraphs (no HTML whitespace collapsing)
    a = clean_article(article(P1, "Shares fell <b>sharply</b> in early trading, brokers said on Monday.", P2))
    assert len(body_lines(a)) == 4
