"""The label matcher: tolerant of form quirks, never fooled by free text."""

from __future__ import annotations

import pytest

from pipeline.blocks import Block, table_row
from pipeline.labels import is_boilerplate, label_fields, match_line
from pipeline.normalize import normalize
from pipeline.segment import find_labels
from pipeline.tables import load_table


def lines_of(*texts: str):
    return normalize([Block(text) for text in texts]).lines


@pytest.mark.parametrize(
    ("text", "field", "language"),
    [
        ("Describe the main features of the policy/measure:\u00a0", "description", "en"),
        ("Décrivez les principales caractéristiques de la politique/mesure:", "description", "fr"),
        ("DESCRIBE THE MAIN FEATURES OF THE POLICY/MEASURE ?:", "description", "en"),
        (
            "Quels sont les résultats atteints jusqu'à présent grâce à la mise en oeuvre de la "
            "politique/mesure ?:",
            "results",
            "fr",
        ),
        ("c.3. Main feature of the measure:", "description", "en"),
        ("f.1 Name of agency responsible for the implementation of the measure", "agency", "en"),
        ("b. Objetivos clave de la medida:", "key_objectives", "es"),
        ("Financial resources allocated to the policy", "budget", "en"),
        ("Results achieved", "results", "en"),
        ("Où", "country", "fr"),
        ("Dónde", "country", "es"),
        ("Nom du partenaireType d'entité", "partner_header", "fr"),
        ("Name of partner | Type of entity |", "partner_header", "en"),
        ("Está medida ha sido notificada por la sociedad civil.", "civil_society_banner", "es"),
    ],
)
def test_label_variants_are_matched(text: str, field: str | None, language: str | None) -> None:
    match = match_line(lines_of(text), 0)
    if field is None:
        assert match is None
    else:
        assert match is not None
        assert (match.field, match.language) == (field, language)


@pytest.mark.parametrize(
    "text",
    [
        "Main aims: to support young composers",
        "Target groups:",
        "Expected results: more festivals",
        "The ministry describes the main features of the policy/measure in its annual plan.",
        "Who benefits most from the fund is decided by a jury.",
        "1. Results achieved in the regions were uneven",
    ],
)
def test_free_text_is_not_a_label(text: str) -> None:
    assert match_line(lines_of(text), 0) is None


def test_inline_value_after_colon() -> None:
    lines = lines_of("Where: Azerbaijan")
    match = match_line(lines, 0)
    assert match is not None and match.field == "country"
    assert match.inline_start == lines[0].start + len("Where: ")


def test_label_wrapped_over_two_lines() -> None:
    lines = lines_of(
        "What are the results achieved so far through the implementation",
        "of the policy/measure?:",
        "Many results.",
    )
    labels = find_labels(lines)
    assert [(label.field, label.first_line, label.last_line) for label in labels] == [
        ("results", 0, 1)
    ]


def test_label_in_a_table_row_with_its_value() -> None:
    lines = normalize([table_row(["Who", "Ministry of Culture"])]).lines
    match = match_line(lines, 0)
    assert match is not None and match.field == "agency"
    assert match.inline_start == lines[0].cells[1].start


def test_boilerplate_lines() -> None:
    lines = lines_of("Read the full report", "© UNESCO 2024", "Music")
    assert [is_boilerplate(line) for line in lines] == [True, True, False]


def test_lexicon_has_no_wording_under_two_fields() -> None:
    from pipeline.normalize import match_key

    seen: dict[str, str] = {}
    for field, languages in load_table("labels").items():
        for variants in languages.values():
            for text in variants:
                key = match_key(text)
                assert seen.setdefault(key, field) == field, (
                    f"{text!r} is under {seen[key]} and {field}"
                )
    assert {"description", "results", "budget", "partners", "evaluated"} <= label_fields()
