"""newsdesk.cleaning.decode: bytes to text, encoding named, binary and empty files rejected."""

from __future__ import annotations

import pytest

from newsdesk.cleaning import RejectError, decode_bytes


TEXT = "Prices rose 5% in the café, “analysts” said. £12 a pint."


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),  # UTF-8 with BOM: BOM consumed
        (TEXT.encode("utf-16"), "utf-16"),  # UTF-16 with its BOM (native order)
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),  # UTF-16 BE with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: NULs at odd positions make it certain
        (TEXT.encode("utf-16-be"), "utf-16-be"),  # no BOM: NULs at even positions
        (TEXT.encode("cp1252"), "cp1252"),  # smart quotes 0x93/0x94 and £ 0xA3: not UTF-8
        (TEXT.encode("utf-32"), "utf-32"),  # UTF-32 with BOM
    ],
)
def test_decode_names_the_encoding_and_returns_the_text(raw, encoding):
    text, enc = decode_bytes(raw)
    assert enc == encoding
    assert text == TEXT


@pytest.mark.parametrize(
    "raw, text, encoding",
    [
        (b"Hi \xe2\x80\x9cthere\xe2\x80\x9d \xc2\xa35", "Hi “there” £5", "utf-8"),
        (b"\xef\xbb\xbfHi \xe2\x80\x9cthere\xe2\x80\x9d", "Hi “there”", "utf-8-sig"),  # BOM dropped
        (b"\xff\xfeH\x00i\x00 \x00\x1c t\x00h\x00e\x00r\x00e\x00\x1d ", "Hi “there”", "utf-16"),  # LE + BOM
        (b"\xfe\xff\x00H\x00i\x00 \x20\x1c\x00t\x00h\x00e\x00r\x00e\x20\x1d", "Hi “there”", "utf-16"),  # BE
        (b"H\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00!\x00", "Hi there!", "utf-16-le"),  # no BOM
        (b"\x00H\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00!", "Hi there!", "utf-16-be"),  # no BOM
        (b"Hi \x93there\x94 \xa35 \x96 \x80100", "Hi “there” £5 – €100", "cp1252"),
        (b"Hi caf\xe9 \x81 ok, and some more plain words here", "Hi café \x81 ok, and some more plain words here",
         "latin-1"),  # 0x81 has no cp1252 character
    ],
)
def test_decode_handwritten_bytes_of_each_encoding(raw, text, encoding):
    assert decode_bytes(raw) == (text, encoding)


def test_decode_cp1252_bytes_written_out():
    # the bytes an old Windows editor writes: “Hi” £5 – ok
    text, enc = decode_bytes(b"\x93Hi\x94 \xa35 \x96 ok")
    assert (text, enc) == ("“Hi” £5 – ok", "cp1252")


def test_decode_latin1_when_cp1252_fails():
    # 0x81 is undefined in cp1252, so only latin-1 decodes; the é (0xE9) still comes out right
    raw = b"The caf\xe9 on the corner reopened after a long refit \x81 in the spring of 1990."
    text, enc = decode_bytes(raw)
    assert enc == "latin-1" and "café" in text


def test_decode_mostly_utf8_with_a_pasted_cp1252_quote():
    # valid UTF-8 (é, –, ’) plus one paragraph pasted from a cp1252 source (0x93/0x94): both read right
    raw = "Café – it’s open. ".encode("utf-8") + b"\x93Yes,\x94 she said."
    assert decode_bytes(raw) == ("Café – it’s open. “Yes,” she said.", "utf-8+cp1252")


def test_decode_prefers_utf8_over_cp1252():
    # bytes valid as UTF-8 are never read as cp1252 (no mojibake such as "Ã©")
    text, enc = decode_bytes("Zürich – “ok”".encode("utf-8"))
    assert (text, enc) == ("Zürich – “ok”", "utf-8")


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty"),
        (b"\x00\x00", "binary"),  # NUL bytes, too short to be UTF-16
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),  # an image saved as .txt
        (b"A normal looking line of text\x00 with a NUL byte inside it, and more words.", "binary"),
        (b"\x01\x02\x03\x04\x05\x06 text", "binary"),  # mostly control characters, no NUL
        (b"\xff\xfeA\x00\x00\xd8", "undecodable"),  # UTF-16 BOM followed by a lone surrogate
    ],
)
def test_decode_rejects_empty_binary_and_undecodable_bytes(raw, reason):
    with pytest.raises(RejectError) as exc:
        decode_bytes(raw)
    assert exc.value.reason == reason
    assert exc.value.detail
