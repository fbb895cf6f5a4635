"""The review pages in a real browser: Playwright for Python driving the system's Chromium
(Debian's `chromium`; Playwright's own browser download cannot reach its host here). Where no
Chromium is found the browser tests are skipped on a developer's machine and fail under CI
(`CI=true`), where `.ci/run` installs it. `QPR_CHROMIUM` names another executable."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def chromium_executable() -> str | None:
    named = os.environ.get("QPR_CHROMIUM")
    if named:
        return named
    return next((path for path in map(shutil.which, _CANDIDATES) if path), None)


# Per module, not per session: Playwright's sync API keeps an event loop running while it is
# open, and Prefect's sync-or-async functions would then hand later tests a coroutine.
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_executable()
    if executable is None:
        message = "no Chromium found (apt-get install chromium, or set QPR_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # As root (CI, containers) Chromium's sandbox cannot start.
    arguments = ["--no-sandbox"] if os.geteuid() == 0 else []
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=arguments)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page that records console errors and dialogs, which no review page may raise."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.console_errors = []
    opened.dialogs = []
    opened.on(
        "console",
        lambda message: message.type == "error" and opened.console_errors.append(message.text),
    )
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where browser tests leave screenshots for a person to look at (CI keeps the folder)."""
    folder = Path(os.environ.get("QPR_TEST_ARTIFACTS", "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
