"""What every review page is made of: the page's shell with its security policy, its inline
CSS and JavaScript (package data beside this module), its words in English and French, and
the JSON block its script reads.

A page opens from `file://` and loads nothing: the policy allows no source but the page's own
style and script, named by their hashes, so that even markup slipped past the escaping could
run nothing. The hashes are of fixed files, so a page's bytes depend on its record alone. A
page that a service serves so that its corrections can be posted back (`connect_self`) may also
make requests to that page's own origin, and to no other.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("en", "fr")
_FILES = resources.files("pipeline.review")
_SOURCES = (".py", ".css", ".js", ".toml")
# Characters that could end the JSON's <script> element, or a line for older parsers.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


# What else the pages show that no extractor version counts: what is missing, the corrections.
_PIPELINE = resources.files("pipeline")
_READ = ("completeness.py", "data/completeness.toml", "corrections.py")


@cache
def review_version() -> str:
    """A fingerprint of the code and files that make the pages: a batch remakes the pages an
    older one made (the extractor version leaves this package out, so records stay as they
    are)."""
    digest = hashlib.sha256()
    files = [item for item in _FILES.iterdir() if item.is_file() and item.name.endswith(_SOURCES)]
    for item in sorted(files, key=lambda item: item.name) + [
        _PIPELINE.joinpath(name) for name in _READ
    ]:
        digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def generator() -> str:
    """The page's generator <meta>: the sniffer (pipeline/formats.py) refuses any page
    carrying it as an input, so qpr never ingests its own pages; it also names the pages'
    version."""
    return f'<meta name="generator" content="qpr review {review_version()}">'


@cache
def asset(name: str) -> str:
    """A static file of the package (page.css, page.js...)."""
    return (_FILES / name).read_text(encoding="utf-8")


@cache
def ui_words() -> dict[str, dict[str, str]]:
    """`<section>.<name>` -> {"en": ..., "fr": ...}, from ui.toml."""
    table = tomllib.loads(asset("ui.toml"))
    return {
        f"{section}.{name}": dict(words)
        for section, entries in table.items()
        for name, words in entries.items()
    }


def ui_dictionary() -> dict[str, dict[str, str]]:
    """The words by language, for the page's script: {"en": {key: word}, "fr": {...}}."""
    words = ui_words()
    return {language: {key: words[key][language] for key in words} for language in LANGUAGES}


def ui(key: str, fallback: str | None = None) -> str:
    """The word `key` in both languages as HTML (the stylesheet shows the page's language);
    `fallback`, escaped, when there is no such word."""
    words = ui_words().get(key)
    if words is None:
        return escape(fallback if fallback is not None else key.rpartition(".")[2])
    return "".join(
        f'<span class="ui" lang="{language}">{escape(words[language])}</span>'
        for language in LANGUAGES
    )


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def script_json(data: Any) -> str:
    """`data` as JSON that no text inside it can end early: `</script>` becomes `\\u003c/script>`,
    which JSON.parse reads back as it was."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(character, character) for character in text)


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page_shell(
    title: str,
    body: str,
    style: str,
    script: str,
    data: Any,
    body_class: str = "",
    connect_self: bool = False,
) -> str:
    """A whole HTML page: `body` (already escaped HTML) with the style, the data block and the
    script inline, under a policy that forbids every request and any other script or style;
    with `connect_self`, but for the script's requests to the page's own origin."""
    connect = "connect-src 'self'; " if connect_self else ""
    policy = (
        f"default-src 'none'; {connect}style-src {_hash(style)}; script-src {_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"{generator()}\n"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<style>{style}</style>\n</head>\n<body class="{body_class}">\n{body}\n'
        f'<script type="application/json" id="qpr-data">{script_json(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def language_switch() -> str:
    return (
        '<button type="button" id="lang-switch" data-ui-title="words.lang_switch_help" '
        f'title="{escape(ui_words()["words.lang_switch_help"]["en"])}">'
        f"{ui('words.lang_switch')}</button>"
    )
