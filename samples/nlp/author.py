"""Authoring script for the hand-annotated NLP gold set (see README.md in this folder).

The texts are original, and every mention was chosen by hand by reading them; both live in
samples/data/nlp-gold-{en,fr,es}.toml (that file's header says how a mention is written). This
script only locates each chosen mention string in its text to compute character offsets. It
never decides what is an entity.

    python3 samples/nlp/author.py            # write gold-en.jsonl, gold-fr.jsonl, gold-es.jsonl
    python3 samples/nlp/author.py --show     # print fields with [LABEL mention] brackets
    python3 samples/nlp/author.py --lint     # list capitalised words/years/currencies left out

Stdlib only. Output is byte-stable (sorted data, fixed key order, ensure_ascii=False, LF).
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
LABELS = {"ORG", "PLACE", "DATE", "MONEY", "LAW"}
FIELDS = ("description", "results", "conclusions")


def load(lang: str) -> list[dict]:
    """The measures of one language: {"measure": id, field: (text, [mention, ...]), ...}."""
    with (DATA / f"nlp-gold-{lang}.toml").open("rb") as file:
        measures = tomllib.load(file)["measures"]
    return [
        {
            "measure": measure["measure"],
            **{
                field: (
                    # the text opens and closes on its own line in the file
                    measure[field]["text"].strip("\n"),
                    [tuple(mention) for mention in measure[field]["mentions"]],
                )
                for field in FIELDS
                if field in measure
            },
        }
        for measure in measures
    ]


LANGUAGES = {lang: load(lang) for lang in ("en", "fr", "es")}


# ---------------------------------------------------------------------------------------------
# Offsets
# ---------------------------------------------------------------------------------------------


class AuthoringError(Exception):
    pass


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum()
    )


def locate(text: str, mentions: list[tuple], where: str) -> list[dict]:
    entities = []
    cursor = 0
    for item in mentions:
        label, mention = item[0], item[1]
        if label not in LABELS:
            raise AuthoringError(f"{where}: unknown label {label!r}")
        if len(item) == 3:
            n = item[2]
            start = -1
            for _ in range(n):
                start = text.find(mention, start + 1)
                if start < 0:
                    raise AuthoringError(f"{where}: occurrence {n} of {mention!r} not found")
        else:
            start = text.find(mention, cursor)
            while start >= 0 and not _bounded(text, start, start + len(mention)):
                start = text.find(mention, start + 1)
            if start < 0:
                raise AuthoringError(f"{where}: {mention!r} not found after offset {cursor}")
        end = start + len(mention)
        if not _bounded(text, start, end):
            raise AuthoringError(f"{where}: {mention!r} at {start} cuts a word")
        if start < cursor:
            raise AuthoringError(f"{where}: {mention!r} at {start} is out of order or overlaps")
        entities.append({"start": start, "end": end, "label": label, "text": mention})
        cursor = end
    return entities


def records(lang: str) -> list[dict]:
    out = []
    for measure in LANGUAGES[lang]:
        mid = measure["measure"]
        for field in FIELDS:
            if field not in measure:
                continue
            text, mentions = measure[field]
            if unicodedata.normalize("NFC", text) != text:
                raise AuthoringError(f"{mid}-{field}: text is not NFC")
            out.append(
                {
                    "id": f"{mid}-{field}",
                    "language": lang,
                    "measure": mid,
                    "field": field,
                    "text": text,
                    "entities": locate(text, mentions, f"{mid}-{field}"),
                }
            )
    return out


def write() -> None:
    for lang in LANGUAGES:
        path = HERE / f"gold-{lang}.jsonl"
        lines = [json.dumps(r, ensure_ascii=False) for r in records(lang)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
        print(f"wrote {path.relative_to(HERE.parent.parent)} ({len(lines)} fields)")


def show() -> None:
    for lang in LANGUAGES:
        for r in records(lang):
            text, parts, pos = r["text"], [], 0
            for e in r["entities"]:
                parts.append(text[pos : e["start"]])
                parts.append(f"[{e['label']} {text[e['start'] : e['end']]}]")
                pos = e["end"]
            parts.append(text[pos:])
            print(f"== {r['id']}\n{''.join(parts)}\n")


LINT_PATTERNS = [
    ("capitalised", re.compile(r"(?<![\w’'])[A-ZÀ-ÖØ-Þ][\w’'-]*")),
    ("year", re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")),
    (
        "currency",
        re.compile(
            r"(?<!\w)(USD|EUR|US\$|\$|€|₡|FCFA|CFA|euros?|dollars?|dólares|pesos|dinars?|dirhams)(?!\w)"
        ),
    ),
]


def lint() -> None:
    """List tokens that often signal a mention and that no span covers, for a human to review."""
    for lang in LANGUAGES:
        for r in records(lang):
            covered = [(e["start"], e["end"]) for e in r["entities"]]
            text = r["text"]
            for kind, pattern in LINT_PATTERNS:
                for m in pattern.finditer(text):
                    if any(s <= m.start() < e for s, e in covered):
                        continue
                    ctx = text[max(0, m.start() - 25) : m.end() + 25].replace("\n", " ")
                    print(f"{r['id']:<22} {kind:<11} {m.group(0)!r:<22} …{ctx}…")
            # a mention string that also occurs unannotated elsewhere in the same text
            for e in r["entities"]:
                s = text.find(e["text"])
                while s >= 0:
                    if _bounded(text, s, s + len(e["text"])) and not any(
                        a <= s < b for a, b in covered
                    ):
                        print(f"{r['id']:<22} repeat      {e['text']!r} unannotated at {s}")
                    s = text.find(e["text"], s + 1)


if __name__ == "__main__":
    try:
        if "--show" in sys.argv[1:]:
            show()
        elif "--lint" in sys.argv[1:]:
            lint()
        else:
            write()
    except AuthoringError as err:
        sys.exit(f"authoring error: {err}")
