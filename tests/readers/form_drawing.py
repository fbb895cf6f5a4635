"""The 2012 periodic-report form drawn with reportlab's AcroForm for the form reader's tests,
the blocks it must read as, and helpers to read a form's fields."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from reportlab.pdfgen import canvas

from pipeline.blocks import Block
from pipeline.readers.pdf_form import read_form_fields

MAIN_FEATURE = (
    "Le programme soutient les entreprises culturelles indépendantes.\r"
    "\r"
    "Il vise en particulier les jeunes créateurs des zones rurales."
)


def label_block(text: str, page: int) -> Block:
    return Block(text=text, bold=True, page=page)


def value_block(text: str, page: int) -> Block:
    return Block(text=text, page=page)


def read_fields(data: bytes) -> list[Block] | None:
    document = pdfium.PdfDocument(data)
    try:
        return read_form_fields(document)
    finally:
        document.close()


def _question(pdf: canvas.Canvas, y: float, text: str) -> None:
    """The question printed on the page, as the 2012 form does above each field."""
    pdf.drawString(50, y + 24, text)


def form_2012() -> bytes:
    """A two-page measure form shaped like the 2012 PDF: printed questions, one field each,
    one check box per scope (reportlab's export value is always `Yes`), a radio group, two
    partner rows with the same tooltip, and a field whose name is all there is."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    form = pdf.acroForm
    _question(pdf, 760, "Name of Party:")
    form.textfield(name="NameOfParty", tooltip="Name of Party", value="France", x=50, y=760)
    _question(pdf, 700, "Date of ratification:")
    form.textfield(name="DateRatif", tooltip="Date of ratification", value="18/12/2006", y=700)
    _question(pdf, 640, "b. Key objectives of the measure:")
    form.textfield(
        name="KeyObjectives",
        tooltip="Key objectives of the measure",
        value="Soutenir la création indépendante",
        x=50,
        y=640,
        width=400,
    )
    _question(pdf, 580, "c.1. Scope of the measure:")
    for x, option in [(50, "Local"), (150, "Regional"), (250, "National"), (350, "International")]:
        checked = option in ("Regional", "National")
        form.checkbox(name=f"Scope{option}", tooltip=option, checked=checked, x=x, y=580)
    _question(pdf, 540, "c.2. Nature of the measure:")
    for x, option in [(50, "legislative"), (150, "regulatory"), (250, "financial")]:
        form.radio(
            name="Nature",
            tooltip="Nature of the measure",
            value=option,
            selected=option == "financial",
            x=x,
            y=540,
        )
    _question(pdf, 500, "c.3. Main feature of the measure:")
    form.textfield(
        name="MainFeature",
        tooltip="Main feature of the measure",
        value=MAIN_FEATURE,
        fieldFlags="multiline",
        maxlen=1000,
        x=50,
        y=440,
        width=450,
        height=80,
    )
    _question(pdf, 400, "Does it specifically target young people?")
    form.checkbox(
        name="Youth", tooltip="Does it specifically target young people?", checked=True, y=400
    )
    form.checkbox(name="IFCD", tooltip="IFCD funding?", checked=False, x=100, y=400)
    pdf.showPage()
    form = pdf.acroForm
    _question(pdf, 760, "f.2 Financial resources allocated to implement the measure:")
    form.textfield(
        name="Budget",
        tooltip="Financial resources allocated to implement the measure",
        value="65 000 USD",
        x=50,
        y=760,
    )
    _question(pdf, 700, "Partner(s) engaged in the implementation of the measure:")
    for row, partner in enumerate(["Ministère de la Culture", "Conseil des arts"]):
        form.textfield(
            name=f"Partner{row}", tooltip="Name of partner", value=partner, y=700 - 50 * row
        )
    form.choice(
        name="EntityType",
        tooltip="Type of entity",
        value="Public Sector",
        options=["Public Sector", "Private Sector", "Civil Society Organization (CSO)"],
        x=300,
        y=700,
    )
    form.textfield(name="ContextOfTheMeasure", value="Plan national 2010-2014", x=50, y=550)
    form.textfield(name="Website_of_measure", value="", x=50, y=500)
    pdf.drawString(50, 450, "End of the form")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


EXPECTED_2012 = [
    label_block("Name of Party", 1),
    value_block("France", 1),
    label_block("Date of ratification", 1),
    value_block("18/12/2006", 1),
    label_block("Key objectives of the measure", 1),
    value_block("Soutenir la création indépendante", 1),
    label_block("Regional", 1),
    value_block("Yes", 1),
    label_block("National", 1),
    value_block("Yes", 1),
    label_block("Nature of the measure", 1),
    value_block("financial", 1),
    label_block("Main feature of the measure", 1),
    value_block("Le programme soutient les entreprises culturelles indépendantes.", 1),
    value_block("Il vise en particulier les jeunes créateurs des zones rurales.", 1),
    label_block("Does it specifically target young people?", 1),
    value_block("Yes", 1),
    label_block("Financial resources allocated to implement the measure", 2),
    value_block("65 000 USD", 2),
    label_block("Name of partner", 2),
    value_block("Ministère de la Culture", 2),
    label_block("Name of partner", 2),
    value_block("Conseil des arts", 2),
    label_block("Type of entity", 2),
    value_block("Public Sector", 2),
    label_block("Context Of The Measure", 2),
    value_block("Plan national 2010-2014", 2),
]
