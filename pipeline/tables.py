"""Loads the data tables in `pipeline/data/` (labels, vocabularies, boilerplate, countries).

The tables are data, kept apart from the logic that uses them; their fingerprint is part of the
extractor version, so changing a table alone makes reprocessing pick the change up.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib import resources
from typing import Any

_DATA = resources.files("pipeline") / "data"


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed `pipeline/data/<name>.toml`."""
    return tomllib.loads((_DATA / f"{name}.toml").read_text(encoding="utf-8"))


@cache
def tables_fingerprint() -> str:
    """Eight hex digits of the SHA-256 of every data table, in name order."""
    digest = hashlib.sha256()
    for entry in sorted(_DATA.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:8]
