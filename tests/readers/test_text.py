"""The text reader tells the encoding from the bytes, never from the file name."""

from __future__ import annotations

import codecs

import pytest

from pipeline.blocks import BlockKind
from pipeline.normalize import normalize
from pipeline.readers.text import decode_text, read_text

SAMPLE = (
    "Décrivez les principales caractéristiques de la politique/mesure:\u00a0\nL’accès à la culture"
)


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with BOM
        SAMPLE.encode("utf-16-le"),  # without BOM
        SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252"],
)
def test_encodings_are_detected(data: bytes) -> None:
    assert decode_text(data) == SAMPLE


def test_latin1_fallback_never_fails() -> None:
    assert decode_text(bytes([0x81, 0x41])) == "\x81A"


def test_lines_become_paragraphs_and_tabbed_columns_become_cells() -> None:
    blocks = read_text(b"Title\r\n\r\nName of partner\tType of entity\nAgency\n")
    assert [block.text for block in blocks] == [
        "Title",
        "Name of partner\tType of entity",
        "Agency",
    ]
    assert {block.kind for block in blocks} == {BlockKind.PARAGRAPH}
    line = normalize(blocks).lines[1]
    assert line.text == "Name of partner Type of entity"
    assert line.cells is not None
    assert [cell.text for cell in line.cells] == ["Name of partner", "Type of entity"]
