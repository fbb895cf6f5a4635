"""What a run has to extract: its inputs found and hashed, less those that already have a
record under this extractor version; and, for reprocess, an input found again by the paths the
manifest lists."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from prefect import get_run_logger

from flows import interrupt, progress
from flows.sources import InputFile, find_inputs
from flows.store import BatchStore


@dataclass(frozen=True, slots=True)
class Pending:
    """An input still to extract: its hash, every path it was found under, and one to read."""

    sha256: str
    paths: tuple[str, ...]
    source: InputFile


def scan(
    sources: Sequence[str],
    store: BatchStore,
    version: str,
    out: Path,
    skipped: Counter[str],
    kept_uploads: bool = False,
) -> tuple[dict[str, list[str]], list[Pending], list[str]]:
    """Every input's hash and paths (none under `out`, unless `kept_uploads`: the sources are
    then the batch's own uploads/, kept by the intake service); the distinct ones not yet
    extracted under `version`; the paths that could not be read. `skipped` counts what the walk
    left."""
    inputs: dict[str, list[str]] = {}
    first: dict[str, InputFile] = {}
    unreadable: list[str] = []
    bar = progress.current()
    bar.phase("finding the inputs")
    found = find_inputs(sources, exclude=[] if kept_uploads else [out], skipped=skipped)
    bar.phase("reading the inputs", len(found))
    for source in found:
        if interrupt.stop_requested():
            break
        bar.advance()
        try:
            sha256 = source.sha256()
        except OSError as error:  # gone or unreadable since it was listed: the batch goes on
            get_run_logger().warning("%s", error)
            unreadable.append(source.path)
            continue
        inputs.setdefault(sha256, []).append(source.path)
        first.setdefault(sha256, source)
    pending = [
        Pending(sha256, tuple(sorted(paths)), first[sha256])
        for sha256, paths in sorted(inputs.items())
        if not store.has_record(sha256, version)
    ]
    return inputs, pending, unreadable


def pending_input(sha256: str, paths: Sequence[str]) -> Pending | None:
    """The input listed under `paths` (a file, or `<archive>!/<member>`) whose bytes still
    hash to `sha256`; None when none does any more."""
    for path in sorted(paths):
        source = _listing(path.partition("!/")[0]).get(path)
        if source is None:
            continue
        try:
            data = source.read()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha256:
            return Pending(sha256, tuple(sorted(paths)), source)
    return None


@lru_cache(maxsize=8)
def _listing(location: str) -> dict[str, InputFile]:
    """The inputs at a file or archive path, by path (an archive is listed once, not once per
    member)."""
    try:
        return {source.path: source for source in find_inputs([location])}
    except OSError:
        return {}
