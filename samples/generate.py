"""Generate whole synthetic periodic reports, deterministically, with the truth qpr must find.

    .venv/bin/python samples/generate.py [--out samples/reports] [--seed 2026] [--only NAME]

Each report is composed from the original text fragments of samples/reports_data.py with a
seeded random.Random, written as DOCX (python-docx), PDF (reportlab, or LibreOffice from a
generated DOCX) or an interactive PDF form, and its truth is written to
<out>/truth/<file name>.json from the generator's own data model (never by running qpr).
As a library: generate_report(kind, seed, out_dir, measures=N, fmt="pdf", party="kenya").
Two runs write the same bytes: fixed DOCX properties and zip, reportlab's invariant mode, and
in LibreOffice PDFs fixed dates, /ID and /DocChecksum and the embedded fonts in a fixed order.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from random import Random
from typing import Any
from xml.sax.saxutils import escape as xml_escape

SAMPLES = Path(__file__).resolve().parent
sys.path.insert(0, str(SAMPLES))  # render.py and reports_data.py sit next to this file

import docx  # noqa: E402
import render  # noqa: E402  (importing it sets reportlab's invariant mode)
import reports_data as data  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase.pdfdoc import PDFName, PDFString  # noqa: E402
from reportlab.pdfgen import canvas as pdf_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

NBSP = data.NBSP
log = logging.getLogger("generate")
SOFT_HYPHEN = "\u00ad"
DEFAULT_OUT = SAMPLES / "reports"
DEFAULT_SEED = 2026
AUTHOR = "Periodic report team"

# --------------------------------------------------------------------------- the data model


@dataclass(frozen=True)
class Partner:
    name: str | None
    type_text: str | None  # as the document writes it
    code: str | None  # entity_type code (the truth)


@dataclass(frozen=True)
class Money:
    lines: tuple[str, ...]  # the value's paragraphs; () = label with an empty value
    status: str
    amount: int | float | None
    currency: str | None
    shown: bool = True  # False: no budget label at all


@dataclass
class Measure:
    title: str
    agencies: tuple[str, ...]
    content_lang: str
    description: tuple[str, ...]
    results: tuple[str, ...]
    budget: Money
    year: int | None = None  # the When value
    civil_society: bool = False
    conclusions: tuple[str, ...] = ()
    key_objectives: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    nature: tuple[str, ...] = ()
    website: str | None = None
    partners: tuple[Partner, ...] = ()
    evaluated: bool | None = None
    goals: tuple[int, ...] = ()  # the measure's own goal block
    areas: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    heading_goal: int | None = None  # the goal/area headings the measure sits under
    heading_area: str | None = None
    ident: str = "www"  # "www": Where/When/Who; "lines": agency lines; "country": + country line
    shown: frozenset[str] = frozenset()  # labels rendered even when their value is empty
    chapter: int | None = None  # 2016 chapters
    long_table: bool = False


@dataclass
class Report:
    kind: str
    seed: int
    party: data.PartyData
    lang: str  # language of the labels
    title: str
    period: tuple[int, int] | None
    year: int | None
    contact_style: str  # "lines" | "labelled"
    consultation: tuple[str, ...]
    summary: tuple[str, ...]
    measures: list[Measure]
    closing: tuple[tuple[str, tuple[str, ...]], ...] = ()
    submission: str | None = None
    profile: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- truth


def party_truth(party: data.PartyData) -> dict[str, str]:
    return {"name": party.name, "iso3": party.iso3}


def text_or_none(paragraphs: Iterable[str]) -> str | None:
    joined = "\n".join(paragraph for paragraph in paragraphs if paragraph)
    return joined or None


def measure_truth(measure: Measure, party: data.PartyData) -> dict[str, Any]:
    goals = set(measure.goals) | ({measure.heading_goal} if measure.heading_goal else set())
    areas = set(measure.areas) | ({measure.heading_area} if measure.heading_area else set())
    budget = measure.budget
    return {
        "title": measure.title,
        "agency": "; ".join(measure.agencies) or None,
        "country": party_truth(party),
        "year": measure.year,
        "reported_by_civil_society": measure.civil_society,
        "description": text_or_none(measure.description),
        "website": measure.website,
        "results": text_or_none(measure.results),
        "key_objectives": text_or_none(measure.key_objectives),
        "scope": sorted(measure.scope),
        "nature": sorted(measure.nature),
        "budget": {"status": budget.status, "amount": budget.amount, "currency": budget.currency},
        "partners": [{"name": p.name, "entity_type": p.code} for p in measure.partners],
        "evaluation": {
            "evaluated": measure.evaluated,
            "conclusions": text_or_none(measure.conclusions),
        },
        "goals": sorted(f"goal_{goal}" for goal in goals),
        "areas_of_monitoring": sorted(areas),
        "cultural_domains": sorted(measure.domains),
        "transversal_priorities": sorted(measure.priorities),
    }


def report_truth(report: Report, tool: str) -> dict[str, Any]:
    party = report.party
    contact = party.contact
    return {
        "generator": {
            "kind": report.kind,
            "seed": report.seed,
            "attempt": report.profile.get("attempt", 0),
            "tool": tool,
        },
        "report": {
            "party": party_truth(party),
            "period": (
                {"start": report.period[0], "end": report.period[1]} if report.period else None
            ),
            "year": report.year,
            "ratification_date": party.ratification[1],
            "contact": {
                "name": contact.name,
                "organization": contact.organization,
                "email": contact.email,
                "phone": contact.phone,
                "address": contact.address,
            },
            "consultation_process": text_or_none(report.consultation),
            "executive_summary": text_or_none(report.summary),
        },
        "measures": [measure_truth(measure, party) for measure in report.measures],
    }


def write_truth(report: Report, document: Path, tool: str) -> Path:
    folder = document.parent / "truth"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document.name}.json"
    text = json.dumps(report_truth(report, tool), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- composition


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


def group_digits(amount: int, separator: str) -> str:
    return f"{amount:,}".replace(",", separator)


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


# --------------------------------------------------------------------------- budgets

Budget = Callable[[Composer, dict[str, Any]], Money]


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


# Budget formats by form and language (form-reference §4, design.md §3); the most common
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


# --------------------------------------------------------------------------- measures


def compose_evaluation(
    composer: Composer, ctx: dict[str, Any], lang: str
) -> tuple[bool | None, tuple[str, ...], set[str]]:
    """(evaluated, conclusions, labels shown with an empty value)."""
    roll = composer.rng.random()
    if roll < 0.5:
        return True, tuple(composer.pick(data.POOLS[lang]["conclusions"], 1, ctx)), set()
    if roll < 0.8:
        return False, (), {"conclusions"}
    if roll < 0.92:
        return None, (), {"evaluated", "conclusions"}
    return None, (), set()


def compose_blocks(rng: Random, theme: data.Theme, cso: bool) -> dict[str, Any]:
    """The measure's own goal/area/domain/priority blocks (values, and which show empty)."""
    goal = data.AREA_GOAL[theme.area]
    roll = rng.random()
    blocks: dict[str, Any] = {"goals": (), "areas": (), "shown": set()}
    if cso or roll < 0.6:
        blocks["goals"], blocks["areas"] = (goal,), (theme.area,)
        if rng.random() < 0.2:
            extra_area = rng.choice([a for a in data.AREA_ORDER if data.AREA_GOAL[a] != goal])
            blocks["goals"] += (data.AREA_GOAL[extra_area],)
            blocks["areas"] += (extra_area,)
    elif roll < 0.8:
        blocks["shown"] |= {"goals", "areas"}
    roll = rng.random()
    blocks["domains"] = theme.domains if roll < 0.75 else ()
    if not blocks["domains"] and roll < 0.9:
        blocks["shown"].add("domains")
    blocks["priorities"] = ("youth",) if rng.random() < 0.25 else ()
    return blocks


def compose_measure_2020(
    composer: Composer,
    theme: data.Theme,
    content_lang: str,
    budget_key: str,
    *,
    cso: bool = False,
    length: str = "normal",
    partner_types: str = "en",
    partner_count: int | None = None,
    long_table: bool = False,
    label_lang: str = "en",
) -> Measure:
    rng = composer.rng
    ctx = composer.context(theme, content_lang)
    agencies = [ctx["agency"]]
    if not cso and rng.random() < 0.25:
        other = rng.choice(
            [t for t in data.POOLS[content_lang]["themes"] if t.agency != theme.agency]
        )
        agencies.append(other.agency)
    agencies = [strip_article(agency) for agency in agencies]
    ident = rng.choices(("www", "lines", "country"), weights=(5, 3, 2))[0]
    evaluated, conclusions, shown = compose_evaluation(composer, ctx, content_lang)
    blocks = compose_blocks(rng, theme, cso)
    shown |= blocks["shown"]
    website = None
    if rng.random() < 0.55:
        website = f"https://www.{composer.party.web}/{slugify(theme.title)}"
    elif rng.random() < 0.5:
        shown.add("website")
    if partner_count is None:
        partner_count = rng.choice((0, 2, 3, 3, 4, 5))
    if partner_count == 0 and rng.random() < 0.5:
        shown.add("partners")
    openers = "cso_openers" if cso else "openers"
    description = composer.description(theme, ctx, content_lang, length, openers)
    return Measure(
        title=theme.title,
        agencies=tuple(agencies),
        content_lang=content_lang,
        description=description,
        results=composer.results(ctx, content_lang, length),
        budget=compose_budget(composer, ctx, budget_key),
        year=ctx["year"] if ident == "www" else None,
        civil_society=cso,
        conclusions=conclusions,
        website=website,
        partners=composer.partners(content_lang, partner_types, partner_count, distinct=long_table),
        evaluated=evaluated,
        goals=blocks["goals"],
        areas=blocks["areas"],
        domains=blocks["domains"],
        priorities=blocks["priorities"] if "priorities" in data.MEASURE_LABELS[label_lang] else (),
        heading_goal=None if cso else data.AREA_GOAL[theme.area],
        heading_area=None if cso else theme.area,
        ident=ident,
        shown=frozenset(shown),
        long_table=long_table,
    )


def compose_measure_2016(composer: Composer, theme: data.Theme, title: str) -> Measure:
    rng = composer.rng
    ctx = composer.context(theme, "en")
    evaluated, conclusions, _ = compose_evaluation(composer, ctx, "en")
    expected = composer.pick(data.EN_EXPECTED, 2, ctx)
    scope = tuple(rng.sample(("local", "regional", "national", "international"), rng.randint(1, 2)))
    nature = tuple(rng.sample(("legislative", "regulatory", "financial", "institutional"), 2))
    return Measure(
        title=title,
        agencies=(theme.agency,),
        content_lang="en",
        description=composer.description(theme, ctx, "en", "normal"),
        results=(" ".join(expected),),
        budget=compose_budget(composer, ctx, "2016-en"),
        conclusions=conclusions,
        key_objectives=tuple(composer.pick(data.EN_OBJECTIVES, rng.randint(1, 2), ctx)),
        scope=scope,
        nature=nature,
        partners=composer.partners("en", "en", rng.choice((0, 2, 3))),
        evaluated=evaluated,
        chapter=data.AREA_CHAPTER_2016[theme.area],
    )


def sample_themes(rng: Random, themes: tuple[data.Theme, ...], count: int) -> list[data.Theme]:
    """`count` distinct themes; past the pool's size, themes come back as `(phase 2)` ..."""
    chosen: list[data.Theme] = []
    while len(chosen) < count:
        batch = rng.sample(themes, min(len(themes), count - len(chosen)))
        phase = len(chosen) // len(themes) + 1
        if phase > 1:
            batch = [t._replace(title=f"{t.title} (phase {phase})") for t in batch]
        chosen += batch
    return chosen


def by_area(themes: list[data.Theme]) -> list[data.Theme]:
    return sorted(themes, key=lambda theme: data.AREA_ORDER.index(theme.area))


# --------------------------------------------------------------------------- reports


def summary_paragraphs(composer: Composer, lang: str, count: int, ctx_theme: data.Theme):
    ctx = composer.context(ctx_theme, lang)
    ctx["y1"] = composer.period[0]
    return tuple(composer.pick_leading(data.POOLS[lang]["summary"], count, ctx))


def build_2020_report(
    kind: str,
    seed: int,
    rng: Random,
    party: data.PartyData,
    lang: str,
    count: int,
    cso_count: int,
    profile: dict[str, Any],
) -> Report:
    period = (2020, 2023)
    composer = Composer(rng, party, period)
    pools = data.POOLS[lang]
    length = profile.get("length", "normal")
    english = profile.get("english_measures", 0)
    themes = sample_themes(rng, pools["themes"], count - english)
    content = [(theme, lang) for theme in themes]
    content += [(theme, "en") for theme in rng.sample(data.EN_THEMES, english)]
    content.sort(key=lambda item: data.AREA_ORDER.index(item[0].area))
    long_tables = set(rng.sample(range(len(content)), profile.get("long_tables", 0)))
    measures = []
    for index, (theme, content_lang) in enumerate(content):
        measure = compose_measure_2020(
            composer,
            theme,
            content_lang,
            f"2020-{lang}",
            length=length,
            partner_types=profile.get("partner_types", lang),
            partner_count=rng.randint(8, 14) if index in long_tables else None,
            long_table=index in long_tables,
            label_lang=lang,
        )
        measures.append(measure)
    for theme in sample_themes(rng, pools["cso_themes"], cso_count):
        measures.append(
            compose_measure_2020(
                composer,
                theme,
                lang,
                f"2020-{lang}",
                cso=True,
                length=length,
                partner_types=profile.get("partner_types", lang),
                label_lang=lang,
            )
        )
    if profile.get("numbered_titles"):
        for number, measure in enumerate(measures, start=1):
            measure.title = f"{number}. {measure.title}"
    first = pools["themes"][0]
    ctx = composer.context(first, lang)
    ctx["agency"] = with_article(party.contact.organization, lang)
    report_labels = data.REPORT_LABELS[lang]
    return Report(
        kind=kind,
        seed=seed,
        party=party,
        lang=lang,
        title=data.TITLES[f"2020-{lang}"].format(
            start=period[0], end=period[1], party=party.written[lang]
        ),
        period=period,
        year=2024 if profile.get("submission") else None,
        contact_style=profile.get("contact_style", "lines"),
        consultation=tuple(composer.pick_leading(pools["consultation"], rng.randint(1, 2), ctx)),
        summary=summary_paragraphs(composer, lang, 3 if length == "long" else 2, first),
        measures=measures,
        closing=(
            (report_labels["emerging"], tuple(composer.pick(pools["emerging"], 1, ctx))),
            (report_labels["challenges"], tuple(composer.pick(pools["challenges"], 1, ctx))),
        ),
        submission="28 June 2024" if profile.get("submission") else None,
        profile=profile,
    )


def build_2016_report(kind: str, seed: int, rng: Random, party: data.PartyData, count: int):
    composer = Composer(rng, party, (2012, 2015))
    quotas = {1: 3, 2: 2, 3: 1, 4: 2}
    total = sum(quotas.values())
    quotas = {chapter: max(1, round(n * count / total)) for chapter, n in quotas.items()}
    measures = []
    for chapter, quota in quotas.items():
        pool = tuple(t for t in data.EN_THEMES if data.AREA_CHAPTER_2016[t.area] == chapter)
        for number, theme in enumerate(sample_themes(rng, pool, quota), start=1):
            measures.append(
                compose_measure_2016(composer, theme, f"{chapter}.{number} {theme.title}")
            )
    closing = tuple(
        (data.CHAPTERS_2016[chapter - 1], paragraphs)
        for chapter, paragraphs in data.EN_CHAPTER_TEXT.items()
    )
    return Report(
        kind=kind,
        seed=seed,
        party=party,
        lang="en",
        title=data.TITLES["2016"].format(year=2016, party=party.written["en"]),
        period=None,
        year=2016,
        contact_style="lines",
        consultation=(),
        summary=summary_paragraphs(composer, "en", 3, data.EN_THEMES[0]),
        measures=measures,
        closing=closing,
    )


ASCII = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def to_ascii(measure: Measure) -> Measure:
    """The 2012 form's fields use a standard PDF font: straight quotes and hyphens only."""

    def fix(texts: Iterable[str]) -> tuple[str, ...]:
        return tuple(text.translate(ASCII) for text in texts)

    budget = replace(measure.budget, lines=fix(measure.budget.lines))
    return replace(
        measure,
        title=measure.title.translate(ASCII),
        agencies=fix(measure.agencies),
        description=fix(measure.description),
        results=fix(measure.results),
        key_objectives=fix(measure.key_objectives),
        budget=budget,
    )


def build_2012_report(kind: str, seed: int, rng: Random, party: data.PartyData, count: int):
    composer = Composer(rng, party, (2008, 2011))
    measures = []
    for theme in by_area(sample_themes(rng, data.EN_THEMES, count)):
        measure = compose_measure_2016(composer, theme, theme.title)
        measure = replace(
            measure,
            partners=(),
            evaluated=None,
            conclusions=(),
            chapter=None,
            key_objectives=(" ".join(measure.key_objectives),),
        )
        measures.append(to_ascii(measure))
    summary = tuple(
        text.translate(ASCII) for text in summary_paragraphs(composer, "en", 2, data.EN_THEMES[0])
    )
    return Report(
        kind=kind,
        seed=seed,
        party=party,
        lang="en",
        title=data.TITLES["2012"].format(year=2012),
        period=None,
        year=2012,
        contact_style="lines",
        consultation=(),
        summary=summary,
        measures=measures,
    )


def build_own_layout_report(kind: str, seed: int, rng: Random, party: data.PartyData, count: int):
    period = (2020, 2023)
    composer = Composer(rng, party, period)
    measures = []
    for theme in by_area(sample_themes(rng, data.ES_THEMES, count)):
        ctx = composer.context(theme, "es")
        evaluated, conclusions, _ = compose_evaluation(composer, ctx, "es")
        mechanics = composer.pick(data.ES_MECHANICS, 3, ctx)
        opener = rng.choice(data.ES_OPENERS).format(**ctx)
        description = (f"{opener} {mechanics[0]}", " ".join(mechanics[1:]))
        partners = composer.partners("es", "en", rng.choice((2, 3, 4)), gaps=False)
        if rng.random() < 0.3:
            name = composer.partner_name("es", "other")
            partners += (Partner(name, data.OTHER_ENTITY_TYPE, "other"),)
        website = None
        if rng.random() < 0.5:
            website = f"https://www.{party.web}/{slugify(theme.title)}"
        measures.append(
            Measure(
                title=theme.title,
                agencies=(theme.agency,),
                content_lang="es",
                description=description,
                results=tuple(composer.pick(data.ES_RESULTS, 2, ctx)),
                budget=compose_budget(composer, ctx, "2020-es"),
                year=ctx["year"],
                conclusions=conclusions,
                website=website,
                partners=partners,
                evaluated=evaluated,
                goals=(data.AREA_GOAL[theme.area],),
                areas=(theme.area,),
                domains=theme.domains,
            )
        )
    ctx = composer.context(data.ES_THEMES[0], "es")
    ctx["y1"] = period[0]
    return Report(
        kind=kind,
        seed=seed,
        party=party,
        lang="es",
        title=data.TITLES["es"].format(start=period[0], end=period[1], party=party.written["es"]),
        period=period,
        year=None,
        contact_style="lines",
        consultation=(),
        summary=tuple(composer.pick_leading(data.ES_SUMMARY, 3, ctx)),
        measures=measures,
    )


# --------------------------------------------------------------------------- DOCX writing

VOWELS = set("aeiouyAEIOUYàâäéèêëîïôöùûüœ")
LONG_WORD = re.compile(r"[^\W\d_]{9,}")


def hyphenate(text: str) -> str:
    """Soft hyphens (U+00AD) between a vowel and a consonant-vowel pair of long words."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        out, last = [], 0
        for i in range(3, len(word) - 3):
            if word[i - 1] in VOWELS and word[i] not in VOWELS and word[i + 1] in VOWELS:
                if i - last >= 2:
                    out.append(word[last:i])
                    last = i
        out.append(word[last:])
        return SOFT_HYPHEN.join(out)

    return LONG_WORD.sub(split, text)


def set_style_font(style: Any, name: str, size: float | None = None) -> None:
    """Set a style's font by name, dropping theme fonts that would override it."""
    style.font.name = name
    if size:
        style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), name)


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""

    def fld_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    paragraph.add_run()._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld_char("end"))


class DocxWriter:
    """A python-docx document with the small vocabulary the report layouts need."""

    def __init__(
        self,
        title: str,
        *,
        body_font: str = "DejaVu Serif",
        heading_font: str = "DejaVu Sans",
        size: float = 10.5,
        soft_hyphens: bool = False,
        justify: bool = False,
        line_spacing: float | None = None,
        label_end: str = ":" + NBSP,
    ):
        self.document = docx.Document()
        self.soft_hyphens = soft_hyphens
        self.label_end = label_end
        properties = self.document.core_properties
        properties.author = AUTHOR
        properties.last_modified_by = AUTHOR
        properties.title = title
        properties.created = render.FIXED_TIME
        properties.modified = render.FIXED_TIME
        properties.last_printed = render.FIXED_TIME
        properties.revision = 1
        styles = self.document.styles
        set_style_font(styles["Normal"], body_font, size)
        if justify:
            styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if line_spacing:
            styles["Normal"].paragraph_format.line_spacing = line_spacing
        styles["Normal"].paragraph_format.space_after = Pt(4)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Header", "Footer"):
            set_style_font(styles[name], heading_font)
        set_style_font(styles["Title"], heading_font, 20)
        for section in self.document.sections:
            section.page_width, section.page_height = Cm(21), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.3)
            section.top_margin = section.bottom_margin = Cm(2.2)

    def paragraph(
        self,
        text: str = "",
        *,
        style: str | None = None,
        bold: bool = False,
        size: float | None = None,
        prose: bool = False,
    ) -> Any:
        paragraph = self.document.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(hyphenate(text) if prose and self.soft_hyphens else text)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
        return paragraph

    def title(self, text: str) -> None:
        self.paragraph(text, style="Title")

    def heading(self, text: str, level: int, *, numbered: bool | None = None) -> Any:
        paragraph = self.document.add_heading(text, level)
        if numbered is False:  # switch the style's numbering off for this paragraph
            properties = paragraph._p.get_or_add_pPr()
            numbering = OxmlElement("w:numPr")
            number = OxmlElement("w:numId")
            number.set(qn("w:val"), "0")
            numbering.append(number)
            properties.insert(0, numbering)
        return paragraph

    def label(self, text: str, *, end: bool = True) -> None:
        self.paragraph(text + (self.label_end if end else ""), bold=True)

    def inline(self, label: str, value: str) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.add_run(label + ":").bold = True
        paragraph.add_run(" " + value)

    def value(self, text: str, *, prose: bool = False) -> None:
        self.paragraph(text, prose=prose)

    def table(
        self,
        header: tuple[str, str],
        rows: Iterable[Partner],
        *,
        repeat_header: bool = False,
        container: Any = None,
    ) -> Any:
        rows = list(rows)
        parent = container if container is not None else self.document
        table = parent.add_table(rows=1 + len(rows), cols=2)
        table.style = self.document.styles["Table Grid"]
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        if repeat_header:
            properties = table.rows[0]._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:tblHeader"))
        for row, partner in zip(table.rows[1:], rows, strict=True):
            if partner.name:
                row.cells[0].paragraphs[0].add_run(partner.name)
            if partner.type_text:
                row.cells[1].paragraphs[0].add_run(partner.type_text)
        return table

    def running_header(self, text: str) -> None:
        paragraph = self.document.sections[0].header.paragraphs[0]
        paragraph.text = text
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def running_footer(self, kind: str) -> None:
        """kind "dashes": `- N -`; "of": `Page N of M`; "page": `Page N`."""
        paragraph = self.document.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if kind == "dashes":
            paragraph.add_run("- ")
            add_field(paragraph, "PAGE")
            paragraph.add_run(" -")
        else:
            paragraph.add_run("Page ")
            add_field(paragraph, "PAGE")
            if kind == "of":
                paragraph.add_run(" of ")
                add_field(paragraph, "NUMPAGES")

    def number_headings(self) -> None:
        """Word auto-numbering on Heading 1 (`1.`, `2.` ...): a numbering definition + numPr."""
        numbering = self.document.part.numbering_part.element
        abstract_ids = [
            int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))
        ]
        num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), "0")
        for tag, value in (
            ("w:start", "1"),
            ("w:numFmt", "decimal"),
            ("w:pStyle", "Heading1"),
            ("w:lvlText", "%1."),
            ("w:lvlJc", "left"),
        ):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            level.append(element)
        abstract.append(level)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        reference = OxmlElement("w:abstractNumId")
        reference.set(qn("w:val"), str(abstract_id))
        num.append(reference)
        numbering.append(num)
        style_properties = self.document.styles["Heading 1"].element.get_or_add_pPr()
        number_properties = OxmlElement("w:numPr")
        number_id = OxmlElement("w:numId")
        number_id.set(qn("w:val"), str(num_id))
        number_properties.append(number_id)
        style_properties.insert(0, number_properties)

    def save(self, path: Path) -> None:
        buffer = io.BytesIO()
        self.document.save(buffer)
        path.write_bytes(render.normalise_zip(buffer.getvalue()))


# --------------------------------------------------------------------------- reportlab writing


class PlatformPdfWriter:
    """The platform's PDF export look: bold labels, upper-case headings, ruled partner tables."""

    def __init__(self, title: str):
        regular, bold = render.register_fonts()
        self.doc_title = title
        self.story: list[Any] = []
        self.regular = regular
        self.styles = {
            "title": ParagraphStyle("title", fontName=bold, fontSize=13, leading=17, spaceAfter=10),
            "h1": ParagraphStyle(
                "h1", fontName=bold, fontSize=11.5, leading=15, spaceBefore=14, spaceAfter=6
            ),
            "h2": ParagraphStyle(
                "h2", fontName=bold, fontSize=10.5, leading=14, spaceBefore=10, spaceAfter=4
            ),
            "measure": ParagraphStyle(
                "measure", fontName=bold, fontSize=11, leading=14, spaceBefore=12, spaceAfter=4
            ),
            "label": ParagraphStyle(
                "label", fontName=bold, fontSize=9.5, leading=12, spaceBefore=6, spaceAfter=2
            ),
            "value": ParagraphStyle(
                "value", fontName=regular, fontSize=9.5, leading=12, spaceAfter=3
            ),
            "cell": ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11),
            "head": ParagraphStyle("head", fontName=bold, fontSize=9, leading=11),
        }

    def add(self, text: str, style: str) -> None:
        self.story.append(Paragraph(xml_escape(text), self.styles[style]))

    def title(self, text: str) -> None:
        self.add(text, "title")

    def heading(self, text: str, level: int, **_: Any) -> None:
        self.add(text, "h1" if level == 1 else "h2")

    def measure_title(self, text: str) -> None:
        self.add(text, "measure")

    def label(self, text: str, *, end: bool = True) -> None:
        self.add(text + (":" + NBSP if end else ""), "label")

    def inline(self, label: str, value: str) -> None:
        self.story.append(
            Paragraph(f"<b>{xml_escape(label)}:</b> {xml_escape(value)}", self.styles["value"])
        )

    def value(self, text: str, *, prose: bool = False) -> None:
        self.add(text, "value")

    def table(self, header: tuple[str, str], rows: Iterable[Partner], **_: Any) -> None:
        cells = [[Paragraph(xml_escape(text), self.styles["head"]) for text in header]]
        for partner in rows:
            cells.append(
                [
                    Paragraph(xml_escape(text or ""), self.styles["cell"])
                    for text in (partner.name, partner.type_text)
                ]
            )
        table = Table(cells, colWidths=[9.5 * cm, 6.5 * cm], repeatRows=1)
        table.setStyle(render.partner_table_style())
        self.story.extend([Spacer(1, 3), table, Spacer(1, 3)])

    def _footer(self, canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(self.regular, 8)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, str(document.page))
        canvas.restoreState()

    def save(self, path: Path) -> None:
        document = SimpleDocTemplate(
            str(path),
            pagesize=A4,
            leftMargin=2.2 * cm,
            rightMargin=2.2 * cm,
            topMargin=2 * cm,
            bottomMargin=2 * cm,
            title=self.doc_title,
            author=AUTHOR,
            creator="qpr samples/generate.py",
            pageCompression=1,
        )
        document.build(self.story, onFirstPage=self._footer, onLaterPages=self._footer)


# --------------------------------------------------------------------------- 2020+ layout


def goal_text(goal: int, lang: str, style: str) -> str:
    text = data.GOALS[lang][goal]
    word = data.GOAL_WORD[lang]
    if style == "upper":
        return f"{word.upper()} {goal}. {text.upper()}"
    if style == "dash":
        return f"{word} {goal} – {text}"
    return text


def write_ident(writer: Any, measure: Measure, labels: dict[str, Any], country: str) -> None:
    if measure.ident == "www":
        writer.label(labels["where"], end=False)
        writer.value(country)
        if measure.year is not None:
            writer.label(labels["when"], end=False)
            writer.value(str(measure.year))
        writer.label(labels["who"], end=False)
        for agency in measure.agencies:
            writer.value(agency)
        return
    if measure.ident == "country":
        writer.value(country)
    for agency in measure.agencies:
        writer.value(agency)


def write_block(writer: Any, heading: str, values: Iterable[str]) -> None:
    writer.label(heading, end=False)
    for value in values:
        writer.value(value)


def write_measure_2020(writer: Any, measure: Measure, report: Report) -> None:
    lang = report.lang
    labels = data.MEASURE_LABELS[lang]
    profile = report.profile
    shown = measure.shown
    writer.measure_title(measure.title)
    if measure.civil_society:
        writer.value(labels["banner"])
    write_ident(writer, measure, labels, report.party.written[lang])
    writer.label(labels["description_cso" if measure.civil_society else "description"])
    for paragraph in measure.description:
        writer.value(paragraph, prose=True)
    if measure.website or "website" in shown:
        writer.label(labels["website"])
        if measure.website:
            writer.value(measure.website)
    writer.label(labels["results_cso" if measure.civil_society else "results"])
    for paragraph in measure.results:
        writer.value(paragraph, prose=True)
    if measure.budget.shown:
        writer.label(labels["budget"])
        for line in measure.budget.lines:
            writer.value(line)
    if measure.partners or "partners" in shown:
        writer.label(labels["partners"])
        if measure.partners:
            writer.table(
                labels["partner_header"],
                measure.partners,
                repeat_header=measure.long_table and profile.get("repeat_header", False),
            )
    if measure.evaluated is not None or "evaluated" in shown:
        writer.label(labels["evaluated"])
        if measure.evaluated is not None:
            yes, no = data.YES_NO[lang]
            writer.value(yes if measure.evaluated else no)
    if measure.conclusions or "conclusions" in shown:
        writer.label(labels["conclusions"])
        for paragraph in measure.conclusions:
            writer.value(paragraph, prose=True)
    goal_style = profile.get("goal_values", "dash")
    if measure.goals or "goals" in shown:
        write_block(
            writer, labels["goals"], [goal_text(g, lang, goal_style) for g in measure.goals]
        )
    if (measure.areas or "areas" in shown) and "areas" in labels:
        write_block(writer, labels["areas"], [data.AREAS[lang][a] for a in measure.areas])
    if measure.domains or "domains" in shown:
        write_block(writer, labels["domains"], [data.DOMAINS[lang][d] for d in measure.domains])
    if measure.priorities and "priorities" in labels:
        write_block(
            writer, labels["priorities"], [data.PRIORITIES[lang][p] for p in measure.priorities]
        )


def write_contact(writer: Any, report: Report) -> None:
    contact = report.party.contact
    values = (contact.name, contact.organization, contact.address, contact.phone, contact.email)
    if report.contact_style == "labelled":
        for label, value in zip(data.REPORT_LABELS["en"]["contact_sublabels"], values, strict=True):
            writer.inline(label, value)
    else:
        for value in values:
            writer.value(value)


def write_report_header_2020(writer: Any, report: Report) -> None:
    lang = report.lang
    labels = data.REPORT_LABELS[lang]
    writer.value(data.TITLES[f"2020-{lang}-convention"])
    writer.title(report.title)
    writer.heading(labels["general"], 1)
    writer.label(labels["party"])
    writer.value(report.party.written[lang])
    writer.label(labels["ratification"])
    writer.value(report.party.ratification[0])
    if report.submission:
        writer.label(labels["submission"])
        writer.value(report.submission)
    writer.label(labels["contact"])
    write_contact(writer, report)
    writer.label(labels["consultation"])
    for paragraph in report.consultation:
        writer.value(paragraph, prose=True)
    writer.label(labels["summary"])
    for paragraph in report.summary:
        writer.value(paragraph, prose=True)


def write_report_2020(writer: Any, report: Report) -> None:
    lang = report.lang
    profile = report.profile
    write_report_header_2020(writer, report)
    goal, area = None, None
    for measure in (m for m in report.measures if not m.civil_society):
        if measure.heading_goal != goal:
            goal = measure.heading_goal
            writer.heading(goal_text(goal, lang, profile.get("goal_headings", "upper")), 1)
        if measure.heading_area != area:
            area = measure.heading_area
            writer.heading(data.AREAS[lang][area].upper(), 2)
        write_measure_2020(writer, measure, report)
    writer.heading(data.REPORT_LABELS[lang]["cso_section"], 1)
    for measure in (m for m in report.measures if m.civil_society):
        write_measure_2020(writer, measure, report)
    for heading, paragraphs in report.closing:
        writer.heading(heading, 1)
        for paragraph in paragraphs:
            writer.value(paragraph, prose=True)


class DocxReportWriter(DocxWriter):
    """DocxWriter plus the measure-title look a report chose (bold run or a heading style)."""

    def __init__(self, title: str, measure_title_style: str | None = None, **options: Any):
        super().__init__(title, **options)
        self.measure_title_style = measure_title_style

    def measure_title(self, text: str) -> None:
        if self.measure_title_style:
            self.document.add_paragraph(text, style=self.measure_title_style)
        else:
            self.paragraph(text, bold=True, size=12)


def render_2020_docx(report: Report, path: Path) -> None:
    profile = report.profile
    writer = DocxReportWriter(
        report.title,
        measure_title_style=profile.get("measure_title_style"),
        soft_hyphens=profile.get("soft_hyphens", False),
        justify=profile.get("justify", False),
        line_spacing=profile.get("line_spacing"),
        size=profile.get("font_size", 10.5),
        label_end=profile.get("label_end", ":" + NBSP),
    )
    writer.running_header(report.title)
    writer.running_footer(profile.get("footer", "dashes"))
    write_report_2020(writer, report)
    writer.save(path)


def render_2020_platform_pdf(report: Report, path: Path) -> None:
    writer = PlatformPdfWriter(report.title)
    write_report_2020(writer, report)
    writer.save(path)


# --------------------------------------------------------------------------- 2016 layout


def write_measure_2016(writer: DocxWriter, measure: Measure) -> None:
    labels = data.LABELS_2016
    writer.heading(measure.title, 2)
    writer.label(labels["key_objectives"])
    for paragraph in measure.key_objectives:
        writer.value(paragraph)
    writer.inline(labels["scope"], ", ".join(data.SCOPE_WORDS[s] for s in measure.scope))
    writer.inline(labels["nature"], ", ".join(data.NATURE_WORDS[n] for n in measure.nature))
    writer.label(labels["description"])
    for paragraph in measure.description:
        writer.value(paragraph)
    writer.label(labels["results"])
    for paragraph in measure.results:
        writer.value(paragraph)
    writer.inline(labels["agency"], measure.agencies[0])
    if measure.budget.lines:
        writer.inline(labels["budget"], " ".join(measure.budget.lines))
    if measure.partners:
        writer.label(labels["partners"])
        writer.table(data.MEASURE_LABELS["en"]["partner_header"], measure.partners)
    if measure.evaluated is not None:
        yes, no = data.YES_NO["en-2016"]
        writer.inline(labels["evaluated"], yes if measure.evaluated else no)
    if measure.conclusions:
        writer.label(labels["conclusions"])
        for paragraph in measure.conclusions:
            writer.value(paragraph)


def render_2016_docx(report: Report, path: Path) -> None:
    labels = data.REPORT_LABELS["en-2016"]
    writer = DocxWriter(report.title, label_end=":")
    writer.number_headings()
    writer.title(report.title)
    writer.inline(labels["party"], report.party.written["en"])
    writer.inline(labels["ratification"], report.party.ratification[0])
    writer.label(labels["contact"])
    write_contact(writer, report)
    writer.heading(labels["summary"], 1, numbered=False)
    for paragraph in report.summary:
        writer.value(paragraph)
    closing = dict(report.closing)
    for chapter, name in enumerate(data.CHAPTERS_2016, start=1):
        writer.heading(name, 1)
        for measure in (m for m in report.measures if m.chapter == chapter):
            write_measure_2016(writer, measure)
        for paragraph in closing.get(name, ()):
            writer.value(paragraph)
    writer.save(path)


# --------------------------------------------------------------------------- own layout (ES)


def cell_paragraphs(cell: Any, texts: Iterable[str], bold: bool = False) -> None:
    texts = list(texts)
    for index, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(text).bold = bold or None


def own_layout_rows(measure: Measure, report: Report) -> list[tuple[str, Any]]:
    """(first-column label, value) rows; a value is a list of paragraphs or the partners."""
    en = data.MEASURE_LABELS["en"]
    es = data.MEASURE_LABELS["es"]
    colon = ":" + NBSP
    rows: list[tuple[str, Any]] = [
        (es["where"], [report.party.written["es"]]),
        (es["when"], [str(measure.year)]),
        (es["who"], list(measure.agencies)),
        (en["description"] + colon, list(measure.description)),
    ]
    if measure.website:
        rows.append((en["website"] + colon, [measure.website]))
    rows += [
        (en["results"] + colon, list(measure.results)),
        (en["budget"] + colon, list(measure.budget.lines)),
        (en["partners"] + colon, measure.partners),
    ]
    if measure.evaluated is not None:
        rows.append((en["evaluated"] + colon, ["YES" if measure.evaluated else "NO"]))
        rows.append((en["conclusions"] + colon, list(measure.conclusions)))
    rows += [
        (es["goals"], [goal_text(g, "es", "plain") for g in measure.goals]),
        (es["areas"], [data.AREAS["es"][a] for a in measure.areas]),
        (es["domains"], [data.DOMAINS["es"][d] for d in measure.domains]),
    ]
    return rows


def write_own_layout_measure(
    writer: DocxWriter, measure: Measure, report: Report, merged: bool
) -> None:
    rows = own_layout_rows(measure, report)
    if not merged:
        writer.paragraph(measure.title, bold=True, size=12)
    table = writer.document.add_table(rows=len(rows) + (1 if merged else 0), cols=2)
    table.style = writer.document.styles["Table Grid"]
    body = table.rows
    if merged:
        title_cell = table.cell(0, 0).merge(table.cell(0, 1))
        cell_paragraphs(title_cell, [measure.title], bold=True)
        body = table.rows[1:]
    for row, (label, value) in zip(body, rows, strict=True):
        cell_paragraphs(row.cells[0], [label], bold=True)
        if isinstance(value, tuple):  # the partners: a nested 2-column table
            writer.table(data.MEASURE_LABELS["en"]["partner_header"], value, container=row.cells[1])
        else:
            cell_paragraphs(row.cells[1], value)
    writer.paragraph()


def render_own_layout_docx(report: Report, path: Path) -> None:
    labels = data.REPORT_LABELS["en"]
    contact = report.party.contact
    writer = DocxWriter(report.title, body_font="DejaVu Sans", size=10)
    writer.title(report.title)
    header = writer.document.add_table(rows=3, cols=2)
    header.style = writer.document.styles["Table Grid"]
    values = (
        [report.party.written["es"]],
        [report.party.ratification[0]],
        [contact.name, contact.organization, contact.address, contact.phone, contact.email],
    )
    for row, label, value in zip(
        header.rows, ("party", "ratification", "contact"), values, strict=True
    ):
        cell_paragraphs(row.cells[0], [labels[label] + ":"], bold=True)
        cell_paragraphs(row.cells[1], value)
    writer.paragraph()
    writer.label(labels["summary"])
    for paragraph in report.summary:
        writer.value(paragraph)
    writer.heading(data.TITLES["es-measures"], 1)
    for index, measure in enumerate(report.measures):
        write_own_layout_measure(writer, measure, report, merged=index % 2 == 1)
    writer.save(path)


# --------------------------------------------------------------------------- 2012 PDF form

FORM_FONT = "Helvetica"
FORM_SIZE = 9
FORM_LEADING = 10.8


class FormCanvas:
    """A reportlab canvas that lays out questions and filled AcroForm fields top to bottom."""

    def __init__(self, path: Path, report: Report):
        self.canvas = pdf_canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
        self.canvas.setTitle(report.title)
        self.canvas.setAuthor(AUTHOR)
        self.canvas.setCreator("qpr samples/generate.py")
        self.report = report
        self.left, self.width = 2 * cm, A4[0] - 4 * cm
        self.page = 0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        c = self.canvas
        c.setFont(FORM_FONT, 8)
        c.drawString(
            self.left,
            A4[1] - 1.3 * cm,
            "Convention on the Protection and Promotion of the Diversity of Cultural Expressions",
        )
        c.setFont(FORM_FONT + "-Bold", 11)
        c.drawString(self.left, A4[1] - 1.9 * cm, self.report.title)
        c.setFont(FORM_FONT, 8)
        c.drawRightString(self.left + self.width, 1.2 * cm, f"{self.page}")
        self.y = A4[1] - 2.8 * cm

    def room(self, height: float) -> None:
        if self.y - height < 2 * cm:
            self.new_page()

    def section(self, text: str) -> None:
        self.room(40)
        self.y -= 10
        self.canvas.setFont(FORM_FONT + "-Bold", 11)
        self.canvas.drawString(self.left, self.y, text)
        self.y -= 8

    def question(self, text: str) -> None:
        lines = simpleSplit(text, FORM_FONT + "-Bold", FORM_SIZE, self.width)
        self.room(len(lines) * FORM_LEADING + 30)
        self.canvas.setFont(FORM_FONT + "-Bold", FORM_SIZE)
        for line in lines:
            self.y -= FORM_LEADING
            self.canvas.drawString(self.left, self.y, line)
        self.y -= 3

    def text_field(self, name: str, tooltip: str, paragraphs: Iterable[str]) -> None:
        """A filled text field; paragraphs are separated by CR in the value, as Acrobat does."""
        paragraphs = [p for p in paragraphs if p]
        shown = [
            line
            for p in paragraphs
            for line in simpleSplit(p, FORM_FONT, FORM_SIZE, self.width - 8)
        ]
        multiline = len(shown) > 1 or len(paragraphs) > 1
        height = max(1, len(shown)) * FORM_LEADING + 6
        self.room(height + 4)
        self.y -= height
        form = self.canvas.acroForm
        form.textfield(
            name=name,
            tooltip=tooltip,
            value="\n".join(shown),
            x=self.left,
            y=self.y,
            width=self.width,
            height=height,
            fontName=FORM_FONT,
            fontSize=FORM_SIZE,
            borderWidth=0.5,
            borderColor=colors.grey,
            fillColor=colors.white,
            textColor=colors.black,
            fieldFlags="multiline" if multiline else "",
            maxlen=0,
        )
        value = PDFString("\r".join(paragraphs))
        field = self.last_field()
        field.dict["V"] = field.dict["DV"] = value
        self.y -= 6

    def last_field(self) -> Any:
        reference = self.canvas.acroForm.fields[-1]
        return self.canvas._doc.idToObject[reference.name]

    def check_boxes(
        self, prefix: str, tooltip: str, options: dict[str, str], checked: Iterable[str]
    ) -> None:
        """One check box per option; a checked box's on-state (its value) is the option's word."""
        checked = set(checked)
        self.room(24)
        self.y -= 14
        x = self.left
        for code, word in options.items():
            self.canvas.acroForm.checkbox(
                name=f"{prefix}_{code}",
                tooltip=tooltip,
                checked=code in checked,
                x=x,
                y=self.y,
                size=9,
                buttonStyle="cross",
                borderWidth=0.5,
            )
            field = self.last_field()
            on_state = PDFName(word)
            field.dict["V"] = field.dict["AS"] = on_state if code in checked else PDFName("Off")
            for appearance in field.dict["AP"].dict.values():
                states = appearance.dict
                states[word] = states.pop("Yes")
            self.canvas.setFont(FORM_FONT, FORM_SIZE)
            self.canvas.drawString(x + 13, self.y + 1.5, word)
            x += 105
        self.y -= 8

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def render_2012_form(report: Report, path: Path) -> None:
    form = FormCanvas(path, report)
    contact = report.party.contact
    labels = data.LABELS_2016
    form.section("GENERAL INFORMATION")
    for name, question, value in (
        ("party_name", "Name of Party", [report.party.written["en"]]),
        ("ratification_date", "Date of ratification", [report.party.ratification[0]]),
        ("contact_point", "Officially designated point of contact", list(contact)),
    ):
        form.question(question)
        form.text_field(name, question, value)
    form.section("EXECUTIVE SUMMARY")
    form.question("Executive summary")
    form.text_field("executive_summary", "Executive summary", report.summary)
    form.section("MEASURES")
    for number, measure in enumerate(report.measures, start=1):
        form.section(f"Measure {number}")
        prefix = f"m{number}"
        steps: list[tuple[str, str, Any]] = [
            ("name", "Name of the measure", [measure.title]),
            ("objectives", labels["key_objectives"], measure.key_objectives),
            ("scope", labels["scope"], (data.SCOPE_WORDS, measure.scope)),
            ("nature", labels["nature"], (data.NATURE_WORDS, measure.nature)),
            ("feature", labels["description"], measure.description),
            ("results", labels["results"], measure.results),
            ("agency", labels["agency"], measure.agencies),
            ("budget", labels["budget"], measure.budget.lines),
        ]
        for suffix, question, value in steps:
            form.question(question)
            if suffix in ("scope", "nature"):
                form.check_boxes(f"{prefix}_{suffix}", question, *value)
            else:
                form.text_field(f"{prefix}_{suffix}", question, value)
    form.save()


# --------------------------------------------------------------------------- LibreOffice

PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)")
PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fix_pdf_volatile(pdf: bytes, key: str) -> bytes:
    """Fixed /CreationDate, /ModDate, /DocChecksum and /ID of the SAME byte length, so the
    xref offsets stay valid (LibreOffice writes the clock time and hashes of it there)."""

    def date(match: re.Match[bytes]) -> bytes:
        value = bytearray(match.group(2))
        value[2:16] = b"20240115090000"[: max(0, min(14, len(value) - 2))]
        value[16:] = re.sub(rb"\d", b"0", bytes(value[16:]))
        return match.group(0).replace(match.group(2), bytes(value))

    def identifier(match: re.Match[bytes]) -> bytes:
        out = match.group(0)
        for number, group in enumerate(match.groups()):
            digest = hashlib.sha256(f"{key}/{number}".encode()).hexdigest().upper().encode()
            out = out.replace(group, (digest * 4)[: len(group)], 1)
        return out

    def checksum(match: re.Match[bytes]) -> bytes:
        digest = hashlib.sha256(f"{key}/checksum".encode()).hexdigest().upper().encode()
        return match.group(0).replace(match.group(1), (digest * 4)[: len(match.group(1))])

    pdf = PDF_DATE.sub(date, pdf)
    pdf = PDF_CHECKSUM.sub(checksum, pdf)
    return PDF_ID.sub(identifier, pdf)


XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s*\r?\n")
OBJECT_HEAD = re.compile(rb"(\d+) 0 obj\s")
REFERENCE = re.compile(rb"\b(\d+) 0 R\b")
FONT_OBJECT = re.compile(rb"/Type\s*/Font\b.*?/BaseFont\s*/([\w+-]+)", re.S)
FONT_GROUP = 5  # LibreOffice: FontFile2 stream, its length, descriptor, ToUnicode, font


def canonical_font_order(pdf: bytes) -> bytes:
    """Renumber LibreOffice's embedded-font objects into the order of their font names.

    LibreOffice writes the same fonts in an order that changes from run to run (a hash map
    keyed by memory addresses): same objects, other numbers. The objects are renumbered (each
    font's group of 5 consecutive objects moves as a whole, references in dictionaries follow)
    and the file is rewritten with a new xref table. Anything unexpected leaves `pdf` as is.
    """
    xref_at = int(pdf[pdf.rindex(b"startxref") + 9 :].split()[0])
    table = pdf[xref_at:]
    if not table.startswith(b"xref"):
        return pdf  # a cross-reference stream: not what this rewriter knows
    first, count = (int(n) for n in table.split(b"\n", 2)[1].split())
    entries = XREF_ENTRY.findall(table)[:count]
    offsets = {first + n: int(e[0]) for n, e in enumerate(entries) if e[2] == b"n"}
    ends = sorted(offsets.values()) + [xref_at]
    bodies = {}
    for number, start in offsets.items():
        end = ends[ends.index(start) + 1]
        head = OBJECT_HEAD.match(pdf, start)
        if head is None or int(head.group(1)) != number:
            return pdf
        bodies[number] = pdf[head.end() : end]
    fonts = {}
    for number, body in bodies.items():
        match = FONT_OBJECT.search(body.split(b"stream", 1)[0])
        if match and b"/FontDescriptor" not in match.group(0):
            fonts[number] = match.group(1)
    starts = {number - FONT_GROUP + 1: name for number, name in fonts.items()}
    if not all(b"/FontDescriptor" in bodies.get(start + 2, b"") for start in starts):
        return pdf
    mapping = {n: n for n in bodies}
    for slot, start in zip(sorted(starts), sorted(starts, key=starts.get), strict=True):
        for offset in range(FONT_GROUP):
            mapping[start + offset] = slot + offset

    def renumber(part: bytes) -> bytes:
        return REFERENCE.sub(
            lambda m: b"%d 0 R" % mapping.get(int(m.group(1)), int(m.group(1))), part
        )

    out = bytearray(pdf[: min(offsets.values())])
    new_offsets = {}
    for old in sorted(bodies, key=lambda n: mapping[n]):
        body = bodies[old]
        split = body.find(b"stream")
        dictionary, rest = (body, b"") if split < 0 else (body[:split], body[split:])
        new_offsets[mapping[old]] = len(out)
        out += b"%d 0 obj\n" % mapping[old] + renumber(dictionary) + rest
    trailer = table[table.index(b"trailer") : table.index(b"startxref")]
    xref = bytearray(b"xref\n0 %d\n0000000000 65535 f \n" % (max(new_offsets) + 1))
    for number in range(1, max(new_offsets) + 1):
        offset = new_offsets.get(number)
        xref += b"%010d 00000 n \n" % offset if offset is not None else b"0000000000 65535 f \n"
    start = len(out)
    return bytes(out + xref + renumber(trailer) + b"startxref\n%d\n%%%%EOF\n" % start)


def convert_docx_to_pdf(source: Path, target: Path) -> None:
    soffice = soffice_path()
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        # A private profile: concurrent soffice runs must not share (and lock) one.
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=600)
        produced = work / f"{source.stem}.pdf"
        pdf = canonical_font_order(produced.read_bytes())
        target.write_bytes(fix_pdf_volatile(pdf, target.name))


def page_texts(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


# PDFium marks a hyphen that ends a line with \x02 or \ufffe (and may drop the line break).
LINE_END_HYPHEN = re.compile(r"[^\W\d_](?:[\x02\ufffe\u00ad](?:\r?\n)?|-\r?\n)[^\W\d_]")


def count_line_end_hyphens(texts: list[str]) -> int:
    return sum(len(LINE_END_HYPHEN.findall(text)) for text in texts)


def tables_crossing_pages(report: Report, texts: list[str]) -> list[str]:
    """Titles of measures whose partner table has names on more than one page.

    Names are looked up (whitespace removed) between the page of the measure's title and the
    page of the next measure's title, so a name that recurs elsewhere cannot mislead.
    """
    squeezed = [re.sub(r"\s+", "", text) for text in texts]

    def first_page(text: str, start: int = 0) -> int:
        key = re.sub(r"\s+", "", text)
        return next((n for n in range(start, len(squeezed)) if key in squeezed[n]), len(squeezed))

    crossing = []
    for index, measure in enumerate(report.measures):
        if not measure.long_table:
            continue
        start = first_page(measure.title)
        following = report.measures[index + 1 : index + 2]
        end = first_page(following[0].title, start) if following else len(squeezed) - 1
        pages = {
            n
            for partner in measure.partners
            if partner.name
            for n in range(start, min(end, len(squeezed) - 1) + 1)
            if re.sub(r"\s+", "", partner.name) in squeezed[n]
        }
        if len(pages) > 1:
            crossing.append(measure.title)
    return crossing


# --------------------------------------------------------------------------- kinds


@dataclass(frozen=True)
class Kind:
    suffix: str
    formats: tuple[str, ...]
    party: str
    measures: int
    civil_society: int = 0


KINDS = {
    "2020-en": Kind("2020-en", ("docx", "pdf"), "kenya", 8, 2),
    "2020-fr": Kind("2020-fr", ("docx", "pdf"), "madagascar", 7, 2),
    "2016-chapters": Kind("2016-chapters", ("docx", "pdf"), "namibia", 8),
    "2012-form": Kind("2012-form", ("pdf",), "barbados", 5),
    "own-layout": Kind("own-layout", ("docx", "pdf"), "ecuador", 6),
    "2020-long": Kind("2020-long", ("pdf", "docx"), "india", 42, 3),
}

PROFILES: dict[str, dict[str, Any]] = {
    "2020-en": {"goal_headings": "upper", "goal_values": "dash", "footer": "dashes"},
    "2020-fr": {
        "goal_headings": "upper",
        "goal_values": "plain",
        "english_measures": 2,
        "partner_types": "fr-offline",
        "measure_title_style": "Heading 3",
        "footer": "page",
    },
    "2020-long": {
        "goal_headings": "dash",
        "goal_values": "upper",
        "measure_title_style": "Heading 3",
        "numbered_titles": True,
        "contact_style": "labelled",
        "submission": True,
        "length": "long",
        "long_tables": 7,
        "repeat_header": True,
        "soft_hyphens": True,
        "justify": True,
        "font_size": 11.5,
        "line_spacing": 1.25,
        "label_end": ":",
        "footer": "of",
    },
}
# Per-Party variations of a kind: Burkina Faso's report is all French, with the online form's
# partner types (Madagascar's has two English measures and the offline form's upper-case types).
PARTY_PROFILES: dict[str, dict[str, Any]] = {
    "burkina-faso": {"english_measures": 0, "partner_types": "fr"},
}
LONG_REPORT_CHECKS = {"pages": 60, "hyphens": 5, "crossing_tables": 2, "attempts": 12}


def build_report(
    kind: str, seed: int, party: data.PartyData, measures: int, cso: int, attempt: int = 0
) -> Report:
    rng = Random(f"{seed}/{kind}/{party.key}/{measures}/{cso}/{attempt}")
    if kind in ("2020-en", "2020-long"):
        return build_2020_report(kind, seed, rng, party, "en", measures, cso, PROFILES[kind])
    if kind == "2020-fr":
        profile = {**PROFILES[kind], **PARTY_PROFILES.get(party.key, {})}
        return build_2020_report(kind, seed, rng, party, "fr", measures, cso, profile)
    if kind == "2016-chapters":
        return build_2016_report(kind, seed, rng, party, measures)
    if kind == "2012-form":
        return build_2012_report(kind, seed, rng, party, measures)
    if kind == "own-layout":
        return build_own_layout_report(kind, seed, rng, party, measures)
    raise ValueError(f"unknown kind {kind!r}; one of {sorted(KINDS)}")


DOCX_RENDERERS: dict[str, Callable[[Report, Path], None]] = {
    "2020-en": render_2020_docx,
    "2020-fr": render_2020_docx,
    "2020-long": render_2020_docx,
    "2016-chapters": render_2016_docx,
    "own-layout": render_own_layout_docx,
}


def render_via_libreoffice(report: Report, target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{target.stem}.docx"
        DOCX_RENDERERS[report.kind](report, source)
        convert_docx_to_pdf(source, target)


def check_long_report(report: Report, pdf: Path) -> list[str]:
    """What the long report still lacks (pages, line-end hyphens, tables across pages)."""
    texts = page_texts(pdf)
    problems = []
    if len(texts) < LONG_REPORT_CHECKS["pages"]:
        problems.append(f"{len(texts)} pages")
    hyphens = count_line_end_hyphens(texts)
    if hyphens < LONG_REPORT_CHECKS["hyphens"]:
        problems.append(f"{hyphens} line-end hyphens")
    crossing = tables_crossing_pages(report, texts)
    if len(crossing) < LONG_REPORT_CHECKS["crossing_tables"]:
        problems.append(f"{len(crossing)} partner tables across a page break")
    return problems


def generate_report(
    kind: str,
    seed: int,
    out_dir: Path,
    *,
    measures: int | None = None,
    fmt: str | None = None,
    party: str | None = None,
    civil_society: int | None = None,
    check: bool = True,
) -> Path:
    """Write one report (and its truth) into out_dir; returns the document's path.

    fmt: "docx" (python-docx), or "pdf": reportlab for 2020-fr and 2012-form, LibreOffice from
    the report's DOCX otherwise. For a 2020-long PDF, `check` retries the next attempt of the
    seed until the PDF has the pages, hyphens and page-crossing tables it is meant to exercise.
    """
    spec = KINDS[kind]
    fmt = fmt or spec.formats[0]
    if fmt not in spec.formats:
        raise ValueError(f"{kind} is written as {spec.formats}, not {fmt}")
    party_data = data.PARTIES[party or spec.party]
    count = measures if measures is not None else spec.measures
    cso = civil_society if civil_society is not None else spec.civil_society
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{party_data.key}-{spec.suffix}.{fmt}"
    attempts = (
        LONG_REPORT_CHECKS["attempts"] if (kind == "2020-long" and fmt == "pdf" and check) else 1
    )
    for attempt in range(attempts):
        report = build_report(kind, seed, party_data, count, cso, attempt)
        tool = write_document(report, target, fmt)
        if attempts == 1:
            break
        problems = check_long_report(report, target)
        if not problems:
            break
        log.info("%s: attempt %d has only %s; next attempt", target.name, attempt, problems)
    else:
        raise RuntimeError(f"{target.name}: no attempt met the checks: {', '.join(problems)}")
    report.profile = {**report.profile, "attempt": attempt}
    write_truth(report, target, tool)
    return target


def write_document(report: Report, target: Path, fmt: str) -> str:
    """Render the report; returns the name of the tool that made the file."""
    if report.kind == "2012-form":
        render_2012_form(report, target)
        return "reportlab (AcroForm)"
    if fmt == "docx":
        DOCX_RENDERERS[report.kind](report, target)
        return "python-docx"
    if report.kind == "2020-fr":
        render_2020_platform_pdf(report, target)
        return "reportlab"
    render_via_libreoffice(report, target)
    return "LibreOffice (from python-docx)"


# The committed set: (kind, party, format).
REPORT_SET = (
    ("2020-en", "kenya", "docx"),
    ("2020-en", "kenya", "pdf"),
    ("2020-fr", "madagascar", "docx"),
    ("2020-fr", "burkina-faso", "pdf"),
    ("2016-chapters", "namibia", "docx"),
    ("2012-form", "barbados", "pdf"),
    ("own-layout", "ecuador", "docx"),
    ("2020-long", "india", "pdf"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--only", action="append", help="file name(s) to write, e.g. kenya-2020-en.pdf"
    )
    parser.add_argument("--skip-libreoffice", action="store_true", help="skip the LibreOffice PDFs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for kind, party, fmt in REPORT_SET:
        name = f"{party}-{KINDS[kind].suffix}.{fmt}"
        if args.only and name not in args.only:
            continue
        uses_libreoffice = fmt == "pdf" and kind not in ("2020-fr", "2012-form")
        if uses_libreoffice and (args.skip_libreoffice or soffice_path() is None):
            print(f"skipped {name} (LibreOffice)")
            continue
        path = generate_report(kind, args.seed, args.out, fmt=fmt, party=party)
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
