"""Property tests (hypothesis): the clean-up and the extractors never fail a run.

Inputs are arbitrary Unicode mixed with the shapes that break hand-written extractors: unbalanced
and long runs of quote marks, huge numbers ("10^308", "1e400", 400-digit runs), deeply nested
brackets, money/percent fragments and reporting verbs. Invariants:

* ``clean_article`` returns a ``CleanArticle`` or raises ``RejectError`` (nothing else);
* every extracted span lies inside the body and its ``text`` equals ``body[start:end]``;
* quote speaker and cue spans lie inside the body and match their text;
* every figure value (and low/high) is finite, and value_low <= value_high.

Budget: ~60-100 examples per property, no deadline; the file runs in well under a minute.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsdesk.cleaning import CleanArticle, RejectError, clean_article
from newsdesk.extract.entities import extract_entities
from newsdesk.extract.figures import extract_figures
from newsdesk.extract.quotes import extract_quotes

PROPS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])

QUOTE_MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''", "\u201e"]
HUGE_NUMBERS = [
    "10^308", "1e400", "1E400", "1e-400", "9" * 400, "1" + "0" * 399, "$" + "9" * 310 + " billion",
    "1.7976931348623157e308", "€1e308 trillion", "10^308 dollars", "-0", "0.000000001%",
    "999,999,999,999,999,999,999,999,999 troops", "1,000,000,000,000,000,000 trillion yen",
    "US$" + "9" * 40 + " quadrillion", "3/0", "1/0 of the vote", "infinity percent", "NaN tonnes",
    "between 1e300 and 1e309 barrels", "up to 10^400%", "4" * 60 + ".5 million",
]
WORDS = [
    "said", "told", "says", "according to", "Mr", "Putin", "Angela Merkel", "the minister", "he", "she",
    "Reuters", "NATO", "Ukraine", "billion", "million", "percent", "%", "$", "£", "€", "troops", "tonnes",
    "about", "more than", "up to", "rose", "fell", "by", "to", "from", "in 2021", "per cent", "km",
    ".", ",", ";", ":", "-", "\u2014", "\n", "\n\n", "(", ")", "[", "]", "{", "}", "<", ">",
]
FRAGMENT = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(HUGE_NUMBERS),
    st.sampled_from(QUOTE_MARKS),
    st.builds(lambda m, n: m * n, st.sampled_from(QUOTE_MARKS), st.integers(2, 60)),  # runs of quotes
    st.builds(lambda n, b: b[0] * n + "x" + b[1] * n, st.integers(1, 200),  # nested brackets
              st.sampled_from(["()", "[]", "{}", "\u201c\u201d", "<>"])),
    st.builds(lambda n: "(" * n, st.integers(1, 300)),  # unbalanced opening brackets
    st.integers(-10**30, 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(min_size=1, max_size=12),  # arbitrary Unicode, including controls and surrogates' neighbours
)
TEXTS = st.lists(FRAGMENT, min_size=1, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(TEXTS, st.text(max_size=400))


def _span_ok(body: str, start, end, text, what: str) -> None:
    assert isinstance(start, int) and isinstance(end, int), (what, start, end)
    assert 0 <= start < end <= len(body), (what, start, end, len(body))
    assert body[start:end] == text, (what, body[start:end], text)


def _check_extractors(nlp, body: str) -> None:
    doc = nlp(body)
    ents = extract_entities(doc)
    for m in ents.mentions:
        _span_ok(body, m.start_char, m.end_char, m.text, "mention")
        assert m.entity_id and m.name
    for r in ents.roles:
        _span_ok(body, r.start_char, r.end_char, r.role, "role")
    for q in extract_quotes(doc, ents):
        _span_ok(body, q.start_char, q.end_char, q.text, "quote")
        if q.speaker is not None:
            _span_ok(body, q.speaker_start, q.speaker_end, q.speaker, "speaker")
        if q.cue is not None and q.cue_start is not None:
            _span_ok(body, q.cue_start, q.cue_end, q.cue, "cue")
    figures = extract_figures(doc)
    for f in figures:
        _span_ok(body, f.start_char, f.end_char, f.text, "figure")
        assert isinstance(f.value, float | int) and math.isfinite(f.value), (f.text, f.value)
        for bound in (f.value_low, f.value_high):
            assert bound is None or math.isfinite(bound), (f.text, f.value_low, f.value_high)
        if f.value_low is not None and f.value_high is not None:  # schemas: range_ordered
            assert f.value_low <= f.value_high, (f.text, f.value_low, f.value_high)
        if f.conversion_of is not None:
            assert 0 <= f.conversion_of < len(figures)


@PROPS
@given(text=ANY_TEXT)
def test_clean_article_returns_an_article_or_a_reject(text):
    try:
        art = clean_article(text)
    except RejectError as exc:
        assert exc.reason and exc.detail
        return
    assert isinstance(art, CleanArticle)
    assert art.title and art.body and art.n_words >= 1
    assert "\r" not in art.body
    assert art.n_words == len(art.body.split())


@PROPS
@given(text=TEXTS)
def test_extractors_on_adversarial_text(nlp, text):
    _check_extractors(nlp, text)


@PROPS
@given(text=st.text(min_size=1, max_size=300))
def test_extractors_on_arbitrary_unicode(nlp, text):
    _check_extractors(nlp, text)


@PROPS
@given(text=TEXTS)
def test_extractors_on_cleaned_bodies(nlp, text):
    """The pipeline's real path: clean first, then extract over the body."""
    try:
        art = clean_article(text)
    except RejectError:
        return
    _check_extractors(nlp, art.body)


@pytest.mark.parametrize("body", [
    "Debt reached 10^308 dollars, the ministry said.",
    "The figure was 1e400 tonnes, officials said.",
    "It cost $" + "9" * 400 + " billion.",
    "Exports rose " + "9" * 400 + "% last year.",
    "He said " + '"' * 101 + " and left.",
    "\u201c" * 50 + "Nothing" + "\u201d" * 3,
    "(" * 500 + "the deal" + ")" * 499,
    "She told reporters: \u201cWe will pay \u20ac1e308 trillion\u201d.",
    "Growth was 1.7976931348623157e308 percent.",
    "Inflation fell from 9% to 7% and jobs from 157,000 to 133,000.",  # descending ranges (corpus run)
])
def test_named_hostile_inputs(nlp, body):
    """Hand-picked cases (one per shape) so a regression names its input in the test id."""
    _check_extractors(nlp, body)
