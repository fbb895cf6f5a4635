"""The intake service's submissions (flows/submissions.py): kept durably before they are
acknowledged; the same bytes from the same Party one submission, from another Party another
that reveals nothing; a new version supersedes the old; bad uploads write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.submissions import (
    SubmissionError,
    accept,
    load,
    submissions,
    upload_path,
    withdrawn_inputs,
)

SEED = Path(__file__).resolve().parents[2] / "samples" / "azerbaijan-civil-society-consultation.txt"


def test_the_same_file_from_the_same_party_is_one_submission(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    first, new = accept(tmp_path, "AZE", SEED.name, data)
    again, new_again = accept(tmp_path, "AZE", "renamed.txt", data)
    assert (new, new_again) == (True, False)
    assert again == first
    assert upload_path(tmp_path, first).read_bytes() == data
    assert load(tmp_path, first.id) == first


def test_the_same_file_from_another_party_is_its_own_submission(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    ours, _ = accept(tmp_path, "AZE", SEED.name, data)
    theirs, new = accept(tmp_path, "KEN", SEED.name, data)
    assert new and theirs.id != ours.id and theirs.party == "KEN"
    assert [s.id for s in submissions(tmp_path, "KEN")] == [theirs.id]
    assert len(list((tmp_path / "uploads").iterdir())) == 1  # the bytes are kept once


def test_a_new_version_supersedes_the_old_one_of_the_same_party(tmp_path: Path) -> None:
    old, _ = accept(tmp_path, "AZE", "report.txt", b"first version")
    new, _ = accept(tmp_path, "AZE", "report.txt", b"second version", replaces=old.id)
    assert new.replaces == old.id
    assert getattr(load(tmp_path, old.id), "superseded_by", None) == new.id
    with pytest.raises(SubmissionError, match="no submission"):
        accept(tmp_path, "KEN", "report.txt", b"third", replaces=new.id)


def test_a_version_sent_before_still_supersedes_the_one_it_replaces(tmp_path: Path) -> None:
    final, _ = accept(tmp_path, "AZE", "final.txt", b"final version")
    draft, _ = accept(tmp_path, "AZE", "draft.txt", b"draft version")
    again, new = accept(tmp_path, "AZE", "final.txt", b"final version", replaces=draft.id)
    assert (again.id, new) == (final.id, False)
    assert getattr(load(tmp_path, draft.id), "superseded_by", None) == final.id
    assert withdrawn_inputs(tmp_path) == {draft.sha256}


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("../../etc/passwd", b"x", "holds a path"),
        ("C:\\\\reports\\\\r.txt", b"x", "holds a path"),
        ("", b"x", "no file name"),
        ("empty.txt", b"", "is empty"),
    ],
)
def test_an_upload_that_cannot_be_accepted_writes_nothing(
    tmp_path: Path, name: str, data: bytes, said: str
) -> None:
    with pytest.raises(SubmissionError, match=said):
        accept(tmp_path, "AZE", name, data)
    assert not any(tmp_path.iterdir())


def test_an_upload_and_its_submission_are_flushed_to_disk_before_accept_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import flows.atomic_files

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(flows.atomic_files.os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    accept(tmp_path, "AZE", SEED.name, SEED.read_bytes())
    assert len(synced) == 4  # the upload and the submission, each file then its folder
