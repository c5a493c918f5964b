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

from typing import Final

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from g287._version import __version__

from . import _directive
from ._domain import G287Domain, IdRole, via_intersphinx, warn_missing
from ._sections import CliDirective, InterpretationDirective, RuleDirective
from ._tables import InterpretationsDirective, SourceDirective, TiersDirective

__all__ = ["DEFAULT_POLICY", "SOURCE_FILE", "setup"]

#: The policy a directive renders when none is named.
DEFAULT_POLICY: Final = _directive.DEFAULT_POLICY
#: The bundled text of :data:`~g287.announced.SOURCE`, inside the package's ``data`` folder.
SOURCE_FILE: Final = _directive.SOURCE_FILE


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register g287's directives, role and domain with Sphinx."""
    app.add_domain(G287Domain)
    app.add_role("g287", IdRole())
    app.add_directive("g287-tiers", TiersDirective)
    app.add_directive("g287-interpretations", InterpretationsDirective)
    app.add_directive("g287-rule", RuleDirective)
    app.add_directive("g287-interpretation", InterpretationDirective)
    app.add_directive("g287-source", SourceDirective)
    app.add_directive("g287-cli", CliDirective)
    app.connect("missing-reference", via_intersphinx)
    app.connect("warn-missing-reference", warn_missing)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
