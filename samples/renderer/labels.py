"""The 2020+ form's labels and values that the original records write (EN, FR)."""

from __future__ import annotations

NBSP = "\u00a0"  # the platform ends a label with ':' + NBSP

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
