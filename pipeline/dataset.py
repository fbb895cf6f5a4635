"""The flat dataset of a batch: a ReportRecord in, one row per measure out (design.md §4), plus
the codebook of its columns, generated from the schema's field descriptions. Personal contact
details (e-mail, phone, address) are left out unless asked for.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from schemas import SCHEMA_VERSION, Issue, Measure, ReportRecord
from schemas.common import Country
from schemas.measure import Budget, CodedValue, Evaluation, GoalValue, Partner
from schemas.report import Contact, Extractor, Languages, Period, Report, SourceInfo

__all__ = ["CONVENTIONS", "Column", "codebook", "codebook_markdown", "columns", "measure_rows"]

# A list cell is a real list, never text joined by a separator: a separator inside a value
# (a partner named "Union of Writers; Poets and Translators") would split it in two.
Value = str | int | float | bool | list[str | None] | None


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # snake_case, stable
    kind: str  # "string" | "integer" | "number" | "boolean" | "list"
    description: str  # one line, from the schema's Field description where one exists
    personal: bool = False  # contact details, left out unless asked
    items: str | None = None  # a list's item kind ("string"); None for every other kind


def _column(
    name: str,
    kind: str,
    source: tuple[type[BaseModel], str] | None = None,
    *,
    text: str | None = None,
    template: str = "{}",
    personal: bool = False,
    items: str | None = None,
) -> Column:
    """A column described by its source field's schema description, set into `template` at
    `{}`; `text` stands in only while the schema has no description for that field."""
    described = source[0].model_fields[source[1]].description if source else None
    if described:
        description = template.replace("{}", described)
    elif text:
        description = text
    else:
        raise ValueError(f"column {name!r} has no description")
    return Column(name, kind, description, personal, items)


def _list_column(
    name: str,
    source: tuple[type[BaseModel], str] | None = None,
    *,
    text: str | None = None,
    template: str = "{}",
) -> Column:
    """A list of strings, one item per item of the record's list, in its order."""
    return _column(name, "list", source, text=text, template=template, items="string")


def _source_column(name: str) -> Column:
    return _list_column(
        f"{name}_source",
        (GoalValue, "source"),
        template=f"Where each of {name} comes from: {{}}; one item per item of {name}",
    )


_COLUMNS: tuple[Column, ...] = (
    # The record: one value per report, repeated on each of its measures.
    _column(
        "source_sha256",
        "string",
        (SourceInfo, "sha256"),
        text="SHA-256 of the input file's bytes; the record is records/<sha256>.json",
    ),
    _column("source_filename", "string", (SourceInfo, "filename")),
    _column("source_format", "string", (SourceInfo, "format")),
    _column("source_pages", "integer", (SourceInfo, "pages")),
    _column(
        "extractor_version", "string", (Extractor, "version"), template="Extractor version: {}"
    ),
    _column(
        "schema_version",
        "string",
        (ReportRecord, "schema_version"),
        text="Version (semver) of the record schema the row was flattened from",
    ),
    _column(
        "record_status",
        "string",
        (ReportRecord, "status"),
        text="Record status: ok, partial (an issue of severity error) or failed",
    ),
    _column("form_language", "string", (Languages, "form"), template="Form language: {}"),
    _column("content_language", "string", (Languages, "content"), template="Content language: {}"),
    _column("party_name", "string", (Country, "name"), template="The reporting Party: {}"),
    _column("party_iso3", "string", (Country, "iso3"), template="The reporting Party: {}"),
    _column("period_start", "integer", (Period, "start"), text="First year of the report period"),
    _column("period_end", "integer", (Period, "end"), text="Last year of the report period"),
    _column(
        "report_year",
        "integer",
        (Report, "year"),
        text="The report's own year (header, cover or submission date)",
    ),
    _column(
        "ratification_date",
        "string",
        (Report, "ratification_date"),
        template="Date the Party ratified the Convention: {}",
    ),
    _column("contact_name", "string", (Contact, "name"), text="The report's contact person"),
    _column(
        "contact_organization",
        "string",
        (Contact, "organization"),
        text="Organisation of the report's contact person",
    ),
    _column(
        "contact_email",
        "string",
        (Contact, "email"),
        text="E-mail address of the report's contact (personal: only on request)",
        personal=True,
    ),
    _column(
        "contact_phone",
        "string",
        (Contact, "phone"),
        text="Telephone number of the report's contact (personal: only on request)",
        personal=True,
    ),
    _column(
        "contact_address",
        "string",
        (Contact, "address"),
        text="Postal address of the report's contact (personal: only on request)",
        personal=True,
    ),
    # The measure.
    _column("measure_id", "string", (Measure, "measure_id")),
    _column("measure_index", "integer", (Measure, "index")),
    _column("title", "string", (Measure, "title")),
    _column("agency", "string", (Measure, "agency")),
    _column(
        "country_name",
        "string",
        (Measure, "country"),
        template="Country of the measure, English short name. {}",
    ),
    _column("country_iso3", "string", (Country, "iso3"), template="Country of the measure: {}"),
    _column("year", "integer", (Measure, "year")),
    _column("reported_by_civil_society", "boolean", (Measure, "reported_by_civil_society")),
    _column("description", "string", (Measure, "description")),
    _column("website", "string", (Measure, "website")),
    _column("results", "string", (Measure, "results")),
    _column("key_objectives", "string", (Measure, "key_objectives")),
    _list_column("scope", (Measure, "scope"), template="{}: codes"),
    _list_column("nature", (Measure, "nature"), template="{}: codes"),
    _column("budget_raw", "string", (Budget, "raw"), template="Budget: {}"),
    _column(
        "budget_status",
        "string",
        (Budget, "status"),
        text="Budget: stated (a figure found), not_available, unparsed (text only) or absent",
    ),
    _column("budget_amount", "number", (Budget, "amount"), template="Budget: {}"),
    _column("budget_currency", "string", (Budget, "currency"), template="Budget: {}"),
    _column(
        "budget_amounts",
        "string",
        (Budget, "amounts"),
        template='Budget: {}, as compact JSON [{"value", "currency", "year", "conversion"}]',
    ),
    _column("partner_count", "integer", text="Number of rows in the partner table"),
    _list_column(
        "partner_names",
        (Measure, "partners"),
        template="{}: their names (null for a row without a name)",
    ),
    _list_column(
        "partner_types",
        (Measure, "partners"),
        template="{}: their entity type codes (null for a row without a type)",
    ),
    _list_column(
        "partner_types_source",
        text="Where each partner's type comes from (form, or inferred from its name); "
        "one item per item of partner_types",
    ),
    _column(
        "evaluated",
        "boolean",
        (Evaluation, "evaluated"),
        template="Whether the measure has been evaluated: {}",
    ),
    _column("conclusions", "string", (Evaluation, "conclusions")),
    _list_column("goals", (Measure, "goals"), template="{}: codes"),
    _source_column("goals"),
    _list_column(
        "areas_of_monitoring",
        (Measure, "areas_of_monitoring"),
        text="Areas of monitoring of the measure: codes",
    ),
    _source_column("areas_of_monitoring"),
    _list_column(
        "cultural_domains",
        (Measure, "cultural_domains"),
        text="Cultural domains of the measure: codes",
    ),
    _source_column("cultural_domains"),
    _list_column(
        "transversal_priorities",
        (Measure, "transversal_priorities"),
        template="Transversal priorities as codes. {}",
    ),
    _source_column("transversal_priorities"),
    _column(
        "languages",
        "string",
        (Measure, "languages"),
        template="{}. As compact JSON, keys sorted",
    ),
    _column("issue_count", "integer", text="Number of the record's issues about this measure"),
    _list_column(
        "issue_codes",
        (Issue, "code"),
        template="This measure's issue codes, sorted and unique. {}",
    ),
)


# How the values are written, in codebook.json and codebook.md alike. The CSV spellings are
# flows/store.py's; a list's cell is JSON so that any value (separators, quotes, newlines) comes
# back whole from a CSV reader and a JSON parser.
CONVENTIONS = (
    "One row per measure. A missing value is null; in dataset.csv, an empty cell.",
    "A column of type list holds one item per item of the record's list, in its order; an item "
    "without a value is null, and a record's empty list is an empty list [], never null.",
    "A list is a real list in dataset.jsonl (a JSON array) and dataset.parquet (an Arrow list "
    'column); in dataset.csv its cell is the list as compact JSON, e.g. ["a; b","c"]: read it '
    "with a JSON parser, never by splitting on a separator.",
    "A boolean is true or false in dataset.csv.",
)


def columns(include_contact: bool = False) -> tuple[Column, ...]:
    """The dataset's columns in order; personal contact details only when asked for."""
    return tuple(column for column in _COLUMNS if include_contact or not column.personal)


def measure_rows(record: ReportRecord, include_contact: bool = False) -> list[dict[str, Value]]:
    """One row per measure, keyed by the column names in order; no measures give no rows.
    A list column is a list (empty when the record's list is); an item without a value is
    None, so that the items of partner_names and partner_types still line up."""
    names = [column.name for column in columns(include_contact)]
    shared = _record_values(record)
    rows = []
    for measure in record.measures:
        values = shared | _measure_values(measure, record.issues)
        rows.append({name: values[name] for name in names})
    return rows


def codebook(include_contact: bool = False) -> dict[str, Any]:
    """The dataset's columns explained, ready for json.dumps."""
    return {
        "schema_version": SCHEMA_VERSION,
        "conventions": list(CONVENTIONS),
        "columns": [_codebook_entry(column) for column in columns(include_contact)],
    }


def _codebook_entry(column: Column) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": column.name, "type": column.kind}
    if column.items:
        entry["items"] = column.items  # as JSON Schema says an array's item type
    return entry | {"description": column.description, "personal": column.personal}


def codebook_markdown(include_contact: bool = False) -> str:
    """The codebook as a Markdown table: column | type | description."""
    lines = [
        f"# Dataset codebook (schema {SCHEMA_VERSION})",
        "",
        *(f"- {convention}" for convention in CONVENTIONS),
        "",
        "| column | type | description |",
        "| --- | --- | --- |",
    ]
    for column in columns(include_contact):
        description = column.description.replace("|", "\\|")
        kind = f"list of {column.items}" if column.items else column.kind
        lines.append(f"| `{column.name}` | {kind} | {description} |")
    return "\n".join(lines) + "\n"


def _record_values(record: ReportRecord) -> dict[str, Value]:
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
        "ratification_date": report.ratification_date,
        "contact_name": contact.name,
        "contact_organization": contact.organization,
        "contact_email": contact.email,
        "contact_phone": contact.phone,
        "contact_address": contact.address,
    }


def _measure_values(measure: Measure, issues: list[Issue]) -> dict[str, Value]:
    country, evaluation = measure.country, measure.evaluation
    return {
        "measure_id": measure.measure_id,
        "measure_index": measure.index,
        "title": measure.title,
        "agency": measure.agency,
        "country_name": country.name if country else None,
        "country_iso3": country.iso3 if country else None,
        "year": measure.year,
        "reported_by_civil_society": measure.reported_by_civil_society,
        "description": measure.description,
        "website": measure.website,
        "results": measure.results,
        "key_objectives": measure.key_objectives,
        "scope": [code.value for code in measure.scope],
        "nature": [code.value for code in measure.nature],
        **_budget_values(measure.budget),
        **_partner_values(measure.partners),
        "evaluated": evaluation.evaluated,
        "conclusions": evaluation.conclusions,
        **_coded_values("goals", measure.goals),
        **_coded_values("areas_of_monitoring", measure.areas_of_monitoring),
        **_coded_values("cultural_domains", measure.cultural_domains),
        **_coded_values("transversal_priorities", measure.transversal_priorities),
        "languages": _compact_json(dict(sorted(measure.languages.items()))),
        **_issue_values(measure.index, issues),
    }


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
