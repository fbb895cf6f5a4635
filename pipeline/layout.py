"""A whole document's lines in, its parts out: the cover, the report-level fields, and where each
measure stands, with the goal, area and section headings it sits under.

A measure is a run of the form's labels. A new one starts after a heading or a report-level label,
at a labelled title, when a label comes round again, or when Where/When/Who follow a measure's
body. Its header (title, agency lines) is the run of short lines just before its first label.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from pipeline.blocks import BlockKind
from pipeline.fields.choices import lookup, lookup_list, parse_yes_no
from pipeline.fields.country import resolve_country
from pipeline.fields.dates import parse_period
from pipeline.labels import (
    SUB_LABELS,
    LabelMatch,
    is_boilerplate,
    is_colon_only,
    is_instruction,
)
from pipeline.normalize import Line, match_key
from pipeline.outline import Heading, HeadingKind, find_headings, outline_depth
from pipeline.segment import FieldValue, find_labels, inline_value
from pipeline.tables import load_table
from schemas.measure import FieldKind, measure_fields

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
_ONE_LINE_REPORT_FIELDS = frozenset(
    {"party", "ratification_date", "report_period", "submission_date", "report_year"}
)
# Labels the point of contact's block may hold that are also a measure's (`Country:`).
_CONTACT_INNER_FIELDS = frozenset({"country", "year"})
_CODED = tuple(field.name for field in measure_fields(FieldKind.CODED))
# Fields that open a measure record: after a measure's body they start the next measure.
_OPENING = frozenset({"title", "country", "year", "civil_society_banner"})
# The 2020+ form's short agency label opens a record; the 2012 form asks for the agency late.
_OPENING_AGENCY_LABELS = frozenset({"who", "qui", "quien"})
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
_MAX_HEADER_LINES = 8
_WORD = re.compile(r"[^\W\d_]{2,}")
_COVER_PERIOD_WORDS = 2
# A full stop ending a sentence inside a line: not one of a title (`Dr.`, `1.2`, `S.A.`).
_SENTENCE_INSIDE = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")
# Titles of agreements run long (`Agreement between the Government of … and the Government of
# … on cooperation in the fields of …`).
_MAX_HEADER_CHARS = 300
_LIST_ITEM = re.compile(r"^\s*(?:[-•*o▪◦–·]|\(?[a-z0-9]\))\s")
# `3. Title`, `1.2 Title`, `2.1.3. Title`: an outline number, then a capitalised word (so that
# `1.250.000 USD` or `2.5 millions` are figures, not titles).
_NUMBERED_TITLE = re.compile(r"^\s*\d{1,2}\.(?:\d{1,2}\.)*(?:\d{1,2})?\s+(?P<word>[^\W\d_]{2})")
_SENTENCE_END = (".", ";", ":", "!", "?")
_FREE_TEXT = frozenset(
    label for field in measure_fields(FieldKind.FREE_TEXT) for label in field.labels
)
# Lines that stand above a title without being one: a page number, a counter
# (`Policy/Measure 3`, `Mesure 4`).
_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|p\.|página)?\s*\d{1,4}(?:\s*(?:of|sur|de|/)\s*\d{1,4})?\W*$", re.I
)
_COUNTER = re.compile(
    r"^\s*(?:policy\s*/\s*)?(?:measure|mesure|medida|politique\s*/\s*mesure|política\s*/\s*medida)"
    r"\s*(?:n\s*[°º.]?\s*)?\d{1,3}\s*$",
    re.I,
)
# Values whose lines look like a title's (short, no full stop) but are not: a figure, a link.
_SHORT_VALUES = {
    "budget": re.compile(r"\d|^\W*(?:n/?a|nd|/+|-+)\W*$", re.IGNORECASE),
    "website": re.compile(r"https?://|www\.", re.IGNORECASE),
}


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


@dataclass(slots=True)
class _Group:
    labels: list[LabelMatch]
    split_by_repeat: bool
    header_start: int = 0
    order_break: Line | None = None
    """Where the labels go back in the form's order with no title before: two measures
    may run together there."""


def segment_report(lines: tuple[Line, ...]) -> ReportLayout:
    labels = _contact_inner_labels(_report_years(find_labels(lines)))
    headings = find_headings(lines, labels)
    report_labels = [label for label in labels if label.field in REPORT_FIELDS]
    stops = sorted(
        {heading.line.index for heading in headings} | {label.first_line for label in report_labels}
    )
    # Where a measure's header may start after each stop: after a heading, or after the value
    # of a one-line report field (`Name of Party:` and `Kenya` on the next line).
    stop_ends = {heading.line.index: heading.line.index + 1 for heading in headings}
    stop_ends.update(
        {label.first_line: _after_report_label(lines, label) for label in report_labels}
    )
    groups = _group_measure_labels(labels, lines, stops)
    previous_end = 0
    for position, group in enumerate(groups):
        prior = groups[position - 1] if position else None
        group.header_start = _header_start(lines, group, prior, stops, stop_ends, previous_end)
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


def _report_years(labels: list[LabelMatch]) -> list[LabelMatch]:
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


def _contact_inner_labels(labels: list[LabelMatch]) -> list[LabelMatch]:
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


def _group_measure_labels(
    labels: list[LabelMatch], lines: tuple[Line, ...], stops: list[int]
) -> list[_Group]:
    """The measure labels, grouped into one run per measure."""
    groups: list[_Group] = []
    current: _Group | None = None
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
            and (filled[label.field] or label.field not in _CODED)
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
            and current.labels[-1].field in _CODED
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
            current = _Group([], split_by_repeat=current is not None and label.field != "title")
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


def _title_cue_before(lines: tuple[Line, ...], group: _Group, label: LabelMatch) -> bool:
    """A heading-styled or numbered short line between the group's last label and `label`."""
    return any(
        _has_title_cue(line) for line in lines[group.labels[-1].last_line + 1 : label.first_line]
    )


def _styled_title_before(lines: tuple[Line, ...], group: _Group, label: LabelMatch) -> bool:
    between = lines[group.labels[-1].last_line + 1 : label.first_line]
    return any(_is_styled(line) and _is_header_like(line) for line in between)


def _has_title_cue(line: Line) -> bool:
    return (_is_styled(line) or _is_numbered_title(line.text)) and _is_header_like(line)


def _stop_between(stops: list[int], after: int, before: int) -> bool:
    return bisect_right(stops, after) < bisect_left(stops, before)


def _header_start(
    lines: tuple[Line, ...],
    group: _Group,
    prior: _Group | None,
    stops: list[int],
    stop_ends: dict[int, int],
    previous_end: int,
) -> int:
    """Where the measure's header (title, unlabelled agency and country lines) starts."""
    first = group.labels[0].first_line
    if group.labels[0].field == "title":
        return first  # a labelled title: what stands before belongs to something else
    last_stop = bisect_left(stops, first) - 1
    floor = stop_ends[stops[last_stop]] if last_stop >= 0 else 0
    if prior is not None and floor <= prior.labels[-1].last_line:
        # The lines between the two measures: the first measure's last value, then this header.
        floor = _end_of_last_value(
            lines, prior.labels[-1], first, _answered_no(lines, prior, prior.labels[-1])
        )
    floor = max(floor, previous_end if prior is not None else 0)
    candidates = [line for line in lines[floor:first] if not is_boilerplate(line)]
    # A title page, or a running header left by a PDF's text export, before the measure: the
    # header starts after it.
    covers = [position for position, line in enumerate(candidates) if _is_cover_line(line)]
    candidates = candidates[covers[-1] + 1 :] if covers else candidates
    candidates = [line for line in candidates if not _is_furniture(line)]
    header = _header_lines(candidates, group)
    if header and prior is None and last_stop < 0:
        # A document's first title may end with a full stop (`… Support to Culture.`): a lone
        # one-sentence line standing before the header at the very start is its title.
        before = candidates[: candidates.index(header[0])]
        if len(before) == 1 and _is_one_sentence_title(before[0]):
            return before[0].index
    if header:
        return header[0].index
    # Nothing title-like: a document's first measure still takes what stands before it (a
    # title ending with a full stop); any other has no header rather than a piece of the
    # text before it.
    return candidates[0].index if candidates and prior is None and last_stop < 0 else first


def _answered_no(lines: tuple[Line, ...], group: _Group, last: LabelMatch) -> bool:
    """Conclusions are expected empty when the measure says it was not evaluated."""
    if last.field != "conclusions":
        return False
    evaluated = next((label for label in group.labels if label.field == "evaluated"), None)
    if evaluated is None or evaluated.last_line + 1 >= len(lines):
        return False
    answer = lines[evaluated.last_line + 1].text
    if evaluated.inline_start is not None:
        answer = lines[evaluated.last_line].text[
            evaluated.inline_start - lines[evaluated.last_line].start :
        ]
    return parse_yes_no(answer) is False


def _after_report_label(lines: tuple[Line, ...], label: LabelMatch) -> int:
    """The line after a report-level label's value when that value is one line (a name, a
    date); after the label itself otherwise."""
    index = label.last_line + 1
    if label.field not in _ONE_LINE_REPORT_FIELDS or label.inline_start is not None:
        return index
    while index < len(lines) and (is_colon_only(lines[index]) or is_boilerplate(lines[index])):
        index += 1
    return min(index + 1, len(lines))


def _is_furniture(line: Line) -> bool:
    return bool(_PAGE_NUMBER.match(line.text) or _COUNTER.match(line.text))


def _is_cover_line(line: Line) -> bool:
    """A report's title line: `Quadrennial Periodic Report 2016-2019`, or a period alone (with
    a word or two: `Period 2016-2019`). A title that carries its years (`Digital Culture,
    2018 to 2024`) is no cover line."""
    if any(word in line.key for word in _cover_words()):
        return True
    period = parse_period(line.text)
    if period is None:
        return False
    rest = line.text[: period[2]] + " " + line.text[period[3] :]
    return len(_WORD.findall(rest)) <= _COVER_PERIOD_WORDS


@cache
def _cover_words() -> tuple[str, ...]:
    return tuple(match_key(word) for word in load_table("headings")["cover"]["words"])


def _end_of_last_value(
    lines: tuple[Line, ...], label: LabelMatch, before: int, empty_answer: bool
) -> int:
    """The first line after `label`'s value that can belong to the next measure: a coded
    field's value lines, a yes/no answer, partner rows and a free-text label's first line
    stay with the label. `empty_answer` says the value is expected empty (conclusions after
    an evaluation answered NO)."""
    index = label.last_line + 1
    if label.field in _CODED:
        while index < before and (
            is_colon_only(lines[index]) or lookup_list(_CODED, lines[index].text) is not None
        ):
            index += 1
    elif label.field == "evaluated":
        while index < before and is_colon_only(lines[index]):
            index += 1
        if index < before and parse_yes_no(lines[index].text) is not None:
            index += 1
    elif label.field in _SHORT_VALUES:
        while index < before and (
            is_colon_only(lines[index])
            or (
                _SHORT_VALUES[label.field].search(lines[index].text)
                and not _is_numbered_title(lines[index].text)
            )
        ):
            index += 1
    elif label.field in ("partners", *SUB_LABELS):
        rows = [
            line.index
            for line in lines[index:before]
            if line.kind == BlockKind.TABLE_ROW
            or "|" in line.text
            or lookup("entity_type", line.text)
        ]
        index = rows[-1] + 1 if rows else index
    elif label.field in _FREE_TEXT and label.inline_start is None and not empty_answer:
        # The line after a free-text label is its value, even without a full stop, unless it
        # looks like the next measure's title.
        while index < before and is_colon_only(lines[index]):
            index += 1
        if index < before and not _has_title_cue(lines[index]):
            index += 1
    return index


def _header_lines(candidates: list[Line], group: _Group) -> list[Line]:
    """The run of short, title-like lines that ends the candidates; within it the title is the
    last line styled as a heading (a section heading may stand above it), else the last numbered line, else (when Who is labelled, so
    the header holds only the title) the last line."""
    run: list[Line] = []
    for line in reversed(candidates):
        if len(run) == _MAX_HEADER_LINES or not _is_header_like(line):
            break
        run.insert(0, line)
    if not run and len(candidates) > 1 and _is_long_agency_under_title(*candidates[-2:]):
        return candidates[-2:]
    if not run:
        return []
    styled = [position for position, line in enumerate(run) if _is_styled(line)]
    if styled:
        return run[styled[-1] :]
    numbered = [
        position
        for position, line in enumerate(run)
        if _is_numbered_title(line.text) and not _in_numbered_list(run, position)
    ]
    if numbered:
        return run[numbered[-1] :]
    if any(label.field == "agency" for label in group.labels):
        # Who is labelled, so the header is the title, perhaps with an unlabelled country line
        # under it (`Colombie` over `Quand` / `Qui`).
        titles = [position for position, line in enumerate(run) if not resolve_country(line.text)]
        return run[titles[-1] :] if titles else run[-1:]
    return run


def _is_long_agency_under_title(title: Line, agency: Line) -> bool:
    """A title styled as a heading over one line too long for a header line (a long list of
    bodies, `22 members of the working group (universities, …)`): the two are the header."""
    return (
        _is_styled(title)
        and _is_header_like(title)
        and not _is_styled(agency)
        and len(agency.text) <= 2 * _MAX_HEADER_CHARS
        and not _LIST_ITEM.match(agency.text)
    )


def _is_header_like(line: Line) -> bool:
    if line.kind == BlockKind.TABLE_ROW and sum(1 for cell in line.cells or () if cell.text) > 1:
        return False
    if len(line.text) > _MAX_HEADER_CHARS or _LIST_ITEM.match(line.text):
        return False
    if _SHORT_VALUES["website"].match(line.text):
        return False  # a link is never a title
    return _is_styled(line) or not line.text.rstrip().endswith(_SENTENCE_END)


def _is_one_sentence_title(line: Line) -> bool:
    text = line.text.rstrip()
    return (
        len(text) <= _MAX_HEADER_CHARS
        and text.endswith(".")
        and not _LIST_ITEM.match(text)
        and not _SENTENCE_INSIDE.search(text[:-1])
    )


def _in_numbered_list(run: list[Line], position: int) -> bool:
    """`1. Increase …` next to `2. Publish …`: items of a list, numbered at the same depth."""
    depth = outline_depth(run[position].text)
    return any(
        outline_depth(run[neighbour].text) == depth
        for neighbour in (position - 1, position + 1)
        if 0 <= neighbour < len(run)
    )


def _is_numbered_title(text: str) -> bool:
    match = _NUMBERED_TITLE.match(text)
    return match is not None and match["word"][0].isupper() and match["word"][1].islower()


def _is_styled(line: Line) -> bool:
    return line.kind == BlockKind.HEADING or line.level is not None or line.bold


def _place_measures(
    lines: tuple[Line, ...], groups: list[_Group], stops: list[int], headings: list[Heading]
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
