"""`qpr export BATCH_DIR --package DIR`: the batch as a Frictionless Data Package (v1) that others
can cite: DIR/datapackage.json, a README.md with the citation, and per table of the batch (the
codebook's: measures, reports, partners, amounts, codes, entities, issues, links; contacts only
with --include-contact) data/<table>.csv and data/<table>.parquet.

Each table's rows are read once, through `qpr query`'s views, in a fixed order, and written to
both files; datapackage.json describes each CSV with a Table Schema made from the codebook's
columns, its keys and the foreign keys that join the tables, and holds no clock: the same batch
and options give the same bytes. The batch is only read (its lock is not taken, so this runs
beside `qpr serve-api`): the package is made in a temporary folder beside DIR and renamed into
place whole; the keys are checked on the rows written, and a batch rewritten while it was read
is read again."""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import secrets
import shutil
import unicodedata
from pathlib import Path
from typing import Any

from flows.exit_status import ENVIRONMENT, OK, USAGE, CommandError

# Licenses often given to data, by SPDX id; any other SPDX id is taken as given, without a title.
_LICENSES = {
    "CC-BY-4.0": "Creative Commons Attribution 4.0 International",
    "CC-BY-SA-4.0": "Creative Commons Attribution Share Alike 4.0 International",
    "CC-BY-NC-4.0": "Creative Commons Attribution Non Commercial 4.0 International",
    "CC0-1.0": "Creative Commons Zero v1.0 Universal",
    "ODbL-1.0": "Open Data Commons Open Database License v1.0",
    "ODC-By-1.0": "Open Data Commons Attribution License v1.0",
    "PDDL-1.0": "Open Data Commons Public Domain Dedication & License 1.0",
}
_SPDX_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]*$")
# Table Schema's types of the codebook's kinds. A list is a JSON array in its CSV cell, which
# is what Table Schema's "array" type reads.
_FIELD_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "list": "array",
}
# Each table's rows are written in this order, then by every other column (a total order but
# for identical rows): the same batch gives the same bytes.
_ORDER = {
    "measures": ("source_sha256", "measure_index", "measure_id"),
    "reports": ("source_sha256",),
    "contacts": ("source_sha256",),
    "partners": ("measure_id", "position"),
    "amounts": ("measure_id", "position"),
    "codes": ("measure_id", "kind", "code"),
    "entities": ("measure_id", "field", "start", "end"),
    "issues": ("source_sha256", "measure_id", "code"),
    "links": ("measure_id",),
}
_PRIMARY_KEYS = {
    "measures": ("measure_id",),
    "reports": ("source_sha256",),
    "contacts": ("source_sha256",),
    "partners": ("measure_id", "position"),
    "amounts": ("measure_id", "position"),
    "links": ("measure_id",),
}
# (column, table it names a row of, that table's key column). They hold by construction (every
# table is made from the same records as the dataset, withdrawn and invalid records left out of
# all of them) and are checked on the rows written before the package claims them.
_MEASURE = ("measure_id", "measures", "measure_id")
_REPORT = ("source_sha256", "reports", "source_sha256")
_FOREIGN_KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "measures": (_REPORT, ("cluster_id", "measures", "measure_id")),
    "contacts": (_REPORT,),
    "partners": (_MEASURE,),
    "amounts": (_MEASURE,),
    "codes": (_MEASURE,),
    "entities": (_MEASURE,),
    "issues": (_REPORT, _MEASURE),
    "links": (_MEASURE, ("linked_to", "measures", "measure_id"), ("cluster_id", *_MEASURE[1:])),
}
_ROW_GROUP = 4096  # rows per Parquet row group, fixed so that the bytes are too
_ATTEMPTS = 3  # reads of a batch that a run keeps rewriting before giving up


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="publish a batch as a Frictionless Data Package others can cite",
        description="Write the batch's tables (the codebook's) as a Frictionless Data Package: "
        "DIR/datapackage.json (Table Schemas, keys, license, authors, citation, versions and "
        "the manifest's sha256), DIR/README.md and DIR/data/<table>.csv and .parquet. The "
        "batch is only read; the same batch and options give the same bytes.",
    )
    export.add_argument("batch", type=Path, metavar="BATCH_DIR")
    export.add_argument(
        "--package", type=Path, required=True, metavar="DIR", help="a new or empty folder"
    )
    export.add_argument("--title", required=True, help="the data package's title")
    export.add_argument(
        "--license", required=True, metavar="SPDX_ID", help="its license, e.g. CC-BY-4.0"
    )
    export.add_argument(
        "--author",
        action="append",
        required=True,
        metavar="NAME",
        help="an author, as cited (repeat for each)",
    )
    export.add_argument(
        "--include-contact",
        action="store_true",
        help="add the contacts table: the reports' contacts' e-mail, phone and address "
        "(personal data)",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace DIR when it holds a data package that qpr exported",
    )
    export.set_defaults(run=_export)


def _export(arguments: argparse.Namespace) -> int:
    batch: Path = arguments.batch.resolve()
    target: Path = arguments.package.resolve()
    options = _checked_options(arguments)
    for name in ("manifest.json", "codebook.json"):
        if not (batch / name).is_file():
            raise CommandError(f"{batch} is not a qpr batch folder (it has no {name})", USAGE)
    _check_target(batch, target, arguments.force)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Made beside DIR under a temporary name (flows/atomic_files.py's, so that no reader takes
    # it for a package), then renamed into place whole.
    building = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        for attempt in range(1, _ATTEMPTS + 1):
            shutil.rmtree(building, ignore_errors=True)
            (building / "data").mkdir(parents=True)
            before = _signature(batch)
            counts, problem = _write_tables(batch, building, options["include_contact"])
            if problem is None and _signature(batch) == before:
                break
            if attempt == _ATTEMPTS:
                why = f"its tables disagree: {problem}" if problem else "it kept changing"
                raise CommandError(
                    f"nothing published, as {why} while it was read: run the command again "
                    "once the run writing the batch has ended",
                    ENVIRONMENT,
                )
        descriptor = _descriptor(batch, building, options, counts, before[0])
        (building / "datapackage.json").write_text(_json_text(descriptor), encoding="utf-8")
        (building / "README.md").write_text(_readme(descriptor, counts), encoding="utf-8")
        _put_in_place(building, target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    print(
        f"wrote a data package of {counts['reports']} report(s) and {counts['measures']} "
        f"measure(s), {len(counts)} table(s) as CSV and Parquet, to {target}"
    )
    return OK


def _checked_options(arguments: argparse.Namespace) -> dict[str, Any]:
    title = " ".join(arguments.title.split())
    authors = [" ".join(author.split()) for author in arguments.author]
    if not title:
        raise CommandError("give the data package a --title", USAGE)
    if not all(authors):
        raise CommandError("an --author is empty: give each author's name", USAGE)
    if not _SPDX_ID.match(arguments.license):
        raise CommandError(
            f"--license {arguments.license!r} is not an SPDX license id (e.g. CC-BY-4.0)", USAGE
        )
    known = {spdx.lower(): spdx for spdx in _LICENSES}
    return {
        "title": title,
        "authors": authors,
        "license": known.get(arguments.license.lower(), arguments.license),
        "include_contact": arguments.include_contact,
    }


def _check_target(batch: Path, target: Path, force: bool) -> None:
    if target.is_relative_to(batch):
        raise CommandError(
            f"qpr export never writes to the batch: give a --package folder outside {batch}", USAGE
        )
    if batch.is_relative_to(target):
        raise CommandError(f"the package folder {target} would hold the batch: give another", USAGE)
    if target.exists() and not target.is_dir():
        raise CommandError(f"{target} is a file: give a new or empty folder for the package", USAGE)
    if not target.is_dir() or not any(target.iterdir()):
        return
    if force and _exported_package(target):
        return
    raise CommandError(
        f"{target} is not empty: give a new or empty folder for the package"
        + (
            " (--force replaces only a package that qpr exported)"
            if force
            else " (or --force to replace a package that qpr exported there)"
        ),
        USAGE,
    )


def _exported_package(folder: Path) -> bool:
    try:
        return "qpr" in json.loads((folder / "datapackage.json").read_bytes())
    except (OSError, ValueError, TypeError):
        return False


def _signature(batch: Path) -> tuple[bytes, list[tuple[str, int, int, int]]]:
    """The manifest, and which file (inode, size, time) each table read is: a run that
    rewrites the batch while it is read changes it."""
    manifest = (batch / "manifest.json").read_bytes()
    read = [batch / "dataset.parquet", batch / "links.parquet"]
    read += sorted((batch / "tables").glob("*.parquet"))
    stats = []
    for path in read:
        try:
            found = path.stat()
        except FileNotFoundError:
            continue
        stats.append((path.name, found.st_ino, found.st_size, found.st_mtime_ns))
    return manifest, stats


# The tables


def _write_tables(
    batch: Path, folder: Path, include_contact: bool
) -> tuple[dict[str, int], str | None]:
    """data/<table>.csv and .parquet of each table, and their rows counted; what disagrees in
    them (a key that does not hold), if anything."""
    import duckdb

    from flows.query_command import sql_path, views
    from pipeline.dataset.tables import batch_tables

    # With include_contact, the contacts table and the measures' personal columns come from
    # tables/contacts.parquet, which every batch keeps whether its dataset has them or not.
    selects = views(batch, include_contact)
    connection = duckdb.connect(":memory:")
    connection.execute("SET threads TO 1")
    counts = {}
    for table in batch_tables(include_contact):
        counts[table.name] = _write_table(connection, table, selects[table.name], folder / "data")
    for name in counts:
        connection.execute(
            f"CREATE VIEW {name} AS SELECT * FROM "
            f"read_parquet('{sql_path(folder / 'data' / name)}.parquet')"
        )
    return counts, _key_problem(connection, counts)


def _write_table(connection: Any, table: Any, select: str, folder: Path) -> int:
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    from flows.store import arrow_type, csv_cell

    names = [column.name for column in table.columns]
    order = [*_ORDER[table.name], *(name for name in names if name not in _ORDER[table.name])]
    sql = (
        f"SELECT {', '.join(map(_identifier, names))} FROM ({select}) "
        f"ORDER BY {', '.join(map(_identifier, order))}"
    )
    try:
        reader = connection.sql(sql).to_arrow_reader(_ROW_GROUP)
    except duckdb.BinderException as error:
        raise CommandError(
            f"the batch's {table.name} is not the codebook's ({str(error).splitlines()[0]}): "
            "it was written by another version of qpr: rebuild it with this one (qpr reprocess "
            "--promote) first",
            USAGE,
        ) from None
    schema = pa.schema([pa.field(column.name, arrow_type(column)) for column in table.columns])
    count = 0
    pending = schema.empty_table()
    with (
        (folder / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as text,
        pq.ParquetWriter(folder / f"{table.name}.parquet", schema) as parquet,
    ):
        rows = csv.writer(text, lineterminator="\n")
        rows.writerow(names)
        for batch in reader:
            part = pa.Table.from_batches([batch]).cast(schema)
            rows.writerows(
                [csv_cell(value) for value in row]
                for row in zip(*(column.to_pylist() for column in part.columns), strict=True)
            )
            count += part.num_rows
            # Row groups of a fixed size, whatever the sizes of DuckDB's batches.
            pending = pa.concat_tables([pending, part])
            while pending.num_rows >= _ROW_GROUP:
                parquet.write_table(pending.slice(0, _ROW_GROUP))
                pending = pending.slice(_ROW_GROUP)
        if pending.num_rows or not count:
            parquet.write_table(pending)  # an empty table still shows its columns
    return count


def _key_problem(connection: Any, counts: dict[str, int]) -> str | None:
    """The first key of the package that the rows written break, in a sentence; None when
    every one holds."""
    for name, key in _PRIMARY_KEYS.items():
        if name not in counts:
            continue
        columns = ", ".join(map(_identifier, key))
        missing = " OR ".join(f"{column} IS NULL" for column in map(_identifier, key))
        found = connection.execute(
            f"SELECT (SELECT count(*) FROM (SELECT {columns} FROM {name} GROUP BY ALL "
            f"HAVING count(*) > 1)) + (SELECT count(*) FROM {name} WHERE {missing})"
        ).fetchone()
        if found and found[0]:
            return f"{found[0]} {'/'.join(key)} of {name} missing or not unique"
    for name, keys in _FOREIGN_KEYS.items():
        if name not in counts:
            continue
        for column, other, referenced in keys:
            found = connection.execute(
                f"SELECT count(*) FROM {name} WHERE {_identifier(column)} IS NOT NULL AND "
                f"{_identifier(column)} NOT IN (SELECT {_identifier(referenced)} FROM {other})"
            ).fetchone()
            if found and found[0]:
                return f"{found[0]} {column} of {name} not in {other}"
    return None


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# The descriptor


def _descriptor(
    batch: Path,
    folder: Path,
    options: dict[str, Any],
    counts: dict[str, int],
    manifest_bytes: bytes,
) -> dict[str, Any]:
    from pipeline.dataset.tables import batch_tables

    manifest = json.loads(manifest_bytes)
    manifest_sha256 = hashlib.sha256(manifest_bytes).hexdigest()
    codebook = json.loads((batch / "codebook.json").read_bytes())
    extractor, schema = manifest.get("extractor_version"), codebook.get("schema_version")
    license_id = options["license"]
    license_entry = {"name": license_id, "path": f"https://spdx.org/licenses/{license_id}.html"}
    if license_id in _LICENSES:
        license_entry["title"] = _LICENSES[license_id]
    citation = (
        f"{'; '.join(options['authors'])}. {options['title']}. Data package of "
        f"{counts['reports']} reports and {counts['measures']} measures, qpr extractor version "
        f"{extractor}, manifest sha256 {manifest_sha256}."
    )
    tables = batch_tables(options["include_contact"])
    resources = [_csv_resource(table, folder) for table in tables]
    # The Parquet twins are resources of type "file": frictionless reads Parquet as a table only
    # with its parquet plugin (pandas and fastparquet, which qpr does not install), and without
    # it a tabular Parquet resource fails validation ("No module named 'pandas'"). As files they
    # are checked by size and sha256; their rows and columns are their CSV twin's (lists as
    # Arrow lists of strings).
    resources += [
        _file_resource(folder / "data" / f"{table.name}.parquet", f"{table.name}-parquet")
        | {"description": f"{table.name}.csv as Parquet: the same rows and columns"}
        for table in tables
    ]
    return {
        "profile": "data-package",
        "name": _slug(options["title"]),
        "title": options["title"],
        "description": f"Measures reported by the Parties to the UNESCO 2005 Convention in their "
        f"periodic reports, extracted by qpr: {counts['reports']} reports, "
        f"{counts['measures']} measures. One CSV (and Parquet) file per table; see README.md.",
        "licenses": [license_entry],
        "contributors": [{"title": author, "role": "author"} for author in options["authors"]],
        "citation": citation,
        "qpr": {
            "extractor_version": extractor,
            "schema_version": schema,
            "manifest_sha256": manifest_sha256,
            "include_contact": options["include_contact"],
            "rows": counts,
        },
        "resources": resources,
    }


def _csv_resource(table: Any, folder: Path) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        field = {"name": column.name, "type": _FIELD_TYPES[column.kind]}
        description = column.description
        if column.kind == "list":
            description += f" (a JSON array of {column.items or 'string'} items)"
        fields.append(field | {"description": description})
    schema: dict[str, Any] = {"fields": fields}
    if table.name in _PRIMARY_KEYS:
        schema["primaryKey"] = list(_PRIMARY_KEYS[table.name])
    foreign = [
        {
            "fields": column,
            "reference": {"resource": "" if other == table.name else other, "fields": key},
        }
        for column, other, key in _FOREIGN_KEYS.get(table.name, ())
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    return _file_resource(folder / "data" / f"{table.name}.csv", table.name) | {
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        "schema": schema,
    }


def _file_resource(path: Path, name: str) -> dict[str, Any]:
    data = path.read_bytes()
    resource = {"name": name, "path": f"data/{path.name}"}
    if path.suffix == ".parquet":
        resource |= {
            "type": "file",
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
        }
    return resource | {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def _slug(title: str) -> str:
    """The package's name: the title in lower-case ASCII letters and digits joined by -."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:100].strip("-")
    return slug or "qpr-dataset"


def _readme(descriptor: dict[str, Any], counts: dict[str, int]) -> str:
    license_entry = descriptor["licenses"][0]
    versions = descriptor["qpr"]
    lines = [
        f"# {descriptor['title']}",
        "",
        "Cite as: " + descriptor["citation"],
        "",
        f"License: {license_entry.get('title', license_entry['name'])} "
        f"({license_entry['name']}, {license_entry['path']}).",
        "",
        f"Extracted by qpr (extractor {versions['extractor_version']}, schema "
        f"{versions['schema_version']}) from the periodic reports of the Parties to the UNESCO "
        "2005 Convention. datapackage.json describes every table and column (a Frictionless "
        "Data Package). In a CSV file a missing value is an empty cell, a boolean is true or "
        "false and a list is a JSON array: read it with a JSON parser. The Parquet files hold "
        "the same rows, lists as real lists.",
        "",
        "| table | rows | what |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| `data/{resource['name']}.csv` | {counts[resource['name']]} | "
        f"{resource['description'].replace('|', '/')} |"
        for resource in descriptor["resources"]
        if resource["name"] in counts
    ]
    return "\n".join(lines) + "\n"


def _put_in_place(building: Path, target: Path) -> None:
    """Rename the package made into DIR: an empty DIR is removed first, an earlier package
    (--force) moved aside and removed once the new one is in place."""
    if not target.exists():
        building.rename(target)
        return
    if not any(target.iterdir()):
        target.rmdir()
        building.rename(target)
        return
    aside = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    target.rename(aside)
    building.rename(target)
    shutil.rmtree(aside)


def _json_text(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
