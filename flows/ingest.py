"""The ingest flow: a folder, a zip archive or a list of files in, the batch layout out
(records, dataset, codebook, quarantine, manifest, runs).

The flow is thin: it hashes the inputs, skips those already done under this extractor version
(flows/pending.py), has the rest extracted (flows/extraction.py) and writes the outputs.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows import progress
from flows.corrections_store import write_correction_changes
from flows.extraction import extract_pending, recorded_inputs
from flows.pending import scan
from flows.prefect_runtime import run_flow, stopped_run, task_runner
from flows.store import BatchStore
from flows.summary import RunSummary, summary_markdown
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.version import extractor_version


@task(
    name="write-outputs",
    retries=2,
    retry_delay_seconds=1,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def write_outputs(
    store: BatchStore, inputs: dict[str, list[str]], version: str
) -> tuple[int, dict[str, Any]]:
    """Manifest, dataset and review index, rebuilt from records/ so that a run that was killed
    and started again ends with the same bytes as one that never stopped; the dataset's row
    count and the run's outcomes."""
    progress.current().phase("writing the manifest and the dataset")
    entries = store.write_manifest(inputs, version)
    rows = store.rebuild_dataset()
    store.review.write_index(store.record_files())
    return rows, outcomes(entries, inputs)


def outcomes(
    manifest_entries: list[dict[str, Any]], inputs: dict[str, list[str]]
) -> dict[str, Any]:
    """How this run's inputs stand in the manifest: counts by status, and the failures by
    reason (what the exit status is made of)."""
    entries = {entry["sha256"]: entry for entry in manifest_entries}
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
    kept_uploads: bool = False,
) -> dict[str, Any]:
    """Ingest `sources` (folders, zip archives, files) into the output folder `out`, each
    input within `limits` (pipeline.limits.Limits' fields; the defaults where not given). The
    output folder, and any batch folder met, is never an input, except for the uploads the
    intake service keeps in it (`kept_uploads`: `sources` are files of `out`/uploads).

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
    inputs, pending, unreadable = scan(
        sources, store, version, Path(out), skipped, kept_uploads=kept_uploads
    )
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
        inputs = recorded_inputs(inputs, store)
        summary.interrupted = True
    summary.rows, summary.outcomes = write_outputs(store, inputs, version)
    write_correction_changes(store.root, store.unsettled, version)
    summary.seconds = round(time.time() - started, 3)
    store.write_run(run_name or store.new_run_name(started), summary.as_dict())
    create_markdown_artifact(
        summary_markdown(summary), key="qpr-ingest-summary", description="qpr ingest run"
    )
    if summary.interrupted:
        return stopped_run(summary.as_dict())
    return summary.as_dict()


def _count(inputs: dict[str, list[str]]) -> int:
    return sum(len(paths) for paths in inputs.values())


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
    kept_uploads: bool = False,
) -> dict[str, Any]:
    """Run the ingest flow with the task runner the options ask for."""
    return run_flow(
        ingest,
        task_runner(workers, dask, dask_address),
        [str(source) for source in sources],
        str(out),
        workers=workers,
        include_contact=include_contact,
        stop_after=stop_after,
        limits=dataclasses.asdict(limits),
        run_name=run_name,
        kept_uploads=kept_uploads,
    )
