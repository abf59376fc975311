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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Parts:
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


@dataclass(frozen=True, slots=True)
class Mention:
    """One date expression in the text and what its words say, before resolution.

    ``kind`` is one of: ``date`` (a day), ``range`` (days or months, first part
    kept), ``month``, ``year``, ``season``, ``relative``, ``weekday``.
    For ``relative`` mentions ``unit``/``offset`` say how far from the article's
    date ("last month": unit "month", offset -1); ``future`` marks words such as
    "next year" that point after it.
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

    @property
    def explicit(self) -> Parts:
        return Parts(self.year, self.month, self.day)


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists in the month (29 February only in leap years, or any year unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


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
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_FINANCIAL = re.compile(r"\s*[/–-]\s*\d")


class Grammar:
    """The date shapes of British news and council pages, compiled once.

    ``find(text)`` returns every date expression, longest first where two start
    at the same place, never overlapping.
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
            re.sub(r"\s+", " ", k): int(v) for k, v in data["number_words"].items()
        }
        today = {re.sub(r"\s+", " ", w) for w in data["today_words"]}
        yesterday = {re.sub(r"\s+", " ", w) for w in data["yesterday_words"]}
        self.day_words = {**{w: 0 for w in today}, **{w: -1 for w in yesterday}}

        month_full = _alt(self.months)
        wd_any = _alt([*self.weekdays, *self.weekday_abbr])
        wd_full = _alt(self.weekdays)
        mod = rf"(?:(?:{_alt(data['month_modifiers'])})(?:\s+|-))"
        prep = _alt(data["date_prepositions"])
        num = _alt(self.numbers)
        units = _alt(data["relative_units"])
        day_words = _alt(self.day_words)

        m = rf"(?:{month_full}|(?:{_alt(self.month_abbr)})\.?)(?![a-z])"
        mf = rf"(?:{month_full})(?![a-z])"
        d = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\da-z])"
        y = r"(?:19|20)\d\d(?!\d)"
        wd = rf"(?:{wd_any})\.?,?"
        to = r"\s*(?:and|to|until|till|through|thru|&|-|–|—)\s*"
        lead = r"(?<![\d.,£$:/-])"

        flags = re.IGNORECASE
        # (kind, regex); every regex is linear: no nested unbounded repeats.
        self.shapes: list[tuple[str, re.Pattern[str]]] = [
            ("iso", _compile(rf"(?<![\d/.-])({y})-(1[0-2]|0?[1-9])-(3[01]|[12]\d|0?[1-9])(?!\d)")),
            (
                "numeric",
                _compile(
                    r"(?<![\d/.:-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d|\d\d)(?!\d|[/.-]\d)"
                ),
            ),
            (
                "range",
                _compile(
                    rf"{lead}(?:(?:between|from)\s+)?(?:the\s+)?{d}(?:\s*,\s*(?:the\s+)?{d})*{to}"
                    rf"(?:the\s+)?{d}(?:\s+of)?\s+{m}(?:\s*,?\s*{y})?",
                    flags,
                ),
            ),
            (
                "range",
                _compile(
                    rf"{lead}(?:(?:between|from)\s+)?(?:{wd}\s+)?(?:the\s+)?{d}(?:\s+of)?\s+{m}"
                    rf"(?:\s*,?\s*{y})?{to}(?:{wd}\s+)?(?:the\s+)?{d}(?:\s+of)?\s+{m}(?:\s*,?\s*{y})?",
                    flags,
                ),
            ),
            (
                "range",
                _compile(
                    rf"(?:(?:between|from)\s+)?{m}\s+{d}{to}(?:{m}\s+)?{d}(?:\s*,\s*|\s+){y}", flags
                ),
            ),
            (
                "date",
                _compile(
                    rf"{lead}(?:{wd}\s*(?:the\s+)?)?(?:the\s+)?{d}(?:\s+of)?\s+{m}(?:\s*,?\s*{y})?",
                    flags,
                ),
            ),
            ("date", _compile(rf"(?:{wd}\s*)?{m}\s+{d}(?:\s*,\s*|\s+){y}", flags)),
            # American order without a year only after "on": "on March 5"
            ("date", _compile(rf"\bon\s+(?P<body>{m}\s+{d})(?!(?:\s|,)*\d)", flags)),
            (
                "range",
                _compile(
                    rf"{mod}?{mf}\s*(?:and|to|into|through|until|till|/|-|–|—)\s*{mod}?{mf}"
                    rf"(?:\s*,?\s*{y})?",
                    flags,
                ),
            ),
            ("month", _compile(rf"{mod}?{m}\s*,?\s*{y}", flags)),
            (
                "month",
                _compile(
                    rf"\b(?:{prep})<WRAP>(?:the\s+month\s+of\s+)?(?P<body>{mod}?{mf})(?!(?:\s|,)*\d)",
                    flags,
                ),
            ),
            (
                "month",
                _compile(rf"\b(?P<body>(?:early|late|mid)(?:\s+|-){mf})(?!(?:\s|,)*\d)", flags),
            ),
            (
                "year",
                _compile(
                    rf"\b(?:{prep})<WRAP>(?:the\s+(?:year\s+)?|early\s+|late\s+|mid-?)?(?P<body>{y})"
                    r"(?!\s*(?:%|per\s*cent|[/–-]\s*\d))",
                    flags,
                ),
            ),
            (
                "season",
                _compile(
                    r"\b(?:(?P<rel>last|this|next|this\s+past|in\s+the|during\s+the|over\s+the|"
                    r"in|during|since\s+the|earlier\s+this|late\s+last|early\s+this)\s+)?"
                    r"(?:(?:early|late|mid)(?:\s+|-))?(?P<season>spring|summer|autumn|winter)"
                    rf"(?:\s+term)?(?:\s+(?:of\s+)?(?P<y>{y}))?\b",
                    flags,
                ),
            ),
            (
                "relative",
                _compile(
                    r"\b(?:(?P<mod>earlier|later|early|late|the\s+end\s+of|the\s+start\s+of)\s+)?"
                    rf"(?P<which>this|last|next|the\s+previous|the\s+following)\s+(?P<unit>{units})\b",
                    flags,
                ),
            ),
            (
                "ago",
                _compile(
                    rf"\b(?P<n>\d{{1,2}}|{num})\s+(?P<unit>days?|weeks?|fortnights?|months?|years?"
                    r"|hours?|minutes?|mins?)\s+ago\b",
                    flags,
                ),
            ),
            ("dayword", _compile(rf"\b(?:{day_words})\b", flags)),
            (
                "weekday",
                _compile(rf"\b(?:(?P<last>last|this\s+past)\s+)?(?P<body>{wd_full})\b", flags),
            ),
        ]

    # -- finding ---------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every date expression in ``text``, in order, none overlapping."""
        found: list[Mention] = []
        for kind, regex in self.shapes:
            for match in regex.finditer(text):
                mention = self._read(kind, match, text)
                if mention is not None:
                    found.append(mention)
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        out: list[Mention] = []
        last_end = -1
        for mention in found:
            if mention.start >= last_end:
                out.append(mention)
                last_end = mention.end
        # an impossible date ("30 February 2020") keeps its words from being
        # read again as a shorter date ("February 2020"), then is dropped
        return [m for m in out if m.kind != _INVALID]

    def _read(self, kind: str, match: re.Match[str], text: str) -> Mention | None:
        if kind == "iso":
            year, month, day = int(match[1]), int(match[2]), int(match[3])
            if not valid_day(year, month, day):
                return Mention(match.start(), match.end(), _INVALID)
            return Mention(match.start(), match.end(), "date", year, month, day)
        if kind == "numeric":
            return self._numeric(match)
        if kind in ("range", "date", "month"):
            start, end = match.span("body") if "body" in match.groupdict() else match.span()
            return self._calendar(kind, text, start, end)
        if kind == "year":
            start, end = match.span("body")
            if _FINANCIAL.match(text, end):
                return None
            return Mention(start, end, "year", int(text[start:end]))
        if kind == "season":
            return self._season(match)
        if kind == "relative":
            return self._relative(match)
        if kind == "ago":
            return self._ago(match)
        if kind == "dayword":
            word = re.sub(r"\s+", " ", match[0].lower())
            return Mention(match.start(), match.end(), "relative", unit="day",
                           offset=self.day_words[word])
        if kind == "weekday":
            body = match["body"]
            if not body[0].isupper():
                return None
            start = match.start() if match["last"] else match.start("body")
            return Mention(start, match.end(), "weekday", weekday=self.weekdays[body.lower()])
        return None

    def _numeric(self, match: re.Match[str]) -> Mention | None:
        a, sep, b, year_text = int(match[1]), match[2], int(match[3]), match[4]
        if len(year_text) == 2:
            if sep != "/":
                return None
            year = 2000 + int(year_text)
        else:
            year = int(year_text)
        # British pages write the day first; a second number above 12 can only
        # be a day, so such a date is American (month first).
        day, month = (b, a) if b > 12 >= a else (a, b)
        if not valid_day(year, month, day):
            return Mention(match.start(), match.end(), _INVALID)
        return Mention(match.start(), match.end(), "date", year, month, day)

    def _calendar(self, kind: str, text: str, start: int, end: int) -> Mention | None:
        """Read the first day, month and year of a named-month date or range."""
        months: list[tuple[int, int]] = []  # (token index, month)
        days: list[tuple[int, int]] = []
        years: list[tuple[int, int]] = []
        for i, tok in enumerate(_TOKEN.finditer(text, start, end)):
            word = tok[0]
            if word.isdigit():
                value = int(word)
                if len(word) == 4:
                    years.append((i, value))
                elif len(word) <= 2 and 1 <= value <= 31:
                    days.append((i, value))
                continue
            low = word.lower()
            month = self.months.get(low) or self.month_abbr.get(low)
            if month is not None:
                if not word[0].isupper():
                    return None  # "may" the verb, "march" the walk
                months.append((i, month))
            elif (low in self.weekdays or low in self.weekday_abbr) and not word[0].isupper():
                return None
        if not months:
            return None
        first_i, month = months[0]
        day: int | None = None
        before = [v for i, v in days if i < first_i]
        after = [v for i, v in days if i > first_i and (len(months) == 1 or i < months[1][0])]
        if before:
            day = before[0]
        elif after and kind != "month":
            day = after[0]
        year: int | None = None
        if years:
            next_month_i = months[1][0] if len(months) > 1 else None
            own = [
                v for i, v in years if i > first_i and (next_month_i is None or i < next_month_i)
            ]
            if own:
                year = own[0]
            else:
                year = years[-1][1]
                if len(months) > 1 and month > months[-1][1]:
                    year -= 1  # "December and January 2016": December 2015
        if day is not None and not valid_day(year, month, day):
            return Mention(start, end, _INVALID)
        if kind == "month" and day is not None:
            return None
        out_kind = kind if kind == "range" else ("date" if day is not None else "month")
        return Mention(start, end, out_kind, year, month, day)

    def _season(self, match: re.Match[str]) -> Mention | None:
        rel = re.sub(r"\s+", " ", (match["rel"] or "").lower())
        year = int(match["y"]) if match["y"] else None
        if not rel and year is None:
            return None  # "Spring Lane", "summer fair": not a time
        season = match["season"]
        following = match.string[match.end() : match.end() + 3]
        if season[0].isupper() and year is None and re.match(r"\s[A-Z]", following):
            return None  # "in Summer Street"
        which = "last" if rel in ("last", "this past", "late last") else (
            "next" if rel == "next" else "this")
        return Mention(match.start(), match.end(), "season", year=year, season=season.lower(),
                       unit=which, future=which == "next")

    def _relative(self, match: re.Match[str]) -> Mention | None:
        which = re.sub(r"\s+", " ", match["which"].lower())
        unit = match["unit"].lower()
        mod = (match["mod"] or "").lower()
        offset = {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1}[which]
        future = offset > 0 or mod == "later"
        if unit == "fortnight":
            unit = "week"
        return Mention(match.start(), match.end(), "relative", unit=unit, offset=offset,
                       future=future)

    def _ago(self, match: re.Match[str]) -> Mention | None:
        raw = re.sub(r"\s+", " ", match["n"].lower())
        n = int(raw) if raw.isdigit() else self.numbers.get(raw)
        if n is None:
            return None
        unit = match["unit"].lower().rstrip("s")
        if unit in ("hour", "minute", "min"):
            unit = "now"  # "3 hours ago": the moment of reading, never a calendar date
        elif unit in ("week", "fortnight"):
            # "two weeks ago" is a round figure: a week either side of it
            unit, n = "weeks_ago", (2 * n if unit == "fortnight" else n)
        return Mention(match.start(), match.end(), "relative", unit=unit, offset=-n)


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
    return Parts()  # terms, "3 hours ago": no calendar date


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
