"""The codebook of the flat dataset: its columns explained, as JSON and as Markdown."""

from __future__ import annotations

from typing import Any

from pipeline.dataset.columns import Column, columns
from pipeline.dataset.tables import batch_tables
from schemas import SCHEMA_VERSION

# How the values are written, in codebook.json and codebook.md alike. The CSV spellings are
# flows/store.py's; a list's cell is JSON so that any value (separators, quotes, newlines) comes
# back whole from a CSV reader and a JSON parser.
CONVENTIONS = (
    "One row per measure. A missing value is null; in dataset.csv, an empty cell.",
    "A column of type list holds one item per item of the record's list, in its order; an item "
    "without a value is null, and a record's empty list is an empty list [], never null.",
    "A list is a real list in dataset.jsonl (a JSON array) and dataset.parquet (an Arrow list "
    'column); in dataset.csv its cell is the list as compact JSON, e.g. ["a; b","c"]: read it '
    "with a JSON parser, never by splitting on a separator.",
    "A boolean is true or false in dataset.csv.",
)


def codebook(include_contact: bool = False) -> dict[str, Any]:
    """The dataset's columns explained, and those of the batch's other tables, ready for
    json.dumps."""
    return {
        "schema_version": SCHEMA_VERSION,
        "conventions": list(CONVENTIONS),
        "columns": [_codebook_entry(column) for column in columns(include_contact)],
        "tables": [
            {
                "name": table.name,
                "description": table.description,
                "personal": table.personal,
                "columns": [_codebook_entry(column) for column in table.columns],
            }
            for table in batch_tables(include_contact)
        ],
    }


def _codebook_entry(column: Column) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": column.name, "type": column.kind}
    if column.items:
        entry["items"] = column.items  # as JSON Schema says an array's item type
    return entry | {"description": column.description, "personal": column.personal}


def codebook_markdown(include_contact: bool = False) -> str:
    """The codebook as a Markdown table: column | type | description."""
    lines = [
        f"# Dataset codebook (schema {SCHEMA_VERSION})",
        "",
        *(f"- {convention}" for convention in CONVENTIONS),
        "",
        "| column | type | description |",
        "| --- | --- | --- |",
    ]
    lines.extend(_rows_markdown(columns(include_contact)))
    for table in batch_tables(include_contact)[1:]:
        lines.extend(
            [
                "",
                f"## `{table.name}`",
                "",
                f"{table.description}.",
                "",
                "| column | type | description |",
                "| --- | --- | --- |",
                *_rows_markdown(table.columns),
            ]
        )
    return "\n".join(lines) + "\n"


def _rows_markdown(table_columns: tuple[Column, ...]) -> list[str]:
    lines = []
    for column in table_columns:
        description = column.description.replace("|", "\\|")
        kind = f"list of {column.items}" if column.items else column.kind
        lines.append(f"| `{column.name}` | {kind} | {description} |")
    return lines
