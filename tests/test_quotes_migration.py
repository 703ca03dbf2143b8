"""A warehouse written under contract v1 (one quote row per attribution) brought to contract v2 by
migration 005 and a reprocess: v1 rows stay readable as single-passage attributions, the reprocess
picks every document (the extractor version changed) and rewrites its quotes as passages; every run
records the contract it wrote."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from newsdesk import EXTRACTOR_VERSION, schemas, warehouse
from newsdesk import reprocess as core
from newsdesk.settings import Settings

BODY = ("Harbour vote\n\nCouncil chair Hana Ito spoke after the vote.\n\n"
        "“We will not move,” Ms Ito said. “Not this year.”\n")
V1_QUOTE = "“We will not move,” Ms Ito said. “Not this year.”"  # v1: one row, cue inside
DOC = "a" * 64
T0 = "2025-01-02 03:04:05"


@pytest.fixture()
def v1_warehouse(tmp_path):
    """A warehouse migrated to the migrations before 005 only, holding one document and its v1 row."""
    old_sql = tmp_path / "sql_v1"  # the migrations before 005, no views
    (old_sql / "migrations").mkdir(parents=True)
    (old_sql / "views").mkdir()
    for p in warehouse.migration_files(Settings().sql_dir):
        if p[0] < 5:
            shutil.copy(p[1], old_sql / "migrations" / p[1].name)
    path = tmp_path / "wh" / "news.duckdb"
    path.parent.mkdir()
    con = duckdb.connect(str(path))
    warehouse.migrate(con, old_sql)
    con.execute("INSERT INTO documents (doc_id, title, title_source, body, n_words, n_chars, encoding, raw_bytes, "
                "n_removed_lines, first_seen_at, extractor_version, run_id) VALUES "
                "(?, 'Harbour vote', 'headline', ?, ?, ?, 'utf-8', ?, 0, ?, '2026.01.01-1', 'r0')",
                [DOC, BODY, len(BODY.split()), len(BODY), len(BODY.encode()), T0])
    a = BODY.index(V1_QUOTE)
    s = BODY.index("Ms Ito")
    con.execute("INSERT INTO quotes (quote_id, doc_id, start_char, end_char, sentence_index, text, kind, speaker, "
                "speaker_start, speaker_end, speaker_name, speaker_label, speaker_entity_id, cue, cue_lemma, run_id) "
                "VALUES ('q1', ?, ?, ?, 2, ?, 'direct', 'Ms Ito', ?, ?, 'Hana Ito', 'PERSON', '0123456789abcdef', "
                "'said', 'say', 'r0')", [DOC, a, a + len(V1_QUOTE), V1_QUOTE, s, s + 6])
    con.execute("INSERT INTO runs (run_id, kind, started_at, finished_at, status) VALUES "
                "('r0', 'ingest', ?, ?, 'completed')", [T0, T0])
    con.close()
    return path


def test_migration_005_reads_v1_rows_as_single_passage_attributions(v1_warehouse):
    con = duckdb.connect(str(v1_warehouse))
    try:
        warehouse.migrate(con, Settings().sql_dir)
        assert con.execute("SELECT attribution_id FROM quotes").fetchall() == [("q1",)]
        assert con.execute("SELECT quote_id, entity_id, position FROM quote_speakers").fetchall() == [
            ("q1", "0123456789abcdef", 0)]
        assert con.execute("SELECT contract_version FROM runs").fetchall() == [(1,)]
        acts = con.execute("SELECT n_passages, speaker_name, cue FROM attributions").fetchall()
        assert acts == [(1, "Hana Ito", "said")]
    finally:
        con.close()


def test_reprocess_only_stale_rewrites_v1_rows_as_passages(v1_warehouse, nlp):
    settings = Settings().with_overrides(warehouse=v1_warehouse)
    summary = core.reprocess(settings, only_stale=True)
    assert summary["status"] == "completed" and summary["documents_processed"] == 1
    con = warehouse.read_only(v1_warehouse)
    try:
        rows = con.execute("SELECT text, speaker, cue, speaker_name, attribution_id FROM quotes "
                           "ORDER BY start_char").fetchall()
        runs = dict(con.execute("SELECT run_id, contract_version FROM runs").fetchall())
        version = con.execute("SELECT extractor_version FROM documents").fetchall()[0][0]
    finally:
        con.close()
    assert [(t, s, c) for t, s, c, _, _ in rows] == [("“We will not move,”", "Ms Ito", "said"),
                                                     ("“Not this year.”", None, None)]
    assert rows[0][3] == rows[1][3] and rows[0][4] == rows[1][4]  # one act of speech, one speaker name
    assert runs == {"r0": 1, summary["run_id"]: schemas.CONTRACT_VERSION}
    assert version == EXTRACTOR_VERSION
