"""Running headers and footers: the lines (and header tables) repeated at a page's top or bottom
edge, page numbers aside, which are dropped before the text is read."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from pipeline.patterns import alternation
from pipeline.readers.pdf_layout.lines import SAME_LINE, Line, Page, baseline_drop
from pipeline.readers.pdf_tables import RuledTable
from pipeline.tables import load_table

# Running headers and footers: the rows of lines nearest the top or bottom edge of a page (a
# header may take two or three rows) whose text repeats on at least 2 pages and 30% of them, at
# the same distance from the page edge (in points). Only numbers that stay the same or follow
# the page number may differ: `Page 3 of 61`, `- 3 -`, `12 | Rapport périodique`.
_RUNNING_DEPTH = 3
_RUNNING_MIN_PAGES = 2
_RUNNING_SHARE = 0.3
_RUNNING_ALIGNMENT = 3.0
# Short repeated lines are only dropped when they are page numbers (`2`, `- 2 -`, `Page 2 of 9`)
# or stand at the same place on half the pages and 3 at least: a short answer such as `YES` can
# end two pages by chance.
_RUNNING_MIN_CHARS = 12
_SHORT_RUNNING_SHARE = 0.5
_SHORT_RUNNING_MIN_PAGES = 3
_PAGE_WORDS = load_table("form_words")["page_number"]
_PAGE_WORD = alternation(_PAGE_WORDS["words"], ignore_case=True, guard_signs=False)
_PAGE_NUMBER = re.compile(
    rf"^\W*(?:{_PAGE_WORD})?\W*#(?:\W*"
    + alternation(_PAGE_WORDS["between"], ignore_case=True, guard_signs=False)
    + r"\W*#)?\W*$"
)
_NUMBER = re.compile(r"\d+")
_ROMAN_PAGE_NUMBER = re.compile(
    rf"^(\W*(?:{_PAGE_WORD}\W*)?)((?=[ivxlc])c{{0,3}}(?:x[cl]|l?x{{0,3}})(?:i[xv]|v?i{{0,3}}))(\W*)$"
)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True, slots=True)
class _EdgeMark:
    """A line or table among the rows nearest the top or the bottom edge of a page."""

    item: Line | RuledTable
    page: int
    side: str  # "top" or "bottom"
    distance: float  # from the page edge on that side, in points
    pattern: str  # the text folded, its numbers written `#`
    numbers: tuple[int, ...]


def drop_running_lines(pages: list[Page]) -> None:
    """Remove running headers and footers (and header tables): the rows at a page's top or bottom
    edge whose text stands at the same place on several pages, page numbers aside.

    Repetition decides, not position alone: a title at the top of one page stays. Rows are taken
    from the edge inwards and the first row that is not running ends the header, so a form label
    repeated under each page's different title stays too.
    """
    stacks = {page.number: _edge_stacks(page) for page in pages}
    marks = [
        mark
        for page_stacks in stacks.values()
        for stack in page_stacks
        for row in stack
        for mark in row
    ]
    running = _running_marks(marks, len(pages))
    if not running:
        return
    for page in pages:
        dropped: set[int] = set()
        for stack in stacks[page.number]:
            for row in stack:
                hits = [mark for mark in row if id(mark) in running]
                dropped.update(id(mark.item) for mark in hits)
                if len(hits) < len(row):
                    break
        page.lines = [line for line in page.lines if id(line) not in dropped]
        page.tables = [table for table in page.tables if id(table) not in dropped]


def _edge_stacks(page: Page) -> tuple[list[list[_EdgeMark]], list[list[_EdgeMark]]]:
    """The page's rows nearest its top and its bottom, each from the edge inwards."""
    items: list[Line | RuledTable] = [*page.lines, *page.tables]
    items.sort(key=lambda item: -item.top)
    top = [[_edge_mark(item, page, "top") for item in row] for row in _edge_rows(items)]
    bottom = [
        [_edge_mark(item, page, "bottom") for item in row] for row in _edge_rows(reversed(items))
    ]
    return top, bottom


def _edge_rows(items: Iterable[Line | RuledTable]) -> list[list[Line | RuledTable]]:
    """The first rows of `items`, taken in their order: lines on one baseline share a row."""
    rows: list[list[Line | RuledTable]] = []
    for item in items:
        previous = rows[-1][-1] if rows else None
        if isinstance(item, Line) and isinstance(previous, Line) and _same_row(previous, item):
            rows[-1].append(item)
        elif len(rows) == _RUNNING_DEPTH:
            break
        else:
            rows.append([item])
    return rows


def _same_row(upper: Line, lower: Line) -> bool:
    return abs(baseline_drop(upper, lower)) < SAME_LINE


def _edge_mark(item: Line | RuledTable, page: Page, side: str) -> _EdgeMark:
    # A line's place is its baseline, which does not move with the digits of a page number.
    if isinstance(item, Line):
        text = item.text
        upper = lower = item.baseline
    else:
        text = " ".join(cell for row in item.rows for cell in row)
        upper, lower = item.top, item.bottom
    distance = page.top - upper if side == "top" else lower - page.bottom
    pattern, numbers = _fold_numbers(" ".join(text.lower().split()))
    return _EdgeMark(item, page.number, side, distance, pattern, numbers)


def _fold_numbers(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with its numbers written `#`, and the numbers; a page number in roman numerals
    (`iv`, `- xii -`, `Page ii`) counts as a number, as front matter is often numbered so."""
    # A `#` of the text itself is escaped, so that `Page #` and `Page 1` differ in shape.
    text = text.replace("\\", "\\\\").replace("#", "\\#")
    roman = _ROMAN_PAGE_NUMBER.match(text)
    if roman is not None:
        return f"{roman.group(1)}#{roman.group(3)}", (_roman_value(roman.group(2)),)
    # A run of digits too long for a page number is never one (and past 4,300 digits, Python
    # refuses to convert it): it counts as the same non-page number, -1.
    numbers = tuple(int(number) if len(number) < 10 else -1 for number in _NUMBER.findall(text))
    return _NUMBER.sub("#", text), numbers


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[letter] for letter in numeral]
    # A numeral smaller than the one after it is subtracted: `iv` is 4, `xl` 40.
    return sum(
        -value if value < following else value for value, following in pairwise([*values, 0])
    )


def _running_marks(marks: list[_EdgeMark], page_count: int) -> set[int]:
    """The ids of the marks that are running headers or footers."""
    groups: dict[tuple[str, str], list[_EdgeMark]] = {}
    for mark in marks:
        groups.setdefault((mark.side, mark.pattern), []).append(mark)
    running: set[int] = set()
    for (_, pattern), group in groups.items():
        if len({mark.page for mark in group}) < _RUNNING_MIN_PAGES:
            continue
        repeated = _numbered_as_pages(_aligned(group), pattern)
        if len({mark.page for mark in repeated}) >= _pages_needed(pattern, page_count):
            running.update(id(mark) for mark in repeated)
    return running


def _aligned(group: list[_EdgeMark]) -> list[_EdgeMark]:
    """The marks at the distance from the page edge that most pages of the group share: a
    running line is drawn at one place on every page, a repeated body line wherever it falls."""
    ordered = sorted(group, key=lambda mark: mark.distance)
    best: list[_EdgeMark] = []
    first = 0
    for last, mark in enumerate(ordered):
        while mark.distance - ordered[first].distance > _RUNNING_ALIGNMENT:
            first += 1
        window = ordered[first : last + 1]
        if len({item.page for item in window}) > len({item.page for item in best}):
            best = window
    return best


def _numbered_as_pages(group: list[_EdgeMark], pattern: str) -> list[_EdgeMark]:
    """The marks whose every number is either the group's usual one (`2020–2023`, `of 61`) or
    follows the page number: the same offset from it on another page too (`Page 3` on page 4,
    `Page 4` on page 5, as when the cover is not numbered)."""
    if not group or not group[0].numbers:
        return group
    slots = range(len(group[0].numbers))
    usual = [Counter(mark.numbers[slot] for mark in group).most_common(1)[0][0] for slot in slots]
    pages_by_offset: dict[tuple[int, int], set[int]] = {}
    for mark in group:
        for slot in slots:
            pages_by_offset.setdefault((slot, mark.numbers[slot] - mark.page), set()).add(mark.page)
    page_number_only = _PAGE_NUMBER.match(pattern) is not None
    kept = []
    for mark in group:
        follows = [
            len(pages_by_offset[(slot, mark.numbers[slot] - mark.page)]) > 1 for slot in slots
        ]
        constant = [mark.numbers[slot] == usual[slot] for slot in slots]
        fits = all(follow or same for follow, same in zip(follows, constant, strict=True))
        # A line shaped like a page number must have a number that follows the page: a figure
        # such as `2021` can end two pages.
        if fits and (any(follows) or not page_number_only):
            kept.append(mark)
    return kept


def _pages_needed(pattern: str, page_count: int) -> int:
    needed = max(_RUNNING_MIN_PAGES, math.ceil(_RUNNING_SHARE * page_count))
    if len(pattern) >= _RUNNING_MIN_CHARS or _PAGE_NUMBER.match(pattern):
        return needed
    return max(needed, _SHORT_RUNNING_MIN_PAGES, math.ceil(_SHORT_RUNNING_SHARE * page_count))
