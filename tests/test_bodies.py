"""The bodies component: names of inspected bodies, their short forms, and visit types.

Team-written sentences; every body named here is invented.
"""

from __future__ import annotations

import time

import pytest
from conftest import rule_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import ofsted_extract.components  # noqa: F401  (registers the factories)
from ofsted_extract.components.bodies import BodyCluster
from ofsted_extract.textutil import analysis_text


def nlp() -> Language:
    return rule_pipeline("ofsted_grades", "ofsted_bodies")


def run(text: str) -> Doc:
    return nlp()(analysis_text(text))


def clusters(text: str) -> dict[str, BodyCluster]:
    found = run(text)._.ofsted_bodies
    assert isinstance(found, dict)
    return found


def names(text: str) -> list[tuple[str, str]]:
    """(words, kind) of the typed mentions."""
    doc = run(text)
    return [(s.text, s.label_) for s in doc.spans["bodies"] if s.label_ != "alias"]


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        (
            "Ofsted has rated Dunholme Metropolitan Borough Council good.",
            "Dunholme Metropolitan Borough Council",
            "council",
        ),
        (
            "Pupils at St Wilfrid's CofE Primary School were delighted.",
            "St Wilfrid's CofE Primary School",
            "school",
        ),
        ("Meanwhile, Tiddlers Pre-School has been rated good.", "Tiddlers Pre-School", "nursery"),
        (
            "Apprenticeship provider Norcott Skills Training Ltd was inspected in May.",
            "Norcott Skills Training Ltd",
            "provider",
        ),
        (
            "Carrbrook and Elland College was judged good.",
            "Carrbrook and Elland College",
            "college",
        ),
        (
            "The Royal Borough of Kelsey Council was inspected.",
            "Royal Borough of Kelsey Council",
            "council",
        ),
        (
            "Registered childminder Jessamy Trelawney was inspected on 3 May.",
            "Jessamy Trelawney",
            "childminder",
        ),
        (
            "Inspectors visited the Fendale local area partnership in March.",
            "Fendale local area partnership",
            "send",
        ),
        (
            "The Tarnwick Safeguarding Children Partnership received a joint letter.",
            "Tarnwick Safeguarding Children Partnership",
            "jtai",
        ),
        (
            "Ofsted inspected Elmbank Adult Learning Service in June.",
            "Elmbank Adult Learning Service",
            "service",
        ),
        ("Bowling Lane Primary has been handed a good rating.", "Bowling Lane Primary", "school"),
        (
            "Pupils at Fenwick Church of England Infant School were delighted.",
            "Fenwick Church of England Infant School",
            "school",
        ),
    ],
)
def test_typed_names(sentence: str, name: str, kind: str) -> None:
    assert (name, kind) in names(sentence)


def test_a_name_without_a_head_word_as_subject_or_object_of_a_grading_verb() -> None:
    assert ("Little Wrens Copley", "named") in names(
        "Our setting Little Wrens Copley was judged Good at its inspection."
    )
    assert ("Little Wrens Copley", "named") in names(
        "The inspector graded Little Wrens Copley Outstanding for every area."
    )
    # a place after a preposition is not the subject
    assert names("A home on the edge of Wexford has been rated inadequate.") == []


def test_two_spellings_of_one_school_are_one_body() -> None:
    text = (
        "Oakhollow High slips to satisfactory\n\nOAKHOLLOW High School has been rated satisfactory."
    )
    assert list(clusters(text)) == ["oakhollow high"]
    text = "Ashdyke Infant School and Ashdyke Junior School were both inspected."
    assert len(clusters(text)) == 2


def test_a_home_name_needs_a_childrens_home_article() -> None:
    assert ("Alder House", "home") in names(
        "Alder House, a children's home in Pellow, was inspected in May."
    )
    assert names("The minister spoke at Alder House in London.") == []


def test_apposition_names_an_untyped_body() -> None:
    found = names(
        "The Larches, a three-bedroom children's home run by Brook Care Ltd, was rated good."
    )
    assert ("The Larches", "home") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Amy Reed, Leader of the Council, welcomed the report.",
        "The council's Cabinet met in the Council Chamber on Tuesday.",
        "Parents can contact the Local Democracy Reporting Service.",
        "She joined the Harwood Academy Trust in 2019.",
        "Questions were raised about Council Tax in the city.",
    ],
)
def test_not_bodies(sentence: str) -> None:
    assert names(sentence) == []


def test_role_titles_are_not_swallowed_into_names() -> None:
    found = names("Cllr Jo Hart, Leader of Marlowford City Council, said she was delighted.")
    assert found == [("Marlowford City Council", "council")]


def test_short_name_mentions_join_the_body() -> None:
    text = (
        "Ofsted has judged Brantwood Metropolitan Borough Council's children's services "
        "inadequate.\n\nBRANTWOOD\n\nBrantwood's cabinet member said she was sorry."
    )
    doc = run(text)
    keys = {s._.ofsted_body for s in doc.spans["bodies"]}
    assert keys == {"brantwood"}
    assert len(doc.spans["bodies"]) == 3
    cluster = clusters(text)["brantwood"]
    assert cluster.fullest().text == "Brantwood Metropolitan Borough Council"


def test_fullest_form_prefers_the_remits_kind() -> None:
    text = (
        "The Oxmere local area partnership, which includes Oxmere Borough Council, was inspected."
    )
    cluster = clusters(text)["oxmere"]
    assert cluster.fullest(("send", "council")).text == "Oxmere local area partnership"
    assert cluster.fullest(("council",)).text == "Oxmere Borough Council"


def test_names_in_page_furniture_are_ignored() -> None:
    text = (
        "Kenley rated good\n\nKenley Borough Council has been rated good.\n\n"
        "Related articles\nHolt Primary School rated outstanding\n"
    )
    assert "holt primary school" not in clusters(text)


@pytest.mark.parametrize(
    ("sentence", "visit", "strong"),
    [
        ("Ofsted found progress following a monitoring visit in May.", "monitoring_visit", True),
        ("It was the council's third monitoring visit since 2022.", "monitoring_visit", True),
        ("Focused visits do not result in a grade.", "focused_visit", False),
        ("Inspectors carried out an ungraded inspection of Hope Street School.", "ungraded", True),
        (
            "The partnership received the findings of a joint targeted area inspection.",
            "joint_targeted",
            True,
        ),
    ],
)
def test_visits_reported(sentence: str, visit: str, strong: bool) -> None:
    doc = run(sentence)
    spans = list(doc.spans["visits"])
    assert [(s.label_, s._.ofsted_strong) for s in spans] == [(visit, strong)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors will visit regularly from now on through monitoring visits.",
        "A monitoring inspection is expected in the spring.",
        "Inspectors will continue to check progress through focused visits.",
    ],
)
def test_visits_still_to_come_are_not_visits(sentence: str) -> None:
    doc = run(sentence)
    assert list(doc.spans["visits"]) == []


def test_may_the_month_is_not_may_the_modal() -> None:
    doc = run("Inspectors carried out a monitoring visit in May.")
    spans = doc.spans["visits"]
    assert [s.label_ for s in spans] == ["monitoring_visit"]


def test_capitalised_junk_stays_linear() -> None:
    words = ["Alpha", "Council", "School", "Of", "And", "Beta", "College", "Ltd"]
    text = " ".join(words[i % len(words)] for i in range(20_000))
    start = time.perf_counter()
    run(text)
    assert time.perf_counter() - start < 10


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Kelby",
                "Borough",
                "Council",
                "School",
                "of",
                "and",
                "The",
                "'s",
                ",",
                ".",
                "\n",
                "childminder",
                "Ann",
                "Lee",
                "a",
                "children's",
                "home",
                "House",
                "local",
                "area",
                "partnership",
            ]
        ),
        max_size=80,
    )
)
def test_body_spans_are_exact(words: list[str]) -> None:
    text = " ".join(words)
    doc = run(text)
    for span in doc.spans["bodies"]:
        assert text[span.start_char : span.end_char] == span.text
        assert span._.ofsted_body in doc._.ofsted_bodies


def test_a_childminder_named_in_the_next_sentence() -> None:
    text = (
        "Childminder keeps top grade\n\nBy Owen Tranter\n\n"
        "A Tolby childminder has been rated outstanding by Ofsted.\n\n"
        "Jessamy Trelawney, who has cared for children at her home for nine years, was "
        "inspected in May."
    )
    assert names(text) == [("Jessamy Trelawney", "childminder")]


@pytest.mark.parametrize(
    "text",
    [
        # the name after the graded sentence is a byline, not the childminder
        "A Tolby childminder has been rated good by Ofsted.\nOwen Tranter, Education Reporter\n",
        # no grade in the sentence about a childminder
        "A Tolby childminder has opened a second setting. Jessamy Trelawney, who runs it, said "
        "she was delighted.",
    ],
)
def test_no_childminder_without_a_graded_sentence_and_a_subject_name(text: str) -> None:
    assert [n for n in names(text) if n[1] == "childminder"] == []


def test_a_childminder_in_apposition() -> None:
    text = "Ofsted rated a childminder, Jessamy Trelawney-Quaye, outstanding last month."
    assert ("Jessamy Trelawney-Quaye", "childminder") in names(text)


def test_a_name_with_an_ampersand_and_no_head_word() -> None:
    text = "We are proud that Fox & Hound Adoption has been judged outstanding by Ofsted."
    assert ("Fox & Hound Adoption", "named") in names(text)


def test_a_short_name_as_the_subject_joins_the_full_name() -> None:
    text = (
        "Home > News > Hazel Barn rated Outstanding!\n\nHazel Barn rated Outstanding!\n\n"
        "We are delighted that Hazel Barn Day Nursery has been graded Outstanding."
    )
    found = clusters(text)
    assert list(found) == ["hazel barn nursery"]
    assert {f.text for f in found["hazel barn nursery"].forms} >= {
        "Hazel Barn",
        "Hazel Barn Day Nursery",
    }


def test_our_lady_names_keep_their_first_words() -> None:
    text = "Our Lady of the Valley Catholic Primary School has been rated good."
    assert names(text) == [("Our Lady of the Valley Catholic Primary School", "school")]


@pytest.mark.parametrize(
    ("sentence", "past"),
    [
        ("The provider had received a monitoring visit, which found reasonable progress.", True),
        ("An earlier focused visit looked at children in care.", True),
        ("A monitoring visit in 2018 found reasonable progress.", 2018),
        ("Ofsted found progress following a monitoring visit last month.", False),
    ],
)
def test_a_visit_in_the_past_is_marked(sentence: str, past: object) -> None:
    doc = run(sentence)
    (span,) = doc.spans["visits"]
    assert span._.ofsted_past == past


def test_a_processed_doc_serialises_and_keeps_its_findings() -> None:
    text = (
        "Kelby Borough Council has been rated good, up from requires improvement in 2019. "
        "Help and protection was judged outstanding. Kelby's monitoring visit in 2021 "
        "found progress."
    )
    doc = run(text)
    restored = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [(s.label_, s._.ofsted_role, s._.ofsted_year) for s in restored.spans["grades"]] == [
        (s.label_, s._.ofsted_role, s._.ofsted_year) for s in doc.spans["grades"]
    ]
    assert [s._.ofsted_grade for s in restored.spans["areas"]] == [
        s._.ofsted_grade for s in doc.spans["areas"]
    ]
    assert [s._.ofsted_body for s in restored.spans["bodies"]] == ["kelby", "kelby"]
    assert [s._.ofsted_past for s in restored.spans["visits"]] == [2021]
    assert set(restored._.ofsted_bodies) == {"kelby"}


def test_names_in_an_inline_promotion_are_not_bodies() -> None:
    text = (
        "Kelby College was rated good.\n\nSEE ALSO: Orton Sixth Form College rated "
        "outstanding\n\nInspectors judged leadership good."
    )
    assert "orton sixth form college" not in clusters(text)
    assert "kelby college" in clusters(text)


# -- speed machinery: the fast paths against the plain code they replaced -------------

from ofsted_extract.components import bodies as bodies_module  # noqa: E402
from ofsted_extract.components.grades import token_table  # noqa: E402


def _plain_walk_left(
    comp: bodies_module.Bodies, d: bodies_module._Doc, end: int, lo: int,
    initial_the: bool = False,
) -> int:
    """``Bodies._walk_left`` as first written (the name-word test after the others)."""
    i = end - 1
    start = end
    taken = 0
    while i >= lo and taken < bodies_module.MAX_NAME_TOKENS:
        text = d.word(i)
        if d.space[i]:
            if "\n" not in text and len(text) <= 2 and start == i + 1:
                i -= 1
                continue
            break
        if text in bodies_module._CLITICS and i > lo and not d.ws(i - 1):
            i -= 1
            continue
        if text == "-" and not d.ws(i) and i > lo and not d.ws(i - 1):
            i -= 1
            continue
        if d.name_word(i):
            start = i
            taken += 1
            i -= 1
            continue
        low = d.low[i]
        if (low in comp.joiners or text in ("AND", "OF")) and start == i + 1:
            if i > lo and d.name_word(i - 1):
                if low == "of" and d.word(i - 1) not in comp.of_after:
                    break
                if d.low[i - 1] in comp.heads:
                    break
                i -= 1
                continue
            break
        if low == "of" and start == i + 1 and i > lo and d.word(i - 1) in comp.of_after:
            i -= 1
            continue
        if low == "the" and start == i + 1 and i > lo + 1 and d.low[i - 1] == "of" \
                and d.word(i - 2) in comp.of_after:
            i -= 2
            continue
        break
    while start < end:
        word = d.word(start)
        if word == "The" and start + 1 < end and (initial_the or start not in d.sent_starts):
            break
        low = word.lower()
        if low == "our" and start + 1 < end and d.word(start + 1) == "Lady":
            break
        if low in comp.stop_leading or low in comp.joiners or low in ("of", "'s", "-", "’s"):
            start += 1
            continue
        break
    return start


_NAME_PIECES = [
    "Farley", "St", "Mary", "Our", "Lady", "of", "the", "The", "and", "AND", "OF", "&", "'s",
    "’s", "-", "Pre", "School", "Council", "Isle", "Wight", "a", "rated", ",", ".", " ", "  ",
    "\xa0", "\n", "Élan", "123", "ÉCOLE", "x",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=14), st.data())
def test_walk_left_is_the_plain_walk(pieces: list[str], data: st.DataObject) -> None:
    pipeline = nlp()
    comp = pipeline.get_pipe("ofsted_bodies")
    text = " ".join(pieces)
    doc = pipeline(text)
    d = bodies_module._Doc(doc, comp.index)
    n = len(doc)
    end = data.draw(st.integers(0, n))
    lo = data.draw(st.integers(0, max(0, end)))
    the = data.draw(st.booleans())
    assert comp._walk_left(d, end, lo, the) == _plain_walk_left(comp, d, end, lo, the)
    # the words the rules read come from the table the phrase index fills
    for what in ("head", "verb", "childminder"):
        assert d.words(what) == comp.index.words(doc, what)
    assert token_table(doc) is d.table


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=8),
    st.sampled_from(["council", "send", "jtai", "school", "named", "home", "provider"]),
)
def test_remembered_keys_are_the_keys(words: list[str], kind: str) -> None:
    comp = nlp().get_pipe("ofsted_bodies")
    plain = comp._make_key_and_short(words, kind)
    assert comp._key_and_short(words, kind) == plain
    assert comp._key_and_short(list(words), kind) == plain  # remembered


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Kestrel Vale Fostering, an independent fostering agency with offices in Dunmere, "
            "was inspected in May.",
            "Kestrel Vale Fostering",
        ),
        (
            "Hearthwood Family Placements, a voluntary adoption agency, has been rated good.",
            "Hearthwood Family Placements",
        ),
        (
            "Staff at Fenwick Lane Adoption were praised. It is a voluntary adoption agency.",
            "Fenwick Lane Adoption",
        ),
    ],
)
def test_a_fostering_or_adoption_agency_is_a_body(sentence: str, name: str) -> None:
    assert (name, "agency") in names(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a person described by a job at such a body is not the body
        "Ashwin Marlow, a foster carer with the fostering agency, said it was good.",
        "Kit Lowe, a nursery manager in Dunmere, said the visit went well.",
        "Jo Hart, a governor of the school, said it had improved.",
        # no name before the head word, and no agency in the article
        "The Head of Fostering said the service was rated good.",
        "Dunmere Fostering hosts a coffee morning on Friday.",
    ],
)
def test_no_agency_or_apposition_body_where_there_is_none(sentence: str) -> None:
    assert names(sentence) == []


def test_a_street_is_not_the_subject_beside_the_body_it_locates() -> None:
    found = names(
        "Bramblewick Nursery on Tanner Street has been judged outstanding following its "
        "inspection on 4 March."
    )
    assert found == [("Bramblewick Nursery", "nursery")]
    assert names("Tiny Steps, Mill Lane, was judged good by the inspector.") == []
    # a name ending in a street word is still a subject when it is not an address
    assert ("Little Wrens Copley", "named") in names(
        "In Dunmere, Little Wrens Copley was judged good at its inspection."
    )


def test_a_quoted_headline_word_is_no_part_of_a_name() -> None:
    assert names("'CHAOS' ACADEMY PUT IN SPECIAL MEASURES\n\nThe school was inspected.") == []
    assert names("‘Chaos’ Academy put in special measures.") == []
    # a possessive apostrophe still is
    assert ("St James' School", "school") in names("Pupils at St James' School were told.")
    assert ("St James' School", "school") in names("'Pupils at St James' School are safe.'")


def test_a_pupil_referral_unit_in_apposition_is_a_school() -> None:
    assert ("Brookhollow Centre", "school") in names(
        "Brookhollow Centre, a pupil referral unit for 40 pupils, was rated good."
    )


def test_a_headline_noun_before_a_byline_names_no_body() -> None:
    # 'grades' closes the standfirst; the byline on the next line is no object of it
    text = (
        "Inspectors hand out fewer top grades\n\n"
        "By Marguerite Okonjo-Fell, Schools Reporter\n\n"
        "Pellowby Grammar School has been rated good."
    )
    assert names(text) == [("Pellowby Grammar School", "school")]
    # on one line the object is still read: 'the inspector rated Little Wrens Copley good'
    assert ("Little Wrens Copley", "named") in names(
        "Last month the inspector rated Little Wrens Copley Good."
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("ST AIDRIC'S C of E PRIMARY SCHOOL, MARTLEBY\n\nOur school news.",
         "ST AIDRIC'S C of E PRIMARY SCHOOL"),
        ("Pupils at St Aidric's C of E Primary School were told.",
         "St Aidric's C of E Primary School"),
    ],
)
def test_a_c_of_e_school_keeps_its_whole_name(sentence: str, name: str) -> None:
    assert (name, "school") in names(sentence)


def test_the_leader_of_a_council_is_still_no_part_of_its_name() -> None:
    # 'of' joins after 'C' only: 'Leader of Marlowby City Council' keeps the role out
    assert names("Leader of Marlowby City Council Jo Hart said it was good news.") == [
        ("Marlowby City Council", "council")
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Little Acorns Haverleigh, which opened in 2021 and was inspected for the first time "
         "on 3 May, was rated good.", "Little Acorns Haverleigh"),
        ("Sunbeam Corner Fennick, a 60-place setting above a parade of shops, was judged "
         "outstanding.", "Sunbeam Corner Fennick"),
    ],
)
def test_a_named_subject_before_a_relative_clause_or_apposition(sentence: str, name: str) -> None:
    assert (name, "named") in names(sentence)


def test_no_named_subject_before_a_list_or_an_unrelated_comma() -> None:
    # two commas inside: a list, not one clause set off from its subject
    assert names("Parents in Fennick, Haverleigh and Copley, said the nursery was rated good.") \
        == []
    assert names("However, it was rated good.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Support for care leavers in Quarnby is improving, Quarnby's director of children's "
        "services said.",
        "Quarnby children's services were praised for their work.",
    ],
)
def test_a_place_owning_childrens_services_is_a_council(sentence: str) -> None:
    found = clusters(sentence)
    assert "quarnby" in found
    assert found["quarnby"].kinds == {"council"}


@pytest.mark.parametrize(
    "sentence",
    [
        "England's children's services are under strain, the report said.",
        "Ofsted's director of children's services inspection spoke.",
        "The council's children's services were praised.",
        "Quarnby Borough Council's children's services were praised.",
        "Interim Director of Children's Services Ife Adeyemi spoke.",
        "Praise For Quarnby Children's Services\n\nThe report was read.",
        "Ofsted Inspection of Local Authority Children's Services: outcome",
    ],
)
def test_no_bare_place_council_from_a_country_an_owner_or_a_full_name(sentence: str) -> None:
    found = clusters(sentence)
    assert not {"england", "ofsted", "interim", "authority", "praise for quarnby"} & set(found)
    assert all(c.kinds != {"council"} or "Council" in c.fullest().text for c in found.values())


@pytest.mark.parametrize(
    "sentence",
    [
        "Oriel Vantongeren has been confirmed as chair of governors.",
        "Oriel Vantongeren was confirmed as the trust's new chief executive.",
        "The trust board confirmed Oriel Vantongeren as interim headteacher.",
    ],
)
def test_a_person_confirmed_in_a_role_is_not_a_body(sentence: str) -> None:
    assert names(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Puddle Ducks Ashcombe has been confirmed as outstanding.",
        "Puddle Ducks Ashcombe was confirmed as a good provider.",
        "Inspectors confirmed Puddle Ducks Ashcombe as requires improvement.",
        "Puddle Ducks Ashcombe has been confirmed good.",
    ],
)
def test_a_body_confirmed_as_a_grade_is_still_a_body(sentence: str) -> None:
    assert ("Puddle Ducks Ashcombe", "named") in names(sentence)


def test_a_person_confirmed_in_a_role_stays_a_person_in_the_record() -> None:
    from ofsted_extract import extract

    record = extract(
        "Tansley Moor Primary School rated good\n\n"
        "Tansley Moor Primary School in Brackwick has been rated good by Ofsted.\n\n"
        "Oriel Vantongeren has been confirmed as chair of governors.\n"
    )
    assert [i.subject for i in record.inspections] == ["Tansley Moor Primary School"]
    assert ("Oriel Vantongeren", "chair of governors") in [
        (p.name, p.role) for p in record.people
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fernhollow Lodge, the council's pupil referral unit, has been judged good.",
        "Thornbeck, the local authority's own pupil referral unit, was rated outstanding.",
    ],
)
def test_the_councils_own_provider_in_apposition_is_a_body(sentence: str) -> None:
    # 'the council's' describes the name as surely as 'a' does: the name is the provider
    assert names(sentence) == [(sentence.split(",")[0], "school")]


@pytest.mark.parametrize(
    "sentence",
    [
        # a role at the council's unit: the person is no unit
        "Priya Dunmore, the council's pupil referral unit manager, said she was proud.",
        # more than the council between 'the' and the kind
        "Fernhollow Lodge, the council's new and much bigger pupil referral unit, opened.",
    ],
)
def test_no_body_from_a_role_or_a_long_description_after_the_councils(sentence: str) -> None:
    assert names(sentence) == []


@pytest.mark.parametrize("headline", ["FOSTERING SERVICE RATED GOOD", "Adoption Service Praised"])
def test_a_bare_fostering_or_adoption_service_names_no_body(headline: str) -> None:
    assert names(headline + "\n\nThe report was published today.") == []


def test_a_named_fostering_service_is_still_a_body() -> None:
    assert names("Aldgrove Fostering Service has been rated outstanding.") == [
        ("Aldgrove Fostering Service", "service")
    ]


_SERVICE_PIECES = [
    "Tarnbury's", "Tarnbury", "TARNBURY", "director of", "Director of", "children's services",
    "Children's Services", "children’s social care", "children's services department",
    "children", "childrens", "the", "İ", "\n", ", ", " ", "Kelby's director of",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SERVICE_PIECES), min_size=1, max_size=10))
def test_services_phrases_are_found_as_a_scan_of_the_whole_text_finds_them(
    pieces: list[str],
) -> None:
    # the word-led search must find exactly what a regex scan of every position finds
    comp = nlp().get_pipe("ofsted_bodies")
    text = " ".join(pieces)
    plain = [m.span() for m in comp.services_after.finditer(text)]
    assert [m.span() for m in comp._services_phrases(text, text.lower())] == plain


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("We are thrilled that Little Bramblings at Quarndle has been rated Outstanding.",
         "Little Bramblings at Quarndle"),
        ("Busy Wrens at Hollybury Park was judged good by Ofsted in May.",
         "Busy Wrens at Hollybury Park"),
    ],
)
def test_a_chain_nurserys_branch_at_a_place_is_one_name(sentence: str, name: str) -> None:
    from ofsted_extract import extract

    assert [i.subject for i in extract(sentence + "\n").inspections] == [name]


def test_one_word_before_at_and_a_place_is_no_name() -> None:
    from ofsted_extract import extract

    record = extract("Staff at Quarndle have been rated outstanding by parents.\n")
    assert not any("Staff" in (i.subject or "") for i in record.inspections)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("We are delighted that Wrenfold at Pellbury has been rated Good by Ofsted.",
         "Wrenfold at Pellbury"),
        # opening the sentence, the one word is a name because the page writes it as one
        ("Nursery news\n\nWrenfold at Pellbury has been rated Outstanding by Ofsted.\n\n"
         "Parents thanked the staff at Wrenfold for their care.",
         "Wrenfold at Pellbury"),
    ],
)
def test_a_one_word_chain_name_at_a_place_is_one_name(sentence: str, name: str) -> None:
    from ofsted_extract import extract

    assert [i.subject for i in extract(sentence + "\n").inspections] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Teaching at Pellbury was judged good by inspectors.",
        "Parents At Pellbury Rated Good\n\nThe survey was published on Monday.",
    ],
)
def test_a_common_word_or_a_title_case_at_is_no_chain_name(text: str) -> None:
    from ofsted_extract import extract

    subjects = [i.subject or "" for i in extract(text + "\n").inspections]
    assert not any(" at " in s.lower() for s in subjects)


@pytest.mark.parametrize(
    "sentence",
    [
        "Quenby Tuition Hub, the pupil referral unit that teaches excluded pupils, has been "
        "rated good.",
        "Quenby Tuition Hub, the only pupil referral unit in Marlshire, was judged good.",
    ],
)
def test_a_name_set_beside_the_kind_of_body_it_is_names_that_body(sentence: str) -> None:
    assert ("Quenby Tuition Hub", "school") in names(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jo Hartley, the school caretaker, said everyone was proud.",
        "Jo Hartley, the nursery's cook, said everyone was proud.",
        "Jo Hartley, the nursery manager, said everyone was proud.",
    ],
)
def test_a_person_given_a_job_at_the_kind_of_body_is_no_body(sentence: str) -> None:
    assert not any("Hartley" in name for name, _ in names(sentence))


def test_a_childrens_centre_with_a_capitalised_name_is_an_early_years_body() -> None:
    from ofsted_extract import extract

    assert names("Inspectors visited Pellow Green Children's Centre in May.") == [
        ("Pellow Green Children's Centre", "nursery")
    ]
    (found,) = extract(
        "Pellow Green Children's Centre rated good\n\nPellow Green Children's Centre, in "
        "Mardle Road, has been judged good by Ofsted.\n"
    ).inspections
    assert (found.subject, found.remit) == ("Pellow Green Children's Centre", "early_years")


def test_a_place_before_a_lower_case_childrens_centre_names_no_centre() -> None:
    assert not any(
        "centre" in name.lower()
        for name, _ in names("A Ravensby children's centre was inspected in May.")
    )


def test_a_learning_centre_is_a_body_whose_remit_its_text_decides() -> None:
    from ofsted_extract import extract

    (unit,) = extract(
        "Unit rated good\n\nQuenby Learning Centre has been rated good by Ofsted. Its pupils "
        "have all been excluded from school.\n"
    ).inspections
    assert (unit.subject, unit.remit) == ("Quenby Learning Centre", "school")
    (adults,) = extract(
        "Adult learners praised\n\nLearners at Quenby Adult Learning Centre enjoy their "
        "courses, and the centre has been rated good by Ofsted.\n"
    ).inspections
    assert (adults.subject, adults.remit) == ("Quenby Adult Learning Centre", "further_education")
    assert not any(
        "centre" in name.lower()
        for name, _ in names("A Tarnwick learning centre has been rated good.")
    )


def test_a_plan_as_a_noun_is_no_visit_to_come() -> None:
    # 'a child protection plan' names a plan, not a future; 'plans to' still does
    doc = run(
        "The letter follows a focused visit to Quarnby's services for children subject "
        "to a child protection plan or an early help plan, carried out in March."
    )
    assert [s.label_ for s in doc.spans["visits"]] == ["focused_visit"]
    doc = run("Ofsted plans to carry out a focused visit to the Tellow front door.")
    assert list(doc.spans["visits"]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the report, published last Thursday, the school was rated good for "
        "inclusion.",
        "In March, a nursery in Eldby was rated outstanding, and Pennock Farm Primary School "
        "was rated good for inclusion.",
    ],
)
def test_a_day_or_month_before_a_described_kind_is_no_body(sentence: str) -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Pennock Farm Primary School in Wrelby has had its first report card.\n\n" + sentence
        + "\n"
    )
    assert [i.subject for i in record.inspections] == ["Pennock Farm Primary School"]
    (inspection,) = record.inspections
    assert [a.area for a in inspection.areas] == ["inclusion"]


def test_a_name_before_the_kind_it_is_stays_a_body() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Thursfield Lodge, the pupil referral unit in Wrelby, has been rated good by Ofsted.\n"
    )
    assert [i.subject for i in record.inspections] == ["Thursfield Lodge"]


def test_a_capitalised_pupil_referral_unit_is_a_school() -> None:
    assert ("Wendleford Pupil Referral Unit", "school") in names(
        "Ofsted inspectors visited Wendleford Pupil Referral Unit in March.\n"
    )


def test_a_pupil_referral_unit_is_inspected_as_a_school() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "Inspectors visited Wendleford Pupil Referral Unit, which serves the north of the "
        "county, on 4 and 5 March 2015.\n\nTheir report judged the unit to be good. The "
        "unit's previous inspection, in 2012, rated it satisfactory.\n"
    )
    (inspection,) = record.inspections
    assert inspection.subject == "Wendleford Pupil Referral Unit"
    assert inspection.remit == "school"
    assert inspection.overall is not None and inspection.overall.grade == "good"


def test_a_lower_case_pupil_referral_unit_is_a_kind_of_place() -> None:
    # 'a Wendleford pupil referral unit' describes a place, it names no body
    assert not [
        n for n in names("Parents said a Wendleford pupil referral unit was rated good.\n")
        if "referral" in n[0].lower()
    ]


def test_a_name_in_a_capitals_headline_is_the_body_named_in_mixed_case() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "GLOWING REPORT FOR ASHWELLBY SCHOOL\n\nAshwellby School, the county's special "
        "school for pupils aged 3 to 16, has been judged outstanding by Ofsted.\n\n"
        "Inspectors visited the school on 4 and 5 May 2011. The school was last inspected "
        "in 2008, when it was judged good.\n"
    )
    assert [i.subject for i in record.inspections] == ["Ashwellby School"]


def test_a_capitals_name_of_its_own_is_not_folded_into_a_shorter_one() -> None:
    # no headline word ("for", "at") stands before the shorter name: two bodies
    found = clusters(
        "WHITBY ROAD NURSERY RATED GOOD\n\nRoad Nursery and Whitby Road School were "
        "inspected.\n"
    )
    assert any(f.text == "WHITBY ROAD NURSERY" for c in found.values() for f in c.forms)
    assert not any(
        {f.text for f in c.forms} >= {"WHITBY ROAD NURSERY", "Road Nursery"}
        for c in found.values()
    )


def test_a_name_known_locally_as_another_is_one_body() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "TROUBLE AT TOWER ACADEMY\n\nRedmarsh Valley Community Academy, known locally as "
        "Tower Academy, has been rated inadequate by Ofsted after inspectors visited in "
        "March 2016.\n\nTower Academy was judged good when it was last inspected in 2012.\n"
    )
    assert [i.subject for i in record.inspections] == ["Redmarsh Valley Community Academy"]


@pytest.mark.parametrize("phrase", ["also known as", "known as", "(known locally as"])
def test_known_as_makes_the_second_name_an_alias_of_the_first(phrase: str) -> None:
    found = clusters(
        f"Redmarsh Valley Community Academy {phrase} Tower Academy was rated good.\n"
    )
    academies = [c for c in found.values() if "academy" in c.fullest().text.lower()]
    assert len(academies) == 1
    assert academies[0].fullest().text == "Redmarsh Valley Community Academy"


def test_known_as_between_a_person_and_a_school_merges_nothing() -> None:
    # "known as" after a word that is no body links no names
    found = clusters(
        "The head, known as Mrs Flint to pupils, said Tower Academy and Redmarsh Valley "
        "Community Academy were both rated good.\n"
    )
    assert len(found) == 2


@pytest.mark.parametrize("suffix", ["Ltd", "Limited"])
def test_a_company_suffix_leaves_the_key_of_its_name(suffix: str) -> None:
    # 'X Academy Ltd' and 'X Academy' (a headline drops the suffix): one body
    found = clusters(
        f"Ofsted rated Quillstone Care Academy {suffix} good. Quillstone Care Academy "
        "said staff were proud.\n"
    )
    assert len(found) == 1


def test_ltd_does_not_fold_two_different_companies_together() -> None:
    # only the suffix is ignored: another name's other words still tell them apart
    found = clusters(
        "Quillstone Care Academy Ltd was rated good and Quillstone Care College was "
        "rated outstanding.\n"
    )
    assert len(found) == 2


def test_the_centre_named_in_an_article_about_a_pupil_referral_unit_is_a_body() -> None:
    from ofsted_extract.extractor import extract

    record = extract(
        "A Dunmere pupil referral unit has been rated good by Ofsted.\n\n"
        "The Hollyfold Centre teaches about 40 pupils who have been excluded from school. "
        "Inspectors found leadership to be good.\n"
    )
    assert [i.subject for i in record.inspections] == ["The Hollyfold Centre"]


@pytest.mark.parametrize(
    "sentence",
    [
        # no 'the' before the name
        "Pupils from the pupil referral unit visited Hollyfold Centre, which was rated good.\n",
        # a leisure centre in an article about a pupil referral unit
        "The pupil referral unit, rated good, uses the Hollyfold Leisure Centre for sport.\n",
        # no pupil referral unit in the article: a centre is no school
        "Ofsted rated the school good. The Hollyfold Centre hosted the celebration.\n",
    ],
)
def test_a_centre_is_no_body_without_the_and_a_pupil_referral_unit(sentence: str) -> None:
    assert not [n for n in names(sentence) if "Centre" in n[0]]
