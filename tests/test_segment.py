"""Segmentation of one record: header, labelled values, repeats and trailing page furniture."""

from __future__ import annotations

from pipeline.blocks import Block
from pipeline.normalize import normalize
from pipeline.segment import segment_measure


def section_of(text: str):
    return segment_measure(normalize([Block(text)]).lines)


def test_header_values_and_trailing_lines() -> None:
    section = section_of(
        "Title\nMinistry\nThis measure was reported by civil society.\n"
        "Cultural Domain(s)\nMusic\nShare this page\nBack to top"
    )
    assert [line.text for line in section.header] == ["Title", "Ministry"]
    assert section.civil_society
    domains = section.field("cultural_domains")
    assert domains is not None and [line.text for line in domains.lines] == ["Music"]
    assert [line.text for line in section.trailing] == ["Share this page", "Back to top"]


def test_an_empty_block_repeated_later_with_values_is_no_conflict() -> None:
    section = section_of(
        "Title\nCultural Domain(s)\nResults achieved\nGood results.\nCultural Domain(s)\nMusic"
    )
    domains = section.field("cultural_domains")
    assert domains is not None and [line.text for line in domains.lines] == ["Music"]
    assert section.duplicates == ()


def test_a_second_filled_value_is_a_duplicate_and_the_first_wins() -> None:
    section = section_of("Title\nWhen\n2020\nWhen\n2021")
    year = section.field("year")
    assert year is not None and [line.text for line in year.lines] == ["2020"]
    assert [duplicate.field for duplicate in section.duplicates] == ["year"]


def test_colon_alone_on_the_next_line_is_part_of_the_label() -> None:
    section = section_of(
        "Title\nFinancial resources allocated to the policy/measure in USD\n:\n65 000"
    )
    budget = section.field("budget")
    assert budget is not None and [line.text for line in budget.lines] == ["65 000"]
