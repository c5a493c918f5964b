"""Salary, benefits and overtime reimbursement (R-SAL, R-OT).

¶7: "ICE will fully reimburse participating agencies for the annual salary and benefits of each
eligible trained 287(g) officer, including overtime coverage up to 25% of the officer's annual
salary."

>>> from g287 import annual_reimbursement
>>> r = annual_reimbursement(annual_salary="60000", benefits="20000", overtime="18000",
...                          fiscal_year=2026)
>>> r.overtime_cap, r.overtime_reimbursed, r.overtime_not_reimbursed, r.total
(Decimal('15000.00'), Decimal('15000.00'), Decimal('3000.00'), Decimal('95000.00'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from . import _validators as check
from ._resolve import fiscal_year_arg, policy_for
from .calendar import FiscalYear
from .errors import InvalidInputError, InvalidTypeError
from .explain import Explanation, Step
from .money import cents_floor, format_money, to_money
from .policy import POLICY, Policy

__all__ = ["ReimbursementResult", "annual_reimbursement", "overtime_cap"]


def overtime_cap(annual_salary: int | str | Decimal, policy: Policy = POLICY) -> Decimal:
    """R-OT: the most overtime reimbursable in a fiscal year for an officer with this salary.

    The basis is annual base salary (I-CAPBASE); the product is rounded down to the cent (I-CENT)
    so the cap can never be exceeded.

    >>> overtime_cap("60000")
    Decimal('15000.00')
    >>> overtime_cap("50000.01")
    Decimal('12500.00')
    """
    if not isinstance(policy, Policy):
        raise InvalidTypeError(
            f"policy: {policy!r} is a {type(policy).__name__}; expected a g287.Policy"
        )
    salary = to_money(annual_salary, "annual_salary")
    return cents_floor(Fraction(salary) * policy.overtime_cap.fraction)


_AMOUNTS = (
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_cap",
    "overtime_reimbursed",
    "overtime_not_reimbursed",
    "total",
)


@attrs.frozen
class ReimbursementResult:
    """An officer's reimbursement for one fiscal year, with its explanation."""

    fiscal_year: FiscalYear
    policy_name: str
    #: :attr:`Policy.fingerprint` of the policy applied: which variant produced the figure.
    policy_fingerprint: str
    salary: Decimal
    benefits: Decimal
    overtime_claimed: Decimal
    overtime_cap: Decimal
    overtime_reimbursed: Decimal
    overtime_not_reimbursed: Decimal
    total: Decimal
    explanation: Explanation = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        # The figures must agree (R-SAL, R-OT), so an edited JSON document is refused.
        check.amounts(self, *_AMOUNTS)
        check.agree("total", self.total, self.salary + self.benefits + self.overtime_reimbursed)
        check.agree(
            "overtime_claimed",
            self.overtime_claimed,
            self.overtime_reimbursed + self.overtime_not_reimbursed,
        )
        if self.overtime_reimbursed > self.overtime_cap:
            raise InvalidInputError(
                f"overtime_reimbursed: {self.overtime_reimbursed} exceeds the cap "
                f"{self.overtime_cap} (R-OT)"
            )

    def __str__(self) -> str:
        return str(self.explanation)

    def as_dict(self) -> dict[str, object]:
        """The result as one plain row (exact values; for ``pandas.DataFrame([...])``)."""
        return {
            "fiscal_year": str(self.fiscal_year),
            "salary": self.salary,
            "benefits": self.benefits,
            "overtime_claimed": self.overtime_claimed,
            "overtime_cap": self.overtime_cap,
            "overtime_reimbursed": self.overtime_reimbursed,
            "overtime_not_reimbursed": self.overtime_not_reimbursed,
            "total": self.total,
            "policy": self.policy_name,
        }

    def _repr_html_(self) -> str:
        from .html import reimbursement_html  # noqa: PLC0415 - HTML sits at the edge

        return reimbursement_html(self)


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
    not reimbursed. ``policy=None`` applies the policy in force on the fiscal year's first day.

    Raises:
        InvalidTypeError, InvalidInputError: for a bad amount or fiscal year.
        NotInEffectError: for a fiscal year before FY2026 (R-EFF).
    """
    salary = to_money(annual_salary, "annual_salary")
    benefit = to_money(benefits, "benefits")
    claimed = to_money(overtime, "overtime")
    fy = fiscal_year_arg(fiscal_year)
    pol = policy_for(policy, fy)
    cap = overtime_cap(salary, pol)
    reimbursed = min(claimed, cap)
    not_reimbursed = claimed - reimbursed
    total = salary + benefit + reimbursed
    money = format_money
    steps = [
        Step(
            "R-EFF",
            f"{fy} begins {fy.start.isoformat()}, inside the policy period",
            "in force",
            pol.citation("R-EFF"),
            {"fiscal_year": fy},
        ),
        Step(
            "R-SAL",
            "annual salary reimbursed in full",
            money(salary),
            pol.citation("R-SAL"),
            {"annual_salary": money(salary)},
        ),
        Step(
            "R-SAL",
            "benefits reimbursed in full",
            money(benefit),
            pol.citation("R-SAL"),
            {"benefits": money(benefit)},
        ),
        Step(
            "I-CAPBASE",
            "cap basis is annual base salary, benefits excluded",
            money(salary),
            pol.citation("I-CAPBASE"),
            {"annual_salary": money(salary)},
        ),
        Step(
            "R-OT",
            f"overtime cap = {pol.overtime_cap.percent}% of annual salary, "
            "rounded down to the cent (I-CENT)",
            money(cap),
            pol.citation("R-OT"),
            {"annual_salary": money(salary)},
        ),
        Step(
            "I-CAPYEAR",
            f"the cap applies once to all of {fy}",
            money(cap),
            pol.citation("I-CAPYEAR"),
            {"fiscal_year": fy},
        ),
        Step(
            "R-OT",
            "overtime reimbursed = the lesser of overtime claimed and the cap",
            money(reimbursed),
            pol.citation("R-OT"),
            {"overtime": money(claimed), "cap": money(cap)},
        ),
        Step(
            "R-OT",
            "overtime over the cap, not reimbursed",
            money(not_reimbursed),
            pol.citation("R-OT"),
            {"overtime": money(claimed), "reimbursed": money(reimbursed)},
        ),
    ]
    explanation = Explanation(f"{fy} reimbursement", money(total), steps)
    return ReimbursementResult(
        fy,
        pol.name,
        pol.fingerprint,
        salary,
        benefit,
        claimed,
        cap,
        reimbursed,
        not_reimbursed,
        total,
        explanation,
    )
