"""`newsdesk bench`: the real flow over a corpus, against plain spaCy on the same texts.

Prints, as a table and as JSON: end-to-end words/s; seconds per stage (discover, stage, NLP,
each extractor, validation, load, Prefect overhead); plain ``nlp.pipe`` with the model's default
components in the same number of processes and the ratio; rows/s loaded; peak RSS; and a second
run over the unchanged corpus (which must do no NLP) as a share of the first.

The Prefect server is started once before timing (as a served deployment would have it running);
its start-up time is reported separately.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil


class PeakRSS:
    """Samples the resident set size of this process and its children every 50 ms."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(0.05)

    def __enter__(self) -> "PeakRSS":
        self.peak = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def select_corpus(corpus: Path, limit: int | None, into: Path) -> list[Path]:
    """Copy the first ``limit`` article files of ``corpus`` (sorted) into ``into``.

    Copies, not symlinks: staging refuses symlinks that leave the source folder.
    """
    from newsdesk.staging import discover

    picked = [f.path for f in discover(corpus) if f.reject is None]
    if limit:
        picked = picked[:limit]
    into.mkdir(parents=True, exist_ok=True)
    width = len(str(len(picked)))
    for i, path in enumerate(picked):
        shutil.copyfile(path, into / f"{i:0{width}d}_{path.name}")
    return picked


def plain_spacy(texts: list[str], model: str, processes: int) -> float:
    """Seconds for ``nlp.pipe`` with the model's default components and batch size over ``texts``
    (what a user of the plain model gets: ``nlp.pipe(texts)``, ``n_process`` as asked)."""
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, 6_000_000)
    t = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes):
        pass
    return time.perf_counter() - t


def _start_prefect_server():
    """A temporary local Prefect API for the benchmark, unless PREFECT_API_URL is set."""
    if os.environ.get("PREFECT_API_URL"):
        return None, 0.0
    from prefect.server.api.server import SubprocessASGIServer

    t = time.perf_counter()
    server = SubprocessASGIServer()
    server.start(timeout=120)
    os.environ["PREFECT_API_URL"] = server.api_url
    return server, time.perf_counter() - t


def run_bench(corpus: Path, limit: int | None = None, processes: int = 1, batch_docs: int | None = None,
              baseline: bool = True) -> dict:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from newsdesk import warehouse
    from newsdesk.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    src = tmp / "corpus"
    files = select_corpus(Path(corpus), limit, src)
    server, server_s = _start_prefect_server()
    try:
        from newsdesk.flows.ingest import ingest

        wh = tmp / "bench.duckdb"
        settings = Settings.from_env().with_overrides(warehouse=wh, processes=processes, batch_docs=batch_docs)
        with PeakRSS() as rss:
            t = time.perf_counter()
            first = ingest(source=str(src), warehouse=str(wh), processes=processes, batch_docs=settings.batch_docs)
            first_s = time.perf_counter() - t
        t = time.perf_counter()
        second = ingest(source=str(src), warehouse=str(wh), processes=processes, batch_docs=settings.batch_docs)
        second_s = time.perf_counter() - t
    finally:
        if server is not None:
            server.stop()
            os.environ.pop("PREFECT_API_URL", None)

    con = warehouse.read_only(wh)
    try:
        bodies = [r[0] for r in con.execute("SELECT body FROM documents ORDER BY doc_id").fetchall()]
        rows = sum(warehouse.table_counts(con).values())
    finally:
        con.close()
    words = first["words"]
    stages = dict(first["seconds"])
    stage_sum = sum(stages.values())
    # with a worker pool the NLP seconds are summed over workers (they overlap), so overhead is
    # what the flow's wall time leaves once the longest path is accounted for
    overhead = max(0.0, first_s - stage_sum) if processes == 1 else None
    result = {
        "corpus": str(corpus), "files": len(files), "documents": first["documents_new"], "words": words,
        "processes": processes, "batch_docs": settings.batch_docs,
        "first_run_seconds": round(first_s, 2), "words_per_second": round(words / first_s, 1),
        "stage_seconds": {k: round(v, 2) for k, v in stages.items()},
        "prefect_overhead_seconds": round(overhead, 2) if overhead is not None else None,
        "prefect_server_start_seconds": round(server_s, 2),
        "rows_loaded": rows, "rows_per_second_loaded": round(rows / stages["load"], 1) if stages.get("load") else None,
        "peak_rss_mb": round(rss.peak / 2**20, 1),
        "second_run_seconds": round(second_s, 2), "second_run_share": round(second_s / first_s, 4),
        "second_run_documents_processed": second["documents_processed"],
        "machine": {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)},
    }
    if baseline:
        from newsdesk.settings import Settings as _S

        base_s = plain_spacy(bodies, _S().model, processes)
        result["plain_spacy_seconds"] = round(base_s, 2)
        result["plain_spacy_words_per_second"] = round(words / base_s, 1)
        result["ratio_vs_plain_spacy"] = round((words / first_s) / (words / base_s), 3)
    return result


def format_table(r: dict) -> str:
    lines = [
        f"newsdesk bench: {r['files']} files ({r['documents']} documents, {r['words']:,} words) from {r['corpus']}",
        f"  processes {r['processes']}, batch {r['batch_docs']} docs; machine {r['machine']['cpus']} CPUs, "
        f"{r['machine']['memory_gb']} GiB",
        "",
        f"  {'end to end':<34}{r['words_per_second']:>12,.0f} words/s   ({r['first_run_seconds']:.1f} s)",
    ]
    if "plain_spacy_words_per_second" in r:
        lines.append(f"  {'plain nlp.pipe, default components':<34}{r['plain_spacy_words_per_second']:>12,.0f} words/s"
                     f"   ({r['plain_spacy_seconds']:.1f} s)")
        lines.append(f"  {'ratio (end to end / plain)':<34}{r['ratio_vs_plain_spacy']:>12.2f} ×")
    lines += ["", "  seconds per stage:"]
    for k, v in r["stage_seconds"].items():
        lines.append(f"    {k:<14}{v:>8.2f}")
    if r["prefect_overhead_seconds"] is not None:
        lines.append(f"    {'prefect+other':<14}{r['prefect_overhead_seconds']:>8.2f}")
    lines += [
        f"    (Prefect server start, not in the run: {r['prefect_server_start_seconds']:.1f} s)",
        "",
        f"  rows loaded {r['rows_loaded']:,} ({r['rows_per_second_loaded'] or 0:,.0f} rows/s in the load stage)",
        f"  peak RSS {r['peak_rss_mb']:,.0f} MB",
        f"  second run over the unchanged corpus: {r['second_run_seconds']:.2f} s = "
        f"{100 * r['second_run_share']:.1f}% of the first ({r['second_run_documents_processed']} documents re-processed)",
    ]
    return "\n".join(lines)


def main(corpus: str, limit: int | None, processes: int, batch_docs: int | None, baseline: bool, as_json: str | None) -> int:
    r = run_bench(Path(corpus), limit, processes, batch_docs, baseline)
    print(format_table(r))
    print()
    print(json.dumps(r, indent=2))
    if as_json:
        Path(as_json).write_text(json.dumps(r, indent=2), encoding="utf-8")
    return 0
