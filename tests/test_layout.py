"""Whole reports: every measure found, in order, with its title, under the right goal, area and
section headings, and the report-level parts kept apart from the measures."""

from __future__ import annotations

import io

from docx import Document
from form_labels import EN_CONCLUSIONS, EN_DESC, EN_EVALUATED, EN_GOALS, EN_RESULTS
from records import stated_codes as codes
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline import extract_bytes
from pipeline.blocks import Block
from pipeline.layout import segment_report
from pipeline.normalize import normalize
from schemas import ReportRecord

KEY_OBJECTIVES = "Key objectives of the measure:"
MAIN_FEATURE = "Main feature of the measure:"
AGENCY_2012 = "Name of agency responsible for the implementation of the measure:"

REPORT_2020 = f"""Quadrennial Periodic Report 2020–2023 – Kenya
GENERAL INFORMATION
Name of Party: Kenya
Date of Ratification: 24/10/2007
Executive summary:
Kenya prepared this report through a year of consultation with the creative sector.
GOAL 1. SUPPORT SUSTAINABLE SYSTEMS OF GOVERNANCE FOR CULTURE
CULTURAL AND CREATIVE SECTORS
Creative Economy Fund
Where
Kenya
Who
Department of Culture and Heritage
{EN_DESC}
The fund gives grants to small creative businesses.
{EN_EVALUATED}
NO
Cultural Domain(s)
Music
Film Classification Reform
Who
Kenya Film Board
{EN_DESC}
A new law on the classification of films.
{EN_CONCLUSIONS}
Distributors wait less.
GOAL 2. ACHIEVE A BALANCED FLOW OF CULTURAL GOODS AND SERVICES AND INCREASE THE MOBILITY OF ARTISTS AND CULTURAL PROFESSIONALS
Artists on the Move
Who
Ministry of Foreign Affairs
{EN_DESC}
Travel grants for artists.
MOBILITY OF ARTISTS AND CULTURAL PROFESSIONALS
Residencies Abroad
Who
National Arts Council
{EN_DESC}
Residencies for painters in partner cities.
MEASURES AND INITIATIVES REPORTED BY CIVIL SOCIETY ORGANIZATIONS
Nairobi Street Theatre Network
This measure was reported by civil society.
Describe the main features of the measure/initiative:
Street theatre in informal settlements.
EMERGING TRANSVERSAL ISSUES
Climate change is becoming a concern for festivals.
"""


def extract_text(text: str) -> ReportRecord:
    return extract_bytes(text.encode("utf-8"), "report.txt")


def test_every_measure_is_found_in_order_with_its_title() -> None:
    record = extract_text(REPORT_2020)
    assert [measure.title for measure in record.measures] == [
        "Creative Economy Fund",
        "Film Classification Reform",
        "Artists on the Move",
        "Residencies Abroad",
        "Nairobi Street Theatre Network",
    ]
    assert [measure.index for measure in record.measures] == [0, 1, 2, 3, 4]
    assert record.status.value == "ok"


def test_measures_inherit_the_goal_and_area_headings_they_sit_under() -> None:
    measures = extract_text(REPORT_2020).measures
    assert [codes(measure.goals) for measure in measures] == [
        ["goal_1"],
        ["goal_1"],
        ["goal_2"],
        ["goal_2"],
        [],
    ]
    assert [codes(measure.areas_of_monitoring) for measure in measures] == [
        ["cultural_and_creative_sectors"],
        ["cultural_and_creative_sectors"],
        [],
        ["mobility_of_artists"],
        [],
    ]
    goal = measures[0].goals[0]
    assert goal.source.value == "heading"
    assert goal.raw == "GOAL 1. SUPPORT SUSTAINABLE SYSTEMS OF GOVERNANCE FOR CULTURE"


def test_measures_under_the_civil_society_section_are_flagged() -> None:
    measures = extract_text(REPORT_2020).measures
    assert [measure.reported_by_civil_society for measure in measures] == [
        False,
        False,
        False,
        False,
        True,
    ]


def test_a_measure_ends_at_the_next_measure_title_or_section_heading() -> None:
    measures = extract_text(REPORT_2020).measures
    assert measures[0].cultural_domains[0].code.value == "music"
    assert measures[1].evaluation.conclusions == "Distributors wait less."
    assert measures[4].description == "Street theatre in informal settlements."


def test_the_report_parts_stay_out_of_the_measures() -> None:
    record = extract_text(REPORT_2020)
    assert record.report.executive_summary == (
        "Kenya prepared this report through a year of consultation with the creative sector."
    )
    assert record.report.party is not None and record.report.party.iso3 == "KEN"
    assert record.report.ratification_date == "2007-10-24"
    assert all(measure.country and measure.country.iso3 == "KEN" for measure in record.measures)


def test_a_goal_among_a_measure_s_own_goal_values_is_not_a_heading() -> None:
    record = extract_text(
        "GOAL 2. ACHIEVE A BALANCED FLOW OF CULTURAL GOODS AND SERVICES\n"
        f"First Fund\nWho\nArts Council\n{EN_DESC}\nGrants.\n{EN_GOALS}\n"
        "Goal 1 – Support sustainable systems of governance for culture\n"
        f"Second Fund\nWho\nBook Council\n{EN_DESC}\nLoans.\n"
    )
    assert [measure.title for measure in record.measures] == ["First Fund", "Second Fund"]
    assert codes(record.measures[0].goals) == ["goal_1", "goal_2"]
    assert [goal.source.value for goal in record.measures[0].goals] == ["form", "heading"]
    assert codes(record.measures[1].goals) == ["goal_2"]


def test_numbered_measures_under_numbered_chapters_keep_their_numbers() -> None:
    measure = (
        "{title}\n{KEY_OBJECTIVES}\nTo widen access.\n{MAIN_FEATURE}\n"
        "Grants for {what}. The scheme is open all year.\n{AGENCY_2012}\n{agency}\n"
    )
    text = "1. Cultural policies and measures\n" + "".join(
        measure.format(
            title=title,
            what=what,
            agency=agency,
            KEY_OBJECTIVES=KEY_OBJECTIVES,
            MAIN_FEATURE=MAIN_FEATURE,
            AGENCY_2012=AGENCY_2012,
        )
        for title, what, agency in (
            ("1.1 National Book Fund", "publishers", "Book Council"),
            ("1.2 Music Export Office", "touring bands", "Music Office"),
        )
    )
    text += "2. International cultural cooperation\n" + measure.format(
        title="2.1 Co-production Treaty",
        what="co-productions",
        agency="Film Centre",
        KEY_OBJECTIVES=KEY_OBJECTIVES,
        MAIN_FEATURE=MAIN_FEATURE,
        AGENCY_2012=AGENCY_2012,
    )
    record = extract_text(text)
    assert [(m.title, m.agency) for m in record.measures] == [
        ("1.1 National Book Fund", "Book Council"),
        ("1.2 Music Export Office", "Music Office"),
        ("2.1 Co-production Treaty", "Film Centre"),
    ]
    assert record.measures[1].description == (
        "Grants for touring bands. The scheme is open all year."
    )


def test_unlabelled_title_and_agency_lines_follow_the_previous_measure_s_prose() -> None:
    record = extract_text(
        f"Regional Libraries Plan\nMinistry of Culture\n{EN_DESC}\nNew libraries.\n"
        f"{EN_RESULTS}\nTwelve libraries opened in 2022.\n"
        f"Dance Training Scheme\nNational Ballet School\nCity of Arts Council\n{EN_DESC}\n"
        "Scholarships for young dancers.\n"
    )
    assert [(m.title, m.agency) for m in record.measures] == [
        ("Regional Libraries Plan", "Ministry of Culture"),
        ("Dance Training Scheme", "National Ballet School; City of Arts Council"),
    ]
    assert record.measures[0].results == "Twelve libraries opened in 2022."


def test_a_labelled_title_starts_each_measure() -> None:
    record = extract_text(
        "Name of the measure: Film Fund\n"
        f"{MAIN_FEATURE} Grants for films.\n"
        "Name of the measure: Book Fund\n"
        f"{MAIN_FEATURE} Grants for books.\n"
    )
    assert [(m.title, m.description) for m in record.measures] == [
        ("Film Fund", "Grants for films."),
        ("Book Fund", "Grants for books."),
    ]


def test_measures_run_together_without_a_title_make_the_record_partial_naming_the_page(
    tmp_path,
) -> None:
    pdf = io.BytesIO()
    page = canvas.Canvas(pdf, pagesize=A4, invariant=1)
    page.drawString(72, 800, "Introduction")
    page.showPage()
    lines = [
        "Film Fund",
        EN_DESC,
        "Grants for films.",
        EN_RESULTS,
        "Ten films were made.",
        EN_DESC,
        "Grants for books.",
    ]
    for position, line in enumerate(lines):
        page.drawString(72, 800 - 30 * position, line)
    page.showPage()
    page.save()
    record = extract_bytes(pdf.getvalue(), "report.pdf")
    assert len(record.measures) == 2
    unclear = [issue for issue in record.issues if issue.code.value == "measure_boundary_unclear"]
    assert len(unclear) == 1 and unclear[0].measure_index == 1
    assert "page 2" in unclear[0].message
    assert record.status.value == "partial"


def test_headings_styled_in_word_give_the_goal_and_area() -> None:
    document = Document()
    document.add_heading("Goal 2 – Achieve a balanced flow of cultural goods and services", 1)
    document.add_heading("Treaties and agreements", 2)
    document.add_heading("Cultural Cooperation Agreement with Senegal", 3)
    for text in ("Who", "Ministry of Culture", EN_DESC, "A treaty on co-productions."):
        document.add_paragraph(text)
    document.add_heading("Goal 4 – Promote human rights and fundamental freedoms", 1)
    document.add_heading("Women in Film Programme", 3)
    for text in ("Who", "Film Centre", EN_DESC, "Mentoring for women directors."):
        document.add_paragraph(text)
    data = io.BytesIO()
    document.save(data)
    record = extract_bytes(data.getvalue(), "report.docx")
    assert [m.title for m in record.measures] == [
        "Cultural Cooperation Agreement with Senegal",
        "Women in Film Programme",
    ]
    assert [codes(m.goals) for m in record.measures] == [["goal_2"], ["goal_4"]]
    assert [codes(m.areas_of_monitoring) for m in record.measures] == [
        ["treaties_and_agreements"],
        [],
    ]


def test_spans_index_the_whole_document() -> None:
    record = extract_bytes(REPORT_2020.encode(), "report.txt", include_text=True)
    assert record.text is not None
    for measure in record.measures:
        span = measure.spans["title"]
        assert record.text[span.start : span.end] == measure.title
        span = measure.spans["description"]
        assert record.text[span.start : span.end] == measure.description


def test_the_layout_keeps_the_cover_apart() -> None:
    layout = segment_report(normalize([Block(REPORT_2020)]).lines)
    assert [line.text for line in layout.cover] == ["Quadrennial Periodic Report 2020–2023 – Kenya"]
    assert len(layout.measures) == 5


def test_a_short_last_value_stays_with_its_measure() -> None:
    budget = "Financial resources allocated to implement the measure:"
    record = extract_text(
        f"Film Fund\n{MAIN_FEATURE}\nGrants for films.\n{budget}\n65 000\nhttps://film.example.org\n"
        f"Book Fund\n{MAIN_FEATURE}\nGrants for books.\n{budget}\nN/A\n"
        f"Music Fund\n{MAIN_FEATURE}\nGrants for bands.\n"
    )
    assert [(m.title, m.budget.raw) for m in record.measures] == [
        ("Film Fund", "65 000\nhttps://film.example.org"),
        ("Book Fund", "N/A"),
        ("Music Fund", None),
    ]


def test_a_lone_measure_keeps_a_title_that_ends_with_a_full_stop() -> None:
    record = extract_text(f"Support to cinemas.\nMinistry of Culture.\n{EN_DESC}\nGrants.\n")
    assert record.measures[0].title == "Support to cinemas."


def test_a_label_back_in_the_form_order_after_a_numbered_title_starts_a_measure() -> None:
    record = extract_text(
        f"1.1 Film Fund\n{EN_DESC}\nGrants for films.\n"
        "Financial resources allocated to the policy/measure in USD:\n5000\n"
        f"1.2 Book Fund\n{EN_RESULTS}\nTwenty books were printed.\n"
    )
    assert [m.title for m in record.measures] == ["1.1 Film Fund", "1.2 Book Fund"]
    assert record.measures[0].budget.amount == 5000
    assert record.measures[1].results == "Twenty books were printed."


def test_a_label_back_in_the_form_order_without_a_title_is_never_a_silent_merge() -> None:
    record = extract_text(
        f"Film Fund\n{EN_RESULTS}\nTen films were made.\nBook Fund\n{EN_DESC}\nGrants for books.\n"
    )
    assert len(record.measures) == 1
    unclear = [issue for issue in record.issues if issue.code.value == "measure_boundary_unclear"]
    assert len(unclear) == 1 and "goes back in the form's order" in unclear[0].message
    assert record.status.value == "partial"


def test_a_cover_without_labels_is_not_the_first_measure_s_header() -> None:
    record = extract_text(
        f"Quadrennial Periodic Report\nKenya\n2016-2019\nCreative Economy Fund\n{EN_DESC}\nGrants.\n"
    )
    assert [(m.title, m.agency) for m in record.measures] == [("Creative Economy Fund", None)]
    assert record.report.party is not None and record.report.party.iso3 == "KEN"
    assert record.report.period is not None and record.report.period.start == 2016
