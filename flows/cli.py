"""The `qpr` command. Every command follows one table of exit statuses (the README's "Exit
statuses"): 0 every input ok or partial; 1 some inputs failed, the run itself completed; 2 a
usage error, an invalid input given, or nothing to do; 3 the run could not complete (its
environment: disk, folder, lock, Prefect); 130 / 143 interrupted by SIGINT / SIGTERM.

The batch commands (ingest, reprocess, serve) run under a supervisor that takes the signals
(flows/interrupt.py). Heavy imports (the pipeline, Prefect) wait for the command that needs them,
so that `qpr --help` and the supervisor start at once.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import json
import math
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from flows import command_log, interrupt, progress
from pipeline.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from flows.sandbox import Sandbox

OK, FAILED_INPUTS, USAGE, ENVIRONMENT = 0, 1, 2, 3
_BATCH_COMMANDS = frozenset({"ingest", "reprocess", "serve"})
# Failure codes of inputs that are not reports at all: they fail a run unless --allow-strays.
REFUSED = frozenset({"unsupported_format", "not_a_report", "empty_document"})


class CommandError(Exception):
    """What the user is told, in one line, and the exit status it gives."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    arguments = _parser().parse_args(argv)
    batch = arguments.command in _BATCH_COMMANDS
    if batch and not interrupt.is_supervised():
        # The embedded Prefect API starts in about 9 s here, 16 s on a fresh PREFECT_HOME.
        os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
        if not arguments.verbose:
            command_log.quiet_prefect_console()
        if _progress_mode(arguments) == "bar":
            progress.show_starting()
        return interrupt.supervise(argv)
    try:
        code: int = arguments.run(arguments)
        return code
    except CommandError as error:
        command_log.say(str(error))
        return error.code
    except KeyboardInterrupt:
        command_log.say("interrupted")
        return 130
    except OSError as error:
        _fail(_environment_sentence(error, getattr(arguments, "out", None)), error)
        return ENVIRONMENT
    except Exception as error:  # a bug, or Prefect failing: a sentence here, the rest in the log
        first_line = (str(error).strip().splitlines() or [""])[0]
        _fail(f"the run stopped: {type(error).__name__}: {first_line}", error)
        return ENVIRONMENT


def _fail(sentence: str, error: BaseException) -> None:
    run_log = command_log.record_detail(sentence, error)
    command_log.say(sentence + (f" (the detail is in {run_log})" if run_log else ""))


def _environment_sentence(error: OSError, out: Path | None) -> str:
    """What went wrong, and where: the file's folder, or the batch folder when the error does
    not say (a write that fails on flushing names no file)."""
    where = Path(error.filename).parent if error.filename else out
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"no space left on the device of {where}: free some space and run the same command "
            "again; what was done is kept"
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write to {where or error.filename}: {error.strerror}"
    return f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qpr",
        description="Turn the periodic reports of the "
        "2005 Convention into validated, source-grounded JSON records.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the versions and exit")
    commands = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")

    extract = commands.add_parser("extract", help="extract report files to JSON records")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write one <sha256>.json per file into DIR instead of printing",
    )
    extract.add_argument(
        "--include-text",
        action="store_true",
        help="add the normalised document text that the spans index",
    )
    _add_limit_options(
        extract,
        "extract each file in a child process and stop it after SECONDS (the file then fails "
        "with `timeout`); a parser crash then also fails only its file",
    )
    extract.set_defaults(run=_extract)

    schema = commands.add_parser("schema", help="print the JSON Schema of a record")
    schema.set_defaults(run=_schema)

    validate = commands.add_parser("validate", help="check record JSON files against the schema")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.set_defaults(run=_validate)

    evaluate = commands.add_parser(
        "evaluate",
        help="score predicted records against gold records: precision, recall, F1 per field",
        description="Pair each gold record with the prediction of the same source file (a "
        "record's source.filename; a truth file X.json is the gold of input X), pair measures "
        "by index, and print per field precision, recall and F1 under the exact rule "
        "(whitespace runs collapsed) and the soft rule (case, accents and punctuation ignored; "
        "long texts match at an edit-distance ratio of 0.9), partner F1, budget amount "
        "accuracy and the share of records with every field right. Codes and partner types a "
        "full record marks as inferred are not compared: gold states what the document says.",
    )
    evaluate.add_argument(
        "predicted",
        type=Path,
        metavar="PRED",
        help="predicted records: a folder of JSON files, a batch folder or one file",
    )
    evaluate.add_argument(
        "gold",
        type=Path,
        metavar="GOLD",
        help="gold records or truth files ({report, measures}): a folder or one file",
    )
    evaluate.add_argument(
        "--json",
        dest="json_out",
        metavar="OUT.json",
        help="also write the scores as JSON to OUT.json; '-' prints them on stdout and the "
        "table on stderr",
    )
    evaluate.set_defaults(run=_evaluate)

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
    _add_runner_options(ingest)
    ingest.add_argument(
        "--allow-strays",
        action="store_true",
        help="inputs that are not reports (unsupported_format, not_a_report, empty_document) "
        "are still quarantined but do not make the exit status 1",
    )
    _add_limit_options(
        ingest,
        "stop a document's extraction after SECONDS (it then fails with `timeout`, its worker's "
        f"child process is replaced); default {DEFAULT_LIMITS.seconds_per_document:g}",
    )
    ingest.add_argument(
        "--include-contact",
        action="store_true",
        help="keep the point of contact's email, phone and address in the dataset files",
    )
    _add_batch_options(ingest)
    ingest.set_defaults(run=_ingest)

    reprocess = commands.add_parser(
        "reprocess",
        help="re-run a batch folder's inputs under the current extractor and report changes",
    )
    reprocess.add_argument("out", type=Path, metavar="DIR")
    _add_runner_options(reprocess)
    _add_batch_options(reprocess)
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
        "--every", type=_positive_int, default=600, metavar="SECONDS", help="time between two runs"
    )
    serve.add_argument("--workers", type=_positive_int, default=1, metavar="N")
    _add_batch_options(serve)
    serve.set_defaults(run=_serve)
    return parser


def _extract(arguments: argparse.Namespace) -> int:
    from flows.sandbox import Sandbox

    # Without --timeout, files extract in this process: no child to start, the fastest start.
    limits = _limits(arguments)
    sandbox = Sandbox(limits) if arguments.timeout is not None else None
    with sandbox or contextlib.nullcontext():
        return _extract_files(arguments, limits, sandbox)


def _extract_files(arguments: argparse.Namespace, limits: Limits, sandbox: Sandbox | None) -> int:
    from pipeline import extract_file, record_json
    from schemas.outcome import Status

    failed = unreadable = 0
    texts = []
    for path in arguments.files:
        try:
            # A file over the size limit is refused in this process, without reading it.
            if sandbox is None or path.stat().st_size > limits.file_bytes:
                record = extract_file(path, include_text=arguments.include_text, limits=limits)
            else:
                record = sandbox.extract(
                    path.read_bytes(), path.name, include_text=arguments.include_text
                )
        except OSError as error:
            print(f"qpr: {path}: cannot read the file ({error.strerror or error})", file=sys.stderr)
            unreadable += 1
            continue
        if record.status == Status.FAILED:
            failed += 1
            reason = record.issues[0]
            print(f"qpr: {path}: {reason.code.value}: {reason.message}", file=sys.stderr)
        text = record_json(record)
        if arguments.out is not None:
            target = arguments.out / f"{record.source.sha256}.json"
            _write_atomic(target, text + "\n")
            print(
                f"{path} -> {target} ({record.status.value}, {len(record.measures)} measure(s), "
                f"{len(record.issues)} issue(s))"
            )
        else:
            texts.append(text)
    if arguments.out is None and texts:
        if len(arguments.files) == 1:
            print(texts[0])
        else:
            print("[\n" + ",\n".join(texts) + "\n]")
    return USAGE if unreadable else FAILED_INPUTS if failed else OK


def _add_limit_options(command: argparse.ArgumentParser, timeout_help: str) -> None:
    command.add_argument("--timeout", type=_seconds, metavar="SECONDS", help=timeout_help)
    defaults = ", ".join(f"{name}={getattr(DEFAULT_LIMITS, name)}" for name in _SIZE_LIMITS)
    command.add_argument(
        "--limit",
        action="append",
        default=[],
        type=_limit_setting,
        metavar="NAME=VALUE",
        help=f"change a size limit (K, M, G suffixes allowed); defaults: {defaults}",
    )


# The limits `--limit` sets; the time limit has --timeout.
_SIZE_LIMITS = tuple(
    field.name for field in dataclasses.fields(Limits) if field.name != "seconds_per_document"
)
_UNITS = {"k": 2**10, "m": 2**20, "g": 2**30}


def _limit_setting(text: str) -> tuple[str, int]:
    name, _, value = text.partition("=")
    name, value = name.strip(), value.strip().lower()
    if name not in _SIZE_LIMITS:
        raise argparse.ArgumentTypeError(
            f"unknown limit {name!r}; one of {', '.join(_SIZE_LIMITS)}"
        )
    unit = _UNITS.get(value[-1:], 1)
    number = value[:-1] if unit > 1 else value
    if not number.isdigit() or int(number) == 0:
        raise argparse.ArgumentTypeError(f"{name}: not a positive whole number: {value!r}")
    return name, int(number) * unit


def _limits(arguments: argparse.Namespace) -> Limits:
    """The defaults with the command line's --limit settings and --timeout."""
    changes: dict[str, float] = dict(arguments.limit)
    if arguments.timeout is not None:
        changes["seconds_per_document"] = arguments.timeout
    return dataclasses.replace(DEFAULT_LIMITS, **changes)  # type: ignore[arg-type]


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return seconds


def _add_runner_options(command: argparse.ArgumentParser) -> None:
    """Where a flow's extraction runs: local processes, or a Dask cluster."""
    command.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        metavar="N",
        help="processes extracting in parallel (at least 1)",
    )
    where = command.add_mutually_exclusive_group()
    where.add_argument("--dask", action="store_true", help="on a temporary local Dask cluster")
    where.add_argument(
        "--dask-address", metavar="ADDR", help="on an existing Dask cluster (tcp://HOST:PORT)"
    )


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return number


def _add_batch_options(command: argparse.ArgumentParser) -> None:
    """How a batch command talks to its operator, and what it does with a lock."""
    shown = command.add_mutually_exclusive_group()
    shown.add_argument(
        "--quiet", action="store_true", help="no progress; warnings, errors and the summary only"
    )
    shown.add_argument(
        "--verbose", action="store_true", help="also Prefect's own lines (one per task run)"
    )
    command.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="json: progress and messages on stderr as JSON objects, one per line",
    )
    command.add_argument(
        "--break-lock",
        action="store_true",
        help="take over the folder's lock even when it was taken on another host",
    )


class _Version(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        from importlib.metadata import version

        from pipeline.version import extractor_version
        from schemas import SCHEMA_VERSION

        print(f"qpr {version('qpr')} (extractor {extractor_version()}, schema {SCHEMA_VERSION})")
        parser.exit()


@contextlib.contextmanager
def _batch_folder(arguments: argparse.Namespace, out: Path, new_allowed: bool) -> Iterator[str]:
    """Hold the batch folder `out` for one run: checked, locked, with its run log and the
    progress set up; yields the run's name (of runs/<name>.json and runs/<name>.log)."""
    from flows.out_folder import FolderError, LockedError, batch_lock, check_out_folder

    try:
        existing = check_out_folder(out)
    except FolderError as error:
        raise CommandError(str(error), USAGE) from None
    if not existing and not new_allowed:
        raise CommandError(f"{out} is not a qpr batch folder (it has no qpr manifest.json)", USAGE)
    interrupt.listen_for_stop()
    progress.configure(_progress_mode(arguments)).phase("starting")
    try:
        with batch_lock(out, arguments.command, arguments.break_lock):
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


def _progress_mode(arguments: argparse.Namespace) -> str:
    if arguments.quiet:
        return "quiet"
    if arguments.log_format == "json":
        return "json"
    return "bar" if sys.stderr.isatty() else "lines"


def _existing_sources(sources: Sequence[str]) -> list[str]:
    missing = [source for source in sources if not os.path.lexists(source)]
    if missing:
        raise CommandError(f"no such file or folder: {', '.join(missing)}", USAGE)
    return list(sources)


def _ingest(arguments: argparse.Namespace) -> int:
    sources = _existing_sources(arguments.sources)
    with _batch_folder(arguments, arguments.out, new_allowed=True) as run_name:
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
            limits=_limits(arguments),
            run_name=run_name,
        )
    print(summary_text(summary), end="")
    if summary["inputs"] == 0:
        raise CommandError(
            f"nothing to do: no input file found in {', '.join(sources)}"
            + (" (what was skipped is listed above)" if summary["skipped_entries"] else ""),
            USAGE,
        )
    return _outcome_status(summary["outcomes"], arguments.allow_strays)


def _outcome_status(outcomes: dict[str, Any], allow_strays: bool) -> int:
    """1 when an input of the run failed (or its record no longer validates), else 0."""
    failures = dict(outcomes.get("failures", {}))
    if allow_strays:
        failures = {code: count for code, count in failures.items() if code not in REFUSED}
    return FAILED_INPUTS if failures or outcomes.get("invalid") else OK


def _interrupted(summary_text: str, arguments: argparse.Namespace) -> NoReturn:
    """The end of a run asked to stop: what was done, how to resume; then out at once, leaving
    the chunks still running to the supervisor (waiting for them could take minutes)."""
    print(summary_text, end="", flush=True)
    command = " ".join(["qpr", *(sys.argv[1:] or [arguments.command])])
    command_log.say(f"interrupted; what was done is kept. To resume, run again: {command}", "info")
    progress.current().close()
    sys.stderr.flush()
    os._exit(130)


def _reprocess(arguments: argparse.Namespace) -> int:
    with _batch_folder(arguments, arguments.out, new_allowed=False):
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
    with _batch_folder(arguments, arguments.out, new_allowed=True) as run_name:
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
    return 130


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _schema(arguments: argparse.Namespace) -> int:
    from schemas import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _validate(arguments: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from schemas import ReportRecord

    failed = unreadable = 0
    for path in arguments.files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            for item in data if isinstance(data, list) else [data]:
                ReportRecord.model_validate(item)
        except OSError as error:
            unreadable += 1
            print(f"qpr: {path}: cannot read the file ({error.strerror or error})", file=sys.stderr)
        except ValueError as error:
            failed += 1
            detail = error.errors()[0] if isinstance(error, ValidationError) else None
            where = "/".join(str(part) for part in detail["loc"]) if detail else ""
            message = detail["msg"] if detail else str(error)
            print(
                f"qpr: {path}: invalid{f' at {where}' if where else ''}: {message}", file=sys.stderr
            )
        else:
            print(f"{path}: valid")
    return USAGE if unreadable else FAILED_INPUTS if failed else OK


def _evaluate(arguments: argparse.Namespace) -> int:
    from flows.evaluate import (
        EvaluationInputError,
        evaluate_paths,
        evaluation_json,
        evaluation_table,
    )

    try:
        evaluation = evaluate_paths(arguments.predicted, arguments.gold)
    except EvaluationInputError as error:
        print(f"qpr: evaluate: {error}", file=sys.stderr)
        return USAGE
    scores = json.dumps(evaluation_json(evaluation), indent=2, ensure_ascii=False)
    # With `--json -` stdout carries the JSON alone (for jq and the like); the table still shows.
    table_stream = sys.stderr if arguments.json_out == "-" else sys.stdout
    print(evaluation_table(evaluation), file=table_stream)
    if arguments.json_out == "-":
        print(scores)
    elif arguments.json_out is not None:
        _write_atomic(Path(arguments.json_out), scores + "\n")
    if not evaluation.records:
        print("qpr: evaluate: no prediction shares a file name with a gold record", file=sys.stderr)
        return USAGE
    return OK


if __name__ == "__main__":
    sys.exit(main())
