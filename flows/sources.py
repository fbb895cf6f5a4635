"""The inputs of a batch: folders, zip archives and files in; a sorted list of `InputFile`s out,
each able to read its own bytes.

A folder is walked without ever leaving it: a symbolic link is followed only when its target is
inside the folder, and each real folder is entered once, so a link loop ends the walk instead of
repeating it. Nothing is read while listing, except a zip archive's table of contents and the
start of a folder's manifest.json.

Only documents are inputs (issue #14): a batch's output folder (it holds a qpr manifest.json)
is never walked, nor any path the caller excludes (the `--out` folder), so a second run over an
inbox holding its own batch does not read the batch's records as reports. Hidden entries are
left too. Each is logged, and counted for the run's summary.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import IO

from pipeline.names import printable_name

__all__ = ["InputFile", "InputReadError", "find_inputs", "is_batch_folder"]

log = logging.getLogger(__name__)

# Folders that archivers add beside the real content (macOS's resource forks); never reports.
_ARCHIVE_CLUTTER = frozenset({"__MACOSX"})

# The keys `skipped` counts under (see find_inputs).
HIDDEN = "hidden"
BATCH_FOLDER = "batch_folder"
EXCLUDED = "excluded"

# A batch folder's manifest.json (flows/store.py): read this much of its start and its end at
# most. A manifest this small is parsed whole; a larger one (a batch of many thousand inputs)
# must show its keys there, as the store writes them: the versions first, then the inputs list.
_MANIFEST = "manifest.json"
_MANIFEST_READ = 2**20
_MANIFEST_KEYS = (
    re.compile(rb'"schema_version"\s*:'),
    re.compile(rb'"extractor_version"\s*:'),
    re.compile(rb'"inputs"\s*:\s*\['),
)


class InputReadError(OSError):
    """An input listed by `find_inputs` could not be read: gone, unreadable, or a zip member
    that is encrypted, damaged or compressed with a method Python lacks."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input as found: where to show it, its name and size, and how to get its bytes.

    `path` identifies the input in the manifest and the logs: the resolved absolute path of a
    file, or `<archive path>!/<member>` for a zip member. It is always printable text; the
    bytes are read from `location` (the file, or the archive holding member number `member`).
    """

    path: str
    name: str
    size: int
    location: str = ""
    member: int | None = None

    def read(self) -> bytes:
        """The input's bytes; InputReadError (an OSError) when they cannot be had."""
        if self.member is None:
            with self._reading():
                return Path(self.location or self.path).read_bytes()
        return b"".join(self._chunks())

    def sha256(self) -> str:
        """The hash of the input's bytes, read as a stream: an input too large to extract is
        still identified, without being held in memory."""
        digest = hashlib.sha256()
        for chunk in self._chunks():
            digest.update(chunk)
        return digest.hexdigest()

    def _chunks(self) -> Iterator[bytes]:
        """The input's bytes a megabyte at a time. A zip member is inflated in bounded steps
        (zipfile's whole-member read inflates up to 2 GiB at once), and never past its declared
        size: a member that claims less than it holds fails its CRC check there."""
        with self._reading():
            location = self.location or self.path
            stream: IO[bytes]
            if self.member is None:
                stream = Path(location).open("rb")
            else:
                stream = _open_member(location, self.member, self.size)
            with stream:
                while chunk := stream.read(2**20):
                    yield chunk

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except InputReadError:
            raise
        # zipfile reports an encrypted member as RuntimeError, a damaged one as BadZipFile or
        # zlib.error, an unknown compression method as NotImplementedError.
        except (
            OSError,
            zipfile.BadZipFile,
            zlib.error,
            RuntimeError,
            NotImplementedError,
            IndexError,
        ) as error:
            raise InputReadError(f"{self.path}: cannot be read ({error})") from error


def _open_member(location: str, index: int, size: int) -> IO[bytes]:
    archive = _open_archive(location, *_identity(location))
    member = archive.infolist()[index]
    if member.file_size != size:
        raise InputReadError(f"{location}: the archive changed after it was listed")
    # zipfile inflates bzip2 and LZMA members without any bound; reports are never zipped so.
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise InputReadError(
            f"{location}: member {member.filename} is compressed with a method qpr does not "
            f"unpack (zip method {member.compress_type}); zip it again with the usual one"
        )
    return archive.open(member)


def _identity(location: str) -> tuple[int, int, int]:
    """What makes a cached archive stale: a rewrite changes its size or time; a forked worker
    must not share the parent's file offset."""
    status = os.stat(location)
    return status.st_mtime_ns, status.st_size, os.getpid()


# Opening an archive parses its whole table of contents (about 20 ms for 10,000 members), so
# reading its members one by one reuses the open archive rather than paying that per member.
# ZipFile serialises reads of a shared file, so threads may share one.
@lru_cache(maxsize=4)
def _open_archive(location: str, mtime: int, size: int, process: int) -> zipfile.ZipFile:
    return zipfile.ZipFile(location)


def is_batch_folder(path: Path) -> bool:
    """True when `path` is a folder qpr wrote a batch into: it holds a manifest.json that is a
    JSON object with "schema_version", "extractor_version" and an "inputs" list. Reads a
    megabyte of the manifest at most, never follows it out as a link, never raises."""
    try:
        head, tail, whole = _manifest_bytes(Path(path, _MANIFEST))
    except (OSError, ValueError):
        return False
    if whole:
        try:
            manifest = json.loads(head)
        except (ValueError, RecursionError):
            return False
        return (
            isinstance(manifest, dict)
            and "schema_version" in manifest
            and "extractor_version" in manifest
            and isinstance(manifest.get("inputs"), list)
        )
    return head.lstrip()[:1] == b"{" and all(
        key.search(head) or key.search(tail) for key in _MANIFEST_KEYS
    )


def _manifest_bytes(path: Path) -> tuple[bytes, bytes, bool]:
    """The start and the end of a regular file (not a link, a FIFO or a device), and whether the
    start is the whole of it."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused by fstat below.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return b"", b"", False
        size = status.st_size
        head = file.read(_MANIFEST_READ // 2 if size > _MANIFEST_READ else _MANIFEST_READ)
        if size <= _MANIFEST_READ:
            return head, b"", True
        file.seek(-_MANIFEST_READ // 2, os.SEEK_END)
        return head, file.read(_MANIFEST_READ // 2), False


def find_inputs(
    sources: Sequence[str | Path],
    exclude: Sequence[str | Path] = (),
    skipped: Counter[str] | None = None,
) -> list[InputFile]:
    """Every input file under `sources` (folders, .zip archives, files), sorted by path, each
    path once. A missing source raises FileNotFoundError: a typo must not look like an empty
    batch.

    Never an input: a batch folder (`is_batch_folder`), a path equal to or under one of
    `exclude` (the output folder), a hidden entry met while walking (its name starts with
    '.'). Each is logged (WARNING for a source named in `sources`, INFO for one met while
    walking) and counted in `skipped`, when given, under "batch_folder", "excluded" and
    "hidden"."""
    walk = _Walk(
        exclude=tuple(Path(path).resolve() for path in exclude),
        skipped=Counter() if skipped is None else skipped,
    )
    found: dict[str, InputFile] = {}
    for source in sources:
        for item in walk.inputs_of(Path(source)):
            found.setdefault(item.path, item)
    return [found[path] for path in sorted(found)]


@dataclass(frozen=True, slots=True)
class _Walk:
    """What one `find_inputs` call leaves out, and its count of what it left."""

    exclude: tuple[Path, ...]
    skipped: Counter[str]

    # Each path left out once: logged and counted once however often it is met.
    left: dict[Path, str] = field(default_factory=dict)

    def inputs_of(self, source: Path) -> Iterator[InputFile]:
        # strict: a source named by the user must exist (a dangling link included).
        real = source.resolve(strict=True)
        if self.left_out(real, logging.WARNING) is None:
            yield from _inputs_of(real, source, self)

    def left_out(self, real: Path, level: int, is_dir: bool | None = None) -> str | None:
        """Why `real` (a resolved path) is no input, logged and counted; None when it is one."""
        if real in self.left:
            return self.left[real]
        reason = self._reason(real, level, real.is_dir() if is_dir is None else is_dir)
        if reason is not None:
            self.skipped[reason] += 1
            # Only what is left out is remembered, not every input met.
            self.left[real] = reason
        return reason

    def _reason(self, real: Path, level: int, is_dir: bool) -> str | None:
        shown = printable_name(str(real))
        for excluded in self.exclude:
            if real == excluded or real.is_relative_to(excluded):
                log.log(
                    level,
                    "skipped %s: it is the output folder %s or inside it, not an input",
                    shown,
                    printable_name(str(excluded)),
                )
                return EXCLUDED
        if is_dir and is_batch_folder(real):
            log.log(
                level,
                "skipped %s: it is a qpr batch folder (it holds a qpr manifest.json): its "
                "records are output, not report documents",
                shown,
            )
            return BATCH_FOLDER
        return None

    def hidden(self, shown: str, kind: str) -> None:
        log.info("skipped hidden %s %s", kind, shown)
        self.skipped[HIDDEN] += 1


def _inputs_of(real: Path, source: Path, walk: _Walk) -> Iterator[InputFile]:
    if real.is_dir():
        yield from _walk_folder(real, walk)
    elif _is_zip_name(real):
        yield from _zip_members(real, walk)
    elif real.is_file():
        yield _plain_file(real, real.stat().st_size)
    else:
        log.warning("%s is neither a file nor a folder: skipped", printable_name(str(source)))


def _walk_folder(root: Path, walk: _Walk) -> Iterator[InputFile]:
    """The files under `root` (already resolved), never outside it, each real folder once;
    neither hidden entries nor what `walk` leaves out."""
    entered: set[Path] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        if folder in entered:
            continue
        entered.add(folder)
        subfolders = []
        for entry in _sorted_entries(folder):
            if entry.name.startswith("."):
                walk.hidden(printable_name(entry.path), _kind(entry))
                continue
            found = _examine(entry, folder, root)
            if found is None:
                continue
            target, status = found
            is_dir = stat.S_ISDIR(status.st_mode)
            if walk.left_out(target, logging.INFO, is_dir):
                continue
            if is_dir:
                subfolders.append(target)
            elif stat.S_ISREG(status.st_mode):
                # A zip in an inbox holds reports: list its members rather than one file that
                # would only be quarantined as an unsupported format.
                if _is_zip_name(target):
                    yield from _zip_members(target, walk)
                else:
                    yield _plain_file(target, status.st_size)
            # FIFOs, sockets and devices are skipped: reading a FIFO would block the batch.
        # Reversed so that the stack pops the subfolders in sorted order.
        pending.extend(reversed(subfolders))


def _kind(entry: os.DirEntry[str]) -> str:
    try:
        return "folder" if entry.is_dir(follow_symlinks=False) else "file"
    except OSError:
        return "file"


def _sorted_entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as error:
        log.warning("folder %s cannot be listed (%s): skipped", printable_name(str(folder)), error)
        return []


def _examine(
    entry: os.DirEntry[str], folder: Path, root: Path
) -> tuple[Path, os.stat_result] | None:
    """The real path and status of a folder entry; None for what is never followed: a link that
    leads out of `root`, or nowhere."""
    try:
        if not entry.is_symlink():
            # `folder` is real already, so the entry's own path is real too.
            return Path(folder, entry.name), entry.stat(follow_symlinks=False)
        real = Path(entry.path).resolve(strict=True)
        if real != root and not real.is_relative_to(root):
            log.warning("%s leads outside %s: not followed", printable_name(entry.path), root)
            return None
        return real, real.stat()
    except (OSError, RuntimeError) as error:  # dangling link; a loop (RuntimeError < 3.13)
        log.warning("%s cannot be followed (%s): skipped", printable_name(entry.path), error)
        return None


def _plain_file(real: Path, size: int) -> InputFile:
    text = str(real)
    shown = printable_name(text)
    return InputFile(
        path=shown,
        name=PurePosixPath(shown).name,
        size=size,
        location="" if shown == text else text,
    )


def _zip_members(archive_path: Path, walk: _Walk) -> Iterator[InputFile]:
    """The members of a zip archive. A file named .zip that is no archive is listed as an
    ordinary input, so it is quarantined with a reason instead of silently dropped."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            members = archive.infolist()
    # A forged "version needed to extract" is a NotImplementedError ("zip file version 16.9").
    except (OSError, zipfile.BadZipFile, NotImplementedError, ValueError) as error:
        log.warning(
            "%s is not a readable zip archive (%s)", printable_name(str(archive_path)), error
        )
        yield _plain_file(archive_path, archive_path.stat().st_size)
        return
    archive_text = str(archive_path)
    shown_archive = printable_name(archive_text)
    seen: set[str] = set()
    for index, member in enumerate(members):
        parts = _safe_member_parts(member.filename)
        if member.is_dir() or not parts:
            continue
        shown = f"{shown_archive}!/{'/'.join(parts)}"
        if _is_hidden_member(parts):
            walk.hidden(shown, "file")
            continue
        # Two members can show the same name (duplicates in the archive, or `../a` beside
        # `a`): both are inputs, so the later ones get a number.
        if shown in seen:
            shown = f"{shown}#{index}"
        seen.add(shown)
        yield InputFile(
            path=shown, name=parts[-1], size=member.file_size, location=archive_text, member=index
        )


def _safe_member_parts(name: str) -> list[str]:
    """A member name as path components that cannot point anywhere: no root, drive, `.` or
    `..`. The member is still read by its index, so its content is never lost."""
    parts = name.replace("\\", "/").split("/")
    if parts and len(parts[0]) == 2 and parts[0][1] == ":":  # a Windows drive, `C:`
        parts = parts[1:]
    return [printable_name(part) for part in parts if part not in ("", ".", "..")]


def _is_hidden_member(parts: list[str]) -> bool:
    return any(part.startswith(".") or part in _ARCHIVE_CLUTTER for part in parts)


def _is_zip_name(path: Path) -> bool:
    # The suffix, not the magic bytes: a DOCX is a zip archive too, and is an input itself.
    return path.suffix.lower() == ".zip"
