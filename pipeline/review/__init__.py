"""Review pages (issue #16): one self-contained HTML page per record, showing each value at its
place in the document's text, and an index of the pages. Pure: records and texts in, HTML
text out; flows/review_pages.py writes them."""

from __future__ import annotations

from pipeline.review.assets import generator
from pipeline.review.index import IndexEntry, index_entry, review_index
from pipeline.review.page import checked_post_to, review_page

__all__ = [
    "IndexEntry",
    "checked_post_to",
    "generator",
    "index_entry",
    "review_index",
    "review_page",
]
