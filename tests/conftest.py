"""Test-session settings: under CI, hypothesis draws the same examples on every run, so a
red build is reproducible and never depends on luck. The large hostile inputs (tests/hostile.py)
are written once per session, for the tests of the pipeline and of the flow alike. Tests that run
Prefect for real share one temporary Prefect API for the whole session (its start costs about
10 s here), analytics off, a throw-away PREFECT_HOME."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import hostile
import pytest
from hypothesis import settings

# Set before Prefect is first imported: its settings are read once.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="qpr-prefect-home-"))
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Tests that take seconds each: real Prefect flows, worker processes, Dask, the `qpr` command in
# subprocesses, sandboxes, inputs of hundreds of MB, OCR. They are marked `slow`: `make check`
# (the fast loop) leaves them out, `make test` (and CI) runs everything. A module listed here is
# slow as a whole; a test is named by its module and name.
SLOW_MODULES = frozenset(
    {
        "browser/test_review_reprocess.py",
        "flows/test_corrections_flow.py",
        "flows/test_hostile_ingest.py",
        "flows/test_ingest.py",
        "flows/test_intake_kill.py",
        "flows/test_local_api.py",
        "flows/test_operator.py",
        "flows/test_reprocess.py",
        "flows/test_sandbox.py",
        "test_fuzz.py",
    }
)
SLOW_TESTS = frozenset(
    {
        "flows/test_review.py::test_ingest_keeps_each_text_and_writes_its_page_with_records_unchanged",
        "flows/test_review.py::test_the_review_command_as_a_shell_runs_it",
        "flows/test_versioning.py::test_ingest_and_reprocess_see_every_edit_of_the_code",
        "test_hostile_inputs.py::test_a_scanned_pdf_is_read_by_ocr_with_a_warning",
        "test_hostile_inputs.py::test_the_command_reads_files_named_like_options_or_with_a_newline",
        "test_hostile_inputs.py::test_a_pdf_of_2000_pages_is_too_large_before_its_pages_are_read",
        "test_hostile_inputs.py::test_a_docx_zip_bomb_is_too_large",
        "test_hostile_inputs.py::test_a_docx_whose_headers_understate_its_size_is_refused",
        "test_hostile_inputs.py::test_a_page_with_scripts_and_a_100_mb_inline_image_is_read",
        "test_hostile_inputs.py::test_a_200_mb_text_is_too_large_without_copies",
        "test_value_rules.py::test_same_input_gives_byte_identical_json_across_runs_and_processes",
    }
)
_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.path.relative_to(_TESTS).as_posix()
        if module in SLOW_MODULES or f"{module}::{item.originalname}" in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


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


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture(scope="session")
def api(prefect_api: None) -> str:
    """The session's Prefect API, for the commands whose test is not about starting one."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url
    return str(url)


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def ingest_samples(tmp_path: Path, prefect_api: None) -> Callable[[Sequence[str]], Path]:
    """Ingest the named samples, copied into `tmp_path/inbox`, into the batch `tmp_path/out`."""

    def ingest(names: Sequence[str]) -> Path:
        from flows.ingest import run_ingest

        inbox = tmp_path / "inbox"
        inbox.mkdir(exist_ok=True)
        for name in names:
            shutil.copy(SAMPLES / name, inbox / name)
        run_ingest([inbox], tmp_path / "out")
        return tmp_path / "out"

    return ingest
