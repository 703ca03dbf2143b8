"""Which Prefect API a command's flow run reports to, and starting a local server when there is none.

    PREFECT_API_URL set          that API (a team server, ``make serve``, Prefect Cloud)
    a server on 127.0.0.1:PORT   reused (``make serve``, or one an earlier run started)
    none                         NEWSDESK_PREFECT_SERVER=background (default): start one in the
                                 background with ``prefect server start --background`` (its own
                                 process group, so Ctrl-C in the terminal stops the run, not the
                                 server); later runs reuse it and the UI keeps every run;
                                 ``prefect server stop`` stops it.
                                 NEWSDESK_PREFECT_SERVER=temporary: Prefect's temporary server,
                                 started for this one command and stopped after it (tests).

PORT is NEWSDESK_PREFECT_PORT (default 4200, the port ``make serve`` uses). The first run on a
machine pays the server's start-up (seconds); every later run skips it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"


def port() -> int:
    return int(os.environ.get("NEWSDESK_PREFECT_PORT", "4200"))


def healthy(api_url: str, timeout_s: float = 0.5) -> bool:
    """Does a Prefect API answer at ``api_url`` (``…/api``)?"""
    try:
        with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=timeout_s) as r:
            return r.status == 200 and r.read().strip() == b"true"
    except (OSError, ValueError):
        return False


def _prefect_executable() -> str:
    beside = Path(sys.executable).with_name("prefect")
    return str(beside) if beside.exists() else (shutil.which("prefect") or "prefect")


def start_background(api_url: str, timeout_s: float, say=print) -> None:
    """``prefect server start --background`` on HOST:port(), then wait until it answers."""
    say(f"starting a local Prefect server in the background (UI http://{HOST}:{port()}; "
        "`prefect server stop` stops it)")
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    done = subprocess.run([_prefect_executable(), "server", "start", "--background", "--host", HOST,
                           "--port", str(port())], env=env, capture_output=True, text=True, timeout=120,
                          start_new_session=True)  # out of the run's process group: Ctrl-C is not for it
    if done.returncode != 0:
        raise RuntimeError(f"could not start a Prefect server: {(done.stderr or done.stdout).strip()[-300:]}")
    deadline = time.monotonic() + timeout_s
    while not healthy(api_url):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the Prefect server at {api_url} did not answer within {timeout_s:.0f}s")
        time.sleep(0.2)


def use_local_api(say=print) -> str:
    """Point this process at a Prefect API (see the module docstring); returns what it uses."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    mode = os.environ.get("NEWSDESK_PREFECT_SERVER", "background")
    if mode not in ("background", "temporary"):
        raise ValueError(f"NEWSDESK_PREFECT_SERVER={mode!r}: use background or temporary")
    if mode == "temporary":
        return "temporary server"
    api_url = f"http://{HOST}:{port()}/api"
    if not healthy(api_url):
        start_background(api_url, float(os.environ.get("NEWSDESK_SERVER_START_TIMEOUT", "120")), say)
    os.environ["PREFECT_API_URL"] = api_url
    return api_url


def reachable_api() -> str | None:
    """The API a run would report to, if one answers now (never starts a server)."""
    url = os.environ.get("PREFECT_API_URL") or f"http://{HOST}:{port()}/api"
    return url if healthy(url, timeout_s=1.0) else None


def record_completed_run(flow_name: str, parameters: dict, summary_markdown: str, message: str,
                         artifact_key: str) -> str | None:
    """Record a run that needed no orchestration as a Completed flow run of ``flow_name``, with its
    summary artifact, through the REST API (no Prefect import: milliseconds). Returns the flow run's
    id, or None when no API answers or it refuses (the run is still recorded in ``runs``)."""
    import json
    import urllib.request

    api = reachable_api()
    if api is None:
        return None

    def post(path: str, body: dict) -> dict:
        req = urllib.request.Request(api.rstrip("/") + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(req, timeout=5) as r:
            return json.loads(r.read())

    try:
        flow = post("/flows/", {"name": flow_name})
        run = post("/flow_runs/", {"flow_id": flow["id"], "parameters": parameters, "tags": ["newsdesk", "unchanged"],
                                   "state": {"type": "COMPLETED", "name": "Completed", "message": message}})
        post("/artifacts/", {"key": artifact_key, "type": "markdown", "data": summary_markdown,
                             "flow_run_id": run["id"], "description": message})
        return run["id"]
    except (OSError, ValueError, KeyError):
        return None
