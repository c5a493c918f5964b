"""Test configuration: Hypothesis profiles, golden files, the bundled example.

Hypothesis profiles, chosen with the ``HYPOTHESIS_PROFILE`` environment variable:

* ``ci`` (the default): 100 examples per property, no deadline (shared machines are noisy).
* ``dev``: 25 examples per property, for a quick local loop.
* ``thorough``: 1,000 examples per property, for a deeper run now and then.

Golden files (``tests/golden/``) pin the wording of audit trails and reports, once per kind of
result. After a deliberate change of wording, rewrite them and review the diff::

    G287_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """``golden(name, text)``: assert ``text`` equals ``tests/golden/<name>`` (or rewrite it)."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("G287_UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        assert path.exists(), f"no golden file {name}; write it with G287_UPDATE_GOLDEN=1"
        assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"

    return check
