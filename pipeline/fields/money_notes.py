"""The note of each segment: its text with the figures, years and conversions cut out."""

from __future__ import annotations

import re
from typing import Final

from pipeline.fields.money_figures import Figure

_NOTE_SPLIT_RE: Final = re.compile(
    r"(?:^|\s+)[-\u2013\u2014/|]+(?=\s|$)|[;\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
)
_EDGE_PUNCTUATION: Final = " \t-\u2010\u2013\u2014:;,./|*•·_=~+"


def segment_note(text: str, start: int, end: int, removals: list[tuple[int, int]]) -> str | None:
    """The segment's text with its figures, years and conversions cut out, tidied."""
    pieces, cursor = [], start
    for cut_start, cut_end in sorted(removals):
        if cut_start > cursor:
            pieces.append(text[cursor : min(cut_start, end)])
        cursor = max(cursor, cut_end)
    if cursor < end:
        pieces.append(text[cursor:end])
    fragments = _NOTE_SPLIT_RE.split(" ".join(pieces))
    cleaned = [c for c in (_clean_fragment(f) for f in fragments) if c]
    return " - ".join(cleaned) or None


def _clean_fragment(fragment: str) -> str:
    fragment = " ".join(fragment.split())
    while True:
        stripped = fragment.strip(_EDGE_PUNCTUATION)
        if stripped.startswith("(") and stripped.endswith(")") and _balanced(stripped[1:-1]):
            stripped = stripped[1:-1]
        elif stripped.startswith((")", "]")):
            stripped = stripped[1:]
        elif stripped.endswith(("(", "[")):
            stripped = stripped[:-1]
        if stripped == fragment:
            return fragment
        fragment = stripped


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def removal_span(figure: Figure) -> tuple[int, int]:
    return figure.removal if figure.removal is not None else (figure.start, figure.end)
