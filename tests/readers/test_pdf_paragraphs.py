"""read_pdf rejoins words broken at a line end and paragraphs that go on over a page
break, and keeps apart what only looks continued."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from pipeline.blocks import Block
from pipeline.readers.pdf import read_pdf
from tests.readers.pdf_drawing import (
    HEADER,
    LEADING,
    LEFT,
    LOREM,
    PAGE_TOP,
    SIZE,
    WIDTH,
    Grid,
    Text,
    block_texts,
    pdf_bytes,
    wrapped_lines,
)


def test_a_word_broken_at_a_line_end_is_rejoined_and_a_compound_keeps_its_hyphen() -> None:
    # "small" and "scale" are words of this document and "smallscale" is not: a compound.
    # "cultu" and "ral" are not words: a word broken in two.
    first = [
        "The programme strengthens the cultu-",
        "ral sector and supports small-",
        "scale producers in the regions.",
    ]
    second = "Small producers work at a scale that suits them."
    page: list[Text | Grid] = [
        Text(LEFT, 700 - LEADING * index, line) for index, line in enumerate(first)
    ]
    page.append(Text(LEFT, 640, second))
    assert block_texts(read_pdf(pdf_bytes([page]))) == [
        "The programme strengthens the cultural sector and supports small-scale producers in "
        "the regions.",
        second,
    ]


def test_a_broken_word_written_whole_elsewhere_is_rejoined() -> None:
    # "audio" and "visual" are words here too, but the document writes "audiovisual".
    lines = ["Support for the audio-", "visual sector."]
    page: list[Text | Grid] = [
        Text(LEFT, 700 - LEADING * index, line) for index, line in enumerate(lines)
    ]
    page += [
        Text(LEFT, 660, "The audiovisual archive keeps audio and visual records."),
    ]
    assert block_texts(read_pdf(pdf_bytes([page])))[0] == "Support for the audiovisual sector."


def _two_pages(end_of_first: list[Text], start_of_second: list[Text]) -> list[Block]:
    """`end_of_first` ends page 1 above its footer; page 2 opens with `start_of_second` under
    its header. Both pages carry the running header and footer."""
    pages: list[list[Text | Grid]] = []
    for number, body in ((1, end_of_first), (2, start_of_second)):
        pages.append(
            [
                Text(LEFT, PAGE_TOP + 10, HEADER, size=8),
                *body,
                Text(290, 40, f"Page {number} of 2", size=8),
            ]
        )
    return read_pdf(pdf_bytes(pages))


def _bottom(lines: list[Text]) -> list[Text]:
    """The lines moved so that the last one stands just above the footer."""
    shift = 80 - lines[-1].y
    return [Text(line.x, line.y + shift, line.text, line.font) for line in lines]


def test_a_paragraph_going_on_in_lower_case_on_the_next_page_is_one_block() -> None:
    before = wrapped_lines(LOREM, LEFT, 200)
    after = wrapped_lines("and in dance. The fund was created in 2019.", LEFT, PAGE_TOP - 30)
    blocks = _two_pages(_bottom(before), after)
    assert block_texts(blocks) == [f"{LOREM} and in dance. The fund was created in 2019."]
    assert blocks[0].page == 1


def test_a_paragraph_going_on_with_a_capital_after_a_full_line_is_one_block() -> None:
    # Worded so that the last line on the page is full.
    text = f"{LOREM}, in theatre, in dance, in the visual arts, with the support of the"
    before = _bottom(wrapped_lines(text, LEFT, 200))
    # The page's last line wrapped: the next page's first word would not have fitted on it.
    assert stringWidth(f"{before[-1].text} Ministry", "Helvetica", SIZE) > WIDTH
    after = wrapped_lines("Ministry of Culture and of the regional councils.", LEFT, PAGE_TOP - 30)
    assert block_texts(_two_pages(before, after)) == [
        f"{text} Ministry of Culture and of the regional councils."
    ]


def test_a_word_hyphenated_over_the_page_break_is_rejoined() -> None:
    wrapped = wrapped_lines(LOREM, LEFT, 200)
    before = _bottom([*wrapped, Text(LEFT, wrapped[-1].y - LEADING, "and in the perform-")])
    after = [Text(LEFT, PAGE_TOP - 30, "ing arts.")]
    assert block_texts(_two_pages(before, after)) == [f"{LOREM} and in the performing arts."]


def test_a_finished_sentence_at_the_page_end_ends_the_paragraph() -> None:
    before = _bottom(wrapped_lines(LOREM + ".", LEFT, 200))
    after = wrapped_lines("The second paragraph starts the next page.", LEFT, PAGE_TOP - 30)
    assert block_texts(_two_pages(before, after)) == [
        LOREM + ".",
        "The second paragraph starts the next page.",
    ]


def test_a_bold_heading_at_the_page_end_stays_apart() -> None:
    before = [Text(LEFT, 80, "Results achieved so far", "Helvetica-Bold")]
    after = wrapped_lines("in 2021 the fund supported 300 projects.", LEFT, PAGE_TOP - 30)
    blocks = _two_pages(before, after)
    assert block_texts(blocks) == [
        "Results achieved so far",
        "in 2021 the fund supported 300 projects.",
    ]
    assert [block.page for block in blocks] == [1, 2]


def test_a_list_item_atop_the_next_page_stays_apart() -> None:
    before = _bottom(wrapped_lines("The fund supports the following activities", LEFT, 200))
    after = [Text(LEFT, PAGE_TOP - 30, "• festivals and tours in the regions")]
    assert block_texts(_two_pages(before, after)) == [
        "The fund supports the following activities",
        "• festivals and tours in the regions",
    ]


def test_an_indented_paragraph_atop_the_next_page_stays_apart() -> None:
    # No final full stop, but the next page starts a paragraph with a first-line indent.
    before = _bottom(wrapped_lines(LOREM, LEFT, 200))
    after = wrapped_lines(LOREM + ".", LEFT, PAGE_TOP - 30)
    after[0] = Text(LEFT + 36, after[0].y, after[0].text)
    assert block_texts(_two_pages(before, after)) == [LOREM, LOREM + "."]


def test_a_bold_title_filling_its_line_is_not_continued_by_the_smaller_label_below() -> None:
    # The platform's PDF: the measure's title at 11 pt reaches the margin, and the first
    # label, `Où`, follows at 9.5 pt, also bold (found in a generated corpus: `… culture Où`).
    words = "Bourses de mobilité pour les artistes et les professionnels de la culture".split()
    title = ""
    while stringWidth(title, "Helvetica-Bold", 11) < WIDTH - 12:
        title = f"{title} {words[len(title.split()) % len(words)]}".strip()
    page: list[Text | Grid] = [
        *wrapped_lines(LOREM + ".", LEFT, PAGE_TOP, WIDTH),
        Text(LEFT, PAGE_TOP - 80, title, "Helvetica-Bold", 11),
        Text(LEFT, PAGE_TOP - 94, "Où", "Helvetica-Bold", 9.5),
        Text(LEFT, PAGE_TOP - 107, "Burkina Faso", size=9.5),
    ]
    assert block_texts(read_pdf(pdf_bytes([page])))[1:] == [title, "Où", "Burkina Faso"]
