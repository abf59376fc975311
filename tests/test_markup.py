"""Saved web pages: read as the text a browser shows, with evidence on the page itself.

Team-written pages; every school, council and person is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import bad_evidence, walk_evidence
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ofsted_extract.cli import app
from ofsted_extract.extractor import extract
from ofsted_extract.markup import looks_like_html, page_text

ARTICLE = (
    "Quillacre primary rated good after two years of work\n\n"
    "By Roshan Feltwell\n\n"
    "Quillacre Primary School in Ambersett has been rated good by Ofsted, two years after "
    "inspectors found it required improvement.\n\n"
    "Headteacher Marisol Penhaligon said: \u201cThis is down to our children\u2019s hard "
    "work and the dedication of every member of staff.\u201d\n"
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="description" content="A school rated inadequate by nobody">
<title>Quillacre primary rated good after two years of work | Ambersett Herald</title>
<script>window.trackers = {"story": "rated outstanding"};</script>
<style>.lede { font-weight: bold; }</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
  <h1 class="headline">Quillacre primary rated good after two years of work</h1>
  <p class="byline">By <a href="/authors/rf">Roshan Feltwell</a></p>
  <p class="lede"><a href="/tags/quillacre">Quillacre Primary School</a> in Ambersett has
  been rated <strong>good</strong> by Ofsted, two years after inspectors found it required
  improvement.</p>
  <p>Headteacher Marisol Penhaligon said: &ldquo;This is down to our children&rsquo;s hard
  work and the dedication of every member of staff.&rdquo;</p>
</article>
<!-- <p>Ofsted rated the school inadequate in 2009.</p> -->
<footer><p>&copy; Ambersett Herald</p></footer>
</body>
</html>
"""


def _summary(record: object) -> dict[str, object]:
    """The fields a reader compares, without offsets."""
    data = json.loads(record.model_dump_json())  # type: ignore[attr-defined]
    (inspection,) = data["inspections"]
    return {
        "title": data["title"],
        "authors": data["authors"],
        "subject": inspection["subject"],
        "overall": inspection["overall"]["grade"],
        "previous": (inspection["previous"] or {}).get("grade"),
        "people": [(p["name"], p["role"], [q["text"] for q in p["quotes"]])
                   for p in data["people"]],
    }


def test_a_saved_page_gives_the_record_of_the_article_it_shows() -> None:
    from_page = _summary(extract(PAGE))
    assert from_page == _summary(extract(ARTICLE))
    assert from_page["subject"] == "Quillacre Primary School"
    assert from_page["overall"] == "good"
    assert from_page["title"] == "Quillacre primary rated good after two years of work"


def test_evidence_from_a_page_indexes_the_page_itself() -> None:
    record = extract(PAGE)
    assert bad_evidence(record, PAGE) == []
    (inspection,) = record.inspections
    assert inspection.overall is not None and inspection.overall.evidence.text == "good"
    (quote,) = record.people[0].quotes
    # the quote's words are decoded; its evidence is the page's own characters
    assert quote.text.startswith("This is down to our children\u2019s hard work")
    assert "&rsquo;" in quote.evidence.text


def test_script_style_comments_and_attributes_are_never_read() -> None:
    record = extract(PAGE)
    grades = [ev.text.lower() for ev in walk_evidence(record)]
    assert not {"outstanding", "inadequate"} & set(grades)
    assert [i.subject for i in record.inspections] == ["Quillacre Primary School"]


def test_inline_markup_inside_a_word_does_not_split_it() -> None:
    page = (
        "<p><b>Fen</b>wick Lodge Primary School has been rated outstanding by Ofsted.</p>"
        "<p>Inspectors praised the <em>exceptional</em> reading.</p><p>It was last inspected "
        "in 2014.</p>"
    )
    (inspection,) = extract(page).inspections
    assert inspection.subject == "Fenwick Lodge Primary School"


def test_block_elements_end_lines_and_paragraphs() -> None:
    page = page_text("<html><body><h1>Head</h1><p>One<br>two</p><ul><li>a</li><li>b</li></ul>")
    assert page.text == "Head\n\nOne\ntwo\n\na\nb"


def test_a_date_kept_only_in_the_pages_head_dates_the_article() -> None:
    page = (
        '<!DOCTYPE html><html><head><meta property="article:published_time" '
        'content="2021-11-23T07:30:00Z"><script type="application/ld+json">{"@type": '
        '"NewsArticle", "dateModified": "2021-11-24T09:00:00Z"}</script></head><body>'
        "<h1>Tarnbeck nursery keeps its top grade</h1><p>Little Wrens at Tarnbeck has been "
        "rated outstanding again after an Ofsted visit in October.</p></body></html>"
    )
    record = extract(page)
    assert record.published is not None and record.published.iso == "2021-11-23"
    assert record.title == "Tarnbeck nursery keeps its top grade"
    (inspection,) = record.inspections
    assert inspection.inspected is not None and inspection.inspected.iso == "2021-10"
    assert bad_evidence(record, page) == []


def test_plain_text_with_angle_brackets_is_not_a_page() -> None:
    for text in (
        ARTICLE,
        "Pupils aged <5 and >11 were seen. The head wrote <b>good</b> on the board.",
        "The report (see </p> in the source) rated it good.",
    ):
        assert not looks_like_html(text)
    assert looks_like_html("<div><p>One.</p><p>Two.</p><p>Three.</p></div>")
    assert looks_like_html("\ufeff<!-- saved -->\n<!doctype html><p>x")


def test_a_folder_of_saved_pages_with_a_glob(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", "--format", "jsonl", "-q", "-g", "*.html", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["inspections"][0]["subject"] == "Quillacre Primary School"


_PIECES = st.sampled_from(
    ["<p>", "</p>", "<br>", "<b>", "</b>", "<div class='x'>", "</div>", "&amp;", "&rdquo;",
     "&#8217;", "&nbsp;", "&bogus;", "<", ">", "&", " ", "\n", "  ", "<!-- c -->", "<script>",
     "</script>", "rated", "good", "Ofsted", "é", "\u201c"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60))
def test_every_character_of_a_page_text_knows_where_it_came_from(pieces: list[str]) -> None:
    page = "".join(pieces)
    got = page_text(page)
    text = got.text
    assert len(got.starts) == len(got.ends) == len(text)
    assert text == text.strip() and "  " not in text and "\n\n\n" not in text
    last = 0
    for i, ch in enumerate(text):
        s, e = got.starts[i], got.ends[i]
        assert last <= s <= e <= len(page)
        last = s
        source = page[s:e]
        # a character of the page, a decoded entity, or a break standing for markup or space
        assert source == ch or source.startswith("&") or (ch in " \n" and s == e)
        start, end = got.span(i, i + 1)
        assert page[start:end] == source
