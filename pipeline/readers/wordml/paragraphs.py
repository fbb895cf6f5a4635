"""A paragraph's visible text (runs through hyperlinks, fields and content controls, hidden and
deleted text left out), its boldness, heading level and list number."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import etree

from pipeline.blocks import Block, BlockKind
from pipeline.readers.wordml.elements import (
    MC_NS,
    SDT,
    R,
    child_val,
    content_of,
    element_path,
    int_or_none,
    qn,
    toggle,
)
from pipeline.readers.wordml.numbering import ListCounters
from pipeline.readers.wordml.styles import StyleSheet, heading_level

# Subtrees whose text is not what a reader sees: properties (a `w:tab` there is a tab stop),
# deleted revisions, the duplicate Fallback of alternate content, and floating drawings/text
# boxes, whose paragraphs would otherwise be glued into the anchoring paragraph.
_SKIPPED = frozenset(
    {
        qn("w:pPr"),
        qn("w:rPr"),
        qn("w:sdtPr"),
        qn("w:sdtEndPr"),
        qn("w:del"),
        qn("w:moveFrom"),
        qn("w:drawing"),
        qn("w:pict"),
        qn("w:object"),
        f"{{{MC_NS}}}Fallback",
    }
)

_RUN_TEXT = {
    # A tab separates columns typed without a table (`Name<tab>Type`): normalisation decides.
    qn("w:tab"): "\t",
    qn("w:ptab"): " ",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}

# Strip layout whitespace only: a leading or trailing no-break space is source text, and the
# normaliser decides about it (labels are often followed by U+00A0).
LAYOUT_SPACE = " \t\r\n\f\v"

# numId 0 is how Word records "numbering removed" on a paragraph whose style is numbered.
_NO_NUMBERING = "0"


@dataclass(frozen=True, slots=True)
class Context:
    """What reading a paragraph needs besides the paragraph: styles and list counters."""

    sheet: StyleSheet
    lists: ListCounters


def paragraph_block(paragraph: etree._Element, context: Context) -> Block | None:
    sheet = context.sheet
    style_id = _paragraph_style(paragraph, sheet)
    number = _list_number(paragraph, style_id, context)
    runs = [
        (text, _run_bold(run, style_id, sheet)) for run, text in _runs(paragraph.iterchildren())
    ]
    text = "".join(text for text, _ in runs)
    if not text.strip():
        return None
    visible = [bold for run_text, bold in runs if run_text.strip()]
    level = heading_level(paragraph, style_id, sheet)
    return Block(
        text=_numbered(number, text.strip(LAYOUT_SPACE)),
        kind=BlockKind.PARAGRAPH if level is None else BlockKind.HEADING,
        bold=all(visible),
        level=level,
    )


def paragraph_text(paragraph: etree._Element, context: Context) -> str:
    """A paragraph's visible text with its list number, layout space stripped."""
    number = _list_number(paragraph, _paragraph_style(paragraph, context.sheet), context)
    text = "".join(text for _, text in _runs(paragraph.iterchildren())).strip(LAYOUT_SPACE)
    return _numbered(number, text) if text.strip() else text


def _paragraph_style(paragraph: etree._Element, sheet: StyleSheet) -> str | None:
    return child_val(paragraph, "w:pPr", "w:pStyle") or sheet.default_paragraph


def _numbered(number: str | None, text: str) -> str:
    return text if number is None else f"{number} {text}"


def _list_number(paragraph: etree._Element, style_id: str | None, context: Context) -> str | None:
    """Advance the paragraph's list, if it is in one, and return its visible number. Every
    numbered paragraph counts, an empty one too: Word draws its number all the same."""
    numbering = paragraph.find(element_path("w:pPr", "w:numPr"))
    num_id = level = None
    if numbering is not None:
        num_id = child_val(numbering, "w:numId")
        level = int_or_none(child_val(numbering, "w:ilvl"))
    if num_id is None:
        inherited = context.sheet.numbering(style_id)
        if inherited is None:
            return None
        num_id, style_level = inherited
        level = style_level if level is None else level
    elif level is None:
        level = 0
    if num_id == _NO_NUMBERING:
        return None
    return context.lists.advance(num_id, level, style_id)


def _runs(children: Iterable[etree._Element]) -> Iterator[tuple[etree._Element, str]]:
    """Each visible run under a paragraph with its text, through hyperlinks, fields and controls."""
    for child in children:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        if child.tag == R:
            if not _is_hidden(child):
                yield child, _run_text(child)
        elif child.tag == SDT:
            yield from _runs(content_of(child))
        else:
            yield from _runs(child.iterchildren())


def _run_text(run: etree._Element) -> str:
    parts: list[str] = []
    for child in run.iterchildren():
        if child.tag == qn("w:t"):
            parts.append(_literal_text(child))
        elif child.tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[child.tag])
    return "".join(parts)


def _literal_text(element: etree._Element) -> str:
    # The parser keeps entity references unexpanded (resolve_entities=False): such a node's own
    # text is "&name;", which must not be read as content; the text after it is its tail.
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element.iterchildren())
    return "".join(parts)


def _is_hidden(run: etree._Element) -> bool:
    vanish = run.find(element_path("w:rPr", "w:vanish"))
    return bool(toggle(vanish))


def _run_bold(run: etree._Element, paragraph_style: str | None, sheet: StyleSheet) -> bool:
    # Word resolves bold from the run, then its character style, then the paragraph style chain
    # (python-docx's `run.bold` is None whenever the bold comes from a style).
    direct = toggle(run.find(element_path("w:rPr", "w:b")))
    if direct is not None:
        return direct
    for style_id in (child_val(run, "w:rPr", "w:rStyle"), paragraph_style):
        inherited = sheet.bold(style_id)
        if inherited is not None:
            return inherited
    return sheet.default_bold
