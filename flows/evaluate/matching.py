"""The exact and soft matching rules, and the counts (true and false positives, false
negatives) one compared value gives."""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flows.evaluate.fields import LONG_TEXT_FIELDS, RELATIVE_TOLERANCE, SOFT_RATIO


def soft_text(text: str) -> str:
    """Case, accents and punctuation ignored: `Programme d'Aide` ~ `programme d aide`.
    Punctuation becomes a space so `Culture/Arts` and `Culture / Arts` agree."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        " " if unicodedata.category(char).startswith("P") else char
        for char in decomposed
        if not unicodedata.combining(char)
    )
    return " ".join(kept.split())


def similarity(first: str, second: str) -> float:
    """Ratio of matching characters (difflib). autojunk off: on texts over 200 characters it
    would treat spaces and common letters as junk and rate near-identical texts low."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < SOFT_RATIO or matcher.quick_ratio() < SOFT_RATIO:
        return matcher.quick_ratio()  # an upper bound already below the bar: skip the slow part
    return matcher.ratio()


def same_value(name: str, gold: Any, predicted: Any, rule: str) -> bool:
    """Whether two non-null values of field NAME match under RULE ("exact" or "soft")."""
    if isinstance(gold, bool) or isinstance(predicted, bool):
        return gold is predicted  # True == 1 in Python; a boolean matches only a boolean
    if isinstance(gold, int | float) and isinstance(predicted, int | float):
        return math.isclose(gold, predicted, rel_tol=RELATIVE_TOLERANCE)
    if isinstance(gold, str) and isinstance(predicted, str):
        if rule == "exact":
            return gold == predicted
        gold, predicted = soft_text(gold), soft_text(predicted)
        if gold == predicted:
            return True
        return name in LONG_TEXT_FIELDS and similarity(gold, predicted) >= SOFT_RATIO
    return bool(gold == predicted)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field under one rule."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted: undefined, not zero and not perfect."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def as_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def count_value(name: str, gold: Any, predicted: Any, rule: str) -> Counts:
    """A scalar: both there and matching is a TP; a different value is a FP and a FN."""
    if gold is None and predicted is None:
        return Counts()
    if gold is None:
        return Counts(fp=1)
    if predicted is None:
        return Counts(fn=1)
    if same_value(name, gold, predicted, rule):
        return Counts(tp=1)
    return Counts(fp=1, fn=1)


def count_codes(gold: frozenset[str], predicted: frozenset[str]) -> Counts:
    return Counts(tp=len(gold & predicted), fp=len(predicted - gold), fn=len(gold - predicted))


def count_partners(
    gold: Iterable[tuple[str | None, str | None]],
    predicted: Iterable[tuple[str | None, str | None]],
    rule: str,
) -> Counts:
    """One-to-one: each predicted partner takes the first unmatched gold partner with the same
    entity type and a name matching under RULE (a null type matches only a null type)."""
    unmatched = list(gold)
    gold_count, matched, predicted_count = len(unmatched), 0, 0
    for name, entity_type in predicted:
        predicted_count += 1
        for position, (gold_name, gold_type) in enumerate(unmatched):
            if gold_type == entity_type and same_value(
                "partner", gold_name or "", name or "", rule
            ):
                del unmatched[position]
                matched += 1
                break
    return Counts(tp=matched, fp=predicted_count - matched, fn=gold_count - matched)


def same_amount(gold: Any, predicted: Any) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return same_value("budget.amount", gold, predicted, "exact")
