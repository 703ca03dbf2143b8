"""Turn the bytes of a raw article file into a clean article: headline, dateline, body.

Pure functions; the only I/O is reading ``data/boilerplate.tsv`` once at import.

``prepare(raw)`` = ``decode_bytes`` + ``clean_article``. What ``clean_article`` does, in order:

1. **Normalise** (``normalize_text``): line endings to ``\\n``. HTML saved as text (two or more known
   tags, one of them a block tag such as ``<p>``, ``<div>``, ``<br>``, ``<html>``) is converted:
   ``head/script/style/nav/aside/footer/figure/figcaption/form`` elements and comments are dropped (so
   ``<title>`` is not used: the headline is the first block, usually ``<h1>``), HTML whitespace is
   collapsed, block tags become paragraph breaks, other tags are stripped and entities unescaped
   (``html.unescape``). Angle brackets that are not known tags (Reuters tickers ``<SRD>``) stay.
   Mojibake (UTF-8 once read as cp1252: "itâ€™s") is repaired. Then NFC; no-break, narrow and other odd
   spaces and tabs become plain spaces, zero-width characters and soft hyphens vanish; control
   characters are dropped; runs of spaces collapse; lines are stripped at both ends (indentation
   carries no meaning once paragraphs are separated). Quote marks and dashes are KEPT as written:
   curly quotes are never straightened.
2. **Boilerplate lines** are removed by regex families from ``data/boilerplate.tsv`` (ads, newsletter /
   app / social prompts, "Read more", comment forms, "Source link", "About <Site>", video players and
   timestamps, photo credits and captions, share buttons, agency sign-offs, copyright lines) plus rules
   in code: the caption line(s) after a video timestamp, a line repeated verbatim right after itself,
   a lone 1–4 digit number not glued under a text line (comment counts), a separator line ("* * *"),
   "Published …"/"Updated …" stamps, bylines, breadcrumbs and lone date lines above the body, the
   headline printed again, and related-article headlines standing alone between
   paragraphs (``_is_related_headline``). The tail of a hard-wrapped sentence (a line starting in lower
   case right under a line that does not end a sentence) is never boilerplate.
3. **Trailing blocks**: after a *terminal* marker ("Source link", "Leave a Reply", bare "Read More",
   "Check Also", "Related articles", "About <Site>", "Share this:", …) the rest is cut when it holds at
   most ``TERMINAL_RATIO`` times the words kept before the marker, so a marker early in an article only
   loses its own line.
4. **Headline**: the first non-boilerplate line above the body, skipping 1–3 word lines that sit right
   above a headline-like line (4–30 words, no final punctuation): those are section tags. Lines above
   the headline are removed. "Above the body" ends at the first paragraph-like line (a sentence-final
   line of 10+ words, any line of 40+ words, a bullet, or a line opening with a dateline and some text).
   With no line above the body, the title is the first sentence of the first paragraph without its
   dateline, cut at 25 words (an ellipsis "…" marks the cut), ``title_source`` is ``"first_sentence"``
   and the body has no separate title line. A one-sentence text is a body, not a headline.
5. **Dateline** opening the first paragraph (standfirst lines may precede it): ``"BEIJING -"``,
   ``"MOSCOW:"``, ``"LOS ANGELES, March 12 (Reuters) -"``, ``"WASHINGTON (AP) —"``,
   ``"ROCHESTER, N.Y., Feb 26 -"``. Recorded as place and date, without agency and separator; the body
   keeps it (downstream offsets index into the body). ``published_on`` comes from a "Published …"
   stamp or a lone date line above the body, else from a dateline that states a year.
6. **Body** = headline line, ``"\\n\\n"``, then the kept lines; two kept lines are joined by
   ``"\\n\\n"`` when a blank or removed line stood between them, by ``" "`` when the text is
   hard-wrapped (wire copy at ~70 columns) and the break falls inside a sentence, else by ``"\\n"``.
   Hard-wrapped (``_wrap_width``): the longest body line has 40–100 characters and at least two
   line breaks fall inside a sentence (the line above does not end a sentence) where the next
   line's first word would not have fitted on the line above (a paragraph's first line is allowed
   four columns less: its indent is often lost, "NEW YORK, March 9 - The Semiconductor Industry\n
   Association said"). Only such breaks, and breaks before
   a line that starts in lower case under a line that does not end a sentence, are joined, so
   tables ("Shr six cts vs three cts") and sentence-final lines keep their line breaks, and
   downstream a line break still starts a sentence ("Clayton\\nYeutter" was two sentences). Bullet standfirst
   lines are kept as body lines WITH their bullet sign ("• The Chinese leader said …"): the sign
   tells a re-run that they are standfirst lines, not a headline, and spaCy reads it as punctuation.

Cleaning a cleaned body again gives the same body (a fixed point; tested on seeds and samples).

Limits: rules are line-based; boilerplate glued inside a real paragraph stays. A related-article
headline is recognised only when it stands alone between two sentence-final paragraphs (6–20 words,
no final punctuation, not all capitals), so a 6+ word sub-head without punctuation may go too. A
caption without a credit ("Mr Xi in Beijing.") is not recognised. UTF-16 without BOM is only
recognised for mostly-Latin text (NUL bytes at alternate positions).
"""

from __future__ import annotations

import codecs
import datetime
import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

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

DATA_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.tsv"

# Bump when the same raw bytes can give a different CleanArticle (rules or data file changed); runs can
# record it next to the extractor version so rebuilt bodies are traceable.
CLEANER_VERSION = "2026.12.03-1"

# A terminal marker cuts the rest of the file when the rest has at most this share of the words
# kept before the marker.
TERMINAL_RATIO = 0.5
# Max words of a title built from the first sentence.
TITLE_MAX_WORDS = 25
# Share of control characters above which decoded text counts as binary.
MAX_CONTROL_SHARE = 0.05


class RejectError(Exception):
    """A file that cannot become a document. ``.reason`` is a short code, ``.detail`` a human sentence.

    Reason codes: ``empty``, ``whitespace_only``, ``binary``, ``undecodable``, ``no_body``.
    """

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

    def __reduce__(self):  # picklable across worker processes (Dask, multiprocessing)
        return type(self), (self.reason, self.detail)


@dataclass(frozen=True)
class CleanArticle:
    """One cleaned article (see the module docstring for how each field is found)."""

    title: str  # the headline, or the first sentence when there is none
    title_source: str  # 'headline' | 'first_sentence'
    dateline: str | None  # "BEIJING", "LOS ANGELES, March 12" (no dash/colon, no agency)
    published_on: datetime.date | None  # only from a full date with year (dateline or "Published …")
    body: str  # headline as first line, then paragraphs separated by "\n\n" (sometimes "\n")
    n_words: int  # whitespace-separated words in body
    n_removed_lines: int  # non-blank lines removed (boilerplate, junk above the headline, cut blocks)


# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    return len(_CONTROL_RE.findall(text)) / max(len(text), 1)


def _check_not_binary(text: str, encoding: str) -> None:
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise RejectError("binary", f"{share:.0%} of the characters decoded as {encoding} are control characters")


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit at alternate positions (mostly-Latin UTF-16)."""
    if len(raw) < 8:
        return None
    even, odd = raw[0::2], raw[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd >= 0.3 and z_even <= 0.02:
        return "utf-16-le"
    if z_even >= 0.3 and z_odd <= 0.02:
        return "utf-16-be"
    return None


# Valid UTF-8 multi-byte sequences; a file with at least _MIXED_MIN_UTF8 of them that still fails
# strict UTF-8 is read as UTF-8 with its invalid bytes taken as cp1252 (latin-1 where cp1252 has a hole).
_UTF8_MULTIBYTE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_MIXED_MIN_UTF8 = 3
_MIXED_ERRORS = "newsdesk-cp1252"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), exc.end


codecs.register_error(_MIXED_ERRORS, _cp1252_fallback)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode a file's bytes -> ``(text, encoding_name)``.

    Order: BOM (UTF-32, UTF-8 'utf-8-sig', UTF-16 'utf-16'); UTF-16 without BOM when NUL bytes sit at
    alternate positions ('utf-16-le'/'utf-16-be'); any other NUL byte -> ``RejectError('binary')``;
    strict UTF-8 ('utf-8'); a file that is mostly UTF-8 (3+ valid multi-byte sequences) with a few
    invalid bytes is read as UTF-8 with those bytes taken as cp1252 ('utf-8+cp1252'); otherwise cp1252,
    then latin-1 (which always decodes), only when UTF-8 fails.
    Text whose control characters exceed ``MAX_CONTROL_SHARE`` -> ``RejectError('binary')``.
    Empty input -> ``RejectError('empty')``; a BOM'd UTF-16/32 file that does not decode ->
    ``RejectError('undecodable')``. The returned text keeps its line endings (clean_article
    normalises them); a UTF-16 BOM is consumed.
    """
    if not raw:
        raise RejectError("empty", "the file has no bytes")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise RejectError("undecodable",
                                  f"starts with a {enc} byte-order mark but does not decode: {exc.reason}")
            _check_not_binary(text, enc)
            return text, enc
    if raw.startswith(codecs.BOM_UTF8):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raw = raw[len(codecs.BOM_UTF8):]  # a BOM glued onto non-UTF-8 text: decode the rest
        else:
            _check_not_binary(text, "utf-8-sig")
            return text, "utf-8-sig"
    if b"\x00" in raw:
        enc16 = _utf16_without_bom(raw)
        if enc16:
            try:
                text = raw.decode(enc16)
            except UnicodeDecodeError:
                pass
            else:
                _check_not_binary(text, enc16)
                return text, enc16
        raise RejectError("binary", f"{raw.count(0)} NUL bytes in a file that is not UTF-16")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_not_binary(text, "utf-8")
        return text, "utf-8"
    if len(_UTF8_MULTIBYTE_RE.findall(raw)) >= _MIXED_MIN_UTF8:
        # mostly UTF-8 with a few legacy bytes (a pasted cp1252 quote): keep the UTF-8, map the rest
        text = raw.decode("utf-8", errors=_MIXED_ERRORS)
        _check_not_binary(text, "utf-8+cp1252")
        return text, "utf-8+cp1252"
    for enc in ("cp1252", "latin-1"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        _check_not_binary(text, enc)
        return text, enc
    raise RejectError("undecodable", "no encoding decodes the bytes")  # unreachable: latin-1 decodes all


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_HTML_TAG_NAMES = (
    "html|head|body|p|div|br|span|a|h[1-6]|article|section|ul|ol|li|table|tr|td|th|strong|em|b|i|u|img|"
    "figure|figcaption|script|style|meta|link|header|footer|nav|aside|blockquote|main|time|title|form|"
    "iframe|noscript|svg|button|label|input|sup|sub|small|hr|pre|code"
)
_HTML_SNIFF_RE = re.compile(rf"</?(?:{_HTML_TAG_NAMES})\b[^<>]*>|<!doctype html", re.I)
_HTML_DROP_RE = re.compile(
    r"<!--.*?-->|<(script|style|head|nav|aside|footer|figure|figcaption|form|noscript|template|iframe|svg|button)\b"
    r"[^>]*>.*?</\1\s*>",
    re.I | re.S,
)
_HTML_BR_RE = re.compile(r"<br\s*/?>", re.I)
_HTML_BLOCK_RE = re.compile(
    r"</?(?:p|div|h[1-6]|article|section|ul|ol|li|table|tr|blockquote|main|header|pre|hr|title|body|html)\b[^<>]*>",
    re.I,
)
_HTML_ANY_TAG_RE = re.compile(r"<!doctype[^>]*>|</?[a-zA-Z][\w:-]*\b[^<>]*>|<!\[CDATA\[|\]\]>", re.I)
_WS_RUN_RE = re.compile(r"[ \t\r\n\f\v]+")


_HTML_BLOCK_SNIFF_RE = re.compile(r"</?(?:p|div|br|h[1-6]|li|html|body|article|section|table|tr|blockquote|main)\b|<!d",
                                  re.I)


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


# --------------------------------------------------------------------------------------------
# Boilerplate rules
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rule:
    family: str
    action: str  # drop | terminal | video
    regex: re.Pattern[str]


def _load_rules(path: Path = DATA_FILE) -> tuple[_Rule, ...]:
    rules = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        family, action, pattern = line.split("\t", 2)
        if action not in ("drop", "terminal", "video"):
            raise ValueError(f"{path}:{n}: unknown action {action!r}")
        rules.append(_Rule(family, action, re.compile(pattern, re.I)))
    return tuple(rules)


_RULES = _load_rules()
# Boilerplate lines are short: only caption rules are tried on lines longer than this.
_SHORT_LINE = 200
# A caption ends with its credit ("… Photo: AFP", "… (Reuters)"), never with sentence punctuation:
# lines ending in one of these are not tried against caption rules (speed; a caption ending "AFP." stays).
_NOT_CAPTION_END = frozenset('.!?…"”')


def _any_of(rules) -> re.Pattern[str]:
    """One alternation of several rules: a single C-level test rejects most lines (speed only)."""
    return re.compile("|".join(f"(?:{r.regex.pattern})" for r in rules), re.I)


_CAPTION_RULES = tuple(r for r in _RULES if r.family == "caption")
_OTHER_RULES = tuple(r for r in _RULES if r.family != "caption")
_ANY_CAPTION = _any_of(_CAPTION_RULES)
_ANY_OTHER = _any_of(_OTHER_RULES)


def classify_line(line: str) -> tuple[str, str] | None:
    """``(family, action)`` of the first boilerplate rule that matches the whole stripped line, else None.

    Rules are tried in file order, except that caption rules come last and only for lines that do
    not end with sentence punctuation (see ``_NOT_CAPTION_END``).
    """
    if len(line) <= _SHORT_LINE and _ANY_OTHER.fullmatch(line):
        for rule in _OTHER_RULES:
            if rule.regex.fullmatch(line):
                return rule.family, rule.action
    if line and line[-1] not in _NOT_CAPTION_END and _ANY_CAPTION.fullmatch(line):
        return "caption", "drop"
    return None


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_NUM = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}}))\b"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)"
_STAMP_RE = re.compile(
    r"(?P<kind>first published|published|posted|publication date|date|last updated|updated|modified)"
    r"(?:\s+(?:on|at))?\s*[:|-]?\s*(?P<rest>.{3,80})", re.I)
# what follows "Published"/"Updated": a date, a weekday, a time or "2 hours ago" comes first
_STAMP_REST_RE = re.compile(rf"(?:\d|{_WEEKDAY}|{_MONTH}\b)", re.I)
_STAMP_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|\bago\b")
# a header line that is only a date (and time): "Tuesday, 12 March 2024 10:32 GMT"
_LONE_DATE_RE = re.compile(
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:\s*[,|·•-]?\s*(?:at\s+)?{_TIME})?(?:\s*[,|·•-]?\s*{_TIME})?",
    re.I)
# a byline above the body: "By Ann Smith", "By Ann Smith and Bob Jones, Reuters"
_BYLINE_RE = re.compile(
    r"(?:By|BY|Written by|Words by|Story by)\s+[A-Z][\w'’.-]*(?:[ ,]+(?:and\s+)?[\w'’.&-]+){0,9}")
_LONE_NUMBER_RE = re.compile(r"\d{1,4}")
_DECOR_RE = re.compile(r"[\s*•·▪●■◦‣▸►\-–—_=~#+|/\\]+")
_BREADCRUMB_RE = re.compile(r"[^<>»›|]{1,40}(?:\s[>»›|]\s[^<>»›|]{1,40}){2,6}")  # "World > Asia > China"


def parse_date(text: str) -> datetime.date | None:
    """The first full date with a year in ``text`` ("12 March 2024", "March 12, 2024", "2024-03-12")."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        if m["y1"]:
            return datetime.date(int(m["y1"]), _MONTH_NUM[m["m1"][:3].lower()], int(m["d1"]))
        if m["y2"]:
            return datetime.date(int(m["y2"]), _MONTH_NUM[m["m2"][:3].lower()], int(m["d2"]))
        return datetime.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
    except ValueError:
        return None


def _stamp(line: str) -> tuple[bool, datetime.date | None]:
    """Is ``line`` a "Published 12 March 2024" / "Updated: 10:32 GMT" stamp? -> (is_stamp, published date)."""
    m = _STAMP_RE.fullmatch(line)
    if not m or not _STAMP_REST_RE.match(m["rest"]) or _words(m["rest"]) > 8 or m["rest"].rstrip()[-1:] in ".!?":
        return False, None
    day = parse_date(m["rest"])
    if day is None and not _STAMP_TIME_RE.search(m["rest"]):
        return False, None
    kind = m["kind"].lower()
    return True, (day if kind in ("first published", "published", "posted", "publication date", "date") else None)


# --------------------------------------------------------------------------------------------
# Datelines, sentences, headlines
# --------------------------------------------------------------------------------------------

_AGENCY = r"[A-Z][A-Za-z.&/ -]{0,24}"
# Upper-case labels that open a paragraph like a place would ("UPDATE: …", "RPT - …")
_NOT_PLACES = frozenset(
    "UPDATE UPDATED EXCLUSIVE BREAKING WATCH ANALYSIS OPINION EDITORIAL COMMENT NOTE WARNING LIVE VIDEO PHOTOS "
    "FILE CORRECTED CORRECTION RPT REPEAT FACT CHECK EXPLAINER PODCAST REVIEW INTERVIEW READ ALSO RELATED MORE"
    .split())
_CAPS_PLACE = r"(?:[A-Z][A-Z'’.-]+(?:\s(?:[A-Z][A-Z'’.-]*|de|da|del|do|al|el|la|es)){0,3})"
_TITLE_PLACE = r"(?:[A-Z][a-z'’.-]+(?:\s[A-Z][a-z'’.-]+){0,2})"
_DL_DATE = rf"(?i:{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}\.?(?:,?\s+\d{{4}})?)"
_SEP = r"(?:\s*[-–—]{1,2}\s+|\s*:\s*)"
# ", Belgium" / ", N.Y." / ", Ontario" after the place (never a month)
_REGION = rf"(?:,\s(?!{_MONTH}\b)[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)"
_DATELINE_RE = re.compile(
    # all-caps place, optional region, optional date, optional (agency), then dash or colon
    rf"(?P<place>{_CAPS_PLACE}{_REGION}?)"
    rf"(?:,?\s+(?P<date>{_DL_DATE}))?(?:\s*\((?P<agency>{_AGENCY})\)|,\s(?P<agency_c>Reuters?|AP|AFP|UPI))?"
    rf"(?P<sep>{_SEP})(?=\S)"
    # or a title-case place that must carry an agency or a date
    rf"|(?P<place2>{_TITLE_PLACE}{_REGION}?)(?:,?\s+(?P<date2>{_DL_DATE}))?\s*\((?P<agency2>{_AGENCY})\)"
    rf"(?P<sep2>{_SEP})(?=\S)"
    rf"|(?P<place3>{_TITLE_PLACE}{_REGION}?),\s*(?P<date3>{_DL_DATE})(?P<sep3>\s*[-–—]{{1,2}}\s+)(?=\S)"
)


@dataclass(frozen=True)
class Dateline:
    text: str  # "LOS ANGELES, March 12"
    end: int  # offset in the paragraph where the article text starts
    day: datetime.date | None  # only if the dateline carries a year
    strong: bool  # a date or an agency is part of it: surely a dateline, not a headline with a dash


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None. The place must be all caps unless an agency or a
    date follows it ("Washington (AP) —", "Beijing, March 12 -"). Labels such as "UPDATE:" are not places."""
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return None
    place = m["place"] or m["place2"] or m["place3"]
    date = m["date"] or m["date2"] or m["date3"]
    first_word = re.split(r"[\s,]", place, maxsplit=1)[0]
    if m["place"] and (first_word.strip(".’'") in _NOT_PLACES or len(place) < 3 and not m["agency"]):
        return None
    text = f"{place}, {date}" if date else place
    strong = bool(date or m["agency"] or m["agency_c"] or m["agency2"])
    return Dateline(text=text, end=m.end(), day=parse_date(date) if date else None, strong=strong)


_ABBREV = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr no co corp inc ltd vs v etc "
    "u.s u.k u.n e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec fig approx est dept maj rev".split())
_SENT_END_RE = re.compile(r"[.!?…][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


def first_sentence(text: str, max_words: int = TITLE_MAX_WORDS) -> str:
    """The first sentence of ``text`` (abbreviation- and initial-aware), cut at ``max_words`` with "…"."""
    end = len(text)
    for m in _SENT_END_RE.finditer(text):
        before = text[max(0, m.start() - 30): m.start()].rsplit(None, 1)
        word = before[-1].lower().lstrip("(\"“‘'") if before else ""
        if text[m.start()] == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
            continue
        end = m.end()
        break
    words = text[:end].split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:–—-") + "…"
    return " ".join(words)


_TERMINAL_PUNCT = ".!?…"
_CLOSERS = "\"”’')]"
_BULLET_RE = re.compile(r"[•·▪●■◦‣▸►]\s*")
_OPENER_RE = re.compile(r"[\"“‘'(\[]?[A-Z0-9£$€¥]")


def _ends_sentence(line: str) -> bool:
    """Ends with sentence punctuation, possibly followed by closing quotes/brackets."""
    return line.rstrip(_CLOSERS)[-1:] in _TERMINAL_PUNCT


def _is_paragraph_like(line: str) -> bool:
    """A body line rather than a headline: a finished sentence of 10+ words, 40+ words, a bullet,
    or a line opening with a dateline."""
    n = len(line.split())
    if n >= 40 or _BULLET_RE.match(line):
        return True
    tail = line.rstrip(_CLOSERS)[-1:]
    if n >= 10 and tail in ".…!":
        return True
    if n >= 20 and tail == "?":
        return True
    if n < 6:
        return False
    dateline = find_dateline(line)  # "OIL PRICES FALL - ANALYSTS" is a headline: too little after the dash
    if dateline is None:
        return False
    # an all-caps line with a dash ("PEP BOYS - MANNY, MOE AND JACK INC") is a headline unless dated
    return dateline.strong or len(line[dateline.end:].split()) >= 6 and any(c.islower() for c in line)


def _words(line: str) -> int:
    return len(line.split())


def _is_continuation(lines: list[str], removed: list[bool], i: int) -> bool:
    """Line ``i`` continues a hard-wrapped sentence: it starts with a lower-case letter and the kept
    line right above it (no blank between) does not end a sentence ("…1.53 dlrs a\\nshare.")."""
    return bool(i and lines[i - 1] and not removed[i - 1] and lines[i][0].islower()
                and not _ends_sentence(lines[i - 1]))


_PARA_INDENT = 4  # columns a hard-wrapped paragraph's first line may have been indented by


def _wrapped_break(above: str, below: str, width: int) -> bool:
    """The line break between ``above`` and ``below`` was made by wrapping at ``width`` columns:
    ``above`` does not end a sentence and ``below``'s first word would not have fitted on it."""
    return not _ends_sentence(above) and len(above) + 1 + len(below.split(" ", 1)[0]) > width


def _wrap_width(lines: list[str], body_idx: list[int]) -> int | None:
    """The column width a hard-wrapped body was wrapped at (its longest line), or None when the
    body is not hard-wrapped: the longest line has 40–100 characters and at least two breaks
    between adjacent body lines are wrapping breaks (``_wrapped_break``)."""
    if len(body_idx) < 3:
        return None
    width = max(len(lines[i]) for i in body_idx)
    if not 40 <= width <= 100:
        return None
    wrapped = sum(1 for a, b in zip(body_idx, body_idx[1:])
                  if b == a + 1 and _wrapped_break(lines[a], lines[b], width))
    return width if wrapped >= 2 else None


def _is_headline_like(line: str) -> bool:
    """4–30 words without sentence punctuation at the end, not opening with a dated dateline."""
    if not 4 <= _words(line) <= 30 or _ends_sentence(line):
        return False
    dateline = find_dateline(line)
    return dateline is None or not dateline.strong


def _is_related_headline(line: str, prev_kept: str | None, next_kept: str | None) -> bool:
    """A related-article headline between paragraphs: 6–20 words, no final punctuation or colon,
    capitalised, the paragraph before it finished and a new prose paragraph (8+ words, sentence-final)
    after it (so never the last line, nor a line inside a list of short lines).
    The caller checks it stands alone (blank or removed lines on both sides)."""
    n = len(line.split())
    if not 6 <= n <= 20 or prev_kept is None or next_kept is None:
        return False
    if _ends_sentence(line) or line[-1] in ":;," or not _OPENER_RE.match(line):
        return False
    if " v " in line or _BULLET_RE.match(line) or line[0] in "-–—" or line.upper() == line:
        return False
    return (_ends_sentence(prev_kept) and _ends_sentence(next_kept) and _words(next_kept) >= 8
            and bool(_OPENER_RE.match(next_kept)))


# --------------------------------------------------------------------------------------------
# The cleaner
# --------------------------------------------------------------------------------------------

def clean_article(text: str) -> CleanArticle:
    """Clean one decoded article (see the module docstring). Raises ``RejectError('whitespace_only')``
    for a text without visible characters and ``RejectError('no_body')`` when no article text is left."""
    if not text.strip():
        raise RejectError("whitespace_only", "the text holds only whitespace")
    lines = normalize_text(text).split("\n")
    n = len(lines)
    keep = [bool(line) for line in lines]  # blank lines are separators, never "removed"
    removed = [False] * n
    published_on: datetime.date | None = None

    def drop(i: int) -> None:
        if keep[i]:
            keep[i] = False
            removed[i] = True

    def next_nonblank(i: int) -> int | None:
        for j in range(i + 1, n):
            if lines[j]:
                return j
        return None

    # Pass 1: line rules.
    terminals: list[int] = []
    prev_text: str | None = None
    for i, line in enumerate(lines):
        if not line or not keep[i]:
            continue
        if line == prev_text:  # verbatim repeat of the previous kept line
            drop(i)
            continue
        if _is_continuation(lines, removed, i):
            prev_text = line
            continue  # the tail of a hard-wrapped sentence ("…1.53 dlrs a\nshare."), never boilerplate
        if _DECOR_RE.fullmatch(line):  # separators: "* * *", "•", "—", "- - - -"
            drop(i)
            continue
        hit = classify_line(line)
        if hit and hit[0] == "about" and prev_text is None:
            hit = None  # "About <Site>" closes an article; as its first line it is a headline ("About Time")
        if hit:
            family, action = hit
            drop(i)
            if action == "terminal":
                terminals.append(i)
            elif action == "video":  # the player's caption follows, often twice
                j = next_nonblank(i)
                nj = next_nonblank(j) if j is not None else None
                if j is not None and (_words(lines[j]) <= 30 and not _ends_sentence(lines[j])
                                      or nj is not None and lines[nj] == lines[j]):
                    drop(j)
                    k = next_nonblank(j)
                    while k is not None and lines[k] == lines[j]:
                        drop(k)
                        k = next_nonblank(k)
            continue
        if _LONE_NUMBER_RE.fullmatch(line) and (not lines[i - 1] or removed[i - 1]):  # a comment count, alone
            drop(i)
            continue
        is_stamp, day = _stamp(line)
        if is_stamp:
            drop(i)
            published_on = published_on or day
            continue
        prev_text = line

    # Pass 2: cut the trailing block after the first qualifying terminal marker.
    if terminals:
        kept_words = [(_words(lines[i]) if keep[i] else 0) for i in range(n)]
        total = sum(kept_words)
        before = 0
        cursor = 0
        for t in terminals:
            before += sum(kept_words[cursor:t])
            cursor = t
            if before and total - before <= TERMINAL_RATIO * before:
                for j in range(t + 1, n):
                    drop(j)
                break

    kept = [i for i in range(n) if keep[i]]
    if not kept:
        raise RejectError("no_body", "every line of the text is boilerplate")

    # Pass 3: the header zone (lines above the first paragraph-like line) and the headline.
    first_par = next((i for i in kept if _is_paragraph_like(lines[i])), None)
    header = [i for i in kept if first_par is None or i < first_par]
    candidates = []
    for i in header:
        line = lines[i]
        if _is_continuation(lines, removed, i):
            candidates.append(i)
        elif _BYLINE_RE.fullmatch(line) and _words(line) <= 10 or _LONE_DATE_RE.fullmatch(line) \
                or _BREADCRUMB_RE.fullmatch(line) or _LONE_NUMBER_RE.fullmatch(line):
            published_on = published_on or parse_date(line)
            drop(i)
        else:
            candidates.append(i)
    headline: int | None = None
    if candidates:
        headline = candidates[-1]
        for pos, i in enumerate(candidates[:-1]):
            # a 1–3 word line right above a headline-like line is a section tag
            if not (_words(lines[i]) <= 3 and _is_headline_like(lines[candidates[pos + 1]])):
                headline = i
                break
        for i in candidates:
            if i < headline:
                drop(i)
        for i in range(headline + 1, n):  # the headline printed again under itself (CMS templates)
            if keep[i] and lines[i] == lines[headline]:
                drop(i)
            elif keep[i] and _is_paragraph_like(lines[i]):
                break

    # Pass 4: related-article headlines standing alone between paragraphs.
    kept = [i for i in range(n) if keep[i]]
    start = kept.index(headline) + 1 if headline is not None else 0
    for pos in range(start + 1, len(kept) - 1):
        i = kept[pos]
        alone = (not lines[i - 1] or removed[i - 1]) and (i + 1 >= n or not lines[i + 1] or removed[i + 1])
        if alone and _is_related_headline(lines[i], lines[kept[pos - 1]], lines[kept[pos + 1]]):
            drop(i)
    kept = [i for i in range(n) if keep[i]]
    body_idx = [i for i in kept if i != headline]
    if not body_idx and headline is not None and _ends_sentence(lines[headline]):
        body_idx, headline = [headline], None  # a one-line text: it is the body, not a headline
    if not body_idx:
        raise RejectError("no_body", "no article text is left below the headline")

    # Body: separators follow the original layout.
    width = _wrap_width(lines, body_idx)
    parts: list[str] = []
    prev: int | None = None
    prev_opens = True  # the previous kept line opens a paragraph (its indent may have been lost)
    for i in body_idx:
        line = lines[i]
        if prev is not None and line == lines[prev]:  # repeats that met once the lines between went
            removed[i] = True
            continue
        opens = prev is None
        if prev is not None:
            gap = range(prev + 1, i)
            if any(not lines[j] or removed[j] for j in gap):
                parts.append("\n\n")
                opens = True
            else:
                # a paragraph's first line was wrapped at the width less its indent ("NEW YORK,
                # March 9 - The Semiconductor Industry\nAssociation urged …", indent gone)
                wrap_at = (width - _PARA_INDENT) if width and prev_opens else width
                join = width and (_wrapped_break(lines[prev], line, wrap_at) or _is_continuation(lines, removed, i))
                parts.append(" " if join else "\n")
        parts.append(line)
        prev, prev_opens = i, opens
    body_text = "".join(parts)

    # The dateline opens the first paragraph; standfirst lines (bullets or short lines) may precede it.
    first_body: str | None = None
    dateline: Dateline | None = None
    dateline_line: str | None = None
    for i in body_idx[:6]:
        if _BULLET_RE.match(lines[i]):
            continue
        first_body = first_body or lines[i]
        dateline = find_dateline(lines[i])
        if dateline is not None:
            dateline_line = lines[i]
            break
        if _is_paragraph_like(lines[i]):
            break
    if headline is not None:
        title, title_source = lines[headline], "headline"
        body = f"{title}\n\n{body_text}"
    else:
        if first_body is None:  # only bullet lines: the first, without its bullet sign
            first_body = _BULLET_RE.sub("", lines[body_idx[0]], count=1)
        opening = first_body[dateline.end:] if dateline and dateline_line == first_body else first_body
        title, title_source, body = first_sentence(opening), "first_sentence", body_text
        if not title:
            raise RejectError("no_body", "the text has no sentence to take a title from")
    if published_on is None and dateline is not None:
        published_on = dateline.day
    return CleanArticle(
        title=title,
        title_source=title_source,
        dateline=dateline.text if dateline else None,
        published_on=published_on,
        body=body,
        n_words=len(body.split()),
        n_removed_lines=sum(removed),
    )


def prepare(raw: bytes) -> tuple[CleanArticle, str]:
    """Decode and clean one raw file -> ``(article, encoding)``. Raises ``RejectError``."""
    text, encoding = decode_bytes(raw)
    return clean_article(text), encoding
