"""The quadrennial reporting cycle a report belongs to (design.md, "cycle"): 2012, 2016, 2020 or
2024 — the latest of these not after the report's year, else from the end of its stated period
plus one; None when neither is known."""

from __future__ import annotations

from schemas import ReportRecord

CYCLES = (2012, 2016, 2020, 2024)


def report_cycle(record: ReportRecord) -> int | None:
    report = record.report
    year = report.year
    if year is None and report.period is not None and report.period.end is not None:
        year = report.period.end + 1
    if year is None:
        return None
    return next((cycle for cycle in reversed(CYCLES) if cycle <= year), None)
