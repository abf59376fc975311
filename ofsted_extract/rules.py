"""Loading the rule data in ``models/``: pattern files and lexicons.

The data ships inside the wheel as the ``ofsted_extract.models`` package; in a
source checkout that has not been installed the top-level ``models/`` folder is
read instead. Files are parsed once per process.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

_SOURCE_MODELS = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    """The folder holding the rule files, installed or in the checkout.

    An installed wheel carries them as ``ofsted_extract/models``; an editable
    install or a bare checkout reads the top-level ``models/`` folder.
    """
    installed = Path(__file__).resolve().parent / "models"
    if (installed / "layout.json").is_file():
        return installed
    return _SOURCE_MODELS


@functools.cache
def load(name: str) -> Any:
    """Parse ``models/<name>.json`` (cached: the rules are read once per process)."""
    path = models_dir() / f"{name}.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)
