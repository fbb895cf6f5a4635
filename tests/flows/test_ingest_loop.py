"""The intake service's ingest loop gathers a burst of uploads into one run (each flow run costs
seconds: its worker processes started, the outputs rebuilt, whatever its size), and takes up
again, when it starts, every submission a stop or a kill left unfinished, and nothing else."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from flows.intake.ingest_loop import IngestLoop, unfinished_submissions
from flows.submissions import Submission, accept
from pipeline.limits import DEFAULT_LIMITS


def _submission(number: int) -> Submission:
    return Submission(f"{number:024x}", "FRA", f"{number:064x}", f"{number}.txt", 10)


def _loop(tmp_path: Path, settle: float, limit: float) -> tuple[IngestLoop, list[int]]:
    """A loop whose runs are only counted (no Prefect): the sizes of its batches."""
    loop = IngestLoop(
        tmp_path, 1, DEFAULT_LIMITS, settle_seconds=settle, settle_limit_seconds=limit
    )
    sizes: list[int] = []

    def ingest(batch: list[Submission]) -> None:
        sizes.append(len(batch))
        with loop._condition:
            for item in batch:
                loop._queued.pop(item.id, None)

    loop._ingest = ingest  # type: ignore[method-assign]
    return loop, sizes


def _send(loop: IngestLoop, count: int, every: float) -> threading.Thread:
    def send() -> None:
        for number in range(count):
            loop.queue(_submission(number))
            time.sleep(every)

    sender = threading.Thread(target=send)
    sender.start()
    while not loop.queued():
        time.sleep(0.001)
    return sender


def test_a_burst_of_uploads_makes_one_run(tmp_path: Path) -> None:
    loop, sizes = _loop(tmp_path, settle=0.5, limit=10)
    sender = _send(loop, 20, every=0.02)  # 0.4 s of uploads, never 0.5 s apart
    assert loop._next()
    sender.join()
    assert sizes == [20]


def test_a_steady_stream_still_gets_runs(tmp_path: Path) -> None:
    loop, sizes = _loop(tmp_path, settle=0.3, limit=0.4)
    sender = _send(loop, 40, every=0.02)  # 0.8 s of uploads
    started = time.monotonic()
    assert loop._next()
    assert time.monotonic() - started < 0.9  # the limit, not the stream's end and a settle
    sender.join()
    assert loop._next()
    assert sum(sizes) == 40 and len(sizes) == 2 and sizes[0] < 40


def test_a_stop_ends_the_wait(tmp_path: Path) -> None:
    loop, sizes = _loop(tmp_path, settle=5, limit=10)
    loop.queue(_submission(1))

    def stop() -> None:  # what loop.stop() does to the loop (not the process-wide stop flag)
        with loop._condition:
            loop._stopping = True
            loop._condition.notify()

    threading.Timer(0.1, stop).start()
    started = time.monotonic()
    assert not loop._next()
    assert time.monotonic() - started < 2 and sizes == []


VERSION = "0.1.0+current"


def _record(root: Path, sha256: str, version: str) -> None:
    (root / "records").mkdir(exist_ok=True)
    record = {"extractor": {"name": "qpr", "version": version}}
    (root / "records" / f"{sha256}.json").write_text(json.dumps(record))


def test_a_restart_takes_up_what_has_no_current_record_or_is_missing_from_the_manifest(
    tmp_path: Path,
) -> None:
    done, _ = accept(tmp_path, "KEN", "done.txt", b"finished and listed")
    unlisted, _ = accept(
        tmp_path, "KEN", "unlisted.txt", b"recorded by a run killed before its end"
    )
    waiting, _ = accept(tmp_path, "FRA", "waiting.txt", b"accepted, never extracted")
    older, _ = accept(tmp_path, "FRA", "older.txt", b"recorded by an older extractor")
    for item, version in ((done, VERSION), (unlisted, VERSION), (older, "0.0.9+old")):
        _record(tmp_path, item.sha256, version)
    listed = [{"sha256": item.sha256, "paths": []} for item in (done, older)]
    (tmp_path / "manifest.json").write_text(json.dumps({"inputs": listed}))
    again = unfinished_submissions(tmp_path, VERSION)
    assert {item.id for item in again} == {unlisted.id, waiting.id, older.id}
