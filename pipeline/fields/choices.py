"""Closed-vocabulary values: yes/no answers, entity types, goals, areas, domains, priorities,
scope and nature, matched against the wordings in `data/vocabularies.toml`."""

from __future__ import annotations

import re
from functools import cache

from pipeline.normalize import match_key
from pipeline.tables import load_table

_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")
_MIN_TRUNCATED_WORDS = 4
# `Goal 1 – Support …`, `Objectif 2 : …`: a short lead before the vocabulary's wording.
_MAX_LEAD_WORDS = 3


@cache
def _vocabulary(name: str) -> dict[str, str]:
    """Folded wording → code for one vocabulary."""
    return {
        match_key(text): code
        for code, wordings in load_table("vocabularies")[name].items()
        for text in wordings
    }


@cache
def _goal_number() -> re.Pattern[str]:
    words = "|".join(load_table("vocabularies")["goal_number_words"]["words"])
    return re.compile(rf"^(?:{words})\s*([1-4])\b")


def goal_number(key: str) -> str | None:
    """`goal_N` for a folded text that opens with a goal's number (`goal 2 achieve …`)."""
    number = _goal_number().match(key)
    return f"goal_{number.group(1)}" if number else None


def lookup(vocabulary: str, text: str, exact: bool = False) -> str | None:
    """The code whose wording `text` is; unless `exact`, long wordings also match when cut
    short or prefixed (`Goal 1 – Support sustainable systems…`)."""
    key = match_key(text)
    if not key:
        return None
    table = _vocabulary(vocabulary)
    if key in table or exact:
        return table.get(key)
    if vocabulary == "goals" and (code := goal_number(key)):
        return code
    for wording, code in table.items():
        if len(wording.split()) >= _MIN_TRUNCATED_WORDS and (
            (key.endswith(wording) and len(key.split()) - len(wording.split()) <= _MAX_LEAD_WORDS)
            or (len(key.split()) >= _MIN_TRUNCATED_WORDS and wording.startswith(key))
        ):
            return code
    return None


def lookup_list(vocabularies: tuple[str, ...], text: str) -> list[tuple[str, str, int, int]] | None:
    """Codes in a line: the whole line, or its comma/semicolon-separated parts when every part
    matches (the platform's export joins values with commas, and mixes goals with areas:
    `Sistemas sostenibles de gobernanza de la cultura, Sectores culturales y creativos`).
    Gives (vocabulary, code, start, end) with offsets into `text`, each part matched against the
    vocabularies in order; None when the line is not such a value."""
    whole = _lookup_first(vocabularies, text)
    if whole is not None:
        return [(*whole, 0, len(text))]
    found = []
    position = 0
    for part in _LIST_SEPARATORS.split(text):
        start = text.index(part, position)
        position = start + len(part)
        if not part.strip():
            continue
        match = _lookup_first(vocabularies, part)
        if match is None:
            return None
        found.append((*match, start, position))
    return found or None


def _lookup_first(vocabularies: tuple[str, ...], text: str) -> tuple[str, str] | None:
    for vocabulary in vocabularies:
        code = lookup(vocabulary, text)
        if code is not None:
            return vocabulary, code
    return None


_EXPLICIT_ANSWER = re.compile(r"^\s*(\w+)\s*(?:[,.;:(\u2013\u2014-]|$)")


def parse_yes_no(text: str) -> bool | None:
    """True/False for an explicit answer (YES/NO, Oui/Non, Sí/No), also when detail follows
    after punctuation (`Yes, in 2022`); None for anything else (`Non applicable`)."""
    match = _EXPLICIT_ANSWER.match(text)
    code = lookup("evaluated", match.group(1)) if match else None
    return {"yes": True, "no": False}.get(code) if code else None
