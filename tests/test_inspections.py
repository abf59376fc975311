"""From a doc's spans to inspections: whose grade is whose, and what the record says.

Team-written articles; every council, school, provider and person is invented.
"""

from __future__ import annotations

import time

import pytest
from conftest import rule_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import ofsted_extract.components  # noqa: F401  (registers the factories)
from ofsted_extract.inspections import _Builder, build_inspections, direction
from ofsted_extract.record import Evidence, Inspection, PartialDate
from ofsted_extract.textutil import analysis_text


def nlp() -> Language:
    return rule_pipeline("ofsted_grades", "ofsted_bodies")


def inspect(text: str, year: int | None = None) -> list[Inspection]:
    doc = nlp()(analysis_text(text))
    published = PartialDate(year=year, text=str(year)) if year else None
    warnings: list[str] = []
    found = build_inspections(doc, published, warnings)
    for inspection in found:
        for ev in _evidence(inspection):
            assert text[ev.start : ev.end] == ev.text
    return found


def _evidence(inspection: Inspection) -> list[Evidence]:
    out = [j.evidence for j in (inspection.overall, inspection.previous) if j is not None]
    out += [a.evidence for a in inspection.areas]
    if inspection.subject_evidence is not None:
        out.append(inspection.subject_evidence)
    return out


def summary(found: list[Inspection]) -> list[dict[str, object]]:
    return [
        {
            "subject": i.subject,
            "overall": i.overall.grade if i.overall else None,
            "previous": (i.previous.grade, i.previous.year) if i.previous else None,
            "areas": {a.area: a.grade for a in i.areas},
        }
        for i in found
    ]


ARTICLE = """Ofsted rates Harrowfield children's services good

By Jan Pike
3 March 2022

Harrowfield Metropolitan Borough Council's services for vulnerable children have been judged
'good' overall by Ofsted – up from "requires improvement to be good" in 2018.

Leaders' impact on social work practice was graded good, as was help and protection for
children. Inspectors gave their top mark, outstanding, to the experiences and progress of
children in care and care leavers.

Cllr Rita Moss, Harrowfield's lead member for children, said: "We want to be outstanding next
time."

Harrowfield is among several councils in the region inspected since the autumn.
"""


def test_one_article_one_inspection() -> None:
    (found,) = inspect(ARTICLE, 2022)
    assert found.subject == "Harrowfield Metropolitan Borough Council"
    assert found.remit == "childrens_services"
    assert found.visit == "full"
    assert found.overall is not None and found.overall.grade == "good"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("requires_improvement", 2018)
    assert found.direction == "improved"
    assert {a.area: a.grade for a in found.areas} == {
        "leadership": "good",
        "help_and_protection": "good",
        "children_in_care": "outstanding",
        "care_leavers": "outstanding",
    }


def test_headline_repeating_the_body_counts_once() -> None:
    (found,) = inspect(ARTICLE, 2022)
    assert found.overall is not None
    # the overall grade is read from the body, not from the headline's 'good'
    assert found.overall.evidence.start > ARTICLE.index("By Jan Pike")


def test_headline_fills_in_when_the_body_does_not_say() -> None:
    text = (
        "Pelham Vale Council rated inadequate\n\nThe report on Pelham Vale Council's "
        "children's services makes grim reading, the council leader said.\n"
    )
    (found,) = inspect(text, 2023)
    assert found.overall is not None and found.overall.grade == "inadequate"


@pytest.mark.parametrize(
    ("text", "year", "previous"),
    [
        (
            "Ofsted rated Coltby Council good. The previous inspection, three years ago, rated "
            "the council inadequate.",
            2024,
            ("inadequate", 2021),
        ),
        (
            "Ofsted rated Coltby Council good. It was last inspected in March 2021, when it was "
            "judged inadequate.",
            2024,
            ("inadequate", 2021),
        ),
        (
            "Farnleigh Borough Council performs excellently, according to Ofsted's annual "
            "performance assessment. Last year it was judged to be performing well.",
            2009,
            ("performs_well", 2008),
        ),
        (
            "Ofsted judged Ryeford Academy inadequate. The school was rated good in 2016.",
            2020,
            ("good", 2016),
        ),
        # counted back, 'two years after' gives 2022; the year written out is exact
        (
            "Pennock Vale Academy has been rated good, two years after it was told it required "
            "improvement. At its previous inspection, in 2021, it was judged to require "
            "improvement.",
            2024,
            ("requires_improvement", 2021),
        ),
        # an older grade with its year does not displace the later one counted back
        (
            "Pennock Vale Academy is now outstanding. It was rated inadequate in 2012. At its "
            "last inspection, three years ago, it was judged good.",
            2024,
            ("good", 2021),
        ),
        (
            "Previous inspection grade                  Good\n"
            "Overall effectiveness                      Requires improvement\n"
            "Inspection of Wellmoor Primary School\n"
            "Date of previous inspection                4 and 5 May 2019\n",
            None,
            ("good", 2019),
        ),
    ],
)
def test_previous_grade_and_year(text: str, year: int | None, previous: tuple[str, int]) -> None:
    (found,) = inspect(text, year)
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == previous


def test_a_year_in_the_articles_own_year_is_this_inspection() -> None:
    text = (
        "In 2011 inspectors judged Kelmore Council's safeguarding services to be adequate, "
        "with good capacity for improvement."
    )
    (found,) = inspect(text, 2011)
    assert found.overall is not None and found.overall.grade == "adequate"
    assert found.previous is None
    assert {a.area: a.grade for a in found.areas} == {"other": "good"}


def test_a_year_still_to_come_is_not_the_previous_year() -> None:
    text = (
        "Ofsted carried out a monitoring visit to Crayle Borough Council, judged inadequate "
        "in March 2023. The council will remain rated inadequate until a re-inspection, "
        "which is expected in 2025."
    )
    (found,) = inspect(text, 2024)
    assert found.previous is not None and found.previous.year == 2023


def test_monitoring_visit_gives_no_new_grade() -> None:
    text = """Progress at Selbourne, inspectors find

Ofsted has found that Selbourne City Council is making progress, in a letter published after
its second monitoring visit since the council's children's services were judged inadequate in
June 2022.

A monitoring visit never changes a council's grade: Selbourne stays rated inadequate until
inspectors return for a full inspection.
"""
    (found,) = inspect(text, 2023)
    assert found.visit == "monitoring_visit"
    assert found.overall is None
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("inadequate", 2022)
    assert found.direction is None


def test_focused_visit_keeps_the_standing_grade_as_previous() -> None:
    text = (
        "Ofsted carried out a focused visit to Dranmere Borough Council in January. Focused "
        "visits do not result in a grade. Dranmere's children's services were rated good at "
        "the council's last full inspection in 2021, and that judgement still stands."
    )
    (found,) = inspect(text, 2024)
    assert (found.visit, found.overall) == ("focused_visit", None)
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("good", 2021)


def test_ungraded_inspection_confirming_the_grade() -> None:
    text = (
        "Millbeck Academy had an ungraded inspection in May. According to the letter, "
        "the academy's overall judgement of good is unaffected: no change. Its last graded "
        "inspection, in October 2017, found Millbeck Academy good."
    )
    (found,) = inspect(text, 2024)
    assert found.visit == "ungraded"
    assert found.overall is not None and found.overall.grade == "good"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("good", 2017)
    assert found.direction == "unchanged"


def test_joint_targeted_area_inspection_has_no_grade() -> None:
    text = (
        "Inspectors from Ofsted, the CQC and HMICFRS looked at how the Wendby Safeguarding "
        "Children Partnership protects children. Joint targeted area inspections do not "
        "result in a grade, and the letter was published on Tuesday."
    )
    (found,) = inspect(text, 2024)
    assert found.remit == "joint_targeted"
    assert found.subject == "Wendby Safeguarding Children Partnership"
    assert found.overall is None and found.areas == []


def test_send_local_area_outcome() -> None:
    text = (
        "A joint inspection of the Holmby local area partnership, which includes Holmby "
        "Borough Council, found widespread and/or systemic failings in support for children "
        "with special educational needs and disabilities (SEND)."
    )
    (found,) = inspect(text, 2024)
    assert found.remit == "send_local_area"
    assert found.subject == "Holmby local area partnership"
    assert found.overall is not None and found.overall.grade == "systemic_failings"


def test_report_card_has_areas_and_no_overall() -> None:
    text = """Dovecote Primary School gets its first Ofsted report card

Dovecote Primary School is one of the first in the county to receive a report card under the
new framework. Safeguarding was found to be not met and leadership and governance were
judged to need urgent improvement; inclusion was at the expected standard. Under the old
system, inspectors had judged in 2022 that the school was good.
"""
    (found,) = inspect(text, 2026)
    assert found.overall is None
    assert {a.area: a.grade for a in found.areas} == {
        "safeguarding": "not_met",
        "leadership_and_governance": "urgent_improvement",
        "inclusion": "expected_standard",
    }
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("good", 2022)
    assert found.direction is None


def test_special_measures_category_on_an_inadequate_school() -> None:
    text = (
        "Ofsted has rated Hartmoor Academy inadequate and put it into special "
        "measures. At its previous inspection, in 2014, it was judged good."
    )
    (found,) = inspect(text, 2023)
    assert found.overall is not None
    assert (found.overall.grade, found.overall.category) == ("inadequate", "special_measures")
    assert found.direction == "declined"


ROUND_UP = """Round-up: three councils, three verdicts

By Ola Brennan
9 July 2023

UPTON

Upton Borough Council's children's services are now good, up from requires improvement in 2019.
Upton's lead member, Cllr Ben Ash, said staff had earned it.

Wexcombe: inadequate
Wexcombe County Council has been rated inadequate, a fall from the good grade it received in
2018. Inadequate grades were given for leaders' impact and for help and protection, while
children in care require improvement. Wexcombe County Council apologised.

Lorton: no change
Lorton City Council remains outstanding, as it was in 2019. Neighbouring Fenby Council
is due to be inspected next year.
"""


def test_round_up_gives_one_inspection_per_body() -> None:
    assert summary(inspect(ROUND_UP, 2023)) == [
        {
            "subject": "Upton Borough Council",
            "overall": "good",
            "previous": ("requires_improvement", 2019),
            "areas": {},
        },
        {
            "subject": "Wexcombe County Council",
            "overall": "inadequate",
            "previous": ("good", 2018),
            "areas": {
                "leadership": "inadequate",
                "help_and_protection": "inadequate",
                "children_in_care": "requires_improvement",
            },
        },
        {
            "subject": "Lorton City Council",
            "overall": "outstanding",
            "previous": ("outstanding", 2019),
            "areas": {},
        },
    ]


def test_several_providers_with_grade_headings() -> None:
    text = """FE news: this week's Ofsted reports

Marlow Vale College
Good (previously Requires improvement)

Marlow Vale College has climbed to good. Inspectors graded behaviour and attitudes as good.

Tanbury Skills Ltd
Inadequate (previously Good)

Tanbury Skills Ltd, which trains apprentices, is now inadequate, down from good in 2019.
The quality of education was judged inadequate.
"""
    found = inspect(text, 2024)
    assert summary(found) == [
        {
            "subject": "Marlow Vale College",
            "overall": "good",
            "previous": ("requires_improvement", None),
            "areas": {"behaviour_and_attitudes": "good"},
        },
        {
            "subject": "Tanbury Skills Ltd",
            "overall": "inadequate",
            "previous": ("good", 2019),
            "areas": {"quality_of_education": "inadequate"},
        },
    ]
    assert [i.remit for i in found] == ["further_education", "further_education"]


def test_a_body_named_without_a_head_word() -> None:
    text = (
        "Little Wrens Copley rated Outstanding!\n\nWe are thrilled that our Copley nursery "
        "has been graded Outstanding by Ofsted. At its last inspection, in 2019, Little Wrens "
        "Copley was judged Good.\n\nRelated posts\nLittle Wrens Hale keeps its Good rating\n"
    )
    assert summary(inspect(text, 2023)) == [
        {
            "subject": "Little Wrens Copley",
            "overall": "outstanding",
            "previous": ("good", 2019),
            "areas": {},
        }
    ]


def test_a_shouted_name_is_written_as_the_text_writes_it_elsewhere() -> None:
    text = (
        "Calverleigh Council's children's services require improvement\n\nCALVERLEIGH Borough "
        "Council's services for children have been judged to require improvement to be good."
    )
    (found,) = inspect(text, 2016)
    assert found.subject == "Calverleigh Borough Council"


def test_an_aside_about_another_body_is_not_an_inspection() -> None:
    text = (
        "Denby rated good\n\nDenby Borough Council's children's services have been rated "
        "good by Ofsted. Neighbouring Farley City Council, which was rated outstanding last "
        "year, is due to be inspected again in 2026."
    )
    assert summary(inspect(text, 2024)) == [
        {"subject": "Denby Borough Council", "overall": "good", "previous": None, "areas": {}}
    ]


def test_another_bodys_grade_in_a_quote_is_an_aside() -> None:
    text = (
        "Westcombe children's services outstanding\n\nWestcombe City Council's children's "
        'services have been rated Outstanding by Ofsted.\n\nCllr Anna Price said: "Hatfield '
        'Road Primary School, which was rated outstanding last month, is another example."\n\n'
        "Inspectors found that the impact of leaders was outstanding."
    )
    assert summary(inspect(text, 2023)) == [
        {
            "subject": "Westcombe City Council",
            "overall": "outstanding",
            "previous": None,
            "areas": {"leadership": "outstanding"},
        }
    ]


def test_another_bodys_grade_in_the_same_sentence_stays_with_it() -> None:
    text = (
        "Weston judged inadequate\n\nUnlike neighbouring Easton Borough Council, which is "
        "rated outstanding, Weston Council was judged inadequate by Ofsted."
    )
    (found,) = inspect(text, 2023)
    assert found.subject == "Weston Council"
    assert found.overall is not None and found.overall.grade == "inadequate"


def test_a_body_that_maintains_the_school_is_not_the_subject() -> None:
    text = (
        "Ofsted rates Lampwick Row Primary School inadequate\n\nLampwick Row Primary School in "
        "Hexford has been judged inadequate. Hexford Borough Council, which maintains the "
        "school, has appointed a new governor."
    )
    (found,) = inspect(text, 2024)
    assert found.subject == "Lampwick Row Primary School"
    assert found.remit == "school"


def test_related_articles_are_not_read() -> None:
    text = (
        "Grange Infants rated good\n\nGrange Infants School has been rated good by Ofsted.\n\n"
        "Related articles\nMoorside Primary rated inadequate\nPelby Academy judged "
        "outstanding\n"
    )
    assert summary(inspect(text, 2024)) == [
        {"subject": "Grange Infants School", "overall": "good", "previous": None, "areas": {}}
    ]


@pytest.mark.parametrize(
    "text",
    [
        # national statistics
        "Ofsted figures\n\nThe proportion of councils rated good or outstanding rose to 61%. "
        "Eleven councils were rated inadequate. Councillor Ada Lin, of Barrow Council, said the "
        "figures were welcome.",
        # policy
        "Ofsted scraps one-word grades\n\nEvery school used to receive one of four labels – "
        "outstanding, good, requires improvement or inadequate. Schools currently judged "
        "inadequate will still face intervention, said the head of Ashby Fields Primary School.",
        # a forthcoming inspection
        "Whitby Vale awaits verdict\n\nInspectors spent two weeks at Whitby Vale Borough Council. "
        "Each council ends up outstanding, good, requires improvement to be good or inadequate. "
        "The council's last full inspection, in 2019, rated it good. The report is due in "
        "January.",
        # praise with no grade
        "Nursery praised\n\nParents say staff at Little Owls Nursery are outstanding people and "
        "the care is excellent.",
    ],
)
def test_documents_that_only_mention_ofsted_have_no_inspection(text: str) -> None:
    assert inspect(text, 2023) == []


def test_grade_three_depends_on_the_era() -> None:
    (old,) = inspect("Ofsted rated Cobham High School grade 3 after its inspection.", 2010)
    (new,) = inspect("Ofsted rated Cobham High School grade 3 after its inspection.", 2016)
    assert old.overall is not None and old.overall.grade == "satisfactory"
    assert new.overall is not None and new.overall.grade == "requires_improvement"


@pytest.mark.parametrize(
    ("overall", "previous", "expected"),
    [
        ("good", "requires_improvement", "improved"),
        ("inadequate", "good", "declined"),
        ("outstanding", "outstanding", "unchanged"),
        ("requires_improvement", "adequate", None),  # different scales
        ("performs_well", "performs_adequately", "improved"),
        ("good", None, None),
    ],
)
def test_direction_only_on_one_scale(
    overall: str, previous: str | None, expected: str | None
) -> None:
    assert direction(overall, previous) == expected


def test_hostile_inputs_do_not_crash_or_crawl() -> None:
    for text in ("", "\n\n\n", "good " * 20_000, "Council " * 20_000, "rated 'good' " * 5_000):
        start = time.perf_counter()
        inspect(text)
        assert time.perf_counter() - start < 15


_WORDS = [
    "Kelby",
    "Borough",
    "Council",
    "School",
    "rated",
    "judged",
    "good",
    "outstanding",
    "inadequate",
    "requires",
    "improvement",
    "from",
    "to",
    "in",
    "2019",
    "2021",
    "'",
    ",",
    ".",
    "\n",
    "\n\n",
    "monitoring",
    "visit",
    "leadership",
    "care",
    "leavers",
    "was",
    "previously",
    "overall",
    "Related",
    "articles",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=150), st.sampled_from([None, 2015, 2024]))
def test_any_word_soup_gives_valid_inspections(words: list[str], year: int | None) -> None:
    for found in inspect(" ".join(words), year):
        assert found.overall is None or found.visit not in ("monitoring_visit", "focused_visit")
        assert found.direction is None or (found.overall and found.previous)


# ---- the forms an unseen article may take -------------------------------------------------

CHILDMINDER = """Tolby Times
4 July 2023

Childminder rated outstanding again

By Owen Tranter

A Tolby childminder has been rated outstanding by Ofsted for the second inspection in a row.

Jessamy Trelawney, who has looked after children from her home in Kiln Lane since 2012, was
inspected on 8 June. The inspector judged her provision outstanding for the quality of
education, personal development, and leadership and management.

Her previous inspection, in 2017, also resulted in an outstanding grade.
"""


def test_a_childminder_is_the_inspected_body() -> None:
    (found,) = inspect(CHILDMINDER, 2023)
    assert found.subject == "Jessamy Trelawney"
    assert found.remit == "early_years"
    assert found.overall is not None and found.overall.grade == "outstanding"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("outstanding", 2017)
    assert {a.area: a.grade for a in found.areas} == {
        "quality_of_education": "outstanding",
        "personal_development": "outstanding",
        "leadership": "outstanding",
    }


def test_a_providers_own_page_about_our_inspection() -> None:
    text = (
        "Fox & Hound judged outstanding\n\nNews | 2 May 2019\n\n"
        "We are thrilled that Fox & Hound Adoption has been judged outstanding overall after "
        "our Ofsted inspection in March. This follows our previous inspection, in 2016, when "
        "we were rated good.\n"
    )
    (found,) = inspect(text, 2019)
    assert found.subject == "Fox & Hound Adoption"
    assert found.overall is not None and found.overall.grade == "outstanding"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("good", 2016)
    assert found.areas == []  # 'Adoption' is part of the name


def test_a_report_card_school_is_not_named_after_the_councillor_quoted() -> None:
    text = (
        "'Exceptional' behaviour at Wren Hill Primary\n\n"
        "Inspectors visited Wren Hill Primary School in November. Its report card shows:\n"
        "• Inclusion: strong standard\n• Attendance and behaviour: exceptional\n"
        "• Safeguarding: met\n\n"
        "Cllr Dora Finch, Tolby Borough Council's lead member for schools, said: \"This is "
        'wonderful news for the whole of Tolby."\n'
    )
    (found,) = inspect(text, 2026)
    assert found.subject == "Wren Hill Primary School"
    assert found.remit == "school"
    assert found.overall is None
    assert {a.area: a.grade for a in found.areas} == {
        "inclusion": "strong_standard",
        "attendance_and_behaviour": "exceptional",
        "safeguarding": "met",
    }


def test_a_feeder_schools_grade_is_not_this_schools_previous_grade() -> None:
    text = (
        "St Ansgar's High School has been rated good by Ofsted, up from satisfactory at its "
        "previous inspection in 2009. Its feeder school, Our Lady of the Valley Catholic "
        "Primary, was rated outstanding at its last inspection, in 2011."
    )
    found = inspect(text, 2013)
    assert summary(found)[0] == {
        "subject": "St Ansgar's High School",
        "overall": "good",
        "previous": ("satisfactory", 2009),
        "areas": {},
    }


def test_an_earlier_monitoring_visit_does_not_replace_the_full_inspection() -> None:
    text = (
        "Northmoor Apprenticeships Ltd was graded requires improvement at its first full "
        "inspection, in March. The provider had received a new provider monitoring visit "
        "in 2018, at which it was judged to be making reasonable progress."
    )
    (found,) = inspect(text, 2019)
    assert found.visit == "full"
    assert found.overall is not None and found.overall.grade == "requires_improvement"
    assert found.areas == []  # 'Apprenticeships' is part of the name


@pytest.mark.parametrize(
    "text",
    [
        "Brockley Fostering Ltd, an independent fostering agency, has been rated good, down "
        "from outstanding at its last inspection in 2016.",
        "Fostering verdict\n\nPelham Borough Council's fostering service has received a 'good' "
        "verdict from Ofsted, down from outstanding at its last inspection in 2016.",
    ],
)
def test_a_fostering_service_grade_is_its_overall_grade_not_an_area(text: str) -> None:
    (found,) = inspect(text, 2019)
    assert found.overall is not None and found.overall.grade == "good"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("outstanding", 2016)
    assert found.areas == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Harlow Brook Academy in special measures\n\nA secondary school that was once rated "
            "outstanding has been placed in special measures. Harlow Brook Academy's leadership "
            "was judged inadequate.",
            "special_measures",
        ),
        (
            "Tanners Mead Primary has been judged to have serious weaknesses, one of the two "
            "categories for schools judged inadequate.",
            "serious_weaknesses",
        ),
    ],
)
def test_a_category_alone_gives_an_inadequate_overall_grade(text: str, category: str) -> None:
    (found,) = inspect(text, 2020)
    assert found.overall is not None
    assert (found.overall.grade, found.overall.category) == ("inadequate", category)


def test_the_lowest_rating_is_inadequate() -> None:
    text = (
        "Services for vulnerable children in Tolby have been handed the lowest rating by "
        "Ofsted. The watchdog inspected Tolby Borough Council in January."
    )
    (found,) = inspect(text, 2024)
    assert found.subject == "Tolby Borough Council"
    assert found.overall is not None and found.overall.grade == "inadequate"


def test_an_inline_promotion_does_not_add_an_area() -> None:
    text = (
        "Kelby College graded requires improvement\n\nKelby College has been graded "
        "requires improvement, the same grade it received at its last inspection in 2017.\n\n"
        "SEE ALSO: Orton sixth form rated outstanding\n\nThe report praised its teachers.\n"
    )
    (found,) = inspect(text, 2020)
    assert found.areas == []
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("requires_improvement", 2017)
    assert found.direction == "unchanged"


def test_the_previous_inspection_as_the_subject_of_its_own_verdict() -> None:
    text = (
        "Inspection of Tolby County Council\n\nOverall effectiveness      Good\n\n"
        "The council's previous inspection of services for children in need of help, in "
        "2011, judged overall effectiveness to be adequate.\n"
    )
    (found,) = inspect(text, 2015)
    assert found.overall is not None and found.overall.grade == "good"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("adequate", 2011)


def test_a_place_in_a_masthead_or_a_role_does_not_take_the_schools_grades() -> None:
    # the council's place name is a newspaper's masthead, the place of 'a TARNFORD secondary
    # school' and a councillor's employer: the school named in the grading sentences is the
    # subject, and a 'Tarnford primary' headline in a list of other stories is no inspection
    text = (
        "Tarnford Weekly Courier\n\n"
        "Hollin Clough High placed in special measures\n\n"
        "A TARNFORD secondary school has been placed in special measures after Ofsted "
        "inspectors rated it inadequate.\n\n"
        "Hollin Clough High School was judged satisfactory when it was last inspected in "
        "2009. But inspectors found that teaching was inadequate in too many lessons and "
        "that leadership and management were inadequate.\n\n"
        "Cllr Petra Vane, Tarnford Borough Council's cabinet member for schools, said the "
        "authority would help.\n\n"
        "More stories\n\n"
        "Tarnford primary 'good' says Ofsted\n"
    )
    found = summary(inspect(text, 2012))
    assert found == [
        {
            "subject": "Hollin Clough High School",
            "overall": "inadequate",
            "previous": ("satisfactory", 2009),
            "areas": {"teaching": "inadequate", "leadership": "inadequate"},
        }
    ]


def test_a_monitoring_visit_of_one_provider_and_an_ungraded_visit_of_another() -> None:
    # the monitoring visit is its own entry and does not lend its label to the next
    # provider; 'held on to its good grade after an ungraded inspection' keeps the grade
    text = (
        "A training provider has been found to be making insufficient progress at its "
        "first Ofsted monitoring visit.\n\n"
        "Quillon Skills Ltd, based in Stanmere, was visited by inspectors on 3 and 4 May "
        "for a new provider monitoring visit.\n\n"
        "Quillon's managing director said the firm accepted the findings.\n\n"
        "Elsewhere, Harrowby College has held on to its good grade after an ungraded "
        "inspection in April. The letter confirms the college has maintained the good grade "
        "awarded at its full inspection in 2017.\n"
    )
    found = inspect(text, 2022)
    assert [(i.subject, i.visit) for i in found] == [
        ("Quillon Skills Ltd", "monitoring_visit"),
        ("Harrowby College", "ungraded"),
    ]
    assert found[0].overall is None
    college = summary(found)[1]
    assert college["overall"] == "good"
    assert college["previous"] == ("good", 2017)


def test_a_monitoring_visit_planned_for_another_provider_makes_no_entry() -> None:
    # a visit still to come is no outcome: only the graded college is reported
    text = (
        "Harrowby College has been rated good by Ofsted.\n\n"
        "Quillon Skills Ltd will receive a new provider monitoring visit next year.\n"
    )
    found = inspect(text, 2022)
    assert [i.subject for i in found] == ["Harrowby College"]


def test_a_shouted_place_word_takes_the_case_the_text_writes_elsewhere() -> None:
    text = (
        "KELLOWAY City Council's services for children are good, Ofsted has said.\n\n"
        "Kelloway's director of children's services welcomed the report.\n"
    )
    assert [i.subject for i in inspect(text, 2015)] == ["Kelloway City Council"]


def test_initials_of_a_name_stay_capitals() -> None:
    text = "ABC Skills Training Ltd has been rated good by Ofsted after its inspection.\n"
    assert [i.subject for i in inspect(text, 2015)] == ["ABC Skills Training Ltd"]


def test_a_place_name_that_goes_on_into_another_name_is_not_a_subject() -> None:
    # 'Tarnford Weekly Courier' is a newspaper, not the council; 'Tarnford Children's
    # Services' still names the council's services
    text = (
        "Tarnford Weekly Courier\n\n"
        "Tarnford Borough Council has been rated good by Ofsted.\n\n"
        "Tarnford Children's Services were praised.\n"
    )
    doc = nlp()(analysis_text(text))
    ok = {
        text[a : b + 9]: subject_ok
        for a, b, _key, subject_ok in _Builder(doc, None, []).body_mentions()
    }
    assert ok["Tarnford Weekly C"] is False
    assert ok["Tarnford Children"] is True


# ---- the quick forms of slow scans give what the scans gave --------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\r\u00a0ab", max_size=30))
def test_paragraph_starts_are_those_of_textutil(text: str) -> None:
    from ofsted_extract.inspections import _para_starts
    from ofsted_extract.textutil import paragraphs

    assert _para_starts(text) == [p for p, _ in paragraphs(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["Halmoor", "Ab", "Ünder"]),
    st.lists(
        st.sampled_from(["Halmoor", "Ab", "Ünder", "'", "’", "_", "2", " ", "x", "\u00e9", "."]),
        max_size=12,
    ).map("".join),
)
def test_written_alone_is_the_word_regex(word: str, text: str) -> None:
    import re

    from ofsted_extract.inspections import _written_alone

    pattern = r"(?<![\w'’])" + re.escape(word) + r"(?![\w])"
    assert _written_alone(word, text) == bool(re.search(pattern, text))


SECTIONED_ROUND_UP = """Ofsted results for three schools in Wexshire

Three Wexshire schools have received their latest Ofsted reports.

Pellow Grange Primary School, Ashby

Pellow Grange was rated good, up from requires improvement in 2019.

Tarnside Infant School, Kelby

The infant school now requires improvement, down from good at its last inspection in 2018.

Wenlow Academy, Oxmere

Wenlow has been judged outstanding, having been rated good in 2017.
"""


def test_round_up_sections_headed_by_a_school_give_each_school_its_grades() -> None:
    assert summary(inspect(SECTIONED_ROUND_UP, 2025)) == [
        {"subject": "Pellow Grange Primary School", "overall": "good",
         "previous": ("requires_improvement", 2019), "areas": {}},
        {"subject": "Tarnside Infant School", "overall": "requires_improvement",
         "previous": ("good", 2018), "areas": {}},
        {"subject": "Wenlow Academy", "overall": "outstanding",
         "previous": ("good", 2017), "areas": {}},
    ]


def test_one_name_line_over_the_article_is_not_a_section_heading() -> None:
    text = (
        "Kelby Borough Council\n\nNews\n\n"
        "Tarnside Infant School has been inspected by Ofsted.\n\n"
        "The infant school now requires improvement, down from good in 2018.\n"
    )
    assert [i.subject for i in inspect(text, 2025)] == ["Tarnside Infant School"]


TWO_COUNCILS = """Children's services inspections

Hollinmere moved up to good and Stavesby fell to inadequate in the latest inspections.

Hollinmere City Council has been rated good overall, an improvement on the requires
improvement to be good rating it received in 2020. Inspectors judged the impact of leaders on
social work practice to be good, and the experiences and progress of children in care to be
outstanding.

Its director, Ama Pretorius, said: "Our social workers stay, and children see that."

Stavesby County Council, by contrast, has been rated inadequate, having been judged good in
2018. Inspectors found that the impact of leaders on social work practice was inadequate. The
experiences and progress of children in care require improvement to be good.

Wrenholt Borough Council, whose inspection took place in the same week, is expected to receive
its report next month.
"""


@pytest.mark.parametrize(
    "lead",
    [
        "Hollinmere moved up to good and Stavesby fell to inadequate in the latest inspections.",
        # the other way round from the order of the paragraphs
        "Stavesby fell to inadequate and Hollinmere moved up to good in the latest inspections.",
        "Hollinmere City Council is now good; Stavesby County Council is inadequate.",
    ],
)
def test_bodies_graded_together_then_each_in_its_own_paragraph_get_their_own_grades(
    lead: str,
) -> None:
    text = TWO_COUNCILS.replace(
        "Hollinmere moved up to good and Stavesby fell to inadequate in the latest inspections.",
        lead,
    )
    assert summary(inspect(text, 2024)) == [
        {"subject": "Hollinmere City Council", "overall": "good",
         "previous": ("requires_improvement", 2020),
         "areas": {"leadership": "good", "children_in_care": "outstanding"}},
        {"subject": "Stavesby County Council", "overall": "inadequate",
         "previous": ("good", 2018),
         "areas": {"leadership": "inadequate", "children_in_care": "requires_improvement"}},
    ]


def test_a_body_named_only_as_context_in_its_own_paragraph_is_no_inspection() -> None:
    # the same article without the lead naming both: Wrenholt still gets nothing
    text = TWO_COUNCILS.replace(
        "Hollinmere moved up to good and Stavesby fell to inadequate in the latest inspections.",
        "Two councils have had their children's services inspected.",
    )
    assert [i.subject for i in inspect(text, 2024)] == [
        "Hollinmere City Council", "Stavesby County Council"
    ]


def test_an_independent_fostering_agency_is_inspected_under_its_own_name() -> None:
    text = (
        "A FOSTERING agency based in Dunmere has been rated outstanding by Ofsted.\n\n"
        "Kestrel Vale Fostering, an independent fostering agency which looks after 90 children, "
        "was inspected in April.\n\n"
        "Inspectors judged the overall experiences and progress of children and young people to "
        "be outstanding, up from good at the agency's previous inspection in 2020.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.subject == "Kestrel Vale Fostering"
    assert found.remit == "other"
    assert found.overall is not None and found.overall.grade == "outstanding"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("good", 2020)


def test_the_body_on_a_street_keeps_its_grade_and_visit_date() -> None:
    text = (
        "Bramblewick Nursery on Tanner Street has been judged outstanding following its "
        "inspection on 4 March. The nursery was rated good at its last inspection in 2019.\n"
    )
    doc = nlp()(analysis_text(text))
    published = PartialDate(year=2024, month=4, day=2, text="2 April 2024")
    (found,) = build_inspections(doc, published, [])
    assert found.subject == "Bramblewick Nursery"
    assert found.overall is not None and found.overall.grade == "outstanding"
    assert found.inspected is not None and found.inspected.iso == "2024-03-04"


def test_a_quoted_word_in_a_shouting_headline_names_no_second_body() -> None:
    text = (
        "'CHAOS' ACADEMY PUT IN SPECIAL MEASURES\n\n"
        "Fernhollow Academy has been rated inadequate by Ofsted and put in special measures.\n"
    )
    assert [i.subject for i in inspect(text, 2024)] == ["Fernhollow Academy"]


def test_a_byline_is_never_the_inspected_body() -> None:
    from ofsted_extract import extract

    text = (
        "Grammar school loses its top grades\n\n"
        "By Marguerite Okonjo-Fell, Schools Reporter\n\n"
        "Monday 12 February 2024\n\n"
        "A grammar school that had not been visited for years has been told it requires "
        "improvement.\n\n"
        "Pellowby Grammar School in Tarnwick was last inspected in 2009, when it was rated "
        "outstanding.\n"
    )
    (found,) = extract(text).inspections
    assert found.subject == "Pellowby Grammar School"
    assert found.overall is not None and found.overall.grade == "requires_improvement"


def test_a_masthead_in_capitals_with_c_of_e_is_written_as_a_name() -> None:
    text = (
        "ST AIDRIC'S C of E PRIMARY SCHOOL, MARTLEBY\n\n"
        "Dear parents, I am delighted that St Aidric's has been rated good by Ofsted.\n"
    )
    (found,) = inspect(text, 2023)
    assert found.subject == "St Aidric's C of E Primary School"


def test_a_focused_visit_to_a_council_named_only_by_its_place() -> None:
    text = (
        "Focused visit finds patchy help for care leavers in Quarnby\n\n"
        "Ofsted has found that support for care leavers in Quarnby is patchy, following a "
        "focused visit to the council's children's services last month.\n\n"
        "Focused visits do not result in a graded judgement. Quarnby was last fully inspected "
        "in 2021, when its services were judged to require improvement to be good.\n\n"
        "Ife Adeyemi-Coles, Quarnby's director of children's services, said the council "
        "accepted the findings.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.subject == "Quarnby"
    assert found.remit == "childrens_services"
    assert found.visit == "focused_visit"
    assert found.overall is None
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("requires_improvement", 2021)


def test_a_place_named_only_as_a_location_gives_no_inspection() -> None:
    # no visit and no grade of its own: owning children's services is not an outcome
    text = (
        "A new youth centre has opened in Quarnby.\n\n"
        "Quarnby's director of children's services cut the ribbon on Friday.\n"
    )
    assert inspect(text, 2024) == []


def test_each_nursery_of_a_chain_release_is_inspected() -> None:
    text = (
        "Three Little Acorns nurseries inspected\n\n"
        "Little Acorns Haverleigh has been rated outstanding by Ofsted.\n\n"
        "Little Acorns Fennick was rated good.\n\n"
        "Little Acorns Copley, which opened in 2022 and was inspected for the first time on "
        "7 February, was rated requires improvement.\n"
    )
    found = inspect(text, 2024)
    assert [(i.subject, i.overall.grade if i.overall else None) for i in found] == [
        ("Little Acorns Haverleigh", "outstanding"),
        ("Little Acorns Fennick", "good"),
        ("Little Acorns Copley", "requires_improvement"),
    ]


def test_an_old_grade_beside_a_report_not_yet_published_is_no_outcome() -> None:
    text = (
        "Pellowby Academy has been rated good by Ofsted after its inspection in January.\n\n"
        "The trust's other schools are a mixed picture. Tarnwick Academy, rated requires "
        "improvement in 2022, was inspected again in February; its report has not yet been "
        "published. Tarnwick Academy is expected to hear soon.\n"
    )
    assert [i.subject for i in inspect(text, 2023)] == ["Pellowby Academy"]


def test_a_new_grade_in_a_sentence_about_another_report_still_counts() -> None:
    # the cue only turns a grade given with its year into history
    text = (
        "Tarnwick Academy has been rated good by Ofsted, although the full report has not yet "
        "been published.\n"
    )
    (found,) = inspect(text, 2023)
    assert found.overall is not None and found.overall.grade == "good"


def test_a_key_events_school_grade_is_not_the_councils() -> None:
    text = (
        "LIVE: Quarnby news and updates\n\n"
        "KEY EVENTS\n"
        "- Bus lane closed on the ring road\n"
        "- Tarnwick primary school rated good by Ofsted\n\n"
        "11:40\n"
        "Quarnby Council has confirmed that Ofsted inspectors will begin an inspection of its "
        "children's services next Monday.\n"
    )
    assert inspect(text, 2024) == []


def test_a_councils_grade_after_a_sentence_naming_it_is_still_its_own() -> None:
    text = (
        "Quarnby Council's children's services have been inspected.\n\n"
        "Its services were rated good overall.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.subject == "Quarnby Council"
    assert found.overall is not None and found.overall.grade == "good"


def test_a_name_on_a_byline_line_gives_no_body_to_the_builder() -> None:
    # whatever named a body there, a line the bylines component marks is the writer's
    text = (
        "By Tarnwick Academy Newsdesk, Schools Team\n\n"
        "A secondary school has been told it requires improvement.\n\n"
        "Pellowby Academy was last inspected in 2015.\n"
    )
    doc = nlp()(analysis_text(text))
    assert any(s.text == "Tarnwick Academy" for s in doc.spans["bodies"])
    name = doc.char_span(3, len("By Tarnwick Academy Newsdesk"))
    assert name is not None
    doc.spans["bylines"] = [name]
    found = build_inspections(doc, PartialDate(year=2024, text="2024"), [])
    assert [i.subject for i in found] == ["Pellowby Academy"]
    del doc.spans["bylines"]
    # without the byline the grade would go to the name in the line before it
    assert [i.subject for i in build_inspections(doc, None, [])] == ["Tarnwick Academy"]


def test_a_focused_visit_reports_no_area_grades() -> None:
    text = (
        "Ofsted carried out a focused visit to Quarnby Council's children's services last "
        "month. Focused visits do not result in a graded judgement.\n\n"
        "Quarnby was last fully inspected in 2021, when its services were judged to require "
        "improvement to be good. The experiences and progress of care leavers were rated good "
        "at that time.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.visit == "focused_visit"
    assert found.areas == []


TRUST_TWO_SCHOOLS = (
    "Two schools in the Sorrelby Learning Trust have new Ofsted reports.\n\n"
    "Under the new arrangements, reports no longer carry an overall effectiveness grade.\n\n"
    "Quenby Vale School, a secondary in Dunmarsh, was inspected in March. It had been rated "
    "outstanding in 2013 and had not been fully inspected since.\n\n"
    "Inspectors graded behaviour and attitudes as outstanding. The quality of education was "
    "graded good.\n\n"
    "Meanwhile Ashlett Green Primary School, also in Dunmarsh, received an ungraded "
    "inspection in February. Inspectors found no change to the overall judgement of good "
    "that the school received at its last graded inspection in 2019.\n\n"
    "The trust runs nine schools.\n"
)


def test_a_second_school_opening_a_paragraph_with_its_outcome_after_it_is_inspected() -> None:
    found = summary(inspect(TRUST_TWO_SCHOOLS, 2025))
    by_subject = {f["subject"]: f for f in found}
    assert set(by_subject) == {"Quenby Vale School", "Ashlett Green Primary School"}
    first = by_subject["Quenby Vale School"]
    assert first["overall"] is None  # never the other school's 'good'
    assert first["previous"] == ("outstanding", 2013)
    second = by_subject["Ashlett Green Primary School"]
    assert second["overall"] == "good"
    assert second["previous"] == ("good", 2019)


def test_a_paragraph_opener_graded_only_in_a_later_paragraph_makes_no_inspection() -> None:
    # the grade is told a paragraph after the second school's name: not its own outcome
    text = (
        "Quenby Vale School rated good\n\n"
        "Quenby Vale School in Dunmarsh has been rated good by Ofsted after an inspection "
        "in March.\n\n"
        "Ashlett Green Primary School, its neighbour, has shared its playing fields since "
        "2015.\n\n"
        "Inspectors said leadership at the school was good.\n"
    )
    found = summary(inspect(text, 2025))
    assert [f["subject"] for f in found] == ["Quenby Vale School"]
    assert found[0]["overall"] == "good"


def test_an_area_sharing_the_childrens_home_overall_grade_is_kept() -> None:
    # 'as was ...': the grade is the home's overall, and also the area's
    text = (
        "Willowmere House, a children's home run by Pendle Care Ltd, was inspected in May.\n\n"
        "The overall experiences and progress of children and young people were judged "
        "good, as was how well children and young people are helped and protected.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.overall is not None and found.overall.grade == "good"
    assert {a.area: a.grade for a in found.areas} == {"help_and_protection": "good"}


def test_one_of_a_councils_own_homes_named_next_is_the_subject() -> None:
    text = (
        "One of Tarnwick Borough Council's own children's homes has been judged outstanding "
        "by Ofsted.\n\n"
        "Fernleigh, a three-bed home near Oxbury, was inspected in March.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.subject == "Fernleigh"
    assert found.overall is not None and found.overall.grade == "outstanding"


def test_a_councils_own_home_left_unnamed_leaves_the_council() -> None:
    # no home named beside it: nothing to give the grade to but the council
    text = (
        "One of Tarnwick Borough Council's own children's homes has been judged outstanding "
        "by Ofsted.\n\n"
        "The council runs six homes across the county.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.subject == "Tarnwick Borough Council"


def test_a_council_childrens_home_headline_is_not_the_councils_grade() -> None:
    text = (
        "Ashby Vale Council\n\n"
        "Council children's home rated outstanding\n\n"
        "Rookwood, a five-bed home in Lenham, has been judged outstanding by Ofsted.\n"
    )
    assert [i.subject for i in inspect(text, 2024)] == ["Rookwood"]


def test_a_councils_fostering_service_under_a_generic_headline_is_one_inspection() -> None:
    text = (
        "FOSTERING SERVICE RATED GOOD BY OFSTED\n\n"
        "Bramcote Council's fostering service has been judged good by Ofsted following an "
        "inspection in June.\n\n"
        "At its previous inspection, in 2008, the fostering service was judged satisfactory.\n"
    )
    (found,) = inspect(text, 2011)
    assert found.subject == "Bramcote Council"
    assert found.overall is not None and found.overall.grade == "good"
    assert found.areas == []  # the fostering service is the body, not an area of it


def test_a_councils_fostering_area_stays_when_the_council_is_inspected() -> None:
    text = (
        "Bramcote Council's children's services have been judged good overall by Ofsted.\n\n"
        "Inspectors rated the fostering service outstanding.\n"
    )
    (found,) = inspect(text, 2024)
    assert found.overall is not None and found.overall.grade == "good"
    assert {a.area: a.grade for a in found.areas} == {"fostering": "outstanding"}


def test_a_first_full_inspection_outweighs_earlier_monitoring_visits() -> None:
    text = (
        "Larkfield Training Ltd has been rated inadequate by Ofsted.\n\n"
        "It is the provider's first full inspection. At a monitoring visit last January, "
        "inspectors found it was making insufficient progress.\n"
    )
    (found,) = inspect(text, 2023)
    assert found.visit == "full"
    assert found.overall is not None and found.overall.grade == "inadequate"
    assert found.previous is None


def test_a_monitoring_visit_after_a_last_full_inspection_is_still_one() -> None:
    text = (
        "Larkfield Training Ltd has received a monitoring visit from Ofsted. Inspectors "
        "found it was making reasonable progress since its last full inspection, when it "
        "was rated inadequate.\n"
    )
    found = inspect(text, 2023)
    assert [i.visit for i in found] == ["monitoring_visit"]


@pytest.mark.parametrize(
    "fronted",
    ["Half a mile away,", "On the other side of the river,", "Across town,"],
)
def test_a_second_school_after_a_fronted_phrase_is_its_own_inspection(fronted: str) -> None:
    text = (
        "Two Dunmarsh primaries get their Ofsted results\n\n"
        "Quenby Vale School on Mill Road was judged good after inspectors visited in March. "
        "At its last inspection, in 2016, it was rated requires improvement.\n\n"
        f"{fronted} Ashlett Green Primary School has been rated requires improvement, "
        "having been judged good in 2014. Inspectors visited in February.\n"
    )
    by_subject = {f["subject"]: f for f in summary(inspect(text, 2025))}
    assert set(by_subject) == {"Quenby Vale School", "Ashlett Green Primary School"}
    assert by_subject["Quenby Vale School"]["overall"] == "good"
    second = by_subject["Ashlett Green Primary School"]
    assert second["overall"] == "requires_improvement"
    assert second["previous"] == ("good", 2014)


def test_a_council_named_only_as_a_speakers_employer_takes_no_grade() -> None:
    from ofsted_extract import extract

    text = (
        "EAST TARNSIDE NEWS ONLINE\n\nChildren's home closes after Ofsted rates it "
        "inadequate\n\nA children's home in Pellbury has closed after Ofsted inspectors rated "
        "it inadequate.\n\nHollowmere House, run by Brightwater Care Ltd, was inspected in "
        "June.\n\nCouncillor Mo Reed, lead member for children at Tarnside Council, said: "
        '"None of the children were placed by us."\n'
    )
    assert [(i.subject, i.overall.grade if i.overall else None)
            for i in extract(text).inspections] == [("Hollowmere House", "inadequate")]


def test_a_council_named_only_as_a_helper_takes_no_grade() -> None:
    from ofsted_extract import extract

    text = (
        "TARNSIDE & DISTRICT ECHO\n\nSchool told to improve\n\nA TARNSIDE primary school has "
        "been told it requires improvement.\n\nPellow Brook Primary School, which has 180 "
        "pupils, was inspected in May.\n\nThe headteacher has drawn up an action plan with "
        "support from Tarnside County Council.\n"
    )
    assert [(i.subject, i.overall.grade if i.overall else None)
            for i in extract(text).inspections] == [
        ("Pellow Brook Primary School", "requires_improvement")
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "Tarnside has been rated inadequate by Ofsted.",
        "Ofsted has rated Tarnside's children's services inadequate.",
    ],
)
def test_a_council_named_in_full_only_as_an_employer_is_still_the_subject_alone(
    lead: str,
) -> None:
    from ofsted_extract import extract

    text = (
        f"Council services rated inadequate\n\n{lead}\n\nCouncillor Mo Reed, lead member for "
        'children at Tarnside Borough Council, said: "We are disappointed."\n'
    )
    assert [(i.subject, i.overall.grade if i.overall else None)
            for i in extract(text).inspections] == [("Tarnside Borough Council", "inadequate")]


def test_a_focused_visit_beside_a_child_protection_plan_is_reported() -> None:
    # 'plan' in 'child protection plan' once read as a visit still to come, so the
    # council's focused visit (no grade, the standing grade as previous) was lost
    text = (
        "Inspectors found that social workers at Brantmoor Council's front door were "
        "struggling with demand.\n\n"
        "The findings come in a letter published last week following a focused visit to the "
        "council's arrangements for children subject to a child protection plan, carried out "
        "on 4 and 5 March.\n\n"
        "Focused visits do not result in a graded judgement. Brantmoor was rated good at its "
        "last full inspection, in 2021."
    )
    (found,) = inspect(text, 2024)
    assert (found.subject, found.visit, found.overall) == (
        "Brantmoor Council", "focused_visit", None
    )
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("good", 2021)


def test_a_no_grade_visit_dated_before_this_visit_is_background() -> None:
    # the focused visit is dated to the year before the article's (so no longer "long
    # before" it), but before this inspection's own visit in January: history, not the type
    text = (
        "Hollinbrook children's services now good\n\n"
        "Hollinbrook Borough Council's children's services have been rated good by Ofsted.\n\n"
        "Inspectors visited the council between 13 and 24 January. They judged the impact "
        "of leaders to be good and the experiences and progress of children in care to be "
        "outstanding.\n\n"
        "At its previous inspection, in 2017, the council was judged to require improvement. "
        "A focused visit in 2023 looked at its care leavers and found no areas for priority "
        "action."
    )
    (found,) = inspect(text, 2024)
    assert (found.subject, found.visit) == ("Hollinbrook Borough Council", "full")
    assert found.overall is not None and found.overall.grade == "good"
    assert {a.area: a.grade for a in found.areas} == {
        "leadership": "good", "children_in_care": "outstanding"
    }


def test_a_monitoring_visit_article_dated_to_the_visit_keeps_its_type() -> None:
    # the monitoring visit's year is the region's own visit date (December of the year
    # before the article): it is the story, and the standing grade is the previous one
    text = (
        "Wexcombe provider making progress\n\n"
        "Wexcombe Training Ltd is rated good by Ofsted. A monitoring visit in December 2023 "
        "found it was making reasonable progress with its new apprenticeships for adults."
    )
    (found,) = inspect(text, 2024)
    assert (found.subject, found.visit, found.overall) == (
        "Wexcombe Training Ltd", "monitoring_visit", None
    )
    assert found.previous is not None and found.previous.grade == "good"
    assert found.inspected is not None and (found.inspected.year, found.inspected.month) == (
        2023, 12
    )


def test_area_grades_mark_the_graded_inspection_newer_than_a_dated_monitoring_visit() -> None:
    # no visit date of its own: the area grades beside the overall (which no monitoring
    # visit gives) say the graded inspection came after the 2016 monitoring visit
    text = (
        "Brackley college climbs to good\n\n"
        "Brackley Sixth Form College has been rated good by Ofsted. Leadership and "
        "management and the quality of teaching, learning and assessment were judged good, "
        "while outcomes for learners require improvement.\n\n"
        "The college was graded requires improvement in 2015. A monitoring visit in 2016 "
        "found it was making reasonable progress."
    )
    (found,) = inspect(text, 2017)
    assert (found.subject, found.visit) == ("Brackley Sixth Form College", "full")
    assert found.overall is not None and found.overall.grade == "good"
    assert found.previous is not None
    assert (found.previous.grade, found.previous.year) == ("requires_improvement", 2015)
    # 2016 dates the monitoring visit set aside, not this inspection
    assert found.inspected is None


def test_a_dated_monitoring_visit_without_area_grades_stays_the_visit_type() -> None:
    # the same visit with only an overall beside it and no other visit date: nothing
    # says a graded inspection followed it, so the monitoring visit is the story
    text = (
        "Brackley college making progress\n\n"
        "Brackley Sixth Form College has been rated good by Ofsted. A monitoring visit in "
        "2016 found it was making reasonable progress."
    )
    (found,) = inspect(text, 2017)
    assert (found.visit, found.overall) == ("monitoring_visit", None)


def test_a_masthead_joined_by_an_ampersand_is_no_bodys_grade() -> None:
    # 'Dunmoor & Wexley Gazette' names a paper: its 'Dunmoor' is not Dunmoor Junior School,
    # so the headline's and the lead's 'outstanding' stay with the school they are about
    from ofsted_extract import extract

    text = (
        "Dunmoor & Wexley Gazette\n\n"
        "Infants celebrate as Ofsted says school is outstanding\n\n"
        "By Idris Fenwick\n\nTuesday, June 11, 2019\n\n"
        "FAMILIES at a Dunmoor infant school are celebrating after it was rated outstanding "
        "by Ofsted.\n\n"
        "Larkmoor Infant School, in Quill Street, was inspected last month.\n\n"
        "The school, which shares a head with Dunmoor Junior School, will now help others.\n"
    )
    assert [(i.subject, i.overall.grade if i.overall else None)
            for i in extract(text).inspections] == [("Larkmoor Infant School", "outstanding")]


def test_a_masthead_ampersand_leaves_and_between_names_alone() -> None:
    # only '&' joins a place to another name: 'Dunmoor and ...' in running text is not cut
    from ofsted_extract.inspections import _NAME_GOES_ON

    assert _NAME_GOES_ON.match("Dunmoor & Wexley Gazette", 7) is not None
    assert _NAME_GOES_ON.match("Dunmoor & its schools", 7) is None
    assert _NAME_GOES_ON.match("Dunmoor and Wexley were both rated good", 7) is None


_KIND_REF = (
    "Infant school rated outstanding\n\n"
    "Larkmoor Infant School has been rated outstanding by Ofsted. At its previous "
    "inspection, in 2015, it was rated good.\n\n"
    "The school, which shares a head with Dunmoor Junior School, will now help others.\n\n"
    "{last}\n"
)


def test_the_junior_school_refers_to_the_junior_school_named_before() -> None:
    text = _KIND_REF.format(
        last="The junior school was rated good when inspectors visited in October last year."
    )
    assert summary(inspect(text, 2019)) == [
        {"subject": "Larkmoor Infant School", "overall": "outstanding",
         "previous": ("good", 2015), "areas": {}},
        {"subject": "Dunmoor Junior School", "overall": "good", "previous": None, "areas": {}},
    ]


def test_a_kind_no_body_named_before_has_is_no_reference() -> None:
    # 'The nursery' names no nursery told before: no second inspection is made up, and the
    # infant school keeps its own grades
    text = _KIND_REF.format(last="The nursery was rated good last year.")
    found = inspect(text, 2019)
    assert [(i.subject, i.overall.grade if i.overall else None) for i in found] == [
        ("Larkmoor Infant School", "outstanding")
    ]


def test_the_bare_school_is_not_a_reference_by_kind() -> None:
    # 'The school' is the article's subject, not the school named last
    text = _KIND_REF.format(last="The school was rated good last year.")
    found = inspect(text, 2019)
    assert [i.subject for i in found] == ["Larkmoor Infant School"]


# -- 'Both were judged good': two bodies named in the sentence before ---------------------

_BOTH = (
    "Two Fenmarsh schools rated good\n\n"
    "Published 14 December 2019\n\n"
    "[Photo: Pupils at Wilverley Academy in the school hall]\n\n"
    "Brackley Green Primary School in Fenmarsh was inspected in September, and Wilverley "
    "Academy in Oxcombe in October. {both}\n\n"
    "For Brackley Green, it is a step up: at its previous inspection in 2016 it was found "
    "to require improvement.\n\n"
    "Wilverley Academy, a secondary, had not been inspected since it opened. Its personal "
    "development was rated outstanding.\n"
)


def _outline(text: str) -> list[tuple[str, str | None, str | None, dict[str, str]]]:
    from ofsted_extract.extractor import extract

    return [
        (
            i.subject,
            i.overall.grade if i.overall else None,
            i.inspected.iso if i.inspected else None,
            {a.area: a.grade for a in i.areas},
        )
        for i in extract(text).inspections
    ]


@pytest.mark.parametrize(
    "both",
    ["Both were judged to be good overall.", "Both of them have been rated good."],
)
def test_both_gives_the_grade_to_each_body_named_just_before(both: str) -> None:
    assert _outline(_BOTH.format(both=both)) == [
        ("Brackley Green Primary School", "good", "2019-09", {}),
        ("Wilverley Academy", "good", "2019-10", {"personal_development": "outstanding"}),
    ]


def test_both_before_areas_names_no_bodies() -> None:
    # 'Both' opening a list of areas shares nothing: the second body has no overall
    text = _BOTH.format(both="Both leadership and behaviour were judged good.")
    found = _outline(text)
    assert [(s, o) for s, o, _i, _a in found] == [
        ("Brackley Green Primary School", None),
        ("Wilverley Academy", None),
    ]


def test_a_body_opening_a_later_paragraph_keeps_the_grades_told_there() -> None:
    # its name opens a caption first; the paragraph telling its outcome opens with it too
    text = (
        "Two Fenmarsh schools inspected\n\n"
        "[Photo: Pupils at Wilverley Academy in the school hall]\n\n"
        "Brackley Green Primary School in Fenmarsh has been rated good by Ofsted.\n\n"
        "Wilverley Academy, a secondary, was also inspected this term. Its personal "
        "development was rated outstanding.\n"
    )
    found = summary(inspect(text, 2019))
    assert [(f["subject"], f["areas"]) for f in found] == [
        ("Brackley Green Primary School", {}),
        ("Wilverley Academy", {"personal_development": "outstanding"}),
    ]


def test_a_focused_visit_last_year_is_background_to_a_graded_inspection() -> None:
    text = (
        "Wenlow Borough Council's services for children were judged to require improvement to "
        "be good following an inspection which began on 6 March. In 2018 they were rated "
        "inadequate.\n\n"
        "Inspectors found that the experiences and progress of children in care were good.\n\n"
        "A focused visit in July last year had already found signs of progress.\n"
    )
    (found,) = inspect(text, 2023)
    assert found.visit == "full"
    assert summary([found])[0]["overall"] == "requires_improvement"
    assert summary([found])[0]["areas"] == {"children_in_care": "good"}


def test_a_focused_visit_last_year_reported_alone_stays_a_focused_visit() -> None:
    text = (
        "Ofsted carried out a focused visit to Wenlow Borough Council's children's services "
        "in July last year. Focused visits do not result in a graded judgement. The council "
        "was last rated inadequate in 2018.\n"
    )
    (found,) = inspect(text, 2023)
    assert found.visit == "focused_visit"
    assert found.overall is None


def test_a_when_clause_after_the_previous_inspection_dates_the_previous_grade() -> None:
    # the clause naming the earlier inspection has no year; 'judged good in 2017' does
    text = (
        "Pelbury Vale School had an ungraded inspection in January.\n\n"
        "The inspector said the school had kept up the standards found at the previous "
        "inspection, when it was judged good in 2017."
    )
    found = inspect(text, 2024)
    assert len(found) == 1 and found[0].previous is not None
    assert (found[0].previous.grade, found[0].previous.year) == ("good", 2017)


def test_a_year_later_in_the_sentence_does_not_date_the_when_clause_grade() -> None:
    # only 'in <year>' right after the grade dates it: a later year is something else's
    text = (
        "Pelbury Vale School had an ungraded inspection in January.\n\n"
        "The inspector said the school had kept up the standards found at the previous "
        "inspection, when it was judged good, and the new building opened in 2021."
    )
    found = inspect(text, 2024)
    assert len(found) == 1 and found[0].previous is not None
    assert found[0].previous.grade == "good" and found[0].previous.year != 2021


def test_a_standfirst_grade_for_help_for_families_is_not_the_overall() -> None:
    text = (
        "Ofsted: Marlowby children's services now good\n\n"
        "Council climbs a grade, but inspectors say help for families still requires "
        "improvement\n\n"
        "Children's services at Marlowby Borough Council have been rated good by Ofsted, up "
        "from requires improvement at the previous inspection in 2019."
    )
    found = inspect(text, 2023)
    assert [i.overall.grade if i.overall else None for i in found] == ["good"]
    assert {a.area: a.grade for a in found[0].areas} == {
        "help_and_protection": "requires_improvement"
    }
