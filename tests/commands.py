"""The `qpr` command run as a shell runs it, for the tests of what an operator or a user sees:
in a session of its own, its output captured, and every process it started findable afterwards
(a marker in their environment)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QPR = [sys.executable, "-m", "flows.cli"]


class Run:
    """A `qpr` command started in a session of its own, as a shell starts it; a marker in its
    environment finds every process it started, whoever their parent is by then."""

    def __init__(
        self,
        *arguments: str,
        api: str | None = None,
        cwd: Path = ROOT,
        environment: dict[str, str] | None = None,
    ) -> None:
        self.marker = uuid.uuid4().hex
        environment = {**os.environ, **(environment or {}), "QPR_TEST_MARKER": self.marker}
        environment.pop("QPR_SUPERVISED", None)
        environment.pop("PREFECT_API_URL", None)
        if api:
            environment["PREFECT_API_URL"] = api
        self.process = subprocess.Popen(
            [*QPR, *arguments],
            cwd=cwd,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.err_lines: list[str] = []

    def wait_for(self, predicate: object, timeout: float = 180) -> None:
        """Read stderr's lines (JSON progress events) until `predicate(event)` holds."""
        deadline = time.monotonic() + timeout
        assert self.process.stderr is not None
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                raise AssertionError("the command ended first:\n" + "".join(self.err_lines))
            self.err_lines.append(line)
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if predicate(event):  # type: ignore[operator]
                return
        raise AssertionError("timed out waiting:\n" + "".join(self.err_lines))

    def finish(self, timeout: float = 600) -> tuple[int, str, str]:
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out, "".join(self.err_lines) + err

    def interrupt(self, *numbers: int, within: float = 15) -> tuple[str, str]:
        """Send `numbers` as a terminal would (to the foreground group, the supervisor alone),
        and check the command's end: within `within` s of the last, with the documented status,
        no traceback, no process left behind. Its stdout and stderr."""
        for number in numbers:
            time.sleep(0.2)
            signalled = time.monotonic()
            os.killpg(self.process.pid, number)
        code, out, err = self.finish(timeout=30)
        assert time.monotonic() - signalled < within
        assert code == 128 + numbers[0], err
        no_traceback(err)
        assert not self.leftovers()
        return out, err

    def leftovers(self) -> list[int]:
        """The live processes still carrying this command's marker."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if self.marker.encode() not in (entry / "environ").read_bytes():
                    continue
                state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
            except OSError:
                continue
            if state != "Z":
                found.append(int(entry.name))
        return found


def qpr(
    *arguments: str,
    api: str | None = None,
    cwd: Path = ROOT,
    environment: dict[str, str] | None = None,
) -> tuple[int, str, str]:
    """Run `qpr ARGUMENTS` to its end: its exit status, stdout and stderr."""
    return Run(*arguments, api=api, cwd=cwd, environment=environment).finish()


def no_traceback(err: str) -> None:
    assert "Traceback" not in err, err
