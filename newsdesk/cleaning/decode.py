"""Decode the bytes of a raw file into text, or reject them as empty, binary or undecodable.

Which encoding is tried, in order, is ``decode_bytes``'s docstring. A file is binary when it holds a
NUL byte outside UTF-16, or when more than ``MAX_CONTROL_SHARE`` of its decoded characters are control
characters. Limits: UTF-16 without a byte-order mark is only recognised for mostly-Latin text (NUL
bytes at alternate positions).
"""

from __future__ import annotations

import codecs
import re

from newsdesk.cleaning.types import RejectError

# Share of control characters above which decoded text counts as binary.
MAX_CONTROL_SHARE = 0.05

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
