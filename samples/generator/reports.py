"""The kinds of report, their profiles, and writing one report with its truth."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Any

from samples.generator import data
from samples.generator.build import (
    build_2012_report,
    build_2016_report,
    build_2020_report,
    build_own_layout_report,
)
from samples.generator.layouts import (
    render_2016_docx,
    render_2020_docx,
    render_2020_platform_pdf,
    render_own_layout_docx,
)
from samples.generator.libreoffice import (
    convert_docx_to_pdf,
    count_line_end_hyphens,
    page_texts,
    tables_crossing_pages,
)
from samples.generator.model import Report, write_truth
from samples.generator.pdf_form import render_2012_form

log = logging.getLogger("generate")


@dataclass(frozen=True)
class Kind:
    suffix: str
    formats: tuple[str, ...]
    party: str
    measures: int
    civil_society: int = 0


KINDS = {
    "2020-en": Kind("2020-en", ("docx", "pdf"), "kenya", 8, 2),
    "2020-fr": Kind("2020-fr", ("docx", "pdf"), "madagascar", 7, 2),
    "2016-chapters": Kind("2016-chapters", ("docx", "pdf"), "namibia", 8),
    "2012-form": Kind("2012-form", ("pdf",), "barbados", 5),
    "own-layout": Kind("own-layout", ("docx", "pdf"), "ecuador", 6),
    "2020-long": Kind("2020-long", ("pdf", "docx"), "india", 42, 3),
}

PROFILES: dict[str, dict[str, Any]] = {
    "2020-en": {"goal_headings": "upper", "goal_values": "dash", "footer": "dashes"},
    "2020-fr": {
        "goal_headings": "upper",
        "goal_values": "plain",
        "english_measures": 2,
        "partner_types": "fr-offline",
        "measure_title_style": "Heading 3",
        "footer": "page",
    },
    "2020-long": {
        "goal_headings": "dash",
        "goal_values": "upper",
        "measure_title_style": "Heading 3",
        "numbered_titles": True,
        "contact_style": "labelled",
        "submission": True,
        "length": "long",
        "long_tables": 7,
        "repeat_header": True,
        "soft_hyphens": True,
        "justify": True,
        "font_size": 11.5,
        "line_spacing": 1.25,
        "label_end": ":",
        "footer": "of",
    },
}
# Per-Party variations of a kind: Burkina Faso's report is all French, with the online form's
# partner types (Madagascar's has two English measures and the offline form's upper-case types).
PARTY_PROFILES: dict[str, dict[str, Any]] = {
    "burkina-faso": {"english_measures": 0, "partner_types": "fr"},
}
LONG_REPORT_CHECKS = {"pages": 60, "hyphens": 5, "crossing_tables": 2, "attempts": 12}


def build_report(
    kind: str, seed: int, party: data.PartyData, measures: int, cso: int, attempt: int = 0
) -> Report:
    rng = Random(f"{seed}/{kind}/{party.key}/{measures}/{cso}/{attempt}")
    if kind in ("2020-en", "2020-long"):
        return build_2020_report(kind, seed, rng, party, "en", measures, cso, PROFILES[kind])
    if kind == "2020-fr":
        profile = {**PROFILES[kind], **PARTY_PROFILES.get(party.key, {})}
        return build_2020_report(kind, seed, rng, party, "fr", measures, cso, profile)
    if kind == "2016-chapters":
        return build_2016_report(kind, seed, rng, party, measures)
    if kind == "2012-form":
        return build_2012_report(kind, seed, rng, party, measures)
    if kind == "own-layout":
        return build_own_layout_report(kind, seed, rng, party, measures)
    raise ValueError(f"unknown kind {kind!r}; one of {sorted(KINDS)}")


DOCX_RENDERERS: dict[str, Callable[[Report, Path], None]] = {
    "2020-en": render_2020_docx,
    "2020-fr": render_2020_docx,
    "2020-long": render_2020_docx,
    "2016-chapters": render_2016_docx,
    "own-layout": render_own_layout_docx,
}


def render_via_libreoffice(report: Report, target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{target.stem}.docx"
        DOCX_RENDERERS[report.kind](report, source)
        convert_docx_to_pdf(source, target)


def check_long_report(report: Report, pdf: Path) -> list[str]:
    """What the long report still lacks (pages, line-end hyphens, tables across pages)."""
    texts = page_texts(pdf)
    problems = []
    if len(texts) < LONG_REPORT_CHECKS["pages"]:
        problems.append(f"{len(texts)} pages")
    hyphens = count_line_end_hyphens(texts)
    if hyphens < LONG_REPORT_CHECKS["hyphens"]:
        problems.append(f"{hyphens} line-end hyphens")
    crossing = tables_crossing_pages(report, texts)
    if len(crossing) < LONG_REPORT_CHECKS["crossing_tables"]:
        problems.append(f"{len(crossing)} partner tables across a page break")
    return problems


def generate_report(
    kind: str,
    seed: int,
    out_dir: Path,
    *,
    measures: int | None = None,
    fmt: str | None = None,
    party: str | None = None,
    civil_society: int | None = None,
    check: bool = True,
) -> Path:
    """Write one report (and its truth) into out_dir; returns the document's path.

    fmt: "docx" (python-docx), or "pdf": reportlab for 2020-fr and 2012-form, LibreOffice from
    the report's DOCX otherwise. For a 2020-long PDF, `check` retries the next attempt of the
    seed until the PDF has the pages, hyphens and page-crossing tables it is meant to exercise.
    """
    spec = KINDS[kind]
    fmt = fmt or spec.formats[0]
    if fmt not in spec.formats:
        raise ValueError(f"{kind} is written as {spec.formats}, not {fmt}")
    party_data = data.PARTIES[party or spec.party]
    count = measures if measures is not None else spec.measures
    cso = civil_society if civil_society is not None else spec.civil_society
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{party_data.key}-{spec.suffix}.{fmt}"
    attempts = (
        LONG_REPORT_CHECKS["attempts"] if (kind == "2020-long" and fmt == "pdf" and check) else 1
    )
    for attempt in range(attempts):
        report = build_report(kind, seed, party_data, count, cso, attempt)
        tool = write_document(report, target, fmt)
        if attempts == 1:
            break
        problems = check_long_report(report, target)
        if not problems:
            break
        log.info("%s: attempt %d has only %s; next attempt", target.name, attempt, problems)
    else:
        raise RuntimeError(f"{target.name}: no attempt met the checks: {', '.join(problems)}")
    report.profile = {**report.profile, "attempt": attempt}
    write_truth(report, target, tool)
    return target


def write_document(report: Report, target: Path, fmt: str) -> str:
    """Render the report; returns the name of the tool that made the file."""
    if report.kind == "2012-form":
        render_2012_form(report, target)
        return "reportlab (AcroForm)"
    if fmt == "docx":
        DOCX_RENDERERS[report.kind](report, target)
        return "python-docx"
    if report.kind == "2020-fr":
        render_2020_platform_pdf(report, target)
        return "reportlab"
    render_via_libreoffice(report, target)
    return "LibreOffice (from python-docx)"
