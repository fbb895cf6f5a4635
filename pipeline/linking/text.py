"""The words of a title, agency or description as the linker compares them: case, accents,
punctuation, outline numbers and words that name no policy left out."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline.tables import load_table

_WORD = re.compile(r"[a-z0-9]+")
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
    text = _NUMBERING.sub("", text)
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    stop = _stopwords()
    found = []
    for word in _WORD.findall(plain):
        if word not in stop and (len(word) > 1 or word.isdigit()):
            found.append(word)
            if limit is not None and len(found) == limit:
                break
    return found
