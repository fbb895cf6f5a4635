"""An extraction function that misbehaves on purpose, for tests/flows/test_sandbox.py: the
sandbox's child process imports it by name, so it lives in a module of its own."""

from __future__ import annotations

import os
import resource
import signal
import time

from pipeline import extract_bytes
from schemas import ReportRecord


def misbehaving_extract(
    data: bytes, filename: str, include_text: bool = False, **options: object
) -> ReportRecord:
    """Hang, crash, exit or raise when the data starts with SLEEP, SEGFAULT, EXIT or RAISE;
    otherwise extract as usual."""
    if data.startswith(b"SLEEP"):
        time.sleep(60)
    elif data.startswith(b"SEGFAULT"):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file left behind
        os.kill(os.getpid(), signal.SIGSEGV)
    elif data.startswith(b"EXIT"):
        os._exit(3)
    elif data.startswith(b"RAISE"):
        raise RuntimeError("a bug in the extractor")
    return extract_bytes(data, filename, include_text=include_text, **options)  # type: ignore[arg-type]
