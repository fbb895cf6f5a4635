"""Form language from the labels, content language from the text; both deterministic."""

from __future__ import annotations

from pipeline.labels import LabelMatch
from pipeline.language import content_language, detect_language, form_language


def label(field: str, language: str) -> LabelMatch:
    return LabelMatch(field, language, 0, 0, field)


def test_form_language_counts_distinct_fields() -> None:
    labels = [
        label("description", "fr"),
        label("description", "fr"),
        label("results", "fr"),
        label("country", "es"),
        label("agency", "es"),
        label("budget", "en"),
    ]
    assert form_language(labels) == (None, {"en": 0.2, "es": 0.4, "fr": 0.4})
    labels.append(label("partners", "fr"))
    assert form_language(labels)[0] == "fr"


def test_short_text_is_not_guessed() -> None:
    assert detect_language("Oui") is None
    assert detect_language("Programme national") is None


def test_languages_are_detected_the_same_way_every_time() -> None:
    text = "Le programme soutient les artistes émergents dans toutes les régions du pays."
    assert {detect_language(text) for _ in range(5)} == {"fr"}
    assert (
        detect_language("El programa apoya a los artistas emergentes en todas las regiones.")
        == "es"
    )


def test_content_language_reuses_agreeing_fields() -> None:
    assert content_language({"description": "en", "results": "en"}, ["x"]) == "en"
    mixed = ["The programme supports young artists across the regions of the country every year."]
    assert content_language({"description": "en", "results": None}, mixed) == "en"
