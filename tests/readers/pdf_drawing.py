"""Drawing PDFs for the reader's layout tests: strings and ruled grids placed by hand with
reportlab's canvas, so each test states its geometry (PDF units, y up)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from pipeline.blocks import Block

PAGE_TOP = 800.0
LEFT = 72.0
WIDTH = 451.0  # A4 less 72 pt margins
LEADING = 12.0
SIZE = 10.0
HEADER = "Quadrennial Periodic Report 2020–2023 — Kenya"

LOREM = (
    "The national fund for cultural industries supports artists, producers and small "
    "enterprises in every region of the country with grants, loans and training, and it pays "
    "particular attention to young creators and to women working in music and film"
)


@dataclass(frozen=True)
class Text:
    """A string drawn at (x, y), y up as in PDF."""

    x: float
    y: float
    text: str
    font: str = "Helvetica"
    size: float = SIZE


@dataclass(frozen=True)
class Grid:
    """Ruled cells: column edges and row edges (y down the page, first edge on top)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]


def pdf_bytes(pages: list[list[Text | Grid]]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in pages:
        for item in page:
            if isinstance(item, Grid):
                canvas.grid(list(item.xs), list(item.ys))
            else:
                canvas.setFont(item.font, item.size)
                canvas.drawString(item.x, item.y, item.text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def wrapped_lines(
    text: str, x: float, y: float, width: float = WIDTH, font: str = "Helvetica"
) -> list[Text]:
    """`text` wrapped to `width` as a typesetter does, first baseline at `y`."""
    lines = simpleSplit(text, font, SIZE, width)
    return [Text(x, y - LEADING * index, line, font) for index, line in enumerate(lines)]


def baseline_below(items: list[Text], gap: float = LEADING * 1.8) -> float:
    """The baseline for a paragraph after `items`, with paragraph spacing."""
    return items[-1].y - gap


def block_texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


HEADER_ROW = ("Name of partner", "Type of entity")
TITLE = "Two columns under a title that spans the whole width of the page"
