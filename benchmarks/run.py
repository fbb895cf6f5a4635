"""Every benchmark of issue #6 in one command, and the results table rewritten.

Run: make bench   (or .venv/bin/python benchmarks/run.py [--documents 10000] [--sample 1000])

1. Regenerates the seeded corpus (samples/corpus.py) of `documents` files with their truth; its
   first `sample` files (a prefix: the same documents a smaller corpus would hold) are the
   sample for the per-file measures.
2. Extraction alone, per file on the sample, median of `rounds` (one process, one core): per
   format documents/s and pages/s, and the same files read by the floor (pdfplumber's
   `extract_text`, python-docx's paragraphs) and by the peer (Unstructured's partition, fast
   strategy, from .venv-peer when `make bench-peer-env` has made it).
3. The cost of each stage (benchmarks/stages.py) on the sample.
4. The ingest flow with 1 and 2 workers against a plain loop over the extractor on the whole
   corpus, and with 1 worker on the sample, each a child process timed and measured from
   outside (benchmarks/ingest_flow.py); the 1-worker records are scored against the truth
   with `qpr evaluate`.
Writes benchmarks/results.md (the table the README points to) and benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import floor  # noqa: E402
import ingest_flow  # noqa: E402
import linking  # noqa: E402
import queries  # noqa: E402
import review_pages  # noqa: E402
import stages  # noqa: E402
from results_table import render  # noqa: E402

from pipeline import extract_bytes  # noqa: E402
from pipeline.language import load_detector  # noqa: E402

PEER_PYTHON = ROOT / ".venv-peer" / "bin" / "python"
RESULTS_MD = ROOT / "benchmarks" / "results.md"
RESULTS_JSON = ROOT / "benchmarks" / "results.json"
FORMATS = (".txt", ".docx", ".html", ".pdf")


# --------------------------------------------------------------------------- corpus


def write_corpus(work: Path, documents: int, sample: int) -> dict[str, Any]:
    corpus, small = work / "corpus", work / "sample"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(small, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "samples.corpus", "--n", str(documents), "--out", str(corpus)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    # The first files are the corpus a smaller run would write: linked, not copied.
    for part in ("docs", "truth"):
        (small / part).mkdir(parents=True)
    for path in sorted((corpus / "docs").iterdir())[:sample]:
        os.link(path, small / "docs" / path.name)
        truth = corpus / "truth" / f"{path.name}.json"
        os.link(truth, small / "truth" / truth.name)
    return {"documents": documents, "sample": sample, "seconds": round(seconds, 1)}


def kind_of(path: Path) -> str:
    """`txt`, `docx`, `html`, `pdf` for single measures; `docx report`, `pdf report` for the
    whole reports (named `c01961-r2020-fr-mdg.docx` by samples/corpus.py)."""
    suffix = path.suffix[1:]
    return f"{suffix} report" if path.name.split("-")[1].startswith("r") else suffix


def language_of(path: Path) -> str | None:
    """A single measure's content language, from its name (`c00042-fr-mdg.txt`)."""
    part = path.name.split("-")[1]
    return None if part.startswith("r") else part


# --------------------------------------------------------------------------- per-file timings


def per_file(paths: list[Path], rounds: int, run: Callable[[bytes, str], Any]) -> list[float]:
    """Median seconds of `run` on each file; files are taken in turn each round, so a noisy
    moment spreads over all of them."""
    data = [path.read_bytes() for path in paths]
    times: list[list[float]] = [[] for _ in paths]
    for _ in range(rounds):
        for index, (path, content) in enumerate(zip(paths, data, strict=True)):
            start = time.perf_counter()
            run(content, path.name)
            times[index].append(time.perf_counter() - start)
    return [statistics.median(file_times) for file_times in times]


def ours(paths: list[Path], rounds: int) -> tuple[list[float], list[int]]:
    load_detector()
    pages = []
    for path in paths:  # warm-up: tables, langdetect profiles, each language's pipelines
        pages.append(extract_bytes(path.read_bytes(), path.name).source.pages or 0)
    return per_file(paths, rounds, extract_bytes), pages


def floors(paths: list[Path], rounds: int) -> dict[Path, float]:
    pdfs = [path for path in paths if path.suffix == ".pdf"]
    docxs = [path for path in paths if path.suffix == ".docx"]
    times = per_file(pdfs, rounds, lambda data, _: floor.pdfplumber_text(data))
    times += per_file(docxs, rounds, lambda data, _: floor.python_docx_paragraphs(data))
    return dict(zip(pdfs + docxs, times, strict=True))


def peer(paths: list[Path], rounds: int, stand_in: str) -> dict[Path, float] | None:
    """Unstructured's medians per file with `stand_in` for its spaCy model (peer.py), or None
    when its environment is not installed."""
    if not PEER_PYTHON.exists():
        return None
    result = subprocess.run(
        [str(PEER_PYTHON), str(ROOT / "benchmarks" / "peer.py"), "--rounds", str(rounds)]
        + ["--spacy", stand_in]
        + [str(path) for path in paths],
        check=True,
        capture_output=True,
        text=True,
    )
    files = json.loads(result.stdout)["files"]
    return {Path(item["path"]): item["median_s"] for item in files if item["median_s"]}


def extraction(paths: list[Path], rounds: int) -> dict[str, Any]:
    """Per kind of file: documents/s and pages/s of our whole extraction, and its time
    against the floor's and the peer's on the same files (sums of per-file medians)."""
    our_times, pages = ours(paths, rounds)
    floor_times = floors(paths, rounds)
    # The peer's model cannot be installed here: a stand-in of its size gives its cost, a blank
    # pipeline a lower bound (benchmarks/README.md).
    peer_times = peer(paths, rounds, "fr_core_news_sm")
    lower_bound_times = peer(paths, rounds, "blank")
    rows: dict[str, dict[str, Any]] = {}
    groups: dict[str, list[int]] = defaultdict(list)
    for index, path in enumerate(paths):
        groups[kind_of(path)].append(index)
        # Single measures by content language too: French text also runs the trained pipeline.
        if language_of(path):
            groups[f"{kind_of(path)} {language_of(path)}"].append(index)
    for kind, indexes in sorted(groups.items()):
        seconds = sum(our_times[i] for i in indexes)
        page_count = sum(pages[i] for i in indexes)
        row: dict[str, Any] = {
            "documents": len(indexes),
            "ms_per_document": round(seconds / len(indexes) * 1000, 2),
            "documents_per_second": round(len(indexes) / seconds, 1),
            "pages_per_second": round(page_count / seconds, 1) if page_count else None,
        }
        floored = [i for i in indexes if paths[i] in floor_times]
        if floored:
            row["floor_ratio"] = round(
                sum(our_times[i] for i in floored) / sum(floor_times[paths[i]] for i in floored),
                2,
            )
        for key, times in (
            ("peer_ratio", peer_times),
            ("peer_lower_bound_ratio", lower_bound_times),
        ):
            if times is not None:
                compared = [i for i in indexes if paths[i] in times]
                row[key] = round(
                    sum(our_times[i] for i in compared) / sum(times[paths[i]] for i in compared),
                    2,
                )
        rows[kind] = row
    return {"rounds": rounds, "peer_installed": peer_times is not None, "kinds": rows}


# --------------------------------------------------------------------------- flows and accuracy


def flows(work: Path, rounds: int) -> dict[str, Any]:
    scratch = work / "flows"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    whole = ingest_flow.run_all(work / "corpus" / "docs", [1, 2], rounds, scratch)
    small = ingest_flow.run_all(work / "sample" / "docs", [1], rounds, scratch / "sample")
    return {"corpus": whole, "sample": small["flow 1"], "sample_documents": small["documents"]}


def accuracy(work: Path) -> dict[str, Any]:
    qpr = str(Path(sys.executable).with_name("qpr"))
    predictions = work / "flows" / "out-flow-1" / "records"
    scores = work / "scores.json"
    subprocess.run(
        [qpr, "evaluate", str(predictions), str(work / "corpus" / "truth")]
        + ["--json", str(scores)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    report: dict[str, Any] = json.loads(scores.read_text(encoding="utf-8"))
    # The per-record list and the unpaired names stay in .bench/scores.json.
    report["unpaired"] = {side: len(names) for side, names in report["unpaired"].items()}
    report.pop("records")
    return report


# --------------------------------------------------------------------------- the table


def machine() -> dict[str, str]:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    return {
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "machine": f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB",
        "python": platform.python_version(),
        "commit": commit or "unknown",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=3, help="per-file measures")
    parser.add_argument("--flow-rounds", type=int, default=1, help="ingest flow runs")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    arguments = parser.parse_args()
    started = time.perf_counter()
    work: Path = arguments.work
    results: dict[str, Any] = {"machine": machine()}
    results["command"] = "make bench"
    results["corpus"] = write_corpus(work, arguments.documents, arguments.sample)
    log(f"corpus written in {results['corpus']['seconds']} s")
    sample = sorted((work / "sample" / "docs").iterdir())
    results["extraction"] = extraction(sample, arguments.rounds)
    log("extraction, floor and peer measured")
    results["stages"] = stages.stage_costs(sample, arguments.rounds)
    log("stages measured")
    results["flows"] = flows(work, arguments.flow_rounds)
    log("flows measured")
    results["accuracy"] = accuracy(work)
    timed = queries.measure(work / "flows" / "out-flow-1", rounds=5)
    queries.RESULTS_JSON.write_text(
        json.dumps(timed | {"machine": results["machine"], "command": "make bench"}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    log("researchers' questions timed")
    linking.main(["--no-render", "--command", "make bench"])
    log("linking measured")
    results["review"] = review_pages.measure(arguments.rounds, loads=7)
    results["review"]["date"] = results["machine"]["date"]
    log("review pages measured")
    results["minutes"] = round((time.perf_counter() - started) / 60, 1)
    RESULTS_JSON.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    RESULTS_MD.write_text(render(results), encoding="utf-8")
    log(f"done in {results['minutes']} min: {RESULTS_MD.relative_to(ROOT)}")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
