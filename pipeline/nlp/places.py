"""PLACE candidates: countries, capitals, cities, regions and subdivisions named as written, and
capitalised runs that context marks as places."""

from __future__ import annotations

import gettext
import re
from functools import cache
from typing import Final

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.nlp.state import candidate_group
from pipeline.nlp.words import HYPHENS, acronym_shaped, body_words
from pipeline.tables import load_table

_MAX_PLACE_TOKENS: Final = 6


@cache
def place_names() -> tuple[str, ...]:
    """Countries in English, French and Spanish, their aliases, and data/nlp_places.toml.

    The European Union is a Party (data/countries.toml) but a body, not a place: it is an ORG.
    """
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("fr", "es")
    ]
    names: set[str] = set()
    for country in pycountry.countries:
        english = {country.name}
        for attribute in ("official_name", "common_name"):
            if hasattr(country, attribute):
                english.add(getattr(country, attribute))
        for name in list(english):
            names.add(name)
            names.update(t.gettext(name) for t in translations)
    for name in list(names):
        # "Bolivia (Plurinational State of)" is written "Bolivia"; "Korea, Republic of" is
        # written "Republic of Korea".
        base = name.split(" (", 1)[0]
        names.add(base)
        if ", " in base:
            head, qualifier = base.split(", ", 1)
            names.update({f"{qualifier} {head}", head})
    aliases = load_table("countries")["aliases"]
    names.update(alias for code, items in aliases.items() if code != "EUU" for alias in items)
    places = load_table("nlp_places")
    names.update(*(places[group] for group in ("capitals", "cities", "regions")))
    names.update(_subdivision_names())
    names -= {name for name in names if "," in name or "(" in name}
    return tuple(sorted(names))


@cache
def _subdivision_names() -> frozenset[str]:
    """ISO 3166-2 subdivisions (pycountry) that are names rather than kinds or common words;
    "Le Kef" is also written without its article ("au Kef", samples/nlp/README.md G2)."""
    table = load_table("nlp_places")
    rules = table["subdivisions"]
    generic = frozenset(rules["generic_words"])
    ambiguous = frozenset(rules["ambiguous"])
    shortest = int(rules["shortest"])
    articles = frozenset(table["articles"])
    names: set[str] = set()
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.split(" (", 1)[0].strip()
        words = re.split(r"[\s\-\u2013]+", name)
        if "," in name or "(" in name or all(w.lower() in generic for w in words):
            continue
        if name in ambiguous or len(name) < shortest:
            continue
        names.add(name)
        first, _, rest = name.partition(" ")
        if first in articles and len(rest) >= shortest - 1:
            names.add(rest)
    return frozenset(names)


class PlaceComponent:
    """Places (samples/nlp/README.md, PLACE): every place named as written (PhraseMatcher on
    ORTH: case-sensitive, whole tokens); a capitalised run with a feature word ("Rankin Inlet",
    "Puerto Natales"); a capitalised run after a place cue ("based in Yellowknife", "à
    Koudougou", "la región de Aysén"); and the capitalised runs listed with a place ("Kisumu,
    Eldoret and Garissa", "de Bouaké, de Korhogo et de Man")."""

    def __init__(self, nlp: Language) -> None:
        table = load_table("nlp_places")
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("PLACE", [nlp.make_doc(name) for name in place_names()])
        self.articles = frozenset(table["articles"])
        self.after = frozenset(table["features"]["after"])
        self.before = frozenset(table["features"]["before"])
        context = table["context"]
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues.add("CUE", [nlp.make_doc(cue) for cue in context["cues"]])
        self.joins = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.joins.add("JOIN", [nlp.make_doc(join) for join in context["joins"]])
        self.cue_articles = frozenset(context["articles"])
        self.left_joins = frozenset(context["left_joins"])
        self.not_places = frozenset(context["not_places"])
        self.demonym_endings = tuple(context["demonym_endings"])
        self.inner = frozenset(context["inner_words"])
        self.heads = body_words()[0]
        self.languages = _language_names()

    def __call__(self, doc: Doc) -> Doc:
        candidates = candidate_group(doc)
        blocked = {i for span in candidates for i in range(span.start, span.end)}
        places: dict[int, int] = {}
        for _, start, end in self.matcher(doc):
            # "à La Réunion", "y Los Lagos": a capitalised article inside a sentence is the
            # name's own (samples/nlp/README.md G2).
            before = doc[start - 1] if start > 0 else None
            if before is not None and before.text in self.articles and not before.is_sent_start:
                start -= 1
            places[start] = max(end, places.get(start, end))
        self._add_features(doc, blocked, places)
        self._add_after_cues(doc, blocked, places)
        self._add_listed(doc, blocked, places)
        for start, end in places.items():
            if not blocked.intersection(range(start, end)):
                candidates.append(Span(doc, start, end, label="PLACE"))
        return doc

    # -- capitalised runs

    def _capital(self, doc: Doc, i: int, blocked: set[int]) -> bool:
        if i >= len(doc) or i in blocked:
            return False
        text = doc[i].text
        return text[0].isupper() and any(ch.isalpha() for ch in text)

    def _run(self, doc: Doc, k: int, blocked: set[int]) -> int:
        """The end of the capitalised run at `k` (k when there is none): capitalised words,
        those glued by a hyphen or an apostrophe ("San-Pédro", "Fada N’Gourma"), and "de"/"del"
        before a capitalised word ("Mar del Plata", "Ciudad Autónoma de Buenos Aires")."""
        if not self._capital(doc, k, blocked):
            return k
        end = k + 1
        while end < len(doc) and end - k < _MAX_PLACE_TOKENS and not doc[end].is_sent_start:
            token, previous = doc[end], doc[end - 1]
            glued = not previous.whitespace_ and (
                previous.text in HYPHENS or previous.text[-1] in "'’"
            )
            if self._capital(doc, end, blocked) or (glued and token.is_alpha):
                end += 1
            elif token.text in HYPHENS and not token.whitespace_ and not previous.whitespace_:
                end += 1
            elif token.lower_ in self.inner and self._capital(doc, end + 1, blocked):
                end += 1
            else:
                break
        while end - 1 > k and not self._capital(doc, end - 1, blocked):
            end -= 1
        return end

    def _plausible(self, doc: Doc, start: int, end: int, listed: bool = False) -> bool:
        """A run that may be a place: no body's head noun, month, language, demonym or
        acronym ("in Parliament", "in March", "in Inuktitut", "in Ghanaian venues", "in KFTB").
        A lone head word listed among places is one ("Cuyo, Centro, Patagonia")."""
        words = doc[start:end]
        first = words[0]
        if first.text in self.not_places or (first.is_stop and first.text not in self.articles):
            return False
        if words.text in self.languages:
            return False
        if any(t.lower_ in self.heads for t in words) and not (listed and len(words) == 1):
            return False
        if len(words) == 1 and (
            acronym_shaped(first) or first.lower_.endswith(self.demonym_endings)
        ):
            return False
        # "the Inuit Writers' Circle": a plural owner is no place.
        return not (end < len(doc) and doc[end].text in _PLURAL_MARKS)

    # -- the three rules

    def _add_features(self, doc: Doc, blocked: set[int], places: dict[int, int]) -> None:
        i = 0
        while i < len(doc):
            end = self._run(doc, i, blocked)
            if end - i >= 2 and (doc[i].text in self.before or doc[end - 1].text in self.after):
                if self._plausible(doc, i, end) and not doc[i].is_sent_start:
                    places[i] = max(end, places.get(i, end))
            i = max(end, i + 1)

    def _add_after_cues(self, doc: Doc, blocked: set[int], places: dict[int, int]) -> None:
        for _, cue_start, cue_end in self.cues(doc):
            # "the province of Limpopo", but "Department of Arts" is a body's name.
            if cue_end - cue_start > 1 and not doc[cue_start].is_lower:
                continue
            k = cue_end
            if k < len(doc) and doc[k].text in self.cue_articles:
                k += 1
            if k < len(doc) and doc[k].is_sent_start:
                continue
            end = self._run(doc, k, blocked)
            if end > k and self._plausible(doc, k, end):
                places[k] = max(end, places.get(k, end))

    def _add_listed(self, doc: Doc, blocked: set[int], places: dict[int, int]) -> None:
        """From each place, on to the capitalised runs joined to it on either side, then from
        those ("son Coyhaique, Puerto Natales, Punta Arenas, Castro")."""
        joins = {start: end for _, start, end in self.joins(doc)}
        queue = sorted(places)
        while queue:
            start = queue.pop(0)
            end = places[start]
            before = self._run_before(doc, start, blocked)
            if before is not None and before not in places:
                places[before] = start - 1
                queue.append(before)
            join_end = joins.get(end)
            if join_end is None:
                continue
            k = join_end
            if k < len(doc) and doc[k].text in self.cue_articles:
                k += 1
            if k >= len(doc) or doc[k].is_sent_start or k in places:
                continue
            run_end = self._run(doc, k, blocked)
            if run_end > k and self._plausible(doc, k, run_end, listed=True):
                places[k] = run_end
                queue.append(k)

    def _run_before(self, doc: Doc, start: int, blocked: set[int]) -> int | None:
        """The start of a capitalised run that a comma or a coordinator joins to the place at
        `start`: one word or a hyphenated one ("Noroeste, Noreste, Cuyo, Centro, Patagonia").
        Only a list after a colon may open a sentence ("However, Kenya" is no list)."""
        join = start - 1
        if join < 1 or doc[join].text not in self.left_joins or doc[start].is_sent_start:
            return None
        k = join - 1
        while k > 0 and doc[k - 1].text in HYPHENS and not doc[k - 1].whitespace_:
            k -= 2
        if k < 0 or not self._capital(doc, k, blocked) or self._run(doc, k, blocked) != join:
            return None
        if doc[k].is_sent_start and (k == 0 or doc[k - 1].text != ":"):
            return None
        return k if self._plausible(doc, k, join, listed=True) else None


_PLURAL_MARKS: Final = frozenset({"'", "’"})


@cache
def _language_names() -> frozenset[str]:
    """Language names in English ("in Inuktitut" is no place), from pycountry."""
    return frozenset(language.name for language in pycountry.languages)
