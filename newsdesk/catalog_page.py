"""The catalogue as one static HTML page (``newsdesk describe --html FILE``, ``make docs``), like dbt docs.

A side list of every table and view; for each, its grain, the objects it reads (views) or is read by,
and its columns with type and description, all read from the warehouse's own catalogue
(``newsdesk.catalog.objects``). One self-contained file: no script, no stylesheet or font fetched.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from newsdesk.catalog import CatalogObject, column_type

STYLE = """
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; }
nav { position: fixed; top: 0; bottom: 0; left: 0; width: 250px; overflow-y: auto; background: #f6f8fa;
      border-right: 1px solid #d0d7de; padding: 1rem; box-sizing: border-box; }
nav h2 { font-size: 0.8rem; text-transform: uppercase; color: #57606a; margin: 1.2rem 0 0.3rem; }
nav a { display: block; color: #0969da; text-decoration: none; padding: 1px 0; font-family: ui-monospace, monospace; font-size: 0.85rem; }
main { margin-left: 250px; padding: 1.5rem 2.5rem; max-width: 1100px; }
section { border-top: 1px solid #d0d7de; padding-top: 0.8rem; margin-top: 1.6rem; }
h1 { margin-top: 0; } h3 { font-family: ui-monospace, monospace; margin: 0.2rem 0; }
.kind { font-size: 0.75rem; text-transform: uppercase; background: #ddf4ff; color: #0550ae; border-radius: 3px;
        padding: 1px 6px; margin-left: 0.5rem; font-family: system-ui, sans-serif; vertical-align: middle; }
.kind.view { background: #fbefff; color: #8250df; }
.grain { font-size: 1.05rem; margin: 0.3rem 0 0.5rem; }
.lineage { color: #57606a; font-size: 0.9rem; }
.lineage a { font-family: ui-monospace, monospace; }
table { border-collapse: collapse; width: 100%; margin-top: 0.6rem; font-size: 0.9rem; }
th, td { text-align: left; border-bottom: 1px solid #eaeef2; padding: 4px 8px; vertical-align: top; }
th { background: #f6f8fa; }
td.name, td.type { font-family: ui-monospace, monospace; white-space: nowrap; }
td.type { color: #57606a; }
.missing { color: #cf222e; font-style: italic; }
"""


def _link(name: str) -> str:
    return f'<a href="#{escape(name)}">{escape(name)}</a>'


def _section(obj: CatalogObject) -> str:
    grain = escape(obj.grain) if obj.grain else '<span class="missing">no description</span>'
    lineage = []
    if obj.reads:
        lineage.append("reads " + ", ".join(_link(n) for n in obj.reads))
    if obj.read_by:
        lineage.append("read by " + ", ".join(_link(n) for n in obj.read_by))
    if obj.kind == "table" and obj.rows is not None:
        lineage.append(f"about {obj.rows:,} rows")
    rows = "".join(
        f'<tr id="{escape(obj.name)}.{escape(c.name)}"><td class="name">{escape(c.name)}</td>'
        f'<td class="type">{escape(column_type(obj, c))}</td>'
        f'<td>{escape(c.description) if c.description else "<span class=missing>no description</span>"}</td></tr>'
        for c in obj.columns)
    return (f'<section id="{escape(obj.name)}" class="{obj.kind}">'
            f'<h3>{escape(obj.name)}<span class="kind {obj.kind}">{obj.kind}</span></h3>'
            f'<p class="grain">{grain}</p>'
            + (f'<p class="lineage">{" · ".join(lineage)}</p>' if lineage else "")
            + f'<table><thead><tr><th>column</th><th>type</th><th>description</th></tr></thead>'
              f'<tbody>{rows}</tbody></table></section>')


def render(found: list[CatalogObject], *, title: str = "newsdesk warehouse catalogue",
           source: str | None = None) -> str:
    """The whole page for the tables and views in ``found``."""
    tables = [o for o in found if o.kind == "table"]
    views = [o for o in found if o.kind == "view"]
    nav = ("<h2>Tables</h2>" + "".join(_link(o.name) for o in tables)
           + "<h2>Views</h2>" + "".join(_link(o.name) for o in views))
    n_cols = sum(len(o.columns) for o in found)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    intro = (f"<p>{len(tables)} tables and {len(views)} views, {n_cols} columns"
             + (f", read from {escape(source)}" if source else "")
             + f" on {stamp}. Every description is also stored in the warehouse "
               "(DuckDB's <code>duckdb_columns()</code>, <code>duckdb_tables()</code>, <code>duckdb_views()</code>); "
               "<code>newsdesk describe NAME</code> prints one object.</p>")
    body = "".join(_section(o) for o in [*tables, *views])
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
            f'<body><nav><strong>newsdesk</strong>{nav}</nav><main><h1>{escape(title)}</h1>{intro}{body}</main>'
            f'</body></html>\n')


def write(found: list[CatalogObject], path: Path, **kw) -> Path:
    """Render the page into ``path`` (its folder is created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(found, **kw), encoding="utf-8")
    return path
