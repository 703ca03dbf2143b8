"""``newsdesk.interrupts``: a stop is known even when another handler took the signal and what it
raised was lost (Prefect swaps in its own SIGTERM handler while a flow runs; DuckDB turns an exception
raised mid-query into its own "Query interrupted" error)."""

from __future__ import annotations

import os
import signal

import pytest

from newsdesk import interrupts


class _Foreign(Exception):
    pass


def _foreign_handler(signum, frame):  # like Prefect's: raises its own exception
    raise _Foreign(signum)


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    monkeypatch.setattr(interrupts, "received", [])
    monkeypatch.setattr(interrupts, "arm", lambda signum, grace_s=0: None)  # no watchdog in the test process


def test_a_signal_taken_by_another_handler_is_still_known():
    with interrupts.stoppable():
        ours = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, _foreign_handler)
        try:
            with pytest.raises(_Foreign):  # the handler runs as os.kill returns
                os.kill(os.getpid(), signal.SIGTERM)
        finally:
            signal.signal(signal.SIGTERM, ours)
        assert interrupts.signalled() == signal.SIGTERM  # inside the block
    assert interrupts.signalled() == signal.SIGTERM  # and after it: the CLI asks on its way out


def test_no_signal_no_stop():
    with interrupts.stoppable():
        assert interrupts.signalled() is None
    assert interrupts.signalled() is None


def test_the_wakeup_fd_is_given_back():
    before = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(before)
    with interrupts.stoppable():
        pass
    after = signal.set_wakeup_fd(before)
    assert after == before and interrupts._wakeup == []
