"""Ruled tables of a PDF page: pdfplumber's table algorithm run on what PDFium has already read.

pdfplumber would parse the page a second time with pdfminer to find its rules, which costs more
than reading the whole page's text. PDFium has the page open: its drawn paths become edges the
way pdfminer makes them (each straight piece of a path between two of its points), pdfplumber's
own functions snap, join and intersect the edges into cells, and PDFium's text fills each cell.
Coordinates are PDF units with y up, as in the rest of the PDF reader.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c
from pdfplumber.table import (
    Table,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils import filter_edges

# pdfplumber's default table settings (`TableSettings`), so that the cells are the ones
# `page.find_tables()` finds.
_SNAP = 3.0
_JOIN = 3.0
_EDGE_MIN_LENGTH = 3.0
_EDGE_MIN_LENGTH_PREFILTER = 1.0
_INTERSECTION = 3.0

# PDFium stores points in single precision: coordinates closer than this are equal.
_SAME = 0.01
_MAX_FORM_DEPTH = 3
# The cell search runs only on a page drawing this many horizontal and vertical rules: cells
# need both directions, and most pages draw no more than an underline or a separator.
_MIN_RULES = 2
_RULE_THICKNESS = 3.0
_RULE_MIN_LENGTH = 10.0
# A cell's text is what lies inside its rules; a glyph drawn across a rule by a hair belongs to
# the cell it stands in.
_CELL_INSET = 1.0
_TEXT_BUFFER = 4096

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class RuledTable:
    top: float
    bottom: float
    left: float
    right: float
    # The left edge of each column, and the right edge of the table.
    edges: tuple[float, ...]
    # Each row's cells, their lines kept apart by "\n" so that hyphens are rejoined later.
    rows: tuple[tuple[str, ...], ...]


def find_tables(page: pdfium_c.FPDF_PAGE, textpage: pdfium_c.FPDF_TEXTPAGE) -> list[RuledTable]:
    """The page's ruled tables of two columns or more that hold text, top first."""
    if not _draws_grid(page):
        return []
    edges = filter_edges(_page_edges(page), min_length=_EDGE_MIN_LENGTH_PREFILTER)
    if not edges:
        return []
    edges = filter_edges(
        merge_edges(edges, _SNAP, _SNAP, _JOIN, _JOIN), min_length=_EDGE_MIN_LENGTH
    )
    cells = intersections_to_cells(edges_to_intersections(edges, _INTERSECTION, _INTERSECTION))
    reader = _CellReader(textpage)
    tables = []
    for group in cells_to_tables(cells):
        # `Table` needs its page only to extract text, which PDFium does here.
        found = Table(None, group)  # type: ignore[arg-type]
        rows = [tuple(reader.text(cell) for cell in row.cells) for row in found.rows]
        # A one-column "table" is a framed box: its text reads better as paragraphs.
        if max((len(row) for row in rows), default=0) < 2:
            continue
        kept = tuple(row for row in rows if any(cell.strip() for cell in row))
        if not kept:
            continue
        x0, top, x1, bottom = found.bbox
        tables.append(
            RuledTable(
                top=-top,
                bottom=-bottom,
                left=x0,
                right=x1,
                edges=(*(column.bbox[0] for column in found.columns), x1),
                rows=kept,
            )
        )
    return sorted(tables, key=lambda table: -table.top)


# --- edges -------------------------------------------------------------------------------------


def _draws_grid(page: pdfium_c.FPDF_PAGE) -> bool:
    """Whether a page draws horizontal and vertical rules, as a ruled table does (counted on
    the paths' bounds, stopping as soon as there are enough)."""
    rules = _Rules()
    for path, _ in _paths(page):
        _count_rule(path, rules)
        if rules.enough():
            return True
    return False


@dataclass(slots=True)
class _Rules:
    horizontal: int = 0
    vertical: int = 0

    def enough(self) -> bool:
        return self.horizontal >= _MIN_RULES and self.vertical >= _MIN_RULES


def _paths(
    container: pdfium_c.FPDF_PAGE | pdfium_c.FPDF_PAGEOBJECT,
    depth: int = 0,
    outer: _Matrix = _IDENTITY,
) -> Iterator[tuple[pdfium_c.FPDF_PAGEOBJECT, _Matrix]]:
    """The page's path objects, those inside form XObjects too, each with the matrix of the
    forms around it (the path's own matrix is not applied)."""
    if depth == 0:
        count_objects, get_object = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    else:
        count_objects = pdfium_c.FPDFFormObj_CountObjects
        get_object = pdfium_c.FPDFFormObj_GetObject
    for index in range(count_objects(container)):
        item = get_object(container, index)
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            yield from _paths(item, depth + 1, _compose(outer, _matrix(item)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield item, outer


def _count_rule(path: pdfium_c.FPDF_PAGEOBJECT, rules: _Rules) -> None:
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(path, left, bottom, right, top):
        return
    width, height = right.value - left.value, top.value - bottom.value
    if max(width, height) < _RULE_MIN_LENGTH:
        return
    if height <= _RULE_THICKNESS:
        rules.horizontal += 1
    elif width <= _RULE_THICKNESS:
        rules.vertical += 1
    elif _is_stroked(path):
        # A stroked rectangle or polyline (cell borders drawn in one go) gives both directions;
        # a vector logo is mostly filled shapes.
        rules.horizontal += 2
        rules.vertical += 2


def _is_stroked(path: pdfium_c.FPDF_PAGEOBJECT) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke) and stroke.value)


def _page_edges(page: pdfium_c.FPDF_PAGE) -> list[dict[str, object]]:
    edges: list[dict[str, object]] = []
    for path, outer in _paths(page):
        for subpath in _subpaths(path, _compose(outer, _matrix(path))):
            edges.extend(_straight_edges(subpath))
    return edges


def _matrix(item: pdfium_c.FPDF_PAGEOBJECT) -> _Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(item, matrix):
        return _IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(outer: _Matrix, inner: _Matrix) -> _Matrix:
    """The matrix applying `inner`, then `outer`."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _subpaths(path: pdfium_c.FPDF_PAGEOBJECT, matrix: _Matrix) -> list[list[tuple[float, float]]]:
    """The end points of each subpath's pieces in page space, a closed subpath ending where it
    began. A Bézier piece counts by its end point, as pdfminer counts it."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    points: list[tuple[float, float]] = []
    bezier_points = 0
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            points = [point]
            subpaths.append(points)
            bezier_points = 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            # Two control points, then the end point.
            bezier_points += 1
            if bezier_points % 3 == 0:
                points.append(point)
        else:
            points.append(point)
            bezier_points = 0
        if points and pdfium_c.FPDFPathSegment_GetClose(segment):
            points.append(points[0])
    return subpaths


def _straight_edges(points: list[tuple[float, float]]) -> list[dict[str, object]]:
    """pdfplumber's edges for each horizontal or vertical piece, y flipped into its `top`."""
    edges: list[dict[str, object]] = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if abs(y0 - y1) < _SAME:
            left, right = min(x0, x1), max(x0, x1)
            edges.append(
                {
                    "object_type": "line",
                    "orientation": "h",
                    "x0": left,
                    "x1": right,
                    "top": -y0,
                    "bottom": -y0,
                    "width": right - left,
                    "height": 0.0,
                }
            )
        elif abs(x0 - x1) < _SAME:
            top, bottom = min(-y0, -y1), max(-y0, -y1)
            edges.append(
                {
                    "object_type": "line",
                    "orientation": "v",
                    "x0": x0,
                    "x1": x0,
                    "top": top,
                    "bottom": bottom,
                    "width": 0.0,
                    "height": bottom - top,
                }
            )
    return edges


# --- cell text ---------------------------------------------------------------------------------


class _CellReader:
    def __init__(self, textpage: pdfium_c.FPDF_TEXTPAGE) -> None:
        self._textpage = textpage
        self._buffer = (ctypes.c_ushort * _TEXT_BUFFER)()

    def text(self, cell: tuple[float, float, float, float] | None) -> str:
        """The text inside a cell (x0, top, x1, bottom with y flipped), its lines split by "\n"."""
        if cell is None:
            return ""
        x0, top, x1, bottom = cell
        left, right = x0 + _CELL_INSET, x1 - _CELL_INSET
        upper, lower = -top - _CELL_INSET, -bottom + _CELL_INSET
        if left >= right or lower >= upper:
            return ""
        length = pdfium_c.FPDFText_GetBoundedText(
            self._textpage, left, upper, right, lower, None, 0
        )
        if length <= 0:
            return ""
        buffer = self._buffer if length < _TEXT_BUFFER else (ctypes.c_ushort * (length + 1))()
        written = pdfium_c.FPDFText_GetBoundedText(
            self._textpage, left, upper, right, lower, buffer, length
        )
        raw = bytes(memoryview(buffer).cast("B")[: written * 2]).decode("utf-16-le", "replace")
        # PDFium adds the space that follows a cell's last word on the line.
        return "\n".join(line.strip() for line in raw.split("\r\n"))
