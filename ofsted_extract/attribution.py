"""Assembling people, their quotes and the report's quotes from a doc's spans."""

from __future__ import annotations

from spacy.tokens import Doc

from .record import Inspection, Person, Quote


def build_people(
    doc: Doc, authors: list[str], inspections: list[Inspection], warnings: list[str]
) -> tuple[list[Person], list[Quote]]:
    """The named people (not the authors) with roles and quotes, and the report quotes."""
    return [], []
