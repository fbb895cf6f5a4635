"""One policy/measure record as qpr emits it (docs/record.md, `Measure`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar, get_args

from pydantic import Field

from schemas.common import (
    AreaOfMonitoring,
    Country,
    CulturalDomain,
    EntityType,
    Goal,
    LanguageCode,
    Model,
    Nature,
    Number,
    Scope,
    Source,
    Span,
    TransversalPriority,
)


class BudgetStatus(StrEnum):
    STATED = "stated"
    NOT_AVAILABLE = "not_available"
    UNPARSED = "unparsed"
    ABSENT = "absent"


class MoneyAmount(Model):
    value: Number
    currency: str | None = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, if named")
    year: int | None = Field(description="The year this figure is for, when the value says")
    conversion: bool = Field(description="True for a figure converting another one: never summed")
    note: str | None = Field(description="The rest of the figure's segment, e.g. the funder")
    span: Span | None


class Budget(Model):
    raw: str | None = Field(description="The value exactly as the source gives it")
    status: BudgetStatus
    amount: Number | None = Field(description="The single allocation, or the explicit total")
    currency: str | None = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code of `amount`")
    amounts: list[MoneyAmount] = Field(description="Every figure found, in order")


class Partner(Model):
    name: str | None = Field(description="The partner's name as written; null if the row has none")
    entity_type: EntityType | None = Field(description="Code of the type of entity; null if none")
    raw_type: str | None = Field(description="The type of entity as the source writes it")
    source: Source = Source.FORM
    span: Span | None


class Evaluation(Model):
    evaluated: bool | None = Field(description="Only from an explicit yes/no answer")
    conclusions: str | None = Field(description="Main conclusions/recommendations, as written")


CodeT = TypeVar("CodeT", bound=StrEnum)


class CodedValue(Model, Generic[CodeT]):
    """A goal, area, domain or priority: its code and where it was read or inferred from."""

    code: CodeT
    raw: str = Field(description="The wording read (for an inferred value, its first evidence)")
    source: Source = Field(
        description="form (the measure's own field), heading (a heading above it) or inferred "
        "(from its text)"
    )
    span: Span | None
    evidence: list[Span] = Field(
        default_factory=list,
        description="For an inferred value, every place in the text that supports it",
    )


class GoalValue(CodedValue[Goal]):
    pass


class AreaValue(CodedValue[AreaOfMonitoring]):
    pass


class DomainValue(CodedValue[CulturalDomain]):
    pass


class PriorityValue(CodedValue[TransversalPriority]):
    pass


class Entity(Model):
    text: str
    label: str = Field(pattern=r"^(ORG|PLACE|DATE|MONEY|LAW)$")
    field: str
    start: int
    end: int


class Measure(Model):
    measure_id: str = Field(description="Stable id: source sha256 prefix + index")
    index: int = Field(ge=0, description="Position of the measure in the document, from 0")
    title: str | None = Field(description="The measure's title, with its own numbering kept")
    agency: str | None = Field(description="Implementing bodies, joined by '; '")
    country: Country | None = Field(description="Where the measure applies; defaults to the Party")
    year: int | None = Field(description="The When line's year")
    reported_by_civil_society: bool = Field(description="True under the civil-society banner")
    description: str | None = Field(description="Main features (2012-2016: main feature)")
    website: str | None = Field(description="The first address given, else the value's text")
    results: str | None = Field(description="Results achieved (2012-2016: results expected)")
    key_objectives: str | None = Field(description="2012-2016 form: key objectives")
    scope: list[Scope] = Field(description="2012-2016 form: scope of the measure")
    nature: list[Nature] = Field(description="2012-2016 form: nature of the measure")
    budget: Budget
    partners: list[Partner] = Field(description="Partner table rows, in order")
    evaluation: Evaluation
    goals: list[GoalValue] = Field(description="Goals of the Convention the measure serves")
    areas_of_monitoring: list[AreaValue]
    cultural_domains: list[DomainValue]
    transversal_priorities: list[PriorityValue] = Field(
        description="Also the 2012-2016 target groups"
    )
    languages: dict[str, LanguageCode | None] = Field(
        description="Language of each free-text field present; null when too short to tell"
    )
    entities: list[Entity] = Field(
        description="Organisations, places, dates, money, laws named in the text"
    )
    spans: dict[str, Span] = Field(description="Where each scalar field's value stands")


# --------------------------------------------------------------------------- the field catalogue


class FieldKind(StrEnum):
    """How a measure's value is read from the form, and so how it is scored and flattened."""

    HEADER_LINE = "header_line"  # title, agency: a label's value or the header's lines
    COUNTRY = "country"
    YEAR = "year"
    FLAG = "flag"  # set by a banner or a heading, never by a label's value
    FREE_TEXT = "free_text"
    WEBSITE = "website"
    CODES = "codes"  # scope, nature: bare codes
    BUDGET = "budget"
    PARTNERS = "partners"
    YES_NO = "yes_no"
    CODED = "coded"  # goals, areas, domains, priorities: codes with their source and span


@dataclass(frozen=True, slots=True)
class MeasureField:
    """One value of a measure's form, declared once: measure reading, report layout, language
    detection, the dataset's columns and evaluation take their field lists from here."""

    name: str
    """Its key in `Measure.spans`, `Measure.languages` and an issue's `field`."""
    kind: FieldKind
    path: tuple[str, ...]
    """Where the value stands in a `Measure`."""
    labels: tuple[str, ...] = ()
    """Label keys (pipeline/data/labels.toml) whose value it is, the preferred first."""
    form_rank: int | None = None
    """Its place in the order both the 2020+ and 2012-2016 forms ask for a measure's body;
    None for a field that moves between layouts."""
    main_text: bool = False
    """Free text that tells the measure's language and whose entities are kept."""
    inferred: bool = False
    """A coded field that, left blank by the form, is inferred from the text."""
    vocabularies: tuple[str, ...] = ()
    """The vocabularies a coded field's lines may hold, its own first: the platform's export
    mixes goals and areas of monitoring in one comma-joined value."""
    compared_by: str | None = None
    """The key of the value that evaluation compares (a country's iso3)."""
    scored_parts: tuple[str, ...] = ()
    """Keys of the value that evaluation scores each on its own (budget status, amount...)."""
    columns: tuple[str, ...] = ()
    """Its columns in the flat dataset, in order."""


MEASURE_FIELDS: tuple[MeasureField, ...] = (
    MeasureField("title", FieldKind.HEADER_LINE, ("title",), ("title",), columns=("title",)),
    MeasureField("agency", FieldKind.HEADER_LINE, ("agency",), ("agency",), columns=("agency",)),
    MeasureField(
        "country",
        FieldKind.COUNTRY,
        ("country",),
        ("country",),
        compared_by="iso3",
        columns=("country_name", "country_iso3"),
    ),
    MeasureField("year", FieldKind.YEAR, ("year",), ("year",), columns=("year",)),
    MeasureField(
        "reported_by_civil_society",
        FieldKind.FLAG,
        ("reported_by_civil_society",),
        columns=("reported_by_civil_society",),
    ),
    MeasureField(
        "description",
        FieldKind.FREE_TEXT,
        ("description",),
        ("description",),
        form_rank=3,
        main_text=True,
        columns=("description",),
    ),
    MeasureField(
        "website", FieldKind.WEBSITE, ("website",), ("website",), form_rank=4, columns=("website",)
    ),
    MeasureField(
        "results",
        FieldKind.FREE_TEXT,
        ("results",),
        ("results", "results_expected"),
        form_rank=5,
        main_text=True,
        columns=("results",),
    ),
    MeasureField(
        "key_objectives",
        FieldKind.FREE_TEXT,
        ("key_objectives",),
        ("key_objectives",),
        form_rank=0,
        columns=("key_objectives",),
    ),
    MeasureField("scope", FieldKind.CODES, ("scope",), ("scope",), form_rank=1, columns=("scope",)),
    MeasureField(
        "nature", FieldKind.CODES, ("nature",), ("nature",), form_rank=2, columns=("nature",)
    ),
    MeasureField(
        "budget",
        FieldKind.BUDGET,
        ("budget",),
        ("budget",),
        form_rank=6,
        scored_parts=("status", "amount", "currency"),
        columns=(
            "budget_raw",
            "budget_status",
            "budget_amount",
            "budget_currency",
            "budget_amounts",
        ),
    ),
    MeasureField(
        "partners",
        FieldKind.PARTNERS,
        ("partners",),
        ("partners",),
        form_rank=7,
        columns=("partner_count", "partner_names", "partner_types", "partner_types_source"),
    ),
    MeasureField(
        "evaluated",
        FieldKind.YES_NO,
        ("evaluation", "evaluated"),
        ("evaluated",),
        form_rank=8,
        columns=("evaluated",),
    ),
    MeasureField(
        "conclusions",
        FieldKind.FREE_TEXT,
        ("evaluation", "conclusions"),
        ("conclusions",),
        form_rank=9,
        main_text=True,
        columns=("conclusions",),
    ),
    MeasureField(
        "goals",
        FieldKind.CODED,
        ("goals",),
        ("goals",),
        vocabularies=("goals", "areas_of_monitoring"),
        columns=("goals", "goals_source"),
    ),
    MeasureField(
        "areas_of_monitoring",
        FieldKind.CODED,
        ("areas_of_monitoring",),
        ("areas_of_monitoring",),
        inferred=True,
        vocabularies=("areas_of_monitoring", "goals"),
        columns=("areas_of_monitoring", "areas_of_monitoring_source"),
    ),
    MeasureField(
        "cultural_domains",
        FieldKind.CODED,
        ("cultural_domains",),
        ("cultural_domains",),
        inferred=True,
        vocabularies=("cultural_domains",),
        columns=("cultural_domains", "cultural_domains_source"),
    ),
    MeasureField(
        "transversal_priorities",
        FieldKind.CODED,
        ("transversal_priorities",),
        ("transversal_priorities",),
        inferred=True,
        vocabularies=("transversal_priorities",),
        columns=("transversal_priorities", "transversal_priorities_source"),
    ),
)


def measure_fields(*kinds: FieldKind) -> tuple[MeasureField, ...]:
    """The catalogue's fields of the given kinds (all of them without a kind), in order."""
    return tuple(field for field in MEASURE_FIELDS if not kinds or field.kind in kinds)


def measure_field(name: str) -> MeasureField:
    return next(field for field in MEASURE_FIELDS if field.name == name)


def field_value(measure: Measure, field: MeasureField) -> Any:
    """The field's value in `measure`, found along its path."""
    value: Any = measure
    for key in field.path:
        value = getattr(value, key)
    return value


def coded_value_model(field: MeasureField) -> type[CodedValue[Any]]:
    """The model of one value of a coded field (`GoalValue` for goals), from `Measure`'s type."""
    annotation = Measure.model_fields[field.name].annotation
    model: type[CodedValue[Any]] = get_args(annotation)[0]
    return model
