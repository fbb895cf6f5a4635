"""A record's corrected view on its review page (docs/record.md, "Corrections"): which rows a
reviewer corrected and the machine's value beside each, which values were confirmed, which
measures are not measures or were added, what the corrections leave unsettled; and the data
the page's editor needs to export a corrections file (the machine's value of each editable
field, as `old`, the allowed codes)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pipeline.corrections import CorrectedView
from pipeline.review.assets import escape, ui
from pipeline.review.marks import field_key
from schemas import Measure, ReportRecord
from schemas.common import (
    AreaOfMonitoring,
    CulturalDomain,
    EntityType,
    Goal,
    Nature,
    Scope,
    TransversalPriority,
)
from schemas.corrections import ReviewState
from schemas.measure import MEASURE_FIELDS

REPORT = "report"
# The fields a reviewer edits on the page, by how: free text, a list of codes, the budget's
# amount and currency, the partners' rows.
TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "agency",
    "description",
    "results",
    "website",
    "key_objectives",
    "conclusions",
)
CODE_LISTS: dict[str, type[StrEnum]] = {
    "scope": Scope,
    "nature": Nature,
    "goals": Goal,
    "areas_of_monitoring": AreaOfMonitoring,
    "cultural_domains": CulturalDomain,
    "transversal_priorities": TransversalPriority,
}
EDITABLE = {
    **dict.fromkeys(TEXT_FIELDS, "text"),
    **dict.fromkeys(CODE_LISTS, "codes"),
    "year": "year",
    "evaluated": "yes_no",
    "budget": "budget",
    "partners": "partners",
}
# A row's name -> its dotted path in a measure (`conclusions` -> `evaluation.conclusions`).
PATHS = {field.name: ".".join(field.path) for field in MEASURE_FIELDS}


@dataclass(frozen=True, slots=True)
class RowState:
    """What the corrections did to one field row."""

    machine: tuple[tuple[str, Any], ...] = ()
    """(path, machine value) of each value corrected in the row."""
    confirmed: bool = False


def shown_record(record: ReportRecord, view: CorrectedView | None) -> ReportRecord:
    """The record the page lists: each measure as corrected, those marked as not measures as
    the machine made them (shown struck out, for a reviewer to see), the added ones last."""
    if view is None:
        return record
    corrected = {measure.measure_id: measure for measure in view.record.measures}
    measures: list[Measure] = [corrected.get(m.measure_id, m) for m in record.measures]
    measures += [corrected[i] for i in dict.fromkeys(view.added) if i in corrected]
    return view.record.model_copy(update={"measures": measures})


def row_name(unit: str, path: str) -> str:
    """The row showing the value at `path`: the field whose path it is or lies inside."""
    if unit != REPORT:
        for name, field_path in PATHS.items():
            if path == field_path or path.startswith(field_path + "."):
                return name
    return path.split(".")[0]


def row_states(view: CorrectedView | None) -> dict[str, RowState]:
    """Field row key -> what its corrections did."""
    if view is None:
        return {}
    machine: dict[str, list[tuple[str, Any]]] = {}
    for key, value in view.machine.items():
        unit, _, path = key.partition(":")
        machine.setdefault(field_key(unit, row_name(unit, path)), []).append((path, value))
    confirmed = set()
    for key in view.confirmed:
        unit, _, path = key.partition(":")
        confirmed.add(field_key(unit, row_name(unit, path)))
    return {
        key: RowState(tuple(machine.get(key, ())), key in confirmed and key not in machine)
        for key in sorted(set(machine) | confirmed)
    }


def review_state(view: CorrectedView | None) -> str:
    return (view.review_state if view is not None else ReviewState.UNREVIEWED).value


def machine_value(value: Any) -> str:
    """A machine's value as the panel shows it beside its correction."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, dict) and "code" in item for item in value):
        return ", ".join(str(item["code"]) for item in value) or "—"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def unsettled_box(view: CorrectedView | None) -> str:
    """The corrections a person must settle: orphans (not applied), conflicts (applied, the
    machine's value moved since the reviewer saw it)."""
    if view is None or not (view.orphans or view.conflicts):
        return ""
    items = [
        f'<li class="orphan"><span class="tag">{ui("words.orphan")}</span> '
        f"<code>{escape(_where(change.measure_id, change.field))}</code> {escape(change.kind)}"
        f" → {escape(machine_value(change.new))}</li>"
        for change in view.orphans
    ]
    items += [
        f'<li class="conflict"><span class="tag">{ui("words.conflict")}</span> '
        f"<code>{escape(_where(conflict.change.measure_id, conflict.change.field))}</code> "
        f"{ui('words.seen')} {escape(machine_value(conflict.change.old))}; "
        f"{ui('words.machine_now')} {escape(machine_value(conflict.machine))}</li>"
        for conflict in view.conflicts
    ]
    return (
        f'<section id="unsettled"><h2>{ui("words.unsettled")}</h2>'
        f'<p class="help">{ui("words.unsettled_help")}</p><ul>{"".join(items)}</ul></section>'
    )


def _where(measure_id: str | None, path: str | None) -> str:
    return f"{measure_id or REPORT}:{path or ''}"


def edit_data(record: ReportRecord, view: CorrectedView | None) -> dict[str, Any]:
    """What the page's editor needs: the record's identity, the state, the allowed codes, and
    per measure the machine's value (`old`) and the shown value of each editable path."""
    shown = shown_record(record, view)
    machine = {m.measure_id: m.model_dump(mode="json") for m in record.measures}
    excluded = set(view.excluded) if view is not None else set()
    units = {}
    for measure in shown.measures:
        if measure.measure_id in excluded:
            continue
        current = measure.model_dump(mode="json")
        units[measure.measure_id] = {
            "machine": _editable(machine.get(measure.measure_id, current)),
            "current": _editable(current),
        }
    return {
        "sha256": record.source.sha256,
        "extractor_version": record.extractor.version,
        "review_state": review_state(view),
        "states": [state.value for state in ReviewState],
        "codes": {name: [code.value for code in enum] for name, enum in CODE_LISTS.items()},
        "entity_types": [entity.value for entity in EntityType],
        "fields": {name: {"kind": kind, "path": PATHS[name]} for name, kind in EDITABLE.items()},
        "units": units,
    }


def _editable(measure: dict[str, Any]) -> dict[str, Any]:
    values = {PATHS[name]: _at(measure, PATHS[name]) for name in EDITABLE}
    values["budget.amount"] = measure["budget"]["amount"]
    values["budget.currency"] = measure["budget"]["currency"]
    return values


def _at(value: Any, path: str) -> Any:
    for part in path.split("."):
        value = value[part]
    return value
