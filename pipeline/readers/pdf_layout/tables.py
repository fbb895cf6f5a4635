"""Ruled tables in the text: the lines inside a table left out of the paragraphs, the cells'
lines joined, and a table that goes on over a page break read as one."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.readers.pdf_layout.hyphenation import Vocabulary, close_hyphen, join_lines
from pipeline.readers.pdf_layout.lines import (
    LINE_BREAKS,
    WORD_HYPHEN_AT_END,
    Hyphen,
    Line,
    clean,
    split_hyphen,
)
from pipeline.readers.pdf_tables import RuledTable

# A table that continues on the next page has the same column edges there (in points).
_TABLE_ALIGNMENT = 3.0


@dataclass(slots=True)
class TableRun:
    """A ruled table's rows as (page, cells), possibly continued over several pages."""

    edges: tuple[float, ...]
    rows: list[tuple[int, tuple[str, ...]]]


def _cell_text(cell: str, vocabulary: Vocabulary) -> str:
    text = ""
    hyphen = Hyphen.NONE
    for raw in LINE_BREAKS.split(cell):
        line, next_hyphen = split_hyphen(clean(raw), hyphen_marker=False)
        if line:
            text = join_lines(text, hyphen, line, vocabulary) if text else line
            hyphen = next_hyphen
    return close_hyphen(text, hyphen)


def drop_table_lines(lines: list[Line], tables: list[RuledTable]) -> list[Line]:
    """The lines outside every table; a line after a table starts a new paragraph."""
    kept: list[Line] = []
    dropped = False
    for line in lines:
        if any(_inside(line, table) for table in tables):
            dropped = True
            continue
        if dropped or (kept and _table_between(kept[-1], line, tables)):
            line.break_before = True
        kept.append(line)
        dropped = False
    return kept


def _inside(line: Line, table: RuledTable) -> bool:
    middle = (line.top + line.bottom) / 2
    return (
        table.bottom <= middle <= table.top and line.left < table.right and line.right > table.left
    )


def _table_between(upper: Line, lower: Line, tables: list[RuledTable]) -> bool:
    return any(upper.bottom >= table.top and table.bottom >= lower.top for table in tables)


def table_run(table: RuledTable, page: int, vocabulary: Vocabulary) -> TableRun:
    rows = [(page, tuple(_cell_text(cell, vocabulary) for cell in row)) for row in table.rows]
    return TableRun(table.edges, rows)


def same_columns(edges: tuple[float, ...], other: tuple[float, ...]) -> bool:
    return len(edges) == len(other) and all(
        abs(edge - other_edge) <= _TABLE_ALIGNMENT
        for edge, other_edge in zip(edges, other, strict=True)
    )


def extend_table(run: TableRun, following: TableRun, vocabulary: Vocabulary) -> None:
    rows = following.rows
    # Word and LibreOffice repeat the header row on every page the table takes.
    if rows[0][1] == run.rows[0][1]:
        rows = rows[1:]
    if rows and _splits_row(run, rows[0][1]):
        page, cells = run.rows[-1]
        rest = rows[0][1]
        joined = (
            _join_cells(cell, more, vocabulary) for cell, more in zip(cells, rest, strict=False)
        )
        run.rows[-1] = (page, tuple(joined))
        rows = rows[1:]
    run.rows.extend(rows)


def _splits_row(run: TableRun, cells: tuple[str, ...]) -> bool:
    """Whether `cells`, the first row on a page, is the rest of the run's last row, cut by the
    page break (Word and LibreOffice let a row break across pages by default).

    A cut row goes on in the cells whose text did not fit, and the cells whose text ended on the
    page before stay empty: `Kolkata Community Radio | CSO` goes on as `Association | `. So the
    row's filled cells must be among those filled above it, and not all of them, unless every
    cell goes on in lower case. The price: a partner without a type that happens to open a page
    is taken for the end of the name above it.
    """
    previous = run.rows[-1][1]
    filled = [cell for cell in cells if cell]
    if filled and all(cell[:1].islower() for cell in filled):
        return True
    pairs = list(zip(cells, previous, strict=False))
    goes_on = bool(filled) and all(above for cell, above in pairs if cell)
    if not goes_on or not any(above and not cell for cell, above in pairs):
        return False
    # Where the first column has empty cells already (a cell merged over several rows), an
    # empty first cell is no sign of a cut row.
    return bool(cells[0]) or all(row[0] for _, row in run.rows)


def _join_cells(cell: str, more: str, vocabulary: Vocabulary) -> str:
    if not cell or not more:
        return cell or more
    if WORD_HYPHEN_AT_END.search(cell):
        return join_lines(cell[:-1], Hyphen.HARD, more, vocabulary)
    return f"{cell} {more}"
