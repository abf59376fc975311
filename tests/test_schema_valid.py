"""Every record the CLI writes validates against the schema ``ofsted-extract schema`` prints.

The schema is what downstream users validate against, so it is tested as they
would use it: with a JSON Schema validator, on real output, and with records
that must be rejected.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ofsted_extract.cli import app
from ofsted_extract.reading import read_path
from ofsted_extract.record import Evidence, Record

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

FULL_RECORD: dict[str, Any] = {
    "schema_version": "1",
    "source": "a.txt",
    "title": "Ashdown rated good",
    "authors": ["Marta Kowalczyk"],
    "published": {
        "year": 2024,
        "month": 3,
        "day": None,
        "text": "March 2024",
        "iso": "2024-03",
        "evidence": {"start": 0, "end": 10, "text": "March 2024"},
    },
    "inspections": [
        {
            "inspectorate": "Ofsted",
            "subject": "Ashdown Vale Primary School",
            "remit": "school",
            "visit": "full",
            "inspected": None,
            "report_published": None,
            "overall": {
                "grade": "good",
                "year": None,
                "category": None,
                "evidence": {"start": 5, "end": 9, "text": "good"},
            },
            "previous": {
                "grade": "inadequate",
                "year": 2019,
                "category": "special_measures",
                "evidence": {"start": 20, "end": 30, "text": "inadequate"},
            },
            "direction": "improved",
            "areas": [
                {
                    "area": "quality_of_education",
                    "label": "quality of education",
                    "grade": "good",
                    "evidence": {"start": 40, "end": 44, "text": "good"},
                }
            ],
            "subject_evidence": None,
        }
    ],
    "people": [
        {
            "name": "Odile Franks",
            "honorific": "Mrs",
            "role": "headteacher",
            "organisation": None,
            "quotes": [
                {
                    "text": "We are proud.",
                    "evidence": {"start": 50, "end": 63, "text": "We are proud."},
                }
            ],
            "evidence": {"start": 45, "end": 49, "text": "Mrs"},
        }
    ],
    "report_quotes": [],
    "links": ["https://reports.ofsted.gov.uk/provider/21/1"],
    "warnings": [],
}


def _fits_the_models(data: dict[str, Any]) -> dict[str, Any]:
    """The hand-written record, completed with any field the models have added since."""
    return json.loads(Record.model_validate(data).model_dump_json())  # type: ignore[no-any-return]


def test_the_schema_is_a_valid_json_schema(record_schema: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(record_schema)
    assert record_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_a_full_record_and_an_error_record_validate(
    schema_validator: Callable[[Any], None],
) -> None:
    schema_validator(_fits_the_models(FULL_RECORD))
    schema_validator({"schema_version": "1", "source": "x.png", "error": "binary file (not text)"})


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("inspections", 0, "overall", "grade"), "very good"),
        (("inspections", 0, "remit"), "university"),
        (("inspections", 0, "areas", 0, "area"), "quality"),
        (("schema_version",), "2"),
        (("published", "month"), 13),
        (("people", 0, "evidence", "start"), -1),
        (("inspections", 0, "grade"), "good"),  # an unknown key
        (("source",), None),
    ],
)
def test_the_schema_rejects_what_the_contract_forbids(
    schema_validator: Callable[[Any], None], path: tuple[str | int, ...], value: object
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    bad: Any = copy.deepcopy(_fits_the_models(FULL_RECORD))
    target = bad
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        schema_validator(bad)


def test_an_error_record_with_extra_keys_is_rejected(
    schema_validator: Callable[[Any], None],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    with pytest.raises(jsonschema.ValidationError):
        schema_validator({"schema_version": "1", "source": "x", "error": "e", "title": "t"})


@pytest.fixture(scope="module")
def example_lines() -> list[dict[str, Any]]:
    if not any(EXAMPLES.glob("*.txt")):
        pytest.skip("no examples")
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_output_on_the_examples_validates(
    example_lines: list[dict[str, Any]], schema_validator: Callable[[Any], None]
) -> None:
    assert len(example_lines) == len(list(EXAMPLES.glob("*.txt")))
    for data in example_lines:
        schema_validator(data)


def test_evidence_on_the_examples_points_at_the_decoded_text(
    example_lines: list[dict[str, Any]],
    evidence_errors: Callable[[Record, str], list[Evidence]],
) -> None:
    checked = 0
    for data in example_lines:
        text = read_path(data["source"]).text
        assert text is not None
        record = Record.model_validate(data)
        assert evidence_errors(record, text) == [], data["source"]
        checked += 1
    assert checked >= 4


def test_json_array_output_validates_element_by_element(
    tmp_path: Path, schema_validator: Callable[[Any], None]
) -> None:
    (tmp_path / "a.txt").write_text("Fenwick Academy was rated good by Ofsted in May 2023.\n")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    assert len(items) == 2
    for item in items:
        schema_validator(item)
