"""The rows of the flat dataset: a ReportRecord in, one row per measure out (the README's "Batches").
Personal contact details (e-mail, phone, address) are left out unless asked for."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pipeline.corrections import CorrectedView
from pipeline.cycle import report_cycle
from pipeline.dataset.columns import Value, columns
from schemas import Issue, Measure, ReportRecord
from schemas.corrections import ReviewState
from schemas.measure import (
    Budget,
    CodedValue,
    FieldKind,
    MeasureField,
    Partner,
    field_value,
    measure_fields,
)
from schemas.report import Contact


def measure_rows(
    record: ReportRecord, include_contact: bool = False, view: CorrectedView | None = None
) -> list[dict[str, Value]]:
    """One row per measure, keyed by the column names in order; no measures give no rows.
    A list column is a list (empty when the record's list is); an item without a value is
    None, so that the items of partner_names and partner_types still line up. With the
    record's corrected `view` (pipeline/corrections.py), the rows are the corrected ones: its
    values, without the measures marked as not measures, each naming what was corrected."""
    names = [column.name for column in columns(include_contact)]
    shown = view.record if view is not None else record
    shared = record_values(shown) | {
        "review_state": (view.review_state if view else ReviewState.UNREVIEWED).value
    }
    rows = []
    for measure in shown.measures:
        values = shared | _measure_values(measure, shown.issues) | _corrected(measure, view)
        rows.append({name: values[name] for name in names})
    return rows


def _corrected(measure: Measure, view: CorrectedView | None) -> dict[str, Value]:
    prefix = f"{measure.measure_id}:"
    machine = {
        key.removeprefix(prefix): value
        for key, value in sorted((view.machine if view else {}).items())
        if key.startswith(prefix)
    }
    return {
        "corrected_fields": list(machine),
        "machine_values": _compact_json(machine) if machine else None,
    }


def record_values(record: ReportRecord) -> dict[str, Value]:
    """The record's own columns' values, contact details included."""
    report, source = record.report, record.source
    party, period = report.party, report.period
    contact = report.contact or Contact(
        name=None, organization=None, email=None, phone=None, address=None
    )
    return {
        "source_sha256": source.sha256,
        "source_filename": source.filename,
        "source_format": source.format,
        "source_pages": source.pages,
        "extractor_version": record.extractor.version,
        "schema_version": record.schema_version,
        "record_status": record.status.value,
        "form_language": record.languages.form,
        "content_language": record.languages.content,
        "party_name": party.name if party else None,
        "party_iso3": party.iso3 if party else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "report_year": report.year,
        "cycle": report_cycle(record),
        "ratification_date": report.ratification_date,
        "contact_name": contact.name,
        "contact_organization": contact.organization,
        "contact_email": contact.email,
        "contact_phone": contact.phone,
        "contact_address": contact.address,
    }


def _measure_values(measure: Measure, issues: list[Issue]) -> dict[str, Value]:
    values: dict[str, Value] = {
        "measure_id": measure.measure_id,
        "measure_index": measure.index,
        "cluster_id": None,  # the linker's (pipeline/linking), set when the batch is linked
    }
    for field in measure_fields():
        values |= _field_values(field, field_value(measure, field))
    return values | {
        "languages": _compact_json(dict(sorted(measure.languages.items()))),
        **_issue_values(measure.index, issues),
    }


def _field_values(field: MeasureField, value: Any) -> dict[str, Value]:
    """The field's columns' values, by the field's kind."""
    if field.kind == FieldKind.COUNTRY:
        return {
            "country_name": value.name if value else None,
            "country_iso3": value.iso3 if value else None,
        }
    if field.kind == FieldKind.CODES:
        return {field.name: [code.value for code in value]}
    if field.kind == FieldKind.BUDGET:
        return _budget_values(value)
    if field.kind == FieldKind.PARTNERS:
        return _partner_values(value)
    if field.kind == FieldKind.CODED:
        return _coded_values(field.name, value)
    (column,) = field.columns
    return {column: value}


def _budget_values(budget: Budget) -> dict[str, Value]:
    # The JSON dump writes whole amounts as integers (65000, not 65000.0), as the record does.
    written = budget.model_dump(mode="json")
    amounts = [
        {key: amount[key] for key in ("value", "currency", "year", "conversion")}
        for amount in written["amounts"]
    ]
    return {
        "budget_raw": budget.raw,
        "budget_status": budget.status.value,
        "budget_amount": written["amount"],
        "budget_currency": budget.currency,
        "budget_amounts": _compact_json(amounts),
    }


def _partner_values(partners: list[Partner]) -> dict[str, Value]:
    return {
        "partner_count": len(partners),
        "partner_names": [partner.name for partner in partners],
        "partner_types": [
            partner.entity_type.value if partner.entity_type else None for partner in partners
        ],
        "partner_types_source": [partner.source.value for partner in partners],
    }


def _coded_values(name: str, values: Sequence[CodedValue[Any]]) -> dict[str, Value]:
    return {
        name: [value.code.value for value in values],
        f"{name}_source": [value.source.value for value in values],
    }


def _issue_values(index: int, issues: list[Issue]) -> dict[str, Value]:
    own = [issue for issue in issues if issue.measure_index == index]
    return {
        "issue_count": len(own),
        # A comprehension, not sorted() alone: it takes the row's item type (str | None).
        "issue_codes": [code for code in sorted({issue.code.value for issue in own})],
    }


def _compact_json(value: list[Any] | dict[str, Any]) -> str | None:
    """JSON text without spaces, keys in the order given; null for an empty value."""
    if not value:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
