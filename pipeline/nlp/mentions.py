"""The DATE, MONEY and LAW rule components: a match of a label's patterns is a candidate, once
that label's rule has moved its bounds or refused it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from spacy.tokens import Doc, Span

from pipeline.nlp.fragments import compiled, digit_windows
from pipeline.nlp.state import candidate_group, doc_text
from pipeline.nlp.words import body_words
from pipeline.patterns import PHRASE_SPACE, YEAR, counts_things, follows_reference

_NEXT_WORD: Final = re.compile(PHRASE_SPACE + r"*([^\W\d_]+)")
_PREVIOUS_WORD: Final = re.compile(r"(\S+)" + PHRASE_SPACE + r"*\Z")
_PLAIN_YEAR: Final = re.compile(YEAR)
_DIGIT_AHEAD: Final = re.compile(PHRASE_SPACE + r"*[0-9]")


def adjust_date(text: str, match: re.Match[str], start: int, end: int) -> tuple[int, int] | None:
    if not text[start:end].isdigit():
        return start, end
    after = _NEXT_WORD.match(text, end)
    if after is not None and counts_things(after.group(1)):
        return None
    return None if follows_reference(text, start) else (start, end)


def adjust_money(text: str, match: re.Match[str], start: int, end: int) -> tuple[int, int] | None:
    """A year is no amount ("EU 2020", "USD 2019"), and a currency followed by a figure leads
    that figure ("in 2019 USD 5 000", "2016-2019 $ 5 000")."""
    groups = match.groupdict()
    currency = groups.get("currency")
    if not currency:
        return start, end
    if match.start("currency") > match.start("number"):
        return None if _DIGIT_AHEAD.match(text, match.end("currency")) else (start, end)
    if groups.get("scale") or not currency[0].isalpha():
        return start, end
    return None if _PLAIN_YEAR.fullmatch(groups["number"]) else (start, end)


def adjust_law(text: str, match: re.Match[str], start: int, end: int) -> tuple[int, int] | None:
    """A capitalised title before the kind ("Creative Economy Act No. 14") is the law's, unless
    it belongs to a body's name: "Ministry of Culture Decree No. 5" is a body, then a law."""
    if "title" not in match.re.groupindex or not match.group("title"):
        return start, end
    heads, prepositions = body_words()
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", match.group("title"))
    before = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
    after_preposition = before is not None and before.group(1).lower() in prepositions
    if not after_preposition and not any(word.lower() in heads for word in words):
        return start, end
    start = match.end("title")
    return (start, end) if any(ch.isdigit() for ch in text[start:end]) else None


_Adjust = Callable[[str, re.Match[str], int, int], "tuple[int, int] | None"]


class PatternComponent:
    """Adds a candidate for every match of its label's patterns over the text; `adjust` may
    move a match's bounds or refuse it."""

    def __init__(self, label: str, adjust: _Adjust, trim: bool = False) -> None:
        self.label = label
        self.near_digits = compiled(label, "patterns")
        self.anywhere = compiled(label, "word_patterns")
        self.adjust = adjust
        self.trim = trim

    def _matches(self, text: str) -> Iterator[tuple[re.Pattern[str], re.Match[str]]]:
        # Lookbehinds see the whole text even from a window's start (re's `pos`).
        windows = digit_windows(text) if self.near_digits else []
        for pattern in self.near_digits:
            for start, end in windows:
                for match in pattern.finditer(text, start, end):
                    yield pattern, match
        for pattern in self.anywhere:
            for match in pattern.finditer(text):
                yield pattern, match

    def __call__(self, doc: Doc) -> Doc:
        candidates = candidate_group(doc)
        text = doc_text(doc)
        for pattern, match in self._matches(text):
            start, end = match.span("span") if "span" in pattern.groupindex else match.span()
            bounds = self.adjust(text, match, start, end) if start < end else None
            if bounds is None:
                continue
            span = doc.char_span(*bounds, label=self.label, alignment_mode="expand")
            if span is not None and self.trim:
                span = _trim_stop_words(span)
            if span is not None and len(span):
                candidates.append(span)
        return doc


def _trim_stop_words(span: Span) -> Span:
    """ "The Copyright Act" -> "Copyright Act": a sentence's first word is no part of a title."""
    start = span.start
    while start < span.end - 1 and span.doc[start].is_stop:
        start += 1
    return Span(span.doc, start, span.end, label=span.label_)
