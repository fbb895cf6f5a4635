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
    folded = unicodedata.normalize("NFKD", _INVISIBLE.sub("", text).casefold())
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


def normalize(blocks: list[Block]) -> Document:
    """Join the blocks into one text of non-empty lines separated by newlines."""
    lines: list[Line] = []
    offset = 0
    repaired = False
    for block in blocks:
        texts = block.cells if block.cells is not None else tuple(block.text.split("\n"))
        fixed = tuple(repair_mojibake(text) for text in texts)
        repaired = repaired or fixed != texts
        if block.cells is not None:
            # A cell's own line breaks become spaces: a table row is one line of the document.
            cells = tuple(clean_text(cell.replace("\n", " ")) for cell in fixed)
            pieces: list[tuple[str, tuple[str, ...] | None]] = (
                [(" | ".join(cells), cells)] if any(cells) else []
            )
        else:
            pieces = [(text, None) for text in map(clean_text, fixed) if text]
        for line_text, row in pieces:
            if lines:
                offset += 1  # the newline between lines
            lines.append(
                Line(
                    index=len(lines),
                    text=line_text,
                    start=offset,
                    end=offset + len(line_text),
                    page=block.page,
                    kind=block.kind,
                    cells=_cells(row, offset) if row is not None else None,
                    bold=block.bold,
                    level=block.level,
                    key=match_key(line_text),
                )
            )
            offset += len(line_text)
    return Document(
        text="\n".join(line.text for line in lines), lines=tuple(lines), repaired=repaired
    )


def _cells(row: tuple[str, ...], offset: int) -> tuple[Cell, ...]:
    cells = []
    for text in row:
        cells.append(Cell(text=text, start=offset, end=offset + len(text)))
        offset += len(text) + len(" | ")
    return tuple(cells)
