"""Write a seeded corpus of N documents with their gold, for accuracy and speed benchmarks.

    .venv/bin/python -m samples.corpus --n 1000 --out DIR [--seed 2026]

DIR/docs/<name> holds the documents and DIR/truth/<name>.json the truth of each, in the shape
of samples/reports/truth/ (`qpr evaluate PRED DIR/truth` reads it). Most documents are one
measure of the 2020+ form (TXT as the platform exports it, DOCX, HTML, reportlab PDF), composed
by samples.generator's data model from the fragments of samples/data/; about 2% are
whole reports from samples.generator (the kinds that need no LibreOffice). Document i depends only on
(seed, i), so a smaller corpus is a prefix of a larger one, and two runs write the same bytes.
Documents are written one at a time: memory stays flat whatever N is.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path
from random import Random
from typing import Any

from samples.generator import data
from samples.generator.build import compose_measure_2020
from samples.generator.cli import DEFAULT_SEED
from samples.generator.compose import Composer
from samples.generator.html_writer import HtmlWriter
from samples.generator.layouts import DocxReportWriter, write_measure_2020
from samples.generator.model import Measure, Partner, Report, measure_truth, report_truth
from samples.generator.platform_pdf import PlatformPdfWriter
from samples.generator.reports import KINDS, build_report
from samples.generator.reports import write_document as write_report
from samples.generator.text_writer import TextWriter

REPORT_SHARE = 0.02
# Single-measure formats and their weights.
FORMATS = (("txt", 40), ("docx", 25), ("html", 20), ("pdf", 15))
# (label language, content language, weight): English and French platform pages, Spanish
# content under the English labels, English content under the French labels.
LANGUAGES = (("en", "en", 50), ("fr", "fr", 30), ("en", "es", 10), ("fr", "en", 10))
PARTIES_BY_LANG = {
    "en": ("kenya", "india", "namibia", "barbados"),
    "fr": ("madagascar", "burkina-faso"),
    "es": ("ecuador",),
}
# Whole reports that generate.py writes without LibreOffice: (kind, format, parties).
REPORT_KINDS = (
    ("2020-en", "docx", ("kenya", "india", "namibia")),
    ("2020-fr", "docx", ("madagascar", "burkina-faso")),
    ("2020-fr", "pdf", ("madagascar", "burkina-faso")),
    ("2016-chapters", "docx", ("namibia", "kenya")),
    ("2012-form", "pdf", ("barbados",)),
    ("own-layout", "docx", ("ecuador",)),
)
PERIOD = (2020, 2023)


# --------------------------------------------------------------------------- writers


def measure_writer(fmt: str, title: str, lang: str) -> Any:
    if fmt == "txt":
        return TextWriter()
    if fmt == "html":
        return HtmlWriter(title, lang)
    if fmt == "docx":
        return DocxReportWriter(title)
    return PlatformPdfWriter(title)


# --------------------------------------------------------------------------- documents


def weighted(rng: Random, choices: tuple[tuple[Any, ...], ...]) -> tuple[Any, ...]:
    return rng.choices(choices, weights=[choice[-1] for choice in choices])[0]


def single_measure(rng: Random, party: data.PartyData, label_lang: str, content_lang: str):
    """One 2020+ measure as a page shows it: no goal/area headings above it (its goals and areas
    are its own blocks) and a Where line or a country line, so its country is written."""
    composer = Composer(rng, party, PERIOD)
    themes = data.POOLS[content_lang]["themes"]
    cso_themes = data.POOLS[content_lang]["cso_themes"]
    cso = bool(cso_themes) and rng.random() < 0.1
    theme = rng.choice(cso_themes if cso else themes)
    budget_key = "2020-es" if content_lang == "es" else f"2020-{label_lang}"
    partner_types = label_lang
    if label_lang == "fr" and rng.random() < 0.3:
        partner_types = "fr-offline"
    measure = compose_measure_2020(
        composer,
        theme,
        content_lang,
        budget_key,
        cso=cso,
        length="long" if rng.random() < 0.2 else "normal",
        partner_types=partner_types,
        label_lang=label_lang,
    )
    ident = measure.ident if measure.ident != "lines" else "country"
    return replace(
        measure,
        heading_goal=None,
        heading_area=None,
        ident=ident,
        year=measure.year if ident == "www" else None,
    )


def readable_flat_partners(partners: tuple[Partner, ...]) -> tuple[Partner, ...]:
    """Flattened partners lose the row boundaries: a row with no type followed by a row with no
    name reads as one row (`name`, `type`). Such pairs are swapped, so the text says what the
    truth says (a lone type line, then a lone name line)."""
    rows = list(partners)
    for index in range(len(rows) - 1):
        if rows[index].type_text is None and rows[index + 1].name is None:
            rows[index], rows[index + 1] = rows[index + 1], rows[index]
    return tuple(rows)


def measure_report(party: data.PartyData, lang: str, measure: Measure, seed: int):
    """The Report that generate's writers and truth functions take, holding one measure."""
    return Report(
        kind="measure",
        seed=seed,
        party=party,
        lang=lang,
        title=measure.title,
        period=PERIOD,
        year=None,
        contact_style="lines",
        consultation=(),
        summary=(),
        measures=[measure],
    )


def write_json(path: Path, truth: dict[str, Any]) -> None:
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_single(rng: Random, seed: int, index: int, prefix: str, docs: Path, truth: Path) -> str:
    fmt = weighted(rng, FORMATS)[0]
    label_lang, content_lang, _ = weighted(rng, LANGUAGES)
    party = data.PARTIES[rng.choice(PARTIES_BY_LANG[content_lang])]
    measure = single_measure(rng, party, label_lang, content_lang)
    if fmt == "txt":
        measure = replace(measure, partners=readable_flat_partners(measure.partners))
    report = measure_report(party, label_lang, measure, seed)
    name = f"{prefix}-{content_lang}-{party.iso3.lower()}.{fmt}"
    writer = measure_writer(fmt, measure.title, label_lang)
    write_measure_2020(writer, measure, report)
    writer.save(docs / name)
    tools = {"txt": "text", "html": "html", "docx": "python-docx", "pdf": "reportlab"}
    gold = {
        "generator": {"kind": "measure", "seed": seed, "index": index, "tool": tools[fmt]},
        "report": None,  # a single measure has no report header: every report field is null
        "measures": [measure_truth(measure, party)],
    }
    write_json(truth / f"{name}.json", gold)
    return name


def write_whole(rng: Random, seed: int, index: int, prefix: str, docs: Path, truth: Path) -> str:
    kind, fmt, parties = rng.choice(REPORT_KINDS)
    party = data.PARTIES[rng.choice(parties)]
    spec = KINDS[kind]
    count = rng.randint(max(3, spec.measures - 3), spec.measures + 4)
    cso = min(spec.civil_society, 1 + rng.randrange(2)) if spec.civil_society else 0
    report = build_report(kind, seed * 100_000 + index, party, count, cso)
    name = f"{prefix}-r{kind}-{party.iso3.lower()}.{fmt}"
    tool = write_report(report, docs / name, fmt)
    gold = report_truth(report, tool)
    gold["generator"]["index"] = index
    write_json(truth / f"{name}.json", gold)
    return name


def write_document(seed: int, index: int, width: int, docs: Path, truth: Path) -> str:
    """Document `index` of the corpus of `seed` (independent of the corpus size)."""
    rng = Random(f"{seed}/corpus/{index}")
    prefix = f"c{index:0{width}d}"
    if rng.random() < REPORT_SHARE:
        return write_whole(rng, seed, index, prefix, docs, truth)
    return write_single(rng, seed, index, prefix, docs, truth)


def is_whole_report(seed: int, index: int) -> bool:
    """Whether document `index` of the corpus of `seed` is a whole report."""
    return Random(f"{seed}/corpus/{index}").random() < REPORT_SHARE


def write_corpus(n: int, out: Path, seed: int = DEFAULT_SEED) -> list[str]:
    """Write n documents into out/docs and their truth into out/truth; returns the names."""
    docs, truth = out / "docs", out / "truth"
    docs.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(n - 1)))
    return [write_document(seed, index, width, docs, truth) for index in range(n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of documents")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    names = write_corpus(args.n, args.out, args.seed)
    seconds = time.perf_counter() - started
    counts: dict[str, int] = {}
    for name in names:
        key = Path(name).suffix[1:] + (" (report)" if "-r20" in name or "-rown" in name else "")
        counts[key] = counts.get(key, 0) + 1
    summary = ", ".join(f"{count} {key}" for key, count in sorted(counts.items()))
    print(f"wrote {len(names)} documents into {args.out} in {seconds:.1f} s: {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
