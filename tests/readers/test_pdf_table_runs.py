"""read_pdf reads a ruled table that goes on over a page break as one table, its repeated
header row dropped and a row cut by the break joined."""

from __future__ import annotations

from pipeline.blocks import BlockKind
from pipeline.readers.pdf import read_pdf
from tests.readers.pdf_drawing import (
    HEADER_ROW,
    LEFT,
    PAGE_TOP,
    Grid,
    Text,
    block_texts,
    pdf_bytes,
)

COLUMN_EDGES = (LEFT, 300.0, 523.0)


def _table(rows: list[tuple[str, str]], top: float) -> list[Text | Grid]:
    """A two-column ruled table whose first row's top edge is at `top`, 20 pt a row."""
    ys = tuple(top - 20 * index for index in range(len(rows) + 1))
    items: list[Text | Grid] = [Grid(COLUMN_EDGES, ys)]
    for index, (first, second) in enumerate(rows):
        baseline = ys[index] - 14
        items += [Text(LEFT + 4, baseline, first), Text(COLUMN_EDGES[1] + 4, baseline, second)]
    return items


def test_a_table_going_on_over_the_page_break_is_one_table_without_its_repeated_header() -> None:
    first_rows = [
        HEADER_ROW,
        ("Ministry of Culture", "Public Sector"),
        ("Arts Council", "Public Sector"),
    ]
    second_rows = [HEADER_ROW, ("Film Centre", "Civil Society"), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [
        [Text(LEFT, 300, "Partner(s) engaged:"), *_table(first_rows, 140)],
        [*_table(second_rows, PAGE_TOP), Text(LEFT, 600, "After the table.")],
    ]
    blocks = read_pdf(pdf_bytes(pages))
    rows = [block for block in blocks if block.kind is BlockKind.TABLE_ROW]
    assert [block.cells for block in rows] == first_rows + second_rows[1:]
    assert [block.page for block in rows] == [1, 1, 1, 2, 2]
    assert (
        block_texts(blocks)[0] == "Partner(s) engaged:"
        and block_texts(blocks)[-1] == "After the table."
    )


def test_a_row_cut_by_the_page_break_is_one_row() -> None:
    first_rows = [
        HEADER_ROW,
        ("Ministry of Culture", "Public Sector"),
        ("Association of independent", "Civil"),
    ]
    second_rows = [("film producers", "society"), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(pdf_bytes(pages))]
    assert rows == [
        HEADER_ROW,
        ("Ministry of Culture", "Public Sector"),
        ("Association of independent film producers", "Civil society"),
        ("Music Hub", "Private Sector"),
    ]


def test_an_empty_first_cell_atop_the_page_joins_the_cut_row() -> None:
    first_rows = [HEADER_ROW, ("Arts Council", "Public Sector, with funding from the")]
    second_rows = [("", "National Lottery Fund"), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(pdf_bytes(pages))]
    assert rows == [
        HEADER_ROW,
        ("Arts Council", "Public Sector, with funding from the National Lottery Fund"),
        ("Music Hub", "Private Sector"),
    ]


def test_a_name_going_on_under_an_empty_type_cell_joins_the_cut_row() -> None:
    # The type fitted on the first page; the name's second line went on to the next.
    first_rows = [HEADER_ROW, ("Copyright Board", ""), ("Kolkata Community Radio", "Civil Society")]
    second_rows = [HEADER_ROW, ("Association", ""), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(pdf_bytes(pages))]
    assert rows == [
        HEADER_ROW,
        ("Copyright Board", ""),
        ("Kolkata Community Radio Association", "Civil Society"),
        ("Music Hub", "Private Sector"),
    ]


def test_an_empty_first_cell_is_a_new_row_where_the_first_column_has_merged_cells() -> None:
    first_rows = [HEADER_ROW, ("Public Sector", "Ministry of Culture"), ("", "Arts Council")]
    second_rows = [("", "Film Centre"), ("Civil Society", "Music Hub")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(pdf_bytes(pages))]
    assert rows == first_rows + second_rows


def test_tables_with_other_columns_stay_apart() -> None:
    other = Grid((LEFT, 200.0, 523.0), (PAGE_TOP, PAGE_TOP - 20))
    pages: list[list[Text | Grid]] = [
        _table([HEADER_ROW, ("Arts Council", "Public Sector")], 140),
        [other, Text(LEFT + 4, PAGE_TOP - 14, "Year"), Text(204, PAGE_TOP - 14, "Amount")],
    ]
    blocks = read_pdf(pdf_bytes(pages))
    assert [block.cells for block in blocks] == [
        HEADER_ROW,
        ("Arts Council", "Public Sector"),
        ("Year", "Amount"),
    ]
