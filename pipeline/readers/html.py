"""HTML reader: the bytes of a saved web page or exported report in, its content as `Block`s out.

Decodes the bytes as a browser would, drops site furniture (menus, banners, scripts), reads only
the main content when the page marks it, and yields headings, paragraphs and table rows in order.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace

from lxml import etree

from pipeline.blocks import Block, BlockKind, table_row
from pipeline.errors import DocumentLoadError
from pipeline.limits import DEFAULT_LIMITS, Limits, check_text_size

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PRESCAN_BYTES = 16384
# Embedded payloads hold no report text: a Word "web page" export inlines its images as base64
# data: URIs, a CMS page ships scripts and styles. They are cut from the bytes first, so a
# 100 MB inline image costs one scan instead of a parse, and the text limit applies to text.
# Every repetition is bounded, so hostile bytes cannot make these scans quadratic.
_DATA_PAYLOAD = re.compile(rb"(data:[\w/+.-]{0,100};base64,)[A-Za-z0-9+/=\s]{256,}", re.IGNORECASE)
_SCRIPT_START = re.compile(rb"<(script|style)\b[^<>]{0,2000}>", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# What browsers do with these labels (WHATWG Encoding): Latin-1 and ASCII mean windows-1252, and
# a UTF-16 label on bytes that were readable as ASCII is wrong, so the page is UTF-8.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}
_FALLBACK_ENCODINGS = ("utf-8", "cp1252")

_DROPPED_TAGS = frozenset(
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "frame",
        "object", "embed", "canvas", "video", "audio", "map", "button", "select", "datalist",
        "nav", "aside", "dialog",
    }
)  # fmt: skip
# A page header/footer is furniture; the header or footer of an article or section holds its
# title or notes, as HTML's own banner/contentinfo rule says.
_PAGE_FURNITURE_TAGS = frozenset({"header", "footer"})
_SECTIONING_TAGS = frozenset({"main", "article", "section"})
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar"})
# Names safe to find anywhere in an id/class token ("CybotCookiebotDialog", "eu-cookie-compliance").
_BOILERPLATE_ANYWHERE = ("cookie", "breadcrumb", "navbar", "skip-link", "skiplink")
# Ordinary words that a content class may contain in its middle ("field-social-groups"): they
# count only as the first or last word of a token ("social-links", "main-menu", "share").
_BOILERPLATE_END_WORDS = frozenset(
    {"banner", "banners", "menu", "menus", "share", "sharing", "social", "socials"}
)
_TOKEN_WORDS = re.compile(r"[-_]+")
_NEVER_DROPPED = frozenset({"html", "body", "main", "article"})
_PAGE_ROOTS = frozenset({"html", "body"})

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Elements that start and end a block; any text directly inside them is a paragraph.
_BLOCK_TAGS = frozenset(
    {
        "p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "label", "caption", "legend",
        "summary", "address", "div", "section", "article", "main", "body", "html", "ul", "ol",
        "dl", "menu", "dir", "figure", "fieldset", "details", "hgroup", "center", "form",
        "header", "footer", "search", "hr", "tr", "td", "th", "thead", "tbody", "tfoot",
        "textarea",
    }
)  # fmt: skip
_ANY_HEADING = ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})
_LAYOUT_ROLES = frozenset({"presentation", "none"})

_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")
_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_BREAK = re.compile(r" ?\n ?")
# Strip layout whitespace only: a no-break space (&nbsp;) is source text for the normaliser.
_LAYOUT_SPACE = " \t\r\n\f"


def read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    """Return the content of an HTML page as blocks; raise DocumentLoadError if it is unreadable."""
    data = _without_embedded(data)
    check_text_size(len(data), limits)
    document = _parse(_decode(data))
    if document is None:
        return []
    root = _content_root(document)
    blocks = _read_element(root)
    if not blocks and root.tag != "body":
        # A page can mark an empty <main> while its text sits elsewhere (a broken template).
        body = document.find("body")
        blocks = _read_element(body if body is not None else document)
    return blocks


def _without_embedded(data: bytes) -> bytes:
    """`data` with data: URI payloads and the content of script and style elements cut out."""
    data = _DATA_PAYLOAD.sub(rb"\1", data)
    kept, position = [], 0
    while start := _SCRIPT_START.search(data, position):
        kept.append(data[position : start.end()])
        end = re.compile(rb"</" + start.group(1) + rb"\s*>", re.IGNORECASE).search(
            data, start.end()
        )
        if end is None:  # an unclosed script runs to the end of the page, as in a browser
            position = len(data)
            break
        kept.append(end.group())
        position = end.end()
    kept.append(data[position:])
    return b"".join(kept)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    unmarked_utf16 = _unmarked_utf16(data)
    if unmarked_utf16:
        return data.decode(unmarked_utf16, errors="replace")
    declared = _declared_encoding(data[:_PRESCAN_BYTES])
    candidates = _FALLBACK_ENCODINGS if declared is None else (declared, *_FALLBACK_ENCODINGS)
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeError):
            continue
    # cp1252 leaves five bytes undefined; browsers show them as the same-numbered C1 controls.
    return data.decode("latin-1")


def _unmarked_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM shows as ASCII bytes interleaved with NULs."""
    head = data[:4]
    if len(head) == 4 and head[1] == head[3] == 0 and head[0] and head[2]:
        return "utf-16-le"
    if len(head) == 4 and head[0] == head[2] == 0 and head[1] and head[3]:
        return "utf-16-be"
    return None


def _declared_encoding(head: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(head)
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _parse(text: str) -> etree._Element | None:
    # Parsing the decoded text re-encoded as UTF-8 with the encoding stated makes libxml2 ignore
    # the page's own <meta charset>, which has already been honoured (or found wrong) above.
    # The HTML parser neither fetches anything nor expands entities other than HTML's own.
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        document = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except (etree.LxmlError, ValueError) as error:
        raise DocumentLoadError(f"the HTML page could not be parsed ({error})") from error
    # libxml2 stops at its safety limits (256 levels of nesting) and returns what it had read so
    # far: a silently truncated page is worse than a clear error.
    for entry in parser.error_log:
        if entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise DocumentLoadError(f"the HTML page exceeds a parser limit ({entry.message})")
    return document


def _content_root(document: etree._Element) -> etree._Element:
    marked = document.xpath("//main | //*[@role='main']")
    if marked:
        return marked[0]
    articles = document.xpath("//article")
    if len(articles) == 1:
        return articles[0]
    body = document.find("body")
    return body if body is not None else document


def _read_element(root: etree._Element) -> list[Block]:
    reader = _FlowReader()
    # Inside a marked main region a <header> is that region's own (its title), not the site's.
    context = _Context(in_section=root.tag not in _PAGE_ROOTS)
    try:
        reader.read_children(root, context)
    except RecursionError as error:
        raise DocumentLoadError("the HTML page is nested too deeply to read") from error
    reader.flush(context)
    return reader.blocks


@dataclass(frozen=True, slots=True)
class _Context:
    """What the enclosing elements say about the text being read."""

    kind: BlockKind = BlockKind.PARAGRAPH
    level: int | None = None
    bold: bool = False
    preformatted: bool = False
    in_section: bool = False


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    bold: bool | None  # None for a line break, which has no weight


@dataclass
class _FlowReader:
    """Walks elements in document order, gathering inline text until a block boundary."""

    blocks: list[Block] = field(default_factory=list)
    pieces: list[_Piece] = field(default_factory=list)

    def read_children(self, element: etree._Element, context: _Context) -> None:
        self._add_text(element.text, context)
        for child in element.iterchildren():
            if isinstance(child.tag, str):
                self._visit(child, context)
            self._add_text(child.tail, context)

    def flush(self, context: _Context) -> None:
        """End the current block: what was gathered becomes one block of the context's kind."""
        pieces, self.pieces = self.pieces, []
        text = _block_text(pieces, context.preformatted)
        if not text.strip():
            return
        weights = [piece.bold for piece in pieces if piece.bold is not None and piece.text.strip()]
        self.blocks.append(
            Block(text=text, kind=context.kind, bold=all(weights), level=context.level)
        )

    def _visit(self, element: etree._Element, context: _Context) -> None:
        tag = element.tag.lower()
        if _is_boilerplate(element, tag, context):
            return
        if tag == "br":
            self.pieces.append(_Piece("\n", None))
        elif tag == "table" and not _is_layout_table(element):
            self.flush(context)
            self._read_table(element, context)
        elif tag in _HEADINGS or tag in _BLOCK_TAGS or tag == "table":
            self.flush(context)
            inner = _block_context(tag, context)
            self.read_children(element, inner)
            self.flush(inner)
        else:
            self.read_children(element, _inline_context(element, tag, context))

    def _add_text(self, text: str | None, context: _Context) -> None:
        if not text:
            return
        if not context.preformatted:
            text = _COLLAPSIBLE.sub(" ", text)
        self.pieces.append(_Piece(text, context.bold))

    def _read_table(self, table: etree._Element, context: _Context) -> None:
        for child in table.iterchildren():
            if child.tag == "caption":
                self._visit(child, context)
        for row in _table_rows(table):
            cells = [_cell_text(cell, context) for cell in row.iterchildren() if cell.tag in _CELLS]
            if any(cells):
                self.blocks.append(table_row(cells))


def _block_context(tag: str, outer: _Context) -> _Context:
    level = _HEADINGS.get(tag)
    return _Context(
        # A table's caption titles it, like a heading: never one of its rows' values.
        kind=BlockKind.HEADING if level is not None or tag == "caption" else BlockKind.PARAGRAPH,
        level=level,
        bold=outer.bold,
        preformatted=tag == "pre",
        in_section=outer.in_section or tag in _SECTIONING_TAGS,
    )


def _inline_context(element: etree._Element, tag: str, outer: _Context) -> _Context:
    bold = tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(element.get("style") or ""))
    return replace(outer, bold=True) if bold and not outer.bold else outer


def _block_text(pieces: list[_Piece], preformatted: bool) -> str:
    text = "".join(piece.text for piece in pieces)
    if not preformatted:
        text = _SPACE_AROUND_BREAK.sub("\n", _SPACES.sub(" ", text))
    return text.strip(_LAYOUT_SPACE)


def _table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows, including those in row groups but not those of nested tables."""
    rows: list[etree._Element] = []
    for child in table.iterchildren():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows.extend(row for row in child.iterchildren() if row.tag == "tr")
    return rows


def _cell_text(cell: etree._Element, context: _Context) -> str:
    reader = _FlowReader()
    inner = _Context(in_section=context.in_section)
    reader.read_children(cell, inner)
    reader.flush(inner)
    return "\n".join(block.text for block in reader.blocks)


def _is_layout_table(table: etree._Element) -> bool:
    """A table used to lay out a page (old sites, Word exports): its cells hold headings or
    other tables. Such a table is read as flowing content rather than as data rows."""
    if (table.get("role") or "").lower() in _LAYOUT_ROLES:
        return True
    return bool(table.xpath("(./tr | ./*/tr)/*[self::td or self::th]//table")) or bool(
        table.xpath(f"(./tr | ./*/tr)/*[self::td or self::th]/{_ANY_HEADING}")
    )


def _is_boilerplate(element: etree._Element, tag: str, context: _Context) -> bool:
    if tag in _NEVER_DROPPED or (element.get("role") or "").lower() == "main":
        return False
    if tag in _DROPPED_TAGS:
        return True
    if tag in _PAGE_FURNITURE_TAGS and not context.in_section:
        return True
    if tag == "form" and not element.xpath(_ANY_HEADING):
        # ASP.NET-style pages wrap the whole body in one <form>; other forms are search boxes,
        # newsletter sign-ups and the like.
        return True
    if (element.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    return any(_is_boilerplate_name(token) for token in _name_tokens(element))


def _name_tokens(element: etree._Element) -> list[str]:
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    return names.lower().split()


def _is_boilerplate_name(token: str) -> bool:
    if any(name in token for name in _BOILERPLATE_ANYWHERE):
        return True
    words = [word for word in _TOKEN_WORDS.split(token) if word]
    return bool(words) and (
        words[0] in _BOILERPLATE_END_WORDS or words[-1] in _BOILERPLATE_END_WORDS
    )
