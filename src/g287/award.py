"""The quarterly performance award (R-AWD and its tiers R-AWD-1 … R-AWD-3).

¶8, the paragraph that carries the award sentence in full: agencies "will be eligible for
quarterly monetary performance awards based on the successful location of illegal aliens
provided by ICE and overall assistance": 90%-100% earns $1,000, 80%-89% $750 and 70%-79% $500
"per eligible task force officer".

>>> from g287 import quarterly_award
>>> result = quarterly_award(located=45, provided=50, task_force_officers=12, quarter="FY2026 Q1")
>>> result.rate, result.tier.rule_id, result.amount
(Fraction(9, 10), 'R-AWD-1', Decimal('12000.00'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from . import html
from ._validators import Value, check_with, instance, of_type, to_bool, to_count, validator
from .announced import POLICY, policy_for
from .calendar import FiscalQuarter, to_quarter
from .errors import InvalidInputError
from .explain import Explanation, Step
from .money import (
    MAX_CENTS,
    MAX_MONEY,
    ZERO,
    cents,
    format_money,
    format_percent,
    from_cents,
    valid_money,
)
from .policy import AwardTier, NoLeads, Policy

__all__ = [
    "AwardResult",
    "award_in_cents",
    "award_tier",
    "check_leads",
    "location_rate",
    "quarterly_award",
]


def award_in_cents(per_officer: int, officers: int, field: str = "task_force_officers") -> int:
    """R-AWD: a tier's amount in cents times the officers counted, refused above
    :data:`~g287.money.MAX_MONEY` (the one check, used by :func:`~g287.quarterly_award` and the
    batch path)."""
    amount = per_officer * officers
    if amount > MAX_CENTS:
        raise InvalidInputError.about(
            field,
            officers,
            f"officers at {format_money(from_cents(per_officer))} would make an award above "
            f"{format_money(MAX_MONEY)}, the largest amount g287 accepts",
        )
    return amount


def check_leads(located: object, provided: object) -> tuple[int, int]:
    """I-RATE: a quarter's lead counts, checked: whole numbers, ``located <= provided``.

    The one check of lead counts, used by :func:`~g287.location_rate`,
    :func:`~g287.quarterly_award`, :class:`~g287.LeadReport` and the batch path.
    """
    located = to_count(located, "located")
    provided = to_count(provided, "provided")
    if located > provided:
        raise InvalidInputError(
            f"located: {located} is more than provided ({provided}); expected located <= provided",
            field="located",
            value=located,
        )
    return located, provided


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
    located, provided = check_leads(located, provided)
    if provided == 0:
        raise InvalidInputError(
            "provided: 0; a location rate needs at least one lead provided",
            field="provided",
            value=0,
        )
    return Fraction(located, provided)


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
    if type(policy) is not Policy:
        instance(policy, Policy, "policy", "a g287.Policy")
    return policy.tier_for_percent(policy.percent(rate))


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class AwardResult(Value):
    """The performance award of one quarter: its inputs, its figures and their explanation."""

    quarter: FiscalQuarter = attrs.field(
        metadata=check_with(of_type(FiscalQuarter, "a FiscalQuarter"))
    )
    #: The policy applied (its :attr:`~Policy.fingerprint` says which variant produced the award).
    policy: Policy = attrs.field(metadata=check_with(of_type(Policy, "a g287.Policy")), repr=False)
    located: int = attrs.field(metadata=check_with(validator(to_count)))
    provided: int = attrs.field(metadata=check_with(validator(to_count)))
    #: Eligible task force officers, counted per I-HEAD.
    task_force_officers: int = attrs.field(metadata=check_with(validator(to_count)))
    assistance_satisfactory: bool = attrs.field(metadata=check_with(validator(to_bool)))
    #: The location rate, or ``None`` when no leads were provided or assistance was unsatisfactory.
    rate: Fraction | None = attrs.field(
        metadata=check_with(attrs.validators.optional(of_type(Fraction, "a Fraction")))
    )
    #: The whole percent the rate was placed at under I-BAND, or ``None`` without a rate.
    percent: int | None = attrs.field(
        metadata=check_with(attrs.validators.optional(of_type(int, "a whole percent")))
    )
    tier: AwardTier | None = attrs.field(
        metadata=check_with(attrs.validators.optional(of_type(AwardTier, "an AwardTier")))
    )
    amount: Decimal = attrs.field(metadata=check_with(valid_money))

    @property
    def per_officer(self) -> Decimal:
        """The award per eligible task force officer (zero without a tier)."""
        return self.tier.amount if self.tier is not None else ZERO

    @property
    def policy_fingerprint(self) -> str:
        """The fingerprint of the policy applied."""
        return self.policy.fingerprint

    @property
    def reason(self) -> str:
        """Why the award is what it is, in a sentence."""
        if not self.assistance_satisfactory:
            return "ICE judged the agency's overall assistance unsatisfactory"
        if self.provided == 0:
            return "ICE provided no leads in the quarter, so there is no location rate"
        if self.tier is None:
            return (
                f"a location rate of {self.percent}% is below the lowest band "
                f"({self.policy.lowest_tier.band})"
            )
        return f"a location rate of {self.percent}% is in the {self.tier.band} band"

    @property
    def explanation(self) -> Explanation:
        """How the award was reached, rule by rule, with the quoted source."""
        return _explain(self)

    def __str__(self) -> str:
        return str(self.explanation)

    def as_row(self) -> dict[str, object]:
        """The result as one flat row of exact values (CSV, HTML, pandas)."""
        return {
            "quarter": str(self.quarter),
            "located": self.located,
            "provided": self.provided,
            "task_force_officers": self.task_force_officers,
            "assistance_satisfactory": self.assistance_satisfactory,
            "rate": self.rate,
            "percent": self.percent,
            "rule_id": self.tier.rule_id if self.tier else None,
            "per_officer": self.per_officer,
            "amount": self.amount,
            "reason": self.reason,
            "policy": self.policy.label,
        }

    def _repr_html_(self) -> str:
        return html.block(html.paragraph(self.reason, strong=True), self.explanation._repr_html_())


def quarterly_award(
    *,
    located: int,
    provided: int,
    task_force_officers: int,
    quarter: FiscalQuarter | str,
    policy: Policy | None = None,
    assistance_satisfactory: bool = True,
) -> AwardResult:
    """The performance award for one quarter (R-AWD), explained step by step.

    Args:
        located: leads the agency located in the quarter.
        provided: leads ICE provided in the quarter.
        task_force_officers: eligible task force officers, counted per I-HEAD.
        quarter: a :class:`FiscalQuarter` or its text, ``"FY2026 Q1"``.
        policy: the policy to apply; ``None`` for the one in force on the quarter's first day.
        assistance_satisfactory: ICE's judgement of overall assistance (I-ASSIST).

    Raises:
        InvalidTypeError, InvalidInputError: for a bad count or quarter, or (under the ``error``
            option of I-BELOW) a quarter with no leads.
        NotInEffectError: for a quarter before 2025-10-01 (R-EFF).

    >>> r = quarterly_award(located=41, provided=50, task_force_officers=4, quarter="FY2026 Q2")
    >>> r.amount, r.tier.band
    (Decimal('3000.00'), '80%-89%')
    """
    located, provided = check_leads(located, provided)
    officers = to_count(task_force_officers, "task_force_officers")
    satisfied = to_bool(assistance_satisfactory, "assistance_satisfactory")
    q = to_quarter(quarter)
    pol = policy_for(policy, q, "quarter")
    if provided == 0 and pol.no_leads is NoLeads.ERROR:
        raise InvalidInputError(
            f"provided: 0 in {q}; the policy's I-BELOW option 'error' refuses a quarter "
            "without leads",
            field="provided",
            value=0,
        )
    rate = percent = tier = None
    if satisfied and provided:
        rate = Fraction(located, provided)
        percent = pol.percent(rate)
        tier = pol.tier_for_percent(percent)
    amount = from_cents(award_in_cents(cents(tier.amount) if tier is not None else 0, officers))
    return AwardResult(
        quarter=q,
        policy=pol,
        located=located,
        provided=provided,
        task_force_officers=officers,
        assistance_satisfactory=satisfied,
        rate=rate,
        percent=percent,
        tier=tier,
        amount=amount,
    )


def _explain(result: AwardResult) -> Explanation:
    """The audit trail of an award, built from its inputs and figures."""
    q, pol, cite = result.quarter, result.policy, result.policy.citation
    steps = [
        Step(
            "R-EFF",
            f"{q} begins {q.start.isoformat()}, inside the policy period",
            "in force",
            cite("R-EFF"),
            {"quarter": q},
        ),
        Step(
            "R-AWD",
            "quarterly award on the location of the leads ICE provided and overall assistance",
            str(q),
            cite("R-AWD"),
            {"quarter": q},
        ),
    ]
    if not result.assistance_satisfactory:
        steps.append(
            Step(
                "I-ASSIST",
                result.reason,
                "no award",
                cite("I-ASSIST"),
                {"assistance_satisfactory": False},
            )
        )
    elif result.provided == 0:
        steps.append(Step("I-BELOW", result.reason, "no award", cite("I-BELOW"), {"provided": 0}))
    else:
        assert result.rate is not None  # with leads and satisfactory assistance there is a rate
        rate = format_percent(result.rate)
        percent = f"{result.percent}%"
        steps += [
            Step(
                "I-ASSIST",
                "overall assistance judged satisfactory",
                "eligible",
                cite("I-ASSIST"),
                {"assistance_satisfactory": True},
            ),
            Step(
                "I-RATE",
                "location rate = located / provided",
                f"{result.rate} ({rate})",
                cite("I-RATE"),
                {"located": result.located, "provided": result.provided},
            ),
            Step(
                "I-BAND",
                f"rate placed in whole-percent bands ({pol.band_rounding.value})",
                percent,
                cite("I-BAND"),
                {"rate": rate},
            ),
        ]
        if result.tier is None:
            steps.append(
                Step("I-BELOW", result.reason, "no award", cite("I-BELOW"), {"percent": percent})
            )
        else:
            steps += [
                Step(
                    result.tier.rule_id,
                    f"band {result.tier.band} pays per eligible task force officer",
                    format_money(result.tier.amount),
                    cite(result.tier.rule_id),
                    {"percent": percent},
                ),
                Step(
                    "I-HEAD",
                    "award = per-officer amount x eligible task force officers "
                    f"({pol.headcount.value})",
                    format_money(result.amount),
                    cite("I-HEAD"),
                    {
                        "per_officer": format_money(result.per_officer),
                        "officers": result.task_force_officers,
                    },
                ),
            ]
    return Explanation(
        f"{q} performance award", format_money(result.amount), steps, result.policy.label
    )
