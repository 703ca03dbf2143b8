"""One writer at a time: an advisory file lock held for the whole run.

Two ``newsdesk run`` processes (or a scheduled run and a manual one) never write the warehouse at
the same time: the second waits, logging who holds the lock, or fails fast when
``NEWSDESK_LOCK_TIMEOUT=0``. The lock is released by the kernel when the holder dies, so a
crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

log = logging.getLogger(__name__)


class LockTimeout(RuntimeError):
    """Another run holds the warehouse lock for longer than we were told to wait."""


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown process"
    except OSError:
        return "unknown process"


@contextmanager
def run_lock(
    path: Path, timeout_s: float = 3600.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the duration of the block."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout_s
        announced = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(path)
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"the warehouse is locked by another run ({holder}); "
                        f"gave up after {timeout_s:.0f}s (NEWSDESK_LOCK_TIMEOUT)"
                    ) from None
                if not announced:
                    msg = f"waiting for the warehouse lock {path} held by {holder}"
                    (on_wait or log.warning)(msg)
                    announced = True
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode())
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
