"""Bylines: the people who wrote the article.

A byline is a line of its own near the top: "By Jane Doe", "By Jane Doe,
Social Affairs Correspondent", "Reporter: Jane Doe", "Compiled by Jane Doe",
"Jane Doe, Local Democracy Reporter", or a bare name line under the headline
with a date, a job title or a social handle beside it. A "by" that names a
source ("Posted on 5 July 2022 by College News", "by Admin") is not a person,
and nothing else is taken for one: a contact officer, "Report of the Director
of Children's Services", a masthead above the headline.

Each byline name is a span in ``doc.spans["bylines"]`` (label ``BYLINE``) with
``span._.ofsted_author`` holding the name without honorific; :func:`authors`
reads them back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import rules
from .layout import furniture_pairs
from .people import INITIAL, NAME_WORD, PARTICLE, _alternation, plain_text

_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATEISH = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})[a-z]*|(?:{_MONTHS})[a-z]*\s+\d{{1,2}}\b|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}"
    r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)[a-z]*day\b|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b"
    r"|^(?:published|posted|updated|last updated|first published)\b)",
    re.I,
)


_TWO_CAPS = re.compile(r"[A-Z]{2}")
#: Where the sentence holding a standfirst credit starts: after the last full stop.
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+)(?=[^.!?]*$)")
_BY = re.compile(r"\b[Bb][Yy][ \t]")
_SHOUTED = re.compile(r"(?<![\w'’])[A-Z][A-Z'’-]+(?![\w'’])")
_REST_OPENER = re.compile(r"^(?:,|\||–|—|-|•|·|/|@|on\b|\d)")


class Bylines:
    """The ``ofsted_bylines`` component."""

    def __init__(self, data: dict[str, Any], people: dict[str, Any]) -> None:
        if not Span.has_extension("ofsted_author"):
            Span.set_extension("ofsted_author", default=None)
        honorifics = _alternation(list(people["honorifics"]))
        name = (
            rf"(?:(?:{honorifics})\.?[ ]+)?(?:{INITIAL} ?)*"
            rf"{NAME_WORD}(?: (?:{PARTICLE} )?{NAME_WORD}){{1,3}}"
        )
        self.name_re = re.compile(name)
        names = rf"(?P<names>{name}(?:(?:,[ ]*|[ ]+(?:and|&)[ ]+){name})*)"
        prefixes = _alternation(list(data["prefixes"]))
        self.prefixed = re.compile(
            rf"^[ \t|•·]*(?i:{prefixes})[ \t]*[:\-–—]?[ \t]+{names}(?P<rest>.*)$"
        )
        self.prefix_start = re.compile(rf"[ \t|•·]*(?i:{prefixes})")
        # a line end before a prefixed line: the literal line end lets the engine
        # skip from one to the next, where a multi-line "^" is tried at every character
        self.prefix_after_newline = re.compile(rf"\n(?=[ \t|•·]*(?i:{prefixes}))")
        self.trailing_by = re.compile(rf"\b(?i:by)[ \t]+{names}[ \t]*$")
        # a hyphen separates the title only with a space on one side of it: glued
        # between two letters it joins a double-barrelled surname ("Jo Lane-Hart
        # Education correspondent" is not "Jo Lane" titled "Hart Education ...")
        self.titled = re.compile(
            rf"^[ \t]*(?P<names>{name})[ \t]*(?:,|\||–|—|(?<=[ \t])-|-(?![^\W\d_]))"
            rf"[ \t]*(?P<rest>.+)$"
        )
        # "Jo Lane Social affairs correspondent": a name run on into a journalist's title
        # with no comma, the way some news sites print the byline and job title on one
        # line. The title opens with its one capitalised word and ends with the role word;
        # a title-case title ("Jo Lane Education Correspondent") is left alone, as nothing
        # tells where the name ends and the title starts
        run_on = _alternation(list(data["run_on_roles"]))
        self.run_on = re.compile(
            rf"^[ \t]*(?P<names>{name})[ \t]+(?P<rest>[A-Z][a-z]+(?:[ ]+[a-z][a-z'’-]*){{0,4}}"
            rf"[ ]+(?:{run_on})|(?=[A-Z])(?i:{run_on}))[ \t]*$"
        )
        # "Jo Lane  @JoLaneNews": a bare name with the writer's social handle after it on
        # the byline line, no separator between (trade and news sites print it so); a
        # date may follow the handle
        self.handle = re.compile(
            rf"^[ \t]*(?P<names>{name})[ \t]+@\w{{2,30}}\b(?P<rest>[^@]*)$"
        )
        # one name, or several joined as in a prefixed line ('Jo Lane and Sam Hart')
        self.bare = re.compile(rf"^[ \t]*{names}[ \t]*$")
        self.honorific = re.compile(rf"^(?:{honorifics})\.?[ ]+")
        self.outlet_words = {w.lower() for w in data.get("outlet_words", [])}
        self.journalist = re.compile(rf"(?:{_alternation(list(data['journalist_roles']))})", re.I)
        self.not_authors = {w.lower() for w in data["not_authors"]}
        self.not_name = {w.lower() for w in people["not_name_words"]} | {
            w.lower() for w in people["function_words"]
        }
        self.not_name -= {w.lower() for w in people["surname_safe"]}
        self.header_lines = int(data["header_lines"])
        # "Education reporter Jo Lane went back to find out what changed.": a writer credited
        # in a sentence of the standfirst, by a journalist's title right before the name and
        # a verb right after it (a comma, "said" or "has been appointed" would make the name
        # a source or the subject of the story)
        credit = _alternation(list(data["standfirst_roles"]))
        not_after = _alternation(list(data["standfirst_not_after"]))
        self.credit = re.compile(
            rf"(?<![\w'’-])(?i:{credit})[ ]+(?P<names>{name})[ ]+(?!(?:{not_after})\b)(?=[a-z])"
        )
        self.credit_not_before = {w.lower() for w in data["standfirst_not_before"]}
        self.prose_words = int(data["prose_words"])

    def _person(self, name: str) -> str | None:
        """``name`` without honorific, or None when it reads as a source, not a person."""
        name = self.honorific.sub("", name.strip())
        words = name.split()
        if len([w for w in words if not w.endswith(".")]) < 2:
            return None
        for w in words:
            low = w.lower().strip(".").replace("’", "'")
            if low in self.not_authors or low in self.not_name:
                return None
        return name

    def _names(self, group: str, offset: int) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for m in self.name_re.finditer(group):
            person = self._person(m.group())
            if person is None:
                break
            start = (
                offset
                + m.start()
                + (len(m.group()) - len(person) if m.group().endswith(person) else 0)
            )
            out.append((start, start + len(person), person))
        return out

    def _rest_ok(self, rest: str) -> bool:
        """What may follow a byline's names on its line: a title, a date, nothing."""
        rest = rest.strip()
        if not rest:
            return True
        if _DATEISH.search(rest) and len(rest.split()) <= 8:
            return True
        if not _REST_OPENER.match(rest):
            return False
        return len(rest.split()) <= 12

    def find(self, text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """The byline names of ``text``: (start, end, name without honorific).

        The header (the lines down to just after the first long line) is read
        line by line; below it only lines opening with a byline prefix count,
        and those are found by one pattern over the rest of the text.
        """
        skip_starts = [s for s, _ in skip]

        def skipped(pos: int) -> bool:
            i = bisect_right(skip_starts, pos) - 1
            return i >= 0 and skip[i][0] <= pos < skip[i][1]

        is_skipped = skipped if skip else None
        marks = _Marks(text)
        lines: list[tuple[int, int]] = []  # the non-blank lines outside page furniture
        found: list[tuple[int, int, str]] = []
        header_end = -1  # the first long line after the first line, once seen
        pos = 0
        n = 0  # len(lines)
        size = len(text)
        may_jump = True
        header_lines, prose_words = self.header_lines, self.prose_words
        while pos <= size and n <= 400:
            body_from = max(header_end, header_lines) + 2 if header_end >= 0 else n + 1
            if n >= body_from and may_jump:
                may_jump = text.count("\n", pos) + n < 400  # else the 400-line cap applies
                if may_jump:
                    # below the header, with no line cap to reach: jump to the prefixed
                    # lines, this one (``pos`` starts a line) and those after a line end
                    if self.prefix_start.match(text, pos):
                        self._read_body_line(text, pos, is_skipped, marks, found)
                    for opening in self.prefix_after_newline.finditer(text, pos):
                        self._read_body_line(text, opening.start() + 1, is_skipped, marks, found)
                    break
            e = text.find("\n", pos)
            if e < 0:
                e = size
            line = text[pos:e]
            rest = line.lstrip()
            # a non-blank line whose first character lies outside the furniture
            if rest and not (skip and skipped(e - len(rest))):
                lines.append((pos, e))
                if header_end < 0 and n > 0 and len(line.split()) >= prose_words:
                    header_end = n
                if e - pos > 200:
                    pass  # no byline line is this long
                elif n < body_from:
                    self._read_header_line(text, pos, e, marks, found)
                elif self.prefix_start.match(text, pos, e):  # below it, only this form
                    self._read_prefixed_line(text, pos, e, marks, found)
                n += 1
            pos = e + 1
        if header_end < 0:
            header_end = len(lines)
        if found or not lines:
            return _dedupe(found)
        # a bare name line in the header: under the headline or a date line, or above a
        # date, title or handle
        # ... or just under a standfirst (the first long line), with a date or title under it
        for n, (s, e) in enumerate(lines[: min(header_end + 3, self.header_lines)]):
            m = self.bare.match(marks.unshout(text, s, e))
            if not m:
                continue
            nxt = text[lines[n + 1][0] : lines[n + 1][1]].strip() if n + 1 < len(lines) else ""
            prev = text[lines[n - 1][0] : lines[n - 1][1]].strip() if n > 0 else ""
            after_headline = len(prev.split()) >= 5 and not prev.endswith((".", ":"))
            # "7 July 2022" then "Jo Lane": trade pages print the date line and then the
            # writer's name under the standfirst, so a short date line right above (no
            # blank line or page furniture between: a name further down is a caption or
            # a place line's subject) counts too
            after_date = bool(
                n > 0
                and lines[n - 1][1] + 1 == s
                and _DATEISH.search(prev)
                and len(prev.split()) <= 6
                and not prev.endswith((".", ":"))
            )
            before_detail = bool(
                (_DATEISH.search(nxt) and len(nxt.split()) <= 10)
                or (self.journalist.search(nxt) and len(nxt.split()) <= 6)
                or nxt.startswith("@")
                or self._outlet(nxt)
            )
            if before_detail or (after_headline and n < header_end) or after_date:
                names = self._names(m.group("names"), s + m.start("names"))
                if names:
                    return names
        return self._credited(text, lines[: min(header_end + 1, self.header_lines)])

    def _credited(self, text: str, header: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """A writer credited in a sentence of the header, the standfirst most often.

        The title must open its sentence, after a word or two at most ("Our
        education correspondent Jo Lane reports", "Education reporter Jo Lane
        went back"), and must not be a past one ("Former editor Jo Lane").
        """
        for s, e in header:
            for m in self.credit.finditer(text, s, e):
                opening = _SENTENCE_START.search(text, s, m.start())
                words = text[opening.end() if opening else s : m.start()].split()
                if len(words) > 2 or any(
                    w.lower().strip(",") in self.credit_not_before for w in words
                ):
                    continue
                names = self._names(m.group("names"), m.start("names"))
                if names:
                    return names
        return []

    def _read_body_line(
        self,
        text: str,
        s: int,
        skipped: Callable[[int], bool] | None,
        marks: _Marks,
        found: list[tuple[int, int, str]],
    ) -> None:
        """A line below the header that opens with a byline prefix (so it is not blank)."""
        e = text.find("\n", s)
        if e < 0:
            e = len(text)
        if e - s <= 200 and not (skipped and skipped(e - len(text[s:e].lstrip()))):
            self._read_prefixed_line(text, s, e, marks, found)

    def _outlet(self, line: str) -> bool:
        """Whether a short line names a news outlet and desk ("BBC News, Larchford").

        News sites put the outlet under the reporter's name, so a bare name
        line above one is a byline even when share buttons stand above it.
        """
        words = line.split()
        if not words or len(words) > 6 or not line[:1].isupper():
            return False
        outlet = line.split(",", 1)[0].split()
        return len(outlet) <= 4 and any(
            w.strip(".").lower() in self.outlet_words for w in outlet
        )

    def _read_prefixed_line(
        self, text: str, s: int, e: int, marks: _Marks, found: list[tuple[int, int, str]]
    ) -> bool:
        """The prefixed form ("By Jane Doe") of a line of 200 characters at most that
        opens with a byline prefix (``prefix_start``, the pattern's own opening); whether
        it was one."""
        line = marks.unshout(text, s, e)
        m = self.prefixed.match(line)
        if m and self._rest_ok(m.group("rest")):
            found.extend(self._names(m.group("names"), s + m.start("names")))
            return True
        return False

    def _read_header_line(
        self, text: str, s: int, e: int, marks: _Marks, found: list[tuple[int, int, str]]
    ) -> None:
        """The byline forms of a header line of 200 characters at most.

        The prefixed and "by" forms are first gated by a cheap test their
        patterns need to pass (``prefixed`` opens with ``prefix_start``; ``_BY``
        needs a "by" in some case), read on the raw line: ``_unshout`` only
        changes the case of ASCII letters, which neither test minds.
        """
        if self.prefix_start.match(text, s, e) and self._read_prefixed_line(
            text, s, e, marks, found
        ):
            return
        line = marks.unshout(text, s, e)
        if marks.has_by(s, e) and _BY.search(text, s, e):
            m = self.trailing_by.search(line)
            if m and _DATEISH.search(line[: m.start()]):
                found.extend(self._names(m.group("names"), s + m.start("names")))
                return
        m = self.titled.match(line)
        if m and self.journalist.search(m.group("rest")) and len(m.group("rest").split()) <= 8:
            found.extend(self._names(m.group("names"), s + m.start("names")))
            return
        if "@" in line:
            m = self.handle.match(line)
            if m and self._rest_ok(m.group("rest")):
                names = self._names(m.group("names"), s + m.start("names"))
                if len(names) == 1:  # one handle: one writer
                    found.extend(names)
                    return
        m = self.run_on.match(line)
        if m:
            names = self._names(m.group("names"), s + m.start("names"))
            if len(names) == 1:  # one writer: a run-on line lists no co-authors
                found.extend(names)

    def __call__(self, doc: Doc) -> Doc:
        text = plain_text(doc)
        skip = furniture_pairs(doc)
        spans: list[Span] = []
        seen: set[tuple[int, int]] = set()
        for start, end, name in self.find(text, skip):
            span = doc.char_span(start, end, label="BYLINE", alignment_mode="expand")
            if span is None or (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            span._.ofsted_author = name
            spans.append(span)
        doc.spans["bylines"] = spans
        return doc


#: ``bytes.translate`` tables for ``_Marks``: "A" for an ASCII capital, and "b" and "y"
#: for those letters in either case; a space for every other byte.
_CAPS_ONLY = bytes(65 if 65 <= i <= 90 else 32 for i in range(256))
_BY_ONLY = bytes(98 if i in (66, 98) else 121 if i in (89, 121) else 32 for i in range(256))


class _Marks:
    """One-byte-per-character copies of a text that answer per-line questions with ``find``.

    ``str.encode`` with "replace" turns each non-ASCII character into one byte,
    so offsets stay true; ``_TWO_CAPS`` and "by" are ASCII only. Two
    ``translate`` passes over the whole text cost less than a regex search
    per header line.
    """

    __slots__ = ("caps", "bys")

    def __init__(self, text: str) -> None:
        raw = text.encode("ascii", "replace")
        self.caps = raw.translate(_CAPS_ONLY)
        self.bys = raw.translate(_BY_ONLY)

    def unshout(self, text: str, s: int, e: int) -> str:
        """``_unshout(text[s:e])``, with its test for two capitals read from the copy."""
        line = text[s:e]
        return _shouted_to_title(line) if self.caps.find(b"AA", s, e) >= 0 else line

    def has_by(self, s: int, e: int) -> bool:
        """Whether "by" in any case stands in ``text[s:e]`` (a gate for ``_BY``)."""
        return self.bys.find(b"by", s, e) >= 0


def _unshout(line: str) -> str:
    """ "By JANE DOE" read as "By Jane Doe" (same length, so offsets hold)."""
    if not _TWO_CAPS.search(line):
        return line
    return _shouted_to_title(line)


def _shouted_to_title(line: str) -> str:
    """``line`` with its shouted words title-cased, for a line holding two capitals in a row."""
    out = _SHOUTED.sub(lambda m: m.group().title(), line)
    return out if len(out) == len(line) else line


def _dedupe(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    names: set[str] = set()
    for item in found:
        if item[2] not in names:
            names.add(item[2])
            out.append(item)
    return out


@Language.factory("ofsted_bylines")
def make_bylines(nlp: Language, name: str) -> Bylines:
    return Bylines(rules.load("bylines"), rules.load("people"))


def authors(doc: Doc) -> list[str]:
    """The writers named in bylines, never the people quoted."""
    out: list[str] = []
    for span in doc.spans.get("bylines", []):
        name = span._.ofsted_author
        if isinstance(name, str) and name not in out:
            out.append(name)
    return out
