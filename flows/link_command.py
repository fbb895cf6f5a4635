"""`qpr link BATCH_DIR`: link the batch's measures again (pipeline/linking): links.parquet and the
dataset's cluster_id. `qpr ingest` and `qpr correct` do it as they rebuild the dataset; this is
for a batch written before linking, or to see the clusters counted."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.exit_status import ENVIRONMENT, OK, USAGE, CommandError


def add_link_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    link = commands.add_parser(
        "link",
        help="group a batch's measures that are the same policy across cycles and copies",
        description="Link the measures of a batch folder that are the same policy (the same "
        "measure in other renderings or interface languages, the same programme reported "
        "again in a later cycle): writes links.parquet and the dataset's cluster_id.",
    )
    link.add_argument("batch", type=Path, metavar="BATCH_DIR")
    link.set_defaults(run=_link)


def _link(arguments: argparse.Namespace) -> int:
    from flows.out_folder import LockedError, batch_lock
    from flows.store import BatchStore

    root: Path = arguments.batch
    if not (root / "records").is_dir() or not (root / "dataset.jsonl").exists():
        raise CommandError(
            f"{root} is not a qpr batch folder (it has no records/ and dataset)", USAGE
        )
    try:
        with batch_lock(root, "link"):
            clusters = BatchStore(root).link()
    except LockedError as error:
        raise CommandError(str(error), ENVIRONMENT) from None
    print(f"linked: {clusters} cluster(s) of more than one measure; see {root / 'links.parquet'}")
    return OK
