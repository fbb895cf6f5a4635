"""Formats are sniffed from the bytes: a renamed file is still read for what it is."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

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
