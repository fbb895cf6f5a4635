"""Budget parsing: the formats of docs/form.md §4, the value rules of docs/record.md, properties."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.fields.money import Budget, MoneyAmount, parse_budget, parse_number

STATUSES = {"stated", "not_available", "unparsed", "absent"}


def figures(budget: Budget) -> list[tuple[float, str | None, int | None, bool]]:
    return [(a.value, a.currency, a.year, a.conversion) for a in budget.amounts]


def covered(raw: str, amount: MoneyAmount) -> str:
    return raw[amount.start : amount.end]


# ------------------------------------------------------------------ docs/form.md §4


@pytest.mark.parametrize(
    ("raw", "amount", "currency"),
    [
        ("65 000", 65000.0, None),
        ("65\u00a0000", 65000.0, None),
        ("123.456 USD", 123456.0, "USD"),
        ("1,250,000", 1250000.0, None),
        ("USD 2,345,678", 2345678.0, "USD"),
        ("US$ 40 000", 40000.0, "USD"),
        ("$ 12.500", 12500.0, "USD"),
        ("4500 USD - Ministry of Culture", 4500.0, "USD"),
        ("15.000 EUR (17,500.00 USD) - Arts Council", 15000.0, "EUR"),
    ],
)
def test_single_allocation_formats(raw: str, amount: float, currency: str | None) -> None:
    budget = parse_budget(raw)
    assert budget.status == "stated"
    assert budget.amount == amount
    assert budget.currency == currency
    assert budget.raw == raw
    assert budget.currency_from_label is False


def test_per_year_list_with_decimal_comma_has_no_total() -> None:
    raw = "2016 $ 1.234.567,89 - 2017 $ 1.300.000,00"
    budget = parse_budget(raw)
    assert budget.status == "stated"
    assert budget.amount is None
    assert budget.currency is None  # no amount, no currency: each figure keeps its own
    assert figures(budget) == [(1234567.89, "USD", 2016, False), (1300000.0, "USD", 2017, False)]
    assert [covered(raw, a) for a in budget.amounts] == ["$ 1.234.567,89", "$ 1.300.000,00"]


def test_conversion_is_kept_but_never_the_amount() -> None:
    raw = "15.000 EUR (17,500.00 USD) - Arts Council"
    budget = parse_budget(raw, "USD")
    assert figures(budget) == [(15000.0, "EUR", None, False), (17500.0, "USD", None, True)]
    assert budget.amount == 15000.0
    assert budget.currency == "EUR"
    assert [a.note for a in budget.amounts] == ["Arts Council", "Arts Council"]


def test_several_funders_and_currencies() -> None:
    raw = "4500 USD - Ministry of Culture\n15.000 EUR (17,500.00 USD) - Arts Council"
    budget = parse_budget(raw, "USD")
    assert budget.amount is None
    assert budget.currency is None
    assert figures(budget) == [
        (4500.0, "USD", None, False),
        (15000.0, "EUR", None, False),
        (17500.0, "USD", None, True),
    ]
    assert [a.note for a in budget.amounts] == [
        "Ministry of Culture",
        "Arts Council",
        "Arts Council",
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "N/A",
        "n/a",
        "NA",
        "n.a.",
        "/",
        "//",
        "-",
        "–",
        "—",
        "Non disponible",
        "No disponible",
        "Non applicable",
        "No aplica",
        "Not available",
        "Not applicable.",
        "Néant",
        "Aucun",
        "None",
        "Sin información",
        "Pas de données",
        "Inconnu",
        "Unknown",
        "s.o.",
        "s/o",
        "  N/A  ",
        "NON DISPONIBLE",
    ],
)
def test_not_available_tokens(raw: str) -> None:
    budget = parse_budget(raw, "USD")
    assert budget == Budget(raw, "not_available", None, None, (), False)


@pytest.mark.parametrize("raw", [None, "", "   ", "\n\u00a0\t"])
def test_absent(raw: str | None) -> None:
    assert parse_budget(raw, "USD") == Budget(None, "absent", None, None, (), False)


@pytest.mark.parametrize(
    "raw",
    [
        "They vary each year, depending on the budget for culture",
        "Funded from the regular budget of the Ministry",
        "In 2019",
        "10 %",
        "10% of the annual budget",
        "see www.example.org/2019/5000",
    ],
)
def test_prose_without_a_figure_is_unparsed(raw: str) -> None:
    budget = parse_budget(raw, "USD")
    assert budget.status == "unparsed"
    assert (budget.amount, budget.currency, budget.amounts) == (None, None, ())
    assert budget.raw == raw


# ------------------------------------------------------------------ number separators


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("123.456", 123456.0),
        ("1,250", 1250.0),
        ("65 000", 65000.0),
        ("65\u00a0000", 65000.0),
        ("65\u202f000", 65000.0),
        ("1'250'000", 1250000.0),
        ("1\u2019250\u2019000", 1250000.0),
        ("1.234.567,89", 1234567.89),
        ("17,500.00", 17500.0),
        ("92,5", 92.5),
        ("1.25", 1.25),
        ("1 500,50", 1500.5),
        ("1234.567", 1234.567),
        ("1.234,567", 1234.567),
        ("0.125", 0.125),
        ("4500", 4500.0),
        ("1,00,000", 100000.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["", "abc", "1,234,56", "2019 2 000", "12 34", "-5", "1.2.3", "1e5"]
)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_space_only_groups_three_digits() -> None:
    budget = parse_budget("2019 2 000")
    assert figures(budget) == [(2000.0, None, 2019, False)]


def test_first_group_has_at_most_three_digits() -> None:
    budget = parse_budget("2018 100 000")
    assert figures(budget) == [(100000.0, None, 2018, False)]
    assert budget.amount == 100000.0


# ------------------------------------------------------------------------- scale words


@pytest.mark.parametrize(
    ("raw", "amount", "currency"),
    [
        ("3,4 billion", 3.4e9, None),
        ("USD 1.2 bn", 1.2e9, "USD"),
        ("2.5 million USD", 2.5e6, "USD"),
        ("2,5 millions d'euros", 2.5e6, "EUR"),
        ("2,5 millions d\u2019euros", 2.5e6, "EUR"),
        ("3 milliards de FCFA", 3e9, "XOF"),
        ("1,2 Md€", 1.2e9, "EUR"),
        ("1.5 Mio. EUR", 1.5e6, "EUR"),
        ("$5M", 5e6, "USD"),
        ("10k€", 1e4, "EUR"),
        ("15 mille euros", 1.5e4, "EUR"),
        ("50 mil dólares", 5e4, "USD"),
        ("5 mil millones de dólares", 5e9, "USD"),
        ("1,5 millones de dólares", 1.5e6, "USD"),
        ("2 thousand US dollars", 2e3, "USD"),
        ("4 mn USD", 4e6, "USD"),
    ],
)
def test_scale_words(raw: str, amount: float, currency: str | None) -> None:
    budget = parse_budget(raw)
    assert budget.amount == pytest.approx(amount)
    assert budget.currency == currency


# -------------------------------------------------------------------------- currencies


@pytest.mark.parametrize(
    ("raw", "currency"),
    [
        ("5 000 USD", "USD"),
        ("5 000 US dollars", "USD"),
        ("5 000 dollars américains", "USD"),
        ("5 000 dólares", "USD"),
        ("5 000 dollars", "USD"),
        ("€ 5 000", "EUR"),
        ("EUR 5 000", "EUR"),
        ("EU 5 000", "EUR"),
        ("5 000 euros", "EUR"),
        ("5 000 Euro", "EUR"),
        ("£5,000", "GBP"),
        ("GBP 5,000", "GBP"),
        ("1 250 000 FCFA", "XOF"),
        ("1 250 000 F CFA", "XOF"),
        ("CFA 1.000.000", "XOF"),
        ("XOF 1.000.000", "XOF"),
        ("2 000 000 AZN", "AZN"),
        ("COP 5.000.000", "COP"),
        ("MXN 1,234", "MXN"),
        ("CHF 1'250'000", "CHF"),
        ("CAD 1,000", "CAD"),
        ("R$ 10.000", "BRL"),
        ("CA$ 5,000", "CAD"),
        ("C$ 5,000", "CAD"),
        ("¥ 1,000,000", "JPY"),
        ("5000USD", "USD"),
        ("USD2,000", "USD"),
    ],
)
def test_currency_tokens(raw: str, currency: str) -> None:
    budget = parse_budget(raw, "USD")
    assert budget.currency == currency
    assert budget.currency_from_label is False
    assert budget.amounts[0].currency == currency


def test_codes_are_case_sensitive_words_are_not() -> None:
    assert parse_budget("5 000 usd").amounts[0].currency is None
    assert parse_budget("5 000 eu").amounts[0].currency is None
    assert parse_budget("5 000 EUROS").amounts[0].currency == "EUR"


def test_unknown_three_letter_code_is_not_a_currency() -> None:
    assert parse_budget("5 000 ABC").amounts[0].currency is None


# ------------------------------------------------------------------------------- years


def test_years_list_with_colons() -> None:
    budget = parse_budget("2019: 50 000 USD; 2020: 60 000 USD")
    assert figures(budget) == [(50000.0, "USD", 2019, False), (60000.0, "USD", 2020, False)]
    assert budget.amount is None
    assert budget.currency is None
    assert [a.note for a in budget.amounts] == [None, None]


def test_years_list_with_dashes_and_leading_labels() -> None:
    budget = parse_budget("2019 - 5000 USD - 2020 - 6000 USD")
    assert figures(budget) == [(5000.0, "USD", 2019, False), (6000.0, "USD", 2020, False)]


def test_year_after_its_figure() -> None:
    budget = parse_budget("1.000 USD (2019), 2.000 USD (2020)")
    assert figures(budget) == [(1000.0, "USD", 2019, False), (2000.0, "USD", 2020, False)]
    assert [a.note for a in budget.amounts] == [None, None]


@pytest.mark.parametrize(
    "raw",
    ["In 2019, 5 000 USD", "en 2019 : 5 000 USD", "Since 2019 5 000 USD", "desde 2019 5 000 USD"],
)
def test_year_after_a_marker_word(raw: str) -> None:
    budget = parse_budget(raw)
    assert figures(budget) == [(5000.0, "USD", 2019, False)]
    assert budget.amount == 5000.0
    assert budget.amounts[0].note is None


def test_lone_year_shaped_figure_is_an_amount() -> None:
    assert parse_budget("2020").amount == 2020.0
    assert parse_budget("4500").amount == 4500.0


def test_year_with_currency_is_an_amount() -> None:
    budget = parse_budget("2000 USD - 2019")
    assert figures(budget) == [(2000.0, "USD", 2019, False)]


def test_reporting_period_is_no_figure() -> None:
    budget = parse_budget("Total budget for 2016-2019: USD 500 000")
    assert figures(budget) == [(500000.0, "USD", None, False)]
    assert budget.amount == 500000.0


def test_dates_are_no_figures() -> None:
    budget = parse_budget("Approved on 12.05.2020: 5 000 EUR (1 March 2021)")
    assert figures(budget) == [(5000.0, "EUR", 2021, False)]


# ------------------------------------------------------------------------------- totals


@pytest.mark.parametrize(
    ("raw", "total"),
    [
        ("2019: 50 000 USD; 2020: 60 000 USD; Total: 110 000 USD", 110000.0),
        ("2019: 50 000 USD, 2020: 60 000 USD, in total 110 000 USD", 110000.0),
        ("50 000 € (Ministère), 60 000 € (Région), soit un total de 110 000 €", 110000.0),
        ("Au total 110 000 € : 50 000 € de l'État et 60 000 € de la Région", 110000.0),
        ("50 000 USD + 60 000 USD = 110 000 USD in total", 110000.0),
        ("total de 110 000 dólares: 50 000 dólares (2019) y 60 000 dólares (2020)", 110000.0),
    ],
)
def test_explicit_total_is_the_amount(raw: str, total: float) -> None:
    budget = parse_budget(raw)
    assert budget.amount == total
    assert len(budget.amounts) == 3


def test_per_year_totals_are_not_one_total() -> None:
    assert parse_budget("Total 2019: 50 000 USD; Total 2020: 60 000 USD").amount is None
    assert parse_budget("Total 2019: 50 000 USD; 2020: 60 000 USD").amount is None


def test_list_without_total() -> None:
    budget = parse_budget("Ministry of Culture - 4500 USD; Arts Council - 3000 USD")
    assert budget.amount is None
    assert budget.currency is None
    assert [a.note for a in budget.amounts] == ["Ministry of Culture", "Arts Council"]


# -------------------------------------------------------------------------- caps, ranges


@pytest.mark.parametrize(
    "raw",
    [
        "Up to 5 000 USD per project",
        "jusqu'à 10 000 €",
        "jusqu\u2019à 10 000 €",
        "hasta 10.000 dólares",
        "maximum 5000 USD",
        "max. 5000 USD",
        "5000 USD max.",
        "at most USD 5,000",
        "no more than 5 000 USD",
    ],
)
def test_cap_gives_no_amount(raw: str) -> None:
    budget = parse_budget(raw, "USD")
    assert budget.status == "stated"
    assert budget.amount is None
    assert len(budget.amounts) == 1


@pytest.mark.parametrize(
    ("raw", "low", "high", "currency"),
    [
        ("between 1 000 and 5 000 USD", 1000.0, 5000.0, "USD"),
        ("entre 1 000 et 5 000 euros", 1000.0, 5000.0, "EUR"),
        ("entre 1.000 y 5.000 dólares", 1000.0, 5000.0, "USD"),
        ("from USD 1,000 to USD 5,000", 1000.0, 5000.0, "USD"),
        ("de 1 000 à 5 000 €", 1000.0, 5000.0, "EUR"),
        ("1 000–5 000 USD", 1000.0, 5000.0, "USD"),
        ("100 000 - 200 000 USD", 100000.0, 200000.0, "USD"),
        ("between 1 and 2 million USD", 1e6, 2e6, "USD"),
    ],
)
def test_range_gives_no_amount(raw: str, low: float, high: float, currency: str) -> None:
    budget = parse_budget(raw)
    assert budget.amount is None
    assert budget.currency is None
    assert figures(budget) == [(low, currency, None, False), (high, currency, None, False)]
    assert all(a.note is None for a in budget.amounts)


def test_total_that_is_a_range_gives_no_amount() -> None:
    assert parse_budget("Total: 100 000 - 200 000 USD").amount is None


def test_cap_per_project_with_a_total() -> None:
    budget = parse_budget("Grants of up to 5 000 USD per project; total 100 000 USD")
    assert budget.amount == 100000.0


# -------------------------------------------------------------------------------- notes


@pytest.mark.parametrize(
    ("raw", "note"),
    [
        ("4500 USD - Ministry of Culture", "Ministry of Culture"),
        ("4500 USD – Ministry of Culture", "Ministry of Culture"),
        ("Ministry of Culture: 4500 USD", "Ministry of Culture"),
        ("4500 USD (Ministry of Culture)", "Ministry of Culture"),
        ("5 000 USD for 20 artists", "for 20 artists"),
        ("Article 7 of the Convention: 5 000 USD", "Article 7 of the Convention"),
        ("COVID-19 relief: 2 000 000 EUR", "COVID-19 relief"),
        ("65 000", None),
        ("USD 5 million (approx. EUR 4.5 million)", None),
    ],
)
def test_note(raw: str, note: str | None) -> None:
    assert parse_budget(raw).amounts[0].note == note


def test_notes_follow_figures_in_a_trailing_layout() -> None:
    budget = parse_budget("4500 USD - Ministry - 3000 USD - Arts Council")
    assert [a.note for a in budget.amounts] == ["Ministry", "Arts Council"]


def test_slash_separates_figures() -> None:
    budget = parse_budget("R$ 10.000 / CA$ 5,000")
    assert figures(budget) == [(10000.0, "BRL", None, False), (5000.0, "CAD", None, False)]
    assert budget.currency is None


# ------------------------------------------------------------------- not money at all


@pytest.mark.parametrize(
    "raw",
    [
        "5 000 USD for 20 artists",
        "3 projects of 5 000 USD each",
        "Article 7 of the Convention: 5 000 USD",
        "5 000 USD; 10 % from the region",
        "5 000 USD (2nd phase)",
        "COVID-19 relief: 5 000 USD",
        "Horizon H2020: 5 000 USD",
        "5-year plan: 5 000 USD",
    ],
)
def test_counts_references_and_percentages_are_not_money(raw: str) -> None:
    budget = parse_budget(raw)
    assert figures(budget) == [(5000.0, "USD", None, False)]
    assert budget.amount == 5000.0


# -------------------------------------------------------------------- label currency


def test_label_currency_applies_and_is_flagged() -> None:
    budget = parse_budget("65 000", "USD")
    assert (budget.amount, budget.currency, budget.currency_from_label) == (65000.0, "USD", True)
    assert budget.amounts[0].currency is None


def test_no_label_currency_on_the_2012_form() -> None:
    budget = parse_budget("65 000")
    assert (budget.currency, budget.currency_from_label) == (None, False)


def test_label_currency_does_not_override_a_named_one() -> None:
    budget = parse_budget("65 000 EUR", "USD")
    assert (budget.currency, budget.currency_from_label) == ("EUR", False)


def test_label_currency_for_a_list_naming_none() -> None:
    budget = parse_budget("2019: 50 000; 2020: 60 000", "USD")
    assert (budget.amount, budget.currency, budget.currency_from_label) == (None, None, False)


def test_label_currency_not_applied_when_some_figure_names_one() -> None:
    budget = parse_budget("2019: 50 000 EUR; 2020: 60 000", "USD")
    assert (budget.currency, budget.currency_from_label) == (None, False)


# ---------------------------------------------------------------------------- offsets


def test_offsets_cover_currency_and_scale() -> None:
    raw = "Funding: USD 1.5 million and 300 000 €"
    budget = parse_budget(raw)
    assert [covered(raw, a) for a in budget.amounts] == ["USD 1.5 million", "300 000 €"]


def test_raw_is_kept_exactly() -> None:
    raw = "  65\u00a0000 \n"
    assert parse_budget(raw).raw == raw


# --------------------------------------------------------------------------- properties


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_gives_a_valid_budget(raw: str) -> None:
    budget = parse_budget(raw, "USD")
    assert budget.status in STATUSES
    assert (budget.status == "stated") == bool(budget.amounts)
    for amount in budget.amounts:
        assert math.isfinite(amount.value)
        assert 0 <= amount.start < amount.end <= len(raw)


MONEY_ALPHABET = st.sampled_from(
    list("0123456789 .,'-–;:/()\n\u00a0%$€£")
    + [
        "USD",
        "EUR",
        "FCFA",
        " million",
        " mil millones",
        " k",
        "total",
        "up to ",
        " and ",
        "between ",
        "2019",
        "2020",
        " Ministry",
        "N/A",
        "in ",
        "(approx. ",
    ]
)
money_like = st.lists(MONEY_ALPHABET, max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(money_like)
def test_money_like_text_gives_a_valid_budget(raw: str) -> None:
    budget = parse_budget(raw, "USD")
    assert budget.status in STATUSES
    non_conversion = [a.value for a in budget.amounts if not a.conversion]
    if budget.amount is not None:
        assert budget.amount in non_conversion
    for amount in budget.amounts:
        assert re.search(r"[0-9]", raw[amount.start : amount.end])


def group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([",", ".", " ", "\u00a0"]),
    st.one_of(st.none(), st.from_regex(r"\A[0-9]{1,2}\Z|\A[0-9]{4,6}\Z")),
)
def test_parse_number_round_trips(number: int, separator: str, decimals: str | None) -> None:
    text = group(str(number), separator)
    expected = float(number)
    if decimals is not None:
        mark = "." if separator == "," else ","
        text += mark + decimals
        expected = float(f"{number}.{decimals}")
    assert parse_number(text) == pytest.approx(expected, rel=1e-12)


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([",", ".", " ", "\u00a0"]),
    st.sampled_from(["", " USD", " EUR", " €", "USD ", "$"]),
)
def test_formatted_figure_is_the_amount(number: int, separator: str, unit: str) -> None:
    digits = group(str(number), separator)
    raw = unit + digits if unit.endswith(" ") or unit == "$" else digits + unit
    budget = parse_budget(raw)
    assert budget.status == "stated"
    assert budget.amount == float(number)
    (amount,) = budget.amounts
    assert raw[amount.start : amount.end] == raw


def test_a_total_stated_after_its_figure_is_the_amount_even_with_a_breakdown_after_it() -> None:
    budget = parse_budget("USD 1,120,150 in total (USD 560,000 in 2022 and USD 560,150 in 2023)")
    assert (budget.amount, budget.currency) == (1120150, "USD")
    assert [(a.value, a.year) for a in budget.amounts] == [
        (1120150, None),
        (560000, 2022),
        (560150, 2023),
    ]


def test_a_year_after_in_closes_the_amount_before_it() -> None:
    budget = parse_budget("760 350 USD en 2021, 800 000 USD en 2022")
    assert budget.amount is None
    assert [(a.value, a.year) for a in budget.amounts] == [(760350, 2021), (800000, 2022)]
