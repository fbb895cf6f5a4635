"""The review loop through the intake service, in Chromium: a secretariat's reviewer opens a
report's page from `qpr serve-api` (the browser asks for the key as a Basic password), corrects a
title, presses "Send to the service", and the correction reaches the record's audit trail and
the dataset. Without the key the page is not served."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from intake_server import ROOT, Service, make_key

SEED = ROOT / "samples" / "azerbaijan-civil-society-consultation.txt"
NEW_TITLE = "Consultations with civil society (corrected in the service)"

pytestmark = pytest.mark.slow


def test_a_reviewer_corrects_a_report_on_its_page_and_sends_it_to_the_service(
    api: str, browser: Any, tmp_path: Path, artifacts: Path
) -> None:
    keys = tmp_path / "keys.toml"
    secretariat = make_key(keys, "secretariat")
    with Service(tmp_path / "batch", keys, (), api) as service:
        auth = {"Authorization": f"Bearer {secretariat}"}
        with httpx.Client(base_url=service.url, headers=auth, timeout=30) as http:
            files = {"file": (SEED.name, SEED.read_bytes())}
            sent = http.post("/v1/reports", files=files, data={"party": "AZE"})
            report = sent.json()["submissions"][0]
            deadline = time.monotonic() + 120
            while (answer := http.get(report["url"])).status_code != 200:
                assert time.monotonic() < deadline
                time.sleep(0.3)
            record = answer.json()

            stranger = browser.new_context()  # no key to give when asked: no page
            with pytest.raises(Exception, match="AUTH_CREDENTIALS"):
                stranger.new_page().goto(f"{service.url}{report['url']}/review")
            stranger.close()

            context = browser.new_context(
                http_credentials={"username": "reviewer", "password": secretariat},
                viewport={"width": 1400, "height": 900},
            )
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{service.url}{report['url']}/review")
            first = record["measures"][0]["measure_id"]
            title = page.locator(f'.field[data-field="{first}:title"]')
            title.locator("button.edit").click()
            title.locator(".editor input:not(.note)").fill(NEW_TITLE)
            title.locator("button.save").click()
            page.fill("#reviewer", "A. Reviewer")
            page.click("#send")
            page.locator("#edit-status", has_text="1 change(s) sent").wait_for(timeout=10000)
            page.screenshot(path=str(artifacts / "intake-review-sent.png"))
            context.close()
            assert errors == []

            trail = service.batch / "corrections" / f"{report['sha256']}.jsonl"
            stored = json.loads(trail.read_text(encoding="utf-8").splitlines()[0])
            assert stored["changes"][0]["new"] == NEW_TITLE
            while NEW_TITLE not in http.get("/v1/dataset.jsonl").text:
                assert time.monotonic() < deadline + 60, "the dataset never took the correction"
                time.sleep(0.5)
