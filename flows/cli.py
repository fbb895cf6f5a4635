"""The `qpr` command: extract, schema and validate now; the flow commands import Prefect
lazily, so `qpr extract` starts without paying for it."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from flows.sandbox import Sandbox
from pipeline import extract_file, record_json
from pipeline.limits import DEFAULT_LIMITS, Limits
from schemas import ReportRecord, json_schema
from schemas.outcome import Status


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    code: int = arguments.run(arguments)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qpr", description=__doc__.splitlines()[0] if __doc__ else None
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

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
    ingest.add_argument("--out", type=Path, required=True, metavar="DIR")
    _add_runner_options(ingest)
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
    ingest.set_defaults(run=_ingest)

    reprocess = commands.add_parser(
        "reprocess",
        help="re-run a batch folder's inputs under the current extractor and report changes",
    )
    reprocess.add_argument("out", type=Path, metavar="DIR")
    _add_runner_options(reprocess)
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
        "--every", type=int, default=600, metavar="SECONDS", help="time between two runs"
    )
    serve.add_argument("--workers", type=int, default=1, metavar="N")
    serve.set_defaults(run=_serve)
    return parser


def _extract(arguments: argparse.Namespace) -> int:
    # Without --timeout, files extract in this process: no child to start, the fastest start.
    limits = _limits(arguments)
    sandbox = Sandbox(limits) if arguments.timeout is not None else None
    with sandbox or contextlib.nullcontext():
        return _extract_files(arguments, limits, sandbox)


def _extract_files(arguments: argparse.Namespace, limits: Limits, sandbox: Sandbox | None) -> int:
    failed = 0
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
            failed += 1
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
    return 1 if failed else 0


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
    seconds = float(text)
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return seconds


def _add_runner_options(command: argparse.ArgumentParser) -> None:
    """Where a flow's extraction runs: local processes, or a Dask cluster."""
    command.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes extracting in parallel"
    )
    where = command.add_mutually_exclusive_group()
    where.add_argument("--dask", action="store_true", help="on a temporary local Dask cluster")
    where.add_argument(
        "--dask-address", metavar="ADDR", help="on an existing Dask cluster (tcp://HOST:PORT)"
    )


def _ingest(arguments: argparse.Namespace) -> int:
    _prefect_defaults()
    from flows.ingest import run_ingest
    from flows.summary import summary_text

    summary = run_ingest(
        arguments.sources,
        arguments.out,
        workers=arguments.workers,
        dask=arguments.dask,
        dask_address=arguments.dask_address,
        include_contact=arguments.include_contact,
        limits=_limits(arguments),
    )
    print(summary_text(summary))
    return 0


def _reprocess(arguments: argparse.Namespace) -> int:
    _prefect_defaults()
    from flows.reprocess import changes_markdown, run_reprocess

    changes = run_reprocess(
        arguments.out,
        workers=arguments.workers,
        dask=arguments.dask,
        dask_address=arguments.dask_address,
        promote=arguments.promote,
    )
    print(changes_markdown(changes))
    return 0


def _serve(arguments: argparse.Namespace) -> int:
    _prefect_defaults()
    from flows.ingest import inbox_deployment

    deployment = inbox_deployment(
        arguments.inbox, arguments.out, arguments.every, arguments.workers
    )
    from prefect import serve

    serve(deployment)
    return 0


def _prefect_defaults() -> None:
    """The embedded Prefect API (no server configured) starts in about 9 s here and up to 16 s
    on a fresh PREFECT_HOME: give it room unless the user decided otherwise."""
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _schema(arguments: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _validate(arguments: argparse.Namespace) -> int:
    failed = 0
    for path in arguments.files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            for item in data if isinstance(data, list) else [data]:
                ReportRecord.model_validate(item)
        except (OSError, ValueError) as error:
            failed += 1
            detail = error.errors()[0] if isinstance(error, ValidationError) else None
            where = "/".join(str(part) for part in detail["loc"]) if detail else ""
            message = detail["msg"] if detail else str(error)
            print(
                f"qpr: {path}: invalid{f' at {where}' if where else ''}: {message}", file=sys.stderr
            )
        else:
            print(f"{path}: valid")
    return 1 if failed else 0


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
        return 2
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
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
