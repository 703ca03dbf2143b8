"""Turn the bytes of a raw article file into a clean article: headline, dateline, body.

Pure functions; the only I/O is reading the word lists and rule tables of ``newsdesk/data`` once at
import, through ``newsdesk.lexicon``.

``prepare(raw)`` = ``decode_bytes`` + ``clean_article``. One module per step, each stating its rules:

- ``decode``       bytes → text (encodings, binary and empty files rejected)
- ``normalize``    text → plain lines (line endings, HTML saved as text, mojibake, odd spaces)
- ``boilerplate``  lines that are not the article (``data/boilerplate.tsv`` and rules in code),
                   trailing blocks after a terminal marker, related-article headlines
- ``headline``     the header zone, the headline, the title (or the first sentence)
- ``dateline``     the dateline opening the first paragraph
- ``dates``        full dates, "Published …" stamps, lone date lines: ``published_on``
- ``unwrap``       the body text: separators from the layout, hard-wrapped wire copy joined
- ``clean``        ``clean_article``: the steps in order
- ``lines``        the marked lines the steps share, and line shapes (sentence end, paragraph-like)
- ``types``        ``CleanArticle`` and ``RejectError``

Cleaning a cleaned body again gives the same body (a fixed point; tested on seeds and samples).
"""

from __future__ import annotations

from newsdesk.cleaning.boilerplate import TERMINAL_RATIO, classify_line
from newsdesk.cleaning.clean import clean_article
from newsdesk.cleaning.dateline import Dateline, find_dateline
from newsdesk.cleaning.dates import parse_date
from newsdesk.cleaning.decode import decode_bytes
from newsdesk.cleaning.headline import first_sentence
from newsdesk.cleaning.normalize import normalize_text, repair_mojibake
from newsdesk.cleaning.types import CleanArticle, RejectError

__all__ = [
    "CLEANER_VERSION",
    "CleanArticle",
    "Dateline",
    "RejectError",
    "TERMINAL_RATIO",
    "classify_line",
    "clean_article",
    "decode_bytes",
    "find_dateline",
    "first_sentence",
    "normalize_text",
    "parse_date",
    "prepare",
    "repair_mojibake",
]

# Bump when the same raw bytes can give a different CleanArticle (rules or data files changed); runs can
# record it next to the extractor version so rebuilt bodies are traceable.
CLEANER_VERSION = "2026.12.03-1"


def prepare(raw: bytes) -> tuple[CleanArticle, str]:
    """Decode and clean one raw file -> ``(article, encoding)``. Raises ``RejectError``."""
    text, encoding = decode_bytes(raw)
    return clean_article(text), encoding
