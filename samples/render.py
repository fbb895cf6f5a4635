# ruff: noqa: E501 -- prose sample texts and the HTML page template read better unwrapped)
"""Render the non-text sample documents (DOCX, PDF, HTML) from Python data, deterministically.

Run from the repository root:  .venv/bin/python samples/render.py
The seed record is read from samples/azerbaijan-civil-society-consultation.txt and rendered in all
three formats; the other records below are original texts written for qpr. Two runs write
identical bytes: fixed DOCX core properties and zip timestamps, reportlab's invariant mode.
"""

from __future__ import annotations

import datetime
import html
import io
import pathlib
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab import rl_config

rl_config.invariant = 1  # fixed creation date and document id: byte-stable PDFs

import docx  # noqa: E402
from docx.shared import Pt  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

SAMPLES = pathlib.Path(__file__).resolve().parent
SEED = SAMPLES / "azerbaijan-civil-society-consultation.txt"
NBSP = "\u00a0"
FIXED_TIME = datetime.datetime(2024, 1, 15, 9, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- record model


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Line:
    """An unlabelled line: agency, country, civil-society banner."""

    text: str


@dataclass(frozen=True)
class Label:
    """A field label. heading=True for colon-less block headings (Where, Goal(s) ..., Cultural Domain(s))."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class Value:
    """One paragraph of a field value."""

    text: str


@dataclass(frozen=True)
class Items:
    """A list of short values (goals, areas, domains): <ul> in HTML, one paragraph each elsewhere."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class Partners:
    header: tuple[str, str]
    rows: tuple[tuple[str, str], ...]


Element = Title | Line | Label | Value | Items | Partners


@dataclass(frozen=True)
class Record:
    name: str  # file stem
    elements: tuple[Element, ...]
    lang: str = "en"  # language of the HTML site chrome
    html_label_tag: str = (
        "strong"  # "strong" -> <p><strong>label</strong></p>, "h3" -> <h3>label</h3>
    )
    docx_title_style: str | None = None  # None -> bold run in a plain paragraph


def partner_table_style() -> TableStyle:
    """A ruled partner table with a shaded header row, as the platform's PDF export draws it."""
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )


def title_of(record: Record) -> str:
    for element in record.elements:
        if isinstance(element, Title):
            return element.text
    return ""


# --------------------------------------------------------------------------- the seed record


def read_seed() -> Record:
    """Rebuild the seed's structure from its text, so every value is the seed's own bytes."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    heading_prefixes = ("Objectif(s) de la Convention", "Domaines culturels")

    def is_label(line: str) -> bool:
        return line.endswith(NBSP) or line.startswith(heading_prefixes)

    assert lines[1] == "", "seed layout changed: expected a blank line after the title"
    elements: list[Element] = [Title(lines[0]), Line(lines[2])]
    index = 3
    while index < len(lines):
        line = lines[index]
        if line.startswith("Nom du partenaire"):
            # Flattened table header: the two column names are glued together.
            split = line.index("Type d")
            header = (line[:split], line[split:])
            rows: list[tuple[str, str]] = []
            index += 1
            while index + 1 < len(lines) and not is_label(lines[index]):
                rows.append((lines[index], lines[index + 1]))
                index += 2
            elements.append(Partners(header, tuple(rows)))
            continue
        if is_label(line):
            elements.append(Label(line, heading=not line.endswith(NBSP)))
        elif line:
            elements.append(Value(line))
        index += 1
    partners = [e for e in elements if isinstance(e, Partners)]
    assert len(partners) == 1 and len(partners[0].rows) == 5, "seed partner table not recognised"
    return Record(name=SEED.stem, elements=tuple(elements), lang="fr")


# --------------------------------------------------------------------------- labels

EN = {
    "description": "Describe the main features of the policy/measure:" + NBSP,
    "website": "Website of the policy/measure, if available:" + NBSP,
    "results": "What are the results achieved so far through the implementation of the policy/measure?:"
    + NBSP,
    "budget": "Financial resources allocated to the policy/measure in USD:" + NBSP,
    "partners": "Partner(s) engaged in the implementation of the measure:" + NBSP,
    "evaluated": "Has the implementation of the policy/measure been evaluated?:" + NBSP,
    "conclusions": "If yes, what are the main conclusions/recommendations?:" + NBSP,
    "goals": "Goal(s) of UNESCO's 2005 Convention",
    "areas": "Area(s) of Monitoring",
    "domains": "Cultural Domain(s)",
    "priorities": "Transversal Priority(ies)",
}
EN_PARTNER_HEADER = ("Name of partner", "Type of entity")

FR = {
    "description": "Décrivez les principales caractéristiques de la politique/mesure:" + NBSP,
    "website": "Site web de la politique/mesure, si possible:" + NBSP,
    "results": "Quels sont les résultats atteints jusqu’à présent grâce à la mise en œuvre de la politique/mesure ?:"
    + NBSP,
    "budget": "Ressources financières allouées à la politique/mesure en dollars américains:" + NBSP,
    "partners": "Partenaires engagés dans la mise en œuvre de la politique/mesure :" + NBSP,
    "evaluated": "La mise en œuvre de la politique/mesure a-t-elle été évaluée ?:" + NBSP,
    "conclusions": "Si oui, quelles sont les principales conclusions/recommandations ?:" + NBSP,
    "goals": "Objectif(s) de la Convention 2005 de l'UNESCO",
    "domains": "Domaines culturels",
}
FR_PARTNER_HEADER = ("Nom du partenaire", "Type d'entité")

CSO = "Civil Society Organization (CSO)"
GOAL_1_DASH = "Goal 1 – Support sustainable systems of governance for culture"
GOAL_2_DASH = (
    "Goal 2 – Achieve a balanced flow of cultural goods and services and increase the mobility "
    "of artists and cultural professionals"
)
GOAL_3_DASH = "Goal 3 – Integrate culture in sustainable development frameworks"


def heading(text: str) -> Label:
    return Label(text, heading=True)


# --------------------------------------------------------------------------- original records

EUROPEAN_UNION = Record(
    name="european-union-live-music-circulation",
    lang="en",
    html_label_tag="strong",
    elements=(
        Title("Pilot Scheme for the Cross-Border Circulation of Live Music"),
        heading("Where"),
        Value("European Union"),
        heading("When"),
        Value("2022"),
        heading("Who"),
        Value("European Commission – Directorate-General for Education, Youth, Sport and Culture"),
        Value("European Education and Culture Executive Agency"),
        Label(EN["description"]),
        Value(
            "The pilot scheme tests ways of helping artists and small music companies perform outside "
            "their home country, within the European Union and in neighbouring countries. It funds "
            "tours of at least three concerts in two or more countries other than the artist’s own, "
            "with priority for emerging acts, for repertoire in lesser-used languages and for tours "
            "that reach venues outside capital cities. Grants cover travel, the transport of "
            "instruments and equipment, and a share of the fees paid to local crew."
        ),
        Value(
            "Applicants are independent artists, ensembles and bands, and the agents, labels and "
            "promoters who work with them. Calls are published twice a year and assessed by panels of "
            "music professionals from different parts of Europe. Grantees report the emissions linked "
            "to their travel and are encouraged to go by rail wherever the journey allows it."
        ),
        Label(EN["website"]),
        Value("https://culture.ec.europa.eu/live-music-circulation-pilot"),
        Label(EN["results"]),
        Value(
            "Over two calls the pilot funded 312 tours by artists from 27 countries, which gave about "
            "2,100 concerts in 34 countries. A third of the tours included venues in towns of fewer "
            "than 50,000 inhabitants, and 38% of the funded acts perform mainly in a language other "
            "than English. Grantees travelled by train for 41% of their journeys."
        ),
        Label(EN["budget"]),
        Value("EUR 3,200,000"),
        Label(EN["partners"]),
        Partners(
            EN_PARTNER_HEADER,
            (
                ("European Music Exchange Network", CSO),
                ("", "Public Sector"),
                ("Live Venues Europe Association", CSO),
                ("Nordic Booking Agencies Alliance", ""),
            ),
        ),
        Label(EN["evaluated"]),
        Value("YES"),
        Label(EN["conclusions"]),
        Value(
            "The interim evaluation (2023) found strong demand, with five eligible applications for "
            "every grant, and confirmed that small grants with quick decisions suit the way music "
            "tours are planned. It recommended a permanent funding line, a lighter application form "
            "for first-time applicants, and closer cooperation with national music export offices "
            "to avoid double funding."
        ),
        heading(EN["goals"]),
        Items((GOAL_2_DASH,)),
        heading(EN["areas"]),
        Items(
            (
                "Mobility of artists and cultural professionals",
                "Flow of cultural goods and services",
            )
        ),
        heading(EN["domains"]),
        Items(("Music",)),
    ),
)

MEXICO = Record(
    name="mexico-radio-lenguas-indigenas",
    lang="es",
    html_label_tag="h3",
    elements=(
        Title("Red de Radios Comunitarias en Lenguas Indígenas"),
        heading("Dónde"),
        Value("México"),
        heading("When"),
        Value("2021"),
        heading("Quién"),
        Value("Instituto Mexicano de Radiodifusión Cultural"),
        Label(EN["description"]),
        Value(
            "La red apoya a las radios comunitarias que transmiten en lenguas indígenas con "
            "equipamiento, capacitación y producción de contenidos. Cada emisora recibe un transmisor "
            "de baja potencia, una cabina de grabación básica y acompañamiento técnico durante dos "
            "años. Las comunidades deciden su programación en asamblea y designan un comité "
            "responsable de la emisora."
        ),
        Value("Los talleres de formación abordan:"),
        Value("• producción de radio y edición de audio;"),
        Value("• derechos de autor y uso de la música de la comunidad;"),
        Value("• cobertura informativa en situaciones de emergencia."),
        Value(
            "Los programas producidos se comparten entre las emisoras a través de un archivo sonoro "
            "en línea, de modo que una radiorrevista grabada en maya puede escucharse también en "
            "otras regiones, acompañada de una presentación en español."
        ),
        Label(EN["results"]),
        Value(
            "Hasta 2023 se habían incorporado 46 emisoras que transmiten en 19 lenguas indígenas. Se "
            "capacitó a 380 comunicadores, de los cuales el 52 % son mujeres, y el archivo compartido "
            "reúne más de 4 000 programas."
        ),
        Label(EN["budget"]),
        Value("$ 3.500.000"),
        Label(EN["partners"]),
        Partners(
            EN_PARTNER_HEADER,
            (
                ("Colectivo de Comunicadores Indígenas del Sureste", CSO),
                ("Universidad Intercultural de la Montaña", "Public Sector"),
                ("Fundación Voces del Territorio", CSO),
            ),
        ),
        Label(EN["evaluated"]),
        Value("NO"),
        heading("Objetivo(s) de la Convención 2005 de la UNESCO"),
        Items(("Integrate culture in sustainable development frameworks",)),
        heading("Dominios culturales"),
        Items(("Medios de comunicación",)),
    ),
)

SOUTH_AFRICA = Record(
    name="south-africa-community-arts-centres",
    docx_title_style="Heading 1",
    elements=(
        Title("3. Community Arts Centres Revitalisation Programme"),
        Line("National Arts Development Agency"),
        Label(EN["description"]),
        Value(
            "The programme rehabilitates community arts centres that had fallen into disuse and gives "
            "them a sustainable operating model. Each selected centre receives capital funding for "
            "repairs and equipment and three years of operational support, on condition that a local "
            "management board is formed with artists, residents and the municipality."
        ),
        Value("Target groups:"),
        Value("* young people not in education, employment or training;"),
        Value("* practising artists and crafters living in the surrounding area;"),
        Value("* community organisations that need space for rehearsals and events."),
        Value(
            "Centres offer free or low-cost classes in music, dance, theatre, visual arts and crafts, "
            "rent studios to local artists at reduced rates, and host a yearly open programme that "
            "shows the work produced during the year."
        ),
        Label(EN["website"]),
        Value("https://www.nada-arts.org.za/community-arts-centres"),
        Label(EN["results"]),
        Value(
            "Twenty-two centres in seven provinces have reopened since 2020. Together they recorded "
            "about 48,000 attendances at classes and events in 2023 and provide studio space to 310 "
            "artists. Nine centres now earn at least a quarter of their running costs from rentals, "
            "events and the sale of work."
        ),
        Label(EN["budget"]),
        Value("287.340 USD"),
        Label(EN["partners"]),
        Partners(
            EN_PARTNER_HEADER,
            (
                ("Gauteng Community Arts Forum", CSO),
                ("", "Public Sector"),
                ("Township Makers Co-operative", "Private Sector"),
                ("Eastern Cape Heritage Trust", ""),
            ),
        ),
        Label(EN["evaluated"]),
        Value("YES"),
        Label(EN["conclusions"]),
        Value(
            "A 2023 review by an external consultant found that centres with an active management "
            "board kept their programmes running after the capital works ended, while two centres "
            "without one had closed again. It recommended training for board members, a shared "
            "booking and accounting system, and a small maintenance fund for each centre."
        ),
        heading(EN["goals"]),
        Value(GOAL_3_DASH),
        heading(EN["areas"]),
        Value("National sustainable development policies and plans"),
        heading(EN["domains"]),
        Value("Visual Arts"),
        Value("Performing Arts"),
    ),
)

BENIN = Record(
    name="benin-fonds-creation-musicale",
    lang="fr",
    elements=(
        Title("Fonds d’aide à la création et à la diffusion musicales"),
        Line("Agence béninoise de promotion des musiques"),
        Label(FR["description"]),
        Value(
            "Le fonds accorde des subventions aux artistes et aux groupes qui enregistrent un premier "
            "album ou préparent une tournée nationale. Il accorde une attention particulière aux "
            "musiques traditionnelles et aux créations qui associent instruments traditionnels et "
            "arrangements contemporains. Les dossiers sont examinés deux fois par an par une "
            "commission composée de musiciens, de producteurs et de représentants de "
            "l’administration. Les bénéficiaires s’engagent à donner au moins trois concerts dans des "
            "communes situées hors de Cotonou et de Porto-Novo et à déposer un exemplaire de leurs "
            "enregistrements auprès du bureau des droits d’auteur."
        ),
        Label(FR["results"]),
        Value(
            "En deux ans, le fonds a soutenu 54 projets, dont 21 enregistrements d’albums et 33 "
            "tournées. Plus de 160 concerts ont été donnés dans 41 communes, et la moitié des projets "
            "soutenus relevaient des musiques traditionnelles."
        ),
        Label(FR["budget"]),
        Value("48" + NBSP + "500"),
        Label(FR["partners"]),
        Partners(
            FR_PARTNER_HEADER,
            (
                ("Mairie de Porto-Novo", "SECTEUR PUBLIC"),
                ("Collectif des musiciens traditionnels du Zou", "OSC"),
                ("Studio Lagune Production SARL", "SECTEUR PRIVÉ"),
            ),
        ),
        Label(FR["evaluated"]),
        Value("Oui"),
        Label(FR["conclusions"]),
        Value(
            "Le rapport d’évaluation de 2023 recommande d’augmenter le montant des aides aux "
            "tournées, de publier les critères de sélection et de créer un volet de formation à la "
            "gestion de carrière pour les jeunes artistes."
        ),
        heading(FR["goals"]),
        Value("Soutenir des systèmes de gouvernance durables de la culture"),
        heading(FR["domains"]),
        Value("Musique"),
    ),
)

JAMAICA = Record(
    name="jamaica-music-heritage-digitisation",
    elements=(
        Title("National Music Heritage Digitisation Programme"),
        Label("b. Key objectives of the measure:"),
        Value(
            "To preserve Jamaica’s recorded music heritage, from mento and ska to reggae and "
            "dancehall, by digitising master tapes, acetates and vinyl held in public and private "
            "collections; to document the rights attached to each recording; and to create income "
            "for rights holders by licensing the digitised catalogue."
        ),
        Label("c.1. Scope of the measure:"),
        Value("National, International"),
        Label("c.2. Nature of the measure:"),
        Value("financial, institutional"),
        Label("c.3. Main feature of the measure:"),
        Value(
            "The programme funds a digitisation laboratory in Kingston staffed by trained archivists "
            "and sound engineers. Owners of collections, including studios, radio stations, churches "
            "and private collectors, deposit their recordings for transfer and receive digital "
            "copies free of charge. In return, they agree that a preservation copy is kept by the "
            "national archive. A rights desk traces producers, composers and performers, and a "
            "licensing office markets the cleared recordings to film, television, advertising and "
            "streaming services. Young sound engineers are trained through paid internships in the "
            "laboratory."
        ),
        Label("e. Results expected through the implementation of the measure:"),
        Value(
            "Digitisation of some 20,000 recordings over five years, a public online catalogue with "
            "listening excerpts, rights information for at least half of the digitised titles, and "
            "new licensing income for Jamaican rights holders."
        ),
        Label("f.1 Name of agency responsible for the implementation of the measure"),
        Value("Jamaica Heritage Sound Archive"),
        Label("f.2 Financial resources allocated to implement the measure:"),
        Value(
            "They vary each year, depending on the allocation approved in the national budget for culture."
        ),
        Label("i. Has the implementation of the measure been evaluated?"),
        Value("No"),
    ),
)

MONGOLIA = Record(
    name="mongolia-documentary-film-lab",
    elements=(
        Title("Documentary Film Lab for Young Filmmakers"),
        heading("Where"),
        Value("Mongolia"),
        heading("When"),
        Value("2021"),
        heading("Who"),
        Value("National Film Development Agency"),
        Label(EN["description"]),
        Value(
            "The Documentary Film Lab is a ten-month training and production programme for "
            "filmmakers under 35 from the capital and from the aimags. Each year twelve participants "
            "are selected on the basis of a short treatment and a sample of earlier work. The "
            "programme opens with an intensive month of workshops on documentary research, ethics, "
            "camera and sound, led by Mongolian and foreign tutors. Participants then shoot their "
            "films in their home provinces, with remote mentoring and two editing residencies in "
            "Ulaanbaatar. Subjects have included nomadic herding under a changing climate, the "
            "revival of the traditional script, and the lives of miners’ families in the Gobi. The "
            "lab lends equipment, pays a production grant for each film and gives legal advice on "
            "releases and archive footage. Finished films premiere at a national screening week and "
            "are offered free of charge to public television and to schools. Participants keep the "
            "rights to their films and are helped to submit them to international festivals and "
            "co-production markets."
        ),
        Label(EN["website"]),
        Value("https://www.filmagency.mn/doclab"),
        Label(EN["results"]),
        Value(
            "Three editions have produced 34 short and medium-length documentaries, 15 of them "
            "directed by women. Nine films were selected by international festivals, two won awards, "
            "and public television has broadcast 21 of the films. Four alumni have since obtained "
            "international co-production funding for feature-length projects."
        ),
        Label(EN["budget"]),
        Label(EN["partners"]),
        Partners(
            EN_PARTNER_HEADER,
            (
                ("Mongolian Public Broadcaster", "Public Sector"),
                ("Steppe Documentary Association", CSO),
                ("Blue Sky Post-Production LLC", "Private Sector"),
            ),
        ),
        Label(EN["evaluated"]),
        Value("YES"),
        Label(EN["conclusions"]),
        Value(
            "An evaluation after the third edition recommended longer editing residencies, a new "
            "module on distribution and audiences, and places reserved for participants with "
            "disabilities."
        ),
        heading(EN["goals"]),
        Value(GOAL_1_DASH),
        heading(EN["areas"]),
        Value("Cultural and creative sectors"),
        heading(EN["domains"]),
        Value("Cinema/Audiovisual arts"),
        heading(EN["priorities"]),
        Value("Youth"),
    ),
)


# --------------------------------------------------------------------------- DOCX


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with sorted members and fixed timestamps/attributes ([Content_Types].xml sorts first)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def render_docx(record: Record, path: pathlib.Path) -> None:
    document = docx.Document()
    properties = document.core_properties
    properties.author = "Periodic report team"
    properties.last_modified_by = "Periodic report team"
    properties.title = title_of(record)
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    properties.revision = 1
    for element in record.elements:
        if isinstance(element, Title):
            if record.docx_title_style:
                document.add_paragraph(element.text, style=record.docx_title_style)
            else:
                run = document.add_paragraph().add_run(element.text)
                run.bold = True
                run.font.size = Pt(14)
        elif isinstance(element, Label):
            document.add_paragraph().add_run(element.text).bold = True
        elif isinstance(element, (Line, Value)):
            document.add_paragraph(element.text)
        elif isinstance(element, Items):
            for value in element.values:
                document.add_paragraph(value)
        elif isinstance(element, Partners):
            table = document.add_table(rows=1 + len(element.rows), cols=2)
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, element.header, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            for row, (name, entity_type) in zip(table.rows[1:], element.rows, strict=True):
                if name:
                    row.cells[0].paragraphs[0].add_run(name)
                if entity_type:
                    row.cells[1].paragraphs[0].add_run(entity_type)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))


# --------------------------------------------------------------------------- PDF

FONT_CANDIDATES = (
    # DejaVu has every accented letter, ’ and œ; reportlab's bundled Vera (same design) is the fallback.
    (
        pathlib.Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        pathlib.Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (
        pathlib.Path(rl_config.__file__).parent / "fonts" / "Vera.ttf",
        pathlib.Path(rl_config.__file__).parent / "fonts" / "VeraBd.ttf",
    ),
)


def register_fonts() -> tuple[str, str]:
    for regular, bold in FONT_CANDIDATES:
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("SampleSans", str(regular)))
            pdfmetrics.registerFont(TTFont("SampleSans-Bold", str(bold)))
            pdfmetrics.registerFontFamily(
                "SampleSans",
                normal="SampleSans",
                bold="SampleSans-Bold",
                italic="SampleSans",
                boldItalic="SampleSans-Bold",
            )
            return "SampleSans", "SampleSans-Bold"
    raise SystemExit("no TrueType font with accented letters found (DejaVuSans or Vera)")


def render_pdf(record: Record, path: pathlib.Path) -> None:
    regular, bold = register_fonts()
    title_style = ParagraphStyle("title", fontName=bold, fontSize=14, leading=18, spaceAfter=8)
    label_style = ParagraphStyle(
        "label", fontName=bold, fontSize=10, leading=13, spaceBefore=8, spaceAfter=2
    )
    value_style = ParagraphStyle("value", fontName=regular, fontSize=10, leading=13, spaceAfter=3)
    cell_style = ParagraphStyle("cell", fontName=regular, fontSize=9.5, leading=12)
    head_style = ParagraphStyle("head", fontName=bold, fontSize=9.5, leading=12)

    story: list = []
    for element in record.elements:
        if isinstance(element, Title):
            story.append(Paragraph(xml_escape(element.text), title_style))
        elif isinstance(element, Label):
            story.append(Paragraph(xml_escape(element.text), label_style))
        elif isinstance(element, (Line, Value)):
            story.append(Paragraph(xml_escape(element.text), value_style))
        elif isinstance(element, Items):
            for value in element.values:
                story.append(Paragraph(xml_escape(value), value_style))
        elif isinstance(element, Partners):
            data = [[Paragraph(xml_escape(text), head_style) for text in element.header]]
            for name, entity_type in element.rows:
                data.append(
                    [
                        Paragraph(xml_escape(name), cell_style),
                        Paragraph(xml_escape(entity_type), cell_style),
                    ]
                )
            table = Table(data, colWidths=[9 * cm, 7 * cm], repeatRows=1)
            table.setStyle(partner_table_style())
            story.extend([Spacer(1, 3), table, Spacer(1, 3)])
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=title_of(record),
        author="Periodic report team",
        subject="Quadrennial periodic report – policy/measure",
        creator="qpr samples/render.py",
    )
    document.build(story)


# --------------------------------------------------------------------------- HTML

CHROME: dict[str, dict[str, Any]] = {
    "en": {
        "site": "Diversity of Cultural Expressions",
        "nav": (
            "Home",
            "Policy Monitoring Platform",
            "Periodic reports",
            "International Fund",
            "News",
        ),
        "crumb": "Policies and measures",
        "cookie": "This website uses cookies to give you the best experience. By continuing to browse "
        "the site, you agree to our use of cookies.",
        "accept": "Accept",
        "more": "Learn more",
        "share": "Share this page",
        "top": "Back to top",
        "legal": ("Terms of use", "Privacy policy", "Contact us", "Accessibility"),
    },
    "fr": {
        "site": "Diversité des expressions culturelles",
        "nav": (
            "Accueil",
            "Plateforme de suivi des politiques",
            "Rapports périodiques",
            "Fonds international",
            "Actualités",
        ),
        "crumb": "Politiques et mesures",
        "cookie": "Ce site utilise des cookies pour vous offrir la meilleure expérience. En poursuivant "
        "votre navigation, vous acceptez leur utilisation.",
        "accept": "Accepter",
        "more": "En savoir plus",
        "share": "Partager cette page",
        "top": "Haut de page",
        "legal": (
            "Conditions d’utilisation",
            "Politique de confidentialité",
            "Contact",
            "Accessibilité",
        ),
    },
    "es": {
        "site": "Diversidad de las expresiones culturales",
        "nav": (
            "Inicio",
            "Plataforma de seguimiento de políticas",
            "Informes periódicos",
            "Fondo Internacional",
            "Noticias",
        ),
        "crumb": "Políticas y medidas",
        "cookie": "Este sitio utiliza cookies para ofrecerle la mejor experiencia. Al continuar navegando, "
        "acepta su uso.",
        "accept": "Aceptar",
        "more": "Más información",
        "share": "Compartir esta página",
        "top": "Volver arriba",
        "legal": ("Condiciones de uso", "Política de privacidad", "Contacto", "Accesibilidad"),
    },
}
NAV_PATHS = ("/", "/policy-monitoring-platform", "/periodic-reports", "/ifcd", "/news")
LEGAL_PATHS = ("/terms", "/privacy", "/contact", "/accessibility")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def html_value(text: str) -> str:
    if text.startswith(("http://", "https://", "www.")):
        href = text if text.startswith("http") else "https://" + text
        return f'<p><a href="{esc(href)}" target="_blank" rel="noopener">{esc(text)}</a></p>'
    return f"<p>{esc(text)}</p>"


def render_html(record: Record, path: pathlib.Path) -> None:
    chrome = CHROME[record.lang]
    title = title_of(record)
    nav = "\n".join(
        f'        <li><a href="/{record.lang}{href}">{esc(text)}</a></li>'
        for text, href in zip(chrome["nav"], NAV_PATHS, strict=True)
    )
    legal = "\n".join(
        f'      <li><a href="/{record.lang}{href}">{esc(text)}</a></li>'
        for text, href in zip(chrome["legal"], LEGAL_PATHS, strict=True)
    )
    body: list[str] = []
    for element in record.elements:
        if isinstance(element, Title):
            body.append(f"<h1>{esc(element.text)}</h1>")
        elif isinstance(element, Line):
            body.append(f'<p class="field-agency">{esc(element.text)}</p>')
        elif isinstance(element, Label):
            if element.heading or record.html_label_tag == "h3":
                body.append(f"<h3>{esc(element.text)}</h3>")
            else:
                body.append(f"<p><strong>{esc(element.text)}</strong></p>")
        elif isinstance(element, Value):
            body.append(html_value(element.text))
        elif isinstance(element, Items):
            items = "".join(f"<li>{esc(value)}</li>" for value in element.values)
            body.append(f'<ul class="field-items">{items}</ul>')
        elif isinstance(element, Partners):
            rows = [
                '<table class="partners">',
                "  <thead><tr>"
                + "".join(f"<th>{esc(text)}</th>" for text in element.header)
                + "</tr></thead>",
                "  <tbody>",
            ]
            for name, entity_type in element.rows:
                rows.append(f"    <tr><td>{esc(name)}</td><td>{esc(entity_type)}</td></tr>")
            rows += ["  </tbody>", "</table>"]
            body.extend(rows)
    article = "\n".join("      " + line for line in body)
    page = f"""<!DOCTYPE html>
<html lang="{record.lang}" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)} | {esc(chrome["site"])}</title>
  <link rel="stylesheet" href="/themes/custom/dce/css/style.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="page-node-type-policy-measure">
  <a href="#main-content" class="visually-hidden focusable">Skip to main content</a>
  <header class="site-header" id="top">
    <a class="site-logo" href="/{record.lang}"><img src="/themes/custom/dce/logo.svg" alt="UNESCO"> {esc(chrome["site"])}</a>
    <nav class="main-menu" aria-label="Main">
      <ul>
{nav}
      </ul>
    </nav>
    <ul class="language-switcher">
      <li><a href="/en" hreflang="en">English</a></li>
      <li><a href="/fr" hreflang="fr">Français</a></li>
      <li><a href="/es" hreflang="es">Español</a></li>
    </ul>
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol><li><a href="/{record.lang}">{esc(chrome["nav"][0])}</a></li><li><a href="/{record.lang}/policy-monitoring-platform">{esc(chrome["nav"][1])}</a></li><li>{esc(chrome["crumb"])}</li></ol>
    </nav>
    <div class="cookie-banner" role="dialog" aria-live="polite">
      <p>{esc(chrome["cookie"])}</p>
      <button type="button" class="cookie-accept">{esc(chrome["accept"])}</button>
      <a href="/{record.lang}/privacy">{esc(chrome["more"])}</a>
    </div>
  </header>
  <main id="main-content" role="main">
    <article class="policy-measure">
{article}
    </article>
  </main>
  <footer class="site-footer">
    <div class="share">
      <p>{esc(chrome["share"])}</p>
      <ul><li><a href="https://www.facebook.com/sharer">Facebook</a></li><li><a href="https://twitter.com/intent/tweet">X</a></li><li><a href="https://www.linkedin.com/shareArticle">LinkedIn</a></li></ul>
    </div>
    <p><a href="#top">{esc(chrome["top"])}</a></p>
    <ul class="legal">
{legal}
    </ul>
    <p>© UNESCO 2024</p>
  </footer>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------- main

RENDERINGS: tuple[tuple[Record, str], ...] = (
    (EUROPEAN_UNION, "html"),
    (MEXICO, "html"),
    (SOUTH_AFRICA, "docx"),
    (BENIN, "docx"),
    (JAMAICA, "pdf"),
    (MONGOLIA, "pdf"),
)
RENDERERS = {"docx": render_docx, "pdf": render_pdf, "html": render_html}


def main() -> None:
    seed = read_seed()
    jobs = [(seed, "docx"), (seed, "pdf"), (seed, "html"), *RENDERINGS]
    for record, fmt in jobs:
        path = SAMPLES / f"{record.name}.{fmt}"
        RENDERERS[fmt](record, path)
        print(f"wrote {path.relative_to(SAMPLES.parent)}")


if __name__ == "__main__":
    main()
