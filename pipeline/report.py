"""A whole report's layout in, its report-level information out (design.md §3 `report`): the
Party, reporting period, year, ratification date, point of contact, consultation process and
executive summary. A single-measure file has none of these labels and gets nulls.
"""

from __future__ import annotations

from pipeline.fields.contact import parse_contact
from pipeline.fields.country import find_country, resolve_country
from pipeline.fields.dates import find_dates, lone_years, parse_period, parse_ratification_date
from pipeline.fields.text import text_value
from pipeline.layout import ReportLayout
from pipeline.normalize import Line
from schemas.common import Country
from schemas.outcome import Issue, IssueCode, Severity
from schemas.report import Contact, Period, Report

# A cover names its Party in its first lines (`… Periodic Report 2016-2019 - Kenya`).
_COVER_LINES = 6


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

    cover = list(layout.cover[:_COVER_LINES])
    contact = parse_contact(texts("contact")) if "contact" in values else None
    report = Report(
        party=_read_party(texts("party"), cover, issues),
        period=_read_period(texts("report_period"), cover),
        year=_read_year(texts("submission_date"), cover, issues),
        ratification_date=_read_ratification(texts("ratification_date"), issues),
        contact=Contact(
            name=contact.name,
            organization=contact.organization,
            email=contact.email,
            phone=contact.phone,
            address=contact.address,
        )
        if contact
        else None,
        consultation_process=text("consultation"),
        executive_summary=text("executive_summary"),
    )
    return report, issues


def _read_party(stated: list[str], cover: list[Line], issues: list[Issue]) -> Country | None:
    """The `Name of Party` value; without one, a country named on the cover."""
    for text in stated:
        found = resolve_country(text) or _country_in(text)
        if found:
            return Country(name=found[0], iso3=found[1])
    if stated:
        issues.append(
            Issue(
                code=IssueCode.PARTY_UNRESOLVED,
                severity=Severity.WARNING,
                field="party",
                message=f"'{stated[0][:80]}' is not a known country name",
            )
        )
        return None
    for line in cover:
        found = _country_in(line.text)
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


def _read_year(stated: list[str], cover: list[Line], issues: list[Issue]) -> int | None:
    """The submission date's year; else a year the cover states alone (`Periodic report 2012`),
    never one of a period's two years."""
    for text in stated:
        dates = find_dates(text)
        if dates:
            return int(dates[0].iso[:4])
    if stated:
        issues.append(_date_issue("submission_date", stated[0]))
    for line in cover:
        years = lone_years(line.text)
        if years:
            return years[0]
    return None


def _read_ratification(stated: list[str], issues: list[Issue]) -> str | None:
    for text in stated:
        found = parse_ratification_date(text)
        if found:
            return found.iso
    if stated:
        issues.append(_date_issue("ratification_date", stated[0]))
    return None


def _date_issue(field: str, text: str) -> Issue:
    return Issue(
        code=IssueCode.DATE_UNPARSED,
        severity=Severity.WARNING,
        field=field,
        message=f"no date in '{text[:60]}'",
    )
