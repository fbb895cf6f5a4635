"""The extractor version: what a record was made by, so that reprocessing knows which records are
out of date. It must change whenever records can change, and only then:

- the extraction code and its data: every source and data file of `pipeline/` and `schemas/`
  but those that read records and never make one — the review pages, completeness and the
  reviewers' corrections (the package version alone is 0.1.0 for every commit so far);
- the libraries that read documents and analyse text, at the versions installed;
- the settings that change records: the trained spaCy pipelines in use (or none), OCR
  (Tesseract's version and languages, or off), the converter of legacy formats (LibreOffice's
  build, or none) and the limits (a `--limit field_characters=…` cuts values differently).

The version reads `<package>+<12 hex digits>`: the digits fingerprint all of the above, and
`version_inputs()` lists them for a person who wants to know why two versions differ.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import subprocess
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.limits import DEFAULT_LIMITS, Limits

# Where the extraction code lives: these packages' folders, beside this module.
_CODE_PACKAGES = ("pipeline", "schemas")
# What reads records but never makes one: the review pages, completeness and the corrections'
# overlay, the reporting cycle (the intake service's lists), the dataset's tables and the links
# across cycles (rebuilt from records/ by every run). An edit there must not make every batch
# re-extract its inputs.
_NOT_RECORD_CODE = (
    ("pipeline", "review"),
    ("pipeline", "completeness.py"),
    ("pipeline", "data", "completeness.toml"),
    ("pipeline", "corrections.py"),
    ("pipeline", "cycle.py"),
    ("pipeline", "dataset"),
    ("pipeline", "linking"),
    ("pipeline", "data", "linking.toml"),
    ("schemas", "corrections.py"),
)
# What reads the documents and analyses their text.
_LIBRARIES = (
    "python-docx",
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "lxml",
    "spacy",
    "langdetect",
    "pydantic",
)
_LANGUAGES = ("en", "fr", "es")


@cache
def extractor_version(limits: Limits = DEFAULT_LIMITS) -> str:
    """`<package version>+<fingerprint>` of everything that can change a record made within
    `limits` (fixed for the life of a process; computed once, in a few milliseconds)."""
    inputs = version_inputs(limits)
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False)
    return f"{inputs['package']}+{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def version_inputs(limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """What the extractor version fingerprints, by name."""
    from pipeline.nlp import trained_pipeline_name
    from pipeline.readers.converted import office_program
    from pipeline.readers.ocr import ocr_available, ocr_languages

    trained = {}
    for language in _LANGUAGES:
        name = trained_pipeline_name(language)
        trained[language] = f"{name} {_installed(name)}" if name else None
    ocr = f"{_tool_version('tesseract')} {ocr_languages()}" if ocr_available() else None
    return {
        "package": _installed("qpr") or "0+unknown",
        "code": _this_code(),
        "libraries": {name: _installed(name) for name in _LIBRARIES},
        "trained_pipelines": trained,
        "ocr": ocr,
        "converter": _office_build(office_program()),
        "limits": _limit_values(limits),
    }


def _limit_values(limits: Limits) -> dict[str, Any]:
    """The limits as numbers that print one way: 60 and 60.0 seconds are one setting (and one
    key of extractor_version's cache)."""
    values = dataclasses.asdict(limits)
    if values["seconds_per_document"] is not None:
        values["seconds_per_document"] = float(values["seconds_per_document"])
    return values


def code_fingerprint(root: Path) -> str:
    """SHA-256 of every source and data file of the extraction code under `root` (the folder
    holding `pipeline/` and `schemas/`), by relative path."""
    digest = hashlib.sha256()
    for package in _CODE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                parts = path.relative_to(root).parts
                if any(parts[: len(prefix)] == prefix for prefix in _NOT_RECORD_CODE):
                    continue
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _this_code() -> str:
    return code_fingerprint(Path(__file__).resolve().parent.parent)


def _installed(distribution: str | None) -> str | None:
    if distribution is None:
        return None
    try:
        return version(distribution)
    except PackageNotFoundError:
        # A spaCy pipeline is installed under its package name with dashes (fr-core-news-sm).
        try:
            return version(distribution.replace("_", "-"))
        except PackageNotFoundError:
            return None


@cache  # a subprocess: once per process, whatever the limits asked about
def _tool_version(program: str) -> str | None:
    """The first line of `program --version` (Tesseract prints it on stdout)."""
    try:
        done = subprocess.run(
            [program, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else None


def _office_build(program: str | None) -> str | None:
    """LibreOffice's build, from the `versionrc` beside its program (running `soffice
    --version` takes seconds); its resolved path when that file is missing."""
    if program is None:
        return None
    folder = Path(program).resolve().parent
    versionrc = folder / "versionrc"
    if versionrc.is_file():
        return hashlib.sha256(versionrc.read_bytes()).hexdigest()[:16]
    return str(folder)
