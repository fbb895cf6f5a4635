"""Token shapes and words that more than one rule component reads."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from spacy.tokens import Token

from pipeline.tables import load_table

_ACRONYM: Final = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,11}")
HYPHENS: Final = frozenset({"-", "\u2010", "\u2011"})


def acronym_shaped(token: Token) -> bool:
    text = token.text
    upper = sum(ch.isupper() for ch in text)
    lower = sum(ch.islower() for ch in text)
    return bool(_ACRONYM.fullmatch(text)) and upper >= 2 and lower <= upper


@cache
def body_words() -> tuple[frozenset[str], frozenset[str]]:
    """(head nouns of bodies, prepositions of their names), from data/nlp_organizations.toml."""
    data = load_table("nlp_organizations")
    prepositions = data["prepositions_english"] + data["prepositions_romance"]
    return frozenset(w.lower() for w in data["heads"]), frozenset(prepositions)
