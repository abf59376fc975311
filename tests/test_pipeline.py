"""The pipeline as a spaCy pipeline: factories, layout, evidence, the library API."""

from __future__ import annotations

import spacy
from pydantic import BaseModel

import ofsted_extract.components  # noqa: F401  (registers the factories)
from ofsted_extract import Extractor, extract
from ofsted_extract.components.layout import in_boilerplate, title_span
from ofsted_extract.pipeline import RULE_PIPES, build_pipeline
from ofsted_extract.record import Evidence, Record
from ofsted_extract.rules import models_dir

ARTICLE = """Skip to main content

Brookvale nursery celebrates top Ofsted grade

By Tamsin Oakridge

A nursery in Brookvale has been rated outstanding by Ofsted.

Related articles
Harlow Green school rated inadequate
Fernleigh council services judged good

Comments
Nobody has commented yet.
"""


def test_default_pipeline_is_blank_english_plus_our_components() -> None:
    nlp = build_pipeline()
    assert nlp.lang == "en"
    assert nlp.pipe_names[:2] == ["ofsted_layout", "sentencizer"]
    assert tuple(nlp.pipe_names[2:]) == RULE_PIPES
    # no trained component sneaks in
    assert not {"ner", "parser", "tagger"} & set(nlp.pipe_names)


def test_components_can_be_added_to_any_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ofsted_layout")
    nlp.add_pipe("sentencizer")
    doc = nlp(ARTICLE)
    assert "boilerplate" in doc.spans and "paragraphs" in doc.spans


def test_lines_start_sentences() -> None:
    nlp = build_pipeline()
    doc = nlp("Headline without a full stop\nBy Jo Bloggs\nThe body starts here. And goes on.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[:2] == ["Headline without a full stop", "By Jo Bloggs"]
    assert "And goes on." in starts


def test_related_lists_and_chrome_are_furniture_but_the_body_is_not() -> None:
    doc = build_pipeline()(ARTICLE)
    text = doc.text
    assert in_boilerplate(doc, text.index("Harlow Green"))
    assert in_boilerplate(doc, text.index("Fernleigh council"))
    assert in_boilerplate(doc, text.index("Skip to main content"))
    assert in_boilerplate(doc, text.index("Nobody has commented"))
    assert not in_boilerplate(doc, text.index("A nursery in Brookvale"))


def test_title_skips_chrome_and_is_the_headline() -> None:
    doc = build_pipeline()(ARTICLE)
    title = title_span(doc)
    assert title is not None
    assert title.text.strip() == "Brookvale nursery celebrates top Ofsted grade"


def test_a_page_cut_mid_sentence_has_no_title() -> None:
    doc = build_pipeline()(
        "ing the college's first inspection for six years, inspectors found that learners "
        "were making good progress in most subjects and that leaders knew the college well.\n\n"
        "More text follows here."
    )
    assert title_span(doc) is None


def test_extract_returns_a_record_with_exact_evidence_even_with_windows_line_ends() -> None:
    text = "Ofsted inspection news\r\n\r\nVisit https://reports.example.org/1 for more.\r\n"
    record = extract(text, source="x.txt")
    assert isinstance(record, Record)
    assert record.source == "x.txt"
    assert record.links == ["https://reports.example.org/1"]
    for ev in _evidence(record):
        assert text[ev.start : ev.end] == ev.text


def test_extractor_reuses_one_pipeline() -> None:
    a, b = Extractor(), Extractor()
    assert a.nlp is b.nlp


def test_rule_files_are_found() -> None:
    assert (models_dir() / "layout.json").is_file()


def _evidence(model: object) -> list[Evidence]:
    found: list[Evidence] = []
    if isinstance(model, Evidence):
        return [model]
    if isinstance(model, list):
        for item in model:
            found.extend(_evidence(item))
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            found.extend(_evidence(getattr(model, name)))
    return found


def test_every_rule_file_ships_in_the_wheel() -> None:
    """pyproject's package-data globs must cover every file in models/."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert setuptools["package-dir"]["ofsted_extract.models"] == "models"
    globs = setuptools["package-data"]["ofsted_extract.models"]
    for path in (root / "models").iterdir():
        if path.is_file() and not path.name.startswith("."):
            assert any(fnmatch.fnmatch(path.name, g) for g in globs), path.name
