"""A run over a folder with nothing new is recognised before any heavy import and recorded cheaply:
a row in ``runs`` (that passes the contract), and a completed flow run when a Prefect server answers.
Anything a run must look at sends it down the full pipeline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from helpers import ingest_without_nlp
from newsdesk import schemas, unchanged
from newsdesk.settings import Settings

BIN = Path(sys.executable).parent


@pytest.fixture()
def folder(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for w in ("quay", "pier", "crane"):
        (src / f"{w}.txt").write_text(f"Harbour {w} opens\n\nLONDON - The {w} opened on Monday, the board said.\n")
    (src / "blank.txt").write_text("\n\n")  # rejected: a run rejects it again, for the same reason
    return src


@pytest.fixture()
def settings(tmp_path, folder) -> Settings:
    s = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb")
    ingest_without_nlp(s, folder)
    return s


def test_an_unchanged_folder_is_recognised_with_its_books(settings, folder):
    books = unchanged.check(settings, folder)
    assert books is not None
    assert (books.files_seen, books.already_seen, books.rejected, books.reject_reasons) == (4, 3, 1, {"whitespace_only": 1})


def test_its_run_row_passes_the_contract_and_balances(settings, folder):
    summary = unchanged.record(settings, unchanged.check(settings, folder))
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        row = con.execute("SELECT * FROM runs WHERE run_id = ?", [summary["run_id"]]).df()
    finally:
        con.close()
    schemas.Runs.validate(row)
    r = row.iloc[0]
    assert r["status"] == "completed" and pd.isna(r["flow_run_id"])
    assert r["files_seen"] == r["already_seen"] + r["rejected"] + r["documents_new"] + r["duplicates"]


@pytest.mark.parametrize("change", ["new text", "changed text", "new path of a known text", "pending migration"])
def test_anything_a_run_must_look_at_goes_down_the_full_pipeline(settings, folder, change, tmp_path):
    if change == "new text":
        (folder / "dock.txt").write_text("Dock opens\n\nThe dock opened, the board said.\n")
    elif change == "changed text":
        (folder / "quay.txt").write_text("Harbour quay opens late\n\nThe quay opened on Tuesday.\n")
    elif change == "new path of a known text":
        shutil.copy(folder / "pier.txt", folder / "pier-copy.txt")
    else:
        sql = tmp_path / "sql"
        shutil.copytree(settings.sql_dir, sql)
        (sql / "migrations" / "999_later.sql").write_text("ALTER TABLE runs ADD COLUMN IF NOT EXISTS later INTEGER;\n")
        settings = settings.with_overrides(sql_dir=sql)
    assert unchanged.check(settings, folder) is None


def test_the_command_records_an_unchanged_run_without_importing_prefect_or_pandas(settings, folder, tmp_path):
    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api"}  # nothing answers: runs table only
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "newsdesk.flows", "run", "--source", str(folder),
                           "--warehouse", str(settings.warehouse)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "nothing new" in done.stdout and "runs table only" in done.stdout
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert not {"prefect", "pandas", "pandera", "spacy"} & imported


def test_files_turned_away_unread_count_as_rejected_again(settings, folder):
    """A dataset README beside the articles is rejected by name, before it is read: a run that saw it
    before rejects it again for the same reason, so the folder is still unchanged."""
    (folder / "README.TXT").write_text("About this dataset\n")
    assert unchanged.check(settings, folder) is None  # not recorded yet: a run must record the reject
    ingest_without_nlp(settings, folder)
    books = unchanged.check(settings, folder)
    assert books is not None and books.reject_reasons == {"whitespace_only": 1, "not_article": 1}
    assert books.files_seen == 5 and books.already_seen == 3
