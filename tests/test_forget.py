"""Forgetting a document (``newsdesk forget``): every row derived from it and its raw copy go, in one
transaction under the run lock; the record in ``forgotten`` proves it; forgetting is idempotent; new
tables with a ``doc_id`` (or hanging off one by key) are covered without changing the code."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from newsdesk import checks, forget, pipeline, schemas, staging
from newsdesk.flows.cli import main as cli
from newsdesk.locking import run_lock
from newsdesk.settings import Settings

SAMPLE = "07_minister_interview.txt"
OTHER = "02_energy_gas_deal.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory, samples_dir) -> Path:
    """A warehouse (and its raw copies) built from samples/ once; each test works on a copy."""
    root = tmp_path_factory.mktemp("forget-built")
    pipeline.run_ingest(Settings().with_overrides(warehouse=root / "wh" / "news.duckdb"), samples_dir)
    return root / "wh"


@pytest.fixture()
def settings(built, tmp_path) -> Settings:
    shutil.copytree(built, tmp_path / "wh")
    return Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb", lock_timeout_s=5)


def _doc_id(samples_dir: Path, name: str) -> str:
    return hashlib.sha256((samples_dir / name).read_bytes()).hexdigest()


def _rows(settings: Settings, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def _per_doc(settings: Settings, doc_id: str) -> dict[str, int]:
    return {t: _rows(settings, f"SELECT count(*) FROM {t} WHERE doc_id = ?", [doc_id])[0][0]
            for t in forget.doc_tables()}


def _forget(settings: Settings, *args: str) -> int:
    return cli(["forget", *args, "--warehouse", str(settings.warehouse)])


# ---------------------------------------------------------------------------- what goes, what stays


def test_forget_removes_every_row_of_the_document_and_its_raw_copy(settings, samples_dir, capsys):
    doc, other = _doc_id(samples_dir, SAMPLE), _doc_id(samples_dir, OTHER)
    before, other_before = _per_doc(settings, doc), _per_doc(settings, other)
    assert before["documents"] == 1 and before["mentions"] and before["quotes"] and before["figures"]
    raw = staging.raw_copy_path(settings.raw_store, doc)
    sidecar = raw.with_name(f"{doc}.meta.json")  # a metadata sidecar kept beside the raw copy
    sidecar.write_text('{"url": "https://example.org/a"}')
    assert raw.is_file()

    assert _forget(settings, doc[:10], "--reason", "takedown request #42", "--yes") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"forgot {doc}: removed ") and "recorded in the table forgotten" in out

    assert set(_per_doc(settings, doc).values()) == {0}
    assert _per_doc(settings, other) == other_before  # the other documents are untouched
    assert not raw.exists() and not sidecar.exists()
    assert staging.raw_copy_path(settings.raw_store, other).is_file()
    (row,) = _rows(settings, "SELECT doc_id, source_paths, reason, forgotten_by, rows_removed, raw_files, "
                             "raw_removed_at, newsdesk_version FROM forgotten")
    assert row[0] == doc and json.loads(row[1]) == [str(samples_dir / SAMPLE)]
    assert row[2] == "takedown request #42" and "@" in row[3] and "pid" in row[3]
    removed = json.loads(row[4])
    assert {t: removed[t] for t in before} == before  # the record says exactly what went
    assert sorted(Path(p).name for p in json.loads(row[5])) == sorted([raw.name, sidecar.name])
    assert row[6] is not None and row[7]
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        assert all(n == 0 for n in checks.run_checks(con, settings.sql_dir).values())  # still consistent
    finally:
        con.close()


def test_entities_only_the_document_mentioned_go_and_shared_ones_stay(settings, samples_dir):
    doc = _doc_id(samples_dir, SAMPLE)
    mine = {r[0] for r in _rows(settings, "SELECT entity_id FROM mentions WHERE doc_id = ? UNION "
                                          "SELECT entity_id FROM entity_roles WHERE doc_id = ?", [doc, doc])}
    shared = {r[0] for r in _rows(settings, "SELECT entity_id FROM mentions WHERE doc_id <> ?", [doc])} & mine
    assert shared and mine - shared, "the sample should have both kinds of entity"
    assert _forget(settings, doc, "--yes") == 0
    left = {r[0] for r in _rows(settings, "SELECT entity_id FROM entities")}
    assert shared <= left and not (mine - shared) & left
    assert json.loads(_rows(settings, "SELECT rows_removed FROM forgotten")[0][0])["entities"] == len(mine - shared)


def test_forget_by_source_path(settings, samples_dir, capsys):
    doc = _doc_id(samples_dir, SAMPLE)
    path = _rows(settings, "SELECT source_path FROM document_sources WHERE doc_id = ?", [doc])[0][0]
    assert _forget(settings, path, "--yes") == 0
    assert doc in capsys.readouterr().out
    assert _per_doc(settings, doc)["documents"] == 0


def test_rows_hanging_off_a_document_by_key_and_new_doc_id_tables_are_covered(settings, samples_dir, monkeypatch):
    """A table added later is found from the contract: one with doc_id, one keyed by quote_id only."""

    class QuoteReviews(pa.DataFrameModel):
        """One row per quote and reviewing entity (keyed by quote_id only)."""

        quote_id: Series[str] = pa.Field(description="the quote")
        entity_id: Series[str] = pa.Field(description="an entity")

    class DocNotes(pa.DataFrameModel):
        """One row per note on a document."""

        doc_id: Series[str] = pa.Field(description="the document")
        note: Series[str] = pa.Field(description="the note")

    monkeypatch.setitem(schemas.ALL_MODELS, "quote_reviews", QuoteReviews)
    monkeypatch.setitem(schemas.ALL_MODELS, "doc_notes", DocNotes)
    doc = _doc_id(samples_dir, SAMPLE)
    con = duckdb.connect(str(settings.warehouse))
    try:
        con.execute("CREATE TABLE quote_reviews (quote_id VARCHAR, entity_id VARCHAR)")
        con.execute("CREATE TABLE doc_notes (doc_id VARCHAR, note VARCHAR)")
        con.execute("INSERT INTO quote_reviews SELECT quote_id, 'joint-speaker-x' FROM quotes")
        con.execute("INSERT INTO doc_notes SELECT doc_id, 'note' FROM documents")
        con.execute("INSERT INTO entities VALUES ('joint-speaker-x', 'Joint Speaker', 'PERSON', 'r')")
        n_mine = con.execute("SELECT count(*) FROM quotes WHERE doc_id = ?", [doc]).fetchall()[0][0]
        n_all = con.execute("SELECT count(*) FROM quote_reviews").fetchall()[0][0]
    finally:
        con.close()
    assert ("quote_reviews", "quote_id", "quotes") in forget.hanging_tables()
    assert "doc_notes" in forget.doc_tables() and forget.doc_tables()[-1] == "documents"
    assert _forget(settings, doc, "--yes") == 0
    assert _rows(settings, "SELECT count(*) FROM quote_reviews")[0][0] == n_all - n_mine
    assert _rows(settings, "SELECT count(*) FROM doc_notes WHERE doc_id = ?", [doc])[0][0] == 0
    # still referenced by other documents' rows through the keyed table: the entity stays
    assert _rows(settings, "SELECT count(*) FROM entities WHERE entity_id = 'joint-speaker-x'")[0][0] == 1
    removed = json.loads(_rows(settings, "SELECT rows_removed FROM forgotten")[0][0])
    assert removed["quote_reviews"] == n_mine and removed["doc_notes"] == 1


# ---------------------------------------------------------------------------- one transaction, one writer


def test_a_failure_inside_the_transaction_changes_nothing(settings, samples_dir, monkeypatch):
    doc = _doc_id(samples_dir, SAMPLE)
    before = _per_doc(settings, doc)
    entities = _rows(settings, "SELECT count(*) FROM entities")

    def boom(con, row):
        raise RuntimeError("disk full while recording")

    monkeypatch.setattr(forget, "_record", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        forget.forget(settings, doc)
    assert _per_doc(settings, doc) == before and _rows(settings, "SELECT count(*) FROM entities") == entities
    assert _rows(settings, "SELECT count(*) FROM forgotten")[0][0] == 0
    assert staging.raw_copy_path(settings.raw_store, doc).is_file()  # files go only after the commit


def test_a_crash_after_the_commit_is_finished_by_forgetting_again(settings, samples_dir, monkeypatch, capsys):
    doc = _doc_id(samples_dir, SAMPLE)
    raw = staging.raw_copy_path(settings.raw_store, doc)
    real = forget._remove_files
    monkeypatch.setattr(forget, "_remove_files", lambda paths: (_ for _ in ()).throw(OSError("killed")))
    with pytest.raises(OSError):
        forget.forget(settings, doc, reason="r")
    assert _per_doc(settings, doc)["documents"] == 0 and raw.is_file()
    assert _rows(settings, "SELECT raw_removed_at FROM forgotten") == [(None,)]  # the record shows it is unfinished
    monkeypatch.setattr(forget, "_remove_files", real)
    assert _forget(settings, doc[:12], "--yes") == 0
    assert "was already forgotten on" in capsys.readouterr().out
    assert not raw.exists() and _rows(settings, "SELECT raw_removed_at IS NOT NULL FROM forgotten") == [(True,)]


def test_forget_waits_for_a_run_and_fails_cleanly_when_told_not_to_wait(settings, samples_dir, monkeypatch, capsys):
    doc = _doc_id(samples_dir, SAMPLE)
    monkeypatch.setenv("NEWSDESK_LOCK_TIMEOUT", "0")
    with run_lock(settings.lock_path, 1):  # a run holds the warehouse
        assert _forget(settings, doc, "--yes") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "locked by another run" in err and "retry" in err
    assert _per_doc(settings, doc)["documents"] == 1


# ---------------------------------------------------------------------------- idempotent, and careful


def test_forgetting_twice_says_so_and_exits_0(settings, samples_dir, capsys):
    doc = _doc_id(samples_dir, SAMPLE)
    assert _forget(settings, doc, "--reason", "first", "--yes") == 0
    capsys.readouterr()
    for ref in (doc, doc[:8], str(samples_dir / SAMPLE)):
        assert _forget(settings, ref, "--reason", "second", "--yes") == 0, ref
        out = capsys.readouterr().out
        assert f"{doc} was already forgotten on " in out and "(reason: first)" in out
    assert _rows(settings, "SELECT count(*) FROM forgotten")[0][0] == 1


def test_forgetting_an_unknown_document_is_a_usage_error(settings, capsys):
    before = _rows(settings, "SELECT count(*) FROM documents")
    assert _forget(settings, "feedfacecafe", "--yes") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no document matches 'feedfacecafe'" in err
    assert _rows(settings, "SELECT count(*) FROM documents") == before


def test_forget_without_yes_off_a_terminal_asks_for_it_and_changes_nothing(settings, samples_dir, capsys):
    doc = _doc_id(samples_dir, SAMPLE)
    assert _forget(settings, doc) == 2
    assert "add --yes to confirm" in capsys.readouterr().err
    assert _per_doc(settings, doc)["documents"] == 1


def test_dry_run_says_what_would_go_and_changes_nothing(settings, samples_dir, capsys):
    doc = _doc_id(samples_dir, SAMPLE)
    before = _per_doc(settings, doc)
    digest = hashlib.sha256(settings.warehouse.read_bytes()).hexdigest()
    assert _forget(settings, doc, "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"would forget {doc}: ") and f"quotes {before['quotes']}" in out
    assert hashlib.sha256(settings.warehouse.read_bytes()).hexdigest() == digest


def test_forget_without_a_warehouse_is_a_usage_error(tmp_path, capsys):
    assert cli(["forget", "abcdef", "--yes", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse at" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


# ---------------------------------------------------------------------------- staging's check


def test_is_forgotten_names_the_forgotten_texts_among_a_chunks_hashes(settings, samples_dir):
    doc, other = _doc_id(samples_dir, SAMPLE), _doc_id(samples_dir, OTHER)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        assert forget.is_forgotten(con, [doc, other]) == set()
    finally:
        con.close()
    forget.forget(settings, doc)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        assert forget.is_forgotten(con, [doc, other, "0" * 64]) == {doc}
        assert forget.is_forgotten(con, []) == set()
    finally:
        con.close()


def test_is_forgotten_on_a_warehouse_from_before_the_table_is_empty():
    con = duckdb.connect()
    assert forget.is_forgotten(con, ["a" * 64]) == set()
    assert forget.find_forgotten(con, "a" * 64) is None


def test_the_record_is_a_contract_table():
    assert "forgotten" in schemas.ALL_MODELS and "forgotten" not in forget.doc_tables()
    assert schemas.describe_table("forgotten").startswith("One row per document forgotten")
    frame = pd.DataFrame([{c: None for c in schemas.columns("forgotten")}])
    with pytest.raises(pa.errors.SchemaError):
        schemas.ALL_MODELS["forgotten"].validate(frame)


def test_a_forgotten_text_dropped_in_again_is_rejected_not_ingested(settings, samples_dir, tmp_path):
    """A takedown sticks: the same bytes arriving again become a reject `forgotten`, with no raw copy."""
    doc_id = _doc_id(samples_dir, SAMPLE)
    assert _forget(settings, doc_id[:12], "--yes", "--reason", "takedown request") == 0
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(samples_dir / SAMPLE, inbox / "again.txt")
    from helpers import ingest_without_nlp

    summary = ingest_without_nlp(settings, inbox)
    assert (summary["documents_new"], summary["rejected"], summary["reject_reasons"]) == (0, 1, {"forgotten": 1})
    assert _rows(settings, "SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]) == [(0,)]
    assert not staging.raw_copy_path(settings.raw_store, doc_id).exists()
