"""benchmarks/results.md from the results benchmarks/run.py gathered: the targets of issue #6
with the figure measured for each, then the tables they come from.

Run alone (.venv/bin/python benchmarks/results_table.py) it renders results.md again from
results.json, measuring nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import linking
import queries
import stages

HERE = Path(__file__).resolve().parent

KIND_ORDER = tuple(
    f"{kind}{language}"
    for kind in ("txt", "docx", "html", "pdf")
    for language in ("", " en", " fr", " es")
) + ("docx report", "pdf report")


def render(results: dict[str, Any]) -> str:
    machine = results["machine"]
    corpus = results["corpus"]
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (benchmarks/run.py); do not edit by hand. How each figure is",
        "measured: benchmarks/README.md.",
        "",
        "| date | machine | Python | commit | command | minutes |",
        "|---|---|---|---|---|---|",
        f"| {machine['date']} | {machine['machine']} | {machine['python']} | {machine['commit']} "
        f"| `{results['command']}` | {results['minutes']} |",
        "",
        f"Corpus: {corpus['documents']:,} documents from `samples/corpus.py` (written in "
        f"{corpus['seconds']} s); per-file measures on its first {corpus['sample']:,}.",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *(
            f"| {target} | {measured} | {'yes' if met else '**no**'} |"
            for target, measured, met in targets(results)
        ),
        "",
        *extraction_table(results["extraction"]),
        "## Where the time goes (ms per document, sample)",
        "",
        stages.markdown(results["stages"]).rstrip(),
        "",
        *flow_table(results["flows"]),
        *accuracy_table(results["accuracy"]),
        *review_table(results.get("review")),
        *intake_section(_intake_results()),
        *linking.linking_section(linking.last_results()),
        *queries.section(queries.last_results()),
    ]
    return "\n".join(lines) + "\n"


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool]]:
    kinds = results["extraction"]["kinds"]
    flows = results["flows"]
    corpus = flows["corpus"]
    rows = []
    pdf = [kinds[kind]["floor_ratio"] for kind in ("pdf", "pdf report") if kind in kinds]
    rows.append(
        (
            "Whole extraction of a text PDF ≤ 1.0× pdfplumber's `extract_text` (single "
            "measures; whole reports)",
            "; ".join(f"{ratio:.2f}×" for ratio in pdf),
            all(ratio <= 1.0 for ratio in pdf),
        )
    )
    for kind, minimum in (("txt", 100), ("docx", 60)):
        rate = kinds[kind]["documents_per_second"]
        by_language = ", ".join(
            f"{language} {kinds[f'{kind} {language}']['documents_per_second']:.0f}/s"
            for language in ("en", "fr", "es")
            if f"{kind} {language}" in kinds
        )
        rows.append(
            (
                f"≥ {minimum} single-measure {kind.upper()} documents/s on one core",
                f"{rate:.0f}/s ({by_language}); {_limit(results['stages'], kind)}",
                rate >= minimum,
            )
        )
    plain, one, two = (
        corpus["plain"]["seconds"],
        corpus["flow 1"]["seconds"],
        corpus["flow 2"]["seconds"],
    )
    rows.append(
        (
            f"Ingest flow, 1 worker, {corpus['documents']:,} documents: ≤ 1.15× a plain loop "
            "(Prefect's start included)",
            f"{one / plain:.2f}× ({one:.0f} s against {plain:.0f} s; a run of one file "
            f"takes {corpus.get('one_file_seconds', '?')} s)",
            one / plain <= 1.15,
        )
    )
    measured = f"{one / two:.2f}× ({two:.0f} s against {one:.0f} s)"
    if one / two < 1.6:
        measured += (
            "; each worker now extracts in a child process (issue #7's time limits), so 2 "
            "workers are 4 processes beside the driver and Prefect's API on 2 cores: 1.67× "
            "before it (benchmarks/README.md)"
        )
    rows.append(("Ingest flow, 2 workers: ≥ 1.6× the rate of 1 worker", measured, one / two >= 1.6))
    large, small = corpus["flow 1"]["peak_mib"], flows["sample"]["peak_mib"]
    measured = f"{large / small:.2f}× ({large} MiB against {small} MiB)"
    if large / small > 1.2:
        measured += (
            f"; the plain loop reaches {corpus['plain']['peak_mib']} MiB: the growth is the "
            "driver's, which grows with the chunk size (benchmarks/README.md)"
        )
    rows.append(
        (
            f"Peak memory through the flow: {corpus['documents']:,} documents ≤ 1.2× "
            f"{flows['sample_documents']:,}",
            measured,
            large / small <= 1.2,
        )
    )
    if results["extraction"]["peer_installed"]:
        ratios = {
            kind: row["peer_ratio"]
            for kind, row in kinds.items()
            if "peer_ratio" in row and not _by_language(kind)
        }
        worst = max(ratios, key=lambda kind: ratios[kind])
        bounds = {
            kind: kinds[kind]["peer_lower_bound_ratio"]
            for kind in ratios
            if "peer_lower_bound_ratio" in kinds[kind]
        }
        measured = f"ours/peer {min(ratios.values()):.2f}–{ratios[worst]:.2f}× (worst: {worst})"
        if bounds:
            worst_bound = max(bounds, key=lambda kind: bounds[kind])
            measured += (
                f"; against its lower bound up to {bounds[worst_bound]:.2f}× ({worst_bound})"
            )
        rows.append(
            (
                "Faster than Unstructured's `partition` (fast strategy) on the same files",
                measured,
                ratios[worst] < 1.0,
            )
        )
    else:
        rows.append(
            (
                "Faster than Unstructured's `partition` (fast strategy) on the same files",
                "not measured: run `make bench-peer-env` first",
                False,
            )
        )
    scored = {
        name: field["soft"]["f1"]
        for name, field in results["accuracy"]["fields"].items()
        if field["soft"]["f1"] is not None
    }
    lowest = min(scored, key=lambda name: scored[name])
    rows.append(
        (
            "Soft F1 ≥ 0.98 on every field (the flow's records of the whole corpus)",
            f"lowest {scored[lowest]:.3f} ({lowest})",
            scored[lowest] >= 0.98,
        )
    )
    rows += review_targets(results.get("review"))
    return rows


def review_targets(review: dict[str, Any] | None) -> list[tuple[str, str, bool]]:
    """Issue #16's two targets for the review pages (benchmarks/review_pages.py)."""
    if review is None:
        return []
    share, load = review["share"], review["load"]
    rows = [
        (
            "Writing the review pages ≤ 10 % of extraction time (what `qpr ingest`'s workers add)",
            f"{share['share']:.1%} ({share['page_ms']} ms against {share['extraction_ms']} ms, "
            f"{share['documents']} documents)",
            share["share"] <= 0.10,
        )
    ]
    measured = (
        f"{load['dom_content_loaded_ms']} ms ({load['measures']} measures, {load['page_kib']} KiB)"
        if load["measured"]
        else f"not measured: {load['why']}"
    )
    met = load["measured"] and load["dom_content_loaded_ms"] < 1000
    rows.append(("A 100-measure report's page: DOMContentLoaded in Chromium < 1 s", measured, met))
    return rows


def review_table(review: dict[str, Any] | None) -> list[str]:
    if review is None:
        return []
    largest = review["share"]["largest"]
    return [
        "## Review pages",
        "",
        f"Measured {review.get('date', '')} by `benchmarks/review_pages.py` (medians; see",
        "benchmarks/README.md). The costliest page: "
        f"{largest['document']} ({largest['measures']} measures), {largest['page_ms']} ms "
        f"against {largest['extraction_ms']} ms of extraction.",
        "",
    ]


def _intake_results() -> dict[str, Any] | None:
    """What benchmarks/intake_load.py measured last (`make bench-intake`), when it has run."""
    path = HERE / "intake_results.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def intake_section(intake: dict[str, Any] | None) -> list[str]:
    """Issue #17's targets for the intake service under load (benchmarks/intake_load.py)."""
    if intake is None:
        return []
    machine, summary, kill = intake["machine"], intake["summary"], intake["kill"]
    options, wave = intake["options"], summary["wave"]
    n, small = summary["documents"], summary["small_documents"]
    latency = summary["latency_ms"]
    retried: dict[str, int] = {}
    for runs in intake["rounds"].values():
        for run in runs:
            for part in (run, run.get("wave", {})):
                for kind, count in part.get("retried", {}).items():
                    retried[kind] = retried.get(kind, 0) + count
    repeated = ", ".join(f"{count} after {kind}" for kind, count in sorted(retried.items()))
    measured = (
        f"burst p95 {latency['p95']} ms (p50 {latency['p50']}, max {latency['max']}), no "
        "upload meeting extraction (the run starts once the burst settles)"
    )
    met = latency["p95"] < 100
    if wave["latency_ms"]:
        during = wave["latency_ms"]
        measured += (
            f"; {wave['documents']} more sent while that run extracts: p95 {during['p95']} ms "
            f"(p50 {during['p50']}, max {during['max']})"
        )
        met = met and during["p95"] < 100
    rows = [
        (
            f"{n} distinct documents from {options['clients']} concurrent clients: zero lost, "
            "zero 5xx",
            f"{summary['accepted']} of {summary['uploads']} uploads accepted over every load "
            f"of the rounds, {summary['lost']} lost, {summary['5xx']} 5xx, {summary['4xx']} "
            f"4xx; {repeated or 'no request repeated'}",
            summary["lost"] == 0
            and summary["5xx"] == 0
            and summary["accepted"] == summary["uploads"],
        ),
        ("Accept latency p95 < 100 ms", measured, met),
        (
            f"Throughput ≥ 90 % of `qpr ingest` on the same {n}, {options['workers']} workers",
            f"{summary['throughput_ratio']:.0%} ({summary['service_seconds']} s from the first "
            f"upload to the last record served, against {summary['ingest_seconds']} s; "
            f"{summary['ingest_runs']:g} flow run)",
            summary["throughput_ratio"] >= 0.9,
        ),
        (
            f"Server peak memory at {n} uploads ≤ 1.2× at {small}",
            f"{summary['memory_ratio']:.2f}× ({summary['server_peak_mib']['large']:g} MiB "
            f"against {summary['server_peak_mib']['small']:g}; with its worker processes "
            f"{summary['tree_peak_mib']['large']:g} against {summary['tree_peak_mib']['small']:g})",
            summary["memory_ratio"] <= 1.2,
        ),
    ]
    if kill:
        records = kill["records"]
        met = (
            records["identical"] == records["accepted"] == n
            and records["lost"] == records["unparsable"] == records["temporary_files"] == 0
            and kill["5xx"] == 0
        )
        kills = "; ".join(
            f"killed after {event['accepted_before']} accepted and {event['records_before']} "
            f"records, back in {event['restart_seconds']} s"
            for event in kill["kills"]
            if "skipped" not in event
        )
        cut = sum(count for kind, count in kill["retried"].items() if kind not in ("429", "503"))
        rows.append(
            (
                "kill -9 of the server during the load, restart: every 202 ends as a record "
                "identical to an uninterrupted run's",
                f"{records['accepted']} accepted, {records['records']} records, "
                f"{records['identical']} identical, {records['lost']} lost, "
                f"{records['unparsable']} unparsable, {records['temporary_files']} temporary "
                f"files left ({kills}; {cut} requests refused or cut by the kills, sent again)",
                met,
            )
        )
    lines = [
        "## Intake service (issue #17)",
        "",
        f"Measured {machine['date']} on {machine['machine']}, Python {machine['python']}, "
        f"commit {machine['commit']}, by `{intake['command']}` (benchmarks/intake_load.py, "
        f"{intake['minutes']} minutes; method in benchmarks/README.md). Loopback, `qpr "
        f"serve-api --workers {options['workers']}` with its defaults otherwise; medians of "
        f"{options['rounds']} rounds.",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *(f"| {target} | {value} | {'yes' if met else '**no**'} |" for target, value, met in rows),
        "",
        "| run | seconds | documents/s | to the last record, s | accept p50 / p95 ms | flow runs "
        "| server peak MiB | with workers MiB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, label in (("small", f"service, {small}"), ("large", f"service, {n}")):
        for run in intake["rounds"][name]:
            lines.append(_intake_row(label, run))
    for run in intake["rounds"]["wave"]:
        lines.append(_intake_row(f"service, {n}, then {wave['documents']} while it extracts", run))
    for run in intake["rounds"]["ingest"]:
        lines.append(
            f"| qpr ingest, {n} | {run['seconds']} | {run['documents_per_second']} | – | – | 1 "
            f"| {run['peak_mib']} (its largest process) | – |"
        )
    if kill:
        lines.append(_intake_row(f"service, {n}, killed twice and restarted", kill))
    return [*lines, ""]


def _intake_row(label: str, run: dict[str, Any]) -> str:
    latency = f"{run['latency_ms']['p50']} / {run['latency_ms']['p95']}"
    if "wave" in run:  # the wave's latency: what was sent while extraction ran
        latency += f"; then {run['wave']['latency_ms']['p50']} / {run['wave']['latency_ms']['p95']}"
    return (
        f"| {label} | {run['seconds']} | {run['documents_per_second']} | "
        f"{run['records_seconds']} | {latency} | {run['ingest_runs']} | "
        f"{run['server_peak_mib']} | {run['tree_peak_mib']} |"
    )


def extraction_table(extraction: dict[str, Any]) -> list[str]:
    kinds = extraction["kinds"]
    lines = [
        f"## Whole extraction alone (one process, one core, median of {extraction['rounds']} "
        "per file)",
        "",
        "Ratios are our time over the other's on the same files: below 1 we are faster. The "
        "floor reads text only (pdfplumber's `extract_text`, python-docx's paragraphs). The "
        "peer is Unstructured's `partition` (fast strategy) with a spaCy model of its own "
        "model's size standing in for it; the lower bound gives it a blank pipeline instead.",
        "",
        "| kind | documents | ms/document | documents/s | pages/s | ours/floor | ours/peer "
        "| ours/peer, lower bound |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in sorted(
        kinds, key=lambda kind: KIND_ORDER.index(kind) if kind in KIND_ORDER else 99
    ):
        row = kinds[kind]
        lines.append(
            f"| {kind} | {row['documents']} | {row['ms_per_document']} | "
            f"{row['documents_per_second']} | {row['pages_per_second'] or '–'} | "
            f"{_ratio(row.get('floor_ratio'))} | {_ratio(row.get('peer_ratio'))} | "
            f"{_ratio(row.get('peer_lower_bound_ratio'))} |"
        )
    return [*lines, ""]


def flow_table(flows: dict[str, Any]) -> list[str]:
    corpus = flows["corpus"]
    lines = [
        f"## The ingest flow on {corpus['documents']:,} documents",
        "",
        "Each run a child process, timed from its start (Python, Prefect's local API and the "
        "pipelines' loading included); peak memory is the largest single process's.",
        "",
        "| run | seconds | documents/s | peak MiB |",
        "|---|---|---|---|",
    ]
    for name in ("plain", "flow 1", "flow 2"):
        run = corpus[name]
        label = {"plain": "plain loop (extract + write the record)"}.get(
            name, f"qpr ingest, {name[5:]} worker(s)"
        )
        lines.append(
            f"| {label} | {run['seconds']} | {run['documents_per_second']} | {run['peak_mib']} |"
        )
    sample = flows["sample"]
    lines.append(
        f"| qpr ingest, 1 worker, first {flows['sample_documents']:,} documents | "
        f"{sample['seconds']} | {sample['documents_per_second']} | {sample['peak_mib']} |"
    )
    return [*lines, ""]


def accuracy_table(accuracy: dict[str, Any]) -> list[str]:
    lines = [
        "## Accuracy of the flow's records against the corpus truth (`qpr evaluate`)",
        "",
        f"{accuracy['pairs']:,} records paired; partners soft F1 "
        f"{accuracy['partners']['soft']['f1']:.3f}; budget amounts "
        f"{accuracy['budget_amount_accuracy']['correct']}/{accuracy['budget_amount_accuracy']['total']}; "
        f"records wholly right {accuracy['records_all_right']['right']}/{accuracy['records_all_right']['total']}.",
        "",
        "| field | soft F1 | exact F1 |",
        "|---|---|---|",
    ]
    for name, field in accuracy["fields"].items():
        lines.append(f"| {name} | {_f1(field['soft']['f1'])} | {_f1(field['exact']['f1'])} |")
    return [*lines, ""]


def _limit(stage_rows: list[dict[str, Any]], format_name: str) -> str:
    """What the time of a format goes to: its two largest stages' shares."""
    row = next(row for row in stage_rows if row["format"] == format_name)
    largest = sorted(row["stages"].items(), key=lambda item: -item[1])[:2]
    return " and ".join(f"{name} {ms / row['total_ms']:.0%}" for name, ms in largest) + " of it"


def _by_language(kind: str) -> bool:
    return kind.rsplit(" ", 1)[-1] in {"en", "fr", "es"}


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _f1(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    results = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
    (HERE / "results.md").write_text(render(results), encoding="utf-8")
