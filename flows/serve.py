"""Serve the newsdesk deployments: scheduled inbox ingest and on-demand reprocessing.

    python -m newsdesk.flows.serve [--cron "*/15 * * * *"] [--inbox DIR] [--warehouse FILE]

needs a Prefect API (``PREFECT_API_URL``, e.g. the server ``scripts/serve.sh`` starts). Two
deployments are registered and their runs executed by this process (each run in a subprocess):

- ``newsdesk-ingest/inbox``: the ingest flow over the inbox folder on a cron schedule
  (``NEWSDESK_SCHEDULE``, default every 15 minutes). Files already in the warehouse (same content
  hash) are counted as already seen and not processed again, so an empty or unchanged inbox is a
  quick, successful run.
- ``newsdesk-reprocess/manual``: the reprocess flow, no schedule (start it from the UI or the API).

Ctrl-C (SIGINT) or SIGTERM stops serving: the schedules are paused and the process exits 0. A
flow run in progress is ended with it; its last load transaction either landed or did not, and
the next run marks it crashed and picks up what it missed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

INGEST_DEPLOYMENT = "inbox"
REPROCESS_DEPLOYMENT = "manual"
TAGS = ["newsdesk"]


def build_deployments(cron: str | None = None, inbox: str | Path | None = None,
                      warehouse: str | Path | None = None) -> list:
    """The two ``RunnerDeployment`` objects (not yet registered anywhere)."""
    from newsdesk.flows.ingest import ingest
    from newsdesk.flows.reprocess import reprocess
    from newsdesk import EXTRACTOR_VERSION, __version__
    from newsdesk.settings import Settings

    settings = Settings.from_env().with_overrides(inbox=inbox, warehouse=warehouse)
    schedule = cron or settings.schedule_cron
    version = f"{__version__}+extractors.{EXTRACTOR_VERSION}"
    ingest_dep = ingest.to_deployment(
        name=INGEST_DEPLOYMENT, cron=schedule, tags=TAGS, version=version,
        parameters={"source": str(settings.inbox), "warehouse": str(settings.warehouse)},
        description=f"Ingest new article files dropped into {settings.inbox} (cron {schedule!r}).",
    )
    reprocess_dep = reprocess.to_deployment(
        name=REPROCESS_DEPLOYMENT, tags=TAGS, version=version,
        parameters={"warehouse": str(settings.warehouse), "only_stale": False},
        description="Re-run the extractors over every stored document (set only_stale to limit it to "
                    "documents written by older extractors).",
    )
    return [ingest_dep, reprocess_dep]


def wait_for_api(api_url: str, timeout_s: float) -> None:
    """Wait (bounded) until the Prefect server at ``api_url`` answers its health check.

    Lets ``scripts/serve.sh`` start this process together with the server (the imports overlap
    the server's start-up) instead of after it. Raises TimeoutError with the last error.
    """
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=3) as resp:
                if resp.read().strip() == b"true":
                    return
        except (urllib.error.URLError, OSError) as exc:
            last = exc
        time.sleep(0.5)
    raise TimeoutError(f"the Prefect API at {api_url} did not answer within {timeout_s:.0f}s ({last})")


def serve_main(cron: str | None = None, inbox: str | Path | None = None,
               warehouse: str | Path | None = None) -> None:
    """Create the inbox folder, then serve both deployments until Ctrl-C / SIGTERM."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from newsdesk.settings import Settings

    settings = Settings.from_env().with_overrides(inbox=inbox, warehouse=warehouse)
    settings.inbox.mkdir(parents=True, exist_ok=True)
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    # A shell that starts us in the background leaves SIGINT ignored; make Ctrl-C work anyway.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    from prefect import serve

    deployments = build_deployments(cron, settings.inbox, settings.warehouse)
    print(f"newsdesk: serving {len(deployments)} deployment(s); inbox {settings.inbox} → "
          f"{settings.warehouse}; schedule {cron or settings.schedule_cron!r}", flush=True)
    try:
        serve(*deployments, pause_on_shutdown=True)
    except SystemExit as exc:  # Prefect's SIGTERM handler stops the runner, then sys.exit(0)
        if exc.code not in (0, None):
            raise
    finally:
        pause_schedules(deployments)
    print("newsdesk: stopped serving", flush=True)


def pause_schedules(deployments: list) -> None:
    """Pause the served deployments' schedules (best effort, a few seconds at most).

    Prefect's runner tries this on shutdown too, but a Ctrl-C can cancel that call half-way;
    without it a long-lived server would keep scheduling runs that nobody executes (shown as
    Late). ``make serve`` stops its server as well, and serving again resumes the schedules.
    """
    try:
        from prefect.client.orchestration import get_client
        from prefect.settings import PREFECT_CLIENT_MAX_RETRIES, temporary_settings

        with temporary_settings({PREFECT_CLIENT_MAX_RETRIES: 0}), \
                get_client(sync_client=True, httpx_settings={"timeout": 5}) as client:
            for dep in deployments:
                client.pause_deployment(client.read_deployment_by_name(f"{dep.flow_name}/{dep.name}").id)
    except Exception as exc:  # noqa: BLE001 - shutting down: say so, never fail the shutdown
        print(f"newsdesk: could not pause the schedules ({type(exc).__name__}: {exc})", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m newsdesk.flows.serve", description=__doc__.split("\n\n")[0])
    p.add_argument("--cron", help="schedule of the inbox deployment (default: $NEWSDESK_SCHEDULE or */15 * * * *)")
    p.add_argument("--inbox", help="folder the scheduled runs read (default: $NEWSDESK_INBOX or warehouse/inbox)")
    p.add_argument("--warehouse", help="DuckDB file (default: $NEWSDESK_WAREHOUSE or warehouse/news.duckdb)")
    args = p.parse_args(argv)
    from prefect.settings import PREFECT_API_URL

    api_url = PREFECT_API_URL.value()
    if not api_url:
        print("newsdesk: PREFECT_API_URL is not set: start a server first (make serve does both)", file=sys.stderr)
        return 2
    try:
        wait_for_api(api_url, float(os.environ.get("NEWSDESK_SERVER_START_TIMEOUT", "120")))
    except TimeoutError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    serve_main(cron=args.cron, inbox=args.inbox, warehouse=args.warehouse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
