"""One-line texts are documents (DESIGN: "its line is both title and body"); only a file without usable
text is rejected as no_body."""

from __future__ import annotations

import pytest

from newsdesk import pipeline, warehouse
from newsdesk.cleaning import RejectError, clean_article, prepare

HEADLINE = "Markets rally as inflation cools across Europe"
SENTENCE = "Markets rallied on Monday as inflation cooled across Europe, traders said."


@pytest.mark.parametrize("text, title", [
    (HEADLINE, HEADLINE),  # a headline alone (no final stop)
    (HEADLINE + "\n", HEADLINE),
    ("Chelsea sack striker", "Chelsea sack striker"),  # three words
    (SENTENCE, SENTENCE),  # one sentence
    (f"By Ann Smith\n\n{HEADLINE}\n\nAdvertisement\n", HEADLINE),  # one line left after the junk
])
def test_a_text_of_one_line_is_its_own_title_and_body(text, title):
    a = clean_article(text)
    assert (a.title, a.body, a.title_source) == (title, title, "first_sentence")
    assert a.n_words == len(title.split())


def test_a_one_line_text_with_a_dateline_keeps_it_in_the_body():
    a = clean_article("LONDON - Markets rally as inflation cools")
    assert (a.title, a.body, a.dateline) == ("Markets rally as inflation cools",
                                             "LONDON - Markets rally as inflation cools", "LONDON")


def test_a_long_line_of_several_sentences_takes_its_first_sentence_as_title():
    a = clean_article(f"{SENTENCE} Bond yields fell. Oil was flat.")
    assert a.title == SENTENCE and a.body == f"{SENTENCE} Bond yields fell. Oil was flat."


def test_one_line_is_a_fixed_point():
    a = clean_article(HEADLINE)
    again = clean_article(a.body)
    assert (again.title, again.body) == (a.title, a.body)


@pytest.mark.parametrize("text, detail", [
    ("Advertisement\n\nRead More\n", "every line of the text is boilerplate"),
    ("By Ann Smith\n", "no article text is left"),  # a byline alone
    ("93\n\n$ 1,200 - 4%\n", "no words"),  # figures and symbols only
])
def test_only_files_without_usable_text_are_rejected(text, detail):
    with pytest.raises(RejectError) as exc:
        clean_article(text)
    assert exc.value.reason == "no_body" and detail in exc.value.detail


def test_a_one_line_file_is_extracted(settings, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_bytes(b"Germany's Chancellor Olaf Scholz met Emmanuel Macron in Paris on Tuesday.")
    s = pipeline.run_ingest(settings, src)
    assert s["books_balance"] and (s["documents_new"], s["rejected"]) == (1, 0) and s["mentions"] >= 2
    con = warehouse.read_only(settings.warehouse)
    try:
        title, body = con.execute("SELECT title, body FROM documents").fetchall()[0]
        names = {r[0] for r in con.execute("SELECT text FROM mentions").fetchall()}
    finally:
        con.close()
    assert title == body and {"Olaf Scholz", "Emmanuel Macron"} <= names


def test_prepare_of_a_one_line_file():
    a, encoding = prepare(HEADLINE.encode())
    assert (a.title, a.body, encoding) == (HEADLINE, HEADLINE, "utf-8")
