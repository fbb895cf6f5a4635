"""Fuzzing in the normal suite (issue #7): the properties of tests/fuzzing.py on a few hundred
inputs, the same ones on every run (derandomized, no example database). The long run is
tests/fuzz_long.py (`make fuzz`); what it found is pinned at the end of this file."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest
from form_labels import FR_DESC, FR_RESULTS
from fuzzing import (
    FORMATS,
    SAMPLES,
    Mutated,
    W,
    any_input,
    build_pdf,
    check_extract,
    check_mutated,
    check_reader,
    check_sniff,
    mutated,
    parse_pdf,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.formats import Format


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mutated PDF that lost its text would go to Tesseract, page by page: not what is fuzzed."""
    monkeypatch.setenv("QPR_OCR", "0")


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


@fuzz_settings(120)
@given(case=any_input())
def test_any_bytes_under_any_suffix_give_a_valid_record(case: tuple[bytes, str]) -> None:
    check_extract(*case)


@fuzz_settings(300)
@given(case=any_input(), document_format=st.sampled_from(FORMATS))
def test_a_reader_returns_blocks_or_raises_a_pipeline_error(
    case: tuple[bytes, str], document_format: Format
) -> None:
    check_sniff(*case)
    check_reader(document_format, case[0])


@pytest.mark.parametrize(
    ("document_format", "examples"),
    [(Format.TXT, 60), (Format.HTML, 60), (Format.DOCX, 40), (Format.PDF, 30)],
    ids=lambda value: value.value if isinstance(value, Format) else None,
)
def test_a_mutated_sample_gives_a_valid_record(document_format: Format, examples: int) -> None:
    @fuzz_settings(examples)
    @given(case=mutated(document_format, max_mutations=4))
    def run(case: Mutated) -> None:
        check_mutated(case)

    run()


# --- what the long run found, pinned ----------------------------------------------------------


def _pdf_with_footers(*footers: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for footer in footers:
        pdf.drawString(72, 750, "Describe the main features of the policy/measure:")
        pdf.drawString(72, 730, "The programme funds regional film festivals.")
        pdf.drawString(300, 30, footer)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_footer_holding_a_literal_hash_is_read() -> None:
    # Found: `Page #` shared the shape of `Page 1` (numbers written `#`) without its number, and
    # the running-footer check indexed past the end of its numbers (IndexError).
    check_reader(Format.PDF, _pdf_with_footers("Page 1", "Page #"))


def _docx_with_numbered_paragraph(number_format: str, start: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Describe the main features of the policy/measure:")
    buffer = io.BytesIO()
    document.save(buffer)
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    numbered = b'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/numbering.xml":
                content = numbering
            elif info.filename == "word/document.xml":
                content = content.replace(b"<w:p>", numbered, 1)
            target.writestr(info, content)
    return out.getvalue()


def test_a_list_number_stays_short_whatever_its_start() -> None:
    # Found: a letter number was drawn as value/26 repeated letters, so a list starting at
    # 2**31 - 1 (a valid w:start) numbered a 36 KB file's paragraph with 82 million letters.
    from pipeline.readers.docx import read_docx

    blocks = read_docx(_docx_with_numbered_paragraph("lowerLetter", 2**31 - 1))
    assert len(blocks[0].text) < 1_000


def test_a_roman_list_number_of_any_size_is_read() -> None:
    # Found: a roman number was drawn with value/1000 'm's: MemoryError out of read_docx.
    check_reader(Format.DOCX, _docx_with_numbered_paragraph("upperRoman", 10**18))


def test_a_form_whose_first_page_cannot_load_is_read() -> None:
    # Found: the cover of a form PDF (fields filled) was read from page 1 outside any
    # `except PdfiumError`, so a page tree whose first kid is no page let PdfiumError escape.
    data = (SAMPLES / "reports" / "barbados-2012-form.pdf").read_bytes()
    # The page tree's first kid becomes object 45, a text field's widget: same length, same xref.
    check_reader(Format.PDF, data.replace(b"/Kids [ 52 0 R", b"/Kids [ 45 0 R", 1))


def test_an_entity_over_a_line_the_value_leaves_out_is_not_kept() -> None:
    # The results' value leaves the colon-only line out, and a mention read across it
    # ("Multi-domaines\nNon disponible") has no offsets that would slice its text.
    lines = [
        "Programme régional",
        "Où",
        "Sénégal",
        FR_DESC,
        "Le programme soutient les salles de la région de Kaolack.",
        FR_RESULTS,
        "Multi-domaines",
        ":",
        "Non disponible",
    ]
    record = check_extract("\n".join(lines).encode(), "results.txt")
    assert [entity.text for entity in record.measures[0].entities] == ["Kaolack"]


def test_a_footer_of_thousands_of_digits_is_read() -> None:
    # Found: every digit run of a page's edge lines went through int(), and past 4,300 digits
    # Python refuses the conversion (ValueError).
    check_reader(Format.PDF, _pdf_with_footers("9" * 4301))


def _form_with_box_state(state: bytes) -> bytes:
    """The 2012 form sample with its check box `m1_scope_local` (object 29) set to `state`,
    its states named by an /Opt array."""
    objects, trailer = parse_pdf((SAMPLES / "reports" / "barbados-2012-form.pdf").read_bytes())
    box = next(obj for obj in objects if obj.number == 29)
    box.head = box.head.replace(b"/V /Off", b"/V " + state + b" /Opt [(Local)]")
    return build_pdf(objects, trailer)


def test_a_button_state_that_only_looks_like_an_index_keeps_the_form(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Found: `²` is a digit to str.isdigit, not to int(): the ValueError made the whole form
    # unreadable, and its page text was read instead.
    with caplog.at_level(logging.WARNING, logger="pipeline"):
        check_reader(Format.PDF, _form_with_box_state(b"/#C2#B2"))
    assert "the PDF form cannot be read" not in caplog.text


def test_a_button_state_of_thousands_of_digits_keeps_the_form(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Found: an all-digit state went to int(), which refuses past 4,300 digits.
    with caplog.at_level(logging.WARNING, logger="pipeline"):
        check_reader(Format.PDF, _form_with_box_state(b"(" + b"9" * 4301 + b")"))
    assert "the PDF form cannot be read" not in caplog.text


def _zip_of_version(name: str, content: bytes, version: int = 169) -> bytes:
    """A zip whose central directory says it needs zip version `version / 10` to extract: past
    6.3, zipfile refuses it with NotImplementedError (not BadZipFile) when it opens it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    data = bytearray(buffer.getvalue())
    data[data.find(b"PK\x01\x02") + 6] = version
    return bytes(data)


def test_a_zip_of_an_unknown_version_is_sniffed() -> None:
    # Found: a forged "version needed to extract" raised NotImplementedError out of zipfile.
    check_sniff(_zip_of_version("word/document.xml", b"<w:document/>"), "report.docx")


def test_a_docx_of_an_unknown_zip_version_is_read() -> None:
    check_reader(Format.DOCX, _zip_of_version("word/document.xml", b"<w:document/>"))


def test_an_archive_of_an_unknown_zip_version_is_an_input_like_any_file(tmp_path: Path) -> None:
    # Found: flows/sources.py listed an inbox's archives catching BadZipFile and OSError only,
    # so one forged .zip made find_inputs, and the whole ingest, fail (NotImplementedError).
    from flows.sources import find_inputs

    (tmp_path / "batch.zip").write_bytes(_zip_of_version("report.txt", b"Who\nMinistry"))
    (tmp_path / "report.txt").write_bytes(b"Who\nMinistry")
    assert [found.name for found in find_inputs([tmp_path])] == ["batch.zip", "report.txt"]
