"""Resolution: the candidates of every rule component become `doc.ents`, never overlapping."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from spacy.tokens import Doc

from pipeline.nlp.state import candidate_group, doc_text
from pipeline.tables import load_table

# Where two candidates overlap, the longer wins; at one length, the more specific label.
_RANK: Final = {"LAW": 0, "MONEY": 1, "DATE": 2, "ORG": 3, "PLACE": 4}


@cache
def quoted_pattern() -> re.Pattern[str]:
    table = load_table("nlp_pipelines")["quotes"]
    limit = int(table["max_length"])
    pairs = [
        f"{re.escape(opening)}[^{re.escape(closing)}\n]{{1,{limit}}}{re.escape(closing)}"
        for opening, closing in table["pairs"]
    ]
    return re.compile("|".join(pairs))


def resolve_entities(doc: Doc) -> Doc:
    """The candidates, longest first (at one length the more specific label, then the earlier),
    each kept unless it overlaps one kept before, become `doc.ents`. Nothing inside a quoted
    title counts (samples/nlp/README.md G6)."""
    quoted = [m.span() for m in quoted_pattern().finditer(doc_text(doc))]
    ordered = sorted(
        (
            span
            for span in candidate_group(doc)
            if not any(
                q_start < span.start_char and span.end_char < q_end for q_start, q_end in quoted
            )
        ),
        key=lambda s: (-(s.end_char - s.start_char), _RANK[s.label_], s.start_char, s.end_char),
    )
    taken: set[int] = set()
    kept = []
    for span in ordered:
        tokens = range(span.start, span.end)
        if not taken.intersection(tokens):
            taken.update(tokens)
            kept.append(span)
    doc.ents = sorted(kept, key=lambda s: s.start)
    return doc
