"""Text made safe for a report cell: no spreadsheet formula, no control character.

A spreadsheet reads a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula, and a
leading tab or carriage return can hide one (OWASP, "CSV Injection"). A formula in a report is
run by whoever opens it — ``=HYPERLINK(…)`` sends a click, and worse ones run commands — so a
report must never write one from data. OWASP's advice is followed: such a text gets a leading
``'``, which a spreadsheet shows as text. Numbers (amounts, counts) are written as numbers and
never touched.
"""

from __future__ import annotations

from typing import Final

import attrs

from g287.errors import printable
from g287.explain import Explanation, Step

__all__ = ["FORMULA_STARTS", "escaped", "neutralise", "text_cell"]

#: The first characters that make a spreadsheet read a text cell as a formula (OWASP).
FORMULA_STARTS: Final = frozenset("=+-@\t\r")


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` if it begins like a formula (``= + - @``, tab or CR).

    Any other text is returned unchanged, so the rule can be undone by whoever knows it: a cell
    that begins with ``'`` followed by one of those characters had the ``'`` added.

    >>> neutralise('=HYPERLINK("http://evil.example","T-01")')
    '\\'=HYPERLINK("http://evil.example","T-01")'
    >>> neutralise("T-01"), neutralise("")
    ('T-01', '')
    """
    return "'" + text if text[:1] in FORMULA_STARTS else text


def text_cell(text: str) -> str:
    """A text as a CSV or workbook cell holds it: :func:`neutralise` d, then every non-printable
    character escaped (:func:`g287.errors.printable`).

    >>> text_cell("\\tHarbor\\nCounty")
    "'\\\\tHarbor\\\\nCounty"
    """
    return printable(neutralise(text))


def escaped(explanation: Explanation) -> Explanation:
    """``explanation`` with every text it shows passed through :func:`~g287.errors.printable`.

    Its ``str()`` then keeps one step to a line whatever a policy's name or quotes hold: a
    newline or an escape sequence in them cannot forge or hide a line of an audit trail.
    """
    return Explanation(
        printable(explanation.title),
        printable(explanation.figure),
        [_escaped_step(step) for step in explanation.steps],
        printable(explanation.policy),
    )


def _escaped_step(step: Step) -> Step:
    cite = step.citation
    source = attrs.evolve(cite.source, id=printable(cite.source.id))
    return Step(
        printable(step.rule_id),
        printable(step.text),
        printable(step.figure),
        attrs.evolve(cite, source=source, quote=printable(cite.quote)),
        tuple((printable(name), printable(value)) for name, value in step.inputs),
    )
