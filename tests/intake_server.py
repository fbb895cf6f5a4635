"""The intake service as its tests (and its load benchmark) run it: `qpr serve-api` started for
real, on a free loopback port, with keys made by `qpr keys add`; its address read from the line
it prints, its readiness from /healthz."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QPR = [sys.executable, "-m", "flows.cli"]


def make_key(keys: Path, role: str, party: str | None = None) -> str:
    """A new key of `role` in the keys file `keys`, through the command a secretariat runs."""
    command = [*QPR, "keys", "add", "--role", role, "--file", str(keys)]
    if party:
        command += ["--party", party]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[0]


@dataclass
class Service:
    """`qpr serve-api --batch BATCH --keys KEYS --port 0 OPTIONS...`, under its supervisor."""

    batch: Path
    keys: Path
    options: tuple[str, ...] = ()
    api: str | None = None  # a Prefect API to report to (none: the service starts its own)
    url: str = ""
    process: subprocess.Popen[str] | None = None
    log: list[str] = field(default_factory=list)

    def start(self, timeout: float = 120) -> Service:
        environment = {**os.environ}
        environment.pop("QPR_SUPERVISED", None)
        environment.pop("PREFECT_API_URL", None)
        if self.api:
            environment["PREFECT_API_URL"] = self.api
        self.process = subprocess.Popen(
            [*QPR, "serve-api", "--batch", str(self.batch), "--keys", str(self.keys)]
            + ["--port", "0", "--quiet", *self.options],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while not self.url:
            line = self.process.stdout.readline()
            if not line or time.monotonic() > deadline:
                raise AssertionError("the service did not start:\n" + "".join(self.log) + line)
            self.log.append(line)
            if line.startswith("qpr: serving "):
                self.url = line.split(" at ")[1].split()[0]
        while self.health().get("status") != "ok":
            if time.monotonic() > deadline:
                raise AssertionError(f"the service is not ready: {self.health()}")
            time.sleep(0.2)
        return self

    def health(self) -> dict[str, object]:
        try:
            with urllib.request.urlopen(self.url + "/healthz", timeout=5) as answer:
                health: dict[str, object] = json.load(answer)
                return health
        except (OSError, ValueError):
            return {}

    @property
    def server_pid(self) -> int:
        """The process that serves HTTP and holds the batch's lock (the supervisor's child)."""
        return int(json.loads((self.batch / ".qpr.lock").read_text())["pid"])

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM, as a service manager stops it; its exit status."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        finally:
            self._drain()

    def kill(self, timeout: float = 30) -> None:
        """kill -9 of the server process; its supervisor then ends everything it started."""
        assert self.process is not None
        os.kill(self.server_pid, signal.SIGKILL)
        self.process.wait(timeout)
        self._drain()

    def _drain(self) -> None:
        if self.process is not None and self.process.stdout is not None:
            self.log.extend(self.process.stdout.readlines())

    def __enter__(self) -> Service:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.stop()
