"""The words of bodies' names (data/nlp_organizations.toml) and what one document's name search
knows about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from pipeline.nlp.words import HYPHENS
from pipeline.tables import load_table

MAX_NAME_TOKENS: Final = 16


@dataclass(slots=True)
class Scan:
    """What one document's name search needs to know about it."""

    doc: Doc
    blocked: set[int]
    place_starts: set[int]
    # The words the document writes in lower case somewhere, read only when a name starts a
    # sentence (most documents never ask).
    _lower_forms: set[str] | None = None

    def written_lower(self, word: str) -> bool:
        if self._lower_forms is None:
            self._lower_forms = {t.lower_ for t in self.doc if t.is_lower}
        return word in self._lower_forms

    def open(self, index: int, first: int) -> bool:
        """Whether token `index` may belong to a name whose first token is `first`: no other
        label's mention, no line break, no new sentence."""
        if index < 0 or index >= len(self.doc) or index in self.blocked:
            return False
        token = self.doc[index]
        return not token.is_space and (index == first or not token.is_sent_start)

    def glued_hyphen(self, index: int) -> bool:
        """A hyphen inside a word the tokenizer split ("Saint-Louis", "Goethe-Institut")."""
        doc = self.doc
        return (
            0 < index < len(doc) - 1
            and doc[index].text in HYPHENS
            and not doc[index - 1].whitespace_
            and not doc[index].whitespace_
            and doc[index + 1].is_alpha
        )


class OrganizationWords:
    """The vocabulary of bodies' names and the word tests the ORG rules share."""

    def __init__(self, nlp: Language) -> None:
        data = load_table("nlp_organizations")
        self.heads = frozenset(w.lower() for w in data["heads"])
        self.lowercase_heads = frozenset(w.lower() for w in data["lowercase_heads"])
        self.english = frozenset(data["prepositions_english"])
        self.romance = frozenset(data["prepositions_romance"])
        self.locating = frozenset(data["location_prepositions"])
        self.articles = frozenset(data["articles"])
        self.coordinators = frozenset(data["coordinators"])
        self.possessives = frozenset(data["possessives"])
        self.plural_owners = frozenset(data["plural_owners"])
        self.adjectives = frozenset(data["adjectives"])
        self.endings = tuple(data["adjective_endings"])
        self.not_names = frozenset(" ".join(n.lower().split()) for n in data["not_names"])
        self.connectors = self.english | self.romance | self.articles | self.coordinators
        self.known = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.known.add("ORG", [nlp.make_doc(name) for name in data["known_names"]])
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.acronyms.add("ORG", [nlp.make_doc(name) for name in data["known_acronyms"]])
        self.apposition_nouns = frozenset(data["apposition_nouns"])
        self.stop_words = frozenset(data["stop_words"])

    # -- words

    def _is_head(self, token: Token) -> bool:
        if token.lower_ not in self.heads:
            return False
        if token.text[0].isupper():
            return True
        # "le ministère de la Culture", never "in the direction of Baku".
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return (
            token.lower_ in self.lowercase_heads
            and following is not None
            and (following.lower_ in self.romance or following.lower_ in self.adjectives)
        )

    def _is_cap(self, token: Token) -> bool:
        text = token.text
        if not text[0].isupper() or not any(ch.isalpha() for ch in text):
            return False
        return not (token.is_stop and not token.is_upper)

    def _is_lower_noun(self, token: Token) -> bool:
        return (
            token.is_alpha
            and token.is_lower
            and not token.is_stop
            and len(token) >= 3
            and token.lower_ not in self.stop_words
        )

    def _is_adjective(self, token: Token) -> bool:
        return token.is_lower and (
            token.lower_ in self.adjectives
            or (token.is_alpha and not token.is_stop and token.lower_.endswith(self.endings))
        )

    def _owner_joins(self, owner: Token, mark: Token) -> bool:
        """ "Composers' Union", "Women's Fund" join; "UNESCO's International Fund" does not."""
        return not mark.text.endswith(("s", "S")) or owner.lower_ in self.plural_owners
