"""The figures of a budget text: each number with its currency and scale, once dates, periods,
addresses, rates, counts and references are set aside; years and conversions marked."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from pipeline.fields.money_numbers import ASCII_DIGITS, DIGITS_RE, read_number
from pipeline.fields.money_words import (
    CONVERSION_OPEN_RE,
    CURRENCY_RE,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    EQUIVALENCE_RE,
    GLUED_DASH_RE,
    ISO_CURRENCIES,
    MONTH_AFTER_RE,
    MONTH_BEFORE_RE,
    NEXT_WORD_RE,
    PERCENT_RE,
    PREFIX_GAP_RE,
    SCALE_ABBREVIATIONS,
    SCALE_CONNECTOR_RE,
    SCALE_RE,
    SCALE_WORDS,
    SUFFIX_GAP_RE,
    YEAR_COLON_RE,
    YEAR_MARKER_RE,
    normalise_phrase,
)
from pipeline.patterns import (
    ADDRESS,
    HSPACE,
    YEAR,
    alternation,
    counted_noun,
    follows_reference,
    is_year,
    merge_spans,
)
from pipeline.tables import load_table


@dataclass(slots=True, eq=False)
class Figure:
    """A figure under construction; `start`/`end` grow to cover its currency and scale.

    `removal` is what leaves the note with it: a year with its marker ("in 2019"), a
    conversion with its parentheses. `base` is the figure a conversion converts.
    """

    number_start: int
    start: int
    end: int
    value: float
    scale: float
    plain_year: bool
    currency: str | None = None
    is_year: bool = False
    base: Figure | None = None
    removal: tuple[int, int] | None = None
    year: int | None = None
    bound: bool = False
    total: bool = False
    segment: int = 0

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


# Dates: "31.12.2019", "1/3/2020", "2019-03-12".
_DATE_RE: Final = re.compile(
    r"(?<![0-9.,/])([0-9]{1,2})([./-])([0-9]{1,2})\2(?:[0-9]{4}|[0-9]{2})(?![0-9]|[.,][0-9])"
)
_ISO_DATE_RE: Final = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9](?![0-9])")
# A reporting period ("2016-2019", "2016/17") names years, never a range of money.
_PERIOD_RE: Final = re.compile(
    rf"(?<![0-9.,])({YEAR})(?:\s?[-\u2013\u2014/]\s?({YEAR})|[-\u2013/]([0-9]{{2}}))"
    r"(?![0-9]|[.,][0-9])"
)
# An exchange rate is no money, nor is the parenthesis that gives it ("(December 2019 dollar
# price: 1USD=36,65)", "1 EUR = 655,957 FCFA").
_RATE: Final = (
    r"\b1\s*(?:[A-Z]{3}|"
    + alternation(load_table("money")["currency"]["symbols"], space=r"\s", guard_signs=False)
    + r")\s*=\s*[0-9][0-9.,\s]*(?:[A-Z]{3}\b)?"
)
_RATE_NOTE_RE: Final = re.compile(rf"\([^()]{{0,80}}{_RATE}[^()]{{0,40}}\)|{_RATE}")
_DIGIT_AHEAD_RE: Final = re.compile(HSPACE + "*[0-9]")


def _is_date(match: re.Match[str]) -> bool:
    day, month = int(match.group(1)), int(match.group(3))
    if day == 0 or month == 0:
        return False
    return (month <= 12 and day <= 31) or (day <= 12 and month <= 31)


def _is_period(text: str, match: re.Match[str]) -> bool:
    first = int(match.group(1))
    if match.group(2) is not None:
        last = int(match.group(2))
    else:
        last = first // 100 * 100 + int(match.group(3))
        last += 100 if last < first else 0
    if not first <= last <= first + 30:
        return False
    # "2000-2050 USD" is a range of money after all; "2016-2019 $ 5 000" is still a period.
    after = SUFFIX_GAP_RE.match(text, match.end()).end()  # type: ignore[union-attr]
    unit = CURRENCY_RE.match(text, after) or SCALE_RE.match(text, match.end())
    return unit is None or _DIGIT_AHEAD_RE.match(text, unit.end()) is not None


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are no figure: merged, sorted and disjoint."""
    spans = [m.span() for m in _PERIOD_RE.finditer(text) if _is_period(text, m)]
    spans += [m.span() for m in _DATE_RE.finditer(text) if _is_date(m)]
    spans += [m.span() for m in _ISO_DATE_RE.finditer(text)]
    spans += [m.span() for m in ADDRESS.finditer(text)]
    spans += [m.span() for m in _RATE_NOTE_RE.finditer(text)]
    return merge_spans(spans)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    index = bisect_right(spans, (pos, math.inf)) - 1
    return index >= 0 and pos < spans[index][1]


def _currency_code(token: str) -> str | None:
    key = normalise_phrase(token)
    if key in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[key]
    if key.casefold() in CURRENCY_WORDS:
        return CURRENCY_WORDS[key.casefold()]
    return key if key in ISO_CURRENCIES else None


@dataclass(frozen=True, slots=True)
class _CurrencyToken:
    start: int
    end: int
    code: str
    is_symbol: bool


def _currency_tokens(text: str) -> list[_CurrencyToken]:
    tokens = []
    for match in CURRENCY_RE.finditer(text):
        code = _currency_code(match.group())
        if code is not None:
            is_symbol = not match.group()[0].isalpha()
            tokens.append(_CurrencyToken(match.start(), match.end(), code, is_symbol))
    return tokens


def _glued_before(text: str, pos: int, currency_ends: set[int]) -> bool:
    """Digits inside a word or code ("H2020", "COVID-19", "A4") or left over from a number."""
    if pos == 0:
        return False
    before = text[pos - 1]
    if before.isalpha():
        return pos not in currency_ends
    two_back = text[pos - 2] if pos >= 2 else ""
    if before in ".,'\u2019/" and two_back != "" and two_back in ASCII_DIGITS:
        return True
    return before in "-\u2010" and two_back.isalpha()


def _glued_after(text: str, end: int, scaled: bool, currency_starts: set[int]) -> bool:
    """Ordinals and compounds ("2nd", "1er", "5-year", "20°") are not figures."""
    if end >= len(text) or scaled or end in currency_starts:
        return False
    after = text[end]
    if after.isalpha() or after in "°º":
        return True
    return after in "-\u2010" and end + 1 < len(text) and text[end + 1].isalpha()


def _scale_factor(token: str) -> float:
    if token in SCALE_ABBREVIATIONS:
        return SCALE_ABBREVIATIONS[token]
    return SCALE_WORDS.get(normalise_phrase(token).casefold(), 1.0)


def _scan_figures(
    text: str, protected: list[tuple[int, int]], currencies: list[_CurrencyToken]
) -> list[Figure]:
    currency_ends = {token.end for token in currencies}
    currency_starts = {token.start for token in currencies}
    figures: list[Figure] = []
    floor = 0
    for run in DIGITS_RE.finditer(text):
        pos = run.start()
        if pos < floor or _inside(protected, pos) or _glued_before(text, pos, currency_ends):
            continue
        digits, end = read_number(text, pos)
        figure = _make_figure(text, pos, end, digits, currency_starts)
        floor = end if figure is None else figure.end
        if figure is not None:
            figures.append(figure)
    return figures


def _make_figure(
    text: str, pos: int, end: int, digits: str, currency_starts: set[int]
) -> Figure | None:
    scale_match = SCALE_RE.match(text, end)
    scale = _scale_factor(scale_match.group(1)) if scale_match else 1.0
    glued_scale = scale_match is not None and scale_match.start(1) == end
    if _glued_after(text, end, glued_scale, currency_starts) or PERCENT_RE.match(text, end):
        return None
    value = float(digits) * scale
    if not math.isfinite(value):
        return None
    plain_year = scale == 1.0 and end - pos == 4 and is_year(value)
    figure_end = scale_match.end() if scale_match else end
    return Figure(pos, pos, figure_end, value, scale, plain_year)


def _attach_currencies(text: str, figures: list[Figure], currencies: list[_CurrencyToken]) -> None:
    """Give each currency token to the figure it touches; between two, prefer the non-year.

    "2016 $ 1.234.567,89": the "$" sits between a year and an amount; "4500 USD - …" and
    "USD 2,345,678" are the plain cases (form reference §4).
    """
    starts = [f.number_start for f in figures]
    for token in currencies:
        index = bisect_right(starts, token.start)
        before = figures[index - 1] if index else None
        after = figures[index] if index < len(figures) else None
        if before is not None and not _suffix_fits(text, before, token.start):
            before = None
        if after is not None and not _prefix_fits(text, after, token.end):
            after = None
        chosen = _choose_neighbour(before, after, token.is_symbol)
        if chosen is not None:
            chosen.currency = token.code
            chosen.start = min(chosen.start, token.start)
            chosen.end = max(chosen.end, token.end)


def _suffix_fits(text: str, figure: Figure, token_start: int) -> bool:
    if figure.currency is not None:
        return False
    if gap_is(text, figure.end, token_start, SUFFIX_GAP_RE):
        return True
    # "2 millions d'euros", "3 millones de dólares": a connector only after a scale word.
    return figure.scale != 1.0 and gap_is(text, figure.end, token_start, SCALE_CONNECTOR_RE)


def _prefix_fits(text: str, figure: Figure, token_end: int) -> bool:
    return figure.currency is None and gap_is(text, token_end, figure.start, PREFIX_GAP_RE)


def gap_is(text: str, start: int, end: int, regex: re.Pattern[str]) -> bool:
    return start <= end and regex.fullmatch(text, start, end) is not None


def _choose_neighbour(
    before: Figure | None, after: Figure | None, is_symbol: bool
) -> Figure | None:
    if before is None or after is None:
        return before or after
    if before.plain_year != after.plain_year:
        return after if before.plain_year else before
    # Symbols lead their figure ("$ 12.500"), codes and words mostly follow it ("4500 USD").
    return after if is_symbol else before


def _is_not_money(text: str, figure: Figure) -> bool:
    """A bare figure that counts ("20 artists"), points ("Article 7") or dates ("1 March")."""
    if figure.currency is not None:
        return False
    word = NEXT_WORD_RE.match(text, figure.end)
    if word is not None and counted_noun(word.group(1)):
        return True
    if follows_reference(text, figure.start):
        return True
    window = text[max(0, figure.start - 25) : figure.start]
    if figure.plain_year:
        return False
    return bool(MONTH_AFTER_RE.match(text, figure.end) or MONTH_BEFORE_RE.search(window))


def _classify_years(text: str, figures: list[Figure]) -> None:
    """Plain years (1900–2100) label the amount they precede ("2019: 50 000 USD; 2020: …").

    A lone one ("4500" style, e.g. "2000") stays an amount unless a marker word or a colon
    says it is a year.
    """
    several = len(figures) > 1
    for figure in figures:
        if not figure.plain_year or figure.currency is not None:
            continue
        marker = YEAR_MARKER_RE.search(text, max(0, figure.start - 30), figure.start)
        colon = YEAR_COLON_RE.match(text, figure.end)
        # "2000-2050 USD": a dash glued to the next figure makes a range, not a year.
        ranged = GLUED_DASH_RE.match(text, figure.end) is not None
        if (several or marker or colon) and not ranged:
            figure.is_year = True
            figure.removal = (marker.start() if marker else figure.start, figure.end)


def _mark_conversions(text: str, figures: list[Figure]) -> None:
    """ "15.000 EUR (17,500.00 USD)": the parenthesised figure converts the one before it, and
    so does one after "soit", "i.e." (`1 400 000 000 FCFA soit 2 800 000 $US`).

    Only a figure naming another currency converts; "5 000 USD (2 000 USD in 2019)" is a part.
    """
    for previous, figure in zip(figures, figures[1:], strict=False):
        if figure.is_year or previous.is_year:
            continue
        if previous.base is not None:
            if not text[previous.end : figure.start].strip():
                # A conversion's figure split by a misplaced space ("soit 2 800 0000 $US").
                figure.base, figure.removal = previous.base, figure.span
            continue
        if figure.currency != previous.currency and EQUIVALENCE_RE.fullmatch(
            text, previous.end, figure.start
        ):
            figure.base, figure.removal = previous, (previous.end, figure.end)
            continue
        if figure.currency is None or figure.currency == previous.currency:
            continue
        opening = text.rfind("(", previous.end, figure.start)
        if opening == -1 or text[previous.end : opening].strip():
            continue
        if not gap_is(text, opening + 1, figure.start, CONVERSION_OPEN_RE):
            continue
        figure.base = previous
        figure.removal = (opening, _conversion_end(text, figure))


def _conversion_end(text: str, figure: Figure) -> int:
    closing = text.find(")", figure.end, figure.end + 40)
    if closing == -1 or "(" in text[figure.end : closing]:
        return figure.end
    return closing + 1


def find_figures(text: str) -> list[Figure]:
    protected = _protected_spans(text)
    currencies = _currency_tokens(text)
    figures = _scan_figures(text, protected, currencies)
    _attach_currencies(text, figures, currencies)
    figures = [f for f in figures if not _is_not_money(text, f)]
    _classify_years(text, figures)
    _mark_conversions(text, figures)
    return figures
