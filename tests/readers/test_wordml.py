"""The WordprocessingML helpers that stand in for python-docx's outside `pipeline/readers/docx.py`
(the only module the architecture allows to import python-docx) must name tags as it does."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn as docx_qn
from lxml import etree

from pipeline.readers.wordml.elements import child_val, element_path, qn, toggle

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize("tag", ["w:p", "w:tbl", "w:val", "w:sdtContent", "w:numPr", "w:b"])
def test_qn_names_tags_as_python_docx_does(tag: str) -> None:
    assert qn(tag) == docx_qn(tag)


def test_properties_read_through_an_element_path() -> None:
    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        '<w:r><w:rPr><w:b w:val="0"/><w:i/></w:rPr></w:r></w:p>'
    )
    assert child_val(paragraph, "w:pPr", "w:pStyle") == "Heading1"
    assert child_val(paragraph, "w:pPr", "w:numPr") is None
    run = paragraph.find(qn("w:r"))
    assert toggle(run.find(element_path("w:rPr", "w:b"))) is False
    assert toggle(run.find(element_path("w:rPr", "w:i"))) is True  # present without w:val: on
    assert toggle(run.find(element_path("w:rPr", "w:u"))) is None
