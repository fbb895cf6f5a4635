"""Issue #17's kill test: `kill -9` of the intake service's server while extraction runs, a
restart on the same batch folder, and every upload that was answered 202 ends as a record
byte-identical to an uninterrupted run's, served as that run serves it; nothing half-written is
ever a record.

The service runs for real (tests/intake_server.py) on the session's Prefect API; the documents
are the first ones of the seeded corpus (samples/corpus.py), which every run writes alike."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from intake_server import Service, make_key

from samples.corpus import write_corpus

DOCUMENTS = 36
PARTIES = ("FRA", "KEN", "IND")
OPTIONS = ("--workers", "1")
WAIT_SECONDS = 90.0


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The corpus's first documents (txt, docx, html, pdf; its truth files are no inputs)."""
    out = tmp_path_factory.mktemp("corpus")
    write_corpus(DOCUMENTS, out)
    return sorted((out / "docs").iterdir())


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("keys") / "keys.toml"
    return path, {party: make_key(path, "submitter", party) for party in PARTIES}


def _request(
    url: str, key: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, data=data, headers={"Authorization": f"Bearer {key}", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _upload(url: str, key: str, path: Path) -> dict[str, str]:
    """POST one file; its submission line (every document here is accepted)."""
    boundary = os.urandom(12).hex()
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"'
            "\r\nContent-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    content_type = f"multipart/form-data; boundary={boundary}"
    status, answer = _request(f"{url}/v1/reports", key, body, {"Content-Type": content_type})
    assert status == 202, answer
    line: dict[str, str] = json.loads(answer)["submissions"][0]
    return line


def _upload_all(
    service: Service, documents: list[Path], keys: dict[str, str]
) -> list[tuple[str, dict[str, str]]]:
    """Each Party's share of the documents uploaded by a thread of its own, all at once; the
    Party and submission line of each 202."""
    accepted: list[tuple[str, dict[str, str]]] = []
    lock = threading.Lock()
    failures: list[BaseException] = []

    def send(party: str, mine: list[Path]) -> None:
        try:
            for path in mine:
                line = _upload(service.url, keys[party], path)
                with lock:
                    accepted.append((party, line))
        except BaseException as error:  # reported by the test's thread
            failures.append(error)

    threads = [
        threading.Thread(target=send, args=(party, documents[index :: len(PARTIES)]))
        for index, party in enumerate(PARTIES)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_SECONDS)
    assert not failures, failures
    assert len(accepted) == len(documents)
    return accepted


def _records(batch: Path) -> list[Path]:
    folder = batch / "records"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _served(
    service: Service, accepted: list[tuple[str, dict[str, str]]], keys: dict[str, str]
) -> dict[str, bytes]:
    """Once nothing is queued, each submission's record as the service serves it to its Party
    (every one 200)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while service.health().get("queued") != 0 or len(_records(service.batch)) < len(accepted):
        assert time.monotonic() < deadline, f"not finished: {service.health()}"
        time.sleep(0.2)
    served = {}
    for party, line in accepted:
        status, answer = _request(f"{service.url}/v1/reports/{line['id']}", keys[party])
        assert status == 200, (line, answer)
        served[line["id"]] = answer
    return served


def test_a_server_killed_mid_extraction_finishes_every_accepted_upload_alike(
    tmp_path: Path, api: str, documents: list[Path], keys: tuple[Path, dict[str, str]]
) -> None:
    keys_file, party_keys = keys

    # The uninterrupted run.
    with Service(tmp_path / "reference", keys_file, options=OPTIONS, api=api) as service:
        reference_accepted = _upload_all(service, documents, party_keys)
        reference = _served(service, reference_accepted, party_keys)

    # The same uploads; the server killed once some records are written, not all.
    batch = tmp_path / "killed"
    service = Service(batch, keys_file, options=OPTIONS, api=api).start()
    try:
        accepted = _upload_all(service, documents, party_keys)
        deadline = time.monotonic() + WAIT_SECONDS
        while not _records(batch):
            assert time.monotonic() < deadline, f"no record written: {service.health()}"
            time.sleep(0.01)
        service.kill()
        written = len(_records(batch))
        assert 0 < written < DOCUMENTS, "the kill was to come while extraction ran"
        # Whatever the kill left is never a record: every record file parses.
        for path in _records(batch):
            json.loads(path.read_bytes())

        service = Service(batch, keys_file, options=OPTIONS, api=api).start()
        served = _served(service, accepted, party_keys)
    finally:
        if service.process is not None and service.process.poll() is None:
            service.stop()

    assert {line["id"] for _, line in accepted} == set(reference)
    assert served == reference  # every 202 ends 200, served as the uninterrupted run serves it
    records = {path.name: path.read_bytes() for path in _records(batch)}
    assert records == {path.name: path.read_bytes() for path in _records(tmp_path / "reference")}
    for data in records.values():
        json.loads(data)
    assert not list((batch / "records").glob(".*.tmp")), "a killed write's temporary file stays"
