"""The one loader of newsdesk's word lists and tables: every file in ``newsdesk/data/``.

Knowledge is data (as in quantulum3 and spaCy's language data): each list of words the cleaner and
the extractors use is one file in ``newsdesk/data/``, defined once, read here and nowhere else.

- ``words(name)``: ``name.txt``, one entry a line → ``frozenset`` of the entries (as written; pass
  ``lower=True`` to fold case).
- ``ordered(name)``: the same file as a tuple, in file order (for lists where order matters).
- ``rows(name)``: ``name.tsv``, tab-separated → list of tuples of the stripped columns, each row
  padded with "" to the widest row.
- ``mapping(name)``: a ``.tsv`` of two columns → read-only dict (first column → second).
- ``lines(source)``: the entry lines of a file, unparsed, with their line numbers, for readers that
  split the columns themselves (regexes in ``boilerplate.tsv``; a column count checked per line).

In every file, a line starting with ``#`` is a comment and blank lines are skipped. Each file opens
with comment lines that say what the list holds and which module reads it. Files are read once per
process (cached); nothing is read at import time of this module.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

DATA_DIR = Path(__file__).resolve().parent / "data"


def path(filename: str) -> Path:
    """The path of a data file (``"units.tsv"``); raises FileNotFoundError naming the folder."""
    p = DATA_DIR / filename
    if not p.is_file():
        raise FileNotFoundError(f"no data file {filename} in {DATA_DIR}")
    return p


def lines(source: str | Path) -> list[tuple[int, str]]:
    """``(line number, line)`` for every line that is not blank and not a ``#`` comment, unparsed.

    ``source`` is a file name in ``newsdesk/data`` (``"boilerplate.tsv"``) or the path of a file in
    the same format (a gold file named on the command line). Not cached: the caller keeps what it
    builds from the lines.
    """
    p = source if isinstance(source, Path) else path(source)
    out = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        out.append((n, line))
    return out


def _lines(filename: str) -> list[str]:
    return [line for _, line in lines(filename)]


@lru_cache(maxsize=None)
def ordered(name: str, lower: bool = False) -> tuple[str, ...]:
    """The entries of ``name.txt`` in file order (first column only; surrounding space stripped)."""
    out = []
    for line in _lines(f"{name}.txt"):
        entry = line.split("\t", 1)[0].strip()
        if entry:
            out.append(entry.lower() if lower else entry)
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str, lower: bool = False) -> frozenset[str]:
    """The entries of ``name.txt`` as a set."""
    return frozenset(ordered(name, lower))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``name.tsv`` (tab-separated, columns stripped, short rows padded with "")."""
    split = [tuple(c.strip() for c in line.split("\t")) for line in _lines(f"{name}.tsv")]
    width = max((len(r) for r in split), default=0)
    return tuple(r + ("",) * (width - len(r)) for r in split)


@lru_cache(maxsize=None)
def mapping(name: str, lower_keys: bool = False) -> MappingProxyType:
    """A two-column ``name.tsv`` as a read-only dict (first column → second). A key listed twice is an error."""
    out: dict[str, str] = {}
    for row in rows(name):
        key = row[0].lower() if lower_keys else row[0]
        if key in out:
            raise ValueError(f"{name}.tsv lists {key!r} twice")
        out[key] = row[1] if len(row) > 1 else ""
    return MappingProxyType(out)
