"""read_docx writes out Word's automatic list numbers as Word draws them (levels, formats,
restarts, overrides, lists linked through styles) and reads heading levels from styles."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from pipeline.blocks import BlockKind
from pipeline.readers.docx import read_docx
from tests.readers.docx_building import (
    OUTLINE,
    Level,
    W,
    add_instance,
    add_list,
    docx_texts,
    number_paragraph,
    number_style,
    save_docx,
)


def test_multi_level_numbers_restart_below_the_level_that_advances(tmp_path: Path) -> None:
    document = docx.Document()
    outline = add_list(document, 90, OUTLINE)
    for level, text in [
        (0, "Cultural policies"),
        (1, "Support for cinema"),
        (1, "Support for regional theatres"),
        (2, "Touring grants"),
        (0, "International cooperation"),
        (1, "Co-productions"),
        (2, "Treaties"),
    ]:
        number_paragraph(document.add_paragraph(text), outline, level)

    assert docx_texts(save_docx(document, tmp_path)) == [
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
    single = add_list(document, 90, [level])
    for text in ("one", "two", "three"):
        number_paragraph(document.add_paragraph(text), single)

    assert docx_texts(save_docx(document, tmp_path)) == [
        f"{number} {text}" for number, text in zip(expected, ("one", "two", "three"), strict=True)
    ]


def test_letters_go_on_doubled_after_z(tmp_path: Path) -> None:
    document = docx.Document()
    letters = add_list(document, 90, [("lowerLetter", "%1)", 26)])
    for _ in range(3):
        number_paragraph(document.add_paragraph("item"), letters)

    assert docx_texts(save_docx(document, tmp_path)) == ["z) item", "aa) item", "bb) item"]


def test_bullets_get_no_prefix(tmp_path: Path) -> None:
    document = docx.Document()
    bullets = add_list(document, 90, [("bullet", "\uf0b7", 1), ("bullet", "o", 1)])
    number_paragraph(document.add_paragraph("young artists"), bullets, 0)
    number_paragraph(document.add_paragraph("in rural areas"), bullets, 1)
    # The default template's List Bullet style is linked to a bullet list through its numPr.
    document.add_paragraph("women in the music sector", style="List Bullet")
    document.add_paragraph("first step", style="List Number")

    assert docx_texts(save_docx(document, tmp_path)) == [
        "young artists",
        "in rural areas",
        "women in the music sector",
        "1. first step",
    ]


def test_heading_styles_linked_to_a_list_are_numbered(tmp_path: Path) -> None:
    document = docx.Document()
    outline = add_list(document, 90, OUTLINE)
    number_style(document, "Heading 1", outline, 0)
    number_style(document, "Heading 2", outline, 1)
    document.add_heading("Cultural policies and measures", level=1)
    document.add_heading("Support for cinema", level=2)
    document.add_paragraph("Body text is not numbered.")
    document.add_heading("Support for regional theatres", level=2)
    # numId 0 is Word's "numbering removed" on a paragraph whose style is numbered.
    number_paragraph(document.add_heading("Annex", level=1), "0", None)
    document.add_heading("International cooperation", level=1)

    blocks = read_docx(save_docx(document, tmp_path))

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
    outline = add_list(document, 90, OUTLINE[:2], level_extras={1: '<w:pStyle w:val="Heading2"/>'})
    # A style linked to the list by numId alone takes the level whose w:pStyle names it.
    number_style(document, "Heading 1", outline, 0)
    number_style(document, "Heading 2", outline, None)
    document.add_heading("Goal 1", level=1)
    document.add_heading("Cultural and creative sectors", level=2)
    # A paragraph's own ilvl with the style's list.
    number_paragraph(document.add_heading("Digital environment", level=1), None, 1)

    assert docx_texts(save_docx(document, tmp_path)) == [
        "1. Goal 1",
        "1.1. Cultural and creative sectors",
        "1.2. Digital environment",
    ]


def test_start_override_restarts_and_other_instances_continue(tmp_path: Path) -> None:
    document = docx.Document()
    first = add_list(document, 90, [("decimal", "%1.", 1)])
    restarted = add_instance(document, 91, 90, start_overrides={0: 1})
    continued = add_instance(document, 92, 90)
    number_paragraph(document.add_paragraph("a"), first)
    number_paragraph(document.add_paragraph("b"), first)
    number_paragraph(document.add_paragraph("c"), restarted)
    number_paragraph(document.add_paragraph("d"), restarted)
    number_paragraph(document.add_paragraph("e"), continued)

    # "Restart numbering" gives a new w:num with a start override; without one, another w:num
    # over the same abstract list continues it.
    assert docx_texts(save_docx(document, tmp_path)) == ["1. a", "2. b", "1. c", "2. d", "3. e"]


def test_level_restart_and_legal_numbering(tmp_path: Path) -> None:
    document = docx.Document()
    outline = add_list(
        document,
        90,
        [("upperRoman", "%1.", 1), ("decimal", "%1.%2", 1), ("lowerLetter", "%3)", 1)],
        # Level 2 never restarts; level 1 is legal numbering (the Roman parent shown as digits).
        level_extras={1: "<w:isLgl/>", 2: '<w:lvlRestart w:val="0"/>'},
    )
    for level, text in [(0, "A"), (1, "B"), (2, "C"), (0, "D"), (1, "E"), (2, "F")]:
        number_paragraph(document.add_paragraph(text), outline, level)

    assert docx_texts(save_docx(document, tmp_path)) == [
        "I. A",
        "1.1 B",
        "a) C",
        "II. D",
        "2.1 E",
        "b) F",
    ]


def test_empty_numbered_paragraphs_count_and_tables_share_the_counters(tmp_path: Path) -> None:
    document = docx.Document()
    numbered = add_list(document, 90, [("decimal", "%1.", 1)])
    number_paragraph(document.add_paragraph("first"), numbered)
    number_paragraph(document.add_paragraph(""), numbered)  # Word still draws "2."
    table = document.add_table(rows=1, cols=2)
    number_paragraph(table.cell(0, 0).paragraphs[0], numbered).add_run("in a cell")
    table.cell(0, 1).text = "value"
    number_paragraph(document.add_paragraph("after the table"), numbered)

    assert docx_texts(save_docx(document, tmp_path)) == [
        "1. first",
        "3. in a cell | value",
        "4. after the table",
    ]


def test_list_defined_through_a_numbering_style(tmp_path: Path) -> None:
    document = docx.Document()
    add_list(document, 90, OUTLINE[:2])
    list_style = document.styles.add_style("Report Outline", WD_STYLE_TYPE.PARAGRAPH)
    list_style.element.set(qn("w:type"), "numbering")
    number_style(document, "Report Outline", "90", None)
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="91">'
            f'<w:numStyleLink w:val="{list_style.style_id}"/></w:abstractNum>'
        )
    )
    linked = add_instance(document, 91, 91)
    number_paragraph(document.add_paragraph("Goal 1"), linked, 0)
    number_paragraph(document.add_paragraph("Media diversity"), linked, 1)

    assert docx_texts(save_docx(document, tmp_path)) == ["1. Goal 1", "1.1. Media diversity"]


def test_undefined_list_leaves_the_text_alone(tmp_path: Path) -> None:
    document = docx.Document()
    number_paragraph(document.add_paragraph("orphan"), "4242")

    assert docx_texts(save_docx(document, tmp_path)) == ["orphan"]


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

    blocks = read_docx(save_docx(document, tmp_path))

    assert [(block.kind, block.level) for block in blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 3),
        (BlockKind.HEADING, 2),
        (BlockKind.HEADING, 4),
    ]
