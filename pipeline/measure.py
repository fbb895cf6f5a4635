"""One measure's section in, a validated `Measure` and its issues out (design.md §3 rules).

Each field comes from its label's value; what the form leaves unlabelled comes from the header
(title, agency and country lines). Values keep the source's text; every value has its span.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from pipeline.fields import money
from pipeline.fields.choices import lookup, lookup_list, parse_yes_no
from pipeline.fields.contact import names_organization
from pipeline.fields.country import find_country, resolve_country
from pipeline.fields.partners import parse_partners
from pipeline.fields.text import TextValue, text_value
from pipeline.inference import infer_codes, infer_entity_type
from pipeline.language import detect_language
from pipeline.layout import MeasurePlace
from pipeline.limits import DEFAULT_LIMITS
from pipeline.nlp import find_entities
from pipeline.normalize import Line, match_key
from pipeline.outline import area_goal
from pipeline.segment import MeasureSection
from pipeline.tables import load_table
from schemas.common import Country, EntityType, Nature, Scope, Source, Span
from schemas.measure import (
    AreaValue,
    Budget,
    BudgetStatus,
    DomainValue,
    Entity,
    Evaluation,
    GoalValue,
    Measure,
    MoneyAmount,
    Partner,
    PriorityValue,
)
from schemas.outcome import Issue, IssueCode

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|2100)\b")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:)\]]", re.I)
_URL_WRAPPED_TAIL = re.compile(r" ((?!https?:|www\.)[\w\-/%?=&#~+.]*[\w/])(?=\n|$)", re.I)
_FREE_TEXT_FIELDS = ("description", "results", "conclusions", "key_objectives")
# Coded fields and the vocabularies their lines may hold: the platform's export mixes goals
# and areas of monitoring in one comma-joined value, so each is read in the other's field too.
_CODED_FIELDS: dict[str, tuple[str, ...]] = {
    "goals": ("goals", "areas_of_monitoring"),
    "areas_of_monitoring": ("areas_of_monitoring", "goals"),
    "cultural_domains": ("cultural_domains",),
    "transversal_priorities": ("transversal_priorities",),
}
# The free text whose entities are kept (design.md §3).
_ENTITY_FIELDS = ("description", "results", "conclusions")
_MAX_BODY_NAME_WORDS = 15
_INFERRED_FIELDS = ("cultural_domains", "areas_of_monitoring", "transversal_priorities")
_CODED_MODELS: dict[str, Callable[..., Any]] = {
    "goals": GoalValue,
    "areas_of_monitoring": AreaValue,
    "cultural_domains": DomainValue,
    "transversal_priorities": PriorityValue,
}


class _Issues:
    """Collects the issues of one measure."""

    def __init__(self, measure_index: int) -> None:
        self.index = measure_index
        self.items: list[Issue] = []

    def add(self, code: IssueCode, field: str | None, message: str) -> None:
        self.items.append(Issue.of(code, message, field, self.index))


def _span(value: TextValue) -> Span:
    return Span(start=value.start, end=value.end, page=value.page)


def _line_span(line: Line, start: int | None = None, end: int | None = None) -> Span:
    return Span(
        start=line.start if start is None else start,
        end=line.end if end is None else end,
        page=line.page,
    )


def extract_measure(
    section: MeasureSection,
    index: int,
    measure_id: str,
    place: MeasurePlace | None = None,
    party: Country | None = None,
    field_characters: int = DEFAULT_LIMITS.field_characters,
) -> tuple[Measure, list[Issue]]:
    """`place` gives the headings the measure sits under in a whole report; `party` the
    report's Party, which is the measure's country when it states none. A free-text value
    longer than `field_characters` is cut there (NLP and language detection walk it)."""
    issues = _Issues(index)
    spans: dict[str, Span] = {}
    texts: dict[str, str | None] = {}
    values: dict[str, TextValue] = {}

    def field_text(name: str) -> TextValue | None:
        value = section.field(name)
        return text_value(value.lines) if value else None

    for name in _FREE_TEXT_FIELDS:
        value = field_text(name)
        if value is None and name == "results":
            value = field_text("results_expected")
            if value is not None:
                issues.add(
                    IssueCode.RESULTS_EXPECTED,
                    "results",
                    "the 2012-2016 form asks for expected results: these are not achieved results",
                )
        if value is not None and len(value.text) > field_characters:
            issues.add(
                IssueCode.TOO_LARGE,
                name,
                f"the value holds {len(value.text):,} characters; only the first "
                f"{field_characters:,} are kept (the limit per field)",
            )
            value = value.cut(field_characters)
        texts[name] = value.text if value else None
        if value is not None:
            values[name] = value
            spans[name] = _span(value)

    title, agency_lines, header_country, header_year = _read_header(
        section.header, _labelled_title(section), section.field("agency") is not None
    )
    if title is not None:
        spans["title"] = _line_span(title)
    else:
        issues.add(
            IssueCode.NO_TITLE,
            "title",
            "no title line stands before the first label",
        )

    if section.field("agency") is None:
        # Without a Who label, a body named under the Where or When value is the agency.
        agency_lines = sorted(
            agency_lines
            + _lines_after_first(section, "country")
            + _lines_after_first(section, "year"),
            key=lambda line: line.index,
        )
    agency = _read_agency(section, agency_lines, spans)
    country = _read_country(section, header_country, title, agency_lines, spans, issues, party)
    year = _read_year(section, header_year, spans, issues)
    website = _read_website(field_text("website"), spans)
    budget = _read_budget(section, spans, issues)
    partners = _read_partners(section, issues)
    evaluation = _read_evaluation(section, texts["conclusions"], spans, issues)
    coded = _read_coded(section, issues)
    if place is not None:
        _add_heading_codes(coded, place)
    _add_inferred_codes(coded, text_value((title,)) if title else None, list(values.values()))
    for duplicate in section.duplicates:
        issues.add(
            IssueCode.DUPLICATE_LABEL,
            duplicate.field,
            f"the label '{duplicate.label.label_text}' occurs again; its first value is used",
        )
    if section.trailing:
        issues.add(
            IssueCode.TRAILING_TEXT_IGNORED,
            None,
            f"{len(section.trailing)} line(s) after the record were left out, "
            f"starting '{section.trailing[0].text[:60]}'",
        )
    languages = {name: detect_language(text) for name, text in texts.items() if text}
    entities = _find_entities(
        {name: value for name, value in values.items() if name in _ENTITY_FIELDS}, languages
    )
    measure = Measure(
        measure_id=measure_id,
        index=index,
        title=title.text if title else None,
        agency=agency,
        country=country,
        year=year,
        reported_by_civil_society=section.civil_society
        or (place is not None and place.civil_society),
        description=texts["description"],
        website=website,
        results=texts["results"],
        key_objectives=texts["key_objectives"],
        scope=[Scope(code) for code in _read_codes(section, "scope", spans)],
        nature=[Nature(code) for code in _read_codes(section, "nature", spans)],
        budget=budget,
        partners=partners,
        evaluation=evaluation,
        goals=coded["goals"],
        areas_of_monitoring=coded["areas_of_monitoring"],
        cultural_domains=coded["cultural_domains"],
        transversal_priorities=coded["transversal_priorities"],
        languages=dict(sorted(languages.items())),
        entities=entities,
        spans=dict(sorted(spans.items())),
    )
    return measure, issues.items


def _labelled_title(section: MeasureSection) -> Line | None:
    """The title given under a label (the 2012 interactive form, Parties' own tables)."""
    value = section.field("title")
    return value.lines[0] if value and value.lines else None


def _find_entities(values: dict[str, TextValue], languages: dict[str, str | None]) -> list[Entity]:
    """Organisations, places, dates, money and laws the free text mentions, with offsets into
    the document; the field name says where each was found."""
    names = list(values)
    # A field too short for its own language is read in the language of the others.
    detected = [language for language in languages.values() if language]
    usual = max(sorted(set(detected)), key=detected.count) if detected else None
    found = find_entities([(values[name].text, languages.get(name) or usual) for name in names])
    entities = [
        Entity(
            text=mention.text,
            label=mention.label,
            field=name,
            start=values[name].document_offset(mention.start),
            end=values[name].document_offset(mention.end),
        )
        for name, mentions in zip(names, found, strict=True)
        for mention in mentions
        if _contiguous(values[name], mention.start, mention.end)
    ]
    return sorted(entities, key=lambda entity: entity.start)


def _contiguous(value: TextValue, start: int, end: int) -> bool:
    """Whether `value.text[start:end]` stands as such in the document: not so for a mention
    running over a line the value leaves out (a colon-only or boilerplate line), whose offsets
    could not slice its text."""
    return value.document_offset(end) - value.document_offset(start) == end - start


def _read_header(
    header: tuple[Line, ...], labelled_title: Line | None, agency_labelled: bool
) -> tuple[Line | None, list[Line], Line | None, Line | None]:
    """Title, agency lines, a country line and a year line from the lines before the first
    label: the title comes first (unless a label gives it); a line naming a country is the
    country, a bare year the year, any other line an implementing body."""
    if labelled_title is None and not header:
        return None, [], None, None
    if (
        labelled_title is None
        and not agency_labelled
        and len(header) == 1
        and _is_body_name(header[0].text)
    ):
        # A page cut above its title starts at the agency line (`National Cultural Directorate`).
        return None, [header[0]], None, None
    agencies: list[Line] = []
    country = year = None
    for line in header if labelled_title else header[1:]:
        if country is None and resolve_country(line.text):
            country = line
        elif year is None and re.fullmatch(r"(19|20)\d\d", line.text):
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
    return labelled_title or header[0], agencies, country, year


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


def _read_agency(
    section: MeasureSection, header_lines: list[Line], spans: dict[str, Span]
) -> str | None:
    """Bodies from the Who label (or the 2012 agency label), else from the header; one per line,
    joined by '; '. A line that is only a country name is not a body."""
    value = section.field("agency")
    lines = (
        [line for line in value.lines if not resolve_country(line.text)] if value else header_lines
    )
    if not lines:
        return None
    spans["agency"] = Span(start=lines[0].start, end=lines[-1].end, page=lines[0].page)
    return "; ".join(line.text for line in lines)


def _read_country(
    section: MeasureSection,
    header_line: Line | None,
    title: Line | None,
    agency_lines: list[Line],
    spans: dict[str, Span],
    issues: _Issues,
    party: Country | None,
) -> Country | None:
    value = section.field("country")
    stated = [line for line in value.lines] if value else ([header_line] if header_line else [])
    for line in stated:
        found = resolve_country(line.text)
        if found:
            spans["country"] = _line_span(line)
            return Country(name=found[0], iso3=found[1])
    if stated:
        issues.add(
            IssueCode.COUNTRY_UNRESOLVED,
            "country",
            f"'{stated[0].text[:80]}' is not a known country name",
        )
        return None
    if party is not None:
        return party
    agency_field = section.field("agency")
    candidates = list(agency_field.lines if agency_field else agency_lines)
    candidates += [title] if title else []
    for line in candidates:
        match = find_country(line.text)
        if match:
            spans["country"] = _line_span(line, line.start + match.start, line.start + match.end)
            issues.add(
                IssueCode.COUNTRY_INFERRED,
                "country",
                f"no country line: '{line.text[match.start : match.end]}' read from the "
                f"{'title' if line is title else 'agency'}",
            )
            return Country(name=match.name, iso3=match.iso3)
    return None


def _read_year(
    section: MeasureSection, header_line: Line | None, spans: dict[str, Span], issues: _Issues
) -> int | None:
    value = section.field("year")
    lines = list(value.lines) if value else ([header_line] if header_line else [])
    for line in lines:
        match = _YEAR.search(line.text)
        if match:
            spans["year"] = _line_span(line, line.start + match.start(), line.start + match.end())
            return int(match.group())
    if lines:
        issues.add(IssueCode.YEAR_UNPARSED, "year", f"no year in '{lines[0].text[:60]}'")
    return None


def _read_website(value: TextValue | None, spans: dict[str, Span]) -> str | None:
    """The first address in the value; the text itself when it holds none."""
    if value is None:
        return None
    match = _URL.search(value.text)
    if match is None:
        spans["website"] = _span(value)
        return value.text
    address, stop = match.group(), match.end()
    wrapped = _URL_WRAPPED_TAIL.match(value.text, stop)
    if wrapped and "/" in address.split("//", 1)[-1]:
        # A PDF wraps a long address inside a word and the reader joins the lines with a space
        # (`…arts-du-spectac le`): a lone address-like piece ending the line belongs to an
        # address that has a path (a bare domain is complete).
        address, stop = address + wrapped.group(1), wrapped.end(1)
    start, end = value.document_offset(match.start()), value.document_offset(stop)
    spans["website"] = Span(start=start, end=end, page=value.page)
    return address


def _label_currency(label_text: str) -> str | None:
    key = match_key(label_text)
    for currency, wordings in load_table("vocabularies")["label_currency"].items():
        if any(match_key(wording) in key for wording in wordings):
            return str(currency)
    return None


def _read_budget(section: MeasureSection, spans: dict[str, Span], issues: _Issues) -> Budget:
    field = section.field("budget")
    value = text_value(field.lines) if field else None
    parsed = money.parse_budget(
        value.text if value else None, _label_currency(field.label.label_text) if field else None
    )
    if value is not None:
        spans["budget"] = _span(value)
    amounts = [
        MoneyAmount(
            value=amount.value,
            currency=amount.currency,
            year=amount.year,
            conversion=amount.conversion,
            note=amount.note,
            span=Span(
                start=value.document_offset(amount.start),
                end=value.document_offset(amount.end),
                page=value.page,
            )
            if value
            else None,
        )
        for amount in parsed.amounts
    ]
    if parsed.currency_from_label:
        issues.add(
            IssueCode.CURRENCY_FROM_LABEL,
            "budget",
            f"the value names no currency; the label's {parsed.currency} applies",
        )
    if parsed.status == "unparsed":
        issues.add(IssueCode.BUDGET_UNPARSED, "budget", "the value holds no figure")
    elif parsed.amount is None and len([a for a in amounts if not a.conversion]) > 1:
        issues.add(
            IssueCode.BUDGET_WITHOUT_TOTAL,
            "budget",
            "several figures and no total are given: amount left null",
        )
    return Budget(
        raw=parsed.raw,
        status=BudgetStatus(parsed.status),
        amount=parsed.amount,
        currency=parsed.currency,
        amounts=amounts,
    )


def _read_partners(section: MeasureSection, issues: _Issues) -> list[Partner]:
    field = section.field("partners")
    if field is None:
        return []
    partners = []
    for row in parse_partners(field.lines):
        cells = [cell for cell in (row.name, row.type) if cell is not None]
        span = Span(start=cells[0].start, end=cells[-1].end, page=row.page)
        if row.name is None:
            issues.add(
                IssueCode.PARTNER_NAME_MISSING,
                "partners",
                f"a partner row gives the type '{row.type.text if row.type else ''}' but no name",
            )
        entity_type, source = row.entity_type, Source.FORM
        if row.name is not None and row.type is None:
            entity_type = infer_entity_type(row.name.text)
            source = Source.INFERRED if entity_type else Source.FORM
            inferred = f"; '{entity_type}' is inferred from its name" if entity_type else ""
            issues.add(
                IssueCode.PARTNER_TYPE_MISSING,
                "partners",
                f"the partner '{row.name.text[:60]}' has no type of entity{inferred}",
            )
        partners.append(
            Partner(
                name=row.name.text if row.name else None,
                entity_type=EntityType(entity_type) if entity_type else None,
                raw_type=row.type.text if row.type else None,
                source=source,
                span=span,
            )
        )
    return partners


def _read_evaluation(
    section: MeasureSection, conclusions: str | None, spans: dict[str, Span], issues: _Issues
) -> Evaluation:
    field = section.field("evaluated")
    evaluated = None
    if field is not None and field.lines:
        answer = field.lines[0]
        evaluated = parse_yes_no(answer.text)
        if evaluated is None:
            issues.add(
                IssueCode.EVALUATION_UNCLEAR,
                "evaluated",
                f"'{answer.text[:60]}' is not a yes/no answer",
            )
        else:
            spans["evaluated"] = _line_span(answer)
    return Evaluation(evaluated=evaluated, conclusions=conclusions)


def _read_coded(section: MeasureSection, issues: _Issues) -> dict[str, list[Any]]:
    """Goals, areas, domains and priorities: each value once, in document order."""
    values: dict[str, list[Any]] = {name: [] for name in _CODED_MODELS}
    for name, vocabularies in _CODED_FIELDS.items():
        field = section.field(name)
        lines = field.lines if field else ()
        for position, line in enumerate(lines):
            found = lookup_list(vocabularies, line.text)
            if found is None:
                if section.last_field == name:
                    issues.add(
                        IssueCode.TRAILING_TEXT_IGNORED,
                        name,
                        f"{len(lines) - position} line(s) after the last value were left "
                        f"out, starting '{line.text[:60]}'",
                    )
                    break
                issues.add(
                    IssueCode.UNRECOGNISED_VALUE,
                    name,
                    f"'{line.text[:80]}' is not a known value",
                )
                continue
            for vocabulary, code, start, end in found:
                if any(value.code == code for value in values[vocabulary]):
                    continue
                values[vocabulary].append(
                    _CODED_MODELS[vocabulary](
                        code=code,
                        raw=line.text[start:end],
                        source="form",
                        span=_line_span(line, line.start + start, line.start + end),
                    )
                )
    return values


def _add_heading_codes(coded: dict[str, list[Any]], place: MeasurePlace) -> None:
    """The goal and area of the headings the measure sits under, after the form's own values;
    an area heading also names its goal."""
    found: list[tuple[str, str, Line]] = []
    if place.goal is not None and place.goal.code:
        found.append(("goals", place.goal.code, place.goal.line))
    if place.area is not None and place.area.code:
        found.append(("areas_of_monitoring", place.area.code, place.area.line))
        found.append(("goals", area_goal(place.area.code), place.area.line))
    for vocabulary, code, line in found:
        if any(value.code == code for value in coded[vocabulary]):
            continue
        coded[vocabulary].append(
            _CODED_MODELS[vocabulary](
                code=code, raw=line.text, source="heading", span=_line_span(line)
            )
        )


def _add_inferred_codes(
    coded: dict[str, list[Any]], title: TextValue | None, texts: list[TextValue]
) -> None:
    """Domains, areas and target groups the form leaves blank, read from the text: marked
    `inferred`, with every evidence span; a field the form fills is never touched."""
    for vocabulary in _INFERRED_FIELDS:
        if coded[vocabulary]:
            continue
        for inferred in infer_codes(vocabulary, title, texts):
            evidence = [
                Span(start=item.start, end=item.end, page=item.page) for item in inferred.evidence
            ]
            coded[vocabulary].append(
                _CODED_MODELS[vocabulary](
                    code=inferred.code,
                    raw=inferred.evidence[0].text,
                    source=Source.INFERRED,
                    span=evidence[0],
                    evidence=evidence,
                )
            )


def _read_codes(section: MeasureSection, name: str, spans: dict[str, Span]) -> list[str]:
    """Scope and nature: codes only, comma-separated or one per line, each once."""
    field = section.field(name)
    value = text_value(field.lines) if field else None
    if value is None:
        return []
    spans[name] = _span(value)
    codes: list[str] = []
    for piece in re.split(r"[,;/\n]| and | et | y ", value.text):
        code = lookup(name, piece)
        if code and code not in codes:
            codes.append(code)
    return codes
