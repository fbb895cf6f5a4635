"""A measure as a simple saved web page, written through the writer interface of the layouts."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from samples.generator.data import NBSP
from samples.generator.model import Partner


class HtmlWriter:
    """A simple saved page: `<h1>` title, labels in `<p><strong>`, headings without a colon
    in `<h3>`, values in `<p>`, partners in a `<table>` with `<th>`."""

    def __init__(self, title: str, lang: str) -> None:
        self.title = title
        self.lang = lang
        self.body: list[str] = []

    def measure_title(self, text: str) -> None:
        self.body.append(f"<h1>{html.escape(text)}</h1>")

    def label(self, text: str, *, end: bool = True) -> None:
        if end:
            self.body.append(f"<p><strong>{html.escape(text)}:{NBSP}</strong></p>")
        else:
            self.body.append(f"<h3>{html.escape(text)}</h3>")

    def value(self, text: str, *, prose: bool = False) -> None:
        self.body.append(f"<p>{html.escape(text)}</p>")

    def table(self, header: tuple[str, str], rows: Iterable[Partner], **_: Any) -> None:
        head = "".join(f"<th>{html.escape(text)}</th>" for text in header)
        self.body.append(f'<table class="partners">\n<thead><tr>{head}</tr></thead>\n<tbody>')
        for partner in rows:
            cells = "".join(
                f"<td>{html.escape(text or '')}</td>" for text in (partner.name, partner.type_text)
            )
            self.body.append(f"<tr>{cells}</tr>")
        self.body.append("</tbody>\n</table>")

    def save(self, path: Path) -> None:
        page = [
            "<!DOCTYPE html>",
            f'<html lang="{self.lang}">',
            '<head>\n<meta charset="utf-8">',
            f"<title>{html.escape(self.title)}</title>\n</head>",
            '<body>\n<main>\n<article class="policy-measure">',
            *self.body,
            "</article>\n</main>\n</body>\n</html>\n",
        ]
        path.write_text("\n".join(page), encoding="utf-8")
