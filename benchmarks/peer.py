"""Peer benchmark: Unstructured's `partition(strategy="fast")` on the files we extract.

Run under the peer virtualenv, never qpr's .venv (see peer-requirements.txt):

    .venv-peer/bin/python benchmarks/peer.py [--rounds 3] FILE...

Prints one JSON object on stdout: the unstructured and Python versions and, per file, the median
wall time over `rounds` partition calls, the number of elements and an error (type: message) or
null. Logs and warnings go to stderr. Imports nothing from qpr.

Unstructured wants spaCy's trained `en_core_web_sm` (tagger and parser, for its element
classification), which cannot be installed here. `--spacy` chooses the stand-in given to
`_get_nlp`:
- `blank` (default): a blank English pipeline with a rule sentencizer. No tagger or parser runs,
  so the times are a LOWER BOUND on Unstructured's real cost, and without POS tags
  `contains_verb` is always false (more Title / Text, less NarrativeText than with the model).
- `fr_core_news_sm`: spaCy's small French pipeline, loaded as Unstructured loads its model (NER,
  lemmatizer and attribute ruler left out; tok2vec, morphologizer and parser run). Its tags are
  French, but its size and architecture are those of `en_core_web_sm`: its cost stands for the
  real model's.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import logging
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

# Before importing unstructured: it pings a telemetry endpoint on import and on every partition
# call (network time that is not partitioning, and no network here) and prints a notice on stdout.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("SCARF_NO_ANALYTICS", "1")
os.environ.setdefault("UNSTRUCTURED_DISABLE_NOTICE", "1")

import spacy  # noqa: E402
import unstructured.nlp.tokenize as tokenize  # noqa: E402
from unstructured.__version__ import __version__ as UNSTRUCTURED_VERSION  # noqa: E402
from unstructured.partition.auto import partition  # noqa: E402


def blank_english() -> spacy.language.Language:
    """Stand-in for `en_core_web_sm`: tokenizer and sentencizer only (see the docstring)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def same_size_trained() -> spacy.language.Language:
    """Stand-in for `en_core_web_sm` of the same size and architecture (see the docstring)."""
    return spacy.load("fr_core_news_sm", exclude=tokenize._SPACY_EXCLUDE)


STAND_INS = {"blank": blank_english, "fr_core_news_sm": same_size_trained}


# Unstructured memoises spaCy's work per element text (128 entries each). Repeating one file
# would then be served from these caches and time nothing; clear them before each timed call so
# that each call costs what a document seen for the first time costs (qpr caches no per-text
# results either). Loaded pipelines and tables stay warm.
TEXT_CACHES = (
    tokenize._process_cached,
    tokenize.word_tokenize,
    tokenize.pos_tag,
    tokenize._tokenize_for_cache,
)


def run(path: Path) -> int:
    # As a user calls it: the defaults, the fast strategy. Its default `languages` detects the
    # document's language, as qpr's whole extraction does; passing languages=["eng"] skips that
    # (5.6 -> 12.6 ms on a single-measure TXT with detection) and leaves the elements unchanged.
    return len(partition(filename=str(path), strategy="fast"))


def measure(path: Path, rounds: int) -> dict[str, object]:
    result: dict[str, object] = {
        "path": str(path),
        "suffix": path.suffix.lower(),
        "median_s": None,
        "elements": None,
        "error": None,
    }
    times = []
    try:
        for _ in range(rounds):
            for cache in TEXT_CACHES:
                cache.cache_clear()
            start = time.perf_counter()
            result["elements"] = run(path)
            times.append(time.perf_counter() - start)
    except Exception as error:  # one bad file must not stop the run
        result["error"] = f"{type(error).__name__}: {error}"
        return result
    result["median_s"] = statistics.median(times)
    if not result["elements"]:
        # Unstructured skips a step whose optional package is missing (pikepdf, say) and logs
        # it at INFO only: an empty result is then a broken environment, not a fast parser.
        message = "no elements (an empty document, or a package missing from the peer env)"
        print(f"{path}: {message}", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--spacy", choices=sorted(STAND_INS), default="blank")
    parser.add_argument("files", nargs="+", type=Path)
    arguments = parser.parse_args()
    # `_run_pipeline` looks `_get_nlp` up in the module at each call, so rebinding it is enough.
    tokenize._get_nlp = functools.lru_cache(maxsize=1)(STAND_INS[arguments.spacy])
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    warnings.simplefilter("default")  # shown once each, on stderr

    stdout = sys.stdout
    # Anything a parser prints goes to stderr: stdout carries the JSON object only.
    with contextlib.redirect_stdout(sys.stderr):
        # Warm-up: the first file of each suffix loads that partitioner's imports, the spaCy
        # pipeline and their tables, a one-off cost that is not per document.
        warmed: set[str] = set()
        for path in arguments.files:
            if path.suffix.lower() not in warmed:
                warmed.add(path.suffix.lower())
                try:
                    run(path)
                except Exception as error:
                    print(f"warm-up {path}: {type(error).__name__}: {error}", file=sys.stderr)
        files = [measure(path, arguments.rounds) for path in arguments.files]

    report = {
        "unstructured": UNSTRUCTURED_VERSION,
        "spacy_stand_in": arguments.spacy,
        "python": platform.python_version(),
        "files": files,
    }
    json.dump(report, stdout, indent=2)
    stdout.write("\n")


if __name__ == "__main__":
    main()
