"""The ingest flow's driver for the intake service, in a child process of its own: started once,
fed one piece of work at a time over a pipe (a batch of uploads to ingest, or the corrected view
to rebuild), and replaced if it dies.

Run in a thread of the HTTP process, the driver held the interpreter's lock that the requests
need (accept latency p95 over 300 ms while it collected results) and grew that process's memory
with each run's chunks; in its own process the HTTP process only keeps bytes and answers. It is
started by `spawn` (a fresh interpreter, no copy of the server's threads or sockets) and stays in
the service's process group, so the supervisor's end of the group ends it too.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from flows import interrupt
from pipeline.limits import Limits

log = logging.getLogger(__name__)

# How long a closed driver has to leave by itself before it is terminated.
_STOP_SECONDS = 10.0


class DriverError(RuntimeError):
    """A piece of work failed, or the driver process died doing it."""


class Driver:
    def __init__(self, root: Path, workers: int, limits: Limits, progress_mode: str) -> None:
        self._settings = (str(root), workers, limits, progress_mode)
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def ingest(self, paths: list[str]) -> None:
        self._do(("ingest", paths))

    def rebuild_corrected_view(self) -> None:
        self._do(("rebuild", None))

    def interrupt(self) -> None:
        """Ask the run in progress to stop handing out work and write what it finished."""
        process = self._process
        if process is not None and process.pid is not None and process.is_alive():
            os.kill(process.pid, interrupt.STOP_SIGNAL)

    def close(self) -> None:
        """End the process: its loop ends with the pipe; terminated if it does not."""
        if self._connection is not None:
            self._connection.close()
        if self._process is not None:
            self._process.join(_STOP_SECONDS)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
        self._process = self._connection = None

    def _do(self, request: tuple[str, Any]) -> None:
        if self._process is None or not self._process.is_alive():
            self._start()
        assert self._connection is not None and self._process is not None
        try:
            self._connection.send(request)
            while not self._connection.poll(0.5):
                if not self._process.is_alive():
                    raise EOFError
            outcome, message = self._connection.recv()
        except (EOFError, OSError):
            code = self._process.exitcode
            self._process = None
            raise DriverError(f"the ingest process ended (exit status {code})") from None
        if outcome != "done":
            raise DriverError(message)

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_drive, args=(theirs, *self._settings), name="qpr-ingest-driver", daemon=False
        )
        process.start()
        theirs.close()
        self._process, self._connection = process, ours


def _drive(
    connection: Connection, root: str, workers: int, limits: Limits, progress_mode: str
) -> None:
    """The child: each request done in turn, its outcome sent back, until the pipe closes."""
    from flows import progress
    from flows.correct_command import rebuild_corrected_view
    from flows.ingest import run_ingest

    interrupt.listen_for_stop()
    progress.configure(progress_mode)
    while True:
        try:
            kind, paths = connection.recv()
        except (EOFError, OSError):
            return
        try:
            if kind == "ingest":
                run_ingest(paths, root, workers=workers, limits=limits, kept_uploads=True)
            else:
                rebuild_corrected_view(Path(root))
            connection.send(("done", None))
        except Exception as error:  # said to the loop, which logs it and tries again
            log.exception("the intake service's %s failed", kind)
            connection.send(("failed", f"{kind}: {type(error).__name__}: {error}"))
