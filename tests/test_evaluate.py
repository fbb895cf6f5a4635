"""`qpr evaluate`: hand-made gold/prediction pairs whose counts are worked out by hand, the
pairing of files by name, truth-shaped gold against a real extraction, and the command itself."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flows.cli import main
from flows.evaluate import (
    FIELDS,
    Counts,
    Evaluation,
    evaluate_documents,
    evaluate_paths,
    evaluation_json,
    read_document,
    soft_text,
)
from pipeline import extract_file, record_json

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "samples" / "reports"

# 200 characters, so that one changed word stays above the soft rule's 0.9 ratio.
DESCRIPTION = (
    "The Creative Fund gives grants to young musicians in every region of the country. Calls "
    "open every spring and an independent panel chooses the projects. Support covers recording, "
    "touring and training."
)
# Every scored field holds a value, so a perfect match scores 1.0 on every row of the table.
MEASURE: dict[str, Any] = {
    "title": "Creative Fund",
    "agency": "Ministry of Culture",
    "country": {"name": "Kenya", "iso3": "KEN"},
    "year": 2021,
    "reported_by_civil_society": False,
    "description": DESCRIPTION,
    "website": "https://fund.example.org",
    "results": "Forty projects were funded.",
    "key_objectives": "To fund young musicians.",
    "scope": ["national"],
    "nature": ["financial"],
    "budget": {"status": "stated", "amount": 1000, "currency": "USD"},
    "partners": [{"name": "Arts Council", "entity_type": "public_sector"}],
    "evaluation": {"evaluated": True, "conclusions": "The fund should continue."},
    "goals": ["goal_1"],
    "areas_of_monitoring": ["cultural_and_creative_sectors"],
    "cultural_domains": ["music"],
    "transversal_priorities": ["youth"],
}
REPORT: dict[str, Any] = {
    "party": {"name": "Kenya", "iso3": "KEN"},
    "period": {"start": 2020, "end": 2023},
    "year": 2023,
    "ratification_date": "2006-10-24",
    "contact": {
        "name": "Ms Jane Doe",
        "organization": "Ministry of Culture",
        "email": "jane.doe@culture.example.org",
        "phone": "+254 20 000 0000",
        "address": "PO Box 1, Nairobi",
    },
    "consultation_process": "Civil society met the ministry twice.",
    "executive_summary": "Kenya reports on its cultural policies.",
}


def measure(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(MEASURE), **changes}


def truth(*measures: dict[str, Any], **report_changes: Any) -> dict[str, Any]:
    return {"report": {**copy.deepcopy(REPORT), **report_changes}, "measures": list(measures)}


def score(gold: dict[str, Any], predicted: dict[str, Any]) -> Evaluation:
    """One pair, both read as the truth file of the same input `report.docx`."""
    return evaluate_documents(
        [read_document(predicted, Path("pred/report.docx.json"))],
        [read_document(gold, Path("gold/report.docx.json"))],
    )


def counts(evaluation: Evaluation, field: str, rule: str) -> tuple[int, int, int]:
    found = evaluation.fields()[field][rule]
    return found.tp, found.fp, found.fn


# --------------------------------------------------------------------------- the rules


def test_perfect_match_scores_one_everywhere() -> None:
    evaluation = score(truth(measure(), measure()), truth(measure(), measure()))
    for field in FIELDS:
        for rule in ("exact", "soft"):
            found = evaluation.fields()[field][rule]
            assert (found.precision, found.recall, found.f1) == (1.0, 1.0, 1.0), (field, rule)
    assert counts(evaluation, "title", "exact") == (2, 0, 0)
    assert counts(evaluation, "scope", "soft") == (2, 0, 0)
    assert evaluation.partners()["soft"].f1 == 1.0
    assert evaluation.budget() == (2, 2)
    assert evaluation.all_right() == (1, 1)


def test_title_differing_in_case_and_accents_is_a_soft_hit_only() -> None:
    gold = truth(measure(title="Fonds de création musicale"))
    predicted = truth(measure(title="FONDS DE CREATION MUSICALE"))
    evaluation = score(gold, predicted)
    exact, soft = evaluation.fields()["title"]["exact"], evaluation.fields()["title"]["soft"]
    assert (exact.tp, exact.fp, exact.fn) == (0, 1, 1)
    assert (exact.precision, exact.recall, exact.f1) == (0.0, 0.0, 0.0)
    assert (soft.precision, soft.recall, soft.f1) == (1.0, 1.0, 1.0)


def test_soft_text_ignores_case_accents_and_punctuation_only() -> None:
    assert soft_text("Ministère de l’Économie  (Culture)") == "ministere de l economie culture"
    assert soft_text("Culture/Arts") == soft_text("culture / arts")
    assert soft_text("Music Fund") != soft_text("Music Funds")


def test_one_changed_word_in_a_long_description_is_a_soft_hit_exact_miss() -> None:
    changed = DESCRIPTION.replace("independent panel", "international panel")
    assert len(DESCRIPTION) == 200 and changed != DESCRIPTION
    evaluation = score(truth(measure()), truth(measure(description=changed)))
    assert counts(evaluation, "description", "exact") == (0, 1, 1)
    assert counts(evaluation, "description", "soft") == (1, 0, 0)


def test_the_edit_ratio_applies_to_long_text_fields_only() -> None:
    evaluation = score(truth(measure()), truth(measure(title="Creative Funds")))
    assert counts(evaluation, "title", "soft") == (0, 1, 1)


def test_a_missing_field_is_a_false_negative_only() -> None:
    evaluation = score(truth(measure()), truth(measure(agency=None)))
    for rule in ("exact", "soft"):
        found = evaluation.fields()["agency"][rule]
        assert (found.tp, found.fp, found.fn) == (0, 0, 1)
        assert (found.precision, found.recall, found.f1) == (None, 0.0, 0.0)


def test_an_extra_field_is_a_false_positive_only() -> None:
    evaluation = score(truth(measure(website=None)), truth(measure()))
    for rule in ("exact", "soft"):
        found = evaluation.fields()["website"][rule]
        assert (found.tp, found.fp, found.fn) == (0, 1, 0)
        assert (found.precision, found.recall, found.f1) == (0.0, None, 0.0)


def test_a_wrong_value_is_a_false_positive_and_a_false_negative() -> None:
    evaluation = score(truth(measure(year=2021)), truth(measure(year=2020)))
    assert counts(evaluation, "year", "exact") == (0, 1, 1)
    assert counts(evaluation, "year", "soft") == (0, 1, 1)


def test_a_boolean_never_equals_a_number() -> None:
    gold = truth(measure(evaluation={"evaluated": True, "conclusions": None}))
    predicted = truth(measure(evaluation={"evaluated": 1, "conclusions": None}))
    assert counts(score(gold, predicted), "evaluation.evaluated", "soft") == (0, 1, 1)


def test_codes_match_as_sets() -> None:
    gold = truth(measure(cultural_domains=["music", "publishing"]))
    predicted = truth(measure(cultural_domains=["publishing", "design"]))
    assert counts(score(gold, predicted), "cultural_domains", "exact") == (1, 1, 1)


def test_partner_f1_two_right_one_extra() -> None:
    gold = truth(
        measure(
            partners=[
                {"name": "Arts Council", "entity_type": "public_sector"},
                {"name": "Music Union", "entity_type": "civil_society"},
                {"name": "Radio One", "entity_type": "private_sector"},
            ]
        )
    )
    predicted = truth(
        measure(
            partners=[
                {"name": "arts council", "entity_type": "public_sector"},  # soft name match
                {"name": "Music Union", "entity_type": "civil_society"},
                {"name": "Film House", "entity_type": "private_sector"},  # not in the gold
            ]
        )
    )
    partners = score(gold, predicted).partners()
    soft = partners["soft"]
    assert (soft.tp, soft.fp, soft.fn) == (2, 1, 1)
    assert soft.precision == soft.recall == soft.f1 == pytest.approx(2 / 3)
    exact = partners["exact"]
    assert (exact.tp, exact.fp, exact.fn) == (1, 2, 2)


def test_a_partner_with_the_wrong_type_does_not_match() -> None:
    gold = truth(measure(partners=[{"name": "Arts Council", "entity_type": "public_sector"}]))
    predicted = truth(measure(partners=[{"name": "Arts Council", "entity_type": None}]))
    soft = score(gold, predicted).partners()["soft"]
    assert (soft.tp, soft.fp, soft.fn) == (0, 1, 1)


def test_budget_amount_accuracy() -> None:
    def with_amount(amount: float | None) -> dict[str, Any]:
        status = "absent" if amount is None else "stated"
        return measure(budget={"status": status, "amount": amount, "currency": None})

    gold = truth(with_amount(1000), with_amount(None), with_amount(2_500_000), with_amount(None))
    predicted = truth(
        with_amount(1000.0005),  # within the 1e-6 relative tolerance: right
        with_amount(None),  # both null: right
        with_amount(2_600_000),  # wrong
    )  # the fourth measure is missing: its null amount has no prediction, so it is wrong
    evaluation = score(gold, predicted)
    assert evaluation.budget() == (2, 4)
    assert evaluation_json(evaluation)["budget_amount_accuracy"] == {
        "correct": 2,
        "total": 4,
        "accuracy": 0.5,
    }


def test_missing_and_extra_measures_count_their_values() -> None:
    first, second = measure(), measure(title="Second Fund", website=None)
    missing = score(truth(first, second), truth(first))
    assert counts(missing, "title", "soft") == (1, 0, 1)
    assert counts(missing, "website", "soft") == (1, 0, 0)  # null in the gold: nothing to miss
    assert counts(missing, "goals", "soft") == (1, 0, 1)
    assert missing.partners()["soft"].fn == 1
    extra = score(truth(first), truth(first, second))
    assert counts(extra, "title", "soft") == (1, 1, 0)
    assert counts(extra, "website", "soft") == (1, 0, 0)
    assert extra.partners()["soft"].fp == 1
    assert missing.all_right() == extra.all_right() == (0, 1)


def test_a_field_the_truth_leaves_out_is_not_scored() -> None:
    gold_measure = measure()
    del gold_measure["website"], gold_measure["partners"]
    evaluation = score(truth(gold_measure), truth(measure()))
    assert counts(evaluation, "website", "soft") == (0, 0, 0)
    assert evaluation.partners()["soft"] == Counts()
    assert evaluation.all_right() == (1, 1)


def test_report_fields_are_scored() -> None:
    gold = truth(measure())
    predicted = truth(
        measure(), period={"start": 2020, "end": 2024}, contact={**REPORT["contact"], "phone": None}
    )
    evaluation = score(gold, predicted)
    assert counts(evaluation, "report.period", "exact") == (0, 1, 1)
    assert counts(evaluation, "report.contact.phone", "exact") == (0, 0, 1)
    assert counts(evaluation, "report.party", "exact") == (1, 0, 0)


def test_share_of_records_with_every_field_right() -> None:
    gold = truth(measure(title="Fonds de création"))
    predictions = [
        ("perfect.docx", truth(measure(title="Fonds de création"))),
        ("case-only.docx", truth(measure(title="FONDS DE CREATION"))),  # soft right
        ("wrong.docx", truth(measure(title="Another fund"))),
    ]
    evaluation = evaluate_documents(
        [read_document(data, Path(f"pred/{name}.json")) for name, data in predictions],
        [read_document(gold, Path(f"gold/{name}.json")) for name, _ in predictions],
    )
    assert evaluation.all_right() == (2, 3)
    assert [record.all_right for record in evaluation.records] == [True, True, False]


def test_inferred_values_of_a_full_record_are_not_compared() -> None:
    gold = truth(measure(cultural_domains=["music"]))
    predicted = truth(
        measure(
            cultural_domains=[
                {"code": "music", "source": "form"},
                {"code": "design", "source": "inferred"},
            ],
            partners=[{"name": "Arts Council", "entity_type": "public_sector", "source": "form"}],
        )
    )
    assert counts(score(gold, predicted), "cultural_domains", "soft") == (1, 0, 0)
    gold = truth(measure(partners=[{"name": "Arts Council", "entity_type": None}]))
    predicted = truth(
        measure(
            partners=[
                {"name": "Arts Council", "entity_type": "public_sector", "source": "inferred"}
            ]
        )
    )
    assert score(gold, predicted).partners()["soft"].tp == 1


# --------------------------------------------------------------------------- inputs


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def full_record(filename: str, data: dict[str, Any]) -> dict[str, Any]:
    """A record as far as evaluation reads it: its source file name, report and measures."""
    return {"source": {"filename": filename}, **data}


def test_pairing_by_file_name_reports_the_unpaired(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    write_json(batch / "manifest.json", {"not": "a record"})  # the batch's records/ is used
    write_json(batch / "records" / "aaa.json", full_record("kenya.docx", truth(measure())))
    write_json(batch / "records" / "bbb.json", full_record("peru.pdf", truth(measure())))
    write_json(tmp_path / "gold" / "kenya.docx.json", truth(measure()))
    write_json(tmp_path / "gold" / "chile.pdf.json", truth(measure()))
    evaluation = evaluate_paths(batch, tmp_path / "gold")
    assert [record.name for record in evaluation.records] == ["kenya.docx"]
    assert evaluation.unpaired_gold == [tmp_path / "gold" / "chile.pdf.json"]
    assert evaluation.unpaired_predictions == [batch / "records" / "bbb.json"]
    assert evaluation.all_right() == (1, 1)


def test_a_single_file_may_hold_an_array_of_records(tmp_path: Path) -> None:
    predicted = write_json(
        tmp_path / "extract.json",
        [full_record("a.docx", truth(measure())), full_record("b.docx", truth(measure()))],
    )
    write_json(tmp_path / "gold" / "a.docx.json", truth(measure()))
    write_json(tmp_path / "gold" / "b.docx.json", truth(measure(title="Other")))
    evaluation = evaluate_paths(predicted, tmp_path / "gold")
    assert evaluation.all_right() == (1, 2)


def test_truth_shaped_gold_against_a_real_extraction(tmp_path: Path) -> None:
    report = REPORTS / "namibia-2016-chapters.docx"
    record = extract_file(report)
    predicted = tmp_path / "pred" / f"{record.source.sha256}.json"
    predicted.parent.mkdir()
    predicted.write_text(record_json(record), encoding="utf-8")
    # The record infers areas of monitoring the document never states: they must not count.
    assert any(
        value.source == "inferred"
        for measure_ in record.measures
        for value in measure_.areas_of_monitoring
    )
    evaluation = evaluate_paths(predicted.parent, REPORTS / "truth" / f"{report.name}.json")
    assert [item.name for item in evaluation.records] == [report.name]
    empty = []
    for field, by_rule in evaluation.fields().items():
        soft = by_rule["soft"]
        if soft.tp + soft.fp + soft.fn == 0:
            empty.append(field)  # no value on either side (the 2016 form has no goals): no score
        else:
            assert soft.f1 == 1.0, field
    assert "title" not in empty and "scope" not in empty and "report.party" not in empty
    assert evaluation.partners()["soft"].f1 == 1.0
    assert evaluation.budget() == (8, 8)
    assert evaluation.all_right() == (1, 1)


# --------------------------------------------------------------------------- the command


def test_cli_prints_a_table_and_writes_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_json(tmp_path / "pred" / "x.json", full_record("kenya.docx", truth(measure())))
    write_json(tmp_path / "gold" / "kenya.docx.json", truth(measure(year=2020)))
    out = tmp_path / "scores.json"
    code = main(["evaluate", str(tmp_path / "pred"), str(tmp_path / "gold"), "--json", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "field" in printed and "exact" in printed and "soft" in printed
    year_line = next(line for line in printed.splitlines() if line.startswith("year "))
    assert year_line.split() == ["year", "1", "1"] + ["0.000"] * 6
    assert "records with every field right (soft): 0/1 = 0.000" in printed
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["fields"]["year"]["soft"] == {
        "tp": 0,
        "fp": 1,
        "fn": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert scores["fields"]["title"]["exact"]["f1"] == 1.0
    assert scores["records_all_right"] == {"right": 0, "total": 1, "share": 0.0}


def test_cli_json_on_stdout_moves_the_table_to_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_json(tmp_path / "pred" / "kenya.docx.json", truth(measure()))
    write_json(tmp_path / "gold" / "kenya.docx.json", truth(measure()))
    code = main(["evaluate", str(tmp_path / "pred"), str(tmp_path / "gold"), "--json", "-"])
    captured = capsys.readouterr()
    assert code == 0
    assert json.loads(captured.out)["overall"]["soft"]["f1"] == 1.0
    assert "all fields (micro)" in captured.err


def test_cli_reports_unreadable_input_and_no_pairs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["evaluate", str(tmp_path / "nowhere"), str(tmp_path)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    write_json(tmp_path / "pred" / "a.docx.json", truth(measure()))
    write_json(tmp_path / "gold" / "b.docx.json", truth(measure()))
    assert main(["evaluate", str(tmp_path / "pred"), str(tmp_path / "gold")]) == 2
    captured = capsys.readouterr()
    assert "unpaired gold:" in captured.out and "no prediction shares" in captured.err


def test_evaluate_never_imports_prefect() -> None:
    code = "import sys, flows.evaluate; sys.exit('prefect' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0
