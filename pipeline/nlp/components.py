"""The qpr_* spaCy components, each declaring what it reads and writes so that
`nlp.analyze_pipes()` checks their order.

Every rule component adds candidates to `doc.spans` (state.CANDIDATES); qpr_entities resolves
them into `doc.ents`. The sentence starts come first: names never reach across them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.mentions import PatternComponent, adjust_date, adjust_law, adjust_money
from pipeline.nlp.organizations import OrganizationComponent
from pipeline.nlp.places import PlaceComponent
from pipeline.nlp.resolution import resolve_entities
from pipeline.nlp.sentences import mark_sentences

# Rule components in pipeline order: the number-bearing mentions first, so that names stop at
# them ("Ministry of Culture Decree No. 5" is a body, then a law).
COMPONENTS: Final = (
    "qpr_sentences",
    "qpr_laws",
    "qpr_money",
    "qpr_dates",
    "qpr_places",
    "qpr_organizations",
    "qpr_entities",
)
_SENTENCES: Final = "token.is_sent_start"
_CANDIDATES: Final = "doc.spans"


@Language.factory("qpr_sentences", assigns=[_SENTENCES, _CANDIDATES])
def make_sentences(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_sentences


@Language.factory("qpr_laws", assigns=[_CANDIDATES], requires=[_SENTENCES, _CANDIDATES])
def make_laws(nlp: Language, name: str) -> PatternComponent:
    return PatternComponent("LAW", adjust_law, trim=True)


@Language.factory("qpr_money", assigns=[_CANDIDATES], requires=[_CANDIDATES])
def make_money(nlp: Language, name: str) -> PatternComponent:
    return PatternComponent("MONEY", adjust_money)


@Language.factory("qpr_dates", assigns=[_CANDIDATES], requires=[_CANDIDATES])
def make_dates(nlp: Language, name: str) -> PatternComponent:
    # The preposition that introduces a date is outside its span ("in 2018" -> "2018", "from
    # 2015 to 2019" -> "2015 to 2019"), as samples/nlp/README.md rules: the patterns mark the
    # mention with a `span` group.
    return PatternComponent("DATE", adjust_date)


@Language.factory("qpr_places", assigns=[_CANDIDATES], requires=[_SENTENCES, _CANDIDATES])
def make_places(nlp: Language, name: str) -> PlaceComponent:
    return PlaceComponent(nlp)


@Language.factory("qpr_organizations", assigns=[_CANDIDATES], requires=[_SENTENCES, _CANDIDATES])
def make_organizations(nlp: Language, name: str) -> OrganizationComponent:
    return OrganizationComponent(nlp)


@Language.factory("qpr_entities", assigns=["doc.ents"], requires=[_CANDIDATES])
def make_entities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return resolve_entities
