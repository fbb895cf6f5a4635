"""Budget values: the free text of a measure's budget field in, a `Budget` out.

Every figure is kept with its currency, year and note; `amount` is set only for a single
allocation or an explicit total (design §3). The vocabulary lives in `pipeline/data/money.toml`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import pycountry

from pipeline.patterns import (
    ADDRESS,
    HSPACE,
    LETTER_AFTER,
    LETTER_BEFORE,
    YEAR,
    alternation,
    counted_noun,
    merge_spans,
)
from pipeline.tables import load_table

STATED: Final = "stated"
NOT_AVAILABLE: Final = "not_available"
UNPARSED: Final = "unparsed"
ABSENT: Final = "absent"


@dataclass(frozen=True, slots=True)
class MoneyAmount:
    """One figure of the budget text, with its offsets in the raw text (currency/scale included)."""

    value: float
    currency: str | None
    year: int | None
    conversion: bool
    note: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Budget:
    """The budget field: `amount` is the single allocation or the explicit total, else None."""

    raw: str | None
    status: str
    amount: float | None
    currency: str | None
    amounts: tuple[MoneyAmount, ...]
    currency_from_label: bool


# --------------------------------------------------------------------------- vocabulary


_TABLES: Final = load_table("money")

_H: Final = HSPACE


def _normalise_phrase(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def _alternation(
    phrases: Mapping[str, bool] | Iterable[str],
    *,
    ignore_case: bool = True,
    digits_may_touch: bool = False,
) -> str:
    """The field's phrases: any case unless told, whole words unless digits may touch them, a
    phrase's words joined across any whitespace."""
    return alternation(
        phrases,
        ignore_case=ignore_case,
        digits_may_touch=digits_may_touch,
        space=r"\s",
        guard_signs=False,
    )


def _build_currency_regex() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    symbols = {_normalise_phrase(k): v for k, v in _TABLES["currency"]["symbols"].items()}
    words = {_normalise_phrase(k).casefold(): v for k, v in _TABLES["currency"]["words"].items()}
    flags = {k: False for k in symbols} | {
        _normalise_phrase(k): True for k in _TABLES["currency"]["words"]
    }
    iso_code = LETTER_BEFORE + "[A-Z]{3}" + LETTER_AFTER
    pattern = "(?:" + _alternation(flags, digits_may_touch=True) + "|" + iso_code + ")"
    return re.compile(pattern), symbols, words


def _build_scale_regex() -> tuple[re.Pattern[str], dict[str, float], dict[str, float]]:
    abbreviations = {k: float(v) for k, v in _TABLES["scale"]["abbreviations"].items()}
    words = {k.casefold(): float(v) for k, v in _TABLES["scale"]["words"].items()}
    flags = {k: False for k in abbreviations} | {k: True for k in _TABLES["scale"]["words"]}
    pattern = _H + "*(" + _alternation(flags, digits_may_touch=True) + ")"
    return re.compile(pattern), abbreviations, words


_CURRENCY_RE, _CURRENCY_SYMBOLS, _CURRENCY_WORDS = _build_currency_regex()
_SCALE_RE, _SCALE_ABBREVIATIONS, _SCALE_WORDS = _build_scale_regex()
# XXX and XTS are ISO's "no currency" and testing codes: never a budget's currency.
_ISO_CURRENCIES: Final = frozenset(c.alpha_3 for c in pycountry.currencies) - {"XXX", "XTS"}

_NOT_AVAILABLE: Final = frozenset(
    _normalise_phrase(t).casefold().removesuffix(".") for t in _TABLES["not_available"]["tokens"]
)
_PERCENT_RE: Final = re.compile(_H + "*" + _alternation(_TABLES["percent"]["words"]))
_MONTHS: Final = _alternation(_TABLES["date"]["months"])
_MONTH_AFTER_RE: Final = re.compile(_H + "*" + _MONTHS)
_MONTH_BEFORE_RE: Final = re.compile(_MONTHS + _H + r"*\Z")
# "in 2019", "depuis 2016", and the year of a date ("1 March 2019", "March 1, 2019").
_YEAR_MARKER_RE: Final = re.compile(
    "(?:"
    + _alternation(_TABLES["year"]["markers"])
    + r"|(?:[0-9]{1,2}(?:st|nd|rd|th|er)?\s+)?"
    + _MONTHS
    + r"(?:\s+[0-9]{1,2})?,?)\s*\Z"
)
_REFERENCE_RE: Final = re.compile(_alternation(_TABLES["not_money"]["references"]) + r"\s*\Z")
_YEAR_COLON_RE: Final = re.compile(_H + "*:")
_GLUED_DASH_RE: Final = re.compile("[-\u2013\u2014][0-9]")
_NEXT_WORD_RE: Final = re.compile(_H + r"*([^\W\d_]+)")
_TOTAL_BEFORE_RE: Final = re.compile(_alternation(_TABLES["total"]["before"]))
_TOTAL_AFTER_RE: Final = re.compile(_H + "*" + _alternation(_TABLES["total"]["after"]))
_YEAR_OF_PRECEDING_RE: Final = re.compile(
    _alternation(_TABLES["year"]["closing"]) + _H + r"*\(?" + _H + "*$"
)
_MAX_PART_GAP: Final = 40
_PART_BEFORE_RE: Final = re.compile(_alternation(_TABLES["part"]["before"]) + r"\s*:?\s*\Z")
_BOUND_BEFORE_RE: Final = re.compile(
    _alternation(_TABLES["bound"]["before"]) + r"\s*(?:(?i:of|de|d['\u2019])\s*)?:?\s*\Z"
)
_BOUND_AFTER_RE: Final = re.compile(_H + "*" + _alternation(_TABLES["bound"]["after"]))
_RANGE_OPENER_RE: Final = re.compile(_alternation(_TABLES["range"]["openers"]) + r"\s*\Z")
_RANGE_FROM_RE: Final = re.compile(_alternation(_TABLES["range"]["open_openers"]) + r"\s*\Z")
_RANGE_CLOSED_GAP_RE: Final = re.compile(
    r"\s+" + _alternation(_TABLES["range"]["connectors"]) + r"\s+"
)
_RANGE_OPEN_GAP_RE: Final = re.compile(
    f"{_H}*(?:[-\u2010\u2013\u2014]|{_alternation(_TABLES['range']['open_connectors'])}){_H}*"
)
_CONVERSION_OPEN_RE: Final = re.compile(
    r"\s*(?:" + _alternation(_TABLES["conversion"]["lead"]) + r"\s*)?:?\s*"
)
_EQUIVALENCE_RE: Final = re.compile(
    r"\s*,?\s*" + _alternation(_TABLES["conversion"]["equivalence"]) + r"\s*:?\s*"
)
_SCALE_CONNECTOR_RE: Final = re.compile(_H + r"*(?i:de\s+|d['\u2019]\s*|of\s+)?")
_SUFFIX_GAP_RE: Final = re.compile(_H + "*")
_PREFIX_GAP_RE: Final = re.compile(_H + "*:?" + _H + "*")

# ----------------------------------------------------------------------------- numbers

_ASCII_DIGITS: Final = "0123456789"
_DIGITS_RE: Final = re.compile(r"[0-9]+")
# Separators that may group thousands, each mapped to its class: mixed no-break/plain spaces
# group alike (Word inserts U+00A0 in "65 000"), so do both apostrophes (Swiss "1'250'000").
_GROUP_CLASS: Final = {
    ".": ".",
    ",": ",",
    " ": " ",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "'": "'",
    "\u2019": "'",
}
_DECIMAL_MARKS: Final = ".,"
# South-Asian grouping ("1,00,000"): pairs of digits, then a final group of three.
_INDIAN_RE: Final = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9]|,[0-9])")


def _read_number(text: str, pos: int) -> tuple[str, int]:
    """Read the number at `pos` as "int[.frac]" digits and return it with its end offset.

    A separator followed by exactly three digits groups thousands, anything else after "." or
    "," is the decimal mark (design §3). Grouping needs a first group of 1–3 digits, not "0"
    ("0.125" is a decimal), and one separator class throughout; a space only ever groups.
    """
    indian = _INDIAN_RE.match(text, pos)
    if indian:
        integer, end, group_class = [indian.group().replace(",", "")], indian.end(), ","
    else:
        end = _DIGITS_RE.match(text, pos).end()  # type: ignore[union-attr]
        integer, group_class = [text[pos:end]], None
    first_group_len = end - pos
    while end < len(text):
        separator_class = _GROUP_CLASS.get(text[end])
        run_end = _DIGITS_RE.match(text, end + 1)
        if separator_class is None or run_end is None:
            break
        run = text[end + 1 : run_end.end()]
        if len(run) == 3 and _may_group(separator_class, group_class, first_group_len, text[pos]):
            integer.append(run)
            end, group_class = run_end.end(), separator_class
            continue
        if text[end] in _DECIMAL_MARKS and separator_class != group_class:
            return "".join(integer) + "." + run, run_end.end()
        break
    return "".join(integer), end


def _may_group(separator: str, group_class: str | None, first_len: int, first: str) -> bool:
    if group_class is not None:
        return separator == group_class
    return first_len <= 3 and first != "0"


def parse_number(text: str) -> float:
    """'1.234.567,89' -> 1234567.89; raise ValueError unless `text` is one unsigned number."""
    stripped = text.strip()
    if not stripped or stripped[0] not in _ASCII_DIGITS:
        raise ValueError(f"not a number: {text!r}")
    digits, end = _read_number(stripped, 0)
    value = float(digits)
    if end != len(stripped) or not math.isfinite(value):
        raise ValueError(f"not a number: {text!r}")
    return value


# ----------------------------------------------------------------------------- figures


@dataclass(slots=True, eq=False)
class _Figure:
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
    base: _Figure | None = None
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
    rf"(?<![0-9.,])({YEAR}|2100)(?:\s?[-\u2013\u2014/]\s?({YEAR}|2100)|[-\u2013/]([0-9]{{2}}))"
    r"(?![0-9]|[.,][0-9])"
)
# An exchange rate is no money, nor is the parenthesis that gives it ("(December 2019 dollar
# price: 1USD=36,65)", "1 EUR = 655,957 FCFA").
_RATE: Final = r"\b1\s*(?:[A-Z]{3}|US\$|\$|€)\s*=\s*[0-9][0-9.,\s]*(?:[A-Z]{3}\b)?"
_RATE_NOTE_RE: Final = re.compile(rf"\([^()]{{0,80}}{_RATE}[^()]{{0,40}}\)|{_RATE}")
_DIGIT_AHEAD_RE: Final = re.compile(_H + "*[0-9]")


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
    after = _SUFFIX_GAP_RE.match(text, match.end()).end()  # type: ignore[union-attr]
    unit = _CURRENCY_RE.match(text, after) or _SCALE_RE.match(text, match.end())
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
    key = _normalise_phrase(token)
    if key in _CURRENCY_SYMBOLS:
        return _CURRENCY_SYMBOLS[key]
    if key.casefold() in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[key.casefold()]
    return key if key in _ISO_CURRENCIES else None


@dataclass(frozen=True, slots=True)
class _CurrencyToken:
    start: int
    end: int
    code: str
    is_symbol: bool


def _currency_tokens(text: str) -> list[_CurrencyToken]:
    tokens = []
    for match in _CURRENCY_RE.finditer(text):
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
    if before in ".,'\u2019/" and two_back != "" and two_back in _ASCII_DIGITS:
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
    if token in _SCALE_ABBREVIATIONS:
        return _SCALE_ABBREVIATIONS[token]
    return _SCALE_WORDS.get(_normalise_phrase(token).casefold(), 1.0)


def _scan_figures(
    text: str, protected: list[tuple[int, int]], currencies: list[_CurrencyToken]
) -> list[_Figure]:
    currency_ends = {token.end for token in currencies}
    currency_starts = {token.start for token in currencies}
    figures: list[_Figure] = []
    floor = 0
    for run in _DIGITS_RE.finditer(text):
        pos = run.start()
        if pos < floor or _inside(protected, pos) or _glued_before(text, pos, currency_ends):
            continue
        digits, end = _read_number(text, pos)
        figure = _make_figure(text, pos, end, digits, currency_starts)
        floor = end if figure is None else figure.end
        if figure is not None:
            figures.append(figure)
    return figures


def _make_figure(
    text: str, pos: int, end: int, digits: str, currency_starts: set[int]
) -> _Figure | None:
    scale_match = _SCALE_RE.match(text, end)
    scale = _scale_factor(scale_match.group(1)) if scale_match else 1.0
    glued_scale = scale_match is not None and scale_match.start(1) == end
    if _glued_after(text, end, glued_scale, currency_starts) or _PERCENT_RE.match(text, end):
        return None
    value = float(digits) * scale
    if not math.isfinite(value):
        return None
    plain_year = scale == 1.0 and end - pos == 4 and 1950 <= value <= 2100
    figure_end = scale_match.end() if scale_match else end
    return _Figure(pos, pos, figure_end, value, scale, plain_year)


def _attach_currencies(text: str, figures: list[_Figure], currencies: list[_CurrencyToken]) -> None:
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


def _suffix_fits(text: str, figure: _Figure, token_start: int) -> bool:
    if figure.currency is not None:
        return False
    if _gap_is(text, figure.end, token_start, _SUFFIX_GAP_RE):
        return True
    # "2 millions d'euros", "3 millones de dólares": a connector only after a scale word.
    return figure.scale != 1.0 and _gap_is(text, figure.end, token_start, _SCALE_CONNECTOR_RE)


def _prefix_fits(text: str, figure: _Figure, token_end: int) -> bool:
    return figure.currency is None and _gap_is(text, token_end, figure.start, _PREFIX_GAP_RE)


def _gap_is(text: str, start: int, end: int, regex: re.Pattern[str]) -> bool:
    return start <= end and regex.fullmatch(text, start, end) is not None


def _choose_neighbour(
    before: _Figure | None, after: _Figure | None, is_symbol: bool
) -> _Figure | None:
    if before is None or after is None:
        return before or after
    if before.plain_year != after.plain_year:
        return after if before.plain_year else before
    # Symbols lead their figure ("$ 12.500"), codes and words mostly follow it ("4500 USD").
    return after if is_symbol else before


def _is_not_money(text: str, figure: _Figure) -> bool:
    """A bare figure that counts ("20 artists"), points ("Article 7") or dates ("1 March")."""
    if figure.currency is not None:
        return False
    word = _NEXT_WORD_RE.match(text, figure.end)
    if word is not None and counted_noun(word.group(1)):
        return True
    window = text[max(0, figure.start - 25) : figure.start]
    if _REFERENCE_RE.search(window):
        return True
    if figure.plain_year:
        return False
    return bool(_MONTH_AFTER_RE.match(text, figure.end) or _MONTH_BEFORE_RE.search(window))


def _classify_years(text: str, figures: list[_Figure]) -> None:
    """Plain 1950–2100 figures label the amount they precede ("2019: 50 000 USD; 2020: …").

    A lone one ("4500" style, e.g. "2000") stays an amount unless a marker word or a colon
    says it is a year.
    """
    several = len(figures) > 1
    for figure in figures:
        if not figure.plain_year or figure.currency is not None:
            continue
        marker = _YEAR_MARKER_RE.search(text, max(0, figure.start - 30), figure.start)
        colon = _YEAR_COLON_RE.match(text, figure.end)
        # "2000-2050 USD": a dash glued to the next figure makes a range, not a year.
        ranged = _GLUED_DASH_RE.match(text, figure.end) is not None
        if (several or marker or colon) and not ranged:
            figure.is_year = True
            figure.removal = (marker.start() if marker else figure.start, figure.end)


def _mark_conversions(text: str, figures: list[_Figure]) -> None:
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
        if figure.currency != previous.currency and _EQUIVALENCE_RE.fullmatch(
            text, previous.end, figure.start
        ):
            figure.base, figure.removal = previous, (previous.end, figure.end)
            continue
        if figure.currency is None or figure.currency == previous.currency:
            continue
        opening = text.rfind("(", previous.end, figure.start)
        if opening == -1 or text[previous.end : opening].strip():
            continue
        if not _gap_is(text, opening + 1, figure.start, _CONVERSION_OPEN_RE):
            continue
        figure.base = previous
        figure.removal = (opening, _conversion_end(text, figure))


def _conversion_end(text: str, figure: _Figure) -> int:
    closing = text.find(")", figure.end, figure.end + 40)
    if closing == -1 or "(" in text[figure.end : closing]:
        return figure.end
    return closing + 1


def _find_figures(text: str) -> list[_Figure]:
    protected = _protected_spans(text)
    currencies = _currency_tokens(text)
    figures = _scan_figures(text, protected, currencies)
    _attach_currencies(text, figures, currencies)
    figures = [f for f in figures if not _is_not_money(text, f)]
    _classify_years(text, figures)
    _mark_conversions(text, figures)
    return figures


# ---------------------------------------------------------------------------- segments

# Ranked: a line break separates items more surely than a dash, a dash more than a comma.
_SEPARATOR_RE: Final = re.compile(
    r"(?P<line>\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029])|(?P<semicolon>;)"
    rf"|(?P<slash>{_H}/{_H})|(?P<dash>{_H}[-\u2013\u2014]{_H})|(?P<comma>,\s)"
)
_SEPARATOR_RANK: Final = {"line": 5, "semicolon": 4, "slash": 3, "dash": 2, "comma": 1}


def _unit_ends(figures: list[_Figure]) -> dict[int, int]:
    """Where each figure ends together with the parentheses of its conversions (by id)."""
    ends = {id(f): f.end for f in figures}
    for figure in figures:
        if figure.base is not None and figure.removal is not None:
            ends[id(figure.base)] = max(ends[id(figure.base)], figure.removal[1])
    return ends


def _mark_ranges(text: str, anchors: list[_Figure], unit_ends: list[int]) -> set[int]:
    """Pairs "between X and Y", "X - Y", "de X à Y": bounds, not an allocation.

    Returns the indexes i whose pair (i, i+1) is a range. An end naming no currency takes the
    other's, and the low end its scale when smaller ("between 1 and 2 million").
    """
    ranges = set()
    for i, (low, high) in enumerate(zip(anchors, anchors[1:], strict=False)):
        if low.currency and high.currency and low.currency != high.currency:
            continue
        window = max(0, low.start - 12)
        if _gap_is(text, unit_ends[i], high.start, _RANGE_OPEN_GAP_RE):
            opener = _RANGE_FROM_RE.search(text, window, low.start)
        else:
            opener = _RANGE_OPENER_RE.search(text, window, low.start)
            if opener is None or not _gap_is(text, unit_ends[i], high.start, _RANGE_CLOSED_GAP_RE):
                continue
        ranges.add(i)
        low.bound = high.bound = True
        # "between", "and", the dash: nothing a note should keep once both ends are gone.
        low.removal = (opener.start() if opener else low.start, low.end)
        high.removal = (unit_ends[i], high.end)
        low.currency = low.currency or high.currency
        high.currency = high.currency or low.currency
        if low.scale == 1.0 and high.scale != 1.0 and low.value < high.value / high.scale:
            low.value, low.scale = low.value * high.scale, high.scale
    return ranges


def _cuts(
    text: str, anchors: list[_Figure], unit_ends: list[int], ranges: set[int]
) -> list[tuple[int, int]]:
    """Pick one separator between each pair of amounts: the strongest, then by layout.

    When text precedes the first amount ("Ministry - 4500 USD - …") notes lead their figure,
    so the first separator after an amount cuts; otherwise ("4500 USD - Ministry - …") the
    last one before the next amount does.
    """
    leading = any(ch.isalnum() for ch in text[: anchors[0].start])
    cuts = []
    for i in range(len(anchors) - 1):
        if i in ranges or unit_ends[i] > anchors[i + 1].start:
            continue
        matches = list(_SEPARATOR_RE.finditer(text, unit_ends[i], anchors[i + 1].start))
        if not matches:
            continue
        best = max(_SEPARATOR_RANK[m.lastgroup or "comma"] for m in matches)
        strongest = [m for m in matches if _SEPARATOR_RANK[m.lastgroup or "comma"] == best]
        cuts.append((strongest[0] if leading else strongest[-1]).span())
    return cuts


def _segments(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text)]
    return list(zip(starts, ends, strict=True))


def _attach_years(text: str, figures: list[_Figure], anchors: list[_Figure]) -> None:
    """A year labels the next amount of its segment (the nearest year wins), else the last one
    before it that has none ("5 000 USD (2019)", "5 000 USD in 2019")."""
    by_segment: dict[int, list[_Figure]] = {}
    for anchor in anchors:
        by_segment.setdefault(anchor.segment, []).append(anchor)
    for year in (f for f in figures if f.is_year):
        same = by_segment.get(year.segment, [])
        following = next((a for a in same if a.start > year.start), None)
        preceding = [a for a in same if a.start < year.start and a.year is None]
        if preceding and _YEAR_OF_PRECEDING_RE.search(text, max(0, year.start - 12), year.start):
            # "USD 560 000 in 2022 and USD 560 150 in 2023": the year closes its amount.
            following = None
        target = following or (preceding[-1] if preceding else None)
        if target is not None:
            target.year = int(year.value)
    for figure in figures:
        if figure.base is not None:
            figure.year = figure.base.year


def _mark_totals_and_bounds(
    text: str,
    figures: list[_Figure],
    anchors: list[_Figure],
    segments: list[tuple[int, int]],
    unit_ends: dict[int, int],
) -> None:
    """Flag explicit totals ("Total: …", "… au total", a figure whose part follows with "dont",
    "of which") and caps ("up to …", "jusqu'à …").

    A total keyword counts only with no other figure, not even a year, between it and the
    figure: "Total 2019: 50 000; 2020: 60 000" is a per-year list, not a total.
    """
    previous_end = {id(f): (figures[i - 1].end if i else 0) for i, f in enumerate(figures)}
    total_after_end = 0
    for anchor in anchors:
        floor = max(anchor.start - 60, previous_end[id(anchor)], segments[anchor.segment][0])
        # A keyword that closed the figure before ("1 120 150 USD in total (560 000 …") is
        # that figure's, not this one's.
        floor = max(floor, total_after_end)
        unit_end = unit_ends[id(anchor)]
        after = _TOTAL_AFTER_RE.match(text, unit_end)
        if after:
            total_after_end = after.end()
        if _TOTAL_BEFORE_RE.search(text, max(0, floor), anchor.start) or after:
            anchor.total = True
        before = text[max(0, anchor.start - 40) : anchor.start]
        if _BOUND_BEFORE_RE.search(before) or _BOUND_AFTER_RE.match(text, unit_end):
            anchor.bound = True
    for previous, anchor in zip(anchors, anchors[1:], strict=False):
        # "… 420 000 EUR par an dont 300 000 EUR …": a part names the figure before it a total.
        gap = text[unit_ends[id(previous)] : anchor.start]
        if len(gap) <= _MAX_PART_GAP and "\n" not in gap and _PART_BEFORE_RE.search(gap):
            previous.total = True


def _choose_amount(anchors: list[_Figure]) -> _Figure | None:
    if len(anchors) == 1:
        chosen: _Figure | None = anchors[0]
    else:
        totals = {(f.value, f.currency): f for f in anchors if f.total}
        chosen = next(iter(totals.values())) if len(totals) == 1 else None
    return None if chosen is None or chosen.bound else chosen


# -------------------------------------------------------------------------------- notes

_NOTE_SPLIT_RE: Final = re.compile(
    r"(?:^|\s+)[-\u2013\u2014/|]+(?=\s|$)|[;\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
)
_EDGE_PUNCTUATION: Final = " \t-\u2010\u2013\u2014:;,./|*•·_=~+"


def _note(text: str, start: int, end: int, removals: list[tuple[int, int]]) -> str | None:
    """The segment's text with its figures, years and conversions cut out, tidied."""
    pieces, cursor = [], start
    for cut_start, cut_end in sorted(removals):
        if cut_start > cursor:
            pieces.append(text[cursor : min(cut_start, end)])
        cursor = max(cursor, cut_end)
    if cursor < end:
        pieces.append(text[cursor:end])
    fragments = _NOTE_SPLIT_RE.split(" ".join(pieces))
    cleaned = [c for c in (_clean_fragment(f) for f in fragments) if c]
    return " - ".join(cleaned) or None


def _clean_fragment(fragment: str) -> str:
    fragment = " ".join(fragment.split())
    while True:
        stripped = fragment.strip(_EDGE_PUNCTUATION)
        if stripped.startswith("(") and stripped.endswith(")") and _balanced(stripped[1:-1]):
            stripped = stripped[1:-1]
        elif stripped.startswith((")", "]")):
            stripped = stripped[1:]
        elif stripped.endswith(("(", "[")):
            stripped = stripped[:-1]
        if stripped == fragment:
            return fragment
        fragment = stripped


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _removal(figure: _Figure) -> tuple[int, int]:
    return figure.removal if figure.removal is not None else (figure.start, figure.end)


# ------------------------------------------------------------------------------- budget


def _is_not_available(raw: str) -> bool:
    value = _normalise_phrase(unicodedata.normalize("NFC", raw)).casefold().removesuffix(".")
    return value in _NOT_AVAILABLE


def _budget_currency(
    chosen: _Figure | None, money: list[_Figure], label: str | None
) -> tuple[str | None, bool]:
    """The amount's currency (design.md §3: `currency` is the ISO 4217 of `amount`, so no
    amount, no currency: each figure keeps its own in `amounts`). The label's currency (2020+
    form: "in USD") applies only when no figure names one.
    """
    if chosen is None:
        return None, False
    if chosen.currency is None and label and not any(f.currency for f in money):
        return label, True
    return chosen.currency, False


def parse_budget(raw: str | None, label_currency: str | None = None) -> Budget:
    """Read a budget value; never raises. `label_currency` is what the field's label names."""
    if raw is None or not raw.strip():
        return Budget(None, ABSENT, None, None, (), False)
    if _is_not_available(raw):
        return Budget(raw, NOT_AVAILABLE, None, None, (), False)
    figures = _find_figures(raw)
    anchors = [f for f in figures if not f.is_year and f.base is None]
    if not anchors:
        return Budget(raw, UNPARSED, None, None, (), False)
    unit_ends = _unit_ends(figures)
    anchor_ends = [unit_ends[id(a)] for a in anchors]
    ranges = _mark_ranges(raw, anchors, anchor_ends)
    segments = _segments(raw, _cuts(raw, anchors, anchor_ends, ranges))
    segment_starts = [start for start, _ in segments]
    for figure in figures:
        figure.segment = bisect_right(segment_starts, figure.number_start) - 1
    _attach_years(raw, figures, anchors)
    _mark_totals_and_bounds(raw, figures, anchors, segments, unit_ends)
    chosen = _choose_amount(anchors)
    money = [f for f in figures if not f.is_year]
    currency, from_label = _budget_currency(chosen, money, label_currency)
    removals: list[list[tuple[int, int]]] = [[] for _ in segments]
    for figure in figures:
        removals[figure.segment].append(_removal(figure))
    notes = [
        _note(raw, start, end, cuts) for (start, end), cuts in zip(segments, removals, strict=True)
    ]
    amounts = tuple(
        MoneyAmount(f.value, f.currency, f.year, f.base is not None, notes[f.segment], *f.span)
        for f in money
    )
    amount = chosen.value if chosen is not None else None
    return Budget(raw, STATED, amount, currency, amounts, from_label)
