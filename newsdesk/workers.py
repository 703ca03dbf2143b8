"""A pool of worker processes for the NLP step: each loads the spaCy model once.

The main process stays the single writer (DuckDB allows one); workers only turn
``(doc_id, body)`` pairs into frames. Workers are started with ``spawn`` (never ``fork``: the
parent runs Prefect's threads and event loop, which must not be copied mid-flight).
"""

from __future__ import annotations

import multiprocessing as mp
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Sequence

_MODEL: str | None = None
_BATCH_SIZE = 64


def _init_worker(model: str, batch_size: int) -> None:
    global _MODEL, _BATCH_SIZE
    from newsdesk.interrupts import ignore_in_worker

    ignore_in_worker()  # Ctrl-C reaches the whole process group; the parent stops the workers
    # one math thread per worker: the pool itself is the parallelism
    from newsdesk.settings import one_math_thread_per_process

    one_math_thread_per_process()
    _MODEL, _BATCH_SIZE = model, batch_size
    from newsdesk.nlp import load_nlp

    load_nlp(model)


def _ready() -> None:
    """A no-op: submitted once per worker so that the pool starts them all at once."""


def _work(docs: Sequence[tuple[str, str]], run_id: str):
    from newsdesk.extract.batch import extract_docs

    return extract_docs(docs, run_id=run_id, model=_MODEL, batch_size=_BATCH_SIZE)


class ExtractPool:
    """``processes`` workers; ``submit(docs, run_id)`` returns a future of an ExtractResult."""

    def __init__(self, processes: int, model: str, batch_size: int):
        self.processes = processes
        self._pool = ProcessPoolExecutor(
            max_workers=processes, mp_context=mp.get_context("spawn"),
            initializer=_init_worker, initargs=(model, batch_size),
        )
        # start every worker now, from this thread: they begin loading the model at once, and each
        # is tied to the life of this (long-lived) thread, not to a task thread that may end
        for _ in range(processes):
            self._pool.submit(_ready)

    def submit(self, docs: Sequence[tuple[str, str]], run_id: str) -> Future:
        return self._pool.submit(_work, list(docs), run_id)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def terminate(self) -> None:
        """Stop now: kill the workers (their current chunk is lost; nothing of it was loaded)."""
        for proc in list(getattr(self._pool, "_processes", {}).values()):
            proc.kill()  # not terminate(): workers ignore SIGTERM (they are stopped by their parent, not the terminal)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> "ExtractPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
