"""Is a cleaned article English? The model reads English only: other texts are rejected as ``not_english``.

Decided by py3langid (a maintained fork of langid.py: naive Bayes over byte n-grams, 140 languages,
probabilities normalised), on a sample of the body: its words of two or more letters (figures, tickers
and punctuation left out), the first ``SAMPLE_WORDS`` of them, each line that is mostly capitals
lower-cased first (wire copy in capitals reads as English to people, not to detectors).

A text is rejected when the detector's best language is one ``data/languages.tsv`` marks ``reject`` and

- the sample's letters are mostly not Latin script (Cyrillic, Chinese, Arabic …): English is written in
  Latin letters, so however short the text, it is not English; or
- the sample has at least ``MIN_WORDS`` words and the detector's probability is at least
  ``MIN_CONFIDENCE``.

Anything else is kept: a text the detector is unsure about, and every Latin-script text under
``MIN_WORDS`` words (a one-line headline: on the 21,268 BBC and Reuters headlines, detectors name a
wrong language with high confidence for dozens of them, e.g. "GROUPE BRUXELLES LAMBERT PROFIT UP"; a
short foreign headline kept is cheaper than an English one lost). Measured on the 2,225 BBC and 19,043
Reuters articles and their 21,268 headlines: no English text rejected (the highest non-English
probability of an English text of 10+ words is 0.36); of 34 foreign texts written for the test (de,
fr, es, ru, zh, it, pt, nl, pl, tr, ja, ar; 1–33 words), 24 are rejected: every non-Latin one, and
every Latin one of 10+ words but one (a 10-word Spanish sentence at 0.58).

Cost: the model loads once per process (~1.5 s, on the first text checked), then ~2 ms per article.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsdesk import lexicon
from newsdesk.cleaning.types import CleanArticle, RejectError

# A text of fewer words (of 2+ letters) in Latin script is never rejected: the detector is unsure of them.
MIN_WORDS = 10
# The detector's probability of the text's language at which a text of MIN_WORDS+ words is rejected.
MIN_CONFIDENCE = 0.8
# Words of the body the detector reads (the rest adds time, not certainty).
SAMPLE_WORDS = 200

_WORD_RE = re.compile(r"[^\W\d_]{2,}(?:['’][^\W\d_]+)?")
_LANGUAGES = {code: (name, verdict) for code, name, verdict in lexicon.rows("languages")}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # ~1.5 s to load the model: once, when needed

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def sample_words(text: str, limit: int = SAMPLE_WORDS) -> list[str]:
    """The words the detector reads: 2+ letters, lines that are mostly capitals lower-cased."""
    out: list[str] = []
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
            line = line.lower()
        out.extend(_WORD_RE.findall(line))
        if len(out) >= limit:
            break
    return out[:limit]


def latin_share(words: list[str]) -> float:
    """Share of the letters that are Latin script (1.0 for no letters)."""
    letters = [c for w in words for c in w if c.isalpha()]
    if not letters:
        return 1.0
    return sum(c < "\u0250" or "LATIN" in unicodedata.name(c, "") for c in letters) / len(letters)


def detect(text: str) -> tuple[str, float, int, float]:
    """``(language code, probability, words read, Latin share)`` for ``text`` ("en", 0.99, 200, 1.0)."""
    words = sample_words(text)
    if not words:
        return "zxx", 1.0, 0, 1.0
    sample = " ".join(words)
    ranked = _identifier().rank(sample)
    code, prob = ranked[0]
    share = latin_share(words)
    if share < 0.5 and _verdict(code) == "accept":  # not Latin script, so not English: the best other guess
        code, prob = next(((c, p) for c, p in ranked if _verdict(c) == "reject"), (code, prob))
    return code, float(prob), len(words), share


def _verdict(code: str) -> str:
    return _LANGUAGES.get(code, (code, "reject"))[1]


def language_name(code: str) -> str:
    """"German" for "de" (the code itself when the table does not know it)."""
    return _LANGUAGES.get(code, (code, ""))[0]


def check_english(article: CleanArticle) -> None:
    """Raise ``RejectError('not_english')`` when the article is not in English (module docstring)."""
    code, prob, n_words, share = detect(article.body)
    if _verdict(code) != "reject":
        return
    if share < 0.5:
        why = " (the text is not in Latin script)"
    elif n_words >= MIN_WORDS and prob >= MIN_CONFIDENCE:
        why = ""
    else:
        return
    raise RejectError("not_english", f"detected {language_name(code)} ({code}) with confidence {prob:.2f}{why}; "
                                     "newsdesk reads English only")
