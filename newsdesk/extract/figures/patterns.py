"""Regex alternations built from the word lists of ``newsdesk/data``: the one place where a list of
surfaces becomes part of a pattern."""

from __future__ import annotations

import re


def alternation(surfaces: list[tuple[str, bool]]) -> str:
    """Regex alternation of surfaces (longest first); case-insensitive ones wrapped in (?i:…)."""
    parts = []
    for surface, insensitive in sorted(surfaces, key=lambda s: -len(s[0])):
        esc = re.escape(surface).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{esc})" if insensitive else esc)
    return "|".join(parts)


def phrases(words) -> str:
    """Regex alternation of words and phrases in the order given; a space matches any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
