"""The columns of the flat dataset, each described from the schema's field description: the
record's, then the measure's, whose fields and their order come from the field catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from schemas import Issue, Measure, ReportRecord
from schemas.common import Country
from schemas.corrections import Corrections
from schemas.measure import Budget, Evaluation, GoalValue, measure_fields
from schemas.report import Contact, Extractor, Languages, Period, Report, SourceInfo

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


# The record: one value per report, repeated on each of its measures.
_RECORD_COLUMNS: tuple[Column, ...] = (
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
    _column(
        "review_state",
        "string",
        (Corrections, "review_state"),
        text="The record's review state: unreviewed, in_review or approved",
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
)


# Each measure field's columns, by name: the catalogue (schemas.measure) says which are a
# field's and in what order.
_FIELD_COLUMNS: dict[str, Column] = {
    column.name: column
    for column in (
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
    )
}
_MEASURE_COLUMNS: tuple[Column, ...] = (
    _column("measure_id", "string", (Measure, "measure_id")),
    _column("measure_index", "integer", (Measure, "index")),
    *(_FIELD_COLUMNS[name] for field in measure_fields() for name in field.columns),
    _column(
        "languages",
        "string",
        (Measure, "languages"),
        template="{}. As compact JSON, keys sorted",
    ),
    _list_column(
        "corrected_fields",
        text="Paths of this measure's values a reviewer corrected (qpr correct), sorted; the "
        "row holds the corrected values",
    ),
    _column(
        "machine_values",
        "string",
        text="The extractor's value of each corrected path, as compact JSON {path: value}; "
        "null when nothing was corrected",
    ),
    _column("issue_count", "integer", text="Number of the record's issues about this measure"),
    _list_column(
        "issue_codes",
        (Issue, "code"),
        template="This measure's issue codes, sorted and unique. {}",
    ),
)


def columns(include_contact: bool = False) -> tuple[Column, ...]:
    """The dataset's columns in order; personal contact details only when asked for."""
    every = (*_RECORD_COLUMNS, *_MEASURE_COLUMNS)
    return tuple(column for column in every if include_contact or not column.personal)
