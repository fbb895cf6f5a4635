"""The form's labels grouped into one run per measure: a run ends at a heading or a report-level
label, at a labelled title, when a label comes round again or goes back in the form's order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from pipeline.labels import (
    SUB_LABELS,
    LabelMatch,
    is_colon_only,
)
from pipeline.layout.lines import has_title_cue, is_header_like, is_styled
from pipeline.normalize import Line, match_key
from pipeline.tables import load_table
from schemas.measure import FieldKind, measure_fields

# The labels of the report as a whole, not of one of its measures.
REPORT_FIELDS = frozenset(
    {
        "party",
        "ratification_date",
        "contact",
        "consultation",
        "executive_summary",
        "report_period",
        "submission_date",
        "report_year",
    }
)
# Labels the point of contact's block may hold that are also a measure's (`Country:`).
_CONTACT_INNER_FIELDS = frozenset({"country", "year"})
# The coded fields: goals, areas, domains, priorities.
CODED = tuple(field.name for field in measure_fields(FieldKind.CODED))
# Fields that open a measure record: after a measure's body they start the next measure.
_OPENING = frozenset({"title", "country", "year", "civil_society_banner"})
_NEVER_REPEATS = frozenset({"other_field", "civil_society_banner"})
# The order in which both the 2020+ and the 2012-2016 forms ask for a measure's body (agency and
# the coded blocks move between layouts, so they have no rank): a label that goes back in this
# order begins another measure.
_FORM_ORDER = {
    label: field.form_rank
    for field in measure_fields()
    if field.form_rank is not None
    for label in field.labels
}
# The 2020+ form's short agency label opens a record; the 2012 form asks for the agency late.
_OPENING_AGENCY_LABELS = frozenset(load_table("form_words")["opening_agency_labels"]["keys"])


@dataclass(slots=True)
class LabelGroup:
    """The labels of one measure, and where its header starts."""

    labels: list[LabelMatch]
    split_by_repeat: bool
    header_start: int = 0
    order_break: Line | None = None
    """Where the labels go back in the form's order with no title before: two measures
    may run together there."""


def report_years(labels: list[LabelMatch]) -> list[LabelMatch]:
    """A summary page's `Year` / `2012` / `Party` / `Tunisia`: a year label whose next label is
    the report's own (its Party, its summary) gives the report's year, not a measure's."""
    return [
        replace(label, field="report_year")
        if label.field == "year"
        and position + 1 < len(labels)
        and labels[position + 1].field in REPORT_FIELDS
        else label
        for position, label in enumerate(labels)
    ]


def contact_inner_labels(labels: list[LabelMatch]) -> list[LabelMatch]:
    """The point of contact's block has labels of its own (`Country:`, `Title:`, `Address:`):
    between the contact's label and the next report-level one, a country or year label with
    no measure's body around it is part of the contact, not a measure's start."""
    kept: list[LabelMatch] = []
    inside: list[LabelMatch] | None = None
    for label in [*labels, None]:
        if label is None or label.field in REPORT_FIELDS:
            if inside is not None and not all(
                inner.field in _CONTACT_INNER_FIELDS for inner in inside
            ):
                kept.extend(inside)
            inside = [] if label is not None and label.field == "contact" else None
            if label is not None:
                kept.append(label)
        elif inside is not None:
            inside.append(label)
        else:
            kept.append(label)
    return kept


def group_measure_labels(
    labels: list[LabelMatch], lines: tuple[Line, ...], stops: list[int]
) -> list[LabelGroup]:
    """The measure labels, grouped into one run per measure."""
    groups: list[LabelGroup] = []
    current: LabelGroup | None = None
    filled: dict[str, bool] = {}
    has_body = False
    for position, label in enumerate(labels):
        if label.field in REPORT_FIELDS:
            current = None
            continue
        if label.field in SUB_LABELS:
            if current is not None:
                current.labels.append(label)
            continue
        following = labels[position + 1].first_line if position + 1 < len(labels) else len(lines)
        has_value = label.inline_start is not None or any(
            not is_colon_only(line) for line in lines[label.last_line + 1 : following]
        )
        opening = label.field in _OPENING or (
            label.field == "agency" and match_key(label.label_text) in _OPENING_AGENCY_LABELS
        )
        repeated = (
            label.field in filled
            and label.field not in _NEVER_REPEATS
            and (filled[label.field] or label.field not in CODED)
        )
        new_measure = (
            current is None
            or _stop_between(stops, current.labels[-1].last_line, label.first_line)
            or repeated
            or (opening and has_body)
        )
        if (
            current is not None
            and not new_measure
            and current.labels[-1].field in CODED
            and _styled_title_before(lines, current, label)
        ):
            # After a record's goal or domain block, a title styled as a heading starts the
            # next record, even when its first label does not go back in the form's order.
            new_measure = True
        if current is not None and not new_measure and _goes_back(current.labels, label):
            # Back in the form's order: a new measure if a title stands before the label; if
            # none does, the two stay together and the record says where.
            new_measure = _title_cue_before(lines, current, label)
            if not new_measure:
                current.order_break = current.order_break or lines[label.first_line]
        if current is None or new_measure:
            current = LabelGroup([], split_by_repeat=current is not None and label.field != "title")
            if current.split_by_repeat and _stop_between(
                stops, groups[-1].labels[-1].last_line, label.first_line
            ):
                current.split_by_repeat = False
            groups.append(current)
            filled, has_body = {}, False
        current.labels.append(label)
        filled[label.field] = filled.get(label.field, False) or has_value
        has_body = has_body or not (opening or label.field == "other_field")
    return groups


def _goes_back(labels: list[LabelMatch], label: LabelMatch) -> bool:
    rank = _FORM_ORDER.get(label.field)
    ranks = [_FORM_ORDER[seen.field] for seen in labels if seen.field in _FORM_ORDER]
    return rank is not None and bool(ranks) and rank < ranks[-1]


def _title_cue_before(lines: tuple[Line, ...], group: LabelGroup, label: LabelMatch) -> bool:
    """A heading-styled or numbered short line between the group's last label and `label`."""
    return any(
        has_title_cue(line) for line in lines[group.labels[-1].last_line + 1 : label.first_line]
    )


def _styled_title_before(lines: tuple[Line, ...], group: LabelGroup, label: LabelMatch) -> bool:
    between = lines[group.labels[-1].last_line + 1 : label.first_line]
    return any(is_styled(line) and is_header_like(line) for line in between)


def _stop_between(stops: list[int], after: int, before: int) -> bool:
    return bisect_right(stops, after) < bisect_left(stops, before)
