"""A review page served by a service posts its corrections back to it (`post_to`), in Chromium:
a tiny local HTTP server on 127.0.0.1 stands for the intake service, serving the page rendered
with `post_to` and answering the POST to that path. The page sends the very corrections the
export makes, says they were sent and does not send them twice; a refusal shows the service's
message and keeps the changes, to export instead; and the page can reach no other origin."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from flows.review_pages import render_page
from pipeline import extract_file
from pipeline.corrections import problems
from schemas import ReportRecord
from schemas.corrections import Corrections

SEED = Path(__file__).resolve().parents[2] / "samples" / "azerbaijan-civil-society-consultation.txt"
NEW_TITLE = "Consultations with civil society (sent)"


@dataclass
class Service:
    """What the stand-in service serves and answers, and what it was sent."""

    page: bytes = b""
    post_to: str = ""
    answer: tuple[int, Any] | None = (201, {"stored": True})  # None: hang up, answer nothing
    received: list[tuple[str, str, Any]] = field(default_factory=list)  # path, type, body
    origin: str = ""


def serve(service: Service) -> Iterator[Service]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path != "/review":
                self.send_error(404)
                return
            self.reply(200, "text/html; charset=utf-8", service.page)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = None
            service.received.append((self.path, self.headers.get("Content-Type", ""), parsed))
            if service.answer is None:
                self.close_connection = True
                return
            status, answer = service.answer if self.path == service.post_to else (404, {})
            self.reply(status, "application/json", json.dumps(answer).encode("utf-8"))

        def reply(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    service.origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def record() -> ReportRecord:
    return extract_file(SEED, include_text=True)


@pytest.fixture
def service(record: ReportRecord) -> Iterator[Service]:
    post_to = f"/v1/reports/{record.source.sha256}/corrections"
    page = render_page(record.model_copy(update={"text": None}), record.text, post_to=post_to)
    assert page is not None
    yield from serve(Service(page=page.encode("utf-8"), post_to=post_to))


@pytest.fixture
def elsewhere() -> Iterator[Service]:
    """Another origin (another port), which the page must not reach."""
    yield from serve(Service(post_to="/v1/reports/x/corrections"))


def row(page: Any, unit: str, name: str) -> Any:
    return page.locator(f'.field[data-field="{unit}:{name}"]')


def edit_title(page: Any, unit: str, title: str) -> None:
    title_row = row(page, unit, "title")
    title_row.locator("button.edit").click()
    title_row.locator(".editor input:not(.note)").fill(title)
    title_row.locator("button.save").click()


def status_says(page: Any, words: str) -> None:
    page.locator("#edit-status", has_text=words).wait_for(timeout=10000)


def test_the_page_sends_the_exported_corrections_to_its_service_once(
    page: Any, service: Service, record: ReportRecord, tmp_path: Path, artifacts: Path
) -> None:
    first = record.measures[0].measure_id
    page.goto(service.origin + "/review")
    edit_title(page, first, NEW_TITLE)
    row(page, first, "agency").locator("button.confirm").click()
    page.select_option("#review-state", "in_review")
    page.click("#send")  # no name yet: asked for, nothing sent
    assert "name" in page.locator("#edit-status").inner_text() and service.received == []
    page.fill("#reviewer", "A. Reviewer")
    with page.expect_download() as download:  # what the export makes, to compare
        page.click("#export")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))

    page.click("#send")
    status_says(page, "2 change(s) sent to the service")
    ((path, content_type, body),) = service.received
    assert (path, content_type) == (service.post_to, "application/json")
    sent = Corrections.model_validate(body)
    machine = ReportRecord.model_validate(record.model_dump(mode="json") | {"text": None})
    assert problems(machine, sent) == []
    assert (sent.reviewer, sent.review_state) == ("A. Reviewer", "in_review")
    assert {(change.field, change.kind.value) for change in sent.changes} == {
        ("title", "set"),
        ("agency", "confirm"),
    }
    assert {k: v for k, v in body.items() if k != "time"} == {
        k: v for k, v in exported.items() if k != "time"
    }
    assert "sent to the service" in row(page, first, "title").locator(".edited-note").inner_text()
    page.screenshot(path=str(artifacts / "review-sent.png"))

    # Sent once: closed until there is something new, which alone is sent next.
    assert page.locator("#send").is_disabled()
    row(page, first, "website").locator("button.wrong").click()
    assert page.locator("#send").is_enabled()
    page.click("#send")
    status_says(page, "1 change(s) sent to the service")
    assert len(service.received) == 2
    again = Corrections.model_validate(service.received[1][2])
    assert [(change.field, change.kind.value) for change in again.changes] == [("website", "wrong")]
    assert page.console_errors == [] and page.dialogs == []


@pytest.mark.parametrize(
    "detail",
    [
        {"code": "stale_record", "message": "The record changed since this page was made."},
        "The record changed since this page was made.",
    ],
)
def test_a_refusal_shows_the_service_message_and_keeps_the_changes(
    page: Any, service: Service, record: ReportRecord, detail: Any
) -> None:
    service.answer = (400, {"detail": detail})
    first = record.measures[0].measure_id
    page.goto(service.origin + "/review")
    edit_title(page, first, NEW_TITLE)
    page.fill("#reviewer", "A. Reviewer")
    page.click("#send")
    status_says(page, "The record changed since this page was made.")
    assert "Not sent" in page.locator("#edit-status").inner_text()
    assert len(service.received) == 1
    assert page.locator("#send").is_enabled()  # to try again
    with page.expect_download() as download:  # or to export: the changes are all there
        page.click("#export")
    kept = Corrections.model_validate_json(Path(download.value.path()).read_text("utf-8"))
    assert [(change.field, change.new) for change in kept.changes] == [("title", NEW_TITLE)]
    # The browser reports the failed request itself; nothing else goes wrong.
    assert all("400" in error for error in page.console_errors) and page.dialogs == []


def test_a_network_failure_is_said_and_keeps_the_changes(
    page: Any, service: Service, record: ReportRecord
) -> None:
    service.answer = None
    first = record.measures[0].measure_id
    page.goto(service.origin + "/review")
    edit_title(page, first, NEW_TITLE)
    page.fill("#reviewer", "A. Reviewer")
    page.click("#send")
    status_says(page, "Failed to fetch")
    assert "Not sent" in page.locator("#edit-status").inner_text()
    assert page.locator("#send").is_enabled()
    service.answer = (201, {"stored": True})  # the service is back: the same changes go
    page.click("#send")
    status_says(page, "1 change(s) sent to the service")
    (change,) = Corrections.model_validate(service.received[-1][2]).changes
    assert (change.field, change.new) == ("title", NEW_TITLE)


def test_the_page_reaches_no_other_origin(page: Any, service: Service, elsewhere: Service) -> None:
    page.goto(service.origin + "/review")
    target = elsewhere.origin + elsewhere.post_to
    outcome = page.evaluate(
        """target => fetch(target, {method: "POST", body: "{}"})
             .then(() => "reached", error => "blocked: " + error)""",
        target,
    )
    assert outcome.startswith("blocked") and elsewhere.received == []


def test_a_sent_measure_switch_is_undone_by_the_next_send(
    page: Any, service: Service, record: ReportRecord
) -> None:
    first = record.measures[0].measure_id
    page.goto(service.origin + "/review")
    page.fill("#reviewer", "A. Reviewer")
    page.locator(f'.unit[data-unit="{first}"] button.not-measure').click()
    page.click("#add-measure")
    page.fill('#add-measure-form [data-path="title"]', "A measure the extractor missed")
    page.click("#add-measure-form button.save")
    page.click("#send")
    status_says(page, "2 change(s) sent to the service")
    kinds = [
        change.kind.value for change in Corrections.model_validate(service.received[0][2]).changes
    ]
    assert kinds == ["not_a_measure", "add_measure"]
    assert page.locator(".unit.added.pending").count() == 0

    # Sent, the measure is the service's "not a measure": its switch now says it is one.
    page.locator(f'.unit[data-unit="{first}"] button.is-measure').click()
    page.click("#send")
    status_says(page, "1 change(s) sent to the service")
    (change,) = Corrections.model_validate(service.received[1][2]).changes
    assert (change.measure_id, change.kind.value) == (first, "is_a_measure")
    unit = page.locator(f'.unit[data-unit="{first}"]')
    assert "spurious" not in (unit.get_attribute("class") or "")
    assert unit.locator("button.not-measure").count() == 1
    assert page.console_errors == [] and page.dialogs == []
