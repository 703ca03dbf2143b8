"""The data catalogue (``newsdesk.catalog``): every table, view and column of a migrated warehouse
carries a description in DuckDB, taken from the row contract and from each view file's ``-- columns:``
block; the block lists the view's real columns; comments survive every view refresh; the escaping
that COMMENT ON needs is exact; ``newsdesk describe`` prints the catalogue and writes the page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from newsdesk import catalog, catalog_page, warehouse
from newsdesk.flows.cli import main as cli
from newsdesk.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = Settings().sql_dir
VIEW_FILES = warehouse.view_files(SQL_DIR)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("catalog") / "news.duckdb"
    warehouse.ensure_schema(path, SQL_DIR)
    return path


@pytest.fixture()
def ro(migrated):
    con = duckdb.connect(str(migrated), read_only=True)
    yield con
    con.close()


def _comments(con) -> dict[tuple[str, str | None], str | None]:
    found = {(o.name, None): o.grain for o in catalog.objects(con)}
    found.update({(o.name, c.name): c.description for o in catalog.objects(con) for c in o.columns})
    return found


# ---------------------------------------------------------------------------- every column described


def test_every_table_view_and_column_of_a_migrated_warehouse_has_a_description(ro):
    assert catalog.missing_descriptions(ro) == [], "describe these in schemas/ (tables) or the view file's -- columns: block"
    names = {o.name for o in catalog.objects(ro)}
    assert {p.stem for p in VIEW_FILES} <= names and {"documents", "quotes", "forgotten", "schema_migrations"} <= names


def test_the_stored_descriptions_are_the_contracts_and_the_view_files(ro):
    stored = _comments(ro)
    for (name, column), text in catalog.wanted_comments(VIEW_FILES).items():
        if (name, column) in stored:
            assert stored[(name, column)] == text, (name, column)
    assert stored[("documents", None)].startswith("One row per distinct raw text")
    assert stored[("speakers", None)].startswith("one row per speaker entity")
    # a `= table.column` reference stores the contract's own words
    assert stored[("figures_in_context", "value")] == stored[("figures", "value")]
    assert stored[("quotes_enriched", "speaker_as_written")] == stored[("quotes", "speaker")]


def test_duckdb_shows_the_descriptions_to_any_sql_client(ro):
    """What an analyst sees in DuckDB itself, without newsdesk."""
    assert ro.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'mentions'").fetchall()[0][0] \
        == "One row per named-entity mention in a document."
    assert ro.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'top_entities'").fetchall()[0][0] \
        .startswith("one row per entity")
    assert ro.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'money_by_currency' "
                      "AND column_name = 'total_value'").fetchall()[0][0].startswith("sum of their values")


@pytest.mark.parametrize("path", VIEW_FILES, ids=[p.stem for p in VIEW_FILES])
def test_view_file_column_block_lists_the_views_real_columns_in_order(ro, path):
    doc = catalog.read_view_doc(path)
    real = [r[0] for r in ro.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [path.stem]).fetchall()]
    assert list(doc.columns) == real, (
        f"{path.name}: the -- columns: block must list the view's columns in order; "
        f"missing {[c for c in real if c not in doc.columns]}, not in the view {[c for c in doc.columns if c not in real]}")


@pytest.mark.parametrize("path", VIEW_FILES, ids=[p.stem for p in VIEW_FILES])
def test_view_column_references_name_described_contract_columns(path):
    tables = catalog.table_docs()
    for column, text in catalog.read_view_doc(path).columns.items():
        assert catalog.resolve(text, tables), f"{path.name}: {column}: {text!r} names no described column"


def test_a_column_added_without_a_description_is_reported(tmp_path):
    """What the suite catches: a migration that adds a column the contract does not describe, and a view
    column left out of its file's block."""
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    (sql / "migrations" / "900_undocumented.sql").write_text("ALTER TABLE figures ADD COLUMN IF NOT EXISTS confidence DOUBLE;\n")
    view = sql / "views" / "speakers.sql"
    view.write_text("\n".join(line for line in view.read_text().splitlines() if not line.startswith("--   n_mixed:")) + "\n")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        warehouse.migrate(con, sql)
        assert catalog.missing_descriptions(con) == ["figures.confidence", "speakers.n_mixed"]
    finally:
        con.close()


# ---------------------------------------------------------------------------- comments and view refreshes


def test_descriptions_survive_every_view_refresh(tmp_path):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    try:
        warehouse.migrate(con, SQL_DIR)
        con.execute((SQL_DIR / "views" / "speakers.sql").read_text())  # a bare CREATE OR REPLACE drops them …
        assert "speakers" in catalog.missing_descriptions(con)
        warehouse.refresh_views(con, SQL_DIR)                          # … every refresh writes them back
        assert catalog.missing_descriptions(con) == []
        assert catalog.apply_comments(con, VIEW_FILES) == 0            # nothing to do when all read right
    finally:
        con.close()


def test_a_failed_refresh_leaves_views_and_descriptions_as_they_were(tmp_path):
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        warehouse.migrate(con, sql)
        (sql / "views" / "zz_broken.sql").write_text("-- zz_broken: one row per nothing\nCREATE OR REPLACE VIEW zz_broken AS SELECT * FROM nowhere;\n")
        with pytest.raises(duckdb.Error):
            warehouse.refresh_views(con, sql)
        assert catalog.missing_descriptions(con) == []  # the refresh and its comments are one transaction
    finally:
        con.close()


# ---------------------------------------------------------------------------- view file block format


def test_read_view_doc_reads_grain_columns_references_and_continuations(tmp_path):
    path = tmp_path / "v.sql"
    path.write_text("-- v: one row per thing, with its name\n"
                    "-- columns:\n"
                    "--   thing_id: = entities.entity_id\n"
                    "--   name: what the thing is called, which can take\n"
                    "--     more than one line\n"
                    "CREATE OR REPLACE VIEW v AS SELECT 1 AS thing_id, 'x' AS name;\n")
    doc = catalog.read_view_doc(path)
    assert doc.grain == "one row per thing, with its name"
    assert doc.columns == {"thing_id": "= entities.entity_id",
                           "name": "what the thing is called, which can take more than one line"}
    assert catalog.resolve(doc.columns["thing_id"], catalog.table_docs()).startswith("hash of label")


@pytest.mark.parametrize("text, error", [
    ("CREATE VIEW v AS SELECT 1;\n", "first line"),
    ("-- other: one row per x\nCREATE VIEW v AS SELECT 1;\n", "first line"),
    ("-- v: one row per x\n-- columns:\n--   a: one\n--   a: two\nCREATE VIEW v AS SELECT 1 AS a;\n", "twice"),
])
def test_read_view_doc_refuses_a_malformed_file(tmp_path, text, error):
    path = tmp_path / "v.sql"
    path.write_text(text)
    with pytest.raises(catalog.CatalogError, match=error):
        catalog.read_view_doc(path)


# ---------------------------------------------------------------------------- escaping


NASTY = ["it's", "''", "a\\'b", "'; DROP TABLE documents; --", "line\nbreak", "tab\tand \\n", "ünïcödé “quotes” €",
         "$$dollar$$", "E'x'", "\\", "trailing '"]


@pytest.mark.parametrize("text", NASTY)
def test_quote_literal_round_trips_through_comment_on(text):
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INTEGER)")
    con.execute(catalog.comment_sql("COLUMN", catalog.quote_ident("t") + "." + catalog.quote_ident("a"), text))
    con.execute(catalog.comment_sql("TABLE", catalog.quote_ident("t"), text))
    assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 't'").fetchall()[0][0] == text
    assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 't'").fetchall()[0][0] == text
    assert con.execute("SELECT count(*) FROM t").fetchall()[0][0] == 0  # still there, nothing injected


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))))
def test_quote_literal_is_exact_for_any_text(text):
    assert duckdb.connect().execute(f"SELECT {catalog.quote_literal(text)}").fetchall()[0][0] == text


@pytest.mark.parametrize("name", ['odd "name"', "with space", "select", "ünï"])
def test_quote_ident_names_any_identifier(name):
    con = duckdb.connect()
    con.execute(f"CREATE TABLE {catalog.quote_ident(name)} (x INTEGER)")
    assert con.execute("SELECT table_name FROM duckdb_tables()").fetchall() == [(name,)]


def test_quote_literal_and_comment_sql_refuse_what_they_cannot_carry():
    with pytest.raises(ValueError):
        catalog.quote_literal("nul\x00byte")
    with pytest.raises(ValueError):
        catalog.comment_sql("DATABASE", '"x"', "text")


# ---------------------------------------------------------------------------- newsdesk describe


def test_describe_lists_every_table_and_view_with_its_grain(migrated, capsys):
    assert cli(["describe", "--warehouse", str(migrated)]) == 0
    out = capsys.readouterr().out
    for path in VIEW_FILES:
        assert re.search(rf"^{path.stem}\s+view\s+one row per", out, re.M), path.stem
    assert re.search(r"^quotes\s+table\s+One row per quote", out, re.M)
    assert re.search(r"^forgotten\s+table\s+One row per document forgotten", out, re.M)
    assert "(no description)" not in out


def test_describe_name_prints_columns_types_and_descriptions(migrated, capsys):
    assert cli(["describe", "figures", "--warehouse", str(migrated)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("figures (table): One row per reported figure")
    assert re.search(r"^value\s+DOUBLE NOT NULL\s+fully scaled value", out, re.M)
    assert re.search(r"^read by: .*money_by_currency", out, re.M)
    assert cli(["describe", "speakers", "--warehouse", str(migrated)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^reads: entities, entity_roles, quote_speakers, quotes$", out, re.M)
    assert re.search(r"^n_quotes\s+BIGINT\s+quote passages attributed to the entity", out, re.M)


def test_describe_an_unknown_name_is_a_one_line_usage_error(migrated, capsys):
    assert cli(["describe", "speker", "--warehouse", str(migrated)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no table or view named 'speker'" in err and "speakers" in err


def test_describe_without_a_warehouse_is_a_usage_error(tmp_path, capsys):
    assert cli(["describe", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse at" in capsys.readouterr().err


def test_describe_html_writes_the_catalogue_page(migrated, tmp_path, capsys):
    page = tmp_path / "docs" / "catalog.html"
    assert cli(["describe", "--warehouse", str(migrated), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    con = duckdb.connect(str(migrated), read_only=True)
    try:
        found = catalog.objects(con)
    finally:
        con.close()
    for obj in found:
        assert f'<section id="{obj.name}" class="{obj.kind}">' in html
        for col in obj.columns:
            assert f'id="{obj.name}.{col.name}"' in html
    assert "no description" not in html
    assert "reads " in html and 'href="#quotes"' in html  # a view's lineage links to the tables it reads
    assert "<script" not in html and "http" not in html.split("</style>")[0]  # self-contained
    assert catalog_page.render(found).count("<section") == len(found)


def test_describe_is_fast_it_imports_neither_prefect_nor_spacy(migrated):
    code = ("import sys, contextlib, io; import newsdesk.flows.cli as c\n"
            f"with contextlib.redirect_stdout(io.StringIO()): c.main(['describe', 'quotes', '-w', {str(migrated)!r}])\n"
            "print(sorted(m for m in ('prefect', 'spacy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
