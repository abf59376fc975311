"""The command line: parse options, call the library, pick a writer; nothing else.

Only data goes to stdout, so ``ofsted-extract extract a.txt | jq`` always
works; progress, warnings and errors go to stderr. Exit status: 0 when every
document was read, 1 when some failed, 2 for a usage error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Annotated

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn articles about Ofsted inspections into evidence-backed records.",
    pretty_exceptions_enable=False,
)

_EXT_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


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


def _err(message: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(escape(message))


def _pick_format(fmt: str | None, output: Path | None, many: bool) -> str:
    if fmt:
        return fmt
    if output is not None:
        return _EXT_FORMATS.get(output.suffix.lower(), "jsonl" if many else "json")
    if sys.stdout.isatty():
        return "table"
    return "jsonl" if many else "json"


def _open_output(output: Path) -> tuple[IO[str], str]:
    directory = output.parent if str(output.parent) else Path(".")
    if not directory.is_dir():
        _err(f"error: cannot write {output}: folder {directory} does not exist")
        raise typer.Exit(2)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        _err(f"error: cannot write {output}: {exc.strerror}")
        raise typer.Exit(2) from None
    return os.fdopen(fd, "w", encoding="utf-8", newline=""), tmp


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
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option("--glob", "-g", help="File pattern inside folders (repeatable). Default: *.txt, *.md."),
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

    if fmt is not None and fmt not in ("json", "jsonl", "csv", "table"):
        _err(f"error: unknown format {fmt!r}; choose json, jsonl, csv or table")
        raise typer.Exit(2)
    if paths.count("-") > 1:
        _err("error: stdin (-) can be read only once")
        raise typer.Exit(2)
    sources = list(expand_paths(paths, tuple(glob) if glob else DEFAULT_GLOBS))
    if not sources:
        _err("error: no input files found (folders are searched for " + ", ".join(glob or DEFAULT_GLOBS) + ")")
        raise typer.Exit(1)
    many = len(sources) > 1 or any(p != "-" and os.path.isdir(p) for p in paths)
    chosen = _pick_format(fmt, output, many)
    if "-" in sources and jobs != 1:
        jobs = 1  # stdin belongs to this process
    try:
        failed = _run(sources, chosen, output, many, jobs, model, quiet)
    except ValueError as exc:  # e.g. an unknown --model
        _err(f"error: {exc}")
        raise typer.Exit(2) from None
    raise typer.Exit(1 if failed else 0)


def _run(
    sources: list[str],
    fmt: str,
    output: Path | None,
    many: bool,
    jobs: int,
    model: str | None,
    quiet: bool,
) -> int:
    from .parallel import run
    from .record import ErrorRecord
    from .writers import make_writer

    tmp: str | None = None
    if output is not None:
        out, tmp = _open_output(output)
    else:
        out = sys.stdout
    failed = 0
    progress = None
    try:
        writer = make_writer(fmt, out, single=not many)
        show = not quiet and len(sources) > 1 and sys.stderr.isatty()
        if show:
            from rich.progress import Progress

            progress = Progress(transient=True, console=_stderr_console())
            progress.start()
            task = progress.add_task("extracting", total=len(sources))
        for record in run(sources, jobs=jobs, model=model):
            if isinstance(record, ErrorRecord):
                failed += 1
                _err(f"error: {record.source}: {record.error}")
            elif not quiet:
                for warning in record.warnings:
                    if warning.startswith(("decoded", "not valid", "NUL", "text cut", "input larger")):
                        _err(f"warning: {record.source}: {warning}")
            writer.write(record)
            if progress is not None:
                progress.advance(task)
        writer.close()
        if tmp is not None and output is not None:
            out.close()
            os.replace(tmp, output)
            tmp = None
    except BrokenPipeError:
        # the reader (e.g. `head -1`) has gone: stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(141) from None
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(130) from None
    finally:
        if progress is not None:
            progress.stop()
        if tmp is not None:
            out.close()
            with _suppress():
                os.unlink(tmp)
    return failed


def _stderr_console() -> object:
    from rich.console import Console

    return Console(stderr=True)


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


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
