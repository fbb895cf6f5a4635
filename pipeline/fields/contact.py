"""The point of contact's value lines in, its parts out: name, organisation, email, phone, address.

Reports write it with sub-labels (`E-mail: …`, `Téléphone :`), as bare lines (a name, a ministry,
an address, a number, an address for mail), or as one comma-separated line; each is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.normalize import match_key
from pipeline.tables import load_table

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{7,}(?:\s*(?:ext|poste|ext\.)\s*\d+)?$", re.IGNORECASE)
_MIN_PHONE_DIGITS = 7
_MAX_NAME_WORDS = 7
_PARTS = re.compile(r"\s*[;,]\s+")


@dataclass(frozen=True, slots=True)
class ContactParts:
    name: str | None = None
    organization: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


@cache
def _sub_labels() -> dict[str, str]:
    return {
        match_key(wording): part
        for part, wordings in load_table("report")["contact_labels"].items()
        for wording in wordings
    }


@cache
def _organization_words() -> tuple[str, ...]:
    return tuple(match_key(word) for word in load_table("report")["organization"]["words"])


def parse_contact(texts: list[str]) -> ContactParts:
    """The contact's parts from its value lines, in order."""
    labelled: dict[str, list[str]] = {}
    bare: list[str] = []
    pending: str | None = None
    for text in _split_single_line(texts):
        part, value = _sub_label(text)
        if part is not None and not value:
            pending = part
            continue
        if part is None and pending is not None:
            part, value = pending, text
        pending = None
        if part is None:
            bare.append(text)
        elif part != "ignored":
            labelled.setdefault(part, []).append(value)
    return _assemble(labelled, bare)


def _split_single_line(texts: list[str]) -> list[str]:
    """`Ms A. Diallo, Director, Ministry of Culture, a.diallo@example.org` on one line."""
    texts = [text.strip() for text in texts if text.strip()]
    if len(texts) == 1 and _sub_label(texts[0])[0] is None:
        return [part for part in _PARTS.split(texts[0]) if part]
    return texts


def _sub_label(text: str) -> tuple[str | None, str]:
    """(part, value) for `Label: value` or `Label:`; (None, text) for a bare line."""
    label, colon, value = text.partition(":")
    if colon:
        part = _sub_labels().get(match_key(label))
        if part is not None:
            return part, value.strip()
    return None, text


def _assemble(labelled: dict[str, list[str]], bare: list[str]) -> ContactParts:
    def first(part: str) -> str | None:
        values = [value for value in labelled.get(part, []) if value]
        return values[0] if values else None

    name = first("name") or " ".join(
        value for value in (first("first_name"), first("family_name")) if value
    )
    email, phone, organization = first("email"), first("phone"), first("organization")
    address_lines = [value for value in labelled.get("address", []) if value]
    rest: list[str] = []
    for text in bare:
        found_email = _EMAIL.search(text)
        if found_email and (email is None or found_email.group() == email):
            email = email or found_email.group()
            continue
        if _is_phone(text):
            phone = phone or _strip_phone_label(text)
            continue
        if organization is None and _names_organization(text):
            organization = text
            continue
        rest.append(text)
    if email is not None:
        found = _EMAIL.search(email)
        email = found.group() if found else email
    if not name and rest and _looks_like_name(rest[0]):
        name = rest.pop(0)
    address_lines += rest
    return ContactParts(
        name=name or None,
        organization=organization,
        email=email,
        phone=phone,
        address="\n".join(address_lines) if address_lines else None,
    )


def _is_phone(text: str) -> bool:
    text = _strip_phone_label(text)
    return bool(_PHONE.match(text)) and sum(char.isdigit() for char in text) >= _MIN_PHONE_DIGITS


def _strip_phone_label(text: str) -> str:
    return re.sub(r"^(?:tel|tél|phone|t)\s*[.:]?\s*", "", text, flags=re.IGNORECASE)


def _names_organization(text: str) -> bool:
    words = f" {match_key(text)} "
    return any(f" {word} " in words for word in _organization_words())


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 < len(words) <= _MAX_NAME_WORDS and not any(char.isdigit() for char in text)
