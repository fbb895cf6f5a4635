"""`qpr export BATCH_DIR --package DIR`: a Frictionless Data Package that the frictionless
validator accepts, holding every row of the batch's tables, contact details only on request,
the same bytes for the same batch, and refusals that leave everything as it was."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.cli import main
from flows.out_folder import batch_lock
from flows.store import BatchStore
from pipeline import extract_file, record_json
from pipeline.version import extractor_version

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
INPUTS = (
    SAMPLES / "reports" / "kenya-2020-en.docx",  # a whole report, with a contact's e-mail
    SAMPLES / "kenya-youth-arts-mobility-fund.txt",
    SAMPLES / "chile-regional-youth-orchestras.txt",
    SAMPLES / "peru-cine-regional.txt",
)
OPTIONS = ("--title", "Cultural policy measures (test)", "--license", "CC-BY-4.0")
AUTHORS = ("--author", "Ana Pérez", "--author", "Secretariat")
PERSONAL = ("contact_email", "contact_phone", "contact_address")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch made as `qpr ingest` makes one, without Prefect: four reports, an input that
    failed, and a record that no longer validates (left out of the dataset)."""
    root = tmp_path_factory.mktemp("export") / "batch"
    store = BatchStore(root)
    broken = root.parent / "scan.txt"
    broken.write_bytes(b"\x00\x01 not a report")
    scanned: dict[str, list[str]] = {}
    for path in (*INPUTS, broken):
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        store.write_record(sha256, record_json(extract_file(path)))
        scanned[sha256] = [str(path)]
    invalid = json.loads(record_json(extract_file(INPUTS[1])))
    invalid["status"] = "not a status"
    store.write_record("f" * 64, json.dumps(invalid))
    scanned["f" * 64] = ["/inbox/edited.txt"]
    store.write_manifest(scanned, extractor_version())
    store.rebuild_dataset()
    return root


def export(batch: Path, package: Path, *extra: str) -> int:
    return main(["export", str(batch), "--package", str(package), *OPTIONS, *AUTHORS, *extra])


def valid(package: Path) -> None:
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_package_validates_and_holds_every_row(batch: Path, tmp_path: Path) -> None:
    package = tmp_path / "package"
    assert export(batch, package) == 0
    valid(package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    tables = ["measures", "reports", "partners", "amounts", "codes", "entities", "issues"]
    tables.append("links")
    csvs = [resource for resource in descriptor["resources"] if resource["path"].endswith("csv")]
    assert [resource["name"] for resource in csvs] == tables
    # Every row, in each format: the dataset's lines and the batch's own tables.
    lines = (batch / "dataset.jsonl").read_text(encoding="utf-8").splitlines()
    measures = csv_rows(package / "data" / "measures.csv")
    assert len(measures) == len(lines) > 10
    for name in tables[1:]:
        source = batch / ("links.parquet" if name == "links" else f"tables/{name}.parquet")
        expected = pq.read_metadata(source).num_rows
        assert len(csv_rows(package / "data" / f"{name}.csv")) == expected, name
        assert pq.read_metadata(package / "data" / f"{name}.parquet").num_rows == expected
    reports = csv_rows(package / "data" / "reports.csv")
    assert len(reports) == 5 and "f" * 64 not in {row["source_sha256"] for row in reports}
    # A list cell is compact JSON, as in the batch's dataset.csv; a boolean true or false.
    by_id = {row["measure_id"]: row for row in map(json.loads, lines)}
    for row in measures:
        assert json.loads(row["partner_names"]) == by_id[row["measure_id"]]["partner_names"]
        assert row["reported_by_civil_society"] in {"true", "false", ""}
    parquet = pq.read_table(package / "data" / "measures.parquet")
    assert parquet.schema.field("partner_names").type == pa.list_(pa.string())
    # What cites it.
    manifest = (batch / "manifest.json").read_bytes()
    digest = hashlib.sha256(manifest).hexdigest()
    version = json.loads(manifest)["extractor_version"]
    assert descriptor["name"] == "cultural-policy-measures-test"
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://spdx.org/licenses/CC-BY-4.0.html",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert descriptor["contributors"] == [
        {"title": "Ana Pérez", "role": "author"},
        {"title": "Secretariat", "role": "author"},
    ]
    assert descriptor["citation"] == (
        "Ana Pérez; Secretariat. Cultural policy measures (test). Data package of 5 reports "
        f"and {len(lines)} measures, qpr extractor version {version}, manifest sha256 {digest}."
    )
    assert descriptor["qpr"]["manifest_sha256"] == digest
    assert descriptor["qpr"]["extractor_version"] == version
    codebook = json.loads((batch / "codebook.json").read_text(encoding="utf-8"))
    assert descriptor["qpr"]["schema_version"] == codebook["schema_version"]
    assert "created" not in descriptor
    assert descriptor["citation"] in (package / "README.md").read_text(encoding="utf-8")
    # Keys, and the Parquet twins as files checked by their hash.
    schema = csvs[0]["schema"]
    assert schema["primaryKey"] == ["measure_id"]
    assert {
        "fields": "source_sha256",
        "reference": {"resource": "reports", "fields": "source_sha256"},
    } in schema["foreignKeys"]
    kinds = {field["name"]: field["type"] for field in schema["fields"]}
    assert kinds["partner_names"] == "array" and kinds["year"] == "integer"
    twin = next(r for r in descriptor["resources"] if r["name"] == "measures-parquet")
    assert twin["type"] == "file" and twin["path"] == "data/measures.parquet"
    written = (package / "data" / "measures.parquet").read_bytes()
    assert twin["hash"] == "sha256:" + hashlib.sha256(written).hexdigest()


def test_contact_details_only_on_request(batch: Path, tmp_path: Path) -> None:
    email = "convention2005@creativeeconomy.go.ke"  # in kenya-2020-en.docx
    assert email in (batch / "tables" / "contacts.parquet").read_bytes().decode("latin-1")
    plain, personal = tmp_path / "plain", tmp_path / "personal"
    assert export(batch, plain) == 0
    descriptor = (plain / "datapackage.json").read_text(encoding="utf-8")
    assert "contacts" not in json.loads(descriptor)["qpr"]["rows"]
    assert not any(name in descriptor for name in PERSONAL)
    assert not any(email.encode() in data for data in files(plain).values())

    assert export(batch, personal, "--include-contact") == 0
    valid(personal)
    names = [
        resource["name"]
        for resource in json.loads((personal / "datapackage.json").read_text(encoding="utf-8"))[
            "resources"
        ]
    ]
    assert "contacts" in names and "contacts-parquet" in names
    contacts = csv_rows(personal / "data" / "contacts.csv")
    assert email in {row["contact_email"] for row in contacts}
    measures = csv_rows(personal / "data" / "measures.csv")
    assert email in {row["contact_email"] for row in measures}


def test_the_same_batch_gives_the_same_bytes(batch: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    # Read-only on the batch: it runs while `qpr serve-api` (or any run) holds the batch.
    with batch_lock(batch, "serve-api"):
        assert export(batch, first) == 0
        assert export(batch, second) == 0
    assert files(first) == files(second)
    assert not any(path.name.endswith(".tmp") for path in tmp_path.iterdir())


def test_refusals_leave_everything_as_it_was(
    batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine")
    assert export(batch, taken) == 2
    assert "is not empty: give a new or empty folder" in capsys.readouterr().err
    assert export(batch, taken, "--force") == 2  # not a package qpr exported
    assert files(taken) == {"notes.txt": b"mine"}

    before = files(batch)
    assert export(batch, batch / "package") == 2
    assert "never writes to the batch" in capsys.readouterr().err
    assert files(batch) == before

    with pytest.raises(SystemExit) as stopped:
        main(["export", str(batch), "--package", str(tmp_path / "new"), "--title", "T", *AUTHORS])
    assert stopped.value.code == 2
    assert "required: --license" in capsys.readouterr().err
    assert export(batch, tmp_path / "new", "--license", "CC BY") == 2  # argparse: the last wins
    assert "not an SPDX license id" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()

    # An earlier package is replaced with --force only.
    earlier = tmp_path / "earlier"
    assert export(batch, earlier) == 0
    (earlier / "README.md").write_text("old")
    assert export(batch, earlier) == 2
    assert export(batch, earlier, "--force") == 0
    assert (earlier / "README.md").read_text(encoding="utf-8") != "old"


def test_tables_that_disagree_are_not_published(
    batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A batch's tables read from two rebuilds (a run rewrote it meanwhile) would break a
    foreign key: the rows written are checked and nothing is published."""
    copy = tmp_path / "batch"
    shutil.copytree(batch, copy)
    partners = pq.read_table(copy / "tables" / "partners.parquet")
    ids = pa.array([f"gone-{row}" for row in range(partners.num_rows)], pa.string())
    pq.write_table(partners.set_column(0, "measure_id", ids), copy / "tables" / "partners.parquet")
    assert export(copy, tmp_path / "package") == 3
    assert "measure_id of partners not in measures" in capsys.readouterr().err
    assert not (tmp_path / "package").exists()
