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
from pipeline.fields.choices import goal_number, lookup
from pipeline.normalize import Line, match_key
from pipeline.tables import load_table

# Outline numbers before a heading: `1.`, `2.3`, `IV.`, `A.`, `b)`.
_OUTLINE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]{1,4}\.|[A-Za-z][.)])\s+")
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


def find_heading(line: Line, in_coded_value: bool = False) -> Heading | None:
    """The heading `line` is, if any. `in_coded_value` says the line follows a Goal(s) or
    Area(s) label's values, where an unstyled `Goal 1 – …` is a value, not a heading."""
    if len(line.text) > _MAX_HEADING_CHARS or not _stands_alone(line):
        return None
    text = _OUTLINE.sub("", line.text, count=1)
    numbered = text != line.text
    styled = numbered or _is_styled(line)
    key = match_key(text)
    section = _sections().get(key)
    if section is not None:
        # Upper case alone makes a heading, except for a partner's type of entity written in
        # capitals (`CIVIL SOCIETY` in a flattened partner table).
        plain_enough = section == HeadingKind.CIVIL_SOCIETY or (
            _is_upper(text) and lookup("entity_type", text) is None
        )
        return Heading(section, None, line) if styled or plain_enough else None
    goal = goal_number(key)
    if goal is not None and not (in_coded_value and not styled):
        return Heading(HeadingKind.GOAL, goal, line)
    if not (styled or _is_upper(text)) or in_coded_value and not styled:
        return None
    code = lookup("goals", text)
    if code is not None:
        return Heading(HeadingKind.GOAL, code, line)
    area = lookup("areas_of_monitoring", text)
    return Heading(HeadingKind.AREA, area, line) if area is not None else None


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
