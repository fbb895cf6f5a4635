"""Record linkage across reporting cycles and copies (issue #18): how right and how fast `link()` is.

Run: make bench-linking   (or .venv/bin/python benchmarks/linking.py [--rounds 3] [--rows 5000]
     [--seed 2026] [--sizes 10000 50000 100000] [--examples 4] [--devset ../shared/devset]
     [--pages .devset] [--no-write])

1. Generated rows (samples/generator/recurring.py: Parties whose programmes recur in later
   cycles, retitled, reworded and under renamed agencies, and are copied in other renderings,
   with their true programme): the first `rows` of the seeded world are linked and scored
   pairwise (true pairs share a programme, predicted pairs a cluster). Targets: precision
   >= 0.95, recall >= 0.90. The true pairs are broken down by what differs between the two rows
   (recurrence or copy; title, agency, description, Party), the wrong pairs by what the two
   programmes share (the Party and theme, the Party, nothing), and the wrongly accepted links
   (a member linked to a member of another programme) are listed with the linker's evidence.
2. The development set's real same-measure pages (../shared/devset/measures.jsonl, `same_as`):
   each of its pages (.devset/measures/, fetched as its README says, never committed) extracted
   as `qpr extract` would, flattened with pipeline.dataset.measure_rows, and all of them linked
   together. Every same_as pair must share a cluster, and no cluster may hold measures of two
   pages that are not same_as-connected.
3. Time of the `link()` call alone on the first 10,000, 50,000 and 100,000 generated rows (the
   rows and their LinkItems are made before the clock starts), median of `rounds`. Target:
   100,000 rows in under 60 s.

Writes benchmarks/linking_results.json and renders benchmarks/results.md again, whose section
`linking_section()` makes from that JSON (benchmarks/results_table.py). `make bench` runs it too.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from pipeline.linking import Link, item_from_row, link  # noqa: E402
from samples.generator.recurring import (  # noqa: E402
    DEFAULT_SEED,
    normalized,
    pair_scores,
    recurring_rows,
)

RESULTS_JSON = HERE / "linking_results.json"
RESULTS_MD = HERE / "results.md"
TARGETS = {"precision": 0.95, "recall": 0.90, "seconds_100k": 60.0}


# --------------------------------------------------------------------------- generated rows


def _sentences(text: str) -> set[str]:
    return {s.strip() for s in normalized(text).replace("; ", ". ").split(". ") if len(s) > 20}


def _similarities(a: dict[str, Any], b: dict[str, Any]) -> tuple[int | None, float | None]:
    """Title token-set ratio (0-100) and the share of the shorter description's sentences found
    in the other's."""
    title = None
    if a["title"] and b["title"]:
        title = round(fuzz.token_set_ratio(a["title"].lower(), b["title"].lower()))
    shared = None
    if a["description"] and b["description"]:
        first, second = _sentences(a["description"]), _sentences(b["description"])
        if first and second:
            shared = len(first & second) / min(len(first), len(second))
    return title, shared


def _losses(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """What a rendering lost on either side."""
    lost = []
    if a["title"] is None or b["title"] is None:
        lost.append("title lost")
    if a["agency"] is None or b["agency"] is None:
        lost.append("agency lost")
    if not (a["party_iso3"] or a["country_iso3"]) or not (b["party_iso3"] or b["country_iso3"]):
        lost.append("Party lost")
    if a["cycle"] is None or b["cycle"] is None:
        lost.append("cycle lost")
    if "excerpt" in (a["truth_rendering"], b["truth_rendering"]):
        lost.append("excerpt")
    return lost


def _changes_between(
    changes: dict[tuple[str, int], tuple[str, ...]], a: dict[str, Any], b: dict[str, Any]
) -> set[str]:
    first, last = sorted((a["truth_version"], b["truth_version"]))
    return {
        change
        for number in range(first + 1, last + 1)
        for change in changes.get((a["truth_cluster"], number), ())
    }


def _coarse(changes: set[str]) -> list[str]:
    tags = []
    if any(change.startswith("title") for change in changes):
        tags.append("retitled")
    if "description heavy" in changes:
        tags.append("reworded heavily")
    elif "description light" in changes:
        tags.append("reworded")
    for change in ("agency renamed", "agency moved", "co-agency changed"):
        if change in changes:
            tags.append(change)
    return tags


def true_pair_kind(
    changes: dict[tuple[str, int], tuple[str, ...]], a: dict[str, Any], b: dict[str, Any]
) -> str:
    """What differs between two rows of one programme: a copy, or a recurrence and what changed
    since the earlier report (truth_changes)."""
    if a["truth_version"] == b["truth_version"]:
        return "copy"
    return "recurrence: " + " + ".join(_coarse(_changes_between(changes, a, b)) or ["figures only"])


def false_pair_kind(a: dict[str, Any], b: dict[str, Any]) -> str:
    """What two rows of different programmes share."""
    if a["truth_cluster"].split("-")[0] != b["truth_cluster"].split("-")[0]:
        return "other Party (one row without its Party)"
    if a["truth_theme"] == b["truth_theme"]:
        return "same Party, same theme (distinguishing name differs)"
    return "same Party, other theme"


def _alone(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """What `link()` says of the two rows alone: whether it links them, and on what evidence (a
    pair linked alone but not in the set lost to blocking or to another link)."""
    first, second = link([item_from_row(a), item_from_row(b)])
    linked = first.cluster_id == second.cluster_id
    by = first if first.linked_to else second
    return {"linked": linked, "score": by.score, "evidence": by.evidence}


def _pair_example(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    title, shared = _similarities(a, b)

    def side(row: dict[str, Any]) -> dict[str, Any]:
        return {
            "programme": row["truth_cluster"],
            "cycle": row["cycle"],
            "rendering": row["truth_rendering"],
            "title": row["title"],
            "agency": row["agency"],
            "description": (row["description"] or "")[:90],
        }

    return {
        "title_ratio": title,
        "shared_sentences": shared,
        "alone": _alone(a, b),
        "a": side(a),
        "b": side(b),
    }


def _bucket(value: float | None, edges: Sequence[float]) -> str:
    if value is None:
        return "no title on one side"
    for low, high in itertools.pairwise(edges):
        if low <= value < high:
            return f"{low:g}-{high:g}"
    return f"{edges[-1]:g}"


def _divided(groups: dict[str, list[int]], labels: Sequence[str]) -> Iterator[list[list[int]]]:
    """Each group whose members carry more than one label, as its pieces by label (in the
    labels' order): a programme split over clusters, or a cluster merging programmes."""
    for members in groups.values():
        pieces: dict[str, list[int]] = defaultdict(list)
        for index in members:
            pieces[labels[index]].append(index)
        if len(pieces) > 1:
            yield [pieces[label] for label in sorted(pieces)]


def _closest(rows: list[dict[str, Any]], first: list[int], second: list[int]) -> tuple[int, int]:
    """The most alike pair across two groups (the likeliest wrong link), reports first."""

    def alike(pair: tuple[int, int]) -> tuple[float, float]:
        title, shared = _similarities(rows[pair[0]], rows[pair[1]])
        return (title or 0) + 100 * (shared or 0), -pair[0] - pair[1]

    return max(((i, j) for i in first[:12] for j in second[:12]), key=alike)


def quality(rows: list[dict[str, Any]], links: list[Link], examples: int) -> dict[str, Any]:
    link_of = {item.measure_id: item for item in links}
    truth = [row["truth_cluster"] for row in rows]
    predicted = [link_of[row["measure_id"]].cluster_id for row in rows]
    scores = pair_scores(truth, predicted)
    changes = {
        (row["truth_cluster"], row["truth_version"]): tuple(row["truth_changes"]) for row in rows
    }
    by_truth: dict[str, list[int]] = defaultdict(list)
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for index, (programme, cluster) in enumerate(zip(truth, predicted, strict=True)):
        by_truth[programme].append(index)
        by_cluster[cluster].append(index)

    # True pairs, found or missed: by relation, language, what changed, title similarity.
    tallies: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for members in by_truth.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = rows[i], rows[j]
                kind = true_pair_kind(changes, a, b)
                found = predicted[i] == predicted[j]
                keys = [
                    ("relation", kind.split(":")[0]),
                    ("language", a["truth_language"]),
                    ("kind", kind),
                    *((f"{kind.split(':')[0]} lost", loss) for loss in _losses(a, b)),
                ]
                if kind.startswith("recurrence"):
                    title, shared = _similarities(a, b)
                    keys.append(("title_ratio", _bucket(title, (0, 50, 70, 80, 90, 100))))
                    keys.append(("shared_sentences", _bucket(shared, (0, 0.25, 0.5, 0.75, 1))))
                    for change in _changes_between(changes, a, b):
                        keys.append(("change", change))
                for table, key in keys:
                    tallies[table][key][0] += 1
                    tallies[table][key][1] += found

    # Programmes split over several clusters: what separates each two pieces (their most alike
    # pair, the link the linker would have needed).
    splits: Counter[str] = Counter()
    split_examples: dict[str, list[dict[str, Any]]] = defaultdict(list)
    split_programmes = 0
    for pieces in _divided(by_truth, predicted):
        split_programmes += 1
        for first, second in itertools.combinations(pieces, 2):
            i, j = _closest(rows, first, second)
            kind = true_pair_kind(changes, rows[i], rows[j])
            lost = _losses(rows[i], rows[j])
            kind += f" ({', '.join(lost)})" if lost else ""
            splits[kind] += 1
            if len(split_examples[kind]) < examples:
                split_examples[kind].append(_pair_example(rows[i], rows[j]))

    # Wrong pairs, by what the two programmes share; each merge's likeliest wrong link.
    wrong: Counter[str] = Counter()
    merged: Counter[str] = Counter()
    wrong_examples: dict[str, list[dict[str, Any]]] = defaultdict(list)
    merges = 0
    for groups in _divided(by_cluster, truth):
        merges += 1
        for first, second in itertools.combinations(groups, 2):
            kind = false_pair_kind(rows[first[0]], rows[second[0]])
            wrong[kind] += len(first) * len(second)
            merged[kind] += 1
            if len(wrong_examples[kind]) < examples:
                i, j = _closest(rows, first, second)
                wrong_examples[kind].append(_pair_example(rows[i], rows[j]))

    def table(name: str) -> dict[str, dict[str, Any]]:
        return {
            key: {"pairs": total, "found": found, "recall": round(found / total, 4)}
            for key, (total, found) in sorted(tallies[name].items(), key=lambda kv: -kv[1][0])
        }

    return {
        "rows": len(rows),
        "parties": len({programme.split("-")[0] for programme in truth}),
        "programmes": len(by_truth),
        "clusters": len(by_cluster),
        "clusters_with_several_programmes": merges,
        **{k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()},
        "recall_by_relation": table("relation"),
        "recall_by_language": table("language"),
        "recurrence_recall_by_title_ratio": table("title_ratio"),
        "recurrence_recall_by_shared_sentences": table("shared_sentences"),
        "recurrence_recall_by_change": table("change"),
        "recall_by_kind": table("kind"),
        "recall_by_loss": {
            **table("copy lost"),
            **{f"recurrence, {k}": v for k, v in table("recurrence lost").items()},
        },
        "split_programmes": split_programmes,
        "splits_by_kind": dict(splits.most_common()),
        "split_examples": dict(split_examples),
        "wrong_pairs_by_kind": dict(wrong.most_common()),
        "merges_by_kind": dict(merged),
        "wrong_pair_examples": dict(wrong_examples),
    }


# --------------------------------------------------------------------------- development set


def _components(pages: list[str], pairs: list[tuple[str, str]]) -> dict[str, str]:
    parent = {page: page for page in pages}

    def root(page: str) -> str:
        while parent[page] != page:
            parent[page] = parent[parent[page]]
            page = parent[page]
        return page

    for a, b in pairs:
        parent[root(a)] = root(b)
    return {page: root(page) for page in pages}


def devset_check(devset: Path, pages: Path) -> dict[str, Any] | None:
    """All the development set's measure pages linked together: its same_as pairs linked, and
    no cluster across pages that are not the same measure."""
    manifest_path = devset / "measures.jsonl"
    if not manifest_path.exists() or not any((pages / "measures").glob("*.txt")):
        return None
    from pipeline import extract_bytes
    from pipeline.dataset import measure_rows

    manifest = [json.loads(line) for line in manifest_path.read_text().splitlines() if line]
    page_of: dict[str, str] = {}
    rows: dict[str, dict[str, Any]] = {}
    missing, empty = [], []
    for entry in manifest:
        path = pages / "measures" / f"{entry['id']}.txt"
        if not path.exists():
            missing.append(entry["id"])
            continue
        record_rows = measure_rows(extract_bytes(path.read_bytes(), path.name))
        if not record_rows:
            empty.append(entry["id"])
        for row in record_rows:
            if row["measure_id"] in rows:  # two pages with the same bytes
                row = row | {"measure_id": f"{row['measure_id']}-{entry['id']}"}
            rows[row["measure_id"]] = row
            page_of[row["measure_id"]] = entry["id"]
    links = {item.measure_id: item for item in link(item_from_row(row) for row in rows.values())}
    ids = [entry["id"] for entry in manifest if entry["id"] not in missing]
    same_as = sorted(
        {
            tuple(sorted((entry["id"], other)))
            for entry in manifest
            for other in entry.get("same_as") or ()
            if entry["id"] in ids and other in ids
        }
    )
    component = _components(ids, same_as)
    clusters_of: dict[str, set[str]] = defaultdict(set)
    for measure_id, page in page_of.items():
        clusters_of[page].add(links[measure_id].cluster_id)

    def describe(page: str) -> list[dict[str, Any]]:
        return [
            {
                "measure_id": measure_id,
                "party": row.get("party_iso3") or row.get("country_iso3"),
                "cycle": row.get("cycle"),
                "title": row.get("title"),
                "agency": row.get("agency"),
                "description": (row.get("description") or "")[:40],
                "cluster": links[measure_id].cluster_id,
                "linked_to": links[measure_id].linked_to,
                "score": links[measure_id].score,
                "evidence": links[measure_id].evidence,
            }
            for measure_id, row in rows.items()
            if page_of[measure_id] == page
        ]

    pairs = [
        {
            "pages": [a, b],
            "linked": bool(clusters_of[a] & clusters_of[b]),
            "a": describe(a),
            "b": describe(b),
        }
        for a, b in same_as
    ]
    members: dict[str, set[str]] = defaultdict(set)
    for measure_id, page in page_of.items():
        members[links[measure_id].cluster_id].add(page)
    false_merges = [
        {
            "cluster": cluster,
            "pages": sorted(group),
            "measures": [m for p in sorted(group) for m in describe(p)],
        }
        for cluster, group in sorted(members.items())
        if len({component[page] for page in group}) > 1
    ]
    return {
        "pages": len(ids),
        "missing_pages": missing,
        "pages_without_measures": empty,
        "measures": len(rows),
        "same_as_pairs": len(same_as),
        "linked_pairs": sum(pair["linked"] for pair in pairs),
        "pairs": pairs,
        "false_merges": false_merges,
    }


PAGE_TEXT = ("title", "agency", "description")


def without_page_text(devset: dict[str, Any] | None) -> dict[str, Any] | None:
    """The development set's results without any of its pages' text (titles, agencies,
    descriptions): those are printed, never written to a file of the repository."""
    if devset is None:
        return None

    def bare(measures: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in m.items() if k not in PAGE_TEXT} for m in measures]

    return devset | {
        "pairs": [pair | {"a": bare(pair["a"]), "b": bare(pair["b"])} for pair in devset["pairs"]],
        "false_merges": [
            merge | {"measures": bare(merge["measures"])} for merge in devset["false_merges"]
        ],
    }


# --------------------------------------------------------------------------- timing


def timing(rows: list[dict[str, Any]], sizes: Sequence[int], rounds: int) -> dict[str, Any]:
    results = {}
    for size in sizes:
        items = [item_from_row(row) for row in rows[:size]]
        seconds, clusters = [], 0
        for _ in range(rounds):
            gc.collect()
            start = time.perf_counter()
            links = link(items)
            seconds.append(time.perf_counter() - start)
            clusters = len({item.cluster_id for item in links})
            del links
        results[str(size)] = {
            "rows": len(items),
            "parties": len({row["truth_cluster"].split("-")[0] for row in rows[:size]}),
            "seconds": [round(s, 3) for s in seconds],
            "median_seconds": round(statistics.median(seconds), 3),
            "rows_per_second": round(len(items) / statistics.median(seconds)),
            "clusters": clusters,
            "programmes": len({row["truth_cluster"] for row in rows[:size]}),
        }
        say(
            f"  link() on {size:,} rows: {results[str(size)]['median_seconds']} s (median of {rounds})"
        )
    return results


# --------------------------------------------------------------------------- report


def _yes(met: bool) -> str:
    return "yes" if met else "**no**"


def linking_section(results: dict[str, Any] | None) -> list[str]:
    """The Markdown section of results.md of `results` (none without)."""
    if results is None:
        return []
    machine, generated = results["machine"], results["generated"]
    lines = [
        "## Record linkage across cycles and copies (issue #18)",
        "",
        f"`{results['command']}` on {machine['date']}, {machine['machine']}, Python "
        f"{machine['python']}, commit {machine['commit']} (benchmarks/linking.py; how it is "
        "measured: benchmarks/README.md).",
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    name = (
        f"generated set ({generated['rows']:,} rows, {generated['parties']} Parties, "
        f"{generated['programmes']:,} programmes, seed {results['seed']})"
    )
    lines.append(
        f"| Pairwise precision ≥ {TARGETS['precision']} on the {name} | "
        f"{generated['precision']:.3f} ({generated['correct_pairs']:,} of "
        f"{generated['predicted_pairs']:,} predicted pairs) | "
        f"{_yes(generated['precision'] >= TARGETS['precision'])} |"
    )
    lines.append(
        f"| Pairwise recall ≥ {TARGETS['recall']} on the same set | {generated['recall']:.3f} "
        f"({generated['correct_pairs']:,} of {generated['true_pairs']:,} true pairs) | "
        f"{_yes(generated['recall'] >= TARGETS['recall'])} |"
    )
    devset = results.get("devset")
    if devset:
        lines.append(
            f"| Development set: every same_as pair of pages in one cluster (all "
            f"{devset['pages']} pages, {devset['measures']} measures, linked together) | "
            f"{devset['linked_pairs']} of {devset['same_as_pairs']} | "
            f"{_yes(devset['linked_pairs'] == devset['same_as_pairs'])} |"
        )
        merged = "; ".join("+".join(merge["pages"]) for merge in devset["false_merges"])
        lines.append(
            f"| Development set: no cluster across pages that are not the same measure | "
            f"{len(devset['false_merges'])}{f' ({merged})' if merged else ''} | "
            f"{_yes(not devset['false_merges'])} |"
        )
    largest = results["timing"].get("100000")
    if largest:
        lines.append(
            f"| `link()` on 100,000 generated rows ({largest['parties']} Parties) < "
            f"{TARGETS['seconds_100k']:.0f} s | {largest['median_seconds']:.1f} s (median of "
            f"{len(largest['seconds'])}) | {_yes(largest['median_seconds'] < TARGETS['seconds_100k'])} |"
        )
    lines += [
        "",
        "| rows | Parties | programmes | clusters | `link()` s (median) | rows/s |",
        "|---|---|---|---|---|---|",
        *(
            f"| {t['rows']:,} | {t['parties']} | {t['programmes']:,} | {t['clusters']:,} | "
            f"{t['median_seconds']:.2f} | {t['rows_per_second']:,} |"
            for t in results["timing"].values()
        ),
        "",
        "Recall of the generated set's true pairs: by relation, content language, and for "
        "recurrences by what changed between the two reports (truth_changes), the titles' "
        "rapidfuzz token-set ratio and the share of the shorter description's sentences found in "
        "the other:",
        "",
        "| pairs | true pairs | recall |",
        "|---|---|---|",
    ]
    for heading, key in (
        ("", "recall_by_relation"),
        ("content ", "recall_by_language"),
        ("recurrence, ", "recurrence_recall_by_change"),
        ("recurrence, title ratio ", "recurrence_recall_by_title_ratio"),
        ("recurrence, shared sentences ", "recurrence_recall_by_shared_sentences"),
    ):
        lines += [
            f"| {heading}{kind} | {row['pairs']:,} | {row['recall']:.3f} |"
            for kind, row in generated[key].items()
        ]
    if generated["wrong_pairs_by_kind"]:
        lines += [
            "",
            "Wrong pairs of the generated set, by what the two programmes share:",
            "",
            "| wrong pairs | count |",
            "|---|---|",
            *(
                f"| {kind} | {count:,} |"
                for kind, count in generated["wrong_pairs_by_kind"].items()
            ),
        ]
    return lines


def print_examples(title: str, examples: list[dict[str, Any]]) -> None:
    for example in examples:
        a, b = example["a"], example["b"]
        alone = example["alone"]
        extra = "; the two alone: " + (
            f"linked {alone['score']} ({alone['evidence']})" if alone["linked"] else "not linked"
        )
        print(
            f"    {title}title ratio {example['title_ratio']}, shared sentences "
            f"{example['shared_sentences'] if example['shared_sentences'] is None else round(example['shared_sentences'], 2)}"
            f"{extra}"
        )
        for side in (a, b):
            print(
                f"      {side['programme']} {side['cycle']} {side['rendering']}: {side['title']!r} | "
                f"{side['agency']!r} | {side['description'][:70]!r}"
            )


def print_details(generated: dict[str, Any], devset: dict[str, Any] | None, examples: int) -> None:
    print("\nGenerated set: recurrence pairs found, by what changed between the two reports")
    for name in (
        "recurrence_recall_by_change",
        "recurrence_recall_by_title_ratio",
        "recurrence_recall_by_shared_sentences",
        "recall_by_language",
    ):
        label = name.replace("_", " ")
        for key, row in generated[name].items():
            print(f"  {label}: {key:28s} {row['recall']:.3f} of {row['pairs']:6,}")
    for name in ("recall_by_kind", "recall_by_loss"):
        print(f"\nGenerated set: {name.replace('_', ' ')}, weakest first")
        for kind, row in sorted(generated[name].items(), key=lambda kv: kv[1]["recall"]):
            print(f"  {row['recall']:.3f} of {row['pairs']:6,}  {kind}")
    print(
        f"\nGenerated set: {generated['split_programmes']} of {generated['programmes']} "
        "programmes split over several clusters; each split by its most alike pair of rows"
    )
    for kind, count in generated["splits_by_kind"].items():
        print(f"  {count:4,}  {kind}")
        print_examples("", generated["split_examples"][kind][:examples])
    print(
        "\nGenerated set: wrong pairs (clusters holding several programmes: "
        f"{generated['clusters_with_several_programmes']})"
    )
    for kind, count in generated["wrong_pairs_by_kind"].items():
        print(f"  {count:6,} pairs, {generated['merges_by_kind'][kind]} programme pairs:  {kind}")
        print_examples("", generated["wrong_pair_examples"][kind][:examples])
    if devset is None:
        return
    print(f"\nDevelopment set: {devset['pages']} pages, {devset['measures']} measures")
    if devset["pages_without_measures"]:
        print(f"  pages without measures: {' '.join(devset['pages_without_measures'])}")
    for pair in devset["pairs"]:
        print(
            f"  same_as {'+'.join(pair['pages'])}: {'linked' if pair['linked'] else 'NOT LINKED'}"
        )
        for side in pair["a"] + pair["b"]:
            print(
                f"    {side['measure_id']} party {side['party']} cycle {side['cycle']} "
                f"{side['title']!r} | {side['agency']!r} -> {side['cluster']} "
                f"({side['score']}, {side['evidence']})"
            )
    for merge in devset["false_merges"]:
        print(f"  FALSE MERGE of pages {' '.join(merge['pages'])}:")
        for side in merge["measures"]:
            print(
                f"    {side['measure_id']} party {side['party']} cycle {side['cycle']} "
                f"{side['title']!r} | {side['agency']!r} ({side['score']}, {side['evidence']})"
            )
    if not devset["false_merges"]:
        print("  no cluster across pages that are not the same measure")


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=5_000, help="the generated set scored")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 50_000, 100_000])
    parser.add_argument("--examples", type=int, default=3, help="failing pairs shown per kind")
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--pages", type=Path, default=ROOT / ".devset")
    parser.add_argument("--no-write", action="store_true", help="print only")
    # For benchmarks/run.py, which renders results.md itself at its end.
    parser.add_argument("--no-render", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--command", default="make bench-linking", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)

    started = time.perf_counter()
    say(f"generating {max([arguments.rows, *arguments.sizes]):,} rows (seed {arguments.seed})")
    rows = recurring_rows(max([arguments.rows, *arguments.sizes]), arguments.seed)
    scored = rows[: arguments.rows]
    say(f"linking the first {len(scored):,}")
    generated = quality(scored, link(item_from_row(row) for row in scored), arguments.examples)
    say("linking the development set's measure pages")
    devset = devset_check(arguments.devset, arguments.pages)
    if devset is None:
        say(f"  no development set pages in {arguments.pages}/measures (devset/README.md)")
    say("timing")
    times = timing(rows, arguments.sizes, arguments.rounds)

    from run import machine  # benchmarks/run.py, this script's folder

    results = {
        "command": arguments.command,
        "machine": machine(),
        "seed": arguments.seed,
        "rounds": arguments.rounds,
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "generated": generated,
        "devset": devset,
        "timing": times,
    }
    print_details(generated, devset, arguments.examples)
    print("\n" + "\n".join(linking_section(results)))
    if not arguments.no_write:
        kept = results | {"devset": without_page_text(devset)}
        RESULTS_JSON.write_text(
            json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if not arguments.no_write and not arguments.no_render:
        # results.md is rendered whole from every benchmark's results (results_table.py).
        from results_table import render

        full = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        RESULTS_MD.write_text(render(full), encoding="utf-8")
    return 0


def last_results() -> dict[str, Any] | None:
    """What the last run measured (linking_results.json), when there was one."""
    return json.loads(RESULTS_JSON.read_text(encoding="utf-8")) if RESULTS_JSON.exists() else None


if __name__ == "__main__":
    sys.exit(main())
