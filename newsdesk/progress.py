"""Progress reporting hook: the pipeline reports (files done, files total) after every chunk.

The CLI installs a progress bar here; under a scheduler nothing is installed and the per-chunk
log lines (visible in the Prefect UI) are the progress report.
"""

from __future__ import annotations

from typing import Callable

_hook: Callable[[int, int], None] | None = None


def set_hook(hook: Callable[[int, int], None] | None) -> None:
    global _hook
    _hook = hook


def notify(done: int, total: int) -> None:
    if _hook is not None:
        _hook(done, total)
