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
from collections import Counter
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

from flows import interrupt, progress
from flows.progress import Progress
from flows.sandbox import shared_sandbox
from flows.sources import InputFile, find_inputs
from flows.store import BatchStore
from flows.summary import RecordFacts, RunSummary, summary_markdown
from pipeline import record_json
from pipeline.assemble import failed_from_error
from pipeline.limits import DEFAULT_LIMITS, Limits, file_too_large
from pipeline.version import extractor_version
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
    progress.current().phase("writing the manifest and the dataset")
    store.write_manifest(inputs, version)
    return store.rebuild_dataset()


def outcomes(store: BatchStore, inputs: dict[str, list[str]]) -> dict[str, Any]:
    """How this run's inputs stand in the manifest just written: counts by status, and the
    failures by reason (what the exit status is made of)."""
    entries = {entry["sha256"]: entry for entry in store.manifest_entries()}
    statuses: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    for sha256 in inputs:
        entry = entries.get(sha256, {})
        statuses[str(entry.get("status"))] += 1
        if entry.get("status") == "failed":
            failures[str(entry.get("failure"))] += 1
    return {
        "by_status": dict(sorted(statuses.items())),
        "failures": dict(sorted(failures.items())),
        "invalid": statuses["invalid"],
    }


@flow(name="qpr-ingest")
def ingest(
    sources: list[str],
    out: str,
    workers: int = 1,
    include_contact: bool = False,
    stop_after: int | None = None,
    limits: dict[str, Any] | None = None,
    run_name: str | None = None,
) -> dict[str, Any]:
    """Ingest `sources` (folders, zip archives, files) into the output folder `out`, each
    input within `limits` (pipeline.limits.Limits' fields; the defaults where not given). The
    output folder, and any batch folder met, is never an input.

    `stop_after` ends the run after that many new records, as a crash would (for tests of
    resumption); the outputs are then left as a killed run leaves them. A stop asked for by a
    signal (flows/interrupt.py) writes the outputs of what is done, then ends the run.
    """
    logger = get_run_logger()
    started = time.time()
    limits_in_use = Limits(**(limits or {}))
    version = extractor_version(limits_in_use)
    store = BatchStore(Path(out), include_contact=include_contact)
    skipped: Counter[str] = Counter()
    inputs, pending, unreadable = _scan(sources, store, version, Path(out), skipped)
    logger.info(
        "%d input file(s), %d distinct, %d to extract", _count(inputs), len(inputs), len(pending)
    )
    summary = RunSummary(extractor_version=version, inputs=_count(inputs), distinct=len(inputs))
    summary.skipped = len(inputs) - len(pending)
    summary.unreadable = unreadable
    summary.skipped_entries = dict(sorted(skipped.items()))
    ending = extract_pending(pending, store, summary, workers, stop_after, limits_in_use)
    if ending == "stopped_after":
        return summary.as_dict()
    if ending == "interrupted":
        # Only what has a record is in this manifest: the next run adds the rest, and ends
        # with the bytes an uninterrupted run would have written.
        inputs = {
            sha256: paths for sha256, paths in inputs.items() if store.record_path(sha256).exists()
        }
        summary.interrupted = True
    summary.rows = write_outputs(store, inputs, version)
    summary.outcomes = outcomes(store, inputs)
    summary.seconds = round(time.time() - started, 3)
    store.write_run(run_name or store.new_run_name(started), summary.as_dict())
    create_markdown_artifact(
        summary_markdown(summary), key="qpr-ingest-summary", description="qpr ingest run"
    )
    if summary.interrupted:
        mark_cancelled("interrupted: stopped at the operator's request")
        return interrupt.stopped(summary.as_dict())
    return summary.as_dict()


def mark_cancelled(message: str) -> None:
    """Mark this flow run cancelled in Prefect before the process leaves its running tasks
    behind (the UI would otherwise show it running forever)."""
    from prefect.client.orchestration import get_client
    from prefect.context import FlowRunContext
    from prefect.states import Cancelled

    context = FlowRunContext.get()
    if context is None or context.flow_run is None:
        return
    try:
        with get_client(sync_client=True) as client:
            client.set_flow_run_state(context.flow_run.id, Cancelled(message=message), force=True)
    except Exception as error:  # the outputs are written: a state the API missed is no failure
        get_run_logger().warning("could not mark the flow run cancelled: %s", error)


def extract_pending(
    pending: list[_Pending],
    store: BatchStore,
    summary: RunSummary,
    workers: int,
    stop_after: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """Extract `pending` in chunks on the flow's task runner, writing each record as its chunk
    comes back; a bounded number of chunks is in flight. How it ended: "done",
    "stopped_after" (`stop_after` records written) or "interrupted" (a stop was asked for: the
    chunks that finish within GRACE_SECONDS are written, the others abandoned).
    An input over the size limit is never read: its record is made here."""
    bar = progress.current()
    bar.phase("extracting", len(pending))
    for item in [item for item in pending if item.source.size > limits.file_bytes]:
        _refuse_too_large(item, store, summary, limits)
        bar.advance(failed=True)
    pending = [item for item in pending if item.source.size <= limits.file_bytes]
    in_flight: list[tuple[PrefectFuture[list[Extracted]], list[Document], list[_Pending]]] = []
    capacity = max(1, workers) * CHUNKS_IN_FLIGHT_PER_WORKER
    written = 0
    chunks = _chunks(pending, _chunk_documents(len(pending), workers))
    while not interrupt.stop_requested():
        chunk = next(chunks, None)
        if chunk is not None:
            documents = read_chunk(chunk)
            in_flight.append((extract_chunk.submit(documents, limits), documents, chunk))
        while in_flight and (len(in_flight) >= capacity or chunk is None):
            if not _finished(in_flight[0][0]):
                break
            written += _collect(in_flight.pop(0), store, summary, bar)
            if stop_after is not None and written >= stop_after:
                return "stopped_after"
        if chunk is None and not in_flight:
            return "done"
    deadline = time.monotonic() + interrupt.GRACE_SECONDS
    for entry in in_flight:
        if _finished(entry[0], deadline):
            _collect(entry, store, summary, bar)
    return "interrupted"


def _finished(future: PrefectFuture[Any], deadline: float | None = None) -> bool:
    """Wait for `future` until it is done (True), a stop is asked for, or `deadline` passes."""
    while not future.state.is_final():
        if deadline is None and interrupt.stop_requested():
            return False
        if deadline is not None and time.monotonic() > deadline:
            return False
        future.wait(timeout=0.25)
    return True


def _scan(
    sources: Sequence[str], store: BatchStore, version: str, out: Path, skipped: Counter[str]
) -> tuple[dict[str, list[str]], list[_Pending], list[str]]:
    """Every input's hash and paths (none under `out`); the distinct ones not yet extracted
    under `version`; the paths that could not be read. `skipped` counts what the walk left."""
    inputs: dict[str, list[str]] = {}
    first: dict[str, InputFile] = {}
    unreadable: list[str] = []
    bar = progress.current()
    bar.phase("finding the inputs")
    found = find_inputs(sources, exclude=[out], skipped=skipped)
    bar.phase("reading the inputs", len(found))
    for source in found:
        if interrupt.stop_requested():
            break
        bar.advance()
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
    bar: Progress,
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
        bar.advance(failed=failed)
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
    record = failed_from_error(source, error, limits)
    facts = RecordFacts.of(record)
    store.write_record(item.sha256, record_json(record) + "\n", failed=True)
    store.quarantine(
        item.sha256, None, "", list(item.paths), IssueCode.TOO_LARGE, record.issues[0].message
    )
    summary.add(facts, item.source.name, 0.0)


def _count(inputs: dict[str, list[str]]) -> int:
    return sum(len(paths) for paths in inputs.values())


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
    run_name: str | None = None,
) -> dict[str, Any]:
    """Run the ingest flow with the task runner the options ask for."""
    runner = task_runner(workers, dask, dask_address)
    configured = ingest.with_options(task_runner=runner)
    with local_api():
        result: dict[str, Any] = configured(
            [str(source) for source in sources],
            str(out),
            workers=workers,
            include_contact=include_contact,
            stop_after=stop_after,
            limits=dataclasses.asdict(limits),
            run_name=run_name,
        )
    return result


@contextlib.contextmanager
def local_api() -> Iterator[str | None]:
    """The Prefect API a command's flows report to: the configured one (its URL is yielded), or,
    with none configured, a temporary local API started here; its URL is yielded and set in the
    environment for the block.

    Prefect would start a temporary API by itself, but in every process that needs one: a
    worker process may start its own (4 s of CPU and 200 MiB each, a third server on the same
    database, task runs out of the flow's sight). Started here, its address reaches the worker
    processes, which inherit the environment, and `qpr serve` can print it for a trigger.
    (`SubprocessASGIServer()` is one instance per process: Prefect's own ephemeral client finds
    this one running.)"""
    # The environment too: Prefect reads its settings once, and an enclosing local_api sets it.
    configured = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
    if configured or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield configured or None
        return
    progress.current().phase("starting the local Prefect API")
    server = SubprocessASGIServer()
    server.start()
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield server.api_url
    finally:
        # Not stopped here: Prefect stops it at exit, once its log handler has sent the last
        # lines (stopped before, that handler retries for a minute).
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
