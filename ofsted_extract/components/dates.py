"""Dates: when the article came out, when inspectors visited, when the report was published.

The component finds every date expression once (``dating.Grammar``) and
weighs each for the three roles by the words around it, so the assembler's
calls below only pick from what is already there:

- the article's date comes from the page's own furniture: a label
  ("Published:", "Posted on", "Released:", "EMBARGOED UNTIL", "Date of
  meeting:"), a dateline that is nothing but a date near the top, the
  minutes' "held ... on", or "published today (3 July)". Never a date in
  a sentence, and never one in a list of other stories.
- a visit date is a date whose nearest trigger in its clause is a visit word
  ("inspected", "visited", "Inspectors spent three weeks ... in July"), with
  nothing in the clause that makes it an earlier inspection ("last
  inspected in March 2021"), a grade ("up from requires improvement in
  2016"), a deadline ("by 7 April") or still to come ("expected ... next
  year").
- a report date is one whose nearest trigger is a publication word.

Spans go to ``doc.spans["dates"]`` labelled by their best role (PUBLISHED,
VISIT, REPORT or DATE); the weighing lives in ``doc.user_data`` as plain
tuples, so a Doc still serialises.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IDX, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .. import rules
from ..dating import Grammar, Mention, Parts, resolve
from ..record import PartialDate
from ..textutil import doc_text, evidence, lines

_KEY = "ofsted_dates"

#: How much the article-date kinds of evidence count, strongest first.
ARTICLE_LABEL, ARTICLE_DATELINE, ARTICLE_MEETING, ARTICLE_TODAY, ARTICLE_UPDATED = 5, 4, 3, 2, 1

#: How far (characters) the weighing looks back from a date; bounds the work on huge inputs.
_LOOK_BACK = 300
_LOOK_AHEAD = 160

#: The most words a label line may carry after its date ("in Nursery News", "by Newsdesk").
_LABEL_TAIL_WORDS = 6

_BLANK_LINE = re.compile(r"\n\s*\n")
#: What may stand between a visit word and a bare year: "inspected in 2019".
_YEAR_GAPS = frozenset({"", "in", "during", "on", "in the year"})
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014]|\s-\s")
_WORD = re.compile(r"[A-Za-z0-9]+")
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?![\w])|\b\d{1,2}\s*[ap]\.?m\.?(?![\w])|"
    r"\b\d+\s*(?:mins?|minutes?)\s+read\b",
    re.IGNORECASE,
)
_BYLINE_LEAD = re.compile(
    r"^\s*(?:by|author|words|reporter)\b:?[^|\u2022\u00b7]{1,80}[|\u2022\u00b7,]", re.IGNORECASE
)
_TODAY_BEFORE = re.compile(r"\b(?:today|this\s+morning)\s*\(\s*$", re.IGNORECASE)
_PROSE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def _phrases(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _words_regex(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_phrases(words)})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Weighed:
    """A date mention and how well it fits each role (None: not at all)."""

    mention: Mention
    furniture: bool  # inside page furniture of any kind
    listed: bool  # inside a list of other stories
    article: int  # ARTICLE_* strength, 0 when no article date
    visit: float | None
    report: float | None

    def to_tuple(self) -> tuple[Any, ...]:
        m = self.mention
        return (m.start, m.end, m.kind, m.year, m.month, m.day, m.unit, m.offset, m.weekday,
                m.season, m.future, self.furniture, self.listed, self.article, self.visit,
                self.report)

    @classmethod
    def from_tuple(cls, row: Sequence[Any]) -> Weighed:
        mention = Mention(*row[:11])
        return cls(mention, bool(row[11]), bool(row[12]), int(row[13]), row[14], row[15])

    @property
    def role(self) -> str:
        if self.article:
            return "PUBLISHED"
        if self.visit is not None:
            return "VISIT"
        if self.report is not None:
            return "REPORT"
        return "DATE"


class Dates:
    """Finds date expressions and weighs each for the article, visit and report roles."""

    def __init__(self, data: dict[str, Any], layout: dict[str, Any]) -> None:
        self.grammar = Grammar(data)
        self.keyword_ids = np.array(
            sorted(get_string_id(w) for w in self.grammar.keywords), dtype=np.uint64
        )
        self.seasons = self.grammar.seasons
        self.list_headings = {h.lower() for h in layout.get("block_headings", [])}

        strong = _phrases(data["article_labels_strong"])
        poster = _phrases(data["article_byline_labels"])
        strong += rf"|(?:{poster})\s+[^|\u2022\u00b7\n]{{1,60}}?\s+on"
        weak = _phrases(data["article_labels_weak"])
        label_tail = (
            r"\s*(?::|-|\u2013)?\s*(?:on\s+)?(?:at\s+)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]m)?\s*,?\s*)?$"
        )
        # a label opens its line or follows a separator ("By Ann Lee | Posted 3 May 2024")
        lead = r"(?:^|[|\u2022\u00b7]|\s{2,})\s*"
        self.strong_label = re.compile(rf"{lead}(?:{strong}){label_tail}", re.IGNORECASE)
        self.weak_label = re.compile(rf"{lead}(?:{weak}){label_tail}", re.IGNORECASE)
        self.filler = _words_regex(w for w in data["dateline_filler"] if w[0].isalnum())
        self.meeting = re.compile(
            rf"\b(?:{_phrases(data['meeting_heading_words'])})\b.*\bheld\b.*\bon\s*$",
            re.IGNORECASE,
        )

        # a label opens its line: "Inspection dates:   12 and 13 March 2024"
        self.visit_label = re.compile(
            rf"^[^\w]*(?:{_phrases(data['visit_labels'])})\s*(?::|-|\u2013)?\s*$", re.IGNORECASE
        )
        self.earlier = _words_regex(data["earlier_markers"])
        self.future = _words_regex(data["future_markers"])
        self.deadline = re.compile(
            rf"(?<![\w-])(?:{_phrases(data['deadline_words'])})\s*$", re.IGNORECASE
        )
        self.inspectors = _words_regex(data["inspector_words"])
        self.report_words = _words_regex(data["report_words"])
        # one pass finds every trigger; at one position the earlier group wins,
        # so "inspection framework" is neutral before "inspection" is a visit
        groups = [
            ("neutral", data["neutral_phrases"]),
            ("published", data["published_words"]),
            ("visit", data["visit_words"]),
            ("visit_weak", data["visit_words_with_inspectors"]),
            ("grade", data["grade_words"]),
            ("other", data["other_event_words"]),
        ]
        self.triggers = re.compile(
            "|".join(
                rf"(?P<{name}>(?<![\w-])(?:{_phrases(words)})(?![\w-]))" for name, words in groups
            ),
            re.IGNORECASE,
        )

    # -- the component -----------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        weighed = self.weigh(doc)
        doc.user_data[_KEY] = [w.to_tuple() for w in weighed]
        spans: list[Span] = []
        for w in weighed:
            span = doc.char_span(w.mention.start, w.mention.end, label=w.role,
                                 alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans["dates"] = spans
        return doc

    def weigh(self, doc: Doc) -> list[Weighed]:
        text = doc_text(doc)
        furniture, listed = self._furniture(doc)
        sentences = _sentence_starts(text)
        header_end = self._header_end(text, furniture)
        out: list[Weighed] = []
        f_starts = [s for s, _ in furniture]
        l_starts = [s for s, _ in listed]
        for m in self.grammar.find(text, self._keyword_starts(doc)):
            in_furniture = _inside(furniture, f_starts, m.start)
            in_list = in_furniture and _inside(listed, l_starts, m.start)
            article = 0 if in_list else self._article(text, m, header_end)
            if in_furniture:
                visit = report = None
            else:
                ctx = _Context.at(text, m, sentences)
                visit = self._visit(text, m, ctx)
                report = self._report(text, m, ctx)
            out.append(Weighed(m, in_furniture, in_list, article, visit, report))
        return out

    def _keyword_starts(self, doc: Doc) -> list[int]:
        """Offsets of the tokens that may seed a keyword date ("year", "autumn", "ago").

        One vectorised lookup over the token array: no Python loop over tokens.
        """
        if not len(doc):
            return []
        table = doc.to_array([LOWER, IDX])
        hits = np.isin(table[:, 0], self.keyword_ids)
        return [int(x) for x in table[hits, 1]]

    # -- the article's date -----------------------------------------------

    def _article(self, text: str, m: Mention, header_end: int) -> int:
        if m.kind != "date" and not (m.kind == "month" and m.year is not None):
            return 0
        lo = max(0, m.start - _LOOK_BACK)
        line_start = text.rfind("\n", lo, m.start) + 1 or lo
        line_end = text.find("\n", m.end, m.end + _LOOK_AHEAD)
        line_end = min(len(text), m.end + _LOOK_AHEAD) if line_end < 0 else line_end
        prefix = text[line_start : m.start]
        suffix = text[m.end : line_end]
        if not prefix.strip() and line_start > 0:
            # a label alone on the line above ("Published" / "3 March 2025")
            prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
            above = text[prev_start : line_start - 1]
            if self.strong_label.search(above.strip()) or self.weak_label.search(above.strip()):
                prefix = above.strip() + " "
        prefix = prefix[-200:]
        # "Posted on 5 July 2022 by Newsdesk" is a label line; "Published on 3
        # July, the report found ..." opens a sentence about the report
        short_tail = len(_WORD.findall(_TIME.sub(" ", suffix))) <= _LABEL_TAIL_WORDS
        if short_tail and self.strong_label.search(prefix):
            return ARTICLE_LABEL
        if short_tail and self.weak_label.search(prefix):
            return ARTICLE_UPDATED
        if m.day is None:
            return 0
        in_header = m.start < header_end
        if in_header and m.year is not None and self._dateline(prefix, suffix):
            return ARTICLE_DATELINE
        if in_header and self.meeting.search(prefix):
            return ARTICLE_MEETING
        if _TODAY_BEFORE.search(text, max(0, m.start - 40), m.start) and suffix.lstrip().startswith(
            ")"
        ):
            return ARTICLE_TODAY
        return 0

    def _dateline(self, prefix: str, suffix: str) -> bool:
        """Whether a line holds nothing but the date, a clock time, a reading time or a byline."""
        prefix = _BYLINE_LEAD.sub(" ", prefix)
        rest = _TIME.sub(" ", f"{prefix} {suffix}")
        rest = self.filler.sub(" ", rest)
        return not _WORD.search(rest)

    def _header_end(self, text: str, furniture: list[tuple[int, int]]) -> int:
        """Where the page's top matter ends: the second line of prose, or the 25th line."""
        f_starts = [s for s, _ in furniture]
        seen = prose = 0
        for start, end in lines(text):
            if _inside(furniture, f_starts, start):
                continue
            seen += 1
            line = text[start:end]
            if len(_WORD.findall(line)) >= 20 and _PROSE_END.search(line):
                prose += 1
            if prose >= 2 or seen >= 25:
                return end
        return len(text)

    # -- the inspectors' visit ---------------------------------------------

    def _visit(self, text: str, m: Mention, ctx: _Context) -> float | None:
        if m.future or (m.kind == "relative" and m.unit == "now"):
            return None
        if m.kind == "weekday" or (m.kind == "relative" and m.unit in ("day", "week")):
            # "today", "on Monday", "this week": a visit whose outcome is out is
            # weeks old, so these words speak of something else ("book a visit today!")
            return None
        spec = _specificity(m)
        line_left = text[ctx.line_start : m.start]
        if self.visit_label.search(line_left):
            return None if self.earlier.search(line_left) else 10 + spec
        clause = ctx.clause
        if self._refused(clause):
            return None
        sentence = text[ctx.sent_start : ctx.sent_end]
        near = self._nearest(clause)
        if near is not None:
            kind, gap = near
            if self._is_visit(kind, sentence):
                if m.kind == "year" and gap.strip().lower() not in _YEAR_GAPS:
                    return None  # a bare year only right after the visit word: "inspected in 2019"
                return 6 - min(len(gap) / 40, 2) + spec
            # a grade's date ("judged inadequate in May 2023") is an earlier
            # judgement or the report's month, not the visit
            return None
        if m.kind == "year":
            return None
        left = ctx.left
        if self.earlier.search(left) or self.future.search(left):
            return None
        # the date's own clause names nothing ("Inspectors visited the school,
        # which opened in 2019, in May"): the last visit word of the sentence
        gap_to_visit: str | None = None
        any_trigger = False
        for match in self.triggers.finditer(left):
            if match.lastgroup == "neutral":
                continue
            any_trigger = True
            if self._is_visit(_group(match), sentence):
                gap_to_visit = left[match.end() :]
        if gap_to_visit is not None:
            return 4 - min(len(gap_to_visit) / 60, 2) + spec
        if any_trigger:
            return None
        right = ctx.right
        first = self.triggers.search(right)
        if first is not None:
            before = right[: first.start()]
            if self._is_visit(_group(first), sentence) and not (
                self.earlier.search(before) or self.future.search(before)
            ):
                return 3 + spec  # "In May, inspectors visited ..."
            return None
        # nothing in the sentence at all ("The latest, on 10 and 11 January, ..."):
        # the sentence before on the same line may name the visit
        if ctx.previous and (m.month is not None or m.kind in ("relative", "weekday")):
            near = self._nearest(ctx.previous)
            if near is not None and self._is_visit(near[0], ctx.previous):
                return 2 + spec
        return None

    def _refused(self, clause: str) -> bool:
        """A deadline right before the date, an earlier inspection or the future in its clause."""
        return bool(
            self.deadline.search(clause) or self.earlier.search(clause)
            or self.future.search(clause)
        )

    def _is_visit(self, kind: str, sentence: str) -> bool:
        return kind == "visit" or (kind == "visit_weak" and bool(self.inspectors.search(sentence)))

    def _nearest(self, left: str) -> tuple[str, str] | None:
        """The last trigger in ``left`` (not a neutral phrase) and the words after it."""
        last: re.Match[str] | None = None
        for match in self.triggers.finditer(left):
            if match.lastgroup != "neutral":
                last = match
        if last is None:
            return None
        return _group(last), left[last.end() :]

    # -- the report's publication --------------------------------------------

    def _report(self, text: str, m: Mention, ctx: _Context) -> float | None:
        if m.future or (m.kind == "relative" and m.unit == "now"):
            return None
        clause = ctx.clause
        if self.deadline.search(clause) or self.future.search(clause):
            return None
        # "The previous report, published in 2021": the marker sits on the
        # noun, one clause back
        if self.earlier.search(ctx.clause_before) or self.earlier.search(clause):
            return None
        spec = _specificity(m)
        sentence = text[ctx.sent_start : ctx.sent_end]
        bonus = 1.0 if self.report_words.search(sentence) else 0.0
        near = self._nearest(clause)
        if near is not None:
            if near[0] == "published":
                return 6 - min(len(near[1]) / 40, 2) + spec + bonus
            return None
        if self.earlier.search(ctx.left):
            return None
        near = self._nearest(ctx.left)
        if near is not None and near[0] == "published":
            return 4 - min(len(near[1]) / 60, 2) + spec + bonus
        return None

    # -- page furniture ------------------------------------------------------

    def _furniture(self, doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """All furniture ranges, and those that are lists of other stories."""
        furniture: list[tuple[int, int]] = []
        listed: list[tuple[int, int]] = []
        text = doc_text(doc)
        for span in doc.spans.get("boilerplate", []):
            start, end = span.start_char, span.end_char
            furniture.append((start, end))
            first = text[start:end].strip().split("\n", 1)[0]
            if " ".join(first.lower().split()).rstrip(":").rstrip() in self.list_headings:
                listed.append((start, end))
        return _merged(furniture), _merged(listed)


@dataclass(frozen=True, slots=True)
class _Context:
    """The words around one mention: its sentence and clause, bounded in length."""

    line_start: int
    sent_start: int
    sent_end: int
    left: str  # sentence text before the mention
    clause: str  # the date's own clause, up to the mention
    clause_before: str  # the clause before that one
    right: str  # sentence text after the mention
    previous: str  # the sentence before, when it is on the same line

    @classmethod
    def at(cls, text: str, m: Mention, sentences: list[int]) -> _Context:
        i = bisect.bisect_right(sentences, m.start) - 1  # sentences[0] == 0, so i >= 0
        own_start = sentences[i]
        sent_start = max(own_start, m.start - _LOOK_BACK)
        j = bisect.bisect_left(sentences, m.end)  # the first sentence start after the mention
        nxt = sentences[j] if j < len(sentences) else len(text)
        sent_end = min(nxt, m.end + _LOOK_AHEAD)
        lo = max(0, m.start - _LOOK_BACK)
        newline = text.rfind("\n", lo, m.start)
        # no line start in reach: leave the line empty rather than invent one
        line_start = newline + 1 if newline >= 0 else (0 if lo == 0 else m.start)
        left = text[sent_start : m.start]
        clause = _clause(left)
        before = left[: len(left) - len(clause)].rstrip(",;:([ \u2013\u2014-")
        previous = ""
        if i >= 1:
            # the sentence before, when it is in the same paragraph
            previous = text[max(sentences[i - 1], own_start - _LOOK_BACK) : own_start]
            if _BLANK_LINE.search(previous):
                previous = ""
        return cls(line_start, sent_start, sent_end, left, clause, _clause(before),
                   text[m.end : sent_end], previous)


def _clause(left: str) -> str:
    """The text after the last clause break (comma, colon, bracket, dash)."""
    end = 0
    for found in _CLAUSE_BREAK.finditer(left):
        end = found.end()
    return left[end:]


def _sentence_starts(text: str) -> list[int]:
    """Sentence starts: after . ! ? and at line starts, except inside hard-wrapped prose.

    PDFs and e-mails break lines mid-sentence ("carried out between 4 and" /
    "15 November 2024"); a line end is no sentence end when the line is long,
    has no closing punctuation, and either stops on a lower-case word or the next
    line goes on in lower case or digits.
    """
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("\n") and _wrapped(text, m.start()):
            continue
        starts.append(m.end())
    return starts


def _wrapped(text: str, newline: int) -> bool:
    line_start = text.rfind("\n", max(0, newline - _WRAP_MIN_LINE * 3), newline) + 1
    line = text[line_start:newline].rstrip()
    following = text[newline + 1 : newline + 2]
    if not line or not following.strip():
        return False
    last_word = line.rsplit(None, 1)[-1].lower()
    if last_word in _OPEN_WORDS:
        return True  # no line ends on "in" or "between 6 and" but a wrapped one
    return (
        len(line) >= _WRAP_MIN_LINE
        and not line.endswith((".", "!", "?", ":", '"', "\u201d", "'"))
        and (following.islower() or following.isdigit() or line[-1].islower())
    )


#: Words that cannot end a sentence: a line that ends on one is wrapped.
_OPEN_WORDS = frozenset(
    "in on of the a an and to by for with between from at during that which when was were".split()
)
#: A line at least this long that stops mid-sentence is taken to be hard-wrapped.
_WRAP_MIN_LINE = 50


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges with overlapping ones joined, so one binary search answers."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside(ranges: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _group(match: re.Match[str]) -> str:
    return match.lastgroup or ""


def _specificity(m: Mention) -> float:
    """A day says more than a month, a month more than a year: the finer date wins a tie."""
    if m.day is not None or m.kind == "weekday" or (m.kind == "relative" and m.unit == "day"):
        return 0.6
    if m.month is not None or (m.kind == "relative" and m.unit in ("month", "week", "weeks_ago")):
        return 0.4
    return 0.0


@Language.factory("ofsted_dates")
def make_dates(nlp: Language, name: str) -> Dates:
    return _finder()


@functools.cache
def _finder() -> Dates:
    return Dates(rules.load("dates"), rules.load("layout"))


# -- what the assembler asks -----------------------------------------------------


def _weighed(doc: Doc) -> list[Weighed]:
    rows = doc.user_data.get(_KEY)
    if rows is None:  # the component did not run on this doc: weigh it now
        return _finder().weigh(doc)
    return [Weighed.from_tuple(row) for row in rows]


def _partial(doc: Doc, m: Mention, parts: Parts) -> PartialDate:
    ev = evidence(doc_text(doc), m.start, m.end)
    return PartialDate(year=parts.year, month=parts.month, day=parts.day, text=ev.text,
                       iso=parts.iso(), evidence=ev)


def _ref(published: PartialDate | None) -> Parts | None:
    if published is None:
        return None
    return Parts(published.year, published.month, published.day)


def article_date(doc: Doc) -> PartialDate | None:
    """When the article itself came out, or None.

    The strongest kind of evidence wins (a "Published:" label over a bare
    dateline over "published today (3 July)" over "Last updated"); among
    equals, the first on the page.
    """
    best: Weighed | None = None
    for w in _weighed(doc):
        if w.article and (best is None or w.article > best.article):
            best = w
    if best is None:
        return None
    m = best.mention
    return _partial(doc, m, Parts(m.year, m.month, m.day))


def _pick(
    doc: Doc, start_char: int, end_char: int, published: PartialDate | None, role: str
) -> PartialDate | None:
    ref = _ref(published)
    found: list[tuple[float, Mention, Parts]] = []
    for w in _weighed(doc):
        m = w.mention
        if m.start < start_char or m.end > end_char or w.article:
            continue
        score = w.visit if role == "visit" else w.report
        if score is None:
            continue
        parts = resolve(m, ref, _finder().seasons)
        if not parts.empty:
            found.append((score, m, parts))
    if not found:
        return None
    # the best-supported date; ties go to the first in the text
    best = max(found, key=lambda f: (f[0], -f[1].start))
    # a well-supported finer date that agrees with it says more: "this autumn"
    # and, elsewhere, "last month" (October) of the same visit
    finer = [f for f in found if f[0] >= _REFINE_MIN and _refines(f[2], best[2])]
    if finer:
        best = max(finer, key=lambda f: (f[0], -f[1].start))
    return _partial(doc, best[1], best[2])


#: The least support a finer date needs to refine the best one.
_REFINE_MIN = 2.5


def _refines(finer: Parts, coarse: Parts) -> bool:
    """Whether ``finer`` keeps every part ``coarse`` gives and adds one."""
    for a, b in ((finer.year, coarse.year), (finer.month, coarse.month), (finer.day, coarse.day)):
        if b is not None and a != b:
            return False
    return (finer.month is not None and coarse.month is None) or (
        finer.day is not None and coarse.day is None
    )


def inspection_date(
    doc: Doc, start_char: int, end_char: int, published: PartialDate | None
) -> PartialDate | None:
    """When inspectors visited, read from ``doc.text[start_char:end_char]``.

    A range gives its first day; relative words resolve against
    ``published``; a year the text does not give stays None.
    """
    return _pick(doc, start_char, end_char, published, "visit")


def report_date(
    doc: Doc, start_char: int, end_char: int, published: PartialDate | None
) -> PartialDate | None:
    """When the inspection report was published, read from the region."""
    return _pick(doc, start_char, end_char, published, "report")
