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

The trigger words are found once per document by a spaCy ``PhraseMatcher``
(token-shaped, case-blind); each date then looks up the ones in its sentence
by binary search. Spans of the dates that have a role go to
``doc.spans["dates"]`` labelled PUBLISHED, VISIT or REPORT; the weighing of
every date lives in ``doc.user_data`` as plain tuples, so what this component
adds to a Doc still serialises.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .. import rules
from ..dating import Grammar, Mention, Parts, resolve
from ..record import PartialDate
from ..textutil import doc_text, evidence, lines
from .layout import in_boilerplate

_KEY = "ofsted_dates"

#: How much the article-date kinds of evidence count, strongest first.
ARTICLE_LABEL, ARTICLE_DATELINE, ARTICLE_MEETING, ARTICLE_TODAY, ARTICLE_UPDATED = 5, 4, 3, 2, 1

#: How far (characters) the weighing looks back from a date and ahead of it;
#: bounds the work per date on huge inputs without full stops.
_LOOK_BACK = 300
_LOOK_AHEAD = 160

#: The most words a label line may carry after its date ("in Nursery News", "by Newsdesk").
_LABEL_TAIL_WORDS = 6

_BLANK_LINE = re.compile(r"\n\s*\n")
#: What may stand between a visit word and a bare year: "inspected in 2019".
_YEAR_GAPS = frozenset({"", "in", "during", "on", "in the year"})
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n")
#: Clause breaks; a comma before a digit is a thousands separator ("1,100-pupil school").
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\[\]\u2013\u2014]|\s-\s")
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

#: Trigger groups, in priority order where two phrases cover the same words
#: equally: neutral first, so "inspection framework" is no visit word.
_EVENT_GROUPS = ("neutral", "published", "visit", "visit_weak", "grade", "other")
_EVENTS = frozenset(_EVENT_GROUPS[1:])  # the groups that name an event
_TRIGGERS = frozenset({"published", "visit", "visit_weak"})  # the groups a role needs
_MARKER_GROUPS = ("earlier", "future")
_GROUP_KEYS = {
    "neutral": "neutral_phrases",
    "published": "published_words",
    "visit": "visit_words",
    "visit_weak": "visit_words_with_inspectors",
    "grade": "grade_words",
    "other": "other_event_words",
    "earlier": "earlier_markers",
    "future": "future_markers",
}


def _phrases(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _words_regex(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_phrases(words)})(?![\w-])", re.IGNORECASE)


class Weighed(NamedTuple):
    """A date mention and how well it fits each role (None: not at all)."""

    mention: Mention
    furniture: bool  # inside page furniture of any kind
    listed: bool  # inside a list of other stories
    article: int  # ARTICLE_* strength, 0 when no article date
    visit: float | None
    report: float | None

    def to_tuple(self) -> tuple[Any, ...]:
        return (*self.mention, self.furniture, self.listed, self.article, self.visit,
                self.report)

    @classmethod
    def from_tuple(cls, row: Sequence[Any]) -> Weighed:
        mention = Mention(*row[:11])
        return cls(mention, bool(row[11]), bool(row[12]), int(row[13]), row[14], row[15])

    @property
    def role(self) -> str | None:
        if self.article:
            return "PUBLISHED"
        if self.visit is not None:
            return "VISIT"
        if self.report is not None:
            return "REPORT"
        return None


class _Hits:
    """Phrases found in one document, by group, sorted by position.

    ``starts``/``ends`` are character offsets and ``token_ends`` token
    indices, so a date can look up the phrases of its sentence by binary
    search instead of re-reading the words.
    """

    __slots__ = ("starts", "ends", "token_ends", "groups")

    def __init__(self, found: list[tuple[int, int, int, str]]) -> None:
        self.starts = [f[0] for f in found]
        self.ends = [f[1] for f in found]
        self.token_ends = [f[2] for f in found]
        self.groups = [f[3] for f in found]

    def between(self, lo: int, hi: int) -> range:
        """Indices of the phrases lying within characters [lo, hi)."""
        first = bisect.bisect_left(self.starts, lo)
        last = bisect.bisect_left(self.starts, hi)
        while last > first and self.ends[last - 1] > hi:
            last -= 1
        return range(first, last)

    def any(self, lo: int, hi: int, group: str | None = None) -> bool:
        return any(group is None or self.groups[i] == group for i in self.between(lo, hi))


class Dates:
    """Finds date expressions and weighs each for the article, visit and report roles."""

    def __init__(self, vocab: Vocab, make_doc: Any, data: dict[str, Any],
                 layout: dict[str, Any]) -> None:
        self.grammar = Grammar(data)
        self.seed_kinds = {get_string_id(w): k for w, k in self.grammar.seed_words.items()}
        self.seed_ids = np.array(sorted(self.seed_kinds), dtype=np.uint64)
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
            rf"[^\w]*(?:{_phrases(data['visit_labels'])})\s*(?::|-|\u2013)?\s*$", re.IGNORECASE
        )
        # words looked for only now and then, in one sentence: plain regexes.
        # The inspector words have no boundary in front, since scraped captions
        # glue words ("Council)Inspectors spent").
        self.inspector_text = re.compile(_phrases(data["inspector_words"]), re.IGNORECASE)
        self.report_text = _words_regex(data["report_words"])
        self.deadline_end = re.compile(
            rf"(?<![\w-])(?:{_phrases(data['deadline_words'])})\W*\Z", re.IGNORECASE
        )
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        for group, key in _GROUP_KEYS.items():
            self.matcher.add(group, [make_doc(phrase) for phrase in data[key]])
        self.group_of = {get_string_id(group): group for group in _GROUP_KEYS}
        self.priority = {group: n for n, group in enumerate((*_EVENT_GROUPS, *_MARKER_GROUPS))}

    # -- the component -----------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        weighed, table = self._weigh(doc)
        doc.user_data[_KEY] = [w.to_tuple() for w in weighed]
        spans: list[Span] = []
        with_role = [w for w in weighed if w.role is not None]
        if with_role and table is not None:
            # the tokens each date covers, by binary search over the token offsets
            # (what char_span's "expand" does, without building a Token per call)
            token_starts = table[:, 1]
            marks = np.array([(w.mention.start, w.mention.end) for w in with_role],
                             dtype=np.uint64)
            firsts = np.searchsorted(token_starts, marks[:, 0], side="right") - 1
            lasts = np.searchsorted(token_starts, marks[:, 1], side="left")
            for w, first, last in zip(with_role, firsts.tolist(), lasts.tolist(), strict=True):
                if 0 <= first < last:
                    spans.append(Span(doc, first, last, label=w.role or ""))
        doc.spans["dates"] = spans
        return doc

    def weigh(self, doc: Doc) -> list[Weighed]:
        """Every date in the doc, weighed for the three roles."""
        return self._weigh(doc)[0]

    def _weigh(self, doc: Doc) -> tuple[list[Weighed], np.ndarray[Any, Any] | None]:
        text = doc_text(doc)
        table = doc.to_array([LOWER, IDX, LENGTH]) if len(doc) else None
        mentions = self.grammar.find(text, self._seeds(table, text))
        out: list[Weighed] = []
        ctx: _Context | None = None
        header_end: int | None = None
        listed: list[tuple[int, int]] | None = None
        for m in mentions:
            in_furniture = in_boilerplate(doc, m.start)
            in_list = False
            if in_furniture:
                if listed is None:
                    listed = self._listed(doc, text)
                in_list = _inside(listed, [s for s, _ in listed], m.start)
            if header_end is None:
                header_end = self._header_end(doc, text)
            article = 0 if in_list else self._article(text, m, header_end)
            visit = report = None
            if not in_furniture and article < ARTICLE_DATELINE and table is not None:
                if ctx is None:
                    ctx = self._context(doc, text, table)
                # no visit or publication word within reach (the sentence, and
                # the one before it): no role to weigh
                if ctx.near_trigger(m.start - 2 * _LOOK_BACK, m.end + _LOOK_AHEAD):
                    win = _Window(text, m, ctx)
                    visit = self._visit(text, m, win, ctx)
                    report = self._report(m, win, ctx)
            out.append(Weighed(m, in_furniture, in_list, article, visit, report))
        return out, table

    def _seeds(self, table: np.ndarray[Any, Any] | None, text: str) -> list[tuple[int, str]]:
        """Tokens that may start a word-led date: month and weekday names, "year", "ago", ...

        One vectorised lookup over the token array, no Python loop over tokens;
        month and weekday names must still be capitalised in the text.
        """
        out: list[tuple[int, str]] = []
        if table is None:
            return out
        at = np.searchsorted(self.seed_ids, table[:, 0])
        at[at >= len(self.seed_ids)] = 0
        hits = table[self.seed_ids[at] == table[:, 0]]
        for word_id, idx, _ in hits.tolist():
            kind = self.seed_kinds[word_id]
            if kind == "keyword" or text[idx].isupper():
                out.append((idx, kind))
        return out

    def _context(self, doc: Doc, text: str, table: np.ndarray[Any, Any]) -> _Context:
        """The trigger phrases of the whole document, found once."""
        token_starts = table[:, 1].tolist()
        token_ends = (table[:, 1] + table[:, 2]).tolist()
        events: list[tuple[int, int, int, str]] = []
        marks: list[tuple[int, int, int, str]] = []
        group_of = self.group_of
        for match_id, first, last in self.matcher(doc):
            group = group_of[match_id]
            found = (token_starts[first], token_ends[last - 1], last, group)
            if group in _MARKER_GROUPS:
                marks.append(found)
            else:
                events.append(found)
        return _Context(token_starts, _Hits(self._longest(events)), _Hits(self._longest(marks)))

    def _longest(self, found: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
        """Non-overlapping phrases: at one place the longest, then the group listed first."""
        found.sort(key=lambda f: (f[0], -f[1], self.priority[f[3]]))
        out: list[tuple[int, int, int, str]] = []
        for f in found:
            if not out or f[0] >= out[-1][1]:
                out.append(f)
        return out

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
            reach = max(0, line_start - 200)
            prev_start = text.rfind("\n", reach, max(line_start - 1, 0)) + 1 or reach
            above = text[prev_start : line_start - 1].strip()
            if self.strong_label.search(above) or self.weak_label.search(above):
                prefix = above + " "
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
        # a year-less date must stand alone on its line ("12 March", as on
        # pages that leave out the current year)
        bare = not prefix.strip(" |\t") and not suffix.strip()
        if in_header and (m.year is not None or bare) and self._dateline(prefix, suffix):
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

    def _header_end(self, doc: Doc, text: str) -> int:
        """Where the page's top matter ends: the second line of prose, or the 25th line."""
        seen = prose = 0
        for start, end in lines(text):
            if in_boilerplate(doc, start):
                continue
            seen += 1
            line = text[start:end]
            if len(line) > 80 and _PROSE_END.search(line) and len(_WORD.findall(line)) >= 20:
                prose += 1
            if prose >= 2 or seen >= 25:
                return end
        return len(text)

    # -- the inspectors' visit ---------------------------------------------

    def _visit(self, text: str, m: Mention, win: _Window, ctx: _Context) -> float | None:
        if m.future or (m.kind == "relative" and m.unit == "now"):
            return None
        if m.kind == "weekday" or (m.kind == "relative" and m.unit in ("day", "week")):
            # "today", "on Monday", "this week": a visit whose outcome is out is
            # weeks old, so these words speak of something else ("book a visit today!")
            return None
        spec = _specificity(m)
        if self.visit_label.match(text, win.line_start, m.start):
            return None if ctx.marks.any(win.line_start, m.start, "earlier") else 10 + spec
        if self._deadline_before(text, win.clause_start, m.start):
            return None
        if ctx.marks.any(win.clause_start, m.start):
            return None
        near = ctx.last_event(win.clause_start, m.start)
        if near is not None:
            if self._is_visit(ctx.events.groups[near], win, ctx):
                end = ctx.events.ends[near]
                if m.kind == "year" and " ".join(text[end : m.start].lower().split()) not in (
                    _YEAR_GAPS
                ):
                    return None  # a bare year only right after the visit word: "inspected in 2019"
                gap = ctx.words_between(ctx.events.token_ends[near], m.start)
                return 6 - min(gap / 7, 2) + spec
            # a grade's date ("judged inadequate in May 2023") is an earlier
            # judgement or the report's month, not the visit; a publication's
            # or another event's date is theirs
            return None
        if m.kind == "year" or ctx.marks.any(win.sent_start, m.start):
            return None
        # the date's own clause names nothing ("Inspectors visited the school,
        # which opened in 2019, in May"): the last visit word of the sentence
        triggers = [i for i in ctx.events.between(win.sent_start, m.start)
                    if ctx.events.groups[i] in _EVENTS]
        visits = [i for i in triggers if self._is_visit(ctx.events.groups[i], win, ctx)]
        if visits:
            gap = ctx.words_between(ctx.events.token_ends[visits[-1]], m.start)
            return 4 - min(gap / 10, 2) + spec
        if triggers:
            return None
        after = [i for i in ctx.events.between(m.end, win.sent_end)
                 if ctx.events.groups[i] in _EVENTS]
        if after:
            first = after[0]
            if ctx.marks.any(m.end, ctx.events.starts[first]):
                return None
            if self._is_visit(ctx.events.groups[first], win, ctx):
                return 3 + spec  # "In May, inspectors visited ..."
            return None
        # nothing in the sentence at all ("The latest, on 10 and 11 January, ..."):
        # the sentence before, in the same paragraph, may name the visit
        previous = win.previous_start() if m.month is not None or m.kind == "relative" else None
        if previous is not None:
            before = [i for i in ctx.events.between(previous, win.sent_start)
                      if ctx.events.groups[i] in _EVENTS]
            if before and ctx.events.groups[before[-1]] == "visit":
                return 2 + spec
        return None

    def _deadline_before(self, text: str, lo: int, pos: int) -> bool:
        """Whether a deadline word ("by", "until", "from") stands right before ``pos``."""
        return bool(self.deadline_end.search(text, max(lo, pos - 40), pos))

    def _is_visit(self, group: str, win: _Window, ctx: _Context) -> bool:
        if group == "visit":
            return True
        if group != "visit_weak":
            return False
        # read in the text too: scraped captions glue words ("Council)Inspectors spent")
        return bool(self.inspector_text.search(win.text, win.sent_start, win.sent_end))

    # -- the report's publication --------------------------------------------

    def _report(self, m: Mention, win: _Window, ctx: _Context) -> float | None:
        if m.future or (m.kind == "relative" and m.unit == "now"):
            return None
        if self._deadline_before(win.text, win.clause_start, m.start) or ctx.marks.any(
            win.clause_start, m.start, "future"
        ):
            return None
        # "The previous report, published in 2021": the marker sits on the
        # noun, one clause back
        if ctx.marks.any(win.before_start, m.start, "earlier"):
            return None
        near = ctx.last_event(win.clause_start, m.start)
        if near is not None:
            if ctx.events.groups[near] != "published":
                return None
            base, per_word = 6.0, 7
        else:
            near = ctx.last_event(win.sent_start, m.start)
            if near is None or ctx.events.groups[near] != "published":
                return None
            if ctx.marks.any(win.sent_start, m.start, "earlier"):
                return None
            base, per_word = 4.0, 10
        gap = ctx.words_between(ctx.events.token_ends[near], m.start)
        bonus = 1.0 if self.report_text.search(win.text, win.sent_start, win.sent_end) else 0.0
        return base - min(gap / per_word, 2) + _specificity(m) + bonus

    # -- page furniture ------------------------------------------------------

    def _listed(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """The furniture that lists other stories ("More on this story", "Most read")."""
        listed: list[tuple[int, int]] = []
        for span in doc.spans.get("boilerplate", []):
            start, end = span.start_char, span.end_char
            first = text[start:end].strip().split("\n", 1)[0]
            if " ".join(first.lower().split()).rstrip(":").rstrip() in self.list_headings:
                listed.append((start, end))
        return _merged(listed)


class _Context:
    """What the weighing of every date in one document shares: its phrases and tokens."""

    __slots__ = ("token_starts", "events", "marks")

    def __init__(self, token_starts: list[int], events: _Hits, marks: _Hits) -> None:
        self.token_starts = token_starts
        self.events = events
        self.marks = marks

    def near_trigger(self, lo: int, hi: int) -> bool:
        """Whether a visit or publication phrase lies within [lo, hi)."""
        return any(self.events.groups[i] in _TRIGGERS for i in self.events.between(lo, hi))

    def last_event(self, lo: int, hi: int) -> int | None:
        """The last event phrase within [lo, hi) (neutral phrases mask, never count)."""
        for i in reversed(self.events.between(lo, hi)):
            if self.events.groups[i] in _EVENTS:
                return i
        return None

    def words_between(self, token: int, pos: int) -> int:
        """How many tokens lie from token ``token`` up to character ``pos``, less one.

        One word is free: "inspected in May" and "published on 3 July" are as
        close as a trigger and its date get.
        """
        return max(0, bisect.bisect_left(self.token_starts, pos) - token - 1)


class _Window:
    """Where one date's sentence and clauses lie (character offsets).

    Bounded in length (``_LOOK_BACK``/``_LOOK_AHEAD`` characters), so a page of
    junk without a full stop costs no more per date than an article.
    """

    __slots__ = ("text", "line_start", "sent_start", "sent_end", "clause_start",
                 "before_start")

    def __init__(self, text: str, m: Mention, ctx: _Context) -> None:
        self.text = text
        lo = max(0, m.start - _LOOK_BACK)
        newline = text.rfind("\n", lo, m.start)
        # no line start in reach: leave the line empty rather than invent one
        self.line_start = newline + 1 if newline >= 0 else (0 if lo == 0 else m.start)
        self.sent_start = _sentence_start(text, lo, m.start)
        self.sent_end = _sentence_end(text, m.end, min(len(text), m.end + _LOOK_AHEAD))
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, self.sent_start, m.start)]
        self.clause_start = breaks[-1] if breaks else self.sent_start
        # the clause before the date's own, when there is one
        self.before_start = (breaks[-2] if len(breaks) > 1 else self.sent_start) if breaks else (
            self.clause_start
        )

    def previous_start(self) -> int | None:
        """Where the sentence before starts, when it is in the same paragraph."""
        if self.sent_start == 0:
            return None
        back = max(0, self.sent_start - _LOOK_BACK)
        start = _sentence_start(self.text, back, max(back, self.sent_start - 1))
        return None if _BLANK_LINE.search(self.text, start, self.sent_start) else start


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back no further than ``lo``.

    Sentences end at . ! ? and at line ends, except inside hard-wrapped prose:
    PDFs and e-mails break lines mid-sentence ("carried out between 4 and" /
    "15 November 2024"), so a line end is no sentence end when the line is
    long, has no closing punctuation, and either stops on a lower-case word or
    the next line goes on in lower case or digits.
    """
    for found in reversed(list(_SENTENCE_END.finditer(text, lo, pos))):
        if text[found.start()] != "\n" or not _wrapped(text, found.start()):
            return found.end()
    return lo


def _sentence_end(text: str, pos: int, hi: int) -> int:
    for found in _SENTENCE_END.finditer(text, pos, hi):
        if text[found.start()] != "\n" or not _wrapped(text, found.start()):
            return found.start()
    return hi


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
    (
        "in", "on", "of", "the", "a", "an", "and", "to", "by", "for", "with", "between", "from",
        "at", "during", "that", "which", "when", "was", "were",
    )
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


def _specificity(m: Mention) -> float:
    """A day says more than a month, a month more than a year: the finer date wins a tie."""
    if m.day is not None or m.kind == "weekday" or (m.kind == "relative" and m.unit == "day"):
        return 0.6
    if m.month is not None or (m.kind == "relative" and m.unit in ("month", "week", "weeks_ago")):
        return 0.4
    return 0.0


@Language.factory("ofsted_dates")
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates(nlp.vocab, nlp.make_doc, rules.load("dates"), rules.load("layout"))


@functools.cache
def _finder() -> Dates:
    """A component for docs it did not run on (weighed on demand), and for its calendar."""
    import spacy

    nlp = spacy.blank("en")
    return Dates(nlp.vocab, nlp.make_doc, rules.load("dates"), rules.load("layout"))


@functools.cache
def _seasons() -> dict[str, tuple[int, int]]:
    return {k: (int(v[0]), int(v[1])) for k, v in rules.load("dates")["seasons"].items()}


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
        parts = resolve(m, ref, _seasons())
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
