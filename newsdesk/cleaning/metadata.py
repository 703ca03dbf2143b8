"""Metadata that scrapers write with an article: YAML front matter and JSON sidecars → ``Metadata``.

Two places are read (keys and their order of preference: ``data/metadata_keys.tsv``):

- **Front matter** at the very top of the file, between ``---`` lines (YAML, read with
  python-frontmatter) or ``+++`` lines (TOML). It is taken off the text before the clean-up, so it is
  never part of the body. A block counts as front matter only when it is a mapping with at least one
  key of ``metadata_keys.tsv`` (a text that merely opens with a rule line stays as it is); a block
  whose YAML does not parse ("title: Breaking: council votes") is read line by line as ``key: value``.
- A **sidecar**: a JSON object in a file beside the article (``a.txt.json``, or ``a.json`` for
  ``a.txt``; which file belongs to which is ``newsdesk.staging``'s business), as trafilatura,
  newspaper3k/4k, news-please or a NewsAPI dump write it. Its ``text`` is ignored: the article is the
  text file.

Field by field, front matter wins over the sidecar. Metadata wins over what the clean-up guessed from
the text (``apply_metadata``): ``published_on`` (a full date only, never completed from a partial one),
and the title, which becomes the first line of the body when the text does not open with it
(``title_source = 'metadata'``). ``url`` and ``outlet`` are kept as given (whitespace collapsed); a
``url`` must start with http:// or https://, an outlet is never a URL.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from dataclasses import dataclass

from newsdesk import lexicon
from newsdesk.cleaning.dates import metadata_date
from newsdesk.cleaning.types import CleanArticle

FIELDS = ("title", "url", "published", "outlet")
# Longest values kept (anything longer is not the field it claims to be).
MAX_CHARS = {"title": 400, "url": 2048, "outlet": 200}

_URL_RE = re.compile(r"https?://[^\s/$.?#][^\s]*", re.I)
_KEY_LINE_RE = re.compile(r"^([A-Za-z_@][\w @-]{0,40}):(?:\s+(.*))?$")


def _norm_key(key: object) -> str:
    return re.sub(r"[\s_@-]+", "", str(key)).lower()


def _keys() -> dict[str, tuple[str, ...]]:
    """field -> normalised keys in order of preference (and 'known' -> keys read as metadata only)."""
    out: dict[str, list[str]] = {}
    for field, key in lexicon.rows("metadata_keys"):
        out.setdefault(field, []).append(_norm_key(key))
    return {field: tuple(keys) for field, keys in out.items()}


_KEYS = _keys()
_ALL_KEYS = frozenset(k for keys in _KEYS.values() for k in keys)


class MetadataError(ValueError):
    """A sidecar that is no JSON object; the message says why."""


@dataclass(frozen=True)
class Metadata:
    """What a scraper's metadata says about an article (each field None when nothing says)."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_on: datetime.date | None = None
    source: str | None = None  # 'front_matter' | 'sidecar' | 'front_matter+sidecar'

    def __bool__(self) -> bool:
        return any((self.title, self.url, self.outlet, self.published_on))


# ---------------------------------------------------------------------------- reading


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """``(fields, rest)``: the front matter at the top of ``text`` as a dict and the text below it, or
    ``(None, text)`` when the text opens with no front matter (module docstring)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("---", "+++")):
        return None, text
    from frontmatter.default_handlers import TOMLHandler, YAMLHandler  # only for texts that may have one

    handler = YAMLHandler() if stripped.startswith("---") else TOMLHandler()
    if not handler.detect(stripped):
        return None, text
    try:
        block, rest = handler.split(stripped)
    except ValueError:  # no closing line: a rule line above the article, not front matter
        return None, text
    try:
        fields = handler.load(block)
    except Exception:  # YAML/TOML errors of many kinds: read "key: value" lines instead
        fields = _key_lines(block)
    if not isinstance(fields, dict) or not any(_norm_key(k) in _ALL_KEYS for k in fields):
        return None, text
    return fields, rest.lstrip("\r\n")


def _key_lines(block: str) -> dict | None:
    """A front matter block that YAML refuses, read as ``key: value`` lines (None if a line is not one)."""
    fields: dict[str, str] = {}
    for line in block.splitlines():
        if not line.strip() or line.startswith((" ", "\t", "-", "#")):
            continue
        m = _KEY_LINE_RE.match(line)
        if not m:
            return None
        fields[m[1].strip()] = (m[2] or "").strip().strip("'\"")
    return fields


def read_sidecar(data: bytes) -> dict:
    """The JSON object of a sidecar file. Raises ``MetadataError`` (not UTF-8, not JSON, not an object)."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise MetadataError(f"the sidecar is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise MetadataError(f"the sidecar is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    if not isinstance(value, dict):
        raise MetadataError(f"the sidecar holds a JSON {type(value).__name__}, not an object of metadata keys")
    return value


def metadata_from(fields: dict | None, source: str) -> Metadata:
    """The ``Metadata`` a front matter or sidecar mapping gives (``source`` names where it came from)."""
    if not fields:
        return Metadata()
    by_key: dict[str, object] = {}
    for key, value in fields.items():
        by_key.setdefault(_norm_key(key), value)
    found = {field: _first(field, [by_key[k] for k in _KEYS.get(field, ()) if k in by_key]) for field in FIELDS}
    meta = Metadata(title=found["title"], url=found["url"], outlet=found["outlet"], published_on=found["published"])
    return dataclasses.replace(meta, source=source) if meta else meta


def _first(field: str, values: list) -> object:
    for value in values:
        if field == "published":
            day = metadata_date(value)
            if day is not None:
                return day
            continue
        if isinstance(value, dict):  # NewsAPI {"id": …, "name": "BBC News"}, schema.org {"@type": …, "name": …}
            value = value.get("name")
        if not isinstance(value, str):
            continue
        text = " ".join(value.split())
        if not text or len(text) > MAX_CHARS[field]:
            continue
        if field == "url" and not _URL_RE.fullmatch(text):
            continue
        if field == "outlet" and "://" in text:
            continue
        return text
    return None


def merge(first: Metadata, second: Metadata) -> Metadata:
    """Field by field, ``first`` wins; ``source`` names both when both gave something."""
    if not second:
        return first
    if not first:
        return second
    return Metadata(
        title=first.title or second.title, url=first.url or second.url, outlet=first.outlet or second.outlet,
        published_on=first.published_on or second.published_on, source=f"{first.source}+{second.source}")


# ---------------------------------------------------------------------------- applying


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def apply_metadata(article: CleanArticle, meta: Metadata) -> CleanArticle:
    """The article with what its metadata says: url, outlet and source kept; ``published_on`` and the
    title replaced where the metadata states them. A metadata title that is not the body's first line
    (compared by words, ignoring case and punctuation: "# Title" = "Title") becomes it."""
    if not meta:
        return article
    changes: dict[str, object] = {"url": meta.url, "outlet": meta.outlet, "metadata_source": meta.source}
    if meta.published_on is not None:
        changes["published_on"] = meta.published_on
    if meta.title:
        first_line = article.body.split("\n", 1)[0]
        if _words(first_line) == _words(meta.title):
            if article.title_source != "headline" or article.title != first_line:
                changes.update(title=first_line, title_source="metadata")
        else:
            body = f"{meta.title}\n\n{article.body}"
            changes.update(title=meta.title, title_source="metadata", body=body, n_words=len(body.split()))
    return dataclasses.replace(article, **changes)
