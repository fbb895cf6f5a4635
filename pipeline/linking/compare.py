"""One candidate pair compared (rapidfuzz), and the rules that accept it as the same policy."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.linking.text import settings, words

# How much each field weighs in the combined score; a field one row lacks is left out.
_WEIGHTS = {"title": 0.45, "description": 0.40, "agency": 0.15}
# The description's words compared: enough to tell two texts apart, and an excerpt keeps them.
_DESCRIPTION_WORDS = 120


@dataclass(frozen=True, slots=True)
class Prepared:
    """An item's texts, normalised once."""

    title: str | None
    agency: str | None
    description: str | None


def prepare(title: str | None, agency: str | None, description: str | None) -> Prepared:
    def joined(found: list[str]) -> str | None:
        return " ".join(found) or None

    return Prepared(
        joined(words(title)), joined(words(agency)), joined(words(description, _DESCRIPTION_WORDS))
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    score: float
    relation: str  # "copy" or "recurrence"
    evidence: str


def compare(a: Prepared, b: Prepared, same_cycle: bool | None) -> Verdict | None:
    """The verdict on two measures of different documents and compatible Parties, or None when
    they are two policies. `same_cycle`: True, False, or None when a cycle is unknown."""
    similarities = {
        "title": _similarity(fuzz.token_sort_ratio, a.title, b.title),
        "description": _similarity(fuzz.token_set_ratio, a.description, b.description),
        "agency": _similarity(fuzz.token_set_ratio, a.agency, b.agency),
    }
    known = {name: value for name, value in similarities.items() if value is not None}
    if "title" not in known and "description" not in known:
        return None
    weight = sum(_WEIGHTS[name] for name in known)
    score = sum(_WEIGHTS[name] * value for name, value in known.items()) / weight
    title, description = known.get("title"), known.get("description")
    limits = settings()["thresholds"]
    copy = (
        description is not None
        and description >= limits["copy_description"]
        and (title is None or title >= limits["copy_title"])
    )
    if same_cycle and not copy:
        return None  # one cycle's report does not hold one programme twice but in copies
    if not copy:
        support = max(known.get("description", 0.0), known.get("agency", 0.0))
        titled = (
            title is not None and title >= limits["title"] and support >= limits["title_support"]
        )
        if not titled and score < limits["combined"]:
            return None
    evidence = ", ".join(f"{name} {value:.2f}" for name, value in known.items())
    relation = "copy" if copy and same_cycle is not False else "recurrence"
    return Verdict(round(score, 4), relation, evidence)


def _similarity(scorer, a: str | None, b: str | None) -> float | None:  # type: ignore[no-untyped-def]
    if not a or not b:
        return None
    return float(scorer(a, b)) / 100.0
