"""A Sphinx extension that puts g287's policy, live, into any documentation.

Load it in ``conf.py`` with ``extensions = ["g287.sphinxext"]``. Every table and section below is
built from the policy objects when the documentation is built, so the documentation cannot
drift from the code, and every rule (``R-…``) and interpretation (``I-…``) id becomes a link
target that other pages, and other projects through intersphinx, can cite.

A policy is named as ``module:attribute`` (``g287:POLICY``, the default, or a variant of your
own such as ``mypolicies:HALF_UP``); the page is rebuilt when that module changes.

``.. g287-tiers:: [module:attribute]``
    The award tier table (``R-AWD-1`` …) and the overtime cap (``R-OT``) of a policy, each row
    with its rule id and the cited passage. The policy may also be given as ``:policy:``.
``.. g287-interpretations::``
    One row per interpretation: question, default, alternatives, and the option the policy
    (``:policy:``) chooses.
``.. g287-rule:: R-ID``
    A section defining one rule: the label ``R-ID``, its title and statement, the quoted source
    passage and the interpretations that read it, then the directive's content.
``.. g287-interpretation:: I-ID``
    A section defining one interpretation: the label ``I-ID``, the question, default and
    alternatives, a runnable example of selecting each alternative with :meth:`Policy.choose
    <g287.Policy.choose>`, then the directive's content (a worked example).
``.. g287-source::``
    The bundled primary source, one row per paragraph (``¶1`` …, the text's non-empty lines);
    each row is a label such as ``dhs-2025-09-18-p7`` and lists the rules that cite it. The
    build warns if a rule's quote is not in the paragraph it cites.
``.. g287-cli::``
    The ``--help`` text of the ``g287`` command and of each subcommand.
``:g287:`R-AWD-1``` or ``:g287:`the top tier <R-AWD-1>```
    A link to the definition of a rule or interpretation id: a label of this project (a
    ``g287-rule`` or ``g287-interpretation`` section), else a row of a ``g287-tiers`` or
    ``g287-interpretations`` table (the built-in policy's first), else g287's own documentation
    through :mod:`sphinx.ext.intersphinx`. An id with no definition anywhere is a warning.
"""

from __future__ import annotations

import argparse
import functools
import importlib
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Final, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import make_refnode, split_explicit_title
from sphinx.util.typing import ExtensionMetadata

from . import cli
from ._version import __version__
from .announced import INTERPRETATIONS, POLICY, SOURCE
from .errors import InvalidInputError
from .money import format_money, format_percent
from .policy import INTERPRETATION_ID, RULE_ID, Citation, Interpretation, Policy, Rule

__all__ = ["DEFAULT_POLICY", "SOURCE_FILE", "setup"]

#: The policy a directive renders when none is named.
DEFAULT_POLICY: Final = "g287:POLICY"
#: The bundled text of :data:`g287.SOURCE`, inside the package's ``data`` folder.
SOURCE_FILE: Final = "dhs-287g-release-2025-09-18.txt"

logger = logging.getLogger(__name__)

_POLICY_OPTION: Final = {"policy": directives.unchanged_required}


def _describe(item_id: str) -> str | None:
    """A one-line description of a built-in rule or interpretation id, for a link's tooltip."""
    for rule in POLICY.rules:
        if rule.id == item_id:
            return f"{rule.id}: {rule.statement}"
    if item_id in INTERPRETATIONS:
        return f"{item_id}: {INTERPRETATIONS[item_id].question}"
    return None


def _is_id(text: str) -> bool:
    return RULE_ID.fullmatch(text) is not None or INTERPRETATION_ID.fullmatch(text) is not None


def _paragraph_label(citation: Citation) -> str:
    """The label of the source paragraph a citation points at: ``dhs-2025-09-18-p7``."""
    number = citation.locator.removeprefix("¶")
    return f"{citation.source.id.lower()}-p{number}"


# --- the domain: where ids are defined, and how links to them resolve ---------------------------


class G287Domain(Domain):
    """Holds the table rows that can stand in for an id's definition, and resolves ``:g287:``."""

    name = "g287"
    label = "g287"
    initial_data: ClassVar[dict[str, Any]] = {"targets": {}}
    data_version = 1

    @property
    def targets(self) -> dict[str, list[tuple[int, str, str]]]:
        """Id -> ``(rank, docname, anchor)`` of each table row showing it; lowest rank wins."""
        return cast("dict[str, list[tuple[int, str, str]]]", self.data["targets"])

    def note_target(self, item_id: str, rank: int, docname: str, anchor: str) -> None:
        """Record a table row that shows ``item_id`` (rank 0 for the built-in policy)."""
        self.targets.setdefault(item_id, []).append((rank, docname, anchor))

    def clear_doc(self, docname: str) -> None:
        """Forget the rows of a document that is read again."""
        for item_id, entries in list(self.targets.items()):
            kept = [e for e in entries if e[1] != docname]
            if kept:
                self.targets[item_id] = kept
            else:
                del self.targets[item_id]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take the rows found by a parallel reader."""
        for item_id, entries in otherdata["targets"].items():
            for rank, docname, anchor in entries:
                if docname in docnames:
                    self.note_target(item_id, rank, docname, anchor)

    def resolve_xref(  # noqa: PLR0917 - Sphinx's signature
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """Link to a label of this project, else (for an id) to a table row showing it."""
        docname, anchor = env.domains["std"].anonlabels.get(target.lower(), ("", ""))
        if not docname and typ == "id":
            own = node.get("g287_table")
            rows = [
                entry
                for entry in self.targets.get(target, [])
                if not (entry[1] == fromdocname and own and entry[2].startswith(f"{own}-"))
            ]
            if rows:
                _rank, docname, anchor = min(rows)
        if not docname:
            return None
        return make_refnode(builder, fromdocname, docname, anchor, contnode, _describe(target))

    def resolve_any_xref(  # noqa: PLR0917 - Sphinx's signature
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Take no part in the ``any`` role: ids are cited with ``:g287:`` or ``:ref:``."""
        return []


def _via_intersphinx(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.reference | None:
    """Resolve a ``g287`` link not defined here as the std label it is in g287's own docs."""
    if node.get("refdomain") != "g287" or "sphinx.ext.intersphinx" not in app.extensions:
        return None
    # The label is the id lower-cased; intersphinx matches std labels regardless of case (Sphinx
    # 7.3 and later), and it reads only the node's attributes, so a shallow copy will do.
    as_label = node.copy()
    as_label["refdomain"] = "std"
    as_label["reftype"] = "ref"
    return intersphinx.missing_reference(app, env, as_label, cast("nodes.TextElement", contnode))


def _warn_missing(app: Sphinx, domain: Domain | None, node: addnodes.pending_xref) -> bool | None:
    """Explain an id with no definition; links the directives generate stay quiet text."""
    if domain is None or domain.name != "g287":
        return None
    if not node.get("g287_quiet"):
        logger.warning(
            "g287: %s has no definition to link to; add a g287-rule or g287-interpretation "
            "section, a g287-tiers or g287-interpretations table, or g287's docs to "
            "intersphinx_mapping",
            node["reftarget"],
            location=node,
            type="ref",
            subtype="g287",
        )
    return True


def _xref(
    target: str,
    content: nodes.TextElement,
    *,
    docname: str,
    kind: str = "id",
    table: str | None = None,
) -> addnodes.pending_xref:
    """A quiet link to an id (``kind="id"``) or a label (``"label"``) made by a directive."""
    ref = addnodes.pending_xref(
        "",
        content,
        refdomain="g287",
        reftype=kind,
        reftarget=target,
        refexplicit=True,
        refwarn=False,
        refdoc=docname,
        g287_quiet=True,
    )
    if table is not None:
        ref["g287_table"] = table
    return ref


class _IdRole(SphinxRole):
    """``:g287:`R-AWD-1```: a link to the definition of a rule or interpretation id."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        has_title, title, target = split_explicit_title(self.text)
        target = target.strip()
        if not _is_id(target):
            message = self.inliner.reporter.error(
                f"g287 role: {target!r} is not a rule or interpretation id "
                "(expected R-… or I-…, e.g. R-AWD-1)",
                line=self.lineno,
            )
            problem = self.inliner.problematic(self.rawtext, self.rawtext, message)
            return [problem], [message]
        content: nodes.TextElement
        if has_title:
            content = nodes.inline(self.rawtext, title, classes=["g287"])
        else:
            content = nodes.literal(self.rawtext, target, classes=["xref", "g287"])
        ref = addnodes.pending_xref(
            self.rawtext,
            content,
            refdomain="g287",
            reftype="id",
            reftarget=target,
            refexplicit=True,
            refwarn=True,
            refdoc=self.env.docname,
        )
        self.set_source_info(ref)
        return [ref], []


# --- directives ---------------------------------------------------------------------------------


def _text_cell(*parts: nodes.Node | str) -> nodes.entry:
    paragraph = nodes.paragraph()
    for part in parts:
        paragraph += nodes.Text(part) if isinstance(part, str) else part
    return nodes.entry("", paragraph)


def _table(
    caption: str,
    headers: Sequence[str],
    widths: Sequence[int],
    rows: Iterable[tuple[str | None, Sequence[nodes.entry]]],
    classes: Sequence[str],
) -> nodes.table:
    table = nodes.table(classes=["g287", *classes])
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.row()
    head.extend(_text_cell(h) for h in headers)
    group += nodes.thead("", head)
    body = nodes.tbody()
    for row_id, cells in rows:
        row = nodes.row(ids=[row_id] if row_id else [])
        row.extend(cells)
        body += row
    group += body
    return table


class _PolicyDirective(SphinxDirective):
    """A directive that renders a policy named by ``:policy: module:attribute``."""

    option_spec: ClassVar[dict[str, Any]] = dict(_POLICY_OPTION)

    def load_policy(self, spec: str | None = None) -> Policy:
        """Import the named policy (default ``g287:POLICY``) and note its module as a dependency."""
        spec = (spec or self.options.get("policy") or DEFAULT_POLICY).strip()
        module_name, _, attribute = spec.partition(":")
        if not module_name or not attribute:
            raise self.error(
                f"{self.name}: policy {spec!r} is not 'module:attribute', e.g. 'g287:POLICY'"
            )
        try:
            module = importlib.import_module(module_name)
            policy = functools.reduce(getattr, attribute.split("."), module)
        except (ImportError, AttributeError) as exc:
            raise self.error(f"{self.name}: policy {spec!r} cannot be loaded: {exc}") from None
        if not isinstance(policy, Policy):
            raise self.error(
                f"{self.name}: {spec!r} is a {type(policy).__name__}; expected a g287.Policy"
            )
        if (path := getattr(module, "__file__", None)) is not None:
            self.env.note_dependency(path)
        return policy

    def cite(self, citation: Citation, table: str | None = None) -> list[nodes.Node]:
        """``DHS-2025-09-18 ¶7: “quote”``, the locator linking to the paragraph when shown."""
        where = f"{citation.source.id} {citation.locator}"
        link = _xref(
            _paragraph_label(citation),
            nodes.inline(where, where),
            docname=self.env.docname,
            kind="label",
            table=table,
        )
        quote = f"\u201c{citation.quote}\u201d"
        # Quotes are verbatim: no typographic quotes substituted into them.
        return [link, nodes.Text(": "), nodes.emphasis(quote, quote, support_smartquotes=False)]

    def id_link(self, item_id: str, table: str | None = None) -> addnodes.pending_xref:
        """A quiet link to an id, shown as code."""
        return _xref(
            item_id,
            nodes.literal(item_id, item_id, classes=["xref", "g287"]),
            docname=self.env.docname,
            table=table,
        )

    def section(self, item_id: str, title: str) -> nodes.section:
        """A section that is the label ``item_id`` (lower-cased, as Sphinx stores labels)."""
        label = item_id.lower()
        section = nodes.section(ids=[label], names=[label])
        section += nodes.title(title, title)
        self.set_source_info(section)
        self.state.document.note_explicit_target(section, section)
        return section


class _TiersDirective(_PolicyDirective):
    """``.. g287-tiers:: [module:attribute]``: the award tiers and overtime cap of a policy."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        spec = self.arguments[0] if self.arguments else None
        if spec is not None and self.options.get("policy", spec) != spec:
            raise self.error(f"{self.name}: name the policy once, as argument or :policy:")
        policy = self.load_policy(spec)
        rank = 0 if policy is POLICY else 1
        docname = self.env.docname
        base = f"g287-tiers-{self.env.new_serialno('g287-tiers')}"
        domain = cast("G287Domain", self.env.domains["g287"])

        tier_rows = []
        for tier in policy.tiers:
            anchor = f"{base}-{tier.rule_id.lower()}"
            domain.note_target(tier.rule_id, rank, docname, anchor)
            tier_rows.append(
                (
                    anchor,
                    [
                        _text_cell(self.id_link(tier.rule_id, base)),
                        _text_cell(tier.band),
                        _text_cell(format_money(tier.amount)),
                        _text_cell(*self.cite(policy.rule(tier.rule_id).citation, base)),
                    ],
                )
            )
        award = policy.rule("R-AWD")
        tiers = _table(
            f"{award.title} (R-AWD) per eligible task force officer: {policy.name}",
            ("Rule", "Location rate", "Per officer", "Source"),
            (12, 14, 14, 60),
            tier_rows,
            ["g287-tiers"],
        )
        tiers["ids"].append(base)
        domain.note_target("R-AWD", rank, docname, base)

        rules = nodes.paragraph(classes=["g287-tiers-notes"])
        rules += [
            nodes.Text("Rates are placed in the whole-percent bands by "),
            nodes.literal(text=policy.band_rounding.value),
            nodes.Text(" ("),
            self.id_link("I-BAND", base),
            nodes.Text(
                f"). Below {policy.lowest_tier.low}% there is no award; a quarter without leads: "
            ),
            nodes.literal(text=policy.no_leads.value),
            nodes.Text(" ("),
            self.id_link("I-BELOW", base),
            nodes.Text("). Officers counted: "),
            nodes.literal(text=policy.headcount.value),
            nodes.Text(" ("),
            self.id_link("I-HEAD", base),
            nodes.Text(")."),
        ]

        cap_anchor = f"{base}-r-ot"
        domain.note_target("R-OT", rank, docname, cap_anchor)
        basis = _text_cell(
            f"{format_percent(policy.overtime_share)} of the officer's annual base salary (",
            self.id_link("I-CAPBASE", base),
            "), per federal fiscal year (",
            self.id_link("I-CAPYEAR", base),
            "), rounded down to the cent (",
            self.id_link("I-CENT", base),
            "); proration: ",
            nodes.literal(text=policy.cap_proration.value),
            " (",
            self.id_link("I-CAPPRO", base),
            ")",
        )
        ot_rule = policy.rule("R-OT")
        overtime = _table(
            f"{ot_rule.title} (R-OT): {policy.name}",
            ("Rule", "Reimbursed overtime is at most", "Source"),
            (12, 48, 40),
            [
                (
                    cap_anchor,
                    [
                        _text_cell(self.id_link("R-OT", base)),
                        basis,
                        _text_cell(*self.cite(ot_rule.citation, base)),
                    ],
                )
            ],
            ["g287-overtime-cap"],
        )
        container = nodes.container(classes=["g287-policy"])
        container += [tiers, rules, overtime]
        self.set_source_info(container)
        return [container]


class _InterpretationsDirective(_PolicyDirective):
    """``.. g287-interpretations::``: every interpretation and the option a policy chooses."""

    def run(self) -> list[nodes.Node]:
        policy = self.load_policy()
        rank = 0 if policy is POLICY else 1
        docname = self.env.docname
        base = f"g287-interpretations-{self.env.new_serialno('g287-interpretations')}"
        domain = cast("G287Domain", self.env.domains["g287"])
        chosen, defaults = policy.choices, POLICY.choices
        rows = []
        for item in INTERPRETATIONS.values():
            anchor = f"{base}-{item.id.lower()}"
            domain.note_target(item.id, rank, docname, anchor)
            if item.alternatives:
                listing = nodes.bullet_list()
                for option in item.alternatives:
                    text = str(option)
                    listing += nodes.list_item("", nodes.paragraph(text, text))
                alternatives = nodes.entry("", listing)
            else:
                alternatives = _text_cell("none")
            if item.id not in chosen:
                choice = _text_cell("fixed")
            elif chosen[item.id] == defaults[item.id]:
                choice = _text_cell(nodes.literal(text=chosen[item.id]))
            else:
                choice = _text_cell(
                    nodes.literal(text=chosen[item.id]),
                    " (g287's default: ",
                    nodes.literal(text=defaults[item.id]),
                    ")",
                )
            rows.append(
                (
                    anchor,
                    [
                        _text_cell(self.id_link(item.id, base)),
                        _text_cell(item.question),
                        _text_cell(item.default),
                        alternatives,
                        choice,
                    ],
                )
            )
        table = _table(
            f"Interpretations: {policy.name}",
            ("Id", "Question", "Default", "Alternatives", "Chosen"),
            (12, 24, 34, 20, 10),
            rows,
            ["g287-interpretations"],
        )
        table["ids"].append(base)
        self.set_source_info(table)
        return [table]


class _RuleDirective(_PolicyDirective):
    """``.. g287-rule:: R-ID``: the section that defines a rule (and is its label)."""

    required_arguments = 1
    has_content = True

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
            _xref(
                _paragraph_label(rule.citation),
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


class _InterpretationDirective(_PolicyDirective):
    """``.. g287-interpretation:: I-ID``: the section that defines an interpretation."""

    required_arguments = 1
    has_content = True

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


class _SourceDirective(_PolicyDirective):
    """``.. g287-source::``: the bundled source text, paragraph by paragraph, with citations."""

    def run(self) -> list[nodes.Node]:
        policy = self.load_policy()
        path = Path(str(resources.files("g287") / "data" / SOURCE_FILE))
        self.env.note_dependency(str(path))
        paragraphs = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        cited: defaultdict[int, list[Rule]] = defaultdict(list)
        for rule in policy.rules:
            if rule.citation.source.id == SOURCE.id:
                number = int(rule.citation.locator.removeprefix("¶"))
                cited[number].append(rule)
                self.check_quote(rule, paragraphs, number)
        rows = []
        for number, text in enumerate(paragraphs, start=1):
            label = f"{SOURCE.id.lower()}-p{number}"
            citers: list[nodes.Node | str] = []
            for n, rule in enumerate(cited.get(number, [])):
                citers += [", "] if n else []
                citers.append(self.id_link(rule.id))
            cells = [_text_cell(f"\u00b6{number}"), _text_cell(text), _text_cell(*citers)]
            rows.append((label, cells))
        table = _table(
            f"{SOURCE.title} ({SOURCE.publisher}, {SOURCE.date.isoformat()})",
            ("\u00b6", "Text", "Cited by"),
            (6, 80, 14),
            rows,
            ["g287-source"],
        )
        table["support_smartquotes"] = False  # the text exactly as received
        for paragraph_row in table.findall(nodes.row):
            if paragraph_row["ids"]:
                paragraph_row["names"] = list(paragraph_row["ids"])
                self.state.document.note_explicit_target(paragraph_row, paragraph_row)
        intro = nodes.paragraph()
        intro += [
            nodes.Text(f"{SOURCE.id}: "),
            nodes.reference(SOURCE.url, SOURCE.url, refuri=SOURCE.url),
            nodes.Text(
                f". {len(paragraphs)} paragraphs, numbered by non-empty line as every "
                "locator (\u00b6) in g287 counts them."
            ),
        ]
        self.set_source_info(table)
        return [intro, table]

    def check_quote(self, rule: Rule, paragraphs: Sequence[str], number: int) -> None:
        """Warn if a rule's quote is not, verbatim, in the paragraph its locator names."""
        quote = " ".join(rule.citation.quote.split())
        if not 1 <= number <= len(paragraphs):
            logger.warning(
                "g287-source: %s cites %s, but the source has %d paragraphs",
                rule.id,
                rule.citation.locator,
                len(paragraphs),
                location=self.get_location(),
            )
        elif quote not in " ".join(paragraphs[number - 1].split()):
            logger.warning(
                "g287-source: %s quotes %r, which is not in %s",
                rule.id,
                rule.citation.quote,
                rule.citation.locator,
                location=self.get_location(),
            )


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """Help at a fixed width, so the page does not depend on the terminal that built it."""
    return argparse.HelpFormatter(prog, width=90)


class _CliDirective(SphinxDirective):
    """``.. g287-cli::``: the help of the ``g287`` command and each subcommand."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(cli.__file__)
        parser = cli.build_parser()
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


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register g287's directives, role and domain with Sphinx."""
    app.add_domain(G287Domain)
    app.add_role("g287", _IdRole())
    app.add_directive("g287-tiers", _TiersDirective)
    app.add_directive("g287-interpretations", _InterpretationsDirective)
    app.add_directive("g287-rule", _RuleDirective)
    app.add_directive("g287-interpretation", _InterpretationDirective)
    app.add_directive("g287-source", _SourceDirective)
    app.add_directive("g287-cli", _CliDirective)
    app.connect("missing-reference", _via_intersphinx)
    app.connect("warn-missing-reference", _warn_missing)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
