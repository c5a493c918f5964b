"""docs/_ext/notebook_pages.py: a notebook as a documentation page, cell by cell.

The fast tests use one Sphinx project per module, built as HTML. Its notebooks carry their
outputs, and the extension's kernel run (``_execute``) is replaced by reading them, so no kernel
starts: each test writes a notebook and a page holding ``.. notebook::``, reads the page as a
build reads it, and looks at the doctree. One whole build checks what reaches the site. The
slow tests run a real kernel.
"""

from __future__ import annotations

import base64
import contextlib
import importlib
import io
import json
import os
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import docutils_namespace, patch_docutils

# The extension lives beside the docs, found as docs/conf.py finds it; it is no part of the
# package, so the type checker (run on src and tests) does not follow it.
EXTENSIONS = Path(__file__).resolve().parents[1] / "docs" / "_ext"
if not (EXTENSIONS / "notebook_pages.py").exists():
    pytest.skip("the documentation sources are not present", allow_module_level=True)
sys.path.insert(0, str(EXTENSIONS))
notebook_pages: Any = importlib.import_module("notebook_pages")

#: The extension's kernel run, for the slow tests (the fast ones replace it).
EXECUTE = notebook_pages._execute

#: A one-pixel PNG, as a notebook stores a figure (base64).
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9aw"
    "AAAABJRU5ErkJggg=="
)

_COLOUR = re.compile(r"\x1b\[[0-9;]*m")

Cell = dict[str, Any]


# --- notebooks, written by hand -------------------------------------------------------------------


def markdown(source: str) -> Cell:
    """A markdown cell."""
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def code(source: str, *outputs: Cell) -> Cell:
    """A code cell and the outputs it would have after running."""
    return {
        "cell_type": "code",
        "metadata": {},
        "source": source,
        "execution_count": None,
        "outputs": list(outputs),
    }


def stream(name: str, text: str) -> Cell:
    """What a cell wrote to ``stdout`` or ``stderr``."""
    return {"output_type": "stream", "name": name, "text": text}


def display(data: dict[str, str], kind: str = "display_data") -> Cell:
    """A display (or, with ``kind="execute_result"``, a cell's value) in these mimetypes."""
    output: Cell = {"output_type": kind, "data": data, "metadata": {}}
    if kind == "execute_result":
        output["execution_count"] = 1
    return output


TITLE = markdown("# Title")


def notebook(cells: list[Cell]) -> str:
    """The text of a notebook file holding ``cells``."""
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    numbered = [{"id": f"cell-{n}", **cell} for n, cell in enumerate(cells, start=1)]
    document = {"cells": numbered, "metadata": {"kernelspec": kernel}, "nbformat": 4}
    return json.dumps({**document, "nbformat_minor": 5}, indent=1)


# --- the project ----------------------------------------------------------------------------------


class Page(NamedTuple):
    """A page read as a build reads it, and the warnings reading it gave."""

    doctree: nodes.document
    warnings: list[str]

    @property
    def title(self) -> nodes.section:
        """The section the notebook's ``#`` heading opens: the whole page."""
        (section,) = self.doctree.children
        assert isinstance(section, nodes.section)
        return section

    def blocks(self) -> str:
        """The nodes under the title, as compact XML."""
        return "".join(str(node) for node in self.title[1:])


class Project:
    """A Sphinx project whose pages each show one notebook."""

    def __init__(self, app: Sphinx, stream: io.StringIO) -> None:
        self.app = app
        self.stream = stream
        self.src = Path(app.srcdir)

    def warnings(self, start: int = 0) -> list[str]:
        """The warnings given since ``start`` characters of the stream, paths relative."""
        text = _COLOUR.sub("", self.stream.getvalue()[start:])
        return text.replace(f"{self.src}{os.sep}", "").splitlines()

    def write(self, name: str, cells: list[Cell], content: str = "") -> None:
        """``name.ipynb`` and the page ``name.rst`` that shows it."""
        (self.src / f"{name}.ipynb").write_text(notebook(cells), encoding="utf-8")
        page = f".. notebook:: {name}.ipynb\n\n{textwrap.indent(content, '   ')}"
        (self.src / f"{name}.rst").write_text(page, encoding="utf-8")

    def read(self, name: str, cells: list[Cell], content: str = "") -> Page:
        """Write the notebook and its page, and read the page."""
        self.write(name, cells, content)
        start = len(self.stream.getvalue())
        self.app.builder.read_doc(name)
        return Page(self.app.env.get_doctree(name), self.warnings(start))


@contextlib.contextmanager
def project(root: Path, builder: str, pages: dict[str, str]) -> Iterator[Project]:
    """A project built once with ``builder``; its pages can be read again while it is open."""
    src = root / "src"
    src.mkdir(parents=True)
    conf = 'extensions = ["notebook_pages"]\nnotebook_timeout = 42\nnitpicky = True\n'
    (src / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in pages.items():
        (src / f"{name}.rst").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    stream = io.StringIO()
    with patch_docutils(src), docutils_namespace():
        app = Sphinx(
            src, src, root / "out", root / "doctrees", builder, status=None, warning=stream
        )
        built = Project(app, stream)
        yield built


class Executed(NamedTuple):
    """A notebook the stand-in for the kernel ran: its name and the seconds a cell may take."""

    name: str
    timeout: int


@pytest.fixture(scope="module")
def executed() -> Iterator[list[Executed]]:
    """The notebooks run in this module: they give the outputs they hold, without a kernel."""
    runs: list[Executed] = []

    def stored(path: Path, name: str, timeout: int) -> list[Any]:
        runs.append(Executed(name, timeout))
        cells: list[Any] = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return cells

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(notebook_pages, "_execute", stored)
        yield runs


SHOWN = [
    markdown("# Shown\n\nProse with a [link](https://example.com/)."),
    code(
        'print("<script>alert(1)</script>")',
        stream("stdout", "<script>alert(1)</script>\n"),
    ),
    code("table", display({"text/html": '<table class="dataframe"><tr><td>7</td></tr></table>'})),
    code("figure", display({"image/png": PNG, "text/plain": "<Figure>"})),
]


class Site(NamedTuple):
    """The project built as HTML: its warnings, the notebooks its build ran, its output."""

    project: Project
    warnings: list[str]
    runs: list[Executed]
    html: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, executed: list[Executed]) -> Iterator[Site]:
    """Two pages showing one notebook, built as HTML; then each test reads pages of its own."""
    root = tmp_path_factory.mktemp("site")
    pages = {"index": "Index\n=====\n\n.. toctree::\n\n   shown\n   again\n"}
    with project(root, "html", pages) as built:
        built.write("shown", SHOWN, "The page's *own* text.\n")
        (built.src / "again.rst").write_text(".. notebook:: shown.ipynb\n", encoding="utf-8")
        built.app.build()
        yield Site(built, built.warnings(), list(executed), root / "out")


@pytest.fixture
def pages(site: Site) -> Project:
    """The HTML project, for reading pages one at a time."""
    return site.project


# --- markdown -------------------------------------------------------------------------------------

#: Markdown the converter takes: (case, the cell, what it shows as compact XML).
ACCEPTED = [
    (
        "paragraph",
        "Two lines\nof one paragraph.",
        "<paragraph>Two lines\nof one paragraph.</paragraph>",
    ),
    ("paragraphs", "One.\n\nTwo.", "<paragraph>One.</paragraph><paragraph>Two.</paragraph>"),
    (
        "bullets",
        "- one\n- two",
        (
            '<bullet_list bullet="*"><list_item><paragraph>one</paragraph></list_item>'
            "<list_item><paragraph>two</paragraph></list_item></bullet_list>"
        ),
    ),
    (
        "bullet continued",
        "* one\n  more\n\n* two",
        (
            '<bullet_list bullet="*"><list_item><paragraph>one\nmore</paragraph></list_item>'
            "<list_item><paragraph>two</paragraph></list_item></bullet_list>"
        ),
    ),
    (
        "numbered",
        "1. one\n2. two",
        (
            '<enumerated_list enumtype="arabic" prefix="" suffix=".">'
            "<list_item><paragraph>one</paragraph></list_item>"
            "<list_item><paragraph>two</paragraph></list_item></enumerated_list>"
        ),
    ),
    (
        "numbered from 3",
        "3) three",
        (
            '<enumerated_list enumtype="arabic" prefix="" start="3" suffix=".">'
            "<list_item><paragraph>three</paragraph></list_item></enumerated_list>"
        ),
    ),
    (
        "pipe table",
        "| what | `code` |\n|---|---|\n| a \\| b | **2** |",
        (
            '<table classes="colwidths-auto"><tgroup cols="2">'
            '<colspec colwidth="1"/><colspec colwidth="1"/>'
            "<thead><row><entry><paragraph>what</paragraph></entry>"
            "<entry><paragraph><literal>code</literal></paragraph></entry></row></thead>"
            "<tbody><row><entry><paragraph>a | b</paragraph></entry>"
            "<entry><paragraph><strong>2</strong></paragraph></entry></row></tbody>"
            "</tgroup></table>"
        ),
    ),
    (
        "inline code",
        "Call `f(*a, **k)`.",
        "<paragraph>Call <literal>f(*a, **k)</literal>.</paragraph>",
    ),
    ("code with a backtick", "``a`b``", "<paragraph><literal>a`b</literal></paragraph>"),
    ("code padded", "`` `x` ``", "<paragraph><literal>`x`</literal></paragraph>"),
    ("bold", "**bold** text", "<paragraph><strong>bold</strong> text</paragraph>"),
    (
        "italics",
        "*it* and *x*y",
        "<paragraph><emphasis>it</emphasis> and <emphasis>x</emphasis>y</paragraph>",
    ),
    (
        "bold in italics",
        "*a **b** c*",
        "<paragraph><emphasis>a <strong>b</strong> c</emphasis></paragraph>",
    ),
    (
        "code and escape in emphasis",
        "*a `*` \\* b* **c `**` d**",
        (
            "<paragraph><emphasis>a <literal>*</literal> * b</emphasis> "
            "<strong>c <literal>**</literal> d</strong></paragraph>"
        ),
    ),
    ("lone asterisk", "2 * 3", "<paragraph>2 * 3</paragraph>"),
    ("escapes", r"\*not\* \_ \[x\] \`", "<paragraph>*not* _ [x] `</paragraph>"),
    ("backslash kept", r"C:\dir", r"<paragraph>C:\dir</paragraph>"),
    (
        "link",
        "See [the *guide*](https://example.com/a_(b)).",
        (
            '<paragraph>See <reference refuri="https://example.com/a_(b)">the '
            "<emphasis>guide</emphasis></reference>.</paragraph>"
        ),
    ),
    (
        "link text with a bracket",
        "[a \\] `]` b](https://e.org)",
        (
            '<paragraph><reference refuri="https://e.org">'
            "a ] <literal>]</literal> b</reference></paragraph>"
        ),
    ),
    (
        "mail link",
        "[us](mailto:us@example.com)",
        '<paragraph><reference refuri="mailto:us@example.com">us</reference></paragraph>',
    ),
    ("brackets", "[sic] and [1]", "<paragraph>[sic] and [1]</paragraph>"),
    ("one dollar", "It costs $5.", "<paragraph>It costs $5.</paragraph>"),
    (
        "dollars escaped or in code",
        r"\$5, `$x` and $6",
        "<paragraph>$5, <literal>$x</literal> and $6</paragraph>",
    ),
    ("snake case", "a_b_c", "<paragraph>a_b_c</paragraph>"),
    ("ampersand and less than", "A & B, 1 < 2", "<paragraph>A & B, 1 < 2</paragraph>"),
]

#: Markdown the converter refuses: (case, the cell, what the error calls it, as a regex).
REFUSED = [
    ("fenced code", "```python\nx = 1\n```", "a fenced code block"),
    ("tilde fence", "~~~\nx\n~~~", "a fenced code block"),
    ("indented code", "    x = 1", "an indented code block"),
    ("block quote", "> quoted", "a block quote"),
    ("html block", "<div>x</div>", "an HTML block"),
    ("html comment", "<!-- note -->", "an HTML block"),
    ("inline html", "a <b>bold</b> word", "inline HTML or an autolink"),
    ("autolink", "see <https://example.com>", "inline HTML or an autolink"),
    ("entity", "a&nbsp;b", "an HTML entity"),
    ("image", "![a chart](https://example.com/a.png)", "an image"),
    ("nested bullets", "- a\n  - b", "a nested list"),
    ("nested numbers", "1. a\n   1. b", "a nested list"),
    ("item of two paragraphs", "- a\n\n  more", "a list item of more than one paragraph"),
    ("lazy item line", "- a\nmore", "a list item's line not indented under its text"),
    ("relative link", "[next](other.ipynb)", "a link whose target is not one absolute URL"),
    ("link with a title", '[a](https://example.com "t")', "a link whose target is not one"),
    ("reference link", "[a][ref]", "a reference link"),
    ("link definition", "[ref]: https://example.com", "a link reference definition"),
    ("bare url", "see https://example.com", "a bare URL"),
    ("two dollars", "$x$", r"2 '\$' \(math between two"),
    ("display math", "$$x = 1$$", r"4 '\$'"),
    ("dollars apart", "From $5\nto $6.", r"2 '\$'"),
    ("level-4 heading", "#### Deep", "a heading below '###'"),
    ("hash without space", "#Title", "a '#' not followed by a space"),
    ("heading without text", "# ", "a heading without text"),
    ("setext heading", "Title\n=====", "a new block without a blank line before it"),
    ("list after a line", "Items:\n- a", "a new block without a blank line before it"),
    ("horizontal rule", "---", "a horizontal rule"),
    ("hard break", "a  \nb", "a hard line break"),
    ("backslash break", "a\\\nb", "a hard line break"),
    ("underscore emphasis", "_word_", "an '_' that may emphasise"),
    ("bold italics", "***x***", r"'\*\*\*' \(bold italics\)"),
    ("unclosed italics", "*x", r"an unclosed '\*'"),
    ("bold before a space", "** x**", r"'\*\*' before a space"),
    ("unclosed code", "`x", "an unclosed code span"),
    ("strikethrough", "~~x~~", "strikethrough"),
    ("table alignment", "| a |\n|:-|\n| 1 |", r"a table's column alignment"),
    ("table without delimiter", "| a |\n| 1 |", "a table without a delimiter row"),
    ("ragged table", "| a | b |\n|---|---|\n| 1 |", "a table row of 1 cells under a header of 2"),
    ("table row open", "| a | b\n|---|---|", r"a table row that does not start and end with '\|'"),
]


def _slug(case: str) -> str:
    """A case's name as a file name: ``nested bullets`` is ``nested-bullets``."""
    return re.sub(r"\W+", "-", case)


class TestMarkdown:
    """A markdown cell is built into docutils nodes, or the build stops naming the cell."""

    @pytest.mark.parametrize(
        ("case", "source", "expected"), ACCEPTED, ids=[case for case, *_ in ACCEPTED]
    )
    def test_accepted(self, pages: Project, case: str, source: str, expected: str) -> None:
        """Each construct of the subset becomes the docutils node that shows it."""
        page = pages.read(f"md-{_slug(case)}", [TITLE, markdown(source)])
        assert page.blocks() == expected
        assert page.warnings == []

    @pytest.mark.parametrize(("case", "source", "what"), REFUSED, ids=[c for c, *_ in REFUSED])
    def test_refused(self, pages: Project, case: str, source: str, what: str) -> None:
        """Markdown outside the subset stops the build, naming the notebook, the cell (counting
        every cell from 1) and the construct, rather than showing it wrong."""
        name = f"refused-{_slug(case)}"
        cells = [TITLE, code("x = 1"), markdown(source)]
        with pytest.raises(
            ExtensionError, match=rf"^{name}\.ipynb, cell 3: unsupported markdown: {what}"
        ):
            pages.read(name, cells)


class TestEdgesOfBlocks:
    """Markdown at the edges of lists, tables and links: refused where it would be shown
    wrong, rendered where it is plain."""

    @pytest.mark.parametrize(
        ("case", "source"),
        [
            ("nested at once", "- - a"),
            ("quote in an item", "- > a"),
            ("heading in an item", "- # a"),
        ],
    )
    def test_block_in_a_list_item_refused(self, pages: Project, case: str, source: str) -> None:
        """A list item opening with another block (a nested list, a quote, a heading) is refused
        like one whose later line does: shown as text it would read ``- a``, ``> a``, ``# a``."""
        name = f"item-{_slug(case)}"
        with pytest.raises(ExtensionError, match=rf"^{name}\.ipynb, cell 2: unsupported markdown"):
            pages.read(name, [TITLE, markdown(source)])

    def test_line_under_a_table_refused(self, pages: Project) -> None:
        """A line right under a table's rows continues the table in GitHub's markdown (a row
        without its outer pipes): it is refused, not shown as a paragraph."""
        with pytest.raises(ExtensionError, match=r"^under-table\.ipynb, cell 2: unsupported"):
            pages.read("under-table", [TITLE, markdown("| a | b |\n|---|---|\n| 1 | 2 |\n3 | 4")])

    def test_link_showing_its_url(self, pages: Project) -> None:
        """A link whose text is its own URL is a ``[text](https://…)`` link like any other."""
        page = pages.read("url-text", [TITLE, markdown("[https://e.org](https://e.org)")])
        assert page.blocks() == (
            '<paragraph><reference refuri="https://e.org">https://e.org</reference></paragraph>'
        )


class TestHeadings:
    """The ``#`` heading is the page's title, ``##`` and ``###`` its sections."""

    def test_sections_nest_by_level(self, pages: Project) -> None:
        """Headings open sections inside the one a level up, across cells; a closing run of
        ``#`` is not part of the title; blocks go in the section opened last."""
        cells = [
            markdown("# The *title*"),
            markdown("## Costs ##\n\nText.\n\n### By model"),
            code("x = 1"),
            markdown("## Awards"),
        ]
        page = pages.read("headings", cells)

        def outline(section: nodes.Element) -> list[Any]:
            return [
                (child[0].astext(), child["ids"], outline(child))
                for child in section.children
                if isinstance(child, nodes.section)
            ]

        assert outline(page.doctree) == [
            (
                "The title",
                ["the-title"],
                [
                    ("Costs", ["costs"], [("By model", ["by-model"], [])]),
                    ("Awards", ["awards"], []),
                ],
            )
        ]
        costs = page.title[1]
        assert [type(node).__name__ for node in costs.children] == [
            "title",
            "paragraph",
            "section",
        ]
        by_model = costs.children[2]
        assert by_model.children[-1].astext() == "x = 1"  # the code cell, in the last section

    def test_content_under_the_title(self, pages: Project) -> None:
        """The directive's content is reStructuredText placed under the title, before the
        notebook's first block."""
        page = pages.read("content", [markdown("# T\n\nFirst.")], "A *page* of it.\n")
        assert str(page.title[1]) == "<paragraph>A <emphasis>page</emphasis> of it.</paragraph>"
        assert page.title[2].astext() == "First."


#: Notebooks whose pages cannot be made: (case, its cells, the message as a regex).
REFUSED_PAGES = [
    ("no cells", [], r": the notebook has no '#' heading \(its title\)"),
    ("prose first", [markdown("Intro.")], r", cell 1: the notebook must open with a '#' heading"),
    ("section first", [markdown("## A")], r", cell 1: the notebook must open with a '#' heading"),
    ("code first", [code("x = 1"), TITLE], r", cell 1: the notebook must open with a '#' heading"),
    ("second title", [TITLE, markdown("# Again")], r", cell 2: a second '#' heading"),
    ("skipped level", [TITLE, markdown("### C")], r", cell 2: a heading skips a level: 'C'"),
    (
        "raw cell",
        [TITLE, {"cell_type": "raw", "metadata": {}, "source": "x"}],
        r", cell 2: a raw cell",
    ),
    (
        "error output",
        [TITLE, code("1/0", {"output_type": "error", "ename": "E", "evalue": "", "traceback": []})],
        r", cell 2: an output this page cannot show: error",
    ),
    (
        "markdown output",
        [TITLE, code("md", display({"text/markdown": "*x*", "text/plain": "x"}))],
        r", cell 2: an output this page cannot show: \['text/markdown', 'text/plain'\]",
    ),
    (
        "latex value",
        [TITLE, code("x", display({"text/latex": "$x$", "text/plain": "x"}, "execute_result"))],
        r", cell 2: an output this page cannot show: \['text/latex', 'text/plain'\]",
    ),
]


class TestRefusedPages:
    """A notebook its page cannot show faithfully stops the build, naming it and the cell."""

    @pytest.mark.parametrize(
        ("case", "cells", "message"), REFUSED_PAGES, ids=[case for case, *_ in REFUSED_PAGES]
    )
    def test_refused(self, pages: Project, case: str, cells: list[Cell], message: str) -> None:
        """Each notebook of the table stops the build with its message."""
        name = _slug(case)
        with pytest.raises(ExtensionError, match=rf"^{name}\.ipynb{message}"):
            pages.read(name, cells)


class TestDirective:
    """The directive is the page, and names a notebook that exists."""

    def test_not_first_in_its_file(self, pages: Project) -> None:
        """After a title of the page's own, the directive is an error and shows nothing."""
        pages.write("late-nb", [markdown("# From the notebook")])
        (pages.src / "late.rst").write_text(
            "Own title\n=========\n\n.. notebook:: late-nb.ipynb\n", encoding="utf-8"
        )
        start = len(pages.stream.getvalue())
        pages.app.builder.read_doc("late")
        assert pages.warnings(start) == [
            (
                "late.rst:4: ERROR: notebook: the directive makes the page: put it first in its "
                "file [docutils]"
            )
        ]
        assert "From the notebook" not in pages.app.env.get_doctree("late").astext()

    def test_no_such_notebook(self, pages: Project) -> None:
        """A path that names no file is an error naming the path."""
        (pages.src / "missing.rst").write_text(".. notebook:: gone.ipynb\n", encoding="utf-8")
        start = len(pages.stream.getvalue())
        pages.app.builder.read_doc("missing")
        assert pages.warnings(start) == [
            "missing.rst:1: ERROR: notebook: no such file: gone.ipynb [docutils]"
        ]


# --- outputs --------------------------------------------------------------------------------------


def literal_blocks(page: Page) -> list[tuple[str, list[str], str]]:
    """Each literal block of the page: its language, classes and text."""
    return [
        (block["language"], block["classes"], block.astext())
        for block in page.doctree.findall(nodes.literal_block)
    ]


class TestOutputs:
    """Under each code cell, what it printed and displayed, in the order it came."""

    def test_printed_text(self, pages: Project) -> None:
        """Printed text is a literal block, not highlighted, after the code; consecutive writes
        to one stream are one block, terminal colours are dropped, and the code is Python."""
        cells = [
            TITLE,
            code(
                "print(1)",
                stream("stdout", "one\n"),
                stream("stdout", "\x1b[31mtwo\x1b[0m\n\n"),
                display({"text/plain": "42"}, "execute_result"),
            ),
        ]
        page = pages.read("printed", cells)
        assert literal_blocks(page) == [
            ("python", [], "print(1)"),
            ("none", ["notebook-stdout"], "one\ntwo"),
            ("none", ["notebook-result"], "42"),
        ]
        assert page.warnings == []

    def test_stderr_is_a_warning(self, pages: Project) -> None:
        """A write to stderr is shown in its own block and warned about with its last line, as
        ``notebook.stderr``; printed text around it keeps its place."""
        cells = [
            TITLE,
            code(
                "",
                stream("stdout", "before\n"),
                stream("stderr", "Traceback?\nUserWarning: careful\n"),
                stream("stdout", "after\n"),
            ),
        ]
        page = pages.read("stderr", cells)
        assert literal_blocks(page) == [
            ("none", ["notebook-stdout"], "before"),
            ("none", ["notebook-stderr"], "Traceback?\nUserWarning: careful"),
            ("none", ["notebook-stdout"], "after"),
        ]
        assert page.warnings == [
            (
                "stderr.rst:1: WARNING: stderr.ipynb, cell 2 wrote to stderr: UserWarning: careful "
                "[notebook.stderr]"
            )
        ]

    def test_stderr_warning_can_be_suppressed(
        self, pages: Project, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """``suppress_warnings = ["notebook.stderr"]`` silences it; the block stays."""
        monkeypatch.setattr(pages.app.config, "suppress_warnings", ["notebook.stderr"])
        page = pages.read("quiet", [TITLE, code("", stream("stderr", "\n"))])
        assert page.warnings == []
        assert literal_blocks(page) == [("none", ["notebook-stderr"], "")]

    def test_html(self, pages: Project) -> None:
        """A ``text/html`` display is that HTML, for HTML output only, in a scrolling box; its
        plain text is not shown too."""
        html = '<table class="dataframe"><tr><td>1</td></tr></table>'
        page = pages.read(
            "html", [TITLE, code("df", display({"text/html": html, "text/plain": "df"}))]
        )
        (raw,) = page.doctree.findall(nodes.raw)
        assert raw["format"] == "html"
        assert raw.astext() == f'<div class="notebook-html">\n{html}\n</div>'
        assert literal_blocks(page) == [("python", [], "df")]

    def test_figure(self, pages: Project) -> None:
        """A PNG is an image of a file written under the doctree folder, which the page's
        ``uri`` reaches; the same figure twice is one file."""
        figure = display({"image/png": PNG, "text/plain": "<Figure size 640x480>"})
        page = pages.read("figure", [TITLE, code("plot()", figure), code("again()", figure)])
        first, second = page.doctree.findall(nodes.image)
        assert first["uri"] == second["uri"]
        assert first["alt"] == "the figure drawn by cell 2 of figure.ipynb"
        assert second["alt"] == "the figure drawn by cell 3 of figure.ipynb"
        file = (pages.src / first["uri"]).resolve()
        assert file.read_bytes() == base64.b64decode(PNG)
        assert file.parent == Path(pages.app.doctreedir).resolve() / "notebook-figures"
        assert sorted(p.name for p in file.parent.glob("figure-*")) == [file.name]
        assert literal_blocks(page) == [("python", [], "plot()"), ("python", [], "again()")]


# --- text is text ---------------------------------------------------------------------------------


class TestNoMarkup:
    """No text of a notebook is read as reStructuredText."""

    def test_markdown_is_not_rest(self, pages: Project) -> None:
        """Directives, roles, substitutions and ``::`` in markdown are shown as written."""
        prose = [
            ".. raw:: html",
            ".. include:: conf.py",
            ":doc:`index`, |release| and |x|",
            "Example::",
        ]
        cells = [
            markdown("# :ref:`top`"),
            markdown("\n\n".join(prose) + "\n\n- .. raw:: html\n\n| :doc:`x` |\n|---|"),
            code(".. raw:: html\n\n   <b>x</b>", stream("stdout", ".. raw:: html\n")),
        ]
        page = pages.read("no-markup", cells)
        assert page.title[0].astext() == ":ref:top"
        texts = [node.astext().strip() for node in page.title[1:]]
        assert texts == [
            ".. raw:: html",
            ".. include:: conf.py",
            ":doc:index, |release| and |x|",
            "Example::",
            ".. raw:: html",
            ":doc:x",
            ".. raw:: html\n\n   <b>x</b>",
            ".. raw:: html",
        ]
        made = (
            nodes.raw,
            addnodes.pending_xref,
            nodes.substitution_reference,
        )
        assert [node for kind in made for node in page.doctree.findall(kind)] == []
        assert page.warnings == []


# --- the builds -----------------------------------------------------------------------------------


class TestHtmlSite:
    """An HTML build runs each notebook once and puts what it shows into the site."""

    def test_builds_cleanly_running_each_notebook_once(self, site: Site) -> None:
        """Two pages show one notebook: it runs once, with the configured timeout per cell."""
        assert site.warnings == []
        assert site.runs == [Executed("shown.ipynb", 42)]
        assert site.project.app.statuscode == 0

    def test_outputs_in_the_page(self, site: Site) -> None:
        """The page holds the displayed HTML itself, the printed text escaped, the directive's
        content under the title and the figure copied into ``_images``; the second page
        showing the notebook shows the same run."""
        html = (site.html / "shown.html").read_text(encoding="utf-8")
        assert '<div class="notebook-html">\n<table class="dataframe"><tr><td>7</td>' in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)" not in html
        assert "<em>own</em>" in html.split("<h1>", 1)[1]
        (image,) = (site.html / "_images").glob("shown-*.png")
        assert image.read_bytes() == base64.b64decode(PNG)
        assert f'src="_images/{image.name}"' in html
        assert '<div class="notebook-html">' in (site.html / "again.html").read_text("utf-8")

    def test_style_sheet(self, site: Site) -> None:
        """The build writes the style sheet into ``_static`` and every page links it."""
        css = (site.html / "_static" / "notebook_pages.css").read_text(encoding="utf-8")
        assert css == notebook_pages.CSS
        for page in ("index", "shown"):
            text = (site.html / f"{page}.html").read_text(encoding="utf-8")
            assert 'href="_static/notebook_pages.css' in text


class TestOtherBuilders:
    """Builders other than HTML (doctest, linkcheck, text) run no notebook."""

    def test_prose_and_code_only(self, tmp_path: Path, executed: list[Executed]) -> None:
        """Read by the text builder, the page has the notebook's prose and code, no output."""
        runs = len(executed)
        with project(tmp_path, "text", {"index": "Index\n=====\n"}) as built:
            built.app.build()
            page = built.read("shown", SHOWN)
        assert len(executed) == runs
        assert literal_blocks(page) == [
            ("python", [], 'print("<script>alert(1)</script>")'),
            ("python", [], "table"),
            ("python", [], "figure"),
        ]
        assert [type(node).__name__ for node in page.title.children] == [
            "title",
            "paragraph",
            "literal_block",
            "literal_block",
            "literal_block",
        ]


# --- slow: a real kernel --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client's own warnings
class TestKernel:
    """The HTML build executes the notebook with a kernel started in the notebook's folder."""

    def test_runs_in_its_folder_with_the_build_path(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The kernel reads files beside the notebook and imports from a relative
        ``PYTHONPATH`` entry of the build; its displays and prints become the page."""
        monkeypatch.setattr(notebook_pages, "_execute", EXECUTE)
        (tmp_path / "lib").mkdir()
        (tmp_path / "lib" / "helper.py").write_text("NAME = 'helper'\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("PYTHONPATH", "lib")
        cells = [
            TITLE,
            code("print(open('data.txt').read())"),
            code("import helper\nhelper.NAME"),
            code("from IPython.display import HTML\nHTML('<b>bold</b>')"),
        ]
        with project(tmp_path / "site", "html", {"index": "Index\n=====\n"}) as built:
            (built.src / "data.txt").write_text("beside the notebook", encoding="utf-8")
            built.app.build()
            page = built.read("ran", cells)
        assert literal_blocks(page)[1::2] == [
            ("none", ["notebook-stdout"], "beside the notebook"),
            ("none", ["notebook-result"], "'helper'"),
        ]
        (raw,) = page.doctree.findall(nodes.raw)
        assert "<b>bold</b>" in raw.astext()

    def test_a_cell_that_raises(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A cell that raises stops the build, naming the cell, the error and its line."""
        monkeypatch.setattr(notebook_pages, "_execute", EXECUTE)
        cells = [TITLE, markdown("Prose."), code("x = 1\n1 / 0")]
        with project(tmp_path, "html", {"index": "Index\n=====\n"}) as built:
            built.app.build()
            error = r"ZeroDivisionError: division by zero \(line 2: 1 / 0\)"
            with pytest.raises(ExtensionError, match=rf"^raises\.ipynb, cell 3: {error}$"):
                built.read("raises", cells)
