"""read_form_fields on hand-written PDFs, for what reportlab cannot make: field trees,
check boxes, values of every shape, loops, UTF-16 text, cut, damaged and protected files."""

from __future__ import annotations

import io
from functools import cache

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from pipeline.blocks import Block
from pipeline.readers import pdf_form
from pipeline.readers.pdf_form import read_form_fields
from tests.readers.form_drawing import (
    EXPECTED_2012,
    form_2012,
    label_block,
    read_fields,
    value_block,
)

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
    assert read_fields(data) == [
        label_block("Name Of Party", 1),
        value_block("France", 1),
        label_block("Key objectives", 1),
        value_block("Кыргыз – mise en œuvre", 1),
        label_block("Scope Of The Measure", 1),
        value_block("Régional", 1),
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
    assert read_fields(data) == [
        label_block("Périmètre de la mesure", 1),
        value_block("Régional", 1),
        label_block("Périmètre de la mesure", 1),
        value_block("Nationaleï", 1),
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
    assert read_fields(data) == [
        label_block("Budget", 1),
        value_block("65000", 1),
        label_block("Note", 1),
        value_block("Première ligne", 1),
        value_block("Deuxième ligne", 1),
        label_block("Type of entity", 1),
        value_block("Public Sector", 1),
        value_block("Civil society", 1),
        label_block("Checked by appearance only", 1),
        value_block("Oui", 1),
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
    assert read_fields(data) == [
        label_block("Budget", 1),
        value_block("1 000", 1),
        label_block("Name of Party", 1),
        value_block("Chile", 1),
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
    blocks = read_fields(data)
    assert blocks is not None
    assert [block.text for block in blocks] == ["First", "1", "Second", "2", "Third", "3"]


def test_too_many_fields_give_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_form, "_MAX_NODES", 3)
    fields = [_widget(f"/FT /Tx /T (f{n}) /V (value {n})", top=800 - 40 * n) for n in range(5)]
    references = " ".join(f"{5 + n} 0 R" for n in range(5))
    data = _form(fields, roots=f"/Fields [{references}]", annotations=f"[{references}]")
    assert read_fields(data) is None


@cache
def _small_form() -> bytes:
    return form_2012()


def test_a_form_cut_before_its_trailer_still_reads() -> None:
    """PDFium rebuilds the lost cross-reference table and pdfminer reads PDFium's clean copy."""
    assert read_fields(_small_form()[:-20]) == EXPECTED_2012


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
    assert read_fields(buffer.getvalue()) == [
        label_block("Nom de la Partie", 1),
        value_block("Côte d'Ivoire", 1),
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
