"""DOCX reader: the bytes of a .docx file in, its body as `Block`s out, in reading order.

Paragraphs (headings marked with their level, all-bold labels flagged) and one block per table
row; text inside content controls is read where it stands. `page` is always None.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from lxml import etree

from pipeline.blocks import Block, BlockKind, table_row
from pipeline.errors import DocumentLoadError

_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_VAL = qn("w:val")

# Elements that only wrap other content (content controls, custom XML): read through them.
_WRAPPERS = frozenset({_SDT_CONTENT, _CUSTOM_XML})

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
        f"{{{_MC_NS}}}Fallback",
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

_FALSE_VALUES = frozenset({"0", "false", "off", "none"})
_HEADING_NAME = re.compile(r"(?:heading|titre|t[ií]tulo|überschrift)\s*(\d)", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "titre", "título", "titulo", "titel"})
_BODY_OUTLINE_LEVEL = 9
_MAX_STYLE_CHAIN = 20

# Strip layout whitespace only: a leading or trailing no-break space is source text, and the
# normaliser decides about it (labels are often followed by U+00A0).
_LAYOUT_SPACE = " \t\r\n\f\v"


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    bold: bool | None
    outline_level: int | None


@dataclass(frozen=True, slots=True)
class _StyleSheet:
    styles: dict[str, _Style]
    default_paragraph: str | None
    default_bold: bool

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style and its `basedOn` ancestors, guarded against cycles in damaged files."""
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < _MAX_STYLE_CHAIN:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            if style.bold is not None:
                return style.bold
        return None


def read_docx(data: bytes) -> list[Block]:
    """Return the body of a .docx as blocks; raise DocumentLoadError if it cannot be opened."""
    body, sheet = _open(data)
    return list(_container_blocks(body.iterchildren(), sheet))


def _open(data: bytes) -> tuple[etree._Element, _StyleSheet]:
    # python-docx reports damage through many exception types (BadZipFile, KeyError for a missing
    # part, XMLSyntaxError, zlib.error, EOFError, NotImplementedError...), and no raw library
    # error may leave a reader, so every failure to open becomes a DocumentLoadError.
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        sheet = _read_styles(document.part.styles.element)
    except zipfile.BadZipFile as error:
        raise DocumentLoadError(f"the .docx is not a readable zip archive ({error})") from error
    except KeyError as error:
        raise DocumentLoadError(f"the .docx is missing a required part ({error})") from error
    except etree.XMLSyntaxError as error:
        raise DocumentLoadError(f"the .docx holds damaged XML ({error})") from error
    except Exception as error:
        raise DocumentLoadError(
            f"the .docx could not be opened ({type(error).__name__}: {error})"
        ) from error
    if body is None:
        raise DocumentLoadError("the .docx has no document body")
    return body, sheet


def _read_styles(styles: etree._Element) -> _StyleSheet:
    table: dict[str, _Style] = {}
    default_paragraph = None
    for style in styles.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if not style_id:
            continue
        table[style_id] = _Style(
            name=_child_val(style, "w:name") or "",
            based_on=_child_val(style, "w:basedOn"),
            bold=_toggle(style.find(f"{qn('w:rPr')}/{qn('w:b')}")),
            outline_level=_int_or_none(_child_val(style, "w:pPr", "w:outlineLvl")),
        )
        if style.get(qn("w:type")) == "paragraph" and _is_true(style.get(qn("w:default"))):
            default_paragraph = style_id
    default_b = styles.find(
        "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:b"))
    )
    return _StyleSheet(table, default_paragraph, _toggle(default_b) or False)


def _container_blocks(children: Iterable[etree._Element], sheet: _StyleSheet) -> Iterator[Block]:
    for child in children:
        if child.tag == _P:
            block = _paragraph_block(child, sheet)
            if block is not None:
                yield block
        elif child.tag == _TBL:
            yield from _table_blocks(child)
        elif child.tag == _SDT or child.tag in _WRAPPERS:
            yield from _container_blocks(_content_of(child), sheet)


def _content_of(element: etree._Element) -> list[etree._Element]:
    """The children holding a wrapper's content; none for a content control showing placeholder
    text ("Click or tap here to enter text."), which is the form's prompt, not an answer."""
    if element.tag != _SDT:
        return list(element.iterchildren())
    if element.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None:
        return []
    content = element.find(_SDT_CONTENT)
    return [] if content is None else list(content.iterchildren())


def _paragraph_block(paragraph: etree._Element, sheet: _StyleSheet) -> Block | None:
    style_id = _child_val(paragraph, "w:pPr", "w:pStyle") or sheet.default_paragraph
    runs = [
        (text, _run_bold(run, style_id, sheet)) for run, text in _runs(paragraph.iterchildren())
    ]
    text = "".join(text for text, _ in runs)
    if not text.strip():
        return None
    visible = [bold for run_text, bold in runs if run_text.strip()]
    level = _heading_level(paragraph, style_id, sheet)
    return Block(
        text=text.strip(_LAYOUT_SPACE),
        kind=BlockKind.PARAGRAPH if level is None else BlockKind.HEADING,
        bold=all(visible),
        level=level,
    )


def _runs(children: Iterable[etree._Element]) -> Iterator[tuple[etree._Element, str]]:
    """Each visible run under a paragraph with its text, through hyperlinks, fields and controls."""
    for child in children:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        if child.tag == _R:
            if not _is_hidden(child):
                yield child, _run_text(child)
        elif child.tag == _SDT:
            yield from _runs(_content_of(child))
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
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return bool(_toggle(vanish))


def _run_bold(run: etree._Element, paragraph_style: str | None, sheet: _StyleSheet) -> bool:
    # Word resolves bold from the run, then its character style, then the paragraph style chain
    # (python-docx's `run.bold` is None whenever the bold comes from a style).
    direct = _toggle(run.find(f"{qn('w:rPr')}/{qn('w:b')}"))
    if direct is not None:
        return direct
    for style_id in (_child_val(run, "w:rPr", "w:rStyle"), paragraph_style):
        inherited = sheet.bold(style_id)
        if inherited is not None:
            return inherited
    return sheet.default_bold


def _heading_level(
    paragraph: etree._Element, style_id: str | None, sheet: _StyleSheet
) -> int | None:
    own = _int_or_none(_child_val(paragraph, "w:pPr", "w:outlineLvl"))
    if own is not None:
        return _outline_to_level(own)
    for style in sheet.chain(style_id):
        name = style.name.strip().lower()
        if name in _TITLE_NAMES:
            return 0
        match = _HEADING_NAME.fullmatch(name)
        if match:
            return int(match.group(1))
        if style.outline_level is not None:
            return _outline_to_level(style.outline_level)
    return None


def _outline_to_level(outline_level: int) -> int | None:
    """Word's outline level 0 is Heading 1; level 9 means body text."""
    if 0 <= outline_level < _BODY_OUTLINE_LEVEL:
        return outline_level + 1
    return None


def _table_blocks(table: etree._Element) -> Iterator[Block]:
    for row in _children_through_wrappers(table.iterchildren(), _TR):
        cells = [_cell_text(cell) for cell in _row_cells(row)]
        if any(cells):
            yield table_row(cells)


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    # Read `w:tc` directly: python-docx's `row.cells` repeats a horizontally merged cell once
    # per grid column it spans; here a gridSpan cell counts once.
    for cell in _children_through_wrappers(row.iterchildren(), _TC):
        if not _is_merge_continuation(cell, "w:hMerge"):
            yield cell


def _cell_text(cell: etree._Element) -> str:
    if _is_merge_continuation(cell, "w:vMerge"):
        return ""
    return "\n".join(_cell_lines(cell.iterchildren())).strip(_LAYOUT_SPACE)


def _cell_lines(children: Iterable[etree._Element]) -> Iterator[str]:
    for child in children:
        if child.tag == _P:
            text = "".join(text for _, text in _runs(child.iterchildren())).strip(_LAYOUT_SPACE)
            if text.strip():
                yield text
        elif child.tag == _TBL:
            # A table nested in a cell is flattened into the cell text, one line per row.
            yield from (block.text for block in _table_blocks(child))
        elif child.tag == _SDT or child.tag in _WRAPPERS:
            yield from _cell_lines(_content_of(child))


def _children_through_wrappers(
    children: Iterable[etree._Element], tag: str
) -> Iterator[etree._Element]:
    """Children with `tag`, including those wrapped in content controls (repeating sections)."""
    for child in children:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT or child.tag in _WRAPPERS:
            yield from _children_through_wrappers(_content_of(child), tag)


def _is_merge_continuation(cell: etree._Element, merge_tag: str) -> bool:
    merge = cell.find(f"{qn('w:tcPr')}/{qn(merge_tag)}")
    return merge is not None and merge.get(_VAL, "continue") != "restart"


def _child_val(element: etree._Element, *path: str) -> str | None:
    found = element.find("/".join(qn(tag) for tag in path))
    return None if found is None else found.get(_VAL)


def _toggle(element: etree._Element | None) -> bool | None:
    """A WordprocessingML on/off property: absent is None, present without w:val is on."""
    if element is None:
        return None
    return element.get(_VAL, "true").lower() not in _FALSE_VALUES


def _is_true(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE_VALUES


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
