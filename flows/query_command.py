"""`qpr query BATCH_DIR "SQL"`: a question asked of a batch in SQL, on DuckDB, over views of the
batch's own files read in place (no copy, no server) and never written to. The views: `measures`
(dataset.parquet, one row per measure), `reports`, `partners`, `amounts`, `codes`, `entities`,
`issues` (tables/*.parquet) and `links` (links.parquet); their columns are in codebook.md.
Contact details (e-mail, phone, address) are in `measures` and `reports`, and a `contacts` view,
only with --include-contact.

It reads the files that `qpr ingest` (or `qpr link`) last wrote whole, so it runs beside any
command on the batch, the intake service's included. DuckDB and the rows are its only imports:
a question answered in a fresh process starts in a second."""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path
from typing import Any

from flows.exit_status import OK, USAGE, CommandError

# Personal columns (pipeline/dataset/columns.py): left out of every view unless asked for.
PERSONAL = ("contact_email", "contact_phone", "contact_address")
# The longest cell the aligned table shows; --csv, --json and --parquet give every value whole.
_CELL = 60


def add_query_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    query = commands.add_parser(
        "query",
        help="ask a batch a question in SQL (DuckDB) over its measures, reports, partners, "
        "amounts, codes, entities, issues and links",
        description="Run one SQL SELECT on DuckDB over views of the batch's files, read in "
        "place and never written: measures, reports, partners, amounts, codes, entities, "
        "issues, links (columns: the batch's codebook.md). Prints an aligned table (cells cut "
        f"at {_CELL} characters), or every value whole with --csv, --json or --parquet.",
    )
    query.add_argument("batch", type=Path, metavar="BATCH_DIR")
    query.add_argument(
        "sql", metavar="SQL", help='one SELECT, e.g. "SELECT count(*) FROM measures"'
    )
    output = query.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="print CSV (lists as compact JSON)")
    output.add_argument("--json", action="store_true", help="print a JSON array of objects")
    output.add_argument("--parquet", type=Path, metavar="FILE", help="write a Parquet file")
    query.add_argument(
        "--include-contact",
        action="store_true",
        help="add the reports' contacts' e-mail, phone and address to `measures` and `reports`, "
        "and the `contacts` view (personal data)",
    )
    query.set_defaults(run=_query)


def _query(arguments: argparse.Namespace) -> int:
    import duckdb

    batch: Path = arguments.batch.resolve()
    if arguments.parquet and arguments.parquet.resolve().is_relative_to(batch):
        raise CommandError("qpr query never writes to the batch: give a FILE outside it", USAGE)
    connection = duckdb.connect(":memory:")
    for name, select in views(batch, arguments.include_contact).items():
        connection.execute(f"CREATE VIEW {name} AS {select}")
    sql = _one_select(connection, arguments.sql)
    try:
        if arguments.parquet:
            arguments.parquet.parent.mkdir(parents=True, exist_ok=True)
            connection.execute(f"COPY ({sql}) TO '{sql_path(arguments.parquet)}' (FORMAT parquet)")
            count = connection.execute(f"SELECT count(*) FROM ({sql})").fetchone()
            print(f"wrote {count[0] if count else 0} row(s) to {arguments.parquet}")
            return OK
        result = connection.execute(sql)
        names = [column[0] for column in result.description or ()]
        rows = result.fetchall()
    except duckdb.Error as error:
        raise CommandError(f"the query failed: {_first_line(error)}", USAGE) from None
    if arguments.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_csv_cell(value) for value in row] for row in rows)
    elif arguments.json:
        objects = [dict(zip(names, (_json_value(v) for v in row), strict=True)) for row in rows]
        print(json.dumps(objects, ensure_ascii=False, indent=1))
    else:
        print(aligned(names, rows), end="")
    return OK


def views(batch: Path, include_contact: bool) -> dict[str, str]:
    """Each view's SELECT over the batch's files."""
    dataset, tables, links = batch / "dataset.parquet", batch / "tables", batch / "links.parquet"
    if not dataset.exists():
        raise CommandError(f"{batch} is not a qpr batch folder (it has no dataset.parquet)", USAGE)
    if not tables.is_dir() or not links.exists():
        raise CommandError(
            f"{batch} was written by a qpr without tables/ and links.parquet: "
            f"run `qpr link {batch}` once to write them",
            USAGE,
        )
    # The dataset holds the contacts only if it was built with them: they come from
    # tables/contacts.parquet when asked for, and never otherwise.
    personal = ", ".join(f"'{name}'" for name in PERSONAL)
    found = {"measures": f"SELECT COLUMNS(lambda c: c NOT IN ({personal})) FROM {_parquet(dataset)}"}
    for path in sorted(tables.glob("*.parquet")):
        if path.stem != "contacts":
            found[path.stem] = f"SELECT * FROM {_parquet(path)}"
    found["links"] = f"SELECT * FROM {_parquet(links)}"
    if include_contact:
        contacts = tables / "contacts.parquet"
        if not contacts.exists():
            raise CommandError(f"{batch} holds no contact details (no {contacts})", USAGE)
        found["contacts"] = f"SELECT * FROM {_parquet(contacts)}"
        for name in ("measures", "reports"):
            found[name] = (
                f"SELECT * FROM ({found[name]}) LEFT JOIN ({found['contacts']}) "
                "USING (source_sha256)"
            )
    return found


def sql_path(path: Path) -> str:
    """A path as an SQL string literal's text (its quotes doubled)."""
    return str(path).replace("'", "''")


def _parquet(path: Path) -> str:
    return f"read_parquet('{sql_path(path)}')"


def _one_select(connection: Any, sql: str) -> str:
    import duckdb

    try:
        statements = connection.extract_statements(sql)
    except duckdb.Error as error:
        raise CommandError(
            f"the query is not SQL DuckDB reads: {_first_line(error)}", USAGE
        ) from None
    kinds = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
    if len(statements) != 1 or statements[0].type not in kinds:
        raise CommandError(
            "give one SELECT (or EXPLAIN): qpr query reads the batch and never changes it", USAGE
        )
    return sql.strip().rstrip(";")


def aligned(names: list[str], rows: list[tuple[Any, ...]]) -> str:
    """The rows as a table of columns padded to their widest cell; numbers to the right."""
    cells = [[_shown(value) for value in row] for row in rows]
    widths = [
        max([len(name), *(len(row[index]) for row in cells)]) for index, name in enumerate(names)
    ]
    numeric = [
        all(isinstance(row[index], int | float) or row[index] is None for row in rows)
        for index in range(len(names))
    ]

    def line(values: list[str]) -> str:
        padded = (
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        )
        return "  ".join(padded).rstrip() + "\n"

    rule = ["-" * width for width in widths]
    footer = f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n"
    return line(names) + line(rule) + "".join(line(row) for row in cells) + footer


def _shown(value: Any) -> str:
    text = "" if value is None else str(_csv_cell(value))
    text = " ".join(text.split())  # a description's line breaks would break the table
    return text if len(text) <= _CELL else text[: _CELL - 1] + "…"


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)  # a sum of whole amounts reads 65000, not 65000.0
    if isinstance(value, list | dict):
        return json.dumps(_json_value(value), ensure_ascii=False, separators=(",", ":"))
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)  # a Decimal, a date


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
