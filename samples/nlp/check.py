"""Validate the hand-annotated NLP gold set (samples/nlp/gold-*.jsonl) and print its counts.

    python3 samples/nlp/check.py [DIR]

Stdlib only. Exit status 1 when any error is found. Checks, per file and across files:
  * every line is a JSON object with exactly the keys id, language, measure, field, text, entities;
  * language matches the file name, measure is `<lang>-NN`, id is `<measure>-<field>`, field is
    description/results/conclusions, ids are unique, 8 measures per language, each measure has a
    description and results (2 or 3 fields);
  * text is a non-empty NFC string; description has 80-200 words, results 40-120;
  * every entity has int start < end inside the text, text[start:end] == entity text, a known label;
    entities are sorted by start and do not overlap;
  * span hygiene from README.md: no surrounding whitespace, no cut word, no trailing , ; : or
    closing quote, a final period only for an abbreviation, balanced parentheses, no leading
    lowercase article, no capitalised leading article at the start of a sentence.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

LANGS = ("en", "fr", "es")
LABELS = ("ORG", "PLACE", "DATE", "MONEY", "LAW")
SCORED = ("ORG", "PLACE", "DATE", "MONEY")
FIELDS = ("description", "results", "conclusions")
KEYS = ["id", "language", "measure", "field", "text", "entities"]
ENTITY_KEYS = {"start", "end", "label", "text"}
MEASURES_PER_LANGUAGE = 8
WORDS = {"description": (80, 200), "results": (40, 120)}

LOWER_ARTICLE = re.compile(r"^(the|a|an|la|le|les|el|los|las|un|une|l['’])(\s|(?<=['’]))")
UPPER_ARTICLE = re.compile(r"^(The|La|Le|Les|El|Los|Las)\s")
ABBREVIATION_END = re.compile(r"(Ltd|Inc|Co|St|S\.A|C\.V)\.$")


def sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \u00a0")
    return before == "" or before[-1] in ".!?\n:•*–-" or re.search(r"(^|\n)\s*\d+[.)]$", before)


def check_entity(text: str, e: object, where: str, errors: list[str]) -> None:
    if not isinstance(e, dict) or set(e) != ENTITY_KEYS:
        errors.append(f"{where}: entity must have exactly the keys {sorted(ENTITY_KEYS)}: {e!r}")
        return
    s, t, label, mention = e["start"], e["end"], e["label"], e["text"]
    if not (type(s) is int and type(t) is int and 0 <= s < t <= len(text)):
        errors.append(f"{where}: bad offsets {s}..{t} (text length {len(text)})")
        return
    if text[s:t] != mention:
        errors.append(f"{where}: text[{s}:{t}] is {text[s:t]!r}, entity says {mention!r}")
    if label not in LABELS:
        errors.append(f"{where}: unknown label {label!r}")
    if mention != mention.strip():
        errors.append(f"{where}: {mention!r} has surrounding whitespace")
    if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
        t < len(text) and text[t].isalnum() and text[t - 1].isalnum()
    ):
        errors.append(f"{where}: {mention!r} at {s} cuts a word")
    if mention[-1] in ",;:\"'’»”“«(":
        errors.append(f"{where}: {mention!r} ends with punctuation")
    if mention.endswith(".") and not ABBREVIATION_END.search(mention):
        errors.append(f"{where}: {mention!r} ends with a period that is not an abbreviation")
    if mention.count("(") != mention.count(")"):
        errors.append(f"{where}: {mention!r} has unbalanced parentheses")
    if LOWER_ARTICLE.match(mention) and label != "LAW":
        # lowercase articles are never part of a span (README G2); LAW spans start with a lowercase
        # type word in French (`loi`, `arrêté`) but never with an article either
        errors.append(f"{where}: {mention!r} starts with an article")
    if UPPER_ARTICLE.match(mention) and sentence_start(text, s):
        errors.append(f"{where}: {mention!r} starts with a sentence-initial article")


@dataclass
class Tally:
    """What the checks found so far: the errors, and the counts the report prints."""

    errors: list[str] = dataclass_field(default_factory=list)
    seen_ids: set[str] = dataclass_field(default_factory=set)
    counts: dict[str, Counter] = dataclass_field(
        default_factory=lambda: {lang: Counter() for lang in LANGS}
    )
    per_measure: dict[str, Counter] = dataclass_field(default_factory=lambda: defaultdict(Counter))
    fields_of: dict[str, list[str]] = dataclass_field(default_factory=lambda: defaultdict(list))
    n_fields: Counter = dataclass_field(default_factory=Counter)


def check_entities(rec: dict, lang: str, where: str, tally: Tally) -> None:
    """Each entity, then their order: sorted by start, no overlap."""
    errors, text = tally.errors, rec["text"]
    prev_end, prev_start = 0, -1
    for i, e in enumerate(rec["entities"]):
        ewhere = f"{where} entity {i}"
        check_entity(text, e, ewhere, errors)
        if not isinstance(e, dict) or type(e.get("start")) is not int:
            continue
        if e["start"] < prev_start:
            errors.append(f"{ewhere}: not sorted by start")
        elif e["start"] < prev_end:
            errors.append(f"{ewhere}: overlaps the previous entity")
        prev_start, prev_end = e["start"], max(prev_end, e.get("end", 0))
        if e.get("label") in LABELS:
            tally.counts[lang][e["label"]] += 1
            tally.per_measure[rec["measure"]][e["label"]] += 1


def check_record(rec: dict, lang: str, where: str, tally: Tally) -> None:
    """One line's identity (language, measure, field, id), its text, then its entities."""
    errors = tally.errors
    rid, measure, field, text = rec["id"], rec["measure"], rec["field"], rec["text"]
    if rec["language"] != lang:
        errors.append(f"{where}: language {rec['language']!r} in gold-{lang}.jsonl")
    if not (isinstance(measure, str) and re.fullmatch(rf"{lang}-\d\d", measure)):
        errors.append(f"{where}: measure {measure!r} is not {lang}-NN")
    if field not in FIELDS:
        errors.append(f"{where}: field {field!r} not in {FIELDS}")
    if rid != f"{measure}-{field}":
        errors.append(f"{where}: id should be {measure}-{field}")
    if rid in tally.seen_ids:
        errors.append(f"{where}: duplicate id")
    tally.seen_ids.add(rid)
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty text")
        return
    if unicodedata.normalize("NFC", text) != text:
        errors.append(f"{where}: text is not NFC")
    if field in WORDS:
        lo, hi = WORDS[field]
        words = len(text.split())
        if not lo <= words <= hi:
            errors.append(f"{where}: {words} words, expected {lo}-{hi} for a {field}")
    tally.fields_of[measure].append(field)
    tally.n_fields[lang] += 1
    if not isinstance(rec["entities"], list):
        errors.append(f"{where}: entities must be a list")
        return
    check_entities(rec, lang, where, tally)


def check_file(folder: Path, lang: str, tally: Tally) -> None:
    """gold-<lang>.jsonl: its line ends, each line, then its measures' count and fields."""
    errors = tally.errors
    path = folder / f"gold-{lang}.jsonl"
    if not path.exists():
        errors.append(f"{path.name}: missing")
        return
    raw = path.read_bytes()
    if not raw.endswith(b"\n") or b"\r" in raw:
        errors.append(f"{path.name}: lines must end with a single LF")
    for lineno, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            errors.append(f"{where}: not JSON ({err})")
            continue
        if not isinstance(rec, dict) or list(rec) != KEYS:
            errors.append(f"{where}: keys must be exactly {KEYS} in this order")
            continue
        check_record(rec, lang, f"{path.name}:{lineno} ({rec['id']})", tally)

    measures = sorted(m for m in tally.fields_of if m.startswith(f"{lang}-"))
    if len(measures) != MEASURES_PER_LANGUAGE:
        errors.append(
            f"gold-{lang}.jsonl: {len(measures)} measures, expected {MEASURES_PER_LANGUAGE}"
        )
    for m in measures:
        fs = tally.fields_of[m]
        if "description" not in fs or "results" not in fs or len(set(fs)) != len(fs):
            errors.append(f"{m}: needs one description and one results field, has {fs}")


def print_counts(tally: Tally) -> None:
    """Mentions per label x language, scored mentions, fields, and scored mentions per measure."""
    counts, width = tally.counts, 8
    print(f"{'label':<7}" + "".join(f"{lang:>{width}}" for lang in LANGS) + f"{'total':>{width}}")
    for label in LABELS:
        row = [counts[lang][label] for lang in LANGS]
        print(f"{label:<7}" + "".join(f"{n:>{width}}" for n in row) + f"{sum(row):>{width}}")
    scored = [sum(counts[lang][lab] for lab in SCORED) for lang in LANGS]
    print(f"{'scored':<7}" + "".join(f"{n:>{width}}" for n in scored) + f"{sum(scored):>{width}}")
    print(
        f"{'fields':<7}"
        + "".join(f"{tally.n_fields[lang]:>{width}}" for lang in LANGS)
        + f"{sum(tally.n_fields.values()):>{width}}"
    )
    per = {m: sum(c[lab] for lab in SCORED) for m, c in tally.per_measure.items()}
    if per:
        lo = min(per, key=per.get)
        hi = max(per, key=per.get)
        print(
            f"scored mentions per measure: min {per[lo]} ({lo}), max {per[hi]} ({hi}), "
            f"mean {sum(per.values()) / len(per):.1f} over {len(per)} measures"
        )


def check(folder: Path) -> int:
    tally = Tally()
    for lang in LANGS:
        check_file(folder, lang, tally)
    print_counts(tally)
    errors = tally.errors
    missing = [(lang, lab) for lang in LANGS for lab in LABELS if tally.counts[lang][lab] == 0]
    for lang, lab in missing:
        errors.append(f"gold-{lang}.jsonl: no {lab} mention at all")

    for err in errors:
        print(f"ERROR {err}", file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    sys.exit(check(folder))
