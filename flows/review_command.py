"""`qpr review FILE... | BATCH_DIR [--out DIR]`: review pages (flows/review_pages.py).

Report files are extracted, each to a page named after its file, with an index beside them
(in ./review/ unless --out says). A batch folder's pages are rebuilt from its records and kept
texts, into its review/ unless --out says: its inputs need not be there any more.
"""

from __future__ import annotations

import argparse
import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from flows import cli_options
from flows.atomic_files import write_result
from flows.batch_detection import is_batch_folder
from flows.exit_status import (
    ENVIRONMENT,
    USAGE,
    CommandError,
    file_problem,
    files_status,
    unreadable_file,
)

if TYPE_CHECKING:
    from flows.sandbox import Sandbox
    from pipeline.limits import Limits

_UNSAFE_NAME = re.compile(r"[^\w.-]+")
_RECORD_NAME = re.compile(r"^[0-9a-f]{64}\.json$")


def add_review_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = commands.add_parser(
        "review",
        help="write review pages: the values of each report file, or of each record of a "
        "batch folder, marked in its text; with an index",
    )
    review.add_argument("paths", nargs="+", type=Path, metavar="FILE|BATCH_DIR")
    review.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="where the pages go (default: ./review for files, the batch folder's review/)",
    )
    cli_options.add_limit_options(
        review, "extract each file in a child process and stop it after SECONDS"
    )
    review.set_defaults(run=_review)


def _review(arguments: argparse.Namespace) -> int:
    folders = [path for path in arguments.paths if path.is_dir()]
    if not folders:
        return _review_files(arguments)
    if len(arguments.paths) > 1:
        raise CommandError("give report files, or one batch folder, not both", USAGE)
    root = folders[0]
    if not is_batch_folder(root):
        raise CommandError(
            f"{root} is a folder but not a qpr batch folder (it has no qpr manifest.json): "
            "name report files, or a batch folder",
            USAGE,
        )
    return _review_batch(root, arguments.out)


def _review_batch(root: Path, out: Path | None) -> int:
    """Rebuild every page of the batch folder `root`, and its index."""
    from flows.out_folder import LockedError, batch_lock
    from flows.review_pages import INDEX, REVIEW, ReviewFolder

    pages = out if out is not None else root / REVIEW
    records = sorted(
        path for path in (root / "records").glob("*.json") if _RECORD_NAME.match(path.name)
    )
    # Writing into the batch folder: held like any batch command, so no run writes beside it.
    inside = pages.resolve().is_relative_to(root.resolve())
    try:
        with batch_lock(root, "review") if inside else contextlib.nullcontext():
            listed = ReviewFolder(root, pages).write_index(records, rebuild=True)
    except LockedError as error:
        raise CommandError(str(error), ENVIRONMENT) from None
    print(f"{listed} page(s) written to {pages}; their index is {pages / INDEX}")
    left_out = len(records) - listed
    if left_out:
        print(f"qpr: {left_out} record(s) of {root} do not validate and have no page")
    return files_status(0, left_out)


def _review_files(arguments: argparse.Namespace) -> int:
    from flows.sandbox import Sandbox

    limits = cli_options.limits(arguments)
    sandbox = Sandbox(limits) if arguments.timeout is not None else None
    with sandbox or contextlib.nullcontext():
        return _write_pages(arguments.paths, arguments.out or Path("review"), limits, sandbox)


def _write_pages(paths: list[Path], out: Path, limits: Limits, sandbox: Sandbox | None) -> int:
    from flows.document_commands import extract_one
    from flows.review_pages import INDEX, INDEX_TITLE, render_page
    from pipeline.completeness import missing_items
    from pipeline.review import index_entry, review_index
    from schemas.outcome import Status

    failed = unreadable = 0
    entries, used = [], {INDEX}
    for path in paths:
        try:
            record = extract_one(path, True, limits, sandbox)
        except OSError as error:
            unreadable_file(path, error)
            unreadable += 1
            continue
        text, record = record.text, record.model_copy(update={"text": None})
        name = _page_name(path, record.source.sha256, used)
        page = render_page(record, text)
        if page is None:
            failed += 1
            file_problem(path, "its review page could not be made (a bug: see the log)")
            continue
        write_result(out / name, page)
        missing = missing_items(record)
        entries.append(index_entry(record, missing, name))
        if record.status == Status.FAILED:
            failed += 1
            reason = record.issues[0]
            file_problem(path, f"{reason.code.value}: {reason.message}")
        print(
            f"{path} -> {out / name} ({record.status.value}, {len(record.measures)} measure(s), "
            f"{len(record.issues)} issue(s), {len(missing)} missing)"
        )
    if entries:
        write_result(out / INDEX, review_index(entries, INDEX_TITLE))
    return files_status(unreadable, failed)


def _page_name(path: Path, sha256: str, used: set[str]) -> str:
    """`<file name>.html`, made safe; with the hash's start when two files share a name."""
    name = _UNSAFE_NAME.sub("_", path.name).strip("._") or "report"
    if f"{name}.html" in used:
        name = f"{name}-{sha256[:12]}"
    used.add(f"{name}.html")
    return f"{name}.html"
