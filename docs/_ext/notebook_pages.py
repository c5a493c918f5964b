"""Jupyter notebooks as pages of the documentation, executed when the documentation is built.

``.. notebook:: ../../examples/national-what-if.ipynb`` makes its page out of the notebook: the
notebook's ``#`` heading is the page's title and its ``##`` and ``###`` headings the page's
sections; its markdown cells are paragraphs, lists and tables; its code cells are Python code
blocks, each followed by what it printed and displayed. The directive's content, if any, is
reStructuredText placed under the title (a sentence saying what the page is, a download link).
The directive is the page: put it first in its file, with nothing after it.

Only the HTML builders execute the notebook (once per build, with ``nbclient``; the kernel
starts in the notebook's folder, as Jupyter starts it, and with the build's ``PYTHONPATH``
made absolute, so that it imports the code being documented). Other builders (doctest,
linkcheck) show its prose and code without outputs. What a cell shows is rendered as:

* printed text and a plain value: a literal block (a cell's writing to stderr is also a
  warning, ``notebook.stderr``: with ``-W`` it fails the build);
* ``text/html`` (g287's views, DataFrames): the HTML itself, in HTML output only;
* ``image/png`` (matplotlib figures): an image, written under the build's doctree folder and
  copied into the site by Sphinx like any other image.

A cell that raises fails the build, naming the cell (numbered from 1, counting every cell) and
the traceback's last line. So does markdown outside the small subset the notebooks use
(headings, paragraphs, bullet and numbered lists, pipe tables, inline code, bold,
italics, backslash escapes and ``[text](https://…)`` links; one ``$`` in a cell is a dollar,
two would be math in Jupyter): a construct this converter does not know is refused rather
than shown wrong. The subset is built into docutils nodes
directly, not written out as reStructuredText and parsed again, so no character of the
notebook's text can be read as reStructuredText markup.

Configuration: ``notebook_timeout``, the seconds one cell may run (600).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import string
import tempfile
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: What a cell shows, in the order of preference: the first of these its output has is shown.
MIMETYPES = ("text/html", "image/png", "text/plain")

#: The style sheet HTML builds get (``_static/notebook_pages.css``): what the cells printed
#: and displayed is set apart from their code; wide tables scroll instead of overflowing.
CSS = """\
div.notebook-stdout div.highlight, div.notebook-result div.highlight {
    background: #fff;
    border-left: 3px solid #e0d8c8;
}
div.notebook-stderr div.highlight { background: #fdecea; }
div.notebook-html { overflow-x: auto; margin: 0 0 1.5em; }
div.notebook-html table.dataframe { border-collapse: collapse; border: none; font-size: 0.9em; }
div.notebook-html table.dataframe th, div.notebook-html table.dataframe td {
    border: none;
    border-bottom: 1px solid #ddd;
    padding: 0.2em 0.6em;
}
div.notebook-html table.dataframe td { text-align: right; }
"""

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


# --- markdown: the subset the notebooks use, as docutils nodes ---------------------------------


class MarkdownError(ValueError):
    """A markdown construct the converter does not render (the message says which)."""


_HEADING = re.compile(r"(#+)[ \t]+(.*?)[ \t]*$")
_BULLET = re.compile(r"([*+-])[ \t]+(\S.*)$")
_NUMBER = re.compile(r"(\d{1,9})([.)])[ \t]+(\S.*)$")
_RULE = re.compile(r"([*_-])[ \t]*(?:\1[ \t]*){2,}$")
_DELIMITER_CELL = re.compile(r"[ \t]*:?-+:?[ \t]*")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_URL = re.compile(r"(?:https?://|mailto:)\S+$")
_PUNCTUATION = frozenset(string.punctuation)

#: Block starts that markdown knows and this converter does not, each with what it is.
_UNSUPPORTED_BLOCKS = (
    (re.compile(r"(```|~~~)"), "a fenced code block"),
    (re.compile(r">"), "a block quote"),
    (re.compile(r"<[A-Za-z/!?]"), "an HTML block"),
    (re.compile(r"\[[^\]]+\]:"), "a link reference definition"),
    (re.compile(r"#+(?:$|[^# \t])"), "a '#' not followed by a space"),
)


@dataclass(frozen=True)
class Heading:
    """A ``#`` heading: its level (1 to 3) and its text."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's text, its lines joined by newlines (markdown shows them as spaces)."""

    text: str


@dataclass(frozen=True)
class ListBlock:
    """A bullet list (``start`` None) or a numbered list starting at ``start``."""

    items: tuple[str, ...]
    start: int | None


@dataclass(frozen=True)
class Table:
    """A pipe table: the header's cells and each row's, as markdown text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | ListBlock | Table


def blocks(source: str) -> Iterator[Block]:
    """The blocks of a markdown cell, in order; :class:`MarkdownError` for anything else."""
    # Jupyter typesets the text between two dollar signs of a cell as math; one is a dollar.
    dollars = re.sub(r"\\.|(`+).*?\1", "", source, flags=re.DOTALL).count("$")
    if dollars > 1:
        raise MarkdownError(f"{dollars} '$' (math between two; write a dollar sign as '\\$')")
    lines = source.expandtabs(4).splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if len(line) - len(line.lstrip(" ")) >= 4:
            raise MarkdownError(f"an indented code block: {line.strip()!r}")
        line = line.lstrip(" ")
        _refuse_block(line)
        if heading := _HEADING.match(line):
            level, title = len(heading[1]), re.sub(r"[ \t]+#+$", "", heading[2])
            if level > 3:
                raise MarkdownError(f"a heading below '###': {line!r}")
            if not title.strip("#"):
                raise MarkdownError(f"a heading without text: {line!r}")
            yield Heading(level, title)
            i += 1
        elif line.startswith("|"):
            end = _end_of(lines, i, lambda text: text.lstrip(" ").startswith("|"))
            if end < len(lines) and lines[end].strip():  # markdown would read it as a row
                raise MarkdownError(f"a line right under a table: {lines[end].strip()!r}")
            yield _table(lines[i:end])
            i = end
        elif _BULLET.match(line) or _NUMBER.match(line):
            i, block = _list(lines, i)
            yield block
        else:
            end = _end_of(lines, i, lambda text: bool(text.strip()))
            yield Paragraph(_paragraph(lines[i:end]))
            i = end


def _end_of(lines: list[str], start: int, within: Callable[[str], bool]) -> int:
    """The index of the first line from ``start`` on that is not ``within`` the block."""
    end = start
    while end < len(lines) and within(lines[end]):
        end += 1
    return end


def _refuse_block(line: str) -> None:
    """Refuse a line that starts a kind of block this converter does not render."""
    if _RULE.match(line):
        raise MarkdownError(f"a horizontal rule: {line!r}")
    for pattern, what in _UNSUPPORTED_BLOCKS:
        if pattern.match(line):
            raise MarkdownError(f"{what}: {line!r}")


def _starts_block(line: str) -> bool:
    """Whether markdown would read this line, inside a paragraph, as the start of a block."""
    text = line.lstrip(" ")
    return bool(
        _HEADING.match(text)
        or _BULLET.match(text)
        or _NUMBER.match(text)
        or _RULE.match(text)
        or text.startswith("|")
        or re.fullmatch(r"(=+|-+)[ \t]*", text)  # a heading's underline
        or _delimiter_row(text)
        or any(pattern.match(text) for pattern, _ in _UNSUPPORTED_BLOCKS)
    )


def _delimiter_row(text: str) -> bool:
    """Whether ``text`` is a table's delimiter row (``|---|---|``, or without the outer pipes)."""
    cells = text.strip().strip("|").split("|")
    return "|" in text and all(_DELIMITER_CELL.fullmatch(cell) for cell in cells)


def _paragraph(lines: list[str]) -> str:
    """The text of a paragraph's lines: markdown joins them; a line break is refused."""
    for number, line in enumerate(lines):
        if number and _starts_block(line):
            raise MarkdownError(f"a new block without a blank line before it: {line.strip()!r}")
        if number < len(lines) - 1 and (line.endswith(("  ", "\\"))):
            raise MarkdownError(f"a hard line break (two spaces or '\\' at the end): {line!r}")
    return "\n".join(line.strip() for line in lines)


def _list(lines: list[str], start: int) -> tuple[int, ListBlock]:
    """The list starting at ``lines[start]`` and the index of the line after it."""
    first = lines[start].lstrip(" ")
    bullet = _BULLET.match(first)
    number = None if bullet else _NUMBER.match(first)
    marker = bullet[1] if bullet else number[2] if number else ""

    def item_start(line: str) -> re.Match[str] | None:
        """The match of a new item of this list (same marker), if ``line`` starts one (a
        line indented under the item before is inside that item)."""
        text = line.lstrip(" ")
        if len(line) - len(text) >= (width if items else 4):
            return None
        match = _BULLET.match(text) if bullet else _NUMBER.match(text)
        return match if match and match[1 if bullet else 2] == marker else None

    items: list[list[str]] = []
    width = 0
    i = start
    while i < len(lines):
        line = lines[i]
        if match := item_start(line):
            if _starts_block(match[match.lastindex or 0]):
                raise MarkdownError(f"a list item opening with another block: {line.strip()!r}")
            items.append([match[match.lastindex or 0]])
            width = match.start(match.lastindex or 0) + len(line) - len(line.lstrip(" "))
        elif not line.strip():
            after = next((text for text in lines[i:] if text.strip()), "")
            if item_start(after):
                i += 1
                continue
            if after.startswith(" "):
                raise MarkdownError(f"a list item of more than one paragraph: {after.strip()!r}")
            break
        elif line[:width].strip():
            raise MarkdownError(f"a list item's line not indented under its text: {line.strip()!r}")
        else:
            text = line.strip()
            if _BULLET.match(text) or _NUMBER.match(text):
                raise MarkdownError(f"a nested list: {text!r}")
            items[-1].append(line)
        i += 1
    texts = tuple(_paragraph(item) for item in items)
    return i, ListBlock(texts, int(number[1]) if number else None)


def _table(lines: list[str]) -> Table:
    """A pipe table: a header row, a delimiter row of dashes, rows of as many cells."""
    rows = [_cells(line) for line in lines]
    if len(rows) < 2 or not _delimiter_row(lines[1]):
        raise MarkdownError(f"a table without a delimiter row under its header: {lines[0]!r}")
    if any(":" in cell for cell in rows[1]):
        raise MarkdownError(f"a table's column alignment (':' in its delimiter row): {lines[1]!r}")
    for line, row in zip(lines, rows, strict=True):
        if len(row) != len(rows[0]):
            raise MarkdownError(
                f"a table row of {len(row)} cells under a header of {len(rows[0])}: {line!r}"
            )
    return Table(tuple(rows[0]), tuple(tuple(row) for row in rows[2:]))


def _cells(line: str) -> list[str]:
    """The cells of a table row written ``| a | b |`` (``\\|`` is a pipe inside a cell)."""
    text = line.strip()
    if not (text.startswith("|") and text.endswith("|") and len(text) > 1):
        raise MarkdownError(f"a table row that does not start and end with '|': {line!r}")
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text[1:-1])]


def inline(text: str) -> list[nodes.Node]:
    """The inline nodes of a markdown text: code, bold, italics, links, escapes, plain text."""
    result: list[nodes.Node] = []
    plain: list[str] = []

    def add(node: nodes.Node) -> None:
        if plain:
            result.append(nodes.Text("".join(plain)))
            plain.clear()
        result.append(node)

    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _PUNCTUATION:
            plain.append(text[i + 1])
            i += 2
        elif char == "`":
            i, code = _code_span(text, i)
            add(nodes.literal(code, code))
        elif text.startswith("***", i):
            raise MarkdownError(f"'***' (bold italics): {_around(text, i)!r}")
        elif char == "*" and (i + 1 == len(text) or text[i + 1].isspace()):
            plain.append(char)  # a lone '*' between spaces is an asterisk
            i += 1
        elif char == "*":
            delimiter = "**" if text.startswith("**", i) else "*"
            start = i + len(delimiter)
            if start == len(text) or text[start].isspace():
                raise MarkdownError(f"'{delimiter}' before a space: {_around(text, i)!r}")
            end = _closing(text, start, delimiter)
            kind = nodes.strong if delimiter == "**" else nodes.emphasis
            add(kind("", "", *inline(text[start:end])))
            i = end + len(delimiter)
        elif char == "[":
            i, link = _link(text, i)
            if link is None:
                plain.append(char)
            else:
                add(link)
        else:
            _refuse_inline(text, i)
            plain.append(char)
            i += 1
    if plain:
        result.append(nodes.Text("".join(plain)))
    return result


def _refuse_inline(text: str, i: int) -> None:
    """Refuse an inline construct of markdown this converter does not render, at ``text[i]``."""
    char = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    problem = ""
    if char == "_" and not (before.isalnum() and after.isalnum()):
        problem = "an '_' that may emphasise (write emphasis with '*', names in backticks)"
    elif char == "!" and after == "[":
        problem = "an image"
    elif char == "<" and (after.isalpha() or after in "/!?"):
        problem = "inline HTML or an autolink"
    elif char == "&" and _ENTITY.match(text, i):
        problem = "an HTML entity"
    elif text.startswith("~~", i):
        problem = "strikethrough"
    elif text.startswith(("http://", "https://", "www."), i):
        problem = "a bare URL (write it as [text](url))"
    if problem:
        raise MarkdownError(f"{problem}: {_around(text, i)!r}")


def _around(text: str, i: int) -> str:
    """The text around ``text[i]``, for a message."""
    return text[max(0, i - 20) : i + 30].replace("\n", " ")


def _code_span(text: str, start: int) -> tuple[int, str]:
    """The end of the code span at ``text[start]`` and its content."""
    opening = re.match(r"`+", text[start:])
    ticks = len(opening[0]) if opening else 1
    for closing in re.finditer(r"`+", text[start + ticks :]):
        if len(closing[0]) == ticks:
            code = text[start + ticks : start + ticks + closing.start()].replace("\n", " ")
            if len(code) > 2 and code[0] == code[-1] == " " and code.strip():
                code = code[1:-1]
            return start + 2 * ticks + closing.start(), code
    raise MarkdownError(f"an unclosed code span: {_around(text, start)!r}")


def _closing(text: str, start: int, delimiter: str) -> int:
    """The index of the ``delimiter`` closing the emphasis whose text starts at ``start``."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == "`":
            i, _ = _code_span(text, i)
        elif text.startswith(delimiter, i) and not text[i - 1].isspace():
            if delimiter == "**" or not text.startswith("**", i):
                return i
            i += 2
        elif text.startswith("**", i):
            i += 2
        else:
            i += 1
    raise MarkdownError(f"an unclosed '{delimiter}': {_around(text, start - len(delimiter))!r}")


def _link(text: str, start: int) -> tuple[int, nodes.reference | None]:
    """The end of the ``[text](url)`` link at ``text[start]`` and its node; None if the
    bracket opens no link (markdown shows it as it is)."""
    depth, i = 0, start
    while i < len(text):
        if text[i] == "\\":
            i += 1
        elif text[i] == "`":
            i, _ = _code_span(text, i)
            continue
        elif text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                break
        i += 1
    if i < len(text) and text.startswith("[", i + 1):
        raise MarkdownError(f"a reference link: {_around(text, start)!r}")
    if i >= len(text) or not text.startswith("(", i + 1):
        return start + 1, None  # no link: markdown shows the bracket as it is
    depth, end = 1, i + 2
    while end < len(text) and depth:
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        end += 1
    url = text[i + 2 : end - 1]
    if depth or not _URL.match(url):
        raise MarkdownError(
            f"a link whose target is not one absolute URL (http, https or mailto, "
            f"without a title): {_around(text, start)!r}"
        )
    shown = text[start + 1 : i]
    label = [nodes.Text(url)] if shown == url else inline(shown)  # a link showing its URL
    return end, nodes.reference("", "", *label, refuri=url)


# --- the directive -------------------------------------------------------------------------------


@dataclass
class _Build:
    """What one build knows about notebooks: whether to execute them, where figures go, and
    the notebooks executed so far (each at most once)."""

    execute: bool
    figures: Path
    timeout: int
    executed: dict[str, list[Any]] = field(default_factory=dict)


_BUILDS: weakref.WeakKeyDictionary[BuildEnvironment, _Build] = weakref.WeakKeyDictionary()


def _begin(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Start a build's reading (``env-before-read-docs``): HTML builders execute notebooks,
    and their figures go under the build's doctree folder, outside the sources."""
    _BUILDS[env] = _Build(
        execute=app.builder.format == "html",
        figures=Path(app.doctreedir) / "notebook-figures",
        timeout=app.config.notebook_timeout,
    )


class NotebookDirective(SphinxDirective):
    """``.. notebook:: path.ipynb``: the page is the notebook, executed (see the module)."""

    required_arguments: ClassVar[int] = 1
    has_content: ClassVar[bool] = True

    def run(self) -> list[nodes.Node]:
        """The page's sections, made of the notebook's cells and their outputs."""
        if not isinstance(self.state.parent, nodes.document) or any(
            isinstance(child, nodes.section) for child in self.state.parent.children
        ):
            raise self.error("notebook: the directive makes the page: put it first in its file")
        name, path = self.env.relfn2path(self.arguments[0])
        if not Path(path).is_file():
            raise self.error(f"notebook: no such file: {name}")
        self.env.note_dependency(path)
        build = _BUILDS[self.env]
        if build.execute:
            if path not in build.executed:
                build.executed[path] = _execute(Path(path), name, build.timeout)
            cells = build.executed[path]
        else:
            cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
        page = _Page(self, name, build.figures)
        for number, cell in enumerate(cells, start=1):
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                page.markdown(source, number)
            elif cell["cell_type"] == "code":
                page.code(source, number, cell["outputs"] if build.execute else [])
            else:
                raise ExtensionError(f"{name}, cell {number}: a {cell['cell_type']} cell")
        if not page.sections:
            raise ExtensionError(f"{name}: the notebook has no '#' heading (its title)")
        page.sections[0][1:1] = self.parse_content_to_nodes()  # under the title
        return [*page.sections]


class _Page:
    """The sections of a notebook's page, built cell by cell."""

    def __init__(self, directive: NotebookDirective, name: str, figures: Path) -> None:
        self.directive = directive
        self.name = name
        self.figures = figures
        self.sections: list[nodes.section] = []
        self.open: list[tuple[int, nodes.section]] = []  # (level, section), outermost first

    def add(self, node: nodes.Node, number: int) -> None:
        """Add a block to the section opened last."""
        if not self.open:
            raise ExtensionError(
                f"{self.name}, cell {number}: the notebook must open with a '#' heading"
            )
        self.open[-1][1].append(node)

    def markdown(self, source: str, number: int) -> None:
        """Add a markdown cell's blocks; a heading opens a section."""
        try:
            for block in blocks(source):
                if isinstance(block, Heading):
                    self.heading(block, number)
                else:
                    self.add(_block(block), number)
        except MarkdownError as exc:
            raise ExtensionError(
                f"{self.name}, cell {number}: unsupported markdown: {exc}"
            ) from exc

    def heading(self, heading: Heading, number: int) -> None:
        """Open the section a heading starts, inside the one a level up."""
        where = f"{self.name}, cell {number}"
        if heading.level == 1 and self.open:
            raise ExtensionError(f"{where}: a second '#' heading (the page has one title)")
        while self.open and self.open[-1][0] >= heading.level:
            self.open.pop()
        if not self.open and heading.level > 1:
            raise ExtensionError(f"{where}: the notebook must open with a '#' heading")
        if self.open and heading.level > self.open[-1][0] + 1:
            raise ExtensionError(f"{where}: a heading skips a level: {heading.text!r}")
        title = nodes.title("", "", *inline(heading.text))
        section = nodes.section("", title, names=[nodes.fully_normalize_name(title.astext())])
        self.directive.state.document.note_implicit_target(section, section)
        if self.open:
            self.open[-1][1].append(section)
        else:
            self.sections.append(section)
        self.open.append((heading.level, section))

    def code(self, source: str, number: int, outputs: list[Any]) -> None:
        """Add a code cell (unless empty) and what it printed and displayed."""
        if source.strip():
            self.add(nodes.literal_block(source, source, language="python"), number)
        for output in _merged_streams(outputs):
            self.add(self.output(output, number), number)

    def output(self, output: Any, number: int) -> nodes.Element:
        """The node of one output of a code cell."""
        where = f"{self.name}, cell {number}"
        kind = output["output_type"]
        if kind == "stream":
            text = _ANSI.sub("", output["text"])
            if output["name"] == "stderr":
                logger.warning(
                    "%s wrote to stderr: %s",
                    where,
                    text.strip().splitlines()[-1] if text.strip() else "(blank)",
                    location=self.directive.get_location(),
                    type="notebook",
                    subtype="stderr",
                )
            return _text_block(text, output["name"])
        data = output.get("data", {})
        mimetype = next((m for m in MIMETYPES if m in data), None)
        if kind not in {"display_data", "execute_result"}:
            raise ExtensionError(f"{where}: an output this page cannot show: {kind}")
        if mimetype is None or (mimetype == "text/plain" and len(data) > 1):
            # Shown as its plain text, a Markdown or SVG display would read as a repr.
            raise ExtensionError(f"{where}: an output this page cannot show: {sorted(data)}")
        if mimetype == "text/html":
            html = f'<div class="notebook-html">\n{data[mimetype]}\n</div>'
            return nodes.raw("", html, format="html")
        if mimetype == "image/png":
            return self.figure(base64.b64decode(data[mimetype]), number)
        return _text_block(_ANSI.sub("", data[mimetype]), "result")

    def figure(self, png: bytes, number: int) -> nodes.image:
        """A PNG figure: written under the build's doctree folder and shown as an image, which
        Sphinx copies into the site's ``_images`` as it copies any other."""
        stem = Path(self.name).stem
        self.figures.mkdir(parents=True, exist_ok=True)
        file = self.figures / f"{stem}-{hashlib.sha256(png).hexdigest()[:16]}.png"
        if not file.exists():
            file.write_bytes(png)
        env = self.directive.env
        page_folder = env.doc2path(env.docname).parent
        return nodes.image(
            uri=Path(os.path.relpath(file, page_folder)).as_posix(),
            alt=f"the figure drawn by cell {number} of {Path(self.name).name}",
        )


def _block(block: Paragraph | ListBlock | Table) -> nodes.Element:
    """The docutils node of a paragraph, a list or a table."""
    if isinstance(block, Paragraph):
        return nodes.paragraph("", "", *inline(block.text))
    if isinstance(block, ListBlock):
        items = [nodes.list_item("", nodes.paragraph("", "", *inline(i))) for i in block.items]
        if block.start is None:
            return nodes.bullet_list("", *items, bullet="*")
        numbered = nodes.enumerated_list("", *items, enumtype="arabic", prefix="", suffix=".")
        if block.start != 1:
            numbered["start"] = block.start
        return numbered

    def row(cells: tuple[str, ...]) -> nodes.row:
        entries = (nodes.entry("", nodes.paragraph("", "", *inline(cell))) for cell in cells)
        return nodes.row("", *entries)

    group = nodes.tgroup("", cols=len(block.header))
    group += [nodes.colspec(colwidth=1) for _ in block.header]
    group += nodes.thead("", row(block.header))
    group += nodes.tbody("", *(row(cells) for cells in block.rows))
    return nodes.table("", group, classes=["colwidths-auto"])


def _text_block(text: str, kind: str) -> nodes.literal_block:
    """Printed text or a plain value, as a literal block that is not highlighted."""
    text = text.rstrip("\n")
    return nodes.literal_block(text, text, language="none", classes=[f"notebook-{kind}"])


def _merged_streams(outputs: list[Any]) -> list[Any]:
    """The outputs, consecutive writes to one stream joined (as Jupyter shows them)."""
    merged: list[Any] = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output["output_type"] == previous["output_type"] == "stream"
            and output["name"] == previous["name"]
        ):
            merged[-1] = {**previous, "text": previous["text"] + output["text"]}
        else:
            merged.append(output)
    return merged


def _execute(path: Path, name: str, timeout: int) -> list[Any]:
    """The notebook's cells with their outputs, executed in the notebook's folder; a cell that
    raises, times out or kills the kernel is an :class:`ExtensionError` naming the cell."""
    try:
        # Only the HTML builders need them: the ``notebook`` dependency group.
        import nbformat  # noqa: PLC0415
        from nbclient import NotebookClient  # noqa: PLC0415
        from nbclient.exceptions import CellExecutionError, DeadKernelError  # noqa: PLC0415
    except ImportError as exc:
        raise ExtensionError(
            f"{name}: executing a notebook needs nbclient, nbformat and ipykernel "
            f"(the 'notebook' dependency group): {exc}"
        ) from exc
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    started: list[int] = []
    client = NotebookClient(
        notebook,
        timeout=timeout,
        on_cell_start=lambda cell, cell_index: started.append(cell_index),
    )
    # The kernel starts in the notebook's folder, where a relative PYTHONPATH entry (``src``)
    # names another folder: made absolute, it lets the kernel import what the build imports.
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        entries = env["PYTHONPATH"].split(os.pathsep)
        env["PYTHONPATH"] = os.pathsep.join(str(Path(e).resolve()) for e in entries if e)
    # The kernel process's own log (not the cells' output) is shown only if the kernel fails.
    with tempfile.TemporaryFile() as log:
        try:
            client.execute(cwd=str(path.parent), env=env, stderr=log)
        except CellExecutionError as exc:
            raise ExtensionError(f"{name}, cell {started[-1] + 1}: {_raised(exc)}") from None
        except (DeadKernelError, TimeoutError) as exc:
            cell = f"cell {started[-1] + 1}" if started else "starting the kernel"
            log.seek(0)
            kernel = log.read().decode(errors="replace").strip()
            raise ExtensionError(
                f"{name}, {cell}: {type(exc).__name__}: {exc}\nthe kernel's log:\n{kernel}"
            ) from None
    cells: list[Any] = notebook.cells
    return cells


def _raised(error: Any) -> str:
    """The traceback's last line (``ename: evalue``) and the line of the cell that raised."""
    traceback = _ANSI.sub("", str(error))
    lines = re.findall(r"^-+> *(\d+) (.*)$", traceback, flags=re.MULTILINE)
    at = f" (line {lines[-1][0]}: {lines[-1][1].strip()})" if lines else ""
    return f"{error.ename}: {error.evalue}".strip() + at


def _write_css(app: Sphinx, exception: Exception | None) -> None:
    """Write the style sheet into an HTML build's ``_static`` (``build-finished``)."""
    if exception is None and app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(exist_ok=True)
        (static / "notebook_pages.css").write_text(CSS, encoding="utf-8")


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``notebook`` directive, its configuration and its style sheet."""
    app.add_config_value("notebook_timeout", 600, "env", types=frozenset({int}))
    app.add_directive("notebook", NotebookDirective)
    app.add_css_file("notebook_pages.css")
    app.connect("env-before-read-docs", _begin)
    app.connect("build-finished", _write_css)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
