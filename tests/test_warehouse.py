"""DuckDB in tmp_path: migrations, atomic and idempotent loads, read-only access."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from newsdesk import schemas
from newsdesk import warehouse
from newsdesk.settings import Settings

@pytest.fixture()
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "w.duckdb"))
    warehouse.migrate(c, Settings().sql_dir)
    yield c
    c.close()


def test_migrations_are_recorded_and_not_reapplied(con):
    first = con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0]
    assert first >= 1
    assert warehouse.migrate(con, Settings().sql_dir) == []  # nothing pending the second time
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0] == first


def _doc(doc_id: str, body: str = "Headline\n\nBody text here.") -> dict:
    return {"doc_id": doc_id, "title": "Headline", "title_source": "headline", "dateline": None,
            "published_on": None, "body": body, "n_words": len(body.split()), "n_chars": len(body),
            "encoding": "utf-8", "raw_bytes": len(body), "n_removed_lines": 0,
            "first_seen_at": warehouse.utcnow(), "extractor_version": "t", "run_id": "r1",
            "url": None, "outlet": None, "metadata_source": None}


def _mention(doc_id: str, start: int, end: int, text: str) -> dict:
    return {"doc_id": doc_id, "start_char": start, "end_char": end, "sentence_index": 0, "text": text,
            "label": "ORG", "entity_id": "0" * 16, "title": None, "run_id": "r1"}


def test_load_is_idempotent(con):
    d = "a" * 64
    frames = {
        "documents": pd.DataFrame([_doc(d)]),
        "entities": pd.DataFrame([{"entity_id": "0" * 16, "name": "Headline", "label": "ORG", "run_id": "r1"}]),
        "mentions": pd.DataFrame([_mention(d, 0, 8, "Headline")]),
        "document_sources": pd.DataFrame([{"source_path": "/x/a.txt", "doc_id": d,
                                            "seen_at": warehouse.utcnow(), "run_id": "r1"}]),
    }
    first = warehouse.load_batch(con, frames, [d])
    assert first == {"documents": 1, "entities": 1, "mentions": 1, "document_sources": 1}
    again = warehouse.load_batch(con, frames, [d])
    # derived rows are replaced (0 net), keyed rows skipped
    assert again == {"documents": 0, "entities": 0, "mentions": 1, "document_sources": 0}
    assert warehouse.table_counts(con)["mentions"] == 1


def test_failed_load_leaves_nothing(con):
    d = "b" * 64
    frames = {
        "documents": pd.DataFrame([_doc(d)]),
        # a NULL in a NOT NULL column makes the second table's insert fail inside the transaction
        "mentions": pd.DataFrame([{**_mention(d, 0, 8, "Headline"), "label": None}]),
    }
    with pytest.raises(duckdb.Error):
        warehouse.load_batch(con, frames, [d])
    assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == 0


def test_read_only_connection_refuses_writes(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path) as c:
        warehouse.migrate(c, Settings().sql_dir)
    ro = warehouse.read_only(path)
    with pytest.raises(duckdb.Error, match="read-only"):
        ro.execute("DROP TABLE documents")
    ro.close()
    with warehouse.writer(path) as c:
        assert c.execute("SELECT count(*) FROM documents").fetchall()[0][0] == 0


def test_views_are_created_and_queryable(con):
    views = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW'").fetchall()}
    assert {"documents_overview", "top_entities", "mentions_enriched", "run_history"} <= views
    for v in views:
        con.execute(f"SELECT * FROM {v} LIMIT 1").fetchall()
