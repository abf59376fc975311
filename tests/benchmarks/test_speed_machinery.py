"""The machinery behind the speed targets keeps behaviour exactly.

Each speed-up here replaced a slower piece that had the behaviour right, so
each is checked against that piece: the array sentencizer against spaCy's
own, line starts against the token walk they replaced, ``in_boilerplate``
against its plain definition, records made in memory zones and in worker
processes against records made plainly. (The benchmark itself is
``bench.py`` beside this file; pytest does not collect it.)
"""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

import ofsted_extract.components  # noqa: F401  (registers the factories)
from ofsted_extract import extractor as extractor_module
from ofsted_extract import parallel
from ofsted_extract.components.layout import FastSentencizer, in_boilerplate
from ofsted_extract.extractor import Extractor
from ofsted_extract.pipeline import build_pipeline
from ofsted_extract.record import ErrorRecord
from ofsted_extract.textutil import analysis_text, doc_text, fold_quotes, make_doc

ARTICLE = """Skip to main content

Larchmere Vale primary school rated good by Ofsted

By Nerys Abernethy | 3 June 2024

Larchmere Vale Primary School in Oxhollow has been rated good by Ofsted, up from
requires improvement at its previous inspection in 2021.

Headteacher Callum Renwick said: "We are thrilled. Our pupils deserve this."
The report is at https://reports.example.org/larkspur-vale.

Related articles
Brambleford Academy judged inadequate
Hexley council children's services rated outstanding
"""

# pieces that make tokenizers and sentence rules take unusual paths
PIECES = [
    "Word", "word", "A", "x.", "?", "!", "...", "\n", "\n\n", " ", "  ", "\t", '"', "'",
    "(", ")", "\u201c", "\u201d", "Mr.", "e.g.", "1.5", "\u2028", "\xa0", "\u3002", "!?",
    "-", "\u2014", "\r\n", "U.K.", "rated", "good.",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@pytest.fixture(scope="module")
def blank_with_layout() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("ofsted_layout")
    nlp.add_pipe("ofsted_sentencizer", name="sentencizer")
    return nlp


def _reference_starts(nlp: Language, text: str) -> list[bool | None]:
    """Sentence starts as the original code made them: a token walk, then spaCy's rule."""
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    Sentencizer()(doc)
    return [t.is_sent_start for t in doc]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_line_and_sentence_starts_match_the_token_walk_and_spacy(
    blank_with_layout: Language, text: str
) -> None:
    got = [t.is_sent_start for t in blank_with_layout(text)]
    assert got == _reference_starts(blank_with_layout, text)


def test_the_fast_sentencizer_is_a_sentencizer_under_the_usual_name() -> None:
    nlp = build_pipeline()
    pipe = nlp.get_pipe("sentencizer")
    assert isinstance(pipe, Sentencizer) and isinstance(pipe, FastSentencizer)
    doc = nlp("Ofsted visited in May. Leaders were pleased!  The head said so")
    assert [s.text.strip() for s in doc.sents] == [
        "Ofsted visited in May.",
        "Leaders were pleased!",
        "The head said so",
    ]


def test_custom_punct_chars_are_honoured_after_a_change() -> None:
    pipe = FastSentencizer(punct_chars=[";"])
    nlp = spacy.blank("en")
    doc = pipe(nlp.make_doc("One; two. three"))
    assert [t.is_sent_start for t in doc] == [True, False, True, False, False]
    pipe.punct_chars = {"."}
    doc = pipe(nlp.make_doc("One; two. three"))
    assert [t.is_sent_start for t in doc] == [True, False, False, False, True]


def test_a_wall_of_sentence_ends_is_linear(blank_with_layout: Language) -> None:
    # each "!" would start a walk to the next word; walks must not overlap
    doc = blank_with_layout(" ".join(["!"] * 20000) + " Done")
    assert doc[-1].is_sent_start and not doc[1].is_sent_start


# -- in_boilerplate ----------------------------------------------------------------


def _plain_in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    return any(s.start_char < end and start < s.end_char for s in doc.spans["boilerplate"])


@settings(max_examples=200, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=6),
    query=st.tuples(st.integers(0, 40), st.integers(0, 8)),
)
def test_in_boilerplate_is_the_plain_overlap_test(
    blank_with_layout: Language, spans: list[tuple[int, int]], query: tuple[int, int]
) -> None:
    doc = blank_with_layout.make_doc(" ".join(["w"] * 40))
    doc.spans["boilerplate"] = [doc[s : min(s + n, 40)] for s, n in spans]
    start, end = query[0] * 2, query[0] * 2 + query[1]
    assert in_boilerplate(doc, start, end) == _plain_in_boilerplate(doc, start, end)
    assert in_boilerplate(doc, start) == _plain_in_boilerplate(doc, start, start + 1)


def test_in_boilerplate_sees_a_replaced_or_grown_span_group() -> None:
    doc = build_pipeline().make_doc("alpha beta gamma delta")
    doc.spans["boilerplate"] = [doc[0:1]]
    assert in_boilerplate(doc, 0) and not in_boilerplate(doc, 6)
    doc.spans["boilerplate"] = [doc[1:2]]  # replaced
    assert not in_boilerplate(doc, 0) and in_boilerplate(doc, 6)
    doc.spans["boilerplate"].append(doc[3:4])  # grown in place
    assert in_boilerplate(doc, 17)
    del doc.spans["boilerplate"]
    assert not in_boilerplate(doc, 6)


def test_layout_marks_the_related_list_as_furniture() -> None:
    doc = build_pipeline()(ARTICLE)
    assert in_boilerplate(doc, ARTICLE.index("Brambleford"))
    assert in_boilerplate(doc, ARTICLE.index("Skip to main"))
    assert not in_boilerplate(doc, ARTICLE.index("Headteacher Callum"))


# -- the text of a Doc, and the text spaCy is given -----------------------------------


def test_doc_text_is_the_text_and_make_doc_needs_no_join() -> None:
    nlp = build_pipeline()
    doc = nlp.make_doc(ARTICLE)
    assert doc_text(doc) == doc.text == ARTICLE
    made = make_doc(nlp, ARTICLE)
    assert doc_text(made) is ARTICLE and made.text == ARTICLE


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab"!\u201c\U0001f3eb .\n\r\x00-'), max_size=3000))
def test_analysis_text_keeps_offsets_and_leaves_no_runaway_run(text: str) -> None:
    out = analysis_text(text)
    assert len(out) == len(text)
    # every character is kept, or made a space (line ends: "\r" -> "\n")
    assert all(a == b or b in " \n" for a, b in zip(text, out, strict=True))
    assert max((len(run) for run in out.split()), default=0) < 512
    assert not re.search(r'[!"\u201c\U0001f3eb.-]{16}', out)


SINGLE = "\u2018\u2019\u201a\u201b\u2032"
DOUBLE = "\u201c\u201d\u201e\u201f\u00ab\u00bb"


@given(st.text(alphabet=st.sampled_from("a '\"\u00e9" + SINGLE + DOUBLE)))
def test_fold_quotes_is_the_plain_character_mapping(text: str) -> None:
    table = str.maketrans(dict.fromkeys(SINGLE, "'") | dict.fromkeys(DOUBLE, '"'))
    assert fold_quotes(text) == text.translate(table)


def test_analysis_text_leaves_articles_alone() -> None:
    text = ARTICLE + "\nSee https://example.org/" + "a" * 300 + " --- and *** too.\n"
    assert analysis_text(text) == text


# -- flat memory: records made inside memory zones ------------------------------------


def test_records_made_in_memory_zones_are_the_same_and_the_vocab_stays_flat(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = Extractor()
    plain._warm = 0
    monkeypatch.setattr(extractor_module, "WARM_DOCS", 10**9)
    expected = plain.extract(ARTICLE).model_dump_json()

    monkeypatch.setattr(extractor_module, "WARM_DOCS", 0)
    zoned = Extractor()
    zoned.extract(ARTICLE)
    strings = len(zoned.nlp.vocab.strings)
    for n in range(20):
        # every document brings words the vocabulary has never seen
        text = ARTICLE.replace("Oxhollow", f"Oxhollow{n}zq").replace("Renwick", f"Ren{n}wick")
        record = zoned.extract(text)
        assert record.title == "Larchmere Vale primary school rated good by Ofsted"
    assert len(zoned.nlp.vocab.strings) == strings
    assert zoned.extract(ARTICLE).model_dump_json() == expected


def test_no_memory_zone_inside_a_callers_own_zone() -> None:
    ex = Extractor()
    ex._warm = extractor_module.WARM_DOCS
    with ex.nlp.memory_zone():  # nesting zones is not allowed by spaCy
        record = ex.extract(ARTICLE)
    assert record.links == ["https://reports.example.org/larkspur-vale"]


# -- worker processes -------------------------------------------------------------------


def _folder(tmp_path: Path) -> list[str]:
    paths = []
    for n in range(23):
        path = tmp_path / f"{n:02d}.txt"
        path.write_text(ARTICLE.replace("Oxhollow", f"Town {n}"), encoding="utf-8")
        paths.append(str(path))
    (tmp_path / "05.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))  # not text
    paths.insert(7, str(tmp_path / "missing.txt"))
    return paths


def _dump(records: list[object]) -> list[str]:
    return [r.model_dump_json() for r in records]  # type: ignore[attr-defined]


def test_any_number_of_jobs_gives_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    paths = _folder(tmp_path)
    one = _dump(list(parallel.run(paths, jobs=1)))
    assert len(one) == len(paths)
    assert _dump(list(parallel.run(paths, jobs=2))) == one
    assert _dump(list(parallel.run(iter(paths), jobs=0))) == one  # a plain iterator too
    assert '"error"' in one[5] and '"error"' in one[7]


def test_chunks_are_small_enough_to_keep_every_core_busy() -> None:
    assert parallel.chunk_size(2000, 2) == parallel.MAX_CHUNK
    assert parallel.chunk_size(40, 2) == 2
    assert parallel.chunk_size(3, 8) == 1
    assert parallel.chunk_size(None, 2) == parallel.MAX_CHUNK


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to plant the crash"
)
def test_a_document_that_kills_its_worker_costs_only_its_own_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _folder(tmp_path)
    poison = paths[12]
    real = Extractor.process

    def process(self: Extractor, document: object) -> object:
        if getattr(document, "source", None) == poison:
            os._exit(3)  # as a crash in native code or the OOM killer would
        return real(self, document)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "process", process)  # inherited by forked workers
    results = list(parallel.run(paths, jobs=2))
    assert [getattr(r, "source", None) for r in results] == paths
    assert isinstance(results[12], ErrorRecord) and "worker process died" in results[12].error
    monkeypatch.setattr(Extractor, "process", real)
    expected = _dump(list(parallel.run(paths, jobs=1)))
    assert [d for i, d in enumerate(_dump(results)) if i != 12] == expected[:12] + expected[13:]


class _BreaksOnSubmit:
    """A pool whose ``k``-th submit finds it broken: a worker died between two results."""

    def __init__(self, inner: object, k: int) -> None:
        self.inner, self.k, self.n = inner, k, 0

    def submit(self, fn: object, *args: object) -> object:
        self.n += 1
        if self.n == self.k:
            raise BrokenProcessPool("a process in the pool was terminated abruptly")
        return self.inner.submit(fn, *args)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


@pytest.mark.parametrize("k", [1, 3, 9])  # in the first window, and for a later chunk
def test_a_pool_found_broken_on_submit_loses_no_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    paths = _folder(tmp_path)
    real_pool = parallel._pool
    made: list[object] = []

    def pool(*args: object) -> object:
        inner = real_pool(*args)  # type: ignore[arg-type]
        made.append(inner)
        return _BreaksOnSubmit(inner, k) if len(made) == 1 else inner

    monkeypatch.setattr(parallel, "_pool", pool)
    results = _dump(list(parallel.run(paths, jobs=2)))
    monkeypatch.setattr(parallel, "_pool", real_pool)
    assert len(made) >= 2  # the broken pool was replaced
    assert results == _dump(list(parallel.run(paths, jobs=1)))
