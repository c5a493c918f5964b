"""The exact sections that ``.. g287-rule::`` and ``.. g287-interpretation::`` generate.

One small project is built once (module-scoped) with rule and interpretation sections, some
under a ``:policy:`` variant; the tests read its doctrees node by node and compare them with what
the public objects (``g287.POLICY``, ``g287.INTERPRETATIONS``) say each section must show.
"""

from __future__ import annotations

import posixpath
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple, TypeVar

import pytest
import sphinx.locale
from docutils import nodes
from sphinx import addnodes
from sphinx.util.inventory import InventoryFile

import g287
import scopes
from g287.sphinxext import _describe
from test_sphinxext import CONF, _build, _doctrees, _project, _write, restored_imports

# A variant of the built-in policy whose R-AWD quote holds straight quotes, an apostrophe and a
# double hyphen: what Sphinx's smart quotes would turn into typographic characters.
STRAIGHT_QUOTE = "the \"successful location\" of aliens -- that's ICE's mission..."
DEFINITION_VARIANTS = f"""
import attrs

import g287

_awd = g287.POLICY.rule("R-AWD")
STRAIGHT = attrs.evolve(
    g287.POLICY,
    rules=tuple(
        attrs.evolve(r, citation=attrs.evolve(r.citation, quote={STRAIGHT_QUOTE!r}))
        if r is _awd
        else r
        for r in g287.POLICY.rules
    ),
)
"""
#: The R-OT quote of ``g287_test_variants:MISQUOTED`` (see test_sphinxext.VARIANTS).
MISQUOTE = "up to 30% of the salary"
CONTENT = "Hand-written notes follow the generated definition."
WORKED = "An officer eligible from April keeps the whole cap."

PAGES = {
    "index": """
        Site
        ====

        .. toctree::

           rules
           interpretations
           variants
           citing
           source
        """,
    "rules": f"""
        Rules
        =====

        .. g287-rule:: R-SAL

           {CONTENT}

        .. g287-rule:: R-EFF
        """,
    "interpretations": f"""
        Interpretations
        ===============

        .. g287-interpretation:: I-CAPPRO

           {WORKED}

        .. g287-interpretation:: I-RATE
        """,
    "variants": """
        Variants
        ========

        .. g287-rule:: R-OT
           :policy: g287_test_variants:MISQUOTED

        .. g287-rule:: R-AWD
           :policy: g287_definition_variants:STRAIGHT

        .. g287-interpretation:: I-CAPYEAR
           :policy: g287_test_variants:MISQUOTED
        """,
    "citing": """
        Citing
        ======

        See :g287:`R-SAL` and :g287:`I-CAPPRO`.
        """,
    "source": """
        Source
        ======

        .. g287-source::
        """,
}


class Site(NamedTuple):
    """The built project: doctrees as read (links pending) and as written (links resolved)."""

    read: dict[str, nodes.document]
    resolved: dict[str, nodes.document]
    labels: dict[str, tuple[str, str]]  # std:label -> (display name, uri)
    warnings: str


@pytest.fixture(scope=scopes.shared)
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The project above, built once as HTML."""
    src = tmp_path_factory.mktemp("definitions") / "src"
    _write(src, PAGES)
    (src / "g287_definition_variants.py").write_text(DEFINITION_VARIANTS, encoding="utf-8")
    with restored_imports("g287_definition_variants"):
        app, warnings = _build(src)
        read, resolved = _doctrees(app, PAGES)
    with (Path(app.outdir) / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", posixpath.join)["std:label"]
    labels = {name: (item.display_name, item.uri) for name, item in inventory.items()}
    return Site(read, resolved, labels, warnings)


@pytest.fixture
def _isolated_imports() -> Iterator[None]:
    """The test's project is forgotten after it."""
    with restored_imports():
        yield


def _section(doctree: nodes.document, label: str) -> nodes.section:
    """The one section of ``doctree`` whose ids include ``label``."""
    found = [s for s in doctree.findall(nodes.section) if label in s["ids"]]
    assert len(found) == 1, label
    return found[0]


def _types(node: nodes.Element) -> list[type[nodes.Node]]:
    return [type(child) for child in node.children]


E = TypeVar("E", bound=nodes.Element)


def _child(node: nodes.Node, index: int, kind: type[E]) -> E:
    """Child ``index`` of ``node``, checked to be a ``kind``."""
    assert isinstance(node, nodes.Element)
    child = node[index]
    assert isinstance(child, kind)
    return child


def _only(node: nodes.Node, kind: type[E]) -> E:
    """The single child of ``node``, checked to be a ``kind``."""
    assert isinstance(node, nodes.Element)
    assert _types(node) == [kind]
    return _child(node, 0, kind)


def _fields(section: nodes.section) -> list[tuple[str, nodes.Element]]:
    """The (name, body element) pairs of the section's field list, checking each field's shape."""
    field_list = section[1]
    assert isinstance(field_list, nodes.field_list)
    pairs = []
    for field in field_list.children:
        assert isinstance(field, nodes.field)
        assert _types(field) == [nodes.field_name, nodes.field_body]
        name, body = field.children
        assert isinstance(body, nodes.field_body)
        assert len(body.children) == 1
        element = body[0]
        assert isinstance(element, nodes.Element)
        pairs.append((name.astext(), element))
    return pairs


def _cited(rule_id: str, quote: str | None = None) -> str:
    """``R-OT, DHS-2025-09-18 ¶7: “quote”``: what the Reads field shows for a rule."""
    citation = g287.POLICY.rule(rule_id).citation
    where = f"{citation.source.id} {citation.locator}"
    return f"{rule_id}, {where}: \u201c{quote or citation.quote}\u201d"


def _readers(rule_id: str) -> list[str]:
    return [item.id for item in g287.INTERPRETATIONS.values() if item.rule_id == rule_id]


def test_project_builds_cleanly(site: Site) -> None:
    """The rule and interpretation directives of the project build without a warning."""
    assert site.warnings == ""


class TestDescribe:
    """The tooltip (``_describe``) of a ``:g287:`` link to a g287-rule or g287-interpretation."""

    @pytest.mark.parametrize("rule", g287.POLICY.rules, ids=lambda r: r.id)
    def test_rule(self, rule: g287.Rule) -> None:
        """A link to a rule id (a g287-rule section) is described by that rule's statement."""
        assert _describe(rule.id) == f"{rule.id}: {rule.statement}"

    @pytest.mark.parametrize("item", g287.INTERPRETATIONS.values(), ids=lambda i: i.id)
    def test_interpretation(self, item: g287.Interpretation) -> None:
        """A link to an interpretation id (a g287-interpretation section) shows its question."""
        assert _describe(item.id) == f"{item.id}: {item.question}"

    @pytest.mark.parametrize("text", ["R-NOPE", "I-NOPE", "dhs-2025-09-18-p7", ""])
    def test_other(self, text: str) -> None:
        """A link to anything else (a g287-source paragraph, an unknown id) has no tooltip."""
        assert _describe(text) is None

    def test_links_to_sections(self, site: Site) -> None:
        """Links to a g287-rule and a g287-interpretation section carry their descriptions."""
        links = list(site.resolved["citing"].findall(nodes.reference))
        statement = g287.POLICY.rule("R-SAL").statement
        question = g287.INTERPRETATIONS["I-CAPPRO"].question
        assert [(ref["refuri"], ref["reftitle"], ref.astext()) for ref in links] == [
            ("rules.html#r-sal", f"R-SAL: {statement}", "R-SAL"),
            ("interpretations.html#i-cappro", f"I-CAPPRO: {question}", "I-CAPPRO"),
        ]


class TestRuleDirective:
    """``.. g287-rule:: R-ID``: a section stating the rule, quoting its source, then content."""

    def test_section_is_the_label(self, site: Site) -> None:
        """The g287-rule section is the label ``r-sal``, titled with the rule's id and title."""
        rule = g287.POLICY.rule("R-SAL")
        section = _section(site.read["rules"], "r-sal")
        assert section["ids"] == ["r-sal"]
        assert section["names"] == ["r-sal"]
        assert isinstance(section[0], nodes.title)
        assert section[0].astext() == f"{rule.id}: {rule.title}" == "R-SAL: Salary and benefits"
        assert site.labels["r-sal"] == ("R-SAL: Salary and benefits", "rules.html#r-sal")

    def test_parts_in_order(self, site: Site) -> None:
        """Title, statement, quoted source, "Read with:" line, then the directive's content."""
        rule = g287.POLICY.rule("R-SAL")
        section = _section(site.resolved["rules"], "r-sal")
        assert _types(section) == [
            nodes.title,
            nodes.paragraph,
            nodes.block_quote,
            nodes.paragraph,
            nodes.paragraph,
        ]
        assert section[1].astext() == rule.statement
        assert section[4].astext() == CONTENT

    def test_quote(self, site: Site) -> None:
        """The quote is the cited passage in curly quotes, attributed to source and paragraph."""
        citation = g287.POLICY.rule("R-SAL").citation
        quote = _section(site.resolved["rules"], "r-sal")[2]
        assert isinstance(quote, nodes.block_quote)
        assert quote["classes"] == ["g287-citation"]
        assert _types(quote) == [nodes.paragraph, nodes.attribution]
        assert quote[0].astext() == f"\u201c{citation.quote}\u201d"
        assert quote[1].astext() == f"{citation.source.id} {citation.locator}"
        assert quote[1].astext() == "DHS-2025-09-18 ¶7"

    def test_attribution_links_to_the_paragraph(self, site: Site) -> None:
        """The attribution is a quiet label link to the source paragraph, which resolves there."""
        quote = _child(_section(site.read["rules"], "r-sal"), 2, nodes.block_quote)
        link = _only(_child(quote, 1, nodes.attribution), addnodes.pending_xref)
        assert {key: link[key] for key in ("refdomain", "reftype", "reftarget", "refwarn")} == {
            "refdomain": "g287",
            "reftype": "label",
            "reftarget": "dhs-2025-09-18-p7",
            "refwarn": False,
        }
        assert link["g287_quiet"] is True
        inline = _only(link, nodes.inline)
        assert inline.astext() == "DHS-2025-09-18 ¶7"
        quote = _child(_section(site.resolved["rules"], "r-sal"), 2, nodes.block_quote)
        reference = _only(_child(quote, 1, nodes.attribution), nodes.reference)
        assert reference["refuri"] == "source.html#dhs-2025-09-18-p7"
        assert "reftitle" not in reference  # a paragraph label has no description
        assert reference.astext() == "DHS-2025-09-18 ¶7"

    def test_read_with(self, site: Site) -> None:
        """The "Read with:" line lists, in order, each interpretation that reads the rule."""
        readers = _readers("R-SAL")
        assert len(readers) >= 2  # so the separators are exercised
        line = _section(site.read["rules"], "r-sal")[3]
        assert isinstance(line, nodes.paragraph)
        assert line.astext() == f"Read with: {', '.join(readers)}."
        assert line.astext() == "Read with: I-MODEL, I-WIN, I-DAYS."
        links = list(line.findall(addnodes.pending_xref))
        assert [(x["reftype"], x["reftarget"], x["refwarn"]) for x in links] == [
            ("id", reader, False) for reader in readers
        ]
        shown = [_only(x, nodes.literal) for x in links]
        assert [(lit.astext(), lit["classes"]) for lit in shown] == [
            (reader, ["xref", "g287"]) for reader in readers
        ]

    def test_rule_nobody_reads(self, site: Site) -> None:
        """A rule no interpretation reads (R-EFF) has no "Read with:" line, nor content."""
        rule = g287.POLICY.rule("R-EFF")
        assert _readers("R-EFF") == []
        section = _section(site.resolved["rules"], "r-eff")
        assert _types(section) == [nodes.title, nodes.paragraph, nodes.block_quote]
        assert section[0].astext() == f"R-EFF: {rule.title}"
        assert section[1].astext() == rule.statement
        assert (
            _child(section, 2, nodes.block_quote)[0].astext()
            == f"\u201c{rule.citation.quote}\u201d"
        )

    def test_variant_policy(self, site: Site) -> None:
        """Under ``:policy:``, a g287-rule section quotes the variant's citation of the rule."""
        section = _section(site.resolved["variants"], "r-ot")
        assert section[0].astext() == "R-OT: Overtime cap"
        quote = _child(section, 2, nodes.block_quote)
        assert quote[0].astext() == f"\u201c{MISQUOTE}\u201d"
        assert quote[1].astext() == "DHS-2025-09-18 ¶7"
        assert section[3].astext() == f"Read with: {', '.join(_readers('R-OT'))}."

    def test_quote_is_verbatim(self, site: Site) -> None:
        """Smart quotes leave the quoted passage alone: straight quotes and ``--`` stay."""
        section = _section(site.read["variants"], "r-awd")
        quote = _child(section, 2, nodes.block_quote)
        assert quote[0].astext() == f"\u201c{STRAIGHT_QUOTE}\u201d"
        assert section[3].astext() == f"Read with: {', '.join(_readers('R-AWD'))}."


class TestInterpretationDirective:
    """``.. g287-interpretation:: I-ID``: a section with question, default, alternatives…"""

    def test_section_is_the_label(self, site: Site) -> None:
        """The g287-interpretation section is the label ``i-cappro``, titled with the question."""
        item = g287.INTERPRETATIONS["I-CAPPRO"]
        section = _section(site.read["interpretations"], "i-cappro")
        assert section["ids"] == ["i-cappro"]
        assert section["names"] == ["i-cappro"]
        assert isinstance(section[0], nodes.title)
        assert section[0].astext() == f"I-CAPPRO: {item.question}"
        assert site.labels["i-cappro"] == (
            f"I-CAPPRO: {item.question}",
            "interpretations.html#i-cappro",
        )

    def test_parts_in_order(self, site: Site) -> None:
        """Title, the field list, then a "Worked example" rubric before the directive's content."""
        section = _section(site.resolved["interpretations"], "i-cappro")
        assert _types(section) == [nodes.title, nodes.field_list, nodes.rubric, nodes.paragraph]
        assert _child(section, 1, nodes.field_list)["classes"] == ["g287-interpretation"]
        assert section[2].astext() == "Worked example"
        assert section[3].astext() == WORKED

    def test_without_content(self, site: Site) -> None:
        """With no content there is no "Worked example" rubric: just the title and fields."""
        section = _section(site.resolved["interpretations"], "i-rate")
        assert _types(section) == [nodes.title, nodes.field_list]
        assert _child(section, 1, nodes.field_list)["classes"] == ["g287-interpretation"]

    def test_fields(self, site: Site) -> None:
        """Default, Alternatives (a bullet list) and Reads, then the option's two fields."""
        item = g287.INTERPRETATIONS["I-CAPPRO"]
        fields = _fields(_section(site.resolved["interpretations"], "i-cappro"))
        assert [name for name, _body in fields] == [
            "Default",
            "Alternatives",
            "Reads",
            "This policy",
            "Select",
        ]
        bodies = dict(fields)
        assert isinstance(bodies["Default"], nodes.paragraph)
        assert bodies["Default"].astext() == item.default
        listing = bodies["Alternatives"]
        assert isinstance(listing, nodes.bullet_list)
        assert item.alternatives
        assert [_only(entry, nodes.paragraph).astext() for entry in listing.children] == list(
            item.alternatives
        )
        assert isinstance(bodies["Reads"], nodes.paragraph)
        assert bodies["Reads"].astext() == _cited("R-OT")
        chosen = g287.POLICY.overtime_cap.proration.value
        assert bodies["This policy"].astext() == f"{chosen} (the attribute {item.option})"
        assert isinstance(bodies["Select"], nodes.doctest_block)

    def test_fields_without_alternatives_or_option(self, site: Site) -> None:
        """An interpretation with one reading says so, and has no option fields."""
        item = g287.INTERPRETATIONS["I-RATE"]
        assert not item.alternatives
        assert item.option is None
        fields = _fields(_section(site.resolved["interpretations"], "i-rate"))
        assert [name for name, _body in fields] == ["Default", "Alternatives", "Reads"]
        bodies = dict(fields)
        assert bodies["Default"].astext() == item.default
        assert isinstance(bodies["Alternatives"], nodes.paragraph)
        assert bodies["Alternatives"].astext() == "None: g287 implements this one reading."
        assert bodies["Reads"].astext() == _cited("R-AWD")

    def test_reads_links(self, site: Site) -> None:
        """The Reads field links the rule id, then the paragraph its citation names."""
        reads = dict(_fields(_section(site.read["interpretations"], "i-rate")))["Reads"]
        links = list(reads.findall(addnodes.pending_xref))
        assert [(x["reftype"], x["reftarget"]) for x in links] == [
            ("id", "R-AWD"),
            ("label", "dhs-2025-09-18-p8"),
        ]

    def test_variant_policy(self, site: Site) -> None:
        """Under ``:policy:``, the Reads field quotes the variant's citation of the rule read."""
        item = g287.INTERPRETATIONS["I-CAPYEAR"]
        assert item.rule_id == "R-OT"
        section = _section(site.resolved["variants"], "i-capyear")
        assert section[0].astext() == f"I-CAPYEAR: {item.question}"
        bodies = dict(_fields(section))
        assert list(bodies) == ["Default", "Alternatives", "Reads"]
        assert bodies["Reads"].astext() == _cited("R-OT", MISQUOTE)

    @pytest.mark.usefixtures("_isolated_imports")
    def test_headings_translate(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A catalogue translates a g287-interpretation's rubric and field names."""
        # Sphinx caches loaded catalogues in one module-wide dict keyed by catalogue name
        # ("index"), and a later English build of another "index" would reuse this German one.
        monkeypatch.setattr(sphinx.locale, "translators", {})
        translations = {
            "Worked example": "Rechenbeispiel",
            "Default": "Standard",
            "Alternatives": "Alternativen",
            "Reads": "Liest",
        }
        conf = CONF + 'language = "de"\nlocale_dirs = ["locale"]\n'
        src = _project(tmp_path, f".. g287-interpretation:: I-RATE\n\n   {WORKED}\n", conf)
        catalogue = src / "locale" / "de" / "LC_MESSAGES" / "index.po"
        catalogue.parent.mkdir(parents=True)
        entries = "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in translations.items())
        header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        catalogue.write_text(header + entries, encoding="utf-8")
        app, warnings = _build(src)
        assert warnings == ""
        section = _section(app.env.get_doctree("index"), "i-rate")
        assert [name for name, _body in _fields(section)] == ["Standard", "Alternativen", "Liest"]
        assert _types(section) == [nodes.title, nodes.field_list, nodes.rubric, nodes.paragraph]
        assert section[2].astext() == "Rechenbeispiel"

    @pytest.mark.usefixtures("_isolated_imports")
    def test_unknown_ids(self, tmp_path: Path) -> None:
        """An unknown id is an error of g287-interpretation (listing the ids) or g287-rule."""
        body = """
            .. g287-interpretation:: I-NOPE

            .. g287-rule:: R-NOPE
            """
        _app, warnings = _build(_project(tmp_path, textwrap.dedent(body)))
        known = ", ".join(g287.INTERPRETATIONS)
        assert known.startswith("I-RATE, I-BAND, ")
        assert (
            f"g287-interpretation: 'I-NOPE' is not an interpretation; expected one of {known}"
            in warnings
        )
        assert f"g287-rule: rule_id: 'R-NOPE' is not a rule of {g287.POLICY.name!r}" in warnings


class TestSectionLabel:
    """The section each definition directive creates is its label, whatever else the page has."""

    @pytest.mark.usefixtures("_isolated_imports")
    def test_defined_twice(self, tmp_path: Path) -> None:
        """A g287-rule defined twice on a page keeps its anchor; the clash is shown in place."""
        conf = CONF + "keep_warnings = True\n"
        body = ".. g287-rule:: R-EFF\n\n.. g287-rule:: R-EFF\n"
        app, warnings = _build(_project(tmp_path, body, conf))
        assert 'Duplicate ID: "r-eff"' in warnings
        assert 'Duplicate explicit target name: "r-eff"' in warnings
        doctree = app.env.get_doctree("index")
        first, second = (s for s in doctree.findall(nodes.section) if s["dupnames"])
        assert first["ids"] == second["ids"] == ["r-eff"]
        assert _types(first) == [nodes.title, nodes.paragraph, nodes.block_quote]
        assert _types(second)[:2] == [nodes.title, nodes.system_message]
        # The kept messages are shown with typographic quotes, like the rest of the page.
        messages = [
            m.astext().replace("\u201c", '"').replace("\u201d", '"')
            for m in second.findall(nodes.system_message)
        ]
        assert len(messages) == 2
        assert 'Duplicate ID: "r-eff"' in messages[0]
        assert 'Duplicate explicit target name: "r-eff"' in messages[1]
