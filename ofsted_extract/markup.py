"""Web pages saved as HTML: their readable text, and where each character came from.

Users point the tool at folders of saved pages as well as at scraped text. The
rules read plain text, so a page is turned into the text a browser would show
(block elements end lines, ``<script>`` and ``<style>`` vanish, entities
are decoded, runs of white space become one space), and every character of
that text remembers its offset in the page. Evidence found in the text is then
moved back onto the page, so ``start``/``end`` index the user's own file, as
they do for every other input.

Only the standard library is used: a page is read once, front to back, and the
regular expressions below are all this needs. An HTML parser would build a
tree nobody reads and would still not give offsets.
"""

from __future__ import annotations

import functools
import html
import re
from array import array
from dataclasses import dataclass

#: Markup that opens a page: a doctype, ``<html>``, ``<head>`` or ``<body>`` (after any
#: byte order mark, XML declaration and comments, which :func:`looks_like_html` skips).
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"<\?xml[^<>]{0,200}>")
#: Closing tags of paragraphs and blocks: plain text never has them, a page has many.
_CLOSING_BLOCK = re.compile(r"</(?:p|div|li|h[1-6]|td|article|section)\s*>", re.IGNORECASE)
#: A fragment (a page's article body copied out) needs this many closing block tags.
_MIN_FRAGMENT_BLOCKS = 3

#: Elements whose content is never shown as text (with ``title`` too when the page has
#: an ``<h1>``), comments and CDATA: where each opens. Where it closes is looked for
#: separately (:func:`_hide`), so an unclosed one costs one search, not one per opening.
_HIDDEN_NAMES = "script|style|noscript|template|svg|iframe|object|select"
_HIDDEN_OPEN = re.compile(rf"<({_HIDDEN_NAMES})\b[^<>]*>|<!--|<!\[CDATA\[", re.IGNORECASE)
_HIDDEN_OPEN_TITLE = re.compile(
    rf"<({_HIDDEN_NAMES}|title)\b[^<>]*>|<!--|<!\[CDATA\[", re.IGNORECASE
)
_H1 = re.compile(r"<h1\b", re.IGNORECASE)
#: A page's machine-readable dates live where no reader sees them: a ``<meta>`` tag
#: in the head, a JSON-LD key in a script. Those are kept, verbatim, so the date
#: rules read them as they read a scraped text that kept them.
_META = re.compile(r"<meta\b[^<>]{0,500}>", re.IGNORECASE)
_JSON_KEY = re.compile(r'"([A-Za-z_.:-]{3,40})"\s*:\s*"[^"<>]{4,40}"')
#: Machine dates are looked for in this much of the page (its head and first scripts).
_MACHINE_SPAN = 500_000
_CLOSERS: dict[str, re.Pattern[str]] = {
    "<!--": re.compile(r"-->"),
    "<![cdata[": re.compile(r"\]\]>"),
}
#: One tag (its name in group 1), an entity, a run of white space, or a run of other text.
_PIECE = re.compile(
    r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9:-]*)(?:[^<>\"']|\"[^\"]{0,2000}\"|'[^']{0,2000}')*>"
    r"|<[!?][^>]*>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?"
    r"|\s+"
    r"|[^<&\s]+|[<&]"
)
#: Elements that start a new block: the text before and after is on separate lines.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
    "ul",
})
#: Block elements that separate paragraphs (a blank line) rather than lines.
_PARAGRAPH = frozenset({
    "article", "aside", "blockquote", "div", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "main", "nav", "ol", "p", "section", "table", "title", "ul",
})


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a web page (or a piece of one) rather than plain text.

    A page starts with its doctype or ``<html>``; a fragment copied out of a
    page has closing paragraph or block tags, which no article's plain text has.
    """
    if "<" not in text:
        return False
    pos = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if (m := _XML_DECLARATION.match(text, pos)) is not None:
        pos = m.end()
    while True:  # comments before the page's first tag
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith("<!--", pos):
            break
        end = text.find("-->", pos + 4)
        if end < 0:
            return False
        pos = end + 3
    if _PAGE_START.match(text, pos):
        return True
    return len(_CLOSING_BLOCK.findall(text, 0, 200_000)) >= _MIN_FRAGMENT_BLOCKS


@dataclass(frozen=True, slots=True)
class PageText:
    """The readable text of a page, and for each of its characters an offset in the page."""

    text: str
    #: ``text[i]`` came from ``page[starts[i]:ends[i]]`` (one character, a whole entity,
    #: or for a line break or space the markup or white space it stands for).
    starts: array[int]
    ends: array[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The page's ``(start, end)`` for ``text[start:end]``."""
        if end <= start:
            at = self.starts[start] if start < len(self.text) else self.ends[-1] if self.ends else 0
            return at, at
        first = self.starts[start]
        # the machine dates read last come from the head: a span never runs into them,
        # but an end before its start must not reach the record either way
        return first, max(first, self.ends[end - 1])


def _hide(page: str, opening: re.Pattern[str]) -> str:
    """``page`` with hidden elements, comments and CDATA blanked out (same length).

    An element that is never closed hides only its opening tag: a scraped page
    cut short keeps its text. Once a closing tag is known to be missing, later
    openings of the same kind do not look for it again, which keeps a page of a
    thousand unclosed ``<script>`` tags linear.
    """
    parts: list[str] = []
    pos = 0
    missing: set[str] = set()
    for m in opening.finditer(page):
        if m.start() < pos:
            continue  # inside an element already hidden
        kind = (m[1] or m[0]).lower()
        end = m.end()
        if kind not in missing:
            closer = _CLOSERS.get(kind)
            if closer is None:
                closer = _CLOSERS[kind] = re.compile(rf"</{kind}\s*>", re.IGNORECASE)
            found = closer.search(page, m.end())
            if found is None:
                missing.add(kind)
            else:
                end = found.end()
        parts.append(page[pos : m.start()])
        parts.append(" " * (end - m.start()))
        pos = end
    if not parts:
        return page
    parts.append(page[pos:])
    return "".join(parts)


def page_text(page: str) -> PageText:
    """The text a reader of ``page`` sees, with the origin of every character."""
    # the page's own headline is its <h1>; its <title> repeats it with the site's name
    visible = _hide(page, _HIDDEN_OPEN_TITLE if _H1.search(page) else _HIDDEN_OPEN)
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    pending = ""  # the break owed before the next word: "", " ", "\n" or "\n\n"
    pending_at = 0

    def owe(brk: str, at: int) -> None:
        nonlocal pending, pending_at
        if len(brk) > len(pending) or (brk == "\n" and pending == " "):
            pending, pending_at = brk, at

    def emit(chars: str, at: int, width: int) -> None:
        nonlocal pending
        if pending and out:
            out.append(pending)
            starts.extend([pending_at] * len(pending))
            ends.extend([pending_at] * len(pending))
        pending = ""
        out.append(chars)
        if width == len(chars):
            starts.extend(range(at, at + width))
            ends.extend(range(at + 1, at + width + 1))
        else:  # a decoded entity: each of its characters stands for the whole entity
            starts.extend([at] * len(chars))
            ends.extend([at + width] * len(chars))

    for m in _PIECE.finditer(visible):
        piece, at = m[0], m.start()
        first = piece[0]
        if first == "<" and len(piece) > 1:
            name = (m[1] or "").lower()
            if name in _PARAGRAPH:
                owe("\n\n", at)
            elif name in _BLOCK:
                owe("\n", at)
            # an inline tag ('<a>', '<b>', '<span>') is no break: 'Lark<b>field</b>' is one word
        elif first == "&" and len(piece) > 1:
            decoded = html.unescape(piece)
            if decoded.isspace() or decoded == "\u00a0":
                owe(" ", at)
            else:
                emit(decoded, at, len(piece))
        elif piece.isspace():
            owe(" ", at)
        else:
            emit(piece, at, len(piece))
    for m in _machine_dates(page):
        owe("\n\n", m.start())
        emit(m[0], m.start(), len(m[0]))
    return PageText("".join(out), starts, ends)


def _machine_dates(page: str) -> list[re.Match[str]]:
    """The page's meta tags and JSON-LD keys that hold its dates, to be read after its text.

    They go last so that they never stand where a headline or byline is looked for.
    """
    keys = _date_keys()
    found = [
        m for m in _META.finditer(page, 0, _MACHINE_SPAN) if any(k in m[0].lower() for k in keys)
    ]
    found += [
        m for m in _JSON_KEY.finditer(page, 0, _MACHINE_SPAN) if m[1].lower() in keys
    ]
    return found


@functools.cache
def _date_keys() -> frozenset[str]:
    from . import rules

    data = rules.load("dates")
    return frozenset(data["article_machine_keys_strong"]) | frozenset(
        data["article_machine_keys_weak"]
    )
