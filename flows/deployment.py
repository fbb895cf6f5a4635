"""The ingest flow as a Prefect deployment, for `qpr serve`."""

from __future__ import annotations

from pathlib import Path

from prefect.deployments.runner import RunnerDeployment

from flows.ingest import ingest
from flows.prefect_runtime import task_runner


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
