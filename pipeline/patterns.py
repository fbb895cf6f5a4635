"""Rules of running text shared by the budget field and the NLP stage, each written once.

Vocabulary phrases become regexes here, overlapping spans merge here, and the rule that a
figure counting things ("2000 children") is no money lives here, so that `parse_budget` and
the MONEY mentions of `pipeline.nlp` never disagree about one text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Final

from pipeline.tables import load_table

# Horizontal whitespace: a line break ends an item of a list, so nothing reaches across it.
HSPACE: Final = r"[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
# The spaces the NLP's phrases and patterns join words with (those of a typed or a Word text).
PHRASE_SPACE: Final = "[ \\t\\u00a0\\u202f\\u2009]"
LETTER_BEFORE: Final = r"(?<![^\W\d_])"
LETTER_AFTER: Final = r"(?![^\W\d_])"
WORD_BEFORE: Final = r"(?<!\w)"
WORD_AFTER: Final = r"(?!\w)"
# The years a report's text speaks of: a four-digit figure from FIRST_YEAR to LAST_YEAR may be
# one (`is_year`, `YEAR`, a plain one, and `LONE_YEAR`, one no digit touches).
FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2100
YEAR: Final = r"(?:19[0-9]{2}|20[0-9]{2}|2100)"
LONE_YEAR: Final = rf"(?<![0-9]){YEAR}(?![0-9])"
URL_START: Final = r"(?:https?://|www\.)"
URL: Final = URL_START + r"\S+"
# A list item's bullet, as typed, as Word's symbol fonts map it (the private-use U+F0xx) or as a
# dash.
BULLET: Final = "[•◦▪▫●○■□►▸➢➤✓✔·*\\-–\uf000-\uf0ff]"
# URLs and e-mail addresses carry digits that are never figures.
ADDRESS: Final = re.compile(URL + r"|[^\s@]+@[^\s@]+\.\S+")

_APOSTROPHES: Final = "'\u2019"


def is_year(value: float) -> bool:
    return FIRST_YEAR <= value <= LAST_YEAR


def phrase(text: str, space: str = PHRASE_SPACE) -> str:
    """A vocabulary phrase as a regex: any run of `space` between words, either apostrophe."""
    words = [
        "".join("['\u2019]" if ch in _APOSTROPHES else re.escape(ch) for ch in word)
        for word in text.split()
    ]
    return (space + "+").join(words)


def alternation(
    phrases: Mapping[str, bool] | Iterable[str],
    *,
    ignore_case: bool = False,
    digits_may_touch: bool = True,
    space: str = PHRASE_SPACE,
    guard_signs: bool = True,
) -> str:
    """Longest phrase first, so "US dollars" wins over "dollars" and "US$" over "$".

    A mapping gives each phrase its own ignore-case flag (codes are case-sensitive, words not).
    No letter may touch a phrase (nor a digit, unless `digits_may_touch`: "USD5000", "5bn").
    With `guard_signs` the guards stand outside the alternatives, so that they hold for signs
    too ("$US" is no "$") and `re` skips a branch on its first character; without, they
    guard only the ends that are letters or digits.
    """
    flags = phrases if isinstance(phrases, Mapping) else dict.fromkeys(phrases, ignore_case)
    before, after = (LETTER_BEFORE, LETTER_AFTER) if digits_may_touch else (WORD_BEFORE, WORD_AFTER)
    uniform = len(set(flags.values())) <= 1
    parts = []
    for text in sorted(set(flags), key=lambda p: (-len(p), p)):
        pattern = phrase(text, space)
        if not guard_signs:
            pattern = (before if text[0].isalnum() else "") + pattern
            pattern += after if text[-1].isalnum() else ""
        parts.append(f"(?i:{pattern})" if flags[text] and not uniform else pattern)
    folded = uniform and any(flags.values())
    body = ("(?i:" if folded else "(?:") + "|".join(parts) + ")"
    return before + body + after if guard_signs else body


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the given ones; touching spans merge."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# -------------------------------------------------------------------------- counted nouns


@cache
def _counted_words() -> tuple[frozenset[str], frozenset[str]]:
    """(counted nouns, their irregular plurals), from money.toml [not_money]."""
    table = load_table("money")["not_money"]
    return (
        frozenset(w.casefold() for w in table["counted"]),
        frozenset(w.casefold() for w in table["irregular_plurals"]),
    )


def counted_noun(word: str) -> bool:
    """Whether `word` is a counted noun in the singular or the plural ("artist", "artistes",
    "children", "años"): a bare figure before one is never money ("20 artists", "the 2019
    edition")."""
    counted, irregular = _counted_words()
    folded = word.casefold()
    return (
        folded in counted
        or folded in irregular
        or (folded.endswith(("s", "x")) and folded[:-1] in counted)
        or (folded.endswith("es") and folded[:-2] in counted)
    )


def counts_things(word: str) -> bool:
    """Whether a figure before `word` counts things: a counted noun in the plural ("2000
    children" counts, "the 2019 edition" is a date)."""
    folded = word.casefold()
    plural = folded.endswith(("s", "x")) or folded in _counted_words()[1]
    return plural and counted_noun(folded)


# ------------------------------------------------------------------------------ references

# How far before a figure a reference word may stand ("Article 7", "Ley N° 1493").
_REFERENCE_REACH: Final = 25


@cache
def _reference_pattern() -> re.Pattern[str]:
    references = load_table("money")["not_money"]["references"]
    words = alternation(
        references, ignore_case=True, digits_may_touch=False, space=r"\s", guard_signs=False
    )
    return re.compile(words + r"\s*\Z")


def follows_reference(text: str, start: int) -> bool:
    """Whether the figure at `start` points to a text ("Article 7", "No. 2019", "ODD 5"): no
    money, and no date."""
    window = text[max(0, start - _REFERENCE_REACH) : start]
    return _reference_pattern().search(window) is not None
