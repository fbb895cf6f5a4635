"""PDF reader: the bytes of a PDF in, its text as `Block`s out, in reading order.

This module is the reader's side of PDFium: it opens the document, reads each page's text lines
with their geometry (box, baseline, size, boldness) and hands the pages to `pdf_layout`, which
drops running headers and footers, reads columns in order and rejoins wrapped lines, hyphenated
words and paragraphs or ruled tables (found by `pdf_tables`) that continue on the next page.
A filled-in form is read from its fields (`pdf_form`), a scan by OCR (`ocr`).
"""

from __future__ import annotations

import ctypes
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.blocks import Block
from pipeline.errors import (
    DocumentLoadError,
    EncryptedDocumentError,
    NoTextLayerError,
    TooLargeError,
)
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.readers.ocr import ocr_available, ocr_languages, read_scanned_pages
from pipeline.readers.pdf_form import read_form_fields
from pipeline.readers.pdf_layout import lay_out
from pipeline.readers.pdf_layout.columns import MIN_GUTTER
from pipeline.readers.pdf_layout.lines import LINE_BREAKS, Line, Page, clean, split_hyphen
from pipeline.readers.pdf_layout.tables import drop_table_lines
from pipeline.readers.pdf_tables import RuledTable, find_tables

logger = logging.getLogger(__name__)

# PDFium replaces a hyphen that ends a line with one of these and drops the line break after it.
# LibreOffice draws the hyphen of a soft-hyphen (U+00AD) break as a plain "-", so it arrives here
# the same way as a typed hyphen: the document's vocabulary decides (`Vocabulary.keeps_hyphen`).
_HYPHEN_MARKERS = "\x02\ufffe"
_LINE_TEXT = re.compile(r"[^\r\n\x02\ufffe]+")
# A line's size is measured on its first letter: a bullet glyph has other metrics.
_LETTER = re.compile(r"\w")

# A font is bold when it says so in any of three ways, as producers differ: by its weight (600
# is semi-bold in the OpenType scale), by the ForceBold flag (bit 19 of the font descriptor's
# flags, PDF 32000 §9.8.2), or by its name (`Arial-BoldMT`, `Roboto-Black`).
_BOLD_NAME_PARTS = (b"bold", b"black", b"heavy", b"demi")
_FORCE_BOLD_FLAG = 1 << 18
_BOLD_WEIGHT = 600

# A form's printed cover (title, cycle) is a few lines: past this, the text is questions.
_MAX_FORM_COVER_LINES = 6


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
    return lay_out(pages)


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
    for raw in LINE_BREAKS.split(text):
        line = clean(raw)
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


def _read_page(document: pdfium.PdfDocument, index: int) -> Page:
    number = index + 1
    tables: list[RuledTable] = []
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
    result = Page(number, lines, top=top, bottom=bottom, tables=tables)
    if tables:
        result.lines = drop_table_lines(lines, tables)
    return result


# --- lines -------------------------------------------------------------------------------------


def _page_lines(textpage: pdfium.PdfTextPage, page_width: float) -> list[Line]:
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
    ) -> list[Line]:
        """The line `text[start:end]`, in pieces where a gap as wide as a gutter parts it."""
        raw = text[start:end]
        content, hyphen = split_hyphen(clean(raw), hyphen_marker)
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
            Line(
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
            if not side_by_side or after[0] - before[2] < MIN_GUTTER * height:
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
