"""Documents extracted in a child process, for real: a document past its time limit or one
that crashes the parser fails alone, the next one extracts, and good records do not change."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from flows.cli import main
from flows.sandbox import Sandbox
from pipeline import extract_bytes, record_json
from pipeline.limits import DEFAULT_LIMITS, Limits
from schemas import ReportRecord
from schemas.outcome import IssueCode, Status
from schemas.report import SourceInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "azerbaijan-civil-society-consultation.txt"
GOOD = (
    "azerbaijan-civil-society-consultation.txt",
    "azerbaijan-civil-society-consultation.docx",
    "azerbaijan-civil-society-consultation.pdf",
    "azerbaijan-civil-society-consultation.html",
    "benin-fonds-creation-musicale.docx",
)
# Far above what one sample takes in a fresh child (about 1 s with its language model loading),
# far below the 60 s a hanging document sleeps: no flakiness on a loaded 2-core machine.
LIMIT = Limits(seconds_per_document=5)
NO_LIMIT = Limits(seconds_per_document=None)

Extractor = Callable[..., ReportRecord]


@pytest.fixture
def misbehaving(monkeypatch: pytest.MonkeyPatch) -> Extractor:
    """tests/flows/slow_extract.misbehaving_extract, importable here and so in the child (the
    sandbox hands its child this process's sys.path)."""
    monkeypatch.syspath_prepend(str(HERE))
    function: Extractor = importlib.import_module("slow_extract").misbehaving_extract
    return function


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        yield sandbox


def in_process(
    data: bytes, name: str, include_text: bool = False, limits: Limits = DEFAULT_LIMITS
) -> str:
    """The record made in this process, within the same limits as the sandbox compared (they
    are part of the extractor version)."""
    return record_json(extract_bytes(data, name, include_text=include_text, limits=limits))


def source_of(data: bytes, name: str) -> SourceInfo:
    return SourceInfo(
        filename=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=None,
        size_bytes=len(data),
        pages=None,
    )


def gone(pid: int) -> bool:
    """The process has ended (a zombie whose new parent does not reap it has ended too)."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.parametrize("include_text", [False, True])
@pytest.mark.parametrize("name", GOOD)
def test_good_documents_give_the_in_process_records(
    sandbox: Sandbox, name: str, include_text: bool
) -> None:
    data = (SAMPLES / name).read_bytes()
    record = sandbox.extract(data, name, include_text=include_text)
    assert record_json(record) == in_process(data, name, include_text)


def test_one_child_serves_every_document(sandbox: Sandbox) -> None:
    data = SEED.read_bytes()
    sandbox.extract(data, SEED.name)
    pid = sandbox.pid
    for _ in range(3):
        sandbox.extract(data, SEED.name)
    assert sandbox.pid == pid is not None


def test_a_slow_document_times_out_and_the_next_one_extracts(misbehaving: Extractor) -> None:
    good = SEED.read_bytes()
    slow = b"SLEEP\n" + good
    with Sandbox(LIMIT, misbehaving) as sandbox:
        assert record_json(sandbox.extract(good, SEED.name)) == in_process(
            good, SEED.name, limits=sandbox.limits
        )
        pid = sandbox.pid
        assert pid is not None
        start = time.monotonic()
        record = sandbox.extract(slow, "slow.txt")
        elapsed = time.monotonic() - start
        assert 5 <= elapsed < 30
        assert gone(pid)
        assert record.status == Status.FAILED and not record.measures
        assert [issue.code for issue in record.issues] == [IssueCode.TIMEOUT]
        assert record.issues[0].message.startswith("extraction took longer than 5 s")
        assert record.source == source_of(slow, "slow.txt")
        assert record_json(sandbox.extract(good, SEED.name)) == in_process(
            good, SEED.name, limits=sandbox.limits
        )
        assert sandbox.pid not in (None, pid)


@pytest.mark.parametrize(
    ("marker", "ending"),
    [(b"SEGFAULT", "killed by signal SIGSEGV"), (b"EXIT", "exit status 3")],
)
def test_a_crash_fails_its_document_and_the_next_one_extracts(
    misbehaving: Extractor, marker: bytes, ending: str
) -> None:
    good = SEED.read_bytes()
    crashing = marker + b"\n" + good
    with Sandbox(NO_LIMIT, misbehaving) as sandbox:  # no time limit: crashes still isolated
        record = sandbox.extract(crashing, "crash.txt")
        assert record.status == Status.FAILED
        assert [issue.code for issue in record.issues] == [IssueCode.CORRUPT]
        assert f"the parser crashed on this file ({ending})" in record.issues[0].message
        assert record.source == source_of(crashing, "crash.txt")
        assert record_json(sandbox.extract(good, SEED.name)) == in_process(
            good, SEED.name, limits=sandbox.limits
        )


def test_an_exception_fails_its_document_and_keeps_the_child(misbehaving: Extractor) -> None:
    good = SEED.read_bytes()
    with Sandbox(LIMIT, misbehaving) as sandbox:
        sandbox.extract(good, SEED.name)
        pid = sandbox.pid
        record = sandbox.extract(b"RAISE\n" + good, "raise.txt")
        assert [issue.code for issue in record.issues] == [IssueCode.CORRUPT]
        assert "RuntimeError('a bug in the extractor')" in record.issues[0].message
        assert record_json(sandbox.extract(good, SEED.name)) == in_process(
            good, SEED.name, limits=sandbox.limits
        )
        assert sandbox.pid == pid


def test_a_child_that_died_while_idle_is_replaced_without_blaming_a_document() -> None:
    good = SEED.read_bytes()
    with Sandbox(LIMIT) as sandbox:
        sandbox.extract(good, SEED.name)
        pid = sandbox.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)  # as the out-of-memory killer would
        assert record_json(sandbox.extract(good, SEED.name)) == in_process(
            good, SEED.name, limits=sandbox.limits
        )
        assert sandbox.pid != pid


def test_closing_reaps_the_child() -> None:
    sandbox = Sandbox(LIMIT)
    sandbox.extract(SEED.read_bytes(), SEED.name)
    pid = sandbox.pid
    assert pid is not None and not gone(pid)
    sandbox.close()
    assert sandbox.pid is None
    with pytest.raises(psutil.NoSuchProcess):
        psutil.Process(pid)


@pytest.mark.parametrize("busy", [False, True], ids=["idle", "busy"])
def test_the_child_ends_when_its_parent_is_killed(busy: bool) -> None:
    """Idle, the child sees end-of-file; busy on a hanging document, it notices its parent is
    gone. Either way no orphan is left running."""
    document = b"SLEEP\n" if busy else SEED.read_bytes()
    script = f"""
import sys, threading, time
sys.path.insert(0, {str(HERE)!r})
from flows.sandbox import Sandbox
from pipeline.limits import Limits
from slow_extract import misbehaving_extract
sandbox = Sandbox(Limits(seconds_per_document=None), misbehaving_extract)
threading.Thread(target=sandbox.extract, args=({document!r}, "doc.txt"), daemon=True).start()
while sandbox.pid is None:
    time.sleep(0.05)
time.sleep(2)  # the document is being extracted (busy) or done (idle)
print(sandbox.pid, flush=True)
time.sleep(600)
"""
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert not gone(child)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 30
    while not gone(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert gone(child)


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_with_a_timeout_prints_the_same_record(capsys: pytest.CaptureFixture[str]) -> None:
    """The same values; the version differs, as the limits are part of it."""
    code, sandboxed, err = run(capsys, "extract", "--timeout", "60", str(SEED))
    assert (code, err) == (0, "")
    expected = in_process(SEED.read_bytes(), SEED.name, limits=Limits(seconds_per_document=60))
    assert sandboxed == expected + "\n"


def test_extract_reports_a_file_that_timed_out(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    misbehaving: Extractor,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr("flows.sandbox.extract_bytes", misbehaving)  # what the child runs
    slow = tmp_path / "slow.txt"
    slow.write_bytes(b"SLEEP\n" + SEED.read_bytes())
    code, out, err = run(capsys, "extract", "--timeout", "5", str(slow), str(SEED))
    records = json.loads(out)
    assert code == 1
    assert [record["status"] for record in records] == ["failed", "ok"]
    assert records[0]["issues"][0]["code"] == "timeout"
    assert err.startswith(f"qpr: {slow}: timeout: extraction took longer than 5 s and was stopped")
    expected = in_process(SEED.read_bytes(), SEED.name, limits=Limits(seconds_per_document=5))
    assert json.dumps(records[1], ensure_ascii=False) == json.dumps(
        json.loads(expected), ensure_ascii=False
    )


@pytest.mark.parametrize("seconds", ["0", "-1", "nan", "inf", "soon"])
def test_extract_refuses_a_timeout_that_is_not_a_positive_number(
    capsys: pytest.CaptureFixture[str], seconds: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--timeout", seconds, str(SEED)])
    assert exit_.value.code == 2
    assert "--timeout" in capsys.readouterr().err
