"""Bylines: team-written headers for each common form and each trap."""

from __future__ import annotations

import re
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ofsted_extract import extract, rules
from ofsted_extract.components.bylines import (
    _BY,
    _DATEISH,
    Bylines,
    _dedupe,
    _Marks,
    _unshout,
)

BODY = (
    "Brackley Vale Council's services for children have been rated good by Ofsted, in a report "
    "published "
    "on Friday after inspectors spent two weeks in the borough this spring."
)


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Jane Doe, Social Affairs Correspondent", ["Jane Doe"]),
        ("By Jane Doe | 15 October 2018", ["Jane Doe"]),
        ("By Jane Doe and Amir Khalil, Education Reporters", ["Jane Doe", "Amir Khalil"]),
        ("BY JANE DOE", ["Jane Doe"]),
        ("By Dr Jane Doe", ["Jane Doe"]),
        ("Jane Doe, Local Democracy Reporter", ["Jane Doe"]),
        ("Reporter: Jane Doe", ["Jane Doe"]),
        ("Author: Jane Doe\n10 Feb 2026 | 4 min read", ["Jane Doe"]),
        ("Compiled by Jane Doe\nPosted 14/07/2023", ["Jane Doe"]),
        ("Written by Mairead O'Connell-Byrne", ["Mairead O'Connell-Byrne"]),
        # a live blog's header names its writers in a phrase ending in "by"
        ("Live updates by Jane Doe and Amir Khalil", ["Jane Doe", "Amir Khalil"]),
        ("Live coverage by Jane Doe", ["Jane Doe"]),
        ("Words and pictures by Amir Khalil", ["Amir Khalil"]),
    ],
)
def test_byline_forms(header: str, authors: list[str]) -> None:
    text = f"Council children's services rated good by inspectors\n{header}\n\n{BODY}"
    assert extract(text).authors == authors


@pytest.mark.parametrize(
    "after",
    [
        "12/03/2024",
        "Education correspondent",
        "@janedoe_news",
        "Published: Tuesday 4 March 2025",
    ],
)
def test_bare_name_line_under_the_headline(after: str) -> None:
    text = f"Village school celebrates first good grade in a decade\nJane Doe\n{after}\n\n{BODY}"
    assert extract(text).authors == ["Jane Doe"]


def test_bare_name_line_with_a_title_line_under_it_after_page_furniture() -> None:
    text = f"Share\nSave\n\nJane Doe\nSocial affairs editor\n3 hours ago\n\n{BODY}"
    assert extract(text).authors == ["Jane Doe"]


@pytest.mark.parametrize("date", ["June 27, 2019", "27 June 2019", "27/06/2019"])
def test_bare_name_line_under_a_standfirst_above_a_date_line(date: str) -> None:
    text = (
        "Trade Weekly\n\n"
        "Round-up: two providers slip to grade 3 as land college earns top marks\n\n"
        "A land-based college has been rated outstanding, while two independent training "
        "providers have been graded requires improvement\n\n"
        f"Tobiah Trevaskis\n{date}\n\n{BODY}"
    )
    assert extract(text).authors == ["Tobiah Trevaskis"]


def test_bare_name_line_under_a_standfirst_without_a_date_is_not_a_byline() -> None:
    text = (
        "Round-up: two providers slip to grade 3 as land college earns top marks\n\n"
        "A land-based college has been rated outstanding, while two independent training "
        "providers have been graded requires improvement\n\n"
        f"Tobiah Trevaskis\n\n{BODY}"
    )
    assert extract(text).authors == []


@pytest.mark.parametrize(
    "header",
    [
        "Posted on July 5, 2022 by College News",
        "Posted on 3 May 2024 by Admin",
        "By Staff Reporter",
        "Contact officer: Jane Doe, Head of Quality Assurance",
        "Report of the Director of Children's Services",
        "General News",
        "Brackley Evening Star\nNews › Brackley",
    ],
)
def test_sources_and_officers_are_not_authors(header: str) -> None:
    text = f"{header}\n\nCouncil children's services rated good by inspectors\n\n{BODY}"
    assert extract(text).authors == []


def test_a_name_in_the_body_is_not_a_byline() -> None:
    text = (
        f"Council children's services rated good by inspectors\n\n{BODY}\n\n"
        "Jane Doe\n\nThe council will publish its action plan next month."
    )
    assert extract(text).authors == []


def test_author_is_not_listed_among_the_people() -> None:
    text = (
        "Council children's services rated good by inspectors\nBy Jane Doe, Education Reporter\n\n"
        f"{BODY}\n\n"
        'Cllr Rhona Beck, cabinet member for children, said: "We are so proud of our social '
        'workers."'
    )
    record = extract(text)
    assert record.authors == ["Jane Doe"]
    assert [p.name for p in record.people] == ["Rhona Beck"]


def test_name_above_an_outlet_line_is_a_byline_after_share_buttons() -> None:
    text = (
        "Support for pupils in Kelby is patchy, inspectors find\n\n4 November 2024\n\n"
        "Share\nSave\n\n"
        f"Wren Ashcroft\nBBC News, Kelby\n\n{BODY}"
    )
    assert extract(text).authors == ["Wren Ashcroft"]


def test_two_names_on_one_bare_line_above_an_outlet_line() -> None:
    text = (
        "Support for pupils in Kelby is patchy, inspectors find\n\n4 November 2024\n\n"
        "Share\nSave\n\n"
        f"Wren Ashcroft-Lyle and Tobiah Merrin\nBBC News, Kelby\n\n{BODY}"
    )
    assert extract(text).authors == ["Wren Ashcroft-Lyle", "Tobiah Merrin"]


def test_names_above_a_desk_line_are_a_byline() -> None:
    text = (
        "Support for pupils in Kelby is patchy, inspectors find\n\n4 November 2024\n\n"
        f"Wren Ashcroft and Tobiah Merrin\nKelby Live Education team\n\n{BODY}"
    )
    assert extract(text).authors == ["Wren Ashcroft", "Tobiah Merrin"]


def test_name_above_a_place_line_is_not_a_byline() -> None:
    text = (
        "Support for pupils in Kelby is patchy, inspectors find\n\n4 November 2024\n\n"
        "Share\nSave\n\n"
        f"Wren Ashcroft\nKelby, Westshire\n\n{BODY}"
    )
    assert extract(text).authors == []


# -- the speed-ups read the same bylines as the plain reading --------------------

_LINE_PIECES = st.sampled_from(
    [
        "By", "by", "BY", "Jane", "Doe", "JANE DOE", "Amir", "Khalil", "Dr", "and", ",", "|",
        " ", " ", "\n", "\n", "\n\n", "Reporter:", "Education Reporter", "Posted", "on",
        "15 October 2018", "Council", "children's", "services", "rated", "good", "Ofsted",
        "News", "\u2013", "\u00e9", "O'NEILL", "Written by", "\t", "Byline", "story",
    ]
)


def _reference_find(
    component: Bylines, text: str, skip: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``Bylines.find`` as written before its speed-ups: every line read with the patterns."""
    skip_starts = [s for s, _ in skip]

    def skipped(pos: int) -> bool:
        i = bisect_right(skip_starts, pos) - 1
        return i >= 0 and skip[i][0] <= pos < skip[i][1]

    def read_line(s: int, e: int, header: bool) -> None:
        if e - s > 200 or (not header and not component.prefix_start.match(text, s, e)):
            return
        line = _unshout(text[s:e])
        m = component.prefixed.match(line)
        if m and component._rest_ok(m.group("rest")):
            found.extend(component._names(m.group("names"), s + m.start("names")))
            return
        if not header:
            return
        m = component.trailing_by.search(line) if _BY.search(line) else None
        if m and _DATEISH.search(line[: m.start()]):
            found.extend(component._names(m.group("names"), s + m.start("names")))
            return
        m = component.titled.match(line)
        rest = m.group("rest") if m else ""
        if m and component.journalist.search(rest) and len(rest.split()) <= 8:
            found.extend(component._names(m.group("names"), s + m.start("names")))

    prefix_line = re.compile(r"(?m)^(?=" + component.prefix_start.pattern + ")")
    lines: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []
    header_end, pos, size, may_jump = -1, 0, len(text), True
    while pos <= size and len(lines) <= 400:
        n = len(lines)
        body_from = max(header_end, component.header_lines) + 2 if header_end >= 0 else n + 1
        if n >= body_from and may_jump:
            may_jump = text.count("\n", pos) + n < 400
        if n >= body_from and may_jump:
            for opening in prefix_line.finditer(text, pos):
                s = opening.start()
                e = text.find("\n", s)
                e = size if e < 0 else e
                first = s + len(text[s:e]) - len(text[s:e].lstrip())
                if text[s:e].strip() and not skipped(first):
                    read_line(s, e, False)
            break
        e = text.find("\n", pos)
        e = size if e < 0 else e
        line = text[pos:e]
        if line.strip() and not skipped(pos + len(line) - len(line.lstrip())):
            lines.append((pos, e))
            if header_end < 0 and n > 0 and len(line.split()) >= component.prose_words:
                header_end = n
            read_line(pos, e, n < body_from)
        pos = e + 1
    if header_end < 0:
        header_end = len(lines)
    if found or not lines:
        return _dedupe(found)
    for n, (s, e) in enumerate(lines[: min(header_end + 3, component.header_lines)]):
        m = component.bare.match(_unshout(text[s:e]))
        if not m:
            continue
        nxt = text[lines[n + 1][0] : lines[n + 1][1]].strip() if n + 1 < len(lines) else ""
        prev = text[lines[n - 1][0] : lines[n - 1][1]].strip() if n > 0 else ""
        after_headline = len(prev.split()) >= 5 and not prev.endswith((".", ":"))
        before_detail = bool(
            (_DATEISH.search(nxt) and len(nxt.split()) <= 10)
            or (component.journalist.search(nxt) and len(nxt.split()) <= 6)
            or nxt.startswith("@")
            or component._outlet(nxt)
        )
        after_date = bool(
            n > 0
            and lines[n - 1][1] + 1 == s
            and _DATEISH.search(prev)
            and len(prev.split()) <= 6
            and not prev.endswith((".", ":"))
        )
        if before_detail or (after_headline and n < header_end) or after_date:
            names = component._names(m.group("names"), s + m.start("names"))
            if names:
                return names
    # a writer credited in a sentence of the header: read on the same header lines
    return component._credited(text, lines[: min(header_end + 1, component.header_lines)])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_LINE_PIECES, max_size=80), data=st.data())
def test_gated_line_reading_finds_what_reading_every_line_with_the_patterns_finds(
    pieces: list[str], data: st.DataObject
) -> None:
    component = Bylines(rules.load("bylines"), rules.load("people"))
    text = " ".join(pieces)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    skip = [(a, b)] if data.draw(st.booleans()) else []
    assert component.find(text, skip) == _reference_find(component, text, skip)
    # the per-line tests read from the copies agree with the patterns
    marks = _Marks(text)
    for s in [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]:
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        assert marks.unshout(text, s, e) == _unshout(text[s:e])
        assert bool(_BY.search(text[s:e])) == bool(
            marks.has_by(s, e) and _BY.search(text, s, e)
        )


def test_byline_deep_below_the_header_is_found_after_the_jump() -> None:
    body = "\n".join(f"Paragraph {i} of the story, with nothing of note in it." for i in range(30))
    text = f"Headline about the school\n\n{BODY}\n\n{body}\nBy Jane Doe\n\nMore text."
    component = Bylines(rules.load("bylines"), rules.load("people"))
    assert component.find(text, []) == _reference_find(component, text, [])
    assert [name for *_, name in component.find(text, [])] == ["Jane Doe"]


def test_byline_on_the_first_line_below_the_header_is_found_by_the_jump() -> None:
    # the header ends two lines past the 14th line, as the first long line comes
    # early; the byline is the very line the jump starts from
    short = "\n".join(f"Menu item {i}" for i in range(14))
    text = f"Headline about the school\n{BODY} {BODY}\n{short}\nBy Jane Doe\nMore text."
    component = Bylines(rules.load("bylines"), rules.load("people"))
    assert component.find(text, []) == _reference_find(component, text, [])
    assert [name for *_, name in component.find(text, [])] == ["Jane Doe"]


@pytest.mark.parametrize(
    "header",
    [
        # the live blog is written by a desk or a council, not a person
        "Live updates by Harrowfield Council",
        "Live updates by our news team",
        # "updates by" in a sentence is no byline
        "Parents were sent updates by Councillor Ada Thornbury on the new building",
    ],
)
def test_live_blog_lines_that_name_no_writer(header: str) -> None:
    text = f"Council children's services rated good by inspectors\n{header}\n\n{BODY}"
    assert extract(text).authors == []


# -- a writer credited in the standfirst ---------------------------------------------------


WRITER = ["Peregrine Tolliver"]
STANDFIRST_HEADER = (
    "Kelmouth Evening Star\n\nNews > Education\n\n"
    "How Brackenridge Academy climbed out of special measures\n\n"
    "Six years after inspectors said it was failing, a Kelmouth secondary has been judged "
    "good. {credit}\n\nMonday 3 June 2019\n\n"
)


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("Education reporter Peregrine Tolliver went back to find out how.", WRITER),
        ("Our education correspondent Peregrine Tolliver reports.", WRITER),
        ("Chief reporter Peregrine Tolliver went to see for himself.", WRITER),
        # a source, not the writer: a past title, or a speech verb after the name
        ("Former editor Peregrine Tolliver is now chair of its governors.", []),
        ("Education editor Peregrine Tolliver said the change was remarkable.", []),
        ("Former editor Peregrine Tolliver has been appointed its chair of governors.", []),
        ("Newspaper editor Peregrine Tolliver has been appointed its chair of governors.", []),
        # a title that is no journalist's
        ("Headteacher Peregrine Tolliver explains how it was done.", []),
    ],
)
def test_writer_credited_in_the_standfirst(credit: str, authors: list[str]) -> None:
    text = STANDFIRST_HEADER.format(credit=credit) + BODY
    assert extract(text).authors == authors


def test_a_credit_in_the_body_is_no_byline() -> None:
    body = "\n\n".join([BODY] * 4)
    text = (
        "Brackenridge Academy climbs out of special measures\n\n"
        f"{body}\n\nEducation reporter Peregrine Tolliver went back to the school last week.\n"
    )
    assert extract(text).authors == []


def test_a_credited_writer_is_not_the_speaker_of_the_quotes_after() -> None:
    text = STANDFIRST_HEADER.format(
        credit="Education reporter Philippa Tolliver went back to find out how."
    ) + (
        "Josephine Marchbank, whose daughter is in Year 8, nearly chose another school. "
        '"Everyone told me to avoid it," she says.'
    )
    record = extract(text)
    assert record.authors == ["Philippa Tolliver"]
    assert all(p.name != "Philippa Tolliver" for p in record.people)


# -- a name run on into a journalist's title ---------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "Thessaly Brandvoll Social affairs correspondent",
        "Thessaly Brandvoll Education editor",
        "Thessaly Brandvoll Chief reporter",
        "Thessaly Brandvoll Reporter",
    ],
)
def test_a_name_run_on_into_a_journalist_title_on_one_line(byline: str) -> None:
    text = (
        "The Harbour Ledger\n\nWestmarch children's services rated good by Ofsted\n\n"
        f"{byline}\nThu 9 Sep 2021 07.00 BST\n\n{BODY}"
    )
    assert extract(text).authors == ["Thessaly Brandvoll"]


@pytest.mark.parametrize(
    "line",
    [
        # title case: nothing tells where the name ends and the title starts
        "Thessaly Brandvoll Education Correspondent",
        # a desk, not a person
        "Local Democracy Reporter",
        # no journalist's title at the end
        "Thessaly Brandvoll Head of school",
    ],
)
def test_a_run_on_line_without_a_clear_name_and_title_is_no_byline(line: str) -> None:
    text = (
        "The Harbour Ledger\n\nWestmarch children's services rated good by Ofsted\n\n"
        f"{line}\nThu 9 Sep 2021 07.00 BST\n\n{BODY}"
    )
    assert extract(text).authors == []


# -- a bare name with the writer's social handle after it on the same line ----------


@pytest.mark.parametrize(
    "byline",
    [
        "Oisin Haverstock  @OHaverstockFE",
        "Oisin Haverstock @ohaverstock",
        "Oisin Haverstock  @OHaverstockFE  3 June 2019",
    ],
)
def test_a_name_with_a_social_handle_after_it_is_a_byline(byline: str) -> None:
    text = (
        "TRADE DIGEST\n\nHome  >  News  >  Inspection\n\n"
        "Land college keeps its good grade after a two-day visit\n\n"
        f"{byline}\nPublished: 3 June 2019  09:15\n\n{BODY}"
    )
    assert extract(text).authors == ["Oisin Haverstock"]


@pytest.mark.parametrize(
    "line",
    [
        "Vale Gazette  @ValeGazetteNews",  # an outlet's handle, not a writer's
        "Oisin Haverstock  @OHaverstockFE  Education reporter at large today",
    ],
)
def test_a_handle_line_that_is_no_writers_byline(line: str) -> None:
    text = (
        "TRADE DIGEST\n\nLand college keeps its good grade after a two-day visit\n\n"
        f"{line}\n\n{BODY}"
    )
    assert extract(text).authors == []


# -- a hyphenated surname run on into a journalist's title -------------------------


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Ottoline Pardew-Kestle Education correspondent", "Ottoline Pardew-Kestle"),
        ("Ottoline Pardew-Kestle Social affairs editor", "Ottoline Pardew-Kestle"),
    ],
)
def test_a_hyphenated_surname_run_on_into_a_title_keeps_both_halves(
    byline: str, author: str
) -> None:
    """The hyphen of a double-barrelled surname is no separator before the title."""
    text = (
        "The Harbour Ledger\n\nWestmarch children's services rated good by Ofsted\n\n"
        f"{byline}\nThu 9 Sep 2021 07.00 BST\n\n{BODY}"
    )
    assert extract(text).authors == [author]


def test_a_spaced_hyphen_still_separates_the_name_from_the_title() -> None:
    text = (
        "The Harbour Ledger\n\nWestmarch children's services rated good by Ofsted\n\n"
        "Ottoline Pardew - Education correspondent\nThu 9 Sep 2021 07.00 BST\n\n"
        f"{BODY}"
    )
    assert extract(text).authors == ["Ottoline Pardew"]


@pytest.mark.parametrize("date", ["14 March 2021", "March 14, 2021", "Published 14/03/2021"])
def test_bare_name_line_under_a_date_line_below_the_standfirst(date: str) -> None:
    # trade pages print the date and then the writer's name under the standfirst
    text = (
        "Care Practice Weekly\nNews | Jobs | Subscribe\n\n"
        "Ofsted: Harrowgate children's services move up to good\n\n"
        "Council climbs a grade after three years of work, but inspectors want faster help "
        "for families\n\n"
        f"{date}\nCallum Pettigrew-Oakes\n\n{BODY}"
    )
    assert extract(text).authors == ["Callum Pettigrew-Oakes"]


def test_date_line_then_a_sentence_is_no_byline() -> None:
    # a date line above prose: the line under the date must be a bare name
    text = (
        "Ofsted: Harrowgate children's services move up to good\n\n"
        "Council climbs a grade after three years of work, but inspectors want faster help "
        "for families\n\n"
        f"14 March 2021\nInspectors praised Harrowgate Council.\n\n{BODY}"
    )
    assert extract(text).authors == []


def test_name_line_after_a_date_and_share_buttons_is_no_byline() -> None:
    # the date line must sit right above the name: furniture between breaks the pair
    text = (
        "Support for pupils in Harrowgate is patchy, inspectors find\n\n14 March 2021\n\n"
        f"Share\nSave\n\nCallum Pettigrew\nMarket Harrowgate\n\n{BODY}"
    )
    assert extract(text).authors == []
