"""The quarterly performance award (R-AWD): the location rate, the tiers and the explained result.

The wording of the award's audit trail is pinned in ``tests/test_golden.py``; here the figures,
the tiers and the rule ids are tested.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import (
    POLICY,
    AwardResult,
    BandRounding,
    FiscalQuarter,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    NotInEffectError,
    Policy,
    award_tier,
    location_rate,
    quarterly_award,
)
from g287.award import check_leads
from g287.money import cents
from strategies import chosen_policies, dec, fiscal_quarters, leads, officers, policies, rates

Q1 = "FY2026 Q1"

#: ¶8's award per eligible task force officer, in cents, by tier rule (none below the bands).
PUBLISHED_CENTS = {"R-AWD-1": 100_000, "R-AWD-2": 75_000, "R-AWD-3": 50_000, None: 0}

#: The policy in force from 2026-01-01 only (a variant that does not cover FY2026 Q1).
LATER = attrs.evolve(POLICY, effective_from=dt.date(2026, 1, 1))
#: The policy ended on 2026-09-30 (a variant that does not cover FY2027).
ENDED = attrs.evolve(POLICY, effective_until=dt.date(2026, 9, 30))


def chain_tier(rate: Fraction, rounding: BandRounding) -> str | None:
    """¶8's bands as a plain if/elif chain on exact fractions (the oracle for ``award_tier``).

    Truncating (the I-BAND default), a band starts at its whole percent exactly. Rounding to
    the nearest whole percent, it starts half a percent lower: 89.5% rounds to 90% whether
    halves go up or to the even percent, and so do 79.5% and 69.5%.
    """
    lower = Fraction(0) if rounding is BandRounding.TRUNCATE else Fraction(1, 200)
    if rate >= Fraction(90, 100) - lower:
        return "R-AWD-1"
    if rate >= Fraction(80, 100) - lower:
        return "R-AWD-2"
    if rate >= Fraction(70, 100) - lower:
        return "R-AWD-3"
    return None


def banded(rounding: BandRounding) -> Policy:
    return POLICY.choose("I-BAND", rounding.value)


def award(located: int, provided: int, officers: int = 1, **kw: Any) -> AwardResult:
    return quarterly_award(
        located=located, provided=provided, task_force_officers=officers, quarter=Q1, **kw
    )


def rule_of(result: AwardResult) -> str | None:
    return result.tier.rule_id if result.tier is not None else None


class TestLocationRate:
    def test_source_example(self) -> None:
        """I-RATE: 45 located of 50 provided is exactly 9/10, a Fraction, never a float."""
        rate = location_rate(located=45, provided=50)
        assert rate == Fraction(9, 10)
        assert type(rate) is Fraction

    @given(leads())
    def test_exact_fraction(self, pair: tuple[int, int]) -> None:
        """R-AWD, I-RATE: awards are “based on the successful location of illegal aliens
        provided by ICE” — the rate is located ÷ provided exactly, from 0 to 1."""
        located, provided = pair
        rate = location_rate(located=located, provided=provided)
        assert rate * provided == located
        assert 0 <= rate <= 1


class TestCheckLeads:
    def test_returns_the_counts(self) -> None:
        """Good counts come back as they were; a quarter without leads passes this check."""
        assert check_leads(45, 50) == (45, 50)
        assert check_leads(0, 0) == (0, 0)

    @pytest.mark.parametrize(
        ("located", "provided"),
        [(60, 50), (1, 0), (-1, 5), (1, -5), (True, 1), (1, 2.0), ("45", 50), (1, 10**9 + 1)],
    )
    def test_every_function_refuses_alike(self, located: Any, provided: Any) -> None:
        """I-RATE: location_rate and quarterly_award refuse bad lead counts with check_leads's
        own error: the same class, field, value and message."""
        with pytest.raises(G287Error) as checked:
            check_leads(located, provided)
        calls: list[Callable[[], object]] = [
            lambda: location_rate(located=located, provided=provided),
            lambda: award(located, provided),
        ]
        for call in calls:
            with pytest.raises(type(checked.value)) as refused:
                call()
            assert refused.value.field == checked.value.field
            assert refused.value.value == checked.value.value
            assert str(refused.value) == str(checked.value)


class TestAwardTier:
    @pytest.mark.parametrize(
        ("rate", "rule_id"),
        [
            (Fraction(1), "R-AWD-1"),
            (Fraction(9, 10), "R-AWD-1"),
            (Fraction(899, 1000), "R-AWD-2"),
            (Fraction(8, 10), "R-AWD-2"),
            (Fraction(799, 1000), "R-AWD-3"),
            (Fraction(7, 10), "R-AWD-3"),
            (Fraction(699, 1000), None),
            (Fraction(0), None),
            (1, "R-AWD-1"),
            (0, None),
        ],
    )
    def test_band_edges(self, rate: Fraction, rule_id: str | None) -> None:
        """R-AWD-1..3: 90%, 80% and 70% exactly reach their bands; a hair below does not."""
        tier = award_tier(rate)
        assert (tier.rule_id if tier else None) == rule_id

    def test_published_amounts(self) -> None:
        """R-AWD-1..3: “$1,000”, “$750” and “$500 per eligible task force officer”."""
        amounts = [award_tier(Fraction(p, 100)) for p in (90, 80, 70)]
        assert [t.amount if t else None for t in amounts] == [
            Decimal("1000.00"),
            Decimal("750.00"),
            Decimal("500.00"),
        ]

    @pytest.mark.parametrize(
        ("rounding", "rule_id"),
        [
            (BandRounding.TRUNCATE, "R-AWD-2"),
            (BandRounding.HALF_UP, "R-AWD-1"),
            (BandRounding.HALF_EVEN, "R-AWD-1"),
        ],
    )
    def test_89_5_percent(self, rounding: BandRounding, rule_id: str) -> None:
        """I-BAND: 89.5% truncates to 89% (R-AWD-2) by default; rounded, it is 90% (R-AWD-1)."""
        tier = award_tier(Fraction(179, 200), banded(rounding))
        assert tier is not None
        assert tier.rule_id == rule_id

    def test_default_policy_truncates(self) -> None:
        """I-BAND: without a policy award_tier uses POLICY, whose bands truncate."""
        assert award_tier(Fraction(179, 200)) == POLICY.tiers[1]

    def test_a_policy_subclass_is_a_policy(self) -> None:
        """A user's subclass of Policy is accepted like Policy itself."""

        @attrs.frozen(repr=False, eq=False)
        class LocalPolicy(Policy):
            pass

        fields = {f.name: getattr(POLICY, f.name) for f in attrs.fields(Policy) if f.init}
        tier = award_tier(Fraction(8, 10), LocalPolicy(**fields))
        assert tier == POLICY.tiers[1]

    @given(rates, st.sampled_from(BandRounding))
    def test_agrees_with_an_if_chain(self, rate: Fraction, rounding: BandRounding) -> None:
        """R-AWD-1..3: “90% - 100% - $1,000 per eligible task force officer”, “80% - 89% -
        $750 …”, “70% - 79% - $500 …” — under every I-BAND option the tier is the one a
        hand-written if/elif chain on the exact rate picks."""
        tier = award_tier(rate, banded(rounding))
        assert (tier.rule_id if tier else None) == chain_tier(rate, rounding)
        assert tier is None or tier in POLICY.tiers

    @given(rates, rates, st.sampled_from(BandRounding))
    def test_monotone_in_rate(self, a: Fraction, b: Fraction, rounding: BandRounding) -> None:
        """R-AWD: awards are “based on the successful location of illegal aliens provided by
        ICE” — under every I-BAND option a higher rate never earns less per officer."""
        low, high = sorted((a, b))
        policy = banded(rounding)
        tier_low, tier_high = award_tier(low, policy), award_tier(high, policy)
        assert (tier_low.amount if tier_low else 0) <= (tier_high.amount if tier_high else 0)


class TestQuarterlyAward:
    def test_top_tier(self) -> None:
        """R-AWD-1: 45 of 50 located is 90%: $1,000 for each of 12 officers, $12,000.00."""
        result = quarterly_award(located=45, provided=50, task_force_officers=12, quarter=Q1)
        assert result.rate == Fraction(9, 10)
        assert result.percent == 90
        assert result.tier == POLICY.tiers[0]
        assert result.per_officer == Decimal("1000.00")
        assert result.amount == Decimal("12000.00")

    def test_second_tier(self) -> None:
        """R-AWD-2: 41 of 50 is 82% in FY2026 Q2: $750 for each of 4 officers, $3,000.00."""
        result = quarterly_award(
            located=41, provided=50, task_force_officers=4, quarter="FY2026 Q2"
        )
        assert rule_of(result) == "R-AWD-2"
        assert result.per_officer == Decimal("750.00")
        assert result.amount == Decimal("3000.00")

    def test_third_tier(self) -> None:
        """R-AWD-3: 35 of 50 is 70%: $500 for each of 3 officers, $1,500.00."""
        result = award(35, 50, officers=3)
        assert rule_of(result) == "R-AWD-3"
        assert result.amount == Decimal("1500.00")

    def test_89_5_percent(self) -> None:
        """I-BAND: 179 of 200 (89.5%) earns $750 each by default, $1,000 each rounded half up."""
        assert award(179, 200, officers=12).amount == Decimal("9000.00")
        half_up = banded(BandRounding.HALF_UP)
        assert award(179, 200, officers=12, policy=half_up).amount == Decimal("12000.00")

    def test_quarter_as_object_or_text(self) -> None:
        """The quarter may be a FiscalQuarter or its text; both give the same result."""
        by_text = award(45, 50)
        by_object = quarterly_award(
            located=45, provided=50, task_force_officers=1, quarter=FiscalQuarter(2026, 1)
        )
        assert by_text == by_object
        assert by_text.quarter == FiscalQuarter(2026, 1)

    def test_variant_tier_amounts(self) -> None:
        """A variant's own per-officer amounts are what it pays."""
        tiers = tuple(attrs.evolve(t, amount=a) for t, a in zip(POLICY.tiers, "963", strict=True))
        richer = attrs.evolve(POLICY, tiers=tiers)
        amounts = [award(n, 50, officers=2, policy=richer).amount for n in (45, 40, 35, 30)]
        assert amounts == [Decimal("18.00"), Decimal("12.00"), Decimal("6.00"), Decimal("0.00")]

    @given(leads(), officers, fiscal_quarters, st.sampled_from(BandRounding))
    def test_amount_is_the_published_tier_times_officers(
        self, pair: tuple[int, int], n: int, quarter: FiscalQuarter, rounding: BandRounding
    ) -> None:
        """R-AWD-1..3: “$1,000”, “$750” or “$500 per eligible task force officer” — the award
        is the published amount of the rate's band times the officers, to the cent."""
        located, provided = pair
        result = quarterly_award(
            located=located,
            provided=provided,
            task_force_officers=n,
            quarter=quarter,
            policy=banded(rounding),
        )
        per_officer = PUBLISHED_CENTS[chain_tier(Fraction(located, provided), rounding)]
        assert cents(result.per_officer) == per_officer
        assert cents(result.amount) == per_officer * n
        assert result.amount == dec(per_officer * n)

    @given(leads(), officers, policies())
    def test_agrees_with_award_tier_under_any_variant(
        self, pair: tuple[int, int], n: int, policy: Policy
    ) -> None:
        """R-AWD: under any policy variant the award is award_tier's amount times the officers."""
        located, provided = pair
        result = award(located, provided, officers=n, policy=policy)
        tier = award_tier(Fraction(located, provided), policy)
        assert result.tier == tier
        assert cents(result.amount) == (cents(tier.amount) if tier else 0) * n

    @given(st.data(), chosen_policies())
    def test_monotone_in_located(self, data: st.DataObject, policy: Policy) -> None:
        """R-AWD: awards are “based on the successful location of illegal aliens provided by
        ICE” — under every I-BAND option, locating more of the same leads never earns less."""
        provided = data.draw(st.integers(1, 500), label="provided")
        a = data.draw(st.integers(0, provided), label="located")
        b = data.draw(st.integers(a, provided), label="more located")
        assert award(a, provided, officers=7, policy=policy).amount <= (
            award(b, provided, officers=7, policy=policy).amount
        )

    @given(leads(), chosen_policies())
    def test_no_officers_no_award(self, pair: tuple[int, int], policy: Policy) -> None:
        """R-AWD-1..3: the award is “per eligible task force officer” — with none it is zero,
        whatever the tier."""
        result = award(*pair, officers=0, policy=policy)
        assert result.amount == Decimal("0.00")
        assert result.tier == award_tier(Fraction(*pair), policy)


class TestBelowTheBands:
    def test_no_award_with_the_reason(self) -> None:
        """I-BELOW: 34 of 50 is 68%, below 70%: no award, and the reason names the lowest band."""
        result = award(34, 50, officers=10)
        assert (result.rate, result.percent, result.tier) == (Fraction(17, 25), 68, None)
        assert result.per_officer == result.amount == Decimal("0.00")
        assert "68%" in result.reason
        assert "70%-79%" in result.reason


class TestNoLeads:
    def test_no_award_by_default(self) -> None:
        """I-BELOW: a quarter in which ICE provided no leads has no rate and earns nothing."""
        result = award(0, 0, officers=12)
        assert (result.rate, result.percent, result.tier) == (None, None, None)
        assert result.amount == Decimal("0.00")
        assert "no leads" in result.reason

    def test_error_option_changes_nothing_with_leads(self) -> None:
        """I-BELOW 'error' refuses only quarters without leads; others are awarded as usual."""
        strict = POLICY.choose("I-BELOW", "error")
        assert award(45, 50, officers=12, policy=strict).amount == Decimal("12000.00")
        assert award(10, 50, officers=12, policy=strict).amount == Decimal("0.00")


class TestAssistance:
    def test_unsatisfactory_earns_nothing(self) -> None:
        """I-ASSIST: assistance judged unsatisfactory earns no award even at 100%, and no rate."""
        result = award(50, 50, officers=12, assistance_satisfactory=False)
        assert (result.rate, result.percent, result.tier) == (None, None, None)
        assert result.amount == Decimal("0.00")
        assert result.assistance_satisfactory is False
        assert "unsatisfactory" in result.reason

    @given(leads(), officers, chosen_policies())
    def test_unsatisfactory_never_pays(self, pair: tuple[int, int], n: int, policy: Policy) -> None:
        """R-AWD, I-ASSIST: awards rest on location “and overall assistance to further ICE’s
        mission to defend the homeland” — judged unsatisfactory, no rate or headcount pays."""
        result = award(*pair, officers=n, policy=policy, assistance_satisfactory=False)
        assert result.amount == 0
        assert result.tier is None


class TestEffectiveDate:
    def test_policy_in_force_by_default(self) -> None:
        """R-EFF: without a policy, the one in force on the quarter's first day applies."""
        assert award(45, 50).policy is POLICY

    def test_first_quarter_pays(self) -> None:
        """R-EFF: FY2026 Q1, beginning 2025-10-01, is the first quarter that earns an award."""
        result = award(45, 50)
        assert result.explanation.steps[0].rule_id == "R-EFF"
        assert result.amount == Decimal("1000.00")

    def test_variant_starting_later(self) -> None:
        """A variant in force from 2026-01-01 applies to FY2026 Q2 (and refuses Q1: see the
        refusals)."""
        result = quarterly_award(
            located=45, provided=50, task_force_officers=1, quarter="FY2026 Q2", policy=LATER
        )
        assert result.policy is LATER
        assert result.amount == Decimal("1000.00")

    @given(st.integers(min_value=1900, max_value=2025), st.integers(1, 4), chosen_policies())
    def test_nothing_before_fy2026(self, year: int, q: int, policy: Policy) -> None:
        """R-EFF: “Starting October 1, 2025, participating law enforcement will have these
        reimbursement opportunities:” — no earlier quarter earns an award, whichever policy."""
        quarter = FiscalQuarter(year, q)
        for given_policy in (None, policy):
            with pytest.raises(NotInEffectError, match=re.escape(f"{quarter}: ")):
                quarterly_award(
                    located=1,
                    provided=1,
                    task_force_officers=1,
                    quarter=quarter,
                    policy=given_policy,
                )


class TestExplanation:
    @pytest.mark.parametrize(
        ("located", "provided", "satisfactory", "rule_ids"),
        [
            (45, 50, True, ("R-EFF", "R-AWD", "I-ASSIST", "I-RATE", "I-BAND", "R-AWD-1", "I-HEAD")),
            (41, 50, True, ("R-EFF", "R-AWD", "I-ASSIST", "I-RATE", "I-BAND", "R-AWD-2", "I-HEAD")),
            (35, 50, True, ("R-EFF", "R-AWD", "I-ASSIST", "I-RATE", "I-BAND", "R-AWD-3", "I-HEAD")),
            (34, 50, True, ("R-EFF", "R-AWD", "I-ASSIST", "I-RATE", "I-BAND", "I-BELOW")),
            (0, 0, True, ("R-EFF", "R-AWD", "I-BELOW")),
            (45, 50, False, ("R-EFF", "R-AWD", "I-ASSIST")),
        ],
        ids=["R-AWD-1", "R-AWD-2", "R-AWD-3", "below", "no-leads", "unsatisfactory"],
    )
    def test_rule_ids(
        self, located: int, provided: int, rule_ids: tuple[str, ...], *, satisfactory: bool
    ) -> None:
        """Each kind of quarter names the rules it applied, in order."""
        result = award(located, provided, officers=12, assistance_satisfactory=satisfactory)
        assert result.explanation.rule_ids == rule_ids

    @pytest.mark.parametrize(
        ("located", "provided"), [(45, 50), (41, 50), (35, 50), (34, 50), (0, 0)]
    )
    def test_every_step_cites_the_policy(self, located: int, provided: int) -> None:
        """Each step cites its rule's passage (an interpretation: the passage it reads)."""
        result = award(located, provided, officers=2)
        for step in result.explanation.steps:
            assert step.citation == POLICY.citation(step.rule_id)

    @pytest.mark.parametrize(
        ("rounding", "percent"),
        [(BandRounding.TRUNCATE, 89), (BandRounding.HALF_UP, 90), (BandRounding.HALF_EVEN, 90)],
    )
    def test_trail_names_the_options_in_use(self, rounding: BandRounding, percent: int) -> None:
        """The I-BAND step names the rounding chosen and the percent 89.5% was placed at; the
        I-HEAD step names the headcount option."""
        policy = banded(rounding).choose("I-HEAD", "any-day")
        steps = {s.rule_id: s for s in award(179, 200, policy=policy).explanation.steps}
        assert rounding.value in steps["I-BAND"].text
        assert steps["I-BAND"].figure == f"{percent}%"
        assert "any-day" in steps["I-HEAD"].text


class TestAwardResult:
    def test_as_row(self) -> None:
        """``as_row`` is one flat row of the inputs and exact figures."""
        result = award(45, 50, officers=12)
        assert result.as_row() == {
            "quarter": "FY2026 Q1",
            "located": 45,
            "provided": 50,
            "task_force_officers": 12,
            "assistance_satisfactory": True,
            "rate": Fraction(9, 10),
            "percent": 90,
            "rule_id": "R-AWD-1",
            "per_officer": Decimal("1000.00"),
            "amount": Decimal("12000.00"),
            "reason": result.reason,
            "policy": POLICY.name,
        }

    def test_as_row_without_a_tier(self) -> None:
        """A quarter without an award has no rate, percent or rule id in its row."""
        result = award(45, 50, officers=12, assistance_satisfactory=False)
        row = result.as_row()
        assert (row["rate"], row["percent"], row["rule_id"]) == (None, None, None)
        assert row["per_officer"] == row["amount"] == Decimal("0.00")
        assert row["reason"] == result.reason

    def test_reason_names_the_band(self) -> None:
        """The reason of an award names the whole percent and its band."""
        reason = award(41, 50).reason
        assert "82%" in reason
        assert "80%-89%" in reason

    def test_policy_label_and_fingerprint(self) -> None:
        """A result holds the policy that produced it: its label names the variant's choices,
        and its fingerprint tells any two variants apart."""
        half_up = banded(BandRounding.HALF_UP)
        default, variant = award(45, 50), award(45, 50, policy=half_up)
        assert (default.policy.label, default.policy_fingerprint) == (
            POLICY.name,
            POLICY.fingerprint,
        )
        assert (variant.policy.label, variant.policy_fingerprint) == (
            f"{POLICY.name} [I-BAND=half-up]",
            half_up.fingerprint,
        )
        assert variant.policy_fingerprint != default.policy_fingerprint
        assert "[I-BAND=half-up]" in str(variant.explanation)

    def test_str_is_the_explanation(self) -> None:
        """``str`` of a result is its audit trail."""
        result = award(45, 50, officers=12)
        assert str(result) == str(result.explanation)

    def test_html_shows_reason_and_rules_escaped(self) -> None:
        """The notebook view shows the reason and every rule id, with text HTML-escaped."""
        result = award(45, 50, officers=12, assistance_satisfactory=False)
        html = result._repr_html_()
        assert "agency&#x27;s overall assistance" in html
        assert "agency's" not in html
        for rule_id in result.explanation.rule_ids:
            assert f"<td>{rule_id}</td>" in html


def call(function: Callable[..., object], *args: object, **kwargs: object) -> Callable[[], object]:
    """``function`` with these arguments, to be called later (whatever their annotations say)."""
    return lambda: function(*args, **kwargs)


#: Good arguments of quarterly_award, for a refusal to change one of.
ARGS: dict[str, object] = {"located": 1, "provided": 2, "task_force_officers": 1, "quarter": Q1}
NO_LEADS_ERROR = POLICY.choose("I-BELOW", "error")


def award_with(**changes: object) -> Callable[[], object]:
    """quarterly_award with good arguments but for these changes, to be called later."""
    return call(quarterly_award, **ARGS | changes)


REFUSALS = [
    # I-RATE: counts are whole numbers, located <= provided; a rate needs a lead
    (call(location_rate, located=60, provided=50), InvalidInputError, "located: 60 ", "located"),
    (call(location_rate, located=0, provided=0), InvalidInputError, "provided: 0", "provided"),
    (call(location_rate, located=-1, provided=5), InvalidInputError, "located: -1 ", "located"),
    (call(location_rate, located=1, provided=-5), InvalidInputError, "provided: -5 ", "provided"),
    (call(location_rate, located=True, provided=1), InvalidTypeError, "located: True ", "located"),
    (call(location_rate, located=4, provided=5.0), InvalidTypeError, "provided: 5.0 ", "provided"),
    (call(check_leads, 1.5, 2), InvalidTypeError, "located: 1.5 ", "located"),
    # award_tier: a rate is a Fraction (or 0 or 1) from 0 to 1, the policy a Policy
    (call(award_tier, 0.9), InvalidTypeError, "rate: 0.9 ", "rate"),
    (call(award_tier, True), InvalidTypeError, "rate: True ", "rate"),
    (
        call(award_tier, Decimal("0.9")),
        InvalidTypeError,
        re.escape("rate: Decimal('0.9') "),
        "rate",
    ),
    (
        call(award_tier, Fraction(11, 10)),
        InvalidInputError,
        re.escape("rate: Fraction(11, 10) "),
        "rate",
    ),
    (call(award_tier, -1), InvalidInputError, "rate: -1 ", "rate"),
    (call(award_tier, Fraction(1), "POLICY"), InvalidTypeError, "policy: 'POLICY' ", "policy"),
    # quarterly_award
    (award_with(located=60), InvalidInputError, "located: 60 ", "located"),
    (award_with(provided=0), InvalidInputError, "located: 1 ", "located"),
    (
        award_with(task_force_officers=-1),
        InvalidInputError,
        "task_force_officers: -1 ",
        "task_force_officers",
    ),
    (
        award_with(task_force_officers=10**9 + 1),
        InvalidInputError,
        "task_force_officers: 1000000001 ",
        "task_force_officers",
    ),
    (
        # $1,000 x 10**9 officers is $10**12: more than any amount g287 holds
        award_with(located=45, provided=50, task_force_officers=10**9),
        InvalidInputError,
        r"task_force_officers: 1000000000 officers at \$1,000\.00 would make an award above",
        "task_force_officers",
    ),
    (
        award_with(task_force_officers=True),
        InvalidTypeError,
        "task_force_officers: True ",
        "task_force_officers",
    ),
    (
        award_with(task_force_officers=12.0),
        InvalidTypeError,
        "task_force_officers: 12.0 ",
        "task_force_officers",
    ),
    (
        award_with(assistance_satisfactory=1),
        InvalidTypeError,
        "assistance_satisfactory: 1 ",
        "assistance_satisfactory",
    ),
    (award_with(quarter=2026), InvalidTypeError, "quarter: 2026 ", "quarter"),
    (award_with(quarter="FY2026 Q5"), InvalidInputError, "'FY2026 Q5'", None),
    (award_with(policy="POLICY"), InvalidTypeError, "policy: 'POLICY' ", "policy"),
    # I-BELOW option 'error': a quarter without leads is refused, naming the quarter
    (
        award_with(located=0, provided=0, policy=NO_LEADS_ERROR),
        InvalidInputError,
        "provided: 0 in FY2026 Q1",
        "provided",
    ),
    # R-EFF: nothing before 2025-10-01, whether the policy in force is looked up or given
    (award_with(quarter="FY2025 Q4"), NotInEffectError, r"FY2025 Q4: .*\(R-EFF\)", None),
    (
        award_with(quarter="FY2025 Q4", policy=POLICY),
        NotInEffectError,
        r"FY2025 Q4: .*\(R-EFF\)",
        None,
    ),
    (award_with(policy=LATER), NotInEffectError, "FY2026 Q1: .*2026-01-01", None),
    (
        award_with(quarter="FY2027 Q1", policy=ENDED),
        NotInEffectError,
        "FY2027 Q1: .*2026-09-30",
        None,
    ),
]


@pytest.mark.parametrize(("attempt", "error", "match", "field"), REFUSALS)
def test_refusals(
    attempt: Callable[[], object], error: type[G287Error], match: str, field: str | None
) -> None:
    """Each bad input is refused with its documented error, naming the field and the value."""
    with pytest.raises(error, match=match) as info:
        attempt()
    if field is not None:
        assert info.value.field == field
