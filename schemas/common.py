"""Shared pieces of the record contract: versions, spans, code lists and small value types.

Pure pydantic: this package imports only the standard library and pydantic, so any consumer can
validate qpr output without installing the extraction pipeline.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1.6"


def _number_as_written(value: float) -> float | int:
    """Emit 65000 rather than 65000.0: amounts are read by people as well as programs."""
    return int(value) if value.is_integer() and abs(value) < 2**63 else value


Number = Annotated[float, PlainSerializer(_number_as_written, return_type=float | int)]
LanguageCode = Annotated[
    str, Field(pattern=r"^[a-z]{2,3}(-[a-z]+)?$", description="ISO 639-1 code")
]


class Model(BaseModel):
    """Base of every contract model: unknown keys are an error, so a record validates only
    against the schema of its own version."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(Model):
    start: int = Field(ge=0, description="Start offset in the normalised document text")
    end: int = Field(ge=0, description="End offset (exclusive) in the normalised document text")
    page: int | None = Field(default=None, ge=1, description="1-based page, for paged formats")


class Country(Model):
    name: str = Field(description="English short name (ISO 3166-1), or 'European Union'")
    iso3: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3; EUU for the EU")


class Source(StrEnum):
    """Where a coded value comes from."""

    FORM = "form"
    HEADING = "heading"
    INFERRED = "inferred"


class EntityType(StrEnum):
    PUBLIC_SECTOR = "public_sector"
    PRIVATE_SECTOR = "private_sector"
    CIVIL_SOCIETY = "civil_society"
    OTHER = "other"


class Goal(StrEnum):
    GOAL_1 = "goal_1"
    GOAL_2 = "goal_2"
    GOAL_3 = "goal_3"
    GOAL_4 = "goal_4"


class AreaOfMonitoring(StrEnum):
    CULTURAL_AND_CREATIVE_SECTORS = "cultural_and_creative_sectors"
    MEDIA_DIVERSITY = "media_diversity"
    DIGITAL_ENVIRONMENT = "digital_environment"
    PARTNERING_WITH_CIVIL_SOCIETY = "partnering_with_civil_society"
    MOBILITY_OF_ARTISTS = "mobility_of_artists"
    FLOW_OF_CULTURAL_GOODS_AND_SERVICES = "flow_of_cultural_goods_and_services"
    TREATIES_AND_AGREEMENTS = "treaties_and_agreements"
    NATIONAL_SUSTAINABLE_DEVELOPMENT_POLICIES = "national_sustainable_development_policies"
    INTERNATIONAL_COOPERATION_FOR_SUSTAINABLE_DEVELOPMENT = (
        "international_cooperation_for_sustainable_development"
    )
    GENDER_EQUALITY = "gender_equality"
    ARTISTIC_FREEDOM = "artistic_freedom"


class CulturalDomain(StrEnum):
    CINEMA_AUDIOVISUAL = "cinema_audiovisual"
    DESIGN = "design"
    MEDIA_ARTS = "media_arts"
    MUSIC = "music"
    PERFORMING_ARTS = "performing_arts"
    PUBLISHING = "publishing"
    VISUAL_ARTS = "visual_arts"
    MEDIA = "media"
    MULTIDOMAIN = "multidomain"
    OTHER = "other"


class TransversalPriority(StrEnum):
    YOUTH = "youth"
    WOMEN = "women"
    PERSONS_WITH_DISABILITIES = "persons_with_disabilities"
    INDIGENOUS_PEOPLES = "indigenous_peoples"
    RURAL_COMMUNITIES = "rural_communities"
    OTHER = "other"


class Scope(StrEnum):
    LOCAL = "local"
    REGIONAL = "regional"
    NATIONAL = "national"
    INTERNATIONAL = "international"


class Nature(StrEnum):
    LEGISLATIVE = "legislative"
    REGULATORY = "regulatory"
    FINANCIAL = "financial"
    INSTITUTIONAL = "institutional"
