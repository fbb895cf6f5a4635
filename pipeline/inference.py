"""A measure's text in, what the form left blank out: cultural domains, areas of monitoring and
target groups read from the free text, and a partner's type of entity read from its name.

Every inferred value is marked as such by the caller (`source: "inferred"`) with its evidence;
the words are data (`data/inference.toml`), and nothing here replaces what the form says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.fields.text import TextValue
from pipeline.patterns import BULLET
from pipeline.tables import load_table

# What may stand before the first word of a sentence: nothing, an end of sentence, a line
# break, a bullet.
_SENTENCE_START = re.compile(rf"(?:^|[.!?:;]\s+|\n\s*|{BULLET}\s+)$")


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    page: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Inferred:
    code: str
    evidence: tuple[Evidence, ...]
    """Every place the code's words occur, in document order."""


@cache
def _patterns(vocabulary: str) -> dict[str, re.Pattern[str]]:
    """One case-blind whole-word pattern per code, longest wording first."""
    table = load_table("inference")[vocabulary]
    return {code: _words_pattern(words, re.IGNORECASE) for code, words in table.items()}


def _words_pattern(words: list[str], flags: int = 0) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


def infer_codes(vocabulary: str, title: TextValue | None, texts: list[TextValue]) -> list[Inferred]:
    """The codes of `vocabulary` the measure's text supports: words found in at least
    `min_mentions` places of the free text, or in the title; ordered by first evidence."""
    minimum = int(load_table("inference")["min_mentions"])
    found = []
    for code, pattern in _patterns(vocabulary).items():
        in_title = _evidence(pattern, title, in_title=True) if title else []
        in_text = [item for text in texts for item in _evidence(pattern, text)]
        if in_title or len(in_text) >= minimum:
            evidence = sorted(in_title + in_text, key=lambda item: item.start)
            found.append(Inferred(code, tuple(evidence)))
    return sorted(found, key=lambda inferred: inferred.evidence[0].start)


def _evidence(pattern: re.Pattern[str], value: TextValue, in_title: bool = False) -> list[Evidence]:
    """Where `pattern` occurs in `value`. In running text a capitalised word inside a sentence
    is part of a name (`Azerbaijan Design Association` says nothing of design), so only a
    title counts its capitalised words."""
    return [
        Evidence(
            start=value.document_offset(match.start()),
            end=value.document_offset(match.end()),
            page=value.page,
            text=match.group(),
        )
        for match in pattern.finditer(value.text)
        if in_title or not _inside_a_name(value.text, match.start())
    ]


def _inside_a_name(text: str, start: int) -> bool:
    return text[start].isupper() and not _SENTENCE_START.search(text[:start])


@cache
def _entity_type_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Most specific first: an international body, then a company's legal form, then civil
    society, then the public sector (`National …` would otherwise claim `National Union …`)."""
    table = load_table("inference")["entity_type"]
    order = ("other", "private_sector", "civil_society", "public_sector")
    return [(code, _words_pattern(table[code])) for code in order if code in table]


def infer_entity_type(name: str) -> str | None:
    """The type of entity a partner's name states (`Ministry of Culture` → public sector)."""
    for code, pattern in _entity_type_patterns():
        if pattern.search(name):
            return code
    return None
