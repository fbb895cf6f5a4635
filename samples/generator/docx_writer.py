"""The DOCX writer (python-docx): styles, headings, tables, running headers and footers,
soft hyphens, numbered headings; saved with fixed properties and a normalised zip."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from samples.determinism import AUTHOR, FIXED_TIME, normalise_zip
from samples.generator.data import NBSP
from samples.generator.model import Partner

SOFT_HYPHEN = "\u00ad"

VOWELS = set("aeiouyAEIOUYàâäéèêëîïôöùûüœ")
LONG_WORD = re.compile(r"[^\W\d_]{9,}")


def hyphenate(text: str) -> str:
    """Soft hyphens (U+00AD) between a vowel and a consonant-vowel pair of long words."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        out, last = [], 0
        for i in range(3, len(word) - 3):
            if word[i - 1] in VOWELS and word[i] not in VOWELS and word[i + 1] in VOWELS:
                if i - last >= 2:
                    out.append(word[last:i])
                    last = i
        out.append(word[last:])
        return SOFT_HYPHEN.join(out)

    return LONG_WORD.sub(split, text)


def set_style_font(style: Any, name: str, size: float | None = None) -> None:
    """Set a style's font by name, dropping theme fonts that would override it."""
    style.font.name = name
    if size:
        style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), name)


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""

    def fld_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    paragraph.add_run()._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld_char("end"))


class DocxWriter:
    """A python-docx document with the small vocabulary the report layouts need."""

    def __init__(
        self,
        title: str,
        *,
        body_font: str = "DejaVu Serif",
        heading_font: str = "DejaVu Sans",
        size: float = 10.5,
        soft_hyphens: bool = False,
        justify: bool = False,
        line_spacing: float | None = None,
        label_end: str = ":" + NBSP,
    ):
        self.document = docx.Document()
        self.soft_hyphens = soft_hyphens
        self.label_end = label_end
        properties = self.document.core_properties
        properties.author = AUTHOR
        properties.last_modified_by = AUTHOR
        properties.title = title
        properties.created = FIXED_TIME
        properties.modified = FIXED_TIME
        properties.last_printed = FIXED_TIME
        properties.revision = 1
        styles = self.document.styles
        set_style_font(styles["Normal"], body_font, size)
        if justify:
            styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if line_spacing:
            styles["Normal"].paragraph_format.line_spacing = line_spacing
        styles["Normal"].paragraph_format.space_after = Pt(4)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Header", "Footer"):
            set_style_font(styles[name], heading_font)
        set_style_font(styles["Title"], heading_font, 20)
        for section in self.document.sections:
            section.page_width, section.page_height = Cm(21), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.3)
            section.top_margin = section.bottom_margin = Cm(2.2)

    def paragraph(
        self,
        text: str = "",
        *,
        style: str | None = None,
        bold: bool = False,
        size: float | None = None,
        prose: bool = False,
    ) -> Any:
        paragraph = self.document.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(hyphenate(text) if prose and self.soft_hyphens else text)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
        return paragraph

    def title(self, text: str) -> None:
        self.paragraph(text, style="Title")

    def heading(self, text: str, level: int, *, numbered: bool | None = None) -> Any:
        paragraph = self.document.add_heading(text, level)
        if numbered is False:  # switch the style's numbering off for this paragraph
            properties = paragraph._p.get_or_add_pPr()
            numbering = OxmlElement("w:numPr")
            number = OxmlElement("w:numId")
            number.set(qn("w:val"), "0")
            numbering.append(number)
            properties.insert(0, numbering)
        return paragraph

    def label(self, text: str, *, end: bool = True) -> None:
        self.paragraph(text + (self.label_end if end else ""), bold=True)

    def inline(self, label: str, value: str) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.add_run(label + ":").bold = True
        paragraph.add_run(" " + value)

    def value(self, text: str, *, prose: bool = False) -> None:
        self.paragraph(text, prose=prose)

    def table(
        self,
        header: tuple[str, str],
        rows: Iterable[Partner],
        *,
        repeat_header: bool = False,
        container: Any = None,
    ) -> Any:
        rows = list(rows)
        parent = container if container is not None else self.document
        table = parent.add_table(rows=1 + len(rows), cols=2)
        table.style = self.document.styles["Table Grid"]
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        if repeat_header:
            properties = table.rows[0]._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:tblHeader"))
        for row, partner in zip(table.rows[1:], rows, strict=True):
            if partner.name:
                row.cells[0].paragraphs[0].add_run(partner.name)
            if partner.type_text:
                row.cells[1].paragraphs[0].add_run(partner.type_text)
        return table

    def running_header(self, text: str) -> None:
        paragraph = self.document.sections[0].header.paragraphs[0]
        paragraph.text = text
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def running_footer(self, kind: str) -> None:
        """kind "dashes": `- N -`; "of": `Page N of M`; "page": `Page N`."""
        paragraph = self.document.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if kind == "dashes":
            paragraph.add_run("- ")
            add_field(paragraph, "PAGE")
            paragraph.add_run(" -")
        else:
            paragraph.add_run("Page ")
            add_field(paragraph, "PAGE")
            if kind == "of":
                paragraph.add_run(" of ")
                add_field(paragraph, "NUMPAGES")

    def number_headings(self) -> None:
        """Word auto-numbering on Heading 1 (`1.`, `2.` ...): a numbering definition + numPr."""
        numbering = self.document.part.numbering_part.element
        abstract_ids = [
            int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))
        ]
        num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), "0")
        for tag, value in (
            ("w:start", "1"),
            ("w:numFmt", "decimal"),
            ("w:pStyle", "Heading1"),
            ("w:lvlText", "%1."),
            ("w:lvlJc", "left"),
        ):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            level.append(element)
        abstract.append(level)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        reference = OxmlElement("w:abstractNumId")
        reference.set(qn("w:val"), str(abstract_id))
        num.append(reference)
        numbering.append(num)
        style_properties = self.document.styles["Heading 1"].element.get_or_add_pPr()
        number_properties = OxmlElement("w:numPr")
        number_id = OxmlElement("w:numId")
        number_id.set(qn("w:val"), str(num_id))
        number_properties.append(number_id)
        style_properties.insert(0, number_properties)

    def save(self, path: Path) -> None:
        buffer = io.BytesIO()
        self.document.save(buffer)
        path.write_bytes(normalise_zip(buffer.getvalue()))
