"""Whole-report extraction speed, on the generated reports of `samples/reports/`.

Run: .venv/bin/python benchmarks/extract_reports.py [--rounds 5]
Prints, per report, the median over `rounds` extractions of one process on one core, with the
pages and measures found (quote medians: this machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from pipeline import extract_bytes

REPORTS = Path(__file__).resolve().parents[1] / "samples" / "reports"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    print("| report | pages | measures | median ms | ms/page |")
    print("|---|---|---|---|---|")
    for path in sorted(REPORTS.glob("*.*")):
        data = path.read_bytes()
        record = extract_bytes(data, path.name)  # the first call loads tables and langdetect
        rounds = []
        for _ in range(arguments.rounds):
            start = time.perf_counter()
            extract_bytes(data, path.name)
            rounds.append(time.perf_counter() - start)
        median = statistics.median(rounds) * 1000
        pages = record.source.pages
        per_page = f"{median / pages:.1f}" if pages else "–"
        print(
            f"| {path.name} | {pages or '–'} | {len(record.measures)} | {median:.0f} | {per_page} |"
        )


if __name__ == "__main__":
    main()
