"""Regex alternations built from the word lists of ``newsdesk/data``: the one place where a list of
surfaces becomes part of a pattern."""

from __future__ import annotations

import re


def phrases(words) -> str:
    """Regex alternation of words and phrases in the order given; a space matches any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
