"""Normalise decoded text into plain lines: the first cleaning step, before any line is judged.

In order (``normalize_text``): line endings to ``\\n``. HTML saved as text (two or more known tags,
one of them a block tag such as ``<p>``, ``<div>``, ``<br>``, ``<html>``) is converted: page chrome
elements (``head``, ``script``, ``style``, ``nav``, ``aside``, ``footer``, ``figure``, ``form`` …) and
comments are dropped (so ``<title>`` is not used: the headline is the first block, usually ``<h1>``),
HTML whitespace is collapsed, block tags become paragraph breaks, other tags are stripped and entities
unescaped (``html.unescape``). Angle brackets that are not known tags (Reuters tickers ``<SRD>``) stay.
Which tag is known, a block or dropped is ``data/html_tags.tsv``. Mojibake (UTF-8 once read as cp1252:
"itâ€™s") is repaired. Then NFC; no-break, narrow and other odd spaces and tabs become plain spaces,
zero-width characters and soft hyphens vanish; control characters are dropped; runs of spaces
collapse; lines are stripped at both ends (indentation carries no meaning once paragraphs are
separated). Quote marks and dashes are KEPT as written: curly quotes are never straightened.
"""

from __future__ import annotations

import html
import re
import unicodedata

from newsdesk import lexicon


def _tags(role: str) -> str:
    """The tag names that have ``role`` in ``data/html_tags.tsv``, as one regex alternation."""
    return "|".join(re.escape(tag) for tag, roles in lexicon.rows("html_tags") if role in roles.split())


_HTML_SNIFF_RE = re.compile(rf"</?(?:{_tags('tag')})\b[^<>]*>|<!doctype html", re.I)
_HTML_DROP_RE = re.compile(
    rf"<!--.*?-->|<({_tags('drop')})\b"
    r"[^>]*>.*?</\1\s*>",
    re.I | re.S,
)
_HTML_BR_RE = re.compile(r"<br\s*/?>", re.I)
_HTML_BLOCK_RE = re.compile(
    rf"</?(?:{_tags('block')})\b[^<>]*>",
    re.I,
)
_HTML_ANY_TAG_RE = re.compile(r"<!doctype[^>]*>|</?[a-zA-Z][\w:-]*\b[^<>]*>|<!\[CDATA\[|\]\]>", re.I)
_WS_RUN_RE = re.compile(r"[ \t\r\n\f\v]+")


_HTML_BLOCK_SNIFF_RE = re.compile(rf"</?(?:{_tags('sniff-block')})\b|<!d", re.I)


def _looks_like_html(text: str) -> bool:
    """At least two known tags, one of them a block tag (``<p>``, ``<div>``, ``<br>``, ``<html>`` …) or a
    doctype. Text with inline tags only (``<b>…</b>``) keeps its line layout and is not converted."""
    if "<" not in text:
        return False
    tags = _HTML_SNIFF_RE.findall(text[:200_000])
    return len(tags) >= 2 and any(_HTML_BLOCK_SNIFF_RE.match(t) for t in tags)


def html_to_text(text: str) -> str:
    """Plain text of an HTML page: dropped chrome elements, block tags -> blank lines, entities unescaped.

    HTML whitespace is insignificant, so runs of whitespace (newlines included) become one space
    before block tags are turned into paragraph breaks. ``<pre>`` layout is not preserved.
    """
    text = _HTML_DROP_RE.sub(" ", text)
    text = _WS_RUN_RE.sub(" ", text)
    text = _HTML_BR_RE.sub("\n", text)
    text = _HTML_BLOCK_RE.sub("\n\n", text)
    text = _HTML_ANY_TAG_RE.sub("", text)
    return html.unescape(text)


# Odd spaces -> space; zero-width characters and soft hyphens -> nothing; line/paragraph separators.
_SPACE_MAP = {c: " " for c in (0x09, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
                               0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x0B, 0x0C)}
_SPACE_MAP.update({c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E)})
_SPACE_MAP.update({0x2028: "\n", 0x2029: "\n\n", 0x85: "\n"})
_ODD_SPACE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _SPACE_MAP) + "]")
_CTRL_DROP_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACES_RE = re.compile(r" {2,}")


# Mojibake: UTF-8 bytes once decoded as cp1252/latin-1 ("itâ€™s", "Â£5", "cafÃ©"). A run that starts
# with a UTF-8 lead byte's cp1252 character and continues with continuation-byte characters is re-encoded
# and decoded as UTF-8; runs that do not decode are left alone.
_CP1252_BYTE = {bytes([b]).decode("cp1252", errors="ignore") or chr(b): b for b in range(0x80, 0x100)}
_CONT_CHARS = "".join(ch for ch, b in _CP1252_BYTE.items() if 0x80 <= b <= 0xBF)


def _chars(lo: int, hi: int) -> str:
    return re.escape("".join(ch for ch, b in _CP1252_BYTE.items() if lo <= b <= hi))


_MOJIBAKE_RE = re.compile(  # a lead byte and exactly as many continuation bytes as it announces
    f"[{_chars(0xC2, 0xDF)}][{re.escape(_CONT_CHARS)}]|[{_chars(0xE0, 0xEF)}][{re.escape(_CONT_CHARS)}]{{2}}"
    f"|[{_chars(0xF0, 0xF4)}][{re.escape(_CONT_CHARS)}]{{3}}")


def _fix_one(m: re.Match[str]) -> str:
    try:
        return bytes(_CP1252_BYTE[ch] for ch in m.group()).decode("utf-8")
    except UnicodeDecodeError:
        return m.group()


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage ("â€œHiâ€\x9d" -> "“Hi”", "ðŸ˜€" -> "😀"). Only sequences that
    decode as UTF-8 are replaced, so real text ("Âmbar", "Ã la") is untouched."""
    return _MOJIBAKE_RE.sub(_fix_one, text)


def normalize_text(text: str) -> str:
    """Line endings to \\n, HTML to text, mojibake repaired, NFC, odd spaces to spaces, control chars
    dropped, spaces collapsed.

    Quote marks and dashes are kept as written. Lines are stripped at both ends.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_like_html(text):
        text = html_to_text(text)
    text = repair_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    text = _ODD_SPACE_RE.sub(lambda m: _SPACE_MAP[ord(m.group())] or "", text)
    text = _CTRL_DROP_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n"))
