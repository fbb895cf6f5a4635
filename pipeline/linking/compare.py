"""One candidate pair compared (rapidfuzz), and the rules that accept it as the same policy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pipeline.linking.items import LinkItem
from pipeline.linking.text import settings, title_changes, words

# How much each field weighs in the combined score; a field one row lacks is left out.
_WEIGHTS = {"title": 0.45, "description": 0.40, "agency": 0.15}
# The description's words compared: enough to tell two texts apart, and an excerpt keeps them.
_DESCRIPTION_WORDS = 120
# Two words are one when spelt this alike ("digitisation", "digitization"), out of 100.
_SAME_WORD = 80


@dataclass(frozen=True, slots=True)
class Prepared:
    """An item's texts, normalised once: title and description as their words sorted (what
    token_sort_ratio compares, so that fuzz.ratio compares them at once)."""

    title: str | None
    agency: str | None
    description: str | None
    naming: frozenset[str]  # the title's words that name the programme (not title_changes)
    blocking: frozenset[str]  # the words it may be blocked by (pipeline/linking/blocking.py)


def prepare(item: LinkItem) -> Prepared:
    titled, agency = words(item.title), words(item.agency)
    described = words(item.description, _DESCRIPTION_WORDS)
    block_words = int(settings()["blocking"]["description_words"])
    return Prepared(
        " ".join(sorted(titled)) or None,
        " ".join(agency) or None,
        " ".join(sorted(described)) or None,
        frozenset(word for word in titled if word not in title_changes() and not word.isdigit()),
        frozenset([*titled, *agency, *described[:block_words]]),
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
        "title": _similarity(fuzz.ratio, a.title, b.title),
        "description": _similarity(fuzz.ratio, a.description, b.description),
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
    if not copy:
        if same_cycle:  # one cycle's report does not hold one programme twice but in copies
            return None
        # A title with a naming word of its own ("... in the North", "... for women artists")
        # names another programme, unless the description says it is this one (the title
        # rule's support): when both titles have one, it is another programme.
        own = _own_words(a.naming, b.naming) if a.naming and b.naming else 0
        if own == 2 or (own == 1 and (description or 0.0) < limits["own_word_description"]):
            return None
        support = max(known.get("description", 0.0), known.get("agency", 0.0))
        titled = (
            title is not None and title >= limits["title"] and support >= limits["title_support"]
        )
        if not titled and score < limits["combined"]:
            return None
    evidence = ", ".join(f"{name} {value:.2f}" for name, value in known.items())
    relation = "copy" if copy and same_cycle is not False else "recurrence"
    return Verdict(round(score, 4), relation, evidence)


def _own_words(a: frozenset[str], b: frozenset[str]) -> int:
    """How many of the two titles have a naming word of their own: one the other title has
    not, nor one spelt alike, nor as its acronym ("NBDF" for "National Book Development
    Fund")."""
    return sum(bool(_unmatched(one, other)) for one, other in ((a, b), (b, a)))


def _unmatched(words_: frozenset[str], others: frozenset[str]) -> list[str]:
    initials = "".join(sorted(word[0] for word in others))
    return [
        word
        for word in words_ - others
        if process.extractOne(word, others, scorer=fuzz.ratio, score_cutoff=_SAME_WORD) is None
        and not (len(word) > 2 and set(word) <= set(initials))
    ]


def _similarity(scorer: Callable[..., float], a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    return float(scorer(a, b)) / 100.0
