"""Links across cycles and copies (pipeline/linking): the same measure in other renderings and
the same programme in a later cycle are one cluster; two programmes of one Party, two Parties and
two measures of one report never are; and the ids do not depend on the order of the input."""

from __future__ import annotations

import random
from dataclasses import replace

from pipeline.linking import LinkItem, link

FUND = LinkItem(
    measure_id="aaaa-0",
    document="a" * 64,
    party="KEN",
    cycle=2016,
    title="National Book Development Fund",
    agency="National Book Development Council",
    description=(
        "The fund gives grants to independent publishers and booksellers for publishing works by "
        "Kenyan authors in Kiswahili and English and placing them in bookshops and county "
        "libraries. Calls open twice a year and a jury of writers selects the projects."
    ),
    domains=("publishing",),
)
# The same fund four years later: retitled, reworded in part, its council renamed, a new budget.
FUND_2020 = replace(
    FUND,
    measure_id="bbbb-3",
    document="b" * 64,
    cycle=2020,
    title="Book Development Fund (second phase, 2020-2023)",
    agency="Kenya Book and Reading Council",
    description=(
        "The fund gives grants to independent publishers and booksellers for publishing works by "
        "Kenyan authors in Kiswahili, English and Sheng and placing them in bookshops and county "
        "libraries. Since 2021 it also pays for e-book editions."
    ),
)
# The 2016 fund as the platform's French interface shows it, with its title and Party lost.
FUND_COPY = replace(
    FUND, measure_id="cccc-0", document="c" * 64, title=None, party=None, cycle=None
)
# Another programme of the same Party, from the same vocabulary.
LIBRARIES = replace(
    FUND,
    measure_id="aaaa-1",
    title="County Libraries Digitisation Programme",
    agency="National Book Development Council",
    description=(
        "The programme digitises the collections of county libraries and trains librarians to "
        "run reading clubs for children; publishers give rights for out-of-print works."
    ),
)


def clusters(items: list[LinkItem]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for found in link(items):
        groups.setdefault(found.cluster_id, set()).add(found.measure_id)
    return {frozenset(group) for group in groups.values()}


def test_a_copy_and_a_later_cycle_are_one_policy() -> None:
    links = {found.measure_id: found for found in link([FUND, FUND_2020, FUND_COPY, LIBRARIES])}
    assert links["aaaa-0"].cluster_id == links["bbbb-3"].cluster_id == links["cccc-0"].cluster_id
    # Named by its earliest member, whatever the order or the copies.
    assert links["bbbb-3"].cluster_id == "aaaa-0"
    assert links["cccc-0"].relation == "copy" and "description 1.00" in links["cccc-0"].evidence
    assert links["bbbb-3"].relation == "recurrence"
    assert 0 < links["bbbb-3"].score <= 1
    assert links["aaaa-1"].cluster_id == "aaaa-1" and links["aaaa-1"].score is None


def test_two_programmes_of_one_party_stay_apart() -> None:
    assert clusters(
        [FUND, LIBRARIES, replace(LIBRARIES, measure_id="dddd-0", document="d" * 64, cycle=2020)]
    ) == {
        frozenset({"aaaa-0"}),
        frozenset({"aaaa-1", "dddd-0"}),
    }


def test_one_report_never_reports_one_policy_twice() -> None:
    twin = replace(FUND, measure_id="aaaa-7")  # the same text twice in one document
    assert clusters([FUND, twin]) == {frozenset({"aaaa-0"}), frozenset({"aaaa-7"})}


def test_two_parties_are_never_one_policy() -> None:
    # The same model programme in two Parties, and a copy of no known Party between them.
    uganda = replace(FUND, measure_id="eeee-0", document="e" * 64, party="UGA")
    found = clusters([FUND, uganda, FUND_COPY])
    assert frozenset({"aaaa-0", "eeee-0"}) not in found
    assert not any({"aaaa-0", "eeee-0"} <= group for group in found)


def test_the_same_measures_in_any_order_give_the_same_links() -> None:
    items = [FUND, FUND_2020, FUND_COPY, LIBRARIES]
    expected = link(items)
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert link(shuffled) == expected


def test_measures_without_text_are_left_alone() -> None:
    bare = LinkItem("ffff-0", "f" * 64, "KEN", 2020, None, "Ministry of Culture", None)
    other = replace(bare, measure_id="gggg-0", document="g" * 64)
    assert clusters([bare, other]) == {frozenset({"ffff-0"}), frozenset({"gggg-0"})}
    assert link([]) == []
