"""An evaluation as a JSON summary and as a terminal table."""

from __future__ import annotations

from typing import Any

from flows.evaluate.fields import RULES
from flows.evaluate.matching import Counts
from flows.evaluate.scoring import Evaluation, RecordScore


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def evaluation_json(evaluation: Evaluation) -> dict[str, Any]:
    budget_correct, budget_total = evaluation.budget()
    right, total = evaluation.all_right()
    return {
        "pairs": len(evaluation.records),
        "unpaired": {
            "gold": [str(path) for path in evaluation.unpaired_gold],
            "predictions": [str(path) for path in evaluation.unpaired_predictions],
        },
        "duplicates": [str(path) for path in evaluation.duplicates],
        "fields": {
            name: {rule: counts.as_json() for rule, counts in by_rule.items()}
            for name, by_rule in evaluation.fields().items()
        },
        "overall": {rule: counts.as_json() for rule, counts in evaluation.overall().items()},
        "partners": {rule: counts.as_json() for rule, counts in evaluation.partners().items()},
        "budget_amount_accuracy": {
            "correct": budget_correct,
            "total": budget_total,
            "accuracy": ratio(budget_correct, budget_total),
        },
        "records_all_right": {"right": right, "total": total, "share": ratio(right, total)},
        "records": [
            {
                "name": record.name,
                "gold": str(record.gold_path),
                "prediction": str(record.predicted_path),
                "gold_measures": record.gold_measures,
                "predicted_measures": record.predicted_measures,
                "soft_f1": overall_soft(record).f1,
                "all_right": record.all_right,
            }
            for record in evaluation.records
        ],
    }


def overall_soft(record: RecordScore) -> Counts:
    total = Counts()
    for by_rule in record.fields.values():
        total.add(by_rule["soft"])
    return total


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


NAME_WIDTH, COUNT_WIDTH, SCORE_WIDTH = 30, 6, 7


def table_row(name: str, by_rule: dict[str, Counts]) -> str:
    """gold = values the gold holds (tp + fn), pred = values predicted (tp + fp): the same under
    both rules."""
    exact = by_rule["exact"]
    gold, predicted = exact.tp + exact.fn, exact.tp + exact.fp
    row = f"{name:<{NAME_WIDTH}}{gold:>{COUNT_WIDTH}}{predicted:>{COUNT_WIDTH}}"
    for rule in RULES:
        counts = by_rule[rule]
        row += "  " + "".join(
            f"{number(value):>{SCORE_WIDTH}}"
            for value in (counts.precision, counts.recall, counts.f1)
        )
    return row


def evaluation_table(evaluation: Evaluation) -> str:
    lines = [f"{len(evaluation.records)} record pair(s) scored"]
    lines += [f"unpaired gold: {path}" for path in evaluation.unpaired_gold]
    lines += [f"unpaired prediction: {path}" for path in evaluation.unpaired_predictions]
    lines += [f"duplicate name, ignored: {path}" for path in evaluation.duplicates]
    block = 3 * SCORE_WIDTH
    rules = " " * (NAME_WIDTH + 2 * COUNT_WIDTH) + "".join(f"  {rule:^{block}}" for rule in RULES)
    header = f"{'field':<{NAME_WIDTH}}{'gold':>{COUNT_WIDTH}}{'pred':>{COUNT_WIDTH}}" + "".join(
        "  " + "".join(f"{column:>{SCORE_WIDTH}}" for column in ("P", "R", "F1")) for _ in RULES
    )
    lines += ["", rules.rstrip(), header, "-" * len(header)]
    lines += [table_row(name, by_rule) for name, by_rule in evaluation.fields().items()]
    lines += ["-" * len(header), table_row("all fields (micro)", evaluation.overall())]
    lines.append(table_row("partners (name + type)", evaluation.partners()))
    budget_correct, budget_total = evaluation.budget()
    right, total = evaluation.all_right()
    lines += [
        "",
        f"budget amount accuracy: {budget_correct}/{budget_total} = "
        f"{number(ratio(budget_correct, budget_total))}",
        f"records with every field right (soft): {right}/{total} = {number(ratio(right, total))}",
    ]
    if evaluation.records:
        lines += ["", f"{'record':<40} {'measures gold/pred':>18} {'soft F1':>8}  all right"]
        for record in evaluation.records:
            measures = f"{record.gold_measures}/{record.predicted_measures}"
            lines.append(
                f"{record.name:<40} {measures:>18} {number(overall_soft(record).f1):>8}  "
                f"{'yes' if record.all_right else 'no'}"
            )
    return "\n".join(lines)
