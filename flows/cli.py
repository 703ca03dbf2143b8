"""The `newsdesk` command line: run, sql, status, check, export, reprocess, evaluate, bench, serve."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from newsdesk.settings import Settings


def _prefect_env() -> None:
    """Quiet, offline-friendly Prefect defaults; anything the user set wins."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _settings(args) -> Settings:
    return Settings.from_env().with_overrides(warehouse=getattr(args, "warehouse", None))


def _die(msg: str, code: int = 2) -> int:
    print(f"newsdesk: {msg}", file=sys.stderr)
    return code


# ---------------------------------------------------------------------------- run


def cmd_run(args) -> int:
    source = Path(args.source).expanduser().resolve()
    if not source.exists():
        return _die(f"source {source} does not exist")
    _prefect_env()
    from newsdesk import pipeline, progress
    from newsdesk.report import summary_text

    bar = _progress_bar() if sys.stderr.isatty() and not args.quiet else None
    if bar:
        progress.set_hook(bar.update)
    from newsdesk.flows.runners import ingest_with_runner

    distributed = args.runner not in ("local", "")
    try:
        flow_fn = ingest_with_runner(args.runner, args.processes or 2)
        summary = flow_fn(source=str(source), warehouse=args.warehouse, batch_docs=args.batch_docs,
                          processes=args.processes, distributed=distributed)
    except pipeline.RunFailed as exc:
        if bar:
            bar.close()
        print(summary_text(exc.summary))
        return _die(f"run failed: {exc}", 1)
    except Exception as exc:  # noqa: BLE001 - the CLI's job is to say what went wrong, plainly
        if bar:
            bar.close()
        return _die(f"run failed: {type(exc).__name__}: {exc}", 1)
    if bar:
        bar.close()
    print(summary_text(summary))
    if args.json:
        print(json.dumps(summary, indent=2, default=str))
    return 0


class _progress_bar:
    """A minimal progress bar on stderr (files done / total)."""

    def __init__(self):
        self.last = ""

    def update(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files"
        sys.stderr.write(line)
        sys.stderr.flush()
        self.last = line

    def close(self) -> None:
        if self.last:
            sys.stderr.write("\n")


# ---------------------------------------------------------------------------- sql


def cmd_sql(args) -> int:
    import duckdb

    from newsdesk import warehouse

    settings = _settings(args)
    query = args.query
    if query.endswith(".sql") and Path(query).is_file():
        query = Path(query).read_text(encoding="utf-8")
    try:
        con = warehouse.read_only(settings.warehouse, settings.read_timeout_s,
                                  external_access=not args.no_external_access)
    except (FileNotFoundError, warehouse.WarehouseBusy) as exc:
        return _die(str(exc))
    try:
        rel = con.sql(query)
        if rel is None:
            return 0
        if args.format == "table":
            rel.show(max_rows=args.max_rows, max_width=args.max_width)
        elif args.format == "csv":
            rel.df().to_csv(args.output or sys.stdout, index=False)
        elif args.format == "json":
            out = rel.df().to_json(orient="records", date_format="iso", force_ascii=False, indent=1)
            if args.output:
                Path(args.output).write_text(out, encoding="utf-8")
            else:
                print(out)
        elif args.format == "parquet":
            if not args.output:
                return _die("--format parquet needs --output FILE")
            rel.to_parquet(args.output)
            print(f"wrote {args.output}")
    except duckdb.Error as exc:
        msg = str(exc)
        if "read-only" in msg or "read_only" in msg:
            return _die("the warehouse is opened read-only for queries: statements that change it "
                        f"(INSERT, UPDATE, DELETE, DROP, CREATE …) are refused and nothing was changed.\n  {msg}")
        return _die(f"query failed: {msg}")
    finally:
        con.close()
    return 0


# ---------------------------------------------------------------------------- status / check / export


def cmd_status(args) -> int:
    from newsdesk import warehouse

    settings = _settings(args)
    try:
        con = warehouse.read_only(settings.warehouse, settings.read_timeout_s)
    except (FileNotFoundError, warehouse.WarehouseBusy) as exc:
        return _die(str(exc))
    try:
        print(f"warehouse {settings.warehouse}")
        counts = warehouse.table_counts(con)
        print("  " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        print("recent runs:")
        con.sql(
            "SELECT run_id[:8] AS run, kind, status, started_at::TIMESTAMP(0) AS started_at, "
            "round(epoch(finished_at - started_at), 1) AS seconds, files_seen, documents_new AS new, "
            "duplicates AS dup, already_seen AS seen, rejected, quotes, figures, validation_failures AS quarantined "
            "FROM runs ORDER BY started_at DESC LIMIT ?", params=[args.limit]
        ).show(max_width=200)
    finally:
        con.close()
    return 0


def cmd_check(args) -> int:
    from newsdesk import checks, warehouse

    settings = _settings(args)
    try:
        con = warehouse.read_only(settings.warehouse, settings.read_timeout_s)
    except (FileNotFoundError, warehouse.WarehouseBusy) as exc:
        return _die(str(exc))
    try:
        results = checks.run_checks(con, settings.sql_dir)
    finally:
        con.close()
    failed = 0
    for name, n in results.items():
        print(f"{'ok  ' if n == 0 else 'FAIL'} {name}: {n} row(s)")
        failed += n > 0
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def cmd_verify(args) -> int:
    from newsdesk import verify

    settings = _settings(args)
    problems = verify.verify_raw_copies(settings)
    print(verify.format_problems(problems))
    return 1 if any(p.is_error for p in problems) else 0


def cmd_export(args) -> int:
    from newsdesk import export, warehouse

    settings = _settings(args)
    try:
        written = export.export_parquet(settings, Path(args.dir))
    except (FileNotFoundError, warehouse.WarehouseBusy) as exc:
        return _die(str(exc))
    for name, (path, rows) in written.items():
        print(f"{rows:>9,}  {path}")
    return 0


# ---------------------------------------------------------------------------- reprocess / serve


def cmd_reprocess(args) -> int:
    settings = _settings(args)
    if not settings.warehouse.exists():
        return _die(f"no warehouse at {settings.warehouse}: run `newsdesk run --source DIR` first")
    _prefect_env()
    from newsdesk.flows.reprocess import reprocess
    from newsdesk import pipeline
    from newsdesk.report import summary_text

    try:
        summary = reprocess(warehouse=str(settings.warehouse), only_stale=args.only_stale,
                            batch_docs=args.batch_docs)
    except pipeline.RunFailed as exc:
        print(summary_text(exc.summary))
        return _die(f"reprocess failed: {exc}", 1)
    except Exception as exc:  # noqa: BLE001 - the CLI's job is to say what went wrong, plainly
        return _die(f"reprocess failed: {type(exc).__name__}: {exc}", 1)
    print(summary_text(summary))
    if args.json:
        print(json.dumps(summary, indent=2, default=str))
    return 0


def cmd_serve(args) -> int:
    """Hand over to scripts/serve.sh (a source checkout's script): it owns the two processes and Ctrl-C."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "serve.sh"
    if not script.is_file():
        return _die(f"{script} not found: `newsdesk serve` runs from a source checkout (make serve)")
    env = dict(os.environ)
    if args.port:
        env["NEWSDESK_PREFECT_PORT"] = str(args.port)
    argv = [str(script)]
    for flag in ("cron", "inbox", "warehouse"):
        if getattr(args, flag):
            argv += [f"--{flag}", str(getattr(args, flag))]
    sys.stdout.flush()
    os.execve(str(script), argv, env)  # replaces this process: signals go straight to the script
    return 0  # not reached


# ---------------------------------------------------------------------------- evaluate


def cmd_evaluate(args) -> int:
    if args.what == "ner":
        from newsdesk.evaluate import ner

        print(ner.format_report(ner.evaluate_ner(args.conll, limit_docs=args.limit)))
    elif args.what == "quotes":
        from newsdesk.evaluate import quotes

        print(quotes.format_report(quotes.evaluate_quotes(args.polnear, split=args.split, limit_docs=args.limit)))
    elif args.what == "figures":
        from newsdesk.evaluate import figures

        print(figures.format_report(figures.evaluate_figures(args.newsquant, limit=args.limit)))
    elif args.what == "seeds":
        from newsdesk.evaluate import seeds

        if not Path(args.seeds).is_dir():
            return _die(f"seeds folder {args.seeds} does not exist")
        print(seeds.format_report(seeds.evaluate_seeds(args.seeds, args.gold or seeds.DEFAULT_GOLD)))
    return 0


def cmd_bench(args) -> int:
    from newsdesk.flows import bench

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        return _die(f"corpus folder {corpus} does not exist")
    return bench.main(str(corpus), args.limit, args.processes, args.batch_docs, not args.no_baseline, args.json)


# ---------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsdesk", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def wh(sp):
        sp.add_argument("--warehouse", help="DuckDB file (default: $NEWSDESK_WAREHOUSE or warehouse/news.duckdb)")

    r = sub.add_parser("run", help="ingest every article file under a folder (a Prefect flow run)")
    r.add_argument("--source", required=True, help="folder of raw article files (read recursively)")
    wh(r)
    r.add_argument("--batch-docs", type=int, help="files per chunk / load transaction")
    r.add_argument("--processes", type=int, help="NLP worker processes (default 1, $NEWSDESK_PROCESSES)")
    r.add_argument("--runner", default="local",
                   help="local (default), dask (a local Dask cluster) or dask://HOST:PORT (an existing one)")
    r.add_argument("--json", action="store_true", help="also print the run summary as JSON")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.set_defaults(func=cmd_run)

    s = sub.add_parser("sql", help="run a read-only query (or a .sql file) against the warehouse")
    s.add_argument("query", help="SQL text or path to a .sql file")
    wh(s)
    s.add_argument("--format", choices=("table", "csv", "json", "parquet"), default="table")
    s.add_argument("--output", help="write to this file instead of stdout (required for parquet)")
    s.add_argument("--max-rows", type=int, default=40)
    s.add_argument("--max-width", type=int, default=160)
    s.add_argument("--no-external-access", action="store_true",
                   help="forbid reading files outside the warehouse (read_csv, read_parquet, COPY)")
    s.set_defaults(func=cmd_sql)

    st = sub.add_parser("status", help="table sizes and recent runs")
    wh(st)
    st.add_argument("--limit", type=int, default=10)
    st.set_defaults(func=cmd_status)

    c = sub.add_parser("check", help="run the zero-row data checks in sql/checks")
    wh(c)
    c.set_defaults(func=cmd_check)

    v = sub.add_parser("verify", help="check every document's raw copy exists and matches its sha256")
    wh(v)
    v.set_defaults(func=cmd_verify)

    e = sub.add_parser("export", help="write every table and view as Parquet")
    e.add_argument("dir")
    wh(e)
    e.set_defaults(func=cmd_export)

    rp = sub.add_parser("reprocess", help="re-run the extractors over the stored documents (no original files "
                        "needed; a Prefect flow run)")
    wh(rp)
    rp.add_argument("--only-stale", action="store_true",
                    help="only documents whose rows were written by an older extractor version")
    rp.add_argument("--batch-docs", type=int, help="documents per chunk / load transaction")
    rp.add_argument("--json", action="store_true", help="also print the run summary as JSON")
    rp.set_defaults(func=cmd_reprocess)

    sv = sub.add_parser("serve", help="local Prefect server + UI and the scheduled inbox deployment "
                        "(scripts/serve.sh; Ctrl-C stops both)")
    sv.add_argument("--cron", help="schedule of the inbox runs (default: $NEWSDESK_SCHEDULE or */15 * * * *)")
    sv.add_argument("--inbox", help="folder the scheduled runs read (default: $NEWSDESK_INBOX or warehouse/inbox)")
    wh(sv)
    sv.add_argument("--port", type=int, help="port of the server on 127.0.0.1 (default: $NEWSDESK_PREFECT_PORT or 4200)")
    sv.set_defaults(func=cmd_serve)

    ev = sub.add_parser("evaluate", help="accuracy against public gold data")
    evs = ev.add_subparsers(dest="what", required=True)
    n = evs.add_parser("ner", help="entities vs CoNLL-2003")
    n.add_argument("--conll", required=True)
    n.add_argument("--limit", type=int)
    q = evs.add_parser("quotes", help="quotes vs PolNeAR")
    q.add_argument("--polnear", required=True)
    q.add_argument("--split", default="dev")
    q.add_argument("--limit", type=int)
    f = evs.add_parser("figures", help="figures vs NewsQuant")
    f.add_argument("--newsquant", required=True)
    f.add_argument("--limit", type=int)
    sd = evs.add_parser("seeds", help="speaker names of the seed articles' quotes vs a careful reader's list")
    sd.add_argument("--seeds", required=True, help="folder of the seed article files (NNN_*.txt)")
    sd.add_argument("--gold", default=None, help="gold list (default: newsdesk/data/seed_quotes.tsv)")
    ev.set_defaults(func=cmd_evaluate)
    b = sub.add_parser("bench", help="throughput of the real flow vs plain spaCy on a corpus")
    b.add_argument("--corpus", required=True)
    b.add_argument("--limit", type=int, help="first N article files (sorted)")
    b.add_argument("--processes", type=int, default=1)
    b.add_argument("--batch-docs", type=int)
    b.add_argument("--no-baseline", action="store_true", help="skip the plain nlp.pipe comparison")
    b.add_argument("--json", help="also write the figures to this JSON file")
    b.set_defaults(func=cmd_bench)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
