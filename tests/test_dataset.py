"""The flat dataset (pipeline/dataset/): one row per measure in column order, contact details
only on request, values as the record has them, and a codebook generated from the schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from form_labels import GOAL_1, english_record
from pydantic import BaseModel

from pipeline import extract_bytes, extract_file
from pipeline.corrections import corrected_view
from pipeline.dataset import codebook, codebook_markdown, columns, measure_rows
from schemas import SCHEMA_VERSION, Issue, Measure, ReportRecord
from schemas.common import Country
from schemas.corrections import Change, Corrections, ReviewState
from schemas.measure import Budget, Evaluation, GoalValue
from schemas.report import Contact, Extractor, Languages, Period, Report, SourceInfo

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
KENYA = SAMPLES / "reports" / "kenya-2020-en.docx"
BARBADOS_2012 = SAMPLES / "reports" / "barbados-2012-form.pdf"
PERSONAL = ["contact_email", "contact_phone", "contact_address"]

# The schema field each column flattens: its description must reach the codebook.
SOURCE_FIELDS: dict[str, tuple[type[BaseModel], str]] = {
    "source_sha256": (SourceInfo, "sha256"),
    "source_filename": (SourceInfo, "filename"),
    "source_format": (SourceInfo, "format"),
    "source_pages": (SourceInfo, "pages"),
    "extractor_version": (Extractor, "version"),
    "schema_version": (ReportRecord, "schema_version"),
    "record_status": (ReportRecord, "status"),
    "review_state": (Corrections, "review_state"),
    "form_language": (Languages, "form"),
    "content_language": (Languages, "content"),
    "party_name": (Country, "name"),
    "party_iso3": (Country, "iso3"),
    "period_start": (Period, "start"),
    "period_end": (Period, "end"),
    "report_year": (Report, "year"),
    "ratification_date": (Report, "ratification_date"),
    "contact_name": (Contact, "name"),
    "contact_organization": (Contact, "organization"),
    "contact_email": (Contact, "email"),
    "contact_phone": (Contact, "phone"),
    "contact_address": (Contact, "address"),
    "measure_id": (Measure, "measure_id"),
    "measure_index": (Measure, "index"),
    "title": (Measure, "title"),
    "agency": (Measure, "agency"),
    "country_name": (Measure, "country"),
    "country_iso3": (Country, "iso3"),
    "year": (Measure, "year"),
    "reported_by_civil_society": (Measure, "reported_by_civil_society"),
    "description": (Measure, "description"),
    "website": (Measure, "website"),
    "results": (Measure, "results"),
    "key_objectives": (Measure, "key_objectives"),
    "scope": (Measure, "scope"),
    "nature": (Measure, "nature"),
    "budget_raw": (Budget, "raw"),
    "budget_status": (Budget, "status"),
    "budget_amount": (Budget, "amount"),
    "budget_currency": (Budget, "currency"),
    "budget_amounts": (Budget, "amounts"),
    "partner_names": (Measure, "partners"),
    "partner_types": (Measure, "partners"),
    "evaluated": (Evaluation, "evaluated"),
    "conclusions": (Evaluation, "conclusions"),
    "goals": (Measure, "goals"),
    "goals_source": (GoalValue, "source"),
    "areas_of_monitoring": (Measure, "areas_of_monitoring"),
    "areas_of_monitoring_source": (GoalValue, "source"),
    "cultural_domains": (Measure, "cultural_domains"),
    "cultural_domains_source": (GoalValue, "source"),
    "transversal_priorities": (Measure, "transversal_priorities"),
    "transversal_priorities_source": (GoalValue, "source"),
    "languages": (Measure, "languages"),
    "issue_codes": (Issue, "code"),
}
COLUMN_NAMES = [
    *("source_sha256", "source_filename", "source_format", "source_pages"),
    *("extractor_version", "schema_version", "record_status", "review_state", "form_language"),
    *("content_language", "party_name", "party_iso3", "period_start", "period_end"),
    *("report_year", "cycle", "ratification_date", "contact_name", "contact_organization"),
    *("contact_email", "contact_phone", "contact_address"),
    *(
        "measure_id",
        "measure_index",
        "cluster_id",
        "title",
        "agency",
        "country_name",
        "country_iso3",
    ),
    *("year", "reported_by_civil_society", "description", "website", "results"),
    *("key_objectives", "scope", "nature", "budget_raw", "budget_status", "budget_amount"),
    *("budget_currency", "budget_amounts", "partner_count", "partner_names", "partner_types"),
    *("partner_types_source", "evaluated", "conclusions", "goals", "goals_source"),
    *("areas_of_monitoring", "areas_of_monitoring_source", "cultural_domains"),
    *("cultural_domains_source", "transversal_priorities", "transversal_priorities_source"),
    *("languages", "corrected_fields", "machine_values", "issue_count", "issue_codes"),
]
KIND_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "list": (list,),
}


@pytest.fixture(scope="module")
def kenya() -> ReportRecord:
    return extract_file(KENYA)


def names(include_contact: bool = False) -> list[str]:
    return [column.name for column in columns(include_contact)]


def text_record() -> ReportRecord:
    text = english_record(
        title="Music Export Office",
        head=("Ministry of Culture",),
        description="Support to touring bands.\n\nA second paragraph about the bands.",
        results="Forty bands toured abroad.",
        budget="15.000 EUR (17,500.00 USD)",
        partners=(("Arts Council", "Public Sector"), ("", "Civil Society Organization (CSO)")),
        evaluated="NO",
        goals=(GOAL_1,),
        domains=("Music",),
    )
    return extract_bytes(text.encode(), "music-export.txt")


def test_one_row_per_measure_with_the_columns_in_order(kenya: ReportRecord) -> None:
    rows = measure_rows(kenya)
    assert len(rows) == len(kenya.measures) == 10
    assert all(list(row) == names() for row in rows)
    assert [row["measure_index"] for row in rows] == list(range(10))


def test_contact_details_only_on_request(kenya: ReportRecord) -> None:
    assert [column.name for column in columns(True) if column.personal] == PERSONAL
    assert not set(PERSONAL) & set(names())
    after_organization = names().index("contact_organization") + 1
    assert names(True) == names()[:after_organization] + PERSONAL + names()[after_organization:]
    row = measure_rows(kenya)[0]
    assert row["contact_name"] == "Ms Wanjiku Achieng Otieno"
    assert not set(PERSONAL) & set(row)
    full = measure_rows(kenya, include_contact=True)[0]
    assert list(full) == names(True)
    assert full["contact_email"] == "convention2005@creativeeconomy.go.ke"
    assert full["contact_phone"] == "+254 20 271 0466"
    assert full["contact_address"] == "P.O. Box 49810-00100, Nairobi"


def test_a_record_without_measures_gives_no_rows() -> None:
    failed = extract_bytes(b"", "x.txt")
    assert failed.status.value == "failed"
    assert measure_rows(failed) == measure_rows(failed, include_contact=True) == []


def test_values_of_a_known_measure(kenya: ReportRecord) -> None:
    row = measure_rows(kenya)[0]
    assert row["source_sha256"] == kenya.source.sha256
    assert (row["source_filename"], row["source_format"]) == ("kenya-2020-en.docx", "docx")
    assert (row["schema_version"], row["record_status"]) == (SCHEMA_VERSION, "ok")
    assert (row["party_name"], row["party_iso3"]) == ("Kenya", "KEN")
    assert (row["period_start"], row["period_end"]) == (2020, 2023)
    assert row["ratification_date"] == "2007-10-24"
    assert row["title"] == "Film Production Incentive Programme"
    assert (row["country_name"], row["country_iso3"], row["year"]) == ("Kenya", "KEN", 2018)
    assert row["budget_amount"] == 2926700 and isinstance(row["budget_amount"], int)
    assert (row["budget_currency"], row["budget_status"]) == ("USD", "stated")
    assert row["partner_count"] == 4
    assert row["partner_names"] == [
        "Malindi Investment Promotion Office",
        "Baobab Arts Trust",
        "Visual Artists’ Association",
        "Public Broadcasting Corporation",
    ]
    # The third partner has no type in the form: its type is inferred from its name.
    assert row["partner_types"] == [
        "public_sector",
        "civil_society",
        "civil_society",
        "public_sector",
    ]
    assert row["partner_types_source"] == ["form", "inferred", "form", "form"]
    assert (row["goals"], row["goals_source"]) == (["goal_1"], ["heading"])
    assert row["areas_of_monitoring"] == ["cultural_and_creative_sectors"]
    assert row["evaluated"] is True
    assert row["languages"] == '{"conclusions":"en","description":"en","results":"en"}'
    assert row["issue_count"] == 2
    assert row["issue_codes"] == ["currency_from_label", "partner_type_missing"]


def test_amounts_without_a_total(kenya: ReportRecord) -> None:
    row = measure_rows(kenya)[5]
    assert (row["budget_amount"], row["budget_currency"]) == (None, None)
    assert json.loads(str(row["budget_amounts"])) == [
        {"value": 553100.63, "currency": "USD", "year": 2022, "conversion": False},
        {"value": 533700.23, "currency": "USD", "year": 2023, "conversion": False},
    ]
    assert row["issue_codes"] == ["budget_without_total"]


def test_values_of_a_text_record() -> None:
    (row,) = measure_rows(text_record())
    assert row["description"] == "Support to touring bands.\nA second paragraph about the bands."
    assert (row["budget_amount"], row["budget_currency"]) == (15000, "EUR")
    assert row["budget_amounts"] == (
        '[{"value":15000,"currency":"EUR","year":null,"conversion":false},'
        '{"value":17500,"currency":"USD","year":null,"conversion":true}]'
    )
    # A partner row without a name keeps its place (a null), so names and types line up.
    assert row["partner_names"] == ["Arts Council", None]
    assert row["partner_types"] == ["public_sector", "civil_society"]
    assert (row["goals"], row["goals_source"], row["cultural_domains"]) == (
        ["goal_1"],
        ["form"],
        ["music"],
    )
    assert row["evaluated"] is False
    # An empty list stays an empty list; missing report-level parts give nulls.
    assert row["scope"] == row["nature"] == row["transversal_priorities"] == []
    assert row["party_name"] is row["contact_name"] is None
    assert row["issue_codes"] == ["partner_name_missing"]


def test_codes_of_the_2012_form() -> None:
    row = measure_rows(extract_file(BARBADOS_2012))[0]
    assert row["title"] == "Creative Enterprise Incubation Programme"
    assert (row["scope"], row["nature"]) == (
        ["national", "international"],
        ["legislative", "institutional"],
    )
    assert str(row["key_objectives"]).startswith("To collect reliable information")


@pytest.mark.parametrize("include_contact", [False, True])
def test_rows_are_json_ready_typed_and_deterministic(
    kenya: ReportRecord, include_contact: bool
) -> None:
    records = [kenya, extract_file(BARBADOS_2012), text_record()]
    kinds = {column.name: column.kind for column in columns(include_contact)}
    for record in records:
        rows = measure_rows(record, include_contact)
        assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows
        assert measure_rows(record, include_contact) == rows
        for row in rows:
            for name, value in row.items():
                assert value is None or isinstance(value, KIND_TYPES[kinds[name]]), name
                assert kinds[name] == "boolean" or not isinstance(value, bool), name
                # A list is never null, and holds strings (or null for an item without one).
                if kinds[name] == "list":
                    assert isinstance(value, list), name
                    assert all(item is None or isinstance(item, str) for item in value), name
    again = extract_file(KENYA)
    assert json.dumps(measure_rows(again, include_contact)) == json.dumps(
        measure_rows(kenya, include_contact)
    )


def test_column_names_are_stable_snake_case() -> None:
    # Analyses select columns by name: renaming one breaks them, so the list is pinned here.
    assert names(True) == COLUMN_NAMES
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", name) for name in COLUMN_NAMES)
    assert {column.kind for column in columns(True)} <= set(KIND_TYPES)


def test_every_column_is_described_from_the_schema_where_it_can_be() -> None:
    for column in columns(include_contact=True):
        assert column.description.strip() and "\n" not in column.description, column.name
        if column.name in SOURCE_FIELDS:
            model, field = SOURCE_FIELDS[column.name]
            described = model.model_fields[field].description
            if described:
                assert described in column.description, column.name
    assert set(SOURCE_FIELDS) <= set(names(True))
    assert set(names(True)) - set(SOURCE_FIELDS) == {
        "partner_count",
        "issue_count",
        "partner_types_source",
        "corrected_fields",
        "machine_values",
        "cycle",  # the rule of design.md, from the report's year or period (pipeline/cycle.py)
        "cluster_id",  # the linker's (pipeline/linking), not the record's
    }


@pytest.mark.parametrize("include_contact", [False, True])
def test_codebook_lists_every_column(include_contact: bool) -> None:
    book = codebook(include_contact)
    assert book["schema_version"] == SCHEMA_VERSION
    assert json.loads(json.dumps(book)) == book
    assert [entry["name"] for entry in book["columns"]] == names(include_contact)
    for entry in book["columns"]:
        listed = entry["type"] == "list"
        assert set(entry) == {"name", "type", "description", "personal"} | (
            {"items"} if listed else set()
        )
        assert not listed or entry["items"] == "string"
    kinds = {entry["name"]: entry["type"] for entry in book["columns"]}
    assert kinds["partner_names"] == kinds["goals"] == kinds["issue_codes"] == "list"
    table = codebook_markdown(include_contact)
    assert "| column | type | description |" in table
    for column in columns(include_contact):
        kind = "list of string" if column.kind == "list" else column.kind
        assert f"| `{column.name}` | {kind} |" in table
    assert ("contact_email" in table) is include_contact
    # How lists are written is said in both; no list is "joined by '; '" any more (agency is
    # one string in the record, joined there).
    assert any("JSON" in convention for convention in book["conventions"])
    assert all(convention in table for convention in book["conventions"])
    assert not any(
        "joined by" in entry["description"] for entry in book["columns"] if entry["type"] == "list"
    )


def test_each_measure_field_gives_its_catalogue_columns_in_order() -> None:
    from schemas.measure import MEASURE_FIELDS

    declared = [name for field in MEASURE_FIELDS for name in field.columns]
    present = [name for name in names(True) if name in declared]
    assert present == declared


def test_rows_of_a_corrected_record_hold_the_reviewers_values_and_say_so() -> None:
    record = extract_file(KENYA)
    first, second = record.measures[0], record.measures[1]
    fix = Corrections(
        record_sha256=record.source.sha256,
        extractor_version=record.extractor.version,
        reviewer="R",
        time="2026-12-01T10:00:00Z",
        review_state=ReviewState.APPROVED,
        changes=[
            Change(
                measure_id=first.measure_id, field="title", kind="set", old=first.title, new="T"
            ),
            Change(measure_id=second.measure_id, kind="not_a_measure"),
        ],
    )
    rows = measure_rows(record, view=corrected_view(record, [fix]))
    assert len(rows) == len(record.measures) - 1
    assert second.measure_id not in [row["measure_id"] for row in rows]
    assert (rows[0]["title"], rows[0]["corrected_fields"]) == ("T", ["title"])
    assert json.loads(rows[0]["machine_values"]) == {"title": first.title}
    assert {row["review_state"] for row in rows} == {"approved"}
    plain = measure_rows(record)
    assert (plain[0]["review_state"], plain[0]["corrected_fields"]) == ("unreviewed", [])
