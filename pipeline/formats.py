"""Which supported format a file is, told from its bytes before its name: the four read directly
(TXT, DOCX, PDF, HTML) and the legacy ones read through LibreOffice (DOC, ODT, RTF).

Real inboxes hold renamed files (a PDF saved as .doc, an HTML page saved as .txt), so magic
numbers and zip members decide; the suffix only breaks a tie between text and HTML.
"""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum
from pathlib import PurePath

from pipeline.errors import (
    DocumentLoadError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)


class Format(StrEnum):
    TXT = "txt"
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    # Read through a conversion to DOCX by LibreOffice, when it is installed.
    DOC = "doc"
    ODT = "odt"
    RTF = "rtf"


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Word saves a password-protected .docx as an OLE compound file holding the encrypted package
# (MS-OFFCRYPTO); the stream's name is in the file's directory, in UTF-16-LE.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_HTML_START = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|meta|title|div|p|table|h[1-6])[\s>]", re.I
)


def sniff_format(data: bytes, filename: str = "") -> Format:
    """Return the format of `data`; raise UnsupportedFormatError naming what the bytes are."""
    # Not `data.strip()`: that copies the whole input whenever it ends with a newline.
    if not data or data.isspace():
        raise EmptyDocumentError("the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return Format.PDF
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedDocumentError(
                "this Office document is password-protected (an encrypted .docx is stored as an "
                "OLE file); ask the sender for an unprotected copy"
            )
        return Format.DOC
    if data.startswith(b"{\\rtf"):
        return Format.RTF
    if _looks_binary(data[:4096]):
        raise UnsupportedFormatError("the file holds binary data that is not a PDF or DOCX")
    if _HTML_START.search(_ascii_view(data[:4096])):
        return Format.HTML
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"} and b"<" in head:
        return Format.HTML
    return Format.TXT


def _sniff_zip(data: bytes) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
            )
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
        raise UnsupportedFormatError(f"the file is a damaged zip archive ({error})") from error
    if "word/document.xml" in names:
        return Format.DOCX
    if "opendocument.text" in mimetype:
        return Format.ODT
    if "[Content_Types].xml" in names and any(name.startswith("word/") for name in names):
        raise DocumentLoadError("this Word package has no word/document.xml: it is damaged")
    raise UnsupportedFormatError("this is a zip archive, not a report document")


def _ascii_view(data: bytes) -> bytes:
    """Drop NUL bytes so that UTF-16 HTML is recognised as HTML too."""
    return data.replace(b"\x00", b"")


def _looks_binary(sample: bytes) -> bool:
    """True for bytes no text encoding explains: control bytes that are not UTF-16 padding."""
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff") or sample[:3] == b"\xef\xbb\xbf":
        return False
    nul = sample.count(b"\x00")
    if nul and _is_utf16_without_bom(sample):
        return False
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return control > max(2, len(sample) // 50)


def _is_utf16_without_bom(sample: bytes) -> bool:
    """UTF-16 text of Latin script has a NUL in every other byte."""
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)
