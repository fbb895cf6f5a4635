"""Organisations, places, dates, money and laws a measure's main text names."""

from __future__ import annotations

from pipeline.fields.text import TextValue
from pipeline.nlp import find_entities
from schemas.measure import Entity


def find_measure_entities(
    values: dict[str, TextValue], languages: dict[str, str | None]
) -> list[Entity]:
    """The entities of each text, with offsets into the document; the field name says where
    each was found."""
    names = list(values)
    # A field too short for its own language is read in the language of the others.
    detected = [language for language in languages.values() if language]
    usual = max(sorted(set(detected)), key=detected.count) if detected else None
    found = find_entities([(values[name].text, languages.get(name) or usual) for name in names])
    entities = [
        Entity(
            text=mention.text,
            label=mention.label,
            field=name,
            start=values[name].document_offset(mention.start),
            end=values[name].document_offset(mention.end),
        )
        for name, mentions in zip(names, found, strict=True)
        for mention in mentions
        if _contiguous(values[name], mention.start, mention.end)
    ]
    return sorted(entities, key=lambda entity: entity.start)


def _contiguous(value: TextValue, start: int, end: int) -> bool:
    """Whether `value.text[start:end]` stands as such in the document: not so for a mention
    running over a line the value leaves out (a colon-only or boilerplate line), whose offsets
    could not slice its text."""
    return value.document_offset(end) - value.document_offset(start) == end - start
