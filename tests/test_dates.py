"""Dates: the article's own date, the inspectors' visit, the report's publication.

Every sentence here is made up by the team (invented councils, schools and
people). Expected values are worked out by hand from the sentence and the
article date given with it, never copied from the program's output.
"""

from __future__ import annotations

import calendar
import re
import time

import pytest
import srsly
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from ofsted_extract import dating, rules
from ofsted_extract.components import dates as dates_component
from ofsted_extract.components.dates import article_date, inspection_date, report_date
from ofsted_extract.dating import Grammar, Mention, Parts, resolve
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
        ("| 22 November 2017", (2017, 11, 22)),
        ("Published: Wednesday 9 April 2025", (2025, 4, 9)),
        ("Mon 17 Jul 2023 at 7:30 am", (2023, 7, 17)),
        ("14/05/2024", (2024, 5, 14)),  # day first, as British pages write it
        ("23.10.2024", (2024, 10, 23)),
        ("18-08-2015", (2015, 8, 18)),
        ("date 2016-10-27", (2016, 10, 27)),
        ("Posted 19/06/2023", (2023, 6, 19)),
        ("Posted on August 11, 2022 by Webdesk", (2022, 8, 11)),
        ("16 Mar 2026 | 6 min read", (2026, 3, 16)),
        ("2nd September 2012", (2012, 9, 2)),
        ("Released: 21 October 2024", (2024, 10, 21)),
        ("EMBARGOED UNTIL 00:01 THURSDAY 12 JUNE 2025", (2025, 6, 12)),
        ("Tuesday, 10 May 2022, 9:41 am", (2022, 5, 10)),
        ("Fri 13 Oct 2023 08.15 BST", (2023, 10, 13)),
        ("Thursday, March 17, 2016", (2016, 3, 17)),
        ("Posted on 14th November 2023 in Parent News", (2023, 11, 14)),
        ("PUBLISHED: 16:21, 12 March 2024 | UPDATED: 09:12, 13 March 2024", (2024, 3, 12)),
        ("Posted by Admin on 02/05/2023", (2023, 5, 2)),
        ("By Ruth Keane, Education Reporter | Tuesday 4 March 2025 6:00 am", (2025, 3, 4)),
        ("News release 5 June 2018", (2018, 6, 5)),
        # only a change date shown: still the page's date
        ("Last updated: 05/11/2022 17:48", (2022, 11, 5)),
        # a clock time and "on" may come in either order after the label
        ("Last updated at 08:52 on 19 June 2014", (2014, 6, 19)),
        ("Updated 4 June 2019, 11:20", (2019, 6, 4)),
        # machine timestamps, bare or labelled: the clock part is the date's own
        ("2021-09-14T07:45:00Z", (2021, 9, 14)),
        ("2021-09-14 07:45", (2021, 9, 14)),
        ("Published: 2020-06-02T11:30:00+01:00", (2020, 6, 2)),
        # a masthead or section name closed by a separator
        ("Westbury Herald | 18 February 2019", (2019, 2, 18)),
        ("Schools | 7 December 2020", (2020, 12, 7)),
        ("Parish news - 30 April 2016", (2016, 4, 30)),
        # month first, as US-styled sites print it under the byline
        ("July 28, 2020", (2020, 7, 28)),
        # a weekday and an ordinal day alone on their line: no year to give
        ("Wednesday 5th June", (None, 6, 5)),
        # a newsletter's issue line dates the issue, without its year
        ("Issue 14 \u2013 Thursday 9th March", (None, 3, 9)),
        ("Newsletter No. 7 - Monday 2nd October", (None, 10, 2)),
        # a press release's own date line
        ("For immediate release: 9 October 2023", (2023, 10, 9)),
        ("FOR IMMEDIATE RELEASE - 14 June 2022", (2022, 6, 14)),
        ("Date of issue: 2 February 2021", (2021, 2, 2)),
        # a stamp line: the first-published time, not the change after it
        ("09:05, 3 Mar 2022 | Updated 17:40, 4 Mar 2022", (2022, 3, 3)),
        ("6 May 2021 \u2022 Last updated 8 May 2021", (2021, 5, 6)),
        ("Ashenby Express, 14 January 2010", (2010, 1, 14)),
        ("Friday 1 March 2024 | Issue 22", (2024, 3, 1)),
        ("Wednesday 5 June 2019 - Edition 3", (2019, 6, 5)),
    ],
)
def test_article_date_forms(line: str, expected: YMD) -> None:
    assert ymd(article_date(make_doc(page(line)))) == expected


def test_article_date_evidence_points_at_the_date_words() -> None:
    text = page("Published: Wednesday 9 April 2025")
    date = article_date(make_doc(text))
    assert date is not None and date.evidence is not None
    assert text[date.evidence.start : date.evidence.end] == date.evidence.text == date.text
    assert date.iso == "2025-04-09"


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
        "MINUTES of a meeting of the LICENSING COMMITTEE held in Room 4, Guildhall, Kestwick on "
        "Wednesday, 6 November 2024 at 7.00 pm\n\n"
        "PRESENT: Councillor P. Ashdown (in the Chair)\n\n"
        "12. MINUTES\n\nRESOLVED: That the minutes of the meeting held on 2 October 2024 be "
        "agreed as an accurate record.\n"
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


@pytest.mark.parametrize(
    "line",
    [
        # a year-less date beside a section name is no dateline: only an issue
        # line may leave out the year
        "News | 12 March",
        # a pipe in a headline does not make the headline a masthead
        "Council praises social workers after a much better year | 3 May 2019",
        # a change date told in a sentence is no label
        "The council said the page was last updated at 10:00 on 3 May 2019 by staff.",
        # "immediate release" in a sentence is no press-release label
        "The council agreed to the immediate release of funds on 3 May 2019 for schools.",
        # a school term alone, or in a sentence, is no issue line
        "Spring Term 2023",
        "Inspectors will visit during the spring term 2023, the council said.",
        "Summer 2022 - no homework this week",
    ],
)
def test_date_lines_that_are_not_the_articles_date(line: str) -> None:
    assert article_date(make_doc(page(line))) is None


def test_machine_readable_dates_of_a_scraped_page() -> None:
    head = "Ambridge children's services judged good\nBy Tess Marlow\n\n"
    body = "Ambridge Council's children's services have been rated good by Ofsted.\n"
    meta = '<meta property="article:published_time" content="2022-03-08T06:00:00Z">\n'
    assert ymd(article_date(make_doc(meta + head + body))) == (2022, 3, 8)
    # attributes the other way round
    meta = '<meta content="2018-03-09T09:00:00Z" name="pubdate">\n'
    assert ymd(article_date(make_doc(meta + head + body))) == (2018, 3, 9)
    # JSON-LD: the publication wins over the change
    json_ld = (
        '{"@type": "NewsArticle", "dateModified": "2022-03-10T12:00:00Z", '
        '"datePublished": "2022-03-08T06:00:00Z"}\n'
    )
    assert ymd(article_date(make_doc(head + body + json_ld))) == (2022, 3, 8)
    # a change date alone still dates the page, but a label beats it
    changed = '<meta property="article:modified_time" content="2022-03-10T12:00:00Z">\n'
    assert ymd(article_date(make_doc(changed + head + body))) == (2022, 3, 10)
    labelled = head + "Published: 7 March 2022\n\n" + body
    assert ymd(article_date(make_doc(changed + labelled))) == (2022, 3, 7)


def test_the_article_date_settles_the_year_of_a_visit() -> None:
    text = page(
        "3rd July 2023",
        "Marsh Lane Pre-School, in Ambridge, was inspected on 6 June and rated outstanding.",
    )
    doc = make_doc(text)
    assert ymd(inspection_date(doc, 0, len(text), article_date(doc))) == (2023, 6, 6)
    text = page(
        "Last updated at 08:52 on 19 June 2014",
        "Inspectors visited on May 29 and 30 and rated the school good.",
    )
    doc = make_doc(text)
    assert ymd(inspection_date(doc, 0, len(text), article_date(doc))) == (2014, 5, 29)


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
        ("Inspectors visited Oldcastle Council between 9 and 20 March.", (2023, 4, 28),
         (2023, 3, 9)),
        ("Inspectors were in the borough from 3 to 14 June.", (2024, 9, 19), (2024, 6, 3)),
        ("The second monitoring visit, on 7 and 8 February, looked at care leavers.",
         (2023, 2, 22), (2023, 2, 7)),
        ("Maplestead Borough Council was inspected in October and November 2014.",
         (2015, 1, 20), (2014, 10, None)),
        ("Inspectors were in the district for three weeks during April and May.", (2016, 7, 21),
         (2016, 4, None)),
        ("The rating follows an inspection carried out last autumn.", (2020, 2, 26),
         (2019, None, None)),
        ("Inspectors came back earlier this year to carry out a full inspection.", (2024, 7, 22),
         (2024, None, None)),
        ("Inspectors, who were in the district in the spring, noted weaknesses.", (2023, 7, 14),
         (2023, None, None)),
        ("Inspection dates: 8 and 9 October 2024", (2024, 11, 2), (2024, 10, 8)),
        ("The academy was rated inadequate after an inspection in late February.",
         (2024, 3, 13), (2024, 2, None)),
        ("Inspectors visited the trust in January and February.", (2022, 3, 14),
         (2022, 1, None)),
        ("The visit, carried out on 15 and 16 October, looked at the front door.",
         (2024, 11, 14), (2024, 10, 15)),
        ("Ofsted inspected the college under its further education inspection framework in "
         "early March.", (2024, 4, 20), (2024, 3, None)),
        ("In January, inspectors spent two weeks at Harfield Council.", (2024, 3, 1),
         (2024, 1, None)),
        ("The inspection took place between 30 September and 11 October 2024.",
         (2024, 11, 20), (2024, 9, 30)),
        ("The nursery was inspected on 3rd of May.", (2023, 6, 1), (2023, 5, 3)),
        ("Inspectors visited in mid-May.", (2023, 6, 1), (2023, 5, None)),
        ("The school had its first inspection in 2019.", (2019, 12, 1), (2019, None, None)),
        # a date set off by commas belongs to the words before it
        ("The inspection, on 11 and 12 March, found strong leadership.", (2024, 4, 20),
         (2024, 3, 11)),
        ("Inspectors visited the school in the week of 13 May.", (2024, 6, 12), (2024, 5, 13)),
        ("Inspection date(s): 16/01/2024", (2024, 2, 20), (2024, 1, 16)),
        ("The two-day inspection took place on 14-15 May.", (2024, 6, 12), (2024, 5, 14)),
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
    assert visit("The inspection, carried out in May, showed delays.", None) == (None, 5, None)
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
        ("Whitburn Council was last inspected in October 2020, when it was rated inadequate.",
         (2024, 7, 22)),
        ("At its previous inspection, in 2017, the playgroup was rated good.", (2023, 10, 1)),
        ("Date of previous inspection: 11 and 12 June 2018", (2024, 4, 1)),
        ("The council's services were judged inadequate in June 2022 and remain so.",
         (2025, 3, 5)),
        ("The trust has been rated good since 2017.", (2024, 3, 1)),
        ("The report, published on 3 July, praises the council's leaders.", (2024, 7, 10)),
        ("The council must send its action plan to Ofsted by 12 May 2025.", (2025, 1, 16)),
        ("Inspectors are expected to return early next year.", (2024, 10, 1)),
        ("Inspectors will visit the school in the spring.", (2024, 10, 1)),
        ("Lowerbridge Nursery has places from January 2024 - come and visit us today!",
         (2023, 10, 23)),
        ("The grade is up from inadequate in 2015.", (2019, 11, 12)),
        ("Leaders met in the council chamber on 4 March to discuss the budget.", (2024, 3, 20)),
        ("The academy, which opened in September 2019, is popular with parents.", (2024, 3, 20)),
        ("Under the inspection framework brought in last November, grades are given per area.",
         (2026, 2, 10)),
    ],
)
def test_dates_that_are_not_the_visit(sentence: str, on: YMD) -> None:
    assert visit(sentence, on) is None


def test_a_date_set_off_by_commas_is_read_with_the_words_before_it() -> None:
    # the earlier marker sits before the comma: still an earlier inspection
    assert visit("Her previous inspection, in 2016, also led to an outstanding grade.") is None
    # the first full inspection, in March, is this one; the monitoring visit
    # the year before is an older, lesser visit
    text = (
        "Kelby Training Ltd was graded requires improvement at its first full inspection, in "
        "March. The provider had a new provider monitoring visit in 2018."
    )
    assert visit(text, (2019, 6, 27)) == (2019, 3, None)


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
        "inspectors carried out a full inspection between 2 and\n"
        "13 October 2023. Their findings were published in\n"
        "December.\n"
    )
    assert visit(text, None) == (2023, 10, 2)
    assert report(text, None) == (None, 12, None)


def test_the_visit_wins_over_an_earlier_inspection_in_the_same_text() -> None:
    text = (
        "Harfield Vale Academy, which had been rated good at its last full inspection in 2013, "
        "was inspected in November. When inspectors last visited the academy, in March 2018, "
        "they found it required improvement."
    )
    assert visit(text, (2023, 1, 19)) == (2022, 11, None)


def test_other_schools_inspections_and_thousands_commas_do_not_mislead() -> None:
    text = (
        "Inspectors who visited the 1,250-pupil school in Tanner Lane last month found teaching "
        "satisfactory. Of the borough's other schools, two were rated good in inspections last "
        "year."
    )
    assert visit(text, (2010, 3, 12)) == (2010, 2, None)


def test_a_monitoring_visits_own_dates_are_the_inspection_date() -> None:
    text = (
        "Kestwick Council was found inadequate in March 2021 and has since had two "
        "monitoring visits. The second, on 9 and 10 November, looked at children in care."
    )
    assert visit(text, (2022, 12, 20)) == (2022, 11, 9)


def test_report_publication_is_not_the_visit_date() -> None:
    text = (
        "The report on Wrenfield College, published on 3 July, follows an inspection in May."
    )
    assert visit(text, (2024, 7, 10)) == (2024, 5, None)
    assert report(text, (2024, 7, 10)) == (2024, 7, 3)


def test_a_finer_date_of_the_same_visit_refines_a_coarser_one() -> None:
    text = (
        "Four inspectors spent two weeks talking to the council's staff, foster carers and "
        "partners last month. Oldcastle was one of nine councils to have a full inspection under "
        "the new framework this autumn."
    )
    assert visit(text, (2019, 11, 12)) == (2019, 10, None)


def test_region_limits_which_visit_is_read() -> None:
    text = (
        "Amberleigh: Inspectors visited in June and judged the council good.\n\n"
        "Harfield: Inspectors visited in March and found the council inadequate.\n"
    )
    doc = make_doc(text)
    split = text.index("Harfield")
    ref = published(2022, 6, 30)
    assert ymd(inspection_date(doc, 0, split, ref)) == (2022, 6, None)
    assert ymd(inspection_date(doc, split, len(text), ref)) == (2022, 3, None)


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
        ("Their report, published on Friday, sets out a turnaround.", (2019, 11, 12),
         (2019, 11, 8)),
        # without the article's day the weekday cannot be placed
        ("Their report, published on Friday, sets out a turnaround.", (2019, 11, None), None),
        ("The letter, published today (9 June), explains what inspectors found.", (None, 6, 9),
         (None, 6, 9)),
        ("The inspection report was published on 11 November 2024.", (2025, 1, 16),
         (2024, 11, 11)),
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
     "pupils aged 18 to 21", "Section 8 of the Schools Act"],
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
    # what the component keeps in user_data is plain data: it survives msgpack,
    # and a Doc read back from bytes gives the same dates
    restored = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert srsly.msgpack_loads(srsly.msgpack_dumps(doc.user_data["ofsted_dates"]))
    assert ymd(article_date(restored)) == ymd(article_date(doc)) == (2022, 5, 9)
    ref = article_date(doc)
    for found in (inspection_date, report_date):
        assert ymd(found(restored, 0, len(text), ref)) == ymd(found(doc, 0, len(text), ref))
    assert ymd(inspection_date(restored, 0, len(text), ref)) == (2022, 3, 7)


def test_dates_are_read_even_when_the_component_did_not_run() -> None:
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("Maplestead Council was inspected in February 2023. Its findings came out in April.")
    assert ymd(inspection_date(doc, 0, len(doc.text), None)) == (2023, 2, None)
    assert ymd(report_date(doc, 0, len(doc.text), None)) == (None, 4, None)


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


# -- the speed-ups keep behaviour exactly ---------------------------------------------
#
# Each fast read replaced a plain one that had the behaviour right; each is
# checked here against that plain one on text nobody wrote on purpose.

_PIECES = st.sampled_from(
    ["a", "in", "on", "the", "May", "by", "from", "starting", "Word", "2019", "12", "3",
     " ", " ", "  ", "\n", "\n\n", "\t", ".", "!", "?", ",", ";", ":", "(", ")", "-", " - ",
     "\u2013", "\u2014", "\u201d", "\u2019", "'", '"', "\u00e9", "_", "x" * 55]
)
_OLD_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n")
_OLD_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\[\]\u2013\u2014]|\s-\s")


def _reference_window(text: str, start: int, end: int) -> tuple[int, int, int, int]:
    """Sentence and clause bounds read forwards with the patterns the backward reads replaced."""

    def sentence_start(lo: int, pos: int) -> int:
        for found in reversed(list(_OLD_SENTENCE_END.finditer(text, lo, pos))):
            if text[found.start()] != "\n" or not dates_component._wrapped(text, found.start()):
                return found.end()
        return lo

    def sentence_end(pos: int, hi: int) -> int:
        for found in _OLD_SENTENCE_END.finditer(text, pos, hi):
            if text[found.start()] != "\n" or not dates_component._wrapped(text, found.start()):
                return found.start()
        return hi

    sent = sentence_start(max(0, start - 300), start)
    breaks = [found.end() for found in _OLD_CLAUSE_BREAK.finditer(text, sent, start)]
    if breaks and text[breaks[-1] - 1] == "," and (
        text[breaks[-1] : start].strip().lower() in dates_component._APPOSITION_LEADS
    ):
        breaks.pop()
    clause = breaks[-1] if breaks else sent
    before = breaks[-2] if len(breaks) > 1 else sent
    return sent, clause, before, sentence_end(end, min(len(text), end + 160))


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=50), data=st.data())
def test_backward_reads_find_the_sentence_and_clauses_the_patterns_found(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    window = dates_component._Window(
        text, dates_component._mark(text), Mention(start, end, "month", month=5)
    )
    found = (window.sent_start, window.clause_start, window.before_start, window.sent_end)
    assert found == _reference_window(text, start, end)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=30), data=st.data())
def test_word_checks_before_the_patterns_never_change_their_answer(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    pos = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, pos))
    component = build_pipeline().get_pipe("ofsted_dates")
    # a deadline word: the gate on the last words, then the pattern
    plain = bool(component.deadline_end.search(text, max(lo, pos - 40), pos))
    assert component._deadline_before(text, lo, pos) == plain
    # the word before a date, by string methods and by a walk over the characters
    i = pos
    while i > max(0, pos - 30) and text[i - 1].isspace():
        i -= 1
    if i > max(0, pos - 30) and text[i - 1] in ",.-":
        i -= 1
    j = i
    while j > max(0, pos - 30) and text[j - 1].isalnum():
        j -= 1
    assert dating._word_before(text, pos) == (text[j:i].lower(), j)
    # a prose line: ends a sentence and holds 20 words
    line = text.replace("\n", " ")
    ends = bool(re.search(r"[.!?][\"'\u201d\u2019)]*\s*$", line))
    assert dates_component._prose(line) == (
        ends and len(re.findall(r"[A-Za-z0-9]+", line)) >= 20
    )


_DIGIT_PIECES = st.sampled_from(
    ["1", "12", "30", "2019", "2023", "1,100", "3.5", "\u00a320", "10:30", "-", "/", ".", " ",
     "st", "May", "June", "and", "to", "in", "from", "between", "T09:15:00Z", "12/03/2024",
     "%", "per cent", "ago", "weeks", "\n", "\u00e9"]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_DIGIT_PIECES, max_size=30))
def test_digit_led_dates_are_found_as_a_scan_with_the_shapes_would_find_them(
    pieces: list[str],
) -> None:
    text = " ".join(pieces)
    # the shapes scanned for over the whole text, as before the digit runs
    # were marked out by ``bytes.translate`` (ASCII digits only, by design)
    found = [
        m for m in (GRAMMAR._at_digit(text, x) for x in GRAMMAR.at_digit.finditer(text)) if m
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    expected: list[Mention] = []
    for m in found:
        if not expected or m.start >= expected[-1].end:
            expected.append(m)
    assert GRAMMAR.find(text, []) == [m for m in expected if m.kind != "invalid"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(DATE_WORDS, max_size=30))
def test_the_matchers_seeds_find_what_a_search_of_the_text_finds(words: list[str]) -> None:
    text = " ".join(words)
    doc = build_pipeline()(text)
    page = dates_component._Page(build_pipeline().get_pipe("ofsted_dates"), doc, text)
    assert GRAMMAR.find(text, page.seeds) == GRAMMAR.find(text)


def test_weekday_prefixed_day_range_gives_the_first_day() -> None:
    text = (
        "As many of you know, we were visited by Ofsted on Monday 13th and Tuesday 14th May. "
        "Inspectors judged the school good."
    )
    assert visit(text) == (2024, 5, 13)


def test_date_under_a_one_story_latest_news_heading_is_published() -> None:
    text = (
        "Harewood Care Ltd\nOur Homes | Fostering | News\n\nLatest news\n\n"
        "Hollin Lodge judged Good at full inspection\n3 March 2022\n\n"
        "We are pleased to share that Hollin Lodge, our three-bed children's home, has been "
        "judged Good in all areas following its full Ofsted inspection on 8 and 9 February 2022.\n"
    )
    assert ymd(article_date(make_doc(text))) == (2022, 3, 3)


def test_dates_in_a_latest_news_list_of_other_stories_are_not_published() -> None:
    text = (
        "Harewood Care Ltd\n\nLatest news\n\nHollin Lodge judged Good\n3 March 2022\n"
        "New fostering hub opens\n1 February 2022\n\n"
        "We are pleased to share that Fern Cottage, our two-bed children's home, has been "
        "judged Good in all areas following its full Ofsted inspection in April this year.\n"
    )
    assert article_date(make_doc(text)) is None


_LABEL_PIECES = st.sampled_from(
    ["Published", "posted", "Posted by", "Webteam", "on", "ON", "at", "10:15", "10", "am", "BST",
     ":", " ", "  ", "\t", "\n", "|", ",", "-", "\u2013", "Last updated", "inspected", "by",
     "written by", "Ann Lee", "\u00e9", "_", "x1", "(", "Date"]
)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_LABEL_PIECES, max_size=20), sep=st.sampled_from(["", " "]))
def test_label_tail_reading_answers_as_a_walk_over_the_characters_does(
    pieces: list[str], sep: str
) -> None:
    component = build_pipeline().get_pipe("ofsted_dates")
    prefix = sep.join(pieces)
    # the reading before its speed-ups: one character at a time, every poster tried
    rest = prefix.rstrip(dates_component._LABEL_PUNCT)
    expected = True
    for _ in range(dates_component._LABEL_TAIL_STEPS):
        i = len(rest)
        while i and rest[i - 1].isalnum():
            i -= 1
        word = rest[i:].lower()
        if word in component.label_ends:
            break
        if word == "on":
            poster = " ".join(rest[max(0, i - 80) : i].lower().split())
            if any(p in poster for p in component.posters):
                break
        if not word or not (word in dates_component._TAIL_WORDS or word.isdigit()):
            expected = False
            break
        rest = rest[:i].rstrip(dates_component._LABEL_PUNCT)
    assert component._labelled(prefix) == expected


def test_at_the_same_time_speaks_of_no_earlier_visit() -> None:
    text = (
        "The fostering and adoption services were inspected at the same time, between 21 and "
        "25 January."
    )
    assert visit(text, (2024, 3, 12)) == (2024, 1, 21)


def test_the_pages_own_address_dates_it_when_nothing_else_does() -> None:
    text = (
        "https://www.wexcombe-echo.example/news/2025/04/14/pellow-grange-nursery-good\n"
        "Posted 3 days ago\n\nPellow Grange nursery rated good\n\n"
        "Pellow Grange Nursery has been rated good by Ofsted. An inspector visited on 10 March.\n"
    )
    assert ymd(article_date(make_doc(text))) == (2025, 4, 14)


def test_a_dated_line_beats_the_address_and_an_address_in_the_body_dates_nothing() -> None:
    top = "https://www.wexcombe-echo.example/news/2025/04/14/pellow-grange\n"
    assert ymd(article_date(make_doc(top + page("18 April 2025")))) == (2025, 4, 18)
    body = (
        "Pellow Grange nursery rated good\n\nIt was rated good by Ofsted. Inspectors praised "
        "its garden.\n\nRead more at https://www.example.org/news/2019/02/03/older-story\n"
    )
    assert article_date(make_doc(body)) is None


NOTES_RELEASE = """Dunmere Borough Council
News

SEND inspection report published

Published: 12 December 2024

Inspectors found that the Dunmere local area partnership's arrangements lead to
inconsistent experiences and outcomes for children and young people with SEND.

Notes to editors
1. The inspection took place {visit_words}.
2. The report was published by Ofsted on 10 December 2024.
"""


@pytest.mark.parametrize(
    "visit_words",
    ["from 28 October to 1 November 2024", "between 28 October and 1 November 2024"],
)
def test_the_notes_to_editors_date_the_visit_when_the_story_does_not(visit_words: str) -> None:
    text = NOTES_RELEASE.format(visit_words=visit_words)
    assert visit(text, (2024, 12, 12)) == (2024, 10, 28)
    assert report(text, (2024, 12, 12)) == (2024, 12, 10)


def test_the_storys_own_visit_date_beats_the_notes_to_editors() -> None:
    text = NOTES_RELEASE.format(visit_words="in March 2021, before the new framework").replace(
        "with SEND.", "with SEND. Inspectors visited in October."
    )
    assert visit(text, (2024, 12, 12)) == (2024, 10, None)


def test_dates_in_other_furniture_still_date_no_visit() -> None:
    text = NOTES_RELEASE.format(visit_words="from 28 October to 1 November 2024").replace(
        "Notes to editors", "Comments"
    )
    assert visit(text, (2024, 12, 12)) is None


# -- round 6: stamp lines, newsletter terms, relative years, headline dates ------------------


def test_a_stamp_line_below_a_repeated_standfirst_gives_the_first_published_day() -> None:
    standfirst = (
        "Inspectors said leaders at Kestwick Church of England Infant School had not done "
        "enough to keep pupils safe, in a report rating the school inadequate."
    )
    text = (
        f"Kestwick infant school judged inadequate | Kestwick Courier\n\n{standfirst}\n\n"
        f"{standfirst}\n\nNews\nBy Tess Marlow\n"
        "21:10, 11 Sep 2023 | Updated 08:02, 12 Sep 2023\n\n"
        "Kestwick Church of England Infant School has been rated inadequate by Ofsted.\n"
    )
    assert ymd(article_date(make_doc(text))) == (2023, 9, 11)


def test_a_newsletters_term_line_dates_the_issue_and_settles_the_visit_year() -> None:
    text = (
        "ASHCOMBE INFANT SCHOOL\nThe Ashcombe Acorn\nIssue 6 - Autumn Term 2021\n\n"
        "Dear parents,\n\nOur Ofsted inspection took place on Wednesday 13 and Thursday 14 "
        "October, and I am delighted to say that we have been judged good in every area.\n"
    )
    doc = make_doc(text)
    published_on = article_date(doc)
    assert ymd(published_on) == (2021, None, None)
    assert ymd(inspection_date(doc, 0, len(text), published_on)) == (2021, 10, 13)
    # the words naming the issue may follow the term
    text = "Ashcombe Infant School\nSummer 2019 Newsletter\n\nDear parents, welcome back.\n"
    assert ymd(article_date(make_doc(text))) == (2019, None, None)
    text = "Ashcombe Infant School\nSpring Term 2020 - Issue 2\n\nDear parents, welcome back.\n"
    assert ymd(article_date(make_doc(text))) == (2020, None, None)


def test_a_full_dateline_beats_a_newsletters_term() -> None:
    text = (
        "The Ashcombe Acorn\nIssue 3 - Summer Term 2022\nFriday 8 July 2022\n\n"
        "Dear parents, the summer fair raised a record sum for the school library.\n"
    )
    assert ymd(article_date(make_doc(text))) == (2022, 7, 8)


def test_a_term_in_the_diary_dates_is_not_the_issue() -> None:
    text = (
        "The Ashcombe Acorn\n\nDear parents, our Ofsted report came out this week and we are "
        "very proud of every child and member of staff in the school.\n\n"
        "Diary dates\nSpring Term 2024 begins on Monday 8 January\n"
    )
    assert article_date(make_doc(text)) is None


@pytest.mark.parametrize(
    ("sentence", "on", "expected"),
    [
        ("Harfield Academy was not inspected again until March last year.", (2024, 2, 1),
         (2023, 3, None)),
        ("Inspectors visited the nursery in October last year.", (2025, 1, 10),
         (2024, 10, None)),
        # the month alone would be read as this year's (it is before December)
        ("Inspectors visited the trust in January last year.", (2024, 12, 3), (2023, 1, None)),
        ("Inspectors were in the borough in January of this year.", (2024, 5, 2),
         (2024, 1, None)),
        ("The school was inspected on 7 November last year.", (2024, 3, 5), (2023, 11, 7)),
        ("Inspectors visited on 4 and 5 June last year.", (2021, 1, 19), (2020, 6, 4)),
    ],
)
def test_a_month_told_with_last_or_this_year_keeps_its_month(
    sentence: str, on: YMD, expected: YMD
) -> None:
    assert visit(sentence, on) == expected


def test_a_month_of_next_year_is_no_visit_and_no_year_without_the_article_date() -> None:
    assert visit("Inspectors are due to return in May next year.", (2024, 9, 1)) is None
    # with no article date the month is kept and the year stays unknown
    assert visit("Inspectors visited the nursery in October last year.", None) == (
        None, 10, None)
    m = GRAMMAR.find("inspected in February last year")[0]
    assert (m.kind, m.month, m.unit, m.offset) == ("month", 2, "year", -1)
    assert resolve(m, Parts(2024, 2, 29), {}) == Parts(2023, 2, None)
    day = GRAMMAR.find("on 29 February last year")[0]
    assert resolve(day, Parts(2025, 3, 1), {}) == Parts(2024, 2, 29)
    assert resolve(day, Parts(2024, 3, 1), {}) == Parts(None, 2, 29)  # 2023 had none


def test_until_is_a_deadline_unless_the_clause_says_not_until() -> None:
    assert visit("The council will be visited by inspectors until March.", (2024, 6, 1)) is None
    assert visit("The school was not visited by inspectors until March.", (2024, 6, 1)) == (
        2024, 3, None)


LIVE_BLOG = (
    "Kestwick Live\nHome | News | Sport | What's On\n\n"
    "LIVE: Kestwick news and travel updates on Friday, 8 March 2024\n\n"
    "Live updates by Nell Farrant and Owain Pryce\n\n10:05\nHarbour school rated good\n"
    "Harbour Primary School in Kestwick has been rated good by Ofsted. The school was "
    "inspected in January.\n"
)


def test_a_date_closing_the_headline_dates_a_page_with_no_other_date() -> None:
    doc = make_doc(LIVE_BLOG)
    published_on = article_date(doc)
    assert ymd(published_on) == (2024, 3, 8)
    assert ymd(inspection_date(doc, 0, len(LIVE_BLOG), published_on)) == (2024, 1, None)


def test_a_headline_date_loses_to_the_pages_own_date_line() -> None:
    text = LIVE_BLOG.replace("\n\nLive updates", "\nPublished: 9 March 2024\n\nLive updates")
    assert ymd(article_date(make_doc(text))) == (2024, 3, 9)


@pytest.mark.parametrize(
    "text",
    [
        # a date in the headline that is no day of the page ("since")
        "Harbour school marks fifty years since 1 September 1974\n\n"
        "Harbour Primary School was rated good by Ofsted this week, the head said.\n",
        # a full date ending a line far down the page
        "Harbour school rated good\n\n" + "Harbour Primary School was rated good.\n" * 6
        + "Governors meet on 4 March 2024\n",
    ],
)
def test_dates_in_other_lines_do_not_date_the_page_as_a_headline(text: str) -> None:
    assert article_date(make_doc(text)) is None


# -- round 8: a vague story date and the notes' exact one; the grade still standing ----------

FOSTER_RELEASE = """Pelbury District Council

PRESS RELEASE
Date: 9 October 2016

ADOPTION SERVICE JUDGED GOOD

Pelbury District Council's adoption service has been judged good by Ofsted after an
inspection {story_words}.

Councillor Ysolde Marchbank said: "Our adopters and staff deserve this recognition."

ENDS

Notes to editors
1. The inspection took place {notes_words}.
2. The full report can be read on the Ofsted website.
"""


@pytest.mark.parametrize(
    ("story_words", "notes_words", "expected"),
    [
        # a season, a year or a month in the story: the notes' day inside it says more
        ("this summer", "from 11 to 15 July 2016", (2016, 7, 11)),
        ("in 2016", "on 6 and 7 June 2016", (2016, 6, 6)),
        ("in August", "from 22 to 26 August 2016", (2016, 8, 22)),
        # the notes' day lies outside the story's season or month: the story's stands
        ("this summer", "from 7 to 11 March 2016", (2016, None, None)),
        ("in August", "from 4 to 8 July 2016", (2016, 8, None)),
        # a precise story date is never overridden by the notes
        ("on 23 August 2016", "from 22 to 26 August 2016", (2016, 8, 23)),
    ],
)
def test_the_notes_day_refines_a_vague_story_visit_date_it_falls_in(
    story_words: str, notes_words: str, expected: YMD
) -> None:
    text = FOSTER_RELEASE.format(story_words=story_words, notes_words=notes_words)
    assert visit(text, (2016, 10, 9)) == expected


def test_the_judgement_made_at_an_earlier_inspection_does_not_date_this_visit() -> None:
    text = (
        "Brackwater Community College was visited by an inspector on 5 and 6 March 2024. "
        "Its overall effectiveness remains inadequate, the judgement made at its "
        "inspection in October 2023."
    )
    assert visit(text, (2024, 4, 2)) == (2024, 3, 5)
    alone = "Its overall effectiveness remains inadequate, the judgment made in October 2023."
    assert visit(alone, (2024, 4, 2)) is None


def test_a_grade_given_after_its_inspection_still_dates_the_visit() -> None:
    text = "Brackwater Community College was judged good following its inspection in October 2023."
    assert visit(text, (2023, 12, 2)) == (2023, 10, None)


def test_a_between_range_of_days_in_one_month_gives_its_first_day() -> None:
    text = "Inspectors from Ofsted visited Tolsey Vale nursery between 3 and 6 February."
    assert visit(text, (2025, 3, 20)) == (2025, 2, 3)


def test_a_recent_visit_beats_a_better_placed_visit_long_before_the_article() -> None:
    text = (
        "Harlowe Skills Ltd was rated inadequate in a report published today. Inspectors "
        "visited the Dunmere-based company in late September. At a new provider monitoring "
        "visit in March 2022, inspectors found it was making insufficient progress."
    )
    assert visit(text, (2023, 11, 9)) == (2023, 9, None)


def test_an_old_visit_stands_when_nothing_nearer_dates_one() -> None:
    text = (
        "Harlowe Skills Ltd was rated inadequate after a monitoring visit in March 2022, the "
        "provider confirmed this week."
    )
    assert visit(text, (2023, 11, 9)) == (2022, 3, None)


@pytest.mark.parametrize(
    "line",
    ["Lessons resumed, 14 January 2010", "Pupils returned to the new building, 14 January 2010"],
)
def test_a_sentence_before_a_comma_and_a_date_is_no_masthead(line: str) -> None:
    assert article_date(make_doc(page(line))) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inspectors who visited Wrenmoor Primary School last November judged it inadequate.",
         (2009, 11, None)),
        ("Inspectors visited the nursery last October and judged it good.", (2009, 10, None)),
    ],
)
def test_last_before_a_month_names_the_visit_month(text: str, expected: YMD) -> None:
    assert visit(text, (2010, 1, 14)) == expected


def test_last_before_inspection_still_marks_an_earlier_date() -> None:
    text = "At its last inspection, in May 2007, it was rated good. Inspectors visited in December."
    assert visit(text, (2010, 1, 14)) == (2009, 12, None)


# -- a finished grade change, a magazine's issue month, a hard-wrapped weekday range ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pellbrook Academy dropped from good to requires improvement after an inspection in "
         "late June.", (2024, 6, None)),
        ("Orlestone Primary improved from requires improvement to good following an inspection "
         "at the end of January.", (2024, 1, None)),
        ("Tarnfield Nursery fell from outstanding to good after inspectors visited in "
         "mid-March 2022.", (2022, 3, None)),
    ],
)
def test_a_grade_change_closed_before_its_visit_word_is_dated_by_that_visit(
    text: str, expected: YMD
) -> None:
    assert visit(text, (2024, 9, 4)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the change is still open at the date: the date is the earlier grade's
        "Pellbrook Academy dropped from good at its inspection in May 2019 to requires "
        "improvement.",
        # "last" still marks the inspection as an earlier one
        "Pellbrook Academy slipped from good to requires improvement at its last inspection "
        "in May 2019.",
        "Pellbrook Academy is up from inadequate in 2017.",
    ],
)
def test_a_grade_change_still_open_or_an_earlier_inspection_dates_no_visit(text: str) -> None:
    assert visit(text, (2024, 9, 4)) is None


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Hollinbury Voice\nThe residents' magazine of Hollinbury Council\nIssue 41 | May 2022",
         (2022, 5, None)),
        ("THE QUENBY CHIME\nParish magazine of St Ardo's, Quenby\n"
         "October 2017                                   Price 60p", (2017, 10, None)),
        ("The Quenby Chime\nJuly 2019 | Issue 12", (2019, 7, None)),
        ("The Quenby Chime\nApril 2018\n", (2018, 4, None)),
    ],
)
def test_a_magazines_issue_month_dates_the_page_and_settles_the_visit_year(
    top: str, expected: YMD
) -> None:
    text = (
        f"{top}\n\nNEWS FROM THE SCHOOL\n\nOn 14 and 15 March two inspectors from Ofsted spent "
        "two days at Quenby Primary School, and it has been judged good in every area.\n"
    )
    doc = make_doc(text)
    published_on = article_date(doc)
    assert ymd(published_on) == expected
    year, month, _ = expected
    assert year is not None and month is not None
    # a visit month after the issue month was in the year before
    visit_year = year if month >= 3 else year - 1
    assert ymd(inspection_date(doc, 0, len(text), published_on)) == (visit_year, 3, 14)


@pytest.mark.parametrize(
    "text",
    [
        # a month in a sentence dates nothing
        "Hollinbury Voice\n\nThe council will publish its plan in May 2022, the leader said.\n",
        # beside other words than a price or the issue's name
        "Hollinbury Voice\nMay 2022 - bins collected on Tuesdays\n\nThe council met.\n",
        # alone on a line, but far down the page
        "Hollinbury Voice\nNews\nEvents\nSport\nLetters\nWhat's on\n\nMay 2022\n\n"
        "The council said its plans were on track.\n",
    ],
)
def test_a_month_of_a_year_off_the_masthead_does_not_date_the_page(text: str) -> None:
    assert article_date(make_doc(text)) is None


def test_a_masthead_month_loses_to_a_full_date_line() -> None:
    text = (
        "The Quenby Chime\nJune 2019\nFriday 21 June 2019\n\n"
        "The summer fair raised a record sum.\n"
    )
    assert ymd(article_date(make_doc(text))) == (2019, 6, 21)


def test_a_weekday_range_hard_wrapped_after_its_and_gives_its_first_day() -> None:
    text = (
        "Wendlebury Infant School                              Newsletter No. 3\n"
        "Friday 19th November 2021\n\n"
        "As many of you will already know, we were visited by Ofsted on Tuesday 2nd and\n"
        "Wednesday 3rd November. We are delighted that the school has been judged good.\n"
    )
    doc = make_doc(text)
    published_on = article_date(doc)
    assert ymd(published_on) == (2021, 11, 19)
    assert ymd(inspection_date(doc, 0, len(text), published_on)) == (2021, 11, 2)


def test_readers_knowing_of_a_visit_is_no_visit_to_come() -> None:
    assert visit("Parents will remember that inspectors visited us on 4 and 5 March.",
                 (2024, 4, 1)) == (2024, 3, 4)
    assert visit("You will be pleased to hear that Ofsted visited the school in early March.",
                 (2024, 4, 1)) == (2024, 3, None)
    # a visit that is still to come stays so
    assert visit("Parents will know that inspectors will visit us on 4 and 5 March.",
                 (2024, 2, 1)) is None


def test_a_weekday_on_the_next_line_after_and_in_a_sentence_is_no_range() -> None:
    # a line that opens with a capitalised weekday after a blank line starts something new
    text = "We were visited by Ofsted on Tuesday 5th and\n\nWednesday 6th October is a holiday.\n"
    found = [text[m.start : m.end] for m in dates_component._finder().grammar.find(text)]
    assert "Tuesday 5th and\n\nWednesday 6th October" not in found


def test_an_outlet_name_set_off_by_a_column_gap_dates_the_page() -> None:
    text = (
        "Westmarsh Live\n\nSchool celebrates Ofsted result\n\n"
        "Westmarsh Evening Bulletin  14 May 2019 at 7:05pm\n\n"
        "A primary school in Pellbrook has been rated good by Ofsted after it was "
        "inspected last month, the first visit since it opened.\n"
    )
    doc = make_doc(text)
    on = article_date(doc)
    assert ymd(on) == (2019, 5, 14)
    assert ymd(inspection_date(doc, 0, len(text), on)) == (2019, 4, None)


@pytest.mark.parametrize(
    "line",
    [
        # an inspection's date in a table row, not the page's
        "Previous Inspection  12 March 2016",
        # lower-case words before a gap are prose or a label of another kind
        "the school was judged good  12 March 2016",
        # a single space is no column gap
        "Westmarsh Evening Bulletin 14 May 2019",
    ],
)
def test_words_before_a_gap_that_are_no_outlet_name_do_not_date_the_page(line: str) -> None:
    text = (
        f"Pellbrook Primary School\n\n{line}\n\n"
        "Pellbrook Primary School has been rated good by Ofsted, parents heard this week. "
        "The head teacher said the staff had worked hard for it since the autumn term.\n"
    )
    assert article_date(make_doc(text)) is None


def test_a_visit_span_in_weeks_opens_on_its_first_day() -> None:
    assert visit(
        "Inspectors, who were in the borough for two weeks from 9 June, found serious "
        "weaknesses in the help given to families.", (2024, 8, 1)
    ) == (2024, 6, 9)
    assert visit(
        "Inspectors were on site at the college for five days starting 3 March.", (2024, 4, 20)
    ) == (2024, 3, 3)


def test_a_span_of_years_from_a_date_is_still_no_visit() -> None:
    # a council in intervention for years from a date: no visit's span
    assert visit(
        "Inspectors were told the service was in intervention for two years from March 2021.",
        (2024, 8, 1),
    ) is None


def test_a_month_in_the_articles_year_beats_a_bare_earlier_year() -> None:
    text = (
        "Inspectors spent three days at the nursery in February. It was judged good at its "
        "last full inspection in May 2021, and an interim inspection in 2023 found it had "
        "kept its standards."
    )
    assert visit(text, (2024, 4, 10)) == (2024, 2, None)


def test_a_bare_earlier_year_stands_beside_a_month_of_something_else() -> None:
    # the month after it is no visit as well supported: the bare year stays
    text = (
        "The nursery was inspected in 2023. In January, the manager who had led it "
        "since 2019 left for a post in Corby Vale."
    )
    assert visit(text, (2024, 4, 10)) == (2023, None, None)


def test_a_month_of_the_articles_year_beats_an_earlier_season_told_closer_to_its_visit() -> None:
    # the season of the earlier year sits right after its visit word and the month far
    # from its own, but the month of the article's year is the visit reported
    text = (
        "A council-run children's home in Pellingham has been rated good by Ofsted.\n\n"
        "Inspectors made an unannounced visit to Larchmere House, in Tanner Row, Upper "
        "Coldby, in July. The home looks after up to five young people.\n\n"
        "The home was rated satisfactory after an inspection in the spring of 2008, when "
        "inspectors raised concerns about staffing."
    )
    assert visit(text, (2009, 9, 22)) == (2009, 7, None)


def test_a_month_without_a_visit_word_leaves_the_earlier_season_standing() -> None:
    # 'joined in July' names no visit: the season stays the only visit date
    text = (
        "The home was rated satisfactory after an inspection in the spring of 2008. Its "
        "manager, who joined in July, said the staff had worked hard since then."
    )
    assert visit(text, (2009, 9, 22)) == (2008, None, None)


# -- a magazine's masthead: issue month, number and tagline -------------------------------


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("THE MARRADINE MESSENGER\nSeptember 2016  \u00b7  Issue 88  \u00b7  Free to every home",
         (2016, 9, None)),
        ("The Marradine Messenger\nIssue 88 | September 2016 | Delivered free to all",
         (2016, 9, None)),
        # a season gives the year alone
        ("The Marradine Messenger\nSpring 2016 - No. 88 - Your village news",
         (2016, None, None)),
    ],
)
def test_an_issue_month_with_its_number_and_a_tagline_dates_the_page(
    top: str, expected: YMD
) -> None:
    text = (
        f"{top}\n\nSCHOOL NEWS\n\nOfsted inspectors visited Marradine Primary School on 6 July "
        "and judged it good.\n"
    )
    assert ymd(article_date(make_doc(text))) == expected


def test_the_masthead_month_settles_the_year_of_a_visit_day() -> None:
    text = (
        "THE MARRADINE MESSENGER\nSeptember 2016  \u00b7  Issue 88  \u00b7  Free to every home\n\n"
        "SCHOOL NEWS\n\nOfsted inspectors visited Marradine Primary School on 6 July and "
        "judged it good.\n"
    )
    doc = make_doc(text)
    published_on = article_date(doc)
    assert ymd(published_on) == (2016, 9, None)
    assert ymd(inspection_date(doc, 0, len(text), published_on)) == (2016, 7, 6)


@pytest.mark.parametrize(
    "top",
    [
        # no issue named on the line: a sentence after a separator
        "The Marradine Messenger\nSeptember 2016 \u00b7 bins now collected on Fridays \u00b7 "
        "see page 4",
        "The Marradine Messenger\nSeptember 2016 - hall closed for repairs - see page 4",
        # an issue named, but a long sentence after it
        "The Marradine Messenger\nSeptember 2016 \u00b7 Issue 88 \u00b7 the parish council has "
        "agreed to resurface the car park behind the hall",
    ],
)
def test_a_month_beside_a_sentence_is_no_masthead(top: str) -> None:
    text = f"{top}\n\nThe parish council met on Tuesday.\n"
    assert article_date(make_doc(text)) is None


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        # a dateline followed by a byline after a separator
        ("Tuesday 9 March 2021 | by Osric Penhallow", (2021, 3, 9)),
        ("14 June 2016 \u2022 By Mirela Stoakes \u2022 3 min read", (2016, 6, 14)),
        # a label line whose tail has more than one short piece of furniture
        ("Posted on 12 May 2018 by Brindlecombe Parish News | Leave a comment", (2018, 5, 12)),
        ("Posted: 2nd February 2017 by School Office | Category: Latest", (2017, 2, 2)),
    ],
)
def test_a_dateline_or_label_line_with_a_byline_after_its_date_dates_the_page(
    top: str, expected: YMD
) -> None:
    text = (
        f"Brindlecombe Bugle\n\nNursery keeps its good rating\n\n{top}\n\n"
        "Tansy Lane Nursery in Brindlecombe has been rated good by Ofsted after an "
        "inspection on 3 February, the nursery announced this week.\n"
    )
    assert ymd(article_date(make_doc(text))) == expected


def test_a_label_line_under_a_latest_news_heading_dates_its_own_story() -> None:
    text = (
        "Farrowmere Junior School\nHome | About Us | Parents | Contact\n\nLatest News\n\n"
        "Good again!\nPosted: 8th October 2018 by Office Admin | Category: School News\n\n"
        "We are very pleased to tell you that inspectors who visited the school on 19th "
        "and 20th September have judged Farrowmere Junior School to be good in every area.\n"
    )
    doc = make_doc(text)
    published_on = article_date(doc)
    assert ymd(published_on) == (2018, 10, 8)
    assert ymd(inspection_date(doc, 0, len(text), published_on)) == (2018, 9, 19)


@pytest.mark.parametrize(
    "line",
    [
        # a date in a sentence that goes on past a separator-free byline word
        "Tuesday 9 March 2021 by the time the inspectors left the school had been told",
        # a label line running into a sentence
        "Posted on 12 May 2018 the report found that pupils at the school are safe and well "
        "cared for by staff",
    ],
)
def test_a_date_running_into_prose_is_no_dateline(line: str) -> None:
    text = f"Brindlecombe Bugle\n\n{line}.\n\nThe parish council met on Tuesday.\n"
    assert article_date(make_doc(text)) is None
