"""What every `newsdesk` command shares: the typer app, the two kinds of error, settings and connections.

The commands live in ``cli_runs`` (commands that run flows or measure them) and ``cli_warehouse``
(commands that read or maintain a warehouse); ``cli`` is the entry point that registers both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from newsdesk import __version__
from newsdesk.settings import Settings

app = typer.Typer(
    name="newsdesk", no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
    rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
    help="Raw news articles in, an analyst-ready DuckDB warehouse out: entities, quotes and figures, "
         "orchestrated by Prefect.",
)
evaluate_app = typer.Typer(no_args_is_help=True, help="Accuracy against public gold data (see ACCURACY.md).")
app.add_typer(evaluate_app, name="evaluate")


class UsageError(Exception):
    """A wrong invocation: exit code 2."""


class Failure(Exception):
    """The command ran and failed: exit code 1."""


WAREHOUSE_HELP = "DuckDB file of the warehouse [default: $NEWSDESK_WAREHOUSE or warehouse/news.duckdb]"
WarehouseOpt = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP, show_default=False)


def settings_for(warehouse: Optional[Path] = None, **overrides) -> Settings:
    from newsdesk import warehouse as wh

    try:
        settings = Settings.from_env().with_overrides(warehouse=warehouse, **overrides)
    except ValueError as exc:  # a NEWSDESK_* variable that is not a number
        raise UsageError(f"bad setting in the environment: {exc}") from None
    try:
        wh.check_path(settings.warehouse)
    except wh.NotAWarehouse as exc:
        raise UsageError(str(exc)) from None
    return settings


def open_read_only(settings: Settings, external_access: bool = True):
    from newsdesk import warehouse as wh

    try:
        return wh.read_only(settings.warehouse, settings.read_timeout_s, external_access=external_access)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except wh.WarehouseBusy as exc:
        raise Failure(str(exc)) from None


def lock_free_or_fail(settings: Settings) -> None:
    """With NEWSDESK_LOCK_TIMEOUT=0 a run that cannot have the lock fails before any flow run starts."""
    if settings.lock_timeout_s > 0:
        return
    from newsdesk.locking import LockTimeout, run_lock

    try:
        with run_lock(settings.lock_path, 0):
            pass
    except LockTimeout as exc:
        raise Failure(f"{exc}; wait for that run to finish, or raise NEWSDESK_LOCK_TIMEOUT to wait for it") from None


def prefect_env() -> None:
    """Quiet, offline-friendly Prefect defaults; anything the user set wins."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _version(value: bool) -> None:
    if value:
        from newsdesk import EXTRACTOR_VERSION

        typer.echo(f"newsdesk {__version__} (extractors {EXTRACTOR_VERSION})")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Raw news articles in, an analyst-ready DuckDB warehouse out."""


def existing(path: Path, what: str) -> Path:
    if not path.exists():
        raise UsageError(f"{what} {path} does not exist")
    return path


def say(msg: str) -> None:
    print(f"newsdesk: {msg}", file=sys.stderr, flush=True)
