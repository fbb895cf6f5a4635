"""ORG candidates (samples/nlp/README.md, ORG): a head noun with the capitalised words and
connectors around it, known bodies and acronyms, and an acronym defined in parentheses after a
name, also where it comes again."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.nlp.organization_names import NameScanner
from pipeline.nlp.organization_words import MAX_NAME_TOKENS, Scan
from pipeline.nlp.state import DEFINED, candidate_group
from pipeline.nlp.words import acronym_shaped


class OrganizationComponent(NameScanner):
    """Names of bodies, each its own candidate, and the acronyms they define."""

    def __call__(self, doc: Doc) -> Doc:
        candidates = candidate_group(doc)
        scan = Scan(doc, set(), set())
        for span in candidates:
            if span.label_ == "PLACE":
                scan.place_starts.add(span.start)
            else:
                scan.blocked.update(range(span.start, span.end))
        names: list[tuple[int, int]] = []
        weak: set[tuple[int, int]] = set()
        floor = 0
        for token in doc:
            if token.i < floor or token.i in scan.blocked or not self._is_head(token):
                continue
            found = self._name_at(scan, token.i, floor)
            if found is None:
                continue
            start, end, strong = found
            if " ".join(doc[start:end].text.lower().split()) in self.not_names:
                continue
            names.append((start, end))
            if not strong:
                weak.add((start, end))
            floor = end
        known = [(s, e) for _, s, e in self.known(doc)]
        known += [(s, e) for _, s, e in self.acronyms(doc) if s not in scan.blocked]
        known += self._after_apposition(scan)
        spelled = self._spelled_out(scan)
        # A name that its acronym spells out is right where a head's name went too far or
        # stopped short ("Fonds ivoirien … à partir", "Caisse nationale de garantie …").
        names = [n for n in names if not any(n[0] < e and s < n[1] for s, e in spelled)]
        known += spelled
        weak.difference_update(known)
        for start, end in self._with_acronyms(scan, sorted(set(names + known)), weak):
            candidates.append(Span(doc, start, end, label="ORG"))
        return doc

    # -- acronyms

    def _with_acronyms(
        self, scan: Scan, names: list[tuple[int, int]], weak: set[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The names and the acronyms they define, each its own mention: "Kenya Film and
        Television Board (KFTB)" or "SODEC (Société …)", and "KFTB" wherever it comes again.
        A weak name stays only with such an acronym."""
        doc = scan.doc
        kept: list[tuple[int, int]] = []
        defined: dict[str, int] = {}
        for start, end in names:
            acronym = None
            if (
                end + 2 < len(doc)
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and acronym_shaped(doc[end + 1])
            ):
                acronym = end + 1
            elif (
                start >= 2
                and end < len(doc)
                and doc[start - 1].text == "("
                and doc[end].text == ")"
                and acronym_shaped(doc[start - 2])
            ):
                acronym = start - 2
            if acronym is None and (start, end) in weak:
                continue
            kept.append((start, end))
            if acronym is not None and acronym not in scan.blocked:
                kept.append((acronym, acronym + 1))
                defined.setdefault(doc[acronym].text, acronym)
        if defined:
            for token in doc:
                first = defined.get(token.text)
                if first is not None and token.i > first and token.i not in scan.blocked:
                    kept.append((token.i, token.i + 1))
        doc.user_data[DEFINED] = sorted(defined)
        return sorted(set(kept))

    def _spelled_out(self, scan: Scan) -> list[tuple[int, int]]:
        """ "Caisse nationale de garantie des industries créatives (CNGIC)": before an acronym
        in parentheses, the shortest stretch that holds a head noun and whose words' initials
        spell the acronym is a name, whatever its case. A programme's acronym has no head
        noun before it ("Programme national … (PNAEI)", samples/nlp/README.md G6)."""
        doc = scan.doc
        found = []
        for close in range(2, len(doc)):
            opening, acronym = close - 2, doc[close - 1]
            if doc[close].text != ")" or doc[opening].text != "(" or not acronym_shaped(acronym):
                continue
            letters = "".join(ch for ch in acronym.text if ch.isalpha()).casefold()
            initials = ""
            start = opening - 1
            while start >= 0 and opening - start <= MAX_NAME_TOKENS and scan.open(start, start):
                token = doc[start]
                if token.is_alpha and token.lower_ not in self.connectors:
                    initials = token.lower_[0] + initials
                if not letters.endswith(initials):
                    break
                if initials == letters and (
                    self._is_head(token)
                    or (token.text[0].isupper() and self._has_head(doc, start, opening))
                ):
                    found.append((start, opening))
                    break
                start -= 1
        return found

    def _has_head(self, doc: Doc, start: int, end: int) -> bool:
        return any(t.lower_ in self.heads for t in doc[start:end])

    def _after_apposition(self, scan: Scan) -> list[tuple[int, int]]:
        """ "le festival Dakar Hip-Hop Connexion", "la fondation Dar Lfenn", "au festival
        lyonnais Gamescape": the capitalised run after a lower-case kind of body (and its
        adjective) is the body's name, the kind itself is not (samples/nlp/README.md, ORG)."""
        doc = scan.doc
        found = []
        for token in doc:
            if token.text not in self.apposition_nouns or token.is_sent_start:
                continue
            k = token.i + 1
            if scan.open(k, token.i) and doc[k].is_lower and self._is_adjective(doc[k]):
                k += 1
            if not (scan.open(k, k) and self._is_cap(doc[k])):
                continue
            end = self._capital_run(scan, k, k)
            if end > k:
                found.append((k, end))
        return found
