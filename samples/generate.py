"""Generate whole synthetic periodic reports, deterministically, with the truth qpr must find.

    .venv/bin/python -m samples.generate [--out samples/reports] [--seed 2026] [--only NAME]

The generator is the package samples.generator (its __init__ says what each module does);
this file is its command, and keeps generate_report importable from here.
"""

from samples.generator.cli import main
from samples.generator.reports import generate_report

__all__ = ["generate_report", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
