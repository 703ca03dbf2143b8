"""Staging: find the raw files, keep a content-addressed copy of each, turn them into documents.

Every file found ends as exactly one of: a new document, a duplicate of a document seen earlier
in the same run, a document already in the warehouse, or a reject with a reason. Text clean-up
(decoding, boilerplate, headline, dateline) is ``newsdesk.cleaning``; this module does the I/O.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from newsdesk import lexicon
from newsdesk.cleaning import CleanArticle, RejectError, prepare


def _file_names(kind: str) -> list[str]:
    """The entries of one kind in ``data/file_names.tsv``, in file order."""
    return [entry for k, entry in lexicon.rows("file_names") if k == kind]


def _any_of(entries: list[str]) -> str:
    return "|".join(re.escape(e) for e in entries)


# File name suffixes read as articles (data/file_names.tsv, lower case; "" = no suffix, as in Reuters-style dumps).
TEXT_SUFFIXES = frozenset({*_file_names("article_suffix"), ""})
# Files still being written by a downloader or an editor: not an input yet, picked up next run.
IN_PROGRESS = re.compile(rf"(?:{_any_of(_file_names('in_progress_ending'))})$", re.IGNORECASE)
# Dataset documentation that sits beside articles in corpora (README.TXT, SOURCE.txt, LICENSE).
NOT_ARTICLE = re.compile(rf"^({_any_of(_file_names('documentation_name'))})(\.[a-z]+)?$"
                         rf"|(?:{_any_of(_file_names('documentation_ending'))})$", re.IGNORECASE)


@dataclass(slots=True)
class Found:
    """A path found under the source folder; ``reject`` is set when it cannot be read as a file."""

    path: Path
    reject: tuple[str, str] | None = None


@dataclass(slots=True)
class StagedDoc:
    """A file that became (or will become) a document."""

    doc_id: str
    source_path: str
    article: CleanArticle
    encoding: str
    raw_bytes: int


@dataclass(slots=True)
class RejectRow:
    source_path: str
    reason: str
    detail: str
    doc_id: str | None = None
    size_bytes: int | None = None


@dataclass(slots=True)
class StageResult:
    """What staging made of one chunk of files."""

    new_docs: list[StagedDoc] = field(default_factory=list)
    # (source_path, doc_id) for every file whose text is a document (new, duplicate or known)
    sources: list[tuple[str, str]] = field(default_factory=list)
    rejects: list[RejectRow] = field(default_factory=list)
    duplicates: int = 0
    already_seen: int = 0
    files: int = 0
    bytes_read: int = 0


def discover(source: Path) -> Iterator[Found]:
    """Every non-hidden file under ``source``, recursively, in a stable (sorted) order.

    Hidden files and folders (name starting with ".") are skipped, and so are files that are
    still being written (``*.part``, ``*.tmp``, …). Symlinked folders are not followed (no
    loops); a symlink to a file is read through; a broken or looping symlink, a FIFO or socket
    and an unsupported file type come back with a reject reason, and so does a symlink to a file
    outside ``source`` (whoever can write to an inbox must not pull other files into the warehouse).
    """
    source = Path(source)
    if source.is_file():
        yield from _classify(source, None)
        return
    if not source.is_dir():
        raise FileNotFoundError(f"source folder {source} does not exist")
    root = source.resolve()
    for dirpath, dirnames, filenames in os.walk(source, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or IN_PROGRESS.search(name):
                continue
            yield from _classify(Path(dirpath) / name, root)


def _classify(path: Path, root: Path | None) -> Iterator[Found]:
    try:
        st = path.stat()  # follows symlinks
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            yield Found(path, ("unreadable", f"symlink loop: {exc.strerror}"))
        elif path.is_symlink():
            yield Found(path, ("unreadable", f"broken symlink to {os.readlink(path)}"))
        else:  # vanished between listing and stat
            yield Found(path, ("unreadable", f"cannot stat: {exc.strerror}"))
        return
    if stat.S_ISDIR(st.st_mode):
        return  # a symlink to a folder: not followed
    if root is not None and path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            # whoever can write to the inbox must not be able to pull other files into the warehouse
            yield Found(path, ("outside_source", f"symlink to {target}, outside the source folder"))
            return
    if not stat.S_ISREG(st.st_mode):
        yield Found(path, ("not_a_file", "not a regular file (FIFO, socket or device)"))
        return
    if NOT_ARTICLE.search(path.name):
        yield Found(path, ("not_article", f"{path.name} is dataset documentation, not an article"))
        return
    if path.suffix.lower() not in TEXT_SUFFIXES:
        yield Found(path, ("unsupported_type", f"file type {path.suffix!r} is not read as text"))
        return
    yield Found(path)


def raw_copy_path(raw_store: Path, doc_id: str) -> Path:
    """Where the raw bytes of ``doc_id`` are kept: named by content hash, never by the input path."""
    return raw_store / doc_id[:2] / f"{doc_id}.raw"


def keep_raw_copy(raw_store: Path, doc_id: str, data: bytes, *, sync: bool = True) -> Path:
    """Write the raw bytes once, atomically (temp file + rename), and return the path.

    With ``sync=False`` the caller flushes many copies at once (``flush_to_disk``): one sync per
    chunk instead of one per file, which costs ~6 ms each on these disks.
    """
    dest = raw_copy_path(raw_store, doc_id)
    if dest.exists() and dest.stat().st_size == len(data):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        if sync:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, dest)
    return dest


def read_raw_copy(raw_store: Path, doc_id: str) -> bytes:
    """The kept raw bytes of ``doc_id``; raises if the copy is missing or corrupt."""
    path = raw_copy_path(raw_store, doc_id)
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != doc_id:
        raise ValueError(f"raw copy {path} is corrupt: its sha256 is {actual}")
    return data


def adopt_raw_copies(shared: Path, own: Path, doc_ids: set[str]) -> int:
    """Move this warehouse's raw copies (every ``<doc_id>.*`` of ``doc_ids``) out of the folder that
    warehouses used to share (``shared``) into its own (``own``); other warehouses' files stay.
    Returns the number of files moved. A rename on one file system: cheap, and safe to repeat."""
    if not shared.is_dir() or shared.resolve() == own.resolve():
        return 0
    moved = 0
    for sub in shared.iterdir():
        if not sub.is_dir() or len(sub.name) != 2:
            continue
        for path in sub.iterdir():
            if path.name.split(".", 1)[0] not in doc_ids:
                continue
            dest = own / sub.name / path.name
            if dest.exists():
                path.unlink()
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, dest)
            moved += 1
        if not any(sub.iterdir()):
            sub.rmdir()
    if not any(shared.iterdir()):
        shared.rmdir()
    return moved


def read_file(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` + 1 bytes (so an oversized file is detected, not loaded)."""
    with open(path, "rb") as fh:
        return fh.read(max_bytes + 1)


def stage_chunk(
    found: list[Found],
    *,
    raw_store: Path,
    max_bytes: int,
    known: "callable[[set[str]], set[str]]",
    seen_this_run: set[str],
) -> StageResult:
    """Stage one chunk of found files.

    ``known(doc_ids)`` returns the subset already in the warehouse; ``seen_this_run`` holds the
    doc_ids staged earlier in this run (updated in place). Only new texts are decoded and
    cleaned, so re-running an unchanged folder costs a read and a hash per file.
    """
    result = StageResult()
    hashed: list[tuple[str, str, bytes]] = []
    for item in found:
        result.files += 1
        spath = str(item.path)
        if item.reject:
            result.rejects.append(RejectRow(spath, *item.reject))
            continue
        try:
            data = read_file(item.path, max_bytes)
        except OSError as exc:
            result.rejects.append(RejectRow(spath, "unreadable", f"cannot read: {exc.strerror or exc}"))
            continue
        result.bytes_read += len(data)
        if len(data) > max_bytes:
            size = _size(item.path, len(data))
            result.rejects.append(RejectRow(
                spath, "too_large", f"{size:,} bytes is over the limit of {max_bytes:,} (NEWSDESK_MAX_FILE_BYTES)",
                size_bytes=size,
            ))
            continue
        hashed.append((spath, hashlib.sha256(data).hexdigest(), data))

    already = known({doc_id for _, doc_id, _ in hashed} - seen_this_run)
    for spath, doc_id, data in hashed:
        if doc_id in seen_this_run:
            result.duplicates += 1
            result.sources.append((spath, doc_id))
            continue
        if doc_id in already:
            result.already_seen += 1
            result.sources.append((spath, doc_id))
            continue
        try:
            article, encoding = prepare(data)
        except RejectError as exc:
            result.rejects.append(RejectRow(spath, exc.reason, exc.detail, doc_id=doc_id, size_bytes=len(data)))
            continue
        keep_raw_copy(raw_store, doc_id, data, sync=False)
        seen_this_run.add(doc_id)
        result.sources.append((spath, doc_id))
        result.new_docs.append(StagedDoc(doc_id, spath, article, encoding, len(data)))
    if result.new_docs:
        flush_to_disk()  # raw copies are durable before their documents can be committed
    return result


def flush_to_disk() -> None:
    """One sync for all the raw copies written by a chunk."""
    os.sync()


def _size(path: Path, fallback: int) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return fallback
