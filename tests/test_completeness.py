"""Completeness for the follow-up letter (pipeline/completeness.py, issue #16): what a record
lacks, asked only of the fields its form generation had, named by that form's labels in the
report's form language, and the letter summary a reviewer pastes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline import extract_bytes, extract_file
from pipeline.completeness import (
    STATES,
    MissingItem,
    form_generation,
    letter_summary,
    missing_items,
)
from pipeline.tables import load_table
from schemas import IssueCode, ReportRecord
from schemas.common import Source
from schemas.measure import MEASURE_FIELDS, Budget, BudgetStatus, Evaluation, Measure
from schemas.outcome import Issue
from schemas.report import Report

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ONLY_2020 = {"country", "year", "website", "goals", "areas_of_monitoring", "cultural_domains"}
ONLY_2020 |= {"transversal_priorities", "consultation_process"}
ONLY_2012 = {"key_objectives", "scope", "nature"}


@pytest.fixture(scope="module")
def records() -> dict[str, ReportRecord]:
    names = {
        "senegal": "senegal-industries-culturelles-regions.txt",  # 2020+, French, one measure
        "ireland": "ireland-regional-touring-network.txt",  # 2020+, English, one measure
        "uruguay": "uruguay-fondo-musica-independiente.txt",  # 2012-2016, Spanish, one measure
        "namibia": "reports/namibia-2016-chapters.docx",  # 2012-2016 labels, whole report
        "madagascar": "reports/madagascar-2020-fr.docx",  # 2020+, French, whole report
    }
    return {key: extract_file(SAMPLES / name) for key, name in names.items()}


def edited(record: ReportRecord, index: int = 0, **changes: Any) -> ReportRecord:
    """The record with measure `index` changed, and the issues of the changed fields dropped
    (as a record holding those values would have none)."""
    measures = list(record.measures)
    measures[index] = measures[index].model_copy(update=changes)
    changed = set(changes) | ({"evaluated", "conclusions"} if "evaluation" in changes else set())
    issues = [
        issue
        for issue in record.issues
        if not (issue.measure_index == index and issue.field in changed)
    ]
    return record.model_copy(update={"measures": measures, "issues": issues})


def emptied(measure: Measure, keep: set[str]) -> dict[str, Any]:
    """The changes that leave every field of `measure` but `keep` blank."""
    changes: dict[str, Any] = {
        name: [] if isinstance(getattr(measure, name), list) else None
        for name in ("title", "agency", "country", "year", "description", "website", "results")
        + ("key_objectives", "scope", "nature", "partners", "goals", "areas_of_monitoring")
        + ("cultural_domains", "transversal_priorities")
        if name not in keep
    }
    changes["budget"] = Budget(
        raw=None, status=BudgetStatus.ABSENT, amount=None, currency=None, amounts=[]
    )
    changes["evaluation"] = Evaluation(evaluated=None, conclusions=None)
    return changes


def by_field(items: list[MissingItem], index: int | None = 0) -> dict[str, MissingItem]:
    found = {item.field: item for item in items if item.measure_index == index}
    assert len(found) == len([item for item in items if item.measure_index == index])
    return found


# ------------------------------------------------------------------------------- the generation


def test_the_generation_is_told_from_what_the_record_shows(
    records: dict[str, ReportRecord],
) -> None:
    assert form_generation(records["uruguay"]) == "2012-2016"
    assert form_generation(records["namibia"]) == "2012-2016"
    assert form_generation(records["senegal"]) == "2020+"
    assert form_generation(records["ireland"]) == "2020+"
    assert form_generation(records["madagascar"]) == "2020+"


def test_without_a_form_field_to_tell_the_report_year_decides(
    records: dict[str, ReportRecord],
) -> None:
    namibia = records["namibia"]
    measures = [
        measure.model_copy(update={"key_objectives": None, "scope": [], "nature": [], "spans": {}})
        for measure in namibia.measures
    ]
    silent = namibia.model_copy(update={"measures": measures, "issues": []})
    assert silent.report.year == 2016
    assert form_generation(silent) == "2012-2016"
    filed_2020 = silent.model_copy(
        update={"report": silent.report.model_copy(update={"year": 2020})}
    )
    assert form_generation(filed_2020) == "2020+"
    # Nothing at all to tell by: the form in use today.
    bare = silent.model_copy(update={"report": Report()})
    assert form_generation(bare) == "2020+"


# ----------------------------------------------------------------- only the generation's fields


def test_a_2012_2016_record_is_never_asked_for_a_field_its_form_did_not_have(
    records: dict[str, ReportRecord],
) -> None:
    for record in (records["uruguay"], records["namibia"]):
        assert not {item.field for item in missing_items(record)} & ONLY_2020
    uruguay = records["uruguay"]
    blank = edited(uruguay, **emptied(uruguay.measures[0], keep={"key_objectives", "scope"}))
    asked = by_field(missing_items(blank))
    assert form_generation(blank) == "2012-2016"
    assert set(asked) == {"title", "agency", "description", "results", "nature", "budget"} | {
        "partners",
        "evaluated",
    }
    assert not set(asked) & ONLY_2020
    assert {item.state for item in asked.values()} == {"blank"}


def test_a_2020_record_is_never_asked_for_scope_nature_or_key_objectives(
    records: dict[str, ReportRecord],
) -> None:
    for record in (records["senegal"], records["ireland"], records["madagascar"]):
        assert not {item.field for item in missing_items(record)} & ONLY_2012
    ireland = records["ireland"]
    blank = edited(ireland, **emptied(ireland.measures[0], keep={"goals"}))
    asked = by_field(missing_items(blank))
    assert form_generation(blank) == "2020+"
    assert ONLY_2020 - {"consultation_process", "goals"} <= set(asked)
    assert not set(asked) & ONLY_2012
    # Conclusions follow a "yes" to the evaluation: not asked when it is unanswered.
    assert "conclusions" not in asked and asked["evaluated"].state == "blank"


def test_conclusions_are_asked_after_a_yes(records: dict[str, ReportRecord]) -> None:
    ireland = records["ireland"]
    assert ireland.measures[0].evaluation.evaluated is True
    unconcluded = edited(ireland, evaluation=Evaluation(evaluated=True, conclusions=None))
    assert by_field(missing_items(unconcluded))["conclusions"].state == "blank"
    declined = edited(ireland, evaluation=Evaluation(evaluated=False, conclusions=None))
    assert "conclusions" not in by_field(missing_items(declined))


# -------------------------------------------------------------------------- states and labels


def test_states_and_french_labels_of_a_french_form(records: dict[str, ReportRecord]) -> None:
    senegal = records["senegal"]
    assert senegal.languages.form == "fr"
    asked = by_field(missing_items(senegal))
    # The sample's budget is "Non disponible" and one partner row has no name.
    assert asked["budget"].state == "not_available"
    assert asked["budget"].label == (
        "Ressources financières allouées à la politique/mesure en dollars américains"
    )
    assert (asked["partners"].state, asked["partners"].detail) == (
        "ambiguous",
        "1 partenaire sans nom",
    )
    assert (
        asked["partners"].label
        == "Partenaires engagés dans la mise en œuvre de la politique/mesure"
    )
    assert "evaluated" not in asked and "conclusions" not in asked  # answered "Oui", concluded

    partners = senegal.measures[0].partners
    untyped = [partners[0].model_copy(update={"entity_type": None, "raw_type": None})]
    untyped.append(partners[2].model_copy(update={"entity_type": None, "raw_type": None}))
    changed = edited(
        senegal,
        partners=[*untyped, partners[3]],
        evaluation=Evaluation(evaluated=None, conclusions=None),
    )
    asked = by_field(missing_items(changed))
    assert asked["partners"].detail == "2 partenaires sans type d'entité"
    assert (asked["evaluated"].state, asked["evaluated"].detail) == ("blank", "sans réponse")
    assert (
        asked["evaluated"].label == "La mise en œuvre de la politique/mesure a-t-elle été évaluée ?"
    )
    assert {item.state for item in missing_items(changed)} <= set(STATES)


def test_a_budget_unparsed_or_not_available_and_a_value_with_an_issue(
    records: dict[str, ReportRecord],
) -> None:
    ireland = records["ireland"]
    prose = Budget(
        raw="varies", status=BudgetStatus.UNPARSED, amount=None, currency=None, amounts=[]
    )
    unparsed = edited(ireland, budget=prose)
    budget = by_field(missing_items(unparsed))["budget"]
    assert (budget.state, budget.detail) == ("unparsed", "no figure given")
    assert budget.label == "Financial resources allocated to the policy/measure in USD"
    na = Budget(
        raw="N/A", status=BudgetStatus.NOT_AVAILABLE, amount=None, currency=None, amounts=[]
    )
    assert by_field(missing_items(edited(ireland, budget=na)))["budget"].state == "not_available"
    # A When line that holds no year is unreadable, not blank: one item, not two.
    issue = Issue.of(IssueCode.YEAR_UNPARSED, "no year", "year", 0)
    undated = ireland.model_copy(update={"issues": [*ireland.issues, issue]})
    year = [item for item in missing_items(undated) if item.field == "year"]
    assert [(item.state, item.detail) for item in year] == [("unparsed", "no year given")]


def test_coded_values_only_inferred_from_the_text_are_not_stated(
    records: dict[str, ReportRecord],
) -> None:
    ireland = records["ireland"]
    domains = [
        domain.model_copy(update={"source": Source.INFERRED})
        for domain in ireland.measures[0].cultural_domains
    ]
    asked = by_field(missing_items(edited(ireland, cultural_domains=domains)))
    assert asked["cultural_domains"].state == "blank"
    assert asked["cultural_domains"].detail == "not stated, only deduced from the text"


def test_labels_follow_the_generation_and_the_language(records: dict[str, ReportRecord]) -> None:
    labels = {
        key: {item.field: item.label for item in missing_items(records[key])}
        for key in ("uruguay", "namibia")
    }
    assert (
        labels["uruguay"]["budget"] == "Recursos financieros asignados para implementar la medida"
    )
    namibia_budget = [i for i in missing_items(records["namibia"]) if i.field == "budget"]
    assert namibia_budget[0].label == "Financial resources allocated to implement the measure"
    ireland = records["ireland"]
    assert ireland.languages.form == "en"
    no_results = by_field(missing_items(edited(ireland, results=None)))
    assert no_results["results"].label == (
        "What are the results achieved so far through the implementation of the policy/measure?"
    )
    uruguay = records["uruguay"]
    no_results = by_field(missing_items(edited(uruguay, results=None)))
    assert no_results["results"].label == (
        "Resultados esperados a través de la implementación de la medida"
    )


# ------------------------------------------------------------------------ report-level fields


def test_a_single_measure_export_is_not_asked_for_report_fields(
    records: dict[str, ReportRecord],
) -> None:
    for key in ("senegal", "ireland", "uruguay"):
        assert all(item.measure_index is not None for item in missing_items(records[key]))


def test_a_whole_report_is_asked_for_its_party_period_and_contact(
    records: dict[str, ReportRecord],
) -> None:
    madagascar = records["madagascar"]
    assert by_field(missing_items(madagascar), None) == {}
    assert madagascar.report.contact is not None
    report = madagascar.report.model_copy(
        update={
            "party": None,
            "period": None,
            "contact": madagascar.report.contact.model_copy(update={"email": None}),
            "executive_summary": None,
        }
    )
    asked = by_field(missing_items(madagascar.model_copy(update={"report": report})), None)
    assert list(asked) == ["party", "period", "contact", "executive_summary"]
    assert asked["party"].label == "Nom de la Partie (Pays)"
    assert asked["contact"].detail == "manquant : adresse électronique"
    items = missing_items(madagascar.model_copy(update={"report": report}))
    assert items[: len(asked)] == list(asked.values())  # the report's items come first
    # The 2012-2016 form had no consultation process: a report of that form is never asked.
    namibia = records["namibia"]
    assert namibia.report.consultation_process is None
    assert "consultation_process" not in by_field(missing_items(namibia), None)


def test_a_failed_record_has_nothing_to_ask() -> None:
    failed = extract_bytes(b"\x00\x01\x02 not a document", "junk.bin")
    assert failed.status == "failed"
    assert missing_items(failed) == []


# -------------------------------------------------------------------------------- the letter


def test_the_letter_is_in_french_for_a_french_form(records: dict[str, ReportRecord]) -> None:
    senegal = records["senegal"]
    letter = letter_summary(senegal, missing_items(senegal))
    lines = letter.splitlines()
    assert lines[0] == (
        "Fichier « senegal-industries-culturelles-regions.txt » : les informations suivantes "
        "sont manquantes ou incomplètes :"
    )
    assert lines[1].startswith(f"- Mesure 1 – {senegal.measures[0].title} : ")
    assert (
        "Ressources financières allouées à la politique/mesure en dollars américains "
        "(indiqué comme non disponible)"
    ) in lines[1]
    assert "(1 partenaire sans nom)" in lines[1]
    madagascar = records["madagascar"]
    letter = letter_summary(madagascar, missing_items(madagascar))
    assert letter.startswith("Rapport périodique – Madagascar (2020–2023) : les informations")
    assert "- Mesure 3 – " in letter


def test_the_letter_in_spanish_english_and_for_a_complete_record(
    records: dict[str, ReportRecord],
) -> None:
    uruguay = records["uruguay"]
    letter = letter_summary(uruguay, missing_items(uruguay))
    assert letter.startswith("Archivo «uruguay-fondo-musica-independiente.txt»: falta la")
    assert "(indicado como no disponible)" in letter
    german = uruguay.model_copy(
        update={"languages": uruguay.languages.model_copy(update={"form": "de"})}
    )
    assert letter_summary(german, missing_items(german)).startswith("File “uruguay-")
    namibia = records["namibia"]
    assert letter_summary(namibia, []) == "Report of Namibia (2016): no information is missing.\n"
    untitled = edited(namibia, index=2, title=None)
    letter = letter_summary(untitled, missing_items(untitled))
    assert "\n- Measure 3: Name of the measure (not provided)" in letter


# ------------------------------------------------------------------------------------ the data


def test_every_display_label_is_a_wording_of_the_labels_lexicon() -> None:
    table, lexicon = load_table("completeness"), load_table("labels")
    keys = {field.name: field.labels for field in MEASURE_FIELDS}
    for generation, languages in table["labels"].items():
        for language, labels in languages.items():
            for field, wording in labels.items():
                field_keys = keys.get(field) or (table["label_keys"].get(field, field),)
                wordings = [w for key in field_keys for w in lexicon[key].get(language, [])]
                assert wording in wordings, (generation, language, field)


def test_every_generation_asks_for_known_fields_only() -> None:
    table = load_table("completeness")
    measure_names = {field.name for field in MEASURE_FIELDS}
    for generation in table["generations"].values():
        assert set(generation["measure"]) <= measure_names
        assert set(generation["report"]) <= set(Report.model_fields)
    for language, text in table["text"].items():
        assert set(text["states"]) == set(STATES), language
