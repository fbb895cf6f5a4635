"""Ruled tables found from PDFium's paths give the cells pdfplumber's own `find_tables` gives,
whatever way the rules are drawn: lines, one path of many pieces, stroked or filled rectangles,
rounded frames, or a table placed as a transformed form XObject."""

from __future__ import annotations

import io
from collections.abc import Callable

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.readers.pdf_tables import RuledTable, find_tables

ROWS = [
    ("Name of partner", "Type of entity"),
    ("National Arts Council", "Public Sector"),
    ("Guild of Independent Film Makers", "Civil Society"),
    ("Radio Horizon", "Private Sector"),
]
LEFT, TOP, ROW_HEIGHT = 72.0, 700.0, 24.0
COLUMNS = (72.0, 300.0, 480.0)

Draw = Callable[[Canvas], None]


def _xs() -> tuple[float, ...]:
    return COLUMNS


def _ys() -> list[float]:
    return [TOP - ROW_HEIGHT * index for index in range(len(ROWS) + 1)]


def _text(canvas: Canvas) -> None:
    for index, row in enumerate(ROWS):
        y = TOP - ROW_HEIGHT * index - 16
        for x, cell in zip(COLUMNS, row, strict=False):
            canvas.drawString(x + 4, y, cell)


def _separate_lines(canvas: Canvas) -> None:
    for y in _ys():
        canvas.line(COLUMNS[0], y, COLUMNS[-1], y)
    for x in COLUMNS:
        canvas.line(x, _ys()[0], x, _ys()[-1])


def _one_path(canvas: Canvas) -> None:
    canvas.grid(list(COLUMNS), _ys())


def _stroked_cells(canvas: Canvas) -> None:
    for top, bottom in zip(_ys(), _ys()[1:], strict=False):
        for left, right in zip(COLUMNS, COLUMNS[1:], strict=False):
            canvas.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)


def _filled_rules(canvas: Canvas) -> None:
    # Word's way: each border a thin filled rectangle.
    for y in _ys():
        canvas.rect(COLUMNS[0], y - 0.25, COLUMNS[-1] - COLUMNS[0], 0.5, stroke=0, fill=1)
    for x in COLUMNS:
        canvas.rect(x - 0.25, _ys()[-1], 0.5, _ys()[0] - _ys()[-1], stroke=0, fill=1)


def _rounded_frame(canvas: Canvas) -> None:
    width, height = COLUMNS[-1] - COLUMNS[0], _ys()[0] - _ys()[-1]
    canvas.roundRect(COLUMNS[0], _ys()[-1], width, height, radius=6, stroke=1, fill=0)
    for y in _ys()[1:-1]:
        canvas.line(COLUMNS[0], y, COLUMNS[-1], y)
    for x in COLUMNS[1:-1]:
        canvas.line(x, _ys()[0], x, _ys()[-1])


def _pdf(draw: Draw, in_form: bool = False) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    if in_form:
        # The table drawn at half size in a form XObject, placed scaled back and shifted.
        canvas.beginForm("table")
        canvas.scale(0.5, 0.5)
        draw(canvas)
        canvas.endForm()
        canvas.saveState()
        canvas.translate(-20, 30)
        canvas.scale(2, 2)
        canvas.doForm("table")
        canvas.restoreState()
    else:
        draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _ours(data: bytes) -> list[RuledTable]:
    document = pdfium.PdfDocument(data)
    page = document[0]
    textpage = page.get_textpage()
    try:
        return find_tables(page.raw, textpage.raw)
    finally:
        textpage.close()
        page.close()
        document.close()


def _pdfplumbers(data: bytes) -> list[tuple[tuple[float, ...], list[list[str]]]]:
    with pdfplumber.open(io.BytesIO(data)) as document:
        page = document.pages[0]
        return [
            (
                (table.bbox[0], page.height - table.bbox[1], table.bbox[2]),
                [[cell or "" for cell in row] for row in table.extract()],
            )
            for table in page.find_tables()
        ]


@pytest.mark.parametrize(
    "draw",
    [_separate_lines, _one_path, _stroked_cells, _filled_rules, _rounded_frame],
    ids=lambda draw: draw.__name__.strip("_"),
)
@pytest.mark.parametrize("in_form", [False, True], ids=["page", "form"])
def test_cells_are_pdfplumbers_whatever_the_drawing(draw: Draw, in_form: bool) -> None:
    def table(canvas: Canvas) -> None:
        draw(canvas)
        _text(canvas)

    data = _pdf(table, in_form)
    ours = _ours(data)
    reference = _pdfplumbers(data)
    assert len(ours) == len(reference) == 1
    (left, top, right), rows = reference[0]
    assert [list(row) for row in ours[0].rows] == rows
    # A rounded frame's corners meet no rule: its first and last rows close no cell, for
    # pdfplumber too.
    expected = ROWS[1:-1] if draw is _rounded_frame else ROWS
    assert rows == [list(row) for row in expected]
    assert (ours[0].left, ours[0].top, ours[0].right) == pytest.approx((left, top, right), abs=0.5)


def test_wrapped_cell_keeps_its_lines_apart() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.grid([72, 200, 400], [700, 650, 600])
        canvas.drawString(76, 684, "Programme de")
        canvas.drawString(76, 672, "soutien aux")
        canvas.drawString(76, 660, "arts vivants")
        canvas.drawString(204, 684, "Secteur public")
        canvas.drawString(76, 634, "Fonds")
        canvas.drawString(204, 634, "Société civile")

    tables = _ours(_pdf(draw))
    assert tables[0].rows == (
        ("Programme de\nsoutien aux\narts vivants", "Secteur public"),
        ("Fonds", "Société civile"),
    )
    assert tables[0].edges == pytest.approx((72, 200, 400))


def test_a_framed_box_and_a_page_without_rules_give_no_table() -> None:
    def framed(canvas: Canvas) -> None:
        canvas.rect(72, 600, 400, 100, stroke=1, fill=0)
        canvas.drawString(80, 680, "Note: the figures are provisional.")

    def plain(canvas: Canvas) -> None:
        canvas.line(72, 700, 500, 700)
        canvas.drawString(80, 680, "An underlined title and no table.")

    assert _ours(_pdf(framed)) == []
    assert _ours(_pdf(plain)) == []
