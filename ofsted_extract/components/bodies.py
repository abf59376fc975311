"""Inspected bodies: their names, the short names an article uses, and the sort of visit made.

An article names its subject once in full ("Dunmoor Metropolitan Borough
Council") and then by its place ("Dunmoor's services", a "DUNMOOR" heading), so
bodies are found in two steps: *typed names* (a capitalised name ending in a
head word such as Council, School, College, Nursery, Ltd; a childminder's own
name; "The Willows, a children's home ...") and then every later use of the
short name. All mentions of one body share a *key* (``span._.ofsted_body``);
``doc._.ofsted_bodies`` maps each key to its typed forms, so the assembler can
pick the fullest form that fits the inspection's remit.

Output: ``doc.spans["bodies"]`` (label = kind: council, school, college,
nursery, childminder, home, provider, service, send, jtai, named) and
``doc.spans["visits"]`` (label = visit type; ``span._.ofsted_strong`` when the
mention reports one visit that happened rather than visits in general).

Rule data: ``models/bodies.json``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import rules
from .grades import TokenTable, phrase_matches, positions, token_table, word_ids

if not Span.has_extension("ofsted_body"):
    Span.set_extension("ofsted_body", default=None)
if not Span.has_extension("ofsted_strong"):
    Span.set_extension("ofsted_strong", default=False)
if not Span.has_extension("ofsted_past"):
    Span.set_extension("ofsted_past", default=False)
if not Doc.has_extension("ofsted_bodies"):
    Doc.set_extension("ofsted_bodies", default=None)

#: Longest name walked to the left of a head word: names are short, and a cap
#: keeps a page of capitalised junk linear.
MAX_NAME_TOKENS = 8
#: At most this many distinct short names go into the alias search.
MAX_CLUSTERS = 60
_PLACE_KINDS = frozenset({"council", "send", "jtai"})
#: Words that follow the subject of a sentence: 'Amira Castell, who ...', '... was inspected'.
_AFTER_SUBJECT = frozenset({",", "was", "has", "is", "had", "who", "said", "says", "("})
_AFTER_COMMA = frozenset({"who", "whose", "a", "an", "the", "aged", "herself", "himself"})


class Furniture:
    """The doc's page furniture as sorted ranges, for overlap tests in O(log n).

    ``layout.in_boilerplate`` scans every furniture span on each call, which is quadratic
    over a page of many names and many chrome lines.
    """

    def __init__(self, doc: Doc) -> None:
        ranges = sorted((s.start_char, s.end_char) for s in doc.spans.get("boilerplate", []))
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


@dataclass
class BodyForm:
    """One typed naming of a body: 'Westmarch Borough Council' at 120-145."""

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


class Bodies:
    """The ``ofsted_bodies`` component."""

    def __init__(self, nlp: Language, data: dict[str, Any]) -> None:
        self.heads: dict[str, dict[str, Any]] = {
            k.lower(): v for k, v in data["heads"].items() if k != "_doc"
        }
        self.phrase_heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, kind in data["phrase_heads"].items():
            if phrase != "_doc":
                self.phrase_heads.add(f"H|{kind}", [nlp.make_doc(phrase)])
        self.apposition = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, kind in data["apposition_kinds"].items():
            if phrase != "_doc":
                self.apposition.add(f"P|{kind}", [nlp.make_doc(phrase)])
        self.visits = PhraseMatcher(nlp.vocab, attr="LOWER")
        vis = data["visits"]
        for visit in ("monitoring_visit", "focused_visit", "ungraded", "joint_targeted", "full"):
            self.visits.add(f"V|{visit}", [nlp.make_doc(p) for p in vis[visit]])
        self.future = frozenset(vis["future"])
        self.strong_before = frozenset(vis["strong_before"])
        self.past_before = frozenset(vis["past_before"])
        self.council_words = frozenset(data["council_words"]["words"])
        self.type_words = frozenset(data["type_words"]["words"])
        self.key_drop = frozenset(data["key_words"]["drop"])
        self.key_same: dict[str, str] = dict(data["key_words"]["same"])
        self.joiners = frozenset(data["name_joiners"])
        self.of_after = frozenset(data["of_after"]["words"])
        self.stop_leading = frozenset(data["stop_leading"]["words"])
        self.not_subject = [p.split() for p in data["not_subject_before"]["phrases"]]
        self.childminder = frozenset(data["childminder_words"]["words"])
        self.childminder_ids = word_ids(nlp.vocab, data["childminder_words"]["words"])
        named = data["named_subjects"]
        self.named_verbs = frozenset(named["verbs"])
        self.auxiliaries = frozenset(named["auxiliaries"])
        self.named_not = frozenset(named["not_names"])
        self.named_after_prep = frozenset(data["not_subject_before"]["alias_phrases"])
        self.not_a_body = frozenset(data["not_a_body"]["phrases"])
        self.not_a_body_parts = tuple(data["not_a_body"]["parts"])
        self.continuations = frozenset(data["head_continuations"]["words"])
        self.remit_cues: dict[str, list[str]] = {
            k: v for k, v in data["remit_cues"].items() if k != "_doc"
        }

    # ---- names -----------------------------------------------------------------

    def _name_word(self, doc: Doc, i: int) -> bool:
        text = doc[i].text
        return text[:1].isalpha() and text[:1].isupper()

    def _walk_left(self, doc: Doc, end: int, lo: int, initial_the: bool = False) -> int:
        """Start index of the capitalised name that ends just before ``end``."""
        i = end - 1
        start = end
        taken = 0
        while i >= lo and taken < MAX_NAME_TOKENS:
            tok = doc[i]
            text = tok.text
            if tok.is_space and "\n" not in text and len(text) <= 2 and start == i + 1:
                i -= 1  # a no-break space inside a name: 'Kelby\u00a0Primary\u00a0School'
                continue
            if tok.is_space or "\n" in tok.whitespace_:
                break
            if text in ("'s", "’s", "'", "’") and i > lo and not doc[i - 1].whitespace_:
                i -= 1
                continue
            if text == "-" and not tok.whitespace_ and i > lo and not doc[i - 1].whitespace_:
                i -= 1
                continue
            if self._name_word(doc, i):
                start = i
                taken += 1
                i -= 1
                continue
            if (text.lower() in self.joiners or text in ("AND", "OF")) and start == i + 1:
                if i > lo and self._name_word(doc, i - 1):
                    if text.lower() == "of" and doc[i - 1].text not in self.of_after:
                        break
                    if doc[i - 1].lower_ in self.heads:
                        break  # 'Brookfield Infant School and Brookfield Junior School'
                    i -= 1
                    continue
                break
            if (text.lower() == "of" and start == i + 1 and i > lo
                    and doc[i - 1].text in self.of_after):
                i -= 1
                continue
            break
        # trim words that open sentences but never names, and dangling joiners; a
        # capitalised 'The' inside a sentence belongs to the name ('rated The Willows')
        while start < end:
            if doc[start].text == "The" and start + 1 < end and (
                initial_the or not doc[start].is_sent_start
            ):
                break
            low = doc[start].text.lower()
            if low == "our" and start + 1 < end and doc[start + 1].text == "Lady":
                break  # 'Our Lady of Lourdes Catholic Primary' is a name
            if low in self.stop_leading or low in self.joiners or low in ("of", "'s", "-", "’s"):
                start += 1
                continue
            break
        return start

    def _typed(self, doc: Doc, text_lower: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of names ending in a head word."""
        out: list[tuple[int, int, str]] = []
        n = len(doc)
        table = token_table(doc)
        heads = self.heads
        context_seen: dict[tuple[str, ...], bool] = {}
        for h in [i for i, w in enumerate(table.low) if w in heads]:
            tok = doc[h]
            spec = heads[tok.lower_]
            head_start = h
            if not (tok.text[:1].isupper()):
                continue
            # 'Pre-School': the head is hyphenated onto the word before
            if (h >= 2 and doc[h - 1].text == "-" and not doc[h - 1].whitespace_
                    and not doc[h - 2].whitespace_):
                joined = (doc[h - 2].text + "-" + tok.text).lower()
                if joined in self.heads:
                    spec = self.heads[joined]
                    head_start = h - 2
            nxt = doc[h + 1] if h + 1 < n else None
            if nxt is not None and tok.whitespace_ and nxt.text in self.continuations:
                continue  # part of a longer name: 'Council Chamber', 'Academy Trust
            start = self._walk_left(doc, head_start, max(0, head_start - MAX_NAME_TOKENS - 2))
            if start >= head_start:
                continue
            name = doc[start : h + 1].text
            low = name.lower()
            if low in self.not_a_body or any(p in low for p in self.not_a_body_parts):
                continue
            needs = spec.get("requires_word")
            if needs and not any(w in low.split() for w in needs):
                continue
            context = spec.get("requires_context")
            if context:
                key = tuple(context)
                if key not in context_seen:  # once per doc, not once per head word
                    context_seen[key] = any(c in text_lower for c in context)
                if not context_seen[key]:
                    continue
            kind = str(spec["kind"])
            if kind == "council" and not [w for w in low.split() if w not in self.council_words]:
                continue
            out.append((start, h + 1, kind))
        return out

    def _phrase_headed(self, doc: Doc) -> list[tuple[int, int, str]]:
        out = []
        for match_id, start, end in phrase_matches(self.phrase_heads, doc):
            kind = doc.vocab.strings[match_id].split("|")[1]
            name_start = self._walk_left(doc, start, max(0, start - MAX_NAME_TOKENS))
            if name_start < start:
                out.append((name_start, end, kind))
        return out

    def _childminders(self, doc: Doc) -> list[tuple[int, int, str]]:
        """A childminder is inspected under her own name: 'Registered childminder Amira
        Castell', 'a childminder, Amira Castell,'; or, when the graded sentence only says
        'A Farley childminder has been rated outstanding', the person whose name opens one
        of the next two sentences."""
        out: list[tuple[int, int, str]] = []
        table = token_table(doc)
        texts, n = table.texts, table.n
        mentions = positions(table, self.childminder_ids)
        for i in mentions:
            k = i + 1
            if k < n and texts[k] == ",":
                k += 1
            end = self._person_name(table, k)
            if end is not None:
                out.append((k, end, "childminder"))
        if out or not mentions:
            return out
        graded = {table.sent_of[s.start] for s in doc.spans.get("grades", [])}
        for i in mentions:
            sent = table.sent_of[i]
            if sent not in graded:
                continue
            for nxt in (sent + 1, sent + 2):
                if nxt >= len(table.sent_bounds):
                    break
                a, b = table.sent_bounds[nxt]
                while a < b and table.is_space[a]:
                    a += 1
                end = self._person_name(table, a, opening=True)
                if end is not None:
                    return [(a, end, "childminder")]
        return out

    def _person_name(self, table: TokenTable, k: int, opening: bool = False) -> int | None:
        """End of a personal name of two or three capitalised words starting at ``k``; an
        ``opening`` name must be followed by what follows a sentence's subject."""
        texts, low, n = table.texts, table.low, table.n
        j = k
        words = 0
        while j < n and words < 3 and texts[j][:1].isupper() and texts[j].isalpha() \
                and low[j] not in self.named_not and low[j] not in self.type_words \
                and low[j] not in self.heads and low[j] not in self.stop_leading:
            j += 1
            words += 1
            # a hyphenated surname: 'Amira Castell-Mensah'
            while j + 1 < n and texts[j] == "-" and texts[j + 1][:1].isupper() \
                    and table.idx[j] == table.idx[j - 1] + len(texts[j - 1]) \
                    and table.idx[j + 1] == table.idx[j] + 1:
                j += 2
        if words < 2:
            return None
        if opening:
            # 'Amira Castell, who ...', 'Amira Castell was ...'; not a byline such as
            # 'Amira Castell, Education Reporter'
            if j >= n or low[j] not in _AFTER_SUBJECT:
                return None
            if low[j] == ",":
                k2 = j + 1
                while k2 < n and table.is_space[k2]:
                    k2 += 1
                if k2 >= n or not (low[k2] in _AFTER_COMMA or texts[k2].isdigit()):
                    return None
        return j

    def _named(self, doc: Doc) -> list[tuple[int, int, str]]:
        """'Little Otters Saltmere was judged Good': a capitalised subject or object of a
        grading verb, for bodies whose names carry no head word."""
        table = token_table(doc)
        low, texts, n = table.low, table.texts, table.n
        out: list[tuple[int, int, str]] = []
        for v in [i for i, w in enumerate(low) if w in self.named_verbs]:
            # subject: 'X was judged', 'X has been rated', 'X remains'
            j = v - 1
            while j >= 0 and (low[j] in self.auxiliaries or table.is_space[j]):
                j -= 1
            if j >= 0 and texts[j][:1].isupper():
                start = self._walk_left(doc, j + 1, max(0, j - 6))
                self._keep_named(doc, start, j + 1, out)
            # object: 'the inspector graded X Outstanding'
            k = v + 1
            while k < n and table.is_space[k]:
                k += 1
            end = k
            while end < n and end - k < 6 and texts[end][:1].isupper() and texts[end].isalpha() \
                    and low[end] not in self.named_not:
                end += 1
            if end > k + 1 and end < n and texts[end] not in ("'s", "’s"):
                self._keep_named(doc, k, end, out)
        return out

    def _keep_named(self, doc: Doc, start: int, end: int, out: list[tuple[int, int, str]]) -> None:
        if start >= end or end - start > 6:
            return
        words = [t.lower_ for t in doc[start:end]]
        if any(w in self.named_not or w in self.type_words for w in words) or not all(
            t.text[:1].isupper() or (t.lower_ in self.joiners and 0 < k < end - start - 1)
            for k, t in enumerate(doc[start:end])
        ):
            return  # every word capitalised, but 'Cradle & Kin Adoption' keeps its '&'

        if end < len(doc) and doc[end].text in ("'s", "’s"):
            return
        if end - start == 1 and doc[start].is_sent_start:
            return
        if start > 0 and doc[start - 1].lower_ in self.named_after_prep:
            return  # 'the edge of Wexcombe has been rated': a place, not the subject
        out.append((start, end, "named"))

    def _appositions(self, doc: Doc) -> list[tuple[int, int, str]]:
        """'The Willows, a four-bedroom children's home run by ...'."""
        out = []
        for match_id, start, _end in phrase_matches(self.apposition, doc):
            kind = doc.vocab.strings[match_id].split("|")[1]
            lo = max(0, start - 7)
            comma = None
            for k in range(start - 1, lo - 1, -1):
                if doc[k].text == ",":
                    comma = k
                    break
                if doc[k].is_sent_start:
                    break
            if comma is None or comma + 1 >= start or doc[comma + 1].lower_ not in ("a", "an"):
                continue
            name_start = self._walk_left(
                doc, comma, max(0, comma - MAX_NAME_TOKENS), initial_the=True
            )
            if name_start < comma:
                out.append((name_start, comma, kind))
        return out

    # ---- keys ------------------------------------------------------------------

    def _key_and_short(self, words: list[str], kind: str) -> tuple[str, str]:
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
        text = token_table(doc).text  # Doc.text joins every token on each call
        text_lower = text.lower()
        found = self._typed(doc, text_lower) + self._phrase_headed(doc)
        found += self._childminders(doc) + self._appositions(doc)
        typed_tokens = {i for a, b, _ in found for i in range(a, b)}
        found += [m for m in self._named(doc) if not typed_tokens & set(range(m[0], m[1]))]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        furniture = Furniture(doc)
        clusters: dict[str, BodyCluster] = {}
        mentions: list[tuple[int, int, str, str]] = []  # start_char, end_char, kind, key
        taken_until = -1
        for start, end, kind in found:
            if start < taken_until:
                continue
            span = doc[start:end]
            if furniture.overlaps(span.start_char, span.end_char):
                continue
            words = _join_clitics(span)
            key, short = self._key_and_short(words, kind)
            if not key:
                continue
            cluster = clusters.get(key)
            if cluster is None:
                if len(clusters) >= MAX_CLUSTERS:
                    continue
                cluster = clusters[key] = BodyCluster(key, short)
            cluster.forms.append(BodyForm(span.text, kind, span.start_char, span.end_char))
            mentions.append((span.start_char, span.end_char, kind, key))
            taken_until = end
        self._merge_named(clusters, mentions)
        self._aliases(doc, clusters, mentions, furniture)
        mentions.sort()
        spans: list[Span] = []
        for start_char, end_char, kind, key in mentions:
            mention = doc.char_span(start_char, end_char, label=kind, alignment_mode="expand")
            if mention is None:
                continue
            mention._.ofsted_body = key
            spans.append(mention)
        doc.spans["bodies"] = spans
        doc._.ofsted_bodies = clusters
        doc.spans["visits"] = self._visits(doc)
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

    def _aliases(
        self,
        doc: Doc,
        clusters: dict[str, BodyCluster],
        mentions: list[tuple[int, int, str, str]],
        furniture: Furniture,
    ) -> None:
        """Every later use of a short name ('Dunmoor', 'RAVENSMOOR') is a mention of its body."""
        by_short: dict[str, list[str]] = {}
        for key, cluster in clusters.items():
            if len(cluster.short) >= 3:
                by_short.setdefault(cluster.short.lower(), []).append(key)
        if not by_short:
            return
        alternatives = sorted(by_short, key=len, reverse=True)
        pattern = re.compile(
            r"(?<![\w'’-])(?:" + "|".join(re.escape(s) for s in alternatives) + r")(?![\w-])",
            re.IGNORECASE,
        )
        typed = sorted((m[0], m[1], m[3]) for m in mentions)
        text = token_table(doc).text
        extra: list[tuple[int, int, str, str]] = []
        ti = 0
        last_seen: dict[str, int] = {}  # key -> position of its latest typed mention so far
        for m in pattern.finditer(text):
            if not m.group(0)[:1].isupper():
                continue
            a, b = m.span()
            while ti < len(typed) and typed[ti][1] <= a:
                last_seen[typed[ti][2]] = typed[ti][0]
                ti += 1
            if ti < len(typed) and typed[ti][0] < b:
                continue  # inside a typed mention
            if furniture.overlaps(a, b):
                continue
            keys = by_short[m.group(0).lower()]
            key = keys[0]
            if len(keys) > 1:
                # an ambiguous short name is the body last named in full before it
                key = max(keys, key=lambda k: last_seen.get(k, -1))
            extra.append((a, b, "alias", key))
        mentions.extend(extra)

    def _visits(self, doc: Doc) -> list[Span]:
        out = []
        table = token_table(doc)
        furniture = Furniture(doc)
        for match_id, start, end in phrase_matches(self.visits, doc):
            visit = doc.vocab.strings[match_id].split("|")[1]
            sent_start, sent_end = table.sent_bounds[table.sent_of[start]]
            sent_start, sent_end = max(sent_start, start - 30), min(sent_end, end + 30)
            words = {
                table.low[k] for k in range(sent_start, sent_end) if table.texts[k] != "May"
            }
            if words & self.future:
                continue  # 'will carry out monitoring visits', 'is expected within months'
            if furniture.overlaps(table.idx[start], table.idx[start] + 1):
                continue
            window = [t for t in doc[max(sent_start, start - 4) : start] if not t.is_space]
            last = window[-1] if window else None
            strong = last is not None and (
                last.lower_ in self.strong_before
                or last.like_num
                or last.text in ("'s", "’s")
            ) or any(
                t.lower_ in ("following", "after", "since", "latest", "recent") for t in window
            )
            span = Span(doc, start, end, label=visit)
            span._.ofsted_strong = bool(strong)
            span._.ofsted_past = self._visit_past(table, start, end, sent_start, sent_end)
            out.append(span)
        return out

    def _visit_past(
        self, table: TokenTable, start: int, end: int, sent_start: int, sent_end: int
    ) -> int | bool:
        """Whether a visit is history ('The provider had received a monitoring visit',
        'an earlier focused visit'), or the year it is dated to ('a monitoring visit in
        2018'), so that it does not decide the visit type of a later graded inspection."""
        low = table.low
        if any(low[k] in self.past_before for k in range(max(sent_start, start - 3), start)):
            return True
        if "had" in low[max(sent_start, start - 8) : start]:
            return True
        for k in range(end, min(sent_end, end + 5)):
            text = table.texts[k]
            if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"):
                return int(text)
        return False


def _join_clitics(span: Span) -> list[str]:
    """Words of a name with "'s" and hyphen parts glued back on: "St Aldhelm's", "Pre-School"."""
    words: list[str] = []
    glue_next = False
    for tok in span:
        if tok.is_space:
            continue
        if words and (glue_next or tok.text in ("'s", "’s", "-")):
            words[-1] += tok.text
        else:
            words.append(tok.text)
        glue_next = tok.text == "-" and not tok.whitespace_
    return words


@Language.factory("ofsted_bodies")
def make_bodies(nlp: Language, name: str) -> Bodies:
    """Body names, their short forms and visit types (rules in models/bodies.json)."""
    return Bodies(nlp, rules.load("bodies"))


def bodies_data() -> dict[str, Any]:
    """The rule data, for the assembler's remit cues."""
    data: dict[str, Any] = rules.load("bodies")
    return data
