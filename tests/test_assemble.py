"""The assembler's own reading: web addresses in the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ofsted_extract import extract
from ofsted_extract.assemble import _URL

#: The plain statement of what a link is; ``_URL`` is the same rule written so
#: the regex engine skips to candidates. They must agree on every text.
_PLAIN = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'\u201c\u201d\u2018\u2019()\[\]]+", re.I)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_links_in_order_once_each_without_trailing_full_stop() -> None:
    text = (
        "Ofsted rated Harrowfield Primary good. The report is at "
        "https://reports.example.org/provider/31/9. Parents can read more at "
        "WWW.Harrowfield-Primary.example.uk, and again at https://reports.example.org/provider/31/9."
    )
    assert extract(text).links == [
        "https://reports.example.org/provider/31/9",
        "WWW.Harrowfield-Primary.example.uk",
    ]


def test_no_link_where_the_letters_run_on_from_a_word() -> None:
    record = extract("Ofsted rated it good; see showww.example.org or xhttp://example.org.")
    assert record.links == []


_PIECES = st.sampled_from(
    ["http", "https", "://", "www", "WWW", "Www.", "w", "h", ".", " ", "\n", "x", "_", "é", "1",
     "(", ")", '"', "\u201c", "HTTP://", "hTtPs://", "ww."]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_fast_link_pattern_matches_the_plain_rule(text: str) -> None:
    assert spans(_URL, text) == spans(_PLAIN, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fast_link_pattern_matches_the_plain_rule_on_any_text(text: str) -> None:
    assert spans(_URL, text) == spans(_PLAIN, text)


def test_headline_quote_marks_are_dropped_only_when_they_wrap_it() -> None:
    body = "\n\nPellow Grange Nursery has been rated outstanding by Ofsted.\n"
    assert extract('"Pellow Grange keeps its top grade"' + body).title == (
        "Pellow Grange keeps its top grade"
    )
    assert extract("'Over the moon' as Pellow Grange keeps its top grade" + body).title == (
        "'Over the moon' as Pellow Grange keeps its top grade"
    )
