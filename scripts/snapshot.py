"""Snapshot every table and view of a reference warehouse, and compare two snapshots.

The gate of every pure refactor: the outputs must not change. A reference warehouse is built
from samples/, ../shared/seeds, the first 400 BBC articles (sorted path order) and PolNeAR dev;
every table and view is then written as one sorted CSV per relation, leaving out what differs
between runs by nature (run ids, timestamps, timings, the ``runs`` table itself).

    python scripts/snapshot.py build OUT_DIR [--shared ../shared] [--bbc 400]
    python scripts/snapshot.py compare BEFORE_DIR AFTER_DIR

``build`` runs the core pipeline in this process (no Prefect: the orchestration is not what is
compared) and leaves ``OUT_DIR/warehouse.duckdb`` beside the CSV files. ``compare`` prints the
relations that differ, with a few differing lines each, and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Columns that differ between two runs of the same input by nature.
VOLATILE = {"run_id", "flow_run_id", "first_seen_at", "seen_at", "rejected_at", "failed_at", "started_at",
            "finished_at", "applied_at", "last_run_at", "last_seen_at", "first_run_at", "at", "stage_seconds",
            "seconds", "wall_seconds", "words_per_second", "loaded_at", "forgotten_at"}
SKIP = {"runs", "run_history", "schema_migrations"}


def sources(shared: Path, n_bbc: int) -> list[tuple[str, list[Path]]]:
    """(name, files) for each corpus of the reference warehouse."""
    from newsdesk.staging import NOT_ARTICLE

    bbc = sorted(p for p in (shared / "corpus" / "bbc").rglob("*")
                 if p.is_file() and not NOT_ARTICLE.search(p.name))[:n_bbc]
    return [
        ("samples", sorted((ROOT / "samples").glob("*.txt"))),
        ("seeds", sorted((shared / "seeds").glob("*.txt"))),
        ("bbc", bbc),
        ("polnear_dev", sorted((shared / "eval" / "polnear" / "dev" / "text").glob("*.txt"))),
    ]


def build(out: Path, shared: Path, n_bbc: int) -> None:
    sys.path.insert(0, str(ROOT))
    from newsdesk.settings import Settings

    try:  # the chunk loop's home moved in the restructuring; the snapshot works on both sides
        from newsdesk.pipeline import run_ingest
    except ImportError:  # pragma: no cover
        from newsdesk.run import run_ingest  # type: ignore

    if out.exists():
        shutil.rmtree(out)
    src_root = out / "src"
    for name, files in sources(shared, n_bbc):
        for f in files:
            rel = f.relative_to(shared) if f.is_relative_to(shared) else f.relative_to(ROOT)
            dest = src_root / name / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dest)
    db = out / "warehouse.duckdb"
    settings = Settings.from_env().with_overrides(warehouse=db, raw_dir=out / "raw")
    t = time.perf_counter()
    for name, _ in sources(shared, n_bbc):
        summary = run_ingest(settings, src_root / name)
        print(f"{name}: {summary['documents_new']} documents, {summary['quotes']} quotes, "
              f"{summary['figures']} figures, {summary['mentions']} mentions", flush=True)
    print(f"built in {time.perf_counter() - t:.1f}s")
    export(db, out, str(src_root))


def export(db: Path, out: Path, src_prefix: str) -> None:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rels = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
    for rel in rels:
        if rel in SKIP:
            continue
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [rel]).fetchall()]
        keep = [c for c in cols if c not in VOLATILE]
        df = con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in keep)} FROM "{rel}"').df()
        for c in keep:  # paths under this snapshot's own folder
            if any(isinstance(v, str) for v in df[c]):  # (Series.map keeps a datetime column's dtype)
                df[c] = df[c].map(lambda v: v.replace(src_prefix, "<src>") if isinstance(v, str) else v)
        df = df.sort_values(keep, kind="mergesort", na_position="first").reset_index(drop=True) if keep else df
        df.to_csv(out / f"{rel}.csv", index=False)
        print(f"  {rel}: {len(df)} rows")
    con.close()


def compare(before: Path, after: Path) -> int:
    a = {p.name for p in before.glob("*.csv")}
    b = {p.name for p in after.glob("*.csv")}
    bad = 0
    for name in sorted(a | b):
        if name not in a or name not in b:
            print(f"{name}: only in {'before' if name in a else 'after'}")
            bad += 1
            continue
        x = (before / name).read_text(encoding="utf-8").splitlines()
        y = (after / name).read_text(encoding="utf-8").splitlines()
        if x == y:
            print(f"same  {name} ({len(x) - 1} lines)")
            continue
        bad += 1
        print(f"DIFF  {name}: {len(x) - 1} lines before, {len(y) - 1} after")
        for line in list(difflib.unified_diff(x, y, lineterm="", n=0))[2:12]:
            print("   ", line[:240])
    print("identical" if not bad else f"{bad} relation(s) differ")
    return 1 if bad else 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out", type=Path)
    b.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    b.add_argument("--bbc", type=int, default=400)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = p.parse_args()
    if args.cmd == "build":
        if not (args.shared / "seeds").is_dir():
            print(f"snapshot: {args.shared} has no seeds/ (need ../shared)", file=sys.stderr)
            return 2
        build(args.out.resolve(), args.shared.resolve(), args.bbc)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
