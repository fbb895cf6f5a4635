"""The platform's text export of a measure, written through the writer interface of the layouts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from samples.generator.data import NBSP
from samples.generator.model import Partner


class TextWriter:
    """The platform's text export: title line, agency lines, `label:` + NBSP, flattened
    partner table (glued header, then name and type on alternating lines)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def measure_title(self, text: str) -> None:
        self.lines.append(text)

    def label(self, text: str, *, end: bool = True) -> None:
        self.lines.append(text + (":" + NBSP if end else ""))

    def value(self, text: str, *, prose: bool = False) -> None:
        self.lines.append(text)

    def table(self, header: tuple[str, str], rows: Iterable[Partner], **_: Any) -> None:
        self.lines.append("".join(header))
        for partner in rows:
            self.lines.extend(text for text in (partner.name, partner.type_text) if text)

    def save(self, path: Path) -> None:
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
