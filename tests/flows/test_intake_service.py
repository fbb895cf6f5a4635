"""The intake service (`qpr serve-api`) started for real on a loopback port, exercised as its
users would: Parties' focal points uploading, the secretariat reading and correcting, a
researcher fetching the dataset — each endpoint, each role, each refusal."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hostile
import httpx
import pyarrow.parquet as pq
import pytest
from intake_server import QPR, ROOT, Service, make_key

SAMPLES = ROOT / "samples"
KENYA = SAMPLES / "reports" / "kenya-2020-en.docx"
BENIN = SAMPLES / "benin-fonds-creation-musicale.docx"
CHILE = SAMPLES / "chile-regional-youth-orchestras.txt"

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api")]


class Keys:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.secretariat = make_key(path, "secretariat")
        self.reader = make_key(path, "reader")
        self.fra = make_key(path, "submitter", "FRA")
        self.ken = make_key(path, "submitter", "KEN")
        self.deu = make_key(path, "submitter", "DEU")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return Keys(tmp_path_factory.mktemp("keys") / "keys.toml")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, keys: Keys, api: str) -> Iterator[Service]:
    batch = tmp_path_factory.mktemp("served") / "batch"
    with Service(batch, keys.path, ("--max-upload-mb", "2", "--rate-limit", "1000"), api) as up:
        yield up


def client(service: Service, key: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.Client(base_url=service.url, headers=headers, timeout=30)


def upload(
    service: Service, key: str, path: Path, name: str | None = None, **fields: str
) -> httpx.Response:
    with client(service, key) as http:
        files = {"file": (name or path.name, path.read_bytes())}
        return http.post("/v1/reports", files=files, data=fields)


def submitted(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 202, answer.text
    line: dict[str, Any] = answer.json()["submissions"][0]
    return line


def record_of(service: Service, key: str, submission: str, timeout: float = 120) -> dict[str, Any]:
    """The record once extracted; 202 until then."""
    deadline = time.monotonic() + timeout
    with client(service, key) as http:
        while True:
            answer = http.get(f"/v1/reports/{submission}")
            if answer.status_code == 200:
                record: dict[str, Any] = answer.json()
                return record
            assert answer.status_code == 202, answer.text
            assert answer.headers["Retry-After"]
            assert time.monotonic() < deadline, "the record never came"
            time.sleep(0.3)


def kept_files(service: Service) -> set[str]:
    return {
        path.relative_to(service.batch).as_posix()
        for folder in ("uploads", "submissions")
        if (service.batch / folder).is_dir()
        for path in (service.batch / folder).iterdir()
    }


# Open endpoints and the docs.


def test_health_and_docs_answer_without_a_key_and_the_docs_need_nothing_from_outside(
    service: Service,
) -> None:
    with client(service) as http:
        assert http.get("/healthz").json()["status"] == "ok"
        docs = http.get("/docs")
        schema = http.get("/openapi.json").json()
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
    assert "default-src 'none'" in docs.headers["Content-Security-Policy"]
    assert "<script" not in docs.text and "http://" not in docs.text and "https://" not in docs.text
    for path in ("/v1/reports", "/v1/reports/{report_id}", "/v1/reports/{report_id}/review"):
        assert path in schema["paths"] and f"<code>{path}</code>" in docs.text
    assert "/v1/dataset.{kind}" in schema["paths"]
    assert service.url.startswith("http://127.0.0.1:")


# Who may do what.


def test_no_key_or_a_wrong_one_is_401_and_a_key_without_the_right_is_403(
    service: Service, keys: Keys
) -> None:
    with client(service) as http:
        refused = http.get("/v1/reports")
        assert refused.status_code == 401
        assert refused.headers["WWW-Authenticate"].startswith("Basic")
        assert refused.json()["detail"]["code"] == "unauthenticated"
        forged = keys.fra[:-4] + "AAAA"
        assert http.get("/v1/reports", headers={"X-API-Key": forged}).status_code == 401
    with client(service, keys.reader) as http:
        assert http.get("/v1/reports").status_code == 403
        assert http.post("/v1/reports", files={"file": ("a.txt", b"x")}).status_code == 403
        assert http.get("/v1/dataset.csv").status_code in (200, 404)  # a reader's one right
    with client(service, keys.fra) as http:
        answer = http.get("/v1/dataset.csv")
        assert answer.status_code == 403 and "submitter" in answer.json()["detail"]["message"]


def test_a_browser_may_send_the_key_as_the_password_of_basic_auth(
    service: Service, keys: Keys
) -> None:
    with httpx.Client(base_url=service.url, auth=("anyone", keys.secretariat)) as http:
        assert http.get("/v1/reports").status_code == 200


# Submitting and reading.


def test_a_party_uploads_a_report_and_reads_its_record_under_its_own_file_name(
    service: Service, keys: Keys
) -> None:
    line = submitted(upload(service, keys.ken, KENYA, name="Kenya QPR 2020.docx"))
    assert line["party"] == "KEN" and line["status"] == "pending"
    assert line["url"] == f"/v1/reports/{line['id']}"
    record = record_of(service, keys.ken, line["id"])
    assert record["source"]["filename"] == "Kenya QPR 2020.docx"
    assert record["report"]["party"]["iso3"] == "KEN"
    assert "party_mismatch" not in {issue["code"] for issue in record["issues"]}
    assert len(record["measures"]) > 3
    stored = json.loads((service.batch / "records" / f"{line['sha256']}.json").read_text())
    assert stored["measures"] == record["measures"]  # the batch folder's record, as ingest writes


def test_a_report_naming_another_party_than_the_submitters_gets_an_issue(
    service: Service, keys: Keys
) -> None:
    line = submitted(upload(service, keys.fra, KENYA))
    record = record_of(service, keys.fra, line["id"])
    issue = next(issue for issue in record["issues"] if issue["code"] == "party_mismatch")
    assert "Kenya" in issue["message"] and "FRA" in issue["message"]
    assert record["status"] in ("ok", "partial")


def test_the_same_file_twice_is_one_submission_and_from_another_party_one_that_reveals_nothing(
    service: Service, keys: Keys
) -> None:
    first = submitted(upload(service, keys.fra, CHILE, name="chile.txt"))
    again = submitted(upload(service, keys.fra, CHILE, name="chile.txt"))
    assert again["id"] == first["id"]
    record_of(service, keys.fra, first["id"])
    runs = _flow_runs(service)
    other = upload(service, keys.deu, CHILE, name="unser-bericht.txt")
    line = submitted(other)
    assert line["id"] != first["id"] and line["party"] == "DEU"
    assert "FRA" not in other.text and "chile.txt" not in other.text
    record = record_of(service, keys.deu, line["id"])
    answer = json.dumps(record)
    assert "chile.txt" not in answer and "FRA" not in answer
    assert record["source"]["filename"] == "unser-bericht.txt"
    with client(service, keys.deu) as http:
        listed = http.get("/v1/reports").json()["reports"]
        assert {item["party"] for item in listed} == {"DEU"}
        # Another Party's submission is unknown (404), not forbidden (403).
        assert http.get(f"/v1/reports/{first['id']}").status_code == 404
        assert http.get("/v1/reports", params={"party": "FRA"}).status_code == 403
    # Extracted once: the bytes already had their record.
    assert _flow_runs(service) - runs <= 1
    assert len(list((service.batch / "uploads").glob(f"{first['sha256']}*"))) == 1


def test_the_secretariat_submits_for_a_party_it_names_and_sees_every_party(
    service: Service, keys: Keys
) -> None:
    with client(service, keys.secretariat) as http:
        files = {"file": ("benin.docx", BENIN.read_bytes())}
        unnamed = http.post("/v1/reports", files=files)
        assert unnamed.status_code == 400 and unnamed.json()["detail"]["code"] == "no_party"
        line = submitted(http.post("/v1/reports", files=files, data={"party": "ben"}))
        assert line["party"] == "BEN"
    record_of(service, keys.secretariat, line["id"])
    with client(service, keys.secretariat) as http:
        listing = http.get("/v1/reports").json()
        assert {"BEN", "KEN"} <= {item["party"] for item in listing["reports"]}
        assert listing["count"] == len(listing["reports"])
        only = http.get("/v1/reports", params={"party": "BEN", "status": "ok"}).json()
        assert [item["id"] for item in only["reports"]] == [line["id"]]
        none = http.get("/v1/reports", params={"party": "BEN", "status": "failed"}).json()
        assert none["count"] == 0
        assert http.get("/v1/reports", params={"status": "bogus"}).status_code == 422
        # Kenya's report covers 2020–2023: the cycle after its period (design.md, "cycle").
        cycle = http.get("/v1/reports", params={"cycle": 2024}).json()["reports"]
        assert "KEN" in {item["party"] for item in cycle}
        assert all(item["cycle"] == 2024 for item in cycle)
    with client(service, keys.fra) as http:
        answer = http.post(
            "/v1/reports", files={"file": ("b.docx", BENIN.read_bytes())}, data={"party": "BEN"}
        )
        assert answer.status_code == 403


def test_a_new_version_supersedes_the_old_which_leaves_the_dataset(
    service: Service, keys: Keys, tmp_path: Path
) -> None:
    old_file, new_file = tmp_path / "v1.txt", tmp_path / "v2.txt"
    text = CHILE.read_text(encoding="utf-8")
    old_file.write_text(text + "\nDraft.\n", encoding="utf-8")
    new_file.write_text(text + "\nFinal.\n", encoding="utf-8")
    old = submitted(upload(service, keys.deu, old_file))
    record_of(service, keys.deu, old["id"])
    with client(service, keys.ken) as http:  # another Party's id is not this Party's to replace
        files = {"file": ("v2.txt", new_file.read_bytes())}
        refused = http.post("/v1/reports", files=files, data={"replaces": old["id"]})
        assert refused.status_code == 400
    new = submitted(upload(service, keys.deu, new_file, replaces=old["id"]))
    assert new["replaces"] == old["id"]
    record_of(service, keys.deu, new["id"])
    with client(service, keys.deu) as http:
        lines = {item["id"]: item for item in http.get("/v1/reports").json()["reports"]}
        assert lines[old["id"]]["status"] == "superseded"
        assert lines[old["id"]]["superseded_by"] == new["id"]
        assert http.get(f"/v1/reports/{old['id']}").status_code == 200  # kept
    rows = _dataset_rows(service, keys)
    assert old["sha256"] not in {row["source_sha256"] for row in rows}
    assert new["sha256"] in {row["source_sha256"] for row in rows}


# Refusals: nothing is written for any of them.


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("../../etc/report.txt", b"Policy title: x", 400, "refused"),
        ("report.txt", b"", 400, "empty_document"),
        ("figures.json", b'{"a": 1}', 415, "unsupported_format"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, 415, "unsupported_format"),
        ("protected.docx", hostile.encrypted_docx(), 422, "encrypted"),
    ],
)
def test_an_upload_that_cannot_be_a_report_is_refused_and_nothing_is_kept(
    service: Service, keys: Keys, name: str, data: bytes, status: int, code: str
) -> None:
    before = kept_files(service)
    with client(service, keys.fra) as http:
        answer = http.post("/v1/reports", files={"file": (name, data)})
    assert answer.status_code == status, answer.text
    assert answer.json()["detail"]["code"] == code
    assert answer.json()["detail"]["message"]
    assert kept_files(service) == before


def test_a_damaged_document_is_accepted_and_ends_as_a_failed_record_saying_why(
    service: Service, keys: Keys
) -> None:
    damaged = _broken_docx(KENYA)  # a DOCX whose text is not XML: only reading it tells
    line = submitted(upload(service, keys.ken, KENYA, name="cut.docx"))
    with client(service, keys.ken) as http:
        cut = submitted(http.post("/v1/reports", files={"file": ("cut.docx", damaged)}))
    assert cut["id"] != line["id"]
    record = record_of(service, keys.ken, cut["id"])
    assert record["status"] == "failed" and record["issues"][0]["code"] == "corrupt"
    with client(service, keys.ken) as http:
        failed = http.get("/v1/reports", params={"status": "failed"}).json()["reports"]
    assert cut["id"] in {item["id"] for item in failed}
    assert (service.batch / "quarantine" / f"{cut['sha256']}.reason.json").exists()


def test_a_malformed_or_non_multipart_body_is_a_clear_4xx(service: Service, keys: Keys) -> None:
    before = kept_files(service)
    with client(service, keys.fra) as http:
        broken = http.post(
            "/v1/reports",
            content=b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n',
            headers={"Content-Type": "multipart/form-data; boundary=xyz"},
        )
        assert broken.status_code == 400, broken.text
        plain = http.post("/v1/reports", content=b"hello", headers={"Content-Type": "text/plain"})
        assert plain.status_code == 415 and plain.json()["detail"]["code"] == "not_multipart"
        empty = http.post("/v1/reports", files={"other": ("a.txt", b"x")})
        assert empty.status_code == 400 and empty.json()["detail"]["code"] == "no_file"
    assert kept_files(service) == before


def test_an_upload_over_the_limit_is_refused_before_its_body_is_read(
    service: Service, keys: Keys
) -> None:
    host, port = service.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(
            b"POST /v1/reports HTTP/1.1\r\nHost: x\r\n"
            + f"Authorization: Bearer {keys.fra}\r\n".encode()
            + b"Content-Type: multipart/form-data; boundary=b\r\n"
            + b"Content-Length: 50000000\r\n\r\n--b\r\n"
        )
        # Only the headers and a few bytes were sent: the answer comes anyway, then the close.
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        answer = received.decode()
    assert answer.startswith("HTTP/1.1 413"), answer
    assert "too_large" in answer
    before = kept_files(service)

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        for _ in range(40):
            yield b"x" * 100_000

    with client(service, keys.fra) as http:
        streamed = http.post(
            "/v1/reports",
            content=chunks(),
            headers={"Content-Type": "multipart/form-data; boundary=b"},
        )
    assert streamed.status_code == 413
    assert kept_files(service) == before


# The review loop.


def test_review_page_completeness_and_corrections_through_the_service(
    service: Service, keys: Keys
) -> None:
    line = submitted(upload(service, keys.ken, KENYA, name="kenya.docx"))
    record = record_of(service, keys.ken, line["id"])
    with client(service, keys.secretariat) as http:
        page = http.get(f"/v1/reports/{line['id']}/review")
        assert page.status_code == 200 and line["filename"] in page.text
        assert "connect-src 'self'" in page.headers["Content-Security-Policy"]
        missing = http.get(f"/v1/reports/{line['id']}/completeness").json()
        assert missing["id"] == line["id"] and isinstance(missing["missing"], list)
        assert missing["summary"]
        measure = record["measures"][0]
        corrections = {
            "record_sha256": record["source"]["sha256"],
            "extractor_version": record["extractor"]["version"],
            "reviewer": "A. Reviewer",
            "time": "2026-12-01T10:00:00Z",
            "review_state": "in_review",
            "changes": [
                {
                    "measure_id": measure["measure_id"],
                    "field": "title",
                    "kind": "set",
                    "old": measure["title"],
                    "new": "Corrected through the service",
                    "note": "",
                }
            ],
        }
        stored = http.post(f"/v1/reports/{line['id']}/corrections", json=corrections)
        assert stored.status_code == 201, stored.text
        assert stored.json()["stored_changes"] == 1
        wrong = {**corrections, "changes": [{**corrections["changes"][0], "field": "nonsense"}]}
        refused = http.post(f"/v1/reports/{line['id']}/corrections", json=wrong)
        assert refused.status_code == 422 and refused.json()["detail"]["message"]
        assert http.post(f"/v1/reports/{line['id']}/corrections", content=b"{").status_code == 422
    trail = service.batch / "corrections" / f"{line['sha256']}.jsonl"
    assert len(trail.read_text().splitlines()) == 1
    with client(service, keys.ken) as http:  # a submitter reads, but does not correct
        page = http.get(f"/v1/reports/{line['id']}/review")
        assert page.status_code == 200
        assert "connect-src" not in page.headers["Content-Security-Policy"]
        answer = http.post(f"/v1/reports/{line['id']}/corrections", json=corrections)
        assert answer.status_code == 403
    deadline = time.monotonic() + 60
    while "Corrected through the service" not in {r["title"] for r in _dataset_rows(service, keys)}:
        assert time.monotonic() < deadline, "the dataset never took the correction"
        time.sleep(0.5)


def test_the_dataset_in_three_formats_for_a_reader(service: Service, keys: Keys) -> None:
    submitted_line = submitted(upload(service, keys.ken, KENYA, name="k.docx"))
    record_of(service, keys.ken, submitted_line["id"])
    with client(service, keys.reader) as http:
        csv = http.get("/v1/dataset.csv")
        jsonl = http.get("/v1/dataset.jsonl")
        parquet = http.get("/v1/dataset.parquet")
        assert http.get("/v1/dataset.xlsx").status_code == 404
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("measure_id") or "," in csv.text.splitlines()[0]
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(rows) == len(csv.text.splitlines()) - 1 or rows
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == len(rows)


# The batch folder while the service holds it.


def test_commands_that_would_write_the_batch_are_turned_away_read_only_ones_work(
    service: Service,
) -> None:
    refused = subprocess.run(
        [*QPR, "ingest", str(CHILE), "--out", str(service.batch), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 3
    assert "intake service" in refused.stderr and f"{service.url}/v1/reports" in refused.stderr
    records = sorted(str(path) for path in (service.batch / "records").glob("*.json"))
    valid = subprocess.run(
        [*QPR, "validate", *records], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_runs_are_prefect_flow_runs_per_batch_of_uploads_not_per_request(
    service: Service, keys: Keys, tmp_path: Path
) -> None:
    before = _flow_runs(service)
    lines = []
    with client(service, keys.fra) as http:
        for number in range(6):
            data = CHILE.read_bytes() + f"\nNote {number}.\n".encode()
            files = {"file": (f"note-{number}.txt", data)}
            lines.append(submitted(http.post("/v1/reports", files=files)))
    for line in lines:
        record_of(service, keys.fra, line["id"])
    added = _flow_runs(service) - before
    assert 1 <= added < len(lines)


# Limits of use.


def test_a_key_over_its_rate_is_429_and_a_full_queue_is_503_with_retry_after(
    tmp_path: Path, api: str
) -> None:
    keys = tmp_path / "keys.toml"
    fra = make_key(keys, "submitter", "FRA")
    options = ("--rate-limit", "5", "--max-queue", "1")
    with Service(tmp_path / "batch", keys, options, api) as service, client(service, fra) as http:
        files = [("file", ("a.txt", CHILE.read_bytes())), ("file", ("b.docx", BENIN.read_bytes()))]
        full = http.post("/v1/reports", files=files)
        assert full.status_code == 503 and int(full.headers["Retry-After"]) > 0
        assert not (service.batch / "uploads").exists()
        answers = [http.get("/v1/reports").status_code for _ in range(6)]
        assert answers[-1] == 429
        limited = http.get("/v1/reports")
        assert int(limited.headers["Retry-After"]) >= 1
        assert limited.json()["detail"]["code"] == "rate_limited"


def test_without_a_keys_file_only_health_and_docs_answer_and_the_start_says_how_to_make_keys(
    tmp_path: Path, api: str
) -> None:
    with Service(tmp_path / "batch", tmp_path / "none.toml", (), api) as service:
        with client(service) as http:
            assert http.get("/healthz").status_code == 200
            assert http.get("/docs").status_code == 200
            refused = http.get("/v1/reports", headers={"Authorization": "Bearer qpr_x"})
            assert refused.status_code == 401
            assert "qpr keys add" in refused.json()["detail"]["message"]
    assert any("qpr keys add --role secretariat" in line for line in service.log)


def _broken_docx(path: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            copy.writestr(
                item, b"<w:document><broken" if item.filename == "word/document.xml" else data
            )
    return out.getvalue()


def test_a_port_in_use_is_a_sentence_and_the_batch_is_left_unlocked(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        done = subprocess.run(
            [*QPR, "serve-api", "--batch", str(tmp_path / "batch"), "--port", port],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 3
    assert f"port {port} on 127.0.0.1 is in use" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "batch" / ".qpr.lock").exists()


def _flow_runs(service: Service) -> int:
    """The Prefect flow runs of the ingest flow into this service's batch folder."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as prefect:
        runs = prefect.read_flow_runs(limit=200)
    return sum(1 for run in runs if run.parameters.get("out") == str(service.batch))


def _dataset_rows(service: Service, keys: Keys) -> list[dict[str, Any]]:
    with client(service, keys.secretariat) as http:
        answer = http.get("/v1/dataset.jsonl")
    if answer.status_code == 404:
        return []
    return [json.loads(line) for line in answer.text.splitlines()]
