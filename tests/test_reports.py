"""Whole periodic reports against their truth: samples/reports/ holds synthetic reports written by
samples/generate.py, and samples/reports/truth/<file name>.json what qpr must find in each.

Per report: first the measure count and titles, then every measure field by field (all differing
fields in one message), then the report-level fields. The generator itself must write the same
bytes twice (regenerate with `.venv/bin/python -m samples.generate`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline import extract_file
from samples.generate import generate_report

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REPORTS = SAMPLES / "reports"
TRUTH = REPORTS / "truth"
REPORT_FILES = sorted(
    path for path in REPORTS.glob("*") if path.suffix in {".docx", ".pdf"} and path.is_file()
)
LIST_FIELDS = (
    "goals",
    "areas_of_monitoring",
    "cultural_domains",
    "transversal_priorities",
    "scope",
    "nature",
)
SHOWN = 160  # characters of a value shown in a failure message


def truth_of(report: Path) -> dict[str, Any]:
    return json.loads((TRUTH / f"{report.name}.json").read_text(encoding="utf-8"))


@functools.cache
def extracted(report: Path) -> dict[str, Any]:
    return extract_file(report).model_dump(mode="json")


def codes(values: list[dict[str, Any]] | list[str]) -> list[str]:
    return sorted(value["code"] if isinstance(value, dict) else value for value in values)


def stated(values: list[Any]) -> list[Any]:
    """What the document states (the form or a heading): the truth knows nothing of values
    qpr infers from the text. Scope and nature are plain codes, always stated."""
    return [v for v in values if not isinstance(v, dict) or v.get("source") != "inferred"]


def project_measure(measure: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    """The record's measure in the truth's shape: codes, budget and partners reduced; only
    stated values, never inferred ones."""
    projected: dict[str, Any] = {}
    for key in keys:
        value = measure.get(key)
        if key in LIST_FIELDS:
            value = codes(
                stated(value or []) if value and isinstance(value[0], dict) else value or []
            )
        elif key == "country" and value is not None:
            value = {"name": value["name"], "iso3": value["iso3"]}
        elif key == "budget":
            value = {name: value[name] for name in ("status", "amount", "currency")}
        elif key == "partners":
            value = [
                {
                    "name": p["name"],
                    "entity_type": p["entity_type"] if p["source"] == "form" else None,
                }
                for p in value
            ]
        elif key == "evaluation":
            value = {"evaluated": value["evaluated"], "conclusions": value["conclusions"]}
        projected[key] = value
    return projected


def expected_measure(measure: dict[str, Any]) -> dict[str, Any]:
    return {key: codes(value) if key in LIST_FIELDS else value for key, value in measure.items()}


def project_report(report: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    projected = {key: report.get(key) for key in keys}
    if projected.get("party"):
        projected["party"] = {name: projected["party"][name] for name in ("name", "iso3")}
    return projected


def shorten(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def describe(key: str, expected: Any, found: Any) -> str:
    """One field's difference; for lists, the lengths and the first row that differs."""
    pad = " " * len(key)
    if isinstance(expected, list) and isinstance(found, list) and expected and found:
        index = next(
            (n for n, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b),
            min(len(expected), len(found)),
        )
        want = expected[index] if index < len(expected) else "(none)"
        got = found[index] if index < len(found) else "(none)"
        return (
            f"    {key}: expected {len(expected)} item(s), found {len(found)}; first difference "
            f"at item {index + 1}:\n    {pad}  expected {shorten(want)}\n    {pad}  found    "
            f"{shorten(got)}"
        )
    return f"    {key}: expected {shorten(expected)}\n    {pad}  found    {shorten(found)}"


def differences(expected: dict[str, Any], found: dict[str, Any]) -> list[str]:
    return [
        describe(key, expected[key], found.get(key))
        for key in expected
        if expected[key] != found.get(key)
    ]


def titles_message(name: str, expected: list[str], found: list[str | None]) -> str:
    lines = [f"{name}: {len(found)} measure(s) found, {len(expected)} expected"]
    lines.append("  expected titles:")
    lines += [f"    {number}. {title}" for number, title in enumerate(expected, start=1)]
    lines.append("  found titles:")
    lines += [f"    {number}. {title}" for number, title in enumerate(found, start=1)]
    return "\n".join(lines)


@pytest.mark.parametrize("report", REPORT_FILES, ids=lambda path: path.name)
def test_measures_match_the_truth(report: Path) -> None:
    truth = truth_of(report)["measures"]
    measures = extracted(report)["measures"]
    expected_titles = [measure["title"] for measure in truth]
    found_titles = [measure["title"] for measure in measures]
    assert (len(measures), found_titles) == (len(truth), expected_titles), titles_message(
        report.name, expected_titles, found_titles
    )
    problems = []
    for number, (want, got) in enumerate(zip(truth, measures, strict=True), start=1):
        diff = differences(expected_measure(want), project_measure(got, list(want)))
        if diff:
            problems.append(f"  measure {number} ({want['title']}):\n" + "\n".join(diff))
    assert not problems, f"{report.name}: fields differ from the truth\n" + "\n".join(problems)


@pytest.mark.parametrize("report", REPORT_FILES, ids=lambda path: path.name)
def test_report_fields_match_the_truth(report: Path) -> None:
    truth = truth_of(report)["report"]
    found = project_report(extracted(report)["report"], list(truth))
    problems = differences(truth, found)
    assert not problems, f"{report.name}: report fields differ from the truth\n" + "\n".join(
        problems
    )


def test_every_report_has_its_truth_and_back() -> None:
    assert REPORT_FILES, "samples/reports/ holds no report: run python -m samples.generate"
    assert sorted(f"{path.name}.json" for path in REPORT_FILES) == sorted(
        path.name for path in TRUTH.glob("*.json")
    )


# --------------------------------------------------------------------------- the generator


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_generator_writes_identical_bytes_twice(tmp_path: Path) -> None:
    for run in ("first", "second"):
        out = tmp_path / run
        generate_report("2020-en", 7, out, fmt="docx", measures=2, civil_society=1)
        generate_report("2016-chapters", 7, out, measures=4)
        generate_report("own-layout", 7, out, measures=2)
        generate_report("2012-form", 7, out, measures=1)
        generate_report(
            "2020-fr", 7, out, fmt="pdf", party="burkina-faso", measures=2, civil_society=1
        )
    first, second = digests(tmp_path / "first"), digests(tmp_path / "second")
    assert len(first) == 10
    assert first == second


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed",
)
def test_generator_libreoffice_pdf_is_byte_stable(tmp_path: Path) -> None:
    for run in ("first", "second"):
        generate_report("2020-en", 7, tmp_path / run, fmt="pdf", measures=1)
    assert digests(tmp_path / "first") == digests(tmp_path / "second")
