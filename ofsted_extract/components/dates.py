"""Dates: when the article came out, when inspectors visited, when the report was published.

The component finds every date expression once (``dating.Grammar``) and
weighs each for the three roles by the words around it, so the assembler's
calls below only pick from what is already there:

- the article's date comes from the page's own furniture: a label
  ("Published:", "Posted on", "Released:", "EMBARGOED UNTIL", "Date of
  meeting:", "For immediate release:"), a machine-readable key (a meta tag,
  JSON-LD), a dateline that is nothing but a date near the top (perhaps after
  a masthead name, or before an "| Updated ..." stamp), the minutes' "held ...
  on", or "published today (9 June)"; failing those, a newsletter's issue term
  ("Issue 14 - Spring Term 2023") or a date closing the headline ("... updates
  on Tuesday, 4 June 2024"). Never a date in a sentence, and never one in a
  list of other stories.
- a visit date is a date whose nearest trigger in its clause is a visit word
  ("inspected", "visited", "Inspectors spent a fortnight ... in June"), with
  nothing in the clause that makes it an earlier inspection ("last
  inspected in October 2020"), a grade ("up from inadequate in 2017"), a
  deadline ("by 9 May") or still to come ("due ... next spring").
- a report date is one whose nearest trigger is a publication word.

Speed: one ``PhraseMatcher`` pass (token-shaped, case-blind) finds both the
trigger words and the words a date may start with; each date then looks up
the triggers of its sentence by binary search, and finds its sentence and
clauses by reading backwards from itself with ``rfind``. What several dates
share is worked out once per document, and only when one needs it. Spans of
the dates that have a role go to ``doc.spans["dates"]`` labelled PUBLISHED,
VISIT or REPORT; the weighing of every date lives in ``doc.user_data`` as
plain tuples, so what this component adds to a Doc still serialises.
"""

from __future__ import annotations

import bisect
import functools
import re
import weakref
from array import array
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, cast

from spacy.attrs import IDX
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .. import rules
from ..dating import Grammar, Mention, Parts, resolve
from ..record import PartialDate
from ..textutil import doc_text, evidence
from .layout import furniture_ranges

_KEY = "ofsted_dates"
#: The matcher's groups for the words a date may start with, by kind of seed.
_SEED = "seed:"
#: "three weeks ago": the only way a plural unit starts a date (read from the unit).
_AGO_AFTER = re.compile(r"\w+\s+ago\b", re.IGNORECASE)

#: How much the article-date kinds of evidence count, strongest first. The
#: weakest, a newsletter's term ("Issue 14 - Spring Term 2023") or a date closing
#: the headline ("... updates on Tuesday, 4 June 2024"), dates a page that shows
#: nothing better.
ARTICLE_LABEL, ARTICLE_DATELINE, ARTICLE_MEETING, ARTICLE_TODAY, ARTICLE_UPDATED = 6, 5, 4, 3, 2
ARTICLE_HEADLINE = 1
#: How many non-blank lines may stand above a headline whose date dates the page
#: (a masthead, a row of section links).
_HEADLINE_LINES_ABOVE = 4
#: The most words that may follow a term on a newsletter's issue line ("Newsletter No 4").
_ISSUE_SUFFIX_WORDS = 4
#: The most words in each separated piece after an issue line's date (a tagline:
#: "Free to every household").
_ISSUE_TAGLINE_WORDS = 5

#: How far (characters) the weighing looks back from a date and ahead of it;
#: bounds the work per date on huge inputs without full stops.
_LOOK_BACK = 300
_LOOK_AHEAD = 160

#: Any word character: a visit label may only have marks before it on its line.
_WORD_CHAR = re.compile(r"\w")
#: The longest a dateline's words on either side of its date can be (a byline, a
#: masthead, a clock time): a date with more beside it stands in a sentence.
_DATELINE_REACH = 120
#: The words that may stand between a label and its date ("Updated at 10.15 a.m. on").
_TAIL_WORDS = frozenset(("on", "at", "bst", "gmt", "utc", "am", "pm", "a", "p", "m"))
#: How many words of such a tail ``_labelled`` reads before leaving it to the patterns.
_LABEL_TAIL_STEPS = 8
#: What the last word before a labelled date may be followed by.
_LABEL_PUNCT = " \t\u00a0:,.-\u2013\u2014|\u2022\u00b7"
#: The last characters before a date given by a machine-readable key.
_KEY_ENDS = frozenset(("\"", "'", "=", ":"))

#: The most words a label line may carry after its date ("in Parent Updates", "by Newsdesk").
_LABEL_TAIL_WORDS = 6

_BLANK_LINE = re.compile(r"\n\s*\n")
#: What may stand between a visit word and a bare year: "inspected in 2019".
_YEAR_GAPS = frozenset({"", "in", "during", "on", "in the year"})
#: A word, as the dateline and label tests count them.
_WORD = re.compile(r"[A-Za-z0-9]+")
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?![\w])|\b\d{1,2}\s*[ap]\.?m\.?(?![\w])|"
    r"\b\d+\s*(?:mins?|minutes?)\s+read\b",
    re.IGNORECASE,
)
_BYLINE_LEAD = re.compile(
    r"^\s*(?:by|author|words|reporter)\b:?[^|\u2022\u00b7]{1,80}[|\u2022\u00b7,]", re.IGNORECASE
)
#: A byline after the date, set off by a separator: "Wednesday 6 May 2021 | by Ann Lee".
#: The separator keeps "6 May 2021 by the council" (prose) out.
_BYLINE_TAIL = re.compile(
    r"[|\u2022\u00b7]\s*(?:by|author|words|reporter)\b:?[^|\u2022\u00b7\n]{1,60}"
    r"(?=[|\u2022\u00b7]|\s*$)",
    re.IGNORECASE,
)
#: The marks that part the pieces of a label or dateline line ("by Newsdesk | Leave a comment").
_LINE_SEPARATORS = re.compile(r"[|\u2022\u00b7]")
#: The word that closes a grade change: "dropped from good to requires improvement".
_TO_WORD = re.compile(r"(?<![\w-])to(?![\w-])", re.IGNORECASE)
#: "not ... until" turns a deadline word round: "was not visited again until May"
#: says the visit came in May.
_UNTIL = frozenset(("until", "till"))
_NOT_UNTIL = re.compile(r"(?:\bnot|n't|\bnever)(?:\s+\w+){0,4}\s+(?:until|till)\W*$",
                        re.IGNORECASE)
_TODAY_BEFORE = re.compile(r"\b(?:today|this\s+morning)\s*\(\s*$", re.IGNORECASE)

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

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Weighed:
        """A Weighed read back from its serialised form (nested lists)."""
        return cls(Mention(*row[0]), bool(row[1]), bool(row[2]), int(row[3]), row[4], row[5])

    @property
    def role(self) -> str | None:
        if self.article:
            return "PUBLISHED"
        if self.visit is not None:
            return "VISIT"
        if self.report is not None:
            return "REPORT"
        return None


#: A phrase found: (start, -end, group priority, token end, group), so that
#: plain tuple order is position, then longest, then priority.
_Found = tuple[int, int, int, int, str]


class _Hits:
    """Phrases found in one document, by group, sorted by position.

    ``starts``/``ends`` are character offsets and ``token_ends`` token
    indices, so a date can look up the phrases of its sentence by binary
    search instead of re-reading the words.
    """

    __slots__ = ("starts", "ends", "token_ends", "groups")

    def __init__(self, found: list[_Found]) -> None:
        # non-overlapping: at one place the longest phrase, then the group
        # listed first (the tuples sort that way, and in C)
        found.sort()
        starts: list[int] = []
        ends: list[int] = []
        token_ends: list[int] = []
        groups: list[str] = []
        end = -1  # where the last phrase kept ends (every start is 0 or more)
        for start, neg_end, _, token_end, group in found:
            if start >= end:
                end = -neg_end
                starts.append(start)
                ends.append(end)
                token_ends.append(token_end)
                groups.append(group)
        self.starts = starts
        self.ends = ends
        self.token_ends = token_ends
        self.groups = groups

    def between(self, lo: int, hi: int) -> range:
        """Indices of the phrases lying within characters [lo, hi)."""
        first = bisect.bisect_left(self.starts, lo)
        last = bisect.bisect_left(self.starts, hi, first)
        while last > first and self.ends[last - 1] > hi:
            last -= 1
        return range(first, last)

    def any(self, lo: int, hi: int, group: str | None = None) -> bool:
        """Whether a phrase (of ``group``) lies within [lo, hi).

        The phrases do not overlap, so their ends rise with their starts: the
        first one from ``lo`` on is within reach or none is.
        """
        i = bisect.bisect_left(self.starts, lo)
        ends = self.ends
        if group is None:
            return i < len(ends) and ends[i] <= hi
        groups = self.groups
        while i < len(ends) and ends[i] <= hi:
            if groups[i] == group:
                return True
            i += 1
        return False


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
        # a change stamp after the first-published one on a dateline: "18:42, 17 Apr
        # 2024 | Updated 09:15, 18 Apr 2024" is dated by its first date
        self.updated_tail = re.compile(
            rf"^\s*(?:[|\u2022\u00b7,;]|\s[-\u2013\u2014])\s*(?:{weak})\b[^|\u2022\u00b7\n]{{0,60}}$",
            re.IGNORECASE,
        )
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
            for key in ("article_labels_strong", "article_labels_weak")
            for w in data[key]
        } - _TAIL_WORDS
        self.posters = [w.lower() for w in data["article_byline_labels"]]
        self.poster_ends = frozenset(w.split()[-1] for w in self.posters)
        self.headline_leads = frozenset(w.lower() for w in data["headline_date_leads"])
        self.issue_words = frozenset(
            w.lower() for phrase in data["masthead_issue_words"] for w in _WORD.findall(phrase)
        )
        issue_words = _phrases(data["masthead_issue_words"])
        # a magazine's cover price beside its issue month: "June 2015      Price 50p"
        price_words = _phrases(data["masthead_price_words"])
        self.price_tail = re.compile(
            rf"(?:^|[|\u2022\u00b7]|\s)\s*(?:(?:{price_words})\s*:?\s*)?"
            r"(?:\u00a3\s*\d{1,2}(?:\.\d\d)?|\d{1,3}\s*p|free)\s*$",
            re.IGNORECASE,
        )
        self.issue_line = re.compile(rf"(?<![\w-])(?:{issue_words})\b", re.IGNORECASE)
        # a newsletter's issue after its date: "Friday 1 March 2024 | Issue 22"
        self.issue_tail = re.compile(
            rf"(?:\s*[|\u2022\u00b7]\s*|\s+[-\u2013\u2014]\s+)(?:{issue_words})\.?\s*\d{{1,4}}\s*$",
            re.IGNORECASE,
        )
        self.filler_words = {
            word.lower() for phrase in data["dateline_filler"] for word in _WORD.findall(phrase)
        }
        self.filler = _words_regex(w for w in data["dateline_filler"] if w[0].isalnum())
        self.meeting = re.compile(
            rf"\b(?:{_phrases(data['meeting_heading_words'])})\b.*\bheld\b.*\bon\s*$",
            re.IGNORECASE,
        )
        # a press release's "Notes to editors" heading, on a line of its own
        self.notes_heading = re.compile(
            rf"(?:^|(?<=\n))[ \t]*(?:{_phrases(data['notes_headings'])})[ \t:]*$",
            re.IGNORECASE | re.MULTILINE,
        )
        # a label opens its line: "Inspection dates:   8 and 9 October 2024"
        self.visit_label_reach = 2 * max(len(label) for label in data["visit_labels"]) + 4
        self.visit_label = re.compile(
            rf"[^\w]*(?:{_phrases(data['visit_labels'])})\s*(?::|-|\u2013)?\s*$", re.IGNORECASE
        )
        # words looked for only now and then, in one sentence: plain regexes.
        # The inspector words have no boundary in front, since scraped captions
        # glue words ("Trust)Inspectors arrived").
        self.inspector_text = re.compile(_phrases(data["inspector_words"]), re.IGNORECASE)
        self.report_text = _words_regex(data["report_words"])
        #: the earlier markers that open a grade change ("dropped from", "up from"):
        #: a "to <grade>" after them closes it (see ``_change_done``)
        self.change_markers = frozenset(
            " ".join(w.lower().split()) for w in data["earlier_markers"]
            if w.split()[-1].lower() == "from"
        )
        #: each deadline phrase's words (all but the last), by its last word
        self.deadline_ends: dict[str, list[tuple[str, ...]]] = {}
        for phrase in data["deadline_words"]:
            *before, last = phrase.lower().split()
            self.deadline_ends.setdefault(last, []).append(tuple(before))
        #: words that keep a gap-separated name off a dateline (see ``_gap_masthead``)
        self.gap_shunned = frozenset(
            w.lower()
            for key in ("visit_labels", "visit_words", "earlier_markers", "future_markers")
            for phrase in data[key]
            for w in _WORD.findall(phrase)
        )
        # a visit's length in days or weeks, then its first day: "were in the
        # county for three weeks from 28 June" (not "for two years from 2019")
        spans = data["visit_spans"]
        self.visit_span = re.compile(
            rf"(?<![\w-])for\s+(?:{_phrases(spans['counts'])})\s+(?:{_phrases(spans['units'])})"
            rf"\s+(?:{_phrases(spans['starts'])})\Z",
            re.IGNORECASE,
        )
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
        priority = {group: n for n, group in enumerate((*_EVENT_GROUPS, *_MARKER_GROUPS))}
        #: each trigger group's name, priority, and whether it is a marker group
        self.group_of = {
            get_string_id(group): (group, priority[group], group in _MARKER_GROUPS)
            for group in _GROUP_KEYS
        }
        self.seed_kind = {get_string_id(_SEED + kind): kind for kind in seed_words}

    # -- the component -----------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        weighed, page = self._weigh(doc)
        # named tuples of plain values: msgpack writes them as nested lists
        doc.user_data[_KEY] = weighed
        spans: list[Span] = []
        with_role = [w for w in weighed if w.role is not None]
        if with_role and page is not None:
            # the tokens each date overlaps, by binary search over the token
            # offsets (what char_span's "expand" does, without a Token per call)
            token_starts = page.token_starts
            for w in with_role:
                first = bisect.bisect_right(token_starts, w.mention.start) - 1
                last = bisect.bisect_left(token_starts, w.mention.end)
                if 0 <= first < last:
                    spans.append(Span(doc, first, last, label=w.role or ""))
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
        ctx: _Context | None = None
        notes_at: dict[int, int] = {}  # furniture block -> end of its notes heading, or -1
        for m in mentions:
            # the mentions come in order: walk the furniture ranges beside them
            while k < n_furniture and furniture_ends[k] <= m.start:
                k += 1
            in_furniture = k < n_furniture and furniture_starts[k] <= m.start
            in_list = in_furniture and page.in_list(m.start) and not page.own_heading(m)
            # "Notes to editors / 1. The inspection took place from ...": furniture whose
            # dates still speak of this inspection (:func:`_pick` takes them last)
            notes = False
            if in_furniture and not in_list:
                if k not in notes_at:  # once per block: where its notes heading is, if any
                    found = self.notes_heading.search(text, furniture_starts[k], furniture_ends[k])
                    notes_at[k] = found.end() if found else -1
                notes = 0 <= notes_at[k] <= m.start
            kind = m.kind
            # only a day or a month of a given year can date the article (or the
            # term of a newsletter's issue line)
            article = 0 if in_list or not (
                kind == "date" or (kind in ("month", "season") and m.year is not None)
            ) else self._article(text, m, page)
            visit = report = None
            if (not in_furniture or notes) and article < ARTICLE_DATELINE:
                if ctx is None:
                    ctx = page.context()
                # no visit or publication word within reach (the sentence, and
                # the one before it): no role to weigh
                if not (m.future or (kind == "relative" and m.unit == "now")) and (
                    ctx.near_trigger(m.start - 2 * _LOOK_BACK, m.end + _LOOK_AHEAD)
                ):
                    # what both roles ask of the date's clause, read once
                    win = _Window(text, page.marked, m)
                    near = ctx.last_event(win.clause_start, m.start)
                    visit = self._visit(text, m, win, ctx, near)
                    report = self._report(m, win, ctx, near)
            out.append(Weighed(m, in_furniture, in_list, article, visit, report))
        return out, page

    # -- the article's date -----------------------------------------------

    def _article(self, text: str, m: Mention, page: _Page) -> int:
        if m.kind == "season":
            return self._issue_term(text, m, page)
        if m.kind != "date" and not (m.kind == "month" and m.year is not None):
            return 0  # (the caller tests this first too)
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
            # (counted piece by piece between separators: "by Newsdesk | Leave a
            # comment" is two short pieces of page furniture, not a sentence)
            short_tail = all(
                len(_WORD.findall(piece)) <= _LABEL_TAIL_WORDS
                for piece in _LINE_SEPARATORS.split(_TIME.sub(" ", suffix))
            )
            if short_tail and self.strong_label.search(prefix):
                return ARTICLE_LABEL
            if short_tail and self.weak_label.search(prefix):
                return ARTICLE_UPDATED
        if m.day is None:
            # a month of a given year: only an issue line dates the page by it
            return self._issue_term(text, m, page)
        # "17 Apr 2024 | Updated 09:15, 18 Apr 2024": a stamp line, wherever it
        # stands (scraped pages repeat their standfirst above it)
        stamped = self.updated_tail.match(suffix) is not None
        if stamped:
            suffix = ""
        rest = suffix.strip()
        if len(prefix) <= _DATELINE_REACH and len(rest) <= _DATELINE_REACH:
            # a year-less date must stand alone on its line ("12 March", as on
            # pages that leave out the current year), or close a newsletter's
            # masthead line ("Issue 14 - Thursday 9th March")
            dated = m.year is not None or (not rest and (
                not prefix.strip(" |\t")
                or (_masthead(prefix) and bool(self.issue_line.search(prefix)))
            ))
            if dated and self._dateline(prefix, suffix) and (
                stamped or m.start < page.header_end()
            ):
                return ARTICLE_DATELINE
        if (
            prefix.rstrip()[-2:].lower() == "on"
            and self.meeting.search(prefix)
            and m.start < page.header_end()
        ):
            return ARTICLE_MEETING
        if rest.startswith(")") and _TODAY_BEFORE.search(text, max(0, m.start - 40), m.start):
            return ARTICLE_TODAY
        if m.year is not None and not rest and self._headline(text, prefix, line_start, m, page):
            return ARTICLE_HEADLINE
        return 0

    def _headline(self, text: str, prefix: str, line_start: int, m: Mention, page: _Page) -> bool:
        """Whether a full date closes the headline: "LIVE: Kestwick news and travel updates
        on Tuesday, 4 June 2024", "School results for 18 August 2022".

        A live blog or a day's round-up names its day in its title, often its only
        date. The date must end a short line among the first few, right after "on"
        or "for"; a date inside a sentence dates nothing.
        """
        head = prefix.rstrip()
        if not head or len(head) > _DATELINE_REACH or ". " in head:
            return False
        # ("Council praises its staff | 3 May 2019" may be a link to another story)
        if head.rsplit(None, 1)[-1].lower() not in self.headline_leads:
            return False
        if line_start > 1000 or m.start >= page.header_end():
            return False
        above = sum(1 for line in text[:line_start].split("\n") if line.strip())
        return above <= _HEADLINE_LINES_ABOVE

    def _issue_term(self, text: str, m: Mention, page: _Page) -> int:
        """A newsletter's or magazine's issue line that dates it by a school term or a
        month ("Issue 14 - Spring Term 2023", "Summer 2022 Newsletter", "Issue 58 |
        March 2023", "June 2015    Price 50p"): the issue's year and month, when
        nothing better.

        Only a short line near the top that names the issue counts: a term in a
        sentence ("inspected during the spring term of 2022") dates nothing. A
        month of a given year may also stand alone on one of the page's first
        lines (perhaps beside the cover price), as a magazine's masthead prints
        it; a term alone ("Spring Term 2023") may head a list of term dates.
        """
        if m.year is None:
            return 0
        lo = max(0, m.start - _LOOK_BACK)
        line_start = text.rfind("\n", lo, m.start) + 1 or lo
        line_end = text.find("\n", m.end, m.end + _LOOK_AHEAD)
        line_end = min(len(text), m.end + _LOOK_AHEAD) if line_end < 0 else line_end
        prefix, suffix = text[line_start : m.start], text[m.end : line_end].strip()
        if len(prefix) > _DATELINE_REACH or len(suffix) > _DATELINE_REACH:
            return 0
        if m.kind == "month" and suffix:
            suffix = self.price_tail.sub("", suffix).strip()
        if suffix and self._issue_tagline(prefix, suffix):
            # "July 2017 · Issue 143 · Free to every household": the issue's
            # number and the magazine's tagline, each set off by a separator
            named = True
        elif m.kind == "month" and not suffix and not prefix.strip(" |\t"):
            # "June 2015" alone on a masthead line, among the page's first lines
            named = line_start <= 1000 and sum(
                1 for line in text[:line_start].split("\n") if line.strip()
            ) <= _HEADLINE_LINES_ABOVE
        elif suffix:
            # nothing after it but the issue's name and number: "Spring 2023
            # Newsletter", "Autumn Term 2021 - Issue 3" (not "Summer 2022 - no homework")
            words = _WORD.findall(suffix)
            named = (
                not prefix.strip(" |\t")
                and len(words) <= _ISSUE_SUFFIX_WORDS
                and all(w.lower() in self.issue_words or w.isdigit() for w in words)
            )
        else:
            named = _masthead(prefix) and bool(self.issue_line.search(prefix))
        return ARTICLE_HEADLINE if named and m.start < page.header_end() else 0

    def _issue_tagline(self, prefix: str, suffix: str) -> bool:
        """Whether the words after an issue line's month or term are separated pieces:
        the issue's name and number, and a short tagline ("July 2017 · Issue 143 ·
        Free to every household", "Issue 58 | March 2023 | Delivered free").

        The issue must be named, on the line either side of the date, and every
        other piece after it be short: a sentence after a dash ("May 2022 - bins
        collected on Tuesdays") names no issue and so dates nothing.
        """
        # (the suffix comes stripped: a dash separator needs its space in front)
        pieces = _SEPARATOR.split(" " + suffix)
        if len(pieces) < 2 or pieces[0].strip():
            return False  # the suffix must open with a separator
        if prefix.strip(" |\t") and not (_masthead(prefix) and self.issue_line.search(prefix)):
            return False
        named = False
        for piece in pieces[1:]:
            words = _WORD.findall(piece)
            if not words or len(words) > _ISSUE_TAGLINE_WORDS:
                return False
            if any(w.isdigit() for w in words) and all(
                w.lower() in self.issue_words or w.isdigit() for w in words
            ):
                named = True
        return named or bool(prefix.strip(" |\t"))

    def _labelled(self, prefix: str) -> bool:
        """Whether ``prefix`` may end in a label, read word by word from its end.

        A label is followed only by a colon, "on", "at", a clock time or a time
        zone, so past those the last word must close a label ("published", or
        "on" after "Posted by <name>"). Set lookups rule out nearly every date
        in running text ("was inspected on 3 May") before a pattern runs.
        """
        rest = prefix.rstrip(_LABEL_PUNCT)
        for _ in range(_LABEL_TAIL_STEPS):
            # the run of letters and digits ending ``rest``: within its last
            # white-space-separated chunk, most often all of it
            i = len(rest)
            if rest[-1:].isalnum():
                chunk = rest.rsplit(None, 1)[-1]
                if chunk.isalnum():
                    i -= len(chunk)
                else:
                    while i and rest[i - 1].isalnum():
                        i -= 1
            word = rest[i:].lower()
            if word in self.label_ends:
                return True
            if word == "on":
                before = rest[max(0, i - 80) : i].lower()
                # (each poster label's last word stands in it first: "by")
                if any(w in before for w in self.poster_ends):
                    poster = " ".join(before.split())
                    if any(p in poster for p in self.posters):
                        return True
            if not word or not (word in _TAIL_WORDS or word.isdigit()):
                return False
            rest = rest[:i].rstrip(_LABEL_PUNCT)
        return True  # a long tail of clock times: let the patterns decide

    def _dateline(self, prefix: str, suffix: str) -> bool:
        """Whether a line holds nothing but the date, a clock time, a reading time or a byline.

        A short masthead or section name closed by a separator may lead the
        date too ("Westbury Herald | 4 March 2021", "Schools - 4 March 2021").
        """
        if _masthead(prefix) or self._gap_masthead(prefix):
            prefix = ""
        else:
            prefix = _BYLINE_LEAD.sub(" ", prefix)
        suffix = self.issue_tail.sub("", suffix)
        if _LINE_SEPARATORS.search(suffix):  # (cheap gate: a byline tail needs a separator)
            suffix = _BYLINE_TAIL.sub(" | ", suffix)
        rest = _TIME.sub(" ", f"{prefix} {suffix}")
        # the filler patterns only take out words of their own: a word of any
        # other kind settles it without them
        words = _WORD.findall(rest)
        if not words:
            return True
        if any(word.lower() not in self.filler_words for word in words):
            return False
        return not _WORD.search(self.filler.sub(" ", rest))

    def _gap_masthead(self, prefix: str) -> bool:
        """Whether the words before a date are a programme's or outlet's name set off by a
        column gap: "Channel East Report  6 June 2018 at 6:42pm".

        Scraped page furniture leaves two spaces or a tab where a page had a
        separate box; prose has single spaces. The name is a few words in
        Title Case, none of them an inspection's ("Previous Inspection  12 March
        2016" in a table of past visits dates no page).
        """
        if not _GAP_END.search(prefix):
            return False
        words = _WORD.findall(prefix)
        return (
            0 < len(words) <= _COMMA_MASTHEAD_WORDS
            and all(w[:1].isupper() for w in words)
            and self.gap_shunned.isdisjoint(w.lower() for w in words)
        )

    # -- the inspectors' visit ---------------------------------------------

    def _visit(
        self, text: str, m: Mention, win: _Window, ctx: _Context, near: int | None
    ) -> float | None:
        """How well ``m`` fits the visit (None: not at all); ``near`` is the last
        event phrase in its clause. Never a date still to come."""
        if m.kind == "weekday" or (m.kind == "relative" and m.unit in ("day", "week")):
            # "today", "on Monday", "this week": a visit whose outcome is out is
            # weeks old, so these words speak of something else ("come and visit us today!")
            return None
        spec = _specificity(m)
        # a label opens its line, with nothing but marks before it: "Inspection
        # dates: 8 and 9 October 2024"; most dates stand far into a sentence
        # (the anchored label pattern first: it fails at the line's first word)
        if self.visit_label.match(text, win.line_start, m.start):
            head = text[win.line_start : m.start].rstrip().rstrip(":-\u2013").rstrip()
            if len(head) <= self.visit_label_reach or not _WORD_CHAR.search(
                head, 0, len(head) - self.visit_label_reach
            ):
                return None if ctx.marks.any(win.line_start, m.start, "earlier") else 10 + spec
        if (
            ctx.marks.any(win.clause_start, m.start)
            and not self._change_done(text, win, m, ctx, near)
        ) or self._deadline(win, m):
            return None
        if near is not None:
            if self._is_visit(ctx.events.groups[near], win, ctx):
                end = ctx.events.ends[near]
                if m.kind == "year" and " ".join(text[end : m.start].lower().split()) not in (
                    _YEAR_GAPS
                ):
                    return None  # a bare year only right after the visit word: "inspected in 2019"
                gap = ctx.words_between(ctx.events.token_ends[near], m.start)
                return 6 - min(gap / 7, 2) + spec
            # a grade's date ("judged inadequate in June 2022") is an earlier
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
        # nothing in the sentence at all ("The second, on 6 and 7 February, ..."):
        # the sentence before, in the same paragraph, may name the visit
        previous = win.previous_start() if m.month is not None or m.kind == "relative" else None
        if previous is not None:
            before = [i for i in ctx.events.between(previous, win.sent_start)
                      if ctx.events.groups[i] in _EVENTS]
            if before and ctx.events.groups[before[-1]] == "visit":
                return 2 + spec
        return None

    def _change_done(
        self, text: str, win: _Window, m: Mention, ctx: _Context, near: int | None
    ) -> bool:
        """Whether the only markers in the date's clause are grade changes finished before
        its visit word: "dropped from good to requires improvement after an inspection
        in late June".

        "from <grade> to <grade>" names both grades before the visit word comes, so
        the date is the visit that made the change. A change still open at the date
        ("up from inadequate in 2017", "down from good at its inspection in 2019 to
        ...") dates the earlier grade, and any other marker ("last", "next") is
        left to stand.
        """
        if near is None or ctx.events.groups[near] != "visit":
            return False
        visit_start = ctx.events.starts[near]
        marks = ctx.marks
        for i in marks.between(win.clause_start, m.start):
            end = marks.ends[i]
            phrase = " ".join(text[marks.starts[i] : end].lower().split())
            if phrase not in self.change_markers or end > visit_start:
                return False
            if not _TO_WORD.search(text, end, visit_start):
                return False
        return True

    def _deadline(self, win: _Window, m: Mention) -> bool:
        """Whether a deadline word ends right before the date (read once, for both roles)."""
        if win.deadline is None:
            win.deadline = self._deadline_before(win.text, win.clause_start, m.start)
        return win.deadline

    def _deadline_before(self, text: str, lo: int, pos: int) -> bool:
        """Whether a deadline word ("by", "until", "from") stands right before ``pos``.

        The word before ``pos`` is read first: only when it can end a deadline
        phrase does the phrase pattern run.
        """
        lo = max(lo, pos - 40)
        chunk = text[lo:pos].rstrip()
        last = chunk.rsplit(None, 1)  # the last word alone: most dates stop here
        if not last:
            return False
        word = last[-1]
        words_end = len(chunk)
        if not word.isalnum():
            # punctuation about the word ("by:", "(until"): read it char by char
            j = len(chunk)
            while j and not (chunk[j - 1].isalnum() or chunk[j - 1] == "_"):
                j -= 1
            i = j
            while i and (chunk[i - 1].isalnum() or chunk[i - 1] == "_"):
                i -= 1
            word = chunk[i:j]
            words_end = j
        phrases = self.deadline_ends.get(word.lower())
        if phrases is None:
            return False
        if self.visit_span.search(chunk, max(0, words_end - 60), words_end):
            return False  # "for three weeks from 28 June": a visit's span opens on the date
        if word.lower() in _UNTIL and _NOT_UNTIL.search(chunk):
            return False  # "not inspected again until May": what happened in May, no deadline
        words = chunk[:words_end].split()
        # the words before must fit one of the phrases ending in this word
        # ("starting in", not any "in"); the pattern has the last say
        for before in phrases:
            n = len(before)
            if not n or (
                len(words) > n
                and all(
                    w.lower().endswith(b)
                    for w, b in zip(words[-n - 1 : -1], before, strict=True)
                )
            ):
                return bool(self.deadline_end.search(text, lo, pos))
        return False

    def _is_visit(self, group: str, win: _Window, ctx: _Context) -> bool:
        if group == "visit":
            return True
        if group != "visit_weak":
            return False
        # read in the text too: scraped captions glue words ("Trust)Inspectors arrived")
        return bool(self.inspector_text.search(win.text, win.sent_start, win.sent_end))

    # -- the report's publication --------------------------------------------

    def _report(self, m: Mention, win: _Window, ctx: _Context, near: int | None) -> float | None:
        # the publication word first: most dates have none, and the other
        # tests cost more
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
        if ctx.marks.any(win.clause_start, m.start, "future") or self._deadline(win, m):
            return None
        # "The previous report, published in 2021": the marker sits on the
        # noun, one clause back
        if ctx.marks.any(win.before_start, m.start, "earlier"):
            return None
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

    __slots__ = ("comp", "doc", "text", "token_starts", "seeds", "furniture", "_events",
                 "_marks", "_header_end", "_listed", "_context", "_marked")

    def __init__(self, comp: Dates, doc: Doc, text: str) -> None:
        self.comp = comp
        self.doc = doc
        self.text = text
        #: where each token starts: one array from spaCy, read as plain ints
        self.token_starts = array("Q", doc.to_array(IDX).tobytes())
        self.seeds: list[tuple[int, str]] = []
        self._events: list[_Found] = []  # the trigger phrases found, then the markers
        self._marks: list[_Found] = []
        self._read_matches()
        self.furniture = furniture_ranges(doc)
        self._header_end: int | None = None
        self._listed: tuple[list[int], list[int]] | None = None
        self._context: _Context | None = None
        self._marked: bytes | None = None

    def _read_matches(self) -> None:
        text = self.text
        tokens = self.token_starts
        n_tokens = len(tokens)
        seed_kind = self.comp.seed_kind
        group_of = self.comp.group_of
        seeds = self.seeds
        events, marks = self._events, self._marks
        for match_id, first, last in self.comp.matcher(self.doc):
            start = tokens[first]
            trigger = group_of.get(match_id)
            if trigger is not None:
                # where the phrase ends: where the token after it starts, less
                # the one space spaCy keeps after a word (the text's end after
                # the last token)
                end = tokens[last] if last < n_tokens else len(text)
                if text[end - 1] == " ":
                    end -= 1
                group, priority, is_mark = trigger
                (marks if is_mark else events).append((start, -end, priority, last, group))
                continue
            kind = seed_kind[match_id]
            if kind == "keyword":
                seeds.append((start, kind))
            elif kind == "ago_word":
                if _AGO_AFTER.match(text, start):
                    seeds.append((start, kind))
            elif text[start].isupper():  # month and weekday names count capitalised
                seeds.append((start, kind))

    @property
    def marked(self) -> bytes:
        if self._marked is None:
            self._marked = _mark(self.text)
        return self._marked

    def context(self) -> _Context:
        """The trigger phrases of the whole document, sorted once."""
        if self._context is None:
            marks = self._marks
            neutral = [(f[0], -f[1]) for f in self._events if f[4] == "neutral"]
            if neutral and marks:
                # a marker inside a neutral phrase is no marker: "inspected at the same
                # time, between 21 and 25 January" speaks of no earlier time
                marks = [f for f in marks if not any(a <= f[0] and -f[1] <= b for a, b in neutral)]
            self._context = _Context(self.token_starts, _Hits(self._events), _Hits(marks))
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
                if len(line) > 80 and _prose(line):
                    prose += 1
                if prose >= 2 or seen >= 25:
                    self._header_end = end
                    break
        return self._header_end

    def own_heading(self, m: Mention) -> bool:
        """Whether a date closes a one-story "Latest news" block that the article's prose follows.

        Provider pages put their own story under such a heading ("Latest news" /
        headline / "8 November 2021" / the story): a list of other stories holds
        more than one headline, and its last date is not followed by prose.
        """
        self.in_list(m.start)
        assert self._listed is not None
        starts, ends = self._listed
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0 or m.start >= ends[i]:
            return False
        block = self.text[starts[i] : ends[i]]
        lines = [ln for ln in block.split("\n") if ln.strip()]
        tail = self.text[m.end : ends[i]]
        if len(lines) > 3 or (tail.strip() and not _label_tail(tail)):
            return False
        after = self.text[ends[i] : ends[i] + 2000].lstrip()
        first = after.split("\n", 1)[0]
        return len(first) > 80 and _prose(first)

    def in_list(self, pos: int) -> bool:
        """Whether ``pos`` lies in furniture that lists other stories ("Most read")."""
        if self._listed is None:
            listed = self.comp._listed(self.doc, self.text)
            self._listed = ([a for a, _ in listed], [b for _, b in listed])
        starts, ends = self._listed
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]


def _label_tail(tail: str) -> bool:
    """Whether the words after a date finish its label line and nothing more:
    "by Office Admin | Category: School News".

    One line, no sentence end, and every piece between separators short, so a
    date followed by a story's summary still ends no label line.
    """
    tail = tail.rstrip()
    return (
        "\n" not in tail
        and ". " not in tail
        and all(len(_WORD.findall(p)) <= _LABEL_TAIL_WORDS for p in _LINE_SEPARATORS.split(tail))
    )


def _prose(line: str) -> bool:
    """Whether a long line reads as prose: it ends a sentence and holds 20 words or more.

    Both tests run in C: the end by stripping, the words (runs of ASCII
    letters and digits) by splitting a copy in which every other character
    is a space.
    """
    end = line.rstrip().rstrip(_CLOSING)
    if not end or end[-1] not in ".!?":
        return False
    marked = b" " + line.encode("ascii", "replace").translate(_ALNUM_ONLY)
    return marked.count(b" a") >= 20


#: What may close a sentence after its full stop.
_CLOSING = "\"'\u201d\u2019)"
#: A ``bytes.translate`` table: "a" for ASCII letters and digits, a space for the rest.
_ALNUM_ONLY = bytes(97 if chr(i).isascii() and chr(i).isalnum() else 32 for i in range(256))


class _Context:
    """What the weighing of every date in one document shares: its phrases and tokens."""

    __slots__ = ("token_starts", "events", "marks", "is_event", "trigger_starts",
                 "trigger_ends")

    def __init__(self, token_starts: array[int], events: _Hits, marks: _Hits) -> None:
        self.token_starts = token_starts
        self.events = events
        self.marks = marks
        self.is_event = [group in _EVENTS for group in events.groups]
        triggers = [i for i, group in enumerate(events.groups) if group in _TRIGGERS]
        self.trigger_starts = [events.starts[i] for i in triggers]
        self.trigger_ends = [events.ends[i] for i in triggers]

    def near_trigger(self, lo: int, hi: int) -> bool:
        """Whether a visit or publication phrase lies within [lo, hi)."""
        i = bisect.bisect_left(self.trigger_starts, lo)
        return i < len(self.trigger_ends) and self.trigger_ends[i] <= hi

    def last_event(self, lo: int, hi: int) -> int | None:
        """The last event phrase within [lo, hi) (neutral phrases mask, never count)."""
        starts, ends, is_event = self.events.starts, self.events.ends, self.is_event
        i = bisect.bisect_left(starts, hi) - 1
        while i >= 0 and starts[i] >= lo:
            if is_event[i] and ends[i] <= hi:
                return i
            i -= 1
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
    junk without a full stop costs no more per date than an article. Read
    backwards from the date with ``rfind`` on the page's ``marked`` copy (see
    ``_mark``), which runs in C, rather than with a regex tried at every
    character.
    """

    __slots__ = ("text", "marked", "line_start", "sent_start", "clause_start", "deadline",
                 "_date_start", "_clause_break", "_before_start", "_date_end", "_sent_end")

    def __init__(self, text: str, marked: bytes, m: Mention) -> None:
        self.text = text
        self.marked = marked
        lo = max(0, m.start - _LOOK_BACK)
        newline = marked.rfind(b"\n", lo, m.start)
        # no line start in reach: leave the line empty rather than invent one
        self.line_start = newline + 1 if newline >= 0 else (0 if lo == 0 else m.start)
        self.sent_start = sent_start = _sentence_start(text, marked, lo, m.start)
        self._date_start = m.start
        self._date_end = m.end
        self._sent_end = -1
        self._before_start = -1
        found = _last_break(text, marked, sent_start, m.start, m.start)
        if found is not None and text[found[0]] == "," and (
            text[found[1] : m.start].strip().lower() in _APPOSITION_LEADS
        ):
            # a date set off by commas belongs to the words before it: "at its
            # last inspection, in 2016," / "The visit, on 4 and 5 June, ..."
            found = _last_break(text, marked, sent_start, found[0], m.start)
        self._clause_break = found
        self.clause_start = found[1] if found is not None else sent_start
        self.deadline: bool | None = None  # read when first asked

    @property
    def before_start(self) -> int:
        """Where the clause before the date's own starts (the sentence's start if none)."""
        if self._before_start < 0:
            found = self._clause_break
            before = None if found is None else _last_break(
                self.text, self.marked, self.sent_start, found[0], self._date_start
            )
            self._before_start = before[1] if before is not None else self.sent_start
        return self._before_start

    @property
    def sent_end(self) -> int:
        """Where the date's sentence ends (read only for the few dates that ask)."""
        if self._sent_end < 0:
            end = self._date_end
            hi = min(len(self.text), end + _LOOK_AHEAD)
            self._sent_end = _sentence_end(self.text, self.marked, end, hi)
        return self._sent_end

    def previous_start(self) -> int | None:
        """Where the sentence before starts, when it is in the same paragraph."""
        if self.sent_start == 0:
            return None
        back = max(0, self.sent_start - _LOOK_BACK)
        start = _sentence_start(self.text, self.marked, back, max(back, self.sent_start - 1))
        return None if _BLANK_LINE.search(self.text, start, self.sent_start) else start


#: A ``bytes.translate`` table for ``_mark``: "." for . and !, a line end for a
#: line end, "," for , ; : ( ) [ ], "-" for a hyphen, a space for anything else
#: but "?" (kept, though every non-ASCII character becomes one too).
_MARKS = bytes(
    46 if chr(i) in ".!" else 10 if i == 10 else 44 if chr(i) in ",;:()[]" else
    45 if chr(i) == "-" else 63 if chr(i) == "?" else 32
    for i in range(256)
)


def _mark(text: str) -> bytes:
    """A one-byte-per-character copy of ``text`` marking where sentences and clauses may end.

    ``str.encode`` with "replace" turns each non-ASCII character into one "?",
    so offsets stay true; a real "?" is looked for in ``text`` itself.
    """
    return text.encode("ascii", "replace").translate(_MARKS)


def _last_break(
    text: str, marked: bytes, lo: int, hi: int, limit: int
) -> tuple[int, int] | None:
    """Where the last clause break lying in ``text[lo:hi]`` starts and ends, or None.

    A break is , ; : ( ) [ ] or a dash, or a hyphen between spaces; a comma
    before a digit is a thousands separator ("a 1,250-pupil school"). What
    follows a break is read up to ``limit``, the date.
    """
    best = -1
    best_end = -1
    i = marked.rfind(b",", lo, hi)
    while i >= 0 and text[i] == "," and i + 1 < limit and text[i + 1].isdigit():
        i = marked.rfind(b",", lo, i)
    if i >= 0:
        best, best_end = i, i + 1
    dash = max(text.rfind("\u2013", lo, hi), text.rfind("\u2014", lo, hi))
    if dash > best:
        best, best_end = dash, dash + 1
    hyphen = marked.rfind(b"-", lo + 1, hi - 1) if hi - 1 > lo + 1 else -1
    while hyphen > best and not (text[hyphen - 1].isspace() and text[hyphen + 1].isspace()):
        hyphen = marked.rfind(b"-", lo + 1, hyphen)
    if hyphen > best:
        # in a run of spaced hyphens (" - - - ") a break takes its spaces with
        # it, so read from the left only every other hyphen is one
        k, run = hyphen, 0
        while k - 3 >= lo and text[k - 2] == "-" and text[k - 1].isspace() and (
            text[k - 3].isspace()
        ):
            k -= 2
            run += 1
        hyphen -= 2 * (run % 2)
    if hyphen > best:
        best, best_end = hyphen - 1, hyphen + 2
    return (best, best_end) if best >= 0 else None


#: What may close a sentence between its full stop and the white space after it.
_CLOSERS = frozenset("\"')]\u201d\u2019")


def _sentence_start(text: str, marked: bytes, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back no further than ``lo``.

    Sentences end at . ! ? (followed by white space, perhaps after a closing
    quote or bracket) and at line ends, except inside hard-wrapped prose:
    PDFs and e-mails break lines mid-sentence ("carried out between 2 and" /
    "13 June 2023"), so a line end is no sentence end when the line is
    long, has no closing punctuation, and either stops on a lower-case word or
    the next line goes on in lower case or digits.
    """
    hi = pos
    while True:
        i = max(marked.rfind(b".", lo, hi), marked.rfind(b"\n", lo, hi), text.rfind("?", lo, hi))
        if i < 0:
            return lo
        if text[i] == "\n":
            # a line end in the white space after a full stop belongs to it: the
            # sentence starts after that white space ("...said.\n\n  Next")
            k = i
            while k > lo and text[k - 1].isspace():
                k -= 1
            while k > lo and text[k - 1] in _CLOSERS:
                k -= 1
            if k > lo and text[k - 1] in ".!?":
                i = k - 1
            elif not _wrapped(text, i):
                return i + 1
            else:
                hi = i
                continue
        j = i + 1
        while j < pos and text[j] in _CLOSERS:
            j += 1
        if j < pos and text[j].isspace():
            while j < pos and text[j].isspace():
                j += 1
            return j
        hi = i


def _sentence_end(text: str, marked: bytes, pos: int, hi: int) -> int:
    lo = pos
    while True:
        found = [
            i
            for i in (
                marked.find(b".", lo, hi), marked.find(b"\n", lo, hi), text.find("?", lo, hi)
            )
            if i >= 0
        ]
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
        return True  # no line ends on "in" or "between 2 and" but a wrapped one
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
#: ... and before a comma, all capitalised ("Ashenby Express, 14 January 2010").
_COMMA_MASTHEAD_WORDS = 4
#: A column gap closing a line's words: two or more spaces or a tab, no line break.
_GAP_END = re.compile(r"\S(?:[ \u00a0]{2,}|\t)[ \t\u00a0]*$")


def _masthead(prefix: str) -> bool:
    """Whether the words before a date are a short name line closed by a separator.

    Split in Python rather than matched by one pattern: a pattern of repeated
    segments, each of which may hold a dash, backtracks exponentially on a line
    of dashes.
    """
    if prefix.rstrip().endswith(","):
        # "Ashenby Express, 14 January 2010": a paper's name in Title Case closed by a comma
        words = _WORD.findall(prefix)
        return 0 < len(words) <= _COMMA_MASTHEAD_WORDS and all(w[:1].isupper() for w in words)
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


#: Per Doc the component did not leave its dates on (it did not run, or the
#: Doc was read back from bytes): the dates weighed on demand, and the rows they
#: came from, to tell a replaced list. Keyed weakly: an entry dies with its Doc.
_WEIGHED: weakref.WeakKeyDictionary[Doc, tuple[list[Any] | None, list[Weighed]]] = (
    weakref.WeakKeyDictionary()
)


def _weighed(doc: Doc) -> list[Weighed]:
    rows = doc.user_data.get(_KEY)
    if rows is not None and (not rows or isinstance(rows[0], Weighed)):
        return cast(list[Weighed], rows)  # as the component left them
    cached = _WEIGHED.get(doc)
    if cached is not None and cached[0] is rows:
        return cached[1]
    # the component did not run on this doc: it is weighed now
    weighed = _finder().weigh(doc) if rows is None else [Weighed.from_row(row) for row in rows]
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
    dateline over "published today (9 June)" over "Last updated"); among
    equals, the first on the page.
    """
    best: Weighed | None = None
    for w in _weighed(doc):
        if w.article and (best is None or w.article > best.article):
            best = w
    if best is None:
        return _address_date(doc)
    m = best.mention
    return _partial(doc, m, Parts(m.year, m.month, m.day))


#: A page address with the date in its path, as news sites write it: /2025/04/14/.
_ADDRESS_DATE = re.compile(
    r"(?:https?://|www\.)[^\s/]+(?:/[^\s/]+)*?/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])"
    r"/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|\s|$)",
    re.I,
)


def _address_date(doc: Doc) -> PartialDate | None:
    """The date in the page's own address, when a scraped page keeps it alone on one of its
    first lines and gives no other date for itself ("https://.../news/2025/04/14/slug").
    """
    text = doc_text(doc)
    pos = seen = 0
    while seen < 3 and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if line:
            seen += 1
            # the line is the address and nothing else: "Read more at https://..." in a
            # story links to another page
            m = _ADDRESS_DATE.search(text, pos, end) if len(line.split()) == 1 else None
            if m:
                y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
                if d <= _MONTH_LENGTHS[mo - 1] + (mo == 2 and y % 4 == 0):
                    ev = evidence(text, m.start("y"), m.end("d"))
                    parts = Parts(y, mo, d)
                    return PartialDate(year=y, month=mo, day=d, text=ev.text,
                                       iso=parts.iso(), evidence=ev)
        pos = end + 1
    return None


_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _pick(
    doc: Doc, start_char: int, end_char: int, published: PartialDate | None, role: str
) -> PartialDate | None:
    ref = _ref(published)
    found: list[tuple[float, Mention, Parts]] = []
    notes: list[tuple[float, Mention, Parts]] = []  # from the notes to editors
    for w in _weighed(doc):
        m = w.mention
        if m.start < start_char or m.end > end_char or w.article:
            continue
        score = w.visit if role == "visit" else w.report
        if score is None:
            continue
        parts = resolve(m, ref, _seasons())
        if not parts.empty:
            (notes if w.furniture else found).append((score, m, parts))
    # the story's own dates first: the notes to editors may date an earlier inspection
    best = _best(found or notes)
    if best is None:
        return None
    if role == "visit" and found:
        best = _recent(found, best, published)
    if found and notes and best[2].day is None:
        # the story gives the visit only as a season, a year or a month ("an
        # inspection this summer") and the notes a day inside it ("from 19 to 23
        # July 2010"): the same visit, said more exactly. A notes date that
        # disagrees with the story's (an earlier inspection) never wins.
        inside = [f for f in notes if _refines(f[2], best[2]) and _in_season(f[2], best[1])]
        best = _best(inside) or best
    return _partial(doc, best[1], best[2])


#: A report comes out within weeks of the visit: a visit date this many months or more before
#: the article loses to a nearly as well supported one closer to it.
_STALE_MONTHS = 10
#: How much less support the closer date may have.
_RECENT_MARGIN = 1.0
#: The support a month of the article's own year needs to beat a bare earlier year (or a
#: season of one) however well placed that is: a visit word in the month's own sentence
#: (a month dated only by the sentence before, or no visit word at all, stays below it).
_OWN_YEAR_MONTH_MIN = 3.0


def _months_before(parts: Parts, published: PartialDate | None) -> int | None:
    if published is None or published.month is None or published.year is None:
        return None
    if parts.year is None or parts.month is None:
        return None
    return (published.year * 12 + published.month) - (parts.year * 12 + parts.month)


def _recent(
    found: list[tuple[float, Mention, Parts]],
    best: tuple[float, Mention, Parts],
    published: PartialDate | None,
) -> tuple[float, Mention, Parts]:
    """The visit nearer the article when the best-supported one is long before it.

    "Inspectors visited the company in late September" in a November article,
    beside "At a new provider monitoring visit in March 2022": the earlier
    visit is background; a report is published weeks after its visit. A
    bare year before the article's year is as good as long before it when a
    month after that year competes.
    """
    gap = _months_before(best[2], published)
    year_only = _earlier_year(best[2], published)
    if not year_only and (gap is None or gap < _STALE_MONTHS):
        return best
    closer = [
        f for f in found
        if (f[0] >= best[0] - _RECENT_MARGIN or (year_only and _own_year_month(f, published)))
        and (g := _months_before(f[2], published)) is not None
        and 0 <= g < _STALE_MONTHS
        # a bare year of the years before gives way only to a month after it:
        # "spent two days at the home in January" (in a March 2024 release)
        # beside "an interim inspection in 2023" is the visit reported
        and (not year_only or (f[2].year or 0) > (best[2].year or 0))
    ]
    return max(closer, key=lambda f: (f[0], -f[1].start)) if closer else best


def _own_year_month(found: tuple[float, Mention, Parts], published: PartialDate | None) -> bool:
    """Whether ``found`` is a month of the article's own year with a visit word in its
    sentence: "Inspectors made an unannounced visit to the home, in Mill Lane, in August"
    (an October 2008 article) beside "rated satisfactory after an inspection in the
    autumn of 2007". The earlier year is the last inspection's, however close its visit
    word; the article reports a visit of its own year."""
    score, _, parts = found
    return (
        score >= _OWN_YEAR_MONTH_MIN and parts.month is not None
        and published is not None and parts.year == published.year
    )


def _earlier_year(parts: Parts, published: PartialDate | None) -> bool:
    """Whether ``parts`` is a bare year before the article's year ("an inspection in 2023")."""
    return (
        parts.month is None and parts.year is not None
        and published is not None and published.year is not None
        and parts.year < published.year
    )


def _best(found: list[tuple[float, Mention, Parts]]) -> tuple[float, Mention, Parts] | None:
    """The best-supported date (ties go to the first in the text), or a finer one agreeing with it.

    A well-supported finer date that agrees with the best says more: "this
    autumn" and, elsewhere, "last month" (October) of the same visit.
    """
    if not found:
        return None
    best = max(found, key=lambda f: (f[0], -f[1].start))
    finer = [f for f in found if f[0] >= _REFINE_MIN and _refines(f[2], best[2])]
    if finer:
        best = max(finer, key=lambda f: (f[0], -f[1].start))
    return best


def _in_season(parts: Parts, m: Mention) -> bool:
    """Whether ``parts`` falls in the season ``m`` names (any time when ``m`` is no season).

    A season resolves to its year alone, so "this summer" would otherwise agree
    with a day in March of that year.
    """
    if m.kind != "season" or m.season is None:
        return True
    span = _seasons().get(m.season)
    if span is None or parts.month is None:
        return False
    first, last = span
    if first <= last:
        return first <= parts.month <= last
    return parts.month >= first or parts.month <= last


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
