"""newsdesk.cleaning.unwrap: hard-wrapped wire copy joined inside sentences; tables and one-line paragraphs kept."""

from __future__ import annotations

import pytest

from newsdesk.cleaning import clean_article

_PARA1 = ("PORT ELLEN, March 3 - The Port Ellen harbour authority said cargo volumes would reach a "
          "record this year, helped by new ferry routes, and its chairman Morag Lindqvist said the "
          "expansion was \"well ahead of plan.\"")
_PARA2 = "The authority said it handled 4.2 mln tonnes last year, up from 3.9 mln a year earlier."
_PARA3 = "Volumes rose in every quarter of the year, the authority added in a statement on Monday."


def _wire(width: int) -> str:
    """A wire story as the agencies filed it: wrapped at ``width`` columns, paragraphs indented."""
    import textwrap

    paras = [textwrap.fill(p, width) for p in (_PARA1, _PARA2, _PARA3)]
    return "HARBOUR AUTHORITY SEES RECORD CARGO YEAR\n\n" + "\n    ".join(paras) + "\n Reuter\n"


@pytest.mark.parametrize("width", [55, 64, 70, 78])
def test_hard_wrapped_lines_are_joined_inside_sentences(width):
    raw = _wire(width)
    assert raw.count("\n") >= 6  # really wrapped
    body = clean_article(raw).body
    # every paragraph is one line again (a name split over two lines is one name again: downstream
    # a line break starts a sentence), and sentence-final lines keep their break
    assert body == "HARBOUR AUTHORITY SEES RECORD CARGO YEAR\n\n" + "\n".join((_PARA1, _PARA2, _PARA3))


def test_unwrapping_is_a_fixed_point():
    body = clean_article(_wire(64)).body
    assert clean_article(body).body == body


def test_short_table_lines_are_not_joined():
    text = ("ACME WIDGET CO 1ST QTR NET\n\nSPRINGFIELD, March 3 - Qtr ends Feb 28\n"
            "Shr six cts vs three cts\nNet 189,683 vs 80,499\nRevs 2,874,930 vs 2,594,474\n")
    body = clean_article(text).body
    assert "Shr six cts vs three cts\nNet 189,683 vs 80,499\nRevs" in body


def test_one_paragraph_per_line_is_not_unwrapped():
    text = ("Harbour traffic rises\n\n"
            "The harbour authority said cargo volumes would reach a record this year, helped by new ferry "
            "routes and a deeper channel\n"
            "Chairman Morag Lindqvist said the expansion was well ahead of plan and under budget so far.\n")
    body = clean_article(text).body
    assert "channel Chairman" not in body and "Chairman Morag Lindqvist said" in body


@pytest.mark.parametrize("width", [55, 60, 64, 70, 78])
def test_first_line_that_lost_its_paragraph_indent_is_unwrapped(width):
    # the agencies indented every paragraph; the first one's indent is lost in many archives, so its
    # first line looks up to four columns short ("NEW YORK, March 9 - The Port Ellen\nharbour ...")
    import textwrap

    para1 = ("PORT ELLEN, March 3 - The Port Ellen Harbour Authority Of The Western Isles Ferry Services "
             "Board said cargo volumes would reach a record this year, helped by new ferry routes.")
    first = textwrap.fill(para1, width, initial_indent="    ").lstrip()
    rest = [textwrap.fill(p, width) for p in (_PARA2, _PARA3)]
    raw = "HARBOUR AUTHORITY SEES RECORD CARGO YEAR\n\n" + "\n    ".join([first, *rest]) + "\n Reuter\n"
    assert clean_article(raw).body.split("\n")[2] == para1
