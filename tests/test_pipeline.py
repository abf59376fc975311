"""The pipeline as a spaCy pipeline: factories, layout, evidence, the library API."""

from __future__ import annotations

import pytest
import spacy
from pydantic import BaseModel

import ofsted_extract.components  # noqa: F401  (registers the factories)
from ofsted_extract import Extractor, extract
from ofsted_extract.components.layout import in_boilerplate, title_span
from ofsted_extract.pipeline import RULE_PIPES, build_pipeline
from ofsted_extract.record import Evidence, Record
from ofsted_extract.rules import models_dir

ARTICLE = """Skip to main content

Brookvale nursery celebrates top Ofsted grade

By Tamsin Oakridge

A nursery in Brookvale has been rated outstanding by Ofsted.

Related articles
Harlow Green school rated inadequate
Fernleigh council services judged good

Comments
Nobody has commented yet.
"""


def test_default_pipeline_is_blank_english_plus_our_components() -> None:
    nlp = build_pipeline()
    assert nlp.lang == "en"
    assert nlp.pipe_names[:2] == ["ofsted_layout", "sentencizer"]
    assert tuple(nlp.pipe_names[2:]) == RULE_PIPES
    # no trained component sneaks in
    assert not {"ner", "parser", "tagger"} & set(nlp.pipe_names)


def test_components_can_be_added_to_any_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ofsted_layout")
    nlp.add_pipe("sentencizer")
    doc = nlp(ARTICLE)
    assert "boilerplate" in doc.spans and "paragraphs" in doc.spans


def test_lines_start_sentences() -> None:
    nlp = build_pipeline()
    doc = nlp("Headline without a full stop\nBy Jo Bloggs\nThe body starts here. And goes on.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[:2] == ["Headline without a full stop", "By Jo Bloggs"]
    assert "And goes on." in starts


def test_related_lists_and_chrome_are_furniture_but_the_body_is_not() -> None:
    doc = build_pipeline()(ARTICLE)
    text = doc.text
    assert in_boilerplate(doc, text.index("Harlow Green"))
    assert in_boilerplate(doc, text.index("Fernleigh council"))
    assert in_boilerplate(doc, text.index("Skip to main content"))
    assert in_boilerplate(doc, text.index("Nobody has commented"))
    assert not in_boilerplate(doc, text.index("A nursery in Brookvale"))


@pytest.mark.parametrize("heading", ["MORE ON INSPECTIONS", "Also in Education:", "Related",
                                     "More from the Wexcombe Echo", "See also",
                                     "Also on Tarnwick Today:"])
def test_headings_of_other_stories_open_a_list(heading: str) -> None:
    text = (
        "Tarnwick Primary rated good\n\nTarnwick Primary School has been rated good by "
        f"Ofsted.\n\n{heading}\n- Pellow Grange nursery keeps outstanding grade\n"
        "- Council tax: what you will pay this year\n"
    )
    doc = build_pipeline()(text)
    assert in_boilerplate(doc, text.index("Pellow Grange"))
    assert in_boilerplate(doc, text.index("Council tax"))
    assert not in_boilerplate(doc, text.index("Tarnwick Primary School"))


@pytest.mark.parametrize(
    "line",
    [
        "More on that later.",
        "More on the inspection and what the school plans next can be found below",
        "Also in the report, inspectors praised the school's library",
        "Also on the agenda was a report on attendance.",
    ],
)
def test_sentences_that_start_like_a_heading_are_not_furniture(line: str) -> None:
    text = f"Tarnwick Primary rated good\n\n{line}\nPellow Grange nursery keeps its grade\n"
    doc = build_pipeline()(text)
    assert not in_boilerplate(doc, text.index("Pellow Grange"))


def test_a_related_headline_under_an_also_on_heading_is_not_the_subject() -> None:
    text = (
        "Tarnwick news\n\nReferral unit told to improve\n\nFriday, 8 March 2024\n\n"
        "Quenby Learning Centre, the pupil referral unit that teaches excluded pupils across "
        "Tarnwick, has been rated requires improvement by Ofsted.\n\n"
        "Also on Tarnwick Today:\nPellow Grange Infants rated outstanding\n"
        "Bypass roadworks to last until June\n"
    )
    (found,) = extract(text).inspections
    assert found.subject == "Quenby Learning Centre"
    assert found.overall is not None and found.overall.grade == "requires_improvement"


@pytest.mark.parametrize("heading", ["7 comments", "Comments (12)", "(3) Comments", "COMMENTS 4"])
def test_a_comments_heading_with_a_count_ends_the_article(heading: str) -> None:
    text = (
        "Tarnwick Primary rated good\n\nTarnwick Primary School has been rated good.\n\n"
        f"{heading}\n\nSandpiper_77\nOur school was rated inadequate last year.\n"
    )
    doc = build_pipeline()(text)
    assert in_boilerplate(doc, text.index("Our school"))
    assert not in_boilerplate(doc, text.index("Tarnwick Primary School"))


def test_a_comment_count_in_the_share_bar_does_not_end_the_article() -> None:
    text = (
        "Tarnwick Primary rated good\n\nShare this article: Facebook  Email\n\n12 comments\n\n"
        "Tarnwick Primary School has been rated good by Ofsted after a visit in May, the "
        "headteacher announced at a special assembly for pupils and their families.\n"
    )
    doc = build_pipeline()(text)
    assert not in_boilerplate(doc, text.index("Tarnwick Primary School"))


def test_a_posts_headline_and_meta_line_under_a_section_heading_are_the_article() -> None:
    text = (
        "Home | About | News | Contact\n\nLatest News\n\nOfsted visit: our letter\n\n"
        "Posted on 16th May 2025 by School Office\n\n"
        "We are delighted to share that Tarnwick Primary School remains outstanding after "
        "the ungraded inspection in April, as the letter from the inspector confirms.\n"
    )
    record = extract(text)
    assert record.published is not None and record.published.iso == "2025-05-16"
    doc = build_pipeline()(text)
    assert not in_boilerplate(doc, text.index("Ofsted visit"))
    assert in_boilerplate(doc, text.index("Latest News"))


def test_a_latest_news_list_with_dated_items_is_still_furniture() -> None:
    text = (
        "Tarnwick Primary School remains outstanding after its inspection in April, the "
        "letter from the inspector confirms, and the head thanked all of the families.\n\n"
        "Latest News\n\nSummer fair raises record sum\n3 June 2025\n"
        "Year 6 residential trip photos\n28 May 2025\n"
    )
    doc = build_pipeline()(text)
    assert in_boilerplate(doc, text.index("Summer fair"))
    assert in_boilerplate(doc, text.index("Year 6 residential"))


def test_a_count_in_a_sentence_does_not_end_the_article() -> None:
    text = (
        "Tarnwick Primary rated good\n\n12 pupils said the school had improved.\n\n"
        "Tarnwick Primary School has been rated good.\n"
    )
    doc = build_pipeline()(text)
    assert not in_boilerplate(doc, text.index("Tarnwick Primary School"))


@pytest.mark.parametrize(
    "top",
    [
        "The Wexcombe Echo\nNews | Sport | Jobs | Family Notices\n",
        "Home  News  Sport  Weather  Local\n",
        "Nursery Matters Online | Inspections\n",
        "Early Years Bulletin\nNews | Inspections | Jobs\n\nInspections\n",
    ],
)
def test_title_skips_mastheads_and_menus(top: str) -> None:
    text = (
        f"{top}\nPellow Grange nursery keeps its outstanding grade\n\n"
        "Pellow Grange Nursery has been rated outstanding by Ofsted for the third time.\n"
    )
    doc = build_pipeline()(text)
    title = title_span(doc)
    assert title is not None
    assert title.text.strip() == "Pellow Grange nursery keeps its outstanding grade"


@pytest.mark.parametrize(
    "top",
    [
        "https://www.wexcombe-echo.example/news/2025/04/14/pellow-grange-nursery\n",
        "Cookies on Wexcombe Online\nWe use cookies to give you the best experience.\n",
        "This site uses cookies for basic analytics only. Got it!\n",
        "The Wexcombe Echo\nYour town. Your news.\nNEWS  SPORT  SCHOOLS  LETTERS\n",
        "Compiled by Nerys Abernethy\n",
        "Kelmouth Borough Council\n\nHome > News > 2025 > March\n",
        "Kelmouth Borough Council\n\nHome › Council news › Schools\n",
        "Published: 4 March 2025\nTags: schools, Ofsted, Kelmouth\n",
        "Posted: Tue, 4 Mar 2025 10:02\nFiled under: Education news, inspections\n",
    ],
)
def test_title_skips_addresses_cookie_banners_mottos_bylines_breadcrumbs_and_labels(
    top: str,
) -> None:
    text = (
        f"{top}\nPellow Grange nursery keeps its outstanding grade\n\n"
        "Pellow Grange Nursery has been rated outstanding by Ofsted for the third time.\n"
    )
    title = title_span(build_pipeline()(text))
    assert title is not None
    assert title.text.strip() == "Pellow Grange nursery keeps its outstanding grade"


@pytest.mark.parametrize(
    "headline",
    [
        "Ofsted: Harrowgate children's services climb to good",
        "Exclusive: nursery chain warned over staffing after inspection",
        "LIVE: Kelmouth news and travel updates as schools reopen",
    ],
)
def test_a_headline_led_by_a_kicker_and_colon_is_the_title(headline: str) -> None:
    text = (
        f"Kelmouth Online\n\n{headline}\n\nBy Orla Fenwick-Hale\n\n"
        "Harrowgate Council has been rated good by Ofsted after an inspection in May.\n"
    )
    title = title_span(build_pipeline()(text))
    assert title is not None and title.text == headline


def test_a_name_and_colon_headline_is_the_title_when_nothing_plainer_comes() -> None:
    text = (
        "Published: 2 May 2024\n\n"
        "Alder Brook House: Ofsted inspection report, March 2024\n\n"
        "Alder Brook House, a four-bedroom children's home run by the council, was inspected "
        "in March and judged good in every area, as it was at its last inspection in 2022. "
        "The manager thanked the staff and the children for all their hard work.\n"
    )
    title = title_span(build_pipeline()(text))
    assert title is not None
    assert title.text == "Alder Brook House: Ofsted inspection report, March 2024"


def test_a_report_title_label_gives_the_title() -> None:
    text = (
        "WEXCOMBE DISTRICT COUNCIL\n\nCABINET REPORT\n\n"
        "Report title: Outcome of the local area SEND inspection\nMeeting: Cabinet\n"
    )
    title = title_span(build_pipeline()(text))
    assert title is not None and title.text == "Outcome of the local area SEND inspection"


def test_a_headline_with_a_site_name_after_a_bar_is_still_the_title() -> None:
    text = "Pellow Grange nursery keeps its outstanding grade | Wexcombe Echo\n\nBody text here.\n"
    title = title_span(build_pipeline()(text))
    assert title is not None and title.text.startswith("Pellow Grange nursery")


def test_title_skips_chrome_and_is_the_headline() -> None:
    doc = build_pipeline()(ARTICLE)
    title = title_span(doc)
    assert title is not None
    assert title.text.strip() == "Brookvale nursery celebrates top Ofsted grade"


def test_a_page_cut_mid_sentence_has_no_title() -> None:
    doc = build_pipeline()(
        "ing the college's first inspection for six years, inspectors found that learners "
        "were making good progress in most subjects and that leaders knew the college well.\n\n"
        "More text follows here."
    )
    assert title_span(doc) is None


def test_extract_returns_a_record_with_exact_evidence_even_with_windows_line_ends() -> None:
    text = "Ofsted inspection news\r\n\r\nVisit https://reports.example.org/1 for more.\r\n"
    record = extract(text, source="x.txt")
    assert isinstance(record, Record)
    assert record.source == "x.txt"
    assert record.links == ["https://reports.example.org/1"]
    for ev in _evidence(record):
        assert text[ev.start : ev.end] == ev.text


def test_extractor_reuses_one_pipeline() -> None:
    a, b = Extractor(), Extractor()
    assert a.nlp is b.nlp


def test_rule_files_are_found() -> None:
    assert (models_dir() / "layout.json").is_file()


def _evidence(model: object) -> list[Evidence]:
    found: list[Evidence] = []
    if isinstance(model, Evidence):
        return [model]
    if isinstance(model, list):
        for item in model:
            found.extend(_evidence(item))
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            found.extend(_evidence(getattr(model, name)))
    return found


def test_every_rule_file_ships_in_the_wheel() -> None:
    """pyproject's package-data globs must cover every file in models/."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert setuptools["package-dir"]["ofsted_extract.models"] == "models"
    globs = setuptools["package-data"]["ofsted_extract.models"]
    for path in (root / "models").iterdir():
        if path.is_file() and not path.name.startswith("."):
            assert any(fnmatch.fnmatch(path.name, g) for g in globs), path.name


# -- layout: the fast paths against the plain definitions they replaced ---------------

import re  # noqa: E402
from collections.abc import Iterator  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from ofsted_extract.components import layout as layout_module  # noqa: E402
from ofsted_extract.rules import load  # noqa: E402
from ofsted_extract.textutil import doc_text  # noqa: E402

_PLAIN_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")


def _plain_lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


def _plain_furniture(layout: layout_module.Layout, text: str) -> list[tuple[int, int]]:
    """The furniture rule as first written: every non-blank line read in turn."""
    out: list[tuple[int, int]] = []
    spans = list(_plain_lines(text))
    i = 0
    while i < len(spans):
        start, end = spans[i]
        line = text[start:end]
        norm = " ".join(line.lower().split()).rstrip(":").rstrip()
        bare = re.sub(r"\(?\b\d{1,6}\b\)?", "", norm).strip()
        if (norm in layout.tails or (bare in layout.tails and 2 * start > len(text))) and i > 0:
            out.append((start, len(text)))
            break
        if layout.is_block_heading(norm):
            j = i + 1
            last = end
            while j < len(spans):
                s, e = spans[j]
                words = len(_PLAIN_WORD.findall(text[s:e]))
                prose = words > layout.list_max or (
                    words > 8 and text[s:e].rstrip().endswith((".", '"', "”"))
                )
                if prose:
                    break
                if re.match(r"[ \t]*(?:posted|published)[ \t]+(?:on|by|in)\b", text[s:e], re.I):
                    if j > i + 1:  # the line above is the post's headline, not a list item
                        j -= 1
                        last = spans[j - 1][1] if j > i + 1 else end
                    break
                last = e
                j += 1
            out.append((start, last))
            i = j
            continue
        if layout.is_chrome(line, norm):
            out.append((start, end))
        i += 1
    return out


def _plain_title(text: str, furniture: list[tuple[int, int]]) -> tuple[int, int] | None:
    skip = {s for s, _ in furniture}
    named = None  # the first "Name: three words or more" line, a headline if nothing better
    for n, (start, end) in enumerate(_plain_lines(text)):
        if n > 15:
            return named
        line = text[start:end].strip()
        if start in skip:
            continue
        if re.match(r"(?:report |document |page )?title[ \t]*:[ \t]*\S", line, re.I):
            value = text[start:end].split(":", 1)[1]
            return end - len(value.lstrip(" \t")), end
        if layout_module._LABEL_LINE.match(line):
            key, rest = line.split(":", 1)
            key = key.strip().lower()
            headline = "|" not in rest and len(_PLAIN_WORD.findall(rest)) >= 3
            if not (headline and key in _LAYOUT_DATA["headline_kickers"]):
                if named is None and headline and "@" not in rest and \
                        key not in _LAYOUT_DATA["label_keys"]:
                    named = start, end
                continue
        if layout_module._DATEISH.match(line) or re.match(r"(?:https?://|www\.)\S*$", line, re.I):
            continue
        below = text[end + 1 :].split("\n", 2)[:2] if end < len(text) else []
        words = line.split()
        masthead = (
            len(words) <= 6 and bool(below) and layout_module._menu_line(below[0])
        ) or (
            len(words) <= 5
            and all(w[:1].isupper() or w in ("&", "and", "of", "the") for w in words)
            and any(layout_module._menu_line(b) for b in below)
        )
        if layout_module._menu_line(line) or masthead:
            continue
        words = _PLAIN_WORD.findall(line)
        leads = tuple(_LAYOUT_DATA["byline_leads"])
        if len(words) < 3 or line.isupper() or line.lower().startswith(leads):
            continue
        if len(words) > 25 or line[:1].islower():
            return named
        return start, end
    return named


_LAYOUT_DATA = load("layout")
_BLANK = spacy.blank("en")
# every phrase of the rules, in several cases and spacings, and the characters that
# make lower-casing, white space and breadcrumbs take unusual paths
_PHRASES = sorted(
    {*_LAYOUT_DATA["block_headings"], *_LAYOUT_DATA["tail_headings"],
     *_LAYOUT_DATA["chrome_lines"], *_LAYOUT_DATA["chrome_prefixes"],
     *_LAYOUT_DATA["block_heading_prefixes"]["prefixes"],
     *(f"{k.title()}: " for k in _LAYOUT_DATA["headline_kickers"][:6]),
     *(f"{k.title()}: " for k in _LAYOUT_DATA["label_keys"][:6]),
     "7 comments", "Comments (12)", "(3) ", "Posted on ", "Published by "}
)
_LAYOUT_PIECES = [
    *_PHRASES, *(p.upper() for p in _PHRASES), *(p.title() for p in _PHRASES),
    *(p.replace(" ", "  \t") for p in _PHRASES),
    "\n", "\n", "\n\n", " ", "  ", "\t", "\xa0", "\u2028", "\x0b", ":", " :", "::", ".", '"',
    "”", "Word", "word", "Pupils are happy and safe at this school.", "A B C D E F G H I J",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
    "\u0130", "\u212a", "\u212aent", "İmage source", "ſhare", "›", "»", " > ", " / x", " | a | ",
    "/", "|", ">", "Home", "News", "©", "© 2024", "Monday", "Published", "By Jo Bloggs",
    "Inspectors: found", "THE HEADLINE HERE", "the lower headline starts here", "x" * 40,
]
_layout_texts = st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=30).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_layout_texts)
def test_furniture_and_title_match_the_line_walk(text: str) -> None:
    layout = layout_module.Layout(_LAYOUT_DATA)
    furniture = layout.furniture(text)
    assert furniture == _plain_furniture(layout, text)
    assert furniture == layout._walk_lines(text)
    assert layout.title(text, furniture) == _plain_title(text, furniture)


def test_white_space_and_lower_case_behave_as_the_gate_assumes() -> None:
    """The furniture gate's proof rests on these facts about Python's str and re."""
    import sys

    everything = [chr(i) for i in range(sys.maxunicode + 1)]
    assert all(bool(re.match(r"\s", c)) == c.isspace() for c in everything)
    assert [c for c in everything if len(c.lower()) != 1] == ["\u0130"]
    for c in everything:
        low = c.lower()
        if low != c and len(low) == 1:  # matching without case takes c for its lower case
            assert re.fullmatch(re.escape(low), c, re.I), hex(ord(c))
    # no character lower-cases to a newline or a breadcrumb character
    assert not [c for c in everything if c not in "\n›»>/|" and c.lower() in "\n›»>/|"]


_span_texts = st.lists(
    st.sampled_from(["Word", "a", ".", '"', " ", "  ", "\n", "\n\n", "\t", "x.", "\xa0", "!"]),
    min_size=1, max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_span_texts, st.data())
def test_char_spans_are_doc_char_span_expanded(text: str, data: st.DataObject) -> None:
    doc = _BLANK.make_doc(text)
    size = len(text)
    ranges = data.draw(
        st.lists(
            st.tuples(st.integers(-2, size + 2), st.integers(1, 6)).map(
                lambda r: (r[0], r[0] + r[1])
            ),
            max_size=8,
        )
    )
    expected = []
    for start, end in ranges:
        span = doc.char_span(start, end, label="X", alignment_mode="expand")
        if span is not None and len(span):
            expected.append((span.start, span.end, span.label_))
    got = layout_module._char_spans(doc, ranges, "X")
    assert [(s.start, s.end, s.label_) for s in got] == expected
    assert [(s.start_char, s.end_char) for s in got] == [
        (doc[a:b].start_char, doc[a:b].end_char) for a, b, _ in expected
    ]


def test_char_spans_of_words_made_docs() -> None:
    # tokens that hold a space of their own, and one followed by none
    doc = Doc(_BLANK.vocab, words=[". ", "a", " ", "b"], spaces=[False, True, False, True])
    text = doc_text(doc)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            span = doc.char_span(start, end, alignment_mode="expand")
            got = layout_module._char_spans(doc, [(start, end)], "X")
            want = [(span.start, span.end)] if span is not None and len(span) else []
            assert [(s.start, s.end) for s in got] == want


_SENT_PIECES = [
    "Word", "word", " ", "  ", "\n", "\n\n", ".", "?", "!", "...", "?!", "‼", "։", "。", "𑁇",
    '"', "'", "“", "”", "(", ")", "-", "x.", "Mr.", "e.g.", "1.5", "\u2028", "\xa0", "é", "ok",
]
_sent_texts = st.lists(st.sampled_from(_SENT_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_sent_texts, st.sampled_from([None, [".", "!"], ["...", "?!", "."], ["‼", "𑁇", "?"]]),
       st.booleans(), st.data())
def test_fast_sentencizer_is_spacys_sentencizer(
    text: str, punct: list[str] | None, overwrite: bool, data: st.DataObject
) -> None:
    from spacy.pipeline import Sentencizer

    nlp = _BLANK
    ours, theirs = nlp.make_doc(text), nlp.make_doc(text)
    if len(ours) > 1:  # some starts set already, as the layout component sets them
        preset = data.draw(st.lists(st.integers(1, len(ours) - 1), max_size=4))
        for doc in (ours, theirs):
            for i in preset:
                doc[i].is_sent_start = True
    layout_module.FastSentencizer(punct_chars=punct, overwrite=overwrite)(ours)
    Sentencizer(punct_chars=punct, overwrite=overwrite)(theirs)
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
    # the batch API agrees too
    batch = nlp.make_doc(text)
    pipe = layout_module.FastSentencizer(punct_chars=punct, overwrite=overwrite)
    pipe.set_annotations([batch], pipe.predict([batch]))
    plain = nlp.make_doc(text)
    Sentencizer(punct_chars=punct, overwrite=overwrite)(plain)
    assert [t.is_sent_start for t in batch] == [t.is_sent_start for t in plain]
