"""A document without the form's labels in: whether it says it is a periodic report of this
Convention (a Party's own layout, a summary page, a measure-list tab), and the measures a list of
measures shows, one row each (title, scope, nature).

design.md §3: such a document is read for its report-level values and the measures it shows,
with an issue `no_form_labels`; a letter, minutes or another Convention's report is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pipeline.fields.choices import lookup
from pipeline.fields.country import find_country
from pipeline.labels import LabelMatch, is_boilerplate
from pipeline.normalize import Line, match_key
from pipeline.tables import load_table

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class ListedMeasure:
    """One row of a list of measures: its title under the list's `Name of the measure` column
    header (the title's label), and the codes of its scope and nature."""

    label: LabelMatch
    title: Line
    scope: tuple[str, ...]
    nature: tuple[str, ...]


def says_it_is_a_report(lines: tuple[Line, ...]) -> bool:
    """The first lines call the document a periodic report (`Quadrennial Periodic Report`,
    `Kenya 2016 report`), none of them opens a letter or minutes, and it names this
    Convention or no other."""
    top = [line for line in lines if line.key and not is_boilerplate(line)]
    top = top[: load_table("own_layout")["window"]["lines"]]
    keys = [line.key for line in top]
    if any(key.startswith(_phrases("not_a_report", "phrases")) for key in keys):
        return False
    if not any(
        _phrase_in(key, "report", "phrases") or _is_party_year_report(line)
        for line, key in zip(top, keys, strict=True)
    ):
        return False
    ours = any(_phrase_in(key, "conventions", "this") for key in keys)
    return ours or not any(_phrase_in(key, "conventions", "other") for key in keys)


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


def list_measures(lines: tuple[Line, ...]) -> list[ListedMeasure]:
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
    for key, language in _title_labels().items():
        if line.key.startswith(key + " "):
            return LabelMatch("title", language, line.index, line.index, line.text)
    return None


@cache
def _title_labels() -> dict[str, str]:
    return {
        match_key(text): language
        for language, texts in load_table("labels")["title"].items()
        for text in texts
    }


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
