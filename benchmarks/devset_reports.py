"""Whole reports of real records: takes the dev measure pages whose gold is complete and titled,
composes them as the measures of one DOCX and one PDF periodic report under the four goal headings
(in a temporary folder), extracts both with `pipeline.extract_file`, and gives per format the
measures found, the titles, agencies and budgets right, every mismatch, and PASSED or FAILED.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from pipeline import extract_bytes, extract_file, record_json  # noqa: E402
from pipeline.labels import is_boilerplate  # noqa: E402
from pipeline.layout import segment_report  # noqa: E402
from pipeline.normalize import normalize  # noqa: E402
from pipeline.readers.text import read_text  # noqa: E402
from pipeline.segment import segment_measure  # noqa: E402
from samples import determinism, pdf_style  # noqa: E402
from schemas.outcome import IssueCode  # noqa: E402

PARTY = "Test Party"
COVER = f"Quadrennial Periodic Report 2020 - {PARTY}"
GOALS = (
    "Support sustainable systems of governance for culture",
    "Achieve a balanced flow of cultural goods and services and increase the mobility of artists and cultural professionals",
    "Integrate culture in sustainable development frameworks",
    "Promote human rights and fundamental freedoms",
)
# The gold value compared, and the name `unknown_fields` gives it.
FIELDS = {"title": "title", "agency": "agency", "budget_amount": "budget"}
CUT = 60
Norm = Callable[[Any], str | None]  # the scorer's text folding


@dataclass(frozen=True)
class Page:
    id: str
    gold: dict[str, Any]
    lines: tuple[str, ...]  # the record's lines, title first
    goal: int  # 0-3


def record_lines(page: Path) -> tuple[str, ...]:
    """The page's lines as the extractor reads them, without those it holds to be no part of
    the record: site boilerplate and the trailing lines it sets aside."""
    data = page.read_bytes()
    lines = normalize(read_text(data)).lines
    layout = segment_report(lines)
    set_aside: set[int] = set()
    for issue in extract_bytes(data, page.name).issues:
        if issue.code != IssueCode.TRAILING_TEXT_IGNORED or issue.measure_index is None:
            continue
        section = segment_measure(layout.measures[issue.measure_index].lines)
        field = section.field(issue.field) if issue.field else None
        if field is None:
            aside = section.trailing
        else:
            # Lines left after a goal/domain list's last value: the issue alone says how many
            # ("N line(s) after the last value were left out").
            aside = field.lines[-int(issue.message.split()[0]) :]
        set_aside.update(line.index for line in aside)
    return tuple(
        line.text
        for line in lines
        if line.text.strip() and line.index not in set_aside and not is_boilerplate(line)
    )


def goal_of(gold: dict[str, Any], turn: int, norm: Norm) -> int:
    for stated in gold.get("goals") or []:
        for number, wording in enumerate(GOALS):
            if wording.casefold() in (norm(stated) or ""):
                return number
    return turn % len(GOALS)


def select_pages(pages: Path, gold_dir: Path, scorer: ModuleType) -> list[Page]:
    """The complete, titled pages, in the order the report holds them: by goal, then by id."""
    chosen: list[Page] = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        page = pages / f"{gold['id']}.txt"
        if gold["truncated"] is False and gold["title"] is not None and page.exists():
            goal = goal_of(gold, len(chosen), scorer.norm)
            chosen.append(Page(gold["id"], gold, record_lines(page), goal))
    return sorted(chosen, key=lambda page: page.goal)


def goal_heading(number: int) -> str:
    return f"GOAL {number + 1}. {GOALS[number].upper()}"


def write_docx(pages: list[Page], path: Path) -> None:
    document = docx.Document()
    properties = document.core_properties
    properties.author = properties.last_modified_by = "Periodic report team"
    properties.title = COVER
    properties.created = properties.modified = properties.last_printed = determinism.FIXED_TIME
    properties.revision = 1
    document.add_paragraph(COVER, style="Title")
    for number in range(len(GOALS)):
        document.add_paragraph(goal_heading(number), style="Heading 1")
        for page in (page for page in pages if page.goal == number):
            document.add_paragraph(page.lines[0], style="Heading 2")
            for line in page.lines[1:]:
                document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(determinism.normalise_zip(buffer.getvalue()))


def write_pdf(pages: list[Page], path: Path) -> None:
    regular, bold = pdf_style.register_fonts()
    cover = ParagraphStyle("cover", fontName=bold, fontSize=18, leading=23, spaceAfter=14)
    goal = ParagraphStyle("goal", fontName=bold, fontSize=13, leading=17, spaceBefore=12)
    title = ParagraphStyle("title", fontName=bold, fontSize=12, leading=15, spaceBefore=10)
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, spaceAfter=3)
    story = [Paragraph(xml_escape(COVER), cover)]
    for number in range(len(GOALS)):
        story.append(Paragraph(xml_escape(goal_heading(number)), goal))
        for page in (page for page in pages if page.goal == number):
            story.append(Paragraph(xml_escape(page.lines[0]), title))
            story.extend(Paragraph(xml_escape(line), body) for line in page.lines[1:])
    SimpleDocTemplate(str(path), title=COVER, author="Periodic report team").build(story)


def shown(value: Any) -> str:
    return repr(value[:CUT] if isinstance(value, str) else value)


def paired(
    pages: list[Page], measures: list[dict[str, Any]], norm: Norm
) -> list[tuple[Page | None, dict[str, Any] | None]]:
    """The report's measures with the pages, in order: by title where they agree, by position
    between, so that one measure lost or split does not shift every one after it."""
    matcher = SequenceMatcher(
        None,
        [norm(page.gold["title"]) for page in pages],
        [norm(measure.get("title")) for measure in measures],
        autojunk=False,
    )
    pairs: list[tuple[Page | None, dict[str, Any] | None]] = []
    for _, page_from, page_to, measure_from, measure_to in matcher.get_opcodes():
        pairs += zip_longest(pages[page_from:page_to], measures[measure_from:measure_to])
    return pairs


def verdicts(
    gold: dict[str, Any], measure: dict[str, Any] | None, scorer: ModuleType
) -> dict[str, tuple[bool, str]]:
    """For each field the page shows: whether the measure has it right, and what it has."""
    known = [name for name, field in FIELDS.items() if field not in (gold["unknown_fields"] or [])]
    if measure is None:  # a page with no measure of its own has no field right, not even a null
        return {name: (False, "no measure") for name in known}
    # The development set's own scorer decides (its text folding, agency parts, budget ±0.5).
    right = {name: fp == fn == 0 for name, _, fp, fn in scorer.score(gold, {"measures": [measure]})}
    found = {
        "title": measure.get("title"),
        "agency": measure.get("agency"),
        "budget_amount": (measure.get("budget") or {}).get("amount"),
    }
    return {name: (right[name], shown(found[name])) for name in known}


def compare(
    pages: list[Page], measures: list[dict[str, Any]], scorer: ModuleType
) -> tuple[dict[str, list[int]], list[str]]:
    """Right/total per field and every mismatch, page id and values only."""
    right = {name: [0, 0] for name in FIELDS}
    mismatches: list[str] = []
    if len(measures) != len(pages):
        mismatches.append(f"measures: expected {len(pages)}, got {len(measures)}")
    for page, measure in paired(pages, measures, scorer.norm):
        if page is None:
            mismatches.append(f"extra measure, title {shown((measure or {}).get('title'))}")
            continue
        for name, (ok, found) in verdicts(page.gold, measure, scorer).items():
            right[name][0] += ok
            right[name][1] += 1
            if not ok:
                mismatches.append(
                    f"{page.id} {name}: expected {shown(page.gold[name])}, got {found}"
                )
    return right, mismatches


def check_reports(pages: Path, gold_dir: Path, scorer: ModuleType) -> bool:
    """Print the whole-report table; True when both reports give exactly the pages' values."""
    chosen = select_pages(pages, gold_dir, scorer)
    print(f"\nWhole reports of real records: {len(chosen)} complete titled pages under 4 goals")
    print(f"{'format':6s} {'measures':>9s} {'titles':>7s} {'agencies':>9s} {'budgets':>8s}")
    mismatches: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt, write in (("docx", write_docx), ("pdf", write_pdf)):
            path = Path(folder) / f"test-party-2020.{fmt}"
            write(chosen, path)
            record = json.loads(record_json(extract_file(path)))
            right, found_mismatches = compare(chosen, record["measures"], scorer)
            counts = [f"{good}/{total}" for good, total in right.values()]
            print(
                f"{fmt.upper():6s} {len(record['measures']):>4d}/{len(chosen):<4d} {counts[0]:>7s} "
                f"{counts[1]:>9s} {counts[2]:>8s}"
            )
            mismatches += [f"  {fmt.upper()} {line}" for line in found_mismatches]
    for line in mismatches:
        print(line)
    print(f"whole-report check {'FAILED' if mismatches else 'PASSED'}")
    return not mismatches


if __name__ == "__main__":
    from devset import load_scorer  # the development set's scorer, loaded as devset.py loads it

    devset = ROOT.parent / "shared" / "devset"
    scorer = load_scorer(devset, "score_measures")
    check_reports(ROOT / ".devset" / "measures", devset / "measures-gold", scorer)
