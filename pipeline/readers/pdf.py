"""PDF reader: the bytes of a PDF in, its text as `Block`s out, in reading order.

PDFium gives the text lines and their geometry. The reader drops running headers and footers,
reads multi-column pages column by column and rejoins wrapped lines, hyphenated words and
paragraphs or ruled tables (found by `pdf_tables`, one block per row) that continue on the next
page.
"""

from __future__ import annotations

import bisect
import ctypes
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.blocks import Block, table_row
from pipeline.errors import (
    DocumentLoadError,
    EncryptedDocumentError,
    NoTextLayerError,
    TooLargeError,
)
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.readers.ocr import ocr_available, ocr_languages, read_scanned_pages
from pipeline.readers.pdf_form import read_form_fields
from pipeline.readers.pdf_tables import RuledTable as _Table
from pipeline.readers.pdf_tables import find_tables

logger = logging.getLogger(__name__)

# PDFium replaces a hyphen that ends a line with one of these and drops the line break after it.
# LibreOffice draws the hyphen of a soft-hyphen (U+00AD) break as a plain "-", so it arrives here
# the same way as a typed hyphen: the document's vocabulary decides (`_Vocabulary.keeps_hyphen`).
_HYPHEN_MARKERS = "\x02\ufffe"
_LINE_BREAKS = re.compile(r"[\r\n]+")
_LINE_TEXT = re.compile(r"[^\r\n\x02\ufffe]+")
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\uffff]")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_WORD_HYPHEN_AT_END = re.compile(r"[^\W\d_]-$")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+")
_LETTER = re.compile(r"\w")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$", re.IGNORECASE)
# List items: bullet glyphs (Symbol/Wingdings bullets arrive as private-use characters) and
# "1." / "2)" numbering; Spanish "o" ("or") rules out Word's letter-o bullet.
_LIST_ITEM = re.compile(r"^(?:[•◦▪▫●○■□►▸➢➤✓✔·*\-–\uf000-\uf0ff]\s|\d{1,2}[.)]\s)")
# A paragraph that ends like this is finished; one that does not may go on in the next column or
# on the next page. A closing quote or bracket may follow the final mark: `… (2021).` `… ».`
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’»)\]]*$")

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
# A bold title set at 11 pt above a bold 9.5 pt label differs by 14%; the lines of one bold
# title or label share their font. (Body lines are measured on different letters, so their
# sizes vary more than this within a paragraph.)
_BOLD_SIZE_CHANGE = 0.1
# A line that continues a paragraph into the next column or page starts where the paragraph's
# lines start; a first-line indent is larger than this.
_INDENT_TOLERANCE = 0.3
# The column's right edge is the k-th largest line end: robust to a couple of stray lines that
# reach into the margin, which would otherwise make every wrapped line look short.
_COLUMN_EDGE_RANK = 3

# Columns. A gutter is a vertical strip at least this wide (in line heights) that the page's lines
# leave empty, apart from the full-width lines (a title above the columns) that cross it. Word's
# default gutter is 36 pt, LibreOffice's often 0.5 cm: both are wider than a word space. PDFium
# joins two columns' lines that share a baseline and follow each other in the content stream into
# one line; a gap this wide inside a line splits it again.
_MIN_GUTTER = 1.0
_MAX_SPANNING_SHARE = 1 / 3  # at most this share of a page's lines may cross a gutter
# A column is at least this share of the text width: figures aligned at the right edge of a
# page are no column.
_MIN_COLUMN_SHARE = 0.25
_MIN_COLUMN_LINES = 3
# Body text fills its column: most lines end near the column's right edge, while the short labels
# and values of a form laid out in two columns without rules end anywhere. Such a form must stay
# row by row (label, then its value), so a column must be filled like this to count.
_FILL_TOLERANCE = 0.2  # of the column's width
_MIN_FILL_SHARE = 0.5

_MAX_FORM_COVER_LINES = 6
# A table that continues on the next page has the same column edges there (in points).
_TABLE_ALIGNMENT = 3.0

# Running headers and footers: the rows of lines nearest the top or bottom edge of a page (a
# header may take two or three rows) whose text repeats on at least 2 pages and 30% of them, at
# the same distance from the page edge (in points). Only numbers that stay the same or follow
# the page number may differ: `Page 3 of 61`, `- 3 -`, `12 | Rapport périodique`.
_RUNNING_DEPTH = 3
_RUNNING_MIN_PAGES = 2
_RUNNING_SHARE = 0.3
_RUNNING_ALIGNMENT = 3.0
# Short repeated lines are only dropped when they are page numbers (`2`, `- 2 -`, `Page 2 of 9`)
# or stand at the same place on half the pages and 3 at least: a short answer such as `YES` can
# end two pages by chance.
_RUNNING_MIN_CHARS = 12
_SHORT_RUNNING_SHARE = 0.5
_SHORT_RUNNING_MIN_PAGES = 3
_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|p\.|pág\.|página|pag\.)?\W*#(?:\W*(?:of|de|sur|/)\W*#)?\W*$"
)
_NUMBER = re.compile(r"\d+")
_ROMAN_PAGE_NUMBER = re.compile(
    r"^(\W*(?:page\W*)?)((?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(\W*)$"
)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

# Hyphenation: the words of the document, and its hyphenated compounds (possessive quantifiers
# and the look-behind keep the search linear in the length of the text).
_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
_MIN_COMPOUND_PART = 3  # "in-" + "formation", "de-" + "puis" are broken words, not compounds


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
    # Edges of the text column the line stands in (the page's text on a one-column page, where
    # the right edge is measured over the document); set by `_arrange_columns`.
    column_left: float = 0.0
    column_right: float | None = None
    # The first line of a column after the first: it may continue the previous column's paragraph.
    column_break: bool = False


@dataclass(slots=True)
class _Page:
    number: int
    lines: list[_Line]
    top: float
    bottom: float
    tables: list[_Table] = field(default_factory=list)


class _Vocabulary:
    """The document's own words and hyphenated compounds, lower case, to rejoin line-end hyphens.

    Read without the fragments on either side of a line-end hyphen, so that `cultu-` / `ral`
    cannot vouch for themselves, and only when a hyphen needs it: most documents have none.
    """

    def __init__(self, pages: list[_Page]) -> None:
        self._pages = pages
        self._words: frozenset[str] | None = None
        self._compounds: frozenset[str] = frozenset()

    def keeps_hyphen(self, stem: str, rest: str) -> bool:
        """Whether `stem-` at a line end and `rest` on the next line are a hyphenated compound.

        Typesetters hyphenate words (`cultu-` / `ral`) and also break lines after real hyphens
        (`small-` / `scale`); LibreOffice even draws a soft hyphen as "-". The document decides:
        the hyphen stays when the document writes the compound with it elsewhere, or when both
        halves are words of the document and the joined word is not (`small` and `scale` but no
        `smallscale`). Otherwise the halves are one word broken in two, as most are.
        """
        if self._words is None:
            self._words, self._compounds = _read_vocabulary(self._pages)
        stem, rest = stem.lower(), rest.lower()
        if f"{stem}-{rest}" in self._compounds:
            return True
        if stem + rest in self._words:
            return False
        return (
            min(len(stem), len(rest)) >= _MIN_COMPOUND_PART
            and stem in self._words
            and rest in self._words
        )


@dataclass(frozen=True, slots=True)
class _Layout:
    """Document-wide measures the paragraph rules compare a pair of lines against."""

    column_right: dict[int, float]
    usual_pitch: float
    vocabulary: _Vocabulary


@dataclass(slots=True)
class _Paragraph:
    """A paragraph's lines, possibly from two pages; `page` is where it starts."""

    lines: list[_Line]
    page: int


@dataclass(slots=True)
class _TableRun:
    """A ruled table's rows as (page, cells), possibly continued over several pages."""

    edges: tuple[float, ...]
    rows: list[tuple[int, tuple[str, ...]]]


_Item = _Paragraph | _TableRun


def read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    """The blocks of a PDF: paragraphs and table rows in reading order, with 1-based pages.

    A paragraph or a table that continues on the next page is one paragraph or one table,
    on the page where it starts (a table row keeps its own page).
    """
    data = bytes(data)
    document = _open_document(data)
    try:
        # The page tree's count, read before any page is: a 2,000-page export stops here.
        if len(document) > limits.pdf_pages:
            raise TooLargeError(
                f"the PDF has {len(document):,} pages, over the limit of {limits.pdf_pages:,}; "
                "split it into one file per report"
            )
        # The 2012 form's answers live in its fields: when they hold any, they are the content.
        form = read_form_fields(document)
        if form:
            labels = {block.text for block in form if block.bold}
            return _form_cover(document, labels) + _merge_repeated_labels(form)
        pages = [_read_page(document, index) for index in range(len(document))]
        if not any(page.lines or page.tables for page in pages):
            return _scanned(document)
    finally:
        document.close()
    _drop_running_lines(pages)
    boundaries: list[float] = []
    for page in pages:
        boundaries = _arrange_columns(page, boundaries)
    layout = _measure_layout(pages)
    items = _join_pages([(page.number, _page_items(page, layout)) for page in pages], layout)
    blocks: list[Block] = []
    for item in items:
        blocks.extend(_item_blocks(item, layout))
    return blocks


def _scanned(document: pdfium.PdfDocument) -> list[Block]:
    """The text of a PDF whose pages hold only images (a scan), read by OCR where Tesseract is
    installed."""
    if not ocr_available():
        raise NoTextLayerError(
            "The PDF has no text layer (its pages hold only images, as a scan does); run OCR on "
            "it, install Tesseract for qpr to do so (see the README), or supply the original."
        )
    blocks = read_scanned_pages(document)
    if not blocks:
        raise NoTextLayerError(
            f"The PDF has no text layer, and OCR ({ocr_languages()}) found no text on its "
            "pages either; supply the original document."
        )
    return [replace(block, ocr=True) for block in blocks]


def _form_cover(document: pdfium.PdfDocument, labels: set[str]) -> list[Block]:
    """The printed lines that head a form's first page (its title, the cycle's year), up to
    the first printed question: the page text is otherwise left out, as the fields hold the
    answers. A first page that cannot be read gives no cover: the fields are the content."""
    try:
        page = document[0]
    except pdfium.PdfiumError:
        return []
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
        page.close()
    cover: list[Block] = []
    for raw in _LINE_BREAKS.split(text):
        line = _clean(raw)
        if line in labels or len(cover) == _MAX_FORM_COVER_LINES:
            break
        if line:
            cover.append(Block(text=line, page=1))
    return cover


def _merge_repeated_labels(blocks: list[Block]) -> list[Block]:
    """One label block for consecutive fields that share a label (a row of check boxes, each
    a field of its own), so their values read as one field's lines."""
    merged: list[Block] = []
    last_label: str | None = None
    for block in blocks:
        if block.bold:
            if block.text == last_label:
                continue
            last_label = block.text
        merged.append(block)
    return merged


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


def _read_page(document: pdfium.PdfDocument, index: int) -> _Page:
    number = index + 1
    tables: list[_Table] = []
    try:
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                lines = _page_lines(textpage, page.get_width())
                if page.get_rotation() == 0:
                    tables = find_tables(page.raw, textpage.raw)
            finally:
                textpage.close()
            _, bottom, _, top = page.get_mediabox()
        finally:
            page.close()
    except pdfium.PdfiumError as error:
        raise DocumentLoadError(f"Page {number} of the PDF cannot be read ({error}).") from error
    if not lines:
        logger.info("page %s has no text layer", number)
    result = _Page(number, lines, top=top, bottom=bottom, tables=tables)
    if tables:
        result.lines = _drop_table_lines(lines, tables)
    return result


# --- lines -------------------------------------------------------------------------------------


def _page_lines(textpage: pdfium.PdfTextPage, page_width: float) -> list[_Line]:
    text = textpage.get_text_range()
    reader = _GeometryReader(textpage.raw)
    lines = []
    for start, end, hyphen in _line_spans(text):
        lines.extend(reader.lines(text, start, end, hyphen, page_width))
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

    def lines(
        self, text: str, start: int, end: int, hyphen_marker: bool, page_width: float
    ) -> list[_Line]:
        """The line `text[start:end]`, in pieces where a gap as wide as a gutter parts it."""
        raw = text[start:end]
        content, hyphen = _split_hyphen(_clean(raw), hyphen_marker)
        if not content:
            return []
        visible = raw.strip()
        start += len(raw) - len(raw.lstrip())
        end = start + len(visible)
        first = self._char_index(start, 1, end)
        last = self._char_index(end - 1, -1, start - 1)
        rects = self._rects(first, last) if first is not None and last is not None else []
        if first is None or last is None or not rects:
            return []
        split = self._gutter_split(rects, start, end)
        if split is not None:
            return self.lines(text, start, split, False, page_width) + self.lines(
                text, split, end, hyphen_marker, page_width
            )
        left = min(rect[0] for rect in rects)
        baseline, height = self._baseline_and_height(self._letter(visible, start, end, first))
        return [
            _Line(
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
        ]

    def _gutter_split(
        self, rects: list[tuple[float, float, float, float]], start: int, end: int
    ) -> int | None:
        """The text index where the line's text jumps a gutter-wide gap, if it does.

        PDFium cuts a line into one rectangle per text object: the gap can only lie between two.
        """
        for before, after in pairwise(rects):
            height = before[3] - before[1]
            side_by_side = after[1] < before[3] and before[1] < after[3]
            if not side_by_side or after[0] - before[2] < _MIN_GUTTER * height:
                continue
            middle = (after[1] + after[3]) / 2
            char_index = pdfium_c.FPDFText_GetCharIndexAtPos(
                self._textpage, after[0] + 0.5, middle, 1.0, 1.0
            )
            if char_index < 0:
                continue
            text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex(self._textpage, char_index)
            if start < text_index < end:
                return int(text_index)
        return None

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


# --- running headers and footers ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _EdgeMark:
    """A line or table among the rows nearest the top or the bottom edge of a page."""

    item: _Line | _Table
    page: int
    side: str  # "top" or "bottom"
    distance: float  # from the page edge on that side, in points
    pattern: str  # the text folded, its numbers written `#`
    numbers: tuple[int, ...]


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove running headers and footers (and header tables): the rows at a page's top or bottom
    edge whose text stands at the same place on several pages, page numbers aside.

    Repetition decides, not position alone: a title at the top of one page stays. Rows are taken
    from the edge inwards and the first row that is not running ends the header, so a form label
    repeated under each page's different title stays too.
    """
    stacks = {page.number: _edge_stacks(page) for page in pages}
    marks = [
        mark
        for page_stacks in stacks.values()
        for stack in page_stacks
        for row in stack
        for mark in row
    ]
    running = _running_marks(marks, len(pages))
    if not running:
        return
    for page in pages:
        dropped: set[int] = set()
        for stack in stacks[page.number]:
            for row in stack:
                hits = [mark for mark in row if id(mark) in running]
                dropped.update(id(mark.item) for mark in hits)
                if len(hits) < len(row):
                    break
        page.lines = [line for line in page.lines if id(line) not in dropped]
        page.tables = [table for table in page.tables if id(table) not in dropped]


def _edge_stacks(page: _Page) -> tuple[list[list[_EdgeMark]], list[list[_EdgeMark]]]:
    """The page's rows nearest its top and its bottom, each from the edge inwards."""
    items: list[_Line | _Table] = [*page.lines, *page.tables]
    items.sort(key=lambda item: -item.top)
    top = [[_edge_mark(item, page, "top") for item in row] for row in _edge_rows(items)]
    bottom = [
        [_edge_mark(item, page, "bottom") for item in row] for row in _edge_rows(reversed(items))
    ]
    return top, bottom


def _edge_rows(items: Iterable[_Line | _Table]) -> list[list[_Line | _Table]]:
    """The first rows of `items`, taken in their order: lines on one baseline share a row."""
    rows: list[list[_Line | _Table]] = []
    for item in items:
        previous = rows[-1][-1] if rows else None
        if isinstance(item, _Line) and isinstance(previous, _Line) and _same_row(previous, item):
            rows[-1].append(item)
        elif len(rows) == _RUNNING_DEPTH:
            break
        else:
            rows.append([item])
    return rows


def _same_row(upper: _Line, lower: _Line) -> bool:
    return abs(_drop(upper, lower)) < _SAME_LINE


def _edge_mark(item: _Line | _Table, page: _Page, side: str) -> _EdgeMark:
    # A line's place is its baseline, which does not move with the digits of a page number.
    if isinstance(item, _Line):
        text = item.text
        upper = lower = item.baseline
    else:
        text = " ".join(cell for row in item.rows for cell in row)
        upper, lower = item.top, item.bottom
    distance = page.top - upper if side == "top" else lower - page.bottom
    pattern, numbers = _fold_numbers(" ".join(text.lower().split()))
    return _EdgeMark(item, page.number, side, distance, pattern, numbers)


def _fold_numbers(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with its numbers written `#`, and the numbers; a page number in roman numerals
    (`iv`, `- xii -`, `Page ii`) counts as a number, as front matter is often numbered so."""
    # A `#` of the text itself is escaped, so that `Page #` and `Page 1` differ in shape.
    text = text.replace("\\", "\\\\").replace("#", "\\#")
    roman = _ROMAN_PAGE_NUMBER.match(text)
    if roman is not None:
        return f"{roman.group(1)}#{roman.group(3)}", (_roman_value(roman.group(2)),)
    # A run of digits too long for a page number is never one (and past 4,300 digits, Python
    # refuses to convert it): it counts as the same non-page number, -1.
    numbers = tuple(int(number) if len(number) < 10 else -1 for number in _NUMBER.findall(text))
    return _NUMBER.sub("#", text), numbers


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[letter] for letter in numeral]
    # A numeral smaller than the one after it is subtracted: `iv` is 4, `xl` 40.
    return sum(
        -value if value < following else value for value, following in pairwise([*values, 0])
    )


def _running_marks(marks: list[_EdgeMark], page_count: int) -> set[int]:
    """The ids of the marks that are running headers or footers."""
    groups: dict[tuple[str, str], list[_EdgeMark]] = {}
    for mark in marks:
        groups.setdefault((mark.side, mark.pattern), []).append(mark)
    running: set[int] = set()
    for (_, pattern), group in groups.items():
        if len({mark.page for mark in group}) < _RUNNING_MIN_PAGES:
            continue
        repeated = _numbered_as_pages(_aligned(group), pattern)
        if len({mark.page for mark in repeated}) >= _pages_needed(pattern, page_count):
            running.update(id(mark) for mark in repeated)
    return running


def _aligned(group: list[_EdgeMark]) -> list[_EdgeMark]:
    """The marks at the distance from the page edge that most pages of the group share: a
    running line is drawn at one place on every page, a repeated body line wherever it falls."""
    ordered = sorted(group, key=lambda mark: mark.distance)
    best: list[_EdgeMark] = []
    first = 0
    for last, mark in enumerate(ordered):
        while mark.distance - ordered[first].distance > _RUNNING_ALIGNMENT:
            first += 1
        window = ordered[first : last + 1]
        if len({item.page for item in window}) > len({item.page for item in best}):
            best = window
    return best


def _numbered_as_pages(group: list[_EdgeMark], pattern: str) -> list[_EdgeMark]:
    """The marks whose every number is either the group's usual one (`2020–2023`, `of 61`) or
    follows the page number: the same offset from it on another page too (`Page 3` on page 4,
    `Page 4` on page 5, as when the cover is not numbered)."""
    if not group or not group[0].numbers:
        return group
    slots = range(len(group[0].numbers))
    usual = [Counter(mark.numbers[slot] for mark in group).most_common(1)[0][0] for slot in slots]
    pages_by_offset: dict[tuple[int, int], set[int]] = {}
    for mark in group:
        for slot in slots:
            pages_by_offset.setdefault((slot, mark.numbers[slot] - mark.page), set()).add(mark.page)
    page_number_only = _PAGE_NUMBER.match(pattern) is not None
    kept = []
    for mark in group:
        follows = [
            len(pages_by_offset[(slot, mark.numbers[slot] - mark.page)]) > 1 for slot in slots
        ]
        constant = [mark.numbers[slot] == usual[slot] for slot in slots]
        fits = all(follow or same for follow, same in zip(follows, constant, strict=True))
        # A line shaped like a page number must have a number that follows the page: a figure
        # such as `2021` can end two pages.
        if fits and (any(follows) or not page_number_only):
            kept.append(mark)
    return kept


def _pages_needed(pattern: str, page_count: int) -> int:
    needed = max(_RUNNING_MIN_PAGES, math.ceil(_RUNNING_SHARE * page_count))
    if len(pattern) >= _RUNNING_MIN_CHARS or _PAGE_NUMBER.match(pattern):
        return needed
    return max(needed, _SHORT_RUNNING_MIN_PAGES, math.ceil(_SHORT_RUNNING_SHARE * page_count))


# --- columns -----------------------------------------------------------------------------------


def _arrange_columns(page: _Page, previous: list[float]) -> list[float]:
    """Put a page of columns in reading order and give every line the edges of its column.

    Each band of columns, between full-width lines (a title above the columns), is read column by
    column from the left; lines keep PDFium's order within a column. PDFium follows the content
    stream: word processors write it column by column, but other producers write it frame by
    frame, right column first, or row by row across the columns.

    `previous` are the column boundaries of the page before, which a page that ends a section
    of columns in its first column only takes over; the page's own boundaries are returned.
    """
    if not page.lines:
        return []
    boundaries = _find_boundaries(page.lines) or _taken_over(page.lines, previous)
    if boundaries:
        _read_in_columns(page, boundaries)
    else:
        page_left = min(line.left for line in page.lines)
        for line in page.lines:
            line.column_left = page_left
    return boundaries


def _read_in_columns(page: _Page, boundaries: list[float]) -> None:
    columns, spanning = _split_columns(page.lines, boundaries)
    full_width = len(columns)  # a full-width line comes after the columns above it
    column_of = {id(line): index for index, column in enumerate(columns) for line in column}
    spanning_tops = sorted(-line.baseline for line in spanning)
    places: dict[int, tuple[int, int]] = {}
    for line in page.lines:
        # The band is the number of full-width lines above the line.
        band = bisect.bisect_left(spanning_tops, -line.baseline - _SAME_LINE * line.height)
        places[id(line)] = (band, column_of.get(id(line), full_width))
    page.lines.sort(key=lambda line: places[id(line)])
    for column in columns:
        _set_column_edges(column)
    page_left = min(line.left for line in page.lines)
    for line in spanning:
        line.column_left = page_left
    for upper, lower in pairwise(page.lines):
        upper_band, upper_column = places[id(upper)]
        lower_band, lower_column = places[id(lower)]
        same_band = upper_band == lower_band
        lower.column_break = same_band and upper_column < lower_column < full_width


def _find_boundaries(lines: list[_Line]) -> list[float]:
    """Where the page's text parts into columns, left to right: the middle of each gutter, a
    vertical strip that only full-width lines cross. Nothing on a page of one column."""
    if len(lines) < 2 * _MIN_COLUMN_LINES:
        return []
    left = min(line.left for line in lines)
    right = max(line.right for line in lines)
    margin = _MIN_COLUMN_SHARE * (right - left)
    # A cheap first test: the lines of a second column start well inside the text.
    if sum(line.left >= left + margin for line in lines) < _MIN_COLUMN_LINES:
        return []
    height = sorted(line.height for line in lines)[len(lines) // 2]
    boundaries = [
        (start + end) / 2 for start, end in _valleys(lines) if end - start >= _MIN_GUTTER * height
    ]
    edges = [left, *boundaries, right]
    if not boundaries or any(after - before < margin for before, after in pairwise(edges)):
        return []
    columns, _ = _split_columns(lines, boundaries)
    if all(len(column) >= _MIN_COLUMN_LINES and _fills(column) for column in columns):
        return boundaries
    return []


def _taken_over(lines: list[_Line], previous: list[float]) -> list[float]:
    """The page before's column boundaries, if most of this page's lines are body text within
    those columns (the end of a section of columns that fills one column only)."""
    if not previous:
        return []
    columns, spanning = _split_columns(lines, previous)
    if len(spanning) * 2 > len(lines) or not all(_fills(column) for column in columns if column):
        return []
    return previous


def _valleys(lines: list[_Line]) -> list[tuple[float, float]]:
    """The x ranges inside the text that fewer lines cross than on either side of them, and at
    most a third of the page's lines (the full-width ones): the gutters, with ragged line ends
    and the starts of the next column's lines on either side."""
    events = sorted([(line.left, 1) for line in lines] + [(line.right, -1) for line in lines])
    stretches: list[tuple[float, float, int]] = []  # (from x, to x, lines crossing)
    depth = 0
    for (x, step), (next_x, _) in pairwise(events):
        depth += step
        if next_x <= x:
            continue
        if stretches and stretches[-1][2] == depth:
            stretches[-1] = (stretches[-1][0], next_x, depth)
        else:
            stretches.append((x, next_x, depth))
    allowed = int(_MAX_SPANNING_SHARE * len(lines))
    return [
        (start, end)
        for (_, _, before), (start, end, depth), (_, _, after) in zip(
            stretches, stretches[1:], stretches[2:], strict=False
        )
        if depth <= allowed and depth < before and depth < after
    ]


def _split_columns(
    lines: list[_Line], boundaries: list[float]
) -> tuple[list[list[_Line]], list[_Line]]:
    """The lines of each column, and the lines that cross a boundary (full-width lines)."""
    columns: list[list[_Line]] = [[] for _ in range(len(boundaries) + 1)]
    spanning = []
    for line in lines:
        index = _column_of(line, boundaries)
        if index is None:
            spanning.append(line)
        else:
            columns[index].append(line)
    return columns, spanning


def _column_of(line: _Line, boundaries: list[float]) -> int | None:
    for index, boundary in enumerate(boundaries):
        if line.right <= boundary:
            return index
        if line.left < boundary:
            return None
    return len(boundaries)


def _fills(column: list[_Line]) -> bool:
    """Whether the lines fill their column as wrapped body text does."""
    edge = max(line.right for line in column)
    reach = edge - _FILL_TOLERANCE * (edge - min(line.left for line in column))
    return sum(line.right >= reach for line in column) >= _MIN_FILL_SHARE * len(column)


def _set_column_edges(column: list[_Line]) -> None:
    if not column:
        return
    left = min(line.left for line in column)
    rights = sorted((line.right for line in column), reverse=True)
    right = rights[min(_COLUMN_EDGE_RANK, len(rights)) - 1]
    for line in column:
        line.column_left, line.column_right = left, right


# --- tables ------------------------------------------------------------------------------------


def _cell_text(cell: str, vocabulary: _Vocabulary) -> str:
    text = ""
    hyphen = _Hyphen.NONE
    for raw in _LINE_BREAKS.split(cell):
        line, next_hyphen = _split_hyphen(_clean(raw), hyphen_marker=False)
        if line:
            text = _join(text, hyphen, line, vocabulary) if text else line
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
        for upper, lower in pairwise(page.lines):
            if not lower.break_before and not lower.column_break:
                pitch = _pitch(upper, lower)
                if pitch is not None and pitch > _SAME_LINE:
                    pitches.append(pitch)
        for line in page.lines:
            ends.setdefault(round(line.page_width), []).append(line.right)
    column_right = {
        width: sorted(rights, reverse=True)[min(_COLUMN_EDGE_RANK, len(rights)) - 1]
        for width, rights in ends.items()
    }
    # The lower quartile of pitches is the spacing inside a paragraph even in a form where
    # most neighbouring lines belong to different one-line paragraphs.
    usual_pitch = sorted(pitches)[len(pitches) // 4] if pitches else _DEFAULT_PITCH
    return _Layout(column_right, usual_pitch, _Vocabulary(pages))


def _pitch(upper: _Line, lower: _Line) -> float | None:
    """The baseline drop in line heights, or None when the two lines differ in size."""
    return _drop(upper, lower) if _same_size(upper, lower) else None


def _same_size(upper: _Line, lower: _Line) -> bool:
    return abs(upper.height - lower.height) <= _SIZE_CHANGE * max(upper.height, lower.height)


def _page_items(page: _Page, layout: _Layout) -> list[_Item]:
    """The page's paragraphs in reading order, each table placed just before the paragraph
    nearest below it. PDFium follows the content stream, where a footer drawn first can come
    before text that stands above the table, so "first below" would be wrong."""
    groups = _line_groups(page.lines, layout)
    tables_before: dict[int, list[_Table]] = {}
    for table in page.tables:
        below = [index for index, group in enumerate(groups) if group[0].top <= table.top]
        nearest = max(below, key=lambda index: groups[index][0].top, default=len(groups))
        tables_before.setdefault(nearest, []).append(table)
    items: list[_Item] = []
    for index in range(len(groups) + 1):
        for table in tables_before.get(index, []):
            items.append(_table_run(table, page.number, layout.vocabulary))
        if index < len(groups):
            items.append(_Paragraph(groups[index], page.number))
    return items


def _table_run(table: _Table, page: int, vocabulary: _Vocabulary) -> _TableRun:
    rows = [(page, tuple(_cell_text(cell, vocabulary) for cell in row)) for row in table.rows]
    return _TableRun(table.edges, rows)


def _line_groups(lines: list[_Line], layout: _Layout) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and not _starts_paragraph(groups[-1], line, layout):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _drop(upper: _Line, lower: _Line) -> float:
    """How far the baseline moves down from `upper` to `lower`, in line heights."""
    return (upper.baseline - lower.baseline) / max(upper.height, lower.height)


def _starts_paragraph(group: list[_Line], lower: _Line, layout: _Layout) -> bool:
    """Whether `lower` starts a new paragraph after the lines of `group`."""
    upper = group[-1]
    if lower.break_before:
        return True
    if lower.column_break:
        return not _continues(group, lower, layout)
    drop = _drop(upper, lower)
    if abs(drop) < _SAME_LINE:
        return False
    pitch = _pitch(upper, lower)
    if pitch is None or drop < 0 or pitch > layout.usual_pitch * _GAP_FACTOR:
        return True
    # Form labels end with ':' or '?:' and their value starts on the next line; a title set
    # larger than the bold label below it (`Où`) is not continued by it.
    if upper.text.endswith(":") or upper.bold != lower.bold or _LIST_ITEM.match(lower.text):
        return True
    if upper.bold and _heading_size_changes(upper, lower):
        return True
    if upper.hyphen is not _Hyphen.NONE:
        return False
    # A line that wrapped had no room for the next line's first word; if the word would have
    # fitted, the line was ended on purpose (a list of names, a short value, a last line).
    return not _is_full(upper, lower, layout)


def _heading_size_changes(upper: _Line, lower: _Line) -> bool:
    return abs(upper.height - lower.height) > _BOLD_SIZE_CHANGE * max(upper.height, lower.height)


def _is_full(upper: _Line, lower: _Line, layout: _Layout) -> bool:
    """Whether `upper` had no room left for the first word of `lower`, as a line that wrapped."""
    column_right = upper.column_right
    if column_right is None:
        column_right = layout.column_right[round(upper.page_width)]
    room_needed = _SPACE_WIDTH * upper.height + lower.first_word_width
    # Widths are estimates: the word must fit with some room to spare before the line counts
    # as ended on purpose.
    return upper.right + room_needed + _FIT_MARGIN * upper.height >= column_right


def _continues(group: list[_Line], lower: _Line, layout: _Layout) -> bool:
    """Whether `lower`, the first line of a column or a page, goes on with the paragraph `group`
    that ends the column or page before.

    The paragraph must not end a sentence, and `lower` must start in lower case or else start
    where the paragraph's lines start (no first-line indent) after a line that had no room left.
    A heading or a form label (bold or in capitals), a list item or a change of size never
    continues and is never continued.
    """
    upper = group[-1]
    if _is_heading(group) or _is_heading([lower]) or _LIST_ITEM.match(lower.text):
        return False
    if not _same_size(upper, lower):
        return False
    if upper.hyphen is not _Hyphen.NONE:
        return True
    if _ENDS_SENTENCE.search(upper.text):
        return False
    if lower.text[:1].islower():
        return True
    return _same_indent(group, lower) and _is_full(upper, lower, layout)


def _is_heading(lines: list[_Line]) -> bool:
    if lines[-1].bold:
        return True
    # Reports set goal and area headings in capitals: `GOAL 2. ACHIEVE A BALANCED FLOW …`.
    text = " ".join(line.text for line in lines)
    return text.isupper() and len(_WORD.findall(text)) > 1


def _same_indent(group: list[_Line], lower: _Line) -> bool:
    """Whether `lower` starts where the paragraph's lines do, each measured from its own column
    (so that columns and mirrored page margins compare)."""
    upper = group[-1]
    indent = upper.left - upper.column_left
    lower_indent = lower.left - lower.column_left
    tolerance = _INDENT_TOLERANCE * lower.height
    if len(group) > 1:
        return abs(lower_indent - indent) <= tolerance
    # A paragraph's only line may carry a first-line indent that its next lines do not.
    return lower_indent <= indent + tolerance


def _paragraph_block(lines: list[_Line], layout: _Layout, page: int) -> Block:
    text = lines[0].text
    for upper, lower in pairwise(lines):
        same_line = abs(_drop(upper, lower)) < _SAME_LINE and not lower.column_break
        if upper.hyphen is _Hyphen.HARD and same_line:
            text = f"{text}-{lower.text}"  # not a line end: the hyphen is part of the text
        else:
            text = _join(text, upper.hyphen, lower.text, layout.vocabulary)
    text = _close_hyphen(text, lines[-1].hyphen)
    return Block(text=text, page=page, bold=all(line.bold for line in lines))


# --- pages -------------------------------------------------------------------------------------


def _join_pages(pages: list[tuple[int, list[_Item]]], layout: _Layout) -> list[_Item]:
    """The pages' items in order, where a paragraph or a table at the top of a page that goes on
    with the one ending the page before is joined to it."""
    items: list[_Item] = []
    previous_page: int | None = None
    for number, page_items in pages:
        if not page_items:
            continue
        first, *rest = page_items
        carried = bool(items) and previous_page == number - 1
        if not (carried and _carry_over(items[-1], first, layout)):
            items.append(first)
        items.extend(rest)
        previous_page = number
    return items


def _carry_over(previous: _Item, first: _Item, layout: _Layout) -> bool:
    """Join `first`, at the top of a page, to `previous`, at the end of the page before, when it
    goes on with it; whether it did."""
    if isinstance(previous, _Paragraph) and isinstance(first, _Paragraph):
        if _continues(previous.lines, first.lines[0], layout):
            previous.lines.extend(first.lines)
            return True
    elif isinstance(previous, _TableRun) and isinstance(first, _TableRun):
        if _same_columns(previous.edges, first.edges):
            _extend_table(previous, first, layout.vocabulary)
            return True
    return False


def _same_columns(edges: tuple[float, ...], other: tuple[float, ...]) -> bool:
    return len(edges) == len(other) and all(
        abs(edge - other_edge) <= _TABLE_ALIGNMENT
        for edge, other_edge in zip(edges, other, strict=True)
    )


def _extend_table(run: _TableRun, following: _TableRun, vocabulary: _Vocabulary) -> None:
    rows = following.rows
    # Word and LibreOffice repeat the header row on every page the table takes.
    if rows[0][1] == run.rows[0][1]:
        rows = rows[1:]
    if rows and _splits_row(run, rows[0][1]):
        page, cells = run.rows[-1]
        rest = rows[0][1]
        joined = (
            _join_cells(cell, more, vocabulary) for cell, more in zip(cells, rest, strict=False)
        )
        run.rows[-1] = (page, tuple(joined))
        rows = rows[1:]
    run.rows.extend(rows)


def _splits_row(run: _TableRun, cells: tuple[str, ...]) -> bool:
    """Whether `cells`, the first row on a page, is the rest of the run's last row, cut by the
    page break (Word and LibreOffice let a row break across pages by default).

    A cut row goes on in the cells whose text did not fit, and the cells whose text ended on the
    page before stay empty: `Kolkata Community Radio | CSO` goes on as `Association | `. So the
    row's filled cells must be among those filled above it, and not all of them, unless every
    cell goes on in lower case. The price: a partner without a type that happens to open a page
    is taken for the end of the name above it.
    """
    previous = run.rows[-1][1]
    filled = [cell for cell in cells if cell]
    if filled and all(cell[:1].islower() for cell in filled):
        return True
    pairs = list(zip(cells, previous, strict=False))
    goes_on = bool(filled) and all(above for cell, above in pairs if cell)
    if not goes_on or not any(above and not cell for cell, above in pairs):
        return False
    # Where the first column has empty cells already (a cell merged over several rows), an
    # empty first cell is no sign of a cut row.
    return bool(cells[0]) or all(row[0] for _, row in run.rows)


def _join_cells(cell: str, more: str, vocabulary: _Vocabulary) -> str:
    if not cell or not more:
        return cell or more
    if _WORD_HYPHEN_AT_END.search(cell):
        return _join(cell[:-1], _Hyphen.HARD, more, vocabulary)
    return f"{cell} {more}"


def _item_blocks(item: _Item, layout: _Layout) -> list[Block]:
    if isinstance(item, _Paragraph):
        return [_paragraph_block(item.lines, layout, item.page)]
    return [table_row(cells, page) for page, cells in item.rows]


# --- hyphenation -------------------------------------------------------------------------------


def _read_vocabulary(pages: list[_Page]) -> tuple[frozenset[str], frozenset[str]]:
    """The words and the hyphenated compounds (as pairs of neighbouring parts: `of-the` in
    `state-of-the-art`) of the pages' lines and table cells, less the fragments of every word
    broken at a line end."""
    lines = [(line.text, line.hyphen) for page in pages for line in page.lines]
    texts = list(_without_fragments(lines))
    for page in pages:
        for table in page.tables:
            for row in table.rows:
                for cell in row:
                    cell_lines = (
                        _split_hyphen(_clean(raw), False) for raw in _LINE_BREAKS.split(cell)
                    )
                    texts.extend(_without_fragments(cell_lines))
    text = "\n".join(texts).lower()
    compounds: set[str] = set()
    if "-" in text:
        for match in _COMPOUND.finditer(text):
            parts = match[0].split("-")
            compounds.update(f"{part}-{next_part}" for part, next_part in pairwise(parts))
    return frozenset(_WORD.findall(text)), frozenset(compounds)


def _without_fragments(lines: Iterable[tuple[str, _Hyphen]]) -> Iterator[str]:
    """The lines' texts in order, less the word halves on either side of a line-end hyphen."""
    broken = False
    for text, hyphen in lines:
        if broken:
            text = _FIRST_WORD.sub("", text, count=1)
        broken = hyphen is not _Hyphen.NONE
        yield _LAST_WORD.sub("", text) if broken else text


def _join(text: str, hyphen: _Hyphen, following: str, vocabulary: _Vocabulary) -> str:
    """`text` and the next line's `following`, glued as the end-of-line hyphen says."""
    if hyphen is _Hyphen.SOFT:
        return text + following
    if hyphen is _Hyphen.NONE:
        return f"{text} {following}"
    stem, rest = _LAST_WORD.search(text), _FIRST_WORD.match(following)
    # A hyphen before a capital or a figure belongs to the text: `COVID-` / `19`, `Franco-` /
    # `British`.
    if not following[:1].islower() or stem is None or rest is None:
        return f"{text}-{following}"
    # A web address is never hyphenated by the layout: its hyphen is part of it
    # (`…/professionnels-de-la-` / `culture`).
    if _URL_TAIL.search(text) or vocabulary.keeps_hyphen(stem.group(), rest.group()):
        return f"{text}-{following}"
    return text + following


def _close_hyphen(text: str, hyphen: _Hyphen) -> str:
    return f"{text}-" if hyphen is _Hyphen.HARD else text
