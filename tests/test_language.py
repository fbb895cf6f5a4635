"""Form language from the labels, content language from the text; both deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest
from form_labels import english_record

from pipeline import extract_bytes, extract_file
from pipeline.labels import LabelMatch
from pipeline.language import content_language, detect_language, form_language

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


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


def _record(description: str, results: str) -> bytes:
    return english_record(
        title="Programme", head=("Ministry",), description=description, results=results
    ).encode("utf-8")


def test_a_record_in_another_language_gets_that_language() -> None:
    portuguese = extract_bytes(
        _record(
            "O programa apoia grupos de música tradicional nas comunidades do interior do país, "
            "com bolsas anuais e oficinas de formação para jovens artistas.",
            "Mais de cem grupos receberam apoio e três festivais regionais foram criados.",
        ),
        "pt.txt",
    )
    arabic = extract_bytes(
        _record(
            "يدعم البرنامج الفرق الموسيقية التقليدية في المناطق الريفية من خلال منح سنوية "
            "وورش تدريبية للفنانين الشباب في جميع أنحاء البلاد.",
            "حصلت أكثر من مائة فرقة على الدعم وتم إنشاء ثلاثة مهرجانات إقليمية جديدة.",
        ),
        "ar.txt",
    )
    assert (portuguese.languages.form, portuguese.languages.content) == ("en", "pt")
    assert arabic.languages.content == "ar"
    assert arabic.measures[0].languages == {"description": "ar", "results": "ar"}


def test_a_mixed_document_gives_each_language_its_share() -> None:
    record = extract_file(SAMPLES / "reports" / "madagascar-2020-fr.docx")
    assert record.languages.content == "fr"
    assert set(record.languages.content_shares) == {"en", "fr"}
    assert record.languages.content_shares["fr"] > record.languages.content_shares["en"] > 0.1
    assert sum(record.languages.content_shares.values()) == pytest.approx(1.0, abs=1e-3)


def test_a_short_field_gets_no_language() -> None:
    record = extract_bytes(_record("Grants for bands.", "Ten bands."), "short.txt")
    assert record.measures[0].languages == {"description": None, "results": None}
    assert record.languages.content is None and record.languages.content_shares == {}
