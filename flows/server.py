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
