"""`qpr correct BATCH_DIR FILE...`: store reviewers' corrections files in a batch folder, all
of them or none. Every file is checked whole first — JSON, the corrections contract, a record of
the batch, each measure and field path, each value valid for the record's contract — and the
first problem found in each is said in a sentence; one problem stores nothing (exit 2)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import ValidationError

from flows import command_log
from flows.corrections_store import (
    append_corrections,
    stored_corrections,
    write_correction_changes,
)
from flows.exit_status import ENVIRONMENT, OK, USAGE, CommandError
from pipeline.corrections import problems
from schemas.corrections import Corrections
from schemas.report import ReportRecord


def add_correct_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    correct = commands.add_parser(
        "correct",
        help="store reviewers' corrections files (exported by the review pages) in a batch",
        description="Check each corrections file against its record in the batch folder and "
        "store them all under corrections/ (the records' audit trails), or none if any is bad.",
    )
    correct.add_argument("batch", type=Path, metavar="BATCH_DIR")
    correct.add_argument("files", type=Path, nargs="+", metavar="FILE")
    correct.set_defaults(run=_correct)


def _correct(arguments: argparse.Namespace) -> int:
    from flows.out_folder import LockedError, batch_lock

    root: Path = arguments.batch
    if not (root / "records").is_dir():
        raise CommandError(f"{root} is not a qpr batch folder (it has no records/)", USAGE)
    try:
        with batch_lock(root, "correct"):
            accepted, found = _checked(root, arguments.files)
            if found:
                for sentence in found:
                    command_log.say(sentence)
                command_log.say(f"nothing stored: {len(found)} file(s) with a problem")
                return USAGE
            append_corrections(root, accepted)
            rebuild_corrected_view(root)
    except LockedError as error:
        raise CommandError(str(error), ENVIRONMENT) from None
    changes = sum(len(item.changes) for item in accepted)
    records = len({item.record_sha256 for item in accepted})
    print(f"stored {changes} change(s) from {len(accepted)} file(s) for {records} record(s)")
    return OK


def rebuild_corrected_view(root: Path) -> None:
    """The dataset as the corrections now make it, changes.json with what they leave
    unsettled, and the review pages of the corrected records with their index; contact
    columns kept as the batch's last dataset had them."""
    from flows.store import BatchStore
    from pipeline.version import extractor_version

    codebook = root / "codebook.json"
    names = (
        {column["name"] for column in json.loads(codebook.read_text("utf-8"))["columns"]}
        if codebook.exists()
        else set()
    )
    store = BatchStore(root, include_contact="contact_email" in names)
    store.rebuild_dataset()
    write_correction_changes(root, store.unsettled, _batch_version(root) or extractor_version())
    store.review.write_index(store.record_files())


def _batch_version(root: Path) -> str | None:
    """The extractor version of the batch's records (its manifest's), which correcting does not
    change; None without a readable manifest."""
    try:
        version = json.loads((root / "manifest.json").read_text("utf-8"))["extractor_version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return version if isinstance(version, str) else None


def _checked(root: Path, files: list[Path]) -> tuple[list[Corrections], list[str]]:
    """The files read and checked; a sentence per file with a problem."""
    accepted: list[Corrections] = []
    found: list[str] = []
    for path in files:
        try:
            accepted.append(_check_one(root, path))
        except ValueError as error:
            found.append(f"{path}: {error}")
    return accepted, found


def _check_one(root: Path, path: Path) -> Corrections:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot be read ({error.__class__.__name__})") from None
    return checked_corrections(root, text)


def checked_corrections(root: Path, text: str) -> Corrections:
    """A corrections file's text checked whole against its record in the batch `root`;
    ValueError with the first problem found, said as the end of a sentence about the file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"is not JSON (line {error.lineno}: {error.msg})") from None
    try:
        corrections = Corrections.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise ValueError(f"is not a corrections file ({where}: {first['msg']})") from None
    record_path = root / "records" / f"{corrections.record_sha256}.json"
    if not record_path.exists():
        raise ValueError(f"names record {corrections.record_sha256[:12]}…, which this batch lacks")
    record = ReportRecord.model_validate_json(record_path.read_bytes())
    # Checked after the record's earlier corrections, as they will apply: a measure added
    # before may be corrected now.
    found = problems(record, corrections, earlier=stored_corrections(root, record.source.sha256))
    if found:
        raise ValueError(found[0])
    return corrections
