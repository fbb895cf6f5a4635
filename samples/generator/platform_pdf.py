"""The platform's PDF export drawn with reportlab: the same writer interface as DocxWriter."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table

from samples.determinism import AUTHOR
from samples.generator.data import NBSP
from samples.generator.model import Partner
from samples.pdf_style import a4_document, partner_table_style, register_fonts


class PlatformPdfWriter:
    """The platform's PDF export look: bold labels, upper-case headings, ruled partner tables."""

    def __init__(self, title: str):
        regular, bold = register_fonts()
        self.doc_title = title
        self.story: list[Any] = []
        self.regular = regular
        self.styles = {
            "title": ParagraphStyle("title", fontName=bold, fontSize=13, leading=17, spaceAfter=10),
            "h1": ParagraphStyle(
                "h1", fontName=bold, fontSize=11.5, leading=15, spaceBefore=14, spaceAfter=6
            ),
            "h2": ParagraphStyle(
                "h2", fontName=bold, fontSize=10.5, leading=14, spaceBefore=10, spaceAfter=4
            ),
            "measure": ParagraphStyle(
                "measure", fontName=bold, fontSize=11, leading=14, spaceBefore=12, spaceAfter=4
            ),
            "label": ParagraphStyle(
                "label", fontName=bold, fontSize=9.5, leading=12, spaceBefore=6, spaceAfter=2
            ),
            "value": ParagraphStyle(
                "value", fontName=regular, fontSize=9.5, leading=12, spaceAfter=3
            ),
            "cell": ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11),
            "head": ParagraphStyle("head", fontName=bold, fontSize=9, leading=11),
        }

    def add(self, text: str, style: str) -> None:
        self.story.append(Paragraph(xml_escape(text), self.styles[style]))

    def title(self, text: str) -> None:
        self.add(text, "title")

    def heading(self, text: str, level: int, **_: Any) -> None:
        self.add(text, "h1" if level == 1 else "h2")

    def measure_title(self, text: str) -> None:
        self.add(text, "measure")

    def label(self, text: str, *, end: bool = True) -> None:
        self.add(text + (":" + NBSP if end else ""), "label")

    def inline(self, label: str, value: str) -> None:
        self.story.append(
            Paragraph(f"<b>{xml_escape(label)}:</b> {xml_escape(value)}", self.styles["value"])
        )

    def value(self, text: str, *, prose: bool = False) -> None:
        self.add(text, "value")

    def table(self, header: tuple[str, str], rows: Iterable[Partner], **_: Any) -> None:
        cells = [[Paragraph(xml_escape(text), self.styles["head"]) for text in header]]
        for partner in rows:
            cells.append(
                [
                    Paragraph(xml_escape(text or ""), self.styles["cell"])
                    for text in (partner.name, partner.type_text)
                ]
            )
        table = Table(cells, colWidths=[9.5 * cm, 6.5 * cm], repeatRows=1)
        table.setStyle(partner_table_style())
        self.story.extend([Spacer(1, 3), table, Spacer(1, 3)])

    def _footer(self, canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(self.regular, 8)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, str(document.page))
        canvas.restoreState()

    def save(self, path: Path) -> None:
        document = a4_document(
            path,
            title=self.doc_title,
            author=AUTHOR,
            creator="qpr samples/generate.py",
            pageCompression=1,
        )
        document.build(self.story, onFirstPage=self._footer, onLaterPages=self._footer)
