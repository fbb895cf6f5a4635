"""Plain text (`.txt` exports) to blocks: one paragraph block per line.

The encoding is told from the bytes: a BOM, then UTF-16 without BOM (NUL bytes in every other
position), then strict UTF-8, then cp1252, then latin-1, which decodes anything.
"""

from __future__ import annotations

import codecs
import re

from pipeline.blocks import Block
from pipeline.limits import DEFAULT_LIMITS, Limits, check_text_size

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0c")


def decode_text(data: bytes) -> str:
    """The text of `data`, decoded by the first encoding that explains its bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def read_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    check_text_size(len(data), limits)
    return [Block(text=line) for line in _LINE_BREAK.split(decode_text(data)) if line.strip()]
