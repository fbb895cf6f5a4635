"""Values the form leaves blank, inferred from the text: always marked `inferred`, with their
evidence, and never replacing what the form says."""

from __future__ import annotations

import pytest
from form_labels import english_record

from pipeline import extract_bytes
from pipeline.inference import infer_entity_type
from schemas import Measure

MUSIC_TEXT = (
    "The fund supports musicians in every region. Each year twelve concerts are organised in "
    "small towns."
)


def measure_of(text: str) -> tuple[Measure, str]:
    record = extract_bytes(text.encode("utf-8"), "record.txt", include_text=True)
    assert record.text is not None
    return record.measures[0], record.text


def test_a_domain_named_in_two_places_is_inferred_with_every_evidence_span() -> None:
    measure, text = measure_of(
        english_record(
            title="Regional Stages Fund",
            head=("Ministry of Culture",),
            description=MUSIC_TEXT,
            results="More audiences came.",
        )
    )
    (domain,) = measure.cultural_domains
    assert (domain.code.value, domain.source.value) == ("music", "inferred")
    assert [text[span.start : span.end] for span in domain.evidence] == ["musicians", "concerts"]
    assert domain.span == domain.evidence[0] and domain.raw == "musicians"


def test_one_passing_word_is_not_enough() -> None:
    measure, _ = measure_of(
        english_record(
            title="Regional Stages Fund",
            head=("Ministry of Culture",),
            description="The fund pays for one concert a year in each region.",
            results="More audiences came.",
        )
    )
    assert measure.cultural_domains == []


def test_the_title_alone_is_evidence_enough() -> None:
    measure, _ = measure_of(
        english_record(
            title="National Film Fund",
            head=("Ministry of Culture",),
            description="Grants are given each year to independent producers.",
            results="More producers applied.",
        )
    )
    assert [d.code.value for d in measure.cultural_domains] == ["cinema_audiovisual"]


def test_what_the_form_says_is_never_replaced() -> None:
    measure, _ = measure_of(
        english_record(
            title="Regional Stages Fund",
            head=("Ministry of Culture",),
            description=MUSIC_TEXT,
            results="More audiences came.",
            domains=("Performing Arts",),
        )
    )
    assert [(d.code.value, d.source.value) for d in measure.cultural_domains] == [
        ("performing_arts", "form")
    ]


def test_target_groups_are_inferred_from_the_text() -> None:
    measure, _ = measure_of(
        english_record(
            title="Creative Skills Programme",
            head=("Ministry of Culture",),
            description="Workshops for young people in rural areas. Young people lead each "
            "project, and half of the places go to villages.",
            results="Four hundred young people took part.",
        )
    )
    assert {p.code.value for p in measure.transversal_priorities} >= {"youth", "rural_communities"}
    assert all(p.source.value == "inferred" for p in measure.transversal_priorities)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ministry of Culture and Tourism", "public_sector"),
        ("Ministère de la Culture", "public_sector"),
        ("Consejo Nacional de la Cultura", "public_sector"),
        ("Kumasi Arts Guild", "civil_society"),
        ("Association des éditeurs du Sénégal", "civil_society"),
        ("National Union of Musicians", "civil_society"),
        ("Gold Coast Records", "private_sector"),
        ("Sahel Productions SARL", "private_sector"),
        ("European Union", "other"),
        ("Université Cheikh Anta Diop", "other"),
        ("Oasis", None),
    ],
)
def test_a_partner_s_type_is_read_from_its_name(name: str, code: str | None) -> None:
    assert infer_entity_type(name) == code


def test_a_partner_without_a_type_gets_an_inferred_one_and_keeps_its_warning() -> None:
    record = extract_bytes(
        english_record(
            title="Regional Stages Fund",
            head=("Ministry of Culture",),
            description="Grants.",
            results="More audiences came.",
            partners=(("Ministry of Finance", ""), ("Oasis", "")),
        ).encode("utf-8"),
        "record.txt",
    )
    partners = record.measures[0].partners
    assert [(p.name, p.entity_type, p.source.value) for p in partners] == [
        ("Ministry of Finance", "public_sector", "inferred"),
        ("Oasis", None, "form"),
    ]
    warnings = [i.message for i in record.issues if i.code.value == "partner_type_missing"]
    assert len(warnings) == 2 and "inferred from its name" in warnings[0]


def test_the_2012_form_s_expected_results_are_read_like_results() -> None:
    """The 2012-2016 form's expected results stand in for the results: their entities and
    their evidence count as the results' do."""
    text = (
        "National Music Fund\n"
        "Main feature of the measure:\nGrants for bands. Concerts are held in every region.\n"
        "Results expected through the implementation of the measure:\n"
        "More concerts, organised with the Ministry of Culture in Accra.\n"
    )
    measure, document = measure_of(text)
    assert measure.results is not None and measure.results.startswith("More concerts")
    results_entities = {(e.text, e.label) for e in measure.entities if e.field == "results"}
    assert ("Ministry of Culture", "ORG") in results_entities
    (music,) = measure.cultural_domains
    assert [document[span.start : span.end] for span in music.evidence] == [
        "Music",
        "Concerts",
        "concerts",
    ]
