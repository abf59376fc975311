"""Quotes and who said them: team-written sentences for each form and each trap."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofsted_extract import extract
from ofsted_extract.components.quotes import Lines, PhraseIndex, QuoteFinder, lower_text
from ofsted_extract.record import Record
from ofsted_extract.textutil import fold_quotes


def said(record: Record) -> dict[str, list[str]]:
    """Speaker -> quote texts; the report's quotes under "report"."""
    out = {p.name: [q.text for q in p.quotes] for p in record.people if p.quotes}
    if record.report_quotes:
        out["report"] = [q.text for q in record.report_quotes]
    return out


def passages(text: str) -> list[str]:
    """The passages the character rules find, before anyone is attributed."""
    folded = fold_quotes(text)
    lines = Lines(text, [], {"advertisement"})
    found = QuoteFinder({"advertisement"}).find(text, folded, lines)
    return [" ".join(text[a:b].strip() for a, b in p.segments) for p in found]


# -- marks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Jo Lane said: "We are proud of every pupil here."',
        "Jo Lane said: “We are proud of every pupil here.”",
        "Jo Lane said: 'We are proud of every pupil here.'",
        "Jo Lane said: ‘We are proud of every pupil here.’",
    ],
)
def test_straight_and_curly_double_and_single_marks(text: str) -> None:
    assert passages(text) == ["We are proud of every pupil here."]


def test_apostrophes_are_never_quote_marks() -> None:
    text = (
        "The children's centre and St Cyrus' church hall were praised. Pupils' behaviour is "
        "good, "
        "and the school’s leaders know it. Staff didn't agree."
    )
    assert passages(text) == []


def test_plural_possessive_inside_a_single_quoted_passage() -> None:
    text = (
        "The report says: 'Pupils' behaviour is calm and the teachers' planning is strong.' Good."
    )
    assert passages(text) == ["Pupils' behaviour is calm and the teachers' planning is strong."]


def test_single_quotes_inside_double_quotes_belong_to_them() -> None:
    text = "She said: \"They call it 'the hub' and every family knows where it is.\""
    assert passages(text) == ["They call it 'the hub' and every family knows where it is."]


def test_quote_running_over_paragraphs_and_an_advertisement() -> None:
    text = (
        'Cllr Mina Ansah said: "We have worked hard for three years.\n\n'
        "We will keep going until every child gets a good service.\n\n"
        "Advertisement\n\n"
        '"Nobody here is complacent."\n\nThe council meets next week.'
    )
    # the next paragraph neither opens nor closes a quote: the passage ends with its paragraph
    assert passages(text)[0] == "We have worked hard for three years."
    text2 = (
        'Cllr Mina Ansah said: "We have worked hard for three years.\n\n'
        "Advertisement\n\n"
        '"Nobody here is complacent, and we will keep going."\n\nThe council meets next week.'
    )
    record = extract(text2)
    assert said(record) == {
        "Mina Ansah": [
            "We have worked hard for three years. Nobody here is complacent, and we will keep "
            "going."
        ]
    }


def test_quote_continuing_mid_sentence_after_an_advertisement_line() -> None:
    text = (
        'Dr Ruby Chaplin, chief executive of the Fernlea Learning Trust, said: "We have '
        "appointed an "
        "executive headteacher from one of our\n\nAdvertisement\n\n"
        'partner schools, who started last week."\n\nThe school reopens on Monday.'
    )
    quotes = said(extract(text))["Ruby Chaplin"]
    assert quotes == [
        "We have appointed an executive headteacher from one of our partner schools, who started "
        "last week."
    ]


# -- attribution -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Cllr Cadfael Rhys said: "The inspectors saw the difference for themselves."',
        '"The inspectors saw the difference for themselves," Cllr Cadfael Rhys said.',
        '"The inspectors saw the difference for themselves," said Cllr Cadfael Rhys.',
        '"The inspectors saw the difference for themselves," Cllr Cadfael Rhys added.',
        '"The inspectors saw the difference for themselves," Cllr Cadfael Rhys told the BBC.',
        'Cllr Cadfael Rhys told a meeting that "the inspectors saw the difference for themselves".',
    ],
)
def test_quote_before_or_after_its_attribution(text: str) -> None:
    assert list(said(extract(text))) == ["Cadfael Rhys"]


@pytest.mark.parametrize(
    "text",
    [
        '"Children are safe and well cared for in this home," the report states.',
        'The report says that "children are safe and well cared for in this home".',
        'Inspectors said that "children are safe and well cared for in this home".',
        'But the letter warns that "children are not always safe when they go missing".',
        'In her report, the inspector said: "Children are safe and well cared for in this home."',
        'According to the report, "children are safe and well cared for in this home".',
        'Ofsted\'s inspection report states: "Children are safe and well cared for in this home."',
    ],
)
def test_report_quotes(text: str) -> None:
    record = extract(text)
    assert list(said(record)) == ["report"]
    assert record.people == []


@pytest.mark.parametrize("joined", ["and praised", "but criticised", "and thanked"])
def test_a_verb_joined_after_a_quote_does_not_make_its_object_the_speaker(joined: str) -> None:
    text = (
        "Inspectors judged Wexcombe High School to be good. They said pupils were "
        f'"safe, happy and keen to learn" {joined} the new headteacher, Nia Corran.\n\n'
        'Ms Corran said: "We are proud of every one of our pupils."'
    )
    got = said(extract(text))
    assert got["report"] == ["safe, happy and keen to learn"]
    assert got["Nia Corran"] == ["We are proud of every one of our pupils."]


def test_it_and_they_stand_for_the_report_after_the_report_spoke() -> None:
    text = (
        '"Leaders know the school well and act quickly," the report says.\n\n'
        'It adds that "the curriculum in the early years is not yet well sequenced".\n\n'
        'They also found that "pupils feel safe and know who to talk to about worries".'
    )
    assert len(said(extract(text))["report"]) == 3


def test_signed_quote_and_interview_answer() -> None:
    text = (
        '"Every child at this school matters to every one of us." – Cllr Oona Pratt, leader of '
        "the council.\n\nCllr Oona Pratt:\n\n"
        '"We will publish our improvement plan by the end of the month."'
    )
    assert said(extract(text)) == {
        "Oona Pratt": [
            "Every child at this school matters to every one of us.",
            "We will publish our improvement plan by the end of the month.",
        ]
    }


def test_quote_paragraph_after_reported_speech_goes_to_its_speaker() -> None:
    text = (
        "Ravi Menon, the council's director of children's services, said the result reflected "
        "years of work by frontline staff.\n\n"
        '"When I arrived, caseloads were far too high and morale was low.\n\n'
        '"We have turned that round together."\n\n'
        "The council said it would now focus on care leavers."
    )
    assert said(extract(text)) == {
        "Ravi Menon": [
            "When I arrived, caseloads were far too high and morale was low. "
            "We have turned that round together."
        ]
    }


def test_quote_after_a_colon_introducing_a_person() -> None:
    text = (
        "A message from our headteacher, Mrs Ines Calloway: "
        '"We are thrilled that inspectors saw what our families see every day."'
    )
    assert list(said(extract(text))) == ["Ines Calloway"]


def test_name_after_the_quote_with_role_before_it() -> None:
    text = (
        '"What inspectors saw was ordinary practice done very well," said Ottery\'s director of '
        "children's services, Corin Blake."
    )
    assert said(extract(text)) == {
        "Corin Blake": ["What inspectors saw was ordinary practice done very well,"]
    }


def test_pronouns_follow_the_person_just_named_and_agree_in_gender() -> None:
    text = (
        "Mr Crispin Lind, the chair of governors, said the school had changed. "
        "Mrs Elspeth Lind, the headteacher, agreed.\n\n"
        '"We never doubted our pupils for a moment," she said.\n\n'
        '"The governors backed the staff all the way through," he said.'
    )
    record = extract(text)
    assert said(record) == {
        "Elspeth Lind": ["We never doubted our pupils for a moment,"],
        "Crispin Lind": ["The governors backed the staff all the way through,"],
    }


def test_a_quote_after_a_closed_quote_continues_its_speaker_as_a_separate_quote() -> None:
    text = (
        '"Too many children wait too long for help," the report said.\n\n'
        '"Leaders have been slow to understand the scale of the problem."\n\n'
        'Cllr Iolo Mott said: "We accept every word of this report."\n\n'
        '"We will publish our plan within weeks, as Ofsted asked."'
    )
    assert said(extract(text)) == {
        "report": [
            "Too many children wait too long for help,",
            "Leaders have been slow to understand the scale of the problem.",
        ],
        "Iolo Mott": [
            "We accept every word of this report.",
            "We will publish our plan within weeks, as Ofsted asked.",
        ],
    }


def test_two_quotes_split_by_the_attribution_are_two_quotes() -> None:
    text = '"We were judged on a new framework," he said. "I accept our teaching must improve."'
    text = "Headteacher Alasdair Fell said he was not downhearted.\n\n" + text
    assert said(extract(text)) == {
        "Alasdair Fell": [
            "We were judged on a new framework,",
            "I accept our teaching must improve.",
        ]
    }


def test_a_person_named_by_role_only_is_the_person_given_that_role() -> None:
    text = (
        "Headteacher Eira Dunkerley said the school had worked hard.\n\n"
        'The headteacher added: "Every child here deserves the very best teaching."'
    )
    assert said(extract(text)) == {
        "Eira Dunkerley": ["Every child here deserves the very best teaching."]
    }


def test_lead_naming_the_speaker_by_role_before_the_person_is_introduced() -> None:
    text = (
        "Brantwell Junior School has climbed to good after what its headteacher calls "
        '"three years of stubborn, patient work by everyone here".\n\n'
        "Inspectors visited in March.\n\n"
        'Headteacher Griselda Akande said: "We never stopped believing in these children."'
    )
    assert said(extract(text)) == {
        "Griselda Akande": [
            "three years of stubborn, patient work by everyone here",
            "We never stopped believing in these children.",
        ]
    }


def test_a_role_named_before_anyone_holds_it_is_not_given_to_someone_else() -> None:
    text = (
        "The school's chair of governors described the result as \"a reward for the whole "
        'village".\n\nHeadteacher Ivo Brandt said: "We are thrilled for the children."'
    )
    record = extract(text)
    assert said(record) == {"Ivo Brandt": ["We are thrilled for the children."]}
    assert any("speaker unclear" in w for w in record.warnings)


@pytest.mark.parametrize(
    "sentence",
    [
        '"Leaders have acted swiftly," the report says, adding that "pupils now attend well".',
        '"Leaders have acted swiftly," inspectors said, noting that "pupils now attend well".',
        'The letter says leaders have acted swiftly, adding that "pupils now attend well".',
    ],
)
def test_participle_shares_the_subject_of_the_verb_before_it(sentence: str) -> None:
    found = said(extract(sentence))
    assert list(found) == ["report"]
    assert "pupils now attend well" in found["report"]


def test_participle_after_a_named_speaker_goes_to_that_speaker() -> None:
    text = '"This is a proud day," said Cllr Perdita Taft, adding that "the hard work is not over".'
    assert said(extract(text)) == {
        "Perdita Taft": ["This is a proud day,", "the hard work is not over"]
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "A joint inspection of how agencies in Corbury protect children has found that most "
        'families get "swift, well-planned and effective support".',
        'The latest inspection found that leaders "know their school inside out".',
        'Ofsted\'s monitoring visit found that plans were "not yet having enough impact".',
    ],
)
def test_the_inspection_itself_as_the_subject(sentence: str) -> None:
    assert list(said(extract(sentence))) == ["report"]


def test_inspection_inside_a_role_is_not_the_report() -> None:
    text = (
        "Mira Ansah, the regulator's director of social care inspection, said the figures "
        'showed "steady improvement across almost every region".'
    )
    assert list(said(extract(text))) == ["Mira Ansah"]


def test_report_words_inside_a_persons_reported_speech_go_to_the_report() -> None:
    text = (
        "Headteacher Crispin Lund said the school would now focus on writing, which inspectors "
        'flagged as an area where some pupils "do not yet write at length often enough".'
    )
    assert said(extract(text)) == {"report": ["do not yet write at length often enough"]}


def test_a_persons_view_of_the_report_stays_theirs() -> None:
    text = (
        'Headteacher Crispin Lund said the report was "a fair picture of a school on the way up".'
    )
    assert said(extract(text)) == {"Crispin Lund": ["a fair picture of a school on the way up"]}


def test_second_segment_after_a_long_role_continues_the_speaker() -> None:
    text = (
        "\u201cWe said we would not stop until every service was good,\u201d said Councillor "
        "Petra Vance-Holm, Leader of Rushmere Borough Council. \u201cToday's letter shows "
        "we are nearly there.\u201d"
    )
    assert said(extract(text)) == {
        "Petra Vance-Holm": [
            "We said we would not stop until every service was good,",
            "Today's letter shows we are nearly there.",
        ]
    }


@pytest.mark.parametrize(
    "lead_in",
    [
        "Here are some of our favourite comments from the report:",
        "Extracts from the inspection report:",
        "Among the highlights in the inspectors' letter:",
    ],
)
def test_a_list_of_report_extracts_after_a_lead_in(lead_in: str) -> None:
    text = (
        f"{lead_in}\n\n"
        "'Children are curious and keen to explore the garden every day.'\n\n"
        "'Staff know each child well and plan for their next steps.'\n\n"
        'Manager Kitty Hale said: "We are so proud of the whole team."'
    )
    assert said(extract(text)) == {
        "Kitty Hale": ["We are so proud of the whole team."],
        "report": [
            "Children are curious and keen to explore the garden every day.",
            "Staff know each child well and plan for their next steps.",
        ],
    }


@pytest.mark.parametrize("mark", ["•", "-", "*", "–"])
def test_a_bulleted_list_of_report_extracts_after_a_lead_in(mark: str) -> None:
    text = (
        "Here are a few of the things the inspectors wrote about us:\n\n"
        f'{mark} "Children are curious and keen to explore the garden every day."\n'
        f'{mark} "Staff know each child well and plan for their next steps."\n\n'
        'Manager Kitty Hale said: "We are so proud of the whole team."'
    )
    assert said(extract(text)) == {
        "Kitty Hale": ["We are so proud of the whole team."],
        "report": [
            "Children are curious and keen to explore the garden every day.",
            "Staff know each child well and plan for their next steps.",
        ],
    }


def test_a_bulleted_list_after_parents_lead_in_is_not_the_reports() -> None:
    text = (
        "Here are some comments from our parents:\n\n"
        '• "The staff are like a second family to our daughter."\n'
        '• "My son runs in every morning and never wants to leave."'
    )
    assert said(extract(text)) == {}


def test_a_lead_in_naming_the_writer_of_a_letter_gives_its_speaker() -> None:
    text = (
        "Below is an excerpt from the letter Mrs Odile Farrant, our headteacher, has sent "
        "home to all families:\n\n"
        '"I am delighted to tell you that our school has been judged good in every area."\n'
    )
    words = "I am delighted to tell you that our school has been judged good in every area."
    assert said(extract(text)) == {"Odile Farrant": [words]}


@pytest.mark.parametrize(
    "lead_in",
    [
        "Below is the letter the inspectors sent to Mrs Odile Farrant, our headteacher:",
        "Below is the letter Mrs Odile Farrant and Mr Tobias Wren have sent home to families:",
    ],
)
def test_a_letter_lead_in_with_a_recipient_or_two_writers_names_no_speaker(lead_in: str) -> None:
    text = (
        f"{lead_in}\n\n"
        '"I am delighted to tell you that our school has been judged good in every area."\n'
    )
    speakers = set(said(extract(text)))
    assert not speakers & {"Odile Farrant", "Tobias Wren"}


def test_comments_from_parents_are_not_the_reports() -> None:
    text = (
        "Here are some comments from our parents:\n\n"
        "'The staff are like a second family to our daughter.'"
    )
    record = extract(text)
    assert said(record) == {}


# -- traps -----------------------------------------------------------------------


def test_scare_quotes_and_grade_labels_are_not_quotes() -> None:
    text = (
        "The council was rated 'requires improvement to be good' in 2019 and is now 'good'. "
        'Inspectors found "widespread and/or systemic failings" in the area. '
        'Cllr Dee Fox said the findings were "deeply disappointing".'
    )
    record = extract(text)
    assert said(record) == {}
    assert not any("quote" in w for w in record.warnings)


def test_speaker_that_cannot_be_told_is_left_out_with_a_warning() -> None:
    text = (
        'Cllr Ros Kemp said: "We are delighted for the pupils and staff."\n\n'
        '"We congratulate everyone involved on a fantastic achievement," a council spokesperson '
        "said.\n\n"
        'The Local Government Association said: "Councils need more support from government."'
    )
    record = extract(text)
    assert said(record) == {"Ros Kemp": ["We are delighted for the pupils and staff."]}
    assert sum("speaker unclear" in w for w in record.warnings) == 2


def test_unknown_he_is_not_guessed() -> None:
    record = extract('"This is the best result the school has ever had," he said.')
    assert said(record) == {}
    assert any("speaker unclear" in w for w in record.warnings)


def test_quote_evidence_points_at_the_quoted_words() -> None:
    text = "Intro line.\n\nCllr Ada Brook said: “We will not rest until every child is safe.”"
    quote = extract(text).people[0].quotes[0]
    assert text[quote.evidence.start : quote.evidence.end] == quote.evidence.text
    assert quote.evidence.text == "We will not rest until every child is safe."


# -- robustness ------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("ab Cd.,:\n\"'“”‘’-") + ["Cllr ", "said ", "Jo Lee ", "the report ", "he ", "\n\n"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_any_text_gives_exact_evidence(text: str) -> None:
    record = extract(text)
    for person in record.people:
        assert text[person.evidence.start : person.evidence.end] == person.evidence.text
        for q in person.quotes:
            assert text[q.evidence.start : q.evidence.end] == q.evidence.text
    for q in record.report_quotes:
        assert text[q.evidence.start : q.evidence.end] == q.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "\"'“”‘’" * 20_000,
        ('Cllr Jo Lee said: "We are proud," she said. ' * 2_000),
        ("'a b' " * 20_000),
        ("Cllr Mac Smith Said, Dr Jones O'Neil Council " * 4_000),
    ],
)
def test_hostile_input_is_handled_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    extract(text)
    assert time.perf_counter() - start < 15


# -- the fast word index means what the plain one meant -----------------------------


def _plain_find(phrases: dict[str, list[str]], text: str) -> dict[str, list[tuple[int, int, str]]]:
    """The word-by-word reading the fast index replaced: every word looked up in turn."""
    words = [
        (m.start(), m.end(), m.group().lower().replace("’", "'"))
        for m in re.finditer(r"[^\W_][\w'’&-]*", text)
    ]
    options = sorted(
        ((tag, tuple(p.lower().split())) for tag, ps in phrases.items() for p in ps),
        key=lambda o: len(o[1]),
        reverse=True,
    )
    out: dict[str, list[tuple[int, int, str]]] = {}
    for i, (start, _, word) in enumerate(words):
        stripped = word[:-2] if word.endswith("'s") else word
        first = word if any(o[1][0] == word for o in options) else stripped
        seen: set[str] = set()
        for tag, option in options:
            j = i + len(option)
            if tag in seen or option[0] != first or j > len(words):
                continue
            rest = [w[2] for w in words[i + 1 : j]]
            if rest and rest[-1].endswith("'s") and rest[-1][:-2] == option[-1]:
                rest[-1] = option[-1]
            if rest != list(option[1:]):
                continue
            seen.add(tag)
            out.setdefault(tag, []).append((start, words[j - 1][1], " ".join(option)))
    return out


_LEXICON = {
    "verb": ["said", "says", "goes on", "pointed out", "according to"],
    "body": ["inspectors", "the inspectors", "the lead inspector", "ofsted", "ofsted's inspectors"],
    "noun": ["report", "inspection report", "letter"],
    "head": ["head", "lead", "head teacher"],
}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "said",
                "Says",
                "goes",
                "on",
                "pointed",
                "out",
                "according",
                "to",
                "the",
                "inspectors",
                "inspectors'",
                "lead",
                "inspector",
                "Ofsted",
                "Ofsted's",
                "report",
                "report's",
                "inspection",
                "letter",
                "head",
                "teacher",
                "head-teacher",
                "The",
                "x",
                " ",
                "  ",
                ", ",
                ".",
                "\n",
                "’s",
                "'",
                "-",
            ]
        ),
        max_size=25,
    ).map(lambda parts: " ".join(parts))
)
def test_phrase_index_reads_like_the_plain_word_by_word_one(text: str) -> None:
    index = PhraseIndex()
    for tag, phrases in _LEXICON.items():
        index.add(tag, phrases)
    low = lower_text(text)
    assert index.find(low, 0, len(low)) == _plain_find(_LEXICON, text)


def test_who_clause_after_an_object_gives_the_speaker() -> None:
    text = (
        "I am grateful to the council's leader, Councillor Mabel Trewin, who has assured me "
        'that "the council will work openly with the commissioner at every stage".'
    )
    assert said(extract(text)) == {
        "Mabel Trewin": ["the council will work openly with the commissioner at every stage"]
    }


def test_an_object_without_a_who_clause_is_still_not_the_speaker() -> None:
    text = (
        'In a letter to headteacher Jo Quarrie, the inspector wrote that "pupils are proud '
        'of their school and of one another".'
    )
    assert "Jo Quarrie" not in said(extract(text))


# -- fast paths read the same as the plain ones -------------------------------------


_WIDE_WORDS = [
    "said", "Says", "goes", "on", "the", "The", "inspectors", "inspectors'", "lead", "inspector",
    "Ofsted's", "report", "report's", "inspection", "letter", "head", "teacher", "head-teacher",
    "x", "café", "É", "x_the", "-the", "&report", "report—", "“the", "inspectors”", "(report)",
    " ", ", ", ".", "\n", "’s", "'", "-", "—", "\u00a0", "\u2009", "…", "£5", "_", "•",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WIDE_WORDS), max_size=25).map(" ".join),
    st.integers(0, 300),
    st.integers(0, 300),
)
def test_phrase_index_reads_any_stretch_alike_with_and_without_its_spaced_copy(
    text: str, i: int, j: int
) -> None:
    # "é" after the end leaves a letter the spaced copy cannot hold, so the second reading
    # goes by the plain opener; what lies after the end of the stretch is never read
    index = PhraseIndex()
    for tag, phrases in _LEXICON.items():
        index.add(tag, phrases)
    low = lower_text(text)
    a, b = sorted((min(i, len(low)), min(j, len(low))))
    plain = low + " é"
    assert index.find(low, a, b) == index.find(plain, a, b)
    assert index.find(low, 0, len(low)) == index.find(plain, 0, len(low))


@pytest.mark.parametrize(
    ("line", "skippable"),
    [
        ("Advertisement", True),
        ("  story   CONTINUES below ", True),
        ("- Advertisement -", True),
        ("Advertisement sales fell, the head said.", False),
        ("Read more about the report here.", False),
        ("", True),
        ("   ", True),
        ("The head said the report was fair.", False),
    ],
)
def test_interruption_lines_are_read_whatever_their_spacing(line: str, skippable: bool) -> None:
    interruptions = {"advertisement", "story continues below", "- advertisement -", "read more"}
    lines = Lines(f"First.\n{line}\nLast.", [], interruptions)
    assert lines.skippable(1) is skippable


@pytest.mark.parametrize(
    "lead",
    [
        "Mrs Ferrow-Diaz in Year 4 summed it up best:",
        "As Mrs Ferrow-Diaz put it:",
    ],
)
def test_summed_it_up_and_put_it_introduce_a_quote(lead: str) -> None:
    text = f'Ofsted rated Wendle Cross Primary good.\n\n{lead} "It is the children who did it!"'
    assert said(extract(text)) == {"Ferrow-Diaz": ["It is the children who did it!"]}


# -- a speaker named by one word ---------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "Tamsin, who opened the new library wing in May, said:\n\n",
        "Tamsin said: ",
        "Penhallow, who chairs the governors, said: ",
    ],
)
def test_a_one_word_name_goes_to_the_person_introduced_with_it(lead: str) -> None:
    text = (
        "Tamsin Penhallow, chair of governors at Fenwick Quay Primary School, welcomed the "
        f'result.\n\n{lead}"Every family in this village should feel proud of these children.'
        '\n\n"My thanks go to the staff who made it happen."'
    )
    assert said(extract(text)) == {
        "Tamsin Penhallow": [
            "Every family in this village should feel proud of these children. "
            "My thanks go to the staff who made it happen."
        ]
    }


@pytest.mark.parametrize(
    "sentence",
    [
        '"We knew the children had done something special," Tamsin said.',
        '"We knew the children had done something special," said Tamsin.',
    ],
)
def test_a_one_word_name_after_the_quote(sentence: str) -> None:
    text = f"Tamsin Penhallow, chair of governors, welcomed the result.\n\n{sentence}"
    assert said(extract(text)) == {
        "Tamsin Penhallow": ["We knew the children had done something special,"]
    }


@pytest.mark.parametrize(
    "before",
    [
        # nobody introduced with that name
        "Tamsin Penhallow, chair of governors, welcomed the result.",
        # two people it could be
        "Olwen Penhallow, a governor, and Olwen Treharne, a parent, welcomed the result.",
    ],
)
def test_a_one_word_name_that_fits_no_one_or_two_people_is_left_out(before: str) -> None:
    text = f'{before}\n\nOlwen, a parent, said: "The teachers never gave up on our children."'
    record = extract(text)
    assert said(record) == {}
    assert any("speaker unclear" in w for w in record.warnings)


def test_a_one_word_name_must_be_introduced_before_the_quote() -> None:
    text = (
        'Tamsin said: "Every family in this village should feel proud today."\n\n'
        "Tamsin Penhallow, chair of governors, later wrote to parents."
    )
    assert said(extract(text)) == {}


# -- the report's words named by a noun before the quote -----------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "drew attention to the inspectors' finding that",
        "welcomed the report's conclusion that",
        "pointed to the inspectors’ view that",
        "quoted the lead inspector's verdict:",
        "said he agreed with inspectors' conclusion that",
    ],
)
def test_a_report_noun_before_the_quote_makes_it_the_reports(lead: str) -> None:
    text = (
        f'Councillor Bryn Ashcombe {lead} "pupils at Millbrook Junior School are safe and '
        'well cared for".'
    )
    assert said(extract(text)) == {
        "report": ["pupils at Millbrook Junior School are safe and well cared for"]
    }


@pytest.mark.parametrize(
    "lead",
    [
        # the speaker's own view of the report, not the report's words
        "said the report's finding was",
        # another person's view
        "agreed with the headteacher's view that",
    ],
)
def test_a_persons_words_about_a_finding_stay_theirs(lead: str) -> None:
    text = f'Councillor Bryn Ashcombe {lead} "a fair reflection of how far the school has come".'
    assert "report" not in said(extract(text))


# -- reported speech, then a quote with no tag of its own (feature style) -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tamsin Orchard-Bell, a science teacher, says the timetable made the difference.",
        "Tamsin Orchard-Bell, a science teacher, said the timetable made the difference.",
    ],
)
def test_a_quote_after_reported_speech_goes_on_from_its_speaker(sentence: str) -> None:
    text = (
        "Pupils at Hollinsford Academy are calmer this year. "
        f'{sentence} "Lessons start on time now, and nobody wastes the first ten minutes."'
    )
    assert said(extract(text)) == {
        "Tamsin Orchard-Bell": [
            "Lessons start on time now, and nobody wastes the first ten minutes."
        ]
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # no speech verb: the person is named, not reported
        "Tamsin Orchard-Bell, a science teacher, joined the school in 2019.",
        # reported speech of someone the article does not name
        "Tamsin Orchard-Bell, a science teacher, met parents. Several of them say it helped.",
    ],
)
def test_a_quote_after_a_sentence_reporting_no_named_speaker_is_left_out(sentence: str) -> None:
    text = f'{sentence} "Lessons start on time now, and nobody wastes the first ten minutes."'
    record = extract(text)
    assert said(record) == {}
    assert any("speaker unclear" in w for w in record.warnings)


# -- a role given only in the speech tag ---------------------------------------------


def test_a_role_in_the_speech_tag_goes_to_the_person_named_just_before() -> None:
    text = (
        "Halloran Quist unlocked the gates at seven on results morning. "
        '"We had waited four long years for this day," says the deputy headteacher, who '
        "joined the school in 2015."
    )
    record = extract(text)
    assert said(record) == {"Halloran Quist": ["We had waited four long years for this day,"]}
    (person,) = record.people
    assert person.role == "deputy headteacher"


def test_a_role_in_the_speech_tag_joins_the_person_named_again_later() -> None:
    text = (
        "Halloran Quist unlocked the gates at seven on results morning. "
        '"We had waited four long years for this day," says the deputy headteacher.\n\n'
        'Mr Quist added: "The staff deserve every bit of the credit for this."'
    )
    record = extract(text)
    assert [p.name for p in record.people] == ["Halloran Quist"]
    assert record.people[0].role == "deputy headteacher"
    assert len(record.people[0].quotes) == 2


@pytest.mark.parametrize(
    "before",
    [
        # two people named: no telling which
        "Halloran Quist and Benedetta Roskilly unlocked the gates at seven.",
        # the one person named already has another role
        "Halloran Quist, chair of governors, unlocked the gates at seven.",
        # the role is not in the sentence just before
        "Halloran Quist unlocked the gates at seven. The sun was already up over the field.",
    ],
)
def test_a_role_in_the_speech_tag_is_not_given_to_anyone_else(before: str) -> None:
    text = f'{before} "We had waited four long years for this day," says the deputy headteacher.'
    record = extract(text)
    assert said(record) == {}
    assert all(p.role != "deputy headteacher" for p in record.people)


# -- the report's words after a verb only the report takes ---------------------------


@pytest.mark.parametrize("verb", ["credits", "credited", "applauds", "cites"])
def test_the_letter_crediting_someone_quotes_the_report(verb: str) -> None:
    text = (
        f'The monitoring letter {verb} the trust for "a relentless focus on reading in every '
        'year group" since the last visit.'
    )
    assert said(extract(text)) == {"report": ["a relentless focus on reading in every year group"]}


def test_a_person_crediting_someone_is_not_the_report() -> None:
    text = (
        'Headteacher Corisande Penrose credits her staff for "a relentless focus on reading in '
        'every year group" since the last visit.'
    )
    assert "report" not in said(extract(text))


# -- an unnamed speaker blocks "she said" ------------------------------------------


@pytest.mark.parametrize(
    "unnamed",
    [
        "One grandmother, who did not want to be named, said",
        "A Year 3 parent said",
        "At the school gates, one mother said",
    ],
)
def test_she_said_after_an_unnamed_speaker_is_not_the_named_woman(unnamed: str) -> None:
    text = (
        'Ysolde Farrant, the headteacher, said: "We are delighted with the outcome."\n\n'
        f"{unnamed} she had noticed a change this year. "
        '"The children seem far calmer at the gate now," she said.'
    )
    assert said(extract(text)) == {"Ysolde Farrant": ["We are delighted with the outcome."]}


def test_she_said_after_an_unnamed_speaker_in_the_paragraph_before() -> None:
    text = (
        'Ysolde Farrant, the headteacher, said: "We are delighted with the outcome."\n\n'
        '"I was worried when we first moved here," said one mother.\n\n'
        '"The children seem far calmer at the gate now," she said.'
    )
    assert said(extract(text)) == {"Ysolde Farrant": ["We are delighted with the outcome."]}


@pytest.mark.parametrize(
    "middle",
    [
        # the unnamed speaker is named after all
        "A parent, Corinna Vale, said she had noticed a change this year.",
        # "a parent" is not the subject
        "Ysolde Farrant said she had talked to a parent on Monday.",
    ],
)
def test_she_said_still_goes_to_the_named_woman(middle: str) -> None:
    text = (
        "Ysolde Farrant, the headteacher, welcomed the report.\n\n"
        f'{middle} "The children seem far calmer at the gate now," she said.'
    )
    got = said(extract(text))
    assert list(got) == ["Corinna Vale" if "Corinna" in middle else "Ysolde Farrant"]


def test_a_parent_reported_after_said_does_not_block_she_said() -> None:
    text = (
        "Ysolde Farrant, the headteacher, said a parent had written to her on Monday. "
        '"It was a lovely letter to receive after such a long week," she said.'
    )
    assert list(said(extract(text))) == ["Ysolde Farrant"]


def test_a_person_citing_words_after_their_own_speech_verb_keeps_them() -> None:
    text = (
        "Corisande Penrose, the headteacher, said she was pleased and cited "
        '"a relentless focus on reading in every year group".'
    )
    assert list(said(extract(text))) == ["Corisande Penrose"]


@pytest.mark.parametrize(
    "before",
    [
        # the name is not the subject of the sentence before
        "Pupils wrote a letter to Halloran Quist in the spring.",
        # the name is an owner
        "Halloran Quist's daughter started at the school in September.",
    ],
)
def test_a_role_in_the_speech_tag_needs_the_name_as_the_subject(before: str) -> None:
    text = f'{before} "We had waited four long years for this day," says the deputy headteacher.'
    assert said(extract(text)) == {}


# -- pronouns going on with the subject of the sentence before ---------------------------


def test_she_after_the_lead_inspector_wrote_speaks_for_the_report() -> None:
    text = (
        "Headteacher Ottoline Brackwater welcomed the news.\n\n"
        'The lead inspector wrote that "children arrive eager to learn and leave as confident '
        'readers". She also noted that "every adult in the school knows each child well".'
    )
    assert said(extract(text)) == {
        "report": [
            "children arrive eager to learn and leave as confident readers",
            "every adult in the school knows each child well",
        ]
    }


def test_she_after_inspectors_or_a_person_named_between_is_not_the_report() -> None:
    # plural inspectors are "they"; a person named after the inspector is the referent
    text = (
        'The lead inspector met headteacher Mrs Ottoline Brackwater. She said: "We showed '
        'them an ordinary week in our school."\n\n'
        "The inspectors toured every classroom. She said: \"I was proud of every child that "
        'day."'
    )
    assert said(extract(text)) == {
        "Ottoline Brackwater": [
            "We showed them an ordinary week in our school.",
            "I was proud of every child that day.",
        ]
    }


def test_she_after_a_surname_subject_is_that_person_not_the_latest_named() -> None:
    text = (
        "Headteacher Perpetua Halloran arrived in 2017. \"We started with behaviour in the "
        'corridors," she says.\n\n'
        'Councillor Ambrose Kittredge said: "The whole town should be proud of this school '
        'today."\n\n'
        "Halloran is clear that the work is not finished. \"Good is only the start for our "
        'pupils," she says.'
    )
    got = said(extract(text))
    assert got["Perpetua Halloran"] == [
        "We started with behaviour in the corridors,",
        "Good is only the start for our pupils,",
    ]
    assert got["Ambrose Kittredge"] == ["The whole town should be proud of this school today."]


def test_a_surname_subject_shared_by_two_people_leaves_the_pronoun_alone() -> None:
    # two Hallorans: the surname tells nothing, so the pronoun goes to the latest named
    text = (
        'Headteacher Perpetua Halloran said: "We started with behaviour in the corridors."\n\n'
        'Her deputy, Mr Fintan Halloran, said: "Staff stayed because they believed in it."\n\n'
        'Halloran is clear that the work is not finished. "Good is only the start for our '
        'pupils," he says.'
    )
    got = said(extract(text))
    assert got["Fintan Halloran"] == [
        "Staff stayed because they believed in it.",
        "Good is only the start for our pupils,",
    ]


@pytest.mark.parametrize("verb", ["reporting", "concluding", "observing"])
def test_a_participle_after_inspectors_as_subject_gives_the_report(verb: str) -> None:
    text = (
        f"Inspectors judged the academy inadequate in 2013, {verb} that pupils \"did not feel "
        'safe on the stairs at break" and that too many staff had "low hopes for what '
        'pupils could do".'
    )
    assert said(extract(text)) == {
        "report": [
            "did not feel safe on the stairs at break",
            "low hopes for what pupils could do",
        ]
    }


def test_a_participle_after_a_named_person_gives_that_person() -> None:
    text = (
        'Headteacher Ottoline Brackwater wrote to parents, reporting that the school was "in '
        'a far stronger place than it was three years ago".'
    )
    assert said(extract(text)) == {
        "Ottoline Brackwater": ["in a far stronger place than it was three years ago"]
    }


# -- a spokesperson for a named person -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'A spokesperson for Caspian Wetherall, the schools minister, said: "The minister '
        'expects rapid improvement at the academy."',
        'A spokeswoman for the schools minister, Caspian Wetherall, said: "The minister '
        'expects rapid improvement at the academy."',
        '"The minister expects rapid improvement at the academy," a spokesman for Caspian '
        "Wetherall, the schools minister, said.",
        '"The minister expects rapid improvement at the academy," a spokeswoman for Caspian '
        "Wetherall said.",
    ],
)
def test_a_spokesperson_for_a_named_person_is_not_that_person(sentence: str) -> None:
    text = f"Ofsted rated Quillon Bay Academy inadequate last month.\n\n{sentence}\n"
    assert said(extract(text)) == {}


def test_a_named_speaker_after_a_spokesperson_clause_still_speaks() -> None:
    text = (
        "Ofsted rated Quillon Bay Academy inadequate last month.\n\n"
        "A spokesperson for the trust declined to comment, but Caspian Wetherall, the schools "
        'minister, said: "The minister expects rapid improvement at the academy."\n'
    )
    assert said(extract(text)) == {
        "Caspian Wetherall": ["The minister expects rapid improvement at the academy."]
    }


# -- a passive speech verb after the inspectors spoke ---------------------------------


@pytest.mark.parametrize("verb", ["was described as", "was judged to be", "were described as"])
def test_a_passive_speech_verb_after_inspectors_said_gives_the_report(verb: str) -> None:
    text = (
        "Leadership at Marrowby Primary requires improvement, inspectors said, and lessons "
        f'{verb} "lively but too often unfocused".'
    )
    assert said(extract(text)) == {"report": ["lively but too often unfocused"]}


@pytest.mark.parametrize(
    "sentence",
    [
        # an agent of its own: the parents' words, not the report's
        "Leadership at Marrowby Primary requires improvement, inspectors said, and lessons "
        'were described by parents as "lively but too often unfocused".',
        # no one in the sentence speaks for the report
        'Lessons at Marrowby Primary were described as "lively but too often unfocused".',
    ],
)
def test_a_passive_speech_verb_without_the_report_as_source_is_no_report_quote(
    sentence: str,
) -> None:
    assert "report" not in said(extract(sentence))


@pytest.mark.parametrize("speaker", ["A spokesman", "A council spokesperson"])
def test_an_unnamed_speaker_after_a_closed_quote_in_the_same_paragraph(speaker: str) -> None:
    # the stop closing the first quote ends its sentence: the named speaker opening it is
    # not the subject of the next one
    text = (
        "Ofsted rated Quillon Bay Academy good last month.\n\n"
        'Caspian Wetherall, the schools minister, said: "The academy has come a very long '
        f'way." {speaker} said: "We are thrilled with the outcome for everyone."\n'
    )
    assert said(extract(text)) == {"Caspian Wetherall": ["The academy has come a very long way."]}


def test_an_unquoted_item_does_not_end_a_list_of_report_extracts() -> None:
    text = (
        "Here are a few of the things the inspectors wrote about us:\n\n"
        '- "Children are curious and keen to explore the garden every day."\n'
        "- Babies settle quickly with their key person.\n"
        '- "Staff know each child well and plan for their next steps."\n\n'
        'Manager Kitty Hale said: "We are so proud of the whole team."'
    )
    assert said(extract(text))["report"] == [
        "Children are curious and keen to explore the garden every day.",
        "Staff know each child well and plan for their next steps.",
    ]


def test_a_quoted_item_after_a_list_with_other_marks_does_not_go_on() -> None:
    text = (
        "Here are a few of the things the inspectors wrote about us:\n\n"
        '- "Children are curious and keen to explore the garden every day."\n'
        "* Babies settle quickly with their key person.\n"
        '* "Staff know each child well and plan for their next steps."\n'
    )
    assert said(extract(text))["report"] == [
        "Children are curious and keen to explore the garden every day.",
    ]


# -- "with inspectors noting that": a participle with its own subject ----------------


def test_a_participle_after_with_and_its_subject_takes_that_subject() -> None:
    text = (
        "Tresillian Park School was rated good. Teaching was also judged good, with "
        'inspectors noting that "most lessons move at a brisk pace and pupils enjoy them".\n'
    )
    assert said(extract(text)) == {
        "report": ["most lessons move at a brisk pace and pupils enjoy them"]
    }


def test_a_participle_after_with_a_person_takes_the_person_not_the_main_subject() -> None:
    text = (
        "Tresillian Park School was rated good. Headteacher Morwenna Blight welcomed the "
        "findings.\n\n"
        "The report praised the curriculum, with Mrs Blight adding that "
        '"our staff have worked tirelessly for this".\n'
    )
    assert said(extract(text)) == {"Morwenna Blight": ["our staff have worked tirelessly for this"]}


def test_a_participle_with_no_subject_after_with_keeps_the_main_subject() -> None:
    text = (
        "Tresillian Park School was rated good. Headteacher Morwenna Blight said she was "
        'pleased with the result, adding that "every single child played a part in it".\n'
    )
    # "pleased with the result": "with" governs no subject of "adding"
    assert said(extract(text)) == {"Morwenna Blight": ["every single child played a part in it"]}


@pytest.mark.parametrize("verb", ["finding", "concluding", "reporting"])
def test_with_inspectors_finding_that_gives_the_report(verb: str) -> None:
    text = (
        "Ashcombe Vale College was rated requires improvement. Adult learning was also "
        f'graded inadequate, with inspectors {verb} that "too few adults gain the '
        'qualifications they set out to achieve".\n'
    )
    assert said(extract(text)) == {
        "report": ["too few adults gain the qualifications they set out to achieve"]
    }


def test_a_finding_noun_after_a_person_still_names_the_report() -> None:
    text = (
        "Ashcombe Vale College was rated good. Principal Ysolde Marrack welcomed the "
        'inspectors\' finding that "learners are well prepared for their next steps".\n'
    )
    assert said(extract(text)) == {"report": ["learners are well prepared for their next steps"]}


# -- a colon after a lead-in with no speech verb -----------------------------------


def test_a_person_opening_a_lead_in_closed_by_a_colon_gives_the_quote() -> None:
    text = (
        "Ferncastle Primary School was rated good by Ofsted.\n\n"
        "Tamsin Ollerenshaw, chair of the Ferncastle parents' forum, welcomed the "
        'report\'s frankness: "Parents have raised these worries for years and now '
        'someone has listened."\n'
    )
    assert said(extract(text)) == {
        "Tamsin Ollerenshaw": [
            "Parents have raised these worries for years and now someone has listened."
        ]
    }


def test_a_lead_in_naming_the_report_as_the_source_is_not_the_persons() -> None:
    text = (
        "Ferncastle Primary School was rated good by Ofsted.\n\n"
        "Headteacher Tamsin Ollerenshaw shared this extract from the report: "
        '"Pupils are kind to one another and proud of their school."\n'
    )
    assert "Tamsin Ollerenshaw" not in said(extract(text))


def test_two_people_in_a_colon_lead_in_give_neither_the_quote() -> None:
    text = (
        "Ferncastle Primary School was rated good by Ofsted.\n\n"
        "Tamsin Ollerenshaw thanked Bertram Quayle for his support: "
        '"Parents have raised these worries for years and now someone has listened."\n'
    )
    got = said(extract(text))
    assert "Tamsin Ollerenshaw" not in got and "Bertram Quayle" not in got


# -- round 6: the report opening a colon lead-in, agentless passives, a glued preposition --


def test_the_report_opening_a_short_colon_lead_in_gives_the_quote() -> None:
    text = (
        "Thornbury Vale Primary School has kept its good rating, Ofsted says.\n\n"
        "The report goes further, though: \"The evidence suggests the school could be judged "
        'outstanding at its next inspection."'
    )
    assert said(extract(text)) == {
        "report": [
            "The evidence suggests the school could be judged outstanding at its next inspection."
        ]
    }


def test_a_colon_lead_in_naming_a_person_is_not_the_reports() -> None:
    text = (
        "Thornbury Vale Primary School has kept its good rating, Ofsted says.\n\n"
        'The report pleased headteacher Rosalind Achterberg-Pym: "We are thrilled for our '
        'whole school community."'
    )
    assert "report" not in said(extract(text))


def test_an_agentless_passive_after_the_report_is_the_reports() -> None:
    text = (
        "Inspectors visited Thornbury Vale Primary School in March, and their letter "
        "confirms the school is still good.\n\n"
        'Pupils are described as "polite, thoughtful and eager to learn".'
    )
    assert said(extract(text)) == {"report": ["polite, thoughtful and eager to learn"]}


def test_an_agentless_passive_after_a_person_is_named_is_not_the_reports() -> None:
    text = (
        "Inspectors visited Thornbury Vale Primary School in March, and their letter "
        "confirms the school is still good.\n\n"
        "Headteacher Rosalind Achterberg-Pym was at the gates on Friday morning.\n\n"
        'Pupils are described as "polite, thoughtful and eager to learn".'
    )
    assert "report" not in said(extract(text))


def test_a_preposition_glued_to_the_quote_is_no_tag_after_it() -> None:
    text = (
        "Thornbury Vale Primary School has been rated good by Ofsted.\n\n"
        "Casimir Oyelaran-Tait, chair of governors, said staff would "
        '"keep working just as hard" on the areas inspectors had highlighted.'
    )
    assert said(extract(text)) == {"Casimir Oyelaran-Tait": ["keep working just as hard"]}
