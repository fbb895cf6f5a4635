"""read_docx on label | value tables in Parties' own Word layouts, read end to end through
`extract_bytes`: title rows, layout frames, nested partner tables, merged label cells."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.table import Table, _Cell

from pipeline import extract_bytes
from pipeline.readers.docx import read_docx
from schemas import Measure
from tests.form_labels import (
    EN_BUDGET,
    EN_DESC,
    EN_EVALUATED,
    EN_PARTNERS,
    EN_RESULTS,
    EN_WEB,
)
from tests.readers.docx_building import (
    Document,
    W,
    add_list,
    docx_texts,
    number_paragraph,
    number_style,
    save_docx,
)

TITLE = "Support for regional theatres"
DESCRIPTION = ("The programme funds regional theatres.", "It also trains their managers.")
PARTNERS = (
    ("Arts Council", "Public Sector"),
    ("Theatre Union", "Civil Society Organization (CSO)"),
    ("Stage Lights Ltd", "Private Sector"),
)
RESULTS = ("Twelve theatres reopened.", "Audiences grew by a third:")
RESULT_BULLETS = ("in rural districts;", "among young people.")


def _set_paragraphs(cell: _Cell, paragraphs: tuple[str, ...], style: str | None = None) -> None:
    cell.text = paragraphs[0]
    cell.paragraphs[0].style = style
    for text in paragraphs[1:]:
        cell.add_paragraph(text, style=style)


def _label_row(table: Table, label: str, *paragraphs: str) -> _Cell:
    """A label | value row; the value cell, for further content."""
    row = table.add_row()
    row.cells[0].text = label
    if paragraphs:
        _set_paragraphs(row.cells[1], paragraphs)
    return row.cells[1]


def _partner_table(cell: _Cell) -> None:
    """The form's partner table nested in the value cell (python-docx leaves an empty
    paragraph before it, as Word does)."""
    nested = cell.add_table(rows=0, cols=2)
    for name, kind in (("Name of partner", "Type of entity"), *PARTNERS):
        cells = nested.add_row().cells
        cells[0].text, cells[1].text = name, kind


def _measure_table(document: Document, *, title_row: bool) -> Table:
    table = document.add_table(rows=0, cols=2)
    if title_row:
        row = table.add_row()
        row.cells[0].merge(row.cells[1]).text = TITLE
    _label_row(table, "Who", "Ministry of Culture")
    _label_row(table, EN_DESC, *DESCRIPTION)
    _label_row(table, EN_WEB, "https://culture.example.org/theatres")
    results = _label_row(table, EN_RESULTS, *RESULTS)
    for text in RESULT_BULLETS:
        results.add_paragraph(text, style="List Bullet")
    _label_row(table, EN_BUDGET, "1,250,000 USD")
    _partner_table(_label_row(table, EN_PARTNERS))
    _label_row(table, EN_EVALUATED, "NO")
    return table


def _measure(data: bytes) -> Measure:
    record = extract_bytes(data, "x.docx")
    assert record.status == "ok", record.issues
    (measure,) = record.measures
    return measure


def _assert_measure(measure: Measure, title: str) -> None:
    assert measure.title == title
    assert measure.agency == "Ministry of Culture"
    assert measure.description == "\n".join(DESCRIPTION)
    assert measure.website == "https://culture.example.org/theatres"
    assert measure.results == "\n".join(RESULTS + RESULT_BULLETS)
    assert measure.budget.amount == 1_250_000
    assert measure.budget.currency == "USD"
    assert [(p.name, p.raw_type) for p in measure.partners] == list(PARTNERS)
    assert [p.entity_type for p in measure.partners] == [
        "public_sector",
        "civil_society",
        "private_sector",
    ]
    assert measure.evaluation.evaluated is False


def test_measure_as_label_value_table_with_title_row(tmp_path: Path) -> None:
    document = docx.Document()
    _measure_table(document, title_row=True)

    _assert_measure(_measure(save_docx(document, tmp_path)), TITLE)


def test_measure_as_label_value_table_under_a_numbered_heading(tmp_path: Path) -> None:
    document = docx.Document()
    # The report's third measure: its number is Word's, not the heading's text.
    measures = add_list(document, 90, [("decimal", "%1.", 3)])
    number_style(document, "Heading 2", measures, 0)
    document.add_heading(TITLE, level=2)
    _measure_table(document, title_row=False)

    _assert_measure(_measure(save_docx(document, tmp_path)), f"3. {TITLE}")


def test_measure_in_a_layout_frame_with_its_nested_partner_table(tmp_path: Path) -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    _set_paragraphs(frame, (TITLE, "Ministry of Culture", EN_DESC, *DESCRIPTION, EN_WEB))
    frame.add_paragraph("https://culture.example.org/theatres")
    for text in (EN_RESULTS, *RESULTS):
        frame.add_paragraph(text)
    for text in RESULT_BULLETS:
        frame.add_paragraph(text, style="List Bullet")
    for text in (EN_BUDGET, "1,250,000 USD", EN_PARTNERS):
        frame.add_paragraph(text)
    _partner_table(frame)
    for text in (EN_EVALUATED, "NO"):
        frame.add_paragraph(text)

    _assert_measure(_measure(save_docx(document, tmp_path)), TITLE)


def test_label_cell_merged_down_over_several_value_rows(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = EN_DESC
    table.cell(0, 1).text, table.cell(1, 1).text = DESCRIPTION
    _label_row(table, EN_RESULTS, RESULTS[0])

    blocks = read_docx(save_docx(document, tmp_path))
    measure = _measure(save_docx(document, tmp_path))

    assert [block.cells for block in blocks[1:]] == [
        (EN_DESC, "\n".join(DESCRIPTION)),
        (EN_RESULTS, RESULTS[0]),
    ]
    assert measure.description == "\n".join(DESCRIPTION)
    assert measure.results == RESULTS[0]


def test_first_cell_merged_down_in_a_wider_table_keeps_rows_apart(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Partners"
    for row, (name, kind) in enumerate(PARTNERS[:2]):
        table.cell(row, 1).text, table.cell(row, 2).text = name, kind

    assert [block.cells for block in read_docx(save_docx(document, tmp_path))] == [
        ("Partners", *PARTNERS[0]),
        ("", *PARTNERS[1]),
    ]


def _one_row_partner_document(note: str | None) -> Document:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=0, cols=2)
    _label_row(table, EN_DESC, DESCRIPTION[0])
    value = _label_row(table, EN_PARTNERS)
    nested = value.add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = PARTNERS[0]
    if note is not None:
        value.add_paragraph(note)
    return document


def test_value_cell_holding_a_table_is_read_as_content_in_order(tmp_path: Path) -> None:
    document = _one_row_partner_document("(more partners to come)")

    blocks = read_docx(save_docx(document, tmp_path))

    # Flattened into the cell's text, a one-row table with no header would be one line that no
    # later stage could take apart; read as content, the nested row keeps its cells.
    assert [(block.text, block.cells) for block in blocks[-3:]] == [
        (EN_PARTNERS, None),
        (" | ".join(PARTNERS[0]), PARTNERS[0]),
        ("(more partners to come)", None),
    ]


def test_one_row_partner_table_without_header_in_a_value_cell(tmp_path: Path) -> None:
    measure = _measure(save_docx(_one_row_partner_document(None), tmp_path))

    assert [(p.name, p.entity_type) for p in measure.partners] == [
        ("Arts Council", "public_sector")
    ]


def test_row_with_an_empty_label_cell_continues_the_value_above(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=0, cols=2)
    _label_row(table, EN_DESC, DESCRIPTION[0])
    _label_row(table, "", DESCRIPTION[1])
    _label_row(table, EN_RESULTS, RESULTS[0])

    assert _measure(save_docx(document, tmp_path)).description == "\n".join(DESCRIPTION)


def test_rows_without_cells_and_empty_tables_are_skipped(tmp_path: Path) -> None:
    document = docx.Document()
    body = document.element.body
    body.insert(
        len(body) - 1,
        parse_xml(
            f"<w:tbl {W}><w:tr/><w:tr><w:tc><w:p/></w:tc></w:tr>"
            "<w:tr><w:tc><w:p/></w:tc><w:tc><w:tbl/></w:tc></w:tr></w:tbl>"
        ),
    )
    document.add_paragraph("after")

    assert docx_texts(save_docx(document, tmp_path)) == ["after"]


@pytest.mark.parametrize(
    "number_text",
    ["%1.", "%1)", "(%1)"],
)
def test_labels_numbered_by_word_are_still_labels(tmp_path: Path, number_text: str) -> None:
    document = docx.Document()
    labels = add_list(document, 90, [("decimal", number_text, 1)])
    document.add_paragraph(TITLE)
    for label, value in [(EN_DESC, DESCRIPTION[0]), (EN_RESULTS, RESULTS[0])]:
        number_paragraph(document.add_paragraph(label), labels)
        document.add_paragraph(value)

    measure = _measure(save_docx(document, tmp_path))

    assert (measure.description, measure.results) == (DESCRIPTION[0], RESULTS[0])
