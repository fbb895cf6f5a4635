"""Where a whole extraction's time goes: milliseconds per document for each stage, per format.

Run: .venv/bin/python benchmarks/stages.py [--rounds 3] [--limit N] FILE_OR_DIR...
(a directory is globbed for *.txt *.docx *.pdf *.html). Prints a markdown table, one row per
format: documents, total ms per document (`extract_bytes` + `record_json` + writing the JSON to
a temp dir) and ms per document for each stage, "other" being the total minus the stages; then
each stage's calls per document and the slowest stage per format. Medians over `rounds`
passes after one warm-up pass (tables, langdetect profiles, spaCy pipelines), one process.

Stages (each the exclusive time of the functions charged to it, inner stages subtracted):
  reading        sniff_format, reader_for and the reader it returns
  normalisation  normalize
  segmentation   segment_report, segment_measure
  fields         read_report, extract_measure (less its NLP and language detection)
  nlp            pipeline.nlp.find_entities, the public functions of pipeline/inference.py
  language       the public functions of pipeline/language.py (langdetect)
  validation     build_record, failed_record, failed_from_error (ReportRecord construction);
                 the pydantic models built inside extract_measure count as fields
  writing        record_json, encoding to UTF-8 and writing the file
No production code changes: the functions are replaced, for the run only, at every place a
`pipeline` module binds them (found by identity, so a function imported elsewhere is still
caught). Each wrapper adds about a microsecond per call; see the calls per document.
Columns are separate medians, so a row need not add up exactly to its total.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import pipeline

STAGES = (
    "reading",
    "normalisation",
    "segmentation",
    "fields",
    "nlp",
    "language",
    "validation",
    "writing",
)
SUFFIXES = (".txt", ".docx", ".pdf", ".html")


def _module(name: str) -> ModuleType:
    # By module name: the package re-exports `normalize` the function over the module
    # `pipeline.normalize`, so `from pipeline import normalize` would not give the module.
    return importlib.import_module(f"pipeline.{name}")


def _public(module: ModuleType) -> list[Callable[..., Any]]:
    """The public functions a module defines (not those it imports)."""
    return [
        value
        for name, value in vars(module).items()
        if not name.startswith("_")
        and callable(value)
        and not isinstance(value, type)
        and getattr(value, "__module__", None) == module.__name__
    ]


def _charged() -> dict[str, list[Callable[..., Any]]]:
    """Stage -> the original functions whose calls are charged to it. Looked up afresh on
    each run, so an optimised function that moved is followed as long as its name stays."""
    return {
        "reading": [_module("formats").sniff_format, _module("readers").reader_for],
        "normalisation": [_module("normalize").normalize],
        "segmentation": [_module("layout").segment_report, _module("segment").segment_measure],
        "fields": [_module("report").read_report, _module("measure").extract_measure],
        # Only the entry points: wrapping inference's inner helpers would add a wrapper per
        # pattern and text, more overhead than the work measured.
        "nlp": [_module("nlp").find_entities, *_public(_module("inference"))],
        "language": _public(_module("language")),
        "validation": [
            _module("assemble").build_record,
            _module("assemble").failed_record,
            _module("assemble").failed_from_error,
        ],
    }


class _Clock:
    """Exclusive seconds and calls per stage. A stack of inner-time accumulators lets a
    wrapped call subtract the wrapped calls it makes (NLP inside extract_measure, the
    detection inside content_language), so no time is counted twice."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.calls: dict[str, int] = dict.fromkeys(STAGES, 0)
        self._inner = [0.0]

    def reset(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.calls = dict.fromkeys(STAGES, 0)
        self._inner = [0.0]

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        clock = time.perf_counter

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._inner.append(0.0)
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = clock() - start
                inner = self._inner.pop()
                self.seconds[stage] += elapsed - inner
                self._inner[-1] += elapsed
                self.calls[stage] += 1

        return timed


def _pipeline_modules() -> list[ModuleType]:
    return [
        module
        for name, module in list(sys.modules.items())
        if module is not None and (name == "pipeline" or name.startswith("pipeline."))
    ]


@contextmanager
def _instrumented(clock: _Clock) -> Iterator[None]:
    """Replace every binding of every charged function in the loaded `pipeline` modules
    (where the pipeline looks them up, e.g. `pipeline.measure.find_entities`) by a timed
    wrapper. A function the pipeline no longer calls shows as a stage with no calls."""
    for document_format in _module("formats").Format:
        _module("readers").reader_for(document_format)  # import the readers now, not mid-patch
    charged = _charged()
    wrappers: dict[int, Callable[..., Any]] = {}
    for stage, functions in charged.items():
        for function in functions:
            wrapped = clock.wrap(stage, function)
            if function is _module("readers").reader_for:
                # The reader is looked up at call time: time the function it hands back.
                wrapped = _wrap_result(wrapped, lambda reader: clock.wrap("reading", reader))
            wrappers[id(function)] = wrapped
    with ExitStack() as stack:
        for module in _pipeline_modules():
            for name, value in list(vars(module).items()):
                if id(value) in wrappers:
                    stack.enter_context(mock.patch.object(module, name, wrappers[id(value)]))
        yield


def _wrap_result(
    function: Callable[..., Any], wrap: Callable[[Any], Callable[..., Any]]
) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return wrap(function(*args, **kwargs))

    return wrapped


def _format(data: bytes, path: Path) -> str:
    try:
        return _module("formats").sniff_format(data, path.name).value
    except Exception:  # unreadable input still runs, under its suffix
        return path.suffix.lstrip(".").lower() or "unknown"


def _one_pass(
    documents: list[tuple[Path, str, bytes]], clock: _Clock, out: Path
) -> tuple[list[dict[str, float]], list[dict[str, int]]]:
    """Seconds per stage (plus "total") and calls per stage, one dict per document."""
    times, calls = [], []
    write = clock.wrap("writing", Path.write_bytes)
    encode = clock.wrap("writing", str.encode)
    for position, (path, _, data) in enumerate(documents):
        clock.reset()
        start = time.perf_counter()
        record = pipeline.extract_bytes(data, path.name)
        write(out / f"{position}-{path.name}.json", encode(pipeline.record_json(record), "utf-8"))
        total = time.perf_counter() - start
        times.append({**clock.seconds, "total": total})
        calls.append(dict(clock.calls))
    return times, calls


def stage_costs(paths: list[Path], rounds: int = 3) -> list[dict[str, Any]]:
    """One dict per format: {"format", "documents", "total_ms", "stages": {stage: ms, ...,
    "other": ms}, "calls": {stage: calls per document}}, ms per document, medians over
    `rounds` passes after a warm-up pass."""
    documents = []
    for path in paths:
        data = path.read_bytes()  # read up front: disk time is not the pipeline's
        documents.append((path, _format(data, path), data))
    clock = _Clock()
    by_format: dict[str, list[int]] = defaultdict(list)
    for position, (_, document_format, _) in enumerate(documents):
        by_format[document_format].append(position)
    per_round: list[list[dict[str, float]]] = []
    with _instrumented(clock), tempfile.TemporaryDirectory(prefix="qpr-stages-") as directory:
        # record_json is looked up on the package at call time, so it is charged here.
        with mock.patch.object(
            pipeline, "record_json", clock.wrap("writing", pipeline.record_json)
        ):
            _, warm_calls = _one_pass(documents, clock, Path(directory))
            for _ in range(rounds):
                per_round.append(_one_pass(documents, clock, Path(directory))[0])
    results = []
    for document_format, positions in sorted(by_format.items()):
        count = len(positions)
        calls = {stage: sum(warm_calls[p][stage] for p in positions) / count for stage in STAGES}
        missed = [stage for stage in STAGES if not calls[stage]]
        if missed:
            print(f"warning: {document_format}: no call intercepted for {', '.join(missed)}")

        def median(key: str, where: list[int] = positions) -> float:
            return statistics.median(_ms_per_document(times, key, where) for times in per_round)

        stages = {stage: median(stage) for stage in STAGES}
        stages["other"] = statistics.median(
            _ms_per_document(times, "total", positions)
            - sum(_ms_per_document(times, stage, positions) for stage in STAGES)
            for times in per_round
        )
        results.append(
            {
                "format": document_format,
                "documents": count,
                "total_ms": median("total"),
                "stages": stages,
                "calls": calls,
            }
        )
    return results


def _ms_per_document(times: list[dict[str, float]], key: str, positions: list[int]) -> float:
    return sum(times[p][key] for p in positions) / len(positions) * 1000


def _expand(arguments: list[str]) -> list[Path]:
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        else:
            paths.append(path)
    return paths


def markdown(results: list[dict[str, Any]]) -> str:
    columns = [*STAGES, "other"]
    lines = [
        "| format | documents | total ms/doc | " + " | ".join(columns) + " |",
        "|---|---|---|" + "---|" * len(columns),
    ]
    for row in results:
        stages = " | ".join(f"{row['stages'][stage]:.2f}" for stage in columns)
        lines.append(f"| {row['format']} | {row['documents']} | {row['total_ms']:.2f} | {stages} |")
    lines += [
        "",
        "Calls per document (warm-up pass):",
        "",
        "| format | " + " | ".join(STAGES) + " |",
        "|---|" + "---|" * len(STAGES),
    ]
    for row in results:
        calls = " | ".join(f"{row['calls'][stage]:.1f}" for stage in STAGES)
        lines.append(f"| {row['format']} | {calls} |")
    lines.append("")
    for row in results:
        slowest = max(STAGES, key=lambda stage: row["stages"][stage])
        share = row["stages"][slowest] / row["total_ms"] if row["total_ms"] else 0.0
        lines.append(
            f"- {row['format']}: slowest stage is {slowest} "
            f"({row['stages'][slowest]:.2f} ms/doc, {share:.0%} of the total)"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="the first N files only")
    arguments = parser.parse_args()
    paths = _expand(arguments.paths)[: arguments.limit]
    if not paths:
        parser.error("no .txt, .docx, .pdf or .html file found")
    print(markdown(stage_costs(paths, arguments.rounds)))


if __name__ == "__main__":
    main()
