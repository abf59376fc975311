"""The library entry points: text in, record out.

Flat memory over long runs: spaCy keeps every new word it meets (a lexeme, a
string, a tokenizer cache entry) for the life of the pipeline, so an archive
of tens of thousands of articles, each with its own names and numbers, would
grow the process without bound. After a warm-up, each document is therefore
processed inside ``nlp.memory_zone()``, which frees what that document added.
The warm-up matters for speed: words seen outside a zone stay cached for good,
and a memory zone is cheap only once the common words of the corpus (and every
label the components use) are already there.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .markup import looks_like_html, page_text
from .reading import MAX_CHARS, Document
from .record import ErrorRecord, Record
from .textutil import analysis_text, make_doc

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: Documents processed outside a memory zone before zones start (see above).
WARM_DOCS = 200
#: A longer text is never part of the warm-up: a megabyte of junk met early
#: would otherwise stay in the vocabulary for the rest of the run.
WARM_MAX_CHARS = 50_000

#: One document at a time per process: a memory zone frees whatever is added to
#: the vocabulary while it is open, including another thread's words.
_LOCK = threading.Lock()


class Extractor:
    """Loads the pipeline once and turns many texts into records.

    >>> ex = Extractor()                                   # doctest: +SKIP
    >>> ex.extract("Kestermoor was rated good by Ofsted.")  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None) -> None:
        from .pipeline import build_pipeline

        self.model = model
        self.nlp = build_pipeline(model)
        self._warm = 0

    def extract(self, text: str, source: str = "-", warnings: Iterable[str] = ()) -> Record:
        """The record of one text (plain text or a web page). Offsets in it index ``text``."""
        notes = list(warnings)
        if len(text) > MAX_CHARS:
            text = text[:MAX_CHARS]
            notes.append(f"text cut to its first {MAX_CHARS:,} characters")
        if looks_like_html(text):
            # a saved web page: the rules read what a browser shows, and the
            # evidence is moved back onto the page's own characters
            from .assemble import move_evidence

            page = page_text(text)
            record = self._record(page.text, source, notes)
            move_evidence(record, text, page.span)
            return record
        return self._record(text, source, notes)

    def _record(self, text: str, source: str, notes: list[str]) -> Record:
        from .assemble import assemble

        with _LOCK:
            warming = self._warm < WARM_DOCS and len(text) <= WARM_MAX_CHARS
            if warming or self.nlp.vocab.in_memory_zone:  # type: ignore[attr-defined]
                self._warm += 1
                return assemble(self._doc(text), source, text, notes)
            with self.nlp.memory_zone():
                # nothing of the Doc may leave the zone: the record holds plain strings
                return assemble(self._doc(text), source, text, notes)

    def _doc(self, text: str) -> Doc:
        return self.nlp(make_doc(self.nlp, analysis_text(text)))

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
        """Records for ``documents`` in order, one at a time (nothing holds the batch)."""
        for document in documents:
            yield self.process(document)


@functools.cache
def default_extractor(model: str | None = None) -> Extractor:
    return Extractor(model)


def extract(text: str, source: str = "-") -> Record:
    """Extract the record of one text with the default (rule-only) pipeline."""
    return default_extractor().extract(text, source)
