"""Files written whole or not at all: under a temporary name in their own folder, then renamed
over the target, so a process killed at any instant (kill -9 included) leaves whole files, and
temporary ones that the next writer of the folder removes."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

log = logging.getLogger(__name__)

# Temporary files start with a dot and end in .tmp, so no listing of records (`*.json`) can
# take a half-written one for a record.
# Their writer's pid is in the name: `.<name>.<pid>.<random>.tmp`.
TEMPORARY = re.compile(r"^\..+?(?:\.(?P<pid>[0-9]+)\.[0-9a-f]+)?\.tmp$")
# The suffix a kept copy of an input keeps (quarantine, uploads), so that a person can open it;
# anything else (`.tar.gz` tails, path separators, spaces) is dropped rather than trusted.
_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,16}$")


def safe_suffix(suffix: str) -> str:
    """`suffix` in lower case if a kept copy may carry it, else nothing."""
    folded = suffix.lower()
    return folded if _SAFE_SUFFIX.match(folded) else ""


def write_text(path: Path, text: str) -> None:
    with atomic_file(path, "w") as file:
        file.write(text)


def write_result(path: Path, text: str) -> None:
    """Write a result file the user named, its folder made when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, text)


@contextlib.contextmanager
def atomic_file(path: Path, mode: Literal["w", "wb"], durable: bool = False) -> Iterator[IO[Any]]:
    """A file that appears at `path` whole when the block ends, or not at all: written under a
    temporary name in the same folder (so the rename stays on one file system), then renamed
    over `path`. A failure removes the temporary file; a kill leaves it for
    `remove_leftover_temporaries`. `durable`: the file and then its rename are flushed to disk,
    so that what was acknowledged survives a power cut too."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # "x": a temporary name is never shared. newline="": "\n" is written as given.
        file: IO[Any] = (
            open(temporary, "x", encoding="utf-8", newline="")
            if mode == "w"
            else open(temporary, "xb")
        )
        with file:
            yield file
            if durable:
                file.flush()
                os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if durable:
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def remove_leftover_temporaries(folder: Path) -> None:
    """Remove what a killed write left behind (it is never read as a record): the temporary
    files of processes that are gone, never those of a live one (another run's, writing)."""
    for path in folder.iterdir():
        match = TEMPORARY.match(path.name)
        if match and path.is_file() and not _process_alive(match["pid"]):
            log.info("removing %s, left by an interrupted write", path)
            path.unlink(missing_ok=True)


def _process_alive(pid: str | None) -> bool:
    if pid is None:  # an older run's name, without its writer's pid
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # someone else's process
        return True
    return True
