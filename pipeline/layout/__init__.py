"""A whole document's lines in, its parts out: the cover, the report-level fields, and where each
measure stands, with the goal, area and section headings it sits under.

A measure is a run of the form's labels. A new one starts after a heading or a report-level label,
at a labelled title, when a label comes round again, or when Where/When/Who follow a measure's
body. Its header (title, agency lines) is the run of short lines just before its first label.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from pipeline.labels import LabelMatch, is_boilerplate, is_colon_only, is_instruction
from pipeline.layout.groups import (
    REPORT_FIELDS,
    LabelGroup,
    contact_inner_labels,
    group_measure_labels,
    report_years,
)
from pipeline.layout.header import after_report_label, header_start
from pipeline.normalize import Line
from pipeline.outline import Heading, HeadingKind, find_headings
from pipeline.segment import FieldValue, find_labels, inline_value

__all__ = ["REPORT_FIELDS", "MeasurePlace", "ReportLayout", "segment_report"]


@dataclass(frozen=True, slots=True)
class MeasurePlace:
    """One measure's lines (a slice of the document) and the headings it sits under."""

    lines: tuple[Line, ...]
    goal: Heading | None
    area: Heading | None
    civil_society: bool
    """Under the civil-society section's heading."""
    unclear_start: bool
    """Split from the measure before by a repeated label, with no title line between them."""
    order_break: Line | None
    """The label where the form's order goes back with no title before it: two measures may
    run together there."""


@dataclass(frozen=True, slots=True)
class ReportLayout:
    labels: tuple[LabelMatch, ...]
    cover: tuple[Line, ...]
    """The lines before the first label, heading or measure (a title page, a report title)."""
    fields: tuple[FieldValue, ...]
    """Report-level labelled values, in document order."""
    measures: tuple[MeasurePlace, ...]


def segment_report(lines: tuple[Line, ...]) -> ReportLayout:
    labels = contact_inner_labels(report_years(find_labels(lines)))
    headings = find_headings(lines, labels)
    report_labels = [label for label in labels if label.field in REPORT_FIELDS]
    stops = sorted(
        {heading.line.index for heading in headings} | {label.first_line for label in report_labels}
    )
    # Where a measure's header may start after each stop: after a heading, or after the value
    # of a one-line report field (`Name of Party:` and `Kenya` on the next line).
    stop_ends = {heading.line.index: heading.line.index + 1 for heading in headings}
    stop_ends.update(
        {label.first_line: after_report_label(lines, label) for label in report_labels}
    )
    groups = group_measure_labels(labels, lines, stops)
    previous_end = 0
    for position, group in enumerate(groups):
        prior = groups[position - 1] if position else None
        group.header_start = header_start(lines, group, prior, stops, stop_ends, previous_end)
        previous_end = group.labels[-1].last_line + 1
    measures = _place_measures(lines, groups, stops, headings)
    starts = sorted(group.header_start for group in groups)
    first = min([len(lines), *stops, *starts, *(label.first_line for label in labels)])
    return ReportLayout(
        labels=tuple(labels),
        cover=lines[:first],
        fields=tuple(_report_values(lines, labels, report_labels, stops, starts)),
        measures=measures,
    )


def _place_measures(
    lines: tuple[Line, ...], groups: list[LabelGroup], stops: list[int], headings: list[Heading]
) -> tuple[MeasurePlace, ...]:
    """Each group's lines, up to the next measure's header or the next heading, with the goal,
    area and section headings above it."""
    places = []
    goal = area = None
    civil_society = False
    remaining = iter(headings)
    heading = next(remaining, None)
    for position, group in enumerate(groups):
        while heading is not None and heading.line.index < group.header_start:
            if heading.kind == HeadingKind.GOAL:
                goal, area = heading, None
            elif heading.kind == HeadingKind.AREA:
                area = heading
            else:
                goal = area = None
                civil_society = heading.kind == HeadingKind.CIVIL_SOCIETY
            heading = next(remaining, None)
        last = group.labels[-1].last_line
        following_stop = bisect_right(stops, last)
        end = stops[following_stop] if following_stop < len(stops) else len(lines)
        if position + 1 < len(groups):
            end = min(end, groups[position + 1].header_start)
        places.append(
            MeasurePlace(
                lines=lines[group.header_start : end],
                goal=goal,
                area=area,
                civil_society=civil_society,
                unclear_start=group.split_by_repeat
                and group.header_start == group.labels[0].first_line,
                order_break=group.order_break,
            )
        )
    return tuple(places)


def _report_values(
    lines: tuple[Line, ...],
    labels: list[LabelMatch],
    report_labels: list[LabelMatch],
    stops: list[int],
    starts: list[int],
) -> list[FieldValue]:
    """Each report-level label's value: its lines up to the next label, heading or measure."""
    label_starts = [label.first_line for label in labels]
    values = []
    for label in report_labels:
        ends = [len(lines)]
        for positions in (label_starts, stops, starts):
            following = bisect_right(positions, label.last_line)
            if following < len(positions):
                ends.append(positions[following])
        body = [
            line
            for line in lines[label.last_line + 1 : min(ends)]
            if not (is_colon_only(line) or is_boilerplate(line) or is_instruction(line))
        ]
        if label.inline_start is not None:
            body.insert(0, inline_value(lines[label.last_line], label.inline_start))
        values.append(FieldValue(label.field, label, tuple(body)))
    return values
