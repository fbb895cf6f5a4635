"""The batch commands as an operator meets them, each driven as the real `qpr` command in a
subprocess: stopped by Ctrl-C or SIGTERM, given its own output or files that are not reports,
pointed at someone else's folder, run twice at once, out of disk, given wrong options. None of
them may print a traceback."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from commands import ROOT, Run, no_traceback, qpr

from flows.reprocess import VERSIONED

SAMPLES = ROOT / "samples"
CORPUS_SIZE = 200
# The outputs two runs must agree on: a version's files (runs/ holds each run's own log).
COMPARED = VERSIONED


def snapshot(folder: Path) -> dict[str, str]:
    """Every compared output file, by path, with its content's hash."""
    files = {}
    for name in COMPARED:
        path = folder / name
        for item in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if item.is_file():
                files[str(item.relative_to(folder))] = hashlib.sha256(item.read_bytes()).hexdigest()
    return files


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, "-m", "samples.corpus", "--n", str(CORPUS_SIZE), "--out", str(folder)],
        cwd=SAMPLES.parent,
        check=True,
        capture_output=True,
    )
    return folder / "docs"


@pytest.fixture(scope="session")
def reference_batch(corpus: Path, api: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The batch folder of an uninterrupted run on the corpus (not to be changed)."""
    out = tmp_path_factory.mktemp("reference") / "batch"
    code, _, err = qpr("ingest", str(corpus), "--out", str(out), "--quiet", api=api)
    assert code == 0, err
    return out


@pytest.fixture(scope="session")
def reference(reference_batch: Path) -> dict[str, str]:
    """The outputs of an uninterrupted run on the corpus."""
    return snapshot(reference_batch)


def extracting(event: dict[str, object]) -> bool:
    return event.get("phase") == "extracting" and event.get("event") == "progress"


@pytest.mark.parametrize("workers", [1, 2], ids=["1-worker", "2-workers"])
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_the_run_cleanly_and_a_rerun_completes_it(
    number: int, workers: int, corpus: Path, reference: dict[str, str], api: str, tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    # The embedded Prefect API (no server configured), as an operator runs it.
    run = Run(
        "ingest", str(corpus), "--out", str(out), "--workers", str(workers), "--log-format", "json"
    )
    run.wait_for(extracting)
    _, err = run.interrupt(number)
    assert "To resume, run again" in err
    manifest = json.loads((out / "manifest.json").read_text())
    done = len(manifest["inputs"])
    assert 0 < done < CORPUS_SIZE, "stopped in the middle, its outputs written for what is done"
    assert len(list((out / "records").glob("*.json"))) == done

    code, _, err = qpr("ingest", str(corpus), "--out", str(out), "--quiet", api=api)
    assert code == 0, err
    assert snapshot(out) == reference


def test_a_second_ctrl_c_stops_at_once_leaving_whole_files(
    corpus: Path, reference: dict[str, str], api: str, tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    run = Run("ingest", str(corpus), "--out", str(out), "--log-format", "json", api=api)
    run.wait_for(extracting)
    run.interrupt(signal.SIGINT, signal.SIGINT, within=5)
    for record in (out / "records").glob("*.json"):
        json.loads(record.read_text())  # whole, every one
    code, _, err = qpr("ingest", str(corpus), "--out", str(out), "--quiet", api=api)
    assert code == 0, err
    assert snapshot(out) == reference


def test_reprocess_stops_cleanly_too_and_resumes(
    reference_batch: Path, api: str, tmp_path: Path
) -> None:
    batch = tmp_path / "batch"
    shutil.copytree(reference_batch, batch)
    run = Run("reprocess", str(batch), "--workers", "2", "--log-format", "json", api=api)
    run.wait_for(extracting)
    out_text, _ = run.interrupt(signal.SIGINT)
    assert "Interrupted before the end" in out_text
    code, out_text, err = qpr("reprocess", str(batch), "--quiet", api=api)
    assert code == 0, err
    assert f"0 of {CORPUS_SIZE} record(s) changed" in out_text


def test_a_batch_never_ingests_its_own_output_nor_non_documents(api: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "azerbaijan-civil-society-consultation.txt", inbox)
    record = {"schema_version": "1.4", "measures": [{"title": {"en": "not a report"}}]}
    (inbox / "truth.json").write_text(json.dumps(record, indent=2))
    (inbox / "tool.py").write_text('LABELS = {\n    "en": {"title": "Name of the policy"},\n}\n')
    out = inbox / "batch"
    for _ in range(2):
        code, summary, err = qpr("ingest", str(inbox), "--out", str(out), "--quiet", api=api)
        no_traceback(err)
        assert code == 1, err  # the two strays fail the run, unless --allow-strays
    manifest = json.loads((out / "manifest.json").read_text())
    by_name = {Path(entry["paths"][0]).name: entry for entry in manifest["inputs"]}
    assert sorted(by_name) == ["azerbaijan-civil-society-consultation.txt", "tool.py", "truth.json"]
    assert by_name["truth.json"]["failure"] == by_name["tool.py"]["failure"] == "unsupported_format"
    assert by_name["azerbaijan-civil-society-consultation.txt"]["status"] == "ok"
    rows = (out / "dataset.jsonl").read_text().splitlines()
    assert len(rows) == 1
    assert "batch folder" in summary or "output folder" in summary

    code, _, err = qpr(
        "ingest", str(inbox), "--out", str(out), "--quiet", "--allow-strays", api=api
    )
    assert code == 0, err


def test_a_foreign_out_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "someone-elses"
    out.mkdir()
    (out / "dataset.csv").write_text("their,data\n")
    (out / "notes.md").write_text("keep me\n")
    (out / ".dataset.csv.1.ab.tmp").write_text("theirs too\n")
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    started = time.monotonic()
    code, _, err = qpr("ingest", str(SAMPLES), "--out", str(out))
    assert code == 2
    assert f"{out} is not a qpr batch folder" in err and "dataset.csv, notes.md" in err
    assert time.monotonic() - started < 10, "refused before Prefect starts"
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    no_traceback(err)


def test_a_second_run_on_a_busy_folder_is_refused_and_the_first_unharmed(
    corpus: Path, reference: dict[str, str], api: str, tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    first = Run("ingest", str(corpus), "--out", str(out), "--log-format", "json", api=api)
    first.wait_for(extracting)
    code, _, err = qpr("ingest", str(corpus), "--out", str(out), api=api)
    assert code == 3
    assert "in use by another run (qpr ingest pid" in err
    no_traceback(err)
    code, _, err = first.finish()
    assert code == 0, err
    assert snapshot(out) == reference


@contextlib.contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted on `folder` for the block (the test is skipped where it cannot be:
    not root, or no right to mount in this container)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_exits_3_naming_the_folder_and_the_batch_resumes(
    api: str, tmp_path: Path
) -> None:
    with tmpfs(tmp_path / "disk", "size=160k") as disk:
        out = disk / "batch"
        code, _, err = qpr("ingest", str(SAMPLES), "--out", str(out), "--quiet", api=api)
        assert code == 3, err
        assert "no space left on the device of" in err and str(out) in err
        no_traceback(err)
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        code, _, err = qpr("ingest", str(SAMPLES), "--out", str(out), "--quiet", api=api)
        assert code in (0, 1), err
        reference = tmp_path / "reference"
        qpr("ingest", str(SAMPLES), "--out", str(reference), "--quiet", api=api)
        assert snapshot(out) == snapshot(reference)


def test_a_read_only_out_folder_exits_3_naming_it(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "ro,size=64k") as disk:
        code, _, err = qpr("ingest", str(SAMPLES), "--out", str(disk))
        assert code == 3
        assert f"cannot write to {disk}: Read-only file system" in err
        no_traceback(err)


@pytest.mark.parametrize(
    ("arguments", "code", "said"),
    [
        (
            ["ingest", "no/such/inbox", "--out", "{tmp}/out"],
            2,
            "no such file or folder: no/such/inbox",
        ),
        (["reprocess", "{tmp}/nowhere"], 2, "is not a qpr batch folder"),
        (["serve", "{tmp}/no-inbox", "--out", "{tmp}/out"], 2, "no such file or folder"),
        (["ingest", "samples", "--out", "{tmp}/file.txt"], 2, "is a file, not a folder"),
        (["ingest", "samples", "--out", "{tmp}/out", "--workers", "0"], 2, "must be at least 1"),
        (
            ["ingest", "samples", "--out", "{tmp}/out", "--dask", "--workers", "-1"],
            2,
            "must be at least 1",
        ),
        (
            ["ingest", "samples", "--out", "{tmp}/out", "--timeout", "abc"],
            2,
            "not a number of seconds: 'abc'",
        ),
    ],
)
def test_usage_errors_are_sentences_with_status_2(
    arguments: list[str], code: int, said: str, tmp_path: Path
) -> None:
    (tmp_path / "file.txt").write_text("a file\n")
    status, _, err = qpr(*[argument.replace("{tmp}", str(tmp_path)) for argument in arguments])
    assert status == code
    assert said in err
    no_traceback(err)


def test_nothing_to_do_is_status_2(api: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / ".hidden.txt").write_text("a hidden file\n")
    code, out, err = qpr("ingest", str(inbox), "--out", str(tmp_path / "out"), "--quiet", api=api)
    assert code == 2
    assert "nothing to do: no input file found" in err
    assert "1 hidden file(s)" in out
    no_traceback(err)


def test_a_record_that_no_longer_validates_fails_the_run(api: str, tmp_path: Path) -> None:
    out = tmp_path / "batch"
    seed = SAMPLES / "azerbaijan-civil-society-consultation.txt"
    assert qpr("ingest", str(seed), "--out", str(out), "--quiet", api=api)[0] == 0
    record_path = next((out / "records").glob("*.json"))
    record = json.loads(record_path.read_text())
    record["measures"][0]["budget"]["status"] = "plenty"  # as a hand edit would
    record_path.write_text(json.dumps(record))
    code, summary, err = qpr("ingest", str(seed), "--out", str(out), "--quiet", api=api)
    assert code == 1
    entry = json.loads((out / "manifest.json").read_text())["inputs"][0]
    assert entry["status"] == "invalid"
    assert "no longer validate" in summary
    no_traceback(err)


def test_an_unreachable_prefect_api_is_a_sentence_with_status_3(tmp_path: Path) -> None:
    out = tmp_path / "batch"
    seed = SAMPLES / "azerbaijan-civil-society-consultation.txt"
    code, _, err = qpr("ingest", str(seed), "--out", str(out), api="http://127.0.0.1:9/api")
    assert code == 3
    assert "Failed to reach API at http://127.0.0.1:9/api" in err
    run_log = next((out / "runs").glob("*.log"))
    assert "Traceback" in run_log.read_text(), "the detail is in the run log"
    no_traceback(err)


def test_version() -> None:
    code, out, _ = qpr("--version")
    assert code == 0 and out.startswith("qpr ") and "extractor" in out


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Run, Path]]:
    inbox, out = tmp_path / "inbox", tmp_path / "batch"
    inbox.mkdir()
    shutil.copy(SAMPLES / "azerbaijan-civil-society-consultation.txt", inbox)
    run = Run("serve", str(inbox), "--out", str(out), "--every", "3600", "--log-format", "json")
    yield run, out
    if run.process.poll() is None:
        os.killpg(run.process.pid, signal.SIGKILL)


def test_serve_ingests_at_once_its_trigger_works_and_sigterm_stops_it(
    served: tuple[Run, Path],
) -> None:
    run, out = served
    assert run.process.stdout is not None
    trigger = ""
    deadline = time.monotonic() + 120
    while not (out / "dataset.jsonl").exists() and time.monotonic() < deadline:
        line = run.process.stdout.readline()
        if "deployment run" in line:
            trigger = line.split("another shell: ", 1)[1].strip()
    assert (out / "dataset.jsonl").exists(), "the inbox is ingested at start"
    assert trigger.startswith("PREFECT_API_URL=http")
    runs_before = len(list((out / "runs").glob("*.json")))
    # The trigger, as printed, from another shell.
    subprocess.run(trigger, shell=True, check=True, capture_output=True, timeout=60)
    deadline = time.monotonic() + 90
    while len(list((out / "runs").glob("*.json"))) == runs_before:
        assert time.monotonic() < deadline, "the triggered run did not happen"
        time.sleep(1)
    run.interrupt(signal.SIGTERM)
