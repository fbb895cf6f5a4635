"""A record as the platform's PDF export (reportlab, invariant mode)."""

from __future__ import annotations

import pathlib
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table

from samples.determinism import AUTHOR
from samples.pdf_style import a4_document, partner_table_style, register_fonts
from samples.renderer.record import Items, Label, Line, Partners, Record, Title, Value, title_of


def render_pdf(record: Record, path: pathlib.Path) -> None:
    regular, bold = register_fonts()
    title_style = ParagraphStyle("title", fontName=bold, fontSize=14, leading=18, spaceAfter=8)
    label_style = ParagraphStyle(
        "label", fontName=bold, fontSize=10, leading=13, spaceBefore=8, spaceAfter=2
    )
    value_style = ParagraphStyle("value", fontName=regular, fontSize=10, leading=13, spaceAfter=3)
    cell_style = ParagraphStyle("cell", fontName=regular, fontSize=9.5, leading=12)
    head_style = ParagraphStyle("head", fontName=bold, fontSize=9.5, leading=12)

    story: list = []
    for element in record.elements:
        if isinstance(element, Title):
            story.append(Paragraph(xml_escape(element.text), title_style))
        elif isinstance(element, Label):
            story.append(Paragraph(xml_escape(element.text), label_style))
        elif isinstance(element, (Line, Value)):
            story.append(Paragraph(xml_escape(element.text), value_style))
        elif isinstance(element, Items):
            for value in element.values:
                story.append(Paragraph(xml_escape(value), value_style))
        elif isinstance(element, Partners):
            data = [[Paragraph(xml_escape(text), head_style) for text in element.header]]
            for name, entity_type in element.rows:
                data.append(
                    [
                        Paragraph(xml_escape(name), cell_style),
                        Paragraph(xml_escape(entity_type), cell_style),
                    ]
                )
            table = Table(data, colWidths=[9 * cm, 7 * cm], repeatRows=1)
            table.setStyle(partner_table_style())
            story.extend([Spacer(1, 3), table, Spacer(1, 3)])
    document = a4_document(
        path,
        title=title_of(record),
        author=AUTHOR,
        subject="Quadrennial periodic report – policy/measure",
        creator="qpr samples/render.py",
    )
    document.build(story)
