"""Explanations (the audit trail every result carries) and the escaped HTML they are shown with.

A :class:`~g287.Step` names the rule (``R-…``) or interpretation (``I-…``) that applied, the
passage it cites, its inputs and its figure; an :class:`~g287.Explanation` is the ordered steps
with a title and the figure they arrive at. The wording of real results' trails is pinned once in
``tests/golden/``; here the forms are tested on explanations built by hand.
"""

from __future__ import annotations

import html as stdlib_html
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import POLICY, SOURCE, Citation, Explanation, G287Error, InvalidTypeError, Step, html

EFF = POLICY.citation("R-EFF")
OT = POLICY.citation("R-OT")
HOSTILE = Citation(SOURCE, "¶7", "<script>alert('x')</script> & more")

IN_FORCE = Step("R-EFF", "FY2026 begins 2025-10-01, inside the policy period", "in force", EFF)
BASIS = Step(
    "I-CAPBASE", "cap basis is annual base salary", "$78,000.00", OT, {"salary": "78000.00"}
)
CAP = Step(
    "R-OT",
    "overtime cap = 25% of annual salary",
    "$19,500.00",
    OT,
    (("salary", Decimal("78000.00")), ("share", "1/4")),
)
PAID = Step("R-OT", "overtime reimbursed", "$500.00", OT, [["claimed", 500]])
TRAIL = Explanation("FY2026 overtime cap", "$19,500.00", (IN_FORCE, CAP, BASIS, PAID))

#: Every tag the html helpers write, with their attributes: what is left once these are removed
#: is text, and must hold no markup.
TAGS = re.compile(
    r"</?(?:table|caption|thead|tbody|tfoot|tr|th|td|dl|dt|dd|details|summary|div|p)"
    r'(?: style="[^"]*")?(?: open)?>'
)


def bad(value: object) -> Any:
    """``value``, typed ``Any`` so the type checker lets a refusal test pass it on."""
    return value


class TestStep:
    def test_inputs_from_a_dict_or_pairs(self) -> None:
        """Inputs may be a dict or pairs; either way they are kept as text pairs, in order."""
        assert BASIS.inputs == (("salary", "78000.00"),)
        assert CAP.inputs == (("salary", "78000.00"), ("share", "1/4"))
        assert PAID.inputs == (("claimed", "500"),)
        as_dict = Step("R-OT", "t", "f", OT, {"a": 1, "b": 2})
        assert as_dict == Step("R-OT", "t", "f", OT, (("a", "1"), ("b", "2")))
        assert IN_FORCE.inputs == ()

    def test_str(self) -> None:
        """A step reads ``[rule id] what it did (inputs) -> figure  (locator)``."""
        assert str(CAP) == (
            "[R-OT] overtime cap = 25% of annual salary (salary=78000.00, share=1/4) "
            "-> $19,500.00  (¶7)"
        )
        assert str(IN_FORCE).endswith("inside the policy period -> in force  (¶6)")

    def test_as_row(self) -> None:
        """A step is one flat row of text, with its locator and quote."""
        assert CAP.as_row() == {
            "rule_id": "R-OT",
            "text": "overtime cap = 25% of annual salary",
            "inputs": "salary=78000.00, share=1/4",
            "figure": "$19,500.00",
            "locator": "¶7",
            "quote": OT.quote,
        }
        assert IN_FORCE.as_row()["inputs"] == ""


class TestExplanation:
    def test_rule_ids_in_order_of_first_use(self) -> None:
        """``rule_ids`` lists each rule and interpretation once, in the order first used."""
        assert TRAIL.rule_ids == ("R-EFF", "R-OT", "I-CAPBASE")

    def test_steps_from_any_iterable(self) -> None:
        """Steps may come from any iterable and are kept as a tuple."""
        made = Explanation("t", "f", (s for s in [IN_FORCE, CAP]))
        assert made.steps == (IN_FORCE, CAP)
        assert Explanation("t", "f", [IN_FORCE, CAP]) == made
        assert Explanation("t", "f", ()).rule_ids == ()

    def test_str_is_a_numbered_trail_with_its_sources(self) -> None:
        """``str()`` gives the title and figure, each step numbered, then each cited passage
        once."""
        lines = str(TRAIL).splitlines()
        assert lines[0] == "FY2026 overtime cap: $19,500.00"
        assert lines[1] == f"  1. {IN_FORCE}"
        assert lines[2] == f"  2. {CAP}"
        assert lines[4] == f"  4. {PAID}"
        assert lines[5] == "  Sources:"
        assert lines[6:] == [f"    {EFF}", f"    {OT}"]

    def test_html_escapes_text(self) -> None:
        """In a notebook each step is a row with its rule id, text, figure and quoted source,
        and every piece of text is escaped: a quote holding a script cannot run."""
        hostile = Explanation(
            "Tom & Jerry's <b>claim</b>",
            "$1.00",
            (Step("R-OT", "a <i>step</i>", "<1>", HOSTILE, {"x": "<y>"}),),
        )
        shown = hostile._repr_html_()
        assert "<script>" not in shown
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in shown
        assert "Tom &amp; Jerry&#x27;s &lt;b&gt;claim&lt;/b&gt;: $1.00" in shown
        assert "<td>a &lt;i&gt;step&lt;/i&gt;</td><td>x=&lt;y&gt;</td><td>&lt;1&gt;</td>" in shown
        assert "<" not in TAGS.sub("", shown)
        shown = TRAIL._repr_html_()
        assert [f"<tr><td>{r}</td>" in shown for r in ("R-EFF", "R-OT", "I-CAPBASE")] == [True] * 3
        assert f"¶7: “{OT.quote}”" in shown


class TestHtml:
    def test_cells(self) -> None:
        """An amount is right-aligned dollars, a count right-aligned, ``None`` empty, and
        anything else escaped text (a bool is text, not a number)."""
        right = ' style="text-align:right"'
        assert html.cell(Decimal("1234.5")) == f"<td{right}>$1,234.50</td>"
        assert html.cell(Decimal("-5"), "th") == f"<th{right}>-$5.00</th>"
        assert html.cell(12) == f"<td{right}>12</td>"
        assert html.cell(True) == "<td>True</td>"
        assert html.cell(None) == "<td></td>"
        assert html.cell("<b>") == "<td>&lt;b&gt;</td>"

    def test_table(self) -> None:
        """A table has escaped headers, a caption only when given, and footer rows of header
        cells in ``<tfoot>`` only when given."""
        plain = html.table(["id", "a<b"], [["T-01", 3]])
        assert "<caption>" not in plain
        assert "<tfoot>" not in plain
        assert "<th>a&lt;b</th>" in plain
        assert "<tr><td>T-01</td>" in plain
        full = html.table(["id"], [], caption="<x>", footer=[["total"]])
        assert "<caption>&lt;x&gt;</caption>" in full
        assert "<tbody></tbody><tfoot><tr><th>total</th></tr></tfoot></table>" in full

    def test_definition_list_and_details(self) -> None:
        """Terms and values are escaped; a details section escapes its summary, keeps the
        markup built inside it, and is open only when asked."""
        assert html.definition_list([("<k>", "v&"), ("total", Decimal("1"))]) == (
            '<dl><dt>&lt;k&gt;</dt><dd>v&amp;</dd><dt>total</dt><dd style="text-align:right">'
            "$1.00</dd></dl>"
        )
        assert html.details("<s>", "<p>x</p>") == (
            "<details><summary>&lt;s&gt;</summary><p>x</p></details>"
        )
        assert html.details("s", "", open_=True).startswith("<details open><summary>")

    @given(st.text())
    def test_escape_is_the_standard_one(self, text: str) -> None:
        """Issue 11: HTML rendering is “a table from headers and rows, escaped”: ``escape``
        escapes ``& < > " '`` exactly as :func:`html.escape` does."""
        assert html.escape(text) == stdlib_html.escape(text)

    @given(st.lists(st.lists(st.text(max_size=12), min_size=2, max_size=2), max_size=4))
    def test_no_markup_from_data(self, rows: list[list[str]]) -> None:
        """Issue 11: HTML rendering is “a table from headers and rows, escaped”: whatever text
        the rows, headers, caption or footer hold, the only markup in a table is its own."""
        texts = [t for row in rows for t in row]
        headers = texts[:2] or ["a", "b"]
        shown = html.table(headers, rows, caption="".join(texts), footer=rows[:1])
        assert not set("<>\"'") & set(TAGS.sub("", shown))


# --- refusals ----------------------------------------------------------------------------------

TEXT: Any = "text"  # text where something else belongs, typed Any for the checker

#: (call, error, match): ``match`` is the ``field: value`` start of the message; the field named
#: before the colon is also the error's ``.field``.
REFUSALS: list[tuple[Callable[[], object], type[G287Error], str]] = [
    (lambda: Step(bad(5), "t", "f", OT), InvalidTypeError, "rule_id: 5 is an int"),
    (lambda: Step("R-OT", bad(None), "f", OT), InvalidTypeError, "text: None is a NoneType"),
    (lambda: Step("R-OT", "t", bad(Decimal(1)), OT), InvalidTypeError, r"figure: Decimal\('1'\)"),
    (lambda: Step("R-OT", "t", "f", bad("¶7")), InvalidTypeError, "citation: '¶7' is a str"),
    (lambda: Step("R-OT", "t", "f", OT, TEXT), InvalidTypeError, "inputs: 'text' is not inputs"),
    (lambda: Step("R-OT", "t", "f", OT, 5), InvalidTypeError, "inputs: 5 is not inputs"),
    (lambda: Step("R-OT", "t", "f", OT, [("a", 1, 2)]), InvalidTypeError, r"inputs: \[\('a', 1, 2"),
    (lambda: Step("R-OT", "t", "f", OT, ["ab"]), InvalidTypeError, r"inputs: \['ab'\]"),
    (lambda: Explanation(bad(1), "f", ()), InvalidTypeError, "title: 1 is an int"),
    (lambda: Explanation("t", bad(None), ()), InvalidTypeError, "figure: None is a NoneType"),
    (lambda: Explanation("t", "f", TEXT), InvalidTypeError, "steps: 'text' is not steps"),
    (lambda: Explanation("t", "f", bad(b"ab")), InvalidTypeError, "steps: b'ab' is not steps"),
    (lambda: Explanation("t", "f", bad(5)), InvalidTypeError, "steps: 5 is not steps"),
    (lambda: Explanation("t", "f", (CAP, TEXT)), InvalidTypeError, r"steps: \(Step\(.* hold a non"),
]


@pytest.mark.parametrize(("call", "error", "match"), REFUSALS, ids=[r[2] for r in REFUSALS])
def test_refusals(call: Callable[[], object], error: type[G287Error], match: str) -> None:
    """TEXT step or explanation with a part of the wrong kind cannot be built; the error names the
    field and shows the value."""
    with pytest.raises(error, match=f"^{match}") as info:
        call()
    assert info.value.field == match.partition(":")[0]
