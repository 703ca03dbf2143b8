"""Data checks: every query in sql/checks must return zero rows on a healthy warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb


def check_files(sql_dir: Path) -> list[Path]:
    return sorted((sql_dir / "checks").glob("*.sql"))


def run_checks(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> dict[str, int]:
    """Check name → number of offending rows (0 means the check passes)."""
    return {p.stem: len(con.execute(p.read_text(encoding="utf-8")).fetchall()) for p in check_files(sql_dir)}
