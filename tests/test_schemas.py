"""The data contract: every record validates, unknown keys are refused, codes are documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline import record_json
from schemas import ISSUE_DESCRIPTIONS, SCHEMA_VERSION, IssueCode, ReportRecord, json_schema
from schemas.outcome import ISSUE_CATALOGUE, Issue, Severity

EXPECTED = Path(__file__).resolve().parents[1] / "samples" / "expected"


def test_every_issue_code_is_documented() -> None:
    assert set(ISSUE_DESCRIPTIONS) == set(IssueCode)
    assert all(description.strip() for description in ISSUE_DESCRIPTIONS.values())


def test_an_issue_takes_its_severity_from_the_catalogue() -> None:
    assert set(ISSUE_CATALOGUE) == set(IssueCode)
    for code, kind in ISSUE_CATALOGUE.items():
        assert Issue.of(code, "found").severity == kind.severity
    # The reason a file failed is an error even for a code that is a warning within a record.
    assert Issue.failure(IssueCode.TOO_LARGE, "too big").severity == Severity.ERROR


def test_goldens_hold_each_code_at_its_catalogue_severity() -> None:
    for path in sorted(EXPECTED.glob("*.json")):
        record = ReportRecord.model_validate_json(path.read_text(encoding="utf-8"))
        for issue in record.issues if record.status != "failed" else ():
            assert issue.severity == ISSUE_CATALOGUE[issue.code].severity, (path.name, issue)


def test_goldens_validate_and_round_trip() -> None:
    goldens = sorted(EXPECTED.glob("*.json"))
    assert goldens
    for path in goldens:
        data = json.loads(path.read_text(encoding="utf-8"))
        record = ReportRecord.model_validate(data)
        assert record.schema_version == SCHEMA_VERSION
        assert json.loads(record_json(record)) == data


def test_unknown_keys_are_refused() -> None:
    data = json.loads(next(EXPECTED.glob("*.json")).read_text(encoding="utf-8"))
    data["measures"][0]["colour"] = "blue"
    with pytest.raises(ValidationError, match="colour"):
        ReportRecord.model_validate(data)


def test_json_schema_lists_the_code_lists() -> None:
    text = json.dumps(json_schema())
    for code in ("civil_society", "goal_4", "artistic_freedom", "multidomain", "not_available"):
        assert f'"{code}"' in text


def test_the_field_catalogue_covers_every_value_of_a_measure() -> None:
    from schemas.measure import MEASURE_FIELDS, Measure, measure_field

    # What a measure holds besides its form's values: its identity and what is read off them.
    about_the_values = {"measure_id", "index", "languages", "entities", "spans"}
    assert {field.path[0] for field in MEASURE_FIELDS} == set(Measure.model_fields) - (
        about_the_values
    )
    assert len({field.name for field in MEASURE_FIELDS}) == len(MEASURE_FIELDS)
    for field in MEASURE_FIELDS:
        assert measure_field(field.name) is field
        assert field.columns, field.name
        assert all(vocabulary in Measure.model_fields for vocabulary in field.vocabularies)
