"""Layouts that real public pages show and our samples did not (issue #13), each rebuilt with
invented text of the same shape: never a real page's words. Each test fails without the fix
for its layout; where a layout occurs under several form languages, each is tried.
"""

from __future__ import annotations

import pytest
from form_labels import (
    EN_BUDGET,
    EN_DESC,
    EN_RESULTS,
    FR_BUDGET,
    FR_DESC,
    FR_RESULTS,
    label,
)

from pipeline import extract_bytes
from schemas import ReportRecord

ES_DESC = "Describe the main features of the policy/measure:"  # Spanish pages keep English labels

# The 2012-2016 form's labels, which exist in all three languages (form-reference.md §2).
OLD_FORM = {
    "en": ("Key objectives of the measure:", "Main feature of the measure:"),
    "fr": ("Objectifs clefs de la mesure:", "Principale caractéristique de la mesure:"),
    "es": ("Objetivos clave de la medida:", "Característica principal de la medida:"),
}
CONTENT = {
    "en": "The scheme funds touring circuits for small theatre companies in border towns, "
    "with a rehearsal grant and help with transport and lodging.",
    "fr": "Le dispositif finance des circuits de tournée pour les petites compagnies de théâtre "
    "des villes frontalières, avec une aide aux répétitions et au transport.",
    "es": "El programa financia circuitos de gira para pequeñas compañías de teatro en ciudades "
    "fronterizas, con una ayuda para ensayos, transporte y alojamiento.",
}
LABELS_2020 = {
    "en": (EN_DESC, EN_RESULTS, EN_BUDGET),
    "fr": (FR_DESC, FR_RESULTS, FR_BUDGET),
    "es": (ES_DESC, EN_RESULTS, EN_BUDGET),
}


def extract_text(text: str, name: str = "page.txt") -> ReportRecord:
    return extract_bytes(text.encode("utf-8"), name)


def web_record(header: list[str], language: str) -> str:
    """A 2020+ platform page: header lines, a blank line, then the labelled body."""
    description, results, budget = LABELS_2020[language]
    return "\n".join(
        [
            *header,
            "",
            label(description),
            "",
            CONTENT[language],
            "",
            label(results),
            "",
            "Eleven towns joined the circuit in its first two seasons.",
            "",
            label(budget),
            "",
            "85 000",
        ]
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "title",
    [
        "Border Stages Touring Circuit, 2019 to 2023",
        "Border Stages Programme: 2014-2017; 2018-2021",
        "The adoption of the National Theatre Plan 2020-2026",
    ],
)
def test_a_title_carrying_a_period_of_years_stays_the_title(title, language):
    record = extract_text(web_record([title, "", "Office for Stage Arts"], language))
    measure = record.measures[0]
    assert (measure.title, measure.agency) == (title, "Office for Stage Arts")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_first_title_ending_with_a_full_stop_stays_the_title(language):
    title = "Stage Grants for Border Towns (Touring Aid) – a strand of the Arts Support Scheme."
    record = extract_text(web_record([title, "", "Ministry of Stage Arts"], language))
    measure = record.measures[0]
    assert (measure.title, measure.agency) == (title, "Ministry of Stage Arts")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "body",
    ["National Directorate of Stage Arts", "the Northern Theatre and Touring Council"],
)
def test_a_page_cut_above_its_title_starts_with_the_agency(body, language):
    record = extract_text(web_record([body], language))
    measure = record.measures[0]
    assert (measure.title, measure.agency) == (None, body)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_lone_title_naming_no_body_stays_the_title(language):
    title = "Public Service Stages Charter"  # `Service` is no head here: a title, not a body
    record = extract_text(web_record([title], language))
    assert (record.measures[0].title, record.measures[0].agency) == (title, None)
