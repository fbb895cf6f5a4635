"""Generate whole synthetic periodic reports, deterministically, with the truth qpr must find.

.venv/bin/python -m samples.generate [--out samples/reports] [--seed 2026] [--only NAME]
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from samples.generator.libreoffice import soffice_path
from samples.generator.reports import KINDS, generate_report

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "reports"
DEFAULT_SEED = 2026

# The committed set: (kind, party, format).
REPORT_SET = (
    ("2020-en", "kenya", "docx"),
    ("2020-en", "kenya", "pdf"),
    ("2020-fr", "madagascar", "docx"),
    ("2020-fr", "burkina-faso", "pdf"),
    ("2016-chapters", "namibia", "docx"),
    ("2012-form", "barbados", "pdf"),
    ("own-layout", "ecuador", "docx"),
    ("2020-long", "india", "pdf"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--only", action="append", help="file name(s) to write, e.g. kenya-2020-en.pdf"
    )
    parser.add_argument("--skip-libreoffice", action="store_true", help="skip the LibreOffice PDFs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for kind, party, fmt in REPORT_SET:
        name = f"{party}-{KINDS[kind].suffix}.{fmt}"
        if args.only and name not in args.only:
            continue
        uses_libreoffice = fmt == "pdf" and kind not in ("2020-fr", "2012-form")
        if uses_libreoffice and (args.skip_libreoffice or soffice_path() is None):
            print(f"skipped {name} (LibreOffice)")
            continue
        path = generate_report(kind, args.seed, args.out, fmt=fmt, party=party)
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0
