"""The text of a scanned PDF, read by Tesseract when it is installed: each page rendered by PDFium
and recognised in English, French and Spanish (those of them installed), one block per paragraph.

Tesseract is a program, not a library: it is run once per page, the image given on its stdin.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

import pypdfium2 as pdfium

from pipeline.blocks import Block
from pipeline.errors import DocumentLoadError, ExtractionTimeoutError

# The form's languages; `osd` and the rest are never asked for.
_LANGUAGES = ("eng", "fra", "spa")
# 300 dpi is what Tesseract is trained for; form text is 9-12 pt.
_DPI = 300
# A line whose right end is this close to the text's right margin (a share of the text width)
# was wrapped: its paragraph goes on.
_WRAP_SLACK = 0.12
# A page that takes longer is not a page of a report.
_SECONDS_PER_PAGE = 120.0


def ocr_available() -> bool:
    """Tesseract is installed with one of the form's languages, and not turned off (QPR_OCR=0:
    a batch that would rather quarantine scans than spend seconds per page on them)."""
    return os.environ.get("QPR_OCR", "1") != "0" and _languages() != ""


@cache
def _program() -> str | None:
    return shutil.which("tesseract")


@cache
def _languages() -> str:
    """The form's languages Tesseract has data for, as its `-l` argument; "" when it has none or
    is not installed."""
    program = _program()
    if program is None:
        return ""
    try:
        listed = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=True
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return ""
    return "+".join(language for language in _LANGUAGES if language in listed)


def ocr_languages() -> str:
    """For messages: the languages recognised, as Tesseract names them."""
    return _languages().replace("+", ", ")


def read_scanned_pages(document: pdfium.PdfDocument) -> list[Block]:
    """One block per recognised paragraph, with its 1-based page."""
    blocks: list[Block] = []
    for index in range(len(document)):
        page = document[index]
        try:
            image = page.render(scale=_DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()
        png = io.BytesIO()
        image.save(png, format="PNG")
        lines = _lines(_recognise(png.getvalue(), index + 1))
        blocks.extend(Block(text=text, page=index + 1) for text in _paragraphs(lines))
    return blocks


@dataclass(frozen=True, slots=True)
class _Line:
    paragraph: tuple[int, int]
    text: str
    left: int
    right: int


def _lines(tsv: str) -> list[_Line]:
    """Tesseract's words (TSV level 5) gathered into its lines, in reading order."""
    words: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5" or not cells[11].strip():
            continue
        block, paragraph, line = int(cells[2]), int(cells[3]), int(cells[4])
        left, width = int(cells[6]), int(cells[8])
        words.setdefault((block, paragraph, line), []).append((left, left + width, cells[11]))
    return [
        _Line(key[:2], " ".join(text for _, _, text in row), row[0][0], max(r for _, r, _ in row))
        for key, row in words.items()
    ]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines joined into paragraphs as the PDF reader joins them: a line that runs to the right
    margin continues on the next one of its paragraph, unless it ends like a label."""
    if not lines:
        return []
    margin = max(line.right for line in lines)
    width = margin - min(line.left for line in lines)
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        wrapped = (
            previous is not None
            and previous.paragraph == line.paragraph
            and previous.right >= margin - _WRAP_SLACK * width
            and not previous.text.endswith((":", "?"))
        )
        if wrapped:
            joint = "" if paragraphs[-1].endswith("-") else " "
            paragraphs[-1] += joint + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _recognise(png: bytes, page: int) -> str:
    program = _program()
    assert program is not None, "ocr_available() is checked first"
    try:
        done = subprocess.run(
            [program, "stdin", "stdout", "-l", _languages(), "--psm", "3", "tsv"],
            input=png,
            capture_output=True,
            timeout=_SECONDS_PER_PAGE,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ExtractionTimeoutError(
            f"OCR of page {page} took longer than {_SECONDS_PER_PAGE:g} s and was stopped"
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise DocumentLoadError(f"OCR failed on page {page} ({message[0]})")
    return done.stdout.decode("utf-8", "replace")
