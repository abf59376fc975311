"""Property tests: for any text, a valid record with exact evidence, the same every time.

Two kinds of input: arbitrary Unicode (and arbitrary bytes through the reader),
and article-like text assembled from the words these articles are made of
(names, schools, grade words, quotation marks, dates, page furniture) in
orders nobody would write, which is where pairing rules break.

The number of examples is set by ``OFSTED_FUZZ_EXAMPLES`` (default: a quick
run). A long campaign is the same tests with a large number, e.g.::

    OFSTED_FUZZ_EXAMPLES=20000 nice pytest tests/test_fuzz.py -x
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofsted_extract.extractor import Extractor
from ofsted_extract.reading import read_bytes
from ofsted_extract.record import Evidence, Record
from ofsted_extract.writers import CsvWriter, safe_cell, to_json

EXAMPLES = int(os.environ.get("OFSTED_FUZZ_EXAMPLES", "60"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- article-like text -------------------------------------------------------------------
# Invented bodies, people and places; the words around them are the ones real
# articles use, including the older scales and the report-card words.

BODIES = [
    "Westerleigh Primary School",
    "St Aldwyn's CE Academy",
    "Hollin Brook Academy",
    "Little Acorns Day Nursery",
    "Kestley Vale Council",
    "Northmoor County Council's children's services",
    "Eastmere College",
    "Fernhill House children's home",
    "the Brackley Multi-Academy Trust",
    "Pellworth",
]
GRADES = [
    "outstanding",
    "good",
    "Good",
    "requires improvement",
    "Requires Improvement",
    "requires improvement to be good",
    "RI",
    "inadequate",
    "Inadequate",
    "special measures",
    "serious weaknesses",
    "satisfactory",
    "adequate",
    "performs well",
    "performs excellently",
    "exceptional",
    "strong standard",
    "expected standard",
    "needs attention",
    "urgent improvement",
    "met",
    "not met",
    "positive experiences and outcomes",
    "widespread and/or systemic failings",
]
AREAS = [
    "quality of education",
    "behaviour and attitudes",
    "personal development",
    "leadership and management",
    "early years provision",
    "sixth form provision",
    "safeguarding",
    "the experiences and progress of care leavers",
    "children in care",
    "the impact of leaders on social work practice",
]
PEOPLE = [
    "Jane Doe",
    "Mr Ifan Rees",
    "Cllr Priya Okonta",
    "Dr Sam O'Neill",
    "Mrs Odile Franks",
    "Desmond Achebe",
    "Sir Tobias Reed",
    "Ms Ana-Lucia Mbeki-Smith",
    "Rees",
    "he",
    "she",
]
ROLES = [
    "head teacher",
    "headteacher",
    "director of children's services",
    "cabinet member for education",
    "chair of governors",
    "Ofsted's regional director",
    "chief executive",
]
DATES = [
    "12 March 2021",
    "March 2021",
    "2019",
    "12.03.2021",
    "03/04/2022",
    "last month",
    "on Tuesday",
    "in May",
    "Monday 5 June 2023",
    "September 2008",
    "31 February 2020",
    "1 January 1850",
    "2099",
    "0/0/0000",
    "99 Smarch 20201",
    "last year",
    "2010/11",
]
VERBS = [
    "was rated",
    "has been judged",
    "was graded",
    "remains",
    "has been upgraded to",
    "was downgraded from",
    "has moved from",
    "to",
    "was found to be",
    "said",
    "told",
    "added",
    "previously",
    "at its last inspection in",
]
QUOTE_MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e"]
FURNITURE = [
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ",",
    ".",
    ":",
    ";",
    " - ",
    "(",
    ")",
    "By",
    "By Marta Kowalczyk",
    "Related articles",
    "Most read",
    "Share this article",
    "Published:",
    "Updated",
    "Ofsted",
    "inspectors",
    "the report said",
    "https://reports.ofsted.gov.uk/provider/21/123456",
    "www.example.gov.uk/news",
    "&nbsp;",
    "<p>",
    "</p>",
    "Cookies on this site",
    "\u00a3",
    "#",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A sentence of the kind articles are made of, or a near miss of one."""
    body, grade = draw(st.sampled_from(BODIES)), draw(st.sampled_from(GRADES))
    person, role = draw(st.sampled_from(PEOPLE)), draw(st.sampled_from(ROLES))
    date, area = draw(st.sampled_from(DATES)), draw(st.sampled_from(AREAS))
    q1, q2 = draw(st.sampled_from(QUOTE_MARKS)), draw(st.sampled_from(QUOTE_MARKS))
    verb = draw(st.sampled_from(VERBS))
    templates = [
        f"{body} {verb} {grade} by Ofsted in {date}.",
        f"{body} was rated {grade}, up from {draw(st.sampled_from(GRADES))} in {date}.",
        f"{q1}We are delighted,{q2} said {person}, {role} at {body}.",
        f"{person}, {role}, said: {q1}{grade.capitalize()} is what we expected.{q2}",
        f"Inspectors found {area} to be {grade}.",
        f"{area.capitalize()}: {grade}",
        f"The report, published on {date}, said pupils were {q1}{grade}{q2}.",
        f"{q1}{body} {verb} {grade}",
        f"Ofsted {verb} {body} {grade} {date} {person} {q2}",
    ]
    return draw(st.sampled_from(templates))


_PIECE = st.one_of(
    sentence(),
    st.sampled_from(BODIES + GRADES + PEOPLE + ROLES + DATES + VERBS + QUOTE_MARKS + FURNITURE),
    st.text(max_size=6),
)


@st.composite
def article(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(_PIECE, max_size=60))
    seps = draw(
        st.lists(
            st.sampled_from([" ", "", "\n", "\n\n", " "]),
            min_size=len(pieces),
            max_size=len(pieces),
        )
    )
    return "".join(p + s for p, s in zip(pieces, seps, strict=True))


# -- the properties ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def check(
    extractor: Extractor,
    schema_validator: Callable[[Any], None],
    evidence_errors: Callable[[Record, str], list[Evidence]],
) -> Callable[[str], Record]:
    """Extract ``text`` and assert everything issue 7 promises about the record."""

    def run(text: str) -> Record:
        record = extractor.extract(text, source="fuzz.txt")
        line = to_json(record)
        assert "\n" not in line
        data = json.loads(line)
        schema_validator(data)
        assert Record.model_validate(data) == record
        assert evidence_errors(record, text) == []
        again = extractor.extract(text, source="fuzz.txt")
        assert to_json(again) == line, "not deterministic"
        out = io.StringIO()
        writer = CsvWriter(out)
        writer.write(record)
        writer.close()
        rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
        assert len(rows) == max(1, len(record.inspections))
        assert rows[0]["title"] == safe_cell(record.title or "")
        for row in rows:
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        return record

    return run


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=3000))
@FUZZ
def test_any_unicode_text(check: Callable[[str], Record], text: str) -> None:
    check(text)


@given(article())
@FUZZ
def test_article_like_text(check: Callable[[str], Record], text: str) -> None:
    check(text)


@given(
    st.lists(sentence(), min_size=1, max_size=25), st.sampled_from(["\n\n", "\r\n\r\n", " ", "\r"])
)
@FUZZ
def test_well_formed_sentences(
    check: Callable[[str], Record], sentences: list[str], joiner: str
) -> None:
    record = check(joiner.join(sentences))
    for insp in record.inspections:
        assert insp.inspectorate == "Ofsted"


@given(st.binary(max_size=3000))
@FUZZ
def test_any_bytes_through_the_reader(check: Callable[[str], Record], data: bytes) -> None:
    document = read_bytes(data, "fuzz.bin")
    assert (document.text is None) != (document.error is None)
    if document.text is not None:
        check(document.text)


@given(article(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
@FUZZ
def test_article_like_bytes_in_any_encoding(
    check: Callable[[str], Record], text: str, encoding: str
) -> None:
    data = text.encode(encoding, errors="replace")
    document = read_bytes(data, "fuzz.txt")
    assert document.error in (None, "binary file (not text)")
    if document.text is not None:
        check(document.text)
