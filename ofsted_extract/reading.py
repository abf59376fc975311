"""Reading input: paths, folders and stdin to decoded text or a readable error.

Nothing here raises for a bad file: every path turns into exactly one
:class:`Document`, either with text or with an error a user can act on, so a
batch over a scraped folder accounts for every file.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md")

#: Texts above this size are cut (with a warning): an article is a few kB, and a
#: 20 MB dump would otherwise take minutes and hundreds of MB inside spaCy.
MAX_CHARS = 1_000_000
#: Files above this many bytes are not even read whole.
MAX_BYTES = 4 * MAX_CHARS

_BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"%PDF",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"Rar!",
    b"7z\xbc\xaf",
)


@dataclass(frozen=True)
class Document:
    """One input: its source as the user gave it, and its text or why there is none."""

    source: str
    text: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


class DecodeError(ValueError):
    """The bytes are not text we can read."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with a BOM, or Windows-1252.

    Returns the text and the warnings the reader should see (a fallback used,
    NUL bytes dropped). Raises :class:`DecodeError` for binary data.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
        if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
            warnings.append("invalid UTF-8 bytes replaced with U+FFFD")
        return _clean_nul(text, warnings), warnings
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        warnings.append("decoded as UTF-16 (byte order mark)")
        return _clean_nul(text, warnings), warnings
    if data.startswith(_BINARY_MAGIC):
        raise DecodeError("binary file (not text)")
    sample = data[:8192]
    if sample:
        controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
        if controls / len(sample) > 0.10:
            raise DecodeError("binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.append("not valid UTF-8: decoded as Windows-1252")
    return _clean_nul(text, warnings), warnings


def _clean_nul(text: str, warnings: list[str]) -> str:
    if "\x00" in text:
        warnings.append("NUL characters removed")
        text = text.replace("\x00", "")
    return text


def _describe(exc: OSError) -> str:
    reason = exc.strerror or exc.__class__.__name__
    return reason[0].lower() + reason[1:] if reason else "cannot read"


def read_bytes(data: bytes, source: str) -> Document:
    """Decode bytes already read (stdin, tests) into a Document."""
    warnings: list[str] = []
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        warnings.append(f"input larger than {MAX_BYTES:,} bytes: only the start was read")
    try:
        text, more = decode(data)
    except DecodeError as exc:
        return Document(source, error=str(exc))
    warnings.extend(more)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        warnings.append(f"text cut to its first {MAX_CHARS:,} characters")
    return Document(source, text=text, warnings=tuple(warnings))


def read_path(source: str) -> Document:
    """Read one path (or ``-`` for stdin) into a Document; never raises OSError."""
    if source == "-":
        return read_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "-")
    try:
        st = os.stat(source)
    except OSError as exc:
        if os.path.islink(source):
            return Document(source, error="broken or looping symbolic link")
        return Document(source, error=_describe(exc))
    if stat.S_ISDIR(st.st_mode):
        return Document(source, error="is a directory")
    if not stat.S_ISREG(st.st_mode):
        return Document(source, error="not a regular file")
    try:
        with open(source, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return Document(source, error=_describe(exc))
    return read_bytes(data, source)


def _matches(name: str, globs: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in globs)


def expand_paths(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> Iterator[str]:
    """Files as given, folders walked recursively in sorted order, ``-`` kept.

    A path given by the user is always kept (even if it does not exist) so that
    it gets its own error record; files inside folders are kept when they match
    one of ``globs``. Symbolic links to folders are not followed (loops).
    """
    globs = tuple(globs)
    for path in paths:
        if path != "-" and os.path.isdir(path) and not os.path.islink(path):
            yield from _walk(path, globs)
        else:
            yield path


def _walk(root: str, globs: tuple[str, ...]) -> Iterator[str]:
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames.sort()
        for name in filenames:
            if _matches(name, globs):
                found.append(os.path.join(dirpath, name))
        # a directory named like a match (e.g. "notes.txt/") is reported, not skipped
        for name in dirnames:
            if _matches(name, globs):
                found.append(os.path.join(dirpath, name))
    yield from sorted(found)
