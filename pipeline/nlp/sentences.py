"""Sentence starts of the rule pipeline: names and mentions never reach across them."""

from __future__ import annotations

from typing import Any, Final

import numpy
from spacy.attrs import IS_LOWER, IS_SPACE, ORTH, SENT_START
from spacy.tokens import Doc

from pipeline.nlp.state import candidate_group

_SENTENCE_ENDS: Final = frozenset({".", "!", "?", ";", ":", "…", "•"})


def mark_sentences(doc: Doc) -> Doc:
    """A sentence starts after a line break, or after end punctuation when no lower-case word
    follows ("approx. five" goes on): names never reach across either. Set as one array:
    token by token, spaCy's setter costs more than the rest of the pipeline."""
    if len(doc):
        strings = doc.vocab.strings
        ends = numpy.array([strings.add(mark) for mark in _SENTENCE_ENDS], dtype="uint64")
        attributes = doc.to_array([ORTH, IS_LOWER, IS_SPACE])
        after_end = numpy.isin(attributes[:-1, 0], ends) & (attributes[1:, 1] == 0)
        after_break = numpy.zeros(len(doc) - 1, dtype=bool)
        for index in numpy.flatnonzero(attributes[:-1, 2]):
            after_break[index] = "\n" in doc[int(index)].text
        starts = numpy.concatenate(([True], after_end | after_break))
        values: Any = numpy.where(starts, 1, -1).astype("uint64")[:, None]
        doc.from_array([SENT_START], values)
    candidate_group(doc)
    return doc
