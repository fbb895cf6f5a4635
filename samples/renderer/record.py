"""The model of a single-measure record as the samples lay it out: a title, lines, labels,
values, item lists and a partner table, in document order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Line:
    """An unlabelled line: agency, country, civil-society banner."""

    text: str


@dataclass(frozen=True)
class Label:
    """A field label. heading=True for colon-less block headings (Where, Goal(s) ..., Cultural Domain(s))."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class Value:
    """One paragraph of a field value."""

    text: str


@dataclass(frozen=True)
class Items:
    """A list of short values (goals, areas, domains): <ul> in HTML, one paragraph each elsewhere."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class Partners:
    header: tuple[str, str]
    rows: tuple[tuple[str, str], ...]


Element = Title | Line | Label | Value | Items | Partners


@dataclass(frozen=True)
class Record:
    name: str  # file stem
    elements: tuple[Element, ...]
    lang: str = "en"  # language of the HTML site chrome
    html_label_tag: str = (
        "strong"  # "strong" -> <p><strong>label</strong></p>, "h3" -> <h3>label</h3>
    )
    docx_title_style: str | None = None  # None -> bold run in a plain paragraph


def title_of(record: Record) -> str:
    for element in record.elements:
        if isinstance(element, Title):
            return element.text
    return ""


def heading(text: str) -> Label:
    return Label(text, heading=True)
