"""Documents extracted in a child process that the parent can stop: a document that runs past its
time limit, or crashes its parser, costs one `failed` record and a fresh child, not the batch.
One long-lived child serves many documents, so parsers and models load once per child.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from importlib import import_module
from multiprocessing.connection import Connection, Pipe, wait
from typing import cast

from pipeline import extract_bytes
from pipeline.assemble import failed_record
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.names import printable_name
from schemas import ReportRecord
from schemas.outcome import IssueCode
from schemas.report import SourceInfo

Extractor = Callable[..., ReportRecord]

# Importing the pipeline and loading langdetect takes about 1 s; far more means a broken setup.
START_SECONDS = 120.0
# Between SIGTERM and SIGKILL for a stopped child, and for a closed one to leave by itself.
GRACE_SECONDS = 1.0
# How often an extracting child checks that its parent is still there.
ORPHAN_CHECK_SECONDS = 1.0

# The child is a fresh interpreter started with subprocess, not a multiprocessing.Process:
# Dask's worker processes are daemonic, and a daemonic process may not start a
# multiprocessing child, while any process can start a subprocess (exec'd, so no forked copy of
# the parent's threads and event loops either). The parent sends its sys.path first, as
# multiprocessing's spawn does, so the child imports what the parent can.
_BOOTSTRAP = """\
import sys
from multiprocessing.connection import Connection
connection = Connection(int(sys.argv[1]))
sys.path[:] = connection.recv()
from flows.sandbox import serve
serve(connection)
"""


class SandboxError(RuntimeError):
    """The child process could not be started: the setup is broken, not a document."""


class Sandbox:
    """Extract documents in a child process, each within `limits.seconds_per_document` (None:
    no time limit, crashes still isolated). `function` must be importable by module and name
    (the child imports it); it defaults to `pipeline.extract_bytes`. Thread-safe: one document
    at a time."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS, function: Extractor | None = None) -> None:
        function = function or extract_bytes
        self.limits = limits
        self.timeout = limits.seconds_per_document
        self._function = (function.__module__, function.__qualname__)
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        """The child's process id; None before the first document and after a stop."""
        return self._child.pid if self._child is not None else None

    def extract(self, data: bytes, filename: str, include_text: bool = False) -> ReportRecord:
        with self._lock:
            request = (data, filename, include_text)
            # A crash is tried once more in a fresh child: the child may have died before it
            # read the document (the out-of-memory killer picks the largest process, even an
            # idle one), and only a document that crashes twice is blamed for it.
            left, code = self.timeout, None
            for _ in range(2):
                connection = self._send(request)
                started = time.monotonic()
                if not wait([connection], left):
                    self._stop(kill=True)
                    return failed_record(
                        _source(data, filename), IssueCode.TIMEOUT, self._late(), self.limits
                    )
                try:
                    record: ReportRecord = connection.recv()
                    return record
                except (EOFError, OSError):  # the child died
                    code = self._stop(kill=False)
                if left is not None:
                    left -= time.monotonic() - started
                    if left <= 0:
                        break
            return failed_record(
                _source(data, filename),
                IssueCode.CORRUPT,
                f"the parser crashed on this file ({_ending(code)}); the file may be damaged, "
                "malformed or too large: open and re-save it, or export it again",
                self.limits,
            )

    def close(self) -> None:
        """Stop the child and reap it (it also leaves by itself when its parent dies)."""
        with self._lock:
            self._stop(kill=False)

    def _send(self, request: tuple[bytes, str, bool]) -> Connection:
        """Send a document to a live child, starting one if there is none (the time this takes
        is not the document's)."""
        for attempt in range(2):
            if self._child is None or self._child.poll() is not None:
                self._stop(kill=True)
                self._start()
            assert self._connection is not None
            try:
                self._connection.send(request)
                return self._connection
            except OSError as error:
                self._stop(kill=True)
                if attempt:
                    raise SandboxError("the extraction process stopped answering") from error
        raise AssertionError("unreachable")

    def _start(self) -> None:
        ours, theirs = Pipe()
        child = subprocess.Popen(
            [sys.executable, "-c", _BOOTSTRAP, str(theirs.fileno())],
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
        )
        theirs.close()  # else the child's death would not show as end-of-file here
        self._child, self._connection = child, ours
        try:
            ours.send(sys.path)
            ours.send((*self._function, self.limits, os.getpid()))
            if not wait([ours], START_SECONDS) or ours.recv() != "ready":
                raise SandboxError(f"the extraction process did not start in {START_SECONDS:g} s")
        except (EOFError, OSError) as error:
            code = self._stop(kill=True)
            raise SandboxError(
                f"the extraction process could not start ({_ending(code)})"
            ) from error
        except SandboxError:
            self._stop(kill=True)
            raise

    def _stop(self, kill: bool) -> int | None:
        """End the child (SIGTERM then SIGKILL when `kill`, else let it leave on end-of-file)
        and reap it; its exit code, None when there was no child."""
        child, connection = self._child, self._connection
        self._child = self._connection = None
        if connection is not None:
            connection.close()
        if child is None:
            return None
        if kill:
            child.terminate()
        try:
            return child.wait(GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            return child.wait()

    def _late(self) -> str:
        return (
            f"extraction took longer than {self.timeout:g} s and was stopped; the file may be "
            "very large or malformed: split or re-export it, or allow more time "
            "(qpr extract --timeout SECONDS)"
        )


_shared: Sandbox | None = None
_shared_lock = threading.Lock()


def shared_sandbox(limits: Limits = DEFAULT_LIMITS) -> Sandbox:
    """This process's sandbox, started on first use and kept for every later chunk (a worker
    process's child lives as long as the worker)."""
    global _shared
    with _shared_lock:
        if _shared is None or _shared.limits != limits:
            if _shared is not None:
                _shared.close()
            _shared = Sandbox(limits)
            atexit.register(_shared.close)  # reaped at a normal exit; else it leaves by itself
        return _shared


def serve(connection: Connection) -> None:
    """The child's loop: extract each document received, send its record back; leave at
    end-of-file (the parent closed the sandbox or died)."""
    # Ctrl-C in a terminal reaches the whole process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    module, name, limits, parent = connection.recv()
    target: object = import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    function = cast(Extractor, target)
    from pipeline.language import load_detector

    load_detector()  # langdetect's profiles load once, before any document (not thread-safe)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    connection.send("ready")
    while True:
        try:
            data, filename, include_text = connection.recv()
        except EOFError:
            return
        record = _guarded(function, data, filename, include_text, limits)
        try:
            connection.send(record)
        except Exception as error:  # a record that does not pickle still gets an answer
            connection.send(
                failed_record(
                    _source(data, filename),
                    IssueCode.CORRUPT,
                    f"unexpected error: {error!r}",
                    limits,
                )
            )


def _guarded(
    function: Extractor, data: bytes, filename: str, include_text: bool, limits: Limits
) -> ReportRecord:
    """extract_bytes catches what a reader raises; this catches the rest, so that an exception
    never ends the child (and with it the models it loaded)."""
    try:
        record: ReportRecord = function(data, filename, include_text=include_text, limits=limits)
    except MemoryError:
        return failed_record(
            _source(data, filename),
            IssueCode.TOO_LARGE,
            "the document needed more memory than the extraction process could get",
            limits,
        )
    except Exception as error:
        return failed_record(
            _source(data, filename),
            IssueCode.CORRUPT,
            f"the file could not be read (unexpected error: {error!r})",
            limits,
        )
    return record


def _exit_with(parent: int) -> None:
    """Leave when the parent is gone (it was killed, or died): an idle child also sees
    end-of-file, but a child busy on a document only notices this way."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _source(data: bytes, filename: str) -> SourceInfo:
    return SourceInfo(
        filename=printable_name(filename),
        sha256=hashlib.sha256(data).hexdigest(),
        format=None,
        size_bytes=len(data),
        pages=None,
    )


def _ending(code: int | None) -> str:
    """How a child ended, for a person: a negative return code is the signal that killed it."""
    if code is None or code >= 0:
        return f"exit status {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = str(-code)
    if -code == signal.SIGKILL:
        return f"killed by signal {name}, often the out-of-memory killer"
    return f"killed by signal {name}"
