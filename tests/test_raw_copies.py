"""Raw copies are kept per warehouse: two warehouses in one folder never see each other's files, and a
warehouse from before (copies in the folder's shared ``raw/``) takes its own files out on its next run."""

from __future__ import annotations

import shutil

from helpers import ingest_without_nlp
from newsdesk import staging, verify
from newsdesk.settings import Settings


def _articles(folder, words):
    folder.mkdir(parents=True)
    for w in words:
        (folder / f"{w}.txt").write_text(f"Harbour {w} opens\n\nLONDON - The {w} opened on Monday, the board said.\n")
    return folder


def test_two_warehouses_in_one_folder_keep_their_own_raw_copies(tmp_path):
    a = Settings().with_overrides(warehouse=tmp_path / "wh" / "a.duckdb")
    b = Settings().with_overrides(warehouse=tmp_path / "wh" / "b.duckdb")
    ingest_without_nlp(a, _articles(tmp_path / "in-a", ["quay", "pier"]))
    ingest_without_nlp(b, _articles(tmp_path / "in-b", ["crane", "dock", "lock"]))
    assert a.raw_store != b.raw_store and a.raw_store.parent == b.raw_store.parent
    assert len(list(a.raw_store.rglob("*.raw"))) == 2 and len(list(b.raw_store.rglob("*.raw"))) == 3
    for s in (a, b):
        assert verify.verify_raw_copies(s) == [], "no missing copies and no orphans from the other warehouse"


def test_a_warehouse_takes_its_files_out_of_the_shared_raw_folder(tmp_path):
    a = Settings().with_overrides(warehouse=tmp_path / "wh" / "a.duckdb")
    b = Settings().with_overrides(warehouse=tmp_path / "wh" / "b.duckdb")
    ingest_without_nlp(a, _articles(tmp_path / "in-a", ["quay", "pier"]))
    ingest_without_nlp(b, _articles(tmp_path / "in-b", ["crane"]))
    shared = a.shared_raw_store  # the layout of before: both warehouses' copies in <folder>/raw
    for s in (a, b):
        shutil.copytree(s.raw_store, shared, dirs_exist_ok=True)
        shutil.rmtree(s.raw_store)
    ingest_without_nlp(a, tmp_path / "in-a")  # the next run of a adopts its own two copies
    assert len(list(a.raw_store.rglob("*.raw"))) == 2
    assert len(list(shared.rglob("*.raw"))) == 1  # b's copy stays until b runs
    assert verify.verify_raw_copies(a) == []
    ingest_without_nlp(b, tmp_path / "in-b")
    assert not shared.exists() and verify.verify_raw_copies(b) == []


def test_adopting_twice_moves_nothing_more(tmp_path):
    own, shared = tmp_path / "own", tmp_path / "shared"
    staging.keep_raw_copy(shared, "ab" + "0" * 62, b"x")
    assert staging.adopt_raw_copies(shared, own, {"ab" + "0" * 62}) == 1
    assert staging.adopt_raw_copies(shared, own, {"ab" + "0" * 62}) == 0
