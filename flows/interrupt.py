"""Stopping a batch command cleanly (Ctrl-C, SIGTERM), whatever its processes are doing.

A terminal's Ctrl-C reaches every process of its foreground group: the extracting workers, their
sandboxes and the temporary Prefect API would all die mid-work while the driver carries on. So
`qpr ingest`, `reprocess` and `serve` run as two processes: this supervisor, which alone takes
the signals, and the command itself in a process group of its own (with everything it starts).

- The first SIGINT or SIGTERM is passed on as STOP_SIGNAL: the command stops handing out work,
  waits a few seconds for the documents in flight, writes the outputs for what is done and exits.
- Past HARD_DEADLINE, or at a second signal, the whole group is killed: every file is written
  atomically, so that leaves nothing half-written, only temporary files the next run removes.
- Whatever the command leaves running (a Prefect API, a worker busy with an abandoned chunk) is
  stopped with its group before the supervisor exits 130 (SIGINT) or 143 (SIGTERM).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

# Set in the command's environment, so that it knows it is the supervised side.
SUPERVISED = "QPR_SUPERVISED"
STOP_SIGNAL = signal.SIGUSR1
# How long the command waits for the chunks in flight once asked to stop.
GRACE_SECONDS = 5.0
# From the first signal to the group's kill: the command exits within 15 s in any case.
HARD_DEADLINE = 12.0
_GROUP_TERM_SECONDS = 2.0

_stop = threading.Event()
_supervisor = os.getppid()
_on_stop: Callable[[dict[str, Any]], Any] | None = None


def supervise(argv: Sequence[str]) -> int:
    """Run `qpr ARGV` as the supervised command and return its exit status (128 + the signal's
    number when interrupted)."""
    environment = {**os.environ, SUPERVISED: "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *argv], env=environment, process_group=0
    )
    signals: list[int] = []

    def on_signal(number: int, frame: FrameType | None) -> None:
        signals.append(number)
        if len(signals) == 1:
            print(
                "\nqpr: stopping: finishing the documents in progress and writing the outputs "
                "(press Ctrl-C again to stop at once)",
                file=sys.stderr,
                flush=True,
            )
            with contextlib.suppress(ProcessLookupError):
                child.send_signal(STOP_SIGNAL)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, on_signal)
    code = _wait(child, signals)
    _end_group(child.pid)
    if signals:
        return 128 + signals[0]
    return code


def _wait(child: subprocess.Popen[bytes], signals: list[int]) -> int:
    """The command's exit status; it is killed with its group at a second signal or past the
    deadline after the first."""
    first: float | None = None
    while True:
        try:
            return child.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            pass
        if signals and first is None:
            first = time.monotonic()
        if len(signals) > 1 or (first is not None and time.monotonic() - first > HARD_DEADLINE):
            print("qpr: stopped at once; run the same command again to resume", file=sys.stderr)
            _kill_group(child.pid, signal.SIGKILL)
            return child.wait()


def _end_group(group: int) -> None:
    """Stop what the command left running in its group: politely, then not."""
    if not _kill_group(group, signal.SIGTERM):
        return
    deadline = time.monotonic() + _GROUP_TERM_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if not _group_alive(group):
            return
    _kill_group(group, signal.SIGKILL)


def _kill_group(group: int, number: int) -> bool:
    try:
        os.killpg(group, number)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _group_alive(group: int) -> bool:
    """Whether a process of the group still runs (zombies waiting for their reaper do not)."""
    if not os.path.isdir("/proc"):  # no /proc to tell zombies apart: any member counts
        return _kill_group(group, 0)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError), open(f"/proc/{entry.name}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
            if int(fields[2]) == group and fields[0] != "Z":
                return True
    return False


# The supervised command's side.


def is_supervised() -> bool:
    return os.environ.get(SUPERVISED) == "1"


def listen_for_stop() -> None:
    """In the supervised command: the supervisor's request to stop sets a flag the batch loop
    reads. Ctrl-C never reaches this process group, and is ignored should it come."""
    signal.signal(STOP_SIGNAL, lambda number, frame: _stop.set())
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def stop_requested() -> bool:
    """True once the supervisor asked to stop, or died (a `kill -9` of `qpr` itself)."""
    if is_supervised() and os.getppid() != _supervisor:
        _stop.set()
    return _stop.is_set()


def on_stop(finish: Callable[[dict[str, Any]], Any]) -> None:
    """What a flow stopped early hands its result to (the command line prints it and exits at
    once); without it the flow returns its result as usual."""
    global _on_stop
    _on_stop = finish


def stopped(result: dict[str, Any]) -> dict[str, Any]:
    """Called by a flow that stopped at a request, its outputs written: the command's
    `on_stop` ends the process here; otherwise `result` is returned."""
    if _on_stop is not None:
        _on_stop(result)
    return result


def raise_on_stop() -> None:
    """From now on the supervisor's request to stop raises KeyboardInterrupt in the main thread
    (for code that only stops that way: Prefect's runner under `qpr serve`)."""

    def interrupt(number: int, frame: FrameType | None) -> None:
        _stop.set()
        raise KeyboardInterrupt

    signal.signal(STOP_SIGNAL, interrupt)
    if _stop.is_set():
        raise KeyboardInterrupt
