"""People, roles and organisations: team-written sentences for each form and each trap."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ofsted_extract import extract
from ofsted_extract.components.people import (
    _HARD_BREAK,
    _LAST_HARD_BREAK,
    NAME_RUN,
    NAME_RUN_AT_WORD,
    NAME_WORD,
    PeopleFinder,
    build_lexicon,
    trie_pattern,
)
from ofsted_extract.record import Person, Record


def people(text: str) -> dict[str, Person]:
    return {p.name: p for p in extract(text).people}


def one(text: str, name: str) -> Person:
    found = people(text)
    assert name in found, f"{name!r} not in {sorted(found)}"
    return found[name]


# -- honorifics ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "honorific"),
    [
        ('Cllr Tom Reed said: "We are proud of every child in Ashcombe."', "Tom Reed", "Cllr"),
        (
            'Councillor Ann Wivelsby said: "The warning signs were there for years."',
            "Ann Wivelsby",
            "Councillor",
        ),
        (
            'Dr Nia Owusu said: "Our staff deserve this result and so do the children."',
            "Nia Owusu",
            "Dr",
        ),
        (
            'Sir Lionel Pettifer said: "It is a fine day for the whole county."',
            "Lionel Pettifer",
            "Sir",
        ),
        ('Mrs Gwen Tatlow said: "We will keep working hard for our pupils."', "Gwen Tatlow", "Mrs"),
        (
            'Professor Ada Linwood said: "The evidence points the same way every year."',
            "Ada Linwood",
            "Professor",
        ),
        (
            'The Rev Simeon Hart said: "We are a small school with a big heart."',
            "Simeon Hart",
            "The Rev",
        ),
    ],
)
def test_honorific_and_name(sentence: str, name: str, honorific: str) -> None:
    person = one(sentence, name)
    assert person.honorific == honorific
    assert len(person.quotes) == 1


def test_surnames_with_hyphen_apostrophe_and_mac() -> None:
    text = (
        "Cllr Bryony Kaur-Whitley, cabinet member for schools, said the report was fair.\n\n"
        "Dr Niamh O'Rourke, the trust's chief executive, welcomed the findings.\n\n"
        "Mr Fergus McAteer, chair of governors, said he was delighted.\n\n"
        "Ms Iona MacLeish, headteacher, said the school would celebrate."
    )
    found = people(text)
    assert {"Bryony Kaur-Whitley", "Niamh O'Rourke", "Fergus McAteer", "Iona MacLeish"} <= set(
        found
    )
    assert found["Fergus McAteer"].role == "chair of governors"


def test_clergy_keep_the_before_a_chain_of_honorifics() -> None:
    text = (
        "Trustee chair the Rev. Canon Hezekiah Amankwah-Boyd said the board was "
        '"immensely proud of every family we have worked with".'
    )
    person = one(text, "Hezekiah Amankwah-Boyd")
    assert person.role == "Trustee chair"
    assert person.honorific == "Rev Canon"
    assert len(person.quotes) == 1


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Father Ciarán Ó Ceallaigh, parish priest and chair of governors, said it was "
            '"a day the whole parish will remember".',
            "Ciarán Ó Ceallaigh",
            "parish priest and chair of governors",
        ),
        (
            'Siobhán Ní Dhuibhir, deputy headteacher, said: "The children have earned this."',
            "Siobhán Ní Dhuibhir",
            "deputy headteacher",
        ),
        (
            'Łucja Wiśniewska, nursery manager, said: "Every child here is known and loved."',
            "Łucja Wiśniewska",
            "nursery manager",
        ),
    ],
)
def test_names_with_letters_beyond_ascii_and_gaelic_particles(
    sentence: str, name: str, role: str
) -> None:
    person = one(sentence, name)
    assert person.role == role
    assert len(person.quotes) == 1


def test_lay_role_before_a_first_name_only() -> None:
    text = (
        "Adopter Sam, who adopted two brothers through the agency in 2019, said: "
        '"They stood by us on the hardest days."\n\n'
        'Foster carer Bronwen said the training was "the best we have ever had".'
    )
    found = people(text)
    assert (found["Sam"].role, [q.text for q in found["Sam"].quotes]) == (
        "Adopter",
        ["They stood by us on the hardest days."],
    )
    assert found["Bronwen"].role == "Foster carer"
    assert "Adopter Sam" not in found


def test_a_lay_role_word_before_a_capitalised_noun_is_not_a_person() -> None:
    text = (
        "Student Voice, which meets every fortnight, said pupils felt safe.\n\n"
        "Pupil Premium funding, which the school receives for 80 children, was praised."
    )
    assert extract(text).people == []


def test_full_name_at_the_start_of_a_sentence_joins_the_later_honorific_mentions() -> None:
    text = (
        "Delphine Trewin, who has cared for children at her home for 12 years, was inspected "
        "in May.\n\n"
        'Ms Trewin said: "I do this because I love seeing the children grow."'
    )
    found = people(text)
    assert list(found) == ["Delphine Trewin"]
    assert found["Delphine Trewin"].honorific == "Ms"


def test_a_place_ending_in_the_surname_is_not_the_persons_name() -> None:
    text = (
        "The nursery moved to Orchard Trewin in 2020.\n\n"
        'Ms Trewin said: "I do this because I love seeing the children grow."'
    )
    assert list(people(text)) == ["Trewin"]


# -- role and organisation --------------------------------------------------------


def test_name_comma_role_at_organisation() -> None:
    person = one(
        "Councillor Hettie Marchant, Deputy Leader and Cabinet Member for Children, Families & "
        "Education "
        'at Ashcombe City Council, said: "We hold high hopes for every child in our care."',
        "Hettie Marchant",
    )
    assert person.role == "Deputy Leader and Cabinet Member for Children, Families & Education"
    assert person.organisation == "Ashcombe City Council"


def test_name_comma_role_of_organisation_without_comma_before_said() -> None:
    person = one(
        "Perdita Bexley, director of children's services at Tallow Borough Council said: "
        '"The report is a credit to our social workers."',
        "Perdita Bexley",
    )
    assert person.role == "director of children's services"
    assert person.organisation == "Tallow Borough Council"


def test_portfolio_is_role_not_organisation() -> None:
    person = one(
        "Dr Pritam Gill, Director of Children's Services, said the council would act quickly.",
        "Pritam Gill",
    )
    assert person.role == "Director of Children's Services"
    assert person.organisation is None


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Cabinet member for children Tom Reed said the findings were deeply disappointing.",
            "Tom Reed",
            "Cabinet member for children",
        ),
        (
            "Labour MP for Fenwold South Marta Quill said she had written to the minister.",
            "Marta Quill",
            "Labour MP for Fenwold South",
        ),
        (
            "Principal Dr Ines Varga said the grades were a fair reflection of the college.",
            "Ines Varga",
            "Principal",
        ),
        (
            "But Liberal Democrat group leader Cllr Jo Brightwell said the council should not "
            "celebrate.",
            "Jo Brightwell",
            "Liberal Democrat group leader",
        ),
        (
            "Parent Kezia Fenn, whose son is in Year 9, said the school had changed.",
            "Kezia Fenn",
            "Parent",
        ),
    ],
)
def test_role_before_name(sentence: str, name: str, role: str) -> None:
    assert one(sentence, name).role == role


def test_organisation_written_before_the_role() -> None:
    person = one(
        "Hexley County Council leader Cllr Morag Tully said the result was earned.", "Morag Tully"
    )
    assert (person.role, person.organisation) == ("leader", "Hexley County Council")


def test_organisation_name_written_before_the_role() -> None:
    text = (
        "National Association of Heads general secretary Piers Whitlam said the case showed "
        "why inspection needed reform."
    )
    person = one(text, "Piers Whitlam")
    assert (person.role, person.organisation) == (
        "general secretary",
        "National Association of Heads",
    )


def test_of_a_plural_noun_is_part_of_the_role() -> None:
    text = 'Father Oisin Toole, Chair of Governors, added: "This is a wonderful result for us all."'
    person = one(text, "Oisin Toole")
    assert (person.role, person.organisation) == ("Chair of Governors", None)


def test_short_name_before_the_role_expands_to_the_body_named() -> None:
    text = (
        "Pellow Training Ltd, which trains 600 apprentices, has been judged inadequate.\n\n"
        "Pellow managing director Perdita Rusk said the company accepted the findings in full."
    )
    person = one(text, "Perdita Rusk")
    assert (person.role, person.organisation) == ("managing director", "Pellow Training Ltd")


def test_possessive_organisation() -> None:
    person = one(
        "Lucan Quint, Ravensholt's director of children's services, said staff had earned it.",
        "Lucan Quint",
    )
    assert (person.role, person.organisation) == ("director of children's services", "Ravensholt")


def test_the_councils_role_resolves_to_the_council_named() -> None:
    text = (
        "Brindle Borough Council has been rated good by Ofsted.\n\n"
        "The council's chief executive, Sam Hill, said: \"This is the work of our whole staff "
        'team."'
    )
    person = one(text, "Sam Hill")
    assert person.role == "chief executive"
    assert person.organisation == "Brindle Borough Council"


def test_its_role_resolves_to_the_body_just_named() -> None:
    text = (
        "The Wexcombe Primary Partnership said it welcomed the report. "
        "Councillor Rhys Tandle, chair of its standards committee, said the schools had worked "
        "hard."
    )
    assert one(text, "Rhys Tandle").organisation == "Wexcombe Primary Partnership"


def test_acronym_organisation_resolves_to_full_name() -> None:
    text = (
        "The partnership includes NHS Orwell and Stour Integrated Care Board (ICB).\n\n"
        "Dr Saffron Kamara, chief nursing officer at the ICB, said waits were falling."
    )
    assert one(text, "Saffron Kamara").organisation == "NHS Orwell and Stour Integrated Care Board"


def test_majestys_chief_inspector_at_ofsted() -> None:
    person = one(
        "Sir Hugo Fairweatherby, His Majesty's Chief Inspector at Ofsted, said the picture was "
        "improving.",
        "Hugo Fairweatherby",
    )
    assert (person.role, person.organisation) == ("His Majesty's Chief Inspector", "Ofsted")


def test_descriptor_before_organisation_is_dropped() -> None:
    person = one(
        "Tamsin Vale, founder of the campaign group Families for Fair Grades, argued the change "
        "was overdue.",
        "Tamsin Vale",
    )
    assert (person.role, person.organisation) == ("founder", "Families for Fair Grades")


def test_organisation_in_a_relative_clause() -> None:
    text = (
        "Detective Inspector Tamsin Reeve, who leads on missing children for Corbury Police, "
        'said: "We meet every week with the council now."'
    )
    person = one(text, "Tamsin Reeve")
    assert (person.role, person.organisation) == ("Detective Inspector", "Corbury Police")


def test_short_name_in_a_relative_clause_expands_to_the_body_named() -> None:
    text = (
        "Little Puffins Day Nursery in Hollin Street has been rated outstanding.\n\n"
        "Manager Tess Ogilvie with children in the garden.\n\n"
        'Tess Ogilvie, who has managed Little Puffins since 2015, said: "We are over the moon."'
    )
    person = one(text, "Tess Ogilvie")
    assert (person.role, person.organisation) == ("Manager", "Little Puffins Day Nursery")


@pytest.mark.parametrize(
    "clause",
    ["who represents Abbey ward", "who previously ran Little Puffins", "who works with Jo Lane"],
)
def test_relative_clauses_that_do_not_name_an_employer(clause: str) -> None:
    text = f'Cllr Amos Treloar, {clause}, said: "This is a proud day for the town."'
    assert one(text, "Amos Treloar").organisation is None


def test_the_homes_manager_is_the_inspected_home_whatever_its_name() -> None:
    text = (
        "Fernlea Lodge, a children's home run by Kindleway Care Ltd, has been rated good by "
        "Ofsted after an inspection in March.\n\n"
        "The home's registered manager, Lowri Pennant, said staff were "
        '"proud of every young person who lives here".'
    )
    person = one(text, "Lowri Pennant")
    assert (person.role, person.organisation) == ("registered manager", "Fernlea Lodge")


def test_the_homes_manager_is_not_a_council_under_inspection() -> None:
    text = (
        "Kelbrook Borough Council's children's services have been rated good by Ofsted.\n\n"
        "The home's registered manager, Lowri Pennant, said staff were "
        '"proud of every young person who lives here".'
    )
    assert one(text, "Lowri Pennant").organisation is None


def test_a_former_role_is_not_the_role() -> None:
    text = (
        "Greyport Council has appointed Dr Obi Nwosu, a former director of children's services "
        "elsewhere, "
        "as its interim director while a permanent appointment is made."
    )
    person = one(text, "Obi Nwosu")
    assert person.role == "interim director"
    assert person.organisation == "Greyport Council"


def test_role_is_as_first_given() -> None:
    text = (
        "Cllr Yusra Azoulay, cabinet member for education, said the result was welcome.\n\n"
        "Cllr Azoulay, who is also deputy leader, later added that more work was needed."
    )
    assert one(text, "Yusra Azoulay").role == "cabinet member for education"


# -- documents laid out as lists and tables --------------------------------------


def test_officer_list_in_minutes_and_initial_merging_with_full_name() -> None:
    text = (
        "PRESENT: Councillor P. Odhiambo (Leader of the Council) (in the Chair)\n"
        "Officers in attendance: Chief Executive (Wilf Arden), Director of Place (Dr Marta "
        "Kowal)\n\n"
        "The Leader, Councillor Patience Odhiambo, thanked the staff and said that "
        "'every member should be proud of this service'."
    )
    found = people(text)
    assert found["Wilf Arden"].role == "Chief Executive"
    assert found["Marta Kowal"].role == "Director of Place"
    leader = found["Patience Odhiambo"]
    assert leader.role.startswith("Leader")
    assert [q.text for q in leader.quotes] == ["every member should be proud of this service"]
    assert "P. Odhiambo" not in found


def test_report_school_details_and_inspection_team_rows() -> None:
    text = (
        "School details\n\n"
        "Local authority                         Brackwater\n"
        "Chair of governing body                 Anwen Bevington\n"
        "Headteacher                             Oskar Lindahl\n\n"
        "Inspection team\n\n"
        "Bethany Crole, lead inspector            His Majesty's Inspector\n"
        "Jonas Weir                              Ofsted Inspector\n"
    )
    found = people(text)
    assert found["Anwen Bevington"].role == "Chair of governing body"
    assert found["Oskar Lindahl"].role == "Headteacher"
    assert found["Bethany Crole"].role == "lead inspector"
    assert found["Jonas Weir"].role == "Ofsted Inspector"
    assert "Brackwater" not in found


def test_minutes_role_with_a_department_after_a_comma() -> None:
    text = (
        "Officers in attendance: Chief Executive (Wilf Arden), Assistant Director, Early Help "
        "and Inclusion (Noor Hallaj), Democratic Services Officer (Ty Pugh)\n\n"
        "The Assistant Director, Early Help and Inclusion, explained the figures."
    )
    found = people(text)
    assert found["Noor Hallaj"].role == "Assistant Director, Early Help and Inclusion"
    assert found["Wilf Arden"].role == "Chief Executive"
    assert found["Ty Pugh"].role == "Democratic Services Officer"


def test_press_contact_at_the_foot_of_a_release() -> None:
    text = (
        "Ashwell Council's fostering service has been rated outstanding by Ofsted.\n\n"
        'Cllr Moira Dent said: "Our carers are simply wonderful people."\n\n'
        "ENDS\n\nNotes to editors\n1. The full report is on the Ofsted website.\n\n"
        "For media enquiries please contact Kwame Adjei-Brenya, Communications Officer, on "
        "01632 960 000 or email press@ashwell.example"
    )
    assert one(text, "Kwame Adjei-Brenya").role == "Communications Officer"


def test_contact_details_are_not_part_of_the_role() -> None:
    text = "Contact: Jory Penhale, Head of Performance and Improvement, tel. 01632 960 001"
    assert one(text, "Jory Penhale").role == "Head of Performance and Improvement"


def test_message_from_introduces_a_person() -> None:
    text = (
        "A message from Jude Amadi, Headteacher:\n\nWe are delighted to share our report with you."
    )
    assert one(text, "Jude Amadi").role == "Headteacher"


# -- one person, many mentions ---------------------------------------------------


def test_mentions_link_to_one_person_with_all_quotes() -> None:
    text = (
        'Ben Evans, chair of the Hallam Parents Forum, said: "We raised these concerns two years '
        'ago."\n\n'
        'Mr Evans added that the forum would meet the council. "Nobody listened to us then," he '
        "said.\n\n"
        'Later, Cllr Evans said: "I will make sure families are heard this time round."'
    )
    found = people(text)
    assert list(found) == ["Ben Evans"]
    person = found["Ben Evans"]
    assert person.honorific == "Mr"
    assert person.role == "chair"
    assert person.organisation == "Hallam Parents Forum"
    assert len(person.quotes) == 3


def test_two_people_with_one_surname_are_kept_apart_by_honorific() -> None:
    text = (
        'Mrs Leona Garvey, the headteacher, said: "We are proud of our pupils and staff."\n\n'
        "Her husband, Mr Dominic Garvey, who chairs the parents' association, said it was "
        '"brilliant news '
        'for the whole village".\n\n'
        '"It has been a long road for all of us," she said.'
    )
    found = people(text)
    assert {q.text for q in found["Leona Garvey"].quotes} == {
        "We are proud of our pupils and staff.",
        "It has been a long road for all of us,",
    }
    assert [q.text for q in found["Dominic Garvey"].quotes] == [
        "brilliant news for the whole village"
    ]


# -- traps -----------------------------------------------------------------------


def test_places_councils_schools_and_ofsted_are_not_people() -> None:
    text = (
        "Ashcombe City Council said it accepted the findings.\n\n"
        "A fourth council in the region, Plover Vale, was inspected in June.\n\n"
        "Larkfield Primary School, which has 200 pupils, said it was delighted.\n\n"
        "Apprenticeship provider Oxburgh Training Services Ltd said it would appeal.\n\n"
        "Ofsted said the findings were clear. Westmere Academy Trust said it would respond."
    )
    assert extract(text).people == []


def test_title_case_headline_is_not_read_as_names() -> None:
    text = (
        "Head Praises Staff After Ofsted Upgrade For Greenway School\n\nThe school was rated good."
    )
    assert extract(text).people == []


def test_people_without_role_or_quote_are_not_listed() -> None:
    text = "Apologies were received from Councillor D. Ingleby. Councillor Hatherley asked why."
    assert extract(text).people == []


def test_name_after_preposition_does_not_take_the_next_clauses_subject_as_role() -> None:
    text = "Asked by Councillor Pim Harrow, the Director of Place confirmed the funding."
    assert extract(text).people == []


def test_authors_are_never_people() -> None:
    text = (
        "Council praised by inspectors\n"
        "By Odile Fairchild, Local Democracy Reporter\n\n"
        'Cllr Aziz Karimov, leader of the council, said: "We are delighted with this result."'
    )
    record: Record = extract(text)
    assert record.authors == ["Odile Fairchild"]
    assert [p.name for p in record.people] == ["Aziz Karimov"]


def test_evidence_points_at_the_first_mention() -> None:
    text = (
        'Well done.\n\nCllr Vera Quennell, cabinet member for schools, said: "A great day for us."'
    )
    person = one(text, "Vera Quennell")
    assert (
        text[person.evidence.start : person.evidence.end]
        == person.evidence.text
        == "Cllr Vera Quennell"
    )


# -- the role parser on its own --------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "role", "org", "ref"),
    [
        (
            "director of children's services at Westfold Council",
            "director of children's services",
            "Westfold Council",
            None,
        ),
        ("Leader of the Council", "Leader", None, "council"),
        ("Chair of the Corporation", "Chair of the Corporation", None, None),
        (
            "chief executive of the charity Wayfarer Children's Trust",
            "chief executive",
            "Wayfarer Children's Trust",
            None,
        ),
        (
            "leader of the opposition Labour group on Wetherby City Council",
            "leader of the opposition Labour group",
            "Wetherby City Council",
            None,
        ),
        (
            "Responsible Individual for Cedarwood Children's Services",
            "Responsible Individual",
            "Cedarwood Children's Services",
            None,
        ),
        (
            "the improvement adviser appointed by the Department for Education",
            "improvement adviser",
            "Department for Education",
            None,
        ),
        ("headteacher at Tinder Row since 2021", "headteacher", "Tinder Row", None),
        ("Head of Fostering", "Head of Fostering", None, None),
        ("Chair of Governors", "Chair of Governors", None, None),
        # a kind, not a body: the role is kept whole and the kind resolved as "the nursery's"
        ("Nursery manager", "Nursery manager", None, "nursery"),
        ("School business manager", "School business manager", None, "school"),
        ("Home manager", "Home manager", None, None),
        ("Marlstone council leader", "council leader", "Marlstone", "name:Marlstone"),
        (
            "Executive Member for Children's Services and Education at Kingsmoor Borough Council",
            "Executive Member for Children's Services and Education",
            "Kingsmoor Borough Council",
            None,
        ),
        (
            "chief executive of the kinship care charity Family Ties",
            "chief executive",
            "Family Ties",
            None,
        ),
        (
            "chair of the Shire Councils Forum's children's services group",
            "chair of the children's services group",
            "Shire Councils Forum",
            None,
        ),
        (
            "the county's director of children's services",
            "director of children's services",
            None,
            "county",
        ),
        (
            "the city council's cabinet member for children",
            "cabinet member for children",
            None,
            "city council",
        ),
        (
            "Head of Quality Assurance and Practice Improvement",
            "Head of Quality Assurance and Practice Improvement",
            None,
            None,
        ),
    ],
)
def test_parse_role(phrase: str, role: str, org: str | None, ref: str | None) -> None:
    parsed = build_lexicon().parse_role(phrase)
    assert parsed is not None
    assert (parsed.role, parsed.org, parsed.org_ref) == (role, org, ref)


@pytest.mark.parametrize(
    "phrase", ["a former head of the school", "whose son is autistic", "a think tank"]
)
def test_parse_role_rejects_what_is_not_a_current_role(phrase: str) -> None:
    assert build_lexicon().parse_role(phrase) is None


def test_person_entities_from_a_trained_pipeline_count_as_a_cue() -> None:
    finder = PeopleFinder(build_lexicon())
    text = "The school thanked Jo Marsh for her work."
    assert finder.find(text, []) == []  # no honorific, role or speech verb: not a name here
    found = finder.find(text, [], known={(19, 27)})
    assert [m.name for m in found] == ["Jo Marsh"]


# -- the fast patterns mean what the plain ones meant ------------------------------
# Each speed-up in people.py replaced a plain pattern that had the behaviour right;
# these check the fast one against the plain one on text nobody thought of.

_NAMEISH = st.lists(
    st.sampled_from(
        ["Jo", "Lane", "Ó", "Briain", "McAdam", "O'Hara", "D'Arcy-Lee", "J.", "de", "x", "Ann"]
        + [" ", "  ", "\n", ", ", ".", "'", "-", "(", "Cllr ", "the ", "Said "]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_NAMEISH)
def test_name_run_pattern_matches_the_plain_one(text: str) -> None:
    plain = re.compile(rf"(?<![\w'’-]){NAME_RUN}")
    multi = [
        (m.start(), m.group())
        for m in plain.finditer(text)
        if len(re.findall(rf"(?<![\w'’-]){NAME_WORD}", m.group())) >= 2
    ]
    fast = [(m.start(), m.group()) for m in re.finditer(NAME_RUN_AT_WORD, text)]
    assert fast == multi


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["said", "says", "saying", "sa", "Cllr", "Cllr Dr", "the Rev"]),
        min_size=1,
        max_size=5,
    ),
    st.lists(
        st.sampled_from(
            ["said", "says", "sa", "xsaid", "Cllr", "Dr", " ", "the Rev", "\t", "-", "'", "saying"]
        ),
        max_size=20,
    ).map("".join),
)
def test_prefix_tree_pattern_matches_a_plain_alternation(words: list[str], text: str) -> None:
    flat = "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(set(words), key=len, reverse=True)
    )
    plain = re.compile(rf"(?<![\w'’-])(?:{flat})(?![\w])")
    tree = re.compile(rf"{trie_pattern(dict.fromkeys(words, ''), bounded=True)}(?![\w])")
    assert [(m.start(), m.group()) for m in tree.finditer(text)] == [
        (m.start(), m.group()) for m in plain.finditer(text)
    ]


def test_organisation_word_prefilter_loses_no_organisation() -> None:
    finder = PeopleFinder(build_lexicon())
    text = (
        "Hollin Pre-School, NHS Brenmoor Integrated Care Board (ICB) and ASHWOLD COUNCIL met. "
        "Calder Trust's staff, Wayfarer Trustees' chair, The Lodge Road Practice, Little "
        "Puffins Day Nursery. Tallow Borough Council's team."
    )
    fast = finder.organisations(text)
    finder.lex.org_head_re = re.compile(r"(?s).")  # every position: no prefilter at all
    assert finder.organisations(text) == fast
    assert {name for _, _, name, _ in fast} >= {
        "Hollin Pre-School",
        "NHS Brenmoor Integrated Care Board",
        "Calder Trust",
        "Lodge Road Practice",
        "Little Puffins Day Nursery",
        "Tallow Borough Council",
    }


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=list("ab .;:\"'’()\n\t|•"), max_size=60))
def test_last_hard_break_is_the_end_of_the_last_break(window: str) -> None:
    ends = [m.end() for m in _HARD_BREAK.finditer(window)]
    found = _LAST_HARD_BREAK.match(window)
    assert (found.end() if found else 0) == (ends[-1] if ends else 0)


def test_organisations_are_collected_only_when_a_mention_needs_one() -> None:
    from ofsted_extract.pipeline import build_pipeline

    nlp = build_pipeline(None)
    plain = nlp('Cllr Ada Quist, leader of Tallow Borough Council, said: "We are pleased."')
    assert list(plain.spans["people_orgs"]) == []
    owner = nlp(
        "Tallow Borough Council was rated good.\n\n"
        'The council\'s leader, Cllr Ada Quist, said: "We are pleased."'
    )
    assert [s.text for s in owner.spans["people_orgs"]] == ["Tallow Borough Council"]


# -- held-out set 2: role shapes ---------------------------------------------------


def test_title_for_a_remit_in_a_place_stays_one_role() -> None:
    p = one(
        "The minister has appointed Dame Orla Penrallt as Commissioner for Children's Services "
        "in Westcombe.",
        "Orla Penrallt",
    )
    assert p.role == "Commissioner for Children's Services in Westcombe"
    assert p.organisation is None


def test_who_chairs_gives_the_role_chair() -> None:
    p = one(
        'Priya Castellan, who chairs Westcombe Parent Carer Forum, said: "Families were heard."',
        "Priya Castellan",
    )
    assert p.role == "chair"
    assert p.organisation == "Westcombe Parent Carer Forum"


def test_who_runs_names_no_role() -> None:
    p = one(
        'Tamsin Greaves, who runs Bramble Lane Nursery, said: "We are thrilled for the children."',
        "Tamsin Greaves",
    )
    assert p.role is None


def test_a_branch_of_a_union_is_not_part_of_the_role() -> None:
    p = one(
        "Colm Ashdown, secretary of the Kelby branch of the National Education Union, said the "
        "staff were exhausted.",
        "Colm Ashdown",
    )
    assert p.role == "secretary"
    assert p.organisation == "National Education Union"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            'Registered manager Nadia Folkes said: "The young people shaped this result."',
            "Nadia Folkes",
            "Registered manager",
        ),
        (
            'Acting headteacher Rufus Kerne said: "We know what we must put right."',
            "Rufus Kerne",
            "Acting headteacher",
        ),
    ],
)
def test_status_words_are_not_organisations(sentence: str, name: str, role: str) -> None:
    p = one(sentence, name)
    assert p.role == role
    assert p.organisation is None


# -- patterns matched on reversed text or read by their first character ------------------

_ENDINGS = st.lists(
    st.sampled_from(
        ["said", "says", "according to", "appointed", "named", "the", "The", "THE"]
        + ["a message from", "message from", "xsaid", "Said", " ", "  ", "\t", "\n", ","]
        + [".", "'", "é", "ſ", "-", "Jo"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_ENDINGS)
def test_reversed_end_patterns_match_the_plain_ones(window: str) -> None:
    from ofsted_extract.components import people as P
    from ofsted_extract.rules import load

    lex = build_lexicon()
    verbs = P._alternation(load("quotes")["speech_verbs"])
    intro = P._alternation(load("people")["introducers"])
    appointed = "|".join(P._APPOINTED_VERBS)
    plain = [
        (re.compile(rf"\b(?:{verbs})[ \t]+$", re.I), lex.speech_before_rev),
        (re.compile(rf"\b(?:{intro})[ ]+(?:the[ ]+)?$", re.I), lex.introducer_rev),
        (re.compile(rf"\b(?:{appointed})[ \t]+(?:the[ \t]+)?$", re.I), P._APPOINTED_REV),
    ]
    for forward, backward in plain:
        assert bool(forward.search(window)) == bool(backward.match(window[::-1]))


_CLAUSES = st.lists(
    st.sampled_from(
        ["said", "who", "an", "on", "tel", "tel.", "email", "0163", "+44", "(", "Jo", "’", "‘", "'"]
        + ["01632 960", "a@b", "www.", "https:", "/", " / "]
        + [" ", "  ", "\t", "\n", ",", ".", ";", "x", "A", "\u00a0", "\u2028", "é", '"', "“"]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CLAUSES)
def test_clause_end_pattern_matches_the_plain_one(seg: str) -> None:
    from ofsted_extract.components import people as P
    from ofsted_extract.rules import load

    verbs = P._alternation(load("people")["clause_verbs"])
    plain = re.compile(P.clause_end_pattern(verbs, plain=True), re.I)
    fast = re.compile(P.clause_end_pattern(verbs), re.I)
    a, b = plain.search(seg), fast.search(seg)
    assert (a.span() if a else None) == (b.span() if b else None)
    assert [m.span() for m in plain.finditer(seg)] == [m.span() for m in fast.finditer(seg)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Cllr", "Cllr Dr", "Dr", "Dame", "Council", "COUNCIL", "Co", "The Rev"]),
        min_size=1,
        max_size=5,
    ),
    st.lists(
        st.sampled_from(["Cllr", "Dr", "Dame", "Co", "Council", " ", "x", "-", "'", "The Rev"]),
        max_size=20,
    ).map("".join),
)
def test_bounded_trie_matches_the_prefix_tree_pattern(words: list[str], text: str) -> None:
    from ofsted_extract.components.people import _bounded_trie

    fast = re.compile(rf"{_bounded_trie(words)}(?![\w])")
    tree = re.compile(rf"{trie_pattern(dict.fromkeys(words, ''), bounded=True)}(?![\w])")
    assert [(m.start(), m.group()) for m in fast.finditer(text)] == [
        (m.start(), m.group()) for m in tree.finditer(text)
    ]


def test_mention_rows_agree_with_the_span_extensions() -> None:
    from spacy.tokens import Doc

    from ofsted_extract.components.people import mention_dicts, org_dicts
    from ofsted_extract.pipeline import build_pipeline

    nlp = build_pipeline(None)
    doc = nlp(
        "Tallow Borough Council was rated good.\n\n"
        'The council\'s leader, Cllr Ada Quist, said: "We are pleased." Jo Lane, headteacher '
        "of Brook Primary School, agreed."
    )
    people = list(doc.spans["people"])
    assert [s._.ofsted_person for s in people] == mention_dicts(doc)
    assert [s._.ofsted_org for s in doc.spans["people_orgs"]] == org_dicts(doc)
    assert {d["name"] for d in mention_dicts(doc) if d} >= {"Ada Quist", "Jo Lane"}
    # a group changed after the component: read from the spans
    doc.spans["people"] = people[:1]
    assert mention_dicts(doc) == [people[0]._.ofsted_person]
    # the rows are plain data: the doc still serialises, and the extensions read them back
    restored = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [s._.ofsted_person for s in restored.spans["people"]] == mention_dicts(doc)
    assert mention_dicts(restored) == mention_dicts(doc)


def test_span_values_read_what_the_extensions_hold() -> None:
    from spacy.tokens import Span

    from ofsted_extract.attribution import _span_values
    from ofsted_extract.pipeline import build_pipeline

    nlp = build_pipeline(None)
    doc = nlp(
        'Cllr Ada Quist said: "We are pleased with the result." She added: "Staff worked '
        'hard for it." Jo Lane, headteacher, said: "Thank you to every family."'
    )
    quotes = list(doc.spans["quotes"])
    assert len(quotes) >= 2
    assert _span_values(doc, "quotes", "ofsted_quote") == [s._.ofsted_quote for s in quotes]
    assert _span_values(doc, "people", "ofsted_person") == [
        s._.ofsted_person for s in doc.spans["people"]
    ]  # a getter: read the ordinary way
    assert _span_values(doc, "no such group", "ofsted_quote") == []
    if not Span.has_extension("test_mutable_default"):
        Span.set_extension("test_mutable_default", default=[])
    doc.spans["probe"] = quotes[:1]
    assert _span_values(doc, "probe", "test_mutable_default") == [[]]


def test_a_school_named_after_its_place_is_not_a_person() -> None:
    text = (
        "Wendle Cross Primary School has been rated good by Ofsted.\n\n"
        'Headteacher Jo Marsh said: "The inspector saw what makes Wendle Cross such a '
        'special place."\n\nParent Ann Lee said Wendle Cross had changed her son\'s life.'
    )
    assert [p.name for p in extract(text).people] == ["Jo Marsh", "Ann Lee"]


def test_a_childminder_is_a_body_and_a_person() -> None:
    text = (
        "Childminder Olwen Petheridge has been rated outstanding by Ofsted.\n\n"
        "Olwen Petheridge, who runs Little Wrens Childminding, was visited in March.\n\n"
        'Mrs Petheridge said: "I am thrilled for the children and their families."'
    )
    people = extract(text).people
    assert [p.name for p in people] == ["Olwen Petheridge"]
    assert people[0].quotes


@pytest.mark.parametrize(
    ("sign_off", "name", "role"),
    [
        (
            "Warm wishes,\n\nMrs Honora Pendle-Marsh\nHeadteacher\n",
            "Honora Pendle-Marsh",
            "Headteacher",
        ),
        (
            "Yours sincerely,\nGethin Rowe\nChair of Governors\n",
            "Gethin Rowe",
            "Chair of Governors",
        ),
    ],
)
def test_a_letter_signed_with_a_name_over_a_role(sign_off: str, name: str, role: str) -> None:
    text = (
        "Wendle Cross Primary rated good\n\n"
        "We are delighted to share that Ofsted has judged Wendle Cross Primary School to be "
        f"good.\n\n{sign_off}"
    )
    assert [(p.name, p.role) for p in extract(text).people] == [(name, role)]


def test_a_name_alone_on_its_line_over_prose_has_no_role() -> None:
    text = (
        "Wendle Cross Primary rated good\n\nOfsted judged Wendle Cross Primary School good.\n\n"
        "Gethin Rowe\nThe children loved the visit and the inspector was kind to them.\n"
    )
    assert extract(text).people == []


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Her husband, Gethin Rowe, has been chair of governors since 2019.", "chair of governors"),
        ("Gethin Rowe is a governor.", "governor"),
        ("Gethin Rowe became deputy headteacher last year.", "deputy headteacher"),
    ],
)
def test_a_role_stated_with_a_verb_after_the_name(sentence: str, role: str) -> None:
    text = (
        f"Ofsted rated Wendle Cross Primary School outstanding.\n\n{sentence} "
        'He said: "We are very proud of every member of staff."'
    )
    (person,) = extract(text).people
    assert (person.name, person.role) == ("Gethin Rowe", role)


def test_a_verb_after_the_name_that_states_no_role() -> None:
    text = (
        "Ofsted rated Wendle Cross Primary School outstanding.\n\n"
        "Gethin Rowe, a parent, was delighted with the result and said: "
        '"We are very proud of every member of staff."'
    )
    assert [(p.name, p.role) for p in extract(text).people] == [("Gethin Rowe", "parent")]


@pytest.mark.parametrize(
    ("lead", "name", "role"),
    [
        ("Year 6 pupil Amara, 11,", "Amara", "Year 6 pupil"),
        ("Key Stage 2 leader Jo Lane", "Jo Lane", "Key Stage 2 leader"),
    ],
)
def test_a_year_group_or_key_stage_is_part_of_the_role(lead: str, name: str, role: str) -> None:
    text = (
        f"Ofsted rated Wendle Cross Primary School outstanding.\n\n{lead} said: "
        '"I love our school and all of the teachers."'
    )
    assert [(p.name, p.role) for p in extract(text).people] == [(name, role)]


# -- attendee lists, link lines, contact details, pairs and acronyms ----------------------


_ATTENDEES = (
    "WEXCOMBE DISTRICT COUNCIL\n\n"
    "Minutes of the Education Overview Panel held on 4 March 2025\n\n"
    "Present:\n"
    "Councillor Hester Blackwood (Chair)\n"
    "Councillor Omar Pennington (Vice-Chair)\n\n"
    "In attendance:\n"
    "Councillor Liesl Farrant - Cabinet Member for Education and Skills\n"
    "Dr Tobias Wrenfield – Director of Children's Services\n"
    "Maren Oakhurst - Head of Quality Assurance and Performance\n"
    "Priya Castellane - Democratic Services Officer\n\n"
    "1. APOLOGIES\nThere were none.\n"
)


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Omar Pennington", "Vice-Chair"),
        ("Liesl Farrant", "Cabinet Member for Education and Skills"),
        ("Tobias Wrenfield", "Director of Children's Services"),
        ("Maren Oakhurst", "Head of Quality Assurance and Performance"),
        ("Priya Castellane", "Democratic Services Officer"),
    ],
)
def test_an_attendee_list_gives_name_dash_role(name: str, role: str) -> None:
    assert one(_ATTENDEES, name).role == role


@pytest.mark.parametrize(
    "text",
    [
        # a lone title-case headline: no list around it
        "Tamsin Rowlatt - Headteacher Praises Pupils After Visit\n\n"
        "The school was rated good in its latest inspection.\n",
        # in a list, but the words after the head noun are a verb and its object
        "Latest:\nKit Ambrose - Headteacher praises pupils\nGorsey Lane - new library opens\n",
    ],
)
def test_a_dash_line_that_is_no_title_gives_no_role(text: str) -> None:
    assert all(p.role is None for p in people(text).values())


def test_a_link_headline_is_not_a_role_and_a_name() -> None:
    text = (
        "Ofsted has rated Pinmoor Pre-School outstanding.\n\n"
        "Related news\n"
        "- MP visits outstanding Brackenford Rangers\n"
        "- Councillor opens new play area\n"
    )
    assert "Brackenford Rangers" not in people(text)


@pytest.mark.parametrize(
    ("role", "org", "tail"),
    [
        ("director", "Women's Safety Watch", "Safety Watch"),
        ("founder", "Parents' Voice Matters", "Voice Matters"),
    ],
)
def test_a_name_after_a_plural_possessive_is_an_organisation(
    role: str, org: str, tail: str
) -> None:
    text = (
        f"Lorcan Beswick, {role} of the charity {org}, said: "
        '"Families were let down for years and nobody listened."'
    )
    found = people(text)
    assert tail not in found
    assert found["Lorcan Beswick"].role == role
    assert found["Lorcan Beswick"].organisation == org
    assert len(found["Lorcan Beswick"].quotes) == 1


def test_a_party_possessive_before_a_name_still_gives_the_person() -> None:
    text = 'Labour\'s Imelda Crane said: "This report should worry every parent in the town."'
    assert len(one(text, "Imelda Crane").quotes) == 1


@pytest.mark.parametrize(
    "contact",
    [
        "Selwyn Hartigan, communications officer, 01632 960 412 / media@example.org",
        "Selwyn Hartigan, communications officer, media@example.org",
        "Selwyn Hartigan, communications officer, www.example.org/press",
        "Selwyn Hartigan, communications officer / media lead",
    ],
)
def test_a_role_stops_before_contact_details(contact: str) -> None:
    text = f"Ofsted rated the school good.\n\nMedia enquiries: {contact}\n"
    assert one(text, "Selwyn Hartigan").role == "communications officer"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Final-year nursing student Aaliyah Brennock said the course had changed her life.",
            "Aaliyah Brennock",
            "Final-year nursing student",
        ),
        (
            "Award-winning drama teacher Oriel Fanshawe said the pupils deserved the praise.",
            "Oriel Fanshawe",
            "Award-winning drama teacher",
        ),
        (
            # a noun and a verb between the modifier and the head: the role is the head's
            "A well-attended meeting heard deputy head Corin Mallory say the school had changed.",
            "Corin Mallory",
            "deputy head",
        ),
    ],
)
def test_a_hyphenated_modifier_opens_a_role_before_a_name(
    sentence: str, name: str, role: str
) -> None:
    person = one(sentence, name)
    assert person.role == role
    assert person.organisation is None


def test_two_given_names_share_a_surname() -> None:
    text = (
        "Adopters Maeve and Torin Halloway, who welcomed two brothers last year, said the "
        "agency had supported them at every step."
    )
    found = people(text)
    assert found["Maeve Halloway"].role == "Adopters"
    assert found["Torin Halloway"].role == "Adopters"


@pytest.mark.parametrize(
    "sentence",
    [
        "Headteacher Ruth Pemberton and Gideon Asquith said the visit went well.",
        "Headteacher Ms Pemberton and Gideon Asquith said the visit went well.",
    ],
)
def test_a_surname_before_and_is_not_a_given_name(sentence: str) -> None:
    assert not any(name.startswith("Pemberton ") for name in people(sentence))


def test_an_acronym_after_the_is_the_body_the_article_spells_out() -> None:
    text = (
        "The Northern Heads Federation (NHF) has criticised the inspection.\n\n"
        'Winifred Abara, general secretary of the NHF, said: "Our members deserve better."'
    )
    person = one(text, "Winifred Abara")
    assert person.role == "general secretary"
    assert person.organisation == "Northern Heads Federation"


def test_a_subject_acronym_without_the_is_part_of_the_role() -> None:
    person = one('Dr Ilse Varga, Head of PSHE, said: "We will act on every point."', "Ilse Varga")
    assert person.role == "Head of PSHE"
    assert person.organisation is None


def test_the_agency_possessive_resolves_to_the_inspected_agency() -> None:
    text = (
        "Ofsted has rated Larkfield Fostering outstanding.\n\n"
        "Larkfield Fostering, an independent fostering agency based in Wexcombe, was "
        "inspected in May.\n\n"
        "The agency's responsible individual, Tobias Greenhalgh, said he was thrilled.\n"
    )
    person = one(text, "Tobias Greenhalgh")
    assert person.role == "responsible individual"
    assert person.organisation == "Larkfield Fostering"


@pytest.mark.parametrize(
    "lead",
    [
        "Grandfather-of-five Desmond Okoro-Tate, 67, whose grandson is in Year 4, said:",
        "Mum Perpetua Lisowski, 35, who moved to the town last year, said:",
    ],
)
def test_an_age_and_a_clause_between_a_name_and_said_still_make_a_speaker(lead: str) -> None:
    text = (
        "Fernleigh Academy has been rated good by Ofsted.\n\n"
        f"{lead} 'The teachers have turned this place round in two years.'\n"
    )
    name = " ".join(lead.split(",")[0].split()[1:])
    speakers = {p.name for p in extract(text).people if p.quotes}
    assert name in speakers, f"{name!r} not among {speakers}"


def test_a_number_that_is_no_age_does_not_make_a_speaker() -> None:
    text = (
        "Fernleigh Academy has been rated good by Ofsted.\n\n"
        "Pupils at Fernleigh Academy, 1,200 of them, said in a survey that 'lessons are "
        "calm and well planned across every subject'.\n"
    )
    record = extract(text)
    assert not [p for p in record.people if p.quotes]
    assert "1,200" not in " ".join(p.name for p in record.people)


# -- roles through a verb, parties, owners, notes to editors, announcing bodies --------

_RATED = "Ofsted has rated Pellingham Vale Primary School good.\n\n"


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        (
            "Maelis Tordoff has been appointed interim executive headteacher.",
            "interim executive headteacher",
        ),
        ("Maelis Tordoff was named acting principal last month.", "acting principal"),
        ("Mrs Maelis Tordoff has been confirmed as chair of governors.", "chair of governors"),
        (
            "Maelis Tordoff, who joined as deputy head in 2019, believes the school has changed.",
            "deputy head",
        ),
        (
            "Maelis Tordoff, who arrived as headteacher in 2022, thinks the staff deserve it.",
            "headteacher",
        ),
        (
            "Maelis Tordoff, who stepped in as acting head last spring, praised the pupils.",
            "acting head",
        ),
    ],
)
def test_a_role_given_through_a_verb_of_appointing_or_joining(sentence: str, role: str) -> None:
    person = one(f"{_RATED}{sentence}\n", "Maelis Tordoff")
    assert person.role == role


@pytest.mark.parametrize(
    "sentence",
    [
        "Maelis Tordoff was appointed to the governing body in 2020.",
        "Maelis Tordoff was named in the report as a parent who complained.",
        "Maelis Tordoff, who joined the school in 2019, believes it has changed.",
    ],
)
def test_a_verb_of_appointing_or_joining_without_a_role(sentence: str) -> None:
    assert [p.role for p in extract(f"{_RATED}{sentence}\n").people] == []


@pytest.mark.parametrize(
    ("lead", "role"),
    [
        ("Opposition Liberal Democrat leader", "Opposition Liberal Democrat leader"),
        ("Opposition Green Party spokesperson", "Opposition Green Party spokesperson"),
        ("Shadow Conservative spokesperson", "Shadow Conservative spokesperson"),
    ],
)
def test_a_party_after_a_role_modifier_stays_in_the_role(lead: str, role: str) -> None:
    text = f'{_RATED}{lead} Cllr Hesper Quillan said: "The children of this town deserve better."\n'
    person = one(text, "Hesper Quillan")
    assert (person.role, person.organisation) == (role, None)


def test_a_body_after_a_role_modifier_is_still_the_organisation() -> None:
    text = (
        f"{_RATED}Independent Schools Council chair Hesper Quillan said: "
        '"The children of this town deserve better."\n'
    )
    person = one(text, "Hesper Quillan")
    assert (person.role, person.organisation) == ("chair", "Independent Schools Council")


def test_an_owner_before_a_new_role_and_a_comma_is_the_organisation() -> None:
    text = (
        "Ofsted has rated Little Acorns Fernhollow nursery good.\n\n"
        "Fernhollow's new manager, Ysolde Penhaligon, said: "
        '"The team has worked so hard for this."\n'
    )
    person = one(text, "Ysolde Penhaligon")
    assert (person.role, person.organisation) == ("new manager", "Fernhollow")


def test_new_before_a_role_without_an_owner_is_left_out() -> None:
    text = (
        "Ofsted has rated Little Acorns Fernhollow nursery good.\n\n"
        "Parents welcomed new manager Ysolde Penhaligon, who said: "
        '"The team has worked so hard for this."\n'
    )
    person = one(text, "Ysolde Penhaligon")
    assert (person.role, person.organisation) == ("manager", None)


_RELEASE = (
    "Ofsted judges Tarrowby children's services good\n\n"
    "Tarrowby Borough Council's children's services have been judged good by Ofsted.\n\n"
    "Bertilde Anwuli, Ofsted's Regional Director, said:\n\n"
    '"Children in Tarrowby are well supported by social workers who know them well."\n\n'
    "Ends\n\n"
    "Notes to editors\n\n"
    "1. The inspection report is available on the Ofsted reports website.\n\n"
    "2. {note}\n\n"
    "Media enquiries\n"
    "If you are a journalist, please call the press office.\n"
)


def test_a_person_with_a_role_in_the_notes_to_editors_is_read() -> None:
    note = (
        "Casimir Oyelaran, Ofsted's National Director for Education, will speak "
        "at a conference in Tarrowby on 3 May."
    )
    person = one(_RELEASE.format(note=note), "Casimir Oyelaran")
    assert (person.role, person.organisation) == ("National Director for Education", "Ofsted")


def test_a_name_without_a_role_in_the_notes_to_editors_is_not_read() -> None:
    note = "Dr Casimir Oyelaran will speak at a conference in Tarrowby on 3 May."
    assert "Casimir Oyelaran" not in people(_RELEASE.format(note=note))


def test_a_role_in_reader_comments_after_the_notes_to_editors_is_not_read() -> None:
    note = "The council has 40 children's homes."
    text = _RELEASE.format(note=note) + (
        "\nComments\n\nFennick Darrow, a governor at another school, wrote: well done all.\n"
    )
    assert "Fennick Darrow" not in people(text)


def test_a_body_that_confirms_a_role_and_a_name_is_the_organisation() -> None:
    text = (
        f"{_RATED}Kestlow Athletic have confirmed that manager Rupert Anselm "
        "has agreed a new contract.\n"
    )
    person = one(text, "Rupert Anselm")
    assert (person.role, person.organisation) == ("manager", "Kestlow Athletic")


@pytest.mark.parametrize(
    "lead",
    [
        "Parents have said that",
        "Wren and Jory Pascoe have confirmed that",
        "Wren Pascoe has confirmed that",
    ],
)
def test_people_who_confirm_a_role_and_a_name_are_no_organisation(lead: str) -> None:
    text = f"{_RATED}{lead} manager Rupert Anselm has agreed a new contract.\n"
    person = one(text, "Rupert Anselm")
    assert (person.role, person.organisation) == ("manager", None)


# -- organisations given in other ways (heldout7 error classes) -------------------


def test_one_word_after_of_is_the_body_the_article_names_in_full() -> None:
    text = (
        "Brackenholt Primary joined the Quillfield Schools Trust in 2020 and is now rated good.\n\n"
        'Oluwaseun Marchbank, chief executive of Quillfield, said: "Staff have worked hard '
        'for this."'
    )
    person = one(text, "Oluwaseun Marchbank")
    assert person.role == "chief executive"
    assert person.organisation == "Quillfield Schools Trust"


def test_one_word_after_of_stays_in_the_role_when_no_body_starts_with_it() -> None:
    # a subject or remit ("head of Geography") is not a body: nothing in the article
    # starts with the word and names an organisation
    text = (
        "Inspectors praised the Geography curriculum at Tamsley Academy.\n\n"
        'Priyanka Vellacott, head of Geography, said: "Pupils love fieldwork."'
    )
    person = one(text, "Priyanka Vellacott")
    assert person.role == "head of Geography"
    assert person.organisation is None


def test_the_councils_inside_a_role_after_of_resolves_to_the_council() -> None:
    text = (
        "A children's home run by Wendlebury Council has been rated good.\n\n"
        "Councillor Tamsin Orrell, vice-chair of the council's fostering panel, said: "
        '"Our young people deserve nothing less."'
    )
    person = one(text, "Tamsin Orrell")
    assert person.role == "vice-chair of the council's fostering panel"
    assert person.organisation == "Wendlebury Council"


def test_place_and_lower_case_council_after_of_is_the_organisation() -> None:
    person = one(
        "Councillor Bartholomew Yeend, the leader of Marlcombe council, said the ruling "
        "was fair.",
        "Bartholomew Yeend",
    )
    assert person.role == "leader"
    assert person.organisation == "Marlcombe council"


def test_generic_words_before_lower_case_council_are_not_a_place() -> None:
    person = one(
        "Councillor Bartholomew Yeend, leader of the Borough council, said the ruling was fair.",
        "Bartholomew Yeend",
    )
    assert person.organisation != "Borough council"


def test_body_before_whose_is_the_organisation_of_the_role() -> None:
    person = one(
        "The nursery belongs to the Sedgeworth Learning Trust, whose chief executive, "
        'Anwen Halberd, said she was "thrilled for every family".',
        "Anwen Halberd",
    )
    assert person.role == "chief executive"
    assert person.organisation == "Sedgeworth Learning Trust"


def test_person_before_whose_is_not_an_organisation() -> None:
    text = (
        "Parents thanked Mrs Gwenllian Poultney, whose deputy head, Ifan Rosscarrock, said "
        "the school was proud."
    )
    assert one(text, "Ifan Rosscarrock").organisation is None


def test_name_with_our_role_inside_a_relative_clause() -> None:
    text = (
        "Here is the message Mr Cuthbert Ambrose-Lyle, our headteacher, has emailed to "
        "every parent:\n\n"
        '"I am delighted to tell you that inspectors judged our school good."'
    )
    person = one(text, "Cuthbert Ambrose-Lyle")
    assert person.role == "headteacher"


def test_a_relative_clause_with_a_child_and_an_age_between_a_name_and_said() -> None:
    text = (
        "Fernleigh Academy has been rated good by Ofsted.\n\n"
        "Ines Varga-Holt, whose daughter Lotte, 9, has been at the school since Reception, "
        'said the staff had been "kinder than we ever imagined they could be".\n'
    )
    speakers = {p.name for p in extract(text).people if p.quotes}
    assert "Ines Varga-Holt" in speakers


@pytest.mark.parametrize(
    ("role"),
    ["adoption service manager", "early years lead", "family support worker"],
)
def test_an_apposition_with_two_nouns_before_the_role_word(role: str) -> None:
    text = f'Tamsin Orrell-Price, {role}, said: "The whole team has worked so hard for this."\n'
    assert one(text, "Tamsin Orrell-Price").role == role


@pytest.mark.parametrize("clause", ["having become head", "newly appointed head"])
def test_a_verb_before_a_role_word_in_an_apposition_is_no_role(clause: str) -> None:
    text = f'Tamsin Orrell-Price, {clause}, said: "The whole team has worked so hard for this."\n'
    assert one(text, "Tamsin Orrell-Price").role is None


def test_a_two_word_short_name_after_of_is_the_body_the_article_names_in_full() -> None:
    text = (
        "Brackenside House, which is run by Tallowmere Care Ltd, was rated good by Ofsted.\n\n"
        'Ilse Vantongeren, director of Tallowmere Care, said: "We are proud of the team."\n'
    )
    person = one(text, "Ilse Vantongeren")
    assert (person.role, person.organisation) == ("director", "Tallowmere Care Ltd")


def test_two_capitalised_words_after_of_stay_in_the_role_when_no_body_starts_with_them() -> None:
    text = (
        "Brackenside Academy was rated good by Ofsted.\n\n"
        'Ilse Vantongeren, head of Modern Languages, said: "We are proud of the team."\n'
    )
    person = one(text, "Ilse Vantongeren")
    assert person.role == "head of Modern Languages" and person.organisation is None


# -- a purpose clause ends a role ------------------------------------------------


@pytest.mark.parametrize(
    "purpose",
    [
        "to examine whether Marlcombe should keep running the service",
        "to oversee improvements in the service",
    ],
)
def test_a_purpose_clause_after_an_appointed_role_is_cut(purpose: str) -> None:
    text = (
        "Marlcombe council's children's services were rated inadequate.\n\n"
        "The Department for Education has appointed Wendell Prasky-Orme, a former director "
        f"of children's services, as commissioner {purpose}.\n"
    )
    assert one(text, "Wendell Prasky-Orme").role == "commissioner"


@pytest.mark.parametrize(
    ("role"),
    ["special adviser to the board of governors", "personal assistant to support staff"],
)
def test_to_before_a_noun_stays_in_the_role(role: str) -> None:
    text = f'Quenby Arrowsmith-Tae, {role}, said: "We knew the report would be hard reading."\n'
    assert one(text, "Quenby Arrowsmith-Tae").role == role


# -- an acronym body with a gloss of its kind -----------------------------------


@pytest.mark.parametrize(
    ("phrase", "role", "org"),
    [
        ("regional secretary of the GLU school leaders' union", "regional secretary", "GLU"),
        ("assistant director of the FCWA children's charity", "assistant director", "FCWA"),
        ("district secretary of the NTF teaching union", "district secretary", "NTF"),
    ],
)
def test_an_acronym_body_followed_by_a_gloss(phrase: str, role: str, org: str) -> None:
    text = (
        "Ofsted rated Brindle Vale Academy inadequate.\n\n"
        f"Osric Penhallow-Dee, {phrase}, said staff were exhausted.\n"
    )
    person = one(text, "Osric Penhallow-Dee")
    assert (person.role, person.organisation) == (role, org)


def test_an_acronym_topic_before_a_board_is_no_body() -> None:
    text = (
        "Ofsted rated Brindle Vale Academy inadequate.\n\n"
        "Osric Penhallow-Dee, chair of the SEND partnership board, said staff were exhausted.\n"
    )
    person = one(text, "Osric Penhallow-Dee")
    assert person.role == "chair of the SEND partnership board"
    assert person.organisation is None


# -- "our" on a body's own page -------------------------------------------------

_OWN_PAGE = (
    "Fellgarth Learning Trust\n\n"
    "About us | Our academies | Vacancies | News\n\n"
    "We are pleased to share that Ofsted has judged Wrenby Academy good.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            'Our chief executive, Dr Ottoline Baskerfield, said: "The staff have earned this."',
            "Ottoline Baskerfield",
            "chief executive",
        ),
        (
            "Mr Hadrian Quillfeather, our director of education, has written to every family.",
            "Hadrian Quillfeather",
            "director of education",
        ),
    ],
)
def test_our_role_on_a_bodys_own_page_is_that_body(sentence: str, name: str, role: str) -> None:
    person = one(_OWN_PAGE + sentence + "\n", name)
    assert (person.role, person.organisation) == (role, "Fellgarth Learning Trust")


def test_our_role_without_a_masthead_body_stays_unresolved() -> None:
    text = (
        "The Whitlow Gazette\n\n"
        "Wrenby Academy has been judged good by Ofsted.\n\n"
        'Our chief executive, Dr Ottoline Baskerfield, said: "The staff have earned this."\n'
    )
    person = one(text, "Ottoline Baskerfield")
    assert person.role == "chief executive" and person.organisation is None


# -- "the centre's" -------------------------------------------------------------


def test_the_centres_resolves_to_the_centre_the_article_names() -> None:
    text = (
        "Harrowfield Learning Centre, a pupil referral unit in Oakby, has been rated good by "
        "Ofsted.\n\n"
        "Idris Fenwick-Rowe, chair of the centre's management committee, said the result was "
        "deserved.\n"
    )
    person = one(text, "Idris Fenwick-Rowe")
    assert person.organisation == "Harrowfield Learning Centre"


def test_the_centres_without_a_centre_named_stays_unresolved() -> None:
    text = (
        "Harrowfield Academy has been rated good by Ofsted.\n\n"
        "Idris Fenwick-Rowe, chair of the centre's management committee, said the result was "
        "deserved.\n"
    )
    assert one(text, "Idris Fenwick-Rowe").organisation is None


# -- "whose <family>" makes a person ----------------------------------------------


def test_a_name_with_whose_and_a_family_word_is_a_person_and_a_pronoun_speaker() -> None:
    text = (
        "Ofsted rated Brindle Vale Academy good.\n\n"
        "Perpetua Annesley-Hume, whose two daughters attend the academy, nearly moved them "
        'last year. "I am so glad we stayed in the end," she says.\n'
    )
    person = one(text, "Perpetua Annesley-Hume")
    assert [q.text for q in person.quotes] == ["I am so glad we stayed in the end,"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hallam Vale, whose children's services were last inspected in 2019, must now improve.",
        "Brindle Vale Academy, whose pupils come from across the town, was praised.",
    ],
)
def test_whose_without_a_family_word_makes_no_person(sentence: str) -> None:
    text = f"Ofsted rated services in Hallam Vale and Brindle Vale Academy.\n\n{sentence}\n"
    assert people(text) == {}


def test_your_role_on_a_bodys_own_page_is_not_our_role() -> None:
    text = _OWN_PAGE + 'Your chief executive, Dr Ottoline Baskerfield, said: "Well done all."\n'
    assert one(text, "Ottoline Baskerfield").organisation is None


# -- "registered as a <role>" late in a relative clause ----------------------------


def test_registered_as_a_role_late_in_a_who_clause_gives_the_role() -> None:
    text = (
        "A Fernleigh childminder has been rated outstanding by Ofsted.\n\n"
        "Leocadia Thrushcombe looks after four children at her home.\n\n"
        "Mrs Thrushcombe, who moved to Fernleigh from Porto in 2003 and registered as a "
        "childminder in 2009, said she was thrilled.\n"
    )
    assert one(text, "Leocadia Thrushcombe").role == "childminder"


def test_a_past_job_late_in_a_who_clause_is_no_role() -> None:
    text = (
        "A Fernleigh childminder has been rated outstanding by Ofsted.\n\n"
        "Leocadia Thrushcombe, who moved to Fernleigh in 2003 and worked as a nurse for ten "
        "years, said she was thrilled.\n"
    )
    assert people(text).get("Leocadia Thrushcombe") is None or (
        people(text)["Leocadia Thrushcombe"].role != "nurse"
    )


# -- a capitalised kind before a role: "Trust chair Jo Lane" ----------------------


def test_a_kind_before_a_role_is_the_body_of_that_kind_named_before() -> None:
    text = (
        "Harrowfield Academy has been placed in special measures by Ofsted.\n\n"
        "The academy is run by the Oakmere Learning Trust, which took it over in 2016.\n\n"
        'Trust chair Benedikt Saunderby said: "We are working hard to put things right."\n'
    )
    person = one(text, "Benedikt Saunderby")
    assert person.role == "Trust chair"
    assert person.organisation == "Oakmere Learning Trust"


def test_a_hyphenated_kind_before_a_role_is_the_setting_of_that_kind() -> None:
    text = (
        "Two village settings were inspected this summer.\n\n"
        "Little Wrens Pre-School, which meets in the church hall, was rated good.\n\n"
        'Pre-school chairman Ignatius Fenwright said the result was "a credit to our staff".\n'
    )
    assert one(text, "Ignatius Fenwright").organisation == "Little Wrens Pre-School"


def test_a_kind_with_no_body_of_that_kind_named_gives_no_organisation() -> None:
    text = (
        "Pupils at Quenby Primary School have been praised by inspectors.\n\n"
        'Trust chair Benedikt Saunderby said: "We are delighted for the whole school."\n'
    )
    # the capitalised kind alone ("Trust") is no body, and no trust is named
    assert one(text, "Benedikt Saunderby").organisation is None


def test_a_kind_that_no_possessive_resolves_gives_no_organisation() -> None:
    text = (
        "The Fernditch Parish Magazine Committee meets monthly.\n\n"
        "Fernditch Pre-School was rated good.\n\n"
        'Committee chair Rosalind Otterwell said: "We are thrilled for the children."\n'
    )
    assert one(text, "Rosalind Otterwell").organisation is None


# -- a remit word between an owner and a role: "the council's highways manager" ----


def test_a_remit_word_after_an_owner_keeps_the_role_and_the_owner() -> None:
    text = (
        "Repairs to the Quillan Road footbridge will take until July, Marstone Borough "
        "Council has confirmed. The council's drainage manager, Petra Ollerenshaw, said "
        'the extra weeks were "needed to finish the work safely".\n'
    )
    person = one(text, "Petra Ollerenshaw")
    assert person.role == "drainage manager"
    assert person.organisation == "Marstone Borough Council"


def test_a_describing_word_after_an_owner_is_not_read_as_a_remit() -> None:
    text = (
        "Tollbridge Primary School has been rated outstanding.\n\n"
        "The school's popular headteacher, Wenceslas Arbuthnell, said he was delighted.\n"
    )
    assert one(text, "Wenceslas Arbuthnell").role == "headteacher"


def test_home_secretary_is_no_role_at_the_childrens_home_named_before() -> None:
    text = (
        "Briarwood Children's Home in Oxley has been rated inadequate.\n\n"
        'Home Secretary Peregrine Attwater said: "Every child in care deserves to be safe."\n'
    )
    assert one(text, "Peregrine Attwater").organisation is None


# -- an initial after an honorific, a row of labelled cells, a footer staff list ----


def test_an_initial_that_spells_a_function_word_is_a_name_after_an_honorific() -> None:
    text = (
        "Harrowfield Infant School has been rated good by Ofsted.\n\n"
        "Mrs A. Thornquist, the school's business manager, said the report was fair.\n"
    )
    # "A" alone is an article, but "Mrs A." can only be an initial
    assert one(text, "A. Thornquist").role == "business manager"


def test_each_cell_of_a_row_of_labelled_names_has_its_own_role() -> None:
    text = (
        "Pennock Lane Primary School was rated good by Ofsted in March.\n\n"
        "Chair of Governors: Mr Dafydd Pengelly | Deputy Headteacher: Ms Rhiannon Quayle\n"
    )
    found = people(text)
    assert found["Dafydd Pengelly"].role == "Chair of Governors"
    assert found["Rhiannon Quayle"].role == "Deputy Headteacher"


_FOOTER_PAGE = (
    "Ashcombe Vale Primary School\n"
    "Home | About Us | News | Contact\n\n"
    "Ofsted rates us good\n\n"
    "Posted: 3rd May 2023\n\n"
    "We are delighted to share that Ofsted has judged Ashcombe Vale Primary School to be "
    "a good school after an inspection in March. Inspectors said pupils are kind and that "
    "reading is taught well across the school.\n\n"
    "Latest News\n"
    "Spring concert photos\n"
    "Year 4 trip to the coast\n\n"
    "Ashcombe Vale Primary School, Mill Road, Ashcombe\n"
    "Tel: 01632 960 412 | Email: office@ashcombevale.example.sch.uk\n"
    "{footer}\n\n"
    "Cookie Policy | Privacy Notice | Website by Pagecraft\n"
)


def test_a_staff_list_in_a_page_footer_names_people_with_roles() -> None:
    text = _FOOTER_PAGE.format(
        footer="Headteacher: Mr T. Illingworth-Vance | SENCo: Mrs E. Quarmby-Holt"
    )
    found = people(text)
    assert found["T. Illingworth-Vance"].role == "Headteacher"
    assert found["E. Quarmby-Holt"].role == "SENCo"


def test_a_footer_name_without_a_role_label_stays_furniture() -> None:
    text = _FOOTER_PAGE.format(footer="Designed with care by Mrs Ottilie Brackenbury")
    assert "Ottilie Brackenbury" not in people(text)


# -- "the chain's": the body the article describes as a chain ---------------------


@pytest.mark.parametrize(
    "description",
    [
        "Kindlewood, one of the largest private nursery chains in the country,",
        "the nursery chain Kindlewood",
    ],
)
def test_the_chains_role_resolves_to_the_body_described_as_a_chain(description: str) -> None:
    text = (
        f"A setting run by {description} has been rated inadequate by Ofsted.\n\n"
        "The chain's managing director, Ottoline Farrant, said the findings were being "
        "taken very seriously.\n"
    )
    assert one(text, "Ottoline Farrant").organisation == "Kindlewood"


def test_a_person_described_by_a_kind_is_not_the_body_of_that_kind() -> None:
    text = (
        "Kelmscott Nursery has been rated requires improvement by Ofsted.\n\n"
        "Leofric Amberley, a founder of the chain, was not available. The chain's "
        "operations director, Philippa Grantchester, said the nursery would improve.\n"
    )
    # "a founder of the chain" describes a person, not a chain's name
    assert one(text, "Philippa Grantchester").organisation is None


# -- hyphenated roles and Irish or Scottish surnames --------------------------------


@pytest.mark.parametrize(
    ("lead", "name", "role"),
    [
        ("paid tribute to vice-principal", "Cathal O'Donoghue-Treasa", "vice-principal"),
        ("paid tribute to vice-principal", "Cathal O’Donoghue", "vice-principal"),
        ("paid tribute to Deputy-head", "Ailsa McCorquodale", "Deputy-head"),
        ("paid tribute to Head-of-school", "Ruaridh MacInnes", "Head-of-school"),
        ("paid tribute to Teacher-in-charge", "Eilidh Fairbairn-Okoro", "Teacher-in-charge"),
    ],
)
def test_a_hyphenated_role_before_a_name(lead: str, name: str, role: str) -> None:
    text = (
        "Gorsebrook Academy was rated good by Ofsted in May 2019.\n\n"
        f"Lorcan Abernethy, chair of governors, {lead} {name}, who leads the sixth form.\n"
    )
    assert one(text, name).role == role


def test_a_hyphenated_role_after_a_name() -> None:
    text = (
        "Gorsebrook Academy was rated good by Ofsted in May 2019.\n\n"
        "Cathal O'Donoghue, vice-principal, said the team was delighted.\n"
    )
    assert one(text, "Cathal O'Donoghue").role == "vice-principal"


def test_a_hyphenated_word_that_is_no_role_gives_no_person() -> None:
    text = (
        "Gorsebrook Academy was rated good by Ofsted in May 2019.\n\n"
        "Inspectors praised the teacher-led Ruaridh Cup and the student-run Gorse Fair.\n"
    )
    assert "Ruaridh Cup" not in people(text)


# -- "our" on a page written in the inspected body's own voice ----------------------


def test_our_manager_on_a_page_speaking_for_the_one_setting_inspected() -> None:
    text = (
        "Parish News, May 2018\n\n"
        "We are delighted that Nether Brampton Playgroup has been judged good by Ofsted "
        "following our inspection on 3 April.\n\n"
        'Our manager, Philippa Ashdown-Reeve, said: "The children were wonderful on the day."\n'
    )
    assert one(text, "Philippa Ashdown-Reeve").organisation == "Nether Brampton Playgroup"


def test_our_manager_without_the_page_speaking_for_the_setting_stays_unresolved() -> None:
    text = (
        "Parish News, May 2018\n\n"
        "Nether Brampton Playgroup has been judged good by Ofsted following an inspection "
        "on 3 April.\n\n"
        'Our manager, Philippa Ashdown-Reeve, said: "The children were wonderful on the day."\n'
    )
    assert one(text, "Philippa Ashdown-Reeve").organisation is None


# -- round 6: scrutineers, a named object before a new clause, 'who chairs X's board' --


def test_an_independent_scrutineer_is_a_role() -> None:
    text = (
        "Brackenfold's children's services were rated good by Ofsted in May 2023.\n\n"
        "Marit Olsthoorn, independent scrutineer for the Brackenfold Safeguarding Children "
        'Partnership, said agencies would "build on this strong foundation" this year.'
    )
    p = one(text, "Marit Olsthoorn")
    assert p.role == "independent scrutineer"
    assert p.organisation == "Brackenfold Safeguarding Children Partnership"


@pytest.mark.parametrize(
    "sentence",
    [
        "In a letter to headteacher Idris Pennyworth-Cale, the inspector says the school "
        "has kept its standards.",
        "Writing to head teacher Idris Pennyworth-Cale, the lead inspector notes that "
        "behaviour is calm.",
    ],
)
def test_a_named_object_before_a_new_clause_keeps_the_role_before_it(sentence: str) -> None:
    """'letter to headteacher X, the inspector says': 'the inspector' opens a new clause."""
    text = f"Larkspur Primary School has been rated good by Ofsted.\n\n{sentence}"
    assert one(text, "Idris Pennyworth-Cale").role in ("headteacher", "head teacher")


def test_an_apposition_closed_by_a_comma_after_a_named_object_is_still_the_role() -> None:
    text = (
        "Larkspur Primary School has been rated good by Ofsted.\n\n"
        "The letter was sent to Idris Pennyworth-Cale, the headteacher, on Monday."
    )
    assert one(text, "Idris Pennyworth-Cale").role == "headteacher"


def test_who_chairs_a_bodys_own_board_is_the_chair_of_that_body() -> None:
    text = (
        "Both schools belong to the Fennick and Ashlow Federation, which was set up in 2016.\n\n"
        "Ashlow Primary School was rated good by Ofsted.\n\n"
        "Yevgenia Marchetti-Hobb, who chairs the federation's governing board, said: "
        '"We are very proud of our staff today."'
    )
    p = one(text, "Yevgenia Marchetti-Hobb")
    assert p.role == "chair of the federation's governing board"
    assert p.organisation == "Fennick and Ashlow Federation"


def test_a_title_before_the_name_outranks_a_who_chairs_clause() -> None:
    text = (
        "Ashlow Pupil Referral Unit was rated good by Ofsted.\n\n"
        "County councillor Yevgenia Marchetti-Hobb, who chairs the unit's management "
        'committee, said she was "delighted for everyone involved".'
    )
    assert one(text, "Yevgenia Marchetti-Hobb").role == "County councillor"


@pytest.mark.parametrize("org", ["Campaign", "Coalition", "Consortium", "Project"])
def test_an_organisation_named_after_a_role_is_no_person(org: str) -> None:
    # "director of the Open Schools Campaign": "Schools Campaign" must not become a
    # person who takes the quote from the named director
    text = (
        f"Dr Ilse Marchbank, director of the Open Rolls {org}, said: "
        '"Families deserve to know the truth about every school."'
    )
    found = people(text)
    assert set(found) == {"Ilse Marchbank"}
    assert found["Ilse Marchbank"].organisation == f"Open Rolls {org}"
    assert len(found["Ilse Marchbank"].quotes) == 1


@pytest.mark.parametrize(
    ("opening", "role"),
    [("Former pupil", "Former pupil"), ("Former student", "Former student")],
)
def test_a_former_pupil_speaks_as_one(opening: str, role: str) -> None:
    text = f'{opening} Kelwin Ashdrake, now an apprentice joiner, said: "They never gave up."'
    assert one(text, "Kelwin Ashdrake").role == role


def test_a_former_job_is_still_background() -> None:
    # a past job is not the role the person speaks in
    text = 'Former headteacher Kelwin Ashdrake said: "The school has come a long way."'
    assert one(text, "Kelwin Ashdrake").role is None
