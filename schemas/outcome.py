"""The outcome of an extraction: status, issues and the documented catalogue of issue codes."""

from __future__ import annotations

from enum import StrEnum

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
    DATE_UNPARSED = "date_unparsed"
    # Languages.
    FORM_LANGUAGE_TIE = "form_language_tie"


ISSUE_DESCRIPTIONS: dict[IssueCode, str] = {
    IssueCode.UNSUPPORTED_FORMAT: "The file is not a DOCX, PDF, HTML or text document.",
    IssueCode.CORRUPT: "The file claims a supported format but is damaged or truncated.",
    IssueCode.ENCRYPTED: "The document is password-protected and cannot be opened.",
    IssueCode.NO_TEXT_LAYER: "The PDF holds page images only (a scan): there is no text to read.",
    IssueCode.EMPTY_DOCUMENT: "The file is empty or holds no text.",
    IssueCode.TOO_LARGE: (
        "The file exceeds a configured limit and was not parsed; as a warning, a field's value "
        "exceeded the characters kept per field and was cut."
    ),
    IssueCode.TIMEOUT: "Extraction took longer than the configured time limit.",
    IssueCode.NOT_A_REPORT: (
        "The document holds none of the report form's labels and does not call itself a "
        "periodic report of this Convention (a letter, minutes, another Convention's report)."
    ),
    IssueCode.NO_FORM_LABELS: (
        "The document calls itself a periodic report but carries none of the form's labels: "
        "its values come from its cover, headings, prose and any list of measures."
    ),
    IssueCode.NO_MEASURE_FOUND: "No policy/measure record could be delimited in the document.",
    IssueCode.NO_TITLE: "The measure has no title line before its first label.",
    IssueCode.MEASURE_BOUNDARY_UNCLEAR: (
        "Two measures follow each other with no title between them: where one ends is a guess."
    ),
    IssueCode.DUPLICATE_LABEL: "A field's label occurs twice in one measure; the first is used.",
    IssueCode.TRAILING_TEXT_IGNORED: "Lines after the record's last field were left out.",
    IssueCode.TEXT_REPAIRED: "Mojibake (text decoded with the wrong encoding) was repaired.",
    IssueCode.TEXT_FROM_OCR: (
        "The PDF has no text layer (a scan): its text was read by OCR, and may hold misreadings."
    ),
    IssueCode.CURRENCY_FROM_LABEL: "The budget names no currency; the label's currency applies.",
    IssueCode.BUDGET_UNPARSED: "The budget value holds text but no figure.",
    IssueCode.BUDGET_WITHOUT_TOTAL: "The budget lists several figures but no total; amount is null.",
    IssueCode.RESULTS_EXPECTED: "The results are those expected (2012-2016 form), not achieved.",
    IssueCode.COUNTRY_INFERRED: "The country was not stated; it was read from the agency or title.",
    IssueCode.COUNTRY_UNRESOLVED: "A country was stated but matches no known country name.",
    IssueCode.YEAR_UNPARSED: "The year value holds no year.",
    IssueCode.EVALUATION_UNCLEAR: "The evaluation answer is neither yes nor no.",
    IssueCode.PARTNER_NAME_MISSING: "A partner row has a type but no name.",
    IssueCode.PARTNER_TYPE_MISSING: "A partner row has a name but no type.",
    IssueCode.UNRECOGNISED_VALUE: "A goal, area, domain or priority line matches no known value.",
    IssueCode.PARTY_UNRESOLVED: "The Party's name matches no known country or the EU.",
    IssueCode.DATE_UNPARSED: "A report date (ratification, submission) holds no readable date.",
    IssueCode.FORM_LANGUAGE_TIE: "The form's labels are split evenly between languages.",
}


class Issue(Model):
    code: IssueCode = Field(description="Catalogue code; see `qpr issues` or ISSUE_DESCRIPTIONS")
    severity: Severity
    measure_index: int | None = Field(default=None, ge=0, description="Index into `measures`")
    field: str | None = Field(default=None, description="The field concerned, if any")
    message: str = Field(description="What was found, in words a person can act on")
