"""Assembling inspections from the grade, area, body and date spans of a doc."""

from __future__ import annotations

from spacy.tokens import Doc

from .record import Inspection, PartialDate


def build_inspections(
    doc: Doc, published: PartialDate | None, warnings: list[str]
) -> list[Inspection]:
    """One Inspection per inspected body whose outcome the document reports."""
    return []
