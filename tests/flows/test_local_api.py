"""`qpr ingest --workers 2` with no Prefect server configured, run as a user runs it: one local
API serves the driver and its worker processes (a worker starting its own cost 4 s of CPU and
200 MiB, and put a third server on the same database)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FILES = (
    "azerbaijan-civil-society-consultation.txt",
    "benin-fonds-creation-musicale.docx",
    "jamaica-music-heritage-digitisation.pdf",
)
DEADLINE_SECONDS = 300


def test_worker_processes_share_the_drivers_local_api(tmp_path: Path) -> None:
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("PREFECT_API_")
    }
    environment["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    # The start-up timeout our CI sets is what made workers start their own API.
    environment["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "90"
    qpr = Path(sys.executable).with_name("qpr")
    out = tmp_path / "out"
    command = [str(qpr), "ingest", *(str(SAMPLES / name) for name in FILES), "--out", str(out)]
    process = psutil.Popen(
        [*command, "--workers", "2"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    servers: set[int] = set()
    deadline = time.monotonic() + DEADLINE_SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        for child in _descendants(process):
            try:
                if "uvicorn" in child.cmdline():
                    servers.add(child.pid)
            except psutil.Error:  # ended between listing and reading
                continue
        time.sleep(0.2)
    if process.poll() is None:
        process.kill()
    _, errors = process.communicate()
    assert process.returncode == 0, errors.decode()
    assert len(servers) == 1
    assert len(list((out / "records").glob("*.json"))) == len(FILES)


def _descendants(process: psutil.Popen) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []
