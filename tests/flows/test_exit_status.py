"""The one table of exit statuses, and the sentences an environment error becomes."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from flows.exit_status import (
    FAILED_INPUTS,
    OK,
    USAGE,
    environment_sentence,
    files_status,
    outcome_status,
)


@pytest.mark.parametrize(
    ("unreadable", "failed", "status"), [(0, 0, OK), (0, 2, FAILED_INPUTS), (1, 2, USAGE)]
)
def test_a_file_not_read_outweighs_a_file_that_failed(
    unreadable: int, failed: int, status: int
) -> None:
    assert files_status(unreadable, failed) == status


def test_strays_fail_a_run_unless_allowed() -> None:
    strays = {"failures": {"unsupported_format": 2, "not_a_report": 1}, "invalid": 0}
    assert outcome_status(strays, allow_strays=False) == FAILED_INPUTS
    assert outcome_status(strays, allow_strays=True) == OK
    corrupt = {"failures": {"corrupt": 1, "empty_document": 1}, "invalid": 0}
    assert outcome_status(corrupt, allow_strays=True) == FAILED_INPUTS
    assert outcome_status({"failures": {}, "invalid": 1}, allow_strays=True) == FAILED_INPUTS


def test_an_environment_error_names_its_folder() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "/data/out/records/a.json")
    assert environment_sentence(full, None).startswith(
        "no space left on the device of /data/out/records:"
    )
    # A write that fails on flushing names no file: the batch folder is named instead.
    read_only = OSError(errno.EROFS, "Read-only file system")
    assert environment_sentence(read_only, Path("/data/out")) == (
        "cannot write to /data/out: Read-only file system"
    )
