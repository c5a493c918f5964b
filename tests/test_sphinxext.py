"""g287.sphinxext as a documentation author uses it: small Sphinx projects built in tmp_path.

Each project is built once per module (builds are slow) and the tests read what it made:

* ``site``: every directive, the built-in policy and two variants, pages citing ids with
  ``:g287:``, and g287's own docs mapped through intersphinx (a local inventory). It builds
  without a warning, with nitpicky references.
* ``faults``: one page per mistake an author can make, and the message each one earns.
* ``rebuilt``: read in parallel, then rebuilt after a page loses its table.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import posixpath
import re
import sys
import textwrap
import warnings
import zlib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pytest
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.inventory import InventoryFile

import g287
import g287.cli
from g287.sphinxext import SOURCE_FILE

#: The module of policy variants each project holds, and the in-memory one site's conf.py makes.
VARIANTS_MODULE = "g287_doc_variants"
INLINE_MODULE = "inline_policies"

VARIANTS = """
import attrs
from fractions import Fraction

import g287

_top, *_rest = g287.POLICY.tiers
# R-AWD-1 at $1,250, a cap of one eighth of salary, and rates rounded half up into the bands.
GENEROUS = attrs.evolve(
    g287.POLICY.choose("I-BAND", "half-up"),
    name="Generous",
    tiers=(attrs.evolve(_top, amount="1250"), *_rest),
    overtime_share=Fraction(1, 8),
)

# One more rule, citing another source.
_other = attrs.evolve(g287.SOURCE, id="OTHER-1", title="Another source")
_extra = g287.Rule(
    "R-XTRA", "Extra", "A rule of another source.", g287.Citation(_other, "\u00b61", "more")
)
EXTENDED = attrs.evolve(
    g287.POLICY, sources=(*g287.POLICY.sources, _other), rules=(*g287.POLICY.rules, _extra)
)

# EXTENDED with R-OT misquoted and R-SAL citing a paragraph the source does not have.
def _cited(rule, **change):
    return attrs.evolve(rule, citation=attrs.evolve(rule.citation, **change))

FAULTY = attrs.evolve(
    EXTENDED,
    rules=tuple(
        _cited(r, quote="up to 30% of the salary") if r.id == "R-OT"
        else _cited(r, locator="\u00b699") if r.id == "R-SAL"
        else r
        for r in EXTENDED.rules
    ),
)
"""

#: g287's own documentation, as intersphinx sees it: a rule label and an API function.
INVENTORY = b"""\
# Sphinx inventory version 2
# Project: g287
# Version: 0.1.0
# The remainder of this file is compressed using zlib.
""" + zlib.compress(
    b"r-eff std:label -1 policy.html#r-eff R-EFF: Effective date\n"
    b"g287.quarterly_award py:function 1 api.html#$ -\n"
)

CONF = """
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
extensions = ["g287.sphinxext"]
nitpicky = True
"""

SITE_CONF = (
    CONF
    + """
import types

import attrs

import g287

extensions.append("sphinx.ext.intersphinx")
intersphinx_mapping = {"g287": ("https://g287.example/", str(Path(__file__).parent / "g287.inv"))}

# A policy made in conf.py itself, held by a module that has no file.
_inline = types.ModuleType("inline_policies")
_inline.HALF_EVEN = attrs.evolve(g287.POLICY.choose("I-BAND", "half-even"), name="Half even")
sys.modules["inline_policies"] = _inline
"""
)


def _cite_all() -> str:
    ids = [rule.id for rule in g287.POLICY.rules] + list(g287.INTERPRETATIONS)
    return " ".join(f":g287:`{item_id}`" for item_id in ids)


SITE = {
    "index": """
        Site
        ====

        .. toctree::

           tables
           generous
           sections
           source
           cli
           citing
           everything
        """,
    "tables": """
        Tables
        ======

        .. g287-tiers::

        .. g287-interpretations::
        """,
    "generous": """
        Variants
        ========

        .. g287-tiers:: g287_doc_variants:GENEROUS

        .. g287-interpretations::
           :policy: g287_doc_variants:GENEROUS

        .. g287-tiers::
           :policy: inline_policies:HALF_EVEN
        """,
    "sections": """
        Sections
        ========

        .. g287-rule:: R-SAL

           Notes written by hand.

        .. g287-rule:: R-AWD-3

        .. g287-rule:: R-XTRA
           :policy: g287_doc_variants:EXTENDED

        .. g287-interpretation:: I-HEAD

           Four officers eligible on the last day:

           >>> 4 * 1000
           4000

        .. g287-interpretation:: I-RATE

        .. g287-interpretation:: I-BAND
           :policy: g287_doc_variants:GENEROUS
        """,
    "source": """
        Source
        ======

        .. g287-source::
        """,
    "cli": """
        Command line
        ============

        .. g287-cli::
        """,
    "citing": """
        Citing
        ======

        :g287:`R-AWD-1`, :g287:`the top tier <R-AWD-1>`, :g287:`R-SAL`, :g287:`I-BAND`,
        :g287:`I-CAPPRO`, :g287:`R-XTRA`, :g287:`R-EFF`, :py:func:`g287.quarterly_award`.
        """,
    "everything": f"""
        Every id
        ========

        {_cite_all()}
        """,
}

#: The mistakes an author can make: (case, page, what the page holds, the message it earns as
#: ``LEVEL: regex``). Each page holds one mistake; the two quote checks share a source table.
FAULTS = [
    ("undefined id", "undefined", "See :g287:`R-AWD-9`.", r"WARNING: g287: R-AWD-9 has no def"),
    ("malformed id", "malformed", "See :g287:`AWD-1`.", r"ERROR: .*'AWD-1' is not a rule or int"),
    ("spec without colon", "no-colon", ".. g287-tiers:: POLICY", r"ERROR: .*'POLICY' is not 'mod"),
    (
        "spec without module",
        "no-module",
        ".. g287-interpretations::\n   :policy: :POLICY",
        r"ERROR: .*':POLICY' is not 'module:",
    ),
    ("unknown module", "module", ".. g287-tiers:: no_such:POLICY", r"ERROR: .*'no_such:POLICY' c"),
    (
        "unknown attribute",
        "attribute",
        ".. g287-source::\n   :policy: g287:NOPE",
        r"ERROR: .*'g287:NOPE' cannot be loaded",
    ),
    ("not a policy", "not-policy", ".. g287-tiers:: g287:SOURCE", r"ERROR: .*'g287:SOURCE' is a"),
    (
        "policy named twice",
        "twice",
        ".. g287-tiers:: g287:POLICY\n   :policy: g287_doc_variants:GENEROUS",
        r"ERROR: g287-tiers: name the policy once",
    ),
    ("unknown rule", "rule", ".. g287-rule:: R-NOPE", r"ERROR: g287-rule: .*'R-NOPE'"),
    (
        "unknown interpretation",
        "interpretation",
        ".. g287-interpretation:: I-NOPE",
        r"ERROR: .*'I-NOPE' is not an interpretation",
    ),
    (
        "quote not in its paragraph",
        "source",
        ".. g287-source::\n   :policy: g287_doc_variants:FAULTY",
        r"WARNING: g287-source: R-OT quotes 'up to 30% of the salary', which is not in ¶7",
    ),
    ("paragraph past the end", "source", "", r"WARNING: g287-source: R-SAL cites ¶99, but the "),
    # Other domains' missing links keep Sphinx's own warnings.
    ("missing label", "label", "See :ref:`nowhere`.", r"WARNING: undefined label: 'nowhere'"),
    ("missing any", "any", "See :any:`nowhere`.", r"WARNING: 'any' reference target not found"),
]

_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


class Built(NamedTuple):
    """A built project: the application and its warnings (paths relative to the project)."""

    app: Sphinx
    warnings: list[str]

    def doctree(self, page: str) -> nodes.document:
        """The page as written: links resolved."""
        builder = self.app.builder
        return self.app.env.get_and_resolve_doctree(page, builder, tags=builder.tags)


@contextlib.contextmanager
def restored_imports() -> Iterator[None]:
    """Undo what a project's conf.py did: its sys.path entry and the variants it imported."""
    saved = list(sys.path)
    try:
        yield
    finally:
        sys.path[:] = saved
        for module in (VARIANTS_MODULE, INLINE_MODULE):
            sys.modules.pop(module, None)


def write(src: Path, pages: dict[str, str], conf: str = CONF) -> None:
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(textwrap.dedent(conf), encoding="utf-8")
    (src / f"{VARIANTS_MODULE}.py").write_text(VARIANTS, encoding="utf-8")
    for name, text in pages.items():
        (src / f"{name}.rst").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def build(src: Path, *, parallel: int = 1, fresh: bool = True) -> Built:
    """Build ``src`` as HTML (reading with ``parallel`` processes)."""
    stream = io.StringIO()
    with restored_imports(), patch_docutils(src), docutils_namespace(), warnings.catch_warnings():
        # Sphinx reads in parallel by forking; Python 3.12 and later warn about forking a
        # process with threads, as a pytest-xdist worker is.
        warnings.filterwarnings(
            "ignore", r".* use of fork\(\) may lead to deadlocks", DeprecationWarning
        )
        app = Sphinx(
            src,
            src,
            src.parent / "html",
            src.parent / "doctrees",
            "html",
            status=None,
            warning=stream,
            freshenv=fresh,
            parallel=parallel,
        )
        app.build()
    lines = _COLOUR.sub("", stream.getvalue()).replace(f"{src}{os.sep}", "").splitlines()
    return Built(app, lines)


# --- reading what was built -----------------------------------------------------------------------


def tables(doctree: nodes.document, kind: str) -> list[list[list[str]]]:
    """The body rows (cell texts) of each table of class ``kind``, in page order."""
    return [
        [[cell.astext() for cell in row.children] for row in table.findall(nodes.row)][1:]
        for table in doctree.findall(nodes.table)
        if kind in table["classes"]
    ]


def notes(doctree: nodes.document) -> list[str]:
    """The notes below each tiers table: how the policy reads the award's rules."""
    return [
        paragraph.astext()
        for paragraph in doctree.findall(nodes.paragraph)
        if "g287-tiers-notes" in paragraph["classes"]
    ]


def plain(text: str) -> str:
    """``text`` with the typographic quotes Sphinx puts into prose made plain again."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def section(doctree: nodes.document, label: str) -> nodes.section:
    """The section that is the label ``label``."""
    (found,) = (s for s in doctree.findall(nodes.section) if label in s["ids"])
    return found


def fields(part: nodes.Element) -> dict[str, str]:
    """The ``name: body`` fields of a section's field list."""
    return {field[0].astext(): field[1].astext() for field in part.findall(nodes.field)}


def target(reference: nodes.reference) -> str:
    """Where a link goes: ``page.html#anchor``, ``#anchor`` on the same page, or a URL."""
    return str(reference.get("refuri") or f"#{reference['refid']}")


# --- the projects ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The clean project, built with a 200-column terminal."""
    src = tmp_path_factory.mktemp("site") / "src"
    write(src, SITE, SITE_CONF)
    (src / "g287.inv").write_bytes(INVENTORY)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COLUMNS", "200")
        return build(src)


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A page per mistake of FAULTS."""
    src = tmp_path_factory.mktemp("faults") / "src"
    pages = {page: f"{page}\n{'=' * len(page)}\n\n{body}\n" for _, page, body, _ in FAULTS if body}
    pages["index"] = "Faults\n======\n\n.. toctree::\n\n" + "".join(f"   {p}\n" for p in pages)
    write(src, pages)
    return build(src)


class Rebuilt(NamedTuple):
    """A project read in parallel, and its warnings when rebuilt after a page lost its table."""

    first: Built
    rows: dict[str, list[tuple[int, str, str]]]
    rebuilt: Built


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Rebuilt:
    """Read by two processes: five pages make three chunks, so the last is read by a process
    forked after the first chunk's results were merged."""
    src = tmp_path_factory.mktemp("rebuilt") / "src"
    pages = {
        "index": "Site\n====\n\n.. toctree::\n\n   a\n   b\n   c\n   d\n",
        "a": "A\n=\n\n.. g287-interpretations::\n",
        "b": "B\n=\n\n.. g287-interpretations::\n",
        "c": "C\n=\n\n.. g287-tiers::\n\nSee :g287:`R-AWD-1`.\n",
        "d": "D\n=\n\nSee :g287:`I-BAND` and :g287:`R-AWD-1`.\n",
    }
    write(src, pages)
    first = build(src, parallel=2)
    domain = first.app.env.domains["g287"]
    rows = {item: sorted(found) for item, found in domain.data["targets"].items()}
    page = src / "c.rst"
    page.write_text("C\n=\n\nSee :g287:`R-AWD-1`.\n", encoding="utf-8")
    later = page.stat().st_mtime + 10  # newer than the first build, however coarse the clock
    os.utime(page, (later, later))
    return Rebuilt(first, rows, build(src, fresh=False))


def test_site_builds_cleanly(site: Built) -> None:
    """A project using every directive and citing every id builds without a warning."""
    assert site.warnings == []
    assert site.app.statuscode == 0


# --- the tables -----------------------------------------------------------------------------------


def _quoted(rule_id: str) -> str:
    citation = g287.POLICY.rule(rule_id).citation
    return f"{citation.source.id} {citation.locator}: \u201c{citation.quote}\u201d"


class TestTiers:
    """``.. g287-tiers::`` shows a policy's award tiers and overtime cap, from the policy."""

    def test_builtin_tiers(self, site: Built) -> None:
        """Each tier's row holds its rule id, band, amount and the quoted passage (R-AWD, ¶8)."""
        (tiers,) = tables(site.doctree("tables"), "g287-tiers")
        assert tiers == [
            ["R-AWD-1", "90%-100%", "$1,000.00", _quoted("R-AWD-1")],
            ["R-AWD-2", "80%-89%", "$750.00", _quoted("R-AWD-2")],
            ["R-AWD-3", "70%-79%", "$500.00", _quoted("R-AWD-3")],
        ]
        assert "“90% - 100% - $1,000 per eligible task force officer”" in tiers[0][3]

    def test_builtin_overtime_cap(self, site: Built) -> None:
        """The cap's row states 25% of annual base salary and its readings (R-OT, ¶7)."""
        ((rule, basis, cited),) = tables(site.doctree("tables"), "g287-overtime-cap")[0]
        assert rule == "R-OT"
        assert basis.startswith("25% of the officer’s annual base salary (I-CAPBASE)")
        assert basis.endswith("proration: none (I-CAPPRO)")
        assert cited == _quoted("R-OT")

    def test_variant_named_as_argument(self, site: Built) -> None:
        """A variant named ``module:attribute`` renders its own amounts, cap and choices."""
        doctree = site.doctree("generous")
        tiers = tables(doctree, "g287-tiers")[0]
        assert [row[2] for row in tiers] == ["$1,250.00", "$750.00", "$500.00"]
        ((_, basis, _),) = tables(doctree, "g287-overtime-cap")[0]
        assert basis.startswith("12.5% of the officer’s annual base salary")
        assert notes(doctree)[0].startswith(
            "Rates are placed in the whole-percent bands by half-up"
        )

    def test_variant_named_as_option(self, site: Built) -> None:
        """``:policy:`` names the policy too, here one held by a module without a file."""
        doctree = site.doctree("generous")
        captions = [table[0].astext() for table in doctree.findall(nodes.table)]
        assert "Overtime cap (R-OT): Half even [unregistered]" in captions
        assert notes(doctree)[1].startswith(
            "Rates are placed in the whole-percent bands by half-even"
        )

    def test_builtin_notes(self, site: Built) -> None:
        """Below the tiers, the built-in policy's readings of I-BAND, I-BELOW and I-HEAD."""
        (shown,) = notes(site.doctree("tables"))
        assert shown == (
            "Rates are placed in the whole-percent bands by truncate (I-BAND). Below 70% there is "
            "no award; a quarter without leads: no-award (I-BELOW). Officers counted: last-day "
            "(I-HEAD)."
        )


class TestInterpretationsTable:
    """``.. g287-interpretations::`` lists every interpretation and the policy's choice."""

    def test_row_per_interpretation(self, site: Built) -> None:
        """Id, question, default and alternatives of each interpretation, in catalogue order."""
        (rows,) = tables(site.doctree("tables"), "g287-interpretations")
        assert [[plain(cell) for cell in row[:3]] for row in rows] == [
            [item.id, plain(item.question), plain(item.default)]
            for item in g287.INTERPRETATIONS.values()
        ]
        shown = dict(zip(g287.INTERPRETATIONS, rows, strict=True))
        assert shown["I-RATE"][3:] == ["none", "fixed"]
        assert shown["I-BAND"][4] == "truncate"
        alternatives = g287.INTERPRETATIONS["I-BAND"].alternatives
        assert plain(shown["I-BAND"][3]).split("\n\n") == [str(o) for o in alternatives]

    def test_variant_choice_beside_default(self, site: Built) -> None:
        """A variant's table shows its choice, and g287's default where they differ."""
        (rows,) = tables(site.doctree("generous"), "g287-interpretations")
        chosen = {row[0]: row[4] for row in rows}
        assert chosen["I-BAND"] == "half-up (g287’s default: truncate)"
        assert chosen["I-HEAD"] == "last-day"
        assert sum("default" in choice for choice in chosen.values()) == 1


class TestSource:
    """``.. g287-source::`` shows the bundled release paragraph by paragraph, with its citers."""

    def test_paragraphs_and_citers(self, site: Built) -> None:
        """A row per non-empty line of the text, verbatim, with the rules citing it."""
        text = (resources.files("g287") / "data" / SOURCE_FILE).read_text(encoding="utf-8")
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        (rows,) = tables(site.doctree("source"), "g287-source")
        assert [row[:2] for row in rows] == [
            [f"¶{n}", paragraph] for n, paragraph in enumerate(paragraphs, start=1)
        ]
        citers = {row[0]: row[2] for row in rows if row[2]}
        assert citers == {
            "¶6": "R-EFF",
            "¶7": "R-SAL, R-OT",
            "¶8": "R-AWD, R-AWD-1, R-AWD-2, R-AWD-3",
        }

    def test_rules_of_another_source_are_left_out(self, faults: Built) -> None:
        """A rule citing another source is not placed in this text."""
        (rows,) = tables(faults.doctree("source"), "g287-source")
        assert all("R-XTRA" not in row[2] for row in rows)
        assert any("R-OT" in row[2] for row in rows)  # misquoted, but shown: the build warns


# --- the sections ---------------------------------------------------------------------------------


class TestRuleSection:
    """``.. g287-rule::`` defines a rule: statement, quoted source, readings, the author's text."""

    def test_rule_read_by_interpretations(self, site: Built) -> None:
        """R-SAL's section states it, quotes ¶7, links the interpretations reading it and keeps
        the directive's content."""
        part = section(site.doctree("sections"), "r-sal")
        rule = g287.POLICY.rule("R-SAL")
        assert part[0].astext() == "R-SAL: Salary and benefits"
        assert part[1].astext() == rule.statement
        assert part[2].astext() == f"\u201c{rule.citation.quote}\u201d\n\nDHS-2025-09-18 ¶7"
        readers = [i.id for i in g287.INTERPRETATIONS.values() if i.rule_id == "R-SAL"]
        assert part[3].astext() == f"Read with: {', '.join(readers)}."
        assert part[4].astext() == "Notes written by hand."
        (quote_link,) = part[2].findall(nodes.reference)
        assert target(quote_link) == "source.html#dhs-2025-09-18-p7"

    def test_rule_nobody_reads(self, site: Built) -> None:
        """A rule no interpretation reads has no 'Read with' line."""
        part = section(site.doctree("sections"), "r-awd-3")
        assert "Read with" not in part.astext()
        assert "$500" in part.astext()

    def test_rule_of_a_variant(self, site: Built) -> None:
        """A rule only a variant has is defined from that variant."""
        part = section(site.doctree("sections"), "r-xtra")
        assert part[1].astext() == "A rule of another source."


class TestInterpretationSection:
    """``.. g287-interpretation::`` defines an interpretation and shows how to choose another."""

    def test_fields_and_worked_example(self, site: Built) -> None:
        """I-HEAD's section: default, alternatives, the rule it reads, the option the policy
        takes and how to select the others, then the author's worked example."""
        part = section(site.doctree("sections"), "i-head")
        item = g287.INTERPRETATIONS["I-HEAD"]
        shown = fields(part)
        assert list(shown) == ["Default", "Alternatives", "Reads", "This policy", "Select"]
        assert plain(shown["Default"]) == item.default
        assert shown["Alternatives"] == str(item.alternatives[0])
        assert shown["Reads"].startswith("R-AWD, DHS-2025-09-18 ¶8: “")
        assert shown["This policy"] == "last-day (the attribute headcount)"
        assert shown["Select"] == (
            ">>> import g287\n"
            '>>> g287.POLICY.choose("I-HEAD", "any-day").choices["I-HEAD"]\n'
            "'any-day'"
        )
        assert "Worked example\n\nFour officers eligible on the last day:" in part.astext()

    def test_fixed_reading(self, site: Built) -> None:
        """An interpretation with no alternatives says so, and offers nothing to select."""
        part = section(site.doctree("sections"), "i-rate")
        shown = fields(part)
        assert list(shown) == ["Default", "Alternatives", "Reads"]
        assert plain(shown["Default"]) == g287.INTERPRETATIONS["I-RATE"].default
        assert shown["Alternatives"] == "None: g287 implements this one reading."
        assert shown["Reads"] == f"R-AWD, {_quoted('R-AWD')}"
        assert "Worked example" not in part.astext()

    def test_variant(self, site: Built) -> None:
        """Under a variant, the section shows its option and selects from it by name."""
        shown = fields(section(site.doctree("sections"), "i-band"))
        assert shown["This policy"] == "half-up (the attribute band_rounding)"
        assert shown["Select"].splitlines() == [
            ">>> import g287_doc_variants",
            '>>> g287_doc_variants.GENEROUS.choose("I-BAND", "truncate").choices["I-BAND"]',
            "'truncate'",
            '>>> g287_doc_variants.GENEROUS.choose("I-BAND", "half-even").choices["I-BAND"]',
            "'half-even'",
        ]

    def test_examples_run(self, site: Built) -> None:
        """Every example on the page, generated or written by hand, runs as shown."""
        blocks = list(site.doctree("sections").findall(nodes.doctest_block))
        assert len(blocks) == 3
        parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(verbose=False)
        with restored_imports():
            sys.path.insert(0, str(site.app.srcdir))
            for n, block in enumerate(blocks):
                runner.run(parser.get_doctest(block.astext(), {}, f"block {n}", None, 0))
        assert runner.summarize(verbose=False) == doctest.TestResults(failed=0, attempted=6)


def _help(*args: str) -> str:
    """What ``g287 ARGS --help`` prints."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        g287.cli.main([*args, "--help"])
    return out.getvalue().rstrip()


class TestCli:
    """``.. g287-cli::`` shows the help of ``g287`` and of each subcommand."""

    def test_help_of_each_command(self, site: Built) -> None:
        """The command's help, then a section per subcommand with its help, 90 columns wide
        whatever the terminal that built the page (here 200 columns)."""
        page = section(site.doctree("cli"), "command-line")
        subcommands = list(page.findall(nodes.section))[1:]
        names = ["tiers", "award", "cap", "reimburse", "claim", "check", "template", "verify"]
        assert [s[0].astext() for s in subcommands] == [f"g287 {name}" for name in names]
        with pytest.MonkeyPatch.context() as env:
            env.setenv("COLUMNS", "92")  # argparse wraps at the terminal's width less 2
            assert page[1].astext() == _help()
            assert [s[1].astext() for s in subcommands] == [_help(name) for name in names]


# --- links ----------------------------------------------------------------------------------------


class TestLinks:
    """Every id is a link target, and ``:g287:`` links to the nearest definition."""

    def test_every_id_links(self, site: Built) -> None:
        """``:g287:`` resolves every rule and interpretation id of the built-in policy."""
        references = list(site.doctree("everything").findall(nodes.reference))
        shown = [r.astext() for r in references]
        assert shown == [rule.id for rule in g287.POLICY.rules] + list(g287.INTERPRETATIONS)
        assert all(target(r) for r in references)

    def test_where_links_go(self, site: Built) -> None:
        """A section (or any label named as the id) first, else a table row, the built-in
        policy's before a variant's, else g287's own docs through intersphinx; other roles
        still reach intersphinx too."""
        references = site.doctree("citing").findall(nodes.reference)
        assert [(r.astext(), target(r)) for r in references] == [
            ("R-AWD-1", "tables.html#g287-tiers-0-r-awd-1"),
            ("the top tier", "tables.html#g287-tiers-0-r-awd-1"),
            ("R-SAL", "sections.html#r-sal"),
            ("I-BAND", "sections.html#i-band"),
            ("I-CAPPRO", "tables.html#g287-interpretations-0-i-cappro"),
            ("R-XTRA", "sections.html#r-xtra"),
            ("R-EFF", "https://g287.example/policy.html#r-eff"),
            ("g287.quarterly_award()", "https://g287.example/api.html#g287.quarterly_award"),
        ]

    def test_tooltip_states_the_rule(self, site: Built) -> None:
        """A link's title states a built-in rule or asks an interpretation's question; an id
        g287 does not know has none."""
        titles = {
            r.astext(): r.get("reftitle") for r in site.doctree("citing").findall(nodes.reference)
        }
        assert titles["R-SAL"] == f"R-SAL: {g287.POLICY.rule('R-SAL').statement}"
        assert titles["I-BAND"] == f"I-BAND: {g287.INTERPRETATIONS['I-BAND'].question}"
        assert titles["R-XTRA"] is None

    def test_table_cells_link_elsewhere(self, site: Built) -> None:
        """An id in a table links to its definition elsewhere, never to its own row."""
        for page in ("tables", "generous"):
            for row in site.doctree(page).findall(nodes.row):
                for reference in row.findall(nodes.reference):
                    assert reference.get("refid") not in row["ids"]
        tiers = next(site.doctree("tables").findall(nodes.table))
        assert {target(r) for r in tiers.findall(nodes.reference) if r.astext() == "R-AWD-3"} == {
            "sections.html#r-awd-3"
        }

    def test_labels_for_other_projects(self, site: Built) -> None:
        """Sections and source paragraphs are labels in objects.inv, for intersphinx."""
        with (Path(site.app.outdir) / "objects.inv").open("rb") as stream:
            labels = InventoryFile.load(stream, "", posixpath.join)["std:label"]
        paragraphs = {f"dhs-2025-09-18-p{n}" for n in range(1, 12)}
        assert {"r-sal", "r-awd-3", "i-head", "i-rate", "i-band", *paragraphs} <= set(labels)
        assert labels["r-sal"].display_name == "R-SAL: Salary and benefits"


# --- mistakes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "message"),
    [(page, message) for _, page, _, message in FAULTS],
    ids=[case for case, *_ in FAULTS],
)
def test_refusals(faults: Built, page: str, message: str) -> None:
    """Each mistake is reported at the line of the page that makes it, as an error when
    nothing can be shown and as a warning when the page can still be built."""
    assert any(re.fullmatch(rf"{page}\.rst:4: {message}.*", line) for line in faults.warnings), (
        faults.warnings
    )


def test_nothing_else_is_reported(faults: Built) -> None:
    """The faulty pages earn exactly their own messages."""
    assert len(faults.warnings) == len(FAULTS)


# --- parallel reading and rebuilding --------------------------------------------------------------


class TestParallelAndRebuild:
    """The extension reads in parallel and forgets what a page no longer shows."""

    def test_metadata(self, site: Built) -> None:
        """setup() declares g287's version and that reading and writing in parallel are safe."""
        extension = site.app.extensions["g287.sphinxext"]
        assert extension.version == g287.__version__
        assert extension.parallel_read_safe is True
        assert extension.parallel_write_safe is True

    def test_parallel_read(self, rebuilt: Rebuilt) -> None:
        """Read by two processes, the project links as a serial build would, and records each
        table row once."""
        assert rebuilt.first.warnings == []
        references = rebuilt.first.doctree("d").findall(nodes.reference)
        assert [target(r) for r in references] == [
            "a.html#g287-interpretations-0-i-band",
            "c.html#g287-tiers-0-r-awd-1",
        ]
        assert rebuilt.rows["I-BAND"] == [
            (0, "a", "g287-interpretations-0-i-band"),
            (0, "b", "g287-interpretations-0-i-band"),
        ]
        assert rebuilt.rows["R-AWD-1"] == [(0, "c", "g287-tiers-0-r-awd-1")]

    def test_page_rebuilt_without_its_table(self, rebuilt: Rebuilt) -> None:
        """Rebuilt without its table, a page's rows are no longer link targets."""
        (warning,) = rebuilt.rebuilt.warnings
        assert warning.startswith("c.rst:4: WARNING: g287: R-AWD-1 has no definition")
