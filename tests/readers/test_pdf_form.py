"""read_form_fields on interactive PDF forms: 2012-style forms built with reportlab, and
hand-written PDFs for what reportlab cannot make (field trees, UTF-16 text, broken files)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from pipeline.blocks import Block
from pipeline.readers import pdf_form
from pipeline.readers.pdf import read_pdf
from pipeline.readers.pdf_form import read_form_fields

MAIN_FEATURE = (
    "Le programme soutient les entreprises culturelles indépendantes.\r"
    "\r"
    "Il vise en particulier les jeunes créateurs des zones rurales."
)


def _label(text: str, page: int) -> Block:
    return Block(text=text, bold=True, page=page)


def _value(text: str, page: int) -> Block:
    return Block(text=text, page=page)


def _read(data: bytes) -> list[Block] | None:
    document = pdfium.PdfDocument(data)
    try:
        return read_form_fields(document)
    finally:
        document.close()


def _question(pdf: canvas.Canvas, y: float, text: str) -> None:
    """The question printed on the page, as the 2012 form does above each field."""
    pdf.drawString(50, y + 24, text)


def _form_2012() -> bytes:
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
    _label("Name of Party", 1),
    _value("France", 1),
    _label("Date of ratification", 1),
    _value("18/12/2006", 1),
    _label("Key objectives of the measure", 1),
    _value("Soutenir la création indépendante", 1),
    _label("Regional", 1),
    _value("Yes", 1),
    _label("National", 1),
    _value("Yes", 1),
    _label("Nature of the measure", 1),
    _value("financial", 1),
    _label("Main feature of the measure", 1),
    _value("Le programme soutient les entreprises culturelles indépendantes.", 1),
    _value("Il vise en particulier les jeunes créateurs des zones rurales.", 1),
    _label("Does it specifically target young people?", 1),
    _value("Yes", 1),
    _label("Financial resources allocated to implement the measure", 2),
    _value("65 000 USD", 2),
    _label("Name of partner", 2),
    _value("Ministère de la Culture", 2),
    _label("Name of partner", 2),
    _value("Conseil des arts", 2),
    _label("Type of entity", 2),
    _value("Public Sector", 2),
    _label("Context Of The Measure", 2),
    _value("Plan national 2010-2014", 2),
]


def test_a_2012_form_reads_as_labels_and_values_in_form_order() -> None:
    assert _read(_form_2012()) == EXPECTED_2012


def test_the_form_reads_whether_or_not_pdfium_forms_and_pages_are_loaded() -> None:
    data = _form_2012()
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
    blocks = _read((tmp_path / "order.pdf").read_bytes())
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
    assert _read((tmp_path / "plain.pdf").read_bytes()) is None


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
    assert _read((tmp_path / "blank.pdf").read_bytes()) is None


# --- hand-written PDFs -------------------------------------------------------------------------


STREAM_TEXT = "Premi\xe8re ligne\r\nDeuxi\xe8me ligne"


def _pdf(objects: list[str]) -> bytes:
    """A PDF whose object number i + 1 has the body objects[i], with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _form(fields: list[str], roots: str, annotations: str) -> bytes:
    """One page with a form: objects 1-4 are the catalog, page tree, page and AcroForm, and
    fields[i] is object 5 + i; `roots` is the /Fields array, `annotations` the page /Annots."""
    return _pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots {annotations} >>",
            f"<< {roots} >>",
            *fields,
        ]
    )


def _widget(rest: str, top: int = 700, left: int = 50) -> str:
    return (
        f"<< /Type /Annot /Subtype /Widget /Rect [{left} {top - 20} {left + 200} {top}] {rest} >>"
    )


def _utf16(text: str) -> str:
    return "<" + (b"\xfe\xff" + text.encode("utf-16-be")).hex().upper() + ">"


def test_a_field_tree_names_its_leaves_and_passes_type_and_value_down() -> None:
    """XFA-made forms nest fields (`form1[0].#subform[0].NameOfParty[0]`) and name them only;
    a radio group's kids are widgets; /Opt holds the export values of indexed states."""
    data = _form(
        [
            "<< /T (form1[0]) /Kids [6 0 R] >>",
            "<< /T (#subform[0]) /Kids [7 0 R 8 0 R 9 0 R] /FT /Tx >>",
            _widget("/T (NameOfParty[0]) /V (France) /P 3 0 R"),
            _widget(f"/T (Key_objectives[0]) /V {_utf16('Кыргыз – mise en œuvre')}", top=600),
            "<< /T (ScopeOfTheMeasure[0]) /FT /Btn /Ff 49152 /V /1 "
            "/Opt [(Local) (R\\351gional)] /Kids [10 0 R 11 0 R] >>",
            _widget("/Parent 9 0 R /AS /Off", top=500),
            _widget("/Parent 9 0 R /AS /1", top=500, left=300),
        ],
        roots="/Fields [5 0 R]",
        annotations="[7 0 R 8 0 R 10 0 R 11 0 R]",
    )
    assert _read(data) == [
        _label("Name Of Party", 1),
        _value("France", 1),
        _label("Key objectives", 1),
        _value("Кыргыз – mise en œuvre", 1),
        _label("Scope Of The Measure", 1),
        _value("Régional", 1),
    ]


def test_check_boxes_give_their_export_value_when_on() -> None:
    """The 2012 scope boxes share the question as tooltip; the export value names the option
    (`/R#c3#a9gional` is UTF-8, `/Nationale#ef` is not and reads as PDFDocEncoding)."""
    boxes = [("Local", "Off"), ("R#c3#a9gional", "R#c3#a9gional"), ("Nationale#ef", "Nationale#ef")]
    data = _form(
        [
            _widget(
                f"/FT /Btn /T (Scope{n}) /TU (P\\351rim\\350tre de la mesure) /V /{on} /AS /{on} "
                f"/AP << /N << /{name} 20 0 R /Off 20 0 R >> >>",
                left=50 + 100 * n,
            )
            for n, (name, on) in enumerate(boxes)
        ],
        roots="/Fields [5 0 R 6 0 R 7 0 R]",
        annotations="[5 0 R 6 0 R 7 0 R]",
    )
    assert _read(data) == [
        _label("Périmètre de la mesure", 1),
        _value("Régional", 1),
        _label("Périmètre de la mesure", 1),
        _value("Nationaleï", 1),
    ]


def test_values_of_every_shape_read_as_text() -> None:
    """A number, a text stream, a multiple choice shown by its /Opt labels, a box set only in
    its appearance; a reference loop, a dictionary and a push button give nothing."""
    data = _form(
        [
            _widget("/FT /Tx /T (Amount) /TU (Budget) /V 65000"),
            _widget("/FT /Tx /T (Note) /TU << /Bad 1 >> /V 7 0 R"),
            f"<< /Length {len(STREAM_TEXT)} >>\nstream\n{STREAM_TEXT}\nendstream",
            _widget(
                "/FT /Ch /T (Types) /TU (Type of entity) /V [(PS) (CSO)] "
                "/Opt [[(PS) (Public Sector)] [(CSO) (Civil society)]]"
            ),
            _widget("/FT /Tx /T (Loop) /TU (Loop) /V 10 0 R"),
            "10 0 R",
            _widget("/FT /Btn /T (Box) /TU (Checked by appearance only) /AS /Oui"),
            _widget("/FT /Tx /T (Empty) /TU (Nothing) /V << /Not (a string) >>"),
            _widget("/FT /Btn /Ff 65536 /T (Send) /TU (Send the form) /V /Yes"),
        ],
        roots="/Fields [5 0 R 6 0 R 8 0 R 9 0 R 11 0 R 12 0 R 13 0 R]",
        annotations="[5 0 R 6 0 R 8 0 R 9 0 R 11 0 R 12 0 R 13 0 R]",
    )
    assert _read(data) == [
        _label("Budget", 1),
        _value("65000", 1),
        _label("Note", 1),
        _value("Première ligne", 1),
        _value("Deuxième ligne", 1),
        _label("Type of entity", 1),
        _value("Public Sector", 1),
        _value("Civil society", 1),
        _label("Checked by appearance only", 1),
        _value("Oui", 1),
    ]


def test_kids_that_loop_back_are_read_once_and_do_not_hang() -> None:
    data = _form(
        [
            "<< /T (Section) /Kids [6 0 R 7 0 R] /FT /Tx >>",
            "<< /T (Inner) /Kids [5 0 R 8 0 R] >>",
            _widget("/T (Party) /TU (Name of Party) /V (Chile) /Parent 5 0 R /Kids [7 0 R]"),
            _widget("/T (Budget) /TU (Budget) /V (1 000) /Parent 6 0 R", top=600),
        ],
        roots="/Fields [5 0 R 5 0 R 7 0 R]",
        annotations="[7 0 R 8 0 R]",
    )
    assert _read(data) == [
        _label("Budget", 1),
        _value("1 000", 1),
        _label("Name of Party", 1),
        _value("Chile", 1),
    ]


def test_without_a_field_list_the_widgets_read_top_to_bottom_left_to_right() -> None:
    data = _form(
        [
            _widget("/FT /Tx /T (c) /TU (Third) /V (3)", top=500),
            _widget("/FT /Tx /T (b) /TU (Second) /V (2)", top=700, left=300),
            _widget("/FT /Tx /T (a) /TU (First) /V (1)", top=700),
        ],
        roots="",
        annotations="[5 0 R 6 0 R 7 0 R]",
    )
    blocks = _read(data)
    assert blocks is not None
    assert [block.text for block in blocks] == ["First", "1", "Second", "2", "Third", "3"]


def test_too_many_fields_give_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_form, "_MAX_NODES", 3)
    fields = [_widget(f"/FT /Tx /T (f{n}) /V (value {n})", top=800 - 40 * n) for n in range(5)]
    references = " ".join(f"{5 + n} 0 R" for n in range(5))
    data = _form(fields, roots=f"/Fields [{references}]", annotations=f"[{references}]")
    assert _read(data) is None


@cache
def _small_form() -> bytes:
    return _form_2012()


def test_a_form_cut_before_its_trailer_still_reads() -> None:
    """PDFium rebuilds the lost cross-reference table and pdfminer reads PDFium's clean copy."""
    assert _read(_small_form()[:-20]) == EXPECTED_2012


def test_a_form_cut_in_half_fails_to_open_before_the_form_is_read() -> None:
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(_small_form()[: len(_small_form()) // 2])


def test_an_owner_password_protected_form_reads() -> None:
    buffer = io.BytesIO()
    encryption = StandardEncryption("", ownerPassword="owner", strength=128)
    pdf = canvas.Canvas(buffer, encrypt=encryption)
    pdf.drawString(50, 800, "Nom de la Partie :")
    pdf.acroForm.textfield(name="Partie", tooltip="Nom de la Partie", value="Côte d'Ivoire", y=760)
    pdf.showPage()
    pdf.save()
    assert _read(buffer.getvalue()) == [
        _label("Nom de la Partie", 1),
        _value("Côte d'Ivoire", 1),
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_form_bytes_never_raise(data: st.DataObject) -> None:
    damaged = bytearray(_small_form())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(damaged) - 1))
        damaged[position] = data.draw(st.integers(0, 255))
    try:
        document = pdfium.PdfDocument(bytes(damaged))
    except pdfium.PdfiumError:
        return
    try:
        blocks = read_form_fields(document)
    finally:
        document.close()
    assert blocks is None or all(isinstance(block, Block) and block.text for block in blocks)


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
