"""Progress of a batch on the command line: a live bar (files done / total, rate, failures) on a
terminal, plain log lines otherwise (a CI log, a file, a Prefect worker's output)."""

from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

log = logging.getLogger(__name__)

_BAR_WIDTH = 30
_LOG_EVERY_SECONDS = 10.0


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty()
        self.started = time.monotonic()
        self.last_line = self.started

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.live:
            self._draw(now)
        elif now - self.last_line >= _LOG_EVERY_SECONDS or self.done == self.total:
            log.info("%s", self._status(now))
            self.last_line = now

    def finish(self) -> None:
        if self.live and self.total:
            self.stream.write("\n")
            self.stream.flush()

    def _status(self, now: float) -> str:
        rate = self.done / max(now - self.started, 1e-9)
        return f"{self.done}/{self.total} files, {rate:.1f} files/s, {self.failed} failed"

    def _draw(self, now: float) -> None:
        filled = _BAR_WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self._status(now)}")
        self.stream.flush()
