"""Quotes: quoted passages, and the words around each one that say who spoke.

Finding a passage is character work: straight and curly, double and single
marks, an apostrophe ("children's", "Pupils' behaviour", "St Cyrus' church")
is never a quote mark, and a passage may run over several paragraphs (a
paragraph that does not close its quote goes on in the next one that opens
with a mark, or that closes it, across an "Advertisement" line).

Saying who spoke is sentence work. For each passage the component records a
*cue*, without deciding between people:

- ``person``: a mention in ``doc.spans["people"]`` is the subject of a speech
  verb before the quote ("Cllr Tom Reed said: ...", "Jo Lane, head of X,
  said the report was "..."") or after it ("..., said Jo Lane", "..., Cllr
  Reed told the BBC");
- ``report``: the report, its letter, the inspectors or Ofsted said it
  ("the report states", "inspectors found that "..."", "In her report, the
  inspector said:", "The letter credits the council for "...""; verbs such
  as "credits" speak only for the report), or "it"/"they" standing for them; a report noun right
  before the quote ("the inspectors' finding that "..."") wins over the
  sentence's own subject, who only relays the report's words;
- ``pronoun``: "he said" / "she added" (the attribution step picks the person);
  when the sentence before opens with its subject and no one is named since,
  the pronoun goes on with that subject: one inspector ("The lead inspector
  wrote that ... She also noted that") makes it ``report``, a one-word name
  that one person introduced before bears ("Lane is clear that ...") ``name``;
- ``role``: "The headteacher added:" (the attribution step picks the person
  last given that role, else the one person named in the sentence before,
  recorded with the cue: 'Jo Lane read it twice. "...," says the head of maths');
- ``name``: a one-word name the people component did not read as a name
  ("Rukhsana, who visited the college, said:", '"...," said Pellew'): the
  attribution step picks the one person introduced before with that first
  name or surname;
- ``previous``: no attribution of its own, but it follows a quote in the same
  paragraph, or opens the paragraph after one: the same speaker goes on;
- a quote with no tag of its own that opens a sentence takes the speaker of
  reported speech in the sentence before ('Jo Lane says the change was in the
  corridors. "Three years ago ..."'), when that sentence quotes nothing;
- ``other``: a speech verb whose subject is nobody named ("a council
  spokesperson said"), or "she said" after an unnamed speaker was just
  introduced ("One mother, who asked not to be named, said ..."): the quote
  must not inherit the previous speaker;
- ``none``: nothing tells. ``other`` and ``none`` are left out, with a warning.

Verbs, report words, role words and pronouns are token-shaped. They are read
from the words of the sentences around the quotes only, each word looked up
once in one dict of the lexicons (:class:`PhraseIndex`). spaCy's Matcher is
not used here because the tokenizer makes a non-breaking space a token of its
own, which breaks phrase patterns ("inspection report states" with no-break
spaces is common in scraped copy); the words here are read from a copy of the
text with every Unicode space made plain. Each passage is a span in
``doc.spans["quotes"]`` (label ``QUOTE``) with ``span._.ofsted_quote`` holding
its segments, its text, its cue and whether it is a quoted grade label.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .. import rules
from ..textutil import fold_quotes, trie_pattern
from .layout import furniture_pairs
from .people import NAME_WORD, mention_dicts, plain_text

#: Words for a written message a lead-in may introduce ("the letter Mrs Lane has sent").
_MESSAGE_NOUN = re.compile(r"\b(?:letter|message|statement|email|e-mail|note|blog|newsletter)\b")
#: Marks that open a list item.
_BULLETS = frozenset("•·*-–—▪●◦")
#: Unquoted items a list of quoted extracts may hold between two quoted ones.
_LIST_GAP_ITEMS = 3
_OPEN_BEFORE = set(" \t\n([{—–-/…\"'")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…\"'")
_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "st", "prof", "rev", "revd", "cllr", "no", "co", "ltd", "inc", "vs",
    "etc", "jr", "sr", "gen", "col", "capt", "sgt", "insp", "supt",
}  # fmt: skip
_NON_BLANK = re.compile(r"\S")
#: More word characters than the longest abbreviation has.
_LONG_WORD_LEN = max(map(len, _ABBREVIATIONS)) + 1
_LONG_WORD = re.compile(rf"\w{{{_LONG_WORD_LEN}}}")
_FIRST_WORD = re.compile(r"\s*(\S+)")
_MINUS_ONE = (-1).__add__
_COLON_ONLY = re.compile(r"\s*:\s*")
_SIGNED = re.compile(r"\s*(?:$|[,.(\n])")
_WORD_CHARS = re.compile(r"\w+")
_LAST_WORD = re.compile(r"(\w+)$")
_LAST_WORD_SPACE = re.compile(r"(\w+)\s*$")
_LAST_WORD_PUNCT = re.compile(r"(\w+)\W*$")
_APPOSITION = re.compile(r",[^,]*,\s*")
#: A second verb joined to the sentence's own after a quote ('They said the school had
#: "a good capacity to improve" and praised the new head'): its subject is before the
#: quote, and what follows the verb is its object, not a speaker.
_COORDINATED = re.compile(r"(?:and|but|or|then)\b", re.I)
_KEY_WORD = re.compile(r"[a-z0-9]+")
#: An apostrophe or single quote mark that is not between two letters or digits (the
#: pattern opens with the mark itself, so the regex engine skips straight to the marks).
_SINGLE_MARK = re.compile(r"'(?:(?<![^\W_].)|(?![^\W_]))")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[^\sa-z])")


def label_key(text: str) -> str:
    """A quote's words for comparing with the grade labels."""
    return " ".join(_KEY_WORD.findall(text.lower().replace("’", "'")))


@dataclass
class Passage:
    """A quoted passage: its mark, where it opens and closes, the text segments inside."""

    mark: str
    open: int
    close: int | None = None
    segments: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0] if self.segments else self.open + 1

    @property
    def end(self) -> int:
        return self.segments[-1][1] if self.segments else self.open + 1


@dataclass
class Cue:
    """Who said a passage, as far as the sentence tells: see the module docstring."""

    kind: str = "none"
    start: int = -1
    end: int = -1
    word: str = ""
    previous: int = -1  #: index of the passage whose speaker goes on ("previous")
    #: for a "role" cue: the person mentions (their starts) of the sentence just before the
    #: cue's, for the attribution step when no one named before has that role
    prior: list[int] = field(default_factory=list)
    #: for a "role" cue: where that sentence runs and where its subject starts, after any
    #: opening words ([start, end, subject], empty if none)
    prior_span: list[int] = field(default_factory=list)


class _Cand(NamedTuple):
    """A possible speaker (a tuple: made by the hundred, read often, never changed)."""

    start: int
    end: int
    kind: str  # person | report | role | pronoun | other
    word: str
    lead: int


#: Which kind of possible speaker wins a position over another.
_RANK = {"pronoun": 0, "role": 1, "report": 2, "person": 3}

#: A speech verb whose speaker is no one the document names.
_OTHER = _Cand(-1, -1, "other", "", -1)


#: The last set of interruptions seen and its first words (the component passes the same set).
_OPENERS: list[tuple[set[str], set[str]]] = []


def _openers(interruptions: set[str]) -> set[str]:
    """The first words of the interruptions (worked out once for the component's set)."""
    if not _OPENERS or _OPENERS[0][0] is not interruptions:
        _OPENERS[:] = [(interruptions, {x.split(" ")[0] for x in interruptions})]
    return _OPENERS[0][1]


class Lines:
    """The lines of a text with their offsets, and which ones a quote may run across.

    Whether a line is blank, furniture or an interruption is worked out only
    for the lines a quote comes near, once each.
    """

    def __init__(self, text: str, skip: list[tuple[int, int]], interruptions: set[str]) -> None:
        self.text = text
        # line k runs from starts[k] to its newline (or the end): str.find skips to each
        # newline in C, and the ends are the next starts less one
        starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self.starts = starts
        ends = map(_MINUS_ONE, starts[1:])
        self.spans: list[tuple[int, int]] = list(
            zip(starts, chain(ends, (len(text),)), strict=True)
        )
        self.skip = skip
        self.skip_starts = [s for s, _ in skip]
        self.interruptions = interruptions
        self.openers = _openers(interruptions)
        self._skippable: dict[int, bool] = {}
        self._previous: dict[int, int | None] = {}

    def skippable(self, i: int) -> bool:
        """Whether line ``i`` is blank, page furniture or an interruption ("Advertisement")."""
        got = self._skippable.get(i)
        if got is None:
            s, e = self.spans[i]
            first = _FIRST_WORD.match(self.text, s, e)
            if first is None:
                got = True  # blank
            else:
                k = bisect_right(self.skip_starts, s) - 1
                # only a line whose first word opens an interruption is normalised in full
                # (lower-casing neither makes nor removes white space: the first words agree)
                got = (
                    k >= 0
                    and self.skip[k][0] <= s < self.skip[k][1]
                    or first.group(1).lower() in self.openers
                    and " ".join(self.text[s:e].lower().split()) in self.interruptions
                )
            self._skippable[i] = got
        return got

    def blank(self, i: int) -> bool:
        s, e = self.spans[i]
        return _NON_BLANK.search(self.text, s, e) is None

    def first_char(self, i: int) -> int:
        """Offset of the first non-blank character of line ``i``."""
        s, e = self.spans[i]
        m = _NON_BLANK.search(self.text, s, e)
        return m.start() if m else e

    def index(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def next_content(self, i: int, limit: int = 5) -> int | None:
        """The next line after ``i`` that is not blank, furniture or an interruption."""
        j = i + 1
        skipped = 0
        while j < len(self.spans) and self.skippable(j):
            if not self.blank(j):
                skipped += 1
            if skipped > limit:
                return None
            j += 1
        return j if j < len(self.spans) else None

    def previous_content(self, i: int) -> int | None:
        """The last line before ``i`` that is not blank, furniture or an interruption."""
        if i not in self._previous:
            j = i - 1
            while j >= 0 and self.skippable(j):
                j -= 1
            self._previous[i] = j if j >= 0 else None
        return self._previous[i]


class QuoteFinder:
    """Finds quoted passages in a text (character rules only)."""

    def __init__(self, interruptions: set[str]) -> None:
        self.interruptions = interruptions

    @staticmethod
    def marks(text: str, folded: str, kind: str) -> list[tuple[int, bool, bool, bool]]:
        """(position, can open, can close, weak close) for each mark of ``kind`` in the text.

        A mark's neighbours are read in the whole text, with a newline before the
        start and after the end: a line is bounded by newlines, so a mark reads
        the same as within its line. Apostrophes inside words ("children's")
        are skipped by the regex engine (``[^\\W_]`` is exactly ``str.isalnum``).
        """
        out: list[tuple[int, bool, bool, bool]] = []
        if kind not in folded:
            return out
        if kind == "'":
            positions = [m.start() for m in _SINGLE_MARK.finditer(folded)]
        else:
            positions = []
            pos = folded.find(kind)
            while pos != -1:
                positions.append(pos)
                pos = folded.find(kind, pos + 1)
        last = len(folded) - 1
        for pos in positions:
            prev = folded[pos - 1] if pos else "\n"
            nxt = folded[pos + 1] if pos < last else "\n"
            orig = text[pos]
            if kind == "'":
                can_open = prev in _OPEN_BEFORE and (nxt.isalnum() or nxt in '"(…')
                can_close = not prev.isspace() and nxt in _CLOSE_AFTER
                can_open = (
                    can_open and orig != "’" or (orig == "’" and prev.isspace() and nxt.isalpha())
                )
                can_close = can_close and orig != "‘"
                weak = can_close and prev.lower() == "s" and nxt.isspace()
            else:
                can_open = prev in _OPEN_BEFORE and not nxt.isspace() and orig not in "”»"
                can_close = not prev.isspace() and nxt in _CLOSE_AFTER and orig not in "“„«"
                weak = False
            if can_open or can_close:
                out.append((pos, can_open, can_close, weak))
        return out

    def scan(
        self, text: str, folded: str, lines: Lines, kind: str, excluded: list[tuple[int, int]]
    ) -> list[Passage]:
        """The passages opened with ``kind`` marks, over all lines, outside ``excluded``.

        The marks are read once for the whole text; each line takes its own by
        bisection, and with no quote open the scan jumps to the next line
        holding a mark.
        """
        every = self.marks(text, folded, kind)
        if not every:
            return []
        every_pos = [m[0] for m in every]
        if excluded:
            ex_starts = [a for a, _ in excluded]

            def inside(pos: int) -> bool:
                i = bisect_right(ex_starts, pos) - 1
                return i >= 0 and excluded[i][0] <= pos < excluded[i][1]

            kept = [m for m in every if not inside(m[0])]
            kept_pos = [m[0] for m in kept]
        else:
            kept, kept_pos = every, every_pos
        if not any(m[1] for m in kept):
            return []  # no mark can open a passage ("Pupils' behaviour" has closing ones only)
        starts, spans = lines.starts, lines.spans
        out: list[Passage] = []
        cur: Passage | None = None
        seg_start = 0
        resume = -1  # on a continued line: the first position to read marks from
        i = 0
        n = len(spans)
        while i < n:
            if cur is None:
                # no quote open: go straight to the next line holding a mark of this kind
                k = bisect_left(kept_pos, starts[i])
                if k == len(kept_pos):
                    break
                i = max(i, bisect_right(starts, kept_pos[k]) - 1)
                if lines.skippable(i):
                    i += 1
                    continue
            s, e = spans[i]
            found = kept[bisect_left(kept_pos, max(s, resume)) : bisect_left(kept_pos, e)]
            resume = -1
            # whether a mark that can close comes later on the line (for "Pupils' behaviour ...'"),
            # worked out only for a line with a weak close (never one of double marks)
            later_close: list[bool] = []
            if kind == "'" and any(m[3] for m in found):
                later_close = [False] * (len(found) + 1)
                for k in range(len(found) - 1, -1, -1):
                    later_close[k] = later_close[k + 1] or found[k][2]
            for k, (pos, can_open, can_close, weak) in enumerate(found):
                if cur is not None:
                    if not can_close:
                        continue
                    if weak and later_close[k + 1]:
                        continue
                    cur.segments.append((seg_start, pos))
                    cur.close = pos
                    out.append(cur)
                    cur = None
                elif can_open:
                    cur = Passage(kind, pos)
                    seg_start = pos + 1
            if cur is None:
                i += 1
                continue
            # the quote is still open at the end of the line: does the next paragraph go on with it?
            j = lines.next_content(i)
            cont = None
            if j is not None:
                js, je = spans[j]
                first = js + len(text[js:je]) - len(text[js:je].lstrip())
                nxt = every[bisect_left(every_pos, js) : bisect_left(every_pos, je)]
                if nxt and nxt[0][0] == first and nxt[0][1]:
                    cont = (first + 1, first + 1)
                elif kind == '"' or cur.segments:
                    for pos, can_open, can_close, _weak in nxt:
                        if can_close and not (can_open and pos == first):
                            cont = (first, pos)
                            break
                        if can_open:
                            break
            cur.segments.append((seg_start, e))
            if cont is not None and j is not None:
                seg_start, resume = cont[0], cont[1]
                i = j
                continue
            if kind == '"' or len(cur.segments) > 1:
                out.append(cur)
            cur = None
            i += 1
        if cur is not None:
            out.append(cur)
        return out

    def find(self, text: str, folded: str, lines: Lines) -> list[Passage]:
        doubles = self.scan(text, folded, lines, '"', [])
        ranges = sorted((p.open, (p.close if p.close is not None else p.end) + 1) for p in doubles)
        singles = self.scan(text, folded, lines, "'", ranges)
        passages = sorted(doubles + singles, key=lambda p: p.open)
        # a single-quoted passage inside a double one (or the reverse) is part of it
        out: list[Passage] = []
        reach = -1
        for p in passages:
            if p.open < reach:
                continue
            out.append(p)
            reach = (p.close if p.close is not None else p.end) + 1
        return out


class Quotes:
    """The ``ofsted_quotes`` component."""

    def __init__(self, nlp: Language, data: dict[str, Any], people: dict[str, Any]) -> None:
        if not Span.has_extension("ofsted_quote"):
            Span.set_extension("ofsted_quote", default=None)
        self.min_words = int(data["min_words"])
        self.labels = {label_key(x) for x in data["label_phrases"]}
        self.label_firsts = {x.split(" ")[0] for x in self.labels}
        self.interruptions = {" ".join(x.lower().split()) for x in data["interruptions"]}
        self.finder = QuoteFinder(self.interruptions)
        self.according = {x.lower() for x in data["according"]}
        self.participles = {x.lower() for x in data["participles"]}
        self.aux = {x.lower() for x in data["auxiliaries"]}
        self.preps = {x.lower() for x in data["subject_prepositions"]}
        self.pronouns: dict[str, str] = dict(data["pronouns"])
        intro = "|".join(
            re.escape(x).replace(r"\ ", r"\s+")
            for x in sorted(data["intro_words"], key=len, reverse=True)
        )
        self.intro = re.compile(
            rf"(?:(?:{intro})\b,?\s*)*(?:(?:in|at|during|after|before|following|speaking|writing|responding|"
            rf"commenting|reacting|asked|on|within)\b[^.;:\"“”]{{0,120}}?,\s*)?",
            re.I,
        )
        src = data["report_sources"]
        self.dets = {_low(x) for x in src["determiners"]}
        self.mods = {_low(x) for x in src["modifiers"]}
        self.bare_nouns = {_low(x) for x in src["determined_nouns"]}
        self.lexicon = PhraseIndex()
        self.report_verbs = {_low(x) for x in data["report_verbs"]}
        self.lexicon.add("verb", [*data["speech_verbs"], *data["report_verbs"]])
        self.lexicon.add("noun", src["nouns"])
        self.lexicon.add("body", [*src["inspectors"], *src["bodies"]])
        self.lexicon.add("head", [h for h in people["role_heads"] if h.lower() != "inspector"])
        self.lexicon.add("pronoun", list(self.pronouns))
        self.lexicon.opener  # noqa: B018  (compiled here, not on the first document)
        self.lexicon.table  # noqa: B018
        self.ref_dets = {"the", "our", "its", "their", "his", "her"}
        found = data["report_findings"]
        owners = "|".join(
            re.escape(x).replace(r"\ ", r"\s+")
            for x in sorted(found["owners"], key=len, reverse=True)
        )
        nouns = "|".join(re.escape(x) for x in sorted(found["nouns"], key=len, reverse=True))
        # read on the last stretch of the sentence before a quote; it must reach the quote
        self.finding = re.compile(
            rf"(?<![\w'’&-])(?:(?:the|its|ofsted['’]s)\s+)?(?:{owners})['’]s?\s+(?:{nouns})"
            rf"(?:\s+that)?\s*[:,]?\s*$",
            re.I,
        )
        # a speaker named by one word, a first name or a surname, that the people component
        # did not take for a name ("Rukhsana, who visited the college, said:"): the
        # attribution step gives it to the one person introduced before with that name
        self.lone_name = re.compile(rf"(?P<name>{NAME_WORD})(?:,[^,.;:\"“”\n]{{1,160}}){{0,2}},?")
        self.lone_name_after = re.compile(rf"(?P<name>{NAME_WORD})(?=\s*(?:[.,;]|$))")
        unnamed = data["unnamed_speakers"]
        # "One mother", "a Year 6 parent", "another former pupil": the kind is looked for
        # first (a prefix tree the regex engine skips to), then the determiner in the few
        # words before it, with no function word between ("A letter to parents" names no one)
        kinds = {x: "" for n in unnamed["nouns"] for x in (n, n.capitalize())}
        kind_tree = trie_pattern(kinds, bounded=True, space=r"\s+")
        self.unnamed = re.compile(kind_tree + r"(?![\w'’-])")
        self.unnamed_dets = {_low(x) for x in unnamed["determiners"]}
        self.unnamed_gaps = {
            "of",
            "to",
            "from",
            "by",
            "for",
            "with",
            "the",
            "and",
            "or",
            "at",
            "in",
            "on",
        }
        self.speech_words = {_low(x) for x in data["speech_verbs"] if " " not in x}
        #: report words for one inspector, whom "she"/"he" in the next sentence goes on with
        self.pronoun_reporters = {_low(x) for x in data["pronoun_reporters"]}
        # a one-word name opening a sentence as its subject, a verb after it ("Lane is
        # clear that ...", "Lane says"): read by pronoun_subject in _cues
        self.subject_name = re.compile(rf"(?P<name>{NAME_WORD})[ \t]+(?=[a-z])")
        # "A spokesperson for Jo Lane, the minister, said:": someone who speaks for the
        # person named after them; the subject is the unnamed proxy, not the name (or the
        # role) that follows. The name or role follows "for" at once, or after one phrase
        # in apposition ("for the minister, Jo Lane,"); a clause between ("A spokesperson
        # for the trust declined to comment, but Jo Lane said") ends the proxy's subject.
        proxies = "|".join(
            re.escape(x) for x in sorted(data["proxy_speakers"], key=len, reverse=True)
        )
        self.proxy = re.compile(
            rf"(?<![\w'’-])(?:{proxies})\s+(?:for|to|of)\s+(?:[^,.;:!?\"“”\n]{{1,80}},\s*)?$",
            re.I,
        )

    # -- words -------------------------------------------------------------------

    def _sources(self, low: str, lo: int, found: Found) -> list[tuple[int, int]]:
        """Where the report is named: "Ofsted's inspection report", "the inspectors"."""
        out: list[tuple[int, int]] = [(a, b) for a, b, _ in found.get("body", [])]
        for a, b, phrase in found.get("noun", []):
            before = _words_before(low, lo, a, 5)
            k = 0
            while k < len(before) and k < 4 and before[k][2] in self.mods:
                k += 1
            if k < len(before) and before[k][2] in self.dets:
                k += 1
            if k == 0 and phrase in self.bare_nouns:
                continue  # "director of social care inspection" is a role, not the report
            out.append((before[k - 1][0] if k else a, b))
        return out

    def _role_refs(self, text: str, low: str, lo: int, found: Found) -> list[tuple[int, int, str]]:
        """ "The headteacher", "the council's chief executive": a person named by role."""
        out: list[tuple[int, int, str]] = []
        for a, b, head in found.get("head", []):
            before = _words_before(low, lo, a, 4)
            for k, (ws, _we, w) in enumerate(before):
                if w in self.ref_dets or (w.endswith("'s") and text[ws : ws + 1].isupper()):
                    out.append((ws, b, head))
                    break
                if k + 1 < len(before) and ws - before[k + 1][1] > 1:
                    break
        return out

    def _reporting(self, c: _Cand) -> bool:
        """Whether a possible speaker is the report ("the letter", or "it" for it)."""
        return c.kind == "report" or (c.kind == "pronoun" and self.pronouns.get(c.word) == "report")

    # -- indexes -----------------------------------------------------------------

    def _index(
        self, people: list[dict[str, Any]], text: str, low: str, windows: list[tuple[int, int]]
    ) -> tuple[list[tuple[int, int, str]], dict[int, _Cand], dict[int, _Cand]]:
        """Speech verbs and possible speakers, read only in the sentences around quotes."""
        verbs: list[tuple[int, int, str]] = []
        ends: dict[int, _Cand] = {}
        starts: dict[int, _Cand] = {}
        rank = _RANK

        def put(c: _Cand, keys_start: tuple[int, ...]) -> None:
            old = ends.get(c.end)
            if (
                old is None
                or rank[c.kind] > rank[old.kind]
                or (old.kind == c.kind and c.start < old.start)
            ):
                ends[c.end] = c
            for k in keys_start:
                old = starts.get(k)
                if (
                    old is None
                    or rank[c.kind] > rank[old.kind]
                    or (old.kind == c.kind and c.end > old.end)
                ):
                    starts[k] = c

        for a, b in windows:
            found = self.lexicon.find(low, a, b)
            verbs.extend(found.get("verb", []))
            for a2, b2, word in found.get("pronoun", []):
                put(_Cand(a2, b2, "pronoun", word, a2), (a2,))
            for a2, b2, head in self._role_refs(text, low, a, found):
                put(_Cand(a2, b2, "role", head, a2), (a2,))
            for a2, b2 in self._sources(low, a, found):
                put(_Cand(a2, b2, "report", text[a2:b2], a2), (a2,))
        for d in people:
            lead = d["lead"] if d["lead"] >= 0 else d["start"]
            put(
                _Cand(d["start"], d["end"], "person", d["name"], lead),
                (d["start"], lead, d["name_start"]),
            )
        return verbs, ends, starts

    # -- sentences ---------------------------------------------------------------

    @staticmethod
    def _masked(text: str, masks: list[tuple[int, int]]) -> str:
        """``text`` with each quoted passage read as one capitalised word, line by line.

        Each part of a passage within one line becomes "Qxx...x" (same length),
        newlines stay: a sentence may end before a quote, never inside one.
        """
        pieces: list[str] = []
        pos = 0
        for a, b in masks:  # in order, apart
            x = a
            while x < b:  # each line's part of the passage: up to the next newline
                newline = text.find("\n", x, b)
                y = b if newline < 0 else newline
                if y > x:
                    pieces.append(text[pos:x])
                    stop = y == b and y - x >= 4 and text[y - 2] in ".!?"
                    if stop and _CAPITAL_NEXT.match(text, b):
                        # 'Jo Lane said: "We are proud." A spokesperson said: ...': a stop
                        # closing the passage ends the sentence around it as well when a
                        # capitalised word follows (not a signature: '"..." – Jo Lane')
                        pieces.append("Q" + "x" * (y - x - 3) + text[y - 2 : y])
                    else:
                        pieces.append("Q" + "x" * (y - x - 1))
                    pos = y
                if newline < 0:
                    break
                x = newline + 1
        pieces.append(text[pos:])
        return "".join(pieces)

    @staticmethod
    def _boundaries(masked: str, s: int, e: int) -> list[int]:
        """Sentence starts within the line ``masked[s:e]`` (see :meth:`_masked`)."""
        out = [s]
        for m in _SENTENCE_END.finditer(masked, s, e):
            dot = m.start()
            # a word of more letters than any abbreviation right before the stop: a sentence end
            long_word = dot - _LONG_WORD_LEN >= s and _LONG_WORD.match(
                masked, dot - _LONG_WORD_LEN, dot
            )
            word = None if long_word else _LAST_WORD_PUNCT.search(masked, max(s, dot - 40), dot + 1)
            if word and (
                word.group(1).lower() in _ABBREVIATIONS
                or len(word.group(1)) == 1
                and word.group(1).isupper()
            ):
                continue
            out.append(_NON_BLANK.search(masked, m.end(), e).start())  # type: ignore[union-attr]
        return out

    # -- cues --------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        text = plain_text(doc)
        folded = fold_quotes(text)
        skip = furniture_pairs(doc)
        lines = Lines(text, skip, self.interruptions)
        passages = self.finder.find(text, folded, lines)
        spans: list[Span] = []
        if passages:
            cues = self._cues(doc, text, lines, passages)
            seen: set[tuple[int, int]] = set()
            direct = _plain_extension("ofsted_quote")
            user_data: dict[Any, Any] = doc.user_data
            for p, cue in zip(passages, cues, strict=True):
                # the words of all segments, each run of white space made one space
                if len(p.segments) == 1:
                    words = text[p.segments[0][0] : p.segments[0][1]].split()
                else:
                    words = [w for a, b in p.segments for w in text[a:b].split()]
                body = " ".join(words)
                span = doc.char_span(
                    p.open,
                    (p.close if p.close is not None else p.end - 1) + 1,
                    label="QUOTE",
                    alignment_mode="expand",
                )
                if span is None or (span.start, span.end) in seen:
                    continue
                seen.add((span.start, span.end))
                payload = {
                    "mark": p.mark,
                    "open": p.open,
                    "close": p.close,
                    "segments": list(map(list, p.segments)),
                    "text": body,
                    "words": len(words),
                    "label": self._is_label(body),
                    "cue": dict(cue.__dict__),
                }
                if direct:
                    user_data[("._.", "ofsted_quote", span.start_char, span.end_char)] = payload
                else:
                    span._.ofsted_quote = payload
                spans.append(span)
        doc.spans["quotes"] = spans
        return doc

    def _is_label(self, body: str) -> bool:
        """Whether ``label_key(body)`` is a grade label; most bodies fail on their first word."""
        low = body.lower()
        first = _KEY_WORD.search(low)
        if first is None:
            return "" in self.labels
        if first.group() not in self.label_firsts:
            return False
        return " ".join(_KEY_WORD.findall(low)) in self.labels

    def _cues(self, doc: Doc, text: str, lines: Lines, passages: list[Passage]) -> list[Cue]:
        masks = [(p.open, (p.close if p.close is not None else p.end) + 1) for p in passages]
        bounds_cache: dict[int, list[int]] = {}
        masked_text = self._masked(text, masks)

        def bounds(line_i: int) -> list[int]:
            got = bounds_cache.get(line_i)
            if got is None:
                s, e = lines.spans[line_i]
                got = bounds_cache[line_i] = self._boundaries(masked_text, s, e)
            return got

        line_starts = lines.starts

        def sentence_of(pos: int) -> tuple[int, int]:
            li = bisect_right(line_starts, pos) - 1
            b = bounds_cache.get(li) or bounds(li)
            k = bisect_right(b, pos) - 1
            start = b[max(k, 0)]
            end = b[k + 1] if k + 1 < len(b) else lines.spans[li][1]
            return start, end

        extents: list[tuple[int, int]] = []
        windows: list[tuple[int, int]] = []
        open_lines: list[int] = []
        line_starting: list[bool] = []  # whether the passage opens its line
        n_lines = len(line_starts)
        for p in passages:
            open_line = bisect_right(line_starts, p.open) - 1
            close_pos = p.close if p.close is not None else p.end
            b = bounds_cache.get(open_line) or bounds(open_line)
            k = bisect_right(b, p.open) - 1
            lo = b[max(k, 0)]
            if k > 0 and lo == p.open:
                # a quote opening a sentence mid-paragraph may take its speaker from the
                # reported speech just before ("Jo Lane says it changed. "...")
                windows.append((b[k - 1], lo))
            if open_line + 1 == n_lines or close_pos < line_starts[open_line + 1]:
                # closed on its opening line: the same sentence starts serve (sentence_of)
                k = bisect_right(b, close_pos) - 1
                hi = b[k + 1] if k + 1 < len(b) else lines.spans[open_line][1]
            else:
                _, hi = sentence_of(close_pos)
            extents.append((lo, hi))
            windows.append((lo, hi))
            open_lines.append(open_line)
            first = lines.first_char(open_line)
            # a list item's mark before the quote ("• "Pupils are kind ..."") still leaves
            # the quote opening its line: a lead-in above ("what the inspectors wrote
            # about us:") speaks for every item of the list
            at_start = first == p.open or (
                first < p.open
                and text[first] in _BULLETS
                and not text[first + 1 : p.open].strip()
            )
            line_starting.append(at_start)
            prev = lines.previous_content(open_line) if at_start else None
            if prev is not None:
                # a quote opening a paragraph may take its speaker from the last sentence
                # of the paragraph before ("Jo Lane said:", "..., the head said.")
                ps, pe = lines.spans[prev]
                windows.append((sentence_of(max(pe - 1, ps))[0], pe))
        people = _people(doc)
        low = lower_text(text)
        verbs, ends, starts = self._index(people, text, low, _merge(windows))
        verbs.sort()
        end_keys = sorted(ends)
        verb_starts = [v[0] for v in verbs]
        person_starts = sorted(d["start"] for d in people)

        mask_starts = [a for a, _ in masks]
        mask_ends = [b for _, b in masks]

        def masked(pos: int) -> bool:
            k = bisect_right(mask_starts, pos) - 1
            return k >= 0 and pos < mask_ends[k]

        def back(p: int, lo: int) -> int:
            while True:
                while p > lo and text[p - 1].isspace():
                    p -= 1
                m = _LAST_WORD.search(text, max(lo, p - 20), p)
                if m and m.group(1).lower() in self.aux and p - len(m.group(1)) > lo:
                    p -= len(m.group(1))
                    continue
                return p

        def preceded_by_prep(c: _Cand, lo: int) -> bool:
            m = _LAST_WORD_SPACE.search(text, max(lo, c.lead - 20), c.lead)
            return m is not None and m.group(1).lower() in self.preps

        def ok(c: _Cand | None, lo: int) -> bool:
            return (
                c is not None
                and c.lead >= lo
                and not masked(c.start)
                and not preceded_by_prep(c, lo)
            )

        def initial(lo: int, hi: int) -> _Cand | None:
            m = self.intro.match(text, lo, hi)
            at = m.end() if m else lo
            for pos in (at, lo):
                c = starts.get(pos)
                if c is not None and c.end <= hi:
                    return c
            return None

        def subject_before(verb_start: int, lo: int, participle: bool) -> _Cand | None:
            if participle:
                # "..., with inspectors noting that "..."": an absolute clause gives the
                # participle its own subject, right before it and right after "with"
                c = ends.get(back(verb_start, lo))
                if c is not None and c.lead >= lo and not masked(c.start):
                    m = _LAST_WORD_SPACE.search(text, max(lo, c.lead - 20), c.lead)
                    if m is not None and m.group(1).lower() == "with":
                        return c
                # '"...," the report says, adding that "..."': a participle shares the
                # subject of the finite speech verb before it in the same sentence
                v = last_verb(lo, verb_start)
                if v is not None and v[2] not in self.participles:
                    c = subject_before(v[0], lo, False)
                    if c is None or c.kind == "other":
                        c = after_verb(v[1], lo)
                    if c is not None and c.kind != "other":
                        return c
            else:
                p = back(verb_start, lo)
                c = ends.get(p)
                if ok(c, lo):
                    return c
                if p > lo and text[p - 1] == ",":
                    q = p - 1
                    for _ in range(8):
                        # back() stays within [lo, q]: with no speaker ending there, none
                        # is found at this comma or at any before it
                        k = bisect_right(end_keys, q) - 1
                        if k < 0 or end_keys[k] < lo:
                            break
                        c = ends.get(back(q, lo))
                        if ok(c, lo):
                            return c
                        if (
                            c is not None
                            and c.lead >= lo
                            and not masked(c.start)
                            and _WHO_AFTER.match(text, c.end, verb_start)
                        ):
                            # "grateful to Cllr Jo Reed, who has assured me that": the
                            # relative clause makes the object the speaker
                            return c
                        q = text.rfind(",", lo, q)
                        if q < 0:
                            break
            return initial(lo, verb_start)

        def after_verb(pos: int, lo: int) -> _Cand | None:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            c = starts.get(pos)
            return c if c is not None and not masked(c.start) else None

        def last_verb(lo: int, hi: int) -> tuple[int, int, str] | None:
            k = bisect_left(verb_starts, hi) - 1
            while k >= 0 and verbs[k][0] >= lo:
                if not masked(verbs[k][0]) and verbs[k][1] <= hi:
                    return verbs[k]
                k -= 1
            return None

        def before_cue(lo: int, hi: int) -> _Cand | None:
            """The speaker of a quote opening at ``hi`` in a sentence starting at ``lo``.

            ``_OTHER`` when a speech verb is there but its subject is no one we
            know ("A council spokesperson said: ..."): that quote has a speaker,
            just not one to name, so it must not inherit the previous one.
            """
            p = hi
            while p > lo and text[p - 1].isspace():
                p -= 1
            colon = p > lo and text[p - 1] == ":"
            v = last_verb(lo, hi)
            if v is None:
                # "Jo Lane: ...", "A message from our head, Mrs Jo Lane: ..."
                if colon:
                    c = ends.get(back(p - 1, lo))
                    if c is not None and c.kind == "person" and ok(c, lo):
                        return c
                    return (
                        quoted_from_report(lo, p - 1)
                        or message_writer(lo, p - 1)
                        or colon_subject(lo, p - 1)
                    )
                return None
            if v[2] in self.according:
                return after_verb(v[1], lo) or _OTHER
            if v[2] in self.report_verbs:
                # "The letter credits the council for "..."": the report's words; with any
                # other subject the verb says nothing of a speaker, and a speech verb before
                # it may ("Jo Lane said she was pleased and cited "...")
                c = subject_before(v[0], lo, False)
                if c is not None and self._reporting(c):
                    return c
                v = last_verb(lo, v[0])
                if v is None or v[2] in self.report_verbs or v[2] in self.according:
                    return None
            found = subject_before(v[0], lo, v[2] in self.participles)
            if colon and (found is None or found.kind == "other"):
                found = quoted_from_report(lo, p - 1) or found
            is_passive = passive(v, lo, hi)
            if (
                (found is None or found.kind == "other")
                and v[2] not in self.participles
                and not is_passive  # the subject of a passive is no speaker
            ):
                found = lone_before(lo, v[0]) or found
            if found is not None and proxied(found, lo):
                return _OTHER
            if (found is None or found.kind == "other") and is_passive:
                # "..., inspectors said, and behaviour was described as "...": a passive
                # speech verb with no agent takes the report when an earlier speech
                # verb of the sentence has the report or its inspectors for subject
                w = last_verb(lo, v[0])
                if w is not None and w[2] not in self.report_verbs:
                    c = subject_before(w[0], lo, w[2] in self.participles)
                    if c is None or c.kind == "other":
                        c = after_verb(w[1], lo)
                    if c is not None and self._reporting(c):
                        return c
                # "Pupils are described as "...".": with no speech verb before it in the
                # sentence, the passive goes on with the source of the passage, when
                # the report was mentioned since the last person named, and near
                src = passive_source(v[0])
                if src is not None:
                    return src
            return found or _OTHER

        def passive_source(pos: int) -> _Cand | None:
            """The report as the source of an agentless passive at ``pos``: its latest
            mention within ``_PASSIVE_REACH`` characters, no person named after it."""
            a = latest_source(max(0, pos - _PASSIVE_REACH), pos)
            if a < 0:
                return None
            k = bisect_left(person_starts, pos) - 1
            while k >= 0 and masked(person_starts[k]):
                k -= 1
            if k >= 0 and person_starts[k] > a:
                return None
            m = _WORD_CHARS.match(text, a)
            b = m.end() if m else a + 1
            return _Cand(a, b, "report", text[a:b], a)

        def passive(v: tuple[int, int, str], lo: int, hi: int) -> bool:
            """Whether speech verb ``v`` is a passive with no agent before the quote at
            ``hi`` ("behaviour was described as", not "... was described by parents as")."""
            return (
                v[2].endswith("ed")
                and _PASSIVE_BE.search(text, max(lo, v[0] - 30), v[0]) is not None
                and _AGENT.search(text, v[1], hi) is None
            )

        def proxied(c: _Cand, lo: int) -> bool:
            """Whether ``c`` is only named as the one a spokesperson speaks for ("A
            spokesperson for Jo Lane, the minister, said"), no speech verb between."""
            if c.kind not in ("person", "role", "name") or c.lead <= lo:
                return False
            m = self.proxy.search(text, max(lo, c.lead - 160), c.lead)
            return m is not None and last_verb(m.end(), c.lead) is None

        def lone_before(lo: int, verb_start: int) -> _Cand | None:
            """A one-word name opening the sentence as the verb's subject ("Jo, who ..., said")."""
            p = back(verb_start, lo)
            m = self.intro.match(text, lo, p)
            for pos in (m.end() if m else lo, lo):
                c = lone(self.lone_name.fullmatch(text, pos, p))
                if c is not None:
                    return c
            return None

        def lone(m: re.Match[str] | None) -> _Cand | None:
            if m is None or masked(m.start()):
                return None
            a, b = m.span("name")
            return _Cand(a, b, "name", m.group("name"), a)

        def finding_cue(lo: int, hi: int) -> _Cand | None:
            """The report named by a noun right before a quote ("the inspectors' finding that")."""
            a = max(lo, hi - 120)
            if text.find("'", a, hi) < 0 and text.find("’", a, hi) < 0:
                return None  # every form has a possessive mark
            m = self.finding.search(text, a, hi)
            if m is None or masked(m.start()):
                return None
            return _Cand(m.start(), m.end(), "report", text[m.start() : m.end()].strip(), m.start())

        def message_writer(lo: int, hi: int) -> _Cand | None:
            """The one person named in a lead-in that introduces their letter or message
            with no speech verb: "Below is an excerpt from the letter Mrs Jo Lane, our
            headteacher, has sent home to families:". Two people, or one after a
            preposition ("the letter Ofsted sent to Mrs Lane:"), say nothing."""
            if _MESSAGE_NOUN.search(low, lo, hi) is None:
                return None
            k = bisect_left(person_starts, lo)
            if k + 1 < len(person_starts) and person_starts[k + 1] < hi:
                return None
            if k >= len(person_starts) or person_starts[k] >= hi:
                return None
            c = starts.get(person_starts[k])
            return c if c is not None and c.kind == "person" and ok(c, lo) else None

        def colon_subject(lo: int, hi: int) -> _Cand | None:
            """The person opening a lead-in with no speech verb that a colon closes:
            "Jo Lane, chair of the parents' forum, welcomed the report's honesty:".
            The sentence's subject gives the words that follow. Not when a second person
            is named there, nor when the lead-in says the words come from the report
            ("Jo Lane shared comments from the report:").
            """
            c = initial(lo, hi)
            if c is not None and c.kind == "report" and hi - c.end <= _REPORT_LEAD_IN:
                # "The letter goes further, though:": the report opening a short lead-in
                # gives the words after it, unless a person is named in the lead-in
                k = bisect_left(person_starts, lo)
                if k < len(person_starts) and person_starts[k] < hi:
                    return None
                return c if self._reporting(c) and not masked(c.start) else None
            if c is None or c.kind != "person" or not ok(c, lo) or hi - c.end > 160:
                return None
            k = bisect_left(person_starts, lo)
            if k + 1 < len(person_starts) and person_starts[k + 1] < hi:
                return None
            for a2, _b2 in self._sources(low, c.end, self.lexicon.find(low, c.end, hi)):
                before = _words_before(low, c.end, a2, 1)
                if before and before[0][2] in ("from", "in", "of"):
                    return None
            return c

        def quoted_from_report(lo: int, hi: int) -> _Cand | None:
            """A lead-in that lists the report's words: "Comments from the report:".

            The report stands after "from" or "in" as where the words come from;
            a person or role named in the lead-in may be the one choosing them
            ("comments from parents"), so then nothing is said.
            """
            found = self.lexicon.find(low, lo, hi)
            if found.get("head") or found.get("pronoun"):
                return None
            k = bisect_left(person_starts, lo)
            if k < len(person_starts) and person_starts[k] < hi:
                return None
            for a2, b2 in self._sources(low, lo, found):
                before = _words_before(low, lo, a2, 1)
                if before and before[0][2] in ("from", "in") and not masked(a2):
                    return _Cand(a2, b2, "report", text[a2:b2], a2)
            return None

        def after_cue(p: Passage, lo: int, hi: int) -> _Cand | None:
            """The speaker named after a quote: ', said Jo Lane', ', the report states'."""
            a = (p.close if p.close is not None else p.end) + 1
            dash = False
            mark = False
            while a < hi and text[a] in " \t,;–—-":
                dash = dash or text[a] in "–—-"
                mark = mark or not text[a].isspace()
                a += 1
            if a >= hi:
                return None
            if not mark:
                # '"keep a close eye" on the areas inspectors had highlighted': a
                # preposition glued to the quote goes on with the sentence, and a speech
                # verb in it belongs to a clause of its own, no tag of the quote
                w = _WORD_CHARS.match(text, a, hi)
                if w is not None and w.group() in self.preps:
                    return None
            c = starts.get(a)
            if dash and c is not None and c.kind == "person" and _SIGNED.match(text, c.end, hi + 1):
                return c  # a signed quote: "..." – Cllr Jo Lee, leader of the council
            if text[a].isupper() and _ends_with_dot(text, p.start, p.end):
                return None  # a new sentence, not an attribution
            k = bisect_left(verb_starts, a)
            if k >= len(verbs) or verbs[k][0] >= hi or masked(verbs[k][0]):
                return None
            v = verbs[k]
            if v[2] in self.report_verbs:
                return None  # "..." cited by ...: not a speech tag
            if v[0] - a > 200 or len(text[a : v[0]].split()) > 10 or v[2] in self.participles:
                return None
            if _COORDINATED.match(text, a, v[0]):
                return None
            if v[0] > a:
                c = ends.get(back(v[0], a))
                if c is not None and c.start >= a and not masked(c.start):
                    return _OTHER if proxied(c, a) else c
                c = starts.get(a)
                if c is not None and _APPOSITION.fullmatch(text, back_forward(c.end, hi), v[0]):
                    return c  # "..., Cllr Reed, the leader, said"
                c = lone(self.lone_name.fullmatch(text, a, back(v[0], a)))
                if c is not None:
                    return c  # "...," Jo said.
            return after_verb(v[1], lo) or lone_after(v[1], hi) or _OTHER

        def lone_after(pos: int, hi: int) -> _Cand | None:
            """A one-word name right after the verb, ending the clause: "...," said Jo."""
            while pos < hi and text[pos].isspace():
                pos += 1
            return lone(self.lone_name_after.match(text, pos, hi))

        def back_forward(p: int, hi: int) -> int:
            while True:
                while p < hi and text[p].isspace():
                    p += 1
                m = _WORD_CHARS.match(text, p, hi)
                if m and m.group().lower() in self.aux:
                    p += m.end()
                    continue
                return p

        def report_context(pos: int) -> bool:
            """Whether the latest speaker before ``pos`` was the report or its inspectors."""
            report = latest_source(max(0, pos - 1500), pos)
            k = bisect_left(person_starts, pos) - 1
            while k >= 0 and masked(person_starts[k]):
                k -= 1
            person = person_starts[k] if k >= 0 else -1
            return report > person

        def latest_source(lo: int, pos: int) -> int:
            """Where the latest unmasked mention of the report in [lo, pos) starts, or -1.

            The last 300 characters are read first. A mention there starting 120
            characters (the reach of :func:`_words_before`) or more after the
            start of that stretch reads as it would from ``lo``, and any mention
            before starts earlier: only when there is none is all of it read.
            """
            near = pos - 300
            if near > lo:
                best = -1
                for a, _ in self._sources(low, near, self.lexicon.find(low, near, pos)):
                    if a > best and not masked(a):
                        best = a
                if best >= near + 120:
                    return best
            best = -1
            for a, _ in self._sources(low, lo, self.lexicon.find(low, lo, pos)):
                if a > best and not masked(a):
                    best = a
            return best

        def to_cue(c: _Cand | None) -> Cue | None:
            if c is None:
                return None
            if c.kind == "other":
                return Cue("other")
            if c.kind == "pronoun":
                kind = self.pronouns.get(c.word, "")
                if kind == "report":
                    return (
                        Cue("report", c.start, c.end, c.word)
                        if report_context(c.start)
                        else Cue("none", c.start, c.end, c.word)
                    )
                return Cue("pronoun", c.start, c.end, c.word)
            return Cue(c.kind, c.start, c.end, c.word)

        def sentence_before(start: int) -> tuple[int, int] | None:
            """The sentence before the one starting at ``start``: in its line, else the
            last one of the paragraph before."""
            li = bisect_right(line_starts, start) - 1
            b = bounds_cache.get(li) or bounds(li)
            k = bisect_right(b, start) - 1
            if k > 0:
                return b[k - 1], b[k]
            prev = lines.previous_content(li)
            if prev is None:
                return None
            ps, pe = lines.spans[prev]
            return sentence_of(max(pe - 1, ps))[0], pe

        def quoted_in(a: int, b: int) -> bool:
            k = bisect_left(mask_starts, a)
            return k < len(mask_starts) and mask_starts[k] < b

        def reported_speech(lo: int) -> Cue | None:
            """The speaker of reported speech in the sentence before a quote opening at ``lo``.

            'Jo Lane, a teacher, says the change was in the corridors. "Three years
            ago ..."': a quote with no tag of its own goes on from the sentence
            before, when that sentence quotes nothing itself.
            """
            prev = sentence_before(lo)
            if prev is None or quoted_in(*prev):
                return None
            found = before_cue(prev[0], prev[1])
            if found is None or found.kind == "other":
                return None
            return to_cue(found)

        def unnamed_det(lo: int, kind: int) -> int:
            """Where "one"/"a" opens the phrase ending at ``kind`` ("One Year 6 mother"), or -1."""
            words = _words_before(low, lo, kind, 3)  # nearest first
            end = kind
            for ws, we, w in words:
                if text[we:end].strip():
                    return -1  # punctuation between: not one phrase
                if w in self.unnamed_dets:
                    return ws
                if w in self.unnamed_gaps:
                    return -1
                end = ws
            return -1

        def unnamed_before(pos: int) -> bool:
            """Whether an unnamed speaker ("One mother", "said a parent") was introduced in
            the sentence of ``pos`` or the one before, with no one named since."""
            start = sentence_of(pos)[0]
            prev = sentence_before(start)
            a = prev[0] if prev is not None else start
            for kind in self.unnamed.finditer(text, a, pos):
                m = unnamed_det(a, kind.start())
                if m < 0 or masked(m):
                    continue
                k = bisect_left(person_starts, kind.end())
                if k < len(person_starts) and person_starts[k] < pos:
                    continue  # "A parent, Jo Lane, said ...": named after all
                s0 = sentence_of(m)[0]
                intro = self.intro.match(text, s0, m)
                if s0 == m or (intro is not None and intro.end() == m):
                    return True
                # '"...," said one mother.': the speaker after the verb ends the clause ("said
                # a parent had written to her" reports what someone else did)
                w = _LAST_WORD_SPACE.search(text, max(s0, m - 20), m)
                if (
                    w is not None
                    and w.end() == m
                    and _low(w.group(1)) in self.speech_words
                    and _CLAUSE_END.match(text, kind.end())
                ):
                    return True
            return False

        def prior_people(cue: Cue) -> None:
            """Note the sentence before the one holding a role cue, and the people named there."""
            prev = sentence_before(sentence_of(cue.start)[0])
            if prev is None or quoted_in(*prev):
                return  # a sentence quoting someone: the role may be another speaker's
            first = _NON_BLANK.search(text, prev[0], prev[1])
            at = first.start() if first else prev[0]
            intro = self.intro.match(text, at, prev[1])
            cue.prior_span = [prev[0], prev[1], intro.end() if intro else at]
            k = bisect_left(person_starts, prev[0])
            while k < len(person_starts) and person_starts[k] < prev[1]:
                if not masked(person_starts[k]):
                    cue.prior.append(person_starts[k])
                k += 1

        def pronoun_subject(cue: Cue) -> Cue | None:
            """What "she"/"he" stands for when the sentence before names its subject so.

            The attribution step takes the latest person named for a pronoun, but
            a pronoun goes on with the subject of the sentence before: "The lead
            inspector wrote that "...". She also noted that "..."" is the report's
            (an inspector, who is no person the article names), and 'Lane is clear
            the job is not done. "...," she says' is the one person introduced
            with the name "Lane", when no one else is named after that subject
            (a person named between is the pronoun's likely referent).
            """
            s0 = sentence_of(cue.start)[0]
            prev = sentence_before(s0)
            if prev is None:
                return None
            k = bisect_left(person_starts, prev[0])
            if k < len(person_starts) and person_starts[k] < cue.start:
                return None
            first = _NON_BLANK.search(text, prev[0], prev[1])
            at = first.start() if first else prev[0]
            intro = self.intro.match(text, at, prev[1])
            subj = intro.end() if intro else at
            if masked(subj):
                return None
            c = starts.get(subj)
            if c is not None:
                words = _low(c.word).split()
                if c.kind == "report" and words and words[-1] in self.pronoun_reporters:
                    return Cue("report", c.start, c.end, c.word)
                return None
            m = self.subject_name.match(text, subj, prev[1])
            if m is None:
                return None
            word = m.group("name")
            # the one person named before with that surname or first name: two people
            # sharing it (or none) leave the pronoun to the attribution step
            names = {
                n
                for d in people
                if d["start"] < prev[0]
                for n in [tuple(d["name"].split())]
                if n and word in (n[0], n[-1])
            }
            surnames = {n[-1] for n in names}
            if len(surnames) != 1 or len({n for n in names if len(n) > 1}) > 1:
                return None
            return Cue("name", m.start("name"), m.end("name"), word)

        def bullet(line_i: int) -> str | None:
            """The mark opening line ``line_i`` as a list item ("- ", "• "), or None."""
            first = lines.first_char(line_i)
            end = lines.spans[line_i][1]
            if first + 1 < end and text[first] in _BULLETS and text[first + 1] in " \t":
                return text[first]
            return None

        def list_item_before(line_i: int, prev: int | None) -> int | None:
            """The line whose quote a list item's quote goes on from.

            In a list of report extracts under one lead-in, an item with no quote
            ("- Children get off to a flying start.") does not end the list: the
            quoted item after it goes on from the last quoted item above, when
            every line between is an unquoted item with the same mark.
            """
            mark = bullet(line_i) if prev is not None and prev not in last_line_of else None
            if mark is None:
                return prev
            j = prev
            for _ in range(_LIST_GAP_ITEMS):
                if j is None or bullet(j) != mark or j in quoted_lines:
                    return prev
                j = lines.previous_content(j)
                if j is not None and j in last_line_of:
                    # the quoted item above must itself open its line as an item of the list
                    return j if bullet(j) == mark else prev
            return prev

        cues: list[Cue] = []
        last_line_of: dict[int, int] = {}
        quoted_lines = set(open_lines)
        for idx, p in enumerate(passages):
            open_line = open_lines[idx]
            close_pos = p.close if p.close is not None else p.end
            close_line = bisect_right(line_starts, close_pos) - 1
            lo, hi = extents[idx]
            after = after_cue(p, lo, hi)
            found = finding_cue(lo, p.open) or (
                after if after is not None and after.kind != "other" else before_cue(lo, p.open)
            )
            if found is None or found.kind == "other":
                found = found or after
            cue = to_cue(found)
            at_line_start = line_starting[idx]
            if cue is None and at_line_start:
                prev = lines.previous_content(open_line)
                if prev is not None:
                    ps, pe = lines.spans[prev]
                    body = text[ps:pe].rstrip()
                    if body.endswith(":"):
                        colon = ps + len(body) - 1
                        plo, _ = sentence_of(colon)
                        cue = to_cue(before_cue(plo, colon + 1))
            if cue is None and not at_line_start and lo == p.open:
                cue = reported_speech(lo)
            if cue is None:
                prev_idx = idx - 1
                if prev_idx >= 0 and open_lines[prev_idx] == open_line:
                    cue = Cue("previous", previous=prev_idx)
                elif at_line_start:
                    prev = lines.previous_content(open_line)
                    prev = list_item_before(open_line, prev)
                    if prev is not None and prev in last_line_of:
                        cue = Cue("previous", previous=last_line_of[prev])
                    elif prev is not None and prev not in quoted_lines:
                        # "Jo Lane, the head, said the result was deserved." then a quote
                        # paragraph: the speaker of the reported speech goes on
                        pe = lines.spans[prev][1]
                        plo, _ = sentence_of(max(pe - 1, lines.spans[prev][0]))
                        found = before_cue(plo, pe)
                        if found is not None and found.kind != "other":
                            cue = to_cue(found)
            if cue is not None and cue.kind == "pronoun" and unnamed_before(cue.start):
                # "One mother ... said she had chosen the school. "...," she said.": not
                # the woman named before
                cue = Cue("other")
            elif cue is not None and cue.kind == "pronoun":
                cue = pronoun_subject(cue) or cue
            elif cue is not None and cue.kind == "role":
                prior_people(cue)
            cues.append(cue or Cue())
            last_line_of[close_line] = idx
        return cues


def _ends_with_dot(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end].rstrip()`` ends with a full stop (read without a copy)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == "."


_WORD = re.compile(r"[^\W_][\w'’&-]*")
_WORD_CHAR = re.compile(r"[\w'’&-]")


#: The end of a clause after a speaker named after the verb ('said one mother.', ', who').
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\n]|$)")

#: A relative clause between a name and its speech verb (", who has assured").
_WHO_AFTER = re.compile(r"\s*,\s*who\b")
#: Blanks on the line, then a capital letter: a new sentence after a closed quote.
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
#: A form of "be" (and an adverb at most) right before a past participle: a passive.
#: The longest lead-in (characters after the report's mention) that a colon closes
#: for the report to give the quote: "The report goes further, though:".
_REPORT_LEAD_IN = 40
#: How far back (characters) a mention of the report gives an agentless passive
#: speech verb ("Pupils are described as") the report for its source.
_PASSIVE_REACH = 800
_PASSIVE_BE = re.compile(r"(?<![\w'’-])(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$", re.I)
#: The agent of a passive ("described by parents as"): someone other than the sentence's source.
_AGENT = re.compile(r"\bby\b", re.I)


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def lower_text(text: str) -> str:
    """``text`` in lower case with ’ as ', the same length (offsets hold).

    A few characters lower-case to two ("İ"); they are kept as written.
    """
    low = text.lower().replace("’", "'")
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")
    return low


def _words_before(low: str, lo: int, pos: int, n: int) -> list[tuple[int, int, str]]:
    """Up to ``n`` words of ``low`` ending before ``pos`` (not before ``lo``), nearest first."""
    out: list[tuple[int, int, str]] = []
    start = max(lo, pos - 24 * n)
    # Words never span a space, so reading on from a space after ``start`` gives the same
    # words as reading from ``start``: the nearest ``n`` are most often found in a short stretch.
    cut = pos - 8 * n
    space = low.rfind(" ", start, cut) if cut > start else -1
    if space >= 0:
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low, space + 1, pos)]
        if len(words) >= n:
            words.reverse()
            return words[:n]
        # too few: the words before the space, which no word runs across, come first
        words[:0] = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low, start, space)]
    else:
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low, start, pos)]
    if words and words[0][0] == start > lo and _WORD_CHAR.match(low, start - 1):
        words = words[1:]  # cut in the middle of a word
    for w in reversed(words):
        out.append(w)
        if len(out) == n:
            break
    return out


#: Tagged phrases found in a stretch of text: tag -> [(start, end, phrase)].
Found = dict[str, list[tuple[int, int, str]]]
#: A phrase of a lexicon: (tag, its words).
Option = tuple[str, tuple[str, ...]]


class PhraseIndex:
    """Tagged phrases of one or more words, found in a stretch of lower-cased text.

    One compiled pattern finds the words that can open a phrase (the rest of
    the text is skipped by the regex engine, not by a Python loop over
    words). The phrases opening with a word sit in one dict, those of two
    words and more under their second word too, so a hit costs a look-up or
    two however long the lexicons are.
    """

    def __init__(self) -> None:
        #: first word -> (one-word phrases, second word -> longer phrases), each [(tag, words)]
        self.first: dict[str, tuple[list[Option], dict[str, list[Option]]]] = {}
        self._opener: re.Pattern[str] | None = None
        self._spaced_opener: re.Pattern[str] | None = None
        self._spaced_first: re.Pattern[str] | None = None
        self._spaced_for: str | None = None
        self._spaced: str | None = None
        self._table: dict[str, tuple[list[tuple[str, str]], dict[str, list[Option]]]] | None = None

    def add(self, tag: str, phrases: list[str]) -> None:
        for phrase in phrases:
            words = tuple(_low(w) for w in phrase.split())
            if not words:
                continue
            singles, longer = self.first.setdefault(words[0], ([], {}))
            if len(words) == 1:
                singles.append((tag, words))
            else:
                longer.setdefault(words[1], []).append((tag, words))
                longer[words[1]].sort(key=lambda o: len(o[1]), reverse=True)
        self._opener = None
        self._table = None

    @property
    def opener(self) -> re.Pattern[str]:
        if self._opener is None:
            tails: dict[str, str] = {}
            for word, (singles, longer) in self.first.items():
                tails[word] = ""
                if not singles:
                    # a word that only opens longer phrases ("the" of "the inspectors") is a
                    # hit only when one of its second words follows: most "the"s are skipped
                    # by the regex engine
                    seconds = trie_pattern({w: "" for w in longer})
                    tails[word] = rf"(?:'s)?(?=[^\w'&-][\W_]*(?:{seconds})(?:'s)?(?![\w'&-]))"
            word = rf"((?:{trie_pattern(tails)})(?:'s)?)(?![\w'&-])"
            self._opener = re.compile(rf"(?<![\w'&-]){word}")
            # the same on the spaced copy (see _spaced): a word opens after a space, which
            # the regex engine finds by itself instead of trying every position; only for
            # words of word characters, which the copy keeps as they are
            words = [*self.first, *(w for _, longer in self.first.values() for w in longer)]
            plain = all(_WORD_CHARS_ONLY.fullmatch(w) for w in words)
            self._spaced_opener = re.compile(rf" {word}") if plain else None
            self._spaced_first = re.compile(word) if plain else None
        return self._opener

    def _matches(self, low: str, start: int, end: int) -> Iterable[re.Match[str]]:
        """The opener's matches in low[start:end]; group 1 is the word."""
        opener = self._opener or self.opener
        if self._spaced_opener is None or self._spaced_first is None:
            return opener.finditer(low, start, end)
        if low is not self._spaced_for:
            self._spaced_for, self._spaced = low, _spaced(low)
        spaced = self._spaced
        if spaced is None:
            return opener.finditer(low, start, end)
        if start > 0:
            return self._spaced_opener.finditer(spaced, start - 1, end)
        first = self._spaced_first.match(spaced, 0, end)
        rest = self._spaced_opener.finditer(spaced, 0, end)
        return rest if first is None else chain((first,), rest)

    def find(self, low: str, start: int, end: int) -> Found:
        """For each tag, the (start, end, phrase) of the longest match at each word.

        ``low`` is the text made by :func:`lower_text`. The last word of a
        phrase may carry a possessive ("the report's authors" holds "the
        report").
        """
        out: Found = {}
        table = self._table or self.table
        for m in self._matches(low, start, end):
            entry = table.get(m.group(1))
            if entry is None:
                continue
            singles, longer = entry
            if not longer:
                a, b = m.span(1)
                for tag, word in singles:
                    got = out.get(tag)
                    if got is None:
                        out[tag] = [(a, b, word)]
                    else:
                        got.append((a, b, word))
                continue
            seen: set[str] = set()
            nxt = _WORD.search(low, m.end(1), end)
            if nxt is not None:
                second = nxt.group()
                options = longer.get(second) or (
                    longer.get(second[:-2], []) if second.endswith("'s") else []
                )
                for tag, option in options:
                    if tag in seen or not _same(second, option, 1):
                        continue
                    stop = _rest(low, nxt.end(), end, option)
                    if stop >= 0:
                        seen.add(tag)
                        out.setdefault(tag, []).append((m.start(1), stop, " ".join(option)))
            for tag, word in singles:
                if tag not in seen:
                    out.setdefault(tag, []).append((m.start(1), m.end(1), word))
        return out

    @property
    def table(self) -> dict[str, tuple[list[tuple[str, str]], dict[str, list[Option]]]]:
        """Each word the opener matches (with its possessive too) -> its one-word phrases
        (one per tag, the first added) and its longer phrases by second word."""
        if self._table is None:
            table: dict[str, tuple[list[tuple[str, str]], dict[str, list[Option]]]] = {}
            for word, (singles, longer) in self.first.items():
                tags: dict[str, str] = {}
                for tag, option in singles:
                    tags.setdefault(tag, option[0])
                table[word] = (list(tags.items()), longer)
            for word in self.first:
                table.setdefault(word + "'s", table[word])
            self._table = table
        return self._table


#: Characters that are never part of a word, common in articles besides ASCII punctuation.
_SEPARATORS = "“”‘’‚‛«»‹›–—…•·✓£€©®™°\u00a0\u2009\u200b"
#: Every ASCII character but a letter, digit, underscore, apostrophe, ampersand or hyphen -> " ".
_SPACED_TABLE = bytes(c if chr(c).isalnum() or chr(c) in "_'&-" else 32 for c in range(256))
_WORD_CHARS_ONLY = re.compile(r"[\w'&-]+")
assert not any(_WORD_CHARS_ONLY.match(c) for c in _SEPARATORS)


def _spaced(low: str) -> str | None:
    """``low`` with every character that cannot be in a word (not in ``[\\w'&-]``) a space.

    Built in C: the common non-ASCII separators are replaced, then the ASCII
    text is translated as bytes. None when other non-ASCII characters are
    left (a letter such as "é" must stay, and telling would cost more than
    it saves): then the opener reads ``low`` itself.
    """
    if not low.isascii():
        for ch in _SEPARATORS:
            if ch in low:
                low = low.replace(ch, " ")
        if not low.isascii():
            return None
    return low.encode("ascii").translate(_SPACED_TABLE).decode("ascii")


def _same(word: str, option: tuple[str, ...], k: int) -> bool:
    """Whether ``word`` is word ``k`` of ``option`` (the last may carry a possessive)."""
    if word == option[k]:
        return True
    return k == len(option) - 1 and word.endswith("'s") and word[:-2] == option[k]


def _rest(low: str, pos: int, end: int, option: tuple[str, ...]) -> int:
    """Where words 2... of ``option`` end when they follow ``pos`` in ``low``, or -1."""
    for k in range(2, len(option)):
        m = _WORD.search(low, pos, end)
        if m is None or not _same(m.group(), option, k):
            return -1
        pos = m.end()
    return pos


def _people(doc: Doc) -> list[dict[str, Any]]:
    """The people component's mentions, read from its rows (no Span per mention)."""
    return [d for d in mention_dicts(doc) if d]


_KEPT_IN_USER_DATA: dict[str, bool] = {}


def _plain_extension(name: str) -> bool:
    """Whether ``Span._.<name>`` is a plain value kept in ``doc.user_data``.

    spaCy keeps it under ``("._.", name, start_char, end_char)``; reading and
    writing that key directly skips building an ``Underscore`` object per
    span, a few microseconds each. Only a plain extension (a default of None,
    no getter, setter or method) qualifies, and only if spaCy is seen to keep
    it there (tried once on a small Doc): otherwise the caller uses ``span._``.
    """
    if not Span.has_extension(name):
        return False
    default, method, getter, setter = Span.get_extension(name)
    if default is not None or method is not None or getter is not None or setter is not None:
        return False
    got = _KEPT_IN_USER_DATA.get(name)
    if got is None:
        doc = Doc(Vocab(), words=["a", "b"])
        span = doc[1:2]
        marker = {"marker": True}
        span._.set(name, marker)
        user_data: dict[Any, Any] = doc.user_data
        got = user_data.get(("._.", name, span.start_char, span.end_char)) is marker
        _KEPT_IN_USER_DATA[name] = got
    return got


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(windows):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@Language.factory("ofsted_quotes")
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes(nlp, rules.load("quotes"), rules.load("people"))
