"""File names as a record can hold them: always printable UTF-8 text."""

from __future__ import annotations

import os


def printable_name(name: str) -> str:
    """`name` with any byte that is not UTF-8 (a file name from another system, decoded by
    Python as a lone surrogate) shown as `\\xNN`, so it can be written to JSON as UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name
