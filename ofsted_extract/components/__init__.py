"""The project's spaCy components, one module per field family.

Importing this package registers every factory with spaCy, so
``nlp.add_pipe("ofsted_grades")`` works in any pipeline once
``import ofsted_extract.components`` has run.
"""

from . import bodies, bylines, dates, grades, layout, people, quotes  # noqa: F401

__all__ = ["bodies", "bylines", "dates", "grades", "layout", "people", "quotes"]
