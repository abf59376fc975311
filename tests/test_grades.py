"""The grades component: which grade words are grades, and of what.

Every sentence here is made up by the team; councils, schools and people are
invented.
"""

from __future__ import annotations

import pytest
from conftest import rule_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import ofsted_extract.components  # noqa: F401  (registers the factories)
from ofsted_extract.components.grades import token_table
from ofsted_extract.textutil import analysis_text


def nlp() -> Language:
    return rule_pipeline("ofsted_grades")


def run(text: str) -> Doc:
    return nlp()(analysis_text(text))


def grades(text: str) -> list[tuple[str, str, str]]:
    """(words, grade, role) of every grade the component keeps."""
    doc = run(text)
    return [(s.text, s.label_, s._.ofsted_role) for s in doc.spans["grades"]]


def roles(text: str) -> dict[str, str]:
    return {grade: role for _, grade, role in grades(text)}


# ---- the overall grade in its many forms ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Ofsted has rated Pendle Vale Council's children's services 'good' overall.", "good"),
        ("Inspectors judged Marsh End Academy to be inadequate.", "inadequate"),
        ("Tollbury City Council's services for children are now good.", "good"),
        (
            "Inspectors gave Crane Hill College an overall rating of requires improvement.",
            "requires_improvement",
        ),
        ("Fenmoor Nursery received the top rating of outstanding.", "outstanding"),
        ("Under the new grading Ashgate Infants is RI, the letter says.", "requires_improvement"),
        ("Ofsted rated Bramley Junior School grade 2 after its visit.", "good"),
        ("Inspectors judged Gosford High School to be good with outstanding features.", "good"),
        ("Lowick Primary School has been rated “Outstanding” by Ofsted.", "outstanding"),
        ("Inspectors rated Kilnsey Council ‘Requires Improvement’.", "requires_improvement"),
        ("WEXHAM ACADEMY HAS BEEN RATED INADEQUATE BY OFSTED.", "inadequate"),
        (
            "Ofsted found that Dunlow County Council's services require improvement to be good.",
            "requires_improvement",
        ),
        (
            "Ofsted concluded that Rilston Council's services for vulnerable children need "
            "improvement.",
            "requires_improvement",
        ),
        ("Hexam Borough Council has climbed to good.", "good"),
        ("Tarnby Academy has dropped from good to requires improvement.", "requires_improvement"),
        ("Ofsted verdict on Selsey Vale Council: improvement required.", "requires_improvement"),
    ],
)
def test_overall_grade_forms(sentence: str, grade: str) -> None:
    found = [(g, r) for _, g, r in grades(sentence)]
    assert (grade, "overall") in found


def test_overall_word_marks_the_grade_explicit() -> None:
    doc = run("Ofsted has judged Lindow Council's children's services to be good overall.")
    (span,) = doc.spans["grades"]
    assert span._.ofsted_explicit is True


def test_table_row_overall_effectiveness() -> None:
    doc = run("Overall effectiveness Inadequate\nQuality of education        Good\n")
    by_grade = {s.label_: s for s in doc.spans["grades"]}
    assert by_grade["inadequate"]._.ofsted_role == "overall"
    assert by_grade["inadequate"]._.ofsted_explicit is True
    assert by_grade["good"]._.ofsted_role == "area"


# ---- other scales ---------------------------------------------------------------------


def test_older_scales() -> None:
    # a year at the head of the sentence dates the grade; the assembler compares it with the
    # article's own date (see test_inspections)
    doc = run(
        "In 2011 inspectors judged Kelmore Council's safeguarding services to be "
        "adequate, with good capacity for improvement."
    )
    first = doc.spans["grades"][0]
    assert (first.label_, first._.ofsted_role, first._.ofsted_year) == ("adequate", "dated", 2011)
    assert roles("Inspectors judged Ravenstone High School to be satisfactory overall.") == {
        "satisfactory": "overall"
    }


def test_annual_performance_assessment_needs_its_context() -> None:
    text = (
        "Stanbridge County Council's services for children perform well, according to "
        "Ofsted's annual performance assessment."
    )
    assert roles(text) == {"performs_well": "overall"}
    # without an assessment in sight, 'perform well' is plain English
    assert grades("Pupils at Dalby School perform well in mathematics.") == []


def test_send_outcomes() -> None:
    text = (
        "Inspectors found widespread and/or systemic failings in the Hollin local area "
        "partnership's support for children with special educational needs (SEND)."
    )
    assert roles(text) == {"systemic_failings": "overall"}
    text = (
        "The Wrenbury local area partnership's arrangements typically lead to positive "
        "experiences and outcomes for children and young people with SEND."
    )
    assert roles(text) == {"positive_outcomes": "overall"}
    text = (
        "Inspectors found that the Carbury local area partnership's arrangements lead to "
        "inconsistent experiences and outcomes for children with SEND."
    )
    assert roles(text) == {"inconsistent_outcomes": "overall"}
    # without SEND in sight the same words are an ordinary phrase
    assert grades("Inspectors found the trust's plans lead to inconsistent outcomes.") == []


def test_report_card_grades_only_with_a_report_card() -> None:
    text = (
        "Fallow Lane Primary School's new report card: Inclusion – Strong standard. "
        "Safeguarding – Met."
    )
    assert {g for _, g, _ in grades(text)} == {"strong_standard", "met"}
    # 'expected standard' is also the language of test results
    assert grades("Most pupils at Cobden School reached the expected standard in reading.") == []


def test_all_five_report_card_grades() -> None:
    text = (
        "Hollin Vale Primary School's first report card:\n"
        "Inclusion – Exceptional\n"
        "Curriculum and teaching – Strong standard\n"
        "Achievement – Expected standard\n"
        "Attendance and behaviour – Needs attention\n"
        "Leadership and governance – Urgent improvement\n"
        "Safeguarding – Not met\n"
    )
    assert [s for s in grades(text)] == [
        ("Exceptional", "exceptional", "area"),
        ("Strong standard", "strong_standard", "area"),
        ("Expected standard", "expected_standard", "area"),
        ("Needs attention", "needs_attention", "area"),
        ("Urgent improvement", "urgent_improvement", "area"),
        ("Not met", "not_met", "area"),
    ]


def test_met_is_only_the_safeguarding_judgement() -> None:
    text = "Ofsted report card for Tenby Road School: the school met every deadline."
    assert grades(text) == []


def test_special_measures_is_an_inadequate_grade_with_its_category() -> None:
    doc = run(
        "Blackmoor Academy is now in special measures, inspectors having judged the "
        "school inadequate."
    )
    assert [s.label_ for s in doc.spans["grade_categories"]] == ["special_measures"]
    found = [(s.text, s.label_, s._.ofsted_role, s._.ofsted_category) for s in doc.spans["grades"]]
    assert found == [
        ("special measures", "inadequate", "overall", "special_measures"),
        ("inadequate", "inadequate", "overall", None),
    ]
    doc = run("Blackmoor Academy has been taken out of special measures.")
    assert list(doc.spans["grade_categories"]) == []
    assert [(s.label_, s._.ofsted_role) for s in doc.spans["grades"]] == [
        ("inadequate", "previous")
    ]
    doc = run("Ofsted judged Ketley School inadequate and found that it has serious weaknesses.")
    assert [s.label_ for s in doc.spans["grade_categories"]] == ["serious_weaknesses"]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Penwick Vale Academy has been placed in special measures.", "special_measures"),
        ("Ofsted has put Harlow Brook School into special measures.", "special_measures"),
        ("Tanners Mead Primary has been judged to have serious weaknesses.", "serious_weaknesses"),
        ("Ofsted finds 'serious weaknesses' at Crossgate Academy", "serious_weaknesses"),
    ],
)
def test_a_category_alone_is_an_inadequate_overall_grade(sentence: str, category: str) -> None:
    doc = run(sentence)
    assert [(s.label_, s._.ofsted_role, s._.ofsted_category) for s in doc.spans["grades"]] == [
        ("inadequate", "overall", category)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a rule about categories, not a school placed in one
        "A school is placed in special measures if it is graded urgent improvement for leadership.",
        # a future step
        "Ofsted will monitor the academy until it is taken out of special measures.",
        # schools in general
        "Schools judged to have serious weaknesses are re-inspected within 30 months.",
        # faults described, not the category
        "The report found serious weaknesses in how the council tracks missing children.",
        # not placed there
        "Dunholm Academy was not placed in special measures.",
    ],
)
def test_category_words_that_grade_nobody(sentence: str) -> None:
    assert grades(sentence) == []


def test_a_report_card_school_in_special_measures_has_no_overall_grade() -> None:
    text = (
        "Under the new report cards, Fallow Lane School was graded needs attention for "
        "inclusion and urgent improvement for leadership and governance, and now "
        "requires special measures."
    )
    doc = run(text)
    assert all(s._.ofsted_role == "area" for s in doc.spans["grades"])
    assert [s.label_ for s in doc.spans["grade_categories"]] == ["special_measures"]


# ---- not grades -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors praised the excellent care and the warm welcome at Oakwell Nursery.",
        "Staff at Greyling Council shared good practice with neighbouring authorities.",
        "An outstanding social worker at Penwick County Council won a national award.",
        "Leaders said adequate funding was essential for the service to survive.",
        "Inspectors found that most children make good progress.",
        "The council said the news was good for families.",
        "It is good to see the hard work of staff recognised, the leader said.",
        "Ofsted said the school was not good enough.",
        "Nobody would call the council's record good.",
        "The council's children's services are not yet good, the report says.",
        "Inspectors found the service was very good at listening to children.",
        "The head said: 'Outstanding was always our goal.'",
        "Parents said Birkby School was a good school long before Ofsted agreed.",
    ],
)
def test_praise_and_generic_uses_are_not_grades(sentence: str) -> None:
    assert grades(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors said the nursery might well be graded outstanding if they came back now.",
        "Our ambition is for the school to be rated good when Ofsted returns, the head said.",
        "Staff want each team in the department to be good, the director added.",
        "Councillors hope the council will be rated good next time.",
        "I am sure we can get back to good by the time inspectors call again.",
        "Ofsted will decide whether safeguarding is met at the school's report card visit.",
    ],
)
def test_hypothetical_grades_are_not_grades(sentence: str) -> None:
    assert [g for g in grades(sentence) if g[2] != "previous"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted figures show 46 councils are rated good.",
        "Eleven councils were rated inadequate, down from fourteen.",
        "Some 16% of homes were judged inadequate last year.",
        "Only a handful of councils have so far been rated outstanding.",
        "Schools currently judged inadequate will face intervention.",
    ],
)
def test_national_statistics_are_not_grades(sentence: str) -> None:
    assert grades(sentence) == []


def test_one_of_a_few_is_about_one_body() -> None:
    text = "Sarah Lomond is one of just four local childminders to be rated outstanding twice."
    assert roles(text) == {"outstanding": "kept"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Each council gets one of four grades: outstanding, good, requires improvement to be "
        "good, or inadequate.",
        "The proportion of councils rated good or outstanding rose again.",
        "Schools receive a grade on a five-point scale running from exceptional to urgent "
        "improvement under the new report card system.",
        "The number of homes judged good or better has risen.",
    ],
)
def test_descriptions_of_the_scale_are_not_grades(sentence: str) -> None:
    assert grades(sentence) == []


def test_related_articles_are_skipped_by_the_assembler_not_here() -> None:
    # the component marks grade words wherever they are; page furniture is the
    # layout's job and the assembler skips it (see test_inspections)
    doc = run("Related articles\nCarrow Primary rated outstanding\n")
    assert [s.label_ for s in doc.spans["grades"]] == ["outstanding"]


# ---- previous grades --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "grade", "year"),
    [
        (
            "Ofsted rated Tarlow Council good, up from 'requires improvement' in 2019.",
            "requires_improvement",
            2019,
        ),
        (
            "Ofsted last visited the council in June 2020, when it was judged inadequate.",
            "inadequate",
            2020,
        ),
        (
            "At its previous inspection, in 2016, the school was rated outstanding.",
            "outstanding",
            2016,
        ),
        (
            "Hilltop College had been graded requires improvement in 2018.",
            "requires_improvement",
            2018,
        ),
        (
            "Ofsted rated the academy inadequate, a fall from the good rating it achieved in 2015.",
            "good",
            2015,
        ),
        ("The home's previous rating, given in 2020, was good.", "good", 2020),
        (
            "It is a drop from 2016, when inspectors found it required improvement.",
            "requires_improvement",
            2016,
        ),
    ],
)
def test_previous_grade_and_year(sentence: str, grade: str, year: int) -> None:
    doc = run(sentence)
    previous = [s for s in doc.spans["grades"] if s._.ofsted_role == "previous"]
    assert [(s.label_, s._.ofsted_year) for s in previous] == [(grade, year)]


def test_since_as_an_adverb_is_not_a_previous_cue() -> None:
    doc = run(
        "Ellesmere Council's services were rated 'inadequate' in 2019 and have since "
        "improved to 'requires improvement', Ofsted said."
    )
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    # the year dates the first grade only; the second is this inspection's
    assert found == [("inadequate", "dated", 2019), ("requires_improvement", "overall", None)]


def test_previous_by_relative_years() -> None:
    doc = run("The previous inspection, three years ago, rated Brook Council inadequate.")
    (span,) = doc.spans["grades"]
    assert span._.ofsted_role == "previous"
    assert span._.ofsted_years_ago == 3


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A nursery that had been rated good for six years has been downgraded to "
            "inadequate by Ofsted.",
            {"good": "previous", "inadequate": "overall"},
        ),
        (
            "Fernhope Primary, which had been judged requires improvement, has now moved up "
            "to outstanding.",
            {"requires_improvement": "previous", "outstanding": "overall"},
        ),
        # reported speech about this inspection: no later grade it moved to
        (
            "The director told councillors the service had been judged good overall.",
            {"good": "overall"},
        ),
        # the later grade is the earlier one, not a grade moved to
        (
            "She said the home had been judged outstanding, an improvement on the good "
            "grade awarded at its last inspection.",
            {"outstanding": "overall", "good": "previous"},
        ),
    ],
)
def test_past_perfect_grade_before_a_grade_moved_to(
    sentence: str, expected: dict[str, str]
) -> None:
    assert roles(sentence) == expected


def test_no_longer_and_a_two_grade_leap() -> None:
    assert roles(
        "Carnby Council's services are no longer inadequate, though they still "
        "require improvement to be good."
    ) == {
        "inadequate": "previous",
        "requires_improvement": "overall",
    }
    assert roles(
        "Ofsted rated Oxley Council outstanding – a two-grade leap from the "
        "'requires improvement' verdict of its last inspection."
    ) == {
        "outstanding": "overall",
        "requires_improvement": "previous",
    }


def test_a_grade_with_only_a_past_year_is_left_to_the_assembler() -> None:
    doc = run("The home was graded good in 2021.")
    (span,) = doc.spans["grades"]
    assert (span._.ofsted_role, span._.ofsted_year) == ("dated", 2021)


def test_kept_grades() -> None:
    assert roles("Melby Council has kept hold of the outstanding rating it first won in 2016.") == {
        "outstanding": "kept"
    }
    assert roles("The letter reports no change to the academy's overall judgement of good.") == {
        "good": "kept"
    }
    assert roles("Kestle Borough Council remains good, inspectors said.") == {"good": "kept"}


def test_standing_grade_is_kept_not_hypothetical() -> None:
    text = "Farnby Council will remain rated inadequate until inspectors return in full."
    assert roles(text) == {"inadequate": "kept"}


def test_headline_gloss_in_brackets_is_one_grade() -> None:
    found = grades("Penrose Council slips from good to RI (requires improvement).")
    assert [(g, r) for _, g, r in found] == [
        ("good", "previous"),
        ("requires_improvement", "overall"),
    ]


# ---- grades said as a place on the scale, a change or a repeat -------------------------


@pytest.mark.parametrize(
    ("sentence", "grade", "role"),
    [
        (
            "Services for children in Tolby have been handed the lowest rating by Ofsted.",
            "inadequate",
            "overall",
        ),
        ("Ofsted has given Wenlow Nursery its top grade.", "outstanding", "overall"),
        (
            "Crossley College has kept its top grade after a three-day inspection.",
            "outstanding",
            "kept",
        ),
        ("Ofsted strips Halberton Academy of its top grade.", "outstanding", "previous"),
    ],
)
def test_a_grade_named_by_its_place_on_the_scale(sentence: str, grade: str, role: str) -> None:
    assert [(g, r) for _, g, r in grades(sentence)] == [(grade, role)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a gloss of the grade word next to it: one grade, not two
        "Ofsted rated Amblecote School 'outstanding', the highest grade there is.",
        "Ofsted gave Amblecote School the top rating of outstanding.",
    ],
)
def test_a_paraphrase_beside_its_grade_word_is_one_grade(sentence: str) -> None:
    assert [(w, g) for w, g, _ in grades(sentence)] == [("outstanding", "outstanding")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Inadequate is the lowest of the four grades a council can get.",
        "Ryecroft Primary hopes to achieve the top rating at its next inspection.",
        "Councils given the lowest rating are sent a commissioner.",
    ],
)
def test_paraphrases_that_grade_nobody(sentence: str) -> None:
    assert grades(sentence) == []


def test_a_grade_and_a_fall_in_one_clause() -> None:
    doc = run(
        "Fenwick Fostering Ltd has been rated good, down from outstanding at its last "
        "inspection in 2016."
    )
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [("good", "overall", None), ("outstanding", "previous", 2016)]


def test_once_rated_is_the_grade_before_not_the_one_after() -> None:
    doc = run("A school that was once rated outstanding has now been put into special measures.")
    found = [(s.label_, s._.ofsted_role) for s in doc.spans["grades"]]
    assert found == [("outstanding", "previous"), ("inadequate", "overall")]


@pytest.mark.parametrize(
    ("sentence", "roles_found"),
    [
        (
            "Denbury College was graded requires improvement, the same grade it was given at its "
            "last inspection in 2018.",
            {"requires_improvement": ("kept", 2018)},
        ),
        (
            "Denbury College was graded good, the same rating as two years ago.",
            {"good": ("kept", None)},
        ),
        # a comparison with another body is not a repeat
        (
            "Denbury College was graded good, the same grade as its neighbour Orrell College.",
            {"good": ("overall", None)},
        ),
    ],
)
def test_the_same_grade_as_last_time_is_kept(
    sentence: str, roles_found: dict[str, tuple[str, int | None]]
) -> None:
    doc = run(sentence)
    found = {s.label_: (s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]}
    assert found == roles_found


@pytest.mark.parametrize(
    ("sentence", "grade", "year"),
    [
        (
            "The council's last inspection, in 2012, judged its services to be adequate.",
            "adequate",
            2012,
        ),
        (
            "Its previous inspection found Moorhaven Primary School to be satisfactory.",
            "satisfactory",
            None,
        ),
    ],
)
def test_the_inspection_before_as_the_subject(sentence: str, grade: str, year: int | None) -> None:
    doc = run(sentence)
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [(grade, "previous", year)]


def test_a_sentence_that_only_mentions_the_last_inspection_keeps_its_grade() -> None:
    doc = run(
        "Its last inspection was in 2019, and this time inspectors rated Moorhaven School good."
    )
    assert [(s.label_, s._.ofsted_role) for s in doc.spans["grades"]] == [("good", "overall")]


def test_a_report_card_grade_is_never_the_overall_grade() -> None:
    doc = run(
        "'Exceptional' inclusion at Brightwater Primary under new report card\n\n"
        "Brightwater Primary's report card grades inclusion as exceptional."
    )
    assert [s._.ofsted_role for s in doc.spans["grades"]] == ["area"]


@pytest.mark.parametrize(
    "text",
    [
        "Kelby College was rated good.\n\nSEE ALSO: Orton sixth form rated outstanding\n\n"
        "The report praised its teaching.",
        "Kelby College was rated good.\nRead more: Orton sixth form rated outstanding\n",
        "Kelby College was rated good.\nRELATED | Orton sixth form rated outstanding\n",
    ],
)
def test_an_inline_promotion_line_grades_nothing(text: str) -> None:
    doc = run(text)
    assert [s.text for s in doc.spans["grades"]] == ["good"]
    assert list(doc.spans["areas"]) == []


# ---- area words inside names -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Northmoor Apprenticeships Ltd was graded requires improvement.",
        "Fox & Hound Adoption has been judged outstanding overall.",
        "Independent fostering agency Brockley Care Ltd has been rated good.",
        "Pelham Borough Council's fostering service has received an 'outstanding' verdict.",
        "A sixth-form college in Tolby has kept its outstanding grade.",
    ],
)
def test_a_provision_word_in_a_name_is_not_an_area(sentence: str) -> None:
    doc = run(sentence)
    assert list(doc.spans["areas"]) == []
    assert [s._.ofsted_role for s in doc.spans["grades"]] in (["overall"], ["kept"])


# ---- mechanism ------------------------------------------------------------------------


def test_evidence_offsets_are_exact() -> None:
    text = "Inspectors rated\r\nKelby Council ‘good’ overall – up from “inadequate” in 2018."
    doc = run(text)
    for span in doc.spans["grades"]:
        assert text[span.start_char : span.end_char] == span.text


def test_token_table_matches_the_doc() -> None:
    doc = run("Ofsted rated İstanbul Road School good.\nNext line, with ‘quotes’.")
    table = token_table(doc)
    assert list(table.texts) == [t.text for t in doc]
    assert len(table.low) == len(doc)
    assert table.low[table.texts.index("‘")] == "'"


_WORDS = [
    "good",
    "Outstanding",
    "rated",
    "judged",
    "'",
    '"',
    "from",
    "to",
    "in",
    "2019",
    "inadequate",
    "requires",
    "improvement",
    "the",
    "council",
    "leadership",
    ",",
    ".",
    "\n",
    "care",
    "leavers",
    "not",
    "or",
    "previously",
    "(",
    ")",
    "overall",
    "RI",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=120))
def test_any_word_soup_is_read_without_error(words: list[str]) -> None:
    text = " ".join(words)
    doc = run(text)
    for span in doc.spans["grades"]:
        assert span._.ofsted_role in {"overall", "area", "previous", "kept", "dated"}
        assert text[span.start_char : span.end_char] == span.text
    for span in doc.spans["areas"]:
        assert span._.ofsted_grade is not None


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        # a phrase wrapped over a line break inside a sentence is still one phrase
        (
            "Inspectors found that the services at Tolby Borough Council for children requires\n"
            "improvement to be good in every area.",
            "requires_improvement",
        ),
        (
            "Ofsted judged the leadership of the pre-school and its committee to require\n"
            "improvement, the letter says.",
            "requires_improvement",
        ),
    ],
)
def test_a_phrase_across_a_wrapped_line(text: str, grade: str) -> None:
    doc = run(text)
    assert [s.label_ for s in doc.spans["grades"]] == [grade]
    (span,) = doc.spans["grades"]
    assert "\n" in span.text


def test_a_phrase_is_not_joined_across_a_paragraph_break() -> None:
    doc = run("The council said its plan requires\n\nImprovement Partners Ltd were hired.")
    assert list(doc.spans["grades"]) == []


def test_a_doc_without_a_grade_word_is_read_quickly_and_gives_nothing() -> None:
    text = "Parents gathered at Tolby Primary School for the summer fair. " * 2000
    doc = run(text)
    assert list(doc.spans["grades"]) == []
    assert list(doc.spans["areas"]) == []


# ---- the quick forms of slow scans give what the scans gave --------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0125689 a-/\n", max_size=40))
def test_year_starts_are_the_year_regex_matches(text: str) -> None:
    from ofsted_extract.components.grades import _YEAR_END, _year_starts

    assert _year_starts(text) == [m.start() for m in _YEAR_END.finditer(text)]


@pytest.mark.parametrize("word", ["12", "three", "1st", "Three", "1,000", "½", "x", "3/4", "-5"])
def test_like_num_is_spacys_like_num(word: str) -> None:
    from spacy.lang.en.lex_attrs import like_num as spacy_like_num

    from ofsted_extract.components.grades import like_num

    for _ in range(2):  # the second call is answered from the cache
        assert like_num(word) is bool(spacy_like_num(word))


_PROMO_BITS = [
    "see also", "Read More", "RELATED", "related article", "ſee alſo", "rElAtEd", "more",
    "editor's picks", "Don't Miss", "read", "you may also like", "next", "see  also", "İ",
    "\n", "\n\n", " ", "\t", ":", "-", "–", "—", "|", ">", "x", "s", "Ofsted",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PROMO_BITS), max_size=14).map("".join))
def test_promo_lines_are_the_plain_pattern_lines(text: str) -> None:
    comp = nlp().get_pipe("ofsted_grades")
    assert comp.promo.starts(text) == [m.start() for m in comp.promo_line.finditer(text)]


def test_a_promotion_line_is_not_graded() -> None:
    doc = run("Marsh End Academy has been rated good.\nSEE ALSO: Tolby School rated inadequate\n")
    assert [s.label_ for s in doc.spans["grades"]] == ["good"]


# ---- which earlier grade is the previous one ------------------------------------------


def test_the_inspection_before_this_one_is_the_previous_one() -> None:
    doc = run(
        "Hazelbrook Nursery was rated outstanding in 2013. At its most recent inspection "
        "before this one, in 2021, it was judged to require improvement."
    )
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [
        ("outstanding", "dated", 2013),
        ("requires_improvement", "previous", 2021),
    ]


def test_a_most_recent_inspection_alone_is_this_one() -> None:
    # without 'before this one', the most recent inspection is the one reported
    assert roles(
        "At its most recent inspection, Hazelbrook Nursery was judged to require improvement."
    ) == {"requires_improvement": "overall"}


def test_the_latest_earlier_grade_is_the_previous_grade() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Hazelbrook Nursery rated good\n\n4 June 2024\n\n"
        "Hazelbrook Nursery, in Pellingford, has been rated good by Ofsted after an "
        "inspection in April.\n\n"
        "The nursery was rated outstanding in 2013, when it first opened. At its most recent "
        "inspection before this one, in 2021, it was judged to require improvement.\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.grade == "good"
    assert inspection.previous is not None
    assert (inspection.previous.grade, inspection.previous.year) == ("requires_improvement", 2021)


# ---- old-framework labels and relative years ------------------------------------------


def test_merely_satisfactory_is_a_grade() -> None:
    assert roles("Ofsted said the school was merely satisfactory.") == {"satisfactory": "overall"}


def test_years_ago_dates_only_the_grade_it_goes_with() -> None:
    # 'three years ago' goes with 'satisfactory'; the later grade is this inspection's
    doc = run(
        "A primary school that was told three years ago it was merely satisfactory is "
        "celebrating after inspectors judged it good with outstanding features."
    )
    found = [(s.label_, s._.ofsted_role, s._.ofsted_years_ago) for s in doc.spans["grades"]]
    assert found == [("satisfactory", "previous", 3), ("good", "overall", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Dunmere school that was put in special measures two years ago is celebrating "
        "after inspectors rated it good.",
        "A nursery told to improve four years ago is delighted because inspectors now judge "
        "it outstanding.",
    ],
)
def test_years_ago_before_after_or_because_do_not_date_the_grade_after_it(sentence: str) -> None:
    doc = run(sentence)
    last = list(doc.spans["grades"])[-1]
    assert last._.ofsted_role == "overall" and last._.ofsted_years_ago is None


def test_years_ago_in_the_grades_own_clause_still_date_it() -> None:
    doc = run("Inspectors rated the school inadequate two years ago.")
    (grade,) = list(doc.spans["grades"])
    assert grade._.ofsted_role == "previous" and grade._.ofsted_years_ago == 2


def test_an_old_framework_label_is_not_the_previous_grade() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Wendlesham Primary 'good with outstanding features'\n\nTuesday, May 8, 2012\n\n"
        "A primary school that was told three years ago it was merely satisfactory is "
        "celebrating after inspectors judged it \"good with outstanding features\".\n\n"
        "Wendlesham Primary School was visited by Ofsted in April.\n\n"
        "When inspectors last visited, in May 2009, Wendlesham was judged satisfactory.\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.grade == "good"
    assert inspection.previous is not None
    assert (inspection.previous.grade, inspection.previous.year) == ("satisfactory", 2009)


# ---- previous-inspection cues, categories, repeated verdicts ---------------------------


@pytest.mark.parametrize(
    ("sentence", "grade", "year"),
    [
        (
            "At its last standard inspection, in 2017, Wickham Vale Council's services for "
            "children were judged inadequate.",
            "inadequate",
            2017,
        ),
        ("Orchard Lane Infants was judged good at its previous routine inspection in 2016.",
         "good", 2016),
        ("Brackwater Academy was judged good at its last full standard inspection, in 2014.",
         "good", 2014),
        ("Pinfold Nursery was last inspected in 2009, when it was rated outstanding.",
         "outstanding", 2009),
    ],
)
def test_more_ways_to_name_the_inspection_before(sentence: str, grade: str, year: int) -> None:
    doc = run(sentence)
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [(grade, "previous", year)]


def test_a_category_between_spaced_hyphens_is_not_the_scale() -> None:
    # ' - ' stands for a dash: the gloss after it mentions the scale, the category before
    # it is still the school's inadequate grade (dated, for the assembler to place)
    doc = run(
        "In May 2012 Harrowgate Junior School was judged to have serious weaknesses - one "
        "of two categories for inadequate schools - and got a notice to improve."
    )
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [("inadequate", "dated", 2012)]


def test_a_hyphen_inside_a_word_does_not_break_the_clause() -> None:
    # 'well-led' is one word: the scale cue in the clause still marks the list as the scale
    assert grades("Ratings are outstanding, good, requires improvement or inadequate - "
                  "well-led schools get the top two.") == []


def test_an_older_category_becomes_the_previous_grade() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Harrowgate Junior School in special measures\n\n14 March 2014\n\n"
        "Harrowgate Junior School has been placed in special measures by Ofsted.\n\n"
        "In May 2012 the school was judged to have serious weaknesses - one of two "
        "categories for inadequate schools - and got a notice to improve.\n"
    )
    (inspection,) = record.inspections
    assert inspection.previous is not None
    assert (inspection.previous.grade, inspection.previous.year) == ("inadequate", 2012)


def test_a_named_grade_after_the_top_grade_of_wins() -> None:
    # the top of the council assessment scale is 'performs excellently', not 'outstanding'
    text = (
        "In the annual performance assessment, Lindenshaw Borough Council kept the top grade "
        "of performs excellently."
    )
    assert [g for _, g, _ in grades(text)] == ["performs_excellently"]
    # without a named grade the paraphrase still stands for outstanding
    assert [g for _, g, _ in grades("Ofsted gave Crossway Nursery the top grade.")] == [
        "outstanding"]


def test_council_assessment_grades_in_quotes_and_as_verbs() -> None:
    text = (
        "In this year's children's services assessment, Ravelston County Council was told "
        "it \"performs poorly\". Last year it was judged to perform adequately."
    )
    assert roles(text) == {"performs_poorly": "overall", "performs_adequately": "previous"}


def test_a_capitalised_or_official_grade_before_school_is_the_grade() -> None:
    assert roles("We are thrilled that Elmhurst Primary is now officially a GOOD school!") == {
        "good": "overall"}
    assert roles("Tansy Hill Nursery is now officially an outstanding nursery.") == {
        "outstanding": "overall"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Parents say Elmhurst Primary is a good school.",  # everyday praise
        "Have a GOOD holiday, everyone!",  # shouting, not a body
        "ELMHURST PRIMARY IS A GOOD SCHOOL",  # a headline in capitals needs more
    ],
)
def test_a_good_school_alone_is_not_a_grade(sentence: str) -> None:
    assert grades(sentence) == []


def test_a_repeated_verdict_takes_its_latest_year() -> None:
    doc = run(
        "By 2015 Coldharbour Academy had slipped to requires improvement, a verdict "
        "repeated in 2017 and again in 2019."
    )
    (span,) = doc.spans["grades"]
    assert (span.label_, span._.ofsted_year) == ("requires_improvement", 2019)


def test_a_later_year_in_an_unrelated_clause_is_not_the_grades() -> None:
    doc = run(
        "Coldharbour Academy was rated inadequate in 2015, a year when leaders repeated "
        "mistakes made in 2013 and 2017."
    )
    (span,) = doc.spans["grades"]
    assert (span.label_, span._.ofsted_year) == ("inadequate", 2015)


# ---- a held grade and the year it was first given ----------------------------------


def _held(text: str) -> list[tuple[str, str, int | None]]:
    """(grade, role, year) of every grade kept."""
    doc = run(text)
    return [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]


def test_matching_the_grade_it_was_first_given_is_kept_with_that_year() -> None:
    # the grade is referred back to ('the grade it was first given') without its word
    assert _held(
        "Inspectors judged Brindlecote Junior School outstanding in every area, matching "
        "the grade it was first given in 2011."
    ) == [("outstanding", "kept", 2011)]


def test_matching_the_grade_of_another_body_is_not_a_kept_grade() -> None:
    # no past cue or year after the phrase: a comparison with a neighbour, not a held grade
    assert _held(
        "Inspectors judged Brindlecote Junior School good, matching the grade of the "
        "nursery next door."
    ) == [("good", "overall", None)]


def test_a_kept_grade_takes_the_year_of_the_last_graded_inspection_before_it() -> None:
    assert _held(
        "Short inspections are carried out in schools that were judged good at their last "
        "graded inspection, which for Mossford Primary was in May 2017. The letter confirms "
        "that there has been no change to the school's overall judgement of good."
    )[-1] == ("good", "kept", 2017)


def test_a_first_inspection_or_a_far_story_does_not_date_a_kept_grade() -> None:
    # 'first inspection' is no last inspection, and a story three sentences up is too far
    text = (
        "Elsewhere, Tarnwick College was judged good at its last full inspection, in 2015. "
        "It opened in 2009. Its sixth form grew. Its new block opened. "
        "Mossford Primary had its first inspection in 2012. "
        "It still keeps its outstanding grade, the letter confirms."
    )
    assert _held(text)[-1] == ("outstanding", "kept", None)


# ---- a place on the scale about this inspection ----------------------------------------


def test_given_the_lowest_grade_for_overall_effectiveness_is_an_explicit_inadequate() -> None:
    # the grade component reads it; a past monitoring visit elsewhere in the text must not
    # turn it into the previous grade (that choice is the assembler's)
    doc = run(
        "Brackenmoor Training Ltd was given the lowest grade for overall effectiveness in a "
        "report published on Tuesday."
    )
    found = [(s.label_, s._.ofsted_role, s._.ofsted_explicit) for s in doc.spans["grades"]]
    assert found == [("inadequate", "overall", True)]


def test_the_lowest_grade_as_a_description_of_the_scale_grades_nobody() -> None:
    assert grades("Inadequate is the lowest grade Ofsted can give, and Fenholt Academy was "
                  "rated good.") == [("good", "good", "overall")]


# ---- a past inspection named inside a sentence, before the grade's clause ------------


def _timed(text: str) -> list[tuple[str, str, int | None]]:
    """(grade, role, year) of every grade kept."""
    doc = run(text)
    return [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # after a semicolon, the year between commas
        (
            "Brackenfold Infants has been rated good by Ofsted; at its previous inspection, "
            "in 2020, it was found to require improvement.",
            [("good", "overall", None), ("requires_improvement", "previous", 2020)],
        ),
        # after 'that', a 'when' phrase
        (
            "Villagers will recall that when the nursery was last inspected, in 2014, it was "
            "judged outstanding.",
            [("outstanding", "previous", 2014)],
        ),
        # after 'and', the year inside the phrase
        (
            "Governors were pleased, and when Ofsted last visited in March 2016, the school "
            "was rated inadequate.",
            [("inadequate", "previous", 2016)],
        ),
        # a date clause with a month alone
        (
            "The staff were proud, and when the playgroup was last inspected, in January, it "
            "was judged outstanding.",
            [("outstanding", "previous", None)],
        ),
        # undated: a year in an earlier clause is that clause's
        (
            "Pendlecombe Nursery opened in 2009; at its last inspection, it was judged good.",
            [("good", "previous", None)],
        ),
        # a first inspection may be this one: only dated, for the assembler
        (
            "It is the academy's best result yet; at its first inspection as a sponsored "
            "academy, in 2018, it was judged to Require Improvement.",
            [("requires_improvement", "dated", 2018)],
        ),
    ],
)
def test_a_past_inspection_named_mid_sentence_dates_the_next_clause(
    sentence: str, expected: list[tuple[str, str, int | None]]
) -> None:
    assert _timed(sentence) == expected


def test_a_past_inspection_after_a_grade_is_that_grades_not_the_next_ones() -> None:
    # 'at its last inspection, in 2019' trails 'good': the next clause's grade is this one's
    assert _timed(
        "Ofsted rated Wexcombe Primary good at its last inspection, in 2019, and inspectors "
        "judged it outstanding this time."
    ) == [("good", "previous", 2019), ("outstanding", "overall", None)]


def test_a_mid_sentence_phrase_without_an_opener_dates_nothing() -> None:
    # 'since' opens no past phrase: the grade after it is this inspection's
    assert _timed(
        "Parents are delighted; in the years since its last inspection, in 2019, the school "
        "has been rated outstanding."
    ) == [("outstanding", "overall", None)]


def test_the_previous_grade_named_mid_sentence_reaches_the_record() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Good news for Hollinbeck Primary\n\n3 July 2023\n\n"
        "Hollinbeck Primary School has been judged good by Ofsted after an inspection in "
        "May. It is the school's first good grade; at its previous inspection, in 2019, it "
        "was found to require improvement.\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.grade == "good"
    assert inspection.previous is not None
    assert (inspection.previous.grade, inspection.previous.year) == ("requires_improvement", 2019)


# ---- a present perfect takes no past date ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A training provider rated good just two years ago has been handed the lowest "
        "possible grade.",
        "A nursery which opened in 2017 has been handed the lowest possible grade by Ofsted.",
        "A school that was praised by parents three years ago has been downgraded to "
        "inadequate.",
    ],
)
def test_a_date_before_has_been_dates_the_subjects_phrase_not_the_grade(sentence: str) -> None:
    # the present perfect 'has been handed' is this inspection's grade
    assert [g for g in _timed(sentence) if g[0] == "inadequate"] == [
        ("inadequate", "overall", None)
    ]


def test_rated_good_just_two_years_ago_is_the_previous_grade() -> None:
    doc = run(
        "A training provider rated good just two years ago has been handed the lowest "
        "possible grade."
    )
    found = [(s.label_, s._.ofsted_role, s._.ofsted_years_ago) for s in doc.spans["grades"]]
    assert found == [("good", "previous", 2), ("inadequate", "overall", None)]


def test_a_date_after_has_been_is_still_read() -> None:
    # the cut is only before the present perfect: 'previously' inside the verb group stays
    assert _timed("Dunford Academy has previously been rated good.") == [
        ("good", "previous", None)
    ]


# ---- a category left beside the grade given then -----------------------------------


def test_a_category_left_beside_a_grade_is_older_than_that_grade() -> None:
    assert _timed(
        "When inspectors returned in 2015, Carrowby High was taken out of special measures "
        "but judged to require improvement."
    ) == [("inadequate", "previous", None), ("requires_improvement", "dated", 2015)]


def test_a_category_left_alone_still_takes_the_sentences_year() -> None:
    assert _timed("In 2015 Carrowby High came out of special measures.") == [
        ("inadequate", "previous", 2015)
    ]


def test_the_grade_given_when_a_category_was_left_is_the_previous_one() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Carrowby High rated good\n\n12 October 2017\n\n"
        "Carrowby High School has been rated good by Ofsted after an inspection in "
        "September.\n\n"
        "In 2013 the school was placed in special measures. When inspectors returned in "
        "2015, Carrowby High was taken out of special measures but judged to require "
        "improvement.\n"
    )
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.grade == "good"
    assert inspection.previous is not None
    assert (inspection.previous.grade, inspection.previous.year) == ("requires_improvement", 2015)


def test_a_long_when_opening_dates_nothing() -> None:
    # only a short dated 'when' phrase dates the clause after it
    assert _timed(
        "When the council, which had been run by commissioners for most of the period since "
        "2014, was visited, inspectors judged its services good."
    ) == [("good", "overall", None)]


# ---- a grade label scrapped ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the new rules, the satisfactory grade has been scrapped.",
        "Ofsted abolished the 'satisfactory' judgement in 2012.",
        "Heads welcomed the abolition of the satisfactory grade.",
    ],
)
def test_a_scrapped_grade_label_grades_nobody(sentence: str) -> None:
    assert _timed(sentence) == []


def test_a_bodys_grade_taken_away_is_still_a_grade() -> None:
    # 'the school's outstanding rating' is the school's own, and 'scrapped its plans' is
    # far from the grade
    assert [g for _, g, _ in grades(
        "The school's outstanding rating was scrapped after the visit."
    )] == ["outstanding"]
    assert grades(
        "The council scrapped its plans after Ofsted rated Dellow Primary inadequate."
    ) == [("inadequate", "inadequate", "overall")]


# ---- 'N years after' the grade before; an ordinal count over a period --------------------


def _roles_ago(text: str) -> list[tuple[str, str, int | None]]:
    """(grade, role, years ago) of every grade kept."""
    doc = run(text)
    return [(s.label_, s._.ofsted_role, s._.ofsted_years_ago) for s in doc.spans["grades"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a trailing interval after a comma: the grade of its clause is the one before
        (
            "Harrowmere Sixth Form College has been rated good by Ofsted, two years after it "
            "was told it required improvement.",
            [("good", "overall", None), ("requires_improvement", "previous", 2)],
        ),
        (
            "Peldon Nursery has been judged outstanding, just 18 months after inspectors "
            "rated it inadequate.",
            [("outstanding", "overall", None), ("inadequate", "previous", None)],
        ),
        # a headline: the grade right after the interval is the older one
        (
            "Tollerby academy in special measures three years after 'good' rating",
            [("inadequate", "overall", None), ("good", "previous", 3)],
        ),
    ],
)
def test_an_interval_after_a_grade_points_to_the_grade_before(
    sentence: str, expected: list[tuple[str, str, int | None]]
) -> None:
    assert _roles_ago(sentence) == expected


def test_a_fronted_interval_without_a_comma_dates_nothing() -> None:
    # the clause after 'Three years after opening' is the grade's own
    assert _roles_ago("Three years after opening the Wrenfield nursery was rated outstanding.") \
        == [("outstanding", "overall", None)]
    # 'after' alone opens a clause of its own: the grade after it is this inspection's
    assert _roles_ago(
        "A school told to improve three years ago is celebrating after inspectors rated "
        "Corbel Lane Primary good."
    ) == [("good", "overall", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ravensholt is the 14th council to be rated inadequate since the start of 2019.",
        "Amblecote Pre-school is the fifth nursery in the borough to have been judged "
        "outstanding this year.",
    ],
)
def test_an_ordinal_count_over_a_period_is_a_statistic(sentence: str) -> None:
    assert _timed(sentence) == []


def test_a_first_or_an_undated_ordinal_is_the_bodys_grade() -> None:
    # 'the first' claims a distinction of the body's own; with no period, no count
    assert [g for g, _, _ in _timed(
        "Amblecote Pre-school is the first nursery in the borough to be judged outstanding "
        "since 2015."
    )] == ["outstanding"]
    assert _timed("Ravensholt is the 3rd school in the trust to be rated good.") == [
        ("good", "overall", None)
    ]


def test_a_capitalised_group_name_is_no_count_of_bodies() -> None:
    text = (
        "Regional chain Puddle & Pond Nurseries has its third outstanding nursery after its "
        "Dunmarsh setting was given the top grade across the board."
    )
    assert ("top grade", "outstanding", "overall") in grades(text)


def test_a_count_of_bodies_is_still_a_statistic() -> None:
    assert grades("Three Hartley nurseries were given the top grade this year.") == []
    assert grades("Four Valley Nurseries Rated Good By Inspectors") == []
    assert grades("Across Kelby, Seven Nurseries were given the top grade this year.") == []


def test_a_when_opening_dated_by_a_date_clause() -> None:
    doc = run("When Mr Abiodun was first inspected, in 2010, he was graded satisfactory.")
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [("satisfactory", "dated", 2010)]


def test_a_when_opening_with_a_clause_that_is_not_a_date() -> None:
    doc = run("When Mr Abiodun was first inspected, in his own home, he was graded good.")
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [("good", "overall", None)]


# ---- round 6: 'overall and for its ...', a headline's 'after 2009 satisfactory' ----------


def test_good_overall_and_for_an_area_is_the_overall_grade_too() -> None:
    text = (
        "Bramblecote Training Ltd, which has 210 apprentices, was judged good overall and "
        "for its apprenticeships after a visit in May."
    )
    assert ("good", "good", "overall") in grades(text)


def test_the_same_grade_for_an_area_after_overall() -> None:
    text = (
        "The inspector rated the playgroup outstanding overall and gave the same grade for "
        "the effectiveness of its leadership and management."
    )
    assert ("outstanding", "outstanding", "overall") in grades(text)


def test_good_overall_and_another_grade_for_an_area_stays_apart() -> None:
    # 'overall and' with a grade of its own for the area: the area is not the overall's
    text = "Pellington College was judged good overall and its adult learning was outstanding."
    assert roles(text) == {"good": "overall", "outstanding": "area"}


def test_a_year_after_after_belongs_to_the_grade_it_stands_before() -> None:
    doc = run("Outstanding verdict for Wexley nursery after 2011 'satisfactory'")
    found = [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]]
    assert found == [("outstanding", "overall", None), ("satisfactory", "previous", 2011)]


def test_a_year_after_after_with_no_grade_dates_the_grade_before() -> None:
    doc = run("Tolsey Primary was rated good after its 2019 inspection.")
    found = [(s.label_, s._.ofsted_role) for s in doc.spans["grades"]]
    assert found == [("good", "dated")]
