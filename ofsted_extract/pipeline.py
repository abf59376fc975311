"""Building the spaCy pipeline: a blank English tokenizer plus the project's rules.

The default needs no trained model and no download. A user may name an
installed trained pipeline instead (``--model en_core_web_sm``): our rule
components are added to it, and its own sentence boundaries are kept.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: Our components in the order they run; each writes its own ``doc.spans`` keys.
RULE_PIPES: tuple[str, ...] = (
    "ofsted_dates",
    "ofsted_grades",
    "ofsted_bodies",
    "ofsted_people",
    "ofsted_quotes",
    "ofsted_bylines",
)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while the pipeline is built.

    Building compiles a few hundred regexes and fills spaCy's vocabulary and
    matchers: a burst of allocations that makes the collector run dozens of
    times over a heap of objects that are all still alive. That was about a
    tenth of a second, a third of what a one-file run adds to spaCy's own
    start. Nothing built here is garbage, so pausing loses nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.cache
def build_pipeline(model: str | None = None) -> Language:
    """The pipeline for ``model`` (None: ``spacy.blank("en")``), built once per process."""
    with _collector_paused():
        return _build(model)


def _build(model: str | None) -> Language:
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    if model:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except OSError as exc:
            raise ValueError(
                f"spaCy pipeline {model!r} is not installed; leave out --model to use "
                "the built-in rules, which need no download"
            ) from exc
        first = nlp.pipe_names[0] if nlp.pipe_names else None
        nlp.add_pipe("ofsted_layout", before=first) if first else nlp.add_pipe("ofsted_layout")
        if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
            nlp.add_pipe("ofsted_sentencizer", name="sentencizer", after="ofsted_layout")
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("ofsted_layout")
        # spaCy's sentence rule, run on arrays: see components/layout.py
        nlp.add_pipe("ofsted_sentencizer", name="sentencizer")
    # Articles are short; the cap on input size lives in reading.py.
    nlp.max_length = 2_000_000
    for name in RULE_PIPES:
        nlp.add_pipe(name)
    return nlp
