"""A batch's progress as its reader sees it: a live bar on a terminal, sparse plain lines in a
log, JSON events for a scheduler, nothing when asked to be quiet."""

from __future__ import annotations

import io
import json
import time

import pytest

from flows import progress as progress_module
from flows.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_live_bar_with_counts_rate_and_failures() -> None:
    screen = Terminal()
    progress = Progress(stream=screen)
    progress.phase("extracting", 4)
    progress.advance()
    progress.advance(failed=True)
    progress.close()
    last = screen.getvalue().rstrip("\n").split("\r")[-1]
    assert last.startswith("extracting: [############------------] 2/4 (50%), ")
    assert "/s, 1 failed" in last


def test_the_bar_is_redrawn_while_nothing_advances(monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary Prefect API takes 10 s to start: the line must show time passing."""
    monkeypatch.setattr(progress_module, "_REDRAW_SECONDS", 0.05)
    screen = Terminal()
    progress = Progress(stream=screen)
    progress.phase("starting the local Prefect API")
    time.sleep(0.3)
    progress.close()
    assert screen.getvalue().count("\rstarting the local Prefect API: ") >= 3


def test_a_log_gets_a_line_per_phase_and_per_step_not_per_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress_module, "_LINE_AT_MOST_EVERY_SECONDS", 0.0)
    log = io.StringIO()
    progress = Progress(stream=log)
    progress.phase("extracting", 200)
    for _ in range(200):
        progress.advance()
    progress.close()
    lines = log.getvalue().splitlines()
    assert lines[0] == "qpr: extracting: 200 to do"
    assert lines[1].startswith("qpr: extracting: 10/200 (5%), ")
    assert lines[-1].startswith("qpr: extracting: done in ") and lines[-1].endswith(
        "200/200, 0 failed"
    )
    assert 20 <= len(lines) <= 22, "one line per 5 %, not one per file"
    assert "\r" not in log.getvalue()


def test_a_scheduler_gets_json_events() -> None:
    log = io.StringIO()
    progress = Progress("json", stream=log)
    progress.phase("extracting", 2)
    progress.advance(failed=True)
    progress.advance()
    progress.close()
    events = [json.loads(line) for line in log.getvalue().splitlines()]
    assert events[0]["event"] == "start" and events[-1]["event"] == "end"
    assert events[-1] | {"seconds": 0, "per_second": 0} == {
        "event": "end",
        "phase": "extracting",
        "done": 2,
        "total": 2,
        "failed": 1,
        "seconds": 0,
        "per_second": 0,
        "seconds_left": 0,
    }


def test_quiet_says_nothing() -> None:
    screen = Terminal()
    progress = Progress("quiet", stream=screen)
    progress.phase("extracting", 2)
    progress.advance()
    progress.close()
    assert screen.getvalue() == ""
