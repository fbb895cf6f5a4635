"""Whole-pipeline behaviour a user relies on: any bytes give a record, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract_bytes, record_json
from schemas import ReportRecord

SUFFIXES = st.sampled_from([".txt", ".docx", ".pdf", ".html"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048), suffix=SUFFIXES)
def test_any_bytes_give_a_record(data: bytes, suffix: str) -> None:
    record = extract_bytes(data, f"input{suffix}")
    assert isinstance(record, ReportRecord)
    if record.status.value == "failed":
        assert record.measures == [] and record.issues[0].severity.value == "error"
    ReportRecord.model_validate_json(record_json(record))


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Describe the main features of the policy/measure:",
                    "Financial resources allocated to the policy/measure in USD:",
                    "Name of partnerType of entity",
                    "Public Sector",
                    "Who",
                    "Where",
                    "Oui",
                    ":",
                    "Cultural Domain(s)",
                    "Music",
                    "Read the full report",
                    "| a | b |",
                    "N/A",
                ]
            ),
            st.text(max_size=80),
        ),
        max_size=25,
    )
)
def test_any_arrangement_of_labels_gives_a_valid_record(lines: list[str]) -> None:
    record = extract_bytes("\n".join(lines).encode("utf-8"), "shuffled.txt")
    ReportRecord.model_validate_json(record_json(record))
    if record.measures:
        text = extract_bytes(
            "\n".join(lines).encode("utf-8"), "shuffled.txt", include_text=True
        ).text
        assert text is not None
        for span in record.measures[0].spans.values():
            assert 0 <= span.start <= span.end <= len(text)


def test_text_without_labels_is_not_a_report() -> None:
    record = extract_bytes(b"Dear colleagues,\nplease find the minutes attached.\n", "letter.txt")
    assert record.status.value == "failed"
    assert record.issues[0].code.value == "not_a_report"
