"""Parts and issues in, a validated `ReportRecord` out; the record of a file that failed too."""

from __future__ import annotations

from pipeline.errors import PipelineError
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.version import extractor_version
from schemas.measure import Measure
from schemas.outcome import Issue, IssueCode, Severity, Status
from schemas.report import Extractor, Languages, Report, ReportRecord, SourceInfo


def record_status(issues: list[Issue]) -> Status:
    return (
        Status.PARTIAL if any(issue.severity == Severity.ERROR for issue in issues) else Status.OK
    )


def build_record(
    source: SourceInfo,
    languages: Languages,
    report: Report,
    measures: list[Measure],
    issues: list[Issue],
    text: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    text_pages: list[int] | None = None,
) -> ReportRecord:
    return ReportRecord(
        extractor=Extractor(version=extractor_version(limits)),
        source=source,
        languages=languages,
        report=report,
        measures=measures,
        status=record_status(issues),
        issues=issues,
        text=text,
        text_pages=text_pages,
    )


def failed_record(
    source: SourceInfo, code: str, message: str, limits: Limits = DEFAULT_LIMITS
) -> ReportRecord:
    """The record of an input that could not be read: no measures, one error saying why."""
    return ReportRecord(
        extractor=Extractor(version=extractor_version(limits)),
        source=source,
        languages=Languages(form=None, content=None, shares={}),
        report=Report(),
        measures=[],
        status=Status.FAILED,
        issues=[Issue.failure(IssueCode(code), message)],
    )


def failed_from_error(
    source: SourceInfo, error: PipelineError, limits: Limits = DEFAULT_LIMITS
) -> ReportRecord:
    return failed_record(source, error.code, error.message, limits)
