"""Measures into clusters of the same policy: candidate pairs compared, accepted links merged
(copies first, then recurrences strongest first), and each cluster named by its earliest
member."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.linking.blocking import candidate_pairs
from pipeline.linking.compare import Prepared, Verdict, compare, prepare
from pipeline.linking.items import Link, LinkItem

_NO_CYCLE = 10_000  # sorts after every cycle


def link(items: Iterable[LinkItem]) -> list[Link]:
    """One Link per item, sorted by measure id; the same items give the same links in any order."""
    ordered = sorted(items, key=lambda item: item.measure_id)
    # Copies share their texts: each text is normalised once.
    known: dict[tuple[str | None, ...], Prepared] = {}
    prepared = [
        known.get(key) or known.setdefault(key, prepare(item))
        for item in ordered
        for key in [(item.title, item.agency, item.description)]
    ]
    edges: list[tuple[float, int, int, Verdict]] = []
    for i, j in candidate_pairs(ordered, [found.blocking for found in prepared]):
        a, b = ordered[i], ordered[j]
        if a.party and b.party and a.party != b.party:
            continue
        same_cycle = None if a.cycle is None or b.cycle is None else a.cycle == b.cycle
        verdict = compare(prepared[i], prepared[j], same_cycle)
        if verdict is not None:
            edges.append((verdict.score, i, j, verdict))
    # Copies first: they make the measures one cycle's report showed; then the programmes'
    # recurrences join those, strongest first.
    edges.sort(key=lambda edge: (edge[3].relation != "copy", -edge[0], edge[1], edge[2]))
    clusters = _Clusters(ordered)
    kept = [edge for edge in edges if clusters.merge(edge[1], edge[2], edge[3].relation)]
    # Each member's first link kept says why it is there: to a copy of it if it has one, else
    # its strongest recurrence.
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
    """Union-find over the items, each cluster knowing its documents, Parties and measures per
    cycle. A cluster never holds two measures of one document (a report does not report one
    policy twice), nor two Parties (a measure of no known Party joins one Party's cluster at
    most), nor two measures of one cycle but copies of one another (a cycle's report shows a
    programme once: two of its measures are two programmes)."""

    def __init__(self, items: list[LinkItem]) -> None:
        self._parent = list(range(len(items)))
        self._documents = [{item.document} for item in items]
        self._parties = [{item.party} - {None} for item in items]
        # Copies of one measure, as a union-find; per cluster, for each cycle known, a member of
        # that cycle (its copies' group is the cycle's measure).
        self._copies = list(range(len(items)))
        self._cycles = [
            {item.cycle: index} if item.cycle else {} for index, item in enumerate(items)
        ]

    def root(self, index: int) -> int:
        return _root(self._parent, index)

    def merge(self, a: int, b: int, relation: str) -> bool:
        """Join the clusters of a and b (a copy of one another, or a recurrence); False when
        they are one already or may not be."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb or self._documents[ra] & self._documents[rb]:
            return False
        if len(self._parties[ra] | self._parties[rb]) > 1:
            return False
        # The copies' groups that this link makes one: none for a recurrence.
        joined = {self._group(a), self._group(b)} if relation == "copy" else set()
        for cycle, member in self._cycles[rb].items():
            if cycle in self._cycles[ra]:
                groups = {self._group(member), self._group(self._cycles[ra][cycle])}
                if len(groups) > 1 and groups != joined:
                    return False
        if relation == "copy":
            self._copies[self._group(b)] = self._group(a)
        if len(self._documents[ra]) < len(self._documents[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._documents[ra] |= self._documents[rb]
        self._parties[ra] |= self._parties[rb]
        self._cycles[ra] = self._cycles[rb] | self._cycles[ra]
        self._documents[rb], self._parties[rb], self._cycles[rb] = set(), set(), {}
        return True

    def _group(self, index: int) -> int:
        return _root(self._copies, index)


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index
