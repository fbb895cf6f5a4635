"""Measures and whole reports of each kind (2020+, 2016 chapters, 2012 form, own layout),
composed from the fragments with a seeded random."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from random import Random
from typing import Any

from samples.generator import data
from samples.generator.budgets import compose_budget
from samples.generator.compose import Composer, slugify, strip_article, with_article
from samples.generator.model import Measure, Partner, Report

EN, ES = data.POOLS["en"], data.POOLS["es"]


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
    expected = composer.pick(EN["expected"], 2, ctx)
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
        key_objectives=tuple(composer.pick(EN["objectives"], rng.randint(1, 2), ctx)),
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
    content += [(theme, "en") for theme in rng.sample(EN["themes"], english)]
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
        pool = tuple(t for t in EN["themes"] if data.AREA_CHAPTER_2016[t.area] == chapter)
        for number, theme in enumerate(sample_themes(rng, pool, quota), start=1):
            measures.append(
                compose_measure_2016(composer, theme, f"{chapter}.{number} {theme.title}")
            )
    closing = tuple(
        (data.CHAPTERS_2016[chapter - 1], paragraphs)
        for chapter, paragraphs in EN["chapter_text"].items()
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
        summary=summary_paragraphs(composer, "en", 3, EN["themes"][0]),
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
    for theme in by_area(sample_themes(rng, EN["themes"], count)):
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
        text.translate(ASCII) for text in summary_paragraphs(composer, "en", 2, EN["themes"][0])
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
    for theme in by_area(sample_themes(rng, ES["themes"], count)):
        ctx = composer.context(theme, "es")
        evaluated, conclusions, _ = compose_evaluation(composer, ctx, "es")
        mechanics = composer.pick(ES["mechanics"], 3, ctx)
        opener = rng.choice(ES["openers"]).format(**ctx)
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
                results=tuple(composer.pick(ES["results"], 2, ctx)),
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
    ctx = composer.context(ES["themes"][0], "es")
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
        summary=tuple(composer.pick_leading(ES["summary"], 3, ctx)),
        measures=measures,
    )
