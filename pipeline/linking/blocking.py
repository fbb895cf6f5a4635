"""Which measures are compared: those of one Party (or of an unknown one) sharing one of their
rarest words. A measure's rarest words in its Party name its programme ("Ubuntu", "FONCA",
"reading", "residencies") rather than the form's wording, so the pairs compared grow with the
number of measures, not its square."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from operator import itemgetter

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
    documents = [item.document for item in items]
    for index, (party, found) in enumerate(zip(parties, keys, strict=True)):
        shared: Counter[int] = Counter()
        for token in found:
            # A measure of a known Party meets its Party's and those of no known Party.
            blocks = ((party, token), (_UNKNOWN, token)) if party else ((_ANYWHERE, token),)
            for block in blocks:
                members = holders.get(block)
                if members and len(members) <= limit:
                    shared.update(members)
        document = documents[index]
        # Those of other documents sharing most keys; among equals, the first met (a sort in C:
        # an item meets a few hundred others, a hundred thousand items tens of millions).
        taken = 0
        for other, _ in sorted(shared.items(), key=itemgetter(1), reverse=True):
            if documents[other] != document:
                pairs.add((index, other) if index < other else (other, index))
                taken += 1
                if taken == most:
                    break
    return sorted(pairs)


def _rarest(tokens: frozenset[str], counts: Counter[str], rare: int) -> list[str]:
    """The measure's `rare` rarest words that another measure holds too (a word of its own
    alone pairs it with nothing)."""
    ranked = sorted([(counts[token], token) for token in tokens])
    return [token for count, token in ranked if count > 1][:rare]
