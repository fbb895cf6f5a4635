"""Lines of one measure in, the measure's parts out: header lines, labelled values, trailing lines.

The header is what stands before the first label (title, then agency or country lines); each
label's value runs to the next label. Link text and site boilerplate never become a value, and
what follows the last field's value after such boilerplate is trailing text, set apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.labels import (
    SUB_LABELS,
    LabelMatch,
    is_boilerplate,
    is_colon_only,
    is_cut_label,
    is_instruction,
    match_line,
)
from pipeline.normalize import Line, match_key


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A labelled field: its label and the value's lines, the first of them possibly the part
    of the label's own line after the label (`Where: Azerbaijan`, a label | value table row)."""

    field: str
    label: LabelMatch
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class MeasureSection:
    header: tuple[Line, ...]
    fields: tuple[FieldValue, ...]
    duplicates: tuple[FieldValue, ...]
    trailing: tuple[Line, ...]
    labels: tuple[LabelMatch, ...]
    civil_society: bool

    def field(self, name: str) -> FieldValue | None:
        return next((value for value in self.fields if value.field == name), None)

    @property
    def last_field(self) -> str | None:
        return self.fields[-1].field if self.fields else None


def find_labels(lines: tuple[Line, ...]) -> list[LabelMatch]:
    """Every label in `lines`, in order; a two-line label is one match."""
    labels: list[LabelMatch] = []
    index = 0
    while index < len(lines):
        match = match_line(lines, index)
        if match is not None:
            labels.append(match)
            index = match.last_line + 1
        else:
            index += 1
    return labels


def segment_measure(lines: tuple[Line, ...]) -> MeasureSection:
    """Split the lines of one measure record into its parts."""
    labels = find_labels(lines)
    # Positions in `lines`, which may be a slice of the document.
    banner = {label.first_line for label in labels if label.field == "civil_society_banner"}
    boundaries = [
        label
        for label in labels
        if label.field not in SUB_LABELS and label.field != "civil_society_banner"
    ]
    first = boundaries[0].first_line if boundaries else len(lines)
    header = tuple(
        line
        for position, line in enumerate(lines[:first])
        if position not in banner and not is_boilerplate(line)
    )
    values: list[FieldValue] = []
    trailing: tuple[Line, ...] = ()
    for position, label in enumerate(boundaries):
        end = boundaries[position + 1].first_line if position + 1 < len(boundaries) else len(lines)
        body = [
            lines[index]
            for index in range(label.last_line + 1, end)
            if index not in banner
            and not is_colon_only(lines[index])
            and not is_instruction(lines[index])
        ]
        if position + 1 == len(boundaries):
            body, trailing = _split_trailing(body)
        body = [line for line in body if not is_boilerplate(line)]
        if label.inline_start is not None:
            body.insert(0, inline_value(lines[label.last_line], label.inline_start))
        values.append(FieldValue(label.field, label, tuple(body)))
    fields, duplicates = _first_of_each_field(values)
    return MeasureSection(header, fields, duplicates, trailing, tuple(labels), bool(banner))


def _first_of_each_field(
    values: list[FieldValue],
) -> tuple[tuple[FieldValue, ...], tuple[FieldValue, ...]]:
    """One value per field: the first that holds something. The newer site layout repeats
    empty goal/area/domain blocks before the results, so an empty repeat is no conflict;
    a second filled value is a duplicate."""
    kept: dict[str, FieldValue] = {}
    for value in values:
        if value.field not in kept or (not kept[value.field].lines and value.lines):
            kept[value.field] = value
    fields = tuple(value for value in values if kept[value.field] is value)
    duplicates = tuple(
        value
        for value in values
        if kept[value.field] is not value and value.lines and value.field != "other_field"
    )
    return fields, duplicates


def _split_trailing(body: list[Line]) -> tuple[list[Line], tuple[Line, ...]]:
    """The last field's value ends at the first boilerplate line; the rest is page furniture.
    A label cut short by the end of an excerpt is no part of the value either."""
    for position, line in enumerate(body):
        if is_boilerplate(line):
            return body[:position], tuple(body[position:])
    if body and is_cut_label(body[-1]):
        return body[:-1], (body[-1],)
    return body, ()


def inline_value(line: Line, start: int) -> Line:
    """The part of a label's line after the label, as a line of its own."""
    cells = tuple(cell for cell in line.cells if cell.start >= start) if line.cells else None
    text = line.text[start - line.start :]
    return replace(line, text=text, start=start, cells=cells, key=match_key(text))
