"""The `qpr` command: extract, schema and validate now; the flow commands import Prefect
lazily, so `qpr extract` starts without paying for it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from pipeline import extract_file, record_json
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
    extract.set_defaults(run=_extract)

    schema = commands.add_parser("schema", help="print the JSON Schema of a record")
    schema.set_defaults(run=_schema)

    validate = commands.add_parser("validate", help="check record JSON files against the schema")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.set_defaults(run=_validate)
    return parser


def _extract(arguments: argparse.Namespace) -> int:
    failed = 0
    texts = []
    for path in arguments.files:
        try:
            record = extract_file(path, include_text=arguments.include_text)
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


if __name__ == "__main__":
    sys.exit(main())
