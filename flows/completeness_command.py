"""The `completeness` command: what each record of a batch lacks, for the follow-up letters to
the Parties (pipeline/completeness.py). No Prefect: it reads `records/` and writes two outputs
into the batch folder, each whole or not at all:

- `completeness.csv`: one row per missing item (record, measure, field, state, the form's label
  and a detail, in the report's form language), records in (file name, sha256) order and each
  record's items in the order missing_items gives;
- `completeness/<sha256>.txt`: the letter summary of each record (and no other: the summaries of
  records no longer in the batch are removed).

A failed record (nothing could be read; the manifest and quarantine say why) has nothing to ask
for and is skipped; a record that no longer validates is skipped too, and makes the status 1.
Both are counted in the line printed at the end.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING

from flows.atomic_files import atomic_file, remove_leftover_temporaries, write_text
from flows.exit_status import ENVIRONMENT, FAILED_INPUTS, OK, USAGE, CommandError

if TYPE_CHECKING:
    from schemas import ReportRecord

COLUMNS = (
    "sha256",
    "filename",
    "measure_id",
    "measure_index",
    "field",
    "state",
    "label",
    "detail",
)
_RECORD_NAME = re.compile(r"^[0-9a-f]{64}\.json$")
_SUMMARY_NAME = re.compile(r"^[0-9a-f]{64}\.txt$")


def add_completeness_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    completeness = commands.add_parser(
        "completeness",
        help="list what each record of a batch lacks, for the follow-up letters",
        description="For each record of the batch folder: the fields of the form the report "
        "used (2012-2016 or 2020+) that are blank, not available, unparsed or ambiguous. Writes "
        "DIR/completeness.csv (one row per missing item) and DIR/completeness/<sha256>.txt (a "
        "summary to paste into the letter to the Party, in the report's form language).",
    )
    completeness.add_argument("batch", type=Path, metavar="BATCH_DIR", help="a batch folder")
    completeness.set_defaults(run=_completeness)


def _completeness(arguments: argparse.Namespace) -> int:
    from flows.out_folder import LockedError, batch_lock

    root: Path = arguments.batch
    records = root / "records"
    if not records.is_dir():
        what = "does not exist" if not root.exists() else "is not a batch folder (no records/)"
        raise CommandError(f"{root} {what}", USAGE)
    try:
        with batch_lock(root, "completeness"):
            return _write_outputs(root, sorted(records.iterdir()))
    except LockedError as error:
        raise CommandError(str(error), ENVIRONMENT) from None


def _write_outputs(root: Path, paths: list[Path]) -> int:
    from pipeline.completeness import letter_summary, missing_items
    from schemas import Status

    read, failed, invalid = _read_records(paths)
    if not read and not failed and not invalid:
        raise CommandError(f"{root / 'records'} holds no record: nothing to check", USAGE)
    summaries = root / "completeness"
    summaries.mkdir(exist_ok=True)
    remove_leftover_temporaries(summaries)
    rows = 0
    kept = set()
    with atomic_file(root / "completeness.csv", "w") as file:
        table = csv.writer(file, lineterminator="\n")
        table.writerow(COLUMNS)
        for record in read:
            if record.status is Status.FAILED:
                continue
            items = missing_items(record)
            source = record.source
            for item in items:
                index = "" if item.measure_index is None else item.measure_index
                table.writerow(
                    [source.sha256, source.filename, item.measure_id or "", index]
                    + [item.field, item.state, item.label, item.detail]
                )
            rows += len(items)
            name = f"{source.sha256}.txt"
            write_text(summaries / name, letter_summary(record, items))
            kept.add(name)
    for stale in summaries.iterdir():
        if _SUMMARY_NAME.match(stale.name) and stale.name not in kept:
            stale.unlink(missing_ok=True)
    checked = len(read) - failed
    skipped = [f"{failed} failed" if failed else "", f"{invalid} invalid" if invalid else ""]
    note = " and ".join(part for part in skipped if part)
    print(
        f"completeness: {checked} record{'s' * (checked != 1)}, {rows} missing "
        f"item{'s' * (rows != 1)} -> {root / 'completeness.csv'}, {summaries}/"
        + (f" ({note} skipped)" if note else "")
    )
    return FAILED_INPUTS if invalid else OK


def _read_records(paths: list[Path]) -> tuple[list[ReportRecord], int, int]:
    """The valid records, sorted by source file name then sha256; how many of them failed;
    how many record files did not validate."""
    from pydantic import ValidationError

    from schemas import ReportRecord, Status

    records, invalid = [], 0
    for path in paths:
        if not _RECORD_NAME.match(path.name):
            continue
        try:
            records.append(ReportRecord.model_validate_json(path.read_bytes()))
        except ValidationError:
            invalid += 1
    records.sort(key=lambda record: (record.source.filename, record.source.sha256))
    failed = sum(record.status is Status.FAILED for record in records)
    return records, failed, invalid
