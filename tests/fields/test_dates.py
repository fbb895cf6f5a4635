"""Report dates (docs/record.md "report dates"): the ratification date as ISO 8601 as precise as
stated, never another event's date; the reporting period as a forward range of years; the
report's own year as a year standing alone.

An impossible calendar date (`31/13/2006`, `30 February 2006`) keeps its year: the year is what
analyses of ratification use and a slip in the day or month rarely touches it. The date is
flagged `impossible`, so the report can say only the year was kept.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.fields.dates import find_dates, lone_years, parse_period, parse_ratification_date

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def ratification(text: str) -> str | None:
    found = parse_ratification_date(text)
    return found.iso if found else None


# --- numeric dates ---


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("31/7/2006", "2006-07-31"),
        ("31/07/2006", "2006-07-31"),
        ("1/7/2006", "2006-07-01"),
        ("31.07.2006", "2006-07-31"),
        ("31-07-2006", "2006-07-31"),
        ("3/4/2006", "2006-04-03"),
    ],
)
def test_numeric_dates_are_day_first(text: str, iso: str) -> None:
    assert ratification(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"), [("7/31/2006", "2006-07-31"), ("12/31/2006", "2006-12-31")]
)
def test_numeric_date_is_month_first_only_when_day_first_is_impossible(text: str, iso: str) -> None:
    assert ratification(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2006-07-31", "2006-07-31"),
        ("2006-7-31", "2006-07-31"),
        ("2006/07/31", "2006-07-31"),
        ("2006-07-31 00:00:00", "2006-07-31"),
        ("2006-07-31T00:00:00", "2006-07-31"),
        ("2006-07", "2006-07"),
        ("2006", "2006"),
    ],
)
def test_iso_dates_read_as_precise_as_written(text: str, iso: str) -> None:
    assert ratification(text) == iso


def test_a_date_followed_by_a_full_stop_is_read() -> None:
    assert ratification("Ratified on 31.07.2006.") == "2006-07-31"


def test_two_digit_years_are_not_read() -> None:
    assert ratification("31/7/06") is None


# --- month names ---


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("July 2006", "2006-07"),
        ("31 July 2006", "2006-07-31"),
        ("July 31, 2006", "2006-07-31"),
        ("July 31 2006", "2006-07-31"),
        ("July 31st, 2006", "2006-07-31"),
        ("31st July 2006", "2006-07-31"),
        ("the 31st of July 2006", "2006-07-31"),
        ("31 July, 2006", "2006-07-31"),
        ("JULY 2006", "2006-07"),
        ("Sept. 2006", "2006-09"),
        ("12 Sept. 2006", "2006-09-12"),
        ("Dec 2006", "2006-12"),
    ],
)
def test_english_month_names(text: str, iso: str) -> None:
    assert ratification(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("juillet 2006", "2006-07"),
        ("31 juillet 2006", "2006-07-31"),
        ("1er juillet 2006", "2006-07-01"),
        ("1 er juillet 2006", "2006-07-01"),
        ("le 1ᵉʳ juillet 2006", "2006-07-01"),
        ("31 JUILLET 2006", "2006-07-31"),
        ("15 février 2007", "2007-02-15"),
        ("15 fevrier 2007", "2007-02-15"),
        ("15 FÉVRIER 2007", "2007-02-15"),
        ("12 janv. 2007", "2007-01-12"),
        ("3 fév. 2007", "2007-02-03"),
        ("20 août 2006", "2006-08-20"),
        ("20 aout 2006", "2006-08-20"),
        ("18 déc. 2006", "2006-12-18"),
    ],
)
def test_french_month_names(text: str, iso: str) -> None:
    assert ratification(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("31 de julio de 2006", "2006-07-31"),
        ("31 de julio del 2006", "2006-07-31"),
        ("julio de 2006", "2006-07"),
        ("Marzo de 2007", "2007-03"),
        ("1º de julio de 2006", "2006-07-01"),
        ("5 de setiembre de 2006", "2006-09-05"),
        ("12 ago. 2006", "2006-08-12"),
    ],
)
def test_spanish_month_names(text: str, iso: str) -> None:
    assert ratification(text) == iso


def test_a_season_is_no_month_and_leaves_the_year() -> None:
    assert ratification("printemps 2006") == "2006"


# --- impossible dates ---


@pytest.mark.parametrize(
    "text", ["31/13/2006", "32/1/2006", "00/07/2006", "31/02/2006", "2006-02-30", "2006-13-01"]
)
def test_an_impossible_numeric_date_keeps_only_its_year(text: str) -> None:
    found = parse_ratification_date(text)
    assert found is not None
    assert (found.iso, found.impossible) == ("2006", True)


def test_an_impossible_day_of_a_named_month_keeps_only_its_year() -> None:
    found = parse_ratification_date("30 February 2006")
    assert found is not None
    assert (found.iso, found.impossible) == ("2006", True)


def test_a_real_date_is_not_flagged_impossible() -> None:
    found = parse_ratification_date("29/2/2008")
    assert found is not None
    assert (found.iso, found.impossible) == ("2008-02-29", False)


def test_the_29th_of_february_of_a_common_year_is_impossible() -> None:
    found = parse_ratification_date("29/2/2007")
    assert found is not None and found.impossible


# --- other events ---


@pytest.mark.parametrize(
    "text",
    [
        "The Convention entered into force on 18 March 2007; ratified on 31 July 2006",
        "Entry into force: 18/3/2007, ratification: 31/7/2006",
        "Entry into force: 18/3/2007,ratification: 31/7/2006",
        "entrée en vigueur le 18 mars 2007 ; ratification le 31 juillet 2006",
        "Entrada en vigor: 18 de marzo de 2007. Ratificación: 31 de julio de 2006",
        "Adoption: 20 October 2005. Ratification: 31 July 2006",
        "The Convention was adopted on 20 October 2005 and ratified by Kenya on 31 July 2006",
        "18 March 2007 (entry into force), 31 July 2006 (ratification)",
        "Adopted by UNESCO in 2005. Kenya: 31 July 2006",
    ],
)
def test_the_ratification_is_found_after_another_events_date(text: str) -> None:
    assert ratification(text) == "2006-07-31"


def test_an_entry_into_force_in_parentheses_after_the_ratification_is_skipped() -> None:
    assert ratification("31 July 2006 (entry into force 31 October 2006)") == "2006-07-31"


def test_a_date_marked_as_the_ratifications_wins_over_an_unmarked_one() -> None:
    assert ratification("Law No. 12 of 2005; ratified on 31 July 2006") == "2006-07-31"


def test_a_date_marked_by_accession_in_parentheses_is_the_ratification() -> None:
    assert ratification("Instrument deposited on 31 July 2006 (accession)") == "2006-07-31"


@pytest.mark.parametrize(
    "text",
    [
        "entered into force on 18 March 2007",
        "Entrée en vigueur : 18 mars 2007",
        "Adoptada el 20 de octubre de 2005",
        "18 March 2007 (entry into force)",
    ],
)
def test_only_another_events_date_gives_no_ratification(text: str) -> None:
    assert parse_ratification_date(text) is None


def test_event_words_match_whole_words_only() -> None:
    # `confirmada` holds `firma` (signature), `designed` holds `signed`: neither is an event.
    assert ratification("Ratificación confirmada el 31 de julio de 2006") == "2006-07-31"
    assert ratification("designed 2006") == "2006"


@pytest.mark.parametrize("text", ["", "not ratified", "N/A", "—"])
def test_text_without_a_date_gives_none(text: str) -> None:
    assert parse_ratification_date(text) is None


def test_found_date_spans_the_date_in_the_text() -> None:
    text = "Ratified on 31 July 2006 by law"
    found = parse_ratification_date(text)
    assert found is not None
    assert text[found.start : found.end] == "31 July 2006"


# --- find_dates ---


def test_find_dates_lists_every_date_in_order() -> None:
    text = "Signed 20 October 2005, ratified 31/7/2006, in force since 2007"
    assert [date.iso for date in find_dates(text)] == ["2005-10-20", "2006-07-31", "2007"]


def test_find_dates_does_not_count_a_dates_year_again() -> None:
    assert [date.iso for date in find_dates("31 July 2006")] == ["2006-07-31"]


def test_find_dates_ignores_years_out_of_range_and_longer_numbers() -> None:
    assert find_dates("Ref 12020, page 1850") == []


# --- periods ---


@pytest.mark.parametrize(
    "text",
    [
        "2016-2019",
        "2016–2019",
        "2016—2019",
        "2016 – 2019",
        "2016/2019",
        "2016 to 2019",
        "from 2016 to 2019",
        "2016 TO 2019",
        "2016 à 2019",
        "de 2016 à 2019",
        "2016 au 2019",
        "2016 a 2019",
        "del 2016 al 2019",
        "2016-19",
        "January 2016 – December 2019",
        "1 January 2016 to 31 December 2019",
        "du 1er janvier 2016 au 31 décembre 2019",
        "01/01/2016 - 31/12/2019",
        "Quadrennial Periodic Report 2016-2019 - Kenya",
    ],
)
def test_period_variants(text: str) -> None:
    found = parse_period(text)
    assert found is not None and found[:2] == (2016, 2019)


def test_period_offsets_span_the_range() -> None:
    text = "Quadrennial Periodic Report 2016-2019 - Kenya"
    found = parse_period(text)
    assert found is not None
    assert text[found[2] : found[3]] == "2016-2019"


@pytest.mark.parametrize(
    "text",
    [
        "2019-2016",  # backwards
        "2016-2016",  # one year is no period
        "2005-2023",  # too long for a reporting period
        "2016",
        "31/7/2006",
        "2016-12-31",
    ],
)
def test_not_a_period(text: str) -> None:
    assert parse_period(text) is None


def test_the_first_valid_period_is_taken() -> None:
    found = parse_period("report 2019-2016, covering 2016-2019 and 2020-2023")
    assert found is not None and found[:2] == (2016, 2019)


# --- lone years ---


def test_lone_year_on_a_cover() -> None:
    assert lone_years("Periodic report 2012") == [2012]


def test_a_periods_years_are_not_lone() -> None:
    assert lone_years("Quadrennial Periodic Report 2016-2019 - Kenya") == []
    assert lone_years("Report 2016-2019, submitted 2020") == [2020]


def test_the_years_of_a_range_that_is_no_period_are_not_lone_either() -> None:
    assert lone_years("Report 2019-2016") == []


def test_lone_years_keep_their_order() -> None:
    assert lone_years("2020 and 2021") == [2020, 2021]


# --- robustness ---


@given(st.text())
def test_ratification_date_never_raises_and_is_always_iso(text: str) -> None:
    found = parse_ratification_date(text)
    assert found is None or ISO.match(found.iso)


_DATE_PIECES = st.sampled_from(
    [
        "31", "7", "13", "0", "2006", "1999", "/", ".", "-", " ", ",", "de", "July", "juillet",
        "févr.", "1er", "entry into force", "ratified", "(", ")", ";", "T", "00:00",
    ]
)  # fmt: skip


@given(st.lists(_DATE_PIECES, max_size=12).map("".join))
def test_ratification_date_of_date_like_text_is_always_iso(text: str) -> None:
    found = parse_ratification_date(text)
    assert found is None or ISO.match(found.iso)
    for date in find_dates(text):
        assert ISO.match(date.iso)
        assert 0 <= date.start < date.end <= len(text)


@given(st.text())
def test_period_and_lone_years_never_raise_and_stay_in_range(text: str) -> None:
    found = parse_period(text)
    if found is not None:
        start, end, first, last = found
        assert 0 < end - start <= 10
        assert 0 <= first < last <= len(text)
    assert all(1940 <= year <= 2099 for year in lone_years(text))
