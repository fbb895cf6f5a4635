"""Legacy word-processor files (.doc, .odt, .rtf) to blocks, through LibreOffice: each is converted
to a .docx in a private temporary folder and read as one. Without LibreOffice the file is
`unsupported_format`, with the hint to convert it by hand.

The one reader that writes files and starts a process: LibreOffice converts only from disk.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from pipeline.blocks import Block
from pipeline.errors import ExtractionTimeoutError, UnsupportedFormatError
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.readers.docx import read_docx

CONVERT_HINT = "convert it to .docx or .pdf (for example with LibreOffice) and submit it again"
# What each kind is called in messages.
KINDS = {
    "doc": "legacy Word document (.doc)",
    "odt": "OpenDocument text (.odt)",
    "rtf": "RTF document",
}
# When no time limit is set, a conversion still ends: LibreOffice can hang on a damaged file.
_LONGEST_CONVERSION = 300.0


def office_program() -> str | None:
    """LibreOffice's command, None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    return read_converted(data, "doc", limits)


def read_odt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    return read_converted(data, "odt", limits)


def read_rtf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    return read_converted(data, "rtf", limits)


def read_converted(data: bytes, kind: str, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    program = office_program()
    if program is None:
        raise UnsupportedFormatError(
            f"this is a {KINDS[kind]}, and LibreOffice, which qpr uses to read it, is not "
            f"installed; {CONVERT_HINT}"
        )
    seconds = limits.seconds_per_document or _LONGEST_CONVERSION
    with tempfile.TemporaryDirectory(prefix="qpr-convert-") as folder:
        source = Path(folder, f"input.{kind}")
        source.write_bytes(data)
        _convert(program, source, seconds)
        converted = source.with_suffix(".docx")
        if not converted.is_file():
            raise UnsupportedFormatError(
                f"this looks like a {KINDS[kind]}, but LibreOffice could not convert it (it may "
                f"be damaged, protected, or another kind of file); {CONVERT_HINT}"
            )
        return read_docx(converted.read_bytes(), limits)


def _convert(program: str, source: Path, seconds: float) -> None:
    command = [
        program,
        "--headless",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={_profile().as_uri()}",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(source.parent),
        str(source),
    ]
    # A session of its own, so that a conversion past its time is stopped with every process
    # LibreOffice started (its launcher script starts soffice.bin).
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(source.parent)},
        start_new_session=True,
    )
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ExtractionTimeoutError(
            f"LibreOffice took longer than {seconds:g} s to convert this file and was stopped; "
            f"{CONVERT_HINT}"
        ) from None


@cache
def _profile() -> Path:
    """A LibreOffice profile of this process's own: two instances on one profile refuse to run
    side by side, and a profile made once spares every later conversion seconds of start."""
    folder = Path(tempfile.mkdtemp(prefix="qpr-office-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
