"""Languages of a record: the form's (from the labels matched) and the content's (langdetect).

The two are independent: a French form often carries English text. langdetect is the detector
of record; it is seeded, so the same text always gets the same answer, its profiles load once
per process, and it reads a bounded sample so long texts cost no more than short ones.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from pipeline.labels import LabelMatch

MIN_LETTERS = 40
"""Below this many letters a text is not guessed (docs/record.md)."""
# About a hundred words decide the language as well as a whole page does, at a fraction of
# langdetect's cost, which grows with the text it reads.
_SAMPLE_CHARS = 600
_SEED = 0
# langdetect averages 7 random walks over the text's n-grams by default. On the 7,081 distinct
# free texts of a 3,000-document corpus and the NLP gold set, 3 walks gave the same language
# every time, at 0.80 ms a call instead of 1.32 ms (benchmarks/README.md).
_TRIALS = 3


@cache
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(_SEED)
    return factory


def load_detector() -> None:
    """Load langdetect's profiles now (they are not safe to load from several threads)."""
    _factory()


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of `text`; None when it is too short to tell or undecidable."""
    if not text or sum(char.isalpha() for char in text) < MIN_LETTERS:
        return None
    detector = _factory().create()
    detector.n_trial = _TRIALS
    detector.append(text[:_SAMPLE_CHARS])
    try:
        language: str = detector.detect()
    except LangDetectException:
        return None
    # langdetect names Chinese variants zh-cn / zh-tw; the contract wants ISO 639-1.
    return language.split("-")[0]


def form_language(
    labels: list[LabelMatch] | tuple[LabelMatch, ...],
) -> tuple[str | None, dict[str, float]]:
    """The language with the most distinct matched label fields, and each language's share.
    A tie gives None."""
    fields_by_language: dict[str, set[str]] = defaultdict(set)
    for label in labels:
        fields_by_language[label.language].add(label.field)
    counts = {language: len(fields) for language, fields in fields_by_language.items()}
    total = sum(counts.values())
    if not total:
        return None, {}
    shares = {language: round(count / total, 4) for language, count in sorted(counts.items())}
    best = max(counts.values())
    leaders = [language for language, count in counts.items() if count == best]
    return (leaders[0] if len(leaders) == 1 else None), shares


def content_language(field_languages: dict[str, str | None], texts: list[str]) -> str | None:
    """The language of the free text taken together: the fields' own answer when they agree
    (no second detection), else a detection over the concatenated text."""
    found = {language for language in field_languages.values() if language}
    if len(found) == 1 and all(field_languages.values()):
        return found.pop()
    return detect_language("\n".join(texts))
