"""The bad-input zoo: every awkward file ends as a document or as a reject with a reason.

One folder holds every case; it is run once through the core steps (begin → discover → stage →
extract → validate → load → finish, as in tests/test_pipeline.py, no Prefect). Files deleted,
truncated or made unreadable "while the run reads the folder" are changed between
``pipeline.discover`` and ``pipeline.stage``, which is exactly the window a real run has.

Each case is then a parametrized test asserting its outcome (document with some property, or
reject with the expected reason); the run as a whole must balance its books and pass the
zero-row checks in sql/checks.

Unreadable permissions: the tests usually run as root, where ``chmod 000`` does not stop a read.
The file is chmod'ed 000 anyway; when ``os.access`` says it is still readable (root), the read is
made to fail the way the kernel would for a normal user (``PermissionError`` from
``staging.read_file``), so the code path that turns a failed read into a reject is tested either way.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from newsdesk import checks, pipeline, staging, warehouse
from newsdesk.settings import Settings


def _article(topic: str, n: int) -> str:
    """A short distinct article (distinct bytes, so no case is a duplicate of another)."""
    return (
        f"Council backs {topic} plan number {n}\n\n"
        f"LONDON - The city council on Monday approved a {topic} plan that will cost 2,{n:03d} pounds "
        f"per household by 2030, officials said.\n\n"
        f"\"We are moving ahead with the {topic} work,\" council leader Maria Lopez told reporters.\n"
    )


@dataclass(frozen=True)
class Case:
    """One zoo file: how to make it and what it must become."""

    name: str
    make: Callable[[Path], None]  # writes the file (path is the file's path)
    outcome: str  # "document" or the reject reason
    check: Callable[[dict], None] | None = None  # extra assertion on the document / reject row
    after_discover: Callable[[Path], None] | None = None  # change it between discover and stage
    xfail: str | None = None


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda p: os.symlink(target, p)


def _loop(p: Path) -> None:
    os.symlink(p.name + ".b", p)
    os.symlink(p.name, p.with_name(p.name + ".b"))  # the partner is part of the loop


def _sparse(size: int) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        with open(p, "wb") as fh:
            fh.write(_article("oversized", 50).encode())
            fh.truncate(size)  # sparse: costs no disk and no time to write
    return make


def _truncate_to(n_bytes: int | None) -> Callable[[Path], None]:
    def change(p: Path) -> None:
        size = p.stat().st_size
        with open(p, "r+b") as fh:
            fh.truncate(n_bytes if n_bytes is not None else size // 2)
    return change


def _body_has(*parts: str, absent: tuple[str, ...] = ()) -> Callable[[dict], None]:
    def check(row: dict) -> None:
        for part in parts:
            assert part in row["body"], (part, row["body"][:300])
        for part in absent:
            assert part not in row["body"], (part, row["body"][:300])
    return check


def _encoding(enc: str, *parts: str) -> Callable[[dict], None]:
    def check(row: dict) -> None:
        assert row["encoding"] == enc
        _body_has(*parts)(row)
    return check


def _detail_has(text: str) -> Callable[[dict], None]:
    def check(row: dict) -> None:
        assert text.lower() in row["detail"].lower(), row["detail"]
    return check


LONG_SENTENCE = "The harbour board met again on Tuesday and voted 7 to 2 to extend the quay by 40 metres. "
LONG_LINE = (LONG_SENTENCE * 20 + "Photo: data:image/png;base64,"
             + base64.b64encode(random.Random(200).randbytes(147_000)).decode() + " " + LONG_SENTENCE * 20)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Site | Harbour</title><style>p{color:red}</style></head>"
    "<body><nav><a href='/'>Home</a></nav><h1>Harbour board approves quay extension</h1>"
    "<p>DOVER - The harbour board on Tuesday approved a &pound;40 million extension of the quay, "
    "its chairman said.</p><p>Work will start in <b>May</b> and last two years.</p>"
    "<script>var tracker = 1;</script><footer>Copyright Site</footer></body></html>"
)
MIXED_EOL = _article("mixed line ending", 9).replace("\n\n", "\r\n\r\n", 1).replace('\n\n"', '\r\r"', 1)
CP1252 = _article("smart quote", 11).replace('"', "\u201c", 1).replace('," council', ",\u201d council")
LATIN1 = _article("latin", 12).replace("pounds", "\u00a3 (caf\u00e9 d\u00e9j\u00e0 vu)")

CASES = [
    Case("empty.txt", _write(b""), "empty"),
    Case("whitespace_only.txt", _write(b"  \n\t\n \r\n\xc2\xa0\n"), "whitespace_only"),
    Case("binary.txt", _write(bytes(range(256)) * 40), "binary"),
    Case("zip_as_text.txt", _write(b"PK\x03\x04\x14\x00\x06\x00" + os.urandom(2000)), "binary"),
    # documented choice in newsdesk.cleaning.decode: any NUL outside UTF-16 means binary
    Case("nul_inside_text.txt", _write(_article("nul", 3).encode().replace(b"Monday", b"Mon\x00day")), "binary"),
    Case("utf16_bom.txt", _write(_article("utf-16 bom", 4).encode("utf-16")), "document",
         _encoding("utf-16", "utf-16 bom plan")),
    Case("utf16le_no_bom.txt", _write(_article("utf-16 le", 5).encode("utf-16-le")), "document",
         _encoding("utf-16-le", "utf-16 le plan")),
    Case("utf16be_no_bom.txt", _write(_article("utf-16 be", 6).encode("utf-16-be")), "document",
         _encoding("utf-16-be", "utf-16 be plan")),
    Case("utf32_bom.txt", _write(_article("utf-32", 7).encode("utf-32")), "document",
         _encoding("utf-32", "utf-32 plan")),
    Case("latin1.txt", _write(LATIN1.encode("latin-1")), "document",
         _encoding("cp1252", "\u00a3 (caf\u00e9 d\u00e9j\u00e0 vu)")),
    Case("cp1252_smart_quotes.txt", _write(CP1252.encode("cp1252")), "document",
         _encoding("cp1252", "\u201cWe are moving", "work,\u201d council")),
    Case("mixed_line_endings.txt", _write(MIXED_EOL.encode()), "document",
         _body_has("mixed line ending plan", "\n\nLONDON", absent=("\r",))),
    # one line of text is a document (DESIGN: its line is both title and body)
    Case("one_line_headline.txt", _write(b"Markets rally as inflation cools across Europe"), "document",
         _body_has("Markets rally as inflation cools across Europe")),
    Case("one_line_sentence.txt", _write(b"Markets rallied on Monday as inflation cooled across Europe, traders said."),
         "document", _body_has("inflation cooled across Europe")),
    # a 200 KB line as it happens in practice: prose with a pasted inline image (keeps the NLP cheap;
    # 200 KB of pure prose is test_200kb_prose_line, marked slow)
    Case("one_200kb_line.txt", _write(LONG_LINE.encode()), "document",
         lambda row: (_body_has("harbour board")(row), None)[1] if row["n_chars"] > 190_000 else
         pytest.fail(f"200 KB line shrank to {row['n_chars']} chars")),
    Case("fifty_mb.txt", _sparse(50 * 1024 * 1024), "too_large",
         lambda row: (_detail_has("52,428,800 bytes")(row), None)[1] if row["size_bytes"] == 50 * 1024 * 1024
         else pytest.fail(f"size_bytes {row['size_bytes']}")),
    # HTML saved as .txt: tags are STRIPPED (not rejected); script/nav/footer content dropped
    Case("html_saved_as.txt", _write(HTML_PAGE.encode()), "document",
         lambda row: (_body_has("Harbour board approves quay extension", "\u00a340 million", "in May and",
                                absent=("<", ">", "tracker", "color:red", "Copyright"))(row),
                      None)[1]),
    Case("unreadable.txt", _write(_article("locked", 13).encode()), "unreadable",
         _detail_has("permission denied"), after_discover=lambda p: p.chmod(0)),
    Case("broken_symlink.txt", _symlink("does-not-exist.txt"), "unreadable", _detail_has("broken symlink")),
    Case("symlink_loop.txt", _loop, "unreadable", _detail_has("symlink loop")),
    Case("deleted_after_discovery.txt", _write(_article("vanishing", 14).encode()), "unreadable",
         _detail_has("no such file"), after_discover=lambda p: p.unlink()),
    Case("truncated_to_zero.txt", _write(_article("truncated zero", 15).encode()), "empty",
         after_discover=_truncate_to(0)),
    Case("truncated_to_half.txt", _write(_article("truncated half", 16).encode()), "document",
         _body_has("truncated half plan"), after_discover=_truncate_to(None)),
    Case("name with  spaces.txt", _write(_article("spaces", 17).encode()), "document", _body_has("spaces plan")),
    Case("name\nwith\nnewlines.txt", _write(_article("newline", 18).encode()), "document",
         _body_has("newline plan")),
    Case("Zürich – 北京 ünïcødé ✓.txt", _write(_article("unicode name", 19).encode()), "document",
         _body_has("unicode name plan")),
    Case("tab\tand 'quotes' \"double\".txt", _write(_article("odd name", 20).encode()), "document",
         _body_has("odd name plan")),
]
CASE_BY_NAME = {c.name: c for c in CASES}


class _PermissionDeniedForRoot:
    """Make ``staging.read_file`` fail like the kernel would for files a non-root user cannot read.

    Only used when the tests run as root (``os.access`` says a mode-000 file is readable)."""

    def __init__(self, real):
        self.real = real
        self.denied: set[str] = set()

    def __call__(self, path: Path, max_bytes: int) -> bytes:
        if str(path) in self.denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return self.real(path, max_bytes)


def _run_steps(settings: Settings, source: Path, between: Callable[[], None] = lambda: None) -> dict:
    return pipeline.run_ingest(settings, source, after_discover=between)


@pytest.fixture(scope="module")
def zoo(tmp_path_factory):
    """Build the zoo, run it once; return (settings, source, summary, outcomes by file name, mode)."""
    root = tmp_path_factory.mktemp("zoo")
    src = root / "in"
    src.mkdir()
    for case in CASES:
        case.make(src / case.name)
    settings = Settings().with_overrides(warehouse=root / "wh" / "news.duckdb", batch_docs=100)
    spy = _PermissionDeniedForRoot(staging.read_file)
    mode = {"permissions": "kernel"}

    def between() -> None:
        for case in CASES:
            if case.after_discover:
                case.after_discover(src / case.name)
        locked = src / "unreadable.txt"
        if os.access(locked, os.R_OK):  # running as root: chmod 000 does not stop reads
            spy.denied.add(str(locked))
            mode["permissions"] = "simulated (root ignores mode 000)"

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(staging, "read_file", spy)
        t = time.perf_counter()
        summary = _run_steps(settings, src, between)
        wall = time.perf_counter() - t
    (src / "unreadable.txt").chmod(0o644)

    con = warehouse.read_only(settings.warehouse)
    try:
        docs = con.execute(
            "SELECT s.source_path, d.* FROM document_sources s JOIN documents d USING (doc_id)").df()
        rejects = con.execute("SELECT * FROM rejects").df()
        quarantined = con.execute("SELECT * FROM validation_failures").df()
        check_results = checks.run_checks(con, settings.sql_dir)
    finally:
        con.close()
    outcomes: dict[str, list[tuple[str, dict]]] = {}
    for row in docs.to_dict("records"):
        outcomes.setdefault(Path(row["source_path"]).name, []).append(("document", row))
    for row in rejects.to_dict("records"):
        outcomes.setdefault(Path(row["source_path"]).name, []).append((row["reason"], row))
    return dict(settings=settings, src=src, summary=summary, outcomes=outcomes, checks=check_results,
                quarantined=quarantined, mode=mode["permissions"], wall=wall)


def _params():
    out = []
    for c in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else []
        out.append(pytest.param(c.name, id=c.name.encode("unicode_escape").decode(), marks=marks))
    return out


@pytest.mark.parametrize("name", _params())
def test_zoo_case_ends_as_expected(zoo, name):
    case = CASE_BY_NAME[name]
    got = zoo["outcomes"].get(name, [])
    assert len(got) == 1, f"{name!r} should be accounted for exactly once, got {[g[0] for g in got]}"
    outcome, row = got[0]
    assert outcome == case.outcome, (outcome, row.get("detail"))
    if case.outcome != "document":
        assert row["detail"], "a reject must say why"
    if case.check:
        case.check(row)


def test_zoo_run_balances_its_books_and_passes_checks(zoo):
    s = zoo["summary"]
    assert s["status"] == "completed" and s["books_balance"]
    # the symlink loop's partner file is a second loop member, so one more file than cases
    assert s["files_seen"] == len(CASES) + 1
    assert s["files_seen"] == s["documents_new"] + s["duplicates"] + s["already_seen"] + s["rejected"]
    assert {k: v for k, v in zoo["checks"].items() if v} == {}
    # every file seen is a document source, a reject row, or a quarantined document (validation_failures)
    accounted = sum(len(v) for v in zoo["outcomes"].values())
    q = zoo["quarantined"]
    quarantined_docs = q.loc[q["table_name"] == "documents", "doc_id"].nunique() if len(q) else 0
    assert accounted + quarantined_docs == s["files_seen"]


def test_zoo_rerun_adds_nothing(zoo):
    """A second run over the (now changed) zoo: nothing new, no doubles, checks still pass."""
    before = _table_counts(zoo["settings"])
    q = zoo["quarantined"]
    quarantined_docs = q.loc[q["table_name"] == "documents", "doc_id"].nunique() if len(q) else 0
    s = _run_steps(zoo["settings"], zoo["src"])
    # new: only unreadable.txt (readable again) and any document quarantined last time (retried)
    assert s["books_balance"] and s["documents_new"] == 1 + quarantined_docs
    assert s["already_seen"] == sum(1 for c in CASES if c.outcome == "document") - quarantined_docs
    after = _table_counts(zoo["settings"])
    assert after["documents"] == before["documents"] + 1
    assert after["document_sources"] == before["document_sources"] + 1
    con = warehouse.read_only(zoo["settings"].warehouse)
    try:
        assert {k: v for k, v in checks.run_checks(con, zoo["settings"].sql_dir).items() if v} == {}
    finally:
        con.close()


def _table_counts(settings: Settings) -> dict[str, int]:
    con = warehouse.read_only(settings.warehouse)
    try:
        return warehouse.table_counts(con)
    finally:
        con.close()


def test_fifty_mb_file_is_rejected_without_reading_it_all(tmp_path):
    """Only max_bytes + 1 bytes are read, so a 50 MB file costs a bounded read."""
    src = tmp_path / "in"
    src.mkdir()
    big = src / "big.txt"
    with open(big, "wb") as fh:  # real (non-sparse) repeated text: the read is not free
        chunk = (LONG_SENTENCE * 100).encode()
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    reads: list[int] = []
    real = staging.read_file

    def counting(path, max_bytes):
        data = real(path, max_bytes)
        reads.append(len(data))
        return data

    max_bytes = 5 * 1024 * 1024
    staging.read_file, saved = counting, staging.read_file
    try:
        t = time.perf_counter()
        result = staging.stage_chunk(list(staging.discover(src)), raw_store=tmp_path / "raw",
                                     max_bytes=max_bytes, known=lambda ids: set(), seen_this_run=set())
        seconds = time.perf_counter() - t
    finally:
        staging.read_file = saved
    assert [r.reason for r in result.rejects] == ["too_large"]
    assert result.rejects[0].size_bytes == big.stat().st_size > 50 * 1024 * 1024
    assert reads == [max_bytes + 1] and result.bytes_read == max_bytes + 1
    assert seconds < 2.0, f"rejecting a 50 MB file took {seconds:.2f}s"
    assert not (tmp_path / "raw").exists() or not any((tmp_path / "raw").rglob("*.raw"))


def test_permission_denied_is_a_reject_with_the_os_reason(tmp_path, monkeypatch):
    """The read-failure path on its own: a PermissionError from the read becomes 'unreadable'."""
    src = tmp_path / "in"
    src.mkdir()
    path = src / "locked.txt"
    path.write_text(_article("locked again", 21))
    path.chmod(0)
    if os.access(path, os.R_OK):  # root: make the read fail as it would for an analyst account
        spy = _PermissionDeniedForRoot(staging.read_file)
        spy.denied.add(str(path))
        monkeypatch.setattr(staging, "read_file", spy)
    result = staging.stage_chunk(list(staging.discover(src)), raw_store=tmp_path / "raw",
                                 max_bytes=1 << 20, known=lambda ids: set(), seen_this_run=set())
    path.chmod(0o644)
    assert [(r.reason, "Permission denied" in r.detail) for r in result.rejects] == [("unreadable", True)]
    assert result.new_docs == [] and result.files == 1


def test_shared_badinput_files_are_accounted_for(shared_dir, tmp_path):
    """The team's ../shared/badinput files: each ends as a document or a reject; the books balance."""
    bad = shared_dir / "badinput"
    if not bad.is_dir():
        pytest.skip(f"{bad} is absent")
    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb", batch_docs=50)
    s = _run_steps(settings, bad)
    assert s["books_balance"] and s["files_seen"] == len([p for p in bad.rglob("*") if p.is_file()])
    con = warehouse.read_only(settings.warehouse)
    try:
        paths = [r[0] for r in con.execute(
            "SELECT source_path FROM document_sources UNION ALL SELECT source_path FROM rejects").fetchall()]
        assert {k: v for k, v in checks.run_checks(con, settings.sql_dir).items() if v} == {}
        latin = con.execute(
            "SELECT d.encoding, d.body FROM documents d JOIN document_sources s USING (doc_id) "
            "WHERE s.source_path LIKE '%latin1_pound_sign.txt'").fetchall()
    finally:
        con.close()
    assert sorted(paths) == sorted(str(p) for p in bad.rglob("*") if p.is_file())
    if (bad / "latin1_pound_sign.txt").exists():
        assert len(latin) == 1 and latin[0][0] in ("cp1252", "latin-1") and "\u00a3" in latin[0][1]


def test_hostile_names_are_recorded_verbatim_and_raw_copies_use_the_hash(zoo):
    """Source paths keep their odd characters; raw copies are named by sha256 of the bytes."""
    for name in ("name with  spaces.txt", "name\nwith\nnewlines.txt", "Zürich – 北京 ünïcødé ✓.txt"):
        (outcome, row), = zoo["outcomes"][name]
        assert row["source_path"] == str(zoo["src"] / name)
        data = (zoo["src"] / name).read_bytes()
        assert row["doc_id"] == hashlib.sha256(data).hexdigest()
        raw = staging.raw_copy_path(zoo["settings"].raw_store, row["doc_id"])
        assert raw.read_bytes() == data and raw.name == f"{row['doc_id']}.raw"


@pytest.mark.slow
def test_200kb_prose_line(tmp_path):
    """200 KB of prose on one line (~40k tokens): a document, spans valid (slow: ~15-40 s of NLP)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "prose.txt").write_text(LONG_SENTENCE * 2300)
    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb")
    s = _run_steps(settings, src)
    assert s["documents_new"] == 1 and s["books_balance"] and s["figures"] > 0
    con = warehouse.read_only(settings.warehouse)
    try:
        assert {k: v for k, v in checks.run_checks(con, settings.sql_dir).items() if v} == {}
    finally:
        con.close()
