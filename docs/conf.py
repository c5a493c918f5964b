"""Sphinx configuration of g287's documentation.

Build (warnings are errors, every reference must resolve, every example runs)::

    python -m sphinx -W -n --keep-going -b html docs docs/_build/html
    python -m sphinx -W -n --keep-going -b doctest docs docs/_build/doctest

The HTML build also executes the example notebooks and shows them as pages
(``docs/notebooks``, by the ``notebook`` directive of ``docs/_ext/notebook_pages.py``): it needs
the ``notebook`` dependency group and the ``pandas`` extra. The doctest build executes no
notebook.

The API reference (``docs/api``) is autodoc with napoleon (docstrings use Google-style
``Args:`` and ``Raises:`` sections); the policy's tables and id labels come from g287's own
Sphinx extension, :mod:`g287.sphinxext`.
"""

from __future__ import annotations

import doctest
import enum
import importlib
import pkgutil
import re
import sys
from pathlib import Path
from typing import Any

import attrs
from docutils.nodes import Element, TextElement
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext.napoleon.docstring import GoogleDocstring

import g287

# docs/_ext holds the policy variant the citing page renders live (``g287_variants:HALF_UP``)
# and the extension that shows the example notebooks, executed, as pages (``notebook_pages``).
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "g287"
author = "g287 contributors"
project_copyright = "2025, g287 contributors"
release = version = g287.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "g287.sphinxext",
    "notebook_pages",
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

# --- autodoc and napoleon ------------------------------------------------------------------------
#
# Each page of docs/api documents one module with ``automodule`` and ``:members:`` (its
# ``__all__``). A class or function that ``import g287`` gives is documented once, as
# ``g287.NAME``, under ``.. currentmodule:: g287`` on the page of the module that defines it;
# autodoc marks a class documented so with its canonical name (``g287.policy.Policy``), so both
# spellings link to it. Constants (``POLICY``, ``SCHEMA``) stay under the module that defines
# them (``g287.announced.POLICY``): autodoc reads a constant's ``#:`` comment only there.

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Defaults as written (``policy=POLICY``), not the repr of the object.
autodoc_preserve_defaults = True
# napoleon turns the Google-style sections of docstrings (``Args:``, ``Raises:``) into fields. Its
# own handler is off, because it also reads the first line of every attribute, property and
# constant docstring as ``type: description``, and g287's start with a rule id or a phrase
# (``R-OT: reimbursed overtime is at most ...``); google_sections below applies it to the kinds
# of docstring that have sections.
napoleon_google_docstring = False
napoleon_numpy_docstring = False
_WITH_SECTIONS = frozenset({"module", "class", "exception", "function", "method"})


def google_sections(  # noqa: PLR0917 - the autodoc-process-docstring signature
    app: Sphinx, what: Any, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Turn a docstring's ``Args:`` and ``Raises:`` sections into fields (napoleon)."""
    if what in _WITH_SECTIONS:
        lines[:] = GoogleDocstring(lines, app.config, app, what, name, obj).lines()


def skip_reexported(  # noqa: PLR0917 - the autodoc-skip-member signature
    app: Sphinx, what: str, name: str, obj: object, skip: bool, options: object
) -> bool | None:
    """A module's ``:members:`` leave out the classes and functions ``import g287`` gives."""
    if what == "module" and callable(obj) and name in g287.__all__ and getattr(g287, name) is obj:
        return True
    return None


def attrs_defaults(  # noqa: PLR0917 - the autodoc-process-signature signature
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show an attrs field's default as a value, not as attrs' ``attr_dict['x'].default``."""
    if what != "class" or signature is None or not (isinstance(obj, type) and attrs.has(obj)):
        return None
    fields = attrs.fields_dict(obj)

    def show(match: re.Match[str]) -> str:
        value: Any = fields[match[1]].default
        if isinstance(value, enum.Enum):
            return f"{type(value).__name__}.{value.name}"
        return repr(value)

    return re.sub(r"attr_dict\['(\w+)'\]\.default", show, signature), return_annotation


#: The constants ``import g287`` gives (``REGISTRY``), each with the public module that defines
#: and documents it (``g287.announced``).
CONSTANTS = {
    name: next(
        info.name
        for info in pkgutil.iter_modules(g287.__path__, "g287.")
        if not info.name.rpartition(".")[2].startswith("_")
        and name in getattr(importlib.import_module(info.name), "__all__", ())
    )
    for name in g287.__all__
    if name != "__version__" and not callable(getattr(g287, name))
}


def as_in_the_source(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: TextElement
) -> Element | None:
    """Resolve a docstring's reference to a g287 name as it reads in its module's source.

    Sphinx looks a name up under the documented object's module, which for what ``import
    g287`` gives is ``g287``: it finds neither a bare name of the defining module
    (``:data:`REGISTERED``` in a docstring of ``g287.Policy`` means ``g287.policy.REGISTERED``)
    nor a constant by the name users import (``:data:`g287.REGISTRY``` is documented where it
    is defined, as ``g287.announced.REGISTRY``). This tries those two readings, and nothing
    else: any other unresolved reference still fails the nitpicky build.
    """
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"]
    name = target.removeprefix("g287.")
    page: str = node.get("refdoc", "")
    if target.startswith("g287.") and name in CONSTANTS:
        candidate = f"{CONSTANTS[name]}.{name}"
    elif "." not in target and node.get("py:module") == "g287" and page.startswith("api/"):
        # A class or function of ``g287`` is documented on the page of its defining module.
        candidate = f"g287.{page.removeprefix('api/')}.{target}"
    else:
        return None
    python = env.domains["py"]
    return python.resolve_xref(env, page, app.builder, node["reftype"], candidate, node, contnode)


def setup(app: Sphinx) -> None:
    """Connect the autodoc adjustments above."""
    app.connect("autodoc-process-docstring", google_sections)
    app.connect("autodoc-skip-member", skip_reexported)
    app.connect("autodoc-process-signature", attrs_defaults)
    app.connect("missing-reference", as_in_the_source)


# --- doctest: every ``>>>`` in the pages and in the docstrings autodoc pulls in runs -------------

doctest_global_setup = """
import datetime
from decimal import Decimal
from fractions import Fraction

import g287
"""
# The flags of the test suite's doctests (pyproject.toml) plus ELLIPSIS for long audit trails.
# Exception details are compared (no IGNORE_EXCEPTION_DETAIL): an example that shows an error
# shows its field and value.
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)

# --- nitpicky references -------------------------------------------------------------------------
#
# Signatures and docstrings name types of the standard library, attrs and Sphinx. Linking them
# would need intersphinx inventories from docs.python.org and friends, which the CI cannot reach
# (it has network access to PyPI only), so these references stay plain text instead of failing
# the nitpicky build. Every reference to g287 itself must resolve.
nitpick_ignore_regex = [
    # the standard library, by module (``decimal.Decimal``, ``datetime.date``, ``csv.DictWriter``)
    (r"py:.*", rf"({'|'.join(sorted(sys.stdlib_module_names))})\..*"),
    # the same names written without their module in hand-written annotations
    (r"py:.*", r"(Decimal|Fraction|Path|Sequence|Iterable|Iterator|Mapping|Callable|Any)"),
    # ``dt.date`` where a module imports ``datetime as dt``
    (r"py:.*", r"dt\..*"),
    # attrs (``attrs.evolve``, ``attrs.Attribute``) and Sphinx's own types in the extension
    (r"py:.*", r"(attr|attrs|sphinx|docutils)\..*"),
    # pandas and pyarrow, the optional extra's types (``to_frame(...) -> pd.DataFrame``)
    (r"py:.*", r"(pd|pandas|pa|pyarrow)\..*"),
    # type variables of generic signatures (``loads(text, kind: type[T]) -> T``)
    (r"py:class", r"g287\.\w+\.T"),
]
