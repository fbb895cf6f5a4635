"""The options several `qpr` commands share, and the types that check their values: the limits
(--timeout, --limit), where extraction runs (--workers, --dask), and how a batch command talks
to its operator (--quiet, --verbose, --log-format, --break-lock)."""

from __future__ import annotations

import argparse
import dataclasses
import math

from flows import progress
from pipeline.limits import DEFAULT_LIMITS, Limits

# The limits `--limit` sets; the time limit has --timeout.
_SIZE_LIMITS = tuple(
    field.name for field in dataclasses.fields(Limits) if field.name != "seconds_per_document"
)
_UNITS = {"k": 2**10, "m": 2**20, "g": 2**30}


def add_limit_options(command: argparse.ArgumentParser, timeout_help: str) -> None:
    command.add_argument("--timeout", type=_seconds, metavar="SECONDS", help=timeout_help)
    defaults = ", ".join(f"{name}={getattr(DEFAULT_LIMITS, name)}" for name in _SIZE_LIMITS)
    command.add_argument(
        "--limit",
        action="append",
        default=[],
        type=_limit_setting,
        metavar="NAME=VALUE",
        help=f"change a size limit (K, M, G suffixes allowed); defaults: {defaults}",
    )


def limits(arguments: argparse.Namespace) -> Limits:
    """The defaults with the command line's --limit settings and --timeout."""
    changes: dict[str, float] = dict(arguments.limit)
    if arguments.timeout is not None:
        changes["seconds_per_document"] = arguments.timeout
    return dataclasses.replace(DEFAULT_LIMITS, **changes)  # type: ignore[arg-type]


def _limit_setting(text: str) -> tuple[str, int]:
    name, _, value = text.partition("=")
    name, value = name.strip(), value.strip().lower()
    if name not in _SIZE_LIMITS:
        raise argparse.ArgumentTypeError(
            f"unknown limit {name!r}; one of {', '.join(_SIZE_LIMITS)}"
        )
    unit = _UNITS.get(value[-1:], 1)
    number = value[:-1] if unit > 1 else value
    if not number.isdigit() or int(number) == 0:
        raise argparse.ArgumentTypeError(f"{name}: not a positive whole number: {value!r}")
    return name, int(number) * unit


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return seconds


def add_runner_options(command: argparse.ArgumentParser) -> None:
    """Where a flow's extraction runs: local processes, or a Dask cluster."""
    command.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        metavar="N",
        help="processes extracting in parallel (at least 1)",
    )
    where = command.add_mutually_exclusive_group()
    where.add_argument("--dask", action="store_true", help="on a temporary local Dask cluster")
    where.add_argument(
        "--dask-address", metavar="ADDR", help="on an existing Dask cluster (tcp://HOST:PORT)"
    )


def positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return number


def add_batch_options(command: argparse.ArgumentParser) -> None:
    """How a batch command talks to its operator, and what it does with a lock."""
    shown = command.add_mutually_exclusive_group()
    shown.add_argument(
        "--quiet", action="store_true", help="no progress; warnings, errors and the summary only"
    )
    shown.add_argument(
        "--verbose", action="store_true", help="also Prefect's own lines (one per task run)"
    )
    command.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="json: progress and messages on stderr as JSON objects, one per line",
    )
    command.add_argument(
        "--break-lock",
        action="store_true",
        help="take over the folder's lock even when it was taken on another host",
    )


def progress_mode(arguments: argparse.Namespace) -> str:
    """How a batch command shows its progress (flows/progress.py): from its batch options, and
    a bar only on a terminal, and never for a service (its runs come and go: lines say them)."""
    if arguments.quiet:
        return "quiet"
    if arguments.log_format == "json":
        return "json"
    mode = progress.terminal_mode()
    return "lines" if mode == "bar" and arguments.command == "serve-api" else mode
