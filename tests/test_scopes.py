"""tests/scopes.py: shared fixtures are built once a module, but per test under mutmut."""

from __future__ import annotations

from typing import cast

import pytest

import scopes

NO_CONFIG = cast("pytest.Config", None)  # the scope depends on the environment alone


def test_module_scope_normally(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside mutmut a shared fixture is built once for its module."""
    monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
    assert scopes.shared("site", NO_CONFIG) == "module"


def test_function_scope_under_mutmut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under mutmut (which sets MUTANT_UNDER_TEST, even to "") it is built for every test."""
    monkeypatch.setenv("MUTANT_UNDER_TEST", "")
    assert scopes.shared("site", NO_CONFIG) == "function"
