"""read_pdf reads pages set in columns column by column, under and over full-width lines,
and keeps a form laid out in two columns without rules row by row."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.readers import pdf_tables
from pipeline.readers.pdf import read_pdf
from tests.readers.pdf_drawing import (
    LEFT,
    TITLE,
    Grid,
    Text,
    baseline_below,
    block_texts,
    pdf_bytes,
    wrapped_lines,
)

COLUMN_WIDTH = 210.0
RIGHT_COLUMN = LEFT + COLUMN_WIDTH + 31  # a 31 pt gutter
LEFT_TEXT = [
    "The first paragraph of the left column tells how the fund began in 2019 and who runs it.",
    "The second paragraph of the left column describes the grants, which go to artists and "
    "small enterprises in every region, and it goes on into the right column where it",
]
RIGHT_TEXT = [
    "ends with the loans and training that complete the grants.",
    "The last paragraph, in the right column, gives the results of the first three years.",
]


def _column_page() -> tuple[list[Text], list[Text], Text]:
    left: list[Text] = []
    y = 720.0
    for paragraph in LEFT_TEXT:
        left += wrapped_lines(paragraph, LEFT, y, COLUMN_WIDTH)
        y = baseline_below(left)
    # The right column starts at the top of the left one.
    right: list[Text] = []
    y = 720.0
    for paragraph in RIGHT_TEXT:
        right += wrapped_lines(paragraph, RIGHT_COLUMN, y, COLUMN_WIDTH)
        y = baseline_below(right)
    return left, right, Text(LEFT, 760, TITLE, "Helvetica-Bold")


def _interleaved(left: list[Text], right: list[Text]) -> list[Text]:
    """Lines row by row across the columns, as some producers write the content stream."""
    rows = sorted({line.y for line in left + right}, reverse=True)
    return [line for y in rows for line in left + right if line.y == y]


COLUMN_ORDERS: dict[str, Callable[[list[Text], list[Text]], list[Text]]] = {
    "left column first": lambda left, right: left + right,
    "right column first": lambda left, right: right + left,
    "row by row": _interleaved,
}


@pytest.mark.parametrize("order", COLUMN_ORDERS.values(), ids=COLUMN_ORDERS.keys())
def test_two_columns_are_read_column_by_column_under_a_full_width_title(
    order: Callable[[list[Text], list[Text]], list[Text]],
) -> None:
    left, right, title = _column_page()
    blocks = read_pdf(pdf_bytes([[title, *order(left, right)]]))
    assert block_texts(blocks) == [
        TITLE,
        LEFT_TEXT[0],
        f"{LEFT_TEXT[1]} {RIGHT_TEXT[0]}",
        RIGHT_TEXT[1],
    ]


def test_three_columns_are_read_left_to_right() -> None:
    width = 140.0
    texts = [
        f"Column {name} holds one paragraph of body text that wraps over several lines of its "
        "narrow column, as a newsletter does."
        for name in ("one", "two", "three")
    ]
    lines: list[Text | Grid] = []
    for index, text in enumerate(reversed(texts)):
        lines += wrapped_lines(text, LEFT + (2 - index) * (width + 15), 700, width)
    assert block_texts(read_pdf(pdf_bytes([lines]))) == texts


def test_a_form_laid_out_in_two_columns_without_rules_stays_row_by_row() -> None:
    # Bold labels on the left, values on the right, on the same baselines: no text columns.
    fields = [
        ("Name of the agency:", "Ministry of Culture"),
        ("Where:", "Kenya"),
        ("When:", "2021"),
        ("Financial resources:", "USD 250,000"),
        ("Partner:", "Arts Council"),
        ("Type of entity:", "Public Sector"),
        ("Evaluated:", "YES"),
    ]
    page: list[Text | Grid] = []
    for index, (label, value) in enumerate(fields):
        y = 700 - 20 * index
        page += [Text(LEFT, y, label, "Helvetica-Bold"), Text(300, y, value)]
    assert block_texts(read_pdf(pdf_bytes([page]))) == [
        f"{label} {value}" for label, value in fields
    ]


def test_the_end_of_a_section_of_columns_in_the_first_column_keeps_its_paragraphs() -> None:
    left, right, title = _column_page()
    last = wrapped_lines(
        "and the last paragraph goes on at the top of the next page, in the left column only, "
        "before the report ends.",
        LEFT,
        720,
        COLUMN_WIDTH,
    )
    right_ending = right[:-1] + [Text(RIGHT_COLUMN, right[-1].y, right[-1].text.rstrip("."))]
    blocks = read_pdf(pdf_bytes([[title, *left, *right_ending], last]))
    assert block_texts(blocks)[-1] == (
        RIGHT_TEXT[1].rstrip(".") + " and the last paragraph goes on at the top of the next "
        "page, in the left column only, before the report ends."
    )


def test_pages_without_rules_get_no_cell_search(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("edges collected on a page without rules")

    monkeypatch.setattr(pdf_tables, "_page_edges", refuse)
    left, right, title = _column_page()
    pages: list[list[Text | Grid]] = [[title, *left, *right], [Text(LEFT, 700, "Second page.")]]
    texts = [TITLE, LEFT_TEXT[0], f"{LEFT_TEXT[1]} {RIGHT_TEXT[0]}", RIGHT_TEXT[1], "Second page."]
    assert block_texts(read_pdf(pdf_bytes(pages))) == texts
