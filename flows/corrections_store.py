"""A batch folder's corrections (docs/record.md, "Corrections"): `corrections/<sha256>.jsonl`,
one line per corrections file accepted by `qpr correct`, in the order they came. The file is the
record's audit trail (who changed what, when, what they saw and what they gave): lines are only
ever added, and each write replaces the file whole, so a crash leaves the trail as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flows.atomic_files import write_text
from schemas.corrections import Corrections

FOLDER = "corrections"


def trail_path(root: Path, sha256: str) -> Path:
    return root / FOLDER / f"{sha256}.jsonl"


def stored_corrections(root: Path, sha256: str) -> list[Corrections]:
    """Every corrections file accepted for the record, oldest first."""
    path = trail_path(root, sha256)
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Corrections.model_validate_json(line) for line in lines if line.strip()]


def append_corrections(root: Path, accepted: list[Corrections]) -> None:
    """Add accepted files to their records' trails; checked beforehand, so that only the disk
    can fail here."""
    by_record: dict[str, list[Corrections]] = {}
    for corrections in accepted:
        by_record.setdefault(corrections.record_sha256, []).append(corrections)
    (root / FOLDER).mkdir(exist_ok=True)
    for sha256, added in sorted(by_record.items()):
        path = trail_path(root, sha256)
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        lines = [item.model_dump_json() + "\n" for item in added]
        write_text(path, before + "".join(lines))


def correction_changes(unsettled: dict[str, Any], version: str) -> dict[str, Any]:
    """What `changes.json` says of the corrections after an extraction under `version`: per
    record, the changes whose measure is gone (orphans, not applied) and those whose machine
    value changed since the reviewer saw it (conflicts, applied); for a person to settle."""
    return {
        "extractor_version": version,
        "corrections": {
            "records_unsettled": len(unsettled),
            "orphans": sum(len(found["orphans"]) for found in unsettled.values()),
            "conflicts": sum(len(found["conflicts"]) for found in unsettled.values()),
            "by_record": dict(sorted(unsettled.items())),
        },
    }


def write_correction_changes(root: Path, unsettled: dict[str, Any], version: str) -> None:
    """`changes.json` of a batch folder that holds corrections (none is written without)."""
    if (root / FOLDER).is_dir():
        text = json.dumps(correction_changes(unsettled, version), indent=2, ensure_ascii=False)
        write_text(root / "changes.json", text + "\n")
