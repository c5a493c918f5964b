"""Sphinx configuration of g287's documentation.

Build (warnings are errors, every reference must resolve, every example runs)::

    python -m sphinx -W -n --keep-going -b html docs docs/_build/html
    python -m sphinx -W -n --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import g287

# The docs-only helpers (the API page directive, the completeness check) live in docs/_ext.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "g287"
author = "g287 contributors"
project_copyright = "2025, g287 contributors"
release = version = g287.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "g287.sphinxext",
    "g287docs",
]

exclude_patterns = ["_build"]
nitpicky = True
html_theme = "alabaster"
html_title = f"g287 {release}"
html_theme_options = {
    "description": "The DHS/ICE 287(g) reimbursement and award policy as exact, cited code.",
    "fixed_sidebar": True,
}
html_sidebars = {"**": ["about.html", "navigation.html", "searchbox.html"]}

# --- autodoc -------------------------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True

# --- doctest: every ``>>>`` in the pages and in the docstrings autodoc pulls in runs -------------

doctest_global_setup = """
import datetime
from decimal import Decimal
from fractions import Fraction

import g287
"""
# The flags of the test suite's doctests (pyproject.toml) plus ELLIPSIS for long audit trails.
# Exception details are compared in full: error messages are part of g287's contract.
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)

# --- nitpicky references -------------------------------------------------------------------------
#
# Signatures and docstrings name types of the standard library and of attrs and Sphinx. Linking
# them would need intersphinx inventories from docs.python.org and friends, which the CI cannot
# reach (it has network access to PyPI only), so these references are left as plain text instead
# of failing the nitpicky build. Every reference to g287 itself must resolve.
nitpick_ignore_regex = [
    # the standard library, by module (``decimal.Decimal``, ``datetime.date``, ``csv.DictWriter``)
    (r"py:.*", rf"({'|'.join(sorted(sys.stdlib_module_names))})\..*"),
    # the same names written without their module in hand-written annotations
    (r"py:.*", r"(Decimal|Fraction|Path|Sequence|Iterable|Iterator|Mapping|Callable|Any)"),
    # ``dt.date`` where a module imports ``datetime as dt``
    (r"py:.*", r"dt\..*"),
    # attrs (``attrs.evolve``, ``attrs.Attribute``) and Sphinx's own types in the extension
    (r"py:.*", r"(attr|attrs|sphinx|docutils)\..*"),
    # type variables of generic signatures (``loads(text, kind: type[T]) -> T``)
    (r"py:class", r"g287\.\w+\.T"),
]
