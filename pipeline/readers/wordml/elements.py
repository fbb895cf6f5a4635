"""The WordprocessingML vocabulary: tag names, and the few ways its elements carry values
(`w:val` attributes, on/off toggles, content-control wrappers)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from lxml import etree

# The namespaces of the prefixes the readers use, as ECMA-376 fixes them.
_NAMESPACES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def qn(tag: str) -> str:
    """The Clark name (`{uri}p`) of a prefixed tag (`w:p`)."""
    prefix, name = tag.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{name}"


# Markup compatibility: Word 2010+ wraps newer markup in mc:AlternateContent with a Fallback.
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

P, TBL, TR, TC, R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
SDT, SDT_CONTENT, CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
VAL = qn("w:val")

# Elements that only wrap other content (content controls, custom XML): read through them.
WRAPPERS = frozenset({SDT_CONTENT, CUSTOM_XML})

# The spellings of "off" in an on/off property (ECMA-376 ST_OnOff); anything else is on.
_FALSE_VALUES = frozenset({"0", "false", "off", "none"})


def content_of(element: etree._Element) -> list[etree._Element]:
    """The children holding a wrapper's content; none for a content control showing placeholder
    text ("Click or tap here to enter text."), which is the form's prompt, not an answer."""
    if element.tag != SDT:
        return list(element.iterchildren())
    if element.find(element_path("w:sdtPr", "w:showingPlcHdr")) is not None:
        return []
    content = element.find(SDT_CONTENT)
    return [] if content is None else list(content.iterchildren())


def children_through_wrappers(
    children: Iterable[etree._Element], tag: str
) -> Iterator[etree._Element]:
    """Children with `tag`, including those wrapped in content controls (repeating sections)."""
    for child in children:
        if child.tag == tag:
            yield child
        elif child.tag == SDT or child.tag in WRAPPERS:
            yield from children_through_wrappers(content_of(child), tag)


def is_merge_continuation(cell: etree._Element, merge_tag: str) -> bool:
    merge = cell.find(element_path("w:tcPr", merge_tag))
    return merge is not None and merge.get(VAL, "continue") != "restart"


def child_val(element: etree._Element, *tags: str) -> str | None:
    found = element.find(element_path(*tags))
    return None if found is None else found.get(VAL)


@cache
def element_path(*tags: str) -> str:
    """The ElementPath of prefixed tags (`w:pPr`, `w:numPr`), spelled out once: paragraphs and
    styles ask for the same few thousands of times."""
    return "/".join(qn(tag) for tag in tags)


def toggle(element: etree._Element | None) -> bool | None:
    """A WordprocessingML on/off property: absent is None, present without w:val is on."""
    if element is None:
        return None
    return element.get(VAL, "true").lower() not in _FALSE_VALUES


def is_true(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE_VALUES


def int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
