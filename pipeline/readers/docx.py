"""DOCX reader: the bytes of a .docx file in, its body as `Block`s out, in reading order.

Paragraphs (headings marked with their level, all-bold labels flagged, Word's automatic list
numbers written out as readers see them) and one block per table row; text inside content
controls and nested tables is read where it stands. `page` is always None.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from lxml import etree

from pipeline.blocks import Block, BlockKind, table_row
from pipeline.errors import DocumentLoadError, TooLargeError
from pipeline.limits import DEFAULT_LIMITS, Limits, size_text

_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_LOCAL_HEADER_SIZE = 30  # a zip member's local header, before its name and extra field
_INFLATE_STEP = 2**16

_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_VAL = qn("w:val")
_STYLE, _STYLE_ID = qn("w:style"), qn("w:styleId")
_STYLE_TYPE, _STYLE_DEFAULT = qn("w:type"), qn("w:default")

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
# Built-in heading styles by name or id: Word stores the English name ("heading 1") with a
# localised id ("Titre1"); other producers write the localised name ("Titre 1", "Título 1").
_HEADING_NAME = re.compile(
    r"(?:heading|titre|t[ií]tulo|titolo|überschrift|kop|nagłówek|заголовок)\s*(\d)",
    re.IGNORECASE,
)
_TITLE_NAMES = frozenset({"title", "titre", "título", "titulo", "titolo", "titel"})
_BODY_OUTLINE_LEVEL = 9
_MAX_STYLE_CHAIN = 20

# Strip layout whitespace only: a leading or trailing no-break space is source text, and the
# normaliser decides about it (labels are often followed by U+00A0).
_LAYOUT_SPACE = " \t\r\n\f\v"

# Word's automatic list numbering (numbering.xml). numId 0 is how Word records "numbering
# removed" on a paragraph whose style is numbered.
_NO_NUMBERING = "0"
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
class _Style:
    style_id: str
    name: str
    based_on: str | None
    bold: bool | None
    outline_level: int | None
    num_id: str | None
    num_level: int | None


@dataclass(frozen=True, slots=True)
class _StyleSheet:
    """The styles of styles.xml, each read when a paragraph first uses it: Word's template
    defines some 160 styles and a report uses a dozen."""

    elements: dict[str, etree._Element]
    default_paragraph: str | None
    default_bold: bool
    _read: dict[str, _Style] = field(default_factory=dict)

    def get(self, style_id: str) -> _Style | None:
        style = self._read.get(style_id)
        if style is None and style_id in self.elements:
            style = self._read[style_id] = _read_style(style_id, self.elements[style_id])
        return style

    def chain(self, style_id: str | None) -> Iterator[_Style]:
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


@dataclass(frozen=True, slots=True)
class _Level:
    """One w:lvl of a list: how its counter starts, is drawn and restarts."""

    start: int
    number_format: str
    text: str
    restart_after: int | None  # w:lvlRestart, 1-based; None is Word's default
    legal: bool  # w:isLgl: every level's number drawn in decimal
    style_id: str | None  # w:pStyle: the paragraph style this level belongs to


@dataclass(frozen=True, slots=True)
class _ListInstance:
    """A w:num: the levels of its abstract list with its overrides applied. `counter_key`
    names the counters it advances: every instance of one abstract list shares them (Word
    continues the list), except an instance with a start override, which Word restarts."""

    counter_key: str
    levels: dict[int, _Level]

    def level_of_style(self, style_id: str | None) -> int:
        for number, level in self.levels.items():
            if style_id is not None and level.style_id == style_id:
                return number
        return 0


@dataclass(slots=True)
class _ListCounters:
    """The running counters of every list, advanced paragraph by paragraph in document order."""

    instances: dict[str, _ListInstance]
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


@dataclass(frozen=True, slots=True)
class _Context:
    """What reading a paragraph needs besides the paragraph: styles and list counters."""

    sheet: _StyleSheet
    lists: _ListCounters


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    """Return the body of a .docx as blocks; raise DocumentLoadError if it cannot be opened."""
    _check_unpacked_size(data, limits)
    body, context = _open(data)
    return list(_container_blocks(body.iterchildren(), context))


def _check_unpacked_size(data: bytes, limits: Limits) -> None:
    """python-docx unpacks every member, so the declared total is checked before it does, and
    each member is made to keep to its declared size (`_check_member`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return  # _open names the damage
    declared = sum(member.file_size for member in members)
    if declared > limits.docx_uncompressed_bytes:
        raise TooLargeError(
            f"the .docx unpacks to {size_text(declared)}, over the limit of "
            f"{size_text(limits.docx_uncompressed_bytes)}; it may be a zip bomb, or hold very "
            "large images: save a copy without them"
        )
    for member in members:
        _check_member(data, member)


def _check_member(data: bytes, member: zipfile.ZipInfo) -> None:
    """A member whose headers understate its size is a zip bomb all the same: zipfile reads a
    whole member by inflating up to 2 GiB in one call and only then cuts the output to the
    declared size (CPython 3.11 `ZipExtFile.read`), so 1 MB of file would cost python-docx
    gigabytes. The member is inflated here in bounded steps, its output dropped, to find out."""
    if member.compress_type == zipfile.ZIP_STORED:
        return  # stored bytes are read as they are: never more than the file holds
    if member.compress_type != zipfile.ZIP_DEFLATED:
        # bzip2 and LZMA members are inflated by zipfile without any bound; Word writes neither.
        raise DocumentLoadError(
            f"the .docx member {member.filename} uses zip compression method "
            f"{member.compress_type}, which Word never writes: the package is damaged or forged"
        )
    header = data[member.header_offset : member.header_offset + _LOCAL_HEADER_SIZE]
    if len(header) < _LOCAL_HEADER_SIZE or not header.startswith(b"PK\x03\x04"):
        return  # _open names the damage
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = member.header_offset + _LOCAL_HEADER_SIZE + name_length + extra_length
    stream = memoryview(data)[start : start + member.compress_size]
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    inflated = 0
    try:
        # Fed in small pieces: `unconsumed_tail` is a copy of the input left over.
        for position in range(0, len(stream), _INFLATE_STEP):
            pending: bytes | memoryview = stream[position : position + _INFLATE_STEP]
            while pending and not inflater.eof:
                inflated += len(inflater.decompress(pending, _INFLATE_STEP))
                if inflated > member.file_size:
                    raise DocumentLoadError(
                        f"the .docx member {member.filename} unpacks to more than the "
                        f"{size_text(member.file_size)} its headers declare: the package is "
                        "forged (a zip bomb) and was not read"
                    )
                pending = inflater.unconsumed_tail
    except zlib.error as error:
        raise DocumentLoadError(
            f"the .docx member {member.filename} is damaged ({error})"
        ) from error


def _open(data: bytes) -> tuple[etree._Element, _Context]:
    # python-docx reports damage through many exception types (BadZipFile, KeyError for a missing
    # part, XMLSyntaxError, zlib.error, EOFError, NotImplementedError...), and no raw library
    # error may leave a reader, so every failure to open becomes a DocumentLoadError.
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        sheet = _read_styles(document.part.styles.element)
        lists = _ListCounters(_read_numbering(_numbering_element(document), sheet))
    except zipfile.BadZipFile as error:
        raise DocumentLoadError(f"the .docx is not a readable zip archive ({error})") from error
    except KeyError as error:
        raise DocumentLoadError(f"the .docx is missing a required part ({error})") from error
    except etree.XMLSyntaxError as error:
        raise DocumentLoadError(_xml_error_message(error)) from error
    except Exception as error:
        raise DocumentLoadError(
            f"the .docx could not be opened ({type(error).__name__}: {error})"
        ) from error
    if body is None:
        raise DocumentLoadError("the .docx has no document body")
    return body, _Context(sheet, lists)


def _xml_error_message(error: etree.XMLSyntaxError) -> str:
    # libxml2 refuses a "billion laughs" payload: since 2.11 as a resource limit (excessive
    # entity amplification), before that as an entity loop. Its other resource limits are
    # nesting depth and text node length. python-docx itself expands no entity.
    limit = error.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT
    if error.code == etree.ErrorTypes.ERR_ENTITY_LOOP or (limit and "entity" in str(error)):
        return (
            "the .docx declares XML entities that expand without bound (an entity-expansion "
            "attack: Word never writes entity declarations), so it was not read"
        )
    if limit:
        return f"the .docx exceeds a limit of the XML parser ({error})"
    return f"the .docx holds damaged XML ({error})"


def _read_styles(styles: etree._Element) -> _StyleSheet:
    elements: dict[str, etree._Element] = {}
    default_paragraph = None
    for style in styles.iterchildren(_STYLE):
        style_id = style.get(_STYLE_ID)
        if not style_id:
            continue
        elements.setdefault(style_id, style)
        if style.get(_STYLE_TYPE) == "paragraph" and _is_true(style.get(_STYLE_DEFAULT)):
            default_paragraph = style_id
    default_b = styles.find(_path("w:docDefaults", "w:rPrDefault", "w:rPr", "w:b"))
    return _StyleSheet(elements, default_paragraph, _toggle(default_b) or False)


def _read_style(style_id: str, style: etree._Element) -> _Style:
    return _Style(
        style_id=style_id,
        name=_child_val(style, "w:name") or "",
        based_on=_child_val(style, "w:basedOn"),
        bold=_toggle(style.find(_path("w:rPr", "w:b"))),
        outline_level=_int_or_none(_child_val(style, "w:pPr", "w:outlineLvl")),
        num_id=_child_val(style, "w:pPr", "w:numPr", "w:numId"),
        num_level=_int_or_none(_child_val(style, "w:pPr", "w:numPr", "w:ilvl")),
    )


def _numbering_element(document: docx.document.Document) -> etree._Element | None:
    # Not `document.part.numbering_part`: python-docx tries to create the part when it is absent.
    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        return None
    return part.element if isinstance(part, XmlPart) else None


def _read_numbering(
    numbering: etree._Element | None, sheet: _StyleSheet
) -> dict[str, _ListInstance]:
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
        abstract_id = _linked_abstract(_child_val(num, "w:abstractNumId"), abstracts, nums, sheet)
        if abstract_id is None:
            continue
        levels = {
            number: _read_level(level)
            for level in abstracts[abstract_id].iterchildren(qn("w:lvl"))
            if (number := _int_or_none(level.get(qn("w:ilvl")))) is not None
        }
        restarted = _apply_overrides(num, levels)
        key = f"num {num_id}" if restarted else f"abstract {abstract_id}"
        instances[num_id] = _ListInstance(key, levels)
    return instances


def _apply_overrides(num: etree._Element, levels: dict[int, _Level]) -> bool:
    """Apply a w:num's w:lvlOverride elements to `levels`; whether one restarts a level."""
    restarted = False
    for override in num.iterchildren(qn("w:lvlOverride")):
        number = _int_or_none(override.get(qn("w:ilvl")))
        if number is None:
            continue
        replacement = override.find(qn("w:lvl"))
        if replacement is not None:
            levels[number] = _read_level(replacement)
        start = _int_or_none(_child_val(override, "w:startOverride"))
        if start is not None and number in levels:
            levels[number] = replace(levels[number], start=start)
            restarted = True
    return restarted


def _linked_abstract(
    abstract_id: str | None,
    abstracts: dict[str, etree._Element],
    nums: dict[str, etree._Element],
    sheet: _StyleSheet,
) -> str | None:
    """The abstract list holding the levels: a list defined by a numbering style
    (w:numStyleLink) has none of its own and points, through the style, to the one that does."""
    for _ in range(_MAX_STYLE_LINKS):
        abstract = abstracts.get(abstract_id or "")
        if abstract is None:
            return None
        link = _child_val(abstract, "w:numStyleLink")
        if link is None or abstract.find(qn("w:lvl")) is not None:
            return abstract_id
        style = sheet.get(link)
        num = nums.get(style.num_id or "") if style else None
        if num is None:
            return None
        abstract_id = _child_val(num, "w:abstractNumId")
    return None


def _read_level(level: etree._Element) -> _Level:
    start = _int_or_none(_child_val(level, "w:start"))
    # Word 2010+ wraps newer formats in mc:AlternateContent; its Fallback holds a classic one.
    number_format = level.find(qn("w:numFmt"))
    if number_format is None:
        number_format = level.find(f".//{{{_MC_NS}}}Fallback/{qn('w:numFmt')}")
    return _Level(
        start=_DEFAULT_START if start is None else start,
        number_format=_DECIMAL if number_format is None else number_format.get(_VAL, _DECIMAL),
        text=_child_val(level, "w:lvlText") or "",
        restart_after=_int_or_none(_child_val(level, "w:lvlRestart")),
        legal=bool(_toggle(level.find(qn("w:isLgl")))),
        style_id=_child_val(level, "w:pStyle"),
    )


def _restarts(definition: _Level | None, deeper: int, used: int) -> bool:
    """Whether a paragraph at level `used` sends level `deeper` back to its start: by default
    any shallower level does; w:lvlRestart (1-based) narrows that, and 0 means never."""
    if definition is None or definition.restart_after is None:
        return used < deeper
    return used < definition.restart_after


def _number_text(definition: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
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


def _container_blocks(children: Iterable[etree._Element], context: _Context) -> Iterator[Block]:
    for child in children:
        if child.tag == _P:
            block = _paragraph_block(child, context)
            if block is not None:
                yield block
        elif child.tag == _TBL:
            yield from _table_blocks(child, context)
        elif child.tag == _SDT or child.tag in _WRAPPERS:
            yield from _container_blocks(_content_of(child), context)


def _content_of(element: etree._Element) -> list[etree._Element]:
    """The children holding a wrapper's content; none for a content control showing placeholder
    text ("Click or tap here to enter text."), which is the form's prompt, not an answer."""
    if element.tag != _SDT:
        return list(element.iterchildren())
    if element.find(_path("w:sdtPr", "w:showingPlcHdr")) is not None:
        return []
    content = element.find(_SDT_CONTENT)
    return [] if content is None else list(content.iterchildren())


def _paragraph_block(paragraph: etree._Element, context: _Context) -> Block | None:
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
    level = _heading_level(paragraph, style_id, sheet)
    return Block(
        text=_numbered(number, text.strip(_LAYOUT_SPACE)),
        kind=BlockKind.PARAGRAPH if level is None else BlockKind.HEADING,
        bold=all(visible),
        level=level,
    )


def _paragraph_text(paragraph: etree._Element, context: _Context) -> str:
    """A paragraph's visible text with its list number, layout space stripped."""
    number = _list_number(paragraph, _paragraph_style(paragraph, context.sheet), context)
    text = "".join(text for _, text in _runs(paragraph.iterchildren())).strip(_LAYOUT_SPACE)
    return _numbered(number, text) if text.strip() else text


def _paragraph_style(paragraph: etree._Element, sheet: _StyleSheet) -> str | None:
    return _child_val(paragraph, "w:pPr", "w:pStyle") or sheet.default_paragraph


def _numbered(number: str | None, text: str) -> str:
    return text if number is None else f"{number} {text}"


def _list_number(paragraph: etree._Element, style_id: str | None, context: _Context) -> str | None:
    """Advance the paragraph's list, if it is in one, and return its visible number. Every
    numbered paragraph counts, an empty one too: Word draws its number all the same."""
    numbering = paragraph.find(_path("w:pPr", "w:numPr"))
    num_id = level = None
    if numbering is not None:
        num_id = _child_val(numbering, "w:numId")
        level = _int_or_none(_child_val(numbering, "w:ilvl"))
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
    vanish = run.find(_path("w:rPr", "w:vanish"))
    return bool(_toggle(vanish))


def _run_bold(run: etree._Element, paragraph_style: str | None, sheet: _StyleSheet) -> bool:
    # Word resolves bold from the run, then its character style, then the paragraph style chain
    # (python-docx's `run.bold` is None whenever the bold comes from a style).
    direct = _toggle(run.find(_path("w:rPr", "w:b")))
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


def _table_blocks(table: etree._Element, context: _Context) -> Iterator[Block]:
    """One block per row, except where a row holds content rather than data: a row of a single
    cell (a layout frame holding a whole measure, a title bar spanning a label | value table)
    and a label | value row whose value holds a table (the form's partner table) are read as if
    their cells' paragraphs and tables stood in the body, so a nested table keeps its cells."""
    held: list[str] | None = None  # the last row, kept while the next one may continue it
    for row in _children_through_wrappers(table.iterchildren(), _TR):
        cells = list(_row_cells(row))
        if _holds_content(cells):
            yield from _row_block(held)
            held = None
            for cell in cells:
                yield from _container_blocks(cell.iterchildren(), context)
            continue
        texts = [_cell_text(cell, context) for cell in cells]
        if held is not None and _continues_label(cells, held):
            held[1] = "\n".join(text for text in (held[1], texts[1]) if text)
            continue
        yield from _row_block(held)
        held = texts
    yield from _row_block(held)


def _holds_content(cells: list[etree._Element]) -> bool:
    """A row of one cell, or a label | value row whose value cell holds a table."""
    if len(cells) == 1:
        return not _is_merge_continuation(cells[0], "w:vMerge")
    if len(cells) != 2:
        return False
    return next(_children_through_wrappers(cells[1].iterchildren(), _TBL), None) is not None


def _continues_label(cells: list[etree._Element], previous: list[str]) -> bool:
    """A label cell merged down over several rows (vMerge) labels all their values, so in a
    label | value table those rows read as one. Wider tables keep their rows apart, the merged
    cell empty after its first row."""
    return len(cells) == 2 and len(previous) == 2 and _is_merge_continuation(cells[0], "w:vMerge")


def _row_block(cells: list[str] | None) -> Iterator[Block]:
    if cells is not None and any(cells):
        yield table_row(cells)


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    # Read `w:tc` directly: python-docx's `row.cells` repeats a horizontally merged cell once
    # per grid column it spans; here a gridSpan cell counts once.
    for cell in _children_through_wrappers(row.iterchildren(), _TC):
        if not _is_merge_continuation(cell, "w:hMerge"):
            yield cell


def _cell_text(cell: etree._Element, context: _Context) -> str:
    if _is_merge_continuation(cell, "w:vMerge"):
        return ""
    return "\n".join(_cell_lines(cell.iterchildren(), context)).strip(_LAYOUT_SPACE)


def _cell_lines(children: Iterable[etree._Element], context: _Context) -> Iterator[str]:
    for child in children:
        if child.tag == _P:
            text = _paragraph_text(child, context)
            if text.strip():
                yield text
        elif child.tag == _TBL:
            # A table nested in a cell is flattened into the cell text, one line per row.
            yield from (block.text for block in _table_blocks(child, context))
        elif child.tag == _SDT or child.tag in _WRAPPERS:
            yield from _cell_lines(_content_of(child), context)


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
    merge = cell.find(_path("w:tcPr", merge_tag))
    return merge is not None and merge.get(_VAL, "continue") != "restart"


def _child_val(element: etree._Element, *path: str) -> str | None:
    found = element.find(_path(*path))
    return None if found is None else found.get(_VAL)


@cache
def _path(*tags: str) -> str:
    """The ElementPath of prefixed tags (`w:pPr`, `w:numPr`), spelled out once: paragraphs and
    styles ask for the same few thousands of times."""
    return "/".join(qn(tag) for tag in tags)


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
