"""The side panel's content: for the report and each measure, every field with its value as a
person reads it, where the value came from, its issues and what is missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.completeness import MissingItem
from pipeline.review.marks import ENTITIES, field_key
from schemas import Measure, ReportRecord
from schemas.common import Country
from schemas.measure import MEASURE_FIELDS, Budget, FieldKind, field_value
from schemas.outcome import Issue, IssueCode
from schemas.report import Contact, Period

REPORT = "report"
REPORT_FIELDS = (
    "party",
    "period",
    "year",
    "ratification_date",
    "contact",
    "consultation_process",
    "executive_summary",
)
# A value shown in the panel is cut here: its whole text is in the document beside it.
_SHOWN_CHARACTERS = 600
_ENTITY_TEXTS_SHOWN = 12
# Issues that say a value with a span was still not read from its own field.
_INFERRING_ISSUES = frozenset({IssueCode.COUNTRY_INFERRED})

Item = tuple[str, str | None]  # a list value's text, and its own source when it has one


@dataclass(frozen=True, slots=True)
class FieldView:
    key: str
    name: str
    kind: str
    value: str | bool | None
    items: tuple[Item, ...]
    sources: tuple[str, ...]
    issues: tuple[Issue, ...]
    missing: tuple[MissingItem, ...]
    placed: bool  # whether any of its values has a span in the text


@dataclass(frozen=True, slots=True)
class UnitView:
    """The report, or one measure: its fields and the issues that name no field of it."""

    unit: str
    index: int | None
    title: str | None
    fields: tuple[FieldView, ...]
    issues: tuple[Issue, ...]


def unit_views(record: ReportRecord, missing: Sequence[MissingItem]) -> list[UnitView]:
    """The report's view first, then each measure's, in document order."""
    ids = {measure.measure_id: measure.index for measure in record.measures}
    by_unit: dict[int | None, list[MissingItem]] = {}
    for item in missing:
        index = item.measure_index
        if index is None and item.measure_id is not None:
            index = ids.get(item.measure_id)
        by_unit.setdefault(index, []).append(item)
    issues: dict[int | None, list[Issue]] = {}
    for issue in record.issues:
        issues.setdefault(issue.measure_index, []).append(issue)
    no_labels = any(issue.code == IssueCode.NO_FORM_LABELS for issue in record.issues)
    report_fields = [
        _report_field(name, getattr(record.report, name), no_labels) for name in REPORT_FIELDS
    ]
    views = [_unit(REPORT, None, None, report_fields, issues.get(None, []), by_unit.get(None, []))]
    for measure in record.measures:
        views.append(
            _unit(
                measure.measure_id,
                measure.index,
                measure.title,
                _measure_fields(measure),
                issues.get(measure.index, []),
                by_unit.get(measure.index, []),
            )
        )
    return views


def _unit(
    unit: str,
    index: int | None,
    title: str | None,
    fields: list[FieldView],
    issues: list[Issue],
    missing: list[MissingItem],
) -> UnitView:
    """The unit with each issue and missing item on its field's row; a missing item of a field
    without a row gets a row of its own, an issue without a row stays the unit's."""
    names = {view.name for view in fields}
    extra = sorted({item.field for item in missing} - names)
    fields += [FieldView("", name, "other", None, (), (), (), (), False) for name in extra]
    rows = []
    for view in fields:
        rows.append(
            FieldView(
                key=field_key(unit, view.name),
                name=view.name,
                kind=view.kind,
                value=view.value,
                items=view.items,
                sources=_sources(view, issues),
                issues=tuple(issue for issue in issues if issue.field == view.name),
                missing=tuple(item for item in missing if item.field == view.name),
                placed=view.placed,
            )
        )
    loose = tuple(issue for issue in issues if issue.field not in names)
    return UnitView(unit, index, title, tuple(rows), loose)


def _sources(view: FieldView, issues: list[Issue]) -> tuple[str, ...]:
    if any(issue.field == view.name and issue.code in _INFERRING_ISSUES for issue in issues):
        return ("inferred",)
    return view.sources


def _measure_fields(measure: Measure) -> list[FieldView]:
    views = []
    for field in MEASURE_FIELDS:
        value, items = _shown(field.kind, field_value(measure, field))
        sources = tuple(dict.fromkeys(source for _, source in items if source is not None))
        placed = field.name in measure.spans or _has_item_span(field_value(measure, field))
        if not sources and (value not in (None, False) or items):
            # A scalar value read at its place in the form has a span; one without was given
            # by another value (a measure's country taken from the Party).
            sources = ("form",) if placed else ("inferred",)
        views.append(
            FieldView("", field.name, field.kind.value, value, items, sources, (), (), placed)
        )
    views.append(
        FieldView(
            "",
            ENTITIES,
            "entities",
            None,
            _entity_items(measure),
            (),
            (),
            (),
            bool(measure.entities),
        )
    )
    return views


def _shown(kind: FieldKind, value: Any) -> tuple[str | bool | None, tuple[Item, ...]]:
    """A value as the panel shows it: its text (or yes/no) and its list items."""
    if isinstance(value, Budget):
        return _cut(value.raw), _budget_items(value)
    if kind == FieldKind.PARTNERS:
        return None, tuple(
            (
                f"{partner.name or '—'} · {partner.entity_type or '—'}"
                + (f" ({partner.raw_type})" if partner.raw_type else ""),
                partner.source.value,
            )
            for partner in value
        )
    if kind == FieldKind.CODED:
        return None, tuple(
            (f"{item.code.value} · “{item.raw}”", item.source.value) for item in value
        )
    if kind == FieldKind.CODES:
        return (", ".join(code.value for code in value) or None), ()
    return _scalar(value), ()


def _scalar(value: Any) -> str | bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Country):
        return f"{value.name} ({value.iso3})"
    if isinstance(value, Period):
        return f"{value.start or '?'}–{value.end or '?'}" if value.start or value.end else None
    return _cut(str(value))


def _budget_items(budget: Budget) -> tuple[Item, ...]:
    total = None
    if budget.amount is not None:
        total = f"= {_number(budget.amount)} {budget.currency or ''}".rstrip()
    items = [(f"[{budget.status.value}]" + (f" {total}" if total else ""), None)]
    for amount in budget.amounts:
        parts = [_number(amount.value), amount.currency or "", str(amount.year or "")]
        parts += ["conversion" if amount.conversion else "", amount.note or ""]
        items.append((" · ".join(part for part in parts if part), None))
    return tuple(items)


def _number(value: float) -> str:
    # As the record writes it: 65000, not 65000.0 nor 6.5e+04.
    return str(int(value)) if value.is_integer() and abs(value) < 2**63 else str(value)


def _entity_items(measure: Measure) -> tuple[Item, ...]:
    texts: dict[str, dict[str, None]] = {}
    for entity in measure.entities:
        texts.setdefault(entity.label, {})[entity.text] = None
    items = []
    for label, found in sorted(texts.items()):
        shown = list(found)[:_ENTITY_TEXTS_SHOWN]
        more = f" (+{len(found) - len(shown)})" if len(found) > len(shown) else ""
        items.append((f"{label}: {'; '.join(shown)}{more}", None))
    return tuple(items)


def _has_item_span(value: Any) -> bool:
    if isinstance(value, Budget):
        return any(amount.span is not None for amount in value.amounts)
    if isinstance(value, list):
        return any(getattr(item, "span", None) is not None for item in value)
    return False


def _report_field(name: str, value: Any, no_labels: bool) -> FieldView:
    """A report-level field: the report keeps no spans, so its values are never placed; read
    from the form's labels, or from the cover and prose of a report without them."""
    items: tuple[Item, ...] = ()
    if isinstance(value, Contact):
        parts = value.model_dump()
        items = tuple((f"{key}: {text}", None) for key, text in parts.items() if text)
        value = None
    shown = _scalar(value)
    present = shown is not None or bool(items)
    sources = (("inferred" if no_labels else "form"),) if present else ()
    return FieldView("", name, "report", shown, items, sources, (), (), False)


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= _SHOWN_CHARACTERS:
        return text
    return text[: _SHOWN_CHARACTERS - 1] + "…"
