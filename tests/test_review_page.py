"""The review pages (issue #16): each value marked at its span and tied to its field's row, every
piece of document text escaped, nothing loaded from anywhere, the words in English and French,
the same bytes for the same record; and the index."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from flows.review_pages import render_page
from pipeline import extract_bytes, extract_file
from pipeline.completeness import MissingItem, missing_items
from pipeline.errors import UnsupportedFormatError
from pipeline.formats import sniff_format
from pipeline.review import index_entry, review_index, review_page
from pipeline.review.assets import LANGUAGES, ui_words
from pipeline.review.marks import Marked, page_starts, pieces
from schemas import ReportRecord

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = "azerbaijan-civil-society-consultation"
HOSTILE = "<script>alert(1)</script>"


@cache
def seed(suffix: str = "txt") -> ReportRecord:
    return extract_file(SAMPLES / f"{SEED}.{suffix}", include_text=True)


def seed_page(suffix: str = "txt") -> str:
    record = seed(suffix)
    return review_page(record, record.text)


class Page(HTMLParser):
    """The parts of a page the tests look at: every element's tag and attributes, the text of
    each mark, each script's content, the text outside tags."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.marks: list[tuple[dict[str, str], str]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag in ("mark", "script", "style"):
            self._open.append((tag, attributes, []))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            _, attributes, parts = self._open.pop()
            content = "".join(parts)
            if tag == "mark":
                self.marks.append((attributes, content))
            elif tag == "script":
                self.scripts.append((attributes, content))
            else:
                self.styles.append(content)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, _, parts in self._open:
            parts.append(data)

    def with_attribute(self, name: str, value: str | None = None) -> list[dict[str, str]]:
        return [
            attributes
            for _, attributes in self.elements
            if name in attributes and (value is None or attributes[name] == value)
        ]


def test_the_seed_budget_is_marked_at_its_span_and_tied_to_its_field() -> None:
    record = seed()
    key = f"{record.measures[0].measure_id}:budget"
    page = Page(seed_page())
    budget_marks = [text for attributes, text in page.marks if key in attributes["data-fields"]]
    assert budget_marks == ["65 000"]
    assert len(page.with_attribute("data-field", key)) == 1
    # Every mark names rows that exist.
    rows = {attributes["data-field"] for attributes in page.with_attribute("data-field")}
    assert {
        field for attributes, _ in page.marks for field in attributes["data-fields"].split()
    } <= rows


def test_nested_values_are_cut_into_runs_covered_by_the_same_values() -> None:
    outer = Marked(0, 10, "m:agency", "header_line")
    inner = Marked(4, 6, "m:country", "country")
    crossing = Marked(8, 14, "m:entities", "ent-org", entity=True)
    runs = pieces(16, [outer, inner, crossing], cuts=[12])
    assert [(run.start, run.end) for run in runs] == [
        (0, 4),
        (4, 6),
        (6, 8),
        (8, 10),
        (10, 12),
        (12, 14),
        (14, 16),
    ]
    assert [[value.field for value in run.values] for run in runs] == [
        ["m:agency"],
        ["m:country", "m:agency"],  # the most specific first
        ["m:agency"],
        ["m:entities", "m:agency"],
        ["m:entities"],
        ["m:entities"],
        [],
    ]
    assert pieces(5, [Marked(3, 99, "m:x", "k"), Marked(7, 9, "m:y", "k")])[-1].end == 5


def test_a_pdf_page_starts_at_the_line_of_its_first_value() -> None:
    record = seed("pdf")
    assert record.text is not None
    starts = page_starts(record, record.text)
    assert starts[1] == 0
    assert all(offset == 0 or record.text[offset - 1] == "\n" for offset in starts.values())
    assert 'id="page-1"' in seed_page("pdf")
    assert page_starts(seed(), seed().text or "") == {}  # a text file has no pages


def test_a_pdf_shows_where_each_of_its_pages_starts() -> None:
    """From the reader's own page of each line: every page with text gets its marker, at the
    start of its first line, in order, whatever values it holds."""
    record = extract_file(SAMPLES / "reports" / "kenya-2020-en.pdf", include_text=True)
    text, offsets = record.text or "", record.text_pages or []
    assert len(offsets) == record.source.pages and offsets[0] == 0
    assert offsets == sorted(offsets)
    assert all(offset == 0 or text[offset - 1] == "\n" for offset in offsets)
    page = review_page(record.model_copy(update={"text": None}), text)
    markers = [int(number) for number in re.findall(r'class="page-marker" id="page-(\d+)"', page)]
    assert markers == list(range(1, len(offsets) + 1))
    shown = page.split('id="qpr-data"')[0]  # the page before its data block
    assert ui_words()["words.pages_from_values"]["en"] not in shown
    assert extract_file(SAMPLES / f"{SEED}.txt", include_text=True).text_pages is None


def hostile_record() -> ReportRecord:
    """The seed with markup and script in its title, its description and its file name."""
    text = (SAMPLES / f"{SEED}.txt").read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    rest = rest.replace("capital Baku.", f"capital Baku. {HOSTILE} and </script> and &amp; <b>")
    text = f"{title} {HOSTILE}</script><!--\n{rest}"
    return extract_bytes(text.encode("utf-8"), f"{HOSTILE}.txt", include_text=True)


def test_document_text_is_shown_as_text_and_runs_nothing() -> None:
    record = hostile_record()
    assert record.text is not None and HOSTILE in record.text
    assert record.measures[0].title is not None and HOSTILE in record.measures[0].title
    page_text = review_page(record, record.text)
    page = Page(page_text)
    # Two scripts, the page's own: the data block and the code.
    assert [attributes.get("type", "") for attributes, _ in page.scripts] == [
        "application/json",
        "",
    ]
    assert "alert(1)" not in page.scripts[1][0] and "alert(1)" not in page.scripts[1][1]
    data = json.loads(page.scripts[0][1])
    assert HOSTILE + "</script><!--" in data["units"][record.measures[0].measure_id]
    assert "<script>alert" not in page_text and "</script><!--" not in page_text
    # Read as text, where the document has it.
    shown = "".join(page.text)
    assert shown.count(HOSTILE) >= 3  # in the title (text and panel) and the description
    assert "and </script> and &amp; <b>" in shown
    assert not page.with_attribute("onerror") and len(page.with_attribute("id", "qpr-data")) == 1


def content_security_policy(page: Page) -> str:
    (policy,) = page.with_attribute("http-equiv", "Content-Security-Policy")
    return policy["content"]


def sha256_source(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@pytest.mark.parametrize("which", ["record", "index"])
def test_the_page_loads_nothing_and_allows_only_its_own_style_and_script(which: str) -> None:
    record = seed()
    text = seed_page() if which == "record" else review_index([index_entry(record, [], "a.html")])
    page = Page(text)
    policy = content_security_policy(page)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    (style,) = page.styles
    code = [content for attributes, content in page.scripts if "type" not in attributes]
    assert directives["style-src"] == sha256_source(style)
    assert directives["script-src"] == sha256_source(code[0])
    # Nothing that loads: no src, no link or base element, no address outside the folder.
    assert not page.with_attribute("src")
    assert not [tag for tag, _ in page.elements if tag in ("link", "base", "img", "iframe")]
    assert all("//" not in attributes["href"] for attributes in page.with_attribute("href"))
    assert not re.search(r"https?://|url\(|@import", style + code[0])


POST_TO = "/v1/reports/0123abc/corrections"


def directives_of(page: Page) -> dict[str, str]:
    policy = content_security_policy(page)
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_a_page_without_post_to_can_send_nothing() -> None:
    record = seed()
    page_text = seed_page()
    assert review_page(record, record.text, post_to=None) == page_text
    assert render_page(record, record.text) == review_page(
        record, record.text, missing_items(record)
    )
    page = Page(page_text)
    assert "connect-src" not in directives_of(page)
    assert not page.with_attribute("id", "send")
    assert "post_to" not in json.loads(page.scripts[0][1])


def test_a_page_with_post_to_can_send_its_corrections_to_its_own_service_only() -> None:
    record = seed()
    page_text = review_page(record, record.text, post_to=POST_TO)
    served = render_page(record, record.text, post_to=POST_TO)
    assert served == review_page(record, record.text, missing_items(record), post_to=POST_TO)
    page = Page(page_text)
    directives = directives_of(page)
    assert directives["connect-src"] == "'self'"
    assert directives["default-src"] == "'none'" and directives["form-action"] == "'none'"
    (style,) = page.styles
    code = [content for attributes, content in page.scripts if "type" not in attributes]
    assert directives["style-src"] == sha256_source(style)
    assert directives["script-src"] == sha256_source(code[0])
    (button,) = page.with_attribute("id", "send")
    assert button["type"] == "button"
    assert "Send to the service" in page_text and "Envoyer au service" in page_text
    data = json.loads(page.scripts[0][1])
    assert data["post_to"] == POST_TO
    # Else the same page: the policy's directive, the button and the data's path are all.
    send = '<button type="button" id="send">'
    start = page_text.index(send)
    end = page_text.index("</button>", start) + len("</button>")
    same = (
        (page_text[:start] + page_text[end:])
        .replace("connect-src 'self'; ", "")
        .replace(f',"post_to":"{POST_TO}"', "")
    )
    assert same == seed_page()


@pytest.mark.parametrize(
    "post_to",
    [
        "https://elsewhere.example/v1/reports/x/corrections",
        "//elsewhere.example/v1/reports/x/corrections",
        "/\\elsewhere.example/v1",
        "/\t/elsewhere.example/v1",
        "javascript:alert(1)",
        "v1/reports/x/corrections",
        "",
        " /v1/reports/x/corrections",
        "/v1/reports/x/corrections\n",
        "/v1/reports/x corrections",
        "/v1/reports/x/corrections#there",
    ],
)
def test_a_post_to_that_is_no_path_of_the_service_is_refused(post_to: str) -> None:
    record = seed()
    with pytest.raises(ValueError, match="post_to"):
        review_page(record, record.text, post_to=post_to)
    with pytest.raises(ValueError, match="post_to"):
        render_page(record, record.text, post_to=post_to)


@pytest.mark.parametrize("post_to", [POST_TO, "/v1/reports/a%2Fb/corrections?lang=fr", "/"])
def test_a_path_of_the_service_is_taken_as_it_is(post_to: str) -> None:
    record = seed()
    page = Page(review_page(record, record.text, post_to=post_to))
    assert json.loads(page.scripts[0][1])["post_to"] == post_to


def test_qpr_never_reads_its_own_pages_as_input() -> None:
    record = seed()
    for text in (seed_page(), review_index([index_entry(record, [], "a.html")])):
        assert len(Page(text).with_attribute("name", "generator")) == 1
        with pytest.raises(UnsupportedFormatError, match="review page"):
            sniff_format(text.encode("utf-8"), "saved.html")


def test_the_words_are_in_english_and_french_with_a_switch() -> None:
    page_text = seed_page()
    for words in ("Document text", "Texte du document", "Implementing agency", "Partenaires"):
        assert words in page_text
    page = Page(page_text)
    for hook in (
        "lang-switch",
        "filter-issues",
        "filter-inferred",
        "filter-missing",
        "filter-entities",
    ):
        assert len(page.with_attribute("id", hook)) == 1
    assert all(
        set(words) == set(LANGUAGES) and all(words.values()) for words in ui_words().values()
    )


def test_the_same_record_gives_the_same_bytes() -> None:
    again = extract_file(SAMPLES / f"{SEED}.txt", include_text=True)
    assert review_page(again, again.text) == seed_page()


def test_a_page_without_its_text_still_lists_the_values() -> None:
    record = seed()
    page = Page(review_page(record, None))
    assert page.with_attribute("id", "no-text") and not page.marks
    assert "65 000" in "".join(page.text)


def test_missing_values_and_issues_are_on_their_rows() -> None:
    record = seed()
    measure = record.measures[0]
    missing = [
        MissingItem(measure.measure_id, measure.index, "year", "blank", "When"),
        MissingItem(None, None, "party", "blank", "Party"),
        MissingItem(measure.measure_id, None, "odd_field", "ambiguous", "Odd <label>", "two"),
    ]
    page = Page(review_page(record, record.text, missing))
    classes = {
        attributes["data-field"]: attributes["class"].split()
        for attributes in page.with_attribute("data-field")
    }
    assert "missing" in classes[f"{measure.measure_id}:year"]
    assert "missing" in classes["report:party"]
    assert "missing" in classes[f"{measure.measure_id}:odd_field"]
    assert "has-issues" in classes[f"{measure.measure_id}:budget"]  # currency_from_label
    assert "inferred" in classes[f"{measure.measure_id}:country"]  # country_inferred
    assert "Odd <label>: two" in "".join(page.text)


def test_the_index_lists_each_record_sortable_and_filterable() -> None:
    record = seed()
    hostile = hostile_record()
    entries = [
        index_entry(hostile, [], f"{hostile.source.sha256}.html"),
        index_entry(record, [MissingItem(None, None, "party", "blank", "Party")], "seed page.html"),
    ]
    text = review_index(entries)
    page = Page(text)
    assert len(page.with_attribute("id", "records")) == 1
    assert len(page.with_attribute("id", "index-filter")) == 1
    assert sum(tag == "th" for tag, _ in page.elements) == 8
    rows = [attributes["data-sha256"] for attributes in page.with_attribute("data-sha256")]
    assert rows == [hostile.source.sha256, record.source.sha256]  # by file name: "<" before "a"
    assert {attributes["href"] for attributes in page.with_attribute("href")} == {
        "seed%20page.html",
        f"{hostile.source.sha256}.html",
    }
    assert "<script>alert" not in text and HOSTILE in "".join(page.text)
    assert review_index(list(reversed(entries))) == text
