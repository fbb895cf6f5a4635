"""Peak memory and time of the ingest flow as the archive grows.

Run: .venv/bin/python benchmarks/ingest_memory.py [--sizes 500 2000] [--workers 1]
For each size, writes that many distinct text reports (the text samples, each with its own
reference line) to a temporary folder, runs `qpr ingest` on it in a child process and prints
the child's peak resident memory and wall time. Flat memory means records stream to disk.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def write_corpus(folder: Path, size: int) -> None:
    texts = [path.read_bytes() for path in sorted(SAMPLES.glob("*.txt"))]
    folder.mkdir(parents=True)
    for number in range(size):
        text = texts[number % len(texts)] + f"\nReference {number}\n".encode()
        (folder / f"report-{number:05d}.txt").write_bytes(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--workers", type=int, default=1)
    arguments = parser.parse_args()
    qpr = Path(sys.executable).with_name("qpr")
    print("| documents | workers | peak RSS MiB | seconds |")
    print("|---|---|---|---|")
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            corpus, out = Path(scratch) / "corpus", Path(scratch) / "out"
            write_corpus(corpus, size)
            start = time.perf_counter()
            peak = _peak_rss_kib(
                [str(qpr), "ingest", str(corpus), "--out", str(out)]
                + ["--workers", str(arguments.workers)]
            )
            seconds = time.perf_counter() - start
            print(f"| {size} | {arguments.workers} | {peak / 1024:.0f} | {seconds:.1f} |")


def _peak_rss_kib(command: list[str]) -> int:
    """The largest resident memory any process of `command` reached, measured from outside:
    a fresh watcher process runs it, so earlier runs do not count."""
    watcher = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", watcher, *command], check=True, capture_output=True, text=True
    )
    return int(result.stdout.strip())


if __name__ == "__main__":
    main()
