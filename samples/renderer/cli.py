"""Render the non-text sample documents (DOCX, PDF, HTML) from the records, deterministically.

Run from the repository root:  .venv/bin/python -m samples.render
"""

from __future__ import annotations

from samples.renderer.docx_writer import render_docx
from samples.renderer.html_page import render_html
from samples.renderer.pdf_writer import render_pdf
from samples.renderer.record import Record
from samples.renderer.records import BENIN, EUROPEAN_UNION, JAMAICA, MEXICO, MONGOLIA, SOUTH_AFRICA
from samples.renderer.seed import SAMPLES, read_seed

RENDERINGS: tuple[tuple[Record, str], ...] = (
    (EUROPEAN_UNION, "html"),
    (MEXICO, "html"),
    (SOUTH_AFRICA, "docx"),
    (BENIN, "docx"),
    (JAMAICA, "pdf"),
    (MONGOLIA, "pdf"),
)
RENDERERS = {"docx": render_docx, "pdf": render_pdf, "html": render_html}


def main() -> None:
    seed = read_seed()
    jobs = [(seed, "docx"), (seed, "pdf"), (seed, "html"), *RENDERINGS]
    for record, fmt in jobs:
        path = SAMPLES / f"{record.name}.{fmt}"
        RENDERERS[fmt](record, path)
        print(f"wrote {path.relative_to(SAMPLES.parent)}")
