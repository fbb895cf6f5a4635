"""Render the non-text sample documents (DOCX, PDF, HTML) from the records, deterministically.

Run from the repository root:  .venv/bin/python -m samples.render
The renderer is the package samples.renderer (its __init__ says what each module does); this
file is its command.
"""

from samples.renderer.cli import main

if __name__ == "__main__":
    main()
