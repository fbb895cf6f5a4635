"""Entities against the hand-annotated gold set of samples/nlp/ (24 measures, EN/FR/ES): the
default pipelines (blank spaCy plus rules, trained pipelines off) must reach precision and
recall of 0.9 on organisations, places, dates and money. The table is printed (`pytest -s`)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.nlp import find_entities

GOLD = Path(__file__).resolve().parents[1] / "samples" / "nlp"
SCORED = ("ORG", "PLACE", "DATE", "MONEY")
BAR = 0.9


def gold_fields() -> list[dict]:
    fields = []
    for path in sorted(GOLD.glob("gold-*.jsonl")):
        fields += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return fields


def score() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(label, language or 'all') -> (precision, recall, gold count); exact span matches."""
    fields = gold_fields()
    found = find_entities(
        [(field["text"], field["language"]) for field in fields], use_trained=False
    )
    hits: Counter[tuple[str, str]] = Counter()
    predicted: Counter[tuple[str, str]] = Counter()
    expected: Counter[tuple[str, str]] = Counter()
    for field, mentions in zip(fields, found, strict=True):
        gold = {(e["start"], e["end"], e["label"]) for e in field["entities"]}
        guess = {(m.start, m.end, m.label) for m in mentions}
        for language in (field["language"], "all"):
            for start, end, label in gold:
                expected[label, language] += 1
                hits[label, language] += (start, end, label) in guess
            for _start, _end, label in guess:
                predicted[label, language] += 1
    table = {}
    for key in expected:
        precision = hits[key] / predicted[key] if predicted[key] else 0.0
        table[key] = (precision, hits[key] / expected[key], expected[key])
    return table


@pytest.fixture(scope="module")
def table() -> dict[tuple[str, str], tuple[float, float, int]]:
    scores = score()
    print("\n| label | language | precision | recall | gold |\n|---|---|---|---|---|")
    for (label, language), (precision, recall, count) in sorted(scores.items()):
        print(f"| {label} | {language} | {precision:.3f} | {recall:.3f} | {count} |")
    return scores


@pytest.mark.parametrize("label", SCORED)
def test_precision_and_recall_reach_the_bar(
    table: dict[tuple[str, str], tuple[float, float, int]], label: str
) -> None:
    precision, recall, _ = table[label, "all"]
    assert precision >= BAR and recall >= BAR, f"{label}: P={precision:.3f} R={recall:.3f}"
