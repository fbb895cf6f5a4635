"""Goals, areas of monitoring, cultural domains and transversal priorities: from the form's own
lines, then the headings the measure sits under, then inferred from its text."""

from __future__ import annotations

from typing import Any

from pipeline.fields.choices import lookup_list
from pipeline.fields.text import TextValue
from pipeline.inference import infer_codes
from pipeline.layout import MeasurePlace
from pipeline.measure.reading import MeasureReading, line_span
from pipeline.normalize import Line
from pipeline.outline import area_goal
from schemas.common import Source, Span
from schemas.measure import FieldKind, coded_value_model, measure_field, measure_fields
from schemas.outcome import IssueCode

_CODED = measure_fields(FieldKind.CODED)

CodedValues = dict[str, list[Any]]


def read_coded(
    reading: MeasureReading,
    place: MeasurePlace | None,
    title: TextValue | None,
    texts: list[TextValue],
) -> CodedValues:
    """Each coded field's values, each once: the form's in document order, then the headings',
    then, for a field the form and headings leave empty, those inferred from the text."""
    coded = _read_form_codes(reading)
    if place is not None:
        _add_heading_codes(coded, place)
    _add_inferred_codes(coded, title, texts)
    return coded


def _read_form_codes(reading: MeasureReading) -> CodedValues:
    values: CodedValues = {field.name: [] for field in _CODED}
    for field in _CODED:
        value = reading.field(field.name)
        lines = value.lines if value else ()
        for position, line in enumerate(lines):
            found = lookup_list(field.vocabularies, line.text)
            if found is None:
                if reading.section.last_field == field.name:
                    reading.note(
                        IssueCode.TRAILING_TEXT_IGNORED,
                        field.name,
                        f"{len(lines) - position} line(s) after the last value were left "
                        f"out, starting '{line.text[:60]}'",
                    )
                    break
                reading.note(
                    IssueCode.UNRECOGNISED_VALUE,
                    field.name,
                    f"'{line.text[:80]}' is not a known value",
                )
                continue
            for vocabulary, code, start, end in found:
                _add_code(
                    values,
                    vocabulary,
                    code=code,
                    raw=line.text[start:end],
                    source=Source.FORM,
                    span=line_span(line, line.start + start, line.start + end),
                )
    return values


def _add_code(values: CodedValues, vocabulary: str, **value: Any) -> None:
    """Adds the value unless its code is there already."""
    if any(known.code == value["code"] for known in values[vocabulary]):
        return
    values[vocabulary].append(coded_value_model(measure_field(vocabulary))(**value))


def _add_heading_codes(coded: CodedValues, place: MeasurePlace) -> None:
    """The goal and area of the headings the measure sits under, after the form's own values;
    an area heading also names its goal."""
    found: list[tuple[str, str, Line]] = []
    if place.goal is not None and place.goal.code:
        found.append(("goals", place.goal.code, place.goal.line))
    if place.area is not None and place.area.code:
        found.append(("areas_of_monitoring", place.area.code, place.area.line))
        found.append(("goals", area_goal(place.area.code), place.area.line))
    for vocabulary, code, line in found:
        _add_code(
            coded, vocabulary, code=code, raw=line.text, source=Source.HEADING, span=line_span(line)
        )


def _add_inferred_codes(
    coded: CodedValues, title: TextValue | None, texts: list[TextValue]
) -> None:
    """Domains, areas and target groups the form leaves blank, read from the text: marked
    `inferred`, with every evidence span; a field the form fills is never touched."""
    for field in _CODED:
        if not field.inferred or coded[field.name]:
            continue
        for inferred in infer_codes(field.name, title, texts):
            evidence = [
                Span(start=item.start, end=item.end, page=item.page) for item in inferred.evidence
            ]
            coded[field.name].append(
                coded_value_model(field)(
                    code=inferred.code,
                    raw=inferred.evidence[0].text,
                    source=Source.INFERRED,
                    span=evidence[0],
                    evidence=evidence,
                )
            )
