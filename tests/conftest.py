"""Shared fixtures for the input/output tests: the CLI as a subprocess, record checks.

Kept small on purpose: each test module owns its own data.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from spacy.language import Language

from ofsted_extract.record import Evidence

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def walk_evidence(value: Any) -> Iterator[Evidence]:
    """Every Evidence inside a record (or any model / list of them)."""
    if isinstance(value, Evidence):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk_evidence(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from walk_evidence(item)


def bad_evidence(record: BaseModel, text: str) -> list[Evidence]:
    """The evidence spans that do not point at their own words in ``text``."""
    return [
        ev
        for ev in walk_evidence(record)
        if not (0 <= ev.start <= ev.end <= len(text) and text[ev.start : ev.end] == ev.text)
    ]


@pytest.fixture(scope="session")
def record_schema() -> dict[str, Any]:
    """The JSON Schema exactly as ``ofsted-extract schema`` prints it."""
    from typer.testing import CliRunner

    from ofsted_extract.cli import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    schema: dict[str, Any] = json.loads(result.stdout)
    return schema


@pytest.fixture(scope="session")
def schema_validator(record_schema: dict[str, Any]) -> Callable[[Any], None]:
    """Raises ``jsonschema.ValidationError`` for a JSON value the schema rejects."""
    jsonschema = pytest.importorskip("jsonschema")
    cls = jsonschema.validators.validator_for(record_schema)
    cls.check_schema(record_schema)
    validator = cls(record_schema)

    def validate(instance: Any) -> None:
        validator.validate(instance)

    return validate


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a CLI subprocess: this checkout first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("COLUMNS", None)
    env.update(extra)
    return env


def run_cli(
    args: Sequence[str | os.PathLike[str]],
    *,
    timeout: float = 120,
    input: bytes | None = None,
    cwd: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``ofsted-extract ARGS`` in a fresh process, stdout and stderr as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "ofsted_extract", *map(str, args)],
        input=input if input is not None else b"",
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
        env=env or cli_env(),
        check=False,
    )


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """:func:`run_cli`, for tests that need a real process (pipes, signals, exit codes)."""
    return run_cli


@pytest.fixture(scope="session")
def evidence_errors() -> Callable[[BaseModel, str], list[Evidence]]:
    """:func:`bad_evidence`: the spans of a record that do not match the text."""
    return bad_evidence


@functools.cache
def rule_pipeline(*pipes: str) -> Language:
    """``spacy.blank("en")`` with layout, sentence starts and the named rule components.

    Built once per set of components, so the unit tests of one component do not
    pay for (or depend on) the others.
    """
    import spacy

    import ofsted_extract.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("ofsted_layout")
    nlp.add_pipe("sentencizer")
    for name in pipes:
        nlp.add_pipe(name)
    return nlp
