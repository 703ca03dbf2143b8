"""Re-run every documented query in README.md and rewrite its output block (``make docs``).

    .venv/bin/python scripts/render_readme.py            # rewrite README.md in place
    .venv/bin/python scripts/render_readme.py --check    # exit 1 if README.md is out of date
    .venv/bin/python scripts/render_readme.py --keep DIR # also keep the warehouse it built in DIR
    .venv/bin/python scripts/render_readme.py --catalog FILE  # write the catalogue page elsewhere

What it does:

1. builds a fresh warehouse in a temporary folder with the core run steps (no Prefect): a first run
   over ``samples/`` and a second run over a tiny ``inbox/`` holding a copy of one sample under
   another name, an empty file and a binary file (so duplicates and rejects have something to show);
2. for every fenced ``sql`` block between ``<!-- QUERIES:START -->`` and ``<!-- QUERIES:END -->``,
   runs the query on a read-only connection and replaces the fenced ``text`` block right after it
   with DuckDB's box rendering of the result (exactly what ``newsdesk sql`` prints). A ``sql`` block
   with no ``text`` block after it gets one;
3. a fenced ``console`` block whose first line is ``$ newsdesk …`` is run through
   ``newsdesk.flows.cli.main`` against that warehouse (its ``--warehouse`` is added), and the lines after
   the command are replaced by what it printed;
4. writes the data catalogue of that warehouse as one HTML page, ``docs/catalog.html`` (git-ignored:
   generated), the page ``newsdesk describe --html`` writes.

Limits: the output is only as deterministic as the query. Queries in the README must therefore have
a total ``ORDER BY`` and avoid run ids and timestamps; paths are shown without the machine-specific
folder. Idempotent: running it twice gives the same README.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

README = ROOT / "README.md"
SAMPLES = ROOT / "samples"
START, END = "<!-- QUERIES:START -->", "<!-- QUERIES:END -->"
# the sample copied into the second run's inbox under another name (an "already seen" document)
INBOX_COPY = ("01_china_russia_trade.txt", "china_russia_trade_copy.txt")
MAX_WIDTH = 160  # as `newsdesk sql`: wider tables wrap long values or lose middle columns ("…")
MAX_ROWS = 40
CATALOG = ROOT / "docs" / "catalog.html"

# a fenced block: ```lang\n … \n```  (lang captured; fences are never nested in the README)
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)


# ---------------------------------------------------------------------------- the demo warehouse


def make_inbox(folder: Path) -> Path:
    """Write the second run's inbox: a renamed copy of one sample, an empty file and a binary file."""
    folder.mkdir(parents=True, exist_ok=True)
    src, dst = INBOX_COPY
    shutil.copyfile(SAMPLES / src, folder / dst)
    (folder / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01\x02\x03\xff\xfe" * 64)
    return folder


def run_core(settings, source: Path) -> dict:
    """One ingest run with the core steps (what the Prefect flow calls, minus Prefect)."""
    from newsdesk import pipeline

    return pipeline.run_ingest(settings, source)


def build_demo_warehouse(folder: Path) -> Path:
    """Build the README's warehouse in ``folder`` (samples/, then the inbox); return the DuckDB path."""
    from newsdesk.settings import Settings

    folder = Path(folder)
    warehouse = folder / "warehouse" / "news.duckdb"
    settings = Settings().with_overrides(warehouse=warehouse)
    run_core(settings, SAMPLES)
    run_core(settings, make_inbox(folder / "inbox"))
    return warehouse


# ---------------------------------------------------------------------------- README blocks


def queries_section(text: str) -> tuple[int, int]:
    """Character range (start, end) of the text between the QUERIES markers."""
    try:
        start = text.index(START) + len(START)
        end = text.index(END, start)
    except ValueError as exc:
        raise SystemExit(f"README.md lacks the {START} … {END} markers") from exc
    return start, end


def sql_blocks(readme_text: str) -> list[str]:
    """The SQL of every fenced ``sql`` block between the markers, in order."""
    start, end = queries_section(readme_text)
    return [m["body"] for m in FENCE.finditer(readme_text[start:end]) if m["lang"] == "sql"]


def render_query(con, sql: str) -> str:
    """DuckDB's box rendering of ``sql``'s result (what ``newsdesk sql`` prints by default)."""
    rel = con.sql(sql)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rel.show(max_width=MAX_WIDTH, max_rows=MAX_ROWS)
    return buf.getvalue().rstrip("\n") + "\n"


def render_command(warehouse: Path, command: str) -> str:
    """Run ``newsdesk …`` in-process against ``warehouse``; return its stdout (paths made relative)."""
    from newsdesk.flows.cli import main as cli

    argv = shlex.split(command)
    assert argv[0] == "newsdesk", command
    args = argv[1:] + ["--warehouse", str(warehouse)]
    buf, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
            code = cli(args)
        out = buf.getvalue().replace(str(Path(tmp).resolve()) + "/", "")
    if code != 0:
        raise RuntimeError(f"`{command}` exited {code}: {err.getvalue()}")
    return out.rstrip("\n") + "\n"


def render_section(section: str, con, warehouse: Path) -> str:
    """Rewrite the output blocks of one QUERIES section."""
    out, pos = [], 0
    blocks = list(FENCE.finditer(section))
    i = 0
    while i < len(blocks):
        m = blocks[i]
        if m["lang"] == "sql":
            try:
                rendered = "```text\n" + render_query(con, m["body"]) + "```"
            except Exception as exc:  # say which query broke, then stop: a README must not show stale output
                raise RuntimeError(f"documented query failed: {type(exc).__name__}: {exc}\n{m['body']}") from exc
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            between = section[m.end():nxt.start()] if nxt else ""
            out.append(section[pos:m.end()])
            if nxt is not None and nxt["lang"] == "text" and between.strip() == "":
                out.append(between + rendered)
                pos = nxt.end()
                i += 2
                continue
            out.append("\n\n" + rendered)
            pos = m.end()
        elif m["lang"] == "console" and m["body"].startswith("$ newsdesk "):
            command = m["body"].splitlines()[0]
            out.append(section[pos:m.start()])
            out.append("```console\n" + command + "\n" + render_command(warehouse, command[2:]) + "```")
            pos = m.end()
        i += 1
    out.append(section[pos:])
    return "".join(out)


def render_readme(readme_text: str, warehouse: Path) -> str:
    """The README with every output block between the markers recomputed on ``warehouse``."""
    from newsdesk import warehouse as wh

    start, end = queries_section(readme_text)
    con = wh.read_only(warehouse)
    try:
        section = render_section(readme_text[start:end], con, warehouse)
    finally:
        con.close()
    return readme_text[:start] + section + readme_text[end:]


def write_catalog(warehouse: Path, page: Path) -> Path:
    """The catalogue page of ``warehouse`` (tables, views, grain, columns with type and description)."""
    from newsdesk import catalog, catalog_page
    from newsdesk import warehouse as wh

    con = wh.read_only(warehouse)
    try:
        found = catalog.objects(con)
    finally:
        con.close()
    return catalog_page.write(found, page, source="the README's demo warehouse (samples/ and a small inbox)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true", help="do not write; exit 1 if README.md would change")
    p.add_argument("--keep", help="build the warehouse in this new (or empty) folder and keep it")
    p.add_argument("--readme", default=str(README))
    p.add_argument("--catalog", default=str(CATALOG), help="where to write the catalogue page (not with --check)")
    args = p.parse_args(argv)
    readme = Path(args.readme)
    text = readme.read_text(encoding="utf-8")
    with contextlib.ExitStack() as stack:
        folder = Path(args.keep) if args.keep else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        if args.keep and folder.exists() and any(folder.iterdir()):
            print(f"--keep {folder}: the folder must be new or empty", file=sys.stderr)
            return 2
        warehouse = build_demo_warehouse(folder)
        new = render_readme(text, warehouse)
        if not args.check:
            print(f"{write_catalog(warehouse, Path(args.catalog))}: the data catalogue")
    n = len(sql_blocks(new))
    if args.check:
        if new != text:
            print(f"{readme} is out of date: run `make docs`", file=sys.stderr)
            return 1
        print(f"{readme}: {n} queries, up to date")
        return 0
    if new != text:
        readme.write_text(new, encoding="utf-8")
    print(f"{readme}: {n} queries rendered{'' if new != text else ' (no change)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
