"""Page layout: line-based sentence starts, paragraphs, the title and page furniture.

Scraped pages carry navigation, cookie banners, share bars and lists of other
stories ("Related articles", "Most read"). Those lists name other bodies with
their grades, so every later rule needs to know where they are: this component
marks them in ``doc.spans["boilerplate"]`` and everything downstream skips them.

Speed: this runs on every document, so nothing here walks the tokens in
Python. Line starts and sentence starts are found on the text or on token
attribute arrays (``Doc.to_array``) and written back in one ``Doc.from_array``;
only the lines a regular expression lets through are read as possible
furniture; spans are made from token offsets found by binary search, not with
``Doc.char_span``; ``in_boilerplate`` answers by binary search over the
furniture's character ranges, which are read from the span group once per Doc.
"""

from __future__ import annotations

import re
import sys
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, cast

import numpy as np
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, SpanGroup

from .. import rules
from ..textutil import doc_text, lines, paragraphs

_BREADCRUMB = re.compile(r"[›»]|\s>\s|\s/\s\S|\s\|\s.*\s\|\s")
#: Every breadcrumb has one of these; a search for them is several times cheaper.
_BREADCRUMB_CHAR = re.compile(r"[›»>/|]")
_LABEL_LINE = re.compile(r"^[A-Z][\w ]{0,30}:\s")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
#: Where a menu, a breadcrumb ("Home > News > 2024") or a site name splits: a bar, an
#: arrow between spaces, or a run of two or more spaces or tabs.
_MENU_SPLIT = re.compile(r"[ \t]*\|[ \t]*|[ \t]+[>›»][ \t]+|[ \t]{2,}")


def _menu_line(line: str) -> bool:
    """A site's menu or section bar ("Home  News  Sport", "FE Weekly | Colleges"): two or
    more items of at most three words each. A headline with a site name after a bar
    ("School rated good by Ofsted | Local News") has a longer first item."""
    items = [item for item in _MENU_SPLIT.split(line.strip()) if item]
    return len(items) >= 2 and all(len(_WORD.findall(item)) <= 3 for item in items)


def _masthead(line: str, text: str, end: int) -> bool:
    """A paper's or site's name above its menu ("The Kelby Gazette" over "News | Sport |
    Jobs", perhaps with a motto between): a short line right over a menu, or a short line
    of capitalised words with a menu on the line after next (``end``: where the line ends
    in ``text``)."""
    words = line.split()
    following = _next_line(text, end)
    if len(words) <= 6 and _menu_line(following):
        return True  # the name, or its motto ("Your town. Your news."), right over the menu
    if len(words) > 5 or not all(w[:1].isupper() or w in ("&", "and", "of", "the") for w in words):
        return False
    after = end + 1 + len(following)
    return after < len(text) and _menu_line(_next_line(text, after))


#: A line that is only a web address (a scraped page's own address at its top).
_URL_LINE = re.compile(r"(?:https?://|www\.)\S*$", re.I)
#: A label that names the document's title ("Report title: ..."), its value the title.
_TITLE_LABEL = re.compile(r"[ \t]*(?:report |document |page )?title[ \t]*:[ \t]*(?=\S)", re.I)

_DATEISH = re.compile(
    r"^\W*(\d|(mon|tue|wed|thu|fri|sat|sun)\w*\b|published|posted|updated|last updated)", re.I
)


#: A newline and the white space after it; the character after a match starts a line.
_LINE_BREAK = re.compile(r"\n\s*")
#: A character that is not white space (what ``str.strip`` keeps).
_NON_BLANK = re.compile(r"\S")


#: A post's own meta line: "Posted on 16th May 2025 by School Office", "Published by ...".
_POST_META = re.compile(r"[ \t]*(?:posted|published)[ \t]+(?:on|by|in)\b", re.I)
#: A count beside a heading: "7 comments", "Comments (12)".
_COUNT = re.compile(r"\(?\b\d{1,6}\b\)?")
#: A line opening with a count, so the word gate of the headings does not find it.
_COUNTED_TAIL = re.compile(r"^[ \t]*\(?\d{1,6}\)?[ \t]+\w", re.M)


def _norm(line: str) -> str:
    return " ".join(line.lower().split()).rstrip(":").rstrip()


def _furniture_gate(phrases: set[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns that find the lines that may be furniture because of their words: one
    for the first line, one for a newline and the line after it. A line neither finds,
    and with no breadcrumb character, is proved not to be furniture.

    A line is furniture only when its normal form (:func:`_norm`: lower case, runs of
    white space as one space) starts with one of ``phrases`` (headings and chrome lines
    are matched whole, chrome prefixes as a start), or when it holds a breadcrumb
    character. For the first, the line holds: white space other than a newline, then
    the phrase's words apart by runs of such white space, each character one whose
    lower case is the phrase's. Matching without case finds at least those: it takes a
    character for the phrase's when their simple lower cases are the same, and a
    character's lower case is its simple one but for U+0130, whose is two characters
    (:meth:`Layout.furniture` reads every line of a text that has it). The phrases are
    one prefix tree, so the engine reads a line's first letters once, not once per
    phrase; the pattern for later lines starts with the newline itself, so the engine
    jumps from newline to newline.
    """
    tree: dict[str, Any] = {}
    for phrase in phrases:
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        if "" in node:  # a phrase ends here: the line starts with it, longer ones or not
            return ""
        branches = [
            (r"[^\S\n]+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(node)
        ]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    phrase = r"[^\S\n]*" + (build(tree) if tree else "(?!)")
    return re.compile(phrase, re.I), re.compile(r"\n" + phrase, re.I)


#: The breadcrumb characters of ``_BREADCRUMB_CHAR``, looked for one at a time with
#: ``str.find`` (a character class with non-Latin-1 members makes the regex engine try
#: every position).
_CRUMB_CHARS = "›»>/|"


def _first_lines(text: str, most: int) -> Iterator[tuple[int, int]]:
    """The first ``most`` of :func:`lines`, without splitting the rest of the text."""
    pos, found, size = 0, 0, len(text)
    while found < most and pos <= size:
        end = text.find("\n", pos)
        if end < 0:
            end = size
        if _NON_BLANK.search(text, pos, end):
            found += 1
            yield pos, end
        pos = end + 1


def _next_line(text: str, end: int) -> str:
    """The line right after the line that ends at ``end`` ("" at the end of the text)."""
    if end >= len(text):
        return ""
    stop = text.find("\n", end + 1)
    return text[end + 1 : stop if stop >= 0 else len(text)]


def _lines_from(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """:func:`lines` of the text from ``pos`` on (``pos`` starts a line)."""
    for start, end in lines(text[pos:]):
        yield start + pos, end + pos


class Layout:
    """Marks lines as sentence starts and finds paragraphs, title and furniture."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.blocks = set(data["block_headings"])
        self.block_prefixes = tuple(data["block_heading_prefixes"]["prefixes"])
        self.block_prefix_max = int(data["block_heading_prefixes"]["max_words"])
        self.tails = set(data["tail_headings"])
        self.chrome = set(data["chrome_lines"])
        self.prefixes = tuple(data["chrome_prefixes"])
        self.list_max = int(data["list_line_max_words"])
        self.byline_leads = tuple(data["byline_leads"])
        self.kickers = frozenset(data["headline_kickers"])
        self.label_keys = frozenset(data["label_keys"])
        self.first_gate, self.gate = _furniture_gate(
            self.blocks | self.tails | self.chrome | set(self.prefixes) | set(self.block_prefixes)
        )

    def is_block_heading(self, norm: str) -> bool:
        """Whether a line (in :func:`_norm` form) opens a list of other stories: a heading
        of its own ('Most read') or a short one of a known shape ('MORE ON INSPECTIONS',
        'Also in Education:'); a sentence that merely starts so ('More on that later.') is
        longer or ends with a full stop."""
        if norm in self.blocks:
            return True
        return (
            norm.startswith(self.block_prefixes)
            and len(norm.split()) <= self.block_prefix_max
            and not norm.endswith((".", "!", "?"))
        )

    def is_chrome(self, line: str, norm: str | None = None) -> bool:
        norm = _norm(line) if norm is None else norm
        if norm in self.chrome or norm.startswith(self.prefixes):
            return True
        return (
            _BREADCRUMB_CHAR.search(line) is not None
            and _BREADCRUMB.search(line) is not None
            and len(_WORD.findall(line)) <= 12
        )

    def is_tail(self, norm: str, start: int, size: int) -> bool:
        """A heading that ends the article (see :func:`_norm`): one of the tail headings, or
        one with a count ("7 comments", "Comments (12)") in the second half of the page
        (``start`` of ``size`` characters): near the top such a line is a link in the share
        bar, not the comments under the story."""
        if norm in self.tails:
            return True
        return (
            2 * start > size
            and _COUNT.search(norm) is not None
            and _COUNT.sub("", norm).strip() in self.tails
        )

    def furniture(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of page furniture, in order.

        Most lines of an article are prose that no rule here can match, so only the
        lines the gate lets through (:func:`_furniture_gate`) are read; the line walk
        (:meth:`_walk_lines`) passes over every other line without a mark. Each line
        let through gets the walk's tests, in the walk's order.
        """
        if "\u0130" in text:  # the one letter whose lower case is longer: walk every line
            return self._walk_lines(text)
        out: list[tuple[int, int]] = []
        resume = 0  # the lines before this belong to a list already taken
        first = -1  # where the text of the first non-blank line starts, once needed
        for start in self._candidates(text):
            if start < resume:
                continue
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            line = text[start:end]
            norm = _norm(line)
            if self.is_tail(norm, start, len(text)):
                if first < 0:
                    found = _NON_BLANK.search(text)
                    first = found.start() if found else len(text)
                if first < start:  # not the first non-blank line
                    out.append((start, len(text)))
                    break
            if self.is_block_heading(norm):
                last, resume = self._list_after(text, end)
                out.append((start, last))
                continue
            if self.is_chrome(line, norm):
                out.append((start, end))
        return out

    def _candidates(self, text: str) -> list[int]:
        """The starts of the lines that may be furniture (see :func:`_furniture_gate`), in
        order: those the gate finds and those with a breadcrumb character."""
        found = [m.start() + 1 for m in self.gate.finditer(text)]
        if self.first_gate.match(text):
            found.insert(0, 0)
        counted = [m.start() for m in _COUNTED_TAIL.finditer(text)]
        if counted:  # "7 comments": a tail heading the word gate cannot see
            found = sorted(set(found) | set(counted))
        crumbs = False
        for ch in _CRUMB_CHARS:
            pos = text.find(ch)
            while pos >= 0:  # one per line: go on from the end of the line
                crumbs = True
                found.append(text.rfind("\n", 0, pos) + 1)
                end = text.find("\n", pos)
                pos = text.find(ch, end) if end >= 0 else -1
        if not crumbs:
            return found
        return sorted(set(found))

    def _list_after(self, text: str, end: int) -> tuple[int, int]:
        """The end of the list under a heading that ends at ``end``, and the start of the
        next line to read (past the end of the text when the list runs to the end).

        A post's own meta line ("Posted on 16th May 2025 by School Office") ends the list
        before the line above it, the post's headline: "Latest News" over one post is the
        section's name, not a list of other stories."""
        last = end
        before = end  # where the list ends if the line just read is a post's headline
        headline = -1  # the start of the line just read
        for start, stop in _lines_from(text, end + 1):
            line = text[start:stop]
            if self._prose(line):
                return last, start
            if _POST_META.match(line):
                return (end, start) if headline < 0 else (before, headline)
            before, headline = last, start
            last = stop
        return last, len(text) + 1

    def _prose(self, line: str) -> bool:
        """Whether a line under a list heading is prose, which ends the list."""
        words = len(_WORD.findall(line))
        return words > self.list_max or (words > 8 and line.rstrip().endswith((".", '"', "”")))

    def _walk_lines(self, text: str) -> list[tuple[int, int]]:
        """:meth:`furniture` by reading every non-blank line in turn."""
        out: list[tuple[int, int]] = []
        spans = list(lines(text))
        i = 0
        while i < len(spans):
            start, end = spans[i]
            line = text[start:end]
            norm = _norm(line)
            if self.is_tail(norm, start, len(text)) and i > 0:
                out.append((start, len(text)))
                break
            if self.is_block_heading(norm):
                j = i + 1
                last = end
                while j < len(spans) and not self._prose(text[spans[j][0] : spans[j][1]]):
                    if _POST_META.match(text[spans[j][0] : spans[j][1]]):
                        # a post's meta line: the line above it is the post's headline
                        if j > i + 1:
                            j -= 1
                            last = spans[j - 1][1] if j > i + 1 else end
                        break
                    last = spans[j][1]
                    j += 1
                out.append((start, last))
                i = j
                continue
            if self.is_chrome(line, norm):
                out.append((start, end))
            i += 1
        return out

    def title(self, text: str, furniture: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The headline: the first line near the top that reads like one."""
        skip = {s for s, _ in furniture}
        # "Fernhollow House: Ofsted inspection report, February 2024": a line in the form of
        # a label that names no label we know, kept in case no plainer headline comes
        named: tuple[int, int] | None = None
        for n, (start, end) in enumerate(_first_lines(text, 16)):
            if n > 15:
                return named
            line = text[start:end].strip()
            if start in skip:
                continue
            labelled = _TITLE_LABEL.match(text, start, end)
            if labelled:  # "Report title: Outcome of the local area inspection"
                return labelled.end(), end
            label = _LABEL_LINE.match(line)
            if label and not self._kicker(line, label.end()):
                if named is None and self._named_line(line, label.end()):
                    named = start, end
                continue
            if _DATEISH.match(line) or _URL_LINE.match(line):
                continue
            if _menu_line(line) or _masthead(line, text, end):
                continue
            # the number of words, counted only as far as the tests below can tell apart
            words = sum(1 for _ in islice(_WORD.finditer(line), 26))
            if words < 3 or line.isupper() or line.lower().startswith(self.byline_leads):
                continue
            if words > 25 or line[:1].islower():
                return named
            return start, end
        return named

    def _kicker(self, line: str, value: int) -> bool:
        """'Ofsted: Lowmarsh climbs to good': a headline led by a kicker, not a label line.

        The value must read as a headline (three words or more, no bar of a menu), so
        "Live: 3 June" or "News: Local | Sport" stay labels."""
        key = line[: line.index(":")].strip().lower()
        rest = line[value:]
        return key in self.kickers and "|" not in rest and len(_WORD.findall(rest)) >= 3

    def _named_line(self, line: str, value: int) -> bool:
        """A 'Name: three or more words' line whose name is no label the data knows
        ("Published", "Tags", "Present", ...), with no menu bar in it."""
        key = line[: line.index(":")].strip().lower()
        rest = line[value:]
        return (
            key not in self.label_keys
            and "|" not in rest
            and "@" not in rest
            and len(_WORD.findall(rest)) >= 3
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        idx: list[int] = []
        if len(doc):
            table = doc.to_array([IDX, SENT_START])
            idx = table[:, 0].tolist()
            _mark_line_starts(doc, text, table, idx)
        furniture = self.furniture(text)
        title = self.title(text, furniture)
        groups = (
            ("boilerplate", furniture, "BOILERPLATE"),
            ("paragraphs", list(paragraphs(text)), "PARAGRAPH"),
            ("title", [title] if title else [], "TITLE"),
        )
        for key, ranges, label in groups:
            doc.spans[key] = _char_spans(doc, ranges, label, text, idx)
        return doc


def _mark_line_starts(
    doc: Doc,
    text: str,
    table: np.ndarray[Any, Any] | None = None,
    idx: list[int] | None = None,
) -> None:
    """Make the first token of every line a sentence start.

    A token starts a line when the white space before it holds a newline.
    Setting ``token.is_sent_start`` one token at a time would cost a scan of
    the whole Doc per line (spaCy checks for a parse each time): quadratic on
    a page of one-word lines. Here the line starts are found in the text and
    mapped to tokens by binary search over the token offsets. ``table`` is the
    Doc's ``to_array([IDX, SENT_START])`` and ``idx`` its first column as a list,
    when the caller has them already (the table's second column is updated).
    A line has a few tokens, so plain ``bisect`` on a list beats numpy calls here.
    """
    n = len(doc)
    if n < 2:
        return
    positions = [m.end() for m in _LINE_BREAK.finditer(text)]
    if positions and positions[-1] >= len(text):  # only the last match reaches the end
        positions.pop()
    if not positions:
        return
    if table is None:
        table = doc.to_array([IDX, SENT_START])
    if idx is None:
        idx = table[:, 0].tolist()
    found = []
    for pos in positions:
        k = bisect_left(idx, pos)
        if k < n and idx[k] == pos:  # a line start inside a token is no start
            found.append(k)
    if found and not doc.has_annotation("DEP"):
        column = table[:, 1]
        column[found] = 1
        doc.from_array([SENT_START], cast(Any, column))


def _char_spans(
    doc: Doc,
    ranges: list[tuple[int, int]],
    label: str,
    text: str | None = None,
    idx: list[int] | None = None,
) -> list[Span]:
    """``doc.char_span(start, end, label, alignment_mode="expand")`` for each range,
    leaving out those that make no span or an empty one.

    The same mapping without a Token object per lookup. A token holds its text and
    the space after it, and the tokens hold the whole text in turn, so the token at
    a character is the last one starting at or before it: a binary search over the
    token offsets (``idx``: ``doc.to_array(IDX)`` as a list). ``char_span`` moves the
    start on a token when it falls on that space; only a start on the last character
    before the next token can, and only then is the Token read. Ranges are never
    empty.
    """
    if not ranges or not len(doc):
        return []
    if text is None:
        text = doc_text(doc)
    if idx is None:
        idx = doc.to_array(IDX).tolist()
    size, n = len(text), len(doc)
    label_id = doc.vocab.strings.add(label)
    out = []
    for start, end in ranges:
        if not (0 <= start < size and 0 < end <= size):
            continue  # no token holds the first or the last character: no span
        first = bisect_right(idx, start) - 1
        last = bisect_right(idx, end - 1)  # one past the token holding the last character
        if start == (idx[first + 1] if first + 1 < n else size) - 1:
            token = doc[first]
            if start == token.idx + len(token):
                first += 1
        if last > first:
            out.append(Span(doc, first, last, label=label_id))
    return out


@Language.factory("ofsted_layout")
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(rules.load("layout"))


class FastSentencizer(Sentencizer):  # type: ignore[misc]
    """spaCy's Sentencizer with the same rule, on arrays instead of Token objects.

    spaCy's version walks the tokens in Python and costs about as much as the
    tokenizer itself. The rule is unchanged: a sentence starts at the first
    token, and at the first token after one of ``punct_chars`` that is neither
    punctuation nor one of ``punct_chars``; starts already set (our line starts)
    are kept unless ``overwrite``. It is a Sentencizer (same config, same
    serialisation), added under the usual name ``sentencizer``.
    """

    def _punct_orths(self) -> frozenset[int]:
        self._punct_tables()
        return self._orths

    def _punct_tables(self) -> None:
        """The ORTH ids of ``punct_chars`` and, when every one is a single character, a
        pattern that finds them in a text (remade when the set is replaced)."""
        chars = self.punct_chars
        if getattr(self, "_orths_for", None) is not chars:  # from_disk() may replace the set
            self._orths = frozenset(get_string_id(c) for c in chars)
            self._orth_of = {c: get_string_id(c) for c in chars}
            self._single = all(len(c) == 1 for c in chars)
            self._ascii_chars = tuple(sorted(c for c in chars if c.isascii()))
            self._other_chars = frozenset(c for c in chars if not c.isascii())
            self._orths_for = chars

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            if len(doc):
                self._set(doc, self._start_list(doc))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            error_handler(self.name, self, [doc], e)
            return doc

    def predict(self, docs: Iterable[Doc]) -> list[np.ndarray[Any, np.dtype[np.bool_]]]:
        return [self._starts(doc) for doc in docs]

    def _starts(self, doc: Doc) -> np.ndarray[Any, np.dtype[np.bool_]]:
        starts = np.zeros(len(doc), dtype=np.bool_)
        if len(doc):
            starts[self._start_list(doc)] = True
        return starts

    def _start_list(self, doc: Doc) -> list[int]:
        """The sentence starts of a non-empty Doc, in order.

        The sentence ends are found with ``list.index`` on the ORTH column, once per
        kind of ending the Doc has ('.', '?', '!'): a handful of scans in C instead of a
        Python test per token, and no numpy calls (each costs microseconds).
        """
        n = len(doc)
        ends = self._ends(doc)
        found = [0]
        if not ends:
            return found
        ends.sort()
        enders = set(ends)
        # Sentence ends are few: from each, walk to the next word (a token that is
        # neither an ender nor punctuation, white space included, as in spaCy).
        # A walk never re-covers another's ground, so "?!?!..." stays linear.
        reached = -1
        for i in ends:
            if i < reached:
                continue
            j = i + 1
            while j < n and (j in enders or doc[j].is_punct):
                j += 1
            if j < n:
                found.append(j)
            reached = j
        return found

    def _ends(self, doc: Doc) -> list[int]:
        """The tokens that are one of ``punct_chars``, in no order.

        A token's text is in the Doc's text, so only the characters found there can
        be any token's ORTH (the ASCII ones are looked for one by one, the others among
        the text's non-ASCII characters); each is then looked for as its 8 bytes in the
        ORTH column's memory (``bytes.find``, at a whole entry only), not token by token
        in Python.
        """
        self._punct_tables()
        orth = doc.to_array(ORTH)
        ends: list[int] = []
        if not self._single:  # a multi-character entry: compare every token
            kinds = set(self._orths.intersection(orth.tolist()))
        else:
            text = doc_text(doc)
            present = [c for c in self._ascii_chars if c in text]
            if not text.isascii():
                present.extend(self._other_chars.intersection(_NON_ASCII.findall(text)))
            kinds = {self._orth_of[c] for c in present}
        if not kinds:
            return ends
        raw = np.ascontiguousarray(orth, dtype=np.uint64).tobytes()
        for kind in kinds:
            pattern = kind.to_bytes(8, sys.byteorder)
            at = raw.find(pattern)
            while at >= 0:
                if at % 8 == 0:
                    ends.append(at // 8)
                at = raw.find(pattern, at + 1)
        return ends

    def _set(self, doc: Doc, starts: list[int]) -> None:
        """spaCy's own ``set_annotations`` (a loop in C over the Doc's tokens): 1 at
        ``starts``, -1 elsewhere, where no start is set yet (anywhere if ``overwrite``)."""
        tags = [False] * len(doc)
        for k in starts:
            tags[k] = True
        Sentencizer.set_annotations(self, [doc], [tags])

    def set_annotations(
        self, docs: Iterable[Doc], batch_starts: list[np.ndarray[Any, np.dtype[np.bool_]]]
    ) -> None:
        for doc, starts in zip(docs, batch_starts, strict=True):
            if len(doc):
                self._set(doc, np.flatnonzero(starts).tolist())


#: A character outside ASCII (a one-range class: the regex engine scans it quickly,
#: where a class of a hundred scattered characters costs a test of each per position).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@Language.factory(
    "ofsted_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={
        "punct_chars": None,
        "overwrite": False,
        "scorer": {"@scorers": "spacy.senter_scorer.v1"},
    },
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(
    nlp: Language,
    name: str,
    punct_chars: list[str] | None,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> FastSentencizer:
    return FastSentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)


#: Per Doc: the furniture span group last read, its length then, and its merged
#: (starts, ends) character ranges. Keyed weakly, so a Doc's entry dies with it;
#: the group is kept to tell a replaced group (``doc.spans[...] = ...``) from it.
_FURNITURE: weakref.WeakKeyDictionary[Doc, tuple[SpanGroup, int, list[int], list[int]]] = (
    weakref.WeakKeyDictionary()
)


def furniture_ranges(doc: Doc) -> tuple[list[int], list[int]]:
    """The page furniture as sorted character ranges (starts, ends), overlapping and
    touching ones joined; read once per Doc (again if the group changes). The lists are
    shared: callers read them and never change them."""
    group = doc.spans.get("boilerplate")
    if group is None or not len(group):
        return [], []
    cached = _FURNITURE.get(doc)
    if cached is not None and cached[0] is group and cached[1] == len(group):
        return cached[2], cached[3]
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted((span.start_char, span.end_char) for span in group):
        if starts and start <= ends[-1]:  # overlapping or touching: merge
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    _FURNITURE[doc] = (group, len(group), starts, ends)
    return starts, ends


def furniture_pairs(doc: Doc) -> list[tuple[int, int]]:
    """:func:`furniture_ranges` as (start, end) pairs, for the components that skip them."""
    return list(zip(*furniture_ranges(doc), strict=True))


def in_boilerplate(doc: Doc, start_char: int, end_char: int | None = None) -> bool:
    """Whether a character offset (or range) falls inside page furniture.

    Called for every candidate mention, so it is a binary search over the
    merged furniture ranges, read once per Doc (again if the group changes).
    """
    end_char = start_char + 1 if end_char is None else end_char
    starts, ends = furniture_ranges(doc)
    k = bisect_left(starts, end_char) - 1  # the last range starting before end_char
    return k >= 0 and ends[k] > start_char


def title_span(doc: Doc) -> Span | None:
    """The headline found by the layout component, if any."""
    spans = doc.spans.get("title")
    return spans[0] if spans is not None and len(spans) else None
