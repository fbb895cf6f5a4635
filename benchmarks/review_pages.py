"""The review pages' cost (issue #16): rendering a record's page against extracting it, and how
fast a 100-measure report's page loads in Chromium.

    .venv/bin/python benchmarks/review_pages.py [--rounds 5] [--loads 7] [--json FILE]

1. For every bundled sample and generated report (samples/, samples/reports/), the median over
   `rounds` of the extraction (`extract_bytes` with the text kept, as `qpr ingest`'s workers do)
   and of the page (`missing_items` and `review_page`, what the workers add): the pages' share
   of the extraction time is the sum of one over the sum of the other. Target: ≤ 10 %.
2. A generated 2020+ report of 100 measures: its page opened `loads` times from `file://` in
   headless Chromium (Playwright); the median time to DOMContentLoaded. Target: < 1 s.

One process, one core; medians, as the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import extract_bytes  # noqa: E402
from pipeline.completeness import missing_items  # noqa: E402
from pipeline.review.page import review_page  # noqa: E402

_SUFFIXES = {".txt", ".docx", ".pdf", ".html"}
_MEASURES = 100


def documents() -> list[Path]:
    folders = (ROOT / "samples", ROOT / "samples" / "reports")
    return sorted(
        path for folder in folders for path in folder.iterdir() if path.suffix in _SUFFIXES
    )


def _page(record: Any, text: str | None) -> str:
    """What a worker adds to an extraction: the record's missing items and its page."""
    return review_page(record, text, missing_items(record))


def _median_seconds(work: Any, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def render_share(paths: list[Path], rounds: int) -> dict[str, Any]:
    rows = []
    for path in paths:
        data = path.read_bytes()
        record = extract_bytes(data, path.name, include_text=True)
        text, bare = record.text, record.model_copy(update={"text": None})
        extraction = _median_seconds(partial(extract_bytes, data, path.name, True), rounds)
        page = _median_seconds(partial(_page, bare, text), rounds)
        rows.append(
            {
                "document": path.name,
                "measures": len(record.measures),
                "extraction_ms": round(extraction * 1000, 2),
                "page_ms": round(page * 1000, 2),
            }
        )
    extraction_total = sum(row["extraction_ms"] for row in rows)
    page_total = sum(row["page_ms"] for row in rows)
    return {
        "documents": len(rows),
        "extraction_ms": round(extraction_total, 1),
        "page_ms": round(page_total, 1),
        "share": round(page_total / extraction_total, 4),
        "largest": max(rows, key=lambda row: row["page_ms"]),
    }


def hundred_measure_page(folder: Path) -> tuple[Path, int, int]:
    """A generated 2020+ report of 100 measures and its page: (page, measures, bytes)."""
    from samples.generate import generate_report

    generate_report("2020-en", 2026, folder, fmt="docx", measures=_MEASURES)
    document = next(path for path in folder.iterdir() if path.suffix == ".docx")
    record = extract_bytes(document.read_bytes(), document.name, include_text=True)
    bare = record.model_copy(update={"text": None})
    page = folder / "page.html"
    page.write_text(_page(bare, record.text), encoding="utf-8")
    return page, len(record.measures), page.stat().st_size


def load_time(page: Path, loads: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("QPR_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        return {"measured": False, "why": "no Chromium (apt-get install chromium)"}
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        for _ in range(loads):
            tab = browser.new_page()
            tab.goto(page.as_uri(), wait_until="load")
            times.append(
                tab.evaluate(
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
                )
            )
            tab.close()
        browser.close()
    return {"measured": True, "dom_content_loaded_ms": round(statistics.median(times), 1)}


def measure(rounds: int, loads: int) -> dict[str, Any]:
    results: dict[str, Any] = {"share": render_share(documents(), rounds)}
    with tempfile.TemporaryDirectory() as temporary:
        page, measures, size = hundred_measure_page(Path(temporary))
        results["load"] = {
            "measures": measures,
            "page_kib": round(size / 1024),
            **load_time(page, loads),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    arguments = parser.parse_args()
    results = measure(arguments.rounds, arguments.loads)
    share, load = results["share"], results["load"]
    print(
        f"pages: {share['page_ms']} ms against {share['extraction_ms']} ms of extraction over "
        f"{share['documents']} documents = {share['share']:.1%} (target ≤ 10 %)"
    )
    if load["measured"]:
        print(
            f"page of a {load['measures']}-measure report ({load['page_kib']} KiB): "
            f"DOMContentLoaded {load['dom_content_loaded_ms']} ms (target < 1000 ms)"
        )
    else:
        print(f"page load not measured: {load['why']}")
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
