"""The commands over files named on the command line: `extract` (reports to records),
`schema` (the JSON Schema of a record) and `validate` (records against it). They print their
results; only `extract --out` writes files."""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from flows import cli_options
from flows.atomic_files import write_result
from flows.exit_status import file_problem, files_status, unreadable_file

if TYPE_CHECKING:
    from flows.sandbox import Sandbox
    from pipeline.limits import Limits
    from schemas import ReportRecord


def add_document_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    cli_options.add_limit_options(
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


def _extract(arguments: argparse.Namespace) -> int:
    from flows.sandbox import Sandbox

    # Without --timeout, files extract in this process: no child to start, the fastest start.
    limits = cli_options.limits(arguments)
    sandbox = Sandbox(limits) if arguments.timeout is not None else None
    with sandbox or contextlib.nullcontext():
        return _extract_files(arguments, limits, sandbox)


def _extract_files(arguments: argparse.Namespace, limits: Limits, sandbox: Sandbox | None) -> int:
    from pipeline import record_json
    from schemas.outcome import Status

    failed = unreadable = 0
    texts = []
    for path in arguments.files:
        try:
            record = extract_one(path, arguments.include_text, limits, sandbox)
        except OSError as error:
            unreadable_file(path, error)
            unreadable += 1
            continue
        if record.status == Status.FAILED:
            failed += 1
            reason = record.issues[0]
            file_problem(path, f"{reason.code.value}: {reason.message}")
        text = record_json(record)
        if arguments.out is not None:
            target = arguments.out / f"{record.source.sha256}.json"
            write_result(target, text + "\n")
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
    return files_status(unreadable, failed)


def extract_one(
    path: Path, include_text: bool, limits: Limits, sandbox: Sandbox | None
) -> ReportRecord:
    from pipeline import extract_file

    # A file over the size limit is refused in this process, without reading it.
    if sandbox is None or path.stat().st_size > limits.file_bytes:
        return extract_file(path, include_text=include_text, limits=limits)
    return sandbox.extract(path.read_bytes(), path.name, include_text=include_text)


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
            unreadable_file(path, error)
        except ValueError as error:
            failed += 1
            detail = error.errors()[0] if isinstance(error, ValidationError) else None
            where = "/".join(str(part) for part in detail["loc"]) if detail else ""
            message = detail["msg"] if detail else str(error)
            file_problem(path, f"invalid{f' at {where}' if where else ''}: {message}")
        else:
            print(f"{path}: valid")
    return files_status(unreadable, failed)
