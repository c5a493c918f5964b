"""Helpers for g287's own documentation (not part of the package).

* ``.. g287-api:: g287.award`` documents one module: its docstring, then every name of its
  ``__all__``, in source order. A name that ``g287`` re-exports is documented where users
  import it, as ``g287.NAME``; the rest as ``g287.module.NAME``. The module's globals are set up
  for the doctest builder, as pytest's ``--doctest-modules`` does, so docstring examples run
  unchanged under ``sphinx -b doctest``.
* Docstrings: their Google-style sections (``Args:``, ``Raises:``) become fields (napoleon,
  applied to functions and classes only); rule and interpretation ids in their prose become
  ``:g287:`` links; attrs classes show their defaults as values.
* Python cross-references written inside a module (``:func:`quarterly_award``` in
  ``g287.award``) resolve to the public ``g287.quarterly_award``, as the module's own scope
  would.
* At the end of reading, the build warns if a public name of ``g287`` or a public module has no
  entry in the API reference, or if a rule or interpretation id of ``g287.POLICY`` is not a
  label: with ``-W`` that fails the build, so the reference stays complete.
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import pkgutil
import re
from types import ModuleType
from typing import Any, ClassVar, cast

import attrs
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config as SphinxConfig
from sphinx.environment import BuildEnvironment
from sphinx.ext.napoleon import Config as NapoleonConfig
from sphinx.ext.napoleon.docstring import GoogleDocstring
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

import g287

logger = logging.getLogger(__name__)

# Reprs shorter than this are worth showing after a constant's name; longer ones (a whole
# policy, the interpretations catalogue) are noise in a signature.
_SHORT_REPR = 60


@functools.cache
def _public_modules() -> tuple[str, ...]:
    return tuple(
        sorted(
            info.name
            for info in pkgutil.iter_modules(g287.__path__, "g287.")
            if not info.name.rpartition(".")[2].startswith("_")
        )
    )


def _public_names(module: ModuleType) -> list[str]:
    """The module's ``__all__``, or else the functions and classes it defines."""
    if hasattr(module, "__all__"):
        return [n for n in module.__all__ if n != "__version__"]
    return [
        n
        for n, obj in vars(module).items()
        if not n.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and obj.__module__ == module.__name__
    ]


def _data_directive(name: str, obj: object, comment: list[str]) -> list[str]:
    """A ``py:data`` entry whose text is the ``#:`` comment where the constant is defined.

    autodoc looks for that comment in the module a name is documented under; ``g287.POLICY``
    is defined in ``g287.policy``, so autodoc would show the docstring of ``Policy`` instead.
    """
    module, _, short = name.rpartition(".")
    lines = [f".. py:data:: {short}", f"   :module: {module}"]
    if len(repr(obj)) <= _SHORT_REPR:
        lines.append(f"   :value: {obj!r}")
    return [*lines, "", *(f"   {line}" for line in comment), ""]


class ApiDirective(SphinxDirective):
    """``.. g287-api:: g287.module``: a module's docstring and public names."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        module = importlib.import_module(name)
        analyzer = ModuleAnalyzer.for_module(name)
        analyzer.analyze()
        order = analyzer.tagorder
        names = sorted(_public_names(module), key=lambda n: order.get(n, len(order)))
        lines = [
            ".. testsetup:: *",
            "",
            "   import importlib",
            f"   _module = importlib.import_module({name!r})",
            "   globals().update(",
            "       {k: v for k, v in vars(_module).items() if not k.startswith('__')}",
            "   )",
            "",
            f".. automodule:: {name}",
            "",
        ]
        for member in names:
            obj = getattr(module, member)
            full = f"g287.{member}" if member in g287.__all__ else f"{name}.{member}"
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                lines += [f".. autoexception:: {full}", ""]
            elif inspect.isclass(obj):
                lines += [f".. autoclass:: {full}", "   :members:", "   :undoc-members:", ""]
            elif inspect.isfunction(obj):
                lines += [f".. autofunction:: {full}", ""]
            else:
                lines += _data_directive(full, obj, analyzer.attr_docs.get(("", member), []))
        return self.parse_text_to_nodes("\n".join(lines))


# Attribute and property docstrings are plain sentences ("Annual base salary: the basis of the
# cap"), which napoleon would read as "type: description"; only these take Google sections.
_GOOGLE_STYLE = {"module", "class", "exception", "function", "method"}


def _google_sections(  # noqa: PLR0917 - the autodoc-process-docstring signature
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Turn the docstrings' Google-style sections (``Args:``, ``Raises:``) into fields."""
    if what in _GOOGLE_STYLE:
        # napoleon's standalone Config stands in for Sphinx's (napoleon is not loaded as an
        # extension, so the build's config has no napoleon settings).
        config = cast("SphinxConfig", NapoleonConfig(napoleon_numpy_docstring=False))
        # ``options`` is not passed on: napoleon only reads its no-index flag, and tests it with
        # the mapping interface Sphinx 9 deprecates.
        lines[:] = GoogleDocstring(lines, config, app, cast("Any", what), name, obj).lines()


# A rule or interpretation id in prose, and the spans it must not be looked for in: inline
# literals and roles. Doctest blocks and literal blocks are skipped whole.
_ID = re.compile(r"(?<![\w`'\"/-])(R-[A-Z]+(?:-[0-9A-Z]+)*|I-[A-Z]+)(?![\w`'\"-])")
_SPANS = re.compile(r"(``.*?``|:[\w:+-]+:`[^`]*`)")


def _link_ids(  # noqa: PLR0917 - the autodoc-process-docstring signature
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Make each rule or interpretation id named in a docstring's prose a ``:g287:`` link."""
    in_block = False
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">>>"):
            in_block = True
        elif not stripped:
            in_block = False
        if in_block or stripped.endswith("::"):
            continue
        parts = _SPANS.split(line)
        parts[::2] = [_ID.sub(r":g287:`\1`", part) for part in parts[::2]]
        lines[n] = "".join(parts)


def _attrs_defaults(  # noqa: PLR0917 - the autodoc-process-signature signature
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show an attrs class's defaults as values, not as the generated ``attr_dict[...]``."""
    if what != "class" or signature is None or not inspect.isclass(obj) or not attrs.has(obj):
        return None
    fields = attrs.fields_dict(obj)

    def show(match: re.Match[str]) -> str:
        value = fields[match[1]].default
        if isinstance(value, enum.Enum):
            return f"{type(value).__name__}.{value.name}"
        return repr(value)

    return re.sub(r"attr_dict\['(\w+)'\]\.default", show, signature), return_annotation


def _resolve_in_package(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.reference | None:
    """Resolve ``Policy.choose`` or ``g287.award.quarterly_award`` as ``g287.…``."""
    if node.get("refdomain") != "py" or not (node.get("py:module") or "").startswith("g287"):
        return None
    target = node["reftarget"].lstrip(".~")
    parts = target.split(".")
    if parts[0] == "g287":
        parts = parts[1:]
        if parts and f"g287.{parts[0]}" in _public_modules():
            parts = parts[1:]
    if not parts or parts[0] not in g287.__all__:
        return None
    retry = node.deepcopy()
    retry["py:module"] = "g287"
    retry["py:class"] = None
    retry["refspecific"] = False
    return env.domains["py"].resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], ".".join(parts), retry, contnode
    )


def _check_complete(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about public names, modules and ids the documentation does not define."""
    documented = env.domains["py"].objects
    missing = [f"g287.{n}" for n in g287.__all__ if n != "__version__"]
    missing += list(_public_modules())
    for name in missing:
        if name not in documented:
            logger.warning("API reference: %s is not documented (add a g287-api page)", name)
    labels = env.domains["std"].anonlabels
    ids = [rule.id for rule in g287.POLICY.rules] + list(g287.INTERPRETATIONS)
    for item_id in ids:
        if item_id.lower() not in labels:
            logger.warning(
                "%s is not a label: add a g287-rule or g287-interpretation section", item_id
            )


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the helpers."""
    app.add_directive("g287-api", ApiDirective)
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("autodoc-process-docstring", _google_sections)
    app.connect("autodoc-process-signature", _attrs_defaults)
    # After _google_sections: ids in the fields it makes are linked too.
    app.connect("autodoc-process-docstring", _link_ids, priority=600)
    app.connect("missing-reference", _resolve_in_package)
    app.connect("env-check-consistency", _check_complete)
    return {"version": g287.__version__, "parallel_read_safe": True}
