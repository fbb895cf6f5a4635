"""Whether a folder is a qpr batch folder: it holds the manifest.json that flows/store.py
writes. Such a folder is output, never an input, and the only kind of non-empty folder a batch
command writes into."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

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
