"""The ingest flow, run for real on a few samples: the batch layout, quarantine, skipping what
is done, resuming after a crash, and the same records on a Dask cluster."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from flows import chunking
from flows.cli import main
from flows.deployment import inbox_deployment
from flows.ingest import run_ingest
from pipeline.limits import Limits

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOOD = (
    "azerbaijan-civil-society-consultation.txt",
    "peru-cine-regional.txt",
    "benin-fonds-creation-musicale.docx",
    "jamaica-music-heritage-digitisation.pdf",
    "mexico-radio-lenguas-indigenas.html",
    "reports/namibia-2016-chapters.docx",
)
CORRUPT = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, cut short"

pytestmark = pytest.mark.usefixtures("prefect_api")


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents per chunk, so a handful of samples make several chunks in flight."""
    monkeypatch.setattr(chunking, "CHUNK_DOCUMENTS", 2)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """The good samples, one of them twice under two names, and a corrupt PDF."""
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    for name in GOOD:
        shutil.copy(SAMPLES / name, folder / Path(name).name)
    shutil.copy(SAMPLES / GOOD[0], folder / "nested" / "copy-of-the-seed.txt")
    (folder / "broken.pdf").write_bytes(CORRUPT)
    return folder


def digests(folder: Path, skip: str = "runs") -> dict[str, str]:
    """Every output file's sha256, the runs/ folder aside (it records each run's timings)."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != skip
    }


def test_a_corrupt_file_is_quarantined_and_every_other_input_is_extracted(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = run_ingest([inbox], out)
    corrupt = hashlib.sha256(CORRUPT).hexdigest()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entries = {entry["sha256"]: entry for entry in manifest["inputs"]}
    assert len(entries) == len(GOOD) + 1  # the duplicate is one input with two paths
    assert entries[corrupt]["status"] == "failed"
    assert all(entry["status"] != "failed" for sha, entry in entries.items() if sha != corrupt)
    seed = hashlib.sha256((SAMPLES / GOOD[0]).read_bytes()).hexdigest()
    assert len(entries[seed]["paths"]) == 2
    reason = json.loads((out / "quarantine" / f"{corrupt}.reason.json").read_text("utf-8"))
    assert reason["code"] == "corrupt"
    assert (out / "quarantine" / f"{corrupt}.pdf").read_bytes() == CORRUPT
    assert sorted(path.stem for path in (out / "records").glob("*.json")) == sorted(entries)
    rows = (out / "dataset.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == summary["dataset_rows"] == 5 + 8  # five single measures, 8 in Namibia
    assert (out / "dataset.csv").exists() and (out / "dataset.parquet").exists()
    assert (out / "codebook.md").exists() and len(list((out / "runs").glob("*.json"))) == 1
    assert summary["by_status"]["failed"] == 1 and summary["failure_reasons"] == {"corrupt": 1}


def test_a_second_run_skips_everything_and_changes_no_byte(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_ingest([inbox], out)
    before = digests(out)
    summary = run_ingest([inbox], out)
    assert summary["extracted"] == 0 and summary["skipped"] == len(GOOD) + 1
    assert digests(out) == before
    assert len(list((out / "runs").glob("*.json"))) == 2


@pytest.mark.usefixtures("small_chunks")
def test_a_run_that_crashed_mid_way_and_restarted_ends_like_one_that_never_stopped(
    inbox: Path, tmp_path: Path
) -> None:
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    run_ingest([inbox], whole)
    run_ingest([inbox], resumed, stop_after=3)  # as if killed after three records
    assert not (resumed / "manifest.json").exists()
    assert 3 <= len(list((resumed / "records").glob("*.json"))) < len(GOOD) + 1
    summary = run_ingest([inbox], resumed)
    assert summary["skipped"] >= 3 and summary["extracted"] >= 1
    assert digests(resumed) == digests(whole)


@pytest.mark.usefixtures("small_chunks")
def test_two_worker_processes_give_the_same_records(inbox: Path, tmp_path: Path) -> None:
    alone, pooled = tmp_path / "alone", tmp_path / "pooled"
    run_ingest([inbox], alone)
    run_ingest([inbox], pooled, workers=2)
    assert digests(pooled) == digests(alone)


@pytest.mark.usefixtures("small_chunks")
def test_a_temporary_dask_cluster_gives_the_same_records(inbox: Path, tmp_path: Path) -> None:
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    run_ingest([inbox], local)
    run_ingest([inbox], on_dask, workers=2, dask=True)
    assert digests(on_dask) == digests(local)


def test_the_inbox_deployment_ingests_the_inbox_on_a_schedule(tmp_path: Path) -> None:
    deployment = inbox_deployment(tmp_path / "inbox", tmp_path / "out", every_seconds=300)
    assert deployment.flow_name == "qpr-ingest"
    assert deployment.parameters == {
        "sources": [str(tmp_path / "inbox")],
        "out": str(tmp_path / "out"),
        "workers": 1,
    }
    assert deployment.schedules[0].schedule.interval == timedelta(seconds=300)


def test_qpr_ingest_prints_the_run_summary(
    inbox: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # The command runs in a supervised child process: its output is on the file descriptors.
    assert main(["ingest", str(inbox), "--out", str(tmp_path / "out")]) == 1  # a corrupt input
    printed = capfd.readouterr().out
    assert "# qpr ingest" in printed
    assert "| corrupt | 1 |" in printed and "| failed | 1 |" in printed
    assert (tmp_path / "out" / "manifest.json").exists()


@pytest.mark.parametrize(
    ("documents", "workers", "per_chunk"),
    [(10_000, 2, 64), (400, 2, 25), (20, 2, 2), (3, 1, 1)],
)
def test_chunks_give_each_worker_several_within_the_bound(
    documents: int, workers: int, per_chunk: int
) -> None:
    # A few heavy reports must not all land on one worker; a whole archive must not pay a
    # task run per handful of documents.
    assert chunking.chunk_documents(documents, workers) == per_chunk


def test_limits_reach_the_workers_and_an_oversized_input_is_refused_unread(
    inbox: Path, tmp_path: Path
) -> None:
    """A file over the size limit is refused by the driver (its reason kept, no copy of it);
    a PDF over the page limit is refused by the worker, before its pages are read."""
    huge = inbox / "huge.txt"
    huge.write_bytes(b"Policy/measure\n" * 20_000)
    limits = Limits(file_bytes=200_000, pdf_pages=0)
    assert all(path.stat().st_size < limits.file_bytes for path in inbox.rglob("*") if path != huge)
    out = tmp_path / "out"
    summary = run_ingest([inbox], out, limits=limits)
    refused = hashlib.sha256(huge.read_bytes()).hexdigest()
    reason = json.loads((out / "quarantine" / f"{refused}.reason.json").read_text("utf-8"))
    assert reason["code"] == "too_large" and "per file" in reason["message"]
    assert not (out / "quarantine" / f"{refused}.txt").exists()
    record = json.loads((out / "records" / f"{refused}.json").read_text("utf-8"))
    assert record["status"] == "failed" and record["source"]["size_bytes"] == huge.stat().st_size
    pdf = hashlib.sha256((inbox / "jamaica-music-heritage-digitisation.pdf").read_bytes())
    issue = json.loads((out / "records" / f"{pdf.hexdigest()}.json").read_text("utf-8"))["issues"][
        0
    ]
    assert issue["code"] == "too_large" and "pages" in issue["message"]
    assert summary["failure_reasons"] == {"corrupt": 1, "too_large": 2}


def test_the_flow_links_one_measure_in_four_renderings_and_writes_the_tables(
    tmp_path: Path,
) -> None:
    """A Party's page saved as text, HTML, DOCX and PDF is one policy in the dataset; the other
    measures stay alone; the tables `qpr query` reads are written beside the dataset."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    renderings = sorted(SAMPLES.glob("azerbaijan-civil-society-consultation.*"))
    assert {path.suffix for path in renderings} == {".txt", ".html", ".docx", ".pdf"}
    for path in [*renderings, SAMPLES / "peru-cine-regional.txt", SAMPLES / GOOD[2]]:
        shutil.copy(path, inbox / path.name)
    out = tmp_path / "out"
    run_ingest([inbox], out)
    rows = [json.loads(line) for line in (out / "dataset.jsonl").read_text("utf-8").splitlines()]
    clusters: dict[str, set[str]] = {}
    for row in rows:
        clusters.setdefault(row["cluster_id"], set()).add(row["source_filename"])
    assert sorted(map(sorted, clusters.values())) == sorted(
        [sorted(path.name for path in renderings), ["peru-cine-regional.txt"], [GOOD[2]]]
    )
    tables = {path.name for path in (out / "tables").glob("*.parquet")}
    assert tables == {f"{name}.parquet" for name in ("reports", "contacts", "partners")} | {
        f"{name}.parquet" for name in ("amounts", "codes", "entities", "issues")
    }
    assert (out / "links.parquet").exists()
