"""`qpr completeness BATCH_DIR` (flows/completeness_command.py) on a batch folder built by hand:
records/<sha256>.json as ingest writes them, without running ingest (Prefect) to get there."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from commands import no_traceback, qpr

from flows.cli import main
from flows.completeness_command import COLUMNS
from pipeline import extract_bytes, extract_file, record_json
from pipeline.completeness import STATES, letter_summary, missing_items
from schemas import ReportRecord

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
INPUTS = (
    "senegal-industries-culturelles-regions.txt",
    "uruguay-fondo-musica-independiente.txt",
    "reports/madagascar-2020-fr.docx",
)


@pytest.fixture(scope="module")
def records() -> list[ReportRecord]:
    return [extract_file(SAMPLES / name) for name in INPUTS]


def write_batch(root: Path, records: list[ReportRecord]) -> Path:
    (root / "records").mkdir(parents=True)
    failed = extract_bytes(b"\x00\x01\x02 not a document", "junk.bin")
    for record in [*records, failed]:
        (root / "records" / f"{record.source.sha256}.json").write_text(
            record_json(record), encoding="utf-8"
        )
    return root


def rows(root: Path) -> list[dict[str, str]]:
    with open(root / "completeness.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_command_writes_the_csv_and_one_summary_per_record(
    tmp_path: Path, records: list[ReportRecord]
) -> None:
    batch = write_batch(tmp_path / "batch", records)
    code, out, err = qpr("completeness", str(batch))
    assert code == 0, err
    no_traceback(err)
    expected = {record.source.sha256: missing_items(record) for record in records}
    total = sum(len(items) for items in expected.values())
    assert out.splitlines() == [
        f"completeness: 3 records, {total} missing items -> {batch / 'completeness.csv'}, "
        f"{batch / 'completeness'}/ (1 failed skipped)"
    ]
    header = (batch / "completeness.csv").read_text(encoding="utf-8").splitlines()[0]
    assert tuple(header.split(",")) == COLUMNS
    table = rows(batch)
    assert len(table) == total
    # Records in file-name order, each record's items in missing_items' order.
    names = [row["filename"] for row in table]
    assert names == sorted(names)
    for record in records:
        mine = [row for row in table if row["sha256"] == record.source.sha256]
        assert [(row["field"], row["state"], row["label"], row["detail"]) for row in mine] == [
            (item.field, item.state, item.label, item.detail)
            for item in expected[record.source.sha256]
        ]
        summary = batch / "completeness" / f"{record.source.sha256}.txt"
        assert summary.read_text(encoding="utf-8") == letter_summary(
            record, expected[record.source.sha256]
        )
    assert {row["state"] for row in table} <= set(STATES)
    senegal = [row for row in table if row["filename"].startswith("senegal")]
    budget = next(row for row in senegal if row["field"] == "budget")
    assert (budget["state"], budget["measure_index"]) == ("not_available", "0")
    assert budget["label"].startswith("Ressources financières allouées")
    madagascar = [row for row in table if row["filename"].startswith("madagascar")]
    assert {row["measure_index"] for row in madagascar} >= {"0", "2"}
    # The failed record is neither a row nor a summary.
    assert len(list((batch / "completeness").iterdir())) == 3
    assert not (batch / ".qpr.lock").exists()


def test_a_second_run_gives_the_same_bytes_and_drops_stale_summaries(
    tmp_path: Path, records: list[ReportRecord], capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_batch(tmp_path / "batch", records)
    assert main(["completeness", str(batch)]) == 0
    first = (batch / "completeness.csv").read_bytes()
    summaries = {path.name: path.read_bytes() for path in (batch / "completeness").iterdir()}
    gone = records[0].source.sha256
    (batch / "records" / f"{gone}.json").unlink()
    assert main(["completeness", str(batch)]) == 0
    assert f"{gone}.txt" not in {path.name for path in (batch / "completeness").iterdir()}
    assert all(gone not in row["sha256"] for row in rows(batch))
    (batch / "records" / f"{gone}.json").write_text(record_json(records[0]), encoding="utf-8")
    assert main(["completeness", str(batch)]) == 0
    assert (batch / "completeness.csv").read_bytes() == first
    assert {p.name: p.read_bytes() for p in (batch / "completeness").iterdir()} == summaries
    capsys.readouterr()


def test_a_record_that_no_longer_validates_is_skipped_with_status_1(
    tmp_path: Path, records: list[ReportRecord], capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_batch(tmp_path / "batch", records[:1])
    (batch / "records" / f"{'0' * 64}.json").write_text('{"schema_version": "0"}', encoding="utf-8")
    assert main(["completeness", str(batch)]) == 1
    assert "(1 failed and 1 invalid skipped)" in capsys.readouterr().out
    assert {row["filename"] for row in rows(batch)} == {records[0].source.filename}


def test_a_folder_that_is_not_a_batch_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a batch", encoding="utf-8")
    code, out, err = qpr("completeness", str(tmp_path))
    assert code == 2
    no_traceback(err)
    assert err.strip().splitlines() == [f"qpr: {tmp_path} is not a batch folder (no records/)"]
    assert not (tmp_path / "completeness.csv").exists()
    code, out, err = qpr("completeness", str(tmp_path / "missing"))
    assert code == 2 and err.strip() == f"qpr: {tmp_path / 'missing'} does not exist"
