"""The reprocess flow: an output folder's inputs re-run under the current extractor version into
`versions/<version>/`, with a report of what changed, field by field; the new version replaces
the current one only when asked (`promote`).

Inputs are read again from the paths the manifest lists; one whose bytes are gone or changed is
reported as missing and keeps its old record.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from flows.atomic_files import write_text
from flows.corrections_store import FOLDER as CORRECTIONS
from flows.corrections_store import correction_changes
from flows.extraction import extract_pending, recorded_inputs
from flows.ingest import write_outputs
from flows.pending import pending_input
from flows.prefect_runtime import run_flow, stopped_run, task_runner
from flows.review_pages import REVIEW, TEXTS, read_pages, read_text
from flows.store import BatchStore
from flows.summary import RunSummary
from pipeline.dataset import measure_rows
from pipeline.version import extractor_version
from schemas import ReportRecord

# The batch files a version consists of; `runs/` stays with the folder, whatever the version.
VERSIONED = (
    "records",
    "quarantine",
    "manifest.json",
    "dataset.jsonl",
    "dataset.csv",
    "dataset.parquet",
    "codebook.json",
    "codebook.md",
    TEXTS,
    REVIEW,
)
_EXAMPLES = 3
# Columns that change with every version by design, not because a value changed.
_NOT_COMPARED = frozenset({"extractor_version", "schema_version"})
_UNSAFE = re.compile(r"[^\w.+-]")


@flow(name="qpr-reprocess")
def reprocess(out: str, workers: int = 1, promote: bool = False) -> dict[str, Any]:
    """Re-extract the inputs of the batch folder `out` into `versions/<current version>/` and
    report the changes; with `promote`, the new version becomes the folder's current one."""
    logger = get_run_logger()
    root = Path(out)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    version = extractor_version()
    target = root / "versions" / _UNSAFE.sub("_", version)
    store = BatchStore(target, corrections_root=root)
    inputs = {entry["sha256"]: list(entry["paths"]) for entry in manifest["inputs"]}
    pending, missing = [], []
    for sha256, paths in sorted(inputs.items()):
        if store.has_record(sha256, version):
            continue
        found = pending_input(sha256, paths)
        if found is None:
            missing.append({"sha256": sha256, "paths": sorted(paths)})
        else:
            pending.append(found)
    logger.info("%d input(s), %d to extract, %d missing", len(inputs), len(pending), len(missing))
    summary = RunSummary(extractor_version=version, inputs=len(inputs), distinct=len(inputs))
    ending = extract_pending(pending, store, summary, workers)
    for item in missing:  # an input that is gone keeps the record it had, and its text
        old = root / "records" / f"{item['sha256']}.json"
        kept = read_text(root / TEXTS / f"{item['sha256']}.txt")
        pages = read_pages(root / TEXTS / f"{item['sha256']}.pages.json")
        store.review.write(item["sha256"], kept, None, pages)  # its page: made with the index
        store.write_record(item["sha256"], old.read_text("utf-8"))
    if ending == "interrupted":  # resumed by the next reprocess: the rest is extracted then
        inputs = recorded_inputs(inputs, store)
    write_outputs(store, inputs, version)
    changes = compare_versions(root / "records", target / "records")
    changes.update(
        from_version=manifest["extractor_version"], to_version=version, missing_inputs=missing
    )
    if (root / CORRECTIONS).is_dir():  # the reviewers' changes, re-anchored on the new records
        changes["corrections"] = correction_changes(store.unsettled, version)["corrections"]
    if ending == "interrupted":
        changes.update(interrupted=True, promoted=False)
        return stopped_run(changes)
    write_text(target / "changes.json", json.dumps(changes, indent=2, ensure_ascii=False) + "\n")
    create_markdown_artifact(
        changes_markdown(changes), key="qpr-reprocess-changes", description="qpr reprocess"
    )
    if promote:
        changes["previous_kept_in"] = str(
            promote_version(root, target, manifest["extractor_version"])
        )
    changes["promoted"] = promote
    return changes


def compare_versions(before: Path, after: Path) -> dict[str, Any]:
    """Per dataset column (and the measure count): how many records changed, with a few
    examples of the value before and after."""
    fields: dict[str, dict[str, Any]] = {}
    records = changed = 0
    for sha256, old, new in _record_pairs(before, after):
        records += 1
        differences = _differences(old, new)
        changed += bool(differences)
        for column, examples in differences.items():
            entry = fields.setdefault(column, {"records_changed": 0, "examples": []})
            entry["records_changed"] += 1
            if len(entry["examples"]) < _EXAMPLES:
                entry["examples"].append({"sha256": sha256, **examples})
    return {
        "records": records,
        "records_changed": changed,
        "fields": dict(sorted(fields.items())),
    }


def _record_pairs(
    before: Path, after: Path
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    for path in sorted(after.glob("*.json")):
        old = before / path.name
        if old.exists():
            yield path.stem, _load(old), _load(path)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _differences(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The first differing value of each column, by measure index; a changed measure count is
    reported as `measure_count`."""
    old_rows = measure_rows(ReportRecord.model_validate(old))
    new_rows = measure_rows(ReportRecord.model_validate(new))
    found: dict[str, dict[str, Any]] = {}
    if len(old_rows) != len(new_rows) or old["status"] != new["status"]:
        found["measure_count"] = {"before": len(old_rows), "after": len(new_rows)}
    for index, (old_row, new_row) in enumerate(zip(old_rows, new_rows, strict=False)):
        for column, value in new_row.items():
            if column in _NOT_COMPARED or column in found or old_row.get(column) == value:
                continue
            found[column] = {"measure_index": index, "before": old_row.get(column), "after": value}
    return found


def changes_markdown(changes: dict[str, Any]) -> str:
    lines = [
        "# qpr reprocess",
        "",
        f"{changes['from_version']} → {changes['to_version']}: {changes['records_changed']} of "
        f"{changes['records']} record(s) changed; {len(changes['missing_inputs'])} input(s) "
        "missing.",
    ]
    if changes["missing_inputs"]:
        lines += ["", "Missing (gone or changed since they were ingested; their old records kept):"]
        lines += [f"- {', '.join(item['paths'])}" for item in changes["missing_inputs"]]
    if changes.get("promoted"):
        lines += [
            "",
            f"Promoted: {changes['to_version']} is now the folder's version; the "
            f"previous one is kept in {changes['previous_kept_in']}.",
        ]
    elif changes.get("interrupted"):
        lines += ["", "Interrupted before the end: run the same command again to finish."]
    if changes["fields"]:
        lines += ["", "| field | records changed | example (before → after) |", "|---|---|---|"]
        for column, entry in changes["fields"].items():
            example = entry["examples"][0]
            before, after = _short(example["before"]), _short(example["after"])
            lines.append(f"| {column} | {entry['records_changed']} | {before} → {after} |")
    return "\n".join(lines) + "\n"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    text = text if len(text) <= 60 else text[:57] + "…"
    return text.replace("|", "\\|")


def promote_version(root: Path, target: Path, current_version: str) -> Path:
    """Move the folder's current version under `versions/<its version>/` and the new one up;
    where the current version went. Each move is a rename, so every file is whole at any
    moment."""
    keep = root / "versions" / _UNSAFE.sub("_", current_version or "unknown")
    if keep == target:
        keep = keep.with_name(keep.name + f".replaced-{time.strftime('%Y%m%dT%H%M%S')}")
    keep.mkdir(parents=True, exist_ok=True)
    for name in VERSIONED:
        if (root / name).exists():
            (root / name).replace(keep / name)
        if (target / name).exists():
            (target / name).replace(root / name)
    return keep


def run_reprocess(
    out: str | Path,
    workers: int = 1,
    dask: bool = False,
    dask_address: str | None = None,
    promote: bool = False,
) -> dict[str, Any]:
    runner = task_runner(workers, dask, dask_address)
    return run_flow(reprocess, runner, str(out), workers=workers, promote=promote)
