"""`qpr serve-api --batch DIR`: the intake service (flows/intake/) on uvicorn, storing into the
batch folder it holds locked for as long as it runs: CLI commands that would write that folder
are turned away with the service's address, read-only ones work.

The socket is bound before anything else, so that a port in use is a sentence, and `--port 0`
takes a free port (the address printed says which). Like `qpr ingest`, it runs under the
supervisor of flows/interrupt.py: a Ctrl-C or SIGTERM stops the server, lets the run in progress
write what it finished, and stops every process the service started.
"""

from __future__ import annotations

import argparse
import errno
import socket
import threading
from pathlib import Path

from flows import cli_options, command_log, interrupt
from flows.batch_commands import batch_folder
from flows.exit_status import ENVIRONMENT, OK, USAGE, CommandError
from flows.keys_command import DEFAULT_FILE
from pipeline.limits import DEFAULT_LIMITS, MIB

# How long the run in progress has to write what it finished, once the server has stopped.
_STOP_SECONDS = 10.0


def add_serve_api_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve-api",
        help="serve the intake API: reports submitted over HTTP, extracted into a batch folder",
    )
    serve.add_argument("--batch", dest="out", type=Path, required=True, metavar="DIR")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    serve.add_argument(
        "--port", type=int, default=8000, help="the port (0: a free one, printed at start)"
    )
    serve.add_argument(
        "--keys",
        type=Path,
        default=DEFAULT_FILE,
        help=f"the API keys file (default {DEFAULT_FILE})",
    )
    serve.add_argument("--workers", type=cli_options.positive_int, default=1, metavar="N")
    serve.add_argument(
        "--max-upload-mb",
        type=cli_options.positive_int,
        default=DEFAULT_LIMITS.file_bytes // MIB,
        metavar="MB",
        help="the largest upload request (default: the input size limit of `qpr ingest`)",
    )
    serve.add_argument(
        "--rate-limit",
        type=cli_options.positive_int,
        default=120,
        metavar="N",
        help="requests a minute per API key (default 120)",
    )
    serve.add_argument(
        "--max-queue",
        type=cli_options.positive_int,
        default=1000,
        metavar="N",
        help="uploads waiting for extraction before new ones get 503 (default 1000)",
    )
    cli_options.add_limit_options(
        serve,
        "stop a document's extraction after SECONDS; default "
        f"{DEFAULT_LIMITS.seconds_per_document:g}",
    )
    cli_options.add_batch_options(serve)
    serve.set_defaults(run=_serve_api)


def _serve_api(arguments: argparse.Namespace) -> int:
    import uvicorn

    from flows.api_keys import KeysError, load_keys
    from flows.intake.access import KeyRing
    from flows.intake.app import Settings, make_app
    from flows.intake.ingest_loop import IngestLoop

    try:
        keys = load_keys(arguments.keys)
    except KeysError as error:
        raise CommandError(str(error), USAGE) from None
    listening = _bind(arguments.host, arguments.port)
    host, port = listening.getsockname()[:2]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    with listening, batch_folder(arguments, arguments.out, new_allowed=True, service=url):
        root = arguments.out
        loop = IngestLoop(
            root,
            arguments.workers,
            cli_options.limits(arguments),
            progress_mode=cli_options.progress_mode(arguments),
        )
        settings = Settings(
            root=root,
            max_upload_bytes=arguments.max_upload_mb * MIB,
            max_queue=arguments.max_queue,
            rate_per_minute=arguments.rate_limit,
            keys_file=arguments.keys,
        )
        app = make_app(settings, KeyRing(arguments.keys), loop)
        config = uvicorn.Config(
            app, log_config=None, log_level="warning", access_log=False, timeout_graceful_shutdown=5
        )
        server = uvicorn.Server(config)
        _stop_server_on_request(server)
        loop.start()
        print(f"qpr: serving {root} at {url} (API docs: {url}/docs)", flush=True)
        if not keys:
            command_log.say(
                f"no API key in {arguments.keys}: every request but /healthz and /docs is "
                f"refused (401). Make one with: qpr keys add --role secretariat --file "
                f"{arguments.keys}",
                "warning",
            )
        server.run(sockets=[listening])
        loop.stop(_STOP_SECONDS)
    return OK


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: the accepted connections inherit it, and asyncio turns
    # Nagle's algorithm off only on sockets whose protocol says TCP. Left on, a response whose
    # headers and body leave in two writes waited for the client's delayed ACK: 40 ms on every
    # request of a kept-alive connection.
    listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as error:
        listening.close()
        if error.errno == errno.EADDRINUSE:
            raise CommandError(
                f"port {port} on {host} is in use: give another with --port", ENVIRONMENT
            ) from None
        raise CommandError(f"cannot listen on {host}:{port} ({error.strerror})", USAGE) from None
    listening.listen(128)
    listening.set_inheritable(False)
    return listening


def _stop_server_on_request(server: object) -> None:
    """The supervisor's stop (flows/interrupt.py) ends uvicorn's serving loop."""

    def watch() -> None:
        while not interrupt.stop_requested():
            threading.Event().wait(0.2)
        server.should_exit = True  # type: ignore[attr-defined]

    threading.Thread(target=watch, name="qpr-stop-watch", daemon=True).start()
