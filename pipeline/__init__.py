"""qpr's Prefect-free library: the bytes of one report file in, a validated record out.

    from pipeline import extract_file
    record = extract_file("report.docx")       # a schemas.ReportRecord, never an exception

Stages (design.md §2): sniff_format → read_<format> → normalize → segment → fields → assemble.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pipeline.assemble import build_record, failed_from_error, failed_record
from pipeline.errors import PipelineError
from pipeline.formats import Format, sniff_format
from pipeline.language import content_language, form_language
from pipeline.measure import extract_measure
from pipeline.normalize import normalize
from pipeline.readers import reader_for
from pipeline.segment import segment_measure
from schemas import Measure, ReportRecord
from schemas.outcome import Issue, IssueCode, Severity
from schemas.report import Languages, SourceInfo

__all__ = ["extract_bytes", "extract_file", "record_json"]

log = logging.getLogger(__name__)


def extract_file(path: str | Path, include_text: bool = False) -> ReportRecord:
    path = Path(path)
    return extract_bytes(path.read_bytes(), path.name, include_text=include_text)


def extract_bytes(data: bytes, filename: str, include_text: bool = False) -> ReportRecord:
    """The record of one file. Unreadable input gives a `failed` record naming the reason."""
    sha256 = hashlib.sha256(data).hexdigest()
    source = SourceInfo(
        filename=filename, sha256=sha256, format=None, size_bytes=len(data), pages=None
    )
    try:
        document_format = sniff_format(data, filename)
        source = source.model_copy(update={"format": document_format.value})
        blocks = reader_for(document_format)(data)
    except PipelineError as error:
        return failed_from_error(source, error)
    except Exception:  # a reader bug must cost one file, not the batch
        log.exception("reading %s failed unexpectedly", filename)
        return failed_record(
            source, IssueCode.CORRUPT, "the file could not be read (unexpected parser error)"
        )
    if document_format == Format.PDF:
        pages = max((block.page or 0 for block in blocks), default=0)
        source = source.model_copy(update={"pages": pages or None})
    document = normalize(blocks)
    if not document.lines:
        return failed_record(source, IssueCode.EMPTY_DOCUMENT, "the document holds no text")
    section = segment_measure(document.lines)
    if not section.fields:
        return failed_record(
            source,
            IssueCode.NOT_A_REPORT,
            "none of the periodic report form's labels was found: this does not look like a report",
        )
    measure, issues = extract_measure(section, 0, f"{sha256[:16]}-0")
    if document.repaired:
        issues.insert(
            0,
            Issue(
                code=IssueCode.TEXT_REPAIRED,
                severity=Severity.INFO,
                message="text decoded with the wrong encoding (mojibake) was repaired",
            ),
        )
    form, shares = form_language(section.labels)
    if form is None and shares:
        issues.append(
            Issue(
                code=IssueCode.FORM_LANGUAGE_TIE,
                severity=Severity.WARNING,
                message=f"the labels are split evenly between languages: {shares}",
            )
        )
    content = _content_language(measure)
    languages = Languages(form=form, content=content, shares=shares)
    return build_record(
        source, languages, [measure], issues, document.text if include_text else None
    )


def record_json(record: ReportRecord) -> str:
    """The record as JSON text: stable key order, UTF-8 characters kept, `text` only if asked."""
    return record.model_dump_json(
        indent=2, exclude_none=False, exclude={"text"} if record.text is None else None
    )


def _content_language(measure: Measure) -> str | None:
    """design.md §3: the language of the description, results and conclusions together."""
    texts = {
        "description": measure.description,
        "results": measure.results,
        "conclusions": measure.evaluation.conclusions,
    }
    present = {name: text for name, text in texts.items() if text}
    return content_language(
        {name: measure.languages.get(name) for name in present}, list(present.values())
    )
