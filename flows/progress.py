"""Progress of a batch command, phase by phase (starting, discovering, extracting, writing), shown
the way its reader needs it:

- `bar`: a terminal; a live line redrawn twice a second from the first second, so that even the
  temporary Prefect API's start (10 s or more) is seen to be under way;
- `lines`: a log (a file, a scheduler's capture); a line when a phase starts and ends, and one per
  5 % or 30 s in between: done/total, rate, failures, time left;
- `json`: the same events as JSON objects, one per line, for schedulers that parse them;
- `quiet`: nothing.

The command line chooses the mode (`configure`); the flows report to `current()`.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any, TextIO

MODES = ("bar", "lines", "json", "quiet")
_BAR_WIDTH = 24
_REDRAW_SECONDS = 0.5
_LINE_EVERY_SECONDS = 30.0
_LINE_EVERY_SHARE = 0.05
# A phase that takes a second does not need twenty lines.
_LINE_AT_MOST_EVERY_SECONDS = 2.0


def terminal_mode(stream: TextIO | None = None) -> str:
    """A bar on a terminal, lines elsewhere (a log file, a CI job)."""
    return "bar" if (stream or sys.stderr).isatty() else "lines"


class Progress:
    def __init__(self, mode: str | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.mode = mode or terminal_mode(self.stream)
        self.name = ""
        self.total: int | None = None
        self.done = 0
        self.failed = 0
        self.started = self.last_line = time.monotonic()
        self.next_share = _LINE_EVERY_SHARE
        self._lock = threading.Lock()
        self._ticker: threading.Thread | None = None
        self._closed = threading.Event()

    def phase(self, name: str, total: int | None = None) -> None:
        """Start a phase (ending the one before); `total` when its size is known."""
        with self._lock:
            self._end_phase()
            self.name, self.total, self.done, self.failed = name, total, 0, 0
            self.started = self.last_line = time.monotonic()
            self.next_share = _LINE_EVERY_SHARE
            if self.mode in ("lines", "json"):
                self._line("start")
            elif self.mode == "bar":
                self._start_ticker()
                self._draw()

    def advance(self, failed: bool = False) -> None:
        with self._lock:
            self.done += 1
            self.failed += failed
            if self.mode == "bar":
                self._draw()
            elif self.mode in ("lines", "json") and self._line_due():
                self._line("progress")

    def close(self) -> None:
        """End the last phase; the bar's line is left as it was, and a new line started."""
        with self._lock:
            self._end_phase()
            self.name = ""
        self._closed.set()

    def _end_phase(self) -> None:
        if not self.name:
            return
        if self.mode == "bar":
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
        elif self.mode in ("lines", "json"):
            self._line("end")

    def _line_due(self) -> bool:
        now = time.monotonic()
        if now - self.last_line < _LINE_AT_MOST_EVERY_SECONDS:
            return False
        if self.total and self.done / self.total >= self.next_share:
            while self.done / self.total >= self.next_share:
                self.next_share += _LINE_EVERY_SHARE
            return True
        return now - self.last_line >= _LINE_EVERY_SECONDS

    def _line(self, event: str) -> None:
        self.last_line = time.monotonic()
        facts = self.facts()
        if self.mode == "json":
            text = json.dumps({"event": event, **facts}, ensure_ascii=False)
        elif event == "start":
            text = f"qpr: {self.name}" + (f": {self.total} to do" if self.total is not None else "")
        elif event == "end":
            text = f"qpr: {self.name}: done in {_duration(round(facts['seconds']))}"
            if self.total is not None:
                text += f", {self.done}/{self.total}, {self.failed} failed"
        else:
            text = f"qpr: {self.name}: {self._status(facts)}"
        self.stream.write(text + "\n")
        self.stream.flush()

    def facts(self) -> dict[str, Any]:
        """The phase's counts as numbers: what the lines and JSON events say."""
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = None
        if self.total is not None and rate > 0:
            left = round((self.total - self.done) / rate)
        return {
            "phase": self.name,
            "done": self.done,
            "total": self.total,
            "failed": self.failed,
            "seconds": round(elapsed, 1),
            "per_second": round(rate, 2),
            "seconds_left": left,
        }

    @staticmethod
    def _status(facts: dict[str, Any]) -> str:
        done, total = facts["done"], facts["total"]
        if total is None:
            if not done:
                return f"{facts['seconds']:.0f} s"
            return f"{done} found, {facts['seconds']:.0f} s"
        share = f" ({100 * done // total}%)" if total else ""
        status = f"{done}/{total}{share}, {facts['per_second']:.1f}/s, {facts['failed']} failed"
        if facts["seconds_left"] is not None and done < total:
            status += f", {_duration(facts['seconds_left'])} left"
        return status

    def _draw(self) -> None:
        facts = self.facts()
        if self.total:
            filled = _BAR_WIDTH * min(self.done, self.total) // self.total
            bar = "[" + "#" * filled + "-" * (_BAR_WIDTH - filled) + "] "
        else:
            bar = ""
        # \x1b[K clears what a longer line before left.
        self.stream.write(f"\r{self.name}: {bar}{self._status(facts)}\x1b[K")
        self.stream.flush()

    def _start_ticker(self) -> None:
        if self._ticker is not None and self._ticker.is_alive():
            return
        closed = self._closed = threading.Event()

        def tick() -> None:
            while not closed.wait(_REDRAW_SECONDS):
                with self._lock:
                    if self.name:
                        self._draw()

        self._ticker = threading.Thread(target=tick, name="qpr-progress", daemon=True)
        self._ticker.start()


def _duration(seconds: int) -> str:
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


def show_starting(stream: TextIO | None = None) -> None:
    """The bar's first state, drawn by the supervisor as soon as the command line is read: the
    command's own process needs a second or two of imports before it draws (flows/interrupt.py)."""
    stream = stream if stream is not None else sys.stderr
    stream.write("\rstarting: 0 s\x1b[K")
    stream.flush()


_current: Progress | None = None


def configure(mode: str | None) -> Progress:
    """The progress of this process's command, in `mode` (None: bar on a terminal, lines
    elsewhere)."""
    global _current
    _current = Progress(mode)
    return _current


def current() -> Progress:
    """The configured progress; a default one for code run outside the command line."""
    global _current
    if _current is None:
        _current = Progress()
    return _current
