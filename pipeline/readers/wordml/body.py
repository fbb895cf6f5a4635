"""The body of a document: paragraphs and tables in order, read through content controls; a
table row by row, or as body content where a row holds content rather than data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml import etree

from pipeline.blocks import Block, table_row
from pipeline.readers.wordml.elements import (
    SDT,
    TBL,
    TC,
    TR,
    WRAPPERS,
    P,
    children_through_wrappers,
    content_of,
    is_merge_continuation,
)
from pipeline.readers.wordml.paragraphs import (
    LAYOUT_SPACE,
    Context,
    paragraph_block,
    paragraph_text,
)


def container_blocks(children: Iterable[etree._Element], context: Context) -> Iterator[Block]:
    for child in children:
        if child.tag == P:
            block = paragraph_block(child, context)
            if block is not None:
                yield block
        elif child.tag == TBL:
            yield from _table_blocks(child, context)
        elif child.tag == SDT or child.tag in WRAPPERS:
            yield from container_blocks(content_of(child), context)


def _table_blocks(table: etree._Element, context: Context) -> Iterator[Block]:
    """One block per row, except where a row holds content rather than data: a row of a single
    cell (a layout frame holding a whole measure, a title bar spanning a label | value table)
    and a label | value row whose value holds a table (the form's partner table) are read as if
    their cells' paragraphs and tables stood in the body, so a nested table keeps its cells."""
    held: list[str] | None = None  # the last row, kept while the next one may continue it
    for row in children_through_wrappers(table.iterchildren(), TR):
        cells = list(_row_cells(row))
        if _holds_content(cells):
            yield from _row_block(held)
            held = None
            for cell in cells:
                yield from container_blocks(cell.iterchildren(), context)
            continue
        texts = [_cell_text(cell, context) for cell in cells]
        if held is not None and _continues_label(cells, held):
            held[1] = "\n".join(text for text in (held[1], texts[1]) if text)
            continue
        yield from _row_block(held)
        held = texts
    yield from _row_block(held)


def _holds_content(cells: list[etree._Element]) -> bool:
    """A row of one cell, or a label | value row whose value cell holds a table."""
    if len(cells) == 1:
        return not is_merge_continuation(cells[0], "w:vMerge")
    if len(cells) != 2:
        return False
    return next(children_through_wrappers(cells[1].iterchildren(), TBL), None) is not None


def _continues_label(cells: list[etree._Element], previous: list[str]) -> bool:
    """A label cell merged down over several rows (vMerge) labels all their values, so in a
    label | value table those rows read as one. Wider tables keep their rows apart, the merged
    cell empty after its first row."""
    return len(cells) == 2 and len(previous) == 2 and is_merge_continuation(cells[0], "w:vMerge")


def _row_block(cells: list[str] | None) -> Iterator[Block]:
    if cells is not None and any(cells):
        yield table_row(cells)


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    # Read `w:tc` directly: python-docx's `row.cells` repeats a horizontally merged cell once
    # per grid column it spans; here a gridSpan cell counts once.
    for cell in children_through_wrappers(row.iterchildren(), TC):
        if not is_merge_continuation(cell, "w:hMerge"):
            yield cell


def _cell_text(cell: etree._Element, context: Context) -> str:
    if is_merge_continuation(cell, "w:vMerge"):
        return ""
    return "\n".join(_cell_lines(cell.iterchildren(), context)).strip(LAYOUT_SPACE)


def _cell_lines(children: Iterable[etree._Element], context: Context) -> Iterator[str]:
    for child in children:
        if child.tag == P:
            text = paragraph_text(child, context)
            if text.strip():
                yield text
        elif child.tag == TBL:
            # A table nested in a cell is flattened into the cell text, one line per row.
            yield from (block.text for block in _table_blocks(child, context))
        elif child.tag == SDT or child.tag in WRAPPERS:
            yield from _cell_lines(content_of(child), context)
