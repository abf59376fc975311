"""Finding dates in running text and resolving relative ones: pure Python, no spaCy.

Why hand-written: date libraries read "may" the verb and "now" as dates and
fill the parts a text leaves out from today's date, which would invent
inspection years. Here a date only ever has the parts its words give, plus
what the article's own date settles ("last month" in an article of
12 November 2019 is October 2019; "in December" in one of February 2025 is
December 2024). A year nobody gives stays ``None``.

The calendar words and the shapes' vocabulary come from ``models/dates.json``;
the shapes themselves are regexes built here once per process.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple


class Parts(NamedTuple):
    """The known parts of a date; any of them may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def empty(self) -> bool:
        return self.year is None and self.month is None

    def iso(self) -> str | None:
        """YYYY, YYYY-MM or YYYY-MM-DD, or None while the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class Mention(NamedTuple):
    """One date expression in the text and what its words say, before resolution.

    ``kind`` is one of: ``date`` (a day), ``range`` (days or months, first part
    kept), ``month``, ``year``, ``season``, ``relative``, ``weekday``.
    For ``relative`` mentions ``unit``/``offset`` say how far from the article's
    date ("last month": unit "month", offset -1); ``future`` marks words such as
    "next year" that point after it. A ``date``, ``range`` or ``month`` whose
    year is told relative to the article's ("November last year") has no
    ``year`` but unit "year" and its offset. A named tuple: cheap to build for every
    date of a long page, and it serialises as a plain tuple.
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None
    offset: int = 0
    weekday: int | None = None
    season: str | None = None
    future: bool = False


_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists in the month (29 February only in leap years, or any year unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and day == 29:
        return year is None or calendar.isleap(year)
    return day <= _MONTH_DAYS[month]


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a date shape whose white space never crosses a line end.

    A date's words sit on one line; letting ``\\s`` run over any newline would
    join a date to a heading or a year that starts the next line.
    """
    return re.compile(pattern.replace(r"\s", _SPACE).replace("<WRAP>", _WRAP), flags)


#: White space inside a date: never a blank line, and a line end only where a
#: hard-wrapped line goes on with a number or a lower-case word.
_SPACE = r"(?:[^\S\n]|\n(?=[^\S\n]*(?-i:[a-z0-9])))"
#: After a preposition any single line end is a wrap: no line ends on "in".
_WRAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"


_INVALID = "invalid"
_ISO_PARTS = re.compile(r"\d+")
#: A ``bytes.translate`` table: "0" for each ASCII digit, a space for any other byte.
_DIGITS_ONLY = bytes(48 if 48 <= i <= 57 else 32 for i in range(256))
_LETTERS = re.compile(r"[A-Za-z]+")
#: What may not stand right before a digit-led date ("3.5", "1,200", "£20", "10:30").
_NOT_BEFORE_DIGITS = frozenset("0123456789.,\u00a3$:/-")
#: How far back (characters) the words leading into a date are read.
_LEAD_REACH = 48
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WHICH = {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1}


@dataclass(frozen=True, slots=True)
class _Lead:
    """Words that may lead into a date shape, read backwards from its seed.

    ``words`` are the last words such a lead can end with: checked first, so
    the regex only runs when the word before the seed could belong to it.
    """

    regex: re.Pattern[str]
    words: frozenset[str]
    digits: bool = False


def _word_before(text: str, pos: int) -> tuple[str, int]:
    """The word before ``pos`` (lower case) and where it starts, past white space and
    one comma, dot or hyphen.

    Read with string methods, which run in C: the last whitespace-delimited
    chunk is nearly always the whole word.
    """
    lo = max(0, pos - 30)
    chunk = text[lo:pos].rstrip()
    if chunk and chunk[-1] in ",.-":
        chunk = chunk[:-1]
    parts = chunk.rsplit(None, 1)
    last = parts[-1] if parts and not chunk[-1].isspace() else ""
    if last.isalnum():
        return last.lower(), lo + len(chunk) - len(last)
    j = len(chunk)
    while j and chunk[j - 1].isalnum():
        j -= 1
    return chunk[j:].lower(), lo + j


def _longest_first(mention: Mention) -> tuple[int, int]:
    """Sort key: by start, and at one start the longest first."""
    return mention.start, mention.start - mention.end


def _cases(words: Iterable[str]) -> list[str]:
    """Title-case and upper-case forms: month and weekday names must be capitalised."""
    return [f(w) for w in words for f in (str.title, str.upper)]


class Grammar:
    """The date shapes of British news and council pages, compiled once.

    ``find(text)`` returns every date expression, longest first where two start
    at the same place, never overlapping.

    Speed: a date always holds a digit, a capitalised month or weekday name, or
    one of a few keywords ("year", "autumn", "weeks", "today"). Runs of digits
    are marked out with ``bytes.translate`` and ``find`` (C, no pattern), word
    seeds come from the caller's tokens or a search with a literal prefix, and
    each shape is then matched *anchored* at its seed, with the words that may
    lead into it ("between", "Tuesday", "late", "in") read backwards from a
    short slice. No shape is tried at every character.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.months: dict[str, int] = dict(data["months"])
        self.month_abbr: dict[str, int] = dict(data["month_abbreviations"])
        self.weekdays: dict[str, int] = dict(data["weekdays"])
        self.weekday_abbr: dict[str, int] = dict(data["weekday_abbreviations"])
        self.seasons: dict[str, tuple[int, int]] = {
            k: (int(v[0]), int(v[1])) for k, v in data["seasons"].items()
        }
        self.numbers: dict[str, int] = {
            " ".join(k.split()): int(v) for k, v in data["number_words"].items()
        }
        units = [u.lower() for u in data["relative_units"]]
        #: Lower-case words that seed a keyword date; a caller that already has
        #: tokens (the spaCy component) passes the offsets of these.
        #: Words that only ever start a date before "ago" ("three weeks ago", "2
        #: hours ago"): a caller may skip them when no "ago" follows.
        self.ago_words: frozenset[str] = frozenset(
            [*(u + "s" for u in units), "days", "hour", "hours", "minute", "minutes", "min",
             "mins"]
        )
        self.keywords: frozenset[str] = frozenset(
            [*self.seasons, *units, *self.ago_words, "today", "tonight", "yesterday", "morning",
             "afternoon", "evening", "night", "day"]
        )

        month_full = _alt(_cases(self.months))
        month_abbr = _alt(_cases(self.month_abbr))
        wd_any = _alt(_cases([*self.weekdays, *self.weekday_abbr]))
        wd_full = _alt(_cases(self.weekdays))
        mods = _alt(data["month_modifiers"])
        prep = _alt(data["date_prepositions"])
        num = _alt(self.numbers)
        unit_alt = _alt(units)

        d = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?(?![\dA-Za-z])"
        y = r"(?:19|20)\d\d(?!\d)"
        wd = rf"(?:{wd_any})(?![A-Za-z])\.?,?"
        to = r"\s*(?:(?i:and|to|until|till|through|thru)|&|-|\u2013|\u2014)\s*"
        to_month = r"\s*(?:(?i:and|to|into|through|until|till)|/|-|\u2013|\u2014)\s*"
        # "Tuesday 7th and Wednesday 8th June": a weekday opens the second day only after a
        # word, as "Issue 14 - Thursday 9th March" is a number and a date, not a range
        # (a hard-wrapped line may end on the "and": "Tuesday 5th and" / "Wednesday 6th
        # October", the second weekday capitalised on the next line)
        to_wd = rf"\s+(?i:and|to|until|till|through)<WRAP>{wd}\s*"
        of = r"(?:\s+(?i:of))?"
        the = r"(?:(?i:the)\s+)?"
        mod = rf"(?:(?i:{mods})(?:\s+|-))"

        # Named parts, numbered per shape: the first day, month and year of
        # each shape are read straight from its groups.
        def day(n: int) -> str:
            return rf"(?P<d{n}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?(?![\dA-Za-z])"

        def month(n: int, full: bool = False) -> str:
            names = month_full if full else rf"{month_full}|(?:{month_abbr})\.?"
            return rf"(?P<m{n}>{names})(?![A-Za-z])"

        def year(n: int, optional: bool = True) -> str:
            part = rf"(?P<y{n}>(?:19|20)\d\d)(?!\d)"
            return rf"(?:\s*,?\s*{part})?" if optional else part

        def year_word(n: int) -> str:
            # "November last year", "7 March this year": the year told relative to
            # the article's own, the month and day kept
            return rf"\s+(?:(?i:of)\s+)?(?P<r{n}>(?i:last|this|next))\s+(?i:year)(?![A-Za-z])"

        # A machine timestamp's clock part ("2019-05-03T10:02:00Z", "2019-05-03
        # 10:02"): part of the date's words, so a dateline or a meta tag holding
        # one is nothing but its date.
        clock = (
            r"(?:(?:T|[^\S\n])(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?"
            r"(?:Z|[+-](?:[01]\d)(?::?[0-5]\d)?)?(?![\w:]))?"
        )
        bare_year = rf"{y}(?!\s*(?:%|(?i:per\s*cent)|[/\u2013-]\s*\d))"
        # Shapes that start at a digit: the first that matches wins, longest first.
        self.at_digit = _compile(
            r"(?=\d)(?<![\d.,\u00a3$:/-])(?:"
            rf"(?P<iso>{y}-(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])(?!\d){clock})"
            r"|(?P<numeric>\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:(?:19|20)\d\d|\d\d)"
            r"(?!\d|[/.-]\d))"
            rf"|(?P<dmrange>{day(1)}{of}\s+{month(1)}{year(1)}{to}(?:{wd}\s*)?{the}{d}{of}\s+"
            rf"{month(2)}{year(2)})"
            rf"|(?P<dayrange>{day(3)}(?:\s*,\s*{the}{d})*(?:{to_wd}|{to}){the}{d}{of}\s+{month(3)}"
            rf"(?:{year_word(3)}|{year(3)}))"
            rf"|(?P<date>{day(4)}{of}\s+{month(4)}(?:{year_word(4)}|{year(4)}))"
            rf"|(?P<year>{bare_year})"
            r"|(?P<ago>\d{1,2}\s+(?i:days?|weeks?|fortnights?|months?|years?|hours?"
            r"|minutes?|mins?)\s+(?i:ago)\b)"
            ")"
        )
        # Shapes that start at a capitalised month name, one pattern for a name
        # in full and one for an abbreviation ("Sept."), which opens no range
        # and is no date alone. The seed says which it is, so the name is read
        # as a plain word (checked against the calendar in Python) and the
        # shapes branch on what follows it: trying the whole list of names in
        # every branch made this the dearest pattern of the grammar.
        after_month = (
            rf"(?P<mdrange>\s+{day(5)}{to}(?:{month(6)}\s+)?{d}(?:\s*,\s*|\s+)"
            rf"{year(5, False)})"
            rf"|(?P<mdy>\s+{day(7)}(?:\s*,\s*|\s+){year(7, False)})"
        )
        self.at_month = _compile(
            rf"(?P<mn>[A-Za-z]+)(?![A-Za-z])(?:{after_month}"
            rf"|(?P<mrange>{to_month}{mod}?{month(9, True)}{year(8)})"
            rf"|(?P<my>\s*,?\s*{year(10, False)})"
            rf"|(?P<mrel>{year_word(12)})"
            rf"|(?P<md>\s+{day(11)}(?!(?:\s|,)*\d))"
            r"|(?P<month>(?!(?:\s|,)*\d)))"
        )
        self.at_month_abbr = _compile(
            rf"(?P<mn>[A-Za-z]+\.?)(?![A-Za-z])(?:{after_month}"
            rf"|(?P<my>\s*,?\s*{year(10, False)})"
            rf"|(?P<md>\s+{day(11)}(?!(?:\s|,)*\d)))"
        )
        # Four digits not followed by a hyphen can only be the year shape: read
        # with that shape alone rather than the whole list above.
        self.at_year = _compile(rf"(?<![\d.,\u00a3$:/-])(?P<year>{bare_year})")
        self.at_weekday = _compile(rf"(?P<weekday>{wd_full})(?![A-Za-z])")
        self.at_keyword = _compile(
            r"(?i:"
            rf"(?P<season>spring|summer|autumn|winter)(?:\s+term)?(?:\s+(?:of\s+)?(?P<sy>{y}))?\b"
            r"|(?P<ago>(?:days?|weeks?|fortnights?|months?|years?|hours?|minutes?|mins?)\s+ago)\b"
            rf"|(?P<unit>{unit_alt}|fortnight)\b"
            r"|(?P<yesterday>yesterday(?:\s+(?:morning|afternoon|evening))?)\b"
            r"|(?P<today>today|tonight)\b"
            r"|(?P<part>morning|afternoon|evening|night)\b"
            ")"
        )
        # Word seeds for callers without tokens: scans with a charset first.
        self.seed_month = re.compile(rf"(?=[JFMASOND])(?:{month_full}|{month_abbr})(?![a-z])")
        self.seed_weekday = re.compile(rf"(?=[MTWFS])(?:{wd_full})(?![a-z])")
        #: The lower-case word forms that seed each kind of word-led date, for
        #: callers that already have tokens (the spaCy component).
        self.seed_words: dict[str, str] = {
            **{w: "ago_word" if w in self.ago_words else "keyword" for w in self.keywords},
            **{w: "weekday" for w in self.weekdays},
            **{w: "month" for w in self.months},
            **{w: "month_abbr" for w in self.month_abbr},
            **{w + ".": "month_abbr" for w in self.month_abbr},
        }

        # Words that may lead into a shape, read backwards from its seed.
        #: Every word any lead is made of (a generous superset: it is read off
        #: the patterns themselves).
        self.lead_vocab: set[str] = set()

        def back(pattern: str, last_words: set[str], digits: bool = False) -> _Lead:
            regex = _compile(rf"(?<![\w-])(?:{pattern})\Z")
            self.lead_vocab.update(w.lower() for w in _LETTERS.findall(pattern))
            return _Lead(regex, frozenset(last_words), digits)

        # Each lead knows the words it can end with; the word right before a
        # seed is checked against them before its regex runs (most seeds have
        # no leading words, and a set lookup is cheap).
        weekday_words = {w.lower() for w in (*self.weekdays, *self.weekday_abbr)}
        mod_last = {m.split()[-1].lower() for m in data["month_modifiers"]} | {"mid"}
        preps = {p.lower() for p in data["date_prepositions"]}

        day_lead = {"the", "between", "from"} | weekday_words
        self.lead_day = back(
            rf"(?P<between>(?i:between|from)\s+)?(?P<wd>{wd}\s*)?(?P<the>(?i:the)\s+)?", day_lead
        )
        self.lead_month = back(rf"(?:{wd}\s*)?(?:{mod})?", weekday_words | mod_last)
        self.lead_month_range = back(
            rf"(?:(?i:between|from)\s+)?(?:{mod})?", {"between", "from"} | mod_last
        )
        self.lead_bare_month = back(
            rf"(?P<prep>(?i:{prep})<WRAP>(?:(?i:the\s+month\s+of)\s+)?)?(?P<mod>{mod})?",
            preps | mod_last | {"of"},
        )
        self.lead_on = back(r"(?i:on)\s+", {"on"})
        self.lead_year = back(
            rf"(?i:{prep})<WRAP>(?:(?i:the\s+(?:year\s+)?|early\s+|late\s+|mid-?))?",
            preps | {"the", "year", "early", "late", "mid"},
        )
        self.lead_last = back(r"(?i:last|this\s+past)\s+", {"last", "past"})
        self.lead_season = back(
            r"(?P<rel>(?i:last|this|next|this\s+past|in\s+the|during\s+the|over\s+the|in|during"
            r"|since\s+the|earlier\s+this|late\s+last|early\s+this))\s+"
            r"(?:(?i:early|late|mid)(?:\s+|-))?",
            {"last", "this", "next", "past", "the", "in", "during", "early", "late", "mid"},
        )
        self.lead_unit = back(
            r"(?:(?P<mod>(?i:earlier|later|early|late|the\s+end\s+of|the\s+start\s+of))\s+)?"
            r"(?P<which>(?i:this|last|next|the\s+previous|the\s+following))\s+",
            {"this", "last", "next", "previous", "following"},
        )
        self.lead_number = back(
            rf"(?P<n>\d{{1,2}}|(?i:{num}))\s+", {w.split()[-1] for w in self.numbers}, digits=True
        )
        self.lead_this = back(r"(?i:this)\s+", {"this"})
        self.lead_last_word = back(r"(?i:last)\s+", {"last"})

    # -- finding ---------------------------------------------------------

    @functools.cached_property
    def _readers(self) -> dict[str, Callable[[str, int], Mention | None]]:
        """The reader of each kind of seed."""
        return {
            "month": self._at_month,
            "month_abbr": self._at_month_abbr,
            "weekday": self._at_weekday,
            "keyword": self._at_keyword,
            "ago_word": self._at_keyword,
        }

    def word_seeds(self, text: str) -> list[tuple[int, str]]:
        """Where word-led dates may start, searched in the text (for callers without tokens)."""
        seeds = [
            (m.start(), "month" if m[0].lower() in self.months else "month_abbr")
            for m in self.seed_month.finditer(text)
        ]
        seeds += [(m.start(), "weekday") for m in self.seed_weekday.finditer(text)]
        low = text.lower()
        if len(low) != len(text):  # a few characters lower to two: keep offsets true
            low = text.translate(_ASCII_LOWER)
        for word in self.keywords:
            i = low.find(word)
            while i >= 0:
                after = i + len(word)
                if not (i and low[i - 1].isalnum()) and not low[after : after + 1].isalnum():
                    seeds.append((i, "keyword"))
                i = low.find(word, after)
        return seeds

    def find(self, text: str, seeds: Iterable[tuple[int, str]] | None = None) -> list[Mention]:
        """Every date expression in ``text``, in order, none overlapping.

        Digit-led dates are scanned for (the scan only stops at digits).
        Word-led ones start at ``seeds``, the offsets and kinds ("month",
        "weekday", "keyword", "ago_word") of words in :attr:`seed_words`: a caller with
        tokens knows them already and passes them; otherwise they are searched.
        """
        found: list[Mention] = []
        # the digit-led shapes are tried only where a run of digits starts: a
        # scan for a plain charset runs in C, while the shapes' own lookahead
        # would have the engine try them at every character
        # (``bytes.translate`` and ``find`` are quicker still than a regex scan:
        # the copy has "0" for every ASCII digit and a space for anything else,
        # one byte per character, so offsets stay true)
        at_digit = self.at_digit.match
        at_year = self.at_year.match
        marked = text.encode("ascii", "replace").translate(_DIGITS_ONLY)
        shape_end = -1
        pos = marked.find(b"0")
        while pos >= 0:
            end = marked.find(b" ", pos)
            end = len(marked) if end < 0 else end
            # what no shape can start with, ruled out before any pattern runs:
            # a run inside a shape already read ("14/05/2024"), after a decimal
            # point or currency sign, of three digits or more than four, or of
            # four that is no year ("1,250 pupils")
            length = end - pos
            if (
                pos >= shape_end
                and not (pos and text[pos - 1] in _NOT_BEFORE_DIGITS)
                and (length <= 2 or (length == 4 and text[pos : pos + 2] in ("19", "20")))
            ):
                if length == 4 and text[end : end + 1] != "-":
                    match = at_year(text, pos)
                else:
                    match = at_digit(text, pos)
                if match is not None:
                    shape_end = match.end()
                    mention = self._at_digit(text, match)
                    if mention is not None:
                        found.append(mention)
            pos = marked.find(b"0", end)
        readers = self._readers
        for pos, kind in self.word_seeds(text) if seeds is None else seeds:
            mention = readers[kind](text, pos)
            if mention is not None:
                found.append(mention)
        found.sort(key=_longest_first)
        out: list[Mention] = []
        last_end = -1
        for mention in found:
            if mention.start >= last_end:
                out.append(mention)
                last_end = mention.end
        # an impossible date ("30 February 2020") keeps its words from being
        # read again as a shorter date ("February 2020"), then is dropped
        return [m for m in out if m.kind != _INVALID]

    def _lead(self, lead: _Lead, text: str, pos: int) -> re.Match[str] | None:
        """The words leading into a shape: a non-empty match ending at ``pos``.

        The longest such match is wanted, so the pattern would be searched
        for over the whole reach before ``pos``. But a lead is made only of
        words in :attr:`lead_vocab`: when the word before the last one is not
        among them, the lead can only start at the last word, and one
        anchored match (a few steps) replaces the search (hundreds).
        """
        word, word_start = _word_before(text, pos)
        if word not in lead.words and not (lead.digits and word.isdigit()):
            return None
        lo = max(0, pos - _LEAD_REACH)
        if word_start < lo:
            return None
        before, _ = _word_before(text, word_start)
        if before in self.lead_vocab or before.isdigit():
            found = lead.regex.search(text, lo, pos)
        else:
            found = lead.regex.match(text, word_start, pos)
        return found if found is not None and found.end() > found.start() else None

    def _at_digit(self, text: str, match: re.Match[str]) -> Mention | None:
        pos = match.start()
        kind = match.lastgroup
        if kind == "iso":
            year, month, day = (int(x) for x in _ISO_PARTS.findall(match["iso"])[:3])
            if not valid_day(year, month, day):
                return Mention(pos, match.end(), _INVALID)
            return Mention(pos, match.end(), "date", year, month, day)
        if kind in ("numeric", "sep"):
            return self._numeric(match)
        if kind == "year":
            if self._lead(self.lead_year, text, pos) is None:
                return None  # a bare year only after "in", "since", ...: not "2019 pupils"
            return Mention(pos, match.end(), "year", int(match["year"]))
        if kind == "ago":
            n, unit = match["ago"].split()[:2]
            return self._ago(pos, match.end(), n, unit)
        start = pos
        lead = self._lead(self.lead_day, text, pos)
        if lead is not None:
            # "between" and "from" open a range, never a single date
            start = lead.start() if kind != "date" or not lead["between"] else lead.end(
                "between"
            )
        return self._named(kind or "", match, start)

    def _at_month(self, text: str, pos: int, full: bool = True) -> Mention | None:
        match = (self.at_month if full else self.at_month_abbr).match(text, pos)
        if match is None:
            return None
        name = match["mn"]
        if not (name.istitle() or name.isupper()) or (
            name.rstrip(".").lower() not in (self.months if full else self.month_abbr)
        ):
            return None  # "MAy", or a word the caller took for a month
        kind = match.lastgroup or ""
        start = pos
        if kind == "month":
            lead = self._lead(self.lead_bare_month, text, pos)
            if lead is None:
                return None  # "May" the verb, "March" the walk: a bare month needs "in"
            if lead["mod"]:
                start = lead.start("mod")
        elif kind == "md":
            if self._lead(self.lead_on, text, pos) is None:
                return None  # American order without a year only after "on": "on March 5"
        else:
            ranged = kind in ("mdrange", "mrange")
            lead = self._lead(self.lead_month_range if ranged else self.lead_month, text, pos)
            if lead is not None:
                start = lead.start()
        return self._named(kind, match, start)

    def _at_month_abbr(self, text: str, pos: int) -> Mention | None:
        return self._at_month(text, pos, full=False)

    def _at_weekday(self, text: str, pos: int) -> Mention | None:
        match = self.at_weekday.match(text, pos)
        if match is None:
            return None
        lead = self._lead(self.lead_last, text, pos)
        start = lead.start() if lead is not None else pos
        return Mention(start, match.end(), "weekday", weekday=self.weekdays[match[0].lower()])

    def _at_keyword(self, text: str, pos: int) -> Mention | None:
        match = self.at_keyword.match(text, pos)
        if match is None:
            return None
        kind = match.lastgroup
        end = match.end()
        if kind in ("season", "sy"):
            return self._season(text, pos, match)
        if kind == "ago":
            lead = self._lead(self.lead_number, text, pos)
            if lead is None:
                return None
            return self._ago(lead.start(), end, lead["n"], match["ago"].split()[0])
        if kind == "unit":
            lead = self._lead(self.lead_unit, text, pos)
            if lead is None:
                return None  # "a year", "per month": no date
            which = " ".join(lead["which"].lower().split())
            offset = _WHICH[which]
            unit = match["unit"].lower()
            future = offset > 0 or (lead["mod"] or "").lower() == "later"
            unit = "week" if unit == "fortnight" else unit
            return Mention(lead.start(), end, "relative", unit=unit, offset=offset, future=future)
        if kind == "yesterday":
            return Mention(pos, end, "relative", unit="day", offset=-1)
        if kind == "today":
            return Mention(pos, end, "relative", unit="day", offset=0)
        if kind == "part":  # "this morning" is today, "last night" yesterday
            night = match["part"].lower() == "night"
            lead = self._lead(self.lead_last_word if night else self.lead_this, text, pos)
            if lead is None:
                return None
            return Mention(lead.start(), end, "relative", unit="day", offset=-1 if night else 0)
        return None

    def _numeric(self, match: re.Match[str]) -> Mention | None:
        a_text, b_text, year_text = re.split(r"[/.-]", match["numeric"])
        a, b = int(a_text), int(b_text)
        if len(year_text) == 2:
            if match["sep"] != "/":
                return None  # "1.2.10" is a version number, "12-03-24" too unsure
            year = 2000 + int(year_text)
        else:
            year = int(year_text)
        # British pages write the day first; a second number above 12 can only
        # be a day, so such a date is American (month first).
        day, month = (b, a) if b > 12 >= a else (a, b)
        if not valid_day(year, month, day):
            return Mention(match.start(), match.end(), _INVALID)
        return Mention(match.start(), match.end(), "date", year, month, day)

    def _season(self, text: str, pos: int, match: re.Match[str]) -> Mention | None:
        year = int(match["sy"]) if match["sy"] else None
        lead = self._lead(self.lead_season, text, pos)
        rel = " ".join(lead["rel"].lower().split()) if lead is not None else ""
        if not rel and year is None:
            return None  # "Spring Lane", "summer fair": not a time
        season = match["season"]
        following = text[match.end() : match.end() + 3]
        if season[0].isupper() and year is None and re.match(r"\s[A-Z]", following):
            return None  # "in Summer Street"
        which = "last" if rel in ("last", "this past", "late last") else (
            "next" if rel == "next" else "this"
        )
        start = lead.start() if lead is not None else pos
        return Mention(start, match.end(), "season", year=year, season=season.lower(),
                       unit=which, future=which == "next")

    def _ago(self, start: int, end: int, n_text: str, unit_text: str) -> Mention | None:
        raw = " ".join(n_text.lower().split())
        n = int(raw) if raw.isdigit() else self.numbers.get(raw)
        if n is None:
            return None
        unit = unit_text.lower().rstrip("s")
        if unit in ("hour", "minute", "min"):
            # "4 hours ago": the moment of reading, never a calendar date
            return Mention(start, end, "relative", unit="now", offset=-n)
        if unit in ("week", "fortnight"):
            # "two weeks ago" is a round figure: a few days either side of it
            return Mention(start, end, "relative", unit="weeks_ago",
                           offset=-(2 * n if unit == "fortnight" else n))
        return Mention(start, end, "relative", unit=unit, offset=-n)

    #: For each shape: its kind of mention, the groups of its first day,
    #: month and year, and the group of a later month and year that settle
    #: the first part's year ("30 December to 5 January 2024").
    _SHAPES: dict[str, tuple[str, str | None, str, str | None, str | None, str | None]] = {
        "dmrange": ("range", "d1", "m1", "y1", "m2", "y2"),
        "dayrange": ("range", "d3", "m3", "y3", None, None),
        "date": ("date", "d4", "m4", "y4", None, None),
        "mdrange": ("range", "d5", "mn", None, "m6", "y5"),
        "mdy": ("date", "d7", "mn", "y7", None, None),
        "mrange": ("range", None, "mn", None, "m9", "y8"),
        "my": ("month", None, "mn", "y10", None, None),
        "md": ("date", "d11", "mn", None, None, None),
        "month": ("month", None, "mn", None, None, None),
        "mrel": ("month", None, "mn", None, None, None),
    }
    #: The group of the shapes that may tell their year relative to the
    #: article's ("7 and 8 November last year").
    _YEAR_WORD = {"dayrange": "r3", "date": "r4", "mrel": "r12"}

    def _named(self, shape: str, match: re.Match[str], start: int) -> Mention | None:
        """The first day, month and year of a named-month date or range, from its groups."""
        kind, d_group, m_group, y_group, later_m, later_y = self._SHAPES[shape]
        month = self._month_number(match[m_group])
        day = int(match[d_group].rstrip("stndrhSTNDRH")) if d_group else None
        year_text = match[y_group] if y_group else None
        if year_text:
            year: int | None = int(year_text)
        elif later_y and match[later_y]:
            year = int(match[later_y])
            later = match[later_m] if later_m else None
            if later and month > self._month_number(later):
                year -= 1  # "December and January 2016": December 2015
        else:
            year = None
        if day is not None and not valid_day(year, month, day):
            return Mention(start, match.end(), _INVALID)
        which_group = self._YEAR_WORD.get(shape)
        which = match[which_group] if which_group else None
        if which:
            # the year waits for the article's: "last" is the one before it
            offset = _WHICH[which.lower()]
            return Mention(start, match.end(), kind, None, month, day, unit="year",
                           offset=offset, future=offset > 0)
        return Mention(start, match.end(), kind, year, month, day)

    def _month_number(self, word: str) -> int:
        low = word.rstrip(".").lower()
        return self.months.get(low) or self.month_abbr[low]


# -- resolution -----------------------------------------------------------

_DUMMY_YEARS = (2000, 2001)  # a leap year and a common one: parts both agree on are safe


def resolve(mention: Mention, ref: Parts | None, seasons: Mapping[str, tuple[int, int]]) -> Parts:
    """The parts of a mention once the article's date ``ref`` settles what it can.

    Never fills a part from today: without ``ref`` a relative mention has no
    parts at all, and a month without a year keeps its year unknown. A month
    later in the year than the article's own month is taken as last year's
    (an article of February about a visit "in December").
    """
    if ref is not None and ref.month is None and ref.day is not None:
        ref = Parts(ref.year)  # a day without its month says nothing
    if mention.kind in ("date", "range", "month", "year"):
        return _explicit(mention, ref)
    if ref is None or ref.empty:
        return Parts()
    if mention.kind == "season":
        return _season(mention, ref, seasons)
    if mention.kind == "weekday":
        return _days_before(ref, mention.weekday)
    if mention.kind == "relative":
        return _relative(mention, ref)
    return Parts()


def _explicit(m: Mention, ref: Parts | None) -> Parts:
    if m.unit == "year" and m.year is None:
        # "November last year": the month and day as given, the year the article's
        # moved by the offset (unknown with no article year)
        year = ref.year + m.offset if ref is not None and ref.year is not None else None
        if m.day is not None and m.month is not None and not valid_day(year, m.month, m.day):
            return Parts(None, m.month, m.day)
        return _checked(Parts(year, m.month, m.day))
    if m.year is not None or m.month is None:
        return Parts(m.year, m.month, m.day)
    if ref is None or ref.year is None:
        return Parts(None, m.month, m.day)
    year = ref.year
    if ref.month is not None and (
        m.month > ref.month
        or (m.month == ref.month and m.day is not None and ref.day is not None and m.day > ref.day)
    ):
        year -= 1
    if m.day is not None and not valid_day(year, m.month, m.day):
        return Parts(None, m.month, m.day)
    return _checked(Parts(year, m.month, m.day))


def _checked(p: Parts) -> Parts:
    """Parts whose year lies in the record's range (1900-2100), else no year."""
    if p.year is not None and not 1900 <= p.year <= 2100:
        return Parts(None, p.month, p.day) if p.month is not None else Parts()
    return p


def _season(m: Mention, ref: Parts, seasons: Mapping[str, tuple[int, int]]) -> Parts:
    if m.year is not None:
        return _checked(Parts(m.year))
    if ref.year is None or ref.month is None or m.season is None or m.season not in seasons:
        return Parts()
    first, last = seasons[m.season]
    if first > last:
        return Parts()  # winter straddles two years: no single year to give
    if m.unit == "last":
        # the most recent such season already over by the article's month
        year = ref.year if ref.month > last else ref.year - 1
    elif m.unit == "next":
        year = ref.year if ref.month < first else ref.year + 1
    else:
        # "in the spring": the most recent one to have begun
        year = ref.year if ref.month >= first else ref.year - 1
    return _checked(Parts(year))


def _relative(m: Mention, ref: Parts) -> Parts:
    unit, n = m.unit, m.offset
    if unit == "year":
        return _checked(Parts(ref.year + n)) if ref.year is not None else Parts()
    if unit == "month":
        if ref.month is None:
            return Parts()
        total = ref.month - 1 + n
        month = total % 12 + 1
        year = ref.year + total // 12 if ref.year is not None else None
        return _checked(Parts(year, month))
    if unit == "day":
        return _span(ref, n, n)
    if unit == "weeks_ago":
        return _span(ref, 7 * n - 3, 7 * n + 3)
    if unit == "week":
        return _week(ref, n)
    return Parts()  # terms, "4 hours ago": no calendar date


def _dates(ref: Parts) -> list[dt.date]:
    """The article's date as real dates: itself, or one per dummy year when its year is unknown."""
    if ref.month is None or ref.day is None:
        return []
    years = (ref.year,) if ref.year is not None else _DUMMY_YEARS
    out = []
    for year in years:
        if year is not None and valid_day(year, ref.month, ref.day):
            out.append(dt.date(year, ref.month, ref.day))
    return out


def _common(ranges: list[tuple[dt.date, dt.date]], year_known: bool) -> Parts:
    """The parts that every day of every range shares (ranges are shorter than a year)."""
    ends = [d for pair in ranges for d in pair]
    if not ends:
        return Parts()
    year = ends[0].year if year_known and len({d.year for d in ends}) == 1 else None
    month = ends[0].month if len({d.month for d in ends}) == 1 else None
    day = ends[0].day if month is not None and len({d.day for d in ends}) == 1 else None
    return _checked(Parts(year, month, day))


def _span(ref: Parts, lo_days: int, hi_days: int) -> Parts:
    bases = _dates(ref)
    if not bases:
        if lo_days == hi_days == 0:
            return _checked(ref)  # "today" in an article dated only by month
        return Parts()
    ranges = [(b + dt.timedelta(days=lo_days), b + dt.timedelta(days=hi_days)) for b in bases]
    return _common(ranges, ref.year is not None)


def _days_before(ref: Parts, weekday: int | None) -> Parts:
    """The most recent such weekday before the article's date ("published on Friday")."""
    if weekday is None:
        return Parts()
    if ref.year is not None and ref.month is not None and ref.day is not None:
        base = dt.date(ref.year, ref.month, ref.day)
        back = (base.weekday() - weekday - 1) % 7 + 1
        return _checked(Parts(*_ymd(base - dt.timedelta(days=back))))
    return _span(ref, -7, -1)  # the weekday is unknown: only the week before


def _week(ref: Parts, n: int) -> Parts:
    if ref.year is not None and ref.month is not None and ref.day is not None:
        base = dt.date(ref.year, ref.month, ref.day)
        monday = base - dt.timedelta(days=base.weekday())
        if n == 0:
            return _common([(monday, base)], True)
        lo = monday + dt.timedelta(weeks=n)
        return _common([(lo, lo + dt.timedelta(days=6))], True)
    return _span(ref, -6, 0) if n == 0 else _span(ref, 7 * n - 6, 7 * n + 6)


def _ymd(d: dt.date) -> tuple[int, int, int]:
    return d.year, d.month, d.day
