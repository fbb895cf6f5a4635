"""STUB for the review pages (issue #16 item 1): the interface of the completeness module that
another branch writes; its real `missing_items` replaces this one at the merge."""

from __future__ import annotations

from dataclasses import dataclass

from schemas import ReportRecord


@dataclass(frozen=True, slots=True)
class MissingItem:
    """A value the form asks for that the record lacks."""

    measure_id: str | None
    measure_index: int | None
    field: str
    state: str  # blank | not_available | unparsed | ambiguous
    label: str
    detail: str = ""


def missing_items(record: ReportRecord) -> list[MissingItem]:
    """What the record lacks (the stub knows nothing: the real module decides)."""
    return []
