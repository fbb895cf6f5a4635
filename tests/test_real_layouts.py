"""Layouts that real public pages show and our samples did not (issue #13), each rebuilt with
invented text of the same shape: never a real page's words. Each test fails without the fix
for its layout; where a layout occurs under several form languages, each is tried.
"""

from __future__ import annotations

import docx
import pytest
from form_labels import (
    EN_BUDGET,
    EN_DESC,
    EN_DOMAINS,
    EN_GOALS,
    EN_RESULTS,
    ES_DOMAINS,
    ES_GOALS,
    FR_BUDGET,
    FR_DESC,
    FR_DOMAINS,
    FR_GOALS,
    FR_RESULTS,
    label,
)

from pipeline import extract_bytes, extract_file
from schemas import ReportRecord

ES_DESC = "Describe the main features of the policy/measure:"  # Spanish pages keep English labels

# The 2012-2016 form's labels, which exist in all three languages (docs/form.md §2).
OLD_FORM = {
    "en": ("Key objectives of the measure:", "Main feature of the measure:"),
    "fr": ("Objectifs clefs de la mesure:", "Principale caractéristique de la mesure:"),
    "es": ("Objetivos clave de la medida:", "Característica principal de la medida:"),
}
CONTENT = {
    "en": "The scheme funds touring circuits for small theatre companies in border towns, "
    "with a rehearsal grant and help with transport and lodging.",
    "fr": "Le dispositif finance des circuits de tournée pour les petites compagnies de théâtre "
    "des villes frontalières, avec une aide aux répétitions et au transport.",
    "es": "El programa financia circuitos de gira para pequeñas compañías de teatro en ciudades "
    "fronterizas, con una ayuda para ensayos, transporte y alojamiento.",
}
LABELS_2020 = {
    "en": (EN_DESC, EN_RESULTS, EN_BUDGET),
    "fr": (FR_DESC, FR_RESULTS, FR_BUDGET),
    "es": (ES_DESC, EN_RESULTS, EN_BUDGET),
}


def extract_text(text: str, name: str = "page.txt") -> ReportRecord:
    return extract_bytes(text.encode("utf-8"), name)


def web_record(header: list[str], language: str) -> str:
    """A 2020+ platform page: header lines, a blank line, then the labelled body."""
    description, results, budget = LABELS_2020[language]
    return "\n".join(
        [
            *header,
            "",
            label(description),
            "",
            CONTENT[language],
            "",
            label(results),
            "",
            "Eleven towns joined the circuit in its first two seasons.",
            "",
            label(budget),
            "",
            "85 000",
        ]
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "title",
    [
        "Border Stages Touring Circuit, 2019 to 2023",
        "Border Stages Programme: 2014-2017; 2018-2021",
        "The adoption of the National Theatre Plan 2020-2026",
    ],
)
def test_a_title_carrying_a_period_of_years_stays_the_title(title, language):
    record = extract_text(web_record([title, "", "Office for Stage Arts"], language))
    measure = record.measures[0]
    assert (measure.title, measure.agency) == (title, "Office for Stage Arts")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_first_title_ending_with_a_full_stop_stays_the_title(language):
    title = "Stage Grants for Border Towns (Touring Aid) – a strand of the Arts Support Scheme."
    record = extract_text(web_record([title, "", "Ministry of Stage Arts"], language))
    measure = record.measures[0]
    assert (measure.title, measure.agency) == (title, "Ministry of Stage Arts")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "body",
    ["National Directorate of Stage Arts", "the Northern Theatre and Touring Council"],
)
def test_a_page_cut_above_its_title_starts_with_the_agency(body, language):
    record = extract_text(web_record([body], language))
    measure = record.measures[0]
    assert (measure.title, measure.agency) == (None, body)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_lone_title_naming_no_body_stays_the_title(language):
    title = "Public Service Stages Charter"  # `Service` is no head here: a title, not a body
    record = extract_text(web_record([title], language))
    assert (record.measures[0].title, record.measures[0].agency) == (title, None)


# ---------------------------------------------------------------------------------------------
# Report-level pages.
# ---------------------------------------------------------------------------------------------
ARCHIVE_BANNER = [
    "<",
    "×",
    ">",
    "You are viewing an archived web page, collected at the request of a library using a "
    "crawler. This page was captured on 10:12:00 Feb 14, 2023, and is part of a collection.",
    "Loading media information hide",
    "",
]
REPORT_LABELS = {
    "en": ("Name of Party:", "Date of Ratification:", "Executive summary:"),
    "fr": ("Nom de la Partie (Pays):", "Date de ratification:", "Résumé exécutif:"),
    "es": ("Nombre de la Parte (País):", "Fecha de ratificación:", "Resumen ejecutivo:"),
}
SUMMARY = {
    "en": "The cycle saw a new law on the status of artists and a fund for regional venues.",
    "fr": "Le cycle a vu une nouvelle loi sur le statut des artistes et un fonds pour les salles.",
    "es": "El ciclo vio una nueva ley sobre el estatuto de los artistas y un fondo regional.",
}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_web_archive_banner_gives_no_report_year(language):
    party, ratified, summary = REPORT_LABELS[language]
    text = "\n".join(
        [
            *ARCHIVE_BANNER,
            "Quadrennial Periodic Report",
            "Ruritania 2020",
            "",
            label(party),
            "Ruritania",
            label(ratified),
            "2009",
            label(summary),
            SUMMARY[language],
        ]
    )
    report = extract_text(text).report
    assert (report.year, report.ratification_date) == (2020, "2009")


def test_a_summary_page_gives_its_year_and_party_under_bare_labels():
    text = "\n".join(
        [
            *ARCHIVE_BANNER,
            "Periodic Report Kenya",
            "",
            "Year",
            "2012",
            "Party",
            "Kenya",
            "Executive summary",
            "",
            SUMMARY["en"],
        ]
    )
    record = extract_text(text)
    assert (record.report.year, record.report.party.iso3) == (2012, "KEN")
    assert record.measures == [] and record.status == "ok"


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("In 2008 Kenya ratified this Convention, which opened a new chapter for culture.", "2008"),
        (
            "Kenya ratified the Convention on 14 March 2008 and set up a steering group.",
            "2008-03-14",
        ),
        ("Le Kenya a ratifié la Convention le 14 mars 2008, après un large débat.", "2008-03-14"),
        (
            "Kenia ratificó la Convención el 14 de marzo de 2008 tras un amplio debate.",
            "2008-03-14",
        ),
        # The Convention's adoption is no ratification; a sentence without the word gives none.
        ("The Convention was adopted in Paris on 20 October 2005 by the General Conference.", None),
        ("In 2008 Kenya adopted a law on the film sector and a plan for libraries.", None),
    ],
)
def test_a_summary_stating_the_ratification_in_prose_gives_its_date(sentence, iso):
    text = "\n".join(["Periodic Report Kenya", "", "Executive summary", "", sentence])
    assert extract_text(text).report.ratification_date == iso


SHARING_SITE_CHROME = [
    "periodic report on the culture of ruritania … · 2019. 04. 02. · 3 may 2013 signed by...",
    "",
    "Upload: someone",
    "Post on 12-Jan-2022",
    "3 views",
    "Category:",
    "Documents",
    "0 download",
    "TRANSCRIPT",
    "Page 1: PERIODIC REPORT ON THE CULTURE OF RURITANIA … · 2019. 04. 02. · 3 May 2013",
]


@pytest.mark.parametrize(
    ("heading", "language"),
    [("SUMMARY", "en"), ("I.- EXECUTIVE SUMMARY", "en"), ("RÉSUMÉ", "fr"), ("II. RESUMEN", "es")],
)
def test_a_transcribed_report_on_a_sharing_site_gives_its_summary_not_the_site_dates(
    heading, language
):
    text = "\n".join(
        [
            *SHARING_SITE_CHROME,
            "",
            "QUADRENNIAL PERIODIC REPORT ON THE DIVERSITY OF CULTURAL EXPRESSIONS IN RURITANIA",
            "",
            heading,
            "",
            SUMMARY[language],
        ]
    )
    report = extract_text(text).report
    assert report.executive_summary == SUMMARY[language]
    assert report.year is None  # 2019 is the upload's date, not the report's


# ---------------------------------------------------------------------------------------------
# Reports without the form's labels (docs/record.md): read, with `no_form_labels`.
# ---------------------------------------------------------------------------------------------
LIST_HEADERS = {
    "en": ("Policies and Measures", "Name of the measure Scope of the measure Nature"),
    "fr": ("Politiques et mesures", "Nom de la mesure Périmètre de la mesure Nature"),
    "es": ("Políticas y medidas", "Nombre de la medida Alcance de la medida Naturaleza"),
}
LISTED = [
    (
        "Harbour Lights Film Fund / Fondo Luces del Puerto",
        "Local, National financial",
        ["local", "national"],
        ["financial"],
    ),
    (
        "Law N°14.220 on Public Libraries.",
        "National legislative, regulatory",
        ["national"],
        ["legislative", "regulatory"],
    ),
    (
        "2014 -2018 Crafts Plan (Textiles/Pottery)",
        "Regional, National, International institutional",
        ["regional", "national", "international"],
        ["institutional"],
    ),
]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_measure_list_page_gives_its_party_year_and_measure_titles(language):
    section, header = LIST_HEADERS[language]
    text = "\n".join(
        [
            *ARCHIVE_BANNER,
            "Kenya 2016 report",
            "",
            section,
            section.upper(),
            header,
            *(f"{title} {columns}" for title, columns, _, _ in LISTED),
            "INTERNATIONAL CULTURAL COOPERATION",
            header,
            "Sister Cities Music Exchange International financ",  # the page is cut here
        ]
    )
    record = extract_text(text)
    assert record.status == "ok" and record.issues[0].code == "no_form_labels"
    assert (record.report.party.iso3, record.report.year) == ("KEN", 2016)
    titles = [measure.title for measure in record.measures]
    assert titles == [title for title, *_ in LISTED] + ["Sister Cities Music Exchange"]
    assert [[code.value for code in measure.scope] for measure in record.measures[:3]] == [
        scope for _, _, scope, _ in LISTED
    ]
    assert [[code.value for code in measure.nature] for measure in record.measures[:3]] == [
        nature for *_, nature in LISTED
    ]
    assert all(measure.country.iso3 == "KEN" for measure in record.measures)


OWN_COVERS = {
    "en": [
        "SECOND QUADRENNIAL PERIODIC REPORT OF KENYA",
        "Measures to protect and promote the diversity of cultural expressions",
        "2016",
    ],
    "fr": [
        "DEUXIÈME RAPPORT PÉRIODIQUE QUADRIENNAL DU SÉNÉGAL",
        "Mesures pour la diversité des expressions culturelles",
        "2016",
    ],
    "es": [
        "SEGUNDO INFORME PERIÓDICO CUATRIENAL DE CHILE",
        "Medidas para la diversidad de las expresiones culturales",
        "2016",
    ],
}


@pytest.mark.parametrize(("language", "iso3"), [("en", "KEN"), ("fr", "SEN"), ("es", "CHL")])
def test_a_partys_own_layout_cover_gives_party_and_year(language, iso3):
    text = "\n".join([*OWN_COVERS[language], "", "1", "", "CONTENTS", "", SUMMARY[language]])
    record = extract_text(text)
    assert record.status == "ok"
    assert [issue.code for issue in record.issues][:1] == ["no_form_labels"]
    assert (record.report.party.iso3, record.report.year) == (iso3, 2016)


@pytest.mark.parametrize(
    "lines",
    [
        # Another Convention's periodic report, labelled much like ours.
        [
            "Periodic Report (Convention)",
            "Name of State Party Ruritania Date of Ratification 2008-03-19",
            "Ruritania adopted the Convention for the Safeguarding of the Intangible Cultural "
            "Heritage in 2006 and has kept an inventory of its living heritage since.",
        ],
        # A covering letter that sends the report.
        [
            "Dear Madam Director,",
            "I have the honour to transmit the quadrennial periodic report of Kenya on the 2005 "
            "Convention on the Protection and Promotion of the Diversity of Cultural Expressions.",
            "Yours sincerely,",
        ],
        # Minutes of the meeting that prepared it.
        [
            "Minutes of the meeting of the steering group for the periodic report",
            "Present at the meeting: the Ministry of Culture, two artists' unions, a university.",
            "The group agreed to send the draft to the regions by 3 May 2019.",
        ],
        [
            "Procès-verbal de la réunion du comité de pilotage du rapport périodique",
            "Le comité a validé le calendrier de la consultation nationale.",
        ],
        [
            "Acta de la reunión del comité del informe periódico",
            "El comité aprobó el calendario de la consulta nacional.",
        ],
    ],
    ids=["other-convention", "letter", "minutes-en", "minutes-fr", "minutes-es"],
)
def test_a_document_that_only_mentions_the_report_stays_not_a_report(lines):
    record = extract_text("\n".join(lines))
    assert record.status == "failed" and record.issues[0].code == "not_a_report"


CONTACT_LABELS = {
    "en": ("Officially Designated Point of Contact of the Convention:", "Country:"),
    "fr": ("Point de contact national de la convention désigné officiellement:", "Pays:"),
    "es": ("Punto de contacto oficialmente designado de la Convención:", "País:"),
}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_contact_block_as_the_platform_renders_it(language):
    """Its own Country/Title/Address labels open no measure; the account line `QPR
    Stakeholder` is no name: the person is the address's first line."""
    party, _, summary = REPORT_LABELS[language]
    contact, country = CONTACT_LABELS[language]
    text = "\n".join(
        [
            "Quadrennial Periodic Report",
            "Kenya 2020",
            label(party),
            "Kenya",
            label(contact),
            "",
            "QPR Stakeholder",
            "",
            label(country),
            "Kenya",
            "Title:",
            "Ms.",
            "Address:",
            "Achieng Otieno",
            "Department of Culture and Heritage",
            "PO Box 4411",
            "Nairobi",
            "Email:",
            "a.otieno@culture.example.org",
            label(summary),
            SUMMARY[language],
        ]
    )
    record = extract_text(text)
    assert record.measures == []
    contact_read = record.report.contact
    assert (contact_read.name, contact_read.organization) == (
        "Achieng Otieno",
        "Department of Culture and Heritage",
    )
    assert "Achieng" not in contact_read.address
    assert record.report.executive_summary == SUMMARY[language]


@pytest.mark.parametrize(
    ("language", "instruction"),
    [
        (
            "en",
            "Please summarize in max 3000 characters what was achieved. This is no table of contents.:",
        ),
        ("fr", "Veuillez résumer en 3000 caractères au plus ce qui a été accompli. :"),
        ("es", "Por favor resuma en 3000 caracteres como máximo lo que se logró.:"),
    ],
)
def test_form_instructions_left_above_a_value_are_not_the_value(language, instruction):
    summary = REPORT_LABELS[language][2].rstrip(":")
    text = "\n".join(["Periodic Report", "Kenya 2020", summary, instruction, SUMMARY[language]])
    assert extract_text(text).report.executive_summary == SUMMARY[language]


CONSULTATION = {
    "en": "Describe the multi-stakeholder consultation process established for the preparation "
    "of this report, including consultations with relevant ministries, public institutions, "
    "local governments and civil society organizations",
    "fr": "Décrivez le processus de consultation multipartite établi pour la préparation de ce "
    "rapport, y compris les consultations avec les ministères, institutions publiques, "
    "gouvernements locaux et organisations de la société civile pertinents",
    "es": "Describa el proceso de consulta de múltiples partes interesadas establecido para la "
    "preparación de este informe, con las instituciones y organizaciones que participaron",
}
ANSWER = "Letters went to 40 bodies, and two workshops in the regions reviewed the draft."


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_question_worded_otherwise_after_its_known_start_is_still_its_label(language):
    # The first words are the form's; the rest of the question is worded differently.
    text = "\n".join(["Periodic Report", "Kenya 2020", CONSULTATION[language] + ". :", "", ANSWER])
    assert extract_text(text).report.consultation_process == ANSWER


FULL_CONSULTATION = {
    "en": CONSULTATION["en"],
    "fr": "Décrivez le processus de consultation multipartite mis en place pour la préparation "
    "de ce rapport, y compris les consultations avec les ministères concernés, les institutions "
    "publiques, les collectivités locales et les organisations de la société civile",
    "es": "Describa el proceso de consulta de múltiples partes interesadas establecido para la "
    "preparación de este informe, incluidas las consultas con los ministerios pertinentes, las "
    "instituciones públicas, los gobiernos locales y las organizaciones de la sociedad civil",
}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_question_flattened_onto_one_line_with_its_answer_is_found(language):
    cover = "Quadrennial Periodic Report 2016-2019 - Kenya"
    line = f"{cover} General Information {FULL_CONSULTATION[language]} {ANSWER}"
    report = extract_text("\n".join([cover, "", line])).report
    assert report.consultation_process == ANSWER
    assert report.party.iso3 == "KEN"


# ---------------------------------------------------------------------------------------------
# Measure values.
# ---------------------------------------------------------------------------------------------
PARTNER_LABELS = {
    "en": (
        "Partner(s) engaged in the implementation of the measure:",
        "Name of partner | Type of entity |",
        "Public Sector",
        "Civil Society Organization (CSO)",
    ),
    "fr": (
        "Partenaires engagés dans la mise en œuvre de la politique/mesure",
        "Nom du partenaire | Type d'entité |",
        "Secteur public",
        "Organisation de la société civile (OSC)",
    ),
    "es": (
        "Partner(s) engaged in the implementation of the measure:",
        "Name of partner | Type of entity |",
        "Public Sector",
        "Civil Society Organization (CSO)",
    ),
}


DRAWN_PARTNERS = [
    ("Harbour Town Council", "public_sector"),
    ("Guild of Touring Players", "civil_society"),
]


def drawn_table(language: str) -> list[str]:
    """A partner table drawn with pipes, each row split over lines as the platform renders it."""
    _, header, public, civil = PARTNER_LABELS[language]
    rows = [(name, public if kind == "public_sector" else civil) for name, kind in DRAWN_PARTNERS]
    return [header, "---|---|", *(line for name, kind in rows for line in (name, f"| {kind}", "|"))]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_drawn_partner_table_gives_its_rows_and_not_its_rule(language):
    partners, *_ = PARTNER_LABELS[language]
    lines = web_record(["Border Stages Touring Circuit", "Office for Stage Arts"], language)
    text = "\n".join(
        [
            lines,
            partners,
            ":",
            *drawn_table(language),
        ]
    )
    partners_read = extract_text(text).measures[0].partners
    assert [(p.name, p.entity_type) for p in partners_read] == DRAWN_PARTNERS


@pytest.mark.parametrize(
    ("language", "cut"),
    [
        ("en", "Has the implementation of the poli"),
        ("fr", "La mise en œuvre de la politique/m"),
        ("es", "Has the implementation of the policy/measure been eval"),
    ],
)
def test_a_label_cut_where_an_excerpt_ends_is_no_partner(language, cut):
    partners, *_ = PARTNER_LABELS[language]
    lines = web_record(["Border Stages Touring Circuit", "Office for Stage Arts"], language)
    text = "\n".join([lines, partners, "Nom du partenaire", "Harbour Town Council", cut])
    assert [p.name for p in extract_text(text).measures[0].partners] == ["Harbour Town Council"]


@pytest.mark.parametrize(
    ("value", "amount", "currency"),
    [
        ("USD 512.300 (rate of March 2021: 1USD=41,20)", 512300, "USD"),
        ("850 000 000 FCFA soit 1 700 0000 $US.", 850000000, "XOF"),
        ("3 200 000 EUR, i.e. 3 650 000 USD", 3200000, "EUR"),
        ("2 400 000 EUR, es decir 2 750 000 USD", 2400000, "EUR"),
    ],
)
def test_a_budget_with_a_rate_or_a_stated_equivalent_keeps_its_own_amount(value, amount, currency):
    text = web_record(["Border Stages Touring Circuit", "Office for Stage Arts"], "en")
    budget = extract_text(text.replace("85 000", value)).measures[0].budget
    assert (budget.amount, budget.currency) == (amount, currency)


def test_the_spanish_sites_domain_names_are_read():
    text = web_record(["Border Stages Touring Circuit", "Office for Stage Arts"], "es")
    text += "\n\nObjetivo(s) de la Convención 2005 de la UNESCO\nDominios culturales\n"
    text += "Cine / Artes audiovisuales\nIndustria editorial\nArtes visuales"
    domains = extract_text(text).measures[0].cultural_domains
    assert [d.code for d in domains if d.source == "form"] == [
        "cinema_audiovisual",
        "publishing",
        "visual_arts",
    ]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_page_rendered_without_its_labels_is_read_by_the_forms_order(language):
    results = "Eleven towns joined the circuit in its first two seasons."
    text = "\n".join(
        [
            CONTENT[language],
            results,
            "1,250,000.00 USD",
            *drawn_table(language),
            "An external review in 2022 praised the circuit and asked for a longer season.",
        ]
    )
    record = extract_text(text)
    measure = record.measures[0]
    assert record.issues[0].code == "no_form_labels"
    assert (measure.description, measure.results) == (CONTENT[language], results)
    assert (measure.budget.amount, measure.budget.currency) == (1250000, "USD")
    assert [(p.name, p.entity_type) for p in measure.partners] == DRAWN_PARTNERS
    assert measure.evaluation.conclusions.startswith("An external review in 2022")
    assert record.languages.content == language


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_free_text_typed_below_the_agencies_is_no_agency(language):
    header = [
        "Subtitles for Deaf Audiences",
        "",
        "Broadcasting Standards Board",
        "the National Film Archive",
        "sectors covered - broadcast and on-demand services, cinemas",
    ]
    measure = extract_text(web_record(header, language)).measures[0]
    assert measure.agency == "Broadcasting Standards Board; the National Film Archive"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_record_holding_only_its_key_objectives_has_their_language(language):
    objectives, _ = OLD_FORM[language]
    text = "\n".join(["Border Stages Touring Circuit", "", objectives, "", CONTENT[language]])
    assert extract_text(text).languages.content == language


# ---------------------------------------------------------------------------------------------
# Whole reports stringing such records together (issue #13, point 5).
# ---------------------------------------------------------------------------------------------
def docx_report(tmp_path, sections: list[tuple[str, list[str]]]) -> ReportRecord:
    """A Party's report: a cover, a goal heading, then each measure's title as a heading and
    its lines as paragraphs."""
    document = docx.Document()
    document.add_paragraph("Quadrennial Periodic Report 2020 - Kenya", style="Title")
    document.add_paragraph(GOAL_HEADING, style="Heading 1")
    for title, lines in sections:
        document.add_paragraph(title, style="Heading 2")
        for line in lines:
            document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    return extract_file(path)


GOAL_HEADING = "GOAL 1. SUPPORT SUSTAINABLE SYSTEMS OF GOVERNANCE FOR CULTURE"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_title_after_a_records_empty_goal_and_domain_blocks_starts_the_next(tmp_path, language):
    objectives, feature = OLD_FORM[language]
    description, results, _ = LABELS_2020[language]
    goals, domains = {"en": (EN_GOALS, EN_DOMAINS), "fr": (FR_GOALS, FR_DOMAINS)}.get(
        language, (ES_GOALS, ES_DOMAINS)
    )
    record = docx_report(
        tmp_path,
        [
            (
                "Village Libraries Plan",
                ["Ministry of Reading", objectives, CONTENT[language], goals, domains],
            ),
            (
                "Border Stages Touring Circuit",
                [
                    "Office for Stage Arts",
                    description,
                    CONTENT[language],
                    results,
                    "Eleven towns joined.",
                ],
            ),
        ],
    )
    assert [m.title for m in record.measures] == [
        "Village Libraries Plan",
        "Border Stages Touring Circuit",
    ]
    assert [m.agency for m in record.measures] == ["Ministry of Reading", "Office for Stage Arts"]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_heading_title_over_one_long_agency_line_keeps_both(tmp_path, language):
    objectives, _ = OLD_FORM[language]
    description, _, _ = LABELS_2020[language]
    agency = (
        "The 31 members of the regional working group (universities, teachers' unions, "
        "museum associations, youth councils, the national library, two broadcasters and "
        "the federation of municipal cultural centres)"
    )
    assert len(agency) > 200
    record = docx_report(
        tmp_path,
        [
            ("Village Libraries Plan", ["Ministry of Reading", description, CONTENT[language]]),
            ("Heritage Education in Schools", [agency, objectives, CONTENT[language]]),
        ],
    )
    assert [(m.title, m.agency) for m in record.measures] == [
        ("Village Libraries Plan", "Ministry of Reading"),
        ("Heritage Education in Schools", agency),
    ]


@pytest.mark.parametrize(
    ("headings", "answer"),
    [
        (
            ("General Information", "Technical Information"),
            "To prepare this second periodic report of Kenya on the 2005 Convention, the ministry "
            "wrote to forty public bodies and held two workshops with artists' unions, "
            "community radios and the national arts council, whose remarks were kept in the text.",
        ),
        (
            ("Informations générales", "Informations techniques"),
            "Pour préparer ce deuxième rapport périodique du Sénégal sur la Convention de 2005, "
            "le ministère a écrit à quarante organismes publics et tenu deux ateliers avec les "
            "syndicats d'artistes, les radios communautaires et le conseil des arts.",
        ),
        (
            ("Información general", "Información técnica"),
            "Para preparar este segundo informe periódico de Chile sobre la Convención de 2005, "
            "el ministerio escribió a cuarenta organismos públicos y celebró dos talleres con "
            "los sindicatos de artistas, las radios comunitarias y el consejo de las artes.",
        ),
    ],
)
def test_a_report_rendered_without_its_labels_gives_its_consultation(headings, answer):
    record = extract_text("\n".join([*headings, answer, "Short closing line"]))
    assert record.issues[0].code == "no_form_labels"
    assert record.report.consultation_process == answer


# ---------------------------------------------------------------------------------------------
# Layouts found on further real pages (probed beyond the development set).
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lines",
    [
        # Another Convention's form, with labels much like ours and its name in the title.
        [
            "Periodic Report",
            "REPORT ON THE IMPLEMENTATION OF THE CONVENTION AND ON THE ELEMENTS OF THE INTANGIBLE CULTURAL",
            "HERITAGE OF HUMANITY",
            "Name of the State Party",
            "Ruritania",
            "Date of Ratification",
            "2008-03-19",
            "Executive summary",
            "Ruritania keeps an inventory of its living heritage.",
        ],
        # A treaty body's summary record on a State's periodic report.
        [
            "Summary record of the 1203rd meeting",
            "Consideration of reports: second periodic report of Ruritania",
            "The Committee on the Elimination of Discrimination against Women met at 10 a.m.",
        ],
        # Another treaty's periodic report, naming no Convention of ours.
        [
            "Combined Periodic Report of the Republic of Ruritania",
            "pursuant to Article 62 of the African Charter on Human and Peoples' Rights",
            "2011-2021",
        ],
    ],
    ids=["labelled-like-ours", "summary-record", "other-treaty"],
)
def test_other_conventions_reports_stay_not_a_report(lines):
    record = extract_text("\n".join(lines))
    assert record.status == "failed" and record.issues[0].code == "not_a_report"


def test_a_paragraphs_dates_give_no_report_year():
    text = "\n".join(
        [
            "Informations générales",
            "Informations techniques",
            "Du 19 au 21 novembre 2019, le Kenya a accueilli un atelier national qui a réuni les "
            "ministères, les collectivités locales et une quarantaine d'organisations de la société "
            "civile pour préparer ce rapport périodique sur la Convention de 2005.",
        ]
    )
    assert extract_text(text).report.year is None


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_title_of_over_two_hundred_characters_stays_the_title(language):
    title = (
        "Agreement between the Government of the Republic of Ruritania and the Government of "
        "the Kingdom of Borduria on cooperation in the fields of cinema, music, publishing, "
        "the performing arts and the exchange of artists and cultural professionals"
    )
    assert len(title) > 200
    header = [
        title,
        "",
        "Government of the Republic of Ruritania",
        "Government of the Kingdom of Borduria",
    ]
    measure = extract_text(web_record(header, language)).measures[0]
    assert measure.title == title
    assert (
        measure.agency
        == "Government of the Republic of Ruritania; Government of the Kingdom of Borduria"
    )


@pytest.mark.parametrize(
    ("country", "when", "who", "iso3"),
    [
        ("Colombia", "When", "Who", "COL"),
        ("Colombie", "Quand", "Qui", "COL"),
        ("Colombia", "Cuándo", "Quién", "COL"),
    ],
)
def test_a_country_line_under_the_title_is_no_title(country, when, who, iso3):
    text = "\n".join(
        [
            "Film Co-production Agreement",
            "",
            country,
            when,
            "2017",
            who,
            "Ministry of Culture",
            EN_DESC,
            CONTENT["en"],
        ]
    )
    measure = extract_text(text).measures[0]
    assert (measure.title, measure.country.iso3, measure.agency) == (
        "Film Co-production Agreement",
        iso3,
        "Ministry of Culture",
    )


@pytest.mark.parametrize(
    ("value", "amount", "currency", "status"),
    [
        (
            "420 000 EU (467 000$) par an dont 300 000EU (334 000$) du Centre du cinéma",
            420000,
            "EUR",
            "stated",
        ),
        ("1 000 000 USD, of which 250 000 USD for training", 1000000, "USD", "stated"),
        ("2 000 000 USD, de los cuales 500 000 USD para formación", 2000000, "USD", "stated"),
        ("Does not apply", None, None, "not_available"),
        ("Sans objet", None, None, "not_available"),
    ],
)
def test_a_budget_total_with_its_part_or_a_not_applicable_answer(value, amount, currency, status):
    text = web_record(["Border Stages Touring Circuit", "Office for Stage Arts"], "en")
    budget = extract_text(text.replace("85 000", value)).measures[0].budget
    assert (budget.amount, budget.currency, budget.status) == (amount, currency, status)


def test_a_mirrors_link_line_after_the_last_field_is_no_value():
    objectives, feature = OLD_FORM["en"]
    text = "\n".join(
        [
            "Border Stages Touring Circuit",
            objectives,
            CONTENT["en"],
            "Financial resources allocated to implement the measure:",
            "Does not apply",
            "cheapflights-now.biz fastloans24.com",
        ]
    )
    assert extract_text(text).measures[0].budget.raw == "Does not apply"


@pytest.mark.parametrize(
    ("cover", "iso3"),
    [
        ("SECOND QUADRENNIAL PERIODIC REPORT OF THE KENYAN STATE TO UNESCO:", "KEN"),
        ("DEUXIÈME RAPPORT PÉRIODIQUE QUADRIENNAL DE L'ÉTAT SÉNÉGALAIS", "SEN"),
        ("SEGUNDO INFORME PERIÓDICO CUATRIENAL DEL ESTADO CHILENO", "CHL"),
    ],
)
def test_a_cover_naming_the_party_by_its_adjective_gives_the_party(cover, iso3):
    text = "\n".join(
        [
            cover,
            "Measures for the Diversity of Cultural Expressions",
            "2016",
            "",
            "SUMMARY",
            SUMMARY["en"],
        ]
    )
    assert extract_text(text).report.party.iso3 == iso3


def test_a_language_named_on_the_cover_is_no_party():
    text = "\n".join(
        [
            "Quadrennial Periodic Report (French version)",
            "Diversity of Cultural Expressions",
            "",
            "Résumé",
            SUMMARY["fr"],
        ]
    )
    assert extract_text(text).report.party is None
