"""Every wrong invocation ends with one line that says what is wrong and what to do, and the exit
code says what kind of failure it was: 2 for usage errors (a bad option, a missing file), 1 for a
command that ran and failed. No traceback. Plus what the CLI promises besides: --version, help on
every option, every command listed, multi-statement SQL printing every result."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk import __version__
from newsdesk.flows.cli import app, main
from newsdesk.locking import run_lock
from newsdesk.settings import Settings

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    """A small real warehouse (no NLP needed for CLI errors)."""
    from helpers import ingest_without_nlp

    root = tmp_path_factory.mktemp("cli")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text("Harbour opens\n\nLONDON - The harbour opened on Monday, the board said.\n")
    settings = Settings().with_overrides(warehouse=root / "wh" / "news.duckdb")
    ingest_without_nlp(settings, root / "in")
    return settings.warehouse


def _one_line_error(capsys, argv: list[str], code: int, *words: str) -> str:
    assert main(argv) == code
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith("newsdesk: "), err
    for w in words:
        assert w in err, err
    return err


def test_export_to_a_file_is_a_usage_error(capsys, wh, tmp_path):
    target = tmp_path / "out.parquet"
    target.write_text("x")
    _one_line_error(capsys, ["export", str(target), "--warehouse", str(wh)], 2, "is a file", "folder")


def test_status_on_a_file_that_is_not_duckdb_is_a_usage_error(capsys, tmp_path):
    not_db = tmp_path / "notes.txt"
    not_db.write_text("not a database\n" * 10)
    _one_line_error(capsys, ["status", "--warehouse", str(not_db)], 2, "is not a DuckDB file")


def test_a_folder_given_as_the_warehouse_is_a_usage_error(capsys, tmp_path):
    _one_line_error(capsys, ["status", "--warehouse", str(tmp_path)], 2, "is a folder")


@pytest.mark.parametrize("argv,words", [
    (["run", "--source", ".", "--batch-docs", "0"], ("--batch-docs", "greater than or equal to 1", "newsdesk run --help")),
    (["run", "--source", ".", "--processes", "0"], ("--processes",)),
    (["run", "--source", "no/such/folder"], ("--source", "does not exist")),
    (["run", "--source", ".", "--runner", "spark"], ("--runner", "dask://HOST:PORT")),
    (["sql", "SELECT 1", "--format", "xml"], ("--format",)),
    (["nonsense"], ("No such command",)),
    (["evaluate", "quotes", "--polnear", "no/such/dir"], ("does not exist",)),
])
def test_bad_options_are_usage_errors(capsys, argv, words):
    _one_line_error(capsys, argv, 2, *words)


def test_a_missing_sql_file_is_an_error_not_sql(capsys, wh):
    _one_line_error(capsys, ["sql", "missing.sql", "--warehouse", str(wh)], 2, "missing.sql: no such file")


def test_an_empty_query_is_an_error(capsys, wh):
    _one_line_error(capsys, ["sql", "", "--warehouse", str(wh)], 2, "empty")
    _one_line_error(capsys, ["sql", "/* only a comment */", "--warehouse", str(wh)], 2, "no SQL statement")


def test_a_query_that_fails_says_why_in_one_line(capsys, wh):
    _one_line_error(capsys, ["sql", "SELECT * FROM no_such_table", "--warehouse", str(wh)], 1, "query failed")


def test_no_warehouse_yet_is_a_usage_error(capsys, tmp_path):
    _one_line_error(capsys, ["status", "--warehouse", str(tmp_path / "none.duckdb")], 2,
                    "no warehouse", "newsdesk run --source")


def test_a_sql_file_with_several_statements_prints_every_result(capsys, wh, tmp_path):
    queries = tmp_path / "two.sql"
    queries.write_text("-- documents first\nSELECT count(*) AS n_documents FROM documents;\n"
                       "SELECT count(*) AS n_sources FROM document_sources; -- then sources\n")
    assert main(["sql", str(queries), "--warehouse", str(wh), "--format", "csv"]) == 0
    out = capsys.readouterr().out.split()
    assert out == ["n_documents", "1", "n_sources", "1"]


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip().startswith(f"newsdesk {__version__}")


def _commands(group) -> dict:
    import typer.main

    return typer.main.get_command(group).commands


def test_every_command_and_option_has_help():
    missing = []
    for name, command in _commands(app).items():
        subs = getattr(command, "commands", None) or {name: command}
        for sub_name, sub in subs.items():
            if not (sub.help or "").strip():
                missing.append(f"{sub_name}: no help")
            for param in sub.params:
                if getattr(param, "param_type_name", "") == "option" and not (param.help or "").strip():
                    missing.append(f"{sub_name} {param.opts[0]}")
                if getattr(param, "param_type_name", "") == "argument" and not (getattr(param, "help", "") or "").strip():
                    missing.append(f"{sub_name} {param.name}")
    assert missing == []


def test_top_level_help_lists_every_command(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in ("run", "reprocess", "sql", "status", "check", "verify", "export", "describe", "show", "forget",
                 "serve", "evaluate", "bench"):
        assert f"  {name} " in out, name
    assert "--install-completion" in out  # shell completion, typer's own


def test_lock_timeout_zero_while_another_run_holds_the_lock(tmp_path):
    """The real console script: one line, exit 1, no Prefect traceback, before any flow run starts."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Harbour opens\n\nThe harbour opened on Monday, the board said.\n")
    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb")
    env = {**os.environ, "NEWSDESK_LOCK_TIMEOUT": "0", "PREFECT_HOME": str(tmp_path / "prefect")}
    with run_lock(settings.lock_path, timeout_s=5):
        done = subprocess.run([str(BIN / "newsdesk"), "run", "--source", str(tmp_path / "in"), "--warehouse",
                               str(settings.warehouse)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr[-2000:]
    err = done.stderr.strip()
    assert len(err.splitlines()) == 1 and err.startswith("newsdesk: "), err
    assert "locked by another run" in err and "NEWSDESK_LOCK_TIMEOUT" in err
    assert "Traceback" not in done.stdout + done.stderr
