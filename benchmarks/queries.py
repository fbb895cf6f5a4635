"""Issue #18's query timings: each of the README's five researchers' questions asked with
`qpr query` as a fresh process (Python's start, DuckDB's and the views' included) on a batch of the
10,000-document corpus, median of --rounds; target under 2 s each.

    .venv/bin/python benchmarks/queries.py [--batch DIR] [--rounds 5]

Without --batch it writes the corpus (samples/corpus.py, the same 10,000 documents as `make
bench`) into .bench/queries/ and ingests it with `qpr ingest --workers 2`, once: a batch already
there is reused. `make bench` passes the batch its ingest flow wrote. Writes
benchmarks/queries_results.json and its section of benchmarks/results.md (results_table.py)."""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
RESULTS_JSON = HERE / "queries_results.json"
TARGET_SECONDS = 2.0


def questions() -> list[tuple[str, str]]:
    """The README's five questions: (the question's first line, its SQL)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- questions:")[1].split("<!-- end of questions -->")[0]
    found = re.findall(r"\n(\d+)\. (.+?)\n.*?```sql\n(.*?)```", block, re.S)
    # A question's label: its first line up to a colon or a bracket.
    labels = [re.split(r": | \(", first)[0].rstrip(".") for _, first, _ in found]
    return [
        (f"{number}. {label}", " ".join(sql.split()))
        for (number, _, sql), label in zip(found, labels, strict=True)
    ]


def batch_of_corpus(work: Path, documents: int) -> Path:
    """The ingested batch of the corpus under `work`, made when missing."""
    batch = work / "batch"
    if (batch / "links.parquet").exists():
        return batch
    corpus = work / "corpus"
    if not (corpus / "docs").is_dir():
        subprocess.run(
            [sys.executable, "-m", "samples.corpus", "--n", str(documents), "--out", str(corpus)],
            cwd=ROOT,
            check=True,
        )
    qpr = str(Path(sys.executable).with_name("qpr"))
    environment = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    subprocess.run(
        [qpr, "ingest", str(corpus / "docs"), "--out", str(batch), "--workers", "2", "--quiet"],
        env=environment,
        check=False,  # some generated inputs fail on purpose: the batch is what is timed
    )
    return batch


def measure(batch: Path, rounds: int) -> dict[str, Any]:
    qpr = str(Path(sys.executable).with_name("qpr"))
    measures = subprocess.run(
        [qpr, "query", str(batch), "SELECT count(*) FROM measures", "--csv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[1]
    timed = []
    for question, sql in questions():
        seconds, rows = [], 0
        for _ in range(rounds):
            started = time.perf_counter()
            answer = subprocess.run(
                [qpr, "query", str(batch), sql, "--csv"], capture_output=True, text=True, check=True
            )
            seconds.append(time.perf_counter() - started)
            rows = len(answer.stdout.splitlines()) - 1
        timed.append(
            {
                "question": question,
                "median_seconds": round(statistics.median(seconds), 3),
                "seconds": [round(value, 3) for value in seconds],
                "rows": rows,
            }
        )
    started = time.perf_counter()
    subprocess.run([qpr, "--help"], capture_output=True, check=True)
    return {
        "documents": len(list((batch / "records").glob("*.json"))),
        "measures": int(measures),
        "rounds": rounds,
        "qpr_start_seconds": round(time.perf_counter() - started, 3),
        "questions": timed,
    }


def section(results: dict[str, Any] | None) -> list[str]:
    """The results.md section of the last run."""
    if results is None:
        return []
    machine = results["machine"]
    lines = [
        "## Researchers' questions (`qpr query`, issue #18)",
        "",
        f"Measured {machine['date']} at commit {machine['commit']} by `{results['command']}` "
        f"(benchmarks/queries.py): each of the README's five questions as a fresh `qpr query` "
        f"process with `--csv`, on a batch of {results['documents']:,} documents "
        f"({results['measures']:,} measures), median of {results['rounds']}; target under "
        f"{TARGET_SECONDS:g} s each. `qpr --help` alone takes {results['qpr_start_seconds']} s.",
        "",
        "| question | median s | rows | under 2 s |",
        "|---|---|---|---|",
    ]
    for timed in results["questions"]:
        met = "yes" if timed["median_seconds"] < TARGET_SECONDS else "**no**"
        lines.append(
            f"| {timed['question']} | {timed['median_seconds']} | {timed['rows']} | {met} |"
        )
    return [*lines, ""]


def last_results() -> dict[str, Any] | None:
    return json.loads(RESULTS_JSON.read_text(encoding="utf-8")) if RESULTS_JSON.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--batch", type=Path, help="an ingested batch (default: make one)")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench" / "queries")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only")
    arguments = parser.parse_args()
    batch = arguments.batch or batch_of_corpus(arguments.work, arguments.documents)
    results = measure(batch, arguments.rounds)
    sys.path.insert(0, str(HERE))
    from run import machine

    results["machine"] = machine()
    results["command"] = "make bench-queries"
    print("\n".join(section(results)))
    if not arguments.no_write:
        RESULTS_JSON.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        from results_table import render

        full = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        (HERE / "results.md").write_text(render(full), encoding="utf-8")


if __name__ == "__main__":
    main()
