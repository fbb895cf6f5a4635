"""Which supported format a file is, told from its bytes before its name: the four read directly
(TXT, DOCX, PDF, HTML) and the legacy ones read through LibreOffice (DOC, ODT, RTF).

Real inboxes hold renamed files (a PDF saved as .doc, an HTML page saved as .txt), so magic
numbers and zip members decide; the suffix only breaks a tie between text and HTML, or names
what is no document.

Only documents are inputs (issue #14): text that is data or code — JSON (a qpr record or
dataset), JSON Lines, XML that is not XHTML, a script, Python source, a review page qpr wrote —
is refused with a message naming what it is, and so is a file named as code, data or
configuration (`data/formats.toml`) unless its bytes are a document. Read as text, such a file
would come out `ok` with invented measures.
"""

from __future__ import annotations

import ast
import codecs
import io
import json
import re
import zipfile
from enum import StrEnum
from functools import cache
from pathlib import PurePath

from pipeline.errors import (
    DocumentLoadError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from pipeline.tables import load_table


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
    suffix = PurePath(filename).suffix.lower()
    refused = _refused_suffixes().get(suffix)
    # A PDF may have bytes before its header; a source file that only mentions `%PDF-` near its
    # top (a test writing PDFs) is still code.
    pdf_at = head.find(b"%PDF-")
    if pdf_at == 0 or (pdf_at > 0 and refused is None):
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
        if refused is not None:  # a .pyc, a .parquet
            raise _not_a_report(refused)
        raise UnsupportedFormatError("the file holds binary data that is not a PDF or DOCX")
    text = _text_head(data)
    if (what := _data_or_code(data, text)) is not None:
        raise _not_a_report(what)
    if refused is not None and not (suffix == ".xml" and _xml_root(text) == "html"):
        raise _not_a_report(refused)
    if _HTML_START.search(_ascii_view(data[:4096])):
        return Format.HTML
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


# ------------------------------------------------------------------ data and code, not documents

# Characters of the text's start that the checks below look at.
_TEXT_HEAD = 16 * 1024
# Above this a text file is too large to read anyway (Limits.text_bytes), so data opening as a
# JSON array or object is not parsed whole to be told apart from a report.
_JSON_PARSED_WHOLE = 32 * 2**20
_JSON_OPENING = re.compile(r'\s*(?:\{\s*(?:"|\})|\[\s*(?:[\[{"\d\]-]|true\b|false\b|null\b))')
_JSON_LINES_CHECKED = 5
_XML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_XML_ROOT = re.compile(r"<(?![?!/])\s*([A-Za-z_][\w.:-]*)")
_QPR_PAGE = re.compile(
    r"""<meta\s[^>]{0,300}?(?:name\s*=\s*["']?generator\b[^>]{0,300}?content\s*=\s*["']?qpr"""
    r"""|content\s*=\s*["']?qpr\b[^>]{0,300}?name\s*=\s*["']?generator\b)""",
    re.I,
)
_SHEBANG = re.compile(r"#!\s*(/?[^\s]*)(?:[ \t]+(-\S*\s+)*([^\s-]\S*))?")
_INTERPRETER = re.compile(r"[A-Za-z][\w.+-]{0,29}")

# Python source: statements that prose never is, each a whole line at the left margin...
_PYTHON_STATEMENT = re.compile(
    r"import [A-Za-z_][\w.]*(?: as \w+)?(?:, *[A-Za-z_][\w.]*(?: as \w+)?)*"
    r"|from \.*[A-Za-z_][\w.]* import (?:\(|\*|\w+(?: as \w+)?(?:, *\w+(?: as \w+)?)*,?)"
    r"|(?:async )?def [A-Za-z_]\w*\s*\(.*[:,(]"
    r"|class [A-Za-z_]\w*\s*(?:\(.*\))?:"
    r"""|if __name__ == ["']__main__["']:"""
)
_TRAILING_COMMENT = re.compile(r"\s+#.*$")
# ...and lines that look like code anywhere: a comment, a decorator, a keyword opening it, an
# assignment, a call, a bracket closing, a literal in a list.
_CODE_LINE = re.compile(
    r"(?:#|@[A-Za-z_]|(?:return|raise|yield|pass|continue|break|assert|del)\b"
    r"|[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*(?::\s*[\w\[\], .|]+)?\s*[-+*/|&]?=\s*\S"
    r"|[A-Za-z_][\w.]*\(.*[),(]$|[)\]}]+[,:]?$|[A-Za-z_][\w.]*,$|[(\[{].*[)\]}],?$"
    r"""|[rRbBfFuU]{0,2}(["']).*\1[)\]}]*,$"""
    r"|[a-z_][a-z0-9_]*: (?:[a-z]+|[A-Z]\w*)(?:\[.*\])?(?: \| \w+)*(?: = .*)?$)"
)
_CODE_ENDINGS = (":", "{", ";", "(", "[")
_CODE_LINES_CHECKED = 40
_CODE_LINE_LENGTH = 300
_PARSES_TRIED = 12
_TOP_LEVEL_START = re.compile(r"@[A-Za-z_]|[A-Za-z_][\w.]*(?:\s*:\s*[^=]+)?\s*=[^=]")
_PARSED_LINES = 10
_DOCSTRING_QUOTES = re.compile(r"""[rRuUbB]{0,2}("{3}|'{3})""")


@cache
def _refused_suffixes() -> dict[str, str]:
    """File suffix -> what such a file is (data/formats.toml)."""
    return {suffix.lower(): what for suffix, what in load_table("formats")["suffixes"].items()}


def _content_kind(kind: str) -> str:
    return str(load_table("formats")["content"][kind])


def _not_a_report(what: str) -> UnsupportedFormatError:
    return UnsupportedFormatError(f"this is {what}, not a report document")


def _data_or_code(data: bytes, text: str) -> str | None:
    """What the file is when its bytes are data or code rather than a document, else None.
    `text` is the decoded start of `data`, its byte-order mark dropped."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        if _is_json(data, stripped):
            return _content_kind("json")
        if _is_json_lines(data):
            return _content_kind("jsonl")
    if stripped.startswith("<?xml") and _xml_root(stripped) != "html":
        return _content_kind("xml")
    if _QPR_PAGE.search(text):
        return _content_kind("qpr_page")
    if text.startswith("#!"):
        return _content_kind("script").format(interpreter=_interpreter(text))
    if not stripped.startswith("<") and _looks_like_python(stripped):
        return _content_kind("python")
    return None


def _text_head(data: bytes) -> str:
    """The start of `data` as text, in the encoding its byte-order mark or NUL bytes show (else
    UTF-8, with replacement characters: the checks look for ASCII syntax only)."""
    sample = data[: 2 * _TEXT_HEAD]
    encoding = "utf-8"
    if sample.startswith(codecs.BOM_UTF8):
        sample = sample[3:]
    elif sample[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    elif b"\x00" in sample[:4096] and _is_utf16_without_bom(sample[:4096]):
        odd_nul = sample[1:4096:2].count(0) >= sample[0:4096:2].count(0)
        encoding = "utf-16-le" if odd_nul else "utf-16-be"
    return sample.decode(encoding, "replace")[:_TEXT_HEAD]


def _is_json(data: bytes, stripped: str) -> bool:
    """`data` is a JSON object or array (in UTF-8, -16 or -32, a UTF-8 BOM allowed)."""
    if len(data) > _JSON_PARSED_WHOLE:
        return _JSON_OPENING.match(stripped) is not None
    try:
        value = json.loads(data)
    except UnicodeDecodeError:
        try:
            value = json.loads(data.decode("cp1252", "replace"))
        except (ValueError, RecursionError):
            return False
    except (ValueError, RecursionError):
        return False
    return isinstance(value, (dict, list))


def _is_json_lines(data: bytes) -> bool:
    """The first non-blank lines (two at least) are each a JSON object or array."""
    found = start = 0
    while found < _JSON_LINES_CHECKED and start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end == -1 else end
        line = data[start:end].strip()
        start = end + 1
        if not line:
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            return False
        if not isinstance(value, (dict, list)):
            return False
        found += 1
    return found >= 2


def _xml_root(text: str) -> str | None:
    """The lowercased local name of the first element of XML text, None if none shows."""
    match = _XML_ROOT.search(_XML_COMMENT.sub("", text))
    return match.group(1).rsplit(":", 1)[-1].lower() if match else None


def _interpreter(text: str) -> str:
    """The program a `#!` line names: `#!/usr/bin/env python3` -> python3."""
    match = _SHEBANG.match(text.partition("\n")[0])
    if match is None:
        return "shell"
    program = match.group(1).rsplit("/", 1)[-1]
    if program == "env" and match.group(3):
        program = match.group(3)
    return program if _INTERPRETER.fullmatch(program) else "shell"


def _looks_like_python(text: str) -> bool:
    """Most of the first lines are code, and two at least are Python statements that prose never
    is (`import x`, `from x import y`, `def f(...):`, `class C:`). Lines inside triple-quoted
    strings (docstrings) count neither way. Kept strict: a report must never be refused."""
    statements = code = counted = 0
    in_string: str | None = None  # the quotes of the string the line is in
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (line.startswith("#") and in_string is None):  # a licence header too
            continue
        if counted >= _CODE_LINES_CHECKED:
            break
        if in_string is not None:
            if line.count(in_string) % 2:
                in_string = None
            continue
        opened = next((quotes for quotes in ('"""', "'''") if line.count(quotes) % 2), None)
        if _DOCSTRING_QUOTES.match(line):  # a docstring, on this line or the next ones
            in_string = opened
            continue
        in_string = opened  # `TEXT = """`: the line is code, the next ones a string
        counted += 1
        if len(line) > _CODE_LINE_LENGTH:  # prose, and no regex walks it
            continue
        bare = _TRAILING_COMMENT.sub("", line)
        statement = _PYTHON_STATEMENT.fullmatch(bare) is not None
        if statement and not raw[:1].isspace():
            statements += 1
        if statement or _CODE_LINE.match(bare) or bare.endswith(_CODE_ENDINGS):
            code += 1
    return statements >= 2 and code * 2 > counted and _parses_as_python(text)


def _parses_as_python(text: str) -> bool:
    """Python's own parser reads the text's start: whole, or up to one of its last top-level
    statements (the start may end inside a long string). Prose never parses, past a line or
    two: the part read must hold two statements and ten lines at least."""
    lines = text.splitlines(keepends=True)
    starts = [
        index
        for index, line in enumerate(lines)
        if 0 < index
        and len(line) <= _CODE_LINE_LENGTH
        and (
            _PYTHON_STATEMENT.fullmatch(_TRAILING_COMMENT.sub("", line.rstrip()))
            or _TOP_LEVEL_START.match(line)
        )
    ]
    needed = min(_PARSED_LINES, sum(1 for line in lines if line.strip()))
    for cut in [len(lines), *reversed(starts)][:_PARSES_TRIED]:
        part = lines[:cut]
        if sum(1 for line in part if line.strip()) < needed:
            break
        try:
            module = ast.parse("".join(part))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        return len(module.body) >= 2
    return False
