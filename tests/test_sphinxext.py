"""Tests of g287.sphinxext: tiny Sphinx projects that load the extension, built in tmp_path."""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import posixpath
import sys
import textwrap
import zlib
from collections.abc import Iterable, Iterator
from html import escape
from importlib import resources
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.inventory import InventoryFile

import g287
import scopes
from g287.sphinxext import SOURCE_FILE

# Policy variants the projects name as ``g287_test_variants:NAME``: the same rules with a
# different top amount, a different cap, another reading of I-BAND, and a misquoted rule.
VARIANTS = """
import attrs
from fractions import Fraction

import g287
from g287.sphinxext import SOURCE_FILE

_schedule = g287.POLICY.award_schedule
_top, *_rest = _schedule.tiers
HIGHER_TOP = attrs.evolve(
    g287.POLICY,
    award_schedule=attrs.evolve(_schedule, tiers=(attrs.evolve(_top, amount="1250"), *_rest)),
)
EIGHTH_CAP = attrs.evolve(
    g287.POLICY, overtime_cap=attrs.evolve(g287.POLICY.overtime_cap, fraction=Fraction(1, 8))
)
HALF_UP = g287.POLICY.choose("I-BAND", "half-up")
_ot = g287.POLICY.rule("R-OT")
MISQUOTED = attrs.evolve(
    g287.POLICY,
    rules=tuple(
        attrs.evolve(r, citation=attrs.evolve(r.citation, quote="up to 30% of the salary"))
        if r is _ot
        else r
        for r in g287.POLICY.rules
    ),
)
"""

CONF = """
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
extensions = ["g287.sphinxext", "sphinx.ext.doctest"]
nitpicky = True
"""

PAGES = {
    "index": """
        Site
        ====

        .. toctree::

           tiers
           variants
           interpretations
           rules
        """,
    "tiers": """
        Tiers
        =====

        .. g287-tiers::

        The top tier is :g287:`R-AWD-1`; the cap is :g287:`the overtime cap <R-OT>`.
        """,
    "variants": """
        Variants
        ========

        .. g287-tiers:: g287_test_variants:HIGHER_TOP

        .. g287-tiers::
           :policy: g287_test_variants:EIGHTH_CAP
        """,
    "interpretations": """
        Interpretations
        ===============

        .. g287-interpretations::

        .. g287-interpretations::
           :policy: g287_test_variants:HALF_UP
        """,
    "rules": """
        Rules
        =====

        Cited from another page: :g287:`R-AWD-1`, :g287:`I-BAND`, :g287:`R-SAL`;
        and with ``:ref:``: :ref:`R-SAL`, :ref:`I-HEAD`.

        Source
        ------

        .. g287-source::

        Definitions
        -----------

        .. g287-rule:: R-SAL

           Hand-written notes follow the generated definition.

        .. g287-interpretation:: I-HEAD

           >>> 1 + 1
           2

        Command line
        ------------

        .. g287-cli::
        """,
}


def _write(src: Path, pages: dict[str, str], conf: str = CONF) -> None:
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(textwrap.dedent(conf), encoding="utf-8")
    (src / "g287_test_variants.py").write_text(VARIANTS, encoding="utf-8")
    for name, text in pages.items():
        (src / f"{name}.rst").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def _build(src: Path, builder: str = "html", *, fresh: bool = True) -> tuple[Sphinx, str]:
    """Build ``src`` with nitpicky references; return the application and its warnings."""
    warnings = io.StringIO()
    out = src.parent / f"{src.name}-{builder}"
    with patch_docutils(src), docutils_namespace():
        app = Sphinx(
            src,
            src,
            out,
            out / ".doctrees",
            builder,
            status=None,
            warning=warnings,
            freshenv=fresh,
        )
        app.build()
    return app, warnings.getvalue()


def _doctrees(
    app: Sphinx, names: Iterable[str]
) -> tuple[dict[str, nodes.document], dict[str, nodes.document]]:
    """Each named page's doctree as read (links pending) and as written (links resolved)."""
    names = list(names)
    read = {name: app.env.get_doctree(name) for name in names}
    resolved = {
        name: app.env.get_and_resolve_doctree(name, app.builder, tags=app.builder.tags)
        for name in names
    }
    return read, resolved


@contextlib.contextmanager
def restored_imports(*modules: str) -> Iterator[None]:
    """A project's conf.py extends sys.path and imports its variants modules: undo both, so the
    next project imports its own (``g287_test_variants`` and the ``modules`` named)."""
    saved = list(sys.path)
    try:
        yield
    finally:
        sys.path[:] = saved
        for module in ("g287_test_variants", *modules):
            sys.modules.pop(module, None)


@pytest.fixture(autouse=True)
def _isolated_imports() -> Iterator[None]:
    """Each test's project is forgotten after it."""
    with restored_imports():
        yield


@pytest.fixture(scope=scopes.shared)
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The multi-page project, built once as HTML; yields the output folder."""
    src = tmp_path_factory.mktemp("site") / "src"
    _write(src, PAGES)
    with restored_imports():
        app, warnings = _build(src)
    assert warnings == ""
    assert app.statuscode == 0
    return Path(app.outdir)


def _html(site: Path, page: str) -> str:
    return (site / f"{page}.html").read_text(encoding="utf-8")


def _project(tmp_path: Path, body: str, conf: str = CONF) -> Path:
    src = tmp_path / "src"
    _write(src, {"index": "Page\n====\n\n" + textwrap.dedent(body)}, conf)
    return src


class TestTiersDirective:
    """``.. g287-tiers::`` renders a policy's tiers and overtime cap from the policy object."""

    def test_amounts_and_rule_ids(self, site: Path) -> None:
        """The built-in policy's table holds $1,000 / $750 / $500, R-AWD-1..3 and R-OT."""
        html = _html(site, "tiers")
        for text in ("$1,000", "$750", "$500", "R-AWD-1", "R-AWD-2", "R-AWD-3", "R-OT", "25%"):
            assert text in html

    def test_citations(self, site: Path) -> None:
        """Each row quotes the passage its rule cites, with the locator."""
        html = _html(site, "tiers")
        assert "DHS-2025-09-18 ¶8" in html
        assert "“90% - 100% - $1,000 per eligible task force officer”" in html
        assert "DHS-2025-09-18 ¶7" in html

    def test_variant_changes_table(self, site: Path) -> None:
        """A variant with R-AWD-1 at $1,250 shows $1,250, not $1,000, in R-AWD-1's row."""
        html = _html(site, "variants")
        first_table = html.split("g287-tiers-1")[0]
        assert "$1,250.00" in first_table
        assert "$1,000.00" not in first_table
        assert "$750.00" in first_table

    def test_cap_is_shown_exactly(self, site: Path) -> None:
        """A cap of one eighth of salary reads 12.5%."""
        assert "12.5% of the officer" in _html(site, "variants")

    def test_unloadable_policy(self, tmp_path: Path) -> None:
        """A policy that cannot be imported is an error naming it."""
        _app, warnings = _build(_project(tmp_path, ".. g287-tiers:: no_such_module:POLICY\n"))
        assert "policy 'no_such_module:POLICY' cannot be loaded" in warnings

    def test_not_a_policy(self, tmp_path: Path) -> None:
        """An attribute that is not a Policy is an error saying what it is."""
        _app, warnings = _build(_project(tmp_path, ".. g287-tiers:: g287:SOURCE\n"))
        assert "'g287:SOURCE' is a Source; expected a g287.Policy" in warnings


class TestDirectiveErrors:
    """A directive given something it cannot render stops with an error that says why."""

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            (".. g287-tiers:: POLICY\n", "policy 'POLICY' is not 'module:attribute'"),
            (
                ".. g287-tiers:: g287:POLICY\n   :policy: g287_test_variants:HALF_UP\n",
                "name the policy once",
            ),
            (".. g287-rule:: R-NOPE\n", "rule_id: 'R-NOPE' is not a rule of"),
            (".. g287-interpretation:: I-NOPE\n", "'I-NOPE' is not an interpretation"),
        ],
    )
    def test_error(self, tmp_path: Path, body: str, message: str) -> None:
        """Each malformed use names the problem."""
        _app, warnings = _build(_project(tmp_path, body))
        assert message in warnings


class TestRole:
    """``:g287:`ID``` links an id to its definition."""

    def test_links_to_table_row(self, site: Path) -> None:
        """Without a rule section, an id links to the built-in policy's table row."""
        html = _html(site, "tiers")
        assert 'href="#g287-tiers-0-r-awd-1"' in html
        assert 'href="#g287-tiers-0-r-ot"' in html
        assert "the overtime cap</span></a>" in html

    def test_tooltip_states_rule(self, site: Path) -> None:
        """The link's title is the rule's statement."""
        assert 'title="R-AWD-1: A location rate of 90%-100% earns $1,000' in _html(site, "tiers")

    def test_prefers_builtin_policy_row(self, site: Path) -> None:
        """From another page, an id links to the built-in policy's row, not a variant's."""
        html = _html(site, "rules")
        assert 'href="tiers.html#g287-tiers-0-r-awd-1"' in html
        assert 'href="interpretations.html#g287-interpretations-0-i-band"' in html

    def test_prefers_definition_section(self, site: Path) -> None:
        """A ``g287-rule`` section is the definition an id links to."""
        assert 'href="#r-sal"' in _html(site, "rules")

    def test_undefined_id_warns(self, tmp_path: Path) -> None:
        """An id defined nowhere is a warning that says how to define it."""
        _app, warnings = _build(_project(tmp_path, "See :g287:`R-AWD-9`.\n"))
        assert "g287: R-AWD-9 has no definition to link to" in warnings

    def test_removed_table_is_forgotten(self, tmp_path: Path) -> None:
        """Rebuilt without its table, a page no longer offers the table's rows as targets."""
        src = _project(tmp_path, ".. g287-tiers::\n\nSee :g287:`R-AWD-1`.\n")
        _app, warnings = _build(src)
        assert warnings == ""
        page = src / "index.rst"
        page.write_text("Page\n====\n\nSee :g287:`R-AWD-1`.\n", encoding="utf-8")
        later = page.stat().st_mtime + 10  # newer than the first build, however coarse the clock
        os.utime(page, (later, later))
        _app, warnings = _build(src, fresh=False)
        assert "g287: R-AWD-1 has no definition to link to" in warnings

    def test_malformed_id_is_error(self, tmp_path: Path) -> None:
        """Text that is not an R- or I- id is an error."""
        _app, warnings = _build(_project(tmp_path, "See :g287:`AWD-1`.\n"))
        assert "g287 role: 'AWD-1' is not a rule or interpretation id" in warnings

    def test_resolves_through_intersphinx(self, tmp_path: Path) -> None:
        """With g287's inventory mapped, an id not defined locally links to g287's docs."""
        inventory = tmp_path / "objects.inv"
        inventory.write_bytes(
            b"# Sphinx inventory version 2\n# Project: g287\n# Version: 0.1.0\n"
            b"# The remainder of this file is compressed using zlib.\n"
            + zlib.compress(b"r-awd-1 std:label -1 policy.html#r-awd-1 R-AWD-1: Award tier\n")
        )
        conf = (
            CONF.replace('"sphinx.ext.doctest"', '"sphinx.ext.intersphinx"')
            + f'intersphinx_mapping = {{"g287": ("https://g287.example/", {str(inventory)!r})}}\n'
        )
        app, warnings = _build(_project(tmp_path, "See :g287:`R-AWD-1`.\n", conf))
        assert warnings == ""
        html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
        assert 'href="https://g287.example/policy.html#r-awd-1"' in html


#: Smart quotes as Sphinx substitutes them into text; a node's raw source keeps the plain ones.
PLAIN_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _generated(doctree: nodes.document) -> Iterator[nodes.Element]:
    """The parts of a page g287's directives made: rule and interpretation sections, g287
    tables and the tiers' container."""
    for node in doctree.findall(nodes.Element):
        if (isinstance(node, nodes.section) and node["ids"][0][:2] in {"r-", "i-"}) or (
            isinstance(node, (nodes.table, nodes.container))
            and any(c.startswith("g287") for c in node["classes"])
        ):
            yield node


class TestGeneratedNodes:
    @pytest.mark.parametrize("page", ["tiers", "variants", "interpretations", "rules"])
    def test_raw_source_is_own_text_or_empty(self, site: Path, page: str) -> None:
        """Every node the directives make carries as raw source nothing or its own text
        (before smart quotes, if any were put in; quotations keep theirs): gettext takes a
        paragraph's raw source as the message to translate, so any other text would be offered
        to translators in place of what the page shows."""
        doctree = pickle.loads((site / ".doctrees" / f"{page}.doctree").read_bytes())
        parts = list(_generated(doctree))
        assert parts
        for part in parts:
            for node in part.findall(nodes.Element):
                text = node.astext()
                assert node.rawsource in {"", text, text.translate(PLAIN_QUOTES)}, node


class TestDefinitions:
    """``g287-rule``, ``g287-interpretation`` and ``g287-source`` define citable labels."""

    def test_labels_in_inventory(self, site: Path) -> None:
        """Rule and interpretation sections and source paragraphs are std:labels."""
        with (site / "objects.inv").open("rb") as stream:
            labels = InventoryFile.load(stream, "", posixpath.join)["std:label"]
        assert {"r-sal", "i-head", "dhs-2025-09-18-p7", "dhs-2025-09-18-p8"} <= set(labels)
        assert labels["r-sal"].display_name == "R-SAL: Salary and benefits"

    def test_rule_section(self, site: Path) -> None:
        """A rule section states the rule, quotes the source and keeps the directive's content."""
        html = _html(site, "rules")
        assert g287.POLICY.rule("R-SAL").statement in html
        assert "Read with:" in html
        assert "Hand-written notes follow the generated definition." in html

    def test_interpretation_section(self, site: Path) -> None:
        """An interpretation section shows its default, alternatives and how to select them."""
        html = _html(site, "rules")
        assert g287.INTERPRETATIONS["I-HEAD"].default.replace("'", "’") in html
        assert "Worked example" in html
        assert "any-day" in html

    def test_generated_examples_run(self, tmp_path: Path) -> None:
        """The doctest builder runs the sections' generated and hand-written examples."""
        _write(tmp_path / "src", PAGES)
        app, _warnings = _build(tmp_path / "src", "doctest")
        assert app.statuscode == 0
        output = (Path(app.outdir) / "output.txt").read_text(encoding="utf-8")
        assert "0 failures in tests" in output

    def test_source_paragraphs(self, site: Path) -> None:
        """The source table has a row per non-empty line of the bundled text."""
        html = _html(site, "rules")
        assert 'id="dhs-2025-09-18-p11"' in html
        assert 'id="dhs-2025-09-18-p12"' not in html

    def test_source_text_verbatim(self, site: Path) -> None:
        """Every paragraph of the bundled text appears exactly, without typographic quotes."""
        text = (resources.files("g287") / "data" / SOURCE_FILE).read_text(encoding="utf-8")
        page = _html(site, "rules")
        for line in filter(None, map(str.strip, text.splitlines())):
            assert escape(line, quote=False).replace('"', "&quot;") in page

    def test_misquote_warns(self, tmp_path: Path) -> None:
        """A rule whose quote is not in the paragraph it cites is a warning."""
        body = ".. g287-source::\n   :policy: g287_test_variants:MISQUOTED\n"
        _app, warnings = _build(_project(tmp_path, body))
        assert "g287-source: R-OT quotes 'up to 30% of the salary', which is not in ¶7" in warnings

    def test_interpretations_table_marks_variant_choice(self, site: Path) -> None:
        """A variant's table shows its choice beside g287's default."""
        html = _html(site, "interpretations")
        assert html.count("(g287’s default:") == 1
        assert '<span class="pre">half-up</span></code> (g287’s default: <code' in html


class TestCliDirective:
    """``.. g287-cli::`` shows the help of the command and its subcommands."""

    def test_help_of_each_command(self, site: Path) -> None:
        """Every subcommand has a section with its usage line."""
        html = _html(site, "rules")
        for command in ("tiers", "award", "cap", "reimburse", "claim"):
            assert f"usage: g287 {command}" in html


class TestSetup:
    """The extension declares its version and parallel safety."""

    def test_metadata(self, tmp_path: Path) -> None:
        """setup() reports g287's version and that reading in parallel is safe."""
        app, _warnings = _build(_project(tmp_path, "Nothing.\n"))
        extension = app.extensions["g287.sphinxext"]
        assert extension.version == g287.__version__
        assert extension.parallel_read_safe is True
