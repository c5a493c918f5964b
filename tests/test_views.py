"""Notebook views (``_repr_html_``): each shows the whole result, and every text in it escaped.

Issue 15: a claim's view shows the agency, the period, the policy ("unregistered" where it
applies), the lines with a totals row, the adjustments and the claimant's statement if any, the
award with the officers counted (I-HEAD), the total, and the audit trail in a collapsed
``<details>``; an officer line shows its figures and its trail; fiscal quarters, fiscal years
and a year's claims show their parts; an explanation shows each step's inputs and lists each
quoted passage once, numbered. The views of the bundled example are pinned as golden files
(``tests/golden/view_*.html``, a line break written after each row and closing block so a diff
reads); the tests below read the markup back with :mod:`html.parser` and check what it shows
against the result's own figures.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from html.parser import HTMLParser
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import g287
from claim_strategies import QUARTERS, Scenario, scenarios
from g287 import (
    POLICY,
    Claim,
    Explanation,
    FiscalQuarter,
    FiscalYear,
    FiscalYearClaims,
    PayRecord,
    Step,
)
from g287.claims import LINE_COLUMNS, LINE_LABELS
from g287.dataio import Dataset, example_dir, load_dataset
from g287.inputs import window_text
from g287.money import format_money

Golden = Callable[[str, str], None]

# --- reading a view back -----------------------------------------------------------------------

#: Every element a view is built from: anything else in the markup came from data.
VIEW_TAGS = frozenset(
    {
        "div",
        "p",
        "strong",
        "dl",
        "dt",
        "dd",
        "details",
        "summary",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
    }
)


@attrs.define
class Node:
    """An element of a parsed view: its tag, attributes and children (elements and text)."""

    tag: str
    attributes: dict[str, str | None]
    children: list[Node | str] = attrs.field(factory=list)

    @property
    def text(self) -> str:
        """All the text inside, entities decoded."""
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def all(self, tag: str) -> Iterator[Node]:
        """Every element with this tag inside, in document order."""
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    yield child
                yield from child.all(tag)

    def first(self, tag: str) -> Node:
        """The first element with this tag inside."""
        return next(self.all(tag))

    def elements(self) -> list[Node]:
        """The element's own child elements."""
        return [c for c in self.children if isinstance(c, Node)]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("view", {})
        self.open = [self.root]
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.tags.add(tag)
        self.open[-1].children.append(node)
        self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.open[-1].tag == tag, f"</{tag}> closes <{self.open[-1].tag}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse(markup: str) -> Node:
    """A view's markup as a tree, checking that it is well formed: each element closed, in
    order, and nothing but the view's own elements."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    assert builder.open == [builder.root], "an element is left open"
    assert builder.tags <= VIEW_TAGS, builder.tags - VIEW_TAGS
    return builder.root


class Table(NamedTuple):
    """A table of a view as the texts of its cells."""

    caption: str
    head: list[str]
    body: list[list[str]]
    foot: list[list[str]]


def rows_of(section: Node | None) -> list[list[str]]:
    if section is None:
        return []
    return [[cell.text for cell in row.elements()] for row in section.all("tr")]


def table(node: Node) -> Table:
    parts = {child.tag: child for child in node.elements()}
    caption = parts["caption"].text if "caption" in parts else ""
    (head,) = rows_of(parts["thead"])
    return Table(caption, head, rows_of(parts["tbody"]), rows_of(parts.get("tfoot")))


def tables(node: Node) -> list[Table]:
    """Every table inside ``node``, in document order."""
    return [table(t) for t in node.all("table")]


def captioned(node: Node, start: str) -> Table:
    """The one table whose caption starts with ``start``."""
    (found,) = (t for t in tables(node) if t.caption.startswith(start))
    return found


def summary(node: Node) -> dict[str, str]:
    """The view's summary (its first definition list) as term: value."""
    items = node.first("dl").elements()
    return {dt_.text: dd.text for dt_, dd in zip(items[::2], items[1::2], strict=True)}


def shown(value: object) -> str:
    """A value as a view's cell shows it."""
    if isinstance(value, Decimal):
        return format_money(value)
    return "" if value is None else str(value)


def amount(text: str) -> Decimal:
    """A cell's dollars read back: ``-$1,234.50`` is ``Decimal('-1234.50')``."""
    return Decimal(text.replace("$", "").replace(",", ""))


# --- the bundled example -----------------------------------------------------------------------


@functools.cache
def example() -> Dataset:
    folder = example_dir()
    names = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")
    return load_dataset(*(folder / name for name in names))


@functools.cache
def q1() -> Claim:
    """The example's FY2026 Q1 claim: $109,018.52 reimbursed, $4,000.00 award."""
    data = example()
    q = FiscalQuarter(2026, 1)
    return g287.quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(q),
        quarter=q,
    )


#: A correction to a pay period of T-02 filed in FY2026 Q2: back pay with overtime.
CORRECTION = PayRecord(
    "T-02", "2026-02-01", "2026-02-14", "250.00", "40.00", "120.00", adjustment=True
)


@functools.cache
def corrected() -> Claim:
    """The example's FY2026 Q3 claim continuing a Q2 filing (whose payroll began in January, so
    the claimant states no earlier overtime), with a correction to Q2: one adjustment."""
    data = example()
    q2, q3 = FiscalQuarter(2026, 2), FiscalQuarter(2026, 3)
    payroll = [r for r in data.payroll if r.start >= q2.start]
    filed = g287.quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=payroll,
        leads=data.lead_report(q2),
        quarter=q2,
        assume_no_earlier_overtime=True,
    )
    return g287.quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=[*payroll, CORRECTION],
        leads=data.lead_report(q3),
        quarter=q3,
        prior=[filed],
        assume_no_earlier_overtime=True,
    )


@functools.cache
def year() -> FiscalYearClaims:
    data = example()
    return g287.fiscal_year_claims(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.leads,
        fiscal_year="FY2026",
    )


def view(result: object) -> Node:
    return parse(result._repr_html_())  # type: ignore[attr-defined]


# --- golden files ------------------------------------------------------------------------------

VIEWS: dict[str, Callable[[], object]] = {
    "view_claim_FY2026_Q1.html": q1,
    "view_claim_FY2026_Q3_corrected.html": corrected,
    "view_line_FY2026_Q1_T-01.html": lambda: q1().line("T-01"),
    "view_quarter_FY2026_Q1.html": lambda: FiscalQuarter(2026, 1),
    "view_fiscal_year_FY2026.html": lambda: FiscalYear(2026),
    "view_year_claims_FY2026.html": year,
    "view_explanation_award_FY2026_Q1.html": lambda: q1().award.explanation,  # type: ignore[union-attr]
}

_BREAK_AFTER = re.compile(r"(</(?:tr|caption|thead|tbody|tfoot|table|p|dl|summary|details)>)")


@pytest.mark.parametrize("name", VIEWS)
def test_golden(golden: Golden, name: str) -> None:
    """The example's views, as an auditor reads them (the policy fingerprint written as
    ``<fingerprint>``): a view is one line of markup, broken here after each row and block."""
    markup = VIEWS[name]()._repr_html_()  # type: ignore[attr-defined]
    assert "\n" not in markup
    parse(markup)
    text = _BREAK_AFTER.sub("\\1\n", markup.replace(POLICY.fingerprint, "<fingerprint>"))
    golden(name, text)


# --- claims ------------------------------------------------------------------------------------


def lines_table(node: Node) -> Table:
    return captioned(node, "Officer lines")


class TestClaimView:
    def test_the_summary_says_who_when_what_policy_and_how_much(self) -> None:
        """The summary names the agency and its name, the period by name and days, the policy's
        label and fingerprint, the reimbursement, the award and the claim total."""
        c = q1()
        facts = summary(view(c))
        assert facts["agency"] == "HCSO: Harbor County Sheriff's Office (fictional)"
        assert facts["period"] == "FY2026 Q1 (2025-10-01 to 2025-12-31)"
        assert facts["policy"] == POLICY.label
        assert facts["policy fingerprint"] == POLICY.fingerprint
        assert facts["reimbursement"] == "$109,018.52"
        assert facts["claim total"] == "$113,018.52" == format_money(c.total)

    def test_the_lines_are_the_claims_rows_under_their_labels(self) -> None:
        """The lines table has a row per officer line, its cells the line's row, under the
        labels a person reads ("OT reimbursable", "cap used this FY")."""
        c = q1()
        shown_lines = lines_table(view(c))
        assert shown_lines.head == [LINE_LABELS[name] for name in LINE_COLUMNS]
        assert {"OT reimbursable", "cap used this FY"} <= set(shown_lines.head)
        assert shown_lines.body == [[shown(v) for v in x.as_row().values()] for x in c.lines]

    def test_the_totals_row_is_the_claims(self) -> None:
        """Under the lines a TOTAL row shows the claim's totals: days, amounts, and the
        reimbursement in the total column; a per-officer cap has no total."""
        c = q1()
        (foot,) = lines_table(view(c)).foot
        assert foot == [shown(v) for v in c.line_totals().values()]
        by_label = dict(zip(lines_table(view(c)).head, foot, strict=True))
        assert by_label["total"] == format_money(c.reimbursement) == "$109,018.52"
        assert by_label["OT reimbursable"] == format_money(c.overtime_reimbursed)
        assert by_label["FY cap"] == by_label["cap used this FY"] == ""

    @settings(max_examples=30)  # a whole claim and its view per example
    @given(scenarios(max_officers=4))
    def test_the_totals_row_adds_up_the_rows_shown(self, scenario: Scenario) -> None:
        """For any claim, each summed column's total is the sum of the column as the view shows
        it, to the cent: what the reader adds up is what the claim says."""
        agency, officers, payroll, leads = scenario
        c = g287.quarterly_claim(
            agency=agency,
            officers=officers,
            payroll=payroll,
            leads=leads[0],
            quarter=QUARTERS[0],
            allow_empty=True,
        )
        shown_lines = lines_table(view(c))
        (foot,) = shown_lines.foot
        for i, label in enumerate(shown_lines.head):
            if label in {"salary", "benefits", "OT claimed", "OT reimbursable", "total"}:
                assert amount(foot[i]) == sum(amount(row[i]) for row in shown_lines.body)
        days = shown_lines.head.index("days")
        assert int(foot[days]) == sum(int(row[days]) for row in shown_lines.body)

    def test_the_award_shows_its_basis_and_the_officers_counted(self) -> None:
        """The award is shown with its rule, amount and reason, and the officers counted toward
        it (I-HEAD) are listed by id, with their number."""
        c = q1()
        facts = summary(view(c))
        assert facts["award (R-AWD-1)"] == (
            "$4,000.00: a location rate of 90% is in the 90%-100% band, "
            "$1,000.00 per officer counted"
        )
        counted = facts["officers counted toward the award (I-HEAD, last-day)"]
        assert counted == "4: " + ", ".join(c.award_officers) == "4: T-01, T-02, T-03, T-05"

    def test_the_audit_trail_is_collapsed_and_whole(self) -> None:
        """The audit trail sits in one closed ``<details>``: the claim's trail and the award's,
        every step's figure in them; the lines and summary stay outside it."""
        c = q1()
        shown_view = view(c)
        (details,) = shown_view.all("details")
        assert "open" not in details.attributes
        assert details.first("summary").text == "Audit trail"
        trails = [t for t in tables(details) if t.caption != "Sources"]
        assert [t.caption.split(";")[0] for t in trails] == [
            f"{c.explanation.title}: {c.explanation.figure}",
            f"{c.award.explanation.title}: {c.award.explanation.figure}",  # type: ignore[union-attr]
        ]
        for trail, explanation in zip(trails, (c.explanation, c.award.explanation), strict=True):  # type: ignore[union-attr]
            assert [row[3] for row in trail.body] == [s.figure for s in explanation.steps]
        assert not any(t.caption.startswith("Officer lines") for t in tables(details))
        assert details.first("p").text == "Each officer's own trail: claim.line(officer_id)."

    def test_adjustments_and_the_statement_are_shown(self) -> None:
        """A claim that corrects an earlier filing shows each adjustment (filed, now, change)
        with their total, the filings it continues, and the claimant's statement of no earlier
        overtime; the total adds them in."""
        c = corrected()
        shown_view = view(c)
        facts = summary(shown_view)
        assert facts["continues the filings of (I-CAPYEAR)"] == "FY2026 Q2"
        assert facts["adjustments to earlier periods (I-ADJUST)"] == "$410.00"
        adjustments = captioned(shown_view, "Adjustments to earlier periods")
        assert adjustments.body == [["T-02", "FY2026 Q2", "$21,261.35", "$21,671.35", "$410.00"]]
        assert adjustments.foot == [["TOTAL", "", "", "", format_money(c.adjustment)]]
        statements = [p.text for p in shown_view.all("p") if p.text.startswith("Stated by")]
        assert statements == [
            (
                "Stated by the claimant: no overtime was paid on the days before the period "
                "that neither the payroll nor a prior filing covers (assume_no_earlier_overtime)."
            )
        ]
        assert amount(facts["claim total"]) == c.reimbursement + c.adjustment + c.award.amount  # type: ignore[union-attr]

    def test_a_claim_without_them_shows_no_adjustments_or_statement(self) -> None:
        """A first claim of the year has no adjustment table, statement or filings line."""
        shown_view = view(q1())
        assert not [t for t in tables(shown_view) if t.caption.startswith("Adjustments")]
        assert not [p for p in shown_view.all("p") if p.text.startswith("Stated by")]
        assert "continues the filings of (I-CAPYEAR)" not in summary(shown_view)

    def test_a_claim_for_a_period_says_it_has_no_award(self) -> None:
        """A claim that is not for a quarter has no award, and says why (R-AWD)."""
        data = example()
        c = g287.claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            period="2025-11-01 to 2025-11-30",
        )
        facts = summary(view(c))
        assert facts["period"] == "2025-11 (2025-11-01 to 2025-11-30)"
        assert facts["award"].startswith("none: awards are quarterly (R-AWD)")
        assert not [k for k in facts if "I-HEAD" in k]
        assert facts["claim total"] == format_money(c.reimbursement)

    def test_an_unregistered_policy_says_so(self) -> None:
        """Under a policy that is not registered the view says "unregistered" by its name."""
        data = example()
        q = FiscalQuarter(2026, 1)
        local = attrs.evolve(POLICY, name="County reading")
        c = g287.quarterly_claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.lead_report(q),
            quarter=q,
            policy=local,
        )
        shown_view = view(c)
        assert summary(shown_view)["policy"] == "County reading [unregistered]"
        for trail in tables(shown_view.first("details")):
            if trail.caption != "Sources":
                assert trail.caption.endswith("; policy: County reading [unregistered]")

    def test_text_from_data_is_shown_not_run(self) -> None:
        """An agency or policy name holding markup is shown as text: the view's markup is only
        its own elements, and the names read back exactly."""
        data = example()
        q = FiscalQuarter(2026, 1)
        agency = attrs.evolve(data.agency, name="<b>Bad & Co</b> 'x' \"y\"")
        hostile = attrs.evolve(POLICY, name="<script>alert(1)</script>")
        c = g287.quarterly_claim(
            agency=agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.lead_report(q),
            quarter=q,
            policy=hostile,
        )
        markup = c._repr_html_()
        shown_view = parse(markup)  # refuses any element a view does not build
        facts = summary(shown_view)
        assert facts["agency"] == "HCSO: <b>Bad & Co</b> 'x' \"y\""
        assert facts["policy"] == "<script>alert(1)</script> [unregistered]"
        assert "<b>" not in markup
        assert "<script>" not in markup
        assert "<script>" not in c.line("T-01")._repr_html_()


# --- officer lines -----------------------------------------------------------------------------


class TestLineView:
    def test_a_line_shows_its_figures_and_window(self) -> None:
        """A line's view has its row of figures under the readable labels (the row the
        claim's view shows) and its eligibility window, an open one as "from … (open)"."""
        c = q1()
        line = c.line("T-01")
        shown_view = view(line)
        figures = captioned(shown_view, "eligibility window")
        assert figures.caption == "eligibility window (I-WIN): from 2025-10-01 (open)"
        assert figures.head == [LINE_LABELS[name] for name in LINE_COLUMNS]
        assert figures.body == [lines_table(view(c)).body[0]]
        assert shown_view.first("strong").text == (
            "Officer T-01 (TFM) of agency HCSO, FY2026 Q1 (2025-10-01 to 2025-12-31): $26,122.67"
        )

    @pytest.mark.parametrize(
        ("officer_id", "window"),
        [
            ("T-05", "eligibility window (I-WIN): 2025-10-01 to 2026-03-13"),
            ("T-04", "eligibility window (I-WIN): from 2026-01-20 (open)"),
            (
                "J-01",
                (
                    "eligibility window (I-WIN): from 2025-10-01 (open); JEM officers' pay is "
                    "not reimbursable (I-MODEL)"
                ),
            ),
        ],
    )
    def test_a_window_with_an_end_or_an_excluded_model(self, officer_id: str, window: str) -> None:
        """A separated officer's window ends on the separation day; an officer of a model
        whose pay is not reimbursable (I-MODEL) is said to be so."""
        assert captioned(view(q1().line(officer_id)), "eligibility window").caption == window

    def test_a_line_shows_its_trail(self) -> None:
        """Below the figures is the line's audit trail, step by step (I-WIN's figure the
        window as a person reads it, the cap's step naming its proration)."""
        line = q1().line("T-01")
        trail = captioned(view(line), f"{line.explanation.title}: ")
        assert [row[0] for row in trail.body] == [s.rule_id for s in line.explanation.steps]
        assert trail.body[0][3] == "from 2025-10-01 (open)"
        assert "proration: none (I-CAPPRO)" in trail.body[5][1]


# --- explanations ------------------------------------------------------------------------------


def passages(explanation: Explanation) -> list[str]:
    """The text form's Sources block, one passage a line."""
    text = str(explanation)
    return [line.strip() for line in text.split("  Sources:")[1].splitlines() if line]


class TestExplanationView:
    def test_each_step_shows_its_inputs_and_figure_as_the_text_form(self) -> None:
        """Each step is a row: rule, what it did, its inputs and its figure exactly as the text
        form writes them (``[rule] text (inputs) -> figure``)."""
        for explanation in (q1().explanation, q1().line("T-01").explanation):
            trail = captioned(view(explanation), explanation.title)
            assert trail.head == ["rule", "step", "inputs", "figure", "source"]
            for (rule, text, inputs, figure, _), step in zip(
                trail.body, explanation.steps, strict=True
            ):
                written = f"[{rule}] {text}" + (f" ({inputs})" if inputs else "")
                assert str(step).startswith(f"{written} -> {figure}  (")

    def test_a_step_with_no_inputs_shows_an_empty_cell(self) -> None:
        """A step that used no inputs (a line's salary) has an empty inputs cell."""
        line = q1().line("T-01")
        salary = captioned(view(line.explanation), line.explanation.title).body[3]
        assert salary[:4] == [
            "R-SAL",
            "salary for eligible days, reimbursed in full",
            "",
            "$18,197.81",
        ]

    @given(
        st.lists(
            st.sampled_from(("R-EFF", "R-SAL", "R-OT", "R-AWD", "R-AWD-1", "I-BAND")), max_size=12
        )
    )
    def test_each_passage_is_listed_once_and_numbered(self, ids: list[str]) -> None:
        """The passages cited are listed once each under Sources, numbered in order of first
        citation, as the text form lists them; each step's source names its passage by its
        number."""
        steps = [Step(rule_id, "did", "1", POLICY.citation(rule_id)) for rule_id in ids]
        explanation = Explanation("trail", "1", steps)
        shown_view = view(explanation)
        sources = captioned(shown_view, "Sources")
        assert [passage for _, passage in sources.body] == passages(explanation)
        assert [number for number, _ in sources.body] == [
            f"[{i}]" for i in range(1, len(sources.body) + 1)
        ]
        numbered = dict(sources.body)
        for row, step in zip(captioned(shown_view, "trail").body, steps, strict=True):
            locator, number = row[4].split(" ")
            cite = step.citation
            assert locator == cite.locator
            assert numbered[number] == f"{cite.source.id} {cite.locator}: \u201c{cite.quote}\u201d"

    def test_the_award_lists_its_shared_passage_once(self) -> None:
        """The award's trail cites ¶8's first sentence in five steps; it is quoted once."""
        explanation = q1().award.explanation  # type: ignore[union-attr]
        shown_view = view(explanation)
        sources = captioned(shown_view, "Sources")
        assert len(sources.body) == 3
        refs = [row[4] for row in captioned(shown_view, explanation.title).body]
        assert refs == ["¶6 [1]", "¶8 [2]", "¶8 [2]", "¶8 [2]", "¶8 [2]", "¶8 [3]", "¶8 [2]"]


# --- the calendar ------------------------------------------------------------------------------


class TestCalendarViews:
    def test_a_quarter_shows_its_days(self) -> None:
        """A quarter's view names it and gives its first and last day and its days."""
        q = FiscalQuarter(2026, 2)
        (shown_table,) = tables(view(q))
        assert shown_table.caption == "FY2026 Q2: quarter 2 of FY2026"
        assert shown_table.head == ["period", "first day", "last day", "days"]
        assert shown_table.body == [["FY2026 Q2", "2026-01-01", "2026-03-31", "90"]]

    @pytest.mark.parametrize("fiscal_year", [2026, 2028])
    def test_a_fiscal_year_shows_its_quarters_and_days(self, fiscal_year: int) -> None:
        """A fiscal year's view lists its four quarters, and under them the year, whose days
        are the quarters' days added up (366 in a leap year)."""
        fy = FiscalYear(fiscal_year)
        (shown_table,) = tables(view(fy))
        assert shown_table.body == [
            [str(q), q.start.isoformat(), q.end.isoformat(), str(q.days)] for q in fy.quarters()
        ]
        assert shown_table.foot == [
            [str(fy), fy.start.isoformat(), fy.end.isoformat(), str(fy.days)]
        ]
        assert fy.days == sum(int(row[3]) for row in shown_table.body)
        assert shown_table.caption == f"{fy}: {fy.days} days in four quarters"


# --- a fiscal year's claims --------------------------------------------------------------------


class TestYearView:
    def test_by_quarter_with_the_years_totals(self) -> None:
        """One row per quarter's claim (reimbursement, adjustments, award, total), the year's
        totals under them, and the year's total in the title."""
        y = year()
        shown_view = view(y)
        quarters = captioned(shown_view, "By quarter")
        assert quarters.head == [
            "quarter",
            "reimbursement",
            "adjustments to earlier quarters",
            "award",
            "total",
        ]
        assert quarters.body == [
            [
                str(c.quarter),
                format_money(c.reimbursement),
                format_money(c.adjustment),
                format_money(c.award.amount),  # type: ignore[union-attr]
                format_money(c.total),
            ]
            for c in y.claims
        ]
        (foot,) = quarters.foot
        assert foot[0] == "FY2026"
        assert amount(foot[4]) == y.total
        for i in range(1, 5):
            assert amount(foot[i]) == sum(amount(row[i]) for row in quarters.body)
        assert shown_view.first("strong").text == "FY2026: 4 quarterly claims, $444,409.59"
        assert summary(shown_view) == {"agency": "HCSO", "policy": POLICY.label}

    def test_by_officer_with_each_quarters_totals(self) -> None:
        """One row per officer; under them each quarter's column adds up to what that quarter's
        claim reimburses and adjusts, and the total column to the year's."""
        y = year()
        officers = captioned(view(y), "By officer")
        assert officers.head == [
            "officer",
            "FY2026 Q1",
            "FY2026 Q2",
            "FY2026 Q3",
            "FY2026 Q4",
            "total",
        ]
        assert [row[0] for row in officers.body] == [x.officer_id for x in y.claims[0].lines]
        (foot,) = officers.foot
        assert foot[0] == "TOTAL"
        for i, c in enumerate(y.claims, 1):
            assert amount(foot[i]) == c.reimbursement + c.adjustment
        assert amount(foot[5]) == sum(c.reimbursement + c.adjustment for c in y.claims)

    def test_an_adjusting_year(self) -> None:
        """A year whose payroll corrects a filed quarter counts the adjustment in the quarter
        that carries it, in both tables."""
        data = example()
        fix = PayRecord("T-02", "2025-11-02", "2025-11-15", "100.00", "0", "0", adjustment=True)
        q1_filed = q1()
        y = g287.fiscal_year_claims(
            agency=data.agency,
            officers=data.officers,
            payroll=[*data.payroll, fix],
            leads=data.leads,
            fiscal_year=2026,
            prior=[q1_filed],
        )
        shown_view = view(y)
        quarters = captioned(shown_view, "By quarter")
        assert quarters.body[0][:3] == [
            "FY2026 Q2",
            format_money(y.claims[0].reimbursement),
            "$100.00",
        ]
        officers = captioned(shown_view, "By officer")
        t02 = next(row for row in officers.body if row[0] == "T-02")
        assert amount(t02[1]) == y.claims[0].line("T-02").total + Decimal("100.00")


# --- the window's wording ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("window", "text"),
    [
        (g287.DateRange(dt.date(2025, 10, 1), dt.date.max), "from 2025-10-01 (open)"),
        (g287.DateRange(dt.date(2025, 10, 1), dt.date(2026, 3, 13)), "2025-10-01 to 2026-03-13"),
        (None, "never eligible"),
    ],
)
def test_window_wording(window: g287.DateRange | None, text: str) -> None:
    """I-WIN's window reads "from … (open)" without an end, its days with one, and "never
    eligible" when there are none."""
    assert window_text(window) == text
