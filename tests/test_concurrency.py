"""Two runs at once, and an analyst query during a run.

The runs are real OS processes. Each runs the core steps under ``newsdesk.locking.run_lock``
exactly as ``flows/ingest.py`` does (lock → begin → discover → stage/extract/validate/load → finish),
but without a Prefect server, which would add 10+ s per process and test nothing about locking.
One test drives the real ``newsdesk run`` CLI for the fail-fast message (marked slow: it starts
Prefect's temporary server).

Overlap is forced, not hoped for: the first process signals once it holds the lock and then waits
for a file the test creates only after the second process has logged that it is waiting.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import ingest_without_nlp
from newsdesk import checks, pipeline, warehouse
from newsdesk.locking import run_lock
from newsdesk.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

RUNNER = textwrap.dedent('''
    import json, os, sys, time
    from pathlib import Path
    from newsdesk import pipeline
    from newsdesk.locking import LockTimeout, run_lock
    from newsdesk.settings import Settings

    source, wh = Path(sys.argv[1]), sys.argv[2]
    hold = os.environ.get("HOLD_FILE")
    s = Settings.from_env().with_overrides(warehouse=wh, batch_docs=int(os.environ.get("BATCH", "4")))
    def waiting(msg):
        print("WAIT", msg, file=sys.stderr, flush=True)
    try:
        with run_lock(s.lock_path, s.lock_timeout_s, on_wait=waiting):
            print("LOCKED", flush=True)
            if hold:
                deadline = time.monotonic() + 120
                while not os.path.exists(hold) and time.monotonic() < deadline:
                    time.sleep(0.05)
            print("SUMMARY", json.dumps(pipeline.run_ingest(s, source), default=str), flush=True)
    except LockTimeout as exc:
        print(f"newsdesk: run failed: {exc}", file=sys.stderr, flush=True)
        sys.exit(3)
''')


def _article(n: int, topic: str) -> str:
    return (f"Port {topic} deal number {n} agreed\n\n"
            f"ROTTERDAM - Port officials on Monday agreed a {topic} deal worth 1{n} million euros, "
            f"a spokesman for the port authority said.\n\n"
            f"\"It is a good day for {topic},\" Mayor Anna de Vries told reporters.\n")


@pytest.fixture()
def tree(tmp_path):
    """root/x (4 files) and root/y (3 files + a copy of an x text) — the runs overlap on root/x."""
    root = tmp_path / "in"
    (root / "x").mkdir(parents=True)
    (root / "y").mkdir()
    for i in range(4):
        (root / "x" / f"x{i}.txt").write_text(_article(i, "grain"))
    for i in range(3):
        (root / "y" / f"y{i}.txt").write_text(_article(i, "steel"))
    (root / "y" / "copy_of_x0.txt").write_text(_article(0, "grain"))
    return root


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    # the runner scripts have no __main__ guard, which spawned NLP workers would need: one process
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", NEWSDESK_PROCESSES="1")
    env.update(extra)
    return env


def _spawn(script: Path, source: Path, wh: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(script), str(source), str(wh)], cwd=ROOT, env=_env(**env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_line(stream, marker: str, timeout: float = 60.0) -> str:
    """Read lines from ``stream`` until one contains ``marker`` (blocking readline, bounded by the caller)."""
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            break
        seen.append(line)
        if marker in line:
            return line
    raise AssertionError(f"{marker!r} never appeared; got {''.join(seen)[-2000:]}")


def _snapshot(wh: Path) -> dict:
    """What 'the same result' means: documents, sources, derived row counts, checks."""
    con = warehouse.read_only(wh)
    try:
        q = lambda sql: sorted(con.execute(sql).fetchall())  # noqa: E731
        return {
            "documents": q("SELECT doc_id, title, body FROM documents"),
            "sources": q("SELECT regexp_replace(source_path, '^.*/in/', ''), doc_id FROM document_sources"),
            "mentions": q("SELECT doc_id, start_char, end_char, entity_id FROM mentions"),
            "quotes": q("SELECT doc_id, start_char, end_char, speaker_name FROM quotes"),
            "figures": q("SELECT doc_id, start_char, end_char, value FROM figures"),
            "failing_checks": {k: v for k, v in checks.run_checks(con, ROOT / "sql").items() if v},
        }
    finally:
        con.close()


def _union_reference(tmp_path: Path, source: Path) -> dict:
    settings = Settings().with_overrides(warehouse=tmp_path / "ref" / "news.duckdb", batch_docs=4)
    pipeline.run_ingest(settings, source)
    return _snapshot(settings.warehouse)


def test_second_run_waits_and_the_result_equals_one_run_over_the_union(tmp_path, tree, nlp):
    script = tmp_path / "runner.py"
    script.write_text(RUNNER)
    wh = tmp_path / "wh" / "news.duckdb"
    hold = tmp_path / "release-first-run"
    first = _spawn(script, tree / "x", wh, HOLD_FILE=str(hold))
    try:
        _wait_for_line(first.stdout, "LOCKED")
        second = _spawn(script, tree, wh)
        try:
            waited = _wait_for_line(second.stderr, "WAIT")
            hold.touch()
            out1, err1 = first.communicate(timeout=180)
            out2, err2 = second.communicate(timeout=180)
        finally:
            second.kill()
    finally:
        first.kill()
    assert first.returncode == 0, err1[-3000:]
    assert second.returncode == 0, err2[-3000:]
    assert "waiting for the warehouse lock" in waited and f"pid {first.pid}" in waited
    import json

    s1 = json.loads(out1.split("SUMMARY", 1)[1])
    s2 = json.loads(out2.split("SUMMARY", 1)[1])
    assert (s1["files_seen"], s1["documents_new"]) == (4, 4)
    # the second run saw x/ already loaded: 4 known, 3 new, the copy of x0 known too
    assert (s2["files_seen"], s2["documents_new"], s2["already_seen"], s2["duplicates"]) == (8, 3, 5, 0)
    assert s1["books_balance"] and s2["books_balance"]

    got = _snapshot(wh)
    ref = _union_reference(tmp_path, tree)
    assert got["failing_checks"] == {} and ref["failing_checks"] == {}
    assert len(got["documents"]) == 7 and len(got["sources"]) == 8
    for key in ("documents", "sources", "mentions", "quotes", "figures"):
        assert got[key] == ref[key], key


def test_lock_timeout_zero_fails_fast_with_a_clear_message(tmp_path, tree):
    script = tmp_path / "runner.py"
    script.write_text(RUNNER)
    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb")
    with run_lock(settings.lock_path, timeout_s=5):  # this test process is "the other run"
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script), str(tree), str(settings.warehouse)], cwd=ROOT,
                              env=_env(NEWSDESK_LOCK_TIMEOUT="0"), capture_output=True, text=True, timeout=60)
        seconds = time.perf_counter() - t
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert "locked by another run" in proc.stderr and f"pid {os.getpid()}" in proc.stderr
    assert "NEWSDESK_LOCK_TIMEOUT" in proc.stderr
    assert seconds < 30, f"fail-fast took {seconds:.1f}s"  # python start-up + imports only (not the 3600 s wait)
    assert not settings.warehouse.exists(), "the refused run must not have touched the warehouse"


@pytest.mark.slow
def test_cli_run_with_lock_timeout_zero_says_why(tmp_path, tree):
    """The real `newsdesk run` (Prefect flow): refused with the lock message, exit code 1."""
    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb")
    env = _env(NEWSDESK_LOCK_TIMEOUT="0", PREFECT_HOME=str(tmp_path / "prefect"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false")
    with run_lock(settings.lock_path, timeout_s=5):
        proc = subprocess.run([str(ROOT / ".venv" / "bin" / "newsdesk"), "run", "--source", str(tree),
                               "--warehouse", str(settings.warehouse), "--quiet"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "locked by another run" in proc.stderr + proc.stdout


HOLD_WRITER = textwrap.dedent('''
    import sys, time
    from newsdesk import warehouse
    with warehouse.writer(sys.argv[1]) as con:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM documents")  # an uncommitted change nobody may see or keep
        print("HOLDING", flush=True)
        sys.stdin.readline()  # hold the file until the test says so
        raise SystemExit(0)  # exit without COMMIT: the change must vanish
''')


def _newsdesk_sql(wh: Path, query: str, timeout_s: str = "1") -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / ".venv" / "bin" / "newsdesk"), "sql", query, "--warehouse", str(wh),
                           "--format", "csv"], cwd=ROOT, env=_env(NEWSDESK_READ_TIMEOUT=timeout_s),
                          capture_output=True, text=True, timeout=60)


def test_newsdesk_sql_while_a_writer_holds_the_file_says_why(tmp_path, tree):
    """During a load the file is locked: `newsdesk sql` says so (exit 2), and nothing is corrupted."""
    wh = tmp_path / "wh" / "news.duckdb"
    _union_like_run(wh, tree)
    before = _snapshot(wh)
    script = tmp_path / "hold.py"
    script.write_text(HOLD_WRITER)
    holder = subprocess.Popen([sys.executable, str(script), str(wh)], cwd=ROOT, env=_env(),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_line(holder.stdout, "HOLDING")
        busy = _newsdesk_sql(wh, "SELECT count(*) AS n FROM documents")
        holder.stdin.write("go\n")
        holder.stdin.flush()
        holder.wait(timeout=60)
    finally:
        holder.kill()
    assert busy.returncode == 1, (busy.stdout, busy.stderr)  # failed for now: retry later
    assert "being written by another process" in busy.stderr and "NEWSDESK_READ_TIMEOUT" in busy.stderr
    after_q = _newsdesk_sql(wh, "SELECT count(*) AS n FROM documents")
    assert after_q.returncode == 0 and after_q.stdout.split() == ["n", "7"]
    assert _snapshot(wh) == before


def _union_like_run(wh: Path, source: Path) -> None:
    """Stage and load ``source`` (no NLP: this test is about the file lock, not the extractors)."""
    ingest_without_nlp(Settings().with_overrides(warehouse=wh, batch_docs=4), source)


def test_newsdesk_sql_polling_during_a_run_works_or_says_why(tmp_path, tree):
    """Many `newsdesk sql` calls while a real run loads chunk after chunk: each one either answers
    with a consistent count or says the warehouse is busy; the finished warehouse passes its checks."""
    script = tmp_path / "runner.py"
    script.write_text(RUNNER)
    wh = tmp_path / "wh" / "news.duckdb"
    # make the run longer: 16 files in chunks of 2 → 8 load transactions
    for i in range(8):
        (tree / "y" / f"z{i}.txt").write_text(_article(100 + i, "copper"))
    run = _spawn(script, tree, wh, BATCH="2")
    answers, busy, other = [], 0, []
    try:
        while run.poll() is None:
            if not wh.exists():
                time.sleep(0.1)
                continue
            r = _newsdesk_sql(wh, "SELECT count(*) AS n, count(DISTINCT doc_id) AS d FROM documents", "0.5")
            if r.returncode == 0:
                header, row = r.stdout.split()
                assert header == "n,d", r.stdout
                n, d = row.split(",")
                answers.append((int(n), int(d)))
            elif "being written by another process" in r.stderr:
                busy += 1
            else:
                other.append(r.stderr)
        out, err = run.communicate(timeout=120)
    finally:
        run.kill()
    assert run.returncode == 0, err[-3000:]
    assert other == [], other[:3]
    assert answers or busy, "no query ran during the run"
    # every answer is a committed state: counts only grow, chunk by chunk, and never double
    assert all(n == d for n, d in answers)
    assert [n for n, _ in answers] == sorted(n for n, _ in answers)
    final = _snapshot(wh)
    assert final["failing_checks"] == {} and len(final["documents"]) == 7 + 8
