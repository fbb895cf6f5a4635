"""Each gold record scored against its prediction, and the scores tallied over a set."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

from flows.evaluate.documents import Document, load_documents
from flows.evaluate.fields import CODE_FIELDS, FIELDS, MEASURE_KEYS, RULES
from flows.evaluate.matching import Counts, count_codes, count_partners, count_value, same_amount


@dataclass
class RecordScore:
    """The counts of one gold/prediction pair."""

    name: str
    gold_path: Path
    predicted_path: Path
    gold_measures: int
    predicted_measures: int
    fields: dict[str, dict[str, Counts]]
    partners: dict[str, Counts]
    budget_correct: int
    budget_total: int

    @property
    def all_right(self) -> bool:
        """Every scored field right under the soft rule, partners included."""
        wrong = [counts["soft"] for counts in self.fields.values()] + [self.partners["soft"]]
        return self.gold_measures == self.predicted_measures and not any(
            counts.fp or counts.fn for counts in wrong
        )


def empty_counts(names: Iterable[str]) -> dict[str, dict[str, Counts]]:
    return {name: {rule: Counts() for rule in RULES} for name in names}


def score_record(gold: Document, predicted: Document) -> RecordScore:
    """Measures are paired by index; a measure on one side only counts its values as FN (gold)
    or FP (prediction), over the fields the gold annotates anywhere in the record."""
    fields = empty_counts(FIELDS)
    partners = {rule: Counts() for rule in RULES}
    # A gold without measures (a document that holds none) still makes extra ones wrong.
    annotated = {name for measure in gold.measures for name in measure} or MEASURE_KEYS
    budget_correct = budget_total = 0
    for gold_measure, predicted_measure in zip_longest(gold.measures, predicted.measures):
        scored = set(gold_measure) if gold_measure is not None else annotated
        gold_values, predicted_values = gold_measure or {}, predicted_measure or {}
        tally(fields, scored - {"partners"}, gold_values, predicted_values)
        if "partners" in scored:
            for rule in RULES:
                partners[rule].add(
                    count_partners(
                        gold_values.get("partners", ()), predicted_values.get("partners", ()), rule
                    )
                )
        if gold_measure is not None and "budget.amount" in gold_measure:
            budget_total += 1
            # A missing measure has no prediction at all, so its budget is not right.
            budget_correct += predicted_measure is not None and same_amount(
                gold_measure["budget.amount"], predicted_values.get("budget.amount")
            )
    tally(fields, set(gold.report), gold.report, predicted.report)
    return RecordScore(
        name=gold.name,
        gold_path=gold.path,
        predicted_path=predicted.path,
        gold_measures=len(gold.measures),
        predicted_measures=len(predicted.measures),
        fields=fields,
        partners=partners,
        budget_correct=budget_correct,
        budget_total=budget_total,
    )


def tally(
    fields: dict[str, dict[str, Counts]],
    names: Iterable[str],
    gold: dict[str, Any],
    predicted: dict[str, Any],
) -> None:
    for name in names:
        for rule in RULES:
            if name in CODE_FIELDS:
                counts = count_codes(gold.get(name, frozenset()), predicted.get(name, frozenset()))
            else:
                counts = count_value(name, gold.get(name), predicted.get(name), rule)
            fields[name][rule].add(counts)


@dataclass
class Evaluation:
    """Every pair's score, and the files that found no partner on the other side."""

    records: list[RecordScore]
    unpaired_gold: list[Path] = field(default_factory=list)
    unpaired_predictions: list[Path] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)

    def fields(self) -> dict[str, dict[str, Counts]]:
        totals = empty_counts(FIELDS)
        for record in self.records:
            for name, by_rule in record.fields.items():
                for rule, counts in by_rule.items():
                    totals[name][rule].add(counts)
        return totals

    def overall(self) -> dict[str, Counts]:
        """Micro-average over every scored field (partners apart)."""
        totals = {rule: Counts() for rule in RULES}
        for by_rule in self.fields().values():
            for rule, counts in by_rule.items():
                totals[rule].add(counts)
        return totals

    def partners(self) -> dict[str, Counts]:
        totals = {rule: Counts() for rule in RULES}
        for record in self.records:
            for rule in RULES:
                totals[rule].add(record.partners[rule])
        return totals

    def budget(self) -> tuple[int, int]:
        correct = sum(record.budget_correct for record in self.records)
        return correct, sum(record.budget_total for record in self.records)

    def all_right(self) -> tuple[int, int]:
        return sum(record.all_right for record in self.records), len(self.records)


def evaluate_documents(predicted: list[Document], gold: list[Document]) -> Evaluation:
    """Pairs by file name; only pairs are scored, the rest is listed. A name seen twice on one
    side keeps its first file (in path order) and lists the others as duplicates."""
    predictions, predicted_duplicates = by_name(predicted)
    golds, gold_duplicates = by_name(gold)
    both = sorted(golds.keys() & predictions.keys())
    return Evaluation(
        records=[score_record(golds[name], predictions[name]) for name in both],
        unpaired_gold=[golds[name].path for name in sorted(golds.keys() - predictions.keys())],
        unpaired_predictions=[
            predictions[name].path for name in sorted(predictions.keys() - golds.keys())
        ],
        duplicates=predicted_duplicates + gold_duplicates,
    )


def by_name(documents: list[Document]) -> tuple[dict[str, Document], list[Path]]:
    named: dict[str, Document] = {}
    duplicates = []
    for document in documents:
        if document.name in named:
            duplicates.append(document.path)
        else:
            named[document.name] = document
    return named, duplicates


def evaluate_paths(predicted: Path, gold: Path) -> Evaluation:
    return evaluate_documents(load_documents(predicted), load_documents(gold))
