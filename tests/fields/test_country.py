"""Country names in English, French and Spanish resolve to ISO alpha-3; the EU is a Party."""

from __future__ import annotations

import pytest

from pipeline.fields.country import find_country, resolve_country


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Azerbaijan", "AZE"),
        ("Bélgica", "BEL"),
        ("Émirats arabes unis", "ARE"),
        ("Czechia (Czech Republic)", "CZE"),
        ("Unión Europea", "EUU"),
        ("European Union", "EUU"),
        ("Republic of Korea", "KOR"),
        ("Côte d’Ivoire", "CIV"),
        ("Viet Nam", "VNM"),
        ("Bolivia (Plurinational State of)", "BOL"),
    ],
)
def test_names_resolve(text: str, iso3: str) -> None:
    found = resolve_country(text)
    assert found is not None and found[1] == iso3


def test_european_union_name() -> None:
    assert resolve_country("Union européenne") == ("European Union", "EUU")


def test_non_country_does_not_resolve() -> None:
    assert resolve_country("Ministry of Culture") is None


def test_country_found_inside_an_agency_name() -> None:
    text = "Ministry of Culture of the Republic of Azerbaijan"
    match = find_country(text)
    assert match is not None and match.iso3 == "AZE"
    assert text[match.start : match.end].endswith("Azerbaijan")
    assert find_country("Mechanisms of regular consultation with civil society") is None
