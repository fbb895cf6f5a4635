"""Conformance of emitted records to the value rules of docs/record.md, one rule per case.

Every document is original text built in memory (docs/form.md §2-§4 shapes). The cases
complement tests/test_variations.py and tests/test_format_variations.py: they probe the rules
themselves (what a value looks like, what goes in `amounts`, which issue is raised, how the
record and its JSON are laid out), not the many layouts a record can arrive in.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from importlib.metadata import version as package_version
from pathlib import Path

import pytest
from form_labels import (
    EN_BUDGET,
    EN_DESC,
    EN_RESULTS,
    FR_BUDGET,
    FR_EVALUATED,
    GOAL_1,
    NBSP,
    english_record,
    label,
)

from pipeline import extract_bytes, record_json
from schemas import ReportRecord
from schemas.common import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]

# Labels exactly as the form prints them (docs/form.md §2).


# Original content.
TITLE = "Community Radio Music Fund"
AGENCY = "National Broadcasting Authority"
DESCRIPTION = (
    "The fund pays community radio stations to record and broadcast concerts by local "
    "musicians, and trains volunteers in live sound engineering. Stations apply once a year "
    "and receive a grant for twelve concerts."
)
RESULTS = (
    "Thirty-one stations have recorded 370 concerts since 2021, and 85 volunteers completed "
    "the sound engineering course; two stations now run their own music festival."
)
CONCLUSIONS = (
    "The evaluation recommended opening the fund to online-only community stations and "
    "paying musicians a fixed minimum fee for every broadcast."
)
FR_TEXT = {
    "description": (
        "Le fonds finance des résidences de traduction pour des traducteurs littéraires venus "
        "de pays francophones, qui séjournent trois mois dans une maison d’écrivains et "
        "rencontrent des éditeurs et des lecteurs dans les bibliothèques de la région."
    ),
    "results": (
        "Depuis sa création, quarante-deux traducteurs ont été accueillis et vingt-huit "
        "ouvrages traduits ont été publiés par des maisons d’édition indépendantes."
    ),
    "conclusions": (
        "L’évaluation recommande d’allonger la durée des résidences et de mieux faire "
        "connaître le programme auprès des éditeurs étrangers."
    ),
}
ES_CONCLUSIONS = (
    "La evaluación recomendó ampliar la convocatoria a las emisoras comunitarias que solo "
    "transmiten por internet y fijar una remuneración mínima para los músicos."
)


def record_text(
    *,
    title: str | None = TITLE,
    head: tuple[str, ...] = (AGENCY,),
    description: str = DESCRIPTION,
    website: str | None = None,
    results: str = RESULTS,
    budget_label: str = EN_BUDGET,
    budget: str | None = "48 000",
    partners: tuple[tuple[str, str], ...] = (
        ("Community Media Forum", "Civil Society Organization (CSO)"),
    ),
    evaluated: str | None = "YES",
    conclusions: str | None = CONCLUSIONS,
    goals: tuple[str, ...] = (GOAL_1,),
    domains: tuple[str, ...] = ("Music",),
) -> str:
    """An English 2020+ record with this module's content; see `english_record`."""
    return english_record(
        title=title,
        head=head,
        description=description,
        website=website,
        results=results,
        budget_label=budget_label,
        budget=budget,
        partners=partners,
        evaluated=evaluated,
        conclusions=conclusions,
        goals=goals,
        domains=domains,
    )


def extract(text: str, filename: str = "measure.txt", **kwargs: bool) -> ReportRecord:
    return extract_bytes(text.encode("utf-8"), filename, **kwargs)


def measure_of(text: str):
    record = extract(text)
    assert record.measures, f"no measure extracted: {record.issues}"
    return record.measures[0]


def issues_named(record: ReportRecord, code: str) -> list:
    return [issue for issue in record.issues if issue.code.value == code]


def budget_of(raw: str, budget_label: str = EN_BUDGET):
    record = extract(record_text(budget=raw, budget_label=budget_label))
    return record, record.measures[0].budget


# =============================================================================================
# Text values: the source's text (NFC, whitespace collapsed, breaks kept), nothing else
# =============================================================================================


def test_text_values_are_nfc_and_compatibility_characters_are_not_folded() -> None:
    title = "Ley N.º 1.493 – Fondo para la creación escénica"
    description = (
        "Salas de hasta 120 m² reciben una ayuda para la creación; el acuerdo… entra en vigor "
        "en 2022 y cubre la música, la danza y el teatro en todas las regiones del país."
    )
    decomposed = record_text(
        title=unicodedata.normalize("NFD", title),
        head=(unicodedata.normalize("NFD", "Ministerio de Cultura de Panamá"),),
        description=unicodedata.normalize("NFD", description),
    )
    record = extract(decomposed)
    measure = record.measures[0]
    assert measure.title == title  # composed (NFC); º, – kept, never NFKC's "o"
    assert measure.agency == "Ministerio de Cultura de Panamá"
    assert measure.description == description  # m² and … kept as written
    # composing characters is not a mojibake repair
    assert issues_named(record, "text_repaired") == []


def test_whitespace_runs_collapse_inside_values_and_paragraph_breaks_stay() -> None:
    results = (
        f"Thirty-one\tstations   recorded{NBSP}{NBSP}370 concerts.\nTwo  stations run a festival."
    )
    conclusions = "First paragraph of the review.\n\nSecond  paragraph:\t fees."
    measure = measure_of(record_text(results=results, conclusions=conclusions))
    assert (
        measure.results
        == "Thirty-one stations recorded 370 concerts.\nTwo stations run a festival."
    )
    value = measure.evaluation.conclusions or ""
    assert re.fullmatch(r"First paragraph of the review\.\n+Second paragraph: fees\.", value), value


def test_apostrophes_quotes_accents_and_case_are_kept_and_nothing_is_flagged_as_repaired() -> None:
    title = "« Lire en fête » : l’été des librairies d'Haïti"
    agency = "Ministère de la Culture et de l’Éducation artistique"
    description = (
        "Le programme « Lire en fête » soutient les librairies : « un livre, une rencontre ». "
        'Les lecteurs disent "merci" et les libraires parlent d’un “nouveau souffle”, '
        "c'est-à-dire d’un public plus jeune. L'ŒUVRE DE L’ANNÉE est choisie par un jury naïf."
    )
    record = extract(
        record_text(title=title, head=(agency,), description=description, conclusions=None)
    )
    measure = record.measures[0]
    assert measure.title == title
    assert measure.agency == agency
    assert measure.description == description
    assert issues_named(record, "text_repaired") == []


def test_title_numbering_and_numbered_lines_in_values_are_kept() -> None:
    description = (
        "The fund has three strands:\n"
        "1. recording grants for stations;\n"
        "2. a sound engineering course;\n"
        "c. a yearly festival of community radio music."
    )
    measure = measure_of(
        record_text(title="3. Community Radio Music Fund", description=description)
    )
    assert measure.title == "3. Community Radio Music Fund"
    assert measure.description == description


def test_mojibake_is_repaired_in_every_field_with_a_text_repaired_issue() -> None:
    clean = record_text(
        title="Aide à l’édition des premières œuvres",
        head=("Où", "Sénégal", "Qui", "Ministère de la Culture et du Patrimoine historique"),
        description=FR_TEXT["description"],
        results=FR_TEXT["results"],
        budget="€ 40 000",
        conclusions=FR_TEXT["conclusions"],
    )
    garbled = clean.encode("utf-8").decode("cp1252").encode("utf-8")
    record = extract_bytes(garbled, "mojibake.txt")
    measure = record.measures[0]
    assert measure.title == "Aide à l’édition des premières œuvres"
    assert measure.agency == "Ministère de la Culture et du Patrimoine historique"
    assert measure.country is not None and measure.country.iso3 == "SEN"
    assert measure.description == FR_TEXT["description"]
    assert measure.results == FR_TEXT["results"]
    assert measure.evaluation.conclusions == FR_TEXT["conclusions"]
    assert measure.budget.raw == "€ 40 000" and measure.budget.currency == "EUR"
    assert issues_named(record, "text_repaired")


# =============================================================================================
# Agency
# =============================================================================================


def test_several_bodies_are_joined_in_document_order() -> None:
    bodies = (
        "Zambia National Arts Council",
        "Ministry of Youth, Sport and Arts",
        "Lusaka City Council",
    )
    measure = measure_of(record_text(head=bodies))
    assert (
        measure.agency
        == "Zambia National Arts Council; Ministry of Youth, Sport and Arts; Lusaka City Council"
    )


@pytest.mark.parametrize(
    ("head", "agency"),
    [
        (("Go to full report", AGENCY, "Read the full report"), AGENCY),
        (
            (
                "This measure was reported by civil society.",
                "Where",
                "Kenya",
                "When",
                "Who",
                "Kenya Community Media Network",
            ),
            "Kenya Community Media Network",
        ),
    ],
    ids=["link-text-around-the-agency", "banner-country-and-an-empty-when"],
)
def test_links_banner_country_and_where_when_who_labels_are_never_agency(
    head: tuple[str, ...], agency: str
) -> None:
    measure = measure_of(record_text(head=head))
    assert measure.agency == agency
    assert measure.title == TITLE
    if "Kenya" in head:
        assert measure.country is not None and measure.country.iso3 == "KEN"
        assert measure.year is None
        assert measure.reported_by_civil_society is True


# =============================================================================================
# Country
# =============================================================================================


@pytest.mark.parametrize(
    ("where", "line", "who", "name", "iso3"),
    [
        ("Où", "Union européenne", "Qui", "European Union", "EUU"),
        ("Où", "Émirats arabes unis", "Qui", "United Arab Emirates", "ARE"),
        ("Dónde", "Alemania", "Quién", "Germany", "DEU"),
    ],
)
def test_country_is_the_english_short_name_and_alpha_3(
    where: str, line: str, who: str, name: str, iso3: str
) -> None:
    measure = measure_of(record_text(head=(where, line, who, AGENCY)))
    assert measure.country is not None
    assert (measure.country.name, measure.country.iso3) == (name, iso3)
    assert measure.agency == AGENCY


# =============================================================================================
# budget.amount and budget.amounts
# =============================================================================================


def test_a_single_figure_in_prose_is_the_amount() -> None:
    _, budget = budget_of("The ministry set aside EUR 85 000 from its culture budget for the fund.")
    assert budget.status.value == "stated"
    assert budget.amount == 85000 and budget.currency == "EUR"
    assert [(a.value, a.currency) for a in budget.amounts] == [(85000, "EUR")]


def test_an_explicit_total_after_per_funder_figures_is_the_amount() -> None:
    _, budget = budget_of(
        "Ministry of Culture: EUR 40 000; City of Lyon: EUR 10 000; Total: EUR 50 000"
    )
    assert budget.amount == 50000 and budget.currency == "EUR"
    assert [(a.value, a.currency) for a in budget.amounts] == [
        (40000, "EUR"),
        (10000, "EUR"),
        (50000, "EUR"),
    ]


def test_per_funder_figures_without_a_total_give_no_amount_and_keep_their_funder() -> None:
    record, budget = budget_of("4500 USD - Ministry of Culture\n12 000 USD - Arts Council")
    assert budget.status.value == "stated"
    assert budget.amount is None and budget.currency is None
    assert [(a.value, a.currency, a.conversion) for a in budget.amounts] == [
        (4500, "USD", False),
        (12000, "USD", False),
    ]
    assert "Ministry of Culture" in (budget.amounts[0].note or "")
    assert "Arts Council" in (budget.amounts[1].note or "")
    assert issues_named(record, "budget_without_total")


@pytest.mark.parametrize(
    ("raw", "values"),
    [
        ("A maximum of EUR 30,000 per project", [30000]),
        ("USD 10,000–20,000 depending on the station", [10000, 20000]),
    ],
    ids=["cap", "range-with-en-dash"],
)
def test_a_cap_or_a_range_gives_no_amount_but_keeps_its_figures(raw: str, values: list) -> None:
    _, budget = budget_of(raw)
    assert budget.status.value == "stated"
    assert budget.amount is None and budget.currency is None
    assert [a.value for a in budget.amounts] == values


def test_conversion_figures_are_flagged_and_never_summed() -> None:
    record, budget = budget_of(
        "15.000 EUR (17,500.00 USD) - Ministry of Culture\n4500 USD - Goethe Foundation"
    )
    assert [(a.value, a.currency, a.conversion) for a in budget.amounts] == [
        (15000, "EUR", False),
        (17500, "USD", True),
        (4500, "USD", False),
    ]
    assert budget.amount is None and budget.currency is None
    assert issues_named(record, "budget_without_total")


# =============================================================================================
# budget.currency
# =============================================================================================


def test_french_label_in_dollars_gives_usd_with_an_info_issue() -> None:
    record, budget = budget_of("48 000", budget_label=FR_BUDGET)
    assert budget.amount == 48000 and budget.currency == "USD"
    assert [i.severity.value for i in issues_named(record, "currency_from_label")] == ["info"]


def test_2012_2016_label_names_no_currency_so_currency_stays_null() -> None:
    text = "\n".join(
        [
            "Programa de Radios Comunitarias",
            label("Objetivos clave de la medida:"),
            "Dar a las radios comunitarias los medios para grabar y difundir música local.",
            label("Característica principal de la medida:"),
            "Subvenciones anuales para grabar conciertos y formar a voluntarios en sonido.",
            label("Recursos financieros asignados para implementar la medida:"),
            "300.000",
        ]
    )
    record = extract(text)
    budget = record.measures[0].budget
    assert budget.amount == 300000
    assert budget.currency is None
    assert issues_named(record, "currency_from_label") == []


def test_a_currency_named_in_the_value_wins_over_the_label() -> None:
    record, budget = budget_of("75 000 €", budget_label=FR_BUDGET)
    assert budget.amount == 75000 and budget.currency == "EUR"
    assert [a.currency for a in budget.amounts] == ["EUR"]
    assert issues_named(record, "currency_from_label") == []


# =============================================================================================
# Number separators
# =============================================================================================


@pytest.mark.parametrize(
    ("raw", "amount"),
    [("123.456", 123456), ("1,250", 1250), ("1.25", 1.25), ("1 234,56", 1234.56)],
)
def test_number_separators_thousands_versus_decimal_mark(raw: str, amount: float) -> None:
    _, budget = budget_of(raw)
    assert budget.amount == pytest.approx(amount)
    assert [a.value for a in budget.amounts] == [pytest.approx(amount)]


# =============================================================================================
# evaluated
# =============================================================================================


@pytest.mark.parametrize(
    ("answer", "conclusions", "expected"),
    [
        ("En cours", CONCLUSIONS, None),
        ("", "No evaluation has been carried out so far; one is planned for 2026.", None),
    ],
    ids=["in-progress-is-no-answer", "blank-with-negative-conclusions"],
)
def test_evaluated_only_from_an_explicit_answer(
    answer: str, conclusions: str, expected: bool | None
) -> None:
    measure = measure_of(record_text(evaluated=answer, conclusions=conclusions))
    assert measure.evaluation.evaluated is expected


# =============================================================================================
# Languages
# =============================================================================================


def test_form_language_counts_distinct_labels_not_occurrences() -> None:
    text = "\n".join(
        [
            "Résidences de traduction",
            "Où",
            "Sénégal",
            "Quand",
            "2022",
            "Qui",
            "Ministère de la Culture",
            label(EN_DESC),
            FR_TEXT["description"],
            label(EN_RESULTS),
            FR_TEXT["results"],
            label(EN_DESC),
            FR_TEXT["description"],
            label(EN_RESULTS),
            FR_TEXT["results"],
        ]
    )
    record = extract(text)
    assert record.languages.form == "fr"
    assert record.languages.shares == {"en": pytest.approx(0.4), "fr": pytest.approx(0.6)}


def test_form_language_tie_is_null_with_an_issue_and_an_even_split() -> None:
    text = "\n".join(
        [
            TITLE,
            AGENCY,
            label(EN_DESC),
            DESCRIPTION,
            label(EN_RESULTS),
            RESULTS,
            label(FR_BUDGET),
            "48 000",
            label(FR_EVALUATED),
            "Oui",
        ]
    )
    record = extract(text)
    assert record.languages.form is None
    assert record.languages.shares == {"en": pytest.approx(0.5), "fr": pytest.approx(0.5)}
    assert issues_named(record, "form_language_tie")


def test_content_language_comes_from_the_free_text_only() -> None:
    text = record_text(
        title="National Programme for Literary Translation Residencies in Regional Writers' Houses",
        head=("Ministry of Culture and the National Centre for Books and Reading",),
        description=FR_TEXT["description"],
        results=FR_TEXT["results"],
        conclusions=FR_TEXT["conclusions"],
        partners=(
            (
                "Association of Literary Translators of the Francophone World",
                "Civil Society Organization (CSO)",
            ),
            ("Regional Council of the Western Provinces", "Public Sector"),
        ),
    )
    record = extract(text)
    assert record.languages.content == "fr"
    assert record.languages.form == "en"
    assert record.languages.shares == {"en": pytest.approx(1.0)}


@pytest.mark.parametrize(
    "text",
    [
        record_text(description="Voir annexe 2.", results="En cours.", evaluated=None),
        "\n".join(
            [
                "Programme of Community Radio Grants",
                label("Key objectives of the measure:"),
                DESCRIPTION,
                label("Main feature of the measure:"),
                "Voir annexe 2.",
                label("Results expected through the implementation of the measure:"),
                "En cours.",
            ]
        ),
    ],
    ids=["2020-form", "2012-form-with-long-key-objectives"],
)
def test_content_language_is_null_below_about_forty_letters(text: str) -> None:
    # the content is description + results + conclusions (docs/record.md): here 17 letters
    record = extract(text)
    assert record.languages.content is None
    measure = record.measures[0]
    assert measure.languages.get("description") is None
    assert measure.languages.get("results") is None


def test_each_free_text_field_has_its_own_language() -> None:
    measure = measure_of(
        record_text(
            results=FR_TEXT["results"] + " " + FR_TEXT["conclusions"], conclusions=ES_CONCLUSIONS
        )
    )
    assert measure.languages["description"] == "en"
    assert measure.languages["results"] == "fr"
    assert measure.languages["conclusions"] == "es"


# =============================================================================================
# Record status
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (record_text(), "ok"),
        ("\n".join([label(EN_DESC), DESCRIPTION, label(EN_RESULTS), RESULTS]), "partial"),
    ],
    ids=["full-record-with-an-info-issue", "no-title"],
)
def test_status_is_partial_exactly_when_an_issue_is_an_error(text: str, status: str) -> None:
    record = extract(text)
    severities = {issue.severity.value for issue in record.issues}
    assert record.status.value == status
    assert ("error" in severities) == (status == "partial")
    if status == "ok":
        assert severities, "the full record should carry a non-error issue (currency_from_label)"


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"", "empty.txt"),
        (
            b"Dear colleagues,\nplease find attached the minutes of our meeting of 3 May.\n"
            b"Kind regards.\n",
            "letter.txt",
        ),
    ],
    ids=["empty", "no-form-labels"],
)
def test_nothing_read_is_failed_with_an_error_and_no_measures(data: bytes, filename: str) -> None:
    record = extract_bytes(data, filename)
    assert record.status.value == "failed"
    assert record.measures == []
    assert [i.severity.value for i in record.issues] == ["error"]
    assert record.source.sha256 == hashlib.sha256(data).hexdigest()
    assert record.schema_version == SCHEMA_VERSION == "1.6"


# =============================================================================================
# Identity, provenance and layout of the record
# =============================================================================================


def test_measure_id_is_derived_from_the_bytes_and_index_only() -> None:
    text = record_text()
    first = extract(text, "a.txt").measures[0]
    again = extract(text, "a.txt").measures[0]
    renamed = extract(text, "other-name.txt").measures[0]
    changed = extract(text.replace("\n", "\r\n"), "a.txt").measures[0]
    assert first.index == 0
    assert first.measure_id == again.measure_id == renamed.measure_id
    assert changed.measure_id != first.measure_id
    assert not re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", first.measure_id
    )


def test_extractor_is_qpr_with_package_version_plus_data_hash() -> None:
    record = extract(record_text())
    other = extract(record_text(title="Another title"))
    assert record.extractor.name == "qpr"
    package = package_version("qpr")
    assert record.extractor.version.startswith(package + "+")
    assert re.search(r"[0-9a-f]{6,}", record.extractor.version[len(package) :])
    assert other.extractor.version == record.extractor.version


def test_source_describes_the_input_bytes() -> None:
    data = record_text().encode("utf-8")
    record = extract_bytes(data, "Rapport périodique – mesure 3.txt")
    assert record.source.model_dump() == {
        "filename": "Rapport périodique – mesure 3.txt",
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": "txt",
        "size_bytes": len(data),
        "pages": None,
    }


def test_report_level_fields_are_all_null_for_a_single_measure() -> None:
    record = extract(record_text(head=("Where", "Kenya", "When", "2021", "Who", AGENCY)))
    assert record.measures[0].country is not None
    assert json.loads(record_json(record))["report"] == {
        "party": None,
        "period": None,
        "year": None,
        "ratification_date": None,
        "contact": None,
        "consultation_process": None,
        "executive_summary": None,
    }


def test_scalar_spans_slice_the_normalised_text_to_the_value() -> None:
    text = record_text(
        head=("Where", "Kenya", "When", "2021", "Who", AGENCY),
        description="The fund  pays\tstations.\nIt also trains volunteers in live sound engineering.",
        website="https://radio-fund.example.org/music",
        budget="USD 48,000",
    )
    record = extract(text, include_text=True)
    assert record.text is not None
    measure = record.measures[0]
    sliced = {field: record.text[span.start : span.end] for field, span in measure.spans.items()}
    expected = {
        "title": measure.title,
        "agency": measure.agency,
        "description": measure.description,
        "website": measure.website,
        "results": measure.results,
        "conclusions": measure.evaluation.conclusions,
        "budget": measure.budget.raw,
        "country": "Kenya",
        "year": "2021",
    }
    assert {field: sliced.get(field) for field in expected} == expected


def test_list_items_carry_their_own_span_into_the_normalised_text() -> None:
    text = record_text(
        budget="4500 USD - Ministry of Culture\n12 000 USD - Arts Council",
        partners=(
            ("Community Media Forum", "Civil Society Organization (CSO)"),
            ("SoundWorks Ltd", "Private Sector"),
        ),
        domains=("Music", "Performing Arts"),
    )
    record = extract(text, include_text=True)
    assert record.text is not None
    measure = record.measures[0]
    for partner in measure.partners:
        assert (
            partner.span is not None
            and partner.name in record.text[partner.span.start : partner.span.end]
        )
    for amount, digits in zip(measure.budget.amounts, ("4500", "12 000"), strict=True):
        assert (
            amount.span is not None and digits in record.text[amount.span.start : amount.span.end]
        )
    for value in [*measure.goals, *measure.cultural_domains]:
        assert (
            value.span is not None and record.text[value.span.start : value.span.end] == value.raw
        )


def test_json_keys_come_in_the_contract_order_with_the_schema_version() -> None:
    text = record_text(head=("Où", "Sénégal", AGENCY), website="https://radio-fund.example.org")
    document = json.loads(record_json(extract(text)))
    assert document["schema_version"] == SCHEMA_VERSION
    assert list(document) == [
        "schema_version",
        "extractor",
        "source",
        "languages",
        "report",
        "measures",
        "status",
        "issues",
    ]
    assert list(document["extractor"]) == ["name", "version"]
    assert list(document["source"]) == ["filename", "sha256", "format", "size_bytes", "pages"]
    assert list(document["languages"]) == ["form", "content", "shares", "content_shares"]
    measure = document["measures"][0]
    assert list(measure) == [
        "measure_id", "index", "title", "agency", "country", "year", "reported_by_civil_society",
        "description", "website", "results", "key_objectives", "scope", "nature", "budget",
        "partners", "evaluation", "goals", "areas_of_monitoring", "cultural_domains",
        "transversal_priorities", "languages", "entities", "spans",
    ]  # fmt: skip
    assert list(measure["budget"]) == ["raw", "status", "amount", "currency", "amounts"]
    assert list(measure["budget"]["amounts"][0]) == [
        "value", "currency", "year", "conversion", "note", "span",
    ]  # fmt: skip
    assert list(measure["partners"][0]) == ["name", "entity_type", "raw_type", "source", "span"]
    assert list(measure["evaluation"]) == ["evaluated", "conclusions"]
    assert list(document["issues"][0]) == ["code", "severity", "measure_index", "field", "message"]
    # maps keep one order whatever order the fields came in the document
    for mapping in (measure["spans"], measure["languages"], document["languages"]["shares"]):
        assert list(mapping) == sorted(mapping)


def test_json_keeps_non_ascii_characters_unescaped() -> None:
    text = record_text(
        title="Aide à l’édition – « Premières œuvres »",
        head=("Où", "Émirats arabes unis", "Ministère de la Culture"),
        budget="75 000 €",
    )
    output = record_json(extract(text))
    assert "Aide à l’édition – « Premières œuvres »" in output
    assert "75 000 €" in output
    assert "\\u" not in output
    assert json.loads(output)["measures"][0]["title"] == "Aide à l’édition – « Premières œuvres »"


_SUBPROCESS = """
import sys
sys.path.insert(0, {root!r})
from pipeline import extract_bytes, record_json
data = sys.stdin.buffer.read()
sys.stdout.buffer.write(record_json(extract_bytes(data, "measure.txt", include_text=True)).encode())
"""


def test_same_input_gives_byte_identical_json_across_runs_and_processes() -> None:
    text = record_text(
        head=("Dónde", "Alemania", "Who", AGENCY, "Kulturstiftung der Länder"),
        budget="15.000 EUR (17,500.00 USD) - Ministry of Culture\n4500 USD - Goethe Foundation",
        partners=(
            ("Community Media Forum", "Civil Society Organization (CSO)"),
            ("SoundWorks GmbH", "Private Sector"),
            ("Land Berlin", "Public Sector"),
        ),
        domains=("Music", "Performing Arts", "Media Arts"),
    )
    data = text.encode("utf-8")
    first = record_json(extract_bytes(data, "measure.txt", include_text=True))
    assert record_json(extract_bytes(data, "measure.txt", include_text=True)) == first
    script = _SUBPROCESS.format(root=str(ROOT))
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", script],
            input=data,
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
        )
        assert result.stdout.decode("utf-8") == first


def test_agency_under_where_and_when_values_without_a_who_label() -> None:
    record = extract(
        "Crafts Export Window\nWhere: Kenya\nWhen: 2021\nMinistry of Culture and Heritage\n"
        "Describe the main features of the policy/measure:\n"
        "The window helps artisans prepare samples, prices and contracts for foreign buyers.\n"
    )
    measure = record.measures[0]
    assert measure.country is not None and measure.country.iso3 == "KEN"
    assert measure.year == 2021
    assert measure.agency == "Ministry of Culture and Heritage"


def test_a_long_website_address_wrapped_by_a_pdf_is_joined() -> None:
    record = extract_bytes(
        english_record(
            title="Music Export Office",
            head=("Ministry of Culture",),
            description="Support to touring bands from every region of the country.",
            results="Forty bands toured abroad.",
            website="https://culture.example.org/programmes/music-export-off ice",
        ).encode(),
        "record.txt",
    )
    assert (
        record.measures[0].website == "https://culture.example.org/programmes/music-export-office"
    )
