"""Test-session settings: under CI, hypothesis draws the same examples on every run, so a
red build is reproducible and never depends on luck. The large hostile inputs (tests/hostile.py)
are written once per session, for the tests of the pipeline and of the flow alike."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import hostile
import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def _session_file(
    factory: pytest.TempPathFactory, name: str, write: Callable[[Path], Path]
) -> Iterator[Path]:
    """A large input written once per session, and removed after it (pytest keeps the last
    few session folders: hundreds of MB each otherwise)."""
    path = write(factory.mktemp("hostile-large") / name)
    yield path
    path.unlink()


@pytest.fixture(scope="session")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from _session_file(tmp_path_factory, "archive-export.pdf", hostile.write_long_pdf)


@pytest.fixture(scope="session")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from _session_file(tmp_path_factory, "bomb.docx", hostile.write_zip_bomb)


@pytest.fixture(scope="session")
def lying_docx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from _session_file(tmp_path_factory, "liar.docx", hostile.write_lying_docx)


@pytest.fixture(scope="session")
def page_with_blob(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from _session_file(tmp_path_factory, "page.html", hostile.write_html_with_blob)


@pytest.fixture(scope="session")
def large_text(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from _session_file(tmp_path_factory, "huge.txt", hostile.write_large_text)


@pytest.fixture(scope="session")
def libreoffice_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A report saved by LibreOffice as a real .doc, .odt and .rtf (once per session)."""
    if hostile.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: no real .doc or .odt to test")
    scratch = tmp_path_factory.mktemp("libreoffice")
    source = scratch / "report.docx"
    source.write_bytes(hostile.report_docx())
    return {
        kind: hostile.convert_with_soffice(source, kind, scratch) for kind in ("doc", "odt", "rtf")
    }
