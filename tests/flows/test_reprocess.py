"""The reprocess flow, run for real: it re-extracts a batch folder's inputs into a new version
folder, reports a change planted in the old records, and promotes only when asked."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from flows.reprocess import changes_markdown, run_reprocess

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
INPUTS = ("peru-cine-regional.txt", "benin-fonds-creation-musicale.docx")

pytestmark = pytest.mark.usefixtures("prefect_api")


@pytest.fixture
def batch(ingest_samples: Callable[[Sequence[str]], Path]) -> Path:
    return ingest_samples(INPUTS)


def plant_old_title(out: Path) -> tuple[str, str]:
    """Make one record look as an older extractor wrote it: another title."""
    path = sorted((out / "records").glob("*.json"))[0]
    record = json.loads(path.read_text(encoding="utf-8"))
    title = record["measures"][0]["title"]
    record["measures"][0]["title"] = "An older extractor's title"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path.stem, title


def test_reprocess_reports_a_planted_change_and_leaves_the_current_version(batch: Path) -> None:
    sha256, title = plant_old_title(batch)
    changes = run_reprocess(batch)
    assert changes["records"] == len(INPUTS) and changes["records_changed"] == 1
    entry = changes["fields"]["title"]
    assert entry["records_changed"] == 1
    assert entry["examples"] == [
        {
            "sha256": sha256,
            "measure_index": 0,
            "before": "An older extractor's title",
            "after": title,
        }
    ]
    assert list(changes["fields"]) == ["title"]
    version_folder = next((batch / "versions").iterdir())
    report = json.loads((version_folder / "changes.json").read_text(encoding="utf-8"))
    assert report["fields"]["title"]["records_changed"] == 1
    current = json.loads((batch / "records" / f"{sha256}.json").read_text(encoding="utf-8"))
    assert current["measures"][0]["title"] == "An older extractor's title"  # not promoted


def test_promote_makes_the_new_version_current_and_keeps_the_old_one(batch: Path) -> None:
    sha256, title = plant_old_title(batch)
    changes = run_reprocess(batch, promote=True)
    assert "Promoted: " in changes_markdown(changes)
    current = json.loads((batch / "records" / f"{sha256}.json").read_text(encoding="utf-8"))
    assert current["measures"][0]["title"] == title
    kept = [path for path in (batch / "versions").rglob(f"{sha256}.json")]
    titles = {json.loads(path.read_text("utf-8"))["measures"][0]["title"] for path in kept}
    assert "An older extractor's title" in titles
    assert (batch / "manifest.json").exists() and (batch / "dataset.parquet").exists()
    # The texts and review pages moved up with their version.
    page = (batch / "review" / f"{sha256}.html").read_text(encoding="utf-8")
    assert title in page and (batch / "texts" / f"{sha256}.txt").exists()


def test_an_input_that_is_gone_keeps_its_record_and_is_reported(batch: Path) -> None:
    manifest = json.loads((batch / "manifest.json").read_text(encoding="utf-8"))
    gone = manifest["inputs"][0]
    for path in gone["paths"]:
        Path(path).unlink()
    changes = run_reprocess(batch)
    assert changes["missing_inputs"] == [{"sha256": gone["sha256"], "paths": gone["paths"]}]
    assert f"- {gone['paths'][0]}" in changes_markdown(changes)  # named by path, not by hash
    assert changes["records"] == len(INPUTS) and changes["records_changed"] == 0
    # Its text goes with its record, and its page is made again from them.
    version_folder = next((batch / "versions").iterdir())
    text = (version_folder / "texts" / f"{gone['sha256']}.txt").read_bytes()
    assert text == (batch / "texts" / f"{gone['sha256']}.txt").read_bytes()
    assert (version_folder / "review" / f"{gone['sha256']}.html").exists()
