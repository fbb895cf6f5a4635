"""Named entities of free text: (text, language) pairs in, ORG/PLACE/DATE/MONEY/LAW mentions out.

One cached spaCy pipeline per language: `spacy.blank` plus named qpr_* rule components whose
patterns are data (data/nlp_*.toml); an installed trained pipeline adds what the rules miss.
"""

from __future__ import annotations

import gettext
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import numpy
import pycountry
import spacy
from spacy.attrs import IS_LOWER, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Tok2Vec
from spacy.tokens import Doc, Span, SpanGroup, Token
from spacy.util import compile_prefix_regex, compile_suffix_regex, is_package

from pipeline.tables import load_table

logger = logging.getLogger(__name__)

LABELS: Final = ("ORG", "PLACE", "DATE", "MONEY", "LAW")
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
TRAINED_SWITCH: Final = "QPR_TRAINED_PIPELINES"
TRAINED_NAME_PREFIX: Final = "QPR_SPACY_MODEL_"

# Where two candidates overlap, the longer wins; at one length, the more specific label.
_RANK: Final = {"LAW": 0, "MONEY": 1, "DATE": 2, "ORG": 3, "PLACE": 4}
_CANDIDATES: Final = "qpr_candidates"
# doc.user_data key: the acronyms a text defines ("… Board (KFTB)"), which name the body in the
# other texts of one call too (a measure's fields are one document).
_DEFINED: Final = "qpr_defined_acronyms"
_TEXT: Final = "qpr_text"
_SETTINGS: Final = load_table("nlp_pipelines")
_PATTERNS: Final = load_table("nlp_patterns")
_MONEY_WORDS: Final = load_table("money")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity: `text` is `source[start:end]` of the text it was found in."""

    text: str
    label: str
    start: int
    end: int


# ------------------------------------------------------------------------------- public API


def find_entities(
    texts: Sequence[tuple[str, str | None]], use_trained: bool | None = None
) -> list[list[Mention]]:
    """One list of mentions per (text, language code) pair, sorted by start, never overlapping.

    Texts are run through `nlp.pipe` in batches, one batch per language. `use_trained` None
    follows QPR_TRAINED_PIPELINES (on unless "0"); a trained pipeline runs only when installed.
    """
    allowed = _trained_allowed() if use_trained is None else use_trained
    results: list[list[Mention]] = [[] for _ in texts]
    groups: dict[str, list[int]] = {}
    for index, (text, language) in enumerate(texts):
        if text.strip():
            groups.setdefault(_language_code(language), []).append(index)
    batch_size = int(_SETTINGS["batch_size"])
    defined: set[str] = set()
    for code in sorted(groups):
        indexes = groups[code]
        batch = [texts[index][0] for index in indexes]
        docs = rule_pipeline(code or None).pipe(batch, batch_size=batch_size)
        for index, doc in zip(indexes, docs, strict=True):
            results[index] = [_mention(ent) for ent in doc.ents]
            defined.update(doc.user_data.get(_DEFINED, ()))
        name = _trained_name(code) if allowed and code else None
        if name is None:
            continue
        trained_docs = _trained_pipeline(name).pipe(batch, batch_size=batch_size)
        for index, doc in zip(indexes, trained_docs, strict=True):
            results[index] = _merge(results[index], _trained_mentions(doc))
    if defined:
        for index, (text, _) in enumerate(texts):
            results[index] = _merge(results[index], _acronym_mentions(text, defined))
    return results


def _acronym_mentions(text: str, acronyms: set[str]) -> list[Mention]:
    """Every whole-word use of an acronym defined in some text of the call, outside quotes
    ("KFTB and county governments", where "… Board (KFTB)" was in the description)."""
    pattern = re.compile(
        r"(?<![\w&.-])(?:" + "|".join(map(re.escape, sorted(acronyms))) + r")(?![\w&-])"
    )
    quoted = [m.span() for m in _quoted_pattern().finditer(text)]
    return [
        Mention(m.group(), "ORG", m.start(), m.end())
        for m in pattern.finditer(text)
        if not any(q_start < m.start() and m.end() < q_end for q_start, q_end in quoted)
    ]


def trained_pipeline_name(language: str) -> str | None:
    """The trained pipeline run for `language` when it is installed and allowed, else None."""
    return _trained_name(_language_code(language)) if _trained_allowed() else None


def rule_pipeline(language: str | None) -> Language:
    """The rule pipeline for a language code: built once per process, then shared."""
    return _build_pipeline(_pipeline_language(_language_code(language)))


# ------------------------------------------------------------------------------- pipelines


def _language_code(language: str | None) -> str:
    """'fr-CA', 'FR', 'fr_FR' -> 'fr'; None -> ''."""
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower() if language else ""


def _pipeline_language(code: str) -> str:
    return code if code in _SETTINGS["languages"] else str(_SETTINGS["fallback"])


@cache
def _build_pipeline(language: str) -> Language:
    nlp = spacy.blank(language)
    # spaCy's 1,000,000-character cap guards a parser's memory; rules need no such cap.
    nlp.max_length = int(_SETTINGS["max_length"])
    _adjust_tokenizer(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    logger.debug("built the %s rule pipeline: %s", language, nlp.pipe_names)
    return nlp


def _adjust_tokenizer(nlp: Language) -> None:
    """Elided articles and possessive marks become tokens of their own in every language."""
    table = _SETTINGS["tokenizer"]
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


def _trained_allowed() -> bool:
    return os.environ.get(TRAINED_SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


def _trained_name(code: str) -> str | None:
    defaults = _SETTINGS["trained"]["default"]
    name = os.environ.get(TRAINED_NAME_PREFIX + code.upper()) or defaults.get(code)
    if not name:
        return None
    # A package name, or a pipeline folder (what `nlp.to_disk` wrote).
    return str(name) if is_package(name) or Path(name).is_dir() else None


@cache
def _trained_pipeline(name: str) -> Language:
    logger.info("loading the trained spaCy pipeline %s", name)
    trained = spacy.load(name, exclude=list(_SETTINGS["trained"]["exclude"]))
    # A shared tok2vec feeds only the components listening to it. With those left out it
    # would run for nothing (fr_core_news_sm's NER has its own): 7.7 -> 4.7 ms a text, same
    # entities on the 504 French texts of the gold set and a corpus (benchmarks/README.md).
    for component_name, component in list(trained.pipeline):
        if isinstance(component, Tok2Vec) and not component.listening_components:
            trained.remove_pipe(component_name)
    trained.max_length = int(_SETTINGS["max_length"])
    return trained


def _trained_mentions(doc: Doc) -> list[Mention]:
    labels = _SETTINGS["trained"]["labels"]
    return [
        Mention(ent.text, str(labels[ent.label_]), ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in labels
    ]


def _merge(rules: list[Mention], trained: list[Mention]) -> list[Mention]:
    """Rule mentions win: a trained one is kept only where it overlaps none of them."""
    kept = [m for m in trained if not any(m.start < r.end and r.start < m.end for r in rules)]
    return sorted(rules + kept, key=lambda m: (m.start, m.end))


def _mention(span: Span) -> Mention:
    return Mention(span.text, span.label_, span.start_char, span.end_char)


def _text(doc: Doc) -> str:
    """The doc's text. spaCy rebuilds `doc.text` from the tokens on every access, and four
    components read it: it is built once per doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def _candidates(doc: Doc) -> SpanGroup:
    """The rule components' overlapping candidates, resolved into `doc.ents` at the end."""
    if _CANDIDATES not in doc.spans:
        doc.spans[_CANDIDATES] = []
    return doc.spans[_CANDIDATES]


# ------------------------------------------------------------------------------ sentences

_SENTENCE_ENDS: Final = frozenset({".", "!", "?", ";", ":", "…", "•"})


@Language.factory("qpr_sentences")
def make_sentences(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_sentences


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
    _candidates(doc)
    return doc


# ------------------------------------------------------------ DATE, MONEY, LAW: the patterns

_HSPACE: Final = "[ \\t\\u00a0\\u202f\\u2009]"
_LETTER_BEFORE: Final = r"(?<![^\W\d_])"
_LETTER_AFTER: Final = r"(?![^\W\d_])"
_UPPER: Final = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_PLACEHOLDER: Final = re.compile(r"\{([a-z_]+)\}")


def _phrase(text: str) -> str:
    """A vocabulary phrase as a regex: any horizontal space run, either apostrophe."""
    words = [
        "".join("['\u2019]" if ch in "'\u2019" else re.escape(ch) for ch in word)
        for word in text.split()
    ]
    return (_HSPACE + "+").join(words)


def _alternation(phrases: Iterable[str], *, ignore_case: bool = False) -> str:
    """Longest phrase first, so "US dollars" wins over "dollars" and "US$" over "$"; no letter
    may touch either end (digits may: "USD5000", "5bn"). The guards stand outside the
    alternatives so that `re` skips a branch on its first character."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(_phrase(p) for p in unique)
    body = f"(?i:{body})" if ignore_case else f"(?:{body})"
    return _LETTER_BEFORE + body + _LETTER_AFTER


def _fill(template: str, fragments: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1) not in fragments:
            raise KeyError(f"data/nlp_patterns.toml: unknown placeholder {match.group()}")
        return fragments[match.group(1)]

    return _PLACEHOLDER.sub(replace, template.replace(" ", _HSPACE + "+"))


def _months() -> tuple[str, str]:
    """(any month name or abbreviation, full names only). A name the table writes capitalised
    (English) is matched so, or in capitals: "may" and "march" are verbs; French and Spanish
    names are lower case in the table and matched in any case."""
    abbreviations = set(_PATTERNS["date"]["month_abbreviations"])

    def alternation(names: list[str]) -> str:
        exact = [n for n in names if n[0].isupper()]
        folded = [n for n in names if not n[0].isupper()]
        return (
            f"(?:{_alternation(exact + [n.upper() for n in exact])}"
            f"|{_alternation(folded, ignore_case=True)})"
        )

    names = list(_MONEY_WORDS["date"]["months"])
    return alternation(names), alternation([n for n in names if n not in abbreviations])


@cache
def _fragments() -> dict[str, str]:
    """The placeholders of data/nlp_patterns.toml; the currency and scale words are money.toml's
    (the budget field's vocabulary) plus that file's additions for running text."""
    money = _PATTERNS["money"]
    law = _PATTERNS["law"]
    refused = set(money["not_currencies"])
    symbols = [
        s
        for s in [*_MONEY_WORDS["currency"]["symbols"], *money["currency_symbols"]]
        if s not in refused
    ]
    codes = [c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in refused | {"XXX", "XTS"}]
    words = _alternation(
        [*_MONEY_WORDS["currency"]["words"], *money["currency_words"]], ignore_case=True
    )
    qualifiers = _alternation(money["currency_qualifiers"])
    leading = _alternation([*symbols, *codes])
    scales = (
        f"(?:{_alternation(_MONEY_WORDS['scale']['abbreviations'])}"
        f"|{_alternation(_MONEY_WORDS['scale']['words'], ignore_case=True)})"
    )
    number = (
        r"(?<![0-9.,])(?:[0-9]{1,3}(?:(?P<{group}>[.,'\u2019 \u00a0\u202f])[0-9]{3}(?![0-9]))"
        r"(?:(?P={group})[0-9]{3}(?![0-9]))*|[0-9]+)(?:[.,][0-9]+)?"
    )
    month, month_name = _months()
    fragments = {
        "osp": _HSPACE + "*",
        "hsp": _HSPACE,
        "year": r"(?<![0-9])(?:19[5-9][0-9]|20[0-9]{2})(?![0-9])",
        "day": r"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])(?:st|nd|rd|th|er|\.?º|\.?°)?",
        "month_number": r"(?:1[0-2]|0?[1-9])(?![0-9])",
        "month": month,
        "month_name": month_name,
        "month_context": _alternation(_PATTERNS["date"]["month_contexts"]),
        "period_word": _alternation(_PATTERNS["date"]["period_words"], ignore_case=True),
        "number": "(?P<number>" + number.replace("{group}", "group") + ")",
        "plain_number": number.replace("{group}", "first_group"),
        "currency": f"(?P<currency>{leading}|{words}(?:{_HSPACE}+{qualifiers})?)",
        "currency_before": f"(?P<currency>{leading})",
        "scale": f"(?P<scale>{scales})",
        "plain_scale": scales,
        "glued_scale": f"(?P<scale>{_alternation(money['glued_scales'])})",
        "range_word": (
            f"(?:{_HSPACE}+{_alternation(money['range_words'], ignore_case=True)}{_HSPACE}+"
            f"|{_HSPACE}*[-\u2013]{_HSPACE}*)"
        ),
        "law_marker": _alternation(law["markers"]),
        "law_number": (
            r"(?:[0-9][0-9A-Za-z]*|[A-Z]{1,6}[/\-][0-9][0-9A-Za-z]*)"
            r"(?:[./\-\u2013][0-9A-Za-z]+)*(?!\w)"
        ),
        "law_known": _alternation(law["known"], ignore_case=True),
        "cap": rf"(?<![\w'\u2019-])[{_UPPER}][\w'\u2019-]*",
    }
    fragments["when"] = _fill("(?:{month}\\.? (?:de |del )?)?{year}", fragments)
    fragments["law_date"] = _fill(
        "(?:{day} (?:de )?{month}(?: (?:de |del )?{year})?|{month} {day},? {year}"
        "|{month} (?:de |del )?{year}|{year})",
        fragments,
    )
    fragments["law_before"] = _alternation(law["qualifiers_before"], ignore_case=True)
    fragments["law_keyword"] = _alternation(law["keywords"], ignore_case=True)
    fragments["law_after"] = _alternation(law["qualifiers_after"], ignore_case=True)
    fragments["law_name"] = _fill("(?:{law_before} )?{law_keyword}(?: {law_after})*", fragments)
    return fragments


@cache
def _compiled(label: str, kind: str) -> tuple[re.Pattern[str], ...]:
    """A label's `patterns` (each holds a digit) or `word_patterns`, compiled."""
    table = _PATTERNS[{"DATE": "date", "MONEY": "money", "LAW": "law"}[label]]
    return tuple(re.compile(_fill(p, _fragments())) for p in table.get(kind, ()))


_DIGITS: Final = re.compile(r"[0-9]+")
_SPACE: Final = re.compile(r"\s")


def digit_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint stretches of `text` within `digit_window` characters of a digit, each ending
    before a space or at the end, so that a lookahead at the edge sees what the text has."""
    margin = int(_PATTERNS["digit_window"])
    windows: list[tuple[int, int]] = []
    for run in _DIGITS.finditer(text):
        start = max(0, run.start() - margin)
        space = _SPACE.search(text, min(len(text), run.end() + margin))
        end = space.start() if space else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


_NEXT_WORD: Final = re.compile(_HSPACE + r"*([^\W\d_]+)")
_PREVIOUS_WORD: Final = re.compile(r"(\S+)" + _HSPACE + r"*\Z")
_PLAIN_YEAR: Final = re.compile(r"(?:19[5-9][0-9]|20[0-9]{2})")
_DIGIT_AHEAD: Final = re.compile(_HSPACE + r"*[0-9]")
_COUNTED: Final = frozenset(w.casefold() for w in _MONEY_WORDS["not_money"]["counted"])
_REFERENCES: Final = frozenset(w.casefold() for w in _MONEY_WORDS["not_money"]["references"])
_IRREGULAR_PLURALS: Final = frozenset({"people", "women", "children", "men"})


def _counts_things(word: str) -> bool:
    """A plural of a counted noun: "2000 artists" counts, "the 2019 edition" is a date."""
    folded = word.casefold()
    if folded in _IRREGULAR_PLURALS:
        return True
    if not folded.endswith(("s", "x")):
        return False
    return folded in _COUNTED or folded[:-1] in _COUNTED or folded[:-2] in _COUNTED


def _adjust_date(text: str, match: re.Match[str], start: int, end: int) -> tuple[int, int] | None:
    if not text[start:end].isdigit():
        return start, end
    after = _NEXT_WORD.match(text, end)
    if after is not None and _counts_things(after.group(1)):
        return None
    before = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
    if before is not None and before.group(1).casefold() in _REFERENCES:
        return None
    return start, end


def _adjust_money(text: str, match: re.Match[str], start: int, end: int) -> tuple[int, int] | None:
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


@cache
def _body_words() -> tuple[frozenset[str], frozenset[str]]:
    """(head nouns of bodies, prepositions of their names), from data/nlp_organizations.toml."""
    data = load_table("nlp_organizations")
    prepositions = data["prepositions_english"] + data["prepositions_romance"]
    return frozenset(w.lower() for w in data["heads"]), frozenset(prepositions)


def _adjust_law(text: str, match: re.Match[str], start: int, end: int) -> tuple[int, int] | None:
    """A capitalised title before the kind ("Creative Economy Act No. 14") is the law's, unless
    it belongs to a body's name: "Ministry of Culture Decree No. 5" is a body, then a law."""
    if "title" not in match.re.groupindex or not match.group("title"):
        return start, end
    heads, prepositions = _body_words()
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
        self.near_digits = _compiled(label, "patterns")
        self.anywhere = _compiled(label, "word_patterns")
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
        candidates = _candidates(doc)
        text = _text(doc)
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


@Language.factory("qpr_laws")
def make_laws(nlp: Language, name: str) -> PatternComponent:
    return PatternComponent("LAW", _adjust_law, trim=True)


@Language.factory("qpr_money")
def make_money(nlp: Language, name: str) -> PatternComponent:
    return PatternComponent("MONEY", _adjust_money)


@Language.factory("qpr_dates")
def make_dates(nlp: Language, name: str) -> PatternComponent:
    # The preposition that introduces a date is outside its span ("in 2018" -> "2018", "from
    # 2015 to 2019" -> "2015 to 2019"), as samples/nlp/README.md rules: the patterns mark the
    # mention with a `span` group.
    return PatternComponent("DATE", _adjust_date)


# ---------------------------------------------------------------------------------- PLACE

_MAX_PLACE_TOKENS: Final = 6


@cache
def place_names() -> tuple[str, ...]:
    """Countries in English, French and Spanish, their aliases, and data/nlp_places.toml.

    The European Union is a Party (data/countries.toml) but a body, not a place: it is an ORG.
    """
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("fr", "es")
    ]
    names: set[str] = set()
    for country in pycountry.countries:
        english = {country.name}
        for attribute in ("official_name", "common_name"):
            if hasattr(country, attribute):
                english.add(getattr(country, attribute))
        for name in list(english):
            names.add(name)
            names.update(t.gettext(name) for t in translations)
    for name in list(names):
        # "Bolivia (Plurinational State of)" is written "Bolivia"; "Korea, Republic of" is
        # written "Republic of Korea".
        base = name.split(" (", 1)[0]
        names.add(base)
        if ", " in base:
            head, qualifier = base.split(", ", 1)
            names.update({f"{qualifier} {head}", head})
    aliases = load_table("countries")["aliases"]
    names.update(alias for code, items in aliases.items() if code != "EUU" for alias in items)
    places = load_table("nlp_places")
    names.update(*(places[group] for group in ("capitals", "cities", "regions")))
    names.update(_subdivision_names())
    names -= {name for name in names if "," in name or "(" in name}
    return tuple(sorted(names))


@cache
def _subdivision_names() -> frozenset[str]:
    """ISO 3166-2 subdivisions (pycountry) that are names rather than kinds or common words;
    "Le Kef" is also written without its article ("au Kef", samples/nlp/README.md G2)."""
    table = load_table("nlp_places")
    rules = table["subdivisions"]
    generic = frozenset(rules["generic_words"])
    ambiguous = frozenset(rules["ambiguous"])
    shortest = int(rules["shortest"])
    articles = frozenset(table["articles"])
    names: set[str] = set()
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.split(" (", 1)[0].strip()
        words = re.split(r"[\s\-\u2013]+", name)
        if "," in name or "(" in name or all(w.lower() in generic for w in words):
            continue
        if name in ambiguous or len(name) < shortest:
            continue
        names.add(name)
        first, _, rest = name.partition(" ")
        if first in articles and len(rest) >= shortest - 1:
            names.add(rest)
    return frozenset(names)


@Language.factory("qpr_places")
def make_places(nlp: Language, name: str) -> PlaceComponent:
    return PlaceComponent(nlp)


class PlaceComponent:
    """Places (samples/nlp/README.md, PLACE): every place named as written (PhraseMatcher on
    ORTH: case-sensitive, whole tokens); a capitalised run with a feature word ("Rankin Inlet",
    "Puerto Natales"); a capitalised run after a place cue ("based in Yellowknife", "à
    Koudougou", "la región de Aysén"); and the capitalised runs listed with a place ("Kisumu,
    Eldoret and Garissa", "de Bouaké, de Korhogo et de Man")."""

    def __init__(self, nlp: Language) -> None:
        table = load_table("nlp_places")
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("PLACE", [nlp.make_doc(name) for name in place_names()])
        self.articles = frozenset(table["articles"])
        self.after = frozenset(table["features"]["after"])
        self.before = frozenset(table["features"]["before"])
        context = table["context"]
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues.add("CUE", [nlp.make_doc(cue) for cue in context["cues"]])
        self.joins = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.joins.add("JOIN", [nlp.make_doc(join) for join in context["joins"]])
        self.cue_articles = frozenset(context["articles"])
        self.not_places = frozenset(context["not_places"])
        self.demonym_endings = tuple(context["demonym_endings"])
        self.inner = frozenset(context["inner_words"])
        self.heads = _body_words()[0]
        self.languages = _language_names()

    def __call__(self, doc: Doc) -> Doc:
        candidates = _candidates(doc)
        blocked = {i for span in candidates for i in range(span.start, span.end)}
        places: dict[int, int] = {}
        for _, start, end in self.matcher(doc):
            # "à La Réunion", "y Los Lagos": a capitalised article inside a sentence is the
            # name's own (samples/nlp/README.md G2).
            before = doc[start - 1] if start > 0 else None
            if before is not None and before.text in self.articles and not before.is_sent_start:
                start -= 1
            places[start] = max(end, places.get(start, end))
        self._add_features(doc, blocked, places)
        self._add_after_cues(doc, blocked, places)
        self._add_listed(doc, blocked, places)
        for start, end in places.items():
            if not blocked.intersection(range(start, end)):
                candidates.append(Span(doc, start, end, label="PLACE"))
        return doc

    # -- capitalised runs

    def _capital(self, doc: Doc, i: int, blocked: set[int]) -> bool:
        if i >= len(doc) or i in blocked:
            return False
        text = doc[i].text
        return text[0].isupper() and any(ch.isalpha() for ch in text)

    def _run(self, doc: Doc, k: int, blocked: set[int]) -> int:
        """The end of the capitalised run at `k` (k when there is none): capitalised words,
        those glued by a hyphen or an apostrophe ("San-Pédro", "Fada N’Gourma"), and "de"/"del"
        before a capitalised word ("Mar del Plata", "Ciudad Autónoma de Buenos Aires")."""
        if not self._capital(doc, k, blocked):
            return k
        end = k + 1
        while end < len(doc) and end - k < _MAX_PLACE_TOKENS and not doc[end].is_sent_start:
            token, previous = doc[end], doc[end - 1]
            glued = not previous.whitespace_ and (
                previous.text in _HYPHENS or previous.text[-1] in "'’"
            )
            if self._capital(doc, end, blocked) or (glued and token.is_alpha):
                end += 1
            elif token.text in _HYPHENS and not token.whitespace_ and not previous.whitespace_:
                end += 1
            elif token.lower_ in self.inner and self._capital(doc, end + 1, blocked):
                end += 1
            else:
                break
        while end - 1 > k and not self._capital(doc, end - 1, blocked):
            end -= 1
        return end

    def _plausible(self, doc: Doc, start: int, end: int, listed: bool = False) -> bool:
        """A run that may be a place: no body's head noun, month, language, demonym or
        acronym ("in Parliament", "in March", "in Inuktitut", "in Ghanaian venues", "in KFTB").
        A lone head word listed among places is one ("Cuyo, Centro, Patagonia")."""
        words = doc[start:end]
        first = words[0]
        if first.text in self.not_places or (first.is_stop and first.text not in self.articles):
            return False
        if words.text in self.languages:
            return False
        if any(t.lower_ in self.heads for t in words) and not (listed and len(words) == 1):
            return False
        if len(words) == 1 and (
            _acronym_shaped(first) or first.lower_.endswith(self.demonym_endings)
        ):
            return False
        # "the Inuit Writers' Circle": a plural owner is no place.
        return not (end < len(doc) and doc[end].text in _PLURAL_MARKS)

    # -- the three rules

    def _add_features(self, doc: Doc, blocked: set[int], places: dict[int, int]) -> None:
        i = 0
        while i < len(doc):
            end = self._run(doc, i, blocked)
            if end - i >= 2 and (doc[i].text in self.before or doc[end - 1].text in self.after):
                if self._plausible(doc, i, end) and not doc[i].is_sent_start:
                    places[i] = max(end, places.get(i, end))
            i = max(end, i + 1)

    def _add_after_cues(self, doc: Doc, blocked: set[int], places: dict[int, int]) -> None:
        for _, cue_start, cue_end in self.cues(doc):
            # "the province of Limpopo", but "Department of Arts" is a body's name.
            if cue_end - cue_start > 1 and not doc[cue_start].is_lower:
                continue
            k = cue_end
            if k < len(doc) and doc[k].text in self.cue_articles:
                k += 1
            if k < len(doc) and doc[k].is_sent_start:
                continue
            end = self._run(doc, k, blocked)
            if end > k and self._plausible(doc, k, end):
                places[k] = max(end, places.get(k, end))

    def _add_listed(self, doc: Doc, blocked: set[int], places: dict[int, int]) -> None:
        """From each place, on to the capitalised runs joined to it on either side, then from
        those ("son Coyhaique, Puerto Natales, Punta Arenas, Castro")."""
        joins = {start: end for _, start, end in self.joins(doc)}
        queue = sorted(places)
        while queue:
            start = queue.pop(0)
            end = places[start]
            before = self._run_before(doc, start, blocked)
            if before is not None and before not in places:
                places[before] = start - 1
                queue.append(before)
            join_end = joins.get(end)
            if join_end is None:
                continue
            k = join_end
            if k < len(doc) and doc[k].text in self.cue_articles:
                k += 1
            if k >= len(doc) or doc[k].is_sent_start or k in places:
                continue
            run_end = self._run(doc, k, blocked)
            if run_end > k and self._plausible(doc, k, run_end, listed=True):
                places[k] = run_end
                queue.append(k)

    def _run_before(self, doc: Doc, start: int, blocked: set[int]) -> int | None:
        """The start of a capitalised run that a comma or a coordinator joins to the place at
        `start`: one word or a hyphenated one ("Noroeste, Noreste, Cuyo, Centro, Patagonia").
        Only a list after a colon may open a sentence ("However, Kenya" is no list)."""
        join = start - 1
        if join < 1 or doc[join].text not in _LEFT_JOINS or doc[start].is_sent_start:
            return None
        k = join - 1
        while k > 0 and doc[k - 1].text in _HYPHENS and not doc[k - 1].whitespace_:
            k -= 2
        if k < 0 or not self._capital(doc, k, blocked) or self._run(doc, k, blocked) != join:
            return None
        if doc[k].is_sent_start and (k == 0 or doc[k - 1].text != ":"):
            return None
        return k if self._plausible(doc, k, join, listed=True) else None


_LEFT_JOINS: Final = frozenset({",", "and", "et", "y", "e"})
_PLURAL_MARKS: Final = frozenset({"'", "’"})


@cache
def _language_names() -> frozenset[str]:
    """Language names in English ("in Inuktitut" is no place), from pycountry."""
    return frozenset(language.name for language in pycountry.languages)


# ------------------------------------------------------------------------------------ ORG

_ACRONYM: Final = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,11}")
_HYPHENS: Final = frozenset({"-", "\u2010", "\u2011"})
_MAX_NAME_TOKENS: Final = 16


def _acronym_shaped(token: Token) -> bool:
    text = token.text
    upper = sum(ch.isupper() for ch in text)
    lower = sum(ch.islower() for ch in text)
    return bool(_ACRONYM.fullmatch(text)) and upper >= 2 and lower <= upper


@dataclass(slots=True)
class _Scan:
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
            and doc[index].text in _HYPHENS
            and not doc[index - 1].whitespace_
            and not doc[index].whitespace_
            and doc[index + 1].is_alpha
        )


@Language.factory("qpr_organizations")
def make_organizations(nlp: Language, name: str) -> OrganizationComponent:
    return OrganizationComponent(nlp)


class OrganizationComponent:
    """Names of bodies (samples/nlp/README.md, ORG): a head noun with the capitalised words and
    connectors around it, known bodies and acronyms, and an acronym defined in parentheses
    after a name, also where it comes again."""

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

    def __call__(self, doc: Doc) -> Doc:
        candidates = _candidates(doc)
        scan = _Scan(doc, set(), set())
        for span in candidates:
            if span.label_ == "PLACE":
                scan.place_starts.add(span.start)
            else:
                scan.blocked.update(range(span.start, span.end))
        names: list[tuple[int, int]] = []
        weak: set[tuple[int, int]] = set()
        floor = 0
        for token in doc:
            if token.i < floor or token.i in scan.blocked or not self._is_head(token):
                continue
            found = self._name_at(scan, token.i, floor)
            if found is None:
                continue
            start, end, strong = found
            if " ".join(doc[start:end].text.lower().split()) in self.not_names:
                continue
            names.append((start, end))
            if not strong:
                weak.add((start, end))
            floor = end
        known = [(s, e) for _, s, e in self.known(doc)]
        known += [(s, e) for _, s, e in self.acronyms(doc) if s not in scan.blocked]
        known += self._after_apposition(scan)
        spelled = self._spelled_out(scan)
        # A name that its acronym spells out is right where a head's name went too far or
        # stopped short ("Fonds ivoirien … à partir", "Caisse nationale de garantie …").
        names = [n for n in names if not any(n[0] < e and s < n[1] for s, e in spelled)]
        known += spelled
        weak.difference_update(known)
        for start, end in self._with_acronyms(scan, sorted(set(names + known)), weak):
            candidates.append(Span(doc, start, end, label="ORG"))
        return doc

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

    # -- a name around a head

    def _name_at(self, scan: _Scan, head: int, floor: int) -> tuple[int, int, bool] | None:
        """(start, end, strong) of the name around the head at `head`, or None.

        A lower-case head ("ministère") needs a capitalised word after it. A name whose head
        starts a sentence and whose other words are lower case ("Centre de formation …") is
        weak: kept only when an acronym follows it, since it may be a plain noun phrase.
        """
        doc = scan.doc
        token = doc[head]
        start = head if token.is_lower else self._extend_left(scan, head, floor)
        end, capitals, adjective = self._extend_right(scan, head)
        if token.is_lower and not capitals:
            return None
        content = [
            t
            for t in doc[start:end]
            if t.i != head
            and (t.is_alpha or self._is_cap(t))
            and t.lower_ not in self.connectors
            and t.text not in self.possessives
        ]
        if not content:
            return None
        strong = (
            capitals
            or adjective
            or start < head
            or token.lower_ in self.lowercase_heads
            or not token.is_sent_start
        )
        return start, end, strong

    def _extend_left(self, scan: _Scan, head: int, floor: int) -> int:
        """Capitalised words and possessives before the head: "Azerbaijan Composers' Union",
        "Theatre workers' Union"; a sentence's first word only when it is no common word."""
        doc = scan.doc
        start = head
        j = head - 1
        while j >= floor and scan.open(j, j) and not doc[j + 1].is_sent_start:
            token = doc[j]
            if token.text in self.possessives:
                if j - 1 < floor or not scan.open(j - 1, j - 1) or token.is_sent_start:
                    break
                owner = doc[j - 1]
                if not self._owner_joins(owner, token):
                    break
                if self._is_cap(owner):
                    start, j = j - 1, j - 2
                    continue
                if (
                    owner.is_alpha
                    and owner.is_lower
                    and not owner.is_sent_start
                    and j - 2 >= floor
                    and scan.open(j - 2, j - 2)
                    and self._is_cap(doc[j - 2])
                ):
                    start, j = j - 2, j - 3
                    continue
                break
            if (token.text == "&" or scan.glued_hyphen(j)) and j - 1 >= floor:
                if not (scan.open(j - 1, j - 1) and doc[j - 1].is_alpha) or token.is_sent_start:
                    break
                start, j = j - 1, j - 2
                continue
            if token.lower_ in self.coordinators and j - 1 >= floor and not token.is_sent_start:
                # "Kenya Film and Television Board" is one name; "UNESCO and Arts Council
                # England" two (G7).
                before = doc[j - 1]
                if not (scan.open(j - 1, j - 1) and self._is_cap(before)):
                    break
                if _acronym_shaped(before) or self._is_head(before) or before.is_sent_start:
                    break
                start, j = j - 1, j - 2
                continue
            if self._is_cap(token):
                start, j = j, j - 1
                continue
            break
        while start < head and (
            doc[start].text in self.possessives
            or doc[start].text == "&"
            or doc[start].lower_ in self.coordinators
            or doc[start].text in _HYPHENS
            or (
                doc[start].is_sent_start
                and (doc[start].is_stop or scan.written_lower(doc[start].lower_))
            )
        ):
            start += 1
        return start

    def _extend_right(self, scan: _Scan, head: int) -> tuple[int, bool, bool]:
        """(end, has capitalised words, has an adjective of the list).

        The first word after the head sets the style: lower case ("Conseil national des arts")
        lets prepositions take lower-case nouns; capitalised ("Fondo Nacional de las Artes")
        asks every later word to be capitalised.
        """
        doc = scan.doc
        end = j = head + 1
        capitals = adjective = romance = False
        lower_style: bool | None = None
        while j < len(doc) and j - head < _MAX_NAME_TOKENS and scan.open(j, head):
            token = doc[j]
            low = token.lower_
            if low in self.coordinators:
                after = self._coordinated(scan, head, j, lower_style)
                if after is None:
                    break
                end = j = after
                continue
            if low in self.english or low in self.romance:
                romance = romance or low in self.romance
                k = self._skip(scan, head, j + 1, self.articles)
                if scan.open(k, head) and self._is_cap(doc[k]) and low not in self.locating:
                    end = j = self._capital_run(scan, head, k)
                    capitals = True
                    lower_style = False if lower_style is None else lower_style
                    continue
                if (
                    low in self.romance
                    and lower_style is not False
                    and scan.open(k, head)
                    and self._is_lower_noun(doc[k])
                ):
                    end, listed = self._lower_phrase(scan, head, k)
                    j = end
                    lower_style = True
                    adjective = adjective or listed
                    continue
                break
            if self._is_cap(token):
                end = j = self._capital_run(scan, head, j)
                capitals = True
                lower_style = False if lower_style is None else lower_style
                continue
            owned = self._possessive_end(scan, head, j)
            if owned is not None:
                end = j = owned
                continue
            if lower_style is not False and self._adjective_after_head(scan, head, j):
                end = j = j + 1
                lower_style = True
                adjective = adjective or low in self.adjectives
                continue
            if romance and lower_style is False and self._closing_adjective(scan, head, j):
                end = j = j + 1
                continue
            if token.text == "," and capitals:
                after = self._listed(scan, head, j)
                if after is None:
                    break
                end = j = after
                continue
            break
        return end, capitals, adjective

    def _adjective_after_head(self, scan: _Scan, head: int, j: int) -> bool:
        """ "Conseil national", "Société sénégalaise des droits voisins": a listed adjective, or
        one by its ending when a preposition follows it."""
        token = scan.doc[j]
        if not token.is_lower:
            return False
        if token.lower_ in self.adjectives:
            return True
        following = j + 1
        return (
            self._is_adjective(token)
            and scan.open(following, head)
            and scan.doc[following].lower_ in self.romance
        )

    def _closing_adjective(self, scan: _Scan, head: int, j: int) -> bool:
        """ "ministère de la Culture et du Patrimoine historique": an adjective after a
        capitalised word of a French or Spanish name, when the name may end after it (a verb
        with an adjective's ending, "indique que", is followed by more words)."""
        doc = scan.doc
        token = doc[j]
        if not self._is_adjective(token):
            return False
        if token.lower_ in self.adjectives:
            return True
        following = j + 1
        if following >= len(doc) or not scan.open(following, head):
            return True
        after = doc[following]
        return after.is_punct or after.lower_ in self.coordinators or after.lower_ in self.romance

    def _lower_phrase(self, scan: _Scan, head: int, k: int) -> tuple[int, bool]:
        """The end of a lower-case noun with its adjective ("des industries culturelles"), and
        whether that adjective is listed. A last lower-case word counts before an acronym's
        parenthesis ("des droits voisins (SSDV)")."""
        doc = scan.doc
        end = k + 1
        while scan.glued_hyphen(end) and scan.open(end + 1, head) and doc[end + 1].is_lower:
            end += 2  # "des ciné-clubs du Faso"
        if scan.open(end, head) and self._is_adjective(doc[end]):
            return end + 1, doc[end].lower_ in self.adjectives
        if (
            scan.open(end, head)
            and self._is_lower_noun(doc[end])
            and end + 1 < len(doc)
            and doc[end + 1].text == "("
        ):
            return end + 1, False
        return end, False

    def _possessive_end(self, scan: _Scan, head: int, j: int) -> int | None:
        """ "Azerbaijan Theatre workers' Union": a possessive owner and its mark go on to the
        capitalised word after them."""
        doc = scan.doc
        if doc[j].text in self.possessives:
            owner, mark = doc[j - 1], j
        elif doc[j].is_alpha and doc[j].is_lower:
            owner, mark = doc[j], j + 1
        else:
            return None
        if not (scan.open(mark, head) and doc[mark].text in self.possessives):
            return None
        if not self._owner_joins(owner, doc[mark]):
            return None
        if not (scan.open(mark + 1, head) and self._is_cap(doc[mark + 1])):
            return None
        return mark + 1

    def _skip(self, scan: _Scan, head: int, k: int, words: frozenset[str]) -> int:
        while scan.open(k, head) and scan.doc[k].lower_ in words:
            k += 1
        return k

    def _capital_run(self, scan: _Scan, head: int, k: int) -> int:
        while scan.open(k, head) and self._is_cap(scan.doc[k]):
            k += 1
            while scan.glued_hyphen(k) and scan.open(k + 1, head):
                k += 2
        return k

    def _starts_new_name(self, scan: _Scan, head: int, k: int) -> bool:
        """A head, a place, an acronym or a possessive owner: the start of another name."""
        doc = scan.doc
        if k in scan.place_starts or (_acronym_shaped(doc[k]) and not doc[head].is_upper):
            return True
        end = self._capital_run(scan, head, k)
        if any(self._is_head(t) for t in doc[k:end]):
            return True
        return end < len(doc) and (doc[end].text in self.possessives or self._is_head(doc[end]))

    def _coordinated(self, scan: _Scan, head: int, j: int, lower_style: bool | None) -> int | None:
        """The end of "and Tourism" in "Ministry of Culture and Tourism"; None when what
        follows the coordinator is another name or no part of a name (G7)."""
        doc = scan.doc
        if scan.open(j + 1, head) and doc[j + 1].lower_ in self.articles:
            # "… Media Arts and the Pwani Creative Hub", "… de Salé et la fondation …": an
            # article with no preposition before it opens another name (G7).
            return None
        k = self._skip(scan, head, j + 1, self.english | self.romance | self.articles)
        if not scan.open(k, head):
            return None
        if self._is_cap(doc[k]):
            return (
                None if self._starts_new_name(scan, head, k) else self._capital_run(scan, head, k)
            )
        if lower_style and self._is_lower_noun(doc[k]):
            return self._lower_phrase(scan, head, k)[0]
        return None

    def _listed(self, scan: _Scan, head: int, comma: int) -> int | None:
        """ "Ministry of Culture, Youth and Sports": capitalised words between commas count only
        when a coordinator closes the list."""
        doc = scan.doc
        k = comma + 1
        while True:
            # "ministère de la Communication, de la Culture, des Arts et du Tourisme"
            k = self._skip(scan, head, k, self.romance - self.locating)
            k = self._skip(scan, head, k, self.articles)
            if not (scan.open(k, head) and self._is_cap(doc[k])):
                return None
            if self._starts_new_name(scan, head, k):
                return None
            k = self._capital_run(scan, head, k)
            if scan.open(k, head) and doc[k].text == ",":
                k += 1
                if not (scan.open(k, head) and doc[k].lower_ in self.coordinators):
                    continue
            if scan.open(k, head) and doc[k].lower_ in self.coordinators:
                return self._coordinated(scan, head, k, False)
            return None

    # -- acronyms

    def _with_acronyms(
        self, scan: _Scan, names: list[tuple[int, int]], weak: set[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The names and the acronyms they define, each its own mention: "Kenya Film and
        Television Board (KFTB)" or "SODEC (Société …)", and "KFTB" wherever it comes again.
        A weak name stays only with such an acronym."""
        doc = scan.doc
        kept: list[tuple[int, int]] = []
        defined: dict[str, int] = {}
        for start, end in names:
            acronym = None
            if (
                end + 2 < len(doc)
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and _acronym_shaped(doc[end + 1])
            ):
                acronym = end + 1
            elif (
                start >= 2
                and end < len(doc)
                and doc[start - 1].text == "("
                and doc[end].text == ")"
                and _acronym_shaped(doc[start - 2])
            ):
                acronym = start - 2
            if acronym is None and (start, end) in weak:
                continue
            kept.append((start, end))
            if acronym is not None and acronym not in scan.blocked:
                kept.append((acronym, acronym + 1))
                defined.setdefault(doc[acronym].text, acronym)
        if defined:
            for token in doc:
                first = defined.get(token.text)
                if first is not None and token.i > first and token.i not in scan.blocked:
                    kept.append((token.i, token.i + 1))
        doc.user_data[_DEFINED] = sorted(defined)
        return sorted(set(kept))

    def _spelled_out(self, scan: _Scan) -> list[tuple[int, int]]:
        """ "Caisse nationale de garantie des industries créatives (CNGIC)": before an acronym
        in parentheses, the shortest stretch that holds a head noun and whose words' initials
        spell the acronym is a name, whatever its case. A programme's acronym has no head
        noun before it ("Programme national … (PNAEI)", samples/nlp/README.md G6)."""
        doc = scan.doc
        found = []
        for close in range(2, len(doc)):
            opening, acronym = close - 2, doc[close - 1]
            if doc[close].text != ")" or doc[opening].text != "(" or not _acronym_shaped(acronym):
                continue
            letters = "".join(ch for ch in acronym.text if ch.isalpha()).casefold()
            initials = ""
            start = opening - 1
            while start >= 0 and opening - start <= _MAX_NAME_TOKENS and scan.open(start, start):
                token = doc[start]
                if token.is_alpha and token.lower_ not in self.connectors:
                    initials = token.lower_[0] + initials
                if not letters.endswith(initials):
                    break
                if initials == letters and (
                    self._is_head(token)
                    or (token.text[0].isupper() and self._has_head(doc, start, opening))
                ):
                    found.append((start, opening))
                    break
                start -= 1
        return found

    def _has_head(self, doc: Doc, start: int, end: int) -> bool:
        return any(t.lower_ in self.heads for t in doc[start:end])

    def _after_apposition(self, scan: _Scan) -> list[tuple[int, int]]:
        """ "le festival Dakar Hip-Hop Connexion", "la fondation Dar Lfenn", "au festival
        lyonnais Gamescape": the capitalised run after a lower-case kind of body (and its
        adjective) is the body's name, the kind itself is not (samples/nlp/README.md, ORG)."""
        doc = scan.doc
        found = []
        for token in doc:
            if token.text not in self.apposition_nouns or token.is_sent_start:
                continue
            k = token.i + 1
            if scan.open(k, token.i) and doc[k].is_lower and self._is_adjective(doc[k]):
                k += 1
            if not (scan.open(k, k) and self._is_cap(doc[k])):
                continue
            end = self._capital_run(scan, k, k)
            if end > k:
                found.append((k, end))
        return found


# ------------------------------------------------------------------------------- entities


@Language.factory("qpr_entities")
def make_entities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return resolve_entities


@cache
def _quoted_pattern() -> re.Pattern[str]:
    table = _SETTINGS["quotes"]
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
    quoted = [m.span() for m in _quoted_pattern().finditer(_text(doc))]
    ordered = sorted(
        (
            span
            for span in _candidates(doc)
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
