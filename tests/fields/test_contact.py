"""The point of contact's value (docs/record.md `report.contact`): name, organisation, email, phone
and address from sub-labelled lines, bare lines or one comma-separated line.

Rules the tests pin down: the first of several emails or numbers wins; a fax number, a website
and the contact's position (`Director`, `Chargée de mission`) are not kept, and never end up in
the address; the address is what is left, its lines joined by newlines.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.fields.contact import ContactParts, parse_contact

KENYA = ContactParts(
    name="Ms Jane Wanjiru",
    organization="Ministry of Sports, Culture and Heritage",
    email="jane.wanjiru@culture.go.ke",
    phone="+254 20 222 7860",
    address="P.O. Box 49849-00100\nNairobi",
)


# --- bare lines ---


def test_bare_lines_in_form_order() -> None:
    lines = [
        "Ms Jane Wanjiru",
        "Ministry of Sports, Culture and Heritage",
        "P.O. Box 49849-00100",
        "Nairobi",
        "+254 20 222 7860",
        "jane.wanjiru@culture.go.ke",
    ]
    assert parse_contact(lines) == KENYA


def test_bare_lines_in_another_order() -> None:
    lines = [
        "jane.wanjiru@culture.go.ke",
        "+254 20 222 7860",
        "Ms Jane Wanjiru",
        "Ministry of Sports, Culture and Heritage",
        "P.O. Box 49849-00100",
        "Nairobi",
    ]
    assert parse_contact(lines) == KENYA


def test_a_name_after_the_ministry_is_still_the_name() -> None:
    found = parse_contact(["Ministry of Culture", "Jane Wanjiru"])
    assert (found.name, found.organization) == ("Jane Wanjiru", "Ministry of Culture")


def test_a_street_line_is_never_taken_for_the_name() -> None:
    found = parse_contact(["Ministry of Culture", "Harambee Avenue", "Nairobi"])
    assert found.name is None
    assert found.address == "Harambee Avenue\nNairobi"


def test_a_name_with_a_title_is_found_after_the_address() -> None:
    found = parse_contact(["P.O. Box 123", "Nairobi", "Mr John Kamau"])
    assert found.name == "Mr John Kamau"
    assert found.address == "P.O. Box 123\nNairobi"


def test_a_second_persons_name_is_not_the_address() -> None:
    found = parse_contact(["Ms Jane Wanjiru", "Mr John Kamau", "Ministry of Culture"])
    assert found.name == "Ms Jane Wanjiru"
    assert found.address is None


def test_family_name_in_capitals() -> None:
    assert parse_contact(["DUPONT Marie", "Ministère de la Culture"]).name == "DUPONT Marie"


# Name, organisation, address, phone and email as Parties write them (invented people).
CONTACTS = [
    (
        "Lcda. Rosa Elena Paredes",
        "Subsecretaría de Artes y Creatividad",
        "Av. Amazonas N34-12 y Pereira, Quito",
        "+593 2 222 1100",
        "convencion@cultura-ejemplo.gob.ec",
    ),
    (
        "Mrs Carla Best-Gittens",
        "Division of Culture",
        "Warrens Park, Warrens, St. Michael",
        "+1 246 555 0199",
        "culture@example.gov.bb",
    ),
    (
        "M. Jean Rakoto",
        "Direction générale de la Culture",
        "Lot II K 15, Ambohijatovo, 101 Antananarivo",
        "+261 20 22 000 00",
        "focal.point@culture-example.mg",
    ),
    (
        "Mr Peter Shikongo",
        "Directorate of Arts",
        "Private Bag 12345, Windhoek",
        "+264 61 000 0000",
        "arts@example.na",
    ),
]


def contact_parts(contact: tuple[str, str, str, str, str]) -> ContactParts:
    name, organization, address, phone, email = contact
    return ContactParts(
        name=name, organization=organization, email=email, phone=phone, address=address
    )


@pytest.mark.parametrize("contact", CONTACTS, ids=lambda contact: contact[4])
def test_realistic_contacts_as_bare_lines(contact: tuple[str, str, str, str, str]) -> None:
    name, organization, address, phone, email = contact
    assert parse_contact([name, organization, address, phone, email]) == contact_parts(contact)
    assert parse_contact([name, email, phone, address, organization]) == contact_parts(contact)


@pytest.mark.parametrize("contact", CONTACTS, ids=lambda contact: contact[4])
def test_realistic_contacts_with_sub_labels(contact: tuple[str, str, str, str, str]) -> None:
    name, organization, address, phone, email = contact
    lines = [
        f"Name: {name}",
        f"Organization: {organization}",
        f"Mailing address: {address}",
        f"Telephone: {phone}",
        f"E-mail: {email}",
    ]
    assert parse_contact(lines) == contact_parts(contact)


# --- positions ---


@pytest.mark.parametrize(
    "position",
    [
        "Director",
        "Directrice des affaires internationales",
        "Chargée de mission",
        "Senior Cultural Officer",
        "Head of Unit",
        "Jefa de Departamento",
        "Point focal de la Convention",
        "Cultural Attaché",
    ],
)
def test_a_position_line_is_neither_address_nor_organisation(position: str) -> None:
    found = parse_contact(["Marie Dupont", position, "Ministère de la Culture", "75001 Paris"])
    assert found == ContactParts(
        name="Marie Dupont", organization="Ministère de la Culture", address="75001 Paris"
    )


def test_an_organisation_that_names_a_position_is_still_the_organisation() -> None:
    found = parse_contact(["Jane Doe", "Office of the Minister of Culture"])
    assert found.organization == "Office of the Minister of Culture"


def test_secretaria_de_cultura_is_a_ministry_not_a_secretary() -> None:
    found = parse_contact(["Sra. María López", "Secretaría de Cultura", "Avenida Reforma 175"])
    assert found.organization == "Secretaría de Cultura"
    assert found.address == "Avenida Reforma 175"


def test_name_and_position_on_one_line() -> None:
    found = parse_contact(["Ms Jane Wanjiru, Director", "Ministry of Culture"])
    assert found == ContactParts(name="Ms Jane Wanjiru", organization="Ministry of Culture")


def test_position_and_ministry_on_one_line() -> None:
    found = parse_contact(["Jane Doe", "Director of Cultural Affairs, Ministry of Culture"])
    assert found == ContactParts(name="Jane Doe", organization="Ministry of Culture")


# --- organisation and address ---


def test_a_department_above_its_ministry_is_one_organisation() -> None:
    found = parse_contact(
        ["Jane Doe", "Department of Arts", "Ministry of Culture", "P.O. Box 1", "Nairobi"]
    )
    assert found.organization == "Department of Arts\nMinistry of Culture"
    assert found.address == "P.O. Box 1\nNairobi"


def test_an_address_line_keeps_its_commas() -> None:
    found = parse_contact(["Jane Doe", "Ministry of Culture", "Kenyatta Avenue", "Nairobi, Kenya"])
    assert found.address == "Kenyatta Avenue\nNairobi, Kenya"


def test_website_lines_are_dropped() -> None:
    found = parse_contact(["Jane Doe", "https://www.culture.go.ke", "www.culture.go.ke"])
    assert found == ContactParts(name="Jane Doe")


# --- sub-labels ---


def test_english_sub_labels() -> None:
    lines = [
        "Name: Ms Jane Wanjiru",
        "Organization: Ministry of Sports, Culture and Heritage",
        "E-mail: jane.wanjiru@culture.go.ke",
        "Telephone: +254 20 222 7860",
        "Mailing address: P.O. Box 49849-00100",
        "Nairobi",
    ]
    assert parse_contact(lines) == KENYA


def test_french_sub_labels_with_a_space_before_the_colon() -> None:
    lines = [
        "Nom : Marie Dupont",
        "Organisation : Ministère de la Culture",
        "Courriel : marie.dupont@culture.gouv.fr",
        "Téléphone : +33 (0)1 40 15 80 00",
        "Adresse : 182 rue Saint-Honoré",
        "75001 Paris",
    ]
    assert parse_contact(lines) == ContactParts(
        name="Marie Dupont",
        organization="Ministère de la Culture",
        email="marie.dupont@culture.gouv.fr",
        phone="+33 (0)1 40 15 80 00",
        address="182 rue Saint-Honoré\n75001 Paris",
    )


def test_spanish_sub_labels() -> None:
    lines = [
        "Nombre: Juan Pérez",
        "Institución: Ministerio de Cultura",
        "Correo electrónico: jperez@cultura.gob.es",
        "Teléfono: +34 91 701 70 00",
        "Dirección: Plaza del Rey 1, Madrid",
    ]
    assert parse_contact(lines) == ContactParts(
        name="Juan Pérez",
        organization="Ministerio de Cultura",
        email="jperez@cultura.gob.es",
        phone="+34 91 701 70 00",
        address="Plaza del Rey 1, Madrid",
    )


def test_a_sub_label_alone_on_its_line_takes_the_next_line() -> None:
    lines = [
        "Nom :",
        "Marie Dupont",
        "E-mail:",
        "marie@culture.gouv.fr",
        "Phone:",
        "01 40 15 80 00",
    ]
    assert parse_contact(lines) == ContactParts(
        name="Marie Dupont", email="marie@culture.gouv.fr", phone="01 40 15 80 00"
    )


def test_an_empty_sub_label_followed_by_another_stays_empty() -> None:
    found = parse_contact(["Name:", "E-mail: jane@culture.go.ke"])
    assert found == ContactParts(email="jane@culture.go.ke")


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["First name: Jane", "Family name: Wanjiru"], "Jane Wanjiru"),
        (["Family name: Wanjiru", "First name: Jane"], "Jane Wanjiru"),
        (["Prénom : Marie", "Nom de famille : Dupont"], "Marie Dupont"),
        (["Nombre de pila: Juan", "Apellidos: Pérez Gómez"], "Juan Pérez Gómez"),
    ],
)
def test_first_and_family_name_make_the_name(lines: list[str], name: str) -> None:
    assert parse_contact(lines).name == name


def test_sub_labels_of_unkept_parts_are_dropped() -> None:
    lines = ["Title: Director", "Position : Head of Unit", "Name: Jane Doe", "Website: www.x.org"]
    assert parse_contact(lines) == ContactParts(name="Jane Doe")


def test_contact_person_label_gives_the_name() -> None:
    assert parse_contact(["Contact person: Jane Doe"]).name == "Jane Doe"


def test_table_row_sub_labels() -> None:
    lines = ["Name | Jane Doe", "E-mail | jane@culture.go.ke"]
    assert parse_contact(lines) == ContactParts(name="Jane Doe", email="jane@culture.go.ke")


def test_several_sub_labels_on_one_line() -> None:
    found = parse_contact(["Jane Doe", "Email: jane@x.org, Tel: +254 20 123 4567"])
    assert found == ContactParts(name="Jane Doe", email="jane@x.org", phone="+254 20 123 4567")


def test_a_sub_labelled_address_keeps_its_commas() -> None:
    found = parse_contact(["Address: P.O. Box 123, Nairobi", "Name: Jane Doe"])
    assert found.address == "P.O. Box 123, Nairobi"


# --- phones and emails ---


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("Tel.: +33 (0)1 40 15 80 00", "+33 (0)1 40 15 80 00"),
        ("Tél. : 01 40 15 80 00", "01 40 15 80 00"),
        ("Tel +33 1 40 15 80 00", "+33 1 40 15 80 00"),
        ("Telephone +254 20 123 4567", "+254 20 123 4567"),
        ("+254-20-123-4567", "+254-20-123-4567"),
        ("Tel: +33 (0)1 40 15 80 00 poste 123", "+33 (0)1 40 15 80 00 poste 123"),
        ("Mobile: +254 722 000 000", "+254 722 000 000"),
        ("Tel/Fax: +221 33 849 00 00", "+221 33 849 00 00"),
        ("(+221) 33 849 00 00", "(+221) 33 849 00 00"),
        ("00 221 33 849 00 00", "00 221 33 849 00 00"),
        ("+7 (495) 629-20-08", "+7 (495) 629-20-08"),
        ("Tel: +44 (0) 20 7211 6000 ext. 45", "+44 (0) 20 7211 6000 ext. 45"),
    ],
)
def test_phone_variants(line: str, phone: str) -> None:
    assert parse_contact(["Jane Doe", line]).phone == phone


@pytest.mark.parametrize(
    "line",
    [
        "+254 20 123 4567 / +254 722 000 000",
        "+254 20 123 4567; +254 722 000 000",
        "+254 20 123 4567 or +254 722 000 000",
        "Phone: +254 20 123 4567 / +254 722 000 000",
    ],
)
def test_the_first_of_several_numbers_wins(line: str) -> None:
    assert parse_contact(["Jane Doe", line]).phone == "+254 20 123 4567"


def test_the_first_phone_line_wins() -> None:
    found = parse_contact(["Phone: +254 20 123 4567", "Mobile: +254 722 000 000"])
    assert found == ContactParts(phone="+254 20 123 4567")


@pytest.mark.parametrize(
    "lines",
    [
        ["Fax: +33 (0)1 40 15 80 01", "Tel.: +33 (0)1 40 15 80 00"],
        ["Tel.: +33 (0)1 40 15 80 00", "Fax: +33 (0)1 40 15 80 01"],
        ["Fax +33 (0)1 40 15 80 01", "Tel +33 (0)1 40 15 80 00"],
        ["Télécopie : +33 (0)1 40 15 80 01", "Téléphone : +33 (0)1 40 15 80 00"],
    ],
)
def test_a_fax_number_is_never_the_phone(lines: list[str]) -> None:
    assert parse_contact(lines) == ContactParts(phone="+33 (0)1 40 15 80 00")


@pytest.mark.parametrize(
    "lines",
    [
        ["jane@culture.go.ke; j.wanjiru@gmail.com"],
        ["E-mail: jane@culture.go.ke, j.wanjiru@gmail.com"],
        ["jane@culture.go.ke", "j.wanjiru@gmail.com"],
        ["Email: jane@culture.go.ke", "j.wanjiru@gmail.com"],
    ],
)
def test_the_first_of_several_emails_wins(lines: list[str]) -> None:
    found = parse_contact(lines)
    assert found.email == "jane@culture.go.ke"
    assert found.address is None


def test_an_email_ending_a_sentence_loses_the_full_stop() -> None:
    assert parse_contact(["Write to jane@culture.go.ke."]).email == "jane@culture.go.ke"


@pytest.mark.parametrize("lines", [["Phone: n/a", "E-mail: N/A"], ["Phone: -", "Email: none"]])
def test_not_available_values_are_no_phone_and_no_email(lines: list[str]) -> None:
    assert parse_contact(lines) == ContactParts()


# --- one line ---


def test_one_comma_separated_line() -> None:
    found = parse_contact(["Ms A. Diallo, Director, Ministry of Culture, a.diallo@example.org"])
    assert found == ContactParts(
        name="Ms A. Diallo", organization="Ministry of Culture", email="a.diallo@example.org"
    )


def test_one_line_with_an_address_keeps_it_on_one_line() -> None:
    found = parse_contact(
        [
            "Mr John Smith, Head of International Relations, Department for Culture, "
            "100 Parliament Street, London, john.smith@example.org, +44 20 7211 6000"
        ]
    )
    assert found == ContactParts(
        name="Mr John Smith",
        organization="Department for Culture",
        email="john.smith@example.org",
        phone="+44 20 7211 6000",
        address="100 Parliament Street, London",
    )


# --- nothing to read ---


@pytest.mark.parametrize("lines", [[], [""], ["   "]])
def test_no_lines_give_no_parts(lines: list[str]) -> None:
    assert parse_contact(lines) == ContactParts()


@given(st.lists(st.text(), max_size=8))
def test_any_lines_give_parts_without_raising(lines: list[str]) -> None:
    found = parse_contact(lines)
    assert found.email is None or "@" in found.email
    assert found.phone is None or any(char.isdigit() for char in found.phone)
