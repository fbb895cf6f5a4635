"""Country names in EN/FR/ES (ISO 3166 via pycountry, plus aliases in `data/countries.toml`)
resolved to `{name, iso3}`, from a Where line or found inside an agency or title."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from pipeline.normalize import match_key
from pipeline.tables import load_table

_WORD = re.compile(r"\w+")
_PARENTHESIS = re.compile(r"^(.*?)\s*\((.*?)\)\s*$")
_MAX_NAME_WORDS = 8
# Inside running text only names of some length count: `EU` or `UK` in an agency name is too
# weak a sign, while a Where line may say just that.
_MIN_FOUND_LENGTH = 4


@dataclass(frozen=True, slots=True)
class CountryMatch:
    name: str
    iso3: str
    start: int
    end: int


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """Folded name → (English short name, alpha-3)."""
    table: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in ("fr", "es")
    ]
    short_forms: dict[str, set[str]] = {}
    for country in pycountry.countries:
        entry = (country.name, country.alpha_3)
        names = {country.name}
        for attribute in ("official_name", "common_name"):
            if hasattr(country, attribute):
                names.add(getattr(country, attribute))
        for translation in translations:
            names |= {translation.gettext(name) for name in list(names)}
        for name in list(names):
            # `Korea, Republic of` is also written `Republic of Korea`, and shortened to `Korea`.
            if ", " in name:
                base, qualifier = name.split(", ", 1)
                names.add(f"{qualifier} {base}")
                short_forms.setdefault(match_key(base), set()).add(country.alpha_3)
        for name in names:
            table.setdefault(match_key(name), entry)
    for key, codes in short_forms.items():
        if len(codes) > 1:
            ambiguous.add(key)
        elif key not in table:
            code = next(iter(codes))
            table[key] = _by_code(code)
    data = load_table("countries")
    for code, aliases in data["aliases"].items():
        entry = (data["names"].get(code) or _by_code(code)[0], code)
        for alias in aliases:
            table[match_key(alias)] = entry
    return table


def _by_code(code: str) -> tuple[str, str]:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise ValueError(f"data/countries.toml names {code}, which is not an ISO 3166 code")
    return (country.name, code)


def resolve_country(text: str) -> tuple[str, str] | None:
    """(name, iso3) of a text that names a country, e.g. `Bélgica`, `Czechia (Czech Republic)`."""
    table = _countries()
    found = table.get(match_key(text))
    if found is None:
        parts = _PARENTHESIS.match(text)
        if parts:
            found = table.get(match_key(parts.group(1))) or table.get(match_key(parts.group(2)))
    return found


def find_country(text: str) -> CountryMatch | None:
    """The first country named inside `text` (longest name at the leftmost place)."""
    table = _countries()
    words = [
        (match.start(), match.end(), match_key(match.group())) for match in _WORD.finditer(text)
    ]
    for first in range(len(words)):
        for size in range(min(_MAX_NAME_WORDS, len(words) - first), 0, -1):
            start, end = words[first][0], words[first + size - 1][1]
            key = " ".join(word[2] for word in words[first : first + size])
            if len(key) >= _MIN_FOUND_LENGTH and key in table:
                name, iso3 = table[key]
                return CountryMatch(name, iso3, start, end)
    return None


def find_state_adjective(text: str) -> tuple[str, str] | None:
    """(name, iso3) of a Party named by its adjective beside a word for the State: `SECOND
    PERIODIC REPORT OF THE CHILEAN STATE`, `l'État sénégalais`, `el Gobierno mexicano`."""
    pattern, codes = _state_adjectives()
    found = pattern.search(match_key(text))
    if found is None:
        return None
    iso3 = codes[found.group("before") or found.group("after")]
    return _names_by_code()[iso3], iso3


@cache
def _state_adjectives() -> tuple[re.Pattern[str], dict[str, str]]:
    table = load_table("demonyms")
    codes = {
        match_key(adjective): iso3
        for iso3, adjectives in table["demonyms"].items()
        for adjective in adjectives
    }
    adjectives = "|".join(re.escape(key) for key in sorted(codes, key=len, reverse=True))
    states = "|".join(re.escape(match_key(word)) for word in table["state_words"]["words"])
    pattern = re.compile(
        rf"\b(?P<before>{adjectives}) (?:{states})\b|\b(?:{states}) (?P<after>{adjectives})\b"
    )
    return pattern, codes


@cache
def _names_by_code() -> dict[str, str]:
    return {iso3: name for name, iso3 in _countries().values()}
