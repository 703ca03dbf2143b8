"""Staging: find the raw files, keep a content-addressed copy of each, turn them into documents.

Every file found ends as exactly one of: a new document, a duplicate of a document seen earlier
in the same run, a document already in the warehouse, a reject with a reason, or the metadata of an
article beside it. Text clean-up (decoding, front matter, boilerplate, headline, dateline, language)
is ``newsdesk.cleaning``; this module does the I/O.

**Metadata sidecars.** A JSON file beside an article is its metadata (``newsdesk.cleaning.metadata``):
``a.txt.json`` belongs to ``a.txt`` (``00017.json`` to a wire file ``00017`` without suffix), and
``a.json`` belongs to ``a.txt`` when ``a.txt`` is the only article named ``a.*`` in the folder and has
no ``a.txt.json``. Any other ``.json`` file is rejected as ``unsupported_type``; a sidecar whose
article is still being written (``a.txt.part``) waits with it. A sidecar is accounted for as
metadata, not as an article (``StageResult.metadata_files``), or rejected as ``bad_metadata`` when it
is no JSON object. Its bytes are kept beside the article's raw copy (``<doc_id>.meta.json``), so the
metadata can be rebuilt from the raw store alone; ``doc_id`` stays the sha256 of the article's bytes.
Metadata is read when a text is first staged: a sidecar that appears later beside a text already in
the warehouse does not change that document.
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
from newsdesk.cleaning import CleanArticle, MetadataError, RejectError, prepare, read_sidecar


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
# A metadata sidecar's suffix: "a.txt.json" (or "a.json") beside the article "a.txt".
SIDECAR_SUFFIX = ".json"


@dataclass(slots=True)
class Found:
    """A path found under the source folder; ``reject`` is set when it cannot be read as a file.

    An article has ``sidecar`` set when a metadata file sits beside it; a metadata file has
    ``metadata_of`` set to its article (it is accounted for as metadata, never staged as an article).
    """

    path: Path
    reject: tuple[str, str] | None = None
    sidecar: Path | None = None
    metadata_of: Path | None = None


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
    metadata_files: int = 0  # sidecars read as the metadata of an article beside them
    files: int = 0
    bytes_read: int = 0


def discover(source: Path) -> Iterator[Found]:
    """Every non-hidden file under ``source``, recursively, in a stable (sorted) order.

    Hidden files and folders (name starting with ".") are skipped, and so are files that are
    still being written (``*.part``, ``*.tmp``, …). Symlinked folders are not followed (no
    loops); a symlink to a file is read through; a broken or looping symlink, a FIFO or socket
    and an unsupported file type come back with a reject reason, and so does a symlink to a file
    outside ``source`` (whoever can write to an inbox must not pull other files into the warehouse).
    A metadata sidecar comes back paired with its article (module docstring): pairs are made from one
    folder's listing before the files are cut into chunks, so a pair never depends on chunk borders.
    """
    source = Path(source)
    if source.is_file():
        siblings = sorted(p.name for p in source.parent.iterdir() if not p.name.startswith("."))
        pairs, _ = pair_sidecars(siblings)
        name = next((s for s, a in pairs.items() if a == source.name), None)
        side = next(_classify(source.parent / name, None, metadata_of=source), None) if name else None
        for item in _classify(source, None):
            if side is not None and side.reject is None and item.reject is None:
                item.sidecar = side.path
            yield item
        if side is not None:
            yield side
        return
    if not source.is_dir():
        raise FileNotFoundError(f"source folder {source} does not exist")
    root = source.resolve()
    for dirpath, dirnames, filenames in os.walk(source, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        folder = Path(dirpath)
        names = sorted(n for n in filenames if not n.startswith("."))
        pairs, waiting = pair_sidecars(names)
        sidecars = {name: next(_classify(folder / name, root, metadata_of=folder / article), None)
                    for name, article in pairs.items()}
        sidecar_of = {article: folder / name for name, article in pairs.items()
                      if sidecars[name] is not None and sidecars[name].reject is None}
        for name in names:
            if IN_PROGRESS.search(name) or name in waiting:
                continue
            if name in pairs:
                if sidecars[name] is not None:
                    yield sidecars[name]
                continue
            for item in _classify(folder / name, root):
                if item.reject is None and name in sidecar_of:
                    item.sidecar = sidecar_of[name]
                yield item


def pair_sidecars(names: list[str]) -> tuple[dict[str, str], set[str]]:
    """Which files of one folder are metadata sidecars -> ``({sidecar: article}, {sidecars waiting})``.

    ``a.txt.json`` (the article's whole name + ".json") belongs to ``a.txt``; ``a.json`` belongs to
    ``a.txt`` when that is the only article named ``a.<suffix>`` and it has no ``a.txt.json``. A
    sidecar whose article is still being written (``a.txt.part``) is waiting: left for the next run.
    """
    def is_article(name: str) -> bool:
        return (not IN_PROGRESS.search(name) and not NOT_ARTICLE.search(name)
                and Path(name).suffix.lower() in TEXT_SUFFIXES and not name.lower().endswith(SIDECAR_SUFFIX))

    present = set(names)
    articles = [n for n in names if is_article(n)]
    pending = {IN_PROGRESS.sub("", n) for n in names if IN_PROGRESS.search(n)}
    by_stem: dict[str, list[str]] = {}
    for a in articles:
        if Path(a).suffix:
            by_stem.setdefault(Path(a).stem.lower(), []).append(a)
    pairs: dict[str, str] = {}
    waiting: set[str] = set()
    for name in names:
        if not name.lower().endswith(SIDECAR_SUFFIX) or IN_PROGRESS.search(name) or NOT_ARTICLE.search(name):
            continue
        base = name[: -len(SIDECAR_SUFFIX)]
        if base in present and is_article(base):
            pairs[name] = base
        elif base in pending or any(Path(p).stem.lower() == base.lower() for p in pending):
            waiting.add(name)
        else:
            owners = [a for a in by_stem.get(base.lower(), []) if a + SIDECAR_SUFFIX not in present]
            if len(by_stem.get(base.lower(), [])) == 1 and owners:
                pairs[name] = owners[0]
    return pairs, waiting


def _classify(path: Path, root: Path | None, metadata_of: Path | None = None) -> Iterator[Found]:
    """The file as found: readable as an article, a metadata sidecar (``metadata_of`` its article) or a
    reject; nothing for a symlink to a folder. A sidecar passes the same file checks as an article."""
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
    if metadata_of is not None:
        yield Found(path, metadata_of=metadata_of)
        return
    if NOT_ARTICLE.search(path.name):
        yield Found(path, ("not_article", f"{path.name} is dataset documentation, not an article"))
        return
    if path.suffix.lower() == SIDECAR_SUFFIX:
        yield Found(path, ("unsupported_type", f"a {SIDECAR_SUFFIX} file is read only as the metadata of an "
                                               f"article beside it (a.txt.json or a.json for a.txt); none found"))
        return
    if path.suffix.lower() not in TEXT_SUFFIXES:
        yield Found(path, ("unsupported_type", f"file type {path.suffix!r} is not read as text"))
        return
    yield Found(path)


def raw_copy_path(raw_store: Path, doc_id: str) -> Path:
    """Where the raw bytes of ``doc_id`` are kept: named by content hash, never by the input path."""
    return raw_store / doc_id[:2] / f"{doc_id}.raw"


def sidecar_copy_path(raw_store: Path, doc_id: str) -> Path:
    """Where the bytes of the metadata sidecar staged with ``doc_id`` are kept: beside its raw copy."""
    return raw_store / doc_id[:2] / f"{doc_id}.meta.json"


def keep_raw_copy(raw_store: Path, doc_id: str, data: bytes, *, sync: bool = True) -> Path:
    """Write the raw bytes once, atomically (temp file + rename), and return the path.

    With ``sync=False`` the caller flushes many copies at once (``flush_to_disk``): one sync per
    chunk instead of one per file, which costs ~6 ms each on these disks.
    """
    dest = raw_copy_path(raw_store, doc_id)
    if dest.exists() and dest.stat().st_size == len(data):
        return dest
    return _write_atomic(dest, data, sync=sync)


def keep_sidecar_copy(raw_store: Path, doc_id: str, data: bytes, *, sync: bool = True) -> Path:
    """Keep the sidecar's bytes as ``<doc_id>.meta.json`` beside the raw copy (atomically, as it is)."""
    dest = sidecar_copy_path(raw_store, doc_id)
    if dest.exists() and dest.read_bytes() == data:
        return dest
    return _write_atomic(dest, data, sync=sync)


def read_sidecar_copy(raw_store: Path, doc_id: str) -> bytes | None:
    """The kept sidecar bytes of ``doc_id``, or None when it was staged without one."""
    path = sidecar_copy_path(raw_store, doc_id)
    return path.read_bytes() if path.is_file() else None


def _write_atomic(dest: Path, data: bytes, *, sync: bool) -> Path:
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
    forgotten: "callable[[set[str]], set[str]] | None" = None,
) -> StageResult:
    """Stage one chunk of found files.

    ``known(doc_ids)`` returns the subset already in the warehouse; ``seen_this_run`` holds the
    doc_ids staged earlier in this run (updated in place). Only new texts are decoded and
    cleaned, so re-running an unchanged folder costs a read and a hash per file. ``forgotten(doc_ids)``
    returns the subset forgotten on request (``newsdesk forget``): those are rejected as ``forgotten``
    and no raw copy is written again, so a takedown sticks. A metadata
    sidecar is read here on its own (counted as metadata, or rejected as ``bad_metadata``) and again
    with its article when the article is new.
    """
    result = StageResult()
    hashed: list[tuple[str, str, bytes, Path | None]] = []
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
        if item.metadata_of is not None:
            try:
                read_sidecar(data)
            except MetadataError as exc:
                result.rejects.append(RejectRow(spath, "bad_metadata", f"{exc} (metadata of {item.metadata_of.name})",
                                                doc_id=hashlib.sha256(data).hexdigest(), size_bytes=len(data)))
                continue
            result.metadata_files += 1
            continue
        hashed.append((spath, hashlib.sha256(data).hexdigest(), data, item.sidecar))

    already = known({doc_id for _, doc_id, _, _ in hashed} - seen_this_run)
    gone = forgotten({doc_id for _, doc_id, _, _ in hashed}) if forgotten is not None else set()
    for spath, doc_id, data, sidecar_path in hashed:
        if doc_id in gone:
            result.rejects.append(RejectRow(
                spath, "forgotten", "this text was forgotten on request (newsdesk forget; see the table forgotten) "
                "and is not ingested again", doc_id=doc_id, size_bytes=len(data)))
            continue
        if doc_id in seen_this_run:
            result.duplicates += 1
            result.sources.append((spath, doc_id))
            continue
        if doc_id in already:
            result.already_seen += 1
            result.sources.append((spath, doc_id))
            continue
        sidecar = _read_sidecar_bytes(sidecar_path, max_bytes)
        try:
            article, encoding = prepare(data, sidecar)
        except RejectError as exc:
            result.rejects.append(RejectRow(spath, exc.reason, exc.detail, doc_id=doc_id, size_bytes=len(data)))
            continue
        keep_raw_copy(raw_store, doc_id, data, sync=False)
        if sidecar is not None:
            keep_sidecar_copy(raw_store, doc_id, sidecar, sync=False)
        seen_this_run.add(doc_id)
        result.sources.append((spath, doc_id))
        result.new_docs.append(StagedDoc(doc_id, spath, article, encoding, len(data)))
    if result.new_docs:
        flush_to_disk()  # raw copies are durable before their documents can be committed
    return result


def _read_sidecar_bytes(path: Path | None, max_bytes: int) -> bytes | None:
    """The sidecar's bytes when they are a JSON object, else None (no sidecar, or one that cannot be
    read or is no JSON object: its own entry in the chunk records why)."""
    if path is None:
        return None
    try:
        data = read_file(path, max_bytes)
        read_sidecar(data)
    except (OSError, MetadataError):
        return None
    return data if len(data) <= max_bytes else None


def flush_to_disk() -> None:
    """One sync for all the raw copies written by a chunk."""
    os.sync()


def _size(path: Path, fallback: int) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return fallback
