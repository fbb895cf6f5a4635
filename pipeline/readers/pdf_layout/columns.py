"""Columns: where a page's text parts into columns, and the page's lines put in reading order,
column by column, each with the edges of its column."""

from __future__ import annotations

import bisect
from itertools import pairwise

from pipeline.readers.pdf_layout.lines import SAME_LINE, Line, Page, column_right_edge

# A gutter is a vertical strip at least this wide (in line heights) that the page's lines
# leave empty, apart from the full-width lines (a title above the columns) that cross it. Word's
# default gutter is 36 pt, LibreOffice's often 0.5 cm: both are wider than a word space. PDFium
# joins two columns' lines that share a baseline and follow each other in the content stream into
# one line; a gap this wide inside a line splits it again.
MIN_GUTTER = 1.0
_MAX_SPANNING_SHARE = 1 / 3  # at most this share of a page's lines may cross a gutter
# A column is at least this share of the text width: figures aligned at the right edge of a
# page are no column.
_MIN_COLUMN_SHARE = 0.25
_MIN_COLUMN_LINES = 3  # fewer lines apart are a caption or a figure's labels, not a column
# Body text fills its column: most lines end near the column's right edge, while the short labels
# and values of a form laid out in two columns without rules end anywhere. Such a form must stay
# row by row (label, then its value), so a column must be filled like this to count.
_FILL_TOLERANCE = 0.2  # of the column's width
_MIN_FILL_SHARE = 0.5


def arrange_columns(page: Page, previous: list[float]) -> list[float]:
    """Put a page of columns in reading order and give every line the edges of its column.

    Each band of columns, between full-width lines (a title above the columns), is read column by
    column from the left; lines keep PDFium's order within a column. PDFium follows the content
    stream: word processors write it column by column, but other producers write it frame by
    frame, right column first, or row by row across the columns.

    `previous` are the column boundaries of the page before, which a page that ends a section
    of columns in its first column only takes over; the page's own boundaries are returned.
    """
    if not page.lines:
        return []
    boundaries = _find_boundaries(page.lines) or _taken_over(page.lines, previous)
    if boundaries:
        _read_in_columns(page, boundaries)
    else:
        page_left = min(line.left for line in page.lines)
        for line in page.lines:
            line.column_left = page_left
    return boundaries


def _read_in_columns(page: Page, boundaries: list[float]) -> None:
    columns, spanning = _split_columns(page.lines, boundaries)
    full_width = len(columns)  # a full-width line comes after the columns above it
    column_of = {id(line): index for index, column in enumerate(columns) for line in column}
    spanning_tops = sorted(-line.baseline for line in spanning)
    places: dict[int, tuple[int, int]] = {}
    for line in page.lines:
        # The band is the number of full-width lines above the line.
        band = bisect.bisect_left(spanning_tops, -line.baseline - SAME_LINE * line.height)
        places[id(line)] = (band, column_of.get(id(line), full_width))
    page.lines.sort(key=lambda line: places[id(line)])
    for column in columns:
        _set_column_edges(column)
    page_left = min(line.left for line in page.lines)
    for line in spanning:
        line.column_left = page_left
    for upper, lower in pairwise(page.lines):
        upper_band, upper_column = places[id(upper)]
        lower_band, lower_column = places[id(lower)]
        same_band = upper_band == lower_band
        lower.column_break = same_band and upper_column < lower_column < full_width


def _find_boundaries(lines: list[Line]) -> list[float]:
    """Where the page's text parts into columns, left to right: the middle of each gutter, a
    vertical strip that only full-width lines cross. Nothing on a page of one column."""
    if len(lines) < 2 * _MIN_COLUMN_LINES:
        return []
    left = min(line.left for line in lines)
    right = max(line.right for line in lines)
    margin = _MIN_COLUMN_SHARE * (right - left)
    # A cheap first test: the lines of a second column start well inside the text.
    if sum(line.left >= left + margin for line in lines) < _MIN_COLUMN_LINES:
        return []
    height = sorted(line.height for line in lines)[len(lines) // 2]
    boundaries = [
        (start + end) / 2 for start, end in _valleys(lines) if end - start >= MIN_GUTTER * height
    ]
    edges = [left, *boundaries, right]
    if not boundaries or any(after - before < margin for before, after in pairwise(edges)):
        return []
    columns, _ = _split_columns(lines, boundaries)
    if all(len(column) >= _MIN_COLUMN_LINES and _fills(column) for column in columns):
        return boundaries
    return []


def _taken_over(lines: list[Line], previous: list[float]) -> list[float]:
    """The page before's column boundaries, if most of this page's lines are body text within
    those columns (the end of a section of columns that fills one column only)."""
    if not previous:
        return []
    columns, spanning = _split_columns(lines, previous)
    if len(spanning) * 2 > len(lines) or not all(_fills(column) for column in columns if column):
        return []
    return previous


def _valleys(lines: list[Line]) -> list[tuple[float, float]]:
    """The x ranges inside the text that fewer lines cross than on either side of them, and at
    most a third of the page's lines (the full-width ones): the gutters, with ragged line ends
    and the starts of the next column's lines on either side."""
    events = sorted([(line.left, 1) for line in lines] + [(line.right, -1) for line in lines])
    stretches: list[tuple[float, float, int]] = []  # (from x, to x, lines crossing)
    depth = 0
    for (x, step), (next_x, _) in pairwise(events):
        depth += step
        if next_x <= x:
            continue
        if stretches and stretches[-1][2] == depth:
            stretches[-1] = (stretches[-1][0], next_x, depth)
        else:
            stretches.append((x, next_x, depth))
    allowed = int(_MAX_SPANNING_SHARE * len(lines))
    return [
        (start, end)
        for (_, _, before), (start, end, depth), (_, _, after) in zip(
            stretches, stretches[1:], stretches[2:], strict=False
        )
        if depth <= allowed and depth < before and depth < after
    ]


def _split_columns(
    lines: list[Line], boundaries: list[float]
) -> tuple[list[list[Line]], list[Line]]:
    """The lines of each column, and the lines that cross a boundary (full-width lines)."""
    columns: list[list[Line]] = [[] for _ in range(len(boundaries) + 1)]
    spanning = []
    for line in lines:
        index = _column_of(line, boundaries)
        if index is None:
            spanning.append(line)
        else:
            columns[index].append(line)
    return columns, spanning


def _column_of(line: Line, boundaries: list[float]) -> int | None:
    for index, boundary in enumerate(boundaries):
        if line.right <= boundary:
            return index
        if line.left < boundary:
            return None
    return len(boundaries)


def _fills(column: list[Line]) -> bool:
    """Whether the lines fill their column as wrapped body text does."""
    edge = max(line.right for line in column)
    reach = edge - _FILL_TOLERANCE * (edge - min(line.left for line in column))
    return sum(line.right >= reach for line in column) >= _MIN_FILL_SHARE * len(column)


def _set_column_edges(column: list[Line]) -> None:
    if not column:
        return
    left = min(line.left for line in column)
    right = column_right_edge([line.right for line in column])
    for line in column:
        line.column_left, line.column_right = left, right
