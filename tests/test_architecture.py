"""The dependency rule of docs/architecture.md: flows -> pipeline -> schemas, never back; spaCy only in
pipeline/nlp/; Prefect only in flows/; each parser library only in its reader."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return {module.split(".")[0] for module in modules} | modules


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", python_files("pipeline") + python_files("schemas"), ids=str)
def test_library_never_imports_prefect_or_flows(path: Path) -> None:
    assert not imported_modules(path) & {"prefect", "prefect_dask", "flows"}


@pytest.mark.parametrize("path", python_files("schemas"), ids=str)
def test_schemas_import_only_stdlib_and_pydantic(path: Path) -> None:
    assert "pipeline" not in imported_modules(path)
    third_party = {m for m in imported_modules(path) if "." not in m} - {"pydantic", "schemas"}
    assert all(m in __import__("sys").stdlib_module_names or m == "__future__" for m in third_party)


PDF_READERS = {
    "pipeline/readers/pdf.py",
    "pipeline/readers/pdf_form.py",
    "pipeline/readers/pdf_tables.py",
    "pipeline/readers/ocr.py",
}
PARSER_HOMES = {
    "docx": {"pipeline/readers/docx.py"},
    "pdfplumber": PDF_READERS,
    "pdfminer": PDF_READERS,
    "pypdfium2": PDF_READERS,
    "spacy": {str(path.relative_to(ROOT)) for path in python_files("pipeline/nlp")},
}


@pytest.mark.parametrize("library", sorted(PARSER_HOMES))
def test_each_parser_library_lives_in_its_module(library: str) -> None:
    users = {
        str(path.relative_to(ROOT))
        for path in python_files("pipeline") + python_files("schemas") + python_files("flows")
        if library in imported_modules(path)
    }
    assert users <= PARSER_HOMES[library]


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from prefect import flow\nimport flows.cli\n", encoding="utf-8")
    assert {"prefect", "flows"} <= imported_modules(bad)
