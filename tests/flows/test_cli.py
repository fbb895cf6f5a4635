"""The `qpr` command as a user runs it: records on stdout, files by content hash, exit codes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from flows.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = SAMPLES / "azerbaijan-civil-society-consultation.txt"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_one_file_prints_one_record(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEED))
    record = json.loads(out)
    assert code == 0 and err == ""
    assert record["measures"][0]["agency"] == "Ministry of Culture of the Republic of Azerbaijan"
    assert "text" not in record


def test_extract_several_files_with_a_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    code, out, err = run(capsys, "extract", str(SEED), str(broken))
    records = json.loads(out)
    assert code == 1
    assert [record["status"] for record in records] == ["ok", "failed"]
    assert records[1]["issues"][0]["code"] == "corrupt"
    assert "broken.pdf: corrupt:" in err


def test_extract_out_writes_files_named_by_content_hash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    code, out, _ = run(capsys, "extract", "--out", str(out_dir), str(SEED))
    sha256 = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert code == 0
    assert [path.name for path in out_dir.iterdir()] == [f"{sha256}.json"]
    assert json.loads((out_dir / f"{sha256}.json").read_text(encoding="utf-8"))["status"] == "ok"
    assert f"{sha256}.json" in out


def test_include_text_adds_the_text_that_spans_index(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "extract", "--include-text", str(SEED))
    record = json.loads(out)
    span = record["measures"][0]["spans"]["title"]
    assert record["text"][span["start"] : span["end"]] == record["measures"][0]["title"]


def test_missing_file_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path / "nowhere.docx"))
    assert code == 2  # an input given that is not there: a usage error
    assert "nowhere.docx: cannot read the file" in err


def test_schema_and_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"].startswith("qpr ReportRecord")
    assert "measures" in schema["properties"]

    _, record_text, _ = run(capsys, "extract", str(SEED))
    good = tmp_path / "good.json"
    good.write_text(record_text, encoding="utf-8")
    bad_record = json.loads(record_text)
    bad_record["measures"][0]["budget"]["status"] = "plenty"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bad_record), encoding="utf-8")
    assert run(capsys, "validate", str(good))[0] == 0
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1 and "measures/0/budget/status" in err
