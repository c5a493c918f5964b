"""The exact output of g287.sphinxext's generated tables, fields and help texts.

The tests build one-page projects, read each page's resolved doctree node by node, and
compare it with what the public objects (``g287.INTERPRETATIONS``, ``g287.POLICY``,
``g287.cli.build_parser()``) say the page must show.
"""

from __future__ import annotations

import argparse
from typing import NamedTuple

import pytest
from docutils import nodes
from sphinx.application import Sphinx

import g287
import scopes
from g287 import cli
from test_sphinxext import CONF, _build, _project, restored_imports

# Without typographic quotes or trimmed doctest flags, the doctree holds the directives' text
# exactly as generated.
TABLES_CONF = CONF + "smartquotes = False\ntrim_doctest_flags = False\n"

#: ``g287_test_variants:HALF_UP`` (see test_sphinxext.VARIANTS), rebuilt here from the API.
HALF_UP = g287.POLICY.choose("I-BAND", "half-up")

# The tables page: the variant's table comes first, so only the ranks (built-in policy 0, a
# variant 1) can make a link prefer the built-in table (a tie would go to the first anchor).
TABLES = """
.. g287-interpretations::
   :policy: g287_test_variants:HALF_UP

.. g287-interpretations::

The band reading is :g287:`I-BAND`.
"""
VARIANT_BASE = "g287-interpretations-0"
BUILTIN_BASE = "g287-interpretations-1"
#: The tables in page order: anchor base, policy shown, and the other table's anchor base.
SHOWN = ((VARIANT_BASE, HALF_UP, BUILTIN_BASE), (BUILTIN_BASE, g287.POLICY, VARIANT_BASE))

#: A table alone on its page, with one interpretation's section after it.
LONE = """
.. g287-interpretations::

.. g287-interpretation:: I-BAND
"""

SECTIONS = """
.. g287-rule:: R-SAL

.. g287-interpretation:: I-BAND
   :policy: g287_test_variants:HALF_UP

.. g287-interpretation:: I-HEAD

.. g287-interpretation:: I-BELOW
   :policy: g287.policy:POLICY

.. g287-interpretation:: I-RATE
"""


class Built(NamedTuple):
    """A built one-page project: its application and the page's resolved doctree."""

    app: Sphinx
    doctree: nodes.document


def _built(tmp_path_factory: pytest.TempPathFactory, body: str) -> Built:
    """Build a page of ``body`` as HTML, without warnings, and resolve its doctree."""
    with restored_imports():
        app, warnings = _build(_project(tmp_path_factory.mktemp("project"), body, TABLES_CONF))
        builder = app.builder
        doctree = app.env.get_and_resolve_doctree("index", builder, tags=builder.tags)
    assert warnings == ""
    assert app.statuscode == 0
    return Built(app, doctree)


# Each page is built once a module, but for every test in mutmut's stats run (tests/scopes.py), so
# that mutmut tries a mutant of a directive against every test that reads the directive's output.


@pytest.fixture(scope=scopes.shared)
def tables(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A page with a variant's interpretations table, then the built-in one, then a link."""
    return _built(tmp_path_factory, TABLES)


@pytest.fixture(scope=scopes.shared)
def lone(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A page with the built-in interpretations table and a section defining I-BAND."""
    return _built(tmp_path_factory, LONE)


@pytest.fixture(scope=scopes.shared)
def sections(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A page of rule and interpretation sections, for the built-in policy and a variant."""
    return _built(tmp_path_factory, SECTIONS)


@pytest.fixture(scope=scopes.shared)
def cli_page(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A page with the CLI's help, built in a 200-column terminal."""
    with pytest.MonkeyPatch.context() as patch:
        # The help must not follow the terminal: make it much wider than the page's 90 columns.
        patch.setenv("COLUMNS", "200")
        return _built(tmp_path_factory, ".. g287-cli::\n")


def _page(built: Built) -> nodes.section:
    """The page's top section."""
    section = built.doctree.next_node(nodes.section)
    assert isinstance(section, nodes.section)
    return section


def _children(node: nodes.Element, kind: type[nodes.Element]) -> list[nodes.Element]:
    return [child for child in node.children if isinstance(child, kind)]


def _interpretation_tables(built: Built) -> list[nodes.table]:
    return [t for t in _page(built).children if isinstance(t, nodes.table)]


def _body_rows(table: nodes.table) -> list[nodes.row]:
    tbody = table.next_node(nodes.tbody)
    assert isinstance(tbody, nodes.tbody)
    return [row for row in tbody.children if isinstance(row, nodes.row)]


def _literals(node: nodes.Element) -> list[str]:
    return [literal.astext() for literal in node.findall(nodes.literal)]


def _references(node: nodes.Element) -> list[nodes.reference]:
    return list(node.findall(nodes.reference))


def _expected_choice(policy: g287.Policy, item_id: str) -> tuple[str, list[str]]:
    """The Chosen cell's text and its code literals, from the policies' ``choices``."""
    defaults = g287.POLICY.choices
    if item_id not in defaults:
        return "fixed", []
    value = policy.choices[item_id]
    if value == defaults[item_id]:
        return value, [value]
    return f"{value} (g287's default: {defaults[item_id]})", [value, defaults[item_id]]


class TestInterpretationsTable:
    """``.. g287-interpretations::``: the table's frame, rows, cells and link targets."""

    def test_frame(self, tables: Built) -> None:
        """Each g287-interpretations table: its title names the policy; classes, id, five
        columns of fixed widths and their headers."""
        shown = _interpretation_tables(tables)
        assert len(shown) == len(SHOWN)
        for table, (base, policy, _other) in zip(shown, SHOWN, strict=True):
            assert table["classes"] == ["g287", "g287-interpretations"]
            assert table["ids"] == [base]
            title = table[0]
            assert isinstance(title, nodes.title)
            assert title.astext() == f"Interpretations: {policy.name}"
            tgroup = table.next_node(nodes.tgroup)
            assert isinstance(tgroup, nodes.tgroup)
            assert tgroup["cols"] == 5
            widths = [spec["colwidth"] for spec in _children(tgroup, nodes.colspec)]
            assert widths == [12, 24, 34, 20, 10]
            thead = tgroup.next_node(nodes.thead)
            assert isinstance(thead, nodes.thead)
            headers = [entry.astext() for entry in thead.findall(nodes.entry)]
            assert headers == ["Id", "Question", "Default", "Alternatives", "Chosen"]

    def test_one_row_per_interpretation(self, tables: Built) -> None:
        """g287-interpretations: a row per interpretation, in order, anchored at <base>-<id>."""
        shown = _interpretation_tables(tables)
        assert len(shown) == len(SHOWN)
        for table, (base, _policy, _other) in zip(shown, SHOWN, strict=True):
            rows = _body_rows(table)
            assert [row["ids"] for row in rows] == [
                [f"{base}-{item_id.lower()}"] for item_id in g287.INTERPRETATIONS
            ]
            assert all(len(row.children) == 5 for row in rows)

    def test_question_default_and_alternatives(self, tables: Built) -> None:
        """g287-interpretations cells: the question, the default, and the alternatives as a
        bullet list (one item per alternative) or the word "none"."""
        items = g287.INTERPRETATIONS.values()
        assert any(item.alternatives for item in items)
        assert any(not item.alternatives for item in items)
        shown = _interpretation_tables(tables)
        assert len(shown) == len(SHOWN)
        for table in shown:
            for row, item in zip(_body_rows(table), items, strict=True):
                _id, question, default, alternatives, _chosen = row.children
                assert question.astext() == item.question
                assert default.astext() == item.default
                assert isinstance(alternatives, nodes.entry)
                if item.alternatives:
                    (listing,) = alternatives.children
                    assert isinstance(listing, nodes.bullet_list)
                    assert [li.astext() for li in listing.children] == list(item.alternatives)
                    assert all(
                        isinstance(li, nodes.list_item) and isinstance(li[0], nodes.paragraph)
                        for li in listing.children
                    )
                else:
                    assert alternatives.astext() == "none"
                    assert _children(alternatives, nodes.paragraph) == list(alternatives.children)

    def test_chosen(self, tables: Built) -> None:
        """g287-interpretations' Chosen cell: "fixed" for a reading with no option, the chosen
        value as code, and for a variant's departure "<value> (g287's default: <default>)"."""
        # All three forms occur: fixed readings, and I-BAND chosen differently by HALF_UP.
        assert set(g287.INTERPRETATIONS) - set(g287.POLICY.choices)
        assert HALF_UP.choices["I-BAND"] != g287.POLICY.choices["I-BAND"]
        shown = _interpretation_tables(tables)
        assert len(shown) == len(SHOWN)
        for table, (_base, policy, _other) in zip(shown, SHOWN, strict=True):
            for row, item_id in zip(_body_rows(table), g287.INTERPRETATIONS, strict=True):
                chosen = row.children[4]
                assert isinstance(chosen, nodes.entry)
                assert (chosen.astext(), _literals(chosen)) == _expected_choice(policy, item_id)

    def test_id_cell_links_to_the_other_table(self, tables: Built) -> None:
        """g287-interpretations' Id cell is the id as code, linking to the id's row in the other
        table on the page, never to its own row."""
        shown = _interpretation_tables(tables)
        assert len(shown) == len(SHOWN)
        for table, (_base, _policy, other) in zip(shown, SHOWN, strict=True):
            for row, item in zip(_body_rows(table), g287.INTERPRETATIONS.values(), strict=True):
                cell = row.children[0]
                assert isinstance(cell, nodes.entry)
                assert cell.astext() == item.id
                (reference,) = _references(cell)
                assert reference["refid"] == f"{other}-{item.id.lower()}"
                assert reference["reftitle"] == f"{item.id}: {item.question}"
                (literal,) = reference.findall(nodes.literal)
                assert literal["classes"] == ["xref", "g287"]

    def test_targets_ranked_builtin_first(self, tables: Built) -> None:
        """g287-interpretations records each row as a link target of its id: rank 0 for the
        built-in policy's table, 1 for a variant's."""
        targets = tables.app.env.domains["g287"].data["targets"]
        for item_id in g287.INTERPRETATIONS:
            anchor = item_id.lower()
            assert sorted(targets[item_id]) == [
                (0, "index", f"{BUILTIN_BASE}-{anchor}"),
                (1, "index", f"{VARIANT_BASE}-{anchor}"),
            ]

    def test_role_prefers_builtin_table(self, tables: Built) -> None:
        """:g287:`I-BAND` links to the built-in policy's g287-interpretations row, though the
        variant's table comes first on the page."""
        paragraph = _page(tables).children[-1]
        assert isinstance(paragraph, nodes.paragraph)
        (reference,) = _references(paragraph)
        assert reference["refid"] == f"{BUILTIN_BASE}-i-band"

    def test_lone_table_does_not_link_to_itself(self, lone: Built) -> None:
        """A lone g287-interpretations table's Id cell links to the id's section when there is
        one, and is otherwise plain code, not a link to its own row."""
        (table,) = _interpretation_tables(lone)
        for row, item_id in zip(_body_rows(table), g287.INTERPRETATIONS, strict=True):
            cell = row.children[0]
            assert isinstance(cell, nodes.entry)
            assert cell.astext() == item_id
            references = _references(cell)
            if item_id == "I-BAND":
                assert [r["refid"] for r in references] == ["i-band"]
            else:
                assert references == []
                assert _literals(cell) == [item_id]


def _section(built: Built, label: str) -> nodes.section:
    (section,) = (s for s in built.doctree.findall(nodes.section) if label in s["ids"])
    return section


def _fields(section: nodes.section) -> dict[str, nodes.Element]:
    """The interpretation section's fields, name to body content, in order."""
    (field_list,) = _children(section, nodes.field_list)
    fields: dict[str, nodes.Element] = {}
    for field in field_list.children:
        name, body = field.children
        assert isinstance(body, nodes.field_body)
        (content,) = body.children
        assert isinstance(content, nodes.Element)
        fields[name.astext()] = content
    return fields


def _select_lines(module: str, policy: str, item_id: str, values: list[str]) -> str:
    """The Select doctest: import the module, then choose each value and see it chosen."""
    lines = [f">>> import {module}"]
    for value in values:
        lines += [f'>>> {policy}.choose("{item_id}", "{value}").choices["{item_id}"]', f"'{value}'"]
    return "\n".join(lines)


class TestInterpretationSection:
    """``.. g287-interpretation::``: the fields that show and select the policy's option."""

    def test_field_names(self, sections: Built) -> None:
        """g287-interpretation lists Default, Alternatives, Reads, then This policy and Select
        when the interpretation has an option, and only the first three when it has none."""
        assert list(_fields(_section(sections, "i-band"))) == [
            "Default",
            "Alternatives",
            "Reads",
            "This policy",
            "Select",
        ]
        assert list(_fields(_section(sections, "i-rate"))) == ["Default", "Alternatives", "Reads"]

    def test_this_policy_of_a_variant(self, sections: Built) -> None:
        """g287-interpretation's This policy field: the :policy:'s value as code, then the
        attribute it is read from."""
        chosen = _fields(_section(sections, "i-band"))["This policy"]
        assert isinstance(chosen, nodes.paragraph)
        assert chosen.astext() == "half-up (the attribute award_schedule.band_rounding)"
        assert _literals(chosen) == ["half-up", "award_schedule.band_rounding"]

    def test_this_policy_builtin(self, sections: Built) -> None:
        """g287-interpretation's This policy field for the built-in policy shows its choice."""
        chosen = _fields(_section(sections, "i-head"))["This policy"]
        default = g287.POLICY.choices["I-HEAD"]
        assert chosen.astext() == f"{default} (the attribute award_schedule.headcount)"

    def test_select_of_a_variant(self, sections: Built) -> None:
        """g287-interpretation's Select field imports the :policy:'s module and chooses each
        value but the current one on that policy, with the value it then has."""
        select = _fields(_section(sections, "i-band"))["Select"]
        assert isinstance(select, nodes.doctest_block)
        values = [o.value for o in g287.BandRounding if o.value != "half-up"]
        assert len(values) == 2
        expected = _select_lines(
            "g287_test_variants", "g287_test_variants.HALF_UP", "I-BAND", values
        )
        assert select.astext() == expected
        assert select.rawsource == expected

    def test_select_builtin(self, sections: Built) -> None:
        """g287-interpretation's Select field for the built-in policy imports g287 and chooses
        on g287.POLICY each value but the default."""
        select = _fields(_section(sections, "i-head"))["Select"]
        assert isinstance(select, nodes.doctest_block)
        default = g287.POLICY.choices["I-HEAD"]
        values = [o.value for o in g287.Headcount if o.value != default]
        assert values
        assert select.astext() == _select_lines("g287", "g287.POLICY", "I-HEAD", values)

    def test_select_builtin_by_another_name(self, sections: Built) -> None:
        """g287-interpretation shows the built-in policy as g287.POLICY, imported from g287,
        even when its :policy: names it where it is defined (g287.policy:POLICY)."""
        fields = _fields(_section(sections, "i-below"))
        default = g287.POLICY.choices["I-BELOW"]
        shown = fields["This policy"].astext()
        assert shown == f"{default} (the attribute award_schedule.no_leads)"
        values = [o.value for o in g287.NoLeads if o.value != default]
        assert values
        assert fields["Select"].astext() == _select_lines("g287", "g287.POLICY", "I-BELOW", values)


class TestRuleSection:
    """``.. g287-rule::``: the section that defines a rule."""

    def test_statement_follows_title(self, sections: Built) -> None:
        """g287-rule's section is the title "R-ID: title" and then the rule's statement."""
        rule = g287.POLICY.rule("R-SAL")
        section = _section(sections, "r-sal")
        title, statement = section.children[:2]
        assert title.astext() == f"R-SAL: {rule.title}"
        assert isinstance(statement, nodes.paragraph)
        assert statement.astext() == rule.statement


def _helps(width: int = 90) -> dict[str, str]:
    """The help of ``g287`` and each subcommand at ``width`` columns, by command line."""

    def formatter(prog: str) -> argparse.HelpFormatter:
        return argparse.HelpFormatter(prog, width=width)

    parser = cli.build_parser()
    (subcommands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    parsers = {"g287": parser} | {f"g287 {n}": s for n, s in subcommands.choices.items()}
    helps = {}
    for prog, each in parsers.items():
        each.formatter_class = formatter
        helps[prog] = each.format_help().rstrip()
    return helps


class TestCliDirective:
    """``.. g287-cli::``: the help of ``g287`` and a section per subcommand."""

    def test_layout(self, cli_page: Built) -> None:
        """g287-cli gives the command's help, then one section per subcommand, in order."""
        page = _page(cli_page)
        kinds = [type(child) for child in page.children]
        subcommands = list(_helps())[1:]
        assert len(subcommands) >= 2
        assert kinds == [nodes.title, nodes.literal_block] + [nodes.section] * len(subcommands)
        sections = _children(page, nodes.section)
        assert all(isinstance(s[0], nodes.title) for s in sections)
        assert [s[0].astext() for s in sections] == subcommands
        assert [s["names"] for s in sections] == [[name] for name in subcommands]

    def test_help_texts(self, cli_page: Built) -> None:
        """g287-cli shows each parser's format_help() at exactly 90 columns (the terminal is
        200 wide), trailing space stripped, as a literal block of language "text"."""
        page = _page(cli_page)
        shown = {"g287": page.children[1]}
        for section in _children(page, nodes.section):
            title, block = section.children
            shown[title.astext()] = block
        expected = _helps()
        # The width shows: at 89 or 91 columns, or at the terminal's 200 (less 2), some help
        # would wrap differently.
        assert all(_helps(width) != expected for width in (89, 91, 198))
        assert list(shown) == list(expected)
        for prog, block in shown.items():
            assert isinstance(block, nodes.literal_block)
            assert block.astext() == expected[prog]
            assert block.rawsource == expected[prog]
            assert block["language"] == "text"
