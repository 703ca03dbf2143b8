"""Packaging: the wheel (not an editable install) carries the whole program and runs from anywhere.

The repository keeps flows/, schemas/ and sql/ at the top level; the wheel ships them as
newsdesk.flows, newsdesk.schemas and newsdesk/sql (pyproject's package-dir mapping), and never
installs top-level packages named ``flows`` or ``schemas``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _package_folders() -> set[str]:
    """Dotted names of every package folder of the program (newsdesk/, flows/, schemas/)."""
    names = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "newsdesk").rglob("__init__.py")}
    mapped = {v: k for k, v in PYPROJECT["tool"]["setuptools"]["package-dir"].items()}
    for folder, name in mapped.items():
        names |= {name + "".join("." + part for part in p.parent.relative_to(ROOT / folder).parts)
                  for p in (ROOT / folder).rglob("__init__.py")}
    return names


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert _package_folders() - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 and "No matching distribution" in done.stderr:
        pytest.skip(f"setuptools for the build is not installable here: {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr[-2000:]
    return next(out.glob("newsdesk-*.whl"))


def test_the_wheel_holds_flows_schemas_and_sql_inside_the_newsdesk_namespace(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.startswith("newsdesk-")}
    assert top == {"newsdesk"}, top
    for must in ("newsdesk/flows/ingest.py", "newsdesk/schemas/__init__.py", "newsdesk/sql/migrations/001_init.sql",
                 "newsdesk/sql/views/speakers.sql", "newsdesk/data/reporting_verbs.tsv"):
        assert must in names, must


def test_an_installed_wheel_runs_from_another_directory(wheel, tmp_path, samples_dir):
    """`pip install .` then `newsdesk run` elsewhere: migrations found in the package, and the
    relative warehouse path resolved against the working directory."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    work = tmp_path / "elsewhere"
    (work / "in").mkdir(parents=True)
    shutil.copy(sorted(samples_dir.glob("*.txt"))[0], work / "in")
    env = {**os.environ, "PYTHONPATH": str(target), "PREFECT_HOME": str(tmp_path / "prefect"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env = {k: v for k, v in env.items() if not k.startswith("NEWSDESK_") and k != "PREFECT_API_URL"}
    # the defaults a user gets (a background Prefect server), on a free port, stopped afterwards
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        env["NEWSDESK_PREFECT_PORT"] = str(s.getsockname()[1])
    code = "import sys, newsdesk.flows.cli as c; print(c.__file__, file=sys.stderr); sys.exit(c.main(sys.argv[1:]))"
    try:
        done = subprocess.run([sys.executable, "-c", code, "run", "--source", "in", "--warehouse", "out/news.duckdb",
                               "--quiet"], cwd=work, env=env, capture_output=True, text=True, timeout=600)
    finally:
        subprocess.run([str(Path(sys.executable).with_name("prefect")), "server", "stop"], env=env,
                       capture_output=True, timeout=60)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    assert done.stderr.startswith(str(target)), "the run must use the installed wheel, not the checkout"
    assert "files seen 1 = new 1 +" in done.stdout, done.stdout
    con = duckdb.connect(str(work / "out" / "news.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == 1
        assert con.execute("SELECT count(*) FROM quotes").fetchall()[0][0] > 0
    finally:
        con.close()
