"""Our whole extraction against the floor: the parser libraries' own text reading on the same
files (pdfplumber's `extract_text` for PDF, python-docx's paragraphs for DOCX).

Run: .venv/bin/python benchmarks/floor.py [--rounds 3]
Prints, per file, the median time of each over `rounds` runs on one core and the ratio
ours / floor (issue #6 target for text PDFs: at most 1.0).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber

from pipeline import extract_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def pdfplumber_text(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def python_docx_paragraphs(data: bytes) -> None:
    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        _ = paragraph.text


def median_seconds(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    files = sorted(SAMPLES.glob("*.pdf")) + sorted((SAMPLES / "reports").glob("*.pdf"))
    files += sorted(SAMPLES.glob("*.docx")) + sorted((SAMPLES / "reports").glob("*.docx"))
    print("| file | floor | floor ms | ours ms | ours / floor |")
    print("|---|---|---|---|---|")
    for path in files:
        data = path.read_bytes()
        floor, name = (
            (pdfplumber_text, "pdfplumber extract_text")
            if path.suffix == ".pdf"
            else (python_docx_paragraphs, "python-docx paragraphs")
        )
        extract_bytes(data, path.name)  # loads tables, langdetect and the NLP pipelines once
        floor_time = median_seconds(lambda: floor(data), arguments.rounds)  # noqa: B023
        ours = median_seconds(lambda: extract_bytes(data, path.name), arguments.rounds)  # noqa: B023
        print(
            f"| {path.name} | {name} | {floor_time * 1000:.0f} | {ours * 1000:.0f} "
            f"| {ours / floor_time:.2f} |"
        )


if __name__ == "__main__":
    main()
