"""A budget text cut into one segment per amount: ranges, years, totals and caps, and the
amount a budget states."""

from __future__ import annotations

import re
from typing import Final

from pipeline.fields.money_figures import Figure, gap_is
from pipeline.fields.money_words import (
    BOUND_AFTER_RE,
    BOUND_BEFORE_RE,
    MAX_PART_GAP,
    PART_BEFORE_RE,
    RANGE_CLOSED_GAP_RE,
    RANGE_FROM_RE,
    RANGE_OPEN_GAP_RE,
    RANGE_OPENER_RE,
    TOTAL_AFTER_RE,
    TOTAL_BEFORE_RE,
    YEAR_OF_PRECEDING_RE,
)
from pipeline.patterns import (
    HSPACE,
)

# Ranked: a line break separates items more surely than a dash, a dash more than a comma.
_SEPARATOR_RE: Final = re.compile(
    r"(?P<line>\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029])|(?P<semicolon>;)"
    rf"|(?P<slash>{HSPACE}/{HSPACE})|(?P<dash>{HSPACE}[-\u2013\u2014]{HSPACE})|(?P<comma>,\s)"
)
_SEPARATOR_RANK: Final = {"line": 5, "semicolon": 4, "slash": 3, "dash": 2, "comma": 1}


def figure_unit_ends(figures: list[Figure]) -> dict[int, int]:
    """Where each figure ends together with the parentheses of its conversions (by id)."""
    ends = {id(f): f.end for f in figures}
    for figure in figures:
        if figure.base is not None and figure.removal is not None:
            ends[id(figure.base)] = max(ends[id(figure.base)], figure.removal[1])
    return ends


def mark_ranges(text: str, anchors: list[Figure], unit_ends: list[int]) -> set[int]:
    """Pairs "between X and Y", "X - Y", "de X à Y": bounds, not an allocation.

    Returns the indexes i whose pair (i, i+1) is a range. An end naming no currency takes the
    other's, and the low end its scale when smaller ("between 1 and 2 million").
    """
    ranges = set()
    for i, (low, high) in enumerate(zip(anchors, anchors[1:], strict=False)):
        if low.currency and high.currency and low.currency != high.currency:
            continue
        window = max(0, low.start - 12)
        if gap_is(text, unit_ends[i], high.start, RANGE_OPEN_GAP_RE):
            opener = RANGE_FROM_RE.search(text, window, low.start)
        else:
            opener = RANGE_OPENER_RE.search(text, window, low.start)
            if opener is None or not gap_is(text, unit_ends[i], high.start, RANGE_CLOSED_GAP_RE):
                continue
        ranges.add(i)
        low.bound = high.bound = True
        # "between", "and", the dash: nothing a note should keep once both ends are gone.
        low.removal = (opener.start() if opener else low.start, low.end)
        high.removal = (unit_ends[i], high.end)
        low.currency = low.currency or high.currency
        high.currency = high.currency or low.currency
        if low.scale == 1.0 and high.scale != 1.0 and low.value < high.value / high.scale:
            low.value, low.scale = low.value * high.scale, high.scale
    return ranges


def choose_cuts(
    text: str, anchors: list[Figure], unit_ends: list[int], ranges: set[int]
) -> list[tuple[int, int]]:
    """Pick one separator between each pair of amounts: the strongest, then by layout.

    When text precedes the first amount ("Ministry - 4500 USD - …") notes lead their figure,
    so the first separator after an amount cuts; otherwise ("4500 USD - Ministry - …") the
    last one before the next amount does.
    """
    leading = any(ch.isalnum() for ch in text[: anchors[0].start])
    cuts = []
    for i in range(len(anchors) - 1):
        if i in ranges or unit_ends[i] > anchors[i + 1].start:
            continue
        matches = list(_SEPARATOR_RE.finditer(text, unit_ends[i], anchors[i + 1].start))
        if not matches:
            continue
        best = max(_SEPARATOR_RANK[m.lastgroup or "comma"] for m in matches)
        strongest = [m for m in matches if _SEPARATOR_RANK[m.lastgroup or "comma"] == best]
        cuts.append((strongest[0] if leading else strongest[-1]).span())
    return cuts


def split_segments(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text)]
    return list(zip(starts, ends, strict=True))


def attach_years(text: str, figures: list[Figure], anchors: list[Figure]) -> None:
    """A year labels the next amount of its segment (the nearest year wins), else the last one
    before it that has none ("5 000 USD (2019)", "5 000 USD in 2019")."""
    by_segment: dict[int, list[Figure]] = {}
    for anchor in anchors:
        by_segment.setdefault(anchor.segment, []).append(anchor)
    for year in (f for f in figures if f.is_year):
        same = by_segment.get(year.segment, [])
        following = next((a for a in same if a.start > year.start), None)
        preceding = [a for a in same if a.start < year.start and a.year is None]
        if preceding and YEAR_OF_PRECEDING_RE.search(text, max(0, year.start - 12), year.start):
            # "USD 560 000 in 2022 and USD 560 150 in 2023": the year closes its amount.
            following = None
        target = following or (preceding[-1] if preceding else None)
        if target is not None:
            target.year = int(year.value)
    for figure in figures:
        if figure.base is not None:
            figure.year = figure.base.year


def mark_totals_and_bounds(
    text: str,
    figures: list[Figure],
    anchors: list[Figure],
    segments: list[tuple[int, int]],
    unit_ends: dict[int, int],
) -> None:
    """Flag explicit totals ("Total: …", "… au total", a figure whose part follows with "dont",
    "of which") and caps ("up to …", "jusqu'à …").

    A total keyword counts only with no other figure, not even a year, between it and the
    figure: "Total 2019: 50 000; 2020: 60 000" is a per-year list, not a total.
    """
    previous_end = {id(f): (figures[i - 1].end if i else 0) for i, f in enumerate(figures)}
    total_after_end = 0
    for anchor in anchors:
        floor = max(anchor.start - 60, previous_end[id(anchor)], segments[anchor.segment][0])
        # A keyword that closed the figure before ("1 120 150 USD in total (560 000 …") is
        # that figure's, not this one's.
        floor = max(floor, total_after_end)
        unit_end = unit_ends[id(anchor)]
        after = TOTAL_AFTER_RE.match(text, unit_end)
        if after:
            total_after_end = after.end()
        if TOTAL_BEFORE_RE.search(text, max(0, floor), anchor.start) or after:
            anchor.total = True
        before = text[max(0, anchor.start - 40) : anchor.start]
        if BOUND_BEFORE_RE.search(before) or BOUND_AFTER_RE.match(text, unit_end):
            anchor.bound = True
    for previous, anchor in zip(anchors, anchors[1:], strict=False):
        # "… 420 000 EUR par an dont 300 000 EUR …": a part names the figure before it a total.
        gap = text[unit_ends[id(previous)] : anchor.start]
        if len(gap) <= MAX_PART_GAP and "\n" not in gap and PART_BEFORE_RE.search(gap):
            previous.total = True


def choose_amount(anchors: list[Figure]) -> Figure | None:
    if len(anchors) == 1:
        chosen: Figure | None = anchors[0]
    else:
        totals = {(f.value, f.currency): f for f in anchors if f.total}
        chosen = next(iter(totals.values())) if len(totals) == 1 else None
    return None if chosen is None or chosen.bound else chosen
