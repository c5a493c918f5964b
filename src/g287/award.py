"""The quarterly performance award (R-AWD and its tiers R-AWD-1 … R-AWD-3).

¶8, the paragraph that carries the award sentence in full: agencies "will be eligible for
quarterly monetary performance awards based on the successful location of illegal aliens
provided by ICE and overall assistance": 90%-100% earns $1,000, 80%-89% $750 and 70%-79% $500
"per eligible task force officer".

>>> from g287 import quarterly_award
>>> result = quarterly_award(located=45, provided=50, officers=12, quarter="FY2026 Q1")
>>> result.rate, result.tier.rule_id, result.amount
(Fraction(9, 10), 'R-AWD-1', Decimal('12000.00'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from . import _validators as check
from ._resolve import policy_for, quarter_arg
from .calendar import FiscalQuarter
from .errors import InvalidInputError, InvalidTypeError
from .explain import Explanation, Step
from .money import ZERO, format_money, format_percent, to_count
from .policy import POLICY, AwardTier, NoLeads, Policy

__all__ = ["AwardResult", "award_tier", "location_rate", "quarterly_award"]


def location_rate(located: int, provided: int) -> Fraction:
    """I-RATE: the share of the people ICE provided whom the agency located, as an exact fraction.

    Raises:
        InvalidTypeError: a count that is not an ``int`` (``bool`` and ``float`` included).
        InvalidInputError: a negative count, ``located > provided``, or ``provided == 0``
            (a rate of nothing is undefined; :func:`quarterly_award` handles such a quarter
            under I-BELOW).

    >>> location_rate(located=45, provided=50)
    Fraction(9, 10)
    """
    located = to_count(located, "located")
    provided = to_count(provided, "provided")
    if located > provided:
        raise InvalidInputError(
            f"located: {located} is more than provided ({provided}); expected located <= provided"
        )
    if provided == 0:
        raise InvalidInputError("provided: 0; a location rate needs at least one lead provided")
    return Fraction(located, provided)


def _check_rate(rate: object) -> Fraction:
    if isinstance(rate, bool) or not isinstance(rate, (Fraction, int)):
        raise InvalidTypeError(
            f"rate: {rate!r} is a {type(rate).__name__}; expected a fractions.Fraction from 0 to 1"
        )
    rate = Fraction(rate)
    if not 0 <= rate <= 1:
        raise InvalidInputError(f"rate: {rate} is outside 0-1; expected a location rate")
    return rate


def _check_policy(policy: object) -> None:
    if not isinstance(policy, Policy):
        raise InvalidTypeError(
            f"policy: {policy!r} is a {type(policy).__name__}; expected a g287.Policy"
        )


def award_tier(rate: Fraction, policy: Policy = POLICY) -> AwardTier | None:
    """The award tier a location rate earns under ``policy`` (I-BAND), or ``None`` below every
    band (I-BELOW).

    >>> award_tier(Fraction(9, 10)).rule_id
    'R-AWD-1'
    >>> award_tier(Fraction(179, 200)).rule_id      # 89.5% truncates to 89%
    'R-AWD-2'
    >>> award_tier(Fraction(69, 100)) is None
    True
    """
    if type(rate) is not Fraction or not 0 <= rate.numerator <= rate.denominator:
        rate = _check_rate(rate)
    if type(policy) is not Policy:
        _check_policy(policy)
    schedule = policy.award_schedule
    return schedule._by_percent[schedule._percent(rate)]


@attrs.frozen
class AwardResult:
    """The performance award of one quarter, with its explanation."""

    quarter: FiscalQuarter
    policy_name: str
    #: :attr:`Policy.fingerprint` of the policy applied: which variant produced the figure.
    policy_fingerprint: str
    located: int
    provided: int
    officers: int
    assistance_satisfactory: bool
    #: The location rate, or ``None`` when no leads were provided.
    rate: Fraction | None
    #: The whole percent the rate was placed at under I-BAND, or ``None`` without a rate.
    percent: int | None
    tier: AwardTier | None
    #: The award per eligible task force officer (zero without a tier).
    per_officer: Decimal
    amount: Decimal
    #: Why the award is what it is, in a sentence.
    reason: str
    explanation: Explanation = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        # The figures must agree with each other, so a document edited after the fact (JSON
        # read back with `loads`) cannot pass for a result g287 produced.
        check.amounts(self, "per_officer", "amount")
        expected = self.tier.amount if self.tier is not None else ZERO
        if self.per_officer != expected:
            raise InvalidInputError(
                f"per_officer: {self.per_officer} does not match the tier's {expected}"
            )
        if self.amount != self.per_officer * self.officers:
            raise InvalidInputError(
                f"amount: {self.amount} is not per_officer {self.per_officer} x officers "
                f"{self.officers}"
            )
        rate = Fraction(self.located, self.provided) if self.provided else None
        if self.located > self.provided or (self.rate is not None and self.rate != rate):
            raise InvalidInputError(
                f"rate: {self.rate} does not match located {self.located} / provided "
                f"{self.provided}"
            )

    def __str__(self) -> str:
        return str(self.explanation)

    def as_dict(self) -> dict[str, object]:
        """The result as one plain row (exact values; for ``pandas.DataFrame([...])``)."""
        return {
            "quarter": str(self.quarter),
            "located": self.located,
            "provided": self.provided,
            "officers": self.officers,
            "rate": self.rate,
            "percent": self.percent,
            "rule_id": self.tier.rule_id if self.tier else None,
            "per_officer": self.per_officer,
            "amount": self.amount,
            "reason": self.reason,
            "policy": self.policy_name,
        }

    def _repr_html_(self) -> str:
        from .html import award_html  # noqa: PLC0415 - HTML sits at the edge

        return award_html(self)


def quarterly_award(
    *,
    located: int,
    provided: int,
    officers: int,
    quarter: FiscalQuarter | str,
    policy: Policy | None = None,
    assistance_satisfactory: bool = True,
) -> AwardResult:
    """The performance award for one quarter (R-AWD), explained step by step.

    Args:
        located: leads the agency located in the quarter.
        provided: leads ICE provided in the quarter.
        officers: eligible task force officers, counted per I-HEAD.
        quarter: a :class:`FiscalQuarter` or its text, ``"FY2026 Q1"``.
        policy: the policy to apply; ``None`` for the one in force on the quarter's first day.
        assistance_satisfactory: ICE's judgement of overall assistance (I-ASSIST).

    Raises:
        InvalidTypeError, InvalidInputError: for a bad count or quarter, or (under the ``error``
            option of I-BELOW) a quarter with no leads.
        NotInEffectError: for a quarter before 2025-10-01 (R-EFF).

    >>> r = quarterly_award(located=41, provided=50, officers=4, quarter="FY2026 Q2")
    >>> r.amount, r.tier.band
    (Decimal('3000.00'), '80%-89%')
    """
    located = to_count(located, "located")
    provided = to_count(provided, "provided")
    officers = to_count(officers, "officers")
    if located > provided:
        raise InvalidInputError(
            f"located: {located} is more than provided ({provided}); expected located <= provided"
        )
    if not isinstance(assistance_satisfactory, bool):
        raise InvalidTypeError(
            f"assistance_satisfactory: {assistance_satisfactory!r} is a "
            f"{type(assistance_satisfactory).__name__}; expected True or False"
        )
    q = quarter_arg(quarter)
    pol = policy_for(policy, q)
    schedule = pol.award_schedule
    if provided == 0 and schedule.no_leads is NoLeads.ERROR:
        raise InvalidInputError(
            f"provided: 0 in {q}; the policy's I-BELOW option 'error' refuses a quarter "
            "without leads"
        )

    steps = [
        Step(
            "R-EFF",
            f"{q} begins {q.start.isoformat()}, inside the policy period",
            "in force",
            pol.citation("R-EFF"),
            {"quarter": q},
        ),
        Step(
            "R-AWD",
            "quarterly award on the location of the leads ICE provided and overall assistance",
            str(q),
            pol.citation("R-AWD"),
            {"quarter": q},
        ),
    ]
    rate: Fraction | None = None
    percent: int | None = None
    tier: AwardTier | None = None
    if not assistance_satisfactory:
        reason = "ICE judged the agency's overall assistance unsatisfactory"
        steps.append(
            Step(
                "I-ASSIST",
                reason,
                "no award",
                pol.citation("I-ASSIST"),
                {"assistance_satisfactory": False},
            )
        )
    elif provided == 0:
        reason = "ICE provided no leads in the quarter, so there is no location rate"
        steps.append(Step("I-BELOW", reason, "no award", pol.citation("I-BELOW"), {"provided": 0}))
    else:
        steps.append(
            Step(
                "I-ASSIST",
                "overall assistance judged satisfactory",
                "eligible",
                pol.citation("I-ASSIST"),
                {"assistance_satisfactory": True},
            )
        )
        rate = Fraction(located, provided)
        steps.append(
            Step(
                "I-RATE",
                "location rate = located / provided",
                f"{rate} ({format_percent(rate)})",
                pol.citation("I-RATE"),
                {"located": located, "provided": provided},
            )
        )
        percent = schedule.percent(rate)
        steps.append(
            Step(
                "I-BAND",
                f"rate placed in whole-percent bands ({schedule.band_rounding.value})",
                f"{percent}%",
                pol.citation("I-BAND"),
                {"rate": format_percent(rate)},
            )
        )
        tier = schedule.tier_for_percent(percent)
        if tier is None:
            reason = (
                f"a location rate of {percent}% is below the lowest band ({schedule.lowest.band})"
            )
            steps.append(
                Step(
                    "I-BELOW",
                    reason,
                    "no award",
                    pol.citation("I-BELOW"),
                    {"percent": f"{percent}%"},
                )
            )
        else:
            reason = f"a location rate of {percent}% is in the {tier.band} band"
            steps.append(
                Step(
                    tier.rule_id,
                    f"band {tier.band} pays per eligible task force officer",
                    format_money(tier.amount),
                    pol.citation(tier.rule_id),
                    {"percent": f"{percent}%"},
                )
            )

    per_officer = tier.amount if tier is not None else ZERO
    amount = per_officer * officers
    if tier is not None:
        steps.append(
            Step(
                "I-HEAD",
                f"award = per-officer amount x eligible task force officers "
                f"({schedule.headcount.value})",
                format_money(amount),
                pol.citation("I-HEAD"),
                {"per_officer": format_money(per_officer), "officers": officers},
            )
        )
    explanation = Explanation(f"{q} performance award", format_money(amount), steps)
    return AwardResult(
        q,
        pol.name,
        pol.fingerprint,
        located,
        provided,
        officers,
        assistance_satisfactory,
        rate,
        percent,
        tier,
        per_officer,
        amount,
        reason,
        explanation,
    )
