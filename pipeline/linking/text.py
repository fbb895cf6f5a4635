"""The words of a title, agency or description as the linker compares them: case, accents,
punctuation, outline numbers and words that name no policy left out."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline.tables import load_table

_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
# The accents NFKD separates from their letters: "é" is "e" and U+0301.
_MARKS = re.compile(r"[\u0300-\u036f]")
# Characters that the first words of a text take at most, each with its spaces and stop words.
_LONGEST_WORD = 24
# `1.4.1.`, `a)`, `II.` before a title: its place in a report, not its name.
_NUMBERING = re.compile(r"^\s*(?:[0-9ivx]+[.)]\s*|[0-9]+(?:\.[0-9]+)+\.?\s*|[a-z]\)\s*)+", re.I)


@cache
def settings() -> dict[str, dict[str, float]]:
    table = load_table("linking")
    return {"thresholds": table["thresholds"], "blocking": table["blocking"]}


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_table("linking")["stopwords"])


def words(text: str | None, limit: int | None = None) -> list[str]:
    """The significant words of `text`, in order (at most `limit`)."""
    if not text:
        return []
    if limit is not None:
        text = text[: limit * _LONGEST_WORD]  # the rest cannot hold one of the first `limit`
    text = _NUMBERING.sub("", text)
    plain = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    stop = _stopwords()
    found = [
        word
        for word in _WORD.findall(plain)
        if word not in stop and (len(word) > 1 or word.isdigit())
    ]
    return found if limit is None else found[:limit]
