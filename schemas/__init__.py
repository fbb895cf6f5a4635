"""The qpr data contract (docs/record.md): pydantic models, code lists and the issue catalogue."""

from __future__ import annotations

from typing import Any

from schemas.common import SCHEMA_VERSION
from schemas.measure import Measure
from schemas.outcome import ISSUE_DESCRIPTIONS, Issue, IssueCode, Severity, Status
from schemas.report import ReportRecord

__all__ = [
    "ISSUE_DESCRIPTIONS",
    "SCHEMA_VERSION",
    "Issue",
    "IssueCode",
    "Measure",
    "ReportRecord",
    "Severity",
    "Status",
    "json_schema",
]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a record, as `qpr schema` prints it."""
    schema = ReportRecord.model_json_schema(mode="serialization")
    schema["title"] = f"qpr ReportRecord {SCHEMA_VERSION}"
    return schema
