"""The corrected view on a review page (pure): corrected rows name their source and show the
machine's value beside, confirmed values are marked, a measure that is not one stays listed
struck out, an added one is listed, the review state and what is unsettled are shown; the page
carries what its editor exports as `old`; the same corrections give the same bytes."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from pipeline import extract_file
from pipeline.corrections import CorrectedView, corrected_view
from pipeline.review import index_entry, review_index, review_page
from schemas import ReportRecord
from schemas.corrections import Corrections

SEED = Path(__file__).resolve().parents[1] / "samples" / "azerbaijan-civil-society-consultation.txt"


@cache
def seed() -> tuple[ReportRecord, str]:
    extracted = extract_file(SEED, include_text=True)
    assert extracted.text is not None
    record = extracted.model_copy(update={"text": None})
    data = record.model_dump(mode="json")
    measure = data["measures"][0]
    data["measures"].append(
        dict(measure, measure_id=measure["measure_id"][:-1] + "1", index=1, title="Annex")
    )
    return ReportRecord.model_validate(data), extracted.text


def view() -> CorrectedView:
    record, _ = seed()
    first, annex = record.measures
    corrections = Corrections.model_validate(
        {
            "record_sha256": record.source.sha256,
            "extractor_version": record.extractor.version,
            "reviewer": "A. Reviewer",
            "time": "2026-12-01T10:00:00Z",
            "review_state": "approved",
            "changes": [
                {
                    "measure_id": first.measure_id,
                    "field": "title",
                    "kind": "set",
                    "old": first.title,
                    "new": "A corrected title",
                },
                {
                    "measure_id": first.measure_id,
                    "field": "budget.amount",
                    "kind": "set",
                    "old": 65000,
                    "new": 70000,
                },
                {
                    "measure_id": first.measure_id,
                    "field": "agency",
                    "kind": "confirm",
                    "old": first.agency,
                },
                {"measure_id": annex.measure_id, "kind": "not_a_measure"},
                {"measure_id": None, "kind": "add_measure", "new": {"title": "A missed one"}},
                {"measure_id": "gone-0", "field": "title", "kind": "set", "old": "x", "new": "y"},
            ],
        }  # fmt: skip
    )
    return corrected_view(record, [corrections])


def row(page: str, key: str) -> str:
    start = page.index(f'data-field="{key}"')
    return page[start : page.index('<div class="field', start + 1)]


def test_corrected_values_are_shown_with_the_machines_beside() -> None:
    record, text = seed()
    first, annex = record.measures
    page = review_page(record, text, (), view())
    title = row(page, f"{first.measure_id}:title")
    assert "src-corrected" in title and "A corrected title" in title
    assert 'class="machine"' in title and (first.title or "") in title
    budget = row(page, f"{first.measure_id}:budget")
    assert "budget.amount" in budget and "65000" in budget
    assert "src-confirmed" in row(page, f"{first.measure_id}:agency")
    assert re.search(rf'class="unit spurious" data-unit="{annex.measure_id}"', page)
    assert 'class="unit added"' in page and "A missed one" in page
    assert 'id="unsettled"' in page and "gone-0:title" in page
    assert re.search(r'id="review-state-shown"><span class="status status-approved">', page)
    assert review_page(record, text, (), view()) == page


def test_the_page_carries_the_machine_values_its_editor_exports_as_old() -> None:
    record, text = seed()
    first, annex = record.measures
    page = review_page(record, text, (), view())
    data = json.loads(re.search(r'id="qpr-data">(.*?)</script>', page).group(1))  # type: ignore[union-attr]
    edit = data["edit"]
    assert edit["sha256"] == record.source.sha256 and edit["review_state"] == "approved"
    unit = edit["units"][first.measure_id]
    assert (
        unit["machine"]["title"] == first.title and unit["current"]["title"] == "A corrected title"
    )
    assert unit["machine"]["budget.amount"] == 65000 and unit["current"]["budget.amount"] == 70000
    assert annex.measure_id not in edit["units"]
    assert "music" in edit["codes"]["cultural_domains"] and "national" in edit["codes"]["scope"]
    for hook in ('id="reviewer"', 'id="review-state"', 'id="export"', 'id="add-measure"'):
        assert hook in page
    assert 'class="not-measure"' in page and 'data-partner="4"' in page


def test_a_page_without_corrections_is_unreviewed_and_the_index_shows_the_state() -> None:
    record, text = seed()
    page = review_page(record, text)
    assert 'id="unsettled"' not in page and 'class="src src-corrected"' not in page
    assert "status-unreviewed" in page
    index = review_index([index_entry(record, [], "a.html", "approved")])
    assert 'data-sort="approved"' in index
