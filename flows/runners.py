"""Task runners for the ingest flow: local threads (default) or a Dask cluster.

    local              extraction in this process, or in a local process pool (--processes N)
    dask               a local Dask cluster of N worker processes, started for the run
    dask://HOST:PORT   an existing Dask scheduler (workers need newsdesk and the model installed)

Only extraction is submitted to the runner; staging, validation and loading run in the flow's
own process, the single writer of the DuckDB file.
"""

from __future__ import annotations


def task_runner(spec: str, processes: int = 2):
    """Build the Prefect task runner for ``spec``; None means Prefect's default (threads)."""
    if spec in ("", "local", None):
        return None
    from prefect_dask import DaskTaskRunner

    if spec == "dask":
        return DaskTaskRunner(cluster_kwargs={
            "n_workers": max(1, processes), "processes": True, "threads_per_worker": 1,
            "dashboard_address": None,
        })
    if spec.startswith("dask://"):
        return DaskTaskRunner(address="tcp://" + spec[len("dask://"):])
    if spec.startswith("tcp://"):
        return DaskTaskRunner(address=spec)
    raise ValueError(f"unknown runner {spec!r}: use local, dask or dask://HOST:PORT")


def ingest_with_runner(spec: str, processes: int = 2):
    """The ingest flow configured for ``spec`` (call it with the flow's parameters)."""
    from newsdesk.flows.ingest import ingest

    runner = task_runner(spec, processes)
    if runner is None:
        return ingest
    return ingest.with_options(task_runner=runner)
