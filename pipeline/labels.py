"""The label lexicon (data in `data/labels.toml`) and the matcher that finds labels in lines.

A line is a label when, outline number and punctuation aside, it *is* a label of the form, or
starts with one followed by a colon and an inline value (`Where: Azerbaijan`). A label is never
found inside a sentence of free text. A label broken over two lines (PDF wrapping) is matched
by joining the two lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.blocks import BlockKind
from pipeline.normalize import Line, match_key
from pipeline.tables import load_table

# Outline numbers of the 2012-2016 form and of Parties' own layouts: `b.`, `c.1.`, `f.2`, `i.`.
_OUTLINE = re.compile(
    r"^\s*(?:\(?(?:[a-z]|\d+|[ivx]{1,4})\)|[a-z]\.(?:\d+\.?)?|\d+(?:\.\d+)*\.?|[ivx]{1,4}\.-?)\s+",
    re.I,
)
_COLON_ONLY = re.compile(r"^\s*[?.]?\s*:\s*$")
# Fields whose labels are part of another field's value (the partner table header) and so do
# not end the value before them.
SUB_LABELS = frozenset({"partner_name_header", "partner_type_header", "partner_header"})
_MIN_PREFIX_WORDS = 3
# A label of at least this many words (a question of the form) is found inside a line too.
_LONG_LABEL_WORDS = 8
# Site chrome is a short line; longer ones are never tried against its patterns.
_MAX_CHROME_CHARS = 400


@dataclass(frozen=True, slots=True)
class LabelMatch:
    field: str
    language: str
    first_line: int
    last_line: int
    label_text: str
    inline_start: int | None = None
    """Offset in the document text where a value on the label's own line starts."""


@dataclass(frozen=True, slots=True)
class _Variant:
    field: str
    language: str
    text: str


@cache
def _lexicon() -> dict[str, _Variant]:
    """Folded label → variant. A wording listed for two fields or languages is ambiguous and
    the first listing wins (a test keeps the table free of such clashes)."""
    lexicon: dict[str, _Variant] = {}
    table = load_table("labels")
    for field, languages in table.items():
        for language, variants in languages.items():
            for text in variants:
                lexicon.setdefault(_fold_label(text), _Variant(field, language, text))
    for language in ("en", "fr", "es"):
        for name in table["partner_name_header"].get(language, []):
            for kind in table["partner_type_header"].get(language, []):
                # Flattened tables glue the header cells: `Name of partnerType of entity`.
                for glued in (name + kind, f"{name} {kind}"):
                    lexicon.setdefault(
                        match_key(glued), _Variant("partner_header", language, glued)
                    )
    return lexicon


@cache
def _prefixes() -> frozenset[str]:
    """Word prefixes of the longer labels, to spot a label that wraps onto a second line."""
    prefixes = set()
    for key in _lexicon():
        words = key.split()
        for size in range(_MIN_PREFIX_WORDS, len(words)):
            prefixes.add(" ".join(words[:size]))
    return frozenset(prefixes)


def _label_key(text: str) -> str:
    """The folded text to look up; empty for a text too long to be a label (most lines of
    free text, whose folding would be wasted)."""
    if len(text) > _longest_label():
        return ""
    return _fold_label(text)


# A line is looked up when the report is cut into measures and again for its measure.
@lru_cache(maxsize=4096)
def _fold_label(text: str) -> str:
    return match_key(_OUTLINE.sub("", text, count=1))


@cache
def _longest_label() -> int:
    """Room for the longest label with an outline number, dot leaders and spacing around it."""
    table = load_table("labels")
    longest = max(
        len(text) for languages in table.values() for texts in languages.values() for text in texts
    )
    return 2 * longest + 20


def label_fields() -> frozenset[str]:
    return frozenset(variant.field for variant in _lexicon().values())


def label_wordings(field: str) -> dict[str, str]:
    """A field's labels, folded as the matcher folds them, each with its language."""
    return {key: variant.language for key, variant in _lexicon().items() if variant.field == field}


def is_colon_only(line: Line) -> bool:
    """A label's colon that the export pushed onto a line of its own."""
    return bool(_COLON_ONLY.match(line.text))


def match_line(lines: tuple[Line, ...], index: int) -> LabelMatch | None:
    """The label standing at `lines[index]`, if any: the whole line (or its first cell), a
    label with its value after a colon, or a label wrapped onto the next line (PDF), which may
    carry the value after its colon too."""
    line = lines[index]
    lexicon = _lexicon()
    key = _label_key(line.text)
    variant = lexicon.get(key)
    if variant is not None:
        return LabelMatch(variant.field, variant.language, index, index, line.text)
    # A table row's first cell is a label before a colon is: `Who | Ministry of Culture`.
    if line.kind == BlockKind.TABLE_ROW and (match := _match_first_cell(line, index)):
        return match
    match = _match_inline(line.text, index, index, line.start)
    if match is not None:
        return match
    # Columns typed with tabs (`Who<tab>Ministry of Culture`) come last: a tab can also be
    # mere spacing inside a label.
    if (
        line.kind != BlockKind.TABLE_ROW
        and line.cells
        and (match := _match_first_cell(line, index))
    ):
        return match
    if key in _prefixes() and index + 1 < len(lines):
        following = lines[index + 1]
        joined = f"{line.text} {following.text}"
        variant = lexicon.get(_label_key(joined))
        if variant is not None:
            return LabelMatch(variant.field, variant.language, index, index + 1, joined)
        if match := _match_inline(
            joined, index, index + 1, following.start - len(line.text) - 1, following.start
        ):
            return match
    return _match_long_label(line, index)


def _match_long_label(line: Line, index: int) -> LabelMatch | None:
    """A long label (a question of the form) within a line: followed by its instructions up to
    a colon (`Décrivez le processus … ce rapport, y compris … pertinents. :`), the line is the
    label; run together with the text around it by a flattening export (`… General Information
    Describe the multi-stakeholder … organizations Official letters were sent …`), the text
    after it is its value. Such a question is never a phrase of free text."""
    candidates = [variant for head, variant in _long_labels() if head in line.key]
    for variant in candidates:
        found = _long_label_pattern(variant.text).search(line.text)
        if found is None:
            continue
        rest = line.text[found.end() :]
        value = rest.lstrip(" \u00a0.:?")
        if not value or rest.rstrip().endswith(":"):
            return LabelMatch(variant.field, variant.language, index, index, line.text)
        inline = line.start + len(line.text) - len(value)
        label_text = line.text[found.start() : found.end()]
        return LabelMatch(variant.field, variant.language, index, index, label_text, inline)
    return None


@cache
def _long_labels() -> tuple[tuple[str, _Variant], ...]:
    """(first words, variant) of the labels long enough to be found inside a line, longest
    first."""
    variants = [
        variant
        for key, variant in _lexicon().items()
        if len(key.split()) >= _LONG_LABEL_WORDS and variant.field not in SUB_LABELS
    ]
    variants.sort(key=lambda variant: len(variant.text), reverse=True)
    return tuple(
        (" ".join(match_key(variant.text).split()[:_LONG_LABEL_WORDS]), variant)
        for variant in variants
    )


@cache
def _long_label_pattern(text: str) -> re.Pattern[str]:
    words = re.findall(r"\w+", text)
    return re.compile(r"\b" + r"[\W_]+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)


def _match_first_cell(line: Line, index: int) -> LabelMatch | None:
    if not line.cells:
        return None
    variant = _lexicon().get(_label_key(line.cells[0].text))
    if variant is None:
        return None
    filled = any(cell.text for cell in line.cells[1:])
    inline = line.cells[1].start if filled else None
    return LabelMatch(variant.field, variant.language, index, index, line.cells[0].text, inline)


def _match_inline(
    text: str, first: int, last: int, text_start: int, value_floor: int = 0
) -> LabelMatch | None:
    """`Label: value` on one line: the label must run from the line's start to its colon.
    `text_start` is the document offset of `text`; the value must start at `value_floor` or
    later (on the second line of a wrapped label)."""
    colon = text.find(":")
    if colon <= 0 or colon == len(text.rstrip()) - 1:
        return None
    variant = _lexicon().get(_label_key(text[:colon]))
    if variant is None:
        return None
    rest = text[colon + 1 :]
    value_start = text_start + colon + 1 + (len(rest) - len(rest.lstrip()))
    if value_start < value_floor:
        return None
    return LabelMatch(variant.field, variant.language, first, last, text[:colon], value_start)


@cache
def _boilerplate() -> tuple[frozenset[str], tuple[str, ...], re.Pattern[str]]:
    table = load_table("boilerplate")
    return (
        frozenset(match_key(text) for text in table["lines"]),
        tuple(text.casefold() for text in table["prefixes"]),
        re.compile("|".join(f"(?:{pattern})" for pattern in table["patterns"]), re.IGNORECASE),
    )


def is_cut_label(line: Line) -> bool:
    """A label cut short where an excerpt of a page ends (`La mise en œuvre de la politique/m`):
    the line's first words (three at least) begin a label of the form."""
    key = line.key
    if len(key.split()) < _MIN_PREFIX_WORDS or key in _lexicon():
        return False
    return any(label.startswith(key) for label in _lexicon())


def is_instruction(line: Line) -> bool:
    """A line of the form's instructions ending with its label's colon (`Please summarize …:`)."""
    return line.text.rstrip().endswith(":") and line.key.startswith(_instruction_starts())


@cache
def _instruction_starts() -> tuple[str, ...]:
    return tuple(match_key(word) + " " for word in load_table("boilerplate")["instruction_starts"])


def is_boilerplate(line: Line) -> bool:
    """Link text, sharing widgets and copyright lines that surround a record on a web page."""
    lines, prefixes, patterns = _boilerplate()
    if line.key in lines:
        return True
    if len(line.text) <= _MAX_CHROME_CHARS and patterns.fullmatch(line.text.strip()):
        return True
    # Prefixes are matched with their punctuation (`Copyright ©`, `Copyright 2024`): a body
    # named `Copyright Office` is no copyright notice.
    text = line.text.casefold()
    return any(text.startswith(prefix) for prefix in prefixes if prefix)
