"""read_pdf on PDFs made by LibreOffice from DOCX files (converted once per session,
skipped without soffice): soft hyphens, a report's table and paragraph over page breaks,
columns."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from pipeline.blocks import BlockKind
from pipeline.readers.pdf import read_pdf
from tests.readers.pdf_drawing import (
    HEADER,
    HEADER_ROW,
    LOREM,
    TITLE,
    block_texts,
)

SOFT_HYPHENATED = (
    "The programme supports the inter\u00adnational circu\u00adlation of profes\u00adsionals in "
    "the audio\u00advisual and pub\u00adlishing industries, the cultu\u00adral organi\u00adsations "
    "of all the regions of the country, and the Ministry of Culture."
)
PARTNERS = [(f"Partner organisation number {index}", "Civil Society") for index in range(45)]
LONG_CELL = " ".join(["Public Sector with a long note on the funding."] * 12)
# One sentence over a page break: no page ends it, wherever the break falls.
CONTINUED = (
    "The fund works with "
    + ", ".join(f"the arts council of region {index} and its partners" for index in range(90))
    + "."
)


def _page_number_field(paragraph: docx.text.paragraph.Paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def _report_docx(path: Path) -> None:
    """A report with a running header, page numbers, a paragraph and a partner table (its header
    row repeated, one row allowed to break) over page breaks."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _page_number_field(footer)
    document.add_paragraph("Partner(s) engaged in the implementation of the measure:")
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = HEADER_ROW
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for index, (name, kind) in enumerate(PARTNERS):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, LONG_CELL if index == 38 else kind
    document.add_paragraph(CONTINUED)
    document.save(str(path))


def _soft_hyphen_docx(path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.left_margin, section.right_margin = Cm(7), Cm(1), Cm(1)
    document.add_paragraph(SOFT_HYPHENATED)
    document.save(str(path))


def _columns_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading(TITLE, 1)
    section = document.add_section(0)  # a continuous section break: the columns start here
    columns = OxmlElement("w:cols")
    columns.set(qn("w:num"), "2")
    columns.set(qn("w:space"), "720")
    section._sectPr.append(columns)
    for index in range(6):
        document.add_paragraph(f"Paragraph {index}. " + LOREM + ".")
    document.save(str(path))


@pytest.fixture(scope="session")
def office_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    makers = {"report": _report_docx, "soft": _soft_hyphen_docx, "columns": _columns_docx}
    for name, make in makers.items():
        make(folder / f"{name}.docx")
    # A profile of our own, so that a LibreOffice already running elsewhere does not interfere.
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(folder), *(str(folder / f"{name}.docx") for name in makers)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    yield {name: (folder / f"{name}.pdf").read_bytes() for name in makers}


def test_libreoffice_soft_hyphens_are_rejoined_without_hyphen(
    office_pdfs: dict[str, bytes],
) -> None:
    assert block_texts(read_pdf(office_pdfs["soft"])) == [SOFT_HYPHENATED.replace("\u00ad", "")]


def test_libreoffice_report_reads_as_one_table_and_one_paragraph(
    office_pdfs: dict[str, bytes],
) -> None:
    blocks = read_pdf(office_pdfs["report"])
    # The table runs from page 1 to 2, the paragraph from page 2 to 3.
    assert len(pdfium.PdfDocument(office_pdfs["report"])) == 3
    rows = [block for block in blocks if block.kind is BlockKind.TABLE_ROW]
    expected = [HEADER_ROW, *PARTNERS]
    expected[39] = (PARTNERS[38][0], LONG_CELL)
    assert [block.cells for block in rows] == expected
    assert block_texts(blocks) == [
        "Partner(s) engaged in the implementation of the measure:",
        *(block.text for block in rows),
        CONTINUED,
    ]
    assert {block.page for block in rows} == {1, 2}
    assert blocks[-1].page == 2


def test_libreoffice_columns_keep_their_paragraphs(office_pdfs: dict[str, bytes]) -> None:
    assert block_texts(read_pdf(office_pdfs["columns"])) == [
        TITLE,
        *(f"Paragraph {index}. {LOREM}." for index in range(6)),
    ]
