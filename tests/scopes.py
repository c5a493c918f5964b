"""Fixture scopes that stay honest under mutation testing.

mutmut runs, for each mutant, only the tests that called the mutated function during its
stats run, and it credits a call to the test that was running. A module-scoped fixture's
calls are therefore credited to the first test that used it alone, and a mutant those calls
reach would be tried against that one test. During the stats run (mutmut sets
``MUTANT_UNDER_TEST`` to ``"stats"``) the shared fixtures below are rebuilt for every test, so
every test that reads a build is credited with the calls that made it. Everywhere else,
mutant runs included, they are built once a module: a mutant's run is one process that
executes the mutated code from the first build on, so sharing the build loses nothing.
"""

from __future__ import annotations

import os
from typing import Literal

import pytest


def shared(fixture_name: str, config: pytest.Config) -> Literal["module", "function"]:
    """``"module"``, or ``"function"`` in mutmut's stats run: a dynamic scope for fixtures."""
    del fixture_name, config
    return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else "module"
