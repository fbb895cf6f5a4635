"""The long fuzz run (issue #7): the properties of tests/fuzzing.py for a wall-clock budget.

    .venv/bin/python tests/fuzz_long.py --minutes 30            # `make fuzz`
    .venv/bin/python tests/fuzz_long.py --minutes 5 --jobs 2 --properties pdf,docx
    .venv/bin/python tests/fuzz_long.py --replay .fuzz/findings/003-pdf.bin

Each worker process runs rounds of one property at a time with hypothesis (random seeds, no
example database), sized from the property's measured speed. A failing example is shrunk by
hypothesis, and the smallest input seen for each distinct failure (its `signature`: the
invariant broken, or the exception type and the pipeline function it came from) is written to
`<out>/findings/NNN-<property>.{json,bin,py}`: what failed, the input's bytes, and a Python
reproducer (for a mutated sample, the sample and the mutation list, which rebuild the input).
A known signature is not reported again, so a run goes on to look for other bugs.

The supervisor watches the workers: before each example a worker writes the input to
`<out>/current-<worker>.bin`, so when a worker dies (a crash in a C library) or stops making
progress for `--hang-seconds`, that input becomes a `crash` or `hang` finding and the worker is
restarted. An example that takes over `--slow-seconds` is written to `<out>/slow/`.
Not collected by pytest (no `test_` prefix); tests/test_fuzz.py runs the same properties briefly.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import resource
import signal
import subprocess
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzzing  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.formats import Format  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SMALL_INPUT = 4096  # bytes up to which a reproducer spells the input out as a literal


@dataclass(frozen=True)
class Property:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    input_of: Callable[[Any], tuple[bytes, str]]  # the bytes and file name of a case
    reproducer: Callable[[Any], str]  # Python statements that re-run the check on the case
    weight: float  # share of the time, relative to the other properties


def _bytes_reproducer(data: bytes, filename: str, call: str) -> str:
    literal = repr(data) if len(data) <= SMALL_INPUT else "Path(BIN).read_bytes()"
    return f"{call}({literal}, {filename!r})"


def _check_readers(case: tuple[tuple[bytes, str], Format]) -> None:
    (data, filename), document_format = case
    fuzzing.check_sniff(data, filename)
    fuzzing.check_reader(document_format, data)


def _readers_reproducer(case: tuple[tuple[bytes, str], Format]) -> str:
    (data, filename), document_format = case
    literal = repr(data) if len(data) <= SMALL_INPUT else "Path(BIN).read_bytes()"
    return (
        f"data = {literal}\n"
        f"check_sniff(data, {filename!r})\n"
        f"check_reader(Format.{document_format.name}, data)"
    )


PROPERTIES = {
    prop.name: prop
    for prop in [
        Property(
            "bytes",
            fuzzing.any_input(),
            lambda case: fuzzing.check_extract(*case),
            lambda case: case,
            lambda case: _bytes_reproducer(*case, "check_extract"),
            1,
        ),
        Property(
            "readers",
            st.tuples(fuzzing.any_input(), st.sampled_from(fuzzing.FORMATS)),
            _check_readers,
            lambda case: case[0],
            _readers_reproducer,
            1,
        ),
        Property(
            "converted",
            fuzzing.any_input(fuzzing.CONVERTED_MAGIC),
            lambda case: fuzzing.check_extract(*case),
            lambda case: case,
            lambda case: _bytes_reproducer(*case, "check_extract"),
            0.5,
        ),
        *(
            Property(
                document_format.value,
                fuzzing.mutated(document_format),
                fuzzing.check_mutated,
                lambda case: (case.data(), case.filename),
                lambda case: f"check_mutated({case!r})",
                weight,
            )
            for document_format, weight in (
                (Format.TXT, 2),
                (Format.HTML, 2),
                (Format.DOCX, 3),
                (Format.PDF, 3),
            )
        ),
    ]
}


# --- findings ----------------------------------------------------------------------------------


def _findings_dir(out: Path) -> Path:
    path = out / "findings"
    path.mkdir(parents=True, exist_ok=True)
    return path


def known_signatures(out: Path) -> set[str]:
    signatures = set()
    for path in _findings_dir(out).glob("*.json"):
        try:
            signatures.add(json.loads(path.read_text("utf-8"))["signature"])
        except (OSError, ValueError, KeyError):
            continue
    return signatures


def save_finding(
    out: Path, prop: str, signature: str, data: bytes, filename: str, detail: str, reproducer: str
) -> Path:
    folder = _findings_dir(out)
    number = 1 + max((int(p.name[:3]) for p in folder.glob("[0-9][0-9][0-9]-*.json")), default=0)
    stem = folder / f"{number:03d}-{prop}"
    stem.with_suffix(".bin").write_bytes(data)
    stem.with_suffix(".json").write_text(
        json.dumps(
            {
                "property": prop,
                "signature": signature,
                "filename": filename,
                "size": len(data),
                "detail": detail,
                "reproducer": reproducer,
            },
            indent=2,
            ensure_ascii=False,
        ),
        "utf-8",
    )
    stem.with_suffix(".py").write_text(
        f'"""Finding {number:03d} of the long fuzz run ({prop}): {signature}."""\n\n'
        "import sys\nfrom pathlib import Path\n\n"
        'sys.path.insert(0, "tests")\n'
        "from fuzzing import *  # noqa: F403\n"
        "from pipeline.formats import Format\n\n"
        f"BIN = {str(stem.with_suffix('.bin'))!r}\n"
        f"{reproducer}\n",
        "utf-8",
    )
    return stem


# --- the worker --------------------------------------------------------------------------------


@dataclass
class _Failure:
    size: int
    data: bytes
    filename: str
    detail: str
    reproducer: str


class Worker:
    def __init__(self, number: int, out: Path, slow_seconds: float) -> None:
        self.number = number
        self.out = out
        self.slow_seconds = slow_seconds
        self.known = known_signatures(out)
        self.current = out / f"current-{number}.bin"
        self.executions: dict[str, int] = {}
        self.seconds: dict[str, float] = {}  # in the checks
        self.wall: dict[str, float] = {}  # in the rounds
        self.slow: dict[str, int] = {}

    def run_round(self, prop: Property, seconds: float) -> None:
        # Sized from the rounds so far, generation and shrinking included.
        rate = self.executions.get(prop.name, 0) / max(self.wall.get(prop.name, 0.0), 1e-9)
        examples = max(10, int(rate * seconds)) if prop.name in self.executions else 10
        round_started = time.perf_counter()
        failures: dict[str, _Failure] = {}
        self.known |= known_signatures(self.out)  # the other workers' findings too

        def execute(case: Any) -> None:
            if failures and time.perf_counter() - round_started > max(3 * seconds, 120):
                # Shrinking slow examples can take hypothesis five minutes: past this point
                # every example passes, so it gives up, and the smallest failure seen is kept.
                return
            data, filename = prop.input_of(case)
            self.current.with_suffix(".json").write_text(
                json.dumps({"property": prop.name, "filename": filename}), "utf-8"
            )
            self.current.write_bytes(data)
            started = time.perf_counter()
            try:
                prop.check(case)
            except Exception as error:
                signature = fuzzing.signature(error)
                if signature in self.known:
                    return  # reported already: look for other bugs
                seen = failures.get(signature)
                if seen is None or len(data) < seen.size:
                    detail = "".join(traceback.format_exception(error))
                    failures[signature] = _Failure(
                        len(data), data, filename, detail, prop.reproducer(case)
                    )
                raise
            finally:
                elapsed = time.perf_counter() - started
                self.executions[prop.name] = self.executions.get(prop.name, 0) + 1
                self.seconds[prop.name] = self.seconds.get(prop.name, 0.0) + elapsed
                if elapsed > self.slow_seconds:
                    self._save_slow(prop, case, data, filename, elapsed)

        test = settings(
            max_examples=examples,
            database=None,
            deadline=None,
            derandomize=False,
            phases=(Phase.generate, Phase.shrink),
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=True,
        )(given(prop.strategy)(execute))
        try:
            test()
        except Exception:  # noqa: BLE001 - the failures were recorded as they happened
            pass
        finally:
            self.wall[prop.name] = self.wall.get(prop.name, 0.0) + (
                time.perf_counter() - round_started
            )
        for signature, failure in failures.items():
            if signature in self.known:
                continue
            self.known.add(signature)
            stem = save_finding(
                self.out,
                prop.name,
                signature,
                failure.data,
                failure.filename,
                failure.detail,
                failure.reproducer,
            )
            self.report(f"FINDING {signature} ({failure.size:,} bytes) -> {stem}.py")

    def _save_slow(self, prop: Property, case: Any, data: bytes, name: str, seconds: float) -> None:
        count = self.slow[prop.name] = self.slow.get(prop.name, 0) + 1
        if count > 5:
            return
        folder = self.out / "slow"
        folder.mkdir(exist_ok=True)
        stem = folder / f"{prop.name}-{self.number}-{count}"
        stem.with_suffix(".bin").write_bytes(data)
        stem.with_suffix(".json").write_text(
            json.dumps(
                {"filename": name, "seconds": seconds, "reproducer": prop.reproducer(case)},
                ensure_ascii=False,
            ),
            "utf-8",
        )
        self.report(f"SLOW {prop.name}: {seconds:.1f} s on {len(data):,} bytes -> {stem}.bin")

    def report(self, message: str) -> None:
        print(f"[worker {self.number} {time.strftime('%H:%M:%S')}] {message}", flush=True)

    def write_stats(self) -> None:
        stats = {
            "executions": self.executions,
            "seconds": self.seconds,
            "wall": self.wall,
            "slow": self.slow,
        }
        (self.out / f"stats-{self.number}.json").write_text(json.dumps(stats), "utf-8")


def run_worker(args: argparse.Namespace) -> None:
    if args.memory_mb:
        limit = args.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    warnings.simplefilter("ignore")
    logging.getLogger("pipeline").propagate = False  # its errors are findings, not noise
    if not args.ocr:
        os.environ["QPR_OCR"] = "0"  # Tesseract on every page of a PDF whose text was broken
    worker = Worker(args.worker, args.out, args.slow_seconds)
    stats_file = args.out / f"stats-{args.worker}.json"
    if stats_file.exists():  # a restarted worker goes on counting
        previous = json.loads(stats_file.read_text("utf-8"))
        worker.executions, worker.seconds = previous["executions"], previous["seconds"]
        worker.wall = previous.get("wall", {})
        worker.slow = previous.get("slow", {})
    props = [PROPERTIES[name] for name in args.properties]
    while time.time() < args.until:
        for prop in props:
            left = args.until - time.time()
            if left <= 0:
                break
            before = worker.executions.get(prop.name, 0)
            started = time.time()
            worker.run_round(prop, min(args.round_seconds * prop.weight, left))
            done = worker.executions.get(prop.name, 0) - before
            worker.write_stats()
            worker.report(
                f"{prop.name}: {done} executions in {time.time() - started:.0f} s, "
                f"{worker.executions.get(prop.name, 0):,} in all"
            )


# --- the supervisor ----------------------------------------------------------------------------


def run_supervisor(args: argparse.Namespace) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for stale in args.out.glob("stats-*.json"):
        stale.unlink()
    started = time.time()
    until = started + args.minutes * 60
    groups = _split(args.properties, args.jobs)
    workers: dict[int, subprocess.Popen[bytes]] = {}

    def start(number: int) -> None:
        workers[number] = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--worker",
                str(number),
                "--until",
                str(until),
                "--out",
                str(args.out),
                "--properties",
                ",".join(groups[number]),
                "--round-seconds",
                str(args.round_seconds),
                "--slow-seconds",
                str(args.slow_seconds),
                "--memory-mb",
                str(args.memory_mb),
                *(["--ocr"] if args.ocr else []),
            ],
            cwd=ROOT,
        )

    for number in range(len(groups)):
        start(number)
    print(
        f"fuzzing {', '.join(args.properties)} for {args.minutes:g} min with {len(groups)} "
        f"worker(s); findings go to {args.out / 'findings'}",
        flush=True,
    )
    try:
        while workers:
            time.sleep(2)
            for number, process in list(workers.items()):
                current = args.out / f"current-{number}.bin"
                code = process.poll()
                if code is not None:
                    del workers[number]
                    if code != 0:
                        _lost_worker(args.out, current, f"crash (exit status {code})")
                        if time.time() < until - 5:
                            start(number)
                    continue
                last = current.stat().st_mtime if current.exists() else started
                if time.time() - max(last, started) > args.hang_seconds:
                    process.kill()
                    process.wait()
                    del workers[number]
                    _lost_worker(args.out, current, f"hang (over {args.hang_seconds:g} s)")
                    if time.time() < until - 5:
                        start(number)
    except KeyboardInterrupt:
        for process in workers.values():
            process.send_signal(signal.SIGINT)
            process.wait()
    return _summary(args.out, time.time() - started)


def _split(names: list[str], jobs: int) -> list[list[str]]:
    """Properties shared among the workers, the heaviest first, each to the least loaded."""
    groups: list[list[str]] = [[] for _ in range(max(1, min(jobs, len(names))))]
    load = [0.0] * len(groups)
    for name in sorted(names, key=lambda name: -PROPERTIES[name].weight):
        index = load.index(min(load))
        groups[index].append(name)
        load[index] += PROPERTIES[name].weight
    return groups


def _lost_worker(out: Path, current: Path, what: str) -> None:
    try:
        info = json.loads(current.with_suffix(".json").read_text("utf-8"))
    except (OSError, ValueError):  # lost while writing it
        info = {}
    data = current.read_bytes() if current.exists() else b""
    prop, filename = info.get("property", "unknown"), info.get("filename", "input")
    signature = f"{what.split(' ')[0]} in {prop}"
    stem = save_finding(
        out,
        prop,
        signature,
        data,
        filename,
        f"the worker was lost: {what}",
        _bytes_reproducer(data, filename, "check_extract"),
    )
    print(f"[supervisor] FINDING {signature}: {what} -> {stem}.bin", flush=True)


def _summary(out: Path, seconds: float) -> int:
    executions: dict[str, int] = {}
    for path in out.glob("stats-*.json"):
        for name, count in json.loads(path.read_text("utf-8"))["executions"].items():
            executions[name] = executions.get(name, 0) + count
    findings = sorted(_findings_dir(out).glob("*.json"))
    summary = {
        "minutes": round(seconds / 60, 1),
        "executions": executions,
        "findings": [json.loads(path.read_text("utf-8"))["signature"] for path in findings],
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), "utf-8")
    print(f"\nran {seconds / 60:.1f} min; executions per property (shrinking included):")
    for name, count in sorted(executions.items()):
        print(f"  {name:8} {count:>9,}")
    print(f"{len(findings)} finding(s) in {_findings_dir(out)}:")
    for path in findings:
        print(f"  {path.stem}: {json.loads(path.read_text('utf-8'))['signature']}")
    return 1 if findings else 0


def replay(path: Path) -> int:
    """Run the pipeline on a finding's input and print the outcome."""
    meta = path.with_suffix(".json")
    filename = json.loads(meta.read_text("utf-8"))["filename"] if meta.exists() else path.name
    data = path.read_bytes()
    try:
        record = fuzzing.check_extract(data, filename)
    except Exception as error:  # noqa: BLE001 - the point is to show it
        traceback.print_exception(error)
        print(f"\n{fuzzing.signature(error)}")
        return 1
    print(f"{record.status.value}: {[issue.code.value for issue in record.issues][:5]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--out", type=Path, default=ROOT / ".fuzz")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument(
        "--properties", default=",".join(PROPERTIES), help=f"of {', '.join(PROPERTIES)}"
    )
    parser.add_argument("--round-seconds", type=float, default=20.0)
    parser.add_argument("--hang-seconds", type=float, default=60.0)
    parser.add_argument("--slow-seconds", type=float, default=10.0)
    parser.add_argument("--memory-mb", type=int, default=4096, help="per worker; 0: no limit")
    parser.add_argument(
        "--ocr", action="store_true", help="let PDFs without text go to OCR (slow; off by default)"
    )
    parser.add_argument("--replay", type=Path, help="re-run a finding's .bin and exit")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--until", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    args.properties = [name for name in re.split(r"[,\s]+", args.properties) if name]
    unknown = [name for name in args.properties if name not in PROPERTIES]
    if unknown:
        parser.error(f"unknown properties {unknown}; choose from {list(PROPERTIES)}")
    args.out = args.out.resolve()
    if args.worker is not None:
        run_worker(args)
        return 0
    return run_supervisor(args)


if __name__ == "__main__":
    sys.exit(main())
