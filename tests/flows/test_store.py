"""The batch output folder: whole files only (even after kill -9), records by content hash,
quarantine with reasons, a deterministic manifest that keeps earlier runs' inputs, and a
dataset rebuilt from records/ with the same bytes every time."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import flows.atomic_files
import flows.store
from flows.store import BatchStore
from pipeline import extract_bytes, record_json
from pipeline.dataset import columns

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
VERSION_NOW = "0.1.0+now"
CONTACT_COLUMNS = {"contact_email", "contact_phone", "contact_address"}


@dataclass(frozen=True)
class Input:
    sha256: str
    name: str
    data: bytes
    record_json: str  # as the flow writes it: pipeline.record_json + "\n"
    status: str
    measures: int
    issues: int


def make_input(data: bytes, name: str) -> Input:
    record = extract_bytes(data, name)
    return Input(
        sha256=hashlib.sha256(data).hexdigest(),
        name=name,
        data=data,
        record_json=record_json(record) + "\n",
        status=record.status.value,
        measures=len(record.measures),
        issues=len(record.issues),
    )


@pytest.fixture(scope="module")
def inputs() -> dict[str, Input]:
    """Three reports (one whole report with contact details), a variant of one and a failure."""
    seed = (SAMPLES / "kenya-youth-arts-mobility-fund.txt").read_bytes()
    made = {
        "kenya": make_input(seed, "kenya-youth-arts-mobility-fund.txt"),
        "chile": make_input(
            (SAMPLES / "chile-regional-youth-orchestras.txt").read_bytes(),
            "chile-regional-youth-orchestras.txt",
        ),
        "whole": make_input(
            (SAMPLES / "reports" / "kenya-2020-en.docx").read_bytes(), "kenya-2020-en.docx"
        ),
        # The tests' own text: the same report with a trailing note is another input.
        "variant": make_input(seed + b"\n\nNote added by the archivist.\n", "variant.txt"),
        "broken": make_input(b"\x00\x01\x02 not a report", "scan.BIN"),
    }
    assert made["broken"].status == "failed"
    assert made["whole"].measures > 1
    return made


def fill(store: BatchStore, items: list[Input]) -> dict[str, list[str]]:
    """What the ingest flow does per input; the manifest's inputs map."""
    scanned: dict[str, list[str]] = {}
    for item in items:
        scanned.setdefault(item.sha256, []).append(f"/inbox/{item.name}")
        if store.has_record(item.sha256, VERSION_NOW):
            continue
        store.write_record(item.sha256, item.record_json)
        if item.status == "failed":
            store.quarantine(
                item.sha256, item.data, Path(item.name).suffix, [f"/inbox/{item.name}"], "x", "y"
            )
    return scanned


def outputs(root: Path) -> dict[str, bytes]:
    """Every file of an output folder but runs/, by relative path."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.parent.name != "runs"
    }


# Atomic writes


def test_the_store_creates_its_folders(tmp_path: Path) -> None:
    BatchStore(tmp_path / "out" / "batch")
    assert sorted(path.name for path in (tmp_path / "out" / "batch").iterdir()) == [
        "quarantine",
        "records",
        "review",  # texts/ comes with the first text kept
        "runs",
    ]


def test_a_leftover_temporary_file_is_never_a_record_and_is_cleaned(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    item = inputs["kenya"]
    # What a write killed half-way leaves: a hidden .tmp beside the target, cut short.
    leftover = store.records / f".{item.sha256}.json.4242.abcd1234.tmp"
    leftover.write_text(item.record_json[:100], encoding="utf-8")
    assert not store.has_record(item.sha256, VERSION_NOW)
    assert store.record_files() == []
    assert store.rebuild_dataset() == 0
    BatchStore(tmp_path)  # the next run
    assert not leftover.exists()


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, inputs: dict[str, Input], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BatchStore(tmp_path)
    item = inputs["kenya"]
    store.write_record(item.sha256, item.record_json)

    def failing_replace(source: object, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(flows.atomic_files.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        store.write_record(item.sha256, inputs["chile"].record_json)
    assert store.record_path(item.sha256).read_text(encoding="utf-8") == item.record_json
    assert sorted(path.name for path in store.records.iterdir()) == [f"{item.sha256}.json"]


KILLED_WRITER = """
import sys
from pathlib import Path
from flows.store import BatchStore

store = BatchStore(Path(sys.argv[1]))
big = "x" * 4_000_000  # large enough that a kill often lands inside a write
for index in range(10**6):
    sha256 = f"{index:064x}"
    store.write_record(sha256, '{"status": "ok", "padding": "' + big + '"}')
    store.write_run("run", {"written": index, "padding": big})
"""


def test_a_run_killed_with_sigkill_leaves_only_whole_files(tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KILLED_WRITER), str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 60
    while len(list((tmp_path / "records").glob("*.json"))) < 3:
        assert writer.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    for path in (tmp_path / "records").glob("*.json"):
        assert json.loads(path.read_bytes())["status"] == "ok"
    assert json.loads((tmp_path / "runs" / "run.json").read_bytes())["written"] >= 1
    store = BatchStore(tmp_path)
    assert not [path for path in tmp_path.rglob("*") if path.name.endswith(".tmp")]
    assert len(store.record_files()) >= 3


# Records


def test_a_record_is_written_as_given_with_one_final_newline(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    item = inputs["chile"]
    store.write_record(item.sha256, item.record_json.rstrip("\n"))
    assert store.record_path(item.sha256).read_text(encoding="utf-8") == item.record_json
    store.write_record(item.sha256, item.record_json)
    assert store.record_path(item.sha256).read_text(encoding="utf-8") == item.record_json


def test_has_record_asks_for_the_same_extractor_version(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    item = inputs["kenya"]
    assert not store.has_record(item.sha256, VERSION_NOW)
    record = json.loads(item.record_json)
    record["extractor"]["version"] = VERSION_NOW
    store.write_record(item.sha256, json.dumps(record))
    assert store.has_record(item.sha256, VERSION_NOW)
    assert not store.has_record(item.sha256, "0.2.0+later")
    # A record cut short by hand is not a record: the input is extracted again.
    store.record_path(item.sha256).write_text(item.record_json[:50], encoding="utf-8")
    assert not store.has_record(item.sha256, VERSION_NOW)


@pytest.mark.parametrize("sha256", ["../../etc/passwd", "A" * 64, "0" * 63, ""])
def test_only_a_sha256_names_a_record(tmp_path: Path, sha256: str) -> None:
    store = BatchStore(tmp_path)
    with pytest.raises(ValueError, match="sha256"):
        store.write_record(sha256, "{}")
    with pytest.raises(ValueError, match="sha256"):
        store.has_record(sha256, VERSION_NOW)


# Quarantine


def test_a_failed_input_is_quarantined_with_its_reason(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    item = inputs["broken"]
    store.write_record(item.sha256, item.record_json)
    store.quarantine(
        item.sha256,
        item.data,
        ".BIN",
        ["/inbox/b/scan.BIN", "/inbox/a/scan.BIN", "/inbox/b/scan.BIN"],
        "unsupported_format",
        "not a DOCX, PDF, HTML or text document",
    )
    assert (store.quarantine_folder / f"{item.sha256}.bin").read_bytes() == item.data
    reason = json.loads((store.quarantine_folder / f"{item.sha256}.reason.json").read_bytes())
    assert reason == {
        "sha256": item.sha256,
        "paths": ["/inbox/a/scan.BIN", "/inbox/b/scan.BIN"],
        "code": "unsupported_format",
        "message": "not a DOCX, PDF, HTML or text document",
    }


@pytest.mark.parametrize(
    ("suffix", "kept"),
    [(".pdf", ".pdf"), (".PDF", ".pdf"), ("", ""), ("/../x", ""), (". exe", ""), (".a b", "")],
)
def test_a_quarantine_suffix_is_sanitised(
    tmp_path: Path, inputs: dict[str, Input], suffix: str, kept: str
) -> None:
    store = BatchStore(tmp_path)
    item = inputs["broken"]
    store.quarantine(item.sha256, item.data, suffix, ["/x"], "corrupt", "")
    assert sorted(path.name for path in store.quarantine_folder.iterdir()) == [
        f"{item.sha256}{kept}",
        f"{item.sha256}.reason.json",
    ]


def test_a_record_that_no_longer_fails_leaves_quarantine(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    item = inputs["broken"]
    store.write_record(item.sha256, item.record_json)
    store.quarantine(item.sha256, item.data, ".bin", ["/x"], "corrupt", "")
    # A later extractor reads it after all (a reprocess).
    fixed = json.loads(item.record_json) | {"status": "ok"}
    store.write_record(item.sha256, json.dumps(fixed))
    assert list(store.quarantine_folder.iterdir()) == []


# Manifest


def test_the_manifest_lists_every_input_once_from_its_record(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    items = [inputs["kenya"], inputs["broken"], inputs["whole"]]
    scanned = fill(store, items)
    scanned[inputs["kenya"].sha256].append("/inbox/copy/kenya.txt")
    store.write_manifest(scanned, VERSION_NOW)
    manifest = json.loads((tmp_path / "manifest.json").read_bytes())
    assert manifest["extractor_version"] == VERSION_NOW
    assert manifest["schema_version"] == json.loads(items[0].record_json)["schema_version"]
    entries = manifest["inputs"]
    assert [entry["sha256"] for entry in entries] == sorted(item.sha256 for item in items)
    by_sha = {entry["sha256"]: entry for entry in entries}
    for item in items:
        assert by_sha[item.sha256] == {
            "sha256": item.sha256,
            "paths": sorted(scanned[item.sha256]),
            "format": json.loads(item.record_json)["source"]["format"],
            "status": item.status,
            "failure": json.loads(item.record_json)["issues"][0]["code"]
            if item.status == "failed"
            else None,
            "issues": item.issues,
            "measures": item.measures,
        }


def test_the_manifest_is_deterministic(tmp_path: Path, inputs: dict[str, Input]) -> None:
    items = list(inputs.values())
    first, second = BatchStore(tmp_path / "first"), BatchStore(tmp_path / "second")
    scanned = fill(first, items)
    fill(second, items[::-1])
    first.write_manifest(scanned, VERSION_NOW)
    # The same inputs, found in another order.
    shuffled = {sha256: paths[::-1] for sha256, paths in reversed(scanned.items())}
    second.write_manifest(shuffled, VERSION_NOW)
    text = (tmp_path / "first" / "manifest.json").read_bytes()
    assert text == (tmp_path / "second" / "manifest.json").read_bytes()
    first.write_manifest(scanned, VERSION_NOW)
    assert (tmp_path / "first" / "manifest.json").read_bytes() == text
    assert text.endswith(b"}\n")


def test_the_manifest_keeps_earlier_inputs_and_merges_paths(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    kenya, chile, whole = inputs["kenya"], inputs["chile"], inputs["whole"]
    store.write_manifest(fill(store, [kenya, chile]), VERSION_NOW)
    # The next delivery: Kenya's file again under a new name, and a new report.
    later = fill(store, [whole])
    later[kenya.sha256] = ["/inbox/2025/kenya.txt", "/inbox/2025/kenya.txt"]
    store.write_manifest(later, VERSION_NOW)
    entries = json.loads((tmp_path / "manifest.json").read_bytes())["inputs"]
    by_sha = {entry["sha256"]: entry for entry in entries}
    assert sorted(by_sha) == sorted([kenya.sha256, chile.sha256, whole.sha256])
    assert by_sha[kenya.sha256]["paths"] == [
        "/inbox/2025/kenya.txt",
        "/inbox/kenya-youth-arts-mobility-fund.txt",
    ]
    assert by_sha[chile.sha256]["paths"] == ["/inbox/chile-regional-youth-orchestras.txt"]
    assert by_sha[chile.sha256]["status"] == "ok"


def test_a_manifest_that_is_not_one_is_not_overwritten(tmp_path: Path) -> None:
    store = BatchStore(tmp_path)
    (tmp_path / "manifest.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match="not a qpr manifest"):
        store.write_manifest({}, VERSION_NOW)
    assert (tmp_path / "manifest.json").read_text(encoding="utf-8") == "[1, 2]"


# Dataset


def test_the_dataset_has_one_row_per_measure_in_three_formats(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    fill(store, list(inputs.values()))
    expected = sum(item.measures for item in inputs.values())
    assert store.rebuild_dataset() == expected
    names = [column.name for column in columns()]

    jsonl = (tmp_path / "dataset.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(jsonl) == expected
    rows = [json.loads(line) for line in jsonl]
    assert all(list(row) == names for row in rows)
    # Records in sha256 order, measures in their order within each.
    keys = [(row["source_sha256"], row["measure_index"]) for row in rows]
    assert keys == sorted(keys)

    with open(tmp_path / "dataset.csv", encoding="utf-8", newline="") as file:
        table = list(csv.reader(file))
    assert table[0] == names and len(table) == expected + 1
    assert b"\r\n" not in (tmp_path / "dataset.csv").read_bytes()

    parquet = pq.read_table(tmp_path / "dataset.parquet")
    assert parquet.num_rows == expected and parquet.column_names == names
    assert parquet.to_pylist() == rows


def test_csv_cells_for_null_and_booleans(tmp_path: Path, inputs: dict[str, Input]) -> None:
    store = BatchStore(tmp_path)
    fill(store, [inputs["kenya"]])
    store.rebuild_dataset()
    with open(tmp_path / "dataset.csv", encoding="utf-8", newline="") as file:
        [row] = list(csv.DictReader(file))
    [record] = (json.loads(line) for line in (tmp_path / "dataset.jsonl").open(encoding="utf-8"))
    for name, value in record.items():
        if value is None:
            assert row[name] == ""
        elif isinstance(value, bool):
            assert row[name] == ("true" if value else "false")
        elif isinstance(value, list):
            assert row[name] == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        else:
            assert row[name] == str(value)
    # An empty list is [], not the empty cell of a missing value.
    assert record["scope"] == [] and row["scope"] == "[]"


# Values a separator-joined cell would have cut or merged.
AWKWARD_NAMES = [
    "Union of Writers; Poets and Translators",
    'The "New Voices", Collective',
    'Two lines\nof a name, with ; and "',
    "",
]


def test_list_and_text_cells_with_separators_quotes_and_newlines_round_trip_through_csv(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    item = inputs["kenya"]
    record = json.loads(item.record_json)
    measure = record["measures"][0]
    partner = measure["partners"][0]
    measure["partners"] = [partner | {"name": name} for name in AWKWARD_NAMES]
    measure["partners"].append(partner | {"name": None})
    measure["title"] = 'Fund "A"; part one,\npart two'
    store = BatchStore(tmp_path)
    store.write_record(item.sha256, json.dumps(record))
    assert store.rebuild_dataset() == 1
    [expected] = (json.loads(line) for line in (tmp_path / "dataset.jsonl").open(encoding="utf-8"))
    assert expected["partner_names"] == [*AWKWARD_NAMES, None]
    assert len(expected["partner_names"]) == expected["partner_count"] == 5

    kinds = {column.name: column.kind for column in columns()}
    with open(tmp_path / "dataset.csv", encoding="utf-8", newline="") as file:
        [row] = list(csv.DictReader(file))
    read_back = {
        name: json.loads(cell) if kinds[name] == "list" else cell for name, cell in row.items()
    }
    assert read_back["partner_names"] == expected["partner_names"]
    assert read_back["title"] == expected["title"]
    for name, value in expected.items():
        if kinds[name] == "list" or isinstance(value, str):
            assert read_back[name] == value, name
    assert pq.read_table(tmp_path / "dataset.parquet").to_pylist() == [expected]


def test_list_columns_are_arrow_lists_in_parquet(tmp_path: Path, inputs: dict[str, Input]) -> None:
    store = BatchStore(tmp_path)
    fill(store, [inputs["whole"]])
    store.rebuild_dataset()
    schema = pq.read_schema(tmp_path / "dataset.parquet")
    listed = [column.name for column in columns() if column.kind == "list"]
    assert {"partner_names", "partner_types", "goals", "cultural_domains"} <= set(listed)
    for name in listed:
        assert schema.field(name).type == pa.list_(pa.string()), name
    table = pq.read_table(tmp_path / "dataset.parquet")
    names = table.column("partner_names").to_pylist()
    assert [len(value) for value in names] == table.column("partner_count").to_pylist()


def test_two_rebuilds_give_identical_bytes(tmp_path: Path, inputs: dict[str, Input]) -> None:
    store = BatchStore(tmp_path)
    fill(store, list(inputs.values()))
    store.rebuild_dataset()
    first = outputs(tmp_path)
    time.sleep(1.1)  # a timestamp in any file would now differ
    store.rebuild_dataset()
    assert outputs(tmp_path) == first


def test_parquet_is_written_in_row_groups(
    tmp_path: Path, inputs: dict[str, Input], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(flows.store, "_PARQUET_BATCH_ROWS", 3)
    store = BatchStore(tmp_path)
    fill(store, list(inputs.values()))
    rows = store.rebuild_dataset()
    metadata = pq.read_metadata(tmp_path / "dataset.parquet")
    assert metadata.num_rows == rows
    assert metadata.num_row_groups == -(-rows // 3)
    assert set(metadata.metadata) == {b"ARROW:schema"}  # nothing that changes run to run


def test_contact_details_only_when_asked(tmp_path: Path, inputs: dict[str, Input]) -> None:
    whole = inputs["whole"]
    plain = BatchStore(tmp_path / "plain")
    fill(plain, [whole])
    plain.rebuild_dataset()
    email = json.loads(whole.record_json)["report"]["contact"]["email"]
    assert email
    for name in ("dataset.jsonl", "dataset.csv", "dataset.parquet", "codebook.json", "codebook.md"):
        data = (tmp_path / "plain" / name).read_bytes()
        assert email.encode() not in data
        assert not any(column.encode() in data for column in CONTACT_COLUMNS)

    personal = BatchStore(tmp_path / "personal", include_contact=True)
    fill(personal, [whole])
    personal.rebuild_dataset()
    table = pq.read_table(tmp_path / "personal" / "dataset.parquet")
    assert CONTACT_COLUMNS <= set(table.column_names)
    assert set(table.column("contact_email").to_pylist()) == {email}


def test_an_empty_dataset_still_has_its_columns(tmp_path: Path) -> None:
    store = BatchStore(tmp_path)
    assert store.rebuild_dataset() == 0
    assert (tmp_path / "dataset.jsonl").read_bytes() == b""
    header = (tmp_path / "dataset.csv").read_text(encoding="utf-8")
    assert header == ",".join(column.name for column in columns()) + "\n"
    schema = pq.read_schema(tmp_path / "dataset.parquet")
    kinds = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
    kinds["boolean"] = pa.bool_()
    kinds["list"] = pa.list_(pa.string())
    assert [(field.name, field.type) for field in schema] == [
        (column.name, kinds[column.kind]) for column in columns()
    ]
    codebook = json.loads((tmp_path / "codebook.json").read_bytes())
    assert [column["name"] for column in codebook["columns"]] == schema.names
    assert (tmp_path / "codebook.md").read_text(encoding="utf-8").startswith("# ")


def test_a_record_that_does_not_validate_is_left_out(
    tmp_path: Path, inputs: dict[str, Input], caplog: pytest.LogCaptureFixture
) -> None:
    store = BatchStore(tmp_path)
    fill(store, [inputs["kenya"], inputs["chile"]])
    (store.records / f"{'f' * 64}.json").write_text('{"status": "ok"}\n', encoding="utf-8")
    (store.records / "notes.txt").write_text("not a record", encoding="utf-8")
    assert store.rebuild_dataset() == inputs["kenya"].measures + inputs["chile"].measures
    assert "f" * 64 in caplog.text
    assert store.invalid_records == ["f" * 64]


def test_a_record_edited_to_be_invalid_is_invalid_in_the_manifest(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    store = BatchStore(tmp_path)
    kenya, chile, broken = inputs["kenya"], inputs["chile"], inputs["broken"]
    scanned = fill(store, [kenya, chile, broken])
    store.write_manifest(scanned, VERSION_NOW)
    store.rebuild_dataset()
    assert store.invalid_records == []

    # A hand edit: still JSON with its measures, no longer a record.
    edited = json.loads(kenya.record_json) | {"status": "splendid"}
    store.record_path(kenya.sha256).write_text(json.dumps(edited), encoding="utf-8")
    # And one cut short, no longer JSON.
    store.record_path(broken.sha256).write_text(broken.record_json[:40], encoding="utf-8")
    store.write_manifest(scanned, VERSION_NOW)
    rows = store.rebuild_dataset()

    entries = json.loads((tmp_path / "manifest.json").read_bytes())["inputs"]
    by_sha = {entry["sha256"]: entry for entry in entries}
    assert by_sha[kenya.sha256] == {
        "sha256": kenya.sha256,
        "paths": scanned[kenya.sha256],
        "format": edited["source"]["format"],
        "status": "invalid",
        "failure": "invalid_record",
        "issues": kenya.issues,
        "measures": kenya.measures,
    }
    assert by_sha[broken.sha256] == {
        "sha256": broken.sha256,
        "paths": scanned[broken.sha256],
        "format": None,
        "status": "invalid",
        "failure": "invalid_record",
        "issues": None,
        "measures": None,
    }
    assert by_sha[chile.sha256]["status"] == "ok"
    assert store.invalid_records == sorted([kenya.sha256, broken.sha256])
    assert rows == chile.measures
    # A new store knows what it has read only: the next run's manifest finds them again.
    again = BatchStore(tmp_path)
    assert again.invalid_records == []
    again.write_manifest(scanned, VERSION_NOW)
    assert again.invalid_records == sorted([kenya.sha256, broken.sha256])

    # Extracted again (a new record written): valid, and ok in the manifest.
    again.write_record(kenya.sha256, kenya.record_json)
    again.write_manifest(scanned, VERSION_NOW)
    assert again.invalid_records == [broken.sha256]
    entries = json.loads((tmp_path / "manifest.json").read_bytes())["inputs"]
    assert {entry["sha256"]: entry["status"] for entry in entries}[kenya.sha256] == "ok"


def test_a_killed_and_restarted_run_ends_like_an_uninterrupted_one(
    tmp_path: Path, inputs: dict[str, Input]
) -> None:
    items = list(inputs.values())
    whole = BatchStore(tmp_path / "whole")
    whole.write_manifest(fill(whole, items), VERSION_NOW)
    whole.rebuild_dataset()

    interrupted = tmp_path / "interrupted"
    fill(BatchStore(interrupted), items[:2])  # then killed: no manifest, no dataset
    (interrupted / "records" / ".leftover.json.99999999.dead.tmp").write_text("{", encoding="utf-8")
    restarted = BatchStore(interrupted)
    restarted.write_manifest(fill(restarted, items), VERSION_NOW)
    restarted.rebuild_dataset()
    assert outputs(interrupted) == outputs(tmp_path / "whole")


# Runs


def test_a_run_summary_is_written(tmp_path: Path) -> None:
    store = BatchStore(tmp_path)
    path = store.write_run("20250101T120000Z", {"inputs": 3, "slowest": [["a.pdf", 1.5]]})
    assert path == tmp_path / "runs" / "20250101T120000Z.json"
    assert json.loads(path.read_bytes()) == {"inputs": 3, "slowest": [["a.pdf", 1.5]]}


@pytest.mark.parametrize("name", ["../../escape", "2025-01-01 12:00:00", "a/b", ".."])
def test_a_run_name_cannot_leave_runs(tmp_path: Path, name: str) -> None:
    store = BatchStore(tmp_path)
    path = store.write_run(name, {})
    assert path.parent == tmp_path / "runs" and path.exists()
    assert ":" not in path.name and "/" not in path.name
