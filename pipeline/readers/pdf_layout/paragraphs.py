"""Paragraphs: which neighbouring lines belong to one paragraph (pitch, indent, fill of the line,
boldness and size), and a paragraph's lines joined into one block."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from pipeline.blocks import Block
from pipeline.patterns import BULLET
from pipeline.readers.pdf_layout.hyphenation import (
    WORD,
    Vocabulary,
    close_hyphen,
    join_lines,
)
from pipeline.readers.pdf_layout.lines import (
    SAME_LINE,
    Hyphen,
    Line,
    Page,
    baseline_drop,
    column_right_edge,
    line_pitch,
    same_size,
)

# List items: bullet glyphs (Symbol/Wingdings bullets arrive as private-use characters) and
# "1." / "2)" numbering; Spanish "o" ("or") rules out Word's letter-o bullet.
_LIST_ITEM = re.compile(rf"^(?:{BULLET}\s|\d{{1,2}}[.)]\s)")
# A paragraph that ends like this is finished; one that does not may go on in the next column or
# on the next page. A closing quote or bracket may follow the final mark: `… (2021).` `… ».`
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’»)\]]*$")

# Geometry thresholds, in units of a line's height (PDFium's loose box: ascent to descent).
_GAP_FACTOR = 1.15  # a pitch this much above the document's usual line pitch starts a paragraph
# (Word and the platform leave as little as 3 pt between paragraphs: 1.23x a 13 pt pitch)
_DEFAULT_PITCH = 1.05  # usual pitch when a document gives no pairs of lines to measure
_SPACE_WIDTH = 0.25  # a word space: about a quarter of a line's height in the usual fonts
# Word widths are estimates: a word must fit with this much room to spare before its line counts
# as ended on purpose.
_FIT_MARGIN = 0.5
# A bold title set at 11 pt above a bold 9.5 pt label differs by 14%; the lines of one bold
# title or label share their font. (Body lines are measured on different letters, so their
# sizes vary more than this within a paragraph.)
_BOLD_SIZE_CHANGE = 0.1
# A line that continues a paragraph into the next column or page starts where the paragraph's
# lines start; a first-line indent is larger than this.
_INDENT_TOLERANCE = 0.3


@dataclass(frozen=True, slots=True)
class Layout:
    """Document-wide measures the paragraph rules compare a pair of lines against."""

    column_right: dict[int, float]
    usual_pitch: float
    vocabulary: Vocabulary


@dataclass(slots=True)
class Paragraph:
    """A paragraph's lines, possibly from two pages; `page` is where it starts."""

    lines: list[Line]
    page: int


def measure_layout(pages: list[Page]) -> Layout:
    ends: dict[int, list[float]] = {}
    pitches: list[float] = []
    for page in pages:
        for upper, lower in pairwise(page.lines):
            if not lower.break_before and not lower.column_break:
                pitch = line_pitch(upper, lower)
                if pitch is not None and pitch > SAME_LINE:
                    pitches.append(pitch)
        for line in page.lines:
            ends.setdefault(round(line.page_width), []).append(line.right)
    column_right = {width: column_right_edge(rights) for width, rights in ends.items()}
    # The lower quartile of pitches is the spacing inside a paragraph even in a form where
    # most neighbouring lines belong to different one-line paragraphs.
    usual_pitch = sorted(pitches)[len(pitches) // 4] if pitches else _DEFAULT_PITCH
    return Layout(column_right, usual_pitch, Vocabulary(pages))


def line_groups(lines: list[Line], layout: Layout) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not _starts_paragraph(groups[-1], line, layout):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _starts_paragraph(group: list[Line], lower: Line, layout: Layout) -> bool:
    """Whether `lower` starts a new paragraph after the lines of `group`."""
    upper = group[-1]
    if lower.break_before:
        return True
    if lower.column_break:
        return not continues(group, lower, layout)
    drop = baseline_drop(upper, lower)
    if abs(drop) < SAME_LINE:
        return False
    pitch = line_pitch(upper, lower)
    if pitch is None or drop < 0 or pitch > layout.usual_pitch * _GAP_FACTOR:
        return True
    # Form labels end with ':' or '?:' and their value starts on the next line; a title set
    # larger than the bold label below it (`Où`) is not continued by it.
    if upper.text.endswith(":") or upper.bold != lower.bold or _LIST_ITEM.match(lower.text):
        return True
    if upper.bold and _heading_size_changes(upper, lower):
        return True
    if upper.hyphen is not Hyphen.NONE:
        return False
    # A line that wrapped had no room for the next line's first word; if the word would have
    # fitted, the line was ended on purpose (a list of names, a short value, a last line).
    return not _is_full(upper, lower, layout)


def _heading_size_changes(upper: Line, lower: Line) -> bool:
    return abs(upper.height - lower.height) > _BOLD_SIZE_CHANGE * max(upper.height, lower.height)


def _is_full(upper: Line, lower: Line, layout: Layout) -> bool:
    """Whether `upper` had no room left for the first word of `lower`, as a line that wrapped."""
    column_right = upper.column_right
    if column_right is None:
        column_right = layout.column_right[round(upper.page_width)]
    room_needed = _SPACE_WIDTH * upper.height + lower.first_word_width
    # Widths are estimates: the word must fit with some room to spare before the line counts
    # as ended on purpose.
    return upper.right + room_needed + _FIT_MARGIN * upper.height >= column_right


def continues(group: list[Line], lower: Line, layout: Layout) -> bool:
    """Whether `lower`, the first line of a column or a page, goes on with the paragraph `group`
    that ends the column or page before.

    The paragraph must not end a sentence, and `lower` must start in lower case or else start
    where the paragraph's lines start (no first-line indent) after a line that had no room left.
    A heading or a form label (bold or in capitals), a list item or a change of size never
    continues and is never continued.
    """
    upper = group[-1]
    if _is_heading(group) or _is_heading([lower]) or _LIST_ITEM.match(lower.text):
        return False
    if not same_size(upper, lower):
        return False
    if upper.hyphen is not Hyphen.NONE:
        return True
    if _ENDS_SENTENCE.search(upper.text):
        return False
    if lower.text[:1].islower():
        return True
    return _same_indent(group, lower) and _is_full(upper, lower, layout)


def _is_heading(lines: list[Line]) -> bool:
    if lines[-1].bold:
        return True
    # Reports set goal and area headings in capitals: `GOAL 2. ACHIEVE A BALANCED FLOW …`.
    text = " ".join(line.text for line in lines)
    return text.isupper() and len(WORD.findall(text)) > 1


def _same_indent(group: list[Line], lower: Line) -> bool:
    """Whether `lower` starts where the paragraph's lines do, each measured from its own column
    (so that columns and mirrored page margins compare)."""
    upper = group[-1]
    indent = upper.left - upper.column_left
    lower_indent = lower.left - lower.column_left
    tolerance = _INDENT_TOLERANCE * lower.height
    if len(group) > 1:
        return abs(lower_indent - indent) <= tolerance
    # A paragraph's only line may carry a first-line indent that its next lines do not.
    return lower_indent <= indent + tolerance


def paragraph_block(lines: list[Line], layout: Layout, page: int) -> Block:
    text = lines[0].text
    for upper, lower in pairwise(lines):
        same_line = abs(baseline_drop(upper, lower)) < SAME_LINE and not lower.column_break
        if upper.hyphen is Hyphen.HARD and same_line:
            text = f"{text}-{lower.text}"  # not a line end: the hyphen is part of the text
        else:
            text = join_lines(text, upper.hyphen, lower.text, layout.vocabulary)
    text = close_hyphen(text, lines[-1].hyphen)
    return Block(text=text, page=page, bold=all(line.bold for line in lines))
