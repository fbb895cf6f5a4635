"""Who may do what on the intake service: the API key a request presents (as a bearer token, an
`X-API-Key` header, or the password of HTTP Basic, which a browser asks for and then sends
itself, so that a review page opened there can post its corrections), the rights of its role,
and a rate limit per key.

The keys file is read again whenever it changes on disk: `qpr keys add` and `qpr keys revoke`
take effect without a restart.
"""

from __future__ import annotations

import base64
import binascii
import math
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from flows.api_keys import ApiKey, authenticate, load_keys

# What each right is granted to (flows/api_keys.py says what the roles are for).
RIGHTS: dict[str, frozenset[str]] = {
    "submit": frozenset({"submitter", "secretariat"}),
    "read_reports": frozenset({"submitter", "secretariat"}),
    "correct": frozenset({"secretariat"}),
    "dataset": frozenset({"secretariat", "reader"}),
}


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key in a request's headers, however it was sent; None when there is none."""
    if headers.get("x-api-key"):
        return headers["x-api-key"].strip()
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2]  # the user name is free; the password is the key
    return None


def may(key: ApiKey, right: str) -> bool:
    return key.role in RIGHTS[right]


class KeyRing:
    """The keys of a keys file, read again when the file changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._keys: list[ApiKey] = []

    def keys(self) -> list[ApiKey]:
        try:
            status = os.stat(self.path)
            stamp: tuple[int, int] | None = (status.st_mtime_ns, status.st_size)
        except FileNotFoundError:
            stamp = None
        with self._lock:
            if stamp != self._stamp:
                # A file broken by a hand edit keeps the keys read before (KeysError is raised
                # at start-up only, where the command reports it).
                try:
                    self._keys = load_keys(self.path) if stamp else []
                except ValueError:
                    pass
                self._stamp = stamp
            return self._keys

    def authenticate(self, presented: str | None) -> ApiKey | None:
        return authenticate(self.keys(), presented)


class RateLimit:
    """A token bucket per key: `per_minute` requests a minute, in bursts of as many."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key id -> (tokens, when)

    def wait_seconds(self, key_id: str, now: float | None = None) -> int | None:
        """None when the key may go on (a token is taken); else the whole seconds until it may."""
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, when = self._buckets.get(key_id, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - when) * rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return None
            self._buckets[key_id] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / rate))
