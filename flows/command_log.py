"""Where a batch command's log goes: the whole of it, tracebacks included, to the run log
(`runs/<run>.log` in the batch folder); to stderr only warnings and errors, one line each, as
sentences (or JSON objects with `--log-format json`). Prefect's own console lines (a line per
task run) are off unless `--verbose`: the progress says what an operator needs.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

# Read by Prefect's logging configuration in every process it starts (workers included), so it
# is set in the environment before Prefect is first imported.
QUIET_PREFECT_CONSOLE = {
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_HANDLERS_DEBUG_LEVEL": "CRITICAL",
}
_FILE_FORMAT = "%(asctime)s %(levelname)s %(processName)s %(name)s: %(message)s"


def quiet_prefect_console() -> None:
    for name, value in QUIET_PREFECT_CONSOLE.items():
        os.environ.setdefault(name, value)


_state: dict[str, object] = {"format": "text", "run_log": None}


def _line(sentence: str, level: str) -> str:
    """A message as the terminal shows it: its first line alone (no traceback), as `qpr: ...`
    or, with `--log-format json`, as a JSON object."""
    first = (sentence.strip().splitlines() or [""])[0]
    if _state["format"] == "json":
        return json.dumps({"event": "log", "level": level, "message": first}, ensure_ascii=False)
    return f"qpr: {first}"


class _Sentence(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return _line(record.getMessage(), record.levelname.lower())


def say(sentence: str, level: str = "error") -> None:
    """One line for the user on stderr, in the configured format."""
    print(_line(sentence, level), file=sys.stderr, flush=True)


def record_detail(sentence: str, error: BaseException) -> Path | None:
    """Write `error` with its traceback to the run log only; the run log's path, if any."""
    run_log = _state["run_log"]
    if not isinstance(run_log, Path):
        return None
    logging.getLogger("qpr").error(sentence, exc_info=error, extra={"detail_only": True})
    return run_log


def setup(run_log: Path | None, log_format: str = "text", verbose: bool = False) -> None:
    """Send this process's log to `run_log` whole and to stderr in sentences."""
    _state.update(format=log_format, run_log=run_log)
    # A log line that cannot be written (a full disk) is lost quietly: logging would print a
    # traceback of its own on stderr, and the command says what happened anyway.
    logging.raiseExceptions = False
    root = logging.getLogger()
    if not verbose:
        for handler in list(root.handlers):
            if type(handler).__name__ == "PrefectConsoleHandler":
                root.removeHandler(handler)
    terminal = logging.StreamHandler(sys.stderr)
    terminal.setLevel(logging.INFO if verbose else logging.WARNING)
    terminal.setFormatter(_Sentence())
    terminal.addFilter(lambda record: not getattr(record, "detail_only", False))
    root.addHandler(terminal)
    root.setLevel(logging.INFO)
    # A line per HTTP request to the Prefect API would bury the run's own lines.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if run_log is not None:
        file = logging.FileHandler(run_log, encoding="utf-8", delay=True)
        file.setLevel(logging.INFO)
        file.setFormatter(logging.Formatter(_FILE_FORMAT))
        root.addHandler(file)
        # Prefect's internal loggers do not propagate: their errors belong in the run log too.
        logging.getLogger("prefect._internal").addHandler(file)
