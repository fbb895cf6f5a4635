"""A batch folder's review pages (the README's "Review"): each record's normalised text in
`texts/<sha256>.txt`, its page in `review/<sha256>.html`, and `review/index.html` listing them.

The text is kept so that pages can be rebuilt once the inputs are gone. A text and its page are
written before their record, as quarantine is: a record on disk is what makes a rerun skip its
input, so a run stopped in between redoes all three. A page that cannot be made is logged and
left out; it never costs a record.

A record with reviewers' corrections (corrections/<sha256>.jsonl) gets its page with the
corrected view, remade by every index write (a run's end, `qpr review`, `qpr correct`), since a
page written during extraction knows nothing of them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from flows.atomic_files import remove_leftover_temporaries, write_text
from flows.corrections_store import stored_corrections
from pipeline.completeness import missing_items
from pipeline.corrections import CorrectedView, corrected_view
from pipeline.review import (
    IndexEntry,
    checked_post_to,
    generator,
    index_entry,
    review_index,
    review_page,
)
from schemas import ReportRecord

log = logging.getLogger(__name__)

TEXTS = "texts"
REVIEW = "review"
INDEX = "index.html"
# The same title in every batch folder: two folders of the same records hold the same bytes.
INDEX_TITLE = "qpr review"
# Where a page names the version of the code that made it (its generator <meta>).
_PAGE_HEAD = 512


def render_page(
    record: ReportRecord,
    text: str | None,
    view: CorrectedView | None = None,
    pages: list[int] | None = None,
    *,
    post_to: str | None = None,
) -> str | None:
    """The record's review page, with its corrected `view` if it has corrections and the
    offsets where its text's `pages` start (PDF), or None when making it failed (logged).
    With `post_to`, the path of the service serving the page where its corrections are
    posted, the page can send them there; a `post_to` that is no such path is the caller's
    mistake, not the page's: ValueError."""
    if post_to is not None:
        checked_post_to(post_to)
    if pages is not None:
        record = record.model_copy(update={"text_pages": pages})
    try:
        missing = missing_items(view.record if view is not None else record)
        return review_page(record, text, missing, view, post_to=post_to)
    except Exception:  # a bug of the page must not cost the record, nor the chunk
        log.exception("the review page of %s could not be made", record.source.sha256)
        return None


def read_pages(path: Path) -> list[int] | None:
    """The page offsets kept beside a text (`<sha256>.pages.json`), None when there are none."""
    try:
        pages: list[int] = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return pages if isinstance(pages, list) else None


def read_text(path: Path) -> str | None:
    """A kept text as written (newline="": no line ending translated), None when missing."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            return file.read()
    except FileNotFoundError:
        return None


class ReviewFolder:
    """The kept texts and the review pages of one batch folder (or of `pages` elsewhere)."""

    def __init__(
        self, root: Path, pages: Path | None = None, corrections_root: Path | None = None
    ) -> None:
        """`corrections_root`: the batch folder whose corrections the pages show (`root`
        unless said)."""
        self.corrections_root = Path(corrections_root) if corrections_root else Path(root)
        self.texts = Path(root) / TEXTS
        self.pages = Path(pages) if pages is not None else Path(root) / REVIEW
        self.pages.mkdir(parents=True, exist_ok=True)
        remove_leftover_temporaries(self.pages)
        # Made when a text is first kept: rebuilding pages elsewhere writes nothing here.
        if self.texts.is_dir():
            remove_leftover_temporaries(self.texts)

    def text_path(self, sha256: str) -> Path:
        return self.texts / f"{sha256}.txt"

    def pages_path(self, sha256: str) -> Path:
        return self.texts / f"{sha256}.pages.json"

    def page_path(self, sha256: str) -> Path:
        return self.pages / f"{sha256}.html"

    def write(
        self, sha256: str, text: str | None, page: str | None, pages: list[int] | None = None
    ) -> None:
        """Keep a record's text (when it has one) and where its pages start (a PDF's), and
        write its page (when one was made)."""
        if text is not None:
            self.texts.mkdir(exist_ok=True)
            write_text(self.text_path(sha256), text)
        if pages is not None:
            write_text(self.pages_path(sha256), json.dumps(pages) + "\n")
        if page is not None:
            write_text(self.page_path(sha256), page)

    def kept_text(self, sha256: str) -> str | None:
        return read_text(self.text_path(sha256))

    def kept_pages(self, sha256: str) -> list[int] | None:
        return read_pages(self.pages_path(sha256))

    def write_index(self, record_files: Iterable[Path], rebuild: bool = False) -> int:
        """review/index.html over `record_files`; the page of a record that has none (a record
        of a batch older than its pages), or one that an older version of the pages made, or
        one with corrections, or every page with `rebuild`, is made on the way from its kept
        text. Records that do not validate are left out. The pages listed."""
        entries = []
        current = generator().encode("utf-8")
        for path in record_files:
            record = _record(path)
            if record is None:
                continue
            sha256 = record.source.sha256
            page = self.page_path(sha256)
            view = self.corrected(record)
            missing = missing_items(view.record if view is not None else record)
            if rebuild or view is not None or current not in _head(page):
                text, pages = self.kept_text(sha256), self.kept_pages(sha256)
                self.write(sha256, None, render_page(record, text, view, pages))
            state = view.review_state.value if view is not None else "unreviewed"
            name = page.name if page.exists() else None
            entries.append(index_entry(record, missing, name, state))
        self.write_entries(entries)
        return len(entries)

    def corrected(self, record: ReportRecord) -> CorrectedView | None:
        """The record's corrected view, None when it has no corrections."""
        stored = stored_corrections(self.corrections_root, record.source.sha256)
        return corrected_view(record, stored) if stored else None

    def write_entries(self, entries: list[IndexEntry]) -> None:
        write_text(self.pages / INDEX, review_index(entries, INDEX_TITLE))


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(_PAGE_HEAD)
    except FileNotFoundError:
        return b""


def _record(path: Path) -> ReportRecord | None:
    try:
        return ReportRecord.model_validate_json(path.read_bytes())
    except (OSError, ValueError) as error:
        log.warning("record %s left out of the review index: %s", path.name, error)
        return None
