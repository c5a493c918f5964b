"""Argument helpers shared by the calculation modules: quarters, fiscal years, policies."""

from __future__ import annotations

from .calendar import DateRange, FiscalQuarter, FiscalYear
from .errors import InvalidTypeError, NotInEffectError
from .policy import Policy, policy_in_force


def quarter_arg(value: object) -> FiscalQuarter:
    """Accept a :class:`FiscalQuarter` or its text (``"FY2026 Q1"``)."""
    if isinstance(value, FiscalQuarter):
        return value
    if isinstance(value, str):
        return FiscalQuarter.parse(value)
    raise InvalidTypeError(
        f"quarter: {value!r} is a {type(value).__name__}; expected a FiscalQuarter or 'FY2026 Q1'"
    )


def fiscal_year_arg(value: object) -> FiscalYear:
    """Accept a :class:`FiscalYear`, its number (``2026``) or its text (``"FY2026"``)."""
    if isinstance(value, FiscalYear):
        return value
    if isinstance(value, str):
        return FiscalYear.parse(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return FiscalYear(value)
    raise InvalidTypeError(
        f"fiscal_year: {value!r} is a {type(value).__name__}; "
        "expected a FiscalYear, 2026 or 'FY2026'"
    )


def policy_for(policy: object, period: FiscalQuarter | FiscalYear | DateRange) -> Policy:
    """The policy to apply to ``period``: the one given, or the one in force (R-EFF).

    Either way the policy must be in force on the period's first day, else
    :class:`~g287.NotInEffectError` naming the period.
    """
    if policy is None:
        try:
            return policy_in_force(period.start)
        except NotInEffectError as exc:
            raise NotInEffectError(f"{period}: {exc}") from None
    if not isinstance(policy, Policy):
        raise InvalidTypeError(
            f"policy: {policy!r} is a {type(policy).__name__}; expected a g287.Policy or None"
        )
    policy.require_in_force(period.start, str(period))
    return policy
