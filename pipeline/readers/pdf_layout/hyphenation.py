"""Hyphenation: whether a hyphen at a line end belongs to the word (`small-scale`) or only
breaks it (`cultu-ral`), decided by the document's own vocabulary, and the lines joined so."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from pipeline.patterns import URL_START
from pipeline.readers.pdf_layout.lines import LINE_BREAKS, Hyphen, Page, clean, split_hyphen

_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+")
_URL_TAIL = re.compile(URL_START + r"\S*$", re.IGNORECASE)
# Hyphenation: the words of the document, and its hyphenated compounds (possessive quantifiers
# and the look-behind keep the search linear in the length of the text).
WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
_MIN_COMPOUND_PART = 3  # "in-" + "formation", "de-" + "puis" are broken words, not compounds


class Vocabulary:
    """The document's own words and hyphenated compounds, lower case, to rejoin line-end hyphens.

    Read without the fragments on either side of a line-end hyphen, so that `cultu-` / `ral`
    cannot vouch for themselves, and only when a hyphen needs it: most documents have none.
    """

    def __init__(self, pages: list[Page]) -> None:
        self._pages = pages
        self._words: frozenset[str] | None = None
        self._compounds: frozenset[str] = frozenset()

    def keeps_hyphen(self, stem: str, rest: str) -> bool:
        """Whether `stem-` at a line end and `rest` on the next line are a hyphenated compound.

        Typesetters hyphenate words (`cultu-` / `ral`) and also break lines after real hyphens
        (`small-` / `scale`); LibreOffice even draws a soft hyphen as "-". The document decides:
        the hyphen stays when the document writes the compound with it elsewhere, or when both
        halves are words of the document and the joined word is not (`small` and `scale` but no
        `smallscale`). Otherwise the halves are one word broken in two, as most are.
        """
        if self._words is None:
            self._words, self._compounds = _read_vocabulary(self._pages)
        stem, rest = stem.lower(), rest.lower()
        if f"{stem}-{rest}" in self._compounds:
            return True
        if stem + rest in self._words:
            return False
        return (
            min(len(stem), len(rest)) >= _MIN_COMPOUND_PART
            and stem in self._words
            and rest in self._words
        )


def _read_vocabulary(pages: list[Page]) -> tuple[frozenset[str], frozenset[str]]:
    """The words and the hyphenated compounds (as pairs of neighbouring parts: `of-the` in
    `state-of-the-art`) of the pages' lines and table cells, less the fragments of every word
    broken at a line end."""
    lines = [(line.text, line.hyphen) for page in pages for line in page.lines]
    texts = list(_without_fragments(lines))
    for page in pages:
        for table in page.tables:
            for row in table.rows:
                for cell in row:
                    cell_lines = (
                        split_hyphen(clean(raw), False) for raw in LINE_BREAKS.split(cell)
                    )
                    texts.extend(_without_fragments(cell_lines))
    text = "\n".join(texts).lower()
    compounds: set[str] = set()
    if "-" in text:
        for match in _COMPOUND.finditer(text):
            parts = match[0].split("-")
            compounds.update(f"{part}-{next_part}" for part, next_part in pairwise(parts))
    return frozenset(WORD.findall(text)), frozenset(compounds)


def _without_fragments(lines: Iterable[tuple[str, Hyphen]]) -> Iterator[str]:
    """The lines' texts in order, less the word halves on either side of a line-end hyphen."""
    broken = False
    for text, hyphen in lines:
        if broken:
            text = _FIRST_WORD.sub("", text, count=1)
        broken = hyphen is not Hyphen.NONE
        yield _LAST_WORD.sub("", text) if broken else text


def join_lines(text: str, hyphen: Hyphen, following: str, vocabulary: Vocabulary) -> str:
    """`text` and the next line's `following`, glued as the end-of-line hyphen says."""
    if hyphen is Hyphen.SOFT:
        return text + following
    if hyphen is Hyphen.NONE:
        return f"{text} {following}"
    stem, rest = _LAST_WORD.search(text), _FIRST_WORD.match(following)
    # A hyphen before a capital or a figure belongs to the text: `COVID-` / `19`, `Franco-` /
    # `British`.
    if not following[:1].islower() or stem is None or rest is None:
        return f"{text}-{following}"
    # A web address is never hyphenated by the layout: its hyphen is part of it
    # (`…/professionnels-de-la-` / `culture`).
    if _URL_TAIL.search(text) or vocabulary.keeps_hyphen(stem.group(), rest.group()):
        return f"{text}-{following}"
    return text + following


def close_hyphen(text: str, hyphen: Hyphen) -> str:
    return f"{text}-" if hyphen is Hyphen.HARD else text
