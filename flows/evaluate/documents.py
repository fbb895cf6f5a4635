"""Predicted and gold records read into scoring shape: flat field -> value maps per report and
per measure, from full records or truth-shaped JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.evaluate.fields import CODE_FIELDS, MEASURE_FIELDS, NOT_ANNOTATED, REPORT_FIELDS


class EvaluationInputError(ValueError):
    """A PRED or GOLD path that cannot be read as records: the message names the file."""


@dataclass(frozen=True)
class Document:
    """One record in scoring shape: flat field -> value maps; a field a truth file leaves out is
    absent from its map. Code lists are frozensets, partners (name, entity type) pairs."""

    name: str
    path: Path
    report: dict[str, Any]
    measures: tuple[dict[str, Any], ...]


def load_documents(path: Path) -> list[Document]:
    """Every record under PATH: a folder of JSON files, a batch folder (its records/), or one
    file holding a record, a truth object or a JSON array of records (`qpr extract a b`)."""
    if not path.exists():
        raise EvaluationInputError(f"{path}: no such file or folder")
    if path.is_dir():
        folder = path / "records" if (path / "records").is_dir() else path
        files = sorted(folder.glob("*.json"))
    else:
        files = [path]
    documents = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise EvaluationInputError(f"{file}: not readable JSON ({error})") from error
        for item in data if isinstance(data, list) else [data]:
            documents.append(read_document(item, file))
    return documents


def read_document(data: Any, path: Path) -> Document:
    """A full record (it has a `source`) is named by its source file name; a truth object
    {"report", "measures"} by its own file name less `.json` (`X.json` is the gold of `X`).
    Raw dicts rather than ReportRecord: gold written under another schema version still scores."""
    if not isinstance(data, dict) or "measures" not in data:
        raise EvaluationInputError(f"{path}: neither a record nor a truth object with measures")
    if isinstance(data.get("source"), dict) and data["source"].get("filename"):
        name = Path(data["source"]["filename"]).name
    else:
        name = path.name.removesuffix(".json")
    try:
        return Document(
            name=name,
            path=path,
            report=flat_report(data.get("report", NOT_ANNOTATED)),
            measures=tuple(flat_measure(measure) for measure in data["measures"] or []),
        )
    except EvaluationInputError as error:
        raise EvaluationInputError(f"{path}: {error}") from error


def flat_report(report: Any) -> dict[str, Any]:
    if report is NOT_ANNOTATED:
        return {}
    if not isinstance(report, dict):  # a truth's `"report": null`: nothing at report level
        return dict.fromkeys(REPORT_FIELDS)
    flat = flat_values(report, REPORT_FIELDS)
    if "report.period" in flat:
        flat["report.period"] = period_text(flat["report.period"])
    return flat


def flat_measure(measure: Any) -> dict[str, Any]:
    if not isinstance(measure, dict):
        raise EvaluationInputError(f"a measure is not a JSON object: {str(measure)[:60]}")
    flat = flat_values(measure, MEASURE_FIELDS)
    for name in CODE_FIELDS:
        if name in measure:
            flat[name] = stated_codes(measure[name] or [])
    if "partners" in measure:
        flat["partners"] = tuple(partner_pair(partner) for partner in measure["partners"] or [])
    return flat


def flat_values(data: dict[str, Any], paths: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Scored field -> value; a field whose first key is absent is left out (not annotated)."""
    flat = {}
    for name, keys in paths.items():
        if keys[0] not in data:
            continue
        value: Any = data
        for key in keys:
            # `"budget": null` or `"contact": null`: every part of it is null
            value = value.get(key) if isinstance(value, dict) else None
        flat[name] = clean(value)
    return flat


def period_text(period: Any) -> str | None:
    if not isinstance(period, dict) or (period.get("start"), period.get("end")) == (None, None):
        return None
    return f"{period.get('start') or ''}-{period.get('end') or ''}"


def clean(value: Any) -> Any:
    """Whitespace runs collapsed (the exact rule's only leniency); an empty text is a null."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value


def stated_codes(values: Iterable[Any]) -> frozenset[str]:
    """The codes the document states. A record also holds codes qpr inferred from the text
    (`source: "inferred"`); gold says what the document says, so those are left out."""
    return frozenset(
        value["code"] if isinstance(value, dict) else value
        for value in values
        if not (isinstance(value, dict) and value.get("source") == "inferred")
    )


def partner_pair(partner: dict[str, Any]) -> tuple[str | None, str | None]:
    """(name, entity type); a type qpr inferred from the name counts as no type, like above."""
    entity_type = None if partner.get("source") == "inferred" else partner.get("entity_type")
    return clean(partner.get("name")), entity_type
