"""What the budget field and the NLP stage read in short texts where shared rules decide: counts
of things, references, years. Run it at two commits to list a rule change's effect:

    .venv/bin/python benchmarks/rule_cases.py > after.txt
    git worktree add /tmp/before <commit> && PYTHONPATH=/tmp/before \\
        .venv/bin/python benchmarks/rule_cases.py > before.txt && diff before.txt after.txt

Each line: the text, the budget's status and amount (`parse_budget`), and the MONEY and DATE
mentions the NLP finds in it (blank pipelines, so that the line depends on rules only).
"""

from __future__ import annotations

from pipeline.fields.money import parse_budget
from pipeline.nlp import find_entities

CASES = [
    ("2000 children", "en"),
    ("2000 enfants", "fr"),
    ("300 niños", "es"),
    ("12 women and 30 men", "en"),
    ("(No. 2019)", "en"),
    ("Article 7 of Law 1493", "en"),
    ("USD 5 000 in 1925", "en"),
    ("Adopted in 1945.", "en"),
    ("EUR 2 500 000 for 2016-2019", "en"),
    ("1 500 000 FCFA en 2018", "fr"),
]


def main() -> None:
    for text, language in CASES:
        budget = parse_budget(text)
        found = find_entities([(text, language)], use_trained=False)[0]
        mentions = [(m.label, m.text) for m in found if m.label in ("MONEY", "DATE")]
        print(f"{text!r} [{language}]: budget {budget.status} {budget.amount} | nlp {mentions}")


if __name__ == "__main__":
    main()
