"""Word's automatic list numbering (numbering.xml): the lists' levels, their counters advanced
paragraph by paragraph, and the number Word draws before an item (`2.3.`, `a)`, `IV.`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from pipeline.readers.wordml.elements import MC_NS, VAL, child_val, int_or_none, qn, toggle
from pipeline.readers.wordml.styles import StyleSheet

_BULLET = "bullet"
_DECIMAL = "decimal"
_DEFAULT_START = 0  # ECMA-376 §17.9.25: an omitted w:start is zero
_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")
_ALPHABET = 26
_ROMAN_NUMERALS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_MAX_STYLE_LINKS = 5  # numStyleLink hops followed before a (damaged) cycle is given up


@dataclass(frozen=True, slots=True)
class Level:
    """One w:lvl of a list: how its counter starts, is drawn and restarts."""

    start: int
    number_format: str
    text: str
    restart_after: int | None  # w:lvlRestart, 1-based; None is Word's default
    legal: bool  # w:isLgl: every level's number drawn in decimal
    style_id: str | None  # w:pStyle: the paragraph style this level belongs to


@dataclass(frozen=True, slots=True)
class ListInstance:
    """A w:num: the levels of its abstract list with its overrides applied. `counter_key`
    names the counters it advances: every instance of one abstract list shares them (Word
    continues the list), except an instance with a start override, which Word restarts."""

    counter_key: str
    levels: dict[int, Level]

    def level_of_style(self, style_id: str | None) -> int:
        for number, level in self.levels.items():
            if style_id is not None and level.style_id == style_id:
                return number
        return 0


@dataclass(slots=True)
class ListCounters:
    """The running counters of every list, advanced paragraph by paragraph in document order."""

    instances: dict[str, ListInstance]
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def advance(self, num_id: str, level: int | None, style_id: str | None) -> str | None:
        """Count one paragraph of list `num_id` and return the number Word shows before it
        (`2.3.`, `a)`, `IV.`), or None for a bullet or a list that is not defined."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        if level is None:
            level = instance.level_of_style(style_id)
        definition = instance.levels.get(level)
        if definition is None:
            return None
        counters = self.counters.setdefault(instance.counter_key, {})
        counters[level] = counters[level] + 1 if level in counters else definition.start
        for deeper in [number for number in counters if number > level]:
            if _restarts(instance.levels.get(deeper), deeper, level):
                del counters[deeper]
        if definition.number_format == _BULLET:
            return None
        return _number_text(definition, instance.levels, counters) or None


def read_numbering(numbering: etree._Element | None, sheet: StyleSheet) -> dict[str, ListInstance]:
    """Every w:num of numbering.xml as a list instance, by numId."""
    if numbering is None:
        return {}
    abstracts = {
        abstract.get(qn("w:abstractNumId"), ""): abstract
        for abstract in numbering.iterchildren(qn("w:abstractNum"))
    }
    nums = {num.get(qn("w:numId"), ""): num for num in numbering.iterchildren(qn("w:num"))}
    instances = {}
    for num_id, num in nums.items():
        abstract_id = _linked_abstract(child_val(num, "w:abstractNumId"), abstracts, nums, sheet)
        if abstract_id is None:
            continue
        levels = {
            number: _read_level(level)
            for level in abstracts[abstract_id].iterchildren(qn("w:lvl"))
            if (number := int_or_none(level.get(qn("w:ilvl")))) is not None
        }
        restarted = _apply_overrides(num, levels)
        key = f"num {num_id}" if restarted else f"abstract {abstract_id}"
        instances[num_id] = ListInstance(key, levels)
    return instances


def _apply_overrides(num: etree._Element, levels: dict[int, Level]) -> bool:
    """Apply a w:num's w:lvlOverride elements to `levels`; whether one restarts a level."""
    restarted = False
    for override in num.iterchildren(qn("w:lvlOverride")):
        number = int_or_none(override.get(qn("w:ilvl")))
        if number is None:
            continue
        replacement = override.find(qn("w:lvl"))
        if replacement is not None:
            levels[number] = _read_level(replacement)
        start = int_or_none(child_val(override, "w:startOverride"))
        if start is not None and number in levels:
            levels[number] = replace(levels[number], start=start)
            restarted = True
    return restarted


def _linked_abstract(
    abstract_id: str | None,
    abstracts: dict[str, etree._Element],
    nums: dict[str, etree._Element],
    sheet: StyleSheet,
) -> str | None:
    """The abstract list holding the levels: a list defined by a numbering style
    (w:numStyleLink) has none of its own and points, through the style, to the one that does."""
    for _ in range(_MAX_STYLE_LINKS):
        abstract = abstracts.get(abstract_id or "")
        if abstract is None:
            return None
        link = child_val(abstract, "w:numStyleLink")
        if link is None or abstract.find(qn("w:lvl")) is not None:
            return abstract_id
        style = sheet.get(link)
        num = nums.get(style.num_id or "") if style else None
        if num is None:
            return None
        abstract_id = child_val(num, "w:abstractNumId")
    return None


def _read_level(level: etree._Element) -> Level:
    start = int_or_none(child_val(level, "w:start"))
    # Word 2010+ wraps newer formats in mc:AlternateContent; its Fallback holds a classic one.
    number_format = level.find(qn("w:numFmt"))
    if number_format is None:
        number_format = level.find(f".//{{{MC_NS}}}Fallback/{qn('w:numFmt')}")
    return Level(
        start=_DEFAULT_START if start is None else start,
        number_format=_DECIMAL if number_format is None else number_format.get(VAL, _DECIMAL),
        text=child_val(level, "w:lvlText") or "",
        restart_after=int_or_none(child_val(level, "w:lvlRestart")),
        legal=bool(toggle(level.find(qn("w:isLgl")))),
        style_id=child_val(level, "w:pStyle"),
    )


def _restarts(definition: Level | None, deeper: int, used: int) -> bool:
    """Whether a paragraph at level `used` sends level `deeper` back to its start: by default
    any shallower level does; w:lvlRestart (1-based) narrows that, and 0 means never."""
    if definition is None or definition.restart_after is None:
        return used < deeper
    return used < definition.restart_after


def _number_text(definition: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
    """The level's w:lvlText with each %N replaced by level N's counter in its format."""

    def substitute(match: re.Match[str]) -> str:
        number = int(match.group(1)) - 1
        referenced = levels.get(number)
        start = referenced.start if referenced else 1
        # A shallower level never used yet shows one below its start: Word's "0.1" when a
        # Heading 2 precedes any Heading 1.
        value = counters.get(number, start - 1)
        number_format = (
            _DECIMAL if definition.legal or referenced is None else referenced.number_format
        )
        return _format_number(value, number_format)

    return _LEVEL_PLACEHOLDER.sub(substitute, definition.text).strip()


_MAX_LETTER_NUMBER = 26 * 30  # zzz... thirty letters long
_MAX_ROMAN_NUMBER = 3999  # MMMCMXCIX, the largest in the usual notation


def _format_number(value: int, number_format: str) -> str:
    # A list may start anywhere (w:start is any 32-bit number): beyond a plausible count, letters
    # and Roman numerals (which grow with the value) give way to digits.
    if number_format in ("lowerLetter", "upperLetter") and 0 < value <= _MAX_LETTER_NUMBER:
        # Word goes on after z with doubled letters: aa, bb, ...
        letter = chr(ord("a") + (value - 1) % _ALPHABET) * ((value - 1) // _ALPHABET + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format in ("lowerRoman", "upperRoman") and 0 < value <= _MAX_ROMAN_NUMBER:
        roman = _roman(value)
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format in ("none", _BULLET):
        return ""
    # decimal, and the formats qpr's readers never meet (ordinal, chineseCounting, ...): digits.
    return str(value)


def _roman(value: int) -> str:
    parts = []
    for amount, numeral in _ROMAN_NUMERALS:
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)
