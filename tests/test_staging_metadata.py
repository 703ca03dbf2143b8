"""Metadata at staging: sidecars paired with their articles, kept beside the raw copy, counted as metadata
in the run's books; documents.url / outlet / published_on from front matter and sidecars (real ingest)."""

from __future__ import annotations

import datetime
import hashlib
import json

import pytest

from helpers import ingest_without_nlp
from newsdesk import checks, staging, warehouse

ARTICLE = ("Harbour council approves quay extension\n\n"
           "PORTSMOUTH - The harbour council voted on Tuesday to extend the old quay by 120 metres, "
           "the council's chair said after the meeting.\n\n"
           "Work is due to start in the spring and to last two years.\n")
FRONT_MATTER_ARTICLE = (
    "---\n"
    "title: Ferry operator adds winter crossings\n"
    "date: 2023-11-02\n"
    "url: https://gazette.example.org/ferries/winter\n"
    "publisher: The Harbour Gazette\n"
    "---\n"
    "Ferry operator adds winter crossings\n\n"
    "Published: 1 November 2023\n\n"
    "The island ferry will sail twice a day through the winter, its operator said on Thursday, after "
    "residents asked for a later evening crossing.\n")
SIDECAR = {  # trafilatura's JSON keys (values made up)
    "title": "Harbour council approves quay extension", "source": "https://gazette.example.org/quay",
    "source-hostname": "The Harbour Gazette", "hostname": "gazette.example.org", "date": "2023-03-21",
    "text": "the article is the .txt file; this is ignored",
}


def _names(found):
    return {f.path.name: (f.reject[0] if f.reject else None, f.sidecar.name if f.sidecar else None,
                          f.metadata_of.name if f.metadata_of else None) for f in found}


def test_discover_pairs_sidecars_with_their_articles(tmp_path):
    for name in ("a.txt", "a.txt.json", "b.txt", "b.json", "00017", "00017.json", "c.txt", "c.html", "c.json",
                 "lonely.json", "d.txt.part", "d.txt.json"):
        (tmp_path / name).write_text("{}" if name.endswith(".json") else ARTICLE)
    assert _names(staging.discover(tmp_path)) == {
        "a.txt": (None, "a.txt.json", None), "a.txt.json": (None, None, "a.txt"),  # the whole name + .json
        "b.txt": (None, "b.json", None), "b.json": (None, None, "b.txt"),  # the stem + .json: one article only
        "00017": (None, "00017.json", None), "00017.json": (None, None, "00017"),  # wire files without suffix
        "c.txt": (None, None, None), "c.html": (None, None, None),  # c.json: two articles named c.* -> whose?
        "c.json": ("unsupported_type", None, None), "lonely.json": ("unsupported_type", None, None),
        # d.txt.json waits with d.txt, which is still being written
    }


def test_discover_of_a_single_file_brings_its_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.txt.json").write_text("{}")
    assert _names(staging.discover(tmp_path / "a.txt")) == {
        "a.txt": (None, "a.txt.json", None), "a.txt.json": (None, None, "a.txt")}


def test_a_sidecar_symlink_outside_the_source_is_rejected_and_not_read(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (tmp_path / "secret.json").write_text(json.dumps({"title": "not yours"}))
    (src / "a.txt").write_text(ARTICLE)
    (src / "a.txt.json").symlink_to(tmp_path / "secret.json")
    names = _names(staging.discover(src))
    assert names["a.txt"] == (None, None, None) and names["a.txt.json"][0] == "outside_source"


def test_stage_chunk_counts_sidecars_as_metadata_and_keeps_their_bytes(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "quay.txt").write_text(ARTICLE)
    side = json.dumps(SIDECAR).encode()
    (src / "quay.txt.json").write_bytes(side)
    (src / "broken.txt").write_text(ARTICLE.replace("Tuesday", "Monday"))
    (src / "broken.txt.json").write_text("{'not': json")
    result = staging.stage_chunk(list(staging.discover(src)), raw_store=tmp_path / "raw", max_bytes=100_000,
                                 known=lambda ids: set(), seen_this_run=set())
    assert result.files == 4 and result.metadata_files == 1 and len(result.new_docs) == 2
    assert [(r.reason, r.source_path.rsplit("/", 1)[-1]) for r in result.rejects] == [("bad_metadata", "broken.txt.json")]
    assert "not valid JSON" in result.rejects[0].detail
    doc = next(d for d in result.new_docs if d.source_path.endswith("quay.txt"))
    assert doc.doc_id == hashlib.sha256(ARTICLE.encode()).hexdigest()  # the article's bytes, not the sidecar's
    assert (doc.article.url, doc.article.outlet) == ("https://gazette.example.org/quay", "The Harbour Gazette")
    assert staging.read_sidecar_copy(tmp_path / "raw", doc.doc_id) == side  # kept beside the raw copy
    assert staging.sidecar_copy_path(tmp_path / "raw", doc.doc_id).name == f"{doc.doc_id}.meta.json"
    other = next(d for d in result.new_docs if d.source_path.endswith("broken.txt"))
    assert other.article.url is None and staging.read_sidecar_copy(tmp_path / "raw", other.doc_id) is None


@pytest.fixture()
def inbox(tmp_path):
    src = tmp_path / "inbox"
    src.mkdir()
    (src / "quay.txt").write_text(ARTICLE)
    (src / "quay.txt.json").write_text(json.dumps(SIDECAR))
    (src / "ferries.md").write_text(FRONT_MATTER_ARTICLE)
    (src / "plain.txt").write_text(ARTICLE.replace("120 metres", "90 metres").replace("PORTSMOUTH - ", ""))
    (src / "stray.json").write_text("{}")  # no article of that name
    return src


def test_ingest_keeps_metadata_in_documents_and_balances_the_books(settings, inbox):
    s = ingest_without_nlp(settings, inbox)
    assert s["books_balance"] and s["status"] == "completed"
    assert (s["files_seen"], s["documents_new"], s["rejected"], s["metadata_files"]) == (5, 3, 1, 1)
    con = warehouse.read_only(settings.warehouse)
    try:
        docs = {row[0].rsplit("/", 1)[-1]: row[1:] for row in con.execute(
            "SELECT s.source_path, d.title, d.title_source, d.url, d.outlet, d.published_on, d.metadata_source, d.body "
            "FROM documents d JOIN document_sources s USING (doc_id)").fetchall()}
        run = con.execute("SELECT files_seen, rejected, metadata_files FROM runs").fetchall()[0]
        reject = con.execute("SELECT reason, detail FROM rejects").fetchall()
        failing = {name: n for name, n in checks.run_checks(con, settings.sql_dir).items() if n}
    finally:
        con.close()
    title, source, url, outlet, day, meta, body = docs["quay.txt"]
    assert (url, outlet, day, meta) == ("https://gazette.example.org/quay", "The Harbour Gazette",
                                        datetime.date(2023, 3, 21), "sidecar")
    assert (title, source) == ("Harbour council approves quay extension", "headline")  # same as the text's
    title, source, url, outlet, day, meta, body = docs["ferries.md"]
    assert (url, outlet, meta) == ("https://gazette.example.org/ferries/winter", "The Harbour Gazette", "front_matter")
    assert day == datetime.date(2023, 11, 2)  # the front matter's date wins over "Published: 1 November 2023"
    assert title == "Ferry operator adds winter crossings"
    assert "publisher" not in body and "title:" not in body and "---" not in body  # front matter is no body
    assert docs["plain.txt"][2:6] == (None, None, None, None)  # nothing says: NULL
    assert run == (5, 1, 1) and failing == {}  # sql/checks/runs_books_balance.sql counts metadata files
    assert reject[0][0] == "unsupported_type" and "metadata of an article" in reject[0][1]


def test_rerun_adds_nothing_and_counts_the_sidecar_again(settings, inbox):
    ingest_without_nlp(settings, inbox)
    s = ingest_without_nlp(settings, inbox)
    assert s["books_balance"] and (s["documents_new"], s["already_seen"], s["metadata_files"]) == (0, 3, 1)



def test_verify_reports_a_lost_sidecar_copy(settings, inbox):
    from newsdesk.verify import verify_raw_copies

    ingest_without_nlp(settings, inbox)
    assert verify_raw_copies(settings) == []
    kept = sorted(settings.raw_store.rglob("*.meta.json"))
    assert len(kept) == 1
    kept[0].unlink()
    problems = verify_raw_copies(settings)
    assert [(p.kind, p.doc_id) for p in problems] == [("missing", kept[0].name.split(".")[0])]
    assert "sidecar" in problems[0].detail
