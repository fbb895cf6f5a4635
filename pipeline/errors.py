"""Exceptions for input that cannot be read at all.

Only unreadable input raises; a missing or odd field is an Issue in the record. Each error
carries the issue code that the failed record will show (see `schemas.outcome.IssueCode`).
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class: `code` is the issue code, the message says what a person can do about it."""

    code = "corrupt"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnsupportedFormatError(PipelineError):
    code = "unsupported_format"


class DocumentLoadError(PipelineError):
    """The bytes claim a format but its parser cannot read them (truncated, damaged)."""

    code = "corrupt"


class EncryptedDocumentError(PipelineError):
    code = "encrypted"


class NoTextLayerError(PipelineError):
    """A PDF whose pages hold images only (a scan): there is no text to read without OCR."""

    code = "no_text_layer"


class EmptyDocumentError(PipelineError):
    code = "empty_document"


class TooLargeError(PipelineError):
    """The input exceeds a configured limit (pipeline.limits), found before parsing it."""

    code = "too_large"


class ExtractionTimeoutError(PipelineError):
    """A step with a time limit of its own (a format conversion) ran past it."""

    code = "timeout"
