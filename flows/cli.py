"""The `qpr` command: its parser, made of each command group's (flows/document_commands.py,
flows/evaluate_command.py, flows/review_command.py, flows/completeness_command.py,
flows/correct_command.py, flows/show_command.py, flows/query_command.py, flows/link_command.py,
flows/export_command.py, flows/keys_command.py, flows/batch_commands.py,
flows/serve_api_command.py), and the one place where a command's errors become a sentence and an
exit status (flows/exit_status.py).

The batch commands (ingest, reprocess, serve, serve-api) run under a supervisor that takes the signals
(flows/interrupt.py) and runs this module again (`python -m flows.cli`). Heavy imports (the
pipeline, Prefect) wait for the command that needs them, so that `qpr --help` and the
supervisor start at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from flows import cli_options, command_log, interrupt, progress
from flows.batch_commands import BATCH_COMMANDS, add_batch_commands
from flows.completeness_command import add_completeness_command
from flows.correct_command import add_correct_command
from flows.document_commands import add_document_commands
from flows.evaluate_command import add_evaluate_command
from flows.exit_status import (
    ENVIRONMENT,
    INTERRUPTED,
    CommandError,
    environment_sentence,
    report_failure,
    stopped_sentence,
)
from flows.export_command import add_export_command
from flows.keys_command import add_keys_command
from flows.link_command import add_link_command
from flows.query_command import add_query_command
from flows.review_command import add_review_command
from flows.serve_api_command import add_serve_api_command
from flows.show_command import add_show_command


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    arguments = _parser().parse_args(argv)
    if arguments.command in BATCH_COMMANDS and not interrupt.is_supervised():
        return _supervise(argv, arguments)
    try:
        code: int = arguments.run(arguments)
        return code
    except CommandError as error:
        command_log.say(str(error))
        return error.code
    except KeyboardInterrupt:
        command_log.say("interrupted")
        return INTERRUPTED
    except OSError as error:
        report_failure(environment_sentence(error, getattr(arguments, "out", None)), error)
        return ENVIRONMENT
    except Exception as error:  # a bug, or Prefect failing: a sentence here, the rest in the log
        report_failure(stopped_sentence(error), error)
        return ENVIRONMENT


def _supervise(argv: list[str], arguments: argparse.Namespace) -> int:
    """Run a batch command in a child that the supervisor stops cleanly on a signal."""
    # The embedded Prefect API starts in about 9 s here, 16 s on a fresh PREFECT_HOME.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    if not arguments.verbose:
        command_log.quiet_prefect_console()
    if cli_options.progress_mode(arguments) == "bar":
        progress.show_starting()
    return interrupt.supervise(argv)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qpr",
        description="Turn the periodic reports of the "
        "2005 Convention into validated, source-grounded JSON records.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the versions and exit")
    commands = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")
    add_document_commands(commands)
    add_evaluate_command(commands)
    add_review_command(commands)
    add_completeness_command(commands)
    add_correct_command(commands)
    add_show_command(commands)
    add_query_command(commands)
    add_link_command(commands)
    add_export_command(commands)
    add_keys_command(commands)
    add_batch_commands(commands)
    add_serve_api_command(commands)
    return parser


class _Version(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        from importlib.metadata import version

        from pipeline.version import extractor_version
        from schemas import SCHEMA_VERSION

        print(f"qpr {version('qpr')} (extractor {extractor_version()}, schema {SCHEMA_VERSION})")
        parser.exit()


if __name__ == "__main__":
    sys.exit(main())
