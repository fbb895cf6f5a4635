"""A document without the form's labels in: whether it says it is a periodic report of this
Convention (a Party's own layout, a summary page, a measure-list tab), the measures a list of
measures shows, one row each (title, scope, nature), and what a page rendered without its
labels holds, read by the form's order (a measure's values, a report's consultation process).

docs/record.md: such a document is read for its report-level values and the measures it shows,
with an issue `no_form_labels`; a letter, minutes or another Convention's report is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pipeline.fields.choices import lookup, parse_yes_no
from pipeline.fields.country import find_country
from pipeline.fields.money import parse_budget
from pipeline.fields.text import text_value
from pipeline.labels import SUB_LABELS, LabelMatch, is_boilerplate, label_wordings
from pipeline.measure import extract_measure
from pipeline.normalize import Line, match_key
from pipeline.patterns import YEAR
from pipeline.segment import FieldValue, MeasureSection
from pipeline.tables import load_table
from schemas import Measure
from schemas.common import Country, Nature, Scope
from schemas.measure import BudgetStatus
from schemas.outcome import Issue, IssueCode
from schemas.report import Report

_YEAR = re.compile(rf"\b{YEAR}\b")
# A label-stripped record's header: title and agency lines, each short, before the description.
_MAX_STRIPPED_HEADER_LINES = 3
_MAX_STRIPPED_HEADER_CHARS = 200
_MAX_BUDGET_WORDS = 12


@dataclass(frozen=True, slots=True)
class ListedMeasure:
    """One row of a list of measures: its title under the list's `Name of the measure` column
    header (the title's label), and the codes of its scope and nature."""

    label: LabelMatch
    title: Line
    scope: tuple[str, ...]
    nature: tuple[str, ...]


def says_it_is_a_report(lines: tuple[Line, ...]) -> bool:
    """The first lines call the document a periodic report of this Convention: report wording
    (`Quadrennial Periodic Report`) with this Convention's name, or a platform tab's title
    (`Kenya 2016 report`) over the form's own section headings or a list of measures. None of
    them opens a letter or minutes."""
    top = [line for line in lines if line.key and not is_boilerplate(line)]
    top = top[: load_table("own_layout")["window"]["lines"]]
    keys = [line.key for line in top]
    if any(key.startswith(_phrases("not_a_report", "phrases")) for key in keys):
        return False
    if any(_phrase_in(key, "report", "phrases") for key in keys):
        return any(_phrase_in(key, "conventions", "this") for key in keys)
    return any(_is_party_year_report(line) for line in top) and any(
        key in _section_headings() or _list_header(line)
        for line, key in zip(top, keys, strict=True)
    )


def names_another_convention(lines: tuple[Line, ...]) -> bool:
    """The lines name another Convention (intangible heritage, a human-rights treaty) and not
    this one: its report, however labelled like ours."""
    text = " ".join(line.key for line in lines)  # a title may wrap its name over two lines
    return _phrase_in(text, "conventions", "other") and not _phrase_in(text, "conventions", "this")


@cache
def _section_headings() -> frozenset[str]:
    table = load_table("headings")["section"]
    return frozenset(match_key(text) for texts in table.values() for text in texts)


def _is_party_year_report(line: Line) -> bool:
    """`Uruguay 2016 report`, `Brasil 2020 Rapport`: a short line of a Party, a year, a noun."""
    words = line.key.split()
    if not 3 <= len(words) <= 8 or words[-1] not in _phrases("report", "nouns"):
        return False
    return bool(_YEAR.search(line.text)) and find_country(line.text) is not None


def _phrase_in(key: str, section: str, entry: str) -> bool:
    return any(f" {phrase} " in f" {key} " for phrase in _phrases(section, entry))


@cache
def _phrases(section: str, entry: str) -> tuple[str, ...]:
    return tuple(match_key(phrase) for phrase in load_table("own_layout")[section][entry])


def _list_measures(lines: tuple[Line, ...]) -> list[ListedMeasure]:
    """The rows under each `Name of the measure | Scope | Nature` header line: a title, then
    the scope words, then the nature words (`Culture Fund Local, National financial`). A row
    whose nature is cut at the end of the document still counts."""
    rows: list[ListedMeasure] = []
    header: LabelMatch | None = None
    for position, line in enumerate(lines):
        if found := _list_header(line):
            header = found
            continue
        if header is None:
            continue
        row = _read_row(line, last=position + 1 == len(lines))
        if row is None:
            header = header if is_boilerplate(line) else None
            continue
        rows.append(ListedMeasure(header, *row))
    return rows


def _list_header(line: Line) -> LabelMatch | None:
    """`Name of the measure Scope of the measure Nature`, the cells glued: the title's label
    followed by the scope or nature column's."""
    words = line.key.split()
    if not any(word in words for word in _phrases("list", "columns")):
        return None
    for key, language in label_wordings("title").items():
        if line.key.startswith(key + " "):
            return LabelMatch("title", language, line.index, line.index, line.text)
    return None


def _read_row(line: Line, last: bool) -> tuple[Line, tuple[str, ...], tuple[str, ...]] | None:
    words = list(re.finditer(r"\S+", line.text))
    nature: list[str] = []
    scope: list[str] = []
    position = len(words)
    if last and words and not lookup("nature", words[-1].group().strip(","), exact=True):
        position -= 1  # the document ends inside the row's last word
    while position and (
        code := lookup("nature", words[position - 1].group().strip(","), exact=True)
    ):
        nature.insert(0, code)
        position -= 1
    while position and (
        code := lookup("scope", words[position - 1].group().strip(","), exact=True)
    ):
        scope.insert(0, code)
        position -= 1
    if not scope or position == 0:
        return None
    end = words[position - 1].end()
    text = line.text[:end]
    title = replace(line, text=text, end=line.start + end, cells=None, key=match_key(text))
    return title, tuple(scope), tuple(nature)


def _read_label_stripped(
    lines: tuple[Line, ...], labels: tuple[LabelMatch, ...]
) -> MeasureSection | None:
    """A rendering that kept only the partner table's header of the form's labels: the record's
    values stand in the form's order without theirs. Short lines first (title, agency), then
    the description and the results, the budget on the line above the table, the table, and
    the conclusions after it (their yes/no answer first, when given). None for any other
    document."""
    if not labels or any(label.field not in SUB_LABELS for label in labels):
        return None
    table_start, table_end = labels[0].first_line, labels[-1].last_line
    content = [line for line in lines if line.key and not is_boilerplate(line)]
    before = [line for line in content if line.index < table_start]
    after = [line for line in content if line.index > table_end]
    budget = before.pop() if before and _is_budget_line(before[-1]) else None
    header: list[Line] = []
    while (
        before
        and len(before) > 1
        and _is_short_line(before[0])
        and len(header) < _MAX_STRIPPED_HEADER_LINES
    ):
        header.append(before.pop(0))
    rows = [position for position, line in enumerate(after) if "|" in line.text]
    table = after[: rows[-1] + 1] if rows else []
    rest = after[len(table) :]
    values = [
        ("description", before[:1]),
        ("results", before[1:]),
        ("budget", [budget] if budget else []),
        ("partners", [line for line in lines if table_start <= line.index <= table_end] + table),
    ]
    if rest and parse_yes_no(rest[0].text) is not None:
        values.append(("evaluated", rest[:1]))
        rest = rest[1:]
    values.append(("conclusions", rest))
    fields = tuple(
        FieldValue(name, replace(labels[0], field=name, label_text=""), tuple(value))
        for name, value in values
        if value
    )
    return MeasureSection(tuple(header), fields, (), (), labels, civil_society=False)


def _is_budget_line(line: Line) -> bool:
    """A figure or a not-available token standing alone on a short line (`229,448,769.00 USD`)."""
    return len(line.text.split()) <= _MAX_BUDGET_WORDS and parse_budget(line.text).status in (
        BudgetStatus.STATED,
        BudgetStatus.NOT_AVAILABLE,
    )


def _is_short_line(line: Line) -> bool:
    return len(line.text) <= _MAX_STRIPPED_HEADER_CHARS and not line.text.rstrip().endswith(".")


def _stripped_consultation(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The consultation process of a report rendered without its labels: the long lines under
    its technical information heading, up to the first short line after them."""
    table = load_table("own_layout")["technical_section"]
    headings = {match_key(text) for text in table["headings"]}
    start = next((line.index + 1 for line in lines if line.key in headings), None)
    if start is None:
        return ()
    answer: list[Line] = []
    for line in lines[start:]:
        if len(line.text) >= table["answer_characters"]:
            answer.append(line)
        elif answer and line.key:
            break
    return tuple(answer)


def read_unlabelled_report(report: Report, lines: tuple[Line, ...]) -> tuple[Report, Issue]:
    """A report without the form's labels: its consultation process by the form's order when
    its labels were stripped, and the `no_form_labels` issue that says how it was read."""
    consultation = text_value(_stripped_consultation(lines))
    if consultation is not None and report.consultation_process is None:
        report = report.model_copy(update={"consultation_process": consultation.text})
    return report, Issue.of(
        code=IssueCode.NO_FORM_LABELS,
        message="the document calls itself a periodic report but carries none of the form's "
        "labels: its report-level values come from its cover, headings and prose, its measures "
        "only from a list of measures",
    )


def measures_without_labels(
    lines: tuple[Line, ...],
    labels: tuple[LabelMatch, ...],
    sha256: str,
    party: Country | None,
    field_characters: int,
) -> tuple[list[Measure], list[Issue]]:
    """The measures a document shows without the labels that delimit them: the one record of a
    page rendered without its labels (read by the form's order), else the rows of a list of
    measures."""
    stripped = _read_label_stripped(lines, labels)
    if stripped is not None:
        measure, issues = extract_measure(
            stripped, 0, f"{sha256[:16]}-0", None, party, field_characters
        )
        issue = Issue.of(
            code=IssueCode.NO_FORM_LABELS,
            measure_index=0,
            message="the record's labels are missing but for the partner table's: its values "
            "were read by their place in the form's order",
        )
        return [measure], [issue, *issues]
    measures: list[Measure] = []
    issues = []
    for index, row in enumerate(_list_measures(lines)):
        title = FieldValue("title", row.label, (row.title,))
        section = MeasureSection((), (title,), (), (), (row.label,), civil_society=False)
        measure, measure_issues = extract_measure(
            section, index, f"{sha256[:16]}-{index}", None, party, field_characters
        )
        update = {
            "scope": [Scope(code) for code in row.scope],
            "nature": [Nature(code) for code in row.nature],
        }
        measures.append(measure.model_copy(update=update))
        issues += measure_issues
    return measures, issues
