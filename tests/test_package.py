"""The package namespace: every public name loads on first use, and nothing else is there."""

from __future__ import annotations

import subprocess
import sys

import pytest

import g287


class TestNamespace:
    def test_every_public_name_resolves(self) -> None:
        """Every name in __all__ is an attribute of the package."""
        for name in g287.__all__:
            assert getattr(g287, name) is not None

    def test_unknown_name_is_an_attribute_error(self) -> None:
        """An unknown attribute raises AttributeError naming it, as for any module."""
        with pytest.raises(AttributeError, match="'g287' has no attribute 'nonsense'"):
            _ = g287.nonsense  # type: ignore[attr-defined]

    def test_submodules_reachable(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Submodules are reachable as attributes without importing them first."""
        monkeypatch.delattr(g287, "batch", raising=False)  # as before anyone imported it
        assert g287.batch.award_cents([1], [1]) == [100000]

    def test_dir_lists_the_public_names(self) -> None:
        """dir(g287) lists the public API and submodules, not implementation details."""
        listed = dir(g287)
        assert set(g287.__all__) <= set(listed)
        assert "batch" in listed
        assert "importlib" not in listed

    def test_import_is_lazy(self) -> None:
        """`import g287` loads no rules module until a name is used (kept cheap for the CLI)."""
        code = (
            "import sys, g287; print(sorted(m for m in sys.modules if m.startswith('g287.')));"
            "g287.POLICY; print('g287.policy' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.splitlines() == ["['g287.errors']", "True"]
