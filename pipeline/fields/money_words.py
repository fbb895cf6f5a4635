"""The budget field's vocabulary (data/money.toml) as regexes: currencies, scales, and the
words around a figure that say what it is."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

import pycountry

from pipeline.patterns import (
    HSPACE,
    LETTER_AFTER,
    LETTER_BEFORE,
    alternation,
    phrase,
)
from pipeline.tables import load_table

_TABLES: Final = load_table("money")


def normalise_phrase(text: str) -> str:
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
    symbols = {normalise_phrase(k): v for k, v in _TABLES["currency"]["symbols"].items()}
    words = {normalise_phrase(k).casefold(): v for k, v in _TABLES["currency"]["words"].items()}
    flags = {k: False for k in symbols} | {
        normalise_phrase(k): True for k in _TABLES["currency"]["words"]
    }
    iso_code = LETTER_BEFORE + "[A-Z]{3}" + LETTER_AFTER
    pattern = "(?:" + _alternation(flags, digits_may_touch=True) + "|" + iso_code + ")"
    return re.compile(pattern), symbols, words


def _build_scale_regex() -> tuple[re.Pattern[str], dict[str, float], dict[str, float]]:
    abbreviations = {k: float(v) for k, v in _TABLES["scale"]["abbreviations"].items()}
    words = {k.casefold(): float(v) for k, v in _TABLES["scale"]["words"].items()}
    flags = {k: False for k in abbreviations} | {k: True for k in _TABLES["scale"]["words"]}
    pattern = HSPACE + "*(" + _alternation(flags, digits_may_touch=True) + ")"
    return re.compile(pattern), abbreviations, words


CURRENCY_RE, CURRENCY_SYMBOLS, CURRENCY_WORDS = _build_currency_regex()
SCALE_RE, SCALE_ABBREVIATIONS, SCALE_WORDS = _build_scale_regex()
# XXX and XTS are ISO's "no currency" and testing codes: never a budget's currency.
ISO_CURRENCIES: Final = frozenset(c.alpha_3 for c in pycountry.currencies) - {"XXX", "XTS"}

NOT_AVAILABLE_TOKENS: Final = frozenset(
    normalise_phrase(t).casefold().removesuffix(".") for t in _TABLES["not_available"]["tokens"]
)
PERCENT_RE: Final = re.compile(HSPACE + "*" + _alternation(_TABLES["percent"]["words"]))
_MONTHS: Final = _alternation(_TABLES["date"]["months"])
MONTH_AFTER_RE: Final = re.compile(HSPACE + "*" + _MONTHS)
MONTH_BEFORE_RE: Final = re.compile(_MONTHS + HSPACE + r"*\Z")
# "in 2019", "depuis 2016", and the year of a date ("1 March 2019", "March 1, 2019").
YEAR_MARKER_RE: Final = re.compile(
    "(?:"
    + _alternation(_TABLES["year"]["markers"])
    + r"|(?:[0-9]{1,2}(?:"
    + _alternation(load_table("report")["date_words"]["ordinals"], digits_may_touch=True)
    + r")?\s+)?"
    + _MONTHS
    + r"(?:\s+[0-9]{1,2})?,?)\s*\Z"
)
YEAR_COLON_RE: Final = re.compile(HSPACE + "*:")
GLUED_DASH_RE: Final = re.compile("[-\u2013\u2014][0-9]")
NEXT_WORD_RE: Final = re.compile(HSPACE + r"*([^\W\d_]+)")
TOTAL_BEFORE_RE: Final = re.compile(_alternation(_TABLES["total"]["before"]))
TOTAL_AFTER_RE: Final = re.compile(HSPACE + "*" + _alternation(_TABLES["total"]["after"]))
YEAR_OF_PRECEDING_RE: Final = re.compile(
    _alternation(_TABLES["year"]["closing"]) + HSPACE + r"*\(?" + HSPACE + "*$"
)


def _linking_words(gap: str) -> str:
    """money.toml's linking words ("de", "d'", "of"), each with `gap` after it, in any case; an
    elided one may touch what follows ("d'euros")."""
    words = sorted(_TABLES["linking"]["words"], key=lambda w: (-len(w), w))
    return (
        "(?i:"
        + "|".join(phrase(w, r"\s") + (r"\s*" if w[-1] in "'\u2019" else gap) for w in words)
        + ")"
    )


MAX_PART_GAP: Final = 40
PART_BEFORE_RE: Final = re.compile(_alternation(_TABLES["part"]["before"]) + r"\s*:?\s*\Z")
BOUND_BEFORE_RE: Final = re.compile(
    _alternation(_TABLES["bound"]["before"]) + r"\s*(?:" + _linking_words(r"\s*") + r")?:?\s*\Z"
)
BOUND_AFTER_RE: Final = re.compile(HSPACE + "*" + _alternation(_TABLES["bound"]["after"]))
RANGE_OPENER_RE: Final = re.compile(_alternation(_TABLES["range"]["openers"]) + r"\s*\Z")
RANGE_FROM_RE: Final = re.compile(_alternation(_TABLES["range"]["open_openers"]) + r"\s*\Z")
RANGE_CLOSED_GAP_RE: Final = re.compile(
    r"\s+" + _alternation(_TABLES["range"]["connectors"]) + r"\s+"
)
RANGE_OPEN_GAP_RE: Final = re.compile(
    f"{HSPACE}*(?:[-\u2010\u2013\u2014]|{_alternation(_TABLES['range']['open_connectors'])}){HSPACE}*"
)
CONVERSION_OPEN_RE: Final = re.compile(
    r"\s*(?:" + _alternation(_TABLES["conversion"]["lead"]) + r"\s*)?:?\s*"
)
EQUIVALENCE_RE: Final = re.compile(
    r"\s*,?\s*" + _alternation(_TABLES["conversion"]["equivalence"]) + r"\s*:?\s*"
)
SCALE_CONNECTOR_RE: Final = re.compile(HSPACE + "*" + _linking_words(r"\s+") + "?")
SUFFIX_GAP_RE: Final = re.compile(HSPACE + "*")
PREFIX_GAP_RE: Final = re.compile(HSPACE + "*:?" + HSPACE + "*")
