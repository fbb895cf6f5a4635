"""Numbers as budgets write them: thousands groups of any separator, either decimal mark."""

from __future__ import annotations

import math
import re
from typing import Final

ASCII_DIGITS: Final = "0123456789"
DIGITS_RE: Final = re.compile(r"[0-9]+")
# Separators that may group thousands, each mapped to its class: mixed no-break/plain spaces
# group alike (Word inserts U+00A0 in "65 000"), so do both apostrophes (Swiss "1'250'000").
_GROUP_CLASS: Final = {
    ".": ".",
    ",": ",",
    " ": " ",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "'": "'",
    "\u2019": "'",
}
_DECIMAL_MARKS: Final = ".,"
# South-Asian grouping ("1,00,000"): pairs of digits, then a final group of three.
_INDIAN_RE: Final = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9]|,[0-9])")


def read_number(text: str, pos: int) -> tuple[str, int]:
    """Read the number at `pos` as "int[.frac]" digits and return it with its end offset.

    A separator followed by exactly three digits groups thousands, anything else after "." or
    "," is the decimal mark (docs/record.md). Grouping needs a first group of 1–3 digits, not "0"
    ("0.125" is a decimal), and one separator class throughout; a space only ever groups.
    """
    indian = _INDIAN_RE.match(text, pos)
    if indian:
        integer, end, group_class = [indian.group().replace(",", "")], indian.end(), ","
    else:
        end = DIGITS_RE.match(text, pos).end()  # type: ignore[union-attr]
        integer, group_class = [text[pos:end]], None
    first_group_len = end - pos
    while end < len(text):
        separator_class = _GROUP_CLASS.get(text[end])
        run_end = DIGITS_RE.match(text, end + 1)
        if separator_class is None or run_end is None:
            break
        run = text[end + 1 : run_end.end()]
        if len(run) == 3 and _may_group(separator_class, group_class, first_group_len, text[pos]):
            integer.append(run)
            end, group_class = run_end.end(), separator_class
            continue
        if text[end] in _DECIMAL_MARKS and separator_class != group_class:
            return "".join(integer) + "." + run, run_end.end()
        break
    return "".join(integer), end


def _may_group(separator: str, group_class: str | None, first_len: int, first: str) -> bool:
    if group_class is not None:
        return separator == group_class
    return first_len <= 3 and first != "0"


def parse_number(text: str) -> float:
    """'1.234.567,89' -> 1234567.89; raise ValueError unless `text` is one unsigned number."""
    stripped = text.strip()
    if not stripped or stripped[0] not in ASCII_DIGITS:
        raise ValueError(f"not a number: {text!r}")
    digits, end = read_number(stripped, 0)
    value = float(digits)
    if end != len(stripped) or not math.isfinite(value):
        raise ValueError(f"not a number: {text!r}")
    return value
