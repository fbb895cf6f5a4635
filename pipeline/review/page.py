"""The review page of one record: its document's text with every value marked at its span,
beside the report's and each measure's fields with their values, sources, issues and what is
missing. One self-contained HTML file, the same bytes for the same record and text.

Hooks for browser tests and scripts: a field row is `.field[data-field="<measure_id>:<field>"]`
(`report:<field>` for the report's); a mark in the text lists its rows' keys in `data-fields`,
most specific first; the selected row gets `selected`, its marks `current`; the switch is
`#lang-switch`; the filters `#filter-issues`, `#filter-inferred`, `#filter-missing`,
`#filter-entities`; the editing bar's (pipeline/review/editing.py) include `#send`, only on a page
made with `post_to`.

A page made with `post_to` (a service serves it, `GET /v1/reports/<id>/review`) can post its
corrections to that path of the service that served it, and nowhere else: the path is checked
to be one (`/...`, no scheme nor host), and the page's policy lets its script reach its own
origin only. Without it, the page is the same as ever and sends nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.completeness import MissingItem
from pipeline.corrections import CorrectedView
from pipeline.review.assets import asset, escape, language_switch, page_shell, ui, ui_dictionary
from pipeline.review.corrected import (
    EDITABLE,
    RowState,
    edit_data,
    machine_value,
    review_state,
    row_states,
    shown_record,
    unsettled_box,
)
from pipeline.review.editing import review_bar
from pipeline.review.fields import REPORT, FieldView, UnitView, unit_views
from pipeline.review.marks import Piece, page_starts, pieces, record_marks
from schemas import ReportRecord
from schemas.outcome import Issue, Status

_FILTERS = (
    ("filter-issues", "words.filter_issues", False),
    ("filter-inferred", "words.filter_inferred", False),
    ("filter-missing", "words.filter_missing", False),
    ("filter-entities", "words.filter_entities", True),
)
_LEGEND = (
    "header_line",
    "country",
    "year",
    "free_text",
    "website",
    "codes",
    "budget",
    "partners",
    "yes_no",
    "coded",
    "flag",
)
_ENTITY_LEGEND = ("ent-org", "ent-place", "ent-date", "ent-money", "ent-law")
# A path (and query) of the page's own origin: RFC 3986's path and query characters, starting
# with one "/" (two would name a host), none that a browser reads as "/" ("\\") or drops
# (spaces, controls), no fragment.
_SAME_ORIGIN_PATH = re.compile(r"/(?!/)[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*")


def checked_post_to(post_to: str) -> str:
    """`post_to` if it is a path of the page's own origin (`/v1/reports/<id>/corrections`);
    ValueError otherwise (an address with a scheme or a host, a relative path...)."""
    if not isinstance(post_to, str) or not _SAME_ORIGIN_PATH.fullmatch(post_to):
        raise ValueError(
            f"post_to must be a path of the service that serves the page, like "
            f"/v1/reports/<id>/corrections, not {post_to!r}"
        )
    return post_to


def review_page(
    record: ReportRecord,
    text: str | None,
    missing: Sequence[MissingItem] = (),
    view: CorrectedView | None = None,
    *,
    post_to: str | None = None,
) -> str:
    """The page of `record`, whose spans index `text` (None when the text was not kept: the
    values are then listed without their places); with its reviewers' corrections, `view`,
    the corrected values beside the machine's, and what the corrections leave unsettled.
    With `post_to`, a path of the service serving the page, the page can also send its
    corrections there (ValueError when it is not such a path)."""
    if post_to is not None:
        checked_post_to(post_to)
    units = unit_views(shown_record(record, view), missing)
    states = row_states(view)
    excluded = set(view.excluded) if view is not None else set()
    added = set(view.added) if view is not None else set()
    body = "\n".join(
        [
            _header(record, len(missing), review_state(view), send=post_to is not None),
            unsettled_box(view),
            "<main>",
            _document(record, text),
            '<aside id="panel">',
            f"<h2>{ui('words.fields')}</h2>",
            *(_unit(unit, states, excluded, added) for unit in units),
            "</aside>",
            "</main>",
            f'<footer id="status-line"><span>{ui("words.selected")}</span> '
            f'<output id="selection">{ui("words.nothing_selected")}</output></footer>',
        ]
    )
    data = {
        "ui": ui_dictionary(),
        "units": {unit.unit: _unit_name(unit) for unit in units},
        "edit": edit_data(record, view),
    }
    if post_to is not None:
        data["post_to"] = post_to
    title = f"qpr review: {record.source.filename}"
    script = asset("common.js") + asset("page.js") + asset("edit.js")
    return page_shell(
        title,
        body,
        asset("page.css"),
        script,
        data,
        body_class="record",
        connect_self=post_to is not None,
    )


def _header(record: ReportRecord, missing: int, state: str, send: bool = False) -> str:
    facts = [
        ("words.status", _status(record.status.value)),
        ("words.review_state", f'<span id="review-state-shown">{_status(state)}</span>'),
        ("words.format", escape(record.source.format or "?")),
        ("words.pages", str(record.source.pages or "—")),
        ("words.measures", str(len(record.measures))),
        ("words.issues", str(len(record.issues))),
        ("words.missing", str(missing)),
        ("words.extractor", escape(record.extractor.version)),
    ]
    fact_html = "".join(f"<div><dt>{ui(key)}</dt><dd>{value}</dd></div>" for key, value in facts)
    filters = "".join(
        f'<label><input type="checkbox" id="{name}"{" checked" if on else ""}> {ui(key)}</label>'
        for name, key, on in _FILTERS
    )
    legend = "".join(
        f'<span class="swatch k-{kind}">{ui("kinds." + kind)}</span>' for kind in _LEGEND
    ) + "".join(
        f'<span class="swatch ent {kind}">{ui("kinds." + kind)}</span>' for kind in _ENTITY_LEGEND
    )
    return (
        f'<header id="top"><div class="bar"><h1>{escape(record.source.filename)}</h1>'
        f'<a href="index.html" id="index-link">{ui("words.index_link")}</a>'
        f"{language_switch()}</div>"
        f'<dl class="facts">{fact_html}<div><dt>sha256</dt><dd class="sha">'
        f"{escape(record.source.sha256)}</dd></div></dl>"
        f'<div class="controls"><span>{ui("words.filters")}</span>{filters}</div>'
        f'<div class="legend"><span>{ui("words.legend")}</span>{legend}</div>'
        f'<p class="help">{ui("words.help")}</p>{review_bar(state, send)}</header>'
    )


def _status(value: str) -> str:
    return f'<span class="status status-{escape(value)}">{ui("statuses." + value, value)}</span>'


def _document(record: ReportRecord, text: str | None) -> str:
    head = f'<section id="doc"><h2>{ui("words.document_text")}</h2>'
    if text is None:
        key = "words.no_text" if record.status == Status.FAILED else "words.text_not_kept"
        return f'{head}<p class="note" id="no-text">{ui(key)}</p></section>'
    if record.text_pages:  # where the reader saw each page start
        starts = {page: offset for page, offset in enumerate(record.text_pages, start=1)}
        note = ""
    else:  # a record without them (read back from a batch): as its values' pages tell
        starts = page_starts(record, text)
        note = f'<p class="note">{ui("words.pages_from_values")}</p>' if starts else ""
    language = escape(record.languages.content or "")
    marked = _marked_text(text, pieces(len(text), record_marks(record), starts.values()), starts)
    return f'{head}{note}<div id="text" lang="{language}">{marked}</div></section>'


def _marked_text(text: str, runs: list[Piece], starts: dict[int, int]) -> str:
    """The text with a mark around each run that values cover, and a marker where a page
    starts."""
    pages: dict[int, list[int]] = {}
    for page, offset in sorted(starts.items()):  # pages without text share the next one's start
        pages.setdefault(offset, []).append(page)
    out: list[str] = []
    for run in runs:
        for page in pages.get(run.start, ()):
            out.append(
                f'<span class="page-marker" id="page-{page}" data-page="{page}">'
                f"{ui('words.page')} {page}</span>"
            )
        chunk = escape(text[run.start : run.end])
        if not run.values:
            out.append(chunk)
            continue
        keys = " ".join(dict.fromkeys(value.field for value in run.values))
        own = [value for value in run.values if not value.entity]
        entities = [value for value in run.values if value.entity]
        classes = [f"k-{own[0].kind}" if own else "ent-only"]
        if entities:
            classes += ["ent", entities[0].kind]
        if any(value.inferred for value in own):
            classes.append("inf")
        out.append(f'<mark class="{" ".join(classes)}" data-fields="{escape(keys)}">{chunk}</mark>')
    return "".join(out)


def _unit_name(unit: UnitView) -> str:
    if unit.unit == REPORT:
        return ""
    return f"{(unit.index or 0) + 1}. {unit.title or ''}".strip()


def _unit(unit: UnitView, states: dict[str, RowState], excluded: set[str], added: set[str]) -> str:
    classes, badge, button = ["unit"], "", ""
    editable = unit.unit != REPORT and unit.unit not in excluded
    if unit.unit == REPORT:
        heading = ui("words.report")
    else:
        title = escape(unit.title or "—")
        heading = f"{ui('words.measure')} {(unit.index or 0) + 1}: {title}"
    if unit.unit in excluded:
        classes.append("spurious")
        badge = f'<span class="badge">{ui("words.not_a_measure")}</span>'
        button = (
            f'<button type="button" class="is-measure">{ui("words.unmark_not_measure")}</button>'
        )
    elif unit.unit in added:
        classes.append("added")
        badge = f'<span class="badge">{ui("words.added_measure")}</span>'
    if editable:
        button = (
            f'<button type="button" class="not-measure">{ui("words.mark_not_measure")}</button>'
        )
    issues = _issues(unit.issues, "unit-issues")
    rows = "".join(_row(view, states.get(view.key), editable) for view in unit.fields)
    return (
        f'<section class="{" ".join(classes)}" data-unit="{escape(unit.unit)}">'
        f"<h3>{heading}{badge}</h3>{button}{issues}{rows}</section>"
    )


def _row(view: FieldView, state: RowState | None = None, editable: bool = False) -> str:
    present = view.value not in (None, False) or bool(view.items)
    classes = ["field"]
    classes += ["has-issues"] if view.issues else []
    classes += ["inferred"] if "inferred" in view.sources else []
    classes += ["missing"] if view.missing else []
    classes += ["empty"] if not present and view.value is None and not view.missing else []
    shown_sources = ("corrected",) if state is not None and state.machine else view.sources
    classes += ["corrected"] if state is not None and state.machine else []
    classes += ["confirmed"] if state is not None and state.confirmed else []
    sources = "".join(
        f'<span class="src src-{escape(source)}">{ui("sources." + source, source)}</span>'
        for source in shown_sources
    )
    if state is not None and state.confirmed:
        sources += f'<span class="src src-confirmed">{ui("words.confirmed")}</span>'
    editable = editable and view.name in EDITABLE
    unplaced = (
        f'<span class="unplaced">{ui("words.not_in_text")}</span>'
        if present and not view.placed
        else ""
    )
    label = view.missing[0].label if view.missing else view.name
    parts = [
        f'<div class="{" ".join(classes)}" data-field="{escape(view.key)}" '
        f'data-kind="{escape(view.kind)}" tabindex="0">',
        f'<div class="head"><span class="name">{ui("fields." + view.name, label)}</span>'
        f"{sources}{unplaced}{_actions() if editable else ''}</div>",
        _value(view.value),
    ]
    if view.items:
        partners = view.name == "partners"
        items = "".join(
            _item(text, source, index if partners else None)
            for index, (text, source) in enumerate(view.items)
        )
        parts.append(f'<ul class="items">{items}</ul>')
    if state is not None and state.machine:
        parts.append(_machine(view.name, state))
    parts.append(_issues(view.issues, "issues"))
    if view.missing:
        missing = "".join(
            f'<li><span class="state">{ui("states." + item.state, item.state)}</span> '
            f"{escape(item.label)}{(': ' + escape(item.detail)) if item.detail else ''}</li>"
            for item in view.missing
        )
        parts.append(f'<ul class="missing-items">{missing}</ul>')
    parts.append("</div>")
    return "".join(parts)


def _actions() -> str:
    return (
        '<span class="actions">'
        f'<button type="button" class="edit">{ui("words.edit")}</button>'
        f'<button type="button" class="confirm">{ui("words.confirm")}</button>'
        f'<button type="button" class="wrong">{ui("words.wrong")}</button></span>'
    )


def _machine(name: str, state: RowState) -> str:
    """The machine's values of a corrected row, beside the corrected ones."""
    items = "".join(
        f'<li><span class="path">{escape(path)}</span> {escape(machine_value(value))}</li>'
        if path.rpartition(".")[2] != name
        else f"<li>{escape(machine_value(value))}</li>"
        for path, value in state.machine
    )
    return f'<div class="machine"><span>{ui("words.machine_value")}</span><ul>{items}</ul></div>'


def _item(text: str, source: str | None, partner: int | None = None) -> str:
    attribute = f' data-partner="{partner}"' if partner is not None else ""
    if source is None:
        return f"<li{attribute}>{escape(text)}</li>"
    tag = f'<span class="src src-{escape(source)}">{ui("sources." + source, source)}</span>'
    return f"<li{attribute}>{escape(text)} {tag}</li>"


def _value(value: str | bool | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<div class="value">{ui("words.yes" if value else "words.no")}</div>'
    return f'<div class="value">{escape(value)}</div>'


def _issues(issues: Sequence[Issue], css_class: str) -> str:
    if not issues:
        return ""
    items = "".join(
        f'<li class="sev-{issue.severity.value}"><code>{issue.code.value}</code> '
        f"{escape(issue.message)}</li>"
        for issue in issues
    )
    return f'<ul class="{css_class}">{items}</ul>'
