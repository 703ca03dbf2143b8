"""The run summary as Prefect artifacts and log lines (what an operator sees in the UI).

Every run publishes a markdown artifact (key ``newsdesk-run-summary``: the books, what was
extracted, throughput, seconds per stage, the slowest stage). A run that rejected files also
publishes a table artifact (key ``newsdesk-rejects``): one row per reject reason with the
number of files and up to ``EXAMPLES`` example paths, read from the warehouse's ``rejects`` table.
"""

from __future__ import annotations

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from newsdesk.report import REJECTS_KEY, SUMMARY_KEY, summary_markdown  # noqa: F401 - the keys are used by tests

EXAMPLES = 3


def publish_summary(summary: dict, logger) -> None:
    """Log the run's books in one line and publish its artifacts (never fails the run)."""
    logger.info(
        "run %s %s: %d files seen = %d new + %d duplicates + %d already seen + %d rejected + %d metadata files; "
        "%d documents processed; %d mentions, %d quotes, %d figures, %d validation failures; %.1f words/s",
        summary["run_id"], summary["status"], summary["files_seen"], summary["documents_new"],
        summary["duplicates"], summary["already_seen"], summary["rejected"], summary.get("metadata_files", 0),
        summary["documents_processed"],
        summary["mentions"], summary["quotes"], summary["figures"], summary["validation_failures"],
        summary["words_per_second"] or 0.0,
    )
    kind = summary.get("kind", "ingest")
    create_markdown_artifact(
        key=SUMMARY_KEY, markdown=summary_markdown(summary),
        description=f"newsdesk {kind} run {summary['run_id']} ({summary['status']})",
    )
    if summary.get("rejected"):
        try:
            rows = reject_rows(summary)
        except Exception as exc:  # noqa: BLE001 - an artifact is a courtesy; the run's outcome stands
            logger.warning("could not list the rejects of run %s: %s", summary["run_id"], exc)
            rows = [{"reason": r, "files": n, "examples": "", "detail": ""}
                    for r, n in sorted(summary["reject_reasons"].items())]
        create_table_artifact(
            key=REJECTS_KEY, table=rows,
            description=f"newsdesk run {summary['run_id']}: {summary['rejected']} rejected file(s) by reason",
        )
        for row in rows:
            logger.warning("rejected %d file(s) as %s, e.g. %s", row["files"], row["reason"], row["examples"] or "-")


def reject_rows(summary: dict, timeout_s: float = 5.0) -> list[dict]:
    """One row per reject reason of the run: reason, files, up to EXAMPLES example paths and a detail."""
    from newsdesk import warehouse

    con = warehouse.read_only(summary["warehouse"], timeout_s)
    try:
        rows = con.execute(
            "SELECT reason, count(*) AS files, list(source_path ORDER BY source_path)[1:?] AS examples, "
            "min(detail) AS detail FROM rejects WHERE run_id = ? GROUP BY reason ORDER BY files DESC, reason",
            [EXAMPLES, summary["run_id"]],
        ).fetchall()
    finally:
        con.close()
    found = {r: {"reason": r, "files": int(n), "examples": "; ".join(ex), "detail": d} for r, n, ex, d in rows}
    # a file rejected for the same reason by an earlier run is not recorded again (rejects are
    # insert-if-absent): the summary's counts are authoritative, the table only lends examples
    for reason, n in summary.get("reject_reasons", {}).items():
        row = found.setdefault(reason, {"reason": reason, "files": n,
                                        "examples": "(recorded by an earlier run)", "detail": ""})
        row["files"] = n
    return sorted(found.values(), key=lambda r: (-r["files"], r["reason"]))
