"""Form reader: the answers of an interactive PDF form (AcroForm), which live in its fields and
not in the page text, as `Block`s in the form's own order (its /Fields tree, depth first).

PDFium says whether there is a form; pdfminer walks the field tree, which PDFium does not expose.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from pipeline.blocks import Block

logger = logging.getLogger(__name__)

# A real form has a few hundred fields; beyond this the file is broken or hostile.
_MAX_NODES = 20_000
# A reference chain longer than this is a loop (`1 0 obj 1 0 R endobj`).
_MAX_REF_HOPS = 32
_PUSHBUTTON = 1 << 16  # field flag bit (ISO 32000-1, table 226)
_OFF = "Off"
_INDEX = re.compile(r"\[\d*\]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


class _TooManyFields(Exception):
    """The field tree is larger than any real form: read the page text instead."""


@dataclass(frozen=True, slots=True)
class _Inherited:
    """What a field takes from its ancestors: the nearest name, and the inheritable entries
    of ISO 32000-1 12.7.3.1 that decide how its value reads."""

    name: str = ""
    kind: str = ""  # /FT: Tx, Btn, Ch, Sig
    flags: int = 0  # /Ff
    value: object = None  # /V


@dataclass(frozen=True, slots=True)
class _Pages:
    """Where widgets stand: by the page /Annots that list them, else by their /P entry."""

    by_widget: dict[int, int]
    by_page_object: dict[int, int]

    def of(self, widget_id: int | None, widget: dict[str, object]) -> int | None:
        if widget_id in self.by_widget:
            return self.by_widget[widget_id]
        page = widget.get("P")
        return self.by_page_object.get(page.objid) if isinstance(page, PDFObjRef) else None


def read_form_fields(document: pdfium.PdfDocument) -> list[Block] | None:
    """The filled-in fields of the PDF's form in form order: for each field with a value, a bold
    block with its label (the field's tooltip, else its name made readable), then one block per
    line of the value, all on the page of the field's first widget. None when no field holds a
    value, or when the form cannot be read (the page text is then all there is)."""
    if pdfium_c.FPDF_GetFormType(document.raw) == pdfium_c.FORMTYPE_NONE:
        return None
    try:
        miner = _reparse(document)
        blocks = [block for field in _filled_fields(miner) for block in field]
    except _TooManyFields:
        logger.warning("the PDF form has over %s fields; its page text is read instead", _MAX_NODES)
        return None
    except Exception as error:  # pdfminer raises all kinds of errors on odd files
        logger.warning("the PDF form cannot be read, its page text is read instead: %s", error)
        return None
    return blocks or None


def _reparse(document: pdfium.PdfDocument) -> PDFDocument:
    """pdfminer's view of the PDFium document. PDFium writes what it parsed (repaired, without
    object streams), so both parsers see the same objects and pages."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return PDFDocument(PDFParser(buffer))


def _filled_fields(miner: PDFDocument) -> Iterator[list[Block]]:
    _, form = _deref(miner.catalog.get("AcroForm"))
    if not isinstance(form, dict):
        return
    pages = _page_map(miner)
    _, roots = _deref(form.get("Fields"))
    if not isinstance(roots, list) or not roots:
        # No field list (a broken writer): the fields of the widgets, in reading order.
        roots = _roots_by_position(miner)
    for node_id, node, inherited in _terminal_fields(roots):
        values = _values(node, inherited)
        if not values:
            continue
        widget_id, widget = _first_widget(node_id, node)
        page = pages.of(widget_id, widget)
        label = _clean(_text(node.get("TU"))) or _readable(inherited.name)
        # A field without tooltip or name anywhere up its tree has no label to show.
        heading = [Block(text=label, bold=True, page=page)] if label else []
        yield heading + [Block(text=value, page=page) for value in values]


def _terminal_fields(
    roots: list[object],
) -> Iterator[tuple[int | None, dict[str, object], _Inherited]]:
    """The fields that hold values, depth first through /Kids, each visited once: a kid listed
    twice or a /Kids loop cannot repeat a field or hang the walk."""
    stack: list[tuple[object, _Inherited]] = [(root, _Inherited()) for root in reversed(roots)]
    seen: set[int] = set()
    for _ in range(_MAX_NODES):
        if not stack:
            return
        ref, parent = stack.pop()
        node_id, node = _deref(ref)
        if not isinstance(node, dict) or node_id in seen:
            continue
        if node_id is not None:
            seen.add(node_id)
        inherited = _inherit(node, parent)
        _, kids = _deref(node.get("Kids"))
        # Kids without a name are the field's widgets; named kids are fields of their own, unless
        # already read (a kid that loops back must not turn its parent into a mere container).
        kids = kids if isinstance(kids, list) else []
        child_fields = [kid for kid in kids if _is_field(kid, seen)]
        if child_fields:
            stack.extend((kid, inherited) for kid in reversed(child_fields))
        else:
            yield node_id, node, inherited
    if stack:
        raise _TooManyFields


def _is_field(ref: object, seen: set[int]) -> bool:
    kid_id, kid = _deref(ref)
    return kid_id not in seen and isinstance(kid, dict) and ("T" in kid or "Kids" in kid)


def _inherit(node: dict[str, object], parent: _Inherited) -> _Inherited:
    kind, flags = node.get("FT"), node.get("Ff")
    return _Inherited(
        name=_text(node.get("T")) or parent.name,
        kind=_name(kind) if isinstance(kind, PSLiteral) else parent.kind,
        flags=flags if isinstance(flags, int) else parent.flags,
        value=node["V"] if "V" in node else parent.value,
    )


def _first_widget(
    node_id: int | None, node: dict[str, object]
) -> tuple[int | None, dict[str, object]]:
    """The field's first widget annotation; a field with one widget is its own widget."""
    _, kids = _deref(node.get("Kids"))
    for kid in kids if isinstance(kids, list) else []:
        kid_id, widget = _deref(kid)
        if isinstance(widget, dict):
            return kid_id, widget
    return node_id, node


# --- values ------------------------------------------------------------------------------------


def _values(node: dict[str, object], inherited: _Inherited) -> list[str]:
    """The field's value as lines, none when it is empty, off or not an answer (a button)."""
    _, value = _deref(inherited.value)
    if inherited.kind == "Btn":
        if inherited.flags & _PUSHBUTTON:
            return []
        return _button_state(node, value)
    if inherited.kind == "Sig":
        return []
    if inherited.kind == "Ch":
        return _choices(node, value)
    return _lines(_text(value))


def _button_state(node: dict[str, object], value: object) -> list[str]:
    """A check box's or radio group's export value when on. The state is /V; some writers only
    set each widget's appearance state /AS."""
    if value is None:
        state = next((s for s in _widget_states(node) if s != _OFF), "")
    else:
        state = _name(value) if isinstance(value, PSLiteral) else _text(value)
    if not state or state == _OFF:
        return []
    # With /Opt (PDF 1.5) the states are indices and /Opt holds the export values.
    _, options = _deref(node.get("Opt"))
    # isascii: `²` is a digit to str.isdigit, not to int(); an index has a few digits at most
    # (and past 4,300, int() refuses).
    if (
        isinstance(options, list)
        and len(state) < 10
        and state.isascii()
        and state.isdigit()
        and int(state) < len(options)
    ):
        state = _text(options[int(state)]) or state
    return _lines(state)


def _widget_states(node: dict[str, object]) -> Iterator[str]:
    _, kids = _deref(node.get("Kids"))
    for kid in kids if isinstance(kids, list) else [node]:
        _, widget = _deref(kid)
        state = widget.get("AS") if isinstance(widget, dict) else None
        if isinstance(state, PSLiteral):
            yield _name(state)


def _choices(node: dict[str, object], value: object) -> list[str]:
    """The selected options of a combo or list box, as displayed: /Opt pairs an export value
    with the text the user picked."""
    _, options = _deref(node.get("Opt"))
    shown: dict[str, str] = {}
    for option in options if isinstance(options, list) else []:
        _, pair = _deref(option)
        if isinstance(pair, list) and len(pair) == 2:
            shown[_text(pair[0])] = _text(pair[1])
    selected = value if isinstance(value, list) else [value]
    lines: list[str] = []
    for item in selected:
        _, item = _deref(item)
        text = _name(item) if isinstance(item, PSLiteral) else _text(item)
        lines.extend(_lines(shown.get(text) or text))
    return lines


def _lines(text: str) -> list[str]:
    lines = (_UNWANTED.sub("", line.replace("\t", " ")).strip() for line in text.splitlines())
    return [line for line in lines if line]


# --- strings -----------------------------------------------------------------------------------


def _text(value: object) -> str:
    """A PDF text string (PDFDocEncoding, or UTF-16/UTF-8 after a byte-order mark) as str;
    a text stream's content; a number as written; anything else as empty."""
    if isinstance(value, PDFStream):
        try:
            value = value.get_data()
        except Exception as error:  # an unsupported or broken filter
            logger.warning("unreadable form text stream: %s", error)
            return ""
    if isinstance(value, bytes):
        return _decode(value)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xff\xfe"):  # not allowed, but written by some tools
        return raw[2:].decode("utf-16-le", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):  # PDF 2.0
        return raw[3:].decode("utf-8", "replace")
    return decode_text(raw)


def _name(literal: PSLiteral) -> str:
    """A PDF name as text: pdfminer keeps a name that is not UTF-8 as bytes (`/R#e9gional`)."""
    name = literal.name
    return name if isinstance(name, str) else decode_text(name)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _UNWANTED.sub("", text)).strip()


def _readable(name: str) -> str:
    """`form1[0].page2[0].KeyObjectives_of_measure[0]` → `Key Objectives of measure`."""
    last = _INDEX.sub("", name).rsplit(".", 1)[-1].lstrip("#")
    return _clean(_CAMEL.sub(" ", last.replace("_", " ")))


# --- objects and pages -------------------------------------------------------------------------


def _deref(value: object) -> tuple[int | None, object]:
    """The object behind a chain of references and the id of the last one (None for a direct
    object); None for a missing object or a reference loop."""
    object_id = None
    for _ in range(_MAX_REF_HOPS):
        if not isinstance(value, PDFObjRef):
            return object_id, value
        object_id = value.objid
        value = value.resolve()
    return object_id, None


def _page_map(miner: PDFDocument) -> _Pages:
    """1-based page numbers of widgets and page objects; empty if the page tree is unreadable
    (the fields then read without pages rather than not at all)."""
    pages = _Pages({}, {})
    try:
        for number, page in enumerate(PDFPage.create_pages(miner), start=1):
            if isinstance(page.pageid, int):
                pages.by_page_object[page.pageid] = number
            _, annotations = _deref(page.annots)
            for ref in annotations if isinstance(annotations, list) else []:
                if isinstance(ref, PDFObjRef):
                    pages.by_widget.setdefault(ref.objid, number)
    except Exception as error:
        logger.warning("the page tree of the PDF form is unreadable: %s", error)
    return pages


def _roots_by_position(miner: PDFDocument) -> list[object]:
    """The top fields of the widgets in page order, then top to bottom, left to right."""
    roots: list[object] = []
    seen: set[int] = set()
    for page in PDFPage.create_pages(miner):
        _, annotations = _deref(page.annots)
        refs = annotations if isinstance(annotations, list) else []
        placed = [(_position(ref), ref) for ref in refs if _is_widget(ref)]
        for _, ref in sorted(placed, key=lambda item: item[0]):
            root = _root_of(ref)
            if root.objid not in seen:
                seen.add(root.objid)
                roots.append(root)
            if len(seen) > _MAX_NODES:
                raise _TooManyFields
    return roots


def _is_widget(ref: object) -> bool:
    _, annotation = _deref(ref)
    kind = annotation.get("Subtype") if isinstance(annotation, dict) else None
    return isinstance(ref, PDFObjRef) and isinstance(kind, PSLiteral) and kind.name == "Widget"


def _position(ref: PDFObjRef) -> tuple[float, float]:
    """Sort key of a widget: its top edge going down the page, then its left edge."""
    _, widget = _deref(ref)
    _, rect = _deref(widget.get("Rect") if isinstance(widget, dict) else None)
    corners = [_deref(value)[1] for value in rect] if isinstance(rect, list) else []
    numbers = [float(v) for v in corners if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) != 4:
        return (0.0, 0.0)
    return (-max(numbers[1], numbers[3]), min(numbers[0], numbers[2]))


def _root_of(ref: PDFObjRef) -> PDFObjRef:
    """The top field above a widget, following /Parent (a loop stops where it closes)."""
    chain = {ref.objid}
    while len(chain) <= _MAX_REF_HOPS:
        _, node = _deref(ref)
        parent = node.get("Parent") if isinstance(node, dict) else None
        if not isinstance(parent, PDFObjRef) or parent.objid in chain:
            break
        chain.add(parent.objid)
        ref = parent
    return ref
