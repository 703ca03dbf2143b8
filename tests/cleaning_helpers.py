"""Shared example text for the cleaning tests (tests/test_cleaning_*.py).

Example sentences are written for these tests; the shared seeds are read through the ``seeds_dir``
fixture and checked by line position and short substrings only.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.cleaning import CleanArticle

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

P1 = "The central bank raised its main interest rate by a quarter point to 5.25 per cent on Tuesday."
P2 = "Officials said inflation had proved more stubborn than expected, with services prices still rising fast."
P3 = "“We will do what it takes,” the governor told reporters, adding that further moves were possible."
P4 = "Analysts had expected the decision, and markets barely moved after the announcement in the capital."
HEAD = "Central bank lifts rates again as inflation lingers"


def article(*paragraphs: str, head: str = HEAD) -> str:
    return "\n\n".join((head, *paragraphs)) + "\n"


def body_lines(a: CleanArticle) -> list[str]:
    return [line for line in a.body.split("\n") if line]
