"""read_form_fields and read_pdf on interactive PDF forms built with reportlab as the 2012
form was: labels and values in form order, the printed title, forms without values."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.pdfgen import canvas

from pipeline.readers.pdf import read_pdf
from pipeline.readers.pdf_form import read_form_fields
from tests.readers.form_drawing import (
    EXPECTED_2012,
    form_2012,
    read_fields,
)


def test_a_2012_form_reads_as_labels_and_values_in_form_order() -> None:
    assert read_fields(form_2012()) == EXPECTED_2012


def test_the_form_reads_whether_or_not_pdfium_forms_and_pages_are_loaded() -> None:
    data = form_2012()
    with_forms = pdfium.PdfDocument(data)
    with_forms.init_forms()
    with_forms[1].get_textpage()
    plain = pdfium.PdfDocument(data)
    plain[0].get_textpage()
    try:
        assert read_form_fields(with_forms) == read_form_fields(plain) == EXPECTED_2012
    finally:
        with_forms.close()
        plain.close()


def test_form_order_wins_over_page_position(tmp_path: Path) -> None:
    """The field created first stands lower on the page: /Fields order decides, not position."""
    pdf = canvas.Canvas(str(tmp_path / "order.pdf"))
    pdf.drawString(50, 800, "Questions")
    pdf.acroForm.textfield(name="Second", tooltip="Drawn low, listed first", value="A", y=100)
    pdf.acroForm.textfield(name="First", tooltip="Drawn high, listed second", value="B", y=700)
    pdf.showPage()
    pdf.save()
    blocks = read_fields((tmp_path / "order.pdf").read_bytes())
    assert blocks is not None
    assert [block.text for block in blocks] == [
        "Drawn low, listed first",
        "A",
        "Drawn high, listed second",
        "B",
    ]


def test_a_pdf_without_a_form_gives_none(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "plain.pdf"))
    pdf.drawString(50, 800, "Key objectives of the measure:")
    pdf.drawString(50, 780, "Soutenir la création indépendante")
    pdf.showPage()
    pdf.save()
    assert read_fields((tmp_path / "plain.pdf").read_bytes()) is None


def test_a_form_without_values_gives_none(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "blank.pdf"))
    form = pdf.acroForm
    pdf.drawString(50, 800, "Name of Party:")
    form.textfield(name="NameOfParty", tooltip="Name of Party", value="", y=760)
    form.textfield(name="Budget", tooltip="Financial resources", value="  \r\n ", y=700)
    form.checkbox(name="Youth", tooltip="Young people?", checked=False, y=640)
    form.radio(name="Scope", tooltip="Scope of the measure", value="Local", y=580)
    form.radio(name="Scope", tooltip="Scope of the measure", value="National", x=100, y=580)
    pdf.showPage()
    pdf.save()
    assert read_fields((tmp_path / "blank.pdf").read_bytes()) is None


def test_read_pdf_gives_a_form_s_printed_title_then_its_fields_once_per_label() -> None:
    """Through the PDF reader: the lines heading page 1 (up to the first printed question)
    come first as the cover, and check boxes sharing a question read as one label."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    pdf.drawString(50, 800, "QUADRENNIAL PERIODIC REPORT 2012")
    pdf.drawString(50, 770, "Name of Party")
    pdf.acroForm.textfield(name="party", tooltip="Name of Party", value="Barbados", y=730)
    for x, option in [(50, "Local"), (150, "National")]:
        pdf.acroForm.textfield(
            name=f"scope_{option}", tooltip="Scope of the measure", value=option, x=x, y=660
        )
    pdf.save()
    blocks = read_pdf(buffer.getvalue())
    assert [(block.text, block.bold) for block in blocks] == [
        ("QUADRENNIAL PERIODIC REPORT 2012", False),
        ("Name of Party", True),
        ("Barbados", False),
        ("Scope of the measure", True),
        ("Local", False),
        ("National", False),
    ]
