"""The run summary as a Prefect artifact and log lines (what an operator sees in the UI)."""

from __future__ import annotations

from prefect.artifacts import create_markdown_artifact

from newsdesk.report import summary_markdown


def publish_summary(summary: dict, logger) -> None:
    logger.info(
        "run %s %s: %d files seen = %d new + %d duplicates + %d already seen + %d rejected; "
        "%d mentions, %d quotes, %d figures, %d validation failures; %.1f words/s",
        summary["run_id"], summary["status"], summary["files_seen"], summary["documents_new"],
        summary["duplicates"], summary["already_seen"], summary["rejected"], summary["mentions"],
        summary["quotes"], summary["figures"], summary["validation_failures"],
        summary["words_per_second"] or 0.0,
    )
    create_markdown_artifact(
        key="newsdesk-run-summary", markdown=summary_markdown(summary),
        description=f"newsdesk run {summary['run_id']} ({summary['status']})",
    )
