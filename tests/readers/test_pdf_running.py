"""read_pdf drops running headers and footers (lines and ruled tables) by repetition at
the page edge, page numbers aside, and keeps what repeats by chance."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.readers.pdf import read_pdf
from tests.readers.pdf_drawing import (
    HEADER,
    LEFT,
    PAGE_TOP,
    Grid,
    Text,
    block_texts,
    pdf_bytes,
)


def _roman(number: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi"][number - 1]


ORDINALS = ("first", "second", "third", "fourth")
FOOTERS: dict[str, Callable[[int, int], str]] = {
    "page of": lambda number, total: f"Page {number} of {total}",
    "dashes": lambda number, _: f"- {number} -",
    "bare number": lambda number, _: str(number),
    "number and title": lambda number, _: f"{number} | Rapport périodique",
    "roman": lambda number, _: _roman(number),
}


@pytest.mark.parametrize("footer", FOOTERS.values(), ids=FOOTERS.keys())
def test_running_header_and_footer_are_dropped_by_repetition(
    footer: Callable[[int, int], str],
) -> None:
    bodies = [f"The {ordinal} page holds this body text." for ordinal in ORDINALS]
    pages: list[list[Text | Grid]] = []
    for number, body in enumerate(bodies, start=1):
        page: list[Text | Grid] = [Text(LEFT, PAGE_TOP + 10, HEADER, size=8)]
        if number == 1:
            page.append(
                Text(LEFT, PAGE_TOP - 30, "Cultural policies and measures", "Helvetica-Bold")
            )
        page += [Text(LEFT, PAGE_TOP - 60, body), Text(290, 40, footer(number, 4), size=8)]
        pages.append(page)
    texts = block_texts(read_pdf(pdf_bytes(pages)))
    assert texts == ["Cultural policies and measures", *bodies]


def test_page_numbers_that_differ_from_the_pdf_page_are_dropped() -> None:
    # The cover is not numbered, so PDF page n shows "Page n-1 of 3".
    bodies = [f"The {ordinal} numbered page." for ordinal in ORDINALS[:3]]
    cover = Text(LEFT, 600, "Periodic report of Kenya", "Helvetica-Bold", 16)
    pages: list[list[Text | Grid]] = [[cover]]
    for number, body in enumerate(bodies, start=1):
        pages.append([Text(LEFT, 700, body), Text(290, 40, f"Page {number} of 3")])
    assert block_texts(read_pdf(pdf_bytes(pages))) == ["Periodic report of Kenya", *bodies]


def test_a_heading_atop_one_page_and_labels_under_varying_titles_stay() -> None:
    # Each page opens with its own measure title, then the same form label: the label repeats at
    # the same place on every page, but it is no running header since the title above it is not.
    measures = [
        ("Music export fund", "Music Council"),
        ("Regional film commissions", "Film Centre"),
        ("Public reading network", "National Library"),
    ]
    label = "Name of the agency responsible for the measure:"
    pages: list[list[Text | Grid]] = [
        [
            Text(LEFT, 760, title, "Helvetica-Bold"),
            Text(LEFT, 736, label, "Helvetica-Bold"),
            Text(LEFT, 720, agency),
        ]
        for title, agency in measures
    ]
    texts = block_texts(read_pdf(pdf_bytes(pages)))
    assert texts == [text for title, agency in measures for text in (title, label, agency)]


def test_a_short_answer_that_ends_two_pages_stays() -> None:
    pages: list[list[Text | Grid]] = [
        [Text(LEFT, 700, "Has the measure been evaluated?:"), Text(LEFT, 60, "YES")],
        [Text(LEFT, 700, "Is the measure still in force?:"), Text(LEFT, 60, "YES")],
        [Text(LEFT, 700, "End of the report.")],
    ]
    assert block_texts(read_pdf(pdf_bytes(pages))).count("YES") == 2


def test_a_short_running_header_on_every_page_is_dropped() -> None:
    bodies = [f"Text of the {ordinal} page." for ordinal in ORDINALS[:3]]
    pages: list[list[Text | Grid]] = [
        [Text(LEFT, PAGE_TOP, "Kenya"), Text(LEFT, 700, body)] for body in bodies
    ]
    assert block_texts(read_pdf(pdf_bytes(pages))) == bodies


def test_a_ruled_header_table_on_every_page_is_dropped() -> None:
    header = Grid((LEFT, 250, 523), (815, 795))
    bodies = [f"Text of the {ordinal} page." for ordinal in ORDINALS[:3]]
    pages: list[list[Text | Grid]] = [
        [
            header,
            Text(LEFT + 4, 801, "Kenya"),
            Text(254, 801, "Quadrennial Periodic Report"),
            Text(LEFT, 700, body),
        ]
        for body in bodies
    ]
    assert block_texts(read_pdf(pdf_bytes(pages))) == bodies
