"""The intake service under load (issue #17): generated documents uploaded by concurrent clients,
against `qpr ingest` on the same documents; uploads while extraction runs; then the same load
with `kill -9`s of the server.

Run: make bench-intake   (or .venv/bin/python benchmarks/intake_load.py [--documents 500]
     [--small 100] [--wave 100] [--clients 20] [--workers 2] [--rounds 3] [--runs ...]
     [--work .bench/intake] [--keep] [--no-write])

Everything runs on loopback. Each round, in turn:
- `small`, `large`: `qpr serve-api --workers W` on a fresh batch folder (tests/intake_server.py),
  then N distinct documents of the seeded corpus (`samples/corpus.py`, its documents only)
  uploaded by `clients` threads, each with the key of its own Party, one file per request; a
  429 or 503 is retried after its Retry-After. Timed from the first upload to the moment every
  submission's record is written and nothing is queued, with the server's resident memory
  sampled every 0.2 s (the HTTP process, which holds the ingest loop and the flow's driver;
  and with its descendants, the flow's worker processes);
- `wave`: the large load, then `wave` more documents uploaded once its run's worker processes
  exist: the accept latency while extraction runs;
- `ingest`: `qpr ingest DOCS --out OUT --workers W` on the same N documents, timed from outside.
Both report to one Prefect API started by this script before anything is timed (as a deployed
service has one): neither pays its start.

The kill run: the large load; once half the uploads are accepted, `kill -9` of the server
process (its supervisor then ends everything it started); it is started again on the same batch
folder (a new port, which the clients follow: they retry an upload whose connection failed);
then a second kill once extraction has written a fifth of the records more, and a restart.
Every submission answered 202 must end as a record byte-identical to the uninterrupted run's.

Writes benchmarks/intake_results.json and its section of benchmarks/results.md
(benchmarks/results_table.py renders it; nothing else there is measured again). `--runs`
picks runs to look into, and then writes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
RESULTS_JSON = HERE / "intake_results.json"
RESULTS_MD = HERE / "results.md"
FORMATS = (".txt", ".docx", ".pdf", ".html")
# Twenty Parties, one submitter key each.
PARTIES = "FRA DEU ITA ESP KEN IND NAM BRB MDG BFA ECU CAN MEX BRA ARG SEN MAR TUN NOR SWE".split()
# Bounds: nothing here waits forever.
START_SECONDS = 120.0
REQUEST_SECONDS = 60.0
RUN_SECONDS = 600.0
INGEST_SECONDS = 900.0
SAMPLE_SECONDS = 0.2
# The runs of a round, then the kill run.
RUNS = ("small", "large", "wave", "ingest", "kill")

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))


# --------------------------------------------------------------------------- set-up


def prefect_environment(home: Path) -> None:
    """Prefect's settings for this process and everything it starts, before Prefect is
    imported (it reads them once): a PREFECT_HOME of the benchmark's own, analytics off."""
    os.environ.update(
        PREFECT_HOME=str(home),
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    os.environ.pop("PREFECT_API_URL", None)


@contextlib.contextmanager
def prefect_api() -> Any:
    """One Prefect API for the whole benchmark (Prefect's own temporary server, in a process of
    its own); its URL."""
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=90)
    try:
        yield server.api_url
    finally:
        server.stop()


def corpus(work: Path, documents: int) -> list[Path]:
    """The first `documents` documents of the seeded corpus (its truth files are not inputs)."""
    folder = work / f"corpus-{documents}"
    docs = folder / "docs"
    found = (
        sorted(path for path in docs.glob("*") if path.suffix in FORMATS) if docs.is_dir() else []
    )
    if len(found) != documents:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [sys.executable, "-m", "samples.corpus", "--n", str(documents), "--out", str(folder)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=600,
        )
        found = sorted(path for path in docs.glob("*") if path.suffix in FORMATS)
    assert len(found) == documents, f"{len(found)} documents in {docs}"
    return found


def make_keys(path: Path) -> dict[str, str]:
    """A submitter key per Party and a secretariat key, written to a keys file; the keys by
    Party ("" for the secretariat's)."""
    from flows.api_keys import new_key, save_keys

    today, made, entries = date.today().isoformat(), {}, []
    for party in (*PARTIES, ""):
        key, entry = new_key(
            "submitter" if party else "secretariat",
            party or None,
            today,
            {e.id for e in entries},
        )
        made[party] = key
        entries.append(entry)
    save_keys(path, entries)
    return made


# --------------------------------------------------------------------------- measuring


class MemorySampler:
    """The server's resident memory every SAMPLE_SECONDS: the HTTP process alone (the pid in
    the batch's lock file, followed across a restart) and with all its descendants."""

    def __init__(self, pid_of: Any) -> None:
        self.pid_of = pid_of
        self.server_peak = 0
        self.server_peak_at = 0.0  # time.perf_counter() of the server's peak
        self.tree_peak = 0
        self.samples = 0
        self.extracting: list[tuple[float, bool]] = []
        self.timeline: list[tuple[float, int, int, int]] = []  # when, MiB, tree MiB, children
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(SAMPLE_SECONDS):
            try:
                server = psutil.Process(self.pid_of())
                rss = server.memory_info().rss
                tree = rss
                children = server.children(recursive=True)
                for child in children:
                    with contextlib.suppress(psutil.Error):
                        tree += child.memory_info().rss
            except (psutil.Error, OSError, ValueError):
                continue  # between a kill and the restart
            if rss > self.server_peak:
                self.server_peak, self.server_peak_at = rss, time.perf_counter()
            self.tree_peak = max(self.tree_peak, tree)
            self.samples += 1
            # A flow run is in progress while the server has worker processes.
            self.extracting.append((time.perf_counter(), bool(children)))
            self.timeline.append((time.perf_counter(), rss >> 20, tree >> 20, len(children)))

    def was_extracting(self, moment: float) -> bool:
        """Whether a flow run was in progress at `moment` (by the sample before it)."""
        before = [busy for when, busy in self.extracting if when <= moment]
        return bool(before) and before[-1]


@dataclass
class Upload:
    path: Path
    party: str
    status: int = 0
    latency: float = 0.0
    began: float = 0.0  # time.perf_counter() when the answered request was sent
    id: str = ""
    sha256: str = ""
    retried: dict[str, int] = field(default_factory=dict)


@dataclass
class Load:
    """The uploads of one run and what the service answered."""

    uploads: list[Upload]
    keys: dict[str, str]
    url: str
    accepted: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    first_upload: float = 0.0
    last_accept: float = 0.0

    def answered(self, upload: Upload) -> None:
        with self.lock:
            if upload.status == 202:
                self.accepted += 1
                self.last_accept = time.perf_counter()


def multipart(name: str, data: bytes) -> tuple[str, bytes]:
    """A request body with one `file` field, and its content type."""
    boundary = f"qpr-bench-{os.urandom(12).hex()}"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    return (
        f"multipart/form-data; boundary={boundary}",
        head + data + f"\r\n--{boundary}--\r\n".encode(),
    )


class Client:
    """A kept-alive HTTP/1.1 connection to the service's current address, made again after a
    failure. Plain http.client with bodies encoded beforehand, so that the clients, which share
    the machine's two cores with the server, cost it little; TCP_NODELAY as curl and urllib3
    set it."""

    def __init__(self, load: Load) -> None:
        self.load = load
        self.connection: http.client.HTTPConnection | None = None
        self.url = ""

    def request(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        if self.connection is None or self.url != self.load.url:
            self.close()
            self.url = self.load.url
            host, port = self.url.removeprefix("http://").rsplit(":", 1)
            self.connection = http.client.HTTPConnection(host, int(port), timeout=REQUEST_SECONDS)
            self.connection.connect()
            assert self.connection.sock is not None
            self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
            return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def client(load: Load, mine: list[Upload], start: threading.Barrier, deadline: float) -> None:
    """One client: its uploads one after the other, one file per request. A 429 or 503 is
    tried again after its Retry-After, a failed connection (the server killed) after 0.2 s at
    the service's current address."""
    connection = Client(load)
    bodies = [multipart(upload.path.name, upload.path.read_bytes()) for upload in mine]
    start.wait()
    for upload, (content_type, body) in zip(mine, bodies, strict=True):
        headers = {
            "Authorization": f"Bearer {load.keys[upload.party]}",
            "Content-Type": content_type,
        }
        while time.monotonic() < deadline:
            began = time.perf_counter()
            try:
                status, answer_headers, answer = connection.request(
                    "POST", "/v1/reports", body, headers
                )
            except (OSError, http.client.HTTPException) as error:
                kind = type(error).__name__
                upload.retried[kind] = upload.retried.get(kind, 0) + 1
                time.sleep(0.2)
                continue
            upload.latency, upload.began = time.perf_counter() - began, began
            upload.status = status
            if status in (429, 503):
                upload.retried[str(status)] = upload.retried.get(str(status), 0) + 1
                time.sleep(float(answer_headers.get("retry-after", "1")))
                continue
            if status == 202:
                line = json.loads(answer)["submissions"][0]
                upload.id, upload.sha256 = line["id"], line["sha256"]
            load.answered(upload)
            break
    connection.close()


def upload_all(load: Load, clients: int) -> list[threading.Thread]:
    """Start the clients (each its share of the uploads, in turn); they begin together."""
    start = threading.Barrier(clients + 1)
    deadline = time.monotonic() + RUN_SECONDS
    threads = [
        threading.Thread(
            target=client, args=(load, load.uploads[index::clients], start, deadline), daemon=True
        )
        for index in range(clients)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    load.first_upload = time.perf_counter()
    return threads


def wait_for_records(load: Load, batch: Path, threads: list[threading.Thread]) -> float:
    """When every accepted upload's record file exists (the clients done)."""
    deadline = time.monotonic() + RUN_SECONDS
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    missing = {upload.sha256 for upload in load.uploads if upload.status == 202}
    while missing and time.monotonic() < deadline:
        missing = {sha for sha in missing if not (batch / "records" / f"{sha}.json").exists()}
        if missing:
            time.sleep(0.05)
    return time.perf_counter()


def wait_until_served(load: Load) -> tuple[float, int]:
    """When nothing is queued any more (every record written and the run that wrote it
    finished: the service no longer answers 202 for any), polling /healthz, which no rate
    limit slows; then how many submissions the service still lists as pending."""
    import httpx

    deadline = time.monotonic() + RUN_SECONDS
    with httpx.Client(timeout=REQUEST_SECONDS) as http:
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.TransportError, ValueError):
                if http.get(f"{load.url}/healthz").json().get("queued") == 0:
                    break
            time.sleep(0.05)
        served = time.perf_counter()
        headers = {"Authorization": f"Bearer {load.keys['']}"}
        answer = http.get(f"{load.url}/v1/reports?status=pending", headers=headers)
        pending = answer.json()["count"] if answer.status_code == 200 else -1
    return served, pending


def final_answers(load: Load) -> dict[int, int]:
    """Each accepted submission asked for by its own Party's key: counts by status."""
    import httpx

    counts: dict[int, int] = {}
    with httpx.Client(timeout=REQUEST_SECONDS) as http:
        for upload in load.uploads:
            if upload.status != 202:
                continue
            headers = {"Authorization": f"Bearer {load.keys[upload.party]}"}
            answer = http.get(f"{load.url}/v1/reports/{upload.id}", headers=headers)
            counts[answer.status_code] = counts.get(answer.status_code, 0) + 1
    return counts


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def summarise(load: Load, memory: MemorySampler) -> dict[str, Any]:
    latencies = [upload.latency for upload in load.uploads if upload.status == 202]
    during = [
        upload.latency
        for upload in load.uploads
        if upload.status == 202 and memory.was_extracting(upload.began)
    ]
    statuses: dict[str, int] = {}
    retried: dict[str, int] = {}
    for upload in load.uploads:
        statuses[str(upload.status)] = statuses.get(str(upload.status), 0) + 1
        for kind, count in upload.retried.items():
            retried[kind] = retried.get(kind, 0) + count
    fours = sum(count for status, count in statuses.items() if status.startswith("4"))
    fives = sum(count for status, count in statuses.items() if status.startswith("5"))
    return {
        "uploads": len(load.uploads),
        "accepted": statuses.get("202", 0),
        "statuses": statuses,
        # Answers a client had to repeat (429/503 after Retry-After; connection errors).
        "retried": retried,
        "4xx": fours + retried.get("429", 0),
        "5xx": fives + retried.get("503", 0),
        "latency_ms": {
            "p50": round(1000 * percentile(latencies, 0.50), 1) if latencies else None,
            "p95": round(1000 * percentile(latencies, 0.95), 1) if latencies else None,
            "max": round(1000 * max(latencies), 1) if latencies else None,
        },
        # The accepted uploads sent while a flow run was in progress, and their latency.
        "during_extraction": {
            "accepted": len(during),
            "p95_ms": round(1000 * percentile(during, 0.95), 1) if during else None,
        },
        "upload_seconds": round(load.last_accept - load.first_upload, 2),
    }


# --------------------------------------------------------------------------- runs


def service_options(arguments: argparse.Namespace) -> tuple[str, ...]:
    return ("--workers", str(arguments.workers))


def service_run(
    documents: list[Path],
    batch: Path,
    keys_file: Path,
    keys: dict[str, str],
    api: str,
    arguments: argparse.Namespace,
    kill: bool = False,
    wave: list[Path] | None = None,
) -> tuple[dict[str, Any], Load]:
    """One load on a fresh batch folder: the figures, and the uploads with their answers.
    `wave`: more documents, uploaded by as many clients once the load's extraction runs (their
    figures under "wave")."""
    from intake_server import Service

    shutil.rmtree(batch, ignore_errors=True)
    batch.mkdir(parents=True)
    options = service_options(arguments)
    services = [Service(batch, keys_file, options=options, api=api).start(START_SECONDS)]
    uploads = [Upload(path, PARTIES[index % len(PARTIES)]) for index, path in enumerate(documents)]
    load = Load(uploads, keys, services[0].url)
    killed: list[dict[str, Any]] = []
    pid_of = lambda: services[-1].server_pid  # noqa: E731
    try:
        with MemorySampler(pid_of) as memory:
            threads = upload_all(load, arguments.clients)
            if kill:
                killed = kill_and_restart(load, batch, services, api, keys_file, options)
            if wave:
                waved = upload_wave(load, wave, threads, memory, arguments.clients)
            records_at = wait_for_records(load, batch, threads)
            if wave:
                wait_for_records(waved, batch, [])
            served_at, pending = wait_until_served(load)
        answers = final_answers(load)
        if wave:
            wave_figures = summarise(waved, memory)
            wave_figures["final_answers"] = {
                str(status): count for status, count in sorted(final_answers(waved).items())
            }
    finally:
        for service in services:
            if service.process is not None and service.process.poll() is None:
                service.stop(60)
    figures = summarise(load, memory)
    if arguments.keep:  # the memory through the run, for a look
        timeline = [(round(when - load.first_upload, 2), *rest) for when, *rest in memory.timeline]
        batch.with_name(f"{batch.name}-memory.json").write_text(json.dumps(timeline))
    seconds = served_at - load.first_upload
    count = len(documents) + len(wave or [])
    figures.update(
        documents=count,
        records_seconds=round(records_at - load.first_upload, 2),
        seconds=round(seconds, 2),
        documents_per_second=round(count / seconds, 1),
        still_pending=pending,
        final_answers={str(status): count for status, count in sorted(answers.items())},
        server_peak_mib=round(memory.server_peak / 2**20),
        server_peak_seconds=round(memory.server_peak_at - load.first_upload, 1),
        tree_peak_mib=round(memory.tree_peak / 2**20),
        memory_samples=memory.samples,
        ingest_runs=len(list((batch / "runs").glob("*.json"))),
    )
    if kill:
        figures["kills"] = killed
    if wave:
        figures["wave"] = wave_figures
    return figures, load


def upload_wave(
    load: Load,
    wave: list[Path],
    threads: list[threading.Thread],
    memory: MemorySampler,
    clients: int,
) -> Load:
    """Once the load is accepted and its extraction runs (the server has worker processes),
    the wave's documents uploaded by `clients` clients; their uploads, answered."""
    deadline = time.monotonic() + RUN_SECONDS
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    while not (memory.extracting and memory.extracting[-1][1]) and time.monotonic() < deadline:
        time.sleep(0.05)
    uploads = [Upload(path, PARTIES[index % len(PARTIES)]) for index, path in enumerate(wave)]
    waved = Load(uploads, load.keys, load.url)
    for thread in upload_all(waved, clients):
        thread.join(max(0.0, deadline - time.monotonic()))
    return waved


def kill_and_restart(
    load: Load,
    batch: Path,
    services: list[Any],
    api: str,
    keys_file: Path,
    options: tuple[str, ...],
) -> list[dict[str, Any]]:
    """Two `kill -9`s of the server, each followed by a start of the service on the same batch
    folder (the clients follow its new address): once half the uploads are accepted (uploads in
    flight), then once a fifth of the records more are written (extraction in flight, whatever
    the first kill caught)."""
    from intake_server import Service

    count = len(load.uploads)
    records = batch / "records"

    def written() -> int:
        return sum(1 for _ in records.glob("*.json")) if records.is_dir() else 0

    kills = []
    for name, ready in (
        ("half the uploads accepted", lambda start: load.accepted >= count // 2),
        ("a fifth of the records more", lambda start: written() >= start + count // 5),
    ):
        start_records = written()
        deadline = time.monotonic() + RUN_SECONDS
        while not ready(start_records) and time.monotonic() < deadline:
            time.sleep(0.01)
        accepted, before = load.accepted, written()
        if before >= count:
            kills.append({"when": name, "skipped": "every record was written"})
            continue
        pid = services[-1].server_pid
        extracting = _descendants(pid)
        services[-1].kill(60)
        killed_at = time.perf_counter()
        load.url = "http://127.0.0.1:9"  # nothing listens: the clients retry until the restart
        service = Service(batch, keys_file, options=options, api=api)
        services.append(service)
        service.start(START_SECONDS)
        load.url = service.url
        kills.append(
            {
                "when": name,
                "accepted_before": accepted,
                "records_before": before,
                # The server's descendants then: a flow run's worker processes and sandboxes.
                "processes_below_server": extracting,
                "seconds_after_first_upload": round(killed_at - load.first_upload, 2),
                "restart_seconds": round(time.perf_counter() - killed_at, 2),
            }
        )
    return kills


def _descendants(pid: int) -> int:
    import psutil

    try:
        return len(psutil.Process(pid).children(recursive=True))
    except psutil.Error:
        return 0


def ingest_run(docs: list[Path], out: Path, api: str, workers: int) -> dict[str, Any]:
    """`qpr ingest` on the same documents (hard links in a folder of their own), timed from
    outside: wall seconds and the largest single process's peak memory."""
    from ingest_flow import measured

    folder = out.with_name(out.name + "-docs")
    if not folder.is_dir() or len(list(folder.iterdir())) != len(docs):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in docs:
            os.link(path, folder / path.name)
    shutil.rmtree(out, ignore_errors=True)
    qpr = str(Path(sys.executable).with_name("qpr"))
    environment = {**os.environ, "PREFECT_API_URL": api}
    environment.pop("QPR_SUPERVISED", None)
    command = [qpr, "ingest", str(folder), "--out", str(out), "--workers", str(workers), "--quiet"]
    seconds, peak_mib = measured(command, environment, timeout=INGEST_SECONDS)
    records = len(list((out / "records").glob("*.json")))
    return {
        "documents": len(docs),
        "records": records,
        "seconds": round(seconds, 2),
        "documents_per_second": round(len(docs) / seconds, 1),
        "peak_mib": round(peak_mib),
    }


def compare_records(reference: Path, batch: Path, load: Load) -> dict[str, Any]:
    """Every accepted upload's record in `batch` against the uninterrupted run's, byte for
    byte; records that do not parse; temporary files left."""
    accepted = [upload for upload in load.uploads if upload.status == 202]
    identical = missing = different = 0
    for upload in accepted:
        ours = batch / "records" / f"{upload.sha256}.json"
        if not ours.exists():
            missing += 1
        elif ours.read_bytes() == (reference / "records" / f"{upload.sha256}.json").read_bytes():
            identical += 1
        else:
            different += 1
    unparsable = 0
    for path in (batch / "records").glob("*.json"):
        try:
            json.loads(path.read_bytes())
        except ValueError:
            unparsable += 1
    return {
        "accepted": len(accepted),
        "records": len(accepted) - missing,
        "identical": identical,
        "different": different,
        "lost": missing,
        "unparsable": unparsable,
        "temporary_files": len(list((batch / "records").glob(".*.tmp"))),
    }


# --------------------------------------------------------------------------- the benchmark


def median_of(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(run[key] for run in runs), 2)


def run_all(arguments: argparse.Namespace) -> dict[str, Any]:
    work = arguments.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    everything = corpus(work, arguments.documents + arguments.wave)
    documents, wave = everything[: arguments.documents], everything[arguments.documents :]
    small = documents[: arguments.small]
    scratch = Path(tempfile.mkdtemp(prefix="qpr-intake-bench-", dir=work))
    prefect_environment(scratch / "prefect-home")
    keys_file = scratch / "keys.toml"
    keys = make_keys(keys_file)
    runs = set(arguments.runs)
    shown = work.relative_to(ROOT) if work.is_relative_to(ROOT) else work
    results: dict[str, Any] = {"options": vars(arguments) | {"work": str(shown)}}
    rounds: dict[str, list[dict[str, Any]]] = {"small": [], "large": [], "wave": [], "ingest": []}
    kill: dict[str, Any] = {}

    def service(name: str, docs: list[Path], **options: Any) -> tuple[dict[str, Any], Load]:
        return service_run(docs, scratch / name, keys_file, keys, api, arguments, **options)

    try:
        with prefect_api() as api:
            # Untimed: Prefect's first flow run against this API, and the first start of the
            # service (compiled modules, page cache).
            ingest_run(documents[:1], scratch / "warm-ingest", api, arguments.workers)
            service("warm", documents[:1])
            for number in range(arguments.rounds):
                say(f"round {number + 1} of {arguments.rounds}")
                if "small" in runs:
                    figures, _ = service("small", small)
                    rounds["small"].append(figures)
                    say(f"  service, {len(small)}: {brief(figures)}")
                if "large" in runs:
                    figures, _ = service("large", documents)
                    rounds["large"].append(figures)
                    say(f"  service, {len(documents)}: {brief(figures)}")
                if "wave" in runs and wave:
                    figures, _ = service("wave", documents, wave=wave)
                    rounds["wave"].append(figures)
                    say(f"  service, {len(documents)}, then {len(wave)}: {brief(figures['wave'])}")
                if "ingest" in runs:
                    figures = ingest_run(documents, scratch / "ingest", api, arguments.workers)
                    rounds["ingest"].append(figures)
                    say(f"  qpr ingest, {len(documents)}: {figures['seconds']} s")
            if "kill" in runs:
                if not (scratch / "large").is_dir():  # the uninterrupted run to compare with
                    service("large", documents)
                figures, load = service("killed", documents, kill=True)
                figures["records"] = compare_records(scratch / "large", scratch / "killed", load)
                kill = figures
                say(f"  kill run: {figures['kills']} {figures['records']}")
    finally:
        if not arguments.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    results.update(rounds=rounds, kill=kill)
    if runs == set(RUNS):
        results["summary"] = summary(rounds)
    return results


def medians(runs: list[dict[str, Any]]) -> dict[str, float]:
    """The accept latency's p50, p95 and max: each the median over the runs."""
    return {
        name: round(statistics.median(run["latency_ms"][name] for run in runs), 1)
        for name in ("p50", "p95", "max")
    }


def summary(rounds: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Medians over the rounds; the answers, 5xx and lost counts over every load of them."""
    large, small, ingest = rounds["large"], rounds["small"], rounds["ingest"]
    waves = [run["wave"] for run in rounds["wave"]]
    loads = [*small, *large, *rounds["wave"], *waves]
    service_seconds, ingest_seconds = median_of(large, "seconds"), median_of(ingest, "seconds")
    server_large = statistics.median(run["server_peak_mib"] for run in large)
    server_small = statistics.median(run["server_peak_mib"] for run in small)
    return {
        "documents": large[0]["documents"],
        "small_documents": small[0]["documents"],
        "uploads": sum(run["uploads"] for run in loads),
        "accepted": sum(run["accepted"] for run in loads),
        "4xx": sum(run["4xx"] for run in loads),
        "5xx": sum(run["5xx"] for run in loads),
        "lost": sum(run["accepted"] - run["final_answers"].get("200", 0) for run in loads),
        "latency_ms": medians(large),
        "wave": {
            "documents": waves[0]["uploads"] if waves else 0,
            "during_extraction": min(
                (run["during_extraction"]["accepted"] for run in waves), default=0
            ),
            "latency_ms": medians(waves) if waves else None,
        },
        "upload_seconds": median_of(large, "upload_seconds"),
        "service_seconds": service_seconds,
        "service_records_seconds": median_of(large, "records_seconds"),
        "ingest_seconds": ingest_seconds,
        "throughput_ratio": round(ingest_seconds / service_seconds, 3),
        "ingest_runs": median_of(large, "ingest_runs"),
        "server_peak_mib": {"small": server_small, "large": server_large},
        "memory_ratio": round(server_large / server_small, 3),
        "tree_peak_mib": {
            "small": statistics.median(run["tree_peak_mib"] for run in small),
            "large": statistics.median(run["tree_peak_mib"] for run in large),
        },
    }


def brief(figures: dict[str, Any]) -> str:
    line = (
        f"{figures['accepted']} accepted, {figures['5xx']} 5xx, p50/p95 "
        f"{figures['latency_ms']['p50']}/{figures['latency_ms']['p95']} ms "
        f"({figures['during_extraction']['accepted']} during extraction: p95 "
        f"{figures['during_extraction']['p95_ms']})"
    )
    if "seconds" not in figures:
        return line
    return line + (
        f", {figures['seconds']} s ({figures['records_seconds']} s to the last record), "
        f"{figures['ingest_runs']} run(s), server {figures['server_peak_mib']} MiB "
        f"(peak at {figures['server_peak_seconds']} s; tree {figures['tree_peak_mib']})"
    )


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--small", type=int, default=100, help="the memory baseline's uploads")
    parser.add_argument(
        "--wave",
        type=int,
        default=100,
        help="more documents uploaded while the load's extraction runs (0: none)",
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench" / "intake")
    parser.add_argument(
        "--runs",
        nargs="+",
        choices=RUNS,
        default=list(RUNS),
        help="only these runs (to look into one; nothing is written then)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the batch folders")
    parser.add_argument(
        "--no-write", action="store_true", help="print only; leave the results files alone"
    )
    arguments = parser.parse_args()
    assert arguments.clients <= len(PARTIES), f"at most {len(PARTIES)} clients (one per Party)"
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally blocks stop services
    started = time.perf_counter()
    results = run_all(arguments)
    from run import machine

    results["machine"] = machine()
    results["minutes"] = round((time.perf_counter() - started) / 60, 1)
    results["command"] = "make bench-intake"
    if "summary" not in results:
        print(json.dumps(results, indent=2))
        return
    from results_table import intake_section

    print("\n".join(intake_section(results)))
    if not arguments.no_write:
        RESULTS_JSON.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        from results_table import render

        full = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        RESULTS_MD.write_text(render(full), encoding="utf-8")


if __name__ == "__main__":
    main()
