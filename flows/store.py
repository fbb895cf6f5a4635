"""The output folder of a batch (the README's "Batches"): records, quarantine, manifest, dataset, codebook
and run summaries (texts and review pages: flows/review_pages.py), each written whole or not at all.

Every file is written to a temporary file in its own folder and renamed over the target, so a
run killed at any instant (kill -9 included) leaves whole files only. The manifest and the
dataset are rebuilt from records/ rather than appended to, so a run killed and started again
ends with the same bytes as one that never stopped.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import logging
import os
import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from flows.atomic_files import (
    TEMPORARY,
    atomic_file,
    remove_leftover_temporaries,
    safe_suffix,
    write_text,
)
from flows.corrections_store import stored_corrections
from flows.review_pages import ReviewFolder
from flows.submissions import withdrawn_inputs
from pipeline.corrections import CorrectedView, corrected_view, unsettled
from pipeline.dataset import Column, codebook, codebook_markdown, columns, measure_rows
from pipeline.dataset.tables import LINKS, RECORD_TABLES, record_table_rows
from pipeline.linking import LinkItem, item_from_row, link
from schemas import SCHEMA_VERSION, ReportRecord
from schemas.corrections import ReviewState

__all__ = ["BatchStore", "arrow_type", "csv_cell"]

log = logging.getLogger(__name__)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_RECORD_NAME = re.compile(r"^[0-9a-f]{64}\.json$")
_SHA256_PREFIX = re.compile(r"^[0-9a-f]{64}(?:\.|$)")
_UNSAFE_RUN_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")
# What a manifest entry says of its record, kept from an earlier run when the record is gone.
_OUTCOME_KEYS = ("format", "status", "failure", "issues", "measures")
# Rows per Parquet row group: large enough for compression, small enough that memory stays flat
# however many records the archive holds.
_PARQUET_BATCH_ROWS = 2048

_ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}
# What the manifest says of a record that is in records/ but no longer validates: it is left out
# of the dataset, so the manifest must not call it ok.
_INVALID_OUTCOME = {"status": "invalid", "failure": "invalid_record"}


class _ParquetTable:
    """A Parquet file written whole or not at all, its rows added in row groups."""

    def __init__(self, path: Path, table_columns: tuple[Column, ...]) -> None:
        self.path = path
        self.schema = pa.schema(
            [pa.field(column.name, arrow_type(column)) for column in table_columns]
        )
        self._batch: list[dict[str, Any]] = []
        self._written = False

    def __enter__(self) -> _ParquetTable:
        self._stack = contextlib.ExitStack()
        file = self._stack.enter_context(atomic_file(self.path, "wb"))
        # No pandas metadata and no timestamps: two rebuilds give the same bytes.
        self._writer = self._stack.enter_context(pq.ParquetWriter(file, self.schema))
        return self

    def add(self, rows: list[dict[str, Any]]) -> None:
        self._batch.extend(rows)
        if len(self._batch) >= _PARQUET_BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        self._writer.write_table(pa.Table.from_pylist(self._batch, schema=self.schema))
        self._batch, self._written = [], True

    def __exit__(self, kind: Any, error: Any, trace: Any) -> bool | None:
        if kind is None and (self._batch or not self._written):
            # An empty table still gets a row group, so every reader sees the columns.
            self._flush()
        return self._stack.__exit__(kind, error, trace)


@contextlib.contextmanager
def _spool(folder: Path) -> Iterator[IO[str]]:
    """A temporary file of the dataset's rows, before linking gives them their cluster_id;
    named so that the next writer of the folder removes it if this process is killed."""
    path = folder / f".dataset-rows.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        with path.open("x", encoding="utf-8", newline="") as file:
            yield file
    finally:
        path.unlink(missing_ok=True)


class BatchStore:
    """One batch output folder. A single process writes it at a time."""

    def __init__(
        self, root: Path, include_contact: bool = False, corrections_root: Path | None = None
    ) -> None:
        """`corrections_root`: the batch folder whose reviewers' corrections the dataset
        applies, and whose superseded submissions it leaves out (the folder itself, unless
        this is one of its `versions/`)."""
        self.root = Path(root)
        self.include_contact = include_contact
        self.corrections_root = Path(corrections_root) if corrections_root else self.root
        self.records = self.root / "records"
        self.quarantine_folder = self.root / "quarantine"
        self.runs = self.root / "runs"
        self.tables = self.root / "tables"
        for folder in (self.root, self.records, self.quarantine_folder, self.runs):
            folder.mkdir(parents=True, exist_ok=True)
            remove_leftover_temporaries(folder)
        self.review = ReviewFolder(self.root, corrections_root=self.corrections_root)
        # Known once, so that writing a record does not list quarantine/ each time.
        self._quarantined_inputs = {
            path.name[:64]
            for path in self.quarantine_folder.iterdir()
            if _SHA256_PREFIX.match(path.name)
        }
        self._invalid: set[str] = set()
        # Per record with corrections, those the last dataset rebuild could not settle.
        self.unsettled: dict[str, dict[str, list[dict[str, Any]]]] = {}

    @property
    def invalid_records(self) -> list[str]:
        """The sha256s, sorted, of the records that did not validate as a ReportRecord when
        write_manifest or rebuild_dataset last read them (their manifest status is "invalid",
        and the dataset leaves them out); empty when every record read is valid."""
        return sorted(self._invalid)

    # Records

    def record_path(self, sha256: str) -> Path:
        return self.records / f"{_checked_sha256(sha256)}.json"

    def has_record(self, sha256: str, extractor_version: str) -> bool:
        """Whether the input's record exists and was made by this extractor version."""
        record = _read_json(self.record_path(sha256))
        if not isinstance(record, dict):
            return False
        extractor = record.get("extractor")
        return isinstance(extractor, dict) and extractor.get("version") == extractor_version

    def write_record(self, sha256: str, record_json: str, failed: bool | None = None) -> None:
        """Write a record (pipeline.record_json's text); a record that no longer failed takes
        its input out of quarantine, so quarantine/ lists the current failures only. `failed`
        is the record's status when the caller made the record; otherwise the text is read."""
        text = record_json if record_json.endswith("\n") else record_json + "\n"
        if failed is None:
            # Not JSON: refused before anything is written.
            failed = json.loads(text).get("status") == "failed"
        write_text(self.record_path(sha256), text)
        self._invalid.discard(sha256)  # not read since: nothing is known against it
        if not failed and sha256 in self._quarantined_inputs:
            for stale in self._quarantined(sha256):
                stale.unlink(missing_ok=True)
            self._quarantined_inputs.discard(sha256)

    def record_files(self) -> list[Path]:
        """The record files in sha256 order; anything else in records/ is ignored."""
        return sorted(
            (path for path in self.records.iterdir() if _RECORD_NAME.match(path.name)),
            key=lambda path: path.name,
        )

    # Quarantine

    def quarantine(
        self,
        sha256: str,
        data: bytes | None,
        suffix: str,
        paths: list[str],
        code: str,
        message: str,
    ) -> None:
        """Keep a copy of a failed input (unless `data` is None), and a reason file saying
        where it was and why."""
        sha256 = _checked_sha256(sha256)
        copy = self.quarantine_folder / f"{sha256}{safe_suffix(suffix)}"
        # Named by content: an existing copy already holds these bytes.
        if data is not None and not copy.exists():
            with atomic_file(copy, "wb") as file:
                file.write(data)
        reason = {"sha256": sha256, "paths": sorted(set(paths)), "code": code, "message": message}
        write_text(self.quarantine_folder / f"{sha256}.reason.json", _json_text(reason))
        self._quarantined_inputs.add(sha256)

    def _quarantined(self, sha256: str) -> list[Path]:
        return [
            path
            for path in self.quarantine_folder.glob(f"{sha256}*")
            if not TEMPORARY.match(path.name)
        ]

    # Manifest

    def write_manifest(
        self, inputs: dict[str, list[str]], extractor_version: str
    ) -> list[dict[str, Any]]:
        """manifest.json: every input once, by sha256, with all its paths and its record's
        outcome. Inputs of earlier runs absent from this scan stay listed, so an inbox fed over
        several runs keeps its whole history; no timings, so equal inputs give equal bytes.
        The entries written are returned."""
        entries = {entry["sha256"]: entry for entry in self._earlier_manifest_entries()}
        for sha256, paths in inputs.items():
            known = entries.get(_checked_sha256(sha256), {}).get("paths", [])
            entries[sha256] = {"sha256": sha256, "paths": sorted({*known, *paths})}
        written = [self._manifest_entry(entries[sha256]) for sha256 in sorted(entries)]
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "extractor_version": extractor_version,
            "inputs": written,
        }
        write_text(self.root / "manifest.json", _json_text(manifest))
        return written

    def _earlier_manifest_entries(self) -> list[dict[str, Any]]:
        path = self.root / "manifest.json"
        if not path.exists():
            return []
        manifest = _read_json(path)
        if not isinstance(manifest, dict) or not isinstance(manifest.get("inputs"), list):
            # Written atomically by this class, so this is a hand edit: refuse rather than
            # silently drop the history of earlier runs.
            raise ValueError(f"{path} is not a qpr manifest: move it away and run again")
        return [entry for entry in manifest["inputs"] if _SHA256.match(str(entry.get("sha256")))]

    def _manifest_entry(self, entry: dict[str, Any]) -> dict[str, Any]:
        """An entry's outcome as its record says now (a reprocess may have changed it); the
        earlier entry's outcome when the record is gone; "invalid" when the record no longer
        validates."""
        path = self.record_path(entry["sha256"])
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            log.warning("input %s has no record", entry["sha256"])
            outcome = {key: entry.get(key) for key in _OUTCOME_KEYS}
            return {"sha256": entry["sha256"], "paths": entry["paths"], **outcome}
        record = self._validated(path.stem, data)
        if record is not None:
            failed = record.status.value == "failed" and record.issues
            outcome = {
                "format": record.source.format,
                "status": record.status.value,
                # Why a failed input failed, so the manifest alone accounts for every input.
                "failure": record.issues[0].code.value if failed else None,
                "issues": len(record.issues),
                "measures": len(record.measures),
            }
        else:
            # Counted from the JSON as far as it goes: a hand edit may have broken any part.
            raw = _read_json(path)
            raw = raw if isinstance(raw, dict) else {}
            source = raw.get("source")
            outcome = {
                "format": source.get("format") if isinstance(source, dict) else None,
                **_INVALID_OUTCOME,
                "issues": _length(raw.get("issues")),
                "measures": _length(raw.get("measures")),
            }
        return {"sha256": entry["sha256"], "paths": entry["paths"], **outcome}

    def _validated(self, sha256: str, data: bytes) -> ReportRecord | None:
        """The record in `data`, or None (logged, and listed in invalid_records) when it does not
        validate: a record of another schema version, or a hand edit."""
        try:
            record = ReportRecord.model_validate_json(data)
        except ValueError as error:
            log.error("record %s.json is invalid, left out of the dataset: %s", sha256, error)
            self._invalid.add(sha256)
            return None
        self._invalid.discard(sha256)
        return record

    # Dataset

    def rebuild_dataset(self) -> int:
        """dataset.jsonl/.csv/.parquet, the other tables (tables/*.parquet), the links across
        cycles and copies (links.parquet) and the codebook, rebuilt from records/ one record
        at a time (memory stays flat with the archive's size, but for what linking keeps of
        each measure); the number of rows."""
        count = 0
        self.unsettled = {}
        self.tables.mkdir(exist_ok=True)
        remove_leftover_temporaries(self.tables)
        with contextlib.ExitStack() as stack:
            spool = stack.enter_context(_spool(self.root))
            writers = {
                table.name: stack.enter_context(
                    _ParquetTable(self.tables / f"{table.name}.parquet", table.columns)
                )
                for table in RECORD_TABLES
            }
            items = []  # what linking reads of each row, kept as the rows pass
            for record, view in self._records():
                for row in measure_rows(record, self.include_contact, view):
                    spool.write(json.dumps(row, ensure_ascii=False) + "\n")
                    items.append(item_from_row(row))
                    count += 1
                shown = view.record if view else record
                state = (view.review_state if view else ReviewState.UNREVIEWED).value
                for name, rows in record_table_rows(shown, state).items():
                    writers[name].add(rows)
            spool.flush()
            self._link_dataset(Path(spool.name), columns(self.include_contact), items)
        write_text(self.root / "codebook.json", _json_text(codebook(self.include_contact)))
        markdown = codebook_markdown(self.include_contact)
        write_text(
            self.root / "codebook.md", markdown if markdown.endswith("\n") else markdown + "\n"
        )
        return count

    def link(self) -> int:
        """Link the dataset's measures again (`qpr link`): links.parquet and the dataset's
        cluster_id, from the dataset as it is; the number of clusters of more than one measure.
        A batch of a qpr before linking (no cluster_id, no tables/) is rebuilt from records/."""
        dataset = self.root / "dataset.jsonl"
        with dataset.open(encoding="utf-8") as lines:
            first = lines.readline()
        tables = (self.tables / f"{table.name}.parquet" for table in RECORD_TABLES)
        row = json.loads(first) if first else {}
        if row:  # contact columns kept as the batch's dataset has them
            self.include_contact = "contact_email" in row
        if "cluster_id" not in row or not all(map(Path.exists, tables)):
            self.rebuild_dataset()
        else:
            self._link_dataset(dataset, columns(self.include_contact))
        clusters = pq.read_table(self.root / "links.parquet", columns=["cluster_id"])
        counts = clusters.column("cluster_id").value_counts()
        return sum(1 for count in counts.field("counts").to_pylist() if count > 1)

    def _link_dataset(
        self,
        rows_file: Path,
        dataset_columns: tuple[Column, ...],
        items: list[LinkItem] | None = None,
    ) -> None:
        """links.parquet from the rows of `rows_file` (JSON lines in column order), or from
        their `items` when the caller has them, then the dataset files from those rows with
        their cluster_id."""
        if items is None:
            with rows_file.open(encoding="utf-8") as lines:
                items = [item_from_row(json.loads(line)) for line in lines]
        links = link(items)
        with _ParquetTable(self.root / "links.parquet", LINKS.columns) as links_table:
            links_table.add([dataclasses.asdict(found) for found in links])
        cluster = {found.measure_id: found.cluster_id for found in links}
        names = [column.name for column in dataset_columns]
        with (
            rows_file.open(encoding="utf-8") as lines,
            atomic_file(self.root / "dataset.jsonl", "w") as jsonl,
            atomic_file(self.root / "dataset.csv", "w") as csv_file,
            _ParquetTable(self.root / "dataset.parquet", dataset_columns) as parquet,
        ):
            csv_rows = csv.writer(csv_file, lineterminator="\n")
            csv_rows.writerow(names)
            for line in lines:
                row = json.loads(line)
                row["cluster_id"] = cluster[row["measure_id"]]
                jsonl.write(json.dumps(row, ensure_ascii=False) + "\n")
                csv_rows.writerow([csv_cell(row[name]) for name in names])
                parquet.add([row])

    def _records(self) -> Iterator[tuple[ReportRecord, CorrectedView | None]]:
        """Each valid record of the dataset with its corrected view, in sha256 order."""
        withdrawn = withdrawn_inputs(self.corrections_root)
        for path in self.record_files():
            if path.stem in withdrawn:  # a Party sent a new version of this report
                continue
            # An invalid record is left out: the rest of the dataset is still worth having.
            record = self._validated(path.stem, path.read_bytes())
            if record is not None:
                yield record, self._view(record)

    def _view(self, record: ReportRecord) -> CorrectedView | None:
        """The record with its reviewers' corrections, if any, noting what is unsettled."""
        stored = stored_corrections(self.corrections_root, record.source.sha256)
        if not stored:
            return None
        view = corrected_view(record, stored)
        found = unsettled(view)
        if found["orphans"] or found["conflicts"]:
            self.unsettled[record.source.sha256] = found
        return view

    # Runs

    def new_run_name(self, started: float | None = None) -> str:
        """A name for runs/<name>.json and .log: the start time (UTC), numbered when a run of
        the same second already has one."""
        base = time.strftime(
            "%Y%m%dT%H%M%SZ", time.gmtime(time.time() if started is None else started)
        )
        name, number = base, 1
        while (self.runs / f"{name}.json").exists() or (self.runs / f"{name}.log").exists():
            number += 1
            name = f"{base}-{number}"
        return name

    def write_run(self, name: str, summary: dict[str, Any]) -> Path:
        """runs/<name>.json: what one run did (timings, counts, versions)."""
        safe = _UNSAFE_RUN_CHARACTERS.sub("-", name).strip(".-") or "run"
        path = self.runs / f"{safe}.json"
        write_text(path, _json_text(summary))
        return path


def _checked_sha256(sha256: str) -> str:
    # The hash becomes a file name: anything but 64 hex digits could name another file.
    if not _SHA256.match(sha256):
        raise ValueError(f"not a lowercase sha256 hex digest: {sha256!r}")
    return sha256


def _json_text(value: Any) -> str:
    # default=str: a run summary may hold datetimes or paths.
    return json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n"


def _read_json(path: Path) -> Any:
    """The JSON in `path`, or None when it is missing or not JSON."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, list) else None


def arrow_type(column: Column) -> pa.DataType:
    """The Arrow type of a dataset or table column (a list: a real list column)."""
    if column.items:
        # A real list column, so that no reader has to split text.
        return pa.list_(_ARROW_TYPES[column.items])
    return _ARROW_TYPES[column.kind]


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell, by the codebook's conventions."""
    # JSON's spelling, which every CSV reader takes for a boolean (Python's str gives True).
    if isinstance(value, bool):
        return "true" if value else "false"
    # CSV has no lists: compact JSON keeps each item whole (a "; " or a quote inside an item
    # cannot split it) and tells an empty list ([]) from a missing value (an empty cell).
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value
