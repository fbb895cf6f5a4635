"""Finding a batch's inputs: folders walked in order without leaving them, zip archives read
member by member, odd file names kept printable, each input once."""

from __future__ import annotations

import json
import logging
import os
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from flows.sources import InputFile, InputReadError, find_inputs, is_batch_folder


def write(path: Path, data: bytes | str = b"report") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def paths(inputs: list[InputFile]) -> list[str]:
    return [item.path for item in inputs]


def test_nested_folders_are_walked_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    write(root / "b.txt", "b")
    write(root / "a" / "z.docx", "az")
    write(root / "a" / "deep" / "er" / "x.pdf", "deep")
    write(root / "c.html", "c")
    inputs = find_inputs([root])
    real = root.resolve()
    assert paths(inputs) == [
        str(real / "a" / "deep" / "er" / "x.pdf"),
        str(real / "a" / "z.docx"),
        str(real / "b.txt"),
        str(real / "c.html"),
    ]
    assert [item.name for item in inputs] == ["x.pdf", "z.docx", "b.txt", "c.html"]
    assert [item.size for item in inputs] == [4, 2, 1, 1]
    assert [item.read() for item in inputs] == [b"deep", b"az", b"b", b"c"]


def test_a_relative_source_gives_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "inbox" / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert paths(find_inputs(["inbox"])) == [str(tmp_path.resolve() / "inbox" / "a.txt")]


def test_hidden_files_and_folders_are_skipped_logged_and_counted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / ".DS_Store")
    write(tmp_path / ".git" / "config")
    write(tmp_path / "sub" / ".hidden.txt")
    write(tmp_path / "sub" / ".cache" / "report.txt")
    kept = write(tmp_path / "sub" / "report.txt")
    with zipfile.ZipFile(tmp_path / "mail.zip", "w") as zipped:
        zipped.writestr("report.docx", b"member")
        zipped.writestr("__MACOSX/._report.docx", b"resource fork")
    skipped: Counter[str] = Counter()
    with caplog.at_level(logging.INFO, logger="flows.sources"):
        inputs = find_inputs([tmp_path], skipped=skipped)
    assert paths(inputs) == [
        f"{(tmp_path / 'mail.zip').resolve()}!/report.docx",
        str(kept.resolve()),
    ]
    # .DS_Store, .git (not what is inside it), .hidden.txt, .cache, and the zip's resource fork.
    assert skipped == {"hidden": 5}
    assert "skipped hidden file" in caplog.text and ".DS_Store" in caplog.text
    assert "skipped hidden folder" in caplog.text and ".git" in caplog.text
    assert "config" not in caplog.text
    assert find_inputs([tmp_path]) == inputs  # the counter is optional


def test_a_hidden_file_named_as_a_source_is_read(tmp_path: Path) -> None:
    hidden = write(tmp_path / ".report.txt")
    assert paths(find_inputs([hidden])) == [str(hidden.resolve())]


def test_links_out_of_the_folder_are_not_followed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    outside = tmp_path / "outside"
    secret = write(outside / "secret.txt", "secret")
    root = tmp_path / "inbox"
    inside = write(root / "report.txt")
    (root / "secret-link.txt").symlink_to(secret)
    (root / "outside-folder").symlink_to(outside, target_is_directory=True)
    (root / "relative-escape.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    with caplog.at_level(logging.WARNING, logger="flows.sources"):
        inputs = find_inputs([root])
    assert paths(inputs) == [str(inside.resolve())]
    assert all(b"secret" not in item.read() for item in inputs)
    assert "leads outside" in caplog.text


def test_links_inside_the_folder_are_followed_once(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    report = write(root / "real" / "report.txt")
    (root / "alias.txt").symlink_to(report)
    (root / "alias-folder").symlink_to(root / "real", target_is_directory=True)
    # A link and its target are the same input: listed once, by its real path.
    assert paths(find_inputs([root])) == [str(report.resolve())]


def test_a_dangling_link_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "never-there.txt")
    kept = write(tmp_path / "kept.txt")
    assert paths(find_inputs([tmp_path])) == [str(kept.resolve())]


def test_a_link_loop_ends(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    report = write(root / "a" / "report.txt")
    (root / "a" / "back-to-root").symlink_to(root, target_is_directory=True)
    (root / "a" / "self").symlink_to(root / "a", target_is_directory=True)
    (root / "ping").symlink_to(root / "pong")
    (root / "pong").symlink_to(root / "ping")
    assert paths(find_inputs([root])) == [str(report.resolve())]


def test_a_linked_source_folder_is_walked(tmp_path: Path) -> None:
    report = write(tmp_path / "real" / "report.txt")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert paths(find_inputs([tmp_path / "link"])) == [str(report.resolve())]


def test_zip_members_are_listed_and_read(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("reports/", b"")
        zipped.writestr("reports/b.txt", b"member b")
        zipped.writestr("a.docx", b"member a")
        zipped.writestr("__MACOSX/reports/._b.txt", b"resource fork")
        zipped.writestr("reports/.hidden", b"hidden")
    inputs = find_inputs([archive])
    real = archive.resolve()
    assert paths(inputs) == [f"{real}!/a.docx", f"{real}!/reports/b.txt"]
    assert [item.name for item in inputs] == ["a.docx", "b.txt"]
    assert [item.size for item in inputs] == [8, 8]
    assert [item.read() for item in inputs] == [b"member a", b"member b"]


def test_zip_member_names_that_escape_are_shown_safely_and_still_read(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../../escape.txt", b"dot dot")
        zipped.writestr("/abs/olute.txt", b"absolute")
        zipped.writestr("C:\\windows\\drive.txt", b"drive")
    inputs = find_inputs([archive])
    real = archive.resolve()
    assert paths(inputs) == [
        f"{real}!/abs/olute.txt",
        f"{real}!/escape.txt",
        f"{real}!/windows/drive.txt",
    ]
    assert [item.read() for item in inputs] == [b"absolute", b"dot dot", b"drive"]
    # Nothing was written or read beside the archive.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["evil.zip"]


def test_zip_members_of_the_same_name_are_all_listed(tmp_path: Path) -> None:
    archive = tmp_path / "twice.zip"
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(archive, "w") as zipped,
    ):
        zipped.writestr("report.txt", b"first")
        zipped.writestr("report.txt", b"second")
    inputs = find_inputs([archive])
    assert len({item.path for item in inputs}) == 2
    assert sorted(item.read() for item in inputs) == [b"first", b"second"]


def test_a_zip_inside_a_folder_is_opened(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "inbox.ZIP", "w") as zipped:
        zipped.writestr("inner.txt", b"inner")
    write(tmp_path / "loose.txt", "loose")
    inputs = find_inputs([tmp_path])
    assert [item.name for item in inputs] == ["inner.txt", "loose.txt"]
    assert [item.read() for item in inputs] == [b"inner", b"loose"]


def test_a_docx_is_an_input_not_an_archive(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "report.docx", "w") as zipped:
        zipped.writestr("word/document.xml", b"<w:document/>")
    inputs = find_inputs([tmp_path])
    assert [item.name for item in inputs] == ["report.docx"]


def test_a_zip_that_is_not_an_archive_is_listed_as_a_file(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.zip", "not a zip at all")
    inputs = find_inputs([tmp_path])
    assert paths(inputs) == [str(broken.resolve())]
    assert inputs[0].read() == b"not a zip at all"


def test_each_path_is_listed_once(tmp_path: Path) -> None:
    report = write(tmp_path / "inbox" / "report.txt")
    same = tmp_path / "inbox" / "." / "report.txt"
    inputs = find_inputs([tmp_path / "inbox", report, same, tmp_path, tmp_path / "inbox"])
    assert paths(inputs) == [str(report.resolve())]


def test_equal_content_under_two_names_is_two_inputs(tmp_path: Path) -> None:
    # Deduplication by content is the flow's business (one record, every path in the manifest).
    write(tmp_path / "a.txt", "same")
    write(tmp_path / "b.txt", "same")
    assert [item.name for item in find_inputs([tmp_path])] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    "name",
    ["line\nbreak.txt", "Résumé – Côte d’Ivoire 报告.txt", "-rf.txt", "--help", "a b  c.txt"],
)
def test_odd_file_names_are_kept(tmp_path: Path, name: str) -> None:
    report = write(tmp_path / name, "odd")
    inputs = find_inputs([tmp_path])
    assert paths(inputs) == [str(report.resolve())]
    assert inputs[0].name == name
    assert inputs[0].read() == b"odd"
    assert find_inputs([report]) == inputs


def test_a_name_that_is_not_utf8_is_shown_printably_and_read(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as file:
        file.write(b"latin-1 name")
    inputs = find_inputs([tmp_path])
    assert [item.name for item in inputs] == ["caf\\xe9.txt"]
    inputs[0].path.encode("utf-8")  # printable: no lone surrogate
    assert inputs[0].read() == b"latin-1 name"


def test_a_fifo_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    kept = write(tmp_path / "kept.txt")
    assert paths(find_inputs([tmp_path])) == [str(kept.resolve())]


def test_a_missing_source_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        find_inputs([tmp_path / "typo"])


def test_an_empty_folder_has_no_inputs(tmp_path: Path) -> None:
    assert find_inputs([tmp_path]) == []


def test_a_file_gone_since_listing_is_a_read_error(tmp_path: Path) -> None:
    report = write(tmp_path / "report.txt")
    [item] = find_inputs([tmp_path])
    report.unlink()
    with pytest.raises(InputReadError, match="report.txt"):
        item.read()


def test_an_encrypted_member_is_a_read_error(tmp_path: Path) -> None:
    archive = tmp_path / "locked.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("locked.txt", b"secret")
    # zipfile cannot encrypt, so set the "encrypted" flag by hand in the local and central
    # headers (the flag word is 6 and 8 bytes after their signatures): reading then needs a
    # password.
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(signature) + offset] |= 0x1
    archive.write_bytes(bytes(data))
    [item] = find_inputs([archive])
    with pytest.raises(InputReadError, match="locked.txt"):
        item.read()


def test_an_archive_rewritten_since_listing_is_a_read_error(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("report.txt", b"first version")
    [item] = find_inputs([archive])
    assert item.read() == b"first version"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("report.txt", b"a longer second version")
    with pytest.raises(InputReadError, match="changed"):
        item.read()


# --- only documents are inputs (issue #14): a batch's own output is never read back ------------

RECORD = {"schema_version": "1.4", "status": "ok", "measures": [{"title": {"en": "x"}}]}


def manifest(inputs: int = 1) -> dict[str, object]:
    """A manifest as flows/store.py writes it: versions first, then every input."""
    return {
        "schema_version": "1.4",
        "extractor_version": "0.1.0+data.0000abcd",
        "inputs": [
            {"sha256": f"{index:064x}", "paths": [f"/inbox/report-{index}.txt"], "status": "ok"}
            for index in range(inputs)
        ],
    }


def write_batch(folder: Path, manifest_text: str | None = None) -> Path:
    """A batch folder as `qpr ingest --out` leaves it: manifest, records, datasets, quarantine."""
    text = json.dumps(manifest(), indent=2) if manifest_text is None else manifest_text
    write(folder / "manifest.json", text)
    write(folder / "records" / f"{'a' * 64}.json", json.dumps(RECORD, indent=2))
    write(folder / "records" / f"{'b' * 64}.json", json.dumps(RECORD, indent=2))
    write(folder / "dataset.jsonl", json.dumps(RECORD) + "\n" + json.dumps(RECORD) + "\n")
    write(folder / "dataset.csv", "measure_id,title\nx,y\n")
    write(folder / "quarantine" / f"{'c' * 64}.txt", "a quarantined input")
    return folder


def test_a_batch_folder_in_the_inbox_gives_none_of_its_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`qpr ingest inbox/ --out inbox/batch` run twice: the second run must not read the first
    run's records as reports (they came out `ok`, with invented measures)."""
    inbox = tmp_path / "inbox"
    report = write(inbox / "report.txt")
    other = write(inbox / "kenya" / "report.docx")
    write_batch(inbox / "batch")
    write_batch(inbox / "kenya" / "old-run")
    skipped: Counter[str] = Counter()
    with caplog.at_level(logging.INFO, logger="flows.sources"):
        inputs = find_inputs([inbox], skipped=skipped)
    assert paths(inputs) == [str(other.resolve()), str(report.resolve())]
    assert skipped == {"batch_folder": 2}
    logged = [record for record in caplog.records if "batch folder" in record.getMessage()]
    assert [record.levelno for record in logged] == [logging.INFO, logging.INFO]
    assert str((inbox / "batch").resolve()) in logged[0].getMessage()


def test_a_batch_folder_named_as_a_source_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    batch = write_batch(tmp_path / "batch")
    report = write(tmp_path / "inbox" / "report.txt")
    skipped: Counter[str] = Counter()
    with caplog.at_level(logging.WARNING, logger="flows.sources"):
        inputs = find_inputs([batch, tmp_path / "inbox"], skipped=skipped)
    assert paths(inputs) == [str(report.resolve())]
    assert skipped == {"batch_folder": 1}
    [warning] = caplog.records
    assert warning.levelno == logging.WARNING
    assert "qpr batch folder" in warning.getMessage() and "manifest.json" in warning.getMessage()


def test_the_store_s_own_manifest_marks_a_batch_folder(tmp_path: Path) -> None:
    from flows.store import BatchStore

    store = BatchStore(tmp_path / "batch")
    assert not is_batch_folder(store.root)  # no manifest yet: not recognised by its folders
    store.write_manifest({}, "0.1.0+data.0000abcd")
    assert is_batch_folder(store.root)


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '{"schema_version": "1.4", "inputs": []}',
        '{"schema_version": "1.4", "extractor_version": "0.1", "inputs": {}}',
        '{"schema_version": "1.4", "extractor_version": "0.1", "inputs": [',
        "not json",
        "",
        '{"schema_version": "1.4", "extractor_version": "0.1", "inputs": []}\x00\xff',
    ],
    ids=["list", "no-extractor", "inputs-not-a-list", "cut", "text", "empty", "trailing-bytes"],
)
def test_a_folder_with_another_manifest_is_walked(tmp_path: Path, text: str) -> None:
    write(tmp_path / "project" / "manifest.json", text.encode("latin-1"))
    report = write(tmp_path / "project" / "report.txt")
    assert not is_batch_folder(tmp_path / "project")
    assert paths(find_inputs([tmp_path])) == sorted(
        [str(report.resolve()), str((tmp_path / "project" / "manifest.json").resolve())]
    )


def test_is_batch_folder_never_raises(tmp_path: Path) -> None:
    assert not is_batch_folder(tmp_path / "missing")
    assert not is_batch_folder(write(tmp_path / "a-file.txt"))
    (tmp_path / "manifest-is-a-folder" / "manifest.json").mkdir(parents=True)
    assert not is_batch_folder(tmp_path / "manifest-is-a-folder")
    fifo = tmp_path / "fifo" / "manifest.json"
    fifo.parent.mkdir()
    os.mkfifo(fifo)  # opening it for reading must not wait for a writer
    assert not is_batch_folder(fifo.parent)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "manifest.json").symlink_to(write_batch(tmp_path / "real") / "manifest.json")
    assert not is_batch_folder(linked)  # a manifest is never followed as a link
    assert is_batch_folder(tmp_path / "real")


def test_a_large_manifest_is_recognised_from_its_ends(tmp_path: Path) -> None:
    """A batch of many inputs has a manifest of megabytes: only its start and end are read."""
    text = json.dumps(manifest(inputs=12_000), indent=2)
    assert len(text) > 2 * 2**20
    batch = write_batch(tmp_path / "batch", text)
    assert is_batch_folder(batch)
    assert find_inputs([tmp_path]) == []
    write(batch / "manifest.json", "[" + text[1:])
    assert not is_batch_folder(batch)


def test_the_output_folder_is_excluded_wherever_it_is_met(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = tmp_path / "inbox"
    report = write(inbox / "report.txt")
    # The output folder of a run that was killed before writing its manifest: not recognisable
    # as a batch, so only `exclude` keeps it out.
    write(inbox / "out" / "records" / f"{'a' * 64}.json", json.dumps(RECORD))
    write(inbox / "out" / "partial.txt", "written by the run")
    skipped: Counter[str] = Counter()
    with caplog.at_level(logging.INFO, logger="flows.sources"):
        inputs = find_inputs([inbox], exclude=[inbox / "out"], skipped=skipped)
    assert paths(inputs) == [str(report.resolve())]
    assert skipped == {"excluded": 1}
    assert "output folder" in caplog.text
    assert len(find_inputs([inbox])) == 3  # without `exclude` they are inputs


def test_a_source_inside_the_output_folder_is_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out"
    record = write(out / "records" / f"{'a' * 64}.json", json.dumps(RECORD))
    monkeypatch.chdir(tmp_path)
    skipped: Counter[str] = Counter()
    with caplog.at_level(logging.WARNING, logger="flows.sources"):
        # Relative and absolute spellings of the same folder are the same folder.
        inputs = find_inputs([out / "records", record, "out"], exclude=["out"], skipped=skipped)
    assert inputs == []
    assert skipped == {"excluded": 3}
    assert [entry.levelno for entry in caplog.records] == [logging.WARNING] * 3
