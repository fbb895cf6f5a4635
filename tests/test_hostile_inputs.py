"""Hostile and broken inputs (issue #7): each gets a record naming a specific reason, never a
traceback, a hang or a silent drop.

The inputs come from `tests/hostile.py`. The large ones are written once per session and run
through `qpr extract` in a child process, whose peak memory (RSS) and time are measured from
outside, by a watcher process that starts it.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import hostile
import pytest

from flows.sources import find_inputs
from pipeline import extract_bytes, extract_file, record_json
from pipeline.readers.ocr import ocr_available
from schemas import ReportRecord

MIB = 2**20
QPR = Path(sys.executable).with_name("qpr")
# A hostile input may take this long at most: what is measured here is a second or a few.
SECONDS = 30.0


def assert_failed(record: ReportRecord, code: str, *phrases: str) -> None:
    assert record.status.value == "failed", record.issues
    assert record.measures == []
    issue = record.issues[0]
    assert (issue.code.value, issue.severity.value) == (code, "error"), issue
    for phrase in phrases:
        assert phrase.casefold() in issue.message.casefold(), issue.message
    ReportRecord.model_validate_json(record_json(record))


def assert_read(record: ReportRecord) -> None:
    """The report text was read: its one measure with the values as written."""
    assert record.status.value != "failed", record.issues
    [measure] = record.measures
    assert measure.title == hostile.TITLE
    assert measure.agency == hostile.AGENCY
    assert measure.description == hostile.DESCRIPTION
    assert measure.results == hostile.RESULTS
    assert measure.evaluation.conclusions == hostile.CONCLUSIONS


# --- small inputs, built per test --------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.docx", "empty"])
def test_a_zero_byte_file_is_empty(name: str) -> None:
    assert_failed(extract_bytes(hostile.zero_bytes(), name), "empty_document", "empty")


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx", ".html", ".doc", ""])
def test_random_bytes_are_unsupported_whatever_the_suffix(suffix: str) -> None:
    record = extract_bytes(hostile.random_bytes(), f"noise{suffix}")
    assert_failed(record, "unsupported_format", "binary data")


def test_a_truncated_pdf_is_corrupt() -> None:
    record = extract_bytes(hostile.truncated_pdf(), "cut.pdf")
    assert_failed(record, "corrupt", "damaged or truncated")


def test_a_pdf_with_a_user_password_is_encrypted() -> None:
    record = extract_bytes(hostile.encrypted_pdf(), "locked.pdf")
    assert_failed(record, "encrypted", "password")


def test_a_pdf_with_an_owner_password_only_is_read() -> None:
    # The user password is empty, so PDFium opens it as any viewer does; the owner password
    # only forbids copying, which is no reason to refuse a report.
    record = extract_bytes(hostile.owner_password_pdf(), "protected.pdf")
    assert record.source.pages == 1
    assert_read(record)


def test_a_scanned_pdf_without_ocr_has_no_text_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QPR_OCR", "0")  # as where Tesseract is not installed
    record = extract_bytes(hostile.scanned_pdf(pages=1), "scan.pdf")
    assert_failed(record, "no_text_layer", "no text layer", "install Tesseract")


@pytest.mark.skipif(not ocr_available(), reason="Tesseract is not installed: no OCR to test")
def test_a_scanned_pdf_is_read_by_ocr_with_a_warning() -> None:
    record = extract_bytes(hostile.scanned_report_pdf(), "scan.pdf")
    assert record.status.value == "ok" and record.issues[0].code.value == "text_from_ocr"
    [measure] = record.measures

    def same(text: str | None) -> str:  # OCR may draw a typographic apostrophe straight
        return (text or "").replace("\u2019", "'")

    # Wrapped lines are joined into their paragraph, as from a PDF's text layer.
    assert same(measure.description) == same(hostile.DESCRIPTION)
    assert same(measure.results) == same(hostile.RESULTS)
    assert same(measure.title) == same(hostile.TITLE)
    assert measure.budget.amount == 250_000 and measure.country and measure.country.iso3 == "CAN"
    assert [partner.entity_type.value for partner in measure.partners] == ["civil_society"]
    assert measure.spans["description"].page == 1


def test_a_legacy_doc_that_is_not_one_is_unsupported_with_a_conversion_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An OLE file of random bytes: LibreOffice cannot convert it, or is not there at all."""
    record = extract_bytes(hostile.renamed_doc(), "report.docx")
    assert_failed(record, "unsupported_format", "legacy Word", "convert it to .docx")
    monkeypatch.setenv("PATH", "")  # no LibreOffice to be found
    record = extract_bytes(hostile.renamed_doc(), "report.docx")
    assert_failed(record, "unsupported_format", "LibreOffice", "not installed", "convert it")


def test_a_password_protected_docx_is_encrypted_not_a_legacy_doc() -> None:
    record = extract_bytes(hostile.encrypted_docx(), "report.docx")
    assert_failed(record, "encrypted", "password-protected")


@pytest.mark.parametrize(
    "make", [hostile.billion_laughs_docx, hostile.quadratic_blowup_docx], ids=["nested", "flat"]
)
def test_an_entity_expansion_payload_is_refused_unexpanded(make) -> None:  # type: ignore[no-untyped-def]
    record = extract_bytes(make(), "laughs.docx", include_text=True)
    assert_failed(record, "corrupt", "entity-expansion")
    assert record.text is None


def test_a_docx_without_word_document_xml_is_corrupt() -> None:
    record = extract_bytes(hostile.docx_without_body(), "hollow.docx")
    assert_failed(record, "corrupt", "no word/document.xml")


@pytest.mark.parametrize(
    "make",
    [hostile.utf16_without_bom, hostile.cp1252_text, hostile.mixed_encoding_text],
    ids=["utf16-le-without-bom", "cp1252", "utf8-with-cp1252-paragraph"],
)
def test_text_in_any_encoding_keeps_its_accents(make) -> None:  # type: ignore[no-untyped-def]
    record = extract_bytes(make(), "report.txt")
    assert_read(record)
    assert record.measures[0].budget.amount == 250000
    assert record.measures[0].budget.currency == "EUR"


def test_a_paragraph_in_another_encoding_is_repaired_with_an_issue() -> None:
    # The bytes are valid neither as UTF-8 nor (wholly) as cp1252: decoded as cp1252, the UTF-8
    # parts are mojibake, which the normaliser repairs and says so.
    record = extract_bytes(hostile.mixed_encoding_text(), "report.txt")
    assert [issue.code.value for issue in record.issues] == ["text_repaired"]


@pytest.mark.parametrize("language", ["de", "pt"])
def test_a_report_in_another_language_is_read_with_its_language(language: str) -> None:
    # The form's labels are English; the content is neither English, French nor Spanish.
    record = extract_bytes(hostile.foreign_report(language), f"report-{language}.txt")
    assert record.status.value == "ok", record.issues
    title, description, results, conclusions = hostile.FOREIGN_REPORTS[language]
    [measure] = record.measures
    assert (measure.title, measure.description, measure.results) == (title, description, results)
    assert (record.languages.form, record.languages.content) == ("en", language)
    assert set(measure.languages.values()) == {language}


def test_a_letter_is_not_a_report() -> None:
    record = extract_bytes(hostile.letter(), "cover-letter.txt")
    assert_failed(record, "not_a_report", "does not call itself a periodic report")


# --- names and folders -------------------------------------------------------------------------


@pytest.mark.parametrize("name", hostile.ODD_NAMES)
def test_odd_file_names_are_kept_as_given(name: str) -> None:
    record = extract_bytes(hostile.report_text().encode(), name)
    assert record.source.filename == name
    assert_read(record)


def test_a_file_name_that_is_not_utf8_gives_a_printable_record(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"rapport-\xe9t\xe9.txt")
    path.write_bytes(hostile.report_text().encode())
    record = extract_file(path)
    assert json.loads(record_json(record))["source"]["filename"] == "rapport-\\xe9t\\xe9.txt"


def test_the_command_reads_files_named_like_options_or_with_a_newline(tmp_path: Path) -> None:
    names = ["-report.txt", "--help", "line\nbreak.txt", "../up.txt"]
    (tmp_path / "sub").mkdir()
    for name in names:
        (tmp_path / "sub" / name).write_bytes(hostile.report_text().encode())
    result = subprocess.run(
        [str(QPR), "extract", "--", *names],
        cwd=tmp_path / "sub",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [record["source"]["filename"] for record in records] == [
        "-report.txt",
        "--help",
        "line\nbreak.txt",
        "up.txt",
    ]
    assert all(record["status"] == "ok" for record in records)


def test_links_and_loops_in_an_input_folder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = hostile.write_folder_with_links(tmp_path)
    with caplog.at_level(logging.WARNING, logger="flows.sources"):
        inputs = find_inputs([inbox])
    # The link to report.txt is the same file, listed once; the loop ends the walk.
    assert [item.path for item in inputs] == [
        str(inbox / "report.txt"),
        str(inbox / "sub" / "letter.txt"),
    ]
    # What is not followed is said, not silently dropped.
    warnings = caplog.text
    assert "dangling.txt" in warnings and "outside-link" in warnings
    report, letter = (extract_bytes(item.read(), item.name) for item in inputs)
    assert_read(report)
    assert_failed(letter, "not_a_report")


# --- legacy formats through LibreOffice --------------------------------------------------------


@pytest.mark.parametrize("kind", ["doc", "odt", "rtf"])
def test_legacy_doc_odt_and_rtf_are_read_through_libreoffice(
    libreoffice_files: dict[str, Path], kind: str
) -> None:
    record = extract_file(libreoffice_files[kind])
    assert record.source.format == kind
    assert_read(record)


# --- large inputs: built once, run by `qpr extract`, measured from outside ---------------------

_WATCHER = """
import resource, subprocess, sys, time
with open(sys.argv[1], "wb") as output:
    start = time.perf_counter()
    code = subprocess.run(sys.argv[2:], stdout=output).returncode
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    returncode: int
    stdout: str
    stderr: str

    def record(self) -> ReportRecord:
        return ReportRecord.model_validate_json(self.stdout)


def run_measured(scratch: Path, *arguments: str) -> Run:
    """`qpr extract ARGUMENTS` in a watcher process: only its child counts towards the peak."""
    output = scratch / "stdout.json"
    result = subprocess.run(
        [sys.executable, "-c", _WATCHER, str(output), str(QPR), "extract", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    seconds, peak_kib, code = result.stdout.split()
    return Run(float(seconds), int(peak_kib) / 1024, int(code), output.read_text(), result.stderr)


@pytest.fixture(scope="session")
def baseline_mib(tmp_path_factory: pytest.TempPathFactory) -> float:
    """The peak of `qpr extract` on an empty file: Python and the pipeline's imports."""
    folder = tmp_path_factory.mktemp("baseline")
    (folder / "empty.txt").write_bytes(hostile.zero_bytes())
    return run_measured(folder, str(folder / "empty.txt")).peak_mib


def check_bounded(run: Run, baseline: float, allowance_mib: float) -> None:
    assert run.seconds < SECONDS, run
    assert run.peak_mib < baseline + allowance_mib, (run.peak_mib, baseline, allowance_mib)
    assert run.peak_mib < 1024
    assert "Traceback" not in run.stderr


def test_a_pdf_of_2000_pages_is_too_large_before_its_pages_are_read(
    long_pdf: Path, baseline_mib: float, tmp_path: Path
) -> None:
    run = run_measured(tmp_path, str(long_pdf))
    assert run.returncode == 1
    assert_failed(run.record(), "too_large", "2,000 pages", "limit of 1,000")
    # Counting pages costs PDFium's page tree only: reading 2,000 pages would take minutes.
    check_bounded(run, baseline_mib, allowance_mib=96)


def test_a_docx_zip_bomb_is_too_large(zip_bomb: Path, baseline_mib: float, tmp_path: Path) -> None:
    assert zip_bomb.stat().st_size < 8 * MIB  # 3.5 GiB once unpacked
    run = run_measured(tmp_path, str(zip_bomb))
    assert_failed(run.record(), "too_large", "unpacks to 3,584.8 MiB", "zip bomb")
    check_bounded(run, baseline_mib, allowance_mib=64)


def test_a_docx_whose_headers_understate_its_size_is_refused(
    lying_docx: Path, baseline_mib: float, tmp_path: Path
) -> None:
    # word/document.xml declares its few kB but inflates to 1 GiB: zipfile alone would inflate
    # the lot in memory before cutting it to the declared size.
    run = run_measured(tmp_path, str(lying_docx))
    assert_failed(run.record(), "corrupt", "word/document.xml unpacks to more than", "forged")
    check_bounded(run, baseline_mib, allowance_mib=64)


def test_a_page_with_scripts_and_a_100_mb_inline_image_is_read(
    page_with_blob: Path, tmp_path: Path
) -> None:
    size = page_with_blob.stat().st_size
    run = run_measured(tmp_path, "--include-text", str(page_with_blob))
    assert run.returncode == 0, run.stderr
    record = run.record()
    assert_read(record)
    assert record.text is not None and len(record.text) < 5_000
    assert hostile.SCRIPT_MARKER not in run.stdout
    # Compared with the same page without its image (reading a report loads the NLP
    # pipelines): the page is held once, and the image is cut out before anything reads it.
    small = hostile.write_html_with_blob(tmp_path / "small.html", blob_bytes=0)
    plain = run_measured(tmp_path, "--include-text", str(small))
    assert [measure.model_dump(exclude={"measure_id"}) for measure in record.measures] == [
        measure.model_dump(exclude={"measure_id"}) for measure in plain.record().measures
    ]
    check_bounded(run, plain.peak_mib, allowance_mib=size / MIB + 64)


def test_a_200_mb_text_is_too_large_without_copies(
    large_text: Path, baseline_mib: float, tmp_path: Path
) -> None:
    size = large_text.stat().st_size
    run = run_measured(tmp_path, str(large_text))
    assert_failed(run.record(), "too_large", "200.0 MiB of text", "limit of 32.0 MiB")
    # The file is read once (it is under the 256 MiB file limit); a second copy would show.
    check_bounded(run, baseline_mib, allowance_mib=size / MIB + 64)


def test_the_zip_writer_writes_real_archives(tmp_path: Path) -> None:
    """The bombs are zips that zipfile reads: an honest one inflates to its declared zeros,
    a lying one fails its CRC check."""
    honest = hostile.write_zip_bomb(tmp_path / "small-bomb.docx", size=4 * MIB)
    with zipfile.ZipFile(honest) as archive:
        assert archive.testzip() is None
        image = archive.read("word/media/image1.png")
    assert image == b"\x89PNG\r\n\x1a\n" + bytes(4 * MIB)
    assert_read(extract_file(honest))
    lying = hostile.write_lying_docx(tmp_path / "small-liar.docx", size=4 * MIB)
    with zipfile.ZipFile(lying) as archive, pytest.raises(zipfile.BadZipFile, match="CRC"):
        archive.read("word/document.xml")
