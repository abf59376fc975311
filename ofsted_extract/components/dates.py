"""Placeholder for the dates component (filled in by its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..record import PartialDate


class _Stub:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans["dates"] = []
        return doc


@Language.factory("ofsted_dates")
def make_dates(nlp: Language, name: str) -> _Stub:
    return _Stub()


def article_date(doc: Doc) -> PartialDate | None:
    """When the article itself came out, or None."""
    return None


def inspection_date(
    doc: Doc, start_char: int, end_char: int, published: PartialDate | None
) -> PartialDate | None:
    """When inspectors visited, read from ``doc.text[start_char:end_char]``."""
    return None


def report_date(
    doc: Doc, start_char: int, end_char: int, published: PartialDate | None
) -> PartialDate | None:
    """When the inspection report was published, read from the region."""
    return None
