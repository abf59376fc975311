"""ofsted-extract: evidence-backed records of Ofsted inspections from articles.

>>> from ofsted_extract import extract                      # doctest: +SKIP
>>> extract(open("article.txt").read()).inspections[0].overall.grade  # doctest: +SKIP
'good'

spaCy is imported only when a pipeline is built, so importing the package
(and ``ofsted-extract --help``) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .extractor import Extractor, extract

__all__ = ["Extractor", "__version__", "extract"]


def __getattr__(name: str) -> Any:
    if name in ("Extractor", "extract"):
        from . import extractor

        return getattr(extractor, name)
    raise AttributeError(f"module 'ofsted_extract' has no attribute {name!r}")
