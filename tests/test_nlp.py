"""Named entities (pipeline/nlp/): the seed's bodies, places and dates, one case per label and
language with spans as samples/nlp/README.md draws them, the invariants (offsets, order, no
overlap, determinism), the cached pipelines, and a trained pipeline merged behind the rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp import (
    COMPONENTS,
    LABELS,
    Mention,
    find_entities,
    rule_pipeline,
    trained_pipeline_name,
)
from pipeline.nlp import mentions as nlp_mentions
from pipeline.nlp import pipelines as nlp_pipelines
from pipeline.nlp.fragments import digit_windows

SEED = Path(__file__).resolve().parents[1] / "samples" / "azerbaijan-civil-society-consultation.txt"


def seed_fields() -> dict[str, str]:
    """The description and results of the seed: the line after each label."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    after = {line: lines[i + 1] for i, line in enumerate(lines[:-1])}
    return {
        "description": next(v for k, v in after.items() if k.startswith("Décrivez")),
        "results": next(v for k, v in after.items() if k.startswith("Quels sont les résultats")),
    }


def mentions(text: str, language: str | None = "en") -> list[tuple[str, str]]:
    return [(m.label, m.text) for m in find_entities([(text, language)], use_trained=False)[0]]


def assert_well_formed(text: str, found: list[Mention]) -> None:
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
        assert mention.label in LABELS
        assert mention.text.strip() == mention.text and mention.text
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start


# ------------------------------------------------------------------------------------ seed


def test_seed_names_its_bodies_place_and_date() -> None:
    fields = seed_fields()
    found = find_entities([(fields["description"], "en"), (fields["results"], "en")])
    by_label: dict[str, set[str]] = {}
    for field_mentions in found:
        for mention in field_mentions:
            by_label.setdefault(mention.label, set()).add(mention.text)
    assert {
        "Azerbaijan Design Association",
        "Ministry of Justice",
        "Ministry of Culture",
        "Composers' Union",
        "Writers' Union",
        "Theatre workers' Union",
        "Artists' Union",
    } <= by_label["ORG"]
    assert "Baku" in by_label["PLACE"]
    assert "January 2021" in by_label["DATE"]
    # "ministry representatives", "Presidential Decrees" (no number): no mention.
    assert not any("representatives" in name for name in by_label["ORG"])
    assert "LAW" not in by_label


def test_seed_partner_table_names_are_whole() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = [m.text for m in find_entities([(text, "en")])[0] if m.label == "ORG"]
    assert "Azerbaijan Theatre workers' Union" in found
    assert "Union of Cinematographers of Azerbaijan" in found
    assert "Ministry of Culture of the Republic of Azerbaijan" in found


# -------------------------------------------------------------------------- one per label

CASES = [
    # ORG
    (
        "en",
        "It was signed by the Ministry of Culture and Tourism in Baku.",
        "ORG",
        "Ministry of Culture and Tourism",
    ),
    (
        "en",
        "the Kenya Film and Television Board (KFTB) licenses films.",
        "ORG",
        "Kenya Film and Television Board",
    ),
    (
        "en",
        "the Kenya Film and Television Board (KFTB) licenses films; KFTB also rates them.",
        "ORG",
        "KFTB",
    ),
    (
        "en",
        "with the Ministry of Culture, Youth and Sports since then",
        "ORG",
        "Ministry of Culture, Youth and Sports",
    ),
    (
        "en",
        "support from UNESCO's International Fund for Cultural Diversity",
        "ORG",
        "International Fund for Cultural Diversity",
    ),
    (
        "fr",
        "Le Conseil national des arts et des lettres du Québec a financé le projet.",
        "ORG",
        "Conseil national des arts et des lettres du Québec",
    ),
    (
        "fr",
        "avec le ministère de la Culture et du Patrimoine historique",
        "ORG",
        "ministère de la Culture et du Patrimoine historique",
    ),
    (
        "fr",
        "La Société de développement des entreprises culturelles (SODEC) investit.",
        "ORG",
        "SODEC",
    ),
    (
        "fr",
        "l'Organisation internationale de la Francophonie soutient le projet",
        "ORG",
        "Organisation internationale de la Francophonie",
    ),
    ("es", "El Fondo Nacional de las Artes entregó becas.", "ORG", "Fondo Nacional de las Artes"),
    (
        "es",
        "la Dirección de Músicas Tradicionales del Ministerio de Cultura organizó",
        "ORG",
        "Dirección de Músicas Tradicionales del Ministerio de Cultura",
    ),
    # PLACE
    ("en", "Tours went to Nairobi and the United Kingdom.", "PLACE", "United Kingdom"),
    ("en", "Residencies in Côte d'Ivoire.", "PLACE", "Côte d'Ivoire"),
    ("fr", "Des ateliers à Dakar et en Casamance.", "PLACE", "Casamance"),
    ("fr", "Une tournée à La Réunion.", "PLACE", "La Réunion"),
    ("es", "Talleres en Montevideo y en la región de Los Lagos.", "PLACE", "Los Lagos"),
    ("es", "Giras por América Latina.", "PLACE", "América Latina"),
    # DATE
    ("en", "It was registered in January 2021.", "DATE", "January 2021"),
    ("en", "It ran from 2015 to 2019.", "DATE", "2015 to 2019"),
    ("en", "during the 2016–2019 period", "DATE", "2016–2019"),
    ("en", "It opened on 15 March 2022.", "DATE", "15 March 2022"),
    ("en", "Reports are due by the end of 2023.", "DATE", "end of 2023"),
    ("en", "It was created in 2018.", "DATE", "2018"),
    ("fr", "Le fonds existe depuis 2019.", "DATE", "2019"),
    ("fr", "Entre 2015 et 2019, le festival a grandi.", "DATE", "2015 et 2019"),
    ("fr", "Créé le 1er janvier 2020.", "DATE", "1er janvier 2020"),
    ("es", "Se firmó el 15 de marzo de 2022.", "DATE", "15 de marzo de 2022"),
    ("es", "De 2015 a 2019 creció.", "DATE", "2015 a 2019"),
    ("es", "Abrió en enero de 2021.", "DATE", "enero de 2021"),
    ("es", "Cada febrero se reúne.", "DATE", "febrero"),
    # MONEY
    ("en", "a grant of USD 2.3 million", "MONEY", "USD 2.3 million"),
    ("en", "a grant of US$ 40 000", "MONEY", "US$ 40 000"),
    ("en", "a grant of 65 000 dollars", "MONEY", "65 000 dollars"),
    ("en", "a grant of €5m", "MONEY", "€5m"),
    ("en", "fees from CAD 5,000 to 25,000", "MONEY", "CAD 5,000 to 25,000"),
    ("fr", "un budget de 3,4 millions d'euros", "MONEY", "3,4 millions d'euros"),
    ("fr", "un apport de FCFA 12 000 000", "MONEY", "FCFA 12 000 000"),
    ("fr", "un apport de XOF 5 millions", "MONEY", "XOF 5 millions"),
    ("fr", "une contribution de 150\u00a0000 euros", "MONEY", "150\u00a0000 euros"),
    ("es", "un fondo de 1.200 millones de pesos", "MONEY", "1.200 millones de pesos"),
    (
        "es",
        "entre 20 y 80 millones de pesos colombianos",
        "MONEY",
        "20 y 80 millones de pesos colombianos",
    ),
    # LAW
    ("en", "under Law No. 20.810 on audiovisual works", "LAW", "Law No. 20.810"),
    ("en", "as Act No. 5 of 2019 provides", "LAW", "Act No. 5 of 2019"),
    ("en", "by Presidential Decree No. 1234", "LAW", "Presidential Decree No. 1234"),
    ("en", "under Article 16 of the 2005 Convention", "LAW", "2005 Convention"),
    (
        "fr",
        "la Loi n° 2016-925 du 7 juillet 2016 relative à la liberté",
        "LAW",
        "Loi n° 2016-925 du 7 juillet 2016",
    ),
    ("fr", "le Décret n° 2019-123 fixe", "LAW", "Décret n° 2019-123"),
    ("es", "la Ley N° 29565 crea", "LAW", "Ley N° 29565"),
    ("es", "la Ley 1493 de 2011 regula", "LAW", "Ley 1493 de 2011"),
    ("es", "el Decreto Supremo N° 001-2020-MC aprueba", "LAW", "Decreto Supremo N° 001-2020-MC"),
    (
        "es",
        "la Resolución Ministerial N° 123-2019-MC dispone",
        "LAW",
        "Resolución Ministerial N° 123-2019-MC",
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "label", "expected"),
    CASES,
    ids=[f"{case[0]}-{case[2]}-{case[3][:30]}" for case in CASES],
)
def test_each_label_in_each_language(language: str, text: str, label: str, expected: str) -> None:
    assert (label, expected) in mentions(text, language)


NOT_FOUND = [
    ("en", "ministry representatives met the Ministry", "ORG"),
    ("en", "In 2020, 2000 artists took part.", "DATE", "2000"),
    ("en", "a budget of 65 000 for 1.9 million tickets, 10% more", "MONEY"),
    ("en", "the EU 2020 strategy", "MONEY"),
    ("en", "Azerbaijani and French artists", "PLACE"),
    ("en", "COVID-19 closed venues", "DATE"),
    ("fr", "la Loi n° 2016-925 du 7 juillet 2016", "DATE"),
    ("fr", "les organisations de la société civile", "ORG"),
    ("en", 'the film "Salt and Stone in Baku" was shown', "PLACE"),
    ("en", "in the direction of Baku", "ORG"),
]


@pytest.mark.parametrize("case", NOT_FOUND, ids=[f"{c[0]}-{c[2]}-{c[1][:24]}" for c in NOT_FOUND])
def test_what_is_no_mention(case: tuple[str, ...]) -> None:
    language, text, label, *text_found = case
    found = [t for lab, t in mentions(text, language) if lab == label]
    assert found == [] if not text_found else text_found[0] not in found


def test_prepositions_stay_outside_dates() -> None:
    assert ("DATE", "2019") in mentions("It has run since 2019.")
    assert ("DATE", "2018") in mentions("Lo creó en 2018.", "es")
    assert ("DATE", "2020 and 2023") in mentions("Between 2020 and 2023 it grew.")


def test_a_body_that_ends_in_a_law_number_is_two_mentions() -> None:
    found = mentions("by the Ministry of Culture Decree No. 6 of 2020")
    assert found == [("ORG", "Ministry of Culture"), ("LAW", "Decree No. 6 of 2020")]


def test_acronym_in_parentheses_is_its_own_mention() -> None:
    found = mentions("the Creative Arts Agency of Ghana (CAAG) and later CAAG alone")
    assert found == [
        ("ORG", "Creative Arts Agency of Ghana"),
        ("ORG", "CAAG"),
        ("ORG", "CAAG"),
    ]


# ------------------------------------------------------------------------------ invariants


def test_mentions_are_offsets_sorted_and_disjoint() -> None:
    texts = [(text, language) for language, text, *_ in CASES] + [(seed_fields()["results"], "en")]
    for (text, _), found in zip(texts, find_entities(texts), strict=True):
        assert_well_formed(text, found)


WORDS = [
    "Ministry",
    "of",
    "Culture",
    "and",
    "Union",
    "Composers",
    "'",
    "'s",
    "Baku",
    "Paris",
    "in",
    "2019",
    "2016-2019",
    "January",
    "USD",
    "5",
    "000",
    "million",
    "Law",
    "No.",
    "20.810",
    "(",
    ")",
    "SODEC",
    "de",
    "la",
    "Fondo",
    "Nacional",
    "Artes",
    "des",
    "arts",
    "Conseil",
    "national",
    "\n",
    ".",
    ",",
    "the",
    "€",
    "5m",
    "Loi",
    "n°",
    "2016-925",
    "«",
    "»",
    "-",
    "y",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=40),
    st.sampled_from(["en", "fr", "es", "pt", None]),
)
def test_any_text_gives_well_formed_mentions(words: list[str], language: str | None) -> None:
    text = " ".join(words)
    assert_well_formed(text, find_entities([(text, language)], use_trained=False)[0])


def test_results_are_deterministic_and_independent_of_batching() -> None:
    texts = [(text, language) for language, text, *_ in CASES]
    together = find_entities(texts)
    assert together == find_entities(texts)
    assert together == [find_entities([pair])[0] for pair in texts]


def test_digit_windows_find_what_the_whole_text_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Patterns holding a digit are tried only near digits (for speed): the result must be the
    one a scan of the whole text gives."""
    texts = [(text, language) for language, text, *_ in CASES]
    texts.append((SEED.read_text(encoding="utf-8"), "en"))
    texts.append(("x " * 200 + "Loi n° 2016-925 du 7 juillet 2016, " + "y " * 200 + "2019", "fr"))
    windowed = find_entities(texts, use_trained=False)
    monkeypatch.setattr(nlp_mentions, "digit_windows", lambda text: [(0, len(text))])
    assert find_entities(texts, use_trained=False) == windowed


def test_digit_windows_are_disjoint_and_cover_every_digit() -> None:
    text = "a 1 b " + "word " * 100 + "USD 5 000 " + "word " * 100 + "in 2019."
    windows = digit_windows(text)
    assert windows == sorted(windows)
    pairs = zip(windows, windows[1:], strict=False)
    assert all(end < next_start for (_, end), (next_start, _) in pairs)
    for index, char in enumerate(text):
        if char.isdigit():
            assert any(start <= index < end for start, end in windows)


def test_empty_texts_give_no_mentions() -> None:
    assert find_entities([]) == []
    assert find_entities([("", "en"), ("   \n", "fr"), ("", None)]) == [[], [], []]


def test_other_languages_go_through_the_multilingual_pipeline() -> None:
    text = "O Ministério da Cultura apoiou o festival em São Paulo em 2019 com R$ 5 000."
    found = find_entities([(text, "pt")])[0]
    assert_well_formed(text, found)
    assert ("PLACE", "São Paulo") in [(m.label, m.text) for m in found]
    assert rule_pipeline("pt").lang == "xx"
    assert rule_pipeline(None) is rule_pipeline("pt")


# ------------------------------------------------------------------------------- pipelines


def test_pipelines_are_built_once_per_language() -> None:
    assert rule_pipeline("en") is rule_pipeline("en-GB") is rule_pipeline("EN")
    assert rule_pipeline("fr") is not rule_pipeline("es")
    before = nlp_pipelines._build_pipeline.cache_info().misses
    find_entities([("Ministry of Culture", "en"), ("ministère de la Culture", "fr")])
    assert nlp_pipelines._build_pipeline.cache_info().misses == before


def test_pipelines_are_blank_plus_the_named_rule_components() -> None:
    pipeline = rule_pipeline("es")
    assert pipeline.lang == "es"
    assert tuple(pipeline.pipe_names) == COMPONENTS
    assert all(name.startswith("qpr_") for name in pipeline.pipe_names)


@pytest.mark.parametrize("language", ["en", "fr", "es", None])
def test_components_declare_an_order_spacy_accepts(language: str | None) -> None:
    """Each component requires only what one before it assigns (its factory's declaration)."""
    analysis = rule_pipeline(language).analyze_pipes()
    assert analysis["problems"] == {name: [] for name in COMPONENTS}
    assert analysis["summary"]["qpr_entities"]["assigns"] == ["doc.ents"]


# ----------------------------------------------------------------------- trained pipelines

TRAINED_TEXT = "Le ministère de la Culture soutient Zorglub Production dans la Vallée de Zorg."


@pytest.fixture
def fake_trained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A stand-in for fr_core_news_sm: a blank French pipeline whose entity ruler tags an ORG,
    a LOC, a PER and an ORG overlapping a rule mention; named by QPR_SPACY_MODEL_FR."""
    fake = spacy.blank("fr")
    ruler = fake.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "ORG", "pattern": "Zorglub Production"},
            {"label": "LOC", "pattern": "Vallée de Zorg"},
            {"label": "PER", "pattern": "Culture"},
            {"label": "ORG", "pattern": "la Culture soutient"},
        ]
    )
    folder = tmp_path / "fake_fr_pipeline"
    fake.to_disk(folder)
    monkeypatch.setenv("QPR_SPACY_MODEL_FR", str(folder))
    monkeypatch.delenv("QPR_TRAINED_PIPELINES", raising=False)
    return str(folder)


def test_trained_pipeline_is_named_by_the_environment(
    fake_trained: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert trained_pipeline_name("fr") == fake_trained
    assert trained_pipeline_name("fr-CA") == fake_trained
    monkeypatch.setenv("QPR_TRAINED_PIPELINES", "0")
    assert trained_pipeline_name("fr") is None


def test_a_missing_trained_pipeline_is_no_trained_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QPR_SPACY_MODEL_ES", str(tmp_path / "absent"))
    assert trained_pipeline_name("es") is None


def test_trained_mentions_merge_behind_the_rules(fake_trained: str) -> None:
    found = find_entities([(TRAINED_TEXT, "fr")], use_trained=True)[0]
    assert_well_formed(TRAINED_TEXT, found)
    pairs = [(m.label, m.text) for m in found]
    # The rule's ORG wins over the trained ORG overlapping it; LOC becomes PLACE; PER is dropped.
    assert ("ORG", "ministère de la Culture") in pairs
    assert ("PLACE", "Vallée de Zorg") in pairs
    assert ("ORG", "Zorglub Production") in pairs
    assert not any("soutient" in text for _, text in pairs)
    assert all(label != "PER" for label, _ in pairs)
    # Without the trained pipeline, the rules alone.
    alone = [(m.label, m.text) for m in find_entities([(TRAINED_TEXT, "fr")], use_trained=False)[0]]
    assert ("PLACE", "Vallée de Zorg") not in alone
    assert set(alone) <= set(pairs)


def test_the_switch_turns_trained_pipelines_off(
    fake_trained: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QPR_TRAINED_PIPELINES", "0")
    assert find_entities([(TRAINED_TEXT, "fr")]) == find_entities(
        [(TRAINED_TEXT, "fr")], use_trained=False
    )
    monkeypatch.setenv("QPR_TRAINED_PIPELINES", "1")
    assert ("PLACE", "Vallée de Zorg") in [
        (m.label, m.text) for m in find_entities([(TRAINED_TEXT, "fr")])[0]
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None, reason="fr_core_news_sm not installed"
)
def test_the_real_french_pipeline_adds_to_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QPR_SPACY_MODEL_FR", raising=False)
    monkeypatch.delenv("QPR_TRAINED_PIPELINES", raising=False)
    assert trained_pipeline_name("fr") == "fr_core_news_sm"
    text = "Le ministère de la Culture a ouvert un centre à Marseille avec la Fondation Orange."
    found = find_entities([(text, "fr")], use_trained=True)[0]
    assert_well_formed(text, found)
    rules = find_entities([(text, "fr")], use_trained=False)[0]
    assert set(rules) <= set(found)
    assert {m.label for m in found} <= {"ORG", "PLACE", "DATE", "MONEY", "LAW"}
