"""The ``g287`` domain and the ``:g287:`` role: where ids are defined and how links resolve.

A link to a rule or interpretation id resolves, in order, to a label of the citing project (a
``g287-rule`` or ``g287-interpretation`` section, or any label named as the id), else to a row of
a ``g287-tiers`` or ``g287-interpretations`` table (the built-in policy's first), else through
:mod:`sphinx.ext.intersphinx` to the label in g287's own documentation; otherwise it warns.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode, split_explicit_title

from g287.announced import INTERPRETATIONS, POLICY
from g287.policy import INTERPRETATION_ID, RULE_ID, Citation

logger = logging.getLogger(__name__)


def describe(item_id: str) -> str | None:
    """A one-line description of a built-in rule or interpretation id, for a link's tooltip."""
    for rule in POLICY.rules:
        if rule.id == item_id:
            return f"{rule.id}: {rule.statement}"
    if item_id in INTERPRETATIONS:
        return f"{item_id}: {INTERPRETATIONS[item_id].question}"
    return None


def _is_id(text: str) -> bool:
    return RULE_ID.fullmatch(text) is not None or INTERPRETATION_ID.fullmatch(text) is not None


def paragraph_label(citation: Citation) -> str:
    """The label of the source paragraph a citation points at: ``dhs-2025-09-18-p7``."""
    number = citation.locator.removeprefix("¶")
    return f"{citation.source.id.lower()}-p{number}"


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
        return make_refnode(builder, fromdocname, docname, anchor, contnode, describe(target))

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


def via_intersphinx(
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


def warn_missing(app: Sphinx, domain: Domain | None, node: addnodes.pending_xref) -> bool | None:
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


def xref(
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


class IdRole(SphinxRole):
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
