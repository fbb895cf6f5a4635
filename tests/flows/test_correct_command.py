"""`qpr correct`: a batch stores reviewers' corrections files whole or not at all, each file
checked against its record first; a bad file is named in a sentence and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from commands import no_traceback, qpr
from records import write_corrections

from pipeline import extract_file, record_json

SEED = Path(__file__).resolve().parents[2] / "samples" / "azerbaijan-civil-society-consultation.txt"
USAGE = 2


@pytest.fixture(scope="module")
def seed_record() -> dict[str, Any]:
    return json.loads(record_json(extract_file(SEED)))


@pytest.fixture
def batch(tmp_path: Path, seed_record: dict[str, Any]) -> Path:
    """A batch folder holding the seed's record, as `qpr ingest` leaves it."""
    root = tmp_path / "batch"
    (root / "records").mkdir(parents=True)
    sha256 = seed_record["source"]["sha256"]
    (root / "records" / f"{sha256}.json").write_text(json.dumps(seed_record), encoding="utf-8")
    return root


def corrections_file(folder: Path, record: dict[str, Any], *changes: dict[str, Any]) -> Path:
    path = folder / f"corrections-{len(list(folder.glob('corrections-*')))}.json"
    return write_corrections(path, record, list(changes), "in_review")


def title_change(record: dict[str, Any], new: str) -> dict[str, Any]:
    measure = record["measures"][0]
    return {
        "measure_id": measure["measure_id"],
        "field": "title",
        "kind": "set",
        "old": measure["title"],
        "new": new,
    }


def trail(batch: Path, record: dict[str, Any]) -> list[dict[str, Any]]:
    path = batch / "corrections" / f"{record['source']['sha256']}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_good_files_are_appended_to_the_records_audit_trail(
    batch: Path, tmp_path: Path, seed_record: dict[str, Any]
) -> None:
    first = corrections_file(tmp_path, seed_record, title_change(seed_record, "First title"))
    second = corrections_file(tmp_path, seed_record, title_change(seed_record, "Second title"))
    code, out, err = qpr("correct", str(batch), str(first))
    assert code == 0, err
    assert "stored 1 change(s) from 1 file(s) for 1 record(s)" in out
    code, _, err = qpr("correct", str(batch), str(second))
    assert code == 0, err
    stored = trail(batch, seed_record)
    assert [entry["changes"][0]["new"] for entry in stored] == ["First title", "Second title"]
    assert stored[0]["reviewer"] == "A. Reviewer"


@pytest.mark.parametrize(
    ("spoil", "named"),
    [
        (lambda path: path.write_text("{not json", encoding="utf-8"), "is not JSON"),
        (
            lambda path: path.write_text(
                path.read_text().replace('"record_sha256": "', '"record_sha256": "f'), "utf-8"
            ),
            "record_sha256",
        ),
        (
            lambda path: path.write_text(
                path.read_text().replace('"field": "title"', '"field": "titel"'), "utf-8"
            ),
            "titel",
        ),
    ],
    ids=["malformed-json", "bad-sha256", "bad-path"],
)
def test_a_bad_file_stores_nothing_and_is_named(
    batch: Path, tmp_path: Path, seed_record: dict[str, Any], spoil: Any, named: str
) -> None:
    good = corrections_file(tmp_path, seed_record, title_change(seed_record, "Good title"))
    bad = corrections_file(tmp_path, seed_record, title_change(seed_record, "Bad"))
    spoil(bad)
    code, _, err = qpr("correct", str(batch), str(good), str(bad))
    no_traceback(err)
    assert code == USAGE
    assert str(bad) in err and named in err
    assert "nothing stored" in err
    assert trail(batch, seed_record) == []


def test_an_unknown_record_and_an_invalid_code_are_named(
    batch: Path, tmp_path: Path, seed_record: dict[str, Any]
) -> None:
    other = dict(seed_record, source=dict(seed_record["source"], sha256="a" * 64))
    unknown = corrections_file(tmp_path, other)
    measure = seed_record["measures"][0]
    invalid = corrections_file(
        tmp_path,
        seed_record,
        {
            "measure_id": measure["measure_id"],
            "field": "cultural_domains",
            "kind": "set",
            "old": measure["cultural_domains"],
            "new": ["opera"],
        },
    )
    code, _, err = qpr("correct", str(batch), str(unknown), str(invalid))
    assert code == USAGE
    assert "aaaaaaaaaaaa" in err and "which this batch lacks" in err
    assert "cultural_domains" in err
    assert trail(batch, seed_record) == []


def test_a_folder_that_is_no_batch_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = qpr("correct", str(tmp_path), str(tmp_path / "c.json"))
    no_traceback(err)
    assert code == USAGE and "is not a qpr batch folder" in err


def test_show_prints_the_record_as_extracted_or_corrected(
    batch: Path, tmp_path: Path, seed_record: dict[str, Any]
) -> None:
    fix = corrections_file(tmp_path, seed_record, title_change(seed_record, "Shown title"))
    assert qpr("correct", str(batch), str(fix))[0] == 0
    sha256 = seed_record["source"]["sha256"]
    code, out, err = qpr("show", str(batch), sha256[:10])
    assert code == 0, err
    assert json.loads(out)["measures"][0]["title"] == seed_record["measures"][0]["title"]
    code, out, err = qpr("show", str(batch), seed_record["source"]["filename"], "--corrected")
    assert code == 0, err
    shown = json.loads(out)
    measure_id = seed_record["measures"][0]["measure_id"]
    assert shown["record"]["measures"][0]["title"] == "Shown title"
    assert shown["machine_values"] == {f"{measure_id}:title": seed_record["measures"][0]["title"]}
    assert shown["review_state"] == "in_review"
    code, _, err = qpr("show", str(batch), "0000")
    no_traceback(err)
    assert code == USAGE and "no record matches" in err
