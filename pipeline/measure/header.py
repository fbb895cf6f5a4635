"""What the form leaves unlabelled at a measure's head: its title, agency, country and year
lines, and the reads of those four fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.fields.contact import names_organization
from pipeline.fields.country import find_country, resolve_country
from pipeline.measure.reading import MeasureReading, line_span
from pipeline.normalize import Line
from pipeline.patterns import YEAR
from pipeline.segment import MeasureSection
from pipeline.tables import load_table
from schemas.common import Country, Span
from schemas.outcome import IssueCode

_YEAR = re.compile(rf"\b{YEAR}\b")
_MAX_BODY_NAME_WORDS = 15


@dataclass(frozen=True, slots=True)
class Header:
    """The lines before the first label, sorted by what they hold."""

    title: Line | None
    agency_lines: list[Line]
    country: Line | None
    year: Line | None


def read_header(section: MeasureSection) -> Header:
    """Title, agency lines, a country line and a year line from the lines before the first
    label: the title comes first (unless a label gives it); a line naming a country is the
    country, a bare year the year, any other line an implementing body. Without a Who label, a
    body named under the Where or When value is an agency line too."""
    header = _sort_header(
        section.header, _labelled_title(section), section.field("agency") is not None
    )
    if section.field("agency") is not None:
        return header
    agency_lines = sorted(
        header.agency_lines
        + _lines_after_first(section, "country")
        + _lines_after_first(section, "year"),
        key=lambda line: line.index,
    )
    return Header(header.title, agency_lines, header.country, header.year)


def _labelled_title(section: MeasureSection) -> Line | None:
    """The title given under a label (the 2012 interactive form, Parties' own tables)."""
    value = section.field("title")
    return value.lines[0] if value and value.lines else None


def _sort_header(
    header: tuple[Line, ...], labelled_title: Line | None, agency_labelled: bool
) -> Header:
    if labelled_title is None and not header:
        return Header(None, [], None, None)
    if (
        labelled_title is None
        and not agency_labelled
        and len(header) == 1
        and _is_body_name(header[0].text)
    ):
        # A page cut above its title starts at the agency line (`National Cultural Directorate`).
        return Header(None, [header[0]], None, None)
    agencies: list[Line] = []
    country = year = None
    for line in header if labelled_title else header[1:]:
        if country is None and resolve_country(line.text):
            country = line
        elif year is None and _YEAR.fullmatch(line.text):
            year = line
        else:
            agencies.append(line)
    if any(_starts_like_a_name(line) for line in agencies):
        # Free text typed into the agency field below the bodies (`cultural domains covered -
        # …`): a line naming no body and starting in lower case (an article aside: `the
        # National Library` is a name), among lines that name bodies.
        agencies = [
            line for line in agencies if names_organization(line.text) or _starts_like_a_name(line)
        ]
    return Header(labelled_title or header[0], agencies, country, year)


def _starts_like_a_name(line: Line) -> bool:
    """The line starts with a capital, or with an article before one (`the National Library`)."""
    words = line.text.split()
    if len(words) > 1 and words[0].lower() in _name_connectors():
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _is_body_name(text: str) -> bool:
    """A line that is the name of a body: an organisation word heading it (last, or before a
    connector: `Ministry of …`), no digits, and every word capitalised but the connectors
    (`the Swedish Patent and Registration Office`; not `Public Service Media Charter`)."""
    words = text.split()
    heads = [
        position
        for position, word in enumerate(words)
        if names_organization(word)
        and (position + 1 == len(words) or words[position + 1].lower() in _name_connectors())
    ]
    return (
        bool(heads)
        and not any(char.isdigit() for char in text)
        and len(words) <= _MAX_BODY_NAME_WORDS
        and all(word[0].isupper() or word.lower() in _name_connectors() for word in words[1:])
    )


@cache
def _name_connectors() -> frozenset[str]:
    """The small words a body's name holds between its capitalised words (`of`, `de la`)."""
    table = load_table("nlp_organizations")
    kinds = ("prepositions_english", "prepositions_romance", "articles", "coordinators")
    return frozenset(word for kind in kinds for word in table[kind])


def _lines_after_first(section: MeasureSection, name: str) -> list[Line]:
    field = section.field(name)
    return [line for line in field.lines[1:] if not resolve_country(line.text)] if field else []


def read_title(reading: MeasureReading, header: Header) -> str | None:
    if header.title is None:
        reading.note(IssueCode.NO_TITLE, "title", "no title line stands before the first label")
        return None
    reading.mark("title", line_span(header.title))
    return header.title.text


def read_agency(reading: MeasureReading, header: Header) -> str | None:
    """Bodies from the Who label (or the 2012 agency label), else from the header; one per line,
    joined by '; '. A line that is only a country name is not a body."""
    value = reading.field("agency")
    lines = (
        [line for line in value.lines if not resolve_country(line.text)]
        if value
        else header.agency_lines
    )
    if not lines:
        return None
    reading.mark("agency", Span(start=lines[0].start, end=lines[-1].end, page=lines[0].page))
    return "; ".join(line.text for line in lines)


def read_country(reading: MeasureReading, header: Header, party: Country | None) -> Country | None:
    """The stated country; else the report's Party; else a country the agency or title names."""
    value = reading.field("country")
    stated = list(value.lines) if value else ([header.country] if header.country else [])
    for line in stated:
        found = resolve_country(line.text)
        if found:
            reading.mark("country", line_span(line))
            return Country(name=found[0], iso3=found[1])
    if stated:
        reading.note(
            IssueCode.COUNTRY_UNRESOLVED,
            "country",
            f"'{stated[0].text[:80]}' is not a known country name",
        )
        return None
    if party is not None:
        return party
    return _country_named(reading, header)


def _country_named(reading: MeasureReading, header: Header) -> Country | None:
    agency_field = reading.field("agency")
    candidates = list(agency_field.lines if agency_field else header.agency_lines)
    candidates += [header.title] if header.title else []
    for line in candidates:
        match = find_country(line.text)
        if match:
            reading.mark(
                "country", line_span(line, line.start + match.start, line.start + match.end)
            )
            reading.note(
                IssueCode.COUNTRY_INFERRED,
                "country",
                f"no country line: '{line.text[match.start : match.end]}' read from the "
                f"{'title' if line is header.title else 'agency'}",
            )
            return Country(name=match.name, iso3=match.iso3)
    return None


def read_year(reading: MeasureReading, header: Header) -> int | None:
    value = reading.field("year")
    lines = list(value.lines) if value else ([header.year] if header.year else [])
    for line in lines:
        match = _YEAR.search(line.text)
        if match:
            reading.mark(
                "year", line_span(line, line.start + match.start(), line.start + match.end())
            )
            return int(match.group())
    if lines:
        reading.note(IssueCode.YEAR_UNPARSED, "year", f"no year in '{lines[0].text[:60]}'")
    return None
