"""Single-record extraction speed per format, on the seed record's four renderings.

Run: .venv/bin/python benchmarks/extract_seed.py [--rounds 5] [--repeat 20] [--cpu]
Prints the median over `rounds` of the mean time of `repeat` extractions, per format, on one
core (this machine is shared and noisy: quote medians, never a single run).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from pipeline import extract_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = "azerbaijan-civil-society-consultation"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--cpu", action="store_true", help="time the process's CPU, less swayed by neighbours"
    )
    arguments = parser.parse_args()
    clock = time.process_time if arguments.cpu else time.perf_counter
    print("| format | median ms/document | documents/s |")
    print("|---|---|---|")
    for suffix in (".txt", ".docx", ".pdf", ".html"):
        path = SAMPLES / f"{SEED}{suffix}"
        data = path.read_bytes()
        extract_bytes(data, path.name)  # first call loads tables, readers and langdetect
        rounds = []
        for _ in range(arguments.rounds):
            start = clock()
            for _ in range(arguments.repeat):
                extract_bytes(data, path.name)
            rounds.append((clock() - start) / arguments.repeat)
        median = statistics.median(rounds)
        print(f"| {suffix[1:]} | {median * 1000:.1f} | {1 / median:.0f} |")


if __name__ == "__main__":
    main()
