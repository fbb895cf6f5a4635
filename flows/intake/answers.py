"""What the intake service says of a submission: its state, a line of the list, and its record
as served to the one who sent it.

A record belongs to the bytes (records/<sha256>.json), which two Parties may both have sent; what
is served is that record seen from one submission: with the file name that submission gave, and
an issue when the report names another Party than the submitter's. Nothing in it tells that
someone else sent the same bytes.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.submissions import Submission
from pipeline.cycle import report_cycle
from schemas import ReportRecord
from schemas.outcome import Issue, IssueCode

PENDING, SUPERSEDED = "pending", "superseded"


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """What the list needs of a record, kept while the record file is unchanged."""

    status: str
    cycle: int | None
    party: str | None


class Answers:
    def __init__(self, root: Path) -> None:
        self.records = root / "records"
        self._lock = threading.Lock()
        self._facts: dict[str, tuple[tuple[int, int], RecordFacts]] = {}

    def record_path(self, submission: Submission) -> Path:
        return self.records / f"{submission.sha256}.json"

    def facts(self, submission: Submission) -> RecordFacts | None:
        """None while the submission's input has no record."""
        path = self.record_path(submission)
        try:
            status = os.stat(path)
        except FileNotFoundError:
            return None
        stamp = (status.st_mtime_ns, status.st_size)
        with self._lock:
            kept = self._facts.get(submission.sha256)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        record = ReportRecord.model_validate_json(path.read_bytes())
        party = record.report.party.iso3 if record.report.party else None
        facts = RecordFacts(record.status.value, report_cycle(record), party)
        with self._lock:
            self._facts[submission.sha256] = (stamp, facts)
        return facts

    def state(self, submission: Submission, queued: bool) -> str:
        """pending (queued, or no record yet), superseded, or the record's status."""
        facts = None if queued else self.facts(submission)
        if facts is None:
            return PENDING
        return SUPERSEDED if submission.superseded_by else facts.status

    def line(self, submission: Submission, queued: bool) -> dict[str, Any]:
        facts = None if queued else self.facts(submission)
        return {
            "id": submission.id,
            "party": submission.party,
            "filename": submission.filename,
            "size_bytes": submission.size_bytes,
            "sha256": submission.sha256,
            "status": self.state(submission, queued),
            "cycle": facts.cycle if facts else None,
            "replaces": submission.replaces,
            "superseded_by": submission.superseded_by,
            "url": f"/v1/reports/{submission.id}",
        }

    def served_record(self, submission: Submission) -> ReportRecord:
        """The record as this submission's sender sees it."""
        record = ReportRecord.model_validate_json(self.record_path(submission).read_bytes())
        return seen_by(record, submission)


def seen_by(record: ReportRecord, submission: Submission) -> ReportRecord:
    source = record.source.model_copy(update={"filename": submission.filename})
    issues = list(record.issues)
    named = record.report.party
    if named is not None and named.iso3 != submission.party:
        issues.append(
            Issue.of(
                IssueCode.PARTY_MISMATCH,
                f"the report names {named.name} ({named.iso3}), but it was submitted with the "
                f"key of {submission.party}: check that the right file was sent",
                field="report.party",
            )
        )
    return record.model_copy(update={"source": source, "issues": issues})


def record_text(record: ReportRecord) -> str:
    from pipeline import record_json

    return record_json(record) + "\n"


def refusal_detail(code: str, message: str) -> dict[str, str]:
    """What every refusal says, as its body's `detail`: a code a program can test, a sentence a
    person can act on."""
    return {"code": code, "message": message}
