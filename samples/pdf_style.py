"""The fonts and table style that the sample PDFs share (samples.renderer and samples.generator)."""

from __future__ import annotations

import pathlib
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, TableStyle

FONT_CANDIDATES = (
    # DejaVu has every accented letter, ’ and œ; reportlab's bundled Vera (same design) is the fallback.
    (
        pathlib.Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        pathlib.Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (
        pathlib.Path(rl_config.__file__).parent / "fonts" / "Vera.ttf",
        pathlib.Path(rl_config.__file__).parent / "fonts" / "VeraBd.ttf",
    ),
)


def register_fonts() -> tuple[str, str]:
    for regular, bold in FONT_CANDIDATES:
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("SampleSans", str(regular)))
            pdfmetrics.registerFont(TTFont("SampleSans-Bold", str(bold)))
            pdfmetrics.registerFontFamily(
                "SampleSans",
                normal="SampleSans",
                bold="SampleSans-Bold",
                italic="SampleSans",
                boldItalic="SampleSans-Bold",
            )
            return "SampleSans", "SampleSans-Bold"
    raise SystemExit("no TrueType font with accented letters found (DejaVuSans or Vera)")


def partner_table_style() -> TableStyle:
    """A ruled partner table with a shaded header row, as the platform's PDF export draws it."""
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )


def a4_document(path: pathlib.Path, **metadata: Any) -> SimpleDocTemplate:
    """The page both sample PDF writers use: A4 with the platform export's margins; `metadata`
    (title, author, creator...) is the document's information."""
    return SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        **metadata,
    )
