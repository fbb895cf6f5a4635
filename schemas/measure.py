"""One policy/measure record as qpr emits it (design.md §3, `Measure`)."""

from __future__ import annotations

from enum import StrEnum
from typing import Generic, TypeVar

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
