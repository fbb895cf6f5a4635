"""The flat dataset of a batch: one row per measure, and the codebook of its columns, generated
from the schema's field descriptions. Personal contact details (e-mail, phone, address) are
left out unless asked for.
"""

from __future__ import annotations

from pipeline.dataset.codebook import CONVENTIONS, codebook, codebook_markdown
from pipeline.dataset.columns import Column, Value, columns
from pipeline.dataset.rows import measure_rows

__all__ = [
    "CONVENTIONS",
    "Column",
    "Value",
    "codebook",
    "codebook_markdown",
    "columns",
    "measure_rows",
]
