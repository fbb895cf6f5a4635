"""The entities API: (text, language) pairs in, ORG/PLACE/DATE/MONEY/LAW mentions out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Span

from pipeline.nlp.pipelines import (
    SETTINGS,
    language_code,
    rule_pipeline,
    trained_allowed,
    trained_name,
    trained_pipeline,
)
from pipeline.nlp.resolution import quoted_pattern
from pipeline.nlp.state import DEFINED

LABELS: Final = ("ORG", "PLACE", "DATE", "MONEY", "LAW")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity: `text` is `source[start:end]` of the text it was found in."""

    text: str
    label: str
    start: int
    end: int


# ------------------------------------------------------------------------------- public API


def find_entities(
    texts: Sequence[tuple[str, str | None]], use_trained: bool | None = None
) -> list[list[Mention]]:
    """One list of mentions per (text, language code) pair, sorted by start, never overlapping.

    Texts are run through `nlp.pipe` in batches, one batch per language. `use_trained` None
    follows QPR_TRAINED_PIPELINES (on unless "0"); a trained pipeline runs only when installed.
    """
    allowed = trained_allowed() if use_trained is None else use_trained
    results: list[list[Mention]] = [[] for _ in texts]
    groups: dict[str, list[int]] = {}
    for index, (text, language) in enumerate(texts):
        if text.strip():
            groups.setdefault(language_code(language), []).append(index)
    batch_size = int(SETTINGS["batch_size"])
    defined: set[str] = set()
    for code in sorted(groups):
        indexes = groups[code]
        batch = [texts[index][0] for index in indexes]
        docs = rule_pipeline(code or None).pipe(batch, batch_size=batch_size)
        for index, doc in zip(indexes, docs, strict=True):
            results[index] = [_mention(ent) for ent in doc.ents]
            defined.update(doc.user_data.get(DEFINED, ()))
        name = trained_name(code) if allowed and code else None
        if name is None:
            continue
        trained_docs = trained_pipeline(name).pipe(batch, batch_size=batch_size)
        for index, doc in zip(indexes, trained_docs, strict=True):
            results[index] = _merge(results[index], _trained_mentions(doc))
    if defined:
        for index, (text, _) in enumerate(texts):
            results[index] = _merge(results[index], _acronym_mentions(text, defined))
    return results


def _acronym_mentions(text: str, acronyms: set[str]) -> list[Mention]:
    """Every whole-word use of an acronym defined in some text of the call, outside quotes
    ("KFTB and county governments", where "… Board (KFTB)" was in the description)."""
    pattern = re.compile(
        r"(?<![\w&.-])(?:" + "|".join(map(re.escape, sorted(acronyms))) + r")(?![\w&-])"
    )
    quoted = [m.span() for m in quoted_pattern().finditer(text)]
    return [
        Mention(m.group(), "ORG", m.start(), m.end())
        for m in pattern.finditer(text)
        if not any(q_start < m.start() and m.end() < q_end for q_start, q_end in quoted)
    ]


def _trained_mentions(doc: Doc) -> list[Mention]:
    labels = SETTINGS["trained"]["labels"]
    return [
        Mention(ent.text, str(labels[ent.label_]), ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in labels
    ]


def _merge(rules: list[Mention], trained: list[Mention]) -> list[Mention]:
    """Rule mentions win: a trained one is kept only where it overlaps none of them."""
    kept = [m for m in trained if not any(m.start < r.end and r.start < m.end for r in rules)]
    return sorted(rules + kept, key=lambda m: (m.start, m.end))


def _mention(span: Span) -> Mention:
    return Mention(span.text, span.label_, span.start_char, span.end_char)
