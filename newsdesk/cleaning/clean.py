"""Clean one decoded article: the cleaning steps in their order, from text to ``CleanArticle``.

normalise (``normalize``) → boilerplate lines and trailing blocks (``boilerplate``) → header zone and
headline (``headline``) → related-article headlines (``boilerplate``) → body text, unwrapped
(``unwrap``) → opening paragraph and its dateline, title (``headline``, ``dateline``) → published date
(``dates``: a stamp or lone date line above the body, else the dateline's). Each step's rules are in
its module's docstring; this module only sequences them and decides when nothing is left: every line
boilerplate, or no word in what is left. A text of one line, a sentence or a headline, is a document:
its line is the body and its title (``title_source = 'first_sentence'``: the first sentence of the
line, cut at ``headline.TITLE_MAX_WORDS`` words), so nothing but a file without usable text is
rejected.
"""

from __future__ import annotations

from newsdesk.cleaning.boilerplate import cut_trailing_block, drop_related_headlines, remove_boilerplate_lines
from newsdesk.cleaning.headline import find_headline, find_opening, title_and_body
from newsdesk.cleaning.lines import MarkedLines
from newsdesk.cleaning.normalize import normalize_text
from newsdesk.cleaning.types import CleanArticle, RejectError
from newsdesk.cleaning.unwrap import join_body


def clean_article(text: str) -> CleanArticle:
    """Clean one decoded article (see ``newsdesk.cleaning``). Raises ``RejectError('whitespace_only')``
    for a text without visible characters and ``RejectError('no_body')`` when no article text is left
    (every line boilerplate, or no word among the lines kept)."""
    if not text.strip():
        raise RejectError("whitespace_only", "the text holds only whitespace")
    marked = MarkedLines(normalize_text(text).split("\n"))
    lines = marked.lines

    terminals, published_on = remove_boilerplate_lines(marked)
    cut_trailing_block(marked, terminals)
    kept = marked.kept()
    if not kept:
        raise RejectError("no_body", "every line of the text is boilerplate")

    headline, header_day = find_headline(marked, kept)
    published_on = published_on or header_day
    drop_related_headlines(marked, headline)
    body_idx = [i for i in marked.kept() if i != headline]
    if not body_idx and headline is not None:
        body_idx, headline = [headline], None  # a one-line text (sentence or headline): its line is the body
    if not body_idx:
        raise RejectError("no_body", "no article text is left below the headline")
    if not any(ch.isalpha() for i in body_idx for ch in lines[i]):
        raise RejectError("no_body", "the text has no words, only figures or symbols")

    body_text = join_body(marked, body_idx)
    opening = find_opening(lines, body_idx)
    title, title_source, body = title_and_body(lines, headline, body_idx, body_text, opening)
    dateline = opening[1]
    if published_on is None and dateline is not None:
        published_on = dateline.day
    return CleanArticle(
        title=title,
        title_source=title_source,
        dateline=dateline.text if dateline else None,
        published_on=published_on,
        body=body,
        n_words=len(body.split()),
        n_removed_lines=sum(marked.removed),
    )
