"""The `newsdesk` command line (typer, the convention of Prefect's ecosystem).

Each command is a thin function over the core; heavy imports (Prefect, spaCy, pandas) happen inside
the commands that need them, so `newsdesk --help`, `sql` and `status` start fast. Every error ends
with one line, ``newsdesk: what is wrong — what to do``; exit codes: 0 done, 1 failed, 2 usage
error (a bad option, a missing file), 130 stopped by Ctrl-C, 143 stopped by SIGTERM.
"""

from __future__ import annotations

import os
import sys

from newsdesk.settings import one_math_thread_per_process

one_math_thread_per_process()  # before anything imports numpy (and before workers are spawned)

import typer  # noqa: E402
from typer._click import exceptions as click_errors  # noqa: E402 - typer 0.29 carries its own copy of click

from newsdesk.flows import cli_runs, cli_warehouse  # noqa: F401 - registering their commands on the app
from newsdesk.flows.cli_base import Failure, UsageError, app, say  # noqa: F401 - the public surface

# ---------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    from newsdesk import interrupts

    try:
        code = app(args=argv, prog_name="newsdesk", standalone_mode=False)
        if signum := interrupts.signalled():  # typer turns the interrupt into an exit code
            _stopped(signum)
        return code if isinstance(code, int) else 0
    except click_errors.NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else "")
        return 2
    except click_errors.UsageError as exc:
        where = f"newsdesk {exc.ctx.command_path.split(' ', 1)[1]}" if exc.ctx and " " in exc.ctx.command_path else "newsdesk"
        say(f"{exc.format_message()} (see `{where} --help`)")
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        say("stopped")
        return 130
    except UsageError as exc:
        say(str(exc))
        return 2
    except Failure as exc:
        if signum := interrupts.signalled():  # the failure is what the stop broke (a query interrupted mid-way)
            _stopped(signum)
        say(str(exc))
        return 1
    except KeyboardInterrupt as exc:
        _stopped(getattr(exc, "signum", None) or interrupts.signalled() or 2)
    except BrokenPipeError:
        return 0
    return 0


def _stopped(signum: int) -> None:
    """Say how the command was stopped and leave at once (no waiting for threads busy with a batch)."""
    import signal

    say(f"stopped by {signal.Signals(signum).name}: the chunk in flight was rolled back, the run is recorded "
         "as interrupted and the lock released; run again to go on where it stopped")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(128 + signum)


def run_main() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run_main()
