"""The shared rules of pipeline/patterns.py: the budget field and the NLP stage agree on them."""

from __future__ import annotations

import re

import pytest

from pipeline.fields.dates import find_dates
from pipeline.fields.money import UNPARSED, parse_budget
from pipeline.nlp import find_entities
from pipeline.patterns import (
    YEAR,
    alternation,
    counted_noun,
    counts_things,
    is_year,
    merge_spans,
)

COUNTS = [
    ("2000 children", "en"),
    ("150 artists", "en"),
    ("12 women and 30 men", "en"),
    ("1 project", "en"),
    ("2000 enfants", "fr"),
    ("45 artistes", "fr"),
    ("300 bénéficiaires", "fr"),
    ("300 niños", "es"),
    ("25 mujeres", "es"),
    ("3 años", "es"),
]


def money_mentions(text: str, language: str) -> list[str]:
    found = find_entities([(text, language)], use_trained=False)[0]
    return [m.text for m in found if m.label == "MONEY"]


@pytest.mark.parametrize(("text", "language"), COUNTS)
def test_a_count_of_things_is_money_in_neither(text: str, language: str) -> None:
    budget = parse_budget(text)
    assert (budget.status, budget.amounts) == (UNPARSED, ())
    assert money_mentions(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "amount", "mention"),
    [
        ("USD 5 000 for 2000 children", "en", 5000.0, "USD 5 000"),
        ("5 000 € pour 2000 enfants", "fr", 5000.0, "5 000 €"),
        ("2000 niños y 5 000 dólares", "es", 5000.0, "5 000 dólares"),
    ],
)
def test_beside_a_count_the_money_is_the_same_in_both(
    text: str, language: str, amount: float, mention: str
) -> None:
    budget = parse_budget(text)
    assert [a.value for a in budget.amounts] == [amount]
    assert money_mentions(text, language) == [mention]


def test_a_year_before_a_singular_noun_is_a_date_not_a_count() -> None:
    assert counted_noun("edition") and not counts_things("edition")
    assert counts_things("children") and counts_things("éditions")
    found = find_entities([("the 2019 edition and 2000 children", "en")], use_trained=False)[0]
    assert [(m.label, m.text) for m in found] == [("DATE", "2019")]


def test_alternation_prefers_the_longest_phrase_and_guards_letters() -> None:
    pattern = re.compile(alternation(["$", "US$", "dollars", "US dollars"]))
    assert [m.group() for m in pattern.finditer("US$ 5, 5 US  dollars, 5 $US")] == [
        "US$",
        "US  dollars",
    ]


def test_merge_spans_joins_touching_and_overlapping_spans() -> None:
    assert merge_spans([(5, 8), (0, 2), (2, 3), (7, 9), (10, 11)]) == [(0, 3), (5, 9), (10, 11)]


@pytest.mark.parametrize(
    ("text", "language"),
    [("see Article 2019", "en"), ("Décret n° 2019", "fr"), ("Ley No. 2019", "es")],
)
def test_a_figure_after_a_reference_word_is_neither_money_nor_a_date(
    text: str, language: str
) -> None:
    assert parse_budget(text).amounts == ()
    found = find_entities([(text, language)], use_trained=False)[0]
    assert [m.text for m in found if m.label in {"MONEY", "DATE"}] == []


def test_the_year_pattern_and_the_year_test_agree_on_every_four_digit_figure() -> None:
    pattern = re.compile(YEAR)
    assert [n for n in range(1000, 10000) if pattern.fullmatch(str(n))] == [
        n for n in range(1000, 10000) if is_year(n)
    ]


@pytest.mark.parametrize("year", ["1925", "1995", "2100"])
def test_dates_and_money_read_the_same_years(year: str) -> None:
    """A year the dates read is one the budget does not take for an amount, and back."""
    assert [date.iso for date in find_dates(f"Adopted in {year}.")] == [year]
    assert parse_budget(f"USD 5 000 in {year}").amount == 5000
