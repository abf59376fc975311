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
        return (*self.mention, self.furniture, self.listed, self.article, self.visit,
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
        self.seed_kinds = {get_string_id(w): k for w, k in self.grammar.seed_words.items()}
        self.seed_ids = np.array(sorted(self.seed_kinds), dtype=np.uint64)
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

        self.deadline = _Phrases([("deadline", data["deadline_words"])])
        self.inspectors = _Phrases([("inspector", data["inspector_words"])])
        self.report_words = _Phrases([("report", data["report_words"])])
        # one table, one pass over a window's words: the triggers of a date and
        # the markers that refuse it. Neutral phrases first: "inspection
        # framework" is no visit.
        self.phrases = _Phrases(
            [
                ("neutral", data["neutral_phrases"]),
                ("published", data["published_words"]),
                ("visit", data["visit_words"]),
                ("visit_weak", data["visit_words_with_inspectors"]),
                ("grade", data["grade_words"]),
                ("other", data["other_event_words"]),
                ("earlier", data["earlier_markers"]),
                ("future", data["future_markers"]),
            ]
        )

    # -- the component -----------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        weighed = self.weigh(doc)
        doc.user_data[_KEY] = [w.to_tuple() for w in weighed]
        spans: list[Span] = []
        if weighed and len(doc):
            # the tokens each date covers, by binary search over the token offsets
            # (what char_span's "expand" does, without building a Token per call)
            token_starts = doc.to_array([IDX, LOWER])[:, 0]
            marks = np.array([(w.mention.start, w.mention.end) for w in weighed], dtype=np.uint64)
            firsts = np.searchsorted(token_starts, marks[:, 0], side="right") - 1
            lasts = np.searchsorted(token_starts, marks[:, 1], side="left")
            for w, first, last in zip(weighed, firsts.tolist(), lasts.tolist(), strict=True):
                if 0 <= first < last:
                    spans.append(Span(doc, first, last, label=w.role))
        doc.spans["dates"] = spans
        return doc

    def weigh(self, doc: Doc) -> list[Weighed]:
        text = doc_text(doc)
        furniture, listed = self._furniture(doc)
        header_end = self._header_end(text, furniture)
        out: list[Weighed] = []
        f_starts = [s for s, _ in furniture]
        l_starts = [s for s, _ in listed]
        for m in self.grammar.find(text, self._seeds(doc, text)):
            in_furniture = _inside(furniture, f_starts, m.start)
            in_list = in_furniture and _inside(listed, l_starts, m.start)
            article = 0 if in_list else self._article(text, m, header_end)
            visit = report = None
            if not in_furniture and article < ARTICLE_DATELINE:
                win = _Window(text, m, self.phrases)
                visit = self._visit(text, m, win)
                report = self._report(text, m, win)
            out.append(Weighed(m, in_furniture, in_list, article, visit, report))
        return out

    def _seeds(self, doc: Doc, text: str) -> list[tuple[int, str]]:
        """Tokens that may start a word-led date: month and weekday names, "year", "ago", ...

        One vectorised lookup over the token array, no Python loop over tokens;
        month and weekday names must still be capitalised in the text.
        """
        if not len(doc):
            return []
        table = doc.to_array([LOWER, IDX])
        at = np.searchsorted(self.seed_ids, table[:, 0])
        at[at >= len(self.seed_ids)] = 0
        hits = table[self.seed_ids[at] == table[:, 0]]
        out = []
        for word_id, idx in hits.tolist():
            kind = self.seed_kinds[word_id]
            if kind == "keyword" or text[idx].isupper():
                out.append((idx, kind))
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
            prev_start = text.rfind("\n", max(0, line_start - 200), max(line_start - 1, 0)) + 1
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

    def _visit(self, text: str, m: Mention, win: _Window) -> float | None:
        if m.future or (m.kind == "relative" and m.unit == "now"):
            return None
        if m.kind == "weekday" or (m.kind == "relative" and m.unit in ("day", "week")):
            # "today", "on Monday", "this week": a visit whose outcome is out is
            # weeks old, so these words speak of something else ("book a visit today!")
            return None
        spec = _specificity(m)
        line_left = text[win.line_start : m.start]
        if self.visit_label.match(line_left):
            return None if self.phrases.find(_forms(line_left), "earlier") else 10 + spec
        if self.deadline.ends_with(win.words[win.clause_at :]) or win.marked(win.clause_at):
            return None
        near = win.last_trigger(win.clause_at)
        if near is not None:
            if self._is_visit(near[2], win, text):
                gap = win.words[near[1] :]
                if m.kind == "year" and " ".join(gap) not in _YEAR_GAPS:
                    return None  # a bare year only right after the visit word: "inspected in 2019"
                return 6 - min(len(gap) / 7, 2) + spec
            # a grade's date ("judged inadequate in May 2023") is an earlier
            # judgement or the report's month, not the visit; a publication's
            # or another event's date is theirs
            return None
        if m.kind == "year" or win.marked(0):
            return None
        # the date's own clause names nothing ("Inspectors visited the school,
        # which opened in 2019, in May"): the last visit word of the sentence
        triggers = [h for h in win.hits if h[2] in _EVENTS]
        visits = [h for h in triggers if self._is_visit(h[2], win, text)]
        if visits:
            return 4 - min((len(win.words) - visits[-1][1]) / 10, 2) + spec
        if triggers:
            return None
        found = [h for h in self.phrases.scan(win.right_words(text)) if h[2] != "neutral"]
        if found:
            first = next((h for h in found if h[2] not in _MARKERS), None)
            if first is None or any(h[0] < first[0] for h in found if h[2] in _MARKERS):
                return None
            if self._is_visit(first[2], win, text):
                return 3 + spec  # "In May, inspectors visited ..."
            return None
        # nothing in the sentence at all ("The latest, on 10 and 11 January, ..."):
        # the sentence before, in the same paragraph, may name the visit
        if m.month is not None or m.kind == "relative":
            previous = [
                h for h in self.phrases.scan(win.previous_words(text)) if h[2] in _EVENTS
            ]
            if previous and previous[-1][2] == "visit":
                return 2 + spec
        return None

    def _is_visit(self, group: str, win: _Window, text: str) -> bool:
        if group == "visit":
            return True
        return group == "visit_weak" and self.inspectors.find(win.sentence_words(text))

    # -- the report's publication --------------------------------------------

    def _report(self, text: str, m: Mention, win: _Window) -> float | None:
        if m.future or (m.kind == "relative" and m.unit == "now"):
            return None
        if self.deadline.ends_with(win.words[win.clause_at :]) or win.marked(
            win.clause_at, "future"
        ):
            return None
        # "The previous report, published in 2021": the marker sits on the
        # noun, one clause back
        if win.marked(win.before_at, "earlier"):
            return None
        near = win.last_trigger(win.clause_at)
        if near is not None:
            if near[2] != "published":
                return None
            gap, base = len(win.words) - near[1], 6.0
        else:
            near = win.last_trigger(0)
            if near is None or near[2] != "published" or win.marked(0, "earlier"):
                return None
            gap, base = (len(win.words) - near[1]) * 7 // 10, 4.0
        bonus = 1.0 if self.report_words.find(win.sentence_words(text)) else 0.0
        return base - min(gap / 7, 2) + _specificity(m) + bonus

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


#: A phrase found among words: (first word, word after the last, group).
Hit = tuple[int, int, str]

_WORD_FORM = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _forms(text: str) -> list[str]:
    """The words of a text in lower case (ASCII letters folded, so offsets never shift)."""
    return _WORD_FORM.findall(text.translate(_ASCII_LOWER))


class _Phrases:
    """Phrases of words in groups, matched over a window's words by dictionary lookups.

    Cheaper than one big case-blind regex alternation tried at every
    character: a window is split into words once (in C), and only words that
    can start a phrase are looked at further. At one word the longest phrase
    wins, and among equally long ones the group listed first ("inspection
    framework" is neutral, so its "inspection" is no visit word).
    """

    def __init__(self, groups: Iterable[tuple[str, Iterable[str]]]) -> None:
        self.table: dict[tuple[str, ...], str] = {}
        for group, phrases in groups:
            for phrase in phrases:
                key = tuple(_forms(phrase))
                if key and key not in self.table:
                    self.table[key] = group
        self.first = {key[0] for key in self.table}
        self.longest = max((len(key) for key in self.table), default=1)

    def scan(self, words: Sequence[str]) -> list[Hit]:
        """Every phrase in order, none overlapping."""
        out: list[Hit] = []
        i, n = 0, len(words)
        first, table = self.first, self.table
        while i < n:
            if words[i] in first:
                for size in range(min(self.longest, n - i), 0, -1):
                    group = table.get(tuple(words[i : i + size]))
                    if group is not None:
                        out.append((i, i + size, group))
                        i += size
                        break
                else:
                    i += 1
            else:
                i += 1
        return out

    def find(self, words: Sequence[str], group: str | None = None) -> bool:
        """Whether a phrase (of ``group``, or any) occurs among the words."""
        return any(group is None or hit[2] == group for hit in self.scan(words))

    def ends_with(self, words: Sequence[str]) -> bool:
        """Whether the words end with a phrase."""
        tail = tuple(words[-self.longest :])
        return any(tail[i:] in self.table for i in range(len(tail)))


#: The groups of phrases that name an event near a date, and those that refuse it.
_EVENTS = frozenset({"published", "visit", "visit_weak", "grade", "other"})
_MARKERS = frozenset({"earlier", "future"})


class _Window:
    """The words of the sentence before one mention, split at its clauses.

    Bounded in length (``_LOOK_BACK``/``_LOOK_AHEAD`` characters), so a page of
    junk without a full stop costs no more per date than an article. Words are
    indexed: the date's own clause starts at ``clause_at``, the clause before
    it at ``before_at``; ``hits`` are the phrases among them.
    """

    __slots__ = ("line_start", "sent_start", "sent_end", "end", "words", "clause_at",
                 "before_at", "hits", "_sentence")

    def __init__(self, text: str, m: Mention, phrases: _Phrases) -> None:
        lo = max(0, m.start - _LOOK_BACK)
        newline = text.rfind("\n", lo, m.start)
        # no line start in reach: leave the line empty rather than invent one
        self.line_start = newline + 1 if newline >= 0 else (0 if lo == 0 else m.start)
        self.end = m.end
        self.sent_start = _sentence_start(text, lo, m.start)
        self.sent_end = _sentence_end(text, m.end, min(len(text), m.end + _LOOK_AHEAD))
        left = text[self.sent_start : m.start].translate(_ASCII_LOWER)
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(left)]
        cut = breaks[-1] if breaks else 0
        cut_before = breaks[-2] if len(breaks) > 1 else 0
        earlier = _WORD_FORM.findall(left, 0, cut_before)
        before = _WORD_FORM.findall(left, cut_before, cut)
        clause = _WORD_FORM.findall(left, cut)
        self.words = earlier + before + clause
        self.clause_at = len(earlier) + len(before)
        self.before_at = len(earlier) if breaks else self.clause_at
        self.hits = phrases.scan(self.words)
        self._sentence: list[str] | None = None

    def marked(self, since: int, group: str | None = None) -> bool:
        """Whether an earlier- or future-marker (of ``group``) stands from word ``since`` on."""
        return any(
            h[0] >= since and h[2] in _MARKERS and (group is None or h[2] == group)
            for h in self.hits
        )

    def last_trigger(self, since: int) -> Hit | None:
        """The last event phrase starting at word ``since`` or later."""
        for hit in reversed(self.hits):
            if hit[0] < since:
                return None
            if hit[2] in _EVENTS:
                return hit
        return None

    def sentence_words(self, text: str) -> list[str]:
        if self._sentence is None:
            self._sentence = self.words + self.right_words(text)
        return self._sentence

    def right_words(self, text: str) -> list[str]:
        return _forms(text[self.end : self.sent_end])

    def previous_words(self, text: str) -> list[str]:
        """The sentence before, when it is in the same paragraph."""
        if self.sent_start == 0:
            return []
        lo = max(0, self.sent_start - _LOOK_BACK)
        start = _sentence_start(text, lo, max(lo, self.sent_start - 1))
        previous = text[start : self.sent_start]
        return [] if _BLANK_LINE.search(previous) else _forms(previous)


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back no further than ``lo``.

    Sentences end at . ! ? and at line ends, except inside hard-wrapped prose:
    PDFs and e-mails break lines mid-sentence ("carried out between 4 and" /
    "15 November 2024"), so a line end is no sentence end when the line is
    long, has no closing punctuation, and either stops on a lower-case word or
    the next line goes on in lower case or digits.
    """
    start = lo
    for found in _SENTENCE_END.finditer(text, lo, pos):
        if found.group().startswith("\n") and _wrapped(text, found.start()):
            continue
        start = found.end()
    return start


def _sentence_end(text: str, pos: int, hi: int) -> int:
    for found in _SENTENCE_END.finditer(text, pos, hi):
        if found.group().startswith("\n") and _wrapped(text, found.start()):
            continue
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
