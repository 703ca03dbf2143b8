"""prepare / clean_article as a whole: reject reasons, picklable rejects, invariants on random and article-like text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaning_helpers import HEAD, P1, P2, P3, P4
from newsdesk.cleaning import RejectError, clean_article, prepare


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty"),
        (b" \n\t\r\n  ", "whitespace_only"),
        ("\u00a0\n\u3000".encode("utf-8"), "whitespace_only"),  # only odd spaces
        (b"\x00\x01\x02\x03", "binary"),
        (b"Advertisement\n\nRead More\n\nLeave a Reply\n", "no_body"),  # nothing but boilerplate
        (b"93\n\n$ 1,200\n", "no_body"),  # figures and symbols, no word
        # a German article: the model reads English only
        ("Der Stadtrat hat am Dienstag beschlossen, den alten Hafen für vierzig Millionen Euro zu "
         "erweitern, und die Opposition kritisierte die Kosten.".encode(), "not_english"),
    ],
)
def test_prepare_rejects_with_a_reason(raw, reason):
    with pytest.raises(RejectError) as exc:
        prepare(raw)
    assert exc.value.reason == reason


def test_reject_error_pickles():
    # rejects cross process boundaries when staging runs in worker processes
    import pickle

    err = pickle.loads(pickle.dumps(RejectError("binary", "3 NUL bytes")))
    assert (err.reason, err.detail, str(err)) == ("binary", "3 NUL bytes", "binary: 3 NUL bytes")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), min_size=1, max_size=8))
def test_invariants_on_random_text(lines):
    try:
        a = clean_article("\n".join(lines))
    except RejectError as exc:
        assert exc.reason in ("whitespace_only", "no_body")
        return
    assert a.body.strip() and a.title.strip()
    assert a.n_words == len(a.body.split())
    assert "\r" not in a.body and "\u00a0" not in a.body and "\n\n\n" not in a.body
    assert all(line == line.strip() for line in a.body.split("\n"))
    if a.title_source == "headline":
        assert a.body.startswith(a.title + "\n\n")


LINE_POOL = [HEAD, P1, P2, P3, P4, "", "", "Advertisement", "02:45", "Read More", "Source link", "93",
             "Markets", "By Ann Smith", "Published 14 August 2025", "BEIJING - " + P1, "  • A bullet standfirst",
             "Oil giants post record profits as prices soar", "The governor in the capital. Photo: AFP",
             "He declined to comment.", "\u00a0", "Leave a Reply", "About Daily Example"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_POOL), min_size=1, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_invariants_on_article_like_text(lines, newline):
    # plain text built from article lines and junk: no junk survives, and cleaning is a fixed point
    text = newline.join(lines)
    try:
        a = clean_article(text)
    except RejectError as exc:
        assert exc.reason in ("whitespace_only", "no_body")
        return
    assert a.body.strip() and a.title.strip() and a.n_words == len(a.body.split())
    assert "\n\n\n" not in a.body and "\r" not in a.body
    for junk in ("Advertisement", "Source link", "Photo: AFP", "Leave a Reply", "02:45"):
        assert junk not in a.body
    if len(set(lines) - {""}) == len([x for x in lines if x]):  # (repeated lines interact in many ways)
        again = clean_article(a.body)
        assert (again.body, again.title) == (a.body, a.title)  # a fixed point
