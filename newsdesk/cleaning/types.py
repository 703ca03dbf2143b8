"""What cleaning returns: a ``CleanArticle``, or a ``RejectError`` saying why a file is no document."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


class RejectError(Exception):
    """A file that cannot become a document. ``.reason`` is a short code, ``.detail`` a human sentence.

    Reason codes: ``empty``, ``whitespace_only``, ``binary``, ``undecodable``, ``no_body``, ``not_english``.
    """

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

    def __reduce__(self):  # picklable across worker processes (Dask, multiprocessing)
        return type(self), (self.reason, self.detail)


@dataclass(frozen=True)
class CleanArticle:
    """One cleaned article (see ``newsdesk.cleaning`` for how each field is found)."""

    title: str  # the headline, or the first sentence when there is none
    title_source: str  # 'headline' | 'first_sentence' | 'metadata'
    dateline: str | None  # "BEIJING", "LOS ANGELES, March 12" (no dash/colon, no agency)
    published_on: datetime.date | None  # only a full date: metadata, else "Published …", a date line, a dateline
    body: str  # headline as first line, then paragraphs separated by "\n\n" (sometimes "\n")
    n_words: int  # whitespace-separated words in body
    n_removed_lines: int  # non-blank lines removed (boilerplate, junk above the headline, cut blocks)
    url: str | None = None  # the article's address, from its metadata (front matter or sidecar)
    outlet: str | None = None  # the publication, from its metadata ("BBC News", "reuters.com")
    metadata_source: str | None = None  # 'front_matter' | 'sidecar' | 'front_matter+sidecar'
