"""qpr's Prefect-free library: the bytes of one report file in, a validated record out.

    from pipeline import extract_file
    record = extract_file("report.docx")       # a schemas.ReportRecord, never an exception

Stages (docs/architecture.md): sniff_format → read_<format> → normalize → segment_report (the measures
and report-level parts) → fields → assemble.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pipeline.assemble import build_record, failed_from_error, failed_record
from pipeline.blocks import Block
from pipeline.errors import PipelineError
from pipeline.formats import Format, sniff_format
from pipeline.language import form_language
from pipeline.layout import MeasurePlace, ReportLayout, segment_report
from pipeline.limits import DEFAULT_LIMITS, Limits, check_file_size, file_too_large
from pipeline.measure import extract_measure
from pipeline.names import printable_name
from pipeline.normalize import Document, Line, normalize, page_offsets
from pipeline.own_layout import (
    measures_without_labels,
    names_another_convention,
    read_unlabelled_report,
    says_it_is_a_report,
)
from pipeline.readers import reader_for
from pipeline.record_languages import content_shares, report_content_language
from pipeline.report import read_report
from pipeline.segment import segment_measure
from schemas import Measure, ReportRecord
from schemas.outcome import Issue, IssueCode
from schemas.report import Languages, Report, SourceInfo

__all__ = ["extract_bytes", "extract_file", "record_json"]

log = logging.getLogger(__name__)


def extract_file(
    path: str | Path, include_text: bool = False, limits: Limits = DEFAULT_LIMITS
) -> ReportRecord:
    path = Path(path)
    if error := file_too_large(path.stat().st_size, limits):  # before the bytes are read
        return failed_from_error(_streamed_source(path), error, limits)
    return extract_bytes(path.read_bytes(), path.name, include_text=include_text, limits=limits)


def extract_bytes(
    data: bytes, filename: str, include_text: bool = False, limits: Limits = DEFAULT_LIMITS
) -> ReportRecord:
    """The record of one file. Unreadable input gives a `failed` record naming the reason;
    input beyond `limits` gives a `too_large` one."""
    sha256 = hashlib.sha256(data).hexdigest()
    source = SourceInfo(
        filename=printable_name(filename),
        sha256=sha256,
        format=None,
        size_bytes=len(data),
        pages=None,
    )
    read = _read_blocks(data, filename, source, limits)
    if isinstance(read, ReportRecord):
        return read
    source, blocks = read
    document = normalize(blocks)
    if not document.lines:
        return failed_record(source, IssueCode.EMPTY_DOCUMENT, "the document holds no text", limits)
    layout = segment_report(document.lines)
    refusal = _not_a_report(layout, document.lines)
    if refusal is not None:
        return failed_record(source, IssueCode.NOT_A_REPORT, refusal, limits)
    report, issues = read_report(layout)
    if not layout.labels:
        report, unlabelled = read_unlabelled_report(report, document.lines)
        issues.insert(0, unlabelled)
    issues[:0] = _text_issues(blocks, document)
    measures, measure_issues = _read_measures(layout, document.lines, sha256, report, limits)
    languages, language_issues = _languages(layout, measures)
    issues += measure_issues + language_issues
    text = document.text if include_text else None
    pages = page_offsets(document, source.pages) if include_text else None
    return build_record(source, languages, report, measures, issues, text, limits, pages)


def _read_blocks(
    data: bytes, filename: str, source: SourceInfo, limits: Limits
) -> tuple[SourceInfo, list[Block]] | ReportRecord:
    """The document's blocks, with the format (and a PDF's page count) added to the source;
    the failed record when the file cannot be read."""
    try:
        check_file_size(len(data), limits)
        document_format = sniff_format(data, filename)
        source = source.model_copy(update={"format": document_format.value})
        blocks = reader_for(document_format)(data, limits)
    except PipelineError as error:
        return failed_from_error(source, error, limits)
    except Exception:  # a reader bug must cost one file, not the batch
        log.exception("reading %s failed unexpectedly", filename)
        return failed_record(
            source,
            IssueCode.CORRUPT,
            "the file could not be read (unexpected parser error)",
            limits,
        )
    if document_format == Format.PDF:
        pages = max((block.page or 0 for block in blocks), default=0)
        source = source.model_copy(update={"pages": pages or None})
    return source, blocks


def _not_a_report(layout: ReportLayout, lines: tuple[Line, ...]) -> str | None:
    """Why the document is no periodic report of this Convention, or None when it is one."""
    if not layout.labels and not says_it_is_a_report(lines):
        return (
            "none of the periodic report form's labels was found, and the document does not "
            "call itself a periodic report of this Convention"
        )
    if layout.labels and names_another_convention(layout.cover):
        return (
            "the cover names another Convention and not this one: its report, not a periodic "
            "report of the 2005 Convention, though labelled much like one"
        )
    return None


def _text_issues(blocks: list[Block], document: Document) -> list[Issue]:
    """What the reading did to the text: a repair of mojibake, OCR of a scan."""
    issues = []
    if document.repaired:
        issues.append(
            Issue.of(
                IssueCode.TEXT_REPAIRED,
                "text decoded with the wrong encoding (mojibake) was repaired",
            )
        )
    if any(block.ocr for block in blocks):
        issues.append(
            Issue.of(
                IssueCode.TEXT_FROM_OCR,
                "the PDF has no text layer (a scan): its text was read by OCR and may "
                "hold misreadings; check values against the pages",
            )
        )
    return issues


def _read_measures(
    layout: ReportLayout, lines: tuple[Line, ...], sha256: str, report: Report, limits: Limits
) -> tuple[list[Measure], list[Issue]]:
    """The measures where the layout places them; else those a report of its own layout
    lists; with their issues."""
    measures, issues = [], []
    for index, place in enumerate(layout.measures):
        section = segment_measure(place.lines)
        measure, measure_issues = extract_measure(
            section, index, f"{sha256[:16]}-{index}", place, report.party, limits.field_characters
        )
        if place.unclear_start:
            measure_issues.insert(0, _unclear_boundary(index, place))
        if place.order_break is not None:
            measure_issues.insert(0, _order_break(index, place.order_break))
        measures.append(measure)
        issues.extend(measure_issues)
    if not layout.measures:
        found, found_issues = measures_without_labels(
            lines, layout.labels, sha256, report.party, limits.field_characters
        )
        measures += found
        issues += found_issues
    if not measures:
        issues.append(
            Issue.of(
                IssueCode.NO_MEASURE_FOUND,
                "the report-level information was read, but no policy/measure record",
            )
        )
    return measures, issues


def _languages(layout: ReportLayout, measures: list[Measure]) -> tuple[Languages, list[Issue]]:
    """The form's language (from its labels) and the content's (from the measures' text)."""
    form, shares = form_language(layout.labels)
    issues = []
    if form is None and shares:
        issues.append(
            Issue.of(
                IssueCode.FORM_LANGUAGE_TIE,
                f"the labels are split evenly between languages: {shares}",
            )
        )
    languages = Languages(
        form=form,
        content=report_content_language(measures),
        shares=shares,
        content_shares=content_shares(measures),
    )
    return languages, issues


def _streamed_source(path: Path) -> SourceInfo:
    """The source information of a file, hashed as a stream rather than read whole."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(2**20):
            digest.update(chunk)
    return SourceInfo(
        filename=printable_name(path.name),
        sha256=digest.hexdigest(),
        format=None,
        size_bytes=path.stat().st_size,
        pages=None,
    )


def record_json(record: ReportRecord) -> str:
    """The record as JSON text: stable key order, UTF-8 characters kept, `text` (and its
    pages) only if asked."""
    left_out = {name for name in ("text", "text_pages") if getattr(record, name) is None}
    return record.model_dump_json(indent=2, exclude_none=False, exclude=left_out or None)


def _unclear_boundary(index: int, place: MeasurePlace) -> Issue:
    pages = sorted({line.page for line in place.lines[:1] if line.page is not None})
    where = f" (page {pages[0]})" if pages else ""
    return Issue.of(
        IssueCode.MEASURE_BOUNDARY_UNCLEAR,
        f"this measure follows the one before with no title between them{where}: "
        f"where the first ends, at '{place.lines[0].text[:60]}', is a guess",
        measure_index=index,
    )


def _order_break(index: int, line: Line) -> Issue:
    where = f" on page {line.page}" if line.page is not None else ""
    return Issue.of(
        IssueCode.MEASURE_BOUNDARY_UNCLEAR,
        f"the label '{line.text[:60]}'{where} goes back in the form's order with no "
        "title before it: another measure may start there",
        measure_index=index,
    )
