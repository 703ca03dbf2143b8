"""newsdesk.cleaning.boilerplate: boilerplate lines by family, rules in code, trailing blocks, related headlines."""

from __future__ import annotations

import pytest

from cleaning_helpers import HEAD, P1, P2, P3, P4, article, body_lines
from newsdesk.cleaning import classify_line, clean_article


@pytest.mark.parametrize(
    "junk, family",
    [
        ("Advertisement", "ad"),
        ("ADVERTISEMENT", "ad"),
        ("Story continues below advertisement", "ad"),
        ("Join our Telegram channel for breaking news alerts.", "promo"),
        ("Join The Daily Star's WhatsApp channel and get the latest news.", "promo"),
        ("Sign up for our morning newsletter", "promo"),
        ("Subscribe to our daily briefing", "promo"),
        ("Download the NewsNow app for free", "promo"),
        ("Get more with myNEWS", "promo"),
        ("A personalised news feed of stories that matter to you", "promo"),
        ("Follow us on Instagram and X for the latest updates", "social"),
        ("Share on WhatsApp", "social"),
        ("Facebook Twitter WhatsApp Email", "share"),  # a row of share buttons
        ("Print", "share"),
        ("Learn more", "more_link"),
        ("Click here to see the full list of winners", "more_link"),
        ("Read more: Oil prices climb for a third day", "more_link"),
        ("Also read: Why the yen fell against the dollar", "more_link"),
        ("Continue reading", "more_link"),
        ("Your email address will not be published. Required fields are marked *", "comments"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comments"),
        ("Remote video URL", "video"),
        ("Watch: Flood waters rise in the capital", "video"),
        ("Rescue workers search the rubble in the old town on Monday. Photo: AFP", "caption"),
        ("The minister speaks in parliament in the capital on Tuesday. (Reuters)", "caption"),
        ("Traders work on the floor of the exchange. REUTERS/Ann Smith", "caption"),
        ("Protesters gather outside the embassy. (AP Photo/John Doe)", "caption"),
        ("Image: Getty Images", "caption"),
        ("Smoke rises from the crater in 2019. (Kyodo News via AP, File)", "caption"),
        ("FILE - Smoke rises from the crater of the volcano in this aerial photo.", "caption_file"),  # AP style
        ("Ad Feedback", "ad"),
        ("Link Copied!", "metadata"),
        ("This story has been updated with additional information.", "metadata"),
        ("© 2024 Example Media Ltd. All rights reserved.", "metadata"),
        ("Home > World > Asia", "metadata"),
        ("(Reporting by Ann Smith; Editing by Bob Jones)", "credit"),
        ("Reuter", "credit"),  # the sign-off of old Reuters wires
    ],
)
def test_boilerplate_line_family_and_removal(junk, family):
    assert classify_line(junk) == (family, "drop")
    a = clean_article(article(P1, junk, P2, P3, P4))
    assert junk not in a.body
    assert body_lines(a) == [HEAD, P1, P2, P3, P4]
    assert a.n_removed_lines == 1


@pytest.mark.parametrize(
    "line",
    [
        "He declined to comment.",  # a real one-line paragraph
        "Here is what the agreement includes:",  # a sub-head ending with a colon
        "The numbers",  # a short sub-head
        "Sign up rates for the scheme fell by a third, the ministry said.",  # starts like a promo
        "About 200 people were evacuated from the area overnight.",  # starts like "About <Site>"
        "Subscribers to the service rose 8% in the quarter.",
        "Copyright law changes were approved by parliament on Tuesday.",
        "Photo finish: the vote was decided by just 12 ballots, officials said.",
        "Share prices fell 3% in early trading.",
        "Cardiff v Blackburn",  # a fixture list line
    ],
)
def test_real_short_lines_survive(line):
    a = clean_article(article(P1, line, P2, P3))
    assert line in body_lines(a)
    assert a.n_removed_lines == 0


@pytest.mark.parametrize(
    "line",
    [
        "The package includes new tax credits: child benefit and housing support",  # "credits:" is no credit
        "Growth is expected to slow to 3% this year (Bloomberg Intelligence)",  # not an agency photo credit
        "Families wait at the border crossing. Photo: AFP",  # control: a real credit fires
    ],
)
def test_caption_rules_need_a_credit(line):
    assert classify_line(line) == (("caption", "drop") if line.endswith("AFP") else None)


@pytest.mark.parametrize(
    "noise, removed",
    [
        ("93", 1),  # a lone comment count
        ("* * *", 1),  # a separator line
        ("Updated: 12 March 2024 10:41 GMT", 1),  # a time stamp
        (P1, 1),  # a paragraph repeated verbatim right after itself
    ],
)
def test_comment_count_separator_stamp_and_repeated_paragraph_are_removed(noise, removed):
    a = clean_article(article(P1, noise, P2, P3))
    assert body_lines(a) == [HEAD, P1, P2, P3]
    assert a.n_removed_lines == removed


@pytest.mark.parametrize("stamp", ["02:45", "1:02:45"])
def test_video_timestamp_and_repeated_caption(stamp):
    caption = "Flood waters rise in the capital as rain continues"
    text = article(P1, stamp, caption, caption + "\n" + P2, P3)
    a = clean_article(text)
    assert body_lines(a) == [HEAD, P1, P2, P3]
    assert a.n_removed_lines == 3


def test_video_timestamp_followed_by_real_paragraph_keeps_it():
    # the line after a timestamp is a caption only when it is short or repeated
    a = clean_article(article(P1, "02:45", P2, P3))
    assert body_lines(a) == [HEAD, P1, P2, P3]


@pytest.mark.parametrize(
    "marker",
    ["Source link", "Leave a Reply", "Read More", "Check Also", "Related articles", "About Daily Example",
     "You may also like", "Tags: economy, interest rates", "More from Example News", "3 Comments"],
)
def test_terminal_marker_cuts_trailing_block(marker):
    tail = ["Asian stocks climb as investors bet on rate cuts",
            "Asian shares rose on Monday and the price of crude oil edged higher, as investors …",
            "Leave a Reply", "Your email address will not be published."]
    a = clean_article(article(P1, P2, P3, P4, marker, *tail))
    assert body_lines(a) == [HEAD, P1, P2, P3, P4]
    assert a.n_removed_lines == 1 + len(tail)


def test_terminal_marker_early_does_not_cut_the_article():
    # a bare "Read More" link after the first paragraph: only the line goes
    a = clean_article(article(P1, "Read More", P2, P3, P4))
    assert body_lines(a) == [HEAD, P1, P2, P3, P4]


def test_related_headline_between_paragraphs_removed():
    related = "Oil giants post record profits as prices soar"  # no final punctuation, 8 words
    a = clean_article(article(P1, related, P2, P3))
    assert body_lines(a) == [HEAD, P1, P2, P3]


@pytest.mark.parametrize(
    "line",
    [
        "What the rate rise means for mortgage holders:",  # sub-head ending with a colon
        "TOO FAST TOO FURIOUS FOR THE REGULATORS TODAY",  # all caps: a list item or a sub-head
        "Halo 2 is out on 9 November in the US",  # last line of the article: a trailer, kept
    ],
)
def test_related_headline_rule_spares_subheads_capitals_and_last_lines(line):
    paragraphs = (P1, P2, line) if line.startswith("Halo") else (P1, line, P2)
    a = clean_article(article(*paragraphs))
    assert line in body_lines(a)


def test_hard_wrapped_tail_is_not_boilerplate():
    # "share." closes a wrapped sentence; it must not be read as a share button
    text = f"{HEAD}\n\nThe company said it earned 1.53 dlrs a\nshare.\n\n{P2}"
    assert "share." in clean_article(text).body
