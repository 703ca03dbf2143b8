"""Crash safety: SIGKILL a run at random points, re-run, and find a consistent, complete warehouse.

~300 synthetic articles (seeded, distinct, plus 12 copies at second paths) are run through the core
steps in a subprocess under the run lock, as ``flows/ingest.py`` does. The subprocess prints a
marker at each step (``STAGE k``, ``EXTRACT k``, ``IN_LOAD k``, ``LOADED k``); a trial picks a step
and a chunk from a seeded RNG, waits for that marker, sleeps a random 0–0.4 s and sends SIGKILL.
To hit the inside of a load transaction on purpose (it lasts milliseconds), the runner widens it:
with ``SLOW_LOAD=1`` every INSERT of a load is followed by a short sleep, inside the open transaction.

After every kill: the warehouse opens, the zero-row checks pass, and each chunk's documents are all
there or none are (a batch lands whole or not at all). After the final uninterrupted run: documents
== distinct texts, sources == files, no doubles, derived rows equal those of a clean reference run,
and every killed run that had started is recorded as 'crashed'.

Also: missing, corrupt and truncated raw copies are reported by ``newsdesk.verify.verify_raw_copies``.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import ingest_without_nlp
from newsdesk import checks, pipeline, staging, warehouse
from newsdesk.settings import Settings
from newsdesk.verify import verify_raw_copies

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261124
N_ARTICLES = 300
N_COPIES = 12
BATCH = 25

RUNNER = textwrap.dedent('''
    import os, sys, time
    from pathlib import Path
    from newsdesk import pipeline, warehouse
    from newsdesk.locking import run_lock
    from newsdesk.settings import Settings

    def mark(text):
        print(text, flush=True)

    if os.environ.get("SLOW_LOAD"):
        real_insert = warehouse._insert
        def slow_insert(con, table, *a, **k):
            real_insert(con, table, *a, **k)
            mark(f"IN_LOAD {CHUNK} {table}")
            time.sleep(0.05)
        warehouse._insert = slow_insert

    source, wh, batch = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    s = Settings().with_overrides(warehouse=wh, batch_docs=batch)
    CHUNK = -1
    def marked_steps(ctx):
        """The plain chunk steps, each announcing itself (the test kills the process at a mark)."""
        mark("BEGUN")
        plain = pipeline.Steps.plain(ctx, lambda part: pipeline.stage(ctx, part))

        def prepare(part):
            global CHUNK
            CHUNK += 1
            mark(f"STAGE {CHUNK}")
            return plain.prepare(part)

        def extract(b, pool):
            mark(f"EXTRACT {CHUNK}")
            return plain.extract(b, pool)

        def load(b):
            mark(f"LOAD {CHUNK}")
            plain.load(b)
            mark(f"LOADED {CHUNK}")

        return pipeline.Steps(prepare=prepare, extract=extract, validate=plain.validate, load=load)

    with run_lock(s.lock_path, 60):
        summary = pipeline.run_ingest(s, source, steps=marked_steps)
        mark("SUMMARY " + __import__("json").dumps(summary, default=str))
''')

PEOPLE = ["Maria Lopez", "Jan Novak", "Aiko Tanaka", "Kwame Mensah", "Olena Kravets", "Lars Berg", "Priya Nair"]
PLACES = ["LONDON", "NAIROBI", "OSLO", "LIMA", "HANOI", "WARSAW", "QUITO"]
THINGS = ["grain", "steel", "copper", "coffee", "cotton", "timber", "salt"]


def _articles(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        who, where, what = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(THINGS)
        amount, pct = rng.randint(2, 900), rng.randint(1, 40)
        out.append(
            f"{what.title()} exports rise {pct}% in month {i}\n\n"
            f"{where} - Exports of {what} rose {pct}% to {amount} million tonnes in the month, "
            f"the trade ministry said on Tuesday.\n\n"
            f"\"We expect another good season,\" said {who}, head of the exporters' association. "
            f"Prices fell by ${rng.randint(1, 99)} a tonne, traders said.\n"
        )
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, int, int]:
    """(folder, number of files, number of distinct texts)."""
    src = tmp_path_factory.mktemp("crash") / "in"
    texts = _articles(N_ARTICLES, SEED)
    for i, text in enumerate(texts):
        sub = src / f"d{i % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
    rng = random.Random(SEED + 1)
    for j, i in enumerate(rng.sample(range(N_ARTICLES), N_COPIES)):  # same bytes at a second path
        (src / f"d{j % 7}" / f"copy{j:02d}.txt").write_text(texts[i], encoding="utf-8")
    return src, N_ARTICLES + N_COPIES, N_ARTICLES


def _chunks_of_new_docs(src: Path) -> list[set[str]]:
    """For each chunk (in discovery order), the doc_ids whose FIRST file is in that chunk."""
    found = list(staging.discover(src))
    seen: set[str] = set()
    out = []
    for part in pipeline.chunks(found, BATCH):
        ids = set()
        for f in part:
            d = hashlib.sha256(f.path.read_bytes()).hexdigest()
            if d not in seen:
                seen.add(d)
                ids.add(d)
        out.append(ids)
    return out


def _run_and_kill(script: Path, src: Path, wh: Path, marker: str | None, delay: float) -> dict:
    """Start the runner; SIGKILL it ``delay`` s after ``marker`` appears (None: let it finish)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", SLOW_LOAD="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script), str(src), str(wh), str(BATCH)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    killed_after = None
    try:
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if marker and line.startswith(marker):
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                killed_after = line.strip()
                break
        rest, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    lines += [ln for ln in rest.splitlines() if ln]
    return {"marker": marker, "delay": round(delay, 3), "returncode": proc.returncode, "lines": lines,
            "killed": proc.returncode == -signal.SIGKILL, "seen_marker": killed_after,
            "last_marker": lines[-1] if lines else None, "stderr": err[-3000:],
            "begun": "BEGUN" in lines, "seconds": round(time.perf_counter() - t0, 2)}


def _state(wh: Path) -> dict:
    con = warehouse.read_only(wh)
    try:
        return {
            "doc_ids": {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()},
            "sources": con.execute("SELECT count(*), count(DISTINCT (source_path, doc_id)) "
                                   "FROM document_sources").fetchall()[0],
            "runs": dict(con.execute("SELECT status, count(*) FROM runs GROUP BY 1").fetchall()),
            "failing": {k: v for k, v in checks.run_checks(con, ROOT / "sql").items() if v},
            "derived": {t: sorted(con.execute(f"SELECT doc_id, start_char, end_char FROM {t}").fetchall())
                        for t in ("mentions", "quotes", "figures")},
        }
    finally:
        con.close()


def _kinds(n_trials: int, rng: random.Random) -> list[str]:
    """Seeded kill steps: each of STAGE, EXTRACT, IN_LOAD once before any repeats."""
    kinds = ["STAGE", "EXTRACT", "IN_LOAD"]
    return (rng.sample(kinds, 3) + [rng.choice(kinds + ["BEGUN", "LOAD"]) for _ in range(n_trials)])[:n_trials]


def _kill_point(kind: str, first_unloaded: int, n_chunks: int, rng: random.Random) -> tuple[str, float]:
    """A marker in one of the next chunks that still has work, and a random delay after it.

    Inside a load the delay is short (the widened transaction lasts ~0.05 s per table), so the
    kill lands inside it; elsewhere it is 0-0.4 s, anywhere in the step."""
    if kind == "BEGUN":
        return "BEGUN", rng.uniform(0.0, 0.4)
    chunk = min(n_chunks - 1, first_unloaded + rng.randrange(0, 3))
    return f"{kind} {chunk}", rng.uniform(0.0, 0.03) if kind == "IN_LOAD" else rng.uniform(0.0, 0.4)


def _kill_trials(tmp_path: Path, corpus, n_trials: int, seed: int) -> list[dict]:
    src, n_files, n_texts = corpus
    script = tmp_path / "runner.py"
    script.write_text(RUNNER)
    wh = tmp_path / "wh" / "news.duckdb"
    chunk_ids = _chunks_of_new_docs(src)
    trials = []
    rng = random.Random(seed)
    first_unloaded = 0
    for kind in _kinds(n_trials, rng):
        marker, delay = _kill_point(kind, first_unloaded, len(chunk_ids), rng)
        t = _run_and_kill(script, src, wh, marker, delay)
        assert t["killed"] or t["returncode"] == 0, t["stderr"]
        trials.append(t)
        state = _state(wh)  # opens after SIGKILL (DuckDB replays its WAL)
        assert state["failing"] == {}, (t["seen_marker"], state["failing"])
        for k, ids in enumerate(chunk_ids):  # atomic: a chunk's new documents are all in or all out
            present = len(ids & state["doc_ids"])
            assert present in (0, len(ids)), f"chunk {k}: {present} of {len(ids)} documents after {t['seen_marker']}"
        assert state["sources"][0] == state["sources"][1], "a source row was doubled"
        first_unloaded = next((k for k, ids in enumerate(chunk_ids) if not ids <= state["doc_ids"]),
                              len(chunk_ids) - 1)
        t["docs_after"] = len(state["doc_ids"])
    final = _run_and_kill(script, src, wh, None, 0.0)
    assert final["returncode"] == 0, final["stderr"]
    summary = json.loads(final["lines"][-1].split("SUMMARY ", 1)[1])
    assert summary["books_balance"] and summary["files_seen"] == n_files
    state = _state(wh)
    assert state["failing"] == {}
    assert len(state["doc_ids"]) == n_texts == len(set().union(*chunk_ids))
    assert state["sources"] == (n_files, n_files)
    begun_and_killed = sum(1 for t in trials if t["killed"] and t["begun"])
    assert state["runs"].get("running", 0) == 0
    assert state["runs"].get("crashed", 0) == begun_and_killed
    assert state["runs"].get("completed", 0) == 1 + sum(1 for t in trials if not t["killed"])
    # nothing missing, nothing doubled: derived rows equal a clean, uninterrupted run's
    ref_wh = tmp_path / "ref" / "news.duckdb"
    ref = _run_and_kill(script, src, ref_wh, None, 0.0)
    assert ref["returncode"] == 0, ref["stderr"]
    assert state["derived"] == _state(ref_wh)["derived"]
    problems = [p for p in verify_raw_copies(Settings().with_overrides(warehouse=wh)) if p.is_error]
    assert problems == []
    _report(tmp_path, trials, final)
    return trials


def _report(tmp_path: Path, trials: list[dict], final: dict) -> None:
    """Print the figures RELIABILITY.md quotes (visible with -s, and in the log on failure)."""
    for t in trials:
        print(f"trial: kill at {t['marker']!r} +{t['delay']}s -> killed={t['killed']}, last step printed "
              f"{t['last_marker']!r}, {t['docs_after']} documents in the warehouse after it, {t['seconds']}s")
    print(f"final run: {final['seconds']}s")


def test_sigkill_at_three_points_then_rerun_is_consistent(tmp_path, corpus, nlp):
    trials = _kill_trials(tmp_path, corpus, n_trials=3, seed=SEED)
    kinds = {t["seen_marker"].split()[0] for t in trials if t["killed"]}
    assert kinds == {"STAGE", "EXTRACT", "IN_LOAD"}, kinds
    in_load = next(t for t in trials if t["marker"].startswith("IN_LOAD"))
    assert in_load["last_marker"].startswith("IN_LOAD"), "the kill should land inside the load transaction"


@pytest.mark.slow
def test_sigkill_at_twelve_random_points_then_rerun_is_consistent(tmp_path, corpus, nlp):
    trials = _kill_trials(tmp_path, corpus, n_trials=12, seed=SEED + 7)
    assert sum(t["killed"] for t in trials) >= 10


# ---------------------------------------------------------------------------- raw copies


def _small_warehouse(tmp_path: Path, corpus, n: int = 6) -> Settings:
    src, _, _ = corpus
    sub = tmp_path / "few"
    sub.mkdir()
    for p in sorted(src.rglob("a000*.txt"))[:n]:
        (sub / p.name).write_bytes(p.read_bytes())
    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb", batch_docs=10)
    ingest_without_nlp(settings, sub)  # no NLP needed to test raw copies
    return settings


def test_missing_corrupt_and_truncated_raw_copies_are_reported(tmp_path, corpus):
    settings = _small_warehouse(tmp_path, corpus)
    assert verify_raw_copies(settings) == []
    con = warehouse.read_only(settings.warehouse)
    ids = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
    con.close()
    assert len(ids) == 6
    missing, flipped, truncated = ids[0], ids[1], ids[2]
    staging.raw_copy_path(settings.raw_store, missing).unlink()
    p = staging.raw_copy_path(settings.raw_store, flipped)
    data = bytearray(p.read_bytes())
    data[10] ^= 0x01  # one bit of rot, same size
    p.write_bytes(bytes(data))
    p = staging.raw_copy_path(settings.raw_store, truncated)
    p.write_bytes(p.read_bytes()[:-5])
    orphan = "f" * 64
    staging.keep_raw_copy(settings.raw_store, orphan, b"staged, then the run was killed")
    stale = settings.raw_store / "ab" / f".{'ab' * 32}.raw.4242.tmp"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"half")
    got = {(pr.kind, pr.doc_id) for pr in verify_raw_copies(settings)}
    assert got == {("missing", missing), ("corrupt", flipped), ("corrupt", truncated),
                   ("orphan", orphan), ("stale_temp", None)}
    errors = [pr for pr in verify_raw_copies(settings, include_notes=False)]
    assert {pr.kind for pr in errors} == {"missing", "corrupt"} and all(pr.is_error for pr in errors)
    with pytest.raises(ValueError, match="corrupt"):
        staging.read_raw_copy(settings.raw_store, flipped)
    with pytest.raises(FileNotFoundError):
        staging.read_raw_copy(settings.raw_store, missing)


def test_restaging_does_not_repair_a_same_size_corrupt_copy_silently(tmp_path, corpus):
    """keep_raw_copy skips a copy of the right size: bit rot survives a re-run, so verify must catch it."""
    settings = _small_warehouse(tmp_path, corpus, n=2)
    con = warehouse.read_only(settings.warehouse)
    doc_id = con.execute("SELECT min(doc_id) FROM documents").fetchall()[0][0]
    con.close()
    p = staging.raw_copy_path(settings.raw_store, doc_id)
    good = p.read_bytes()
    p.write_bytes(bytes([good[0] ^ 0x20]) + good[1:])
    staging.keep_raw_copy(settings.raw_store, doc_id, good)  # what a re-stage would do
    assert [pr.kind for pr in verify_raw_copies(settings)] == ["corrupt"]
