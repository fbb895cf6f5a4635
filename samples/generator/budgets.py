"""The budget formats a measure's money is written in (grouped digits, currency codes,
millions, per-year amounts, prose...), drawn from a shuffled deck per language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from samples.generator import data
from samples.generator.data import NBSP
from samples.generator.model import Money

if TYPE_CHECKING:  # a Composer draws from BUDGETS, so compose imports this module
    from samples.generator.compose import Composer

Budget = Callable[["Composer", dict[str, Any]], Money]


def group_digits(amount: int, separator: str) -> str:
    return f"{amount:,}".replace(",", separator)


def amount_of(composer: Composer, low: int = 15_000, high: int = 3_000_000) -> int:
    return composer.rng.randrange(low, high, 50)


def stated(text: str | tuple[str, ...], amount: int | float | None, currency: str | None) -> Money:
    lines = (text,) if isinstance(text, str) else text
    return Money(lines, "stated", amount, currency if amount is not None else None)


def budget_grouped(separator: str, label_currency: str | None) -> Budget:
    def make(composer: Composer, ctx: dict[str, Any]) -> Money:
        amount = amount_of(composer)
        return stated(group_digits(amount, separator), amount, label_currency)

    return make


def budget_with_code(
    template: str, separator: str, currency: str | None = None, words: dict[str, str] | None = None
) -> Budget:
    """`template` holds {amount} and {code}; the code is `currency` or the Party's own money,
    written as `words` says (`FCFA` for XOF in French)."""

    def make(composer: Composer, ctx: dict[str, Any]) -> Money:
        code = currency or composer.party.currency
        amount = amount_of(composer) * data.CURRENCY_SCALE[code]
        written = (words or {}).get(code, code)
        text = template.format(amount=group_digits(amount, separator), code=written)
        return stated(text, amount, code)

    return make


def budget_million(composer: Composer, ctx: dict[str, Any]) -> Money:
    tenths = composer.rng.randint(12, 95)
    return stated(f"USD {tenths // 10}.{tenths % 10} million", tenths * 100_000, "USD")


def budget_per_year(template: str, separator: str, joiner: str) -> Budget:
    def make(composer: Composer, ctx: dict[str, Any]) -> Money:
        start, end = composer.period
        years = range(end - 2, end + 1)
        parts = [
            template.format(year=y, amount=group_digits(amount_of(composer), separator))
            for y in years
        ]
        return stated(joiner.join(parts), None, None)

    return make


def budget_per_year_decimal(composer: Composer, ctx: dict[str, Any]) -> Money:
    end = composer.period[1]
    parts = []
    for year in (end - 1, end):
        whole = group_digits(amount_of(composer, 200_000, 2_000_000), ".")
        parts.append(f"{year} $ {whole},{composer.rng.randint(10, 99)}")
    return stated(" - ".join(parts), None, None)


def budget_total(composer: Composer, ctx: dict[str, Any]) -> Money:
    end = composer.period[1]
    first, second = amount_of(composer, 50_000, 900_000), amount_of(composer, 50_000, 900_000)
    text = (
        f"USD {group_digits(first + second, ',')} in total (USD {group_digits(first, ',')} in "
        f"{end - 1} and USD {group_digits(second, ',')} in {end})"
    )
    return stated(text, first + second, "USD")


def budget_funders(composer: Composer, ctx: dict[str, Any]) -> Money:
    own = composer.rng.randrange(2_000, 9_000, 100)
    euros = composer.rng.randrange(10, 60) * 1000
    converted = euros * 1.09
    funder = composer.partner_name("en", "public_sector")
    lines = (
        f"{own} USD - {ctx['agency']}",
        f"{group_digits(euros, '.')} EUR ({converted:,.2f} USD) - {funder}",
    )
    return stated(lines, None, None)


def budget_not_available(tokens: tuple[str, ...]) -> Budget:
    def make(composer: Composer, ctx: dict[str, Any]) -> Money:
        return Money((composer.rng.choice(tokens),), "not_available", None, None)

    return make


def budget_prose(lang: str) -> Budget:
    def make(composer: Composer, ctx: dict[str, Any]) -> Money:
        template = composer.rng.choice(data.POOLS[lang]["budget_prose"])
        return Money((template.format(**ctx),), "unparsed", None, None)

    return make


def budget_empty(composer: Composer, ctx: dict[str, Any]) -> Money:
    return Money((), "absent", None, None)


def budget_no_label(composer: Composer, ctx: dict[str, Any]) -> Money:
    return Money((), "absent", None, None, shown=False)


# Budget formats by form and language (docs/form.md §4, docs/record.md); the most common
# formats are listed twice.
BUDGETS: dict[str, tuple[Budget, ...]] = {
    "2020-en": (
        budget_grouped(" ", "USD"),
        budget_grouped(" ", "USD"),
        budget_grouped(NBSP, "USD"),
        budget_grouped(NBSP, "USD"),
        budget_grouped(",", "USD"),
        budget_grouped(",", "USD"),
        budget_with_code("USD {amount}", ",", "USD"),
        budget_with_code("USD {amount}", ",", "USD"),
        budget_with_code("{amount} USD", ".", "USD"),
        budget_with_code("{amount} USD", ".", "USD"),
        budget_with_code("US$ {amount}", " ", "USD"),
        budget_with_code("US$ {amount}", " ", "USD"),
        budget_with_code("$ {amount}", ".", "USD"),
        budget_with_code("$ {amount}", ".", "USD"),
        budget_with_code("EUR {amount}", ",", "EUR"),
        budget_with_code("{code} {amount}", ","),
        budget_million,
        budget_per_year("{year} - USD {amount}", ",", "; "),
        budget_per_year_decimal,
        budget_total,
        budget_funders,
        budget_not_available(("N/A", "-", "/")),
        budget_not_available(("N/A", "-", "/")),
        budget_prose("en"),
        budget_empty,
        budget_no_label,
    ),
    "2020-fr": (
        budget_grouped(NBSP, "USD"),
        budget_grouped(NBSP, "USD"),
        budget_grouped(" ", "USD"),
        budget_grouped(" ", "USD"),
        budget_with_code("{amount} USD", " ", "USD"),
        budget_with_code("{amount} USD", " ", "USD"),
        budget_with_code("{amount} {code}", " ", words={"XOF": "FCFA"}),
        budget_with_code("{amount} {code}", " ", words={"XOF": "FCFA"}),
        budget_per_year("{amount} USD en {year}", " ", ", "),
        budget_not_available(("Non disponible",)),
        budget_not_available(("Non disponible",)),
        budget_prose("fr"),
        budget_empty,
    ),
    "2020-es": (
        budget_with_code("$ {amount}", ".", "USD"),
        budget_with_code("$ {amount}", ".", "USD"),
        budget_with_code("US$ {amount}", " ", "USD"),
        budget_with_code("US$ {amount}", " ", "USD"),
        budget_with_code("USD {amount}", ".", "USD"),
        budget_per_year("USD {amount} ({year})", ".", " - "),
        budget_not_available(("No disponible",)),
    ),
    # The 2012-2016 label names no currency: a bare figure keeps currency null.
    "2016-en": (
        budget_grouped(" ", None),
        budget_grouped(" ", None),
        budget_grouped(",", None),
        budget_grouped(",", None),
        budget_with_code("USD {amount}", ",", "USD"),
        budget_with_code("USD {amount}", ",", "USD"),
        budget_with_code("{code} {amount}", ","),
        budget_with_code("{code} {amount}", ","),
        budget_not_available(("N/A",)),
        budget_prose("en"),
        budget_prose("en"),
    ),
}


def compose_budget(composer: Composer, ctx: dict[str, Any], key: str) -> Money:
    return composer.draw_budget(key)(composer, ctx)
