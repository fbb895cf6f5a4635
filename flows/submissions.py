"""What Parties submit to the intake service (issue #17), kept in its batch folder before it is
acknowledged: the bytes once per content (`uploads/<sha256><suffix>`) and one
`submissions/<id>.json` per submission, each written whole and flushed to disk.

A submission's id comes from the Party and the bytes' hash: the same file from the same Party is
the same submission (not extracted twice); from another Party it is another submission, whose
id says nothing of the first. A Party may send a new version of its report (`replaces`): the old
submission is kept, marked superseded.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from flows.atomic_files import atomic_file, safe_suffix

UPLOADS, SUBMISSIONS = "uploads", "submissions"
_ID = re.compile(r"^[0-9a-f]{24}$")


class SubmissionError(ValueError):
    """An upload that cannot be accepted, said in a sentence (a 4xx for the service)."""


@dataclass(frozen=True, slots=True)
class Submission:
    id: str
    party: str
    sha256: str
    filename: str
    size_bytes: int
    replaces: str | None = None
    superseded_by: str | None = None


def submission_id(party: str, sha256: str) -> str:
    return hashlib.sha256(f"{party}\0{sha256}".encode()).hexdigest()[:24]


def accept(
    root: Path, party: str, filename: str, data: bytes, replaces: str | None = None
) -> tuple[Submission, bool]:
    """Keep an upload durably; the submission and whether it is new. Nothing is written for an
    upload that cannot be accepted."""
    name = _checked_name(filename)
    if not data:
        raise SubmissionError(f"'{name}' is empty")
    old = _replaced(root, party, replaces)
    sha256 = hashlib.sha256(data).hexdigest()
    submission = load(root, submission_id(party, sha256))
    new = submission is None
    if submission is None:
        upload = root / UPLOADS / f"{sha256}{safe_suffix(Path(name).suffix)}"
        if not upload.exists():
            _durable_write(upload, data)
        submission = Submission(
            submission_id(party, sha256), party, sha256, name, len(data), replaces
        )
        _save(root, submission)
    # After the new one is safe: a crash between leaves both current. A version sent before
    # (the same bytes again) supersedes the old one too.
    if old is not None and old.id != submission.id:
        _save(root, Submission(**{**asdict(old), "superseded_by": submission.id}))
    return submission, new


def load(root: Path, submission: str) -> Submission | None:
    if not _ID.match(submission):
        return None
    path = root / SUBMISSIONS / f"{submission}.json"
    try:
        return Submission(**json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


def submissions(root: Path, party: str | None = None) -> list[Submission]:
    """Every submission (of `party` only, when given), by id."""
    folder = root / SUBMISSIONS
    found = [load(root, path.stem) for path in sorted(folder.glob("*.json"))]
    return [item for item in found if item is not None and party in (None, item.party)]


def upload_path(root: Path, submission: Submission) -> Path:
    return next((root / UPLOADS).glob(f"{submission.sha256}*"))


def withdrawn_inputs(root: Path) -> set[str]:
    """The sha256s whose every submission was superseded by a newer version: their records are
    kept, but left out of the dataset. (Bytes also sent by someone else, not superseded, stay.)"""
    current: set[str] = set()
    superseded: set[str] = set()
    for item in submissions(root):
        (superseded if item.superseded_by else current).add(item.sha256)
    return superseded - current


def _checked_name(filename: str) -> str:
    name = filename.strip()
    if not name:
        raise SubmissionError("the upload has no file name")
    if "/" in name or "\\" in name or name in {".", ".."} or "\0" in name:
        raise SubmissionError(f"the file name '{name[:80]}' holds a path: send the name alone")
    return name


def _replaced(root: Path, party: str, replaces: str | None) -> Submission | None:
    if replaces is None:
        return None
    old = load(root, replaces)
    if old is None or old.party != party:  # another Party's submission is unknown to this one
        raise SubmissionError(f"no submission '{replaces}' of yours to replace")
    return old


def _save(root: Path, submission: Submission) -> None:
    text = json.dumps(asdict(submission), ensure_ascii=False, indent=2) + "\n"
    _durable_write(root / SUBMISSIONS / f"{submission.id}.json", text.encode("utf-8"))


def _durable_write(path: Path, data: bytes) -> None:
    """What was acknowledged survives a kill or a power cut: written whole, flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path, "wb", durable=True) as file:
        file.write(data)
