"""The review page as a reviewer uses it, in Chromium: a field and its place in the text select
each other, the filters and the language switch work, the index sorts and filters, and a
document holding markup or script shows it as text and runs nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline import extract_file
from pipeline.completeness import missing_items
from pipeline.review.index import index_entry, review_index
from pipeline.review.page import review_page
from schemas.report import ReportRecord

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = SAMPLES / "azerbaijan-civil-society-consultation.txt"
KENYA = SAMPLES / "reports" / "kenya-2020-en.docx"


def write_page(record: ReportRecord, text: str, folder: Path) -> Path:
    path = folder / f"{record.source.sha256}.html"
    path.write_text(review_page(record, text, missing_items(record)), encoding="utf-8")
    return path


def open_document(document: Path, folder: Path, page: Any) -> ReportRecord:
    record = extract_file(document, include_text=True)
    text = record.text or ""
    record = record.model_copy(update={"text": None})
    page.goto(write_page(record, text, folder).as_uri())
    return record


def no_errors(page: Any) -> None:
    assert page.console_errors == [] and page.dialogs == []


def test_clicking_the_budget_field_marks_its_value_in_the_text(
    tmp_path: Path, page: Any, artifacts: Path
) -> None:
    record = open_document(SEED, tmp_path, page)
    key = f"{record.measures[0].measure_id}:budget"
    page.click(f'.field[data-field="{key}"]')
    assert (
        page.locator(f'.field[data-field="{key}"]').get_attribute("class").split().count("selected")
    )
    current = page.locator("#text mark.current")
    assert current.count() >= 1
    assert "".join(current.all_inner_texts()) == "65 000"
    page.screenshot(path=str(artifacts / "review-seed.png"))
    no_errors(page)


def test_clicking_marked_text_selects_its_field(tmp_path: Path, page: Any) -> None:
    record = open_document(SEED, tmp_path, page)
    measure = record.measures[0].measure_id
    page.locator("#text mark", has_text="65 000").first.click()
    assert page.locator(".field.selected").get_attribute("data-field") == f"{measure}:budget"
    title = record.measures[0].title or ""
    page.locator("#text mark", has_text=title[:30]).first.click()
    assert page.locator(".field.selected").get_attribute("data-field") == f"{measure}:title"
    no_errors(page)


def visible_fields(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".field[data-field]",
        "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.field)",
    )


def test_filters_show_only_fields_with_issues_or_missing_ones(tmp_path: Path, page: Any) -> None:
    record = open_document(KENYA, tmp_path, page)
    every = visible_fields(page)
    page.check("#filter-missing")
    missing = visible_fields(page)
    expected = {f"{item.measure_id or 'report'}:{item.field}" for item in missing_items(record)}
    assert missing and set(missing) <= set(every)
    assert set(missing) == expected & set(every)
    page.uncheck("#filter-missing")
    page.check("#filter-issues")
    with_issues = visible_fields(page)
    assert with_issues and len(with_issues) < len(every)
    page.uncheck("#filter-issues")
    page.uncheck("#filter-entities")
    assert page.eval_on_selector("body", "b => b.classList.contains('no-entities')")
    no_errors(page)


def test_the_language_switch_turns_the_pages_words_to_french(tmp_path: Path, page: Any) -> None:
    open_document(SEED, tmp_path, page)
    english = page.inner_text("header")
    page.click("#lang-switch")
    assert page.eval_on_selector("html", "h => h.lang") == "fr"
    french = page.inner_text("header")
    assert french != english
    page.click("#lang-switch")
    assert page.inner_text("header") == english
    no_errors(page)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_document_with_markup_and_script_shows_it_as_text_and_runs_nothing(
    tmp_path: Path, page: Any, suffix: str
) -> None:
    hostile = (
        "Mesure culturelle <script>alert('text')</script>\n"
        "Qui\nMinistère </script><img src=x onerror=alert('img')> de la Culture\n"
        "Décrivez les principales caractéristiques de la politique/mesure:\n"
        "Un fonds <b onclick=alert(1)>pour</b> la musique <!-- --> </textarea> & co.\n"
    )
    source = SEED.read_text(encoding="utf-8").replace(
        "Mechanisms of regular consultation", hostile.splitlines()[0], 1
    )
    document = tmp_path / f"hostile{suffix}"
    if suffix == ".html":
        from html import escape

        source = f"<html><body><pre>{escape(source + hostile)}</pre></body></html>"
    else:
        source += "\n" + hostile
    document.write_text(source, encoding="utf-8")
    open_document(document, tmp_path, page)
    text = page.inner_text("#text")
    assert "<script>alert('text')</script>" in text
    assert "<img src=x onerror=alert('img')>" in text
    assert page.locator("#text script, #text img, #text b").count() == 0
    assert page.eval_on_selector_all("script", "s => s.length") == 2  # the page's own
    no_errors(page)


def test_the_index_sorts_and_filters_its_records(tmp_path: Path, page: Any) -> None:
    entries = []
    for document in (SEED, KENYA):
        record = extract_file(document, include_text=True)
        text = record.text or ""
        record = record.model_copy(update={"text": None})
        write_page(record, text, tmp_path)
        entries.append(index_entry(record, missing_items(record), f"{record.source.sha256}.html"))
    index = tmp_path / "index.html"
    index.write_text(review_index(entries), encoding="utf-8")
    page.goto(index.as_uri())
    rows = page.locator("table#records tbody tr")
    assert rows.count() == 2
    page.fill("#index-filter", "kenya")
    assert (
        page.eval_on_selector_all(
            "table#records tbody tr", "rows => rows.filter(r => r.offsetParent !== null).length"
        )
        == 1
    )
    page.fill("#index-filter", "")
    headers = page.locator("table#records thead th")
    names = [headers.nth(i).inner_text() for i in range(headers.count())]
    measures = next(i for i, name in enumerate(names) if "Measures" in name)
    headers.nth(measures).click()
    first = [rows.nth(i).locator("td").nth(measures).inner_text() for i in range(2)]
    headers.nth(measures).click()
    second = [rows.nth(i).locator("td").nth(measures).inner_text() for i in range(2)]
    assert first == list(reversed(second)) and first != second
    no_errors(page)
