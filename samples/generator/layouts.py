"""The layouts a report is written in through a writer (DOCX or reportlab): the 2020+ form,
the 2016 chapters and a Party's own table layout."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from samples.generator import data
from samples.generator.data import NBSP
from samples.generator.docx_writer import DocxWriter
from samples.generator.model import Measure, Report
from samples.generator.platform_pdf import PlatformPdfWriter


def goal_text(goal: int, lang: str, style: str) -> str:
    text = data.GOALS[lang][goal]
    word = data.GOAL_WORD[lang]
    if style == "upper":
        return f"{word.upper()} {goal}. {text.upper()}"
    if style == "dash":
        return f"{word} {goal} – {text}"
    return text


def write_ident(writer: Any, measure: Measure, labels: dict[str, Any], country: str) -> None:
    if measure.ident == "www":
        writer.label(labels["where"], end=False)
        writer.value(country)
        if measure.year is not None:
            writer.label(labels["when"], end=False)
            writer.value(str(measure.year))
        writer.label(labels["who"], end=False)
        for agency in measure.agencies:
            writer.value(agency)
        return
    if measure.ident == "country":
        writer.value(country)
    for agency in measure.agencies:
        writer.value(agency)


def write_block(writer: Any, heading: str, values: Iterable[str]) -> None:
    writer.label(heading, end=False)
    for value in values:
        writer.value(value)


def write_measure_2020(writer: Any, measure: Measure, report: Report) -> None:
    lang = report.lang
    labels = data.MEASURE_LABELS[lang]
    profile = report.profile
    shown = measure.shown
    writer.measure_title(measure.title)
    if measure.civil_society:
        writer.value(labels["banner"])
    write_ident(writer, measure, labels, report.party.written[lang])
    writer.label(labels["description_cso" if measure.civil_society else "description"])
    for paragraph in measure.description:
        writer.value(paragraph, prose=True)
    if measure.website or "website" in shown:
        writer.label(labels["website"])
        if measure.website:
            writer.value(measure.website)
    writer.label(labels["results_cso" if measure.civil_society else "results"])
    for paragraph in measure.results:
        writer.value(paragraph, prose=True)
    if measure.budget.shown:
        writer.label(labels["budget"])
        for line in measure.budget.lines:
            writer.value(line)
    if measure.partners or "partners" in shown:
        writer.label(labels["partners"])
        if measure.partners:
            writer.table(
                labels["partner_header"],
                measure.partners,
                repeat_header=measure.long_table and profile.get("repeat_header", False),
            )
    if measure.evaluated is not None or "evaluated" in shown:
        writer.label(labels["evaluated"])
        if measure.evaluated is not None:
            yes, no = data.YES_NO[lang]
            writer.value(yes if measure.evaluated else no)
    if measure.conclusions or "conclusions" in shown:
        writer.label(labels["conclusions"])
        for paragraph in measure.conclusions:
            writer.value(paragraph, prose=True)
    goal_style = profile.get("goal_values", "dash")
    if measure.goals or "goals" in shown:
        write_block(
            writer, labels["goals"], [goal_text(g, lang, goal_style) for g in measure.goals]
        )
    if (measure.areas or "areas" in shown) and "areas" in labels:
        write_block(writer, labels["areas"], [data.AREAS[lang][a] for a in measure.areas])
    if measure.domains or "domains" in shown:
        write_block(writer, labels["domains"], [data.DOMAINS[lang][d] for d in measure.domains])
    if measure.priorities and "priorities" in labels:
        write_block(
            writer, labels["priorities"], [data.PRIORITIES[lang][p] for p in measure.priorities]
        )


def write_contact(writer: Any, report: Report) -> None:
    contact = report.party.contact
    values = (contact.name, contact.organization, contact.address, contact.phone, contact.email)
    if report.contact_style == "labelled":
        for label, value in zip(data.REPORT_LABELS["en"]["contact_sublabels"], values, strict=True):
            writer.inline(label, value)
    else:
        for value in values:
            writer.value(value)


def write_report_header_2020(writer: Any, report: Report) -> None:
    lang = report.lang
    labels = data.REPORT_LABELS[lang]
    writer.value(data.TITLES[f"2020-{lang}-convention"])
    writer.title(report.title)
    writer.heading(labels["general"], 1)
    writer.label(labels["party"])
    writer.value(report.party.written[lang])
    writer.label(labels["ratification"])
    writer.value(report.party.ratification[0])
    if report.submission:
        writer.label(labels["submission"])
        writer.value(report.submission)
    writer.label(labels["contact"])
    write_contact(writer, report)
    writer.label(labels["consultation"])
    for paragraph in report.consultation:
        writer.value(paragraph, prose=True)
    writer.label(labels["summary"])
    for paragraph in report.summary:
        writer.value(paragraph, prose=True)


def write_report_2020(writer: Any, report: Report) -> None:
    lang = report.lang
    profile = report.profile
    write_report_header_2020(writer, report)
    goal, area = None, None
    for measure in (m for m in report.measures if not m.civil_society):
        if measure.heading_goal != goal:
            goal = measure.heading_goal
            writer.heading(goal_text(goal, lang, profile.get("goal_headings", "upper")), 1)
        if measure.heading_area != area:
            area = measure.heading_area
            writer.heading(data.AREAS[lang][area].upper(), 2)
        write_measure_2020(writer, measure, report)
    writer.heading(data.REPORT_LABELS[lang]["cso_section"], 1)
    for measure in (m for m in report.measures if m.civil_society):
        write_measure_2020(writer, measure, report)
    for heading, paragraphs in report.closing:
        writer.heading(heading, 1)
        for paragraph in paragraphs:
            writer.value(paragraph, prose=True)


class DocxReportWriter(DocxWriter):
    """DocxWriter plus the measure-title look a report chose (bold run or a heading style)."""

    def __init__(self, title: str, measure_title_style: str | None = None, **options: Any):
        super().__init__(title, **options)
        self.measure_title_style = measure_title_style

    def measure_title(self, text: str) -> None:
        if self.measure_title_style:
            self.document.add_paragraph(text, style=self.measure_title_style)
        else:
            self.paragraph(text, bold=True, size=12)


def render_2020_docx(report: Report, path: Path) -> None:
    profile = report.profile
    writer = DocxReportWriter(
        report.title,
        measure_title_style=profile.get("measure_title_style"),
        soft_hyphens=profile.get("soft_hyphens", False),
        justify=profile.get("justify", False),
        line_spacing=profile.get("line_spacing"),
        size=profile.get("font_size", 10.5),
        label_end=profile.get("label_end", ":" + NBSP),
    )
    writer.running_header(report.title)
    writer.running_footer(profile.get("footer", "dashes"))
    write_report_2020(writer, report)
    writer.save(path)


def render_2020_platform_pdf(report: Report, path: Path) -> None:
    writer = PlatformPdfWriter(report.title)
    write_report_2020(writer, report)
    writer.save(path)


def write_measure_2016(writer: DocxWriter, measure: Measure) -> None:
    labels = data.LABELS_2016
    writer.heading(measure.title, 2)
    writer.label(labels["key_objectives"])
    for paragraph in measure.key_objectives:
        writer.value(paragraph)
    writer.inline(labels["scope"], ", ".join(data.SCOPE_WORDS[s] for s in measure.scope))
    writer.inline(labels["nature"], ", ".join(data.NATURE_WORDS[n] for n in measure.nature))
    writer.label(labels["description"])
    for paragraph in measure.description:
        writer.value(paragraph)
    writer.label(labels["results"])
    for paragraph in measure.results:
        writer.value(paragraph)
    writer.inline(labels["agency"], measure.agencies[0])
    if measure.budget.lines:
        writer.inline(labels["budget"], " ".join(measure.budget.lines))
    if measure.partners:
        writer.label(labels["partners"])
        writer.table(data.MEASURE_LABELS["en"]["partner_header"], measure.partners)
    if measure.evaluated is not None:
        yes, no = data.YES_NO["en-2016"]
        writer.inline(labels["evaluated"], yes if measure.evaluated else no)
    if measure.conclusions:
        writer.label(labels["conclusions"])
        for paragraph in measure.conclusions:
            writer.value(paragraph)


def render_2016_docx(report: Report, path: Path) -> None:
    labels = data.REPORT_LABELS["en-2016"]
    writer = DocxWriter(report.title, label_end=":")
    writer.number_headings()
    writer.title(report.title)
    writer.inline(labels["party"], report.party.written["en"])
    writer.inline(labels["ratification"], report.party.ratification[0])
    writer.label(labels["contact"])
    write_contact(writer, report)
    writer.heading(labels["summary"], 1, numbered=False)
    for paragraph in report.summary:
        writer.value(paragraph)
    closing = dict(report.closing)
    for chapter, name in enumerate(data.CHAPTERS_2016, start=1):
        writer.heading(name, 1)
        for measure in (m for m in report.measures if m.chapter == chapter):
            write_measure_2016(writer, measure)
        for paragraph in closing.get(name, ()):
            writer.value(paragraph)
    writer.save(path)


def cell_paragraphs(cell: Any, texts: Iterable[str], bold: bool = False) -> None:
    texts = list(texts)
    for index, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(text).bold = bold or None


def own_layout_rows(measure: Measure, report: Report) -> list[tuple[str, Any]]:
    """(first-column label, value) rows; a value is a list of paragraphs or the partners."""
    en = data.MEASURE_LABELS["en"]
    es = data.MEASURE_LABELS["es"]
    colon = ":" + NBSP
    rows: list[tuple[str, Any]] = [
        (es["where"], [report.party.written["es"]]),
        (es["when"], [str(measure.year)]),
        (es["who"], list(measure.agencies)),
        (en["description"] + colon, list(measure.description)),
    ]
    if measure.website:
        rows.append((en["website"] + colon, [measure.website]))
    rows += [
        (en["results"] + colon, list(measure.results)),
        (en["budget"] + colon, list(measure.budget.lines)),
        (en["partners"] + colon, measure.partners),
    ]
    if measure.evaluated is not None:
        rows.append((en["evaluated"] + colon, ["YES" if measure.evaluated else "NO"]))
        rows.append((en["conclusions"] + colon, list(measure.conclusions)))
    rows += [
        (es["goals"], [goal_text(g, "es", "plain") for g in measure.goals]),
        (es["areas"], [data.AREAS["es"][a] for a in measure.areas]),
        (es["domains"], [data.DOMAINS["es"][d] for d in measure.domains]),
    ]
    return rows


def write_own_layout_measure(
    writer: DocxWriter, measure: Measure, report: Report, merged: bool
) -> None:
    rows = own_layout_rows(measure, report)
    if not merged:
        writer.paragraph(measure.title, bold=True, size=12)
    table = writer.document.add_table(rows=len(rows) + (1 if merged else 0), cols=2)
    table.style = writer.document.styles["Table Grid"]
    body = table.rows
    if merged:
        title_cell = table.cell(0, 0).merge(table.cell(0, 1))
        cell_paragraphs(title_cell, [measure.title], bold=True)
        body = table.rows[1:]
    for row, (label, value) in zip(body, rows, strict=True):
        cell_paragraphs(row.cells[0], [label], bold=True)
        if isinstance(value, tuple):  # the partners: a nested 2-column table
            writer.table(data.MEASURE_LABELS["en"]["partner_header"], value, container=row.cells[1])
        else:
            cell_paragraphs(row.cells[1], value)
    writer.paragraph()


def render_own_layout_docx(report: Report, path: Path) -> None:
    labels = data.REPORT_LABELS["en"]
    contact = report.party.contact
    writer = DocxWriter(report.title, body_font="DejaVu Sans", size=10)
    writer.title(report.title)
    header = writer.document.add_table(rows=3, cols=2)
    header.style = writer.document.styles["Table Grid"]
    values = (
        [report.party.written["es"]],
        [report.party.ratification[0]],
        [contact.name, contact.organization, contact.address, contact.phone, contact.email],
    )
    for row, label, value in zip(
        header.rows, ("party", "ratification", "contact"), values, strict=True
    ):
        cell_paragraphs(row.cells[0], [labels[label] + ":"], bold=True)
        cell_paragraphs(row.cells[1], value)
    writer.paragraph()
    writer.label(labels["summary"])
    for paragraph in report.summary:
        writer.value(paragraph)
    writer.heading(data.TITLES["es-measures"], 1)
    for index, measure in enumerate(report.measures):
        write_own_layout_measure(writer, measure, report, merged=index % 2 == 1)
    writer.save(path)
