"""Reviewers' corrections through a batch's life: stored by `qpr correct`, applied to the
dataset, kept when the records are extracted again under another extractor version, with the
changes whose measure is gone listed as orphans and those whose machine value moved listed as
conflicts (changes.json)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from records import OLDER_TITLE, plant_older_record, write_corrections

from flows.cli import main
from flows.ingest import run_ingest
from flows.reprocess import run_reprocess

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = "azerbaijan-civil-society-consultation.txt"
INPUTS = (SEED, "benin-fonds-creation-musicale.docx")

pytestmark = pytest.mark.usefixtures("prefect_api")


@pytest.fixture
def batch(ingest_samples: Callable[[Sequence[str]], Path]) -> Path:
    return ingest_samples(INPUTS)


def seed_path(out: Path) -> Path:
    for path in sorted((out / "records").glob("*.json")):
        if json.loads(path.read_text(encoding="utf-8"))["source"]["filename"] == SEED:
            return path
    raise AssertionError("no record of the seed")


def review(out: Path, tmp_path: Path, record: dict[str, Any]) -> None:
    first, extra = record["measures"]
    changes = [
        {"measure_id": first["measure_id"], "field": "title", "kind": "set",
         "old": first["title"], "new": "Consultation with civil society"},
        {"measure_id": first["measure_id"], "field": "partners.0.entity_type", "kind": "set",
         "old": first["partners"][0]["entity_type"], "new": "public_sector"},
        {"measure_id": extra["measure_id"], "field": "title", "kind": "set",
         "old": "Annex", "new": "Annex of the report"},
    ]  # fmt: skip
    path = write_corrections(tmp_path / "corrections.json", record, changes, "approved")
    assert main(["correct", str(out), str(path)]) == 0


def seed_rows(folder: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (folder / "dataset.jsonl").read_text("utf-8").splitlines()]
    return [row for row in rows if row["source_filename"] == SEED]


def test_corrections_apply_at_once_and_survive_a_new_extraction(
    batch: Path, tmp_path: Path
) -> None:
    record = plant_older_record(seed_path(batch))
    review(batch, tmp_path, record)
    manifest = json.loads((batch / "manifest.json").read_text(encoding="utf-8"))
    written = json.loads((batch / "changes.json").read_text(encoding="utf-8"))
    assert written["extractor_version"] == manifest["extractor_version"]  # the records' version
    rows = seed_rows(batch)
    assert [row["title"] for row in rows] == [
        "Consultation with civil society",
        "Annex of the report",
    ]
    assert rows[0]["corrected_fields"] == ["partners.0.entity_type", "title"]
    assert rows[0]["partner_types"][0] == "public_sector"
    assert {row["review_state"] for row in rows} == {"approved"}

    run_ingest([tmp_path / "inbox"], batch)  # the older record is extracted again
    rows = seed_rows(batch)
    assert [row["title"] for row in rows] == ["Consultation with civil society"]
    assert rows[0]["partner_types"][0] == "public_sector"
    changes = json.loads((batch / "changes.json").read_text(encoding="utf-8"))["corrections"]
    unsettled = changes["by_record"][record["source"]["sha256"]]
    assert [orphan["new"] for orphan in unsettled["orphans"]] == ["Annex of the report"]
    conflict = unsettled["conflicts"][0]
    assert (conflict["field"], conflict["old"]) == ("title", OLDER_TITLE)
    assert conflict["machine_now"] != conflict["old"]
    assert (changes["orphans"], changes["conflicts"]) == (1, 1)


def test_reprocess_applies_the_corrections_to_the_new_version(batch: Path, tmp_path: Path) -> None:
    record = plant_older_record(seed_path(batch))
    review(batch, tmp_path, record)
    changes = run_reprocess(batch)
    assert (changes["corrections"]["orphans"], changes["corrections"]["conflicts"]) == (1, 1)
    version_folder = next((batch / "versions").iterdir())
    rows = seed_rows(version_folder)
    assert [row["title"] for row in rows] == ["Consultation with civil society"]
    written = json.loads((version_folder / "changes.json").read_text(encoding="utf-8"))
    assert written["corrections"]["orphans"] == 1
