"""Scheduled runs, reprocessing and the run lock: fast tests (no real server, no browser).

The reprocess core runs against a real DuckDB file built from samples/ by the plain pipeline
steps; the flows run under the session-wide ``prefect_harness``; the deployments are built but
not served (tests/test_ui.py serves them against a real server).
"""

from __future__ import annotations

import threading
import time

import pytest

from newsdesk import EXTRACTOR_VERSION, pipeline, warehouse
from newsdesk import reprocess as core
from newsdesk.locking import run_lock

STALE = "1999.01.01-0"
DERIVED = ("mentions", "entity_roles", "quotes", "figures")


def ingest_once(settings, source):
    """The ingest flow's chunk loop without Prefect."""
    return pipeline.run_ingest(settings, source)


def snapshot(path) -> dict:
    """Row counts, a fingerprint of the documents (minus extractor_version) and of the derived rows."""
    con = warehouse.read_only(path)
    try:
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in (*DERIVED, "documents")}
        out["documents_fp"] = con.execute(
            "SELECT md5(string_agg(doc_id || title || body || n_words || first_seen_at || run_id, '|' "
            "ORDER BY doc_id)) FROM documents").fetchall()[0][0]
        out["quotes_fp"] = con.execute(
            "SELECT md5(string_agg(quote_id || text || kind || coalesce(speaker_name, '-'), '|' ORDER BY quote_id)) "
            "FROM quotes").fetchall()[0][0]
        out["figures_fp"] = con.execute(
            "SELECT md5(string_agg(figure_id || text || value, '|' ORDER BY figure_id)) FROM figures").fetchall()[0][0]
        out["versions"] = dict(con.execute(
            "SELECT extractor_version, count(*) FROM documents GROUP BY 1").fetchall())
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def few_samples(tmp_path_factory, samples_dir):
    """Four of the sample articles (enough for chunks of 3 and for quotes and figures; quick to extract)."""
    import shutil

    folder = tmp_path_factory.mktemp("few-samples")
    for path in sorted(samples_dir.glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, few_samples):
    """A warehouse holding a few samples, ingested once; returns (settings, snapshot right after ingest)."""
    from newsdesk.settings import Settings

    wh = tmp_path_factory.mktemp("reprocess") / "news.duckdb"
    settings = Settings().with_overrides(warehouse=wh, batch_docs=3)
    summary = ingest_once(settings, few_samples)
    assert summary["documents_new"] == 4
    snap = snapshot(wh)
    assert snap["quotes"] > 0 and snap["figures"] > 0
    return settings, snap


def damage(settings, n_stale: int) -> list[str]:
    """Make ``n_stale`` documents look old and break their rows: quotes of the first one deleted,
    figures of the others given wrong values. Returns the doc_ids touched."""
    with warehouse.writer(settings.warehouse) as con:
        ids = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT ?", [n_stale]).fetchall()]
        con.execute("UPDATE documents SET extractor_version = ? WHERE doc_id IN (SELECT unnest(?))", [STALE, ids])
        con.execute("DELETE FROM quotes WHERE doc_id = ?", [ids[0]])
        con.execute("UPDATE figures SET value = -1 WHERE doc_id IN (SELECT unnest(?))", [ids[1:]])
    return ids


@pytest.mark.parametrize("only_stale, n_stale, expect_processed", [
    (True, 3, 3),      # only the documents written by an older extractor version
    (False, 2, None),  # every document (None = all of them)
])
def test_reprocess_rebuilds_rows_and_leaves_documents(loaded, only_stale, n_stale, expect_processed):
    settings, before = loaded
    touched = damage(settings, n_stale)
    damaged = snapshot(settings.warehouse)
    assert damaged["quotes"] < before["quotes"] and damaged["figures_fp"] != before["figures_fp"]
    assert damaged["versions"].get(STALE) == n_stale

    summary = core.reprocess(settings, only_stale=only_stale)

    after = snapshot(settings.warehouse)
    assert summary["status"] == "completed" and summary["kind"] == "reprocess"
    assert summary["documents_processed"] == (expect_processed or before["documents"])
    assert summary["files_seen"] == summary["documents_new"] == 0 and summary["books_balance"]
    # documents unchanged (but for the version), derived rows rebuilt exactly, nothing doubled
    assert after["documents_fp"] == before["documents_fp"] and after["documents"] == before["documents"]
    for table in DERIVED:
        assert after[table] == before[table], table
    assert after["quotes_fp"] == before["quotes_fp"] and after["figures_fp"] == before["figures_fp"]
    assert after["versions"] == {EXTRACTOR_VERSION: before["documents"]}
    con = warehouse.read_only(settings.warehouse)
    try:
        run = con.execute("SELECT kind, status, documents_processed, files_seen, extractor_version, quotes "
                          "FROM runs WHERE run_id = ?", [summary["run_id"]]).fetchall()[0]
        owners = {r[0] for r in con.execute("SELECT DISTINCT run_id FROM quotes WHERE doc_id IN (SELECT unnest(?))",
                                            [touched]).fetchall()}
    finally:
        con.close()
    assert run == ("reprocess", "completed", summary["documents_processed"], 0, EXTRACTOR_VERSION, summary["quotes"])
    assert owners == {summary["run_id"]}  # the rebuilt rows say which run wrote them


def test_reprocess_only_stale_with_nothing_stale_is_a_no_op(loaded):
    settings, before = loaded
    summary = core.reprocess(settings, only_stale=True)
    assert summary["status"] == "completed" and summary["documents_processed"] == 0 and summary["quotes"] == 0
    assert snapshot(settings.warehouse)["quotes_fp"] == before["quotes_fp"]


def test_reprocess_empty_warehouse(tmp_path):
    from newsdesk.settings import Settings

    settings = Settings().with_overrides(warehouse=tmp_path / "empty.duckdb")
    summary = core.reprocess(settings)
    assert (summary["status"], summary["documents_processed"]) == ("completed", 0)


def test_mark_version_counts_only_known_documents(loaded):
    settings, _ = loaded
    ctx = pipeline.RunContext(run_id="t", kind="reprocess", source="", settings=settings)
    known = core.select_doc_ids(ctx)[:2]
    assert core.mark_version(ctx, known + ["not-a-doc"], version=EXTRACTOR_VERSION) == 2
    assert core.mark_version(ctx, []) == 0


def test_second_run_waits_for_the_lock_then_adds_nothing(tmp_path, few_samples):
    """Two ingest runs over the same folder at once: the second waits, then finds everything seen."""
    from newsdesk.settings import Settings

    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb", batch_docs=2, lock_timeout_s=120)
    first_has_lock = threading.Event()
    waits: list[str] = []
    results: dict[str, dict] = {}
    errors: list[BaseException] = []

    def run(name: str, on_wait) -> None:
        try:
            with run_lock(settings.lock_path, settings.lock_timeout_s, on_wait=on_wait):
                first_has_lock.set()
                results[name] = ingest_once(settings, few_samples)
                results[name]["finished"] = time.monotonic()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    first = threading.Thread(target=run, args=("first", lambda m: None))
    first.start()
    assert first_has_lock.wait(30)
    started = time.monotonic()
    second = threading.Thread(target=run, args=("second", waits.append))
    second.start()
    first.join(120)
    second.join(120)
    assert not first.is_alive() and not second.is_alive() and not errors, errors
    assert len(waits) == 1 and "waiting for the warehouse lock" in waits[0] and "pid" in waits[0]
    assert results["first"]["finished"] > started  # the second really started while the first ran
    n = results["first"]["documents_new"]
    assert n == 4
    assert results["second"]["documents_new"] == 0 and results["second"]["documents_processed"] == 0
    assert results["second"]["already_seen"] == results["first"]["files_seen"]
    counts = snapshot(settings.warehouse)
    assert counts["documents"] == n and counts["quotes"] == results["first"]["quotes"]


# ---------------------------------------------------------------------------- deployments


@pytest.mark.parametrize("cron, env, expected", [
    (None, None, "*/15 * * * *"),       # the default
    (None, "*/5 * * * *", "*/5 * * * *"),  # NEWSDESK_SCHEDULE
    ("0 6 * * 1-5", "*/5 * * * *", "0 6 * * 1-5"),  # an explicit cron wins
])
def test_deployments_carry_the_cron_schedule(tmp_path, monkeypatch, cron, env, expected):
    from newsdesk.flows.serve import build_deployments

    if env:
        monkeypatch.setenv("NEWSDESK_SCHEDULE", env)
    else:
        monkeypatch.delenv("NEWSDESK_SCHEDULE", raising=False)
    ingest_dep, reprocess_dep = build_deployments(cron, tmp_path / "inbox", tmp_path / "w.duckdb")
    assert (ingest_dep.flow_name, ingest_dep.name) == ("newsdesk-ingest", "inbox")
    assert [s.schedule.cron for s in ingest_dep.schedules] == [expected]
    assert ingest_dep.parameters == {"source": str(tmp_path / "inbox"), "warehouse": str(tmp_path / "w.duckdb")}
    assert (reprocess_dep.flow_name, reprocess_dep.name) == ("newsdesk-reprocess", "manual")
    assert not reprocess_dep.schedules
    assert reprocess_dep.parameters == {"warehouse": str(tmp_path / "w.duckdb"), "only_stale": False}


def test_serve_main_creates_the_inbox_and_serves_both(tmp_path, monkeypatch):
    import prefect

    served = []

    def fake_serve(*deployments, **kwargs):
        served.extend(deployments)
        raise SystemExit(0)  # what Prefect's SIGTERM handler does after stopping the runner

    import newsdesk.flows.serve

    paused = []
    monkeypatch.setattr(prefect, "serve", fake_serve)
    monkeypatch.setattr(newsdesk.flows.serve, "pause_schedules", paused.extend)
    inbox = tmp_path / "new" / "inbox"
    newsdesk.flows.serve.serve_main(cron="* * * * *", inbox=inbox, warehouse=tmp_path / "w" / "news.duckdb")
    assert inbox.is_dir() and (tmp_path / "w").is_dir()
    assert [d.name for d in served] == ["inbox", "manual"]
    assert paused == served  # the schedules are paused on the way out, whatever stopped serving


# ---------------------------------------------------------------------------- flows under Prefect


def _artifacts(flow_run_id) -> dict[str, dict]:
    """The flow run's artifacts by key, read straight from the (test) server's REST API."""
    import httpx
    from prefect.settings import PREFECT_API_URL

    resp = httpx.post(f"{PREFECT_API_URL.value()}/artifacts/filter", timeout=30,
                      json={"artifacts": {"flow_run_id": {"any_": [str(flow_run_id)]}}})
    resp.raise_for_status()
    return {a["key"]: a for a in resp.json()}


def test_empty_inbox_run_is_quick_and_successful(prefect_harness, tmp_path):
    from newsdesk.flows.ingest import ingest

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    wh = tmp_path / "wh" / "news.duckdb"
    ingest(source=str(inbox), warehouse=str(wh))  # warm-up: Prefect's first flow run and the model load
    t = time.perf_counter()
    state = ingest(source=str(inbox), warehouse=str(wh), return_state=True)
    seconds = time.perf_counter() - t
    summary = state.result()
    assert state.is_completed() and summary["status"] == "completed"
    assert summary["files_seen"] == 0 and summary["documents_new"] == 0
    assert seconds < 15, f"an empty inbox run took {seconds:.1f}s"
    arts = _artifacts(state.state_details.flow_run_id)
    assert "newsdesk-run-summary" in arts and "newsdesk-rejects" not in arts
    print(f"empty inbox run: {seconds:.2f}s")


def test_rejects_artifact_lists_reasons_with_examples(prefect_harness, tmp_path):
    import json

    from newsdesk.flows.ingest import ingest

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "blank.txt").write_text("  \n\n")
    (inbox / "blank2.txt").write_text("\n")
    (inbox / "zip.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    state = ingest(source=str(inbox), warehouse=str(tmp_path / "news.duckdb"), return_state=True)
    summary = state.result()
    assert summary["rejected"] == 3
    table = _artifacts(state.state_details.flow_run_id)["newsdesk-rejects"]["data"]
    rows = json.loads(table) if isinstance(table, str) else table
    assert sum(r["files"] for r in rows) == 3
    assert {r["reason"] for r in rows} == set(summary["reject_reasons"])
    examples = " ".join(r["examples"] for r in rows)
    assert all(str(inbox / name) in examples for name in ("blank.txt", "blank2.txt", "zip.txt"))


def test_reprocess_flow_records_its_run(prefect_harness, loaded):
    from newsdesk.flows.reprocess import reprocess

    settings, _ = loaded
    state = reprocess(warehouse=str(settings.warehouse), only_stale=True, return_state=True)
    summary = state.result()
    assert state.is_completed() and summary["kind"] == "reprocess" and summary["documents_processed"] == 0
    con = warehouse.read_only(settings.warehouse)
    try:
        flow_run_id = con.execute("SELECT flow_run_id FROM runs WHERE run_id = ?", [summary["run_id"]]).fetchall()[0][0]
    finally:
        con.close()
    assert flow_run_id == str(state.state_details.flow_run_id)
    assert "newsdesk-run-summary" in _artifacts(state.state_details.flow_run_id)
