"""One measure's section in, a validated `Measure` and its issues out (docs/record.md rules).

Each field comes from its label's value; what the form leaves unlabelled comes from the header
(title, agency and country lines). Values keep the source's text; every value has its span.
The fields are those of the catalogue in `schemas.measure`.
"""

from __future__ import annotations

from pipeline.fields.text import TextValue, text_value
from pipeline.language import detect_language
from pipeline.layout import MeasurePlace
from pipeline.limits import DEFAULT_LIMITS
from pipeline.measure.coded import read_coded
from pipeline.measure.entities import find_measure_entities
from pipeline.measure.header import read_agency, read_country, read_header, read_title, read_year
from pipeline.measure.reading import MeasureReading, value_span
from pipeline.measure.values import (
    read_budget,
    read_codes,
    read_evaluation,
    read_partners,
    read_website,
)
from pipeline.segment import MeasureSection
from schemas.common import Country, Nature, Scope
from schemas.measure import FieldKind, Measure, MeasureField, measure_field, measure_fields
from schemas.outcome import Issue, IssueCode

__all__ = ["extract_measure"]

# The main text first: its issues come first, and inference weighs the texts in this order.
_FREE_TEXT = sorted(measure_fields(FieldKind.FREE_TEXT), key=lambda field: not field.main_text)


def extract_measure(
    section: MeasureSection,
    index: int,
    measure_id: str,
    place: MeasurePlace | None = None,
    party: Country | None = None,
    field_characters: int = DEFAULT_LIMITS.field_characters,
) -> tuple[Measure, list[Issue]]:
    """`place` gives the headings the measure sits under in a whole report; `party` the
    report's Party, which is the measure's country when it states none. A free-text value
    longer than `field_characters` is cut there (NLP and language detection walk it)."""
    reading = MeasureReading(section, index)
    texts = {
        field.name: value
        for field in _FREE_TEXT
        if (value := _read_free_text(reading, field, field_characters)) is not None
    }
    header = read_header(section)
    title = read_title(reading, header)
    agency = read_agency(reading, header)
    country = read_country(reading, header, party)
    year = read_year(reading, header)
    website = read_website(reading)
    budget = read_budget(reading)
    partners = read_partners(reading)
    evaluation = read_evaluation(reading, _text_of(texts, "conclusions"))
    title_text = text_value((header.title,)) if header.title else None
    coded = read_coded(reading, place, title_text, list(texts.values()))
    _note_section_leftovers(reading)
    languages = {name: detect_language(value.text) for name, value in texts.items() if value.text}
    main_texts = {name: value for name, value in texts.items() if measure_field(name).main_text}
    entities = find_measure_entities(main_texts, languages)
    measure = Measure(
        measure_id=measure_id,
        index=index,
        title=title,
        agency=agency,
        country=country,
        year=year,
        reported_by_civil_society=section.civil_society
        or (place is not None and place.civil_society),
        description=_text_of(texts, "description"),
        website=website,
        results=_text_of(texts, "results"),
        key_objectives=_text_of(texts, "key_objectives"),
        scope=[Scope(code) for code in read_codes(reading, "scope")],
        nature=[Nature(code) for code in read_codes(reading, "nature")],
        budget=budget,
        partners=partners,
        evaluation=evaluation,
        goals=coded["goals"],
        areas_of_monitoring=coded["areas_of_monitoring"],
        cultural_domains=coded["cultural_domains"],
        transversal_priorities=coded["transversal_priorities"],
        languages=dict(sorted(languages.items())),
        entities=entities,
        spans=dict(sorted(reading.spans.items())),
    )
    return measure, reading.issues


def _text_of(texts: dict[str, TextValue], name: str) -> str | None:
    value = texts.get(name)
    return value.text if value is not None else None


def _read_free_text(
    reading: MeasureReading, field: MeasureField, field_characters: int
) -> TextValue | None:
    """The value of the field's first label the form has (results, else the 2012-2016 form's
    expected results), cut at `field_characters`."""
    value = None
    for position, label in enumerate(field.labels):
        value = reading.text(label)
        if value is not None:
            if position:
                reading.note(
                    IssueCode.RESULTS_EXPECTED,
                    field.name,
                    "the 2012-2016 form asks for expected results: these are not achieved results",
                )
            break
    if value is None:
        return None
    if len(value.text) > field_characters:
        reading.note(
            IssueCode.TOO_LARGE,
            field.name,
            f"the value holds {len(value.text):,} characters; only the first "
            f"{field_characters:,} are kept (the limit per field)",
        )
        value = value.cut(field_characters)
    reading.mark(field.name, value_span(value))
    return value


def _note_section_leftovers(reading: MeasureReading) -> None:
    """Labels met twice, and lines after the record's last field."""
    for duplicate in reading.section.duplicates:
        reading.note(
            IssueCode.DUPLICATE_LABEL,
            duplicate.field,
            f"the label '{duplicate.label.label_text}' occurs again; its first value is used",
        )
    if reading.section.trailing:
        trailing = reading.section.trailing
        reading.note(
            IssueCode.TRAILING_TEXT_IGNORED,
            None,
            f"{len(trailing)} line(s) after the record were left out, "
            f"starting '{trailing[0].text[:60]}'",
        )
