"""Item 3 of docs/architecture.md's rules: the words of the form's languages live in
`pipeline/data/*.toml`, never in a regex of the code, so that editing them is editing data (and
changes `extractor.version` through the tables' hash like any other table edit).

The scan reads every regex the pipeline compiles or matches with (`re.compile(…)`, `re.search(…)`
and friends, with the module-level strings they are built from), removes what is regex syntax
(escapes, group names, flags, character classes) and fails on any run of two letters or more
that is left: in a pattern, letters are words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall"}
_RE_FUNCTIONS |= {"finditer"}
# Not words of any form language but of a format's syntax: a web address's parts, the CSS
# that says a text is bold.
_NOT_FORM_WORDS = {"http", "https", "www", "font", "weight", "bold", "bolder"}
# The sniffer tells file formats apart by their syntax (JSON literals, Python keywords, a qpr
# page's <meta>): its words are the formats', not the form's.
_FORMAT_SYNTAX = {"pipeline/formats.py"}

_SYNTAX = re.compile(
    r"\\[pPN]\{[^}]*\}"  # \p{L}, \N{NO-BREAK SPACE}
    r"|\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})"  # \xa0, \u00a0
    r"|\\[a-zA-Z]"  # \d, \s, \w, \b, \n
    r"|\(\?P?<[^>]*>|\(\?P=\w+\)|\(\?P>\w+\)"  # (?P<name>, (?P=name), (?<name>
    r"|\(\?[aiLmsux-]*[:)]"  # (?i), (?i:, (?:
    r"|\[(?:\\.|[^\]\\])*\]"  # [^\W\d_], [a-z], [ií]
    r"|\{[^}]*\}"  # {1,3}, {name} left by an f-string's text
)
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _module_strings(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level names bound to an expression, so that a pattern built from them is read."""
    bound: dict[str, ast.expr] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        value = getattr(node, "value", None)
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                bound[target.id] = value
    return bound


def _texts(node: ast.expr, bound: dict[str, ast.expr], seen: set[str]) -> list[str]:
    """The literal text of a pattern expression: its strings, the text parts of its f-strings,
    its concatenations and the module-level strings it names (each followed once). What a call
    or a subscript gives (a table's words, a helper's output) is data, not text of the code."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return [text for part in node.values for text in _texts(part, bound, seen)]
    if isinstance(node, ast.FormattedValue):
        return _texts(node.value, bound, seen)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _texts(node.left, bound, seen) + _texts(node.right, bound, seen)
    if isinstance(node, ast.Name) and node.id in bound and node.id not in seen:
        seen.add(node.id)
        return _texts(bound[node.id], bound, seen)
    return []


def regexes(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every pattern given to a function of `re` in the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound = _module_strings(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_FUNCTIONS
            and node.args
        ):
            found += [(node.lineno, text) for text in _texts(node.args[0], bound, set())]
    return found


def words_in(pattern: str) -> list[str]:
    """The letter runs of a regex once its syntax is removed."""
    bare = _SYNTAX.sub(" ", pattern)
    return [word for word in _LETTERS.findall(bare) if word.casefold() not in _NOT_FORM_WORDS]


SOURCES = [
    path
    for path in sorted((ROOT / "pipeline").rglob("*.py"))
    if str(path.relative_to(ROOT)) not in _FORMAT_SYNTAX
]


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_form_words_in_the_pipelines_regexes(path: Path) -> None:
    hits = [(line, word) for line, text in regexes(path) for word in words_in(text)]
    assert not hits, f"words in regexes, move them to pipeline/data/*.toml: {hits}"


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?P<year>\d{4})\s*(?i:to|until)\b", ["to", "until"]),
        (r"^\W*(?:page|p\.)?\W*#", ["page"]),
        (r"(?:heading|t[ií]tulo)\s*(\d)", ["heading", "tulo"]),
        (r"[^\W\d_]{2,}(?P=name)\u00a0[a-z]{3}", []),
        (r"(?:https?://|www\.)\S+", []),
    ],
)
def test_the_scan_tells_words_from_regex_syntax(pattern: str, words: list[str]) -> None:
    assert words_in(pattern) == words


def test_the_scan_finds_words_in_a_pattern_built_from_module_strings(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        'import re\n_CONNECTOR = r"\\s*(?:-|to|hasta)\\s*"\n'
        'PERIOD = re.compile(rf"(\\d{4}){_CONNECTOR}(\\d{4})")\n',
        encoding="utf-8",
    )
    assert [word for _, text in regexes(module) for word in words_in(text)] == ["to", "hasta"]
