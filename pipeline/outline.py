"""A line in, the heading it is (if any) out: a goal, an area of monitoring, the civil-society
section, or another part of a whole report (general information, a 2016-2019 chapter, annexes).

Headings carry no value; they end the measure before them and give the measures under them their
goal and area. The wordings are data (`data/headings.toml`, `data/vocabularies.toml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from pipeline.blocks import BlockKind
from pipeline.fields.choices import goal_number, lookup, lookup_list
from pipeline.labels import LabelMatch
from pipeline.normalize import Line, match_key
from pipeline.tables import load_table

# Outline numbers before a heading: `1.`, `2.3`, `IV.`, `A.`, `b)`.
_OUTLINE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]{1,4}\.|[A-Za-z][.)])\s+")
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s")
_GOAL_LEAD = re.compile(r"^\w+ [1-4]\b ?")
_GOAL_AND_AREA = ("goals", "areas_of_monitoring")
# Part names of at least this many words are headings on a line of their own even in plain
# text (`Emerging transversal issues`); shorter ones (`Civil society`) need a style or capitals.
_MIN_PLAIN_SECTION_WORDS = 3
_MAX_HEADING_CHARS = 250
_MIN_UPPER_LETTERS = 4


class HeadingKind(StrEnum):
    GOAL = "goal"
    AREA = "area"
    CIVIL_SOCIETY = "civil_society"
    SECTION = "section"


@dataclass(frozen=True, slots=True)
class Heading:
    kind: HeadingKind
    code: str | None
    """`goal_N` for a goal, the area's code for an area, None otherwise."""
    line: Line


@cache
def _sections() -> dict[str, HeadingKind]:
    table = load_table("headings")
    found: dict[str, HeadingKind] = {}
    for kind in (HeadingKind.CIVIL_SOCIETY, HeadingKind.SECTION):
        for wordings in table[kind.value].values():
            for wording in wordings:
                found.setdefault(match_key(wording), kind)
    return found


@cache
def area_goal(area: str) -> str:
    """The goal an area of monitoring belongs to."""
    return str(load_table("headings")["area_goals"][area])


def find_headings(
    lines: tuple[Line, ...], labels: list[LabelMatch] | tuple[LabelMatch, ...]
) -> list[Heading]:
    """The headings among `lines` that no label covers, in order."""
    label_at = {label.first_line: label for label in labels}
    headings: list[Heading] = []
    in_coded_value = False
    index = 0
    while index < len(lines):
        label = label_at.get(index)
        if label is not None:
            in_coded_value = label.field in _GOAL_AND_AREA
            index = label.last_line + 1
            continue
        line = lines[index]
        heading = find_heading(line, in_coded_value)
        if heading is not None and _is_list_item(lines, index, heading):
            heading = None
        if heading is not None:
            headings.append(heading)
            in_coded_value = False
            following = lines[index + 1] if index + 1 < len(lines) else None
            if following is not None and _continues_heading(heading, following):
                headings.append(Heading(heading.kind, heading.code, following))
                index += 1
        elif in_coded_value and lookup_list(_GOAL_AND_AREA, line.text) is None:
            in_coded_value = False
        index += 1
    return headings


def find_heading(line: Line, in_coded_value: bool = False) -> Heading | None:
    """The heading `line` is, if any. `in_coded_value` says the line follows a Goal(s) or
    Area(s) label's values, where only a heading style or bold makes a goal line a heading."""
    if len(line.text) > _MAX_HEADING_CHARS or not _stands_alone(line):
        return None
    text = _OUTLINE.sub("", line.text, count=1)
    numbered = text != line.text
    styled = _is_styled(line)
    upper = _is_upper(text)
    key = match_key(text)
    section = _sections().get(key)
    if section is not None:
        # Upper case or a few words make a part's heading; a short name in capitals may be a
        # partner's type of entity (`CIVIL SOCIETY` in a flattened partner table).
        plain_enough = (
            section == HeadingKind.CIVIL_SOCIETY
            or len(key.split()) >= _MIN_PLAIN_SECTION_WORDS
            or (upper and lookup("entity_type", text) is None)
        )
        return Heading(section, None, line) if styled or numbered or plain_enough else None
    if in_coded_value and not styled:
        return None
    goal = _numbered_goal(key, styled or upper)
    if goal is not None:
        return Heading(HeadingKind.GOAL, goal, line)
    if not (styled or upper or numbered):
        return None
    code = lookup("goals", text)
    if code is not None:
        return Heading(HeadingKind.GOAL, code, line)
    # An area heading is the area's wording alone: `INCREASE THE MOBILITY OF ARTISTS…` is the
    # second line of a wrapped goal heading, not an area.
    area = lookup("areas_of_monitoring", text, exact=True)
    return Heading(HeadingKind.AREA, area, line) if area is not None else None


def _numbered_goal(key: str, looks_like_heading: bool) -> str | None:
    """`goal_N` for `Goal 2 – Achieve …` or `GOAL 2`; a line such as `Objectif 1 : former 200
    jeunes` in a description names the text's own objective, not the Convention's goal."""
    code = goal_number(key)
    if code is None:
        return None
    rest = _GOAL_LEAD.sub("", key, count=1)
    return code if looks_like_heading or not rest or lookup("goals", rest) == code else None


def _is_list_item(lines: tuple[Line, ...], index: int, heading: Heading) -> bool:
    """A heading made by its number alone, next to a line numbered at the same depth, is an
    item of a numbered list (`1. Gender equality`, `2. Digital environment` in a description)."""
    line = heading.line
    text = _OUTLINE.sub("", line.text, count=1)
    if text == line.text or _is_styled(line) or _is_upper(text):
        return False
    depth = outline_depth(line.text)
    neighbours = [
        lines[position] for position in (index - 1, index + 1) if 0 <= position < len(lines)
    ]
    return any(outline_depth(neighbour.text) == depth for neighbour in neighbours)


def outline_depth(text: str) -> int | None:
    """How many numbers the line's outline number has (`2.` → 1, `3.1` → 2), None if none."""
    match = _NUMBER.match(text)
    return match.group(1).count(".") + 1 if match else None


def _continues_heading(heading: Heading, following: Line) -> bool:
    """The second line of a heading that wrapped (`… SERVICES AND` / `INCREASE THE …`)."""
    last_word = heading.line.key.rsplit(" ", 1)[-1] if heading.line.key else ""
    return (
        heading.kind == HeadingKind.GOAL
        and (last_word in _connectors() or heading.line.text.rstrip().endswith((",", "-", "–")))
        and _is_upper(following.text)
        and _stands_alone(following)
    )


@cache
def _connectors() -> frozenset[str]:
    return frozenset(match_key(word) for word in load_table("headings")["wrap"]["connectors"])


def _stands_alone(line: Line) -> bool:
    """A paragraph or heading; a table row only when it has one filled cell (a row merged
    across the table, as Parties' own layouts title their parts)."""
    if line.kind != BlockKind.TABLE_ROW:
        return True
    return bool(line.cells) and sum(1 for cell in line.cells or () if cell.text) == 1


def _is_styled(line: Line) -> bool:
    return line.kind == BlockKind.HEADING or line.level is not None or line.bold


def _is_upper(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= _MIN_UPPER_LETTERS and all(char.isupper() for char in letters)
