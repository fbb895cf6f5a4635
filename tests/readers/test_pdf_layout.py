"""read_pdf on whole-report layouts: running headers and footers, hyphenation, paragraphs and
tables that go on over a page break, pages set in columns.

Most PDFs are drawn line by line with reportlab's canvas, so each test states its geometry; a few
are made by LibreOffice from DOCX files (converted once per session, skipped without soffice).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pipeline.blocks import Block, BlockKind
from pipeline.readers import pdf_tables
from pipeline.readers.pdf import read_pdf

PAGE_TOP = 800.0
LEFT = 72.0
WIDTH = 451.0  # A4 less 72 pt margins
LEADING = 12.0
SIZE = 10.0
HEADER = "Quadrennial Periodic Report 2020–2023 — Kenya"

LOREM = (
    "The national fund for cultural industries supports artists, producers and small "
    "enterprises in every region of the country with grants, loans and training, and it pays "
    "particular attention to young creators and to women working in music and film"
)


@dataclass(frozen=True)
class Text:
    """A string drawn at (x, y), y up as in PDF."""

    x: float
    y: float
    text: str
    font: str = "Helvetica"
    size: float = SIZE


@dataclass(frozen=True)
class Grid:
    """Ruled cells: column edges and row edges (y down the page, first edge on top)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]


def _pdf(pages: list[list[Text | Grid]]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in pages:
        for item in page:
            if isinstance(item, Grid):
                canvas.grid(list(item.xs), list(item.ys))
            else:
                canvas.setFont(item.font, item.size)
                canvas.drawString(item.x, item.y, item.text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _wrapped(
    text: str, x: float, y: float, width: float = WIDTH, font: str = "Helvetica"
) -> list[Text]:
    """`text` wrapped to `width` as a typesetter does, first baseline at `y`."""
    lines = simpleSplit(text, font, SIZE, width)
    return [Text(x, y - LEADING * index, line, font) for index, line in enumerate(lines)]


def _below(items: list[Text], gap: float = LEADING * 1.8) -> float:
    """The baseline for a paragraph after `items`, with paragraph spacing."""
    return items[-1].y - gap


def _texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


# --- running headers and footers ---------------------------------------------------------------


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
    texts = _texts(read_pdf(_pdf(pages)))
    assert texts == ["Cultural policies and measures", *bodies]


def test_page_numbers_that_differ_from_the_pdf_page_are_dropped() -> None:
    # The cover is not numbered, so PDF page n shows "Page n-1 of 3".
    bodies = [f"The {ordinal} numbered page." for ordinal in ORDINALS[:3]]
    cover = Text(LEFT, 600, "Periodic report of Kenya", "Helvetica-Bold", 16)
    pages: list[list[Text | Grid]] = [[cover]]
    for number, body in enumerate(bodies, start=1):
        pages.append([Text(LEFT, 700, body), Text(290, 40, f"Page {number} of 3")])
    assert _texts(read_pdf(_pdf(pages))) == ["Periodic report of Kenya", *bodies]


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
    texts = _texts(read_pdf(_pdf(pages)))
    assert texts == [text for title, agency in measures for text in (title, label, agency)]


def test_a_short_answer_that_ends_two_pages_stays() -> None:
    pages: list[list[Text | Grid]] = [
        [Text(LEFT, 700, "Has the measure been evaluated?:"), Text(LEFT, 60, "YES")],
        [Text(LEFT, 700, "Is the measure still in force?:"), Text(LEFT, 60, "YES")],
        [Text(LEFT, 700, "End of the report.")],
    ]
    assert _texts(read_pdf(_pdf(pages))).count("YES") == 2


def test_a_short_running_header_on_every_page_is_dropped() -> None:
    bodies = [f"Text of the {ordinal} page." for ordinal in ORDINALS[:3]]
    pages: list[list[Text | Grid]] = [
        [Text(LEFT, PAGE_TOP, "Kenya"), Text(LEFT, 700, body)] for body in bodies
    ]
    assert _texts(read_pdf(_pdf(pages))) == bodies


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
    assert _texts(read_pdf(_pdf(pages))) == bodies


# --- hyphenation -------------------------------------------------------------------------------


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
    assert _texts(read_pdf(_pdf([page]))) == [
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
    assert _texts(read_pdf(_pdf([page])))[0] == "Support for the audiovisual sector."


# --- paragraphs over a page break --------------------------------------------------------------


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
    return read_pdf(_pdf(pages))


def _bottom(lines: list[Text]) -> list[Text]:
    """The lines moved so that the last one stands just above the footer."""
    shift = 80 - lines[-1].y
    return [Text(line.x, line.y + shift, line.text, line.font) for line in lines]


def test_a_paragraph_going_on_in_lower_case_on_the_next_page_is_one_block() -> None:
    before = _wrapped(LOREM, LEFT, 200)
    after = _wrapped("and in dance. The fund was created in 2019.", LEFT, PAGE_TOP - 30)
    blocks = _two_pages(_bottom(before), after)
    assert _texts(blocks) == [f"{LOREM} and in dance. The fund was created in 2019."]
    assert blocks[0].page == 1


def test_a_paragraph_going_on_with_a_capital_after_a_full_line_is_one_block() -> None:
    # Worded so that the last line on the page is full.
    text = f"{LOREM}, in theatre, in dance, in the visual arts, with the support of the"
    before = _bottom(_wrapped(text, LEFT, 200))
    # The page's last line wrapped: the next page's first word would not have fitted on it.
    assert stringWidth(f"{before[-1].text} Ministry", "Helvetica", SIZE) > WIDTH
    after = _wrapped("Ministry of Culture and of the regional councils.", LEFT, PAGE_TOP - 30)
    assert _texts(_two_pages(before, after)) == [
        f"{text} Ministry of Culture and of the regional councils."
    ]


def test_a_word_hyphenated_over_the_page_break_is_rejoined() -> None:
    wrapped = _wrapped(LOREM, LEFT, 200)
    before = _bottom([*wrapped, Text(LEFT, wrapped[-1].y - LEADING, "and in the perform-")])
    after = [Text(LEFT, PAGE_TOP - 30, "ing arts.")]
    assert _texts(_two_pages(before, after)) == [f"{LOREM} and in the performing arts."]


def test_a_finished_sentence_at_the_page_end_ends_the_paragraph() -> None:
    before = _bottom(_wrapped(LOREM + ".", LEFT, 200))
    after = _wrapped("The second paragraph starts the next page.", LEFT, PAGE_TOP - 30)
    assert _texts(_two_pages(before, after)) == [
        LOREM + ".",
        "The second paragraph starts the next page.",
    ]


def test_a_bold_heading_at_the_page_end_stays_apart() -> None:
    before = [Text(LEFT, 80, "Results achieved so far", "Helvetica-Bold")]
    after = _wrapped("in 2021 the fund supported 300 projects.", LEFT, PAGE_TOP - 30)
    blocks = _two_pages(before, after)
    assert _texts(blocks) == ["Results achieved so far", "in 2021 the fund supported 300 projects."]
    assert [block.page for block in blocks] == [1, 2]


def test_a_list_item_atop_the_next_page_stays_apart() -> None:
    before = _bottom(_wrapped("The fund supports the following activities", LEFT, 200))
    after = [Text(LEFT, PAGE_TOP - 30, "• festivals and tours in the regions")]
    assert _texts(_two_pages(before, after)) == [
        "The fund supports the following activities",
        "• festivals and tours in the regions",
    ]


def test_an_indented_paragraph_atop_the_next_page_stays_apart() -> None:
    # No final full stop, but the next page starts a paragraph with a first-line indent.
    before = _bottom(_wrapped(LOREM, LEFT, 200))
    after = _wrapped(LOREM + ".", LEFT, PAGE_TOP - 30)
    after[0] = Text(LEFT + 36, after[0].y, after[0].text)
    assert _texts(_two_pages(before, after)) == [LOREM, LOREM + "."]


# --- tables over a page break ------------------------------------------------------------------

COLUMN_EDGES = (LEFT, 300.0, 523.0)


def _table(rows: list[tuple[str, str]], top: float) -> list[Text | Grid]:
    """A two-column ruled table whose first row's top edge is at `top`, 20 pt a row."""
    ys = tuple(top - 20 * index for index in range(len(rows) + 1))
    items: list[Text | Grid] = [Grid(COLUMN_EDGES, ys)]
    for index, (first, second) in enumerate(rows):
        baseline = ys[index] - 14
        items += [Text(LEFT + 4, baseline, first), Text(COLUMN_EDGES[1] + 4, baseline, second)]
    return items


HEADER_ROW = ("Name of partner", "Type of entity")


def test_a_table_going_on_over_the_page_break_is_one_table_without_its_repeated_header() -> None:
    first_rows = [
        HEADER_ROW,
        ("Ministry of Culture", "Public Sector"),
        ("Arts Council", "Public Sector"),
    ]
    second_rows = [HEADER_ROW, ("Film Centre", "Civil Society"), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [
        [Text(LEFT, 300, "Partner(s) engaged:"), *_table(first_rows, 140)],
        [*_table(second_rows, PAGE_TOP), Text(LEFT, 600, "After the table.")],
    ]
    blocks = read_pdf(_pdf(pages))
    rows = [block for block in blocks if block.kind is BlockKind.TABLE_ROW]
    assert [block.cells for block in rows] == first_rows + second_rows[1:]
    assert [block.page for block in rows] == [1, 1, 1, 2, 2]
    assert _texts(blocks)[0] == "Partner(s) engaged:" and _texts(blocks)[-1] == "After the table."


def test_a_row_cut_by_the_page_break_is_one_row() -> None:
    first_rows = [
        HEADER_ROW,
        ("Ministry of Culture", "Public Sector"),
        ("Association of independent", "Civil"),
    ]
    second_rows = [("film producers", "society"), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(_pdf(pages))]
    assert rows == [
        HEADER_ROW,
        ("Ministry of Culture", "Public Sector"),
        ("Association of independent film producers", "Civil society"),
        ("Music Hub", "Private Sector"),
    ]


def test_an_empty_first_cell_atop_the_page_joins_the_cut_row() -> None:
    first_rows = [HEADER_ROW, ("Arts Council", "Public Sector, with funding from the")]
    second_rows = [("", "National Lottery Fund"), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(_pdf(pages))]
    assert rows == [
        HEADER_ROW,
        ("Arts Council", "Public Sector, with funding from the National Lottery Fund"),
        ("Music Hub", "Private Sector"),
    ]


def test_a_name_going_on_under_an_empty_type_cell_joins_the_cut_row() -> None:
    # The type fitted on the first page; the name's second line went on to the next.
    first_rows = [HEADER_ROW, ("Copyright Board", ""), ("Kolkata Community Radio", "Civil Society")]
    second_rows = [HEADER_ROW, ("Association", ""), ("Music Hub", "Private Sector")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(_pdf(pages))]
    assert rows == [
        HEADER_ROW,
        ("Copyright Board", ""),
        ("Kolkata Community Radio Association", "Civil Society"),
        ("Music Hub", "Private Sector"),
    ]


def test_an_empty_first_cell_is_a_new_row_where_the_first_column_has_merged_cells() -> None:
    first_rows = [HEADER_ROW, ("Public Sector", "Ministry of Culture"), ("", "Arts Council")]
    second_rows = [("", "Film Centre"), ("Civil Society", "Music Hub")]
    pages: list[list[Text | Grid]] = [_table(first_rows, 140), _table(second_rows, PAGE_TOP)]
    rows = [block.cells for block in read_pdf(_pdf(pages))]
    assert rows == first_rows + second_rows


def test_tables_with_other_columns_stay_apart() -> None:
    other = Grid((LEFT, 200.0, 523.0), (PAGE_TOP, PAGE_TOP - 20))
    pages: list[list[Text | Grid]] = [
        _table([HEADER_ROW, ("Arts Council", "Public Sector")], 140),
        [other, Text(LEFT + 4, PAGE_TOP - 14, "Year"), Text(204, PAGE_TOP - 14, "Amount")],
    ]
    blocks = read_pdf(_pdf(pages))
    assert [block.cells for block in blocks] == [
        HEADER_ROW,
        ("Arts Council", "Public Sector"),
        ("Year", "Amount"),
    ]


# --- columns -----------------------------------------------------------------------------------

COLUMN_WIDTH = 210.0
RIGHT_COLUMN = LEFT + COLUMN_WIDTH + 31  # a 31 pt gutter
LEFT_TEXT = [
    "The first paragraph of the left column tells how the fund began in 2019 and who runs it.",
    "The second paragraph of the left column describes the grants, which go to artists and "
    "small enterprises in every region, and it goes on into the right column where it",
]
RIGHT_TEXT = [
    "ends with the loans and training that complete the grants.",
    "The last paragraph, in the right column, gives the results of the first three years.",
]
TITLE = "Two columns under a title that spans the whole width of the page"


def _column_page() -> tuple[list[Text], list[Text], Text]:
    left: list[Text] = []
    y = 720.0
    for paragraph in LEFT_TEXT:
        left += _wrapped(paragraph, LEFT, y, COLUMN_WIDTH)
        y = _below(left)
    # The right column starts at the top of the left one.
    right: list[Text] = []
    y = 720.0
    for paragraph in RIGHT_TEXT:
        right += _wrapped(paragraph, RIGHT_COLUMN, y, COLUMN_WIDTH)
        y = _below(right)
    return left, right, Text(LEFT, 760, TITLE, "Helvetica-Bold")


def _interleaved(left: list[Text], right: list[Text]) -> list[Text]:
    """Lines row by row across the columns, as some producers write the content stream."""
    rows = sorted({line.y for line in left + right}, reverse=True)
    return [line for y in rows for line in left + right if line.y == y]


COLUMN_ORDERS: dict[str, Callable[[list[Text], list[Text]], list[Text]]] = {
    "left column first": lambda left, right: left + right,
    "right column first": lambda left, right: right + left,
    "row by row": _interleaved,
}


@pytest.mark.parametrize("order", COLUMN_ORDERS.values(), ids=COLUMN_ORDERS.keys())
def test_two_columns_are_read_column_by_column_under_a_full_width_title(
    order: Callable[[list[Text], list[Text]], list[Text]],
) -> None:
    left, right, title = _column_page()
    blocks = read_pdf(_pdf([[title, *order(left, right)]]))
    assert _texts(blocks) == [
        TITLE,
        LEFT_TEXT[0],
        f"{LEFT_TEXT[1]} {RIGHT_TEXT[0]}",
        RIGHT_TEXT[1],
    ]


def test_three_columns_are_read_left_to_right() -> None:
    width = 140.0
    texts = [
        f"Column {name} holds one paragraph of body text that wraps over several lines of its "
        "narrow column, as a newsletter does."
        for name in ("one", "two", "three")
    ]
    lines: list[Text | Grid] = []
    for index, text in enumerate(reversed(texts)):
        lines += _wrapped(text, LEFT + (2 - index) * (width + 15), 700, width)
    assert _texts(read_pdf(_pdf([lines]))) == texts


def test_a_form_laid_out_in_two_columns_without_rules_stays_row_by_row() -> None:
    # Bold labels on the left, values on the right, on the same baselines: no text columns.
    fields = [
        ("Name of the agency:", "Ministry of Culture"),
        ("Where:", "Kenya"),
        ("When:", "2021"),
        ("Financial resources:", "USD 250,000"),
        ("Partner:", "Arts Council"),
        ("Type of entity:", "Public Sector"),
        ("Evaluated:", "YES"),
    ]
    page: list[Text | Grid] = []
    for index, (label, value) in enumerate(fields):
        y = 700 - 20 * index
        page += [Text(LEFT, y, label, "Helvetica-Bold"), Text(300, y, value)]
    assert _texts(read_pdf(_pdf([page]))) == [f"{label} {value}" for label, value in fields]


def test_the_end_of_a_section_of_columns_in_the_first_column_keeps_its_paragraphs() -> None:
    left, right, title = _column_page()
    last = _wrapped(
        "and the last paragraph goes on at the top of the next page, in the left column only, "
        "before the report ends.",
        LEFT,
        720,
        COLUMN_WIDTH,
    )
    right_ending = right[:-1] + [Text(RIGHT_COLUMN, right[-1].y, right[-1].text.rstrip("."))]
    blocks = read_pdf(_pdf([[title, *left, *right_ending], last]))
    assert _texts(blocks)[-1] == (
        RIGHT_TEXT[1].rstrip(".") + " and the last paragraph goes on at the top of the next "
        "page, in the left column only, before the report ends."
    )


def test_pages_without_rules_get_no_cell_search(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("edges collected on a page without rules")

    monkeypatch.setattr(pdf_tables, "_page_edges", refuse)
    left, right, title = _column_page()
    pages: list[list[Text | Grid]] = [[title, *left, *right], [Text(LEFT, 700, "Second page.")]]
    texts = [TITLE, LEFT_TEXT[0], f"{LEFT_TEXT[1]} {RIGHT_TEXT[0]}", RIGHT_TEXT[1], "Second page."]
    assert _texts(read_pdf(_pdf(pages))) == texts


# --- documents made by LibreOffice -------------------------------------------------------------

SOFT_HYPHENATED = (
    "The programme supports the inter\u00adnational circu\u00adlation of profes\u00adsionals in "
    "the audio\u00advisual and pub\u00adlishing industries, the cultu\u00adral organi\u00adsations "
    "of all the regions of the country, and the Ministry of Culture."
)
PARTNERS = [(f"Partner organisation number {index}", "Civil Society") for index in range(45)]
LONG_CELL = " ".join(["Public Sector with a long note on the funding."] * 12)
# One sentence over a page break: no page ends it, wherever the break falls.
CONTINUED = (
    "The fund works with "
    + ", ".join(f"the arts council of region {index} and its partners" for index in range(90))
    + "."
)


def _page_number_field(paragraph: docx.text.paragraph.Paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def _report_docx(path: Path) -> None:
    """A report with a running header, page numbers, a paragraph and a partner table (its header
    row repeated, one row allowed to break) over page breaks."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _page_number_field(footer)
    document.add_paragraph("Partner(s) engaged in the implementation of the measure:")
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = HEADER_ROW
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for index, (name, kind) in enumerate(PARTNERS):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, LONG_CELL if index == 38 else kind
    document.add_paragraph(CONTINUED)
    document.save(str(path))


def _soft_hyphen_docx(path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.left_margin, section.right_margin = Cm(7), Cm(1), Cm(1)
    document.add_paragraph(SOFT_HYPHENATED)
    document.save(str(path))


def _columns_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading(TITLE, 1)
    section = document.add_section(0)  # a continuous section break: the columns start here
    columns = OxmlElement("w:cols")
    columns.set(qn("w:num"), "2")
    columns.set(qn("w:space"), "720")
    section._sectPr.append(columns)
    for index in range(6):
        document.add_paragraph(f"Paragraph {index}. " + LOREM + ".")
    document.save(str(path))


@pytest.fixture(scope="session")
def office_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    makers = {"report": _report_docx, "soft": _soft_hyphen_docx, "columns": _columns_docx}
    for name, make in makers.items():
        make(folder / f"{name}.docx")
    # A profile of our own, so that a LibreOffice already running elsewhere does not interfere.
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(folder), *(str(folder / f"{name}.docx") for name in makers)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    yield {name: (folder / f"{name}.pdf").read_bytes() for name in makers}


def test_libreoffice_soft_hyphens_are_rejoined_without_hyphen(
    office_pdfs: dict[str, bytes],
) -> None:
    assert _texts(read_pdf(office_pdfs["soft"])) == [SOFT_HYPHENATED.replace("\u00ad", "")]


def test_libreoffice_report_reads_as_one_table_and_one_paragraph(
    office_pdfs: dict[str, bytes],
) -> None:
    blocks = read_pdf(office_pdfs["report"])
    # The table runs from page 1 to 2, the paragraph from page 2 to 3.
    assert len(pdfium.PdfDocument(office_pdfs["report"])) == 3
    rows = [block for block in blocks if block.kind is BlockKind.TABLE_ROW]
    expected = [HEADER_ROW, *PARTNERS]
    expected[39] = (PARTNERS[38][0], LONG_CELL)
    assert [block.cells for block in rows] == expected
    assert _texts(blocks) == [
        "Partner(s) engaged in the implementation of the measure:",
        *(block.text for block in rows),
        CONTINUED,
    ]
    assert {block.page for block in rows} == {1, 2}
    assert blocks[-1].page == 2


def test_libreoffice_columns_keep_their_paragraphs(office_pdfs: dict[str, bytes]) -> None:
    assert _texts(read_pdf(office_pdfs["columns"])) == [
        TITLE,
        *(f"Paragraph {index}. {LOREM}." for index in range(6)),
    ]


def test_a_bold_title_filling_its_line_is_not_continued_by_the_smaller_label_below() -> None:
    # The platform's PDF: the measure's title at 11 pt reaches the margin, and the first
    # label, `Où`, follows at 9.5 pt, also bold (found in a generated corpus: `… culture Où`).
    words = "Bourses de mobilité pour les artistes et les professionnels de la culture".split()
    title = ""
    while stringWidth(title, "Helvetica-Bold", 11) < WIDTH - 12:
        title = f"{title} {words[len(title.split()) % len(words)]}".strip()
    page: list[Text | Grid] = [
        *_wrapped(LOREM + ".", LEFT, PAGE_TOP, WIDTH),
        Text(LEFT, PAGE_TOP - 80, title, "Helvetica-Bold", 11),
        Text(LEFT, PAGE_TOP - 94, "Où", "Helvetica-Bold", 9.5),
        Text(LEFT, PAGE_TOP - 107, "Burkina Faso", size=9.5),
    ]
    assert _texts(read_pdf(_pdf([page])))[1:] == [title, "Où", "Burkina Faso"]
