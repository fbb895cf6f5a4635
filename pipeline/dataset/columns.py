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


def described_column(
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
    return described_column(name, "list", source, text=text, template=template, items="string")


def _source_column(name: str) -> Column:
    return _list_column(
        f"{name}_source",
        (GoalValue, "source"),
        template=f"Where each of {name} comes from: {{}}; one item per item of {name}",
    )


CYCLE = Column(
    "cycle",
    "integer",
    "Reporting cycle (2012, 2016, 2020 or 2024): the latest not after the report's year, else "
    "from the end of its period plus one; null when neither is known",
)
CLUSTER_ID = Column(
    "cluster_id",
    "string",
    "The policy this measure is one showing of (qpr link): measures with one cluster_id are the "
    "same measure in other renderings or the same programme in other cycles; it is the "
    "measure_id of the cluster's earliest member (by cycle, then measure_id)",
)

# The record: one value per report, repeated on each of its measures.
_RECORD_COLUMNS: tuple[Column, ...] = (
    described_column(
        "source_sha256",
        "string",
        (SourceInfo, "sha256"),
        text="SHA-256 of the input file's bytes; the record is records/<sha256>.json",
    ),
    described_column("source_filename", "string", (SourceInfo, "filename")),
    described_column("source_format", "string", (SourceInfo, "format")),
    described_column("source_pages", "integer", (SourceInfo, "pages")),
    described_column(
        "extractor_version", "string", (Extractor, "version"), template="Extractor version: {}"
    ),
    described_column(
        "schema_version",
        "string",
        (ReportRecord, "schema_version"),
        text="Version (semver) of the record schema the row was flattened from",
    ),
    described_column(
        "record_status",
        "string",
        (ReportRecord, "status"),
        text="Record status: ok, partial (an issue of severity error) or failed",
    ),
    described_column(
        "review_state",
        "string",
        (Corrections, "review_state"),
        text="The record's review state: unreviewed, in_review or approved",
    ),
    described_column("form_language", "string", (Languages, "form"), template="Form language: {}"),
    described_column(
        "content_language", "string", (Languages, "content"), template="Content language: {}"
    ),
    described_column("party_name", "string", (Country, "name"), template="The reporting Party: {}"),
    described_column("party_iso3", "string", (Country, "iso3"), template="The reporting Party: {}"),
    described_column(
        "period_start", "integer", (Period, "start"), text="First year of the report period"
    ),
    described_column(
        "period_end", "integer", (Period, "end"), text="Last year of the report period"
    ),
    described_column(
        "report_year",
        "integer",
        (Report, "year"),
        text="The report's own year (header, cover or submission date)",
    ),
    CYCLE,
    described_column(
        "ratification_date",
        "string",
        (Report, "ratification_date"),
        template="Date the Party ratified the Convention: {}",
    ),
    described_column(
        "contact_name", "string", (Contact, "name"), text="The report's contact person"
    ),
    described_column(
        "contact_organization",
        "string",
        (Contact, "organization"),
        text="Organisation of the report's contact person",
    ),
    described_column(
        "contact_email",
        "string",
        (Contact, "email"),
        text="E-mail address of the report's contact (personal: only on request)",
        personal=True,
    ),
    described_column(
        "contact_phone",
        "string",
        (Contact, "phone"),
        text="Telephone number of the report's contact (personal: only on request)",
        personal=True,
    ),
    described_column(
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
        described_column("title", "string", (Measure, "title")),
        described_column("agency", "string", (Measure, "agency")),
        described_column(
            "country_name",
            "string",
            (Measure, "country"),
            template="Country of the measure, English short name. {}",
        ),
        described_column(
            "country_iso3", "string", (Country, "iso3"), template="Country of the measure: {}"
        ),
        described_column("year", "integer", (Measure, "year")),
        described_column(
            "reported_by_civil_society", "boolean", (Measure, "reported_by_civil_society")
        ),
        described_column("description", "string", (Measure, "description")),
        described_column("website", "string", (Measure, "website")),
        described_column("results", "string", (Measure, "results")),
        described_column("key_objectives", "string", (Measure, "key_objectives")),
        _list_column("scope", (Measure, "scope"), template="{}: codes"),
        _list_column("nature", (Measure, "nature"), template="{}: codes"),
        described_column("budget_raw", "string", (Budget, "raw"), template="Budget: {}"),
        described_column(
            "budget_status",
            "string",
            (Budget, "status"),
            text="Budget: stated (a figure found), not_available, unparsed (text only) or absent",
        ),
        described_column("budget_amount", "number", (Budget, "amount"), template="Budget: {}"),
        described_column("budget_currency", "string", (Budget, "currency"), template="Budget: {}"),
        described_column(
            "budget_amounts",
            "string",
            (Budget, "amounts"),
            template='Budget: {}, as compact JSON [{"value", "currency", "year", "conversion"}]',
        ),
        described_column("partner_count", "integer", text="Number of rows in the partner table"),
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
        described_column(
            "evaluated",
            "boolean",
            (Evaluation, "evaluated"),
            template="Whether the measure has been evaluated: {}",
        ),
        described_column("conclusions", "string", (Evaluation, "conclusions")),
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
    described_column("measure_id", "string", (Measure, "measure_id")),
    described_column("measure_index", "integer", (Measure, "index")),
    CLUSTER_ID,
    *(_FIELD_COLUMNS[name] for field in measure_fields() for name in field.columns),
    described_column(
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
    described_column(
        "machine_values",
        "string",
        text="The extractor's value of each corrected path, as compact JSON {path: value}; "
        "null when nothing was corrected",
    ),
    described_column(
        "issue_count", "integer", text="Number of the record's issues about this measure"
    ),
    _list_column(
        "issue_codes",
        (Issue, "code"),
        template="This measure's issue codes, sorted and unique. {}",
    ),
)


def record_columns(include_contact: bool = False) -> tuple[Column, ...]:
    """The record's own columns, in order; personal contact details only when asked for."""
    return tuple(column for column in _RECORD_COLUMNS if include_contact or not column.personal)


def columns(include_contact: bool = False) -> tuple[Column, ...]:
    """The dataset's columns in order; personal contact details only when asked for."""
    every = (*_RECORD_COLUMNS, *_MEASURE_COLUMNS)
    return tuple(column for column in every if include_contact or not column.personal)
