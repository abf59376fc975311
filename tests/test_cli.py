"""The command line: formats, -o, folders, stdin, exit codes, pipes and signals.

Most tests run the typer app in-process (CliRunner, fast); the ones about real
processes (a closed pipe, Ctrl-C, SIGTERM, worker processes) run a subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ofsted_extract import __version__
from ofsted_extract.cli import app
from ofsted_extract.record import ErrorRecord, Record

GOOD = (
    "Pellworth Primary School rated good by Ofsted\n\n"
    "By Anika Desai\n\n"
    "Pellworth Primary School has been rated good by Ofsted after an inspection in May.\n"
)
OTHER = "Inspectors judged Carradine Fields Academy to be outstanding.\n"


def invoke(*args: str, input: bytes | str | None = None) -> Result:
    # wide, so the table does not fold long temporary paths
    return CliRunner(env={"COLUMNS": "400"}).invoke(app, list(args), input=input)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text(GOOD)
    (root / "a.md").write_text(OTHER)
    (root / "sub" / "c.txt").write_text(OTHER)
    (root / "skip.html").write_text(OTHER)
    return root


def jsonl(text: str) -> list[dict[str, object]]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


# -- commands ----------------------------------------------------------------------------


def test_help_names_the_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "extract" in result.stdout and "schema" in result.stdout


def test_extract_help_names_the_options() -> None:
    result = invoke("extract", "--help")
    assert result.exit_code == 0
    for option in ("--format", "--output", "--glob", "--jobs"):
        assert option in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"ofsted-extract {__version__}\n"


def test_schema_is_a_json_schema_of_records_and_error_records() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    text = json.dumps(schema)
    assert "inspections" in text and "error" in text


# -- formats -----------------------------------------------------------------------------


def test_one_file_gives_one_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(GOOD)
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == str(path)
    assert record["title"] == "Pellworth Primary School rated good by Ofsted"
    Record.model_validate(record)


def test_a_folder_gives_jsonl_walked_recursively_and_sorted(folder: Path) -> None:
    result = invoke("extract", str(folder))
    assert result.exit_code == 0, result.stderr
    sources = [r["source"] for r in jsonl(result.stdout)]
    assert sources == [str(folder / "a.md"), str(folder / "b.txt"), str(folder / "sub" / "c.txt")]


def test_a_folder_with_one_file_still_gives_jsonl(tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text(GOOD)
    result = invoke("extract", str(tmp_path))
    assert len(jsonl(result.stdout)) == 1


def test_glob_picks_the_files_inside_folders(folder: Path) -> None:
    result = invoke("extract", "--glob", "*.html", "-g", "*.md", str(folder))
    sources = [r["source"] for r in jsonl(result.stdout)]
    assert sources == [str(folder / "a.md"), str(folder / "skip.html")]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table", "JSON"])
def test_each_format(folder: Path, fmt: str) -> None:
    result = invoke("extract", "--format", fmt, str(folder))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt.lower() == "json":
        assert [r["source"] for r in json.loads(out)][0] == str(folder / "a.md")
    elif fmt == "jsonl":
        assert len(jsonl(out)) == 3
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert [r["source"] for r in rows][1] == str(folder / "b.txt")
    else:
        assert "source" in out and "overall" in out
        for name in ("a.md", "b.txt", "sub/c.txt"):  # a row for every document
            assert str(folder / name) in out


def test_unknown_format_is_a_usage_error(folder: Path) -> None:
    result = invoke("extract", "--format", "xml", str(folder))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown format 'xml'" in result.stderr


def test_missing_path_argument_is_a_usage_error() -> None:
    assert invoke("extract").exit_code == 2


def test_unknown_model_is_a_usage_error_not_a_traceback(folder: Path) -> None:
    result = invoke("extract", "--model", "no_such_pipeline_xyz", str(folder))
    assert result.exit_code == 2
    assert "not installed" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- stdin -------------------------------------------------------------------------------


def test_stdin_dash() -> None:
    result = invoke("extract", "-", input=GOOD.encode("cp1252"))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["source"] == "-"
    assert record["title"] == "Pellworth Primary School rated good by Ofsted"


def test_stdin_with_files_gives_jsonl_in_argument_order(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text(OTHER)
    result = invoke("extract", str(tmp_path / "z.txt"), "-", input=GOOD)
    assert [r["source"] for r in jsonl(result.stdout)] == [str(tmp_path / "z.txt"), "-"]


def test_stdin_twice_is_a_usage_error() -> None:
    result = invoke("extract", "-", "-", input=GOOD)
    assert result.exit_code == 2 and "only once" in result.stderr


# -- exit codes and stderr ---------------------------------------------------------------


def test_exit_1_when_any_file_failed_and_the_batch_goes_on(folder: Path) -> None:
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    missing = str(folder / "missing.txt")
    result = invoke("extract", str(folder), missing)
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert len(records) == 5
    errors = [ErrorRecord.model_validate(r) for r in records if "error" in r]
    assert [(e.source, e.error) for e in errors] == [
        (str(folder / "broken.txt"), "binary file (not text)"),
        (missing, "no such file"),
    ]
    # one clear line per failure on stderr, naming the file
    lines = result.stderr.splitlines()
    assert f"error: {folder / 'broken.txt'}: binary file (not text)" in lines
    assert f"error: {missing}: no such file" in lines
    assert "Traceback" not in result.stderr


def test_only_data_on_stdout_warnings_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes("Rated \u201cgood\u201d \u2013 \u00a35m".encode("cp1252"))
    (tmp_path / "e.txt").write_bytes(b"")
    result = invoke("extract", "--format", "jsonl", str(tmp_path))
    assert result.exit_code == 0
    records = jsonl(result.stdout)  # every stdout line is a record
    assert [r["source"] for r in records] == [str(tmp_path / "e.txt"), str(tmp_path / "w.txt")]
    assert any("Windows-1252" in w for w in records[1]["warnings"])  # type: ignore[union-attr]
    assert f"warning: {tmp_path / 'w.txt'}: not valid UTF-8" in result.stderr
    assert f"warning: {tmp_path / 'e.txt'}: empty document" in result.stderr
    quiet = invoke("extract", "--quiet", "--format", "jsonl", str(tmp_path))
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_no_files_found_is_an_error(tmp_path: Path) -> None:
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 1
    assert "no input files found" in result.stderr


def test_a_file_name_with_a_newline_stays_on_one_stderr_line(tmp_path: Path) -> None:
    result = invoke("extract", str(tmp_path / "two\nlines.txt"))
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}/two\\nlines.txt: no such file\n"
    assert json.loads(result.stdout)["source"] == f"{tmp_path}/two\nlines.txt"


# -- -o ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("out.json", "json"),
        ("out.JSONL", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("out.csv", "csv"),
        ("out.data", "jsonl"),
    ],
)
def test_output_format_follows_the_extension(
    folder: Path, tmp_path: Path, name: str, kind: str
) -> None:
    target = tmp_path / name
    result = invoke("extract", str(folder), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    if kind == "json":
        assert len(json.loads(text)) == 3
    elif kind == "jsonl":
        assert len(jsonl(text)) == 3
    else:
        assert len(list(csv.DictReader(io.StringIO(text, newline="")))) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_explicit_format_wins_over_the_extension(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    invoke("extract", str(folder), "-o", str(target), "-f", "csv")
    assert target.read_text().startswith("source,title,")


def test_output_file_gets_ordinary_permissions(folder: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        invoke("extract", str(folder), "-o", str(tmp_path / "out.jsonl"))
    finally:
        os.umask(old)
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o777 == 0o644


def test_output_into_a_missing_folder_is_a_clear_usage_error(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.csv"
    result = invoke("extract", str(folder), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot write {target}: folder {tmp_path / 'nowhere'} does not exist\n"
    )
    assert not (tmp_path / "nowhere").exists()


def test_output_onto_a_folder_is_a_usage_error(folder: Path, tmp_path: Path) -> None:
    result = invoke("extract", str(folder), "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_dash_output_means_stdout(folder: Path, tmp_path: Path) -> None:
    result = invoke("extract", str(folder), "-o", "-", "-f", "jsonl")
    assert len(jsonl(result.stdout)) == 3
    assert not Path("-").exists()


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(
    folder: Path, tmp_path: Path
) -> None:
    real = tmp_path / "results.jsonl"
    real.write_text("old\n")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    assert invoke("extract", str(folder), "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert len(jsonl(real.read_text())) == 3


def test_output_to_a_named_pipe_is_written_through_not_replaced(
    folder: Path, tmp_path: Path
) -> None:
    """``-o /dev/null`` or a pipe: renaming a file over it would replace the device."""
    import threading

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = invoke("extract", str(folder), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert fifo.is_fifo()
    assert len(jsonl(received[0].decode())) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "pipe.jsonl"]


def test_interrupted_run_leaves_the_old_output_untouched(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ofsted_extract.parallel as parallel

    real_run = parallel.run

    def run_then_interrupt(paths: list[str], **kwargs: object) -> Iterator[Record | ErrorRecord]:
        records = real_run(paths, **kwargs)  # type: ignore[arg-type]
        yield next(records)
        raise KeyboardInterrupt

    monkeypatch.setattr(parallel, "run", run_then_interrupt)
    target = tmp_path / "out.jsonl"
    target.write_text("previous results\n")
    result = invoke("extract", str(folder), "-o", str(target))
    assert result.exit_code == 130
    assert result.stderr.endswith("interrupted\n")
    assert target.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]


def test_a_write_error_is_reported_and_leaves_no_file(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ofsted_extract.writers as writers

    def full_disk(self: object, record: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers.JsonlWriter, "write", full_disk)
    target = tmp_path / "out.jsonl"
    result = invoke("extract", str(folder), "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {target}: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


# -- real processes: pipes and signals ---------------------------------------------------


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough documents that a run lasts a few seconds: time to send it a signal."""
    root = tmp_path_factory.mktemp("many")
    body = "".join(
        p.read_text() for p in sorted(Path(__file__).parent.parent.glob("examples/*.txt"))
    )
    body = body or GOOD * 40
    for i in range(300):
        (root / f"doc{i:03d}.txt").write_text(body)
    return root


def _popen(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
    from conftest import cli_env

    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "ofsted_extract", *args],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=cli_env(),
        # Python installs its Ctrl-C handler only if SIGINT is not ignored,
        # and a test run in the background has it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("read_first", [True, False], ids=["head-1", "closed-at-once"])
def test_a_closed_pipe_ends_quietly(many_files: Path, read_first: bool) -> None:
    proc = _popen(["extract", str(many_files)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    if read_first:
        line = proc.stdout.readline()
        assert json.loads(line)["source"].endswith("doc000.txt")
    proc.stdout.close()
    try:
        stderr = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert stderr == ""
    assert code == 141


def _wait_for(predicate: Callable[[], bool], timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.02)


@pytest.mark.parametrize(
    ("sig", "jobs", "code"),
    [(signal.SIGINT, "1", 130), (signal.SIGINT, "2", 130), (signal.SIGTERM, "1", 143)],
    ids=["ctrl-c", "ctrl-c-workers", "sigterm"],
)
def test_a_signal_stops_promptly_and_leaves_no_output_file(
    many_files: Path, tmp_path: Path, sig: signal.Signals, jobs: str, code: int
) -> None:
    target = tmp_path / "out.jsonl"
    proc = _popen(
        ["extract", str(many_files), "-o", str(target), "-j", jobs], stdout=subprocess.DEVNULL
    )
    assert proc.stderr is not None
    try:
        # the temporary file appears once the pipeline is built and work starts
        _wait_for(lambda: any(p.name.endswith(".part") for p in tmp_path.iterdir()))
        time.sleep(0.3)
        assert proc.poll() is None, "finished before the signal: give it more work"
        proc.send_signal(sig)
        sent = time.monotonic()
        stderr = proc.stderr.read().decode()
        assert proc.wait(timeout=20) == code
        assert time.monotonic() - sent < 5
    finally:
        proc.kill()
    assert stderr.endswith("interrupted\n"), stderr
    assert "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_bad_model_with_workers_fails_fast(
    folder: Path, cli: Callable[..., subprocess.CompletedProcess[bytes]]
) -> None:
    result = cli(["extract", "--model", "no_such_pipeline_xyz", "-j", "2", folder], timeout=60)
    assert result.returncode == 2
    assert b"not installed" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_a_non_utf8_locale_does_not_break_the_output(
    tmp_path: Path, cli: Callable[..., subprocess.CompletedProcess[bytes]], fmt: str
) -> None:
    """JSON is UTF-8 whatever the locale; a table shows what the terminal cannot as "?"."""
    from conftest import cli_env

    path = tmp_path / "ysgol \u00e2.txt"
    path.write_text("Ysgol Gymraeg \u2013 \u201cda iawn\u201d \u5b66\u6821\n")
    result = cli(["extract", "-f", fmt, path], env=cli_env(PYTHONIOENCODING="ascii"))
    assert result.returncode == 0, result.stderr.decode()
    if fmt == "jsonl":
        assert json.loads(result.stdout.decode("utf-8"))["source"] == str(path)
    else:
        assert b"ysgol" in result.stdout
