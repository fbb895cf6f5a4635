"""What a batch run did, counted: by status, format, language and country, the slowest files
and the failure reasons; as a dict for `runs/`, and as markdown for the Prefect artifact and
the command line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from schemas import ReportRecord

_SLOWEST = 5


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """What the summary counts of a record, read where the record was made, so that the
    driver parses no record again."""

    status: str
    format: str
    language: str
    countries: tuple[str, ...]
    failure: str | None

    @classmethod
    def of(cls, record: ReportRecord) -> RecordFacts:
        party = record.report.party.iso3 if record.report.party else None
        countries = (
            {party}
            if party
            else {measure.country.iso3 if measure.country else None for measure in record.measures}
        )
        failed = record.status.value == "failed"
        return cls(
            status=record.status.value,
            format=record.source.format or "unknown",
            language=record.languages.content or "unknown",
            countries=tuple(sorted(code or "unknown" for code in countries)),
            failure=record.issues[0].code.value if failed else None,
        )


@dataclass
class RunSummary:
    extractor_version: str
    inputs: int
    distinct: int
    skipped: int = 0
    rows: int | None = None
    seconds: float | None = None
    statuses: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    timings: list[tuple[float, str]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    # What the walk of the sources left out, by reason (hidden, batch_folder, excluded).
    skipped_entries: dict[str, int] = field(default_factory=dict)
    # Where every input of the run stands once the outputs are written (see flows.ingest).
    outcomes: dict[str, Any] = field(default_factory=dict)
    interrupted: bool = False

    def add(self, facts: RecordFacts, name: str, seconds: float) -> None:
        """Count one new record."""
        self.statuses[facts.status] += 1
        self.formats[facts.format] += 1
        self.languages[facts.language] += 1
        for country in facts.countries:
            self.countries[country] += 1
        if facts.failure is not None:
            self.failures[facts.failure] += 1
        self.timings.append((seconds, name))
        self.timings = sorted(self.timings, reverse=True)[:_SLOWEST]

    @property
    def extracted(self) -> int:
        return sum(self.statuses.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "extractor_version": self.extractor_version,
            "inputs": self.inputs,
            "distinct": self.distinct,
            "extracted": self.extracted,
            "skipped": self.skipped,
            "dataset_rows": self.rows,
            "seconds": self.seconds,
            "by_status": dict(sorted(self.statuses.items())),
            "by_format": dict(sorted(self.formats.items())),
            "by_language": dict(sorted(self.languages.items())),
            "by_country": dict(sorted(self.countries.items())),
            "failure_reasons": dict(sorted(self.failures.items())),
            "unreadable": sorted(self.unreadable),
            "skipped_entries": self.skipped_entries,
            "outcomes": self.outcomes,
            "interrupted": self.interrupted,
            "slowest": [
                {"file": name, "seconds": round(seconds, 3)} for seconds, name in self.timings
            ],
        }


def summary_markdown(summary: RunSummary) -> str:
    return summary_text(summary.as_dict())


def summary_text(data: dict[str, Any]) -> str:
    """The summary of `RunSummary.as_dict()` as markdown, readable in a terminal too."""
    lines = [
        "# qpr ingest",
        "",
        f"Extractor {data['extractor_version']}: {data['inputs']} input file(s), "
        f"{data['distinct']} distinct, {data['extracted']} extracted, {data['skipped']} "
        f"already done; {data['dataset_rows']} dataset row(s).",
    ]
    for title, key in (
        ("Status", "by_status"),
        ("Format", "by_format"),
        ("Content language", "by_language"),
        ("Country", "by_country"),
        ("Failure reason", "failure_reasons"),
    ):
        if data[key]:
            lines += ["", f"| {title} | files |", "|---|---|"]
            lines += [f"| {name} | {count} |" for name, count in data[key].items()]
    if data["unreadable"]:
        lines += ["", "Could not be read: " + ", ".join(data["unreadable"])]
    skipped = data.get("skipped_entries") or {}
    if skipped:
        reasons = {
            "hidden": "hidden file(s)",
            "batch_folder": "qpr batch folder(s)",
            "excluded": "path(s) under the output folder",
        }
        said = ", ".join(f"{count} {reasons.get(name, name)}" for name, count in skipped.items())
        lines += ["", f"Not inputs, skipped: {said} (each is named in the run log)."]
    outcomes = data.get("outcomes") or {}
    if outcomes.get("invalid"):
        lines += [
            "",
            f"{outcomes['invalid']} record(s) no longer validate against the schema: left out "
            "of the dataset, marked `invalid` in the manifest.",
        ]
    if data.get("interrupted"):
        lines += ["", "Interrupted: the inputs not yet extracted are done by the next run."]
    if data["slowest"]:
        lines += ["", "| Slowest file | seconds |", "|---|---|"]
        lines += [f"| {item['file']} | {item['seconds']} |" for item in data["slowest"]]
    return "\n".join(lines) + "\n"
