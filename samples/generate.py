"""Generate whole synthetic periodic reports, deterministically, with the truth qpr must find.

    .venv/bin/python samples/generate.py [--out samples/reports] [--seed 2026] [--only NAME]

The generator is the package samples.generator (its __init__ says what each module does);
this file is its command, and keeps generate_report importable from here.
"""

import sys
from pathlib import Path

if __name__ == "__main__" and not __package__:  # python samples/generate.py: import from the root
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from samples.generator.cli import main  # noqa: E402
from samples.generator.reports import generate_report  # noqa: E402

__all__ = ["generate_report", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
