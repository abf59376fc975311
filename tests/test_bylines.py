"""Bylines: team-written headers for each common form and each trap."""

from __future__ import annotations

import pytest

from ofsted_extract import extract

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


def test_name_above_a_place_line_is_not_a_byline() -> None:
    text = (
        "Support for pupils in Kelby is patchy, inspectors find\n\n4 November 2024\n\n"
        "Share\nSave\n\n"
        f"Wren Ashcroft\nKelby, Westshire\n\n{BODY}"
    )
    assert extract(text).authors == []
