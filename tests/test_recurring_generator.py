"""The generator of recurring measures (samples/generator/recurring.py, issue #18) and the linker's
quality on what it generates."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Any

from pipeline.linking import item_from_row, link
from samples.generator.recurring import CYCLES, normalized, pair_scores, recurring_rows

SEED = 2026


@cache
def rows(n: int = 3_000, seed: int = SEED) -> tuple[dict[str, Any], ...]:
    return tuple(recurring_rows(n, seed))


def by_programme(sample: tuple[dict[str, Any], ...]) -> dict[str, list[dict[str, Any]]]:
    programmes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in sample:
        programmes[row["truth_cluster"]].append(row)
    return programmes


def test_same_seed_same_rows_and_a_smaller_set_is_a_prefix() -> None:
    assert recurring_rows(1_200, SEED) == list(rows())[:1_200]
    assert recurring_rows(50, SEED) == list(rows())[:50]
    assert recurring_rows(1_200, SEED + 1) != list(rows())[:1_200]


def test_rows_have_the_dataset_columns_the_linker_reads() -> None:
    for row in rows():
        assert re.fullmatch(r"[0-9a-f]{64}", row["source_sha256"])
        assert row["measure_id"].startswith(row["source_sha256"][:16] + "-")
        assert row["cycle"] in (*CYCLES, None)
        assert row["truth_cycle"] in CYCLES
        assert row["description"]
        assert isinstance(row["cultural_domains"], list)
        assert row["party_iso3"] in (None, row["country_iso3"])
    assert len({row["measure_id"] for row in rows()}) == len(rows())
    # Copies lose what their renderings lose.
    assert any(row["title"] is None for row in rows())
    assert any(row["party_iso3"] is None for row in rows())
    assert any(row["party_iso3"] is None and row["country_iso3"] is None for row in rows())
    assert any(row["cycle"] is None for row in rows())


def test_a_report_is_one_document_of_10_to_40_measures() -> None:
    reports: dict[str, set[str]] = defaultdict(set)
    for row in rows(20_000):
        if row["truth_rendering"] == "report":
            reports[row["source_sha256"]].add(row["truth_cluster"])
    complete = list(reports.values())[:-1]  # the last may be cut by the set's size
    assert all(10 <= len(measures) <= 40 for measures in complete)
    parties = {row["truth_cluster"].split("-")[0] for row in rows(20_000)}
    assert len(parties) >= 25


def test_a_programme_recurs_in_later_cycles_only_and_never_twice_in_one_document() -> None:
    recurring = 0
    for programme, members in by_programme(rows()).items():
        assert len({row["truth_cluster"].split("-")[0] for row in members}) == 1
        assert {row["country_iso3"] for row in members} - {None} == {programme.split("-")[0]}
        documents = [row["source_sha256"] for row in members]
        assert len(documents) == len(set(documents)), programme
        for row in members:
            assert row["cycle"] in (row["truth_cycle"], None)
        reports = sorted(
            (row["truth_version"], row["truth_cycle"])
            for row in members
            if row["truth_rendering"] == "report"
        )
        versions = [version for version, _ in reports]
        cycles = [cycle for _, cycle in reports]
        assert versions == list(range(1, len(reports) + 1)), programme
        assert cycles == sorted(set(cycles)), programme  # one report per cycle, in order
        assert len(reports) <= 4
        recurring += len(reports) > 1
    assert recurring >= 50


def test_copies_share_the_description_text() -> None:
    reported = {
        (row["truth_cluster"], row["truth_version"]): normalized(row["description"])
        for row in rows()
        if row["truth_rendering"] == "report"
    }
    copies = 0
    for row in rows():
        if row["truth_rendering"] == "report":
            continue
        copies += 1
        text = normalized(row["description"])
        original = reported[(row["truth_cluster"], row["truth_version"])]
        if row["truth_rendering"] == "excerpt":
            assert original.startswith(text)
        else:
            assert text == original, row["measure_id"]
    assert copies > len(reported)


def test_no_party_has_two_programmes_with_one_title() -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows(20_000):
        if row["title"] is not None:
            owners[(row["country_iso3"] or row["truth_cluster"][:3], row["title"])].add(
                row["truth_cluster"]
            )
    assert all(len(programmes) == 1 for programmes in owners.values())


def test_recurrences_change_like_real_reports_and_hard_negatives_exist() -> None:
    reports = [row for row in rows(20_000) if row["truth_rendering"] == "report"]
    earlier = {(row["truth_cluster"], row["truth_version"]): row for row in reports}
    later = [row for row in reports if row["truth_version"] > 1]
    retitled = reworded = renamed = 0
    for row in later:
        before = earlier[(row["truth_cluster"], row["truth_version"] - 1)]
        retitled += row["title"] != before["title"]
        reworded += row["description"] != before["description"]
        renamed += row["agency"] != before["agency"]
        # Still recognisably the same programme: its core title or its own sentences stay.
        assert set(row["truth_changes"]) <= {
            *(f"title {name}" for name in ("national", "synonym", "spelling", "reorder")),
            *(f"title {name}" for name in ("dist_form", "acronym", "phase", "years")),
            "description same",
            "description light",
            "description heavy",
            "agency moved",
            "agency renamed",
            "co-agency changed",
        }
    assert retitled > 0.3 * len(later)
    assert reworded > 0.7 * len(later)
    assert renamed > 0.15 * len(later)
    # Programmes of one Party built from one theme, told apart by a distinguishing name.
    themes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in reports:
        themes[(row["country_iso3"], row["truth_theme"])].add(row["truth_cluster"])
    assert sum(len(programmes) > 1 for programmes in themes.values()) >= 20
    languages = {row["truth_language"] for row in rows(20_000)}
    assert languages == {"en", "fr", "es"}


def test_pair_scores() -> None:
    scores = pair_scores(["a", "a", "a", "b"], [1, 1, 2, 2])
    assert scores["true_pairs"] == 3 and scores["predicted_pairs"] == 2
    assert scores["correct_pairs"] == 1
    assert scores["precision"] == 0.5 and scores["recall"] == 1 / 3


def test_link_finds_the_generated_programmes() -> None:
    sample = rows(1_000)
    links = {item.measure_id: item for item in link(map(item_from_row, sample))}
    assert set(links) == {row["measure_id"] for row in sample}
    scores = pair_scores(
        [row["truth_cluster"] for row in sample],
        [links[row["measure_id"]].cluster_id for row in sample],
    )
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.90, scores
