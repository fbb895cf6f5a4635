"""The ingest flow: a folder, a zip archive or a list of files in, the batch layout of design.md
§4 out (records, dataset, codebook, quarantine, manifest, runs).

The flow is thin: it hashes the inputs, skips those already done under this extractor version,
hands chunks of documents' bytes to `extract_chunk` tasks (several local processes, or a Dask
cluster) and writes what comes back. Only this driver writes the output folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import math
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.deployments.runner import RunnerDeployment
from prefect.futures import PrefectFuture
from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.progress import Progress
from flows.sandbox import shared_sandbox
from flows.sources import InputFile, find_inputs
from flows.store import BatchStore
from flows.summary import RecordFacts, RunSummary, summary_markdown
from pipeline import record_json
from pipeline.assemble import extractor_version, failed_from_error
from pipeline.limits import DEFAULT_LIMITS, Limits, file_too_large
from schemas.outcome import IssueCode
from schemas.report import SourceInfo

# A Prefect task run costs about 30 ms of CPU in the driver, and more in the API: documents go
# to workers in chunks, bounded in count and in bytes so a worker never holds a whole archive,
# and cut so that each worker gets several (an even spread, and progress to watch). The driver's
# memory grows with the chunk's size, not only while it is in flight: through 10,000 documents
# its peak was 442 MiB with chunks of 256, 347 MiB with 64 or 32 (flat until the outputs).
CHUNK_DOCUMENTS = 64
CHUNK_BYTES = 32 * 2**20
CHUNKS_PER_WORKER = 8
# Chunks in flight per worker: enough to keep every worker busy, few enough that the driver's
# memory does not grow with the archive.
CHUNKS_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class Document:
    """One distinct input, as a worker gets it: its bytes, never a path (a remote worker does
    not share the driver's disk)."""

    sha256: str
    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Extracted:
    sha256: str
    record_json: str
    facts: RecordFacts
    issue_message: str | None
    seconds: float


@dataclass(frozen=True, slots=True)
class _Pending:
    """An input still to extract: its hash, every path it was found under, and one to read."""

    sha256: str
    paths: tuple[str, ...]
    source: InputFile


# No task caches, persists or keeps its result: the records are the results, written by the
# driver as chunks come back. (Prefect keeps up to 1,000 results in memory by default: 40
# results of 5 MB took a flow from 164 to 360 MiB, against 168 MiB without.)
@task(
    name="extract-chunk", cache_policy=NO_CACHE, persist_result=False, cache_result_in_memory=False
)
def extract_chunk(documents: list[Document], limits: Limits = DEFAULT_LIMITS) -> list[Extracted]:
    """Extract a chunk of documents in a worker's sandbox: a child process whose parsers,
    tables and langdetect profiles load once and serve every chunk the worker gets, and which
    is stopped and replaced when a document runs past `limits.seconds_per_document` or
    crashes it (that document gets a `timeout` or `corrupt` record, the chunk goes on)."""
    sandbox = shared_sandbox(limits)
    extracted = []
    for document in documents:
        start = time.perf_counter()
        record = sandbox.extract(document.data, document.name)
        facts = RecordFacts.of(record)
        extracted.append(
            Extracted(
                sha256=document.sha256,
                record_json=record_json(record) + "\n",
                facts=facts,
                issue_message=record.issues[0].message if facts.failure else None,
                seconds=time.perf_counter() - start,
            )
        )
    return extracted


@task(
    name="read-chunk",
    retries=2,
    retry_delay_seconds=1,
    cache_policy=NO_CACHE,
    persist_result=False,
    cache_result_in_memory=False,
)
def read_chunk(pending: list[_Pending]) -> list[Document]:
    return [Document(item.sha256, item.source.name, item.source.read()) for item in pending]


@task(
    name="write-outputs",
    retries=2,
    retry_delay_seconds=1,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def write_outputs(store: BatchStore, inputs: dict[str, list[str]], version: str) -> int:
    """Manifest and dataset files, rebuilt from records/ so that a run that was killed and
    started again ends with the same bytes as one that never stopped."""
    store.write_manifest(inputs, version)
    return store.rebuild_dataset()


@flow(name="qpr-ingest")
def ingest(
    sources: list[str],
    out: str,
    workers: int = 1,
    include_contact: bool = False,
    stop_after: int | None = None,
    limits: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Ingest `sources` (folders, zip archives, files) into the output folder `out`, each
    input within `limits` (pipeline.limits.Limits' fields; the defaults where not given).

    `stop_after` ends the run after that many new records, as a crash would (for tests of
    resumption); the outputs are then left as a killed run leaves them.
    """
    logger = get_run_logger()
    started = time.time()
    version = extractor_version()
    store = BatchStore(Path(out), include_contact=include_contact)
    inputs, pending, unreadable = _scan(sources, store, version)
    logger.info(
        "%d input file(s), %d distinct, %d to extract", _count(inputs), len(inputs), len(pending)
    )
    summary = RunSummary(extractor_version=version, inputs=_count(inputs), distinct=len(inputs))
    summary.skipped = len(inputs) - len(pending)
    summary.unreadable = unreadable
    finished = extract_pending(
        pending, store, summary, workers, stop_after, Limits(**(limits or {}))
    )
    if not finished:
        return summary.as_dict()
    summary.rows = write_outputs(store, inputs, version)
    summary.seconds = round(time.time() - started, 3)
    store.write_run(_run_name(started), summary.as_dict())
    create_markdown_artifact(
        summary_markdown(summary), key="qpr-ingest-summary", description="qpr ingest run"
    )
    return summary.as_dict()


def extract_pending(
    pending: list[_Pending],
    store: BatchStore,
    summary: RunSummary,
    workers: int,
    stop_after: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> bool:
    """Extract `pending` in chunks on the flow's task runner, writing each record as its chunk
    comes back; a bounded number of chunks is in flight. False when stopped by `stop_after`.
    An input over the size limit is never read: its record is made here."""
    progress = Progress(total=len(pending))
    for item in [item for item in pending if item.source.size > limits.file_bytes]:
        _refuse_too_large(item, store, summary, limits)
        progress.advance(failed=True)
    pending = [item for item in pending if item.source.size <= limits.file_bytes]
    in_flight: list[tuple[PrefectFuture[list[Extracted]], list[Document], list[_Pending]]] = []
    capacity = max(1, workers) * CHUNKS_IN_FLIGHT_PER_WORKER
    written = 0
    chunks = _chunks(pending, _chunk_documents(len(pending), workers))
    while True:
        chunk = next(chunks, None)
        if chunk is not None:
            documents = read_chunk(chunk)
            in_flight.append((extract_chunk.submit(documents, limits), documents, chunk))
        while in_flight and (len(in_flight) >= capacity or chunk is None):
            written += _collect(in_flight.pop(0), store, summary, progress)
            if stop_after is not None and written >= stop_after:
                progress.finish()
                return False
        if chunk is None:
            progress.finish()
            return True


def _scan(
    sources: Sequence[str], store: BatchStore, version: str
) -> tuple[dict[str, list[str]], list[_Pending], list[str]]:
    """Every input's hash and paths; the distinct ones not yet extracted under `version`; the
    paths that could not be read."""
    inputs: dict[str, list[str]] = {}
    first: dict[str, InputFile] = {}
    unreadable: list[str] = []
    for source in find_inputs(sources):
        try:
            sha256 = source.sha256()
        except OSError as error:  # gone or unreadable since it was listed: the batch goes on
            get_run_logger().warning("%s", error)
            unreadable.append(source.path)
            continue
        inputs.setdefault(sha256, []).append(source.path)
        first.setdefault(sha256, source)
    pending = [
        _Pending(sha256, tuple(sorted(paths)), first[sha256])
        for sha256, paths in sorted(inputs.items())
        if not store.has_record(sha256, version)
    ]
    return inputs, pending, unreadable


def pending_input(sha256: str, paths: Sequence[str]) -> _Pending | None:
    """The input listed under `paths` (a file, or `<archive>!/<member>`) whose bytes still
    hash to `sha256`; None when none does any more."""
    for path in sorted(paths):
        source = _listing(path.partition("!/")[0]).get(path)
        if source is None:
            continue
        try:
            data = source.read()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha256:
            return _Pending(sha256, tuple(sorted(paths)), source)
    return None


@lru_cache(maxsize=8)
def _listing(location: str) -> dict[str, InputFile]:
    """The inputs at a file or archive path, by path (an archive is listed once, not once per
    member)."""
    try:
        return {source.path: source for source in find_inputs([location])}
    except OSError:
        return {}


def _chunk_documents(count: int, workers: int) -> int:
    """Documents per chunk: CHUNKS_PER_WORKER chunks for each worker, within the bounds."""
    even = math.ceil(count / (max(1, workers) * CHUNKS_PER_WORKER))
    return max(1, min(CHUNK_DOCUMENTS, even))


def _chunks(pending: list[_Pending], documents: int) -> Iterator[list[_Pending]]:
    chunk: list[_Pending] = []
    size = 0
    for item in pending:
        if chunk and (len(chunk) == documents or size + item.source.size > CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += item.source.size
    if chunk:
        yield chunk


def _collect(
    entry: tuple[PrefectFuture[list[Extracted]], list[Document], list[_Pending]],
    store: BatchStore,
    summary: RunSummary,
    progress: Progress,
) -> int:
    """Write one finished chunk's records (and quarantine its failures)."""
    future, documents, chunk = entry
    paths = {item.sha256: list(item.paths) for item in chunk}
    data = {document.sha256: document for document in documents}
    results = future.result()
    for result in results:
        failed = result.facts.failure is not None
        store.write_record(result.sha256, result.record_json, failed=failed)
        document = data[result.sha256]
        if result.facts.failure is not None:
            store.quarantine(
                result.sha256,
                document.data,
                Path(document.name).suffix,
                paths[result.sha256],
                result.facts.failure,
                result.issue_message or "",
            )
        summary.add(result.facts, document.name, result.seconds)
        progress.advance(failed=failed)
    return len(results)


def _refuse_too_large(
    item: _Pending, store: BatchStore, summary: RunSummary, limits: Limits
) -> None:
    """The failed record of an input over `limits.file_bytes`, quarantined by its reason
    alone: a copy would double the very size that was refused."""
    source = SourceInfo(
        filename=item.source.name,
        sha256=item.sha256,
        format=None,
        size_bytes=item.source.size,
        pages=None,
    )
    error = file_too_large(item.source.size, limits)
    assert error is not None, "only inputs over the size limit are refused"
    record = failed_from_error(source, error)
    facts = RecordFacts.of(record)
    store.write_record(item.sha256, record_json(record) + "\n", failed=True)
    store.quarantine(
        item.sha256, None, "", list(item.paths), IssueCode.TOO_LARGE, record.issues[0].message
    )
    summary.add(facts, item.source.name, 0.0)


def _count(inputs: dict[str, list[str]]) -> int:
    return sum(len(paths) for paths in inputs.values())


def _run_name(started: float) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(started))


def task_runner(
    workers: int = 1, dask: bool = False, dask_address: str | None = None
) -> TaskRunner:
    """Threads in this process for one worker; a pool of processes for several; Dask (an
    existing cluster at `dask_address`, or a temporary local one) when asked."""
    if dask_address or dask:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}
        )
    if workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def run_ingest(
    sources: Sequence[str | Path],
    out: str | Path,
    workers: int = 1,
    dask: bool = False,
    dask_address: str | None = None,
    include_contact: bool = False,
    stop_after: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> dict[str, Any]:
    """Run the ingest flow with the task runner the options ask for."""
    runner = task_runner(workers, dask, dask_address)
    configured = ingest.with_options(task_runner=runner)
    with local_api_shared(workers > 1 or dask):
        result: dict[str, Any] = configured(
            [str(source) for source in sources],
            str(out),
            workers=workers,
            include_contact=include_contact,
            stop_after=stop_after,
            limits=dataclasses.asdict(limits),
        )
    return result


@contextlib.contextmanager
def local_api_shared(worker_processes: bool) -> Iterator[None]:
    """With no Prefect server configured, Prefect starts a local API in any process that needs
    one, and a worker process may start its own (seen with the 90 s start-up timeout set): 4 s
    of CPU and 200 MiB each, a third server on the same database, and task runs out of the
    flow's sight. The driver's local API is started first and its address handed to the worker
    processes, which inherit the environment."""
    if (
        not worker_processes
        or PREFECT_API_URL.value()
        or not PREFECT_SERVER_EPHEMERAL_ENABLED.value()
    ):
        yield
        return
    server = SubprocessASGIServer()
    server.start()
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before


def inbox_deployment(
    inbox: str | Path, out: str | Path, every_seconds: int, workers: int = 1
) -> RunnerDeployment:
    """The ingest flow as a deployment that ingests `inbox` into `out` every `every_seconds`:
    each run extracts only what arrived since the last (the rest is skipped by its hash)."""
    configured = ingest.with_options(task_runner=task_runner(workers))
    deployment = configured.to_deployment(
        name="qpr-inbox",
        interval=every_seconds,
        parameters={"sources": [str(inbox)], "out": str(out), "workers": workers},
    )
    assert isinstance(deployment, RunnerDeployment)  # called outside an event loop: not async
    return deployment
