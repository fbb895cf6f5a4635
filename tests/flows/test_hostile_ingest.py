"""An inbox of every hostile input of tests/hostile.py mixed with good samples, through the ingest
flow (issue #7): each good sample's record is the one it gets alone, each bad input is in the
manifest with its specific code, the run ends in bounded time, and nothing is written outside
the output folder."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import hostile
import pytest

from flows.ingest import run_ingest
from pipeline import extract_file, record_json
from pipeline.readers.ocr import ocr_available

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOOD = (
    "azerbaijan-civil-society-consultation.txt",
    "benin-fonds-creation-musicale.docx",
    "jamaica-music-heritage-digitisation.pdf",
    "mexico-radio-lenguas-indigenas.html",
    "canada-cinema-en-region-cp1252.txt",
)
# Inputs that are read: a record of their own that is not `failed`.
READ = None


def titled(title: str) -> bytes:
    return hostile.report_text(title=title).encode()


SMALL_BAD: dict[str, tuple[Callable[[], bytes], str | None]] = {
    "empty.txt": (hostile.zero_bytes, "empty_document"),
    "noise.pdf": (hostile.random_bytes, "unsupported_format"),
    "cut.pdf": (hostile.truncated_pdf, "corrupt"),
    "locked.pdf": (hostile.encrypted_pdf, "encrypted"),
    "owner-only.pdf": (hostile.owner_password_pdf, READ),
    "renamed-doc.docx": (hostile.renamed_doc, "unsupported_format"),
    "locked.docx": (hostile.encrypted_docx, "encrypted"),
    "laughs.docx": (hostile.billion_laughs_docx, "corrupt"),
    "no-body.docx": (hostile.docx_without_body, "corrupt"),
    "utf16.txt": (hostile.utf16_without_bom, READ),
    "cp1252.txt": (hostile.cp1252_text, READ),
    "mixed.txt": (hostile.mixed_encoding_text, READ),
    "german.txt": (lambda: hostile.foreign_report("de"), READ),
    "letter.txt": (hostile.letter, "not_a_report"),
    # Names a shell or a walker could trip on; the content is a good report.
    "-starts-with-a-dash.txt": (lambda: titled("A title after a dash"), READ),
    "line\nbreak.txt": (lambda: titled("A title after a line break"), READ),
    "réçu ünïcødé 報告.txt": (lambda: titled("Un título en un nombre unicode"), READ),
    "two..dots.txt": (lambda: titled("A title between two dots"), READ),
}

pytestmark = pytest.mark.usefixtures("prefect_api")


def snapshot(root: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """Every file under `root` but `skip`: its size and modification time."""
    found = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if Path(folder, name) != skip]
        for name in files:
            status = Path(folder, name).lstat()
            found[str(Path(folder, name))] = (status.st_size, status.st_mtime_ns)
    return found


def test_an_inbox_of_hostile_inputs_is_accounted_for_input_by_input(
    tmp_path: Path,
    long_pdf: Path,
    zip_bomb: Path,
    lying_docx: Path,
    page_with_blob: Path,
    large_text: Path,
    libreoffice_files: dict[str, Path],
) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    expected: dict[str, str | None] = {}
    for name in GOOD:
        shutil.copy(SAMPLES / name, inbox / name)
        expected[name] = READ
    for name, (make, code) in SMALL_BAD.items():
        (inbox / name).write_bytes(make())
        expected[name] = code
    scan = hostile.scanned_report_pdf() if ocr_available() else hostile.scanned_pdf(pages=1)
    (inbox / "scan.pdf").write_bytes(scan)
    expected["scan.pdf"] = READ if ocr_available() else "no_text_layer"
    large = {
        long_pdf: "too_large",
        zip_bomb: "too_large",
        lying_docx: "corrupt",
        page_with_blob: READ,
        large_text: "too_large",
        **{path: READ for path in libreoffice_files.values()},
    }
    for path, code in large.items():
        os.link(path, inbox / path.name)  # no copy of hundreds of MB; the same inode
        expected[path.name] = code
    # A loop, a link out of the inbox (to a file the run must neither read nor touch) and one
    # that leads nowhere.
    secret = tmp_path / "outside.txt"
    secret.write_bytes(hostile.report_text().encode())
    (inbox / "loop").symlink_to(inbox)
    (inbox / "secret.txt").symlink_to(secret)
    (inbox / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    before = snapshot(tmp_path, skip=out)

    started = time.monotonic()
    summary = run_ingest([inbox], out)
    seconds = time.monotonic() - started

    assert seconds < 600, f"the run took {seconds:.0f} s"
    assert snapshot(tmp_path, skip=out) == before  # nothing written, moved or touched
    entries = {
        Path(path).name: entry
        for entry in json.loads((out / "manifest.json").read_text("utf-8"))["inputs"]
        for path in entry["paths"]
    }
    assert sorted(entries) == sorted(expected)  # every input, and nothing from outside
    for name, code in expected.items():
        entry = entries[name]
        if code is READ:
            assert entry["status"] != "failed", (name, entry)
        else:
            assert (entry["status"], entry["failure"]) == ("failed", code), (name, entry)
            reason = out / "quarantine" / f"{entry['sha256']}.reason.json"
            assert code in reason.read_text("utf-8"), name
    for name in GOOD:
        alone = record_json(extract_file(inbox / name)) + "\n"
        sha256 = entries[name]["sha256"]
        assert (out / "records" / f"{sha256}.json").read_text("utf-8") == alone, name
    failures = sum(1 for code in expected.values() if code is not READ)
    assert summary["by_status"]["failed"] == failures
