"""Writers: a stream of records to JSON, JSONL, CSV or a terminal table.

Every writer takes records one at a time and holds none of them (except the
table, which is meant for a terminal), so a batch of any size runs in flat
memory.
"""

from __future__ import annotations

import csv
import json
import re
from typing import IO, Protocol

from .record import AREA_KEYS, ErrorRecord, Inspection, PartialDate, Record

FORMATS = ("json", "jsonl", "csv", "table")

CSV_COLUMNS: tuple[str, ...] = (
    "source",
    "title",
    "published",
    "subject",
    "remit",
    "visit",
    "inspected",
    "report_published",
    "overall",
    "previous",
    "previous_year",
    "direction",
    *(f"area_{key}" for key in AREA_KEYS),
    "people",
    "error",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Characters ``json.dumps(ensure_ascii=False)`` leaves raw but that some readers
#: take as line breaks (Python's ``str.splitlines``, JavaScript before ES2019),
#: which would split one JSONL record in two; and lone surrogates, which no
#: UTF-8 stream can write. All are written as ``\uXXXX`` escapes instead.
_UNSAFE_IN_JSON = re.compile("[\x85\u2028\u2029\ud800-\udfff]")


class Writer(Protocol):
    def write(self, record: Record | ErrorRecord) -> None: ...

    def close(self) -> None: ...


def _escape_json_char(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_json(record: Record | ErrorRecord, indent: int | None = None) -> str:
    """One record as JSON text; ``None`` values are kept so every key is always there.

    Readable UTF-8 rather than ``\\u`` escapes, except for the few characters
    that would break a line-based reader or the output encoding.
    """
    text = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(_escape_json_char, text)


class JsonlWriter:
    """One record per line, so a batch can be streamed, grepped and read back with ``jq``."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, record: Record | ErrorRecord) -> None:
        self.out.write(to_json(record) + "\n")

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """One object for a single record, else an array written element by element."""

    def __init__(self, out: IO[str], single: bool) -> None:
        self.out = out
        self.single = single
        self.count = 0

    def write(self, record: Record | ErrorRecord) -> None:
        text = to_json(record, indent=2)
        if self.single:
            self.out.write(text + "\n")
        else:
            self.out.write(("[\n" if self.count == 0 else ",\n") + _indent(text))
        self.count += 1

    def close(self) -> None:
        if not self.single:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


def safe_cell(value: str) -> str:
    """Neutralise text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``...).

    Every cell holds words from an untrusted web page or a file name, and a
    spreadsheet opening the CSV runs ``=HYPERLINK(...)`` or ``@SUM(...)`` as a
    formula. A leading apostrophe is what spreadsheets themselves use to mark a
    cell as text, and it leaves the rest of the value readable.
    """
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _date(value: PartialDate | None) -> str:
    if value is None:
        return ""
    return value.iso or value.text


def csv_rows(record: Record | ErrorRecord) -> list[dict[str, str]]:
    """The CSV rows of one record: one per inspection, or one with empty inspection cells."""
    if isinstance(record, ErrorRecord):
        return [{"source": record.source, "error": record.error}]
    base = {
        "source": record.source,
        "title": record.title or "",
        "published": _date(record.published),
        "people": "; ".join(
            p.name
            + (
                f" ({', '.join(x for x in (p.role, p.organisation) if x)})"
                if p.role or p.organisation
                else ""
            )
            for p in record.people
        ),
    }
    inspections: list[Inspection | None] = list(record.inspections) or [None]
    rows = []
    for insp in inspections:
        row = dict(base)
        if insp is not None:
            row.update(
                subject=insp.subject or "",
                remit=insp.remit or "",
                visit=insp.visit or "",
                inspected=_date(insp.inspected),
                report_published=_date(insp.report_published),
                overall=insp.overall.grade if insp.overall else "",
                previous=insp.previous.grade if insp.previous else "",
                previous_year=str(insp.previous.year)
                if insp.previous and insp.previous.year
                else "",
                direction=insp.direction or "",
            )
            for area in insp.areas:
                key = f"area_{area.area}"
                row[key] = f"{row[key]}; {area.grade}" if row.get(key) else area.grade
        rows.append(row)
    return rows


class CsvWriter:
    """Flat rows with fixed columns, so files from separate runs concatenate."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, record: Record | ErrorRecord) -> None:
        for row in csv_rows(record):
            self.writer.writerow({k: safe_cell(v) for k, v in row.items()})

    def close(self) -> None:
        self.out.flush()


class TableWriter:
    """A rich table for people reading a terminal; collects rows, prints at the end.

    Every value is escaped: a file name or a school called "[bold]..." must be
    shown as written, not read as rich markup (an unbalanced "[/]" would even
    raise an error at the end of a batch).
    """

    def __init__(self, out: IO[str], width: int | None = None) -> None:
        from rich.table import Table

        self.out = out
        self.width = width
        self.table = Table(show_lines=False, header_style="bold")
        for name in ("source", "subject", "overall", "previous", "direction", "inspected", "areas"):
            self.table.add_column(name, overflow="fold")

    def write(self, record: Record | ErrorRecord) -> None:
        from rich.markup import escape

        source = escape(record.source)
        if isinstance(record, ErrorRecord):
            self.table.add_row(source, f"[red]error: {escape(record.error)}[/red]", *[""] * 5)
            return
        if not record.inspections:
            self.table.add_row(source, "[dim](no inspection outcome)[/dim]", *[""] * 5)
        for insp in record.inspections:
            prev = ""
            if insp.previous:
                prev = insp.previous.grade + (
                    f" ({insp.previous.year})" if insp.previous.year else ""
                )
            cells = (
                insp.subject or "",
                insp.overall.grade if insp.overall else "",
                prev,
                insp.direction or "",
                _date(insp.inspected),
                ", ".join(f"{a.area}={a.grade}" for a in insp.areas),
            )
            self.table.add_row(source, *(escape(c) for c in cells))

    def close(self) -> None:
        from rich.console import Console

        console = Console(
            file=self.out, width=self.width, soft_wrap=False, emoji=False, highlight=False
        )
        console.print(self.table)
        self.out.flush()


def make_writer(fmt: str, out: IO[str], single: bool) -> Writer:
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "json":
        return JsonWriter(out, single)
    if fmt == "csv":
        return CsvWriter(out)
    if fmt == "table":
        return TableWriter(out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
