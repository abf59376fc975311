"""From a processed Doc to the record: one pass over the components' spans."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel
from spacy.tokens import Doc

from .attribution import build_people
from .components import bylines, dates
from .components.layout import in_boilerplate, title_span
from .inspections import build_inspections
from .record import Evidence, Record
from .textutil import doc_text

#: A web address. It starts on the letter that can begin one and only then looks
#: behind for a word boundary: a leading ``\b`` would have the regex engine try
#: every position of the text.
_URL = re.compile(
    r"[hw](?<!\w[hw])(?:(?<=[h])ttps?://|(?<=[w])ww\.)[^\s<>\"'\u201c\u201d\u2018\u2019()\[\]]+",
    re.I,
)


def links(doc: Doc) -> list[str]:
    """Web addresses in the text outside page furniture, in order, once each."""
    out: list[str] = []
    text = doc_text(doc)
    if "://" not in text and "www." not in text.lower():
        return out  # most articles give no address: skip the scan
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?")
        if "@" in url or in_boilerplate(doc, m.start()) and "ofsted" not in url.lower():
            continue
        if url not in out:
            out.append(url)
    return out


_QUOTE_MARKS = "\"“”'‘’"


def _headline(line: str) -> str:
    """The headline without the quote marks some sites wrap it in. A headline that opens
    or ends with a quoted phrase ("'Shock' as school is 'downgraded'") keeps its marks."""
    line = line.strip()
    inner = line[1:-1]
    if (
        len(line) > 1
        and line[0] in _QUOTE_MARKS
        and line[-1] in _QUOTE_MARKS
        and not any(mark in inner for mark in _QUOTE_MARKS if mark not in "'’")
        and not any(f"{mark} " in inner or f" {mark}" in inner for mark in "'‘’")
    ):
        return inner.strip()
    return line


def assemble(doc: Doc, source: str, original: str, warnings: list[str]) -> Record:
    """Build the record of one document from its processed Doc.

    ``original`` is the user's text; ``doc.text`` is a same-length copy with
    line ends and control characters made safe, so evidence offsets hold for
    both and evidence words are re-read from ``original`` at the end.
    """
    published = dates.article_date(doc)
    title = title_span(doc)
    authors = bylines.authors(doc)
    inspections = build_inspections(doc, published, warnings)
    people, report_quotes = build_people(doc, authors, inspections, warnings)
    record = Record(
        source=source,
        title=_headline(title.text) if title is not None else None,
        authors=authors,
        published=published,
        inspections=inspections,
        people=people,
        report_quotes=report_quotes,
        links=links(doc),
        warnings=list(dict.fromkeys(warnings)),
    )
    if original != doc_text(doc):
        _reread_evidence(record, original)
    return record


def _reread_evidence(
    model: BaseModel,
    original: str,
    moved: Callable[[int, int], tuple[int, int]] | None = None,
) -> None:
    """Point every Evidence's words back at the user's own text.

    ``moved`` maps offsets of the text the rules read to offsets of ``original``
    when the two differ in length (a web page and its readable text).
    """
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Evidence):
                if moved is not None:
                    item.start, item.end = moved(item.start, item.end)
                item.text = original[item.start : item.end]
            elif isinstance(item, BaseModel):
                _reread_evidence(item, original, moved)


def move_evidence(record: Record, page: str, moved: Callable[[int, int], tuple[int, int]]) -> None:
    """Point the evidence of a record made from a page's readable text at the page itself."""
    _reread_evidence(record, page, moved)
