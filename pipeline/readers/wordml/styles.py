"""Paragraph styles (styles.xml): each style's boldness, heading level and list, resolved
through the `basedOn` chain, and the heading level of a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from pipeline.patterns import alternation
from pipeline.readers.wordml.elements import (
    child_val,
    element_path,
    int_or_none,
    is_true,
    qn,
    toggle,
)
from pipeline.tables import load_table

_STYLE, _STYLE_ID = qn("w:style"), qn("w:styleId")
_STYLE_TYPE, _STYLE_DEFAULT = qn("w:type"), qn("w:default")

# Built-in heading and title styles by name or id, in the languages Word is localised in.
_STYLE_NAMES = load_table("form_words")["word_styles"]
_HEADING_NAME = re.compile(
    alternation(_STYLE_NAMES["headings"], ignore_case=True, guard_signs=False) + r"\s*(\d)"
)
_TITLE_NAMES = frozenset(name.lower() for name in _STYLE_NAMES["titles"])
_BODY_OUTLINE_LEVEL = 9  # Word's outline levels 0-8 are Heading 1-9; 9 is body text
# Real style chains are a few styles deep; a damaged file may loop, which this bound stops.
_MAX_STYLE_CHAIN = 20


@dataclass(frozen=True, slots=True)
class Style:
    style_id: str
    name: str
    based_on: str | None
    bold: bool | None
    outline_level: int | None
    num_id: str | None
    num_level: int | None


@dataclass(frozen=True, slots=True)
class StyleSheet:
    """The styles of styles.xml, each read when a paragraph first uses it: Word's template
    defines some 160 styles and a report uses a dozen."""

    elements: dict[str, etree._Element]
    default_paragraph: str | None
    default_bold: bool
    _read: dict[str, Style] = field(default_factory=dict)

    def get(self, style_id: str) -> Style | None:
        style = self._read.get(style_id)
        if style is None and style_id in self.elements:
            style = self._read[style_id] = _read_style(style_id, self.elements[style_id])
        return style

    def chain(self, style_id: str | None) -> Iterator[Style]:
        """The style and its `basedOn` ancestors, guarded against cycles in damaged files."""
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < _MAX_STYLE_CHAIN:
            seen.add(style_id)
            style = self.get(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            if style.bold is not None:
                return style.bold
        return None

    def numbering(self, style_id: str | None) -> tuple[str, int | None] | None:
        """The list (numId) and level a paragraph style links to, from the nearest style in
        the chain that names a list: heading styles are often linked to a multi-level list."""
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.num_level
        return None


def read_styles(styles: etree._Element) -> StyleSheet:
    elements: dict[str, etree._Element] = {}
    default_paragraph = None
    for style in styles.iterchildren(_STYLE):
        style_id = style.get(_STYLE_ID)
        if not style_id:
            continue
        elements.setdefault(style_id, style)
        if style.get(_STYLE_TYPE) == "paragraph" and is_true(style.get(_STYLE_DEFAULT)):
            default_paragraph = style_id
    default_b = styles.find(element_path("w:docDefaults", "w:rPrDefault", "w:rPr", "w:b"))
    return StyleSheet(elements, default_paragraph, toggle(default_b) or False)


def _read_style(style_id: str, style: etree._Element) -> Style:
    return Style(
        style_id=style_id,
        name=child_val(style, "w:name") or "",
        based_on=child_val(style, "w:basedOn"),
        bold=toggle(style.find(element_path("w:rPr", "w:b"))),
        outline_level=int_or_none(child_val(style, "w:pPr", "w:outlineLvl")),
        num_id=child_val(style, "w:pPr", "w:numPr", "w:numId"),
        num_level=int_or_none(child_val(style, "w:pPr", "w:numPr", "w:ilvl")),
    )


def heading_level(paragraph: etree._Element, style_id: str | None, sheet: StyleSheet) -> int | None:
    own = int_or_none(child_val(paragraph, "w:pPr", "w:outlineLvl"))
    if own is not None:
        return _outline_to_level(own)
    if style_id is not None and style_id not in sheet.elements:
        # A paragraph may name a style that styles.xml never defines (generated files): its id
        # ("Heading2") is all there is to go on.
        return _named_level(style_id)
    for style in sheet.chain(style_id):
        named = _named_level(style.name)
        if named is None:
            named = _named_level(style.style_id)
        if named is not None:
            return named
        if style.outline_level is not None:
            return _outline_to_level(style.outline_level)
    return None


def _named_level(name: str) -> int | None:
    """The level a heading or title style's name (or id) states, if it is one."""
    name = name.strip().lower()
    if name in _TITLE_NAMES:
        return 0
    match = _HEADING_NAME.fullmatch(name)
    return int(match.group(1)) if match else None


def _outline_to_level(outline_level: int) -> int | None:
    """Word's outline level 0 is Heading 1; level 9 means body text."""
    if 0 <= outline_level < _BODY_OUTLINE_LEVEL:
        return outline_level + 1
    return None
