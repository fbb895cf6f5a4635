"""The reading of one measure's section: the section, and the spans and issues its field reads
leave behind."""

from __future__ import annotations

from pipeline.fields.text import TextValue, text_value
from pipeline.normalize import Line
from pipeline.segment import FieldValue, MeasureSection
from schemas.common import Span
from schemas.outcome import Issue, IssueCode


class MeasureReading:
    """What the field reads of one measure share: each read takes its value from the section,
    marks where the value stands and notes what went wrong."""

    def __init__(self, section: MeasureSection, index: int) -> None:
        self.section = section
        self.index = index
        self.spans: dict[str, Span] = {}
        self.issues: list[Issue] = []

    def field(self, name: str) -> FieldValue | None:
        return self.section.field(name)

    def text(self, name: str) -> TextValue | None:
        """The value of the label `name` as one text, or None when the form has no such label."""
        value = self.section.field(name)
        return text_value(value.lines) if value else None

    def mark(self, name: str, span: Span) -> None:
        self.spans[name] = span

    def note(self, code: IssueCode, field: str | None, message: str) -> None:
        self.issues.append(Issue.of(code, message, field, self.index))


def value_span(value: TextValue) -> Span:
    return Span(start=value.start, end=value.end, page=value.page)


def line_span(line: Line, start: int | None = None, end: int | None = None) -> Span:
    return Span(
        start=line.start if start is None else start,
        end=line.end if end is None else end,
        page=line.page,
    )
