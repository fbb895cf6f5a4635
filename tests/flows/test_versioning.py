"""The extractor version changes whenever records can change, so that `qpr ingest` re-extracts and
`qpr reprocess` reports what an edit of the extraction code changed (and nothing where it changed
nothing). The commands run on a copy of the code, edited as a developer would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from commands import ROOT, no_traceback, qpr

from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.version import code_fingerprint, extractor_version

SEED = ROOT / "samples" / "azerbaijan-civil-society-consultation.txt"


@pytest.fixture
def code_copy(tmp_path: Path) -> Path:
    """A copy of the project's code, importable in place of the installed one."""
    tree = tmp_path / "code"
    for package in ("pipeline", "schemas", "flows"):
        shutil.copytree(
            ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return tree


def test_an_edit_of_a_source_file_or_a_table_changes_the_fingerprint(code_copy: Path) -> None:
    original = code_fingerprint(code_copy)
    assert original == code_fingerprint(ROOT), "the copy is the code"
    normalize = code_copy / "pipeline" / "normalize.py"
    normalize.write_text(normalize.read_text() + "\n# a comment\n")
    after_code = code_fingerprint(code_copy)
    table = code_copy / "pipeline" / "data" / "formats.toml"
    table.write_text(table.read_text() + "\n")
    after_table = code_fingerprint(code_copy)
    schema = code_copy / "schemas" / "measure.py"
    schema.write_text(schema.read_text() + "\n")
    after_schema = code_fingerprint(code_copy)
    assert len({original, after_code, after_table, after_schema}) == 4
    (code_copy / "pipeline" / "__pycache__").mkdir(exist_ok=True)
    (code_copy / "pipeline" / "__pycache__" / "measure.cpython-311.pyc").write_bytes(b"\0")
    assert code_fingerprint(code_copy) == after_schema, "compiled files are not the code"


def test_an_edit_of_the_review_pages_leaves_the_fingerprint(code_copy: Path) -> None:
    """The review pages, completeness, corrections, the dataset's tables and the linker read
    records and never make one: editing them re-extracts nothing."""
    original = code_fingerprint(code_copy)
    for name in (
        "review/page.py",
        "review/page.css",
        "review/ui.toml",
        "completeness.py",
        "data/completeness.toml",
        "corrections.py",
        "dataset/tables.py",
        "linking/compare.py",
        "data/linking.toml",
    ):
        path = code_copy / "pipeline" / name
        path.write_text(path.read_text() + "\n")
    (code_copy / "pipeline" / "review" / "new.js").write_text("// new\n")
    assert code_fingerprint(code_copy) == original


def test_a_limit_that_changes_records_changes_the_version() -> None:
    shorter = Limits(field_characters=DEFAULT_LIMITS.field_characters // 2)
    assert extractor_version(shorter) != extractor_version()
    assert extractor_version(Limits()) == extractor_version()


def ingest(code: Path, out: Path, api: str) -> dict[str, object]:
    environment = {"PYTHONPATH": str(code)}
    status, _, err = qpr(
        "ingest",
        str(SEED),
        "--out",
        str(out),
        "--quiet",
        api=api,
        cwd=code,
        environment=environment,
    )
    assert status == 0, err
    no_traceback(err)
    runs = sorted((out / "runs").glob("*.json"))
    summary: dict[str, object] = json.loads(runs[-1].read_text())
    return summary


def reprocess(code: Path, out: Path, api: str) -> dict[str, object]:
    environment = {"PYTHONPATH": str(code)}
    status, _, err = qpr(
        "reprocess", str(out), "--quiet", api=api, cwd=code, environment=environment
    )
    assert status == 0, err
    [changes_file] = (out / "versions").glob("*/changes.json")
    changes: dict[str, object] = json.loads(changes_file.read_text())
    shutil.rmtree(out / "versions")
    return changes


# What a developer's edit that changes values looks like: every measure title in capitals.
TITLES_IN_CAPITALS = """

_build_record = build_record


def build_record(source, languages, report, measures, *rest, **options):
    measures = [measure.model_copy(update={"title": measure.title.upper()}) for measure in measures]
    return _build_record(source, languages, report, measures, *rest, **options)
"""


def test_ingest_and_reprocess_see_every_edit_of_the_code(
    code_copy: Path, api: str, tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    first = ingest(code_copy, out, api)
    assert (first["extracted"], first["skipped"]) == (1, 0)
    assert (ingest(code_copy, out, api)["extracted"]) == 0, "unchanged code: nothing to redo"

    # An edit that changes no value: re-extracted, and reprocessing reports no change.
    normalize = code_copy / "pipeline" / "normalize.py"
    normalize.write_text(normalize.read_text() + "\n# a comment that changes no record\n")
    assert reprocess(code_copy, out, api)["records_changed"] == 0
    assert ingest(code_copy, out, api)["extracted"] == 1

    # An edit that changes values: reprocessing names the column, with before and after.
    assemble = code_copy / "pipeline" / "assemble.py"
    assemble.write_text(assemble.read_text() + TITLES_IN_CAPITALS)
    changes = reprocess(code_copy, out, api)
    assert changes["records_changed"] == 1
    fields = changes["fields"]
    assert isinstance(fields, dict) and list(fields) == ["title"]
    example = fields["title"]["examples"][0]
    assert example["after"] == example["before"].upper() != example["before"]
