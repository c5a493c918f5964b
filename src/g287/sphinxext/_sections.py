"""The sections that define a rule or an interpretation (and are its label), and the CLI help."""

from __future__ import annotations

import argparse
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import g287.cli
from g287.announced import INTERPRETATIONS, POLICY
from g287.errors import InvalidInputError
from g287.policy import Interpretation, Policy, Rule

from ._directive import DEFAULT_POLICY, PolicyDirective
from ._domain import paragraph_label, xref


class _DefinitionDirective(PolicyDirective):
    """A directive whose section defines an id: ``.. g287-…:: ID``, then the author's content."""

    required_arguments = 1
    has_content = True

    def section(self, item_id: str, title: str) -> nodes.section:
        """A section that is the label ``item_id`` (lower-cased, as Sphinx stores labels)."""
        label = item_id.lower()
        section = nodes.section(ids=[label], names=[label])
        section += nodes.title(title, title)
        self.set_source_info(section)
        self.state.document.note_explicit_target(section, section)
        return section


class RuleDirective(_DefinitionDirective):
    """``.. g287-rule:: R-ID``: the section that defines a rule (and is its label)."""

    def run(self) -> list[nodes.Node]:
        policy = self.load_policy()
        try:
            rule: Rule = policy.rule(self.arguments[0])
        except InvalidInputError as exc:
            raise self.error(f"{self.name}: {exc}") from None
        section = self.section(rule.id, f"{rule.id}: {rule.title}")
        section += nodes.paragraph(rule.statement, rule.statement)
        quote = nodes.block_quote(classes=["g287-citation"], support_smartquotes=False)
        text = f"\u201c{rule.citation.quote}\u201d"
        quote += nodes.paragraph(text, text)
        where = f"{rule.citation.source.id} {rule.citation.locator}"
        quote += nodes.attribution(
            "",
            "",
            xref(
                paragraph_label(rule.citation),
                nodes.inline(where, where),
                docname=self.env.docname,
                kind="label",
            ),
        )
        section += quote
        readers = [i.id for i in INTERPRETATIONS.values() if i.rule_id == rule.id]
        if readers:
            read_with = nodes.paragraph("", "Read with: ")
            for n, reader in enumerate(readers):
                read_with += [nodes.Text(", ")] if n else []
                read_with += self.id_link(reader)
            read_with += nodes.Text(".")
            section += read_with
        section.extend(self.parse_content_to_nodes())
        return [section]


class InterpretationDirective(_DefinitionDirective):
    """``.. g287-interpretation:: I-ID``: the section that defines an interpretation."""

    def run(self) -> list[nodes.Node]:
        policy = self.load_policy()
        item = INTERPRETATIONS.get(self.arguments[0])
        if item is None:
            raise self.error(
                f"{self.name}: {self.arguments[0]!r} is not an interpretation; "
                f"expected one of {', '.join(INTERPRETATIONS)}"
            )
        section = self.section(item.id, f"{item.id}: {item.question}")
        fields = nodes.field_list(classes=["g287-interpretation"])
        fields += self.field("Default", nodes.paragraph(item.default, item.default))
        if item.alternatives:
            listing = nodes.bullet_list()
            for option in item.alternatives:
                text = str(option)
                listing += nodes.list_item("", nodes.paragraph(text, text))
            fields += self.field("Alternatives", listing)
        else:
            none = "None: g287 implements this one reading."
            fields += self.field("Alternatives", nodes.paragraph(none, none))
        reads = nodes.paragraph()
        reads += self.id_link(item.rule_id)
        reads += nodes.Text(", ")
        reads += self.cite(policy.citation(item.rule_id))
        fields += self.field("Reads", reads)
        if item.field is not None:
            fields += self.selection(policy, item)
        section += fields
        body = self.parse_content_to_nodes()
        if body:
            section += nodes.rubric("Worked example", "Worked example")
            section.extend(body)
        return [section]

    def field(self, name: str, body: nodes.Element) -> nodes.field:
        """One ``name: body`` field of the interpretation's summary."""
        return nodes.field("", nodes.field_name(name, name), nodes.field_body("", body))

    def selection(self, policy: Policy, item: Interpretation) -> list[nodes.field]:
        """The option chosen, and a runnable example of choosing each alternative."""
        assert item.field is not None
        current: Any = getattr(policy, item.field)
        chosen = nodes.paragraph()
        chosen += [
            nodes.literal(text=current.value),
            nodes.Text(" (the attribute "),
            nodes.literal(text=item.field),
            nodes.Text(")"),
        ]
        spec = (self.options.get("policy") or DEFAULT_POLICY).strip()
        module, _, attribute = spec.partition(":")
        name = "g287.POLICY" if policy is POLICY else f"{module}.{attribute}"
        lines = [f">>> import {'g287' if policy is POLICY else module}"]
        for option in type(current):
            if option is not current:
                lines += [
                    f'>>> {name}.choose("{item.id}", "{option.value}").choices["{item.id}"]',
                    repr(option.value),
                ]
        example = "\n".join(lines)
        return [
            self.field("This policy", chosen),
            self.field("Select", nodes.doctest_block(example, example)),
        ]


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """Help at a fixed width, so the page does not depend on the terminal that built it."""
    return argparse.HelpFormatter(prog, width=90)


class CliDirective(SphinxDirective):
    """``.. g287-cli::``: the help of the ``g287`` command and each subcommand."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(g287.cli.__file__)
        parser = g287.cli.build_parser()
        found: list[nodes.Node] = [self.help(parser)]
        for action in parser._actions:  # argparse lists subcommands only here
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    title = f"{parser.prog} {name}"
                    section = nodes.section(names=[nodes.fully_normalize_name(title)])
                    section += nodes.title(title, title)
                    section += self.help(sub)
                    self.set_source_info(section)
                    self.state.document.note_implicit_target(section, section)
                    found.append(section)
        return found

    def help(self, parser: argparse.ArgumentParser) -> nodes.literal_block:
        """The parser's ``--help`` text as a literal block."""
        parser.formatter_class = _help_formatter
        text = parser.format_help().rstrip()
        block = nodes.literal_block(text, text, language="text")
        self.set_source_info(block)
        return block
