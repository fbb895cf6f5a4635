"""The generator's data model (a report, its measures, partners and money) and the truth
written from it: what qpr must find in each generated document."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samples.generator import data


@dataclass(frozen=True)
class Partner:
    name: str | None
    type_text: str | None  # as the document writes it
    code: str | None  # entity_type code (the truth)


@dataclass(frozen=True)
class Money:
    lines: tuple[str, ...]  # the value's paragraphs; () = label with an empty value
    status: str
    amount: int | float | None
    currency: str | None
    shown: bool = True  # False: no budget label at all


@dataclass
class Measure:
    title: str
    agencies: tuple[str, ...]
    content_lang: str
    description: tuple[str, ...]
    results: tuple[str, ...]
    budget: Money
    year: int | None = None  # the When value
    civil_society: bool = False
    conclusions: tuple[str, ...] = ()
    key_objectives: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    nature: tuple[str, ...] = ()
    website: str | None = None
    partners: tuple[Partner, ...] = ()
    evaluated: bool | None = None
    goals: tuple[int, ...] = ()  # the measure's own goal block
    areas: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    heading_goal: int | None = None  # the goal/area headings the measure sits under
    heading_area: str | None = None
    ident: str = "www"  # "www": Where/When/Who; "lines": agency lines; "country": + country line
    shown: frozenset[str] = frozenset()  # labels rendered even when their value is empty
    chapter: int | None = None  # 2016 chapters
    long_table: bool = False


@dataclass
class Report:
    kind: str
    seed: int
    party: data.PartyData
    lang: str  # language of the labels
    title: str
    period: tuple[int, int] | None
    year: int | None
    contact_style: str  # "lines" | "labelled"
    consultation: tuple[str, ...]
    summary: tuple[str, ...]
    measures: list[Measure]
    closing: tuple[tuple[str, tuple[str, ...]], ...] = ()
    submission: str | None = None
    profile: dict[str, Any] = field(default_factory=dict)


def party_truth(party: data.PartyData) -> dict[str, str]:
    return {"name": party.name, "iso3": party.iso3}


def text_or_none(paragraphs: Iterable[str]) -> str | None:
    joined = "\n".join(paragraph for paragraph in paragraphs if paragraph)
    return joined or None


def measure_truth(measure: Measure, party: data.PartyData) -> dict[str, Any]:
    goals = set(measure.goals) | ({measure.heading_goal} if measure.heading_goal else set())
    areas = set(measure.areas) | ({measure.heading_area} if measure.heading_area else set())
    budget = measure.budget
    return {
        "title": measure.title,
        "agency": "; ".join(measure.agencies) or None,
        "country": party_truth(party),
        "year": measure.year,
        "reported_by_civil_society": measure.civil_society,
        "description": text_or_none(measure.description),
        "website": measure.website,
        "results": text_or_none(measure.results),
        "key_objectives": text_or_none(measure.key_objectives),
        "scope": sorted(measure.scope),
        "nature": sorted(measure.nature),
        "budget": {"status": budget.status, "amount": budget.amount, "currency": budget.currency},
        "partners": [{"name": p.name, "entity_type": p.code} for p in measure.partners],
        "evaluation": {
            "evaluated": measure.evaluated,
            "conclusions": text_or_none(measure.conclusions),
        },
        "goals": sorted(f"goal_{goal}" for goal in goals),
        "areas_of_monitoring": sorted(areas),
        "cultural_domains": sorted(measure.domains),
        "transversal_priorities": sorted(measure.priorities),
    }


def report_truth(report: Report, tool: str) -> dict[str, Any]:
    party = report.party
    contact = party.contact
    return {
        "generator": {
            "kind": report.kind,
            "seed": report.seed,
            "attempt": report.profile.get("attempt", 0),
            "tool": tool,
        },
        "report": {
            "party": party_truth(party),
            "period": (
                {"start": report.period[0], "end": report.period[1]} if report.period else None
            ),
            "year": report.year,
            "ratification_date": party.ratification[1],
            "contact": {
                "name": contact.name,
                "organization": contact.organization,
                "email": contact.email,
                "phone": contact.phone,
                "address": contact.address,
            },
            "consultation_process": text_or_none(report.consultation),
            "executive_summary": text_or_none(report.summary),
        },
        "measures": [measure_truth(measure, party) for measure in report.measures],
    }


def write_truth(report: Report, document: Path, tool: str) -> Path:
    folder = document.parent / "truth"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document.name}.json"
    text = json.dumps(report_truth(report, tool), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return path
