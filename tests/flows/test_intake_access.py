"""The intake service's access rules without a server: how a key may be presented, the keys
file read again when `qpr keys` changes it, the rate limit per key, and the size limit that
refuses a body before reading it."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from flows.api_keys import load_keys, new_key, save_keys
from flows.intake.access import KeyRing, RateLimit, may, presented_key
from flows.intake.body_limit import BodyLimit


def test_a_key_is_taken_from_a_bearer_token_an_api_key_header_or_a_basic_password() -> None:
    basic = base64.b64encode(b"focal.point:qpr_k").decode()
    assert presented_key({"authorization": "Bearer qpr_k"}) == "qpr_k"
    assert presented_key({"x-api-key": " qpr_k "}) == "qpr_k"
    assert presented_key({"authorization": f"Basic {basic}"}) == "qpr_k"
    assert presented_key({"authorization": "Basic not-base64!"}) is None
    assert presented_key({"authorization": "Digest x"}) is None
    assert presented_key({}) is None


def test_each_role_has_its_rights_and_no_other() -> None:
    _, submitter = new_key("submitter", "FRA", "2026-12-07", set())
    _, secretariat = new_key("secretariat", None, "2026-12-07", set())
    _, reader = new_key("reader", None, "2026-12-07", set())
    rights = ("submit", "read_reports", "correct", "dataset")
    assert [may(submitter, right) for right in rights] == [True, True, False, False]
    assert [may(secretariat, right) for right in rights] == [True, True, True, True]
    assert [may(reader, right) for right in rights] == [False, False, False, True]


def test_a_key_added_or_revoked_takes_effect_without_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    ring = KeyRing(path)
    first, entry = new_key("reader", None, "2026-12-07", set())
    assert ring.authenticate(first) is None  # no keys file yet
    save_keys(path, [entry])
    assert ring.authenticate(first) == entry
    second, other = new_key("reader", None, "2026-12-07", {entry.id})
    save_keys(path, [other])  # the first revoked, another added
    assert ring.authenticate(first) is None
    assert ring.authenticate(second) == other
    assert load_keys(path) == [other]


def test_the_rate_limit_lets_a_burst_through_then_says_how_long_to_wait() -> None:
    limit = RateLimit(per_minute=3)
    assert [limit.wait_seconds("a", now=0.0) for _ in range(3)] == [None, None, None]
    assert limit.wait_seconds("a", now=0.0) == 20  # one token every 20 s
    assert limit.wait_seconds("b", now=0.0) is None  # per key
    assert limit.wait_seconds("a", now=20.0) is None
    assert limit.wait_seconds("a", now=21.0) == 19


def _posted(max_bytes: int, content: bytes | list[bytes]) -> httpx.Response:
    """POST `content` (a list: streamed in chunks, with no declared length) to an app that
    echoes the length of the body it read."""

    async def echo(request: Request) -> PlainTextResponse:
        return PlainTextResponse(str(len(await request.body())))

    # Placed as the service places it: inside Starlette's error middleware.
    app = Starlette(
        routes=[Route("/", echo, methods=["POST"])],
        middleware=[Middleware(BodyLimit, max_bytes=max_bytes)],
    )

    async def body() -> AsyncIterator[bytes]:
        for chunk in content:
            yield chunk

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            sent = content if isinstance(content, bytes) else body()
            return await client.post("/", content=sent)

    return asyncio.run(post())


def test_a_body_over_the_limit_is_413_whether_its_length_is_declared_or_not() -> None:
    assert _posted(1000, b"x" * 1000).text == "1000"
    declared = _posted(1000, b"x" * 1001)
    assert declared.status_code == 413
    assert declared.json()["detail"]["code"] == "too_large"
    assert _posted(1000, [b"x" * 600, b"x" * 600]).status_code == 413
    assert _posted(1000, [b"x" * 600, b"x" * 400]).text == "1000"
