"""PDF reader: the bytes of a PDF in, its text as `Block`s out, in reading order, one page each.

PDFium gives the text lines and their geometry; wrapped lines are rejoined into paragraphs.
Pages that draw rules are also handed to pdfplumber, whose tables become one block per row.
"""

from __future__ import annotations

import ctypes
import io
import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.blocks import Block, table_row
from pipeline.errors import DocumentLoadError, EncryptedDocumentError, NoTextLayerError

logger = logging.getLogger(__name__)

# PDFium replaces a hyphen that ends a line with one of these and drops the line break after it.
_HYPHEN_MARKERS = "\x02\ufffe"
_LINE_BREAKS = re.compile(r"[\r\n]+")
_LINE_TEXT = re.compile(r"[^\r\n\x02\ufffe]+")
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\uffff]")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_WORD_HYPHEN_AT_END = re.compile(r"[^\W\d_]-$")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+")
_LETTER = re.compile(r"\w")
# List items: bullet glyphs (Symbol/Wingdings bullets arrive as private-use characters) and
# "1." / "2)" numbering; Spanish "o" ("or") rules out Word's letter-o bullet.
_LIST_ITEM = re.compile(r"^(?:[•◦▪▫●○■□►▸➢➤✓✔·*\-–\uf000-\uf0ff]\s|\d{1,2}[.)]\s)")

_BOLD_NAME_PARTS = (b"bold", b"black", b"heavy", b"demi")
_FORCE_BOLD_FLAG = 1 << 18
_BOLD_WEIGHT = 600

# Geometry thresholds, in units of a line's height (PDFium's loose box: ascent to descent).
_SAME_LINE = 0.3  # baselines closer than this are one visual line split in two
_GAP_FACTOR = 1.15  # a pitch this much above the document's usual line pitch starts a paragraph
# (Word and the platform leave as little as 3 pt between paragraphs: 1.23x a 13 pt pitch)
_DEFAULT_PITCH = 1.05  # usual pitch when a document gives no pairs of lines to measure
_SPACE_WIDTH = 0.25
_FIT_MARGIN = 0.5  # in line heights
_SIZE_CHANGE = 0.2
# The column's right edge is the k-th largest line end: robust to a couple of stray lines that
# reach into the margin, which would otherwise make every wrapped line look short.
_COLUMN_EDGE_RANK = 3

# A page is handed to pdfplumber only if it draws this many horizontal and vertical rules.
_MIN_RULES = 2
_RULE_THICKNESS = 3.0
_RULE_MIN_LENGTH = 10.0
_MAX_FORM_DEPTH = 3
# Running headers and footers: among the 2 top or bottom lines of a page, on at least 2 pages
# and at least 30% of them.
_RUNNING_DEPTH = 2
_RUNNING_MIN_PAGES = 2
_RUNNING_SHARE = 0.3
# Short repeated lines are only dropped when they are page numbers (`2`, `- 2 -`, `Page 2 of 9`):
# a short answer such as `YES` can end two pages by chance.
_RUNNING_MIN_CHARS = 12
_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|p\.|pág\.|página|pag\.)?\W*#(?:\W*(?:of|de|sur|/)\W*#)?\W*$"
)


class _Hyphen(Enum):
    NONE = 0
    HARD = 1  # a visible hyphen ended the line; it is dropped or kept when the lines are joined
    SOFT = 2  # a soft hyphen (U+00AD): always dropped


@dataclass(slots=True)
class _Line:
    """One visual line of text with the geometry the paragraph rules need (PDF units, y up)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    baseline: float
    height: float
    first_word_width: float
    bold: bool
    hyphen: _Hyphen
    page_width: float
    break_before: bool = False


@dataclass(frozen=True, slots=True)
class _Table:
    top: float
    bottom: float
    left: float
    right: float
    rows: tuple[tuple[str, ...], ...]


@dataclass(slots=True)
class _Page:
    number: int
    lines: list[_Line]
    tables: list[_Table] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Document-wide measures the paragraph rules compare a pair of lines against."""

    column_right: dict[int, float]
    usual_pitch: float
    text: str


def read_pdf(data: bytes) -> list[Block]:
    """The blocks of a PDF: paragraphs and table rows in reading order, with 1-based pages."""
    data = bytes(data)
    document = _open_document(data)
    try:
        with _TableFinder(data, len(document)) as tables:
            pages = [_read_page(document, index, tables) for index in range(len(document))]
    finally:
        document.close()
    if not any(page.lines or page.tables for page in pages):
        raise NoTextLayerError(
            "The PDF has no text layer (its pages hold only images, as a scan does); "
            "run OCR on it or supply the original document."
        )
    _drop_running_lines(pages)
    layout = _measure_layout(pages)
    blocks: list[Block] = []
    for page in pages:
        blocks.extend(_page_blocks(page, layout))
    return blocks


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove running headers and footers: a line among the topmost or bottommost of its page
    whose text (its page number aside: `Page 2` matches `Page 3`) stands there on several pages.
    Repetition decides, not position alone: a title at the top of page one stays."""
    zone: dict[str, set[int]] = {}
    for page in pages:
        for line in _edge_lines(page.lines):
            zone.setdefault(_running_key(line.text, page.number, len(pages)), set()).add(
                page.number
            )
    needed = max(_RUNNING_MIN_PAGES, math.ceil(_RUNNING_SHARE * len(pages)))
    running = {
        key
        for key, numbers in zone.items()
        if len(numbers) >= needed and (len(key) >= _RUNNING_MIN_CHARS or _PAGE_NUMBER.match(key))
    }
    if not running:
        return
    for page in pages:
        edges = {id(line) for line in _edge_lines(page.lines)}
        page.lines = [
            line
            for line in page.lines
            if id(line) not in edges
            or _running_key(line.text, page.number, len(pages)) not in running
        ]


def _edge_lines(lines: list[_Line]) -> list[_Line]:
    by_height = sorted(lines, key=lambda line: -line.top)
    return by_height[:_RUNNING_DEPTH] + by_height[-_RUNNING_DEPTH:]


def _running_key(text: str, page_number: int, page_count: int) -> str:
    """The line folded so that the same header on another page gives the same key: case and
    spacing aside, the page's own number and the page count written `#` (other numbers stay:
    `Goal 1` atop one page and `Goal 2` atop the next are headings, not a running line)."""
    folded = " ".join(text.lower().split())
    return re.sub(rf"(?<!\d)(?:{page_number}|{page_count})(?!\d)", "#", folded)


def _open_document(data: bytes) -> pdfium.PdfDocument:
    # No password: PDFium then tries the empty user password, so owner-only protection reads.
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocumentError(
                "The PDF is password-protected; ask the sender for an unprotected copy."
            ) from error
        if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocumentError(
                "The PDF uses an encryption scheme that cannot be opened; "
                "ask the sender for an unprotected copy."
            ) from error
        raise DocumentLoadError(
            f"The PDF cannot be opened; it looks damaged or truncated ({error})."
        ) from error


def _read_page(document: pdfium.PdfDocument, index: int, tables: _TableFinder) -> _Page:
    number = index + 1
    try:
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                lines = _page_lines(textpage, page.get_width())
            finally:
                textpage.close()
            ruled = page.get_rotation() == 0 and _draws_grid(page.raw)
            left, bottom, right, top = page.get_mediabox()
        finally:
            page.close()
    except pdfium.PdfiumError as error:
        raise DocumentLoadError(f"Page {number} of the PDF cannot be read ({error}).") from error
    if not lines:
        logger.info("page %s has no text layer", number)
    result = _Page(number, lines)
    if ruled:
        result.tables = tables.find(index, (right - left, top - bottom))
        result.lines = _drop_table_lines(lines, result.tables)
    return result


# --- lines -------------------------------------------------------------------------------------


def _page_lines(textpage: pdfium.PdfTextPage, page_width: float) -> list[_Line]:
    text = textpage.get_text_range()
    reader = _GeometryReader(textpage.raw)
    lines = []
    for start, end, hyphen in _line_spans(text):
        line = reader.line(text, start, end, hyphen, page_width)
        if line is not None:
            lines.append(line)
    return lines


def _line_spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, ends-at-hyphen-marker) of each line; a marker ends a line PDFium joined."""
    for match in _LINE_TEXT.finditer(text):
        end = match.end()
        yield match.start(), end, end < len(text) and text[end] in _HYPHEN_MARKERS


class _GeometryReader:
    """Reads a line's box, baseline, height and boldness with a handful of PDFium calls."""

    def __init__(self, textpage: pdfium_c.FPDF_TEXTPAGE) -> None:
        self._textpage = textpage
        self._left, self._right = ctypes.c_double(), ctypes.c_double()
        self._bottom, self._top = ctypes.c_double(), ctypes.c_double()
        self._loose = pdfium_c.FS_RECTF()
        self._font_name = ctypes.create_string_buffer(256)
        self._bold_fonts: dict[int, bool] = {}
        self._last_object: int | None = None
        self._last_bold = False

    def line(
        self, text: str, start: int, end: int, hyphen_marker: bool, page_width: float
    ) -> _Line | None:
        raw = text[start:end]
        content, hyphen = _split_hyphen(_clean(raw), hyphen_marker)
        if not content:
            return None
        visible = raw.strip()
        start += len(raw) - len(raw.lstrip())
        end = start + len(visible)
        first = self._char_index(start, 1, end)
        last = self._char_index(end - 1, -1, start - 1)
        rects = self._rects(first, last) if first is not None and last is not None else []
        if first is None or last is None or not rects:
            return None
        left = min(rect[0] for rect in rects)
        baseline, height = self._baseline_and_height(self._letter(visible, start, end, first))
        return _Line(
            text=content,
            left=left,
            right=max(rect[2] for rect in rects),
            top=max(rect[3] for rect in rects),
            bottom=min(rect[1] for rect in rects),
            baseline=baseline,
            height=height,
            first_word_width=self._first_word_width(visible, start, left),
            bold=self._is_bold(first, last, len(rects)),
            hyphen=hyphen,
            page_width=page_width,
        )

    def _letter(self, visible: str, start: int, end: int, first: int) -> int:
        # A bullet glyph from a symbol font has other metrics than the text it introduces.
        letter = _LETTER.search(visible)
        if letter is None or letter.start() == 0:
            return first
        index = self._char_index(start + letter.start(), 1, end)
        return first if index is None else index

    def _first_word_width(self, visible: str, start: int, left: float) -> float:
        word_length = len(visible.split(maxsplit=1)[0])
        word_end = self._char_index(start + word_length - 1, -1, start - 1)
        if word_end is None:
            return 0.0
        return max(self._char_right(word_end) - left, 0.0)

    def _char_index(self, text_index: int, step: int, stop: int) -> int | None:
        # Text and char indices differ where PDFium dropped or inserted characters.
        while text_index != stop:
            char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(self._textpage, text_index)
            if char_index >= 0:
                return char_index
            text_index += step
        return None

    def _rects(self, first: int, last: int) -> list[tuple[float, float, float, float]]:
        # PDFium cuts a character range into one rectangle per text object on each line.
        count = pdfium_c.FPDFText_CountRects(self._textpage, first, last - first + 1)
        rects = []
        for index in range(max(count, 0)):
            if pdfium_c.FPDFText_GetRect(
                self._textpage, index, self._left, self._top, self._right, self._bottom
            ):
                rects.append(
                    (self._left.value, self._bottom.value, self._right.value, self._top.value)
                )
        return rects

    def _char_right(self, char_index: int) -> float:
        pdfium_c.FPDFText_GetCharBox(
            self._textpage, char_index, self._left, self._right, self._bottom, self._top
        )
        return self._right.value

    def _baseline_and_height(self, char_index: int) -> tuple[float, float]:
        # The loose box spans the font's ascent to descent: a size measure that, unlike
        # FPDFText_GetFontSize, survives fonts set at size 1 and scaled by the text matrix.
        pdfium_c.FPDFText_GetCharOrigin(self._textpage, char_index, self._left, self._bottom)
        baseline = self._bottom.value
        pdfium_c.FPDFText_GetLooseCharBox(self._textpage, char_index, self._loose)
        height = self._loose.top - self._loose.bottom
        return baseline, height if height > 0 else 1.0

    def _is_bold(self, first: int, last: int, objects: int) -> bool:
        """Whether every character from `first` to `last` is set in a bold face."""
        if not self._char_is_bold(first):
            return False
        # PDFium starts a new rectangle at each new text object: one rectangle, one font.
        if objects == 1:
            return True
        return all(self._char_is_bold(index) for index in range(first + 1, last + 1))

    def _char_is_bold(self, char_index: int) -> bool:
        text_object = pdfium_c.FPDFText_GetTextObject(self._textpage, char_index)
        if not text_object:
            return True  # a space PDFium inserted has no font and does not count
        address = ctypes.cast(text_object, ctypes.c_void_p).value
        if address != self._last_object:
            self._last_object = address
            self._last_bold = self._object_is_bold(text_object)
        return self._last_bold

    def _object_is_bold(self, text_object: pdfium_c.FPDF_PAGEOBJECT) -> bool:
        # Word fakes bold for fonts without a bold face by stroking the filled glyphs.
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(text_object)
        if mode == pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE:
            return True
        font = pdfium_c.FPDFTextObj_GetFont(text_object)
        address = ctypes.cast(font, ctypes.c_void_p).value
        if address is None:
            return False
        if address not in self._bold_fonts:
            self._bold_fonts[address] = self._font_is_bold(font)
        return self._bold_fonts[address]

    def _font_is_bold(self, font: pdfium_c.FPDF_FONT) -> bool:
        if pdfium_c.FPDFFont_GetWeight(font) >= _BOLD_WEIGHT:
            return True
        if pdfium_c.FPDFFont_GetFlags(font) & _FORCE_BOLD_FLAG:
            return True
        size = pdfium_c.FPDFFont_GetBaseFontName(font, self._font_name, len(self._font_name))
        name = self._font_name.value.lower() if 0 < size <= len(self._font_name) else b""
        return any(part in name for part in _BOLD_NAME_PARTS)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _UNWANTED.sub("", text)).strip()


def _split_hyphen(text: str, hyphen_marker: bool) -> tuple[str, _Hyphen]:
    """The line without its end-of-line hyphen, and which kind it was."""
    if hyphen_marker:
        return text.replace("\u00ad", ""), _Hyphen.HARD
    if text.endswith("\u00ad"):
        return text.replace("\u00ad", ""), _Hyphen.SOFT
    text = text.replace("\u00ad", "")
    if _WORD_HYPHEN_AT_END.search(text):
        return text[:-1], _Hyphen.HARD
    return text, _Hyphen.NONE


# --- tables ------------------------------------------------------------------------------------


def _draws_grid(page: pdfium_c.FPDF_PAGE) -> bool:
    """Whether a page draws horizontal and vertical rules, as a ruled table does.

    pdfplumber needs both directions to find cells, so a page with only underlines and
    separators is not worth its cost.
    """
    rules = _Rules()
    _count_rules(page, rules, depth=0)
    return rules.enough()


@dataclass(slots=True)
class _Rules:
    horizontal: int = 0
    vertical: int = 0

    def enough(self) -> bool:
        return self.horizontal >= _MIN_RULES and self.vertical >= _MIN_RULES


def _count_rules(
    container: pdfium_c.FPDF_PAGE | pdfium_c.FPDF_PAGEOBJECT, rules: _Rules, depth: int
) -> None:
    if depth == 0:
        count_objects, get_object = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    else:
        count_objects, get_object = (
            pdfium_c.FPDFFormObj_CountObjects,
            pdfium_c.FPDFFormObj_GetObject,
        )
    for index in range(count_objects(container)):
        item = get_object(container, index)
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            _count_rules(item, rules, depth + 1)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _count_rule(item, rules)
        if rules.enough():
            return


def _count_rule(path: pdfium_c.FPDF_PAGEOBJECT, rules: _Rules) -> None:
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(path, left, bottom, right, top):
        return
    width, height = right.value - left.value, top.value - bottom.value
    if max(width, height) < _RULE_MIN_LENGTH:
        return
    if height <= _RULE_THICKNESS:
        rules.horizontal += 1
    elif width <= _RULE_THICKNESS:
        rules.vertical += 1
    elif _is_stroked(path):
        # A stroked rectangle or polyline (cell borders drawn in one go) gives both directions;
        # a vector logo is mostly filled shapes.
        rules.horizontal += 2
        rules.vertical += 2


def _is_stroked(path: pdfium_c.FPDF_PAGEOBJECT) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke) and stroke.value)


class _TableFinder:
    """pdfplumber's view of the document, opened on the first ruled page, closed at the end.

    pdfminer raises all kinds of errors on odd files. PDFium has already read the text, so a
    failed table search leaves that page as paragraphs instead of failing the file.
    """

    def __init__(self, data: bytes, page_count: int) -> None:
        self._data = data
        self._page_count = page_count
        self._document: pdfplumber.PDF | None = None
        self._failed = False

    def __enter__(self) -> _TableFinder:
        return self

    def __exit__(self, *_: object) -> None:
        if self._document is not None:
            try:
                self._document.close()
            except Exception as error:
                logger.warning("pdfplumber could not close the PDF: %s", error)
            self._document = None

    def find(self, index: int, size: tuple[float, float]) -> list[_Table]:
        """The tables of page `index` with two columns or more, top first; none if unreadable."""
        pages = self._pages()
        if pages is None:
            return []
        try:
            page = pages[index]
            try:
                # A damaged file can be repaired differently by the two parsers: only trust
                # pdfplumber's page if it is the page PDFium read.
                if abs(page.width - size[0]) > 1 or abs(page.height - size[1]) > 1:
                    logger.warning("page %s differs in pdfplumber, tables read as text", index + 1)
                    return []
                return _tables_on(page)
            finally:
                page.close()
        except Exception as error:
            logger.warning("no table search on page %s: %s", index + 1, error)
            return []

    def _pages(self) -> list[pdfplumber.page.Page] | None:
        if self._document is None and not self._failed:
            try:
                self._document = pdfplumber.open(io.BytesIO(self._data))
                if len(self._document.pages) != self._page_count:
                    raise ValueError(f"{len(self._document.pages)} pages, not {self._page_count}")
            except Exception as error:
                logger.warning("pdfplumber cannot read the PDF, tables read as text: %s", error)
                self._failed = True
        if self._failed or self._document is None:
            return None
        return self._document.pages


def _tables_on(page: pdfplumber.page.Page) -> list[_Table]:
    tables = []
    for found in page.find_tables():
        rows = found.extract()
        # A one-column "table" is a framed box: its text reads better as paragraphs.
        if max((len(row) for row in rows), default=0) < 2:
            continue
        x0, top, x1, bottom = found.bbox
        # pdfplumber measures `top` down from the page top; PDFium measures y up.
        tables.append(
            _Table(
                top=page.height - top,
                bottom=page.height - bottom,
                left=x0,
                right=x1,
                rows=tuple(_row_cells(row) for row in rows if any(cell for cell in row)),
            )
        )
    return sorted(tables, key=lambda table: -table.top)


def _row_cells(row: list[str | None]) -> tuple[str, ...]:
    return tuple(_cell_text(cell) for cell in row)


def _cell_text(cell: str | None) -> str:
    text = ""
    hyphen = _Hyphen.NONE
    for raw in _LINE_BREAKS.split(cell or ""):
        line, next_hyphen = _split_hyphen(_clean(raw), hyphen_marker=False)
        if line:
            text = _join(text, hyphen, line, "") if text else line
            hyphen = next_hyphen
    return _close_hyphen(text, hyphen)


def _drop_table_lines(lines: list[_Line], tables: list[_Table]) -> list[_Line]:
    """The lines outside every table; a line after a table starts a new paragraph."""
    kept: list[_Line] = []
    dropped = False
    for line in lines:
        if any(_inside(line, table) for table in tables):
            dropped = True
            continue
        if dropped or (kept and _table_between(kept[-1], line, tables)):
            line.break_before = True
        kept.append(line)
        dropped = False
    return kept


def _inside(line: _Line, table: _Table) -> bool:
    middle = (line.top + line.bottom) / 2
    return (
        table.bottom <= middle <= table.top and line.left < table.right and line.right > table.left
    )


def _table_between(upper: _Line, lower: _Line, tables: list[_Table]) -> bool:
    return any(upper.bottom >= table.top and table.bottom >= lower.top for table in tables)


# --- paragraphs --------------------------------------------------------------------------------


def _measure_layout(pages: list[_Page]) -> _Layout:
    ends: dict[int, list[float]] = {}
    pitches: list[float] = []
    for page in pages:
        for index, line in enumerate(page.lines):
            ends.setdefault(round(line.page_width), []).append(line.right)
            if index and not line.break_before:
                pitch = _pitch(page.lines[index - 1], line)
                if pitch is not None and pitch > _SAME_LINE:
                    pitches.append(pitch)
    column_right = {
        width: sorted(rights, reverse=True)[min(_COLUMN_EDGE_RANK, len(rights)) - 1]
        for width, rights in ends.items()
    }
    # The lower quartile of pitches is the spacing inside a paragraph even in a form where
    # most neighbouring lines belong to different one-line paragraphs.
    usual_pitch = sorted(pitches)[len(pitches) // 4] if pitches else _DEFAULT_PITCH
    text = "\n".join(line.text for page in pages for line in page.lines).lower()
    return _Layout(column_right, usual_pitch, text)


def _pitch(upper: _Line, lower: _Line) -> float | None:
    """The baseline drop in line heights, or None when the two lines differ in size."""
    if abs(upper.height - lower.height) > _SIZE_CHANGE * max(upper.height, lower.height):
        return None
    return _drop(upper, lower)


def _page_blocks(page: _Page, layout: _Layout) -> list[Block]:
    """The page's paragraphs in PDFium's order, each table placed just before the paragraph
    nearest below it. PDFium follows the content stream, where a running footer drawn first
    can come before text that stands above the table, so "first below" would be wrong."""
    groups = _line_groups(page.lines, layout)
    tables_before: dict[int, list[_Table]] = {}
    for table in page.tables:
        below = [index for index, group in enumerate(groups) if group[0].top <= table.top]
        nearest = max(below, key=lambda index: groups[index][0].top, default=len(groups))
        tables_before.setdefault(nearest, []).append(table)
    blocks: list[Block] = []
    for index in range(len(groups) + 1):
        for table in tables_before.get(index, []):
            blocks.extend(table_row(row, page.number) for row in table.rows)
        if index < len(groups):
            blocks.append(_paragraph_block(groups[index], layout, page.number))
    return blocks


def _line_groups(lines: list[_Line], layout: _Layout) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    for index, line in enumerate(lines):
        if index and not _starts_paragraph(lines[index - 1], line, layout):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _drop(upper: _Line, lower: _Line) -> float:
    """How far the baseline moves down from `upper` to `lower`, in line heights."""
    return (upper.baseline - lower.baseline) / max(upper.height, lower.height)


def _starts_paragraph(upper: _Line, lower: _Line, layout: _Layout) -> bool:
    if lower.break_before:
        return True
    drop = _drop(upper, lower)
    if abs(drop) < _SAME_LINE:
        return False
    pitch = _pitch(upper, lower)
    if pitch is None or drop < 0 or pitch > layout.usual_pitch * _GAP_FACTOR:
        return True
    # Form labels end with ':' or '?:' and their value starts on the next line.
    if upper.text.endswith(":") or upper.bold != lower.bold or _LIST_ITEM.match(lower.text):
        return True
    if upper.hyphen is not _Hyphen.NONE:
        return False
    # A line that wrapped had no room for the next line's first word; if the word would have
    # fitted, the line was ended on purpose (a list of names, a short value, a last line).
    column_right = layout.column_right[round(upper.page_width)]
    room_needed = _SPACE_WIDTH * upper.height + lower.first_word_width
    # Widths are estimates: the word must fit with some room to spare before the line counts
    # as ended on purpose.
    return upper.right + room_needed + _FIT_MARGIN * upper.height < column_right


def _paragraph_block(lines: list[_Line], layout: _Layout, page: int) -> Block:
    text = lines[0].text
    for upper, lower in pairwise(lines):
        if upper.hyphen is _Hyphen.HARD and abs(_drop(upper, lower)) < _SAME_LINE:
            text = f"{text}-{lower.text}"  # not a line end: the hyphen is part of the text
        else:
            text = _join(text, upper.hyphen, lower.text, layout.text)
    text = _close_hyphen(text, lines[-1].hyphen)
    return Block(text=text, page=page, bold=all(line.bold for line in lines))


def _join(text: str, hyphen: _Hyphen, following: str, document_text: str) -> str:
    """`text` and the next line's `following`, glued as the end-of-line hyphen says."""
    if hyphen is _Hyphen.SOFT:
        return text + following
    if hyphen is _Hyphen.NONE:
        return f"{text} {following}"
    stem, rest = _LAST_WORD.search(text), _FIRST_WORD.match(following)
    if not following[:1].islower() or stem is None or rest is None:
        return f"{text}-{following}"
    # Word breaks lines after real hyphens ("small-" / "scale"): keep the hyphen if the document
    # writes the compound with it elsewhere.
    if f"{stem.group()}-{rest.group()}".lower() in document_text:
        return f"{text}-{following}"
    return text + following


def _close_hyphen(text: str, hyphen: _Hyphen) -> str:
    return f"{text}-" if hyphen is _Hyphen.HARD else text
