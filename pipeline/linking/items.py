"""What the linker reads of a measure, and what it says of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LinkItem:
    measure_id: str
    document: str  # the source's sha256: two measures of one document are two policies
    party: str | None  # ISO3 of the reporting Party, else of the measure's country
    cycle: int | None  # the report's cycle (pipeline/cycle.py)
    title: str | None
    agency: str | None
    description: str | None
    domains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    measure_id: str
    cluster_id: str  # the measure id of the cluster's earliest member (cycle, then id)
    score: float | None  # 0–1 similarity to `linked_to`; None for a measure alone
    linked_to: str | None  # the member it was linked by (its strongest accepted link)
    relation: str | None  # "copy" (same cycle or unknown) or "recurrence" (another cycle)
    evidence: str | None  # what decided it, e.g. "title 0.93, description 0.71, agency 1.00"


def item_from_row(row: Mapping[str, Any]) -> LinkItem:
    """The LinkItem of a dataset row (pipeline/dataset)."""
    return LinkItem(
        measure_id=row["measure_id"],
        document=row["source_sha256"],
        party=row.get("party_iso3") or row.get("country_iso3"),
        cycle=row.get("cycle"),
        title=row.get("title"),
        agency=row.get("agency"),
        description=row.get("description"),
        domains=tuple(row.get("cultural_domains") or ()),
    )
