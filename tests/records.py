"""What the tests read out of records, written once: extracting a text, the codes of coded
values, the partner rows, the issue codes, the titles."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline import extract_bytes
from schemas import ReportRecord
from schemas.measure import Measure


def extract_text(text: str, filename: str = "measure.txt", encoding: str = "utf-8") -> ReportRecord:
    return extract_bytes(text.encode(encoding), filename)


def codes(values: Iterable[Any]) -> list[str]:
    """Every code of a list of coded values, in order."""
    return [value.code.value for value in values]


def stated_codes(values: Iterable[Any]) -> list[str]:
    """The codes the document states (form or heading); inferred ones are tested in
    tests/test_inference.py."""
    return [value.code.value for value in values if value.source.value != "inferred"]


def partner_rows(measure: Measure) -> list[tuple[str | None, str | None]]:
    return [(p.name, p.entity_type.value if p.entity_type else None) for p in measure.partners]


def issue_codes(record: ReportRecord) -> list[str]:
    return [issue.code.value for issue in record.issues]


def titles(record: ReportRecord) -> list[str | None]:
    return [measure.title for measure in record.measures]


OLDER_TITLE = "An older extractor's title"


def plant_older_record(path: Path) -> dict[str, Any]:
    """Make the record file at `path` look as an older extractor wrote it: another version,
    another title, and a second measure ("Annex", a heading it took for one) that the current
    extractor does not find. The planted record, as data."""
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    measure = record["measures"][0]
    record["extractor"]["version"] = "0.0.1+older"
    record["measures"][0] = dict(measure, title=OLDER_TITLE)
    extra = dict(measure, measure_id=measure["measure_id"][:-1] + "1", index=1, title="Annex")
    record["measures"].append(extra)
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def write_corrections(
    path: Path, record: dict[str, Any], changes: list[dict[str, Any]], review_state: str
) -> Path:
    """A corrections file (schemas/corrections.py) for `record`, as a review page exports it."""
    data = {
        "record_sha256": record["source"]["sha256"],
        "extractor_version": record["extractor"]["version"],
        "reviewer": "A. Reviewer",
        "time": "2026-12-01T10:00:00Z",
        "review_state": review_state,
        "changes": changes,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
