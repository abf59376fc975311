"""Writers: JSON, JSONL, CSV and the table, on hand-built records.

The CSV must be safe to open in a spreadsheet (no formula injection) and must
round-trip through Python's csv module; JSON must survive line-based readers.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ofsted_extract.record import (
    AREA_KEYS,
    AreaJudgement,
    ErrorRecord,
    Evidence,
    Inspection,
    Judgement,
    PartialDate,
    Person,
    Record,
)
from ofsted_extract.writers import (
    CSV_COLUMNS,
    CsvWriter,
    JsonlWriter,
    JsonWriter,
    TableWriter,
    make_writer,
    safe_cell,
    to_json,
)


def ev(text: str, start: int = 0) -> Evidence:
    return Evidence(start=start, end=start + len(text), text=text)


def school_record(source: str = "news/a.txt", title: str | None = "Ashdown rated good") -> Record:
    return Record(
        source=source,
        title=title,
        published=PartialDate(year=2024, month=3, day=5, text="5 March 2024", iso="2024-03-05"),
        inspections=[
            Inspection(
                subject="Ashdown Vale Primary School",
                remit="school",
                visit="full",
                inspected=PartialDate(year=2024, month=1, text="January", iso="2024-01"),
                overall=Judgement(grade="good", evidence=ev("good")),
                previous=Judgement(grade="requires_improvement", year=2021, evidence=ev("RI")),
                direction="improved",
                areas=[
                    AreaJudgement(
                        area="quality_of_education",
                        label="quality of education",
                        grade="good",
                        evidence=ev("good"),
                    ),
                    AreaJudgement(
                        area="other", label="reading", grade="outstanding", evidence=ev("x")
                    ),
                    AreaJudgement(area="other", label="maths", grade="good", evidence=ev("y")),
                ],
            ),
            Inspection(subject="Brackley Nursery", remit="early_years"),
        ],
        people=[
            Person(
                name="Odile Franks",
                honorific="Mrs",
                role="headteacher",
                organisation="Ashdown Vale Primary School",
                evidence=ev("Mrs Odile Franks"),
            ),
            Person(name="Tobias Reed", evidence=ev("Tobias Reed")),
        ],
    )


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def write_all(fmt: str, records: list[Record | ErrorRecord], single: bool = False) -> str:
    out = io.StringIO()
    writer = make_writer(fmt, out, single=single)
    for record in records:
        writer.write(record)
    writer.close()
    return out.getvalue()


# -- JSON and JSONL ----------------------------------------------------------------------


def test_jsonl_is_one_parsable_record_per_line() -> None:
    records: list[Record | ErrorRecord] = [
        school_record(),
        ErrorRecord(source="b.txt", error="binary file (not text)"),
    ]
    lines = write_all("jsonl", records).split("\n")
    assert lines[-1] == ""
    parsed = [json.loads(line) for line in lines[:-1]]
    assert [p["source"] for p in parsed] == ["news/a.txt", "b.txt"]
    assert parsed[1] == {
        "schema_version": "1",
        "source": "b.txt",
        "error": "binary file (not text)",
    }
    assert Record.model_validate(parsed[0]) == records[0]


def test_json_keeps_null_fields_so_every_key_is_there() -> None:
    data = json.loads(to_json(Record(source="x.txt")))
    assert data["title"] is None and data["published"] is None and data["inspections"] == []


def test_json_single_is_an_object_and_many_an_array() -> None:
    one = json.loads(write_all("json", [school_record()], single=True))
    assert isinstance(one, dict) and one["source"] == "news/a.txt"
    many = json.loads(write_all("json", [school_record(), school_record("b.txt")]))
    assert [r["source"] for r in many] == ["news/a.txt", "b.txt"]
    assert json.loads(write_all("json", [])) == []


def test_json_writes_non_ascii_as_itself() -> None:
    text = to_json(Record(source="a.txt", title="Ysgol Gymraeg \u2013 \u00a3 \u201cda\u201d"))
    assert "Ysgol Gymraeg \u2013 \u00a3 \u201cda\u201d" in text


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\n", "\r", "\x0b", "\x1c"])
def test_no_character_a_line_reader_splits_on_is_written_raw(char: str) -> None:
    record = Record(source=f"a{char}b.txt", title=f"before{char}after")
    line = to_json(record)
    assert len(line.splitlines()) == 1  # str.splitlines knows every line break
    assert json.loads(line)["title"] == f"before{char}after"


def test_a_lone_surrogate_is_escaped_not_a_crash_at_write_time() -> None:
    line = to_json(Record(source="a.txt", title="bad \udce9 byte"))
    line.encode("utf-8")
    assert json.loads(line)["title"] == "bad \udce9 byte"


# -- CSV ---------------------------------------------------------------------------------


def test_csv_columns_follow_the_schema() -> None:
    assert CSV_COLUMNS[:12] == (
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
    )
    assert CSV_COLUMNS[12:-2] == tuple(f"area_{key}" for key in AREA_KEYS)
    assert CSV_COLUMNS[-2:] == ("people", "error")


def test_csv_one_row_per_inspection() -> None:
    rows = read_csv(write_all("csv", [school_record()]))
    assert len(rows) == 2
    first, second = rows
    assert first["subject"] == "Ashdown Vale Primary School"
    assert first["published"] == "2024-03-05" and first["inspected"] == "2024-01"
    assert first["overall"] == "good" and first["previous"] == "requires_improvement"
    assert first["previous_year"] == "2021" and first["direction"] == "improved"
    assert first["area_quality_of_education"] == "good"
    assert first["area_other"] == "outstanding; good"
    assert first["people"] == (
        "Odile Franks (headteacher, Ashdown Vale Primary School); Tobias Reed"
    )
    assert second["subject"] == "Brackley Nursery" and second["overall"] == ""
    assert second["title"] == first["title"] == "Ashdown rated good"


def test_csv_document_without_inspections_and_error_record() -> None:
    rows = read_csv(
        write_all(
            "csv",
            [Record(source="n.txt"), ErrorRecord(source="p.png", error="binary file (not text)")],
        )
    )
    assert [r["source"] for r in rows] == ["n.txt", "p.png"]
    assert rows[0]["subject"] == "" and rows[0]["error"] == ""
    assert rows[1]["error"] == "binary file (not text)" and rows[1]["title"] == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_formula_cells_in_every_column(start: str) -> None:
    payload = f'{start}HYPERLINK("http://evil.example","x")'
    record = Record(
        source=payload,
        title=payload,
        people=[Person(name=payload, evidence=ev("x"))],
        inspections=[Inspection(subject=payload)],
    )
    text = write_all("csv", [record, ErrorRecord(source="e.txt", error=payload)])
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    rows = read_csv(text)
    assert rows[0]["title"] == "'" + payload  # the words are all still there
    assert rows[1]["error"] == "'" + payload


def test_safe_cell_leaves_ordinary_text_alone() -> None:
    assert safe_cell("Good \u2013 +2 = fine") == "Good \u2013 +2 = fine"
    assert safe_cell("") == ""
    assert safe_cell("-") == "'-"


_CELL = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(['"', ",", "\n", "\r", "'"]),
    max_size=40,
)


@given(title=_CELL, source=_CELL, subject=_CELL)
@settings(max_examples=200, deadline=None)
def test_csv_cells_round_trip_through_the_csv_module(title: str, source: str, subject: str) -> None:
    record = Record(source=source, title=title, inspections=[Inspection(subject=subject)])
    rows = read_csv(write_all("csv", [record]))
    assert len(rows) == 1
    for column, value in (("title", title), ("source", source), ("subject", subject)):
        assert rows[0][column] == safe_cell(value)


def test_csv_quotes_commas_and_newlines_survive() -> None:
    title = 'Council says "we accept", and\nwill act,\r\nquickly'
    rows = read_csv(write_all("csv", [Record(source="a,b.txt", title=title)]))
    assert rows[0]["title"] == title and rows[0]["source"] == "a,b.txt"


# -- table -------------------------------------------------------------------------------


def test_table_shows_markup_like_names_as_written() -> None:
    out = io.StringIO()
    writer = TableWriter(out, width=300)
    writer.write(ErrorRecord(source="[/]odd[bold].txt", error="binary [red]file"))
    writer.write(school_record(source="[link=x]a.txt"))
    writer.write(Record(source=":school: c.txt"))
    writer.close()
    text = out.getvalue()
    assert "[/]odd[bold].txt" in text
    assert "binary [red]file" in text
    assert ":school:" in text
    assert "Ashdown Vale Primary School" in text and "requires_improvement (2021)" in text


def test_make_writer_rejects_unknown_formats() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        make_writer("xml", io.StringIO(), single=True)


def test_writer_classes_by_name() -> None:
    out = io.StringIO()
    assert isinstance(make_writer("jsonl", out, single=False), JsonlWriter)
    assert isinstance(make_writer("json", out, single=False), JsonWriter)
    assert isinstance(make_writer("csv", io.StringIO(), single=False), CsvWriter)
