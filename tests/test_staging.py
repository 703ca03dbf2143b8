"""Staging I/O: discovery, content-addressed raw copies, duplicates, rejects (no NLP here)."""

from __future__ import annotations

import hashlib
import os

import pytest

from newsdesk import staging

ARTICLE = "Ministers agree new grain corridor\n\nBRUSSELS - Ministers agreed on Monday to open a new grain corridor.\n"


def _found(root):
    return {p.path.name: p.reject for p in staging.discover(root)}


def test_discover_skips_hidden_and_in_progress_files(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    (tmp_path / "b.txt.part").write_text(ARTICLE)  # still downloading
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c").write_text(ARTICLE)  # no suffix, as in wire dumps
    assert _found(tmp_path) == {"a.txt": None, "c": None}


def test_discover_rejects_what_it_cannot_read_as_articles(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README.TXT").write_text("dataset readme")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path, tmp_path / "self_dir")  # a folder symlink is not followed (no loop)
    reasons = {name: r[0] if r else None for name, r in _found(tmp_path).items()}
    assert reasons == {"photo.jpg": "unsupported_type", "README.TXT": "not_article",
                       "broken.txt": "unreadable", "loop.txt": "unreadable", "pipe.txt": "not_a_file"}


def test_raw_copy_is_named_by_content_and_verified(tmp_path):
    data = ARTICLE.encode()
    doc_id = hashlib.sha256(data).hexdigest()
    path = staging.keep_raw_copy(tmp_path, doc_id, data)
    assert path.name == f"{doc_id}.raw" and path.read_bytes() == data
    assert staging.read_raw_copy(tmp_path, doc_id) == data
    path.write_bytes(data + b"tampered")
    with pytest.raises(ValueError, match="corrupt"):
        staging.read_raw_copy(tmp_path, doc_id)


def test_stage_chunk_counts_duplicates_known_and_rejects(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    (src / "a_copy.txt").write_text(ARTICLE)  # same bytes at a second path
    (src / "old.txt").write_text(ARTICLE.replace("Monday", "Tuesday"))
    (src / "empty.txt").write_bytes(b"")
    (src / "big.txt").write_bytes(b"x" * 2000)
    old_id = hashlib.sha256((src / "old.txt").read_bytes()).hexdigest()
    seen: set[str] = set()
    result = staging.stage_chunk(
        list(staging.discover(src)), raw_store=tmp_path / "raw", max_bytes=1000,
        known=lambda ids: ids & {old_id}, seen_this_run=seen)
    assert result.files == 5
    assert len(result.new_docs) == 1 and result.duplicates == 1 and result.already_seen == 1
    assert sorted(r.reason for r in result.rejects) == ["empty", "too_large"]
    big = next(r for r in result.rejects if r.reason == "too_large")
    assert "2,000 bytes" in big.detail and big.size_bytes == 2000
    # both paths of the duplicated text, and the known text's path, are recorded as sources
    assert sorted(os.path.basename(p) for p, _ in result.sources) == ["a.txt", "a_copy.txt", "old.txt"]
    new = result.new_docs[0]
    assert (tmp_path / "raw" / new.doc_id[:2] / f"{new.doc_id}.raw").read_bytes() == ARTICLE.encode()
    assert new.article.title == "Ministers agree new grain corridor"
