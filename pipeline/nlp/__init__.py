"""Named entities of free text: (text, language) pairs in, ORG/PLACE/DATE/MONEY/LAW mentions out.

One cached spaCy pipeline per language: `spacy.blank` plus named qpr_* rule components whose
patterns are data (data/nlp_*.toml); an installed trained pipeline adds what the rules miss.

  entities      the API: find_entities, Mention, LABELS
  pipelines     building the rule pipelines and loading the trained ones
  components    the qpr_* factories, in pipeline order, with what each assigns and requires
  sentences     sentence starts             fragments   the DATE/MONEY/LAW patterns, compiled
  mentions      DATE, MONEY, LAW candidates  places      PLACE candidates
  organizations ORG candidates (organization_words, organization_names)
  resolution    candidates -> doc.ents      state, words  what the components share
"""

from pipeline.nlp.components import COMPONENTS
from pipeline.nlp.entities import LABELS, Mention, find_entities
from pipeline.nlp.pipelines import (
    TRAINED_NAME_PREFIX,
    TRAINED_SWITCH,
    rule_pipeline,
    trained_pipeline_name,
)

__all__ = [
    "COMPONENTS",
    "LABELS",
    "TRAINED_NAME_PREFIX",
    "TRAINED_SWITCH",
    "Mention",
    "find_entities",
    "rule_pipeline",
    "trained_pipeline_name",
]
