"""Reading order: the pages' paragraphs and tables in order, with those that go on at the top of
the next page joined to the one they continue."""

from __future__ import annotations

from pipeline.blocks import Block, table_row
from pipeline.readers.pdf_layout.columns import arrange_columns
from pipeline.readers.pdf_layout.lines import Page
from pipeline.readers.pdf_layout.paragraphs import (
    Layout,
    Paragraph,
    continues,
    line_groups,
    measure_layout,
    paragraph_block,
)
from pipeline.readers.pdf_layout.running import drop_running_lines
from pipeline.readers.pdf_layout.tables import TableRun, extend_table, same_columns, table_run
from pipeline.readers.pdf_tables import RuledTable

Item = Paragraph | TableRun


def lay_out(pages: list[Page]) -> list[Block]:
    """The blocks of the pages' text: paragraphs and table rows in reading order.

    A paragraph or a table that continues on the next page is one paragraph or one table,
    on the page where it starts (a table row keeps its own page).
    """
    drop_running_lines(pages)
    boundaries: list[float] = []
    for page in pages:
        boundaries = arrange_columns(page, boundaries)
    layout = measure_layout(pages)
    items = _join_pages([(page.number, _page_items(page, layout)) for page in pages], layout)
    blocks: list[Block] = []
    for item in items:
        blocks.extend(_item_blocks(item, layout))
    return blocks


def _page_items(page: Page, layout: Layout) -> list[Item]:
    """The page's paragraphs in reading order, each table placed just before the paragraph
    nearest below it. PDFium follows the content stream, where a footer drawn first can come
    before text that stands above the table, so "first below" would be wrong."""
    groups = line_groups(page.lines, layout)
    tables_before: dict[int, list[RuledTable]] = {}
    for table in page.tables:
        below = [index for index, group in enumerate(groups) if group[0].top <= table.top]
        nearest = max(below, key=lambda index: groups[index][0].top, default=len(groups))
        tables_before.setdefault(nearest, []).append(table)
    items: list[Item] = []
    for index in range(len(groups) + 1):
        for table in tables_before.get(index, []):
            items.append(table_run(table, page.number, layout.vocabulary))
        if index < len(groups):
            items.append(Paragraph(groups[index], page.number))
    return items


def _join_pages(pages: list[tuple[int, list[Item]]], layout: Layout) -> list[Item]:
    """The pages' items in order, where a paragraph or a table at the top of a page that goes on
    with the one ending the page before is joined to it."""
    items: list[Item] = []
    previous_page: int | None = None
    for number, _page_items in pages:
        if not _page_items:
            continue
        first, *rest = _page_items
        carried = bool(items) and previous_page == number - 1
        if not (carried and _carry_over(items[-1], first, layout)):
            items.append(first)
        items.extend(rest)
        previous_page = number
    return items


def _carry_over(previous: Item, first: Item, layout: Layout) -> bool:
    """Join `first`, at the top of a page, to `previous`, at the end of the page before, when it
    goes on with it; whether it did."""
    if isinstance(previous, Paragraph) and isinstance(first, Paragraph):
        if continues(previous.lines, first.lines[0], layout):
            previous.lines.extend(first.lines)
            return True
    elif isinstance(previous, TableRun) and isinstance(first, TableRun):
        if same_columns(previous.edges, first.edges):
            extend_table(previous, first, layout.vocabulary)
            return True
    return False


def _item_blocks(item: Item, layout: Layout) -> list[Block]:
    if isinstance(item, Paragraph):
        return [paragraph_block(item.lines, layout, item.page)]
    return [table_row(cells, page) for page, cells in item.rows]
