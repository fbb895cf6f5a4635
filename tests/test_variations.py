"""Real-world variations of one policy/measure record, built in memory.

Each case is original text shaped like a record the secretariat could receive but that the
samples do not show (docs/form.md §2-§4), with what a user of the field expects
(docs/record.md value rules). Only the unambiguous part of each expectation is asserted.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from form_labels import (
    EN_AREAS,
    EN_BUDGET,
    EN_CONCLUSIONS,
    EN_DESC,
    EN_DOMAINS,
    EN_EVALUATED,
    EN_GOALS,
    EN_HEADER,
    EN_PARTNERS,
    EN_PRIORITIES,
    EN_RESULTS,
    ES_GOALS,
    FR_BUDGET,
    FR_DESC,
    FR_DOMAINS,
    FR_EVALUATED,
    FR_GOALS,
    FR_PARTNERS,
    FR_RESULTS,
    GOAL_1,
    NBSP,
    english_record,
    label,
)
from records import codes, extract_text, issue_codes, partner_rows

from pipeline import extract_bytes

# ---------------------------------------------------------------------------------------------
# Labels (docs/form.md §2), as the form prints them.
# ---------------------------------------------------------------------------------------------

FR_HEADER = "Nom du partenaireType d'entité"


# ---------------------------------------------------------------------------------------------
# Original content.
# ---------------------------------------------------------------------------------------------
DESCRIPTION = (
    "The scheme gives small grants to independent bookshops outside the capital so that they "
    "can host readings, run reading clubs for teenagers and stock titles from local publishers. "
    "Applications are decided twice a year by a panel of booksellers and librarians."
)
RESULTS = (
    "Since 2021, 48 bookshops have received a grant and organised more than 600 readings "
    "attended by about 19,000 people; eleven shops opened a children's corner."
)
CONCLUSIONS = (
    "The review recommended a simpler application form and a longer grant period for shops "
    "in remote areas."
)
FR_DESCRIPTION = (
    "Le dispositif soutient les librairies indépendantes situées hors de la capitale afin "
    "qu’elles organisent des lectures publiques, des clubs de lecture pour adolescents et des "
    "rencontres avec des éditeurs régionaux. Les dossiers sont examinés deux fois par an."
)
FR_RESULTS_TEXT = (
    "Depuis 2021, 48 librairies ont été aidées et plus de 600 lectures ont réuni environ "
    "19 000 personnes."
)
ES_DESCRIPTION = (
    "El programa otorga pequeñas subvenciones a librerías independientes fuera de la capital "
    "para que organicen lecturas, clubes de lectura para adolescentes y presentaciones de "
    "editoriales locales. Las solicitudes se resuelven dos veces al año."
)
ES_RESULTS = (
    "Desde 2021 se han apoyado 48 librerías, que organizaron más de 600 lecturas con unas "
    "19.000 personas asistentes."
)


def en_record(
    *,
    title: str | None = "Bookshop Events Grant",
    head: tuple[str, ...] = ("National Book Council",),
    description: str = DESCRIPTION,
    results: str = RESULTS,
    budget: str | None = "48 000",
    partners: tuple[tuple[str, str], ...] = (
        ("Independent Booksellers Association", "Civil Society Organization (CSO)"),
    ),
    evaluated: str | None = "YES",
    conclusions: str = CONCLUSIONS,
    goals: tuple[str, ...] = (GOAL_1,),
    domains: tuple[str, ...] = ("Publishing",),
    tail: tuple[str, ...] = (),
) -> str:
    """An English 2020+ record with this module's content; see `english_record`."""
    return english_record(
        title=title,
        head=head,
        description=description,
        results=results,
        budget=budget,
        partners=partners,
        evaluated=evaluated,
        conclusions=conclusions,
        goals=goals,
        domains=domains,
        tail=tail,
    )


def measure_of(text: str, **kwargs: str):
    record = extract_text(text, **kwargs)
    assert record.measures, f"no measure extracted: {record.issues}"
    return record.measures[0]


# =============================================================================================
# Label shapes
# =============================================================================================


def test_upper_case_labels_are_recognised() -> None:
    text = en_record()
    for name in (EN_DESC, EN_RESULTS, EN_BUDGET, EN_PARTNERS, EN_EVALUATED, EN_CONCLUSIONS):
        text = text.replace(name, name.upper())
    measure = measure_of(text)
    assert measure.description == DESCRIPTION
    assert measure.results == RESULTS
    assert measure.budget.amount == 48000
    assert measure.evaluation.evaluated is True
    assert measure.evaluation.conclusions == CONCLUSIONS


@pytest.mark.parametrize(
    ("description_label", "results_label"),
    [
        ("Describe the main features of the policy/measure :", EN_RESULTS),
        ("Describe the main features of the policy/measure.:", EN_RESULTS),
        ("Describe the main features of the policy/measure\n:", EN_RESULTS),
        (
            EN_DESC,
            "What are the results achieved so far through the implementation of the policy/measure ?:",
        ),
        (
            EN_DESC,
            "What are the results achieved so far through the implementation of the policy/measure? :",
        ),
    ],
    ids=[
        "space-colon",
        "dot-colon",
        "colon-next-line",
        "space-question-colon",
        "question-space-colon",
    ],
)
def test_label_endings_space_colon_dot_colon_next_line_colon_question_colon(
    description_label: str, results_label: str
) -> None:
    text = en_record().replace(EN_DESC, description_label).replace(EN_RESULTS, results_label)
    measure = measure_of(text)
    assert measure.title == "Bookshop Events Grant"
    assert measure.description == DESCRIPTION
    assert measure.results == RESULTS


def test_value_on_the_same_line_after_the_colon() -> None:
    text = "\n".join(
        [
            "Bookshop Events Grant",
            "National Book Council",
            f"{EN_DESC} {DESCRIPTION}",
            f"{EN_RESULTS} {RESULTS}",
            f"{EN_BUDGET} 75 000",
            f"{EN_EVALUATED} NO",
            EN_GOALS,
            GOAL_1,
        ]
    )
    measure = measure_of(text)
    assert measure.description == DESCRIPTION
    assert measure.results == RESULTS
    assert measure.budget.amount == 75000
    assert measure.evaluation.evaluated is False


def test_french_labels_with_straight_and_typographic_apostrophes() -> None:
    text = "\n".join(
        [
            "Aide aux librairies indépendantes",
            "Centre national du livre",
            label(FR_DESC),
            FR_DESCRIPTION,
            label(FR_RESULTS.replace("’", "'")),
            FR_RESULTS_TEXT,
            label(FR_BUDGET),
            "Non disponible",
            label(FR_PARTNERS),
            "Nom du partenaireType d’entité",
            "Association des libraires du Nord",
            "Organisation de la société civile (OSC)",
            "Région Hauts-de-France",
            "Secteur public",
            label(FR_EVALUATED),
            "Oui",
        ]
    )
    measure = measure_of(text)
    assert measure.description == FR_DESCRIPTION
    assert measure.results == FR_RESULTS_TEXT
    assert measure.budget.status.value == "not_available"
    assert partner_rows(measure) == [
        ("Association des libraires du Nord", "civil_society"),
        ("Région Hauts-de-France", "public_sector"),
    ]
    assert measure.evaluation.evaluated is True


def test_windows_line_endings_and_bom_give_the_same_values_as_unix() -> None:
    text = en_record(head=("National Book Council", "Ministry of Culture"))
    unix = measure_of(text)
    windows_bytes = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    windows = extract_bytes(windows_bytes, "notepad.txt").measures[0]
    assert windows.title == unix.title == "Bookshop Events Grant"
    assert windows.agency == unix.agency == "National Book Council; Ministry of Culture"
    assert windows.description == DESCRIPTION
    assert partner_rows(windows) == partner_rows(unix)
    assert "\r" not in (windows.results or "")


@pytest.mark.parametrize(
    "reshape",
    [
        lambda text: "\n".join(f"\t  {line}   " for line in text.splitlines()),
        lambda text: text.replace("\n", "\n\n"),
    ],
    ids=["tabs-and-spaces-around-lines", "blank-line-between-every-line"],
)
def test_spacing_around_lines_is_not_part_of_values(reshape) -> None:
    text = en_record(
        partners=(
            ("Independent Booksellers Association", "Civil Society Organization (CSO)"),
            ("Northern Region Library Service", "Public Sector"),
        )
    )
    measure = measure_of(reshape(text))
    assert measure.title == "Bookshop Events Grant"
    assert measure.agency == "National Book Council"
    assert measure.description == DESCRIPTION
    assert measure.results == RESULTS
    assert measure.budget.amount == 48000
    assert partner_rows(measure) == [
        ("Independent Booksellers Association", "civil_society"),
        ("Northern Region Library Service", "public_sector"),
    ]
    assert measure.evaluation.evaluated is True
    assert codes(measure.goals) == ["goal_1"]
    assert codes(measure.cultural_domains) == ["publishing"]


def test_label_wrapped_over_two_lines_like_a_pdf() -> None:
    wrapped = (
        "What are the results achieved so far through the implementation of\nthe policy/measure?:"
    )
    text = en_record().replace(EN_RESULTS, wrapped)
    measure = measure_of(text)
    assert measure.results == RESULTS
    assert "implementation of" not in (measure.description or "")


# =============================================================================================
# Languages of the form and of the content
# =============================================================================================


def test_mixed_english_spanish_french_labels_on_one_page() -> None:
    text = "\n".join(
        [
            "Programa de Librerías de Barrio",
            "Dónde",
            "Argentina",
            "Cuándo",
            "2022",
            "Quién",
            "Consejo Nacional del Libro",
            label(EN_DESC),
            ES_DESCRIPTION,
            label(EN_RESULTS),
            ES_RESULTS,
            label(EN_BUDGET),
            "USD 120,000",
            label(EN_PARTNERS),
            FR_HEADER,
            "Cámara Argentina de Libreros",
            "Civil Society Organization (CSO)",
            label(EN_EVALUATED),
            "NO",
            ES_GOALS,
            "Sistemas sostenibles de gobernanza de la cultura",
            FR_DOMAINS,
            "Publishing",
        ]
    )
    record = extract_text(text)
    measure = record.measures[0]
    assert measure.country is not None and measure.country.iso3 == "ARG"
    assert measure.year == 2022
    assert measure.agency == "Consejo Nacional del Libro"
    assert measure.description == ES_DESCRIPTION
    assert measure.budget.amount == 120000 and measure.budget.currency == "USD"
    assert partner_rows(measure) == [("Cámara Argentina de Libreros", "civil_society")]
    assert measure.evaluation.evaluated is False
    assert codes(measure.goals) == ["goal_1"]
    assert codes(measure.cultural_domains) == ["publishing"]
    assert record.languages.form == "en"
    assert record.languages.content == "es"


def test_french_labels_over_english_content() -> None:
    text = "\n".join(
        [
            "Bookshop Events Grant",
            "National Book Council",
            label(FR_DESC),
            DESCRIPTION,
            label(FR_RESULTS),
            RESULTS,
            label(FR_BUDGET),
            "48 000",
            label(FR_EVALUATED),
            "Non",
            FR_GOALS,
            FR_DOMAINS,
        ]
    )
    record = extract_text(text)
    assert record.languages.form == "fr"
    assert record.languages.content == "en"
    measure = record.measures[0]
    assert measure.description == DESCRIPTION
    assert measure.evaluation.evaluated is False
    assert measure.goals == [] and measure.cultural_domains == []


# =============================================================================================
# Description: free text that looks like structure
# =============================================================================================


def test_bullets_of_every_kind_stay_in_the_description() -> None:
    description = "\n".join(
        [
            "The scheme has four strands:",
            "• readings by local authors;",
            "o reading clubs for teenagers;",
            "* stock of titles from local publishers;",
            "- training for booksellers.",
            "Each strand has its own call.",
        ]
    )
    measure = measure_of(en_record(description=description))
    assert measure.description == description
    assert measure.results == RESULTS


def test_label_lookalikes_inside_description_are_not_fields() -> None:
    description = "\n".join(
        [
            DESCRIPTION,
            "Main aims:",
            "to widen access to books outside the capital.",
            "Target groups:",
            "teenagers, rural readers and independent booksellers.",
            "Expected results:",
            "twenty new reading clubs a year.",
        ]
    )
    measure = measure_of(en_record(description=description))
    assert measure.description == description
    assert measure.results == RESULTS


def test_sentences_starting_with_who_where_when_stay_in_the_description() -> None:
    description = "\n".join(
        [
            DESCRIPTION,
            "Where a shop has no event space, the grant pays for the rent of a nearby hall.",
            "Who may apply: any bookshop with fewer than ten employees.",
            "When the call closes, the panel meets within six weeks.",
        ]
    )
    measure = measure_of(en_record(description=description))
    assert measure.description == description
    assert measure.agency == "National Book Council"
    assert measure.country is None
    assert measure.year is None


def test_description_whitespace_runs_collapsed_and_line_breaks_kept() -> None:
    description = "The scheme   gives  small grants.\nIt is run by the Council."
    measure = measure_of(en_record(description=description))
    assert measure.description == "The scheme gives small grants.\nIt is run by the Council."


# =============================================================================================
# Title, agency, country, year
# =============================================================================================


def test_title_own_numbering_is_kept() -> None:
    measure = measure_of(en_record(title="3.2 Support for independent bookshops"))
    assert measure.title == "3.2 Support for independent bookshops"
    assert measure.agency == "National Book Council"


def test_french_ou_quand_qui_headings() -> None:
    text = "\n".join(
        [
            "Aide aux librairies indépendantes",
            "Où",
            "Côte d'Ivoire",
            "Quand",
            "2023",
            "Qui",
            "Ministère de la Culture et de la Francophonie",
            "Bureau ivoirien du livre",
            label(FR_DESC),
            FR_DESCRIPTION,
            label(FR_RESULTS),
            FR_RESULTS_TEXT,
        ]
    )
    measure = measure_of(text)
    assert measure.country is not None and measure.country.iso3 == "CIV"
    assert measure.year == 2023
    assert (
        measure.agency == "Ministère de la Culture et de la Francophonie; Bureau ivoirien du livre"
    )
    assert measure.description == FR_DESCRIPTION


def test_spanish_donde_cuando_quien_headings_with_two_bodies() -> None:
    text = "\n".join(
        [
            "Programa de Librerías de Barrio",
            "Dónde",
            "Colombia",
            "Cuándo",
            "2021",
            "Quién",
            "Ministerio de las Culturas, las Artes y los Saberes",
            "Biblioteca Nacional de Colombia",
            label(EN_DESC),
            ES_DESCRIPTION,
            label(EN_RESULTS),
            ES_RESULTS,
        ]
    )
    measure = measure_of(text)
    assert measure.country is not None and measure.country.iso3 == "COL"
    assert measure.year == 2021
    assert (
        measure.agency
        == "Ministerio de las Culturas, las Artes y los Saberes; Biblioteca Nacional de Colombia"
    )


def test_where_when_who_with_the_value_after_a_colon() -> None:
    text = "\n".join(
        [
            "Bookshop Events Grant",
            "Where: Ghana",
            "When: 2020",
            "Who: National Book Council",
            label(EN_DESC),
            DESCRIPTION,
        ]
    )
    measure = measure_of(text)
    assert measure.country is not None and measure.country.iso3 == "GHA"
    assert measure.year == 2020
    assert measure.agency == "National Book Council"


@pytest.mark.parametrize(
    ("country_line", "iso3"),
    [
        ("Czechia (Czech Republic)", "CZE"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Türkiye", "TUR"),
        ("Viet Nam", "VNM"),
        ("Unión Europea", "EUU"),
        ("Émirats arabes unis", "ARE"),
        ("Bélgica", "BEL"),
    ],
)
def test_country_line_variants_under_where(country_line: str, iso3: str) -> None:
    measure = measure_of(
        en_record(head=("Where", country_line, "When", "2022", "Who", "National Book Council"))
    )
    assert measure.country is not None and measure.country.iso3 == iso3
    assert measure.agency == "National Book Council"


@pytest.mark.parametrize(
    ("country_line", "agency_line", "country"),
    [
        (
            "European Union",
            "European Education and Culture Executive Agency",
            ("European Union", "EUU"),
        ),
        ("Türkiye", "Ministry of Culture and Tourism", ("Türkiye", "TUR")),
    ],
)
def test_unlabelled_country_line_is_country_not_agency(
    country_line: str, agency_line: str, country: tuple[str, str]
) -> None:
    measure = measure_of(en_record(head=(country_line, agency_line)))
    assert measure.country is not None
    assert measure.country.iso3 == country[1]
    if country[1] == "EUU":
        assert measure.country.name == "European Union"
    assert measure.agency == agency_line


# =============================================================================================
# Budget (docs/form.md §4, docs/record.md)
# =============================================================================================


@pytest.mark.parametrize(
    ("raw", "amount", "currency"),
    [
        ("65 000", 65000, "USD"),
        (f"65{NBSP}000", 65000, "USD"),
        ("123.456 USD", 123456, "USD"),
        ("1,250,000", 1250000, "USD"),
        ("USD 2,345,678", 2345678, "USD"),
        ("US$ 40 000", 40000, "USD"),
        ("$ 12.500", 12500, "USD"),
        ("EUR 150 000", 150000, "EUR"),
        ("EU 75.000", 75000, "EUR"),
        ("€ 2,5 millions", 2500000, "EUR"),
        ("3,4 billion", 3.4e9, "USD"),
        ("500 000 FCFA", 500000, "XOF"),
        ("92,5", 92.5, "USD"),
        ("USD 1.25 million", 1250000, "USD"),
    ],
)
def test_budget_formats(raw: str, amount: float, currency: str) -> None:
    record = extract_text(en_record(budget=raw))
    budget = record.measures[0].budget
    assert budget.raw == raw.replace(NBSP, " ")  # whitespace runs collapse (docs/record.md)
    assert budget.status.value == "stated"
    assert budget.amount == pytest.approx(amount)
    assert budget.currency == currency
    # a value naming no currency takes the 2020+ label's USD, and says so with an info issue
    names_currency = any(mark in raw for mark in ("USD", "$", "EUR", "EU", "€", "FCFA"))
    from_label = [i.severity.value for i in record.issues if i.code.value == "currency_from_label"]
    assert from_label == ([] if names_currency else ["info"])


def test_budget_per_year_list_has_every_figure_but_no_total() -> None:
    budget = measure_of(en_record(budget="2016 $ 1.234.567,89 - 2017 $ 1.300.000,00")).budget
    assert budget.status.value == "stated"
    assert budget.amount is None and budget.currency is None
    assert [(a.value, a.currency, a.year) for a in budget.amounts] == [
        (pytest.approx(1234567.89), "USD", 2016),
        (pytest.approx(1300000.0), "USD", 2017),
    ]


def test_budget_explicit_total_is_the_amount() -> None:
    budget = measure_of(en_record(budget="Total: 120 000 USD (2020: 60 000; 2021: 60 000)")).budget
    assert budget.status.value == "stated"
    assert budget.amount == 120000 and budget.currency == "USD"
    values = [a.value for a in budget.amounts]
    assert 2020 not in values and 2021 not in values
    assert sorted(a.year for a in budget.amounts if a.value == 60000) == [2020, 2021]


def test_budget_figure_in_parentheses_is_a_conversion_never_summed() -> None:
    budget = measure_of(en_record(budget="15.000 EUR (17,500.00 USD) - Ministry of Culture")).budget
    assert [(a.value, a.currency, a.conversion) for a in budget.amounts] == [
        (15000, "EUR", False),
        (17500, "USD", True),
    ]
    assert budget.amount == 15000 and budget.currency == "EUR"


def test_budget_approximately_per_year_keeps_the_figure() -> None:
    budget = measure_of(en_record(budget="Approximately USD 40,000 per year")).budget
    assert budget.status.value == "stated"
    assert [(a.value, a.currency) for a in budget.amounts] == [(40000, "USD")]


@pytest.mark.parametrize("raw", ["between USD 10,000 and 20,000", "up to USD 50,000"])
def test_budget_range_or_cap_has_no_amount(raw: str) -> None:
    budget = measure_of(en_record(budget=raw)).budget
    assert budget.status.value == "stated"
    assert budget.amount is None and budget.currency is None
    assert budget.amounts


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("N/A", "not_available"),
        ("n/a", "not_available"),
        ("Non disponible", "not_available"),
        ("No disponible", "not_available"),
        ("/", "not_available"),
        ("//", "not_available"),
        ("-", "not_available"),
        ("Not available", "not_available"),
        ("They vary each year, depending on the budget for culture", "unparsed"),
        ("", "absent"),
        (None, "absent"),
    ],
)
def test_budget_without_a_figure(raw: str | None, status: str) -> None:
    measure = measure_of(en_record(budget=raw))
    budget = measure.budget
    assert budget.status.value == status
    assert budget.amount is None and budget.currency is None
    assert budget.amounts == []
    if status == "unparsed":
        assert budget.raw == raw
    assert partner_rows(measure) == [("Independent Booksellers Association", "civil_society")]


# =============================================================================================
# Partners
# =============================================================================================


def test_partners_french_offline_form_upper_case_types() -> None:
    text = "\n".join(
        [
            "Fonds pour les librairies de proximité",
            "Direction du Livre",
            label(FR_DESC),
            FR_DESCRIPTION,
            label(FR_PARTNERS),
            FR_HEADER,
            "Office national de la lecture",
            "SECTEUR PUBLIC",
            "Union des libraires du Littoral",
            "OSC",
            "Imprimerie du Golfe SARL",
            "SECTEUR PRIVÉ",
            label(FR_EVALUATED),
            "Non",
        ]
    )
    assert partner_rows(measure_of(text)) == [
        ("Office national de la lecture", "public_sector"),
        ("Union des libraires du Littoral", "civil_society"),
        ("Imprimerie du Golfe SARL", "private_sector"),
    ]


def test_partners_spanish_types() -> None:
    measure = measure_of(
        en_record(
            description=ES_DESCRIPTION,
            results=ES_RESULTS,
            partners=(
                ("Biblioteca Pública de Medellín", "Sector público"),
                ("Editorial Montaña Azul S.A.S.", "Sector privado"),
                ("Red de Clubes de Lectura", "Organización de la sociedad civil (OSC)"),
            ),
        )
    )
    assert partner_rows(measure) == [
        ("Biblioteca Pública de Medellín", "public_sector"),
        ("Editorial Montaña Azul S.A.S.", "private_sector"),
        ("Red de Clubes de Lectura", "civil_society"),
    ]
    assert [p.raw_type for p in measure.partners][0] == "Sector público"


def test_partners_french_pipe_table_with_a_row_without_name() -> None:
    text = "\n".join(
        [
            label(FR_DESC),
            FR_DESCRIPTION,
            label(FR_PARTNERS),
            "Nom du partenaire | Type d'entité |",
            "| Association Lire en Pays Basque | Organisation de la société civile (OSC) |",
            "|  | Secteur public |",
            "| Librairie Atlantique SARL | Secteur privé |",
            label(FR_EVALUATED),
            "Oui",
        ]
    )
    assert partner_rows(measure_of(text)) == [
        ("Association Lire en Pays Basque", "civil_society"),
        (None, "public_sector"),
        ("Librairie Atlantique SARL", "private_sector"),
    ]


def test_partner_row_without_name_in_alternating_lines() -> None:
    text = en_record().replace(
        "Independent Booksellers Association\nCivil Society Organization (CSO)\n",
        "Independent Booksellers Association\nCivil Society Organization (CSO)\n"
        "Public Sector\nLakeside Printers Ltd\nPrivate Sector\n",
    )
    assert partner_rows(measure_of(text)) == [
        ("Independent Booksellers Association", "civil_society"),
        (None, "public_sector"),
        ("Lakeside Printers Ltd", "private_sector"),
    ]


def test_partner_type_outside_the_vocabulary_is_other() -> None:
    text = en_record(partners=()).replace(
        label(EN_EVALUATED),
        "\n".join(
            [
                label(EN_PARTNERS),
                "Name of partner | Type of entity |",
                "| UNESCO Regional Office | Intergovernmental organization |",
                "| Booksellers Guild | Civil Society Organization (CSO) |",
                label(EN_EVALUATED),
            ]
        ),
    )
    measure = measure_of(text)
    assert partner_rows(measure) == [
        ("UNESCO Regional Office", "other"),
        ("Booksellers Guild", "civil_society"),
    ]
    assert measure.partners[0].raw_type == "Intergovernmental organization"


def test_site_boilerplate_after_partners_is_not_a_partner() -> None:
    text = "\n".join(
        [
            "Bookshop Events Grant",
            "National Book Council",
            label(EN_DESC),
            DESCRIPTION,
            label(EN_PARTNERS),
            EN_HEADER,
            "Independent Booksellers Association",
            "Civil Society Organization (CSO)",
            "Northern Region Library Service",
            "Public Sector",
            "Share this page",
            "Back to top",
            "© UNESCO 2024",
        ]
    )
    assert partner_rows(measure_of(text)) == [
        ("Independent Booksellers Association", "civil_society"),
        ("Northern Region Library Service", "public_sector"),
    ]


# =============================================================================================
# Evaluation
# =============================================================================================


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("YES", True),
        ("NO", False),
        ("Oui", True),
        ("Non", False),
        ("Sí", True),
        ("No", False),
        ("Yes", True),
        ("Yes, in 2022", True),
        ("", None),
    ],
)
def test_evaluated_answers(answer: str, expected: bool | None) -> None:
    measure = measure_of(en_record(evaluated=answer))
    assert measure.evaluation.evaluated is expected


@pytest.mark.parametrize(
    ("evaluated", "conclusions"),
    [("", CONCLUSIONS), (None, None)],
    ids=["blank-answer-with-conclusions", "no-evaluation-labels"],
)
def test_evaluated_blank_or_absent_stays_null(
    evaluated: str | None, conclusions: str | None
) -> None:
    measure = measure_of(en_record(evaluated=evaluated))
    assert measure.evaluation.evaluated is None
    assert measure.evaluation.conclusions == conclusions


# =============================================================================================
# Goals, areas, domains
# =============================================================================================


def test_goal_and_area_of_monitoring_lists() -> None:
    text = en_record(
        goals=(
            "Goal 3 – Integrate culture in sustainable development frameworks",
            EN_AREAS,
            "National sustainable development policies and plans",
            "Gender equality",
        )
    )
    measure = measure_of(text)
    assert codes(measure.goals) == ["goal_3"]
    assert codes(measure.areas_of_monitoring) == [
        "national_sustainable_development_policies",
        "gender_equality",
    ]


@pytest.mark.parametrize(
    ("heading", "goal_line", "code"),
    [
        (EN_GOALS, "GOAL 4. PROMOTE HUMAN RIGHTS AND FUNDAMENTAL FREEDOMS", "goal_4"),
        (
            FR_GOALS,
            "Objectif 1 – Soutenir des systèmes de gouvernance durables de la culture",
            "goal_1",
        ),
        (FR_GOALS, "Intégrer la culture dans les cadres de développement durable", "goal_3"),
        (FR_GOALS, "Promouvoir les droits de l'homme et les libertés fondamentales", "goal_4"),
    ],
)
def test_goal_line_variants(heading: str, goal_line: str, code: str) -> None:
    measure = measure_of(en_record(goals=(goal_line,)).replace(EN_GOALS, heading))
    assert codes(measure.goals) == [code]
    assert measure.goals[0].raw == goal_line
    assert codes(measure.cultural_domains) == ["publishing"]


def test_spanish_comma_joined_goal_list() -> None:
    measure = measure_of(
        en_record(
            goals=(
                "Sistemas sostenibles de gobernanza de la cultura, Sectores culturales y creativos",
            )
        ).replace(EN_GOALS, ES_GOALS)
    )
    assert "goal_1" in codes(measure.goals)
    assert set(codes(measure.goals)) <= {"goal_1"}


@pytest.mark.parametrize(
    ("domain_line", "expected"),
    [
        ("Cinema / Audiovisual Arts", ["cinema_audiovisual"]),
        ("Cinema/Audiovisual arts", ["cinema_audiovisual"]),
        ("Cinéma/Arts audiovisuels", ["cinema_audiovisual"]),
        ("MUSIC", ["music"]),
        ("Multi-dominio", ["multidomain"]),
        ("Multidomain", ["multidomain"]),
        ("Media Arts", ["media_arts"]),
        ("Las artes escénicas", ["performing_arts"]),
        (
            "Cine / Artes audiovisuales, Música, Las artes escénicas, Artes visuales",
            ["cinema_audiovisual", "music", "performing_arts", "visual_arts"],
        ),
    ],
)
def test_cultural_domain_spellings(domain_line: str, expected: list[str]) -> None:
    measure = measure_of(en_record(domains=(domain_line,)))
    assert codes(measure.cultural_domains) == expected


BOILERPLATE = ("Share this page", "Read the full report", "Back to top", "© UNESCO 2024", "English")


def test_site_boilerplate_after_domains_is_not_a_domain() -> None:
    measure = measure_of(en_record(domains=("Music", EN_PRIORITIES, "Youth"), tail=BOILERPLATE))
    assert codes(measure.cultural_domains) == ["music"]
    assert codes(measure.transversal_priorities) == ["youth"]


def test_site_boilerplate_after_conclusions_is_not_in_the_conclusions() -> None:
    text = "\n".join(
        [
            "Bookshop Events Grant",
            "National Book Council",
            label(EN_DESC),
            DESCRIPTION,
            label(EN_EVALUATED),
            "YES",
            label(EN_CONCLUSIONS),
            CONCLUSIONS,
            *BOILERPLATE,
        ]
    )
    assert measure_of(text).evaluation.conclusions == CONCLUSIONS


# =============================================================================================
# Other renderings
# =============================================================================================


def test_newer_colon_less_layout_skips_link_lines() -> None:
    text = "\n".join(
        [
            "Bookshop Events Grant",
            "Slovenia",
            "Slovenian Book Agency",
            "Description of the policy/measure",
            DESCRIPTION,
            "Website of the policy/measure",
            "https://www.book-agency.si/events-grant",
            EN_GOALS,
            EN_AREAS,
            EN_DOMAINS,
            "Results achieved",
            RESULTS,
            "Financial resources allocated to the policy",
            "EUR 210 000",
            "Evaluation of the policy/measure",
            "YES",
            "Read the full report",
            "Go to full report",
        ]
    )
    measure = measure_of(text)
    assert measure.country is not None and measure.country.iso3 == "SVN"
    assert measure.agency == "Slovenian Book Agency"
    assert measure.description == DESCRIPTION
    assert measure.website == "https://www.book-agency.si/events-grant"
    assert measure.results == RESULTS
    assert measure.budget.amount == 210000 and measure.budget.currency == "EUR"
    assert measure.evaluation.evaluated is True
    assert measure.goals == [] and measure.cultural_domains == []


def test_compact_rendering_without_title_is_partial() -> None:
    text = "\n".join(
        [
            label(EN_DESC),
            DESCRIPTION,
            label(EN_BUDGET),
            "USD 48,000",
            label(EN_PARTNERS),
            "Name of partner | Type of entity |",
            "| Independent Booksellers Association | Civil Society Organization (CSO) |",
            "| Northern Region Library Service | Public Sector |",
            label(EN_EVALUATED),
            "NO",
        ]
    )
    record = extract_text(text)
    measure = record.measures[0]
    assert measure.title is None
    assert measure.agency is None
    assert record.status.value == "partial"
    assert measure.description == DESCRIPTION
    assert partner_rows(measure) == [
        ("Independent Booksellers Association", "civil_society"),
        ("Northern Region Library Service", "public_sector"),
    ]


def test_2012_2016_form_with_outline_numbers() -> None:
    objectives = "To help young people set up viable cultural enterprises in the book trade."
    feature = (
        "The scheme offers a one-year incubation programme with desk space, mentoring by "
        "experienced publishers and a seed grant for the first list of titles."
    )
    expected = "About fifteen new small publishing houses a year, half of them outside the capital."
    text = "\n".join(
        [
            "Young Publishers Incubation Scheme",
            label("b. Key objectives of the measure:"),
            objectives,
            label("c.1. Scope of the measure:"),
            "Local, Regional",
            label("c.2. Nature of the measure:"),
            "financial, institutional",
            label("c.3. Main feature of the measure:"),
            feature,
            label("e. Results expected through the implementation of the measure:"),
            expected,
            "f.1 Name of agency responsible for the implementation of the measure",
            "Ghana Book Development Council",
            label("f.2 Financial resources allocated to implement the measure:"),
            "250 000",
            "i. Has the implementation of the measure been evaluated?",
            "No",
        ]
    )
    measure = measure_of(text)
    assert measure.title == "Young Publishers Incubation Scheme"
    assert measure.key_objectives == objectives
    assert [s.value for s in measure.scope] == ["local", "regional"]
    assert [n.value for n in measure.nature] == ["financial", "institutional"]
    assert measure.description == feature
    assert measure.results == expected
    assert measure.agency == "Ghana Book Development Council"
    assert measure.budget.amount == 250000
    assert measure.budget.currency is None
    assert measure.evaluation.evaluated is False


def test_2012_2016_form_in_french() -> None:
    objectives = "Favoriser la création de maisons d’édition dans les régions."
    feature = (
        "Le programme accorde une aide au démarrage et un accompagnement de deux ans aux "
        "jeunes éditeurs installés hors de la capitale."
    )
    expected = "Une dizaine de nouvelles maisons d’édition par an."
    text = "\n".join(
        [
            "Programme d’appui aux jeunes éditeurs",
            "Ministère de la Culture",
            label("Objectifs clefs de la mesure:"),
            objectives,
            label("Périmètre de la mesure:"),
            "National",
            label("Nature de la mesure:"),
            "financière",
            label("Principale caractéristique de la mesure:"),
            feature,
            label("Résultats attendus de la mise en œuvre de la mesure:"),
            expected,
        ]
    )
    measure = measure_of(text)
    assert measure.key_objectives == objectives
    assert [s.value for s in measure.scope] == ["national"]
    assert [n.value for n in measure.nature] == ["financial"]
    assert measure.description == feature
    assert measure.results == expected


@pytest.mark.parametrize(
    ("banner", "agency", "description", "results"),
    [
        (
            "This measure was reported by civil society.",
            "Lakeside Readers Association",
            DESCRIPTION,
            RESULTS,
        ),
        (
            "Está medida ha sido notificada por la sociedad civil.",
            "Fundación Leer en el Campo",
            ES_DESCRIPTION,
            ES_RESULTS,
        ),
    ],
    ids=["en", "es"],
)
def test_civil_society_banner_is_a_flag_not_the_agency(
    banner: str, agency: str, description: str, results: str
) -> None:
    text = (
        en_record(head=(banner, agency), description=description, results=results)
        .replace("policy/measure:", "measure/initiative:")
        .replace("policy/measure?:", "measure/initiative?:")
    )
    measure = measure_of(text)
    assert measure.reported_by_civil_society is True
    assert measure.title == "Bookshop Events Grant"
    assert measure.agency == agency
    assert measure.description == description
    assert measure.results == results


def test_mojibake_is_repaired_with_an_issue() -> None:
    clean = "\n".join(
        [
            "Aide à l’ouverture de librairies en région",
            "Où",
            "Maroc",
            "Qui",
            "Ministère de la Jeunesse, de la Culture et de la Communication",
            label(FR_DESC),
            FR_DESCRIPTION,
            label(FR_RESULTS),
            FR_RESULTS_TEXT,
        ]
    )
    garbled = clean.encode("utf-8").decode("cp1252").encode("utf-8")
    record = extract_bytes(garbled, "mojibake.txt")
    measure = record.measures[0]
    assert measure.title == "Aide à l’ouverture de librairies en région"
    assert measure.description == FR_DESCRIPTION
    assert measure.results == FR_RESULTS_TEXT
    assert measure.country is not None and measure.country.iso3 == "MAR"
    assert "text_repaired" in issue_codes(record)


# =============================================================================================
# DOCX and HTML
# =============================================================================================


def _docx_bytes(document, tmp_path: Path) -> bytes:
    path = tmp_path / "measure.docx"
    document.save(str(path))
    return path.read_bytes()


def _bold(document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def test_docx_french_record_with_table_and_euro_millions(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("2.3 Fonds pour la musique live", level=1)
    document.add_paragraph("Centre national de la musique")
    _bold(document, label(FR_DESC))
    document.add_paragraph(FR_DESCRIPTION)
    _bold(document, label(FR_BUDGET))
    document.add_paragraph("€ 2,5 millions")
    _bold(document, label(FR_PARTNERS))
    table = document.add_table(rows=3, cols=2)
    cells = [
        ("Nom du partenaire", "Type d’entité"),
        ("Fédération des lieux de musiques actuelles", "Organisation de la société civile (OSC)"),
        ("Région Occitanie", "Secteur public"),
    ]
    for row, (name, kind) in zip(table.rows, cells, strict=True):
        row.cells[0].text = name
        row.cells[1].text = kind
    _bold(document, label(FR_EVALUATED))
    document.add_paragraph("Non")
    _bold(document, FR_DOMAINS)
    document.add_paragraph("Musique")
    record = extract_bytes(_docx_bytes(document, tmp_path), "fonds.docx")
    measure = record.measures[0]
    assert measure.title == "2.3 Fonds pour la musique live"
    assert measure.agency == "Centre national de la musique"
    assert measure.description == FR_DESCRIPTION
    assert measure.budget.amount == 2500000 and measure.budget.currency == "EUR"
    assert partner_rows(measure) == [
        ("Fédération des lieux de musiques actuelles", "civil_society"),
        ("Région Occitanie", "public_sector"),
    ]
    assert measure.evaluation.evaluated is False
    assert codes(measure.cultural_domains) == ["music"]
    assert record.languages.form == "fr"


def test_docx_label_and_value_in_the_same_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Bookshop Events Grant", level=1)
    document.add_paragraph("National Book Council")
    for name, value in [
        (EN_DESC, DESCRIPTION),
        (EN_RESULTS, RESULTS),
        (EN_BUDGET, "500 000 FCFA"),
        (EN_EVALUATED, "YES"),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(name + " ").bold = True
        paragraph.add_run(value)
    measure = extract_bytes(_docx_bytes(document, tmp_path), "grant.docx").measures[0]
    assert measure.description == DESCRIPTION
    assert measure.results == RESULTS
    assert measure.budget.amount == 500000 and measure.budget.currency == "XOF"
    assert measure.evaluation.evaluated is True


SPANISH_PAGE = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Políticas y medidas | UNESCO</title></head>
<body>
<header><nav><a href="/es">Inicio</a> <a href="/es/monitoring">Seguimiento</a></nav>
<p>Este sitio utiliza cookies. <button>Aceptar</button></p></header>
<main>
<h1>Programa de Librerías de Barrio</h1>
<h3>Dónde</h3><p>Bolivia (Estado Plurinacional de)</p>
<h3>Cuándo</h3><p>2023</p>
<h3>Quién</h3><p>Ministerio de Culturas</p>
<p><strong>Describe the main features of the policy/measure:&nbsp;</strong></p>
<p>{description}</p>
<p><strong>What are the results achieved so far through the implementation of the policy/measure?:&nbsp;</strong></p>
<p>{results}</p>
<p><strong>Financial resources allocated to the policy/measure in USD:&nbsp;</strong></p>
<p>Bs 350.000 (USD 50,700)</p>
<p><strong>Partner(s) engaged in the implementation of the measure:&nbsp;</strong></p>
<table><tr><th>Name of partner</th><th>Type of entity</th></tr>
<tr><td>Cámara Boliviana del Libro</td><td>Sector privado</td></tr>
<tr><td>Gobierno Autónomo Municipal de Sucre</td><td>Sector público</td></tr></table>
<p><strong>Has the implementation of the policy/measure been evaluated?:&nbsp;</strong></p>
<p>Sí</p>
<h3>Objetivo(s) de la Convención 2005 de la UNESCO</h3>
<ul><li>Sistemas sostenibles de gobernanza de la cultura</li></ul>
<h3>Dominios culturales</h3>
<ul><li>Multi-dominio</li></ul>
</main>
<footer><p>Compartir esta página</p><p>Volver arriba</p><p>© UNESCO 2024</p></footer>
</body></html>
"""


def test_html_spanish_page_with_site_chrome() -> None:
    html = SPANISH_PAGE.format(description=ES_DESCRIPTION, results=ES_RESULTS)
    record = extract_text(html, filename="medida.html")
    measure = record.measures[0]
    assert measure.title == "Programa de Librerías de Barrio"
    assert measure.country is not None and measure.country.iso3 == "BOL"
    assert measure.year == 2023
    assert measure.agency == "Ministerio de Culturas"
    assert measure.description == ES_DESCRIPTION
    assert measure.results == ES_RESULTS
    assert any(a.conversion and a.currency == "USD" for a in measure.budget.amounts)
    assert partner_rows(measure) == [
        ("Cámara Boliviana del Libro", "private_sector"),
        ("Gobierno Autónomo Municipal de Sucre", "public_sector"),
    ]
    assert measure.evaluation.evaluated is True
    assert codes(measure.goals) == ["goal_1"]
    assert codes(measure.cultural_domains) == ["multidomain"]
    assert record.languages.content == "es"


def test_html_label_and_value_in_one_paragraph_with_line_breaks() -> None:
    html = (
        "<html><body><main>"
        "<h1>Bookshop Events Grant</h1>"
        "<p>National Book Council</p>"
        f"<p><strong>{EN_DESC}</strong>&nbsp;{DESCRIPTION}<br>"
        "• readings by local authors;<br>• reading clubs for teenagers.</p>"
        f"<p><strong>{EN_BUDGET}</strong> USD 40,000</p>"
        f"<p><strong>{EN_EVALUATED}</strong> NO</p>"
        "</main></body></html>"
    )
    measure = extract_text(html, filename="grant.html").measures[0]
    assert measure.description == (
        f"{DESCRIPTION}\n• readings by local authors;\n• reading clubs for teenagers."
    )
    assert measure.budget.amount == 40000 and measure.budget.currency == "USD"
    assert measure.evaluation.evaluated is False
