"""The 2012 interactive PDF form: text fields and check boxes drawn with reportlab's AcroForm."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfdoc import PDFName, PDFString
from reportlab.pdfgen import canvas as pdf_canvas

from samples.determinism import AUTHOR
from samples.generator import data
from samples.generator.model import Report

FORM_FONT = "Helvetica"
FORM_SIZE = 9
FORM_LEADING = 10.8


class FormCanvas:
    """A reportlab canvas that lays out questions and filled AcroForm fields top to bottom."""

    def __init__(self, path: Path, report: Report):
        self.canvas = pdf_canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
        self.canvas.setTitle(report.title)
        self.canvas.setAuthor(AUTHOR)
        self.canvas.setCreator("qpr samples/generate.py")
        self.report = report
        self.left, self.width = 2 * cm, A4[0] - 4 * cm
        self.page = 0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        c = self.canvas
        c.setFont(FORM_FONT, 8)
        c.drawString(
            self.left,
            A4[1] - 1.3 * cm,
            "Convention on the Protection and Promotion of the Diversity of Cultural Expressions",
        )
        c.setFont(FORM_FONT + "-Bold", 11)
        c.drawString(self.left, A4[1] - 1.9 * cm, self.report.title)
        c.setFont(FORM_FONT, 8)
        c.drawRightString(self.left + self.width, 1.2 * cm, f"{self.page}")
        self.y = A4[1] - 2.8 * cm

    def room(self, height: float) -> None:
        if self.y - height < 2 * cm:
            self.new_page()

    def section(self, text: str) -> None:
        self.room(40)
        self.y -= 10
        self.canvas.setFont(FORM_FONT + "-Bold", 11)
        self.canvas.drawString(self.left, self.y, text)
        self.y -= 8

    def question(self, text: str) -> None:
        lines = simpleSplit(text, FORM_FONT + "-Bold", FORM_SIZE, self.width)
        self.room(len(lines) * FORM_LEADING + 30)
        self.canvas.setFont(FORM_FONT + "-Bold", FORM_SIZE)
        for line in lines:
            self.y -= FORM_LEADING
            self.canvas.drawString(self.left, self.y, line)
        self.y -= 3

    def text_field(self, name: str, tooltip: str, paragraphs: Iterable[str]) -> None:
        """A filled text field; paragraphs are separated by CR in the value, as Acrobat does."""
        paragraphs = [p for p in paragraphs if p]
        shown = [
            line
            for p in paragraphs
            for line in simpleSplit(p, FORM_FONT, FORM_SIZE, self.width - 8)
        ]
        multiline = len(shown) > 1 or len(paragraphs) > 1
        height = max(1, len(shown)) * FORM_LEADING + 6
        self.room(height + 4)
        self.y -= height
        form = self.canvas.acroForm
        form.textfield(
            name=name,
            tooltip=tooltip,
            value="\n".join(shown),
            x=self.left,
            y=self.y,
            width=self.width,
            height=height,
            fontName=FORM_FONT,
            fontSize=FORM_SIZE,
            borderWidth=0.5,
            borderColor=colors.grey,
            fillColor=colors.white,
            textColor=colors.black,
            fieldFlags="multiline" if multiline else "",
            maxlen=0,
        )
        value = PDFString("\r".join(paragraphs))
        field = self.last_field()
        field.dict["V"] = field.dict["DV"] = value
        self.y -= 6

    def last_field(self) -> Any:
        reference = self.canvas.acroForm.fields[-1]
        return self.canvas._doc.idToObject[reference.name]

    def check_boxes(
        self, prefix: str, tooltip: str, options: dict[str, str], checked: Iterable[str]
    ) -> None:
        """One check box per option; a checked box's on-state (its value) is the option's word."""
        checked = set(checked)
        self.room(24)
        self.y -= 14
        x = self.left
        for code, word in options.items():
            self.canvas.acroForm.checkbox(
                name=f"{prefix}_{code}",
                tooltip=tooltip,
                checked=code in checked,
                x=x,
                y=self.y,
                size=9,
                buttonStyle="cross",
                borderWidth=0.5,
            )
            field = self.last_field()
            on_state = PDFName(word)
            field.dict["V"] = field.dict["AS"] = on_state if code in checked else PDFName("Off")
            for appearance in field.dict["AP"].dict.values():
                states = appearance.dict
                states[word] = states.pop("Yes")
            self.canvas.setFont(FORM_FONT, FORM_SIZE)
            self.canvas.drawString(x + 13, self.y + 1.5, word)
            x += 105
        self.y -= 8

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def render_2012_form(report: Report, path: Path) -> None:
    form = FormCanvas(path, report)
    contact = report.party.contact
    labels = data.LABELS_2016
    form.section("GENERAL INFORMATION")
    for name, question, value in (
        ("party_name", "Name of Party", [report.party.written["en"]]),
        ("ratification_date", "Date of ratification", [report.party.ratification[0]]),
        ("contact_point", "Officially designated point of contact", list(contact)),
    ):
        form.question(question)
        form.text_field(name, question, value)
    form.section("EXECUTIVE SUMMARY")
    form.question("Executive summary")
    form.text_field("executive_summary", "Executive summary", report.summary)
    form.section("MEASURES")
    for number, measure in enumerate(report.measures, start=1):
        form.section(f"Measure {number}")
        prefix = f"m{number}"
        steps: list[tuple[str, str, Any]] = [
            ("name", "Name of the measure", [measure.title]),
            ("objectives", labels["key_objectives"], measure.key_objectives),
            ("scope", labels["scope"], (data.SCOPE_WORDS, measure.scope)),
            ("nature", labels["nature"], (data.NATURE_WORDS, measure.nature)),
            ("feature", labels["description"], measure.description),
            ("results", labels["results"], measure.results),
            ("agency", labels["agency"], measure.agencies),
            ("budget", labels["budget"], measure.budget.lines),
        ]
        for suffix, question, value in steps:
            form.question(question)
            if suffix in ("scope", "nature"):
                form.check_boxes(f"{prefix}_{suffix}", question, *value)
            else:
                form.text_field(f"{prefix}_{suffix}", question, value)
    form.save()
