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
import weakref
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .. import rules
from ..dating import Grammar, Mention, Parts, resolve
from ..record import PartialDate
from ..textutil import doc_text, evidence

_KEY = "ofsted_dates"
#: The matcher's groups for the words a date may start with, by kind of seed.
_SEED = "seed:"
#: "three weeks ago": the only way a plural unit starts a date.
_AGO_AFTER = re.compile(r"\s+ago\b", re.IGNORECASE)

#: How much the article-date kinds of evidence count, strongest first.
ARTICLE_LABEL, ARTICLE_DATELINE, ARTICLE_MEETING, ARTICLE_TODAY, ARTICLE_UPDATED = 5, 4, 3, 2, 1

#: How far (characters) the weighing looks back from a date and ahead of it;
#: bounds the work per date on huge inputs without full stops.
_LOOK_BACK = 300
_LOOK_AHEAD = 160

#: The longest a dateline's words on either side of its date can be (a byline, a
#: masthead, a clock time): a date with more beside it stands in a sentence.
_DATELINE_REACH = 120
#: What the last word before a labelled date may be followed by.
_LABEL_PUNCT = " \t\u00a0:,.-\u2013\u2014|\u2022\u00b7"
#: The last characters before a date given by a machine-readable key.
_KEY_ENDS = frozenset(("\"", "'", "=", ":"))

#: The most words a label line may carry after its date ("in Nursery News", "by Newsdesk").
_LABEL_TAIL_WORDS = 6

_BLANK_LINE = re.compile(r"\n\s*\n")
#: What may stand between a visit word and a bare year: "inspected in 2019".
_YEAR_GAPS = frozenset({"", "in", "during", "on", "in the year"})
#: Clause breaks; a comma before a digit is a thousands separator ("1,100-pupil school").
_BREAK_CHAR = re.compile(r"[,;:()\[\]\u2013\u2014-]")
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
        self.list_headings = {h.lower() for h in layout.get("block_headings", [])}

        strong = _phrases(data["article_labels_strong"])
        poster = _phrases(data["article_byline_labels"])
        strong += rf"|(?:{poster})\s+[^|\u2022\u00b7\n]{{1,60}}?\s+on"
        weak = _phrases(data["article_labels_weak"])
        # what may stand between a label and its date, in any order: "Last
        # updated at 09:40 on 2 March 2011", "Posted: 16:21, 12 March 2024"
        label_tail = (
            r"(?:\s*(?::|-|\u2013|,|\b(?:on|at)\b|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
            r"|\b(?:bst|gmt|utc)\b))*\s*$"
        )
        # a label opens its line or follows a separator ("By Ann Lee | Posted 3 May 2024")
        lead = r"(?:^|[|\u2022\u00b7]|\s{2,})\s*"
        self.strong_label = re.compile(rf"{lead}(?:{strong}){label_tail}", re.IGNORECASE)
        self.weak_label = re.compile(rf"{lead}(?:{weak}){label_tail}", re.IGNORECASE)
        # machine-readable dates: the key right before the date ('"datePublished":
        # "2019-..."', 'property="article:published_time" content="2019-...'),
        # or a tag whose key follows it ('content="2019-..." name="pubdate"')
        key_tail = r"[\"']?\s*(?:(?:content|value|datetime)\s*=|[:=])\s*[\"']?\s*$"
        key_after = r"^[\"']?\s+(?:property|name|itemprop)\s*=\s*[\"']?(?:[\w-]+[:.])?"
        self.machine_keys: list[tuple[re.Pattern[str], re.Pattern[str], int]] = []
        for key, strength in (("article_machine_keys_strong", ARTICLE_LABEL),
                              ("article_machine_keys_weak", ARTICLE_UPDATED)):
            keys = _phrases(data[key])
            self.machine_keys.append((
                re.compile(rf"(?<![A-Za-z])(?:{keys}){key_tail}", re.IGNORECASE),
                re.compile(rf"{key_after}(?:{keys})[\"']", re.IGNORECASE),
                strength,
            ))
        self.label_ends = {
            w.split()[-1].lower()
            for key in ("article_labels_strong", "article_labels_weak", "article_byline_labels")
            for w in data[key]
        } | {"on", "at", "bst", "gmt", "utc", "am", "pm", "m"}  # "m": the end of "10.15 a.m."
        issue_words = _phrases(data["masthead_issue_words"])
        self.issue_line = re.compile(rf"(?<![\w-])(?:{issue_words})\b", re.IGNORECASE)
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
        self.deadline_ends = {w.split()[-1].lower() for w in data["deadline_words"]}
        self.deadline_end = re.compile(
            rf"(?<![\w-])(?:{_phrases(data['deadline_words'])})\W*\Z", re.IGNORECASE
        )
        # One matcher pass finds the trigger phrases and the words a date may
        # start with (month and weekday names, "year", "autumn", ...).
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        for group, key in _GROUP_KEYS.items():
            self.matcher.add(group, [make_doc(phrase) for phrase in data[key]])
        seed_words: dict[str, list[str]] = {}
        for word, kind in self.grammar.seed_words.items():
            seed_words.setdefault(kind, []).append(word)
        for kind, words in seed_words.items():
            self.matcher.add(_SEED + kind, [make_doc(word) for word in words])
        self.group_of = {
            get_string_id(group): group
            for group in (*_GROUP_KEYS, *(_SEED + kind for kind in seed_words))
        }
        self.priority = {group: n for n, group in enumerate((*_EVENT_GROUPS, *_MARKER_GROUPS))}

    # -- the component -----------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        weighed, page = self._weigh(doc)
        rows = [w.to_tuple() for w in weighed]
        doc.user_data[_KEY] = rows
        _WEIGHED[doc] = (rows, weighed)
        spans: list[Span] = []
        with_role = [w for w in weighed if w.role is not None]
        if with_role and page is not None:
            # the tokens each date overlaps, by binary search over the token
            # offsets (what char_span's "expand" does, without a Token per call)
            token_starts = page.token_starts
            firsts = np.searchsorted(token_starts, [w.mention.start for w in with_role], "right")
            lasts = np.searchsorted(token_starts, [w.mention.end for w in with_role], "left")
            for w, first, last in zip(with_role, firsts.tolist(), lasts.tolist(), strict=True):
                if 0 <= first - 1 < last:
                    spans.append(Span(doc, first - 1, last, label=w.role or ""))
        doc.spans["dates"] = spans
        return doc

    def weigh(self, doc: Doc) -> list[Weighed]:
        """Every date in the doc, weighed for the three roles."""
        return self._weigh(doc)[0]

    def _weigh(self, doc: Doc) -> tuple[list[Weighed], _Page | None]:
        """Every date in the doc, weighed, and what the weighing shared.

        What several dates share (the trigger phrases, the top matter, the
        lists of other stories) is worked out once, and only when a date needs
        it.
        """
        if not len(doc):
            return [], None
        text = doc_text(doc)
        page = _Page(self, doc, text)
        mentions = self.grammar.find(text, page.seeds)
        out: list[Weighed] = []
        furniture_starts, furniture_ends = page.furniture
        k, n_furniture = 0, len(furniture_starts)
        for m in mentions:
            # the mentions come in order: walk the furniture ranges beside them
            while k < n_furniture and furniture_ends[k] <= m.start:
                k += 1
            in_furniture = k < n_furniture and furniture_starts[k] <= m.start
            in_list = in_furniture and page.in_list(m.start)
            article = 0 if in_list else self._article(text, m, page)
            visit = report = None
            if not in_furniture and article < ARTICLE_DATELINE:
                ctx = page.context()
                # no visit or publication word within reach (the sentence, and
                # the one before it): no role to weigh
                if ctx.near_trigger(m.start - 2 * _LOOK_BACK, m.end + _LOOK_AHEAD):
                    win = _Window(text, m)
                    visit = self._visit(text, m, win, ctx)
                    report = self._report(m, win, ctx)
            out.append(Weighed(m, in_furniture, in_list, article, visit, report))
        return out, page

    def _longest(self, found: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
        """Non-overlapping phrases: at one place the longest, then the group listed first."""
        found.sort(key=lambda f: (f[0], -f[1], self.priority[f[3]]))
        out: list[tuple[int, int, int, str]] = []
        for f in found:
            if not out or f[0] >= out[-1][1]:
                out.append(f)
        return out

    # -- the article's date -----------------------------------------------

    def _article(self, text: str, m: Mention, page: _Page) -> int:
        if m.kind != "date" and not (m.kind == "month" and m.year is not None):
            return 0
        lo = max(0, m.start - _LOOK_BACK)
        line_start = text.rfind("\n", lo, m.start) + 1 or lo
        line_end = text.find("\n", m.end, m.end + _LOOK_AHEAD)
        line_end = min(len(text), m.end + _LOOK_AHEAD) if line_end < 0 else line_end
        prefix = text[line_start : m.start]
        suffix = text[m.end : line_end]
        if line_start > 0 and (not prefix or prefix.isspace()):
            # a label alone on the line above ("Published" / "3 March 2025")
            reach = max(0, line_start - 200)
            prev_start = text.rfind("\n", reach, max(line_start - 1, 0)) + 1 or reach
            above = text[prev_start : line_start - 1].strip()
            if self._labelled(above) and (
                self.strong_label.search(above) or self.weak_label.search(above)
            ):
                prefix = above + " "
        prefix = prefix[-200:]
        # the cheap tests first: most dates stand in sentences, where no label,
        # key or dateline can be
        if prefix.rstrip()[-1:] in _KEY_ENDS or "=" in suffix[:80]:
            for key_before, key_after, strength in self.machine_keys:
                if key_before.search(prefix) or key_after.match(suffix):
                    return strength
        if self._labelled(prefix):
            # "Posted on 5 July 2022 by Newsdesk" is a label line; "Published on 3
            # July, the report found ..." opens a sentence about the report
            short_tail = len(_WORD.findall(_TIME.sub(" ", suffix))) <= _LABEL_TAIL_WORDS
            if short_tail and self.strong_label.search(prefix):
                return ARTICLE_LABEL
            if short_tail and self.weak_label.search(prefix):
                return ARTICLE_UPDATED
        if m.day is None:
            return 0
        rest = suffix.strip()
        if len(prefix) <= _DATELINE_REACH and len(rest) <= _DATELINE_REACH:
            # a year-less date must stand alone on its line ("12 March", as on
            # pages that leave out the current year), or close a newsletter's
            # masthead line ("Issue 14 - Thursday 9th March")
            dated = m.year is not None or (not rest and (
                not prefix.strip(" |\t")
                or (_masthead(prefix) and bool(self.issue_line.search(prefix)))
            ))
            if dated and self._dateline(prefix, suffix) and m.start < page.header_end():
                return ARTICLE_DATELINE
        if (
            prefix.rstrip()[-2:].lower() == "on"
            and self.meeting.search(prefix)
            and m.start < page.header_end()
        ):
            return ARTICLE_MEETING
        if rest.startswith(")") and _TODAY_BEFORE.search(text, max(0, m.start - 40), m.start):
            return ARTICLE_TODAY
        return 0

    def _labelled(self, prefix: str) -> bool:
        """Whether ``prefix`` may end in a label: its last word could close one.

        A label is followed only by a colon, "on", "at" or a clock time, so the
        last word before the date is a label's last word or one of those. A
        set lookup rules out nearly every date in running text before any
        label pattern runs.
        """
        stripped = prefix.rstrip(_LABEL_PUNCT)
        i = len(stripped)
        while i and stripped[i - 1].isalnum():
            i -= 1
        word = stripped[i:].lower()
        return word in self.label_ends or word.isdigit()

    def _dateline(self, prefix: str, suffix: str) -> bool:
        """Whether a line holds nothing but the date, a clock time, a reading time or a byline.

        A short masthead or section name closed by a separator may lead the
        date too ("Westbury Herald | 4 March 2021", "Schools - 4 March 2021").
        """
        prefix = "" if _masthead(prefix) else _BYLINE_LEAD.sub(" ", prefix)
        rest = _TIME.sub(" ", f"{prefix} {suffix}")
        rest = self.filler.sub(" ", rest)
        return not _WORD.search(rest)

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
        """Whether a deadline word ("by", "until", "from") stands right before ``pos``.

        The word before ``pos`` is read first: only when it can end a deadline
        phrase does the phrase pattern run.
        """
        lo = max(lo, pos - 40)
        j = pos
        while j > lo and not (text[j - 1].isalnum() or text[j - 1] == "_"):
            j -= 1
        i = j
        while i > lo and (text[i - 1].isalnum() or text[i - 1] == "_"):
            i -= 1
        if text[i:j].lower() not in self.deadline_ends:
            return False
        return bool(self.deadline_end.search(text, lo, pos))

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


class _Page:
    """What the weighing of one document's dates shares, each part worked out when first needed.

    One ``PhraseMatcher`` pass gives both the words a date may start with
    (``seeds``) and the trigger phrases; token offsets come from one array,
    read only at the matches.
    """

    __slots__ = ("comp", "doc", "text", "positions", "seeds", "furniture", "_found",
                 "_header_end", "_listed", "_context", "_token_starts")

    def __init__(self, comp: Dates, doc: Doc, text: str) -> None:
        self.comp = comp
        self.doc = doc
        self.text = text
        self.positions = doc.to_array([IDX, LENGTH])
        self.seeds: list[tuple[int, str]] = []
        self._found: list[tuple[int, int, int, str]] = []
        self._read_matches()
        self.furniture = _furniture(doc)
        self._header_end: int | None = None
        self._listed: tuple[list[int], list[int]] | None = None
        self._context: _Context | None = None
        self._token_starts: np.ndarray[Any, Any] | None = None

    def _read_matches(self) -> None:
        matches = self.comp.matcher(self.doc)
        if not matches:
            return
        text = self.text
        positions = self.positions
        starts = positions[[first for _, first, _ in matches], 0].tolist()
        last_tokens = positions[[last - 1 for _, _, last in matches]]
        ends = (last_tokens[:, 0] + last_tokens[:, 1]).tolist()
        group_of = self.comp.group_of
        seeds = self.seeds
        found = self._found
        for (match_id, _, last), start, end in zip(matches, starts, ends, strict=True):
            group = group_of[match_id]
            if not group.startswith(_SEED):
                found.append((start, end, last, group))
                continue
            kind = group[len(_SEED) :]
            if kind == "keyword":
                seeds.append((start, kind))
            elif kind == "ago_word":
                if _AGO_AFTER.match(text, end):
                    seeds.append((start, kind))
            elif text[start].isupper():  # month and weekday names count capitalised
                seeds.append((start, kind))

    @property
    def token_starts(self) -> np.ndarray[Any, Any]:
        if self._token_starts is None:
            self._token_starts = np.ascontiguousarray(self.positions[:, 0])
        return self._token_starts

    def context(self) -> _Context:
        """The trigger phrases of the whole document, sorted once."""
        if self._context is None:
            comp = self.comp
            events = [f for f in self._found if f[3] not in _MARKER_GROUPS]
            marks = [f for f in self._found if f[3] in _MARKER_GROUPS]
            self._context = _Context(
                self.token_starts, _Hits(comp._longest(events)), _Hits(comp._longest(marks))
            )
        return self._context

    def header_end(self) -> int:
        """Where the page's top matter ends: the second line of prose, or the 25th line.

        Lines of page furniture do not count. The walk stops at the end of the
        top matter, so a long page costs no more than a short one.
        """
        if self._header_end is None:
            self._header_end = len(self.text)
            text = self.text
            starts, ends = self.furniture
            k, n_furniture = 0, len(starts)
            seen = prose = 0
            pos = 0
            while pos <= len(text):
                newline = text.find("\n", pos)
                end = len(text) if newline < 0 else newline
                start, pos = pos, end + 1
                line = text[start:end]
                if not line or line.isspace():
                    continue
                while k < n_furniture and ends[k] <= start:
                    k += 1
                if k < n_furniture and starts[k] <= start:
                    continue
                seen += 1
                if (
                    len(line) > 80
                    and _PROSE_END.search(line)
                    and len(_WORD.findall(line)) >= 20
                ):
                    prose += 1
                if prose >= 2 or seen >= 25:
                    self._header_end = end
                    break
        return self._header_end

    def in_list(self, pos: int) -> bool:
        """Whether ``pos`` lies in furniture that lists other stories ("Most read")."""
        if self._listed is None:
            listed = self.comp._listed(self.doc, self.text)
            self._listed = ([a for a, _ in listed], [b for _, b in listed])
        starts, ends = self._listed
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]


def _furniture(doc: Doc) -> tuple[list[int], list[int]]:
    """The page furniture's character ranges, sorted, overlapping and touching ones joined.

    The same ranges as ``layout.in_boilerplate`` reads; built here once per
    document so that the dates, which come in order, can walk beside them.
    """
    starts: list[int] = []
    ends: list[int] = []
    group = doc.spans.get("boilerplate")
    if group is None:
        return starts, ends
    for start, end in sorted((span.start_char, span.end_char) for span in group):
        if starts and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


class _Context:
    """What the weighing of every date in one document shares: its phrases and tokens."""

    __slots__ = ("token_starts", "events", "marks")

    def __init__(self, token_starts: np.ndarray[Any, Any], events: _Hits, marks: _Hits) -> None:
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
        return max(0, int(self.token_starts.searchsorted(pos)) - token - 1)


class _Window:
    """Where one date's sentence and clauses lie (character offsets).

    Bounded in length (``_LOOK_BACK``/``_LOOK_AHEAD`` characters), so a page of
    junk without a full stop costs no more per date than an article.
    """

    __slots__ = ("text", "line_start", "sent_start", "sent_end", "clause_start",
                 "before_start")

    def __init__(self, text: str, m: Mention) -> None:
        self.text = text
        lo = max(0, m.start - _LOOK_BACK)
        newline = text.rfind("\n", lo, m.start)
        # no line start in reach: leave the line empty rather than invent one
        self.line_start = newline + 1 if newline >= 0 else (0 if lo == 0 else m.start)
        self.sent_start = _sentence_start(text, lo, m.start)
        self.sent_end = _sentence_end(text, m.end, min(len(text), m.end + _LOOK_AHEAD))
        breaks = _clause_breaks(text, self.sent_start, m.start)
        if breaks and text[breaks[-1] - 1] == "," and (
            text[breaks[-1] : m.start].strip().lower() in _APPOSITION_LEADS
        ):
            # a date set off by commas belongs to the words before it: "at its
            # last inspection, in 2016," / "The visit, on 4 and 5 June, ..."
            breaks.pop()
        self.clause_start = breaks[-1] if breaks else self.sent_start
        # the clause before the date's own, when there is one
        self.before_start = breaks[-2] if len(breaks) > 1 else self.sent_start

    def previous_start(self) -> int | None:
        """Where the sentence before starts, when it is in the same paragraph."""
        if self.sent_start == 0:
            return None
        back = max(0, self.sent_start - _LOOK_BACK)
        start = _sentence_start(self.text, back, max(back, self.sent_start - 1))
        return None if _BLANK_LINE.search(self.text, start, self.sent_start) else start


def _clause_breaks(text: str, lo: int, hi: int) -> list[int]:
    """Where the clauses after each break in ``text[lo:hi]`` start.

    One scan for a plain charset (which the regex engine runs in C), then a
    look at the neighbours: a comma before a digit is a thousands separator
    ("a 1,100-pupil school"), and a hyphen is a break only between spaces.
    """
    out: list[int] = []
    for found in _BREAK_CHAR.finditer(text, lo, hi):
        i = found.start()
        char = text[i]
        if char == ",":
            if i + 1 < hi and text[i + 1].isdigit():
                continue
        elif char == "-":
            if not (i > lo and i + 1 < hi and text[i - 1].isspace() and text[i + 1].isspace()):
                continue
            out.append(i + 2)
            continue
        out.append(i + 1)
    return out


#: Where sentences end: full stops and the like (checked for what follows), and line ends.
_STOPS = (".", "!", "?", "\n")
_CLOSERS = frozenset("\"')]\u201d\u2019")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back no further than ``lo``.

    Sentences end at . ! ? (followed by white space, perhaps after a closing
    quote or bracket) and at line ends, except inside hard-wrapped prose:
    PDFs and e-mails break lines mid-sentence ("carried out between 4 and" /
    "15 November 2024"), so a line end is no sentence end when the line is
    long, has no closing punctuation, and either stops on a lower-case word or
    the next line goes on in lower case or digits. Found with ``str.rfind``,
    which runs in C, rather than a regex tried at every character.
    """
    hi = pos
    while True:
        i = max(text.rfind(stop, lo, hi) for stop in _STOPS)
        if i < 0:
            return lo
        if text[i] == "\n":
            if not _wrapped(text, i):
                return i + 1
        else:
            j = i + 1
            while j < pos and text[j] in _CLOSERS:
                j += 1
            if j < pos and text[j].isspace():
                while j < pos and text[j].isspace():
                    j += 1
                return j
        hi = i


def _sentence_end(text: str, pos: int, hi: int) -> int:
    lo = pos
    while True:
        found = [i for i in (text.find(stop, lo, hi) for stop in _STOPS) if i >= 0]
        if not found:
            return hi
        i = min(found)
        if text[i] == "\n":
            if not _wrapped(text, i):
                return i
        else:
            j = i + 1
            while j < hi and text[j] in _CLOSERS:
                j += 1
            if j < hi and text[j].isspace():
                return i
        lo = i + 1


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


#: What may lead a date set off by a comma for it to still be read with the clause before.
_APPOSITION_LEADS = frozenset(("", "in", "on", "during", "over", "throughout", "between"))

#: Words that cannot end a sentence: a line that ends on one is wrapped.
_OPEN_WORDS = frozenset(
    (
        "in", "on", "of", "the", "a", "an", "and", "to", "by", "for", "with", "between", "from",
        "at", "during", "that", "which", "when", "was", "were",
    )
)
#: A line at least this long that stops mid-sentence is taken to be hard-wrapped.
_WRAP_MIN_LINE = 50


#: Separators between the parts of a masthead or section line.
_SEPARATOR = re.compile(r"\s*[|\u2022\u00b7]\s*|\s+[-\u2013\u2014]\s+")
#: The most words a masthead line may carry before its date.
_MASTHEAD_WORDS = 8


def _masthead(prefix: str) -> bool:
    """Whether the words before a date are a short name line closed by a separator.

    Split in Python rather than matched by one pattern: a pattern of repeated
    segments, each of which may hold a dash, backtracks exponentially on a line
    of dashes.
    """
    pieces = _SEPARATOR.split(prefix)
    if len(pieces) < 2 or pieces[-1].strip():
        return False
    return 0 < len(_WORD.findall(prefix)) <= _MASTHEAD_WORDS


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


#: Per Doc: the rows the component left in ``doc.user_data`` and the dates they
#: hold, so the assembler's calls (one per inspection, and the article's date)
#: read them without rebuilding them. Keyed weakly: an entry dies with its Doc;
#: the rows are kept to tell a replaced or deserialised list from them.
_WEIGHED: weakref.WeakKeyDictionary[Doc, tuple[list[Any] | None, list[Weighed]]] = (
    weakref.WeakKeyDictionary()
)


def _weighed(doc: Doc) -> list[Weighed]:
    rows = doc.user_data.get(_KEY)
    cached = _WEIGHED.get(doc)
    if cached is not None and cached[0] is rows:
        return cached[1]
    # when the component did not run on this doc, it is weighed now
    weighed = (
        _finder().weigh(doc) if rows is None else [Weighed.from_tuple(row) for row in rows]
    )
    _WEIGHED[doc] = (rows, weighed)
    return weighed


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
