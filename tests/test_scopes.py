"""tests/scopes.py: shared fixtures are built once a module, but per test in mutmut's stats run."""

from __future__ import annotations

from typing import cast

import pytest

import scopes

NO_CONFIG = cast("pytest.Config", None)  # the scope depends on the environment alone


def test_module_scope_normally(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside mutmut a shared fixture is built once for its module."""
    monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
    assert scopes.shared("site", NO_CONFIG) == "module"


def test_function_scope_in_the_stats_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """While mutmut maps functions to tests it is built for every test, so each is credited."""
    monkeypatch.setenv("MUTANT_UNDER_TEST", "stats")
    assert scopes.shared("site", NO_CONFIG) == "function"


@pytest.mark.parametrize("mutant", ["", "g287.sphinxext.x_setup__mutmut_1"])
def test_module_scope_for_a_mutant(monkeypatch: pytest.MonkeyPatch, mutant: str) -> None:
    """A mutant's run is one process running the mutated code from the first build on."""
    monkeypatch.setenv("MUTANT_UNDER_TEST", mutant)
    assert scopes.shared("site", NO_CONFIG) == "module"
