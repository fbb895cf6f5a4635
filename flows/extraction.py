"""The extraction of a run's pending inputs on the flow's task runner: chunks of documents'
bytes read in the driver, extracted by `extract_chunk` tasks (several local processes, or a
Dask cluster), and each record written by the driver as its chunk comes back. Only the driver
writes the output folder."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from flows import interrupt, progress
from flows.chunking import CHUNKS_IN_FLIGHT_PER_WORKER, chunk_documents, chunks
from flows.pending import Pending
from flows.progress import Progress
from flows.review_pages import render_page
from flows.sandbox import shared_sandbox
from flows.store import BatchStore
from flows.summary import RecordFacts, RunSummary
from pipeline import record_json
from pipeline.assemble import failed_from_error
from pipeline.limits import DEFAULT_LIMITS, Limits, file_too_large
from schemas.outcome import IssueCode
from schemas.report import SourceInfo


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
    record_json: str  # without the text, as `qpr extract` writes it
    facts: RecordFacts
    issue_message: str | None
    seconds: float
    text: str | None  # the normalised text that the spans index, kept beside the record
    pages: list[int] | None  # where each page starts in the text (a PDF's), kept beside it
    page: str | None  # its review page, made here so that workers share the cost


# A chunk submitted: the future of its records, the documents sent, the inputs they came from.
_InFlight = tuple[PrefectFuture[list[Extracted]], list[Document], list[Pending]]


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
        record = sandbox.extract(document.data, document.name, include_text=True)
        seconds = time.perf_counter() - start
        text, pages = record.text, record.text_pages
        record = record.model_copy(update={"text": None, "text_pages": None})
        facts = RecordFacts.of(record)
        extracted.append(
            Extracted(
                sha256=document.sha256,
                record_json=record_json(record) + "\n",
                facts=facts,
                issue_message=record.issues[0].message if facts.failure else None,
                seconds=seconds,
                text=text,
                pages=pages,
                page=render_page(record, text, pages=pages),
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
def read_chunk(pending: list[Pending]) -> list[Document]:
    return [Document(item.sha256, item.source.name, item.source.read()) for item in pending]


def extract_pending(
    pending: list[Pending],
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
    in_flight: list[_InFlight] = []
    capacity = max(1, workers) * CHUNKS_IN_FLIGHT_PER_WORKER
    written = 0
    remaining = chunks(pending, chunk_documents(len(pending), workers))
    while not interrupt.stop_requested():
        chunk = next(remaining, None)
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


def recorded_inputs(inputs: dict[str, list[str]], store: BatchStore) -> dict[str, list[str]]:
    """The inputs of an interrupted run that have a record: only they go in its manifest, so
    the next run adds the rest and ends with the bytes an uninterrupted run would have written."""
    return {sha256: paths for sha256, paths in inputs.items() if store.record_path(sha256).exists()}


def _finished(future: PrefectFuture[Any], deadline: float | None = None) -> bool:
    """Wait for `future` until it is done (True), a stop is asked for, or `deadline` passes."""
    while not future.state.is_final():
        if deadline is None and interrupt.stop_requested():
            return False
        if deadline is not None and time.monotonic() > deadline:
            return False
        future.wait(timeout=0.25)
    return True


def _collect(entry: _InFlight, store: BatchStore, summary: RunSummary, bar: Progress) -> int:
    """Write one finished chunk's records (and quarantine its failures)."""
    future, documents, chunk = entry
    paths = {item.sha256: list(item.paths) for item in chunk}
    data = {document.sha256: document for document in documents}
    results = future.result()
    for result in results:
        failed = result.facts.failure is not None
        document = data[result.sha256]
        # Quarantined, and its text and page written, before the record: a record on disk is
        # what makes a rerun skip its input, so a run stopped in between (a full disk, a kill)
        # must redo them all.
        store.review.write(result.sha256, result.text, result.page, result.pages)
        if result.facts.failure is not None:
            store.quarantine(
                result.sha256,
                document.data,
                Path(document.name).suffix,
                paths[result.sha256],
                result.facts.failure,
                result.issue_message or "",
            )
        store.write_record(result.sha256, result.record_json, failed=failed)
        summary.add(result.facts, document.name, result.seconds)
        bar.advance(failed=failed)
    return len(results)


def _refuse_too_large(
    item: Pending, store: BatchStore, summary: RunSummary, limits: Limits
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
    store.quarantine(  # before the record, as in _collect
        item.sha256, None, "", list(item.paths), IssueCode.TOO_LARGE, record.issues[0].message
    )
    store.review.write(item.sha256, None, render_page(record, None))
    store.write_record(item.sha256, record_json(record) + "\n", failed=True)
    summary.add(facts, item.source.name, 0.0)
