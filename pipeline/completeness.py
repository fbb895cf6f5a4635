"""What a record lacks, for the secretariat's follow-up letter to the Party (issue #16).

For the report and each measure: the fields *of the form generation the report used* that are
blank, declared not available, unreadable or ambiguous, each named by the form's label in the
report's form language, and a text a reviewer pastes into the letter. Pure functions of the
record; which fields each generation has, the labels and the sentences are data
(`data/completeness.toml`, with `data/labels.toml`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from pipeline.tables import load_table
from schemas import Measure, ReportRecord, Status
from schemas.common import Source
from schemas.measure import (
    MEASURE_FIELDS,
    BudgetStatus,
    FieldKind,
    MeasureField,
    field_value,
    measure_field,
)
from schemas.report import Report

__all__ = [
    "STATES",
    "MissingItem",
    "form_generation",
    "form_language",
    "letter_summary",
    "missing_items",
]

STATES = ("blank", "not_available", "unparsed", "ambiguous")
_FALLBACK_LANGUAGE = "en"
_BUDGET_STATES = {BudgetStatus.NOT_AVAILABLE: "not_available", BudgetStatus.UNPARSED: "unparsed"}


@dataclass(frozen=True, slots=True)
class MissingItem:
    measure_id: str | None  # None for a report-level field
    measure_index: int | None
    field: str  # a MEASURE_FIELDS name, or a `Report` field ("party", "period", "contact"...)
    state: str  # one of STATES
    label: str  # the form's label for the field, in the report's form language
    detail: str = ""  # a short phrase in that language, e.g. "2 partners without a type"


@cache
def _table() -> dict[str, Any]:
    return load_table("completeness")


def form_language(record: ReportRecord) -> str:
    """The language the letter is written in: the form's, when the letter speaks it."""
    language = record.languages.form
    if language is None or language not in _table()["text"]:
        return _FALLBACK_LANGUAGE
    return language


# ------------------------------------------------------------------------------- the generation


def form_generation(record: ReportRecord) -> str:
    """The form's generation, "2012-2016" (the lettered form) or "2020+", from what the record
    shows: the fields, issues and report values only one form has; on a tie, the report's year
    or period."""
    signals = _table()["signals"]
    votes = {name: _votes(record, signals[name]) for name in _table()["generations"]}
    ranked = sorted(votes.values(), reverse=True)
    if ranked[0] > ranked[1]:
        return max(votes, key=lambda name: votes[name])
    years, report = signals["years"], record.report
    if report.year is not None:
        return str(years["later"] if report.year >= years["report_year_from"] else years["earlier"])
    if report.period is not None and report.period.end is not None:
        later = report.period.end >= years["period_end_from"]
        return str(years["later"] if later else years["earlier"])
    return str(years["default"])


def _votes(record: ReportRecord, signal: dict[str, list[str]]) -> int:
    fields = [field for field in MEASURE_FIELDS if field.name in signal["measure"]]
    from_measures = sum(
        _read_from_form(measure, field) for measure in record.measures for field in fields
    )
    from_issues = sum(issue.code.value in signal["issues"] for issue in record.issues)
    from_report = sum(_has_value(getattr(record.report, name)) for name in signal["report"])
    return from_measures + from_issues + from_report


def _read_from_form(measure: Measure, field: MeasureField) -> bool:
    value = field_value(measure, field)
    if field.kind is FieldKind.CODED:  # headings and inference exist under both forms
        return any(coded.source is Source.FORM for coded in value)
    return _has_value(value) or field.name in measure.spans


# -------------------------------------------------------------------------------- missing items


@dataclass(frozen=True, slots=True)
class _Reading:
    """What every field's check needs: the record's generation, language and issues."""

    record: ReportRecord
    generation: str
    language: str
    issues: dict[tuple[int | None, str], list[str]]  # (measure index, field) -> issue codes

    def label(self, field: str) -> str:
        return _label(field, self.generation, self.language)

    def texts(self, part: str) -> dict[str, Any]:
        return dict(_table()["text"][self.language][part])


def missing_items(record: ReportRecord) -> list[MissingItem]:
    """The report's missing items first (whole reports only), then each measure's in document
    order, fields in catalogue order. A failed record has none: nothing of it could be read."""
    if record.status is Status.FAILED:
        return []
    generation = form_generation(record)
    reading = _Reading(record, generation, form_language(record), _issues_by_field(record))
    asked = _table()["generations"][generation]
    items = _report_items(reading, asked["report"]) if _whole_report(record) else []
    for measure in record.measures:
        items += _measure_items(reading, measure, asked["measure"])
    return items


def _whole_report(record: ReportRecord) -> bool:
    """False for a single-measure export: one measure and no report-level value at all (the
    platform's export states none), whose report fields are not the Party's to fill."""
    report = record.report
    return len(record.measures) != 1 or any(
        _has_value(getattr(report, name)) for name in Report.model_fields
    )


def _issues_by_field(record: ReportRecord) -> dict[tuple[int | None, str], list[str]]:
    """The issue codes of each field; an issue naming a label key (a duplicate label) counts
    for the field that key belongs to."""
    owner = {key: field.name for field in MEASURE_FIELDS for key in field.labels}
    found: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for issue in record.issues:
        if issue.field is not None:
            name = owner.get(issue.field, issue.field)
            found[(issue.measure_index, name)].append(issue.code.value)
    return found


def _report_items(reading: _Reading, asked: list[str]) -> list[MissingItem]:
    items = []
    for name in (name for name in Report.model_fields if name in asked):
        found = _issue_states(reading, None, name) or _report_value_states(reading, name)
        items += [
            MissingItem(None, None, name, state, reading.label(name), detail)
            for state, detail in _merged(found)
        ]
    return items


def _report_value_states(reading: _Reading, name: str) -> list[tuple[str, str]]:
    report = reading.record.report
    if name == "period":  # the reporting period, or the report's own year
        period = report.period
        stated = period is not None and (period.start is not None or period.end is not None)
        return [] if stated or report.year is not None else [("blank", "")]
    if name == "contact" and _has_value(report.contact):
        required = _table()["contact"]["required"]
        lacking = [part for part in required if not _has_value(getattr(report.contact, part))]
        if not lacking:
            return []
        named = ", ".join(reading.texts("contact_parts")[part] for part in lacking)
        return [("blank", reading.texts("details")["contact_missing"].format(parts=named))]
    return [] if _has_value(getattr(report, name)) else [("blank", "")]


def _measure_items(reading: _Reading, measure: Measure, asked: list[str]) -> list[MissingItem]:
    after_yes = _table()["asked_after_yes"]
    items = []
    for field in MEASURE_FIELDS:
        if field.name not in asked:
            continue
        if field.name in after_yes and not _answered_yes(measure, after_yes[field.name]):
            continue
        found = _issue_states(reading, measure.index, field.name)
        found += _value_states(reading, measure, field, bool(found))
        label = reading.label(field.name)
        items += [
            MissingItem(measure.measure_id, measure.index, field.name, state, label, detail)
            for state, detail in _merged(found)
        ]
    return items


def _answered_yes(measure: Measure, name: str) -> bool:
    return field_value(measure, measure_field(name)) is True


def _issue_states(reading: _Reading, index: int | None, name: str) -> list[tuple[str, str]]:
    """(state, detail) of the issues that make the field unparsed or ambiguous."""
    codes = reading.issues.get((index, name), [])
    details = reading.texts("details")
    found = []
    for code in dict.fromkeys(codes):  # once per code, counted
        state = _table()["issue_states"].get(code)
        if state is not None:
            found.append((state, _counted(details.get(code, ""), codes.count(code))))
    return found


def _value_states(
    reading: _Reading, measure: Measure, field: MeasureField, has_issue: bool
) -> list[tuple[str, str]]:
    """(state, detail) of the field's value itself. A field an issue already marks unparsed or
    ambiguous holds something, so it is not also blank."""
    value = field_value(measure, field)
    details = reading.texts("details")
    if field.kind is FieldKind.BUDGET:
        state = _BUDGET_STATES.get(value.status)
        if state is not None:
            return [(state, details["budget_unparsed"] if state == "unparsed" else "")]
        return [] if value.status is not BudgetStatus.ABSENT else [("blank", "")]
    if field.kind is FieldKind.PARTNERS and value:
        return _partner_states(reading, value)
    if has_issue:
        return []
    if field.kind is FieldKind.CODED and value:
        inferred = all(coded.source is Source.INFERRED for coded in value)
        return [("blank", details["inferred"])] if inferred else []
    if _has_value(value):
        return []
    return [("blank", details["not_answered"] if field.kind is FieldKind.YES_NO else "")]


def _partner_states(reading: _Reading, partners: list[Any]) -> list[tuple[str, str]]:
    """Rows without a type of entity (a type qpr inferred from the name is not the form's) or
    without a name make the table ambiguous."""
    details = reading.texts("details")
    untyped = sum(p.entity_type is None or p.source is Source.INFERRED for p in partners)
    unnamed = sum(not _has_value(p.name) for p in partners)
    found = [
        _counted(details["partners_without_type"], untyped) if untyped else "",
        _counted(details["partners_without_name"], unnamed) if unnamed else "",
    ]
    detail = ", ".join(phrase for phrase in found if phrase)
    return [("ambiguous", detail)] if detail else []


def _merged(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One item per state, in STATES order, its details joined."""
    details: dict[str, list[str]] = {}
    for state, detail in found:
        phrases = details.setdefault(state, [])
        if detail and detail not in phrases:
            phrases.append(detail)
    return [(state, ", ".join(details[state])) for state in STATES if state in details]


def _counted(template: str | list[str], count: int) -> str:
    """A detail's phrase; a counted one is [singular, plural] with `{n}`."""
    if isinstance(template, str):
        return template
    return template[0 if count == 1 else 1].format(n=count)


def _has_value(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | dict):
        return bool(value)
    if isinstance(value, BaseModel):  # a contact or a period: any part stated
        return any(_has_value(getattr(value, name)) for name in type(value).model_fields)
    return value is not None


@cache
def _label(field: str, generation: str, language: str) -> str:
    """The form's label for the field: the generation's own wording where the data names one,
    else the first wording of the field's key in labels.toml, in `language` (else English)."""
    table = _table()
    override = table["labels"][generation].get(language, {}).get(field)
    if override:
        return str(override)
    catalogue = {f.name: f for f in MEASURE_FIELDS}
    key = table["label_keys"].get(field) or (
        catalogue[field].labels[0] if field in catalogue else field
    )
    wordings = load_table("labels")[key]
    return str((wordings.get(language) or wordings[_FALLBACK_LANGUAGE])[0])


# ------------------------------------------------------------------------------------ the letter


def letter_summary(record: ReportRecord, items: list[MissingItem]) -> str:
    """A plain text for the letter to the Party, in the form's language (English for another):
    the report, then each measure with its missing items, named by the form's labels."""
    language = form_language(record)
    text = _table()["text"][language]
    states = text["states"]
    subject = _subject(record, text)
    if not items:
        return text["complete"].format(subject=subject) + "\n"

    def joined(group: list[MissingItem]) -> str:
        return text["separator"].join(
            text["item"].format(label=item.label, detail=item.detail or states[item.state])
            for item in group
        )

    lines = [text["missing"].format(subject=subject)]
    report_items = [item for item in items if item.measure_index is None]
    if report_items:
        lines.append(text["report_line"].format(items=joined(report_items)))
    by_measure: dict[int, list[MissingItem]] = defaultdict(list)
    for item in items:
        if item.measure_index is not None:
            by_measure[item.measure_index].append(item)
    titles = {measure.index: measure.title for measure in record.measures}
    for index in sorted(by_measure):
        title = titles.get(index)
        template = text["measure_line"] if title else text["untitled_line"]
        lines.append(
            template.format(number=index + 1, title=title, items=joined(by_measure[index]))
        )
    return "\n".join(lines) + "\n"


def _subject(record: ReportRecord, text: dict[str, Any]) -> str:
    """Whom the letter speaks of: the Party and period of a whole report, else the file."""
    report = record.report
    if report.party is None or not _whole_report(record):
        return str(text["file"]).format(filename=record.source.filename)
    period = report.period
    years = [year for year in (period.start, period.end) if year is not None] if period else []
    if not years and report.year is not None:
        years = [report.year]
    when = f" ({'–'.join(str(year) for year in years)})" if years else ""
    return str(text["party"]).format(party=report.party.name, period=when)
