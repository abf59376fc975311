"""Reading input: decoding fallbacks, size caps, bad paths and folder walking.

Every byte string and every path must turn into a Document with text or with
an error a person can act on; nothing here may raise.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ofsted_extract import reading
from ofsted_extract.reading import DecodeError, decode, expand_paths, read_bytes, read_path

ARTICLE = (
    "Thornbury Vale Academy has been rated \u201cgood\u201d by Ofsted, "
    "head teacher Priya Okonta said. The school\u2019s \u00a31.2m science block opened in 2021."
)


# -- decoding ----------------------------------------------------------------------------


def test_utf8_without_bom_is_read_as_is() -> None:
    assert decode(ARTICLE.encode("utf-8")) == (ARTICLE, [])


def test_utf8_bom_is_dropped_so_offsets_start_at_the_text() -> None:
    text, warnings = decode(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert text == ARTICLE
    assert warnings == []


def test_windows_1252_curly_quotes_and_pound_sign_with_a_warning() -> None:
    text, warnings = decode(ARTICLE.encode("cp1252"))
    assert text == ARTICLE
    assert len(warnings) == 1 and "Windows-1252" in warnings[0]


def test_utf8_with_a_few_stray_windows_1252_bytes_keeps_the_utf8_right() -> None:
    # A UTF-8 page with one pasted Windows-1252 quote: decoding all of it as
    # Windows-1252 would turn every "\u2019" into mojibake.
    data = (ARTICLE * 3).encode("utf-8") + b" \x93Outstanding\x94 leaders."
    text, warnings = decode(data)
    assert text == ARTICLE * 3 + " \u201cOutstanding\u201d leaders."
    assert "\u00e2\u20ac" not in text  # no "\u00e2\u20ac\u2122" mojibake
    assert any("Windows-1252" in w and "2" in w for w in warnings)


def test_windows_1252_text_that_accidentally_holds_a_utf8_sequence() -> None:
    # "Ã©" in Windows-1252 is the UTF-8 encoding of "é"; in a text that is mostly
    # Windows-1252 the whole file is read as Windows-1252.
    source = (
        "Caf\u00e9 \u201cgood\u201d \u2013 \u00a35, \u00bd price, r\u00e9sum\u00e9 \u00c3\u00a9"
    )
    text, warnings = decode(source.encode("cp1252"))
    assert text == source
    assert warnings == ["not valid UTF-8: decoded as Windows-1252"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = "\ufeff".encode(codec)
    text, warnings = decode(bom + ARTICLE.encode(codec))
    assert text == ARTICLE
    assert warnings == ["decoded as UTF-16 (byte order mark)"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_pattern(codec: str) -> None:
    text, warnings = decode(ARTICLE.encode(codec))
    assert text == ARTICLE
    assert warnings == ["decoded as UTF-16 (no byte order mark)"]


def test_utf32_bom_is_not_mistaken_for_utf16() -> None:
    text, warnings = decode("\ufeff".encode("utf-32-le") + ARTICLE.encode("utf-32-le"))
    assert text == ARTICLE
    assert warnings == ["decoded as UTF-32 (byte order mark)"]


def test_nul_bytes_are_dropped_with_a_warning() -> None:
    text, warnings = decode(b"Ofsted rated the\x00 school good.\x00\x00\x00")
    assert text == "Ofsted rated the school good."
    assert warnings == ["NUL bytes removed"]


def test_line_ends_are_left_alone_so_offsets_hold() -> None:
    raw = "Title\r\n\r\nFirst line.\rSecond line.\n"
    assert decode(raw.encode())[0] == raw


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "hello")
    return buf.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"GIF89a\x01\x00\x01\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
    ],
    ids=["png", "gif", "jpeg", "pdf", "word97"],
)
def test_binary_formats_are_an_error(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(data)


@pytest.mark.parametrize("start", ["ID3 tags explained", "RIFF between governors", "%PDF copy"])
def test_text_that_begins_like_a_binary_format_is_text(start: str) -> None:
    assert decode(f"{start}: the school was rated good.".encode()) == (
        f"{start}: the school was rated good.",
        [],
    )


def test_zip_file_is_an_error() -> None:
    with pytest.raises(DecodeError):
        decode(_zip_bytes())


def test_random_bytes_without_a_magic_number_are_an_error() -> None:
    data = bytes((i * 7919 + 13) % 256 for i in range(4000))  # every byte value, evenly
    with pytest.raises(DecodeError):
        decode(data)


def test_a_few_control_characters_in_utf8_text_are_still_text() -> None:
    text, _ = decode(("Good school.\x0b Form\x1b feed. " * 10).encode())
    assert text.startswith("Good school.")


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_decode_never_raises_anything_but_decode_error(data: bytes) -> None:
    try:
        text, warnings = decode(data)
    except DecodeError:
        return
    assert "\x00" not in text
    assert len(text) <= len(data)
    assert all(isinstance(w, str) and w for w in warnings)


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\t\r "),
    max_size=300,
)


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_any_utf8_text_decodes_to_itself_without_warnings(text: str) -> None:
    assert decode(text.encode("utf-8")) == (text, [])


@given(_TEXT)
@settings(max_examples=200, deadline=None)
def test_any_utf16_text_with_bom_decodes_to_itself(text: str) -> None:
    decoded, warnings = decode(b"\xff\xfe" + text.encode("utf-16-le"))
    assert decoded == text
    assert warnings == ["decoded as UTF-16 (byte order mark)"]


# -- sizes -------------------------------------------------------------------------------


def test_input_over_the_byte_cap_is_cut_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    doc = read_bytes(b"x" * 101, "big.txt")
    assert doc.text == "x" * 100
    assert any("only the first 100 were read" in w for w in doc.warnings)


def test_a_cut_through_a_utf8_character_is_not_read_as_windows_1252(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    data = ("\u00e9" * 80).encode()  # 160 bytes: the cut at 100 falls inside no character...
    data = b"a" + data  # ...now it does: byte 100 is the second half of an "\u00e9"
    doc = read_bytes(data, "big.txt")
    assert doc.text == "a" + "\u00e9" * 49
    assert not any("Windows-1252" in w for w in doc.warnings)


def test_text_over_the_character_cap_is_cut_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_CHARS", 10)
    doc = read_bytes(b"0123456789abcdef", "long.txt")
    assert doc.text == "0123456789"
    assert any("cut to its first 10 characters" in w for w in doc.warnings)


def test_empty_and_blank_documents_are_read_with_a_warning() -> None:
    assert read_bytes(b"", "e.txt").warnings == ("empty document",)
    blank = read_bytes(b" \r\n\t\n", "b.txt")
    assert blank.error is None and blank.text == " \r\n\t\n"
    assert blank.warnings == ("document holds only white space",)


# -- paths -------------------------------------------------------------------------------


def test_read_path_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a b \u00e9.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    doc = read_path(str(path))
    assert doc.source == str(path)
    assert doc.text == ARTICLE
    assert doc.error is None


def test_missing_file(tmp_path: Path) -> None:
    doc = read_path(str(tmp_path / "nope.txt"))
    assert doc.text is None and doc.error == "no such file"


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").mkdir()
    assert read_path(str(tmp_path / "notes.txt")).error == "is a directory"


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    error = read_path(str(tmp_path / "gone.txt")).error
    assert error is not None and "broken symbolic link" in error


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert read_path(str(tmp_path / "a.txt")).error == "symbolic link loop"


def test_named_pipe_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_path(str(fifo)).error == "not a regular file (a named pipe)"


def test_permission_denied_by_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads anything, so the refusal is simulated at the system call."""
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(reading.os, "open", refuse)
    assert read_path(str(path)).error == "permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    try:
        assert read_path(str(path)).error == "permission denied"
    finally:
        path.chmod(0o644)


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Good school.")
    doc = read_path(os.fsdecode(raw))
    assert doc.text == "Good school."
    assert doc.source.endswith("caf\\xe9.txt")
    doc.source.encode("utf-8")  # printable and writable


def test_a_nul_in_a_path_is_an_error_not_a_crash() -> None:
    assert read_path("bad\x00name.txt").error == "invalid file name"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(ARTICLE.encode("cp1252"))

    monkeypatch.setattr(reading.sys, "stdin", FakeStdin)
    doc = read_path("-")
    assert doc.source == "-" and doc.text == ARTICLE
    assert any("Windows-1252" in w for w in doc.warnings)


# -- folders -----------------------------------------------------------------------------


def _tree(root: Path) -> None:
    for rel in [
        "b.txt",
        "a.TXT",
        "notes.md",
        "image.png",
        "sub/z.txt",
        "sub/deeper/y.txt",
        "Zeta/x.txt",
        "with space.txt",
        "\u00fcber.txt",
        "new\nline.txt",
    ]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")
    (root / "folder.txt").mkdir()


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [os.path.relpath(p, tmp_path) for p in expand_paths([str(tmp_path)])]
    assert found == sorted(found)
    assert set(found) == {
        "b.txt",
        "a.TXT",  # patterns match any case
        "notes.md",
        "sub/z.txt",
        "sub/deeper/y.txt",
        "Zeta/x.txt",
        "with space.txt",
        "\u00fcber.txt",
        "new\nline.txt",
        "folder.txt",  # reported (as an error later), not skipped
    }


def test_glob_patterns_replace_the_defaults(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [os.path.relpath(p, tmp_path) for p in expand_paths([str(tmp_path)], ["*.md"])]
    assert found == ["notes.md"]
    found = [os.path.relpath(p, tmp_path) for p in expand_paths([str(tmp_path)], ["sub/*.txt"])]
    assert found == ["sub/deeper/y.txt", "sub/z.txt"]


def test_paths_given_are_kept_in_order_even_when_missing(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    given_paths = [str(tmp_path / "b.txt"), "-", str(tmp_path / "missing.txt")]
    assert list(expand_paths(given_paths)) == given_paths


def test_symlinked_folders_inside_a_walk_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")  # a loop if followed
    found = list(expand_paths([str(tmp_path)]))
    assert found == [str(tmp_path / "real" / "a.txt")]


def test_a_symlinked_folder_named_on_the_command_line_is_walked(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert list(expand_paths([str(tmp_path / "link")])) == [str(tmp_path / "link" / "a.txt")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list a chmod 000 folder")
def test_an_unreadable_sub_folder_is_reported_not_lost(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("x")
    locked.chmod(0)
    try:
        found = list(expand_paths([str(tmp_path)]))
        assert found == [str(locked)]
        assert read_path(str(locked)).error == "permission denied"
    finally:
        locked.chmod(0o755)


_NAME = st.binary(min_size=1, max_size=60).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)


@given(st.lists(_NAME, min_size=1, max_size=8, unique=True))
@settings(max_examples=60, deadline=None)
def test_any_file_names_are_each_found_once_and_written_safely(names: list[bytes]) -> None:
    """Whatever bytes a name holds, the file is found, read and its name written as UTF-8."""
    import json
    import tempfile

    from ofsted_extract.record import ErrorRecord
    from ofsted_extract.writers import to_json

    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(tmp)
        for name in names:
            with open(root + b"/" + name + b".txt", "wb") as fh:
                fh.write(b"Rated good.")
        found = list(expand_paths([tmp]))
        assert sorted(os.fsencode(p) for p in found) == sorted(
            root + b"/" + n + b".txt" for n in names
        )
        for path in found:
            doc = read_path(path)
            assert doc.text == "Rated good.", doc.error
            line = to_json(ErrorRecord(source=doc.source, error="x"))
            line.encode("utf-8")
            assert json.loads(line)["source"] == doc.source
