"""Page layout: line-based sentence starts, paragraphs, the title and page furniture.

Scraped pages carry navigation, cookie banners, share bars and lists of other
stories ("Related articles", "Most read"). Those lists name other bodies with
their grades, so every later rule needs to know where they are: this component
marks them in ``doc.spans["boilerplate"]`` and everything downstream skips them.

Speed: this runs on every document, so nothing here walks the tokens in
Python. Line starts and sentence starts are found on the text or on token
attribute arrays (``Doc.to_array``) and written back in one ``Doc.from_array``;
``in_boilerplate`` answers by binary search over the furniture's character
ranges, which are read from the span group once per Doc.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any, cast

import numpy as np
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, SpanGroup

from .. import rules
from ..textutil import doc_text, lines, paragraphs

_BREADCRUMB = re.compile(r"[›»]|\s>\s|\s/\s\S|\s\|\s.*\s\|\s")
#: Every breadcrumb has one of these; a search for them is several times cheaper.
_BREADCRUMB_CHAR = re.compile(r"[›»>/|]")
_LABEL_LINE = re.compile(r"^[A-Z][\w ]{0,30}:\s")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_DATEISH = re.compile(
    r"^\W*(\d|(mon|tue|wed|thu|fri|sat|sun)\w*\b|published|posted|updated|last updated)", re.I
)


#: A newline and the white space after it; the character after a match starts a line.
_LINE_BREAK = re.compile(r"\n\s*")


def _norm(line: str) -> str:
    return " ".join(line.lower().split()).rstrip(":").rstrip()


class Layout:
    """Marks lines as sentence starts and finds paragraphs, title and furniture."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.blocks = set(data["block_headings"])
        self.tails = set(data["tail_headings"])
        self.chrome = set(data["chrome_lines"])
        self.prefixes = tuple(data["chrome_prefixes"])
        self.list_max = int(data["list_line_max_words"])

    def is_chrome(self, line: str, norm: str | None = None) -> bool:
        norm = _norm(line) if norm is None else norm
        if norm in self.chrome or norm.startswith(self.prefixes):
            return True
        return (
            _BREADCRUMB_CHAR.search(line) is not None
            and _BREADCRUMB.search(line) is not None
            and len(_WORD.findall(line)) <= 12
        )

    def furniture(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of page furniture, in order."""
        out: list[tuple[int, int]] = []
        spans = list(lines(text))
        i = 0
        while i < len(spans):
            start, end = spans[i]
            line = text[start:end]
            norm = _norm(line)
            if norm in self.tails and i > 0:
                out.append((start, len(text)))
                break
            if norm in self.blocks:
                j = i + 1
                last = end
                while j < len(spans):
                    s, e = spans[j]
                    words = len(_WORD.findall(text[s:e]))
                    prose = words > self.list_max or (
                        words > 8 and text[s:e].rstrip().endswith((".", '"', "”"))
                    )
                    if prose:
                        break
                    last = e
                    j += 1
                out.append((start, last))
                i = j
                continue
            if self.is_chrome(line, norm):
                out.append((start, end))
            i += 1
        return out

    def title(self, text: str, furniture: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The headline: the first line near the top that reads like one."""
        skip = {s for s, _ in furniture}
        for n, (start, end) in enumerate(lines(text)):
            if n > 15:
                return None
            line = text[start:end].strip()
            if start in skip or _LABEL_LINE.match(line) or _DATEISH.match(line):
                continue
            words = _WORD.findall(line)
            if len(words) < 3 or line.isupper() or line.lower().startswith("by "):
                continue
            if len(words) > 25 or line[:1].islower():
                return None
            return start, end
        return None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        _mark_line_starts(doc, text)
        furniture = self.furniture(text)
        doc.spans["boilerplate"] = _char_spans(doc, furniture, "BOILERPLATE")
        doc.spans["paragraphs"] = _char_spans(doc, list(paragraphs(text)), "PARAGRAPH")
        title = self.title(text, furniture)
        doc.spans["title"] = _char_spans(doc, [title] if title else [], "TITLE")
        return doc


def _mark_line_starts(doc: Doc, text: str) -> None:
    """Make the first token of every line a sentence start.

    A token starts a line when the white space before it holds a newline.
    Setting ``token.is_sent_start`` one token at a time would cost a scan of
    the whole Doc per line (spaCy checks for a parse each time): quadratic on
    a page of one-word lines. Here the line starts are found in the text and
    mapped to tokens by binary search over the token offsets.
    """
    if len(doc) < 2 or doc.has_annotation("DEP"):
        return
    positions = np.fromiter(
        (m.end() for m in _LINE_BREAK.finditer(text) if m.end() < len(text)), dtype=np.uint64
    )
    if not len(positions):
        return
    table = doc.to_array([IDX, SENT_START])
    found = np.searchsorted(table[:, 0], positions)
    inside = found < len(doc)
    found, positions = found[inside], positions[inside]
    found = found[table[found, 0] == positions]  # a line start inside a token is no start
    if len(found):
        table[found, 1] = 1
        doc.from_array([SENT_START], cast(Any, table[:, 1]))


def _char_spans(doc: Doc, ranges: list[tuple[int, int]], label: str) -> list[Span]:
    out = []
    for start, end in ranges:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    return out


@Language.factory("ofsted_layout")
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(rules.load("layout"))


class FastSentencizer(Sentencizer):  # type: ignore[misc]
    """spaCy's Sentencizer with the same rule, on arrays instead of Token objects.

    spaCy's version walks the tokens in Python and costs about as much as the
    tokenizer itself. The rule is unchanged: a sentence starts at the first
    token, and at the first token after one of ``punct_chars`` that is neither
    punctuation nor one of ``punct_chars``; starts already set (our line starts)
    are kept unless ``overwrite``. It is a Sentencizer (same config, same
    serialisation), added under the usual name ``sentencizer``.
    """

    def _punct_orths(self) -> np.ndarray[Any, np.dtype[np.uint64]]:
        chars = self.punct_chars
        if getattr(self, "_orths_for", None) is not chars:  # from_disk() may replace the set
            self._orths = np.array(sorted(get_string_id(c) for c in chars), dtype=np.uint64)
            self._orths_for = chars
        return self._orths

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations([doc], self.predict([doc]))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            error_handler(self.name, self, [doc], e)
            return doc

    def predict(self, docs: Iterable[Doc]) -> list[np.ndarray[Any, np.dtype[np.bool_]]]:
        return [self._starts(doc) for doc in docs]

    def _starts(self, doc: Doc) -> np.ndarray[Any, np.dtype[np.bool_]]:
        n = len(doc)
        starts = np.zeros(n, dtype=np.bool_)
        if not n:
            return starts
        starts[0] = True
        orth = doc.to_array(ORTH)
        orths = self._punct_orths()  # sorted: a binary search beats np.isin on short docs
        ender = orths[np.minimum(np.searchsorted(orths, orth), len(orths) - 1)] == orth
        # Sentence ends are few: from each, walk to the next word (a token that is
        # neither an ender nor punctuation, white space included, as in spaCy).
        # A walk never re-covers another's ground, so "?!?!..." stays linear.
        reached = -1
        for i in np.flatnonzero(ender).tolist():
            if i < reached:
                continue
            j = i + 1
            while j < n and (ender[j] or doc[j].is_punct):
                j += 1
            if j < n:
                starts[j] = True
            reached = j
        return starts

    def set_annotations(
        self, docs: Iterable[Doc], batch_starts: list[np.ndarray[Any, np.dtype[np.bool_]]]
    ) -> None:
        for doc, starts in zip(docs, batch_starts, strict=True):
            if not len(doc):
                continue
            current = doc.to_array(SENT_START).view(np.int64)  # one attribute: 1-d
            guessed = np.where(starts, 1, -1).astype(np.int64)
            if not self.overwrite:
                guessed = np.where(current == 0, guessed, current)
            doc.from_array([SENT_START], cast(Any, guessed.view(np.uint64)))


@Language.factory(
    "ofsted_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={
        "punct_chars": None,
        "overwrite": False,
        "scorer": {"@scorers": "spacy.senter_scorer.v1"},
    },
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(
    nlp: Language,
    name: str,
    punct_chars: list[str] | None,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> FastSentencizer:
    return FastSentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)


#: Per Doc: the furniture span group last read, its length then, and its merged
#: (starts, ends) character ranges. Keyed weakly, so a Doc's entry dies with it;
#: the group is kept to tell a replaced group (``doc.spans[...] = ...``) from it.
_FURNITURE: weakref.WeakKeyDictionary[Doc, tuple[SpanGroup, int, list[int], list[int]]] = (
    weakref.WeakKeyDictionary()
)


def _furniture_ranges(doc: Doc) -> tuple[list[int], list[int]]:
    group = doc.spans.get("boilerplate")
    if group is None or not len(group):
        return [], []
    cached = _FURNITURE.get(doc)
    if cached is not None and cached[0] is group and cached[1] == len(group):
        return cached[2], cached[3]
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted((span.start_char, span.end_char) for span in group):
        if starts and start <= ends[-1]:  # overlapping or touching: merge
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    _FURNITURE[doc] = (group, len(group), starts, ends)
    return starts, ends


def in_boilerplate(doc: Doc, start_char: int, end_char: int | None = None) -> bool:
    """Whether a character offset (or range) falls inside page furniture.

    Called for every candidate mention, so it is a binary search over the
    merged furniture ranges, read once per Doc (again if the group changes).
    """
    end_char = start_char + 1 if end_char is None else end_char
    starts, ends = _furniture_ranges(doc)
    k = bisect_left(starts, end_char) - 1  # the last range starting before end_char
    return k >= 0 and ends[k] > start_char


def title_span(doc: Doc) -> Span | None:
    """The headline found by the layout component, if any."""
    spans = doc.spans.get("title")
    return spans[0] if spans is not None and len(spans) else None
