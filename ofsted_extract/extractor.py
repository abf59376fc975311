"""The library entry points: text in, record out."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from .reading import MAX_CHARS, Document
from .record import ErrorRecord, Record
from .textutil import analysis_text


class Extractor:
    """Loads the pipeline once and turns many texts into records.

    >>> ex = Extractor()                                   # doctest: +SKIP
    >>> ex.extract("Westmarch was rated good by Ofsted.")  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None) -> None:
        from .pipeline import build_pipeline

        self.model = model
        self.nlp = build_pipeline(model)

    def extract(self, text: str, source: str = "-", warnings: Iterable[str] = ()) -> Record:
        """The record of one text. Offsets in it index ``text`` itself."""
        from .assemble import assemble

        notes = list(warnings)
        if len(text) > MAX_CHARS:
            text = text[:MAX_CHARS]
            notes.append(f"text cut to its first {MAX_CHARS:,} characters")
        doc = self.nlp(analysis_text(text))
        return assemble(doc, source, text, notes)

    def process(self, document: Document) -> Record | ErrorRecord:
        """A read Document to its record, or to an error record; never raises."""
        if document.error is not None or document.text is None:
            return ErrorRecord(source=document.source, error=document.error or "no text")
        try:
            return self.extract(document.text, document.source, document.warnings)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            return ErrorRecord(
                source=document.source,
                error=f"internal error ({type(exc).__name__}: {exc}); please report it",
            )

    def process_many(self, documents: Iterable[Document]) -> Iterator[Record | ErrorRecord]:
        for document in documents:
            yield self.process(document)


@functools.cache
def default_extractor(model: str | None = None) -> Extractor:
    return Extractor(model)


def extract(text: str, source: str = "-") -> Record:
    """Extract the record of one text with the default (rule-only) pipeline."""
    return default_extractor().extract(text, source)
