"""Salary, benefits and overtime reimbursement (R-SAL, R-OT).

¶7: "ICE will fully reimburse participating agencies for the annual salary and benefits of each
eligible trained 287(g) officer, including overtime coverage up to 25% of the officer's annual
salary."

>>> from g287 import annual_reimbursement
>>> r = annual_reimbursement(annual_salary="60000", benefits="20000", overtime="18000",
...                          fiscal_year=2026)
>>> r.overtime_cap, r.overtime_reimbursed, r.overtime_over_cap, r.total
(Decimal('15000.00'), Decimal('15000.00'), Decimal('3000.00'), Decimal('95000.00'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from ._validators import Value, check_with, instance, of_type
from .announced import POLICY, policy_for
from .calendar import FiscalYear, to_fiscal_year
from .explain import Explanation, Step
from .money import (
    cents,
    format_money,
    format_percent,
    from_cents,
    to_money,
    valid_money,
)
from .policy import CapProration, Policy

__all__ = ["ReimbursementResult", "annual_reimbursement", "cap_cents", "overtime_cap"]


def overtime_cap(annual_salary: int | str | Decimal, policy: Policy = POLICY) -> Decimal:
    """R-OT: the most overtime reimbursable in a fiscal year for an officer with this salary.

    The basis is annual base salary (I-CAPBASE); the product is rounded down to the cent (I-CENT)
    so the cap can never be exceeded.

    >>> overtime_cap("60000")
    Decimal('15000.00')
    >>> overtime_cap("50000.01")
    Decimal('12500.00')
    """
    instance(policy, Policy, "policy", "a g287.Policy")
    return from_cents(cap_cents(to_money(annual_salary, "annual_salary"), policy))


def cap_cents(annual_salary: Decimal, policy: Policy, part_of_year: Fraction = Fraction(1)) -> int:
    """R-OT with I-CAPBASE, I-CAPPRO and I-CENT: an officer's cap for a fiscal year, in cents.

    ``part_of_year`` is the officer's eligible days over the days of the fiscal year; only the
    ``by-eligible-days`` option of I-CAPPRO scales the cap by it. The product is rounded down
    once, so the cap can never be exceeded.
    """
    share = policy.overtime_share  # of the salary in cents: the cap in cents is its product
    numerator, denominator = cents(annual_salary) * share.numerator, share.denominator
    if policy.cap_proration is CapProration.BY_ELIGIBLE_DAYS:
        numerator *= part_of_year.numerator
        denominator *= part_of_year.denominator
    return numerator // denominator  # I-CENT: rounded down to the cent, once


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class ReimbursementResult(Value):
    """An officer's reimbursement for one fiscal year: inputs, figures and their explanation."""

    fiscal_year: FiscalYear = attrs.field(metadata=check_with(of_type(FiscalYear, "a FiscalYear")))
    #: The policy applied (its :attr:`~Policy.fingerprint` says which variant produced it).
    policy: Policy = attrs.field(metadata=check_with(of_type(Policy, "a g287.Policy")), repr=False)
    #: Annual salary, reimbursed in full (R-SAL); also the cap's basis (I-CAPBASE).
    salary: Decimal = attrs.field(metadata=check_with(valid_money))
    benefits: Decimal = attrs.field(metadata=check_with(valid_money))
    overtime_claimed: Decimal = attrs.field(metadata=check_with(valid_money))
    overtime_cap: Decimal = attrs.field(metadata=check_with(valid_money))
    overtime_reimbursed: Decimal = attrs.field(metadata=check_with(valid_money))

    @property
    def overtime_over_cap(self) -> Decimal:
        """Overtime claimed above the cap: not reimbursed (R-OT)."""
        return from_cents(cents(self.overtime_claimed) - cents(self.overtime_reimbursed))

    @property
    def total(self) -> Decimal:
        """Salary, benefits and reimbursed overtime."""
        return from_cents(
            cents(self.salary) + cents(self.benefits) + cents(self.overtime_reimbursed)
        )

    @property
    def policy_fingerprint(self) -> str:
        """The fingerprint of the policy applied."""
        return self.policy.fingerprint

    @property
    def explanation(self) -> Explanation:
        """How the reimbursement was reached, rule by rule, with the quoted source."""
        return _explain(self)

    def __str__(self) -> str:
        return str(self.explanation)

    def as_row(self) -> dict[str, object]:
        """The result as one flat row of exact values (CSV, HTML, pandas)."""
        return {
            "fiscal_year": str(self.fiscal_year),
            "salary": self.salary,
            "benefits": self.benefits,
            "overtime_claimed": self.overtime_claimed,
            "overtime_cap": self.overtime_cap,
            "overtime_reimbursed": self.overtime_reimbursed,
            "overtime_over_cap": self.overtime_over_cap,
            "total": self.total,
            "policy": self.policy.label,
        }

    def _repr_html_(self) -> str:
        return self.explanation._repr_html_()


def annual_reimbursement(
    *,
    annual_salary: int | str | Decimal,
    benefits: int | str | Decimal,
    overtime: int | str | Decimal,
    fiscal_year: FiscalYear | int | str,
    policy: Policy | None = None,
) -> ReimbursementResult:
    """A full fiscal year's reimbursement for one eligible officer (R-SAL, R-OT).

    Salary and benefits are reimbursed in full; overtime up to the cap, the rest is reported as
    over the cap. ``policy=None`` applies the policy in force on the fiscal year's first day.

    Raises:
        InvalidTypeError, InvalidInputError: for a bad amount or fiscal year.
        NotInEffectError: for a fiscal year before FY2026 (R-EFF).
    """
    salary = to_money(annual_salary, "annual_salary")
    benefit = to_money(benefits, "benefits")
    claimed = to_money(overtime, "overtime")
    fy = to_fiscal_year(fiscal_year)
    pol = policy_for(policy, fy, "fiscal_year")
    cap = overtime_cap(salary, pol)
    return ReimbursementResult(
        fiscal_year=fy,
        policy=pol,
        salary=salary,
        benefits=benefit,
        overtime_claimed=claimed,
        overtime_cap=cap,
        overtime_reimbursed=min(claimed, cap),
    )


def _explain(r: ReimbursementResult) -> Explanation:
    """The audit trail of a reimbursement, built from its inputs and figures."""
    fy, cite, money = r.fiscal_year, r.policy.citation, format_money
    salary = money(r.salary)
    steps = [
        Step(
            "R-EFF",
            f"{fy} begins {fy.start.isoformat()}, inside the policy period",
            "in force",
            cite("R-EFF"),
            {"fiscal_year": fy},
        ),
        Step(
            "R-SAL",
            "annual salary reimbursed in full",
            salary,
            cite("R-SAL"),
            {"annual_salary": salary},
        ),
        Step(
            "R-SAL",
            "benefits reimbursed in full",
            money(r.benefits),
            cite("R-SAL"),
            {"benefits": money(r.benefits)},
        ),
        Step(
            "I-CAPBASE",
            "cap basis is annual base salary, benefits excluded",
            salary,
            cite("I-CAPBASE"),
            {"annual_salary": salary},
        ),
        Step(
            "R-OT",
            f"overtime cap = {format_percent(r.policy.overtime_share)} of annual salary, "
            "rounded down to the cent (I-CENT)",
            money(r.overtime_cap),
            cite("R-OT"),
            {"annual_salary": salary},
        ),
        Step(
            "I-CAPYEAR",
            f"the cap applies once to all of {fy}",
            money(r.overtime_cap),
            cite("I-CAPYEAR"),
            {"fiscal_year": fy},
        ),
        Step(
            "R-OT",
            "overtime reimbursed = the lesser of overtime claimed and the cap",
            money(r.overtime_reimbursed),
            cite("R-OT"),
            {"overtime": money(r.overtime_claimed), "cap": money(r.overtime_cap)},
        ),
        Step(
            "R-OT",
            "overtime over the cap, not reimbursed",
            money(r.overtime_over_cap),
            cite("R-OT"),
            {"overtime": money(r.overtime_claimed), "reimbursed": money(r.overtime_reimbursed)},
        ),
    ]
    return Explanation(f"{fy} reimbursement", money(r.total), steps, r.policy.label)
