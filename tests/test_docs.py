"""Tests of g287's own documentation: it builds cleanly and every id is a citable label."""

from __future__ import annotations

import io
import os
import posixpath
import sys
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.inventory import InventoryFile
from sphinx.util.typing import Inventory

import g287

DOCS = Path(__file__).resolve().parents[1] / "docs"

#: mutmut runs the tests against a copy in which every function is wrapped in its trampoline;
#: autodoc then meets the wrapper's annotations and cannot resolve the TypeVar ``T`` that
#: dataio and serialize use. Only under mutmut, and only that exact warning, is set aside.
MUTMUT_ARTEFACT = "py:class reference target not found: T [ref.class]"


def real_warnings(warnings: str) -> str:
    """The build's warnings, less mutmut's wrapper artefact when running under mutmut."""
    if "MUTANT_UNDER_TEST" not in os.environ:
        return warnings
    return "".join(
        line for line in warnings.splitlines(keepends=True) if MUTMUT_ARTEFACT not in line
    )


pytestmark = pytest.mark.skipif(
    not (DOCS / "conf.py").exists(), reason="the documentation sources are not present"
)


class Built:
    """The HTML build of the documentation: its output folder, warnings and inventory."""

    def __init__(self, outdir: Path, warnings: str) -> None:
        self.outdir = outdir
        self.warnings = warnings
        with (outdir / "objects.inv").open("rb") as stream:
            self.inventory: Inventory = InventoryFile.load(stream, "", posixpath.join)

    def page(self, name: str) -> str:
        """The HTML of one page."""
        return (self.outdir / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build the documentation once, nitpicky, into a temporary folder."""
    out = tmp_path_factory.mktemp("docs")
    warnings = io.StringIO()
    saved_path, saved_modules = list(sys.path), set(sys.modules)
    try:
        with patch_docutils(DOCS), docutils_namespace():
            app = Sphinx(
                DOCS,
                DOCS,
                out / "html",
                out / "doctrees",
                "html",
                confoverrides={"nitpicky": True},
                status=None,
                warning=warnings,
                freshenv=True,
            )
            app.build()
    finally:
        # conf.py puts docs/_ext on sys.path and imports the docs-only helpers from it.
        sys.path[:] = saved_path
        for name in set(sys.modules) - saved_modules:
            if name in {"g287docs", "g287_variants"}:
                del sys.modules[name]
    return Built(Path(app.outdir), warnings.getvalue())


class TestBuild:
    """The documentation builds as ``.ci/run`` builds it."""

    def test_no_warnings(self, built: Built) -> None:
        """The nitpicky HTML build gives no warning (``-W`` would fail on one)."""
        assert real_warnings(built.warnings) == ""

    def test_tier_table_from_policy(self, built: Built) -> None:
        """The policy page holds the tier table rendered from g287.POLICY."""
        html = built.page("policy")
        for tier in g287.POLICY.award_schedule.tiers:
            assert f"${tier.amount:,.2f}" in html
            assert f'id="{tier.rule_id.lower()}"' in html


class TestCitableIds:
    """Every id of the policy is a label other projects can cite through intersphinx."""

    def test_every_rule_id(self, built: Built) -> None:
        """Each rule of g287.POLICY is a std:label, titled with its id."""
        labels = built.inventory["std:label"]
        for rule in g287.POLICY.rules:
            item = labels[rule.id.lower()]
            assert item.display_name == f"{rule.id}: {rule.title}"
            assert item.uri.startswith("policy.html#")

    def test_every_interpretation_id(self, built: Built) -> None:
        """Each key of g287.INTERPRETATIONS is a std:label on the interpretations page."""
        labels = built.inventory["std:label"]
        for item_id in g287.INTERPRETATIONS:
            assert labels[item_id.lower()].uri == f"interpretations.html#{item_id.lower()}"

    def test_every_source_paragraph(self, built: Built) -> None:
        """Every paragraph a rule cites is a std:label."""
        labels = built.inventory["std:label"]
        for rule in g287.POLICY.rules:
            number = rule.citation.locator.removeprefix("¶")
            assert f"{rule.citation.source.id.lower()}-p{number}" in labels


class TestApiReference:
    """The API reference documents the public API under the names users import."""

    def test_ids_in_docstrings_link(self, built: Built) -> None:
        """A rule or interpretation id named in a docstring links to its definition."""
        html = built.page("api/award")
        assert 'href="../interpretations.html#i-head"' in html
        assert 'href="../policy.html#r-awd"' in html

    def test_every_public_name(self, built: Built) -> None:
        """Each name of g287.__all__ is a Python object ``g287.NAME`` in the inventory."""
        documented = {
            name for kind, names in built.inventory.items() if kind[:3] == "py:" for name in names
        }
        missing = [n for n in g287.__all__ if n != "__version__" and f"g287.{n}" not in documented]
        assert missing == []


class TestMutmutArtefact:
    """Under mutmut, only the wrapper's unresolvable ``T`` is set aside; nothing else is."""

    WARNINGS = f"a.rst:1: WARNING: {MUTMUT_ARTEFACT}\nb.rst:2: WARNING: undefined label\n"

    def test_outside_mutmut_every_warning_counts(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
        assert real_warnings(self.WARNINGS) == self.WARNINGS

    def test_under_mutmut_only_the_artefact_is_dropped(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("MUTANT_UNDER_TEST", "stats")
        assert real_warnings(self.WARNINGS) == "b.rst:2: WARNING: undefined label\n"
