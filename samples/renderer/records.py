"""The original records (written for qpr) that the samples render besides the seed."""

from __future__ import annotations

from samples.renderer.labels import (
    CSO,
    EN,
    EN_PARTNER_HEADER,
    FR,
    FR_PARTNER_HEADER,
    GOAL_1_DASH,
    GOAL_2_DASH,
    GOAL_3_DASH,
    NBSP,
)
from samples.renderer.record import Items, Label, Line, Partners, Record, Title, Value, heading

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
