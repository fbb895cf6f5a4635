"""The intake service's API keys (issue #17): a TOML file of keys stored as hashes, each with a
role — `submitter` (bound to one Party: uploads, reads its Party's records), `secretariat` (reads
everything, posts corrections), `reader` (the dataset only).

A key is `qpr_<id>_<secret>`: the id finds its entry, the secret's SHA-256 is compared in
constant time. A secret is 32 random bytes, so a plain hash is enough (no password to stretch);
the key itself is shown once, when made, and stored nowhere.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path

from flows.atomic_files import write_text

ROLES = ("submitter", "secretariat", "reader")
_PREFIX = "qpr"
_KEY = re.compile(r"^qpr_(?P<id>[0-9a-f]{8})_(?P<secret>[A-Za-z0-9_-]{40,})$")
_PARTY = re.compile(r"^[A-Z]{3}$")


class KeysError(ValueError):
    """A keys file or a key request that cannot be used, said in a sentence."""


@dataclass(frozen=True, slots=True)
class ApiKey:
    id: str
    role: str
    party: str | None
    digest: str  # "sha256:<hex>" of the secret
    created: str  # the day it was made (YYYY-MM-DD)


def load_keys(path: Path) -> list[ApiKey]:
    """The keys of a keys file; none when the file does not exist."""
    if not path.exists():
        return []
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("keys", [])
        return [
            ApiKey(e["id"], e["role"], e.get("party"), e["hash"], e["created"]) for e in entries
        ]
    except (tomllib.TOMLDecodeError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise KeysError(f"{path} is not a qpr keys file ({error})") from None


def save_keys(path: Path, keys: list[ApiKey]) -> None:
    """Write the keys file whole (atomically); JSON strings are valid TOML basic strings."""
    blocks = ["# qpr API keys: hashes only (qpr keys add | list | revoke).\n"]
    for key in keys:
        party = f"party = {json.dumps(key.party)}\n" if key.party else ""
        blocks.append(
            f"\n[[keys]]\nid = {json.dumps(key.id)}\nrole = {json.dumps(key.role)}\n{party}"
            f"hash = {json.dumps(key.digest)}\ncreated = {json.dumps(key.created)}\n"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, "".join(blocks))


def new_key(role: str, party: str | None, today: str, taken: set[str]) -> tuple[str, ApiKey]:
    """A new key (shown once) and its stored entry."""
    if role not in ROLES:
        raise KeysError(f"unknown role '{role}': one of {', '.join(ROLES)}")
    if role == "submitter" and not party:
        raise KeysError("a submitter key is bound to one Party: give --party ISO3")
    if role != "submitter" and party:
        raise KeysError(f"a {role} key is not bound to a Party: leave --party out")
    if party is not None and not _PARTY.match(party):
        raise KeysError(f"'{party}' is no ISO 3166-1 alpha-3 code (EUU for the European Union)")
    key_id = secrets.token_hex(4)
    while key_id in taken:
        key_id = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    entry = ApiKey(key_id, role, party, _digest(secret), today)
    return f"{_PREFIX}_{key_id}_{secret}", entry


def authenticate(keys: list[ApiKey], presented: str | None) -> ApiKey | None:
    """The key entry that `presented` is, or None; the secret compared in constant time."""
    match = _KEY.match(presented or "")
    if match is None:
        return None
    entry = next((key for key in keys if key.id == match["id"]), None)
    expected = entry.digest if entry else _digest("")  # compare anyway: no timing tells ids
    equal = hmac.compare_digest(expected, _digest(match["secret"]))
    return entry if entry is not None and equal else None


def _digest(secret: str) -> str:
    return "sha256:" + hashlib.sha256(secret.encode("utf-8")).hexdigest()
