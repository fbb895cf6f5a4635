"""read_docx: body order, headings, bold labels, tables with merged cells, damaged input."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.blocks import Block, BlockKind, table_row
from pipeline.errors import DocumentLoadError, TooLargeError
from pipeline.readers.docx import read_docx

DESCRIPTION_LABEL = "Describe the main features of the policy/measure:"
W = nsdecls("w")


def _save(document: docx.document.Document, tmp_path: Path, name: str = "report.docx") -> bytes:
    path = tmp_path / name
    document.save(str(path))
    return path.read_bytes()


def _append_xml(document: docx.document.Document, xml: str) -> None:
    """Append a raw WordprocessingML fragment to the body, before the section properties."""
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def _measure_document() -> docx.document.Document:
    document = docx.Document()
    document.add_heading("3. Support to the film industry", level=1)
    label = document.add_paragraph()
    label.add_run(DESCRIPTION_LABEL).bold = True
    body = document.add_paragraph("The fund supports first films.")
    body.runs[0].add_break()
    body.add_run("Main aims: diversity.")
    document.add_paragraph("")
    document.add_paragraph("   ")

    table = document.add_table(rows=6, cols=2)
    table.cell(0, 0).text = "Name of partner"
    table.cell(0, 1).text = "Type of entity"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Arts Council"
    table.cell(2, 0).text = "Film Fund"
    table.cell(3, 0).text = "Music Board"
    top = table.cell(2, 1).merge(table.cell(3, 1))
    top.text = "Public sector"
    table.cell(4, 0).text = "Local NGO"
    document.add_paragraph("Has the implementation of the policy/measure been evaluated?:")
    return document


def test_measure_document_blocks_in_body_order(tmp_path: Path) -> None:
    blocks = read_docx(_save(_measure_document(), tmp_path))

    assert blocks == [
        # python-docx's default template draws Heading 1 bold (through the style).
        Block("3. Support to the film industry", BlockKind.HEADING, bold=True, level=1),
        Block(DESCRIPTION_LABEL, BlockKind.PARAGRAPH, bold=True),
        Block("The fund supports first films.\nMain aims: diversity."),
        table_row(["Name of partner", "Type of entity"]),
        # A row merged into one cell is a band of content, read as a paragraph.
        Block("Arts Council"),
        table_row(["Film Fund", "Public sector"]),
        table_row(["Music Board", ""]),
        table_row(["Local NGO", ""]),
        Block("Has the implementation of the policy/measure been evaluated?:"),
    ]


def test_merged_cell_appears_once(tmp_path: Path) -> None:
    blocks = read_docx(_save(_measure_document(), tmp_path))

    texts = [text for block in blocks for text in block.cells or (block.text,)]
    assert texts.count("Arts Council") == 1
    assert texts.count("Public sector") == 1
    assert all(block.page is None for block in blocks)


def test_heading_styles_title_and_outline_level(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Quadrennial Periodic Report", level=0)
    document.add_heading("Goal 1", level=2)
    outlined = document.add_paragraph("Area of monitoring")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="2"/>'))
    body_level = document.add_paragraph("Body text with outline level 9")
    body_level._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="9"/>'))

    blocks = read_docx(_save(document, tmp_path))

    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (BlockKind.HEADING, 0, "Quadrennial Periodic Report"),
        (BlockKind.HEADING, 2, "Goal 1"),
        (BlockKind.HEADING, 3, "Area of monitoring"),
        (BlockKind.PARAGRAPH, None, "Body text with outline level 9"),
    ]


def test_localised_heading_style_name(tmp_path: Path) -> None:
    document = docx.Document()
    style = document.styles.add_style("Titre 2", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Objectif 1", style=style)

    (block,) = read_docx(_save(document, tmp_path))

    assert (block.kind, block.level) == (BlockKind.HEADING, 2)


def test_bold_from_styles_and_partial_bold(tmp_path: Path) -> None:
    document = docx.Document()
    label_style = document.styles.add_style("Form Label", WD_STYLE_TYPE.PARAGRAPH)
    label_style.font.bold = True
    derived = document.styles.add_style("Form Label Small", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = label_style
    strong = document.styles.add_style("Label Char", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True

    document.add_paragraph("Website of the policy/measure, if available:", style=label_style)
    document.add_paragraph("Financial resources allocated:", style=derived)
    char_styled = document.add_paragraph()
    char_styled.add_run("Quand", style=strong)
    char_styled.add_run("  ")  # whitespace runs do not decide boldness
    mixed = document.add_paragraph()
    mixed.add_run("Target groups:").bold = True
    mixed.add_run(" young artists")
    unbolded = document.add_paragraph(style=label_style)
    unbolded.add_run("explicitly not bold").bold = False

    blocks = read_docx(_save(document, tmp_path))

    assert [b.bold for b in blocks] == [True, True, True, False, False]


def test_hyperlink_tab_and_characters_kept(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Site web\tde la politique :\u00a0")
    rel = document.part.relate_to(
        "https://example.org/mesure",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}">'
            "<w:r><w:t>https://example.org/mesure</w:t></w:r></w:hyperlink>"
        )
    )
    document.add_paragraph("Quels sont les résultats atteints jusqu’à présent ?")

    blocks = read_docx(_save(document, tmp_path))

    # The tab is kept: normalisation reads tabs between words as typed columns.
    assert [b.text for b in blocks] == [
        "Site web\tde la politique :\u00a0https://example.org/mesure",
        "Quels sont les résultats atteints jusqu’à présent ?",
    ]


def test_content_controls_read_in_place_and_placeholders_skipped(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Who")
    _append_xml(
        document,
        f"<w:sdt {W}><w:sdtPr><w:alias w:val='Agency'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Ministry of Culture</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
    )
    _append_xml(
        document,
        f"<w:p {W}><w:r><w:t xml:space='preserve'>When: </w:t></w:r>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>2021</w:t></w:r></w:sdtContent></w:sdt></w:p>",
    )
    _append_xml(
        document,
        f"<w:sdt {W}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
    )
    document.add_paragraph("Where")

    blocks = read_docx(_save(document, tmp_path))

    assert [b.text for b in blocks] == ["Who", "Ministry of Culture", "When: 2021", "Where"]


def test_table_rows_in_repeating_section_and_nested_table(tmp_path: Path) -> None:
    document = docx.Document()
    _append_xml(
        document,
        f"<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:sdt><w:sdtContent><w:tr>"
        "<w:tc><w:p><w:r><w:t>Festival</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>NGO</w:t></w:r></w:p><w:p/>"
        "<w:p><w:r><w:t>Civil society</w:t></w:r></w:p></w:tc>"
        "</w:tr></w:sdtContent></w:sdt>"
        "<w:tr><w:tc><w:p><w:r><w:t>Outer</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:tc><w:tc><w:p/></w:tc></w:tr>"
        "</w:tbl>",
    )

    blocks = read_docx(_save(document, tmp_path))

    assert [b.cells for b in blocks] == [
        ("Festival", "NGO\nCivil society"),
        ("Outer\na | b", ""),
    ]


def test_deleted_revisions_and_hidden_text_ignored(tmp_path: Path) -> None:
    document = docx.Document()
    _append_xml(
        document,
        f"<w:p {W}><w:r><w:t xml:space='preserve'>Budget: </w:t></w:r>"
        "<w:del w:id='1' w:author='x'><w:r><w:delText>1000</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='x'><w:r><w:t>2000</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden note</w:t></w:r></w:p>",
    )

    (block,) = read_docx(_save(document, tmp_path))

    assert block.text == "Budget: 2000"


def _rezip(source: bytes, replace: dict[str, bytes | None]) -> bytes:
    """Copy a zip archive, replacing members (None drops a member)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            if name not in replace:
                new.writestr(name, old.read(name))
            elif replace[name] is not None:
                new.writestr(name, replace[name])
    return out.getvalue()


@pytest.fixture
def valid_docx(tmp_path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("hello &x; world")
    return _save(document, tmp_path)


def test_zip_without_document_xml_is_a_load_error(valid_docx: bytes) -> None:
    with pytest.raises(DocumentLoadError, match="missing"):
        read_docx(_rezip(valid_docx, {"word/document.xml": None}))


def test_random_bytes_as_document_xml_is_a_load_error(valid_docx: bytes) -> None:
    garbage = bytes(range(256)) * 3
    with pytest.raises(DocumentLoadError, match="damaged XML"):
        read_docx(_rezip(valid_docx, {"word/document.xml": garbage}))


def test_random_bytes_named_docx_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    with pytest.raises(DocumentLoadError, match="zip"):
        read_docx(path.read_bytes())


def test_truncated_docx_is_a_load_error(valid_docx: bytes) -> None:
    with pytest.raises(DocumentLoadError):
        read_docx(valid_docx[: len(valid_docx) // 2])


def _with_doctype(valid_docx: bytes, doctype: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(valid_docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    declaration, rest = xml.split("?>", 1)
    rest = rest.replace("hello &amp;x; world", "hello &x; world")
    return _rezip(valid_docx, {"word/document.xml": f"{declaration}?>{doctype}{rest}".encode()})


def test_internal_entity_is_not_expanded(valid_docx: bytes) -> None:
    data = _with_doctype(valid_docx, '<!DOCTYPE w:document [<!ENTITY x "EXPANDED">]>')

    blocks = read_docx(data)

    assert "EXPANDED" not in " ".join(b.text for b in blocks)
    assert blocks[0].text.startswith("hello")


def test_external_entity_is_not_fetched(valid_docx: bytes) -> None:
    data = _with_doctype(
        valid_docx, '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    )

    blocks = read_docx(data)

    assert [b.text for b in blocks] == ["hello  world"]


def test_entity_expansion_bomb_does_not_hang(valid_docx: bytes) -> None:
    entities = '<!ENTITY a0 "AAAAAAAAAAAAAAAA">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 16}">' for i in range(1, 9)
    )
    data = _with_doctype(valid_docx, f"<!DOCTYPE w:document [{entities}<!ENTITY x '&a8;'>]>")
    started = time.monotonic()

    try:
        text = " ".join(b.text for b in read_docx(data))
    except DocumentLoadError:
        text = ""

    assert "AAAA" not in text
    assert time.monotonic() - started < 5


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=6)
)
def test_damaged_bytes_give_blocks_or_load_error(
    valid_docx: bytes, edits: list[tuple[int, int]]
) -> None:
    damaged = bytearray(valid_docx)
    for position, value in edits:
        damaged[position % len(damaged)] = value
    try:
        blocks = read_docx(bytes(damaged))
    except (DocumentLoadError, TooLargeError):  # a damaged size field may declare 500 MiB
        return
    assert all(isinstance(block, Block) for block in blocks)
