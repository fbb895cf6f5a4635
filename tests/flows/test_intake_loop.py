"""What the intake service takes up again when it starts (flows/intake/ingest_loop.py): every
submission a stop or a kill left unfinished, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from flows.intake.ingest_loop import unfinished_submissions
from flows.submissions import accept

VERSION = "0.1.0+current"


def _record(root: Path, sha256: str, version: str) -> None:
    (root / "records").mkdir(exist_ok=True)
    record = {"extractor": {"name": "qpr", "version": version}}
    (root / "records" / f"{sha256}.json").write_text(json.dumps(record))


def test_a_restart_takes_up_what_has_no_current_record_or_is_missing_from_the_manifest(
    tmp_path: Path,
) -> None:
    done, _ = accept(tmp_path, "KEN", "done.txt", b"finished and listed")
    unlisted, _ = accept(
        tmp_path, "KEN", "unlisted.txt", b"recorded by a run killed before its end"
    )
    waiting, _ = accept(tmp_path, "FRA", "waiting.txt", b"accepted, never extracted")
    older, _ = accept(tmp_path, "FRA", "older.txt", b"recorded by an older extractor")
    for item, version in ((done, VERSION), (unlisted, VERSION), (older, "0.0.9+old")):
        _record(tmp_path, item.sha256, version)
    listed = [{"sha256": item.sha256, "paths": []} for item in (done, older)]
    (tmp_path / "manifest.json").write_text(json.dumps({"inputs": listed}))
    again = unfinished_submissions(tmp_path, VERSION)
    assert {item.id for item in again} == {unlisted.id, waiting.id, older.id}
