"""Score predicted records against gold records (`qpr evaluate PRED GOLD`): per field precision,
recall and F1 under an exact and a soft matching rule, partner F1, budget amount accuracy and the
share of records with every field right. Takes record or truth-shaped JSON files, gives counts,
a terminal table and a JSON summary. Plain Python: no Prefect, so the command starts fast.
"""

from __future__ import annotations

import difflib
import json
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

from schemas.measure import FieldKind, measure_fields

RULES = ("exact", "soft")


def _scored_measure_fields() -> dict[str, tuple[str, ...]]:
    """Scored field -> where its value stands in a measure, from the field catalogue; the same
    paths serve full records and the truth shape of samples/reports/truth/, which mirrors a
    record. A budget is scored part by part, a country by its code."""
    paths: dict[str, tuple[str, ...]] = {}
    for scored in measure_fields():
        if scored.kind in (FieldKind.CODED, FieldKind.CODES, FieldKind.PARTNERS):
            continue
        name = ".".join(scored.path)
        for part in scored.scored_parts:
            paths[f"{name}.{part}"] = (*scored.path, part)
        if not scored.scored_parts:
            compared = (scored.compared_by,) if scored.compared_by else ()
            paths[name] = (*scored.path, *compared)
    return paths


MEASURE_FIELDS = _scored_measure_fields()
CODE_FIELDS = tuple(
    coded.name for coded in (*measure_fields(FieldKind.CODED), *measure_fields(FieldKind.CODES))
)
# Where each scored field of the report object stands in it.
REPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "report.party": ("party", "iso3"),
    "report.period": ("period",),
    "report.year": ("year",),
    "report.ratification_date": ("ratification_date",),
    "report.contact.name": ("contact", "name"),
    "report.contact.organization": ("contact", "organization"),
    "report.contact.email": ("contact", "email"),
    "report.contact.phone": ("contact", "phone"),
    "report.contact.address": ("contact", "address"),
    "report.consultation_process": ("consultation_process",),
    "report.executive_summary": ("executive_summary",),
}
FIELDS = (*MEASURE_FIELDS, *CODE_FIELDS, *REPORT_FIELDS)
MEASURE_KEYS = frozenset((*MEASURE_FIELDS, *CODE_FIELDS, "partners"))  # keys of a flat measure
# Paragraphs re-flowed by a PDF reader or a word changed by a repair should not make a whole
# description wrong under the soft rule: these fields match on an edit-distance ratio.
LONG_TEXT_FIELDS = frozenset(
    {
        *(".".join(text.path) for text in measure_fields(FieldKind.FREE_TEXT)),
        "report.consultation_process",
        "report.executive_summary",
    }
)
SOFT_RATIO = 0.9
RELATIVE_TOLERANCE = 1e-6
NOT_ANNOTATED = object()  # a truth file may leave its report out: then it is not scored


class EvaluationInputError(ValueError):
    """A PRED or GOLD path that cannot be read as records: the message names the file."""


# --------------------------------------------------------------------------- reading inputs


@dataclass(frozen=True)
class Document:
    """One record in scoring shape: flat field -> value maps; a field a truth file leaves out is
    absent from its map. Code lists are frozensets, partners (name, entity type) pairs."""

    name: str
    path: Path
    report: dict[str, Any]
    measures: tuple[dict[str, Any], ...]


def load_documents(path: Path) -> list[Document]:
    """Every record under PATH: a folder of JSON files, a batch folder (its records/), or one
    file holding a record, a truth object or a JSON array of records (`qpr extract a b`)."""
    if not path.exists():
        raise EvaluationInputError(f"{path}: no such file or folder")
    if path.is_dir():
        folder = path / "records" if (path / "records").is_dir() else path
        files = sorted(folder.glob("*.json"))
    else:
        files = [path]
    documents = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise EvaluationInputError(f"{file}: not readable JSON ({error})") from error
        for item in data if isinstance(data, list) else [data]:
            documents.append(read_document(item, file))
    return documents


def read_document(data: Any, path: Path) -> Document:
    """A full record (it has a `source`) is named by its source file name; a truth object
    {"report", "measures"} by its own file name less `.json` (`X.json` is the gold of `X`).
    Raw dicts rather than ReportRecord: gold written under another schema version still scores."""
    if not isinstance(data, dict) or "measures" not in data:
        raise EvaluationInputError(f"{path}: neither a record nor a truth object with measures")
    if isinstance(data.get("source"), dict) and data["source"].get("filename"):
        name = Path(data["source"]["filename"]).name
    else:
        name = path.name.removesuffix(".json")
    try:
        return Document(
            name=name,
            path=path,
            report=flat_report(data.get("report", NOT_ANNOTATED)),
            measures=tuple(flat_measure(measure) for measure in data["measures"] or []),
        )
    except EvaluationInputError as error:
        raise EvaluationInputError(f"{path}: {error}") from error


def flat_report(report: Any) -> dict[str, Any]:
    if report is NOT_ANNOTATED:
        return {}
    if not isinstance(report, dict):  # a truth's `"report": null`: nothing at report level
        return dict.fromkeys(REPORT_FIELDS)
    flat = flat_values(report, REPORT_FIELDS)
    if "report.period" in flat:
        flat["report.period"] = period_text(flat["report.period"])
    return flat


def flat_measure(measure: Any) -> dict[str, Any]:
    if not isinstance(measure, dict):
        raise EvaluationInputError(f"a measure is not a JSON object: {str(measure)[:60]}")
    flat = flat_values(measure, MEASURE_FIELDS)
    for name in CODE_FIELDS:
        if name in measure:
            flat[name] = stated_codes(measure[name] or [])
    if "partners" in measure:
        flat["partners"] = tuple(partner_pair(partner) for partner in measure["partners"] or [])
    return flat


def flat_values(data: dict[str, Any], paths: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Scored field -> value; a field whose first key is absent is left out (not annotated)."""
    flat = {}
    for name, keys in paths.items():
        if keys[0] not in data:
            continue
        value: Any = data
        for key in keys:
            # `"budget": null` or `"contact": null`: every part of it is null
            value = value.get(key) if isinstance(value, dict) else None
        flat[name] = clean(value)
    return flat


def period_text(period: Any) -> str | None:
    if not isinstance(period, dict) or (period.get("start"), period.get("end")) == (None, None):
        return None
    return f"{period.get('start') or ''}-{period.get('end') or ''}"


def clean(value: Any) -> Any:
    """Whitespace runs collapsed (the exact rule's only leniency); an empty text is a null."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value


def stated_codes(values: Iterable[Any]) -> frozenset[str]:
    """The codes the document states. A record also holds codes qpr inferred from the text
    (`source: "inferred"`); gold says what the document says, so those are left out."""
    return frozenset(
        value["code"] if isinstance(value, dict) else value
        for value in values
        if not (isinstance(value, dict) and value.get("source") == "inferred")
    )


def partner_pair(partner: dict[str, Any]) -> tuple[str | None, str | None]:
    """(name, entity type); a type qpr inferred from the name counts as no type, like above."""
    entity_type = None if partner.get("source") == "inferred" else partner.get("entity_type")
    return clean(partner.get("name")), entity_type


# --------------------------------------------------------------------------- matching rules


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


# --------------------------------------------------------------------------- counting


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


# --------------------------------------------------------------------------- scoring


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


# --------------------------------------------------------------------------- output


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
