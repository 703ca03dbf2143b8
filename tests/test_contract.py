"""The row contract (``newsdesk.schemas``) against the migrated DuckDB tables, the loader and the
extractors' record types; and the one direction of imports (flows → core → schemas, sql)."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsdesk import schemas, warehouse
from newsdesk.extract import types
from newsdesk.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DUCK_TYPES = {  # pandera dtype (as str) -> DuckDB column types it may map to
    "str": {"VARCHAR"}, "string[python]": {"VARCHAR"}, "string[pyarrow]": {"VARCHAR"},
    "int64": {"INTEGER", "BIGINT"}, "Int64": {"INTEGER", "BIGINT"},
    "float64": {"DOUBLE"}, "datetime64[ns]": {"TIMESTAMP"}, "date": {"DATE"}, "bool": {"BOOLEAN"},
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    c = duckdb.connect(str(tmp_path_factory.mktemp("contract") / "w.duckdb"))
    warehouse.migrate(c, Settings().sql_dir)
    yield c
    c.close()


@pytest.mark.parametrize("table", list(schemas.ALL_MODELS))
def test_model_matches_the_migrated_table(con, table):
    """Same columns, compatible types, NOT NULL exactly where the model forbids nulls."""
    described = {r[0]: r[1] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    schema = schemas.ALL_MODELS[table].to_schema()
    assert set(schema.columns) == set(described), (
        f"{table}: only in the model {set(schema.columns) - set(described)}, "
        f"only in the table {set(described) - set(schema.columns)}")
    nullable = dict(con.execute(
        "SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_name = ?",
        [table]).fetchall())
    for name, col in schema.columns.items():
        dtype = str(col.dtype)
        allowed = DUCK_TYPES.get(dtype) or (DUCK_TYPES["date"] if "date" in dtype.lower() else None)
        assert allowed, f"{table}.{name}: unmapped dtype {dtype}"
        assert described[name] in allowed, f"{table}.{name}: model {dtype} vs DuckDB {described[name]}"
        assert nullable[name] == col.nullable, f"{table}.{name}: nullability differs"


def test_every_table_of_the_warehouse_has_a_model(con):
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()}
    assert tables - {"schema_migrations"} == set(schemas.ALL_MODELS)


@pytest.mark.parametrize("table", list(schemas.ALL_MODELS))
def test_every_table_and_column_is_described(table):
    assert schemas.describe_table(table).startswith("One row per"), f"{table}: docstring must state the grain"
    missing = [c for c, d in schemas.describe_columns(table).items() if not d.strip()]
    assert missing == [], f"{table}: columns without a description: {missing}"


# each record type of the extractors, and the tables its fields are written to
RECORD_TABLES = {
    types.Mention: ("mentions", "entities"),
    types.Role: ("entity_roles", "entities"),
    types.Quote: ("quotes",),
    types.QuoteSpeaker: ("quote_speakers", "entities"),
    types.Figure: ("figures",),
}


def _holds_records(f: dataclasses.Field) -> bool:
    """A field holding records of another record type (Quote.speakers: QuoteSpeaker rows), whose
    own fields are checked against their own tables."""
    return any(r.__name__ in str(f.type) for r in RECORD_TABLES)


@pytest.mark.parametrize("record", list(RECORD_TABLES), ids=lambda r: r.__name__)
def test_extractor_records_have_no_field_their_tables_lack(record):
    columns = set().union(*(schemas.columns(t) for t in RECORD_TABLES[record]))
    extra = {f.name for f in dataclasses.fields(record) if not _holds_records(f)} - columns
    assert extra == set(), f"{record.__name__} fields with no column in {RECORD_TABLES[record]}: {extra}"


def test_the_run_record_refuses_a_column_the_contract_lacks(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    warehouse.migrate(con, Settings().sql_dir)
    run = {"run_id": "r", "kind": "ingest", "started_at": warehouse.utcnow(), "status": "running"}
    with pytest.raises(ValueError, match="not columns of runs"):
        warehouse.begin_run(con, {**run, "files_sene": 3})
    warehouse.begin_run(con, run)
    with pytest.raises(ValueError, match="not columns of runs"):
        warehouse.finish_run(con, "r", {"status": "completed", "worlds": 1})
    con.close()


# ---------------------------------------------------------------------------- import direction

def _imports(path: Path) -> set[str]:
    """Every module a file imports (absolute names, at any depth of the file)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def _is(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("path", sorted((ROOT / "newsdesk").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_core_imports_neither_prefect_nor_the_flows(path):
    bad = sorted(n for n in _imports(path)
                 if _is(n, "prefect") or _is(n, "prefect_dask") or _is(n, "flows") or _is(n, "newsdesk.flows"))
    assert bad == [], f"{path.name} imports {bad}: the core must run without Prefect (flows → core, never back)"


@pytest.mark.parametrize("path", sorted((ROOT / "schemas").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_contract_imports_nothing_of_the_core(path):
    bad = sorted(n for n in _imports(path) if _is(n, "newsdesk") and not _is(n, "newsdesk.schemas"))
    assert bad == [], f"{path.name} imports {bad}: schemas/ is the contract the core depends on, not the reverse"


def test_the_command_line_starts_without_prefect_or_spacy():
    """`newsdesk --help`, `sql`, `status` … must not pay for importing Prefect or spaCy."""
    code = ("import sys, contextlib, io; import newsdesk.flows.cli as c\n"
            "with contextlib.redirect_stdout(io.StringIO()): c.main(['--help']); c.main(['sql', '--help'])\n"
            "print(sorted(m for m in ('prefect', 'spacy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
