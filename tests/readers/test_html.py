"""read_html: decoding, boilerplate removal, block order, bold labels, tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.blocks import Block, BlockKind, table_row
from pipeline.errors import DocumentLoadError
from pipeline.readers.html import read_html

DESCRIPTION_LABEL = "Describe the main features of the policy/measure:"

PLATFORM_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Who: page title</title>
<style>.x::before {{ content: "Where:"; }}</style>
<script>var label = "Website of the policy/measure, if available:";</script></head>
<body class="path-node page-node-type-measure">
<a href="#main" class="visually-hidden focusable skip-link">Skip to main content</a>
<header class="site-header"><p>When: site header</p></header>
<nav><ul><li>Financial resources allocated to the policy/measure in USD:</li></ul></nav>
<div id="eu-cookie-compliance" class="eu-cookie-banner"><p>Who: we use cookies</p></div>
<div class="region-breadcrumb"><a>Home</a> / <a>Policy monitoring</a></div>
<main id="main-content">
  <h2>Support to the
      film   industry</h2>
  <p><strong>{DESCRIPTION_LABEL}</strong></p>
  <p>The fund supports <a href="/x">first films</a>.<br>Main aims: diversity.</p>
  <table>
    <thead><tr><th>Name of partner</th><th>Type of entity</th></tr></thead>
    <tbody>
      <tr><td>Arts Council</td><td>Public sector</td></tr>
      <tr><td>Local NGO</td><td> </td></tr>
      <tr><td></td><td></td></tr>
    </tbody>
  </table>
  <dl><dt>When</dt><dd>2021</dd><dt>Où</dt><dd>Côte d’Ivoire</dd></dl>
  <div class="share-buttons"><a>Share on social media</a></div>
</main>
<aside><p>Goal(s) of UNESCO's 2005 Convention</p></aside>
<footer role="contentinfo"><p>Partner(s) engaged: © UNESCO</p></footer>
<noscript>If yes, what are the main conclusions?:</noscript>
</body></html>"""


def test_platform_page_main_content_in_order() -> None:
    blocks = read_html(PLATFORM_PAGE.encode("utf-8"))

    assert blocks == [
        Block("Support to the film industry", BlockKind.HEADING, level=2),
        Block(DESCRIPTION_LABEL, bold=True),
        Block("The fund supports first films.\nMain aims: diversity."),
        table_row(["Name of partner", "Type of entity"]),
        table_row(["Arts Council", "Public sector"]),
        table_row(["Local NGO", ""]),
        Block("When"),
        Block("2021"),
        Block("Où"),
        Block("Côte d’Ivoire"),
    ]


def test_boilerplate_text_never_appears() -> None:
    text = " ".join(block.text for block in read_html(PLATFORM_PAGE.encode("utf-8")))

    for furniture in ("Who:", "Where:", "When:", "Website", "Financial", "cookies", "Home",
                      "Share", "Goal(s)", "Partner(s)", "conclusions", "Skip"):  # fmt: skip
        assert furniture not in text


def test_boilerplate_dropped_without_main() -> None:
    page = b"""<html><body>
    <div role="navigation">Menu item</div><div class="navbar">Nav</div>
    <div id="main-menu">Another menu</div><ul class="social-links"><li>Twitter</li></ul>
    <div class="field field--name-field-social-groups">Youth</div>
    <h1>Measure</h1><p>Kept</p>
    <form action="/search"><label>Search</label><input name="q"></form>
    <footer><p>Footer</p></footer></body></html>"""

    assert [b.text for b in read_html(page)] == ["Youth", "Measure", "Kept"]


def test_single_article_is_the_content_and_its_header_is_kept() -> None:
    page = b"""<html><body><div class="menu">Home</div>
    <article><header><h1>Title of the measure</h1></header><p>Body</p>
    <footer>Published 2022</footer></article></body></html>"""

    blocks = read_html(page)

    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, "Title of the measure"),
        (BlockKind.PARAGRAPH, "Body"),
        (BlockKind.PARAGRAPH, "Published 2022"),
    ]


def test_role_main_region_keeps_its_own_header() -> None:
    page = b"""<body><header><p>Site name</p></header>
    <div role="main"><header><h1>Measure title</h1></header><p>Body</p></div></body>"""

    assert [b.text for b in read_html(page)] == ["Measure title", "Body"]


def test_direct_text_between_child_blocks_is_kept() -> None:
    page = b"""<div>Ministry of Culture<p>Inside</p>Tail <em>text</em>
    <span>more</span><div>Nested</div>  </div>"""

    assert [b.text for b in read_html(page)] == [
        "Ministry of Culture",
        "Inside",
        "Tail text more",
        "Nested",
    ]


def test_labels_and_bold_detection() -> None:
    page = """<main>
    <label>Quand</label><span>2020</span>
    <p><b>Budget:</b>\u00a0</p>
    <p><strong>Target groups:</strong> young artists</p>
    <p><span style="font-weight: bold">Où</span></p>
    <h3>Heading <strong>part</strong></h3>
    </main>""".encode()

    blocks = read_html(page)

    assert [(b.text, b.bold) for b in blocks] == [
        ("Quand", False),
        ("2020", False),
        ("Budget:\u00a0", True),
        ("Target groups: young artists", False),
        ("Où", True),
        ("Heading part", False),
    ]
    assert blocks[-1].level == 3


def test_entities_and_characters_kept() -> None:
    page = b"<p>r&eacute;sultats&nbsp;: l&rsquo;&eacute;valuation &amp; co</p>"

    (block,) = read_html(page)

    assert block.text == "résultats\u00a0: l’évaluation & co"


def test_table_cells_join_nested_blocks_and_nested_tables_stay_in_cell() -> None:
    page = b"""<table><tr><th colspan="2">Partner(s)</th></tr>
    <tr><td><p>Festival</p><p>d'Avignon</p></td><td>NGO<br>Civil society</td></tr>
    </table><p>After</p>"""

    blocks = read_html(page)

    assert blocks == [
        table_row(["Partner(s)"]),
        table_row(["Festival\nd'Avignon", "NGO\nCivil society"]),
        Block("After"),
    ]


def test_layout_table_is_read_as_flow() -> None:
    page = b"""<table role="presentation"><tr><td><h1>Report</h1><p>Intro</p>
    <table><tr><td>Name</td><td>Type</td></tr></table></td></tr></table>"""

    blocks = read_html(page)

    assert blocks == [
        Block("Report", BlockKind.HEADING, level=1),
        Block("Intro"),
        table_row(["Name", "Type"]),
    ]


def test_utf16_with_bom() -> None:
    page = "<html><body><main><h2>Résultats</h2><p>jusqu’à présent</p></main></body></html>"

    for encoding in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
        blocks = read_html(bom + page.encode(encoding))
        assert [b.text for b in blocks] == ["Résultats", "jusqu’à présent"]


def test_utf8_with_bom_overrides_a_wrong_meta_charset() -> None:
    page = '<meta charset="windows-1252"><p>Côte d’Ivoire</p>'.encode()

    assert [b.text for b in read_html(b"\xef\xbb\xbf" + page)] == ["Côte d’Ivoire"]


def test_cp1252_with_meta_charset() -> None:
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
    </head><body><p>Résumé de l’évaluation</p></body></html>""".encode("cp1252")

    assert [b.text for b in read_html(page)] == ["Résumé de l’évaluation"]


def test_iso_8859_1_label_means_windows_1252() -> None:
    page = '<meta charset="ISO-8859-1"><p>l’été</p>'.encode("cp1252")

    assert [b.text for b in read_html(page)] == ["l’été"]


def test_undeclared_cp1252_falls_back_after_utf8() -> None:
    assert [b.text for b in read_html("<p>Entité – ’</p>".encode("cp1252"))] == ["Entité – ’"]


def test_undeclared_utf8() -> None:
    assert [b.text for b in read_html("<p>Entité – ’</p>".encode())] == ["Entité – ’"]


def test_empty_main_falls_back_to_body() -> None:
    page = b"<body><main></main><div><p>Content outside main</p></div></body>"

    assert [b.text for b in read_html(page)] == ["Content outside main"]


def test_entity_declarations_are_not_expanded() -> None:
    page = b'<!DOCTYPE html [<!ENTITY x "EXPANDED">]><html><body><p>a &x; b</p></body></html>'

    text = " ".join(b.text for b in read_html(page))

    assert "EXPANDED" not in text


def test_empty_page_gives_no_blocks() -> None:
    assert read_html(b"<!-- nothing -->") == []
    assert read_html(b"<html><body><script>x()</script></body></html>") == []


def test_deep_nesting_is_a_load_error_not_a_truncated_page() -> None:
    page = b"<p>before</p>" + b"<div>" * 300 + b"deep" + b"</div>" * 300 + b"<p>after</p>"

    with pytest.raises(DocumentLoadError, match="limit"):
        read_html(page)


def test_nesting_below_the_parser_limit_is_read() -> None:
    page = b"<table><tr><td>" * 60 + b"<b>" * 60 + b"x"

    assert [b.text for b in read_html(page)] == ["x"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_blocks_or_load_error(data: bytes) -> None:
    try:
        blocks = read_html(data)
    except DocumentLoadError:
        return
    assert all(isinstance(block, Block) and block.text.strip() for block in blocks)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "<tr>", "<td>",
                         "<strong>", "</strong>", "<main>", "<nav>", "text", " ", "é", "\u00a0",
                         "<pre>", "\n", "<h2>", "</h2>", "<li>", "&nbsp;", "<!--", "-->"]),
        max_size=40,
    )
)  # fmt: skip
def test_tag_soup_gives_clean_blocks(parts: list[str]) -> None:
    for block in read_html("".join(parts).encode()):
        # A table row's text is its cells joined by " | " (an empty first cell included): its
        # cells are what must be clean.
        for text in block.cells if block.cells is not None else (block.text,):
            assert text == text.strip(" \t\r\n")
        assert block.text
