"""g287's own documentation: it builds cleanly, its examples run, and it documents everything.

The two whole-site builds are slow (``pytest -m slow``); they run Sphinx as ``.ci/run`` does.
The other tests read the ``.rst`` sources and the code, without building anything.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.inventory import InventoryFile
from sphinx.util.typing import Inventory

import g287

DOCS = Path(__file__).resolve().parents[1] / "docs"
API = DOCS / "api"
NOTEBOOK = "examples/fy2026-quarter.ipynb"

pytestmark = pytest.mark.skipif(
    not (DOCS / "conf.py").exists(), reason="the documentation sources are not present"
)

PUBLIC_MODULES = sorted(
    info.name
    for info in pkgutil.iter_modules(g287.__path__, "g287.")
    if not info.name.rpartition(".")[2].startswith("_")
)
#: The classes and functions ``import g287`` gives (constants and ``__version__`` aside).
REEXPORTED = sorted(n for n in g287.__all__ if callable(getattr(g287, n)))
#: The constants ``import g287`` gives, with the module that defines (and documents) each.
CONSTANTS = {
    "INTERPRETATIONS": "g287.announced",
    "POLICY": "g287.announced",
    "REGISTRY": "g287.announced",
    "SOURCE": "g287.announced",
    "SCHEMA": "g287.serialize",
}


def sphinx(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    """Build the documentation as ``.ci/run`` does: nitpicky, warnings are errors."""
    command = [sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", builder]
    return subprocess.run(
        [*command, str(DOCS), str(out)], capture_output=True, text=True, check=False
    )


def documented_names(page: Path) -> list[str]:
    """The full names a page documents with ``auto…::`` directives (not ``automodule``)."""
    module = ""
    names = []
    for line in page.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"\.\. (?:currentmodule|automodule)::\s*(\S+)", line):
            module = match[1]
        elif match := re.match(r"\.\. auto(?:class|function|exception|data)::\s*(\S+)", line):
            names.append(f"{module}.{match[1]}")
    return names


# --- fast: the sources -----------------------------------------------------------------------


class TestApiPages:
    """Every public module has its page, and every public name is documented once."""

    @pytest.mark.parametrize("module", PUBLIC_MODULES)
    def test_one_page_per_public_module(self, module: str) -> None:
        """``docs/api/<module>.rst`` documents the module's ``__all__`` with automodule."""
        page = API / f"{module.removeprefix('g287.')}.rst"
        text = page.read_text(encoding="utf-8")
        assert f".. automodule:: {module}\n   :members:\n" in text

    def test_every_page_in_the_contents(self) -> None:
        """The API index lists every module page in its table of contents."""
        index = (API / "index.rst").read_text(encoding="utf-8")
        toctree = index[index.index(".. toctree::") :]
        entries = {line.strip() for line in toctree.splitlines()[1:] if line.startswith("   ")}
        pages = {page.stem for page in API.glob("*.rst")} - {"index"}
        assert {e for e in entries if not e.startswith(":")} == pages

    @pytest.mark.parametrize("name", REEXPORTED)
    def test_reexported_under_the_name_users_import(self, name: str) -> None:
        """A class or function of ``g287.__all__`` is documented as ``g287.NAME``, once, on
        the page of the module that defines it (its module's automodule leaves it out)."""
        defined_in = getattr(g287, name).__module__.removeprefix("g287.")
        where = [
            page.stem
            for page in API.glob("*.rst")
            for documented in documented_names(page)
            if documented == f"g287.{name}"
        ]
        assert where == [defined_in]

    @pytest.mark.parametrize(("name", "module"), sorted(CONSTANTS.items()))
    def test_constants_where_defined(self, name: str, module: str) -> None:
        """A constant of ``g287.__all__`` is the one its defining module's page documents."""
        assert getattr(g287, name) is getattr(importlib.import_module(module), name)
        assert name in importlib.import_module(module).__all__

    def test_every_public_name_is_reexported_or_constant(self) -> None:
        """``g287.__all__`` is the callables above, the constants and ``__version__``."""
        assert sorted(g287.__all__) == sorted([*REEXPORTED, *CONSTANTS, "__version__"])

    @pytest.mark.parametrize("module", PUBLIC_MODULES)
    def test_every_constant_has_a_doc_comment(self, module: str) -> None:
        """automodule shows a constant of ``__all__`` only if a ``#:`` comment documents it
        in that module's source; without one it is silently left out of the reference."""
        mod = importlib.import_module(module)
        analyzer = ModuleAnalyzer.for_module(module)
        analyzer.analyze()
        constants = [n for n in getattr(mod, "__all__", ()) if not callable(getattr(mod, n))]
        assert [n for n in constants if ("", n) not in analyzer.attr_docs] == []

    @pytest.mark.parametrize("module", PUBLIC_MODULES)
    def test_docstring_examples_run_in_their_module(self, module: str) -> None:
        """Each module page runs its docstrings' examples in the module's namespace, as
        ``pytest --doctest-modules`` does."""
        page = API / f"{module.removeprefix('g287.')}.rst"
        assert f"   globals().update(vars({module}))\n" in page.read_text(encoding="utf-8")


class TestCitableIds:
    """Every id of the policy is defined on its page, where other projects can cite it."""

    @staticmethod
    def directive_arguments(page: str, directive: str) -> list[str]:
        text = (DOCS / page).read_text(encoding="utf-8")
        return re.findall(rf"^\.\. {directive}::\s*(\S+)$", text, flags=re.MULTILINE)

    def test_every_rule(self) -> None:
        """The policy page has a ``g287-rule`` section for each rule of g287.POLICY, in order."""
        rules = [rule.id for rule in g287.POLICY.rules]
        assert self.directive_arguments("policy.rst", "g287-rule") == rules

    def test_every_interpretation(self) -> None:
        """The interpretations page has a ``g287-interpretation`` section for each one."""
        ids = list(g287.INTERPRETATIONS)
        assert self.directive_arguments("interpretations.rst", "g287-interpretation") == ids


class TestNotebookLink:
    def test_index_links_the_notebook(self) -> None:
        """The index offers the example notebook, and the file it names exists."""
        index = (DOCS / "index.rst").read_text(encoding="utf-8")
        assert f"<../{NOTEBOOK}>`" in index
        assert (DOCS.parent / NOTEBOOK).is_file()


# --- slow: the whole site, built twice ---------------------------------------------------------


class Site:
    """The HTML build: its output folder and inventory."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        with (outdir / "objects.inv").open("rb") as stream:
            self.inventory: Inventory = InventoryFile.load(stream, "", posixpath.join)

    def page(self, name: str) -> str:
        """The HTML of one page."""
        return (self.outdir / f"{name}.html").read_text(encoding="utf-8")

    def names(self) -> set[str]:
        """Every Python object in the inventory."""
        return {
            name for kind, names in self.inventory.items() if kind[:3] == "py:" for name in names
        }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The documentation built as HTML, once; the build must succeed without a warning."""
    out = tmp_path_factory.mktemp("html")
    result = sphinx("html", out)
    assert (result.returncode, result.stderr) == (0, "")
    return Site(out)


@pytest.mark.slow
class TestHtml:
    """The nitpicky HTML build succeeds and holds what users and citing projects look for."""

    def test_tier_table_from_policy(self, site: Site) -> None:
        """The policy page holds the tier table rendered from g287.POLICY, a row per rule."""
        html = site.page("policy")
        for tier in g287.POLICY.tiers:
            assert f"${tier.amount:,.2f}" in html
            assert f'id="{tier.rule_id.lower()}"' in html

    def test_every_rule_is_a_label(self, site: Site) -> None:
        """Each rule of g287.POLICY is a std:label on the policy page, titled with its id."""
        labels = site.inventory["std:label"]
        for rule in g287.POLICY.rules:
            item = labels[rule.id.lower()]
            assert item.display_name == f"{rule.id}: {rule.title}"
            assert item.uri.startswith("policy.html#")

    def test_every_interpretation_is_a_label(self, site: Site) -> None:
        """Each interpretation id is a std:label on the interpretations page."""
        labels = site.inventory["std:label"]
        for item_id in g287.INTERPRETATIONS:
            assert labels[item_id.lower()].uri == f"interpretations.html#{item_id.lower()}"

    def test_every_source_paragraph_is_a_label(self, site: Site) -> None:
        """Every paragraph a rule cites is a std:label."""
        labels = site.inventory["std:label"]
        for rule in g287.POLICY.rules:
            number = rule.citation.locator.removeprefix("¶")
            assert f"{rule.citation.source.id.lower()}-p{number}" in labels

    def test_public_names_in_the_inventory(self, site: Site) -> None:
        """Other projects can cite ``g287.quarterly_award`` and ``g287.Policy`` by the names
        users import, every public module, and the constants where they are defined."""
        names = site.names()
        expected = {f"g287.{n}" for n in REEXPORTED}
        expected |= {f"{module}.{n}" for n, module in CONSTANTS.items()}
        expected |= set(PUBLIC_MODULES)
        assert expected - names == set()

    def test_classes_also_by_their_defining_module(self, site: Site) -> None:
        """A class is found under the module that defines it too (``g287.policy.Policy``), as
        signatures and annotations name it."""
        names = site.names()
        classes = [n for n in REEXPORTED if inspect.isclass(getattr(g287, n))]
        assert [n for n in classes if f"{getattr(g287, n).__module__}.{n}" not in names] == []

    def test_what_documents_and_labels_rest_on(self, site: Site) -> None:
        """The reference documents ``Policy.registered`` and ``Policy.label``, the pinned
        fingerprints they rest on, and the identifier and name rules the inputs link to."""
        expected = {
            "g287.Policy.registered",
            "g287.Policy.label",
            "g287.policy.REGISTERED",
            "g287._validators.MAX_ID",
            "g287._validators.to_id",
            "g287._validators.to_name",
        }
        assert expected - site.names() == set()

    def test_docstring_links_read_as_in_the_source(self, site: Site) -> None:
        """A docstring's ``g287.REGISTRY`` links to the constant where it is documented, and a
        bare ``REGISTERED`` in ``g287.Policy`` to the name of the module that defines the class."""
        html = site.page("api/policy")
        for href, name in [
            ("announced.html#g287.announced.REGISTRY", "g287.announced.REGISTRY"),
            ("#g287.policy.REGISTERED", "g287.policy.REGISTERED"),
        ]:
            assert f'<a class="reference internal" href="{href}" title="{name}">' in html

    def test_notebook_is_downloadable(self, site: Site) -> None:
        """The index links the example notebook, copied into the site."""
        assert "fy2026-quarter.ipynb" in site.page("index")
        assert list(site.outdir.glob("_downloads/*/fy2026-quarter.ipynb"))


@pytest.mark.slow
class TestDoctest:
    def test_every_example_runs(self, tmp_path: Path) -> None:
        """Every ``>>>`` example of the pages and of the docstrings they pull in passes under
        Sphinx's doctest builder, and there are examples to run."""
        result = sphinx("doctest", tmp_path)
        assert (result.returncode, result.stderr) == (0, "")
        summary = (tmp_path / "output.txt").read_text(encoding="utf-8")
        assert re.search(r"^\s+0 failures in tests$", summary, flags=re.MULTILINE)
        tests = re.search(r"^\s+(\d+) tests$", summary, flags=re.MULTILINE)
        assert tests is not None
        assert int(tests[1]) > 100
