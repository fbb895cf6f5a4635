"""The ingest flow against a plain loop over the extractor, on a generated corpus.

Run: .venv/bin/python benchmarks/ingest_flow.py CORPUS_DOCS [--workers 1 2] [--rounds 1]

Each run is a child process timed and measured from outside (wall time from its start, largest
resident memory of it and its own children), so Python's start, the embedded Prefect API's start
and the pipelines' loading are all counted:
- `plain`: read each file, `extract_bytes`, write its record JSON under records/ (what the flow
  writes per document), one process, no Prefect;
- `flow N`: `qpr ingest CORPUS_DOCS --out OUT --workers N` (records, dataset in three formats,
  codebook, manifest and run summary).
Prefect keeps its database in a PREFECT_HOME of the benchmark's own (warmed by a first run that is
not timed), as a user's machine does after its first run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = (".txt", ".docx", ".pdf", ".html")


def plain_loop(docs: Path, out: Path) -> None:
    """The floor the flow is held to: the extractor called in a loop."""
    from pipeline import extract_bytes, record_json
    from pipeline.language import load_detector

    load_detector()
    records = out / "records"
    records.mkdir(parents=True)
    for path in sorted(docs.iterdir()):
        if path.suffix not in FORMATS:
            continue
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        record = extract_bytes(data, path.name)
        (records / f"{sha256}.json").write_text(record_json(record) + "\n", encoding="utf-8")


def prefect_environment(home: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        PREFECT_HOME=str(home),
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    return environment


def measured(
    command: list[str], environment: dict[str, str], timeout: float | None = None
) -> tuple[float, float]:
    """(seconds, peak resident MiB) of a command run in a fresh watcher process, so that only
    this command's processes count towards the peak (its largest process's)."""
    watcher = (
        "import resource, subprocess, sys, time; "
        "start = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - start, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", watcher, *command],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )
    seconds, peak_kib = result.stdout.split()
    return float(seconds), int(peak_kib) / 1024


def run_all(docs: Path, workers: list[int], rounds: int, scratch: Path) -> dict[str, object]:
    """Median seconds and peak MiB of the plain loop and of the flow with each worker count."""
    environment = prefect_environment(scratch / "prefect-home")
    qpr = str(Path(sys.executable).with_name("qpr"))
    documents = sum(1 for path in docs.iterdir() if path.suffix in FORMATS)
    # Each command writes its own folder (scratch/out-plain, out-flow-1, ...), left for a look.
    commands = {"plain": [sys.executable, __file__, "--plain", str(docs)]}
    for count in workers:
        commands[f"flow {count}"] = [qpr, "ingest", str(docs), "--workers", str(count), "--out"]
    # Warm Prefect's database (its first start migrates it) on a one-file folder.
    scratch.mkdir(parents=True, exist_ok=True)
    warm = scratch / "warm"
    warm.mkdir(exist_ok=True)
    first = next(path for path in sorted(docs.iterdir()) if path.suffix == ".txt")
    shutil.copy(first, warm / first.name)
    measured([qpr, "ingest", str(warm), "--out", str(scratch / "warm-out")], environment)
    results: dict[str, object] = {"documents": documents}
    # The fixed cost of a run (Python, Prefect's local API, one document), warm database.
    shutil.rmtree(scratch / "warm-out")
    one, _ = measured([qpr, "ingest", str(warm), "--out", str(scratch / "warm-out")], environment)
    results["one_file_seconds"] = round(one, 2)
    for name, command in commands.items():
        times, peaks = [], []
        out = scratch / f"out-{name.replace(' ', '-')}"
        for _ in range(rounds):
            shutil.rmtree(out, ignore_errors=True)
            seconds, peak = measured([*command, str(out)], environment)
            times.append(seconds)
            peaks.append(peak)
        results[name] = {
            "seconds": round(statistics.median(times), 2),
            "peak_mib": round(max(peaks)),
            "documents_per_second": round(documents / statistics.median(times), 1),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("docs", type=Path)
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--plain", action="store_true", help="run the plain loop (internal)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1)
    arguments = parser.parse_args()
    if arguments.plain:
        plain_loop(arguments.docs, arguments.out)
        return
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        results = run_all(arguments.docs, arguments.workers, arguments.rounds, Path(scratch))
    print(json.dumps(results, indent=2))
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
