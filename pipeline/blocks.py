"""The unit every reader produces: a `Block` of text in document order.

Readers turn bytes into a list of blocks (paragraphs, headings, table rows); everything after the
readers works on blocks alone, so a DOCX, a PDF, an HTML page and a text file look the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE_ROW = "table_row"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading or table row as the source shows it (not yet normalised).

    `text` may hold line breaks (a DOCX soft break, an HTML <br>); a table row's `text` is its
    cells joined by " | " and `cells` keeps them apart. `page` is 1-based for paged formats.
    `bold` marks a paragraph whose visible text is all bold (how labels are often drawn);
    `level` is the heading level where the source states one. `ocr` marks text recognised
    from a page image (a scanned PDF).
    """

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    page: int | None = None
    cells: tuple[str, ...] | None = None
    bold: bool = False
    level: int | None = None
    ocr: bool = False


def table_row(cells: list[str] | tuple[str, ...], page: int | None = None) -> Block:
    """A table-row block whose text is its cells joined by ' | '."""
    cells = tuple(cells)
    return Block(text=" | ".join(cells), kind=BlockKind.TABLE_ROW, page=page, cells=cells)
