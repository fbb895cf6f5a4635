"""Reviewers' corrections laid over a record: the corrected view (docs/record.md, "Corrections").

The record stays the machine's output. `corrected_view` applies every stored change on top of
it, in the order the changes were stored (a later change of the same value wins), and keeps the
machine's value beside each corrected one. A change is re-anchored by measure id, field path and
the value the reviewer saw (`old`): a change whose measure is gone (the document was segmented
anew) is an orphan and is not applied; one whose `old` differs from the machine's value of today
still applies (the reviewer read the source) and is listed as a conflict. Both lists are for a
person to settle.

`problems` checks a corrections file against its record before anything is stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from schemas.corrections import Change, ChangeKind, Corrections, ReviewState
from schemas.measure import FieldKind, measure_fields
from schemas.report import ReportRecord

# The lists of codes a reviewer sets by their codes alone (`["music", "cinema"]`).
_CODED = frozenset(field.path[0] for field in measure_fields(FieldKind.CODED))
# The value of a measure the reviewer adds, before its fields are set.
_BLANK_MEASURE: dict[str, Any] = {
    "title": None,
    "agency": None,
    "country": None,
    "year": None,
    "reported_by_civil_society": False,
    "description": None,
    "website": None,
    "results": None,
    "key_objectives": None,
    "scope": [],
    "nature": [],
    "budget": {"raw": None, "status": "absent", "amount": None, "currency": None, "amounts": []},
    "partners": [],
    "evaluation": {"evaluated": None, "conclusions": None},
    "goals": [],
    "areas_of_monitoring": [],
    "cultural_domains": [],
    "transversal_priorities": [],
    "languages": {},
    "entities": [],
    "spans": {},
}
_PARTNER_DEFAULTS = {"name": None, "entity_type": None, "raw_type": None, "span": None}


class PathError(ValueError):
    """A field path that names nothing in the record."""


@dataclass(frozen=True, slots=True)
class Conflict:
    change: Change
    machine: Any
    """The machine's value of today, which differs from what the reviewer saw."""


@dataclass(slots=True)
class CorrectedView:
    """A record with its corrections applied, and what a reviewer must know about them."""

    record: ReportRecord
    machine: dict[str, Any] = field(default_factory=dict)
    """`<measure id or "report">:<path>` of each corrected value -> the machine's value."""
    confirmed: set[str] = field(default_factory=set)
    excluded: list[str] = field(default_factory=list)
    """Ids of the measures marked as not a measure, left out of `record`."""
    added: list[str] = field(default_factory=list)
    review_state: ReviewState = ReviewState.UNREVIEWED
    orphans: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def unsettled(view: CorrectedView) -> dict[str, list[dict[str, Any]]]:
    """The view's orphans and conflicts as JSON data, for changes.json and the review page."""
    return {
        "orphans": [change.model_dump(mode="json") for change in view.orphans],
        "conflicts": [
            {**conflict.change.model_dump(mode="json"), "machine_now": conflict.machine}
            for conflict in view.conflicts
        ],
    }


def place(measure_id: str | None, path: str | None) -> str:
    """The key naming a value across the view: `report:period.start`, `<id>:budget.amount`."""
    return f"{measure_id or 'report'}:{path or ''}"


def added_measure_id(record_sha256: str, change: Change) -> str:
    """A stable id for a measure a reviewer adds: from the record and the fields given."""
    digest = hashlib.sha256(_canonical(change.new).encode()).hexdigest()[:8]
    return f"{record_sha256[:16]}-added-{digest}"


def problems(
    record: ReportRecord, corrections: Corrections, earlier: Sequence[Corrections] = ()
) -> list[str]:
    """Why `corrections` cannot be stored for `record` (nothing when it can): another record,
    an unknown measure, a path naming nothing, a value the contract refuses. Measures added by
    `earlier` corrections of the record count as known."""
    if corrections.record_sha256 != record.source.sha256:
        return [f"the corrections are for record {corrections.record_sha256[:12]}…, not this one"]
    machine = record.model_dump(mode="json")
    data = record.model_dump(mode="json")
    for change in (c for stored in earlier for c in stored.changes):
        if change.kind == ChangeKind.ADD_MEASURE:
            _add_measure(data, change, record.source.sha256)
    # Against the version reviewed, `old` must be the machine's value; a file made on an older
    # version is re-anchored when the view is built instead.
    same_version = corrections.extractor_version == record.extractor.version
    found = []
    for number, change in enumerate(corrections.changes, start=1):
        try:
            _apply(data, change, record.source.sha256, machine if same_version else None)
        except (PathError, ValueError) as error:
            where = place(change.measure_id, change.field)
            found.append(f"change {number} ({change.kind}, {where}): {error}")
    if not found:
        try:
            ReportRecord.model_validate(data)
        except ValidationError as error:
            found += [f"a value the record's contract refuses: {_first_error(error)}"]
    return found


def corrected_view(record: ReportRecord, stored: Iterable[Corrections]) -> CorrectedView:
    """`record` with every stored change applied in order, re-anchored (module docstring)."""
    original = record.model_dump(mode="json")
    data = record.model_dump(mode="json")
    view = CorrectedView(record)
    for corrections in stored:
        if corrections.review_state is not None:
            view.review_state = corrections.review_state
        for change in corrections.changes:
            _overlay(original, data, change, record.source.sha256, view)
    excluded = set(view.excluded)
    data["measures"] = [m for m in data["measures"] if m["measure_id"] not in excluded]
    view.record = ReportRecord.model_validate(data)
    return view


def _overlay(
    original: dict[str, Any],
    data: dict[str, Any],
    change: Change,
    sha256: str,
    view: CorrectedView,
) -> None:
    """Lay one stored change over `data`; `original` is the machine's record, against which
    what the reviewer saw is re-anchored (not the value an earlier correction gave)."""
    if change.kind == ChangeKind.ADD_MEASURE:
        view.added.append(_apply(data, change, sha256))
        return
    if change.measure_id is not None and _measure(data, change.measure_id) is None:
        view.orphans.append(change)
        return
    if change.kind == ChangeKind.NOT_A_MEASURE:
        if change.measure_id not in view.excluded:
            view.excluded.append(str(change.measure_id))
        return
    if change.kind == ChangeKind.IS_A_MEASURE:
        view.excluded = [other for other in view.excluded if other != change.measure_id]
        return
    key = place(change.measure_id, change.field)
    try:
        machine = _machine_value(original, data, change)
    except PathError:
        view.orphans.append(change)
        return
    if _canonical(machine) != _canonical(change.old):
        view.conflicts.append(Conflict(change, machine))
    if change.kind == ChangeKind.CONFIRM and key not in view.machine:
        if _canonical(machine) == _canonical(change.old):
            view.confirmed.add(key)
            return
    view.machine.setdefault(key, machine)
    view.confirmed.discard(key)
    _apply(data, change, sha256)


def _machine_value(original: dict[str, Any], data: dict[str, Any], change: Change) -> Any:
    """The machine's value at the change's place; where only corrections made that place (a
    partner row or a measure a reviewer added), the value they made."""
    parts = _parts(change.field)
    try:
        return _get(_target(original, change.measure_id), parts)
    except PathError:
        return _get(_target(data, change.measure_id), parts)


def _apply(
    data: dict[str, Any], change: Change, sha256: str, machine: dict[str, Any] | None = None
) -> str:
    """Apply one change to the record's JSON data in place; the id of an added measure. With
    the `machine` record's data, what the reviewer saw (`old`) must be its value."""
    if change.kind == ChangeKind.ADD_MEASURE:
        return _add_measure(data, change, sha256)
    target = _target(data, change.measure_id)
    if change.kind in {ChangeKind.NOT_A_MEASURE, ChangeKind.IS_A_MEASURE}:
        return ""
    parts = _parts(change.field)
    current = _get(target, parts)
    if machine is not None and change.measure_id in _machine_ids(machine):
        seen = _get(_target(machine, change.measure_id), parts)
        if _canonical(seen) != _canonical(change.old):
            raise ValueError(f"'old' is {_short(change.old)}, the record holds {_short(seen)}")
    if change.kind == ChangeKind.SET:
        _set(target, parts, _expanded(parts, change.new))
    elif change.kind == ChangeKind.WRONG:
        _set(target, parts, [] if isinstance(current, list) else None)
    elif change.kind == ChangeKind.CONFIRM:
        _set(target, parts, change.old)
    return ""


def _add_measure(data: dict[str, Any], change: Change, sha256: str) -> str:
    measure_id = added_measure_id(sha256, change)
    if _measure(data, measure_id) is not None:
        return measure_id  # the same measure added again by a later export
    measure = json.loads(json.dumps(_BLANK_MEASURE))
    measure["measure_id"] = measure_id
    measure["index"] = len(data["measures"])
    for path, value in dict(change.new).items():
        parts = _parts(path)
        _get(measure, parts)  # a path the measure has
        _set(measure, parts, _expanded(parts, value))
    if not measure["title"]:
        raise ValueError("an added measure needs its title")
    data["measures"].append(measure)
    return measure_id


def _target(data: dict[str, Any], measure_id: str | None) -> dict[str, Any]:
    if measure_id is None:
        report: dict[str, Any] = data["report"]
        return report
    measure = _measure(data, measure_id)
    if measure is None:
        raise PathError(f"the record has no measure '{measure_id}'")
    return measure


def _machine_ids(machine: dict[str, Any]) -> set[str | None]:
    return {None} | {measure["measure_id"] for measure in machine["measures"]}


def _measure(data: dict[str, Any], measure_id: str) -> dict[str, Any] | None:
    return next((m for m in data["measures"] if m["measure_id"] == measure_id), None)


def _parts(path: str | None) -> list[str | int]:
    if not path:
        raise PathError("no field path")
    return [int(part) if part.isdigit() else part for part in path.split(".")]


def _get(value: Any, parts: Sequence[str | int]) -> Any:
    for part in parts:
        if isinstance(value, dict) and isinstance(part, str) and part in value:
            value = value[part]
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        elif isinstance(value, list) and isinstance(part, int) and part == len(value):
            return None  # one past the end: a row the reviewer adds
        else:
            raise PathError(f"'{part}' names nothing there")
    return value


def _set(target: Any, parts: Sequence[str | int], value: Any) -> None:
    container = _get(target, parts[:-1]) if len(parts) > 1 else target
    last = parts[-1]
    if isinstance(container, list) and isinstance(last, int) and last == len(container):
        container.append(value)
    elif isinstance(container, (dict, list)):
        container[last] = value  # type: ignore[index]
    else:
        raise PathError(f"'{last}' names nothing there")


def _expanded(parts: Sequence[str | int], value: Any) -> Any:
    """A reviewer's short value in the contract's shape: codes alone for a coded list, a
    partner row without its span."""
    head = parts[0]
    if head in _CODED and len(parts) == 1 and isinstance(value, list):
        return [_coded(code) if isinstance(code, str) else code for code in value]
    if head == "partners":
        if len(parts) == 1 and isinstance(value, list):
            return [_partner(row) for row in value]
        if len(parts) == 2 and isinstance(value, dict):
            return _partner(value)
    return value


def _coded(code: str) -> dict[str, Any]:
    return {"code": code, "raw": code, "source": "form", "span": None, "evidence": []}


def _partner(row: Any) -> Any:
    return {**_PARTNER_DEFAULTS, **row, "source": "form"} if isinstance(row, dict) else row


def _canonical(value: Any) -> str:
    """The value as JSON, a whole number written alike as 65000 or 65000.0 (a page's script
    cannot tell them apart)."""
    return json.dumps(_whole_numbers(value), sort_keys=True, ensure_ascii=False)


def _whole_numbers(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    return value


def _short(value: Any) -> str:
    text = _canonical(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}"
