"""End to end: the Prefect flow under one session-wide test server, then the CLI on its warehouse."""

from __future__ import annotations

import duckdb
import pytest

from newsdesk import checks, warehouse
from newsdesk.flows.cli import main as cli


@pytest.fixture(scope="module")
def flow_warehouse(prefect_harness, tmp_path_factory, samples_dir):
    from newsdesk.flows.ingest import ingest

    wh = tmp_path_factory.mktemp("flow") / "news.duckdb"
    first = ingest(source=str(samples_dir), warehouse=str(wh), batch_docs=4)
    second = ingest(source=str(samples_dir), warehouse=str(wh), batch_docs=4)
    return wh, first, second


def test_flow_loads_one_document_per_sample(flow_warehouse, samples_dir):
    wh, first, _ = flow_warehouse
    n_samples = len([p for p in samples_dir.iterdir() if p.suffix == ".txt"])
    assert n_samples >= 6
    assert first["status"] == "completed" and first["books_balance"]
    assert first["documents_new"] == n_samples and first["rejected"] == 0
    con = warehouse.read_only(wh)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == n_samples
        assert con.execute("SELECT count(*) FROM quotes").fetchall()[0][0] >= n_samples
        assert con.execute("SELECT count(*) FROM figures WHERE kind = 'money'").fetchall()[0][0] >= 3
        run = con.execute("SELECT status, flow_run_id, model_version, extractor_version FROM runs "
                          "ORDER BY started_at LIMIT 1").fetchall()[0]
        assert run[0] == "completed" and run[1] and run[2] == "3.8.0" and run[3]
        assert {k: v for k, v in checks.run_checks(con, warehouse.Path(__file__).parent.parent / "sql").items() if v} == {}
    finally:
        con.close()


def test_second_flow_run_adds_nothing(flow_warehouse):
    wh, first, second = flow_warehouse
    assert second["documents_new"] == 0 and second["documents_processed"] == 0
    assert second["already_seen"] == first["documents_new"] + first["duplicates"]


def test_cli_sql_is_read_only(flow_warehouse, capsys):
    wh = flow_warehouse[0]
    assert cli(["sql", "SELECT count(*) AS n FROM documents", "--warehouse", str(wh), "--format", "csv"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].isdigit()
    assert cli(["sql", "DROP TABLE documents", "--warehouse", str(wh)]) == 2
    assert "read-only" in capsys.readouterr().err
    con = duckdb.connect(str(wh), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] > 0
    con.close()


def test_cli_status_and_check(flow_warehouse, capsys):
    wh = flow_warehouse[0]
    assert cli(["status", "--warehouse", str(wh)]) == 0
    out = capsys.readouterr().out
    assert "completed" in out and "documents" in out
    assert cli(["check", "--warehouse", str(wh)]) == 0
    assert " 0 failed" in capsys.readouterr().out
