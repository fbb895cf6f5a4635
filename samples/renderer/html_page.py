"""A record as a saved page of the platform's website: the site chrome around the article."""

from __future__ import annotations

import html
import pathlib
import tomllib
from typing import Any

from samples.renderer.record import Items, Label, Line, Partners, Record, Title, Value, title_of

# The site's words by page language (site name, menus, banner, footer), in samples/data/.
CHROME: dict[str, dict[str, Any]] = tomllib.loads(
    (pathlib.Path(__file__).resolve().parents[1] / "data" / "site-chrome.toml").read_text("utf-8")
)
NAV_PATHS = ("/", "/policy-monitoring-platform", "/periodic-reports", "/ifcd", "/news")
LEGAL_PATHS = ("/terms", "/privacy", "/contact", "/accessibility")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def html_value(text: str) -> str:
    if text.startswith(("http://", "https://", "www.")):
        href = text if text.startswith("http") else "https://" + text
        return f'<p><a href="{esc(href)}" target="_blank" rel="noopener">{esc(text)}</a></p>'
    return f"<p>{esc(text)}</p>"


def article_lines(record: Record) -> list[str]:
    """The record's elements as the lines of the page's <article>."""
    body: list[str] = []
    for element in record.elements:
        if isinstance(element, Title):
            body.append(f"<h1>{esc(element.text)}</h1>")
        elif isinstance(element, Line):
            body.append(f'<p class="field-agency">{esc(element.text)}</p>')
        elif isinstance(element, Label):
            if element.heading or record.html_label_tag == "h3":
                body.append(f"<h3>{esc(element.text)}</h3>")
            else:
                body.append(f"<p><strong>{esc(element.text)}</strong></p>")
        elif isinstance(element, Value):
            body.append(html_value(element.text))
        elif isinstance(element, Items):
            items = "".join(f"<li>{esc(value)}</li>" for value in element.values)
            body.append(f'<ul class="field-items">{items}</ul>')
        elif isinstance(element, Partners):
            rows = [
                '<table class="partners">',
                "  <thead><tr>"
                + "".join(f"<th>{esc(text)}</th>" for text in element.header)
                + "</tr></thead>",
                "  <tbody>",
            ]
            for name, entity_type in element.rows:
                rows.append(f"    <tr><td>{esc(name)}</td><td>{esc(entity_type)}</td></tr>")
            rows += ["  </tbody>", "</table>"]
            body.extend(rows)
    return body


def render_html(record: Record, path: pathlib.Path) -> None:
    chrome = CHROME[record.lang]
    title = title_of(record)
    nav = "\n".join(
        f'        <li><a href="/{record.lang}{href}">{esc(text)}</a></li>'
        for text, href in zip(chrome["nav"], NAV_PATHS, strict=True)
    )
    legal = "\n".join(
        f'      <li><a href="/{record.lang}{href}">{esc(text)}</a></li>'
        for text, href in zip(chrome["legal"], LEGAL_PATHS, strict=True)
    )
    article = "\n".join("      " + line for line in article_lines(record))
    page = f"""<!DOCTYPE html>
<html lang="{record.lang}" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)} | {esc(chrome["site"])}</title>
  <link rel="stylesheet" href="/themes/custom/dce/css/style.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="page-node-type-policy-measure">
  <a href="#main-content" class="visually-hidden focusable">Skip to main content</a>
  <header class="site-header" id="top">
    <a class="site-logo" href="/{record.lang}"><img src="/themes/custom/dce/logo.svg" alt="UNESCO"> {esc(chrome["site"])}</a>
    <nav class="main-menu" aria-label="Main">
      <ul>
{nav}
      </ul>
    </nav>
    <ul class="language-switcher">
      <li><a href="/en" hreflang="en">English</a></li>
      <li><a href="/fr" hreflang="fr">Français</a></li>
      <li><a href="/es" hreflang="es">Español</a></li>
    </ul>
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol><li><a href="/{record.lang}">{esc(chrome["nav"][0])}</a></li><li><a href="/{record.lang}/policy-monitoring-platform">{esc(chrome["nav"][1])}</a></li><li>{esc(chrome["crumb"])}</li></ol>
    </nav>
    <div class="cookie-banner" role="dialog" aria-live="polite">
      <p>{esc(chrome["cookie"])}</p>
      <button type="button" class="cookie-accept">{esc(chrome["accept"])}</button>
      <a href="/{record.lang}/privacy">{esc(chrome["more"])}</a>
    </div>
  </header>
  <main id="main-content" role="main">
    <article class="policy-measure">
{article}
    </article>
  </main>
  <footer class="site-footer">
    <div class="share">
      <p>{esc(chrome["share"])}</p>
      <ul><li><a href="https://www.facebook.com/sharer">Facebook</a></li><li><a href="https://twitter.com/intent/tweet">X</a></li><li><a href="https://www.linkedin.com/shareArticle">LinkedIn</a></li></ul>
    </div>
    <p><a href="#top">{esc(chrome["top"])}</a></p>
    <ul class="legal">
{legal}
    </ul>
    <p>© UNESCO 2024</p>
  </footer>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8", newline="\n")
