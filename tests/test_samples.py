"""End to end: every sample gives its golden JSON, byte for byte, and the seed's renderings in
DOCX, PDF and HTML give the same measure fields as the text file.

`UPDATE_GOLDEN=1 pytest tests/test_samples.py` rewrites the goldens; read the diff before
committing it (samples/README.md lists the values each golden must hold). The goldens hold the
extractor version masked: it changes with every edit of the code (pipeline/version.py), while a
golden should change only when a value does.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pipeline import extract_file, record_json
from schemas.measure import FieldKind, field_value, measure_field, measure_fields

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = SAMPLES / "expected"
SAMPLE_FILES = sorted(
    path for path in SAMPLES.iterdir() if path.suffix in {".txt", ".docx", ".pdf", ".html"}
)
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
MASKED_VERSION = "(masked in goldens)"
_EXTRACTOR_VERSION = re.compile(
    r'(\n  "extractor": \{\n    "name": "qpr",\n    "version": )"[^"]*"'
)
SEED = "azerbaijan-civil-society-consultation"


def golden_path(sample: Path) -> Path:
    return EXPECTED / f"{sample.name}.json"


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.name)
def test_sample_matches_its_golden(sample: Path) -> None:
    produced = masked(record_json(extract_file(sample)) + "\n")
    golden = golden_path(sample)
    if UPDATE:
        EXPECTED.mkdir(exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"no golden for {sample.name}: run with UPDATE_GOLDEN=1 and check it"
    assert produced == golden.read_text(encoding="utf-8")


def masked(text: str) -> str:
    """A record's JSON with its extractor version masked (there is exactly one)."""
    text, count = _EXTRACTOR_VERSION.subn(rf'\1"{MASKED_VERSION}"', text)
    assert count == 1, "the record's extractor version is where a record has it"
    return text


def test_every_golden_has_its_sample() -> None:
    assert sorted(path.name for path in EXPECTED.glob("*.json")) == sorted(
        f"{path.name}.json" for path in SAMPLE_FILES
    )


def test_golden_update_is_off_in_ci() -> None:
    assert not (UPDATE and os.environ.get("CI")), "UPDATE_GOLDEN must never be set in CI"


def test_extraction_is_deterministic() -> None:
    sample = SAMPLES / f"{SEED}.txt"
    assert record_json(extract_file(sample)) == record_json(extract_file(sample))


MEASURE_FIELDS_COMPARED = (
    "title",
    "agency",
    "country",
    "year",
    "reported_by_civil_society",
    "description",
    "website",
    "results",
    "budget",
    "evaluation",
    "goals",
    "areas_of_monitoring",
    "cultural_domains",
    "transversal_priorities",
    "languages",
)


def comparable(sample: Path) -> dict[str, object]:
    record = extract_file(sample)
    measure = record.measures[0].model_dump(mode="json")
    fields = {name: measure[name] for name in MEASURE_FIELDS_COMPARED}
    fields["budget"] = {key: value for key, value in measure["budget"].items() if key != "amounts"}
    fields["budget"]["amounts"] = [
        {key: value for key, value in amount.items() if key != "span"}
        for amount in measure["budget"]["amounts"]
    ]
    fields["partners"] = [
        {key: value for key, value in partner.items() if key != "span"}
        for partner in measure["partners"]
    ]
    for name in ("goals", "areas_of_monitoring", "cultural_domains", "transversal_priorities"):
        fields[name] = [value["code"] for value in measure[name]]
    fields["status"] = record.status.value
    fields["form_language"] = record.languages.form
    fields["content_language"] = record.languages.content
    return fields


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_seed_renderings_give_the_same_fields(suffix: str) -> None:
    assert comparable(SAMPLES / f"{SEED}{suffix}") == comparable(SAMPLES / f"{SEED}.txt")


def test_seed_values() -> None:
    """The values issue #2 names for the seed, checked field by field."""
    record = extract_file(SAMPLES / f"{SEED}.txt")
    measure = record.measures[0]
    assert measure.title == (
        "Mechanisms of regular consultation and exchange with the civil society organizations and actors"
    )
    assert measure.agency == "Ministry of Culture of the Republic of Azerbaijan"
    assert measure.country is not None and (measure.country.name, measure.country.iso3) == (
        "Azerbaijan",
        "AZE",
    )
    assert (record.languages.form, record.languages.content) == ("fr", "en")
    assert measure.description and measure.description.startswith("To expand cooperation")
    assert measure.description.endswith("non-formal education and training.")
    assert measure.results and measure.results.startswith("Many of such consultations")
    assert measure.results.endswith("funding or partnerships.")
    budget = measure.budget
    assert (budget.raw, budget.amount, budget.currency, budget.status.value) == (
        "65 000",
        65000,
        "USD",
        "stated",
    )
    assert any(
        issue.code.value == "currency_from_label" and issue.severity.value == "info"
        for issue in record.issues
    )
    assert [partner.name for partner in measure.partners] == [
        "Azerbaijan Composers' Union",
        "Azerbaijan Writers' Union",
        "Azerbaijan Theatre workers' Union",
        "Azerbaijan Artists' Union",
        "Union of Cinematographers of Azerbaijan",
    ]
    assert {
        (p.entity_type.value if p.entity_type else None, p.raw_type) for p in measure.partners
    } == {("civil_society", "Organisation de la société civile (OSC)")}
    assert measure.evaluation.evaluated is None
    assert measure.goals == [] and measure.cultural_domains == []
    assert record.status.value == "ok"


def test_spans_point_at_the_values() -> None:
    record = extract_file(SAMPLES / f"{SEED}.txt", include_text=True)
    text = record.text
    assert text is not None
    measure = record.measures[0]
    for field in ("title", "agency", "description", "results"):
        span = measure.spans[field]
        assert text[span.start : span.end] == getattr(measure, field)
    assert text[measure.spans["budget"].start : measure.spans["budget"].end] == measure.budget.raw
    for partner in measure.partners:
        assert partner.span is not None and partner.name is not None
        assert text[partner.span.start : partner.span.end].startswith(partner.name)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.name)
def test_every_value_is_traceable_to_its_span(sample: Path) -> None:
    record = extract_file(sample, include_text=True)
    text = record.text
    assert text is not None
    for measure in record.measures:

        def at(span) -> str:  # type: ignore[no-untyped-def]
            return text[span.start : span.end]

        # The values a span slices exactly (several bodies of an agency are joined by "; ").
        for field in (
            measure_field("title"),
            *measure_fields(FieldKind.FREE_TEXT, FieldKind.WEBSITE),
        ):
            value = field_value(measure, field)
            if value is not None:
                assert at(measure.spans[field.name]) == value
        if measure.agency is not None:
            assert at(measure.spans["agency"]).replace("\n", "; ") == measure.agency
        if measure.budget.raw is not None:
            assert at(measure.spans["budget"]) == measure.budget.raw
        for amount in measure.budget.amounts:
            assert amount.span is not None and any(char.isdigit() for char in at(amount.span))
        for partner in measure.partners:
            covered = at(partner.span)
            assert all(part in covered for part in (partner.name, partner.raw_type) if part)
        for name in ("goals", "areas_of_monitoring", "cultural_domains", "transversal_priorities"):
            for value in getattr(measure, name):
                assert at(value.span) == value.raw
