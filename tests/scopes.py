"""Fixture scopes that stay honest under mutation testing.

mutmut runs, for each mutant, only the tests that called the mutated function during its
stats run, and it credits a call to the test that was running. A module-scoped fixture's
calls are therefore credited to the first test that used it alone, and a mutant those calls
reach would be tried against that one test. Under mutmut (it sets ``MUTANT_UNDER_TEST``) the
shared fixtures below are rebuilt for every test instead; elsewhere they are built once.
"""

from __future__ import annotations

import os
from typing import Literal

import pytest


def shared(fixture_name: str, config: pytest.Config) -> Literal["module", "function"]:
    """``"module"``, or ``"function"`` under mutmut: a dynamic scope for ``pytest.fixture``."""
    del fixture_name, config
    return "function" if "MUTANT_UNDER_TEST" in os.environ else "module"
