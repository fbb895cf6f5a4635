"""The spaCy pipelines: one blank rule pipeline per language with the qpr_* components, and the
trained pipelines an installation may add."""

from __future__ import annotations

import logging
import os
import re
from functools import cache
from pathlib import Path
from typing import Any, Final

import spacy
from spacy.language import Language
from spacy.pipeline import Tok2Vec
from spacy.util import compile_prefix_regex, compile_suffix_regex, is_package

from pipeline.nlp.components import COMPONENTS
from pipeline.tables import load_table

logger = logging.getLogger(__name__)

TRAINED_SWITCH: Final = "QPR_TRAINED_PIPELINES"
TRAINED_NAME_PREFIX: Final = "QPR_SPACY_MODEL_"
SETTINGS: Final = load_table("nlp_pipelines")


def trained_pipeline_name(language: str) -> str | None:
    """The trained pipeline run for `language` when it is installed and allowed, else None."""
    return trained_name(language_code(language)) if trained_allowed() else None


def rule_pipeline(language: str | None) -> Language:
    """The rule pipeline for a language code: built once per process, then shared."""
    return _build_pipeline(_pipeline_language(language_code(language)))


# ------------------------------------------------------------------------------- pipelines


def language_code(language: str | None) -> str:
    """'fr-CA', 'FR', 'fr_FR' -> 'fr'; None -> ''."""
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower() if language else ""


def _pipeline_language(code: str) -> str:
    return code if code in SETTINGS["languages"] else str(SETTINGS["fallback"])


@cache
def _build_pipeline(language: str) -> Language:
    nlp = spacy.blank(language)
    # spaCy's 1,000,000-character cap guards a parser's memory; rules need no such cap.
    nlp.max_length = int(SETTINGS["max_length"])
    _adjust_tokenizer(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    logger.debug("built the %s rule pipeline: %s", language, nlp.pipe_names)
    return nlp


def _adjust_tokenizer(nlp: Language) -> None:
    """Elided articles and possessive marks become tokens of their own in every language."""
    table = SETTINGS["tokenizer"]
    elisions = "|".join(re.escape(e) for e in table["elisions"])
    prefixes = [*(nlp.Defaults.prefixes or ()), rf"(?:{elisions})['\u2019](?=[^\W\d_])"]
    singular = "|".join(re.escape(m) for m in table["possessive_suffixes"])
    plural = "|".join(re.escape(m) for m in table["plural_possessive_marks"])
    suffixes = [
        rf"(?<=[^\W\d_])(?:{singular})",
        rf"(?<=[sS])(?:{plural})",
        *(nlp.Defaults.suffixes or ()),
    ]
    tokenizer: Any = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def trained_allowed() -> bool:
    return os.environ.get(TRAINED_SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


def trained_name(code: str) -> str | None:
    defaults = SETTINGS["trained"]["default"]
    name = os.environ.get(TRAINED_NAME_PREFIX + code.upper()) or defaults.get(code)
    if not name:
        return None
    # A package name, or a pipeline folder (what `nlp.to_disk` wrote).
    return str(name) if is_package(name) or Path(name).is_dir() else None


@cache
def trained_pipeline(name: str) -> Language:
    logger.info("loading the trained spaCy pipeline %s", name)
    trained = spacy.load(name, exclude=list(SETTINGS["trained"]["exclude"]))
    # A shared tok2vec feeds only the components listening to it. With those left out it
    # would run for nothing (fr_core_news_sm's NER has its own): 7.7 -> 4.7 ms a text, same
    # entities on the 504 French texts of the gold set and a corpus (benchmarks/README.md).
    for component_name, component in list(trained.pipeline):
        if isinstance(component, Tok2Vec) and not component.listening_components:
            trained.remove_pipe(component_name)
    trained.max_length = int(SETTINGS["max_length"])
    return trained
