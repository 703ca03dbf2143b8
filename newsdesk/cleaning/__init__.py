"""Turn the bytes of a raw article file into a clean article: headline, dateline, body, metadata.

Pure functions; the only I/O is reading the word lists and rule tables of ``newsdesk/data`` once at
import, through ``newsdesk.lexicon`` (and the language model, once, at the first language check).

``prepare(raw, sidecar)`` = ``decode_bytes`` → ``split_front_matter`` → ``clean_article`` →
``apply_metadata`` (front matter, then the sidecar) → ``check_english``. One module per step, each
stating its rules:

- ``decode``       bytes → text (encodings, binary and empty files rejected)
- ``metadata``     front matter taken off the text, sidecar JSON read; what they say wins over the text
- ``normalize``    text → plain lines (line endings, HTML saved as text, mojibake, odd spaces)
- ``boilerplate``  lines that are not the article (``data/boilerplate.tsv`` and rules in code),
                   trailing blocks after a terminal marker, related-article headlines
- ``headline``     the header zone, the headline, the title (or the first sentence)
- ``dateline``     the dateline opening the first paragraph
- ``dates``        full dates read by dateparser, "Published …" stamps, lone date lines: ``published_on``
- ``unwrap``       the body text: separators from the layout, hard-wrapped wire copy joined
- ``clean``        ``clean_article``: the steps in order
- ``language``     is the text English? (``not_english`` rejected; py3langid)
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
from newsdesk.cleaning.language import check_english
from newsdesk.cleaning.metadata import Metadata, MetadataError, apply_metadata, merge, metadata_from, read_sidecar, split_front_matter
from newsdesk.cleaning.normalize import normalize_text, repair_mojibake
from newsdesk.cleaning.types import CleanArticle, RejectError

__all__ = [
    "CLEANER_VERSION",
    "CleanArticle",
    "Dateline",
    "Metadata",
    "MetadataError",
    "RejectError",
    "TERMINAL_RATIO",
    "apply_metadata",
    "check_english",
    "classify_line",
    "clean_article",
    "decode_bytes",
    "find_dateline",
    "first_sentence",
    "normalize_text",
    "parse_date",
    "prepare",
    "read_sidecar",
    "repair_mojibake",
]

# Bump when the same raw bytes can give a different CleanArticle (rules or data files changed); runs can
# record it next to the extractor version so rebuilt bodies are traceable.
CLEANER_VERSION = "2026.12.06-1"


def prepare(raw: bytes, sidecar: bytes | None = None) -> tuple[CleanArticle, str]:
    """Decode and clean one raw file, with the bytes of its metadata sidecar if it has one ->
    ``(article, encoding)``. Raises ``RejectError``. A sidecar that is no JSON object is ignored here
    (staging rejects that file itself as ``bad_metadata``)."""
    text, encoding = decode_bytes(raw)
    fields, text = split_front_matter(text)
    meta = metadata_from(fields, "front_matter")
    if sidecar is not None:
        try:
            meta = merge(meta, metadata_from(read_sidecar(sidecar), "sidecar"))
        except MetadataError:
            pass
    if fields is not None and not text.strip():
        raise RejectError("no_body", "the file holds front matter and no article text")
    article = apply_metadata(clean_article(text), meta)
    check_english(article)
    return article, encoding
