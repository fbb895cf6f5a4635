"""The batch commands, `ingest`, `reprocess` and `serve` (and `serve-api`, in
flows/serve_api_command.py): each holds a batch folder for one run
(checked, locked, with its run log and progress), runs its flow, prints what it did, and on a
stop asked for by a signal prints what was done and how to resume. They run under the
supervisor of flows/interrupt.py (see flows/cli.py)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from flows import cli_options, command_log, interrupt, progress
from flows.exit_status import (
    ENVIRONMENT,
    INTERRUPTED,
    OK,
    USAGE,
    CommandError,
    outcome_status,
)
from pipeline.limits import DEFAULT_LIMITS

BATCH_COMMANDS = frozenset({"ingest", "reprocess", "serve", "serve-api"})


def add_batch_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _add_ingest(commands)
    reprocess = commands.add_parser(
        "reprocess",
        help="re-run a batch folder's inputs under the current extractor and report changes",
    )
    reprocess.add_argument("out", type=Path, metavar="DIR")
    cli_options.add_runner_options(reprocess)
    cli_options.add_batch_options(reprocess)
    reprocess.add_argument(
        "--promote", action="store_true", help="make the new version the folder's current one"
    )
    reprocess.set_defaults(run=_reprocess)

    serve = commands.add_parser(
        "serve", help="serve the ingest flow as a deployment that ingests an inbox on a schedule"
    )
    serve.add_argument("inbox", type=Path, metavar="INBOX")
    serve.add_argument("--out", type=Path, required=True, metavar="DIR")
    serve.add_argument(
        "--every",
        type=cli_options.positive_int,
        default=600,
        metavar="SECONDS",
        help="time between two runs",
    )
    serve.add_argument("--workers", type=cli_options.positive_int, default=1, metavar="N")
    cli_options.add_batch_options(serve)
    serve.set_defaults(run=_serve)


def _add_ingest(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = commands.add_parser(
        "ingest", help="run the ingest flow: folders, zip archives or files into a batch folder"
    )
    ingest.add_argument("sources", nargs="+", metavar="SRC")
    ingest.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the batch folder: new, empty, or the folder of an earlier batch",
    )
    cli_options.add_runner_options(ingest)
    ingest.add_argument(
        "--allow-strays",
        action="store_true",
        help="inputs that are not reports (unsupported_format, not_a_report, empty_document) "
        "are still quarantined but do not make the exit status 1",
    )
    cli_options.add_limit_options(
        ingest,
        "stop a document's extraction after SECONDS (it then fails with `timeout`, its worker's "
        f"child process is replaced); default {DEFAULT_LIMITS.seconds_per_document:g}",
    )
    ingest.add_argument(
        "--include-contact",
        action="store_true",
        help="keep the point of contact's email, phone and address in the dataset files",
    )
    cli_options.add_batch_options(ingest)
    ingest.set_defaults(run=_ingest)


@contextlib.contextmanager
def batch_folder(
    arguments: argparse.Namespace, out: Path, new_allowed: bool, service: str | None = None
) -> Iterator[str]:
    """Hold the batch folder `out` for one run: checked, locked, with its run log and the
    progress set up; yields the run's name (of runs/<name>.json and runs/<name>.log).
    `service`: the address of the intake service that holds it (`qpr serve-api`)."""
    from flows.out_folder import FolderError, LockedError, batch_lock, check_out_folder

    try:
        existing = check_out_folder(out)
    except FolderError as error:
        raise CommandError(str(error), USAGE) from None
    if not existing and not new_allowed:
        raise CommandError(f"{out} is not a qpr batch folder (it has no qpr manifest.json)", USAGE)
    interrupt.listen_for_stop()
    progress.configure(cli_options.progress_mode(arguments)).phase("starting")
    try:
        with batch_lock(out, arguments.command, arguments.break_lock, service):
            from flows.store import BatchStore
            from pipeline.version import extractor_version

            store = BatchStore(out)
            if not existing:  # marked at once: a run killed now still leaves a batch folder
                store.write_manifest({}, extractor_version())
            name = store.new_run_name()
            command_log.setup(store.runs / f"{name}.log", arguments.log_format, arguments.verbose)
            yield name
    except LockedError as error:
        raise CommandError(str(error), ENVIRONMENT) from None
    finally:
        progress.current().close()


def _existing_sources(sources: Sequence[str]) -> list[str]:
    missing = [source for source in sources if not os.path.lexists(source)]
    if missing:
        raise CommandError(f"no such file or folder: {', '.join(missing)}", USAGE)
    return list(sources)


def _interrupted(summary_text: str, arguments: argparse.Namespace) -> NoReturn:
    """The end of a run asked to stop: what was done, how to resume; then out at once, leaving
    the chunks still running to the supervisor (waiting for them could take minutes)."""
    print(summary_text, end="", flush=True)
    command = " ".join(["qpr", *(sys.argv[1:] or [arguments.command])])
    command_log.say(f"interrupted; what was done is kept. To resume, run again: {command}", "info")
    progress.current().close()
    sys.stderr.flush()
    os._exit(INTERRUPTED)


def _ingest(arguments: argparse.Namespace) -> int:
    sources = _existing_sources(arguments.sources)
    with batch_folder(arguments, arguments.out, new_allowed=True) as run_name:
        from flows.ingest import run_ingest
        from flows.summary import summary_text

        interrupt.on_stop(lambda summary: _interrupted(summary_text(summary), arguments))
        summary = run_ingest(
            sources,
            arguments.out,
            workers=arguments.workers,
            dask=arguments.dask,
            dask_address=arguments.dask_address,
            include_contact=arguments.include_contact,
            limits=cli_options.limits(arguments),
            run_name=run_name,
        )
    print(summary_text(summary), end="")
    if summary["inputs"] == 0:
        raise CommandError(
            f"nothing to do: no input file found in {', '.join(sources)}"
            + (" (what was skipped is listed above)" if summary["skipped_entries"] else ""),
            USAGE,
        )
    return outcome_status(summary["outcomes"], arguments.allow_strays)


def _reprocess(arguments: argparse.Namespace) -> int:
    with batch_folder(arguments, arguments.out, new_allowed=False):
        from flows.reprocess import changes_markdown, run_reprocess

        interrupt.on_stop(lambda changes: _interrupted(changes_markdown(changes), arguments))
        changes = run_reprocess(
            arguments.out,
            workers=arguments.workers,
            dask=arguments.dask,
            dask_address=arguments.dask_address,
            promote=arguments.promote,
        )
    print(changes_markdown(changes), end="")
    return OK


def _serve(arguments: argparse.Namespace) -> int:
    """Ingest the inbox once now, then on the schedule; the trigger printed works from another
    shell while this runs (it names the API this command started)."""
    _existing_sources([str(arguments.inbox)])
    with batch_folder(arguments, arguments.out, new_allowed=True) as run_name:
        from prefect import serve

        from flows.deployment import inbox_deployment
        from flows.ingest import run_ingest
        from flows.prefect_runtime import local_api
        from flows.summary import summary_text

        with local_api() as api_url:
            executable = Path(sys.executable).with_name("prefect")
            trigger = f"{executable} deployment run qpr-ingest/qpr-inbox"
            if api_url:
                trigger = f"PREFECT_API_URL={api_url} {trigger}"
            print(
                f"qpr: serving; to ingest the inbox now from another shell: {trigger}", flush=True
            )
            interrupt.on_stop(lambda summary: _interrupted(summary_text(summary), arguments))
            summary = run_ingest(
                [str(arguments.inbox)], arguments.out, workers=arguments.workers, run_name=run_name
            )
            print(summary_text(summary), end="", flush=True)
            # From here a stop ends Prefect's runner, which then ends the command.
            interrupt.raise_on_stop()
            serve(
                inbox_deployment(arguments.inbox, arguments.out, arguments.every, arguments.workers)
            )
    return INTERRUPTED
