"""Formats are sniffed from the bytes: a renamed file is still read for what it is."""

from __future__ import annotations

import codecs
import io
import json
import re
import zipfile
from html import escape
from pathlib import Path

import hostile
import pytest

from pipeline import extract_bytes, extract_file, record_json
from pipeline.errors import DocumentLoadError, EmptyDocumentError, UnsupportedFormatError
from pipeline.formats import Format, sniff_format

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = "azerbaijan-civil-society-consultation"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".html"])
def test_sample_formats_survive_a_wrong_extension(suffix: str) -> None:
    data = (SAMPLES / f"{SEED}{suffix}").read_bytes()
    assert sniff_format(data, "renamed.doc") == Format(suffix[1:])


def zip_with(*names: str, mimetype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype)
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (zip_with("photo.jpg"), "zip archive"),
        (bytes(range(256)) * 8, "binary"),
    ],
    ids=["zip", "binary"],
)
def test_unsupported_inputs_say_what_they_are(data: bytes, words: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=words):
        sniff_format(data, "report.docx")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, Format.DOC),
        (b"{\\rtf1\\ansi hello}", Format.RTF),
        (zip_with("content.xml", mimetype="application/vnd.oasis.opendocument.text"), Format.ODT),
    ],
    ids=["doc", "rtf", "odt"],
)
def test_legacy_word_processor_files_are_told_apart_for_conversion(
    data: bytes, expected: Format
) -> None:
    assert sniff_format(data, "report.docx") == expected


def test_a_word_package_without_its_body_is_damaged_not_unsupported() -> None:
    with pytest.raises(DocumentLoadError, match="no word/document.xml"):
        sniff_format(zip_with("[Content_Types].xml", "word/styles.xml"), "report.docx")


def test_empty_file() -> None:
    with pytest.raises(EmptyDocumentError):
        sniff_format(b"  \n", "empty.txt")


def test_html_saved_as_text_and_utf16_text() -> None:
    assert sniff_format(b"<!DOCTYPE html><html><body><p>x</p>", "page.txt") == Format.HTML
    assert sniff_format("Où\nQui".encode("utf-16-le"), "report.txt") == Format.TXT


# --- only documents are inputs (issue #14) -----------------------------------------------------
# Each of these came out of `qpr ingest` as an `ok` record with invented measures: the batch's own
# records read back as text reports, a .py file titled `"en": {`. Each holds a real report's text,
# so that only the refusal keeps it from being read as one.

REPORT = hostile.report_text()


def own_record() -> str:
    """A record as qpr writes it into records/, its text kept (`--include-text`)."""
    return record_json(extract_bytes(REPORT.encode(), "report.txt", include_text=True))


PYTHON_MODULE = f'''"""Test fixtures: one measure as the form prints it."""

from __future__ import annotations

import json
from pathlib import Path

LABELS = {{
    "title": {{
        "en": "Name of the policy/measure",
    }},
}}
REPORT = """
{REPORT}
"""


def report() -> str:
    return REPORT


class Fixture:
    def write(self, folder: Path) -> Path:
        path = folder / "report.txt"
        path.write_text(REPORT, encoding="utf-8")
        return path
'''
SHELL_SCRIPT = f"#!/usr/bin/env bash\nset -eu\ncat > report.txt <<'EOF'\n{REPORT}\nEOF\n"
XML_DATA = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported measures -->\n<measures>\n'
    f"<measure><text>{escape(REPORT)}</text></measure>\n</measures>\n"
)
CSV_TABLE = 'measure_id,text\nabc-0,"' + REPORT.replace('"', '""') + '"\n'
YAML_DATA = "measure:\n  text: |\n" + "".join(f"    {line}\n" for line in REPORT.splitlines())
REVIEW_PAGE = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="generator" content="qpr 0.1.0">\n<title>Batch review</title>\n</head>\n<body>\n'
    + "".join(f"<p>{escape(line)}</p>\n" for line in REPORT.splitlines())
    + "</body>\n</html>\n"
)


def refused_inputs() -> list[tuple[str, bytes, str]]:
    """(file name, bytes, what the failed record must call the file)."""
    record = own_record()
    dataset = json.dumps([json.loads(record)] * 2, ensure_ascii=False, indent=2)
    lines = "".join(json.dumps(json.loads(record), ensure_ascii=False) + "\n" for _ in range(3))
    return [
        ("records/abc.json", record.encode(), "JSON data (a qpr record or dataset?)"),
        ("abc.txt", record.encode(), "JSON data (a qpr record or dataset?)"),
        ("saved-by-notepad.txt", record.encode("utf-16"), "JSON data (a qpr record or dataset?)"),
        ("bom.txt", codecs.BOM_UTF8 + record.encode(), "JSON data (a qpr record or dataset?)"),
        ("all-records.txt", dataset.encode(), "JSON data (a qpr record or dataset?)"),
        ("dataset.jsonl", lines.encode(), "JSON Lines data (a qpr dataset?)"),
        ("export.txt", lines.encode(), "JSON Lines data (a qpr dataset?)"),
        ("fixtures.py", PYTHON_MODULE.encode(), "Python source code"),
        ("fixtures.txt", PYTHON_MODULE.encode(), "Python source code"),
        ("make-report", SHELL_SCRIPT.encode(), "a bash script (its first line starts with #!)"),
        ("make-report.txt", SHELL_SCRIPT.encode(), "a bash script"),
        ("measures.txt", XML_DATA.encode(), "XML data"),
        ("measures.xml", XML_DATA.encode(), "XML data"),
        ("dataset.csv", CSV_TABLE.encode(), "a CSV table"),
        ("settings.yaml", YAML_DATA.encode(), "YAML data"),
        ("review.html", REVIEW_PAGE.encode(), "a page written by qpr"),
        ("review.txt", REVIEW_PAGE.encode(), "a page written by qpr"),
    ]


def test_the_report_inside_each_container_would_be_read() -> None:
    """The control: the report text alone is a report, so what refuses the inputs below is
    what they are, not their text."""
    record = extract_bytes(REPORT.encode(), "report.txt")
    assert record.status.value != "failed"
    assert [measure.title for measure in record.measures] == [hostile.TITLE]


@pytest.mark.parametrize(
    ("name", "data", "what"), refused_inputs(), ids=[case[0] for case in refused_inputs()]
)
def test_data_and_code_are_refused_saying_what_they_are(name: str, data: bytes, what: str) -> None:
    record = extract_bytes(data, name)
    assert record.status.value == "failed"
    assert record.measures == []
    [issue] = record.issues
    assert (issue.code.value, issue.severity.value) == ("unsupported_format", "error")
    assert issue.message.startswith(f"this is {what}")
    assert issue.message.endswith(", not a report document")


def test_a_refused_file_on_disk_gets_the_same_record(tmp_path: Path) -> None:
    path = tmp_path / "abc.json"
    path.write_text(own_record(), encoding="utf-8")
    [issue] = extract_file(path).issues
    assert issue.message == "this is JSON data (a qpr record or dataset?), not a report document"


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("tool.pyc", "compiled Python code"),
        ("dataset.parquet", "a Parquet table (a qpr dataset?)"),
    ],
)
def test_binary_data_named_by_its_suffix(name: str, what: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=re.escape(f"this is {what}, not a report")):
        sniff_format(bytes(range(256)) * 8, name)


def every_sample_text() -> list[Path]:
    return sorted(SAMPLES.glob("**/*.txt"))


@pytest.mark.parametrize("sample", every_sample_text(), ids=lambda path: path.name)
def test_every_sample_text_is_still_text(sample: Path) -> None:
    assert sniff_format(sample.read_bytes(), sample.name) == Format.TXT


REPORT_ABOUT_CODE = """Quadrennial periodic report
Name of the policy/measure: Digital skills for creators
import duties
from abroad import taxes
class A:
Description of the policy/measure:
The programme trains musicians to code: def, class and import are words they learn,
{"like": "this"} and [these] too; the course ends with a project:
return to the studio;
Results achieved so far:
#1 in the region.
"""


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (REPORT_ABOUT_CODE.encode(), "report.txt", Format.TXT),
        (b"[Draft] Quadrennial periodic report\nName of Party: Kenya\n", "report.txt", Format.TXT),
        (b'{"unfinished": "a report?\n', "report.txt", Format.TXT),
        (b"#1 Quadrennial periodic report\nName of Party: Kenya\n", "report.txt", Format.TXT),
        (
            b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Report</p></body></html>',
            "report.xml",
            Format.HTML,
        ),
        (
            b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Report</p></body></html>',
            "report.xml",
            Format.HTML,
        ),
        (
            b'<!DOCTYPE html><html><head><meta name="generator" content="WordPress 6.4">'
            b"</head><body><p>Report</p></body></html>",
            "measure.html",
            Format.HTML,
        ),
    ],
    ids=[
        "prose-about-code",
        "bracket-title",
        "brace-not-json",
        "hash-title",
        "xhtml-with-prolog",
        "xhtml-named-xml",
        "other-generator",
    ],
)
def test_reports_that_look_a_little_like_code_are_still_read(
    data: bytes, name: str, expected: Format
) -> None:
    assert sniff_format(data, name) == expected


@pytest.mark.parametrize("name", ["report.json", "report.py", "report.csv"])
def test_a_document_with_a_code_suffix_is_still_read_for_what_its_bytes_are(name: str) -> None:
    assert sniff_format((SAMPLES / f"{SEED}.pdf").read_bytes(), name) == Format.PDF
    assert sniff_format((SAMPLES / f"{SEED}.docx").read_bytes(), name) == Format.DOCX
