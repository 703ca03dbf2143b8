"""Clean stops: SIGINT (Ctrl-C) and SIGTERM end a command within seconds, the warehouse consistent.

``stoppable()`` turns either signal into an ``Interrupted`` exception in the main thread, so the
code that is running unwinds normally: a load transaction in flight rolls back
(``warehouse.load_batch``), the run is recorded as interrupted (``pipeline.recorded``), the run
lock is released (``locking.run_lock``) and Prefect marks its flow run crashed. A watchdog makes
the promise hold even when something below does not unwind in time (a spaCy batch running in a
worker thread, a client retrying a server that is gone): ``grace_s`` after the first signal the
process exits with 128 + the signal number, whatever it was doing. A second signal exits at once.

Worker processes ignore both signals (``ignore_in_worker``): a terminal sends Ctrl-C to the
whole process group, and the workers are stopped by their parent, not by the terminal.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)
# the signal that stopped this process (set by ``stoppable``'s handler, or read by ``signalled``),
# for callers that only see the unwound result (a library that turned the interrupt into a return
# value or into an error of its own)
received: list[int] = []
# read end of the pipe Python's C-level signal handler writes each signal's number to (``stoppable``)
_wakeup: list[int] = []


class Interrupted(KeyboardInterrupt):
    """The process was asked to stop (SIGINT or SIGTERM)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def exit_code(exc: BaseException) -> int:
    """130 for Ctrl-C, 143 for SIGTERM (the shell's convention), for an Interrupted or a plain KeyboardInterrupt."""
    return exc.exit_code if isinstance(exc, Interrupted) else 128 + signal.SIGINT


def signalled() -> int | None:
    """The first stop signal (SIGINT/SIGTERM) this process received, else None: also when a handler
    other than ours took it and what it raised was lost on the way. Prefect swaps in its own SIGTERM
    handler while a flow or task runs, and DuckDB turns an exception raised by a handler mid-query
    into its own "Query interrupted" error, so neither our handler nor Prefect's exception may be
    seen. Python's C-level handler writes every handled signal's number to the wakeup fd whichever
    Python handler then runs; ``stoppable`` points that fd at a pipe, read here."""
    if _wakeup:
        try:
            data = os.read(_wakeup[0], 512)
        except OSError:  # nothing written (non-blocking), or closed
            data = b""
        for number in data:
            if number in SIGNALS and number not in received:
                received.append(number)
    return received[0] if received else None


GRACE_S = 4.0
_armed: list[threading.Timer] = []


def arm(signum: int, grace_s: float = GRACE_S) -> None:
    """Start the stop's countdown (once): ``grace_s`` from now the process exits with 128 + signum,
    whatever it is still doing. Called by the signal handler, and by code that learns of a stop
    from an orchestrator's own exception (Prefect raises its own on SIGTERM)."""
    if _armed:
        return
    if signum not in received:
        received.append(signum)

    def force_exit() -> None:
        sys.stderr.write(f"\nnewsdesk: stopped by {signal.Signals(signum).name}; exiting now, {grace_s:.0f}s after "
                         "the signal, before the orchestrator finished reporting it (a chunk in flight was "
                         "rolled back; the lock goes with the process)\n")
        sys.stderr.flush()
        os._exit(128 + signum)

    timer = threading.Timer(grace_s, force_exit)
    timer.daemon = True
    _armed.append(timer)
    timer.start()


@contextmanager
def stoppable(grace_s: float = GRACE_S, on_signal: Callable[[int], None] | None = None) -> Iterator[None]:
    """Within the block, SIGINT/SIGTERM raise ``Interrupted`` in the main thread; the process is
    forced out ``grace_s`` seconds after the first signal if it has not finished by then."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be installed from the main thread
        return

    def handler(signum, _frame):
        if _armed:  # a second signal: no more waiting
            os._exit(128 + signum)
        arm(signum, grace_s)
        if on_signal is not None:
            on_signal(signum)
        raise Interrupted(signum)

    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    _wakeup.append(read_end)
    previous = {s: signal.signal(s, handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        signalled()  # what arrived while the block ran is kept in ``received``
        signal.set_wakeup_fd(previous_fd)
        _wakeup.remove(read_end)
        os.close(read_end)
        os.close(write_end)


def ignore_in_worker() -> None:
    """For worker processes: leave stopping to the parent (a terminal signals the whole group), and
    die with the parent: a parent that is killed or leaves with ``os._exit`` never strands a worker
    (Linux: PR_SET_PDEATHSIG, tied to the thread that started the worker; ``workers.ExtractPool``
    starts them all from the thread that creates the pool)."""
    for s in SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except OSError:
            pass
