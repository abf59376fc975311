"""Assembling people, their quotes and the report's quotes from a doc's spans.

The components mark what each sentence says: person mentions with the role
given beside them (``doc.spans["people"]``), quoted passages with a cue for
their speaker (``doc.spans["quotes"]``) and organisation names
(``doc.spans["people_orgs"]``). This step reads the document once more as a
whole:

- mentions of one person are linked ("Ben Evans", later "Mr Evans", "Cllr
  Evans", "Councillor B. Evans"): same surname, compatible first names and
  honorifics. The person's name is the fullest form, the role and
  organisation the first ones given;
- "he said" / "she added" goes to the latest person mentioned before it (out
  of quotes) whose honorific or earlier pronouns do not say otherwise;
- a speaker named by one word ("Rukhsana, who ..., said:") goes to the one
  person introduced before whose first name or surname it is (none if two are);
- a quote with no attribution of its own continues the speaker of the quote
  before it (same paragraph, or the paragraph just before);
- "says the head of maths" when no one has been given that role goes to the
  one person named in the sentence before, who takes the role (a name there
  that the people component passed over for want of a cue is read here);
- "the council's", "the college's", "its" and acronyms ("the ICB") become the
  organisation the article named, falling back on the inspections' subjects;
- authors are never people, and a person is listed only with a role or a quote.

A quote whose speaker cannot be told is left out, with a warning: a wrong
speaker is worse than none.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from . import rules
from .components.people import OUR_REF, Mention, mention_dicts, org_dicts, shared_lexicon
from .record import Inspection, Person, Quote
from .textutil import doc_text, evidence


@dataclass
class _Person:
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    #: the fullest given names seen so far ("Morwenna" over "M.")
    given: list[str] = field(default_factory=list)
    #: the surname of the first mention as a key (set by the first :meth:`add`)
    surname: str = ""

    def add(self, mention: Mention) -> None:
        if not self.mentions:
            self.surname = _key(mention.name.split()[-1])
        self.mentions.append(mention)
        words = mention.name.split()[:-1]
        if _fullness(words) > _fullness(self.given):
            self.given = words


def _key(word: str) -> str:
    return word.lower().replace("’", "'").strip(".")


def _fullness(words: list[str]) -> float:
    if not words:
        return 0
    return sum(0.5 if w.endswith(".") else 1.0 for w in words)


def _compatible(a: list[str], b: list[str]) -> bool:
    """Whether two lists of given names can be the same person ("M." and "Morwenna")."""
    if not a or not b:
        return True
    x, y = _key(a[0]), _key(b[0])
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return False


_ALNUM = re.compile(r"[a-z0-9]+")


def _norm_name(name: str) -> str:
    return " ".join(_ALNUM.findall(name.lower().replace("’", "'")))


#: A role named by a determiner and what follows it up to the end of the phrase ("the
#: head of maths, who joined ..." -> "head of maths").
_ROLE_PHRASE = re.compile(r"(?:the|our|its|their|his|her)\s+([^,.;:!?\n\"“”()–—]{1,80})", re.I)
_ROLE_PHRASE_END = re.compile(r"\s+(?:who|which|and|but|since|said|says|added|adds|told)\b.*", re.I)


@dataclass(frozen=True)
class _Rules:
    """What build_people reads from people.json, derived once per process."""

    genders: dict[str, str]
    owner_heads: dict[str, list[str]]
    subject_owners: frozenset[str]
    org_heads: frozenset[str]
    described_owners: frozenset[str]


@functools.cache
def _rules() -> _Rules:
    people = rules.load("people")
    return _Rules(
        people["honorific_gender"],
        people["owner_heads"],
        frozenset(people["subject_owners"]),
        frozenset(w.lower() for w in people["organisation_heads"]),
        frozenset(w.lower() for w in people["described_owners"]),
    )


#: A body's proper name: capitalised words, "of", "and" or "&" between them.
_BODY_NAME = r"(?P<name>[A-Z][\w'’&-]*(?:[ ](?:(?:of|and|&)[ ])?[A-Z][\w'’&-]*){0,4})"
#: The words of a description up to its kind: no "of", whose object would be the kind's
#: owner ("Jo Lane, a trustee of the group"), and no clause break.
_DESCRIPTION = r"(?:(?!\bof\b)[^,.;:()\n\"“”]){0,60}?"


@functools.cache
def _described(kind: str) -> re.Pattern[str]:
    """A body described as being of ``kind``: "Bumblekin, one of England's largest nursery
    chains", "Bumblekin, a nursery chain", "the nursery chain Bumblekin"."""
    k = re.escape(kind)
    return re.compile(
        rf"{_BODY_NAME},[ ](?:one[ ]of[ ]{_DESCRIPTION}\b{k}e?s|(?:the|a|an)[ ]{_DESCRIPTION}\b{k})"
        # before the name, the kind needs a describing word ("nursery chain Bumblekin"):
        # after a bare article it may end a clause ("rated a trust Ofsted praised")
        rf"(?![\w'’-])|\b(?!(?:the|a|an)\b)[a-z]+[ ]{k}[ ]{_BODY_NAME.replace('name', 'after')}"
    )


#: The page speaks as the inspected body: "following our inspection", "our recent Ofsted
#: inspection" (not "our last inspection", which any speaker may recall).
_OUR_INSPECTION = re.compile(r"\b[Oo]ur (?:recent |latest )?(?:Ofsted |OFSTED )?inspection\b")


class _Orgs:
    """Organisation names in the article, to resolve "the council's", "its" and acronyms."""

    def __init__(self, doc: Doc, inspections: list[Inspection]) -> None:
        got = _rules()
        self.owner_heads = got.owner_heads
        self.subject_owners = got.subject_owners
        self.org_heads = got.org_heads
        self.described_owners = got.described_owners
        self.found: list[tuple[int, str]] = []
        self.acronyms: dict[str, str] = {}
        for data in org_dicts(doc):
            if not data:
                continue
            name = str(data["name"])
            if name.isupper() and " " in name:
                name = name.title()  # a letterhead: "BRACKWELL COUNCIL"
            elif name.lower() in self.owner_heads and not name.isupper():
                continue  # "Trust chair Jo Lane": the kind alone, capitalised, names no body
            self.found.append((int(data["start"]), name))
            if data.get("acronym"):
                self.acronyms[str(data["acronym"]).lower()] = str(data["name"])
        self.found.sort()
        self.starts = [s for s, _ in self.found]
        self.subjects = [i.subject for i in inspections if i.subject]
        self.text = doc_text(doc)

    @functools.cached_property
    def own(self) -> str | None:
        """The body whose own page this is: its name alone on the page's first line.

        A school's or trust's site opens with its name as a masthead ("Corriebrae
        Education Trust", then the menu); a news page opens with the paper's name,
        which is no organisation here, and a scraped page with a cookie banner. Only
        the masthead is trusted: "our chief executive" on any other page stays unresolved.
        """
        lead = len(self.text) - len(self.text.lstrip())
        line_end = self.text.find("\n", lead)
        line = self.text[lead : line_end if line_end >= 0 else len(self.text)].strip()
        if not self.found or self.found[0][0] != lead:
            return None
        name = self.found[0][1]
        return name if line.lower() == name.lower() else None

    def _first_person_subject(self) -> str | None:
        """The one body inspected, on a page written in its own voice with no masthead:
        "Upper Marsh Pre-School has been judged outstanding following our inspection"
        in a village magazine makes "Our manager, Jo Lane," the setting's manager. Two
        subjects, or no such phrase, leave "our" unresolved (a council page may say
        "our director" of a school it did not run)."""
        if len(self.subjects) != 1 or _OUR_INSPECTION.search(self.text) is None:
            return None
        return self.subjects[0]

    def _matches(self, name: str, heads: list[str]) -> bool:
        low = name.lower()
        return any(low.endswith(h) or f"{h} " in f"{low} " for h in heads)

    def resolve(self, ref: str, pos: int) -> str | None:
        """The organisation a reference written at ``pos`` stands for."""
        if ref == OUR_REF:
            return self.own or self._first_person_subject()
        if ref in self.acronyms:
            return self.acronyms[ref]
        k = bisect_right(self.starts, pos) - 1
        if ref == "its":
            if k >= 0 and pos - self.found[k][0] < 600:
                return self.found[k][1]
            return None
        heads = self.owner_heads.get(ref, [ref])
        for i in range(k, max(k - 200, -1), -1):
            if self._matches(self.found[i][1], heads):
                return self.found[i][1]
        for i in range(k + 1, min(k + 200, len(self.found))):
            if self._matches(self.found[i][1], heads):
                return self.found[i][1]
        for subject in self.subjects:
            if subject and self._matches(subject, heads):
                return subject
        if ref in self.described_owners and ref in self.text:
            described = self._described(ref, pos)
            if described is not None:
                return described
        if len(self.subjects) == 1 and ref in ("council", "authority", "local authority"):
            return self.subjects[0]
        if len(self.subjects) == 1 and ref in self.subject_owners:
            # "the home's registered manager" in an article about "Rookwood Lodge": a
            # setting's name need not end in its kind, but it must not name another kind
            words = set(re.findall(r"[a-z'-]+", self.subjects[0].lower()))
            if not (words & self.org_heads) - set(heads):
                return self.subjects[0]
        return None

    def _described(self, kind: str, pos: int) -> str | None:
        """The body the article describes as a ``kind`` ("the chain's chief executive"
        after "Bumblekin, one of England's largest nursery chains"): the last one
        described before ``pos``, else the first after it."""
        best: str | None = None
        for m in _described(kind).finditer(self.text):
            name = m.group("name") or m.group("after")
            if m.start() > pos:
                return best or name
            best = name
        return best

    def fuller(self, short: str, pos: int) -> str:
        """The article's full name for a short one ("Corvell" -> "Corvell Training Ltd")."""
        k = bisect_right(self.starts, pos) - 1
        order = [*range(k, max(k - 200, -1), -1), *range(k + 1, min(k + 200, len(self.found)))]
        names: list[str] = [self.found[i][1] for i in order]
        return next((n for n in names if n.startswith(short + " ")), short)

    def expand(self, org: str) -> str:
        """An acronym written as the organisation ("at the ICB") in its full form."""
        return self.acronyms.get(org.lower().removeprefix("the ").strip(), org)


def _span_values(doc: Doc, group: str, name: str) -> list[Any]:
    """``span._.<name>`` of each span in ``doc.spans[group]``, in order.

    Reading ``span._.x`` makes an Underscore object per span and costs some
    microseconds; an extension with a plain default (None) keeps its values in
    ``doc.user_data`` under the key spaCy's Underscore makes from the span's
    offsets, and reading that key is the same read without the object. The key
    is checked against spaCy's own on the first span; extensions with a getter,
    a method or another default are read the ordinary way.
    """
    spans = doc.spans.get(group)
    if not spans:
        return []
    ext = Span.get_extension(name)
    first = spans[0]
    if (
        ext is None
        or ext[0] is not None
        or ext[1] is not None
        or ext[2] is not None
        or first._._get_key(name) != ("._.", name, first.start_char, first.end_char)
    ):
        return [span._.get(name) for span in spans]
    data: dict[Any, Any] = doc.user_data  # typed dict[str, Any]; spaCy keys it by tuples too
    return [data.get(("._.", name, span.start_char, span.end_char)) for span in spans]


def build_people(
    doc: Doc, authors: list[str], inspections: list[Inspection], warnings: list[str]
) -> tuple[list[Person], list[Quote]]:
    """The named people (not the authors) with roles and quotes, and the report quotes."""
    text = doc_text(doc)
    genders = _rules().genders
    author_keys = {_norm_name(a) for a in authors}
    byline_ranges = sorted((s.start_char, s.end_char) for s in doc.spans.get("bylines", []))
    byline_starts = [s for s, _ in byline_ranges]

    def in_byline(pos: int) -> bool:
        i = bisect_right(byline_starts, pos) - 1
        return i >= 0 and byline_ranges[i][0] <= pos < byline_ranges[i][1]

    # the dicts are only read here, so they are not copied
    quotes: list[dict[str, Any]] = [q for q in _span_values(doc, "quotes", "ofsted_quote") if q]
    quotes.sort(key=lambda q: int(q["open"]))
    quote_ranges = [
        (int(q["open"]), int(q["close"] if q["close"] is not None else q["segments"][-1][1]))
        for q in quotes
    ]
    quote_starts = [a for a, _ in quote_ranges]

    def in_quote(pos: int) -> bool:
        i = bisect_right(quote_starts, pos) - 1
        return i >= 0 and quote_ranges[i][0] < pos < quote_ranges[i][1]

    # a school or council named after its place: "what makes Thornaby Vale special",
    # where the bodies component read "Thornaby Vale" as the short form of the school
    # (a childminder is a body and a person at once, and stays a person)
    bodies = doc.spans.get("bodies", [])
    childminders = {s.text for s in bodies if s.label_ == "childminder"}
    body_ranges = sorted(
        (s.start_char, s.end_char)
        for s in bodies
        if s.label_ != "childminder" and s.text not in childminders
    )
    body_starts = [a for a, _ in body_ranges]

    def a_body(m: Mention) -> bool:
        i = bisect_right(body_starts, m.name_start) - 1
        return (
            m.honorific is None
            and i >= 0
            and body_ranges[i][0] <= m.name_start
            and m.end <= body_ranges[i][1]
        )

    mentions = [Mention.from_dict(data) for data in mention_dicts(doc) if data]
    mentions = [m for m in mentions if not a_body(m)]
    mentions.sort(key=lambda m: m.start)
    people: list[_Person] = []
    person_of: dict[int, _Person] = {}  # mention start -> person
    for m in mentions:
        if in_byline(m.start) or _norm_name(m.name) in author_keys:
            continue
        words = m.name.split()
        surname = _key(words[-1])
        if any(
            surname == _norm_name(a).split()[-1] and _compatible(words[:-1], a.split()[:-1])
            for a in authors
            if a.split()
        ):
            continue
        gender = genders.get(m.honorific or "")
        best = None
        for p in reversed(people):
            if p.surname != surname or not _compatible(words[:-1], p.given):
                continue
            if gender and p.gender and gender != p.gender:
                continue
            best = p
            break
        if best is None:
            best = _Person()
            people.append(best)
        best.add(m)
        best.gender = best.gender or gender
        person_of[m.start] = best

    # mentions outside quotes, in order: the candidates for "he" and "she"
    visible = [m for m in mentions if m.start in person_of and not in_quote(m.start)]
    visible_starts = [m.start for m in visible]

    def pronoun_person(pos: int, word: str) -> _Person | None:
        want = "m" if word.lower() == "he" else "f"
        k = bisect_right(visible_starts, pos) - 1
        while k >= 0 and pos - visible[k].start < 2500:
            person = person_of[visible[k].start]
            if person.gender in (None, want):
                person.gender = want
                return person
            k -= 1
        return None

    role_words: dict[int, set[str]] = {}

    def role_person(pos: int, head: str, prior: list[int], span: list[int]) -> _Person | None:
        """The person "the headteacher" stands for: the latest one given that role nearby."""
        k = bisect_right(visible_starts, pos) - 1
        while k >= 0 and pos - visible[k].start < 2500:
            person = person_of[visible[k].start]
            if head in words_of(person):
                return person
            k -= 1
        found = introduced_person(pos, prior, span)
        if found is not None:
            return found
        # a lead that names the role before the person: 'what its headteacher calls
        # "..."', with "Headteacher Jo Lane said" further down
        k += 1
        while k < len(visible) and visible[k].start - pos < 1500:
            person = person_of[visible[k].start]
            if head in words_of(person):
                return person
            k += 1
        return None

    def introduced_person(pos: int, prior: list[int], span: list[int]) -> _Person | None:
        """The one person named in the sentence before a role no one has been given yet.

        'Dervla Thorogood read it twice. "...," says the head of maths': the
        feature names the person, then gives the role in the speech tag. The
        person must have no role of their own; they take this one.
        """
        m = _ROLE_PHRASE.match(text, pos)
        if m is None or not span:
            return None
        phrase = _ROLE_PHRASE_END.sub("", m.group(1)).strip()
        parsed = shared_lexicon().parse_role(phrase)
        if parsed is None or parsed.role is None:
            return None
        found = {id(p): p for s in prior for p in [person_of.get(s)] if p is not None}
        if len(found) > 1 or (prior and not found):
            return None
        person = next(iter(found.values())) if found else bare_person(*span)
        if person is None or words_of(person):
            return None
        name = person.mentions[0].name
        person.mentions.append(
            Mention(
                start=pos,
                end=m.end(),
                name_start=pos,
                name=name,
                role=parsed.role,
                org=parsed.org,
                org_ref=parsed.org_ref,
                lead=pos,
                form="speech-tag role",
            )
        )
        role_words.pop(id(person), None)
        return person

    def bare_person(a: int, b: int, subject: int) -> _Person | None:
        """The one name in ``text[a:b]`` that the people component passed over for want of a
        role or a speech verb beside it ("Dervla Thorogood read it twice").

        Two name words or more, none of them a word that is never a name, outside
        the names of bodies; with two such names (or none) there is no telling. The
        name must be the sentence's subject, at ``subject`` (after any opening words
        such as "On the morning the email arrived,"), and not an owner ("Jo Lane's son").
        """
        lex = shared_lexicon()
        runs = [
            r
            for r in lex.run_re.finditer(text, a, b)
            if all(lex.name_word_ok(w) for w in r.group().split(" "))
        ]
        if len(runs) != 1:
            return None
        r = runs[0]
        if r.start() != subject or text[r.end() : r.end() + 1] in ("'", "’"):
            return None
        i = bisect_right(body_starts, r.start()) - 1
        if i >= 0 and r.start() < body_ranges[i][1]:
            return None
        if in_byline(r.start()) or _norm_name(r.group()) in author_keys:
            return None
        words = r.group().split(" ")
        key = _key(words[-1])
        mention = Mention(r.start(), r.end(), r.start(), r.group(), form="bare")
        for p in people:
            if p.surname == key and _compatible(words[:-1], p.given):
                # named again later with a cue ("Ms Thorogood said"): this is the first mention
                p.add(mention)
                p.mentions.sort(key=lambda x: x.start)
                people.sort(key=lambda x: x.mentions[0].start)
                return p
        person = _Person()
        person.add(mention)
        people.insert(bisect_right([q.mentions[0].start for q in people], r.start()), person)
        return person

    def words_of(person: _Person) -> set[str]:
        if id(person) not in role_words:
            role = next((m.role for m in person.mentions if m.role), "")
            role_words[id(person)] = set(re.findall(r"[a-z'-]+", role.lower()))
        return role_words[id(person)]

    def named_person(pos: int, word: str) -> _Person | None:
        """The one person introduced before ``pos`` whose first name or surname is ``word``.

        "Rukhsana, who visited the college, said:" after "Rukhsana Pellew" was
        named: with two such people (or none) the speaker cannot be told.
        """
        key = _key(word)
        k = bisect_right(visible_starts, pos)
        found = {
            id(p): p
            for m in visible[:k]
            for p in [person_of[m.start]]
            if p.surname == key or (p.given and _key(p.given[0]) == key)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    by_start: dict[int, _Person] = {
        m.start: p for m in mentions for p in [person_of.get(m.start)] if p
    }
    report_quotes: list[Quote] = []
    speakers: list[_Person | str | None] = []
    for q in quotes:
        cue = q["cue"]
        kind = cue["kind"]
        speaker: _Person | str | None = None
        if kind == "person":
            speaker = by_start.get(int(cue["start"]))
        elif kind == "report":
            speaker = "report"
        elif kind == "pronoun":
            speaker = pronoun_person(int(cue["start"]), str(cue["word"]))
        elif kind == "role":
            speaker = role_person(
                int(cue["start"]),
                str(cue["word"]),
                list(cue.get("prior", [])),
                list(cue.get("prior_span", [])),
            )
        elif kind == "name":
            speaker = named_person(int(cue["start"]), str(cue["word"]))
        elif kind == "previous" and 0 <= int(cue["previous"]) < len(speakers):
            speaker = speakers[int(cue["previous"])]
        speakers.append(speaker)
        if int(q["words"]) < 4 or q["label"]:
            continue
        segs = q["segments"]
        quote = Quote(
            text=str(q["text"]), evidence=evidence(text, int(segs[0][0]), int(segs[-1][1]))
        )
        if not quote.evidence.text:
            continue
        if speaker == "report":
            report_quotes.append(quote)
        elif isinstance(speaker, _Person):
            speaker.quotes.append(quote)
        else:
            words = quote.text.split()
            short = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
            warnings.append(f"quote left out, speaker unclear: “{short}”")

    orgs: _Orgs | None = None  # made when the first mention needs the article's bodies
    out: list[Person] = []
    for p in people:
        role = next((m for m in p.mentions if m.role), None)
        if role is None and not p.quotes:
            continue
        name_words = max(
            (m.name.split() for m in p.mentions), key=lambda w: (_fullness(w[:-1]) + 1, len(w))
        )
        first = p.mentions[0]
        org = None
        for m in p.mentions:
            if m.role and role is not None and m.role != role.role:
                continue  # another capacity: its body is not the one of the role given
            if not (m.org or m.org_ref):
                continue
            if orgs is None:
                orgs = _Orgs(doc, inspections)
            if m.org and m.org_ref and m.org_ref.startswith("name:"):
                org = orgs.fuller(m.org, m.start)
            elif m.org:
                org = orgs.expand(m.org)
            elif m.org_ref:
                org = orgs.resolve(m.org_ref, m.start)
            if org:
                # "Manager Jo Lane" in a caption, then "Jo Lane, who runs Little Owls, said"
                break
        out.append(
            Person(
                name=" ".join(name_words),
                honorific=next((m.honorific for m in p.mentions if m.honorific), None),
                role=role.role if role else None,
                organisation=org,
                quotes=p.quotes,
                evidence=evidence(text, first.start, first.end),
            )
        )
    return out, report_quotes
