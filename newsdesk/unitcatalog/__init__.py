"""The unit table, built from maintained catalogues: quantulum3's units, CLDR's units and currencies
(through babel), pint as a referee, and the hand rows of ``newsdesk/data/units_hand.tsv``.

Build-time only: ``python -m newsdesk.unitcatalog`` (or ``make units``) writes
``newsdesk/data/units.tsv``, which is committed; the extractor and the evaluator read that file
(:mod:`newsdesk.extract.figures.units`) and import none of the catalogues. ``--check`` rebuilds and
says whether the committed table is up to date (tests/test_unitcatalog.py does the same).

Modules: :mod:`.sources` reads the catalogues, :mod:`.rows` holds the row, the hand decisions, the
spelling variants and the extractor's policy, :mod:`.build` merges them into one row per surface.
The catalogue packages are the ``units`` extra of pyproject.toml (quantulum3, babel, pint).
"""

from __future__ import annotations

from importlib import metadata

from newsdesk import lexicon
from newsdesk.unitcatalog.rows import COLUMNS, format_rows

TABLE = "units.tsv"
PACKAGES = ("quantulum3", "babel", "pint")


def catalogues_installed() -> bool:
    """True when every catalogue package the build reads is installed."""
    try:
        for name in PACKAGES:
            metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def header() -> list[str]:
    """The comment lines that open the table: what it is, how it is made, its columns."""
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    return [
        "Units and currencies around a number, one row per (surface, case, side of the number). GENERATED: do",
        "not edit; edit newsdesk/data/units_hand.tsv and run `python -m newsdesk.unitcatalog`.",
        f"Built from {versions} and units_hand.tsv. Read by newsdesk/extract/figures/units.py (the",
        "extractor matches rows with extract=y; the evaluator reads the unit names through it).",
        "Columns (tab-separated): " + ", ".join(COLUMNS) + ".",
        "  unit: canonical name (quantulum3's; CLDR's en_GB name where quantulum3 has none); symbol: ISO 4217",
        "  code for money, else the unit's symbol; position: after (units) | prefix | suffix | both (money);",
        "  factor: a sub-unit's share of its currency (cents 0.01); tier: everyday (CLDR has it) | technical;",
        "  source: the catalogues that give the reading; alternatives: the readings that lost to it.",
    ]


def build_table_text() -> str:
    """The text of newsdesk/data/units.tsv as the installed catalogues build it today (takes seconds)."""
    from newsdesk.unitcatalog.build import build_rows

    return format_rows(build_rows(), header())


def committed_table_text() -> str:
    """The text of the committed table."""
    return lexicon.path(TABLE).read_text(encoding="utf8")
