"""The seed record, rebuilt from samples/azerbaijan-civil-society-consultation.txt so that every
rendering carries the seed's own bytes."""

from __future__ import annotations

import pathlib

from samples.renderer.labels import NBSP
from samples.renderer.record import Element, Label, Line, Partners, Record, Title, Value

SAMPLES = pathlib.Path(__file__).resolve().parents[1]
SEED = SAMPLES / "azerbaijan-civil-society-consultation.txt"


def read_seed() -> Record:
    """Rebuild the seed's structure from its text, so every value is the seed's own bytes."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    heading_prefixes = ("Objectif(s) de la Convention", "Domaines culturels")

    def is_label(line: str) -> bool:
        return line.endswith(NBSP) or line.startswith(heading_prefixes)

    assert lines[1] == "", "seed layout changed: expected a blank line after the title"
    elements: list[Element] = [Title(lines[0]), Line(lines[2])]
    index = 3
    while index < len(lines):
        line = lines[index]
        if line.startswith("Nom du partenaire"):
            # Flattened table header: the two column names are glued together.
            split = line.index("Type d")
            header = (line[:split], line[split:])
            rows: list[tuple[str, str]] = []
            index += 1
            while index + 1 < len(lines) and not is_label(lines[index]):
                rows.append((lines[index], lines[index + 1]))
                index += 2
            elements.append(Partners(header, tuple(rows)))
            continue
        if is_label(line):
            elements.append(Label(line, heading=not line.endswith(NBSP)))
        elif line:
            elements.append(Value(line))
        index += 1
    partners = [e for e in elements if isinstance(e, Partners)]
    assert len(partners) == 1 and len(partners[0].rows) == 5, "seed partner table not recognised"
    return Record(name=SEED.stem, elements=tuple(elements), lang="fr")
