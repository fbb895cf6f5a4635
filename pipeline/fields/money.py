"""Budget values: the free text of a measure's budget field in, a `Budget` out.

Every figure is kept with its currency, year and note; `amount` is set only for a single
allocation or an explicit total (docs/record.md). The vocabulary lives in `pipeline/data/money.toml`.

  money_words     the vocabulary as regexes       money_numbers  "1.234.567,89" -> 1234567.89
  money_figures   the figures, currency attached  money_segments one segment per amount
  money_notes     what each segment says besides its figures
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from pipeline.fields.money_figures import Figure, find_figures
from pipeline.fields.money_notes import removal_span, segment_note
from pipeline.fields.money_numbers import parse_number
from pipeline.fields.money_segments import (
    attach_years,
    choose_amount,
    choose_cuts,
    figure_unit_ends,
    mark_ranges,
    mark_totals_and_bounds,
    split_segments,
)
from pipeline.fields.money_words import NOT_AVAILABLE_TOKENS, normalise_phrase

# parse_number lives in money_numbers; callers import it from here.
__all__ = [
    "ABSENT",
    "NOT_AVAILABLE",
    "STATED",
    "UNPARSED",
    "Budget",
    "MoneyAmount",
    "parse_budget",
    "parse_number",
]

STATED: Final = "stated"
NOT_AVAILABLE: Final = "not_available"
UNPARSED: Final = "unparsed"
ABSENT: Final = "absent"


@dataclass(frozen=True, slots=True)
class MoneyAmount:
    """One figure of the budget text, with its offsets in the raw text (currency/scale included)."""

    value: float
    currency: str | None
    year: int | None
    conversion: bool
    note: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Budget:
    """The budget field: `amount` is the single allocation or the explicit total, else None."""

    raw: str | None
    status: str
    amount: float | None
    currency: str | None
    amounts: tuple[MoneyAmount, ...]
    currency_from_label: bool


# ------------------------------------------------------------------------------- budget


def _is_not_available(raw: str) -> bool:
    value = normalise_phrase(unicodedata.normalize("NFC", raw)).casefold().removesuffix(".")
    return value in NOT_AVAILABLE_TOKENS


def _budget_currency(
    chosen: Figure | None, money: list[Figure], label: str | None
) -> tuple[str | None, bool]:
    """The amount's currency (docs/record.md: `currency` is the ISO 4217 of `amount`, so no
    amount, no currency: each figure keeps its own in `amounts`). The label's currency (2020+
    form: "in USD") applies only when no figure names one.
    """
    if chosen is None:
        return None, False
    if chosen.currency is None and label and not any(f.currency for f in money):
        return label, True
    return chosen.currency, False


def parse_budget(raw: str | None, label_currency: str | None = None) -> Budget:
    """Read a budget value; never raises. `label_currency` is what the field's label names."""
    if raw is None or not raw.strip():
        return Budget(None, ABSENT, None, None, (), False)
    if _is_not_available(raw):
        return Budget(raw, NOT_AVAILABLE, None, None, (), False)
    figures = find_figures(raw)
    anchors = [f for f in figures if not f.is_year and f.base is None]
    if not anchors:
        return Budget(raw, UNPARSED, None, None, (), False)
    unit_ends = figure_unit_ends(figures)
    anchor_ends = [unit_ends[id(a)] for a in anchors]
    ranges = mark_ranges(raw, anchors, anchor_ends)
    segments = split_segments(raw, choose_cuts(raw, anchors, anchor_ends, ranges))
    segment_starts = [start for start, _ in segments]
    for figure in figures:
        figure.segment = bisect_right(segment_starts, figure.number_start) - 1
    attach_years(raw, figures, anchors)
    mark_totals_and_bounds(raw, figures, anchors, segments, unit_ends)
    chosen = choose_amount(anchors)
    money = [f for f in figures if not f.is_year]
    currency, from_label = _budget_currency(chosen, money, label_currency)
    removals: list[list[tuple[int, int]]] = [[] for _ in segments]
    for figure in figures:
        removals[figure.segment].append(removal_span(figure))
    notes = [
        segment_note(raw, start, end, cuts)
        for (start, end), cuts in zip(segments, removals, strict=True)
    ]
    amounts = tuple(
        MoneyAmount(f.value, f.currency, f.year, f.base is not None, notes[f.segment], *f.span)
        for f in money
    )
    amount = chosen.value if chosen is not None else None
    return Budget(raw, STATED, amount, currency, amounts, from_label)
