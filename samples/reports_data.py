# ruff: noqa: E501 -- prose fragments read better unwrapped
"""Data for samples/generate.py: Parties, the form's strings and the pools of original text
fragments that whole synthetic periodic reports are composed from.

Every sentence here was written for qpr. Countries and cities are real; agencies, programmes,
partners, people, addresses, websites, dates and figures are invented. Placeholders in braces
are filled by generate.py ({title}, {agency}, {benef}, {output}, {activity}, {year}, {n1}, ...).
"""

from __future__ import annotations

from typing import NamedTuple

NBSP = "\u00a0"

# --------------------------------------------------------------------------- Parties


class ContactData(NamedTuple):
    name: str
    organization: str
    address: str
    phone: str
    email: str


class PartyData(NamedTuple):
    key: str  # file-name stem
    name: str  # English short name (ISO 3166 as pycountry has it): the truth
    iso3: str
    written: dict[str, str]  # how the document writes the name, by language
    cities: tuple[str, ...]  # the capital first
    ratification: tuple[str, str]  # (as written, ISO 8601 truth)
    contact: ContactData
    currency: str  # local ISO 4217 code, for budgets in local money
    web: str  # invented domain for websites


PARTIES: dict[str, PartyData] = {
    "kenya": PartyData(
        "kenya",
        "Kenya",
        "KEN",
        {"en": "Kenya", "fr": "Kenya", "es": "Kenia"},
        ("Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Malindi", "Nyeri", "Garissa"),
        ("24 October 2007", "2007-10-24"),
        ContactData(
            "Ms Wanjiku Achieng Otieno",
            "Directorate of Culture and Creative Economy",
            "P.O. Box 49810-00100, Nairobi",
            "+254 20 271 0466",
            "convention2005@creativeeconomy.go.ke",
        ),
        "KES",
        "creativeeconomy.go.ke",
    ),
    "madagascar": PartyData(
        "madagascar",
        "Madagascar",
        "MDG",
        {"en": "Madagascar", "fr": "Madagascar", "es": "Madagascar"},
        ("Antananarivo", "Toamasina", "Mahajanga", "Fianarantsoa", "Toliara", "Antsiranana"),
        ("11/09/2006", "2006-09-11"),
        ContactData(
            "M. Hery Andriamanantena",
            "Direction générale de la Culture",
            "Lot IVB 27, Anosy, 101 Antananarivo",
            "+261 20 22 641 37",
            "point.focal2005@culture-mada.mg",
        ),
        "MGA",
        "culture-mada.mg",
    ),
    "burkina-faso": PartyData(
        "burkina-faso",
        "Burkina Faso",
        "BFA",
        {"en": "Burkina Faso", "fr": "Burkina Faso", "es": "Burkina Faso"},
        ("Ouagadougou", "Bobo-Dioulasso", "Koudougou", "Ouahigouya", "Banfora", "Kaya"),
        ("juillet 2006", "2006-07"),
        ContactData(
            "Mme Aminata Sawadogo",
            "Direction générale des Arts",
            "01 BP 5127 Ouagadougou 01",
            "+226 25 33 09 41",
            "dga.convention2005@culture-bf.org",
        ),
        "XOF",
        "culture-bf.org",
    ),
    "namibia": PartyData(
        "namibia",
        "Namibia",
        "NAM",
        {"en": "Namibia", "fr": "Namibie", "es": "Namibia"},
        ("Windhoek", "Swakopmund", "Walvis Bay", "Oshakati", "Rundu", "Keetmanshoop"),
        ("29/11/2006", "2006-11-29"),
        ContactData(
            "Mr Johannes Nangolo",
            "Directorate of Arts",
            "Private Bag 13391, Windhoek",
            "+264 61 293 3145",
            "arts.directorate@namibia-arts.na",
        ),
        "NAD",
        "namibia-arts.na",
    ),
    "barbados": PartyData(
        "barbados",
        "Barbados",
        "BRB",
        {"en": "Barbados", "fr": "Barbade", "es": "Barbados"},
        ("Bridgetown", "Speightstown", "Oistins", "Holetown", "Bathsheba"),
        ("2008", "2008"),
        ContactData(
            "Mrs Andrea Clarke-Hinds",
            "Division of Culture",
            "Sky Mall, Haggatt Hall, St. Michael",
            "+1 246 535 6211",
            "culture.division@bb-culture.gov.bb",
        ),
        "BBD",
        "bb-culture.gov.bb",
    ),
    "ecuador": PartyData(
        "ecuador",
        "Ecuador",
        "ECU",
        {"en": "Ecuador", "fr": "Équateur", "es": "Ecuador"},
        ("Quito", "Guayaquil", "Cuenca", "Loja", "Esmeraldas", "Ambato", "Riobamba"),
        ("8 de agosto de 2006", "2006-08-08"),
        ContactData(
            "Lcda. María Fernanda Cevallos",
            "Subsecretaría de Emprendimientos, Artes e Innovación",
            "Av. Colón E5-34 y Juan León Mera, Quito",
            "+593 2 381 4550",
            "convencion2005@culturas-ec.gob.ec",
        ),
        "USD",
        "culturas-ec.gob.ec",
    ),
    "india": PartyData(
        "india",
        "India",
        "IND",
        {"en": "India", "fr": "Inde", "es": "India"},
        (
            "New Delhi",
            "Mumbai",
            "Kolkata",
            "Chennai",
            "Guwahati",
            "Pune",
            "Jaipur",
            "Bhopal",
            "Kochi",
            "Lucknow",
        ),
        ("15/12/2006", "2006-12-15"),
        ContactData(
            "Dr Meera Raghunathan",
            "Division for International Cultural Relations",
            "Block 4, Kala Marg Complex, New Delhi 110001",
            "+91 11 2338 6417",
            "qpr.focalpoint@culturaldiversity-india.in",
        ),
        "INR",
        "culturaldiversity-india.in",
    ),
}

# Rough units of local money per US dollar, so that budgets in local money look plausible.
CURRENCY_SCALE = {
    "USD": 1,
    "EUR": 1,
    "BBD": 2,
    "NAD": 15,
    "INR": 80,
    "KES": 130,
    "XOF": 600,
    "MGA": 4000,
}

# --------------------------------------------------------------------------- form strings

AREA_ORDER = (
    "cultural_and_creative_sectors",
    "media_diversity",
    "digital_environment",
    "partnering_with_civil_society",
    "mobility_of_artists",
    "flow_of_cultural_goods_and_services",
    "treaties_and_agreements",
    "national_sustainable_development_policies",
    "international_cooperation_for_sustainable_development",
    "gender_equality",
    "artistic_freedom",
)
AREA_GOAL = {
    area: goal
    for goal, areas in (
        (1, AREA_ORDER[0:4]),
        (2, AREA_ORDER[4:7]),
        (3, AREA_ORDER[7:9]),
        (4, AREA_ORDER[9:11]),
    )
    for area in areas
}

GOALS = {
    "en": {
        1: "Support sustainable systems of governance for culture",
        2: "Achieve a balanced flow of cultural goods and services and increase the mobility of artists and cultural professionals",
        3: "Integrate culture in sustainable development frameworks",
        4: "Promote human rights and fundamental freedoms",
    },
    "fr": {
        1: "Soutenir des systèmes de gouvernance durables de la culture",
        2: "Parvenir à un échange équilibré de biens et services culturels et accroître la mobilité des artistes et des professionnels de la culture",
        3: "Intégrer la culture dans les cadres de développement durable",
        4: "Promouvoir les droits de l'homme et les libertés fondamentales",
    },
    "es": {
        1: "Sistemas sostenibles de gobernanza de la cultura",
        2: "Lograr un intercambio equilibrado de bienes y servicios culturales e incrementar la movilidad de los artistas y profesionales de la cultura",
        3: "Integrar la cultura en los marcos de desarrollo sostenible",
        4: "Promover los derechos humanos y las libertades fundamentales",
    },
}
GOAL_WORD = {"en": "Goal", "fr": "Objectif", "es": "Objetivo"}

AREAS = {
    "en": {
        "cultural_and_creative_sectors": "Cultural and creative sectors",
        "media_diversity": "Media diversity",
        "digital_environment": "Digital environment",
        "partnering_with_civil_society": "Partnering with civil society",
        "mobility_of_artists": "Mobility of artists and cultural professionals",
        "flow_of_cultural_goods_and_services": "Flow of cultural goods and services",
        "treaties_and_agreements": "Treaties and agreements",
        "national_sustainable_development_policies": "National sustainable development policies and plans",
        "international_cooperation_for_sustainable_development": "International cooperation for sustainable development",
        "gender_equality": "Gender equality",
        "artistic_freedom": "Artistic freedom",
    },
    "fr": {
        "cultural_and_creative_sectors": "Secteurs culturels et créatifs",
        "media_diversity": "Diversité des médias",
        "digital_environment": "Environnement numérique",
        "partnering_with_civil_society": "Partenariat avec la société civile",
        "mobility_of_artists": "Mobilité des artistes et des professionnels de la culture",
        "flow_of_cultural_goods_and_services": "Flux des biens et services culturels",
        "treaties_and_agreements": "Traités et accords",
        "national_sustainable_development_policies": "Politiques et plans nationaux de développement durable",
        "international_cooperation_for_sustainable_development": "Coopération internationale pour le développement durable",
        "gender_equality": "Égalité des genres",
        "artistic_freedom": "Liberté artistique",
    },
    "es": {
        "cultural_and_creative_sectors": "Sectores culturales y creativos",
        "media_diversity": "Diversidad de los medios",
        "digital_environment": "Entorno digital",
        "partnering_with_civil_society": "Asociación con la sociedad civil",
        "mobility_of_artists": "Movilidad de los artistas y profesionales de la cultura",
        "flow_of_cultural_goods_and_services": "Flujo de bienes y servicios culturales",
        "treaties_and_agreements": "Tratados y acuerdos",
        "national_sustainable_development_policies": "Políticas y planes nacionales de desarrollo sostenible",
        "international_cooperation_for_sustainable_development": "Cooperación internacional para el desarrollo sostenible",
        "gender_equality": "Igualdad de género",
        "artistic_freedom": "Libertad artística",
    },
}

DOMAINS = {
    "en": {
        "cinema_audiovisual": "Cinema/Audiovisual arts",
        "design": "Design",
        "media_arts": "Media Arts",
        "music": "Music",
        "performing_arts": "Performing Arts",
        "publishing": "Publishing",
        "visual_arts": "Visual Arts",
        "multidomain": "Multidomain",
    },
    "fr": {
        "cinema_audiovisual": "Cinéma/Arts audiovisuels",
        "design": "Design",
        "media_arts": "Arts médiatiques",
        "music": "Musique",
        "performing_arts": "Arts de la scène",
        "publishing": "Édition",
        "visual_arts": "Arts visuels",
        "multidomain": "Multi-domaines",
    },
    "es": {
        "cinema_audiovisual": "Cine / Artes audiovisuales",
        "design": "Diseño",
        "media_arts": "Artes mediáticas",
        "music": "Música",
        "performing_arts": "Las artes escénicas",
        "publishing": "Edición",
        "visual_arts": "Artes visuales",
        "multidomain": "Multi-dominio",
    },
}
PRIORITIES = {"en": {"youth": "Youth", "women": "Women"}}

# Partner types as each rendering writes them (form-reference §3); code -> text.
ENTITY_TYPES = {
    "en": {
        "public_sector": "Public Sector",
        "private_sector": "Private Sector",
        "civil_society": "Civil Society Organization (CSO)",
    },
    "fr": {
        "public_sector": "Secteur public",
        "private_sector": "Secteur privé",
        "civil_society": "Organisation de la société civile (OSC)",
    },
    # the offline French form
    "fr-offline": {
        "public_sector": "SECTEUR PUBLIC",
        "private_sector": "SECTEUR PRIVÉ",
        "civil_society": "OSC",
    },
}
OTHER_ENTITY_TYPE = "Other"

YES_NO = {"en": ("YES", "NO"), "fr": ("Oui", "Non"), "en-2016": ("Yes", "No")}

# 2020+ measure labels (form-reference §2), without their ending: generate.py adds ':' + NBSP.
MEASURE_LABELS = {
    "en": {
        "where": "Where",
        "when": "When",
        "who": "Who",
        "description": "Describe the main features of the policy/measure",
        "description_cso": "Describe the main features of the measure/initiative",
        "website": "Website of the policy/measure, if available",
        "results": "What are the results achieved so far through the implementation of the policy/measure?",
        "results_cso": "What are the results achieved so far through the implementation of the measure/initiative?",
        "budget": "Financial resources allocated to the policy/measure in USD",
        "partners": "Partner(s) engaged in the implementation of the measure",
        "partner_header": ("Name of partner", "Type of entity"),
        "evaluated": "Has the implementation of the policy/measure been evaluated?",
        "conclusions": "If yes, what are the main conclusions/recommendations?",
        "goals": "Goal(s) of UNESCO's 2005 Convention",
        "areas": "Area(s) of Monitoring",
        "domains": "Cultural Domain(s)",
        "priorities": "Transversal Priority(ies)",
        "banner": "This measure was reported by civil society.",
    },
    "fr": {
        "where": "Où",
        "when": "Quand",
        "who": "Qui",
        "description": "Décrivez les principales caractéristiques de la politique/mesure",
        "description_cso": "Décrivez les principales caractéristiques de la mesure/initiative",
        "website": "Site web de la politique/mesure, si possible",
        "results": "Quels sont les résultats atteints jusqu’à présent grâce à la mise en œuvre de la politique/mesure ?",
        "results_cso": "Quels sont les résultats atteints jusqu’à présent grâce à la mise en œuvre de la mesure/initiative ?",
        "budget": "Ressources financières allouées à la politique/mesure en dollars américains",
        "partners": "Partenaires engagés dans la mise en œuvre de la politique/mesure ",
        "partner_header": ("Nom du partenaire", "Type d'entité"),
        "evaluated": "La mise en œuvre de la politique/mesure a-t-elle été évaluée ?",
        "conclusions": "Si oui, quelles sont les principales conclusions/recommandations ?",
        "goals": "Objectif(s) de la Convention 2005 de l'UNESCO",
        "areas": "Domaine(s) de suivi",
        "domains": "Domaines culturels",
        "banner": "Cette mesure a été rapportée par la société civile.",
    },
    # Spanish renderings keep the English labels except Dónde/Quién (form-reference §1-2).
    "es": {
        "where": "Dónde",
        "when": "When",
        "who": "Quién",
        "goals": "Goal(s) of UNESCO's 2005 Convention",
        "areas": "Area(s) of Monitoring",
        "domains": "Cultural Domain(s)",
    },
}

# 2012-2016 measure labels (form-reference §2) and the 2012 interactive form's field tooltips.
LABELS_2016 = {
    "key_objectives": "Key objectives of the measure",
    "scope": "Scope of the measure",
    "nature": "Nature of the measure",
    "description": "Main feature of the measure",
    "results": "Results expected through the implementation of the measure",
    "agency": "Name of agency responsible for the implementation of the measure",
    "budget": "Financial resources allocated to implement the measure",
    "partners": "Partner(s) engaged in the implementation of the measure",
    "evaluated": "Has the implementation of the measure been evaluated?",
    "conclusions": "What were the main conclusions?",
}
SCOPE_WORDS = {
    "local": "Local",
    "regional": "Regional",
    "national": "National",
    "international": "International",
}
NATURE_WORDS = {
    "legislative": "legislative",
    "regulatory": "regulatory",
    "financial": "financial",
    "institutional": "institutional",
}

REPORT_LABELS = {
    "en": {
        "party": "Name of Party",
        "ratification": "Date of Ratification",
        "contact": "Officially Designated Point of Contact of the Convention",
        "consultation": "Describe the multi-stakeholder consultation process established for the preparation of this report, including consultations with relevant ministries, public institutions, local governments and civil society organizations.",
        "summary": "Executive summary",
        "submission": "Date of submission",
        "general": "GENERAL INFORMATION",
        "cso_section": "MEASURES AND INITIATIVES REPORTED BY CIVIL SOCIETY ORGANIZATIONS",
        "emerging": "EMERGING TRANSVERSAL ISSUES",
        "challenges": "CHALLENGES AND ACHIEVEMENTS",
        "contact_sublabels": ("Name", "Organization", "Mailing address", "Telephone", "E-mail"),
    },
    "fr": {
        "party": "Nom de la Partie (Pays)",
        "ratification": "Date de ratification",
        "contact": "Point de contact national de la convention désigné officiellement",
        "consultation": "Décrivez le processus de consultation multipartite mis en place pour la préparation de ce rapport, y compris les consultations avec les ministères concernés, les institutions publiques, les collectivités locales et les organisations de la société civile ",
        "summary": "Résumé exécutif",
        "general": "INFORMATIONS GÉNÉRALES",
        "cso_section": "MESURES ET INITIATIVES RAPPORTÉES PAR LES ORGANISATIONS DE LA SOCIÉTÉ CIVILE",
        "emerging": "QUESTIONS TRANSVERSALES ÉMERGENTES",
        "challenges": "DÉFIS ET RÉALISATIONS",
    },
    "en-2016": {
        "party": "Name of Party",
        "ratification": "Date of ratification",
        "contact": "Officially designated Point of Contact",
        "summary": "Executive Summary",
    },
}
CHAPTERS_2016 = (
    "Cultural policies and measures",
    "International cultural cooperation",
    "Preferential treatment",
    "Integrating culture in sustainable development policies",
    "Civil society",
    "Main achievements and challenges",
)
# Chapter of the 2016-2019 report a theme's area of monitoring belongs to.
AREA_CHAPTER_2016 = {
    "cultural_and_creative_sectors": 1,
    "media_diversity": 1,
    "digital_environment": 1,
    "partnering_with_civil_society": 1,
    "gender_equality": 1,
    "artistic_freedom": 1,
    "mobility_of_artists": 2,
    "treaties_and_agreements": 2,
    "flow_of_cultural_goods_and_services": 3,
    "national_sustainable_development_policies": 4,
    "international_cooperation_for_sustainable_development": 4,
}

TITLES = {
    "2020-en": "Quadrennial Periodic Report {start}–{end} – {party}",
    "2020-en-convention": "2005 Convention on the Protection and Promotion of the Diversity of Cultural Expressions",
    "2020-fr": "Rapport périodique quadriennal {start}–{end} – {party}",
    "2020-fr-convention": "Convention de 2005 sur la protection et la promotion de la diversité des expressions culturelles",
    "2016": "Quadrennial Periodic Report {year} – {party}",
    "2012": "QUADRENNIAL PERIODIC REPORT {year}",
    "es": "Informe Periódico Cuatrienal {start}–{end} – {party}",
    "es-measures": "Políticas y medidas",
}

# --------------------------------------------------------------------------- English pools


class Theme(NamedTuple):
    area: str
    title: str
    domains: tuple[str, ...]
    agency: str
    benef: str  # beneficiaries, plural noun phrase
    output: str  # what the measure produces, plural noun phrase
    activity: str  # gerund phrase (EN) / noun phrase (FR, ES)


EN_THEMES = (
    Theme(
        "cultural_and_creative_sectors",
        "National Book Development Fund",
        ("publishing",),
        "National Book Development Council",
        "independent publishers and booksellers",
        "new titles",
        "publishing works by national authors and placing them in bookshops and libraries",
    ),
    Theme(
        "cultural_and_creative_sectors",
        "Live Music Venue Support Scheme",
        ("music", "performing_arts"),
        "National Arts Council",
        "small live music venues",
        "concerts",
        "programming original music by local artists",
    ),
    Theme(
        "cultural_and_creative_sectors",
        "Film Production Incentive Programme",
        ("cinema_audiovisual",),
        "Film Development Board",
        "independent producers",
        "feature and documentary films",
        "financing, shooting and finishing films in the country",
    ),
    Theme(
        "cultural_and_creative_sectors",
        "Creative Enterprise Incubation Programme",
        ("design", "multidomain"),
        "Department of Creative Industries",
        "early-stage creative businesses",
        "business plans",
        "turning creative ideas into sustainable enterprises",
    ),
    Theme(
        "media_diversity",
        "Community Radio Development Programme",
        (),
        "Communications Regulatory Authority",
        "community radio stations",
        "hours of local programming",
        "producing programmes in local languages",
    ),
    Theme(
        "media_diversity",
        "Local Content Obligation for Broadcasters",
        ("cinema_audiovisual", "music"),
        "Broadcasting Standards Commission",
        "television and radio broadcasters",
        "hours of national content",
        "commissioning and scheduling national music and drama",
    ),
    Theme(
        "media_diversity",
        "Public Service Media Charter",
        ("cinema_audiovisual",),
        "Ministry of Information and Communication",
        "the public broadcaster and its regional stations",
        "programme hours",
        "serving audiences in every region with independent and varied content",
    ),
    Theme(
        "media_diversity",
        "Cultural Journalism Fellowship",
        ("publishing",),
        "Media Development Council",
        "journalists and critics",
        "published reviews and features",
        "reporting on the arts and cultural life",
    ),
    Theme(
        "digital_environment",
        "Digital Skills for Creators Programme",
        ("media_arts", "multidomain"),
        "Department of Creative Industries",
        "artists and cultural entrepreneurs",
        "online storefronts",
        "selling and promoting their work online",
    ),
    Theme(
        "digital_environment",
        "National Music Catalogue Online",
        ("music",),
        "Copyright Office",
        "composers, performers and labels",
        "registered recordings",
        "registering and licensing their recordings on streaming services",
    ),
    Theme(
        "digital_environment",
        "Film Archive Digitisation Project",
        ("cinema_audiovisual",),
        "National Film Archive",
        "archivists and researchers",
        "restored films",
        "preserving the national film heritage and giving access to it",
    ),
    Theme(
        "digital_environment",
        "E-book and Audiobook Transition Grant",
        ("publishing",),
        "National Book Development Council",
        "publishers",
        "digital editions",
        "converting their catalogues into e-books and audiobooks",
    ),
    Theme(
        "partnering_with_civil_society",
        "Culture Sector Consultation Council",
        ("multidomain",),
        "Ministry of Culture and Heritage",
        "arts associations and professional unions",
        "joint recommendations",
        "taking part in the preparation of cultural policy",
    ),
    Theme(
        "partnering_with_civil_society",
        "Core Funding Scheme for Arts Associations",
        ("multidomain",),
        "National Arts Council",
        "non-profit arts associations",
        "strategic plans",
        "covering their running costs and planning beyond a single project",
    ),
    Theme(
        "partnering_with_civil_society",
        "Cultural Policy Observatory",
        ("multidomain",),
        "Department of Culture and Heritage",
        "researchers and civil society networks",
        "studies and data sets",
        "collecting evidence on the cultural sector",
    ),
    Theme(
        "partnering_with_civil_society",
        "Neighbourhood Culture Participatory Budget",
        ("performing_arts", "visual_arts"),
        "Department of Culture and Heritage",
        "residents’ associations and local artists",
        "neighbourhood projects",
        "choosing and running cultural projects in their own neighbourhoods",
    ),
    Theme(
        "mobility_of_artists",
        "Artist Travel Grant Scheme",
        ("multidomain",),
        "National Arts Council",
        "artists and cultural professionals",
        "trips abroad",
        "attending festivals, markets and residencies abroad",
    ),
    Theme(
        "mobility_of_artists",
        "International Residency Exchange Programme",
        ("visual_arts", "publishing"),
        "Department of Culture and Heritage",
        "visual artists and writers",
        "residencies",
        "spending time in partner institutions abroad and hosting foreign peers",
    ),
    Theme(
        "mobility_of_artists",
        "Visa Facilitation Desk for Artists",
        ("music", "performing_arts"),
        "Ministry of Foreign Affairs",
        "touring musicians and performers",
        "visa applications",
        "obtaining visas and work permits for performances abroad",
    ),
    Theme(
        "mobility_of_artists",
        "Dance Touring Support Programme",
        ("performing_arts",),
        "National Arts Council",
        "dance companies",
        "performances abroad",
        "touring their productions to regional and international stages",
    ),
    Theme(
        "flow_of_cultural_goods_and_services",
        "Creative Export Readiness Programme",
        ("design", "music"),
        "Export Promotion Agency",
        "creative companies",
        "export contracts",
        "preparing for and entering foreign markets",
    ),
    Theme(
        "flow_of_cultural_goods_and_services",
        "National Stand at International Book Fairs",
        ("publishing",),
        "National Book Development Council",
        "publishers and literary agents",
        "rights deals",
        "selling translation and publication rights abroad",
    ),
    Theme(
        "flow_of_cultural_goods_and_services",
        "Film Distribution Support for Regional Markets",
        ("cinema_audiovisual",),
        "Film Development Board",
        "distributors and sales agents",
        "theatrical releases",
        "releasing national films in neighbouring countries",
    ),
    Theme(
        "flow_of_cultural_goods_and_services",
        "Simplified Customs Procedure for Cultural Goods",
        ("visual_arts", "design"),
        "Revenue and Customs Authority",
        "artists, galleries and craft exporters",
        "temporary export permits",
        "moving artworks and crafts across borders for exhibitions and fairs",
    ),
    Theme(
        "treaties_and_agreements",
        "Audiovisual Co-production Agreements Programme",
        ("cinema_audiovisual",),
        "Ministry of Foreign Affairs",
        "film and television producers",
        "co-productions",
        "working with partners in other countries under treaty status",
    ),
    Theme(
        "treaties_and_agreements",
        "Regional Cultural Cooperation Protocol",
        ("multidomain",),
        "Ministry of Culture and Heritage",
        "cultural institutions in the region",
        "joint programmes",
        "cooperating across the region on training, circulation and heritage",
    ),
    Theme(
        "treaties_and_agreements",
        "Cultural Clause Policy for Trade Negotiations",
        ("multidomain",),
        "Ministry of Trade and Industry",
        "trade negotiators and cultural stakeholders",
        "trade agreements",
        "keeping room for cultural policy in trade and investment commitments",
    ),
    Theme(
        "treaties_and_agreements",
        "Bilateral Cultural Exchange Programme",
        ("multidomain",),
        "Ministry of Foreign Affairs",
        "artists and cultural organizations",
        "exchange projects",
        "carrying out joint projects with partner countries",
    ),
    Theme(
        "national_sustainable_development_policies",
        "Culture in Local Development Plans Initiative",
        ("multidomain",),
        "Ministry of Planning and Development",
        "local governments",
        "local development plans",
        "including culture in their development plans and budgets",
    ),
    Theme(
        "national_sustainable_development_policies",
        "National Creative Economy Strategy",
        ("multidomain",),
        "Department of Creative Industries",
        "creative workers and enterprises",
        "strategy actions",
        "building a creative economy that creates decent jobs",
    ),
    Theme(
        "national_sustainable_development_policies",
        "Cultural Districts Regeneration Programme",
        ("visual_arts", "performing_arts"),
        "Urban Development Authority",
        "historic neighbourhoods and their residents",
        "renovated spaces",
        "turning disused buildings into places for culture",
    ),
    Theme(
        "national_sustainable_development_policies",
        "Green Guidelines for Festivals and Events",
        ("music", "performing_arts"),
        "Environment and Climate Change Directorate",
        "festival organizers",
        "greener events",
        "cutting the energy use and waste of festivals",
    ),
    Theme(
        "international_cooperation_for_sustainable_development",
        "Creative Skills Partnership with Developing Countries",
        ("multidomain",),
        "International Development Cooperation Agency",
        "cultural training institutions in partner countries",
        "trained professionals",
        "strengthening skills in cultural management and production",
    ),
    Theme(
        "international_cooperation_for_sustainable_development",
        "Culture and Development Cooperation Fund",
        ("multidomain",),
        "International Development Cooperation Agency",
        "cultural enterprises in partner countries",
        "funded projects",
        "growing their activities as part of development cooperation",
    ),
    Theme(
        "international_cooperation_for_sustainable_development",
        "Cultural Managers Exchange Programme",
        ("multidomain",),
        "Ministry of Foreign Affairs",
        "cultural managers from partner countries",
        "study visits",
        "sharing experience in running cultural institutions",
    ),
    Theme(
        "international_cooperation_for_sustainable_development",
        "Regional Film School Cooperation Programme",
        ("cinema_audiovisual",),
        "National Film and Television Institute",
        "film students and teachers from the region",
        "short films",
        "training a new generation of filmmakers together",
    ),
    Theme(
        "gender_equality",
        "Women in Film Leadership Programme",
        ("cinema_audiovisual",),
        "Film Development Board",
        "women directors, producers and writers",
        "projects in development",
        "leading film and television projects",
    ),
    Theme(
        "gender_equality",
        "Gender Balance Criteria for Arts Funding",
        ("multidomain",),
        "National Arts Council",
        "applicants to public arts funds",
        "funding decisions",
        "applying for public funding on equal terms",
    ),
    Theme(
        "gender_equality",
        "Mentoring Scheme for Women Music Producers",
        ("music",),
        "Music Rights Society",
        "women producers and sound engineers",
        "recordings",
        "working in recording studios and on live sound",
    ),
    Theme(
        "gender_equality",
        "Cultural Workforce Equal Pay Survey",
        ("multidomain",),
        "National Statistics Office",
        "cultural employers and workers",
        "survey responses",
        "understanding the pay gap between women and men in the sector",
    ),
    Theme(
        "artistic_freedom",
        "Safe Haven Residencies for Artists at Risk",
        ("multidomain",),
        "Department of Culture and Heritage",
        "artists at risk from other countries",
        "residencies",
        "continuing their work in safety",
    ),
    Theme(
        "artistic_freedom",
        "Reform of Film Classification Rules",
        ("cinema_audiovisual",),
        "Film Classification Board",
        "filmmakers and exhibitors",
        "classification decisions",
        "having their work classified under clear and transparent rules",
    ),
    Theme(
        "artistic_freedom",
        "Social Protection Scheme for Self-employed Artists",
        ("multidomain",),
        "Ministry of Labour and Social Protection",
        "self-employed artists",
        "registered members",
        "joining health insurance and pension schemes",
    ),
    Theme(
        "artistic_freedom",
        "Artists’ Rights Advice Service",
        ("multidomain",),
        "Copyright Office",
        "artists and performers",
        "advice sessions",
        "understanding their contracts, copyright and freedom of expression",
    ),
)

# Initiatives reported by civil society: the agency is the organization itself ({city} allowed).
EN_CSO_THEMES = (
    Theme(
        "partnering_with_civil_society",
        "Community Book Clubs Network",
        ("publishing",),
        "{city} Readers’ Association",
        "reading groups in schools and libraries",
        "book club meetings",
        "organizing regular reading and discussion sessions",
    ),
    Theme(
        "artistic_freedom",
        "Independent Music Rights Clinic",
        ("music",),
        "Independent Musicians’ Union",
        "musicians and songwriters",
        "contracts reviewed",
        "negotiating fair contracts and collecting their royalties",
    ),
    Theme(
        "media_diversity",
        "Young Critics Lab",
        ("publishing", "performing_arts"),
        "Arts Writers’ Collective",
        "young writers and bloggers",
        "published reviews",
        "writing about theatre, film and music for a wide public",
    ),
    Theme(
        "gender_equality",
        "Women Makers Market",
        ("design", "visual_arts"),
        "Women in Crafts Network",
        "women artisans and designers",
        "market days",
        "selling their work directly to buyers in the cities",
    ),
    Theme(
        "partnering_with_civil_society",
        "Street Theatre for Civic Dialogue",
        ("performing_arts",),
        "Open Stage Theatre Collective",
        "community theatre groups",
        "public performances",
        "bringing debates on local issues into public squares",
    ),
    Theme(
        "cultural_and_creative_sectors",
        "Festival Volunteers Academy",
        ("music", "performing_arts"),
        "{city} Festival Organizers’ Association",
        "young festival volunteers",
        "training days",
        "learning production, stage management and hospitality skills",
    ),
)

EN_OPENERS = (
    "The {title} was launched in {year} by the {agency} to help {benef} with {activity}.",
    "Since {year}, the {title} has given {benef} a predictable source of support for {activity}.",
    "The {title} is a {n_years}-year programme of the {agency} that supports {benef} in {activity}.",
    "Through the {title}, set up in {year}, the {agency} offers {benef} grants, training and advice for {activity}.",
    "The {title} answers a long-standing request from {benef}, who asked for public support for {activity}; it started in {year}.",
)
EN_CSO_OPENERS = (
    "The {title} is an initiative of the {agency}, started in {year}, that brings together {benef} for {activity}.",
    "Run by volunteers and a small paid team, the {title} has supported {benef} in {activity} since {year}.",
)

EN_AREA_FEATURES = {
    "cultural_and_creative_sectors": (
        "Support is given as matching grants, so that every unit of public money is combined with at least the same amount from private or own resources.",
        "A share of the budget is reserved for first-time applicants and for projects based outside {capital}.",
        "Recipients also receive advice on business planning, copyright and marketing from experienced practitioners.",
    ),
    "media_diversity": (
        "Licences are granted for renewable periods of {n_years} years, and holders report each year on the share of locally produced content they broadcast.",
        "The measure sets out safeguards for editorial independence and a complaints procedure open to any listener or viewer.",
        "Stations in rural areas can apply for equipment grants and for training in programme production and station management.",
    ),
    "digital_environment": (
        "Training is delivered online and in regional hubs, with a help desk that answers practical questions on platforms, payments and metadata.",
        "All data are published under an open licence so that researchers, developers and cultural organizations can reuse them.",
        "The measure also looks at how recommendation systems affect the visibility of national content on global platforms.",
    ),
    "partnering_with_civil_society": (
        "Members are nominated by their own networks for a term of three years, and the minutes of every meeting are made public.",
        "The scheme was designed together with representatives of arts associations, who also sit on the selection panel.",
        "Small organizations can apply through a simplified procedure with a short form and a single report at the end of the year.",
    ),
    "mobility_of_artists": (
        "Grants cover travel, visas, insurance and the transport of instruments, artworks or sets.",
        "Priority is given to first trips abroad and to invitations from festivals and venues in other regions of the world.",
        "Returning grantees share what they learned at an open session organized with the professional associations.",
    ),
    "flow_of_cultural_goods_and_services": (
        "Participating companies receive market studies, coaching on pricing and contracts, and a contribution to the cost of attending trade events.",
        "The measure is coordinated with the trade promotion offices, which identify buyers and partners in the target markets.",
        "Follow-up support is available for a year after each trade mission to help companies turn contacts into contracts.",
    ),
    "treaties_and_agreements": (
        "Each agreement sets out the minimum creative and financial contributions of the partners and gives qualifying projects access to support schemes in both countries.",
        "A joint committee meets every two years to review how the agreement works and to settle questions raised by professionals.",
        "The cultural sector was consulted before the negotiations and was informed of their outcome.",
    ),
    "national_sustainable_development_policies": (
        "Culture is treated as a cross-cutting priority, with targets for employment, participation and the protection of cultural spaces.",
        "Local authorities receive guidance and a toolkit to map their cultural resources and to budget for them.",
        "Progress is monitored through a small set of indicators reported each year to the national planning commission.",
    ),
    "international_cooperation_for_sustainable_development": (
        "Projects are selected jointly with the partner institutions, which also contribute staff time and premises.",
        "The programme follows the priorities that partner countries set in their own cultural and development strategies.",
        "Training modules cover project management, fundraising, audience development and the rights of artists.",
    ),
    "gender_equality": (
        "Participants are paired with experienced mentors and take part in masterclasses, networking events and pitching sessions.",
        "Funding bodies publish data on the gender of applicants and recipients every year, broken down by discipline.",
        "The measure was prepared with women’s professional networks, which help to reach participants outside the capital.",
    ),
    "artistic_freedom": (
        "The measure sets out clear procedures, deadlines and a right of appeal to an independent panel.",
        "Artists can turn to the service in confidence and free of charge, by phone, by email or in person.",
        "Host institutions receive a grant to cover housing, a monthly allowance and legal assistance for the resident.",
    ),
}
EN_MECHANICS = (
    "Calls for applications are published once a year and assessed by a panel of independent experts whose members change every two years.",
    "Applications are open all year round and decisions are usually made within eight weeks.",
    "Selected projects are monitored through a short mid-term report and a final report with a financial statement.",
    "The {agency} runs the programme with a small team and a steering group that includes representatives of the sector.",
    "Information sessions are held in {city} and {city2} before each call, and a recording is made available online.",
    "Grants are paid in two instalments, the second after approval of the final report.",
    "The eligibility rules were simplified in {year2} after applicants found the original forms too long.",
    "Beneficiaries commit to crediting the programme in their publicity and to sharing their audience figures.",
    "A public register lists every decision taken under the measure, with the amount and the purpose of the support.",
    "Local cultural officers help applicants prepare their files and follow the projects once they are under way.",
)
EN_INCLUSION = (
    "Particular attention is paid to young people, women and persons with disabilities, who are reached through targeted outreach.",
    "At least a quarter of the places are reserved for applicants from rural areas and small towns.",
    "Materials are available in the main national languages and in accessible formats.",
    "Applicants under 35 can receive additional mentoring during their first year in the programme.",
)
EN_RESULTS = (
    "Between {y1} and {y2}, {n1} {benef} received support, leading to {n2} {output}.",
    "The programme has so far reached {n1} {benef} and contributed to {n2} {output}.",
    "By the end of {y2}, the measure counted {n2} {output}, {pct}% of them outside {capital}.",
    "Demand grew steadily over the period, and the number of applications rose from {a1} in {y1} to {a2} in {y2}.",
)
EN_OUTCOMES = (
    "Beneficiaries report better access to markets and more stable incomes, and several have since obtained funding from other sources.",
    "The measure has also improved cooperation between public bodies and professional associations, which now meet regularly.",
    "Audience surveys show that {pct}% of the people reached had never attended such an event before.",
    "Data collected through the measure now feed into the national statistics on culture.",
    "A number of projects supported in the first years have become self-financing.",
    "Participants from {city} and {city2} have formed a network that continues to meet without public support.",
)
EN_CONCLUSIONS = (
    "The evaluation found that the measure met most of its targets and recommended simpler reporting for small grants.",
    "An external review confirmed the relevance of the measure but recommended a stronger presence outside the capital and better data on beneficiaries.",
    "The mid-term evaluation recommended a larger budget, clearer selection criteria and the publication of the results of each call.",
    "According to the evaluation, the measure has improved the professional skills of participants; it recommended longer support periods and follow-up mentoring.",
    "The evaluators recommended closer coordination with local governments and a regular survey of beneficiaries.",
    "The review concluded that the measure should continue, with a dedicated strand for young professionals and for projects in rural areas.",
)
EN_OBJECTIVES = (
    "To strengthen {benef} and improve their capacity for {activity}.",
    "To increase the number of {output} and to widen access to them across the country.",
    "To create conditions in which {benef} can make a living from their work.",
    "To encourage partnerships between public institutions, the private sector and civil society.",
    "To collect reliable information on the sector so that public support can be better targeted.",
)
# 2012-2016 form: results *expected* (future tense).
EN_EXPECTED = (
    "By {y2}, the measure is expected to reach {n1} {benef} and to lead to {n2} {output}.",
    "A larger and more varied offer of {output}, especially outside {capital}.",
    "Better skills and more stable incomes for {benef}.",
    "Stronger cooperation between public institutions and professional associations.",
)
EN_BUDGET_PROSE = (
    "The measure is funded from the regular operating budget of the {agency}; no separate allocation is recorded.",
    "They vary each year, depending on the budget approved for culture.",
    "Costs are shared between the Government and the partners, and the amounts are not published separately.",
)

EN_SUMMARY = (
    "This report presents the main policies and measures adopted by {party} between {y1} and {y2} to protect and promote the diversity of cultural expressions.",
    "During the period, the Government gave priority to the creative economy, to the digital environment and to the status of artists, while keeping culture in the national development agenda.",
    "Civil society organizations took an active part in preparing the report and have contributed initiatives of their own, described in a separate section.",
    "The main challenges remain the limited funding of culture, the lack of reliable data on the cultural sector, and the gap between the capital and the regions.",
    "The report also describes progress towards gender equality in the cultural sector, where women remain under-represented in decision-making positions.",
)
EN_CONSULTATION = (
    "The report was prepared by an inter-ministerial working group led by the {agency} and including the ministries responsible for foreign affairs, trade, education, labour and information.",
    "Two consultation meetings with civil society organizations were held in {city} and {city2} in {year}, and an online questionnaire was open to the public for four weeks.",
    "Local governments were invited to send information on their own measures, and the draft report was shared with all contributors before it was finalized.",
)
EN_EMERGING = (
    "The COVID-19 pandemic showed how fragile the incomes of artists and cultural workers are. Emergency support schemes were set up in {year} and some of them have since become permanent.",
    "Artificial intelligence and the growth of streaming platforms raise new questions about remuneration, the visibility of national content and the use of data.",
)
EN_CHALLENGES = (
    "The main achievements of the period are the adoption of a national creative economy strategy and closer cooperation with civil society. The main challenges are the small share of the national budget allocated to culture and the lack of regular statistics.",
    "In the next period, the Government intends to strengthen the monitoring of the measures in this report and to involve local governments more closely.",
)
EN_CHAPTER_TEXT = {
    5: (
        "Civil society organizations took part in the preparation of this report through two workshops and written contributions. Arts associations, professional unions and community groups are represented on the advisory bodies of the main funding programmes.",
        "Civil society also runs its own initiatives, including festivals, training programmes and advocacy for the status of artists, often with small grants from the public funds described in chapter 1.",
    ),
    6: (
        "The main achievements of the period are better funding for the creative industries and a first set of statistics on cultural employment. Challenges remain in reaching rural areas and in sustaining the measures after the first years.",
    ),
}

# Partner names: templates filled with a city or an invented word (EN).
EN_PARTNERS = {
    "public_sector": (
        "{city} County Department of Culture",
        "{city} City Council",
        "National Library Service",
        "Ministry of Education",
        "National Museums Authority",
        "{city} Regional Development Authority",
        "Public Broadcasting Corporation",
        "Copyright Board",
        "Tourism Promotion Board",
        "{city} Technical University",
        "National Youth Service",
        "{city} School of Music",
        "{city} Municipal Library",
        "{city} County Youth Office",
        "{city} Public Theatre",
        "{city} Investment Promotion Office",
        "{city} Institute of Fine Arts",
    ),
    "private_sector": (
        "{word} Records Ltd",
        "{word} Studios Ltd",
        "{city} Printing Company",
        "{word} Media Group",
        "{word} Design House",
        "{word} Telecom",
        "{word} Logistics Ltd",
        "{word} Productions",
        "{word} Hotels Group",
        "{word} Publishing House",
        "{word} Sound Systems",
        "{word} Events Ltd",
        "{word} Bank Cultural Programme",
    ),
    "civil_society": (
        "{city} Writers’ Guild",
        "Association of Independent Publishers",
        "{city} Youth Theatre Collective",
        "Women in Film Network",
        "{city} Musicians’ Union",
        "{word} Arts Trust",
        "{city} Craft Cooperative",
        "Visual Artists’ Association",
        "{word} Foundation for the Arts",
        "{city} Community Radio Association",
        "{word} Dance Company",
        "Festival Directors’ Forum",
        "{word} Heritage Society",
        "{city} Film Society",
        "{city} Women Artists’ Circle",
        "{word} Youth Arts Network",
    ),
}
PARTNER_WORDS = (
    "Sunbird",
    "Baobab",
    "Lakeside",
    "Horizon",
    "Kestrel",
    "Acacia",
    "Harbour",
    "Meridian",
    "Granite",
    "Riverbend",
    "Blue Hill",
    "Northlight",
    "Saltpan",
    "Monsoon",
    "Tamarind",
    "Jacaranda",
    "Coral",
    "Highland",
    "Lantern",
    "Silverleaf",
)

# --------------------------------------------------------------------------- French pools

# The agency carries its article (la/le/l’), which generate.py strips for the truth.
FR_THEMES = (
    Theme(
        "cultural_and_creative_sectors",
        "Fonds d’aide à l’édition nationale",
        ("publishing",),
        "la Direction du Livre et de la Lecture publique",
        "éditeurs indépendants",
        "nouveaux titres",
        "la publication et la diffusion des auteurs nationaux",
    ),
    Theme(
        "cultural_and_creative_sectors",
        "Programme d’appui aux musiques actuelles",
        ("music",),
        "la Direction des Arts",
        "artistes et labels indépendants",
        "albums",
        "l’enregistrement et la promotion de leurs œuvres",
    ),
    Theme(
        "cultural_and_creative_sectors",
        "Fonds de développement de la cinématographie et de l’audiovisuel",
        ("cinema_audiovisual",),
        "le Centre national de la cinématographie",
        "producteurs indépendants",
        "films",
        "le développement, le tournage et la finition de leurs films",
    ),
    Theme(
        "media_diversity",
        "Programme d’appui aux radios communautaires",
        (),
        "la Direction de la Communication",
        "radios communautaires",
        "heures de programmes locaux",
        "la production d’émissions en langues nationales",
    ),
    Theme(
        "digital_environment",
        "Numérisation du patrimoine musical",
        ("music",),
        "le Bureau du droit d’auteur",
        "auteurs, compositeurs et interprètes",
        "enregistrements numérisés",
        "la conservation et la mise en ligne de leurs enregistrements",
    ),
    Theme(
        "digital_environment",
        "Plateforme numérique des industries culturelles",
        ("multidomain",),
        "la Direction des Industries culturelles",
        "entreprises culturelles",
        "fiches d’entreprises publiées",
        "la promotion de leurs produits et services en ligne",
    ),
    Theme(
        "partnering_with_civil_society",
        "Cadre national de concertation avec la société civile culturelle",
        ("multidomain",),
        "le Ministère de la Culture",
        "associations et fédérations culturelles",
        "avis rendus",
        "la participation à l’élaboration des politiques culturelles",
    ),
    Theme(
        "mobility_of_artists",
        "Bourses de mobilité pour les artistes et les professionnels de la culture",
        ("multidomain",),
        "la Direction de la Coopération culturelle",
        "artistes et professionnels de la culture",
        "déplacements",
        "la participation à des festivals, marchés et résidences à l’étranger",
    ),
    Theme(
        "flow_of_cultural_goods_and_services",
        "Soutien à l’exportation de l’artisanat d’art",
        ("design", "visual_arts"),
        "l’Agence de promotion des exportations",
        "artisans et créateurs",
        "contrats d’exportation",
        "l’accès aux marchés régionaux et internationaux",
    ),
    Theme(
        "flow_of_cultural_goods_and_services",
        "Présence nationale aux marchés internationaux des arts du spectacle",
        ("performing_arts", "music"),
        "la Direction des Arts",
        "compagnies et groupes",
        "contrats de diffusion",
        "la vente de leurs spectacles à l’étranger",
    ),
    Theme(
        "treaties_and_agreements",
        "Accords de coproduction cinématographique",
        ("cinema_audiovisual",),
        "le Ministère des Affaires étrangères",
        "producteurs de cinéma et de télévision",
        "coproductions",
        "la réalisation d’œuvres avec des partenaires étrangers",
    ),
    Theme(
        "national_sustainable_development_policies",
        "Intégration de la culture dans les plans communaux de développement",
        ("multidomain",),
        "le Ministère de la Décentralisation",
        "communes",
        "plans communaux",
        "la prise en compte de la culture dans leurs plans et budgets",
    ),
    Theme(
        "international_cooperation_for_sustainable_development",
        "Coopération pour la formation aux métiers de la culture",
        ("multidomain",),
        "l’Institut national des arts",
        "formateurs et étudiants",
        "professionnels formés",
        "l’acquisition de compétences en gestion et production culturelles",
    ),
    Theme(
        "gender_equality",
        "Programme « Femmes et entreprises culturelles »",
        ("multidomain",),
        "la Direction de la Promotion du genre",
        "femmes entrepreneures culturelles",
        "entreprises accompagnées",
        "la création et la croissance de leurs entreprises",
    ),
    Theme(
        "artistic_freedom",
        "Statut de l’artiste et protection sociale",
        ("multidomain",),
        "le Ministère de la Fonction publique et du Travail",
        "artistes et techniciens du spectacle",
        "cartes professionnelles délivrées",
        "l’accès à la sécurité sociale et à la retraite",
    ),
)
FR_CSO_THEMES = (
    Theme(
        "partnering_with_civil_society",
        "Caravane du livre et de la lecture",
        ("publishing",),
        "l’Association Lire à {city}",
        "bibliothèques scolaires et clubs de lecture",
        "étapes de la caravane",
        "l’animation de séances de lecture dans les quartiers et les villages",
    ),
    Theme(
        "artistic_freedom",
        "Clinique juridique des musiciens",
        ("music",),
        "l’Union des musiciens indépendants",
        "musiciens et auteurs-compositeurs",
        "contrats examinés",
        "la négociation de contrats équitables et la perception de leurs droits",
    ),
    Theme(
        "gender_equality",
        "Marché des créatrices",
        ("design", "visual_arts"),
        "le Réseau des femmes artisanes",
        "artisanes et créatrices",
        "journées de vente",
        "la vente directe de leurs créations en ville",
    ),
)
FR_OPENERS = (
    "Mise en place en {year} par {agency}, la mesure « {title} » accompagne les {benef} dans {activity}.",
    "Cette mesure, pilotée par {agency} depuis {year}, vise à soutenir les {benef} dans {activity}.",
    "Depuis {year}, {agency} met en œuvre ce programme afin d’aider les {benef} dans {activity}.",
)
FR_CSO_OPENERS = (
    "Lancée en {year} par {agency}, cette initiative réunit les {benef} autour de {activity}.",
)
FR_AREA_FEATURES = {
    "cultural_and_creative_sectors": (
        "L’aide prend la forme de subventions plafonnées à {pct} % du coût total du projet, versées en deux tranches.",
        "Une part de l’enveloppe est réservée aux premiers projets et aux porteurs installés hors de {capital}.",
    ),
    "media_diversity": (
        "Les radios bénéficiaires s’engagent à diffuser au moins {pct} % de programmes produits localement.",
        "Les stations rurales peuvent obtenir du matériel et des formations à la gestion d’antenne.",
    ),
    "digital_environment": (
        "Les contenus sont accessibles gratuitement en ligne et les métadonnées sont publiées sous licence ouverte.",
        "Un service d’assistance répond aux questions pratiques des utilisateurs sur les plateformes et les paiements.",
    ),
    "partnering_with_civil_society": (
        "Le cadre de concertation se réunit deux fois par an et ses avis sont rendus publics.",
        "Les représentants de la société civile sont désignés par leurs propres réseaux pour trois ans.",
    ),
    "mobility_of_artists": (
        "Les bourses couvrent le transport, les frais de visa, l’assurance et une partie des frais de séjour.",
        "La priorité va aux premiers déplacements et aux invitations de festivals d’autres régions du monde.",
    ),
    "flow_of_cultural_goods_and_services": (
        "Les entreprises retenues bénéficient d’un diagnostic, d’une formation à l’export et d’une prise en charge partielle des frais de participation aux salons.",
        "Un suivi est assuré pendant un an après chaque mission pour transformer les contacts en contrats.",
    ),
    "treaties_and_agreements": (
        "Chaque accord fixe les apports artistiques et financiers minimaux des coproducteurs et ouvre aux œuvres l’accès aux aides des deux pays.",
        "Une commission mixte se réunit tous les deux ans pour examiner l’application de l’accord.",
    ),
    "national_sustainable_development_policies": (
        "Un guide méthodologique et des sessions de formation aident les communes à inventorier leurs ressources culturelles.",
        "Les progrès sont suivis au moyen de quelques indicateurs communiqués chaque année au ministère chargé du plan.",
    ),
    "international_cooperation_for_sustainable_development": (
        "Les modules de formation portent sur la gestion de projet, la recherche de financements et le développement des publics.",
        "Les projets sont choisis avec les institutions partenaires, qui mettent à disposition des formateurs et des locaux.",
    ),
    "gender_equality": (
        "Chaque participante est suivie pendant douze mois par une marraine issue du secteur.",
        "Les organismes de financement publient chaque année la répartition des aides entre femmes et hommes.",
    ),
    "artistic_freedom": (
        "La mesure prévoit une procédure simple d’enregistrement et un guichet d’information dans chaque région.",
        "Les artistes peuvent saisir gratuitement une commission de médiation indépendante.",
    ),
}
FR_MECHANICS = (
    "Les appels à projets sont lancés chaque année et les dossiers sont examinés par une commission composée de professionnels du secteur.",
    "Des séances d’information sont organisées à {city} et à {city2} avant chaque appel.",
    "Le suivi des projets repose sur un rapport à mi-parcours et un rapport final accompagné d’un état financier.",
    "Les critères d’éligibilité ont été simplifiés en {year2} à la demande des bénéficiaires.",
    "Les décisions d’attribution sont publiées avec le montant et l’objet de chaque aide.",
)
FR_INCLUSION = (
    "Une attention particulière est portée aux jeunes, aux femmes et aux personnes en situation de handicap.",
    "Un quart des places est réservé aux candidats des zones rurales et des petites villes.",
)
FR_RESULTS = (
    "Entre {y1} et {y2}, {n1} {benef} ont bénéficié de la mesure, ce qui a permis la réalisation de {n2} {output}.",
    "À ce jour, la mesure a touché {n1} {benef} et contribué à {n2} {output}, dont {pct} % hors de {capital}.",
    "Le nombre de demandes est passé de {a1} en {y1} à {a2} en {y2}.",
)
FR_OUTCOMES = (
    "Les bénéficiaires font état d’un meilleur accès aux marchés et de revenus plus réguliers.",
    "La mesure a également renforcé le dialogue entre l’administration et les organisations professionnelles.",
    "Plusieurs projets soutenus au cours des premières années sont aujourd’hui autonomes.",
)
FR_CONCLUSIONS = (
    "L’évaluation a confirmé la pertinence de la mesure et recommandé d’en simplifier les procédures pour les petits porteurs de projets.",
    "Les évaluateurs recommandent d’augmenter l’enveloppe, de mieux couvrir les régions et de publier chaque année la liste des bénéficiaires.",
    "L’étude d’impact conclut à des effets positifs sur l’emploi et recommande un accompagnement plus long après l’aide.",
)
FR_BUDGET_PROSE = (
    "Les crédits varient chaque année selon la dotation accordée au ministère.",
    "La mesure est financée sur le budget de fonctionnement de la direction, sans ligne propre.",
)
FR_SUMMARY = (
    "Le présent rapport rend compte des politiques et mesures adoptées par {party} entre {y1} et {y2} pour protéger et promouvoir la diversité des expressions culturelles.",
    "Au cours de la période, le Gouvernement a donné la priorité à la structuration des industries culturelles, au statut de l’artiste et à la présence des contenus nationaux dans l’environnement numérique.",
    "Les principaux défis restent la faiblesse des financements publics, le manque de données fiables sur le secteur et la concentration des équipements culturels dans la capitale.",
)
FR_CONSULTATION = (
    "Le rapport a été préparé par une équipe nationale coordonnée par {agency} et composée de représentants des ministères chargés des affaires étrangères, du commerce, de l’éducation et de la communication.",
    "Deux ateliers de consultation ont réuni les organisations de la société civile à {city} et à {city2} en {year}, et un questionnaire a été adressé aux collectivités territoriales.",
)
FR_EMERGING = (
    "La pandémie de COVID-19 a mis en évidence la précarité des artistes et des professionnels de la culture ; des mesures d’urgence ont été prises en {year} et certaines ont été pérennisées.",
)
FR_CHALLENGES = (
    "Parmi les réalisations de la période figurent l’adoption d’une stratégie nationale des industries culturelles et la mise en place d’un cadre de concertation avec la société civile. Les défis concernent surtout le financement et la collecte de données.",
)
FR_PARTNERS = {
    "public_sector": (
        "Mairie de {city}",
        "Direction régionale de la Culture de {city}",
        "Office national du tourisme",
        "Ministère de l’Éducation nationale",
        "Bibliothèque nationale",
        "Université de {city}",
        "Radiodiffusion nationale",
    ),
    "private_sector": (
        "Imprimerie {word}",
        "Studio {word}",
        "{word} Productions SARL",
        "Banque {word}",
        "Société {word} Distribution",
    ),
    "civil_society": (
        "Association des éditeurs de {city}",
        "Collectif des artistes de {city}",
        "Fédération des associations culturelles",
        "Réseau des jeunes créateurs",
        "Association {word}",
        "Maison des jeunes de {city}",
    ),
}
FR_PARTNER_WORDS = (
    "Baobab",
    "Horizon",
    "Soleil",
    "Harmattan",
    "Karité",
    "Flamboyant",
    "Ravinala",
    "Lagune",
    "Étoile",
    "Tamarinier",
)

# --------------------------------------------------------------------------- Spanish pools

ES_THEMES = (
    Theme(
        "cultural_and_creative_sectors",
        "Fondo de Fomento a la Música Independiente",
        ("music",),
        "Dirección de Emprendimientos Culturales",
        "músicos y sellos independientes",
        "producciones discográficas",
        "la grabación, edición y difusión de su música",
    ),
    Theme(
        "cultural_and_creative_sectors",
        "Programa de Salas de Cine Comunitarias",
        ("cinema_audiovisual",),
        "Dirección de Cine y Audiovisual",
        "organizaciones comunitarias y municipios",
        "salas equipadas",
        "la exhibición de cine nacional y latinoamericano",
    ),
    Theme(
        "partnering_with_civil_society",
        "Red de Bibliotecas Comunitarias",
        ("publishing",),
        "Dirección de Libro y Lectura",
        "bibliotecas comunitarias",
        "préstamos de libros",
        "la promoción de la lectura en barrios y parroquias rurales",
    ),
    Theme(
        "flow_of_cultural_goods_and_services",
        "Sello de Calidad para Artesanía y Diseño",
        ("design", "visual_arts"),
        "Dirección de Artesanías y Diseño",
        "artesanos y diseñadores",
        "productos certificados",
        "la comercialización de sus productos en mercados nacionales e internacionales",
    ),
    Theme(
        "mobility_of_artists",
        "Residencias Artísticas Andinas",
        ("visual_arts",),
        "Dirección de Cooperación Cultural",
        "artistas visuales",
        "residencias",
        "el intercambio con artistas de países vecinos",
    ),
    Theme(
        "gender_equality",
        "Mujeres en las Artes Escénicas",
        ("performing_arts",),
        "Dirección de Artes Escénicas",
        "creadoras y gestoras",
        "obras estrenadas",
        "la dirección y producción de espectáculos",
    ),
    Theme(
        "digital_environment",
        "Plataforma Digital de Contenidos Culturales",
        ("multidomain",),
        "Dirección de Contenidos Digitales",
        "creadores y gestores culturales",
        "contenidos publicados",
        "la difusión en línea de sus obras",
    ),
)
ES_OPENERS = (
    "Creada en {year} por la {agency}, la medida «{title}» apoya a {benef} en {activity}.",
    "La medida, a cargo de la {agency} desde {year}, busca fortalecer a {benef} en {activity}.",
)
ES_MECHANICS = (
    "Las convocatorias se publican cada año y los proyectos son evaluados por un jurado de profesionales independientes.",
    "Se realizan talleres informativos en {city} y {city2} antes de cada convocatoria.",
    "Los beneficiarios presentan un informe final con los resultados y el detalle de los gastos.",
    "Se da prioridad a proyectos de jóvenes, mujeres, pueblos indígenas y comunidades rurales.",
    "El apoyo puede cubrir hasta el {pct} % del costo total del proyecto.",
)
ES_RESULTS = (
    "Entre {y1} y {y2}, {n1} {benef} recibieron apoyo y se concretaron {n2} {output}.",
    "Hasta la fecha, la medida ha llegado a {n1} {benef}; el {pct} % de ellos se encuentra fuera de {capital}.",
    "Las solicitudes pasaron de {a1} en {y1} a {a2} en {y2}.",
)
ES_CONCLUSIONS = (
    "La evaluación confirmó la pertinencia de la medida y recomendó simplificar los requisitos para las organizaciones pequeñas.",
    "Se recomienda ampliar la cobertura territorial y publicar cada año la lista de beneficiarios.",
    "El estudio recomendó mantener la medida y crear una línea específica para jóvenes creadores.",
)
ES_SUMMARY = (
    "El presente informe recoge las principales políticas y medidas adoptadas por {party} entre {y1} y {y2} para proteger y promover la diversidad de las expresiones culturales.",
    "Durante el período se priorizaron el fomento de las industrias culturales, la circulación de artistas en la región andina y la igualdad de género en el sector.",
    "Persisten desafíos en el financiamiento de la cultura y en la producción de datos sobre el sector.",
)
ES_PARTNERS = {
    "public_sector": (
        "Gobierno Autónomo Descentralizado de {city}",
        "Casa de la Cultura de {city}",
        "Ministerio de Educación",
        "Universidad Pública de {city}",
    ),
    "private_sector": (
        "{word} Records",
        "Productora {word}",
        "Editorial {word}",
        "Distribuidora {word}",
    ),
    "civil_society": (
        "Colectivo de Músicos de {city}",
        "Fundación {word}",
        "Red de Gestores Culturales",
        "Asociación de Artesanas de {city}",
    ),
    # written with the type `Other` (design.md §3: any type but the three -> `other`)
    "other": ("Universidad Andina de {city}", "Organismo Regional Andino de Cultura"),
}
ES_PARTNER_WORDS = ("Cóndor", "Pacha", "Chimborazo", "Guayacán", "Colibrí", "Mitad del Mundo")

# --------------------------------------------------------------------------- pools by language

POOLS = {
    "en": {
        "themes": EN_THEMES,
        "cso_themes": EN_CSO_THEMES,
        "openers": EN_OPENERS,
        "cso_openers": EN_CSO_OPENERS,
        "area_features": EN_AREA_FEATURES,
        "mechanics": EN_MECHANICS,
        "inclusion": EN_INCLUSION,
        "results": EN_RESULTS,
        "outcomes": EN_OUTCOMES,
        "conclusions": EN_CONCLUSIONS,
        "objectives": EN_OBJECTIVES,
        "expected": EN_EXPECTED,
        "budget_prose": EN_BUDGET_PROSE,
        "summary": EN_SUMMARY,
        "consultation": EN_CONSULTATION,
        "emerging": EN_EMERGING,
        "challenges": EN_CHALLENGES,
        "partners": EN_PARTNERS,
        "partner_words": PARTNER_WORDS,
    },
    "fr": {
        "themes": FR_THEMES,
        "cso_themes": FR_CSO_THEMES,
        "openers": FR_OPENERS,
        "cso_openers": FR_CSO_OPENERS,
        "area_features": FR_AREA_FEATURES,
        "mechanics": FR_MECHANICS,
        "inclusion": FR_INCLUSION,
        "results": FR_RESULTS,
        "outcomes": FR_OUTCOMES,
        "conclusions": FR_CONCLUSIONS,
        "objectives": (),
        "budget_prose": FR_BUDGET_PROSE,
        "summary": FR_SUMMARY,
        "consultation": FR_CONSULTATION,
        "emerging": FR_EMERGING,
        "challenges": FR_CHALLENGES,
        "partners": FR_PARTNERS,
        "partner_words": FR_PARTNER_WORDS,
    },
    "es": {
        "themes": ES_THEMES,
        "cso_themes": (),
        "openers": ES_OPENERS,
        "cso_openers": (),
        "area_features": {},
        "mechanics": ES_MECHANICS,
        "inclusion": (),
        "results": ES_RESULTS,
        "outcomes": (),
        "conclusions": ES_CONCLUSIONS,
        "objectives": (),
        "budget_prose": (),
        "summary": ES_SUMMARY,
        "consultation": (),
        "emerging": (),
        "challenges": (),
        "partners": ES_PARTNERS,
        "partner_words": ES_PARTNER_WORDS,
    },
}
