"""Render the non-text sample documents (DOCX, PDF, HTML) from the records, deterministically.

Run from the repository root:  .venv/bin/python samples/render.py
The renderer is the package samples.renderer (its __init__ says what each module does); this
file is its command.
"""

import sys
from pathlib import Path

if __name__ == "__main__" and not __package__:  # python samples/render.py: import from the root
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from samples.renderer.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
