"""Word, PDF and HTML layouts of one policy/measure record, built in memory, read end to end.

Real reports arrive as Word files written by ministries, PDFs printed from the platform or from
Word, and saved web pages. Each case renders original text (docs/form.md §2-§3) in one such
layout and asserts what a user of the field expects (docs/record.md value rules). Plain-text
variations live in test_variations.py; only the unambiguous part of each expectation is asserted.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from form_labels import (
    EN_AREAS,
    EN_BUDGET,
    EN_CONCLUSIONS,
    EN_DESC,
    EN_DOMAINS,
    EN_EVALUATED,
    EN_GOALS,
    EN_PARTNERS,
    EN_RESULTS,
    EN_WEB,
    FR_BUDGET,
    FR_DESC,
    FR_DOMAINS,
    FR_EVALUATED,
    FR_GOALS,
    FR_PARTNERS,
    FR_RESULTS,
    NBSP,
)
from records import codes, partner_rows
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline import extract_bytes
from schemas import ReportRecord

# ---------------------------------------------------------------------------------------------
# Labels, as the form prints them (docs/form.md §2).
# ---------------------------------------------------------------------------------------------
EN_HEADER = ("Name of partner", "Type of entity")


CSO = "Civil Society Organization (CSO)"

# ---------------------------------------------------------------------------------------------
# The record every layout renders (original text written for these tests).
# ---------------------------------------------------------------------------------------------
TITLE = "Mobile Cinema Caravan for Rural Districts"
COUNTRY = "Ghana"
YEAR = "2022"
AGENCY = "National Film and Video Board"
DESC_1 = (
    "The caravan brings a projection truck, an inflatable screen and a sound system to district "
    "capitals that have no cinema. Each stop lasts three days and combines evening screenings of "
    "Ghanaian and African films with afternoon workshops for young people who want to make short "
    "films on their phones."
)
DESC_2 = (
    "Local organisers choose part of the programme, and every screening is followed by a "
    "discussion with a filmmaker or an actor. Films are shown with subtitles in English and in "
    "the main local language of the district."
)
DESCRIPTION = f"{DESC_1}\n{DESC_2}"
WEBSITE = "https://www.filmboard-caravan.org/about"
RESULTS = (
    "Between 2022 and 2023 the caravan made 64 stops in 11 regions and drew about 52,000 "
    "spectators. Some 900 young people took part in the workshops, and 140 of their short films "
    "were screened at the closing festival in Kumasi."
)
BUDGET = "USD 1,250,000"
PARTNERS = (
    ("Ghana Association of Film Societies", CSO),
    ("District Assemblies Common Fund", "Public Sector"),
    ("SunReel Projection Services Ltd", "Private Sector"),
)
PARTNER_CODES = [
    ("Ghana Association of Film Societies", "civil_society"),
    ("District Assemblies Common Fund", "public_sector"),
    ("SunReel Projection Services Ltd", "private_sector"),
]
EVALUATED = "YES"
CONCLUSIONS = (
    "A mid-term review found that the workshops had the most lasting effect and recommended "
    "longer stays in each district and a small fund for the best workshop projects."
)
GOAL_1 = "Goal 1 – Support sustainable systems of governance for culture"
GOAL_3 = "Goal 3 – Integrate culture in sustainable development frameworks"
AREA = "Cultural and creative sectors"
DOMAIN = "Cinema/Audiovisual arts"

# (kind, label, values): kind "heading" is a colon-less block heading, "label" a colon label;
# values None stands for the partner table.
FIELDS: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("heading", "Where", (COUNTRY,)),
    ("heading", "When", (YEAR,)),
    ("heading", "Who", (AGENCY,)),
    ("label", EN_DESC, (DESC_1, DESC_2)),
    ("label", EN_WEB, (WEBSITE,)),
    ("label", EN_RESULTS, (RESULTS,)),
    ("label", EN_BUDGET, (BUDGET,)),
    ("label", EN_PARTNERS, None),
    ("label", EN_EVALUATED, (EVALUATED,)),
    ("label", EN_CONCLUSIONS, (CONCLUSIONS,)),
    ("heading", EN_GOALS, (GOAL_1,)),
    ("heading", EN_AREAS, (AREA,)),
    ("heading", EN_DOMAINS, (DOMAIN,)),
)
# The same record without Where/When/Who: the agency is the unlabelled line after the title.
BODY_FIELDS = FIELDS[3:]

# A French record, for the French-header and windows-1252 cases.
FR_TITLE = "Caravane du cinéma dans les provinces"
FR_AGENCY = "Centre cinématographique marocain"
FR_DESCRIPTION = (
    "La caravane présente des films marocains et africains dans les villes qui n’ont plus de "
    "salle de cinéma. Chaque étape dure trois jours : projections en soirée, ateliers « premier "
    "film » pour les jeunes l’après-midi et rencontre avec l’équipe d’un film."
)
FR_RESULTS_TEXT = (
    "En 2021 et 2022, la caravane a fait 38 étapes et réuni environ 27 000 spectateurs ; 450 "
    "jeunes ont suivi les ateliers d’initiation à la réalisation."
)
FR_GOAL_1 = "Soutenir des systèmes de gouvernance durables de la culture"


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def extract(data: bytes, filename: str) -> tuple[ReportRecord, object]:
    record = extract_bytes(data, filename)
    assert record.measures, f"no measure extracted: {[i.code for i in record.issues]}"
    return record, record.measures[0]


def flat(text: str | None) -> str | None:
    """Whitespace-insensitive form, for PDFs where line and paragraph breaks are the reader's guess."""
    return " ".join(text.split()) if text is not None else None


def scalar_values(measure) -> list[str]:
    values = [
        measure.title,
        measure.agency,
        measure.description,
        measure.website,
        measure.results,
        measure.budget.raw,
        measure.evaluation.conclusions,
    ]
    values += [p.name for p in measure.partners] + [p.raw_type for p in measure.partners]
    for block in (measure.goals, measure.areas_of_monitoring, measure.cultural_domains):
        values += [item.raw for item in block]
    return [value for value in values if value]


def assert_whole_record(
    record: ReportRecord, measure, *, where: bool = True, exact_breaks: bool = True
) -> None:
    """Every field of the shared record, as a user of the field expects it."""
    assert measure.title == TITLE
    assert measure.agency == AGENCY
    if where:
        assert measure.country is not None and measure.country.iso3 == "GHA"
        assert measure.year == 2022
    if exact_breaks:
        assert measure.description == DESCRIPTION
        assert measure.results == RESULTS
        assert measure.evaluation.conclusions == CONCLUSIONS
    else:
        assert flat(measure.description) == flat(DESCRIPTION)
        assert flat(measure.results) == flat(RESULTS)
        assert flat(measure.evaluation.conclusions) == flat(CONCLUSIONS)
        # One paragraph wrapped over several lines is still one paragraph.
        assert "\n" not in measure.results and "\n" not in measure.evaluation.conclusions
    assert measure.website == WEBSITE
    assert measure.budget.status == "stated"
    assert measure.budget.amount == 1250000 and measure.budget.currency == "USD"
    assert partner_rows(measure) == PARTNER_CODES
    assert measure.evaluation.evaluated is True
    assert codes(measure.goals) == ["goal_1"]
    assert codes(measure.areas_of_monitoring) == ["cultural_and_creative_sectors"]
    assert codes(measure.cultural_domains) == ["cinema_audiovisual"]
    assert record.languages.form == "en"
    assert record.status == "ok", [(i.code, i.message) for i in record.issues]


# --------------------------------------------------------------------------------------- DOCX


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bold_paragraph(container, text: str):
    paragraph = container.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def fill_table(table, rows: Iterable[tuple[str, str]]) -> None:
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            if text:
                cell.paragraphs[0].add_run(text)


def add_partner_table(container, header=EN_HEADER, rows=PARTNERS, *, bold_header: bool = True):
    table = container.add_table(rows=1 + len(rows), cols=2)
    table.style = "Table Grid"
    fill_table(table, [header, *rows])
    if bold_header:
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    return table


def write_docx_fields(
    document,
    fields=FIELDS,
    *,
    write_label: Callable[[object, str], object] = bold_paragraph,
    write_heading: Callable[[object, str], object] | None = None,
    write_value: Callable[[object, str], object] | None = None,
    write_partners: Callable[[object], object] = add_partner_table,
) -> None:
    write_heading = write_heading or write_label
    write_value = write_value or (lambda doc, text: doc.add_paragraph(text))
    for kind, name, values in fields:
        (write_heading if kind == "heading" else write_label)(document, name)
        if values is None:
            write_partners(document)
            continue
        for value in values:
            write_value(document, value)


def titled_document(title_style: str | None = None, *, agency_line: bool = False):
    document = docx.Document()
    if title_style:
        document.add_paragraph(TITLE, style=title_style)
    else:
        run = document.add_paragraph().add_run(TITLE)
        run.bold = True
    if agency_line:
        document.add_paragraph(AGENCY)
    return document


def w_run(text: str, *, deleted: bool = False, bold: bool = False):
    run = OxmlElement("w:r")
    if bold:
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:b"))
        run.append(properties)
    element = OxmlElement("w:delText" if deleted else "w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    return run


def w_revision(tag: str, text: str, revision_id: int):
    revision = OxmlElement(tag)
    revision.set(qn("w:id"), str(revision_id))
    revision.set(qn("w:author"), "Desk officer")
    revision.set(qn("w:date"), "2023-03-01T10:00:00Z")
    revision.append(w_run(text, deleted=tag == "w:del"))
    return revision


def add_hyperlink(paragraph, url: str, text: str) -> None:
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def content_control(tag: str, *, placeholder: bool = False):
    """An empty w:sdt (properties + content); returns (sdt, sdtContent)."""
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), tag)
    properties.append(alias)
    tag_element = OxmlElement("w:tag")
    tag_element.set(qn("w:val"), tag)
    properties.append(tag_element)
    if placeholder:
        properties.append(OxmlElement("w:showingPlcHdr"))
    content = OxmlElement("w:sdtContent")
    sdt.append(properties)
    sdt.append(content)
    return sdt, content


def wrap_in_content_control(element, tag: str, *, placeholder: bool = False) -> None:
    """Move a body-level w:p or w:tbl into a block-level content control in place."""
    sdt, content = content_control(tag, placeholder=placeholder)
    element.addprevious(sdt)
    content.append(element)


def test_docx_bold_paragraph_labels_give_the_whole_record() -> None:
    document = titled_document()
    write_docx_fields(document)
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure)


def test_docx_labels_in_heading_2_and_heading_3_styles() -> None:
    document = titled_document("Heading 1")
    write_docx_fields(
        document,
        write_label=lambda doc, text: doc.add_paragraph(text, style="Heading 2"),
        write_heading=lambda doc, text: doc.add_paragraph(text, style="Heading 3"),
    )
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure)


def test_docx_title_in_title_style_and_unlabelled_agency_line() -> None:
    document = titled_document("Title", agency_line=True)
    write_docx_fields(document, BODY_FIELDS)
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure, where=False)


def test_docx_where_when_who_with_the_value_after_a_colon_in_the_same_paragraph() -> None:
    document = titled_document("Heading 1")
    for name, value in (("Where", COUNTRY), ("When", YEAR), ("Who", AGENCY)):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{name}:").bold = True
        paragraph.add_run(f" {value}")
    write_docx_fields(document, BODY_FIELDS)
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure)


def test_docx_value_after_a_soft_line_break_in_the_label_paragraph() -> None:
    document = titled_document("Heading 1", agency_line=True)

    def label_then_break(doc, name: str, values: tuple[str, ...]):
        paragraph = doc.add_paragraph()
        paragraph.add_run(name).bold = True
        run = paragraph.add_run()
        run.add_break()
        run.add_text(values[0])
        for value in values[1:]:
            doc.add_paragraph(value)

    for kind, name, values in BODY_FIELDS:
        if values is None or kind == "heading":
            bold_paragraph(document, name)
            if values is None:
                add_partner_table(document)
            else:
                for value in values:
                    document.add_paragraph(value)
        else:
            label_then_break(document, name, values)
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure, where=False)


def test_docx_two_column_label_value_table_with_nested_partner_table() -> None:
    document = titled_document("Heading 1")
    table = document.add_table(rows=len(FIELDS), cols=2)
    table.style = "Table Grid"
    for row, (_kind, name, values) in zip(table.rows, FIELDS, strict=True):
        label_cell, value_cell = row.cells
        label_cell.paragraphs[0].add_run(name).bold = True
        if values is None:
            add_partner_table(value_cell)
            continue
        value_cell.paragraphs[0].add_run(values[0])
        for value in values[1:]:
            value_cell.add_paragraph(value)
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure)


def test_docx_two_column_label_value_table_with_partner_table_following() -> None:
    document = titled_document("Heading 1")
    split = next(i for i, (_k, _n, values) in enumerate(FIELDS) if values is None)

    def label_table(fields) -> None:
        table = document.add_table(rows=len(fields), cols=2)
        table.style = "Table Grid"
        for row, (_kind, name, values) in zip(table.rows, fields, strict=True):
            row.cells[0].paragraphs[0].add_run(name).bold = True
            for index, value in enumerate(values or ()):
                if index == 0:
                    row.cells[1].paragraphs[0].add_run(value)
                else:
                    row.cells[1].add_paragraph(value)

    label_table(FIELDS[: split + 1])  # ends with the partners row, its value cell empty
    document.add_paragraph()
    add_partner_table(document)
    document.add_paragraph()
    label_table(FIELDS[split + 1 :])
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure)


def test_docx_french_partner_table_with_upper_case_header_row_is_not_a_partner() -> None:
    document = docx.Document()
    document.add_paragraph(FR_TITLE, style="Heading 1")
    for name, value in (("Où", "Maroc"), ("Quand", "2021"), ("Qui", FR_AGENCY)):
        bold_paragraph(document, name)
        document.add_paragraph(value)
    bold_paragraph(document, FR_DESC)
    document.add_paragraph(FR_DESCRIPTION)
    bold_paragraph(document, FR_PARTNERS)
    table = add_partner_table(
        document,
        ("NOM DU PARTENAIRE", "TYPE D'ENTITÉ"),
        (
            ("Fédération nationale des ciné-clubs", "OSC"),
            ("Office national des foires et des salons", "SECTEUR PUBLIC"),
            ("Atlas Projection SARL", "SECTEUR PRIVÉ"),
        ),
    )
    header_properties = table.rows[0]._tr.get_or_add_trPr()
    header_properties.append(OxmlElement("w:tblHeader"))  # "repeat as header row"
    bold_paragraph(document, FR_EVALUATED)
    document.add_paragraph("Non")
    bold_paragraph(document, FR_GOALS)
    document.add_paragraph(FR_GOAL_1)
    record, measure = extract(docx_bytes(document), "caravane.docx")
    assert measure.title == FR_TITLE
    assert measure.agency == FR_AGENCY
    assert measure.country is not None and measure.country.iso3 == "MAR"
    assert measure.description == FR_DESCRIPTION
    assert partner_rows(measure) == [
        ("Fédération nationale des ciné-clubs", "civil_society"),
        ("Office national des foires et des salons", "public_sector"),
        ("Atlas Projection SARL", "private_sector"),
    ]
    assert measure.evaluation.evaluated is False
    assert codes(measure.goals) == ["goal_1"]
    assert record.languages.form == "fr"


def test_docx_partner_table_with_a_merged_label_row_above_the_header() -> None:
    document = titled_document("Heading 1", agency_line=True)
    split = next(i for i, (_k, _n, values) in enumerate(BODY_FIELDS) if values is None)
    write_docx_fields(document, BODY_FIELDS[:split])
    table = document.add_table(rows=2 + len(PARTNERS), cols=2)
    table.style = "Table Grid"
    merged = table.cell(0, 0).merge(table.cell(0, 1))  # the label spans both columns
    merged.paragraphs[0].add_run(EN_PARTNERS).bold = True
    for row, cells in zip(table.rows[1:], [EN_HEADER, *PARTNERS], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.paragraphs[0].add_run(text)
    write_docx_fields(document, BODY_FIELDS[split + 1 :])
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure, where=False)


def test_docx_vertically_merged_type_cell_is_read_once_not_copied() -> None:
    document = titled_document("Heading 1", agency_line=True)
    rows = (
        ("Ghana Association of Film Societies", CSO),
        ("District Assemblies Common Fund", "Public Sector"),
        ("Ghana Tourism Authority", ""),
        ("SunReel Projection Services Ltd", "Private Sector"),
    )

    def merged_partners(doc) -> None:
        table = add_partner_table(doc, EN_HEADER, rows)
        table.cell(2, 1).merge(table.cell(3, 1))

    write_docx_fields(document, BODY_FIELDS, write_partners=merged_partners)
    # Issue #2: merged cells are read from the cell XML, not duplicated; the continuation row
    # shows no type of its own, and the record says so.
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert [issue.code.value for issue in record.issues].count("partner_type_missing") == 1
    assert partner_rows(measure) == [
        ("Ghana Association of Film Societies", "civil_society"),
        ("District Assemblies Common Fund", "public_sector"),
        ("Ghana Tourism Authority", None),
        ("SunReel Projection Services Ltd", "private_sector"),
    ]
    assert measure.evaluation.evaluated is True


def test_docx_empty_paragraphs_everywhere_and_blank_partner_rows_change_nothing() -> None:
    document = docx.Document()
    for _ in range(3):
        document.add_paragraph()
    bold_paragraph(document, TITLE)
    document.add_paragraph()
    document.add_paragraph(" ")
    document.add_paragraph(AGENCY)

    def padded_label(doc, text: str) -> None:
        doc.add_paragraph()
        doc.add_paragraph(NBSP)
        bold_paragraph(doc, text)
        doc.add_paragraph()

    def padded_value(doc, text: str) -> None:
        doc.add_paragraph(text)
        doc.add_paragraph()

    def partners_with_blank_rows(doc) -> None:
        table = add_partner_table(doc, EN_HEADER, (*PARTNERS, ("", ""), ("", "")))
        table.cell(1, 0).add_paragraph()  # a stray empty paragraph inside a cell
        doc.add_paragraph()

    write_docx_fields(
        document,
        BODY_FIELDS,
        write_label=padded_label,
        write_value=padded_value,
        write_partners=partners_with_blank_rows,
    )
    for _ in range(4):
        document.add_paragraph()
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure, where=False)


LIST_INTRO = "Each stop of the caravan offers:"
BULLET_ITEMS = (
    "evening screenings of Ghanaian and African films;",
    "afternoon workshops on making short films with a phone;",
    # long enough to wrap in the PDF: the continuation line belongs to the same item
    "a discussion with a filmmaker or an actor after each screening, led by a moderator from "
    "the district who translates the questions of the public when needed.",
)
NUMBER_INTRO = "A stop is prepared in three steps:"
NUMBERED_ITEMS = (
    "Local organisers propose a venue and a date.",
    "The Board checks the power supply and the access for the truck.",
    "The programme is announced on community radio a month ahead.",
)
LIST_CLOSING = "The films shown are chosen with the district cultural officer."


def assert_list_description(description: str | None) -> None:
    assert description is not None
    lines = description.split("\n")
    assert lines[0] == LIST_INTRO
    assert lines[-1] == LIST_CLOSING
    items = [*BULLET_ITEMS, NUMBER_INTRO, *NUMBERED_ITEMS]
    body = lines[1:-1]
    assert len(body) == len(items), body
    for line, item in zip(body, items, strict=True):
        # A list marker the reader may add back is fine; the item text must be the line.
        assert re.fullmatch(r"(?:[•\-*o]|\d+[.)])?\s*" + re.escape(item), line), (line, item)


def test_docx_word_bulleted_and_numbered_list_paragraphs_stay_in_the_description() -> None:
    document = titled_document("Heading 1", agency_line=True)
    bold_paragraph(document, EN_DESC)
    document.add_paragraph(LIST_INTRO)
    for item in BULLET_ITEMS:
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph(NUMBER_INTRO)
    for item in NUMBERED_ITEMS:
        paragraph = document.add_paragraph(item, style="List Paragraph")
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = 0
        numbering.get_or_add_numId().val = 5
    document.add_paragraph(LIST_CLOSING)
    write_docx_fields(document, BODY_FIELDS[1:])
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_list_description(measure.description)
    assert measure.website == WEBSITE
    assert measure.results == RESULTS
    assert partner_rows(measure) == PARTNER_CODES
    assert record.status == "ok"


def test_docx_values_in_content_controls_and_a_placeholder_is_no_value() -> None:
    document = titled_document("Heading 1")
    for name, value in (("Where", COUNTRY), ("When", YEAR), ("Who", AGENCY)):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{name}: ").bold = True
        sdt, content = content_control(name.lower())  # inline control holding the value
        content.append(w_run(value))
        paragraph._p.append(sdt)
    for kind, name, values in BODY_FIELDS:
        bold_paragraph(document, name)
        if values is None:
            table = add_partner_table(document)
            wrap_in_content_control(table._tbl, "partners")
            continue
        if name == EN_WEB:
            paragraph = document.add_paragraph()
            paragraph.add_run("Click or tap here to enter text.").italic = True
            wrap_in_content_control(paragraph._p, "website", placeholder=True)
            continue
        for value in values:
            paragraph = document.add_paragraph(value)
            if kind == "label":
                wrap_in_content_control(paragraph._p, "field")
    _record, measure = extract(docx_bytes(document), "caravan.docx")
    assert measure.title == TITLE
    assert measure.country is not None and measure.country.iso3 == "GHA"
    assert measure.year == 2022
    assert measure.agency == AGENCY
    assert measure.description == DESCRIPTION
    assert measure.website is None
    assert measure.results == RESULTS
    assert measure.budget.amount == 1250000 and measure.budget.currency == "USD"
    assert partner_rows(measure) == PARTNER_CODES
    assert measure.evaluation.evaluated is True
    assert measure.evaluation.conclusions == CONCLUSIONS
    assert codes(measure.cultural_domains) == ["cinema_audiovisual"]
    assert all("Click or tap" not in value for value in scalar_values(measure))


def test_docx_tracked_insertions_are_kept_and_tracked_deletions_dropped() -> None:
    document = titled_document("Heading 1", agency_line=True)
    bold_paragraph(document, EN_DESC)
    paragraph = document.add_paragraph()
    cut = DESC_1.index("Each stop")
    paragraph._p.append(w_run(DESC_1[:cut]))
    paragraph._p.append(w_revision("w:del", "A second truck is planned for 2024. ", 1))
    paragraph._p.append(w_revision("w:ins", DESC_1[cut:], 2))
    inserted = document.add_paragraph()  # a whole paragraph added in review
    inserted._p.append(w_revision("w:ins", DESC_2, 3))
    bold_paragraph(document, EN_WEB)
    document.add_paragraph(WEBSITE)
    bold_paragraph(document, EN_RESULTS)
    paragraph = document.add_paragraph()
    paragraph._p.append(w_run(RESULTS))
    paragraph._p.append(w_revision("w:del", " Figures for 2024 will follow.", 4))
    bold_paragraph(document, EN_BUDGET)
    paragraph = document.add_paragraph()
    paragraph._p.append(w_revision("w:del", "USD 900,000", 5))
    paragraph._p.append(w_revision("w:ins", BUDGET, 6))
    write_docx_fields(document, BODY_FIELDS[4:])
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure, where=False)
    assert [a.value for a in measure.budget.amounts] == [1250000]


def test_docx_website_as_a_hyperlink_and_a_link_inside_the_description() -> None:
    document = titled_document("Heading 1", agency_line=True)
    bold_paragraph(document, EN_DESC)
    document.add_paragraph(DESC_1)
    paragraph = document.add_paragraph()
    link_text = "a filmmaker or an actor"
    before, after = DESC_2.split(link_text)
    paragraph.add_run(before)
    add_hyperlink(paragraph, "https://www.filmboard-caravan.org/guests", link_text)
    paragraph.add_run(after)
    bold_paragraph(document, EN_WEB)
    add_hyperlink(document.add_paragraph(), WEBSITE, WEBSITE)
    write_docx_fields(document, BODY_FIELDS[2:])
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure, where=False)


def test_docx_partner_lines_separated_by_tabs() -> None:
    document = titled_document("Heading 1", agency_line=True)

    def tabbed_partners(doc) -> None:
        doc.add_paragraph("\t".join(EN_HEADER)).runs[0].bold = True
        for index, (name, kind) in enumerate(PARTNERS):
            # Ministries align the columns with one or two tabs.
            doc.add_paragraph(name + ("\t\t" if index == 1 else "\t") + kind)

    write_docx_fields(document, BODY_FIELDS, write_partners=tabbed_partners)
    record, measure = extract(docx_bytes(document), "caravan.docx")
    assert_whole_record(record, measure, where=False)


# --------------------------------------------------------------------------------------- HTML

HTML_CHROME_TOP = """<header class="site-header">
  <a class="logo" href="/en">Diversity of Cultural Expressions</a>
  <nav><ul><li><a href="/en">Home</a></li><li><a href="/en/who-we-are">Who we are</a></li>
  <li><a href="/en/where">Where we work</a></li><li><a href="/en/partners">Partners</a></li>
  <li><a href="/en/monitoring">Policy Monitoring Platform</a></li></ul></nav>
  <nav class="breadcrumb"><ol><li><a href="/en">Home</a></li><li>Policies and measures</li></ol></nav>
</header>"""
HTML_CHROME_BOTTOM = """<footer class="site-footer">
  <p>Share this page</p>
  <ul><li><a href="/en/terms">Terms of use</a></li><li><a href="/en/privacy">Privacy policy</a></li></ul>
  <p><a href="#top">Back to top</a></p>
  <p>© UNESCO 2024</p>
</footer>"""


def html_page(
    article: str,
    *,
    lang: str = "en",
    head: str = '<meta charset="utf-8">',
    top: str = HTML_CHROME_TOP,
    bottom: str = HTML_CHROME_BOTTOM,
    main: bool = True,
) -> str:
    content = f'<main id="main-content"><article>{article}</article></main>' if main else article
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>{head}<title>{TITLE} | UNESCO</title></head>\n'
        f"<body>\n{top}\n{content}\n{bottom}\n</body>\n</html>\n"
    )


def html_partner_table(header=EN_HEADER, rows=PARTNERS, *, thead: bool = True) -> str:
    head_row = "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"
    body_rows = "".join(f"<tr><td>{n}</td><td>{t}</td></tr>" for n, t in rows)
    if thead:
        return (
            f'<table class="partners"><thead>{head_row}</thead><tbody>{body_rows}</tbody></table>'
        )
    return f"<table>{head_row}{body_rows}</table>"


def html_value(text: str) -> str:
    if text.startswith("http"):
        return f'<p><a href="{text}">{text}</a></p>'
    return f"<p>{text}</p>"


def html_article(
    label: Callable[[str], str],
    heading: Callable[[str], str],
    fields=FIELDS,
    *,
    title: str = f"<h1>{TITLE}</h1>",
    list_fields: bool = True,
) -> str:
    parts = [title]
    for kind, name, values in fields:
        parts.append(heading(name) if kind == "heading" else label(name))
        if values is None:
            parts.append(html_partner_table())
        elif list_fields and name in (EN_GOALS, EN_AREAS, EN_DOMAINS):
            parts.append("<ul>" + "".join(f"<li>{v}</li>" for v in values) + "</ul>")
        else:
            parts.extend(html_value(v) for v in values)
    return "\n".join(parts)


def html_bytes(page: str) -> bytes:
    return page.encode("utf-8")


def test_html_labels_in_h3_and_headings_in_h4() -> None:
    article = html_article(lambda t: f"<h3>{t}&nbsp;</h3>", lambda t: f"<h4>{t}</h4>")
    record, measure = extract(html_bytes(html_page(article)), "caravan.html")
    assert_whole_record(record, measure)


def test_html_definition_list_dt_dd_pairs() -> None:
    parts = [f"<h1>{TITLE}</h1>", "<dl>"]
    for _kind, name, values in FIELDS:
        parts.append(f"<dt>{name}</dt>")
        if values is None:
            parts.append(f"<dd>{html_partner_table()}</dd>")
        elif name in (EN_GOALS, EN_AREAS, EN_DOMAINS):
            parts.append("<dd><ul>" + "".join(f"<li>{v}</li>" for v in values) + "</ul></dd>")
        else:
            parts.append("<dd>" + "".join(html_value(v) for v in values) + "</dd>")
    parts.append("</dl>")
    record, measure = extract(html_bytes(html_page("\n".join(parts))), "caravan.html")
    assert_whole_record(record, measure)


def test_html_strong_label_and_value_in_one_paragraph() -> None:
    parts = [f"<h1>{TITLE}</h1>"]
    for kind, name, values in FIELDS:
        shown = f"{name}:" if kind == "heading" and name in ("Where", "When", "Who") else name
        if values is None:
            parts.append(f"<p><strong>{shown}</strong></p>{html_partner_table()}")
        elif kind == "heading" and name not in ("Where", "When", "Who"):
            parts.append(f"<h3>{name}</h3>" + "".join(html_value(v) for v in values))
        else:
            first, *rest = values
            parts.append(f"<p><strong>{shown}</strong> {first}</p>")
            parts.extend(html_value(v) for v in rest)
    record, measure = extract(html_bytes(html_page("\n".join(parts))), "caravan.html")
    assert_whole_record(record, measure)


def test_html_drupal_field_label_and_field_item_divs() -> None:
    parts = [f'<h1 class="page-title"><span>{TITLE}</span></h1>']
    for _kind, name, values in FIELDS:
        if values is None:
            items = f'<div class="field-item">{html_partner_table()}</div>'
        else:
            items = "".join(f'<div class="field-item">{v}</div>' for v in values)
        parts.append(
            f'<div class="field field-label-above"><div class="field-label">{name}&nbsp;</div>'
            f'<div class="field-items">{items}</div></div>'
        )
    record, measure = extract(html_bytes(html_page("\n".join(parts))), "caravan.html")
    assert_whole_record(record, measure)


def test_html_several_goals_areas_and_domains_in_ul_lists() -> None:
    fields = [f for f in FIELDS if f[1] not in (EN_GOALS, EN_AREAS, EN_DOMAINS)]
    fields += [
        ("heading", EN_GOALS, (GOAL_1, GOAL_3)),
        ("heading", EN_AREAS, (AREA, "National sustainable development policies and plans")),
        ("heading", EN_DOMAINS, (DOMAIN, "Music", "Performing Arts")),
    ]
    article = html_article(
        lambda t: f"<p><strong>{t}</strong></p>", lambda t: f"<h3>{t}</h3>", fields
    )
    _record, measure = extract(html_bytes(html_page(article)), "caravan.html")
    assert codes(measure.goals) == ["goal_1", "goal_3"]
    assert codes(measure.areas_of_monitoring) == [
        "cultural_and_creative_sectors",
        "national_sustainable_development_policies",
    ]
    assert codes(measure.cultural_domains) == ["cinema_audiovisual", "music", "performing_arts"]
    assert measure.evaluation.conclusions == CONCLUSIONS


def test_html_who_with_two_bodies_in_a_list_joins_them() -> None:
    second = "Ghana Tourism Authority"
    fields = [("heading", "Who", (AGENCY, second)) if f[1] == "Who" else f for f in FIELDS]
    parts = [f"<h1>{TITLE}</h1>"]
    for kind, name, values in fields:
        parts.append(f"<h3>{name}</h3>" if kind == "heading" else f"<p><strong>{name}</strong></p>")
        if values is None:
            parts.append(html_partner_table())
        elif name == "Who":
            parts.append("<ul>" + "".join(f"<li>{v}</li>" for v in values) + "</ul>")
        else:
            parts.extend(html_value(v) for v in values)
    _record, measure = extract(html_bytes(html_page("\n".join(parts))), "caravan.html")
    assert measure.agency == f"{AGENCY}; {second}"
    assert measure.country is not None and measure.country.iso3 == "GHA"
    assert measure.description == DESCRIPTION


def test_html_partner_table_with_thead_tbody_and_whitespace_in_cells() -> None:
    rows = "".join(
        f"<tr>\n  <td>\n    {n}\n  </td>\n  <td><span>{t}</span></td>\n</tr>\n" for n, t in PARTNERS
    )
    table = (
        '<table class="table partners">\n<caption>Partners</caption>\n'
        '<thead>\n<tr><th scope="col">Name of partner</th><th scope="col">Type of entity</th></tr>\n'
        f"</thead>\n<tbody>\n{rows}</tbody>\n</table>"
    )
    article = html_article(
        lambda t: f"<p><strong>{t}&nbsp;</strong></p>", lambda t: f"<h3>{t}</h3>"
    ).replace(html_partner_table(), table)
    record, measure = extract(html_bytes(html_page(article)), "caravan.html")
    assert_whole_record(record, measure)


def test_html_cookie_banner_nav_and_footer_with_label_like_words_are_never_values() -> None:
    top = (
        '<div class="skip"><a href="#content">Skip to main content</a></div>\n'
        '<header><nav class="menu"><ul><li><a href="/en/who">Who we are</a></li>'
        '<li><a href="/en/where">Where we work</a></li><li><a href="/en/when">When to apply</a></li>'
        '<li><a href="/en/results">Results</a></li><li><a href="/en/partners">Partner(s)</a></li>'
        '<li><a href="/en/domains">Cultural Domain(s)</a></li></ul></nav></header>'
    )
    bottom = (
        '<footer><div class="footer-col"><h3>Partners</h3><ul><li>Music in Africa</li>'
        "<li>Public Sector Network</li></ul></div>"
        '<div class="footer-col"><h3>Cultural Domain(s)</h3><ul><li>Music</li><li>Publishing</li>'
        "<li>Design</li></ul></div>"
        "<p><strong>Website:</strong> www.unesco.org/creativity</p>"
        "<p>Contact us: creativity@example.org</p><p>Back to top</p></footer>\n"
        '<div id="cookie-banner" class="cookie-banner" role="dialog"><p><strong>Who sees your data?</strong> '
        "This website uses cookies to measure its audience. By continuing to browse the site, "
        "you agree to our use of cookies.</p><button>Accept</button><a href='/privacy'>Learn more</a></div>"
    )
    article = html_article(lambda t: f"<p><strong>{t}</strong></p>", lambda t: f"<h3>{t}</h3>")
    page = html_page(
        f'<div id="content" class="node">{article}</div>', top=top, bottom=bottom, main=False
    )
    record, measure = extract(html_bytes(page), "caravan.html")
    assert_whole_record(record, measure)
    for value in scalar_values(measure):
        for chrome in (
            "cookie",
            "Who we are",
            "Where we work",
            "Back to top",
            "unesco.org",
            "Contact us",
        ):
            assert chrome not in value


def test_html_nbsp_after_labels_and_around_values_is_not_part_of_values() -> None:
    parts = [f"<h1>&nbsp;{TITLE}&nbsp;</h1>"]
    for kind, name, values in FIELDS:
        if kind == "heading" and name in ("Where", "When", "Who"):
            parts.append(f"<p><strong>{name}:&nbsp;</strong>&nbsp;{values[0]}&nbsp;</p>")
            continue
        parts.append(f"<p><strong>{name}&nbsp;</strong>&nbsp;</p>")
        if values is None:
            parts.append(
                html_partner_table(rows=[(f"{n}&nbsp;", f"&nbsp;{t}") for n, t in PARTNERS])
            )
        else:
            parts.extend(f"<p>&nbsp;{v}&nbsp;</p>" for v in values)
    record, measure = extract(html_bytes(html_page("\n".join(parts))), "caravan.html")
    assert_whole_record(record, measure)
    assert all(NBSP not in value[:1] + value[-1:] for value in scalar_values(measure))


FR_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{title} | Diversité des expressions culturelles</title></head>
<body>
<header><nav><a href="/fr">Accueil</a> <a href="/fr/rapports">Rapports périodiques</a></nav></header>
<main>
<h1>{title}</h1>
<h3>Où</h3><p>Maroc</p>
<h3>Quand</h3><p>2021</p>
<h3>Qui</h3><p>{agency}</p>
<p><strong>{desc_label}&nbsp;</strong></p><p>{description}</p>
<p><strong>{results_label}&nbsp;</strong></p><p>{results}</p>
<p><strong>{budget_label}&nbsp;</strong></p><p>1{nbsp}200{nbsp}000</p>
<p><strong>{partners_label}&nbsp;</strong></p>
<table><thead><tr><th>Nom du partenaire</th><th>Type d’entité</th></tr></thead><tbody>
<tr><td>Fédération nationale des ciné-clubs</td><td>Organisation de la société civile (OSC)</td></tr>
<tr><td>Société Atlas Cinéma</td><td>Secteur privé</td></tr>
</tbody></table>
<p><strong>{evaluated_label}&nbsp;</strong></p><p>Non</p>
<h3>{goals}</h3><ul><li>{goal}</li></ul>
<h3>{domains}</h3><ul><li>Cinéma/Arts audiovisuels</li></ul>
</main>
<footer><p>Haut de page</p><p>© UNESCO 2024</p></footer>
</body></html>
"""


def test_html_windows_1252_page_with_meta_charset() -> None:
    page = FR_PAGE.format(
        title=FR_TITLE,
        agency=FR_AGENCY,
        desc_label=FR_DESC,
        description=FR_DESCRIPTION,
        results_label=FR_RESULTS,
        results=FR_RESULTS_TEXT,
        budget_label=FR_BUDGET,
        nbsp=NBSP,
        partners_label=FR_PARTNERS,
        evaluated_label=FR_EVALUATED,
        goals=FR_GOALS,
        goal=FR_GOAL_1,
        domains=FR_DOMAINS,
    )
    data = page.encode("cp1252")
    assert b"\x92" in data and b"\x9c" in data  # ’ and œ as Windows-1252 bytes
    record, measure = extract(data, "caravane.html")
    assert measure.title == FR_TITLE
    assert measure.agency == FR_AGENCY
    assert measure.country is not None and measure.country.iso3 == "MAR"
    assert measure.year == 2021
    assert measure.description == FR_DESCRIPTION
    assert measure.results == FR_RESULTS_TEXT
    assert measure.budget.amount == 1200000 and measure.budget.currency == "USD"
    assert partner_rows(measure) == [
        ("Fédération nationale des ciné-clubs", "civil_society"),
        ("Société Atlas Cinéma", "private_sector"),
    ]
    assert measure.evaluation.evaluated is False
    assert codes(measure.goals) == ["goal_1"]
    assert codes(measure.cultural_domains) == ["cinema_audiovisual"]
    assert record.languages.form == "fr"
    assert "text_repaired" not in {issue.code.value for issue in record.issues}


def test_html_page_saved_with_a_txt_name_is_read_as_html() -> None:
    article = html_article(
        lambda t: f"<p><strong>{t}&nbsp;</strong></p>", lambda t: f"<h3>{t}</h3>"
    )
    record, measure = extract(html_bytes(html_page(article)), "caravan.txt")
    assert record.source.format == "html"
    assert_whole_record(record, measure)
    assert all("<" not in value and "&nbsp;" not in value for value in scalar_values(measure))


# ---------------------------------------------------------------------------------------- PDF

_FONTS: list[str] = []


def pdf_fonts() -> tuple[str, str]:
    """DejaVu Sans (every accent, ’ and •), else reportlab's own Vera, as samples/pdf_style.py does."""
    if not _FONTS:
        base = Path(rl_config.__file__).parent / "fonts"
        for regular, bold in (
            (
                Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            ),
            (base / "Vera.ttf", base / "VeraBd.ttf"),
        ):
            if regular.exists() and bold.exists():
                pdfmetrics.registerFont(TTFont("FormatTestSans", str(regular)))
                pdfmetrics.registerFont(TTFont("FormatTestSans-Bold", str(bold)))
                pdfmetrics.registerFontFamily(
                    "FormatTestSans",
                    normal="FormatTestSans",
                    bold="FormatTestSans-Bold",
                    italic="FormatTestSans",
                    boldItalic="FormatTestSans-Bold",
                )
                _FONTS.extend(["FormatTestSans", "FormatTestSans-Bold"])
                break
        else:
            pytest.skip("no TrueType font found")
    return _FONTS[0], _FONTS[1]


def pdf_styles(font_size: float = 10) -> dict[str, ParagraphStyle]:
    regular, bold = pdf_fonts()
    leading = font_size * 1.3
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=14, leading=18, spaceAfter=8),
        "label": ParagraphStyle(
            "label", fontName=bold, fontSize=font_size, leading=leading, spaceBefore=8, spaceAfter=2
        ),
        "value": ParagraphStyle(
            "value", fontName=regular, fontSize=font_size, leading=leading, spaceAfter=3
        ),
        "bullet": ParagraphStyle(
            "bullet",
            fontName=regular,
            fontSize=font_size,
            leading=leading,
            leftIndent=18,
            bulletIndent=6,
            spaceAfter=2,
        ),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=9.5, leading=12),
        "head": ParagraphStyle("head", fontName=bold, fontSize=9.5, leading=12),
    }


def pdf_partner_table(styles, rows=PARTNERS, width: float = 16 * cm) -> Table:
    data = [[Paragraph(xml_escape(h), styles["head"]) for h in EN_HEADER]]
    data += [
        [Paragraph(xml_escape(n), styles["cell"]), Paragraph(xml_escape(t), styles["cell"])]
        for n, t in rows
    ]
    table = Table(data, colWidths=[width * 0.55, width * 0.45], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def pdf_story(
    styles,
    fields=FIELDS,
    *,
    partner_rows_to_draw=PARTNERS,
    table_width: float = 16 * cm,
    value_flowables: Callable[[str, tuple[str, ...]], list] | None = None,
) -> list:
    story: list = [Paragraph(xml_escape(TITLE), styles["title"])]
    for _kind, name, values in fields:
        story.append(Paragraph(xml_escape(name), styles["label"]))
        if values is None:
            story += [
                Spacer(1, 3),
                pdf_partner_table(styles, partner_rows_to_draw, table_width),
                Spacer(1, 3),
            ]
        elif value_flowables is not None and value_flowables(name, values):
            story += value_flowables(name, values)
        else:
            story += [Paragraph(xml_escape(v), styles["value"]) for v in values]
    return story


def pdf_bytes(story: list, *, margins: float = 2.2 * cm, on_page=None) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margins,
        rightMargin=margins,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=TITLE,
        author="Periodic report team",
    )
    if on_page is None:
        document.build(story)
    else:
        document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def test_pdf_bold_labels_on_their_own_line_give_the_whole_record() -> None:
    record, measure = extract(pdf_bytes(pdf_story(pdf_styles())), "caravan.pdf")
    assert_whole_record(record, measure, exact_breaks=False)


LONG_DESCRIPTION = (
    DESC_1,
    "The truck carries a generator, so that screenings can also take place in villages without "
    "a stable power supply, and a small library of films on hard disks that is renewed every "
    "season. Two projectionists and a workshop leader travel with the caravan; a local "
    "coordinator recruited in each district takes care of the venue, the chairs, the safety of "
    "the public and the announcements on community radio stations and in churches and mosques.",
    "Workshops follow a fixed pattern over the three days. On the first afternoon participants "
    "watch short films made by other young people and discuss what makes a story work. On the "
    "second they write and shoot a film of at most three minutes in small teams, using their "
    "own phones and a few borrowed microphones. On the third they edit the films with free "
    "software on laptops lent by the Board, and the best films are shown before the evening "
    "feature in front of the whole town.",
    DESC_2,
)


def test_pdf_long_description_wrapping_many_lines_is_one_value() -> None:
    fields = tuple(
        (kind, name, LONG_DESCRIPTION if name == EN_DESC else values)
        for kind, name, values in FIELDS
    )
    _record, measure = extract(pdf_bytes(pdf_story(pdf_styles(), fields)), "caravan.pdf")
    assert flat(measure.description) == flat("\n".join(LONG_DESCRIPTION))
    # Wrapped lines join; the gaps between paragraphs stay paragraph breaks (docs/record.md).
    assert [flat(line) for line in measure.description.split("\n")] == [
        flat(paragraph) for paragraph in LONG_DESCRIPTION
    ]
    assert measure.description.startswith("The caravan brings a projection truck")
    assert measure.description.endswith("main local language of the district.")
    assert flat(measure.results) == flat(RESULTS)
    assert measure.website == WEBSITE


def test_pdf_labels_wrapping_onto_two_lines_in_a_narrow_column() -> None:
    styles = pdf_styles(font_size=11)
    story = pdf_story(styles, table_width=8 * cm)
    data = pdf_bytes(story, margins=6.2 * cm)  # an 8.6 cm column: every long label wraps
    record, measure = extract(data, "caravan.pdf")
    assert_whole_record(record, measure, exact_breaks=False)


def test_pdf_one_paragraph_wrapped_on_a_later_page_has_no_line_break_inside() -> None:
    fields = tuple(
        (kind, name, LONG_DESCRIPTION if name == EN_DESC else values)
        for kind, name, values in FIELDS
    )
    record, measure = extract(pdf_bytes(pdf_story(pdf_styles(), fields)), "caravan.pdf")
    assert record.source.pages == 2
    assert measure.evaluation.conclusions is not None
    assert "\n" not in measure.evaluation.conclusions
    assert flat(measure.evaluation.conclusions) == flat(CONCLUSIONS)
    assert "\n" not in measure.results


MANY_PARTNERS = tuple(
    (f"{town} District Film Society", CSO if index % 2 else "Public Sector")
    for index, town in enumerate(
        (
            "Bolgatanga",
            "Tamale",
            "Wa",
            "Damongo",
            "Techiman",
            "Sunyani",
            "Goaso",
            "Kumasi",
            "Koforidua",
            "Ho",
            "Dambai",
            "Sefwi Wiawso",
            "Cape Coast",
            "Takoradi",
            "Winneba",
            "Nsawam",
            "Akim Oda",
            "Nkawkaw",
            "Kintampo",
            "Yendi",
            "Nalerigu",
            "Bawku",
            "Navrongo",
            "Tumu",
            "Salaga",
            "Bimbilla",
            "Hohoe",
            "Keta",
            "Aflao",
            "Ada",
        )
    )
)


def test_pdf_partner_table_crossing_a_page_break_with_a_repeated_header_row() -> None:
    fields = tuple(
        (kind, name, LONG_DESCRIPTION if name == EN_DESC else values)
        for kind, name, values in FIELDS
    )
    data = pdf_bytes(pdf_story(pdf_styles(), fields, partner_rows_to_draw=MANY_PARTNERS))
    record, measure = extract(data, "caravan.pdf")
    assert record.source.pages is not None and record.source.pages >= 2
    assert [p.name for p in measure.partners] == [name for name, _ in MANY_PARTNERS]
    assert [p.entity_type.value if p.entity_type else None for p in measure.partners] == [
        "civil_society" if kind == CSO else "public_sector" for _, kind in MANY_PARTNERS
    ]
    assert measure.evaluation.evaluated is True
    assert flat(measure.evaluation.conclusions) == flat(CONCLUSIONS)
    assert codes(measure.cultural_domains) == ["cinema_audiovisual"]


RUNNING_HEADER = "Quadrennial Periodic Report – Page {page}"
RUNNING_FOOTER = "Republic of Ghana · Ministry of Tourism, Arts and Culture"


def draw_running_lines(canvas, document) -> None:
    regular, _bold = pdf_fonts()
    canvas.saveState()
    canvas.setFont(regular, 8)
    canvas.drawString(2.2 * cm, A4[1] - 1.2 * cm, RUNNING_HEADER.format(page=document.page))
    canvas.drawRightString(A4[0] - 2.2 * cm, 1.2 * cm, RUNNING_FOOTER)
    canvas.restoreState()


def test_pdf_running_header_and_footer_lines_are_never_values() -> None:
    fields = tuple(
        (kind, name, LONG_DESCRIPTION * 2 if name == EN_DESC else values)
        for kind, name, values in FIELDS
    )
    data = pdf_bytes(pdf_story(pdf_styles(), fields), on_page=draw_running_lines)
    record, measure = extract(data, "caravan.pdf")
    assert record.source.pages is not None and record.source.pages >= 2
    assert measure.title == TITLE
    assert measure.agency == AGENCY
    assert flat(measure.description) == flat("\n".join(LONG_DESCRIPTION * 2))
    assert flat(measure.results) == flat(RESULTS)
    assert partner_rows(measure) == PARTNER_CODES
    assert measure.evaluation.evaluated is True
    assert flat(measure.evaluation.conclusions) == flat(CONCLUSIONS)
    assert codes(measure.cultural_domains) == ["cinema_audiovisual"]
    for value in scalar_values(measure):
        assert "Quadrennial Periodic Report" not in value
        assert "Ministry of Tourism" not in value


def test_pdf_bullets_in_the_description_stay_in_it_one_item_per_line() -> None:
    styles = pdf_styles()

    def description_with_lists(name: str, values: tuple[str, ...]) -> list:
        if name != EN_DESC:
            return []
        story = [Paragraph(LIST_INTRO, styles["value"])]
        story += [
            Paragraph(xml_escape(item), styles["bullet"], bulletText="•") for item in BULLET_ITEMS
        ]
        story.append(Paragraph(NUMBER_INTRO, styles["value"]))
        story += [
            Paragraph(xml_escape(item), styles["bullet"], bulletText=f"{index}.")
            for index, item in enumerate(NUMBERED_ITEMS, start=1)
        ]
        story.append(Paragraph(LIST_CLOSING, styles["value"]))
        return story

    story = pdf_story(styles, value_flowables=description_with_lists)
    record, measure = extract(pdf_bytes(story), "caravan.pdf")
    assert_list_description(measure.description)
    assert flat(measure.results) == flat(RESULTS)
    assert measure.website == WEBSITE
    assert partner_rows(measure) == PARTNER_CODES
    assert record.status == "ok"


def test_pdf_value_on_the_same_line_as_its_bold_label() -> None:
    styles = pdf_styles()
    story: list = [Paragraph(xml_escape(TITLE), styles["title"])]
    for kind, name, values in FIELDS:
        shown = f"{name}:" if name in ("Where", "When", "Who") else name
        if values is None:
            story.append(Paragraph(xml_escape(name), styles["label"]))
            story.append(pdf_partner_table(styles))
            continue
        if kind == "heading" and name not in ("Where", "When", "Who"):
            story.append(Paragraph(xml_escape(name), styles["label"]))
            story += [Paragraph(xml_escape(v), styles["value"]) for v in values]
            continue
        first, *rest = values
        story.append(Paragraph(f"<b>{xml_escape(shown)}</b> {xml_escape(first)}", styles["value"]))
        story += [Paragraph(xml_escape(v), styles["value"]) for v in rest]
    record, measure = extract(pdf_bytes(story), "caravan.pdf")
    assert_whole_record(record, measure, exact_breaks=False)
