"""Cleaning real files: the shared seeds, our samples and the BBC corpus (headlines, surviving
paragraphs, no junk, a fixed point).

The shared seeds are read through the ``seeds_dir`` fixture and checked by line position and short
substrings only.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from cleaning_helpers import SAMPLES, body_lines
from newsdesk.cleaning import clean_article, prepare

SEED_HEADLINE_LINE = {"000": 0, "001": 8, "002": 0, "003": 0}  # index of the headline in the raw file
SEED_SURVIVORS = {  # short substrings of real paragraphs that must survive
    "000": ["10 billion cubic", "guilty by association"],
    "001": ["around 70 minutes", "Sputnik reported", "The Chinese leader said the two sides"],
    "002": ["4:07 p.m.", "concern of Russia’s:"],
    "003": ["106,000 troops", "a self-governing island"],
    "004": ["75 years of diplomatic", "Harbin"],
}
BOILERPLATE = ["Advertisement", "Leave a Reply", "Source link", "Join ST's Telegram channel", "Read More",
               "Remote video URL", "Check Also", "02:45", "Learn more", "Get more with myNEWS",
               "A personalised news feed", "Photo: AFP", "Photo: AP", "About Daily", "Your email address"]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_articles_keep_headline_and_paragraphs_and_lose_boilerplate(seeds_dir, seed):
    path = next(seeds_dir.glob(f"{seed}_*.txt"))
    raw = path.read_bytes()
    a, enc = prepare(raw)
    raw_lines = raw.decode("utf-8").split("\n")
    if seed in SEED_HEADLINE_LINE:
        expected = " ".join(raw_lines[SEED_HEADLINE_LINE[seed]].split())  # no-break spaces normalised
        assert (a.title, a.title_source) == (expected, "headline")
    else:  # 004 opens with "BEIJING: <long paragraph>": no headline
        assert a.title_source == "first_sentence"
        assert a.title.endswith("…") and raw_lines[0].startswith("BEIJING: " + a.title[:-1])
        assert a.dateline == "BEIJING"
    for junk in BOILERPLATE:
        assert junk not in a.body, junk
    lines = body_lines(a)
    assert all(x != y for x, y in zip(lines, lines[1:])), "a line repeated"
    for survivor in SEED_SURVIVORS[seed]:
        assert survivor in a.body, survivor


def test_seed_001_related_headlines_and_video_captions_gone(seeds_dir):
    raw = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8").split("\n")
    a, _ = prepare("\n".join(raw).encode())
    stamps = [i for i, line in enumerate(raw) if line.strip() in ("02:45", "01:59")]
    captions = {raw[i + 2].strip() for i in stamps}  # the caption two lines below each timestamp
    assert len(captions) == 2
    assert not captions & set(body_lines(a))
    assert 15 <= a.n_removed_lines <= 20


SAMPLE_EXPECT = {  # file prefix: (encoding, title_source, dateline, published_on)
    "01": ("utf-8", "headline", "BEIJING", None),
    "02": ("utf-8", "headline", "MOSCOW", None),
    "03": ("utf-8-sig", "headline", "BRUSSELS", None),  # BOM + CRLF
    "04": ("cp1252", "headline", "LONDON, Feb 6", None),  # smart quotes 0x93/0x94, £ 0xA3
    "05": ("utf-8", "headline", "LOS ANGELES, Aug 13", datetime.date(2025, 8, 14)),
    "06": ("utf-8", "first_sentence", "SINGAPORE", None),  # no headline line
    "07": ("utf-8", "headline", None, None),  # no dateline
    "08": ("utf-8", "headline", "WASHINGTON", None),
}
SAMPLE_JUNK = BOILERPLATE + ["Join our", "Share this article", "Follow us on", "Reporting by", "(Reuters)\n",
                             "(AP Photo", "Comment *", "Leave a comment", "Copyright", "Facebook Twitter", "By Tom"]


def test_samples_are_all_there():
    assert sorted(p.name[:2] for p in SAMPLES.glob("0*.txt")) == sorted(SAMPLE_EXPECT)


@pytest.mark.parametrize("prefix", sorted(SAMPLE_EXPECT))
def test_samples_give_their_encoding_title_dateline_and_no_junk(prefix):
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    raw = path.read_bytes()
    a, enc = prepare(raw)
    assert (enc, a.title_source, a.dateline, a.published_on) == SAMPLE_EXPECT[prefix]
    assert 250 <= len(raw.split()) <= 600
    assert a.n_words >= 250 and a.n_removed_lines >= 1
    for junk in SAMPLE_JUNK:
        assert junk not in a.body, junk
    assert "\r" not in a.body and "\ufeff" not in a.body
    if prefix == "04":  # cp1252 curly quotes and pound signs decoded, not straightened
        assert "“" in a.body and "£29" in a.body and '"' not in a.body


def _shared_and_sample_files(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt")) + sorted(SAMPLES.glob("0*.txt"))


def test_cleaning_is_a_fixed_point(seeds_dir):
    # cleaning a cleaned body changes nothing: title, dateline and body come back identical
    for path in _shared_and_sample_files(seeds_dir):
        a, _ = prepare(path.read_bytes())
        b = clean_article(a.body)
        assert (b.title, b.title_source, b.dateline, b.body, b.n_removed_lines) == (
            a.title, a.title_source, a.dateline, a.body, 0), path.name


def test_bbc_corpus_loses_nothing(shared_dir):
    # the BBC corpus is clean text: the rules must remove ~nothing and keep line 1 as the headline
    files = sorted((shared_dir / "corpus" / "bbc").glob("*/[0-9][0-9][0-9].txt"))[:500]
    if not files:
        pytest.skip("BBC corpus absent")
    removed = 0
    for path in files:
        raw = path.read_bytes()
        a, _ = prepare(raw)
        removed += a.n_removed_lines
        assert a.title == " ".join(raw.decode("utf-8").split("\n")[0].split()), path
    assert removed == 0
