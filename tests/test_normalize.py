"""Normalisation: values keep the source's characters, matching keys fold the quirks away."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.blocks import Block, table_row
from pipeline.normalize import clean_text, match_key, normalize


def test_match_key_folds_form_quirks() -> None:
    assert match_key("Type d’entité") == match_key("Type d'entité") == match_key("TYPE D ENTITE")
    assert match_key("mise en œuvre ?:\u00a0") == "mise en oeuvre"
    assert match_key("poli\u00adtique") == match_key("politique")


def test_values_keep_apostrophes_accents_and_numbering() -> None:
    assert clean_text("3. L’accès\u00a0 à la culture\u00ad ") == "3. L’accès à la culture"


def test_mojibake_is_repaired_and_reported() -> None:
    document = normalize([Block("Ressources financiÃ¨res allouÃ©es Ã\u00a0 la politique:Â\u00a0")])
    assert document.text == "Ressources financières allouées à la politique:"
    assert document.repaired
    assert not normalize([Block("Déjà vu, naïve café")]).repaired


def test_lines_and_cells_index_the_document_text() -> None:
    document = normalize(
        [Block("Title\n\n  Agency  "), table_row(["Name", "Public Sector"]), Block("x")]
    )
    assert [line.text for line in document.lines] == [
        "Title",
        "Agency",
        "Name | Public Sector",
        "x",
    ]
    for line in document.lines:
        assert document.text[line.start : line.end] == line.text
    cells = document.lines[2].cells
    assert cells is not None
    assert [document.text[cell.start : cell.end] for cell in cells] == ["Name", "Public Sector"]


@given(st.lists(st.text(), max_size=8))
def test_any_text_gives_consistent_offsets(texts: list[str]) -> None:
    document = normalize([Block(text) for text in texts])
    for line in document.lines:
        assert line.text and "\n" not in line.text
        assert document.text[line.start : line.end] == line.text
