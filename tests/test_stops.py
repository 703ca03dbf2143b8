"""Clean stops: Ctrl-C (SIGINT) and SIGTERM sent to the process group of a real `newsdesk run`, as a
terminal or a supervisor sends them, end it within 5 s with exit code 130/143, the lock released,
the warehouse consistent (the chunk in flight rolled back, the books saying what really loaded) and
the Prefect flow run marked crashed.

Scenario SIGINT uses Prefect's temporary server, started as a child in the run's process group (so
the signal reaches the server too); scenario SIGTERM uses a server in the background, as
`newsdesk run` starts it by default, so the flow run's final state can be read afterwards.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from newsdesk import warehouse
from newsdesk.locking import run_lock
from newsdesk.settings import Settings

BIN = Path(sys.executable).parent
WORDS = ("the harbour board said on Monday that it would review the plans for a new quay after fishermen "
         "complained about noise and traffic near the old market").split()


def _corpus(folder: Path, n: int = 240) -> Path:
    rng = random.Random(7)
    folder.mkdir(parents=True)
    for i in range(n):
        paras = [" ".join(rng.choice(WORDS) for _ in range(70)).capitalize() + '. "We will listen," said Ines Duarte.'
                 for _ in range(6)]
        (folder / f"a{i:04d}.txt").write_text(f"Harbour plan review {i}\n\n" + "\n\n".join(paras) + "\n")
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(tmp: Path, src: Path, env: dict) -> tuple[subprocess.Popen, Path]:
    log = tmp / "run.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(BIN / "newsdesk"), "run", "--source", str(src), "--warehouse",
                                 str(tmp / "wh" / "news.duckdb"), "--batch-docs", "40"],
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    return proc, log


def _wait_for_first_chunk(proc: subprocess.Popen, log: Path, timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while "chunk 1/" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL) if proc.poll() is None else None
            pytest.fail(f"the run did not load a first chunk: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)


def _stop(proc: subprocess.Popen, sig: int) -> tuple[int, float]:
    t = time.monotonic()
    os.killpg(proc.pid, sig)  # the whole process group, as a terminal does
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail(f"still running 30 s after {signal.Signals(sig).name}")
    return code, time.monotonic() - t


def _assert_consistent(tmp: Path) -> dict:
    wh = tmp / "wh" / "news.duckdb"
    settings = Settings().with_overrides(warehouse=wh)
    with run_lock(settings.lock_path, timeout_s=0):  # released: taken at once
        pass
    con = warehouse.read_only(wh)
    try:
        run = dict(zip(("status", "error", "files_seen", "documents_new", "documents_processed", "flow_run_id"),
                       con.execute("SELECT status, error, files_seen, documents_new, documents_processed, flow_run_id "
                                   "FROM runs").fetchall()[0]))
        docs = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        without_rows = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                                   "(SELECT 1 FROM mentions m WHERE m.doc_id = d.doc_id)").fetchall()[0][0]
        from newsdesk import checks

        failing = {k: v for k, v in checks.run_checks(con, settings.sql_dir).items() if v}
    finally:
        con.close()
    assert run["status"] == "interrupted", run
    assert docs > 0 and docs % 40 == 0, f"{docs} documents: whole chunks only"
    assert run["documents_new"] == run["documents_processed"] == run["files_seen"] == docs, (run, docs)
    assert without_rows == 0  # every loaded document has its extracted rows
    assert failing == {}
    return run


@pytest.fixture()
def corpus(tmp_path) -> Path:
    return _corpus(tmp_path / "in")


def _env(tmp: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "PREFECT_"))}
    env.update(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120", **extra)
    return env


def test_ctrl_c_stops_a_run_and_its_temporary_server_within_5_seconds(tmp_path, corpus):
    proc, log = _start(tmp_path, corpus, _env(tmp_path, NEWSDESK_PREFECT_SERVER="temporary"))
    _wait_for_first_chunk(proc, log)
    code, seconds = _stop(proc, signal.SIGINT)
    out = log.read_text(errors="replace")
    assert code == 130, out[-2000:]
    assert seconds < 5, f"took {seconds:.1f}s"
    assert "newsdesk: stopped by SIGINT" in out.splitlines()[-1]
    _assert_consistent(tmp_path)


def test_sigterm_stops_a_run_and_prefect_marks_it_crashed(tmp_path, corpus):
    port = _free_port()
    env = _env(tmp_path, NEWSDESK_PREFECT_SERVER="background", NEWSDESK_PREFECT_PORT=str(port))
    try:
        proc, log = _start(tmp_path, corpus, env)
        _wait_for_first_chunk(proc, log)
        code, seconds = _stop(proc, signal.SIGTERM)
        out = log.read_text(errors="replace")
        assert code == 143, out[-2000:]
        assert seconds < 5, f"took {seconds:.1f}s"
        run = _assert_consistent(tmp_path)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/flow_runs/{run['flow_run_id']}", timeout=10) as r:
            state = json.loads(r.read())["state_type"]
        assert state in ("CRASHED", "CANCELLED"), state
    finally:
        subprocess.run([str(BIN / "prefect"), "server", "stop"], env=env, capture_output=True, timeout=60)
