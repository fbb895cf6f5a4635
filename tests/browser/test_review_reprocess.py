"""Corrections exported from a review page outlive a new extraction (Prefect runs: slow): the
record is extracted again under another version, its page keeps the corrections and lists the
change whose measure is gone as an orphan, and the one whose machine value moved as a
conflict."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# As tests/flows/conftest.py does, before Prefect is first imported.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="qpr-prefect-home-"))
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = "azerbaijan-civil-society-consultation.txt"
OLDER_TITLE = "An older extractor's title"
NEW_TITLE = "Consultation with civil society"


@pytest.fixture(scope="module")
def prefect() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


def plant_older_record(out: Path) -> dict[str, Any]:
    """The seed's record as an older extractor made it: another title, and a second measure
    that the current extractor does not find (as tests/flows/test_corrections_flow.py)."""
    (path,) = (out / "records").glob("*.json")
    record = json.loads(path.read_text(encoding="utf-8"))
    measure = record["measures"][0]
    record["extractor"]["version"] = "0.0.1+older"
    record["measures"][0] = dict(measure, title=OLDER_TITLE)
    extra = dict(measure, measure_id=measure["measure_id"][:-1] + "1", index=1, title="Annex")
    record["measures"].append(extra)
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def edit_title(page: Any, measure_id: str, title: str) -> None:
    row = page.locator(f'.field[data-field="{measure_id}:title"]')
    row.locator("button.edit").click()
    row.locator(".editor input").fill(title)
    row.locator("button.save").click()


def test_a_new_extraction_keeps_the_corrections_and_lists_the_orphan(
    prefect: None, page: Any, tmp_path: Path, artifacts: Path
) -> None:
    from flows.cli import main
    from flows.ingest import run_ingest

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / SEED, inbox / SEED)
    out = tmp_path / "out"
    run_ingest([inbox], out)
    record = plant_older_record(out)
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

    run_ingest([inbox], out)  # the older record is extracted again
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
