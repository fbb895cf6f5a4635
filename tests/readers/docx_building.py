"""Building .docx files for the reader's tests with python-docx: Word's automatic lists
(numbering.xml written by hand), numbered paragraphs and styles."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from pipeline.readers.docx import read_docx

W = nsdecls("w")
Document = docx.document.Document

# One list level: (numFmt, lvlText, start).
Level = tuple[str, str, int]
OUTLINE: list[Level] = [
    ("decimal", "%1.", 1),
    ("decimal", "%1.%2.", 1),
    ("decimal", "%1.%2.%3.", 1),
]


def save_docx(document: Document, tmp_path: Path) -> bytes:
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path.read_bytes()


def _level_xml(number: int, level: Level, extra: str = "") -> str:
    number_format, text, start = level
    return (
        f'<w:lvl w:ilvl="{number}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def add_list(
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
    return add_instance(document, list_id, list_id)


def add_instance(
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


def number_paragraph(paragraph: Paragraph, num_id: str | None, level: int | None = 0) -> Paragraph:
    """Give a paragraph a w:numPr (None leaves that part to the paragraph's style)."""
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    if level is not None:
        numbering.get_or_add_ilvl().val = level
    if num_id is not None:
        numbering.get_or_add_numId().val = int(num_id)
    return paragraph


def number_style(document: Document, style_name: str, num_id: str, level: int | None) -> None:
    numbering = document.styles[style_name].element.get_or_add_pPr().get_or_add_numPr()
    if level is not None:
        numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = int(num_id)


def docx_texts(data: bytes) -> list[str]:
    return [block.text for block in read_docx(data)]
