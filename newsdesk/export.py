"""Export every table and view as Parquet for BI tools."""

from __future__ import annotations

from pathlib import Path

from newsdesk import warehouse
from newsdesk.settings import Settings


def export_parquet(settings: Settings, out_dir: Path) -> dict[str, tuple[Path, int]]:
    """Write ``<out_dir>/<name>.parquet`` for each table and view; return name → (path, rows)."""
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    con = warehouse.read_only(settings.warehouse, settings.read_timeout_s)
    written = {}
    try:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_type, table_name").fetchall()]
        for name in names:
            path = out_dir / f"{name}.parquet"
            rel = con.table(name)
            rel.to_parquet(str(path))
            written[name] = (path, con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0])
    finally:
        con.close()
    return written
