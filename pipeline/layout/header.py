"""Where a measure's header (its title and unlabelled agency and country lines) starts: after
the value of the label before it, at the run of short title-like lines above its first label."""

from __future__ import annotations

from bisect import bisect_left

from pipeline.blocks import BlockKind
from pipeline.fields.choices import lookup, lookup_list, parse_yes_no
from pipeline.fields.country import resolve_country
from pipeline.labels import (
    SUB_LABELS,
    LabelMatch,
    is_boilerplate,
    is_colon_only,
)
from pipeline.layout.groups import CODED, LabelGroup
from pipeline.layout.lines import (
    SHORT_VALUES,
    has_title_cue,
    in_numbered_list,
    is_cover_line,
    is_furniture,
    is_header_like,
    is_long_agency_under_title,
    is_numbered_title,
    is_one_sentence_title,
    is_styled,
)
from pipeline.normalize import Line
from schemas.measure import FieldKind, measure_fields

# Report-level labels whose value is one line (a name, a date).
_ONE_LINE_REPORT_FIELDS = frozenset(
    {"party", "ratification_date", "report_period", "submission_date", "report_year"}
)
_MAX_HEADER_LINES = 8
_FREE_TEXT = frozenset(
    label for field in measure_fields(FieldKind.FREE_TEXT) for label in field.labels
)


def header_start(
    lines: tuple[Line, ...],
    group: LabelGroup,
    prior: LabelGroup | None,
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
    covers = [position for position, line in enumerate(candidates) if is_cover_line(line)]
    candidates = candidates[covers[-1] + 1 :] if covers else candidates
    candidates = [line for line in candidates if not is_furniture(line)]
    header = _header_lines(candidates, group)
    if header and prior is None and last_stop < 0:
        # A document's first title may end with a full stop (`… Support to Culture.`): a lone
        # one-sentence line standing before the header at the very start is its title.
        before = candidates[: candidates.index(header[0])]
        if len(before) == 1 and is_one_sentence_title(before[0]):
            return before[0].index
    if header:
        return header[0].index
    # Nothing title-like: a document's first measure still takes what stands before it (a
    # title ending with a full stop); any other has no header rather than a piece of the
    # text before it.
    return candidates[0].index if candidates and prior is None and last_stop < 0 else first


def _answered_no(lines: tuple[Line, ...], group: LabelGroup, last: LabelMatch) -> bool:
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


def after_report_label(lines: tuple[Line, ...], label: LabelMatch) -> int:
    """The line after a report-level label's value when that value is one line (a name, a
    date); after the label itself otherwise."""
    index = label.last_line + 1
    if label.field not in _ONE_LINE_REPORT_FIELDS or label.inline_start is not None:
        return index
    while index < len(lines) and (is_colon_only(lines[index]) or is_boilerplate(lines[index])):
        index += 1
    return min(index + 1, len(lines))


def _end_of_last_value(
    lines: tuple[Line, ...], label: LabelMatch, before: int, empty_answer: bool
) -> int:
    """The first line after `label`'s value that can belong to the next measure: a coded
    field's value lines, a yes/no answer, partner rows and a free-text label's first line
    stay with the label. `empty_answer` says the value is expected empty (conclusions after
    an evaluation answered NO)."""
    index = label.last_line + 1
    if label.field in CODED:
        while index < before and (
            is_colon_only(lines[index]) or lookup_list(CODED, lines[index].text) is not None
        ):
            index += 1
    elif label.field == "evaluated":
        while index < before and is_colon_only(lines[index]):
            index += 1
        if index < before and parse_yes_no(lines[index].text) is not None:
            index += 1
    elif label.field in SHORT_VALUES:
        while index < before and (
            is_colon_only(lines[index])
            or (
                SHORT_VALUES[label.field].search(lines[index].text)
                and not is_numbered_title(lines[index].text)
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
        if index < before and not has_title_cue(lines[index]):
            index += 1
    return index


def _header_lines(candidates: list[Line], group: LabelGroup) -> list[Line]:
    """The run of short, title-like lines that ends the candidates; within it the title is the
    last line styled as a heading (a section heading may stand above it), else the last numbered line, else (when Who is labelled, so
    the header holds only the title) the last line."""
    run: list[Line] = []
    for line in reversed(candidates):
        if len(run) == _MAX_HEADER_LINES or not is_header_like(line):
            break
        run.insert(0, line)
    if not run and len(candidates) > 1 and is_long_agency_under_title(*candidates[-2:]):
        return candidates[-2:]
    if not run:
        return []
    styled = [position for position, line in enumerate(run) if is_styled(line)]
    if styled:
        return run[styled[-1] :]
    numbered = [
        position
        for position, line in enumerate(run)
        if is_numbered_title(line.text) and not in_numbered_list(run, position)
    ]
    if numbered:
        return run[numbered[-1] :]
    if any(label.field == "agency" for label in group.labels):
        # Who is labelled, so the header is the title, perhaps with an unlabelled country line
        # under it (`Colombie` over `Quand` / `Qui`).
        titles = [position for position, line in enumerate(run) if not resolve_country(line.text)]
        return run[titles[-1] :] if titles else run[-1:]
    return run
