"""Corrections as an overlay (pipeline/corrections.py): checked whole against their record,
applied on top of it with the machine's value kept, and re-anchored after a new extraction."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline import extract_file
from pipeline.corrections import added_measure_id, corrected_view, problems
from schemas.corrections import Change, ChangeKind, Corrections, ReviewState
from schemas.report import ReportRecord

SEED = Path(__file__).resolve().parents[1] / "samples" / "azerbaijan-civil-society-consultation.txt"


@cache
def seed() -> ReportRecord:
    return extract_file(SEED)


def corrections(*changes: Change, **fields: Any) -> Corrections:
    record = seed()
    return Corrections(
        record_sha256=record.source.sha256,
        extractor_version=fields.pop("extractor_version", record.extractor.version),
        reviewer="A. Reviewer",
        time="2026-12-01T10:00:00Z",
        changes=list(changes),
        **fields,
    )


def change(kind: ChangeKind, field: str | None = None, old: Any = None, new: Any = None) -> Change:
    measure_id = seed().measures[0].measure_id
    return Change(measure_id=measure_id, field=field, kind=kind, old=old, new=new)


def test_a_corrected_title_shows_with_the_machine_value_kept_beside_it() -> None:
    record = seed()
    old = record.measures[0].title
    fix = corrections(change(ChangeKind.SET, "title", old, "Regular consultation of civil society"))
    assert problems(record, fix) == []
    view = corrected_view(record, [fix])
    assert view.record.measures[0].title == "Regular consultation of civil society"
    assert view.machine[f"{record.measures[0].measure_id}:title"] == old
    assert record.measures[0].title == old  # the machine's record is untouched


def test_a_partner_type_an_added_row_and_codes_set_by_their_codes() -> None:
    record = seed()
    partners = record.measures[0].partners
    fix = corrections(
        change(ChangeKind.SET, "partners.0.entity_type", "civil_society", "public_sector"),
        change(
            ChangeKind.SET,
            f"partners.{len(partners)}",
            None,
            {"name": "Ministry of Culture", "entity_type": "public_sector"},
        ),
        change(ChangeKind.SET, "cultural_domains", [], ["music", "performing_arts"]),
    )
    assert problems(record, fix) == []
    measure = corrected_view(record, [fix]).record.measures[0]
    assert measure.partners[0].entity_type == "public_sector"
    assert measure.partners[-1].name == "Ministry of Culture"
    assert len(measure.partners) == len(partners) + 1
    assert [value.code for value in measure.cultural_domains] == ["music", "performing_arts"]


def test_a_measure_marked_spurious_leaves_the_view_and_an_added_one_joins_it() -> None:
    record = seed()
    added = Change(
        measure_id=None,
        kind=ChangeKind.ADD_MEASURE,
        new={"title": "National music fund", "budget.amount": 1000, "budget.currency": "USD"},
    )
    fix = corrections(change(ChangeKind.NOT_A_MEASURE), added, review_state=ReviewState.APPROVED)
    assert problems(record, fix) == []
    view = corrected_view(record, [fix])
    assert [m.title for m in view.record.measures] == ["National music fund"]
    assert view.record.measures[0].measure_id == added_measure_id(record.source.sha256, added)
    assert view.excluded == [record.measures[0].measure_id]
    assert view.review_state == ReviewState.APPROVED


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        (Change(measure_id="nope-0", field="title", kind=ChangeKind.SET, new="x"), "nope-0"),
        (
            Change(measure_id=None, field="no_such_field", kind=ChangeKind.SET, new="x"),
            "no_such_field",
        ),
        (None, "cultural_domains"),  # an invalid code
        (None, "'old'"),  # the reviewer saw another value than this version holds
    ],
)
def test_a_bad_change_is_named(bad: Change | None, named: str) -> None:
    record = seed()
    if bad is None and named == "cultural_domains":
        bad = change(ChangeKind.SET, "cultural_domains", [], ["not_a_domain"])
    elif bad is None:
        bad = change(ChangeKind.SET, "title", "Another title", "x")
    found = problems(record, corrections(bad))
    assert len(found) == 1 and named in found[0]


def test_corrections_for_another_record_are_refused() -> None:
    other = corrections().model_copy(update={"record_sha256": "0" * 64})
    assert "not this one" in problems(seed(), other)[0]


def test_after_a_new_extraction_a_lost_measure_is_an_orphan_and_a_changed_value_a_conflict() -> (
    None
):
    record = seed()
    measure = record.measures[0]
    fix = corrections(
        change(ChangeKind.SET, "title", measure.title, "Reviewed title"),
        change(ChangeKind.SET, "budget.amount", 65000, 70000),
        Change(measure_id="gone-3", field="title", kind=ChangeKind.SET, old="t", new="u"),
        extractor_version="qpr 0.0.0+older",
    )
    # The new machine value of the budget differs from what the reviewer saw.
    budget = measure.budget.model_copy(update={"amount": 66000.0})
    newer = record.model_copy(update={"measures": [measure.model_copy(update={"budget": budget})]})
    view = corrected_view(newer, [fix])
    assert [orphan.measure_id for orphan in view.orphans] == ["gone-3"]
    assert [(c.change.field, c.machine) for c in view.conflicts] == [("budget.amount", 66000)]
    assert view.record.measures[0].budget.amount == 70000  # the reviewer's value still applies
    assert view.record.measures[0].title == "Reviewed title"


def test_a_confirmed_value_is_marked_and_a_later_change_of_it_wins() -> None:
    record = seed()
    key = f"{record.measures[0].measure_id}:budget.amount"
    confirm = corrections(change(ChangeKind.CONFIRM, "budget.amount", 65000))
    assert key in corrected_view(record, [confirm]).confirmed
    later = corrections(change(ChangeKind.SET, "budget.amount", 65000, 64000))
    view = corrected_view(record, [confirm, later])
    assert key not in view.confirmed
    assert view.record.measures[0].budget.amount == 64000


def test_a_value_marked_wrong_reads_as_null() -> None:
    record = seed()
    fix = corrections(change(ChangeKind.WRONG, "budget.amount", 65000))
    assert corrected_view(record, [fix]).record.measures[0].budget.amount is None


def test_a_measure_marked_spurious_can_be_restored_by_a_later_change() -> None:
    record = seed()
    measure_id = record.measures[0].measure_id
    spurious = corrections(change(ChangeKind.NOT_A_MEASURE))
    restored = corrections(Change(measure_id=measure_id, kind=ChangeKind.IS_A_MEASURE))
    assert problems(record, restored) == []
    assert corrected_view(record, [spurious]).record.measures == []
    view = corrected_view(record, [spurious, restored])
    assert [m.measure_id for m in view.record.measures] == [measure_id]
    assert view.excluded == []


def test_a_second_review_of_a_corrected_value_is_no_conflict() -> None:
    """Each export names the machine's value as `old`: a reviewer correcting again a value an
    earlier export corrected is re-anchored on the machine's value, not the earlier one's."""
    record = seed()
    title = record.measures[0].title
    first = corrections(change(ChangeKind.SET, "title", title, "First review"))
    second = corrections(change(ChangeKind.SET, "title", title, "Second review"))
    view = corrected_view(record, [first, second])
    assert view.record.measures[0].title == "Second review"
    assert view.conflicts == []
    assert view.machine[f"{record.measures[0].measure_id}:title"] == title
