"""A body's name around its head noun: how far it reaches left and right of "Ministry",
"Conseil", "Fondo" (samples/nlp/README.md, ORG)."""

from __future__ import annotations

from pipeline.nlp.organization_words import MAX_NAME_TOKENS, OrganizationWords, Scan
from pipeline.nlp.words import HYPHENS, acronym_shaped


class NameScanner(OrganizationWords):
    """Finds the extent of a name from its head noun."""

    # -- a name around a head

    def _name_at(self, scan: Scan, head: int, floor: int) -> tuple[int, int, bool] | None:
        """(start, end, strong) of the name around the head at `head`, or None.

        A lower-case head ("ministère") needs a capitalised word after it. A name whose head
        starts a sentence and whose other words are lower case ("Centre de formation …") is
        weak: kept only when an acronym follows it, since it may be a plain noun phrase.
        """
        doc = scan.doc
        token = doc[head]
        start = head if token.is_lower else self._extend_left(scan, head, floor)
        end, capitals, adjective = self._extend_right(scan, head)
        if token.is_lower and not capitals:
            return None
        content = [
            t
            for t in doc[start:end]
            if t.i != head
            and (t.is_alpha or self._is_cap(t))
            and t.lower_ not in self.connectors
            and t.text not in self.possessives
        ]
        if not content:
            return None
        strong = (
            capitals
            or adjective
            or start < head
            or token.lower_ in self.lowercase_heads
            or not token.is_sent_start
        )
        return start, end, strong

    def _extend_left(self, scan: Scan, head: int, floor: int) -> int:
        """Capitalised words and possessives before the head: "Azerbaijan Composers' Union",
        "Theatre workers' Union"; a sentence's first word only when it is no common word."""
        doc = scan.doc
        start = head
        j = head - 1
        while j >= floor and scan.open(j, j) and not doc[j + 1].is_sent_start:
            token = doc[j]
            if token.text in self.possessives:
                if j - 1 < floor or not scan.open(j - 1, j - 1) or token.is_sent_start:
                    break
                owner = doc[j - 1]
                if not self._owner_joins(owner, token):
                    break
                if self._is_cap(owner):
                    start, j = j - 1, j - 2
                    continue
                if (
                    owner.is_alpha
                    and owner.is_lower
                    and not owner.is_sent_start
                    and j - 2 >= floor
                    and scan.open(j - 2, j - 2)
                    and self._is_cap(doc[j - 2])
                ):
                    start, j = j - 2, j - 3
                    continue
                break
            if (token.text == "&" or scan.glued_hyphen(j)) and j - 1 >= floor:
                if not (scan.open(j - 1, j - 1) and doc[j - 1].is_alpha) or token.is_sent_start:
                    break
                start, j = j - 1, j - 2
                continue
            if token.lower_ in self.coordinators and j - 1 >= floor and not token.is_sent_start:
                # "Kenya Film and Television Board" is one name; "UNESCO and Arts Council
                # England" two (G7).
                before = doc[j - 1]
                if not (scan.open(j - 1, j - 1) and self._is_cap(before)):
                    break
                if acronym_shaped(before) or self._is_head(before) or before.is_sent_start:
                    break
                start, j = j - 1, j - 2
                continue
            if self._is_cap(token):
                start, j = j, j - 1
                continue
            break
        while start < head and (
            doc[start].text in self.possessives
            or doc[start].text == "&"
            or doc[start].lower_ in self.coordinators
            or doc[start].text in HYPHENS
            or (
                doc[start].is_sent_start
                and (doc[start].is_stop or scan.written_lower(doc[start].lower_))
            )
        ):
            start += 1
        return start

    def _extend_right(self, scan: Scan, head: int) -> tuple[int, bool, bool]:
        """(end, has capitalised words, has an adjective of the list).

        The first word after the head sets the style: lower case ("Conseil national des arts")
        lets prepositions take lower-case nouns; capitalised ("Fondo Nacional de las Artes")
        asks every later word to be capitalised.
        """
        doc = scan.doc
        end = j = head + 1
        capitals = adjective = romance = False
        lower_style: bool | None = None
        while j < len(doc) and j - head < MAX_NAME_TOKENS and scan.open(j, head):
            token = doc[j]
            low = token.lower_
            if low in self.coordinators:
                after = self._coordinated(scan, head, j, lower_style)
                if after is None:
                    break
                end = j = after
                continue
            if low in self.english or low in self.romance:
                romance = romance or low in self.romance
                k = self._skip(scan, head, j + 1, self.articles)
                if scan.open(k, head) and self._is_cap(doc[k]) and low not in self.locating:
                    end = j = self._capital_run(scan, head, k)
                    capitals = True
                    lower_style = False if lower_style is None else lower_style
                    continue
                if (
                    low in self.romance
                    and lower_style is not False
                    and scan.open(k, head)
                    and self._is_lower_noun(doc[k])
                ):
                    end, listed = self._lower_phrase(scan, head, k)
                    j = end
                    lower_style = True
                    adjective = adjective or listed
                    continue
                break
            if self._is_cap(token):
                end = j = self._capital_run(scan, head, j)
                capitals = True
                lower_style = False if lower_style is None else lower_style
                continue
            owned = self._possessive_end(scan, head, j)
            if owned is not None:
                end = j = owned
                continue
            if lower_style is not False and self._adjective_after_head(scan, head, j):
                end = j = j + 1
                lower_style = True
                adjective = adjective or low in self.adjectives
                continue
            if romance and lower_style is False and self._closing_adjective(scan, head, j):
                end = j = j + 1
                continue
            if token.text == "," and capitals:
                after = self._listed(scan, head, j)
                if after is None:
                    break
                end = j = after
                continue
            break
        return end, capitals, adjective

    def _adjective_after_head(self, scan: Scan, head: int, j: int) -> bool:
        """ "Conseil national", "Société sénégalaise des droits voisins": a listed adjective, or
        one by its ending when a preposition follows it."""
        token = scan.doc[j]
        if not token.is_lower:
            return False
        if token.lower_ in self.adjectives:
            return True
        following = j + 1
        return (
            self._is_adjective(token)
            and scan.open(following, head)
            and scan.doc[following].lower_ in self.romance
        )

    def _closing_adjective(self, scan: Scan, head: int, j: int) -> bool:
        """ "ministère de la Culture et du Patrimoine historique": an adjective after a
        capitalised word of a French or Spanish name, when the name may end after it (a verb
        with an adjective's ending, "indique que", is followed by more words)."""
        doc = scan.doc
        token = doc[j]
        if not self._is_adjective(token):
            return False
        if token.lower_ in self.adjectives:
            return True
        following = j + 1
        if following >= len(doc) or not scan.open(following, head):
            return True
        after = doc[following]
        return after.is_punct or after.lower_ in self.coordinators or after.lower_ in self.romance

    def _lower_phrase(self, scan: Scan, head: int, k: int) -> tuple[int, bool]:
        """The end of a lower-case noun with its adjective ("des industries culturelles"), and
        whether that adjective is listed. A last lower-case word counts before an acronym's
        parenthesis ("des droits voisins (SSDV)")."""
        doc = scan.doc
        end = k + 1
        while scan.glued_hyphen(end) and scan.open(end + 1, head) and doc[end + 1].is_lower:
            end += 2  # "des ciné-clubs du Faso"
        if scan.open(end, head) and self._is_adjective(doc[end]):
            return end + 1, doc[end].lower_ in self.adjectives
        if (
            scan.open(end, head)
            and self._is_lower_noun(doc[end])
            and end + 1 < len(doc)
            and doc[end + 1].text == "("
        ):
            return end + 1, False
        return end, False

    def _possessive_end(self, scan: Scan, head: int, j: int) -> int | None:
        """ "Azerbaijan Theatre workers' Union": a possessive owner and its mark go on to the
        capitalised word after them."""
        doc = scan.doc
        if doc[j].text in self.possessives:
            owner, mark = doc[j - 1], j
        elif doc[j].is_alpha and doc[j].is_lower:
            owner, mark = doc[j], j + 1
        else:
            return None
        if not (scan.open(mark, head) and doc[mark].text in self.possessives):
            return None
        if not self._owner_joins(owner, doc[mark]):
            return None
        if not (scan.open(mark + 1, head) and self._is_cap(doc[mark + 1])):
            return None
        return mark + 1

    def _skip(self, scan: Scan, head: int, k: int, words: frozenset[str]) -> int:
        while scan.open(k, head) and scan.doc[k].lower_ in words:
            k += 1
        return k

    def _capital_run(self, scan: Scan, head: int, k: int) -> int:
        while scan.open(k, head) and self._is_cap(scan.doc[k]):
            k += 1
            while scan.glued_hyphen(k) and scan.open(k + 1, head):
                k += 2
        return k

    def _starts_new_name(self, scan: Scan, head: int, k: int) -> bool:
        """A head, a place, an acronym or a possessive owner: the start of another name."""
        doc = scan.doc
        if k in scan.place_starts or (acronym_shaped(doc[k]) and not doc[head].is_upper):
            return True
        end = self._capital_run(scan, head, k)
        if any(self._is_head(t) for t in doc[k:end]):
            return True
        return end < len(doc) and (doc[end].text in self.possessives or self._is_head(doc[end]))

    def _coordinated(self, scan: Scan, head: int, j: int, lower_style: bool | None) -> int | None:
        """The end of "and Tourism" in "Ministry of Culture and Tourism"; None when what
        follows the coordinator is another name or no part of a name (G7)."""
        doc = scan.doc
        if scan.open(j + 1, head) and doc[j + 1].lower_ in self.articles:
            # "… Media Arts and the Pwani Creative Hub", "… de Salé et la fondation …": an
            # article with no preposition before it opens another name (G7).
            return None
        k = self._skip(scan, head, j + 1, self.english | self.romance | self.articles)
        if not scan.open(k, head):
            return None
        if self._is_cap(doc[k]):
            return (
                None if self._starts_new_name(scan, head, k) else self._capital_run(scan, head, k)
            )
        if lower_style and self._is_lower_noun(doc[k]):
            return self._lower_phrase(scan, head, k)[0]
        return None

    def _listed(self, scan: Scan, head: int, comma: int) -> int | None:
        """ "Ministry of Culture, Youth and Sports": capitalised words between commas count only
        when a coordinator closes the list."""
        doc = scan.doc
        k = comma + 1
        while True:
            # "ministère de la Communication, de la Culture, des Arts et du Tourisme"
            k = self._skip(scan, head, k, self.romance - self.locating)
            k = self._skip(scan, head, k, self.articles)
            if not (scan.open(k, head) and self._is_cap(doc[k])):
                return None
            if self._starts_new_name(scan, head, k):
                return None
            k = self._capital_run(scan, head, k)
            if scan.open(k, head) and doc[k].text == ",":
                k += 1
                if not (scan.open(k, head) and doc[k].lower_ in self.coordinators):
                    continue
            if scan.open(k, head) and doc[k].lower_ in self.coordinators:
                return self._coordinated(scan, head, k, False)
            return None
