"""The point of contact's value lines in, its parts out: name, organisation, email, phone, address.

Reports write it with sub-labels (`E-mail: …`, `Téléphone :`, a label alone on its line with the
value on the next), as bare lines (a name, a position, a ministry, an address, a number, an
email), or as one comma-separated line; each is read. Where a part is given twice the first
wins. A position (`Director`, `Chargée de mission`, a line naming one of the position words
before any organisation word) and a fax number or website are not kept; what is left after the
name, organisation, email and phone is the address, its lines joined by newlines (the pieces of
a one-line value by `, `).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.normalize import match_key
from pipeline.patterns import URL, alternation
from pipeline.tables import load_table


def _any_of(words: list[str]) -> str:
    """Words of the table in any case, whole, their spaces any whitespace."""
    return alternation(words, ignore_case=True, space=r"\s", guard_signs=False)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(rf"^{URL}$", re.IGNORECASE)
_PHONE_WORDS = load_table("report")["phone"]
_PHONE = re.compile(
    r"^\(?\+?[\d\s().\-/]{7,}(?:\s*" + _any_of(_PHONE_WORDS["extensions"]) + r"\s*\d+)?$"
)
_MIN_PHONE_DIGITS = 7
# Several numbers in one value: `+254 20 123 4567 / +254 722 000 000`, `… or …`.
_NUMBER_LIST = re.compile(
    r"\s*(?:[;,]|\s/\s|\s" + _any_of(_PHONE_WORDS["alternatives"]) + r"\s)\s*"
)
# A phone sub-label before the number on the same line (`Tél. : +33 …`, `T +33 …`).
_PHONE_LABEL = re.compile(
    "^"
    + _any_of(load_table("report")["contact_labels"]["phone"] + _PHONE_WORDS["short_labels"])
    + r"\s*[.:]?\s*"
)
_MAX_NAME_WORDS = 7
_PARTS = re.compile(r"\s*[;,]\s+")
# `Label: value`, `Label : value`, and a two-cell table row `Label | value`.
_LABEL_SEPARATOR = re.compile(r"\s*(?::|\s\|\s)\s*")
_ONE_LINE = -1


@dataclass(frozen=True, slots=True)
class ContactParts:
    name: str | None = None
    organization: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    line: int
    """The source line's index; pieces of a one-line value share it."""


@cache
def _sub_labels() -> dict[str, str]:
    return {
        match_key(wording): part
        for part, wordings in load_table("report")["contact_labels"].items()
        for wording in wordings
    }


@cache
def _words(section: str) -> re.Pattern[str]:
    """Any of a data section's words, whole, in folded text."""
    words = sorted((match_key(word) for word in load_table("report")[section]["words"]), key=len)
    return re.compile(rf"\b(?:{'|'.join(re.escape(word) for word in reversed(words))})\b")


def parse_contact(texts: list[str]) -> ContactParts:
    """The contact's parts from its value lines, in order."""
    labelled: dict[str, list[_Piece]] = {}
    bare: list[_Piece] = []
    pending: str | None = None
    for piece in _pieces(texts):
        part, value = _sub_label(piece.text)
        if part is not None and not value:
            pending = part
            continue
        if part is None and pending is not None:
            part, value = pending, piece.text
        pending = None
        if part is None:
            bare.append(piece)
        elif part != "ignored":
            labelled.setdefault(part, []).append(_Piece(value, piece.line))
    return _assemble(labelled, bare)


def _pieces(texts: list[str]) -> list[_Piece]:
    """The value's lines; a one-line value (`Ms A. Diallo, Director, Ministry of Culture,
    a.diallo@example.org`) split at its commas, and a line holding several sub-labels
    (`Email: a@b.org, Tel: +254 …`) split before each."""
    texts = [text.strip() for text in texts if text.strip()]
    if len(texts) == 1 and _sub_label(texts[0])[0] is None:
        return [_Piece(part, _ONE_LINE) for part in _PARTS.split(texts[0]) if part]
    pieces = []
    for line, text in enumerate(texts):
        parts = [part for part in _PARTS.split(text) if part]
        if len(parts) > 1 and all(_sub_label(part)[0] is not None for part in parts):
            pieces += [_Piece(part, line) for part in parts]
        else:
            pieces.append(_Piece(text, line))
    return pieces


def _sub_label(text: str) -> tuple[str | None, str]:
    """(part, value) for `Label: value` or `Label:`; a phone or email after a label without a
    colon (`Tel. +33 1 …`, `Fax +33 1 …`); (None, text) for a bare line."""
    found = _LABEL_SEPARATOR.search(text)
    if found:
        part = _sub_labels().get(match_key(text[: found.start()]))
        if part is not None:
            return part, text[found.end() :].strip()
    words = text.split(maxsplit=1)
    if len(words) == 2 and (_is_phone(words[1]) or _EMAIL.fullmatch(words[1])):
        part = _sub_labels().get(match_key(words[0]))
        if part is not None:
            return part, words[1]
    return None, text


def _assemble(labelled: dict[str, list[_Piece]], bare: list[_Piece]) -> ContactParts:
    def first(part: str) -> str | None:
        values = [piece.text for piece in labelled.get(part, []) if piece.text]
        return values[0] if values else None

    name = first("name") or " ".join(
        value for value in (first("first_name"), first("family_name")) if value
    )
    email, phone = first("email"), first("phone")
    organization = [piece for piece in labelled.get("organization", []) if piece.text][:1]
    address = [piece for piece in labelled.get("address", []) if piece.text]
    rest: list[_Piece] = []
    for piece in _split_positions(bare):
        text = piece.text
        if match_key(text) in _placeholders():
            continue
        found_email = _EMAIL.search(text)
        if found_email:
            email = email or found_email.group()
        elif _URL.match(text):
            continue
        elif _is_phone(text):
            phone = phone or text
        elif _is_position(text):
            continue
        elif names_organization(text) and _joins(organization, piece, labelled):
            organization.append(piece)
        elif _is_name(text) and (_is_honorific(text) or not (name or rest)):
            # The first line left is the name when it reads as one; a line with a title (`Ms`,
            # `Sr.`) is a name anywhere, and a second person's is not kept.
            name = name or text
        else:
            rest.append(piece)
    if not name and address and _reads_as_person(address[0].text):
        # The 2020 form's contact block: the person's name is the address's first line.
        name = address.pop(0).text
    return ContactParts(
        name=name or None,
        organization=_join(organization),
        email=_first_email(email),
        phone=_first_number(phone),
        address=_join(address + rest),
    )


def _split_positions(bare: list[_Piece]) -> list[_Piece]:
    """`Ms Jane Wanjiru, Director` and `Director of Cultural Affairs, Ministry of Culture` as
    pieces, so the position alone is dropped; an address line keeps its commas."""
    pieces = []
    for piece in bare:
        parts = _PARTS.split(piece.text)
        if len(parts) > 1 and any(_is_position(part) for part in parts):
            pieces += [_Piece(part, piece.line) for part in parts if part]
        else:
            pieces.append(piece)
    return pieces


def _joins(organization: list[_Piece], piece: _Piece, labelled: dict[str, list[_Piece]]) -> bool:
    """The first organisation line, or one right after it (`Department of Arts` then `Ministry of
    Culture`); a labelled organisation takes no bare line."""
    if not organization:
        return True
    if "organization" in labelled or any(char.isdigit() for char in piece.text):
        return False
    last = organization[-1]
    return piece.line == last.line or piece.line == last.line + 1


def _join(pieces: list[_Piece]) -> str | None:
    if not pieces:
        return None
    text = pieces[0].text
    for previous, piece in zip(pieces, pieces[1:], strict=False):
        text += (", " if piece.line == previous.line else "\n") + piece.text
    return text


def _first_email(text: str | None) -> str | None:
    """The first address in the value; a value holding none (`n/a`) is no email."""
    found = _EMAIL.search(text) if text else None
    return found.group() if found else None


def _first_number(text: str | None) -> str | None:
    """The first number in the value as written; a value without digits (`n/a`) is none."""
    if text is None or not any(char.isdigit() for char in text):
        return None
    text = _strip_phone_label(text)
    numbers = [part for part in _NUMBER_LIST.split(text) if _is_phone(part)]
    return numbers[0] if numbers else text


def _is_phone(text: str) -> bool:
    text = _NUMBER_LIST.split(_strip_phone_label(text))[0]
    return bool(_PHONE.match(text)) and sum(char.isdigit() for char in text) >= _MIN_PHONE_DIGITS


def _strip_phone_label(text: str) -> str:
    return _PHONE_LABEL.sub("", text, count=1)


def _is_position(text: str) -> bool:
    """A line naming a position word before any organisation word, without digits."""
    if any(char.isdigit() for char in text):
        return False
    key = match_key(text)
    position = _words("positions").search(key)
    if position is None:
        return False
    organization = _words("organization").search(key)
    return organization is None or position.start() < organization.start()


def names_organization(text: str) -> bool:
    """`text` names a body: a ministry, an office, a council, a foundation (data: report.toml)."""
    return _words("organization").search(match_key(text)) is not None


def _reads_as_person(text: str) -> bool:
    return _is_name(text) and not names_organization(text) and not _is_position(text)


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(
        match_key(text) for text in load_table("report")["contact_placeholders"]["lines"]
    )


def _is_honorific(text: str) -> bool:
    """`text` starts with a title (`Ms`, `Mme`, `Sra.`)."""
    return _words("honorifics").match(match_key(text)) is not None


def _is_name(text: str) -> bool:
    """Two to seven words, no digits, no address word (`Avenue`, `rue`, `P.O. Box`)."""
    words = text.split()
    return (
        1 < len(words) <= _MAX_NAME_WORDS
        and not any(char.isdigit() for char in text)
        and _words("address").search(match_key(text)) is None
    )
