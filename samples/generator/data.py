"""The generator's content, read from samples/data/*.toml: the Parties, the form's strings and
the pools of original text fragments by language (EN, FR, ES).

TOML has no tuples and only string keys: arrays are read as tuples (the generator samples and
compares them as such) and tables keyed by numbers (goals, chapters) get int keys back.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, NamedTuple

DATA = Path(__file__).resolve().parents[1] / "data"
NBSP = "\u00a0"
LANGUAGES = ("en", "fr", "es")


class ContactData(NamedTuple):
    name: str
    organization: str
    address: str
    phone: str
    email: str


class PartyData(NamedTuple):
    key: str  # file-name stem
    name: str  # English short name (ISO 3166 as pycountry has it): the truth
    iso3: str
    written: dict[str, str]  # how the document writes the name, by language
    cities: tuple[str, ...]  # the capital first
    ratification: tuple[str, str]  # (as written, ISO 8601 truth)
    contact: ContactData
    currency: str  # local ISO 4217 code, for budgets in local money
    web: str  # invented domain for websites


class Theme(NamedTuple):
    area: str
    title: str
    domains: tuple[str, ...]
    agency: str
    benef: str  # beneficiaries, plural noun phrase
    output: str  # what the measure produces, plural noun phrase
    activity: str  # gerund phrase (EN) / noun phrase (FR, ES)


def frozen(value: Any) -> Any:
    """Arrays as tuples and number-keyed tables with int keys, all the way down."""
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        numbered = bool(value) and all(key.isdigit() for key in value)
        return {int(k) if numbered else k: frozen(v) for k, v in value.items()}
    return value


def read(name: str) -> dict[str, Any]:
    with (DATA / f"{name}.toml").open("rb") as file:
        return frozen(tomllib.load(file))


def party(key: str, fields: dict[str, Any]) -> PartyData:
    return PartyData(key=key, **{**fields, "contact": ContactData(**fields["contact"])})


def pool(lang: str) -> dict[str, Any]:
    fragments = read(f"fragments-{lang}")
    for name in ("themes", "cso_themes"):
        fragments[name] = tuple(Theme(**theme) for theme in fragments.get(name, ()))
    return fragments


PARTIES: dict[str, PartyData] = {key: party(key, fields) for key, fields in read("parties").items()}
POOLS: dict[str, dict[str, Any]] = {lang: pool(lang) for lang in LANGUAGES}

_FORM = read("form")
CURRENCY_SCALE: dict[str, int] = _FORM["currency_scale"]
AREA_ORDER: tuple[str, ...] = _FORM["area_order"]
AREA_GOAL: dict[str, int] = _FORM["area_goal"]
GOALS: dict[str, dict[int, str]] = _FORM["goals"]
GOAL_WORD: dict[str, str] = _FORM["goal_word"]
AREAS: dict[str, dict[str, str]] = _FORM["areas"]
DOMAINS: dict[str, dict[str, str]] = _FORM["domains"]
PRIORITIES: dict[str, dict[str, str]] = _FORM["priorities"]
ENTITY_TYPES: dict[str, dict[str, str]] = _FORM["entity_types"]
OTHER_ENTITY_TYPE: str = _FORM["other_entity_type"]
YES_NO: dict[str, tuple[str, str]] = _FORM["yes_no"]
MEASURE_LABELS: dict[str, dict[str, Any]] = _FORM["measure_labels"]
LABELS_2016: dict[str, str] = _FORM["labels_2016"]
SCOPE_WORDS: dict[str, str] = _FORM["scope_words"]
NATURE_WORDS: dict[str, str] = _FORM["nature_words"]
REPORT_LABELS: dict[str, dict[str, Any]] = _FORM["report_labels"]
CHAPTERS_2016: tuple[str, ...] = _FORM["chapters_2016"]
AREA_CHAPTER_2016: dict[str, int] = _FORM["area_chapter_2016"]
TITLES: dict[str, str] = _FORM["titles"]
