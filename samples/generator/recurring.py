"""Measures that recur across reporting cycles and copies, with the true programme of every row:
the data of the record-linkage benchmark and tests (issue #18).

    rows = recurring_rows(5_000, seed=2026)      # dataset-row dicts, each with "truth_cluster"

A row has the dataset's columns the linker reads (measure_id, source_sha256, party_iso3,
country_iso3, cycle, title, agency, description, cultural_domains) and the truth: truth_cluster
(the programme), truth_cycle (the cycle of the report whose text the row renders), truth_theme
(the theme the programme was built from: two programmes of one theme are hard negatives),
truth_language (of its content), truth_version (1 for the programme's first report) and
truth_changes (what changed since its last report: "title phase", "description heavy", "agency
renamed", ...), and truth_rendering (report, report-copy, platform-en|fr|es, platform-old-en|fr|es, mirror,
label-stripped, pipe-table, excerpt).

The world:
- Parties: pycountry's countries in a seeded order that interleaves the content languages (the
  Parties of samples/data keep their cities), then synthetic codes (X..); each has one content
  language (en, fr, es) and its regions (pycountry's subdivisions). About 550 rows each, so
  100,000 rows span about 180 Parties.
- Reports: a Party reports in 1-4 of the cycles 2012, 2016, 2020, 2024; a report is one document
  of 10-40 measures. In a later report 30-60 % of the measures are programmes reported before
  (a programme is in at most 4 reports).
- A recurrence changes what real reports change: the title (phase added or dropped, the years of
  the period, "National" dropped or added, a type word swapped, word order, spelling or case, an
  acronym, the region or target group moved), the description (boilerplate sentences replaced,
  dropped or added, sentences reordered, figures and the budget updated, a new opener), the
  agency (the Party's ministries and departments renamed between cycles, a co-agency added or
  dropped, a programme moved to another agency), the domains; often several at once. A
  programme keeps its core name (theme and distinguishing name) and its own sentences (opener,
  focus, details) more often than the boilerplate.
- Copies: the report as another rendering (same cycle, all its measures in one other document);
  each measure on the Policy Monitoring Platform in its English, French and Spanish interfaces,
  old and new layouts (the same content text; the Party or the cycle often missing), mirrors,
  label-stripped and pipe-table renderings (the title, Party or agency may be lost, paragraphs
  run together) and excerpts cut at about 2,000 characters. Every copy is its own document.
- Hard negatives: a Party's programmes come from one theme pool (samples/data's themes, those
  below, and themes composed of a kind of programme and a field: "Documentary Film Development
  Fund", "Documentary Film Export Office", "Photography Development Fund"), so they share
  vocabulary, agencies, domains and boilerplate. About a quarter of a Party's programmes share
  their theme with another of its programmes: each then has a distinguishing name (a region, a
  target group, an art form) in its title and its own focus sentence. Every Party uses the same
  themes.

Deterministic: Party i depends only on (seed, i) (random.Random(f"{seed}/party/{i}")), and rows
come Party by Party, so a smaller set is a prefix of a larger one. Text is composed directly from
the fragment pools (samples.generator.data.POOLS) and the templates below, original text written
for qpr like the pools; no document is written.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from math import comb
from random import Random
from typing import Any

from samples.generator import data
from samples.generator.compose import strip_article, with_article

DEFAULT_SEED = 2026
CYCLES = (2012, 2016, 2020, 2024)
ROMAN = ("I", "II", "III", "IV", "V", "VI")

# --------------------------------------------------------------------------- the Parties

SPANISH = frozenset(
    "ARG BOL CHL COL CRI CUB DOM ECU SLV GTM HND MEX NIC PAN PRY PER URY VEN ESP GNQ".split()
)
FRENCH = frozenset(
    "FRA BEL LUX MCO CHE SEN CIV MLI BFA NER TCD CMR GAB COG COD CAF BEN TGO GIN MDG HTI MRT "
    "DJI COM BDI RWA TUN MAR DZA LBN".split()
)
# The order in which content languages take turns in the Party list, while each lasts.
LANGUAGE_TURNS = ("en", "fr", "es", "en", "fr", "en", "en")
COMPASS = {
    "en": (
        "Northern Region",
        "Southern Region",
        "Eastern Region",
        "Western Region",
        "Central Region",
        "Coastal Region",
    ),
    "fr": (
        "Région du Nord",
        "Région du Sud",
        "Région de l’Est",
        "Région de l’Ouest",
        "Région du Centre",
        "Région des Lacs",
    ),
    "es": (
        "Región Norte",
        "Región Sur",
        "Región Oriente",
        "Región Occidente",
        "Región Centro",
        "Región Costa",
    ),
}
_REGION_NAME = re.compile(r"^[^\W\d_][\w’' .-]{2,26}$")


@dataclass(frozen=True)
class Party:
    iso3: str
    name: str
    lang: str
    regions: tuple[str, ...]  # the first stands for the capital in the fragments
    currency: str


@cache
def _party_list(seed: int) -> tuple[tuple[str, str, str], ...]:
    """(iso3, name, lang) of the real countries in the seeded, language-interleaved order."""
    import pycountry

    groups: dict[str, list[tuple[str, str, str]]] = {"en": [], "fr": [], "es": []}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = country.alpha_3
        lang = "es" if iso3 in SPANISH else "fr" if iso3 in FRENCH else "en"
        groups[lang].append((iso3, country.name, country.alpha_2))
    for lang, members in groups.items():
        Random(f"{seed}/parties/{lang}").shuffle(members)
    order: list[tuple[str, str, str]] = []
    turns = itertools.cycle(LANGUAGE_TURNS)
    while any(groups.values()):
        lang = next(turns)
        if groups[lang]:
            iso3, name, alpha2 = groups[lang].pop(0)
            order.append((iso3, name, f"{lang}:{alpha2}"))
    return tuple(order)


@cache
def _known_parties() -> dict[str, data.PartyData]:
    return {party.iso3: party for party in data.PARTIES.values()}


@cache
def _subdivisions(alpha2: str) -> tuple[str, ...]:
    import pycountry

    names = {sub.name for sub in pycountry.subdivisions.get(country_code=alpha2) or ()}
    return tuple(sorted(name for name in names if _REGION_NAME.match(name)))


def party_at(seed: int, index: int) -> Party:
    """The index-th Party of the seeded world."""
    rng = Random(f"{seed}/party-data/{index}")
    countries = _party_list(seed)
    if index < len(countries):
        iso3, name, tag = countries[index]
        lang, alpha2 = tag.split(":")
        known = _known_parties().get(iso3)
        if known is not None:
            return Party(iso3, known.name, lang, known.cities, known.currency)
        regions = list(_subdivisions(alpha2))
    else:
        number = index - len(countries)
        lang = LANGUAGE_TURNS[number % len(LANGUAGE_TURNS)]
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        iso3 = "X" + letters[number // 26 % 26] + letters[number % 26]
        name, regions = f"Synthetic Party {iso3}", []
    rng.shuffle(regions)
    regions = regions[:12]
    if len(regions) < 4:
        regions += COMPASS[lang][: 6 - len(regions)]
    currency = {"en": "USD", "fr": rng.choice(("EUR", "XOF", "XAF")), "es": "USD"}[lang]
    return Party(iso3, name, lang, tuple(regions), currency)


# --------------------------------------------------------------------------- language data

# More themes than samples/data holds for French and Spanish (a Party reports some 60
# programmes): (area, title, domains, agency, beneficiaries, output, activity).
EXTRA_THEMES: dict[str, tuple[tuple[str, str, tuple[str, ...], str, str, str, str], ...]] = {
    "en": (
        (
            "cultural_and_creative_sectors",
            "Crafts Enterprise Development Fund",
            ("design", "visual_arts"),
            "Department of Creative Industries",
            "craft producers and cooperatives",
            "new product lines",
            "developing, branding and selling handmade products",
        ),
        (
            "cultural_and_creative_sectors",
            "Youth Orchestra Programme",
            ("music",),
            "National Arts Council",
            "children and young musicians",
            "concerts",
            "learning to play together in schools and community centres",
        ),
        (
            "digital_environment",
            "Online Theatre Streaming Initiative",
            ("performing_arts",),
            "Department of Culture and Heritage",
            "theatre companies",
            "streamed performances",
            "filming and streaming their productions online",
        ),
        (
            "media_diversity",
            "Independent Podcast Production Grants",
            ("media",),
            "Media Development Council",
            "independent podcasters and audio producers",
            "podcast series",
            "producing and distributing local audio content",
        ),
        (
            "mobility_of_artists",
            "Festival Export Showcase Scheme",
            ("music", "performing_arts"),
            "Export Promotion Agency",
            "bands and performing arts companies",
            "international bookings",
            "presenting their work to foreign programmers",
        ),
        (
            "cultural_and_creative_sectors",
            "Public Library Reading Campaign",
            ("publishing",),
            "National Library Service",
            "public libraries and reading clubs",
            "library loans",
            "bringing new readers to books in every district",
        ),
    ),
    "fr": (
        (
            "cultural_and_creative_sectors",
            "Fonds de soutien aux arts de la scène",
            ("performing_arts",),
            "la Direction des Arts",
            "compagnies de théâtre et de danse",
            "créations",
            "la création et la diffusion de spectacles",
        ),
        (
            "cultural_and_creative_sectors",
            "Programme national de lecture publique",
            ("publishing",),
            "la Direction du Livre et de la Lecture publique",
            "bibliothèques publiques",
            "prêts de livres",
            "l’animation de la lecture dans les quartiers et les villages",
        ),
        (
            "cultural_and_creative_sectors",
            "Incubateur des entreprises culturelles et créatives",
            ("design", "multidomain"),
            "la Direction des Industries culturelles",
            "jeunes entreprises culturelles",
            "plans d’affaires",
            "la structuration de leur activité",
        ),
        (
            "media_diversity",
            "Fonds d’appui à la presse culturelle",
            ("media", "publishing"),
            "la Direction de la Communication",
            "journaux et magazines culturels",
            "numéros publiés",
            "la couverture de la vie culturelle",
        ),
        (
            "digital_environment",
            "Programme de formation numérique des créateurs",
            ("media_arts",),
            "la Direction de l’Économie numérique",
            "artistes et entrepreneurs culturels",
            "boutiques en ligne",
            "la vente et la promotion de leurs œuvres en ligne",
        ),
        (
            "mobility_of_artists",
            "Programme de résidences artistiques internationales",
            ("visual_arts",),
            "l’Institut national des arts",
            "artistes plasticiens",
            "résidences",
            "les échanges avec des artistes étrangers",
        ),
        (
            "flow_of_cultural_goods_and_services",
            "Salon national de l’artisanat et du design",
            ("design",),
            "l’Agence de promotion des exportations",
            "artisans et designers",
            "contrats signés",
            "la rencontre avec les acheteurs étrangers",
        ),
        (
            "national_sustainable_development_policies",
            "Programme culture et développement local",
            ("multidomain",),
            "le Ministère de la Décentralisation",
            "communes et acteurs culturels locaux",
            "projets communaux",
            "l’intégration de la culture dans les plans de développement",
        ),
        (
            "gender_equality",
            "Fonds pour l’entrepreneuriat culturel féminin",
            ("multidomain",),
            "la Direction de la Promotion du genre",
            "créatrices et entrepreneuses",
            "entreprises créées",
            "le lancement et la croissance de leurs projets",
        ),
        (
            "cultural_and_creative_sectors",
            "Festival national des musiques traditionnelles",
            ("music",),
            "la Direction du Patrimoine culturel",
            "groupes de musique traditionnelle",
            "concerts",
            "la transmission et la scène des répertoires traditionnels",
        ),
        (
            "cultural_and_creative_sectors",
            "Programme de salles de cinéma de proximité",
            ("cinema_audiovisual",),
            "le Centre national de la cinématographie",
            "communes et exploitants",
            "salles rénovées",
            "la diffusion des films nationaux en région",
        ),
    ),
    "es": (
        (
            "cultural_and_creative_sectors",
            "Programa de Estímulo a la Edición Independiente",
            ("publishing",),
            "Dirección de Libro y Lectura",
            "editoriales independientes",
            "títulos publicados",
            "la edición y distribución de autores nacionales",
        ),
        (
            "cultural_and_creative_sectors",
            "Fondo de Fomento Audiovisual",
            ("cinema_audiovisual",),
            "Dirección de Cine y Audiovisual",
            "productoras independientes",
            "largometrajes y documentales",
            "el desarrollo, rodaje y posproducción de sus películas",
        ),
        (
            "media_diversity",
            "Programa de Radios Comunitarias e Indígenas",
            ("media",),
            "Dirección de Medios y Comunicación",
            "radios comunitarias",
            "horas de programación local",
            "la producción de contenidos en lenguas originarias",
        ),
        (
            "digital_environment",
            "Programa de Formación Digital para Creadores",
            ("media_arts", "multidomain"),
            "Dirección de Contenidos Digitales",
            "artistas y emprendedores culturales",
            "tiendas en línea",
            "la venta y promoción de su obra en internet",
        ),
        (
            "partnering_with_civil_society",
            "Consejo Consultivo de la Sociedad Civil Cultural",
            ("multidomain",),
            "Secretaría de Participación Ciudadana",
            "organizaciones culturales y gremios",
            "recomendaciones conjuntas",
            "la elaboración de la política cultural",
        ),
        (
            "mobility_of_artists",
            "Becas de Movilidad para Artistas",
            ("multidomain",),
            "Dirección de Cooperación Cultural",
            "artistas y gestores culturales",
            "viajes y giras",
            "la participación en festivales y ferias del exterior",
        ),
        (
            "flow_of_cultural_goods_and_services",
            "Programa de Internacionalización de las Industrias Culturales",
            ("music", "cinema_audiovisual", "publishing"),
            "Dirección de Emprendimientos Culturales",
            "empresas culturales",
            "ruedas de negocios",
            "la presencia en mercados internacionales",
        ),
        (
            "treaties_and_agreements",
            "Acuerdos de Coproducción Cinematográfica",
            ("cinema_audiovisual",),
            "Dirección de Asuntos Internacionales",
            "productoras nacionales",
            "coproducciones",
            "la realización de películas con socios extranjeros",
        ),
        (
            "national_sustainable_development_policies",
            "Plan de Cultura y Desarrollo Territorial",
            ("multidomain",),
            "Subsecretaría de Desarrollo Cultural",
            "gobiernos locales y gestores culturales",
            "planes culturales municipales",
            "la incorporación de la cultura en la planificación local",
        ),
        (
            "international_cooperation_for_sustainable_development",
            "Programa de Cooperación Cultural Sur-Sur",
            ("multidomain",),
            "Dirección de Cooperación Cultural",
            "instituciones culturales de países socios",
            "proyectos conjuntos",
            "el intercambio de conocimientos y buenas prácticas",
        ),
        (
            "gender_equality",
            "Programa de Liderazgo de Mujeres en la Cultura",
            ("multidomain",),
            "Dirección de Igualdad de Género",
            "mujeres creadoras y gestoras",
            "proyectos liderados por mujeres",
            "la formación y el acceso a cargos directivos",
        ),
        (
            "artistic_freedom",
            "Sistema de Protección Social para Artistas",
            ("multidomain",),
            "Secretaría de Trabajo y Previsión Social",
            "trabajadores de la cultura",
            "afiliaciones",
            "el acceso a la seguridad social y a la jubilación",
        ),
        (
            "cultural_and_creative_sectors",
            "Programa de Orquestas Juveniles",
            ("music",),
            "Dirección de Música",
            "niños y jóvenes músicos",
            "conciertos",
            "la formación musical colectiva en barrios y escuelas",
        ),
        (
            "cultural_and_creative_sectors",
            "Premio Nacional de Artesanía",
            ("design", "visual_arts"),
            "Dirección de Artesanías y Diseño",
            "artesanos y artesanas",
            "piezas premiadas",
            "la valoración de las técnicas tradicionales",
        ),
    ),
}

# Themes composed of a kind of programme and a field, so that a Party's programmes share their
# words the way real ones do ("... Development Fund", "Documentary Film ..."): kinds are (area,
# title with {o}, output, activity with {s}), fields (title words, sentence words, beneficiaries,
# domains, agency).
KINDS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "en": (
        (
            "cultural_and_creative_sectors",
            "{o} Development Fund",
            "funded productions",
            "developing and producing new work in {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "{o} Touring Network",
            "tour dates",
            "taking {s} to towns and villages across the country",
        ),
        (
            "cultural_and_creative_sectors",
            "National {o} Awards",
            "awarded works",
            "gaining recognition for their work in {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "{o} Training Academy",
            "trained professionals",
            "acquiring professional skills in {s}",
        ),
        (
            "flow_of_cultural_goods_and_services",
            "{o} Export Office",
            "export contracts",
            "selling their work in {s} on foreign markets",
        ),
        (
            "digital_environment",
            "{o} Online Archive",
            "digitised works",
            "digitising and sharing the history of {s} online",
        ),
        (
            "cultural_and_creative_sectors",
            "{o} Festival Support Scheme",
            "festival editions",
            "organising festivals of {s} for new audiences",
        ),
    ),
    "fr": (
        (
            "cultural_and_creative_sectors",
            "Fonds d’aide à {o}",
            "projets aidés",
            "la création et la production dans le domaine de {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "Réseau de diffusion de {o}",
            "dates de tournée",
            "la diffusion de {s} dans les villes moyennes et les villages",
        ),
        (
            "cultural_and_creative_sectors",
            "Prix national de {o}",
            "œuvres primées",
            "la reconnaissance de leur travail dans le domaine de {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "Académie des métiers de {o}",
            "professionnels formés",
            "l’acquisition de compétences professionnelles dans le domaine de {s}",
        ),
        (
            "flow_of_cultural_goods_and_services",
            "Bureau export de {o}",
            "contrats à l’export",
            "la vente de leurs œuvres sur les marchés étrangers",
        ),
        (
            "digital_environment",
            "Archives numériques de {o}",
            "œuvres numérisées",
            "la numérisation et la mise en ligne de l’histoire de {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "Soutien aux festivals de {o}",
            "éditions de festivals",
            "l’organisation de festivals ouverts à de nouveaux publics",
        ),
    ),
    "es": (
        (
            "cultural_and_creative_sectors",
            "Fondo de Apoyo a {o}",
            "proyectos apoyados",
            "la creación y producción en el campo de {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "Red de Circulación de {o}",
            "funciones en gira",
            "la circulación de {s} por ciudades intermedias y pueblos",
        ),
        (
            "cultural_and_creative_sectors",
            "Premio Nacional de {o}",
            "obras premiadas",
            "el reconocimiento de su trabajo en el campo de {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "Escuela de Oficios de {o}",
            "profesionales formados",
            "la adquisición de competencias profesionales en {s}",
        ),
        (
            "flow_of_cultural_goods_and_services",
            "Oficina de Exportación de {o}",
            "contratos de exportación",
            "la venta de sus obras en mercados extranjeros",
        ),
        (
            "digital_environment",
            "Archivo Digital de {o}",
            "obras digitalizadas",
            "la digitalización y difusión en línea de la historia de {s}",
        ),
        (
            "cultural_and_creative_sectors",
            "Programa de Festivales de {o}",
            "ediciones de festivales",
            "la organización de festivales abiertos a nuevos públicos",
        ),
    ),
}
FIELDS: dict[str, tuple[tuple[str, str, str, tuple[str, ...], str], ...]] = {
    "en": (
        (
            "Contemporary Dance",
            "contemporary dance",
            "dance companies and choreographers",
            ("performing_arts",),
            "National Arts Council",
        ),
        (
            "Independent Music",
            "independent music",
            "independent musicians and labels",
            ("music",),
            "Music Development Office",
        ),
        (
            "Documentary Film",
            "documentary film",
            "documentary filmmakers",
            ("cinema_audiovisual",),
            "Film Development Board",
        ),
        (
            "Children’s Literature",
            "children’s literature",
            "authors and illustrators of books for young readers",
            ("publishing",),
            "National Book Development Council",
        ),
        (
            "Video Game",
            "video games",
            "game studios and developers",
            ("media_arts",),
            "Department of Creative Industries",
        ),
        (
            "Fashion Design",
            "fashion design",
            "fashion designers and workshops",
            ("design",),
            "Department of Creative Industries",
        ),
        (
            "Photography",
            "photography",
            "photographers",
            ("visual_arts",),
            "National Gallery Service",
        ),
        (
            "Traditional Music",
            "traditional music",
            "traditional musicians and their communities",
            ("music",),
            "Department of Culture and Heritage",
        ),
        (
            "Street Art",
            "street art",
            "street artists and muralists",
            ("visual_arts",),
            "Urban Development Authority",
        ),
        (
            "Community Theatre",
            "community theatre",
            "community theatre groups",
            ("performing_arts",),
            "National Arts Council",
        ),
    ),
    "fr": (
        (
            "la danse contemporaine",
            "la danse contemporaine",
            "compagnies de danse et chorégraphes",
            ("performing_arts",),
            "la Direction des Arts",
        ),
        (
            "le cinéma documentaire",
            "le cinéma documentaire",
            "réalisateurs de documentaires",
            ("cinema_audiovisual",),
            "le Centre national de la cinématographie",
        ),
        (
            "la littérature jeunesse",
            "la littérature jeunesse",
            "auteurs et illustrateurs jeunesse",
            ("publishing",),
            "la Direction du Livre et de la Lecture publique",
        ),
        (
            "le jeu vidéo",
            "le jeu vidéo",
            "studios de jeux vidéo",
            ("media_arts",),
            "la Direction des Industries culturelles",
        ),
        (
            "la mode et le design",
            "la mode et le design",
            "créateurs de mode et designers",
            ("design",),
            "la Direction des Industries culturelles",
        ),
        (
            "la photographie",
            "la photographie",
            "photographes",
            ("visual_arts",),
            "la Direction des Arts plastiques",
        ),
        (
            "les musiques traditionnelles",
            "les musiques traditionnelles",
            "musiciens traditionnels",
            ("music",),
            "la Direction du Patrimoine culturel",
        ),
        (
            "l’art urbain",
            "l’art urbain",
            "artistes urbains et muralistes",
            ("visual_arts",),
            "la Direction des Arts plastiques",
        ),
        (
            "le théâtre amateur",
            "le théâtre amateur",
            "troupes de théâtre amateur",
            ("performing_arts",),
            "la Direction des Arts",
        ),
        (
            "le conte et la parole",
            "le conte et la parole",
            "conteurs et conteuses",
            ("performing_arts",),
            "la Direction du Patrimoine culturel",
        ),
    ),
    "es": (
        (
            "la Danza Contemporánea",
            "la danza contemporánea",
            "compañías de danza y coreógrafos",
            ("performing_arts",),
            "Dirección de Artes Escénicas",
        ),
        (
            "el Cine Documental",
            "el cine documental",
            "documentalistas",
            ("cinema_audiovisual",),
            "Dirección de Cine y Audiovisual",
        ),
        (
            "la Literatura Infantil",
            "la literatura infantil",
            "autores e ilustradores de libros infantiles",
            ("publishing",),
            "Dirección de Libro y Lectura",
        ),
        (
            "los Videojuegos",
            "los videojuegos",
            "estudios de videojuegos",
            ("media_arts",),
            "Dirección de Contenidos Digitales",
        ),
        (
            "el Diseño de Moda",
            "el diseño de moda",
            "diseñadores y talleres de moda",
            ("design",),
            "Dirección de Artesanías y Diseño",
        ),
        (
            "la Fotografía",
            "la fotografía",
            "fotógrafos",
            ("visual_arts",),
            "Dirección de Artes Visuales",
        ),
        (
            "las Músicas Tradicionales",
            "las músicas tradicionales",
            "músicos tradicionales y sus comunidades",
            ("music",),
            "Dirección de Música",
        ),
        (
            "el Arte Urbano",
            "el arte urbano",
            "artistas urbanos y muralistas",
            ("visual_arts",),
            "Dirección de Artes Visuales",
        ),
        (
            "el Teatro Comunitario",
            "el teatro comunitario",
            "grupos de teatro comunitario",
            ("performing_arts",),
            "Dirección de Artes Escénicas",
        ),
        (
            "la Narración Oral",
            "la narración oral",
            "narradores orales",
            ("performing_arts",),
            "Dirección de Patrimonio Inmaterial",
        ),
    ),
}

# Distinguishing names: (words in a title, words in a sentence).
TARGETS = {
    "en": (
        ("Young Creators", "young creators under 35"),
        ("Women Artists", "women artists and cultural entrepreneurs"),
        ("Indigenous Communities", "indigenous communities and their own organisations"),
        ("Rural Areas", "artists and audiences in rural areas"),
        ("Persons with Disabilities", "artists and audiences with disabilities"),
        ("Schools", "pupils and teachers in public schools"),
        ("Emerging Professionals", "professionals in their first five years of work"),
        ("Diaspora Artists", "artists of the diaspora and their partners at home"),
    ),
    "fr": (
        ("jeunes créateurs", "les créateurs de moins de 35 ans"),
        ("femmes artistes", "les femmes artistes et entrepreneuses culturelles"),
        ("peuples autochtones", "les communautés autochtones et leurs organisations"),
        ("zones rurales", "les artistes et les publics des zones rurales"),
        ("personnes handicapées", "les artistes et les publics en situation de handicap"),
        ("établissements scolaires", "les élèves et les enseignants des écoles publiques"),
        ("professionnels émergents", "les professionnels en début de carrière"),
        ("artistes de la diaspora", "les artistes de la diaspora et leurs partenaires au pays"),
    ),
    "es": (
        ("Jóvenes Creadores", "creadores menores de 35 años"),
        ("Mujeres Artistas", "mujeres artistas y emprendedoras culturales"),
        ("Pueblos Indígenas", "comunidades indígenas y sus propias organizaciones"),
        ("Zonas Rurales", "artistas y públicos de zonas rurales"),
        ("Personas con Discapacidad", "artistas y públicos con discapacidad"),
        ("Escuelas Públicas", "estudiantes y docentes de escuelas públicas"),
        ("Profesionales Emergentes", "profesionales en sus primeros cinco años de trabajo"),
        ("Artistas Migrantes", "artistas migrantes y sus socios en el país"),
    ),
}
ARTFORMS = {
    "en": (
        ("Dance", "contemporary and traditional dance"),
        ("Theatre", "theatre for young audiences"),
        ("Crafts", "textile, wood and ceramic crafts"),
        ("Photography", "documentary photography"),
        ("Jazz", "jazz and improvised music"),
        ("Comics and Illustration", "comics and illustration"),
        ("Animation", "animated film"),
        ("Poetry", "poetry and spoken word"),
        ("Street Arts", "street arts and public space"),
        ("Circus", "circus and physical theatre"),
    ),
    "fr": (
        ("danse", "la danse contemporaine et traditionnelle"),
        ("théâtre", "le théâtre jeune public"),
        ("artisanat d’art", "l’artisanat d’art textile et céramique"),
        ("photographie", "la photographie documentaire"),
        ("bande dessinée", "la bande dessinée et l’illustration"),
        ("cinéma d’animation", "le cinéma d’animation"),
        ("poésie", "la poésie et le slam"),
        ("arts de la rue", "les arts de la rue"),
        ("cirque", "le cirque et les arts du geste"),
        ("musiques urbaines", "les musiques urbaines"),
    ),
    "es": (
        ("Danza", "la danza contemporánea y tradicional"),
        ("Teatro", "el teatro para niños y jóvenes"),
        ("Artesanía Textil", "la artesanía textil y la cerámica"),
        ("Fotografía", "la fotografía documental"),
        ("Novela Gráfica", "la novela gráfica y la ilustración"),
        ("Animación", "el cine de animación"),
        ("Poesía", "la poesía y la oralidad"),
        ("Artes Circenses", "las artes circenses"),
        ("Música Tradicional", "la música tradicional"),
        ("Muralismo", "el muralismo y el arte urbano"),
    ),
}
# The domains an art form belongs to: a theme gets an art form only if they share one.
_PA, _VA, _DE, _MU, _PU, _CI, _MA = (
    "performing_arts",
    "visual_arts",
    "design",
    "music",
    "publishing",
    "cinema_audiovisual",
    "media_arts",
)
ARTFORM_DOMAINS: dict[str, frozenset[str]] = {
    words: frozenset(domains)
    for names, domains in (
        (("Dance", "danse", "Danza", "Theatre", "théâtre", "Teatro", "Circus", "cirque"), (_PA,)),
        (("Artes Circenses",), (_PA,)),
        (("Crafts", "artisanat d’art", "Artesanía Textil"), (_DE, _VA)),
        (("Photography", "photographie", "Fotografía"), (_VA, _MA)),
        (("Jazz", "musiques urbaines", "Música Tradicional"), (_MU,)),
        (("Comics and Illustration", "bande dessinée", "Novela Gráfica"), (_PU, _VA)),
        (("Animation", "cinéma d’animation", "Animación"), (_CI, _MA)),
        (("Poetry", "poésie", "Poesía"), (_PU, _PA)),
        (("Street Arts", "arts de la rue"), (_PA, _VA)),
        (("Muralismo",), (_VA,)),
    )
    for words in names
}
# How a distinguishing name sits in a title, by kind: each a format of {t} (the title) and {d}.
DIST_FORMS = {
    "en": {
        "region": ("{t} in {d}", "{d} {t}", "{t} ({d})", "{t} – {d}"),
        "target": ("{t} for {d}", "{t} – {d} Strand", "{t} ({d})"),
        "artform": ("{t} – {d}", "{t} ({d})", "{t}: {d} Strand"),
    },
    "fr": {
        "region": ("{t} – {d}", "{t} ({d})", "{t} en {d}"),
        "target": ("{t} pour les {d}", "{t} – volet {d}", "{t} ({d})"),
        "artform": ("{t} – volet {d}", "{t} ({d})", "{t} : {d}"),
    },
    "es": {
        "region": ("{t} de {d}", "{t} – {d}", "{t} ({d})", "{t} en {d}"),
        "target": ("{t} para {d}", "{t} – Línea {d}", "{t} ({d})"),
        "artform": ("{t} – Línea {d}", "{t} ({d})", "{t}: {d}"),
    },
}
PHASE_FORMS = {
    "en": (", Phase {r}", " (Phase {n})", " – Phase {r}", " {r}"),
    "fr": (", phase {r}", " (phase {n})", " – phase {r}"),
    "es": (", Fase {r}", " (fase {n})", " – Etapa {r}"),
}
YEAR_FORMS = (" {a}–{b}", " ({a}-{b})", " {a}-{b}")
# The programme's own sentences: a focus sentence by kind of distinguishing name, details.
FOCUS = {
    "en": {
        "region": (
            "This strand of the programme is run in {region}, together with the regional authorities and the local cultural centres.",
            "Activities are concentrated in {region}, where the programme has a small office and a regional coordinator.",
        ),
        "target": (
            "It is aimed at {target}, who are reached through partner organisations and a dedicated call.",
            "The programme is reserved for {target}, with eligibility rules and mentoring designed for them.",
        ),
        "artform": (
            "This strand is devoted to {artform}, with its own call for applications and a specialised selection panel.",
            "Support goes to projects in {artform}, a field that had received little public funding before.",
        ),
    },
    "fr": {
        "region": (
            "Ce volet du programme est mis en œuvre en {region}, avec les autorités régionales et les centres culturels locaux.",
            "Les activités se concentrent en {region}, où le programme dispose d’une antenne et d’un coordinateur régional.",
        ),
        "target": (
            "Il s’adresse à {target}, touchés par l’intermédiaire d’organisations partenaires et d’un appel dédié.",
            "Le programme est réservé à {target}, avec des règles d’éligibilité et un accompagnement adaptés.",
        ),
        "artform": (
            "Ce volet est consacré à {artform}, avec son propre appel à candidatures et un jury spécialisé.",
            "Le soutien va aux projets dans le domaine de {artform}, jusqu’ici peu aidé par les pouvoirs publics.",
        ),
    },
    "es": {
        "region": (
            "Esta línea del programa se ejecuta en {region}, junto con las autoridades regionales y los centros culturales locales.",
            "Las actividades se concentran en {region}, donde el programa cuenta con una oficina y un coordinador regional.",
        ),
        "target": (
            "Está dirigido a {target}, a quienes se llega mediante organizaciones aliadas y una convocatoria propia.",
            "El programa está reservado a {target}, con requisitos y acompañamiento pensados para ellos.",
        ),
        "artform": (
            "Esta línea está dedicada a {artform}, con convocatoria propia y un jurado especializado.",
            "El apoyo se destina a proyectos de {artform}, un campo que antes recibía poco financiamiento público.",
        ),
    },
}
DETAILS = {
    "en": (
        "The programme works closely with {partner} and {partner2}.",
        "Up to {n3} projects are supported each year, with grants of between {a3} and {a4} thousand {currency}.",
        "A coordinating team of {n4} people is based in {city}, with correspondents in {city2}.",
        "The selection panel meets every {month} and publishes its decisions within {n5} weeks.",
        "Applicants must have been active for at least {n6} years; {partner} advises them on their applications.",
    ),
    "fr": (
        "Le programme s’appuie sur un partenariat avec {partner} et {partner2}.",
        "Chaque année, jusqu’à {n3} projets sont soutenus, avec des aides comprises entre {a3} et {a4} milliers de {currency}.",
        "Une équipe de {n4} personnes, basée à {city}, assure la coordination avec des relais à {city2}.",
        "La commission de sélection se réunit chaque année en {month} et publie ses décisions sous {n5} semaines.",
        "Les candidats doivent justifier d’au moins {n6} années d’activité ; {partner} les conseille dans le montage de leur dossier.",
    ),
    "es": (
        "El programa trabaja en alianza con {partner} y {partner2}.",
        "Cada año se apoyan hasta {n3} proyectos, con montos de entre {a3} y {a4} mil {currency}.",
        "Un equipo de {n4} personas, con sede en {city}, coordina el trabajo con enlaces en {city2}.",
        "El comité de selección se reúne cada año en {month} y publica sus decisiones en un plazo de {n5} semanas.",
        "Los postulantes deben acreditar al menos {n6} años de trayectoria; {partner} los asesora en la preparación de sus proyectos.",
    ),
}
BUDGET = {
    "en": (
        "The annual budget for {y1}–{y2} was {amount} {currency}.",
        "The programme is funded with {amount} {currency} a year from the culture budget.",
    ),
    "fr": (
        "Le budget annuel pour {y1}-{y2} s’élevait à {amount} {currency}.",
        "Le programme est doté de {amount} {currency} par an sur le budget de la culture.",
    ),
    "es": (
        "El presupuesto anual para {y1}-{y2} fue de {amount} {currency}.",
        "El programa cuenta con {amount} {currency} anuales del presupuesto de cultura.",
    ),
}
# What a later report adds about a programme.
CHANGES = {
    "en": (
        "In {year3}, the programme was extended to {region2}.",
        "Following an evaluation in {year3}, the eligibility criteria were revised and the application form shortened.",
        "Since {year3}, the programme has also supported projects delivered online.",
        "The new phase, which began in {year3}, places a stronger emphasis on {emphasis}.",
        "Responsibility for the programme passed to the {agency} in {year3}.",
    ),
    "fr": (
        "En {year3}, le programme a été étendu à {region2}.",
        "À la suite d’une évaluation menée en {year3}, les critères d’éligibilité ont été revus et le formulaire simplifié.",
        "Depuis {year3}, le programme soutient aussi des projets diffusés en ligne.",
        "La nouvelle phase, lancée en {year3}, met davantage l’accent sur {emphasis}.",
        "Le programme est piloté depuis {year3} par {agency}.",
    ),
    "es": (
        "En {year3}, el programa se amplió a {region2}.",
        "Tras una evaluación realizada en {year3}, se revisaron los requisitos y se simplificó el formulario.",
        "Desde {year3}, el programa también apoya proyectos difundidos en línea.",
        "La nueva etapa, iniciada en {year3}, pone más énfasis en {emphasis}.",
        "Desde {year3}, el programa está a cargo de la {agency}.",
    ),
}
EMPHASIS = {
    "en": (
        "environmental sustainability",
        "digital skills",
        "gender equality",
        "international partnerships",
        "audiences outside the capital",
    ),
    "fr": (
        "la durabilité environnementale",
        "les compétences numériques",
        "l’égalité entre les femmes et les hommes",
        "les partenariats internationaux",
        "les publics hors de la capitale",
    ),
    "es": (
        "la sostenibilidad ambiental",
        "las competencias digitales",
        "la igualdad de género",
        "las alianzas internacionales",
        "los públicos fuera de la capital",
    ),
}
# Boilerplate of our own where the pools are short (Spanish has no area features nor inclusion).
MORE_MECHANICS = {
    "en": (),
    "fr": (
        "Les projets retenus bénéficient d’un accompagnement technique pendant toute leur réalisation.",
        "L’aide est versée en deux tranches, la seconde après validation du rapport final.",
    ),
    "es": (
        "La convocatoria se difunde en medios regionales y en las redes sociales institucionales.",
        "Los proyectos seleccionados reciben acompañamiento técnico durante su ejecución.",
        "El apoyo se entrega en dos desembolsos, el segundo tras la aprobación del informe final.",
        "Las postulaciones se realizan en línea mediante un formulario simplificado.",
        "Un registro público informa cada decisión adoptada, con el monto y el objeto del apoyo.",
        "Se reserva una parte del presupuesto para proyectos de fuera de {capital}.",
    ),
}
# A phrase filled after a preposition: "à les artistes" is written "aux artistes".
CONTRACTIONS = {
    "fr": ((" à les ", " aux "), (" à le ", " au "), (" de les ", " des "), (" de le ", " du ")),
    "es": ((" a el ", " al "), (" de el ", " del ")),
}
THOUSANDS = {"en": ",", "fr": "\u202f", "es": "."}
MONTHS = {
    "en": ("March", "April", "May", "June", "September", "October", "November"),
    "fr": ("mars", "avril", "mai", "juin", "septembre", "octobre", "novembre"),
    "es": ("marzo", "abril", "mayo", "junio", "septiembre", "octubre", "noviembre"),
}
SMALL_WORDS = frozenset(
    "a an and the of for in on to with at by de d’ d' du des la le les l’ l' et à aux pour en "
    "y el los las del al para con e".split()
)


# --------------------------------------------------------------------------- titles


@dataclass(frozen=True)
class TitleState:
    national: str | None = None  # "drop" or "add"
    synonym: int = 0  # 0: the theme's own type word, else the n-th synonym
    spelling: bool = False  # en: Program, Digitization, &; fr, es: another case
    reorder: bool = False
    dist_form: int = 0
    acronym: bool = False
    phase: int = 0
    years: bool = False


SYNONYMS = {
    "en": {
        "Programme": ("Initiative", "Scheme"),
        "Scheme": ("Programme",),
        "Project": ("Programme", "Initiative"),
        "Fund": ("Grant Fund", "Support Fund"),
        "Grant": ("Grants",),
        "Grants": ("Grant Scheme",),
        "Initiative": ("Programme",),
        "Network": ("Network Programme",),
        "Campaign": ("Programme",),
    },
    "fr": {
        "Programme": ("Plan", "Dispositif"),
        "Plan": ("Programme",),
        "Fonds": ("Fonds de soutien",),
        "Bourses": ("Aides",),
        "Soutien": ("Appui",),
        "Incubateur": ("Programme d’incubation",),
        "Festival": ("Rencontres",),
        "Salon": ("Foire",),
    },
    "es": {
        "Programa": ("Plan", "Iniciativa"),
        "Plan": ("Programa",),
        "Fondo": ("Fondo Concursable",),
        "Becas": ("Apoyos",),
        "Premio": ("Concurso",),
        "Red": ("Programa Red",),
        "Sistema": ("Régimen",),
    },
}
_EN_TYPES = (
    "Programme",
    "Scheme",
    "Project",
    "Fund",
    "Grant",
    "Grants",
    "Initiative",
    "Strategy",
    "Plan",
    "Network",
    "Service",
    "Campaign",
    "Charter",
    "Council",
    "Observatory",
    "Lab",
    "Market",
    "Academy",
    "Budget",
    "Survey",
    "Desk",
    "Protocol",
    "Agreements",
    "Procedure",
    "Guidelines",
    "Catalogue Online",
)
_SPLITS = {
    "fr": (
        " aux ",
        " à la ",
        " à l’",
        " à ",
        " des ",
        " du ",
        " de la ",
        " de l’",
        " d’",
        " de ",
        " pour ",
    ),
    "es": (" a la ", " al ", " para ", " de las ", " de los ", " de la ", " del ", " de ", " en "),
}


def _type_word(title: str, lang: str) -> tuple[str, str, str] | None:
    """(before, type word, after) of the word that names the kind of programme."""
    if lang == "en":
        for word in SYNONYMS["en"]:
            if title.endswith(" " + word):
                return title[: -len(word)], word, ""
        return None
    head, _, rest = title.partition(" ")
    if head in SYNONYMS[lang]:
        return "", head, " " + rest
    return None


def _drop_national(title: str, lang: str) -> str:
    if lang == "en":
        return title.replace("National ", "", 1).replace(" National", "", 1)
    for word in (
        " nationale",
        " national",
        " nationaux",
        " nacionales",
        " Nacionales",
        " Nacional",
        " nacional",
    ):
        if word in title:
            return title.replace(word, "", 1)
    return title


def _has_national(title: str) -> bool:
    return bool(re.search(r"\b[Nn]ation|\b[Nn]acional", title))


def _add_national(title: str, lang: str) -> str:
    if lang == "en":
        return "National " + title
    if lang == "es":
        head, _, rest = title.partition(" ")
        return f"{head} {'Nacionales' if head.endswith('s') else 'Nacional'} {rest}"
    return title


def _respell(title: str, lang: str) -> str:
    if lang == "en":
        return (
            title.replace("Programme", "Program")
            .replace("isation", "ization")
            .replace(" and ", " & ")
            .replace("Centre", "Center")
        )
    words = title.split(" ")
    if lang == "es":  # Title Case -> sentence case
        return " ".join([words[0], *(w.lower() if w[:1].isupper() else w for w in words[1:])])
    return " ".join(  # fr: sentence case -> Title Case
        [
            words[0],
            *(w if w in SMALL_WORDS or len(w) < 4 else w[:1].upper() + w[1:] for w in words[1:]),
        ]
    )


def _reorder(title: str, lang: str) -> str:
    if lang == "en":
        if " for " in title:
            head, _, tail = title.partition(" for ")
            return f"{tail} {head}"
        found = next((w for w in _EN_TYPES if title.endswith(" " + w)), None)
        if found:
            return f"{found} for {title[: -len(found) - 1]}"
        return title
    lowered = title
    for split in _SPLITS[lang]:
        index = lowered.rfind(split)
        if index > 0:
            head, tail = title[:index], title[index + len(split) :]
            tail = re.sub(r"^(l’|la |le |les |el |los |las )", "", tail)
            if len(tail) < 4:
                continue
            tail = tail[:1].upper() + tail[1:]
            separator = " : " if lang == "fr" else ": "
            return f"{tail}{separator}{head[:1].lower() + head[1:] if lang == 'fr' else head}"
    return title


def acronym(text: str) -> str:
    letters = [
        word[0].upper()
        for word in re.split(r"[\s\-–:(),’']+", text)
        if word and word.lower() not in SMALL_WORDS and word[0].isalpha()
    ]
    return "".join(letters)


@dataclass
class Programme:
    pid: str
    lang: str
    theme: data.Theme
    cso: bool
    dist: tuple[str, str, str] | None  # (kind, words in the title, words in sentences)
    agency: str  # the programme's own agency (without an article), before the Party's renames
    co_agency: str | None
    ctx: dict[str, Any]
    units: list[Unit]
    state: TitleState
    domains: tuple[str, ...]
    length: str
    phase_form: int
    year_form: int
    versions: list[Version] = field(default_factory=list)


@dataclass(frozen=True)
class Unit:
    kind: str  # opener, focus, feature, mechanics, inclusion, detail, budget, change
    template: str
    values: tuple[tuple[str, Any], ...] = ()

    @property
    def own(self) -> bool:
        """The programme's own sentence (kept more often than the boilerplate)."""
        return self.kind in ("opener", "focus", "detail")


@dataclass(frozen=True)
class Version:
    cycle: int
    title: str
    agency: str
    description: str
    domains: tuple[str, ...]
    number: int  # 1 for the programme's first report
    changes: tuple[str, ...]  # since its last report: "title phase", "agency renamed", ...


def render_title(programme: Programme, state: TitleState, cycle: int) -> str:
    lang = programme.lang
    title = programme.theme.title
    if state.national == "drop":
        title = _drop_national(title, lang)
    elif state.national == "add":
        title = _add_national(title, lang)
    if state.synonym and (found := _type_word(title, lang)):
        before, word, after = found
        options = SYNONYMS[lang][word]
        title = before + options[(state.synonym - 1) % len(options)] + after
    if state.reorder:
        title = _reorder(title, lang)
    if state.spelling:
        title = _respell(title, lang)
    if programme.dist:
        kind, words, _ = programme.dist
        forms = DIST_FORMS[lang][kind]
        form = forms[state.dist_form % len(forms)]
        if form.split("{t}")[1].split("{d}")[0] in title:  # not "... for Artists for Women"
            form = forms[(state.dist_form + 1) % len(forms)]
        title = form.format(t=title, d=words)
    if state.acronym:
        short = acronym(title)
        if len(short) >= 3:
            title = f"{title} ({short})"
    if state.phase > 1:
        form = PHASE_FORMS[lang][programme.phase_form % len(PHASE_FORMS[lang])]
        title += form.format(r=ROMAN[min(state.phase, len(ROMAN)) - 1], n=state.phase)
    if state.years:
        title += YEAR_FORMS[programme.year_form].format(a=cycle, b=cycle + 3)
    return title


def _title_changes(rng: Random, programme: Programme, state: TitleState, number: int) -> TitleState:
    """One or two of the retitlings real reports show."""
    lang, title = programme.lang, programme.theme.title
    options: list[TitleState] = [
        replace(state, phase=0 if state.phase else number),
        replace(state, years=not state.years),
        replace(state, acronym=not state.acronym),
        replace(state, spelling=not state.spelling),
    ]
    if _has_national(title):
        options.append(replace(state, national=None if state.national else "drop"))
    elif lang != "fr":
        options.append(replace(state, national=None if state.national else "add"))
    if _type_word(title, lang):
        options.append(replace(state, synonym=0 if state.synonym else rng.randint(1, 2)))
    if _reorder(title, lang) != title:
        options.append(replace(state, reorder=not state.reorder))
    if programme.dist:
        forms = len(DIST_FORMS[lang][programme.dist[0]])
        options.append(
            replace(state, dist_form=(state.dist_form + rng.randint(1, forms - 1)) % forms)
        )
    changed = rng.choice(options)
    if rng.random() < 0.3:  # two changes at once
        second = rng.choice(options)
        changed = TitleState(
            **{
                name: getattr(
                    second if getattr(second, name) != getattr(state, name) else changed, name
                )
                for name in TitleState.__dataclass_fields__
            }
        )
    return changed


# --------------------------------------------------------------------------- agencies


def _rename_agency(rng: Random, name: str, lang: str, party: Party) -> str:
    """A ministry or department renamed between two reports."""
    options: list[str] = []
    if lang == "en":
        if name.startswith("Ministry of "):
            if " and " in name:
                options.append(name.split(" and ")[0])
            else:
                options.append(
                    name
                    + rng.choice(
                        (
                            " and Tourism",
                            " and Sports",
                            " and the Arts",
                            " and National Heritage",
                            " and Creative Economy",
                        )
                    )
                )
            options.append(
                name.replace("Ministry of ", "Ministry of Youth, ", 1)
                if "Culture" in name
                else name + " Affairs"
            )
        for old, new in (
            ("Department of ", "Directorate of "),
            ("Directorate of ", "Department of "),
            ("Division of ", "Department of "),
        ):
            if name.startswith(old):
                options.append(new + name[len(old) :])
                options.append(name[len(old) :] + " Division")
        if name.startswith("National ") and name.endswith(
            ("Council", "Board", "Service", "Archive")
        ):
            options.append(f"{name[len('National ') :]} of {party.name}")
        for old, new in (
            (" Council", " Commission"),
            (" Board", " Authority"),
            (" Office", " Agency"),
            (" Agency", " Authority"),
            (" Authority", " Agency"),
        ):
            if name.endswith(old):
                options.append(name[: -len(old)] + new)
        if not name.startswith("National ") and not name.startswith("Ministry"):
            options.append("National " + name)
    elif lang == "fr":
        if name.startswith("Ministère "):
            if " et " in name:
                options.append(name.split(" et ")[0])
            else:
                options.append(
                    name
                    + rng.choice(
                        (
                            " et de la Communication",
                            " et du Tourisme",
                            " et des Arts",
                            " et du Patrimoine",
                        )
                    )
                )
        if name.startswith("Direction générale "):
            options.append("Direction " + name[len("Direction générale ") :])
        elif name.startswith("Direction "):
            options.append("Direction générale " + name[len("Direction ") :])
            options.append("Service " + name[len("Direction ") :])
        for old, new in (
            ("Centre national ", "Office national "),
            ("Bureau ", "Office "),
            ("Institut national ", "Institut national supérieur "),
            ("Agence ", "Agence nationale "),
            ("Office ", "Bureau "),
        ):
            if name.startswith(old) and not name.startswith(new):
                options.append(new + name[len(old) :])
    else:
        for old, new in (
            ("Dirección Nacional ", "Dirección "),
            ("Dirección General ", "Dirección "),
            ("Subdirección ", "Dirección "),
            ("Subsecretaría ", "Secretaría "),
            ("Secretaría ", "Subsecretaría "),
        ):
            if name.startswith(old):
                options.append(new + name[len(old) :])
        if name.startswith("Dirección de "):
            rest = name[len("Dirección ") :]
            options += [
                f"Dirección Nacional {rest}",
                f"Dirección General {rest}",
                f"Subdirección {rest}",
            ]
            if " y " not in name:
                options.append(
                    name + rng.choice((" y Patrimonio", " y Artes", " e Industrias Creativas"))
                )
    short = acronym(name)
    if "(" not in name and len(short) >= 3:
        options.append(f"{name} ({short})")
    elif "(" in name:
        options.append(name.split(" (")[0])
    return rng.choice(options) if options else name


# --------------------------------------------------------------------------- descriptions


@cache
def _pools(lang: str) -> dict[str, Any]:
    pools = data.POOLS[lang]
    themes = list(pools["themes"])
    themes += [
        data.Theme(area, title, domains, agency, benef, output, activity)
        for area, title, domains, agency, benef, output, activity in EXTRA_THEMES[lang]
    ]
    themes += [
        data.Theme(
            area,
            _contract(title.format(o=words), lang),
            domains,
            agency,
            benef,
            output,
            _contract(activity.format(s=phrase), lang),
        )
        for area, title, output, activity in KINDS[lang]
        for words, phrase, benef, domains, agency in FIELDS[lang]
    ]
    agencies = sorted({strip_article(t.agency) for t in themes if "{" not in t.agency})
    return {
        "themes": tuple(themes),
        "cso_themes": tuple(pools["cso_themes"]),
        "openers": pools["openers"],
        "cso_openers": pools["cso_openers"] or pools["openers"],
        "features": pools["area_features"],
        "mechanics": tuple(pools["mechanics"]) + MORE_MECHANICS[lang],
        "inclusion": tuple(pools["inclusion"]),
        "partners": pools["partners"],
        "partner_words": pools["partner_words"],
        "agencies": tuple(agencies),
    }


@cache
def _related_agencies(theme: data.Theme, agency: str) -> tuple[str, ...]:
    """Agencies of the themes of the same area or a shared domain (a programme's partner
    agency, or the one it moves to), other than its own."""
    themes = _pools(_language_of(theme))["themes"]
    related = {
        strip_article(other.agency)
        for other in themes
        if "{" not in other.agency
        and (other.area == theme.area or set(other.domains) & set(theme.domains))
    }
    related.discard(agency)
    if not related:
        related = set(_pools(_language_of(theme))["agencies"]) - {agency}
    return tuple(sorted(related))


@cache
def _language_of(theme: data.Theme) -> str:
    return next(
        lang
        for lang in data.LANGUAGES
        if theme in _pools(lang)["themes"] + _pools(lang)["cso_themes"]
    )


def _contract(text: str, lang: str) -> str:
    for loose, contracted in CONTRACTIONS.get(lang, ()):
        text = text.replace(loose, contracted)
        text = text.replace(loose.title(), contracted.title())
    return text


def _numbers(rng: Random) -> dict[str, Any]:
    a3 = rng.randint(2, 40)
    return {
        "n1": rng.randint(12, 480),
        "n2": rng.randint(20, 960),
        "pct": rng.randint(18, 82),
        "a1": rng.randint(40, 300),
        "a2": rng.randint(320, 900),
        "n3": rng.randint(6, 120),
        "a3": a3,
        "a4": a3 + rng.randint(5, 60),
        "n4": rng.randint(3, 25),
        "n5": rng.randint(4, 12),
        "n6": rng.randint(2, 5),
        "amount": rng.randint(40, 4000) * 1000,
    }


def _partner(rng: Random, party: Party, lang: str) -> str:
    pools = _pools(lang)
    code = rng.choice(("public_sector", "private_sector", "civil_society"))
    template = rng.choice(pools["partners"][code])
    return template.format(city=rng.choice(party.regions), word=rng.choice(pools["partner_words"]))


def _unit(rng: Random, kind: str, template: str, party: Party, lang: str) -> Unit:
    """A sentence with the values it holds of its own (partners, figures)."""
    values: dict[str, Any] = {}
    if "{partner" in template:
        values["partner"] = _partner(rng, party, lang)
        values["partner2"] = _partner(rng, party, lang)
        while values["partner2"] == values["partner"]:
            values["partner2"] = _partner(rng, party, lang)
    if kind in ("detail", "budget", "feature", "mechanics"):
        values |= _numbers(rng)
    if "{month}" in template:
        values["month"] = rng.choice(MONTHS[lang])
    return Unit(kind, template, tuple(values.items()))


def _refresh(rng: Random, unit: Unit) -> Unit:
    """The same sentence with this report's figures."""
    if not unit.values:
        return unit
    fresh = _numbers(rng)
    return replace(unit, values=tuple((k, fresh.get(k, v)) for k, v in unit.values))


def _first_units(rng: Random, programme: Programme, party: Party) -> list[Unit]:
    lang, pools = programme.lang, _pools(programme.lang)
    openers = pools["cso_openers"] if programme.cso else pools["openers"]
    units = [Unit("opener", rng.choice(openers))]
    if programme.dist:
        units.append(Unit("focus", rng.choice(FOCUS[lang][programme.dist[0]])))
    length = programme.length
    features = pools["features"].get(programme.theme.area, ())
    count = {"short": 0, "normal": 1, "long": 2}[length]
    units += [
        _unit(rng, "feature", t, party, lang)
        for t in rng.sample(features, min(count, len(features)))
    ]
    count = {"short": 1, "normal": 2, "long": 4}[length]
    units += [
        _unit(rng, "mechanics", t, party, lang) for t in rng.sample(pools["mechanics"], count)
    ]
    if pools["inclusion"] and length != "short" and rng.random() < 0.5:
        units.append(Unit("inclusion", rng.choice(pools["inclusion"])))
    count = {"short": 1, "normal": 2, "long": 3}[length]
    units += [_unit(rng, "detail", t, party, lang) for t in rng.sample(DETAILS[lang], count)]
    if rng.random() < 0.5:
        units.append(_unit(rng, "budget", rng.choice(BUDGET[lang]), party, lang))
    return units


def _evolve_units(rng: Random, programme: Programme, party: Party, mode: str) -> list[Unit]:
    """A later report's description: boilerplate dropped or replaced, sentences added or moved,
    figures updated; the programme's own sentences kept more often."""
    lang, pools = programme.lang, _pools(programme.lang)
    units = programme.units
    if mode == "same":
        return [_refresh(rng, u) if u.kind == "budget" else u for u in units]
    heavy = mode == "heavy"
    keep_own, keep_other, refresh = (0.75, 0.45, 0.6) if heavy else (0.95, 0.8, 0.3)
    kept = [u for u in units if rng.random() < (keep_own if u.own else keep_other)]
    if not any(u.own for u in kept):
        kept.insert(0, next(u for u in units if u.own))
    kept = [_refresh(rng, u) if rng.random() < refresh else u for u in kept]
    used = {u.template for u in kept}
    for unit in units:
        if unit not in kept and not unit.own and rng.random() < 0.6:
            pool = (
                pools["mechanics"]
                if unit.kind != "feature"
                else pools["features"].get(programme.theme.area, ())
            )
            fresh = [t for t in pool if t not in used]
            if fresh:
                template = rng.choice(fresh)
                used.add(template)
                kept.insert(rng.randint(1, len(kept)), _unit(rng, unit.kind, template, party, lang))
    for _ in range(rng.randint(1, 2) if heavy else int(rng.random() < 0.4)):
        template = rng.choice(CHANGES[lang])
        if template not in used:
            used.add(template)
            kept.append(_unit(rng, "change", template, party, lang))
    while len(kept) > len(units) + 1:  # a report says about as much as the last one did
        extra = [i for i, u in enumerate(kept) if not u.own]
        if not extra:
            break
        del kept[rng.choice(extra)]
    if heavy and rng.random() < 0.3 and kept[0].kind == "opener":
        openers = pools["cso_openers"] if programme.cso else pools["openers"]
        kept[0] = Unit("opener", rng.choice(openers))
    if rng.random() < (0.5 if heavy else 0.2):
        body = kept[1:]
        rng.shuffle(body)
        kept = [kept[0], *body] if rng.random() < 0.7 else [*body[:1], kept[0], *body[1:]]
    return kept


def render_description(programme: Programme, units: list[Unit], context: dict[str, Any]) -> str:
    separator = THOUSANDS[programme.lang]
    sentences = []
    for unit in units:
        values = context | dict(unit.values) if unit.values else context
        if "{amount}" in unit.template:
            values = values | {"amount": f"{values['amount']:,}".replace(",", separator)}
        sentences.append(_contract(unit.template.format_map(values), programme.lang))
    if len(sentences) <= 3:
        return " ".join(sentences)
    cut = sorted(Random(len(sentences) * 7 + len(sentences[0])).sample(range(1, len(sentences)), 2))
    if len(sentences) < 6:
        cut = cut[:1]
    bounds = [0, *cut, len(sentences)]
    return "\n".join(" ".join(sentences[a:b]) for a, b in itertools.pairwise(bounds))


# --------------------------------------------------------------------------- a Party's world


class PartyWorld:
    """One Party: its programmes, reports and copies, from its own seeded random."""

    def __init__(self, seed: int, index: int):
        self.seed, self.index = seed, index
        self.party = party_at(seed, index)
        self.rng = Random(f"{seed}/party/{index}")
        self.programmes: list[Programme] = []
        self.theme_uses: Counter[str] = Counter()
        self.dists: set[tuple[str, str, str, str]] = set()  # (theme, *distinguisher)
        self.titles: dict[str, str] = {}  # every title a programme had -> its pid
        self.renamed: dict[str, str] = {}  # agency -> its current name

    # ---- agencies
    def agency_now(self, name: str) -> str:
        return self.renamed.get(name, name)

    def rename_agencies(self) -> None:
        seen = {p.agency for p in self.programmes} | {
            p.co_agency for p in self.programmes if p.co_agency
        }
        for name in sorted(seen):
            if self.rng.random() < 0.2:
                self.renamed[name] = _rename_agency(
                    self.rng, self.agency_now(name), self.party.lang, self.party
                )

    # ---- programmes
    def new_programme(self, cycle: int) -> Programme:
        rng, party = self.rng, self.party
        lang = party.lang
        pools = _pools(lang)
        cso = bool(pools["cso_themes"]) and rng.random() < 0.08
        themes = pools["cso_themes"] if cso else pools["themes"]
        fewest = min(self.theme_uses[t.title] for t in themes)
        fresh = [t for t in themes if self.theme_uses[t.title] == fewest]
        theme = rng.choice(fresh if rng.random() < 0.6 else themes)
        uses = self.theme_uses[theme.title]
        self.theme_uses[theme.title] += 1
        dist = None
        if uses or rng.random() < 0.2:
            dist = self._distinguisher(rng, lang, theme.title, theme.domains)
        agency = strip_article(theme.agency.format(city=rng.choice(party.regions)))
        co_agency = None
        if not cso and rng.random() < 0.15:
            co_agency = rng.choice(_related_agencies(theme, agency))
        year = cycle - rng.randint(1, 9)
        regions = list(party.regions)
        rng.shuffle(regions)
        ctx = {
            "benef": theme.benef,
            "output": theme.output,
            "activity": theme.activity,
            "year": year,
            "year2": min(cycle - 1, year + rng.randint(1, 4)),
            "n_years": rng.choice((3, 4, 5)),
            "capital": party.regions[0],
            "city": regions[0],
            "city2": regions[1],
            "region": dist[2] if dist and dist[0] == "region" else regions[0],
            "target": dist[2] if dist and dist[0] == "target" else "",
            "artform": dist[2] if dist and dist[0] == "artform" else "",
            "party": party.name,
            "currency": party.currency,
            "emphasis": rng.choice(EMPHASIS[lang]),
            **_numbers(rng),
        }
        domains = theme.domains
        length = rng.choices(("short", "normal", "long"), weights=(2, 5, 3))[0]
        programme = Programme(
            pid=f"{party.iso3}-{len(self.programmes) + 1:03d}",
            lang=lang,
            theme=theme,
            cso=cso,
            dist=dist,
            agency=agency,
            co_agency=co_agency,
            ctx=ctx,
            units=[],
            state=TitleState(dist_form=rng.randrange(4)),
            domains=domains,
            length=length,
            phase_form=rng.randrange(4),
            year_form=rng.randrange(len(YEAR_FORMS)),
        )
        programme.units = _first_units(rng, programme, party)
        self.programmes.append(programme)
        return programme

    def _distinguisher(
        self, rng: Random, lang: str, theme: str, domains: tuple[str, ...]
    ) -> tuple[str, str, str]:
        """A region, target group or art form (of one of the theme's domains) not yet used
        with this theme in the Party."""
        for _ in range(100):
            kind = rng.choices(("region", "target", "artform"), weights=(5, 3, 2))[0]
            if kind == "region":
                name = rng.choice(self.party.regions[1:])
                dist = ("region", name, name)
            elif kind == "target":
                dist = ("target", *rng.choice(TARGETS[lang]))
            else:
                dist = ("artform", *rng.choice(ARTFORMS[lang]))
                fits = ARTFORM_DOMAINS[dist[1]].intersection(domains) or "multidomain" in domains
                if dist[1].lower() in theme.lower() or not fits:
                    continue
            if (theme, *dist) not in self.dists:
                self.dists.add((theme, *dist))
                return dist
        raise RuntimeError("no distinguishing name left")

    def version(self, programme: Programme, cycle: int) -> Version:
        """The programme as the report of `cycle` shows it (the next one after its last), with
        what changed since its last report."""
        rng, party = self.rng, self.party
        previous = programme.state
        changes: list[str] = []
        if programme.versions:
            if rng.random() < 0.55:
                programme.state = _title_changes(
                    rng, programme, programme.state, len(programme.versions) + 1
                )
            mode = rng.choices(("same", "light", "heavy"), weights=(15, 55, 30))[0]
            programme.units = _evolve_units(rng, programme, party, mode)
            changes.append(f"description {mode}")
            related = _related_agencies(programme.theme, programme.agency)
            if not programme.cso and rng.random() < 0.05:
                programme.agency = rng.choice(related)
                changes.append("agency moved")
            if not programme.cso and rng.random() < 0.1:
                programme.co_agency = None if programme.co_agency else rng.choice(related)
                changes.append("co-agency changed")
            if rng.random() < 0.12:
                extra = "multidomain" if "multidomain" not in programme.domains else None
                if extra and rng.random() < 0.5:
                    programme.domains = (*programme.domains, extra)
                elif len(programme.domains) > 1:
                    programme.domains = programme.domains[:-1]
        title = render_title(programme, programme.state, cycle)
        if self.titles.get(title, programme.pid) != programme.pid:
            programme.state = previous  # that title is another programme's
            title = render_title(programme, previous, cycle)
        if self.titles.get(title, programme.pid) != programme.pid:
            programme.state = TitleState(dist_form=programme.state.dist_form)
            title = render_title(programme, programme.state, cycle)
        assert self.titles.get(title, programme.pid) == programme.pid, title
        self.titles[title] = programme.pid
        agency = self.agency_now(programme.agency)
        agencies = [agency] + (
            [self.agency_now(programme.co_agency)] if programme.co_agency else []
        )
        if programme.versions:
            last = programme.versions[-1]
            changes += [
                f"title {name}"
                for name in TitleState.__dataclass_fields__
                if getattr(previous, name) != getattr(programme.state, name)
            ]
            if programme.state.years and previous.years:
                changes.append("title years")
            if "agency moved" not in changes and agency != last.agency.split("; ")[0]:
                changes.append("agency renamed")
        in_prose = with_article(agency, "fr") if programme.lang == "fr" else agency
        context = programme.ctx | {
            "title": title,
            "agency": in_prose,
            "y1": cycle - 4,
            "y2": cycle - 1,
        }
        context["year3"] = rng.randint(cycle - 4, cycle - 1)
        context["region2"] = rng.choice(party.regions)
        description = render_description(programme, programme.units, context)
        domains = programme.domains if rng.random() < 0.85 else ()
        version = Version(
            cycle,
            title,
            "; ".join(agencies),
            description,
            tuple(domains),
            len(programme.versions) + 1,
            tuple(sorted(changes)),
        )
        programme.versions.append(version)
        return version

    # ---- reports and copies
    def rows(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        count = rng.choices((1, 2, 3, 4), weights=(1, 2, 4, 10))[0]
        cycles = sorted(rng.sample(CYCLES, count))
        for number, cycle in enumerate(cycles):
            if number:
                self.rename_agencies()
            size = round(rng.triangular(10, 40, 36))
            again = 0
            if number:
                alive = [p for p in self.programmes if len(p.versions) < 4]
                again = min(len(alive), round(size * rng.uniform(0.3, 0.6)))
                recent = {id(p) for p in alive if p.versions[-1].cycle == cycles[number - 1]}
                weights = [3.0 if id(p) in recent else 1.0 for p in alive]
                chosen: list[Programme] = []
                while len(chosen) < again:
                    pick = rng.choices(alive, weights=weights)[0]
                    if pick not in chosen:
                        chosen.append(pick)
            else:
                chosen = []
            programmes = chosen + [self.new_programme(cycle) for _ in range(size - again)]
            rng.shuffle(programmes)
            versions = [(p, self.version(p, cycle)) for p in programmes]
            yield from self.report_rows(cycle, versions)

    def document(self, *parts: Any) -> str:
        key = "/".join(str(part) for part in (self.seed, self.party.iso3, *parts))
        return hashlib.sha256(key.encode()).hexdigest()

    def row(
        self,
        document: str,
        index: int,
        programme: Programme,
        version: Version,
        rendering: str,
        **changes: Any,
    ) -> dict[str, Any]:
        iso3 = self.party.iso3
        row = {
            "measure_id": f"{document[:16]}-{index}",
            "source_sha256": document,
            "party_iso3": iso3,
            "country_iso3": iso3,
            "cycle": version.cycle,
            "title": version.title,
            "agency": version.agency,
            "description": version.description,
            "cultural_domains": list(version.domains),
            "truth_cluster": programme.pid,
            "truth_cycle": version.cycle,
            "truth_theme": programme.theme.title,
            "truth_language": programme.lang,
            "truth_version": version.number,
            "truth_changes": list(version.changes),
            "truth_rendering": rendering,
        }
        row.update(changes)
        return row

    def report_rows(
        self, cycle: int, versions: list[tuple[Programme, Version]]
    ) -> Iterator[dict[str, Any]]:
        rng = self.rng
        report = self.document(cycle, "report")
        for index, (programme, version) in enumerate(versions):
            yield self.row(report, index, programme, version, "report")
        # The same report in another rendering or two (PDF export, online form).
        for copy in range(rng.choices((0, 1, 2), weights=(1, 3, 5))[0]):
            document = self.document(cycle, "report", copy)
            flat = rng.random() < 0.3
            for index, (programme, version) in enumerate(versions):
                text = version.description.replace("\n", " ") if flat else version.description
                yield self.row(document, index, programme, version, "report-copy", description=text)
        on_platform = {2012: 0.45, 2016: 0.75, 2020: 0.95, 2024: 0.9}[cycle]
        for programme, version in versions:
            if rng.random() < on_platform:
                yield from self.copies(programme, version)

    def copies(self, programme: Programme, version: Version) -> Iterator[dict[str, Any]]:
        rng, cycle = self.rng, version.cycle
        renderings = []
        for interface in ("en", "fr", "es"):
            if rng.random() < 0.85:
                renderings.append(f"platform-{interface}")
            if cycle < 2024 and rng.random() < 0.55:
                renderings.append(f"platform-old-{interface}")
        for rendering, share in (
            ("mirror", 0.2),
            ("label-stripped", 0.2),
            ("pipe-table", 0.15),
            ("excerpt", 0.25),
        ):
            if rng.random() < share:
                renderings.append(rendering)
        for rendering in renderings:
            document = self.document(cycle, programme.pid, rendering)
            changes: dict[str, Any] = {}
            if rng.random() < 0.6:
                changes["cycle"] = None
            if rendering.startswith("platform") or rendering == "mirror":
                if rng.random() < 0.7:
                    changes["party_iso3"] = None
                if rng.random() < 0.05:
                    changes["title"] = None
                if rng.random() < 0.1:
                    changes["agency"] = None
                if rng.random() < 0.2:
                    changes["cultural_domains"] = []
            elif rendering in ("label-stripped", "pipe-table"):
                lose = 0.6 if rendering == "label-stripped" else 0.4
                if rng.random() < lose:
                    changes["title"] = None
                if rng.random() < lose:
                    changes["party_iso3"] = changes["country_iso3"] = None
                if rng.random() < 0.3:
                    changes["agency"] = None
                if rng.random() < 0.5:
                    changes["cultural_domains"] = []
                if rng.random() < 0.5:
                    changes["description"] = version.description.replace("\n", " ")
                changes["cycle"] = None
            elif rendering == "excerpt":
                changes["party_iso3"] = None
                changes["cycle"] = None
                changes["cultural_domains"] = []
                room = 2000 - rng.randint(500, 1100) - len(version.title) - len(version.agency)
                if len(version.description) > room:
                    cut = version.description.rfind(" ", 0, max(room, 200))
                    changes["description"] = version.description[:cut]
            yield self.row(document, 0, programme, version, rendering, **changes)


def iter_rows(seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    """Every row of the seeded world, Party by Party (endless: synthetic Parties follow)."""
    for index in itertools.count():
        yield from PartyWorld(seed, index).rows()


def recurring_rows(n: int, seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """The first n rows of the seeded world: a smaller set is a prefix of a larger one."""
    return list(itertools.islice(iter_rows(seed), n))


# --------------------------------------------------------------------------- scoring


def pair_scores(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, float]:
    """Pairwise precision and recall: true pairs share a truth label, predicted pairs a
    predicted one (counted from the contingency of the two labellings, not pair by pair)."""
    assert len(truth) == len(predicted)
    both = sum(comb(n, 2) for n in Counter(zip(truth, predicted, strict=True)).values())
    true_pairs = sum(comb(n, 2) for n in Counter(truth).values())
    predicted_pairs = sum(comb(n, 2) for n in Counter(predicted).values())
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "true_pairs": true_pairs,
        "predicted_pairs": predicted_pairs,
        "correct_pairs": both,
    }


def normalized(text: str) -> str:
    """NFKC, whitespace collapsed: how two renderings of one text compare."""
    return " ".join(unicodedata.normalize("NFKC", text).split())
