"""read_pdf on PDFs built with reportlab: paragraphs rebuilt from lines, ruled tables, errors."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.blocks import Block, BlockKind
from pipeline.errors import (
    DocumentLoadError,
    EncryptedDocumentError,
    NoTextLayerError,
    PipelineError,
)
from pipeline.readers.pdf import read_pdf

TITLE = "3. Programme de soutien aux entreprises culturelles indépendantes"
DESCRIPTION_LABEL = "Décrivez les principales caractéristiques de la politique/mesure:"
DESCRIPTION = (
    "Le programme soutient les entreprises culturelles indépendantes par des subventions, "
    "des formations et un accompagnement personnalisé. Il vise en particulier les jeunes "
    "créateurs des zones rurales et les femmes qui travaillent dans les secteurs de "
    "l’audiovisuel et de la musique. Depuis son lancement en 2019, il a bénéficié jusqu’à "
    "présent à plus de 1 200 porteurs de projets dans toutes les régions du pays, et une "
    "équipe d’évaluation indépendante en mesure chaque année les effets sur l’emploi, les "
    "revenus des artistes et la diversité des expressions culturelles proposées au public."
)
WEBSITE_LABEL = "Site web de la politique/mesure, si possible:"
WEBSITE = "https://example.org/programme"
PARTNERS_LABEL = "Partner(s) engaged in the implementation of the measure:"
PARTNER_ROWS = [
    ("Name of partner", "Type of entity"),
    ("Ministry of Culture", "Public Sector"),
    ("Arts Council", ""),
    ("National Film Centre", "Civil Society"),
]
EVALUATED_LABEL = "Has the implementation of the policy/measure been evaluated?:"
EVALUATED = "Yes"
WHO_LABEL = "Qui:"
AGENCIES = ["Ministère de la Culture", "Conseil des arts et des lettres"]
SECOND_PAGE_LABEL = "Si oui, quelles sont les principales conclusions/recommandations ?:"
SECOND_PAGE_TEXT = "Le programme doit être étendu aux régions d’outre-mer."


def _measure_pdf(path: Path) -> bytes:
    styles = getSampleStyleSheet()
    body = styles["Normal"]
    table = Table(
        [list(row) for row in PARTNER_ROWS],
        style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]),
    )
    story = [
        Paragraph(TITLE, styles["Heading2"]),
        Paragraph(f"<b>{DESCRIPTION_LABEL}</b>", body),
        Paragraph(DESCRIPTION, body),
        Spacer(1, 6),
        Paragraph(f"<b>{WEBSITE_LABEL}</b>", body),
        Paragraph(WEBSITE, body),
        Spacer(1, 6),
        Paragraph(f"<b>{PARTNERS_LABEL}</b>", body),
        table,
        Spacer(1, 6),
        Paragraph(f"<b>{EVALUATED_LABEL}</b>", body),
        Paragraph(EVALUATED, body),
        Paragraph(f"<b>{WHO_LABEL}</b>", body),
        *(Paragraph(agency, body) for agency in AGENCIES),
        PageBreak(),
        Paragraph(f"<b>{SECOND_PAGE_LABEL}</b>", body),
        Paragraph(SECOND_PAGE_TEXT, body),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path.read_bytes()


def _canvas_pdf(path: Path, lines: list[str], encrypt: StandardEncryption | None = None) -> bytes:
    """One page with `lines` drawn 12 pt apart, as a typesetter wraps a paragraph."""
    page = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    page.setFont("Helvetica", 10)
    for number, line in enumerate(lines):
        page.drawString(72, 760 - 12 * number, line)
    page.save()
    return path.read_bytes()


@pytest.fixture
def measure_blocks(tmp_path: Path) -> list[Block]:
    return read_pdf(_measure_pdf(tmp_path / "measure.pdf"))


def _texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


def test_blocks_come_in_reading_order_with_pages(measure_blocks: list[Block]) -> None:
    expected = [
        (1, BlockKind.PARAGRAPH, TITLE),
        (1, BlockKind.PARAGRAPH, DESCRIPTION_LABEL),
        (1, BlockKind.PARAGRAPH, DESCRIPTION),
        (1, BlockKind.PARAGRAPH, WEBSITE_LABEL),
        (1, BlockKind.PARAGRAPH, WEBSITE),
        (1, BlockKind.PARAGRAPH, PARTNERS_LABEL),
        *((1, BlockKind.TABLE_ROW, " | ".join(row)) for row in PARTNER_ROWS),
        (1, BlockKind.PARAGRAPH, EVALUATED_LABEL),
        (1, BlockKind.PARAGRAPH, EVALUATED),
        (1, BlockKind.PARAGRAPH, WHO_LABEL),
        *((1, BlockKind.PARAGRAPH, agency) for agency in AGENCIES),
        (2, BlockKind.PARAGRAPH, SECOND_PAGE_LABEL),
        (2, BlockKind.PARAGRAPH, SECOND_PAGE_TEXT),
    ]
    assert [(block.page, block.kind, block.text) for block in measure_blocks] == expected


def test_wrapped_paragraph_is_one_block_with_its_characters(measure_blocks: list[Block]) -> None:
    # About 90 characters fit on a line of A4 at 10 pt: the description wraps over 6 lines.
    description = [block for block in measure_blocks if block.text.startswith(DESCRIPTION[:40])]
    assert len(description) == 1
    assert description[0].text == DESCRIPTION
    assert "jusqu’à présent" in description[0].text
    assert description[0].bold is False


def test_labels_are_bold_blocks_of_their_own(measure_blocks: list[Block]) -> None:
    labels = [block for block in measure_blocks if block.bold]
    assert _texts(labels) == [
        TITLE,
        DESCRIPTION_LABEL,
        WEBSITE_LABEL,
        PARTNERS_LABEL,
        EVALUATED_LABEL,
        WHO_LABEL,
        SECOND_PAGE_LABEL,
    ]


def test_short_lines_stay_separate_blocks(measure_blocks: list[Block]) -> None:
    texts = _texts(measure_blocks)
    start = texts.index(WHO_LABEL) + 1
    assert texts[start : start + len(AGENCIES)] == AGENCIES


def test_table_rows_keep_their_cells_between_the_text_around_them(
    measure_blocks: list[Block],
) -> None:
    texts = _texts(measure_blocks)
    rows = [block for block in measure_blocks if block.kind is BlockKind.TABLE_ROW]
    assert [block.cells for block in rows] == PARTNER_ROWS
    assert all(block.page == 1 for block in rows)
    first_row = measure_blocks.index(rows[0])
    assert texts[first_row - 1] == PARTNERS_LABEL
    assert texts[first_row + len(rows)] == EVALUATED_LABEL


def test_table_text_is_not_repeated_as_paragraphs(measure_blocks: list[Block]) -> None:
    paragraphs = " ".join(
        block.text for block in measure_blocks if block.kind is BlockKind.PARAGRAPH
    )
    for cell in ("Name of partner", "Type of entity", "Arts Council", "Public Sector"):
        assert cell not in paragraphs


def test_line_end_hyphens_rejoin_words_and_keep_real_hyphens(tmp_path: Path) -> None:
    lines = [
        "The implemen-",
        "tation of the COVID-",
        "19 recovery plan supports small-",
        "scale soft\u00ad",
        "ware projects and small-scale venues.",
    ]
    blocks = read_pdf(_canvas_pdf(tmp_path / "hyphens.pdf", lines))
    assert _texts(blocks) == [
        "The implementation of the COVID-19 recovery plan supports small-scale software "
        "projects and small-scale venues."
    ]


def test_a_web_address_wrapped_after_its_own_hyphen_keeps_it(tmp_path: Path) -> None:
    lines = [
        "See the programme at https://culture.example.org/les-professionnels-de-la-",
        "culture and in the regional offices of the ministry.",
    ]
    blocks = read_pdf(_canvas_pdf(tmp_path / "address.pdf", lines))
    assert _texts(blocks) == [
        "See the programme at https://culture.example.org/les-professionnels-de-la-culture "
        "and in the regional offices of the ministry."
    ]


def test_a_label_and_its_value_on_the_next_line_are_two_blocks(tmp_path: Path) -> None:
    lines = ["Financial resources allocated to the policy/measure in USD:", "250,000"]
    blocks = read_pdf(_canvas_pdf(tmp_path / "label.pdf", lines))
    assert _texts(blocks) == lines
    assert all(block.page == 1 for block in blocks)


def test_truncated_pdf_raises_document_load_error(tmp_path: Path) -> None:
    data = _measure_pdf(tmp_path / "measure.pdf")
    with pytest.raises(DocumentLoadError):
        read_pdf(data[: len(data) // 2])


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n", b"not a pdf at all"])
def test_bytes_that_are_no_pdf_raise_document_load_error(data: bytes) -> None:
    with pytest.raises(DocumentLoadError):
        read_pdf(data)


def test_password_protected_pdf_raises_encrypted_error(tmp_path: Path) -> None:
    encryption = StandardEncryption("secret", ownerPassword="owner")
    data = _canvas_pdf(tmp_path / "locked.pdf", ["Confidential report"], encryption)
    with pytest.raises(EncryptedDocumentError):
        read_pdf(data)


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    encryption = StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0)
    data = _canvas_pdf(tmp_path / "owner.pdf", ["Rapport jusqu’à présent"], encryption)
    assert _texts(read_pdf(data)) == ["Rapport jusqu’à présent"]


def test_pdf_without_text_raises_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFillColor(colors.grey)
    page.rect(72, 400, 300, 200, fill=1)
    page.circle(300, 300, 50, fill=1)
    page.showPage()
    page.rect(72, 72, 100, 100)
    page.save()
    with pytest.raises(NoTextLayerError):
        read_pdf(path.read_bytes())


@cache
def _small_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 760, "Name of partner: Arts Council")
    page.grid([72, 200, 400], [500, 520, 540, 560])
    page.drawString(80, 545, "Ministry of Culture")
    page.save()
    return buffer.getvalue()


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.data())
def test_damaged_bytes_give_blocks_or_a_pipeline_error(data: st.DataObject) -> None:
    original = _small_pdf()
    position = data.draw(st.integers(0, len(original) - 1))
    patch = data.draw(st.binary(min_size=0, max_size=8))
    cut = data.draw(st.booleans())
    damaged = original[:position] + patch + (b"" if cut else original[position + len(patch) :])
    try:
        blocks = read_pdf(damaged)
    except PipelineError:
        return
    assert all(isinstance(block, Block) and block.text for block in blocks)


def test_running_headers_footers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    def running(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(60, A4[1] - 30, "Quadrennial Periodic Report 2020-2023 - Ruritania")
        canvas.drawString(60, 30, f"Page {document.page} of 3")
        canvas.restoreState()

    styles = getSampleStyleSheet()
    story = []
    for letter in "ABC":
        story += [
            Paragraph(f"Heading {letter}", styles["Heading2"]),
            Paragraph(f"Body text {letter}.", styles["Normal"]),
        ]
        if letter != "C":
            story.append(PageBreak())
    path = tmp_path / "running.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        story, onFirstPage=running, onLaterPages=running
    )
    texts = [block.text for block in read_pdf(path.read_bytes())]
    assert texts == [
        text for letter in "ABC" for text in (f"Heading {letter}", f"Body text {letter}.")
    ]
