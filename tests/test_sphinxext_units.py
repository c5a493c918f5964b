"""g287.sphinxext in the rarer situations: parallel reads, other domains, odd policies."""

from __future__ import annotations

import io
import sys
import textwrap
import types
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

import g287
from g287.sphinxext import G287Domain, _warn_missing

CONF = "extensions = ['g287.sphinxext']\nnitpicky = True\n"


def build(tmp_path: Path, body: str) -> tuple[Sphinx, str]:
    """Build a one-page project; return the application and its warnings."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.rst").write_text("Page\n====\n\n" + textwrap.dedent(body), encoding="utf-8")
    warnings = io.StringIO()
    with patch_docutils(src), docutils_namespace():
        app = Sphinx(
            src,
            src,
            tmp_path / "out",
            tmp_path / "doctrees",
            "html",
            status=None,
            warning=warnings,
            freshenv=True,
        )
        app.build()
    return app, warnings.getvalue()


@pytest.fixture
def fake_module() -> Iterator[str]:
    """A module with no file (made in memory) holding policy variants."""
    module = types.ModuleType("g287_memory_policies")
    other = attrs.evolve(g287.SOURCE, id="OTHER-1", title="Another source")
    extra = g287.Rule(
        "R-XTRA",
        "Extra",
        "A rule from another source.",
        g287.Citation(other, "\u00b61", "something"),
    )
    module.OTHER_SOURCE = attrs.evolve(  # type: ignore[attr-defined]
        g287.POLICY, sources=(*g287.POLICY.sources, other), rules=(*g287.POLICY.rules, extra)
    )
    ot = g287.POLICY.rule("R-OT")
    far = attrs.evolve(ot, citation=attrs.evolve(ot.citation, locator="\u00b699"))
    module.FAR_LOCATOR = attrs.evolve(  # type: ignore[attr-defined]
        g287.POLICY, rules=tuple(far if r is ot else r for r in g287.POLICY.rules)
    )
    sys.modules[module.__name__] = module
    yield module.__name__
    del sys.modules[module.__name__]


class TestDomain:
    def test_merges_rows_of_parallel_readers(self, tmp_path: Path) -> None:
        """Rows a parallel reader found are merged, but only for the documents it read."""
        app, _ = build(tmp_path, ".. g287-tiers::\n")
        domain = app.env.domains["g287"]
        assert isinstance(domain, G287Domain)
        before = dict(domain.targets)
        domain.merge_domaindata(
            {"other"},
            {"targets": {"R-NEW": [(1, "other", "a"), (1, "elsewhere", "b")]}},
        )
        assert domain.targets["R-NEW"] == [(1, "other", "a")]
        assert {k: v for k, v in domain.targets.items() if k != "R-NEW"} == before

    def test_takes_no_part_in_the_any_role(self, tmp_path: Path) -> None:
        """The any role never resolves to g287: ids are cited with :g287: or :ref:."""
        app, _ = build(tmp_path, ".. g287-tiers::\n")
        domain = app.env.domains["g287"]
        node = addnodes.pending_xref("", refdomain="g287", reftarget="R-OT")
        assert (
            domain.resolve_any_xref(app.env, "index", app.builder, "R-OT", node, nodes.literal())
            == []
        )

    def test_leaves_other_domains_alone(self, tmp_path: Path) -> None:
        """A missing reference of another domain, or of none, is not g287's to explain."""
        app, _ = build(tmp_path, ".. g287-tiers::\n")
        node = addnodes.pending_xref("", refdomain="std", reftarget="x")
        assert _warn_missing(app, None, node) is None
        assert _warn_missing(app, app.env.domains["std"], node) is None


class TestOddPolicies:
    def test_policy_from_a_module_without_a_file(self, tmp_path: Path, fake_module: str) -> None:
        """A policy held by an in-memory module renders (there is no file to depend on)."""
        app, warnings = build(tmp_path, f".. g287-tiers:: {fake_module}:OTHER_SOURCE\n")
        assert app.statuscode == 0
        assert "$1,000.00" in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
        assert warnings == ""

    def test_rules_of_another_source_are_not_placed_in_this_text(
        self, tmp_path: Path, fake_module: str
    ) -> None:
        """The source listing places only rules citing the DHS release; others are skipped."""
        app, warnings = build(
            tmp_path, f".. g287-source::\n   :policy: {fake_module}:OTHER_SOURCE\n"
        )
        html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
        assert "R-XTRA" not in html
        assert "R-OT" in html
        assert warnings == ""

    def test_a_locator_past_the_end_warns(self, tmp_path: Path, fake_module: str) -> None:
        """A rule citing a paragraph the source does not have is reported at build time."""
        _, warnings = build(tmp_path, f".. g287-source::\n   :policy: {fake_module}:FAR_LOCATOR\n")
        assert "R-OT cites ¶99, but the source has 11 paragraphs" in warnings

    def test_interpretation_without_a_worked_example(self, tmp_path: Path) -> None:
        """An interpretation section with no content has no 'Worked example' heading."""
        app, warnings = build(tmp_path, ".. g287-interpretation:: I-RATE\n")
        html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
        assert "What is the location rate?" in html
        assert "Worked example" not in html
        assert warnings == ""
