"""The languages of a record's measures: which one most of their free text is in, and each
language's share of it."""

from __future__ import annotations

from pipeline.language import content_language
from schemas import Measure
from schemas.measure import FieldKind, MeasureField, field_value, measure_fields

_FREE_TEXT = measure_fields(FieldKind.FREE_TEXT)
# docs/record.md: the language of the description, results and conclusions together.
_MAIN_TEXT = tuple(field for field in _FREE_TEXT if field.main_text)
_OTHER_TEXT = tuple(field for field in _FREE_TEXT if not field.main_text)


def content_shares(measures: list[Measure]) -> dict[str, float]:
    """Each detected language's share of the free text, by characters."""
    sizes: dict[str, int] = {}
    for measure in measures:
        for field in _FREE_TEXT:
            text = field_value(measure, field)
            language = measure.languages.get(field.name)
            if text and language:
                sizes[language] = sizes.get(language, 0) + len(text)
    total = sum(sizes.values())
    return {language: round(size / total, 4) for language, size in sorted(sizes.items())}


def report_content_language(measures: list[Measure]) -> str | None:
    """The language of most of the measures' free text, each measure weighing its length."""
    weights: dict[str, int] = {}
    for measure in measures:
        language = measure_content_language(measure)
        if language is not None:
            size = sum(len(field_value(measure, field) or "") for field in _MAIN_TEXT)
            weights[language] = weights.get(language, 0) + size
    return max(sorted(weights), key=lambda language: weights[language]) if weights else None


def measure_content_language(measure: Measure) -> str | None:
    """The language of the measure's main text together."""
    present = _texts_present(measure, _MAIN_TEXT)
    if not present:
        # A 2012-2016 record may hold only its key objectives: they are its free text then.
        present = _texts_present(measure, _OTHER_TEXT)
    return content_language(
        {name: measure.languages.get(name) for name in present}, list(present.values())
    )


def _texts_present(measure: Measure, fields: tuple[MeasureField, ...]) -> dict[str, str]:
    return {field.name: text for field in fields if (text := field_value(measure, field))}
