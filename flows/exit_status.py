"""One table of exit statuses for every `qpr` command (the README's "Exit statuses"), and the
sentences that tell the user why a command ended as it did:

0 every input ok or partial; 1 some inputs failed, the run itself completed; 2 a usage error,
an invalid input given, or nothing to do; 3 the run could not complete (its environment: disk,
folder, lock, Prefect); 130 / 143 interrupted by SIGINT / SIGTERM.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import Any

from flows import command_log

OK, FAILED_INPUTS, USAGE, ENVIRONMENT = 0, 1, 2, 3
INTERRUPTED = 130
# Failure codes of inputs that are not reports at all: they fail a run unless --allow-strays.
REFUSED = frozenset({"unsupported_format", "not_a_report", "empty_document"})


class CommandError(Exception):
    """What the user is told, in one line, and the exit status it gives."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def files_status(unreadable: int, failed: int) -> int:
    """The status of a command over the files it was given: a file it could not read is a
    usage error, a file that failed to extract or validate a failed input."""
    return USAGE if unreadable else FAILED_INPUTS if failed else OK


def outcome_status(outcomes: dict[str, Any], allow_strays: bool) -> int:
    """1 when an input of the run failed (or its record no longer validates), else 0."""
    failures = dict(outcomes.get("failures", {}))
    if allow_strays:
        failures = {code: count for code, count in failures.items() if code not in REFUSED}
    return FAILED_INPUTS if failures or outcomes.get("invalid") else OK


def file_problem(path: Path, sentence: str) -> None:
    """What went wrong with one of the files given, on stderr."""
    print(f"qpr: {path}: {sentence}", file=sys.stderr)


def unreadable_file(path: Path, error: OSError) -> None:
    file_problem(path, f"cannot read the file ({error.strerror or error})")


def environment_sentence(error: OSError, out: Path | None) -> str:
    """What went wrong, and where: the file's folder, or the batch folder when the error does
    not say (a write that fails on flushing names no file)."""
    where = Path(error.filename).parent if error.filename else out
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"no space left on the device of {where}: free some space and run the same command "
            "again; what was done is kept"
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write to {where or error.filename}: {error.strerror}"
    return f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")


def stopped_sentence(error: Exception) -> str:
    """A bug, or Prefect failing: its type and first line (the rest goes to the run log)."""
    first_line = (str(error).strip().splitlines() or [""])[0]
    return f"the run stopped: {type(error).__name__}: {first_line}"


def report_failure(sentence: str, error: BaseException) -> None:
    """`sentence` for the user, pointing to the run log that holds the traceback."""
    run_log = command_log.record_detail(sentence, error)
    command_log.say(sentence + (f" (the detail is in {run_log})" if run_log else ""))
