"""The output folder a batch command may write, and the lock that keeps it to one run at a time.

`--out` is a new or empty folder, or a batch folder (its manifest says so): anything else is
refused before any work, so that nobody's files are replaced. A new folder gets its manifest at
once, so that a run killed before its end still leaves a folder the next run recognises.

The lock is `.qpr.lock` in the folder: an advisory `flock` (released by the kernel when its
holder dies, however it dies) and, inside, the holder's pid, host and start, for the person
told that the folder is busy, and for a run on another host sharing the folder over a network,
where `flock` may not reach: such a lock is never taken over without `--break-lock`.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flows.batch_detection import is_batch_folder

__all__ = ["FolderError", "LockedError", "batch_lock", "check_out_folder"]

log = logging.getLogger(__name__)

LOCK_NAME = ".qpr.lock"
# What may sit in an empty folder: a file manager's or an earlier lock's leftovers.
_IGNORABLE = frozenset({LOCK_NAME, ".DS_Store", "Thumbs.db", "desktop.ini"})
_SHOWN = 5


class FolderError(Exception):
    """The folder cannot be a batch's output: a usage error."""


class LockedError(Exception):
    """Another run holds the folder."""


def check_out_folder(root: Path) -> bool:
    """Refuse an output folder that is neither new, empty nor a batch folder; True when it is
    an existing batch folder."""
    if root.exists() and not root.is_dir():
        raise FolderError(f"{root} is a file, not a folder")
    if not root.exists() or is_batch_folder(root):
        return root.exists()
    try:
        names = sorted(entry.name for entry in os.scandir(root) if entry.name not in _IGNORABLE)
    except OSError as error:
        raise FolderError(f"{root} cannot be listed ({error.strerror})") from error
    if not names:
        return False
    shown = ", ".join(names[:_SHOWN]) + (
        f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
    )
    raise FolderError(
        f"{root} is not a qpr batch folder (no qpr manifest.json) and is not empty: it "
        f"holds {shown}. Give a new or empty folder, or the folder of an earlier batch"
    )


@contextlib.contextmanager
def batch_lock(
    root: Path, command: str, break_lock: bool = False, service: str | None = None
) -> Iterator[None]:
    """Hold `root`'s lock for the block; LockedError when another run holds it. `service`:
    the address of the intake service holding it, for the commands it turns away."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / LOCK_NAME
    descriptor = _locked_descriptor(path)
    try:
        holder = _holder(descriptor)
        if holder:
            _take_over(path, holder, break_lock)
    except LockedError:
        os.close(descriptor)  # the other host's lock stays as it is
        raise
    mine = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": command,
        **({"service": service} if service else {}),
    }
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, (json.dumps(mine) + "\n").encode(), 0)
        os.fsync(descriptor)
        yield
    finally:
        # Emptied, then removed: a run that opened it meanwhile finds no holder to report.
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
            path.unlink()
        os.close(descriptor)


def _locked_descriptor(path: Path) -> int:
    """An open descriptor of `path` holding its flock; LockedError when a live process on this
    host holds it. The file may be removed by its last holder between our open and our flock:
    then the lock is taken again on the new file."""
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise LockedError(_busy(path.parent, holder)) from None
        with contextlib.suppress(FileNotFoundError):
            if os.stat(path).st_ino == os.fstat(descriptor).st_ino:
                return descriptor
        os.close(descriptor)


def _holder(descriptor: int) -> dict[str, Any]:
    """What the lock file says of its holder; empty when nothing (or nothing readable)."""
    try:
        data = json.loads(os.pread(descriptor, 4096, 0) or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _take_over(path: Path, holder: dict[str, Any], break_lock: bool) -> None:
    """A lock whose flock is free was left by a run that ended without removing it: killed on
    this host, or running (or killed) on another, where flock may not be seen."""
    who = _who(holder)
    if holder.get("host") != socket.gethostname() and not break_lock:
        raise LockedError(
            f"{path.parent} is locked by {who}, on another host, whose liveness cannot be "
            f"checked from here. If that run is over, run again with --break-lock"
        )
    log.warning("taking over the lock of %s in %s: that run is no longer running", who, path.parent)


def _busy(root: Path, holder: dict[str, Any]) -> str:
    if holder.get("service"):
        url = holder["service"]
        return (
            f"{root} is served by the intake service ({_who(holder)}), which alone writes it: "
            f"send reports to {url}/v1/reports and corrections to "
            f"{url}/v1/reports/ID/corrections, or stop the service first"
        )
    return (
        f"{root} is in use by another run ({_who(holder)}): wait for it to end, or stop it; "
        "two runs must not write one batch folder"
    )


def _who(holder: dict[str, Any]) -> str:
    """`qpr ingest pid 123 on host since 2026-12-06T10:00:00Z`, from what the lock says."""
    words = [f"qpr {holder['command']}"] if holder.get("command") else []
    words.append(f"pid {holder.get('pid', '?')} on {holder.get('host', '?')}")
    if holder.get("started"):
        words.append(f"since {holder['started']}")
    return " ".join(words)
