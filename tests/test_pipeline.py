"""The run's steps without Prefect, against a real DuckDB file in tmp_path."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from newsdesk import checks, pipeline, warehouse

ARTICLE = """Grain deal lifts exports to record high

KYIV - Ukraine exported more than 4 million tonnes of grain in October, the agriculture ministry said on Friday.

"The corridor works, and our farmers are paid again," Deputy Minister Olena Kravets told reporters. She said shipments could rise by 10% next month.

Advertisement

Leave a Reply
"""


def run_once(settings, source):
    return pipeline.run_ingest(settings, source)


def counts(settings):
    con = warehouse.read_only(settings.warehouse)
    try:
        return warehouse.table_counts(con)
    finally:
        con.close()


@pytest.fixture()
def source(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "grain.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "grain copy.txt").write_text(ARTICLE, encoding="utf-8")  # duplicate at a second path
    (src / "empty.txt").write_text("   \n\n")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (src / "latin1.txt").write_bytes("Pound falls\n\nLONDON - Sterling fell to \xa31.05.\n".encode("latin-1"))
    return src


def test_run_accounts_for_every_file_and_rerun_adds_nothing(settings, source):
    s1 = run_once(settings, source)
    assert s1["files_seen"] == 5
    assert (s1["documents_new"], s1["duplicates"], s1["rejected"]) == (2, 1, 2)
    assert s1["books_balance"]
    after_first = counts(settings)
    assert after_first["documents"] == 2 and after_first["document_sources"] == 3
    assert after_first["mentions"] > 0 and after_first["figures"] > 0 and after_first["quotes"] > 0
    con = warehouse.read_only(settings.warehouse)
    reasons = dict(con.execute("SELECT reason, count(*) FROM rejects GROUP BY 1").fetchall())
    enc = dict(con.execute("SELECT title, encoding FROM documents").fetchall())
    con.close()
    assert reasons == {"whitespace_only": 1, "binary": 1} or set(reasons) <= {"whitespace_only", "empty", "binary"}
    assert enc["Pound falls"] in ("cp1252", "latin-1")

    s2 = run_once(settings, source)
    assert (s2["documents_new"], s2["already_seen"], s2["duplicates"], s2["rejected"]) == (0, 3, 0, 2)
    assert s2["documents_processed"] == 0  # no NLP on an unchanged folder
    assert counts(settings) == {**after_first, "rejects": after_first["rejects"]}


def test_changed_file_becomes_a_new_document(settings, source):
    run_once(settings, source)
    (source / "grain.txt").write_text(ARTICLE.replace("October", "November"), encoding="utf-8")
    s = run_once(settings, source)
    assert s["documents_new"] == 1
    assert counts(settings)["documents"] == 3


def test_checks_pass_after_runs(settings, source):
    run_once(settings, source)
    con = warehouse.read_only(settings.warehouse)
    try:
        failing = {k: v for k, v in checks.run_checks(con, settings.sql_dir).items() if v}
    finally:
        con.close()
    assert failing == {}


def test_crash_before_load_loses_nothing(settings, source, monkeypatch):
    """A run that dies between extract and load leaves no half batch; the next run completes it."""
    real_load = warehouse.load_batch

    def boom(*a, **k):
        raise RuntimeError("simulated crash during load")

    monkeypatch.setattr(warehouse, "load_batch", boom)
    with pytest.raises(RuntimeError):
        run_once(settings, source)
    monkeypatch.setattr(warehouse, "load_batch", real_load)
    assert counts(settings)["documents"] == 0
    s = run_once(settings, source)
    assert s["documents_new"] == 2
    con = warehouse.read_only(settings.warehouse)
    runs = sorted(con.execute("SELECT status, error, files_seen, documents_new FROM runs").fetchall())
    con.close()
    assert [status for status, *_ in runs] == ["completed", "failed"]
    assert "simulated crash during load" in runs[1][1]  # the failed run says why
    assert runs[1][2:] == (0, 0)  # and its books count what it loaded: nothing


def test_an_extractor_bug_costs_rows_not_the_run(settings, source, monkeypatch):
    """An exception in one extractor on one document is recorded, and everything else loads."""
    from newsdesk.extract import batch as extract_batch

    def broken(doc):
        raise ValueError("simulated extractor bug")

    monkeypatch.setattr(extract_batch, "extract_figures", broken)
    s = run_once(settings, source)
    assert s["status"] == "completed" and s["documents_new"] == 2
    con = warehouse.read_only(settings.warehouse)
    try:
        rows = con.execute("SELECT table_name, check_name, failure_case FROM validation_failures").fetchall()
        n_figures = con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
        n_mentions = con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
    finally:
        con.close()
    assert rows == [("figures", "extractor_error", "ValueError: simulated extractor bug")] * 2
    assert n_figures == 0 and n_mentions > 0


def test_a_stop_that_surfaces_as_an_error_is_recorded_as_a_stop(settings, source, monkeypatch):
    """SIGTERM during a DuckDB query: DuckDB's handler turns it into "Query interrupted" (a plain
    RuntimeError). The run is still a stop: recorded as interrupted, re-raised as ``Interrupted`` (so
    Prefect marks the flow run crashed and the CLI exits 143), not as a failure."""
    import signal

    from newsdesk import interrupts

    monkeypatch.setattr(interrupts, "received", [signal.SIGTERM])  # what the signal handler records
    monkeypatch.setattr(interrupts, "arm", lambda signum, grace_s=0: None)  # no watchdog in the test process

    def interrupted(*a, **k):
        raise RuntimeError("Query interrupted")

    monkeypatch.setattr(warehouse, "load_batch", interrupted)
    with pytest.raises(interrupts.Interrupted) as caught:
        run_once(settings, source)
    assert caught.value.signum == signal.SIGTERM and isinstance(caught.value.__cause__, RuntimeError)
    con = warehouse.read_only(settings.warehouse)
    assert con.execute("SELECT status, error FROM runs").fetchall() == [("interrupted", "stopped by SIGTERM")]
    con.close()
