"""The command line's progress: a live bar on a terminal, plain log lines elsewhere."""

from __future__ import annotations

import io
import logging

import pytest

from flows.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_files_rate_and_failures() -> None:
    screen = Terminal()
    progress = Progress(total=4, stream=screen)
    progress.advance()
    progress.advance(failed=True)
    progress.finish()
    last = screen.getvalue().rstrip("\n").split("\r")[-1]
    assert last.startswith("[###############---------------] 2/4 files, ")
    assert last.endswith("files/s, 1 failed")


def test_a_log_gets_plain_lines_and_no_bar(caplog: pytest.LogCaptureFixture) -> None:
    stream = io.StringIO()
    progress = Progress(total=2, stream=stream)
    with caplog.at_level(logging.INFO, logger="flows.progress"):
        progress.advance()
        progress.advance()
        progress.finish()
    assert stream.getvalue() == ""
    assert caplog.messages[-1].startswith("2/2 files, ")
