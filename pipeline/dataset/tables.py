"""The batch's other tables, beside the dataset's one row per measure (`measures`): one row per
report, partner, budget figure, code, entity and issue, each keyed by the measure id or the
source's sha256 so that they join. `qpr query` reads them as views and `qpr export --package`
publishes them; their columns are explained in the codebook like the dataset's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from pipeline.dataset.columns import (
    CLUSTER_ID,
    Column,
    Value,
    columns,
    described_column,
    record_columns,
)
from pipeline.dataset.rows import record_values
from schemas import Issue, ReportRecord
from schemas.measure import CodedValue, MoneyAmount, Partner

Rows = list[dict[str, Value]]

_MEASURE_ID = Column("measure_id", "string", "The measure's id: the dataset's measure_id")
_SHA256 = Column(
    "source_sha256", "string", "SHA-256 of the report's file: the dataset's source_sha256"
)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    personal: bool = False  # only on request (contact details)


def _record_row(table: Table, values: dict[str, Value]) -> Rows:
    """The record's one row of `table`, from its values (rows.record_values and more)."""
    return [{column.name: values[column.name] for column in table.columns}]


def _partner_rows(record: ReportRecord) -> Rows:
    return [
        {
            "measure_id": measure.measure_id,
            "position": position,
            "name": partner.name,
            "entity_type": partner.entity_type.value if partner.entity_type else None,
            "raw_type": partner.raw_type,
            "type_source": partner.source.value,
        }
        for measure in record.measures
        for position, partner in enumerate(measure.partners)
    ]


def _amount_rows(record: ReportRecord) -> Rows:
    return [
        {
            "measure_id": measure.measure_id,
            "position": position,
            "value": float(amount.value),
            "currency": amount.currency,
            "year": amount.year,
            "conversion": amount.conversion,
            "note": amount.note,
        }
        for measure in record.measures
        for position, amount in enumerate(measure.budget.amounts)
    ]


# The coded lists of a measure and the kind each is named by in `codes`.
_CODE_LISTS = {
    "goals": "goal",
    "areas_of_monitoring": "area_of_monitoring",
    "cultural_domains": "cultural_domain",
    "transversal_priorities": "transversal_priority",
}


def _code_rows(record: ReportRecord) -> Rows:
    rows: Rows = []
    for measure in record.measures:
        for field, kind in _CODE_LISTS.items():
            values: list[CodedValue[Any]] = getattr(measure, field)
            rows.extend(
                {
                    "measure_id": measure.measure_id,
                    "kind": kind,
                    "code": value.code.value,
                    "source": value.source.value,
                    "raw": value.raw,
                }
                for value in values
            )
    return rows


def _entity_rows(record: ReportRecord) -> Rows:
    return [
        {
            "measure_id": measure.measure_id,
            "label": entity.label,
            "text": entity.text,
            "field": entity.field,
            "start": entity.start,
            "end": entity.end,
        }
        for measure in record.measures
        for entity in measure.entities
    ]


def _issue_rows(record: ReportRecord) -> Rows:
    ids = {measure.index: measure.measure_id for measure in record.measures}
    return [
        {
            "source_sha256": record.source.sha256,
            "measure_id": ids.get(issue.measure_index) if issue.measure_index is not None else None,
            "code": issue.code.value,
            "severity": issue.severity.value,
            "field": issue.field,
            "message": issue.message,
        }
        for issue in record.issues
    ]


def _column_of(
    model: type[BaseModel], field: str, name: str | None = None, kind: str = "string"
) -> Column:
    return described_column(name or field, kind, (model, field))


REPORTS = Table(
    "reports",
    "One row per report (record) of the batch, with its reporting cycle and its counts",
    (
        *record_columns(include_contact=False),
        Column("measure_count", "integer", "Number of measures the record holds"),
        Column("issue_count", "integer", "Number of the record's issues"),
    ),
)
CONTACTS = Table(
    "contacts",
    "The report's point of contact's e-mail, phone and address (personal: only on request)",
    (_SHA256, *(column for column in record_columns(include_contact=True) if column.personal)),
    personal=True,
)
PARTNERS = Table(
    "partners",
    "One row per row of a measure's partner table",
    (
        _MEASURE_ID,
        Column("position", "integer", "The row's place in the measure's partner table, from 0"),
        _column_of(Partner, "name"),
        _column_of(Partner, "entity_type"),
        _column_of(Partner, "raw_type"),
        Column(
            "type_source",
            "string",
            "Where the entity type comes from: form, or inferred from the name",
        ),
    ),
)
AMOUNTS = Table(
    "amounts",
    "One row per figure of a measure's budget; a conversion restates another figure, so it is "
    "never summed with it",
    (
        _MEASURE_ID,
        Column("position", "integer", "The figure's place in the budget, from 0"),
        Column("value", "number", "The figure's value"),
        _column_of(MoneyAmount, "currency"),
        _column_of(MoneyAmount, "year", kind="integer"),
        _column_of(MoneyAmount, "conversion", kind="boolean"),
        _column_of(MoneyAmount, "note"),
    ),
)
CODES = Table(
    "codes",
    "One row per goal, area of monitoring, cultural domain and transversal priority of a "
    "measure, with where it comes from (source = inferred: from its text, not the form)",
    (
        _MEASURE_ID,
        Column(
            "kind",
            "string",
            "goal, area_of_monitoring, cultural_domain or transversal_priority",
        ),
        Column("code", "string", "The code (the form's vocabularies, docs/record.md)"),
        _column_of(CodedValue, "source"),
        _column_of(CodedValue, "raw"),
    ),
)
ENTITIES = Table(
    "entities",
    "One row per organisation, place, date, money or law named in a measure's text",
    (
        _MEASURE_ID,
        Column("label", "string", "ORG, PLACE, DATE, MONEY or LAW"),
        Column("text", "string", "The entity as written"),
        Column("field", "string", "The measure field it is named in"),
        Column("start", "integer", "Its first character's offset in that field"),
        Column("end", "integer", "The offset after its last character in that field"),
    ),
)
ISSUES = Table(
    "issues",
    "One row per issue of a record (qpr issues lists the codes)",
    (
        _SHA256,
        Column("measure_id", "string", "The measure the issue is about; null for the report's own"),
        _column_of(Issue, "code"),
        Column("severity", "string", "error, warning or info"),
        _column_of(Issue, "field"),
        _column_of(Issue, "message"),
    ),
)
LINKS = Table(
    "links",
    "One row per measure: the cluster of the same policy it belongs to (qpr link), and the "
    "link that put it there",
    (
        _MEASURE_ID,
        CLUSTER_ID,
        Column(
            "score",
            "number",
            "Similarity (0 to 1) of the measure to linked_to; null for a measure alone",
        ),
        Column("linked_to", "string", "The member of its cluster it is most like"),
        Column(
            "relation",
            "string",
            "copy (the same measure in another rendering or language of the interface) or "
            "recurrence (the same programme reported in another cycle)",
        ),
        Column("evidence", "string", "The similarities that decided it, 0 to 1"),
    ),
)


def batch_tables(include_contact: bool = False) -> tuple[Table, ...]:
    """Every table of a batch, `measures` (the dataset) first; contacts only when asked for."""
    measures = Table(
        "measures",
        "One row per measure: the dataset (dataset.csv, .jsonl, .parquet)",
        columns(include_contact),
    )
    every = (measures, *RECORD_TABLES, LINKS)
    return tuple(table for table in every if include_contact or not table.personal)


# Every table the batch writes from its records, in the order they are described.
RECORD_TABLES = (REPORTS, CONTACTS, PARTNERS, AMOUNTS, CODES, ENTITIES, ISSUES)
_ROWS: dict[str, Callable[[ReportRecord], Rows]] = {
    "partners": _partner_rows,
    "amounts": _amount_rows,
    "codes": _code_rows,
    "entities": _entity_rows,
    "issues": _issue_rows,
}


def record_table_rows(record: ReportRecord, review_state: str) -> dict[str, Rows]:
    """The record's rows of each of RECORD_TABLES, by table name. `record` is the one the
    dataset shows (with its corrections applied); `review_state` its review state."""
    values = record_values(record) | {
        "review_state": review_state,
        "measure_count": len(record.measures),
        "issue_count": len(record.issues),
    }
    return {
        "reports": _record_row(REPORTS, values),
        "contacts": _record_row(CONTACTS, values),
    } | {name: rows(record) for name, rows in _ROWS.items()}
