"""Dates and periods of a report: the ratification date as ISO 8601 (as precise as stated), the
reporting period (`2016-2019`, `2020–2023`, `1 January 2016 – 31 December 2019`) and a report's
own year.

`31/7/2006`, `2006-07-31`, `31.07.2006`, `July 2006`, `1er juillet 2006`, `31 de julio de 2006`,
`July 31, 2006`, `2006-07` and `2006` are read. Numbers are day first, month first only when the
second cannot be a month (`7/31/2006`). A date no calendar has (`31/13/2006`, `30 February
2006`) keeps only its year and says so (`FoundDate.impossible`). Two-digit years are not read.
A date marked as another event's (entry into force, adoption) is never the ratification's.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from pipeline.normalize import match_key
from pipeline.patterns import YEAR, alternation
from pipeline.tables import load_table

_YEAR = YEAR
_NUMERIC = re.compile(
    rf"(?<![\d/.-])(?:(?P<iso_y>{_YEAR})(?P<iso_sep>[-/.])(?P<iso_m>\d{{1,2}})(?P=iso_sep)"
    rf"(?P<iso_d>\d{{1,2}})|(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})"
    # ISO 8601 year and month (`2006-07`), the form this module writes.
    rf"|(?P<month_y>{_YEAR})-(?P<month_m>0[1-9]|1[0-2]))"
    # `2006-07-31T00:00:00` and `2006-07-31 00:00:00`, as spreadsheets export dates.
    r"(?:(?=T\d)|(?![\w/-]|\.\d))"
)
_WORDS = load_table("report")["date_words"]


def _words(key: str) -> str:
    """The date words under `key`, whole and in any case."""
    return alternation(_WORDS[key], ignore_case=True, space=r"\s", guard_signs=False)


_CONNECTOR = r"\s*(?:[-–—/]|" + _words("period_connectors") + r")\s*"
_PERIOD = re.compile(rf"\b({_YEAR}){_CONNECTOR}({_YEAR})\b", re.IGNORECASE)
# `2016-19`: the end year's last two digits, never the month of an ISO date (`2016-07-31`).
_SHORT_PERIOD = re.compile(rf"\b({_YEAR})\s?[-–/]\s?(\d\d)\b(?![-/.]\d)")
_DATE_CONNECTOR = re.compile(rf"{_CONNECTOR}$", re.IGNORECASE)
_LONE_YEAR = re.compile(rf"\b{_YEAR}\b")
_MAX_PERIOD_YEARS = 10
# A sentence: up to a full stop followed by a capital, or a line break.
_SENTENCE = re.compile(r"[^\n]+?(?:(?<=\w\w)[.!?](?=\s+[A-ZÀ-ÖØ-Þ])|$)", re.MULTILINE)
# A clause ends at `;`, a bracket, a line break, a comma before words, or a sentence's end.
_CLAUSE_BREAK = re.compile(r"[;()\[\]\n]|,\s(?!\d)|(?<=\w\w)\.\s+(?=[A-ZÀ-ÖØ-Þ])")
_FOLLOWING_PARENTHESIS = re.compile(r"\s*[(\[]([^()\[\]]{0,80})[)\]]")
# Event words stand close before their date; a longer look back only costs time.
_MAX_LOOK_BACK = 120


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    start: int
    end: int
    impossible: bool = False
    """The text states a day and month no calendar has (`31/13/2006`); `iso` keeps its year."""


@dataclass(slots=True)
class _Spans:
    """Non-overlapping (start, end) spans in order, so an overlap test takes log time even in a
    long text full of years."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def overlaps(self, span: tuple[int, int]) -> bool:
        before = bisect_left(self.starts, span[1])
        return before > 0 and self.ends[before - 1] > span[0]

    def add(self, span: tuple[int, int]) -> None:
        position = bisect_left(self.starts, span[0])
        self.starts.insert(position, span[0])
        self.ends.insert(position, span[1])


@cache
def _month_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    table = load_table("report")["months"]
    months = {match_key(name): int(number) for number, names in table.items() for name in names}
    # Both the written names (`août`) and their folded forms (`aout`, as some exports spell it).
    written = {name.lower() for names in table.values() for name in names} | set(months)
    names = "|".join(sorted((re.escape(name) for name in written), key=len, reverse=True))
    ordinal = r"(?:\s?" + _words("ordinals") + ")?"
    pattern = re.compile(
        rf"\b(?:(?P<day>\d{{1,2}}){ordinal}\s+(?:{_words('before_month')}\s+)?)?"
        rf"(?P<month>{names})\b\.?(?:\s+(?P<day_after>\d{{1,2}}){ordinal}\b)?,?\s+"
        rf"(?:{_words('before_year')}\s+)?"
        rf"(?P<year>{_YEAR})\b",
        re.IGNORECASE,
    )
    return pattern, months


@cache
def _event_words() -> tuple[re.Pattern[str], dict[str, bool]]:
    """A pattern for the event words, and for each whether it names another event than
    ratification (entry into force, adoption) or ratification itself (accession, deposit)."""
    table = load_table("report")
    kinds = {match_key(word): True for word in table["other_dates"]["words"]}
    kinds |= {match_key(word): False for word in table["ratification_dates"]["words"]}
    words = "|".join(sorted((re.escape(word) for word in kinds), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b"), kinds


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order, as ISO 8601 strings as precise as the text is."""
    found: list[FoundDate] = []
    taken = _Spans()
    for match in _NUMERIC.finditer(text):
        year, iso = _numeric_iso(match)
        found.append(FoundDate(iso or str(year), match.start(), match.end(), iso is None))
        taken.add(match.span())
    pattern, months = _month_pattern()
    for match in pattern.finditer(text):
        if taken.overlaps(match.span()):
            continue
        year = int(match.group("year"))
        month = months[match_key(match.group("month"))]
        day = match.group("day") or match.group("day_after")
        iso = _iso(year, month, int(day) if day else None)
        found.append(FoundDate(iso or str(year), match.start(), match.end(), iso is None))
        taken.add(match.span())
    for match in _LONE_YEAR.finditer(text):
        if not taken.overlaps(match.span()):
            found.append(FoundDate(match.group(), match.start(), match.end()))
    return sorted(found, key=lambda date: date.start)


def parse_ratification_date(text: str) -> FoundDate | None:
    """The ratification's date in `text`: the first date marked as the ratification's
    (`ratified on …`, `… (accession)`), else the first not marked as another event's (entry into
    force, adoption)."""
    dates = find_dates(text)
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(text)]
    starts = [date.start for date in dates]
    marks = [_event_of(text, date, starts, breaks) for date in dates]
    for date, other_event in zip(dates, marks, strict=True):
        if other_event is False:
            return date
    for date, other_event in zip(dates, marks, strict=True):
        if other_event is None:
            return date
    return None


def ratification_in_prose(text: str) -> FoundDate | None:
    """The ratification date a sentence of free text states: a sentence naming the Convention
    and its ratification (or accession), and the date nearest that word not marked as another
    event's (`In 2007 Uruguay ratified this Convention`)."""
    words, convention = _prose_words()
    for sentence in _SENTENCE.finditer(text):
        key = match_key(sentence.group())
        ratified = words.search(key)
        if ratified is None or convention.search(key) is None:
            continue
        part = sentence.group()
        dates = find_dates(part)
        breaks = [match.end() for match in _CLAUSE_BREAK.finditer(part)]
        starts = [date.start for date in dates]
        candidates = [date for date in dates if _event_of(part, date, starts, breaks) is not True]
        if candidates:
            # Folding keeps the length of most text: the word's offset is near enough.
            date = min(candidates, key=lambda date: abs(date.start - ratified.start()))
            offset = sentence.start()
            return FoundDate(date.iso, date.start + offset, date.end + offset, date.impossible)
    return None


@cache
def _prose_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = load_table("report")["ratification_in_prose"]
    patterns = []
    for words in (table["words"], table["convention"]):
        alternatives = "|".join(re.escape(match_key(word)) for word in words)
        patterns.append(re.compile(rf"\b(?:{alternatives})\b"))
    return patterns[0], patterns[1]


def parse_period(text: str) -> tuple[int, int, int, int] | None:
    """(start year, end year, start offset, end offset) of the first range in `text` whose
    years run forward by at most ten years: `2016-2019`, `2016 to 2019`, `2016-19`,
    `January 2016 – December 2019`, `du 1er janvier 2016 au 31 décembre 2019`."""
    for start, end, span in sorted(_ranges(text), key=lambda found: found[2]):
        if 0 < end - start <= _MAX_PERIOD_YEARS:
            return start, end, span[0], span[1]
    return None


def lone_years(text: str) -> list[int]:
    """Years in `text` outside any range of years, be it a period or not (`2019-2016`)."""
    ranges = _Spans()
    for _, _, span in _ranges(text):
        ranges.add(span)
    return [
        int(match.group())
        for match in _LONE_YEAR.finditer(text)
        if not ranges.overlaps(match.span())
    ]


def _ranges(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """Every (start year, end year, span) written as a range, valid as a period or not."""
    ranges = []
    taken = _Spans()
    for match in _PERIOD.finditer(text):
        ranges.append((int(match.group(1)), int(match.group(2)), match.span()))
        taken.add(match.span())
    for match in _SHORT_PERIOD.finditer(text):
        if not taken.overlaps(match.span()):
            start = int(match.group(1))
            ranges.append((start, start // 100 * 100 + int(match.group(2)), match.span()))
            taken.add(match.span())
    dates = find_dates(text)
    for first, second in zip(dates, dates[1:], strict=False):
        span = (first.start, second.end)
        if _DATE_CONNECTOR.fullmatch(text, first.end, second.start) and not taken.overlaps(span):
            ranges.append((int(first.iso[:4]), int(second.iso[:4]), span))
            taken.add(span)
    return ranges


def _numeric_iso(match: re.Match[str]) -> tuple[int, str | None]:
    if match.group("month_y"):
        year = int(match.group("month_y"))
        return year, _iso(year, int(match.group("month_m")), None)
    if match.group("iso_y"):
        year = int(match.group("iso_y"))
        return year, _iso(year, int(match.group("iso_m")), int(match.group("iso_d")))
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    # Day first, as reports write it (`31/7/2006`); month first only when the day cannot be
    # the second number's month (`7/31/2006`).
    if second > 12 >= first:
        first, second = second, first
    return year, _iso(year, second, first)


def _iso(year: int, month: int, day: int | None) -> str | None:
    """The ISO form of a calendar date (or month), None when no calendar has it."""
    try:
        datetime.date(year, month, 1 if day is None else day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _event_of(text: str, date: FoundDate, starts: list[int], breaks: list[int]) -> bool | None:
    """True when `date` is marked as another event's than ratification, False when marked as the
    ratification's, None when unmarked. A parenthesis right after the date that names an event
    and holds no date of its own marks it (`18/3/2007 (entry into force)`); else the last event
    word in the clause before it does (`entered into force on …`, `ratification: …`)."""
    following = _FOLLOWING_PARENTHESIS.match(text, date.end)
    if following and bisect_left(starts, following.start(1)) == bisect_left(
        starts, following.end()
    ):
        event = _last_event(following.group(1))
        if event is not None:
            return event
    before = bisect_right(breaks, date.start)
    clause_start = max(breaks[before - 1] if before else 0, date.start - _MAX_LOOK_BACK)
    return _last_event(text[clause_start : date.start])


def _last_event(text: str) -> bool | None:
    pattern, kinds = _event_words()
    words = pattern.findall(match_key(text))
    return kinds[words[-1]] if words else None
