"""Loads the data tables in `pipeline/data/` (labels, vocabularies, boilerplate, countries).

The tables are data, kept apart from the logic that uses them; they are part of the extractor
version (pipeline/version.py), so changing a table alone makes reprocessing pick the change up.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

_DATA = resources.files("pipeline") / "data"


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed `pipeline/data/<name>.toml`."""
    return tomllib.loads((_DATA / f"{name}.toml").read_text(encoding="utf-8"))
