"""What a line of a report looks like: a title's, a cover's, page furniture's."""

from __future__ import annotations

import re
from functools import cache

from pipeline.blocks import BlockKind
from pipeline.fields.dates import parse_period
from pipeline.normalize import Line, match_key
from pipeline.outline import outline_depth
from pipeline.patterns import BULLET, URL_START
from pipeline.tables import load_table

_WORD = re.compile(r"[^\W\d_]{2,}")
_COVER_PERIOD_WORDS = 2
# A full stop ending a sentence inside a line: not one of a title (`Dr.`, `1.2`, `S.A.`).
_SENTENCE_INSIDE = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")
# Titles of agreements run long (`Agreement between the Government of … and the Government of
# … on cooperation in the fields of …`).
_MAX_HEADER_CHARS = 300
_LIST_ITEM = re.compile(rf"^\s*(?:{BULLET}|o|\(?[a-z0-9]\))\s")
# `3. Title`, `1.2 Title`, `2.1.3. Title`: an outline number, then a capitalised word (so that
# `1.250.000 USD` or `2.5 millions` are figures, not titles).
_NUMBERED_TITLE = re.compile(r"^\s*\d{1,2}\.(?:\d{1,2}\.)*(?:\d{1,2})?\s+(?P<word>[^\W\d_]{2})")
_SENTENCE_END = (".", ";", ":", "!", "?")


def _alternatives(words: list[str], slash: str = r"\s*/\s*") -> str:
    """The words as a regex alternation; a slash in a word may have spaces around it."""
    return "|".join(slash.join(re.escape(part) for part in word.split("/")) for word in words)


_FORM_WORDS = load_table("form_words")


def _number_signs() -> str:
    """The number signs as a regex alternation, spaces allowed between their characters."""
    signs = _FORM_WORDS["measure_counter"]["number_signs"]
    return "|".join(r"\s*".join(re.escape(char) for char in sign) for sign in signs)


# Lines that stand above a title without being one: a page number, a counter
# (`Policy/Measure 3`, `Mesure 4`).
_PAGE_NUMBER = re.compile(
    rf"^\W*(?:{_alternatives(_FORM_WORDS['page_number']['words'])})?\s*\d{{1,4}}"
    rf"(?:\s*(?:{_alternatives(_FORM_WORDS['page_number']['between'])})\s*\d{{1,4}})?\W*$",
    re.I,
)
_COUNTER = re.compile(
    rf"^\s*(?:{_alternatives(_FORM_WORDS['measure_counter']['prefixes'])})?"
    rf"(?:{_alternatives(_FORM_WORDS['measure_counter']['words'])})"
    rf"\s*(?:(?:{_number_signs()})\s*)?\d{{1,3}}\s*$",
    re.I,
)
# Values whose lines look like a title's (short, no full stop) but are not: a figure, a link.
SHORT_VALUES = {
    "budget": re.compile(
        rf"\d|^\W*(?:{_alternatives(_FORM_WORDS['budget_not_available']['words'], '/')}|/+|-+)\W*$",
        re.IGNORECASE,
    ),
    "website": re.compile(URL_START, re.IGNORECASE),
}


def has_title_cue(line: Line) -> bool:
    return (is_styled(line) or is_numbered_title(line.text)) and is_header_like(line)


def is_furniture(line: Line) -> bool:
    return bool(_PAGE_NUMBER.match(line.text) or _COUNTER.match(line.text))


def is_cover_line(line: Line) -> bool:
    """A report's title line: `Quadrennial Periodic Report 2016-2019`, or a period alone (with
    a word or two: `Period 2016-2019`). A title that carries its years (`Digital Culture,
    2018 to 2024`) is no cover line."""
    if any(word in line.key for word in _cover_words()):
        return True
    period = parse_period(line.text)
    if period is None:
        return False
    rest = line.text[: period[2]] + " " + line.text[period[3] :]
    return len(_WORD.findall(rest)) <= _COVER_PERIOD_WORDS


@cache
def _cover_words() -> tuple[str, ...]:
    return tuple(match_key(word) for word in load_table("headings")["cover"]["words"])


def is_long_agency_under_title(title: Line, agency: Line) -> bool:
    """A title styled as a heading over one line too long for a header line (a long list of
    bodies, `22 members of the working group (universities, …)`): the two are the header."""
    return (
        is_styled(title)
        and is_header_like(title)
        and not is_styled(agency)
        and len(agency.text) <= 2 * _MAX_HEADER_CHARS
        and not _LIST_ITEM.match(agency.text)
    )


def is_header_like(line: Line) -> bool:
    if line.kind == BlockKind.TABLE_ROW and sum(1 for cell in line.cells or () if cell.text) > 1:
        return False
    if len(line.text) > _MAX_HEADER_CHARS or _LIST_ITEM.match(line.text):
        return False
    if SHORT_VALUES["website"].match(line.text):
        return False  # a link is never a title
    return is_styled(line) or not line.text.rstrip().endswith(_SENTENCE_END)


def is_one_sentence_title(line: Line) -> bool:
    text = line.text.rstrip()
    return (
        len(text) <= _MAX_HEADER_CHARS
        and text.endswith(".")
        and not _LIST_ITEM.match(text)
        and not _SENTENCE_INSIDE.search(text[:-1])
    )


def in_numbered_list(run: list[Line], position: int) -> bool:
    """`1. Increase …` next to `2. Publish …`: items of a list, numbered at the same depth."""
    depth = outline_depth(run[position].text)
    return any(
        outline_depth(run[neighbour].text) == depth
        for neighbour in (position - 1, position + 1)
        if 0 <= neighbour < len(run)
    )


def is_numbered_title(text: str) -> bool:
    match = _NUMBERED_TITLE.match(text)
    return match is not None and match["word"][0].isupper() and match["word"][1].islower()


def is_styled(line: Line) -> bool:
    return line.kind == BlockKind.HEADING or line.level is not None or line.bold
