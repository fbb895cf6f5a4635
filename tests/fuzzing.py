"""The fuzzing properties and input strategies shared by tests/test_fuzz.py (a few hundred
examples in the normal suite) and tests/fuzz_long.py (the long run, for minutes or hours).

The properties (issue #7):
- `check_extract`: any bytes under any name give a valid record: it survives its own JSON,
  a failed record names a reason from the catalogue, the spans index the record's text, and the
  pipeline logs no unexpected reader error (its catch-all logs one per reader bug).
- `check_reader`: a reader given any bytes returns blocks or raises a PipelineError.

The inputs: random bytes (behind a format's magic bytes or not), and, much deeper, the real
samples mutated by hypothesis-chosen edits that know each format: text edits that insert the
form's own labels and awkward values, edits of a DOCX member's XML (elements dropped, copied,
moved, attributes set to odd values) inside a well-formed zip, and edits of a PDF's decoded
content streams and object dictionaries, rebuilt with a valid cross-reference table. Every
mutation is a plain tuple, so a finding's mutation list is its reproducer:
`mutate(format, sample_name, mutations)` gives the input back.
"""

from __future__ import annotations

import base64
import codecs
import hashlib
import io
import logging
import re
import tomllib
import traceback
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from lxml import etree

from pipeline import extract_bytes, record_json
from pipeline.errors import PipelineError
from pipeline.formats import Format, sniff_format
from pipeline.limits import DEFAULT_LIMITS
from pipeline.readers import reader_for
from schemas import ReportRecord
from schemas.outcome import IssueCode, Severity, Status

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = ROOT / "pipeline" / "data"
SUFFIXES = (".txt", ".docx", ".pdf", ".html")
FORMATS = (Format.TXT, Format.DOCX, Format.PDF, Format.HTML)

# The codes a failed record may carry: reasons a file could not be read at all.
FAILURE_CODES = frozenset(
    {
        IssueCode.UNSUPPORTED_FORMAT,
        IssueCode.CORRUPT,
        IssueCode.ENCRYPTED,
        IssueCode.NO_TEXT_LAYER,
        IssueCode.EMPTY_DOCUMENT,
        IssueCode.TOO_LARGE,
        IssueCode.NOT_A_REPORT,
        *(code for code in IssueCode if code.value == "timeout"),
    }
)


class InvariantError(AssertionError):
    """A record or reader result that breaks the contract; `kind` names the rule broken."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


class UnexpectedErrorLogged(AssertionError):
    """The pipeline logged an error without an exception attached (with one, that exception is
    re-raised instead, so its traceback points at the bug)."""


# --- the properties ----------------------------------------------------------------------------


@contextmanager
def pipeline_errors() -> Iterator[list[logging.LogRecord]]:
    """The ERROR records the `pipeline` logger emits meanwhile: `extract_bytes` logs one
    (with its traceback) when a reader lets a non-PipelineError escape."""
    records: list[logging.LogRecord] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = _Collect(level=logging.WARNING)
    logger = logging.getLogger("pipeline")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def check_extract(data: bytes, filename: str) -> ReportRecord:
    """extract_bytes' contract on one input; raises the escaped exception, the logged one, or an
    InvariantError."""
    with pipeline_errors() as logged:
        record = extract_bytes(data, filename, include_text=True)
    for entry in logged:
        if entry.levelno >= logging.ERROR:
            if entry.exc_info and entry.exc_info[1] is not None:
                raise entry.exc_info[1]
            raise UnexpectedErrorLogged(entry.getMessage())
        # A catch-all that logs a warning and goes on (the PDF form reader's) must not hide a
        # bug of qpr's own code.
        for argument in entry.args if isinstance(entry.args, tuple) else ():
            if isinstance(argument, Exception) and own_bug(argument):
                raise argument
    check_record(record, data, filename)
    return record


def check_reader(document_format: Format, data: bytes) -> None:
    """A reader returns a list of blocks or raises a PipelineError; anything else escapes."""
    try:
        blocks = reader_for(document_format)(data, DEFAULT_LIMITS)
    except PipelineError as error:
        # A catch-all that turns any exception into "corrupt" (the DOCX reader's) must not hide
        # a bug of qpr's own code.
        cause = error.__cause__
        if isinstance(cause, Exception) and own_bug(cause):
            raise cause from None
        if not error.code or error.code not in {code.value for code in FAILURE_CODES}:
            raise InvariantError(
                "unknown error code", f"{type(error).__name__}: {error.code}"
            ) from error
        return
    if not isinstance(blocks, list):
        raise InvariantError("reader result", f"{type(blocks).__name__}, not a list")
    for block in blocks:
        if not isinstance(block.text, str):
            raise InvariantError("reader result", f"block text {block.text!r}")


def check_sniff(data: bytes, filename: str) -> None:
    try:
        document_format = sniff_format(data, filename)
    except PipelineError:
        return
    if not isinstance(document_format, Format):
        raise InvariantError("sniff result", repr(document_format))


def check_record(record: ReportRecord, data: bytes, filename: str) -> None:
    def fail(kind: str, detail: str) -> None:
        raise InvariantError(kind, detail)

    if not isinstance(record, ReportRecord):
        fail("not a record", type(record).__name__)
    source = record.source
    if source.size_bytes != len(data) or source.sha256 != hashlib.sha256(data).hexdigest():
        fail("source", f"{source!r}")
    again = ReportRecord.model_validate_json(record_json(record))
    if again != record:
        fail("JSON round trip", _first_difference(record, again))
    if record.status == Status.FAILED:
        if record.measures or not record.issues:
            fail("failed record", f"{len(record.measures)} measures, {len(record.issues)} issues")
        first = record.issues[0]
        if first.code not in FAILURE_CODES or first.severity != Severity.ERROR:
            fail("failed record", f"first issue {first.code} ({first.severity})")
        return
    errors = any(issue.severity == Severity.ERROR for issue in record.issues)
    if (record.status == Status.PARTIAL) != errors:
        fail("status", f"{record.status} with error issues: {errors}")
    for issue in record.issues:
        if issue.code in FAILURE_CODES and issue.severity == Severity.ERROR:
            # too_large is also the warning of a field cut to the characters kept per field
            fail("status", f"{record.status} record with the error {issue.code}")
        if issue.measure_index is not None and not 0 <= issue.measure_index < len(record.measures):
            fail("issue measure_index", f"{issue.measure_index} of {len(record.measures)}")
    ids = [measure.measure_id for measure in record.measures]
    if len(set(ids)) != len(ids):
        fail("measure_id", "not unique")
    text = record.text
    if text is None:
        fail("text", "include_text=True gave no text")
        return
    for index, measure in enumerate(record.measures):
        if measure.index != index:
            fail("measure index", f"{measure.index} at {index}")
        _check_spans(measure, text, fail)


def _check_spans(measure: Any, text: str, fail: Callable[[str, str], None]) -> None:
    where = f"measure {measure.index}"

    def bounds(span: Any, name: str) -> None:
        if span is not None and not 0 <= span.start <= span.end <= len(text):
            fail("span out of bounds", f"{where} {name}: {span.start}..{span.end} of {len(text)}")

    for name, span in measure.spans.items():
        bounds(span, name)
    # Not agency: several bodies are joined by "; ", so its span covers them with what is between.
    for name in ("title", "description", "results", "key_objectives"):
        value = getattr(measure, name)
        span = measure.spans.get(name)
        if value is not None and span is not None:
            if not _covers(text[span.start : span.end], value):
                fail(f"span does not slice its value: {name}", where)
    for partner in measure.partners:
        bounds(partner.span, "partner")
    for amount in measure.budget.amounts:
        bounds(amount.span, "amount")
    for values in (
        measure.goals,
        measure.areas_of_monitoring,
        measure.cultural_domains,
        measure.transversal_priorities,
    ):
        for value in values:
            bounds(value.span, f"{value.code}")
            for evidence in value.evidence:
                bounds(evidence, f"{value.code} evidence")
    for entity in measure.entities:
        if not 0 <= entity.start <= entity.end <= len(text):
            fail("span out of bounds", f"{where} entity {entity.start}..{entity.end}")
        if text[entity.start : entity.end] != entity.text:
            fail(f"entity does not slice its text: {entity.label}", where)


def _covers(sliced: str, value: str) -> bool:
    """The span's text is the value, or the value's lines with lines left out between them (a
    value leaves out the site's link text and colon-only lines among its lines, while its span
    runs from its first line to its last)."""
    if sliced == value:
        return True
    wanted, lines = value.split("\n"), iter(sliced.split("\n"))
    ends = sliced.startswith(wanted[0]) and sliced.endswith(wanted[-1])
    return ends and all(any(line == part for line in lines) for part in wanted)


def _first_difference(record: ReportRecord, again: ReportRecord) -> str:
    before, after = record.model_dump(), again.model_dump()
    for key in before:
        if before[key] != after.get(key):
            return f"{key}: {str(before[key])[:200]} -> {str(after.get(key))[:200]}"
    return "models differ"


def _own_frame(filename: str) -> bool:
    return "/site-packages/" not in filename and (
        "/pipeline/" in filename or "/schemas/" in filename
    )


# Exceptions that, raised by qpr's own code, are mistakes in it; not those that its code gets
# from a C extension on damaged input (zlib.error, UnicodeError) or turns into a PipelineError
# on purpose (RecursionError on a page nested too deeply).
_BUG_TYPES = (
    IndexError, KeyError, TypeError, AttributeError, ValueError, ZeroDivisionError,
    AssertionError, NameError, OverflowError, MemoryError,
)  # fmt: skip


def own_bug(error: BaseException) -> bool:
    """An exception of a programming mistake raised in qpr's own code rather than in a library
    it calls (whose errors on damaged input are expected)."""
    if not isinstance(error, _BUG_TYPES) or isinstance(error, UnicodeError):
        return False
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and _own_frame(frames[-1].filename)


def signature(error: BaseException) -> str:
    """What tells one bug from another: the invariant broken, or the exception type and the
    deepest frame of qpr's own code it came from."""
    if isinstance(error, InvariantError):
        return f"invariant: {error.kind}"
    if isinstance(error, UnexpectedErrorLogged):
        return f"logged error: {str(error)[:60]}"
    frames = traceback.extract_tb(error.__traceback__)
    own = [frame for frame in frames if _own_frame(frame.filename)]
    frame = (own or frames or [None])[-1]
    where = f"{Path(frame.filename).name}:{frame.name}" if frame else "?"
    return f"{type(error).__name__} at {where}"


# --- samples and dictionaries ------------------------------------------------------------------


@cache
def samples(document_format: Format) -> tuple[tuple[str, bytes], ...]:
    """The real samples of a format, smallest first (hypothesis shrinks towards the first)."""
    paths = [
        *SAMPLES.glob(f"*.{document_format.value}"),
        *SAMPLES.glob(f"reports/*.{document_format.value}"),
    ]
    found = sorted((path.stat().st_size, path.relative_to(SAMPLES).as_posix()) for path in paths)
    return tuple((name, (SAMPLES / name).read_bytes()) for _, name in found)


def sample(document_format: Format, name: str) -> bytes:
    return dict(samples(document_format))[name]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@cache
def form_strings() -> tuple[str, ...]:
    """Every label, vocabulary wording and currency token qpr knows: inserted into a document,
    they steer it past format sniffing and into segmentation and the field readers."""
    found: set[str] = set()
    for name in ("labels", "vocabularies", "money", "headings", "report", "boilerplate"):
        path = DATA / f"{name}.toml"
        if path.exists():
            found.update(_strings(tomllib.loads(path.read_text("utf-8"))))
    return tuple(sorted(text for text in found if 0 < len(text) <= 200 and "\\" not in text))


NUMBERS = (
    "0", "-1", "1", "00", "007", "-0", "1.5", "1,5", "92,5", "1.25", "123.456", "1,250",
    "65 000", "1.000.000,00", "1,000,000.00", "2147483648", "-2147483649", "4294967296",
    "9" * 25, "9" * 400, "9" * 4301, "1e400", "1e-400", "1E9", "0x10", "1_000", "NaN", "nan",
    "inf", "Infinity", "-inf", "½", "²", "³⁴", "١٢٣", "۱۲۳", "𝟗𝟗", "१२३", "٫", "١٬٠٠٠",
    "12 345 678 901 234 567 890", "3,4 billion", "999 999 999 999 billion", "1.5 milliards",
    "10 millions", "mil millones", "0000", "9999", "10000", "99999", "2021-13-45", "31/02/2021",
    "29 février 2023", "1 janvier 0", "2021–2019", "2020-2024", "1900", "2100", "12/31/1999",
    "2006-07-31", "31.07.2006", "July 31, 2006", "0 0 0", "(17,500.00 USD)", "USD 48,000",
    "15.000 EUR (17,500.00 USD)", "US$ -5", "€€€", "$", "N/A", "/", "//", "-", "—",
)  # fmt: skip

ODD_TEXT = (
    "", " ", "\t", "\n", "\r", "\r\n", "\x0c", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\xa0",
    "\u00ad", "\u200b", "\u200d", "\u2028", "\u2029", "\u202e", "\u2066", "\ufeff", "\ufffd",
    "\ufffe", "\uffff", "\ud7ff", "\U0010ffff", "\U0001f600", "e\u0301", "\u0301", "ß", "İ",
    "ﬁ", "Ǆ", "ǅ", "ẞ", "Ω", "K", "ª", "\u0131", "’", "‘", "“", "”", "«", "»", "‹", "…",
    "–", "—", "•", ":", " :", "?:", "：", "；", "|", "| a | b |", "http://", "https://x.y/",
    "www.", "@", "a@b.c", "c.3.", "1.", "IV.", "a)", "Ã©", "Ã", "â€™", "Ã¯Â»Â¿", "ÃƒÂ©",
    "𝐁𝐨𝐥𝐝", "אבג", "مرحبا", "中文", "日本語", "한국어", "ไทย", "Ελληνικά", "Кириллица",
)  # fmt: skip

HTML_TOKENS = (
    "<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml ?>",
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<main>", "</main>",
    '<div role="main">', "<article>", "</article>", "<section>", "<header>", "</header>",
    "<footer>", "<nav>", "</nav>", "<form>", "</form>", "<p>", "</p>", "<br>", "<br/>", "<hr>",
    "<h1>", "</h1>", "<h2>", "<h6>", "<b>", "</b>", "<strong>", '<span style="font-weight:700">',
    "</span>", "<table>", "</table>", '<table role="presentation">', "<tr>", "</tr>", "<td>",
    "</td>", "<th>", '<td colspan="999999">', '<td rowspan="-1">', "<thead>", "<tbody>",
    "<caption>", "<ul>", "<li>", "<ol>", "<pre>", "</pre>", "<script>", "</script>",
    "<style>", "</style>", "<script src=x>", "<template>", "<svg>", "<math>", "<iframe>",
    "<textarea>", "<select>", '<div class="cookie-banner">', '<div id="main-menu">',
    '<meta charset="utf-8">', '<meta charset="utf-16">', '<meta charset="utf-7">',
    '<meta charset="utf-32">', '<meta charset="cp037">', '<meta charset="punycode">',
    '<meta charset="idna">', '<meta charset="unicode_escape">', '<meta charset="rot13">',
    '<meta charset="base64">', '<meta charset="hex">', '<meta charset="undefined">',
    '<meta charset="uu">', '<meta charset="zlib">', '<meta charset="x-unknown">',
    '<meta charset="shift_jis">', '<meta charset="iso-2022-jp">', '<meta charset="hz">',
    '<meta charset="gb18030">', '<meta charset="big5">', '<meta charset="koi8-r">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    '<?xml version="1.0" encoding="utf-16"?>', '<?xml version="1.0" encoding="ebcdic-cp-us"?>',
    "&nbsp;", "&amp;", "&lt;", "&#0;", "&#x0;", "&#1;", "&#xD800;", "&#x110000;", "&#99999999;",
    "&unknown;", "&", "data:image/png;base64," + "A" * 300, "<div>" * 300, "</div>" * 300,
    "<b>" * 300, "<table><tr><td>" * 40,
)  # fmt: skip


def text_tokens(html: bool) -> st.SearchStrategy[str]:
    parts = [
        st.sampled_from(form_strings()),
        st.sampled_from(NUMBERS),
        st.sampled_from(ODD_TEXT),
        st.text(max_size=20),
    ]
    if html:
        parts.append(st.sampled_from(HTML_TOKENS))
    return st.one_of(*parts)


# --- byte mutations ----------------------------------------------------------------------------

POSITION = st.integers(min_value=0, max_value=2**32)
_DIGITS = re.compile(rb"-?\d+(?:\.\d+)?")


def byte_mutation(tokens: tuple[bytes, ...] = ()) -> st.SearchStrategy[tuple[Any, ...]]:
    """One edit of a byte string; positions are taken modulo its length when applied."""
    chunk = st.binary(min_size=1, max_size=64)
    if tokens:
        chunk = st.one_of(chunk, st.sampled_from(tokens))
    return st.one_of(
        st.tuples(st.just("truncate"), POSITION),
        st.tuples(st.just("flip"), POSITION, st.integers(0, 7)),
        st.tuples(st.just("overwrite"), POSITION, chunk),
        st.tuples(st.just("insert"), POSITION, chunk),
        st.tuples(st.just("delete"), POSITION, st.integers(1, 4096)),
        st.tuples(st.just("duplicate"), POSITION, st.integers(1, 4096), POSITION),
        st.tuples(st.just("number"), POSITION, st.sampled_from(NUMBERS)),
    )


def apply_bytes(data: bytes, mutations: list[tuple[Any, ...]]) -> bytes:
    buffer = bytearray(data)
    for mutation in mutations:
        kind, position = mutation[0], mutation[1] % (len(buffer) + 1)
        if kind == "truncate":
            del buffer[position:]
        elif kind == "flip" and position < len(buffer):
            buffer[position] ^= 1 << mutation[2]
        elif kind == "overwrite":
            buffer[position : position + len(mutation[2])] = mutation[2]
        elif kind == "insert":
            buffer[position:position] = mutation[2]
        elif kind == "delete":
            del buffer[position : position + mutation[2]]
        elif kind == "duplicate":
            piece = bytes(buffer[position : position + mutation[2]])
            target = mutation[3] % (len(buffer) + 1)
            buffer[target:target] = piece
        elif kind == "number":
            match = _DIGITS.search(buffer, position) or _DIGITS.search(buffer)
            if match:
                buffer[match.start() : match.end()] = mutation[2].encode("utf-8")
    return bytes(buffer)


# --- text mutations (TXT and HTML) -------------------------------------------------------------

ENCODINGS = (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1",
    "mac-roman", "cp437", "gb18030", "shift_jis", "utf-7",
)  # fmt: skip


def text_mutation(html: bool) -> st.SearchStrategy[tuple[Any, ...]]:
    token = text_tokens(html)
    return st.one_of(
        st.tuples(st.just("insert"), POSITION, token),
        st.tuples(st.just("line"), POSITION, token),
        st.tuples(st.just("replace_line"), POSITION, token),
        st.tuples(st.just("delete_lines"), POSITION, st.integers(1, 20)),
        st.tuples(st.just("copy_lines"), POSITION, st.integers(1, 40), POSITION),
        st.tuples(st.just("swap_lines"), POSITION, POSITION),
        st.tuples(st.just("number"), POSITION, st.sampled_from(NUMBERS)),
        st.tuples(st.just("case"), POSITION, st.sampled_from(["upper", "lower", "strip"])),
        st.tuples(st.just("repeat"), POSITION, st.integers(1, 4096), st.integers(2, 50)),
    )


def apply_text(text: str, mutations: list[tuple[Any, ...]]) -> str:
    for mutation in mutations:
        kind = mutation[0]
        lines = text.split("\n")
        line = mutation[1] % (len(lines) + 1)
        position = mutation[1] % (len(text) + 1)
        if kind == "insert":
            text = text[:position] + mutation[2] + text[position:]
        elif kind == "line":
            text = "\n".join([*lines[:line], mutation[2], *lines[line:]])
        elif kind == "replace_line":
            text = "\n".join([*lines[:line], mutation[2], *lines[line + 1 :]])
        elif kind == "delete_lines":
            text = "\n".join([*lines[:line], *lines[line + mutation[2] :]])
        elif kind == "copy_lines":
            target = mutation[3] % (len(lines) + 1)
            text = "\n".join([*lines[:target], *lines[line : line + mutation[2]], *lines[target:]])
        elif kind == "swap_lines":
            other = mutation[2] % (len(lines) + 1)
            if line < len(lines) and other < len(lines):
                lines[line], lines[other] = lines[other], lines[line]
            text = "\n".join(lines)
        elif kind == "number":
            match = re.compile(r"\d+(?:[.,]\d+)*").search(text, position)
            if match:
                text = text[: match.start()] + mutation[2] + text[match.end() :]
        elif kind == "case" and line < len(lines):
            changed = getattr(lines[line], mutation[2])()
            text = "\n".join([*lines[:line], changed, *lines[line + 1 :]])
        elif kind == "repeat":
            text = (
                text[:position]
                + text[position : position + mutation[2]] * mutation[3]
                + (text[position + mutation[2] :])
            )
    return text


def decoded(data: bytes) -> str:
    from pipeline.readers.text import decode_text

    return decode_text(data)


# --- DOCX mutations ----------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_DECL = f'xmlns:w="{W}"'

ATTRIBUTE_VALUES = (
    "", "0", "1", "-1", "2", "3", "8", "9", "10", "255", "256", "1000", "2147483647",
    "-2147483648", "4294967296", "99999999999999999999", "1e9", "abc", "true", "false", "on",
    "off", "none", "restart", "continue", "bullet", "decimal", "lowerRoman", "upperRoman",
    "lowerLetter", "upperLetter", "decimalZero", "ordinal", "%1", "%1.%2.%3.%4.%5.%6.%7.%8.%9",
    "%0", "%%", "%1%1%1%1%1%1%1%1", "Heading1", "heading 9", "Heading 0", "Title", "Titre1",
    "Normal", "ListParagraph", "paragraph", "character", "numbering", "table", "\u202e",
    "A" * 1000,
)  # fmt: skip

NUMBER_FORMATS = (
    "decimal", "bullet", "none", "lowerRoman", "upperRoman", "lowerLetter", "upperLetter",
    "decimalZero", "ordinal", "cardinalText", "chineseCounting", "",
)  # fmt: skip

DOCX_FRAGMENTS = (
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p>",
    "<w:r><w:t>{text}</w:t></w:r>",
    '<w:r><w:t xml:space="preserve">{text}</w:t><w:tab/><w:t>{text}</w:t><w:br/></w:r>',
    "<w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r>",
    '<w:r><w:rPr><w:b w:val="{value}"/><w:vanish w:val="{value}"/></w:rPr><w:t>{text}</w:t></w:r>',
    '<w:pPr><w:pStyle w:val="{value}"/><w:outlineLvl w:val="{value}"/></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="{value}"/><w:numId w:val="{value}"/></w:numPr></w:pPr>',
    '<w:numPr><w:ilvl w:val="{value}"/><w:numId w:val="{value}"/></w:numPr>',
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "<w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>",
    '<w:tc><w:tcPr><w:vMerge w:val="{value}"/><w:gridSpan w:val="{value}"/></w:tcPr>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>",
    "<w:tcPr><w:vMerge/><w:hMerge/></w:tcPr>",
    "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    "<w:sdt><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
    "</w:tr></w:sdtContent></w:sdt>",
    "<w:customXml><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:customXml>",
    '<w:hyperlink><w:r><w:t>{text}</w:t></w:r></w:hyperlink><w:fldSimple w:instr="{value}"/>',
    "<w:del><w:r><w:delText>{text}</w:delText></w:r></w:del><w:ins><w:r><w:t>{text}</w:t>"
    "</w:r></w:ins>",
    '<w:lvl w:ilvl="{value}"><w:start w:val="{value}"/><w:numFmt w:val="{value}"/>'
    '<w:lvlText w:val="{value}"/><w:lvlRestart w:val="{value}"/><w:isLgl/>'
    '<w:pStyle w:val="{value}"/></w:lvl>',
    '<w:lvl w:ilvl="{small}"><w:start w:val="{value}"/><w:numFmt w:val="{format}"/>'
    '<w:lvlText w:val="%1.%{small}."/></w:lvl>',
    '<w:start w:val="{value}"/><w:numFmt w:val="{format}"/>',
    '<w:pPr><w:numPr><w:ilvl w:val="{small}"/><w:numId w:val="{small}"/></w:numPr></w:pPr>',
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="{small}"/><w:numId w:val="{small}"/></w:numPr>'
    "</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>",
    '<w:abstractNum w:abstractNumId="{value}"><w:numStyleLink w:val="{value}"/></w:abstractNum>',
    '<w:num w:numId="{value}"><w:abstractNumId w:val="{value}"/><w:lvlOverride w:ilvl="{value}">'
    '<w:startOverride w:val="{value}"/></w:lvlOverride></w:num>',
    '<w:style w:type="paragraph" w:styleId="{value}"><w:name w:val="{value}"/>'
    '<w:basedOn w:val="{value}"/><w:pPr><w:numPr><w:numId w:val="{value}"/></w:numPr>'
    '<w:outlineLvl w:val="{value}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>',
    "<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>",
)


def _xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold: C0 controls but tab, CR and LF,
    surrogates, U+FFFE and U+FFFF."""
    return "".join(
        char
        for char in text
        if char in "\t\r\n"
        or (" " <= char <= "\ud7ff")
        or ("\ue000" <= char <= "\ufffd")
        or char >= "\U00010000"
    )


def _xml_escape(text: str) -> str:
    safe = _xml_safe(text)
    return (
        safe.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def xml_mutation() -> st.SearchStrategy[tuple[Any, ...]]:
    value = st.sampled_from(ATTRIBUTE_VALUES)
    text = text_tokens(html=False)
    return st.one_of(
        st.tuples(st.just("delete"), POSITION),
        st.tuples(st.just("copy"), POSITION, POSITION, st.integers(0, 8)),
        st.tuples(st.just("move"), POSITION, POSITION, st.integers(0, 8)),
        st.tuples(st.just("attribute"), POSITION, POSITION, value),
        st.tuples(st.just("drop_attribute"), POSITION, POSITION),
        st.tuples(st.just("text"), POSITION, text),
        st.tuples(
            st.just("fragment"),
            POSITION,
            st.integers(0, 8),
            st.sampled_from(DOCX_FRAGMENTS),
            value,
            text,
            st.sampled_from(NUMBER_FORMATS),
            st.integers(-1, 10),
        ),
        st.tuples(st.just("unwrap"), POSITION),
    )


def apply_xml(data: bytes, mutations: list[tuple[Any, ...]]) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, huge_tree=False, remove_blank_text=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return data
    for mutation in mutations:
        elements = [element for element in root.iter() if isinstance(element.tag, str)]
        element = elements[mutation[1] % len(elements)]
        parent = element.getparent()
        kind = mutation[0]
        if kind == "delete" and parent is not None:
            parent.remove(element)
        elif kind in ("copy", "move") and parent is not None:
            target = elements[mutation[2] % len(elements)]
            if kind == "move" and (target is element or element in target.iterancestors()):
                continue
            moved = _copy(element) if kind == "copy" else element
            target.insert(mutation[3] % (len(target) + 1), moved)
        elif kind == "attribute":
            names = list(element.attrib) or [f"{{{W}}}val"]
            element.set(names[mutation[2] % len(names)], _xml_safe(mutation[3]))
        elif kind == "drop_attribute" and element.attrib:
            names = list(element.attrib)
            del element.attrib[names[mutation[2] % len(names)]]
        elif kind == "text":
            element.text = _xml_safe(mutation[2])
        elif kind == "fragment":
            fragment = mutation[3].format(
                value=_xml_escape(mutation[4]),
                text=_xml_escape(mutation[5]),
                format=mutation[6],
                small=mutation[7],
            )
            wrapper = etree.fromstring(f"<w:wrap {_W_DECL}>{fragment}</w:wrap>")
            for offset, child in enumerate(wrapper):
                element.insert(mutation[2] % (len(element) + 1) + offset, child)
        elif kind == "unwrap" and parent is not None:
            index = parent.index(element)
            parent.remove(element)
            for offset, child in enumerate(element):
                parent.insert(index + offset, child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy(element: etree._Element) -> etree._Element:
    from copy import deepcopy

    return deepcopy(element)


DOCX_MEMBERS = (
    "word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml",
    "word/_rels/document.xml.rels", "_rels/.rels", "word/settings.xml", "word/footer1.xml",
)  # fmt: skip


def docx_mutation(destructive: bool = False) -> st.SearchStrategy[tuple[Any, ...]]:
    """An edit of the package: by default of a member's XML, which keeps the package readable;
    `destructive` edits (member bytes, members dropped, renamed or added) mostly make it
    unreadable, so they come rarer."""
    member = st.one_of(st.sampled_from(DOCX_MEMBERS), POSITION)
    if not destructive:
        return st.tuples(st.just("xml"), member, st.lists(xml_mutation(), min_size=1, max_size=6))
    return st.one_of(
        st.tuples(st.just("bytes"), member, st.lists(byte_mutation(), min_size=1, max_size=3)),
        st.tuples(st.just("drop"), member),
        st.tuples(st.just("rename"), member, st.sampled_from(DOCX_MEMBERS)),
        st.tuples(st.just("add"), st.sampled_from(DOCX_MEMBERS), st.binary(max_size=256)),
        st.tuples(st.just("stored"), st.booleans()),
    )


def apply_docx(data: bytes, mutations: list[tuple[Any, ...]], raw: list[tuple[Any, ...]]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    stored = False
    for mutation in mutations:
        kind = mutation[0]
        if kind == "stored":
            stored = mutation[1]
            continue
        if kind == "add":
            members.append((mutation[1], mutation[2]))
            continue
        index = _member_index(members, mutation[1])
        if index is None:
            continue
        name, content = members[index]
        if kind == "xml":
            members[index] = (name, apply_xml(content, mutation[2]))
        elif kind == "bytes":
            members[index] = (name, apply_bytes(content, mutation[2]))
        elif kind == "drop":
            del members[index]
        elif kind == "rename":
            members[index] = (mutation[2], content)
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", method) as archive:
        warnings.simplefilter("ignore")  # a duplicate member name is one of the edits
        for name, content in members:
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), content, method
            )
    return apply_bytes(buffer.getvalue(), raw)


def _member_index(members: list[tuple[str, bytes]], choice: str | int) -> int | None:
    if not members:
        return None
    if isinstance(choice, int):
        return choice % len(members)
    names = [name for name, _ in members]
    return names.index(choice) if choice in names else None


# --- PDF mutations -----------------------------------------------------------------------------

_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)\bendobj", re.S)
_STREAM = re.compile(rb"^(.*?)\bstream\r?\n(.*)\bendstream\s*$", re.S)
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_LENGTH = re.compile(rb"/Length\s+\d+(?:\s+\d+\s+R)?")
_DECODE_PARMS = re.compile(rb"/DecodeParms\s*(?:<<.*?>>|\[.*?\]|null)", re.S)
_REFERENCE = re.compile(rb"\b(\d+)\s+(\d+)\s+R\b")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)

PDF_TOKENS = (
    b" BT ", b" ET ", b" Tf ", b" Td ", b" TD ", b" Tm ", b" Tj ", b" TJ ", b" ' ", b' " ',
    b" T* ", b" Tz ", b" Tc ", b" Tw ", b" TL ", b" Ts ", b" Tr ", b" re ", b" m ", b" l ",
    b" S ", b" f ", b" q ", b" Q ", b" cm ", b" Do ", b" BI ID EI ", b"/F1 12 Tf ",
    b"/F9 -3 Tf ", b"(Describe the main features of the policy/measure:) Tj ",
    b"(Financial resources allocated to the policy/measure in USD:) Tj ", b"<FEFF00410042> Tj ",
    b"[(A) -9999 (B)] TJ ", b"1 0 0 1 0 0 Tm ", b"0 0 0 0 0 0 Tm ", b"1e30 0 0 1e30 0 0 cm ",
    b"-1 0 0 -1 595 842 cm ", b"0 1 -1 0 0 0 cm ", b"3 Tr ", b"7 Tr ", b"0 0 10000 10000 re f ",
    b"0 0 m 595 842 l S ", b"/Rotate 90", b"/Rotate 45", b"/Rotate -270", b"/MediaBox [0 0 0 0]",
    b"/MediaBox [0 0 -595 842]", b"/Count 999999", b"/Count -1", b"/Count 0", b"/Kids []",
    b"/Type /Page", b"/Type /Pages", b"/Parent 1 0 R", b"/FT /Tx", b"/FT /Btn", b"/FT /Ch",
    b"/V (Oui)", b"/V ()", b"/V <FEFF>", b"/V /Off", b"/V /1", b"/V /#C2#B2", b"/V (\xb2)",
    b"/V (" + b"9" * 4301 + b")", b"/Opt [(A) (B)]", b"/Opt [[(a) (A)]]", b"/Opt 5",
    b"/AS /1", b"/Ff 49152", b"/Ff 131072", b"/T (a.b.c)", b"/Kids [1 0 R]",
    b"/Encrypt 1 0 R", b"/Filter /FlateDecode", b"/Length 999999999", b"/Font << >>",
    b"/Annots [1 0 R 1 0 R]", b"/AcroForm << /Fields [] >>", b"null", b"()", b"<>", b"[]",
    b"<< >>", b"(\\)", b"(\\377\\376)", b"%", b"\r", b"\n",
)  # fmt: skip


@dataclass
class PdfObject:
    number: int
    generation: int
    head: bytes  # the dictionary (or the whole body of an object without a stream)
    stream: bytes | None  # decoded content, None when the object has no stream
    encoded: bytes | None  # the stream as stored, kept when it could not be decoded


def parse_pdf(data: bytes) -> tuple[list[PdfObject], bytes]:
    objects = []
    for match in _OBJECT.finditer(data):
        body = match.group(3)
        stream_match = _STREAM.match(body)
        if stream_match is None:
            objects.append(PdfObject(int(match.group(1)), int(match.group(2)), body, None, None))
            continue
        head, raw = stream_match.group(1), stream_match.group(2)
        raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1] if raw.endswith(b"\n") else raw
        decoded_stream = _decode_stream(head, raw)
        objects.append(
            PdfObject(
                int(match.group(1)),
                int(match.group(2)),
                head,
                decoded_stream,
                raw if decoded_stream is None else None,
            )
        )
    trailer = _TRAILER.search(data)
    return objects, (trailer.group(1) if trailer else b"")


def _decode_stream(head: bytes, raw: bytes) -> bytes | None:
    found = _FILTER.search(head)
    names = re.findall(rb"/([A-Za-z0-9]+)", found.group(1)) if found else []
    data = raw
    try:
        for name in names:
            if name in (b"ASCII85Decode", b"A85"):
                body = data.strip()
                body = body[2:] if body.startswith(b"<~") else body
                data = base64.a85decode(body.removesuffix(b"~>"), adobe=False)
            elif name in (b"FlateDecode", b"Fl"):
                data = zlib.decompress(data)
            else:
                return None  # images (DCT, CCITT...) and the rarer filters stay as they are
    except (ValueError, zlib.error):
        return None
    return data


def build_pdf(objects: list[PdfObject], trailer: bytes) -> bytes:
    """A PDF of `objects` with a correct cross-reference table: PDFium's repair of a broken one
    is not what is under test."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for obj in objects:
        offsets[obj.number] = len(out)
        out += b"%d %d obj\n" % (obj.number, obj.generation)
        if obj.stream is None and obj.encoded is None:
            out += obj.head.strip() + b"\n"
        else:
            head = obj.head
            if obj.stream is not None:
                head = _DECODE_PARMS.sub(b"", _FILTER.sub(b"", head))
            content = obj.stream if obj.stream is not None else obj.encoded or b""
            length = b"/Length %d" % len(content)
            head = (
                _LENGTH.sub(length, head, count=1)
                if _LENGTH.search(head)
                else (head.replace(b"<<", b"<< " + length + b" ", 1))
            )
            out += head.strip() + b"\nstream\n" + content + b"\nendstream\n"
        out += b"endobj\n"
    size = max(offsets, default=0) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    trailer = re.sub(rb"/(?:Size|Prev)\s+\d+", b"", trailer)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer.strip(), xref)
    return bytes(out)


COORDINATES = (-100, 0, 20, 36, 72, 72.5, 300, 500, 560, 590, 750, 800, 820, 841, 10000)
FONT_SIZES = (0, 1, 6, 8, 10, 12, 14, 18, 40, 1000, -12)


def _show_text(
    stream: bytes, position: int, x: float, y: float, size: float, font: bytes, text: str
) -> bytes:
    """`stream` with a text object drawing `text` inserted at a line break: the form's labels
    and values at odd places and sizes, drawn as a PDF producer would."""
    literal = text.encode("cp1252", errors="replace")
    literal = literal.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    shown = b"\nBT %s %g Tf %g %g Td (%s) Tj ET\n" % (font, size, x, y, literal)
    at = stream.find(b"\n", position % (len(stream) + 1))
    at = len(stream) if at < 0 else at
    return stream[:at] + shown + stream[at:]


def pdf_mutation(destructive: bool = False) -> st.SearchStrategy[tuple[Any, ...]]:
    """An edit of a content stream (decoded) or of an object's dictionary; `destructive` ones
    drop or duplicate whole objects."""
    edits = st.lists(byte_mutation(PDF_TOKENS), min_size=1, max_size=6)
    if destructive:
        return st.one_of(
            st.tuples(st.just("drop_object"), POSITION),
            st.tuples(st.just("copy_object"), POSITION),
        )
    return st.one_of(
        st.tuples(st.just("content"), POSITION, edits),
        st.tuples(
            st.just("show"),
            POSITION,
            POSITION,
            st.sampled_from(COORDINATES),
            st.sampled_from(COORDINATES),
            st.sampled_from(FONT_SIZES),
            st.sampled_from((b"/F1", b"/F2")),
            text_tokens(html=False),
        ),
        st.tuples(st.just("dict"), POSITION, edits),
        st.tuples(st.just("reference"), POSITION, POSITION, POSITION),
        st.tuples(st.just("swap_streams"), POSITION, POSITION),
    )


def apply_pdf(data: bytes, mutations: list[tuple[Any, ...]], raw: list[tuple[Any, ...]]) -> bytes:
    objects, trailer = parse_pdf(data)
    if not objects:
        return apply_bytes(data, raw)
    for mutation in mutations:
        kind = mutation[0]
        if not objects:
            break
        if kind == "show":
            streams = [obj for obj in objects if obj.stream is not None and b"BT" in obj.stream]
            if streams:
                target = streams[mutation[1] % len(streams)]
                target.stream = _show_text(target.stream or b"", *mutation[2:])
            continue
        if kind == "content":
            streams = [obj for obj in objects if obj.stream is not None]
            if streams:
                target = streams[mutation[1] % len(streams)]
                target.stream = apply_bytes(target.stream or b"", mutation[2])
            continue
        target = objects[mutation[1] % len(objects)]
        if kind == "dict":
            target.head = apply_bytes(target.head, mutation[2])
        elif kind == "reference":
            references = list(_REFERENCE.finditer(target.head))
            if references:
                found = references[mutation[2] % len(references)]
                number = objects[mutation[3] % len(objects)].number
                target.head = (
                    target.head[: found.start()] + b"%d 0 R" % number + target.head[found.end() :]
                )
        elif kind == "drop_object":
            objects.remove(target)
        elif kind == "copy_object":
            objects.append(PdfObject(target.number, 0, target.head, target.stream, target.encoded))
        elif kind == "swap_streams":
            streams = [obj for obj in objects if obj.stream is not None]
            if len(streams) > 1:
                other = streams[mutation[2] % len(streams)]
                target.stream, other.stream = other.stream, target.stream
    return apply_bytes(build_pdf(objects, trailer), raw)


# --- inputs ------------------------------------------------------------------------------------

MAGIC = (
    b"", b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    b"PK\x03\x04", b"PK\x05\x06", b"<html>", b"<!DOCTYPE html><html><body>", b"<p>",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff",
    b"<?xml version='1.0'?>",
)  # fmt: skip
# The legacy formats, which qpr reads through a LibreOffice conversion (a process per file):
# left to a property of their own, as each example costs seconds.
CONVERTED_MAGIC = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf1", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}",
)  # fmt: skip


@st.composite
def any_input(draw: st.DrawFn, magic: tuple[bytes, ...] = MAGIC) -> tuple[bytes, str]:
    """Bytes that are mostly random, sometimes behind a format's magic bytes, under any suffix."""
    prefix = draw(st.sampled_from(magic))
    body = draw(st.one_of(st.binary(max_size=4096), st.text(max_size=1024).map(str.encode)))
    return prefix + body, "input" + draw(st.sampled_from(SUFFIXES))


@dataclass(frozen=True)
class Mutated:
    """A sample and the mutations applied to it: the reproducer of whatever it finds."""

    format: Format
    sample: str
    mutations: tuple[Any, ...]
    raw: tuple[Any, ...]
    encoding: str | None = None

    @property
    def filename(self) -> str:
        return f"{Path(self.sample).stem}.{self.format.value}"

    def data(self) -> bytes:
        return mutate(self.format, self.sample, list(self.mutations), list(self.raw), self.encoding)

    def __repr__(self) -> str:
        return (
            f"Mutated(format=Format.{self.format.name}, sample={self.sample!r}, "
            f"mutations={self.mutations!r}, raw={self.raw!r}, encoding={self.encoding!r})"
        )


def mutate(
    document_format: Format,
    sample_name: str,
    mutations: list[tuple[Any, ...]],
    raw: list[tuple[Any, ...]],
    encoding: str | None = None,
) -> bytes:
    data = sample(document_format, sample_name)
    if document_format == Format.DOCX:
        return apply_docx(data, mutations, raw)
    if document_format == Format.PDF:
        return apply_pdf(data, mutations, raw)
    text = apply_text(decoded(data), mutations)
    if encoding is None:
        return apply_bytes(text.encode("utf-8"), raw)
    return apply_bytes(codecs.encode(text, encoding, errors="replace"), raw)


@st.composite
def mutated(draw: st.DrawFn, document_format: Format, max_mutations: int = 8) -> Mutated:
    """A sample with a few format-aware edits, now and then a destructive one, and now and then
    raw byte edits of the result (which, for a zip, mostly break its checksums)."""
    name = draw(st.sampled_from([name for name, _ in samples(document_format)]))
    raw = draw(st.lists(byte_mutation(), min_size=1, max_size=2)) if draw(_one_in(6)) else []
    encoding = None
    if document_format in (Format.DOCX, Format.PDF):
        edit = docx_mutation if document_format == Format.DOCX else pdf_mutation
        mutations = draw(st.lists(edit(), min_size=1, max_size=max_mutations))
        if draw(_one_in(5)):
            mutations += draw(st.lists(edit(destructive=True), min_size=1, max_size=2))
    else:
        html = document_format == Format.HTML
        mutations = draw(st.lists(text_mutation(html), min_size=1, max_size=max_mutations))
        if draw(_one_in(4)):
            encoding = draw(st.sampled_from(ENCODINGS))
    return Mutated(document_format, name, tuple(mutations), tuple(raw), encoding)


def _one_in(chances: int) -> st.SearchStrategy[bool]:
    # Shrinks towards False: a reproducer keeps a rare edit only if it needs it.
    return st.integers(0, chances - 1).map(lambda drawn: drawn == chances - 1)


def check_mutated(case: Mutated) -> None:
    """The properties on a mutated sample: its own reader directly when sniffing would not send
    it there, then the whole extraction."""
    data = case.data()
    try:
        sniffed = sniff_format(data, case.filename)
    except PipelineError:
        sniffed = None
    if sniffed != case.format or case.format == Format.DOCX:  # DOCX: its reader's catch-all
        check_reader(case.format, data)
    check_extract(data, case.filename)
