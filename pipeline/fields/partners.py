"""The partner table, however it was rendered: real table rows (DOCX, HTML, PDF), pipe rows
(`| name | type |`), or a flattened table whose cells come as alternating name/type lines.

Rows with a missing name or type are kept with `None`. In flattened text only a known type
wording tells a type line from a name line, so an unknown type there reads as a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.blocks import BlockKind
from pipeline.fields.choices import lookup
from pipeline.normalize import Cell, Line, match_key
from pipeline.tables import load_table

_RULE = re.compile(r"\s*:?-{3,}:?\s*")


@dataclass(frozen=True, slots=True)
class PartnerRow:
    name: Cell | None
    type: Cell | None
    entity_type: str | None
    page: int | None


def parse_partners(lines: tuple[Line, ...]) -> list[PartnerRow]:
    rows: list[PartnerRow] = []
    pending: Cell | None = None  # a name line waiting for its type line
    pending_page: int | None = None
    for line in lines:
        cells = _cells(line)
        # A table's caption or a heading above it names the table, not a partner.
        if line.kind == BlockKind.HEADING or _is_header(cells):
            continue
        if len(cells) >= 2 or line.cells is not None:
            if pending is not None:
                rows.append(PartnerRow(pending, None, None, pending_page))
                pending = None
            name, kind = _name_and_type(cells)
            if name is not None or kind is not None:
                rows.append(PartnerRow(name, kind, _entity_type(kind), line.page))
            continue
        cell = cells[0]
        entity_type = lookup("entity_type", cell.text)
        if entity_type is not None:
            rows.append(PartnerRow(pending, cell, entity_type, pending_page or line.page))
            pending = None
        else:
            if pending is not None:
                rows.append(PartnerRow(pending, None, None, pending_page))
            pending, pending_page = cell, line.page
    if pending is not None:
        rows.append(PartnerRow(pending, None, None, pending_page))
    return rows


def _cells(line: Line) -> list[Cell]:
    """A line's cells: the table's own, or the pieces between pipes of a drawn table."""
    if line.cells is not None:
        return list(line.cells)
    if "|" not in line.text:
        return [Cell(line.text, line.start, line.end)]
    cells = []
    position = 0
    pieces = line.text.split("|")
    for number, piece in enumerate(pieces):
        stripped = piece.strip()
        start = line.start + position + (len(piece) - len(piece.lstrip()))
        position += len(piece) + 1
        # The outer pipes of `| name | type |` leave empty first and last pieces.
        if not stripped and number in (0, len(pieces) - 1):
            continue
        cells.append(Cell(stripped, start, start + len(stripped)))
    return cells


def _name_and_type(cells: list[Cell]) -> tuple[Cell | None, Cell | None]:
    filled = [cell if cell.text else None for cell in cells]
    if len(filled) == 1:
        only = filled[0]
        if only is not None and lookup("entity_type", only.text) is not None:
            return None, only
        return only, None
    return filled[0], filled[1]


def _entity_type(cell: Cell | None) -> str | None:
    if cell is None:
        return None
    return lookup("entity_type", cell.text) or "other"


@cache
def _header_keys() -> tuple[set[str], set[str]]:
    table = load_table("labels")
    names = {match_key(text) for texts in table["partner_name_header"].values() for text in texts}
    types = {match_key(text) for texts in table["partner_type_header"].values() for text in texts}
    return names, types


def _is_header(cells: list[Cell]) -> bool:
    """The table's header row, in cells or glued into one line (`Name of partnerType of entity`),
    or the rule drawn under it."""
    names, types = _header_keys()
    keys = [match_key(cell.text) for cell in cells if cell.text]
    if not keys or all(_RULE.fullmatch(cell.text) for cell in cells if cell.text):
        return True  # no text, or the rule under a drawn table's header (`---|---|`)
    if len(keys) >= 2:
        return keys[0] in names or keys[1] in types
    glued = keys[0].replace(" ", "")
    return (
        any(glued == (name + kind).replace(" ", "") for name in names for kind in types)
        or keys[0] in names
        or keys[0] in types
    )
