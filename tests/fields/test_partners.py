"""Partner tables in every rendering give the same rows; missing names or types stay None."""

from __future__ import annotations

from pipeline.blocks import Block, table_row
from pipeline.fields.partners import parse_partners
from pipeline.normalize import normalize


def rows(blocks):
    return [
        (row.name.text if row.name else None, row.type.text if row.type else None, row.entity_type)
        for row in parse_partners(normalize(blocks).lines)
    ]


EXPECTED = [
    ("Azerbaijan Composers' Union", "Organisation de la société civile (OSC)", "civil_society"),
    ("Baku City Hall", "Secteur public", "public_sector"),
]


def test_flattened_alternating_lines_with_glued_header() -> None:
    text = (
        "Nom du partenaireType d'entité\nAzerbaijan Composers' Union\n"
        "Organisation de la société civile (OSC)\nBaku City Hall\nSecteur public"
    )
    assert rows([Block(text)]) == EXPECTED


def test_pipe_table() -> None:
    text = (
        "Nom du partenaire | Type d'entité |\n| Azerbaijan Composers' Union | "
        "Organisation de la société civile (OSC) |\n| Baku City Hall | Secteur public |"
    )
    assert rows([Block(text)]) == EXPECTED


def test_real_table_rows() -> None:
    blocks = [table_row(["Nom du partenaire", "Type d'entité"])] + [
        table_row([name, kind]) for name, kind, _ in EXPECTED
    ]
    assert rows(blocks) == EXPECTED


def test_missing_name_or_type_is_kept_as_none() -> None:
    flattened = "Name of partnerType of entity\nPublic Sector\nLonely Festival\nNational Library\nPrivate Sector"
    assert rows([Block(flattened)]) == [
        (None, "Public Sector", "public_sector"),
        ("Lonely Festival", None, None),
        ("National Library", "Private Sector", "private_sector"),
    ]
    table = [
        table_row(["", "SECTEUR PUBLIC"]),
        table_row(["Radio Lumière", ""]),
        table_row(["Uni", "Academia"]),
    ]
    assert rows(table) == [
        (None, "SECTEUR PUBLIC", "public_sector"),
        ("Radio Lumière", None, None),
        ("Uni", "Academia", "other"),
    ]


def test_unknown_type_in_a_real_table_is_other() -> None:
    assert rows([table_row(["Blue Note Trust", "Philanthropic trust"])]) == [
        ("Blue Note Trust", "Philanthropic trust", "other")
    ]
