"""The index of a folder of review pages: every record with its status, review state, Party,
cycle, measure count, issue count and completeness (the count of missing values), sortable
by any column and filterable. Hooks: `table#records`, its `th` elements sort, `#index-filter`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from pipeline.completeness import MissingItem
from pipeline.review.assets import asset, escape, language_switch, page_shell, ui, ui_dictionary
from schemas import ReportRecord


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One row of the index; `page` is the record's page, relative to the index (None: no
    page could be made)."""

    page: str | None
    filename: str
    sha256: str
    status: str
    review_state: str
    party: str
    cycle: str
    measures: int
    issues: int
    missing: int


def index_entry(
    record: ReportRecord,
    missing: Sequence[MissingItem],
    page: str | None,
    review_state: str = "unreviewed",
) -> IndexEntry:
    """The record's row; `review_state` as its corrections set it."""
    report = record.report
    party = f"{report.party.name} ({report.party.iso3})" if report.party else ""
    if not party:  # a single-measure file: its measures' countries
        countries = dict.fromkeys(
            f"{m.country.name} ({m.country.iso3})" for m in record.measures if m.country
        )
        party = "; ".join(countries)
    cycle = ""
    if report.period is not None and (report.period.start or report.period.end):
        cycle = f"{report.period.start or '?'}–{report.period.end or '?'}"
    elif report.year is not None:
        cycle = str(report.year)
    return IndexEntry(
        page=page,
        filename=record.source.filename,
        sha256=record.source.sha256,
        status=record.status.value,
        review_state=review_state,
        party=party,
        cycle=cycle,
        measures=len(record.measures),
        issues=len(record.issues),
        missing=len(missing),
    )


_COLUMNS = (
    ("words.file", "text"),
    ("words.status", "text"),
    ("words.review_state", "text"),
    ("words.party", "text"),
    ("words.cycle", "text"),
    ("words.measures", "number"),
    ("words.issues", "number"),
    ("words.missing_count", "number"),
)


def review_index(entries: Sequence[IndexEntry], title: str = "qpr review") -> str:
    """The index page of `entries`, in file-name order (then by hash: the same bytes whatever
    order the records were read in)."""
    ordered = sorted(entries, key=lambda entry: (entry.filename, entry.sha256))
    heads = "".join(
        f'<th data-type="{kind}" tabindex="0" aria-sort="none">{ui(key)}</th>'
        for key, kind in _COLUMNS
    )
    rows = "\n".join(_row(entry) for entry in ordered)
    body = (
        f'<header id="top"><div class="bar"><h1>{escape(title)}</h1>{language_switch()}</div>'
        f'<div class="controls"><span>{ui("words.records")}: '
        f'<output id="index-count">{len(ordered)}</output></span>'
        f'<input type="search" id="index-filter" data-ui-placeholder="words.index_filter" '
        f'placeholder="{escape(ui_dictionary()["en"]["words.index_filter"])}"></div>'
        f'<p class="help">{ui("words.index_help")}</p></header>'
        f'<main class="index"><table id="records"><thead><tr>{heads}</tr></thead>'
        f"<tbody>\n{rows}\n</tbody></table></main>"
    )
    data = {"ui": ui_dictionary()}
    script = asset("common.js") + asset("index.js")
    return page_shell(title, body, asset("page.css"), script, data, body_class="index")


def _row(entry: IndexEntry) -> str:
    name = escape(entry.filename)
    link = f'<a href="{escape(quote(entry.page))}">{name}</a>' if entry.page else name
    cells = [
        f'<td data-sort="{name}" title="{escape(entry.sha256)}">{link}</td>',
        f'<td data-sort="{escape(entry.status)}"><span class="status status-{escape(entry.status)}">'
        f"{ui('statuses.' + entry.status, entry.status)}</span></td>",
        f'<td data-sort="{escape(entry.review_state)}">'
        f"{ui('statuses.' + entry.review_state, entry.review_state)}</td>",
        f"<td>{escape(entry.party)}</td>",
        f"<td>{escape(entry.cycle)}</td>",
        f'<td class="number">{entry.measures}</td>',
        f'<td class="number">{entry.issues}</td>',
        f'<td class="number">{entry.missing}</td>',
    ]
    return f'<tr data-sha256="{escape(entry.sha256)}">{"".join(cells)}</tr>'
