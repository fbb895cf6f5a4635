"""Do the records of a set of documents stay byte-identical through a change of the code?

    .venv/bin/python benchmarks/records_diff.py save DOCS... --to BASELINE
    .venv/bin/python benchmarks/records_diff.py compare DOCS... --with BASELINE

`save` extracts every document under DOCS (files or folders) in this process and writes each
record, its extractor version masked, to BASELINE/<sha256>.json. `compare` extracts them again
with the code as it is now and lists every record that differs, field by field with the value
before and after; it exits 1 when any differs. Run `save` before a restructuring and `compare`
after it: a refactoring must list nothing, an intended change must list only itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline import extract_file, record_json

_DOCUMENT_SUFFIXES = {".txt", ".docx", ".pdf", ".html", ".htm"}
_SHOWN = 20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    save = commands.add_parser("save")
    save.add_argument("docs", nargs="+", type=Path)
    save.add_argument("--to", type=Path, required=True)
    compare = commands.add_parser("compare")
    compare.add_argument("docs", nargs="+", type=Path)
    compare.add_argument("--with", dest="baseline", type=Path, required=True)
    arguments = parser.parse_args(argv)
    if arguments.command == "save":
        arguments.to.mkdir(parents=True, exist_ok=True)
        count = 0
        for sha256, text in _records(arguments.docs):
            (arguments.to / f"{sha256}.json").write_text(text, encoding="utf-8")
            count += 1
        print(f"{count} record(s) saved in {arguments.to}")
        return 0
    differing = 0
    count = 0
    for sha256, text in _records(arguments.docs):
        count += 1
        saved = arguments.baseline / f"{sha256}.json"
        if not saved.exists():
            print(f"{sha256}: no baseline record")
            differing += 1
            continue
        before = saved.read_text(encoding="utf-8")
        if before != text:
            differing += 1
            print(f"{json.loads(text)['source']['filename']} ({sha256[:12]}):")
            for path, old, new in list(_differences(json.loads(before), json.loads(text)))[:_SHOWN]:
                print(f"  {path}: {_short(old)} -> {_short(new)}")
    print(f"{count} record(s) compared, {differing} differ")
    return 1 if differing else 0


def _records(sources: list[Path]) -> Iterator[tuple[str, str]]:
    """(sha256, record JSON with the version masked) of every document under `sources`."""
    for source in sources:
        paths = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in paths:
            if path.is_file() and path.suffix.lower() in _DOCUMENT_SUFFIXES:
                record = json.loads(record_json(extract_file(path)))
                record["extractor"]["version"] = "(masked)"
                yield record["source"]["sha256"], json.dumps(record, indent=2, ensure_ascii=False)


def _differences(old: Any, new: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            yield from _differences(old.get(key), new.get(key), f"{path}.{key}" if path else key)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from _differences(a, b, f"{path}[{index}]")
    elif old != new:
        yield path, old, new


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 100 else text[:97] + "..."


if __name__ == "__main__":
    sys.exit(main())
