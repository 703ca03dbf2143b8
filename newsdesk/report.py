"""Human-readable run summaries (CLI output and the Prefect artifact)."""

from __future__ import annotations

# keys of the Prefect artifacts a run publishes (flows/report.py)
SUMMARY_KEY = "newsdesk-run-summary"
REJECTS_KEY = "newsdesk-rejects"
# what each timed step of a run is called in a sentence
STEP_NAMES = {"model_load": "loading the model", "discover": "listing files", "stage": "staging",
              "nlp": "spaCy", "entities": "entities", "quotes": "quotes", "figures": "figures",
              "validate": "validation", "load": "loading", "unchanged_check": "checking for new texts"}


def _slowest(secs: dict) -> tuple[str, float]:
    if not secs:
        return "-", 0.0
    step, seconds = max(secs.items(), key=lambda kv: kv[1])
    return STEP_NAMES.get(step, step), seconds


def summary_markdown(s: dict) -> str:
    """Markdown summary of one run: the books, what was extracted, speed, the slowest stage, rejects."""
    secs = s.get("seconds", {})
    slowest = _slowest(secs)
    lines = [
        f"# newsdesk run `{s['run_id']}` — {s['status']}",
        "",
        f"Source `{s['source']}` → warehouse `{s['warehouse']}`",
        "",
        "| files seen | new documents | duplicates | already seen | rejected | metadata files | books balance |",
        "|---:|---:|---:|---:|---:|---:|:---:|",
        f"| {s['files_seen']} | {s['documents_new']} | {s['duplicates']} | {s['already_seen']} | "
        f"{s['rejected']} | {s.get('metadata_files', 0)} | {'yes' if s.get('books_balance') else 'NO'} |",
        "",
        "| documents processed | words | mentions | quotes | figures | validation failures |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {s['documents_processed']} | {s['words']} | {s['mentions']} | {s['quotes']} | {s['figures']} | "
        f"{s['validation_failures']} |",
        "",
        f"Wall time {s['wall_seconds']:.1f} s · {s.get('words_per_second') or 0:,.0f} words/s · "
        f"slowest step: **{slowest[0]}** ({slowest[1]:.1f} s)",
        "",
        "| stage | seconds |",
        "|---|---:|",
        *[f"| {k} | {v:.2f} |" for k, v in secs.items()],
    ]
    if s.get("reject_reasons"):
        lines += ["", "Rejects by reason:", "", "| reason | files |", "|---|---:|",
                  *[f"| {k} | {v} |" for k, v in sorted(s["reject_reasons"].items())]]
    if s.get("error"):
        lines += ["", f"**Error:** {s['error']}"]
    return "\n".join(lines)


def _workers(s: dict) -> str:
    n = s.get("processes", 1)
    return "the model in this process" if n <= 1 else f"{n} NLP worker processes"


def summary_text(s: dict) -> str:
    """A few plain lines for the terminal."""
    slowest = _slowest(s.get("seconds", {}))
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(s.get("reject_reasons", {}).items())) or "none"
    books = [
        f"run {s['run_id']} {s['status']} in {s['wall_seconds']:.1f}s → {s['warehouse']}",
        f"  files seen {s['files_seen']} = new {s['documents_new']} + duplicates {s['duplicates']}"
        f" + already seen {s['already_seen']} + rejected {s['rejected']} ({reasons})"
        f" + metadata files {s.get('metadata_files', 0)}",
    ]
    if s.get("unchanged"):
        return "\n".join([*books, "  nothing new: every file is a text the warehouse already holds at its path "
                                  "(or rejected before); no model or flow needed"])
    return "\n".join([
        *books,
        f"  extracted from {s['documents_processed']} documents ({s['words']:,} words): {s['mentions']} mentions,"
        f" {s['quotes']} quotes, {s['figures']} figures; {s['validation_failures']} rows quarantined",
        f"  {s.get('words_per_second') or 0:,.0f} words/s with {_workers(s)}; slowest step: {slowest[0]} ({slowest[1]:.1f}s)",
    ])
