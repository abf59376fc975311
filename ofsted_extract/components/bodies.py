"""Inspected bodies: their names, the short names an article uses, and the sort of visit made.

An article names its subject once in full ("Farley Metropolitan Borough
Council") and then by its place ("Farley's services", a "FARLEY" heading), so
bodies are found in two steps: *typed names* (a capitalised name ending in a
head word such as Council, School, College, Nursery, Ltd; a childminder's own
name; "The Willows, a children's home ...") and then every later use of the
short name. All mentions of one body share a *key* (``span._.ofsted_body``);
``doc._.ofsted_bodies`` maps each key to its typed forms, so the assembler can
pick the fullest form that fits the inspection's remit.

Output: ``doc.spans["bodies"]`` (label = kind: council, school, college,
nursery, childminder, home, provider, service, send, jtai, named) and
``doc.spans["visits"]`` (label = visit type; ``span._.ofsted_strong`` when the
mention reports one visit that happened rather than visits in general;
``span._.ofsted_past`` when it is history, or the year it is dated to).
The clusters are kept in ``doc.user_data`` as plain lists and strings, so a
processed Doc still serialises (``doc.to_bytes()``); ``doc._.ofsted_bodies`` is
a getter that turns them into :class:`BodyCluster` objects.

Everything is read from the shared token table and the one phrase pass of
:mod:`ofsted_extract.components.grades`: making spaCy Token objects for every
word looked at is what made this component slow.

Rule data: ``models/bodies.json``.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import rules
from .grades import PhraseIndex, row_field, shared_index, token_table
from .layout import furniture_pairs

#: Where the clusters live in ``doc.user_data``: {key: [short, [[text, kind, start, end]]]}.
_CLUSTERS_KEY = "ofsted_extract.bodies"
#: The BodyCluster objects already made from a doc's plain data.
_MADE: weakref.WeakKeyDictionary[Doc, tuple[int, dict[str, BodyCluster]]] = (
    weakref.WeakKeyDictionary()
)


def _clusters_of(doc: Doc) -> dict[str, BodyCluster] | None:
    """``doc._.ofsted_bodies``: the clusters, rebuilt from the plain data once per doc."""
    data = doc.user_data.get(_CLUSTERS_KEY)
    if not isinstance(data, dict):
        return None
    made = _MADE.get(doc)
    if made is not None and made[0] == id(data):
        return made[1]
    clusters = {
        str(key): BodyCluster(
            str(key), str(short), [BodyForm(str(t), str(k), int(a), int(b)) for t, k, a, b in forms]
        )
        for key, (short, forms) in data.items()
    }
    _MADE[doc] = (id(data), clusters)
    return clusters


#: The mentions and visits as plain rows in ``doc.user_data``, which the span
#: extensions read: [start_char, end_char, kind, key] and
#: [start_char, end_char, visit, strong, past].
MENTIONS_KEY = "ofsted_extract.body_mentions"
VISITS_KEY = "ofsted_extract.visits"

for _name, _getter in (
    ("ofsted_body", row_field(MENTIONS_KEY, 3, None)),
    ("ofsted_strong", row_field(VISITS_KEY, 3, False)),
    ("ofsted_past", row_field(VISITS_KEY, 4, False)),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)
if not Doc.has_extension("ofsted_bodies"):
    Doc.set_extension("ofsted_bodies", getter=_clusters_of)

#: Longest name walked to the left of a head word: names are short, and a cap
#: keeps a page of capitalised junk linear.
MAX_NAME_TOKENS = 8
#: The longest relative clause between a named subject and its verb ('X, which opened in
#: 2022 and was inspected for the first time on 7 February, was rated ...').
MAX_RELATIVE_TOKENS = 30
#: At most this many distinct short names go into the alias search.
MAX_CLUSTERS = 60
_PLACE_KINDS = frozenset({"council", "send", "jtai"})
#: Names whose key and short name are remembered at most (then forgotten all at once).
_MAX_KEYS = 4096
#: Words that follow the subject of a sentence: 'Jessamy Trelawney, who ...', '... was inspected'.
_AFTER_SUBJECT = frozenset({",", "was", "has", "is", "had", "who", "said", "says", "("})
_AFTER_COMMA = frozenset({"who", "whose", "a", "an", "the", "aged", "herself", "himself"})
#: "'S" too: a masthead shouts "ST COLUMBA'S C of E PRIMARY SCHOOL".
_CLITICS = frozenset({"'s", "’s", "'S", "’S", "'", "’"})
_WORD = re.compile(r"\S+")
#: Text ending in a word or three that a quote mark opens ("... 'BEDLAM"): a quote mark
#: right after it closes a quotation ("'BEDLAM' ACADEMY IN SPECIAL MEASURES") and is no
#: possessive, so the quoted words are no part of a name. Three words at most, so that
#: "'Pupils at St Thomas' School ..." is not read that way.
_QUOTED_BEFORE = re.compile(r"(?:^|(?<=\s))['‘][^\W\d_][\w-]*(?: [\w-]+){0,2}\Z")


class Furniture:
    """The doc's page furniture as sorted ranges, for overlap tests in O(log n), to which
    the grades component's inline promotion lines can be added (:meth:`add`)."""

    def __init__(self, doc: Doc) -> None:
        ranges = furniture_pairs(doc)  # a fresh list: :meth:`add` inserts into it
        self.ranges = ranges
        self.starts = [a for a, _ in ranges]
        # the furthest end reached by any range up to each index
        self.reach: list[int] = []
        best = -1
        for _, b in ranges:
            best = max(best, b)
            self.reach.append(best)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and self.reach[i] > a

    def add(self, ranges: list[tuple[int, int]]) -> None:
        """More furniture: the inline promotion lines the grades component found."""
        for a, b in ranges:
            i = bisect.bisect_left(self.starts, a)
            self.ranges.insert(i, (a, b))
            self.starts.insert(i, a)
        self.reach = []
        best = -1
        for _, b in self.ranges:
            best = max(best, b)
            self.reach.append(best)


def furniture(doc: Doc) -> Furniture:
    """The doc's Furniture, made once per doc and shared with the assembler."""
    table = token_table(doc)
    if not isinstance(table.furniture, Furniture):
        table.furniture = Furniture(doc)
        if table.promo:  # 'SEE ALSO: ...' lines: another article's headline
            table.furniture.add(table.promo)
    return table.furniture


@dataclass
class BodyForm:
    """One typed naming of a body: 'Farley Borough Council' at 120-142."""

    text: str
    kind: str
    start: int
    end: int

    @property
    def shouting(self) -> bool:
        return self.text.isupper()


@dataclass
class BodyCluster:
    """Every typed form of one body, and the short name used for the rest."""

    key: str
    short: str
    forms: list[BodyForm] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {f.kind for f in self.forms}

    def fullest(self, kind_order: tuple[str, ...] = ()) -> BodyForm:
        """The fullest form, preferring the kinds given (a remit's), then normal case."""
        def rank(f: BodyForm) -> tuple[int, int, int, int]:
            kind_rank = kind_order.index(f.kind) if f.kind in kind_order else len(kind_order)
            return (kind_rank, int(f.shouting), -len(f.text.split()), f.start)

        return min(self.forms, key=rank)


class _Doc:
    """What the rules read about one doc's tokens, from the shared token table."""

    def __init__(self, doc: Doc, index: PhraseIndex) -> None:
        table = token_table(doc)
        self.index = index
        self.doc = doc
        self.table = table
        self.n = table.n
        self.text = table.text
        self.texts = table.texts
        self.low = table.low
        self.space = table.is_space
        self.idx = table.idx
        self.lengths = table.texts.lengths
        self.sent_starts = table.flag_starts
        self._lowered: str | None = None

    def words(self, what: str) -> list[int]:
        """``index.words(doc, what)``, read straight from the table the index fills (once
        it has: ``Bodies.__call__`` asks for ``body_matches`` first)."""
        table = self.table
        if table.matches is None or table.matches[0] is not self.index:
            return self.index.words(self.doc, what)
        return table.words.get(what, [])

    def lowered(self) -> str:
        """``text.lower()``, made once and only when a rule needs it."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def word(self, i: int) -> str:
        a = self.idx[i]
        return self.text[a : a + self.lengths[i]]

    def ws(self, i: int) -> bool:
        """Whether white space follows token ``i`` on the same token boundary."""
        end = self.idx[i] + self.lengths[i]
        nxt = self.idx[i + 1] if i + 1 < self.n else len(self.text)
        return nxt > end

    def start_char(self, i: int) -> int:
        return self.idx[i]

    def end_char(self, i: int) -> int:
        """End of the token before ``i`` (``i`` > 0): the end of a span ending at ``i``."""
        return self.idx[i - 1] + self.lengths[i - 1]

    def name_word(self, i: int) -> bool:
        first = self.word(i)[:1]
        return first.isalpha() and first.isupper()


class Bodies:
    """The ``ofsted_bodies`` component."""

    def __init__(self, nlp: Language, data: dict[str, Any]) -> None:
        self.index = shared_index(nlp)
        self.heads: dict[str, dict[str, Any]] = {
            k.lower(): v for k, v in data["heads"].items() if k != "_doc"
        }
        vis = data["visits"]
        self.future = frozenset(vis["future"])
        #: future words that are nouns but before 'to': 'plans to carry out a focused
        #: visit', not 'children subject to a child protection plan'
        self.future_before_to = frozenset(vis["future_before_to"])
        self.strong_before = frozenset(vis["strong_before"])
        self.visit_modifiers = frozenset(vis.get("modifiers", ()))
        self.past_before = frozenset(vis["past_before"])
        self.council_words = frozenset(data["council_words"]["words"])
        self.type_words = frozenset(data["type_words"]["words"])
        self.key_drop = frozenset(data["key_words"]["drop"])
        self.key_same: dict[str, str] = dict(data["key_words"]["same"])
        self.joiners = frozenset(data["name_joiners"])
        self.of_after = frozenset(data["of_after"]["words"])
        self.stop_leading = frozenset(data["stop_leading"]["words"])
        named = data["named_subjects"]
        self.named_verbs = frozenset(named["verbs"])
        self.auxiliaries = frozenset(named["auxiliaries"])
        self.clause_openers = frozenset(named["clause_openers"])
        self.named_not = frozenset(named["not_names"])
        self.named_after_prep = frozenset(data["not_subject_before"]["alias_phrases"])
        self.address_before = frozenset(named["address_before"])
        self.street_words = frozenset(named["street_words"])
        self.as_words = frozenset(named["as_words"])
        self.complement_skip = frozenset(named["complement_skip"])
        self.complement_grades = frozenset(named["complement_grades"])
        owners = data["services_owners"]
        after = "|".join(
            r"[ \t]+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())
            for phrase in sorted(owners["after"], key=len, reverse=True)
        )
        # the services, found first (a literal the engine skips to), then up to three
        # capitalised words (never across a line) and a possessive right before them
        self.services_after = re.compile(r"(?i:(?<![\w'’-])(" + after + r"))\b")
        # the word every phrase holds ("children"), and the words some put before it
        # ("director of"): only the places of that word need trying (see _services_phrases)
        phrases = [p.lower().split() for p in owners["after"]]
        common = set(phrases[0]).intersection(*phrases[1:]) if phrases else set()
        word = min(common, key=len) if common else ""
        # its letters only, so that "children’s" with a curly apostrophe is found too
        letters = re.match(r"[a-z]+", word)
        self.services_anchor = letters.group() if letters else None
        leads = {" ".join(w[: w.index(word)]) for w in phrases} - {""} \
            if self.services_anchor else set()
        self.services_lead = re.compile(
            "(?:" + "|".join(r"[ \t]+".join(map(re.escape, lead.split())) for lead in leads)
            + r")[ \t]+\Z"
        ) if leads else None
        self.services_owner = re.compile(
            r"(?<![\w'’-])((?:[A-Z][\w-]*[ \t]+){0,2}[A-Z][\w-]*)((?:['’]s|(?<=s)['’])?)"
            r"[ \t]+\Z"
        )
        self.not_places = frozenset(owners["not_places"])
        self.needs_possessive = tuple(owners["needs_possessive"])
        self.not_a_body = frozenset(data["not_a_body"]["phrases"])
        self.not_a_body_part = re.compile(
            "|".join(re.escape(p) for p in data["not_a_body"]["parts"]) or "(?!)"
        )
        self.continuations = frozenset(data["head_continuations"]["words"])
        self.capitalised_heads = frozenset(data["phrase_heads_capitalised"]["kinds"])
        limits = data["apposition_limits"]
        self.appos_breaks = frozenset(limits["breaks"])
        self.appos_roles = frozenset(limits["roles"])
        self.the_followers = frozenset(limits["the_followers"])
        self.owned_owners = frozenset(data["council_owned"]["owners"])
        self.remit_cues: dict[str, list[str]] = {
            k: v for k, v in data["remit_cues"].items() if k != "_doc"
        }
        self.shouting_breaks = frozenset(data["shouting_breaks"]["words"])
        # "X, known locally as Y": Y is a second name of X (see ``_merge_known_as``)
        known = sorted(data["known_as"]["phrases"], key=len, reverse=True)
        self.known_as = re.compile(
            r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, k.split())) for k in known)
            + r")\s+[\"'‘“]?",
            re.IGNORECASE,
        )
        self._keys: dict[tuple[str, ...], tuple[str, str]] = {}

    # ---- names -----------------------------------------------------------------

    def _walk_left(self, d: _Doc, end: int, lo: int, initial_the: bool = False) -> int:
        """Start index of the capitalised name that ends just before ``end``."""
        i = end - 1
        start = end
        taken = 0
        doc_text, idx = d.text, d.idx
        while i >= lo and taken < MAX_NAME_TOKENS:
            first = doc_text[idx[i]]
            if first.isalpha() and first.isupper():  # d.name_word(i): no test below can pass
                start = i
                taken += 1
                i -= 1
                continue
            text = d.word(i)
            if d.space[i]:
                if "\n" not in text and len(text) <= 2 and start == i + 1:
                    i -= 1  # a no-break space inside a name: 'Kelby\u00a0Primary\u00a0School'
                    continue
                break
            if text in _CLITICS and i > lo and not d.ws(i - 1):
                if text in ("'", "’") and _QUOTED_BEFORE.search(
                    d.text, max(0, d.idx[i] - 40), d.idx[i]
                ):
                    break  # "'BEDLAM' ACADEMY": a closing quote mark, not "St Thomas' School"
                i -= 1
                continue
            if text == "-" and not d.ws(i) and i > lo and not d.ws(i - 1):
                i -= 1
                continue
            low = d.low[i]
            if (low in self.joiners or text in ("AND", "OF")) and start == i + 1:
                if i > lo and d.name_word(i - 1):
                    if low == "of" and d.word(i - 1) not in self.of_after:
                        break
                    if d.low[i - 1] in self.heads:
                        break  # 'Ashdyke Infant School and Ashdyke Junior School'
                    i -= 1
                    continue
                break
            if low == "of" and start == i + 1 and i > lo and d.word(i - 1) in self.of_after:
                i -= 1
                continue
            if low == "the" and start == i + 1 and i > lo + 1 and d.low[i - 1] == "of" \
                    and d.word(i - 2) in self.of_after:
                i -= 2  # 'Our Lady of the Rosary', 'Isle of the ...'
                continue
            break
        # trim words that open sentences but never names, and dangling joiners; a
        # capitalised 'The' inside a sentence belongs to the name ('rated The Willows')
        while start < end:
            word = d.word(start)
            if word == "The" and start + 1 < end and (
                initial_the or start not in d.sent_starts
            ):
                break
            low = word.lower()
            if low == "our" and start + 1 < end and d.word(start + 1) == "Lady":
                break  # 'Our Lady of Lourdes Catholic Primary' is a name
            if low in self.stop_leading or low in self.joiners or low in ("of", "'s", "-", "’s"):
                start += 1
                continue
            break
        return start

    def _typed(self, d: _Doc) -> list[tuple[int, int, str]]:
        """(start, end, kind) of names ending in a head word."""
        out: list[tuple[int, int, str]] = []
        n = d.n
        heads = self.heads
        context_seen: dict[tuple[str, ...], bool] = {}
        for h in d.words("head"):
            if not d.text[d.idx[h]].isupper():  # the first character: tokens are never empty
                continue
            word = d.word(h)
            spec = heads[d.low[h]]
            head_start = h
            # 'Pre-School': the head is hyphenated onto the word before
            if h >= 2 and d.word(h - 1) == "-" and not d.ws(h - 1) and not d.ws(h - 2):
                joined = (d.word(h - 2) + "-" + word).lower()
                if joined in heads:
                    spec = heads[joined]
                    head_start = h - 2
            if h + 1 < n and d.ws(h) and d.word(h + 1) in self.continuations:
                continue  # part of a longer name: 'Council Chamber', 'Academy Trust'
            start = self._walk_left(d, head_start, max(0, head_start - MAX_NAME_TOKENS - 2))
            if start >= head_start:
                continue
            low = d.text[d.start_char(start) : d.end_char(h + 1)].lower()
            if low in self.not_a_body or self.not_a_body_part.search(low):
                continue
            needs = spec.get("requires_word")
            if needs and not any(w in low.split() for w in needs):
                continue
            context = spec.get("requires_context")
            if context:
                key = tuple(context)
                if key not in context_seen:  # once per doc, not once per head word
                    text_lower = d.lowered()
                    context_seen[key] = any(c in text_lower for c in context)
                if not context_seen[key]:
                    continue
            if spec.get("requires_the"):
                # 'The Greyling Centre': a bare '<Name> Centre' is as often a leisure or
                # shopping centre; with 'the' before it, and the article calling something a
                # pupil referral unit ('requires_context'), it is the unit's own name
                before = start - 1
                if before < 0 or d.low[before] != "the":
                    continue
                if d.low[head_start - 1] in spec.get("not_after", ()):
                    continue  # 'the Fernhill Leisure Centre', 'the Market Shopping Centre'
                if d.word(before) == "The":
                    start = before  # the name as written: 'The Greyling Centre'
            kind = str(spec["kind"])
            if kind == "council" and not [w for w in low.split() if w not in self.council_words]:
                continue
            out.append((start, h + 1, kind))
        return out

    def _phrase_headed(
        self, d: _Doc, matches: list[tuple[str, str, int, int]]
    ) -> list[tuple[int, int, str]]:
        out = []
        for what, kind, start, end in matches:
            if what != "head":
                continue
            if kind in self.capitalised_heads and not all(
                d.word(k)[:1].isupper() for k in range(start, end) if d.word(k)[:1].isalpha()
            ):
                continue  # 'a Ravensby children's centre': a kind of place, no name
            name_start = self._walk_left(d, start, max(0, start - MAX_NAME_TOKENS))
            if name_start < start:
                out.append((name_start, end, kind))
        return out

    def _childminders(self, d: _Doc) -> list[tuple[int, int, str]]:
        """A childminder is inspected under her own name: 'Registered childminder Jessamy
        Trelawney', 'a childminder, Jessamy Trelawney,'; or, when the graded sentence only says
        'A Farley childminder has been rated outstanding', the person whose name opens one
        of the next two sentences."""
        out: list[tuple[int, int, str]] = []
        table = d.table
        mentions = d.words("childminder")
        for i in mentions:
            k = i + 1
            if k < d.n and d.low[k] == ",":
                k += 1
            end = self._person_name(d, k)
            if end is not None:
                out.append((k, end, "childminder"))
        if out or not mentions:
            return out
        graded = {table.sent_of[s.start] for s in d.doc.spans.get("grades", [])}
        for i in mentions:
            sent = table.sent_of[i]
            if sent not in graded:
                continue
            for nxt in (sent + 1, sent + 2):
                if nxt >= len(table.sent_bounds):
                    break
                a, b = table.sent_bounds[nxt]
                while a < b and d.space[a]:
                    a += 1
                end = self._person_name(d, a, opening=True)
                if end is not None:
                    return [(a, end, "childminder")]
        return out

    def _services_phrases(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """The 'after' phrases of ``services_owners`` in the text, in order: each holds one
        word ("children"), so only the places of that word are tried, where a phrase may
        open or follow its lead words ("director of")."""
        anchor, lead = self.services_anchor, self.services_lead
        if anchor is None or len(lowered) != len(text):
            # no word common to the phrases, or a letter whose lower case is longer
            yield from self.services_after.finditer(text)
            return
        p = lowered.find(anchor)
        while p >= 0:
            before = lead.search(lowered, max(0, p - 40), p) if lead is not None else None
            for at in (before.start(), p) if before is not None else (p,):
                found = self.services_after.match(text, at)
                if found is not None:
                    yield found
                    p = found.end()
                    break
            else:
                p += len(anchor)
            p = lowered.find(anchor, p)

    def _services_owners(self, d: _Doc) -> list[tuple[int, int, str]]:
        """A council named only by its place: 'Tarnbury's children's services',
        'Tarnbury's director of children's services' (models/bodies.json, 'services_owners')."""
        if "children" not in d.lowered():
            return []
        out: list[tuple[int, int, str]] = []
        idx = d.idx
        text = d.text
        lowered = d.lowered()
        for found in self._services_phrases(text, lowered):
            m = self.services_owner.search(text, max(0, found.start() - 120), found.start())
            if m is None:
                continue
            services = found.group(1)
            # the name's words as (start, end) in the text, leading sentence openers dropped
            spans = [w.span() for w in _WORD.finditer(d.text, m.start(1), m.end(1))]
            while spans and d.text[spans[0][0] : spans[0][1]].lower() in self.stop_leading:
                spans = spans[1:]
            if not spans:
                continue
            a, b = spans[0][0], m.end(1)
            lows = d.text[a:b].lower().split()
            if not m.group(2) and services.lower().startswith(self.needs_possessive):
                continue  # 'Interim Director of Children's Services': a role, no place
            if not services.islower() and (
                len(spans) > 1 or spans[0][0] != m.start(1)
            ):
                # 'Praise For Tarnbury Children's Services': in Title Case the capitalised
                # words before the place are no part of it, so only a one-word name counts
                continue
            if " ".join(lows) in self.not_places or not self.not_places.isdisjoint(lows):
                continue  # 'England's ...', 'Local Authority Children's Services'
            if any(w in self.named_not or w in self.heads or w in self.stop_leading
                   for w in lows):
                continue  # 'Ofsted's', 'Tarnbury Council's': not a bare place
            if all(w in self.council_words for w in lows):
                continue  # 'the County's children's services'
            start = bisect.bisect_left(idx, a)
            end = bisect.bisect_left(idx, b)
            if start < end and idx[start] == a and d.end_char(end) == b:
                out.append((start, end, "council"))
        return out

    def _person_name(self, d: _Doc, k: int, opening: bool = False) -> int | None:
        """End of a personal name of two or three capitalised words starting at ``k``; an
        ``opening`` name must be followed by what follows a sentence's subject."""
        low, n = d.low, d.n
        j = k
        words = 0
        while j < n and words < 3:
            word = d.word(j)
            if not (word[:1].isupper() and word.isalpha()) or low[j] in self.named_not \
                    or low[j] in self.type_words or low[j] in self.heads \
                    or low[j] in self.stop_leading:
                break
            j += 1
            words += 1
            # a hyphenated surname: 'Jessamy Trelawney-Quaye'
            while j + 1 < n and d.word(j) == "-" and d.word(j + 1)[:1].isupper() \
                    and not d.ws(j - 1) and not d.ws(j):
                j += 2
        if words < 2:
            return None
        if opening:
            # 'Jessamy Trelawney, who ...', 'Jessamy Trelawney was ...'; not a byline such as
            # 'Jessamy Trelawney, Education Reporter'
            if j >= n or low[j] not in _AFTER_SUBJECT:
                return None
            if low[j] == ",":
                k2 = j + 1
                while k2 < n and d.space[k2]:
                    k2 += 1
                if k2 >= n or not (low[k2] in _AFTER_COMMA or d.word(k2).isdigit()):
                    return None
        return j

    def _named(self, d: _Doc) -> list[tuple[int, int, str]]:
        """'Little Otters Saltmere was judged Good': a capitalised subject or object of a
        grading verb, for bodies whose names carry no head word."""
        low, n, space = d.low, d.n, d.space
        out: list[tuple[int, int, str]] = []
        for v in d.words("verb"):
            # subject: 'X was judged', 'X has been rated', 'X remains'
            j = v - 1
            while j >= 0 and (low[j] in self.auxiliaries or space[j]):
                j -= 1
            if j >= 0 and low[j] == ",":
                # 'Little Otters Lockford, which opened in 2021 and was visited in May, was
                # rated good', 'Little Otters Lockford, a 40-place setting, was rated good':
                # the subject stands before the relative clause or the apposition
                j = self._before_relative(d, j)
            if j >= 0 and d.word(j)[:1].isupper():
                start = self._walk_left(d, j + 1, max(0, j - 6))
                start, at = self._branch_at(d, start, j + 1)
                if not self._given_role(d, start, j + 1, v + 1):
                    self._keep_named(d, start, j + 1, out, at)
            # object: 'the inspector graded X Outstanding'; never on the next line, where a
            # headline's last word ('... lose top grades') is followed by a byline or a title
            k = v + 1
            while k < n and space[k]:
                if "\n" in d.word(k):
                    k = n
                    break
                k += 1
            end = k
            while end < n and end - k < 6 and low[end] not in self.named_not:
                word = d.word(end)
                if not (word[:1].isupper() and word.isalpha()):
                    break
                end += 1
            if end > k + 1 and end < n and d.word(end) not in ("'s", "’s") \
                    and not self._given_role(d, k, end, end):
                self._keep_named(d, k, end, out)
        return out

    def _given_role(self, d: _Doc, start: int, end: int, after: int) -> bool:
        """Whether ``start:end`` is a person's name given a role by 'as' at ``after``
        ('Jane Hart has been confirmed as chair of governors', 'the board confirmed
        Jane Hart as chair'): a role, unlike a grade ('Little Otters has been
        confirmed as outstanding'), is given to a person, never to a body."""
        low, n = d.low, d.n
        k = after
        while k < n and d.space[k]:
            k += 1
        if k >= n or low[k] not in self.as_words:
            return False
        k += 1
        while k < n and (d.space[k] or low[k] in self.complement_skip):
            k += 1
        if k >= n or low[k] in self.complement_grades or not d.word(k)[:1].isalpha():
            return False
        return self._person_name(d, start) == end

    def _before_relative(self, d: _Doc, comma: int) -> int:
        """The last token of the name before ', which ... ,' or ', a ... ,' when ``comma``
        closes such a clause or apposition in its own sentence (at most
        ``MAX_RELATIVE_TOKENS`` long); else -1."""
        low = d.low
        sent_start = d.table.sent_bounds[d.table.sent_of[comma]][0]
        for k in range(comma - 1, max(sent_start, comma - MAX_RELATIVE_TOKENS) - 1, -1):
            if low[k] == ",":
                if k + 1 < comma and low[k + 1] in self.clause_openers:
                    k -= 1
                    while k >= sent_start and d.space[k]:
                        k -= 1
                    return k if k >= sent_start else -1
                return -1  # another comma: a list or a second clause, not one relative
        return -1

    def _branch_at(self, d: _Doc, start: int, end: int) -> tuple[int, int]:
        """A nursery chain's branch: 'Little Bramblings at Quarndle has been rated ...'.

        The place after 'at' (one or two words, ``start:end``) is part of the name when
        two or more capitalised words stand before 'at' ('Staff at Quarndle' is no name),
        or one that is a proper name (:meth:`_brand_word`: 'Bumblethorn at Ravensholt').
        Returns the name's start and where its 'at' stands (-1 for none).
        """
        at = start - 1
        if at < 1 or d.low[at] != "at" or not 1 <= end - start <= 2:
            return start, -1
        before = self._walk_left(d, at, max(0, at - 4))
        if at - before < 2 and not (at - before == 1 and self._brand_word(d, before, at)):
            return start, -1
        return before, at

    def _brand_word(self, d: _Doc, k: int, at: int) -> bool:
        """Whether the one capitalised word ``k`` before a lower-case 'at' (``at``) is a
        chain's name rather than a common noun opening a sentence ('Teaching at Quarndle
        was judged good'): a word no rule list knows as a common one, capitalised inside
        a sentence here ('... announce that Bumblethorn at Ravensholt has been rated') or
        elsewhere in the text after a lower-case word ('... our cook at Bumblethorn')."""
        if d.word(at) != "at":
            return False  # 'Parents At Quarndle Rated Good': a Title Case headline
        word = d.word(k)
        low = d.low[k]
        if not word.isalpha() or low in self.stop_leading or low in self.named_not \
                or low in self.type_words or low in self.heads:
            return False
        if k not in d.sent_starts:
            return True
        text, here = d.text, d.idx[k]
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if pos != here and (end >= len(text) or not text[end].isalnum()):
                before = text[max(0, pos - 2) : pos]
                if len(before) == 2 and before[1] in " \t" and before[0].islower():
                    return True
            pos = text.find(word, end)
        return False

    def _keep_named(
        self, d: _Doc, start: int, end: int, out: list[tuple[int, int, str]], at: int = -1
    ) -> None:
        if start >= end or end - start > 6:
            return
        for k in range(start, end):
            if k == at:
                continue  # 'Little Bramblings at Quarndle' (see _branch_at)
            low = d.low[k]
            if low in self.named_not or low in self.type_words:
                return
            # every word capitalised, but 'Cradle & Kin Adoption' keeps its '&'
            if not d.word(k)[:1].isupper() and not (low in self.joiners and start < k < end - 1):
                return
        if end < d.n and d.word(end) in ("'s", "’s"):
            return
        if end - start == 1 and start in d.sent_starts:
            return
        if start > 0 and d.low[start - 1] in self.named_after_prep:
            return  # 'the edge of Wexcombe has been rated': a place, not the subject
        # 'Honeycomb Lane Nursery on Orchard Road has been judged ...', 'Bramble Patch,
        # Orchard Road, was judged ...': the body's address, not the subject
        if start > 0 and (
            d.low[start - 1] in self.address_before
            or (d.low[start - 1] == "," and d.low[end - 1] in self.street_words)
        ):
            return
        out.append((start, end, "named"))

    def _appositions(
        self, d: _Doc, matches: list[tuple[str, str, int, int]]
    ) -> list[tuple[int, int, str]]:
        """'The Willows, a four-bedroom children's home run by ...'."""
        out = []
        for what, kind, start, end in matches:
            if what != "appos":
                continue
            # 'Kit Lowe, a nursery manager': a role at such a body, not the body
            nxt = end
            while nxt < d.n and d.space[nxt]:
                nxt += 1
            if nxt < d.n and d.low[nxt] in self.appos_roles:
                continue
            lo = max(0, start - 7)
            comma = None
            for k in range(start - 1, lo - 1, -1):
                if d.low[k] == ",":  # only a comma lower-cases to one
                    comma = k
                    break
                if k in d.sent_starts:
                    break
            if comma is None or comma + 1 >= start:
                continue
            if d.low[comma + 1] in ("a", "an"):
                if not self.appos_breaks.isdisjoint(d.low[comma + 2 : start]):
                    continue  # 'Jo Hart, a governor at the school': the person is no school
            elif not self._council_owned_appos(d, comma + 1, start) and not self._the_kind_appos(
                d, comma + 1, start, nxt
            ):
                continue
            name_start = self._walk_left(
                d, comma, max(0, comma - MAX_NAME_TOKENS), initial_the=True
            )
            if name_start < comma and not self._calendar_words(d, name_start, comma):
                out.append((name_start, comma, kind))
        return out

    def _calendar_words(self, d: _Doc, start: int, end: int) -> bool:
        """Whether the words before the comma only name a day or a month ('published
        last Thursday, the school was rated good', 'In March, a nursery in Eldby'):
        a date before the clause, not a name described by it."""
        words = [d.low[j] for j in range(start, end) if not d.space[j]]
        return bool(words) and all(w in _CALENDAR or w in ("the", "last", "on", "in")
                                   for w in words)

    def _the_kind_appos(self, d: _Doc, k: int, start: int, nxt: int) -> bool:
        """Whether the words from ``k`` to the kind at ``start`` are 'the' and at most two
        lower-case words ('Elm Lodge, the pupil referral unit that serves Farley, ...', 'the
        only nursery in ...'), with the kind's noun phrase ending right after it (at
        ``nxt``: punctuation or an ``apposition_limits.the_followers`` word). With 'the' a
        kind is as often a person's workplace as the name's description ('Jo Hart, the
        school's bursar', 'Jo Hart, the school caretaker'), so a word that goes on the
        noun phrase, or a possessive, keeps the name out."""
        words = [j for j in range(k, start) if not d.space[j]]
        if not 1 <= len(words) <= 3 or d.low[words[0]] != "the":
            return False
        for j in words[1:]:
            if d.low[j] in self.appos_breaks or not d.word(j)[:1].islower():
                return False
        if nxt >= d.n:
            return True
        after = d.low[nxt]
        if after in _CLITICS:
            return False
        return after in self.the_followers or not after[:1].isalnum()

    def _council_owned_appos(self, d: _Doc, k: int, start: int) -> bool:
        """Whether the words from ``k`` to the kind at ``start`` are 'the council's' or 'the
        council's own' ('Elm Lodge, the council's pupil referral unit, ...'): the kind then
        describes the name as surely as after 'a', and a council never is a pupil referral
        unit, so the name is the body."""
        words = [d.low[j] for j in range(k, start) if not d.space[j]]
        if words[-1:] == ["own"]:
            words.pop()
        return (
            2 < len(words) <= 4
            and words[0] == "the"
            and words[-1] in _CLITICS
            and all(w in self.owned_owners for w in words[1:-1])
        )

    # ---- keys ------------------------------------------------------------------

    def _key_and_short(self, words: list[str], kind: str) -> tuple[str, str]:
        """The cluster key and short name of a name's words: :meth:`_make_key_and_short`,
        remembered, since the same name comes back within a page and across pages (it
        depends on nothing else)."""
        memo_key = (kind, *words)
        got = self._keys.get(memo_key)
        if got is None:
            if len(self._keys) >= _MAX_KEYS:
                self._keys.clear()
            got = self._keys[memo_key] = self._make_key_and_short(words, kind)
        return got

    def _make_key_and_short(self, words: list[str], kind: str) -> tuple[str, str]:
        if kind in _PLACE_KINDS:
            if kind == "council":
                kept = [
                    w for w in words if w.lower() not in self.council_words or w.lower() == "of"
                ]
            else:
                kept = []
                for w in words:
                    if w.lower() in self.type_words or w.lower() in ("area", "partnership"):
                        break
                    kept.append(w)
            while kept and kept[0].lower() in ("of", "the"):
                kept = kept[1:]
            while kept and kept[-1].lower() in ("of", "the"):
                kept = kept[:-1]
            short = " ".join(kept)
            return short.lower(), short
        full = [w for w in words if w.lower() != "the" or words.index(w) != 0]
        # 'Oakhollow High' and 'OAKHOLLOW High School' are one school
        key_words = [self.key_same.get(w.lower(), w.lower()) for w in full]
        key = " ".join(w for w in key_words if w and w not in self.key_drop)
        short_words: list[str] = []
        for w in full:
            if w.lower() in self.type_words:
                break
            short_words.append(w)
        short = " ".join(short_words) if short_words else " ".join(full)
        return key, short

    def __call__(self, doc: Doc) -> Doc:
        d = _Doc(doc, self.index)
        text = d.text
        matches = self.index.body_matches(doc)
        found = self._typed(d) + self._phrase_headed(d, matches)
        found += self._childminders(d) + self._appositions(d, matches)
        found += self._services_owners(d)
        typed_tokens = {i for a, b, _ in found for i in range(a, b)}
        found += [m for m in self._named(d) if typed_tokens.isdisjoint(range(m[0], m[1]))]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chrome = furniture(doc)
        clusters: dict[str, BodyCluster] = {}
        mentions: list[tuple[int, int, str, str]] = []  # start, end (tokens), kind, key
        taken_until = -1
        for start, end, kind in found:
            if start < taken_until:
                continue
            a, b = d.start_char(start), d.end_char(end)
            if chrome.overlaps(a, b):
                continue
            key, short = self._key_and_short(_join_clitics(d, start, end), kind)
            if not key:
                continue
            cluster = clusters.get(key)
            if cluster is None:
                if len(clusters) >= MAX_CLUSTERS:
                    continue
                cluster = clusters[key] = BodyCluster(key, short)
            cluster.forms.append(BodyForm(text[a:b], kind, a, b))
            mentions.append((start, end, kind, key))
            taken_until = end
        self._merge_named(clusters, mentions)
        self._merge_shouting(clusters, mentions)
        if "known" in d.lowered():  # (cheap gate: the phrases all hold it)
            self._merge_known_as(d, clusters, mentions)
        self._aliases(d, clusters, mentions, chrome)
        mentions.sort()
        doc.spans["bodies"] = [Span(doc, a, b, label=kind) for a, b, kind, _ in mentions]
        doc.user_data[MENTIONS_KEY] = [
            [d.start_char(start), d.end_char(end), kind, key] for start, end, kind, key in mentions
        ]
        doc.user_data[_CLUSTERS_KEY] = {
            key: [c.short, [[f.text, f.kind, f.start, f.end] for f in c.forms]]
            for key, c in clusters.items()
        }
        visits = self._visits(d, matches, chrome)
        doc.spans["visits"] = [Span(doc, a, b, label=visit) for a, b, visit, _, _ in visits]
        doc.user_data[VISITS_KEY] = [
            [d.start_char(start), d.end_char(end), visit, strong, past]
            for start, end, visit, strong, past in visits
        ]
        return doc

    @staticmethod
    def _merge_named(
        clusters: dict[str, BodyCluster], mentions: list[tuple[int, int, str, str]]
    ) -> None:
        """A name found only as the subject of a grading verb ('Hazel Barn rated
        Outstanding!') that is the short form or the start of another body's name ('Hazel
        Barn Day Nursery', 'Hazel Barn & Co') is that body, not a second one."""
        moved: dict[str, str] = {}
        for key, cluster in list(clusters.items()):
            if cluster.kinds != {"named"}:
                continue
            targets = [
                other for other_key, other in clusters.items()
                if other_key != key and other_key not in moved
                and (other.short.lower() == key or other_key.startswith(key + " "))
            ]
            if len(targets) != 1:
                continue  # none, or ambiguous
            target = targets[0]
            target.forms.extend(cluster.forms)
            moved[key] = target.key
            del clusters[key]
        if moved:
            mentions[:] = [(a, b, kind, moved.get(key, key)) for a, b, kind, key in mentions]

    @staticmethod
    def _move(
        clusters: dict[str, BodyCluster], mentions: list[tuple[int, int, str, str]],
        moved: dict[str, str],
    ) -> None:
        """Fold each cluster keyed in ``moved`` into the one it maps to, and its mentions."""
        if not moved:
            return
        for key, target in moved.items():
            clusters[target].forms.extend(clusters.pop(key).forms)
        mentions[:] = [(a, b, kind, moved.get(key, key)) for a, b, kind, key in mentions]

    def _merge_shouting(
        self, clusters: dict[str, BodyCluster], mentions: list[tuple[int, int, str, str]]
    ) -> None:
        """A name found only in capitals whose last words are another body's name in
        mixed case is that body: "OUTSTANDING VERDICT FOR QUERNHOWE SCHOOL" above
        "Quernhowe School, the county's ...".

        In an all-capitals headline the headline's own words look like the start of
        the name, so the name found there runs too far to the left. The mixed-case
        name must follow a break word ("for", "at"): "WHITBY ROAD NURSERY" stays its
        own body beside a "Road Nursery". Only a body of the same kind, written in
        mixed case, and the only one that fits, takes it.
        """
        moved: dict[str, str] = {}
        for key, cluster in clusters.items():
            if " " not in key or not all(f.shouting for f in cluster.forms):
                continue
            targets = [
                other_key for other_key, other in clusters.items()
                if key.endswith(" " + other_key) and other_key not in moved
                and key[: -len(other_key) - 1].rsplit(" ", 1)[-1] in self.shouting_breaks
                and not all(f.shouting for f in other.forms)
                and not cluster.kinds.isdisjoint(other.kinds)
            ]
            if len(targets) == 1:
                moved[key] = targets[0]
        self._move(clusters, mentions, {k: v for k, v in moved.items() if v not in moved})

    def _merge_known_as(
        self, d: _Doc, clusters: dict[str, BodyCluster], mentions: list[tuple[int, int, str, str]]
    ) -> None:
        """"X, known locally as Y" (or "X (also known as Y)"): Y's body is X's.

        Both names must be bodies found already, X ending right before the phrase
        (a comma, bracket or space between) and Y starting right after it.
        """
        text = d.text
        ends = {d.end_char(b): key for a, b, _, key in mentions}
        starts = {d.start_char(a): key for a, b, _, key in mentions}
        moved: dict[str, str] = {}
        for m in self.known_as.finditer(text):
            before = m.start()
            while before > 0 and text[before - 1] in " ,(\t":
                before -= 1
            first, second = ends.get(before), starts.get(m.end())
            if first is None or second is None:
                continue
            first = moved.get(first, first)
            if first != second and second not in moved and second in clusters:
                moved[second] = first
        # (a chain "A known as B", "B known as C" folds C into A)
        for key in moved:
            while moved[key] in moved:
                moved[key] = moved[moved[key]]
        self._move(clusters, mentions, moved)

    def _aliases(
        self,
        d: _Doc,
        clusters: dict[str, BodyCluster],
        mentions: list[tuple[int, int, str, str]],
        chrome: Furniture,
    ) -> None:
        """Every later use of a short name ('Farley', 'RAVENSMOOR') is a mention of its body.

        Each short name is looked up with ``str.find`` in the lower-cased text (a handful
        of names: cheaper than compiling a pattern for every document); at one place the
        longest name wins, as a regular expression's alternation would.
        """
        by_short: dict[str, list[str]] = {}
        for key, cluster in clusters.items():
            if len(cluster.short) >= 3:
                by_short.setdefault(cluster.short.lower(), []).append(key)
        if not by_short:
            return
        text = d.text
        lowered = d.lowered()
        if len(lowered) != len(text):  # a letter whose lower case is longer: fold by hand
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        hits: list[tuple[int, int, str]] = []
        for short in by_short:
            pos = lowered.find(short)
            while pos >= 0:
                end = pos + len(short)
                before = text[pos - 1] if pos else " "
                after = text[end] if end < len(text) else " "
                if not (before.isalnum() or before in "_'’-") and \
                        not (after.isalnum() or after in "_-") and text[pos].isupper():
                    hits.append((pos, end, short))
                pos = lowered.find(short, pos + 1)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        typed = sorted((d.start_char(m[0]), d.end_char(m[1]), m[3]) for m in mentions)
        idx = d.idx
        extra: list[tuple[int, int, str, str]] = []
        ti = 0
        last_seen: dict[str, int] = {}  # key -> position of its latest typed mention so far
        taken = -1
        for a, b, short in hits:
            if a < taken:
                continue
            taken = b
            while ti < len(typed) and typed[ti][1] <= a:
                last_seen[typed[ti][2]] = typed[ti][0]
                ti += 1
            if ti < len(typed) and typed[ti][0] < b:
                continue  # inside a typed mention
            if chrome.overlaps(a, b):
                continue
            keys = by_short[short]
            key = keys[0]
            if len(keys) > 1:
                # an ambiguous short name is the body last named in full before it
                key = max(keys, key=lambda k: last_seen.get(k, -1))
            start = bisect.bisect_right(idx, a) - 1
            end = bisect.bisect_left(idx, b)
            if 0 <= start < end:
                extra.append((start, end, "alias", key))
        mentions.extend(extra)

    def _visits(
        self, d: _Doc, matches: list[tuple[str, str, int, int]], chrome: Furniture
    ) -> list[tuple[int, int, str, bool, int | bool]]:
        """(start, end, visit type, strong, past) of each visit mentioned."""
        out = []
        table = d.table
        for what, visit, start, end in matches:
            if what != "visit":
                continue
            sent_start, sent_end = table.sent_bounds[table.sent_of[start]]
            sent_start, sent_end = max(sent_start, start - 30), min(sent_end, end + 30)
            # the set of words is made only when a future word is there at all
            if not self.future.isdisjoint(d.low[sent_start:sent_end]) and {
                d.low[k] for k in range(sent_start, sent_end)
                if (d.low[k] != "may" or d.word(k) != "May")
                and (d.low[k] not in self.future_before_to
                     or (k + 1 < len(d.low) and d.low[k + 1] == "to"))
            } & self.future:
                continue  # 'will carry out monitoring visits', 'is expected within months'
            if chrome.overlaps(d.idx[start], d.idx[start] + 1):
                continue
            window = [k for k in range(max(sent_start, start - 4), start) if not d.space[k]]
            # 'its first Ofsted monitoring visit': the word before the modifiers decides
            while len(window) > 1 and d.low[window[-1]] in self.visit_modifiers:
                window.pop()
            last = window[-1] if window else None
            strong = last is not None and (
                d.low[last] in self.strong_before
                or d.doc[last].like_num
                or d.word(last) in ("'s", "’s")
            ) or any(
                d.low[k] in ("following", "after", "since", "latest", "recent") for k in window
            )
            past = self._visit_past(d, start, end, sent_start, sent_end)
            out.append((start, end, visit, bool(strong), past))
        return out

    def _visit_past(
        self, d: _Doc, start: int, end: int, sent_start: int, sent_end: int
    ) -> int | bool:
        """Whether a visit is history ('The provider had received a monitoring visit',
        'an earlier focused visit'), or the year it is dated to ('a monitoring visit in
        2018'), so that it does not decide the visit type of a later graded inspection."""
        low = d.low
        if any(low[k] in self.past_before for k in range(max(sent_start, start - 3), start)):
            return True
        if "had" in low[max(sent_start, start - 8) : start]:
            return True
        for k in range(end, min(sent_end, end + 5)):
            word = d.word(k)
            if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
                return int(word)
        return False


def _join_clitics(d: _Doc, start: int, end: int) -> list[str]:
    """Words of a name with "'s" and hyphen parts glued back on: "St Wilfrid's", "Pre-School"."""
    words: list[str] = []
    glue_next = False
    for k in range(start, end):
        if d.space[k]:
            continue
        word = d.word(k)
        if words and (glue_next or word in ("'s", "’s", "'S", "’S", "-")):
            words[-1] += word
        else:
            words.append(word)
        glue_next = word == "-" and not d.ws(k)
    return words


#: Day and month names: never a body's name, however capitalised.
_CALENDAR = frozenset(rules.load("dates")["weekdays"]).union(rules.load("dates")["months"])


@Language.factory("ofsted_bodies")
def make_bodies(nlp: Language, name: str) -> Bodies:
    """Body names, their short forms and visit types (rules in models/bodies.json)."""
    return Bodies(nlp, rules.load("bodies"))


def bodies_data() -> dict[str, Any]:
    """The rule data, for the assembler's remit cues."""
    data: dict[str, Any] = rules.load("bodies")
    return data
