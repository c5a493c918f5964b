"""The exact output of ``.. g287-tiers::``: both tables, the notes between them, and their links.

One page is built once a module: a variant policy's tiers (``g287-tiers-0``), then the built-in
policy's (``g287-tiers-1``), then an interpretations table (so the notes' interpretation ids
have rows to link to), then a paragraph citing ids with ``:g287:``. The tests read the page's
doctree as read (links still ``pending_xref``) and as resolved, node by node, and compare them
with what the policy objects say the page must show.
"""

from __future__ import annotations

import sys
from typing import NamedTuple, TypeVar

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

import g287
import scopes
from g287.money import format_money, format_percent
from g287.sphinxext import _table, _text_cell, _xref
from test_sphinxext import CONF, _build, _write, restored_imports

# Without typographic quotes the doctree holds the directive's text exactly as generated (the
# overtime cap's text has an apostrophe: "the officer's annual base salary").
TIERS_CONF = CONF + "smartquotes = False\n"

#: A variant that differs from the built-in policy wherever the directive shows a policy value:
#: its name, the top tier's amount, every reading the notes and the cap show, and the cap.
TIERS_VARIANTS = """
from fractions import Fraction

import attrs

import g287

_chosen = (
    g287.POLICY.choose("I-BAND", "half-even")
    .choose("I-BELOW", "error")
    .choose("I-HEAD", "any-day")
    .choose("I-CAPPRO", "by-eligible-days")
)
_schedule = _chosen.award_schedule
_top, *_rest = _schedule.tiers
VARIANT = attrs.evolve(
    _chosen,
    name="A test variant",
    award_schedule=attrs.evolve(_schedule, tiers=(attrs.evolve(_top, amount="1250"), *_rest)),
    overtime_cap=attrs.evolve(_chosen.overtime_cap, fraction=Fraction(1, 8)),
)
"""

# The variant's tables come first, so only the ranks (built-in policy 0, a variant 1) can make a
# link prefer the built-in tables: in a tie the first anchor ("g287-tiers-0-…") would win.
PAGE = """
Page
====

.. g287-tiers:: g287_tiers_variants:VARIANT

.. g287-tiers::

.. g287-interpretations::

The top tier is :g287:`R-AWD-1`, the award :g287:`R-AWD`, the cap :g287:`R-OT`.
"""
VARIANT_BASE = "g287-tiers-0"
BUILTIN_BASE = "g287-tiers-1"
INTERPRETATIONS_BASE = "g287-interpretations-0"

# A directive that makes an id the way Sphinx's make_id does for another extension's nodes: from
# the document's serial numbers of the prefix given as its argument.
MADE_ID_CONF = (
    TIERS_CONF
    + '''
from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id


class MadeId(SphinxDirective):
    """A target whose id make_id draws from the serial numbers of the prefix given."""

    required_arguments = 1

    def run(self):
        node_id = make_id(self.env, self.state.document, self.arguments[0])
        return [nodes.paragraph(node_id, node_id, ids=[node_id])]


def setup(app):
    app.add_directive("made-id", MadeId)
'''
)
NUMBERED = """
Page
====

.. made-id:: g287-tiers

.. g287-tiers::

.. made-id:: g287-tiers

.. g287-tiers::

.. made-id:: g287-interpretations

.. g287-interpretations::

.. made-id:: g287-interpretations

.. g287-interpretations::
"""


class Built(NamedTuple):
    """A built one-page project: the application, the page's doctree read and resolved, and
    the variant policy the page imported (None if it imported none)."""

    app: Sphinx
    read: nodes.document
    resolved: nodes.document
    variant: g287.Policy | None


def _built(tmp_path_factory: pytest.TempPathFactory, body: str, conf: str) -> Built:
    """Build a page of ``body`` (with the variants module) as HTML, without warnings."""
    src = tmp_path_factory.mktemp("tiers") / "src"
    _write(src, {"index": body}, conf)
    (src / "g287_tiers_variants.py").write_text(TIERS_VARIANTS, encoding="utf-8")
    with restored_imports("g287_tiers_variants"):
        app, warnings = _build(src)
        read = app.env.get_doctree("index")
        resolved = app.env.get_and_resolve_doctree("index", app.builder, tags=app.builder.tags)
        imported = sys.modules.get("g287_tiers_variants")
        variant = None if imported is None else imported.VARIANT
    assert warnings == ""
    assert app.statuscode == 0
    return Built(app, read, resolved, variant)


@pytest.fixture(scope=scopes.shared)
def page(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The variant's tiers, the built-in policy's tiers, interpretations, then cited ids."""
    return _built(tmp_path_factory, PAGE, TIERS_CONF)


@pytest.fixture(scope=scopes.shared)
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Two tiers and two interpretations tables, each after an id that make_id draws with the
    table's prefix (g287-tiers, g287-interpretations)."""
    return _built(tmp_path_factory, NUMBERED, MADE_ID_CONF)


E = TypeVar("E", bound=nodes.Element)


def _only(node: nodes.Node, kind: type[E]) -> E:
    """The single child of ``node``, checked to be a ``kind``."""
    assert isinstance(node, nodes.Element)
    assert [type(child) for child in node.children] == [kind]
    child = node[0]
    assert isinstance(child, kind)
    return child


class Shown(NamedTuple):
    """One g287-tiers directive's output: its container and the container's three parts."""

    container: nodes.container
    tiers: nodes.table
    notes: nodes.paragraph
    overtime: nodes.table


def _shown(doctree: nodes.document) -> list[Shown]:
    """Each g287-tiers container of the page, in order, split into its parts."""
    section = doctree.next_node(nodes.section)
    assert isinstance(section, nodes.section)
    found = []
    for container in section.children:
        if isinstance(container, nodes.container):
            assert [type(child) for child in container.children] == [
                nodes.table,
                nodes.paragraph,
                nodes.table,
            ]
            tiers, notes, overtime = container.children
            assert isinstance(tiers, nodes.table)
            assert isinstance(notes, nodes.paragraph)
            assert isinstance(overtime, nodes.table)
            found.append(Shown(container, tiers, notes, overtime))
    return found


def _tiers_pages(built: Built) -> list[tuple[Shown, g287.Policy, str, str]]:
    """The page's two g287-tiers outputs (as read) with policy, base id and the other's base."""
    shown = _shown(built.read)
    assert len(shown) == 2
    variant = built.variant
    assert isinstance(variant, g287.Policy)
    assert variant is not g287.POLICY
    return [
        (shown[0], variant, VARIANT_BASE, BUILTIN_BASE),
        (shown[1], g287.POLICY, BUILTIN_BASE, VARIANT_BASE),
    ]


def _tgroup(table: nodes.table) -> nodes.tgroup:
    assert [type(child) for child in table.children] == [nodes.title, nodes.tgroup]
    tgroup = table[1]
    assert isinstance(tgroup, nodes.tgroup)
    return tgroup


def _widths(tgroup: nodes.tgroup) -> list[int]:
    """The colwidth of each colspec of ``tgroup``, in order."""
    return [spec["colwidth"] for spec in tgroup.children if isinstance(spec, nodes.colspec)]


def _body_rows(table: nodes.table) -> list[nodes.row]:
    tbody = _tgroup(table).children[-1]
    assert isinstance(tbody, nodes.tbody)
    rows = [row for row in tbody.children if isinstance(row, nodes.row)]
    assert len(rows) == len(tbody.children)
    return rows


def _cells(row: nodes.row) -> list[nodes.paragraph]:
    """The paragraph of each cell of ``row`` (each cell holds exactly one)."""
    return [_only(entry, nodes.paragraph) for entry in row.children]


Part = tuple[str, ...]


def _parts(paragraph: nodes.Element) -> list[Part]:
    """The children of a generated paragraph: text, code, emphasis, and links as
    ``(reftype, reftarget, text shown, table named)``."""
    parts: list[Part] = []
    for child in paragraph.children:
        if isinstance(child, nodes.Text):
            parts.append(("text", child.astext()))
        elif isinstance(child, nodes.literal):
            parts.append(("code", child.astext()))
        elif isinstance(child, nodes.emphasis):
            parts.append(("emphasis", child.astext()))
        elif isinstance(child, addnodes.pending_xref):
            table = child.get("g287_table", "<none>")
            parts.append((child["reftype"], child["reftarget"], child.astext(), str(table)))
        else:
            parts.append((type(child).__name__, child.astext()))
    return parts


def _id(item_id: str, base: str) -> Part:
    """A quiet link to ``item_id``, shown as the id, from the table ``base``."""
    return ("id", item_id, item_id, base)


def _label(citation: g287.Citation) -> str:
    """The label of the source paragraph a citation points at."""
    return f"{citation.source.id.lower()}-p{citation.locator.removeprefix('¶')}"


def _cite(citation: g287.Citation, base: str) -> list[Part]:
    """``DHS-2025-09-18 ¶8: “quote”``, the locator a label link from the table ``base``."""
    where = f"{citation.source.id} {citation.locator}"
    return [
        ("label", _label(citation), where, base),
        ("text", ": "),
        ("emphasis", f"\u201c{citation.quote}\u201d"),
    ]


def _notes(policy: g287.Policy, base: str) -> list[Part]:
    """The notes paragraph: band rounding, no-leads and headcount readings, each with its id."""
    schedule = policy.award_schedule
    return [
        ("text", "Rates are placed in the whole-percent bands by "),
        ("code", schedule.band_rounding.value),
        ("text", " ("),
        _id("I-BAND", base),
        ("text", f"). Below {schedule.lowest.low}% there is no award; a quarter without leads: "),
        ("code", schedule.no_leads.value),
        ("text", " ("),
        _id("I-BELOW", base),
        ("text", "). Officers counted: "),
        ("code", schedule.headcount.value),
        ("text", " ("),
        _id("I-HEAD", base),
        ("text", ")."),
    ]


def _basis(policy: g287.Policy, base: str) -> list[Part]:
    """The overtime cap's middle cell: fraction, base, year, rounding, proration, with ids."""
    cap = policy.overtime_cap
    return [
        ("text", f"{format_percent(cap.fraction)} of the officer's annual base salary ("),
        _id("I-CAPBASE", base),
        ("text", "), per federal fiscal year ("),
        _id("I-CAPYEAR", base),
        ("text", "), rounded down to the cent ("),
        _id("I-CENT", base),
        ("text", "); proration: "),
        ("code", cap.proration.value),
        ("text", " ("),
        _id("I-CAPPRO", base),
        ("text", ")"),
    ]


class TestFrame:
    """The container of ``.. g287-tiers::`` and the frame of its two tables."""

    def test_container(self, page: Built) -> None:
        """g287-tiers gives one container of class g287-policy: the tiers table (class
        g287-tiers), the notes paragraph (class g287-tiers-notes), the overtime cap table
        (class g287-overtime-cap)."""
        for shown, _policy, _base, _other in _tiers_pages(page):
            assert shown.container["classes"] == ["g287-policy"]
            assert shown.tiers["classes"] == ["g287", "g287-tiers"]
            assert shown.notes["classes"] == ["g287-tiers-notes"]
            assert shown.overtime["classes"] == ["g287", "g287-overtime-cap"]

    def test_base_ids_numbered_on_the_page(self, page: Built) -> None:
        """The tiers table's id is its base, g287-tiers-N, N counting g287-tiers directives on
        the page from 0."""
        for shown, _policy, base, _other in _tiers_pages(page):
            assert shown.tiers["ids"] == [base]
            assert shown.container["ids"] == []

    def test_tiers_table_frame(self, page: Built) -> None:
        """The R-AWD tiers table: a title naming the policy, four columns of widths
        12, 14, 14, 60 headed Rule, Location rate, Per officer, Source."""
        for shown, policy, _base, _other in _tiers_pages(page):
            title = shown.tiers[0]
            assert isinstance(title, nodes.title)
            award = policy.rule("R-AWD").title
            assert title.astext() == (
                f"{award} (R-AWD) per eligible task force officer: {policy.name}"
            )
            tgroup = _tgroup(shown.tiers)
            assert tgroup["cols"] == 4
            assert [type(child) for child in tgroup.children] == [
                *[nodes.colspec] * 4,
                nodes.thead,
                nodes.tbody,
            ]
            assert _widths(tgroup) == [12, 14, 14, 60]
            head = _only(tgroup.children[4], nodes.row)
            assert [cell.astext() for cell in _cells(head)] == [
                "Rule",
                "Location rate",
                "Per officer",
                "Source",
            ]

    def test_overtime_table_frame(self, page: Built) -> None:
        """The R-OT overtime cap table: a title naming the policy, three columns of widths
        12, 48, 40 headed Rule, Reimbursed overtime is at most, Source."""
        for shown, policy, _base, _other in _tiers_pages(page):
            title = shown.overtime[0]
            assert isinstance(title, nodes.title)
            assert title.astext() == f"{policy.rule('R-OT').title} (R-OT): {policy.name}"
            tgroup = _tgroup(shown.overtime)
            assert tgroup["cols"] == 3
            assert [type(child) for child in tgroup.children] == [
                *[nodes.colspec] * 3,
                nodes.thead,
                nodes.tbody,
            ]
            assert _widths(tgroup) == [12, 48, 40]
            head = _only(tgroup.children[3], nodes.row)
            assert [cell.astext() for cell in _cells(head)] == [
                "Rule",
                "Reimbursed overtime is at most",
                "Source",
            ]

    def test_generated_nodes_have_no_source_text(self, page: Built) -> None:
        """The table heads and cells g287-tiers generates carry no reStructuredText source
        (rawsource ""): they are made from the policy, not parsed from the page."""
        for shown, _policy, _base, _other in _tiers_pages(page):
            for table in (shown.tiers, shown.overtime):
                heads = list(table.findall(nodes.thead))
                assert len(heads) == 1
                assert heads[0].rawsource == ""
                entries = list(table.findall(nodes.entry))
                assert len(entries) in {4 + 4 * 3, 3 + 3}
                assert [entry.rawsource for entry in entries] == [""] * len(entries)


class TestTierRows:
    """The rows of the R-AWD tiers table: one per award tier (R-AWD-1 …)."""

    def test_row_per_tier(self, page: Built) -> None:
        """One row per tier of the policy's award schedule, in order, anchored at
        <base>-r-awd-N: the rule id, the band, the amount, and the cited passage."""
        for shown, policy, base, _other in _tiers_pages(page):
            tiers = policy.award_schedule.tiers
            rows = _body_rows(shown.tiers)
            assert [row["ids"] for row in rows] == [
                [f"{base}-{tier.rule_id.lower()}"] for tier in tiers
            ]
            for row, tier in zip(rows, tiers, strict=True):
                rule, band, amount, source = _cells(row)
                assert _parts(rule) == [_id(tier.rule_id, base)]
                assert band.astext() == tier.band
                assert amount.astext() == format_money(tier.amount)
                assert _parts(source) == _cite(policy.rule(tier.rule_id).citation, base)

    def test_builtin_rows_literally(self, page: Built) -> None:
        """The built-in policy's R-AWD-1 row reads R-AWD-1 | 90%-100% | $1,000.00 | DHS-2025-09-18
        ¶8: “90% - 100% - $1,000 per eligible task force officer”."""
        shown, _policy, _base, _other = _tiers_pages(page)[1]
        first = _body_rows(shown.tiers)[0]
        assert first["ids"] == ["g287-tiers-1-r-awd-1"]
        assert [cell.astext() for cell in _cells(first)] == [
            "R-AWD-1",
            "90%-100%",
            "$1,000.00",
            "DHS-2025-09-18 ¶8: \u201c90% - 100% - $1,000 per eligible task force officer\u201d",
        ]
        assert _parts(_cells(first)[3])[0] == (
            "label",
            "dhs-2025-09-18-p8",
            "DHS-2025-09-18 ¶8",
            "g287-tiers-1",
        )

    def test_variant_amount(self, page: Built) -> None:
        """A variant whose top tier pays $1,250 shows $1,250.00 in its R-AWD-1 row."""
        shown, _policy, _base, _other = _tiers_pages(page)[0]
        amounts = [_cells(row)[2].astext() for row in _body_rows(shown.tiers)]
        assert amounts == ["$1,250.00", "$750.00", "$500.00"]


class TestNotes:
    """The notes paragraph between the tables: how rates meet the bands (I-BAND, I-BELOW,
    I-HEAD)."""

    def test_parts(self, page: Built) -> None:
        """The notes show the policy's band rounding (I-BAND), no-leads reading (I-BELOW) and
        headcount (I-HEAD) as code, each followed by its id linked from the table's base."""
        for shown, policy, base, _other in _tiers_pages(page):
            assert _parts(shown.notes) == _notes(policy, base)

    def test_builtin_text(self, page: Built) -> None:
        """The built-in policy's notes read, exactly: truncate (I-BAND), below 70% no award,
        no-award without leads (I-BELOW), last-day headcount (I-HEAD)."""
        shown, _policy, _base, _other = _tiers_pages(page)[1]
        assert shown.notes.astext() == (
            "Rates are placed in the whole-percent bands by truncate (I-BAND). Below 70% there "
            "is no award; a quarter without leads: no-award (I-BELOW). Officers counted: "
            "last-day (I-HEAD)."
        )

    def test_variant_text(self, page: Built) -> None:
        """A variant's notes show its own readings of I-BAND, I-BELOW and I-HEAD."""
        shown, _policy, _base, _other = _tiers_pages(page)[0]
        assert shown.notes.astext() == (
            "Rates are placed in the whole-percent bands by half-even (I-BAND). Below 70% there "
            "is no award; a quarter without leads: error (I-BELOW). Officers counted: "
            "any-day (I-HEAD)."
        )

    def test_links_resolve_to_interpretation_rows(self, page: Built) -> None:
        """The notes' I-BAND, I-BELOW and I-HEAD link to those rows of the page's
        interpretations table."""
        for shown in _shown(page.resolved):
            references = list(shown.notes.findall(nodes.reference))
            assert [(r["refid"], r.astext()) for r in references] == [
                (f"{INTERPRETATIONS_BASE}-{item_id.lower()}", item_id)
                for item_id in ("I-BAND", "I-BELOW", "I-HEAD")
            ]


class TestOvertimeRow:
    """The overtime cap table's one row: R-OT, the cap, and its source."""

    def test_row(self, page: Built) -> None:
        """One row anchored at <base>-r-ot: R-OT, the cap with its readings (I-CAPBASE,
        I-CAPYEAR, I-CENT, I-CAPPRO), and R-OT's cited passage."""
        for shown, policy, base, _other in _tiers_pages(page):
            (row,) = _body_rows(shown.overtime)
            assert row["ids"] == [f"{base}-r-ot"]
            rule, basis, source = _cells(row)
            assert _parts(rule) == [_id("R-OT", base)]
            assert _parts(basis) == _basis(policy, base)
            assert _parts(source) == _cite(policy.rule("R-OT").citation, base)

    def test_builtin_text(self, page: Built) -> None:
        """The built-in cap reads, exactly: 25% of the annual base salary (I-CAPBASE), per
        federal fiscal year (I-CAPYEAR), rounded down to the cent (I-CENT), not prorated
        (I-CAPPRO)."""
        shown, _policy, _base, _other = _tiers_pages(page)[1]
        (row,) = _body_rows(shown.overtime)
        assert [cell.astext() for cell in _cells(row)] == [
            "R-OT",
            (
                "25% of the officer's annual base salary (I-CAPBASE), per federal fiscal year "
                "(I-CAPYEAR), rounded down to the cent (I-CENT); proration: none (I-CAPPRO)"
            ),
            (
                "DHS-2025-09-18 ¶7: \u201cincluding overtime coverage up to 25% of the "
                "officer\u2019s annual salary\u201d"
            ),
        ]

    def test_variant_text(self, page: Built) -> None:
        """A variant capping at one eighth with proration by eligible days shows both."""
        shown, _policy, _base, _other = _tiers_pages(page)[0]
        (row,) = _body_rows(shown.overtime)
        assert _cells(row)[1].astext() == (
            "12.5% of the officer's annual base salary (I-CAPBASE), per federal fiscal year "
            "(I-CAPYEAR), rounded down to the cent (I-CENT); proration: by-eligible-days "
            "(I-CAPPRO)"
        )

    def test_links_resolve_to_interpretation_rows(self, page: Built) -> None:
        """The cap's I-CAPBASE, I-CAPYEAR, I-CENT and I-CAPPRO link to those rows of the page's
        interpretations table."""
        for shown in _shown(page.resolved):
            (row,) = _body_rows(shown.overtime)
            references = list(_cells(row)[1].findall(nodes.reference))
            assert [(r["refid"], r.astext()) for r in references] == [
                (f"{INTERPRETATIONS_BASE}-{item_id.lower()}", item_id)
                for item_id in ("I-CAPBASE", "I-CAPYEAR", "I-CENT", "I-CAPPRO")
            ]


class TestLinks:
    """The pending links g287-tiers makes, and where links to its rows resolve."""

    def test_link_attributes(self, page: Built) -> None:
        """Every link g287-tiers makes is a quiet, explicit g287 link from this document
        (refdoc), naming its table's base id (g287_table), with no source text."""
        for shown, _policy, base, _other in _tiers_pages(page):
            links = list(shown.container.findall(addnodes.pending_xref))
            # 3 tiers (id and source), 3 notes ids, R-OT (id and source), 4 cap ids.
            assert len(links) == 3 * 2 + 3 + 2 + 4
            for link in links:
                assert link.rawsource == ""
                assert link["refdomain"] == "g287"
                assert link["refexplicit"] is True
                assert link["refwarn"] is False
                assert link["refdoc"] == "index"
                assert link["g287_quiet"] is True
                assert link["g287_table"] == base

    def test_id_links_show_code(self, page: Built) -> None:
        """g287-tiers shows each linked id as code (classes xref, g287), and each cited
        locator as plain inline text."""
        for shown, _policy, _base, _other in _tiers_pages(page):
            for link in shown.container.findall(addnodes.pending_xref):
                if link["reftype"] == "id":
                    literal = _only(link, nodes.literal)
                    assert literal["classes"] == ["xref", "g287"]
                    assert literal.astext() == link["reftarget"]
                else:
                    assert link["reftype"] == "label"
                    assert _only(link, nodes.inline).astext().startswith("DHS-2025-09-18 ¶")

    def test_targets_ranked_builtin_first(self, page: Built) -> None:
        """g287-tiers records each tier row (R-AWD-1 …), the R-OT row and the table (R-AWD)
        as link targets: rank 0 for the built-in policy's table, 1 for a variant's."""
        targets = page.app.env.domains["g287"].data["targets"]
        anchors = {
            "R-AWD": "",
            "R-AWD-1": "-r-awd-1",
            "R-AWD-2": "-r-awd-2",
            "R-AWD-3": "-r-awd-3",
            "R-OT": "-r-ot",
        }
        for item_id, suffix in anchors.items():
            assert sorted(targets[item_id]) == [
                (0, "index", f"{BUILTIN_BASE}{suffix}"),
                (1, "index", f"{VARIANT_BASE}{suffix}"),
            ]
        assert "r-awd" not in targets

    def test_role_prefers_builtin_table(self, page: Built) -> None:
        """:g287:`R-AWD-1`, :g287:`R-AWD` and :g287:`R-OT` link to the built-in policy's
        tiers table (its R-AWD-1 row, the table, its R-OT row), though the variant's comes
        first on the page."""
        section = page.resolved.next_node(nodes.section)
        assert isinstance(section, nodes.section)
        paragraph = section.children[-1]
        assert isinstance(paragraph, nodes.paragraph)
        references = list(paragraph.findall(nodes.reference))
        assert [(r["refid"], r.astext()) for r in references] == [
            (f"{BUILTIN_BASE}-r-awd-1", "R-AWD-1"),
            (BUILTIN_BASE, "R-AWD"),
            (f"{BUILTIN_BASE}-r-ot", "R-OT"),
        ]

    def test_rule_cells_link_to_the_other_table(self, page: Built) -> None:
        """A rule id in a tiers table (R-AWD-1 …, R-OT) links to that id's row in the other
        g287-tiers output on the page, never to its own row: the built-in table's to the
        variant's, the variant's to the built-in's."""
        shown = _shown(page.resolved)
        assert len(shown) == 2
        for each, other in zip(shown, (BUILTIN_BASE, VARIANT_BASE), strict=True):
            rule_ids = []
            for table in (each.tiers, each.overtime):
                for row in _body_rows(table):
                    reference = _only(_cells(row)[0], nodes.reference)
                    assert reference["refid"] == f"{other}-{reference.astext().lower()}"
                    rule_ids.append(reference.astext())
            assert rule_ids == ["R-AWD-1", "R-AWD-2", "R-AWD-3", "R-OT"]

    def test_numbering_shares_sphinx_serial_numbers(self, numbered: Built) -> None:
        """g287-tiers numbers its base ids from the document's "g287-tiers" serial numbers, the
        ones Sphinx's make_id draws from for that prefix, so an id another extension makes with
        make_id(env, document, "g287-tiers") on the page never clashes with a table's base id."""
        section = numbered.read.next_node(nodes.section)
        assert isinstance(section, nodes.section)
        made = [child["ids"] for child in section.children if isinstance(child, nodes.paragraph)]
        assert made[:2] == [["g287-tiers-0"], ["g287-tiers-2"]]
        assert [shown.tiers["ids"] for shown in _shown(numbered.read)] == [
            ["g287-tiers-1"],
            ["g287-tiers-3"],
        ]

    def test_interpretations_numbering_shares_sphinx_serial_numbers(self, numbered: Built) -> None:
        """g287-interpretations likewise numbers its tables from the document's
        "g287-interpretations" serial numbers, so they never clash with make_id's ids."""
        section = numbered.read.next_node(nodes.section)
        assert isinstance(section, nodes.section)
        made = [child["ids"] for child in section.children if isinstance(child, nodes.paragraph)]
        assert made[2:] == [["g287-interpretations-0"], ["g287-interpretations-2"]]
        tables = [child for child in section.children if isinstance(child, nodes.table)]
        assert [table["ids"] for table in tables] == [
            ["g287-interpretations-1"],
            ["g287-interpretations-3"],
        ]


class TestHelpers:
    """The node helpers behind every generated table and link."""

    def test_xref_with_table(self) -> None:
        """_xref makes a quiet, explicit g287 link with no source text, naming its table."""
        content = nodes.literal("R-OT", "R-OT")
        ref = _xref("R-OT", content, docname="page", table="g287-tiers-3")
        assert ref.rawsource == ""
        assert ref.children == [content]
        assert dict(ref.attributes) == {
            "ids": [],
            "classes": [],
            "names": [],
            "dupnames": [],
            "refdomain": "g287",
            "reftype": "id",
            "reftarget": "R-OT",
            "refexplicit": True,
            "refwarn": False,
            "refdoc": "page",
            "g287_quiet": True,
            "g287_table": "g287-tiers-3",
        }

    def test_xref_without_table(self) -> None:
        """_xref outside a table (a label link of a g287-rule section) names no table."""
        ref = _xref("dhs-2025-09-18-p7", nodes.inline("x", "x"), docname="page", kind="label")
        assert ref["reftype"] == "label"
        assert ref["refexplicit"] is True
        assert ref["refdoc"] == "page"
        assert "g287_table" not in ref

    def test_text_cell(self) -> None:
        """_text_cell: one entry with no source text, holding one paragraph of the parts."""
        code = nodes.literal(text="none")
        entry = _text_cell("a ", code, " b")
        assert entry.rawsource == ""
        paragraph = _only(entry, nodes.paragraph)
        assert _parts(paragraph) == [("text", "a "), ("code", "none"), ("text", " b")]

    def test_table_row_without_id(self) -> None:
        """_table gives a row with an id that id, and a row without one no ids; the head has
        no source text."""
        table = _table(
            "Caption",
            ("A",),
            (7,),
            [("row-a", [_text_cell("1")]), (None, [_text_cell("2")]), ("", [_text_cell("3")])],
            ["extra"],
        )
        assert table["classes"] == ["g287", "extra"]
        assert [row["ids"] for row in _body_rows(table)] == [["row-a"], [], []]
        (head,) = table.findall(nodes.thead)
        assert head.rawsource == ""
