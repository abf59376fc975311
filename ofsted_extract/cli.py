"""The command line: parse options, call the library, pick a writer; nothing else.

Only data goes to stdout, so ``ofsted-extract extract a.txt | jq`` always
works; progress, warnings and errors go to stderr. Exit status: 0 when every
document was read, 1 when some failed (or the output could not be written), 2
for a usage error, 130 after Ctrl-C (143 after SIGTERM), 141 when the reader of
stdout went away (``| head -1``), as for any Unix tool killed by SIGPIPE.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Annotated

import typer

from . import __version__

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn articles about Ofsted inspections into evidence-backed records.",
    pretty_exceptions_enable=False,
)

#: Kept here rather than imported from writers.py, so ``--help`` does not load pydantic.
FORMATS = ("json", "jsonl", "csv", "table")
_EXT_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


class _Interrupted(BaseException):
    """Ctrl-C or SIGTERM arrived.

    A BaseException, like KeyboardInterrupt, so it passes through the
    per-document ``except Exception`` of the extractor and unwinds to the code
    that removes the half-written output file.
    """

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ofsted-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn articles about Ofsted inspections into evidence-backed records."""


def _stderr() -> Console:
    """The one console for messages and progress.

    No markup, emoji or highlighting: file names and error texts are shown as
    written, so ``[red]notes.txt`` or ``:school:.txt`` stay what they are.
    """
    from rich.console import Console

    return Console(stderr=True, markup=False, emoji=False, highlight=False, soft_wrap=True)


def _printable(text: str) -> str:
    """A file name fit for a one-line message: newlines and controls escaped."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def _fail(console: Console, message: str, code: int) -> typer.Exit:
    console.print(message)
    return typer.Exit(code)


def _pick_format(fmt: str | None, output: Path | None, many: bool) -> str:
    if fmt:
        return fmt
    if output is not None:
        return _EXT_FORMATS.get(output.suffix.lower(), "jsonl" if many else "json")
    if sys.stdout.isatty():
        return "table"
    return "jsonl" if many else "json"


@contextmanager
def _signals_unwind() -> Iterator[None]:
    """Turn SIGTERM and SIGINT into :class:`_Interrupted` in this process.

    SIGTERM would otherwise kill the process on the spot and leave the
    temporary output file behind; unwinding runs the clean-up instead. Worker
    processes forked meanwhile inherit the handler and simply die by the
    signal, instead of each printing a KeyboardInterrupt traceback.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    parent = os.getpid()

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != parent:
            # A forked worker inherited this handler: die the default way,
            # quietly, and let the parent clean up (no traceback per worker).
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise _Interrupted(128 + signum)

    previous: dict[signal.Signals, Callable[[int, FrameType | None], object] | int] = {}
    for sig in (signal.SIGTERM, signal.SIGINT):
        current = signal.getsignal(sig)
        if current is None or current == signal.SIG_IGN:
            continue  # e.g. SIGINT in a background job: the user asked for it to be ignored
        previous[sig] = current
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (searched recursively) or - for stdin."),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="json, jsonl, csv or table. Default: a table on a terminal, else JSON for "
            "one document and JSONL for several; with -o, from the file's extension.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here instead of stdout; the file appears only when complete.",
        ),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            "-g",
            help="File pattern inside folders, any case (repeatable). Default: *.txt, *.md.",
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes; 0 means every core.", min=0)
    ] = 1,
    model: Annotated[
        str | None,
        typer.Option("--model", help="An installed trained spaCy pipeline to build on (optional)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings.")] = False,
) -> None:
    """Extract one record per document."""
    from .reading import DEFAULT_GLOBS, expand_paths

    console = _stderr()
    fmt = fmt.lower() if fmt else None
    if fmt is not None and fmt not in FORMATS:
        raise _fail(console, f"error: unknown format {fmt!r}; choose {', '.join(FORMATS)}", 2)
    if paths.count("-") > 1:
        raise _fail(console, "error: stdin (-) can be read only once", 2)
    if output is not None and str(output) == "-":
        output = None  # "-o -": stdout, as usual
    if output is not None:
        if output.is_dir():
            raise _fail(console, f"error: cannot write {output}: it is a folder", 2)
        folder = output.parent
        if not folder.is_dir():
            raise _fail(console, f"error: cannot write {output}: folder {folder} does not exist", 2)
    patterns = tuple(glob) if glob else DEFAULT_GLOBS
    sources = list(expand_paths(paths, patterns))
    if not sources:
        raise _fail(
            console,
            "error: no input files found (folders are searched for " + ", ".join(patterns) + ")",
            1,
        )
    many = len(sources) > 1 or any(p != "-" and os.path.isdir(p) for p in paths)
    chosen = _pick_format(fmt, output, many)
    if "-" in sources:
        jobs = 1  # stdin belongs to this process
    try:
        with _signals_unwind():
            _check_model(console, model)
            code = _run(console, sources, chosen, output, many, jobs, model, quiet)
    except (KeyboardInterrupt, _Interrupted) as exc:
        console.print("interrupted")
        code = exc.code if isinstance(exc, _Interrupted) else 130
    raise typer.Exit(code)


def _check_model(console: Console, model: str | None) -> None:
    """Build the pipeline once here, so a bad ``--model`` is a usage error.

    Worker processes fork from this one and inherit the built pipeline; if
    they had to find out about a missing model themselves, a process pool
    would restart them for ever.
    """
    from .pipeline import build_pipeline

    try:
        build_pipeline(model)
    except ValueError as exc:
        raise _fail(console, f"error: {exc}", 2) from None
    # The pipeline lives until the process ends. Moving it (and the imports)
    # out of the collector's reach spares every later full collection a walk
    # over some hundred thousand objects, and keeps forked workers from
    # touching, and so copying, the memory pages they share with this process.
    gc.freeze()


def _open_output(output: Path) -> tuple[IO[str], str | None, Path]:
    """Where to write ``-o``: a temporary file renamed over the target when complete.

    Returns the stream, the temporary file (None when writing straight
    through) and the path it finally becomes. A symbolic link is followed, so
    the file it points at is replaced and the link kept. A device or named pipe
    (``-o /dev/null``) is written to directly: renaming a file over it would
    replace the device itself. The temporary file gets the permissions a new
    file would get (mkstemp's are owner-only) or those of the file it replaces.
    """
    target = Path(os.path.realpath(output))
    if target.exists() and not target.is_file():
        return open(target, "w", encoding="utf-8", newline=""), None, target
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with suppress(OSError):
        os.fchmod(fd, mode)
    return os.fdopen(fd, "w", encoding="utf-8", newline=""), tmp, target


def _data_stdout(fmt: str) -> IO[str]:
    """stdout, set up for data: JSON and CSV are UTF-8 whatever the locale says.

    A table is for a person: it keeps the terminal's encoding and shows a
    character the terminal cannot as "?" instead of crashing.
    """
    out = sys.stdout
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        with suppress(Exception):
            if fmt == "table":
                reconfigure(errors="replace")
            elif (getattr(out, "encoding", "") or "").lower().replace("-", "") != "utf8":
                reconfigure(encoding="utf-8")
    return out


def _run(
    console: Console,
    sources: list[str],
    fmt: str,
    output: Path | None,
    many: bool,
    jobs: int,
    model: str | None,
    quiet: bool,
) -> int:
    """Write every record; the exit status."""
    from .parallel import run
    from .reading import READING_WARNINGS
    from .record import ErrorRecord
    from .writers import make_writer

    tmp: str | None = None
    target: Path | None = None
    if output is not None:
        try:
            out, tmp, target = _open_output(output)
        except OSError as exc:
            raise _fail(
                console, f"error: cannot write {output}: {exc.strerror or exc}", 2
            ) from None
    else:
        out = _data_stdout(fmt)
    failed = 0
    progress = None
    try:
        writer = make_writer(fmt, out, single=not many)
        if not quiet and len(sources) > 1 and console.is_terminal:
            from rich.progress import Progress

            progress = Progress(transient=True, console=console)
            progress.start()
            task = progress.add_task("extracting", total=len(sources))
        for record in run(sources, jobs=jobs, model=model):
            if isinstance(record, ErrorRecord):
                failed += 1
                console.print(f"error: {_printable(record.source)}: {record.error}")
            elif not quiet:
                for warning in record.warnings:
                    if warning.startswith(READING_WARNINGS):
                        console.print(f"warning: {_printable(record.source)}: {warning}")
            writer.write(record)
            if progress is not None:
                progress.advance(task)
        writer.close()
        out.flush()
        if output is not None:
            if tmp is not None and target is not None:
                os.fsync(out.fileno())
                out.close()
                os.replace(tmp, target)
                tmp = None
            else:
                out.close()
    except BrokenPipeError:
        # The reader (e.g. `head -1`) has gone: stop quietly, as Unix tools do.
        # stdout is pointed at /dev/null so the flush at exit does not complain.
        with suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:  # a full disk, a vanished folder, a fork that failed
        where = f"cannot write {output}" if output is not None else "stopped"
        console.print(f"error: {where}: {exc.strerror or exc}")
        return 1
    finally:
        if progress is not None:
            progress.stop()
        if tmp is not None:
            with suppress(OSError):
                out.close()
            with suppress(OSError):
                os.unlink(tmp)
    return 1 if failed else 0


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    import json

    from .record import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
