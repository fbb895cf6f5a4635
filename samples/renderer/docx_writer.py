"""A record as DOCX (python-docx): fixed core properties and a normalised zip."""

from __future__ import annotations

import io
import pathlib

import docx
from docx.shared import Pt

from samples.determinism import AUTHOR, FIXED_TIME, normalise_zip
from samples.renderer.record import Items, Label, Line, Partners, Record, Title, Value, title_of


def render_docx(record: Record, path: pathlib.Path) -> None:
    document = docx.Document()
    properties = document.core_properties
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.title = title_of(record)
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    properties.revision = 1
    for element in record.elements:
        if isinstance(element, Title):
            if record.docx_title_style:
                document.add_paragraph(element.text, style=record.docx_title_style)
            else:
                run = document.add_paragraph().add_run(element.text)
                run.bold = True
                run.font.size = Pt(14)
        elif isinstance(element, Label):
            document.add_paragraph().add_run(element.text).bold = True
        elif isinstance(element, (Line, Value)):
            document.add_paragraph(element.text)
        elif isinstance(element, Items):
            for value in element.values:
                document.add_paragraph(value)
        elif isinstance(element, Partners):
            table = document.add_table(rows=1 + len(element.rows), cols=2)
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, element.header, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            for row, (name, entity_type) in zip(table.rows[1:], element.rows, strict=True):
                if name:
                    row.cells[0].paragraphs[0].add_run(name)
                if entity_type:
                    row.cells[1].paragraphs[0].add_run(entity_type)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))
