"""Where a record's values stand in its text, laid out flat for highlighting.

Spans nest and overlap (a country inside the agency line, an entity inside a description, a
coded value's evidence anywhere), while HTML marks must not cross. So the text is cut at every
boundary of every span, and each piece lists the values that cover it, the most specific
(shortest) first: one flat run of pieces, each a mark or plain text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from schemas import Measure, ReportRecord
from schemas.common import Source, Span
from schemas.measure import MEASURE_FIELDS, FieldKind

_KINDS = {field.name: field.kind.value for field in MEASURE_FIELDS}
_CODED = tuple(field for field in MEASURE_FIELDS if field.kind == FieldKind.CODED)
ENTITIES = "entities"


@dataclass(frozen=True, slots=True)
class Marked:
    """One value's place in the text: the field it belongs to (`<measure_id>:<field>`), the
    kind that colours it, and whether it is an entity or an inferred value."""

    start: int
    end: int
    field: str
    kind: str
    entity: bool = False
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text covered by the same values (none for plain text), most specific first."""

    start: int
    end: int
    values: tuple[Marked, ...]


def field_key(unit: str, field: str) -> str:
    """The key of a field row and of its marks: `<measure_id>:<field>` or `report:<field>`."""
    return f"{unit}:{field}"


def record_marks(record: ReportRecord) -> list[Marked]:
    """Every value of the record that has a span, with its entities."""
    marks: list[Marked] = []
    for measure in record.measures:
        marks += measure_marks(measure)
    return marks


def measure_marks(measure: Measure) -> list[Marked]:
    unit = measure.measure_id
    marks = [
        _mark(span, unit, name, _KINDS.get(name, "other")) for name, span in measure.spans.items()
    ]
    marks += [
        _mark(amount.span, unit, "budget", "budget")
        for amount in measure.budget.amounts
        if amount.span is not None
    ]
    marks += [
        _mark(partner.span, unit, "partners", "partners", partner.source == Source.INFERRED)
        for partner in measure.partners
        if partner.span is not None
    ]
    for field in _CODED:
        for value in getattr(measure, field.name):
            inferred = value.source == Source.INFERRED
            spans = [value.span] if value.span is not None else []
            # The first evidence is often the value's own span: one mark, not two.
            spans += [span for span in value.evidence if span != value.span]
            marks += [_mark(span, unit, field.name, "coded", inferred) for span in spans]
    marks += [
        Marked(
            entity.start,
            entity.end,
            field_key(unit, ENTITIES),
            f"ent-{entity.label.lower()}",
            entity=True,
        )
        for entity in measure.entities
    ]
    return marks


def _mark(span: Span, unit: str, field: str, kind: str, inferred: bool = False) -> Marked:
    return Marked(span.start, span.end, field_key(unit, field), kind, inferred=inferred)


def pieces(length: int, marks: Iterable[Marked], cuts: Iterable[int] = ()) -> list[Piece]:
    """The text `[0, length)` cut at every mark's boundary (and at `cuts`, the page starts),
    each piece with the marks covering it. Marks are clipped to the text; empty ones dropped."""
    kept = sorted(
        {
            Marked(max(0, m.start), min(length, m.end), m.field, m.kind, m.entity, m.inferred)
            for m in marks
            if min(length, m.end) > max(0, m.start)
        },
        key=lambda m: (m.start, m.end, m.field, m.kind),
    )
    inner_cuts = (cut for cut in cuts if 0 < cut < length)
    bounds = sorted({0, length, *(m.start for m in kept), *(m.end for m in kept), *inner_cuts})
    result: list[Piece] = []
    active: list[Marked] = []
    upcoming = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > start]
        while upcoming < len(kept) and kept[upcoming].start == start:
            active.append(kept[upcoming])
            upcoming += 1
        covering = sorted(active, key=lambda m: (m.end - m.start, m.start, m.field, m.kind))
        result.append(Piece(start, end, tuple(covering)))
    return result


def page_starts(record: ReportRecord, text: str) -> dict[int, int]:
    """Page number -> the offset of its first line, as far as the record tells: the normalised
    text keeps no page breaks, but spans carry their page. A page starts at the line of its
    first span at the latest; a page without a span, or out of order, gets no marker."""
    first: dict[int, int] = {}
    for span in _record_spans(record):
        if span.page is not None and 0 <= span.start <= len(text):
            first[span.page] = min(first.get(span.page, span.start), span.start)
    starts: dict[int, int] = {}
    previous = -1
    for page in sorted(first):
        # The start of the span's line; the text's start for page 1.
        offset = 0 if page == 1 else text.rfind("\n", 0, first[page]) + 1
        if offset > previous:
            starts[page] = offset
            previous = offset
    return starts


def _record_spans(record: ReportRecord) -> Iterable[Span]:
    for measure in record.measures:
        yield from measure.spans.values()
        yield from _item_spans(measure.budget.amounts)
        yield from _item_spans(measure.partners)
        for field in _CODED:
            for value in getattr(measure, field.name):
                yield from _item_spans([value])
                yield from value.evidence


def _item_spans(items: Sequence[object]) -> Iterable[Span]:
    for item in items:
        span = getattr(item, "span", None)
        if span is not None:
            yield span
