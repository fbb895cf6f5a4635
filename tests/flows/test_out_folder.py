"""The output folder's checks and its lock, as a second operator or a dead run leaves them."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from flows.out_folder import LOCK_NAME, FolderError, LockedError, batch_lock, check_out_folder
from flows.store import BatchStore


def test_new_empty_and_batch_folders_are_accepted_others_refused(tmp_path: Path) -> None:
    assert check_out_folder(tmp_path / "new") is False
    (tmp_path / "empty").mkdir()
    assert check_out_folder(tmp_path / "empty") is False
    BatchStore(tmp_path / "batch").write_manifest({}, "0.1.0")
    assert check_out_folder(tmp_path / "batch") is True
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "manifest.json").write_text('{"name": "a web app"}')
    with pytest.raises(FolderError, match="not a qpr batch folder .* it holds manifest.json"):
        check_out_folder(tmp_path / "theirs")


def dead_pid() -> int:
    """The pid of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def plant_lock(folder: Path, pid: int, host: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    holder = {"pid": pid, "host": host, "started": "2026-12-01T10:00:00Z", "command": "ingest"}
    (folder / LOCK_NAME).write_text(json.dumps(holder))


def test_a_lock_held_by_a_live_run_refuses_a_second_one(tmp_path: Path) -> None:
    with batch_lock(tmp_path, "ingest"):
        with pytest.raises(
            LockedError, match=f"in use by another run \\(qpr ingest pid {os.getpid()} on"
        ):
            with batch_lock(tmp_path, "reprocess"):
                pass
    assert not (tmp_path / LOCK_NAME).exists(), "released at the end"
    with batch_lock(tmp_path, "ingest"):  # and free again
        pass


def test_a_lock_held_in_another_process_is_seen(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from flows.out_folder import batch_lock\n"
            f"with batch_lock(Path({str(tmp_path)!r}), 'ingest'):\n"
            "    print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(LockedError, match=f"pid {holder.pid}"):
            with batch_lock(tmp_path, "ingest"):
                pass
    finally:
        holder.kill()
        holder.wait()
    with batch_lock(tmp_path, "ingest"):  # its death released the flock
        pass


def test_a_stale_lock_of_this_host_is_taken_over_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pid = dead_pid()
    plant_lock(tmp_path, pid, socket.gethostname())
    with caplog.at_level(logging.WARNING, logger="flows.out_folder"):
        with batch_lock(tmp_path, "ingest"):
            mine = json.loads((tmp_path / LOCK_NAME).read_text())
    assert mine["pid"] == os.getpid()
    assert f"taking over the lock of qpr ingest pid {pid}" in caplog.text


def test_a_lock_of_another_host_needs_break_lock(tmp_path: Path) -> None:
    plant_lock(tmp_path, 4242, "another-host.example")
    with pytest.raises(LockedError, match="pid 4242 on another-host.example .*--break-lock"):
        with batch_lock(tmp_path, "ingest"):
            pass
    assert json.loads((tmp_path / LOCK_NAME).read_text())["host"] == "another-host.example"
    with batch_lock(tmp_path, "ingest", break_lock=True):
        assert json.loads((tmp_path / LOCK_NAME).read_text())["pid"] == os.getpid()


def test_start_up_cleanup_spares_the_temporary_files_of_live_processes(tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir(parents=True)
    live = records / f".{'a' * 64}.json.{os.getpid()}.0a1b2c3d.tmp"
    dead = records / f".{'b' * 64}.json.{dead_pid()}.0a1b2c3d.tmp"
    old_style = records / ".manifest.json.tmp"
    for path in (live, dead, old_style):
        path.write_text("{")
    BatchStore(tmp_path)
    assert live.exists() and not dead.exists() and not old_style.exists()
