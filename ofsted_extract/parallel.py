"""Running extraction over many documents, in one process or several.

spaCy's own ``n_process`` pickles whole Docs back to the parent, which costs
more than a rule-only pipeline saves. Here each worker reads its own files and
sends back only the finished records, a chunk of paths at a time, and the
parent yields them in input order, so the output is byte-identical for any
``--jobs``.

Memory stays flat however long the input: the parent keeps only a few chunks
in flight (a window of futures), so a slow writer holds back the workers
instead of letting finished records pile up.

Records travel back as JSON text and are read into models again in the
parent: pickling a pydantic record costs several times as much as dumping it,
and that cost fell on the workers, which are the scarce resource.

A worker that dies (killed for memory, a crash in native code) must neither
hang the run nor take other documents with it: the chunk it held is retried
one document at a time in a fresh pool, and only the document that kills a
worker again gets an error record.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TYPE_CHECKING

from pydantic import ValidationError

from .reading import read_path
from .record import ErrorRecord, Record

if TYPE_CHECKING:
    from .extractor import Extractor

Result = Record | ErrorRecord
#: What a worker sends back for one document: its record as JSON, or an error record.
Shipped = str | ErrorRecord

#: The extractor of this worker process (inherited from the parent under fork).
_worker: Extractor | None = None

#: Documents per task: enough to amortise the round trip, few enough that the
#: last tasks of a run still keep every core busy.
MAX_CHUNK = 16
#: Tasks in flight per worker: keeps workers fed while the parent writes.
AHEAD = 4


def cpu_count() -> int:
    """The cores this process may run on (its affinity, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _init(model: str | None) -> None:
    """Worker start: leave Ctrl-C to the parent, and build the pipeline unless inherited."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker is None:
        from .extractor import Extractor

        _worker = Extractor(model)


def _many(paths: list[str]) -> list[Shipped]:
    assert _worker is not None
    out: list[Shipped] = []
    for path in paths:
        result = _worker.process(read_path(path))
        out.append(result.model_dump_json() if isinstance(result, Record) else result)
    return out


def _unship(item: Shipped, path: str, extractor: Extractor) -> Result:
    """The record a worker sent, as a model again."""
    if isinstance(item, ErrorRecord):
        return item
    try:
        return Record.model_validate_json(item)
    except ValidationError:  # a record its own JSON cannot rebuild: make it here instead
        return extractor.process(read_path(path))


def _chunks(paths: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(paths)
    while chunk := list(islice(it, size)):
        yield chunk


def chunk_size(n_docs: int | None, jobs: int) -> int:
    """Documents per task: about eight tasks per worker, between 1 and ``MAX_CHUNK``."""
    if n_docs is None:
        return MAX_CHUNK
    return max(1, min(MAX_CHUNK, n_docs // (jobs * 8)))


def run(paths: Iterable[str], jobs: int = 1, model: str | None = None) -> Iterator[Result]:
    """Records for ``paths`` in order; ``jobs`` worker processes (0: every core).

    A run of one document never starts workers: the pipeline is built once
    either way, and a pool would only add its start-up.
    """
    global _worker
    from .extractor import Extractor

    if jobs <= 0:
        jobs = cpu_count()
    n_docs = len(paths) if isinstance(paths, Sized) else None
    it = iter(paths)
    first = list(islice(it, 2))
    extractor = Extractor(model)  # built here first: a bad --model fails once, in the parent
    if jobs == 1 or len(first) < 2:
        for path in chain(first, it):
            yield extractor.process(read_path(path))
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        _worker = extractor  # the workers inherit the built pipeline instead of rebuilding it
    try:
        chunks = _chunks(chain(first, it), chunk_size(n_docs, jobs))
        for path, item in _ordered(chunks, jobs, model, method):
            yield _unship(item, path, extractor)
    finally:
        _worker = None


def _pool(jobs: int, model: str | None, method: str) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_init,
        initargs=(model,),
    )


def _ordered(
    chunks: Iterator[list[str]], jobs: int, model: str | None, method: str
) -> Iterator[tuple[str, Shipped]]:
    """Chunks run in a pool, a bounded window ahead; (path, result) in input order."""
    pool = _pool(jobs, model, method)
    pending: deque[tuple[list[str], Future[list[Shipped]]]] = deque()
    finished = False
    try:
        for chunk in islice(chunks, jobs * AHEAD):
            pending.append((chunk, _submit(pool, chunk)))
        while pending:
            chunk, future = pending.popleft()
            results: list[Shipped]
            try:
                results = future.result()
            except BrokenProcessPool:
                _stop(pool)
                pool = _pool(jobs, model, method)
                results = []
                for path in chunk:
                    result, pool = _isolated(pool, path, jobs, model, method)
                    results.append(result)
                pending = deque(
                    (c, f if _succeeded(f) else _submit(pool, c)) for c, f in pending
                )
            for following in islice(chunks, 1):
                pending.append((following, _submit(pool, following)))
            yield from zip(chunk, results, strict=True)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # interrupted, or the reader went away: do not wait for work nobody wants
            _stop(pool)


def _submit(pool: ProcessPoolExecutor, chunk: list[str]) -> Future[list[Shipped]]:
    """The chunk's future, even from a pool that has just broken.

    A worker may die between two results: the pool is then broken, and
    ``submit`` raises at once. The chunk's future carries that error instead,
    and it is met, like any other broken future, when its turn comes.
    """
    try:
        return pool.submit(_many, chunk)
    except BrokenProcessPool as exc:
        failed: Future[list[Shipped]] = Future()
        failed.set_exception(exc)
        return failed


def _succeeded(future: Future[list[Shipped]]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut a pool down now, ending its workers rather than waiting for their tasks."""
    procs = dict(getattr(pool, "_processes", None) or {})  # shutdown() forgets them
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs.values():
        if proc.is_alive():
            proc.terminate()
    if manager is not None:
        # let the pool's own thread see its workers gone and close its pipe now: left
        # running, it races the interpreter's exit hook, which then writes to the closed
        # pipe and prints "OSError: Bad file descriptor" after "interrupted"
        manager.join(timeout=2)


def _isolated(
    pool: ProcessPoolExecutor, path: str, jobs: int, model: str | None, method: str
) -> tuple[Shipped, ProcessPoolExecutor]:
    """One document alone in the pool: its record, or an error record if it kills a worker."""
    try:
        return pool.submit(_many, [path]).result()[0], pool
    except BrokenProcessPool:
        _stop(pool)
        error = ErrorRecord(
            source=path,
            error="internal error (the worker process died on this document); please report it",
        )
        return error, _pool(jobs, model, method)
