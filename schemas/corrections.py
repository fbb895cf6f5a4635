"""A reviewer's corrections to one record, as the review page exports them and `qpr correct`
stores them (docs/record.md, "Corrections"). Records stay the machine's output: corrections are
an overlay that the corrected view (dataset, review pages) applies on top of them.

A change names its place by measure id and field path, and says what the reviewer saw there
(`old`), so that a later extraction can tell whether the change still applies (docs/record.md).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from schemas.common import Model

CORRECTIONS_VERSION = "1.0"


class ReviewState(StrEnum):
    UNREVIEWED = "unreviewed"
    IN_REVIEW = "in_review"
    APPROVED = "approved"


class ChangeKind(StrEnum):
    SET = "set"
    """`new` replaces the value at `field` (a partner row, a budget's amount, a list of codes)."""
    CONFIRM = "confirm"
    """The value at `field` is right as extracted."""
    WRONG = "wrong"
    """The value at `field` is wrong, and the reviewer gives no replacement: it reads as null."""
    NOT_A_MEASURE = "not_a_measure"
    """The measure is no policy or measure (a heading, a boilerplate page): left out of the
    corrected view."""
    IS_A_MEASURE = "is_a_measure"
    """Undoes an earlier `not_a_measure`: the measure is one after all."""
    ADD_MEASURE = "add_measure"
    """A measure the extractor missed: `new` maps field paths to values (`title` at least)."""


class Change(Model):
    measure_id: str | None = Field(
        description="The measure changed; null for the report's own fields and for an added measure"
    )
    field: str | None = Field(
        default=None,
        description="Dotted path inside the measure or the report (`title`, `budget.amount`, "
        "`partners.2.entity_type`, `evaluation.evaluated`, `period.start`); null for a change "
        "of the whole measure",
    )
    kind: ChangeKind
    old: Any = Field(default=None, description="The value the reviewer saw (machine value)")
    new: Any = Field(default=None, description="The value the reviewer gives (for `set`)")
    note: str = ""

    @model_validator(mode="after")
    def _field_when_needed(self) -> Change:
        whole = {ChangeKind.NOT_A_MEASURE, ChangeKind.IS_A_MEASURE, ChangeKind.ADD_MEASURE}
        if self.kind in whole and self.field is not None:
            raise ValueError(f"a '{self.kind}' change concerns a whole measure: no field")
        if self.kind not in whole and not self.field:
            raise ValueError(f"a '{self.kind}' change needs the field it concerns")
        if self.kind in {ChangeKind.NOT_A_MEASURE, ChangeKind.IS_A_MEASURE} and not self.measure_id:
            raise ValueError(f"'{self.kind}' needs the measure's id")
        if self.kind == ChangeKind.ADD_MEASURE and not isinstance(self.new, dict):
            raise ValueError("'add_measure' gives the new measure's fields as an object in 'new'")
        return self


class Corrections(Model):
    """One export of the review page: what one reviewer changed in one record, at one time."""

    corrections_version: str = CORRECTIONS_VERSION
    record_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    extractor_version: str = Field(min_length=1, description="The version of the record reviewed")
    reviewer: str = Field(min_length=1)
    time: str = Field(
        pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$",
        description="When the reviewer exported it, ISO 8601",
    )
    review_state: ReviewState | None = Field(
        default=None, description="The record's review state the reviewer set, if any"
    )
    changes: list[Change] = Field(default_factory=list)
