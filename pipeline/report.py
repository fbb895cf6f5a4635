"""A whole report's layout in, its report-level information out (docs/record.md `report`): the
Party, reporting period, year, ratification date, point of contact, consultation process and
executive summary. A single-measure file has none of these labels and gets nulls.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.fields.contact import parse_contact
from pipeline.fields.country import find_country, find_state_adjective, resolve_country
from pipeline.fields.dates import (
    find_dates,
    lone_years,
    parse_period,
    parse_ratification_date,
    ratification_in_prose,
)
from pipeline.fields.text import text_value
from pipeline.labels import is_boilerplate
from pipeline.layout import ReportLayout
from pipeline.normalize import Line
from pipeline.tables import load_table
from schemas.common import Country
from schemas.outcome import Issue, IssueCode
from schemas.report import Contact, Period, Report

# A cover names its Party in its first lines (`… Periodic Report 2016-2019 - Kenya`).
_COVER_LINES = 6
_MAX_COVER_LINE = 200


def read_report(layout: ReportLayout) -> tuple[Report, list[Issue]]:
    values = {field.field: field for field in reversed(layout.fields)}  # the first one wins
    issues: list[Issue] = []

    def texts(name: str) -> list[str]:
        field = values.get(name)
        return [line.text for line in field.lines] if field else []

    def text(name: str) -> str | None:
        field = values.get(name)
        value = text_value(field.lines) if field else None
        return value.text if value else None

    def joined(name: str) -> list[str]:
        # A date can wrap over two lines (`entered into force on` / `18 March 2007`).
        return [" ".join(texts(name))] if texts(name) else []

    # Site chrome (a web archive's banner and its capture date, arrows, link text) is no cover.
    cover = [line for line in layout.cover if line.key and not is_boilerplate(line)]
    cover = cover[:_COVER_LINES]
    report = Report(
        party=_read_party(texts("party"), cover, issues),
        period=_read_period(texts("report_period"), cover),
        year=_read_year(
            joined("submission_date"),
            [*texts("report_year"), *(line.text for line in cover)],
            issues,
        ),
        ratification_date=_read_ratification(joined("ratification_date"), issues)
        or _ratification_in_prose([*(line.text for line in cover), *texts("executive_summary")]),
        contact=_read_contact(texts("contact")),
        consultation_process=text("consultation"),
        executive_summary=text("executive_summary"),
    )
    return report, issues


def _read_contact(texts: list[str]) -> Contact | None:
    """The contact's parts; None when its value holds none of them."""
    parts = parse_contact(texts)
    contact = Contact(
        name=parts.name,
        organization=parts.organization,
        email=parts.email,
        phone=parts.phone,
        address=parts.address,
    )
    return contact if any(contact.model_dump().values()) else None


def _read_party(stated: list[str], cover: list[Line], issues: list[Issue]) -> Country | None:
    """The `Name of Party` value; without one, a cover line that is a country's name, else the
    first country the cover names (`… Periodic Report 2016-2019 - Kenya`), else the State it
    names by its adjective (`… REPORT OF THE CHILEAN STATE`)."""
    for text in stated:
        found = resolve_country(text) or _country_in(text)
        if found:
            return Country(name=found[0], iso3=found[1])
    if stated:
        issues.append(
            Issue.of(
                code=IssueCode.PARTY_UNRESOLVED,
                field="party",
                message=f"'{stated[0][:80]}' is not a known country name",
            )
        )
        return None
    for found in (
        *(resolve_country(line.text) for line in cover),
        *(_country_in(line.text) for line in cover),
        *(find_state_adjective(line.text) for line in cover),
    ):
        if found:
            return Country(name=found[0], iso3=found[1])
    return None


def _country_in(text: str) -> tuple[str, str] | None:
    match = find_country(text)
    return (match.name, match.iso3) if match else None


def _read_period(stated: list[str], cover: list[Line]) -> Period | None:
    for text in [*stated, *(line.text for line in cover)]:
        found = parse_period(text)
        if found:
            return Period(start=found[0], end=found[1])
    return None


def _read_year(stated: list[str], cover: list[str], issues: list[Issue]) -> int | None:
    """The submission date's year; else a year stated alone under a `Year` label or on the
    cover (`Periodic report 2012`), never one of a period's two years nor the Convention's
    (`2005 Convention`)."""
    for text in stated:
        dates = find_dates(text)
        if dates:
            return int(dates[0].iso[:4])
    if stated:
        issues.append(_date_issue("submission_date", stated[0]))
    earliest = load_table("report")["cover"]["earliest_report_year"]
    for text in cover:
        if len(text) > _MAX_COVER_LINE:
            continue  # a paragraph's dates are events it tells of (a workshop, a law)
        years = lone_years(_convention_names().sub(_blank, text))
        years = [year for year in years if year >= earliest]
        if years:
            return years[0]
    return None


@cache
def _convention_names() -> re.Pattern[str]:
    """`2005 Convention`, `UNESCO's 2005 Convention`, `Convention de 2005`, `Convención de la
    UNESCO de 2005`: a year that names the Convention."""
    table = load_table("report")["cover"]
    words = "|".join(re.escape(word) for word in table["convention_words"])
    fillers = "|".join(re.escape(word) for word in table["convention_fillers"])
    year = r"(?:19|20)\d\d"
    return re.compile(
        rf"\b{year}\s+(?:{words})\b|\b(?:{words})(?:\s+(?:{fillers}))*\s+{year}\b",
        re.IGNORECASE,
    )


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _read_ratification(stated: list[str], issues: list[Issue]) -> str | None:
    for text in stated:
        found = parse_ratification_date(text)
        if found and found.impossible:
            issues.append(
                Issue.of(
                    code=IssueCode.DATE_UNPARSED,
                    field="ratification_date",
                    message=f"'{text[found.start : found.end]}' is not a calendar date: only "
                    "its year is kept",
                )
            )
        if found:
            return found.iso
    if stated:
        issues.append(_date_issue("ratification_date", stated[0]))
    return None


def _ratification_in_prose(texts: list[str]) -> str | None:
    """Without a ratification label, a sentence of the cover or summary that states it."""
    for text in texts:
        found = ratification_in_prose(text)
        if found:
            return found.iso
    return None


def _date_issue(field: str, text: str) -> Issue:
    return Issue.of(
        code=IssueCode.DATE_UNPARSED,
        field=field,
        message=f"no date in '{text[:60]}'",
    )
