"""What every policy directive shares: naming a policy, citing its source, linking its ids."""

from __future__ import annotations

import functools
import importlib
from typing import Any, ClassVar, Final

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from g287.policy import Citation, Policy

from ._domain import paragraph_label, xref

# Public as g287.sphinxext.DEFAULT_POLICY and SOURCE_FILE.
DEFAULT_POLICY: Final = "g287:POLICY"
SOURCE_FILE: Final = "dhs-287g-release-2025-09-18.txt"


class PolicyDirective(SphinxDirective):
    """A directive that renders a policy named by ``:policy: module:attribute``."""

    option_spec: ClassVar[dict[str, Any]] = {"policy": directives.unchanged_required}

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
        link = xref(
            paragraph_label(citation),
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
        return xref(
            item_id,
            nodes.literal(item_id, item_id, classes=["xref", "g287"]),
            docname=self.env.docname,
            table=table,
        )
