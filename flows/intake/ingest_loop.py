"""The intake service's one writer of the batch folder's outputs: a thread that has the ingest
flow run on the accepted uploads, a batch of them per flow run (never a run per request: a run
costs seconds of Prefect, worker processes and a dataset rebuild), and the corrected view
rebuilt after corrections — each in turn, by the flow's driver process (flows/intake/driver.py).

Extraction happens where `qpr ingest` does it, in the flow's sandboxed worker processes; the
HTTP process only keeps bytes and reads results. What is queued lives in memory, but every
accepted upload is on disk first: at start, the submissions without a record of the current
extractor are queued again, so a server killed at any moment finishes them once restarted.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

from flows.intake.driver import Driver
from flows.submissions import Submission, submissions, upload_path
from pipeline.limits import Limits

log = logging.getLogger(__name__)

# After a failed run (the Prefect API gone, a full disk), the wait before the next try.
RETRY_SECONDS = 5.0


class IngestLoop:
    def __init__(
        self,
        root: Path,
        workers: int,
        limits: Limits,
        settle_seconds: float = 1.0,
        max_batch: int = 1000,
        settle_limit_seconds: float = 10.0,
        progress_mode: str = "quiet",
    ) -> None:
        """`settle_seconds`: how long the uploads must have stopped arriving before a run
        starts (a Party sending its report and annexes, or many sending at once, gets one run),
        waiting `settle_limit_seconds` at most under a steady stream; `max_batch`: uploads per
        run; `progress_mode`: how the runs show their progress (flows/progress.py)."""
        self.root = root
        self.workers = workers
        self.limits = limits
        self.settle_seconds = settle_seconds
        self.settle_limit_seconds = settle_limit_seconds
        self.max_batch = max_batch
        self.runs = 0
        self.ready = False  # the Prefect API is up: runs can start
        self.last_error: str | None = None
        self._condition = threading.Condition()
        self._queued: dict[str, Submission] = {}  # by id, in the order they came
        self._last_queued = 0.0  # time.monotonic() of the last upload queued
        self._corrections = False
        self._stopping = False
        self._driver = Driver(root, workers, limits, progress_mode)
        self._thread = threading.Thread(target=self._run, name="qpr-ingest-loop", daemon=True)

    # What the endpoints call.

    def start(self) -> None:
        self._thread.start()

    def queue(self, submission: Submission) -> None:
        with self._condition:
            self._queued.setdefault(submission.id, submission)
            self._last_queued = time.monotonic()
            self._condition.notify()

    def is_queued(self, submission_id: str) -> bool:
        with self._condition:
            return submission_id in self._queued

    def queued(self) -> int:
        with self._condition:
            return len(self._queued)

    def corrections_changed(self) -> None:
        with self._condition:
            self._corrections = True
            self._condition.notify()

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the run in progress has written what it finished (flows/interrupt.py)."""
        with self._condition:
            self._stopping = True
            self._condition.notify()
        self._driver.interrupt()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._driver.close()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    # The thread.

    def _run(self) -> None:
        from flows.prefect_runtime import local_api
        from pipeline.version import extractor_version

        try:
            with local_api():
                self.ready = True
                for submission in unfinished_submissions(self.root, extractor_version(self.limits)):
                    self.queue(submission)
                while self._next():
                    pass
        except Exception as error:  # said on /healthz and in the log; the uploads stay kept
            self.last_error = f"the ingest loop stopped: {error}"
            log.exception("the ingest loop stopped")

    def _next(self) -> bool:
        """Wait for work and do one piece of it; False once stopping."""
        with self._condition:
            while not (self._queued or self._corrections or self._stopping):
                self._condition.wait()
            if self._queued:
                self._settle()
            if self._stopping:
                return False
            batch = list(self._queued.values())[: self.max_batch]
            corrections, self._corrections = self._corrections, False
        try:
            if batch:
                self._ingest(batch)
            elif corrections:
                self._rebuild_corrected_view()
            self.last_error = None
        except Exception as error:
            self.last_error = f"the last run failed, retried in {RETRY_SECONDS:g} s: {error}"
            log.exception("an ingest run of the intake service failed; retrying")
            with self._condition:
                self._corrections = self._corrections or corrections
                self._condition.wait(RETRY_SECONDS)
        return True

    def _settle(self) -> None:
        """Let a burst of uploads arrive, so that it makes one run: wait until none has come
        for `settle_seconds` (at most `settle_limit_seconds` in all), a batch is full, or a stop
        is asked for. Called holding the condition, which each upload queued notifies: a wait
        of `settle_seconds` alone ended at the next upload, and a burst began with a run of its
        first one or two (a run costs seconds: its worker processes, the outputs rebuilt)."""
        limit = time.monotonic() + self.settle_limit_seconds
        while not self._stopping and len(self._queued) < self.max_batch:
            left = min(self._last_queued + self.settle_seconds, limit) - time.monotonic()
            if left <= 0:
                return
            self._condition.wait(left)

    def _ingest(self, batch: list[Submission]) -> None:
        paths = sorted({str(upload_path(self.root, item)) for item in batch})
        log.info("ingesting %d upload(s) of %d submission(s)", len(paths), len(batch))
        self._driver.ingest(paths)
        self.runs += 1
        with self._condition:
            for item in batch:
                self._queued.pop(item.id, None)

    def _rebuild_corrected_view(self) -> None:
        self._driver.rebuild_corrected_view()


def unfinished_submissions(root: Path, version: str) -> list[Submission]:
    """The submissions accepted before a stop (or a kill) and not finished: without a record of
    extractor `version` (made by an older one, or none yet), or with a record that a killed run
    wrote but never listed in the manifest (a run rewrites the manifest, and skips the
    extraction)."""
    from flows.store import BatchStore

    store = BatchStore(root)
    listed = _manifest_inputs(root / "manifest.json")
    return [
        item
        for item in submissions(root)
        if item.sha256 not in listed or not store.has_record(item.sha256, version)
    ]


def _manifest_inputs(path: Path) -> set[str]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        return {str(entry["sha256"]) for entry in manifest["inputs"]}
    except (OSError, ValueError, KeyError, TypeError):
        return set()
