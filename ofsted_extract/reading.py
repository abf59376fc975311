"""Reading input: paths, folders and stdin to decoded text or a readable error.

Nothing here raises for a bad file: every path turns into exactly one
:class:`Document`, either with text or with an error a user can act on, so a
batch over a scraped folder accounts for every file. Scraped folders hold
everything: images saved as ``.txt``, Windows-1252 pages, UTF-16 exports,
files padded with NUL bytes, symlinks into nowhere. Each gets either text (and
a warning saying what was done to it) or one clear error.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md")

#: Texts above this size are cut (with a warning): an article is a few kB and a
#: full inspection report a few hundred; a 20 MB dump would otherwise take
#: minutes and gigabytes inside spaCy. The cap keeps time and memory bounded.
MAX_CHARS = 1_000_000
#: Files above this many bytes are not even read whole (4 bytes per character
#: is the most any encoding we read needs, so the cap on characters still bites).
MAX_BYTES = 4 * MAX_CHARS

#: How much of the start of a file is looked at to tell text from binary.
_SAMPLE = 8192

#: Magic numbers of the binary formats most often found misnamed in scraped
#: folders (images, archives, office files, executables, media).
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"PK\x05\x06",  # empty zip
    b"%PDF",
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # old Word / Excel
    b"SQLite format 3\x00",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"RIFF",  # WAV, AVI, WebP
    b"OggS",
    b"fLaC",
    b"ID3",
    b"\x1a\x45\xdf\xa3",  # Matroska / WebM
    b"wOFF",
    b"wOF2",
    b"\xca\xfe\xba\xbe",
)

#: Byte order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

#: C0 control bytes that never occur in text (tab, line feed, form feed,
#: carriage return and the DOS end-of-file mark ^Z do), as ``bytes.translate``
#: deletion tables: deleting every *other* byte leaves just the ones counted.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 12, 13, 26} | {127}))
_ALL_BYTES = bytes(range(256))
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def _count_of(sample: bytes, members: bytes) -> int:
    return len(sample.translate(None, _ALL_BYTES.translate(None, members)))


#: How the warnings this module writes begin: the CLI repeats these on stderr
#: (the reader should know their file was cut or re-decoded), not the others.
READING_WARNINGS: tuple[str, ...] = (
    "decoded as",
    "invalid",
    "not valid UTF-8",
    "NUL",
    "input larger",
    "text cut",
    "empty document",
    "document holds only",
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


# -- decoding ---------------------------------------------------------------------------

_fallback_state = threading.local()


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes UTF-8 rejects as Windows-1252.

    Scraped files are often UTF-8 with a few Windows-1252 bytes pasted in (a
    curly quote from Word): decoding just those bytes keeps the UTF-8 text
    right instead of turning every "’" in it into "â€™".
    """
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - registered for decoding
        raise exc
    bad = exc.object[exc.start : exc.end]
    _fallback_state.count = getattr(_fallback_state, "count", 0) + len(bad)
    return bytes(bad).decode("cp1252", errors="replace"), exc.end


codecs.register_error("ofsted-extract-cp1252", _cp1252_fallback)


def _decode_utf8_or_cp1252(data: bytes, final: bool) -> tuple[str, int, int]:
    """UTF-8 with Windows-1252 for the bytes it rejects.

    Returns the text, the number of bytes read as Windows-1252, and the number
    of characters that came from valid multi-byte UTF-8 sequences.
    """
    _fallback_state.count = 0
    decoder = codecs.getincrementaldecoder("utf-8")("ofsted-extract-cp1252")
    text = decoder.decode(data, final=final)
    fallback = int(_fallback_state.count)
    non_ascii = len(text) - _ascii_count(text)
    return text, fallback, non_ascii - fallback


def _ascii_count(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("ascii", errors="ignore"))


def _plain_text(sample: bytes) -> bool:
    """Valid UTF-8 without NULs: a text that merely begins like a binary format.

    Several magic numbers are plain letters ("ID3", "RIFF", "%PDF"); a note that
    starts "ID3 tags..." is still text.
    """
    if b"\x00" in sample:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like UTF-16 text with no BOM.

    Mostly-Latin UTF-16 has a NUL in every other byte: that pattern, and not
    the NUL count alone, tells it from a binary file or a file padded with NULs.
    """
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, codec: str, final: bool) -> str:
    decoder = codecs.getincrementaldecoder(codec)("replace")
    return decoder.decode(data, final=final)


def decode(data: bytes, *, final: bool = True) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16/32 (BOM, or UTF-16 by its look) or Windows-1252.

    Returns the text and the warnings the reader should see (a fallback used,
    NUL bytes dropped, bytes replaced). Raises :class:`DecodeError` for binary
    data. ``final=False`` says the bytes were cut from a longer file, so an
    incomplete character at the end is dropped instead of being an error.
    """
    warnings: list[str] = []
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _decode_unicode(data[len(bom) :], codec, final)
            if name != "UTF-8":
                warnings.append(f"decoded as {name} (byte order mark)")
            if "\ufffd" in text and "\ufffd".encode(codec) not in data:
                warnings.append(f"invalid {name} bytes replaced with U+FFFD")
            return _drop_nul(text, warnings), warnings
    if data.startswith(_BINARY_MAGIC) and not _plain_text(data[:_SAMPLE]):
        raise DecodeError("binary file (not text)")
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16 is not None:
        text = _decode_unicode(data, utf16, final)
        warnings.append("decoded as UTF-16 (no byte order mark)")
        if "\ufffd" in text:
            warnings.append("invalid UTF-16 bytes replaced with U+FFFD")
        return _drop_nul(text, warnings), warnings
    if b"\x00" in data:
        # NUL padding (a crashed download, a fixed-width export) is not text;
        # what is around it may well be.
        data = data.replace(b"\x00", b"")
        warnings.append("NUL bytes removed")
    text, fallback, multibyte = _decode_utf8_or_cp1252(data, final)
    if _looks_binary(data[:_SAMPLE], valid_utf8=fallback == 0):
        raise DecodeError("binary file (not text)")
    if fallback:
        if multibyte > fallback:
            warnings.append(f"not valid UTF-8: {fallback:,} stray byte(s) decoded as Windows-1252")
        else:
            text = data.decode("cp1252", errors="replace")
            warnings.append("not valid UTF-8: decoded as Windows-1252")
    return text, warnings


def _looks_binary(sample: bytes, valid_utf8: bool) -> bool:
    """Whether the start of a file is binary data rather than text.

    Text has almost no C0 control bytes; valid UTF-8 gets more slack (some
    exports keep odd controls) than bytes that are not UTF-8 at all, where a
    few percent of controls means binary data (random bytes have about 11%).
    """
    if not sample:
        return False
    controls = _count_of(sample, _CONTROL_BYTES)
    return controls > (0.10 if valid_utf8 else 0.02) * len(sample)


def _drop_nul(text: str, warnings: list[str]) -> str:
    if "\x00" in text:
        warnings.append("NUL characters removed")
        text = text.replace("\x00", "")
    return text


# -- reading ----------------------------------------------------------------------------


def display_source(path: str) -> str:
    """The path as it can be printed and written to JSON or CSV.

    File names are bytes on Linux; ones that are not UTF-8 reach Python as lone
    surrogates, which no UTF-8 writer accepts. They are shown with ``\\xNN``
    escapes instead of crashing the writer at the end of a long batch.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        try:
            raw = path.encode("utf-8", errors="surrogateescape")
        except UnicodeEncodeError:
            raw = path.encode("utf-8", errors="surrogatepass")
        return raw.decode("utf-8", errors="backslashreplace")


def read_bytes(data: bytes, source: str) -> Document:
    """Decode bytes already read (stdin, tests) into a Document.

    ``data`` may hold one byte more than :data:`MAX_BYTES`: that is how a
    caller says the input went on, so the cut is reported.
    """
    warnings: list[str] = []
    cut = len(data) > MAX_BYTES
    if cut:
        data = data[:MAX_BYTES]
        warnings.append(
            f"input larger than {MAX_BYTES:,} bytes: only the first {MAX_BYTES:,} were read"
        )
    try:
        text, more = decode(data, final=not cut)
    except DecodeError as exc:
        return Document(source, error=str(exc))
    warnings.extend(more)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        warnings.append(
            f"text cut to its first {MAX_CHARS:,} characters: the rest was not processed"
        )
    if not text.strip():
        warnings.append("empty document" if not text else "document holds only white space")
    return Document(source, text=text, warnings=tuple(warnings))


_ERRNO_REASONS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symbolic link loop",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a directory",
}


def _describe(exc: OSError, path: str) -> str:
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return "broken symbolic link (its target does not exist)"
    reason = _ERRNO_REASONS.get(exc.errno or -1)
    if reason:
        return reason
    text = exc.strerror or type(exc).__name__
    return text[:1].lower() + text[1:]


def _not_regular(mode: int, path: str) -> str:
    if stat.S_ISDIR(mode):
        try:
            with os.scandir(path):
                pass
        except OSError as exc:
            return f"folder cannot be read: {_describe(exc, path)}"
        return "is a directory"
    kind = (
        "a named pipe"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a special file"
    )
    return f"not a regular file ({kind})"


def read_path(source: str) -> Document:
    """Read one path (or ``-`` for stdin) into a Document; never raises for a bad file."""
    shown = display_source(source)
    if source == "-":
        return read_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "-")
    try:
        # O_NONBLOCK: a named pipe given as a file must not hang the batch.
        fd = os.open(source, _OPEN_FLAGS)
    except OSError as exc:
        return Document(shown, error=_describe(exc, source))
    except ValueError:  # a NUL character in the name
        return Document(shown, error="invalid file name")
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            return Document(shown, error=_not_regular(mode, source))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return Document(shown, error=f"cannot read: {_describe(exc, source)}")
    finally:
        os.close(fd)
    return read_bytes(b"".join(chunks), shown)


# -- finding files ----------------------------------------------------------------------


def _matches(name: str, rel: str, globs: Iterable[str]) -> bool:
    """Case-insensitive: scraped folders mix ``.txt`` and ``.TXT``.

    A pattern is tried on the file name and on the path below the folder given,
    so ``--glob 'reports/*.txt'`` works as well as ``--glob '*.txt'``.
    """
    name, rel = name.lower(), rel.lower()
    return any(
        fnmatch.fnmatchcase(name, g.lower()) or fnmatch.fnmatchcase(rel, g.lower()) for g in globs
    )


def expand_paths(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> Iterator[str]:
    """Files as given, folders walked recursively in sorted order, ``-`` kept.

    A path given by the user is always kept (even if it does not exist) so that
    it gets its own error record; files inside folders are kept when they match
    one of ``globs``. A folder named on the command line is walked even through
    a symbolic link; inside it, links to folders are not followed (as ``grep
    -r`` does), which rules out loops. A sub-folder that cannot be listed is
    kept as an input of its own, so its error is reported instead of its files
    silently missing.
    """
    globs = tuple(globs)
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path, globs)
        else:
            yield path


def _walk(root: str, globs: tuple[str, ...]) -> Iterator[str]:
    found: list[str] = []
    unreadable: list[str] = []

    def onerror(exc: OSError) -> None:
        if exc.filename is not None:
            unreadable.append(os.fsdecode(exc.filename))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames.sort()
        for name in filenames:
            full = os.path.join(dirpath, name)
            if _matches(name, os.path.relpath(full, root), globs):
                found.append(full)
        # a directory named like a match (e.g. "notes.txt/") is reported, not skipped
        for name in dirnames:
            full = os.path.join(dirpath, name)
            if _matches(name, os.path.relpath(full, root), globs):
                found.append(full)
    found.extend(unreadable)
    yield from sorted(set(found))
