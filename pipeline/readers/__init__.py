"""One reader per format, each `read_<format>(data: bytes, limits: Limits) -> list[Block]`; each
checks the limits that concern its format before it parses (TooLargeError).

Readers are imported on first use: a text file should not pay for loading the PDF libraries.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from pipeline.blocks import Block
from pipeline.formats import Format
from pipeline.limits import Limits

Reader = Callable[[bytes, Limits], list[Block]]

READERS: dict[Format, tuple[str, str]] = {
    Format.TXT: ("pipeline.readers.text", "read_text"),
    Format.DOCX: ("pipeline.readers.docx", "read_docx"),
    Format.PDF: ("pipeline.readers.pdf", "read_pdf"),
    Format.HTML: ("pipeline.readers.html", "read_html"),
    Format.DOC: ("pipeline.readers.converted", "read_doc"),
    Format.ODT: ("pipeline.readers.converted", "read_odt"),
    Format.RTF: ("pipeline.readers.converted", "read_rtf"),
}


def reader_for(document_format: Format) -> Reader:
    module, function = READERS[document_format]
    reader: Reader = getattr(import_module(module), function)
    return reader
