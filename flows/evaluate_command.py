"""The `evaluate` command: predicted records scored against gold records (flows/evaluate.py),
as a table, and as JSON when asked."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flows.atomic_files import write_result
from flows.exit_status import OK, USAGE


def add_evaluate_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evaluate = commands.add_parser(
        "evaluate",
        help="score predicted records against gold records: precision, recall, F1 per field",
        description="Pair each gold record with the prediction of the same source file (a "
        "record's source.filename; a truth file X.json is the gold of input X), pair measures "
        "by index, and print per field precision, recall and F1 under the exact rule "
        "(whitespace runs collapsed) and the soft rule (case, accents and punctuation ignored; "
        "long texts match at an edit-distance ratio of 0.9), partner F1, budget amount "
        "accuracy and the share of records with every field right. Codes and partner types a "
        "full record marks as inferred are not compared: gold states what the document says.",
    )
    evaluate.add_argument(
        "predicted",
        type=Path,
        metavar="PRED",
        help="predicted records: a folder of JSON files, a batch folder or one file",
    )
    evaluate.add_argument(
        "gold",
        type=Path,
        metavar="GOLD",
        help="gold records or truth files ({report, measures}): a folder or one file",
    )
    evaluate.add_argument(
        "--json",
        dest="json_out",
        metavar="OUT.json",
        help="also write the scores as JSON to OUT.json; '-' prints them on stdout and the "
        "table on stderr",
    )
    evaluate.set_defaults(run=_evaluate)


def _evaluate(arguments: argparse.Namespace) -> int:
    from flows.evaluate import (
        EvaluationInputError,
        evaluate_paths,
        evaluation_json,
        evaluation_table,
    )

    try:
        evaluation = evaluate_paths(arguments.predicted, arguments.gold)
    except EvaluationInputError as error:
        print(f"qpr: evaluate: {error}", file=sys.stderr)
        return USAGE
    scores = json.dumps(evaluation_json(evaluation), indent=2, ensure_ascii=False)
    # With `--json -` stdout carries the JSON alone (for jq and the like); the table still shows.
    table_stream = sys.stderr if arguments.json_out == "-" else sys.stdout
    print(evaluation_table(evaluation), file=table_stream)
    if arguments.json_out == "-":
        print(scores)
    elif arguments.json_out is not None:
        write_result(Path(arguments.json_out), scores + "\n")
    if not evaluation.records:
        print("qpr: evaluate: no prediction shares a file name with a gold record", file=sys.stderr)
        return USAGE
    return OK
