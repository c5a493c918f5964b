"""A downstream user's module: an agency finance system calling g287's public API.

It is not a test module (pytest collects no tests from it). ``tests/test_typing_downstream.py``
type-checks it with ``mypy --strict`` against the installed g287 (which ships ``py.typed``), and
runs :func:`run` to show the annotations match what the calls return. ``assert_type`` is checked
by mypy and does nothing at run time.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import assert_type

import g287
from g287 import (
    POLICY,
    Agency,
    AwardResult,
    AwardTier,
    Claim,
    FiscalQuarter,
    FiscalYear,
    LeadReport,
    Model,
    Officer,
    OfficerLine,
    PayRecord,
    Policy,
    ReimbursementResult,
)
from g287.batch import award_cents

FY2026_Q1 = "FY2026 Q1"


def quarter_award(located: int, provided: int, officers: int) -> Decimal:
    """The award for FY2026 Q1, with the types a user relies on."""
    result = g287.quarterly_award(
        located=located, provided=provided, task_force_officers=officers, quarter=FY2026_Q1
    )
    assert_type(result, AwardResult)
    assert_type(result.amount, Decimal)
    assert_type(result.per_officer, Decimal)
    assert_type(result.rate, Fraction | None)
    assert_type(result.percent, int | None)
    assert_type(result.tier, AwardTier | None)
    assert_type(result.quarter, FiscalQuarter)
    assert_type(result.explanation.rule_ids, tuple[str, ...])
    return result.amount


def tier_of(rate: Fraction, policy: Policy = POLICY) -> str | None:
    """The rule id of the tier a rate earns, if any."""
    tier = g287.award_tier(rate, policy)
    assert_type(tier, AwardTier | None)
    return None if tier is None else tier.rule_id


def rate_of(located: int, provided: int) -> Fraction:
    """The location rate, an exact fraction."""
    rate = g287.location_rate(located=located, provided=provided)
    assert_type(rate, Fraction)
    return rate


def parse_quarter(text: str) -> tuple[FiscalQuarter, dt.date, dt.date]:
    """A quarter from its text, with its first and last day."""
    quarter = FiscalQuarter.parse(text)
    assert_type(quarter, FiscalQuarter)
    assert_type(FiscalQuarter.containing(quarter.start), FiscalQuarter)
    assert_type(FiscalYear.parse("FY2026"), FiscalYear)
    return quarter, quarter.start, quarter.end


def half_up_policy() -> Policy:
    """A policy variant that rounds the location rate half up (I-BAND)."""
    variant = POLICY.choose("I-BAND", "half-up")
    assert_type(variant, Policy)
    assert_type(g287.policy_in_force(dt.date(2025, 10, 1)), Policy)
    assert_type(variant.fingerprint, str)
    return variant


def overtime(salary: str) -> tuple[Decimal, Decimal]:
    """The overtime cap of a salary, and a year's total with overtime over the cap."""
    cap = g287.overtime_cap(salary)
    assert_type(cap, Decimal)
    result = g287.annual_reimbursement(
        annual_salary=salary, benefits=Decimal("20000"), overtime=18000, fiscal_year=2026
    )
    assert_type(result, ReimbursementResult)
    assert_type(result.total, Decimal)
    assert_type(result.overtime_over_cap, Decimal)
    assert_type(result.fiscal_year, FiscalYear)
    assert_type(result.as_row(), dict[str, object])
    return cap, result.total


def example_inputs() -> tuple[Agency, list[Officer], list[PayRecord], LeadReport]:
    """A small agency's roster, payroll and ICE lead report."""
    agency = Agency("A1", "Example County", dt.date(2025, 7, 1), frozenset(Model))
    roster = [Officer("T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "78000")]
    payroll = [PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 14), "3000", "1000", "500")]
    return agency, roster, payroll, LeadReport(FY2026_Q1, provided=20, located=18)


def quarterly_total() -> Decimal:
    """A quarterly claim's total: reimbursement plus award."""
    agency, roster, payroll, leads = example_inputs()
    result = g287.quarterly_claim(
        agency=agency, officers=roster, payroll=payroll, leads=leads, quarter=FY2026_Q1
    )
    assert_type(result, Claim)
    assert_type(result.total, Decimal)
    assert_type(result.award, AwardResult | None)
    assert_type(result.lines, tuple[OfficerLine, ...])
    assert_type(result.line("T-1").overtime_reimbursed, Decimal)
    assert_type(result.line("T-1").overtime_cap, Decimal)
    month = g287.claim(
        agency=agency,
        officers=roster,
        payroll=payroll,
        period=g287.DateRange(dt.date(2025, 10, 1), dt.date(2025, 10, 31)),
    )
    assert_type(month, Claim)
    return result.total


def round_trip(policy: Policy) -> Policy:
    """A policy written as JSON and read back, typed by the class it is expected to be."""
    text = g287.dumps(policy)
    assert_type(text, str)
    back = g287.loads(text, Policy)
    assert_type(back, Policy)
    return back


def batch(located: list[int], provided: list[int], officers: list[int]) -> list[int]:
    """Awards for a column of quarters, in cents (lists in, a list out)."""
    cents: list[int] = award_cents(located, provided, officers)
    return cents


def run() -> dict[str, object]:
    """Every function above, called: the figures a downstream system would print."""
    return {
        "award": quarter_award(45, 50, 12),
        "tier": tier_of(Fraction(179, 200)),
        "rate": rate_of(45, 50),
        "quarter": parse_quarter(FY2026_Q1),
        "half_up": tier_of(Fraction(179, 200), half_up_policy()),
        "overtime": overtime("60000"),
        "claim": quarterly_total(),
        "round_trip": round_trip(half_up_policy()) == half_up_policy(),
        "batch": batch([45, 41, 33], [50, 50, 50], [4, 4, 4]),
    }
