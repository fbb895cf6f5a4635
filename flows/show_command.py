"""`qpr show BATCH_DIR RECORD [--corrected]`: one record of a batch as JSON, as the machine made
it or, with `--corrected`, as its reviewers' corrections make it (docs/record.md,
"Corrections"): the corrected record and, beside it, each corrected value's machine value, the
values confirmed, the measures left out or added, the review state, and the changes that a new
extraction left unsettled. RECORD is a sha256 (or its start) or an input's file name."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from flows.exit_status import OK, USAGE, CommandError


def add_show_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = commands.add_parser(
        "show", help="print one record of a batch, as extracted or with its corrections applied"
    )
    show.add_argument("batch", type=Path, metavar="BATCH_DIR")
    show.add_argument("record", metavar="RECORD", help="sha256 (or its start) or file name")
    show.add_argument(
        "--corrected", action="store_true", help="apply the reviewers' corrections (qpr correct)"
    )
    show.set_defaults(run=_show)


def _show(arguments: argparse.Namespace) -> int:
    from flows.corrections_store import stored_corrections
    from pipeline import record_json
    from pipeline.corrections import corrected_view, unsettled
    from schemas.report import ReportRecord

    path = _record_path(arguments.batch, arguments.record)
    record = ReportRecord.model_validate_json(path.read_bytes())
    if not arguments.corrected:
        print(record_json(record))
        return OK
    view = corrected_view(record, stored_corrections(arguments.batch, record.source.sha256))
    shown: dict[str, Any] = {
        "record": json.loads(record_json(view.record)),
        "review_state": view.review_state.value,
        "machine_values": dict(sorted(view.machine.items())),
        "confirmed": sorted(view.confirmed),
        "not_measures": view.excluded,
        "added_measures": view.added,
        **unsettled(view),
    }
    print(json.dumps(shown, ensure_ascii=False, indent=2))
    return OK


def _record_path(batch: Path, wanted: str) -> Path:
    records = batch / "records"
    if not records.is_dir():
        raise CommandError(f"{batch} is not a qpr batch folder (it has no records/)", USAGE)
    found = sorted(records.glob(f"{wanted}*.json")) if _hexadecimal(wanted) else []
    if not found:
        found = [path for path in sorted(records.glob("*.json")) if _filename(path) == wanted]
    if len(found) != 1:
        many = f"{len(found)} records match" if found else "no record matches"
        raise CommandError(f"{many} '{wanted}' in {batch}: give more of the sha256", USAGE)
    return found[0]


def _hexadecimal(text: str) -> bool:
    return len(text) >= 4 and all(char in "0123456789abcdef" for char in text)


def _filename(path: Path) -> str | None:
    try:
        name: str = json.loads(path.read_text(encoding="utf-8"))["source"]["filename"]
    except (ValueError, KeyError, TypeError):
        return None
    return name
