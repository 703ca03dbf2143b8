"""The ingest flow on a 2-worker local Dask cluster writes exactly the rows the default runner writes."""

from __future__ import annotations

import pytest

from newsdesk import warehouse

TABLES = {
    "documents": "doc_id, title, body",
    "mentions": "doc_id, start_char, end_char, text, label, entity_id",
    "quotes": "quote_id, doc_id, start_char, end_char, kind, speaker_name, cue",
    "figures": "figure_id, doc_id, start_char, end_char, kind, value, unit, object, conversion_of",
    "entities": "entity_id, name, label",
}


def _rows(path):
    con = warehouse.read_only(path)
    try:
        return {t: sorted(con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr) for t, cols in TABLES.items()}
    finally:
        con.close()


def test_dask_runner_gives_the_same_rows(prefect_harness, tmp_path, samples_dir):
    pytest.importorskip("prefect_dask")
    from newsdesk.flows.runners import ingest_with_runner

    local = ingest_with_runner("local")(source=str(samples_dir), warehouse=str(tmp_path / "local.duckdb"),
                                        batch_docs=3)
    dask = ingest_with_runner("dask", 2)(source=str(samples_dir), warehouse=str(tmp_path / "dask.duckdb"),
                                         batch_docs=3, distributed=True)
    assert dask["status"] == "completed" and dask["documents_processed"] == local["documents_processed"] > 0
    a, b = _rows(tmp_path / "local.duckdb"), _rows(tmp_path / "dask.duckdb")
    for table in TABLES:
        assert a[table] == b[table], f"{table} differs between the default and the Dask runner"
