"""The PDF layout rules on lines set by hand: `pipeline.readers.pdf_layout` needs no PDF, so each
rule can be tried on the geometry that triggers it (PDF units, y up, 10 pt lines)."""

from __future__ import annotations

from pipeline.readers.pdf_layout import lay_out
from pipeline.readers.pdf_layout.hyphenation import Vocabulary, join_lines
from pipeline.readers.pdf_layout.lines import Hyphen, Line, Page, column_right_edge, split_hyphen

PAGE_WIDTH = 595.0
PAGE_TOP = 842.0
LEFT = 72.0
RIGHT = 523.0
HEIGHT = 10.0
LEADING = 12.0


def line(text: str, baseline: float, right: float = RIGHT, hyphen: Hyphen = Hyphen.NONE) -> Line:
    return Line(
        text=text,
        left=LEFT,
        right=right,
        top=baseline + 8.0,
        bottom=baseline - 2.0,
        baseline=baseline,
        height=HEIGHT,
        first_word_width=5.0 * len(text.split()[0]),
        bold=False,
        hyphen=hyphen,
        page_width=PAGE_WIDTH,
    )


def page(number: int, *lines: Line) -> Page:
    return Page(number, list(lines), top=PAGE_TOP, bottom=0.0)


def texts(pages: list[Page]) -> list[str]:
    return [block.text for block in lay_out(pages)]


def test_wrapped_lines_are_one_paragraph_and_a_short_line_ends_it() -> None:
    body = page(
        1,
        line("The fund supports artists and producers across", 700.0),
        line("the country.", 700.0 - LEADING, right=140.0),
        line("A second paragraph after a gap.", 700.0 - 3 * LEADING, right=240.0),
    )
    assert texts([body]) == [
        "The fund supports artists and producers across the country.",
        "A second paragraph after a gap.",
    ]


def test_a_footer_repeated_with_the_page_number_is_dropped() -> None:
    bodies = ["Culture comes first.", "Then the markets.", "Last, the artists."]
    pages = [
        page(number, line(body, 700.0, right=200.0), line(f"Page {number} of 3", 30.0, right=140.0))
        for number, body in enumerate(bodies, start=1)
    ]
    assert texts(pages) == bodies


def test_a_line_end_hyphen_is_kept_only_for_a_compound_of_the_document() -> None:
    pages = [page(1, line("small and scale, as in small-scale", 700.0), line("cultural", 600.0))]
    vocabulary = Vocabulary(pages)
    assert join_lines("cultu", Hyphen.HARD, "ral policy", vocabulary) == "cultural policy"
    assert join_lines("small", Hyphen.HARD, "scale firms", vocabulary) == "small-scale firms"
    assert join_lines("COVID", Hyphen.HARD, "19", vocabulary) == "COVID-19"


def test_split_hyphen_tells_a_soft_hyphen_from_a_typed_one() -> None:
    assert split_hyphen("cultu\u00ad", hyphen_marker=False) == ("cultu", Hyphen.SOFT)
    assert split_hyphen("cultu-", hyphen_marker=False) == ("cultu", Hyphen.HARD)
    assert split_hyphen("2020-", hyphen_marker=False) == ("2020-", Hyphen.NONE)


def test_the_column_edge_ignores_a_couple_of_lines_reaching_into_the_margin() -> None:
    assert column_right_edge([500.0, 560.0, 520.0, 510.0, 505.0]) == 510.0
    assert column_right_edge([300.0]) == 300.0
