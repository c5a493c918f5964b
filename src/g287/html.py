"""Small, escaped HTML building blocks for notebook views (``_repr_html_``) and reports.

Each value object chooses what its view shows; this module is the only one that writes markup:
tables from headers and rows, definition lists, paragraphs, collapsible sections and the
``<div>`` holding a view. Every piece of text is escaped as :func:`html.escape` does; amounts
are right-aligned dollars.

>>> print(table(["officer", "total"], [["T-01", Decimal("12.50")]], caption="<b>x</b>"))
... # doctest: +ELLIPSIS
<table ...><caption>&lt;b&gt;x&lt;/b&gt;</caption>...<td>T-01</td><td ...>$12.50</td>...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

from .money import format_money

__all__ = ["block", "cell", "definition_list", "details", "escape", "paragraph", "table"]

# html.escape's table, applied without importing the html package: it loads html.entities, a
# 2,000-entry table that would add a twentieth to the cost of `import g287`.
_ESCAPES: Final = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)


def escape(text: str) -> str:
    """``text`` with ``& < > " '`` escaped, as :func:`html.escape` does."""
    return text.translate(_ESCAPES)


# Inline styles: a notebook shows the markup without any stylesheet of ours.
_TABLE = ' style="border-collapse:collapse;font-family:sans-serif;font-size:0.9em"'
_RIGHT = ' style="text-align:right"'


def cell(value: object, tag: str = "td") -> str:
    """One escaped cell: an amount as right-aligned dollars, ``None`` as an empty cell."""
    if isinstance(value, Decimal):
        return f"<{tag}{_RIGHT}>{escape(format_money(value))}</{tag}>"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"<{tag}{_RIGHT}>{value}</{tag}>"
    return f"<{tag}>{escape('' if value is None else str(value))}</{tag}>"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str = "",
    footer: Iterable[Sequence[object]] = (),
) -> str:
    """A table from headers and rows of plain values; ``footer`` rows go in ``<tfoot>``."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    foot = "".join("<tr>" + "".join(cell(v, "th") for v in row) + "</tr>" for row in footer)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f"<table{_TABLE}>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        + (f"<tfoot>{foot}</tfoot>" if foot else "")
        + "</table>"
    )


def definition_list(pairs: Iterable[tuple[str, object]]) -> str:
    """Terms and values, escaped: ``<dl><dt>term</dt><dd>value</dd>…</dl>``."""
    items = "".join(f"<dt>{escape(k)}</dt>{cell(v, 'dd')}" for k, v in pairs)
    return f"<dl>{items}</dl>"


def details(summary: str, inner_html: str, *, open_: bool = False) -> str:
    """A collapsible section: ``summary`` is escaped, ``inner_html`` is markup built here."""
    return (
        f"<details{' open' if open_ else ''}><summary>{escape(summary)}</summary>"
        f"{inner_html}</details>"
    )


def paragraph(text: str, *, strong: bool = False) -> str:
    """A paragraph of escaped text, in bold with ``strong`` (a view's title)."""
    inner = f"<strong>{escape(text)}</strong>" if strong else escape(text)
    return f"<p>{inner}</p>"


def block(*parts: str) -> str:
    """Markup built here (tables, paragraphs, lists, sections), as one ``<div>``: a view."""
    return "<div>" + "".join(parts) + "</div>"
