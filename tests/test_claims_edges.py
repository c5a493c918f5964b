"""Claims pinned exactly: the audit trails of a claim and its lines, and every input error.

The example is the module's: agency A1 (all models, agreement 2025-07-01), Task Force officer T-1
trained 2025-08-01, and Jail Enforcement officer J-2 trained 2025-11-01 who left on 2025-12-15.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from claim_strategies import CLAIM_MONEY
from g287 import (
    POLICY,
    Agency,
    Claim,
    DateRange,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    LeadReport,
    Model,
    Officer,
    OfficerLine,
    PayRecord,
    Policy,
    claim,
    quarterly_claim,
)
from two_officers import AGENCY, ALICE, BOB, LEADS, PAY

# ruff: noqa: E501 - the audit trails are one line per step

QUARTERLY_CLAIM = """\
Claim of agency A1 for FY2026 Q1: $5,905.70
  1. [R-EFF] period 2025-10-01 to 2025-12-31 begins inside the policy period (period=2025-10-01 to 2025-12-31) -> in force  (¶6)
  2. [I-CAPYEAR] the period lies in one fiscal year, whose overtime caps apply (fiscal_year=FY2026) -> FY2026  (¶7)
  3. [R-SAL] salary for every officer's eligible days (I-WIN, I-MODEL, I-DAYS) (officers=2) -> $3,285.70  (¶7)
  4. [R-SAL] benefits for every officer's eligible days (officers=2) -> $1,100.00  (¶7)
  5. [R-OT] overtime reimbursed within each officer's cap (overtime_claimed=$520.00, over_cap=$0.00) -> $520.00  (¶7)
  6. [R-AWD-1] performance award: a location rate of 90% is in the 90%-100% band (officers_counted=1) -> $1,000.00  (¶8)
  Sources:
    DHS-2025-09-18 ¶6: “Starting October 1, 2025, participating law enforcement will have these reimbursement opportunities:”
    DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual salary”
    DHS-2025-09-18 ¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”
    DHS-2025-09-18 ¶8: “90% - 100% - $1,000 per eligible task force officer”"""

ALICE_LINE = """\
T-1 2025-10-01 to 2025-12-31: $4,500.00
  1. [I-WIN] eligible from the latest of policy start, agreement and training, until separation (policy_start=2025-10-01, agreement=2025-07-01, trained=2025-08-01, separated=None) -> 2025-10-01 to 9999-12-31  (¶7)
  2. [I-MODEL] TFM officers' pay is reimbursable (all-models) (model=TFM) -> included  (¶7)
  3. [I-DAYS] pay records spread evenly over their days, cents by largest remainder (I-CENT); days of the period inside the window (period=2025-10-01 to 2025-12-31, records=1) -> 92 days  (¶7)
  4. [R-SAL] salary for eligible days, reimbursed in full -> $3,000.00  (¶7)
  5. [R-SAL] benefits for eligible days, reimbursed in full -> $1,000.00  (¶7)
  6. [R-OT] overtime cap for FY2026: 25% of annual base salary (I-CAPBASE), none proration (I-CAPPRO), rounded down (I-CENT) (annual_salary=$78,000.00) -> $19,500.00  (¶7)
  7. [I-CAPYEAR] overtime reimbursed = cap left after earlier overtime this fiscal year (overtime=$500.00, cap_used_before=$0.00) -> $500.00  (¶7)
  Sources:
    DHS-2025-09-18 ¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”
    DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual salary”"""

BOB_LINE = """\
J-2 2025-10-01 to 2025-12-31: $405.70
  1. [I-WIN] eligible from the latest of policy start, agreement and training, until separation (policy_start=2025-10-01, agreement=2025-07-01, trained=2025-11-01, separated=2025-12-15) -> 2025-11-01 to 2025-12-15  (¶7)
  2. [I-MODEL] JEM officers' pay is reimbursable (all-models) (model=JEM) -> included  (¶7)
  3. [I-DAYS] pay records spread evenly over their days, cents by largest remainder (I-CENT); days of the period inside the window (period=2025-10-01 to 2025-12-31, records=1) -> 45 days  (¶7)
  4. [R-SAL] salary for eligible days, reimbursed in full -> $285.70  (¶7)
  5. [R-SAL] benefits for eligible days, reimbursed in full -> $100.00  (¶7)
  6. [R-OT] overtime cap for FY2026: 25% of annual base salary (I-CAPBASE), none proration (I-CAPPRO), rounded down (I-CENT) (annual_salary=$52,000.00) -> $13,000.00  (¶7)
  7. [I-CAPYEAR] overtime reimbursed = cap left after earlier overtime this fiscal year (overtime=$20.00, cap_used_before=$0.00) -> $20.00  (¶7)
  Sources:
    DHS-2025-09-18 ¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”
    DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual salary”"""

TASK_FORCE_ONLY_CLAIM = """\
Claim of agency A1 for 2025-10-01 to 2025-12-31: $4,500.00
  1. [R-EFF] period 2025-10-01 to 2025-12-31 begins inside the policy period (period=2025-10-01 to 2025-12-31) -> in force  (¶6)
  2. [I-CAPYEAR] the period lies in one fiscal year, whose overtime caps apply (fiscal_year=FY2026) -> FY2026  (¶7)
  3. [R-SAL] salary for every officer's eligible days (I-WIN, I-MODEL, I-DAYS) (officers=2) -> $3,000.00  (¶7)
  4. [R-SAL] benefits for every officer's eligible days (officers=2) -> $1,000.00  (¶7)
  5. [R-OT] overtime reimbursed within each officer's cap (overtime_claimed=$500.00, over_cap=$0.00) -> $500.00  (¶7)
  Sources:
    DHS-2025-09-18 ¶6: “Starting October 1, 2025, participating law enforcement will have these reimbursement opportunities:”
    DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual salary”
    DHS-2025-09-18 ¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”"""

BOB_EXCLUDED_LINE = """\
J-2 2025-10-01 to 2025-12-31: $0.00
  1. [I-WIN] eligible from the latest of policy start, agreement and training, until separation (policy_start=2025-10-01, agreement=2025-07-01, trained=2025-11-01, separated=2025-12-15) -> 2025-11-01 to 2025-12-15  (¶7)
  2. [I-MODEL] JEM officers' pay is not reimbursable (task-force-only) (model=JEM) -> excluded  (¶7)
  3. [I-DAYS] pay records spread evenly over their days, cents by largest remainder (I-CENT); days of the period inside the window (period=2025-10-01 to 2025-12-31, records=1) -> 0 days  (¶7)
  4. [R-SAL] salary for eligible days, reimbursed in full -> $0.00  (¶7)
  5. [R-SAL] benefits for eligible days, reimbursed in full -> $0.00  (¶7)
  6. [R-OT] overtime cap for FY2026: 25% of annual base salary (I-CAPBASE), none proration (I-CAPPRO), rounded down (I-CENT) (annual_salary=$52,000.00) -> $0.00  (¶7)
  7. [I-CAPYEAR] overtime reimbursed = cap left after earlier overtime this fiscal year (overtime=$0.00, cap_used_before=$0.00) -> $0.00  (¶7)
  Sources:
    DHS-2025-09-18 ¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”
    DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual salary”"""


NEVER_ELIGIBLE_LINE = """\
J-3 2025-10-01 to 2025-12-31: $0.00
  1. [I-WIN] eligible from the latest of policy start, agreement and training, until separation (policy_start=2025-10-01, agreement=2025-07-01, trained=2025-03-01, separated=2025-09-15) -> never eligible  (¶7)
  2. [I-MODEL] JEM officers' pay is reimbursable (all-models) (model=JEM) -> included  (¶7)
  3. [I-DAYS] pay records spread evenly over their days, cents by largest remainder (I-CENT); days of the period inside the window (period=2025-10-01 to 2025-12-31, records=1) -> 0 days  (¶7)
  4. [R-SAL] salary for eligible days, reimbursed in full -> $0.00  (¶7)
  5. [R-SAL] benefits for eligible days, reimbursed in full -> $0.00  (¶7)
  6. [R-OT] overtime cap for FY2026: 25% of annual base salary (I-CAPBASE), none proration (I-CAPPRO), rounded down (I-CENT) (annual_salary=$52,000.00) -> $13,000.00  (¶7)
  7. [I-CAPYEAR] overtime reimbursed = cap left after earlier overtime this fiscal year (overtime=$0.00, cap_used_before=$0.00) -> $0.00  (¶7)
  Sources:
    DHS-2025-09-18 ¶7: “ICE will fully reimburse participating agencies for the annual salary and benefits of each eligible trained 287(g) officer”
    DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual salary”"""

NO_AWARD_STEP = (
    "  6. [R-AWD] performance award: a location rate of 65% is below the lowest band (70%-79%)"
    " (officers_counted=1) -> $0.00  (¶8)"
)


def quarterly() -> Claim:
    """The example's quarterly claim for FY2026 Q1."""
    return quarterly_claim(
        agency=AGENCY, officers=[ALICE, BOB], payroll=PAY, leads=LEADS, quarter="FY2026 Q1"
    )


def task_force_only() -> Claim:
    """The example's claim for FY2026 Q1 under the I-MODEL option ``task-force-only``."""
    return claim(
        agency=AGENCY,
        officers=[ALICE, BOB],
        payroll=PAY,
        period="FY2026 Q1",
        policy=POLICY.choose("I-MODEL", "task-force-only"),
    )


class TestClaimAuditTrail:
    def test_quarterly_claim_trail(self) -> None:
        """R-SAL, R-OT, R-AWD-1: the claim explains its totals, then the award, with sources."""
        assert str(quarterly()) == QUARTERLY_CLAIM

    def test_plain_claim_trail(self) -> None:
        """A claim without an award is titled by its period and stops at the overtime step."""
        assert str(task_force_only()) == TASK_FORCE_ONLY_CLAIM

    def test_claim_trail_with_no_award_tier(self) -> None:
        """R-AWD: a rate below every band still closes the trail, under the programme's rule id,
        with $0.00 added to the reimbursement."""
        leads = LeadReport("FY2026 Q1", located=13, provided=20)
        c = quarterly_claim(
            agency=AGENCY, officers=[ALICE, BOB], payroll=PAY, leads=leads, quarter="FY2026 Q1"
        )
        lines = str(c).splitlines()
        assert lines[0] == "Claim of agency A1 for FY2026 Q1: $4,905.70"
        assert lines[1:6] == QUARTERLY_CLAIM.splitlines()[1:6]
        assert lines[6] == NO_AWARD_STEP
        assert lines[-1].startswith(
            "    DHS-2025-09-18 ¶8: “Law enforcement agencies will be eligible"
        )


class TestLineAuditTrail:
    def test_whole_period_line(self) -> None:
        """I-WIN, I-DAYS, R-OT: T-1 is eligible all quarter; one record paid whole."""
        assert str(quarterly().line("T-1").explanation) == ALICE_LINE

    def test_part_record_line(self) -> None:
        """I-DAYS, I-CENT: J-2's record straddles training; 2 of its 14 days are paid."""
        assert str(quarterly().line("J-2").explanation) == BOB_LINE

    def test_excluded_model_line(self) -> None:
        """I-MODEL task-force-only: J-2's pay is excluded, with no cap and no eligible days."""
        assert str(task_force_only().line("J-2").explanation) == BOB_EXCLUDED_LINE

    def test_never_eligible_line(self) -> None:
        """I-WIN: separated before the policy began, J-3 is never eligible; the pay dated in the
        period is all not eligible."""
        gone = Officer(
            "J-3",
            Model.JAIL_ENFORCEMENT,
            dt.date(2025, 3, 1),
            "52000",
            separated_on=dt.date(2025, 9, 15),
        )
        pay = [PayRecord("J-3", dt.date(2025, 10, 1), dt.date(2025, 10, 14), "2000", "100", "10")]
        line = claim(agency=AGENCY, officers=[gone], payroll=pay, period="FY2026 Q1").line("J-3")
        assert (line.window, line.not_eligible) == (None, Decimal("2110.00"))
        assert str(line.explanation) == NEVER_ELIGIBLE_LINE


class TestQuarterlyClaimPolicy:
    def test_reimbursement_follows_the_policy_given(self) -> None:
        """quarterly_claim reimburses under the policy it is given (R-OT with a cap of 1/200
        of salary here), exactly as claim does for the same quarter and policy."""
        capped = attrs.evolve(
            POLICY, overtime_cap=attrs.evolve(POLICY.overtime_cap, fraction=Fraction(1, 200))
        )
        result = quarterly_claim(
            agency=AGENCY,
            officers=[ALICE, BOB],
            payroll=PAY,
            leads=LEADS,
            quarter="FY2026 Q1",
            policy=capped,
        )
        plain = claim(
            agency=AGENCY, officers=[ALICE, BOB], payroll=PAY, period="FY2026 Q1", policy=capped
        )
        assert result.lines == plain.lines
        assert (result.overtime_reimbursed, result.overtime_over_cap) == (
            Decimal("410.00"),
            Decimal("110.00"),
        )
        assert quarterly().overtime_reimbursed == Decimal("520.00")


class TestLineFigures:
    def test_part_record_figures(self) -> None:
        """I-DAYS, I-CENT: 200000 cents over 14 days: the last two days get 14285 each."""
        line = quarterly().line("J-2")
        assert line.window == DateRange(dt.date(2025, 11, 1), dt.date(2025, 12, 15))
        assert line.eligible_days == 45
        assert (line.salary, line.benefits, line.overtime_claimed) == (
            Decimal("285.70"),
            Decimal("100.00"),
            Decimal("20.00"),
        )
        assert (line.overtime_reimbursed, line.overtime_over_cap, line.cap, line.cap_used) == (
            Decimal("20.00"),
            Decimal("0.00"),
            Decimal("13000.00"),
            Decimal("20.00"),
        )
        assert (line.not_eligible, line.total) == (Decimal("2434.30"), Decimal("405.70"))

    def test_prorated_cap_of_an_officer_eligible_only_after_the_year(self) -> None:
        """I-CAPPRO by-eligible-days: no eligible day in FY2026 leaves a cap of 0.00 for it
        (the full 25% under the default, R-OT)."""
        late = Officer("T-9", Model.TASK_FORCE, dt.date(2026, 10, 15), "60000")

        def line(policy: Policy) -> OfficerLine:
            c = claim(agency=AGENCY, officers=[late], payroll=[], period="FY2026 Q1", policy=policy)
            return c.line("T-9")

        prorated = line(POLICY.choose("I-CAPPRO", "by-eligible-days"))
        assert prorated.window == DateRange(dt.date(2026, 10, 15), dt.date(9999, 12, 31))
        assert prorated.cap == Decimal("0.00")
        assert line(POLICY).cap == Decimal("15000.00")

    def test_claim_totals(self) -> None:
        """The claim's totals are the lines' sums, and the award is added to the total."""
        c = quarterly()
        assert (c.salary, c.benefits, c.overtime_claimed, c.overtime_reimbursed) == (
            Decimal("3285.70"),
            Decimal("1100.00"),
            Decimal("520.00"),
            Decimal("520.00"),
        )
        assert (c.overtime_over_cap, c.not_eligible, c.reimbursement, c.total) == (
            Decimal("0.00"),
            Decimal("2434.30"),
            Decimal("4905.70"),
            Decimal("5905.70"),
        )
        assert c.award_officers == ("T-1",)
        assert str(c.quarter) == "FY2026 Q1"

    def test_period_text_is_read_in_any_case(self) -> None:
        """A period given as text is stripped and read case-blind, as quarter or year."""
        q2 = claim(agency=AGENCY, officers=[ALICE], payroll=[], period=" fy2026 q2 ").period
        year = claim(agency=AGENCY, officers=[ALICE], payroll=[], period=" fy2026 ").period
        assert q2 == DateRange(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
        assert year == DateRange(dt.date(2025, 10, 1), dt.date(2026, 9, 30))


class TestEditedResultsAreRefused:
    """A claim or line changed after the engine made it (``attrs.evolve``, an edited document)
    is checked again: its figures must still be Decimals that add up (R-SAL, R-OT)."""

    @pytest.mark.parametrize("name", CLAIM_MONEY)
    def test_claim_amount_given_as_a_float(self, name: str) -> None:
        """A float is refused as a claim amount, even one that equals the sum of the lines."""
        c = quarterly()
        value = float(getattr(c, name))
        changes: dict[str, Any] = {name: value}
        with pytest.raises(InvalidTypeError) as info:
            attrs.evolve(c, **changes)
        assert str(info.value) == f"{name}: {value!r} is a float; expected a Decimal amount"

    def test_claim_reimbursement_must_be_the_sum_of_line_totals(self) -> None:
        """R-SAL, R-OT: the reimbursement is the lines' totals added up, to the cent."""
        with pytest.raises(InvalidInputError) as info:
            attrs.evolve(quarterly(), reimbursement=Decimal("4905.71"))
        assert str(info.value) == (
            "reimbursement: 4905.71 does not match its parts, which make 4905.70"
        )

    def test_claim_without_its_lines(self) -> None:
        """Totals with no lines behind them are refused, naming the first total and cents."""
        with pytest.raises(InvalidInputError) as info:
            attrs.evolve(quarterly(), lines=())
        assert str(info.value) == "salary: 3285.70 does not match its parts, which make 0.00"

    def test_line_overtime_claimed_must_split_into_reimbursed_and_over_cap(self) -> None:
        """R-OT: overtime claimed is what was reimbursed plus what went over the cap."""
        line = quarterly().line("T-1")
        with pytest.raises(InvalidInputError) as info:
            attrs.evolve(line, overtime_claimed=Decimal("500.01"))
        assert str(info.value) == (
            "overtime_claimed: 500.01 does not match its parts, which make 500.00"
        )


def _refused(call: Callable[[], object]) -> G287Error:
    """Run ``call``, which must fail, and return its error."""
    with pytest.raises(G287Error) as info:
        call()
    return info.value


def _other_agency() -> Agency:
    """An agency that signed only the Task Force and Warrant Service Officer models."""
    return Agency(
        "A2",
        "X",
        dt.date(2025, 7, 1),
        frozenset({Model.TASK_FORCE, Model.WARRANT_SERVICE_OFFICER}),
    )


def _overlapping() -> list[PayRecord]:
    """Two records of T-1 sharing the day 2025-10-14."""
    return [
        PAY[0],
        PayRecord("T-1", dt.date(2025, 10, 14), dt.date(2025, 10, 20), "1", "1", "1"),
    ]


INPUT_ERRORS: list[tuple[str, Callable[[], object], type[G287Error], str]] = [
    (
        "policy-by-name",
        lambda: claim(
            agency=AGENCY,
            officers=[ALICE],
            payroll=[],
            period="FY2026 Q1",
            policy="DHS-2025-09-18",  # type: ignore[arg-type]
        ),
        InvalidTypeError,
        "policy: 'DHS-2025-09-18' is a str; expected a g287.Policy or None",
    ),
    (
        "models-text",
        lambda: Agency("A1", "X", dt.date(2025, 7, 1), "TFM"),  # type: ignore[arg-type]
        InvalidTypeError,
        "models: 'TFM'; expected a set of g287.Model",
    ),
    (
        "models-empty",
        lambda: Agency("A1", "X", dt.date(2025, 7, 1), []),
        InvalidInputError,
        "models: []; expected one or more g287.Model",
    ),
    (
        "models-not-enum",
        lambda: Agency("A1", "X", dt.date(2025, 7, 1), ["TFM"]),  # type: ignore[list-item]
        InvalidInputError,
        "models: ['TFM']; expected one or more g287.Model",
    ),
    (
        "separated-before-trained",
        lambda: Officer(
            "T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "1", separated_on=dt.date(2025, 7, 1)
        ),
        InvalidInputError,
        (
            "officer T-1: separated_on 2025-07-01 is before trained_on 2025-08-01; "
            "expected separation after training"
        ),
    ),
    (
        "record-backwards",
        lambda: PayRecord("T-1", dt.date(2025, 10, 14), dt.date(2025, 10, 1), "3", "1", "5"),
        InvalidInputError,
        "pay record of T-1: end 2025-10-01 is before start 2025-10-14; expected end >= start",
    ),
    (
        "record-salary",
        lambda: PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 1), "-3", "1", "5"),
        InvalidInputError,
        "salary: '-3' is negative; expected an amount >= 0",
    ),
    (
        "record-benefits",
        lambda: PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 1), "3", "-1", "5"),
        InvalidInputError,
        "benefits: '-1' is negative; expected an amount >= 0",
    ),
    (
        "record-overtime",
        lambda: PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 1), "3", "1", "-5"),
        InvalidInputError,
        "overtime: '-5' is negative; expected an amount >= 0",
    ),
    (
        "officer-salary",
        lambda: Officer("T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "-78000"),
        InvalidInputError,
        "annual_salary: '-78000' is negative; expected an amount >= 0",
    ),
    (
        "leads-provided",
        lambda: LeadReport("FY2026 Q1", provided=-1, located=0),
        InvalidInputError,
        "provided: -1 is negative; expected a whole number >= 0",
    ),
    (
        "leads-located",
        lambda: LeadReport("FY2026 Q1", provided=1, located=-1),
        InvalidInputError,
        "located: -1 is negative; expected a whole number >= 0",
    ),
    (
        "leads-more-located",
        lambda: LeadReport("FY2026 Q1", provided=1, located=2),
        InvalidInputError,
        "lead report FY2026 Q1: located 2 is more than provided 1; expected located <= provided",
    ),
    (
        "leads-quarter",
        lambda: LeadReport(5, provided=1, located=0),
        InvalidTypeError,
        "quarter: 5 is a int; expected a FiscalQuarter or 'FY2026 Q1'",
    ),
    (
        "agency-type",
        lambda: claim(agency="A", officers=[], payroll=[], period="FY2026"),  # type: ignore[arg-type]
        InvalidTypeError,
        "agency: 'A' is a str; expected Agency",
    ),
    (
        "officer-twice",
        lambda: claim(agency=AGENCY, officers=[ALICE, ALICE], payroll=[], period="FY2026"),
        InvalidInputError,
        "officers: officer id 'T-1' appears twice",
    ),
    (
        "model-not-signed",
        lambda: claim(agency=_other_agency(), officers=[BOB], payroll=[], period="FY2026"),
        InvalidInputError,
        "officer J-2: model JEM is not among the models agency A2 signed (TFM, WSO)",
    ),
    (
        "not-on-roster",
        lambda: claim(agency=AGENCY, officers=[ALICE], payroll=[PAY[1]], period="FY2026"),
        InvalidInputError,
        "pay record 2025-10-20..2025-11-02: officer 'J-2' is not on the roster",
    ),
    (
        "overlap",
        lambda: claim(agency=AGENCY, officers=[ALICE], payroll=_overlapping(), period="FY2026"),
        InvalidInputError,
        (
            "pay records of T-1: 2025-10-01..2025-10-14 and 2025-10-14..2025-10-20 overlap "
            "(a double claim)"
        ),
    ),
    (
        "officers-text",
        lambda: claim(agency=AGENCY, officers="T-1", payroll=[], period="FY2026"),  # type: ignore[arg-type]
        InvalidTypeError,
        "officers: 'T-1'; expected an iterable of Officer",
    ),
    (
        "payroll-item",
        lambda: claim(agency=AGENCY, officers=[ALICE], payroll=[1], period="FY2026"),  # type: ignore[list-item]
        InvalidTypeError,
        "payroll: 1 is a int; expected PayRecord",
    ),
    (
        "period-type",
        lambda: claim(agency=AGENCY, officers=[ALICE], payroll=[], period=2026),  # type: ignore[arg-type]
        InvalidTypeError,
        (
            "period: 2026 is a int; expected a DateRange, FiscalQuarter, FiscalYear or text such as "
            "'FY2026 Q1'"
        ),
    ),
    (
        "period-two-years",
        lambda: claim(
            agency=AGENCY,
            officers=[ALICE],
            payroll=[],
            period=DateRange(dt.date(2025, 10, 1), dt.date(2026, 10, 1)),
        ),
        InvalidInputError,
        (
            "period: 2025-10-01 to 2026-10-01 spans more than FY2026; claim one fiscal year at a "
            "time (I-CAPYEAR)"
        ),
    ),
    (
        "leads-type",
        lambda: quarterly_claim(
            agency=AGENCY,
            officers=[ALICE],
            payroll=[],
            leads=1,  # type: ignore[arg-type]
            quarter="FY2026 Q1",
        ),
        InvalidTypeError,
        "leads: 1 is a int; expected a LeadReport",
    ),
    (
        "quarterly-officers-text",
        lambda: quarterly_claim(
            agency=AGENCY,
            officers="T-1",  # type: ignore[arg-type]
            payroll=[],
            leads=LEADS,
            quarter="FY2026 Q1",
        ),
        InvalidTypeError,
        "officers: 'T-1'; expected an iterable of Officer",
    ),
    (
        "quarterly-officers-item",
        lambda: quarterly_claim(
            agency=AGENCY,
            officers=[ALICE, 1],  # type: ignore[list-item]
            payroll=[],
            leads=LEADS,
            quarter="FY2026 Q1",
        ),
        InvalidTypeError,
        "officers: 1 is a int; expected Officer",
    ),
    (
        "leads-other-quarter",
        lambda: quarterly_claim(
            agency=AGENCY, officers=[ALICE], payroll=[], leads=LEADS, quarter="FY2026 Q2"
        ),
        InvalidInputError,
        "leads: the report is for FY2026 Q1, not the claimed FY2026 Q2",
    ),
    (
        "no-such-line",
        lambda: quarterly().line("X"),
        InvalidInputError,
        "officer_id: 'X' has no line in this claim",
    ),
]


class TestInputErrors:
    @pytest.mark.parametrize(
        ("call", "kind", "message"),
        [case[1:] for case in INPUT_ERRORS],
        ids=[case[0] for case in INPUT_ERRORS],
    )
    def test_message(self, call: Callable[[], object], kind: type[G287Error], message: str) -> None:
        """Each bad input is refused with the documented error type and this exact message."""
        error = _refused(call)
        assert type(error) is kind
        assert str(error) == message
