"""Review pages in a batch and from the command (issue #16 item 1): ingest keeps each text and
writes each page and the index, with records unchanged; `qpr review` writes pages for report
files, and rebuilds a batch folder's from its records and texts once the inputs are gone."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from commands import no_traceback, qpr

from flows.cli import main
from flows.store import BatchStore
from pipeline import extract_file, record_json

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = SAMPLES / "azerbaijan-civil-society-consultation.txt"
PDF = SAMPLES / "jamaica-music-heritage-digitisation.pdf"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.usefixtures("prefect_api")
def test_ingest_keeps_each_text_and_writes_its_page_with_records_unchanged(
    tmp_path: Path,
) -> None:
    from flows.ingest import run_ingest

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in (SEED, PDF):
        shutil.copy(path, inbox / path.name)
    out = tmp_path / "out"
    run_ingest([inbox], out)
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    for path in (SEED, PDF):
        digest = sha256(path)
        expected = extract_file(path, include_text=True)
        assert (out / "texts" / f"{digest}.txt").read_text(encoding="utf-8") == expected.text
        pages = out / "texts" / f"{digest}.pages.json"
        assert (json.loads(pages.read_text()) if pages.exists() else None) == expected.text_pages
        record = (out / "records" / f"{digest}.json").read_text(encoding="utf-8")
        assert record == record_json(extract_file(path)) + "\n"
        page = (out / "review" / f"{digest}.html").read_text(encoding="utf-8")
        assert 'content="qpr review ' in page and 'id="no-text"' not in page
        assert f'href="{digest}.html"' in index
    # A page gone (a batch older than its pages), or made by an older version of the pages, is
    # made again by the next run, from its text.
    seed_page, pdf_page = (out / "review" / f"{sha256(path)}.html" for path in (SEED, PDF))
    before = seed_page.read_bytes(), pdf_page.read_bytes()
    seed_page.unlink()
    pdf_page.write_bytes(before[1].replace(b'content="qpr review ', b'content="qpr review 0', 1))
    run_ingest([inbox], out)
    assert (seed_page.read_bytes(), pdf_page.read_bytes()) == before


def a_batch_folder(root: Path) -> tuple[str, str]:
    """A batch folder holding the seed's record with its text, and the PDF's record without
    (a batch made before texts were kept); their inputs are not there."""
    store = BatchStore(root)
    store.write_manifest({}, "test")
    kept, lost = sha256(SEED), sha256(PDF)
    record = extract_file(SEED, include_text=True)
    store.review.write(kept, record.text, None)
    store.write_record(kept, record_json(record.model_copy(update={"text": None})))
    store.write_record(lost, record_json(extract_file(PDF)))
    return kept, lost


def test_review_rebuilds_a_batch_folders_pages_from_its_records_and_texts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    kept, lost = a_batch_folder(out)
    code, printed, err = run(capsys, "review", str(out))
    assert code == 0, err
    assert "2 page(s) written" in printed
    with_text = (out / "review" / f"{kept}.html").read_text(encoding="utf-8")
    without = (out / "review" / f"{lost}.html").read_text(encoding="utf-8")
    assert ">65 000</mark>" in with_text
    assert 'id="no-text"' in without and 'data-field="report:party"' in without
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    assert f'href="{kept}.html"' in index and f'href="{lost}.html"' in index
    # Elsewhere with --out, the same pages.
    code, _, err = run(capsys, "review", str(out), "--out", str(tmp_path / "copy"))
    assert code == 0, err
    assert (tmp_path / "copy" / f"{kept}.html").read_text(encoding="utf-8") == with_text


def test_review_writes_a_page_per_file_and_their_index(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    twin = tmp_path / "other" / SEED.name  # the same name from another folder
    twin.parent.mkdir()
    twin.write_bytes(SEED.read_bytes().replace(b"65 000", b"70 000"))
    out = tmp_path / "pages"
    code, printed, err = run(capsys, "review", str(SEED), str(twin), "--out", str(out))
    assert code == 0, err
    names = sorted(path.name for path in out.iterdir())
    assert names == sorted(
        ["index.html", f"{SEED.name}.html", f"{SEED.name}-{sha256(twin)[:12]}.html"]
    )
    assert ">70 000</mark>" in (out / f"{SEED.name}-{sha256(twin)[:12]}.html").read_text("utf-8")
    assert printed.count(" -> ") == 2


@pytest.mark.parametrize(
    "arguments, sentence",
    [
        (["{seed}", "{folder}"], "not both"),
        (["{folder}"], "not a qpr batch folder"),
        (["{folder}/gone.pdf"], "cannot read the file"),
    ],
)
def test_review_refuses_what_it_cannot_review_in_one_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: list[str], sentence: str
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    given = [item.format(seed=SEED, folder=folder) for item in arguments]
    code, _, err = run(capsys, "review", *given, "--out", str(tmp_path / "pages"))
    assert code == 2
    assert sentence in err and len(err.strip().splitlines()) == 1


def test_the_review_command_as_a_shell_runs_it(tmp_path: Path) -> None:
    out = tmp_path / "batch"
    kept, _ = a_batch_folder(out)
    code, printed, err = qpr("review", str(out))
    no_traceback(err)
    assert code == 0 and (out / "review" / f"{kept}.html").exists()
    code, printed, err = qpr("review", str(PDF), "--out", str(tmp_path / "pages"))
    no_traceback(err)
    assert code == 0 and (tmp_path / "pages" / f"{PDF.name}.html").exists()
