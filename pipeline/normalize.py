"""Blocks in, a `Document` out: the normalised text that every span indexes, split into lines.

Two normalisations with two purposes. Values keep the source's characters (NFC, whitespace runs
collapsed, invisible characters dropped, mojibake repaired). Matching uses `match_key`, which
also folds case, accents, apostrophes and punctuation, so `Type d’entité` finds `Type d'entité`;
that folding never leaks into a value.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ftfy

from pipeline.blocks import Block, BlockKind

# Soft hyphens, zero-width characters and BOMs are invisible in the source; C0/C1 controls are
# debris of exports (pypdfium2 marks hyphenation with \x02, for instance).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_NOT_WORD = re.compile(r"[\W_]+")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    # NFC is a value rule of its own (clean_text): left to ftfy, any decomposed text would
    # look repaired.
    normalization=None,
    explain=False,
)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the normalised document; `start`/`end` index `Document.text`."""

    index: int
    text: str
    start: int
    end: int
    page: int | None
    kind: BlockKind
    cells: tuple[Cell, ...] | None
    bold: bool
    level: int | None
    key: str


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    lines: tuple[Line, ...]
    repaired: bool


def match_key(text: str) -> str:
    """Fold text for tolerant matching: case, accents, apostrophes, punctuation, spacing."""
    folded = _INVISIBLE.sub("", text).casefold()
    if not folded.isascii():  # ASCII has no accents to strip: most English lines
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(char for char in folded if not unicodedata.combining(char))
        folded = folded.replace("œ", "oe").replace("æ", "ae")
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def clean_text(text: str) -> str:
    """A value's characters as the source has them: NFC, invisible characters dropped, each
    whitespace run one space."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252/latin-1 (`Ã©` → `é`, `â€™` → `’`); ftfy only changes text
    whose damage it can explain, so clean text passes through untouched."""
    return ftfy.fix_text(text, _FTFY_CONFIG)


def page_offsets(document: Document, page_count: int | None = None) -> list[int] | None:
    """Where each page starts in `document.text`, page 1 first, for a paged document (None
    otherwise). A page without a line of text starts where the next page's text does."""
    first: dict[int, int] = {}
    for line in document.lines:
        if line.page is not None:
            first[line.page] = min(first.get(line.page, line.start), line.start)
    if not first:
        return None
    offsets: list[int] = []
    following = len(document.text)
    for page in range(max(max(first), page_count or 0), 0, -1):
        following = min(first.get(page, following), following)
        offsets.append(following)
    return offsets[::-1]


def normalize(blocks: list[Block]) -> Document:
    """Join the blocks into one text of non-empty lines separated by newlines."""
    lines: list[Line] = []
    offset = 0
    repaired = False
    for block in blocks:
        texts = block.cells if block.cells is not None else tuple(block.text.split("\n"))
        fixed = tuple(repair_mojibake(text) for text in texts)
        repaired = repaired or fixed != texts
        pieces = _table_row_lines(fixed) if block.cells is not None else _paragraph_lines(fixed)
        for line_text, cells, separator in pieces:
            if lines:
                offset += 1  # the newline between lines
            lines.append(
                Line(
                    index=len(lines),
                    text=line_text,
                    start=offset,
                    end=offset + len(line_text),
                    page=block.page,
                    kind=BlockKind.PARAGRAPH if block.cells and cells is None else block.kind,
                    cells=_cells(cells, offset, separator) if cells is not None else None,
                    bold=block.bold,
                    level=block.level,
                    key=match_key(line_text),
                )
            )
            offset += len(line_text)
    return Document(
        text="\n".join(line.text for line in lines), lines=tuple(lines), repaired=repaired
    )


_Piece = tuple[str, tuple[str, ...] | None, str]  # line text, its cells, the cells' separator
_TABS = re.compile(r"\t+")


def _paragraph_lines(texts: tuple[str, ...]) -> list[_Piece]:
    """One line per line of text; a line with tabs between words (columns typed without a
    table, `Name<tab>Type`) keeps them apart as cells."""
    pieces: list[_Piece] = []
    for text in texts:
        parts = tuple(part for part in map(clean_text, _TABS.split(text)) if part)
        if len(parts) > 1:
            pieces.append((" ".join(parts), parts, " "))
        elif parts:
            pieces.append((parts[0], None, ""))
    return pieces


def _table_row_lines(cells: tuple[str, ...]) -> list[_Piece]:
    """A table row is one line, its cells joined by ' | ', a cell's own line breaks made spaces.
    A label | value row of a Word template whose value holds paragraphs (or a nested table)
    becomes the label's line and one line per paragraph, so breaks are kept."""
    if len(cells) == 2 and "\n" not in cells[0].strip() and "\n" in cells[1].strip():
        return _paragraph_lines((cells[0],)) + _paragraph_lines(tuple(cells[1].split("\n")))
    cleaned = tuple(clean_text(cell.replace("\n", " ")) for cell in cells)
    if len(cleaned) == 2 and not cleaned[0] and cleaned[1]:
        # A label | value row with an empty label cell continues the value above; a partner row
        # without a name has the same shape and keeps its cells for the partner parser.
        return [(cleaned[1], cleaned, "")]
    return [(" | ".join(cleaned), cleaned, " | ")] if any(cleaned) else []


def _cells(row: tuple[str, ...], offset: int, separator: str) -> tuple[Cell, ...]:
    cells = []
    for text in row:
        cells.append(Cell(text=text, start=offset, end=offset + len(text)))
        offset += len(text) + len(separator)
    return tuple(cells)
