"""The reporting cycle of a record (design.md, "cycle"): the latest of 2012, 2016, 2020, 2024 not
after the report's year, else from the end of its stated period plus one."""

from __future__ import annotations

import pytest
from records import extract_text

from pipeline.cycle import report_cycle
from schemas import ReportRecord
from schemas.report import Period, Report


def _record(year: int | None, period: tuple[int, int] | None) -> ReportRecord:
    report = Report(year=year, period=Period(start=period[0], end=period[1]) if period else None)
    return _SEED.model_copy(update={"report": report})


_SEED = extract_text("Title of the policy/measure: A fund for young musicians\n")


@pytest.mark.parametrize(
    ("year", "period", "cycle"),
    [
        (2013, None, 2012),  # submitted a year late: still the 2012 cycle
        (2017, None, 2016),
        (2020, (2016, 2019), 2020),  # the year decides over the period
        (2024, None, 2024),
        (2031, None, 2024),
        (None, (2020, 2023), 2024),  # no year: the period's end plus one
        (None, (2012, 2015), 2016),
        (2009, None, None),  # before the first cycle
        (None, None, None),
    ],
)
def test_the_cycle_of_a_report(
    year: int | None, period: tuple[int, int] | None, cycle: int | None
) -> None:
    assert report_cycle(_record(year, period)) == cycle
