"""Grade mentions, the judgement areas they grade, and what each grade is a grade of.

Most of the work here is saying *no*. "Good", "outstanding" and "adequate" are
everyday English ("good practice", "an outstanding social worker", "adequate
funding"), and even a real grade word may be hoped for ("we hope to be graded
good"), national ("46 councils are rated good"), a scale ("outstanding, good,
requires improvement or inadequate") or the grade of the inspection before ("up
from requires improvement in 2019"). So every candidate grade word needs a
*licence* (a judgement verb, a grade noun, quotation marks, a table row, a
from/to change), must survive the traps, and is then given a *role*:

- ``overall``  a grade of this inspection (``ofsted_explicit`` when the text
  calls it the overall one: "good overall", "Overall effectiveness  Good");
- ``area``     the grade of one or more judgement areas (see the "areas" group);
- ``previous`` the grade of the inspection before;
- ``kept``     a grade held on to ("remains good"): this one and the one before;
- ``dated``    a grade said with a past year and no other cue ("was rated good
  in 2018"); whether that year is before this inspection needs the article's
  date, so :mod:`ofsted_extract.inspections` decides.

Grades also come as a place on the scale ("the lowest rating") and as the
category of an inadequate school ("placed in special measures": grade
inadequate, ``ofsted_category`` special_measures).

Output span groups:

- ``doc.spans["grades"]``: label = the SCHEMA grade (or ``grade_3``, whose value
  depends on the remit and era); extensions ``ofsted_role``, ``ofsted_year``,
  ``ofsted_years_ago``, ``ofsted_explicit``, ``ofsted_category``.
- ``doc.spans["areas"]``: label = area key; ``ofsted_grade`` = the character
  offsets of the grade span it takes its grade from. A judgement covering two
  keys ("children in care and care leavers") is two spans with the same offsets.
- ``doc.spans["grade_categories"]``: "special measures" / "serious weaknesses".

The extensions are getters over plain rows kept in ``doc.user_data``
(:data:`GRADES_KEY`, :data:`AREAS_KEY`): nothing per span needs setting, the
assembler reads the rows directly, and the Doc still serialises.

Speed: the words of every token are read once into a :class:`TokenTable`
shared with the bodies component and the assembler, and one
:class:`PhraseIndex` pass finds every phrase of the grades, areas and bodies
rules; the rules then look only at the few tokens around each candidate.

The rule data is ``models/grades.json`` and ``models/areas.json``.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, overload

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.lang.en.lex_attrs import like_num as _en_like_num
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import rules
from ..textutil import doc_text, fold_quotes, trie_pattern

#: Where the component keeps what it found, as plain lists (``doc.user_data`` must stay
#: serialisable: ``doc.to_bytes()``):
#: grades: [start_char, end_char, grade, role, explicit, year, years_ago, category];
#: areas: [start_char, end_char, key, grade_start_char, grade_end_char].
GRADES_KEY = "ofsted_extract.grades"
AREAS_KEY = "ofsted_extract.areas"
#: Each doc's rows by their offsets, made on the first extension lookup.
_ROW_INDEX: weakref.WeakKeyDictionary[Doc, dict[str, tuple[int, dict[tuple[int, int], Any]]]] = (
    weakref.WeakKeyDictionary()
)


def rows(doc: Doc, key: str) -> list[list[Any]]:
    """The plain rows a component left in ``doc.user_data`` under ``key`` (or none)."""
    found = doc.user_data.get(key)
    return found if isinstance(found, list) else []


def row_of(span: Span, key: str) -> list[Any] | None:
    """The row of ``key`` with the span's offsets: what a span extension reads."""
    doc = span.doc
    data = rows(doc, key)
    cache = _ROW_INDEX.setdefault(doc, {})
    held = cache.get(key)
    if held is None or held[0] != id(data):
        held = (id(data), {(int(r[0]), int(r[1])): r for r in data})
        cache[key] = held
    return held[1].get((span.start_char, span.end_char))


def row_field(key: str, i: int, default: Any) -> Any:
    def get(span: Span) -> Any:
        row = row_of(span, key)
        return row[i] if row is not None else default

    return get


def _grade_link(span: Span) -> tuple[int, int] | None:
    row = row_of(span, AREAS_KEY)
    return (int(row[3]), int(row[4])) if row is not None else None


# span extensions are getters over the rows: no per-span state to set or serialise
for _name, _getter in (
    ("ofsted_role", row_field(GRADES_KEY, 3, None)),
    ("ofsted_explicit", row_field(GRADES_KEY, 4, False)),
    ("ofsted_year", row_field(GRADES_KEY, 5, None)),
    ("ofsted_years_ago", row_field(GRADES_KEY, 6, None)),
    ("ofsted_category", row_field(GRADES_KEY, 7, None)),
    ("ofsted_grade", _grade_link),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)

QUOTES = frozenset({"'", '"', "`"})
#: Words that open a clause of its own inside a sentence with no comma before them
#: ('... three years ago is celebrating after inspectors rated it good').
_CLAUSE_OPENERS = frozenset({"after", "because", "following"})
#: Headings, table rows and list items are short; a longer line is prose (and looking at
#: all of it for every grade word on it would be quadratic on a one-line page).
MAX_LINE_TOKENS = 60
#: How far (in tokens) the rules look around a grade word, whatever the sentence length.
WINDOW = 40
_YEAR = re.compile(r"(?:^|[/.\-])((?:19[5-9]|20[0-9])\d)$")
_FIN_YEAR = re.compile(r"^(?:19|20)\d\d/\d\d$")
#: A hyphen standing for a dash: spaced on both sides (the match starts at the space before).
_SPACED_HYPHEN = re.compile(r"(?<=\S) -(?= \S)")
#: Where a token ending in a year may end (four digits not followed by a fifth).
_YEAR_END = re.compile(r"(?:19[5-9]|20[0-9])\d(?!\d)")
_SINCE_OPENERS = frozenset(
    {"it", "the", "its", "their", "being", "was", "were", "a", "an", "they", "then", "her",
     "his", "our", "we", "last", "ofsted", "inspectors"}
)
_LEAVING = re.compile(r"\b(out of|from|removed|exit|exited|leave|left|come out)\b")
_BULLET = frozenset({"•", "✓", "✔", "-", "*", "–", "·", "○", "▪", "■"})
#: The characters of a dotted leader between a table row's label and its value ('Early
#: years ........ Exceptional'). A long run reaches the rules cut into pieces of seven with a
#: last piece that may be a lone '.' (see textutil.analysis_text).
_LEADER_CHARS = frozenset(".…·")
#: What :meth:`_Reader.line_words` leaves out besides white space.
_NOT_LINE_WORDS = QUOTES | _BULLET
_NUM_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "dozen", "hundred", "fifty", "forty", "thirty", "twenty", "sixty", "seventy"}
)
#: Words that may sit between a judgement verb and its grade ("judged to be",
#: "rated as", "are now", "were both") without being a new subject.
_BRIDGE = frozenset(
    {"to", "be", "as", "being", "now", "also", "still", "both", "all", "each", "only", "again",
     "overall", "rated", "judged", "graded", "found", "deemed", "considered", "been", "has",
     "have", "had", "is", "are", "was", "were", "currently", "previously", "officially",
     "already", "'", '"', "at", "the", "a", "an", "it", "them", "they", "finally"}
)


def _variants(phrase: str) -> list[str]:
    """The phrase with straight and curly apostrophes: the matcher compares raw lower-case text."""
    out = [phrase]
    if "'" in phrase:
        out.append(phrase.replace("'", "\u2019"))
    return out


@dataclass(slots=True)
class _Cand:
    """A grade-word candidate and what has been decided about it."""

    start: int
    end: int
    grade: str
    kind: str  # strong | predicate | weak
    licence: str | None = None
    drop: str | None = None
    role: str | None = None
    explicit: bool = False
    year: int | None = None
    years_ago: int | None = None
    label: str | None = None  # "overall" / "previous" when a table-row label claims it
    category: str | None = None  # special_measures / serious_weaknesses for a category grade
    areas: list[_Area] = field(default_factory=list)
    earlier_column: bool = False  # the first of two grades in a table row: the one before


@dataclass(slots=True)
class _Area:
    start: int
    end: int
    keys: tuple[str, ...]
    rc_keys: tuple[str, ...]
    attributive: bool
    grade: _Cand | None = None


#: Order of preference among matches of equal length.
_RANK = {"category": 0, "strong": 0, "predicate": 1, "paraphrase": 2, "weak": 2}
#: Capitalised words before an area word that do not make it part of a name.
_NOT_NAME_WORDS = frozenset(
    {"ofsted", "overall", "inspectors", "the", "its", "their", "our", "and", "good",
     "outstanding", "inadequate", "satisfactory", "adequate", "requires", "improvement",
     "judgement", "grade", "rating", "effectiveness", "i"}
)
#: Sentence openers that are never the first word of a name.
_SENTENCE_OPENERS = frozenset(
    {"a", "an", "the", "in", "at", "for", "as", "both", "all", "while", "but", "also", "its",
     "their", "his", "her", "our", "this", "that", "inspectors", "ofsted", "overall", "with",
     "on", "by", "from", "when", "after", "under", "meanwhile", "however"}
)


#: Previous-grade cues that say nothing about a grade *before* them: 'rated good, three
#: years after ...', 'placed in special measures as Ofsted strips its grade'.
_NOT_AFTER = frozenset({"since", "previously", "had", "months", "years", "weeks", "strips",
                        "stripped", "strip", "loses", "lose", "lost", "losing", "once", "was",
                        "were", "used"})
#: Finite verbs that make an opening clause a main clause rather than a phrase.
_FINITE = frozenset({"was", "were", "is", "are", "has", "have", "had", "took", "came"})
#: Words that open a parenthesis between a subject and its verb ('X, which ..., is').
_PARENTHESIS_OPENERS = frozenset({"which", "who", "whose", "where", "a", "an", "the", "its",
                                  "based", "run", "part", "one", "formerly", "now"})
#: Words that may open a noun phrase naming the inspection before ('The council's ...').
_SUBJECT_LEAD = frozenset({"the", "its", "their", "his", "her", "our", "a", "this", "that", "'s",
                           "'", ".", ")", "(", "-", "–"})
_AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "did", "does", "do", "said",
                          "says", "took"})


#: ``like_num`` of the words asked about so far (a function of the word alone).
_LIKE_NUM: dict[str, bool] = {}


#: 'every area', 'all judgements', 'each of the areas': a grade given to the whole.
_EVERY = frozenset({"every", "all", "each"})
_AREA_NOUNS = frozenset({"area", "areas", "judgement", "judgements", "judgment", "judgments",
                         "category", "categories", "aspect", "aspects"})

#: A numeral ordinal ('11th', '2nd', '23rd'): see :meth:`_Reader._ordinal_count`.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")

#: The cue labels of a sentence without cues.
_NO_LABELS: frozenset[str] = frozenset()


class _Everything:
    """A container holding everything (a test that lets everything through)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERYTHING = _Everything()
#: Words an item of a bulleted list of areas may hold besides the area names.
_ITEM_GLUE = frozenset({",", ";", ".", "and", "&"})
#: An article or possessive between 'from' and a grade ('from the outstanding ...').
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "her", "his", "our"})
#: adverbs between a copula and the grade it gives an area ('were also good'); a closed
#: set of words that keep the grade this inspection's, unlike 'previously'
_COPULA_ADVERBS = frozenset({"also", "now", "still", "both", "all", "each", "again"})
#: The verb after a count of bodies: 'Three were rated good'.
_COUNT_VERBS = frozenset({"were", "are", "was", "have", "had"})


def like_num(word: str) -> bool:
    """spaCy's English ``like_num`` ('12', 'three', '1st') without making a Token."""
    got = _LIKE_NUM.get(word)
    if got is None:
        got = bool(_en_like_num(word))  # type: ignore[no-untyped-call]
        if len(_LIKE_NUM) > 100_000:
            _LIKE_NUM.clear()
        _LIKE_NUM[word] = got
    return got


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``ranges``."""
    i = bisect.bisect_right(ranges, (pos, 1 << 62)) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


class PromoLines:
    """Finds the lines that open with a promotion label ('SEE ALSO: ...', 'Read more -').

    The plain pattern is ``^[ \\t]*(?:label|...)[ \\t]*[:|>–—-]`` (any case, at any line
    start), but a pattern that opens with ``^`` makes the regex engine try every character
    of the text, and an alternation of labels tries every label. The same lines are found
    from the line breaks (a literal first character: the engine skips to each one) with the
    labels as a prefix tree; the first line is tried on its own. Whether a line matches does
    not depend on the order of the alternatives, and no match runs over a line break.
    """

    def __init__(self, labels: list[str]) -> None:
        # one prefix tree, so each character of a line start is read once
        body = (
            r"[ \t]*"
            + trie_pattern(dict.fromkeys(labels, ""), space=re.escape(" "))
            + r"[ \t]*[:|>\u2013\u2014-]"
        )
        self.at_start = re.compile(body, re.IGNORECASE)
        self.after_break = re.compile(r"\n(?i:" + body + ")")

    def starts(self, text: str) -> list[int]:
        """Where each promotion line starts, in order."""
        out = [0] if self.at_start.match(text) else []
        out.extend(m.start() + 1 for m in self.after_break.finditer(text))
        return out


def promo_ranges(table: TokenTable, promo: PromoLines) -> list[tuple[int, int]]:
    """Character ranges of the inline promotion lines of a text, computed once per doc."""
    if table.promo is None:
        text = table.text
        out = []
        for start in promo.starts(text):
            end = text.find("\n", start)  # the match itself holds no line break
            out.append((start, len(text) if end < 0 else end))
        table.promo = out
    return table.promo


class _Cues:
    """Positions of cue phrases in one doc, by label, for window queries."""

    def __init__(self) -> None:
        self.starts: dict[str, list[int]] = {}
        self.ends: dict[str, dict[int, int]] = {}

    def add(self, label: str, start: int, end: int) -> None:
        self.starts.setdefault(label, []).append(start)
        ends = self.ends.setdefault(label, {})
        ends[start] = max(end, ends.get(start, end))

    def finish(self) -> None:
        for positions in self.starts.values():
            positions.sort()

    def first(self, label: str, lo: int, hi: int) -> int | None:
        """The first start of ``label`` in [lo, hi), or None."""
        positions = self.starts.get(label)
        if not positions or lo >= hi:
            return None
        i = bisect.bisect_left(positions, lo)
        return positions[i] if i < len(positions) and positions[i] < hi else None

    def last(self, label: str, lo: int, hi: int) -> int | None:
        positions = self.starts.get(label)
        if not positions or lo >= hi:
            return None
        i = bisect.bisect_left(positions, hi) - 1
        return positions[i] if i >= 0 and positions[i] >= lo else None

    def has(self, label: str, lo: int, hi: int) -> bool:
        """Whether ``label`` starts in [lo, hi) (``first`` inline: the rules ask this most)."""
        positions = self.starts.get(label)
        if not positions or lo >= hi:
            return False
        i = bisect.bisect_left(positions, lo)
        return i < len(positions) and positions[i] < hi

    def end(self, label: str, start: int) -> int:
        return self.ends.get(label, {}).get(start, start + 1)

    def any_doc(self, label: str) -> bool:
        return bool(self.starts.get(label))


class Grades:
    """The ``ofsted_grades`` component: grade mentions, their roles and their areas."""

    def __init__(self, nlp: Language, grades: dict[str, Any], areas: dict[str, Any]) -> None:
        self.index = shared_index(nlp)

        def phrases(table: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in table.items() if k != "_doc"}

        cats = grades["category_grades"]
        #: abbreviations that only count in their exact spelling ('RI', never 'ri')
        self.exact_words: dict[str, tuple[str, str]] = {}
        for phrase, grade in phrases(grades["case_sensitive"]).items():
            self.exact_words.setdefault(phrase.lower(), (phrase, grade))
        self.category_before = frozenset(cats["before"])
        self.category_descriptive = frozenset(cats["descriptive_after"])
        self.category_judged = frozenset(cats["judged_before"])

        self.scale_of: dict[str, str] = {}
        #: exact spellings a scale cue needs ('SEND' and 'Send', not the verb 'send')
        self.exact_cues: dict[str, tuple[str, frozenset[str]]] = {}
        for scale, spec in phrases(grades["scale_contexts"]).items():
            for grade in spec["grades"]:
                self.scale_of[grade] = scale
            for cue in spec.get("exact_cues", []):
                label = f"ctx:{scale}"
                spellings = self.exact_cues.get(cue.lower(), (label, frozenset()))[1]
                self.exact_cues[cue.lower()] = (label, spellings | {cue})
        #: the cue label ('ctx:<scale>') the grades of a scale need somewhere in the doc
        self.scale_cue = {grade: f"ctx:{scale}" for grade, scale in self.scale_of.items()}
        self.needs_area: dict[str, set[str]] = {
            k: set(v) for k, v in phrases(grades["needs_area"]).items()
        }

        self.grade_nouns = frozenset(grades["grade_nouns"])
        self.follow_ok = frozenset(grades["follow_ok"]["words"])
        self.adverbs_ok = frozenset(grades["adverbs_ok"]["words"])
        self.intensifiers = frozenset(grades["intensifiers"])
        self.glue = frozenset(grades["area_glue"]["words"])
        self.connector_words = frozenset(
            p for p in grades["area_connectors_after"]["phrases"] if " " not in p
        )
        self.blockers = frozenset(grades["area_blockers"]["words"])
        self.det_bodies = frozenset(grades["area_blockers"]["determiner_bodies"])
        self.subject_verbs = frozenset(grades["area_blockers"]["subject_verbs"])
        self.contraction_next = frozenset(grades["area_blockers"]["contraction_next"])
        self.clause_breaks = frozenset(grades["clause_breaks"])
        self.subjects = frozenset(grades["gradeable_subjects"]["words"])
        self.or_tails = frozenset(grades["or_tails"]["words"])
        self.movement = frozenset(grades["movement_words"])
        self.every_area_words = frozenset(grades["every_area_words"]["words"])
        self.kicker_subjects = frozenset(grades["kicker_subjects"]["words"])
        ordinal = grades["statistics"]["ordinal_counts"]
        self.ordinal_words = frozenset(ordinal["words"])
        self.ordinal_periods = tuple(ordinal["periods"])
        self.fronted_openers = frozenset(grades["previous_fronted"]["openers"])
        self.inner_lead_ins = frozenset(grades["previous_fronted"]["inner_lead_ins"])
        self.apposition_words = frozenset(grades["previous_fronted"]["apposition_words"])
        self.subject_use = frozenset(grades["subject_use"]["words"])
        self.copulas = frozenset(grades["copulas"])
        self.licence_words = frozenset(w for w in grades["licence_verbs"] if " " not in w)

        labels = sorted({w.lower() for w in grades["promo_lines"]["labels"]}, key=len, reverse=True)
        #: the plain form of what :attr:`promo` finds (kept for reference and tests)
        self.promo_line = re.compile(
            r"^[ \t]*(?:" + "|".join(re.escape(w) for w in labels) + r")[ \t]*[:|>\u2013\u2014-]",
            re.IGNORECASE | re.MULTILINE,
        )
        self.promo = PromoLines(labels)

        self.area_name_heads = frozenset(areas["name_heads"]["words"])
        # a quick first test for a name head: its folded lower case (exact for ASCII words;
        # any other head makes the test pass everything through)
        self.area_name_heads_low: Container[str] = (
            frozenset(w.lower() for w in self.area_name_heads)
            if all(w.isascii() for w in self.area_name_heads) else _EVERYTHING
        )
        self.area_descriptors = frozenset(areas["descriptor_heads"]["words"])
        self.named_areas = frozenset(areas["named_areas"]["keys"])
        self.judged_body_verbs = frozenset(areas["judged_a_body"]["verbs"])
        self.judged_linked_verbs = frozenset(areas["judged_a_body"]["linked_verbs"])
        self.service_verbs = frozenset(areas["service_received"]["verbs"])
        self.service_nouns = frozenset(areas["service_received"]["nouns"])
        owned = areas["owned_services"]
        self.owned_keys = frozenset(owned["keys"])
        self.owned_nouns = frozenset(owned["nouns"])
        self.area_specs: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        attributive = {p.lower() for p in areas["attributive"]["phrases"]}
        self.attributive_ids: set[int] = set()
        guarded = {p.lower() for p in areas["guarded"]["phrases"]}
        graded_next = {p.lower() for p in areas["graded_next"]["phrases"]}
        school = areas["school_sixth_form"]
        sixth_form = {p.lower() for p in school["phrases"]}
        #: a school's 16 to 19 study programmes are its sixth form: see
        #: :meth:`_Reader._school_sixth_form`
        self.school_sixth_form_ids: set[int] = set()
        self.school_words = frozenset(school["school_words"])
        self.fe_words = frozenset(school["fe_words"])
        #: areas that are also everyday phrases: see :meth:`_Reader._guarded_ok`
        self.guarded_ids: set[int] = set()
        #: areas that are also everyday words: see :meth:`_Reader._graded_next`
        self.graded_next_ids: set[int] = set()
        # the report-card key of an area named in older words ('pupils' achievement',
        # 'leadership and management'), where the phrase gives none of its own
        rc_of: dict[str, str] = phrases(areas["report_card_keys"])
        for phrase, spec in phrases(areas["areas"]).items():
            if isinstance(spec, str):
                keys: tuple[str, ...] = (spec,)
                rc: tuple[str, ...] = (rc_of.get(spec, spec),)
            elif isinstance(spec, list):
                keys = rc = tuple(spec)
            else:
                key = spec["key"]
                keys, rc = (key,), (spec.get("report_card", rc_of.get(key, key)),)
            idx = len(self.area_specs)
            self.area_specs.append((keys, rc))
            if phrase.lower() in attributive:
                self.attributive_ids.add(idx)
            if phrase.lower() in guarded:
                self.guarded_ids.add(idx)
            if phrase.lower() in graded_next:
                self.graded_next_ids.add(idx)
            if phrase.lower() in sixth_form:
                self.school_sixth_form_ids.add(idx)

    def __call__(self, doc: Doc) -> Doc:
        reader = _Reader(self, doc)
        reader.run()
        return doc


def _year_starts(text: str) -> list[int]:
    """Where ``_YEAR_END.finditer(text)`` matches, found from the places where '19' or '20'
    stands (``str.find`` skips ahead; the regex engine tries every character).

    Every match is four characters long, so the regex's matches are the places where it
    matches, taken left to right without overlaps.
    """
    hits: list[int] = []
    for prefix in ("19", "20"):
        at = text.find(prefix)
        while at >= 0:
            hits.append(at)
            at = text.find(prefix, at + 1)
    hits.sort()
    out: list[int] = []
    last_end = 0
    for at in hits:
        if at >= last_end and _YEAR_END.match(text, at):
            out.append(at)
            last_end = at + 4
    return out


def _year(text: str) -> int | None:
    """The year a token gives: '2019', '12/09/2023'; not '2024/25' or '120193'."""
    if _FIN_YEAR.match(text):
        return None
    m = _YEAR.search(text)
    return int(m.group(1)) if m and (len(text) == 4 or not text[:-4].isdigit()) else None


class TokenTexts(Sequence[str]):
    """The token texts of a doc, sliced from its text only when asked for.

    The rules read the lower-case forms of most tokens but the original spelling of
    few, so making a string for every token up front would be wasted work.
    """

    def __init__(self, text: str, idx: list[int], lengths: list[int]) -> None:
        self.text = text
        self.idx = idx
        self.lengths = lengths

    def __len__(self) -> int:
        return len(self.idx)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.idx)))]
        a = self.idx[i]
        return self.text[a : a + self.lengths[i]]


@dataclass
class TokenTable:
    """Plain lists of what the rules read about each token, built once per doc.

    Creating spaCy Token objects again and again is the slow part of a rule
    pass, so the texts, folded lower-case forms and sentence numbers are read
    once from arrays and shared by the grades, bodies and inspections code.
    """

    n: int
    text: str
    texts: TokenTexts
    low: list[str]
    is_space: list[bool]
    idx: list[int]
    sent_of: list[int]
    sent_bounds: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    matches: tuple[PhraseIndex, list[tuple[int, int, int]]] | None = None
    words: dict[str, list[int]] = field(default_factory=dict)
    body_matches: list[tuple[str, str, int, int]] = field(default_factory=list)
    promo: list[tuple[int, int]] | None = None
    #: sentence starts as the sentencizer set them, before hard-wrapped lines are joined
    flag_starts: frozenset[int] = frozenset()
    spaces: list[int] = field(default_factory=list)  # indices of the space tokens
    furniture: Any = None  # the bodies component's Furniture, made once per doc


_TERMINAL = frozenset({".", "!", "?", ":", ";", '"', "'", "”", "’", ")", "…"})
#: A line ending in one of these words goes on to the next line.
_CONTINUING = frozenset({"in", "of", "to", "the", "a", "an", "and", "from", "for", "by", "with",
                         "at", "on", "as", "its", "their", "was", "were", "is", "are", "be"})


def _unwrap(
    text: str, idx: list[int], low: list[str], starts: list[int], space: list[bool]
) -> list[int]:
    """Drop the sentence starts that only mark a hard-wrapped line.

    The layout starts a sentence at every line, which is right for headlines, table rows
    and lists, but PDF text and e-mailed releases wrap prose at a fixed width. A line of
    eight words or more that ends without closing punctuation, followed by a line that
    goes on in lower case, is one sentence across the break.
    """
    out: list[int] = []
    prev = 0
    n = len(idx)
    for start in starts:
        if start == 0 or not out or not space[start - 1]:
            # no space token before it: a start inside a line, never a wrap
            out.append(start)
            prev = start
            continue
        j = start - 1
        while j > prev and space[j]:
            j -= 1
        gap = "".join(low[j + 1 : start])  # white space: its lower case is itself
        last = low[j]
        if "\n" not in gap or "\n\n" in gap or last in _TERMINAL:
            out.append(start)
            prev = start
            continue
        k = start
        while k < n and (space[k] or low[k] in ("'", '"')):
            k += 1
        words = 0  # words of the line before the break, counted up to 8
        k0 = j
        while k0 >= 0 and words < 8 and "\n" not in (word := low[k0]):
            words += word[:1].isalnum()
            k0 -= 1
        if words >= 8 and k < n:
            first = text[idx[k]]
            if first.islower() or first.isdigit() or last in _CONTINUING:
                continue  # a wrapped line: the sentence goes on
        out.append(start)
        prev = start
    return out


class PhraseIndex:
    """One PhraseMatcher (on lower-case words) for every phrase the components look for.

    A PhraseMatcher pass costs about the same per token whatever it holds, so the grade
    words, area names, cue phrases and the bodies component's phrases share one pass per
    doc (see :func:`shared_index`); ``info`` says what each match id stands for.

    spaCy keeps a line break (or a run of spaces) as a token of its own, so a phrase
    wrapped over two lines ("requires\nimprovement", "as\nwere") would not match. Only a
    break inside a sentence between a word that can go on a phrase and a word that can
    continue one is bridged, by matching the few words around it again without the break.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.info: dict[int, tuple[Any, ...]] = {}
        self.word_ids: dict[int, str] = {}  # the match ids of the 'W' entries, and what
        self.heads: set[str] = set()  # words followed by another word in some phrase
        self.tails: set[str] = set()  # words preceded by another word in some phrase
        self.longest = 1

    def add(self, label: str, info: tuple[Any, ...], phrases: list[str]) -> None:
        docs = [self.nlp.make_doc(v) for w in phrases for v in _variants(w.lower())]
        if not docs:
            return
        self.matcher.add(label, docs)
        mid = self.nlp.vocab.strings.add(label)
        self.info[mid] = info
        if info[0] == "W":
            self.word_ids[mid] = info[1]
        for d in docs:
            words = [fold_quotes(t.lower_) for t in d]
            self.heads.update(words[:-1])
            self.tails.update(words[1:])
            self.longest = max(self.longest, len(words))

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every phrase in the doc, sorted; computed once per doc.

        Single words that the rules only need the positions of ('W' entries: clause
        breaks, body head words, grading verbs) are not in this list but in
        :meth:`words`.
        """
        table = token_table(doc)
        if table.matches is not None and table.matches[0] is self:
            return table.matches[1]
        found = list(self.matcher(doc)) if table.n else []
        if table.spaces:
            bridged = self._bridged(doc, table)
            if bridged:
                found.extend(bridged)
                found.sort(key=itemgetter(1, 2))
        out: list[tuple[int, int, int]] = []
        words: dict[str, list[int]] = {what: [] for what in self.word_ids.values()}
        # most matches are single words: one dict lookup gives the list they go to
        add_word = {mid: words[what].append for mid, what in self.word_ids.items()}
        bodies: list[tuple[str, str, int, int]] = []
        info = self.info
        for m in found:
            add = add_word.get(m[0])
            if add is not None:
                add(m[1])
                continue
            spec = info[m[0]]
            if spec[0] == "B":
                bodies.append((spec[1], spec[2], m[1], m[2]))
            else:
                out.append(m)
        table.matches = (self, out)
        table.words = words
        table.body_matches = bodies
        return out

    def _matched(self, doc: Doc) -> TokenTable:
        """The doc's token table, with this index's matches in it (one table lookup)."""
        table = token_table(doc)
        if table.matches is None or table.matches[0] is not self:
            self.matches(doc)
            table = token_table(doc)
        return table

    def body_matches(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """The bodies component's phrases: (what, kind, start, end), in order."""
        return self._matched(doc).body_matches

    def words(self, doc: Doc, what: str) -> list[int]:
        """Positions of the single words registered as ``("W", what)``, in order."""
        return self._matched(doc).words.get(what, [])

    def _bridged(self, doc: Doc, table: TokenTable) -> list[tuple[int, int, int]]:
        """The phrases that run over a line break inside a sentence, and the table cells
        wrapped over two lines (see :meth:`_wrapped_cell`)."""
        low, space, n, sent = table.low, table.is_space, table.n, table.sent_of
        heads, tails = self.heads, self.tails
        breaks: list[tuple[int, int]] = []
        out: list[tuple[int, int, int]] = []
        for k in table.spaces:
            if not 0 < k < n - 1 or space[k - 1] or low[k - 1] not in heads:
                continue  # the same run of white space, or no phrase can go on
            b = k + 1
            while b < n and space[b]:
                b += 1
            if b >= n or low[b] not in tails:
                continue
            if sent[k - 1] == sent[k + 1]:
                breaks.append((k - 1, b))
            else:
                cell = self._wrapped_cell(doc, table, k - 1, b)
                if cell is not None:
                    out.append(cell)
        span = self.longest - 1
        for a, b in breaks:
            keep: list[int] = []
            k = a
            while k >= 0 and len(keep) < span + 1 and table.sent_of[k] == table.sent_of[a]:
                if not space[k]:
                    keep.append(k)
                k -= 1
            keep.reverse()
            left = len(keep)
            k = b
            while k < n and len(keep) < left + span and table.sent_of[k] == table.sent_of[b]:
                if not space[k]:
                    keep.append(k)
                k += 1
            words = Doc(doc.vocab, words=[low[i] for i in keep])
            for m, x, y in self.matcher(words):
                if x < left <= y - 1:  # the phrase crosses the break
                    out.append((m, keep[x], keep[y - 1] + 1))
        return out

    def _wrapped_cell(
        self, doc: Doc, table: TokenTable, a: int, b: int
    ) -> tuple[int, int, int] | None:
        """A table cell wrapped over two lines of a flattened PDF table ('Overall
        effectiveness' / 'Requires' / 'improvement'): the layout makes each line a sentence
        of its own, so this break is bridged only when the two lines, whole, are exactly
        one phrase (a longer match, or words around it, would be prose)."""
        low, space, n = table.low, table.is_space, table.n
        if sum(low[k].count("\n") for k in range(a + 1, b)) != 1:
            return None  # a blank line between: two cells
        keep: list[int] = []
        k = a
        while k >= 0 and not (space[k] and "\n" in low[k]):
            if not space[k]:
                keep.append(k)
                if len(keep) >= self.longest:
                    return None
            k -= 1
        keep.reverse()
        k = b
        while k < n and not (space[k] and "\n" in low[k]):
            if not space[k]:
                keep.append(k)
                if len(keep) > self.longest:
                    return None
            k += 1
        words = Doc(doc.vocab, words=[low[i] for i in keep])
        for m, x, y in self.matcher(words):
            if x == 0 and y == len(keep):
                return (m, keep[0], keep[-1] + 1)
        return None


#: The shared index of each vocabulary, with the vocabulary itself kept alive so that
#: its id is never reused (a Vocab cannot be weakly referenced).
_INDEXES: dict[int, tuple[Any, PhraseIndex]] = {}


def shared_index(nlp: Language) -> PhraseIndex:
    """The one PhraseIndex of ``nlp``'s vocabulary, built from the grades, areas and bodies
    rule files the first time a component asks for it."""
    held = _INDEXES.get(id(nlp.vocab))
    if held is not None and held[0] is nlp.vocab:
        return held[1]
    index = PhraseIndex(nlp)
    _fill_index(index, rules.load("grades"), rules.load("areas"), rules.load("bodies"))
    _INDEXES[id(nlp.vocab)] = (nlp.vocab, index)
    return index


def _fill_index(
    index: PhraseIndex, grades: dict[str, Any], areas: dict[str, Any], bodies: dict[str, Any]
) -> None:
    def phrases(table: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in table.items() if k != "_doc"}

    for kind, table in (
        ("strong", grades["strong_phrases"]),
        ("predicate", grades["predicate_phrases"]),
        ("weak", grades["weak_words"]),
        ("paraphrase", grades["paraphrases"]),
    ):
        for phrase, grade in phrases(table).items():
            index.add(f"G|{kind}|{grade}", ("G", kind, grade, None), [phrase])
    for phrase, category in grades["category_grades"]["phrases"].items():
        index.add(f"G|category|{category}", ("G", "category", "inadequate", category), [phrase])
    for phrase in phrases(grades["case_sensitive"]):
        index.add(f"X|{phrase.lower()}", ("X", phrase.lower()), [phrase])
    for scale, spec in phrases(grades["scale_contexts"]).items():
        index.add(f"C|ctx:{scale}", ("C", f"ctx:{scale}"), spec["cues"])
        for exact in spec.get("exact_cues", []):
            index.add(f"X|{exact.lower()}", ("X", exact.lower()), [exact])

    def cue(label: str, words: list[str]) -> None:
        index.add(f"C|{label}", ("C", label), words)

    cue("licence", grades["licence_verbs"])
    cue("prev_local", grades["previous_local"]["phrases"])
    cue("prev_fronted", grades["previous_fronted"]["phrases"])
    cue("current", grades["current_cues"]["phrases"])
    cue("repeated", grades["repeated_verdict"]["phrases"])
    cue("kept_before", grades["kept_cues"]["before"])
    cue("kept_after", grades["kept_cues"]["after"])
    cue("same_grade", grades["kept_cues"]["same_grade"])
    cue("remain", grades["kept_cues"]["remain_verbs"])
    cue("hyp_before", grades["hypothetical"]["before"])
    cue("hyp_after", grades["hypothetical"]["after"])
    cue("stat", grades["statistics"]["markers"])
    cue("plural_body", grades["statistics"]["plural_bodies"])
    cue("one_of", grades["statistics"]["one_of"])
    cue("scale", grades["scale_markers"]["phrases"])
    cue("label_change", grades["label_changes"]["words"])
    cue("negation", grades["negations"])
    cue("connector", [p for p in grades["area_connectors_after"]["phrases"] if " " in p])
    cue("future", grades["future_words"]["words"])
    cue("leaving", grades["category_grades"]["leaving"])
    for phrase, years in phrases(grades["relative_years"]).items():
        cue(f"relyear:{int(years)}", [phrase])
    for phrase, category in phrases(grades["categories"]).items():
        cue(f"category:{category}", [phrase])
    for idx, phrase in enumerate(phrases(areas["areas"])):
        index.add(f"A|{idx}", ("A", idx), [phrase])
    # single words whose positions the rules need
    index.add("W|clause", ("W", "clause"), grades["clause_breaks"])
    heads = [h for h in phrases(bodies["heads"]) if "-" not in h]
    index.add("W|head", ("W", "head"), heads)
    index.add("W|verb", ("W", "verb"), bodies["named_subjects"]["verbs"])
    index.add("W|childminder", ("W", "childminder"), bodies["childminder_words"]["words"])
    # the bodies component's phrases
    for phrase, kind in phrases(bodies["phrase_heads"]).items():
        index.add(f"B|head|{kind}", ("B", "head", kind), [phrase])
    for phrase, kind in phrases(bodies["apposition_kinds"]).items():
        index.add(f"B|appos|{kind}", ("B", "appos", kind), [phrase])
    for visit in ("monitoring_visit", "focused_visit", "ungraded", "joint_targeted", "full"):
        index.add(f"B|visit|{visit}", ("B", "visit", visit), bodies["visits"][visit])


#: The token table of each live Doc. A weak map, not ``doc.user_data``: the table holds
#: lists and a Doc of its own, which would make ``doc.to_bytes()`` fail.
_TABLES: weakref.WeakKeyDictionary[Doc, TokenTable] = weakref.WeakKeyDictionary()


#: The doc asked about last and its table: the components ask for one doc's table many
#: times in a row, and a weak-map lookup makes a new weak reference each time.
_LAST: tuple[weakref.ReferenceType[Doc], TokenTable] | None = None


def token_table(doc: Doc) -> TokenTable:
    """The doc's TokenTable, built once per Doc and shared by the components."""
    global _LAST
    last = _LAST
    if last is not None and last[0]() is doc and last[1].n == len(doc):
        return last[1]
    cached = _TABLES.get(doc)
    if cached is None or cached.n != len(doc):
        cached = _build_table(doc)
        _TABLES[doc] = cached
    _LAST = (weakref.ref(doc), cached)
    return cached


def _build_table(doc: Doc) -> TokenTable:
    n = len(doc)
    text = doc_text(doc)
    if n:
        # int64 first: tolist() on uint64 (SENT_START -1 is 2**64-1) is very slow
        arr = doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE]).astype("int64")
        idx: list[int] = arr[:, 0].tolist()
        lengths: list[int] = arr[:, 1].tolist()
        flagged = numpy.flatnonzero(arr[1:, 2] == 1) + 1
        starts = [0, *flagged.tolist()]
        space = arr[:, 3].astype(bool)
    else:
        idx, lengths, starts = [], [], []
        space = numpy.zeros(0, dtype=bool)
    flag_starts = frozenset(starts)
    texts = TokenTexts(text, idx, lengths)
    folded = fold_quotes(text).lower()
    if len(folded) == len(text):
        low = [folded[i : i + k] for i, k in zip(idx, lengths, strict=True)]
    else:  # a character whose lower case is longer: fold token by token
        low = [fold_quotes(text[i : i + k].lower()) for i, k in zip(idx, lengths, strict=True)]
    is_space: list[bool] = space.tolist()
    starts = _unwrap(text, idx, low, starts, is_space)
    bounds = list(zip(starts, starts[1:] + [n], strict=True)) if n else []
    sent_of: list[int] = []
    for k, (a, b) in enumerate(bounds):
        sent_of += [k] * (b - a)
    # the space tokens: line breaks a phrase may run over (see PhraseIndex._bridged)
    spaces: list[int] = numpy.flatnonzero(space).tolist()
    return TokenTable(
        n=n,
        text=text,
        texts=texts,
        low=low,
        is_space=is_space,
        idx=idx,
        sent_of=sent_of,
        sent_bounds=bounds,
        starts=starts,
        flag_starts=flag_starts,
        spaces=spaces,
    )


def _lines(table: TokenTable) -> tuple[list[int], list[tuple[int, int]]]:
    """The line of each token and the token bounds of each line: a token after a space
    token holding a newline starts a line."""
    n = table.n
    if not n:
        return [], [(0, 0)]
    low = table.low
    starts = [k + 1 for k in table.spaces if k < n - 1 and "\n" in low[k]]
    bounds = list(zip([0, *starts], [*starts, n], strict=True))
    line_of: list[int] = []
    for k, (a, b) in enumerate(bounds):
        line_of += [k] * (b - a)
    return line_of, bounds


def _numbered(first: int, starts: list[int], n: int) -> list[int]:
    """For each token from ``starts[0]`` to ``n``, the number of the run it is in: run ``k``
    (counted from ``first``) covers [starts[k], starts[k + 1]); one numpy pass, not a
    Python loop over the tokens."""
    if not starts:
        return []
    bounds = numpy.array([*starts, n], dtype=numpy.int64)
    sizes = bounds[1:] - bounds[:-1]
    out: list[int] = numpy.repeat(numpy.arange(first, first + len(starts)), sizes).tolist()
    return out


class _Reader:
    """The analysis of one doc: token facts computed once, then candidates judged in turn."""

    def __init__(self, comp: Grades, doc: Doc) -> None:
        self.c = comp
        self.doc = doc
        table = token_table(doc)
        n = table.n
        self.n = n
        self.texts = table.texts
        self.low = table.low
        self.is_space = table.is_space
        self.sent_of = table.sent_of
        self.sent_bounds = table.sent_bounds
        self.table = table
        self.cues = _Cues()
        # one matcher pass gives the grade words, the area names and the cues
        self.grade_matches: list[tuple[int, int, str, str, str | None]] = []
        self.area_matches: list[tuple[int, int, int]] = []
        info_of = comp.index.info
        promo = self._promo_ranges()
        cue_starts, cue_ends = self.cues.starts, self.cues.ends
        for match_id, start, end in comp.index.matches(doc):
            info = info_of[match_id]
            what = info[0]
            if what == "C":  # self.cues.add(info[1], start, end), inline: most matches are cues
                label = info[1]
                positions = cue_starts.get(label)
                if positions is None:
                    cue_starts[label] = [start]
                    cue_ends[label] = {start: end}
                else:
                    positions.append(start)
                    ends = cue_ends[label]
                    before = ends.get(start)
                    if before is None or end > before:
                        ends[start] = end
            elif promo and _inside(promo, table.idx[start]):
                continue  # the headline of another article
            elif what == "G":
                self.grade_matches.append((start, end, info[1], info[2], info[3]))
            elif what == "A":
                self.area_matches.append((start, end, info[1]))
            else:  # an exact spelling: 'RI' (a grade), 'SEND' (a scale cue)
                word = self.texts[start]
                exact = comp.exact_words.get(info[1])
                if exact is not None and word == exact[0]:
                    self.grade_matches.append((start, end, "weak", exact[1], None))
                ctx = comp.exact_cues.get(info[1])
                if ctx is not None and word in ctx[1]:
                    self.cues.add(ctx[0], start, end)
        self.cues.finish()
        self.line_of: list[int] = []
        self.line_bounds: list[tuple[int, int]] = []
        self.clause_of: list[int] = []
        self.clause_start: list[int] = []
        self.clause_end: list[int] = []
        self.relyear_labels: list[tuple[str, int]] = []
        self._line_words: dict[int, list[int]] = {}
        self.years: list[int | None] = []
        #: sentence -> the labels of the cues that start in it
        self.labels_in: dict[int, set[str]] = {}
        #: the tokens that give a year, in order, and their years
        self.year_pos: list[int] = []
        #: grade start -> the year before it in "after 2009 'satisfactory'" (a headline's
        #: 'Good grade for X after 2009 satisfactory'): the grade before the year moved on
        self.after_year: dict[int, int] = {}
        self.year_val: list[int] = []
        self.area_starts: set[int] = set()
        self.area_start_list: list[int] = []
        self.area_at: dict[int, _Area] = {}
        self.area_ends: set[int] = set()
        self.as_list_sents: set[int] = set()
        self.live_starts: list[int] = []
        self.live_ends: list[int] = []
        self._doc_table_year: tuple[int | None] | None = None
        self.cand_starts: set[int] = set()
        self.cand_ends: set[int] = set()  # end tokens of the grade candidates

    def _prepare(self) -> None:
        """Lines, clauses and years of the doc: only needed once there is a grade word."""
        table, n = self.table, self.n
        # lines: a token after a newline starts a new line
        self.line_of, self.line_bounds = _lines(table)
        # clauses: split at commas, dashes, brackets and contrastive conjunctions
        marks = sorted({*table.starts, *self.c.index.words(self.doc, "clause"),
                        *self._spaced_hyphens()}) if n else []
        self.clause_of = _numbered(1, marks, n)
        # clause k (from 1) runs from clause_start[k] to clause_end[k]
        self.clause_start = [0, *marks]
        self.clause_end = [0, *marks[1:], n]
        self._filter_since()
        # the cue labels of each sentence: a rule that looks for a cue inside the sentence
        # of a grade asks this set first (every clause, so every window of the rules below
        # that stops at a clause or sentence bound, lies inside one sentence)
        sent_of, labels_in = self.sent_of, self.labels_in
        for label, positions in self.cues.starts.items():
            for pos in positions:
                here = labels_in.get(sent_of[pos])
                if here is None:
                    labels_in[sent_of[pos]] = {label}
                else:
                    here.add(label)
        #: the relative-year cues present, in the order they were first met
        self.relyear_labels = [
            (label, int(label[8:])) for label in self.cues.starts if label.startswith("relyear:")
        ]
        self.years = [None] * n
        if n:
            for at in _year_starts(table.text):
                k = bisect.bisect_right(table.idx, at) - 1
                if k >= 0 and table.idx[k] + len(self.texts[k]) == at + 4:
                    year = self.years[k] = _year(self.texts[k])
                    if year is not None:  # in token order: matches run left to right
                        nxt = self.next_word(k + 1)
                        if nxt in self.cand_starts and self._at(self.prev_word(k)) == "after":
                            # "after 2009 'satisfactory'": the year is that grade's own,
                            # which the grade before 'after' does not take
                            self.after_year[nxt] = year
                            continue
                        self.year_pos.append(k)
                        self.year_val.append(year)

    def _spaced_hyphens(self) -> list[int]:
        """A hyphen typed for a dash (' - ', spaced on both sides) breaks a clause like '–':
        'found to have serious weaknesses - the less severe of Ofsted's two categories for
        inadequate schools - and was given a notice to improve'. A hyphen inside a word
        ('well-led') has no spaces and stays put."""
        table = self.table
        if " - " not in table.text:
            return []
        idx = table.idx
        out = []
        for m in _SPACED_HYPHEN.finditer(table.text):
            k = bisect.bisect_left(idx, m.start() + 1)
            if k < self.n and idx[k] == m.start() + 1:
                out.append(k)
        return out

    def _filter_since(self) -> None:
        """'since' is a previous-grade cue in 'since it was judged inadequate', 'since 2018',
        not in 'has since improved to requires improvement'."""
        starts = self.cues.starts.get("prev_local")
        if not starts:
            return
        keep = []
        for p in starts:
            if self.low[p] == "since":
                nxt = self.next_word(p + 1)
                word = self.low[nxt] if nxt < self.n else ""
                if word not in _SINCE_OPENERS and not self.texts[nxt][:4].isdigit():
                    continue
            keep.append(p)
        self.cues.starts["prev_local"] = keep

    # ---- small token helpers -------------------------------------------------

    def years_in(self, a: int, b: int) -> list[int]:
        """The years written in tokens [a, b), in order (a doc has few: bisect, not a scan)."""
        pos = self.year_pos
        return self.year_val[bisect.bisect_left(pos, a) : bisect.bisect_left(pos, b)]

    def _at(self, i: int) -> str:
        """The folded word at ``i``, or '' outside the doc (prev/next_word may run off it)."""
        return self.low[i] if 0 <= i < self.n else ""

    def _ws(self, i: int) -> bool:
        """Whether white space follows token ``i`` (``Token.whitespace_``, without the Token)."""
        idx = self.table.idx
        nxt = idx[i + 1] if i + 1 < self.n else len(self.table.text)
        return nxt > idx[i] + self.texts.lengths[i]

    def prev_word(self, i: int, skip_quotes: bool = True) -> int:
        """Index of the nearest non-space token before ``i`` (quotes skipped), or -1."""
        j = i - 1
        space, low = self.is_space, self.low
        while j >= 0 and (space[j] or (skip_quotes and low[j] in QUOTES)):
            j -= 1
        return j

    def next_word(self, i: int, skip_quotes: bool = True) -> int:
        """Index of the nearest non-space token from ``i`` on (quotes skipped), or n."""
        j = i
        n, space, low = self.n, self.is_space, self.low
        while j < n and (space[j] or (skip_quotes and low[j] in QUOTES)):
            j += 1
        return j

    def words_between(self, a: int, b: int) -> list[int]:
        space = self.is_space
        return [i for i in range(a, b) if not space[i]]

    def cs(self, i: int) -> int:
        return self.clause_start[self.clause_of[i]]

    def ce(self, i: int) -> int:
        return self.clause_end[self.clause_of[i]]

    def sent_start(self, i: int) -> int:
        return self.sent_bounds[self.sent_of[i]][0]

    def sent_end(self, i: int) -> int:
        return self.sent_bounds[self.sent_of[i]][1]

    def line_is_short(self, line: int) -> bool:
        a, b = self.line_bounds[line]
        return b - a <= MAX_LINE_TOKENS

    def _first_line_word(self, i: int, line: int) -> bool:
        """``self.line_words(line)[:1] == [i]``, read backwards from ``i`` (most words are
        not the first of their line, and the word before says so)."""
        a, b = self.line_bounds[line]
        if b - a > MAX_LINE_TOKENS:
            return False
        low, space = self.low, self.is_space
        if space[i] or low[i] in _NOT_LINE_WORDS:
            return False
        k = i - 1
        while k >= a:
            if not space[k] and low[k] not in _NOT_LINE_WORDS:
                return False
            k -= 1
        return True

    def line_words(self, line: int) -> list[int]:
        """The words of a line (nothing for a line too long to be a heading or table row)."""
        got = self._line_words.get(line)
        if got is not None:
            return got
        a, b = self.line_bounds[line]
        if b - a > MAX_LINE_TOKENS:
            got = []
        else:
            low, space = self.low, self.is_space
            got = [i for i in range(a, b) if not space[i] and low[i] not in _NOT_LINE_WORDS]
        self._line_words[line] = got
        return got

    # ---- the passes ----------------------------------------------------------

    def run(self) -> None:
        doc = self.doc
        cands = self.candidates()
        self.cand_ends = {c.end for c in cands}
        self.cand_starts = {c.start for c in cands}
        if cands:
            self._prepare()
            areas = self.areas()
        else:
            areas = []  # no grade word: nothing to read, whatever the doc's length
        self.area_starts = {a.start for a in areas}
        self.area_start_list = sorted(self.area_starts)
        self.area_at = {a.start: a for a in areas}
        self.area_ends = {a.end for a in areas}
        self.as_list_sents = set()
        self.cand_starts = {c.start for c in cands}
        for cand in cands:
            self.licence(cand, areas)
        self.coordinate(cands)
        self.drop_glosses(cands)
        self.drop_alternatives(cands)
        self.claim_areas(cands, areas)
        live = [c for c in cands if c.drop is None and c.licence is not None]
        self.live_starts = [c.start for c in live]
        self.live_ends = [c.end for c in live]
        for cand in live:
            self.assign_role(cand)
        self.check_needs_area(cands)
        self.report_cards(live)

        idx, lengths = self.table.idx, self.texts.lengths
        grade_spans: list[Span] = []
        grade_rows: list[list[Any]] = []
        for cand in cands:
            if cand.drop is not None or cand.licence is None or cand.role is None:
                continue
            grade_spans.append(Span(doc, cand.start, cand.end, label=cand.grade))
            grade_rows.append([
                idx[cand.start], idx[cand.end - 1] + lengths[cand.end - 1], cand.grade,
                cand.role, cand.explicit, cand.year, cand.years_ago, cand.category,
            ])
        area_spans: list[Span] = []
        area_rows: list[list[Any]] = []
        for area in areas:
            g = area.grade
            if g is None or g.role not in ("area", "dated", "overall") or g.drop is not None \
                    or g.licence is None:
                continue
            rc = self.c.scale_of.get(g.grade) == "report_card"
            for key in area.rc_keys if rc else area.keys:
                if key in ("overall", "previous"):
                    continue
                area_spans.append(Span(doc, area.start, area.end, label=key))
                area_rows.append([
                    idx[area.start], idx[area.end - 1] + lengths[area.end - 1], key,
                    idx[g.start], idx[g.end - 1] + lengths[g.end - 1],
                ])
        doc.spans["grades"] = grade_spans
        doc.spans["areas"] = area_spans
        doc.user_data[GRADES_KEY] = grade_rows
        doc.user_data[AREAS_KEY] = area_rows
        categories: list[Span] = []
        for label, starts in self.cues.starts.items():
            if label.startswith("category:"):
                for s in starts:
                    before = " ".join(self.low[max(0, s - 3) : s])
                    if _LEAVING.search(before):
                        continue
                    categories.append(Span(doc, s, self.cues.end(label, s), label=label[9:]))
        doc.spans["grade_categories"] = sorted(categories, key=lambda sp: sp.start)

    def _promo_ranges(self) -> list[tuple[int, int]]:
        """Character ranges of inline promotion lines ('SEE ALSO: ...')."""
        return promo_ranges(self.table, self.c.promo)

    def candidates(self) -> list[_Cand]:
        found = self.grade_matches
        # longest match wins; among equals, the stronger kind
        found.sort(key=lambda m: (m[0], -(m[1] - m[0]), _RANK[m[2]]))
        out: list[_Cand] = []
        last_end = -1
        scale_cue, cue_starts = self.c.scale_cue, self.cues.starts
        for start, end, kind, grade, category in found:
            if start < last_end:
                continue
            cue = scale_cue.get(grade)  # a grade of a scale needs a cue of its scale
            if cue is not None and not cue_starts.get(cue):
                continue
            out.append(_Cand(start, end, grade, kind, category=category))
            last_end = end
        return out

    def areas(self) -> list[_Area]:
        texts, low, n = self.texts, self.low, self.n
        found = self.area_matches
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[_Area] = []
        last_end = -1
        for start, end, idx in found:
            if start < last_end:
                continue
            keys, rc = self.c.area_specs[idx]
            # (a name head is ASCII: its lower case is the folded word, a cheap first test)
            if end < n and (low[end] in self.c.area_name_heads_low
                            and texts[end] in self.c.area_name_heads
                            or low[end] in self.c.area_descriptors):
                # 'Holbeck Sixth Form College', 'Ashfield Fostering Ltd', 'an independent
                # fostering agency': a name or a kind of provider, not an area
                continue
            if end + 1 < n and low[end] == "of" and texts[end + 1].istitle() \
                    and low[end + 1] not in ("the",):
                continue  # 'the leadership of Farley Council': its people, not an area
            if self._in_name(start) and not set(keys) & self.c.named_areas:
                continue  # 'Cradle & Kin Adoption has been judged outstanding'
            if self._owned_service(start, end, keys):
                continue  # 'Pelham Council's fostering service has been rated good'
            if idx in self.c.guarded_ids and not self._guarded_ok(start, end, out):
                continue  # 'pupils learn about staying safe online': not a judgement area
            if idx in self.c.graded_next_ids and not self._graded_next(end):
                continue  # 'behaviour has improved': comment, not a judgement area
            if idx in self.c.school_sixth_form_ids and self._school_sixth_form(start):
                keys = rc = ("sixth_form",)
            out.append(_Area(start, end, keys, rc, idx in self.c.attributive_ids))
            last_end = end
        return out

    def _school_sixth_form(self, start: int) -> bool:
        """Whether the sentence of study programmes at ``start`` speaks of a school ('outcomes
        for pupils and the 16 to 19 study programmes'), not of a college or other provider:
        a school's 16 to 19 study programmes are its sixth form. (The phrase is rare: its
        sentence is read only when it is found.)"""
        lo, hi = self.sent_bounds[self.sent_of[start]]
        words = set(self.low[lo:hi])
        return bool(words & self.c.school_words) and not words & self.c.fe_words

    def _guarded_ok(self, start: int, end: int, found: list[_Area]) -> bool:
        """Whether a guarded area ('staying safe') at ``start:end`` is a judgement area: it
        opens a short line (a table row), follows a grade word and 'in'/'for' ('outstanding in
        staying safe'), or follows an area just before it and 'and' or a comma, with or
        without a repeated 'in'/'for' ('... for enjoying and achieving and for making a
        positive contribution')."""
        line = self.line_of[start]
        if self._first_line_word(start, line) and len(self.line_words(line)) <= end - start + 5:
            # a table row or heading ('Staying safe: Outstanding (grade 1)'), not a paragraph
            return True
        p = self.prev_word(start)
        if p >= 0 and self.low[p] in ("in", "for"):
            p = self.prev_word(p)
            if p >= 0 and p + 1 in self.cand_ends:
                return True
        if p < 0 or self.low[p] not in ("and", ",") or not found:
            return False
        q = self.prev_word(p)
        return q >= 0 and found[-1].end == q + 1

    def _graded_next(self, end: int) -> bool:
        """Whether a grade word stands straight after the everyday area word that ends at
        ``end``, quote marks aside: 'Ofsted finds behaviour 'inadequate' at ...'."""
        return self.next_word(end) in self.cand_starts

    def _in_name(self, start: int) -> bool:
        """A capitalised area word after a capitalised word inside a sentence is part of a
        provider's name ('Northmoor Apprenticeships', 'Cradle & Kin Adoption')."""
        # the first character of the word, read from the text (a token is never empty)
        if start == 0 or not self.table.text[self.table.idx[start]].isupper():
            return False
        j = start - 1
        if self.low[j] in ("&", "and") and j > 0:
            j -= 1
        prev = self.texts[j]
        if self.is_space[j] or not prev[:1].isupper() or not prev.isalpha() or prev.isupper():
            return False
        if self.sent_of[j] != self.sent_of[start] or self.low[j] in _NOT_NAME_WORDS:
            return False
        return j > self.sent_start(start) or self.low[j] not in _SENTENCE_OPENERS

    def _owned_service(self, start: int, end: int, keys: tuple[str, ...]) -> bool:
        """'Pelham Borough Council's fostering service': the service as a body of its own."""
        if not set(keys) & self.c.owned_keys or start < 2:
            return False
        if self.low[start - 1] not in ("'s", "'"):
            return False
        owner = self.texts[start - 2]
        if not owner[:1].isupper():
            return False
        nouns = self.c.owned_nouns
        return self.low[end - 1] in nouns or (end < self.n and self.low[end] in nouns)

    # ---- licence ---------------------------------------------------------------

    def licence(self, cand: _Cand, areas: list[_Area]) -> None:
        """Decide whether the word is used as a grade at all (``cand.licence``) or is a trap."""
        s, e = cand.start, cand.end
        low = self.low
        p_raw = self.prev_word(s, skip_quotes=False)
        nx_raw = self.next_word(e, skip_quotes=False)
        p_quote = p_raw >= 0 and low[p_raw] in QUOTES
        nx_quote = nx_raw < self.n and low[nx_raw] in QUOTES
        quoted = p_quote and nx_quote
        # the words next to it, quote marks skipped: the raw ones unless they are quotes
        p = self.prev_word(p_raw) if p_quote else p_raw
        nx = self.next_word(nx_raw + 1) if nx_quote else nx_raw
        nxt = low[nx] if nx < self.n else ""
        prv = low[p] if p >= 0 else ""
        if cand.kind == "category":
            self._category_licence(cand, p, nx)
            return
        if cand.kind == "paraphrase":
            if self.negated(cand):
                cand.drop = "negated"
            elif quoted:
                cand.licence = "quoted"
            elif self._verb_before(s, areas):
                cand.licence = "verb"
            elif self._copula_before(s, areas):
                cand.licence = "copula"
            return

        # traps that no licence overrides
        if cand.kind != "strong":
            if prv in self.c.intensifiers and not (prv == "as" and nxt != "as"):
                cand.drop = "intensifier"
                return
            if prv.endswith("ly") and prv not in self.c.adverbs_ok and len(prv) > 3:
                cand.drop = "adverb"
                return
            if nxt == "as" and prv == "as":
                cand.drop = "comparison"
                return
            if nx < self.n and nx == e and nxt in {"-", "–"} and not self._ws(e - 1):
                cand.drop = "compound"
                return
        if self.negated(cand):
            cand.drop = "negated"
            return
        if cand.kind == "weak" and nxt in self.c.subject_use and not self._copula_next_to(p) \
                and not self.cues.has("licence", max(0, s - 2), s):
            cand.drop = "subject-use"  # 'Outstanding does not happen by accident'
            return

        attributive_area = self.area_at.get(nx)
        if attributive_area is not None and not attributive_area.attributive:
            attributive_area = None
        follows_noun = (
            nx < self.n
            and nxt.isalpha()
            and self.texts[nx].islower()
            and nxt not in self.c.follow_ok
            and nxt not in self.c.grade_nouns
            and attributive_area is None
        )
        if cand.kind != "strong" and not quoted:
            if follows_noun and nxt in self.c.service_nouns and self._area_receives(p):
                cand.licence = "area-service"
                return
            if follows_noun and nxt in self.c.subjects and self._marked_body_grade(cand, p):
                cand.licence = "marked"
                return
            if follows_noun:
                cand.drop = "attributive"
                return
            if nxt == "to" and not self._to_ok(nx):
                cand.drop = "to-infinitive"
                return
            after_at = self.next_word(nx + 1) if nxt == "at" else self.n
            if nxt == "at" and (after_at >= self.n or (
                low[after_at] not in {"its", "the", "a", "their", "her", "his", "this", "that"}
                and not self.texts[after_at][:1].isupper()  # 'good at Tansley School'
            )):
                cand.drop = "good-at"
                return

        if cand.kind == "strong":
            cand.licence = "strong"
        elif quoted:
            cand.licence = "quoted"
        elif nxt in self.c.grade_nouns:
            cand.licence = "grade-noun"
        elif attributive_area is not None:
            cand.licence = "attributive-area"
        elif nxt == "overall":
            cand.licence = "overall"
        elif self._noun_before(s):
            cand.licence = "grade-noun-before"
        elif prv in ("from",) or self._to_change(s):
            cand.licence = "change"
        elif prv == "previously" or (p >= 0 and self._at(self.prev_word(p)) == "previously"):
            cand.licence = "previously"
        elif self._verb_before(s, areas):
            cand.licence = "verb"
        elif self._copula_before(s, areas):
            cand.licence = "copula"
        elif cand.kind == "predicate" and self._subject_before(s, areas):
            cand.licence = "subject"
        elif prv == "as" and p in self.area_ends and self.sent_of[s] in self.as_list_sents:
            # 'rated A as good, B as good, and C as good': the verb may be far back
            cand.licence = "as-list"
        elif self._short_line(cand):
            cand.licence = "heading"
        if cand.licence is not None and prv == "as" and p in self.area_ends:
            self.as_list_sents.add(self.sent_of[s])

    def _marked_body_grade(self, cand: _Cand, p: int) -> bool:
        """'St Ann's is now officially a GOOD school!', 'officially an outstanding nursery':
        'a good school' is everyday praise unless the writer marks the word as the grade,
        by capitals in a sentence in lower case or by 'officially'."""
        if p < 0 or self.low[p] not in ("a", "an"):
            return False
        if self._at(self.prev_word(p)) == "officially" or self._judged_a_body(p):
            return True
        word = self.texts[cand.start]
        if cand.end - cand.start != 1 or len(word) < 4 or not word.isupper():
            return False
        # the words around it in lower case: emphasis, not a headline in capitals
        nxt = self.next_word(cand.end)
        return not self.texts[p].isupper() and nxt < self.n and self.texts[nxt].islower()

    def _judged_a_body(self, p: int) -> bool:
        """'our school has been judged to be a good school', 'Ofsted rated us an outstanding
        nursery': a judgement verb ('judged (to be | as)', with an optional 'it' or 'us')
        before the 'a' at ``p`` makes 'a good school' the grade a letter or newsletter
        announces, not praise ('a good school for families')."""
        q = self.prev_word(p)
        linked = True
        if q >= 0 and self.low[q] == "as":
            q = self.prev_word(q)
        elif q >= 0 and self.low[q] == "be" and self._at(self.prev_word(q)) == "to":
            q = self.prev_word(self.prev_word(q))
        else:
            linked = False
        if q >= 0 and self.low[q] in ("it", "us"):
            q = self.prev_word(q)
        if q < 0:
            return False
        verb = self.low[q]
        return verb in self.c.judged_body_verbs or linked and verb in self.c.judged_linked_verbs

    def _category_licence(self, cand: _Cand, p: int, nx: int) -> None:
        """'placed in special measures', 'judged to have serious weaknesses' are inadequate
        grades; 'taken out of special measures' is the grade before; 'serious weaknesses in
        its safeguarding' describes faults."""
        low = self.low
        s = cand.start
        if self.negated(cand):
            cand.drop = "negated"
            return
        lo = max(self.sent_start(s), s - 4)
        if self.cues.has("leaving", lo, s):
            cand.licence = "category-left"
            return
        if p < 0 or low[p] not in self.c.category_before:
            return
        nxt = low[nx] if nx < self.n else ""
        to_have = low[p] == "have" and self._at(self.prev_word(p)) == "to"  # 'judged to have'
        if cand.category == "serious_weaknesses" and nxt in self.c.category_descriptive \
                and not to_have and not any(
            low[k] in self.c.category_judged for k in range(max(lo, s - 6), s)
        ):
            return  # 'found serious weaknesses in how leaders check on pupils'
        cand.licence = "category"

    def coordinate(self, cands: list[_Cand]) -> None:
        """'rated outstanding in three areas (...) and good for care leavers': the second grade
        shares the first one's verb."""
        last_licensed: _Cand | None = None
        for cand in cands:
            if cand.drop is not None:
                continue
            if cand.licence is None and last_licensed is not None:
                p = self.prev_word(cand.start)
                if (p >= 0 and self.low[p] in ("and", "but", ",")
                        and self.sent_of[last_licensed.start] == self.sent_of[cand.start]):
                    cand.licence = "coordinated"
            if cand.licence is not None:
                last_licensed = cand

    def _labels_near(self, cand: _Cand) -> Container[str]:
        """The cue labels a rule may find around ``cand`` in its sentence: those of the
        sentence, or all the doc's if the grade phrase runs over a sentence start."""
        sent = self.sent_of[cand.start]
        if self.sent_of[cand.end - 1] != sent:
            return self.cues.starts
        return self.labels_in.get(sent, _NO_LABELS)

    def negated(self, cand: _Cand) -> bool:
        s = cand.start
        if "negation" not in self.labels_in.get(self.sent_of[s], _NO_LABELS):
            return False  # no negation in the sentence
        lo = max(self.cs(s), s - 6)
        hit = self.cues.last("negation", lo, s)
        while hit is not None:
            word = self.low[hit]
            after = self._at(self.next_word(hit + 1))
            if not (word == "no" and after in {"longer", "change", "changes"}) and not (
                word == "not" and after in {"only", "just"}
            ):
                return True
            hit = self.cues.last("negation", lo, hit)
        return False

    def _area_receives(self, p: int) -> bool:
        """'children who need help and protection received an inadequate service': the word
        ``p`` before the grade is an article after a receiving verb (or 'are given') that
        follows an area straight on. The area then takes the grade (see
        :meth:`_backward_grade`)."""
        if p < 0 or self.low[p] not in ("a", "an"):
            return False
        v = self.prev_word(p)
        if v < 0 or self.low[v] not in self.c.service_verbs:
            return False
        a = self.prev_word(v)
        if a >= 0 and self.low[a] in self.c.copulas:
            a = self.prev_word(a)  # 'care leavers are given a good service'
        return a >= 0 and a + 1 in self.area_ends

    def _copula_next_to(self, p: int) -> bool:
        """Whether the word at ``p`` (the one before a grade) is a copula, or an allowed
        adverb right after one: 'a school that was merely satisfactory is celebrating'
        has the grade as its predicate, not as the subject of 'is'."""
        if p >= 0 and self.low[p] in self.c.adverbs_ok:
            p = self.prev_word(p)
        return p >= 0 and self.low[p] in self.c.copulas

    def _to_ok(self, to: int) -> bool:
        """'good to' is a grade only before an area ("gave a good to children in care") or
        another grade ("dropped from good to RI")."""
        j = self.next_word(to + 1)
        if j < self.n and j in self.cand_starts:
            return True
        for _ in range(4):
            if j >= self.n:
                return False
            if self.low[j] in {"the", "its", "their", "her", "his", "all", "every", "each"}:
                j = self.next_word(j + 1)
                continue
            break
        return j < self.n and self._area_starts_at(j)

    def _area_starts_at(self, i: int) -> bool:
        return i in self.area_starts

    def _noun_before(self, s: int) -> bool:
        """'a rating of outstanding', 'the top grade, Outstanding', 'verdict: inadequate'."""
        j = self.prev_word(s)
        steps = 0
        while j >= 0 and steps < 3 and self.low[j] in {"of", ",", ":", "-", "–", "as"}:
            j = self.prev_word(j)
            steps += 1
        return steps > 0 and j >= 0 and self.low[j] in self.c.grade_nouns

    def _to_change(self, s: int) -> bool:
        """'climbed to good', 'dropped from good to RI', 'slips to RI'."""
        j = self.prev_word(s)
        if j < 0 or self.low[j] not in ("to", "into"):
            return False
        lo = max(self.sent_start(s), j - 8)
        for k in range(j - 1, lo - 1, -1):
            if self.low[k] in self.c.movement or self.low[k] == "from":
                return True
        return False

    def _verb_before(self, s: int, areas: list[_Area]) -> bool:
        """A judgement verb earlier in the sentence, with no full stop of a clause between.

        'Inspectors found the atmosphere was good': when a copula stands between verb and
        grade, its subject must be gradeable too.
        """
        lo = max(self.sent_start(s), s - 25)
        hit = self.cues.last("licence", lo, s)
        if hit is None:
            return False
        copula = None
        low, copulas = self.low, self.c.copulas
        for k in range(self.cues.end("licence", hit), s):
            word = low[k]
            if word == ";":
                return False
            if word in copulas and word not in ("be", "been", "being", "'s"):
                copula = k
        if copula is not None:
            return self._copula_subject(copula, areas)
        return True

    def _copula_before(self, s: int, areas: list[_Area]) -> bool:
        """'services are now outstanding': a copula just before, after something gradeable."""
        j = self.prev_word(s)
        steps = 0
        while j >= 0 and steps < 3 and self.low[j] in {"now", "also", "still", "both", "all",
                                                        "only", "merely", "again", "currently",
                                                        "rated", "each", "overall", "no",
                                                        "longer"}:
            j = self.prev_word(j)
            steps += 1
        if j < 0 or self.low[j] not in self.c.copulas:
            return False
        return self._copula_subject(j, areas)

    def _copula_subject(self, j: int, areas: list[_Area]) -> bool:
        """Whether the subject of the copula at ``j`` is something Ofsted grades.

        The subject is the word just before the copula ('services are', 'which remains',
        'Silverdyke are'), or the head before a 'for'/'of' phrase ('services for vulnerable
        children are'); not any word of the clause ('the council said the news was good').
        """
        if self.low[j] == "be" and self._at(self.prev_word(j)) == "to":
            j = self.prev_word(j)  # 'judged the school to be good'
        k = self.prev_word(j)
        while k >= 0 and self.low[k] in {"now", "also", "still", "both", "all", "each", "'s",
                                          "'", "together", "overall"}:
            k = self.prev_word(k)
        if k < 0 or self.sent_of[k] != self.sent_of[j]:
            return False
        if self.low[k] == ",":
            # 'Tanbury Skills Ltd, which trains apprentices, is now inadequate': the subject
            # stands before the parenthesis
            lo = max(self.sent_start(k), k - 16)
            p = k - 1
            while p > lo and self.low[p] != ",":
                p -= 1
            if p > lo and self.low[p] == "," and \
                    self._at(self.next_word(p + 1)) in _PARENTHESIS_OPENERS:
                k = self.prev_word(p)
                if k < 0:
                    return False
        if self._gradeable_word(k, areas):
            return True
        # 'services for children in the borough are now good'
        lo = max(self.sent_start(k), k - 7)
        for f in range(k - 1, lo - 1, -1):
            if self.low[f] in ("for", "of", "to", "in"):
                h = self.prev_word(f)
                if h >= 0 and self.low[h] in ("'s", "'"):
                    h = self.prev_word(h)
                if h >= lo and self.low[h] in self.c.subjects:
                    return True
        return False

    def _gradeable_word(self, k: int, areas: list[_Area]) -> bool:
        word = self.low[k]
        if word in self.c.subjects or word in ("which", "them"):
            return True
        if k > self.sent_start(k) and self.texts[k].istitle() and word not in ("ofsted", "i"):
            return True
        return any(a.start <= k < a.end for a in areas)

    def _subject_before(self, s: int, areas: list[_Area]) -> bool:
        lo = max(self.cs(s), s - 15)
        sent_lo = self.sent_start(s)
        low, subjects, texts = self.low, self.c.subjects, self.texts
        # a relative clause opens its own clause: "Tamsford Borough Council, which remains good"
        for k in range(lo, s):
            word = low[k]
            if word in subjects or word == "which":
                return True
            if k > sent_lo and texts[k].istitle() and word not in ("ofsted", "inspectors", "i"):
                return True
        i = bisect.bisect_left(self.area_start_list, lo)
        return i < len(self.area_start_list) and self.area_start_list[i] < s

    def _short_line(self, cand: _Cand) -> bool:
        """A heading row: 'Wraxby: inadequate', 'Good (previously Requires improvement)'."""
        line = self.line_of[cand.start]
        words = self.line_words(line)
        if not words or sum(1 for i in words if self.low[i][:1].isalnum()) > 10:
            return False
        before = [i for i in words if i < cand.start]
        after = [i for i in words if i >= cand.end and self.low[i] not in (".", "!", "?")]
        if after and self.low[after[0]] != "(":
            return False
        if not before:
            return True
        return self.low[before[-1]] in {":", "–", "-", "—"} and self.texts[before[0]].istitle()

    # ---- lists and glosses -----------------------------------------------------

    def drop_glosses(self, cands: list[_Cand]) -> None:
        """'RI (requires improvement to be good)': the bracketed gloss is not a second grade."""
        for a, b in zip(cands, cands[1:], strict=False):
            if b.grade == a.grade and b.start - a.end <= 3 and "(" in self.low[a.end : b.start]:
                b.drop = "gloss"
        # 'an outstanding verdict, the highest grade it can award', 'the top rating of
        # outstanding': a paraphrase next to the grade it describes only glosses it
        for i, cand in enumerate(cands):
            if cand.kind != "paraphrase" or cand.drop is not None:
                continue
            if self._names_grade(cand, cands[i + 1 : i + 2]):
                cand.drop = "gloss"
                continue
            for other in cands[max(0, i - 2) : i] + cands[i + 1 : i + 3]:
                if (other.kind != "paraphrase" and other.grade == cand.grade
                        and other.drop is None
                        and self.sent_of[other.start] == self.sent_of[cand.start]
                        and abs(other.start - cand.start) <= 12):
                    cand.drop = "gloss"
                    break

    def _names_grade(self, cand: _Cand, following: list[_Cand]) -> bool:
        """'kept the top grade of performs excellently': the paraphrase is followed by 'of'
        and the grade it stands for, named outright. The named grade wins, whatever its
        scale: the top of the 2009-2012 council assessment is not 'outstanding'."""
        if not following:
            return False
        other = following[0]
        of = self.next_word(cand.end)
        return (
            other.kind != "paraphrase" and other.drop is None
            and of < self.n and self.low[of] == "of"
            and self.next_word(of + 1) == other.start
        )

    def drop_alternatives(self, cands: list[_Cand]) -> None:
        """'good or outstanding', 'outstanding, good, requires improvement or inadequate',
        'from urgent improvement through needs attention ... to exceptional': a chain of
        grades joined by 'or', or of three or more grades, is the scale, not a grade."""
        live = [c for c in cands if c.drop is None]
        joiners = {",", "and", "or", "–", "/", "to", "through", "then", "-"}
        chain: list[_Cand] = []
        has_or = False

        def close() -> None:
            if len(chain) >= 3 or (len(chain) == 2 and has_or):
                for cand in chain:
                    cand.drop = "alternatives"

        low, sent_of = self.low, self.sent_of
        for cand in live:
            if chain:
                prev = chain[-1]
                if sent_of[prev.start] == sent_of[cand.start]:  # else neither link holds
                    between = (
                        [low[i] for i in self.words_between(prev.end, cand.start)]
                        if cand.start - prev.end <= 30 else ["…"]
                    )
                    linked = len(between) <= 2 and all(
                        w in joiners or w in QUOTES for w in between
                    )
                    loose_or = cand.start - prev.end <= 12 and "or" in between
                    if linked or loose_or:
                        chain.append(cand)
                        has_or = has_or or "or" in between
                        continue
                close()
            chain = [cand]
            has_or = False
        close()
        n = self.n
        for cand in live:
            nx = self.next_word(cand.end)
            if nx + 1 < n and low[nx] == "or":
                tail = self.next_word(nx + 1)
                if tail < n and low[tail] in self.c.or_tails:
                    cand.drop = "band"

    # ---- areas -----------------------------------------------------------------

    def claim_areas(self, cands: list[_Cand], areas: list[_Area]) -> None:
        """Attach each run of areas to the grade it shares a sentence (or table row) with."""
        live = [c for c in cands if c.drop is None and c.kind != "category"]
        starts = [c.start for c in live]
        runs = self._runs(areas, live)
        forward: _Cand | None = None  # the grade the last run took from before it
        for run in runs:
            first, last = run[0], run[-1]
            grade = self._forward_grade(first, live, starts)
            if grade is None and forward is not None:
                grade = self._repeated_connector(first, forward, starts)
            if grade is not None:
                forward = grade
            else:
                forward = None
                grade = self._list_lead_in(first, live, starts)
            if grade is None:
                grade = self._backward_grade(last, live, starts)
            if grade is None:
                continue
            for area in run:
                area.grade = grade
                grade.areas.append(area)

    def _repeated_connector(self, area: _Area, grade: _Cand, starts: list[int]) -> _Cand | None:
        """'graded outstanding for safeguarding children and for leadership and
        management': 'and for' hands the same grade on to the next area, when no other
        grade stands between."""
        if self.sent_of[grade.start] != self.sent_of[area.start]:
            return None
        i = bisect.bisect_left(starts, grade.end)
        if i < len(starts) and starts[i] < area.start:
            return None
        p = self.prev_word(area.start)
        while p >= 0 and self.low[p] in ("the", "its", "their", "her", "his"):
            p = self.prev_word(p)
        if p < 0 or self._connector_end(p) is None:
            return None
        q = self.prev_word(p)
        return grade if q >= 0 and self.low[q] in ("and", ",") else None

    def _connector_end(self, g: int) -> int | None:
        """End of the connector at ``g`` ('for', 'in', 'as were', 'the same of'), or None.
        One-word connectors are common words, checked here rather than matched in every
        sentence of the doc."""
        if self.cues.has("connector", g, g + 1):
            return self.cues.end("connector", g)
        return g + 1 if self.low[g] in self.c.connector_words else None

    def _runs(self, areas: list[_Area], live: list[_Cand]) -> list[list[_Area]]:
        grade_tokens: set[int] = set()
        for c in live:
            grade_tokens.update(range(c.start, c.end))
        runs: list[list[_Area]] = []
        for area in areas:
            if runs:
                prev = runs[-1][-1]
                if self.sent_of[prev.start] == self.sent_of[area.start]:
                    gap = self.words_between(prev.end, min(area.start, prev.end + 20))
                    if (
                        len(gap) <= 4
                        and all(self.low[i] in self.c.glue for i in gap)
                        and not any(i in grade_tokens for i in gap)
                    ) or self._list_item_gap(gap, grade_tokens) or self._semicolon_item(
                        runs[-1][0], gap, area
                    ):
                        runs[-1].append(area)
                        continue
            runs.append([area])
        return runs

    def _semicolon_item(self, first: _Area, gap: list[int], area: _Area) -> bool:
        """Whether ``area`` is the next item of a list opened by a colon whose items are
        split by semicolons, as items with commas of their own are: 'good in every area:
        the effectiveness of leadership and management; the quality of teaching, learning
        and assessment; personal development, behaviour and welfare; and outcomes for
        pupils'. The colon must stand right before the run's first area, and the new item
        must hold nothing but area names up to the next semicolon or the sentence end, so
        'leadership and management; outcomes for pupils were judged to require improvement'
        does not hand one area's grade to a clause of its own."""
        low = self.low
        if not gap or low[gap[0]] != ";" or len(gap) > 4:
            return False
        if any(low[i] not in self.c.glue for i in gap[1:]):
            return False
        p = self.prev_word(first.start)
        while p >= 0 and low[p] in _DETERMINERS:
            p = self.prev_word(p)
        if p < 0 or low[p] != ":":
            return False
        end = self.sent_end(area.start)
        k = self.next_word(area.end)
        while k < end and low[k] != ";":
            found = self.area_at.get(k)
            if found is not None:
                k = self.next_word(found.end)
            elif low[k] in _ITEM_GLUE or self.is_space[k]:
                k = self.next_word(k + 1)
            else:
                return False
        return True

    def _list_item_gap(self, gap: list[int], grade_tokens: set[int]) -> bool:
        """Whether the words between two areas open the next item of a list: 'The impact
        of leaders on social work practice, the experiences of children who need help and
        protection, and ... were all judged good'. The next item starts after a comma with
        a few words of its own, and no verb, grade or blocker stands between."""
        if not gap or len(gap) > 8 or self.low[gap[0]] != ",":
            return False
        c = self.c
        return not self._blocked(gap) and not any(
            i in grade_tokens or (self.low[i] in c.copulas and not self._possessive(i))
            or self.low[i] in c.licence_words
            or self.low[i] in (";", ":", "which", "who", "that", "but", "while", "whereas")
            for i in gap[1:]
        )

    def _forward_grade(self, area: _Area, live: list[_Cand], starts: list[int]) -> _Cand | None:
        """'outstanding for adoption', 'good, as were ...', 'in three of the four areas (...)'."""
        i = bisect.bisect_left(starts, area.start) - 1
        if i < 0:
            return None
        grade = live[i]
        if self.sent_of[grade.start] != self.sent_of[area.start]:
            return None
        if area.start - grade.end > 4 * WINDOW:
            return None
        gap = self.words_between(grade.end, area.start)
        if len(gap) > 12 and (len(gap) > 18 or not self._every_area(gap)):
            return None  # 'in all three areas of the inspection, including ...' is longer
        lead = {",", "–", "—", "-", "and", "overall", "across", "the", "board", "grades", "grade",
                "ratings", "rating", "judgements", "were", "was", "given", "awarded", "said",
                "gave", "'", '"'}  # 'gave': 'and gave the same grade for ...'
        if not gap:
            return grade if area.attributive else None  # 'good capacity for improvement'
        k = 0
        while k < len(gap) and self.low[gap[k]] in lead and self._connector_end(gap[k]) is None:
            k += 1
        if k == 0 and len(gap) > 1 and self.low[gap[0]] in self.c.subjects \
                and self._every_area(gap[1:]):
            # 'a GOOD school in every area: quality of education, ...': the grade of the
            # body (licensed as such) is given to each area listed; without 'every area'
            # the noun ends the grade's reach ('a good school for learning and ...')
            k = 1
        end = self._connector_end(gap[k]) if k < len(gap) else None
        if end is None:
            return None
        fill = {"the", "its", "their", "her", "his", "a", "all", "every", "each", "three", "two",
                "four", "five", "six", "of", "judgement", "judgment", "areas", "area", "(", ":",
                "key", "main", "other", "remaining", "both", "most", "several", "many", "-",
                "–", "'", '"'}
        rest = [g for g in gap if g >= end]
        most = 7
        if self._every_area(rest):
            most = 10
            # 'outstanding in every area, including quality of education, ...', 'in all three
            # areas of the inspection, including the effectiveness of her leadership ...'
            skip = self.c.every_area_words
            rest = [g for g in rest if self.low[g] not in (",", "including", "namely")
                    and self.low[g] not in skip]
        possessed = {g for g in rest if g + 1 < self.n and self.low[g + 1] in ("'s", "'")}
        if len(rest) > most or any(
            self.low[g] not in fill and g not in possessed and self.low[g] not in ("'s", "'")
            for g in rest
        ):
            return None
        return grade

    def _every_area(self, gap: list[int]) -> bool:
        """Whether ``gap`` says 'every area' ('in all areas', 'in each of the judgements'):
        the grade then is the overall one as well as that of each area listed after it."""
        # a count may stand between: 'in all three areas', 'each of the four judgements'
        words = [self.low[g] for g in gap if self.low[g] not in ("of", "the", "its", "their")
                 and self.low[g] not in _NUM_WORDS]
        return any(
            a in _EVERY and b in _AREA_NOUNS for a, b in zip(words, words[1:], strict=False)
        )

    def _list_lead_in(self, area: _Area, live: list[_Cand], starts: list[int]) -> _Cand | None:
        """'graded the nursery Outstanding for:' followed by a bulleted list of areas."""
        line = self.line_of[area.start]
        if not self._first_line_word(area.start, line) or not self._area_item_line(area, line):
            return None
        back = line - 1
        while back >= max(0, line - 15):  # a list of areas is short
            prev_words = self.line_words(back)
            if not prev_words:
                back -= 1
                continue
            if self.low[prev_words[-1]] == ":":
                i = bisect.bisect_left(starts, self.line_bounds[back][1]) - 1
                if i < 0 or self.line_of[live[i].start] != back:
                    return None
                grade = live[i]
                gap = [g for g in self.words_between(grade.end, prev_words[-1])]
                if len(gap) <= 2 and all(self._connector_end(g) is not None or
                                         self.low[g] in QUOTES for g in gap):
                    return grade
                return None
            # an earlier item of the same list: it must be an area line
            if prev_words[0] not in self.area_starts:
                return None
            back -= 1
        return None

    def _area_item_line(self, area: _Area, line: int) -> bool:
        """Whether the line from ``area`` on holds only area names, as an item of a list
        does ('- Outcomes for pupils', 'Leadership and management;'). A line that goes on
        into a sentence of its own ('Personal development ... was judged to be outstanding')
        is a paragraph after the list, graded by its own words."""
        words = self.line_words(line)
        k = bisect.bisect_left(words, area.start)
        while k < len(words):
            w = words[k]
            found = self.area_at.get(w)
            if found is not None:
                k = bisect.bisect_left(words, found.end, k)
            elif self.low[w] in _ITEM_GLUE:
                k += 1
            else:
                return False
        return True

    def _backward_grade(self, area: _Area, live: list[_Cand], starts: list[int]) -> _Cand | None:
        """The grade after the area: 'leadership was judged inadequate', 'Quality of education:
        Good'."""
        i = bisect.bisect_left(starts, area.end)
        two = self._two_column_row(area, live, i)
        if two is not None:
            return two
        relative: bool | None = None  # whether the area's clause is a relative one, when asked
        options: list[_Cand] = []
        while i < len(live):
            grade = live[i]
            if not options and self._leader_row(area, grade):
                grade.licence = grade.licence or "table"
                return grade
            same_sentence = self.sent_of[grade.start] == self.sent_of[area.start]
            if not same_sentence:
                if not options and self._next_line_pair(area, grade):
                    grade.licence = grade.licence or "table"
                    return grade
                break
            if grade.start - area.end > 4 * WINDOW:
                break
            gap = self.words_between(area.end, grade.start)
            if len(gap) > 20 or self._blocked(gap):
                break
            if self._kicker_area(gap):
                break
            if self.clause_of[grade.start] != self.clause_of[area.start]:
                if relative is None:
                    relative = self._relative_clause(area.start)
                if relative:
                    break  # 'X Ltd, which delivers apprenticeships, has been judged inadequate'
            if not options and grade.licence is None and grade.drop is None and (
                all(self.low[g] in {":", "–", "-", "—", "|", ","} or self.low[g] in QUOTES
                    for g in gap)
            ):
                grade.licence = "table"
            elif not options and grade.licence is None and grade.drop is None and (
                grade.kind == "predicate" or self._at(self._skip_copula_adverbs(
                    self.prev_word(grade.start))) in self.c.copulas
            ):
                # 'leadership, however, requires improvement'; 'the previous grade, awarded
                # in 2020, was good'; 'Outcomes for the families who use the centre were
                # also good'
                grade.licence = "area-subject"

            if grade.licence is not None:
                options.append(grade)
            i += 1
            if len(options) >= 2:
                break
        if not options:
            return None
        # 'Leadership, judged inadequate in 2019, is now good': skip a grade of the past
        for grade in options:
            if not self._looks_previous(grade):
                return grade
        return options[0]

    def _leader_row(self, area: _Area, grade: _Cand) -> bool:
        """A table row with a dotted leader: 'Early years ............ Exceptional'. The
        area opens a short line, the grade ends it, and only the leader stands between.
        (A lone '.' of the leader may end the sentence, so this row is read by its line.)"""
        line = self.line_of[area.start]
        if self.line_of[grade.end - 1] != line or grade.start - area.end > WINDOW:
            return False
        gap = self.words_between(area.end, grade.start)
        low = self.low
        # a real leader: some piece of it at least three characters long
        if not any(len(low[g]) >= 3 and set(low[g]) <= _LEADER_CHARS for g in gap):
            return False
        if not all(set(low[g]) <= _LEADER_CHARS or low[g] in {":", "|"} for g in gap):
            return False
        words = self.line_words(line)
        return bool(words) and words[0] == area.start and words[-1] == grade.end - 1

    def _kicker_area(self, gap: list[int]) -> bool:
        """Whether the area is the topic before a colon and a clause with a subject of its
        own, a body and a copula ('Adoption and fostering: Ofsted says the county's
        children's services are good'): the grade is the body's, the area a headline's
        kicker. 'Leadership: inspectors said it was good' and 'Quality of education: Good'
        keep the area's grade."""
        low = self.low
        if ":" not in (low[g] for g in gap):
            return False
        colon = next(g for g in gap if low[g] == ":")
        copulas = self.c.copulas
        return any(
            low[g] in self.c.kicker_subjects and not self._in_area(g)
            and self._at(self.next_word(g + 1)) in copulas
            for g in gap if g > colon
        )

    def _in_area(self, g: int) -> bool:
        """Whether token ``g`` is a word of an area ('the fostering service')."""
        i = bisect.bisect_right(self.area_start_list, g) - 1
        return i >= 0 and g < self.area_at[self.area_start_list[i]].end

    def _skip_copula_adverbs(self, p: int) -> int:
        """The word before the adverbs at ``p`` that may stand between a copula and the
        grade it gives an area ('were also good', 'is now outstanding'). Words of time past
        ('was previously good') are not skipped: that grade is not this inspection's."""
        while p >= 0 and self.low[p] in _COPULA_ADVERBS:
            p = self.prev_word(p)
        return p

    def _relative_clause(self, i: int) -> bool:
        """Whether the clause of token ``i`` opens with a relative pronoun."""
        first = self.next_word(self.cs(i))
        while first < i and self.low[first] in self.c.clause_breaks:
            first = self.next_word(first + 1)
        return first < self.n and self.low[first] in ("which", "who", "whose", "that", "where")

    def _two_column_row(self, area: _Area, live: list[_Cand], i: int) -> _Cand | None:
        """'Overall effectiveness   Requires improvement   Good' under a '2019  2023' header:
        the last column is this inspection, the first the one before."""
        line = self.line_of[area.start]
        if i + 1 >= len(live) or not self.line_is_short(line):
            return None
        first, second = live[i], live[i + 1]
        if self.line_of[first.start] != line or self.line_of[second.start] != line:
            return None
        words = self.line_words(line)
        if words and words[-1] != second.end - 1:
            return None
        between = [self.low[k] for k in self.words_between(area.end, first.start)]
        middle = [self.low[k] for k in self.words_between(first.end, second.start)]
        if any(w not in {":", "|", "–", "-"} for w in between + middle):
            return None
        for cand in (first, second):
            cand.licence = cand.licence or "table"
        first.earlier_column = True
        first.year = self._header_year(line)
        return second

    def _header_year(self, line: int) -> int | None:
        """The first of two years in the table's header line ('Judgement  2019  2023')."""
        for k in range(line - 1, max(-1, line - 12), -1):
            if not self.line_is_short(k):
                break
            a, b = self.line_bounds[k]
            years = self.years_in(a, b)
            if len(years) == 2:
                return min(years)
        return None

    def _looks_previous(self, cand: _Cand) -> bool:
        s = cand.start
        return self._at(self.prev_word(s)) in ("from", "previously") or self.cues.has(
            "prev_local", max(self.cs(s), s - 10), s
        )

    def _next_line_pair(self, area: _Area, grade: _Cand) -> bool:
        """'Overall effectiveness' on one line and 'Good' alone on the next."""
        gline = self.line_of[grade.start]
        if not self._first_line_word(grade.start, gline):
            return False  # (the last test below, first: most grades are inside a line)
        line = self.line_of[area.end - 1]
        if not self.line_is_short(line):
            return False
        rest = [i for i in self.line_words(line) if i >= area.end]
        if any(self.low[i] not in {":", ",", "-", "–"} for i in rest) and not self._tail_ok(rest):
            return False
        if gline != line + 1:
            # allow blank lines between
            between = range(line + 1, gline)
            if any(self.line_words(k) for k in between):
                return False
        words = self.line_words(gline)
        last = self.line_of[grade.end - 1]
        if last != gline:
            # 'Requires' / 'improvement': a cell wrapped over two lines (see
            # PhraseIndex._wrapped_cell), whole lines on both sides
            tail = self.line_words(last) if last == gline + 1 else []
            return bool(words) and words[0] == grade.start and tail[-1:] == [grade.end - 1]
        return bool(words) and words[0] == grade.start and words[-1] == grade.end - 1

    def _tail_ok(self, rest: list[int]) -> bool:
        """A label row with a short tail after a comma ('Overall effectiveness, including ...')."""
        return bool(rest) and self.low[rest[0]] == "," and len(rest) <= 5

    def _blocked(self, gap: list[int]) -> bool:
        for pos, g in enumerate(gap):
            word = self.low[g]
            if word in self.c.blockers or word == ";":
                return True
            if word in ("the", "a", "an") and pos + 1 < len(gap):
                noun = self.low[gap[pos + 1]]
                after = self.low[gap[pos + 2]] if pos + 2 < len(gap) else ""
                if (noun in self.c.det_bodies and after in self.c.subject_verbs
                        and not (pos + 2 < len(gap) and (self._possessive(gap[pos + 2])
                                                         or self._owner_s(gap[pos + 2])))):
                    return True
        return False

    def _owner_s(self, i: int) -> bool:
        """Whether the "'s" at ``i`` is a possessive before a lower-case noun ('the
        school's reception class was judged good', 'the college's provision'), not 'is' or
        'has' ('the school's been rated', 'the council's now good', 'the school's improved'):
        no grade word, verb-side word or -ed/-ly word follows."""
        if self.low[i] not in ("'s", "\u2019s"):
            return False
        k = self.next_word(i + 1, skip_quotes=False)
        if k >= self.n or k in self.cand_starts:
            return False
        word, low = self.texts[k], self.low[k]
        return (word.isalpha() and word.islower() and low not in self.c.contraction_next
                and not low.endswith(("ed", "ly")))

    def _possessive(self, i: int) -> bool:
        """Whether the "'s" at ``i`` owns the area name right after it: in 'Services for
        children looked after and achieving permanence, and the council's adoption
        performance, were judged to require improvement' it is a possessive, not 'is', so
        it neither ends the list of areas nor parts an area from its grade."""
        return self.low[i] in ("'s", "\u2019s") and self._area_starts_at(self.next_word(i + 1))

    # ---- roles -----------------------------------------------------------------

    def assign_role(self, cand: _Cand) -> None:
        e = cand.end
        if cand.earlier_column:
            # only the overall row's earlier column is a grade the record keeps
            cand.role = "previous" if self._row_label(cand) == "overall" else None
            return
        labels = {k for a in cand.areas for k in a.keys}
        if "previous" in labels:
            cand.role = "previous"
            cand.label = "previous"
            self._find_year(cand, table=True)
            return
        if "overall" in labels:
            cand.explicit = True
            cand.areas = [a for a in cand.areas if "overall" in a.keys]
        trap = self.trap(cand)
        if trap == "statistics" and self._areas_not_bodies(cand):
            trap = None
        if trap is not None:
            cand.drop = trap
            return
        if cand.licence == "category-left":
            # 'taken out of special measures': the category of the inspection before
            if not self._grade_beside(cand):
                self._find_year(cand)
            cand.role = "previous"
            return
        labelled_overall = cand.explicit
        nx = self.next_word(e)
        real_areas = [a for a in cand.areas if not ({"overall", "previous"} & set(a.keys))]
        if nx < self.n and self.low[nx] == "overall" and not real_areas:
            # 'good overall' (but 'children in care ... adequate overall' is an area)
            cand.explicit = True
        role = self.timing(cand)
        gap = self.words_between(cand.end, min(a.start for a in real_areas)) if real_areas else []
        every = bool(real_areas) and (
            self._every_area(gap) or self._overall_and_for(gap, cand.end)
        )
        if every and role in ("overall", "kept"):
            pass  # 'outstanding in every area: ...' grades the whole and each area
        elif role in ("overall", "kept") and real_areas and not labelled_overall:
            role = "area"
        elif role == "dated" and real_areas and not labelled_overall:
            pass  # keeps its areas: the assembler makes it an area grade if the year is now
        elif real_areas and role not in ("overall", "kept", "area", "dated"):
            # a past grade of an area is history: drop the areas, keep the grade's role
            for a in real_areas:
                a.grade = None
            cand.areas = [a for a in cand.areas if a not in real_areas]
        elif labelled_overall and real_areas:
            for a in real_areas:
                a.grade = None
        cand.role = role

    def _overall_and_for(self, gap: list[int], end: int) -> bool:
        """'judged good overall and for its apprenticeships', 'rated outstanding overall and
        gave the same grade for its leadership': a grade read as 'overall' right after it
        and handed on by 'and' to the areas it has claimed is the overall grade as well as
        theirs. Bounded to 'overall and' straight after the grade; the areas were claimed
        only through a connector ('for', 'the same grade for')."""
        if len(gap) < 3 or gap[0] != self.next_word(end):
            return False
        return self.low[gap[0]] == "overall" and self.low[gap[1]] == "and"

    def _areas_not_bodies(self, cand: _Cand) -> bool:
        """'The inspectors judged each of the following areas to be good:' and a list of
        areas: 'areas' before the grade counts judgement areas, not bodies ('three areas
        were rated good' in a regional round-up), when the grade has named areas of its
        own and no other mark of figures stands before it."""
        if not any(not ({"overall", "previous"} & set(a.keys)) for a in cand.areas):
            return False
        s = cand.start
        lo = max(self.clause_start[self.clause_of[s]], s - 14)
        if self.cues.has("stat", lo, s):
            return False
        bodies = [k for k in self.cues.starts.get("plural_body", []) if lo <= k < s]
        return bool(bodies) and all(self.low[k] in _AREA_NOUNS for k in bodies)

    def _grade_beside(self, cand: _Cand) -> bool:
        """Whether another grade stands in the sentence of ``cand``. A category left
        ('When inspectors returned in 2016, it was taken out of special measures but judged
        to require improvement') is the grade before the one that sentence gives, so the
        sentence's year is that grade's, not the category's."""
        lo, hi = self.sent_bounds[self.sent_of[cand.start]]
        starts = self.live_starts
        i = bisect.bisect_left(starts, lo)
        return any(k != cand.start for k in starts[i : bisect.bisect_left(starts, hi)])

    def trap(self, cand: _Cand) -> str | None:
        """Hypotheticals, statistics and scales: grade words that grade nobody."""
        s, e = cand.start, cand.end
        cues = self.cues
        has = cues.has
        cs = self.clause_start[self.clause_of[s]]
        ce = self.clause_end[self.clause_of[e - 1]]
        sent = self.sent_of[s]
        sent_start, sent_end = self.sent_bounds[sent]
        here = self._labels_near(cand)  # every window below is in the sentence
        remain = "remain" in here and has("remain", max(cs, s - 8), s)
        if not remain:
            hit = cues.last("hyp_before", max(cs, s - 12), s) if "hyp_before" in here else None
            while hit is not None:
                if not (self.low[hit] == "may" and self.texts[hit] != "may"):
                    return "hypothetical"
                hit = cues.last("hyp_before", max(cs, s - 12), hit)
            after = (
                cues.first("hyp_after", e, min(sent_end, e + 15)) if "hyp_after" in here else None
            )
            if after is not None and (self.low[after] in ("if", "unless") or after - e <= 8):
                return "hypothetical"
        if "scale" in here and has("scale", cs, ce):
            return "scale"
        if "label_change" in here and self._label_changed(cand):
            return "scale"
        if self._ordinal_count(s, e, max(sent_start, s - 12), ce):
            return "statistics"
        stat_lo = max(cs, s - 14)
        one_of = "one_of" in here and has("one_of", max(sent_start, s - 16), s)
        if ("stat" in here and has("stat", stat_lo, s)
                or "plural_body" in here and self._plural_bodies(stat_lo, s)) and not one_of:
            return "statistics"
        if not one_of and self._number_subject(cs, s):  # 'Three were rated good'
            return "statistics"
        return None

    def _plural_bodies(self, lo: int, s: int) -> bool:
        """Whether a plural body word in [lo, s) counts bodies ('four schools were rated
        good'). A capitalised one after a capitalised word, with a lower-case word after it,
        ends a group's name ('Regional group Teasel & Finch Nurseries has its second
        outstanding setting after ...'): it counts nothing. (A headline in title case,
        'Two Marsh Schools Rated Good', keeps its count.)"""
        texts = self.texts
        for k in self.cues.starts.get("plural_body", []):
            if not lo <= k < s:
                continue
            p, nx = self.prev_word(k), self.next_word(k + 1)
            # the word before is a capitalised name word, neither a number ('Three
            # Nurseries') nor just the sentence's first word
            named = (
                texts[k][:1].isupper() and p >= 0
                and (texts[p][:1].isupper() or texts[p] == "&")
                and not like_num(self.low[p])
                and p > self.next_word(self.sent_start(k))
                and nx < self.n and texts[nx][:1].islower()
            )
            if not named:
                return True
        return False

    def _ordinal_count(self, s: int, e: int, lo: int, ce: int) -> bool:
        """'Cresswold is the 11th council to be rated inadequate since the start of 2020':
        an ordinal count over a period is a statistic (its year dates the count, not a
        grade). The ordinal comes a few words before 'to be' and the grade; the period
        right after the grade. 'the first school in the town to be rated outstanding'
        is no count (see ``ordinal_counts`` in grades.json)."""
        low = self.low
        before = low[lo:s]
        if "to" not in before:
            return False  # the cheap test first: most grades have no 'to be' before them
        k = len(before) - 1 - before[::-1].index("to")
        after_to = before[k + 1 : k + 3]
        if not after_to or (after_to[0] != "be" and after_to != ["have", "been"]):
            return False  # 'to be rated', 'to have been judged'; not 'to improve to good'
        if not any(w in self.c.ordinal_words or _ORDINAL.match(w) for w in before[:k]):
            return False
        tail = " " + " ".join(low[j] for j in self.words_between(e, min(ce, e + 6))) + " "
        return any(f" {p} " in tail for p in self.c.ordinal_periods)

    def _label_changed(self, cand: _Cand) -> bool:
        """The grade label itself is scrapped or renamed: 'the satisfactory grade has been
        scrapped', 'the abolition of the "satisfactory" judgement'. Only right next to the
        grade: 'scrapped its plans after inspectors rated it good' is a grade, and so is a
        body's own grade ('the school's outstanding rating was scrapped')."""
        s, e = cand.start, cand.end
        low, cues = self.low, self.cues
        lo, hi = self.sent_bounds[self.sent_of[s]]
        nx = self.next_word(e)
        if nx < hi and low[nx] in self.c.grade_nouns and self._at(self.prev_word(s)) == "the":
            hit = cues.first("label_change", nx + 1, min(hi, nx + 6))
            if hit is not None and all(
                low[k] in self.c.copulas or low[k] in _AUXILIARIES or low[k] in ("now", "also")
                for k in self.words_between(nx + 1, hit)
            ):
                return True  # 'the satisfactory grade has been scrapped'
        hit = cues.last("label_change", max(lo, s - 6), s)
        if hit is None:
            return False
        return all(low[k] in ("the", "of") or low[k] in QUOTES
                   for k in self.words_between(cues.end("label_change", hit), s))

    def _number_subject(self, lo: int, s: int) -> bool:
        """'Eleven councils were rated inadequate', 'Three were rated good': a count of
        bodies as the subject."""
        first = self.next_word(lo)
        if first in (lo, lo + 1) and first < s and self.low[first] in (",", "and", "but"):
            first = self.next_word(first + 1)
        # the verb first: it is rarely there, and like_num needs the token's text
        if first < s and self._at(self.next_word(first + 1)) in _COUNT_VERBS \
                and (self.low[first] in _NUM_WORDS or like_num(self.texts[first])):
            return True
        if "plural_body" not in self.labels_in.get(self.sent_of[s], _NO_LABELS):
            return False  # [lo, s) is in the sentence of s: no body count in it
        plural = self.cues.starts.get("plural_body", [])
        first_k = bisect.bisect_left(plural, max(lo, s - 14))
        for k in plural[first_k : bisect.bisect_left(plural, s)]:
            j = self.prev_word(k)
            while j >= lo and self.low[j] in {"of", "the", "english", "local", "children's"}:
                j = self.prev_word(j)
            if j >= lo and (like_num(self.texts[j]) or self.low[j] in _NUM_WORDS):
                return True
        return False

    def timing(self, cand: _Cand) -> str:
        """overall / kept / previous / dated, from the words around the grade."""
        s, e = cand.start, cand.end
        clause_of = self.clause_of
        clause_end = self.clause_end[clause_of[e - 1]]
        cs = max(self.clause_start[clause_of[s]], s - WINDOW)
        ce = min(clause_end, e + WINDOW)
        sent = self.sent_of[s]
        sent_end = self.sent_bounds[sent][1]
        here = self._labels_near(cand)  # the windows below are in the sentence
        low = self.low
        has = self.cues.has
        p = self.prev_word(s)
        prv = low[p] if p >= 0 else ""
        # an article 'the' or a possessive may stand between 'from' and the grade
        j = p
        while j >= 0 and low[j] in _DETERMINERS:
            j = self.prev_word(j)
        from_before = j >= 0 and low[j] == "from"
        if s in self.after_year:
            cand.year = self.after_year[s]
            return "previous"
        if from_before or prv == "previously" or (
            p >= 0 and self._at(self.prev_word(p)) == "previously"
        ):
            self._find_year(cand)
            return "previous"
        current = "current" in here and has("current", max(cs, s - 3), s)
        kept = (
            "kept_before" in here and has("kept_before", max(cs, s - 10), s)
            or "kept_after" in here and has("kept_after", e, min(sent_end, e + 10))
            or "same_grade" in here and self._same_as_before(cand)
        )
        prev_local = "prev_local" in here
        # what may speak of the grade before it: its own clause, from a present perfect on
        own = self._own_clause(s, max(cs, s - 10))
        if "current" in here:
            own = self._perfect_from(own, s)
        if kept and not (prev_local and has("prev_local", max(cs, s - 10), s)):
            self._find_year(cand)
            if cand.year is None and cand.years_ago is None:
                cand.year = self._last_inspection_year(cand)
            return "kept"
        if not current and prev_local and (
            self._cue_before("prev_local", own, s)
            or self._prev_after(e, ce)
        ):
            self._find_year(cand)
            return "previous"
        if self._when_clause(cand):
            return "previous"
        if not current and "prev_fronted" in here and self._previous_subject(cand):
            self._find_year(cand)
            return "previous"
        fronted = None if current else self._fronted(cand)
        if fronted is not None:
            return fronted
        if not current and "prev_fronted" in here:
            fronted = self._fronted_inside(cand)
            if fronted is not None:
                return fronted
        if not current and "had" in self.low[max(cs, s - 6) : s] and self._moved_on(cand):
            return "previous"
        seg_lo, seg_hi = self.segment(cand)
        seg_lo = max(cs, seg_lo)
        if "current" in here:
            seg_lo = self._perfect_from(seg_lo, s)
        years = self.years_in(seg_lo, min(self._repeated_end(e, ce), seg_hi))
        if not years and ce < sent_end and ce == clause_end:
            # 'The nursery was judged good at that visit, in 2016.'
            nxt = self.words_between(ce, min(self.ce(ce), ce + 8))
            if 2 <= len(nxt) <= 4 and self.low[nxt[0]] in (",", "in") and \
                    self.low[nxt[-1]] != "ago":
                years = self.years_in(nxt[0], nxt[-1] + 1)
        # like the years, 'three years ago' dates only the grade of its own segment: in
        # 'told three years ago it was merely satisfactory ... judged it good', not 'good'
        rel = self._relative_years(self._own_clause(s, seg_lo), min(ce, seg_hi), e)
        if rel is not None and not current:
            cand.years_ago = rel
            return "previous"
        if years and not current:
            cand.year = max(years)
            if "had" in self.low[max(cs, s - 6) : s]:
                return "previous"  # 'had been graded requires improvement in 2018'
            return "dated"
        return "overall"

    def _perfect_from(self, lo: int, s: int) -> int:
        """Where the words dating a grade at ``s`` may start, from ``lo``: at a present
        perfect ('has been', 'have been', 'has now') before it, which takes no past date, so
        a year or 'two years ago' before it dates the subject's own phrase: 'A provider
        rated good just two years ago has been handed the lowest possible grade', 'A
        nursery which opened in 2017 has been downgraded to inadequate'. An adverb right
        before it is its own ('which previously has been rated good')."""
        low = self.low
        hit = self.cues.last("current", lo, s)
        while hit is not None and low[hit] not in ("has", "have"):
            hit = self.cues.last("current", lo, hit)
        if hit is None:
            return lo
        p = self.prev_word(hit)
        return p if p >= lo and low[p].endswith("ly") else hit

    def _last_inspection_year(self, cand: _Cand) -> int | None:
        """The year given for the last inspection just before a kept grade that has no year
        of its own: 'Ungraded inspections take place in schools that were judged good at
        their last graded inspection, which for us was in October 2018. The letter confirms
        no change to the school's overall judgement of good.' The held grade was given at
        that inspection. Only the kept grade's sentence and the two before it are read (a
        related story further down dates another body's inspection), and the year must
        follow the cue closely in its sentence; 'first inspection' dates no held grade."""
        sent = self.sent_of[cand.start]
        lo = self.sent_bounds[max(0, sent - 2)][0]
        hi = self.sent_bounds[sent][1]
        cues, low = self.cues, self.low
        hits = sorted(
            (p, cues.end(label, p))
            for label in ("prev_local", "prev_fronted") for p in cues.starts.get(label, ())
            if lo <= p < hi
        )
        pos = self.year_pos
        for p, end in hits:
            if low[end - 1] != "inspection" or low[p] == "first":
                continue  # 'last year', 'last rated': not the date of an inspection
            top = min(self.sent_end(p), end + 12)
            for i in range(bisect.bisect_left(pos, end), bisect.bisect_left(pos, top)):
                if not cues.has("future", self.cs(pos[i]), self.ce(pos[i])):
                    return self.year_val[i]
        return None

    def _moved_on(self, cand: _Cand) -> bool:
        """Whether the next grade of the sentence is one the body moved to: 'A school that
        had been rated outstanding for a decade has been downgraded to requires
        improvement'. A past-perfect grade ('had been rated') is then the grade before.
        Without such a later grade, 'had been judged good' is as often reported speech
        about this inspection ('He said the service had been judged good')."""
        i = bisect.bisect_right(self.live_starts, cand.start)
        if i >= len(self.live_starts):
            return False
        k = self.live_starts[i]
        if self.sent_of[k] != self.sent_of[cand.start]:
            return False
        p = self.prev_word(k)
        if p < 0:
            return False
        if self.low[p] in ("to", "into"):
            q = self.prev_word(p)
            return q >= 0 and self.low[q] in self.c.movement
        return self.cues.has("current", max(p - 2, 0), k)

    def _cue_before(self, label: str, lo: int, s: int) -> bool:
        """A cue in [lo, s) with no other grade between it and the grade at ``s``: in
        'once rated outstanding, it has been placed in special measures' the 'once' is the
        first grade's."""
        hit = self.cues.last(label, lo, s)
        if hit is None:
            return False
        i = bisect.bisect_right(self.live_starts, hit)
        return i >= len(self.live_starts) or self.live_starts[i] >= s

    def _same_as_before(self, cand: _Cand) -> bool:
        """'rated requires improvement, the same grade it received at its last inspection in
        2017': the grade was held. A past cue or a year must follow the phrase, or it may be
        a comparison with another body ('the same grade as its neighbour')."""
        e = cand.end
        hi = min(self.sent_end(cand.start), e + 14)
        hit = self.cues.first("same_grade", e, hi)
        if hit is None:
            return False
        after = self.cues.end("same_grade", hit)
        lo, hi = after, min(self.sent_end(cand.start), after + 10)
        if self.low[after - 1] in ("in", "inspection"):
            return True  # 'as it did in 2019', 'as at its last inspection'
        return bool(self.cues.has("prev_local", lo, hi) or self.years_in(lo, hi)
                    or self._relative_years(lo, hi) is not None)

    def _previous_subject(self, cand: _Cand) -> bool:
        """The sentence's subject is the inspection before: 'The council's previous
        inspection, in 2011, judged overall effectiveness to be adequate', 'Its last
        inspection found the school to be good'."""
        s = cand.start
        ss = self.sent_start(s)
        hit = self.cues.first("prev_fronted", ss, min(s, ss + 16))
        if hit is None:
            return False
        low, texts = self.low, self.texts
        for k in range(ss, hit):  # only a determiner or a name before it
            if self.is_space[k] or low[k] in _SUBJECT_LEAD or low[k] in self.c.subjects \
                    or texts[k][:1].isupper() or texts[k][:1].isdigit():
                continue
            return False
        for k in range(self.cues.end("prev_fronted", hit), s):
            word = low[k]
            if word in self.c.licence_words:
                return True  # its own verb: 'judged', 'rated', 'found'
            if word in self.c.copulas or word in _AUXILIARIES:
                return False  # 'Its last inspection was in 2019, and this one ...'
        return False

    def _own_clause(self, s: int, lo: int) -> int:
        """Where the words before a grade at ``s`` that speak of it start, from ``lo``: after
        'after' or 'because' opening the grade's own clause with no comma before it. 'A
        school that was told to improve three years ago is celebrating after inspectors
        rated it good': the years ago date the telling, not 'good'. A trailing 'two years
        after' ('rated good, two years after it was told it required improvement') opens
        the clause of the grade before: its cue stays in the grade's own words."""
        low = self.low
        for k in range(s - 1, lo - 1, -1):
            if low[k] in _CLAUSE_OPENERS:
                if low[k] == "after" and self._interval_after(k) and (
                    self._trailing(k) and "," not in low[k:s]
                    or all(low[j] in _DETERMINERS or low[j] in QUOTES
                           for j in self.words_between(k + 1, s))
                ):
                    return k - 1
                return k + 1
        return lo

    def _interval_after(self, k: int) -> bool:
        """Whether the 'after' at ``k`` ends an interval cue ('years after', 'months
        after'), not 'celebrating after inspectors rated it good'."""
        p = k - 1
        return p >= 0 and self.cues.has("prev_local", p, k) \
            and self.cues.end("prev_local", p) == k + 1

    def _trailing(self, k: int) -> bool:
        """Whether the interval ending at ``k`` trails a main clause after a comma: ', two
        years after ...', ', just 18 months after ...'. A fronted 'Three years after opening
        the nursery was rated ...' does not (with no comma, its clause is the grade's)."""
        return "," in self.low[max(0, k - 5) : k - 1]

    def segment(self, cand: _Cand) -> tuple[int, int]:
        """The stretch whose years belong to this grade: up to the next grade word, and back
        to the clause start only if no other grade word stands between. 'rated inadequate in
        2019 and have since improved to requires improvement' dates only the first."""
        i = bisect.bisect_left(self.live_starts, cand.start)
        lo = 0
        if i > 0 and self.clause_of[self.live_ends[i - 1] - 1] == self.clause_of[cand.start]:
            lo = cand.start
        hi = self.live_starts[i + 1] if i + 1 < len(self.live_starts) else self.n
        return lo, hi

    def _row_label(self, cand: _Cand) -> str | None:
        line = self.line_of[cand.start]
        a = self.line_bounds[line][0]
        i = bisect.bisect_left(self.area_start_list, a)
        if i < len(self.area_start_list) and self.area_start_list[i] < cand.start:
            keys = self.area_at[self.area_start_list[i]].keys
            return "overall" if "overall" in keys else keys[0]
        return None

    def _prev_after(self, e: int, ce: int) -> bool:
        """'good at its previous inspection', 'rated inadequate last year'."""
        ce = min(ce, e + 12)
        hit = self.cues.first("prev_local", e, ce)
        while hit is not None:
            if self.low[hit] not in _NOT_AFTER:
                return True
            hit = self.cues.first("prev_local", hit + 1, ce)
        return False

    def _when_clause(self, cand: _Cand) -> bool:
        """'a fall from 2015, when inspectors judged it outstanding'."""
        cs = self.cs(cand.start)
        first = self.next_word(cs)
        if first < self.n and self.low[first] in (",", "–"):
            first = self.next_word(first + 1)
        if first >= self.n or self.low[first] != "when" or cs == 0:
            # 'an improvement on 2016 when it was judged ...' (no comma)
            if "prev_local" not in self.labels_in.get(self.sent_of[cand.start], _NO_LABELS):
                return False  # the window below is in the grade's sentence
            k = self.cues.last("prev_local", max(cs, cand.start - 14), cand.start)
            if k is None:
                return False
            whens = [i for i in range(k, cand.start) if self.low[i] == "when"]
            got = self.years_in(k, whens[0]) if whens else []
            if whens and got:
                cand.year = max(got)
                return True
            return False
        prev_clause = self.clause_of[cs - 1]
        if self.sent_of[cs - 1] != self.sent_of[cand.start]:
            return False
        a, b = self.clause_start[prev_clause], self.clause_end[prev_clause]
        a = max(a, b - WINDOW)
        in_clause = self.years_in(a, b)
        rel = self._relative_years(a, b)
        if in_clause:
            cand.year = max(in_clause)
            return True
        if rel is not None:
            cand.years_ago = rel
            return True
        if not self.cues.has("prev_local", a, b):
            return False
        # the opening clause names the earlier inspection but not its year; the 'when'
        # clause may date it right after the grade: 'the standards identified at the
        # previous inspection, when it was judged good in 2019'
        nxt = self.next_word(cand.end)
        yr = self.next_word(nxt + 1) if nxt < self.n and self.low[nxt] == "in" else self.n
        if yr < self.n and self.sent_of[yr] == self.sent_of[cand.start]:
            cand.year = self.years[yr]
        return True

    def _fronted(self, cand: _Cand) -> str | None:
        """The sentence opens in the past: 'At its previous inspection, in 2018, ...' makes the
        grade previous; 'In 2011, ...' and a short 'When inspectors returned in 2016, ...'
        date it (whether that year is before this inspection is the assembler's call)."""
        ss = self.sent_start(cand.start)
        first = self.next_word(ss)
        if first >= cand.start:
            return None
        nxt = self.next_word(first + 1)
        dated_opening = self.low[first] == "in" and nxt < self.n and self.years[nxt] is not None
        if self.clause_of[first] == self.clause_of[cand.start]:
            # the grade is in the first clause itself: 'In 2021 the home was graded good.'
            if dated_opening:
                cand.year = self.years[nxt]
                return "dated"
            return None
        a, b = ss, self.ce(first)
        if self.low[first] == "since":
            return None
        # 'When inspectors returned in 2016, ...': a short dated 'when' opening dates it too
        # (not a year to come: 'When inspectors are due back in 2025, ...')
        short_when = self.low[first] == "when" and len(self.words_between(a, b)) <= 10 \
            and not self.cues.has("future", a, b)
        when_years = self.years_in(a, b) if short_when else []
        if short_when and not when_years:
            # 'When Mrs Okafor was first inspected, in 2010, she was graded satisfactory':
            # the year in a date clause right after the 'when' opening dates it too
            when_years = self._date_clause_years(b, cand.start)
        if not (dated_opening and nxt < b) and not when_years \
                and "prev_fronted" not in self._labels_near(cand):
            return None  # neither dated nor a fronted past: what follows can only say None
        if self.low[first] not in self.c.fronted_openers and (
            b - a > 30 or len(self.words_between(a, b)) > 8
            or any(self.low[k] in _FINITE for k in range(a, b))
        ):
            return None  # a main clause of its own ('Its last inspection was in 2019, and ...')
        if dated_opening and nxt < b:
            cand.year = self.years[nxt]
            return "dated"
        if not self.cues.has("prev_fronted", a, min(b, a + WINDOW)):
            if when_years:
                cand.year = max(when_years)
                return "dated"
            return None
        self._find_year(cand)
        return "previous"

    def _date_clause_years(self, b: int, s: int) -> list[int]:
        """The years of a date clause between commas that opens at token ``b`` and ends
        before the grade at ``s`` (', in 2010,'): only years, numbers and
        'apposition_words' in it."""
        if b >= s or self.low[b] != ",":
            return []
        end = self.ce(b)
        if end >= s or self.low[end] != ",":
            return []
        words = self.words_between(b + 1, end)
        low = self.low
        if not words or not all(self.years[w] is not None or low[w] in self.c.apposition_words
                                or low[w].isdigit() for w in words):
            return []
        return self.years_in(b, end)

    def _fronted_inside(self, cand: _Cand) -> str | None:
        """The fronted past of :meth:`_fronted` inside a sentence: '...; at its previous
        inspection, in 2021, it was found to require improvement', 'remember that when the
        school was last inspected, in 2011, it was judged good'. The clause right before the
        grade's is a short phrase opening with an opener ('at', 'when') and naming the
        inspection before, maybe dated by a year in it or in a date clause between commas
        after it. The opener must start its clause or follow a lead-in ('that', 'and'), and no
        other grade may stand between it and this one: in 'rated good at its last
        inspection, in 2019, ...' the phrase is the first grade's. A 'first inspection' may
        be this one (a new school), and so may a 'most recent full inspection', so their
        grade is only dated, for the assembler to weigh the year (and needs one); the other
        cues make it previous."""
        s = cand.start
        clause_of, clause_start, low = self.clause_of, self.clause_start, self.low
        k = clause_of[s]
        cs = clause_start[k]
        if k < 3 or low[cs] != "," or len(self.words_between(cs + 1, s)) > 6:
            return None  # the grade must follow a comma closely: 'it was judged good'
        ss = self.sent_start(s)
        a, b = clause_start[k - 1], cs  # a date clause (', in 2011'), or the phrase itself
        years = self.years_in(a, b)
        words = self.words_between(a + 1, b)
        if low[a] == "," and words and all(
            self.years[w] is not None or low[w] in self.c.apposition_words
            or low[w].isdigit() for w in words
        ):
            a, b = clause_start[k - 2], a  # (', in January,' is a date clause too)
        else:
            years = []  # the year, if any, is in the phrase itself
        if a < ss:
            return None
        hit = self.cues.last("prev_fronted", a, b)
        if hit is None:
            return None
        end = self.cues.end("prev_fronted", hit)
        if not years:
            years = self.years_in(end, b)
        if len(self.words_between(end, b)) > 5:
            return None
        # the opener: a few words before the cue ('at its', 'when the school was')
        before = self.words_between(a, hit)
        opener = next((i for i in reversed(before[-5:]) if low[i] in self.c.fronted_openers),
                      None)
        if opener is None or "since" in self.low[opener:hit]:
            return None  # 'in the years since its last inspection, in 2019, ...'
        lead = self.prev_word(opener)
        if not (lead < a or low[lead] in self.c.clause_breaks
                or low[lead] in self.c.inner_lead_ins):
            return None  # 'rated good at its last inspection': not an opening phrase
        i = bisect.bisect_left(self.live_starts, opener)
        if i < len(self.live_starts) and self.live_starts[i] < s:
            return None  # another grade between: the phrase is its
        if low[hit] in ("first", "most"):
            if not years:
                return None
            cand.year = max(years)
            return "dated"
        # undated, only the grade's own clause may date it: a year before the phrase is
        # another clause's ('It opened in 2009; at its last inspection, it was ...')
        years = years or self.years_in(cs, self.ce(cand.end - 1))
        if years:
            cand.year = max(years)
        return "previous"

    def _repeated_end(self, e: int, ce: int | None = None) -> int:
        """The end of the grade's clause (or ``ce``), or of the next one when that clause
        repeats the verdict: in 'slipped to requires improvement, a verdict repeated in 2018
        and again in 2021' the grade's latest year is 2021."""
        end = self.ce(e - 1)
        if ce is None:
            ce = end
        if "repeated" not in self.labels_in.get(self.sent_of[e - 1], _NO_LABELS):
            return ce  # (a set lookup: the cue is rare)
        if end >= self.n or self.low[end] != "," or self.sent_of[end] != self.sent_of[e - 1]:
            return ce
        nxt_end = self.ce(end + 1) if end + 1 < self.n else end
        hit = self.cues.first("repeated", end + 1, min(nxt_end, end + 6))
        if hit is None or not all(
            self.low[k] in _DETERMINERS or self.low[k] in self.c.grade_nouns
            for k in self.words_between(end + 1, hit)
        ):
            return ce  # only 'a verdict' may come first: not 'a year when leaders repeated'
        i = bisect.bisect_left(self.live_starts, end)
        if i < len(self.live_starts) and self.live_starts[i] < nxt_end:
            return ce  # another grade in that clause: the repetition is its own
        return max(ce, nxt_end)

    def _relative_years(self, a: int, b: int, forward_from: int | None = None) -> int | None:
        """The years counted back by a phrase in [a, b) ('three years ago'). An interval
        at or after ``forward_from`` that ends in 'after' ('in special measures three years
        after its good rating') points on to a later grade, so it does not count there."""
        cues = self.cues
        for label, years in self.relyear_labels:
            hit = cues.first(label, a, b)
            while hit is not None:
                if forward_from is None or hit < forward_from \
                        or self.low[cues.end(label, hit) - 1] != "after":
                    return years
                hit = cues.first(label, hit + 1, b)
        return None

    def _find_year(self, cand: _Cand, table: bool = False) -> None:
        """The year of a previous (or kept) grade: in its clause, an apposition, or the sentence."""
        s, e = cand.start, cand.end
        cs, ce = max(self.cs(s), s - WINDOW), min(self._repeated_end(e), e + WINDOW)
        ss, se = max(self.sent_start(s), s - WINDOW), min(self.sent_end(s), e + WINDOW)
        got = self.years_in(cs, ce)
        if not got:
            rel = self._relative_years(cs, ce)
            if rel is not None:
                cand.years_ago = rel
                return
            # the rest of the sentence, but not a year still to come ('expected in 2025')
            pos = self.year_pos
            got = [
                self.year_val[i]
                for i in range(bisect.bisect_left(pos, ss), bisect.bisect_left(pos, se))
                if not self.cues.has("future", self.cs(pos[i]), self.ce(pos[i]))
            ]
        if got:
            cand.year = max(got)
            return
        rel = self._relative_years(ss, se)
        if rel is not None:
            cand.years_ago = rel
            return
        if table:
            cand.year = self._table_year(s)

    def _table_year(self, s: int) -> int | None:
        """'Date of last inspection: 12 September 2023' on a nearby line, or anywhere in the doc."""
        line = self.line_of[s]
        near = range(max(0, line - 3), min(len(self.line_bounds), line + 4))
        found = self._date_line_year(near)
        if found is not None:
            return found
        if self._doc_table_year is None:  # the whole doc is read once, however many rows
            self._doc_table_year = (self._date_line_year(range(len(self.line_bounds))),)
        return self._doc_table_year[0]

    def _date_line_year(self, lines: range) -> int | None:
        for k in lines:
            if not self.line_is_short(k):
                continue
            a, b = self.line_bounds[k]
            words = " ".join(self.low[a:b])
            if "date" in words and re.search(r"\b(previous|last)\s+inspection\b", words):
                years = self.years_in(a, b)
                if years:
                    return max(years)
        return None

    def report_cards(self, live: list[_Cand]) -> None:
        """A school report card grades areas and has no overall grade: a report-card grade
        is never the overall one ("'Exceptional' inclusion at ..." in a headline), and in a
        document whose report-card grades are in use a category ('now requires special
        measures') is the school's category, not an inadequate grade."""
        in_use = False
        for cand in live:
            if self.c.scale_of.get(cand.grade) == "report_card" and cand.drop is None:
                in_use = True
                if cand.role in ("overall", "kept", "dated"):
                    cand.role = None
        if in_use:
            for cand in live:
                if cand.kind == "category":
                    cand.drop = "report-card"

    def check_needs_area(self, cands: list[_Cand]) -> None:
        """'met' is only the safeguarding judgement of a report card."""
        for cand in cands:
            allowed = self.c.needs_area.get(cand.grade)
            if allowed is None or cand.drop is not None:
                continue
            keys = {k for a in cand.areas for k in a.keys}
            if not keys & allowed or cand.role != "area":
                cand.drop = "needs-area"
                for a in cand.areas:
                    a.grade = None


@Language.factory("ofsted_grades")
def make_grades(nlp: Language, name: str) -> Grades:
    """Grade mentions with their roles, and the areas they grade (rules in models/)."""
    return Grades(nlp, rules.load("grades"), rules.load("areas"))
