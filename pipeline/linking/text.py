"""The words of a title, agency or description as the linker compares them: case, accents,
punctuation, outline numbers and words that name no policy left out."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from pipeline.tables import load_table

_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
# The accents NFKD separates from their letters: "é" is "e" and U+0301.
_MARKS = re.compile(r"[\u0300-\u036f]")
# Characters of text read per word wanted: a word with its spaces, punctuation and stop words takes
# far fewer in prose, so the first `limit` words are read without normalising the whole text.
_LONGEST_WORD = 24
# `1.4.1.`, `a)`, `II.` before a title: its place in a report, not its name.
_NUMBERING = re.compile(r"^\s*(?:[0-9ivx]+[.)]\s*|[0-9]+(?:\.[0-9]+)+\.?\s*|[a-z]\)\s*)+", re.I)


@cache
def _table() -> dict[str, Any]:
    return load_table("linking")


@cache
def settings() -> dict[str, dict[str, float]]:
    """The linker's thresholds and blocking sizes (pipeline/data/linking.toml)."""
    return {"thresholds": _table()["thresholds"], "blocking": _table()["blocking"]}


@cache
def title_changes() -> frozenset[str]:
    """The words a programme's title gains or loses without becoming another programme."""
    return frozenset(_table()["title_changes"])


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(_table()["stopwords"])


def words(text: str | None, limit: int | None = None) -> list[str]:
    """The significant words of `text`, in order (at most `limit`)."""
    if not text:
        return []
    if limit is not None:
        text = text[: limit * _LONGEST_WORD]
    text = _NUMBERING.sub("", text)
    plain = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    stop = _stopwords()
    found = [
        word
        for word in _WORD.findall(plain)
        if word not in stop and (len(word) > 1 or word.isdigit())
    ]
    return found if limit is None else found[:limit]
