"""Editing on the review page (issue #16, item 3), in Chromium from `file://`: a reviewer edits
values, marks a measure as not one, sets the review state, exports a corrections file; `qpr
correct` stores it, and the page, the index and the dataset then show the corrected view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from commands import qpr

from pipeline import extract_file, record_json
from pipeline.corrections import corrected_view, problems
from schemas import ReportRecord
from schemas.corrections import Corrections

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = SAMPLES / "azerbaijan-civil-society-consultation.txt"
NEW_TITLE = "Consultations with civil society (corrected)"


@pytest.fixture(scope="module")
def seed() -> tuple[dict[str, Any], str]:
    """The seed's record with a second measure planted (a heading taken for one), and its
    text."""
    extracted = extract_file(SEED, include_text=True)
    assert extracted.text is not None
    record = json.loads(record_json(extracted.model_copy(update={"text": None})))
    measure = record["measures"][0]
    annex = dict(measure, measure_id=measure["measure_id"][:-1] + "1", index=1, title="Annex")
    record["measures"].append(annex)
    return record, extracted.text


@pytest.fixture
def batch(tmp_path: Path, seed: tuple[dict[str, Any], str]) -> Path:
    """A batch folder holding the seed's record and text, its pages written by `qpr review`."""
    record, text = seed
    root = tmp_path / "batch"
    sha256 = record["source"]["sha256"]
    for folder in ("records", "texts"):
        (root / folder).mkdir(parents=True)
    (root / "records" / f"{sha256}.json").write_text(json.dumps(record), encoding="utf-8")
    with (root / "texts" / f"{sha256}.txt").open("w", encoding="utf-8", newline="") as file:
        file.write(text)
    manifest = {"schema_version": "1", "extractor_version": "test", "inputs": []}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code, _, err = qpr("review", str(root))
    assert code == 0, err
    return root


def row(page: Any, unit: str, name: str) -> Any:
    return page.locator(f'.field[data-field="{unit}:{name}"]')


def export(page: Any, folder: Path, reviewer: str = "A. Reviewer") -> Path:
    page.fill("#reviewer", reviewer)
    with page.expect_download() as download:
        page.click("#export")
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def no_trouble(page: Any) -> None:
    assert page.console_errors == []
    assert page.dialogs == []


def test_export_then_correct_shows_the_corrected_view(
    page: Any, batch: Path, tmp_path: Path, seed: tuple[dict[str, Any], str], artifacts: Path
) -> None:
    record, _ = seed
    sha256 = record["source"]["sha256"]
    first, annex = (measure["measure_id"] for measure in record["measures"])
    partner = record["measures"][0]["partners"][1]
    new_type = "private_sector" if partner["entity_type"] != "private_sector" else "other"
    page.goto((batch / "review" / f"{sha256}.html").as_uri())

    title = row(page, first, "title")
    title.locator("button.edit").click()
    title.locator(".editor input:not(.note)").fill(NEW_TITLE)
    title.locator(".editor input.note").fill("The cover page gives this title")
    title.locator("button.save").click()
    partners = row(page, first, "partners")
    partners.locator("button.edit").click()
    partners.locator('.partner-row[data-partner="1"] select').select_option(new_type)
    partners.locator("button.save").click()
    page.locator(f'.unit[data-unit="{annex}"] button.not-measure').click()
    page.select_option("#review-state", "approved")
    path = export(page, tmp_path)

    assert path.name == f"corrections-{sha256}.json"
    exported = Corrections.model_validate_json(path.read_text(encoding="utf-8"))
    assert exported.review_state == "approved" and exported.reviewer == "A. Reviewer"
    kinds = {(change.field, change.kind.value) for change in exported.changes}
    notes = {change.field: change.note for change in exported.changes}
    assert (
        notes["title"] == "The cover page gives this title"
        and notes["partners.1.entity_type"] == ""
    )
    assert kinds == {("title", "set"), ("partners.1.entity_type", "set"), (None, "not_a_measure")}
    code, out, err = qpr("correct", str(batch), str(path))
    assert code == 0, err + out

    page.reload()
    title = row(page, first, "title")
    assert NEW_TITLE in title.locator(".value").inner_text()
    assert title.locator(".src-corrected").count() == 1
    assert record["measures"][0]["title"] in title.locator(".machine").inner_text()
    assert "approved" in page.locator("#review-state-shown").inner_text()
    assert "spurious" in (page.locator(f'.unit[data-unit="{annex}"]').get_attribute("class") or "")
    assert new_type in row(page, first, "partners").locator('[data-partner="1"]').inner_text()
    page.screenshot(path=str(artifacts / "review-corrected.png"))
    rows = [json.loads(line) for line in (batch / "dataset.jsonl").read_text().splitlines()]
    assert [(r["measure_id"], r["title"], r["review_state"]) for r in rows] == [
        (first, NEW_TITLE, "approved")
    ]
    page.goto((batch / "review" / "index.html").as_uri())
    assert "approved" in page.locator(f'tr[data-sha256="{sha256}"]').inner_text()

    # The reviewer changes their mind: the annex is a measure after all.
    page.goto((batch / "review" / f"{sha256}.html").as_uri())
    page.locator(f'.unit[data-unit="{annex}"] button.is-measure').click()
    again = export(page, tmp_path / "again")
    assert qpr("correct", str(batch), str(again))[0] == 0
    rows = [json.loads(line) for line in (batch / "dataset.jsonl").read_text().splitlines()]
    assert [r["measure_id"] for r in rows] == [first, annex]
    page.reload()
    assert "spurious" not in (
        page.locator(f'.unit[data-unit="{annex}"]').get_attribute("class") or ""
    )
    no_trouble(page)


def test_every_kind_of_edit_exports_a_file_the_record_accepts(
    page: Any, batch: Path, tmp_path: Path, seed: tuple[dict[str, Any], str]
) -> None:
    record, _ = seed
    sha256 = record["source"]["sha256"]
    first = record["measures"][0]["measure_id"]
    page.goto((batch / "review" / f"{sha256}.html").as_uri())

    page.click("#export")  # no name yet: said on the page, nothing downloaded
    assert "name" in page.locator("#edit-status").inner_text()
    budget = row(page, first, "budget")
    budget.locator("button.edit").click()
    budget.locator("input.amount").fill("70000")
    budget.locator("input.currency").fill("eur")
    budget.locator("button.save").click()
    domains = row(page, first, "cultural_domains")
    domains.locator("button.edit").click()
    domains.locator(".editor input[type=checkbox]").first.check()
    domains.locator('.editor input[value="music"]').check()
    domains.locator("button.save").click()
    scope = row(page, first, "scope")
    scope.locator("button.edit").click()
    scope.locator('.editor input[value="international"]').check()
    scope.locator("button.save").click()
    partners = row(page, first, "partners")
    partners.locator("button.edit").click()
    partners.locator("button.add-partner").click()
    partners.locator('.partner-row[data-partner="5"] input').fill("New Partner NGO")
    partners.locator('.partner-row[data-partner="5"] select').select_option("civil_society")
    partners.locator("button.save").click()
    row(page, first, "agency").locator("button.confirm").click()
    row(page, first, "website").locator("button.wrong").click()
    year = row(page, first, "year")
    year.locator("button.edit").click()
    year.locator(".editor input:not(.note)").fill("2018")
    year.locator("button.save").click()
    evaluated = row(page, first, "evaluated")
    evaluated.locator("button.edit").click()
    evaluated.locator("select.yes-no").select_option("false")
    evaluated.locator("button.save").click()
    page.click("#add-measure")
    page.fill('#add-measure-form [data-path="title"]', "A measure the extractor missed")
    page.fill('#add-measure-form [data-path="year"]', "2019")
    page.click("#add-measure-form button.save")
    path = export(page, tmp_path, "B. Reviewer")

    corrections = Corrections.model_validate_json(path.read_text(encoding="utf-8"))
    machine = ReportRecord.model_validate(record)
    assert problems(machine, corrections) == []
    view = corrected_view(machine, [corrections])
    measure = view.record.measures[0]
    assert (measure.budget.amount, measure.budget.currency) == (70000, "EUR")
    assert "music" in [value.code for value in measure.cultural_domains]
    assert "international" in measure.scope
    assert measure.partners[5].name == "New Partner NGO"
    assert measure.website is None
    assert (measure.year, measure.evaluation.evaluated) == (2018, False)
    assert f"{first}:agency" in view.confirmed
    assert [m.title for m in view.record.measures][-1] == "A measure the extractor missed"
    assert view.record.measures[-1].year == 2019
    no_trouble(page)


def test_removing_a_partner_sets_the_whole_list(
    page: Any, batch: Path, tmp_path: Path, seed: tuple[dict[str, Any], str]
) -> None:
    record, _ = seed
    first = record["measures"][0]
    page.goto((batch / "review" / f"{record['source']['sha256']}.html").as_uri())
    partners = row(page, first["measure_id"], "partners")
    partners.locator("button.edit").click()
    partners.locator('.partner-row[data-partner="0"] button.remove').click()
    partners.locator("button.save").click()
    assert partners.locator(".items li").count() == len(first["partners"]) - 1
    path = export(page, tmp_path)
    corrections = Corrections.model_validate_json(path.read_text(encoding="utf-8"))
    (change,) = corrections.changes
    assert (change.field, change.kind.value) == ("partners", "set")
    machine = ReportRecord.model_validate(record)
    assert problems(machine, corrections) == []
    names = [p.name for p in corrected_view(machine, [corrections]).record.measures[0].partners]
    assert names == [p["name"] for p in first["partners"][1:]]
    no_trouble(page)
