"""The record of one input file: source, languages, report-level information and measures."""

from __future__ import annotations

from pydantic import Field

from schemas.common import SCHEMA_VERSION, Country, LanguageCode, Model
from schemas.measure import Measure
from schemas.outcome import Issue, Status


class Extractor(Model):
    name: str = "qpr"
    version: str = Field(
        description="Package version + fingerprint of the code, data, libraries and settings that made the record"
    )


class SourceInfo(Model):
    filename: str = Field(description="The input's file name (the first of its paths, sorted)")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: str | None = Field(
        description="txt, docx, pdf or html; doc, odt or rtf (read through LibreOffice); null "
        "when not recognised"
    )
    size_bytes: int = Field(ge=0)
    pages: int | None = Field(description="Page count, for paged formats")


class Languages(Model):
    form: LanguageCode | None = Field(description="Language with most distinct matched labels")
    content: LanguageCode | None = Field(description="Language of the free text (langdetect)")
    shares: dict[str, float] = Field(description="Split of the matched labels by language")
    content_shares: dict[str, float] = Field(
        default_factory=dict,
        description="Split of the free text (characters of description, results, conclusions "
        "and key objectives whose language was detected) by language: a mixed document's mix",
    )


class Period(Model):
    start: int | None
    end: int | None


class Contact(Model):
    name: str | None
    organization: str | None
    email: str | None
    phone: str | None
    address: str | None


class Report(Model):
    """Report-level information; all null for a file holding a single measure."""

    party: Country | None = None
    period: Period | None = None
    year: int | None = None
    ratification_date: str | None = Field(
        default=None, description="ISO 8601, as precise as stated"
    )
    contact: Contact | None = None
    consultation_process: str | None = None
    executive_summary: str | None = None


class ReportRecord(Model):
    schema_version: str = SCHEMA_VERSION
    extractor: Extractor
    source: SourceInfo
    languages: Languages
    report: Report
    measures: list[Measure]
    status: Status
    issues: list[Issue]
    text: str | None = Field(
        default=None, description="The normalised document text that spans index (on request)"
    )
    text_pages: list[int] | None = Field(
        default=None,
        description="With `text`, for a paged format: the offset in `text` where each page "
        "starts, page 1 first",
    )
