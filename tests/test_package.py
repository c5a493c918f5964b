"""The package namespace: plain imports, one ``__all__``, and DESIGN §4's names."""

from __future__ import annotations

import subprocess
import sys

import pytest

import g287

#: DESIGN §4: "These names are what users (and the acceptance checks) rely on."
CONTRACT = [
    "POLICY",
    "policy_in_force",
    "FiscalQuarter",
    "location_rate",
    "award_tier",
    "quarterly_award",
    "overtime_cap",
    "annual_reimbursement",
    "claim",
    "quarterly_claim",
    "dumps",
    "loads",
    "G287Error",
    "InvalidInputError",
    "NotInEffectError",
]


class TestNamespace:
    def test_every_public_name_resolves(self) -> None:
        """Every name in __all__ is an attribute of the package, and __all__ has no repeats."""
        assert len(set(g287.__all__)) == len(g287.__all__)
        for name in g287.__all__:
            assert getattr(g287, name) is not None

    @pytest.mark.parametrize("name", CONTRACT)
    def test_design_names_are_public(self, name: str) -> None:
        """The public API contract of DESIGN §4 is exported."""
        assert name in g287.__all__

    def test_errors_are_values_and_types(self) -> None:
        """Value problems are ValueErrors and type problems TypeErrors, all G287Errors."""
        assert issubclass(g287.InvalidInputError, ValueError)
        assert issubclass(g287.NotInEffectError, ValueError)
        assert issubclass(g287.InvalidTypeError, TypeError)
        for name in ("InvalidInputError", "InvalidTypeError", "PolicyError", "NotInEffectError"):
            assert issubclass(getattr(g287, name), g287.G287Error)

    def test_unknown_name_is_an_attribute_error(self) -> None:
        """An unknown attribute raises AttributeError, as for any module (no loader)."""
        with pytest.raises(AttributeError, match="nonsense"):
            _ = g287.nonsense  # type: ignore[attr-defined]
        assert not hasattr(g287, "__getattr__")

    def test_import_loads_the_rules_not_the_edges(self) -> None:
        """`import g287` loads the rules and JSON, not the CLI, the file readers or Sphinx."""
        code = "import sys, g287; print(sorted(m for m in sys.modules if m.startswith('g287.')))"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        loaded = set(eval(out.stdout))  # a list literal printed by the child
        assert {"g287.policy", "g287.claims", "g287.serialize"} <= loaded
        assert not {"g287.cli", "g287.dataio", "g287.sphinxext", "g287.batch"} & loaded
