"""The DATE, MONEY and LAW patterns of data/nlp_patterns.toml, placeholders filled in, compiled."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Final

import pycountry

from pipeline.patterns import LONE_YEAR, PHRASE_SPACE, alternation, merge_spans
from pipeline.tables import load_table

_PATTERNS: Final = load_table("nlp_patterns")
_MONEY_WORDS: Final = load_table("money")

_UPPER: Final = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_PLACEHOLDER: Final = re.compile(r"\{([a-z_]+)\}")


def _fill(template: str, fragments: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1) not in fragments:
            raise KeyError(f"data/nlp_patterns.toml: unknown placeholder {match.group()}")
        return fragments[match.group(1)]

    return _PLACEHOLDER.sub(replace, template.replace(" ", PHRASE_SPACE + "+"))


def _months() -> tuple[str, str]:
    """(any month name or abbreviation, full names only). A name the table writes capitalised
    (English) is matched so, or in capitals: "may" and "march" are verbs; French and Spanish
    names are lower case in the table and matched in any case."""
    abbreviations = set(_PATTERNS["date"]["month_abbreviations"])

    def either_case(names: list[str]) -> str:
        exact = [n for n in names if n[0].isupper()]
        folded = [n for n in names if not n[0].isupper()]
        return (
            f"(?:{alternation(exact + [n.upper() for n in exact])}"
            f"|{alternation(folded, ignore_case=True)})"
        )

    names = list(_MONEY_WORDS["date"]["months"])
    return either_case(names), either_case([n for n in names if n not in abbreviations])


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
    words = alternation(
        [*_MONEY_WORDS["currency"]["words"], *money["currency_words"]], ignore_case=True
    )
    qualifiers = alternation(money["currency_qualifiers"])
    leading = alternation([*symbols, *codes])
    scales = (
        f"(?:{alternation(list(_MONEY_WORDS['scale']['abbreviations']))}"
        f"|{alternation(list(_MONEY_WORDS['scale']['words']), ignore_case=True)})"
    )
    number = (
        r"(?<![0-9.,])(?:[0-9]{1,3}(?:(?P<{group}>[.,'\u2019 \u00a0\u202f])[0-9]{3}(?![0-9]))"
        r"(?:(?P={group})[0-9]{3}(?![0-9]))*|[0-9]+)(?:[.,][0-9]+)?"
    )
    month, month_name = _months()
    ordinals = "|".join(map(re.escape, _PATTERNS["day_ordinals"]))
    fragments = {
        "osp": PHRASE_SPACE + "*",
        "hsp": PHRASE_SPACE,
        "year": LONE_YEAR,
        "day": rf"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])(?:{ordinals}|\.?º|\.?°)?",
        "month_number": r"(?:1[0-2]|0?[1-9])(?![0-9])",
        "month": month,
        "month_name": month_name,
        "month_context": alternation(_PATTERNS["date"]["month_contexts"]),
        "period_word": alternation(_PATTERNS["date"]["period_words"], ignore_case=True),
        "number": "(?P<number>" + number.replace("{group}", "group") + ")",
        "plain_number": number.replace("{group}", "first_group"),
        "currency": f"(?P<currency>{leading}|{words}(?:{PHRASE_SPACE}+{qualifiers})?)",
        "currency_before": f"(?P<currency>{leading})",
        "scale": f"(?P<scale>{scales})",
        "plain_scale": scales,
        "glued_scale": f"(?P<scale>{alternation(money['glued_scales'])})",
        "range_word": (
            f"(?:{PHRASE_SPACE}+{alternation(money['range_words'], ignore_case=True)}{PHRASE_SPACE}+"
            f"|{PHRASE_SPACE}*[-\u2013]{PHRASE_SPACE}*)"
        ),
        "law_marker": alternation(law["markers"]),
        "law_number": (
            r"(?:[0-9][0-9A-Za-z]*|[A-Z]{1,6}[/\-][0-9][0-9A-Za-z]*)"
            r"(?:[./\-\u2013][0-9A-Za-z]+)*(?!\w)"
        ),
        "law_known": alternation(law["known"], ignore_case=True),
        "cap": rf"(?<![\w'\u2019-])[{_UPPER}][\w'\u2019-]*",
    }
    fragments["law_before"] = alternation(law["qualifiers_before"], ignore_case=True)
    fragments["law_keyword"] = alternation(law["keywords"], ignore_case=True)
    fragments["law_after"] = alternation(law["qualifiers_after"], ignore_case=True)
    for name, template in _PATTERNS["composites"].items():
        fragments[name] = _fill(template, fragments)
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
    windows = []
    for run in _DIGITS.finditer(text):
        space = _SPACE.search(text, min(len(text), run.end() + margin))
        windows.append((max(0, run.start() - margin), space.start() if space else len(text)))
    return merge_spans(windows)
