"""Assembling inspections from the grade, area, body and visit spans of a doc.

The components say *what* each grade mention is (``ofsted_grades``: this
inspection's grade, an area's, the one before, a dated one) and *which bodies*
an article names (``ofsted_bodies``). This module says *whose* each grade is:

1. Each grade mention is attached to a body: in its sentence the one named
   nearest before it (else the first named), else the last sentence before it
   that names one, else the headline's, else the next sentence naming one.
   Owners and places ("run by X Ltd", "a school in Hexford") are never chosen.
2. A body becomes an inspection when a grade of this inspection attaches to it
   (or a reported monitoring / focused / ungraded visit or a joint targeted
   inspection names it). A second body needs a grade in a sentence naming it
   and more than a passing mention (two sentences, or the opening words of a
   paragraph): an aside ("neighbouring Larkhill Vale, rated good last year", a
   school praised inside a quote) is not a round-up section.
3. With several inspections the text is cut into regions, one per body, from
   the paragraph where each is introduced; a grade belongs to the region it
   stands in. The headline only fills a field the body text leaves empty, so a
   headline repeating the body never counts twice.

"Dated" grades ("was rated good in 2018") are settled here, against the
article's own date: a year before it is the previous grade.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from spacy.tokens import Doc

from . import rules
from .components import dates
from .components.bodies import MENTIONS_KEY, VISITS_KEY, BodyCluster, bodies_data, furniture
from .components.grades import AREAS_KEY, GRADES_KEY, rows, token_table
from .components.layout import title_span
from .components.people import mention_dicts
from .record import AreaJudgement, Inspection, Judgement, PartialDate
from .textutil import evidence

#: Order of each scale, for ``direction``; grades of different scales are not compared.
_SCALES: tuple[dict[str, int], ...] = (
    {"inadequate": 1, "requires_improvement": 2, "good": 3, "outstanding": 4},
    {"inadequate": 1, "adequate": 2, "good": 3, "outstanding": 4},
    {"inadequate": 1, "satisfactory": 2, "good": 3, "outstanding": 4},
    {"performs_poorly": 1, "performs_adequately": 2, "performs_well": 3, "performs_excellently": 4},
    {"systemic_failings": 1, "inconsistent_outcomes": 2, "positive_outcomes": 3},
)
_T = TypeVar("_T")
_SEND_GRADES = frozenset({"systemic_failings", "inconsistent_outcomes", "positive_outcomes"})
_NO_NEW_GRADE = ("monitoring_visit", "focused_visit")
#: Grade roles that may be this inspection's outcome.
_CURRENT_ROLES = ("overall", "kept", "dated")
#: Body kinds that are a place's council (or its partnership), not a school or nursery.
_PLACE_KINDS = frozenset({"council", "send", "jtai"})
#: Which body kinds suit a remit, best first, when one body has several typed forms.
_KIND_ORDER: dict[str | None, tuple[str, ...]] = {
    "send_local_area": ("send", "council"),
    "joint_targeted": ("jtai", "council"),
    "childrens_services": ("council",),
}


@dataclass(slots=True)
class _Mention:
    grade: str
    role: str
    start: int
    end: int
    sent: int
    in_title: bool
    explicit: bool
    year: int | None
    years_ago: int | None
    category: str | None = None
    body: str | None = None
    body_how: str = ""
    #: a second body the grade is also given to ('... and Elmwood Academy in June. Both
    #: were judged good'), set by :meth:`_Builder.share_both`
    also: str | None = None


@dataclass(slots=True)
class _Visit:
    """A visit mention outside page furniture, from the bodies component's rows."""

    start_char: int
    end_char: int
    label_: str
    strong: bool
    past: int | bool


def _longest_first(phrases: Iterable[str]) -> str:
    """A regex alternation of the phrases, longest first, so a longer phrase wins."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def _relative_year() -> tuple[re.Pattern[str], dict[str, int]]:
    """'last year', 'two years ago' (grades rule data 'relative_years'): how many years
    before the article a phrase puts a visit."""
    years = {k: int(v) for k, v in rules.load("grades")["relative_years"].items() if k != "_doc"}
    alternatives = _longest_first(years)
    return re.compile(rf"\b(?:{alternatives})\b"), years


@functools.cache
def _not_subject() -> tuple[str, ...]:
    """Words before a name that make it an owner or a place ('run by', 'MP for')."""
    return tuple(p.lower() for p in bodies_data()["not_subject_before"]["phrases"])


@functools.cache
def _kind_after() -> re.Pattern[str]:
    """'Wexcombe children's home': a kind of body right after a place name."""
    data = bodies_data()
    kinds = [k for k in data["apposition_kinds"] if k != "_doc"]
    kinds += list(data["alias_place_kinds"]["words"])
    alternatives = _longest_first(kinds)
    return re.compile(r"(?:['’]s)?\s+(?:" + alternatives + r")\b", re.IGNORECASE)


@functools.cache
def _alias_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words before an alias that make it a place ('a school in Hexford'), and the words that
    may follow an alias without making it part of another name."""
    data = bodies_data()
    return (
        frozenset(data["not_subject_before"]["alias_phrases"]),
        frozenset(data["alias_name_continues"]["except"]),
    )


@functools.cache
def _unknown_outcome() -> tuple[str, ...]:
    """Phrases saying a new inspection's outcome is not yet known ('its report has not yet
    been published')."""
    return tuple(bodies_data()["outcome_unknown"]["phrases"])


@functools.cache
def _unnamed_graded() -> re.Pattern[str]:
    """A kind of body as the subject of a grading verb ('Tarnbury primary school rated good',
    'a nursery has been judged outstanding'): the grade of a body the sentence leaves unnamed."""
    words = bodies_data()["unnamed_graded_kinds"]["words"]
    alternatives = _longest_first(words)
    return re.compile(
        r"\b(?:" + alternatives + r")\s+(?:(?:has|have)\s+been\s+|was\s+|is\s+|were\s+)?"
        r"(?:rated|judged|graded)\b",
        re.IGNORECASE,
    )


@functools.cache
def _definite_kind() -> re.Pattern[str]:
    """'The junior school ...' opening a sentence: a kind of body named before, by kind."""
    words = bodies_data()["definite_kinds"]["words"]
    alternatives = _longest_first(words)
    return re.compile(r"[\s\"“‘']*The\s+(" + alternatives + r")\b")


@functools.cache
def _shared_opener() -> re.Pattern[str]:
    """'Both were judged good', 'Both of them have been rated good' opening a sentence: its
    grades are each of the two bodies' named just before (see ``shared_grade_openers``)."""
    verbs = bodies_data()["shared_grade_openers"]["verbs"]
    alternatives = _longest_first(verbs)
    return re.compile(
        r"[\s\"“‘']*Both\s+(?:of\s+them\s+)?(?:" + alternatives + r")\b", re.IGNORECASE
    )


@functools.cache
def _council_owned() -> tuple[re.Pattern[str], frozenset[str]]:
    """What after a council's name makes the graded thing its own provider ("Tarnbury
    Council's own children's homes"), and the kinds of body that provider may be named as."""
    data = bodies_data()["council_owned"]
    alternatives = _longest_first(data["kinds"])
    pattern = re.compile(r"['’]s\s+(?:own\s+)?(?:" + alternatives + r")\b", re.IGNORECASE)
    return pattern, frozenset(data["body_kinds"])


@functools.cache
def _current_full_before() -> frozenset[str]:
    """The word before 'full inspection' that makes it the current one ('its first')."""
    return frozenset(bodies_data()["visits"]["current_full_before"])


@functools.cache
def _owned_service() -> tuple[re.Pattern[str], frozenset[str]]:
    """"Tarnbury Council's fostering service": a service a body owns (the area key its
    group), and those area keys."""
    data = bodies_data()["council_owned"]
    services = "|".join(re.escape(w) for w in data["services"])
    nouns = "|".join(re.escape(w) for w in data["service_nouns"])
    pattern = re.compile(r"['’]s\s+(" + services + r")\s+(?:" + nouns + r")\b", re.IGNORECASE)
    return pattern, frozenset(w.lower() for w in data["services"])


#: How far after a council's name its own provider may be named (that sentence or the next).
_OWNED_REACH = 400
#: The end of a sentence: a full stop, question or exclamation mark before white space.
_SENT_END = re.compile(r"[.!?][\"”’']?\s")
#: 'council', 'council-run' or "council's own" right before a kind of body: the body's owner.
_COUNCIL_OWNS = re.compile(r"\bcouncil(?:-run|['’]s(?:\s+own)?)?\s+\Z")
#: A capitalised word right after a name: 'Wexcombe Evening Post', or after an ampersand
#: joining it to another such word: 'Wexcombe & Dunmoor Advertiser', a masthead ('&' joins
#: names in a title, seldom two bodies in running text, where 'and' does).
_NAME_GOES_ON = re.compile(r"[ \t]+(?:&[ \t]+)?([A-Z][\w'’]*[a-z][\w'’]*)")
#: Something other than white space (``str.strip`` and ``\s`` agree on what white space is).
_NOT_SPACE = re.compile(r"\S")
_PARA_BREAK = re.compile(r"\n[ \t]*\n")


def _para_starts(text: str) -> list[int]:
    """Where each paragraph starts: ``[p for p, _ in textutil.paragraphs(text)]``, without
    slicing and stripping every paragraph to see that it is not blank."""
    out: list[int] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        if _NOT_SPACE.search(text, pos, m.start()):
            out.append(pos)
        pos = m.end()
    if _NOT_SPACE.search(text, pos):
        out.append(pos)
    return out


class _Lazy(Generic[_T]):
    """A value computed the first time it is asked for, if ever."""

    def __init__(self, make: Callable[[], _T]) -> None:
        self._make: Callable[[], _T] | None = make
        self._value: _T | None = None

    def get(self) -> _T:
        if self._make is not None:
            self._value = self._make()
            self._make = None
        return cast(_T, self._value)


@dataclass
class _Draft:
    """An inspection being put together: its body, where it starts, its part of the text."""

    cluster: BodyCluster
    anchor: int
    region: tuple[int, int] = (0, 0)


def build_inspections(
    doc: Doc, published: PartialDate | None, warnings: list[str]
) -> list[Inspection]:
    """One Inspection per inspected body whose outcome the document reports."""
    return _Builder(doc, published, warnings).build()


def direction(overall: str | None, previous: str | None) -> str | None:
    """improved / declined / unchanged, when both grades sit on one scale."""
    if overall is None or previous is None:
        return None
    for scale in _SCALES:
        if overall in scale and previous in scale:
            a, b = scale[overall], scale[previous]
            return "improved" if a > b else "declined" if a < b else "unchanged"
    return None


class _Builder:
    def __init__(self, doc: Doc, published: PartialDate | None, warnings: list[str]) -> None:
        self.doc = doc
        table = token_table(doc)
        self.text = table.text  # Doc.text joins every token on each call
        self.published = published
        self.pub_year = published.year if published is not None else None
        self.warnings = warnings
        title = title_span(doc)
        self.title = (title.start_char, title.end_char) if title is not None else None
        self.furniture = furniture(doc)
        # the character offset of each sentence's first token
        self.sent_starts = list(map(table.idx.__getitem__, table.starts))
        self.n_sents = len(self.sent_starts)
        clusters = doc._.ofsted_bodies
        self.clusters: dict[str, BodyCluster] = clusters if isinstance(clusters, dict) else {}
        self.body_data = bodies_data()
        self.not_subject = _not_subject()
        self.in_sentence: dict[int, list[tuple[int, str]]] = {}
        self._paras: list[int] | None = None
        self.graded_areas: set[tuple[int, ...]] = set()
        self.alias_not_subject, self.name_goes_on_ok = _alias_words()
        self.kind_after = _kind_after()
        self.name_goes_on = _NAME_GOES_ON
        self._low: str | None = None
        #: the sentences of ``first_body`` in order, set by :meth:`build` for :meth:`attach`
        self._body_sent_list: list[int] | None = None
        #: the section headings of a round-up, found by :meth:`_headings` when first needed
        self._heading_sents: set[int] | None = None
        #: sentence -> the body a council's own provider there is named as, set by
        #: :meth:`body_mentions` ("One of Tarnbury Council's own children's homes ...")
        self.owned_to: dict[int, str] = {}
        #: sentences of no-grade visits set aside as an earlier inspection's background by
        #: :meth:`_before_this_visit` though they carried the region's only visit date
        self.background_sents: set[int] = set()
        #: body -> its part of a sentence naming it and one other body, both given the
        #: next sentence's grades ('Both were judged good'), by :meth:`pair_parts`
        self.pair_part: dict[str, tuple[int, int]] = {}
        #: paragraph index -> the body named in its opening words, by :meth:`paragraph_openers`
        self.opened_by: dict[int, str] = {}
        #: sentence -> the body its opening 'The junior school' refers to, by :meth:`kind_ref`
        self.kind_refs: dict[int, str | None] = {}

    # ---- helpers -----------------------------------------------------------------

    def boiler(self, a: int, b: int) -> bool:
        """Whether [a, b) overlaps page furniture."""
        return self.furniture.overlaps(a, b)

    def para_starts(self) -> list[int]:
        """Where each paragraph of the text starts (read once per doc)."""
        if self._paras is None:
            self._paras = _para_starts(self.text)
        return self._paras

    def in_title(self, a: int) -> bool:
        return self.title is not None and self.title[0] <= a < self.title[1]

    def sent_of(self, a: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, a) - 1)

    # ---- steps -------------------------------------------------------------------

    def build(self) -> list[Inspection]:
        mentions = self.mentions()
        self.unknown_outcomes(mentions)
        self.graded_areas = {(int(r[3]), int(r[4])) for r in rows(self.doc, AREAS_KEY)}
        bodies = self.body_mentions()
        first_body: dict[int, str] = {}
        for a, _b, key, subject_ok in bodies:
            if subject_ok:
                k = self.sent_of(a)
                first_body.setdefault(k, key)
                self.in_sentence.setdefault(k, []).append((a, key))
        title_key = None
        if self.title is not None:
            for a, _b, key, ok in bodies:
                if self.in_title(a) and ok:
                    title_key = key
                    break
        body_sents: dict[str, set[int]] = {}
        for a, _b, key, _ok in bodies:
            if not self.in_title(a):
                body_sents.setdefault(key, set()).add(self.sent_of(a))
        self._body_sent_list = sorted(first_body)
        for m in mentions:
            m.body, m.body_how = self.attach(m, first_body, title_key)
        if "Both" in self.text or "BOTH" in self.text:
            self.share_both(mentions)
        for k, ref in self.kind_refs.items():
            if ref is not None:
                body_sents.setdefault(ref, set()).add(k)  # 'The junior school' names it

        visits = [
            _Visit(int(a), int(b), str(label), bool(strong), past)
            for a, b, label, strong, past in rows(self.doc, VISITS_KEY)
            if not self.boiler(a, b)
        ]
        for v in visits:
            self.relative_visit_year(v)
        # the bodies named in the opening words of a paragraph, read only if a second
        # body's claim to an inspection of its own needs them
        para_first = _Lazy(lambda: self.paragraph_openers(bodies))
        drafts = self.drafts(mentions, body_sents, title_key, visits, para_first)
        if not drafts and any(m.in_title for m in mentions):
            # the headline is all there is: read it as text
            for m in mentions:
                m.in_title = False
            for a, _b, key, _ok in bodies:
                if self.in_title(a):
                    body_sents.setdefault(key, set()).add(self.sent_of(a))
            self.title = None
            drafts = self.drafts(mentions, body_sents, None, visits, para_first)
        if not drafts:
            return []
        if len(drafts) > 1:
            self.reanchor(drafts, bodies)
        self.regions(drafts, bodies)
        out = []
        for draft in drafts:
            inspection = self.inspection(draft, mentions, visits)
            if inspection is not None:
                out.append(inspection)
        return out

    def paragraph_openers(self, bodies: list[tuple[int, int, str, bool]]) -> dict[str, int]:
        """Bodies named in the opening words of a paragraph ('Meanwhile, Bramble Patch
        Pre-School, ...'), with where the first such paragraph starts: a round-up's sections
        open that way, an aside in a quote does not."""
        out: dict[str, int] = {}
        para_starts = self.para_starts()
        seen: set[int] = set()
        for a, _b, key, ok in bodies:
            para = bisect.bisect_right(para_starts, a) - 1
            if para in seen or not ok:
                continue
            seen.add(para)
            start = para_starts[para] if para >= 0 else 0
            if self.opens_paragraph(start, a):
                out.setdefault(key, start)
                self.opened_by[para] = key
        return out

    def opens_paragraph(self, para_start: int, a: int) -> bool:
        """Whether a name at ``a`` is among the opening words of the paragraph starting at
        ``para_start`` ('Meanwhile, Bramble Patch Pre-School, ...'), outside a quotation. A
        fronted phrase closed by a comma may be longer ('Half a mile away, St Brigid's
        Catholic Primary School has been rated ...')."""
        opening = self.text[para_start:a]
        if any(q in opening for q in "\"“‘'"):
            return False
        words = len(opening.split())
        return words <= 3 or (
            words <= 7 and opening.rstrip().endswith(",") and "," not in opening.rstrip()[:-1]
            and "." not in opening
        )

    def mentions(self) -> list[_Mention]:
        out = []
        overlaps, sent_starts, title = self.furniture.overlaps, self.sent_starts, self.title
        for a, b, grade, role, explicit, year, years_ago, category in rows(self.doc, GRADES_KEY):
            if overlaps(a, b):  # self.boiler(a, b)
                continue
            out.append(
                _Mention(
                    grade=str(grade),
                    role=str(role),
                    start=int(a),
                    end=int(b),
                    sent=max(0, bisect.bisect_right(sent_starts, a) - 1),  # self.sent_of(a)
                    in_title=title is not None and title[0] <= a < title[1],
                    explicit=bool(explicit),
                    year=year,
                    years_ago=years_ago,
                    category=category,
                )
            )
        return out

    def sentence_text(self, k: int) -> str:
        """The text of sentence ``k``."""
        a = self.sent_starts[k]
        b = self.sent_starts[k + 1] if k + 1 < self.n_sents else len(self.text)
        return self.text[a:b]

    def lowered(self) -> str:
        """The text in lower case, made once per doc and only when a rule needs it."""
        if self._low is None:
            self._low = self.text.lower()
        return self._low

    def unknown_outcomes(self, mentions: list[_Mention]) -> None:
        """'Kilnmoor Academy, rated requires improvement in 2022, was inspected again in
        February; its report has not yet been published': a grade given with its year, in a
        sentence saying the new outcome is not yet known, is the earlier inspection's."""
        cues = _unknown_outcome()
        dated = [m for m in mentions if m.year is not None and m.role in _CURRENT_ROLES]
        if not dated:
            return
        low = self.lowered()
        if not any(c in low for c in cues):
            return
        for m in dated:
            sentence = self.sentence_text(m.sent).lower()
            if any(c in sentence for c in cues):
                m.role = "previous"

    def body_mentions(self) -> list[tuple[int, int, str, bool]]:
        """(start, end, key, may-be-subject) of every body mention outside page furniture."""
        out = []
        text = self.text
        bylines = self.byline_lines()
        for a, b, kind, key in rows(self.doc, MENTIONS_KEY):
            if key is None or key not in self.clusters or self.boiler(a, b):
                continue
            if bylines and any(la <= a < lb for la, lb in bylines):
                continue  # 'By Jo Hart, Education Correspondent': the writer, never a body
            before = " ".join(text[max(0, a - 20) : a].lower().split())
            ok = not before.endswith(self.not_subject)
            if kind == "alias" and before.split()[-1:] and \
                    before.split()[-1] in self.alias_not_subject:
                ok = False  # 'a school in Hexford': a place, not the subject
            if kind == "alias" and self.kind_after.match(text, b):
                ok = False  # 'Wexcombe children's home': a home in Wexcombe, not its council
            if kind == "alias":
                goes_on = self.name_goes_on.match(text, b)
                if goes_on and goes_on.group(1).lower() not in self.name_goes_on_ok:
                    ok = False  # 'Wexcombe Evening Post': part of another name
            out.append((int(a), int(b), str(key), ok))
        if "'s" in text or "’s" in text:
            self.council_owned(out)
        self.council_aside(out)
        return out

    def council_aside(self, out: list[tuple[int, int, str, bool]]) -> None:
        """'Councillor Jo Hart, lead member for children at Tarnbury Council, said ...', 'an
        action plan drawn up with support from Tarnbury Council': a council named in full
        only as a person's employer or as a helper (each typed mention no subject) is no
        subject anywhere in an article that names another body that may be one, so its
        bare place in a masthead ('TARNBURY & DISTRICT GAZETTE') or a lead ('A Tarnbury
        primary school ...') does not take that body's grade either."""
        councils = {key for _a, _b, key, _ok in out if self.clusters[key].kinds == {"council"}}
        if not councils:
            return
        employers = self.employer_mentions(out, councils)
        forms = {(f.start, f.end) for c in self.clusters.values() for f in c.forms}
        typed: dict[str, bool] = {}  # council -> whether some typed mention may be a subject
        other = False
        for i, (a, b, key, ok) in enumerate(out):
            if key in councils:
                if (a, b) in employers:
                    out[i] = (a, b, key, False)
                    ok = False
                if (a, b) in forms:
                    typed[key] = typed.get(key, False) or ok
            elif ok and (a, b) in forms:
                other = True
        aside = {key for key, any_ok in typed.items() if not any_ok}
        if not aside or not other:
            return
        for i, (a, b, key, ok) in enumerate(out):
            if key in aside and ok:
                out[i] = (a, b, key, False)

    def employer_mentions(
        self, out: list[tuple[int, int, str, bool]], councils: set[str]
    ) -> set[tuple[int, int]]:
        """The council mentions that name a person's organisation, by the people component
        ('Jo Hart, director of children's services at Tarnbury Council'): a council form
        written as that organisation in the sentence naming the person."""
        found: set[tuple[int, int]] = set()
        people = [m for m in mention_dicts(self.doc) if m is not None and m.get("org")]
        if not people:
            return found
        text = self.text
        named = [(a, b) for a, b, key, _ok in out if key in councils]
        for m in people:
            sent = self.sent_of(int(m["start"]))
            org = str(m["org"])
            for a, b in named:
                if text[a:b] == org and self.sent_of(a) == sent:
                    found.add((a, b))
        return found

    def council_owned(self, out: list[tuple[int, int, str, bool]]) -> None:
        """'One of Tarnbury Council's own children's homes has been judged good. Oakridge,
        a four-bed home ...': the council owns the graded provider but is not the inspected
        body. When a home, school or nursery is named in that sentence or the next, the
        council's mention there is no subject and the sentence's grade is that body's."""
        owned, body_kinds = _council_owned()
        text = self.text
        for i, (a, b, key, ok) in enumerate(out):
            cluster = self.clusters[key]
            if not ok or "council" not in cluster.kinds or not owned.match(text, b):
                continue
            k = self.sent_of(a)
            for a2, _b2, key2, ok2 in out:
                if key2 == key or not ok2 or a2 < self.sent_starts[k] or a2 > b + _OWNED_REACH:
                    continue
                if len(_SENT_END.findall(text, b, a2)) > 1:
                    continue  # not in that sentence or the next
                if body_kinds.isdisjoint(self.clusters[key2].kinds):
                    continue
                out[i] = (a, b, key, False)
                self.owned_to.setdefault(k, key2)
                break

    def byline_lines(self) -> list[tuple[int, int]]:
        """The lines holding a byline (from the bylines component): a name on such a line is
        the writer's (a handful of lines at most, so a list scan is enough)."""
        text = self.text
        out = []
        for span in self.doc.spans.get("bylines", []):
            a = text.rfind("\n", 0, span.start_char) + 1
            b = text.find("\n", span.end_char)
            out.append((a, b if b >= 0 else len(text)))
        return out

    def attach(
        self, m: _Mention, first_body: dict[int, str], title_key: str | None
    ) -> tuple[str | None, str]:
        """The body a grade is about: in its sentence the nearest one named before it
        ('Unlike Easton Council, which is rated outstanding, Weston Council was judged
        inadequate'), else the first; else the last sentence before naming one; else the
        headline's; else the next sentence naming one."""
        owner_of = self.owned_to.get(m.sent)
        if owner_of is not None and m.sent not in first_body:
            return owner_of, "sentence"  # 'One of Tarnbury Council's own children's homes'
        if m.sent in first_body:
            named = self.in_sentence[m.sent]
            i = bisect.bisect_left(named, (m.start, "")) - 1
            return (named[i][1] if i >= 0 else first_body[m.sent]), "sentence"
        # the sentences naming a body, in order: bisect, not a walk over the sentences
        sents = self._body_sent_list
        if sents is None:
            sents = sorted(first_body)
        if not m.in_title:
            ref = self.kind_ref(m.sent, sents)
            if ref is not None:
                self.date_relative(m)
                return ref, "sentence"
        i = bisect.bisect_left(sents, m.sent) - 1  # the last one before
        if i >= 0 and sents[i] > m.sent - 60:
            if self.unnamed_graded(m, first_body[sents[i]]):
                return None, ""
            return first_body[sents[i]], "heading" if sents[i] in self._headings(
                first_body
            ) else "before"
        if title_key is not None:
            if self.unnamed_graded(m, title_key):
                return None, ""
            return title_key, "title"
        i = bisect.bisect_right(sents, m.sent)  # the first one after
        if i < len(sents) and sents[i] < min(self.n_sents, m.sent + 8):
            return first_body[sents[i]], "after"
        return None, ""

    def share_both(self, mentions: list[_Mention]) -> None:
        """'Oakby Primary School was inspected in May, and Elmwood Academy in June. Both were
        judged good overall': a grade in a sentence naming no body that opens with 'Both'
        (and a verb) is each of the two bodies' named in the sentence right before it, not
        only the one it is attached to. Exactly two bodies must be named there, so that
        'Both' cannot mean anything else named in it; whether the second body has an
        inspection of its own is left to its own grades (:meth:`inspection`)."""
        opener = _shared_opener()
        pairs: dict[int, list[str]] = {}  # sentence -> the two bodies it shares out (or none)
        for m in mentions:
            if m.in_title or m.body_how != "before" or m.body is None:
                continue
            k = m.sent
            if k not in pairs:
                pairs[k] = []
                named = self.in_sentence.get(k - 1, []) if k > 0 else []
                keys = list(dict.fromkeys(key for _a, key in named))
                if (
                    len(keys) == 2 and k not in self.in_sentence
                    and opener.match(self.text, self.sent_starts[k]) is not None
                ):
                    pairs[k] = keys
                    self.pair_parts(named, k - 1)
            keys = pairs[k]
            if m.body in keys:
                m.also = keys[1] if keys[0] == m.body else keys[0]

    def pair_parts(self, named: list[tuple[int, str]], k: int) -> None:
        """Each body's own part of a sentence naming two ('Oakby Primary School was inspected
        in May, and Elmwood Academy in June'): from its first name there to the other's
        name after it, or to the sentence's end; the visit date read from it stands in
        for one the body's region lacks."""
        end = self.sent_starts[k + 1] if k + 1 < self.n_sents else len(self.text)
        firsts: dict[str, int] = {}
        for at, key in named:
            firsts.setdefault(key, at)
        order = sorted(firsts.items(), key=lambda item: item[1])
        for (key, at), nxt in zip(order, [*order[1:], ("", end)], strict=True):
            self.pair_part.setdefault(key, (at, nxt[1]))

    def kind_ref(self, k: int, sents: list[int]) -> str | None:
        """'The school, which is federated with Ashby Junior School, ... The junior school was
        rated good when inspectors visited in November last year': a sentence naming no body
        that opens with 'The' and a kind of body refers to the body of that kind named just
        before (in one of the three sentences before it, whose name holds those words), as
        if it named it. The bare 'school' is not such a kind: it is the article's subject."""
        if k in self.kind_refs:
            return self.kind_refs[k]
        found: str | None = None
        a = self.sent_starts[k]
        opening = _definite_kind().match(self.text, a, min(len(self.text), a + 60))
        if opening is not None:
            kind = " " + opening.group(1).lower().replace("’", "'") + " "
            i = bisect.bisect_left(sents, k) - 1
            while found is None and i >= 0 and sents[i] >= k - 3:
                for _at, key in reversed(self.in_sentence.get(sents[i], [])):
                    cluster = self.clusters.get(key)
                    if cluster is not None and any(
                        kind in " " + " ".join(f.text.lower().replace("’", "'").split()) + " "
                        for f in cluster.forms
                    ):
                        found = key
                        break
                i -= 1
        self.kind_refs[k] = found
        return found

    def date_relative(self, m: _Mention) -> None:
        """'The junior school was rated good when inspectors visited in November last year':
        a grade the grades component calls the one before only for its 'last year' is,
        for a body referred to by kind, dated to that year, so that it is the body's own
        outcome unless a newer grade of it is told (as for 'was rated good in 2012')."""
        if (
            m.role == "previous" and m.year is None and m.years_ago == 1
            and self.pub_year is not None
        ):
            m.role = "dated"
            m.year = self.pub_year - 1
            m.years_ago = None

    def unnamed_graded(self, m: _Mention, key: str) -> bool:
        """Whether a grade in a sentence naming no body is an unnamed school's or nursery's
        ('- Tarnbury primary school rated good by Ofsted', a live blog's key-events line),
        so that it is not the grade of ``key``, a council named before it or in the headline."""
        cluster = self.clusters.get(key)
        if cluster is None or not cluster.kinds or not cluster.kinds <= _PLACE_KINDS:
            return False
        a = self.sent_starts[m.sent]
        found = _unnamed_graded().search(self.text, a, m.start)
        if found is None:
            return False
        # 'Council children's home rated outstanding': a council's own home, still unnamed
        before = _COUNCIL_OWNS.sub("", self.text[a : found.start()].lower())
        return "council" not in before + self.text[found.start() : m.start].lower()

    def _headings(self, first_body: dict[int, str]) -> set[int]:
        """The sentences that head a section about one body, in a round-up: a line that is
        a body's name (and its place) with a blank line under it ('Harnley Moor Infant
        School, Harnley'). A grade under it with no body in its own sentence ('The infant
        school now requires improvement') is that body's, as if named there. One such line
        is often the page's or the site's name, so there must be two or more."""
        if self._heading_sents is None:
            found = set()
            text, starts, n = self.text, self.sent_starts, self.n_sents
            for k in first_body:
                a = starts[k]
                b = starts[k + 1] if k + 1 < n else len(text)
                line, newline, rest = text[a:b].partition("\n")
                line = line.strip()
                if (
                    newline
                    and "\n" in rest
                    and not rest.strip()
                    and 0 < len(line.split()) <= 10
                    and line[-1] not in ".!?:;\"”'’"
                    and not self.in_title(a)
                ):
                    found.add(k)
            self._heading_sents = found if len(found) >= 2 else set()
        return self._heading_sents

    def drafts(
        self,
        mentions: list[_Mention],
        body_sents: dict[str, set[int]],
        title_key: str | None,
        visits: list[_Visit],
        para_first: _Lazy[dict[str, int]],
    ) -> list[_Draft]:
        current = ("overall", "kept", "area", "dated")
        firsts: dict[str, int] = {}
        named: dict[str, int] = {}  # bodies named in the sentence of one of their grades
        for m in mentions:
            if m.in_title or m.body is None or m.role not in current:
                continue
            firsts.setdefault(m.body, m.start)
            if m.body_how in ("sentence", "heading"):
                named.setdefault(m.body, m.start)
        if len(firsts) > 1:
            self.opener_grades(mentions, named, para_first)
        if firsts:
            # 'Crestline Ltd was visited for a monitoring visit. Elsewhere, Drayford College
            # ... good': a body named in the sentence of a reported visit is an inspection too
            for v in visits:
                if v.label_ not in _NO_NEW_GRADE or not v.strong or self._past_visit(v):
                    continue
                if self.in_title(v.start_char):
                    continue
                for at, visited in self.in_sentence.get(self.sent_of(v.start_char), [])[:1]:
                    if not self.in_title(at):
                        firsts.setdefault(visited, at)
                        named.setdefault(visited, at)
        if not firsts:
            # a reported visit with no new grade, or only the headline carries the grade
            key = self.visit_body(mentions, visits, body_sents, title_key)
            if key is not None:
                firsts[key] = min([m.start for m in mentions if m.body == key] or [0])
        if not firsts:
            return []
        main = title_key if title_key in named else min(firsts, key=lambda k: firsts[k])
        keep = [main]
        for key in named:
            # a second body needs its own grade sentence and more than a passing mention
            if key != main and (len(body_sents.get(key, ())) >= 2 or key in para_first.get()):
                keep.append(key)
        keep.sort(key=lambda k: named.get(k, firsts[k]))
        return [
            _Draft(self.clusters[k], named.get(k, firsts[k])) for k in keep if k in self.clusters
        ]

    def opener_grades(
        self, mentions: list[_Mention], named: dict[str, int], para_first: _Lazy[dict[str, int]]
    ) -> None:
        """'Meanwhile Ashlett Green Primary School, also in Dunmarsh, received an ungraded
        inspection in February. Inspectors found no change to the overall judgement of good
        ...': a body opening a paragraph whose outcome is told in a later sentence of that
        paragraph (one naming no body) is graded there as surely as in its own sentence, so
        it gets an inspection of its own rather than lending its grade to the first body."""
        paras = self.para_starts()
        for m in mentions:
            if m.in_title or m.body is None or m.body_how != "before" or m.body in named:
                continue
            if m.role not in ("overall", "kept", "area", "dated"):
                continue
            if m.body not in para_first.get():
                continue
            # any paragraph it opens, not only the first: a caption or a lead may open
            # with its name before the paragraph that tells its outcome
            if self.opened_by.get(bisect.bisect_right(paras, m.start) - 1) == m.body:
                named[m.body] = m.start

    def visit_body(
        self,
        mentions: list[_Mention],
        visits: list[_Visit],
        body_sents: dict[str, set[int]],
        title_key: str | None,
    ) -> str | None:
        """The body of a reported visit that gave no new grade (monitoring, focused, JTAI)."""
        reported = [
            v for v in visits
            if (v.label_ in ("monitoring_visit", "focused_visit", "ungraded") and v.strong)
            or v.label_ == "joint_targeted"
        ]
        if not reported:
            return None
        jtai = any(v.label_ == "joint_targeted" for v in reported)
        if jtai:
            for key, cluster in self.clusters.items():
                if "jtai" in cluster.kinds:
                    return key
        if not jtai and not any(m.role in ("previous", "kept", "dated") for m in mentions):
            return None
        for m in mentions:
            if m.body is not None and not m.in_title:
                return m.body
        if title_key is not None:
            return title_key
        if body_sents:
            return max(body_sents, key=lambda k: len(body_sents[k]))
        return None

    def reanchor(self, drafts: list[_Draft], bodies: list[tuple[int, int, str, bool]]) -> None:
        """Bodies graded together in one paragraph ('Lowmarsh climbs to good as Tallowfield
        falls to inadequate', a headline or a lead that names both) and then each given a
        paragraph of its own ('Tallowfield County Council, by contrast, has been rated
        inadequate ...'): each inspection starts at its own paragraph, the first later one
        that opens with its name, so that each body's grades, areas and dates are read from
        its own part of the text rather than the first body's part ending at the shared one."""
        paras = self.para_starts()

        def para_of(at: int) -> int:
            return bisect.bisect_right(paras, at) - 1

        shared = [para_of(d.anchor) for d in drafts]
        if len(set(shared)) == len(shared):
            return
        moved = False
        for draft, para in zip(drafts, shared, strict=True):
            if shared.count(para) < 2:
                continue
            key = draft.cluster.key
            for a, _b, other, ok in bodies:
                if other != key or not ok or self.in_title(a) or para_of(a) <= para:
                    continue
                if self.opens_paragraph(paras[para_of(a)], a):
                    draft.anchor = a
                    moved = True
                    break
        if moved:
            drafts.sort(key=lambda d: d.anchor)

    def regions(self, drafts: list[_Draft], bodies: list[tuple[int, int, str, bool]]) -> None:
        """Cut the text into one region per inspection, each from the paragraph introducing it."""
        n = len(self.text)
        if len(drafts) == 1:
            drafts[0].region = (0, n)
            return
        paras = self.para_starts()
        starts = [0]
        for prev, draft in zip(drafts, drafts[1:], strict=False):
            first = next(
                (a for a, _b, key, ok in bodies
                 if key == draft.cluster.key and a > prev.anchor and ok and not self.in_title(a)),
                draft.anchor,
            )
            first = min(first, draft.anchor)
            i = bisect.bisect_right(paras, first) - 1
            start = paras[i] if i >= 0 else first
            starts.append(max(start, starts[-1] + 1))
        starts.append(n)
        for k, draft in enumerate(drafts):
            draft.region = (starts[k], starts[k + 1])

    # ---- one inspection ------------------------------------------------------------

    def inspection(
        self, draft: _Draft, mentions: list[_Mention], visits: list[_Visit]
    ) -> Inspection | None:
        a, b = draft.region
        key = draft.cluster.key
        other_keys = {k for k in self.clusters if k != key}
        mine: list[_Mention] = []
        title_mine: list[_Mention] = []
        for m in mentions:
            if m.in_title:
                if m.body in (key, None):
                    title_mine.append(m)
                continue
            if m.body_how in ("sentence", "heading") and m.body in other_keys and m.body != key:
                # 'Neighbouring Farley is rated good': another body's grade
                continue
            if a <= m.start < b or m.also == key:
                mine.append(m)

        visit = self.visit_type(visits, a, b, mine)
        remit = self.remit(draft.cluster, mine, visits, a, b)
        self.settle_dated(mine, visit)
        self.settle_dated(title_mine, visit)

        overall_m = self.pick_overall(mine) or self.pick_overall(title_mine)
        self.warn_conflicts(draft, mine, overall_m)
        previous_m = self.pick_previous(mine) or self.pick_previous(title_mine)
        if visit in _NO_NEW_GRADE:
            if previous_m is None and overall_m is not None:
                previous_m = overall_m
            overall_m = None
        elif visit == "ungraded" and overall_m is None and previous_m is not None:
            overall_m = previous_m

        overall = self.judgement(overall_m, remit, with_year=False) if overall_m else None
        previous = self.judgement(previous_m, remit, with_year=True) if previous_m else None
        if overall is not None and overall.grade == "inadequate":
            overall.category = self.category(a, b)
        # a focused visit grades nothing: an area grade beside it ('care leavers were rated
        # good at that time') is the last full inspection's
        areas = self.areas(mine, remit) if visit != "focused_visit" else []
        if areas and overall_m is not None:
            areas = self.owned_service_areas(areas, [*mine, *title_mine])
        if overall is None and not areas and visit is None and remit != "joint_targeted":
            return None  # only the grade of an earlier inspection: no outcome reported
        if visit is None and overall is not None and not overall.grade.startswith("performs_"):
            visit = "full"  # a graded outcome is a full inspection (an annual performance
            # assessment is no visit at all)
        form = draft.cluster.fullest(_KIND_ORDER.get(remit, ()))
        region_dates = (a, b)
        inspected = dates.inspection_date(self.doc, *region_dates, self.published)
        if inspected is None and key in self.pair_part:
            # '..., and Elmwood Academy in June. Both were judged good': its date stands
            # in the sentence naming both, in the region of the other
            inspected = dates.inspection_date(self.doc, *self.pair_part[key], self.published)
        if (
            inspected is not None and inspected.evidence is not None and self.background_sents
            and self.sent_of(inspected.evidence.start) in self.background_sents
        ):
            inspected = None  # the date of the earlier visit set aside, not this one's
        return Inspection(
            subject=_display(form.text, draft.cluster, self.text),
            remit=cast(Any, remit),
            visit=cast(Any, visit),
            inspected=inspected,
            report_published=dates.report_date(self.doc, *region_dates, self.published),
            overall=overall,
            previous=previous,
            direction=cast(Any, direction(
                overall.grade if overall else None, previous.grade if previous else None
            )),
            areas=areas,
            subject_evidence=evidence(self.text, form.start, form.end),
        )

    def owned_service_areas(
        self, areas: list[AreaJudgement], mine: list[_Mention]
    ) -> list[AreaJudgement]:
        """'Tarnbury Council's fostering service has been judged good': the inspection is
        of that service, so a 'fostering' area (a headline's 'FOSTERING SERVICE RATED
        GOOD') is the service itself, told already by the overall, not one of its areas."""
        if not any(j.area in _owned_service()[1] for j in areas):
            return areas
        for m in mine:
            if m.role != "overall":
                continue
            found = _owned_service()[0].search(self.text, self.sent_starts[m.sent], m.start)
            if found is not None:
                key = found.group(1).lower()
                return [j for j in areas if j.area != key]
        return areas

    def visit_type(self, visits: list[_Visit], a: int, b: int, mine: list[_Mention]) -> str | None:
        inside = [v for v in visits if a <= v.start_char < b]
        plain_current = any(m.role == "overall" for m in mine)
        if plain_current:
            # a graded inspection is not turned into the monitoring visit it had before
            inside = [v for v in inside if not self._past_visit(v)]
            inside = self._before_this_visit(inside, a, b, mine)
            if any(v.label_ == "full" and self._first_full(v) for v in inside):
                # 'It is the provider's first full inspection': the monitoring visits
                # told beside it came before it
                return "full"
        for kind in ("monitoring_visit", "focused_visit", "ungraded"):
            strong = [v for v in inside if v.label_ == kind and v.strong]
            weak = [v for v in inside if v.label_ == kind and not v.strong]
            if strong or (weak and not plain_current):
                return kind
        for v in inside:
            if v.label_ != "full" or not v.strong:
                continue
            low = self.lowered()  # once per doc, and only for a full visit
            before = low[max(0, v.start_char - 12) : v.start_char].split()
            # 'its first full inspection', not 'its last full inspection'
            if not (before and before[-1] in ("last", "previous", "next", "latest", "prior")):
                return "full"
        return None

    def _before_this_visit(
        self, inside: list[_Visit], a: int, b: int, mine: list[_Mention]
    ) -> list[_Visit]:
        """'Inspectors visited between 27 January and 7 February ... rated good. A focused
        visit in 2019 found no areas for priority action': a no-grade visit dated to a year
        before the graded inspection's own visit is that inspection's background, not its
        type, even when the year is only the one before the article's. With no visit date
        in the region, area grades beside the current overall (which no monitoring or
        focused visit gives) mark the graded inspection as newer than a visit dated before
        the article's year. Only called for a region with a current overall grade; the
        region's visit date is read only when such a dated visit is there, and a visit
        dated to the region's own visit year stays the type."""
        dated = [
            v for v in inside
            if v.label_ in _NO_NEW_GRADE and not isinstance(v.past, bool) and v.past
        ]
        if not dated:
            return inside
        when = dates.inspection_date(self.doc, a, b, self.published)
        graded = any(m.role == "area" for m in mine)
        keep: list[_Visit] = []
        for v in inside:
            if v not in dated:
                keep.append(v)
                continue
            year = when.year if when is not None else None
            # the region's visit date may be this visit's own: then no later one is told
            own = when is not None and when.evidence is not None and self.sent_of(
                when.evidence.start
            ) == self.sent_of(v.start_char)
            if own:
                year = None
            if year is None and graded:
                year = self.pub_year
            if year is None or int(v.past) >= year:
                keep.append(v)
            elif own:
                # the visit date read for the region is this earlier visit's: not reported
                self.background_sents.add(self.sent_of(v.start_char))
        return keep

    def relative_visit_year(self, visit: _Visit) -> None:
        """'A focused visit in May last year had found ...': a no-grade visit dated only
        relative to the article is dated to that year, so that a graded inspection told
        beside it is not taken for that visit (see :meth:`_before_this_visit`). Read only
        in the rest of the visit's sentence, at most 40 characters on, and only for a
        visit that carries no past mark or year of its own."""
        if visit.past is not False or self.pub_year is None or visit.label_ not in _NO_NEW_GRADE:
            return
        k = self.sent_of(visit.start_char)
        end = self.sent_starts[k + 1] if k + 1 < self.n_sents else len(self.text)
        tail = self.lowered()[visit.end_char : min(end, visit.end_char + 40)]
        pattern, years = _relative_year()
        found = pattern.search(tail)
        if found is not None:
            visit.past = self.pub_year - years[found.group(0)]

    def _first_full(self, visit: _Visit) -> bool:
        """Whether a full inspection is called the body's first ('its first full
        inspection'): the current one, since a first is never an earlier one's background."""
        words = self.lowered()[max(0, visit.start_char - 12) : visit.start_char].split()
        return bool(words) and words[-1] in _current_full_before()

    def _past_visit(self, visit: _Visit) -> bool:
        past = visit.past
        if past is True:
            return True
        return bool(past) and self.pub_year is not None and int(past) < self.pub_year - 1

    def remit(
        self, cluster: BodyCluster, mine: list[_Mention], visits: list[_Visit], a: int, b: int
    ) -> str | None:
        kinds = cluster.kinds
        if any(m.grade in _SEND_GRADES for m in mine) or kinds == {"send"}:
            return "send_local_area"
        if any(v.label_ == "joint_targeted" and a <= v.start_char < b for v in visits):
            return "joint_targeted"
        kind_remit: dict[str, str | None] = self.body_data["kind_remit"]
        # an independent fostering or voluntary adoption agency ('agency') is social care
        # but not a council's children's services: remit 'other'
        for kind in ("school", "college", "nursery", "childminder", "home", "council", "agency"):
            if kind in kinds and kind_remit.get(kind):
                return kind_remit[kind]
        # a provider, a service or a bare name: the words of its region decide
        region = self.text[a:b].lower()
        best, score = None, 0
        for remit, cues in self.body_data["remit_cues"].items():
            if remit == "_doc":
                continue
            hits = sum(region.count(c) for c in cues)
            if hits > score:
                best, score = remit, hits
        return best

    def settle_dated(self, mine: list[_Mention], visit: str | None) -> None:
        """'was rated good in 2018': before the article's year is the previous grade.

        A dated grade with areas ('In 2011 inspectors judged leadership good') is an area
        grade when its year is this inspection's, and history otherwise.
        """
        others = any(m.role in ("overall", "kept") for m in mine)
        for m in mine:
            if m.role != "dated" or m.year is None:
                continue
            if (m.start, m.end) in self.graded_areas:
                old = self.pub_year is not None and m.year < self.pub_year - 1
                m.role = "previous" if old else "area"
                continue
            if self.pub_year is not None:
                if m.year < self.pub_year - 1:
                    m.role = "previous"
                elif m.year >= self.pub_year:
                    m.role = "overall"
                else:
                    m.role = "previous" if others or visit in _NO_NEW_GRADE else "overall"
            else:
                m.role = "previous" if others or visit in _NO_NEW_GRADE else "overall"

    def warn_conflicts(
        self, draft: _Draft, mine: list[_Mention], chosen: _Mention | None
    ) -> None:
        """Say so when the text calls two different grades the overall one."""
        if chosen is None:
            return
        explicit = {m.grade for m in mine if m.role in ("overall", "kept") and m.explicit}
        if len(explicit) > 1:
            others = ", ".join(sorted(explicit - {chosen.grade}))
            self.warnings.append(
                f"{draft.cluster.fullest().text}: the text gives more than one overall grade "
                f"({others} as well as {chosen.grade}); kept the first, {chosen.grade}"
            )

    @staticmethod
    def pick_overall(mine: Iterable[_Mention]) -> _Mention | None:
        """The first grade called the overall one, else the first grade of this inspection;
        a grade word is preferred over a category ('put into special measures once
        inspectors judged it inadequate' gives the evidence 'inadequate')."""
        cands = [m for m in mine if m.role in ("overall", "kept")]
        if not cands:
            return None
        explicit = [m for m in cands if m.explicit]
        chosen = (explicit or cands)[0]
        if chosen.category is not None:
            worded = [m for m in cands if m.category is None and m.grade == chosen.grade]
            return worded[0] if worded else chosen
        return chosen

    def pick_previous(self, mine: Iterable[_Mention]) -> _Mention | None:
        cands = [m for m in mine if m.role in ("previous", "kept")]
        if not cands:
            return None
        dated = [m for m in cands if self.year_of(m) is not None]
        if dated:
            latest = max(self.year_of(m) or 0 for m in dated)
            chosen = next(m for m in dated if self.year_of(m) == latest)
            if chosen.year is None:
                # 'two years after it was told it required improvement' only counts back
                # from the publication year; the same grade with its year written out
                # ('at its previous inspection, in 2021') is the same judgement, exactly
                exact = [
                    m for m in dated
                    if m.year is not None and m.grade == chosen.grade
                    and latest - (self.year_of(m) or 0) <= 1
                ]
                if exact:
                    return exact[0]
            return chosen
        return cands[0]

    def year_of(self, m: _Mention) -> int | None:
        if m.year is not None:
            if self.pub_year is not None and m.year > self.pub_year:
                return None  # a year still to come is not when the last grade was given
            return m.year
        if m.years_ago is not None and self.pub_year is not None:
            return self.pub_year - m.years_ago
        return None

    def judgement(self, m: _Mention, remit: str | None, with_year: bool) -> Judgement:
        grade = m.grade
        if grade == "grade_3":
            if self.pub_year is not None and remit == "school" and self.pub_year < 2013:
                grade = "satisfactory"
            elif (self.pub_year is not None and self.pub_year < 2014
                  and remit == "childrens_services"):
                grade = "adequate"
            else:
                grade = "requires_improvement"
        return Judgement(
            grade=cast(Any, grade),
            year=self.year_of(m) if with_year else None,
            evidence=evidence(self.text, m.start, m.end),
        )

    def category(self, a: int, b: int) -> Any:
        for span in self.doc.spans.get("grade_categories", []):
            if a <= span.start_char < b and not self.boiler(span.start_char, span.end_char):
                return span.label_
        return None

    def areas(self, mine: list[_Mention], remit: str | None) -> list[AreaJudgement]:
        by_grade = {(m.start, m.end): m for m in mine if m.role in ("area", "overall")}
        out: list[AreaJudgement] = []
        seen: set[str] = set()
        for a, b, key, ga, gb in rows(self.doc, AREAS_KEY):
            m = by_grade.get((ga, gb))
            if m is None:
                continue
            # a grade that is the overall may also be linked to a real area, as in
            # "the overall experiences ... were judged good, as was how well children
            # are helped and protected"; the row's key says which area it grades
            if m.role == "overall" and key == "overall":
                continue
            label = self.text[a:b]
            # one entry per key; 'other' once per provision type named
            seen_key = key if key != "other" else f"other:{label.lower()}"
            if seen_key in seen:
                continue
            seen.add(seen_key)
            grade = m.grade if m.grade != "grade_3" else "requires_improvement"
            out.append(
                AreaJudgement(
                    area=cast(Any, key),
                    label=label.strip(),
                    grade=cast(Any, grade),
                    evidence=evidence(self.text, m.start, m.end),
                )
            )
        return out


def _word_char(ch: str) -> bool:
    """What the regex ``\\w`` matches: a letter, digit or number sign of any script, or '_'."""
    return ch.isalnum() or ch == "_"


def _written_alone(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` as a word of its own: the regex
    ``(?<![\\w'’])word(?![\\w])``, without compiling a pattern for every new name."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else ""
        if (not before or not (_word_char(before) or before in "'’")) and (
            end >= len(text) or not _word_char(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


#: Words a name written in capitals may keep in lower case: 'C of E', 'Isle of Wight'.
_SMALL_NAME_WORDS = frozenset({"of", "and", "the", "upon", "on", "in", "&"})


def _display(text: str, cluster: BodyCluster, doc_text: str = "") -> str:
    """The name as a reader would write it: 'CALVERLEIGH Borough Council' (a shouted word of a
    headline style) as 'Calverleigh Borough Council' when the text also writes 'Calverleigh';
    'BRACKWATER COUNCIL' as 'Brackwater Council' when no other form was written."""
    written = {w.lower(): w for f in cluster.forms for w in f.text.split() if not w.isupper()}
    # 'ST COLUMBA'S C of E PRIMARY SCHOOL' shouts too: only its small joining words are not
    # in capitals
    shouting = text.isupper() or (
        any(w.isupper() for w in text.split())
        and all(w == w.upper() or w in _SMALL_NAME_WORDS for w in text.split())
    )
    out = []
    for word in text.split():
        if word.isupper() and (len(word) > 2 or (shouting and len(word) == 2)):
            # 'ABC Training Ltd' keeps its initials; a shouted headline form does not
            plain = written.get(word.lower())
            if plain is None and (not shouting or len(word) == 2) and doc_text:
                # 'HALMOOR City Council' when the text also writes 'Halmoor' alone; a
                # shouted 'ST' when the text writes 'St' ('CE' stays: it is never written 'Ce')
                cased = word.capitalize()
                if _written_alone(cased, doc_text):
                    plain = cased
            word = plain or (word.capitalize() if shouting and len(word) > 2 else word)
        out.append(word)
    return " ".join(out)
