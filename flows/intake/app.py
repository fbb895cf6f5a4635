"""The intake service's endpoints (FastAPI), versioned under /v1.

Every refusal is a status and a body `{"detail": {"code", "message"}}`: the code for a program, a
sentence for a person. Endpoints that touch the disk are plain functions, which FastAPI runs in
its thread pool; the upload endpoint parses the multipart body itself, so that a malformed one
is a sentence, then keeps the files there too.

(No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations, which
name dependencies made inside `make_app`.)
"""

import dataclasses
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile

from flows.api_keys import ApiKey
from flows.corrections_store import append_corrections
from flows.intake.access import KeyRing, RateLimit, may, presented_key
from flows.intake.answers import PENDING, Answers, record_text, refusal_detail
from flows.intake.body_limit import BodyLimit
from flows.intake.docs_page import POLICY, docs_page
from flows.intake.ingest_loop import IngestLoop
from flows.review_pages import ReviewFolder
from flows.submissions import Submission, SubmissionError, accept, load, submissions
from pipeline.errors import PipelineError, UnsupportedFormatError
from pipeline.formats import sniff_format

# Files in one upload request.
MAX_FILES = 20
# Seconds a client is asked to wait: for a pending record, and when the queue is full.
PENDING_RETRY, FULL_RETRY = 5, 30
_DATASETS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
_POLICY_META = re.compile(r'http-equiv="Content-Security-Policy" content="([^"]+)"')
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Settings:
    """The service's limits, as `qpr serve-api`'s options give them (their defaults are there)."""

    root: Path
    max_upload_bytes: int
    max_queue: int
    rate_per_minute: int
    keys_file: Path


def make_app(settings: Settings, keys: KeyRing, loop: IngestLoop) -> FastAPI:
    root = settings.root
    answers = Answers(root)
    # Made once: making it lists review/ and texts/ for leftovers, not a thing to do per request.
    review = ReviewFolder(root)
    limit = RateLimit(settings.rate_per_minute)
    corrections_lock = threading.Lock()
    app = FastAPI(
        title="qpr intake service",
        version=package_version("qpr"),
        description="Parties and the secretariat submit periodic reports of the 2005 Convention; "
        "each accepted upload is kept on disk before it is acknowledged and ends as a record. "
        "Send the API key as `Authorization: Bearer KEY`, as `X-API-Key: KEY`, or as the "
        "password of HTTP Basic (what a browser asks for).",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)

    def caller(right: str) -> Callable[[Request], ApiKey]:
        def check(request: Request) -> ApiKey:
            if not keys.keys():
                raise _refusal(
                    401,
                    "no_keys",
                    f"this service has no API key yet: make one with `qpr keys add --role "
                    f"secretariat --file {settings.keys_file}`",
                )
            key = keys.authenticate(presented_key(request.headers))
            if key is None:
                raise _refusal(401, "unauthenticated", "send a valid API key")
            wait = limit.wait_seconds(key.id)
            if wait is not None:
                raise _refusal(
                    429, "rate_limited", f"too many requests: try again in {wait} s", wait
                )
            if not may(key, right):
                raise _refusal(403, "forbidden", f"a {key.role} key may not do this")
            return key

        return check

    Submitter = Annotated[ApiKey, Depends(caller("submit"))]
    Reader = Annotated[ApiKey, Depends(caller("read_reports"))]
    Corrector = Annotated[ApiKey, Depends(caller("correct"))]
    DatasetReader = Annotated[ApiKey, Depends(caller("dataset"))]

    def visible(key: ApiKey, submission_id: str) -> Submission:
        """The submission, if the key may see it; another Party's is unknown, not forbidden."""
        found = load(root, submission_id)
        if found is None or (key.role == "submitter" and found.party != key.party):
            raise _refusal(404, "unknown", f"no report '{submission_id[:40]}'")
        return found

    def finished(submission: Submission) -> None:
        """Refuse with 202 while the submission's record is not written."""
        if answers.state(submission, loop.is_queued(submission.id)) == PENDING:
            raise _refusal(
                202,
                PENDING,
                "the report is being extracted: ask again shortly",
                PENDING_RETRY,
            )

    @app.get("/healthz", summary="Whether the service is up")
    def healthz() -> dict[str, Any]:
        state = "ok" if loop.alive and loop.ready else "starting" if loop.alive else "degraded"
        return {"status": state, "queued": loop.queued(), "error": loop.last_error}

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()), headers={"Content-Security-Policy": POLICY})

    @app.post(
        "/v1/reports",
        status_code=202,
        summary="Submit report files",
        description="A multipart body with one or more `file` fields (up to "
        f"{MAX_FILES}). A submitter key submits for its Party; a secretariat key names the "
        "Party in a `party` field (ISO 3166-1 alpha-3). `replaces`: the id of an earlier "
        "submission this file is a new version of (one file only). The same file sent again "
        "by the same Party is the same submission. Refusals: 400 (no file, a name with a path, "
        "an empty file, a malformed body), 413 (too large), 415 (not a report document), 422 "
        "(an encrypted document), 429 (rate), 503 (queue full; see Retry-After).",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "file": {
                                    "type": "array",
                                    "items": {"type": "string", "format": "binary"},
                                },
                                "party": {"type": "string"},
                                "replaces": {"type": "string"},
                            },
                            "required": ["file"],
                        }
                    }
                },
            }
        },
    )
    async def submit(request: Request, key: Submitter) -> JSONResponse:
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("multipart/form-data"):
            raise _refusal(
                415, "not_multipart", "send the files as multipart/form-data, in `file` fields"
            )
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=10)
        except HTTPException as error:  # Starlette's word for a malformed multipart body
            raise _refusal(400, "malformed_body", f"the multipart body: {error.detail}") from None
        try:
            files = [item for item in form.getlist("file") if isinstance(item, UploadFile)]
            if not files:
                raise _refusal(400, "no_file", "the body has no `file` field holding a file")
            party = _party(key, form.get("party"))
            replaces = form.get("replaces")
            if replaces is not None and (not isinstance(replaces, str) or len(files) > 1):
                raise _refusal(400, "bad_replaces", "`replaces` goes with one file")
            uploads = [(item.filename or "", await item.read()) for item in files]
        finally:
            await form.close()
        lines = await run_in_threadpool(keep, party, uploads, replaces)
        location = {"Location": lines[0]["url"]} if len(lines) == 1 else {}
        return JSONResponse({"submissions": lines}, status_code=202, headers=location)

    def keep(
        party: str, uploads: list[tuple[str, bytes]], replaces: str | None
    ) -> list[dict[str, Any]]:
        """Check every file, then keep them all (each durably) and queue them; nothing is
        kept when one is refused."""
        for name, data in uploads:
            _check_document(name, data)
        if loop.queued() + len(uploads) > settings.max_queue:
            raise _refusal(
                503,
                "queue_full",
                "the service has too much to extract: try again later",
                FULL_RETRY,
            )
        lines = []
        for name, data in uploads:
            try:
                submission, new = accept(root, party, name, data, replaces)
            except SubmissionError as error:
                raise _refusal(400, "refused", str(error)) from None
            queued = new or loop.is_queued(submission.id)
            if new:
                loop.queue(submission)
            lines.append(answers.line(submission, queued))
        return lines

    @app.get("/v1/reports", summary="The reports this key may see")
    def list_reports(
        key: Reader,
        party: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
        cycle: Annotated[int | None, Query(ge=2000, le=2100)] = None,
        status: Annotated[
            str | None, Query(pattern=r"^(pending|ok|partial|failed|superseded)$")
        ] = None,
    ) -> dict[str, Any]:
        if key.role == "submitter":
            if party is not None and party.upper() != key.party:
                raise _refusal(403, "forbidden", "a submitter key sees its own Party's reports")
            party = key.party
        lines = [
            answers.line(item, loop.is_queued(item.id))
            for item in submissions(root, party.upper() if party else None)
        ]
        lines = [
            line
            for line in lines
            if (status is None or line["status"] == status)
            and (cycle is None or line["cycle"] == cycle)
        ]
        lines.sort(key=lambda line: (line["party"], line["filename"], line["id"]))
        return {"count": len(lines), "reports": lines}

    @app.get(
        "/v1/reports/{report_id}",
        summary="A report's record",
        description="200 with the record once extracted (its `source.filename` is the name this "
        "submission gave); 202 while it is being extracted; 404 for an id this key cannot see.",
    )
    def get_report(report_id: str, key: Reader) -> Response:
        submission = visible(key, report_id)
        finished(submission)
        text = record_text(answers.served_record(submission))
        return Response(text, media_type="application/json")

    @app.get(
        "/v1/reports/{report_id}/review",
        summary="A report's review page",
        description="The record's values marked in its text, with its corrections; a "
        "secretariat key's page can send corrections back here, and nowhere else.",
        response_class=HTMLResponse,
    )
    def get_review(report_id: str, key: Reader) -> HTMLResponse:
        from flows.review_pages import render_page

        submission = visible(key, report_id)
        finished(submission)
        record = answers.served_record(submission)
        post_to = f"/v1/reports/{submission.id}/corrections" if may(key, "correct") else None
        page = render_page(
            record,
            review.kept_text(submission.sha256),
            review.corrected(record),
            review.kept_pages(submission.sha256),
            post_to=post_to,
        )
        if page is None:
            raise _refusal(500, "page_failed", "the review page could not be made (logged)")
        policy = _POLICY_META.search(page)
        headers = {"Content-Security-Policy": policy[1]} if policy else {}
        return HTMLResponse(page, headers={**headers, "Referrer-Policy": "no-referrer"})

    @app.get("/v1/reports/{report_id}/completeness", summary="What a report lacks")
    def get_completeness(report_id: str, key: Reader) -> dict[str, Any]:
        from pipeline.completeness import letter_summary, missing_items

        submission = visible(key, report_id)
        finished(submission)
        record = answers.served_record(submission)
        view = review.corrected(record)
        items = missing_items(view.record if view is not None else record)
        return {
            "id": submission.id,
            "missing": [dataclasses.asdict(item) for item in items],
            "summary": letter_summary(record, items),
        }

    @app.post(
        "/v1/reports/{report_id}/corrections",
        status_code=201,
        summary="Store a reviewer's corrections",
        description="The body is a corrections file as the review page exports it "
        "(schemas/corrections.py), for this report's record; checked whole, then stored in "
        "the record's audit trail. 422 with the first problem found.",
    )
    async def post_corrections(report_id: str, request: Request, key: Corrector) -> Response:
        body = await request.body()
        return await run_in_threadpool(store_corrections, report_id, key, body)

    def store_corrections(report_id: str, key: ApiKey, body: bytes) -> Response:
        from flows.correct_command import checked_corrections

        submission = visible(key, report_id)
        finished(submission)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise _refusal(400, "not_utf8", "the body is not UTF-8 text") from None
        with corrections_lock:
            try:
                corrections = checked_corrections(root, text)
            except ValueError as error:
                raise _refusal(422, "invalid_corrections", f"the body {error}") from None
            if corrections.record_sha256 != submission.sha256:
                raise _refusal(
                    422, "invalid_corrections", "the corrections are for another report's record"
                )
            append_corrections(root, [corrections])
        loop.corrections_changed()
        stored = {"id": submission.id, "stored_changes": len(corrections.changes)}
        return JSONResponse(stored, status_code=201)

    @app.get(
        "/v1/dataset.{kind}",
        summary="The batch's dataset",
        description="One row per measure, corrections applied, superseded reports left out: "
        "`csv`, `jsonl` or `parquet` (the batch folder's dataset files, as the last run wrote "
        "them).",
    )
    def get_dataset(kind: str, key: DatasetReader) -> StreamingResponse:
        if kind not in _DATASETS:
            raise _refusal(404, "unknown", f"no dataset.{kind[:20]}: csv, jsonl or parquet")
        try:
            # Opened once: a run replacing the file meanwhile does not change what is sent.
            file = open(root / f"dataset.{kind}", "rb")  # noqa: SIM115 (closed by the stream)
        except FileNotFoundError:
            raise _refusal(404, "no_dataset", "no dataset yet: nothing was extracted") from None
        size = os.fstat(file.fileno()).st_size
        return StreamingResponse(
            _stream(file),
            media_type=_DATASETS[kind],
            headers={
                "Content-Length": str(size),
                "Content-Disposition": f'attachment; filename="dataset.{kind}"',
            },
        )

    return app


def _stream(file: Any) -> Iterator[bytes]:
    with file:
        while chunk := file.read(_CHUNK):
            yield chunk


def _party(key: ApiKey, given: object) -> str:
    """The Party a submission is for: a submitter's own; the one a secretariat key names."""
    named = given.strip().upper() if isinstance(given, str) and given.strip() else None
    if key.role == "submitter":
        assert key.party is not None, "a submitter key is bound to a Party"
        if named is not None and named != key.party:
            raise _refusal(403, "forbidden", f"this key submits for {key.party} only")
        return key.party
    if named is None or not re.fullmatch(r"[A-Z]{3}", named):
        raise _refusal(
            400,
            "no_party",
            "name the Party in a `party` field (ISO 3166-1 alpha-3, EUU for the EU)",
        )
    return named


def _check_document(name: str, data: bytes) -> None:
    """Refuse what `qpr extract` would fail at once, by the same code: the bytes are only
    sniffed here, never parsed (that happens in the ingest flow's sandboxes)."""
    if not data:
        raise _refusal(400, "empty_document", f"'{name[:80]}' is empty")
    try:
        sniff_format(data, name)
    except UnsupportedFormatError as error:
        raise _refusal(415, error.code, f"'{name[:80]}': {error}") from None
    except PipelineError as error:
        status = 400 if error.code == "empty_document" else 422
        raise _refusal(status, error.code, f"'{name[:80]}': {error}") from None


def _refusal(status: int, code: str, message: str, retry: int | None = None) -> HTTPException:
    headers = {"Retry-After": str(retry)} if retry is not None else {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="qpr", charset="UTF-8"'
    return HTTPException(status, detail=refusal_detail(code, message), headers=headers or None)
