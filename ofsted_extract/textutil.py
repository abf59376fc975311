"""Small text helpers shared by the components and the assembler."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .record import Evidence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Where :func:`doc_text` keeps a Doc's text (in ``doc.user_data``).
_TEXT_KEY = "ofsted_extract.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc.

    spaCy rebuilds ``doc.text`` on every access by joining every token, which
    costs half as much as tokenizing the document again. Components and the
    assembler read the text many times, so they call this instead: the text is
    joined once and kept in ``doc.user_data`` (a Doc's text never changes:
    even retokenizing keeps it).
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return str(text)


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` and note it as the Doc's text, so :func:`doc_text` costs nothing.

    spaCy's tokenizer loses no character, so the Doc's text is ``text`` itself.
    """
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


#: Symbols: ASCII punctuation, Latin-1 signs, general punctuation (not the
#: Unicode spaces in it), arrows and dingbats, CJK and full-width punctuation,
#: emoji. Written as one character class, then the rest of the run, so that the
#: regex engine can skip to candidates instead of trying every position.
_SYM = (
    "!-/:-@\\[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2060-\u2bff"
    "\u2e00-\u2e7f\u3001-\u303f\ufe10-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    "\uff5b-\uff65\U0001f000-\U0001faff"
)
#: A long run of symbols ("!!!!...", a wall of quote marks or emoji).
_SYMBOL_RUN = re.compile(f"[{_SYM}][{_SYM}]{{15,}}")
#: A very long stretch without white space (no word or link is this long).
_LONG_RUN = re.compile(r"\S{512,}")
_BLOCK = 256


def analysis_text(text: str) -> str:
    """A same-length copy of ``text`` that the rules can read safely.

    Windows and old-Mac line ends become ``\\n`` and control characters become
    spaces *without changing any offset*, so evidence spans found in the copy
    point at the same characters of the user's text.

    spaCy's tokenizer takes time quadratic in the length of a stretch without
    white space when it has to peel punctuation off it one character at a
    time: 8,000 "!" take 9 s, a megabyte of quote marks would take hours. So
    runs of 16 or more symbols get a space every 8th character, and a stretch
    of 512 characters without white space one every 512th. Articles have
    neither (a long link is still far shorter), and no offset moves.
    """
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    text = _SYMBOL_RUN.sub(lambda m: _space_every(m[0], 8), text)
    # A 512-run covers a whole aligned block of 256 with neither space nor
    # newline: looking for such a block first is far cheaper than the regex.
    if any(
        " " not in (block := text[i : i + _BLOCK]) and "\n" not in block
        for i in range(0, len(text) - _BLOCK + 1, _BLOCK)
    ):
        text = _LONG_RUN.sub(lambda m: _space_every(m[0], 512), text)
    return text


def _space_every(run: str, k: int) -> str:
    """``run`` with every ``k``-th character replaced by a space (same length)."""
    chars = list(run)
    chars[k - 1 :: k] = " " * len(range(k - 1, len(chars), k))
    return "".join(chars)


def evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for ``text[start:end]``, trimmed of surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, text=text[start:end])


_PARA_BREAK = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each block of text separated by blank lines."""
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:].strip():
        yield pos, len(text)


def lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, without its newline."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


def fold_quotes(text: str) -> str:
    """Curly quotes and apostrophes to straight ones (same length).

    ``str.translate`` with a table looks every character up in a dict: about
    0.2 ms for an article, on every call. Plain text (ASCII) has nothing to
    fold, and otherwise one ``str.replace`` per quote mark present is a
    hundred times quicker. The targets are never sources, so the order of the
    replacements does not matter.
    """
    if text.isascii():
        return text
    for curly, straight in _QUOTE_PAIRS:
        if curly in text:
            text = text.replace(curly, straight)
    return text


_QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201a", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u201f", '"'),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
)


def trie_pattern(phrases: dict[str, str], bounded: bool = False, space: str = r"[ \t]+") -> str:
    """A prefix-tree regex for the phrases (the keys), each followed by its own pattern.

    A space in a phrase matches ``space`` (by default a run of spaces and tabs).

    ``bounded``: the match must start a word (no letter, digit, apostrophe or
    hyphen before it). The usual ``(?<![\\w'’-])`` in front would make the
    regex engine try every position of the text; the first character is
    read first instead (``[Cc](?<![\\w'’-].)(?<=C)llr...``), so the engine
    skips straight to the positions that can start a phrase.
    """
    tree: dict[str, Any] = {}
    for phrase, tail in phrases.items():
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = tail

    def build(node: dict[str, Any]) -> str:
        branches = [
            (space if ch == " " else re.escape(ch)) + build(sub)
            for ch, sub in sorted(node.items(), key=lambda kv: kv[0])
            if ch
        ]
        if "" in node:
            branches.append(str(node[""]))  # the phrase ends here: tried after longer ones
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    if not tree:
        return "(?!)"
    if not bounded or "" in tree or " " in tree:
        pattern = "(?:" + build(tree) + ")"
        return rf"(?<![\w'’-]){pattern}" if bounded else pattern
    firsts = "".join(re.escape(ch) for ch in sorted(tree))
    rest = "|".join(rf"(?<={re.escape(ch)}){build(tree[ch])}" for ch in sorted(tree))
    return rf"(?:[{firsts}](?<![\w'’-].)(?:{rest}))"

