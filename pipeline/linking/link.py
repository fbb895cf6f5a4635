"""Measures into clusters of the same policy: candidate pairs compared, accepted links merged
strongest first, and each cluster named by its earliest member."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.linking.blocking import candidate_pairs
from pipeline.linking.compare import Verdict, compare, prepare
from pipeline.linking.items import Link, LinkItem

_NO_CYCLE = 10_000  # sorts after every cycle


def link(items: Iterable[LinkItem]) -> list[Link]:
    """One Link per item, sorted by measure id; the same items give the same links in any order."""
    ordered = sorted(items, key=lambda item: item.measure_id)
    prepared = [prepare(item.title, item.agency, item.description) for item in ordered]
    edges: list[tuple[float, int, int, Verdict]] = []
    for i, j in candidate_pairs(ordered):
        a, b = ordered[i], ordered[j]
        if a.party and b.party and a.party != b.party:
            continue
        same_cycle = None if a.cycle is None or b.cycle is None else a.cycle == b.cycle
        verdict = compare(prepared[i], prepared[j], same_cycle)
        if verdict is not None:
            edges.append((verdict.score, i, j, verdict))
    edges.sort(key=lambda edge: (-edge[0], edge[1], edge[2]))
    clusters = _Clusters(ordered)
    kept = [edge for edge in edges if clusters.merge(edge[1], edge[2])]
    # Each member's strongest link inside its final cluster says why it is there.
    strongest: dict[int, tuple[int, Verdict]] = {}
    for _, i, j, verdict in kept:
        strongest.setdefault(i, (j, verdict))
        strongest.setdefault(j, (i, verdict))
    groups: dict[int, list[int]] = {}
    for index in range(len(ordered)):
        groups.setdefault(clusters.root(index), []).append(index)
    names = {
        root: min((ordered[m].cycle or _NO_CYCLE, ordered[m].measure_id) for m in members)[1]
        for root, members in groups.items()
    }
    links = []
    for index, item in enumerate(ordered):
        cluster = names[clusters.root(index)]
        if index in strongest:
            other, verdict = strongest[index]
            links.append(
                Link(
                    item.measure_id,
                    cluster,
                    verdict.score,
                    ordered[other].measure_id,
                    verdict.relation,
                    verdict.evidence,
                )
            )
        else:
            links.append(Link(item.measure_id, cluster, None, None, None, None))
    return links


class _Clusters:
    """Union-find over the items, each cluster knowing its documents and Parties: a cluster never
    holds two measures of one document (a report does not report one policy twice), nor two
    Parties (a measure of no known Party joins one Party's cluster at most)."""

    def __init__(self, items: list[LinkItem]) -> None:
        self._parent = list(range(len(items)))
        self._documents = [{item.document} for item in items]
        self._parties = [{item.party} - {None} for item in items]

    def root(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def merge(self, a: int, b: int) -> bool:
        """Join the clusters of a and b; False when they are one already or share a document."""
        a, b = self.root(a), self.root(b)
        if a == b or self._documents[a] & self._documents[b]:
            return False
        if len(self._parties[a] | self._parties[b]) > 1:
            return False
        if len(self._documents[a]) < len(self._documents[b]):
            a, b = b, a
        self._parent[b] = a
        self._documents[a] |= self._documents[b]
        self._parties[a] |= self._parties[b]
        self._documents[b], self._parties[b] = set(), set()
        return True
