"""Links across cycles and copies (README, "Researchers"): measures that are the same policy — the same
measure shown in several interface languages or renderings, or the same programme reported again in
a later cycle, retitled, reworded, under a new agency name or with a new budget — grouped into
clusters with a stable id.

Blocking by Party and a rare token keeps the work near-linear (pipeline/linking/blocking.py);
rapidfuzz compares the candidate pairs (compare.py); the accepted links are merged into clusters,
copies first and then recurrences strongest first, never putting two measures of one document,
two of one cycle or two Parties together (link.py)."""

from __future__ import annotations

from pipeline.linking.items import Link, LinkItem, item_from_row
from pipeline.linking.link import link

__all__ = ["Link", "LinkItem", "item_from_row", "link"]
