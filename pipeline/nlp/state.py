"""What the rule components share through a doc: its text, built once, and the candidates
they add, resolved into `doc.ents` by the last one."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, SpanGroup

CANDIDATES: Final = "qpr_candidates"
# doc.user_data key: the acronyms a text defines ("… Board (KFTB)"), which name the body in the
# other texts of one call too (a measure's fields are one document).
DEFINED: Final = "qpr_defined_acronyms"
_TEXT: Final = "qpr_text"


def doc_text(doc: Doc) -> str:
    """The doc's text. spaCy rebuilds `doc.text` from the tokens on every access, and four
    components read it: it is built once per doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def candidate_group(doc: Doc) -> SpanGroup:
    """The rule components' overlapping candidates, resolved into `doc.ents` at the end."""
    if CANDIDATES not in doc.spans:
        doc.spans[CANDIDATES] = []
    return doc.spans[CANDIDATES]
