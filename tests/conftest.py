"""Shared fixtures: the spaCy model once per session, paths to ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# `newsdesk run` leaves a Prefect server running in the background for later runs; tests that
# run the command ask for a temporary one instead (tests/test_cli_server.py checks the default).
os.environ.setdefault("NEWSDESK_PREFECT_SERVER", "temporary")
# one process unless a test asks for workers (each worker loads the model: seconds per test)
os.environ.setdefault("NEWSDESK_PROCESSES", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from newsdesk.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): shared data only exists in the team workspace")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is absent")
    return seeds


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One temporary Prefect server for the whole session (it takes seconds to start)."""
    import os

    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def settings(tmp_path):
    """Settings pointing at a fresh warehouse in tmp_path."""
    from newsdesk.settings import Settings

    return Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb", batch_docs=3)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return ROOT / "samples"
