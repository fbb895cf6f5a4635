"""The outcome of an extraction: status, issues and the documented catalogue of issue codes."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from pydantic import Field

from schemas.common import Model


class Status(StrEnum):
    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class IssueCode(StrEnum):
    # Input that could not be read at all (the record is `failed`).
    UNSUPPORTED_FORMAT = "unsupported_format"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    NO_TEXT_LAYER = "no_text_layer"
    EMPTY_DOCUMENT = "empty_document"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    NOT_A_REPORT = "not_a_report"
    NO_FORM_LABELS = "no_form_labels"
    # Structure of the record.
    NO_MEASURE_FOUND = "no_measure_found"
    NO_TITLE = "no_title"
    MEASURE_BOUNDARY_UNCLEAR = "measure_boundary_unclear"
    DUPLICATE_LABEL = "duplicate_label"
    TRAILING_TEXT_IGNORED = "trailing_text_ignored"
    # Values.
    TEXT_REPAIRED = "text_repaired"
    TEXT_FROM_OCR = "text_from_ocr"
    CURRENCY_FROM_LABEL = "currency_from_label"
    BUDGET_UNPARSED = "budget_unparsed"
    BUDGET_WITHOUT_TOTAL = "budget_without_total"
    RESULTS_EXPECTED = "results_expected"
    COUNTRY_INFERRED = "country_inferred"
    COUNTRY_UNRESOLVED = "country_unresolved"
    YEAR_UNPARSED = "year_unparsed"
    EVALUATION_UNCLEAR = "evaluation_unclear"
    PARTNER_NAME_MISSING = "partner_name_missing"
    PARTNER_TYPE_MISSING = "partner_type_missing"
    UNRECOGNISED_VALUE = "unrecognised_value"
    PARTY_UNRESOLVED = "party_unresolved"
    PARTY_MISMATCH = "party_mismatch"
    DATE_UNPARSED = "date_unparsed"
    # Languages.
    FORM_LANGUAGE_TIE = "form_language_tie"


class IssueKind(NamedTuple):
    """What an issue code means and how much it weighs: one code, one severity, so a caller
    names the code and never restates its weight."""

    severity: Severity
    description: str


# A code raised as the reason a file could not be read is an error whatever its weight here
# (`too_large` as a cut field value is a warning): see `Issue.failure`.
ISSUE_CATALOGUE: dict[IssueCode, IssueKind] = {
    IssueCode.UNSUPPORTED_FORMAT: IssueKind(
        Severity.ERROR,
        "The file is not a DOCX, PDF, HTML or text document.",
    ),
    IssueCode.CORRUPT: IssueKind(
        Severity.ERROR,
        "The file claims a supported format but is damaged or truncated.",
    ),
    IssueCode.ENCRYPTED: IssueKind(
        Severity.ERROR,
        "The document is password-protected and cannot be opened.",
    ),
    IssueCode.NO_TEXT_LAYER: IssueKind(
        Severity.ERROR,
        "The PDF holds page images only (a scan): there is no text to read.",
    ),
    IssueCode.EMPTY_DOCUMENT: IssueKind(
        Severity.ERROR,
        "The file is empty or holds no text.",
    ),
    IssueCode.TOO_LARGE: IssueKind(
        Severity.WARNING,
        (
            "The file exceeds a configured limit and was not parsed; as a warning, a field's value "
            "exceeded the characters kept per field and was cut."
        ),
    ),
    IssueCode.TIMEOUT: IssueKind(
        Severity.ERROR,
        "Extraction took longer than the configured time limit.",
    ),
    IssueCode.NOT_A_REPORT: IssueKind(
        Severity.ERROR,
        (
            "The document holds none of the report form's labels and does not call itself a "
            "periodic report of this Convention (a letter, minutes, another Convention's report)."
        ),
    ),
    IssueCode.NO_FORM_LABELS: IssueKind(
        Severity.WARNING,
        (
            "The document calls itself a periodic report but carries none of the form's labels: "
            "its values come from its cover, headings, prose and any list of measures."
        ),
    ),
    IssueCode.NO_MEASURE_FOUND: IssueKind(
        Severity.WARNING,
        "No policy/measure record could be delimited in the document.",
    ),
    IssueCode.NO_TITLE: IssueKind(
        Severity.ERROR,
        "The measure has no title line before its first label.",
    ),
    IssueCode.MEASURE_BOUNDARY_UNCLEAR: IssueKind(
        Severity.ERROR,
        ("Two measures follow each other with no title between them: where one ends is a guess."),
    ),
    IssueCode.DUPLICATE_LABEL: IssueKind(
        Severity.WARNING,
        "A field's label occurs twice in one measure; the first is used.",
    ),
    IssueCode.TRAILING_TEXT_IGNORED: IssueKind(
        Severity.INFO,
        "Lines after the record's last field were left out.",
    ),
    IssueCode.TEXT_REPAIRED: IssueKind(
        Severity.INFO,
        "Mojibake (text decoded with the wrong encoding) was repaired.",
    ),
    IssueCode.TEXT_FROM_OCR: IssueKind(
        Severity.WARNING,
        ("The PDF has no text layer (a scan): its text was read by OCR, and may hold misreadings."),
    ),
    IssueCode.CURRENCY_FROM_LABEL: IssueKind(
        Severity.INFO,
        "The budget names no currency; the label's currency applies.",
    ),
    IssueCode.BUDGET_UNPARSED: IssueKind(
        Severity.WARNING,
        "The budget value holds text but no figure.",
    ),
    IssueCode.BUDGET_WITHOUT_TOTAL: IssueKind(
        Severity.INFO,
        "The budget lists several figures but no total; amount is null.",
    ),
    IssueCode.RESULTS_EXPECTED: IssueKind(
        Severity.INFO,
        "The results are those expected (2012-2016 form), not achieved.",
    ),
    IssueCode.COUNTRY_INFERRED: IssueKind(
        Severity.INFO,
        "The country was not stated; it was read from the agency or title.",
    ),
    IssueCode.COUNTRY_UNRESOLVED: IssueKind(
        Severity.WARNING,
        "A country was stated but matches no known country name.",
    ),
    IssueCode.YEAR_UNPARSED: IssueKind(
        Severity.WARNING,
        "The year value holds no year.",
    ),
    IssueCode.EVALUATION_UNCLEAR: IssueKind(
        Severity.WARNING,
        "The evaluation answer is neither yes nor no.",
    ),
    IssueCode.PARTNER_NAME_MISSING: IssueKind(
        Severity.WARNING,
        "A partner row has a type but no name.",
    ),
    IssueCode.PARTNER_TYPE_MISSING: IssueKind(
        Severity.WARNING,
        "A partner row has a name but no type.",
    ),
    IssueCode.UNRECOGNISED_VALUE: IssueKind(
        Severity.WARNING,
        "A goal, area, domain or priority line matches no known value.",
    ),
    IssueCode.PARTY_UNRESOLVED: IssueKind(
        Severity.WARNING,
        "The Party's name matches no known country or the EU.",
    ),
    IssueCode.PARTY_MISMATCH: IssueKind(
        Severity.WARNING,
        "The report names another Party than the one whose key submitted it (intake service).",
    ),
    IssueCode.DATE_UNPARSED: IssueKind(
        Severity.WARNING,
        "A report date (ratification, submission) holds no readable date.",
    ),
    IssueCode.FORM_LANGUAGE_TIE: IssueKind(
        Severity.WARNING,
        "The form's labels are split evenly between languages.",
    ),
}
ISSUE_DESCRIPTIONS: dict[IssueCode, str] = {
    code: kind.description for code, kind in ISSUE_CATALOGUE.items()
}


class Issue(Model):
    code: IssueCode = Field(description="Catalogue code; see `qpr issues` or ISSUE_DESCRIPTIONS")
    severity: Severity
    measure_index: int | None = Field(default=None, ge=0, description="Index into `measures`")
    field: str | None = Field(default=None, description="The field concerned, if any")
    message: str = Field(description="What was found, in words a person can act on")

    @classmethod
    def of(
        cls,
        code: IssueCode,
        message: str,
        field: str | None = None,
        measure_index: int | None = None,
    ) -> Issue:
        """The issue of `code`, with the severity the catalogue gives it."""
        return cls(
            code=code,
            severity=ISSUE_CATALOGUE[code].severity,
            measure_index=measure_index,
            field=field,
            message=message,
        )

    @classmethod
    def failure(cls, code: IssueCode, message: str) -> Issue:
        """The reason a file could not be read: an error, since the record has no content."""
        return cls(code=code, severity=Severity.ERROR, message=message)
