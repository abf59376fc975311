"""Dates: the article's own date, the inspectors' visit, the report's publication.

Every sentence here is made up by the team (invented councils, schools and
people). Expected values are worked out by hand from the sentence and the
article date given with it, never copied from the program's output.
"""

from __future__ import annotations

import calendar
import time

import pytest
import srsly
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from ofsted_extract import rules
from ofsted_extract.components.dates import article_date, inspection_date, report_date
from ofsted_extract.dating import Grammar, Parts, resolve
from ofsted_extract.pipeline import build_pipeline
from ofsted_extract.record import PartialDate
from ofsted_extract.textutil import analysis_text

YMD = tuple[int | None, int | None, int | None]


def make_doc(text: str) -> Doc:
    return build_pipeline()(analysis_text(text))


def ymd(date: PartialDate | None) -> YMD | None:
    return None if date is None else (date.year, date.month, date.day)


def published(year: int | None, month: int | None, day: int | None) -> PartialDate:
    return PartialDate(year=year, month=month, day=day, text="(article date)")


def page(date_line: str, body: str = "") -> str:
    """A small news page: headline, byline, the date line, then the story."""
    body = body or (
        "Amberleigh Borough Council's services for children have been rated good by Ofsted, "
        "the council said. Inspectors praised its early help teams."
    )
    headline = "Amberleigh children's services judged good by inspectors"
    return f"{headline}\nBy Tess Marlow\n{date_line}\n\n{body}\n"


def visit(text: str, on: YMD | None = (2024, 6, 12)) -> YMD | None:
    doc = make_doc(text)
    ref = published(*on) if on is not None else None
    return ymd(inspection_date(doc, 0, len(doc.text), ref))


def report(text: str, on: YMD | None = (2024, 6, 12)) -> YMD | None:
    doc = make_doc(text)
    ref = published(*on) if on is not None else None
    return ymd(report_date(doc, 0, len(doc.text), ref))


# -- the article's own date -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("| 15 October 2018", (2018, 10, 15)),
        ("Published: Tuesday 4 March 2025", (2025, 3, 4)),
        ("Fri 28 Apr 2023 at 6:00 am", (2023, 4, 28)),
        ("12/03/2024", (2024, 3, 12)),  # day first, as British pages write it
        ("19.09.2024", (2024, 9, 19)),
        ("21-07-2016", (2016, 7, 21)),
        ("date 2017-11-24", (2017, 11, 24)),
        ("Posted 14/07/2023", (2023, 7, 14)),
        ("Posted on July 5, 2022 by Newsdesk", (2022, 7, 5)),
        ("10 Feb 2026 | 4 min read", (2026, 2, 10)),
        ("3rd August 2011", (2011, 8, 3)),
        ("Released: 14 November 2024", (2024, 11, 14)),
        ("EMBARGOED UNTIL 00:01 WEDNESDAY 5 MARCH 2025", (2025, 3, 5)),
        ("Monday, 14 March 2022, 10:12 am", (2022, 3, 14)),
        ("Thu 21 Sep 2023 07.00 BST", (2023, 9, 21)),
        ("Tuesday, February 9, 2016", (2016, 2, 9)),
        ("Posted on 23rd October 2023 in School News", (2023, 10, 23)),
        ("PUBLISHED: 16:21, 12 March 2024 | UPDATED: 09:12, 13 March 2024", (2024, 3, 12)),
        ("Posted by Admin on 02/05/2023", (2023, 5, 2)),
        ("By Ruth Keane, Education Reporter | Tuesday 4 March 2025 6:00 am", (2025, 3, 4)),
        ("News release 5 June 2018", (2018, 6, 5)),
        # only a change date shown: still the page's date
        ("Last updated: 02/12/2022 18:05", (2022, 12, 2)),
    ],
)
def test_article_date_forms(line: str, expected: YMD) -> None:
    assert ymd(article_date(make_doc(page(line)))) == expected


def test_article_date_evidence_points_at_the_date_words() -> None:
    text = page("Published: Tuesday 4 March 2025")
    date = article_date(make_doc(text))
    assert date is not None and date.evidence is not None
    assert text[date.evidence.start : date.evidence.end] == date.evidence.text == date.text
    assert date.iso == "2025-03-04"


def test_a_year_less_dateline_alone_on_its_line_dates_the_article() -> None:
    assert ymd(article_date(make_doc(page("12 March")))) == (None, 3, 12)
    # beside other words it is no dateline
    assert article_date(make_doc(page("12 March Kestwick edition"))) is None


def test_us_month_first_only_when_the_day_cannot_be_a_month() -> None:
    assert ymd(article_date(make_doc(page("07/14/2023")))) == (2023, 7, 14)
    assert ymd(article_date(make_doc(page("07/04/2023")))) == (2023, 4, 7)


def test_published_label_beats_last_updated() -> None:
    text = page("Published: 9 May 2022\nLast updated: 16 May 2022")
    assert ymd(article_date(make_doc(text))) == (2022, 5, 9)


def test_published_label_on_the_line_above_its_date() -> None:
    text = page("Published\n8 January 2024")
    assert ymd(article_date(make_doc(text))) == (2024, 1, 8)


def test_footer_first_published_line_dates_a_page_without_a_header_date() -> None:
    text = (
        "ed the school's governors, inspectors rated Wrenfield Academy good overall.\n\n"
        "The head teacher said staff were delighted with the result.\n\n"
        "Comments (2)\n\nHave your say\n\n"
        "First published Thursday 12 May 2011 in Schools\n"
    )
    assert ymd(article_date(make_doc(text))) == (2011, 5, 12)


def test_meeting_paper_is_dated_by_its_meeting_not_by_the_report_or_deadline() -> None:
    text = (
        "OLDCASTLE COUNCIL\n\nCHILDREN AND YOUNG PEOPLE SCRUTINY PANEL\n\n"
        "Date of meeting: 11 March 2025\n\n"
        "1.1 Ofsted inspected the council's children's services between 13 and 24 January 2025. "
        "The inspection report was published on 21 February 2025.\n\n"
        "1.2 The action plan must reach Ofsted by 30 May 2025.\n"
    )
    assert ymd(article_date(make_doc(text))) == (2025, 3, 11)


def test_minutes_are_dated_by_the_meeting_they_record_not_an_earlier_one() -> None:
    text = (
        "KESTWICK COUNCIL\n\n"
        "MINUTES of a meeting of the CABINET held in Committee Room 2, Town Hall, Kestwick on "
        "Wednesday, 6 November 2024 at 7.00 pm\n\n"
        "PRESENT: Councillor P. Ashdown (in the Chair)\n\n"
        "12. MINUTES\n\nRESOLVED: That the minutes of the meeting held on 2 October 2024 be "
        "approved as a correct record and signed by the Chair.\n"
    )
    assert ymd(article_date(make_doc(text))) == (2024, 11, 6)


def test_published_today_with_day_and_month_gives_no_year() -> None:
    text = (
        "Corrin Vale children's services rated good\nNews\n\n"
        "Corrin Vale's children's services have been rated good. The report, published today "
        "(14 August), praises the council's fostering team.\n"
    )
    date = article_date(make_doc(text))
    assert ymd(date) == (None, 8, 14)
    assert date is not None and date.iso is None


@pytest.mark.parametrize(
    "text",
    [
        # relative date only; the dated items belong to the list of other stories
        "Maplestead nursery rated outstanding\n\nPublished\n3 hours ago\n\n"
        "A nursery in Maplestead has been rated outstanding by Ofsted after a visit in May.\n\n"
        "More on this story\n\nLowerbridge school judged good\nPublished\n4 June\n\n"
        "Harfield academy in special measures\nPublished\n1 June\n",
        # no date line: dates in sentences are not the article's
        "Wrenfield school rated good\n\nWrenfield Primary School was inspected on 4 March 2024 "
        "and rated good. Its report was published on 2 April 2024.\n",
        # a date inside a quote about something else
        "Lowerbridge council rated requires improvement\n\n"
        "The council's leader said: \"Since 1 April 2023 we have hired forty social workers.\"\n",
    ],
)
def test_no_article_date_when_the_page_shows_none(text: str) -> None:
    assert article_date(make_doc(text)) is None


def test_inspection_dates_label_at_the_top_is_no_article_date() -> None:
    text = (
        "Inspection of Harfield Primary School\nInspection dates: 5 and 6 December 2023\n\n"
        "Overall effectiveness Good\n"
    )
    assert article_date(make_doc(text)) is None


# -- the inspectors' visit ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "on", "expected"),
    [
        ("Kestwick Primary School was inspected in May.", (2024, 6, 12), (2024, 5, None)),
        ("Inspectors visiting the council last month praised its social workers.",
         (2019, 11, 12), (2019, 10, None)),
        ("Inspectors visited Oldcastle Council between 6 and 17 March.", (2023, 4, 28),
         (2023, 3, 6)),
        ("Inspectors were in the borough from 8 to 19 July.", (2024, 9, 19), (2024, 7, 8)),
        ("The latest monitoring visit, on 10 and 11 January, looked at care leavers.",
         (2023, 2, 22), (2023, 1, 10)),
        ("Maplestead County Council was inspected in November and December 2015.",
         (2016, 2, 9), (2015, 11, None)),
        ("Inspectors spent four weeks in the county during May and June.", (2016, 7, 21),
         (2016, 5, None)),
        ("The rating follows a visit carried out last autumn.", (2020, 2, 26), (2019, None, None)),
        ("Inspectors returned earlier this year for a full inspection.", (2024, 7, 22),
         (2024, None, None)),
        ("Inspectors, who were in the county in the spring, found weaknesses.", (2023, 7, 14),
         (2023, None, None)),
        ("Inspection dates: 12 and 13 March 2024", (2024, 4, 2), (2024, 3, 12)),
        ("The academy was rated inadequate following an inspection in late January.",
         (2024, 3, 13), (2024, 1, None)),
        ("Inspectors visited the council in January and February.", (2022, 3, 14),
         (2022, 1, None)),
        ("The visit, carried out on 9 and 10 October, looked at the front door.",
         (2024, 11, 14), (2024, 10, 9)),
        ("Ofsted inspected the college under its further education inspection framework in "
         "early March.", (2024, 4, 20), (2024, 3, None)),
        ("In January, inspectors spent two weeks at Harfield Council.", (2024, 3, 1),
         (2024, 1, None)),
        ("The inspection took place between 30 September and 11 October 2024.",
         (2024, 11, 20), (2024, 9, 30)),
        ("The nursery was inspected on 3rd of May.", (2023, 6, 1), (2023, 5, 3)),
        ("Inspectors visited in mid-May.", (2023, 6, 1), (2023, 5, None)),
        ("The school had its first inspection in 2019.", (2019, 12, 1), (2019, None, None)),
    ],
)
def test_visit_forms(sentence: str, on: YMD, expected: YMD) -> None:
    assert visit(sentence, on) == expected


def test_month_after_the_articles_month_is_last_year() -> None:
    # an article out in February about a visit "in December"
    assert visit("Inspectors visited the school in December.", (2025, 2, 7)) == (2024, 12, None)
    # the same month as the article is this year
    assert visit("Inspectors visited the school in February.", (2025, 2, 7)) == (2025, 2, None)
    # a stated year is kept as it is
    assert visit("Inspectors visited in December 2023.", (2025, 2, 7)) == (2023, 12, None)


def test_relative_visit_without_article_date_keeps_the_year_unknown() -> None:
    assert visit("The inspection, carried out in May, found delays.", None) == (None, 5, None)
    # "last month" with no article date says nothing at all
    assert visit("Inspectors visited the council last month.", None) is None
    # with only the article's day and month, last month is known, its year is not
    assert visit("Inspectors visited the council last month.", (None, 7, 3)) == (None, 6, None)
    assert visit("Inspectors visited the council last month.", (None, 1, 9)) == (None, 12, None)


def test_season_and_relative_years() -> None:
    assert visit("Inspectors visited last autumn.", (2019, 12, 10)) == (2019, None, None)
    assert visit("Inspectors visited last summer.", (2021, 3, 1)) == (2020, None, None)
    assert visit("Inspectors came in during the summer term of 2022.", (2023, 1, 5)) == (
        2022, None, None)
    assert visit("The college was inspected two months ago.", (2022, 1, 20)) == (2021, 11, None)


@pytest.mark.parametrize(
    ("sentence", "on"),
    [
        # an earlier inspection, a grade, a publication, a deadline, the future
        ("Whitcombe Council was last inspected in March 2021, when it was rated inadequate.",
         (2024, 7, 22)),
        ("At its previous inspection, in 2018, the nursery was rated good.", (2023, 10, 1)),
        ("Date of previous inspection: 5 and 6 February 2019", (2024, 4, 1)),
        ("The council's services were judged inadequate in May 2023 and remain so.",
         (2025, 3, 5)),
        ("The trust has been rated good since 2017.", (2024, 3, 1)),
        ("The report, published on 3 July, praises the council's leaders.", (2024, 7, 10)),
        ("The council must send its action plan to Ofsted by 7 April 2025.", (2025, 1, 16)),
        ("Inspectors are expected to return early next year.", (2024, 10, 1)),
        ("Inspectors will visit the school in the spring.", (2024, 10, 1)),
        ("Lowerbridge Nursery has places from January 2024 - book a visit today!",
         (2023, 10, 23)),
        ("The grade is up from requires improvement in 2016.", (2019, 11, 12)),
        ("Leaders met in the council chamber on 4 March to discuss the budget.", (2024, 3, 20)),
        ("The academy, which opened in September 2019, is popular with parents.", (2024, 3, 20)),
        ("Under the inspection framework introduced last November, grades are given per area.",
         (2026, 2, 10)),
    ],
)
def test_dates_that_are_not_the_visit(sentence: str, on: YMD) -> None:
    assert visit(sentence, on) is None


def test_a_date_in_a_quote_about_an_earlier_visit_is_not_this_visit() -> None:
    text = (
        "Hopeford Primary was rated good after a two-day inspection in July. The head said: "
        '"When inspectors came in 2019 we were in a very different place."'
    )
    assert visit(text, (2024, 9, 13)) == (2024, 7, None)


def test_a_visit_still_to_come_is_not_the_visit() -> None:
    assert visit("The council was told in March that its services would be inspected.") is None


def test_hard_wrapped_lines_keep_their_sentence_and_their_date() -> None:
    text = (
        "Councillors welcomed the report on Netherby's children's services, judged good when\n"
        "inspectors carried out a full inspection between 6 and\n"
        "17 November 2023. The report was published in\n"
        "January.\n"
    )
    assert visit(text, None) == (2023, 11, 6)
    assert report(text, None) == (None, 1, None)


def test_the_visit_wins_over_an_earlier_inspection_in_the_same_text() -> None:
    text = (
        "Harfield Park Academy, which was judged good at its last full inspection in 2014, was "
        "inspected in November. When inspectors last visited, in March 2018, they found it "
        "required improvement."
    )
    assert visit(text, (2023, 1, 19)) == (2022, 11, None)


def test_other_schools_inspections_and_thousands_commas_do_not_mislead() -> None:
    text = (
        "Inspectors who visited the 1,350-pupil school in Tanner Lane last month found teaching "
        "satisfactory. Of the borough's other schools, two were rated good in inspections last "
        "year."
    )
    assert visit(text, (2010, 3, 12)) == (2010, 2, None)


def test_a_monitoring_visits_own_dates_are_the_inspection_date() -> None:
    text = (
        "Kestwick Council was judged inadequate in April 2022 and has since had three "
        "monitoring visits. The latest, on 14 and 15 November, looked at children in care."
    )
    assert visit(text, (2022, 12, 20)) == (2022, 11, 14)


def test_report_publication_is_not_the_visit_date() -> None:
    text = (
        "The report on Wrenfield College, published on 3 July, follows an inspection in May."
    )
    assert visit(text, (2024, 7, 10)) == (2024, 5, None)
    assert report(text, (2024, 7, 10)) == (2024, 7, 3)


def test_a_finer_date_of_the_same_visit_refines_a_coarser_one() -> None:
    text = (
        "A team of inspectors spent a fortnight with the council's social workers, managers and "
        "partners last month. Oldcastle was one of nine councils to have a full inspection under "
        "the new framework this autumn."
    )
    assert visit(text, (2019, 11, 12)) == (2019, 10, None)


def test_region_limits_which_visit_is_read() -> None:
    text = (
        "Amberleigh: Inspectors visited in May and rated the council good.\n\n"
        "Harfield: Inspectors visited in April and rated the council inadequate.\n"
    )
    doc = make_doc(text)
    split = text.index("Harfield")
    ref = published(2022, 6, 30)
    assert ymd(inspection_date(doc, 0, split, ref)) == (2022, 5, None)
    assert ymd(inspection_date(doc, split, len(text), ref)) == (2022, 4, None)


def test_dates_in_page_furniture_are_not_visits() -> None:
    text = (
        "Oldcastle college rated good\n\nThe college was rated good by Ofsted.\n\n"
        "Related articles\nLowerbridge school inspected in March\nHarfield nursery visited in May\n"
    )
    assert visit(text, (2024, 6, 1)) is None


# -- the report's publication ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "on", "expected"),
    [
        ("The report, published today, rates the council good.", (2024, 7, 3), (2024, 7, 3)),
        ("The report was published on 3 July.", (2024, 7, 10), (2024, 7, 3)),
        ("A report published yesterday found the home inadequate.", (2024, 3, 1), (2024, 2, 29)),
        # the most recent Friday before Tuesday 12 November 2019
        ("Their report, published on Friday, describes a turnaround.", (2019, 11, 12),
         (2019, 11, 8)),
        # without the article's day the weekday cannot be placed
        ("Their report, published on Friday, describes a turnaround.", (2019, 11, None), None),
        ("The letter, published today (3 July), sets out what inspectors found.", (None, 7, 3),
         (None, 7, 3)),
        ("The inspection report was published on 13 December 2024.", (2025, 1, 16),
         (2024, 12, 13)),
    ],
)
def test_report_date_forms(sentence: str, on: YMD, expected: YMD | None) -> None:
    assert report(sentence, on) == expected


def test_weekday_without_article_day_keeps_month_when_the_week_before_is_one_month() -> None:
    # article dated 20 November, year unknown: the Friday before is in November
    assert report("The report, published on Friday, was welcomed.", (None, 11, 20)) == (
        None, 11, None)


def test_deadlines_and_other_publications_are_not_the_report_date() -> None:
    assert report("The council must publish its plan by the end of October.", (2024, 9, 1)) is None
    assert report("The previous report, published in 2021, rated it good.", (2024, 9, 1)) is None


# -- the grammar and the resolution on their own --------------------------------------------


GRAMMAR = Grammar(rules.load("dates"))


@pytest.mark.parametrize(
    "text",
    ["You may want to march in protest", "30 February 2024", "31/04/2023", "2023-02-30",
     "the 2024/25 budget", "Spring Lane Primary", "in Summer Street", "version 1.2.10",
     "pupils aged 18 to 21", "Section 5 of the Education Act"],
)
def test_not_dates(text: str) -> None:
    assert GRAMMAR.find(text) == []


def test_resolution_never_reads_today() -> None:
    (mention,) = GRAMMAR.find("last month")
    assert resolve(mention, None, GRAMMAR.seasons) == Parts()
    (mention,) = GRAMMAR.find("in May")
    assert resolve(mention, None, GRAMMAR.seasons) == Parts(None, 5, None)


def test_winter_gives_no_single_year() -> None:
    (mention,) = GRAMMAR.find("last winter")
    assert resolve(mention, Parts(2024, 6, 1), GRAMMAR.seasons) == Parts()


DATE_WORDS = st.sampled_from(
    ["30", "31", "29", "February", "Feb", "April", "June", "September", "2023", "2024", "1900",
     "2100", "and", "to", "-", "/", ".", "between", "from", "in", "last", "month", "year", "on",
     "Friday", "today", "yesterday", "ago", "weeks", "2", "13", "12", "00", "the", "of", "spring",
     "winter", "Inspectors", "visited", "published", "Published:", "\n", "|", "(", ")", "May"]
)


def _check(date: PartialDate | None, text: str) -> None:
    if date is None:
        return
    if date.month is not None:
        assert 1 <= date.month <= 12
    if date.day is not None:
        assert date.month is not None
        leap_ok = date.year is None and date.month == 2 and date.day == 29
        limit = calendar.monthrange(date.year or 2001, date.month)[1]
        assert date.day <= limit or leap_ok
    assert date.evidence is not None
    assert text[date.evidence.start : date.evidence.end] == date.evidence.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.one_of(DATE_WORDS, st.text(max_size=6)), max_size=40),
    ref=st.one_of(
        st.none(),
        st.tuples(
            st.one_of(st.none(), st.integers(1900, 2100)),
            st.one_of(st.none(), st.integers(1, 12)),
            st.one_of(st.none(), st.integers(1, 28)),
        ),
    ),
)
def test_arbitrary_text_never_gives_an_impossible_date(
    words: list[str], ref: YMD | None
) -> None:
    text = " ".join(words)
    doc = make_doc(text)
    pub = article_date(doc)
    _check(pub, analysis_text(text))
    anchor = published(*ref) if ref is not None and (ref[0] or ref[1]) else pub
    for found in (
        inspection_date(doc, 0, len(text), anchor),
        report_date(doc, 0, len(text), anchor),
    ):
        _check(found, analysis_text(text))
        if found is not None:
            assert found.iso is None or found.iso.startswith(f"{found.year:04d}")


def test_hostile_input_stays_linear() -> None:
    junk = "in May 2019, inspected on 3 and 4 June; published 12/03/2024 " * 4000  # ~250 kB
    start = time.perf_counter()
    doc = make_doc(junk)
    inspection_date(doc, 0, len(junk), article_date(doc))
    assert time.perf_counter() - start < 20


# -- the component as a spaCy component -------------------------------------------


def test_spans_carry_the_role_of_each_date_and_the_doc_still_serialises() -> None:
    text = page(
        "Published: 9 May 2022",
        "Harfield Council was inspected between 7 and 18 March. The report, published on "
        "6 May, rates it good. Its new plan starts in September.",
    )
    doc = make_doc(text)
    roles = {span.text: span.label_ for span in doc.spans["dates"]}
    assert roles["9 May 2022"] == "PUBLISHED"
    assert roles["between 7 and 18 March"] == "VISIT"
    assert roles["6 May"] == "REPORT"
    assert "September" not in roles  # a date with no role gets no span
    # what the component keeps in user_data is plain data: it survives msgpack
    rows = doc.user_data["ofsted_dates"]
    assert srsly.msgpack_loads(srsly.msgpack_dumps(rows)) == [list(row) for row in rows]


def test_dates_are_read_even_when_the_component_did_not_run() -> None:
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("Maplestead Council was inspected in March 2024. Its report was published in May.")
    assert ymd(inspection_date(doc, 0, len(doc.text), None)) == (2024, 3, None)
    assert ymd(report_date(doc, 0, len(doc.text), None)) == (None, 5, None)


def test_component_can_be_added_to_a_blank_pipeline() -> None:
    import spacy

    import ofsted_extract.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("ofsted_layout")
    nlp.add_pipe("ofsted_dates")
    doc = nlp(
        "Kestwick school news\nPosted on 3 July 2023\n\nKestwick Primary was inspected in May."
    )
    assert ymd(article_date(doc)) == (2023, 7, 3)
    assert [span.label_ for span in doc.spans["dates"]] == ["PUBLISHED", "VISIT"]
