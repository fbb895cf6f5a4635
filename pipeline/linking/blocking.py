"""Which measures are compared: those of one Party (or of an unknown one) sharing one of their
rarest words. A measure's rarest words in its Party name its programme ("Ubuntu", "FONCA",
"reading", "residencies") rather than the form's wording, so the pairs compared grow with the
number of measures, not its square."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from pipeline.linking.items import LinkItem
from pipeline.linking.text import settings

_UNKNOWN = ""
_ANYWHERE = "*"  # the block of a word in every Party, for measures of no known Party


def candidate_pairs(
    items: Sequence[LinkItem], vocabulary: Sequence[frozenset[str]]
) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of indexes into `items` of two documents worth comparing, sorted;
    `vocabulary`: each item's words that may block it."""
    limits = settings()["blocking"]
    rare, most = int(limits["rare_tokens"]), int(limits["candidates"])
    parties = [item.party or _UNKNOWN for item in items]
    in_party: dict[str, Counter[str]] = defaultdict(Counter)
    anywhere: Counter[str] = Counter()
    for party, tokens in zip(parties, vocabulary, strict=True):
        in_party[party].update(tokens)
        anywhere.update(tokens)
    # Each measure's rarest words in its Party; anywhere, for a measure of no known Party.
    keys = [
        _rarest(tokens, anywhere if not party else in_party[party], rare)
        for party, tokens in zip(parties, vocabulary, strict=True)
    ]
    wanted = {token for found in keys for token in found}
    wanted_anywhere = {
        token for party, found in zip(parties, keys, strict=True) if not party for token in found
    }
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, (party, tokens) in enumerate(zip(parties, vocabulary, strict=True)):
        for token in tokens & wanted:
            holders[(party, token)].append(index)
        for token in tokens & wanted_anywhere:
            holders[(_ANYWHERE, token)].append(index)
    pairs: set[tuple[int, int]] = set()
    limit = int(limits["block_limit"])
    for index, (party, found) in enumerate(zip(parties, keys, strict=True)):
        shared: Counter[int] = Counter()
        for token in found:
            # A measure of a known Party meets its Party's and those of no known Party.
            blocks = [(party, token), (_UNKNOWN, token)] if party else [(_ANYWHERE, token)]
            for block in blocks:
                members = holders.get(block, ())
                if len(members) <= limit:
                    shared.update(members)
        shared.pop(index, None)
        document = items[index].document
        best = sorted(
            (pair for pair in shared.items() if items[pair[0]].document != document),
            key=lambda pair: (-pair[1], items[pair[0]].measure_id),
        )
        for other, _ in best[:most]:
            pairs.add((min(index, other), max(index, other)))
    return sorted(pairs)


def _rarest(tokens: frozenset[str], counts: Counter[str], rare: int) -> list[str]:
    """The measure's `rare` rarest words that another measure holds too (a word of its own
    alone pairs it with nothing)."""
    shared = (token for token in tokens if counts[token] > 1)
    return sorted(shared, key=lambda token: (counts[token], token))[:rare]
