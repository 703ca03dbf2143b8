"""Security: no SQL built from values, hash-named raw copies, a read-only analyst door, no secrets.

* SQL text is never built with values by string formatting. The test parses every module of
  newsdesk/, flows/ and schemas/ and lists every f-string / ``.format`` / ``%`` / ``+`` whose
  constant part looks like SQL; each interpolated expression must be on ``ALLOWED`` below, an
  explicit list of identifier interpolations (table, column and view names from code constants,
  placeholder lists). Anything new fails until reviewed and added, with its reason.
* Staged copies are named ``raw/<sha[:2]>/<sha>.raw`` whatever the incoming path looks like.
* ``newsdesk sql`` opens DuckDB with ``read_only=True``: writes fail inside DuckDB, and the file's
  bytes do not change. ``--no-external-access`` additionally forbids reading or writing any file
  (read_csv, read_parquet, read_text, glob, COPY … TO, EXPORT DATABASE, ATTACH).
* No private keys or API tokens in the repository; the Prefect server binds 127.0.0.1.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import ingest_without_nlp
from newsdesk import pipeline, staging, warehouse
from newsdesk.flows.cli import main as cli
from newsdesk.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SQL_WORD = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|FROM|WHERE|VALUES|COPY|ATTACH|PRAGMA|"
                      r"INTO|JOIN|DISTINCT|TABLE|COMMENT)\b")

# (file, interpolated expression) → why it is safe. Only identifiers from code constants.
ALLOWED: dict[tuple[str, str], str] = {
    ("newsdesk/warehouse.py", "table"): "table name from schemas.MODELS / DERIVED_TABLES (code constants)",
    ("newsdesk/warehouse.py", "t"): "table name from schemas.MODELS (table_counts)",
    ("newsdesk/warehouse.py", "view"): "'_batch_<table>' with table from schemas.MODELS",
    ("newsdesk/warehouse.py", "col_list"): "column names from schemas.columns(table)",
    ("newsdesk/warehouse.py", "where"): "NOT EXISTS clause built from KEYED_TABLES key names",
    ("newsdesk/warehouse.py", "k"): "key column name from KEYED_TABLES",
    ("newsdesk/warehouse.py", "', '.join(keys)"): "key column names from KEYED_TABLES",
    ("newsdesk/warehouse.py", "cond"): "join condition over KEYED_TABLES key names",
    ("newsdesk/warehouse.py", "', '.join(cols)"): "run-record column names: keys of the dict pipeline.begin builds",
    ("newsdesk/warehouse.py", "', '.join(('?' for _ in cols))"): "placeholders only; the values are bound",
    ("newsdesk/warehouse.py", "sets"): "'<column> = ?' pairs from finish_run's field names (code); values bound",
    ("newsdesk/export.py", "name"): "a table/view name read from information_schema, double-quoted",
    ("flows/cli_warehouse.py", "msg"): "not SQL: an error message that names statement kinds",
    # COMMENT ON takes no bound parameter in DuckDB (`IS ?` is a parser error): the text goes through
    # catalog.quote_literal, the one escaping function, tested in tests/test_catalog.py
    ("newsdesk/catalog.py", "kind"): "TABLE | VIEW | COLUMN, checked against that list in comment_sql",
    ("newsdesk/catalog.py", "target"): "object/column names from DuckDB's catalogue, through quote_ident",
    ("newsdesk/catalog.py", "quote_literal(text)"): "a description escaped by quote_literal (tested round trip)",
    ("newsdesk/forget.py", "table"): "table name from schemas.ALL_MODELS (tables with a doc_id / entity column)",
    ("newsdesk/forget.py", "column"): "entity_id / *_entity_id column names from schemas.columns(table)",
    ("newsdesk/forget.py", "key"): "unique *_id key column from a schemas model",
    ("newsdesk/forget.py", "parent"): "table name from schemas.ALL_MODELS (a table with doc_id)",
    ("newsdesk/forget.py", "head"): "'SELECT count(*) FROM' or 'DELETE FROM', from a two-entry dict",
    ("newsdesk/forget.py", "condition"): "a condition built by forget._belongs from contract names; doc_id bound",
}


def _sql_interpolations(path: Path) -> list[tuple[int, str, str]]:
    """(line, kind, expression) for each value interpolated into SQL-looking text in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            const = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if SQL_WORD.search(const):
                found += [(node.lineno, "f-string", ast.unparse(v.value))
                          for v in node.values if isinstance(v, ast.FormattedValue)]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
              and SQL_WORD.search(node.func.value.value)):
            found += [(node.lineno, ".format", ast.unparse(a)) for a in [*node.args, *node.keywords]]
        elif (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add))
              and any(isinstance(side, ast.Constant) and isinstance(side.value, str) and SQL_WORD.search(side.value)
                      for side in (node.left, node.right))):
            other = node.right if isinstance(node.left, ast.Constant) else node.left
            if not (isinstance(other, ast.Constant) and isinstance(other.value, str)):
                found.append((node.lineno, "%" if isinstance(node.op, ast.Mod) else "+", ast.unparse(other)))
    return found


def _python_files() -> list[Path]:
    return sorted(p for base in ("newsdesk", "flows", "schemas") for p in (ROOT / base).rglob("*.py"))


def test_no_sql_is_built_with_values_by_string_formatting():
    offenders = []
    for path in _python_files():
        rel = path.relative_to(ROOT).as_posix()
        for line, kind, expr in _sql_interpolations(path):
            if (rel, expr) not in ALLOWED:
                offenders.append(f"{rel}:{line}: {kind} interpolates {expr!r}")
    assert offenders == [], "SQL built by string formatting (bind values with ?, or allow-list an identifier):\n" + \
        "\n".join(offenders)


@pytest.mark.parametrize("source, expected", [
    ('con.execute(f"SELECT * FROM docs WHERE title = \'{title}\'")', ["title"]),
    ('con.execute("DELETE FROM docs WHERE id = %s" % doc_id)', ["doc_id"]),
    ('con.sql("SELECT * FROM docs WHERE id = {}".format(doc_id))', ["doc_id"]),
    ('q = "SELECT * FROM docs WHERE id = " + doc_id', ["doc_id"]),
    ('con.execute("SELECT * FROM docs WHERE id = ?", [doc_id])', []),
    ('print(f"loaded {n} rows")', []),
])
def test_the_sql_scanner_catches_value_interpolation(tmp_path, source, expected):
    """The scanner itself: it flags each formatting style and leaves bound parameters alone."""
    f = tmp_path / "m.py"
    f.write_text(source + "\n")
    assert [e for _, _, e in _sql_interpolations(f)] == expected


def test_allow_list_has_no_stale_entries():
    used = {(p.relative_to(ROOT).as_posix(), e) for p in _python_files() for _, _, e in _sql_interpolations(p)}
    assert set(ALLOWED) - used == set(), "remove allow-list entries that no longer occur"


# ---------------------------------------------------------------------------- raw copies


HOSTILE_NAMES = ["..%2f..%2fetc%2fpasswd.txt", "evil\nname.txt", "-rf .txt", "$(touch pwned).txt",
                 "名前 with spaces.txt", "x" * 200 + ".txt"]


def test_staged_copies_are_named_by_content_hash_never_by_path(tmp_path):
    src = tmp_path / "inbox"
    (src / "sub").mkdir(parents=True)
    found = []
    for i, name in enumerate(HOSTILE_NAMES):
        (src / name).write_text(f"Headline {i} here\n\nLONDON - Something happened on day {i}, officials said.\n")
        found.append(staging.Found(src / "sub" / ".." / name))  # a path with a '..' component, as given
    raw = tmp_path / "wh" / "raw"
    before = {p for p in tmp_path.rglob("*")}
    result = staging.stage_chunk(found, raw_store=raw, max_bytes=1 << 20, known=lambda ids: set(),
                                 seen_this_run=set())
    assert len(result.new_docs) == len(HOSTILE_NAMES) and result.rejects == []
    created = {p for p in tmp_path.rglob("*")} - before
    files = sorted(p.relative_to(raw).as_posix() for p in created if p.is_file())
    assert all(re.fullmatch(r"[0-9a-f]{2}/[0-9a-f]{64}\.raw", f) for f in files), files
    assert all(p == raw.parent or p.is_relative_to(raw) for p in created)  # nothing outside the raw store
    for doc, name in zip(result.new_docs, HOSTILE_NAMES):
        data = (src / name).read_bytes()
        assert doc.doc_id == hashlib.sha256(data).hexdigest()
        assert staging.raw_copy_path(raw, doc.doc_id).read_bytes() == data


# Found by this suite: a symlink in the inbox could pull any readable file into the warehouse.
def test_symlink_to_a_file_outside_the_source_is_not_ingested(tmp_path):
    secret = tmp_path / "private" / "credentials.txt"
    secret.parent.mkdir()
    secret.write_text("Private notes\n\nThe database password for the payroll server is on this line.\n")
    src = tmp_path / "inbox"
    src.mkdir()
    os.symlink(secret, src / "innocent.txt")
    result = staging.stage_chunk(list(staging.discover(src)), raw_store=tmp_path / "raw", max_bytes=1 << 20,
                                 known=lambda ids: set(), seen_this_run=set())
    assert result.new_docs == [] and [r.reason for r in result.rejects] == ["outside_source"]


# ---------------------------------------------------------------------------- newsdesk sql


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory) -> Path:
    """A warehouse with two documents (staged and loaded; the NLP step is not needed here)."""
    root = tmp_path_factory.mktemp("sec")
    src = root / "in"
    src.mkdir()
    for i in range(2):
        (src / f"a{i}.txt").write_text(f"Council votes {i}\n\nLONDON - The council voted on item {i}, it said.\n")
    settings = Settings().with_overrides(warehouse=root / "wh" / "news.duckdb")
    ingest_without_nlp(settings, src)
    (root / "outside.csv").write_text("secret,value\npayroll,42\n")
    import duckdb

    duckdb.sql(f"COPY (SELECT 1 AS a) TO '{root / 'outside.parquet'}' (FORMAT parquet)")
    return settings.warehouse


def _file_state(wh: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(wh.read_bytes()).hexdigest(), sorted(p.name for p in wh.parent.iterdir())


def _sql(capsys, wh: Path, query: str, *flags: str) -> tuple[int, str, str]:
    code = cli(["sql", query, "--warehouse", str(wh), "--format", "csv", *flags])
    out, err = capsys.readouterr()
    return code, out, err


WRITES = [
    "DROP TABLE documents",
    "DELETE FROM documents",
    "UPDATE documents SET title = 'pwned'",
    "INSERT INTO rejects (run_id, source_path, reason, detail, rejected_at) VALUES ('x', 'y', 'z', 'w', now())",
    "CREATE TABLE evil AS SELECT 1",
    "CREATE OR REPLACE VIEW documents_overview AS SELECT 1",
    "ALTER TABLE documents ADD COLUMN x INT",
    "SELECT 1; DROP TABLE documents",
    "ATTACH '{dir}/other.duckdb' AS other",
]


@pytest.mark.parametrize("statement", WRITES)
def test_newsdesk_sql_refuses_writes_and_changes_nothing(capsys, small_warehouse, statement):
    before = _file_state(small_warehouse)
    code, out, err = _sql(capsys, small_warehouse, statement.format(dir=small_warehouse.parent))
    assert code == 2, (out, err)
    assert "read-only" in err
    assert _file_state(small_warehouse) == before
    code, out, _ = _sql(capsys, small_warehouse, "SELECT count(*) AS n FROM documents")
    assert (code, out.split()) == (0, ["n", "2"])


OUTSIDE_READS = [
    "SELECT * FROM read_csv('{root}/outside.csv')",
    "SELECT * FROM '{root}/outside.csv'",
    "SELECT * FROM read_parquet('{root}/outside.parquet')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT count(*) FROM glob('/etc/*')",
]
OUTSIDE_WRITES = [
    "COPY documents TO '{root}/leak.csv'",
    "EXPORT DATABASE '{root}/leakdir'",
]


@pytest.mark.parametrize("query", OUTSIDE_READS + OUTSIDE_WRITES)
def test_no_external_access_blocks_files_outside_the_warehouse(capsys, small_warehouse, query):
    root = small_warehouse.parent.parent
    q = query.format(root=root)
    code, out, err = _sql(capsys, small_warehouse, q, "--no-external-access")
    assert code == 2 and "Permission Error" in err and "disabled by configuration" in err, (out, err)
    assert not (root / "leak.csv").exists() and not (root / "leakdir").exists()


@pytest.mark.parametrize("query", OUTSIDE_READS)
def test_without_the_flag_duckdb_reads_what_the_analyst_can_read(capsys, small_warehouse, query):
    """Documented reach of a default `newsdesk sql`: DuckDB's file functions read any file the
    analyst's own account can read (it runs as the analyst, so no privilege is gained)."""
    code, out, err = _sql(capsys, small_warehouse, query.format(root=small_warehouse.parent.parent))
    assert code == 0, err


def test_external_access_cannot_be_switched_back_on(small_warehouse):
    import duckdb

    con = warehouse.read_only(small_warehouse, external_access=False)
    try:
        with pytest.raises(duckdb.Error, match="Cannot enable external access"):
            con.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("DELETE FROM documents")
    finally:
        con.close()


# ---------------------------------------------------------------------------- repository hygiene


SECRET_PATTERNS = {
    "private key block": re.compile(r"-{5}BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-{5}"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "Slack webhook": re.compile(r"hooks\.slack\.com/services/T[A-Za-z0-9]+/"),
    "OpenAI/Anthropic-style key": re.compile(r"\bsk-(?:ant-)?[A-Za-z0-9_-]{32,}"),
    "Prefect Cloud API key": re.compile(r"\bpnu_[A-Za-z0-9]{30,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "password assignment": re.compile(r"(?i)\b(?:password|passwd|secret|api_key|token)\s*[:=]\s*['\"][^'\"\s]{8,}['\"]"),
    "URL with credentials": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:[^/\s:@'\"]{3,}@"),
}


def _repo_files() -> list[Path]:
    """Tracked files plus untracked, not ignored ones (git ls-files is read-only)."""
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / p for p in out.decode().split("\0") if p and (ROOT / p).is_file()]


def test_no_secrets_in_the_repository():
    hits = []
    files = _repo_files()
    assert len(files) > 20
    for path in files:
        if path.stat().st_size > 5_000_000:
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        for name, pattern in SECRET_PATTERNS.items():
            for m in pattern.finditer(text):
                hits.append(f"{path.relative_to(ROOT)}: {name}: {m.group(0)[:40]}…")
    assert hits == []


@pytest.mark.parametrize("sample, name", [
    ("-----BEGIN " + "OPENSSH PRIVATE KEY-----", "private key block"),
    ("AKIA" + "ABCDEFGHIJKLMNOP", "AWS access key id"),
    ("ghp_" + "a" * 36, "GitHub token"),
    ('password = "' + "hunter2hunter2" + '"', "password assignment"),
    ("postgresql://" + "admin:s3cret@db/x", "URL with credentials"),
])
def test_the_secret_patterns_match_what_they_claim(sample, name):
    assert SECRET_PATTERNS[name].search(sample)


def test_prefect_server_binds_localhost_in_serve_script():
    serve = ROOT / "scripts" / "serve.sh"
    if not serve.exists():
        pytest.skip("scripts/serve.sh is not written yet")
    text = serve.read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert "0.0.0.0" not in code and not re.search(r"--host\s+['\"]?::", code)
    assert re.search(r"^HOST=[\"']?(?:\$\{\w+:-)?127\.0\.0\.1\}?[\"']?$", code, re.M), \
        "HOST must default to 127.0.0.1"
    starts = re.findall(r"server start[^\n]*", code)
    assert starts, "no `prefect server start` in serve.sh"
    for line in starts:
        assert re.search(r"--host\s+(\"\$HOST\"|\$HOST|127\.0\.0\.1)", line), line
