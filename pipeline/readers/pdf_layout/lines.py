"""A PDF page's text lines as the layout rules see them, and the measures they share.

Geometry is in PDF units (points, y up); thresholds are in units of a line's height (PDFium's
loose box: ascent to descent), so that they hold at any font size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from pipeline.readers.pdf_tables import RuledTable

LINE_BREAKS = re.compile(r"[\r\n]+")
# Control characters and stray byte-order marks some producers leave in the text layer.
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\uffff]")
_SPACES = re.compile(r"[ \t]{2,}|\t")
WORD_HYPHEN_AT_END = re.compile(r"[^\W\d_]-$")


# Geometry thresholds, in units of a line's height (PDFium's loose box: ascent to descent).
SAME_LINE = 0.3  # baselines closer than this are one visual line split in two
# Lines whose heights differ by more than this share are set in different sizes (a heading
# and its text); the heights of one size's lines differ by less, measured on different letters.
_SIZE_CHANGE = 0.2
# The column's right edge is the k-th largest line end: robust to a couple of stray lines that
# reach into the margin, which would otherwise make every wrapped line look short.
_COLUMN_EDGE_RANK = 3


class Hyphen(Enum):
    NONE = 0
    HARD = 1  # a visible hyphen ended the line; it is dropped or kept when the lines are joined
    SOFT = 2  # a soft hyphen (U+00AD): always dropped


@dataclass(slots=True)
class Line:
    """One visual line of text with the geometry the paragraph rules need (PDF units, y up)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    baseline: float
    height: float
    first_word_width: float
    bold: bool
    hyphen: Hyphen
    page_width: float
    break_before: bool = False
    # Edges of the text column the line stands in (the page's text on a one-column page, where
    # the right edge is measured over the document); set by `arrange_columns`.
    column_left: float = 0.0
    column_right: float | None = None
    # The first line of a column after the first: it may continue the previous column's paragraph.
    column_break: bool = False


@dataclass(slots=True)
class Page:
    number: int
    lines: list[Line]
    top: float
    bottom: float
    tables: list[RuledTable] = field(default_factory=list)


def clean(text: str) -> str:
    return _SPACES.sub(" ", _UNWANTED.sub("", text)).strip()


def split_hyphen(text: str, hyphen_marker: bool) -> tuple[str, Hyphen]:
    """The line without its end-of-line hyphen, and which kind it was."""
    if hyphen_marker:
        return text.replace("\u00ad", ""), Hyphen.HARD
    if text.endswith("\u00ad"):
        return text.replace("\u00ad", ""), Hyphen.SOFT
    text = text.replace("\u00ad", "")
    if WORD_HYPHEN_AT_END.search(text):
        return text[:-1], Hyphen.HARD
    return text, Hyphen.NONE


def line_pitch(upper: Line, lower: Line) -> float | None:
    """The baseline drop in line heights, or None when the two lines differ in size."""
    return baseline_drop(upper, lower) if same_size(upper, lower) else None


def same_size(upper: Line, lower: Line) -> bool:
    return abs(upper.height - lower.height) <= _SIZE_CHANGE * max(upper.height, lower.height)


def baseline_drop(upper: Line, lower: Line) -> float:
    """How far the baseline moves down from `upper` to `lower`, in line heights."""
    return (upper.baseline - lower.baseline) / max(upper.height, lower.height)


def column_right_edge(rights: list[float]) -> float:
    """The right edge of a column from its lines' ends: the k-th largest, not the largest."""
    return sorted(rights, reverse=True)[min(_COLUMN_EDGE_RANK, len(rights)) - 1]
