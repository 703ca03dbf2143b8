"""The README's "Querying the warehouse" section stays true: every documented query runs on the
warehouse `make docs` builds, every table and view is documented, and the CLI does what the README says
(read-only SQL, csv/json output, Parquet export, --no-external-access)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from pathlib import Path

import duckdb
import pytest

from newsdesk import schemas
from newsdesk.flows.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
README_TEXT = (ROOT / "README.md").read_text(encoding="utf-8")
VIEW_FILES = sorted((ROOT / "sql" / "views").glob("*.sql"))


def _load_renderer():
    spec = importlib.util.spec_from_file_location("render_readme", ROOT / "scripts" / "render_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render = _load_renderer()


def _documented_queries() -> list[tuple[str, str, str | None]]:
    """(heading, sql, rendered output or None) for every ```sql block between the QUERIES markers."""
    start, end = render.queries_section(README_TEXT)
    section = README_TEXT[start:end]
    blocks = list(render.FENCE.finditer(section))
    found = []
    for i, m in enumerate(blocks):
        if m["lang"] != "sql":
            continue
        headings = re.findall(r"^#{2,6} (.+)$", section[:m.start()], re.M)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        output = nxt["body"] if nxt is not None and nxt["lang"] == "text" else None
        found.append((headings[-1] if headings else f"query {len(found) + 1}", m["body"], output))
    return found


QUERIES = _documented_queries()


def _markdown_table_names(heading: str) -> list[str]:
    """First-column names (`name`) of the Markdown table right under ``### heading``."""
    part = README_TEXT.split(f"\n### {heading}\n", 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", part, re.M)


@pytest.fixture(scope="module")
def demo_warehouse(tmp_path_factory) -> Path:
    """The README's warehouse: samples/, then the small inbox (a copy, an empty file, a binary file)."""
    return render.build_demo_warehouse(tmp_path_factory.mktemp("docs"))


@pytest.fixture()
def ro(demo_warehouse):
    con = duckdb.connect(str(demo_warehouse), read_only=True)
    yield con
    con.close()


# ---------------------------------------------------------------------------- the documented queries


def test_readme_documents_enough_questions():
    assert len(QUERIES) >= 10
    headings = " | ".join(h for h, _, _ in QUERIES)
    for must in ("Who is quoted most", "quotes mention", "US$", "NATO", "currency", "rejected",
                 "last run", "no resolved speaker", "most documents"):
        assert must in headings, must
    assert "$ newsdesk sql " in README_TEXT and "--format csv" in README_TEXT
    assert "$ newsdesk export " in README_TEXT
    assert "read_only=True" in README_TEXT and "--no-external-access" in README_TEXT
    assert "NEWSDESK_READ_TIMEOUT" in README_TEXT


@pytest.mark.parametrize("heading,sql,output", QUERIES, ids=[h for h, _, _ in QUERIES])
def test_documented_query_runs_and_returns_rows(ro, heading, sql, output):
    rel = ro.sql(sql)
    rows = rel.fetchall()
    assert len(rows) >= 1, f"{heading!r} returns no rows on the samples"
    # the rendered output below the query belongs to this query (same columns): run `make docs` if not
    assert output is not None, f"{heading!r} has no ```text output block: run `make docs`"
    header = output.splitlines()[1]
    assert [c.strip() for c in header.strip("│").split("│")] == rel.columns, f"{heading!r}: run `make docs`"


def test_documented_queries_are_deterministic(ro):
    """Rendering twice gives the same text, so `make docs` is idempotent."""
    for heading, sql, _ in QUERIES:
        assert render.render_query(ro, sql) == render.render_query(ro, sql), heading


def test_documented_commands_run(demo_warehouse):
    commands = re.findall(r"^\$ (newsdesk .+)$", README_TEXT[slice(*render.queries_section(README_TEXT))], re.M)
    assert len(commands) >= 2
    for command in commands:
        assert render.render_command(demo_warehouse, command).strip(), command


def test_render_readme_fills_output_blocks(demo_warehouse):
    text = ("# t\n<!-- QUERIES:START -->\n#### Q\n\n```sql\nSELECT count(*) AS n FROM documents\n```\n\n"
            "```text\nstale\n```\n\n#### R\n\n```sql\nSELECT 41 + 1 AS answer\n```\n<!-- QUERIES:END -->\nrest\n")
    out = render.render_readme(text, demo_warehouse)
    assert "stale" not in out and out.endswith("<!-- QUERIES:END -->\nrest\n")
    assert re.search(r"^│\s+8 │$", out, re.M) and re.search(r"^│\s+42 │$", out, re.M)
    assert render.render_readme(out, demo_warehouse) == out  # idempotent


# ---------------------------------------------------------------------------- tables and views documented


@pytest.mark.parametrize("path", VIEW_FILES, ids=[p.stem for p in VIEW_FILES])
def test_view_file_opens_with_grain_comment(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert re.match(rf"^-- {re.escape(path.stem)}: one row per \S.*$", first), first
    assert f"CREATE OR REPLACE VIEW {path.stem} AS" in path.read_text(encoding="utf-8")


def test_every_view_is_in_the_readme_view_table():
    documented = _markdown_table_names("Views")
    assert sorted(documented) == sorted(p.stem for p in VIEW_FILES)


def test_every_table_is_in_the_readme_table_list():
    documented = set(_markdown_table_names("Tables"))
    assert set(schemas.MODELS) <= documented
    assert "runs" in documented


# ---------------------------------------------------------------------------- the CLI the README shows


def test_export_writes_one_parquet_per_table_and_view(demo_warehouse, tmp_path, capsys):
    out = tmp_path / "exports"
    assert cli(["export", str(out), "--warehouse", str(demo_warehouse)]) == 0
    printed = capsys.readouterr().out
    con = duckdb.connect(str(demo_warehouse), read_only=True)
    try:
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        expected = {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchall()[0][0] for n in names}
    finally:
        con.close()
    assert {p.stem for p in VIEW_FILES} | set(schemas.MODELS) | {"runs"} <= names
    assert {p.stem for p in out.glob("*.parquet")} == names
    reader = duckdb.connect()
    for name, n in expected.items():
        path = out / f"{name}.parquet"
        assert reader.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchall()[0][0] == n, name
        assert f"{path}" in printed
    assert expected["documents"] == 8 and expected["quotes_enriched"] == expected["quotes"]


@pytest.mark.parametrize("statement", ["DROP TABLE documents", "DELETE FROM documents",
                                       "INSERT INTO entities VALUES ('x', 'X', 'ORG', 'r')"])
def test_sql_refuses_writes_and_changes_nothing(demo_warehouse, capsys, statement):
    before = _counts(demo_warehouse)
    assert cli(["sql", statement, "--warehouse", str(demo_warehouse)]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "nothing was changed" in err
    assert _counts(demo_warehouse) == before and before["documents"] == 8


def _counts(wh: Path) -> dict[str, int]:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("documents", "entities")}
    finally:
        con.close()


QUERY = "SELECT speaker_name, n_quotes, roles FROM speakers ORDER BY n_quotes DESC, speaker_name"


def test_sql_csv_is_parseable(demo_warehouse, ro, capsys):
    assert cli(["sql", QUERY, "--warehouse", str(demo_warehouse), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = ro.sql(QUERY).fetchall()
    assert len(rows) == len(expected) >= 5
    assert list(rows[0]) == ["speaker_name", "n_quotes", "roles"]
    assert [(r["speaker_name"], int(r["n_quotes"])) for r in rows] == [(e[0], e[1]) for e in expected]


def test_sql_json_is_parseable(demo_warehouse, ro, capsys, tmp_path):
    assert cli(["sql", QUERY, "--warehouse", str(demo_warehouse), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    expected = ro.sql(QUERY).fetchall()
    assert [(r["speaker_name"], r["n_quotes"], r["roles"]) for r in records] == [tuple(e) for e in expected]
    out = tmp_path / "speakers.json"
    assert cli(["sql", QUERY, "--warehouse", str(demo_warehouse), "--format", "json", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == records


def test_sql_parquet_output(demo_warehouse, ro, tmp_path, capsys):
    out = tmp_path / "speakers.parquet"
    assert cli(["sql", QUERY, "--warehouse", str(demo_warehouse), "--format", "parquet", "--output", str(out)]) == 0
    assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchall()[0][0] == len(
        ro.sql(QUERY).fetchall())


def test_no_external_access_blocks_file_reads(demo_warehouse, tmp_path, capsys):
    outside = tmp_path / "people.csv"
    outside.write_text("name\nsecret\n", encoding="utf-8")
    query = f"SELECT * FROM read_csv('{outside}')"
    assert cli(["sql", query, "--warehouse", str(demo_warehouse), "--format", "csv"]) == 0
    assert "secret" in capsys.readouterr().out  # the default: ad hoc SQL reaches files (as the README says)
    assert cli(["sql", query, "--warehouse", str(demo_warehouse), "--format", "csv", "--no-external-access"]) == 2
    captured = capsys.readouterr()
    assert "secret" not in captured.out and "disabled" in captured.err


def test_python_dash_m_newsdesk_is_the_cli():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "newsdesk.flows", "evaluate", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "seeds" in done.stdout and "quotes" in done.stdout


def test_the_documented_python_access_runs(demo_warehouse, monkeypatch, tmp_path):
    """The README shows DuckDB from Python (not the DuckDB shell, which cannot read DuckDB 2.0 files):
    its snippet runs as written against the demo warehouse."""
    block = re.search(r"### From Python.*?```python\n(.*?)```", README_TEXT, re.S)
    assert block, "the README's 'From Python' section has a python block"
    (tmp_path / "warehouse").mkdir()
    (tmp_path / "warehouse" / "news.duckdb").symlink_to(demo_warehouse)
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(block.group(1), "README.md", "exec"), scope)
    assert len(scope["df"]) > 0 and "speaker_name" in scope["df"].columns
    assert "duckdb -readonly" not in README_TEXT
