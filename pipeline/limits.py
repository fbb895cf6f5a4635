"""The limits one input must keep to: checked before parsing where they can be, so an enormous or
hostile file costs a `too_large` record, not the worker's memory or the batch's time.

The defaults sit far above what a periodic report needs (the longest whole report in samples/
has 62 pages and 112,000 characters of text) and far below what would hurt a 2-core, few-GiB worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import TooLargeError

MIB = 2**20


@dataclass(frozen=True, slots=True)
class Limits:
    # Bytes of the input file, checked before it is read into memory.
    file_bytes: int = 256 * MIB
    # Bytes of a text or HTML file once embedded data (data: URIs) is set aside: its text is
    # what every later stage walks, line by line.
    text_bytes: int = 32 * MIB
    # Declared uncompressed bytes of a DOCX package's members, all together (zip bombs).
    docx_uncompressed_bytes: int = 512 * MIB
    # Pages of a PDF, counted from its page tree before any page is read.
    pdf_pages: int = 1_000
    # Characters kept of one free-text value (description, results, ...); a longer value is cut,
    # with an issue, before language detection and NLP walk it.
    field_characters: int = 100_000
    # Seconds one document may take where documents run in a child process (the ingest flow's
    # workers, `qpr extract --timeout`); None for no limit.
    seconds_per_document: float | None = 120.0


DEFAULT_LIMITS = Limits()


def file_too_large(size: int, limits: Limits) -> TooLargeError | None:
    """The error for a file of `size` bytes, None when it is within the limit."""
    if size <= limits.file_bytes:
        return None
    return TooLargeError(
        f"the file holds {size_text(size)}, over the limit of {size_text(limits.file_bytes)} "
        "per file; split the report, or raise the limit if it is genuine"
    )


def check_file_size(size: int, limits: Limits) -> None:
    if error := file_too_large(size, limits):
        raise error


def check_text_size(size: int, limits: Limits) -> None:
    """TXT and HTML: every byte is text that later stages walk."""
    if size > limits.text_bytes:
        raise TooLargeError(
            f"the document holds {size_text(size)} of text, over the limit of "
            f"{size_text(limits.text_bytes)}; no periodic report comes near it: is this a "
            "report, or several joined?"
        )


def size_text(size: int) -> str:
    return f"{size / MIB:,.1f} MiB" if size >= MIB else f"{size:,} bytes"
