"""Dates and periods of a report: the ratification date as ISO 8601 (as precise as stated), the
reporting period (`2016-2019`, `2020–2023`) and a report's own year.

`31/7/2006`, `2006-07-31`, `31.07.2006`, `July 2006`, `31 juillet 2006`, `31 de julio de 2006`,
`July 31, 2006` and `2006` are read; a date that follows words such as `entry into force` is
another event's and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.normalize import match_key
from pipeline.tables import load_table

_YEAR = r"(?:19[4-9]\d|20\d\d)"
_NUMERIC = re.compile(
    rf"\b(?:(?P<iso_y>{_YEAR})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})"
    rf"|(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<y>{_YEAR}))\b"
)
_PERIOD = re.compile(rf"\b({_YEAR})\s*(?:[-–—/]|to|à|a|au|al)\s*({_YEAR})\b", re.IGNORECASE)
_LONE_YEAR = re.compile(rf"\b{_YEAR}\b")
_CLAUSE_BREAK = re.compile(r"[;()\[\]\n]|,\s(?!\d)")


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    start: int
    end: int


@cache
def _month_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    table = load_table("report")["months"]
    months = {match_key(name): int(number) for number, names in table.items() for name in names}
    # Both the written names (`août`) and their folded forms (`aout`, as some exports spell it).
    written = {name.lower() for names in table.values() for name in names} | set(months)
    names = "|".join(sorted((re.escape(name) for name in written), key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?:(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:de\s+)?)?(?P<month>{names})\.?"
        rf"(?:\s+(?P<day_after>\d{{1,2}}),?)?\s+(?:de\s+)?(?P<year>{_YEAR})\b",
        re.IGNORECASE,
    )
    return pattern, months


@cache
def _other_event_words() -> tuple[str, ...]:
    return tuple(match_key(word) for word in load_table("report")["other_dates"]["words"])


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order, as ISO 8601 strings as precise as the text is."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for match in _NUMERIC.finditer(text):
        iso = _numeric_iso(match)
        if iso:
            found.append(FoundDate(iso, match.start(), match.end()))
            taken.append(match.span())
    pattern, months = _month_pattern()
    for match in pattern.finditer(text):
        if _overlaps(match.span(), taken):
            continue
        month = months[match_key(match.group("month"))]
        day = match.group("day") or match.group("day_after")
        iso = _iso(int(match.group("year")), month, int(day) if day else None)
        if iso:
            found.append(FoundDate(iso, match.start(), match.end()))
            taken.append(match.span())
    for match in _LONE_YEAR.finditer(text):
        if not _overlaps(match.span(), taken):
            found.append(FoundDate(match.group(), match.start(), match.end()))
    return sorted(found, key=lambda date: date.start)


def parse_ratification_date(text: str) -> FoundDate | None:
    """The first date in `text` that is not another event's (entry into force, adoption)."""
    for date in find_dates(text):
        if not _after_other_event(text, date.start):
            return date
    return None


def parse_period(text: str) -> tuple[int, int, int, int] | None:
    """(start year, end year, start offset, end offset) of the first `YYYY-YYYY` range in
    `text` whose years run forward by at most ten years."""
    for match in _PERIOD.finditer(text):
        start, end = int(match.group(1)), int(match.group(2))
        if 0 < end - start <= 10:
            return start, end, match.start(), match.end()
    return None


def lone_years(text: str) -> list[int]:
    """Years in `text` outside any period range."""
    ranges = [match.span() for match in _PERIOD.finditer(text)]
    return [
        int(match.group())
        for match in _LONE_YEAR.finditer(text)
        if not _overlaps(match.span(), ranges)
    ]


def _numeric_iso(match: re.Match[str]) -> str | None:
    if match.group("iso_y"):
        return _iso(int(match.group("iso_y")), int(match.group("iso_m")), int(match.group("iso_d")))
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    # Day first, as reports write it (`31/7/2006`); month first only when the day cannot be
    # the second number's month (`7/31/2006`).
    if second > 12 >= first:
        first, second = second, first
    return _iso(year, second, first)


def _iso(year: int, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _after_other_event(text: str, position: int) -> bool:
    """True when the clause before `position` names another event than ratification."""
    clause_start = max(
        (match.end() for match in _CLAUSE_BREAK.finditer(text, 0, position)), default=0
    )
    before = match_key(text[clause_start:position])
    return any(word in before for word in _other_event_words())


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)
