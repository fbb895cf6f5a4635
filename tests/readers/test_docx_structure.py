"""read_docx on whole reports in Parties' own Word layouts: heading levels, Word's automatic
list numbers written out, and label | value tables read end to end through `extract_bytes`."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from pipeline import extract_bytes
from pipeline.blocks import BlockKind
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

W = nsdecls("w")
Document = docx.document.Document

# One list level: (numFmt, lvlText, start).
Level = tuple[str, str, int]
OUTLINE: list[Level] = [
    ("decimal", "%1.", 1),
    ("decimal", "%1.%2.", 1),
    ("decimal", "%1.%2.%3.", 1),
]


def _save(document: Document, tmp_path: Path) -> bytes:
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path.read_bytes()


def _level_xml(number: int, level: Level, extra: str = "") -> str:
    number_format, text, start = level
    return (
        f'<w:lvl w:ilvl="{number}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def _add_list(
    document: Document,
    list_id: int,
    levels: list[Level],
    level_extras: dict[int, str] | None = None,
) -> str:
    """Define an abstract list and one w:num over it (both numbered `list_id`); its numId."""
    extras = level_extras or {}
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{list_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        + "".join(_level_xml(n, level, extras.get(n, "")) for n, level in enumerate(levels))
        + "</w:abstractNum>"
    )
    # The schema puts every w:abstractNum before the first w:num.
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    return _add_instance(document, list_id, list_id)


def _add_instance(
    document: Document, num_id: int, list_id: int, start_overrides: dict[int, int] | None = None
) -> str:
    """A further w:num over abstract list `list_id`, optionally restarting levels."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for level, start in (start_overrides or {}).items()
    )
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{list_id}"/>{overrides}</w:num>'
        )
    )
    return str(num_id)


def _number(paragraph: Paragraph, num_id: str | None, level: int | None = 0) -> Paragraph:
    """Give a paragraph a w:numPr (None leaves that part to the paragraph's style)."""
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    if level is not None:
        numbering.get_or_add_ilvl().val = level
    if num_id is not None:
        numbering.get_or_add_numId().val = int(num_id)
    return paragraph


def _number_style(document: Document, style_name: str, num_id: str, level: int | None) -> None:
    numbering = document.styles[style_name].element.get_or_add_pPr().get_or_add_numPr()
    if level is not None:
        numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = int(num_id)


def _texts(data: bytes) -> list[str]:
    return [block.text for block in read_docx(data)]


# --- Word's automatic numbering --------------------------------------------------------------


def test_multi_level_numbers_restart_below_the_level_that_advances(tmp_path: Path) -> None:
    document = docx.Document()
    outline = _add_list(document, 90, OUTLINE)
    for level, text in [
        (0, "Cultural policies"),
        (1, "Support for cinema"),
        (1, "Support for regional theatres"),
        (2, "Touring grants"),
        (0, "International cooperation"),
        (1, "Co-productions"),
        (2, "Treaties"),
    ]:
        _number(document.add_paragraph(text), outline, level)

    assert _texts(_save(document, tmp_path)) == [
        "1. Cultural policies",
        "1.1. Support for cinema",
        "1.2. Support for regional theatres",
        "1.2.1. Touring grants",
        "2. International cooperation",
        "2.1. Co-productions",
        "2.1.1. Treaties",
    ]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (("lowerLetter", "%1)", 1), ["a)", "b)", "c)"]),
        (("upperLetter", "%1.", 1), ["A.", "B.", "C."]),
        (("upperRoman", "%1.", 1), ["I.", "II.", "III."]),
        (("lowerRoman", "(%1)", 3), ["(iii)", "(iv)", "(v)"]),
        (("decimal", "%1.", 3), ["3.", "4.", "5."]),
        (("decimalZero", "%1.", 9), ["09.", "10.", "11."]),
        (("decimal", "Measure %1:", 1), ["Measure 1:", "Measure 2:", "Measure 3:"]),
    ],
)
def test_number_formats_as_word_draws_them(
    tmp_path: Path, level: Level, expected: list[str]
) -> None:
    document = docx.Document()
    single = _add_list(document, 90, [level])
    for text in ("one", "two", "three"):
        _number(document.add_paragraph(text), single)

    assert _texts(_save(document, tmp_path)) == [
        f"{number} {text}" for number, text in zip(expected, ("one", "two", "three"), strict=True)
    ]


def test_letters_go_on_doubled_after_z(tmp_path: Path) -> None:
    document = docx.Document()
    letters = _add_list(document, 90, [("lowerLetter", "%1)", 26)])
    for _ in range(3):
        _number(document.add_paragraph("item"), letters)

    assert _texts(_save(document, tmp_path)) == ["z) item", "aa) item", "bb) item"]


def test_bullets_get_no_prefix(tmp_path: Path) -> None:
    document = docx.Document()
    bullets = _add_list(document, 90, [("bullet", "\uf0b7", 1), ("bullet", "o", 1)])
    _number(document.add_paragraph("young artists"), bullets, 0)
    _number(document.add_paragraph("in rural areas"), bullets, 1)
    # The default template's List Bullet style is linked to a bullet list through its numPr.
    document.add_paragraph("women in the music sector", style="List Bullet")
    document.add_paragraph("first step", style="List Number")

    assert _texts(_save(document, tmp_path)) == [
        "young artists",
        "in rural areas",
        "women in the music sector",
        "1. first step",
    ]


def test_heading_styles_linked_to_a_list_are_numbered(tmp_path: Path) -> None:
    document = docx.Document()
    outline = _add_list(document, 90, OUTLINE)
    _number_style(document, "Heading 1", outline, 0)
    _number_style(document, "Heading 2", outline, 1)
    document.add_heading("Cultural policies and measures", level=1)
    document.add_heading("Support for cinema", level=2)
    document.add_paragraph("Body text is not numbered.")
    document.add_heading("Support for regional theatres", level=2)
    # numId 0 is Word's "numbering removed" on a paragraph whose style is numbered.
    _number(document.add_heading("Annex", level=1), "0", None)
    document.add_heading("International cooperation", level=1)

    blocks = read_docx(_save(document, tmp_path))

    assert [(block.kind, block.level, block.text) for block in blocks] == [
        (BlockKind.HEADING, 1, "1. Cultural policies and measures"),
        (BlockKind.HEADING, 2, "1.1. Support for cinema"),
        (BlockKind.PARAGRAPH, None, "Body text is not numbered."),
        (BlockKind.HEADING, 2, "1.2. Support for regional theatres"),
        (BlockKind.HEADING, 1, "Annex"),
        (BlockKind.HEADING, 1, "2. International cooperation"),
    ]


def test_style_level_from_the_list_level_that_names_the_style(tmp_path: Path) -> None:
    document = docx.Document()
    outline = _add_list(document, 90, OUTLINE[:2], level_extras={1: '<w:pStyle w:val="Heading2"/>'})
    # A style linked to the list by numId alone takes the level whose w:pStyle names it.
    _number_style(document, "Heading 1", outline, 0)
    _number_style(document, "Heading 2", outline, None)
    document.add_heading("Goal 1", level=1)
    document.add_heading("Cultural and creative sectors", level=2)
    # A paragraph's own ilvl with the style's list.
    _number(document.add_heading("Digital environment", level=1), None, 1)

    assert _texts(_save(document, tmp_path)) == [
        "1. Goal 1",
        "1.1. Cultural and creative sectors",
        "1.2. Digital environment",
    ]


def test_start_override_restarts_and_other_instances_continue(tmp_path: Path) -> None:
    document = docx.Document()
    first = _add_list(document, 90, [("decimal", "%1.", 1)])
    restarted = _add_instance(document, 91, 90, start_overrides={0: 1})
    continued = _add_instance(document, 92, 90)
    _number(document.add_paragraph("a"), first)
    _number(document.add_paragraph("b"), first)
    _number(document.add_paragraph("c"), restarted)
    _number(document.add_paragraph("d"), restarted)
    _number(document.add_paragraph("e"), continued)

    # "Restart numbering" gives a new w:num with a start override; without one, another w:num
    # over the same abstract list continues it.
    assert _texts(_save(document, tmp_path)) == ["1. a", "2. b", "1. c", "2. d", "3. e"]


def test_level_restart_and_legal_numbering(tmp_path: Path) -> None:
    document = docx.Document()
    outline = _add_list(
        document,
        90,
        [("upperRoman", "%1.", 1), ("decimal", "%1.%2", 1), ("lowerLetter", "%3)", 1)],
        # Level 2 never restarts; level 1 is legal numbering (the Roman parent shown as digits).
        level_extras={1: "<w:isLgl/>", 2: '<w:lvlRestart w:val="0"/>'},
    )
    for level, text in [(0, "A"), (1, "B"), (2, "C"), (0, "D"), (1, "E"), (2, "F")]:
        _number(document.add_paragraph(text), outline, level)

    assert _texts(_save(document, tmp_path)) == [
        "I. A",
        "1.1 B",
        "a) C",
        "II. D",
        "2.1 E",
        "b) F",
    ]


def test_empty_numbered_paragraphs_count_and_tables_share_the_counters(tmp_path: Path) -> None:
    document = docx.Document()
    numbered = _add_list(document, 90, [("decimal", "%1.", 1)])
    _number(document.add_paragraph("first"), numbered)
    _number(document.add_paragraph(""), numbered)  # Word still draws "2."
    table = document.add_table(rows=1, cols=2)
    _number(table.cell(0, 0).paragraphs[0], numbered).add_run("in a cell")
    table.cell(0, 1).text = "value"
    _number(document.add_paragraph("after the table"), numbered)

    assert _texts(_save(document, tmp_path)) == [
        "1. first",
        "3. in a cell | value",
        "4. after the table",
    ]


def test_list_defined_through_a_numbering_style(tmp_path: Path) -> None:
    document = docx.Document()
    _add_list(document, 90, OUTLINE[:2])
    list_style = document.styles.add_style("Report Outline", WD_STYLE_TYPE.PARAGRAPH)
    list_style.element.set(qn("w:type"), "numbering")
    _number_style(document, "Report Outline", "90", None)
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="91">'
            f'<w:numStyleLink w:val="{list_style.style_id}"/></w:abstractNum>'
        )
    )
    linked = _add_instance(document, 91, 91)
    _number(document.add_paragraph("Goal 1"), linked, 0)
    _number(document.add_paragraph("Media diversity"), linked, 1)

    assert _texts(_save(document, tmp_path)) == ["1. Goal 1", "1.1. Media diversity"]


def test_undefined_list_leaves_the_text_alone(tmp_path: Path) -> None:
    document = docx.Document()
    _number(document.add_paragraph("orphan"), "4242")

    assert _texts(_save(document, tmp_path)) == ["orphan"]


# --- heading levels --------------------------------------------------------------------------


def test_heading_levels_from_names_ids_and_outline_levels(tmp_path: Path) -> None:
    document = docx.Document()
    spanish = document.styles.add_style("Título 1", WD_STYLE_TYPE.PARAGRAPH)
    # A French Word keeps the built-in name "heading 3" and localises the id.
    localised_id = document.styles["Heading 3"]
    localised_id.element.set(qn("w:styleId"), "Titre3")
    outlined = document.styles.add_style("Report Chapter", WD_STYLE_TYPE.PARAGRAPH)
    outlined.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="1"/>'))
    derived = document.styles.add_style("Report Chapter Small", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = outlined

    document.add_paragraph("Objetivo 1", style=spanish)
    document.add_paragraph("Area of monitoring", style=localised_id)
    document.add_paragraph("Chapter from the style's outline level", style=derived)
    undefined = document.add_paragraph("Generated heading")
    # A style id that styles.xml never defines, as generated files have.
    undefined._p.get_or_add_pPr().get_or_add_pStyle().val = "Heading4"

    blocks = read_docx(_save(document, tmp_path))

    assert [(block.kind, block.level) for block in blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 3),
        (BlockKind.HEADING, 2),
        (BlockKind.HEADING, 4),
    ]


# --- label | value tables, end to end --------------------------------------------------------

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

    _assert_measure(_measure(_save(document, tmp_path)), TITLE)


def test_measure_as_label_value_table_under_a_numbered_heading(tmp_path: Path) -> None:
    document = docx.Document()
    # The report's third measure: its number is Word's, not the heading's text.
    measures = _add_list(document, 90, [("decimal", "%1.", 3)])
    _number_style(document, "Heading 2", measures, 0)
    document.add_heading(TITLE, level=2)
    _measure_table(document, title_row=False)

    _assert_measure(_measure(_save(document, tmp_path)), f"3. {TITLE}")


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

    _assert_measure(_measure(_save(document, tmp_path)), TITLE)


def test_label_cell_merged_down_over_several_value_rows(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = EN_DESC
    table.cell(0, 1).text, table.cell(1, 1).text = DESCRIPTION
    _label_row(table, EN_RESULTS, RESULTS[0])

    blocks = read_docx(_save(document, tmp_path))
    measure = _measure(_save(document, tmp_path))

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

    assert [block.cells for block in read_docx(_save(document, tmp_path))] == [
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

    blocks = read_docx(_save(document, tmp_path))

    # Flattened into the cell's text, a one-row table with no header would be one line that no
    # later stage could take apart; read as content, the nested row keeps its cells.
    assert [(block.text, block.cells) for block in blocks[-3:]] == [
        (EN_PARTNERS, None),
        (" | ".join(PARTNERS[0]), PARTNERS[0]),
        ("(more partners to come)", None),
    ]


def test_one_row_partner_table_without_header_in_a_value_cell(tmp_path: Path) -> None:
    measure = _measure(_save(_one_row_partner_document(None), tmp_path))

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

    assert _measure(_save(document, tmp_path)).description == "\n".join(DESCRIPTION)


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

    assert _texts(_save(document, tmp_path)) == ["after"]


@pytest.mark.parametrize(
    "number_text",
    ["%1.", "%1)", "(%1)"],
)
def test_labels_numbered_by_word_are_still_labels(tmp_path: Path, number_text: str) -> None:
    document = docx.Document()
    labels = _add_list(document, 90, [("decimal", number_text, 1)])
    document.add_paragraph(TITLE)
    for label, value in [(EN_DESC, DESCRIPTION[0]), (EN_RESULTS, RESULTS[0])]:
        _number(document.add_paragraph(label), labels)
        document.add_paragraph(value)

    measure = _measure(_save(document, tmp_path))

    assert (measure.description, measure.results) == (DESCRIPTION[0], RESULTS[0])
