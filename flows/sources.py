"""The inputs of a batch: folders, zip archives and files in; a sorted list of `InputFile`s out,
each able to read its own bytes (flows/input_file.py).

A folder is walked without ever leaving it: a symbolic link is followed only when its target is
inside the folder, and each real folder is entered once, so a link loop ends the walk instead of
repeating it. Nothing is read while listing, except a zip archive's table of contents and the
start of a folder's manifest.json (flows/batch_detection.py).

Only documents are inputs (issue #14): a batch's output folder (it holds a qpr manifest.json)
is never walked, nor any path the caller excludes (the `--out` folder), so a second run over an
inbox holding its own batch does not read the batch's records as reports. Hidden entries are
left too. Each is logged, and counted for the run's summary.
"""

from __future__ import annotations

import logging
import os
import stat
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from flows.batch_detection import is_batch_folder
from flows.input_file import InputFile, InputReadError
from pipeline.names import printable_name

# InputFile, InputReadError and is_batch_folder are where callers have always found them.
__all__ = ["InputFile", "InputReadError", "find_inputs", "is_batch_folder"]

log = logging.getLogger(__name__)

# Folders that archivers add beside the real content (macOS's resource forks); never reports.
_ARCHIVE_CLUTTER = frozenset({"__MACOSX"})

# The keys `skipped` counts under (see find_inputs).
HIDDEN = "hidden"
BATCH_FOLDER = "batch_folder"
EXCLUDED = "excluded"


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
