"""Where the flows run in Prefect: the API they report to, the task runner their extraction
runs on, and the state of a flow run the operator stopped."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from prefect import Flow, get_run_logger
from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows import interrupt, progress


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


def run_flow(
    flow: Flow[..., dict[str, Any]], runner: TaskRunner, *args: Any, **kwargs: Any
) -> dict[str, Any]:
    """Run `flow` with its tasks on `runner`, reporting to the command's API (`local_api`)."""
    configured = flow.with_options(task_runner=runner)
    with local_api():
        result: dict[str, Any] = configured(*args, **kwargs)
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


def stopped_run(result: dict[str, Any]) -> dict[str, Any]:
    """The end of a flow run the operator stopped once its outputs are written: marked
    cancelled, its `result` handed to what the command does on a stop."""
    _mark_cancelled("interrupted: stopped at the operator's request")
    return interrupt.stopped(result)


def _mark_cancelled(message: str) -> None:
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
