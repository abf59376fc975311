"""Page layout: line-based sentence starts, paragraphs, the title and page furniture.

Scraped pages carry navigation, cookie banners, share bars and lists of other
stories ("Related articles", "Most read"). Those lists name other bodies with
their grades, so every later rule needs to know where they are: this component
marks them in ``doc.spans["boilerplate"]`` and everything downstream skips them.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import rules
from ..textutil import lines, paragraphs

_BREADCRUMB = re.compile(r"[›»]|\s>\s|\s/\s\S|\s\|\s.*\s\|\s")
_LABEL_LINE = re.compile(r"^[A-Z][\w ]{0,30}:\s")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_DATEISH = re.compile(r"^\W*(\d|(mon|tue|wed|thu|fri|sat|sun)\w*\b|published|posted|updated|last updated)", re.I)


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip().lower()).rstrip(":").strip()


class Layout:
    """Marks lines as sentence starts and finds paragraphs, title and furniture."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.blocks = set(data["block_headings"])
        self.tails = set(data["tail_headings"])
        self.chrome = set(data["chrome_lines"])
        self.prefixes = tuple(data["chrome_prefixes"])
        self.list_max = int(data["list_line_max_words"])

    def is_chrome(self, line: str) -> bool:
        norm = _norm(line)
        if norm in self.chrome or norm.startswith(self.prefixes):
            return True
        return bool(_BREADCRUMB.search(line)) and len(_WORD.findall(line)) <= 12

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
            if self.is_chrome(line):
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
        text = doc.text
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text_with_ws and not token.is_space:
                token.is_sent_start = True
        furniture = self.furniture(text)
        doc.spans["boilerplate"] = _char_spans(doc, furniture, "BOILERPLATE")
        doc.spans["paragraphs"] = _char_spans(doc, list(paragraphs(text)), "PARAGRAPH")
        title = self.title(text, furniture)
        doc.spans["title"] = _char_spans(doc, [title] if title else [], "TITLE")
        return doc


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


def in_boilerplate(doc: Doc, start_char: int, end_char: int | None = None) -> bool:
    """Whether a character offset (or range) falls inside page furniture."""
    end_char = start_char + 1 if end_char is None else end_char
    return any(
        s.start_char < end_char and start_char < s.end_char for s in doc.spans.get("boilerplate", [])
    )


def title_span(doc: Doc) -> Span | None:
    spans = doc.spans.get("title", [])
    return spans[0] if len(spans) else None
