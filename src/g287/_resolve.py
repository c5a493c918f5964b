"""The policy a calculation applies: the one given, or the one in force (R-EFF)."""

from __future__ import annotations

from ._validators import instance
from .announced import policy_in_force
from .calendar import DateRange, FiscalQuarter, FiscalYear
from .errors import NotInEffectError
from .policy import Policy


def policy_for(
    policy: object, period: FiscalQuarter | FiscalYear | DateRange, field: str
) -> Policy:
    """The policy to apply to ``period``: the one given, or the one in force (R-EFF).

    Either way the policy must be in force on the period's first day, else
    :class:`~g287.NotInEffectError` naming the period; its ``field`` is the argument that gave
    the period (``quarter``, ``fiscal_year``, ``period``).
    """
    if policy is None:
        try:
            return policy_in_force(period.start)
        except NotInEffectError as exc:
            raise NotInEffectError(f"{period}: {exc}", field=field, value=exc.value) from None
    pol = instance(policy, Policy, "policy", "a g287.Policy or None")
    pol.require_in_force(period.start, str(period), field)
    return pol
