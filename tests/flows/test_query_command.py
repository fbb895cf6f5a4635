"""`qpr query`: the README's five questions answered on a real batch, each checked against the
same figures computed here from the records without SQL; only SELECTs, never a write to the
batch, contact details only on request, and beside a command holding the batch."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from flows.cli import main
from flows.out_folder import batch_lock
from flows.store import BatchStore
from pipeline import extract_file, record_json
from pipeline.version import extractor_version
from schemas import ReportRecord

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
INPUTS = [
    SAMPLES / "reports" / "kenya-2020-en.docx",
    SAMPLES / "reports" / "barbados-2012-form.pdf",
    SAMPLES / "reports" / "namibia-2016-chapters.docx",
    *sorted(SAMPLES.glob("*.txt"))[:8],
    SAMPLES / "mexico-radio-lenguas-indigenas.html",
]


def _questions() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- questions:")[1].split("<!-- end of questions -->")[0]
    return [" ".join(query.split()) for query in re.findall(r"```sql\n(.*?)```", block, re.S)]


def _earlier_cycle(record: ReportRecord, year: int) -> ReportRecord:
    """The record as if its Party had reported the same programmes in an earlier report."""
    data = json.loads(record_json(record))
    sha256 = hashlib.sha256(f"{record.source.sha256} in {year}".encode()).hexdigest()
    data["source"]["sha256"], data["source"]["filename"] = sha256, f"earlier-{year}.docx"
    data["report"]["year"] = year
    data["report"]["period"] = None
    for measure in data["measures"]:
        measure["measure_id"] = f"{sha256[:16]}-{measure['index']}"
    return ReportRecord.model_validate(data)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("query") / "batch"
    store = BatchStore(root, include_contact=True)
    records = [extract_file(path) for path in INPUTS]
    kenya = records[0]
    records.append(_earlier_cycle(kenya, 2017))
    for record in records:
        store.write_record(record.source.sha256, record_json(record))
    store.write_manifest(
        {record.source.sha256: [record.source.filename] for record in records},
        extractor_version(),
    )
    store.rebuild_dataset()
    return root


def _records(batch: Path) -> list[ReportRecord]:
    return [
        ReportRecord.model_validate_json(path.read_bytes())
        for path in sorted((batch / "records").glob("*.json"))
    ]


def _cycle(record: ReportRecord) -> int | None:
    """design.md's rule, written again here: the latest cycle not after the report's year."""
    report = record.report
    year = report.year or (report.period.end + 1 if report.period and report.period.end else None)
    return max((c for c in (2012, 2016, 2020, 2024) if year and c <= year), default=None)


def _party(record: ReportRecord, measure: Any) -> str | None:
    if record.report.party:
        return record.report.party.iso3
    return measure.country.iso3 if measure.country else None


def _ask(capsys: pytest.CaptureFixture[str], batch: Path, *arguments: str) -> Any:
    capsys.readouterr()
    assert main(["query", str(batch), *arguments, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _pairs(rows: list[dict[str, Any]], key: tuple[str, ...], values: tuple[str, ...]) -> dict:
    return {tuple(row[k] for k in key): tuple(row[v] for v in values) for row in rows}


def test_the_readme_gives_five_questions() -> None:
    assert len(_questions()) == 5


def test_budget_by_goal_and_cycle_in_one_currency(capsys, batch: Path) -> None:
    expected: dict[tuple, list] = defaultdict(lambda: [0, 0.0])
    for record in _records(batch):
        for measure in record.measures:
            budget = measure.budget
            if budget.currency != "USD" or budget.amount is None:
                continue
            for goal in measure.goals:
                total = expected[(goal.code.value, _cycle(record))]
                total[0] += 1
                total[1] += budget.amount
    assert expected, "the batch must hold measures with a budget in USD"
    rows = _ask(capsys, batch, _questions()[0])
    assert _pairs(rows, ("goal", "cycle"), ("measures", "usd")) == {
        key: (count, pytest.approx(total)) for key, (count, total) in expected.items()
    }


def test_partners_by_entity_type_per_party(capsys, batch: Path) -> None:
    expected: Counter[tuple] = Counter()
    for record in _records(batch):
        for measure in record.measures:
            for partner in measure.partners:
                kind = partner.entity_type.value if partner.entity_type else None
                expected[(_party(record, measure), kind)] += 1
    rows = _ask(capsys, batch, _questions()[1])
    assert _pairs(rows, ("party", "entity_type"), ("partners",)) == {
        key: (count,) for key, count in expected.items()
    }
    assert len({row["party"] for row in rows}) >= 5


def test_measures_per_domain_and_cycle_from_the_form(capsys, batch: Path) -> None:
    found: dict[tuple, set[str]] = defaultdict(set)
    inferred = 0
    for record in _records(batch):
        for measure in record.measures:
            for domain in measure.cultural_domains:
                if domain.source.value == "inferred":
                    inferred += 1
                    continue
                found[(domain.code.value, _cycle(record))].add(measure.measure_id)
    rows = _ask(capsys, batch, _questions()[2])
    assert _pairs(rows, ("domain", "cycle"), ("measures",)) == {
        key: (len(ids),) for key, ids in found.items()
    }
    assert {cycle for _, cycle in found} >= {2016, 2024}
    assert inferred, "the batch must hold inferred domains for the filter to be tested"


def test_programmes_reported_in_two_cycles(capsys, batch: Path) -> None:
    records = {record.source.filename: record for record in _records(batch)}
    now, earlier = records["kenya-2020-en.docx"], records["earlier-2017.docx"]
    rows = _ask(capsys, batch, _questions()[3])
    # Each of Kenya's programmes, reported in the 2016 cycle and again in the 2024 one.
    assert len(now.measures) >= 5
    assert {row["cluster_id"] for row in rows} == {m.measure_id for m in earlier.measures}
    assert {tuple(row["cycles"]) for row in rows} == {(2016, 2024)}
    assert sorted(title for row in rows for title in row["titles"]) == sorted(
        m.title for m in now.measures
    )


def test_organisations_most_named(capsys, batch: Path) -> None:
    measures: dict[str, set[str]] = defaultdict(set)
    parties: dict[str, set[str]] = defaultdict(set)
    for record in _records(batch):
        for measure in record.measures:
            for entity in measure.entities:
                if entity.label == "ORG":
                    measures[entity.text].add(measure.measure_id)
                    if party := _party(record, measure):
                        parties[entity.text].add(party)
    ranked = sorted(measures, key=lambda text: (-len(measures[text]), text))[:20]
    rows = _ask(capsys, batch, _questions()[4])
    assert [(r["organisation"], r["measures"], r["parties"]) for r in rows] == [
        (text, len(measures[text]), len(parties[text])) for text in ranked
    ]


def _files(batch: Path) -> dict[str, bytes]:
    return {str(p.relative_to(batch)): p.read_bytes() for p in batch.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "sql",
    [
        "COPY measures TO '{batch}/stolen.csv'",
        "CREATE TABLE t AS SELECT 1",
        "SELECT 1; DROP VIEW measures",
        "ATTACH '{batch}/x.db'",
    ],
)
def test_only_a_select_and_the_batch_never_written(capsys, batch: Path, sql: str) -> None:
    before = _files(batch)
    assert main(["query", str(batch), sql.format(batch=batch)]) == 2
    assert "give one SELECT" in capsys.readouterr().err
    assert _files(batch) == before


def test_a_bad_query_is_a_sentence(capsys, batch: Path) -> None:
    assert main(["query", str(batch), "SELECT nothing FROM measures"]) == 2
    err = capsys.readouterr().err
    assert "the query failed" in err and "nothing" in err and "Traceback" not in err


def test_contact_details_only_when_asked(capsys, batch: Path) -> None:
    # The batch was built with its contacts; the views still leave them out unless asked.
    assert main(["query", str(batch), "SELECT contact_email FROM measures"]) == 2
    assert main(["query", str(batch), "SELECT contact_email FROM reports"]) == 2
    capsys.readouterr()
    emails = {
        record.report.contact.email
        for record in _records(batch)
        if record.report.contact and record.report.contact.email
    }
    assert emails
    assert main(["query", str(batch), "SELECT * FROM contacts"]) == 2
    capsys.readouterr()
    for view in ("reports", "contacts"):
        asked = f"SELECT DISTINCT contact_email FROM {view} WHERE contact_email IS NOT NULL"
        rows = _ask(capsys, batch, asked, "--include-contact")
        assert {row["contact_email"] for row in rows} == emails
    kenya = (
        "SELECT DISTINCT contact_email FROM measures WHERE source_filename = 'kenya-2020-en.docx'"
    )
    (row,) = _ask(capsys, batch, kenya, "--include-contact")
    assert row["contact_email"] in emails


def test_outputs_csv_parquet_and_table(capsys, batch: Path, tmp_path: Path) -> None:
    sql = "SELECT measure_id, partner_names FROM measures ORDER BY measure_id"
    every = _ask(capsys, batch, sql)
    assert main(["query", str(batch), sql, "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "measure_id,partner_names" and len(lines) == len(every) + 1
    assert main(["query", str(batch), sql, "--parquet", str(tmp_path / "q.parquet")]) == 0
    assert pq.read_table(tmp_path / "q.parquet").to_pylist() == every
    assert main(["query", str(batch), sql, "--parquet", str(batch / "q.parquet")]) == 2
    assert not (batch / "q.parquet").exists()
    capsys.readouterr()
    assert main(["query", str(batch), "SELECT count(*) AS n FROM measures"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].strip() == "n" and table[2].strip() == str(len(every))
    assert table[-1] == "(1 row)"


def test_runs_while_another_command_holds_the_batch(capsys, batch: Path) -> None:
    with batch_lock(batch, "serve-api", service="http://127.0.0.1:8000"):
        rows = _ask(capsys, batch, "SELECT count(*) AS n FROM links")
    assert rows[0]["n"] == sum(1 for _ in open(batch / "dataset.jsonl", encoding="utf-8"))


def test_a_batch_before_linking_is_told_to_link(capsys, batch: Path, tmp_path: Path) -> None:
    import shutil

    old = tmp_path / "old"
    shutil.copytree(batch, old)
    shutil.rmtree(old / "tables")
    (old / "links.parquet").unlink()
    assert main(["query", str(old), "SELECT 1"]) == 2
    assert f"qpr link {old}" in capsys.readouterr().err
    assert main(["link", str(old)]) == 0
    assert "cluster(s)" in capsys.readouterr().out
    assert _ask(capsys, old, "SELECT count(*) AS n FROM reports") == [
        {"n": len(list((batch / "records").glob("*.json")))}
    ]
