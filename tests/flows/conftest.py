"""Flow tests run Prefect for real: one temporary Prefect API for the whole session (its start
costs about 10 s here), analytics off, a throw-away PREFECT_HOME."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

# Set before Prefect is first imported: its settings are read once.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="qpr-prefect-home-"))
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture(scope="session")
def api(prefect_api: None) -> str:
    """The session's Prefect API, for the commands whose test is not about starting one."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url
    return str(url)


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def ingest_samples(tmp_path: Path, prefect_api: None) -> Callable[[Sequence[str]], Path]:
    """Ingest the named samples, copied into `tmp_path/inbox`, into the batch `tmp_path/out`."""

    def ingest(names: Sequence[str]) -> Path:
        from flows.ingest import run_ingest

        inbox = tmp_path / "inbox"
        inbox.mkdir(exist_ok=True)
        for name in names:
            shutil.copy(SAMPLES / name, inbox / name)
        run_ingest([inbox], tmp_path / "out")
        return tmp_path / "out"

    return ingest
