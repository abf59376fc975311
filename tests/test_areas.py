"""Judgement areas: each attached to the right grade, whatever the layout.

Team-written sentences; every council, school and provider is invented.
"""

from __future__ import annotations

import pytest
from conftest import rule_pipeline
from spacy.language import Language

import ofsted_extract.components  # noqa: F401  (registers the factories)
from ofsted_extract.textutil import analysis_text


def nlp() -> Language:
    return rule_pipeline("ofsted_grades")


def areas(text: str) -> dict[str, str]:
    """{area key: grade} as the component links them."""
    doc = nlp()(analysis_text(text))
    grade_at = {(s.start_char, s.end_char): s.label_ for s in doc.spans["grades"]}
    out: dict[str, str] = {}
    for span in doc.spans["areas"]:
        out.setdefault(span.label_, grade_at[tuple(span._.ofsted_grade)])
    return out


def labels(text: str) -> dict[str, str]:
    doc = nlp()(analysis_text(text))
    return {s.label_: s.text for s in doc.spans["areas"]}


def test_a_sentence_per_area() -> None:
    text = (
        "Ofsted judged the impact of leaders on social work practice with children and families "
        "to be good. For children who need help and protection, the verdict was inadequate. "
        "Services for children in care were rated outstanding."
    )
    assert areas(text) == {
        "leadership": "good",
        "help_and_protection": "inadequate",
        "children_in_care": "outstanding",
    }


def test_a_list_joined_by_and_before_one_grade() -> None:
    text = (
        "The quality of education, personal development, leadership and management and "
        "the early years provision were each rated good by the inspector."
    )
    assert areas(text) == {
        "quality_of_education": "good",
        "personal_development": "good",
        "leadership": "good",
        "early_years": "good",
    }


def test_a_list_of_long_items_before_one_grade() -> None:
    text = (
        "The impact of leaders on social work practice, the experiences of children who need "
        "help and protection, and the experiences and progress of care leavers were all judged "
        "good."
    )
    assert areas(text) == {
        "leadership": "good",
        "help_and_protection": "good",
        "care_leavers": "good",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The overall experiences and progress of children were judged good, as was how "
            "well children are helped and protected.",
            {"help_and_protection": "good"},
        ),
        ("Overall effectiveness was judged good, as was leadership.", {"leadership": "good"}),
        (
            "Services for children in care require improvement, as does the adoption service.",
            {"children_in_care": "requires_improvement", "adoption": "requires_improvement"},
        ),
        ("The school is good, as is its sixth form.", {"sixth_form": "good"}),
    ],
)
def test_a_grade_handed_on_with_as_was_or_as_does(text: str, expected: dict[str, str]) -> None:
    assert areas(text) == expected


def test_semicolon_list_with_dashes() -> None:
    text = (
        "The report's judgements were: help and protection – requires improvement; "
        "adoption performance – good; care leavers – inadequate; leadership, management "
        "and governance – requires improvement."
    )
    assert areas(text) == {
        "help_and_protection": "requires_improvement",
        "adoption": "good",
        "care_leavers": "inadequate",
        "leadership": "requires_improvement",
    }


def test_bulleted_list_with_colons() -> None:
    text = (
        "Ofsted's grades for the borough:\n"
        "• Overall effectiveness: good\n"
        "• The impact of leaders on social work practice with children and families: good\n"
        "• The experiences and progress of children in care: requires improvement to be good\n"
    )
    assert areas(text) == {"leadership": "good", "children_in_care": "requires_improvement"}


def test_flattened_table_with_runs_of_spaces() -> None:
    text = (
        "Overall effectiveness                          Requires improvement\n"
        "The quality of education                       Requires improvement\n"
        "Behaviour and attitudes                        Good\n"
        "Personal development                           Outstanding\n"
        "Sixth-form provision                           Good\n"
    )
    assert areas(text) == {
        "quality_of_education": "requires_improvement",
        "behaviour_and_attitudes": "good",
        "personal_development": "outstanding",
        "sixth_form": "good",
    }


def test_flattened_table_area_line_then_grade_line() -> None:
    text = (
        "Judgement\nGrade\n"
        "Overall effectiveness\nInadequate\n"
        "The experiences and progress of children who need help and protection\nInadequate\n"
        "The experiences and progress of care leavers\nGood\n"
    )
    assert areas(text) == {"help_and_protection": "inadequate", "care_leavers": "good"}


def test_two_column_table_takes_the_latest_column() -> None:
    text = (
        "Judgement                     2019                    2023\n"
        "Overall effectiveness         Requires improvement    Good\n"
        "Help and protection           Good                    Outstanding\n"
    )
    assert areas(text) == {"help_and_protection": "outstanding"}
    doc = nlp()(analysis_text(text))
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert ("requires_improvement", "previous", 2019) in found
    assert ("good", "overall", None) in found
    # the earlier column of an area row is history, not a grade the record keeps
    assert ("good", "previous", 2019) not in found


def test_grade_before_the_area() -> None:
    text = (
        "The county was judged 'outstanding' for adoption performance and 'good' for "
        "children looked after and achieving permanence and for leadership, management "
        "and governance."
    )
    assert areas(text) == {
        "adoption": "outstanding",
        "children_in_care": "good",
        "leadership": "good",
    }


def test_grade_handed_on_by_as_were_and_the_same_of() -> None:
    assert areas(
        "The impact of leaders was judged good, as were the experiences and progress "
        "of children who need help and protection."
    ) == {
        "leadership": "good",
        "help_and_protection": "good",
    }
    assert areas(
        "They rated help and protection “outstanding”, and said the same of children in care."
    ) == {"help_and_protection": "outstanding", "children_in_care": "outstanding"}


def test_grade_then_areas_in_brackets() -> None:
    text = (
        "Holme Council was rated outstanding in most areas (children in care, leaders' "
        "impact, help and protection) and good for care leavers."
    )
    assert areas(text) == {
        "leadership": "outstanding",
        "help_and_protection": "outstanding",
        "children_in_care": "outstanding",
        "care_leavers": "good",
    }


def test_grades_given_for_and_a_while_clause() -> None:
    text = (
        "Ofsted handed out inadequate grades for leaders' impact on practice, for help "
        "and protection and for children in care, while services for care leavers need "
        "improvement."
    )
    assert areas(text) == {
        "leadership": "inadequate",
        "help_and_protection": "inadequate",
        "children_in_care": "inadequate",
        "care_leavers": "requires_improvement",
    }


def test_one_judgement_for_two_areas_gives_both_keys() -> None:
    text = (
        "The experiences and progress of children in care and care leavers were judged outstanding."
    )
    assert areas(text) == {"children_in_care": "outstanding", "care_leavers": "outstanding"}
    assert labels(text)["care_leavers"] == labels(text)["children_in_care"]


def test_label_keeps_the_words_used() -> None:
    text = "The experiences and progress of care leavers require improvement to be good."
    assert labels(text) == {"care_leavers": "The experiences and progress of care leavers"}


def test_provision_types_are_other() -> None:
    text = "At the training provider, apprenticeships were judged to require improvement."
    assert areas(text) == {"other": "requires_improvement"}
    assert areas(
        "Rushby Council's services were judged adequate, with good capacity for improvement."
    ) == {"other": "good"}
    assert labels("The college's adult learning programmes were judged outstanding.") == {
        "other": "adult learning programmes"
    }


def test_report_card_uses_its_own_keys() -> None:
    text = (
        "Pelham Primary School's report card: leadership and governance was judged to need "
        "urgent improvement, while achievement was at the expected standard. Inspectors "
        "found safeguarding was not met."
    )
    assert areas(text) == {
        "leadership_and_governance": "urgent_improvement",
        "achievement": "expected_standard",
        "safeguarding": "not_met",
    }


def test_same_words_outside_a_report_card_use_the_older_keys() -> None:
    text = "Leadership and governance was judged inadequate and achievement was good."
    assert areas(text) == {"leadership": "inadequate", "outcomes": "good"}


def test_tick_list_after_a_lead_in() -> None:
    text = (
        "The inspector graded Poppy Fields Nursery Outstanding for:\n\n"
        "✓ Quality of education\n✓ Behaviour and attitudes\n✓ Leadership and management\n"
    )
    assert areas(text) == {
        "quality_of_education": "outstanding",
        "behaviour_and_attitudes": "outstanding",
        "leadership": "outstanding",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # praise without a grade word
        "Inspectors said leadership was strong and care leavers were well supported.",
        # a grade word that is only praise of an area
        "Inspectors praised the good leadership shown by the head.",
        # areas listed with no grade
        "Inspectors looked at help and protection, children in care and care leavers.",
        # 'the leadership of' an organisation is its people, not an area
        "Parents asked the leadership of Corby Council to resign after it was rated inadequate.",
        # a previous area grade is history
        "At the previous inspection, in 2017, leadership was judged inadequate.",
        # a name containing an area's words
        "Holbrook Sixth Form College remains outstanding.",
    ],
)
def test_no_area_grade(sentence: str) -> None:
    assert areas(sentence) == {}


def test_areas_are_not_taken_from_a_following_clause_with_its_own_subject() -> None:
    text = "Leadership was praised, but the council was judged inadequate."
    assert areas(text) == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Inspectors judged achievement and standards satisfactory and behaviour and safety "
            "good at Tansley School.",
            {"outcomes": "satisfactory", "behaviour_and_attitudes": "good"},
        ),
        (
            "At Orton High School, care, guidance and support was rated outstanding.",
            {"other": "outstanding"},
        ),
        ("The effectiveness of leadership and management was judged good.", {"leadership": "good"}),
        (
            "Personal development and well-being was judged good in the 2009 report.",
            {"personal_development": "good"},
        ),
        ("The agency was judged good for the quality of service.", {"other": "good"}),
    ],
)
def test_older_framework_labels(sentence: str, expected: dict[str, str]) -> None:
    assert areas(sentence) == expected


def test_and_for_hands_the_grade_on_to_the_next_area() -> None:
    text = (
        "The agency was graded outstanding for safeguarding children and young people and "
        "for leadership and management, and good for the quality of service."
    )
    assert areas(text) == {
        "safeguarding": "outstanding",
        "leadership": "outstanding",
        "other": "good",
    }


def test_a_place_before_the_safeguarding_board_is_not_a_provider_name() -> None:
    text = "The Tolby Local Safeguarding Children Board was judged to require improvement."
    assert areas(text) == {"lscb": "requires_improvement"}


def test_a_long_list_of_areas_each_rated_as_a_grade() -> None:
    # the verb is far back by the third item; 'X as GRADE' keeps the list going
    text = (
        "Inspectors rated the overall experiences and progress of children and young people "
        "as outstanding, how well children and young people are helped and protected as "
        "requires improvement to be good, and the effectiveness of leaders and managers as "
        "inadequate."
    )
    got = areas(text)
    assert got["help_and_protection"] == "requires_improvement"
    assert got["leadership"] == "inadequate"


def test_as_good_as_after_a_list_is_no_grade() -> None:
    # 'as good as ever' after the list is a comparison, not a third area grade
    text = (
        "Inspectors rated how well children are helped and protected as good, and the "
        "manager said the food was as good as ever."
    )
    assert areas(text) == {"help_and_protection": "good"}


# ---- flattened PDF tables with a grade wrapped over two lines -------------------------


def test_flattened_table_with_a_grade_cell_wrapped_over_two_lines() -> None:
    # a narrow right-hand column: 'Requires improvement' comes out as two lines
    text = (
        "Overall effectiveness\nRequires\nimprovement\n"
        "The quality of education\nRequires\nimprovement\n"
        "Behaviour and attitudes\nGood\n"
        "Leadership and management\nRequires\nimprovement\n"
        "Previous inspection grade\nOutstanding\n"
    )
    assert areas(text) == {
        "quality_of_education": "requires_improvement",
        "behaviour_and_attitudes": "good",
        "leadership": "requires_improvement",
    }
    doc = nlp()(analysis_text(text))
    by_role = {(s.label_, s._.ofsted_role) for s in doc.spans["grades"]}
    assert ("requires_improvement", "overall") in by_role
    assert ("outstanding", "previous") in by_role


def test_a_wrapped_previous_grade_cell_is_the_previous_grade() -> None:
    text = (
        "Overall effectiveness\nGood\n"
        "Previous inspection grade\nRequires\nimprovement\n"
    )
    doc = nlp()(analysis_text(text))
    assert [(s.label_, s._.ofsted_role) for s in doc.spans["grades"]] == [
        ("good", "overall"),
        ("requires_improvement", "previous"),
    ]


def test_a_wrapped_line_that_only_starts_a_grade_phrase_is_no_grade() -> None:
    # the two lines together are more than the grade phrase: prose, not a table cell
    text = (
        "Personal development\nNeeds\nimprovement planning across the federation.\n"
        "Early years provision\nGood\n"
    )
    assert areas(text) == {"early_years": "good"}


# ---- areas that only further education report cards have ------------------------------


def test_further_education_report_card_areas_are_other() -> None:
    text = (
        "Marlcombe College's first report card.\n"
        "Evaluation area | Grade\n"
        "Participation and development | Expected standard\n"
        "Contribution to meeting skills needs | Exceptional\n"
        "Safeguarding | Met\n"
    )
    doc = nlp()(analysis_text(text))
    got = {s.text: s.label_ for s in doc.spans["areas"]}
    assert got == {
        "Participation and development": "other",
        "Contribution to meeting skills needs": "other",
        "Safeguarding": "safeguarding",
    }


# ---- an area that receives a graded service ---------------------------------------------


def test_an_area_that_received_a_graded_service() -> None:
    text = (
        "Inspectors found that the impact of leaders was inadequate and that children who "
        "need help and protection received an inadequate service in Quillborough. Care "
        "leavers are given a good service."
    )
    assert areas(text) == {
        "leadership": "inadequate",
        "help_and_protection": "inadequate",
        "care_leavers": "good",
    }


def test_a_good_service_received_by_no_area_is_no_grade() -> None:
    text = (
        "Ofsted rated Dunchester Primary School requires improvement. Parents said they "
        "received a good service from the office, and pupils have a good time at lunch."
    )
    assert areas(text) == {}
    doc = nlp()(analysis_text(text))
    assert [s.label_ for s in doc.spans["grades"]] == ["requires_improvement"]


@pytest.mark.parametrize(
    "label",
    [
        "How well children and adults are helped and protected",
        "How well young people are helped and protected",
        "How well children, young people and adults are helped and protected",
    ],
)
def test_helped_and_protected_labels(label: str) -> None:
    # the social care judgement, worded for the people the provider serves
    assert areas(f"{label} was judged outstanding.") == {"help_and_protection": "outstanding"}


def test_helped_and_protected_needs_the_how_well_label() -> None:
    # a sentence about children being helped is not the judgement label
    assert areas("Most adults are helped and protected well, inspectors said it was good.") == {}


def test_a_long_area_and_a_possessed_area_share_one_grade() -> None:
    # "the council's" owns the next area name: its "'s" is no verb that ends the list
    assert areas(
        "Services for children looked after and achieving permanence, and the council's "
        "adoption performance, were judged to be good."
    ) == {"children_in_care": "good", "adoption": "good"}


def test_the_councils_as_a_verb_still_breaks_the_area_from_the_grade() -> None:
    # "the council's judged" is "the council is": a new subject, not a possessive
    assert "children_in_care" not in areas(
        "Services for children in care were discussed, and the council's now judged "
        "inadequate by Ofsted."
    )


# ---- Every Child Matters outcomes (2005-2012 reports) ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "Inspectors said the Holmgarth fostering team was good overall and outstanding "
            "in helping children to stay safe.",
            "helping children to stay safe",
        ),
        (
            "The Pendlow adoption agency was judged good overall, and outstanding in helping "
            "children and young people to be healthy.",
            "helping children and young people to be healthy",
        ),
        (
            "Ofsted found the agency outstanding for enjoying and achieving.",
            "enjoying and achieving",
        ),
        (
            "The service was judged good for achieving economic well-being.",
            "achieving economic well-being",
        ),
    ],
)
def test_every_child_matters_outcomes_are_other_areas(sentence: str, label: str) -> None:
    # the five outcome judgements have no SCHEMA key of their own: 'other', label kept
    found = areas(sentence)
    assert found.get("other") in ("outstanding", "good")
    assert labels(sentence)["other"] == label


def test_everyday_outcome_phrases_after_a_grade_and_in_or_for() -> None:
    text = (
        "Inspectors judged the Calbourne family placement service outstanding in staying "
        "safe and being healthy, and good for enjoying and achieving and for making a "
        "positive contribution."
    )
    doc = nlp()(analysis_text(text))
    grade_at = {(s.start_char, s.end_char): s.label_ for s in doc.spans["grades"]}
    found = {s.text: grade_at[tuple(s._.ofsted_grade)] for s in doc.spans["areas"]}
    assert found == {
        "staying safe": "outstanding",
        "being healthy": "outstanding",
        "enjoying and achieving": "good",
        "making a positive contribution": "good",
    }


def test_everyday_outcome_phrases_as_table_rows() -> None:
    text = "Staying safe   Outstanding\nBeing healthy   Good\n"
    doc = nlp()(analysis_text(text))
    grade_at = {(s.start_char, s.end_char): s.label_ for s in doc.spans["grades"]}
    found = {s.text: grade_at[tuple(s._.ofsted_grade)] for s in doc.spans["areas"]}
    assert found == {"Staying safe": "outstanding", "Being healthy": "good"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Pupils at Wendlebury Primary School learn about staying safe online and being "
        "healthy, and their behaviour is outstanding.",
        "Making a positive contribution to village life matters to the school, which "
        "inspectors rated good.",
    ],
)
def test_everyday_outcome_phrases_in_prose_are_not_areas(sentence: str) -> None:
    # 'staying safe', 'being healthy' are everyday words, not a judgement here
    assert "other" not in areas(sentence)


# ---- one grade word for the overall judgement and for areas listed with it -------------


def test_rated_grade_for_the_overall_and_for_other_areas() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Thornacre House, a children's home near Pellbridge, has been judged outstanding by "
        "Ofsted.\n\nInspectors rated the home outstanding for the overall experiences and "
        "progress of children and young people, for how well children and young people are "
        "helped and protected, and for the effectiveness of leaders and managers.\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.grade == "outstanding"
    assert {a.area: a.grade for a in inspection.areas} == {
        "help_and_protection": "outstanding",
        "leadership": "outstanding",
    }


def test_rated_grade_for_the_overall_alone_gives_no_area() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Inspectors rated Larkspur Lodge, a children's home in Tadbury, good for the overall "
        "experiences and progress of children and young people.\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.grade == "good"
    assert inspection.areas == []


@pytest.mark.parametrize(
    "verdict",
    [
        "judged it outstanding in every area, including the quality of education, behaviour "
        "and attitudes, personal development, and leadership and management",
        "rated it outstanding in all areas: the quality of education, behaviour and attitudes, "
        "personal development, and leadership and management",
    ],
)
def test_a_grade_in_every_area_is_the_overall_grade_and_each_listed_areas(verdict: str) -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        f"Inspectors who visited Cragmoor Church of England Primary School in June {verdict}.\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.grade == "outstanding"
    assert {a.area: a.grade for a in inspection.areas} == {
        "quality_of_education": "outstanding",
        "behaviour_and_attitudes": "outstanding",
        "personal_development": "outstanding",
        "leadership": "outstanding",
    }


def test_a_grade_in_some_areas_including_one_is_neither_overall_nor_that_areas() -> None:
    """'good in three of the four areas, including ...' does not say which three."""
    from ofsted_extract.extractor import extract

    record = extract(
        "Ofsted rated Wenlow Academy good in three of the four areas, including personal "
        "development.\n"
    )
    (inspection,) = record.inspections
    assert inspection.areas == []


# ---- a letter's 'judged to be a good school' is the overall grade --------------------------


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("I am pleased to tell you that our academy has been judged to be a good school "
         "after the visit in May.", "good"),
        ("Brackenfold has been judged to be an Outstanding\nschool by the inspection team.",
         "outstanding"),
        ("Following our inspection, Ofsted rated us a good school once again.", "good"),
        ("After two days with us the inspectors found it to be a good school.", "good"),
    ],
)
def test_judged_to_be_a_good_school_is_the_overall_grade(sentence: str, grade: str) -> None:
    from ofsted_extract.extractor import extract

    (inspection,) = extract(f"Wrenhollow Primary School\n\n{sentence}\n").inspections
    assert inspection.overall is not None and inspection.overall.grade == grade


@pytest.mark.parametrize(
    "sentence",
    [
        "Many parents considered it a good school long before the inspectors arrived.",
        "The families who moved to Wrenhollow found a good school at the end of the lane.",
        "Every child deserves a good school close to home.",
    ],
)
def test_a_good_school_without_a_judgement_verb_is_praise(sentence: str) -> None:
    from ofsted_extract.extractor import extract

    record = extract(f"Wrenhollow Primary School\n\n{sentence}\n")
    assert all(i.overall is None for i in record.inspections)


# ---- a bulleted list of areas after 'judged each of the following areas to be good:' -----


def test_following_areas_lead_in_grades_each_bullet_not_the_next_paragraph() -> None:
    text = (
        "Inspectors judged each of the following areas to be good:\n"
        "- The quality of education\n"
        "- Behaviour and attitudes\n"
        "- Leadership and management\n\n"
        "Personal development, behaviour and welfare was judged to be outstanding, which "
        "delighted the pupils of Fernbrook.\n"
    )
    assert areas(text) == {
        "quality_of_education": "good",
        "behaviour_and_attitudes": "good",
        "leadership": "good",
        "personal_development": "outstanding",
    }


def test_following_areas_lead_in_is_an_area_grade_not_the_overall() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Ashcombe Infant School\n\nThe inspectors judged each of the following areas to be "
        "outstanding:\n- Leadership and management\n- Outcomes for pupils\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is None
    assert {a.area: a.grade for a in inspection.areas} == {
        "leadership": "outstanding",
        "outcomes": "outstanding",
    }


def test_areas_in_regional_figures_stay_statistics() -> None:
    # 'areas' with a mark of figures before the grade counts places, not judgement areas
    text = "Across England, 40 per cent of areas were judged good for leadership and management."
    assert areas(text) == {}


# ---- a report card's grade maps older area words to report-card keys --------------------


def test_report_card_grade_of_older_area_words_uses_report_card_keys() -> None:
    text = (
        "In its first Ofsted report card, inspectors told Holmbury Academy that pupils' "
        "achievement \"needs attention\", while leadership and management was judged to "
        "be strong standard."
    )
    assert areas(text) == {
        "achievement": "needs_attention",
        "leadership_and_governance": "strong_standard",
    }


def test_four_point_grade_of_pupils_achievement_stays_outcomes() -> None:
    text = "Pupils' achievement was judged to be good at Holmbury Academy."
    assert areas(text) == {"outcomes": "good"}


# ---- 'pupils' outcomes', a children's centre's outcomes, old early-years labels ----------


def test_pupils_outcomes_in_a_list_of_areas() -> None:
    text = (
        "Leadership and management, the quality of teaching and pupils' outcomes were all "
        "rated good at Saltmarsh Primary."
    )
    assert areas(text) == {"leadership": "good", "teaching": "good", "outcomes": "good"}


def test_childrens_centre_outcomes_for_families() -> None:
    text = (
        "The report finds that the centre's capacity for sustained improvement is good and "
        "that outcomes for the families who use it are outstanding."
    )
    assert areas(text) == {"other": "good", "outcomes": "outstanding"}


def test_old_early_years_welfare_judgement_is_other() -> None:
    text = (
        "Leadership was rated satisfactory, although the pre-school's promotion of "
        "children's welfare was rated good."
    )
    assert areas(text) == {"leadership": "satisfactory", "other": "good"}


# ---- 'every area, including ...' with a count or a possessive ----------------------------


def test_every_area_with_a_count_and_a_possessive_names_one_area() -> None:
    text = (
        "The inspector graded her outstanding overall and in all three areas of the "
        "inspection, including the effectiveness of her leadership and management of the "
        "setting."
    )
    assert areas(text) == {"leadership": "outstanding"}


def test_a_count_of_areas_with_but_gives_no_area_its_grade() -> None:
    text = (
        "Inspectors rated the Brindle Street nursery good in two areas, but its leadership "
        "and management was judged to require improvement."
    )
    assert areas(text) == {"leadership": "requires_improvement"}


# ---- a school's 16 to 19 study programmes are its sixth form ---------------------------


def test_a_schools_study_programmes_are_its_sixth_form() -> None:
    text = (
        "Inspectors found leadership and management, outcomes for pupils and the 16 to 19 "
        "study programmes at Hollin Brook School to be good."
    )
    assert areas(text) == {"leadership": "good", "outcomes": "good", "sixth_form": "good"}


def test_a_colleges_study_programmes_stay_other() -> None:
    text = (
        "At Dunmarsh College, outcomes for learners and 16 to 19 study programmes were both "
        "judged good."
    )
    assert areas(text) == {"outcomes": "good", "other": "good"}
    # no school in the sentence: the provision type of the areas table
    assert areas("Leadership and management and 16 to 19 study programmes were good.") == {
        "leadership": "good", "other": "good"
    }


# ---- a colon list whose items are split by semicolons ----------------------------------


def test_semicolon_items_after_every_area_colon_share_the_grade() -> None:
    text = (
        "Ofsted rated Pellbrook Academy outstanding in every area: the effectiveness of "
        "leadership and management; the quality of teaching, learning and assessment; "
        "personal development, behaviour and welfare; and outcomes for pupils."
    )
    assert areas(text) == {
        "leadership": "outstanding",
        "teaching": "outstanding",
        "personal_development": "outstanding",
        "outcomes": "outstanding",
    }


def test_a_semicolon_item_with_a_clause_of_its_own_keeps_its_own_grade() -> None:
    # the item after the semicolon goes on into its own verb: not an item of the list
    text = (
        "The inspectors listed their judgements: leadership and management; outcomes for "
        "pupils were judged to require improvement."
    )
    assert areas(text) == {"outcomes": "requires_improvement"}


def test_semicolons_without_a_colon_do_not_make_a_list() -> None:
    text = (
        "Inspectors judged the quality of teaching, learning and assessment at Marlow Fen "
        "School good; personal development, behaviour and welfare were a strength."
    )
    assert areas(text) == {"teaching": "good"}


# ---- the 2009-2012 school framework -------------------------------------------------------


def test_outcomes_for_individuals_and_groups_of_pupils_is_outcomes() -> None:
    text = (
        "Inspectors judged Copperfold High School good for its overall effectiveness, for "
        "outcomes for individuals and groups of pupils and for the effectiveness of leadership "
        "and management."
    )
    assert areas(text) == {"outcomes": "good", "leadership": "good"}


def test_report_card_grade_for_both_of_two_areas() -> None:
    text = (
        "In its first report card, Tansley Moor School was rated exceptional for inclusion "
        "and strong standard for both curriculum and teaching and leadership and governance."
    )
    assert areas(text) == {
        "inclusion": "exceptional",
        "curriculum_and_teaching": "strong_standard",
        "leadership_and_governance": "strong_standard",
    }


# ---- round 16: every area, copula adverbs, area names, headline kickers -------------------


def test_every_area_inspected_before_a_dashed_list() -> None:
    text = (
        "Tiddlers Den Nursery in Ashbury Vale was judged requires improvement in all four "
        "areas inspected - the quality of education, behaviour and attitudes, personal "
        "development, and leadership and management - after a visit on 9 March."
    )
    assert areas(text) == {
        "quality_of_education": "requires_improvement",
        "behaviour_and_attitudes": "requires_improvement",
        "personal_development": "requires_improvement",
        "leadership": "requires_improvement",
    }


def test_inspected_without_every_area_gives_no_list_its_grade() -> None:
    text = (
        "Tiddlers Den Nursery was judged good. Inspectors inspected two rooms - the quality "
        "of education there was praised."
    )
    assert areas(text) == {}


def test_a_marked_good_school_in_every_area() -> None:
    text = (
        "Inspectors judged Holm Lacey Primary to be a GOOD school in every area: quality of "
        "education, behaviour and attitudes, personal development, and leadership and "
        "management."
    )
    assert areas(text) == {
        "quality_of_education": "good",
        "behaviour_and_attitudes": "good",
        "personal_development": "good",
        "leadership": "good",
    }


def test_a_good_school_without_every_area_keeps_no_area() -> None:
    text = (
        "Parents say Holm Lacey is now officially a good school for the quality of education "
        "it offers."
    )
    assert areas(text) == {}


def test_also_between_copula_and_grade_after_a_relative_clause() -> None:
    text = (
        "Outcomes for families who visit the Brackenholt centre were also good, and its "
        "capacity for sustained improvement was judged to be outstanding."
    )
    assert areas(text) == {"outcomes": "good", "other": "outstanding"}


def test_the_way_children_are_helped_and_protected() -> None:
    text = (
        "The report said that the way children and young people are helped and protected in "
        "Dunmere is inadequate."
    )
    assert areas(text) == {"help_and_protection": "inadequate"}


def test_the_quality_of_the_provision() -> None:
    text = (
        "At Pebble Lane Nursery the quality of the provision and the effectiveness of "
        "leadership and management were both judged outstanding."
    )
    assert areas(text) == {"other": "outstanding", "leadership": "outstanding"}


def test_an_area_kicker_before_a_colon_does_not_take_the_body_grade() -> None:
    text = "Adoption and fostering: Ofsted says Wexcombe children's services are good"
    assert areas(text) == {}


def test_an_area_before_a_colon_keeps_a_grade_said_of_it() -> None:
    assert areas("Leadership and management: inspectors said it was good.") == {
        "leadership": "good"
    }
    assert areas("Fostering: the council's fostering service is outstanding, Ofsted says.") == {
        "fostering": "outstanding"
    }


def test_dotted_leader_rows_of_a_report_card() -> None:
    # a short leader reaches the rules ending in a lone '.', which ends the sentence; the
    # weak words 'Exceptional' and 'Met' are grades only as the value of such a row
    text = (
        "Ashcombe Primary School's report card gives these grades:\n\n"
        "  Inclusion ...................................... Expected standard\n"
        "  Curriculum and teaching ................. Strong standard\n"
        "  Early years ........................................ Exceptional\n"
        "  Safeguarding ....................................... Met\n"
    )
    assert areas(text) == {
        "inclusion": "expected_standard",
        "curriculum_and_teaching": "strong_standard",
        "early_years": "exceptional",
        "safeguarding": "met",
    }


def test_dots_inside_a_sentence_are_no_table_row() -> None:
    text = (
        "Parents at Ashcombe's report card evening talked about early years ... exceptional "
        "staff, they said, and a new library."
    )
    assert areas(text) == {}


def test_an_everyday_area_word_with_a_grade_straight_after_it() -> None:
    assert areas("Ofsted finds behaviour 'inadequate' at Wrenfold Academy") == {
        "behaviour_and_attitudes": "inadequate"
    }
    assert areas("Inspectors rated pupils' behaviour outstanding at Coldmere School.") == {
        "behaviour_and_attitudes": "outstanding"
    }


def test_an_everyday_area_word_without_a_grade_after_it_is_no_area() -> None:
    text = (
        "Behaviour has improved since the spring, and Wrenfold Academy was judged good. "
        "Pupils show good behaviour in lessons."
    )
    assert areas(text) == {}


def test_a_possessive_between_an_area_and_its_verb() -> None:
    text = (
        "Personal development requires improvement, while the early years provision in the "
        "school's nursery class was judged good."
    )
    assert areas(text) == {"personal_development": "requires_improvement", "early_years": "good"}
    text = (
        "Apprenticeships, which make up half of the college's courses, were also judged "
        "inadequate."
    )
    assert areas(text) == {"other": "inadequate"}


def test_a_body_and_a_contracted_verb_still_part_an_area_from_a_grade() -> None:
    # "the nursery's been rated": "'s" is 'has', the body is the new subject
    text = "Leadership is a strength, and the nursery's been rated good by Ofsted."
    assert "leadership" not in areas(text)


def test_a_schools_singular_study_programme_is_its_sixth_form() -> None:
    text = (
        "Pupils' behaviour and welfare was found to be good, as was the school's 16 to 19 "
        "study programme."
    )
    assert areas(text).get("sixth_form") == "good"


def test_the_same_grade_for_the_effectiveness_of_its_leadership() -> None:
    text = (
        "The inspector judged the pre-school outstanding overall and gave the same grade for "
        "the effectiveness of its leadership and management."
    )
    assert areas(text) == {"leadership": "outstanding"}


def test_the_same_grade_as_another_body_hands_no_area_on() -> None:
    text = (
        "Ofsted rated the nursery good overall, the same grade as its neighbour, and praised "
        "leadership and management."
    )
    assert "leadership" not in areas(text)


def test_provision_in_an_fe_subject_area_is_an_other_area() -> None:
    text = (
        "Provision in hairdressing and beauty therapy was judged to require improvement; the "
        "other four subject areas were graded good."
    )
    assert areas(text) == {"other": "requires_improvement"}


def test_a_subject_named_without_provision_is_no_area() -> None:
    assert areas("Students said engineering was a good choice for them.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors said help for families still requires improvement.",
        "Help for children and families was judged to require improvement.",
    ],
)
def test_help_for_families_is_help_and_protection(text: str) -> None:
    assert areas(text) == {"help_and_protection": "requires_improvement"}


@pytest.mark.parametrize(
    "text",
    [
        "Parents praised the help for families on offer at the good school.",
        "The council said help for families was a priority after Ofsted rated it good.",
    ],
)
def test_help_for_families_given_no_grade_is_no_area_grade(text: str) -> None:
    assert areas(text) == {}
