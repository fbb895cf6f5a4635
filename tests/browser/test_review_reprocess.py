"""Corrections exported from a review page outlive a new extraction (Prefect runs: slow): the
record is extracted again under another version, its page keeps the corrections and lists the
change whose measure is gone as an orphan, and the one whose machine value moved as a
conflict."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from records import OLDER_TITLE, plant_older_record

SEED = "azerbaijan-civil-society-consultation.txt"
NEW_TITLE = "Consultation with civil society"


def edit_title(page: Any, measure_id: str, title: str) -> None:
    row = page.locator(f'.field[data-field="{measure_id}:title"]')
    row.locator("button.edit").click()
    row.locator(".editor input:not(.note)").fill(title)
    row.locator("button.save").click()


def test_a_new_extraction_keeps_the_corrections_and_lists_the_orphan(
    ingest_samples: Callable[[Sequence[str]], Path], page: Any, tmp_path: Path, artifacts: Path
) -> None:
    from flows.cli import main
    from flows.ingest import run_ingest

    out = ingest_samples([SEED])
    (record_path,) = (out / "records").glob("*.json")
    record = plant_older_record(record_path)
    assert main(["review", str(out)]) == 0  # the planted record's page
    sha256 = record["source"]["sha256"]
    first, extra = (measure["measure_id"] for measure in record["measures"])
    page.goto((out / "review" / f"{sha256}.html").as_uri())
    edit_title(page, first, NEW_TITLE)
    edit_title(page, extra, "Annex of the report")
    page.select_option("#review-state", "in_review")
    page.fill("#reviewer", "A. Reviewer")
    with page.expect_download() as download:
        page.click("#export")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert main(["correct", str(out), str(path)]) == 0

    run_ingest([tmp_path / "inbox"], out)  # the older record is extracted again
    page.reload()
    title = page.locator(f'.field[data-field="{first}:title"]')
    assert NEW_TITLE in title.locator(".value").inner_text()
    assert title.locator(".src-corrected").count() == 1
    assert "in review" in page.locator("#review-state-shown").inner_text()
    unsettled = page.locator("#unsettled")
    assert unsettled.is_visible()
    (orphan,) = unsettled.locator("li.orphan").all()
    assert f"{extra}:title" in orphan.inner_text() and "Annex of the report" in orphan.inner_text()
    (conflict,) = unsettled.locator("li.conflict").all()
    assert OLDER_TITLE in conflict.inner_text()
    assert page.locator(f'.unit[data-unit="{extra}"]').count() == 0
    page.screenshot(path=str(artifacts / "review-unsettled.png"))
    assert page.console_errors == [] and page.dialogs == []
