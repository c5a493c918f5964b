"""DataFrames out, exact: :func:`g287.report.to_frame`.

Issue 15: “``to_frame(claim)["total"].sum()`` equals the claim's reimbursement exactly”. A
frame's amounts are Arrow ``decimal128(14, 2)`` columns, so sums are ``Decimal`` figures equal
to the claim's own, counts are ``int64``, dates ``date32``, text and rates Arrow strings; the
tests check the types column by column, the sums against the claims (a property over generated
claims and fiscal years), what pandas can do with the columns, and the refusals.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import g287
from claim_strategies import FY, LINE_MONEY, QUARTERS, Scenario, scenarios
from g287 import Adjustment, Claim, DateRange, FiscalYearClaims
from g287.claims import LINE_COLUMNS
from g287.dataio import Dataset, example_dir, load_dataset
from g287.errors import InvalidInputError, InvalidTypeError
from g287.report import to_frame

MONEY = pd.ArrowDtype(pa.decimal128(14, 2))
COUNT = pd.ArrowDtype(pa.int64())
TEXT = pd.ArrowDtype(pa.string())
FLAG = pd.ArrowDtype(pa.bool_())
DATE = pd.ArrowDtype(pa.date32())
#: Datetimes as a spreadsheet or pandas gives a day: naive, at midnight (a date) or not.
MIDNIGHT = dt.datetime(2025, 10, 2)  # noqa: DTZ001 - naive on purpose
NOON = dt.datetime(2025, 10, 1, 12)  # noqa: DTZ001 - naive on purpose
#: The type of each column of a claim's frame (:data:`g287.claims.LINE_COLUMNS`).
LINE_TYPES = {
    name: TEXT if name in {"officer_id", "model"} else COUNT if name == "eligible_days" else MONEY
    for name in LINE_COLUMNS
}


@functools.cache
def example() -> Dataset:
    """The bundled example data set (read once per test process)."""
    folder = example_dir()
    names = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")
    return load_dataset(*(folder / name for name in names))


@functools.cache
def example_claim(period: str = "FY2026 Q1") -> Claim:
    """The example agency's claim for a quarter (with the award) or another period."""
    data = example()
    if "Q" in period:
        return g287.quarterly_claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.lead_report(period),
            quarter=period,
        )
    return g287.claim(
        agency=data.agency, officers=data.officers, payroll=data.payroll, period=period
    )


@functools.cache
def example_year() -> FiscalYearClaims:
    """The example agency's FY2026, claimed quarter by quarter."""
    data = example()
    return g287.fiscal_year_claims(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.leads,
        fiscal_year="FY2026",
    )


def quarterly_claims(s: Scenario) -> FiscalYearClaims:
    """A generated agency's FY2026 filed quarter by quarter, each claim continuing the ones
    before it (days no pay record covers are stated to have had no overtime)."""
    claims: list[Claim] = []
    for quarter, leads in zip(QUARTERS, s.leads, strict=True):
        claims.append(
            g287.quarterly_claim(
                agency=s.agency,
                officers=s.officers,
                payroll=s.payroll,
                leads=leads,
                quarter=quarter,
                allow_empty=True,
                prior=claims,
                assume_no_earlier_overtime=True,
            )
        )
    return FiscalYearClaims(fiscal_year=FY, claims=tuple(claims))


class Row:
    """A result of the caller's own: anything with ``as_row()`` can be tabulated."""

    def __init__(self, **row: object) -> None:
        self.row = row

    def as_row(self) -> dict[str, object]:
        """The row given."""
        return self.row


class TestColumnTypes:
    """Each column's type follows the kind of its values: amounts exact decimals, counts
    int64, dates date32, text and rates Arrow strings; a missing value is ``<NA>``."""

    def test_a_claims_lines(self) -> None:
        """A claim's frame has a row per officer line, the line columns in order, each of the
        type of its values (ids text, days int64, amounts ``decimal128(14, 2)``)."""
        frame = to_frame(example_claim())
        assert list(frame.columns) == list(LINE_COLUMNS)
        assert dict(frame.dtypes) == LINE_TYPES
        assert len(frame) == len(example_claim().lines)

    def test_values_are_the_lines_exactly(self) -> None:
        """Read back, every cell is the line's own value: the same Decimal, int and text."""
        claim = example_claim()
        frame = to_frame(claim)
        for i, line in enumerate(claim.lines):
            for name, value in line.as_row().items():
                cell = frame[name].iloc[i]
                assert (cell, type(cell)) == (value, type(value)), name

    def test_every_kind_of_value(self) -> None:
        """A row of each kind of value gives a column of each type: ``Decimal`` decimal128,
        ``int`` (a NumPy integer too) int64, ``bool`` bool, ``date`` (a datetime or pandas
        Timestamp at midnight too) date32, ``str`` and ``Fraction`` Arrow strings."""
        frame = to_frame(
            [
                Row(a=Decimal("1.50"), n=3, f=True, d=dt.date(2025, 10, 1), t="T-01", r=None),
                Row(a=Decimal(2), n=np.int64(4), f=False, d=MIDNIGHT, t="x", r=Fraction(1, 3)),
                Row(a=Decimal(0), n=-1, f=True, d=pd.Timestamp("2025-10-03"), t="", r=None),
            ]
        )
        assert dict(frame.dtypes) == {
            "a": MONEY,
            "n": COUNT,
            "f": FLAG,
            "d": DATE,
            "t": TEXT,
            "r": TEXT,
        }
        assert list(frame["a"]) == [Decimal("1.50"), Decimal("2.00"), Decimal("0.00")]
        assert list(frame["n"]) == [3, 4, -1]
        assert list(frame["d"]) == [dt.date(2025, 10, d) for d in (1, 2, 3)]
        assert list(frame["r"].fillna("-")) == ["-", "1/3", "-"]

    def test_a_rate_is_its_exact_text(self) -> None:
        """I-RATE: a rate is its exact text, which ``Fraction`` reads back to the same rate;
        the counts it is made of stay int64 beside it."""
        award = example_claim().award
        assert award is not None
        frame = to_frame(award)
        assert (frame.dtypes["rate"], frame["rate"].iloc[0]) == (TEXT, "9/10")
        assert Fraction(frame["rate"].iloc[0]) == award.rate == Fraction(45, 50)
        assert (frame.dtypes["located"], frame.dtypes["provided"]) == (COUNT, COUNT)

    def test_missing_values_keep_their_columns_type(self) -> None:
        """A column no row has a value for keeps the type g287 gives it: a monthly claim has
        no award (``<NA>`` in a decimal column); an award without leads has no rate, percent
        or tier (``<NA>`` in a text, int64 and text column)."""
        claims = to_frame([example_claim("2025-10-01 to 2025-10-31")])
        assert claims.dtypes["award"] == MONEY
        assert claims["award"].isna().all()
        no_leads = g287.quarterly_award(
            located=0, provided=0, task_force_officers=4, quarter="FY2026 Q1"
        )
        frame = to_frame(no_leads)
        assert dict(frame.dtypes[["rate", "percent", "rule_id"]]) == {
            "rate": TEXT,
            "percent": COUNT,
            "rule_id": TEXT,
        }
        assert frame[["rate", "percent", "rule_id"]].isna().all(axis=None)

    def test_an_empty_claim_has_typed_columns(self) -> None:
        """A claim with no lines gives no rows but the same columns of the same types, so its
        frame joins others (``pd.concat``) without changing a type."""
        data = example()
        empty = g287.claim(
            agency=data.agency, officers=[], payroll=[], period="FY2026 Q1", allow_empty=True
        )
        frame = to_frame(empty)
        assert (len(frame), dict(frame.dtypes)) == (0, LINE_TYPES)
        joined = pd.concat([frame, to_frame(example_claim())])
        assert dict(joined.dtypes) == LINE_TYPES

    def test_an_unknown_column_without_values_is_text(self) -> None:
        """A column of the caller's own that no row gives a value for is text (all
        ``<NA>``): nothing says it is anything else."""
        frame = to_frame([Row(note=None), Row(note=None)])
        assert frame.dtypes["note"] == TEXT
        assert frame["note"].isna().all()

    def test_nothing_is_an_empty_frame(self) -> None:
        """No results give a frame with no rows and no columns."""
        assert to_frame([]).shape == (0, 0)


class TestExactSums:
    """Issue 15's “Done when”: the frame's sums are the claim's figures, exactly, as
    ``Decimal``; nothing passes through a float."""

    def test_done_when(self) -> None:
        """``to_frame(claim)["total"].sum()`` equals the claim's reimbursement exactly."""
        claim = example_claim()
        total: object = to_frame(claim)["total"].sum()
        assert (total, type(total)) == (Decimal("109018.52"), Decimal)
        assert total == claim.reimbursement

    def test_an_amount_with_more_places_is_its_cents(self) -> None:
        """An amount written with zeros past the cents (``1.000…0``, ``1E+3``) is that many
        cents, exactly; one with a fraction of a cent is refused, never rounded."""
        frame = to_frame([{"amount": Decimal("1." + "0" * 42)}, {"amount": Decimal("1E+3")}])
        assert list(frame["amount"]) == [Decimal("1.00"), Decimal("1000.00")]
        with pytest.raises(
            InvalidInputError, match=r"results\[0\]\.amount: .* fractions of a cent"
        ):
            to_frame([{"amount": Decimal("1.005")}])

    @settings(max_examples=25)
    @given(scenarios(max_officers=3), st.sampled_from(QUARTERS))
    def test_every_amount_adds_up_to_the_claims(
        self, s: Scenario, quarter: g287.FiscalQuarter
    ) -> None:
        """R-SAL, R-OT and I-CENT (“the parts always sum to the whole, to the cent”): for any
        claim, each amount column of its frame adds up to the claim's figure for it, and the
        ``total`` column to its reimbursement, each a ``Decimal`` equal to the cent."""
        claim = g287.quarterly_claim(
            agency=s.agency,
            officers=s.officers,
            payroll=s.payroll,
            leads=next(r for r in s.leads if r.quarter == quarter),
            quarter=quarter,
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        frame = to_frame(claim)
        for name in LINE_MONEY:
            expected = claim.reimbursement if name == "total" else getattr(claim, name)
            added: object = frame[name].sum()
            assert (added, type(added)) == (expected, Decimal), name
        assert frame["eligible_days"].sum() == sum(line.eligible_days for line in claim.lines)

    def test_sums_by_group_stay_exact(self) -> None:
        """A ``groupby`` sum is a decimal column too: by model, the Task Force Model officers'
        totals are the whole reimbursement (I-MODEL: no other model is reimbursed)."""
        claim = example_claim()
        by_model = to_frame(claim).groupby("model")["total"].sum()
        assert str(by_model.dtype).startswith("decimal128(")
        assert by_model["TFM"] == claim.reimbursement
        assert by_model["JEM"] == by_model["WSO"] == Decimal(0)


class TestFiscalYear:
    """A fiscal year's frame has a row per quarter claimed, or with ``by="officer"`` a row per
    officer and a column per quarter; the year's totals are the columns' sums."""

    def test_by_quarter(self) -> None:
        """By default a row per quarter (not the year's totals row: adding the rows gives it),
        amounts exact: the example's year totals $444,409.59."""
        year = example_year()
        frame = to_frame(year)
        assert list(frame.columns) == ["quarter", "reimbursement", "adjustment", "award", "total"]
        assert list(frame["quarter"]) == ["FY2026 Q1", "FY2026 Q2", "FY2026 Q3", "FY2026 Q4"]
        assert dict(frame.dtypes) == {"quarter": TEXT} | dict.fromkeys(frame.columns[1:], MONEY)
        assert frame["total"].sum() == year.total == Decimal("444409.59")
        assert to_frame(year, by="quarter").equals(frame)

    def test_by_officer(self) -> None:
        """``by="officer"``: a row per officer, a decimal column per quarter (named as the
        quarter is) and the total; each quarter's column adds up to what that quarter's claim
        reimburses and adjusts."""
        year = example_year()
        frame = to_frame(year, by="officer")
        quarters = [str(c.quarter) for c in year.claims]
        assert list(frame.columns) == ["officer_id", *quarters, "total"]
        assert dict(frame.dtypes) == {"officer_id": TEXT} | dict.fromkeys(
            [*quarters, "total"], MONEY
        )
        for name, claim in zip(quarters, year.claims, strict=True):
            assert frame[name].sum() == claim.reimbursement + claim.adjustment

    @settings(max_examples=15)
    @given(scenarios(max_officers=3))
    def test_a_year_adds_up(self, s: Scenario) -> None:
        """I-CAPYEAR, I-ADJUST: for any year filed quarter by quarter, the quarters' totals
        add up to the year's total and the officers' totals to the year's reimbursements
        and adjustments, exactly."""
        year = quarterly_claims(s)
        assert to_frame(year)["total"].sum() == year.total
        reimbursed = sum(c.reimbursement + c.adjustment for c in year.claims)
        assert to_frame(year, by="officer")["total"].sum() == reimbursed


class TestResults:
    """Any results, or rows, tabulate: a row each, the columns those of all the rows."""

    def test_claims(self) -> None:
        """Claims give a row each (their totals): a quarter's and a month's, the month's award
        ``<NA>`` in the same decimal column."""
        quarter, month = example_claim(), example_claim("2025-10-01 to 2025-10-31")
        frame = to_frame([quarter, month])
        assert list(frame.columns) == list(quarter.as_row())
        assert list(frame["total"]) == [quarter.total, month.total]
        assert frame["award"].iloc[0] == Decimal("4000.00")
        assert frame["award"].isna().iloc[1]

    def test_one_result_is_one_row(self) -> None:
        """A single result with ``as_row()`` (an award) is a frame of one row."""
        award = example_claim().award
        assert award is not None
        frame = to_frame(award)
        assert list(frame.columns) == list(award.as_row())
        assert (len(frame), frame["amount"].iloc[0]) == (1, award.amount)

    def test_rows_of_different_kinds(self) -> None:
        """Lines and an adjustment share their common columns; each has ``<NA>`` in the
        other's, and the ``total`` column adds up to reimbursement plus adjustment."""
        claim = example_claim()
        adjustment = Adjustment(
            officer_id="T-01",
            period=DateRange(dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
            filed_salary=Decimal("100.00"),
            salary=Decimal("80.00"),
            **dict.fromkeys(
                [
                    "filed_benefits",
                    "filed_overtime_claimed",
                    "filed_overtime_reimbursed",
                    "benefits",
                    "overtime_claimed",
                    "overtime_reimbursed",
                ],
                Decimal("0.00"),
            ),
        )
        frame = to_frame([*claim.lines, adjustment])
        assert list(frame.columns) == [
            *LINE_COLUMNS,
            "period",
            "filed_salary",
            "filed_benefits",
            "filed_overtime_reimbursed",
        ]
        assert frame["total"].sum() == claim.reimbursement - Decimal("20.00")
        assert frame["period"].isna().sum() == len(claim.lines)
        assert frame["eligible_days"].isna().iloc[-1]

    def test_steps_and_plain_rows(self) -> None:
        """An audit trail's steps tabulate as text; rows given as mappings tabulate as they
        are (the same frame as the results they came from)."""
        claim = example_claim()
        steps = to_frame(claim.explanation.steps)
        assert set(steps.dtypes) == {TEXT}
        assert list(steps["rule_id"]) == [s.rule_id for s in claim.explanation.steps]
        rows = [line.as_row() for line in claim.lines]
        assert to_frame(rows).equals(to_frame(claim))
        assert to_frame(iter(claim.lines)).equals(to_frame(claim))


class TestPandasAtWork:
    """What an analyst does with a frame works on the exact columns: summaries and plots."""

    def test_describe(self) -> None:
        """``describe()`` runs on a claim's frame and summarises its counts; the amounts'
        count, sum, minimum and maximum come exact, as Decimal, from ``agg``."""
        claim = example_claim()
        frame = to_frame(claim)
        assert frame.describe().loc["count", "eligible_days"] == len(claim.lines)
        summary = frame[["salary", "total"]].agg(["count", "sum", "min", "max"])
        assert summary.loc["count", "total"] == len(claim.lines)
        assert summary.loc["sum", "total"] == claim.reimbursement
        assert summary.loc["sum", "salary"] == claim.salary
        assert summary.loc["max", "total"] == max(line.total for line in claim.lines)
        assert {type(v) for v in summary.loc[["sum", "min", "max"]].stack()} == {Decimal}

    def test_a_money_column_plots(self) -> None:
        """A bar chart of an amount column (matplotlib, Agg backend) draws each officer's
        total as a bar of that height."""
        matplotlib = pytest.importorskip("matplotlib")
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.patches import Rectangle

        claim = example_claim()
        ax = to_frame(claim).plot.bar(x="officer_id", y="total", legend=False)
        try:
            heights = [bar.get_height() for bar in ax.patches if isinstance(bar, Rectangle)]
            assert heights == [float(line.total) for line in claim.lines]
            labels = [label.get_text() for label in ax.get_xticklabels()]
            assert labels == [line.officer_id for line in claim.lines]
        finally:
            plt.close("all")


class TestWithoutPandas:
    """Without the ``pandas`` extra, ``to_frame`` says what to install."""

    @pytest.mark.parametrize("missing", ["pandas", "pyarrow"])
    def test_the_extra_is_named(self, monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
        """With pandas or pyarrow not importable, the error names it and the command that
        installs both (``pip install 'g287[pandas]'``)."""
        monkeypatch.setitem(sys.modules, missing, None)
        with pytest.raises(InvalidInputError, match=rf"^{missing}: .*pip install 'g287\[pandas\]'"):
            to_frame(example_claim())


#: What ``to_frame`` refuses: (arguments, error, the ``field: value`` part of its message).
REFUSALS: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"results": 42}, InvalidTypeError, r"results: 42 is an int"),
    ({"results": "FY2026 Q1"}, InvalidTypeError, r"results: 'FY2026 Q1' is a str"),
    ({"results": {"total": Decimal(1)}}, InvalidTypeError, r"results: \{'total'.* is a dict"),
    ({"results": [object()]}, InvalidTypeError, r"results\[0\]: <object object .*> is an object"),
    ({"results": [Row(a=1.5)]}, InvalidTypeError, r"results\[0\]\.a: 1\.5 is a float"),
    ({"results": [Row(a=[1])]}, InvalidTypeError, r"results\[0\]\.a: \[1\] is a list"),
    (
        {"results": [Row(a=1), Row(a=Decimal("1.00"))]},
        InvalidTypeError,
        r"results\[1\]\.a: Decimal\('1\.00'\) is a Decimal; expected a whole number",
    ),
    (
        {"results": [Row(a="x"), Row(a=None), Row(a=Fraction(1, 3))]},
        InvalidTypeError,
        r"results\[2\]\.a: Fraction\(1, 3\) is a Fraction; expected text",
    ),
    (
        {"results": [Row(a=Decimal("0.001"))]},
        InvalidInputError,
        r"results\[0\]\.a: Decimal\('0\.001'\) has fractions of a cent",
    ),
    (
        {"results": [Row(a=Decimal("1000000000000.00"))]},
        InvalidInputError,
        r"results\[0\]\.a: Decimal\('1000000000000\.00'\) is too large",
    ),
    (
        {"results": [Row(a=Decimal("NaN"))]},
        InvalidInputError,
        r"results\[0\]\.a: Decimal\('NaN'\) is not a finite amount",
    ),
    (
        {"results": [Row(n=2**63)]},
        InvalidInputError,
        r"results\[0\]\.n: 9223372036854775808 does not fit a 64-bit integer column",
    ),
    (
        {"results": [Row(d=NOON)]},
        InvalidInputError,
        r"results\[0\]\.d: datetime\.datetime\(2025, 10, 1, 12, 0\) has a time of day",
    ),
    (
        {"results": [Row(d=dt.date(2025, 10, 1)), Row(d="2025-10-02")]},
        InvalidTypeError,
        r"results\[1\]\.d: '2025-10-02' is a str; expected a date",
    ),
    ({"results": [], "by": "officer"}, InvalidInputError, r"by: 'officer' divides a fiscal year"),
]


class TestRefusals:
    """What is not a result, a value that is not exact, or one of another kind than its
    column's, is refused with an error naming the row and column; nothing is converted."""

    @pytest.mark.parametrize(("arguments", "error", "match"), REFUSALS)
    def test_refused(self, arguments: dict[str, Any], error: type[Exception], match: str) -> None:
        """Each refusal names the field (the argument, or the row and column) and value."""
        with pytest.raises(error, match=match):
            to_frame(**arguments)

    def test_a_year_divides_by_quarter_or_officer(self) -> None:
        """``by`` divides a fiscal year by quarter or officer, nothing else."""
        with pytest.raises(InvalidInputError, match=r"by: 'month' is not a way to divide"):
            to_frame(example_year(), by="month")  # type: ignore[arg-type]
