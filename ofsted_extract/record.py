"""The output record: the one source of truth for JSON, JSON Schema and CSV.

Field names and enum values follow the project's SCHEMA (docs/SCHEMA.md). Every
value read from the text carries an :class:`Evidence` span so a reader can check
it against the decoded input: ``text[start:end] == evidence.text``.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1"] = "1"

Grade = Literal[
    # the four-point scale
    "outstanding",
    "good",
    "requires_improvement",
    "inadequate",
    # older scales
    "adequate",
    "satisfactory",
    "performs_excellently",
    "performs_well",
    "performs_adequately",
    "performs_poorly",
    # SEND local area outcomes
    "positive_outcomes",
    "inconsistent_outcomes",
    "systemic_failings",
    # school report cards
    "exceptional",
    "strong_standard",
    "expected_standard",
    "needs_attention",
    "urgent_improvement",
    "met",
    "not_met",
]

AreaKey = Literal[
    "leadership",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
    "adoption",
    "fostering",
    "lscb",
    "quality_of_education",
    "behaviour_and_attitudes",
    "personal_development",
    "early_years",
    "sixth_form",
    "outcomes",
    "teaching",
    "safeguarding",
    "inclusion",
    "curriculum_and_teaching",
    "achievement",
    "attendance_and_behaviour",
    "personal_development_and_wellbeing",
    "leadership_and_governance",
    "other",
]

#: Area keys in the order of the SCHEMA; the CSV's ``area_<key>`` columns follow it.
AREA_KEYS: tuple[str, ...] = get_args(AreaKey)

Remit = Literal[
    "childrens_services",
    "school",
    "early_years",
    "further_education",
    "childrens_home",
    "send_local_area",
    "joint_targeted",
    "other",
]

Visit = Literal["full", "focused_visit", "monitoring_visit", "ungraded"]
Direction = Literal["improved", "declined", "unchanged"]
Category = Literal["special_measures", "serious_weaknesses"]


class _Model(BaseModel):
    # Forbid unknown keys so a typo in the assembler fails loudly in tests
    # instead of silently vanishing from the output.
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a value was read: character offsets into the decoded input text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class PartialDate(_Model):
    """A date with only the parts the text gives; nothing is filled from today."""

    year: int | None = Field(default=None, ge=1900, le=2100)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    text: str
    iso: str | None = None
    evidence: Evidence | None = None


class Judgement(_Model):
    grade: Grade
    year: int | None = None
    category: Category | None = None
    evidence: Evidence


class AreaJudgement(_Model):
    area: AreaKey
    label: str
    grade: Grade
    evidence: Evidence


class Inspection(_Model):
    inspectorate: str = "Ofsted"
    subject: str | None = None
    remit: Remit | None = None
    visit: Visit | None = None
    inspected: PartialDate | None = None
    report_published: PartialDate | None = None
    overall: Judgement | None = None
    previous: Judgement | None = None
    direction: Direction | None = None
    areas: list[AreaJudgement] = Field(default_factory=list)
    subject_evidence: Evidence | None = None


class Quote(_Model):
    text: str
    evidence: Evidence


class Person(_Model):
    name: str
    honorific: str | None = None
    role: str | None = None
    organisation: str | None = None
    quotes: list[Quote] = Field(default_factory=list)
    evidence: Evidence


class Record(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: str
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: PartialDate | None = None
    inspections: list[Inspection] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    report_quotes: list[Quote] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ErrorRecord(_Model):
    """What a document that could not be read turns into: the batch goes on."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: str
    error: str


def json_schema() -> dict[str, object]:
    """The JSON Schema of one output line: a record or an error record."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Record | ErrorRecord).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ofsted-extract record"
    return schema
