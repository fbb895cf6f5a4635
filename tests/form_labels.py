"""The form's labels as the platform prints them (docs/form.md §2), shared by the test
modules that build real-shaped records from text."""

from __future__ import annotations

NBSP = "\u00a0"

EN_DESC = "Describe the main features of the policy/measure:"
EN_WEB = "Website of the policy/measure, if available:"
EN_RESULTS = (
    "What are the results achieved so far through the implementation of the policy/measure?:"
)
EN_BUDGET = "Financial resources allocated to the policy/measure in USD:"
EN_PARTNERS = "Partner(s) engaged in the implementation of the measure:"
EN_EVALUATED = "Has the implementation of the policy/measure been evaluated?:"
EN_CONCLUSIONS = "If yes, what are the main conclusions/recommendations?:"
EN_GOALS = "Goal(s) of UNESCO's 2005 Convention"
EN_AREAS = "Area(s) of Monitoring"
EN_DOMAINS = "Cultural Domain(s)"
EN_PRIORITIES = "Transversal Priority(ies)"
EN_HEADER = "Name of partnerType of entity"  # the flattened table header, cells glued

FR_DESC = "Décrivez les principales caractéristiques de la politique/mesure:"
FR_RESULTS = "Quels sont les résultats atteints jusqu’à présent grâce à la mise en œuvre de la politique/mesure ?:"
FR_BUDGET = "Ressources financières allouées à la politique/mesure en dollars américains:"
FR_PARTNERS = "Partenaires engagés dans la mise en œuvre de la politique/mesure :"
FR_EVALUATED = "La mise en œuvre de la politique/mesure a-t-elle été évaluée ?:"
FR_CONCLUSIONS = "Si oui, quelles sont les principales conclusions/recommandations ?:"
FR_GOALS = "Objectif(s) de la Convention 2005 de l'UNESCO"
FR_DOMAINS = "Domaines culturels"

ES_GOALS = "Objetivo(s) de la Convención 2005 de la UNESCO"
ES_DOMAINS = "Dominios culturales"

GOAL_1 = "Goal 1 – Support sustainable systems of governance for culture"


def label(text: str) -> str:
    """A colon label as the platform prints it: followed by a no-break space."""
    return text + NBSP if text.endswith(":") else text


def english_record(
    *,
    title: str | None,
    head: tuple[str, ...],
    description: str,
    results: str,
    website: str | None = None,
    budget_label: str = EN_BUDGET,
    budget: str | None = None,
    partners: tuple[tuple[str, str], ...] = (),
    evaluated: str | None = None,
    conclusions: str | None = None,
    goals: tuple[str, ...] = (),
    domains: tuple[str, ...] = (),
    tail: tuple[str, ...] = (),
) -> str:
    """An English 2020+ record as platform text; `None` leaves a field (label and value) out,
    an empty string keeps the label with no value."""
    lines: list[str] = []
    if title is not None:
        lines.append(title)
    lines += list(head)
    lines += [label(EN_DESC), description]
    if website is not None:
        lines += [label(EN_WEB), website]
    lines += [label(EN_RESULTS), results]
    if budget is not None:
        lines += [label(budget_label)] + ([budget] if budget else [])
    if partners:
        lines += [label(EN_PARTNERS), EN_HEADER]
        for name, kind in partners:
            lines += [name, kind]
    if evaluated is not None:
        lines += [label(EN_EVALUATED)] + ([evaluated] if evaluated else [])
        if conclusions is not None:
            lines += [label(EN_CONCLUSIONS), conclusions]
    lines += [EN_GOALS, *goals, EN_DOMAINS, *domains, *tail]
    return "\n".join(lines) + "\n"
