"""The real thing: a Prefect server, the served deployments, a run triggered through the API, the UI.

Starts ``prefect server start`` on a free port with a temporary PREFECT_HOME, serves the
deployments with ``python -m newsdesk.flows.serve`` (as ``make serve`` does), drops a sample article and
a file to reject into the inbox, triggers the inbox deployment through the REST API, waits for
the run, then loads the flow run page in headless Chromium (Debian's ``chromium``; skipped with
a reason when it is absent: ``scripts/ci_deps.sh`` installs it). Every wait is bounded; every
process started here is stopped (its whole process group) in the fixture's finalizer.

Run on its own with ``pytest -m ui``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# A schedule that never fires during the test (Jan 1st, midnight): the server still creates its
# future runs, which shows the scheduler works; the run under test is created through the API.
CRON = "0 0 1 1 *"
SERVER_START_S = 90
DEPLOY_S = 60
RUN_S = 90
BROWSER_S = 60


# ---------------------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, method: str, path: str, body: dict | None = None, timeout: float = 10.0):
    """JSON in, JSON out, against the Prefect REST API."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{base}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read() or b"null")


def wait_for(what: str, probe: Callable[[], object], timeout_s: float, procs=(), every: float = 0.5):
    """Poll ``probe`` until it returns something truthy; fail after ``timeout_s`` or when a process died."""
    deadline = time.monotonic() + timeout_s
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        for proc, log in procs:
            if proc.poll() is not None:
                pytest.fail(f"{what}: process {proc.args[:3]} exited with {proc.returncode}:\n{tail(log)}")
        try:
            result = probe()
            if result:
                return result
        except (urllib.error.URLError, OSError, ValueError, KeyError) as exc:
            last_error = exc
        time.sleep(every)
    logs = "\n".join(tail(log) for _, log in procs)
    pytest.fail(f"{what}: not done within {timeout_s:.0f}s (last error: {last_error})\n{logs}")


def tail(path: Path, n: int = 40) -> str:
    try:
        return f"--- {path.name} ---\n" + "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return ""


def stop(proc: subprocess.Popen, sig: int, grace_s: float = 20.0) -> None:
    """Signal the process group ``proc`` leads, wait (bounded), then KILL the group."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
            proc.wait(grace_s)
        except subprocess.TimeoutExpired:
            pass
        except ProcessLookupError:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # and anything left in its group (a flow run subprocess)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        pass


def chromium_path() -> str | None:
    return os.environ.get("NEWSDESK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(url: str, out_dir: Path, *mode: str) -> subprocess.CompletedProcess:
    """Run headless Chromium once on ``url`` with a fresh profile (bounded)."""
    profile = out_dir / f"profile-{time.monotonic_ns()}"
    cmd = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           "--no-default-browser-check", f"--user-data-dir={profile}", "--window-size=1400,900",
           "--virtual-time-budget=15000", *mode, url]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=BROWSER_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=10)
        pytest.fail(f"chromium did not finish within {BROWSER_S}s: {err[-2000:]}")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(profile, ignore_errors=True)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


# ---------------------------------------------------------------------------- fixtures


@dataclass
class Stack:
    base: str          # http://127.0.0.1:PORT
    api: str           # http://127.0.0.1:PORT/api
    inbox: Path
    warehouse: Path
    deployment: dict
    logs: list[Path]
    started_s: float


@pytest.fixture(scope="module")
def stack(tmp_path_factory, samples_dir):
    """A Prefect server and ``python -m newsdesk.flows.serve`` against it; both stopped at the end, whatever happens."""
    t0 = time.monotonic()
    base_dir = tmp_path_factory.mktemp("ui-stack")
    port = free_port()
    base, api_url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    # PREFECT_UI_API_URL: where the browser app calls the API; it defaults to 127.0.0.1:4200, not --port
    env.update(PREFECT_HOME=str(base_dir / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_API_URL=api_url, PREFECT_API_URL=api_url,
               PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="5", PREFECT_LOGGING_LEVEL="INFO")
    inbox, wh = base_dir / "inbox", base_dir / "wh" / "news.duckdb"
    procs: list[tuple[subprocess.Popen, Path]] = []
    try:
        server_log = base_dir / "server.log"
        with open(server_log, "wb") as log:
            server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port",
                                       str(port)], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=base_dir,
                                      start_new_session=True)
        procs.append((server, server_log))
        # started at once, like scripts/serve.sh does: it waits for the API itself (bounded)
        serve_log = base_dir / "serve.log"
        with open(serve_log, "wb") as log:
            served = subprocess.Popen(
                [sys.executable, "-m", "newsdesk.flows.serve", "--cron", CRON, "--inbox", str(inbox), "--warehouse", str(wh)],
                env={**env, "NEWSDESK_LOCK_TIMEOUT": "60", "NEWSDESK_SERVER_START_TIMEOUT": str(SERVER_START_S),
                     "PREFECT_RUNNER_POLL_FREQUENCY": "2"},  # pick the triggered run up sooner than every 10 s
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        procs.append((served, serve_log))
        wait_for("prefect server health", lambda: api(api_url, "GET", "/health", timeout=3) is True,
                 SERVER_START_S, procs)
        deployment = wait_for(
            "the inbox deployment is registered",
            lambda: api(api_url, "GET", "/deployments/name/newsdesk-ingest/inbox"), DEPLOY_S, procs)
        # the serving process polls for runs once it has registered both deployments
        wait_for("both deployments are served", lambda: "being served" in serve_log.read_text(errors="replace"),
                 DEPLOY_S, procs)
        yield Stack(base, api_url, inbox, wh, deployment, [server_log, serve_log], time.monotonic() - t0)
    finally:
        for proc, _ in reversed(procs):  # the serving process first (it pauses schedules via the server)
            stop(proc, signal.SIGINT if proc is not procs[0][0] else signal.SIGTERM)


@pytest.fixture(scope="module")
def finished_run(stack, samples_dir):
    """Drop one article and one blank file into the inbox, trigger the deployment, wait for a final state."""
    shutil.copy(sorted(samples_dir.glob("*.txt"))[0], stack.inbox / "article.txt")
    (stack.inbox / "blank.txt").write_text("\n\n")
    t = time.monotonic()
    run = api(stack.api, "POST", f"/deployments/{stack.deployment['id']}/create_flow_run", {})
    procs = []

    def final():
        fr = api(stack.api, "GET", f"/flow_runs/{run['id']}")
        return fr if fr["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

    fr = wait_for(f"flow run {run['id']} reaches a final state", final, RUN_S, procs, every=1.0)
    fr["_seconds_to_final"] = time.monotonic() - t
    return fr


# ---------------------------------------------------------------------------- tests


def test_deployment_is_listed_with_its_cron_and_the_scheduler_uses_it(stack):
    dep = api(stack.api, "GET", f"/deployments/{stack.deployment['id']}")
    assert [s["schedule"].get("cron") for s in dep["schedules"]] == [CRON]
    assert dep["parameters"] == {"source": str(stack.inbox), "warehouse": str(stack.warehouse)}
    assert stack.inbox.is_dir()  # created by flows.serve
    reprocess = api(stack.api, "GET", "/deployments/name/newsdesk-reprocess/manual")
    assert reprocess["schedules"] == []

    def scheduled():  # the server's scheduler turns the cron into future runs of the deployment
        return api(stack.api, "POST", "/flow_runs/filter", {
            "deployments": {"id": {"any_": [dep["id"]]}},
            "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}, "limit": 5})

    try:
        runs = wait_for("the scheduler creates the cron's runs", scheduled, 30, every=1.0)
    except pytest.fail.Exception:
        errors = [line for line in stack.logs[0].read_text(errors="replace").splitlines() if "Error" in line][-3:]
        pytest.fail("the server created no scheduled run for the cron within 30s; errors in its log: "
                    f"{errors or 'none'} (SQLAlchemy 2.1 breaks Prefect 3.8.8's scheduler with "
                    "'Can't evaluate bulk DML statement': pin SQLAlchemy 2.0.x)")
    assert all(r["expected_start_time"].endswith(("-01-01T00:00:00Z", "-01-01T00:00:00+00:00")) for r in runs)


def test_triggered_run_completes_and_loads_the_inbox(stack, finished_run):
    from newsdesk import warehouse

    assert finished_run["state_type"] == "COMPLETED", (finished_run["state"], *map(tail, stack.logs))
    con = warehouse.read_only(stack.warehouse)
    try:
        docs = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        run = con.execute("SELECT kind, status, files_seen, documents_new, rejected, flow_run_id FROM runs").fetchall()
    finally:
        con.close()
    assert docs == 1
    assert run == [("ingest", "completed", 2, 1, 1, finished_run["id"])]
    print(f"ui stack up in {stack.started_s:.1f}s; triggered run final after {finished_run['_seconds_to_final']:.1f}s "
          f"(run time {finished_run['total_run_time']:.1f}s)")


def test_run_has_summary_and_rejects_artifacts(stack, finished_run):
    arts = api(stack.api, "POST", "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [finished_run["id"]]}}})
    by_key = {a["key"]: a for a in arts}
    assert {"newsdesk-run-summary", "newsdesk-rejects"} <= set(by_key)
    summary = by_key["newsdesk-run-summary"]
    assert summary["type"] == "markdown" and "| 2 | 1 | 0 | 0 | 1 |" in summary["data"]
    rejects = by_key["newsdesk-rejects"]
    rows = json.loads(rejects["data"]) if isinstance(rejects["data"], str) else rejects["data"]
    assert rows == [{"reason": rows[0]["reason"], "files": 1, "examples": str(stack.inbox / "blank.txt"),
                     "detail": rows[0]["detail"]}]


@pytest.mark.parametrize("command,expect", [
    (["deployment", "ls"], "newsdesk-ingest/inbox"),
    (["flow-run", "ls"], "COMPLETED"),
    (["artifact", "ls"], "newsdesk-run-summary"),
    (["work-pool", "ls"], ""),
])
def test_prefect_cli_lists_against_the_served_deployment(stack, finished_run, command, expect):
    """The operator's everyday Prefect commands answer (FastAPI >= 0.151 made them fail with HTTP 422)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_API_URL=stack.api, PREFECT_HOME=str(stack.inbox.parent / "prefect-home"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", COLUMNS="250")
    done = subprocess.run([str(BIN / "prefect"), *command], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    assert not re.search(r"\b422\b.{0,40}(Unprocessable|Error)|HTTP 422|status code 422", done.stdout + done.stderr)
    assert expect in done.stdout, done.stdout[-2000:]


COMPLETED_BADGE = re.compile(r'class="[^"]*\bstate-badge\b[^"]*\bstate--completed\b[^"]*"')


def test_flow_run_page_shows_completed(stack, finished_run, tmp_path):
    if not chromium_path():
        pytest.skip("chromium is not installed (scripts/ci_deps.sh installs Debian's chromium)")
    assert finished_run["state_type"] == "COMPLETED"
    url = f"{stack.base}/runs/flow-run/{finished_run['id']}"
    shot = tmp_path / "flow-run.png"
    with ThreadPoolExecutor(2) as pool:  # the screenshot is taken while the DOM is read
        screenshot = pool.submit(chromium, url, tmp_path, f"--screenshot={shot}")
        for attempt in range(1, 4):  # the single-page app may not have rendered within the budget on a busy machine
            dom = chromium(url, tmp_path, "--dump-dom")
            (tmp_path / f"flow-run-{attempt}.html").write_text(dom.stdout)
            assert dom.returncode == 0, dom.stderr[-2000:]
            if finished_run["name"] in dom.stdout:
                break
        res = screenshot.result()
    html = dom.stdout
    assert finished_run["name"] in html, f"the page does not show the flow run (DOM saved under {tmp_path})"
    # the state badge in the page header, not just a log line saying "Finished in state Completed()"
    badge = COMPLETED_BADGE.search(html)
    assert badge, f"no Completed state badge on the page (DOM saved under {tmp_path})"
    assert "<span>Completed</span>" in html[badge.end():badge.end() + 2000]
    assert res.returncode == 0 and shot.is_file() and shot.stat().st_size > 10_000, res.stderr[-2000:]
    print(f"screenshot: {shot}")


def test_an_unchanged_run_is_a_completed_flow_run_with_its_summary(stack, samples_dir, tmp_path):
    """A folder with nothing new skips the pipeline but still shows in the UI: a Completed flow run of
    newsdesk-ingest tagged 'unchanged', with the run summary artifact, and its id in runs."""
    from newsdesk import pipeline, warehouse
    from newsdesk.settings import Settings

    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sorted(samples_dir.glob("*.txt"))[1], src / "a.txt")
    pipeline.run_ingest(settings, src)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_API_URL=stack.api, PREFECT_HOME=str(tmp_path / "prefect-home"))
    done = subprocess.run([str(BIN / "newsdesk"), "run", "--source", str(src), "--warehouse", str(settings.warehouse)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "nothing new" in done.stdout, done.stdout + done.stderr
    con = warehouse.read_only(settings.warehouse)
    try:
        flow_run_id = con.execute("SELECT flow_run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()[0][0]
    finally:
        con.close()
    fr = api(stack.api, "GET", f"/flow_runs/{flow_run_id}")
    assert fr["state_type"] == "COMPLETED" and "unchanged" in fr["tags"]
    arts = api(stack.api, "POST", "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})
    assert [a["key"] for a in arts] == ["newsdesk-run-summary"] and "| 1 | 0 | 0 | 1 | 0 |" in arts[0]["data"]
