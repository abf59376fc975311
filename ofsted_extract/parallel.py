"""Running extraction over many documents, in one process or several.

spaCy's own ``n_process`` pickles whole Docs back to the parent, which costs
more than a rule-only pipeline saves. Here each worker reads its own files,
builds its own pipeline once and sends back only the finished record, and the
parent writes records in input order, so the output is byte-identical for any
``--jobs``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator

from .reading import read_path
from .record import ErrorRecord, Record

_worker: object | None = None


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _init(model: str | None) -> None:
    global _worker
    from .extractor import Extractor

    _worker = Extractor(model)


def _one(path: str) -> Record | ErrorRecord:
    from .extractor import Extractor

    assert isinstance(_worker, Extractor)
    return _worker.process(read_path(path))


def run(
    paths: Iterable[str], jobs: int = 1, model: str | None = None
) -> Iterator[Record | ErrorRecord]:
    """Records for ``paths`` in order; ``jobs`` worker processes (0: every core)."""
    if jobs <= 0:
        jobs = cpu_count()
    if jobs == 1:
        from .extractor import Extractor

        extractor = Extractor(model)
        for path in paths:
            yield extractor.process(read_path(path))
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(jobs, initializer=_init, initargs=(model,)) as pool:
        yield from pool.imap(_one, paths, chunksize=8)
