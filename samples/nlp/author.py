"""Authoring script for the hand-annotated NLP gold set (see README.md in this folder).

The texts below are original, and every mention was chosen by hand by reading them. This script
only locates each chosen mention string in its text to compute character offsets. It never
decides what is an entity.

A mention is written (LABEL, "exact string") or (LABEL, "exact string", n):
  * without n: the first occurrence of the string at or after the end of the previous mention,
    with no letter or digit directly around it (so mentions are listed in reading order);
  * with n: the n-th occurrence (1-based) of the string in the whole text.

    python3 samples/nlp/author.py            # write gold-en.jsonl, gold-fr.jsonl, gold-es.jsonl
    python3 samples/nlp/author.py --show     # print fields with [LABEL mention] brackets
    python3 samples/nlp/author.py --lint     # list capitalised words/years/currencies left out

Stdlib only. Output is byte-stable (sorted data, fixed key order, ensure_ascii=False, LF).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"ORG", "PLACE", "DATE", "MONEY", "LAW"}
FIELDS = ("description", "results", "conclusions")

ORG, PLACE, DATE, MONEY, LAW = "ORG", "PLACE", "DATE", "MONEY", "LAW"
NBSP = "\u00a0"


def T(s: str) -> str:
    """A field text: drop the first and last newline of a triple-quoted block."""
    return s.strip("\n")


# ---------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------

EN = [
    {
        "measure": "en-01",  # Kenya: County Film Production Fund
        "description": (
            T("""
The County Film Production Fund was established in March 2021 under the Creative Economy Act No. 14 of 2020 by the Ministry of Culture, Heritage and Creative Industries, in partnership with the Kenya Film and Television Board (KFTB) and the Council of County Culture Officers. It finances short films, documentaries and web series produced outside Nairobi, with priority given to Kisumu, Eldoret, Garissa and the coastal counties of Mombasa, Kilifi and Lamu. Grants range from KES 500,000 to KES 3 million per project, and producers must secure at least 10% of the budget from their own resources or a private partner.
Applications are reviewed twice a year, in April and October, by a panel that includes representatives of the Kenya Association of Film Producers (KAFP), the Kilifi Institute of Media Arts and the Pwani Creative Hub. Since 2022, KFTB has also lent camera and sound equipment through its regional office in Kisumu.
The fund received an initial allocation of KES 120 million (about USD 1.05 million) for the 2021/22 financial year, topped up by a EUR 400,000 grant from the European Union.
"""),
            [
                (ORG, "County Film Production Fund"),
                (DATE, "March 2021"),
                (LAW, "Creative Economy Act No. 14 of 2020"),
                (ORG, "Ministry of Culture, Heritage and Creative Industries"),
                (ORG, "Kenya Film and Television Board"),
                (ORG, "KFTB"),
                (ORG, "Council of County Culture Officers"),
                (PLACE, "Nairobi"),
                (PLACE, "Kisumu"),
                (PLACE, "Eldoret"),
                (PLACE, "Garissa"),
                (PLACE, "Mombasa"),
                (PLACE, "Kilifi"),
                (PLACE, "Lamu"),
                (MONEY, "KES 500,000"),
                (MONEY, "KES 3 million"),
                (DATE, "April"),
                (DATE, "October"),
                (ORG, "Kenya Association of Film Producers"),
                (ORG, "KAFP"),
                (ORG, "Kilifi Institute of Media Arts"),
                (ORG, "Pwani Creative Hub"),
                (DATE, "2022"),
                (ORG, "KFTB"),
                (PLACE, "Kisumu"),
                (MONEY, "KES 120 million"),
                (MONEY, "USD 1.05 million"),
                (DATE, "2021/22"),
                (MONEY, "EUR 400,000"),
                (ORG, "European Union"),
            ],
        ),
        "results": (
            T("""
By December 2023 the fund had supported 64 productions in 19 counties and disbursed KES 98.4 million. Twelve films were selected by festivals abroad, including the Lake Victoria Film Days in Kampala and the Indian Ocean Screen Festival in Zanzibar, and "Salt and Stone", shot in Lamu, won the audience award at the Great Rift Documentary Festival in July 2023. Productions created about 1,100 temporary jobs, 41% of them held by women, and distributors in Nairobi and Dar es Salaam paid US$ 230,000 for broadcast and streaming rights.
"""),
            [
                (DATE, "December 2023"),
                (MONEY, "KES 98.4 million"),
                (ORG, "Lake Victoria Film Days"),
                (PLACE, "Kampala"),
                (ORG, "Indian Ocean Screen Festival"),
                (PLACE, "Zanzibar"),
                (PLACE, "Lamu"),
                (ORG, "Great Rift Documentary Festival"),
                (DATE, "July 2023"),
                (PLACE, "Nairobi"),
                (PLACE, "Dar es Salaam"),
                (MONEY, "US$ 230,000"),
            ],
        ),
        "conclusions": (
            T("""
An external review by the Kenya Institute for Cultural Policy Research, completed in February 2024, found that the share of productions made outside Nairobi rose from 22% in 2020 to 39% in 2023. It recommends multi-year grants of up to KES 10 million, a dedicated window for Turkana and Marsabit, and closer cooperation between KFTB and county governments on location permits.
"""),
            [
                (ORG, "Kenya Institute for Cultural Policy Research"),
                (DATE, "February 2024"),
                (PLACE, "Nairobi"),
                (DATE, "2020"),
                (DATE, "2023"),
                (MONEY, "KES 10 million"),
                (PLACE, "Turkana"),
                (PLACE, "Marsabit"),
                (ORG, "KFTB"),
            ],
        ),
    },
    {
        "measure": "en-02",  # Ghana: Music Export Desk
        "description": (
            T("""
Launched on 1 July 2020, the Music Export Desk is run by the Creative Arts Agency of Ghana (CAAG) under the Ministry of Tourism, Arts and Culture, with technical support from the Ghana Union of Performing Musicians (GUPM) and the Accra Chamber of Commerce. The desk helps artists and independent labels from Accra, Kumasi, Tamale and Cape Coast to reach markets in West Africa, Europe and North America. It provides:
• travel grants of up to GHS 45,000 for showcase festivals such as the Lagos Sound Summit and the Rotterdam World Music Days;
• legal advice on contracts and collective management, delivered with the Kwame Nkrumah Institute of Music Business;
• a catalogue of Ghanaian artists shared with promoters in Nigeria, Côte d'Ivoire, the United Kingdom and Germany.
The desk's annual budget rose from GHS 2.1 million in 2020 to GHS 3.8m in 2023. In September 2022 CAAG signed a memorandum of understanding with the Francophone Music Bureau in Abidjan to co-fund twenty tours a year from a common pot of USD 300,000. The desk is also Ghana's focal point for preferential treatment under Article 16 of the 2005 Convention.
"""),
            [
                (DATE, "1 July 2020"),
                (ORG, "Music Export Desk"),
                (ORG, "Creative Arts Agency of Ghana"),
                (ORG, "CAAG"),
                (ORG, "Ministry of Tourism, Arts and Culture"),
                (ORG, "Ghana Union of Performing Musicians"),
                (ORG, "GUPM"),
                (ORG, "Accra Chamber of Commerce"),
                (PLACE, "Accra"),
                (PLACE, "Kumasi"),
                (PLACE, "Tamale"),
                (PLACE, "Cape Coast"),
                (PLACE, "West Africa"),
                (PLACE, "Europe"),
                (PLACE, "North America"),
                (MONEY, "GHS 45,000"),
                (ORG, "Lagos Sound Summit"),
                (ORG, "Rotterdam World Music Days"),
                (ORG, "Kwame Nkrumah Institute of Music Business"),
                (PLACE, "Nigeria"),
                (PLACE, "Côte d'Ivoire"),
                (PLACE, "United Kingdom"),
                (PLACE, "Germany"),
                (MONEY, "GHS 2.1 million"),
                (DATE, "2020"),
                (MONEY, "GHS 3.8m"),
                (DATE, "2023"),
                (DATE, "September 2022"),
                (ORG, "CAAG"),
                (ORG, "Francophone Music Bureau"),
                (PLACE, "Abidjan"),
                (MONEY, "USD 300,000"),
                (PLACE, "Ghana"),
                (LAW, "2005 Convention"),
            ],
        ),
        "results": (
            T("""
Between 2020 and 2023, 212 artists received travel grants and 37 labels signed distribution deals abroad. Export revenues declared by grantees reached USD 4.6 million in 2023, against USD 1.2 million in 2019. Supported artists performed at 58 festivals in 23 countries, including the Rotterdam World Music Days in November 2021 and 2022. GUPM estimates that every cedi invested by the desk generated GHS 3.40 in fees and royalties for its members.
"""),
            [
                (DATE, "2020 and 2023"),
                (MONEY, "USD 4.6 million"),
                (DATE, "2023"),
                (MONEY, "USD 1.2 million"),
                (DATE, "2019"),
                (ORG, "Rotterdam World Music Days"),
                (DATE, "November 2021"),
                (DATE, "2022"),
                (ORG, "GUPM"),
                (MONEY, "GHS 3.40"),
            ],
        ),
    },
    {
        "measure": "en-03",  # Canada: Northern Indigenous Publishing Fund
        "description": (
            T("""
The Northern Indigenous Publishing Fund supports books, magazines and digital publications in Inuktitut, Cree, Dene and other Indigenous languages. It was created in April 2019 and is administered by the Northern Arts and Letters Council (NALC), an arm's-length agency based in Yellowknife, with advice from the Inuit Writers' Circle and the First Nations Publishers Association of Canada (FNPAC).
The fund has three components:
1. creation grants of CAD 5,000 to 25,000 for writers, translators and illustrators;
2. publishing grants of up to $80,000 per title for presses based in Nunavut, the Northwest Territories, Yukon, Nunavik or northern Manitoba;
3. distribution support for community libraries, schools and the Iqaluit Book Fair.
From 2019 to 2023 the federal contribution was CAD 2.4 million per year. The Government of Nunavut and the Yukon Arts Foundation added C$650,000 over the same period, and Laurentian Paper Ltd. supplies paper at cost.
"""),
            [
                (ORG, "Northern Indigenous Publishing Fund"),
                (DATE, "April 2019"),
                (ORG, "Northern Arts and Letters Council"),
                (ORG, "NALC"),
                (PLACE, "Yellowknife"),
                (ORG, "Inuit Writers' Circle"),
                (ORG, "First Nations Publishers Association of Canada"),
                (ORG, "FNPAC"),
                (MONEY, "CAD 5,000 to 25,000"),
                (MONEY, "$80,000"),
                (PLACE, "Nunavut"),
                (PLACE, "Northwest Territories"),
                (PLACE, "Yukon"),
                (PLACE, "Nunavik"),
                (PLACE, "Manitoba"),
                (ORG, "Iqaluit Book Fair"),
                (DATE, "2019 to 2023"),
                (MONEY, "CAD 2.4 million"),
                (ORG, "Government of Nunavut"),
                (ORG, "Yukon Arts Foundation"),
                (MONEY, "C$650,000"),
                (ORG, "Laurentian Paper Ltd."),
            ],
        ),
        "results": (
            T("""
Since 2019 the fund has supported 146 titles, 61 of them in Inuktitut, and helped to set up nine community presses, four of them in Nunavik. Sales of supported books reached CAD 1.3 million by March 2024, and translation rights were sold to publishers in Greenland, Norway and Finland for a total of EUR 48,000. The 2023 Iqaluit Book Fair attracted 4,800 visitors, and NALC distributed 12,000 free copies to schools in Rankin Inlet, Cambridge Bay and Inuvik.
"""),
            [
                (DATE, "2019"),
                (PLACE, "Nunavik"),
                (MONEY, "CAD 1.3 million"),
                (DATE, "March 2024"),
                (PLACE, "Greenland"),
                (PLACE, "Norway"),
                (PLACE, "Finland"),
                (MONEY, "EUR 48,000"),
                (DATE, "2023"),
                (ORG, "Iqaluit Book Fair"),
                (ORG, "NALC"),
                (PLACE, "Rankin Inlet"),
                (PLACE, "Cambridge Bay"),
                (PLACE, "Inuvik"),
            ],
        ),
        "conclusions": (
            T("""
An evaluation carried out for NALC by Carleton Research Associates in 2023 recommends indexing grants to northern freight costs, which rose by 35% between 2019 and 2022, and opening a window for audiobooks with the Inuit Broadcasting Network, with a first envelope of CAD 300,000 in 2025-2026.
"""),
            [
                (ORG, "NALC"),
                (ORG, "Carleton Research Associates"),
                (DATE, "2023"),
                (DATE, "2019 and 2022"),
                (ORG, "Inuit Broadcasting Network"),
                (MONEY, "CAD 300,000"),
                (DATE, "2025-2026"),
            ],
        ),
    },
    {
        "measure": "en-04",  # South Africa: Live Venues Recovery Programme
        "description": (
            T("""
Introduced in August 2020 under Government Notice No. 1127 of 2020, the Live Venues Recovery Programme helps small music venues in townships and rural towns to reopen safely and rebuild their audiences after the COVID-19 closures. It is funded by the Department of Arts, Culture and Heritage and managed by the National Arts Trust of South Africa (NATSA), with the South African Live Music Venues Association (SALMVA) acting as the link to venue owners.
Venues in Soweto, Khayelitsha, Umlazi, Mthatha and Polokwane were prioritised in the first round. Each venue can receive a recovery grant of R150 000 and a further ZAR 250 000 for sound equipment, accessibility works or fire-safety upgrades. The programme also guarantees musicians a minimum fee of R1 200 per performance at supported venues, a rate negotiated with the Musicians' Guild of the Western Cape.
A second round worth R42 million opened on 15 February 2022 and extended eligibility to the Northern Cape and Limpopo.
"""),
            [
                (DATE, "August 2020"),
                (LAW, "Government Notice No. 1127 of 2020"),
                (ORG, "Department of Arts, Culture and Heritage"),
                (ORG, "National Arts Trust of South Africa"),
                (ORG, "NATSA"),
                (ORG, "South African Live Music Venues Association"),
                (ORG, "SALMVA"),
                (PLACE, "Soweto"),
                (PLACE, "Khayelitsha"),
                (PLACE, "Umlazi"),
                (PLACE, "Mthatha"),
                (PLACE, "Polokwane"),
                (MONEY, "R150 000"),
                (MONEY, "ZAR 250 000"),
                (MONEY, "R1 200"),
                (ORG, "Musicians' Guild of the Western Cape"),
                (MONEY, "R42 million"),
                (DATE, "15 February 2022"),
                (PLACE, "Northern Cape"),
                (PLACE, "Limpopo"),
            ],
        ),
        "results": (
            T("""
By the end of 2023, 318 venues in all nine provinces had received support, and 271 of them were still open in January 2024. Supported venues hosted about 14,500 concerts and paid R63.7 million in fees to musicians. SALMVA counted 1.9 million tickets sold in 2023, against 0.8 million in 2021. The Soweto Jazz Homecoming, revived in 2022 with a NATSA grant of R2.5m, drew visitors from Gauteng, Eswatini and Botswana, and a partnership with Mzansi Mobile Money (Pty) Ltd brought in a further ZAR 1.1 million in sponsorship.
"""),
            [
                (DATE, "end of 2023"),
                (DATE, "January 2024"),
                (MONEY, "R63.7 million"),
                (ORG, "SALMVA"),
                (DATE, "2023"),
                (DATE, "2021"),
                (ORG, "Soweto Jazz Homecoming"),
                (DATE, "2022"),
                (ORG, "NATSA"),
                (MONEY, "R2.5m"),
                (PLACE, "Gauteng"),
                (PLACE, "Eswatini"),
                (PLACE, "Botswana"),
                (ORG, "Mzansi Mobile Money (Pty) Ltd"),
                (MONEY, "ZAR 1.1 million"),
            ],
        ),
        "conclusions": (
            T("""
A review by the Karoo Institute for Arts Research in March 2024 recommends making the programme permanent, with an annual budget of at least R80 million, and reserving a third of the grants for venues run by women and by young promoters in the Eastern Cape and KwaZulu-Natal.
"""),
            [
                (ORG, "Karoo Institute for Arts Research"),
                (DATE, "March 2024"),
                (MONEY, "R80 million"),
                (PLACE, "Eastern Cape"),
                (PLACE, "KwaZulu-Natal"),
            ],
        ),
    },
    {
        "measure": "en-05",  # Australia: Desert Art Centres Market Access Initiative
        "description": (
            T("""
The Desert Art Centres Market Access Initiative connects Aboriginal-owned art centres in remote communities with galleries, collectors and online buyers. It was set up in 2018 by the Office for the Arts and Creative Industries (OACI) and is delivered by the Remote Art Centres Alliance (RACA), a not-for-profit body based in Alice Springs that represents 46 art centres in the Northern Territory, Western Australia and South Australia.
The initiative funds:
- participation in art fairs such as the Darwin Indigenous Art Fair and the Melbourne Art Week;
- certified provenance labels, developed with the University of the Red Centre, to fight imitation 'Aboriginal-style' products;
- freight and insurance for works shipped to buyers in Singapore, Japan and the United States.
Total funding was AUD 6.8 million for 2018-2022 and A$2.1m for the 2023–24 financial year. Qantara Freight Pty Ltd contributes discounted air freight worth about $180,000 a year.
"""),
            [
                (DATE, "2018"),
                (ORG, "Office for the Arts and Creative Industries"),
                (ORG, "OACI"),
                (ORG, "Remote Art Centres Alliance"),
                (ORG, "RACA"),
                (PLACE, "Alice Springs"),
                (PLACE, "Northern Territory"),
                (PLACE, "Western Australia"),
                (PLACE, "South Australia"),
                (ORG, "Darwin Indigenous Art Fair"),
                (ORG, "Melbourne Art Week"),
                (ORG, "University of the Red Centre"),
                (PLACE, "Singapore"),
                (PLACE, "Japan"),
                (PLACE, "United States"),
                (MONEY, "AUD 6.8 million"),
                (DATE, "2018-2022"),
                (MONEY, "A$2.1m"),
                (DATE, "2023–24"),
                (ORG, "Qantara Freight Pty Ltd"),
                (MONEY, "$180,000"),
            ],
        ),
        "results": (
            T("""
Art centre sales through the initiative grew from AUD 9.3 million in 2018 to AUD 17.6 million in 2023, and about 70% of that income went directly to artists. RACA issued 21,400 provenance labels and took part in 31 fairs, including the Hong Kong Contemporary Art Fair in March 2023. Online sales to buyers outside Australia reached US$1.4 million in 2023, mostly in the United States and Germany.
"""),
            [
                (MONEY, "AUD 9.3 million"),
                (DATE, "2018"),
                (MONEY, "AUD 17.6 million"),
                (DATE, "2023"),
                (ORG, "RACA"),
                (ORG, "Hong Kong Contemporary Art Fair"),
                (DATE, "March 2023"),
                (PLACE, "Australia"),
                (MONEY, "US$1.4 million"),
                (DATE, "2023"),
                (PLACE, "United States"),
                (PLACE, "Germany"),
            ],
        ),
        "conclusions": (
            T("""
A 2024 review by the Centre for Remote Economies, a research unit of the University of the Red Centre, found that the labels had reduced sales of imitation products in Darwin and Cairns. It recommends extending the initiative to the Torres Strait Islands and to Queensland's Cape York Peninsula, and raising the freight budget to AUD 1 million per year from July 2025.
"""),
            [
                (DATE, "2024"),
                (ORG, "Centre for Remote Economies"),
                (ORG, "University of the Red Centre"),
                (PLACE, "Darwin"),
                (PLACE, "Cairns"),
                (PLACE, "Torres Strait Islands"),
                (PLACE, "Queensland"),
                (PLACE, "Cape York Peninsula"),
                (MONEY, "AUD 1 million"),
                (DATE, "July 2025"),
            ],
        ),
    },
    {
        "measure": "en-06",  # Ireland: Literary Translation Fund
        "description": (
            T("""
The Literary Translation Fund supports the translation of contemporary Irish writing, in English and in Irish, into other languages. It is managed by the Translation Ireland Bureau (TIB), a state agency under the Department of Culture, Communications and the Gaeltacht, and was relaunched on 3 May 2021 after a review of the 2015-2020 scheme.
Foreign publishers may apply for up to 75% of a translator's fee, capped at €12,000 per title. Priority goes to languages with few existing translations, such as Estonian, Slovene and Maltese, and to publishers in Africa and Latin America. The fund also supports:
o translator residencies at the Galway Centre for Literary Translation, run with Corrib University;
o the presence of Irish authors at book fairs in Frankfurt, Guadalajara and Bologna;
o an annual prize of EUR 5,000 for the best translation into Irish.
The 2023 budget was €1.45 million, of which EUR 320,000 came from the European Union's cultural cooperation window.
"""),
            [
                (ORG, "Literary Translation Fund"),
                (ORG, "Translation Ireland Bureau"),
                (ORG, "TIB"),
                (ORG, "Department of Culture, Communications and the Gaeltacht"),
                (DATE, "3 May 2021"),
                (DATE, "2015-2020"),
                (MONEY, "€12,000"),
                (PLACE, "Africa"),
                (PLACE, "Latin America"),
                (ORG, "Galway Centre for Literary Translation"),
                (ORG, "Corrib University"),
                (PLACE, "Frankfurt"),
                (PLACE, "Guadalajara"),
                (PLACE, "Bologna"),
                (MONEY, "EUR 5,000"),
                (DATE, "2023"),
                (MONEY, "€1.45 million"),
                (MONEY, "EUR 320,000"),
                (ORG, "European Union"),
            ],
        ),
        "results": (
            T("""
Between May 2021 and December 2023, TIB funded 287 translations into 41 languages, published in 36 countries, for a total of €2.9 million, or an average of €10,100 per title. Nineteen translated titles were shortlisted for prizes abroad, and TIB authors were invited to the Lyon Festival of World Literature and the Granada International Book Fair. The residencies in Galway hosted 48 translators, including 11 from Brazil, Kenya and Viet Nam.
"""),
            [
                (DATE, "May 2021 and December 2023"),
                (ORG, "TIB"),
                (MONEY, "€2.9 million"),
                (MONEY, "€10,100"),
                (ORG, "TIB"),
                (ORG, "Lyon Festival of World Literature"),
                (ORG, "Granada International Book Fair"),
                (PLACE, "Galway"),
                (PLACE, "Brazil"),
                (PLACE, "Kenya"),
                (PLACE, "Viet Nam"),
            ],
        ),
        "conclusions": (
            T("""
The mid-term review carried out by Corrib University in autumn 2023 recommends raising the cap to €15,000, adding Ukrainian and Arabic to the priority languages, and co-funding residencies with the Ulster Literary Exchange in Belfast from 2025.
"""),
            [
                (ORG, "Corrib University"),
                (DATE, "autumn 2023"),
                (MONEY, "€15,000"),
                (ORG, "Ulster Literary Exchange"),
                (PLACE, "Belfast"),
                (DATE, "2025"),
            ],
        ),
    },
    {
        "measure": "en-07",  # Jamaica: Music Heritage Trails
        "description": (
            T("""
Launched in February 2019, Music Heritage Trails develops walking and bus routes that link sites associated with mento, ska, reggae and dancehall in Kingston, Trench Town, Spanish Town and the parish of St. Ann. It is led by the Jamaica Cultural Heritage Agency (JCHA), under the Ministry of Culture and Creative Industries, in partnership with the Jamaica Tourism Enterprise Company (JTEC), the Kingston Music Collective and the Faculty of Music of the Caribbean Institute of Performing Arts.
Each trail combines:
* restored plaques and listening points at former studios and sound-system yards;
* training for 60 community guides per year, each paid J$4,500 per tour;
* a mobile application in English, Spanish and Japanese.
The Government of Jamaica invested J$210 million between 2019 and 2022, and the Inter-American Development Bank (IDB) added a loan component of US$3 million for street works in Trench Town and Port Royal.
"""),
            [
                (DATE, "February 2019"),
                (PLACE, "Kingston"),
                (PLACE, "Trench Town"),
                (PLACE, "Spanish Town"),
                (PLACE, "St. Ann"),
                (ORG, "Jamaica Cultural Heritage Agency"),
                (ORG, "JCHA"),
                (ORG, "Ministry of Culture and Creative Industries"),
                (ORG, "Jamaica Tourism Enterprise Company"),
                (ORG, "JTEC"),
                (ORG, "Kingston Music Collective"),
                (ORG, "Faculty of Music of the Caribbean Institute of Performing Arts"),
                (MONEY, "J$4,500"),
                (ORG, "Government of Jamaica"),
                (MONEY, "J$210 million"),
                (DATE, "2019 and 2022"),
                (ORG, "Inter-American Development Bank"),
                (ORG, "IDB"),
                (MONEY, "US$3 million"),
                (PLACE, "Trench Town"),
                (PLACE, "Port Royal"),
            ],
        ),
        "results": (
            T("""
By mid-2023 the trails had received 38,000 visitors, 64% of them from abroad, mainly from the United States, Canada and the United Kingdom. Guide fees and ticket sales generated J$96 million, or about USD 620,000, for community businesses. JCHA listed 14 new heritage sites, and the Trench Town trail was showcased at the Kingston Sound Festival in February 2023 and at the Caribbean Music Expo in Bridgetown, Barbados, in June 2023.
"""),
            [
                (DATE, "mid-2023"),
                (PLACE, "United States"),
                (PLACE, "Canada"),
                (PLACE, "United Kingdom"),
                (MONEY, "J$96 million"),
                (MONEY, "USD 620,000"),
                (ORG, "JCHA"),
                (PLACE, "Trench Town"),
                (ORG, "Kingston Sound Festival"),
                (DATE, "February 2023"),
                (ORG, "Caribbean Music Expo"),
                (PLACE, "Bridgetown"),
                (PLACE, "Barbados"),
                (DATE, "June 2023"),
            ],
        ),
    },
    {
        "measure": "en-08",  # Mongolia: Steppe Mobile Cinema
        "description": (
            T("""
Since June 2017, the Steppe Mobile Cinema has toured the aimags of Khovd, Bayan-Ölgii, Uvs, Ömnögovi and Dornogovi with two solar-powered trucks. The programme is run by the Steppe Film Foundation with funding from the Ministry of Culture of Mongolia and the Agency for Cinematography, and with equipment donated by the Embassy of Japan in Ulaanbaatar.
Activities include:
– open-air screenings of Mongolian feature films and documentaries, with subtitles in Kazakh for audiences in Bayan-Ölgii;
– week-long film-making workshops for young herders, led by graduates of the National Academy of Screen Arts;
– the Gobi Short Film Festival, held each August in Dalanzadgad since 2019.
The annual operating budget is MNT 480 million (around USD 140,000). In 2021 the foundation received a grant of USD 95,000 from the International Fund for Cultural Diversity (IFCD) of UNESCO, which paid for a third truck.
"""),
            [
                (DATE, "June 2017"),
                (PLACE, "Khovd"),
                (PLACE, "Bayan-Ölgii"),
                (PLACE, "Uvs"),
                (PLACE, "Ömnögovi"),
                (PLACE, "Dornogovi"),
                (ORG, "Steppe Film Foundation"),
                (ORG, "Ministry of Culture of Mongolia"),
                (ORG, "Agency for Cinematography"),
                (ORG, "Embassy of Japan"),
                (PLACE, "Ulaanbaatar"),
                (PLACE, "Bayan-Ölgii"),
                (ORG, "National Academy of Screen Arts"),
                (ORG, "Gobi Short Film Festival"),
                (DATE, "August"),
                (PLACE, "Dalanzadgad"),
                (DATE, "2019"),
                (MONEY, "MNT 480 million"),
                (MONEY, "USD 140,000"),
                (DATE, "2021"),
                (MONEY, "USD 95,000"),
                (ORG, "International Fund for Cultural Diversity"),
                (ORG, "IFCD"),
                (ORG, "UNESCO"),
            ],
        ),
        "results": (
            T("""
From 2017 to 2023 the trucks covered 112,000 km and held 1,640 screenings for 205,000 viewers, a third of them children. Workshops produced 87 short films; six were screened at the Blue Sky International Film Festival in Ulaanbaatar and two at the Busan Young Cinema Forum in the Republic of Korea in October 2022. The Gobi Short Film Festival awards prizes of MNT 5 million and in 2023 attracted MNT 36 million in sponsorship from Gobi Steppe Mining LLC.
"""),
            [
                (DATE, "2017 to 2023"),
                (ORG, "Blue Sky International Film Festival"),
                (PLACE, "Ulaanbaatar"),
                (ORG, "Busan Young Cinema Forum"),
                (PLACE, "Republic of Korea"),
                (DATE, "October 2022"),
                (ORG, "Gobi Short Film Festival"),
                (MONEY, "MNT 5 million"),
                (DATE, "2023"),
                (MONEY, "MNT 36 million"),
                (ORG, "Gobi Steppe Mining LLC"),
            ],
        ),
        "conclusions": (
            T("""
An evaluation by the Mongolian Film Research Centre in 2022 found strong demand in the eastern aimags of Dornod and Sükhbaatar. It recommends a second route from 2025 and a partnership with Steppe Public Television to broadcast the workshop films.
"""),
            [
                (ORG, "Mongolian Film Research Centre"),
                (DATE, "2022"),
                (PLACE, "Dornod"),
                (PLACE, "Sükhbaatar"),
                (DATE, "2025"),
                (ORG, "Steppe Public Television"),
            ],
        ),
    },
]

# ---------------------------------------------------------------------------------------------
# French (fr-04 and fr-07 use straight apostrophes, the others typographic ones, as real reports do)
# ---------------------------------------------------------------------------------------------

FR = [
    {
        "measure": "fr-01",  # Sénégal: Fonds d'appui aux musiques actuelles
        "description": (
            T("""
Créé par l’arrêté ministériel n° 004512 du 14 mars 2019, le Fonds d’appui aux musiques actuelles (FAMA) finance la création, l’enregistrement et la diffusion des musiques urbaines au Sénégal. Il est placé sous la tutelle du ministère de la Culture et du Patrimoine historique et géré par un comité où siègent l’Association des métiers de la musique du Sénégal (AMMS), la Société sénégalaise des droits voisins (SSDV) et l’Université du Fleuve de Saint-Louis.
Le fonds intervient sous trois formes :
- des subventions de 2 à 10 millions de francs CFA pour les projets d’albums et de clips ;
- des prêts à taux zéro, d’un montant maximal de 25 000 000 FCFA, pour les studios et les salles ;
- un appui à la participation aux festivals, notamment au festival Dakar Hip-Hop Connexion et au Salon des musiques d’Afrique de l’Ouest (SAMAO) d’Abidjan.
Depuis 2020, une antenne régionale installée à Ziguinchor couvre la Casamance et la Gambie voisine.
"""),
            [
                (LAW, "arrêté ministériel n° 004512 du 14 mars 2019"),
                (ORG, "Fonds d’appui aux musiques actuelles"),
                (ORG, "FAMA"),
                (PLACE, "Sénégal"),
                (ORG, "ministère de la Culture et du Patrimoine historique"),
                (ORG, "Association des métiers de la musique du Sénégal"),
                (ORG, "AMMS"),
                (ORG, "Société sénégalaise des droits voisins"),
                (ORG, "SSDV"),
                (ORG, "Université du Fleuve de Saint-Louis"),
                (MONEY, "2 à 10 millions de francs CFA"),
                (MONEY, "25 000 000 FCFA"),
                (ORG, "Dakar Hip-Hop Connexion"),
                (ORG, "Salon des musiques d’Afrique de l’Ouest"),
                (ORG, "SAMAO"),
                (PLACE, "Abidjan"),
                (DATE, "2020"),
                (PLACE, "Ziguinchor"),
                (PLACE, "Casamance"),
                (PLACE, "Gambie"),
            ],
        ),
        "results": (
            T(f"""
Entre 2019 et 2023, le FAMA a soutenu 214 projets, dont 63 portés par des artistes femmes, pour un montant total de 1,37 milliard de francs CFA (environ 2,3 millions de dollars américains). Trente-deux studios ont été équipés à Dakar, Thiès, Kaolack et Ziguinchor. Les artistes soutenus ont donné 410 concerts dans onze pays, dont le Mali, la Guinée et la France. En décembre 2022, l’Organisation internationale de la Francophonie (OIF) a annoncé une contribution de 150{NBSP}000 euros pour la période 2023-2024.
"""),
            [
                (DATE, "2019 et 2023"),
                (ORG, "FAMA"),
                (MONEY, "1,37 milliard de francs CFA"),
                (MONEY, "2,3 millions de dollars américains"),
                (PLACE, "Dakar"),
                (PLACE, "Thiès"),
                (PLACE, "Kaolack"),
                (PLACE, "Ziguinchor"),
                (PLACE, "Mali"),
                (PLACE, "Guinée"),
                (PLACE, "France"),
                (DATE, "décembre 2022"),
                (ORG, "Organisation internationale de la Francophonie"),
                (ORG, "OIF"),
                (MONEY, f"150{NBSP}000 euros"),
                (DATE, "2023-2024"),
            ],
        ),
        "conclusions": (
            T("""
L’évaluation réalisée en juin 2023 par le cabinet Sahel Conseil recommande de porter la dotation annuelle à 600 millions de FCFA, d’ouvrir un guichet pour les régions de Matam et de Kédougou et d’alléger les garanties exigées par la Banque de l’habitat et de la culture pour les prêts supérieurs à 10 millions de francs CFA.
"""),
            [
                (DATE, "juin 2023"),
                (ORG, "Sahel Conseil"),
                (MONEY, "600 millions de FCFA"),
                (PLACE, "Matam"),
                (PLACE, "Kédougou"),
                (ORG, "Banque de l’habitat et de la culture"),
                (MONEY, "10 millions de francs CFA"),
            ],
        ),
    },
    {
        "measure": "fr-02",  # Côte d'Ivoire: Programme national d'appui à l'édition ivoirienne
        "description": (
            T(f"""
Adopté le 9 juin 2021, le Programme national d’appui à l’édition ivoirienne (PNAEI) vise à rendre le livre local plus accessible et à structurer la chaîne du livre, de l’auteur au lecteur. Il est piloté par le ministère de la Culture et des Industries créatives, à travers la Direction du livre et de la lecture publique (DLLP), avec l’Union des éditeurs ivoiriens (UNEDI) et l’Association des libraires de Côte d’Ivoire.
Le programme comprend :
• un achat public annuel de 40 000 exemplaires d’ouvrages ivoiriens pour les bibliothèques d’Abidjan, de Bouaké, de Korhogo, de San-Pédro et de Man ;
• une aide à la traduction vers le dioula, le baoulé et le sénoufo ;
• la prise en charge des stands ivoiriens au Salon du livre francophone de Lomé et aux Rencontres du livre de Ouagadougou.
Le budget 2021-2025 s’élève à 3,2 milliards de FCFA, dont 500 millions de francs CFA apportés par la Banque ouest-africaine de développement culturel et 120{NBSP}000{NBSP}€ versés par la Fondation Lire en Afrique.
"""),
            [
                (DATE, "9 juin 2021"),
                (ORG, "ministère de la Culture et des Industries créatives"),
                (ORG, "Direction du livre et de la lecture publique"),
                (ORG, "DLLP"),
                (ORG, "Union des éditeurs ivoiriens"),
                (ORG, "UNEDI"),
                (ORG, "Association des libraires de Côte d’Ivoire"),
                (PLACE, "Abidjan"),
                (PLACE, "Bouaké"),
                (PLACE, "Korhogo"),
                (PLACE, "San-Pédro"),
                (PLACE, "Man"),
                (ORG, "Salon du livre francophone de Lomé"),
                (ORG, "Rencontres du livre de Ouagadougou"),
                (DATE, "2021-2025"),
                (MONEY, "3,2 milliards de FCFA"),
                (MONEY, "500 millions de francs CFA"),
                (ORG, "Banque ouest-africaine de développement culturel"),
                (MONEY, f"120{NBSP}000{NBSP}€"),
                (ORG, "Fondation Lire en Afrique"),
            ],
        ),
        "results": (
            T("""
Depuis 2021, 126 000 livres ont été achetés auprès de 38 éditeurs, pour un montant de 1,1 milliard de FCFA. La DLLP a ouvert 14 points de lecture dans les districts des Savanes et du Zanzan. La présence ivoirienne au salon de Lomé, en novembre 2022 puis en novembre 2023, a permis la cession de 27 droits de traduction, notamment vers le Bénin, le Cameroun et le Canada. L’UNEDI estime que le chiffre d’affaires de ses membres a progressé de 18 % entre 2021 et 2023, pour atteindre 4,6 milliards de francs CFA.
"""),
            [
                (DATE, "2021"),
                (MONEY, "1,1 milliard de FCFA"),
                (ORG, "DLLP"),
                (PLACE, "Savanes"),
                (PLACE, "Zanzan"),
                (PLACE, "Lomé"),
                (DATE, "novembre 2022"),
                (DATE, "novembre 2023"),
                (PLACE, "Bénin"),
                (PLACE, "Cameroun"),
                (PLACE, "Canada"),
                (ORG, "UNEDI"),
                (DATE, "2021 et 2023"),
                (MONEY, "4,6 milliards de francs CFA"),
            ],
        ),
        "conclusions": (
            T("""
Une évaluation à mi-parcours conduite en mars 2024 par l’Institut national de la statistique et des études culturelles (INSEC) recommande de porter l’aide à la traduction à 75 millions de FCFA par an et d’associer les bibliothèques de Yamoussoukro et de Daloa au programme de dons de l’OIF.
"""),
            [
                (DATE, "mars 2024"),
                (ORG, "Institut national de la statistique et des études culturelles"),
                (ORG, "INSEC"),
                (MONEY, "75 millions de FCFA"),
                (PLACE, "Yamoussoukro"),
                (PLACE, "Daloa"),
                (ORG, "OIF"),
            ],
        ),
    },
    {
        "measure": "fr-03",  # Burkina Faso: Fonds burkinabè pour l'image et le son
        "description": (
            T("""
Le Fonds burkinabè pour l’image et le son (FBIS) a été institué par la loi n° 036-2018/AN du 21 juin 2018 portant statut de l’artiste. Il accorde des subventions et des garanties de prêt aux producteurs de films, de séries et d’émissions de radio installés au Burkina Faso. Les dossiers sont examinés deux fois par an par un comité composé de représentants du ministère de la Communication, de la Culture, des Arts et du Tourisme, de l’Union nationale des producteurs audiovisuels (UNPA), de la Fédération des ciné-clubs du Faso et de l’Institut supérieur des métiers du cinéma de Ouagadougou.
Les montants accordés vont de 5 millions à 60 millions de FCFA par projet. Les garanties sont gérées par la Caisse nationale de garantie des industries créatives (CNGIC), qui couvre jusqu’à 70 % d’un prêt bancaire. Depuis le 1er janvier 2020, le FBIS réserve 30 % de ses crédits aux projets tournés hors de Ouagadougou et de Bobo-Dioulasso.
"""),
            [
                (ORG, "Fonds burkinabè pour l’image et le son"),
                (ORG, "FBIS"),
                (LAW, "loi n° 036-2018/AN du 21 juin 2018"),
                (PLACE, "Burkina Faso"),
                (ORG, "ministère de la Communication, de la Culture, des Arts et du Tourisme"),
                (ORG, "Union nationale des producteurs audiovisuels"),
                (ORG, "UNPA"),
                (ORG, "Fédération des ciné-clubs du Faso"),
                (ORG, "Institut supérieur des métiers du cinéma de Ouagadougou"),
                (MONEY, "5 millions à 60 millions de FCFA"),
                (ORG, "Caisse nationale de garantie des industries créatives"),
                (ORG, "CNGIC"),
                (DATE, "1er janvier 2020"),
                (ORG, "FBIS"),
                (PLACE, "Ouagadougou"),
                (PLACE, "Bobo-Dioulasso"),
            ],
        ),
        "results": (
            T("""
De 2019 à 2023, le FBIS a financé 173 projets pour un total de 4,8 milliards de FCFA (7,9 millions USD). Douze longs métrages soutenus ont été sélectionnés aux Rencontres cinématographiques du Sahel (RCS), dont trois en compétition officielle lors de l’édition de février 2023. Les garanties de la CNGIC ont permis de mobiliser 1,6 milliard de FCFA de prêts auprès de la Banque sahélienne de commerce. Des tournages ont eu lieu à Koudougou, Dori, Banfora et Fada N’Gourma, et deux coproductions ont été signées avec le Niger et le Mali pour un total de 210 000 euros.
"""),
            [
                (DATE, "2019 à 2023"),
                (ORG, "FBIS"),
                (MONEY, "4,8 milliards de FCFA"),
                (MONEY, "7,9 millions USD"),
                (ORG, "Rencontres cinématographiques du Sahel"),
                (ORG, "RCS"),
                (DATE, "février 2023"),
                (ORG, "CNGIC"),
                (MONEY, "1,6 milliard de FCFA"),
                (ORG, "Banque sahélienne de commerce"),
                (PLACE, "Koudougou"),
                (PLACE, "Dori"),
                (PLACE, "Banfora"),
                (PLACE, "Fada N’Gourma"),
                (PLACE, "Niger"),
                (PLACE, "Mali"),
                (MONEY, "210 000 euros"),
            ],
        ),
        "conclusions": (
            T("""
Selon l’audit du cabinet Faso Expertise Culture remis en octobre 2023, le FBIS devrait publier ses décisions dans un délai de 60 jours et relever le plafond des subventions à 80 millions de FCFA. L’audit recommande aussi un guichet commun avec le Fonds ivoirien de l’audiovisuel à partir de 2025.
"""),
            [
                (ORG, "Faso Expertise Culture"),
                (DATE, "octobre 2023"),
                (ORG, "FBIS"),
                (MONEY, "80 millions de FCFA"),
                (ORG, "Fonds ivoirien de l’audiovisuel"),
                (DATE, "2025"),
            ],
        ),
    },
    {
        "measure": "fr-04",  # Maroc: arts de la rue (straight apostrophes)
        "description": (
            T("""
Le programme « Scènes des places publiques » soutient les compagnies d'arts de la rue, de cirque et de théâtre gestuel dans les médinas et les quartiers périphériques. Lancé en septembre 2018 par le ministère de la Culture et de la Communication, il est mis en œuvre par l'Agence marocaine des arts vivants (AMAV) avec la Fédération nationale des arts de la rue, l'École nationale des arts du cirque de Salé et la fondation Dar Lfenn.
Chaque année, un appel à projets permet de sélectionner une trentaine de créations, dotées de 80 000 à 250 000 dirhams. Les spectacles circulent ensuite dans un réseau de 22 villes, de Tanger à Laâyoune, en passant par Fès, Meknès, Marrakech, Agadir et Ouarzazate. Le Festival international des arts de la rue d'Essaouira accueille chaque printemps une vitrine professionnelle.
L'enveloppe annuelle est de 12 M MAD, à laquelle s'est ajouté un apport de 400 000 € de l'Institut culturel méditerranéen de Marseille pour des résidences croisées entre 2019 et 2022.
"""),
            [
                (DATE, "septembre 2018"),
                (ORG, "ministère de la Culture et de la Communication"),
                (ORG, "Agence marocaine des arts vivants"),
                (ORG, "AMAV"),
                (ORG, "Fédération nationale des arts de la rue"),
                (ORG, "École nationale des arts du cirque de Salé"),
                (ORG, "Dar Lfenn"),
                (MONEY, "80 000 à 250 000 dirhams"),
                (PLACE, "Tanger"),
                (PLACE, "Laâyoune"),
                (PLACE, "Fès"),
                (PLACE, "Meknès"),
                (PLACE, "Marrakech"),
                (PLACE, "Agadir"),
                (PLACE, "Ouarzazate"),
                (ORG, "Festival international des arts de la rue d'Essaouira"),
                (MONEY, "12 M MAD"),
                (MONEY, "400 000 €"),
                (ORG, "Institut culturel méditerranéen de Marseille"),
                (DATE, "2019 et 2022"),
            ],
        ),
        "results": (
            T("""
Entre 2018 et 2023, 164 créations ont été soutenues ; elles ont donné 2 900 représentations gratuites devant environ 1,1 million de spectateurs. Quarante-deux compagnies ont été invitées à l'étranger, notamment en Espagne, en Tunisie, au Sénégal et en Belgique. Le festival d'Essaouira a accueilli 95 programmateurs en avril 2023. Une étude de l'AMAV publiée en janvier 2024 estime à 3,5 millions de dirhams les cachets versés aux artistes en 2023, contre 1,9 million de dirhams en 2019.
"""),
            [
                (DATE, "2018 et 2023"),
                (PLACE, "Espagne"),
                (PLACE, "Tunisie"),
                (PLACE, "Sénégal"),
                (PLACE, "Belgique"),
                (PLACE, "Essaouira"),
                (DATE, "avril 2023"),
                (ORG, "AMAV"),
                (DATE, "janvier 2024"),
                (MONEY, "3,5 millions de dirhams"),
                (DATE, "2023"),
                (MONEY, "1,9 million de dirhams"),
                (DATE, "2019"),
            ],
        ),
        "conclusions": (
            T("""
Le rapport d'évaluation de l'Observatoire marocain des arts vivants (mai 2023) recommande d'ouvrir le programme à Oujda, Nador et Errachidia et de créer avec la Fondation Dar Lfenn un fonds de production de 5 millions de dirhams.
"""),
            [
                (ORG, "Observatoire marocain des arts vivants"),
                (DATE, "mai 2023"),
                (PLACE, "Oujda"),
                (PLACE, "Nador"),
                (PLACE, "Errachidia"),
                (ORG, "Fondation Dar Lfenn"),
                (MONEY, "5 millions de dirhams"),
            ],
        ),
    },
    {
        "measure": "fr-05",  # Tunisie: maisons de la culture numériques
        "description": (
            T("""
Le programme « Maisons de la culture 2.0 » transforme des maisons de la culture de l’intérieur du pays en lieux de création numérique. Lancé le 6 mai 2019 par le ministère des Affaires culturelles sur la base du décret gouvernemental n° 2019-417, il est conduit par le Centre national des arts numériques (CNAN) avec l’Office tunisien de la culture en ligne et l’Association tunisienne des jeunes créateurs du numérique (ATJCN).
Les vingt premières maisons se situent dans les gouvernorats de Kasserine, Gafsa, Sidi Bouzid, Tataouine, Jendouba et Kairouan. Chacune reçoit un équipement d’une valeur de 180 000 dinars tunisiens et un poste d’animateur numérique.
L’Union européenne finance la formation des animateurs à hauteur de 1,2 million d’euros pour la période 2020-2023, et l’Agence allemande de coopération culturelle apporte 350 000 EUR pour des ateliers de jeux vidéo et de design sonore à Sfax et à Sousse.
"""),
            [
                (DATE, "6 mai 2019"),
                (ORG, "ministère des Affaires culturelles"),
                (LAW, "décret gouvernemental n° 2019-417"),
                (ORG, "Centre national des arts numériques"),
                (ORG, "CNAN"),
                (ORG, "Office tunisien de la culture en ligne"),
                (ORG, "Association tunisienne des jeunes créateurs du numérique"),
                (ORG, "ATJCN"),
                (PLACE, "Kasserine"),
                (PLACE, "Gafsa"),
                (PLACE, "Sidi Bouzid"),
                (PLACE, "Tataouine"),
                (PLACE, "Jendouba"),
                (PLACE, "Kairouan"),
                (MONEY, "180 000 dinars tunisiens"),
                (ORG, "Union européenne"),
                (MONEY, "1,2 million d’euros"),
                (DATE, "2020-2023"),
                (ORG, "Agence allemande de coopération culturelle"),
                (MONEY, "350 000 EUR"),
                (PLACE, "Sfax"),
                (PLACE, "Sousse"),
            ],
        ),
        "results": (
            T("""
Au 31 décembre 2023, 20 maisons étaient équipées et 4 600 jeunes avaient suivi au moins un atelier, dont 52 % de filles. Les créations issues du programme ont été présentées aux Journées des arts numériques de Tunis en octobre 2022 et au festival lyonnais Gamescape en 2023. Le coût total s’est établi à 5,4 millions de dinars, soit environ 1,7 million de dollars, dont 38 % pris en charge par l’Union européenne.
"""),
            [
                (DATE, "31 décembre 2023"),
                (ORG, "Journées des arts numériques de Tunis"),
                (DATE, "octobre 2022"),
                (ORG, "Gamescape"),
                (DATE, "2023"),
                (MONEY, "5,4 millions de dinars"),
                (MONEY, "1,7 million de dollars"),
                (ORG, "Union européenne"),
            ],
        ),
        "conclusions": (
            T("""
Selon l’évaluation menée en 2023 par l’Observatoire tunisien des politiques culturelles, les maisons de Gafsa et de Kairouan sont devenues des pôles régionaux. Il est recommandé d’étendre le programme à Médenine, au Kef et à Siliana d’ici 2026, pour un coût estimé à 2,8 MDT, et de signer une convention avec l’École des métiers du jeu vidéo de Sousse pour la formation continue.
"""),
            [
                (DATE, "2023"),
                (ORG, "Observatoire tunisien des politiques culturelles"),
                (PLACE, "Gafsa"),
                (PLACE, "Kairouan"),
                (PLACE, "Médenine"),
                (PLACE, "Kef"),
                (PLACE, "Siliana"),
                (DATE, "2026"),
                (MONEY, "2,8 MDT"),
                (ORG, "École des métiers du jeu vidéo de Sousse"),
            ],
        ),
    },
    {
        "measure": "fr-06",  # Canada (Québec): circulation des spectacles en région
        "description": (
            T(f"""
Le Programme d’aide à la circulation des spectacles en région favorise la présence d’artistes québécois et franco-canadiens dans les régions éloignées des grands centres. Il est administré depuis le 1er avril 2020 par la Société de développement des arts de la scène (SODAS), une société d’État relevant du ministère de la Culture et des Communications du Québec.
Les diffuseurs peuvent recevoir jusqu’à 60 % du cachet des artistes et une aide forfaitaire de 1{NBSP}500{NBSP}$ par représentation pour les frais de déplacement. Les tournées doivent comprendre au moins trois villes hors de Montréal et de Québec, par exemple en Gaspésie, en Abitibi-Témiscamingue, sur la Côte-Nord ou au Saguenay–Lac-Saint-Jean.
Le programme est doté de 4,5 M$ par année. Depuis 2022, une entente avec l’Association des théâtres francophones du Canada (ATFC) et le Conseil des arts de l’Ontario français permet d’inclure des villes comme Sudbury, Moncton et Saint-Boniface.
"""),
            [
                (DATE, "1er avril 2020"),
                (ORG, "Société de développement des arts de la scène"),
                (ORG, "SODAS"),
                (ORG, "ministère de la Culture et des Communications du Québec"),
                (MONEY, f"1{NBSP}500{NBSP}$"),
                (PLACE, "Montréal"),
                (PLACE, "Québec"),
                (PLACE, "Gaspésie"),
                (PLACE, "Abitibi-Témiscamingue"),
                (PLACE, "Côte-Nord"),
                (PLACE, "Saguenay–Lac-Saint-Jean"),
                (MONEY, "4,5 M$"),
                (DATE, "2022"),
                (ORG, "Association des théâtres francophones du Canada"),
                (ORG, "ATFC"),
                (ORG, "Conseil des arts de l’Ontario français"),
                (PLACE, "Sudbury"),
                (PLACE, "Moncton"),
                (PLACE, "Saint-Boniface"),
            ],
        ),
        "results": (
            T("""
En 2022-2023, la SODAS a soutenu 486 représentations de 131 spectacles dans 97 municipalités, pour un total de 3,9 millions de dollars, dont 180 000 $ en frais de déplacement. Les diffuseurs de Rimouski, Rouyn-Noranda, Sept-Îles et Gaspé ont augmenté leur fréquentation de 22 % par rapport à 2019. Le Festival des voix du fleuve de Tadoussac et les Rencontres théâtrales de Baie-Comeau ont accueilli des artistes acadiens et franco-ontariens grâce à l’entente avec l’ATFC, signée le 14 septembre 2022.
"""),
            [
                (DATE, "2022-2023"),
                (ORG, "SODAS"),
                (MONEY, "3,9 millions de dollars"),
                (MONEY, "180 000 $"),
                (PLACE, "Rimouski"),
                (PLACE, "Rouyn-Noranda"),
                (PLACE, "Sept-Îles"),
                (PLACE, "Gaspé"),
                (DATE, "2019"),
                (ORG, "Festival des voix du fleuve de Tadoussac"),
                (ORG, "Rencontres théâtrales de Baie-Comeau"),
                (ORG, "ATFC"),
                (DATE, "14 septembre 2022"),
            ],
        ),
        "conclusions": (
            T("""
L’évaluation de 2023 recommande d’indexer l’aide forfaitaire à 2 000 $ pour les tournées en Minganie et aux Îles-de-la-Madeleine, où les coûts de transport ont doublé depuis 2019, et de conclure une entente semblable avec le Nouveau-Brunswick avant mars 2025.
"""),
            [
                (DATE, "2023"),
                (MONEY, "2 000 $"),
                (PLACE, "Minganie"),
                (PLACE, "Îles-de-la-Madeleine"),
                (DATE, "2019"),
                (PLACE, "Nouveau-Brunswick"),
                (DATE, "mars 2025"),
            ],
        ),
    },
    {
        "measure": "fr-07",  # Belgique: Fonds pour la bande dessinée (straight apostrophes)
        "description": (
            T("""
Le Fonds pour la bande dessinée et l'illustration, créé par l'arrêté du Gouvernement de la Communauté française du 12 décembre 2018, soutient les auteurs et les éditeurs de bande dessinée établis en Wallonie et à Bruxelles. Il est géré par l'Administration générale de la Culture de la Fédération Wallonie-Bruxelles, sur avis d'une commission où siègent la Chambre des éditeurs de bande dessinée (CEBD), l'Union des auteurs de l'image et l'École supérieure des arts graphiques de Liège.
Les aides sont de trois types :
1) des bourses de création de 4 000 à 15 000 euros ;
2) des aides à l'édition plafonnées à 9 500 € par album ;
3) une aide à la présence des auteurs aux Rencontres européennes de l'illustration d'Angoulême, au salon de la BD de Lucca, en Italie, et à la Quinzaine de la BD de Bruxelles.
Le budget du fonds est passé de 850 000 € en 2019 à 1,3 million d'euros en 2023.
"""),
            [
                (ORG, "Fonds pour la bande dessinée et l'illustration"),
                (LAW, "arrêté du Gouvernement de la Communauté française du 12 décembre 2018"),
                (PLACE, "Wallonie"),
                (PLACE, "Bruxelles"),
                (ORG, "Administration générale de la Culture de la Fédération Wallonie-Bruxelles"),
                (ORG, "Chambre des éditeurs de bande dessinée"),
                (ORG, "CEBD"),
                (ORG, "Union des auteurs de l'image"),
                (ORG, "École supérieure des arts graphiques de Liège"),
                (MONEY, "4 000 à 15 000 euros"),
                (MONEY, "9 500 €"),
                (ORG, "Rencontres européennes de l'illustration d'Angoulême"),
                (PLACE, "Lucca"),
                (PLACE, "Italie"),
                (ORG, "Quinzaine de la BD de Bruxelles"),
                (MONEY, "850 000 €"),
                (DATE, "2019"),
                (MONEY, "1,3 million d'euros"),
                (DATE, "2023"),
            ],
        ),
        "results": (
            T("""
De 2019 à 2023, 312 projets ont été soutenus, dont 118 premiers albums. Les éditeurs aidés ont cédé 240 licences de traduction, surtout vers l'Espagne, le Japon, la Corée du Sud et le Québec. Les ventes des albums soutenus ont atteint 2,6 millions d'euros en 2023. La présence à Angoulême en janvier 2023 et en janvier 2024 a été financée à hauteur de 96 000 euros, avec un apport de 25 000 € de l'Agence wallonne d'exportation culturelle.
"""),
            [
                (DATE, "2019 à 2023"),
                (PLACE, "Espagne"),
                (PLACE, "Japon"),
                (PLACE, "Corée du Sud"),
                (PLACE, "Québec"),
                (MONEY, "2,6 millions d'euros"),
                (DATE, "2023"),
                (PLACE, "Angoulême"),
                (DATE, "janvier 2023"),
                (DATE, "janvier 2024"),
                (MONEY, "96 000 euros"),
                (MONEY, "25 000 €"),
                (ORG, "Agence wallonne d'exportation culturelle"),
            ],
        ),
        "conclusions": (
            T("""
L'évaluation confiée en 2022 à l'Observatoire bruxellois des pratiques culturelles souligne que les autrices ne représentent que 27 % des bénéficiaires. Elle recommande un objectif de 40 % d'ici 2026 et un partenariat avec la Maison européenne de l'illustration de Namur pour des résidences à Namur et à Mons.
"""),
            [
                (DATE, "2022"),
                (ORG, "Observatoire bruxellois des pratiques culturelles"),
                (DATE, "2026"),
                (ORG, "Maison européenne de l'illustration de Namur"),
                (PLACE, "Namur"),
                (PLACE, "Mons"),
            ],
        ),
    },
    {
        "measure": "fr-08",  # France: Fonds d'aide aux festivals en milieu rural
        "description": (
            T("""
Créé en janvier 2022, le Fonds d’aide aux festivals en milieu rural soutient les festivals de musique, de théâtre et de cinéma organisés dans des communes de moins de 10 000 habitants. Il est géré par l’Agence nationale des festivals (ANF), établissement public placé sous la tutelle du ministère de la Culture, en lien avec les directions régionales des affaires culturelles et la Fédération des festivals de territoire (FFT).
En 2022 et 2023, l’aide était comprise entre 10 000 et 50 000 € par édition ; elle couvre la rémunération des artistes, l’accessibilité et la réduction de l’empreinte carbone. Les festivals d’outre-mer, notamment en Guadeloupe, en Guyane et à La Réunion, bénéficient d’une majoration de 20 %.
Le fonds dispose d’une enveloppe de 8 M€ par an, complétée par 2,5 millions d’euros de la Banque des territoires culturels et par le mécénat de la Fondation Terres de musique. Parmi les premiers bénéficiaires figurent Les Nuits du Causse, à Millau, et le festival Marées hautes, au Croisic.
"""),
            [
                (DATE, "janvier 2022"),
                (ORG, "Fonds d’aide aux festivals en milieu rural"),
                (ORG, "Agence nationale des festivals"),
                (ORG, "ANF"),
                (ORG, "ministère de la Culture"),
                (ORG, "Fédération des festivals de territoire"),
                (ORG, "FFT"),
                (DATE, "2022"),
                (DATE, "2023"),
                (MONEY, "10 000 et 50 000 €"),
                (PLACE, "Guadeloupe"),
                (PLACE, "Guyane"),
                (PLACE, "La Réunion"),
                (MONEY, "8 M€"),
                (MONEY, "2,5 millions d’euros"),
                (ORG, "Banque des territoires culturels"),
                (ORG, "Fondation Terres de musique"),
                (ORG, "Les Nuits du Causse"),
                (PLACE, "Millau"),
                (ORG, "Marées hautes"),
                (PLACE, "Croisic"),
            ],
        ),
        "results": (
            T("""
En deux ans, 412 festivals ont été aidés dans 11 régions, dont 64 en Occitanie et 51 en Bretagne. Les aides versées ont atteint 14,6 millions d’euros, soit une moyenne de 35 400 € par festival. Selon une enquête de la FFT publiée le 4 mars 2024, 71 % des festivals aidés ont accru leur fréquentation par rapport à 2019, et 38 % ont accueilli des bénévoles venus d’Allemagne, d’Espagne ou du Royaume-Uni grâce au programme européen Erasmus+.
"""),
            [
                (PLACE, "Occitanie"),
                (PLACE, "Bretagne"),
                (MONEY, "14,6 millions d’euros"),
                (MONEY, "35 400 €"),
                (ORG, "FFT"),
                (DATE, "4 mars 2024"),
                (DATE, "2019"),
                (PLACE, "Allemagne"),
                (PLACE, "Espagne"),
                (PLACE, "Royaume-Uni"),
            ],
        ),
        "conclusions": (
            T("""
Le rapport remis à l’ANF en novembre 2023 par le cabinet Territoires & Cultures recommande de pérenniser le fonds jusqu’en 2027, de porter le plafond à 60 000 € pour les festivals de Corse et des territoires de montagne, et de mieux associer les conseils départementaux.
"""),
            [
                (ORG, "ANF"),
                (DATE, "novembre 2023"),
                (ORG, "Territoires & Cultures"),
                (DATE, "2027"),
                (MONEY, "60 000 €"),
                (PLACE, "Corse"),
            ],
        ),
    },
]

# ---------------------------------------------------------------------------------------------
# Spanish
# ---------------------------------------------------------------------------------------------

ES = [
    {
        "measure": "es-01",  # Argentina: Plan Federal de Series Regionales
        "description": (
            T("""
El Plan Federal de Series Regionales fue lanzado en agosto de 2019 por el Instituto Nacional de Artes Audiovisuales y Series (INAAS), organismo autárquico del Ministerio de Cultura de la Nación. Financia series de ficción, animación y documental producidas fuera de la Ciudad Autónoma de Buenos Aires, mediante concursos organizados por región: Noroeste, Noreste, Cuyo, Centro, Patagonia y provincia de Buenos Aires.
Cada serie ganadora recibe hasta $ 45.000.000, y el INAAS aporta además US$ 60.000 para contratar servicios de posproducción en Córdoba, Rosario o Mendoza. Las bases exigen que al menos el 70 % del equipo técnico resida en la provincia de origen del proyecto.
Las series se coproducen con la Red de Televisoras Universitarias (RETU) y con la Asociación de Productores Independientes del Litoral (APIL), y se estrenan en el Festival de Series del Atlántico Sur, en Mar del Plata. En 2021 el plan sumó 1.200 millones de pesos del Fondo Federal de las Artes, creado por la Ley N° 27.918.
"""),
            [
                (DATE, "agosto de 2019"),
                (ORG, "Instituto Nacional de Artes Audiovisuales y Series"),
                (ORG, "INAAS"),
                (ORG, "Ministerio de Cultura de la Nación"),
                (PLACE, "Ciudad Autónoma de Buenos Aires"),
                (PLACE, "Noroeste"),
                (PLACE, "Noreste"),
                (PLACE, "Cuyo"),
                (PLACE, "Centro"),
                (PLACE, "Patagonia"),
                (PLACE, "Buenos Aires"),
                (MONEY, "$ 45.000.000"),
                (ORG, "INAAS"),
                (MONEY, "US$ 60.000"),
                (PLACE, "Córdoba"),
                (PLACE, "Rosario"),
                (PLACE, "Mendoza"),
                (ORG, "Red de Televisoras Universitarias"),
                (ORG, "RETU"),
                (ORG, "Asociación de Productores Independientes del Litoral"),
                (ORG, "APIL"),
                (ORG, "Festival de Series del Atlántico Sur"),
                (PLACE, "Mar del Plata"),
                (DATE, "2021"),
                (MONEY, "1.200 millones de pesos"),
                (ORG, "Fondo Federal de las Artes"),
                (LAW, "Ley N° 27.918"),
            ],
        ),
        "results": (
            T("""
Entre 2019 y 2023 se produjeron 58 series en 21 provincias, con un total de 312 capítulos. Las series generaron 4.300 puestos de trabajo temporales y atrajeron una inversión privada adicional de USD 3,1 millones. La serie «Viento de Puna», rodada en Jujuy y Salta, fue vendida a canales de Chile, Uruguay y España. En marzo de 2023, el INAAS firmó un acuerdo con la Alianza de Televisoras Públicas del Sur (ATPS) para coproducir seis series por un valor de € 250.000 cada una.
"""),
            [
                (DATE, "2019 y 2023"),
                (MONEY, "USD 3,1 millones"),
                (PLACE, "Jujuy"),
                (PLACE, "Salta"),
                (PLACE, "Chile"),
                (PLACE, "Uruguay"),
                (PLACE, "España"),
                (DATE, "marzo de 2023"),
                (ORG, "INAAS"),
                (ORG, "Alianza de Televisoras Públicas del Sur"),
                (ORG, "ATPS"),
                (MONEY, "€ 250.000"),
            ],
        ),
    },
    {
        "measure": "es-02",  # Perú: bandas de música tradicional
        "description": (
            T("""
Desde el 15 de enero de 2020, la Dirección de Músicas Tradicionales del Ministerio de Cultura ejecuta el programa «Bandas del Ande», que apoya a las bandas de viento y a los conjuntos de música tradicional de las regiones de Puno, Cusco, Ayacucho, Apurímac y Junín. El programa fue creado por el Decreto Supremo N° 004-2019-MC y se financia con recursos ordinarios y con aportes de la Sociedad Andina de Intérpretes Musicales (SAIM).
Sus componentes son:
a) donación de instrumentos, con un tope de S/ 35.000 por banda;
b) talleres de lectura musical y de luthería a cargo del Conservatorio Regional de Música del Sur, con sede en Arequipa;
c) registro audiovisual del repertorio, en convenio con la Universidad Intercultural del Altiplano.
El presupuesto para 2020-2023 fue de S/ 9,6 millones, equivalentes a unos 2,5 millones de dólares. En 2022 la Municipalidad Provincial de San Román aportó S/ 400.000 adicionales para el Encuentro de Bandas del Altiplano, que se celebra cada febrero en Juliaca.
"""),
            [
                (DATE, "15 de enero de 2020"),
                (ORG, "Dirección de Músicas Tradicionales del Ministerio de Cultura"),
                (PLACE, "Puno"),
                (PLACE, "Cusco"),
                (PLACE, "Ayacucho"),
                (PLACE, "Apurímac"),
                (PLACE, "Junín"),
                (LAW, "Decreto Supremo N° 004-2019-MC"),
                (ORG, "Sociedad Andina de Intérpretes Musicales"),
                (ORG, "SAIM"),
                (MONEY, "S/ 35.000"),
                (ORG, "Conservatorio Regional de Música del Sur"),
                (PLACE, "Arequipa"),
                (ORG, "Universidad Intercultural del Altiplano"),
                (DATE, "2020-2023"),
                (MONEY, "S/ 9,6 millones"),
                (MONEY, "2,5 millones de dólares"),
                (DATE, "2022"),
                (ORG, "Municipalidad Provincial de San Román"),
                (MONEY, "S/ 400.000"),
                (ORG, "Encuentro de Bandas del Altiplano"),
                (DATE, "febrero"),
                (PLACE, "Juliaca"),
            ],
        ),
        "results": (
            T("""
A diciembre de 2023, 286 bandas habían recibido instrumentos y 3.900 músicos, el 41 % de ellos menores de 25 años, habían completado los talleres. El Encuentro de Bandas del Altiplano reunió a 74 agrupaciones en Juliaca en febrero de 2023, con delegaciones de Bolivia y del norte de Chile. Se digitalizaron 1.150 piezas que hoy conserva el Archivo de Música Tradicional de Lima. La SAIM registró 212 nuevas obras, cuyos derechos recaudados en 2023 sumaron S/ 186.000.
"""),
            [
                (DATE, "diciembre de 2023"),
                (ORG, "Encuentro de Bandas del Altiplano"),
                (PLACE, "Juliaca"),
                (DATE, "febrero de 2023"),
                (PLACE, "Bolivia"),
                (PLACE, "Chile"),
                (ORG, "Archivo de Música Tradicional de Lima"),
                (ORG, "SAIM"),
                (DATE, "2023"),
                (MONEY, "S/ 186.000"),
            ],
        ),
        "conclusions": (
            T("""
La evaluación realizada en 2023 por el Instituto de Estudios Andinos Sociales (IEAS) recomienda duplicar el tope por banda a S/ 70.000, incluir a Huancavelica y Pasco desde 2025 y coordinar con el Gobierno Regional de Puno el transporte de los músicos.
"""),
            [
                (DATE, "2023"),
                (ORG, "Instituto de Estudios Andinos Sociales"),
                (ORG, "IEAS"),
                (MONEY, "S/ 70.000"),
                (PLACE, "Huancavelica"),
                (PLACE, "Pasco"),
                (DATE, "2025"),
                (ORG, "Gobierno Regional de Puno"),
            ],
        ),
    },
    {
        "measure": "es-03",  # México: edición independiente
        "description": (
            T("""
El Programa de Apoyo a la Edición Independiente fue creado en 2018 por la Secretaría de Cultura, a través de la Dirección General de Publicaciones, para fortalecer a las editoriales mexicanas con catálogos de menos de 200 títulos. Opera mediante convocatorias anuales que se publican cada mes de marzo, en colaboración con la Cámara de Editores Independientes de México (CEIM) y la Alianza de Librerías del Bajío.
Los apoyos incluyen:
• coediciones de hasta 350.000 pesos mexicanos por título;
• la participación en la Feria del Libro del Noreste, en Monterrey, y en la Feria del Libro Independiente de Oaxaca (FELIO);
• la traducción de obras escritas en náhuatl, maya y zapoteco, con la Universidad Regional del Golfo.
El presupuesto anual es de MXN 18 millones. En 2021 el Banco Interamericano de Desarrollo (BID) otorgó una cooperación técnica de USD 450.000 para crear una distribuidora común con sede en Puebla, que atiende también a Tlaxcala y Veracruz.
"""),
            [
                (DATE, "2018"),
                (ORG, "Secretaría de Cultura"),
                (ORG, "Dirección General de Publicaciones"),
                (DATE, "marzo"),
                (ORG, "Cámara de Editores Independientes de México"),
                (ORG, "CEIM"),
                (ORG, "Alianza de Librerías del Bajío"),
                (MONEY, "350.000 pesos mexicanos"),
                (ORG, "Feria del Libro del Noreste"),
                (PLACE, "Monterrey"),
                (ORG, "Feria del Libro Independiente de Oaxaca"),
                (ORG, "FELIO"),
                (ORG, "Universidad Regional del Golfo"),
                (MONEY, "MXN 18 millones"),
                (DATE, "2021"),
                (ORG, "Banco Interamericano de Desarrollo"),
                (ORG, "BID"),
                (MONEY, "USD 450.000"),
                (PLACE, "Puebla"),
                (PLACE, "Tlaxcala"),
                (PLACE, "Veracruz"),
            ],
        ),
        "results": (
            T("""
Entre 2018 y 2023 se apoyaron 640 títulos de 152 editoriales de 27 estados. Las ventas de las obras apoyadas alcanzaron 41 millones de pesos en 2023, y 37 títulos se vendieron para su traducción en Francia, Brasil y Estados Unidos. La distribuidora común, Red Libros del Centro S.A. de C.V., abrió en Puebla en septiembre de 2022 y hoy abastece a 96 librerías de Jalisco, Guanajuato y la Ciudad de México, con ventas de $ 7,8 millones en su primer año.
"""),
            [
                (DATE, "2018 y 2023"),
                (MONEY, "41 millones de pesos"),
                (DATE, "2023"),
                (PLACE, "Francia"),
                (PLACE, "Brasil"),
                (PLACE, "Estados Unidos"),
                (ORG, "Red Libros del Centro S.A. de C.V."),
                (PLACE, "Puebla"),
                (DATE, "septiembre de 2022"),
                (PLACE, "Jalisco"),
                (PLACE, "Guanajuato"),
                (PLACE, "Ciudad de México"),
                (MONEY, "$ 7,8 millones"),
            ],
        ),
        "conclusions": (
            T("""
La evaluación externa del Colegio de Estudios del Libro, publicada el 30 de mayo de 2024, concluye que el programa elevó la presencia de editoriales de Chiapas, Oaxaca y Yucatán en las librerías de la capital. Recomienda abrir una línea de USD 200.000 para ferias en América Latina y coordinarse con la CEIM.
"""),
            [
                (ORG, "Colegio de Estudios del Libro"),
                (DATE, "30 de mayo de 2024"),
                (PLACE, "Chiapas"),
                (PLACE, "Oaxaca"),
                (PLACE, "Yucatán"),
                (MONEY, "USD 200.000"),
                (PLACE, "América Latina"),
                (ORG, "CEIM"),
            ],
        ),
    },
    {
        "measure": "es-04",  # Colombia: circulación de artes escénicas del Pacífico
        "description": (
            T("""
Desde 2019, el Ministerio de Cultura, en alianza con la Corporación Cultural del Litoral Pacífico (CCLP), financia giras de grupos de danza, teatro y música de los departamentos de Chocó, Valle del Cauca, Cauca y Nariño. El programa responde al Plan Decenal de Cultura del Pacífico 2019-2029 y da prioridad a agrupaciones afrodescendientes e indígenas de municipios como Quibdó, Buenaventura, Guapi y Tumaco.
Cada año se abren dos convocatorias, en febrero y en julio. Los grupos seleccionados reciben entre 20 y 80 millones de pesos colombianos para cubrir transporte fluvial y aéreo, honorarios y alojamiento. La CCLP coordina además una red de 35 salas y casas de cultura, con apoyo del Banco de Fomento Cultural (BANFOC), y organiza la rueda de negocios del Festival Marimba y Cununo de Buenaventura.
Para el periodo 2019-2022 el programa contó con COP 6.800 millones. La Agencia Iberoamericana de Cooperación Cultural (AICC) aportó 300.000 euros en 2021 para la formación de gestores en la Escuela de Artes del Litoral de Tumaco.
"""),
            [
                (DATE, "2019"),
                (ORG, "Ministerio de Cultura"),
                (ORG, "Corporación Cultural del Litoral Pacífico"),
                (ORG, "CCLP"),
                (PLACE, "Chocó"),
                (PLACE, "Valle del Cauca"),
                (PLACE, "Cauca"),
                (PLACE, "Nariño"),
                (PLACE, "Pacífico"),
                (DATE, "2019-2029"),
                (PLACE, "Quibdó"),
                (PLACE, "Buenaventura"),
                (PLACE, "Guapi"),
                (PLACE, "Tumaco"),
                (DATE, "febrero"),
                (DATE, "julio"),
                (MONEY, "20 y 80 millones de pesos colombianos"),
                (ORG, "CCLP"),
                (ORG, "Banco de Fomento Cultural"),
                (ORG, "BANFOC"),
                (ORG, "Festival Marimba y Cununo de Buenaventura"),
                (DATE, "2019-2022"),
                (MONEY, "COP 6.800 millones"),
                (ORG, "Agencia Iberoamericana de Cooperación Cultural"),
                (ORG, "AICC"),
                (MONEY, "300.000 euros"),
                (DATE, "2021"),
                (ORG, "Escuela de Artes del Litoral de Tumaco"),
            ],
        ),
        "results": (
            T("""
Entre 2019 y 2022 se realizaron 142 giras con 1.870 artistas, que ofrecieron 960 funciones en 118 municipios, incluidos Cali, Medellín y Bogotá. El 46 % de los grupos salió por primera vez de su departamento y 14 agrupaciones se presentaron en Panamá, Ecuador y Cuba. La rueda de negocios de agosto de 2022 generó contratos por COP 1.450 millones, unos US$ 360.000, y el BANFOC otorgó créditos por $ 900 millones a 12 organizaciones.
"""),
            [
                (DATE, "2019 y 2022"),
                (PLACE, "Cali"),
                (PLACE, "Medellín"),
                (PLACE, "Bogotá"),
                (PLACE, "Panamá"),
                (PLACE, "Ecuador"),
                (PLACE, "Cuba"),
                (DATE, "agosto de 2022"),
                (MONEY, "COP 1.450 millones"),
                (MONEY, "US$ 360.000"),
                (ORG, "BANFOC"),
                (MONEY, "$ 900 millones"),
            ],
        ),
    },
    {
        "measure": "es-05",  # Chile: Residencias Australes
        "description": (
            T("""
El programa Residencias Australes, creado mediante la Resolución Exenta N° 1.245 del 3 de septiembre de 2020, financia residencias de artistas visuales en las regiones de Aysén, Magallanes y Los Lagos. Es ejecutado por la Subsecretaría de las Artes en alianza con la Fundación Fin del Mundo y el Instituto Patagónico de Arte Contemporáneo (IPAC).
Cada residencia dura entre seis y diez semanas y recibe un aporte de $ 4.500.000, más pasajes desde Santiago. Los artistas extranjeros, seleccionados con la Red Latinoamericana de Residencias Artísticas (RELARA), reciben además US$ 1.500 para seguros y visados. Las sedes son Coyhaique, Puerto Natales, Punta Arenas, Castro, en la isla de Chiloé, y Puerto Williams.
El presupuesto 2021-2024 asciende a CLP 1.240 millones, con un aporte de 180 millones de pesos del Gobierno Regional de Magallanes y una donación de Transportes Estrecho S.A. que cubre los traslados marítimos.
"""),
            [
                (LAW, "Resolución Exenta N° 1.245 del 3 de septiembre de 2020"),
                (PLACE, "Aysén"),
                (PLACE, "Magallanes"),
                (PLACE, "Los Lagos"),
                (ORG, "Subsecretaría de las Artes"),
                (ORG, "Fundación Fin del Mundo"),
                (ORG, "Instituto Patagónico de Arte Contemporáneo"),
                (ORG, "IPAC"),
                (MONEY, "$ 4.500.000"),
                (PLACE, "Santiago"),
                (ORG, "Red Latinoamericana de Residencias Artísticas"),
                (ORG, "RELARA"),
                (MONEY, "US$ 1.500"),
                (PLACE, "Coyhaique"),
                (PLACE, "Puerto Natales"),
                (PLACE, "Punta Arenas"),
                (PLACE, "Castro"),
                (PLACE, "Chiloé"),
                (PLACE, "Puerto Williams"),
                (DATE, "2021-2024"),
                (MONEY, "CLP 1.240 millones"),
                (MONEY, "180 millones de pesos"),
                (ORG, "Gobierno Regional de Magallanes"),
                (ORG, "Transportes Estrecho S.A."),
            ],
        ),
        "results": (
            T("""
De 2020 a 2023 se realizaron 96 residencias, 31 de ellas con artistas de Argentina, Perú, Bolivia, Alemania y Japón. Las obras producidas se exhibieron en la Galería del Estrecho, en Punta Arenas, en noviembre de 2022, y en la Trienal de Arte del Cono Sur, en Valparaíso, en abril de 2023. Las ventas de obras generaron US$ 85.000 para los artistas y el IPAC recibió una donación de 40.000 dólares de la Fundación Mar Austral para su archivo.
"""),
            [
                (DATE, "2020 a 2023"),
                (PLACE, "Argentina"),
                (PLACE, "Perú"),
                (PLACE, "Bolivia"),
                (PLACE, "Alemania"),
                (PLACE, "Japón"),
                (ORG, "Galería del Estrecho"),
                (PLACE, "Punta Arenas"),
                (DATE, "noviembre de 2022"),
                (ORG, "Trienal de Arte del Cono Sur"),
                (PLACE, "Valparaíso"),
                (DATE, "abril de 2023"),
                (MONEY, "US$ 85.000"),
                (ORG, "IPAC"),
                (MONEY, "40.000 dólares"),
                (ORG, "Fundación Mar Austral"),
            ],
        ),
        "conclusions": (
            T("""
Según la evaluación de 2023, las residencias en Puerto Williams y Castro tienen la mayor demanda. Se recomienda ampliar el programa a la región de Arica y Parinacota a partir de 2025 y elevar el aporte por residencia a $ 6.000.000.
"""),
            [
                (DATE, "2023"),
                (PLACE, "Puerto Williams"),
                (PLACE, "Castro"),
                (PLACE, "Arica y Parinacota"),
                (DATE, "2025"),
                (MONEY, "$ 6.000.000"),
            ],
        ),
    },
    {
        "measure": "es-06",  # Uruguay: Escuelas de Murga Joven
        "description": (
            T("""
Las Escuelas de Murga Joven forman a adolescentes de 14 a 19 años en canto, percusión, escritura de cuplés y maquillaje, con docentes que integran murgas de larga trayectoria. El programa fue creado el 12 de marzo de 2017 por la Intendencia de Montevideo y desde 2019 se extendió a Canelones, Maldonado, Paysandú, Salto y Rivera gracias a un convenio con el Congreso de Intendentes.
La gestión está a cargo de la Asociación de Murgas del Uruguay (AMU), con el apoyo académico del Instituto Superior de Artes del Río de la Plata. Cada escuela recibe $U 850.000 por año para pagar docentes, vestuario e instrumentos, y el Fondo Nacional de Carnaval financia un encuentro anual de cierre. En 2022 la Embajada de España en Montevideo aportó US$ 12.000 para un intercambio con chirigotas de Cádiz.
El presupuesto total del período 2017-2023 fue de UYU 32 millones.
"""),
            [
                (DATE, "12 de marzo de 2017"),
                (ORG, "Intendencia de Montevideo"),
                (DATE, "2019"),
                (PLACE, "Canelones"),
                (PLACE, "Maldonado"),
                (PLACE, "Paysandú"),
                (PLACE, "Salto"),
                (PLACE, "Rivera"),
                (ORG, "Congreso de Intendentes"),
                (ORG, "Asociación de Murgas del Uruguay"),
                (ORG, "AMU"),
                (ORG, "Instituto Superior de Artes del Río de la Plata"),
                (MONEY, "$U 850.000"),
                (ORG, "Fondo Nacional de Carnaval"),
                (DATE, "2022"),
                (ORG, "Embajada de España"),
                (PLACE, "Montevideo"),
                (MONEY, "US$ 12.000"),
                (PLACE, "Cádiz"),
                (DATE, "2017-2023"),
                (MONEY, "UYU 32 millones"),
            ],
        ),
        "results": (
            T("""
Entre 2017 y 2023 egresaron 2.140 jóvenes, el 58 % de ellos mujeres. En febrero de 2024 el Encuentro de Murga Joven reunió a 46 murgas en el Parque Rodó, en Montevideo, ante unas 9.000 personas, y once murgas jóvenes actuaron en Buenos Aires, Porto Alegre y Rosario. La venta de entradas y la transmisión por Canal Sur Uruguay generaron $ 3,2 millones, que se reinvirtieron en becas.
"""),
            [
                (DATE, "2017 y 2023"),
                (DATE, "febrero de 2024"),
                (ORG, "Encuentro de Murga Joven"),
                (PLACE, "Parque Rodó"),
                (PLACE, "Montevideo"),
                (PLACE, "Buenos Aires"),
                (PLACE, "Porto Alegre"),
                (PLACE, "Rosario"),
                (ORG, "Canal Sur Uruguay"),
                (MONEY, "$ 3,2 millones"),
            ],
        ),
        "conclusions": (
            T("""
La evaluación del Observatorio Uruguayo de Cultura Popular (octubre de 2023) recomienda abrir escuelas en Tacuarembó y Artigas, crear un fondo de becas de UYU 4 millones y articular el programa con el Ministerio de Educación y Cultura.
"""),
            [
                (ORG, "Observatorio Uruguayo de Cultura Popular"),
                (DATE, "octubre de 2023"),
                (PLACE, "Tacuarembó"),
                (PLACE, "Artigas"),
                (MONEY, "UYU 4 millones"),
                (ORG, "Ministerio de Educación y Cultura"),
            ],
        ),
    },
    {
        "measure": "es-07",  # España: creación escénica en el medio rural
        "description": (
            T("""
Las Ayudas a la Creación Escénica en el Medio Rural, reguladas por la Orden CUD/412/2021, de 22 de abril, financian residencias y giras de compañías de teatro, danza y circo en municipios de menos de 5.000 habitantes. Las gestiona la Agencia Estatal de Artes Escénicas (AEAE), adscrita al Ministerio de Cultura, con la Red Española de Teatros en el Medio Rural (RETEMER) y la Federación Estatal de Compañías de Circo (FECC).
Se da prioridad a los municipios de Castilla y León, Aragón, Castilla-La Mancha y Extremadura, así como a la provincia de Teruel y a la comarca de La Vera. Las ayudas oscilan entre 15.000 y 60.000 € por proyecto, y cada función en un municipio de menos de 1.000 habitantes recibe un complemento de € 2.000.
La dotación inicial fue de 7,5 millones de euros para 2021, a la que la Junta de Extremadura sumó 1,8 M€ y la Diputación Provincial de Soria otros 250.000 euros.
"""),
            [
                (LAW, "Orden CUD/412/2021, de 22 de abril"),
                (ORG, "Agencia Estatal de Artes Escénicas"),
                (ORG, "AEAE"),
                (ORG, "Ministerio de Cultura"),
                (ORG, "Red Española de Teatros en el Medio Rural"),
                (ORG, "RETEMER"),
                (ORG, "Federación Estatal de Compañías de Circo"),
                (ORG, "FECC"),
                (PLACE, "Castilla y León"),
                (PLACE, "Aragón"),
                (PLACE, "Castilla-La Mancha"),
                (PLACE, "Extremadura"),
                (PLACE, "Teruel"),
                (PLACE, "La Vera"),
                (MONEY, "15.000 y 60.000 €"),
                (MONEY, "€ 2.000"),
                (MONEY, "7,5 millones de euros"),
                (DATE, "2021"),
                (ORG, "Junta de Extremadura"),
                (MONEY, "1,8 M€"),
                (ORG, "Diputación Provincial de Soria"),
                (MONEY, "250.000 euros"),
            ],
        ),
        "results": (
            T("""
En las convocatorias de 2021, 2022 y 2023 se concedieron 318 ayudas por un total de 14,2 millones de euros. Las compañías beneficiarias ofrecieron 2.760 funciones en 1.130 municipios, 41 de ellos en la comarca de Gúdar-Javalambre y en la Sierra de Gata. La Muestra de Circo de Cáceres de octubre de 2023 programó 22 espectáculos surgidos de las residencias, y tres compañías hicieron giras por Portugal y Marruecos con el apoyo de la Red Ibérica de Escena Rural (RIER).
"""),
            [
                (DATE, "2021"),
                (DATE, "2022"),
                (DATE, "2023"),
                (MONEY, "14,2 millones de euros"),
                (PLACE, "Gúdar-Javalambre"),
                (PLACE, "Sierra de Gata"),
                (ORG, "Muestra de Circo de Cáceres"),
                (DATE, "octubre de 2023"),
                (PLACE, "Portugal"),
                (PLACE, "Marruecos"),
                (ORG, "Red Ibérica de Escena Rural"),
                (ORG, "RIER"),
            ],
        ),
        "conclusions": (
            T("""
La evaluación externa de la Universidad Popular de la Serranía (2024) concluye que las residencias de más de tres semanas generan más público local. Recomienda elevar la ayuda máxima a 75.000 €, publicar la convocatoria antes de enero y coordinar el calendario con la Red de Teatros de Extremadura.
"""),
            [
                (ORG, "Universidad Popular de la Serranía"),
                (DATE, "2024"),
                (MONEY, "75.000 €"),
                (DATE, "enero"),
                (ORG, "Red de Teatros de Extremadura"),
            ],
        ),
    },
    {
        "measure": "es-08",  # Costa Rica: Fondo para el Diseño y la Artesanía Territorial
        "description": (
            T("""
El Fondo para el Diseño y la Artesanía Territorial (FODAT) fue creado por el Decreto Ejecutivo N° 42718-C, publicado el 1.º de julio de 2020, y es administrado por el Centro de Diseño e Innovación Artesanal (CEDIA), órgano adscrito al Ministerio de Cultura y Juventud. Otorga capital semilla a talleres de artesanía y diseño de las provincias de Limón, Puntarenas y Guanacaste, y de los territorios indígenas de Talamanca y Buenos Aires.
Cada taller seleccionado recibe entre ₡ 1.500.000 y ₡ 3.500.000, además de asesoría en costos, fotografía de producto y comercio electrónico brindada por la Cámara Costarricense de Diseño y la Universidad Técnica del Pacífico. La Asociación de Artesanas Bribri de Talamanca (ASABRI) participa en el comité de selección.
El presupuesto para 2020-2023 fue de ₡450 millones. En el segundo semestre de 2021, el Fondo Internacional para la Diversidad Cultural (FIDC) de la UNESCO aportó USD 75.000 para un programa de formación en tintes naturales.
"""),
            [
                (ORG, "Fondo para el Diseño y la Artesanía Territorial"),
                (ORG, "FODAT"),
                (LAW, "Decreto Ejecutivo N° 42718-C"),
                (DATE, "1.º de julio de 2020"),
                (ORG, "Centro de Diseño e Innovación Artesanal"),
                (ORG, "CEDIA"),
                (ORG, "Ministerio de Cultura y Juventud"),
                (PLACE, "Limón"),
                (PLACE, "Puntarenas"),
                (PLACE, "Guanacaste"),
                (PLACE, "Talamanca"),
                (PLACE, "Buenos Aires"),
                (MONEY, "₡ 1.500.000"),
                (MONEY, "₡ 3.500.000"),
                (ORG, "Cámara Costarricense de Diseño"),
                (ORG, "Universidad Técnica del Pacífico"),
                (ORG, "Asociación de Artesanas Bribri de Talamanca"),
                (ORG, "ASABRI"),
                (DATE, "2020-2023"),
                (MONEY, "₡450 millones"),
                (DATE, "segundo semestre de 2021"),
                (ORG, "Fondo Internacional para la Diversidad Cultural"),
                (ORG, "FIDC"),
                (ORG, "UNESCO"),
                (MONEY, "USD 75.000"),
            ],
        ),
        "results": (
            T("""
Hasta junio de 2024, el FODAT otorgó 187 capitales semilla a talleres de 38 cantones; el 71 % de ellos están liderados por mujeres. Los talleres apoyados vendieron productos por ₡ 612 millones (USD 1,1 millones) en la Feria Nacional de Diseño Hecho Aquí, celebrada cada diciembre en San José, y en tiendas de Puerto Viejo y Liberia. En 2023, ocho talleres exportaron por primera vez a Panamá, Canadá y los Países Bajos.
"""),
            [
                (DATE, "junio de 2024"),
                (ORG, "FODAT"),
                (MONEY, "₡ 612 millones"),
                (MONEY, "USD 1,1 millones"),
                (ORG, "Feria Nacional de Diseño Hecho Aquí"),
                (DATE, "diciembre"),
                (PLACE, "San José"),
                (PLACE, "Puerto Viejo"),
                (PLACE, "Liberia"),
                (DATE, "2023"),
                (PLACE, "Panamá"),
                (PLACE, "Canadá"),
                (PLACE, "Países Bajos"),
            ],
        ),
        "conclusions": (
            T("""
La evaluación del CEDIA de marzo de 2024 recomienda mantener la prioridad para Limón y ampliar el fondo a ₡ 600 millones para el período 2024-2027, con una cooperación de la Organización de los Estados Americanos (OEA).
"""),
            [
                (ORG, "CEDIA"),
                (DATE, "marzo de 2024"),
                (PLACE, "Limón"),
                (MONEY, "₡ 600 millones"),
                (DATE, "2024-2027"),
                (ORG, "Organización de los Estados Americanos"),
                (ORG, "OEA"),
            ],
        ),
    },
]

LANGUAGES = {"en": EN, "fr": FR, "es": ES}


# ---------------------------------------------------------------------------------------------
# Offsets
# ---------------------------------------------------------------------------------------------


class AuthoringError(Exception):
    pass


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum()
    )


def locate(text: str, mentions: list[tuple], where: str) -> list[dict]:
    entities = []
    cursor = 0
    for item in mentions:
        label, mention = item[0], item[1]
        if label not in LABELS:
            raise AuthoringError(f"{where}: unknown label {label!r}")
        if len(item) == 3:
            n = item[2]
            start = -1
            for _ in range(n):
                start = text.find(mention, start + 1)
                if start < 0:
                    raise AuthoringError(f"{where}: occurrence {n} of {mention!r} not found")
        else:
            start = text.find(mention, cursor)
            while start >= 0 and not _bounded(text, start, start + len(mention)):
                start = text.find(mention, start + 1)
            if start < 0:
                raise AuthoringError(f"{where}: {mention!r} not found after offset {cursor}")
        end = start + len(mention)
        if not _bounded(text, start, end):
            raise AuthoringError(f"{where}: {mention!r} at {start} cuts a word")
        if start < cursor:
            raise AuthoringError(f"{where}: {mention!r} at {start} is out of order or overlaps")
        entities.append({"start": start, "end": end, "label": label, "text": mention})
        cursor = end
    return entities


def records(lang: str) -> list[dict]:
    out = []
    for measure in LANGUAGES[lang]:
        mid = measure["measure"]
        for field in FIELDS:
            if field not in measure:
                continue
            text, mentions = measure[field]
            if unicodedata.normalize("NFC", text) != text:
                raise AuthoringError(f"{mid}-{field}: text is not NFC")
            out.append(
                {
                    "id": f"{mid}-{field}",
                    "language": lang,
                    "measure": mid,
                    "field": field,
                    "text": text,
                    "entities": locate(text, mentions, f"{mid}-{field}"),
                }
            )
    return out


def write() -> None:
    for lang in LANGUAGES:
        path = HERE / f"gold-{lang}.jsonl"
        lines = [json.dumps(r, ensure_ascii=False) for r in records(lang)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
        print(f"wrote {path.relative_to(HERE.parent.parent)} ({len(lines)} fields)")


def show() -> None:
    for lang in LANGUAGES:
        for r in records(lang):
            text, parts, pos = r["text"], [], 0
            for e in r["entities"]:
                parts.append(text[pos : e["start"]])
                parts.append(f"[{e['label']} {text[e['start'] : e['end']]}]")
                pos = e["end"]
            parts.append(text[pos:])
            print(f"== {r['id']}\n{''.join(parts)}\n")


LINT_PATTERNS = [
    ("capitalised", re.compile(r"(?<![\w’'])[A-ZÀ-ÖØ-Þ][\w’'-]*")),
    ("year", re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")),
    (
        "currency",
        re.compile(
            r"(?<!\w)(USD|EUR|US\$|\$|€|₡|FCFA|CFA|euros?|dollars?|dólares|pesos|dinars?|dirhams)(?!\w)"
        ),
    ),
]


def lint() -> None:
    """List tokens that often signal a mention and that no span covers, for a human to review."""
    for lang in LANGUAGES:
        for r in records(lang):
            covered = [(e["start"], e["end"]) for e in r["entities"]]
            text = r["text"]
            for kind, pattern in LINT_PATTERNS:
                for m in pattern.finditer(text):
                    if any(s <= m.start() < e for s, e in covered):
                        continue
                    ctx = text[max(0, m.start() - 25) : m.end() + 25].replace("\n", " ")
                    print(f"{r['id']:<22} {kind:<11} {m.group(0)!r:<22} …{ctx}…")
            # a mention string that also occurs unannotated elsewhere in the same text
            for e in r["entities"]:
                s = text.find(e["text"])
                while s >= 0:
                    if _bounded(text, s, s + len(e["text"])) and not any(
                        a <= s < b for a, b in covered
                    ):
                        print(f"{r['id']:<22} repeat      {e['text']!r} unannotated at {s}")
                    s = text.find(e["text"], s + 1)


if __name__ == "__main__":
    try:
        if "--show" in sys.argv[1:]:
            show()
        elif "--lint" in sys.argv[1:]:
            lint()
        else:
            write()
    except AuthoringError as err:
        sys.exit(f"authoring error: {err}")
