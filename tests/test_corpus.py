"""samples/corpus.py: a seeded corpus is deterministic, has a truth per document, and qpr
extracts each of its documents exactly as its truth says (soft F1 1.0 on every field)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import pipeline
from flows import evaluate
from samples import corpus as samples_corpus

ROOT = Path(__file__).resolve().parents[1]
N = 12


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("corpus")
    names = samples_corpus.write_corpus(N, out, seed=2026)
    return out, names


def test_names_are_unique_and_each_document_has_a_truth(corpus):
    out, names = corpus
    assert len(set(names)) == N
    assert sorted(path.name for path in (out / "docs").iterdir()) == sorted(names)
    truths = sorted(path.name for path in (out / "truth").iterdir())
    assert truths == sorted(f"{name}.json" for name in names)
    assert names[0].startswith("c00000-")
    assert {Path(name).suffix for name in names} >= {".txt", ".docx", ".html", ".pdf"}


def test_same_seed_writes_the_same_bytes(corpus, tmp_path):
    out, names = corpus
    again = samples_corpus.write_corpus(N, tmp_path, seed=2026)
    assert again == names
    assert digests(tmp_path) == digests(out)


def test_a_smaller_corpus_is_a_prefix_and_another_seed_differs(corpus, tmp_path):
    out, names = corpus
    assert samples_corpus.write_corpus(3, tmp_path / "small", seed=2026) == names[:3]
    assert samples_corpus.write_corpus(3, tmp_path / "other", seed=7) != names[:3]


def test_extraction_matches_the_truth_of_every_document(corpus):
    out, names = corpus
    for name in names:
        truth_path = out / "truth" / f"{name}.json"
        gold = evaluate.read_document(
            json.loads(truth_path.read_text(encoding="utf-8")), truth_path
        )
        record = pipeline.extract_file(out / "docs" / name)
        predicted = evaluate.read_document(json.loads(record.model_dump_json()), out / name)
        assert predicted.name == gold.name == name
        score = evaluate.score_record(gold, predicted)
        assert score.predicted_measures == score.gold_measures, name
        wrong = {
            field: counts["soft"]
            for field, counts in score.fields.items()
            if counts["soft"].fp or counts["soft"].fn
        }
        assert not wrong, (name, wrong)
        assert not (score.partners["soft"].fp or score.partners["soft"].fn), name
        assert score.budget_correct == score.budget_total, name


def test_a_whole_report_of_the_corpus_matches_its_truth(tmp_path):
    index = next(i for i in range(1000) if samples_corpus.is_whole_report(2026, i))
    name = samples_corpus.write_document(2026, index, 5, tmp_path, tmp_path)
    assert "-r" in name
    truth_path = tmp_path / f"{name}.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert truth["report"]["party"] and len(truth["measures"]) >= 3
    gold = evaluate.read_document(truth, truth_path)
    record = pipeline.extract_file(tmp_path / name)
    predicted = evaluate.read_document(json.loads(record.model_dump_json()), tmp_path / name)
    score = evaluate.score_record(gold, predicted)
    assert score.all_right, name
