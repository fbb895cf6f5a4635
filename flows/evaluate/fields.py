"""The fields `qpr evaluate` scores, where each stands in a record, and the settings of the
matching rules."""

from __future__ import annotations

from schemas.measure import FieldKind, measure_fields

RULES = ("exact", "soft")


def _scored_measure_fields() -> dict[str, tuple[str, ...]]:
    """Scored field -> where its value stands in a measure, from the field catalogue; the same
    paths serve full records and the truth shape of samples/reports/truth/, which mirrors a
    record. A budget is scored part by part, a country by its code."""
    paths: dict[str, tuple[str, ...]] = {}
    for scored in measure_fields():
        if scored.kind in (FieldKind.CODED, FieldKind.CODES, FieldKind.PARTNERS):
            continue
        name = ".".join(scored.path)
        for part in scored.scored_parts:
            paths[f"{name}.{part}"] = (*scored.path, part)
        if not scored.scored_parts:
            compared = (scored.compared_by,) if scored.compared_by else ()
            paths[name] = (*scored.path, *compared)
    return paths


MEASURE_FIELDS = _scored_measure_fields()


CODE_FIELDS = tuple(
    coded.name for coded in (*measure_fields(FieldKind.CODED), *measure_fields(FieldKind.CODES))
)


# Where each scored field of the report object stands in it.
REPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "report.party": ("party", "iso3"),
    "report.period": ("period",),
    "report.year": ("year",),
    "report.ratification_date": ("ratification_date",),
    "report.contact.name": ("contact", "name"),
    "report.contact.organization": ("contact", "organization"),
    "report.contact.email": ("contact", "email"),
    "report.contact.phone": ("contact", "phone"),
    "report.contact.address": ("contact", "address"),
    "report.consultation_process": ("consultation_process",),
    "report.executive_summary": ("executive_summary",),
}


FIELDS = (*MEASURE_FIELDS, *CODE_FIELDS, *REPORT_FIELDS)


MEASURE_KEYS = frozenset((*MEASURE_FIELDS, *CODE_FIELDS, "partners"))  # keys of a flat measure


# Paragraphs re-flowed by a PDF reader or a word changed by a repair should not make a whole
# description wrong under the soft rule: these fields match on an edit-distance ratio.
LONG_TEXT_FIELDS = frozenset(
    {
        *(".".join(text.path) for text in measure_fields(FieldKind.FREE_TEXT)),
        "report.consultation_process",
        "report.executive_summary",
    }
)


SOFT_RATIO = 0.9


RELATIVE_TOLERANCE = 1e-6


NOT_ANNOTATED = object()  # a truth file may leave its report out: then it is not scored
