"""Composition: a Composer fills the fragment templates of samples/data for one report (its
Party, languages, period and seeded random)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from random import Random
from typing import Any

from samples.generator import data
from samples.generator.budgets import BUDGETS, Budget
from samples.generator.model import Partner


def strip_article(agency: str) -> str:
    """French agencies carry their article for the prose ('la Direction ...'); the truth has none."""
    for article in ("la ", "le ", "les ", "l’", "l'"):
        if agency.startswith(article):
            rest = agency[len(article) :]
            return rest[0].upper() + rest[1:]
    return agency


def with_article(name: str, lang: str) -> str:
    """'Direction générale des Arts' -> 'la Direction générale des Arts' (French prose)."""
    if lang != "fr":
        return name
    if name[0] in "AEIOUÉ":
        return "l’" + name
    masculine = ("Ministère", "Centre", "Bureau", "Service", "Secrétariat")
    return ("le " if name.startswith(masculine) else "la ") + name


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title.replace("’", "")).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.decode().lower()).strip("-")


class Composer:
    """Fills the fragment templates for one report: its Party, languages, period and random."""

    def __init__(self, rng: Random, party: data.PartyData, period: tuple[int, int]):
        self.rng = rng
        self.party = party
        self.period = period
        self.used_names: set[str] = set()
        self.reserved: set[str] = set()
        self.budget_decks: dict[str, list[Budget]] = {}

    def context(self, theme: data.Theme, lang: str) -> dict[str, Any]:
        rng = self.rng
        start, end = self.period
        year = rng.randint(start - 4, end - 1)
        cities = list(self.party.cities[1:])
        rng.shuffle(cities)
        agency = theme.agency.format(city=cities[0])
        return {
            "title": theme.title,
            "agency": agency,
            "benef": theme.benef,
            "output": theme.output,
            "activity": theme.activity,
            "year": year,
            "year2": rng.randint(year + 1, end),
            "n_years": rng.choice((3, 4, 5)),
            "capital": self.party.cities[0],
            "city": cities[0],
            "city2": cities[1],
            "n1": rng.randint(12, 480),
            "n2": rng.randint(20, 960),
            "pct": rng.randint(18, 82),
            "a1": rng.randint(40, 300),
            "a2": rng.randint(320, 900),
            "y1": max(year, start),
            "y2": end,
            "party": self.party.written.get(lang, self.party.name),
        }

    def pick(self, pool: tuple[str, ...], count: int, ctx: dict[str, Any]) -> list[str]:
        count = min(count, len(pool))
        return [template.format(**ctx) for template in self.rng.sample(pool, count)]

    def pick_leading(self, pool: tuple[str, ...], count: int, ctx: dict[str, Any]) -> list[str]:
        """The pool's first fragment (an introduction), then others in the pool's order."""
        rest = sorted(self.rng.sample(range(1, len(pool)), min(count, len(pool)) - 1))
        return [pool[index].format(**ctx) for index in (0, *rest)]

    def draw_budget(self, key: str) -> Budget:
        """Budget formats come from a shuffled deck, so a short report still shows many."""
        deck = self.budget_decks.setdefault(key, [])
        if not deck:
            deck.extend(BUDGETS[key])
            self.rng.shuffle(deck)
        return deck.pop()

    def description(
        self,
        theme: data.Theme,
        ctx: dict[str, Any],
        lang: str,
        length: str,
        openers: str = "openers",
    ) -> tuple[str, ...]:
        pools = data.POOLS[lang]
        rng = self.rng
        long = length == "long"
        area_features = pools["area_features"].get(theme.area, ())
        first = [rng.choice(pools[openers]).format(**ctx)]
        first += self.pick(area_features, 2 if long else 1, ctx)
        paragraphs = [
            " ".join(first),
            " ".join(self.pick(pools["mechanics"], 3 if long else 2, ctx)),
        ]
        if pools["inclusion"] and (long or rng.random() < 0.5):
            paragraphs.append(" ".join(self.pick(pools["inclusion"], 1, ctx)))
        if long:
            paragraphs[-1] += " " + " ".join(self.pick(pools["mechanics"], 1, ctx))
        return tuple(p for p in paragraphs if p)

    def results(self, ctx: dict[str, Any], lang: str, length: str) -> tuple[str, ...]:
        pools = data.POOLS[lang]
        long = length == "long"
        paragraphs = [" ".join(self.pick(pools["results"], 2 if long else 1, ctx))]
        if pools["outcomes"] and (long or self.rng.random() < 0.5):
            paragraphs.append(" ".join(self.pick(pools["outcomes"], 2 if long else 1, ctx)))
        return tuple(paragraphs)

    def partner_name(self, lang: str, code: str, avoid: Iterable[str] = ()) -> str:
        """A partner name not in `avoid` nor reserved by a long table elsewhere in the report."""
        pools = data.POOLS[lang]
        avoid = set(avoid) | self.reserved
        for _ in range(500):
            template = self.rng.choice(pools["partners"][code])
            name = template.format(
                city=self.rng.choice(self.party.cities),
                word=self.rng.choice(pools["partner_words"]),
            )
            if name not in avoid:
                self.used_names.add(name)
                return name
        raise RuntimeError(f"partner pool for {lang}/{code} exhausted")

    def partners(
        self, lang: str, types: str, count: int, gaps: bool = True, distinct: bool = False
    ) -> tuple[Partner, ...]:
        """`count` rows; with `gaps`, now and then a row without a name or without a type.

        `distinct` names appear nowhere else in the report (a long table's rows are then found
        by name on the PDF's pages).
        """
        rows: list[Partner] = []
        codes = ("public_sector", "private_sector", "civil_society", "civil_society")
        for _ in range(count):
            code = self.rng.choice(codes)
            taken = {row.name for row in rows if row.name}
            name: str | None = self.partner_name(
                lang, code, taken | self.used_names if distinct else taken
            )
            if distinct:
                self.reserved.add(name)
            type_text: str | None = data.ENTITY_TYPES[types][code]
            truth_code: str | None = code
            roll = self.rng.random() if gaps else 1.0
            if roll < 0.05 and not distinct:
                name = None
            elif roll < 0.10:
                type_text = truth_code = None
            rows.append(Partner(name, type_text, truth_code))
        return tuple(rows)
