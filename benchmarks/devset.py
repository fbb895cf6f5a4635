"""Score qpr on the real pages of the development set (issue #13), in this process.

    python benchmarks/devset.py [--devset ../shared/devset] [--pages .devset] [--show ID...]

Reads each page of `.devset/measures/` and `.devset/reports/` (fetched as the development set's
README says; never committed), extracts it with `pipeline.extract_bytes` as `qpr extract` would,
and scores it with the development set's own scorers (`score_measures.py`, `score_reports.py`,
imported from the devset folder, so their rules are the reference, not a copy). It prints both
micro-F1 figures with the misses per field, then runs the whole-report check
(`benchmarks/devset_reports.py`). The reference scripts give the same numbers through the CLI,
only slower (`make devset-reference`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devset_reports import check_reports  # noqa: E402  (benchmarks/, this script's folder)

from pipeline import extract_bytes, record_json  # noqa: E402

OTHERS = {"R39"}
FETCH_HINT = """\
No development set pages in {pages}/. They are third-party text, kept out of the repository:
for each line of {devset}/measures.jsonl and reports.jsonl, search the stored public pages
(corpus "pages") with its `query`, take the result whose address is its `url`, and write the
excerpt exactly (UTF-8, no added newline) to {pages}/measures/NNN.txt or {pages}/reports/RNN.txt;
check each file's sha256 against the manifest ({devset}/README.md says more)."""


def load_scorer(devset: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, devset / f"{name}.py")
    assert spec and spec.loader, f"no {name}.py in {devset}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record_of(page: Path) -> dict:
    # The scorers hand `qpr extract` a copy named <id>.txt: the same name, the same record.
    return json.loads(record_json(extract_bytes(page.read_bytes(), page.name)))


def score_set(scorer: ModuleType, pages: Path, gold_dir: Path, skip: set[str]) -> dict:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        page = pages / f"{gold['id']}.txt"
        if not page.exists() or gold["id"] in skip:
            continue
        for field, tp, fp, fn in scorer.score(gold, record_of(page)):
            counts = tally[field]
            counts[0] += tp
            counts[1] += fp
            counts[2] += fn
            if fp or fn:
                misses[field].append(gold["id"])
    return {"tally": dict(tally), "misses": dict(misses)}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def print_table(title: str, result: dict, outside: tuple[str, ...] = ()) -> float:
    print(f"\n{title}\n{'field':18s} {'tp':>4s} {'fp':>4s} {'fn':>4s}  {'F1':>6s}  misses")
    total = [0, 0, 0]
    for field, (tp, fp, fn) in result["tally"].items():
        if field not in outside:
            total = [total[0] + tp, total[1] + fp, total[2] + fn]
        misses = " ".join(result["misses"].get(field, []))
        print(f"{field:18s} {tp:4d} {fp:4d} {fn:4d}  {f1(tp, fp, fn):6.1%}  {misses}")
    micro = f1(*total)
    print(f"micro F1 {micro:.1%}" + (f" (without {', '.join(outside)})" if outside else ""))
    return micro


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--pages", type=Path, default=ROOT / ".devset")
    parser.add_argument("--json", type=Path, help="write the tallies to this file")
    parser.add_argument("--show", nargs="*", help="print these pages' records instead")
    arguments = parser.parse_args()
    devset, pages = arguments.devset, arguments.pages
    if not (devset / "score_measures.py").exists():
        print(f"No development set at {devset} (give its folder with --devset or DEVSET=).")
        return 2
    if not any((pages / "measures").glob("*.txt")):
        print(FETCH_HINT.format(pages=pages, devset=devset))
        return 2
    if arguments.show:
        for page_id in arguments.show:
            kind = "reports" if page_id.startswith("R") else "measures"
            print(
                json.dumps(record_of(pages / kind / f"{page_id}.txt"), indent=1, ensure_ascii=False)
            )
        return 0
    measure_scorer = load_scorer(devset, "score_measures")
    measures = score_set(measure_scorer, pages / "measures", devset / "measures-gold", set())
    # R39 is another Convention's report: the reference scorer leaves it out the same way, and
    # it must stay not_a_report.
    reports = score_set(
        load_scorer(devset, "score_reports"), pages / "reports", devset / "reports-gold", OTHERS
    )
    print_table("Measure pages", measures, outside=("content_language",))
    language = measures["tally"].get("content_language", [0, 0, 0])
    print(f"content language right on {language[0]} of {language[0] + language[2]} pages")
    print_table("Report-level pages", reports)
    for page_id in sorted(OTHERS):
        record = record_of(pages / "reports" / f"{page_id}.txt")
        codes = [issue["code"] for issue in record["issues"]]
        verdict = "right" if record["status"] == "failed" and "not_a_report" in codes else "WRONG"
        print(f"{page_id} (another Convention's report): {record['status']} {codes[:2]} {verdict}")
    if arguments.json:
        arguments.json.write_text(json.dumps({"measures": measures, "reports": reports}, indent=1))
    # A failed check is reported, not an exit status: the scores above are this script's result.
    check_reports(pages / "measures", devset / "measures-gold", measure_scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
