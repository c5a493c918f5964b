"""The ``:g287:`` role, how its links resolve, what it warns, and the ``g287-source`` table.

Small projects are built in temporary folders; the tests read the doctrees as read (links still
pending) and as written (links resolved), and the exact warnings, with their locations.
"""

from __future__ import annotations

import locale
import os
import re
import sys
import types
import zlib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

import g287
import scopes
from g287 import sphinxext
from g287.sphinxext import SOURCE_FILE
from test_sphinxext import CONF, _build, _doctrees, _project, _write, restored_imports

#: The bundled source text, and its paragraphs: the non-empty lines, stripped.
SOURCE_TEXT = (resources.files("g287") / "data" / SOURCE_FILE).read_text(encoding="utf-8")
PARAGRAPHS = [line.strip() for line in SOURCE_TEXT.splitlines() if line.strip()]

#: The missing-definition warning, for an id.
MISSING = (
    "g287: {} has no definition to link to; add a g287-rule or g287-interpretation section, "
    "a g287-tiers or g287-interpretations table, or g287's docs to intersphinx_mapping"
)

_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _lines(warnings: str) -> list[str]:
    """The warning lines, without the terminal colours Sphinx may add."""
    return _COLOUR.sub("", warnings).splitlines()


@pytest.fixture(autouse=True)
def _isolated_imports() -> Iterator[None]:
    """Each test's project is forgotten after it."""
    with restored_imports("g287_roles_variants"):
        yield


class Site(NamedTuple):
    """A built project: its application, doctrees as read and as written, and its warnings."""

    app: Sphinx
    read: dict[str, nodes.document]
    resolved: dict[str, nodes.document]
    warnings: list[str]


def _site(src: Path, pages: dict[str, str], conf: str = CONF) -> Site:
    """Write ``pages`` into ``src``, build them as HTML, and read every doctree back."""
    _write(src, pages, conf)
    with restored_imports("g287_roles_variants"):
        app, warnings = _build(src)
        read, resolved = _doctrees(app, pages)
    return Site(app, read, resolved, _lines(warnings))


# --- the role and where its links go --------------------------------------------------------------

LINKS = {
    "index": """
        Site
        ====

        .. toctree::

           tables
           more
           band
           citing
        """,
    "tables": """
        Tables
        ======

        .. g287-interpretations::
        """,
    "more": """
        More
        ====

        .. g287-interpretations::
        """,
    "band": """
        Band
        ====

        .. g287-interpretation:: I-BAND
        """,
    "citing": """
        Citing
        ======

        Headcount is :g287:`I-HEAD`; bands are
        :g287:`the band reading < I-BAND >`.

        .. _r-awd-9:

        An explicit target before a paragraph stands in for :g287:`R-AWD-9`.
        """,
}
#: Both g287-interpretations tables are the first of their page, so both have this anchor base.
BASE = "g287-interpretations-0"


@pytest.fixture(scope=scopes.shared)
def links(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Two pages with the built-in interpretations table, an I-BAND section, and a citing page."""
    return _site(tmp_path_factory.mktemp("links") / "src", LINKS)


def _xrefs(doctree: nodes.document) -> list[addnodes.pending_xref]:
    return list(doctree.findall(addnodes.pending_xref))


def _row_cell(site: Site, page: str, item_id: str) -> nodes.entry:
    """The Id cell of ``item_id``'s row in the page's g287-interpretations table."""
    (row,) = (
        row
        for row in site.resolved[page].findall(nodes.row)
        if row["ids"] == [f"{BASE}-{item_id.lower()}"]
    )
    cell = row[0]
    assert isinstance(cell, nodes.entry)
    return cell


def test_links_build_cleanly(links: Site) -> None:
    """Every id the pages cite has a definition: the project builds without a warning."""
    assert links.warnings == []
    assert links.app.statuscode == 0


class TestRoleNodes:
    """What ``:g287:`` puts in the doctree before links are resolved."""

    def test_plain_id_is_code(self, links: Site) -> None:
        """``:g287:`I-HEAD``` is a link showing the id as code (classes xref and g287)."""
        first = _xrefs(links.read["citing"])[0]
        assert first.rawsource == ":g287:`I-HEAD`"
        assert len(first.children) == 1
        literal = first[0]
        assert isinstance(literal, nodes.literal)
        assert literal.astext() == "I-HEAD"
        assert literal.rawsource == ":g287:`I-HEAD`"
        assert literal["classes"] == ["xref", "g287"]

    def test_titled_id_shows_the_title(self, links: Site) -> None:
        """``:g287:`title <I-BAND>``` is a link showing the title as text (class g287); the id
        inside the brackets is stripped of spaces."""
        second = _xrefs(links.read["citing"])[1]
        assert len(second.children) == 1
        inline = second[0]
        assert isinstance(inline, nodes.inline)
        assert inline.astext() == "the band reading"
        assert inline["classes"] == ["g287"]
        assert second["reftarget"] == "I-BAND"

    def test_link_attributes(self, links: Site) -> None:
        """Each role is a g287 ``id`` link, explicit (its own text), warned about when missing,
        recording the page it is on and the line its paragraph starts on."""
        found = _xrefs(links.read["citing"])
        attributes = ("refdomain", "reftype", "reftarget", "refexplicit", "refwarn", "refdoc")
        assert [tuple(x.get(key) for key in attributes) for x in found] == [
            ("g287", "id", target, True, True, "citing")
            for target in ("I-HEAD", "I-BAND", "R-AWD-9")
        ]
        assert all(x["refexplicit"] is True and x["refwarn"] is True for x in found)
        assert [x.line for x in found] == [4, 4, 9]
        assert all(str(x.source).endswith("citing.rst") for x in found)
        assert all("g287_quiet" not in x and "g287_table" not in x for x in found)


class TestResolution:
    """Where ``:g287:`` links and the tables' Id cells resolve to."""

    def test_role_links(self, links: Site) -> None:
        """A section beats a table row; between rows of equal rank the document whose name sorts
        first wins (more before tables); an explicit target named as the id lower-cased is a
        definition too, with no tooltip."""
        found = list(links.resolved["citing"].findall(nodes.reference))
        shown = [
            (r.get("refuri") or "#" + r["refid"], r.astext(), r.get("reftitle")) for r in found
        ]
        assert shown == [
            (
                f"more.html#{BASE}-i-head",
                "I-HEAD",
                f"I-HEAD: {g287.INTERPRETATIONS['I-HEAD'].question}",
            ),
            (
                "band.html#i-band",
                "the band reading",
                f"I-BAND: {g287.INTERPRETATIONS['I-BAND'].question}",
            ),
            ("#r-awd-9", "R-AWD-9", None),
        ]

    def test_section_beats_rows_in_a_table(self, links: Site) -> None:
        """In a table, an id with its own section links there, not to another table's row."""
        for page in ("tables", "more"):
            (reference,) = _row_cell(links, page, "I-BAND").findall(nodes.reference)
            assert reference["refuri"] == "band.html#i-band"

    def test_table_links_to_the_other_pages_table(self, links: Site) -> None:
        """Two pages' tables share an anchor base; each table's Id cell links to the row on the
        other page, never to its own row nor to nothing."""
        for page, other in (("tables", "more"), ("more", "tables")):
            for item_id in g287.INTERPRETATIONS:
                if item_id == "I-BAND":
                    continue
                cell = _row_cell(links, page, item_id)
                (reference,) = cell.findall(nodes.reference)
                assert reference["refuri"] == f"{other}.html#{BASE}-{item_id.lower()}"
                assert reference.astext() == item_id

    def test_rows_recorded(self, links: Site) -> None:
        """Both pages' rows are targets, under the same anchor."""
        targets = links.app.env.domains["g287"].data["targets"]
        assert sorted(targets["I-HEAD"]) == [
            (0, "more", f"{BASE}-i-head"),
            (0, "tables", f"{BASE}-i-head"),
        ]


INVENTORY = (
    b"# Sphinx inventory version 2\n# Project: g287\n# Version: 0.1.0\n"
    b"# The remainder of this file is compressed using zlib.\n"
    + zlib.compress(b"r-awd-1 std:label -1 policy.html#r-awd-1 R-AWD-1: Award tier\n")
)


def test_intersphinx_link_keeps_the_roles_text(tmp_path: Path) -> None:
    """Through intersphinx, ``:g287:`R-AWD-1``` still shows the id, not the inventory's title
    ("R-AWD-1: Award tier"): the role's text is explicit."""
    inventory = tmp_path / "objects.inv"
    inventory.write_bytes(INVENTORY)
    conf = (
        CONF.replace('"sphinx.ext.doctest"', '"sphinx.ext.intersphinx"')
        + f'intersphinx_mapping = {{"g287": ("https://g287.example/", {str(inventory)!r})}}\n'
    )
    site = _site(tmp_path / "src", {"index": "Page\n====\n\nSee :g287:`R-AWD-1`.\n"}, conf)
    assert site.warnings == []
    (reference,) = site.resolved["index"].findall(nodes.reference)
    assert reference["refuri"] == "https://g287.example/policy.html#r-awd-1"
    assert reference.astext() == "R-AWD-1"
    assert [type(child) for child in reference.children] == [nodes.literal]


# --- warnings -------------------------------------------------------------------------------------

#: Without nitpicky (the role's links warn by themselves), keeping messages in the doctree.
QUIET_CONF = CONF.replace("nitpicky = True\n", "") + "keep_warnings = True\n"

MISSING_PAGE = """
    Page
    ====

    Undefined :g287:`R-AWD-9` and
    then malformed :g287:`AWD-1`
    in one paragraph.

    Later, :g287:`I-NOPE`.
    """


@pytest.fixture(scope=scopes.shared)
def missing(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A page citing two undefined ids and a malformed one, built without nitpicky and keeping
    warnings in the doctree."""
    return _site(tmp_path_factory.mktemp("missing") / "src", {"index": MISSING_PAGE}, QUIET_CONF)


class TestWarnings:
    """The exact messages of a malformed id and of an id with no definition."""

    def test_exact_warnings(self, missing: Site) -> None:
        """The malformed id is an error, the undefined ids warnings (type ref.g287), each at the
        file and line of the paragraph that cites it, even without nitpicky."""
        assert "nitpicky" not in QUIET_CONF
        page = Path(missing.app.srcdir) / "index.rst"
        malformed = (
            "g287 role: 'AWD-1' is not a rule or interpretation id "
            "(expected R-\u2026 or I-\u2026, e.g. R-AWD-1)"
        )
        assert missing.warnings == [
            f"{page}:4: ERROR: {malformed} [docutils]",
            f"{page}:4: WARNING: {MISSING.format('R-AWD-9')} [ref.g287]",
            f"{page}:8: WARNING: {MISSING.format('I-NOPE')} [ref.g287]",
        ]

    def test_malformed_id_in_the_doctree(self, missing: Site) -> None:
        """The malformed role is shown as problematic text, linked to its error (kept with
        keep_warnings), which is at the line its paragraph starts on."""
        doctree = missing.read["index"]
        (problem,) = doctree.findall(nodes.problematic)
        assert problem.astext() == ":g287:`AWD-1`"
        (message,) = (
            m for m in doctree.findall(nodes.system_message) if m["ids"] == [problem["refid"]]
        )
        assert message["level"] == 3
        assert message["line"] == 4


@pytest.mark.parametrize(
    ("suppressed", "warned"),
    [
        (["ref.g287"], False),
        (["ref.*"], False),
        (["ref.ref", "ref.python", "ref.any", "docutils"], True),
    ],
)
def test_suppress_warnings(tmp_path: Path, suppressed: list[str], warned: bool) -> None:
    """The missing-definition warning is of type ``ref``, subtype ``g287``: suppress_warnings
    silences it by that name, and only by that name."""
    conf = CONF + f"suppress_warnings = {suppressed!r}\n"
    site = _site(tmp_path / "src", {"index": "Page\n====\n\nSee :g287:`R-AWD-9`.\n"}, conf)
    page = Path(site.app.srcdir) / "index.rst"
    expected = f"{page}:4: WARNING: {MISSING.format('R-AWD-9')} [ref.g287]"
    assert site.warnings == ([expected] if warned else [])


# --- the g287-source table ------------------------------------------------------------------------


@pytest.fixture(scope=scopes.shared)
def source(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A page with the built-in policy's g287-source table."""
    src = tmp_path_factory.mktemp("source") / "src"
    return _site(src, {"index": "Page\n====\n\n.. g287-source::\n"})


def _source_table(site: Site) -> nodes.table:
    (table,) = site.resolved["index"].findall(nodes.table)
    return table


def _rows(table: nodes.table) -> list[nodes.row]:
    tbody = table.next_node(nodes.tbody)
    assert isinstance(tbody, nodes.tbody)
    return [row for row in tbody.children if isinstance(row, nodes.row)]


def _citers(number: int) -> list[str]:
    """The ids of the built-in rules citing paragraph ``number``, in the policy's order."""
    return [r.id for r in g287.POLICY.rules if r.citation.locator == f"\u00b6{number}"]


class TestSourceTable:
    """``.. g287-source::``: an introduction, then a row per paragraph of the bundled text."""

    def test_builds_cleanly(self, source: Site) -> None:
        """The built-in policy's quotes are all in the paragraphs they cite: no warning."""
        assert source.warnings == []

    def test_frame(self, source: Site) -> None:
        """The table's classes, its caption, three columns of widths 6/80/14 and their headers."""
        table = _source_table(source)
        assert table["classes"] == ["g287", "g287-source"]
        title = table[0]
        assert isinstance(title, nodes.title)
        assert title.astext() == (
            f"{g287.SOURCE.title} ({g287.SOURCE.publisher}, {g287.SOURCE.date.isoformat()})"
        )
        tgroup = table.next_node(nodes.tgroup)
        assert isinstance(tgroup, nodes.tgroup)
        assert tgroup["cols"] == 3
        widths = [c["colwidth"] for c in tgroup.children if isinstance(c, nodes.colspec)]
        assert widths == [6, 80, 14]
        thead = tgroup.next_node(nodes.thead)
        assert isinstance(thead, nodes.thead)
        assert [entry.astext() for entry in thead.findall(nodes.entry)] == [
            "\u00b6",
            "Text",
            "Cited by",
        ]

    def test_introduction(self, source: Site) -> None:
        """Before the table: the source's id, a link to its URL, and how paragraphs are counted."""
        page = source.resolved["index"].next_node(nodes.section)
        assert isinstance(page, nodes.section)
        intro = page[1]
        assert isinstance(intro, nodes.paragraph)
        url = g287.SOURCE.url
        assert intro.astext() == (
            f"{g287.SOURCE.id}: {url}. {len(PARAGRAPHS)} paragraphs, numbered by non-empty line "
            "as every locator (\u00b6) in g287 counts them."
        )
        (reference,) = intro.findall(nodes.reference)
        assert reference["refuri"] == url
        assert reference.astext() == url
        assert isinstance(page[2], nodes.table)

    def test_rows(self, source: Site) -> None:
        """A row per paragraph, labelled ``dhs-2025-09-18-p<n>``: ¶n, then the text verbatim."""
        rows = _rows(_source_table(source))
        assert len(rows) == len(PARAGRAPHS) == 11
        for number, (row, text) in enumerate(zip(rows, PARAGRAPHS, strict=True), start=1):
            label = f"dhs-2025-09-18-p{number}"
            assert row["ids"] == [label]
            assert row["names"] == [label]
            assert [cell.astext() for cell in row.children[:2]] == [f"\u00b6{number}", text]

    def test_cited_by(self, source: Site) -> None:
        """The Cited by cell lists the rules citing the paragraph, in order, as links to their
        definitions separated by ", "; a paragraph nobody cites has an empty cell."""
        assert _citers(6) == ["R-EFF"]
        assert _citers(7) == ["R-SAL", "R-OT"]
        assert _citers(8) == ["R-AWD", "R-AWD-1", "R-AWD-2", "R-AWD-3"]
        for number, row in enumerate(_rows(_source_table(source)), start=1):
            cell = row[2]
            assert isinstance(cell, nodes.entry)
            assert cell.astext() == ", ".join(_citers(number))
            # No definitions on the page: each id is shown as code, not linked.
            assert [lit.astext() for lit in cell.findall(nodes.literal)] == _citers(number)
        read = list(source.read["index"].findall(nodes.row))
        cited = [x for row in read for x in row.findall(addnodes.pending_xref) if len(row) == 3]
        assert [x["reftarget"] for x in cited] == [r.id for r in g287.POLICY.rules]

    def test_rows_are_labels(self, source: Site) -> None:
        """Each row is a std label, so ``:ref:`` and g287 labels can link to a paragraph."""
        labels = source.app.env.domains["std"].anonlabels
        for number in range(1, len(PARAGRAPHS) + 1):
            label = f"dhs-2025-09-18-p{number}"
            assert labels[label] == ("index", label)


def test_source_shown_twice_reports_the_clash_in_place(tmp_path: Path) -> None:
    """A second g287-source on a page clashes with the first's labels; with keep_warnings each
    clashing row of the second table holds the message about its own label."""
    conf = CONF + "keep_warnings = True\n"
    body = "Page\n====\n\n.. g287-source::\n\n.. g287-source::\n"
    site = _site(tmp_path / "src", {"index": body}, conf)
    assert any("Duplicate explicit target name" in line for line in site.warnings)
    first, second = site.read["index"].findall(nodes.table)
    assert all(not list(row.findall(nodes.system_message)) for row in _rows(first))
    for number, row in enumerate(_rows(second), start=1):
        label = f"dhs-2025-09-18-p{number}"
        assert row["ids"] == [label]
        messages = [m for m in row.children if isinstance(m, nodes.system_message)]
        assert len(messages) == 1
        assert f'Duplicate ID: "{label}"' in messages[0].astext()


def test_source_file_is_a_dependency(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page is re-read when the source file changes, and only then."""
    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    copy = package / "data" / SOURCE_FILE
    copy.write_text(SOURCE_TEXT, encoding="utf-8")
    monkeypatch.setattr(
        sphinxext, "resources", types.SimpleNamespace(files=lambda _package: package)
    )
    src = _project(tmp_path, ".. g287-source::\n")
    app, warnings = _build(src)
    assert warnings == ""
    read_at = app.env.all_docs["index"]

    app, warnings = _build(src, fresh=False)
    assert warnings == ""
    assert app.env.all_docs["index"] == read_at  # nothing changed, nothing read

    replaced = PARAGRAPHS[1]
    copy.write_text(SOURCE_TEXT.replace(replaced, "A new second paragraph."), encoding="utf-8")
    later = copy.stat().st_mtime + 10
    os.utime(copy, (later, later))
    app, _warnings = _build(src, fresh=False)
    assert app.env.all_docs["index"] > read_at
    doctree = app.env.get_doctree("index")
    texts = [row[1].astext() for row in doctree.findall(nodes.row) if row["ids"]]
    assert texts[1] == "A new second paragraph."
    assert replaced not in texts


def test_source_is_read_as_utf8(tmp_path: Path) -> None:
    """The source is read as UTF-8 whatever the locale's encoding (here ASCII)."""
    if sys.flags.utf8_mode:
        pytest.skip("in Python's UTF-8 mode every default encoding is UTF-8")
    assert not SOURCE_TEXT.isascii()
    saved = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C")
        assert locale.getencoding().lower() not in {"utf-8", "utf8"}
        app, warnings = _build(_project(tmp_path, ".. g287-source::\n"))
    finally:
        locale.setlocale(locale.LC_CTYPE, saved)
    assert warnings == ""
    doctree = app.env.get_doctree("index")
    texts = [row[1].astext() for row in doctree.findall(nodes.row) if row["ids"]]
    assert texts == PARAGRAPHS


# --- check_quote ----------------------------------------------------------------------------------

ROLES_VARIANTS = f"""
import attrs

import g287

_ot = g287.POLICY.rule("R-OT")


def _citing(locator, quote):
    cited = attrs.evolve(_ot, citation=attrs.evolve(_ot.citation, locator=locator, quote=quote))
    return attrs.evolve(
        g287.POLICY, rules=tuple(cited if r is _ot else r for r in g287.POLICY.rules)
    )


FIRST = _citing("\\u00b61", {" ".join(PARAGRAPHS[0].split()[3:9])!r})
LAST = _citing("\\u00b6{len(PARAGRAPHS)}", {PARAGRAPHS[-1]!r})
PAST = _citing("\\u00b6{len(PARAGRAPHS) + 1}", "anything")
"""


def _source_warnings(tmp_path: Path, policy: str) -> tuple[Path, list[str]]:
    """Build a g287-source of ``policy`` at line 4; the page's path and the warnings."""
    body = f".. g287-source::\n   :policy: {policy}\n"
    src = tmp_path / "src"
    src.mkdir()
    (src / "g287_roles_variants.py").write_text(ROLES_VARIANTS, encoding="utf-8")
    site = _site(src, {"index": "Page\n====\n\n" + body})
    return Path(site.app.srcdir) / "index.rst", site.warnings


class TestCheckQuote:
    """g287-source checks that each rule's quote is in the paragraph its locator names."""

    @pytest.mark.parametrize("variant", ["FIRST", "LAST"])
    def test_first_and_last_paragraphs_can_be_cited(self, tmp_path: Path, variant: str) -> None:
        """A rule may cite ¶1 and the last paragraph; quoting them is no warning."""
        _page, warnings = _source_warnings(tmp_path, f"g287_roles_variants:{variant}")
        assert warnings == []

    def test_past_the_end(self, tmp_path: Path) -> None:
        """A locator past the last paragraph is a warning at the directive, counting them."""
        page, warnings = _source_warnings(tmp_path, "g287_roles_variants:PAST")
        count = len(PARAGRAPHS)
        message = f"R-OT cites \u00b6{count + 1}, but the source has {count} paragraphs"
        assert warnings == [f"{page}:4: WARNING: g287-source: {message}"]

    def test_misquote(self, tmp_path: Path) -> None:
        """A quote not in its paragraph is a warning at the directive, with the quote's repr."""
        page, warnings = _source_warnings(tmp_path, "g287_test_variants:MISQUOTED")
        message = "R-OT quotes 'up to 30% of the salary', which is not in \u00b67"
        assert warnings == [f"{page}:4: WARNING: g287-source: {message}"]
