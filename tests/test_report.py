"""Report-level information of whole reports (docs/record.md `report`, docs/form.md §5),
read through the public API from report texts built here: the Party, period, year,
ratification date, point of contact, consultation process and executive summary, and how the
Party reaches the measures.
"""

from __future__ import annotations

import pytest
from form_labels import EN_DESC, FR_DESC, NBSP

from pipeline import extract_bytes
from schemas import ReportRecord
from schemas.report import Contact, Report

COVER = (
    "2005 Convention on the Protection and Promotion of the Diversity of Cultural Expression "
    "Quadrennial Periodic Report 2016-2019 - Kenya"
)
PARTY = "Name of Party:"
RATIFICATION = "Date of Ratification:"
CONTACT = "Officially Designated Point of Contact of the Convention:"
CONSULTATION = (
    "Describe the multi-stakeholder consultation process established for the preparation of "
    "this report, including consultations with relevant ministries, public institutions, local "
    "governments and civil society organizations.:"
)
SUMMARY = "Executive summary:"
GOAL = "GOAL 1. SUPPORT SUSTAINABLE SYSTEMS OF GOVERNANCE FOR CULTURE"

CONSULTED = (
    "A national team of twelve members met ministries, county governments and artists' "
    "associations in four regional workshops.",
    "A draft was published online for comments during one month.",
)
SUMMARIZED = (
    "Over the period the Party adopted a national culture policy and a film classification law.",
    "Public support to the music sector doubled, mostly through community radio.",
    "Challenges remain in the collection of cultural statistics.",
)
FIRST_TITLE = "Community Radio Music Fund"
FIRST_MEASURE = (
    FIRST_TITLE,
    EN_DESC + NBSP,
    "The fund pays community radio stations to record and broadcast concerts by local musicians.",
)
SECOND_MEASURE = (
    "Regional Film Co-production Fund",
    "Where",
    "Uganda",
    EN_DESC + NBSP,
    "The fund supports films co-produced by producers from the region.",
)


def report_text(
    *,
    cover: tuple[str, ...] = (COVER,),
    party: tuple[str, ...] = (PARTY, "Kenya"),
    ratification: tuple[str, ...] = (RATIFICATION, "31/7/2006"),
    contact: tuple[str, ...] = (
        CONTACT,
        "Ms Jane Wanjiru",
        "Director",
        "Ministry of Sports, Culture and Heritage",
        "jane.wanjiru@culture.go.ke",
        "+254 20 222 7860",
    ),
    consultation: tuple[str, ...] = (CONSULTATION, *CONSULTED),
    summary: tuple[str, ...] = (SUMMARY, *SUMMARIZED),
    measures: tuple[str, ...] = (GOAL, *FIRST_MEASURE, *SECOND_MEASURE),
) -> str:
    """A 2020+ report as platform text; an empty tuple leaves a part out."""
    parts = (cover, party, ratification, contact, consultation, summary, measures)
    return "\n".join(line for part in parts for line in part) + "\n"


def extract(text: str) -> ReportRecord:
    return extract_bytes(text.encode("utf-8"), "report.txt")


def report_of(text: str) -> Report:
    return extract(text).report


def issue_codes(record: ReportRecord) -> list[str]:
    return [issue.code.value for issue in record.issues]


# --- the whole report ---


def test_every_report_field_of_a_whole_report() -> None:
    report = report_of(report_text())
    assert report.model_dump() == {
        "party": {"name": "Kenya", "iso3": "KEN"},
        "period": {"start": 2016, "end": 2019},
        "year": None,
        "ratification_date": "2006-07-31",
        "contact": {
            "name": "Ms Jane Wanjiru",
            "organization": "Ministry of Sports, Culture and Heritage",
            "email": "jane.wanjiru@culture.go.ke",
            "phone": "+254 20 222 7860",
            "address": None,
        },
        "consultation_process": "\n".join(CONSULTED),
        "executive_summary": "\n".join(SUMMARIZED),
    }


def test_a_whole_report_keeps_its_measures() -> None:
    record = extract(report_text())
    assert [measure.title for measure in record.measures] == [
        FIRST_TITLE,
        "Regional Film Co-production Fund",
    ]
    assert record.status.value == "ok", record.issues


def test_a_french_report() -> None:
    text = "\n".join(
        (
            "Convention de 2005 sur la protection et la promotion de la diversité des "
            "expressions culturelles",
            "Rapport périodique quadriennal 2020–2023 – Sénégal",
            "Informations générales",
            "Nom de la Partie (Pays):",
            "Sénégal",
            "Date de ratification:",
            "1er décembre 2006",
            "Point de contact national de la convention désigné officiellement:",
            "Mme Awa Ndiaye",
            "Chargée de mission",
            "Direction des Arts",
            "Rue Pompidou, Dakar",
            "+221 33 849 00 00",
            "awa.ndiaye@culture.example.sn",
            "Résumé exécutif:",
            "Le Sénégal a renforcé son cadre de politique culturelle.",
            "Les industries culturelles ont progressé.",
            "Fonds de développement des cultures urbaines",
            FR_DESC,
            "Le fonds finance des projets de cultures urbaines.",
        )
    )
    record = extract(text)
    assert record.report.model_dump() == {
        "party": {"name": "Senegal", "iso3": "SEN"},
        "period": {"start": 2020, "end": 2023},
        "year": None,
        "ratification_date": "2006-12-01",
        "contact": {
            "name": "Mme Awa Ndiaye",
            "organization": "Direction des Arts",
            "email": "awa.ndiaye@culture.example.sn",
            "phone": "+221 33 849 00 00",
            "address": "Rue Pompidou, Dakar",
        },
        "consultation_process": None,
        "executive_summary": "Le Sénégal a renforcé son cadre de politique culturelle.\n"
        "Les industries culturelles ont progressé.",
    }
    assert [measure.title for measure in record.measures] == [
        "Fonds de développement des cultures urbaines"
    ]


def test_a_2016_form_report() -> None:
    text = "\n".join(
        (
            "Technical Information",
            "Name of Party:",
            "Jamaica",
            "Date of ratification:",
            "31/7/2006",
            "Officially designated Point of Contact:",
            "Name: Jane Brown",
            "E-mail: jane.brown@example.gov.jm",
            "Executive Summary",
            *SUMMARIZED,
            "1. Music Heritage Digitisation",
            EN_DESC,
            "The project digitises sound archives.",
        )
    )
    record = extract(text)
    assert record.report.party is not None and record.report.party.iso3 == "JAM"
    assert record.report.ratification_date == "2006-07-31"
    assert record.report.contact == Contact(
        name="Jane Brown",
        organization=None,
        email="jane.brown@example.gov.jm",
        phone=None,
        address=None,
    )
    assert record.report.executive_summary == "\n".join(SUMMARIZED)
    assert [measure.title for measure in record.measures] == ["1. Music Heritage Digitisation"]


def test_a_single_measure_file_has_all_null_report_fields() -> None:
    record = extract("\n".join(SECOND_MEASURE))
    assert [measure.title for measure in record.measures] == ["Regional Film Co-production Fund"]
    assert record.report == Report()


# --- party ---


def test_party_value_on_the_labels_line() -> None:
    report = report_of(report_text(cover=(), party=("Name of Party: Kenya",)))
    assert report.party is not None and report.party.iso3 == "KEN"


def test_party_value_on_the_next_line() -> None:
    report = report_of(report_text(cover=(), party=(PARTY, "Kenya")))
    assert report.party is not None and report.party.iso3 == "KEN"


def test_party_value_on_the_next_line_right_before_a_measure() -> None:
    text = "\n".join((PARTY, "Unión Europea", *FIRST_MEASURE))
    record = extract(text)
    assert record.report.party is not None and record.report.party.iso3 == "EUU"
    assert record.measures[0].title == FIRST_TITLE


def test_european_union_is_a_party() -> None:
    report = report_of(report_text(cover=(), party=(PARTY, "European Union")))
    assert report.party is not None
    assert report.party.model_dump() == {"name": "European Union", "iso3": "EUU"}


@pytest.mark.parametrize(
    ("label", "value", "party"),
    [
        ("Nom de la Partie (Pays):", "Sénégal", ("Senegal", "SEN")),
        ("Nom de la Partie (Pays):", "Union européenne", ("European Union", "EUU")),
        ("Nombre de la Parte (País):", "Unión Europea", ("European Union", "EUU")),
        ("Nombre de la Parte (País):", "México", ("Mexico", "MEX")),
        (PARTY, "Côte d’Ivoire", ("Côte d'Ivoire", "CIV")),
    ],
)
def test_a_localised_party_name_gets_the_english_name(
    label: str, value: str, party: tuple[str, str]
) -> None:
    report = report_of(report_text(cover=(), party=(label, value)))
    assert report.party is not None
    assert (report.party.name, report.party.iso3) == party


def test_an_unknown_party_is_null_with_an_issue() -> None:
    record = extract(report_text(cover=(), party=(PARTY, "Atlantis")))
    assert record.report.party is None
    issue = next(issue for issue in record.issues if issue.code.value == "party_unresolved")
    assert issue.field == "party" and "Atlantis" in issue.message


def test_an_unknown_stated_party_does_not_fall_back_to_the_cover() -> None:
    record = extract(report_text(party=(PARTY, "Atlantis")))
    assert record.report.party is None
    assert "party_unresolved" in issue_codes(record)


def test_a_party_named_only_on_the_cover() -> None:
    report = report_of(report_text(party=()))
    assert report.party is not None and report.party.iso3 == "KEN"


def test_a_cover_line_that_is_a_country_wins_over_one_named_in_a_sentence() -> None:
    cover = (
        "Quadrennial Periodic Report",
        "Prepared with the support of the Embassy of France",
        "Kenya",
    )
    report = report_of(report_text(cover=cover, party=()))
    assert report.party is not None and report.party.iso3 == "KEN"


def test_the_stated_party_wins_over_the_cover() -> None:
    report = report_of(report_text(party=(PARTY, "Uganda")))
    assert report.party is not None and report.party.iso3 == "UGA"


def test_no_party_anywhere_is_null_without_an_issue() -> None:
    record = extract(report_text(cover=("Quadrennial Periodic Report",), party=()))
    assert record.report.party is None
    assert "party_unresolved" not in issue_codes(record)


# --- party and measures ---


def test_a_measure_without_where_gets_the_party_as_its_country() -> None:
    record = extract(report_text(cover=(), party=(PARTY, "European Union")))
    country = record.measures[0].country
    assert country is not None and country.iso3 == "EUU"


def test_a_measure_with_where_keeps_its_own_country() -> None:
    record = extract(report_text())
    country = record.measures[1].country
    assert country is not None and country.iso3 == "UGA"


# --- period and year ---


@pytest.mark.parametrize(
    "cover",
    [
        "Quadrennial Periodic Report 2016-2019 - Kenya",
        "Quadrennial Periodic Report 2016–2019 - Kenya",
        "Rapport périodique quadriennal 2016 à 2019 - Kenya",
    ],
)
def test_period_from_the_cover(cover: str) -> None:
    report = report_of(report_text(cover=(cover,)))
    assert report.period is not None
    assert (report.period.start, report.period.end) == (2016, 2019)


def test_period_from_its_label_wins_over_the_cover() -> None:
    text = report_text(party=(PARTY, "Kenya", "Reporting period:", "2020–2023"))
    report = report_of(text)
    assert report.period is not None
    assert (report.period.start, report.period.end) == (2020, 2023)


def test_a_period_running_backwards_is_no_period() -> None:
    report = report_of(report_text(cover=("Quadrennial Periodic Report 2019-2016 - Kenya",)))
    assert report.period is None
    assert report.year is None


def test_the_year_is_the_submission_dates() -> None:
    text = report_text(party=(PARTY, "Kenya", "Date of submission:", "30 April 2020"))
    assert report_of(text).year == 2020


def test_the_year_is_a_lone_year_on_the_cover() -> None:
    report = report_of(report_text(cover=("Periodic report 2012", "Kenya")))
    assert (report.year, report.period) == (2012, None)


def test_a_periods_years_are_never_the_year() -> None:
    report = report_of(report_text(cover=("Quadrennial Periodic Report 2016-2019 - Kenya",)))
    assert report.year is None


@pytest.mark.parametrize(
    "cover",
    [
        COVER,
        "UNESCO's 2005 Convention - Periodic report",
        "Convention de l'UNESCO de 2005 - Rapport périodique",
        "Convención de 2005 - Informe periódico",
    ],
)
def test_the_conventions_year_is_never_the_year(cover: str) -> None:
    assert report_of(report_text(cover=(cover,))).year is None


def test_the_year_after_the_conventions_on_the_cover() -> None:
    cover = "2005 Convention on the Diversity of Cultural Expressions - Periodic report 2012"
    assert report_of(report_text(cover=(cover,))).year == 2012


def test_an_unreadable_submission_date_is_an_issue() -> None:
    record = extract(report_text(party=(PARTY, "Kenya", "Date of submission:", "pending")))
    assert record.report.year is None
    assert "date_unparsed" in issue_codes(record)


# --- ratification date ---


@pytest.mark.parametrize(
    ("label", "value", "iso"),
    [
        (RATIFICATION, "31/7/2006", "2006-07-31"),
        ("Date of ratification:", "July 2006", "2006-07"),
        (RATIFICATION, "2006", "2006"),
        ("Date de ratification:", "1er juillet 2006", "2006-07-01"),
        ("Fecha de ratificación:", "31 de julio de 2006", "2006-07-31"),
        (RATIFICATION, "July 31, 2006", "2006-07-31"),
    ],
)
def test_ratification_date_as_precise_as_stated(label: str, value: str, iso: str) -> None:
    assert report_of(report_text(ratification=(label, value))).ratification_date == iso


def test_ratification_date_on_the_labels_line() -> None:
    text = report_text(ratification=("Date of Ratification: 31/7/2006",))
    assert report_of(text).ratification_date == "2006-07-31"


def test_entry_into_force_is_not_the_ratification_date() -> None:
    text = report_text(
        ratification=(RATIFICATION, "Entry into force: 31 October 2006", "Ratified: 31 July 2006")
    )
    assert report_of(text).ratification_date == "2006-07-31"


def test_an_entry_into_force_date_wrapped_over_two_lines_is_not_the_ratification() -> None:
    text = report_text(
        ratification=(RATIFICATION, "The Convention entered into force on", "31 October 2006")
    )
    record = extract(text)
    assert record.report.ratification_date is None
    assert "date_unparsed" in issue_codes(record)


def test_an_impossible_ratification_date_keeps_its_year_with_an_issue() -> None:
    record = extract(report_text(ratification=(RATIFICATION, "31/13/2006")))
    assert record.report.ratification_date == "2006"
    issue = next(issue for issue in record.issues if issue.field == "ratification_date")
    assert issue.code.value == "date_unparsed" and "31/13/2006" in issue.message


def test_a_ratification_value_without_a_date_is_null_with_an_issue() -> None:
    record = extract(report_text(ratification=(RATIFICATION, "Not communicated")))
    assert record.report.ratification_date is None
    assert "date_unparsed" in issue_codes(record)


# --- contact ---


def test_contact_with_sub_labels() -> None:
    contact = (
        "Officially designated Point of Contact:",
        "Name: Jane Wanjiru",
        "Organization: Ministry of Sports, Culture and Heritage",
        "E-mail: jane.wanjiru@culture.go.ke",
        "Phone: +254 20 222 7860",
        "Address: P.O. Box 49849-00100",
        "Nairobi",
    )
    assert report_of(report_text(contact=contact)).contact == Contact(
        name="Jane Wanjiru",
        organization="Ministry of Sports, Culture and Heritage",
        email="jane.wanjiru@culture.go.ke",
        phone="+254 20 222 7860",
        address="P.O. Box 49849-00100\nNairobi",
    )


def test_french_contact_label_and_sub_labels() -> None:
    contact = (
        "Point de contact national de la convention désigné officiellement:",
        "Nom : Marie Dupont",
        "Chargée de mission",
        "Courriel : marie.dupont@culture.gouv.fr",
        "Tél. : +33 (0)1 40 15 80 00",
        "Fax : +33 (0)1 40 15 80 01",
    )
    assert report_of(report_text(contact=contact)).contact == Contact(
        name="Marie Dupont",
        organization=None,
        email="marie.dupont@culture.gouv.fr",
        phone="+33 (0)1 40 15 80 00",
        address=None,
    )


def test_contact_on_one_line() -> None:
    contact = (f"{CONTACT} Ms A. Diallo, Director, Ministry of Culture, a.diallo@example.org",)
    assert report_of(report_text(contact=contact)).contact == Contact(
        name="Ms A. Diallo",
        organization="Ministry of Culture",
        email="a.diallo@example.org",
        phone=None,
        address=None,
    )


def test_a_contact_label_without_a_value_gives_no_contact() -> None:
    assert report_of(report_text(contact=(CONTACT,))).contact is None


# --- consultation and executive summary ---


@pytest.mark.parametrize(
    "label",
    [CONSULTATION, CONSULTATION.removesuffix(".:"), CONSULTATION + NBSP],
    ids=["form", "pdf-export", "nbsp"],
)
def test_consultation_label_as_the_form_prints_it(label: str) -> None:
    report = report_of(report_text(consultation=(label, *CONSULTED)))
    assert report.consultation_process == "\n".join(CONSULTED)


def test_executive_summary_keeps_its_paragraphs() -> None:
    assert report_of(report_text()).executive_summary == "\n".join(SUMMARIZED)


@pytest.mark.parametrize("label", ["Executive Summary", "Résumé exécutif:"])
def test_executive_summary_label_variants(label: str) -> None:
    report = report_of(report_text(summary=(label, *SUMMARIZED)))
    assert report.executive_summary == "\n".join(SUMMARIZED)


def test_executive_summary_does_not_swallow_the_first_measures_title() -> None:
    record = extract(report_text(measures=(*FIRST_MEASURE, *SECOND_MEASURE)))
    assert record.report.executive_summary == "\n".join(SUMMARIZED)
    assert record.measures[0].title == FIRST_TITLE


def test_executive_summary_ends_at_a_goal_heading() -> None:
    record = extract(report_text())
    assert record.report.executive_summary is not None
    assert GOAL not in record.report.executive_summary
    assert record.measures[0].title == FIRST_TITLE


def test_report_text_values_are_kept_as_written() -> None:
    summary = (SUMMARY, "L’État a adopté « une loi » sur le cinéma ; 3. Suite.")
    assert report_of(report_text(summary=summary)).executive_summary == summary[1]
