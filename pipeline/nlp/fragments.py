"""The DATE, MONEY and LAW patterns of data/nlp_patterns.toml, placeholders filled in, compiled."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Final

import pycountry

from pipeline.tables import load_table

_PATTERNS: Final = load_table("nlp_patterns")
_MONEY_WORDS: Final = load_table("money")

HSPACE: Final = "[ \\t\\u00a0\\u202f\\u2009]"
_LETTER_BEFORE: Final = r"(?<![^\W\d_])"
_LETTER_AFTER: Final = r"(?![^\W\d_])"
_UPPER: Final = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_PLACEHOLDER: Final = re.compile(r"\{([a-z_]+)\}")


def _phrase(text: str) -> str:
    """A vocabulary phrase as a regex: any horizontal space run, either apostrophe."""
    words = [
        "".join("['\u2019]" if ch in "'\u2019" else re.escape(ch) for ch in word)
        for word in text.split()
    ]
    return (HSPACE + "+").join(words)


def _alternation(phrases: Iterable[str], *, ignore_case: bool = False) -> str:
    """Longest phrase first, so "US dollars" wins over "dollars" and "US$" over "$"; no letter
    may touch either end (digits may: "USD5000", "5bn"). The guards stand outside the
    alternatives so that `re` skips a branch on its first character."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(_phrase(p) for p in unique)
    body = f"(?i:{body})" if ignore_case else f"(?:{body})"
    return _LETTER_BEFORE + body + _LETTER_AFTER


def _fill(template: str, fragments: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1) not in fragments:
            raise KeyError(f"data/nlp_patterns.toml: unknown placeholder {match.group()}")
        return fragments[match.group(1)]

    return _PLACEHOLDER.sub(replace, template.replace(" ", HSPACE + "+"))


def _months() -> tuple[str, str]:
    """(any month name or abbreviation, full names only). A name the table writes capitalised
    (English) is matched so, or in capitals: "may" and "march" are verbs; French and Spanish
    names are lower case in the table and matched in any case."""
    abbreviations = set(_PATTERNS["date"]["month_abbreviations"])

    def alternation(names: list[str]) -> str:
        exact = [n for n in names if n[0].isupper()]
        folded = [n for n in names if not n[0].isupper()]
        return (
            f"(?:{_alternation(exact + [n.upper() for n in exact])}"
            f"|{_alternation(folded, ignore_case=True)})"
        )

    names = list(_MONEY_WORDS["date"]["months"])
    return alternation(names), alternation([n for n in names if n not in abbreviations])


@cache
def _fragments() -> dict[str, str]:
    """The placeholders of data/nlp_patterns.toml; the currency and scale words are money.toml's
    (the budget field's vocabulary) plus that file's additions for running text."""
    money = _PATTERNS["money"]
    law = _PATTERNS["law"]
    refused = set(money["not_currencies"])
    symbols = [
        s
        for s in [*_MONEY_WORDS["currency"]["symbols"], *money["currency_symbols"]]
        if s not in refused
    ]
    codes = [c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in refused | {"XXX", "XTS"}]
    words = _alternation(
        [*_MONEY_WORDS["currency"]["words"], *money["currency_words"]], ignore_case=True
    )
    qualifiers = _alternation(money["currency_qualifiers"])
    leading = _alternation([*symbols, *codes])
    scales = (
        f"(?:{_alternation(_MONEY_WORDS['scale']['abbreviations'])}"
        f"|{_alternation(_MONEY_WORDS['scale']['words'], ignore_case=True)})"
    )
    number = (
        r"(?<![0-9.,])(?:[0-9]{1,3}(?:(?P<{group}>[.,'\u2019 \u00a0\u202f])[0-9]{3}(?![0-9]))"
        r"(?:(?P={group})[0-9]{3}(?![0-9]))*|[0-9]+)(?:[.,][0-9]+)?"
    )
    month, month_name = _months()
    fragments = {
        "osp": HSPACE + "*",
        "hsp": HSPACE,
        "year": r"(?<![0-9])(?:19[5-9][0-9]|20[0-9]{2})(?![0-9])",
        "day": r"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])(?:st|nd|rd|th|er|\.?º|\.?°)?",
        "month_number": r"(?:1[0-2]|0?[1-9])(?![0-9])",
        "month": month,
        "month_name": month_name,
        "month_context": _alternation(_PATTERNS["date"]["month_contexts"]),
        "period_word": _alternation(_PATTERNS["date"]["period_words"], ignore_case=True),
        "number": "(?P<number>" + number.replace("{group}", "group") + ")",
        "plain_number": number.replace("{group}", "first_group"),
        "currency": f"(?P<currency>{leading}|{words}(?:{HSPACE}+{qualifiers})?)",
        "currency_before": f"(?P<currency>{leading})",
        "scale": f"(?P<scale>{scales})",
        "plain_scale": scales,
        "glued_scale": f"(?P<scale>{_alternation(money['glued_scales'])})",
        "range_word": (
            f"(?:{HSPACE}+{_alternation(money['range_words'], ignore_case=True)}{HSPACE}+"
            f"|{HSPACE}*[-\u2013]{HSPACE}*)"
        ),
        "law_marker": _alternation(law["markers"]),
        "law_number": (
            r"(?:[0-9][0-9A-Za-z]*|[A-Z]{1,6}[/\-][0-9][0-9A-Za-z]*)"
            r"(?:[./\-\u2013][0-9A-Za-z]+)*(?!\w)"
        ),
        "law_known": _alternation(law["known"], ignore_case=True),
        "cap": rf"(?<![\w'\u2019-])[{_UPPER}][\w'\u2019-]*",
    }
    fragments["when"] = _fill("(?:{month}\\.? (?:de |del )?)?{year}", fragments)
    fragments["law_date"] = _fill(
        "(?:{day} (?:de )?{month}(?: (?:de |del )?{year})?|{month} {day},? {year}"
        "|{month} (?:de |del )?{year}|{year})",
        fragments,
    )
    fragments["law_before"] = _alternation(law["qualifiers_before"], ignore_case=True)
    fragments["law_keyword"] = _alternation(law["keywords"], ignore_case=True)
    fragments["law_after"] = _alternation(law["qualifiers_after"], ignore_case=True)
    fragments["law_name"] = _fill("(?:{law_before} )?{law_keyword}(?: {law_after})*", fragments)
    return fragments


@cache
def compiled(label: str, kind: str) -> tuple[re.Pattern[str], ...]:
    """A label's `patterns` (each holds a digit) or `word_patterns`, compiled."""
    table = _PATTERNS[{"DATE": "date", "MONEY": "money", "LAW": "law"}[label]]
    return tuple(re.compile(_fill(p, _fragments())) for p in table.get(kind, ()))


_DIGITS: Final = re.compile(r"[0-9]+")
_SPACE: Final = re.compile(r"\s")


def digit_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint stretches of `text` within `digit_window` characters of a digit, each ending
    before a space or at the end, so that a lookahead at the edge sees what the text has."""
    margin = int(_PATTERNS["digit_window"])
    windows: list[tuple[int, int]] = []
    for run in _DIGITS.finditer(text):
        start = max(0, run.start() - margin)
        space = _SPACE.search(text, min(len(text), run.end() + margin))
        end = space.start() if space else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows
