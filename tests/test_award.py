"""The quarterly performance award: location rate, bands, tiers, and the explained result."""

from __future__ import annotations

import datetime as dt
import pickle
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
    AwardTier,
    BandRounding,
    Citation,
    Explanation,
    FiscalQuarter,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    NotInEffectError,
    Policy,
    Step,
    award_tier,
    location_rate,
    quarterly_award,
)
from strategies import (
    chosen_policies,
    counts,
    dec,
    fiscal_quarters,
    leads,
    officers,
    policies,
    provided_counts,
    rates,
    with_tier_amounts,
)

Q1 = "FY2026 Q1"

#: The published tiers as (whole-percent threshold, cents per officer), highest first (¶8).
PUBLISHED = [(90, 100_000), (80, 75_000), (70, 50_000)]


def oracle_cents(located: int, provided: int, rounding: BandRounding) -> int:
    """Cents per officer, from integer comparisons only (no Fraction, no code under test).

    Truncating, a rate reaches T% when 100·located >= T·provided. Rounding to the nearest
    percent (halves up or to even), it reaches T% when the rate is at least (T - ½)%, that is
    200·located >= (2T - 1)·provided; (T - ½) always rounds up to T because T - 1 is odd for
    every published threshold (69, 79, 89).
    """
    for threshold, per_officer in PUBLISHED:
        if rounding is BandRounding.TRUNCATE:
            reached = 100 * located >= threshold * provided
        else:
            reached = 200 * located >= (2 * threshold - 1) * provided
        if reached:
            return per_officer
    return 0


def oracle_percent(located: int, provided: int, rounding: BandRounding) -> int:
    """The whole percent of located/provided under each I-BAND option, by integer division."""
    whole, rest = divmod(100 * located, provided)
    if rounding is BandRounding.TRUNCATE or 2 * rest < provided:
        return whole
    if 2 * rest > provided or rounding is BandRounding.HALF_UP:
        return whole + 1
    return whole + whole % 2  # an exact half goes to the even percent


def banded(rounding: BandRounding) -> Policy:
    return POLICY.choose("I-BAND", rounding.value)


def award(located: int, provided: int, officers: int = 1, **kw: Any) -> AwardResult:
    return quarterly_award(located=located, provided=provided, officers=officers, quarter=Q1, **kw)


class TestLocationRate:
    def test_example(self) -> None:
        """I-RATE: 45 located of 50 provided is exactly 9/10."""
        assert location_rate(located=45, provided=50) == Fraction(9, 10)

    @given(leads())
    def test_exact_fraction(self, pair: tuple[int, int]) -> None:
        """I-RATE: the rate is located ÷ provided as an exact Fraction between 0 and 1."""
        located, provided = pair
        rate = location_rate(located=located, provided=provided)
        assert type(rate) is Fraction
        assert rate * provided == located
        assert 0 <= rate <= 1

    def test_located_above_provided(self) -> None:
        """More located than provided is invalid input, naming both counts."""
        with pytest.raises(InvalidInputError, match=r"located: 60 is more than provided \(50\)"):
            location_rate(located=60, provided=50)

    def test_no_leads(self) -> None:
        """A rate of nothing provided is undefined."""
        with pytest.raises(InvalidInputError, match="provided: 0"):
            location_rate(located=0, provided=0)

    @pytest.mark.parametrize(("located", "provided"), [(-1, 50), (5, -1)])
    def test_negative(self, located: int, provided: int) -> None:
        """Negative counts are invalid input."""
        with pytest.raises(InvalidInputError, match="negative"):
            location_rate(located=located, provided=provided)

    @pytest.mark.parametrize(
        ("located", "provided"), [(True, 1), (1, True), (45.0, 50), (45, 50.0), ("45", 50)]
    )
    def test_non_int(self, located: Any, provided: Any) -> None:
        """Counts are ints: a bool, float or str is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="expected a whole number"):
            location_rate(located=located, provided=provided)


class TestAwardTierExamples:
    @pytest.mark.parametrize(
        ("rate", "rule_id"),
        [
            (Fraction(1), "R-AWD-1"),
            (Fraction(9, 10), "R-AWD-1"),
            (Fraction(899, 1000), "R-AWD-2"),
            (Fraction(89, 100), "R-AWD-2"),
            (Fraction(8, 10), "R-AWD-2"),
            (Fraction(799, 1000), "R-AWD-3"),
            (Fraction(7, 10), "R-AWD-3"),
            (Fraction(699, 1000), None),
            (Fraction(69, 100), None),
            (Fraction(0), None),
            (1, "R-AWD-1"),
            (0, None),
        ],
    )
    def test_band_edges(self, rate: Fraction | int, rule_id: str | None) -> None:
        """R-AWD-1..3: 90%, 80% and 70% exactly reach their bands; a hair below does not."""
        tier = award_tier(rate)  # type: ignore[arg-type]
        assert (tier.rule_id if tier else None) == rule_id

    @pytest.mark.parametrize(
        ("rate", "amount"),
        [(Fraction(9, 10), "1000.00"), (Fraction(8, 10), "750.00"), (Fraction(7, 10), "500.00")],
    )
    def test_published_amounts(self, rate: Fraction, amount: str) -> None:
        """R-AWD-1..3: “$1,000”, “$750” and “$500 per eligible task force officer”."""
        tier = award_tier(rate)
        assert tier is not None
        assert str(tier.amount) == amount

    @pytest.mark.parametrize(
        ("rate", "error"),
        [
            (0.9, InvalidTypeError),
            (True, InvalidTypeError),
            (False, InvalidTypeError),
            (Decimal("0.9"), InvalidTypeError),
            ("9/10", InvalidTypeError),
            (None, InvalidTypeError),
            (Fraction(11, 10), InvalidInputError),
            (Fraction(-1, 10), InvalidInputError),
            (2, InvalidInputError),
            (-1, InvalidInputError),
        ],
    )
    def test_refuses_bad_rates(self, rate: Any, error: type[G287Error]) -> None:
        """A rate must be a Fraction (or 0/1) from 0 to 1; floats and bools are refused."""
        with pytest.raises(error, match="rate"):
            award_tier(rate)


class TestAwardTierProperties:
    @given(rates, st.sampled_from(BandRounding))
    def test_matches_integer_oracle(self, rate: Fraction, rounding: BandRounding) -> None:
        """R-AWD-1: “90% - 100% - $1,000 per eligible task force officer”; R-AWD-2:
        “80% - 89% - $750 per eligible task force officer”; R-AWD-3: “70% - 79% - $500 per
        eligible task force officer” — under every I-BAND option."""
        tier = award_tier(rate, banded(rounding))
        got = 0 if tier is None else int(tier.amount * 100)
        assert got == oracle_cents(rate.numerator, rate.denominator, rounding)

    @given(rates, st.sampled_from(BandRounding))
    def test_percent_matches_oracle(self, rate: Fraction, rounding: BandRounding) -> None:
        """I-BAND: the whole percent is truncated, or rounded half up or half even, exactly."""
        percent = banded(rounding).award_schedule.percent(rate)
        assert percent == oracle_percent(rate.numerator, rate.denominator, rounding)

    @given(rates, rates)
    def test_monotone_in_rate(self, a: Fraction, b: Fraction) -> None:
        """R-AWD: awards are “based on the successful location of illegal aliens provided by
        ICE” — a higher location rate never earns less per officer."""
        low, high = sorted((a, b))
        tier_low, tier_high = award_tier(low), award_tier(high)
        amount_low = tier_low.amount if tier_low else Decimal(0)
        amount_high = tier_high.amount if tier_high else Decimal(0)
        assert amount_low <= amount_high


class TestBandRounding:
    @pytest.mark.parametrize(
        ("located", "provided", "rounding", "percent", "rule_id"),
        [
            # 89.5%: truncating it is 89%; rounding (half up, or half to even 90) it is 90%
            (179, 200, BandRounding.TRUNCATE, 89, "R-AWD-2"),
            (179, 200, BandRounding.HALF_UP, 90, "R-AWD-1"),
            (179, 200, BandRounding.HALF_EVEN, 90, "R-AWD-1"),
            # 89.4% is 89% whichever way
            (447, 500, BandRounding.TRUNCATE, 89, "R-AWD-2"),
            (447, 500, BandRounding.HALF_UP, 89, "R-AWD-2"),
            (447, 500, BandRounding.HALF_EVEN, 89, "R-AWD-2"),
            # 88.5%: half up is 89%, half even is 88%
            (177, 200, BandRounding.TRUNCATE, 88, "R-AWD-2"),
            (177, 200, BandRounding.HALF_UP, 89, "R-AWD-2"),
            (177, 200, BandRounding.HALF_EVEN, 88, "R-AWD-2"),
            # 89.6% (the DESIGN example): truncated 89%, rounded 90%
            (448, 500, BandRounding.TRUNCATE, 89, "R-AWD-2"),
            (448, 500, BandRounding.HALF_UP, 90, "R-AWD-1"),
            (448, 500, BandRounding.HALF_EVEN, 90, "R-AWD-1"),
            # 69.5%: below every band truncated, R-AWD-3 rounded
            (139, 200, BandRounding.TRUNCATE, 69, None),
            (139, 200, BandRounding.HALF_UP, 70, "R-AWD-3"),
            (139, 200, BandRounding.HALF_EVEN, 70, "R-AWD-3"),
            # 79.5%
            (159, 200, BandRounding.TRUNCATE, 79, "R-AWD-3"),
            (159, 200, BandRounding.HALF_UP, 80, "R-AWD-2"),
            (159, 200, BandRounding.HALF_EVEN, 80, "R-AWD-2"),
            # 99.95% never rounds past 100%
            (1999, 2000, BandRounding.HALF_UP, 100, "R-AWD-1"),
            (1999, 2000, BandRounding.TRUNCATE, 99, "R-AWD-1"),
            # 0.5%: half up 1%, half even 0%
            (1, 200, BandRounding.HALF_UP, 1, None),
            (1, 200, BandRounding.HALF_EVEN, 0, None),
        ],
    )
    def test_documented_cases(
        self,
        located: int,
        provided: int,
        rounding: BandRounding,
        percent: int,
        rule_id: str | None,
    ) -> None:
        """I-BAND: each option places the rate in the whole-percent band DESIGN §2 says."""
        result = award(located, provided, policy=banded(rounding))
        assert result.percent == percent
        assert (result.tier.rule_id if result.tier else None) == rule_id
        band_step = next(s for s in result.explanation.steps if s.rule_id == "I-BAND")
        assert band_step.figure == f"{percent}%"
        assert rounding.value in band_step.text

    def test_default_is_truncate(self) -> None:
        """I-BAND default: 89.6% truncates to 89% and earns $750, as if “rate >= 90%”."""
        result = award(448, 500)
        assert result.percent == 89
        assert result.per_officer == Decimal("750.00")

    def test_half_even_differs_from_half_up_at_a_band_edge(self) -> None:
        """With a band starting at an odd percent, half-even and half-up place 88.5% apart."""
        tiers = (
            AwardTier("R-AWD-1", 89, 100, "1000"),
            AwardTier("R-AWD-2", 80, 88, "750"),
            AwardTier("R-AWD-3", 70, 79, "500"),
        )
        odd = attrs.evolve(POLICY, award_schedule=attrs.evolve(POLICY.award_schedule, tiers=tiers))
        half_up = odd.choose("I-BAND", "half-up")
        half_even = odd.choose("I-BAND", "half-even")
        assert award(177, 200, policy=half_up).amount == Decimal("1000.00")
        assert award(177, 200, policy=half_even).amount == Decimal("750.00")
        assert award_tier(Fraction(177, 200), half_up) is tiers[0]
        assert award_tier(Fraction(177, 200), half_even) is tiers[1]


class TestQuarterlyAwardExamples:
    def test_source_numbers(self) -> None:
        """R-AWD-1: 45 of 50 located is 9/10, 90%, $1,000 each for 12 officers: $12,000.00."""
        result = quarterly_award(located=45, provided=50, officers=12, quarter="FY2026 Q1")
        assert result.rate == Fraction(9, 10)
        assert result.percent == 90
        assert result.tier is POLICY.award_schedule.tiers[0]
        assert result.tier.rule_id == "R-AWD-1"
        assert result.per_officer == Decimal("1000.00")
        assert result.amount == Decimal("12000.00")
        assert str(result.amount) == "12000.00"
        assert result.quarter == FiscalQuarter(2026, 1)
        assert result.policy_name == POLICY.name
        assert "90%-100%" in result.reason

    def test_second_tier(self) -> None:
        """R-AWD-2: 41 of 50 is 82%, $750 each for 4 officers: $3,000.00."""
        result = quarterly_award(located=41, provided=50, officers=4, quarter="FY2026 Q2")
        assert (result.tier.rule_id if result.tier else None) == "R-AWD-2"
        assert str(result.amount) == "3000.00"

    def test_third_tier(self) -> None:
        """R-AWD-3: 35 of 50 is 70%, $500 each for 3 officers: $1,500.00."""
        result = award(35, 50, officers=3)
        assert (result.tier.rule_id if result.tier else None) == "R-AWD-3"
        assert str(result.amount) == "1500.00"

    def test_below_the_lowest_band(self) -> None:
        """I-BELOW: 34 of 50 is 68%, below 70%: no award, and the reason says so."""
        result = award(34, 50, officers=10)
        assert result.tier is None
        assert result.amount == Decimal("0.00")
        assert str(result.amount) == "0.00"
        assert result.per_officer == Decimal("0.00")
        assert result.rate == Fraction(17, 25)
        assert result.percent == 68
        assert "below the lowest band (70%-79%)" in result.reason

    def test_quarter_object(self) -> None:
        """The quarter may be given as a FiscalQuarter."""
        result = quarterly_award(located=9, provided=10, officers=1, quarter=FiscalQuarter(2026, 3))
        assert result.quarter == FiscalQuarter(2026, 3)

    def test_no_officers(self) -> None:
        """A tier with no eligible officers pays zero, still naming the tier."""
        result = award(45, 50, officers=0)
        assert result.tier is not None
        assert str(result.amount) == "0.00"


class TestQuarterlyAwardProperties:
    @given(leads(), officers, fiscal_quarters, st.sampled_from(BandRounding))
    def test_matches_integer_oracle(
        self,
        pair: tuple[int, int],
        n_officers: int,
        quarter: FiscalQuarter,
        rounding: BandRounding,
    ) -> None:
        """R-AWD-1: “90% - 100% - $1,000 per eligible task force officer”; R-AWD-2:
        “80% - 89% - $750 per eligible task force officer”; R-AWD-3: “70% - 79% - $500 per
        eligible task force officer” — the amount is the integer oracle times the officers."""
        located, provided = pair
        result = quarterly_award(
            located=located,
            provided=provided,
            officers=n_officers,
            quarter=quarter,
            policy=banded(rounding),
        )
        per_officer = oracle_cents(located, provided, rounding)
        assert result.per_officer == dec(per_officer)
        assert result.amount == dec(per_officer * n_officers)
        assert result.amount.as_tuple().exponent == -2
        assert result.rate == Fraction(located, provided)
        assert result.percent == oracle_percent(located, provided, rounding)

    @given(provided_counts, st.data(), chosen_policies())
    def test_monotone_in_located(self, provided: int, data: st.DataObject, policy: Policy) -> None:
        """R-AWD: “based on the successful location of illegal aliens provided by ICE” —
        locating more of the same leads never earns less."""
        a = data.draw(st.integers(0, provided), label="a")
        b = data.draw(st.integers(a, provided), label="b")
        less = award(a, provided, officers=7, policy=policy)
        more = award(b, provided, officers=7, policy=policy)
        assert less.amount <= more.amount

    @given(leads(), officers, officers)
    def test_linear_in_officers(self, pair: tuple[int, int], a: int, b: int) -> None:
        """R-AWD: the award is “per eligible task force officer”, so it adds over officers."""
        located, provided = pair
        together = award(located, provided, officers=a + b).amount
        apart = (
            award(located, provided, officers=a).amount
            + award(located, provided, officers=b).amount
        )
        assert together == apart
        assert award(located, provided, officers=0).amount == 0

    @given(leads(), officers, policies())
    def test_amount_is_per_officer_times_officers(
        self, pair: tuple[int, int], n_officers: int, policy: Policy
    ) -> None:
        """Under any policy variant the amount is the tier's amount times the officers."""
        located, provided = pair
        result = award(located, provided, officers=n_officers, policy=policy)
        expected_tier = award_tier(Fraction(located, provided), policy)
        assert result.tier == expected_tier
        per_officer = expected_tier.amount if expected_tier else Decimal("0.00")
        assert result.per_officer == per_officer
        assert result.amount == per_officer * n_officers

    @given(leads(), st.integers(min_value=0, max_value=10**9))
    def test_huge_but_plausible_counts_stay_exact(self, pair: tuple[int, int], n: int) -> None:
        """Up to a billion officers the amount is exact to the cent."""
        located, provided = pair
        result = award(located, provided, officers=n)
        assert result.amount == dec(oracle_cents(located, provided, BandRounding.TRUNCATE) * n)

    def test_amount_too_large_to_be_exact_is_not_rounded_silently(self) -> None:
        """An officer count so large the amount cannot be exact is refused, never rounded."""
        n = 10**27 + 1
        try:
            result = award(8, 10, officers=n)
        except G287Error:
            return
        assert result.amount == Decimal(750 * n)
        assert result.amount.as_tuple().exponent == -2


class TestAssistance:
    def test_unsatisfactory_earns_nothing(self) -> None:
        """I-ASSIST: unsatisfactory overall assistance earns no award, whatever the rate."""
        result = award(50, 50, officers=12, assistance_satisfactory=False)
        assert result.amount == Decimal("0.00")
        assert result.tier is None
        assert result.rate is None
        assert result.percent is None
        assert result.assistance_satisfactory is False
        assert "assistance" in result.reason
        assert "unsatisfactory" in result.reason
        assert result.explanation.rule_ids == ("R-EFF", "R-AWD", "I-ASSIST")
        assert result.explanation.figure == "$0.00"

    @given(leads(), counts)
    def test_unsatisfactory_never_pays(self, pair: tuple[int, int], n_officers: int) -> None:
        """R-AWD and I-ASSIST: awards rest on location “and overall assistance to further ICE’s
        mission” — with assistance judged unsatisfactory no rate and no headcount earns
        anything."""
        located, provided = pair
        result = award(located, provided, officers=n_officers, assistance_satisfactory=False)
        assert result.amount == 0
        assert result.tier is None

    @pytest.mark.parametrize("value", [1, 0, "yes", None])
    def test_must_be_a_bool(self, value: Any) -> None:
        """The assistance judgement is True or False, nothing truthy."""
        with pytest.raises(InvalidTypeError, match="assistance_satisfactory"):
            award(45, 50, assistance_satisfactory=value)


class TestNoLeads:
    def test_no_award_by_default(self) -> None:
        """I-BELOW default: a quarter with no leads provided earns nothing, reason stated."""
        result = award(0, 0, officers=12)
        assert result.amount == Decimal("0.00")
        assert result.tier is None
        assert result.rate is None
        assert result.percent is None
        assert "no leads" in result.reason
        assert result.explanation.rule_ids == ("R-EFF", "R-AWD", "I-BELOW")

    def test_error_option(self) -> None:
        """I-BELOW 'error': a quarter with no leads is refused as invalid input."""
        strict = POLICY.choose("I-BELOW", "error")
        with pytest.raises(InvalidInputError, match=r"provided: 0 in FY2026 Q1.*I-BELOW"):
            award(0, 0, officers=12, policy=strict)

    def test_error_option_with_leads_is_normal(self) -> None:
        """I-BELOW 'error' changes nothing for a quarter that had leads."""
        strict = POLICY.choose("I-BELOW", "error")
        assert award(45, 50, officers=12, policy=strict).amount == Decimal("12000.00")
        assert award(10, 50, officers=12, policy=strict).amount == Decimal("0.00")

    def test_located_without_leads_is_invalid(self) -> None:
        """Locating people when none were provided is invalid input, not a no-leads quarter."""
        with pytest.raises(InvalidInputError, match="more than provided"):
            award(1, 0)


class TestQuarterlyAwardInputs:
    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            ({"located": 60, "provided": 50}, InvalidInputError, r"located: 60 .* \(50\)"),
            ({"located": -1}, InvalidInputError, "located: -1 is negative"),
            ({"provided": -5}, InvalidInputError, "provided: -5 is negative"),
            ({"officers": -1}, InvalidInputError, "officers: -1 is negative"),
            ({"officers": True}, InvalidTypeError, "officers: True is a bool"),
            ({"officers": 12.0}, InvalidTypeError, "officers: 12.0 is a float"),
            ({"located": 45.0}, InvalidTypeError, "located: 45.0 is a float"),
            ({"provided": "50"}, InvalidTypeError, "provided: '50' is a str"),
            ({"quarter": 2026}, InvalidTypeError, "quarter: 2026 is a int"),
            ({"quarter": "FY2026 Q5"}, InvalidInputError, "quarter must be 1-4"),
            ({"quarter": "2026Q1"}, InvalidInputError, "Invalid fiscal quarter"),
            ({"policy": "POLICY"}, InvalidTypeError, "expected a g287.Policy"),
        ],
    )
    def test_refused(self, kwargs: dict[str, Any], error: type[G287Error], match: str) -> None:
        """Each bad input is refused with the documented error, naming field and value."""
        args: dict[str, Any] = {"located": 45, "provided": 50, "officers": 12, "quarter": Q1}
        args.update(kwargs)
        with pytest.raises(error, match=match):
            quarterly_award(**args)


class TestEffectiveDate:
    def test_quarter_before_fy2026(self) -> None:
        """R-EFF: FY2025 Q4 (July-September 2025) is before the policy: nothing is payable."""
        with pytest.raises(NotInEffectError, match="2025-07-01"):
            quarterly_award(located=45, provided=50, officers=12, quarter="FY2025 Q4")

    def test_quarter_before_fy2026_with_explicit_policy(self) -> None:
        """R-EFF: giving the policy explicitly does not make it apply before 2025-10-01."""
        with pytest.raises(NotInEffectError, match=r"FY2025 Q4.*R-EFF"):
            quarterly_award(
                located=45, provided=50, officers=12, quarter="FY2025 Q4", policy=POLICY
            )

    @given(st.integers(min_value=1900, max_value=2025), st.integers(1, 4), chosen_policies())
    def test_no_quarter_before_fy2026(self, year: int, q: int, policy: Policy) -> None:
        """R-EFF: “Starting October 1, 2025” — no earlier quarter earns an award."""
        quarter = FiscalQuarter(year, q)
        with pytest.raises(NotInEffectError):
            quarterly_award(located=1, provided=1, officers=1, quarter=quarter)
        with pytest.raises(NotInEffectError):
            quarterly_award(located=1, provided=1, officers=1, quarter=quarter, policy=policy)

    def test_first_quarter_in_force(self) -> None:
        """R-EFF: FY2026 Q1, beginning 2025-10-01, is the first quarter that pays."""
        result = award(45, 50)
        step = result.explanation.steps[0]
        assert step.rule_id == "R-EFF"
        assert "2025-10-01" in step.text

    def test_variant_starting_later(self) -> None:
        """A variant in force from 2026-01-01 refuses FY2026 Q1 but applies to FY2026 Q2."""
        later = attrs.evolve(POLICY, effective_from=dt.date(2026, 1, 1))
        with pytest.raises(NotInEffectError, match="FY2026 Q1"):
            award(45, 50, policy=later)
        result = quarterly_award(
            located=45, provided=50, officers=1, quarter="FY2026 Q2", policy=later
        )
        assert result.amount == Decimal("1000.00")

    def test_variant_that_has_ended(self) -> None:
        """A variant that ended on 2026-09-30 refuses FY2027 Q1."""
        ended = attrs.evolve(POLICY, effective_until=dt.date(2026, 9, 30))
        with pytest.raises(NotInEffectError, match="2026-09-30"):
            quarterly_award(located=1, provided=1, officers=1, quarter="FY2027 Q1", policy=ended)


class TestVariants:
    def test_other_tier_amounts(self) -> None:
        """A variant's own per-officer amounts are what it pays."""
        richer = with_tier_amounts(POLICY, "1200", "900", "600")
        assert award(45, 50, officers=12, policy=richer).amount == Decimal("14400.00")
        assert award(40, 50, officers=12, policy=richer).amount == Decimal("10800.00")
        assert award(35, 50, officers=12, policy=richer).amount == Decimal("7200.00")
        tier = award_tier(Fraction(9, 10), richer)
        assert tier is not None
        assert tier.amount == Decimal("1200.00")

    def test_half_up_variant(self) -> None:
        """I-BAND 'half-up': 89.5% (179/200) earns R-AWD-1."""
        half_up = POLICY.choose("I-BAND", "half-up")
        result = award(179, 200, officers=12, policy=half_up)
        assert result.amount == Decimal("12000.00")
        assert award_tier(Fraction(179, 200), half_up) == POLICY.award_schedule.tiers[0]

    def test_headcount_option_is_explained(self) -> None:
        """I-HEAD: the step multiplying by officers names the headcount option in use."""
        any_day = POLICY.choose("I-HEAD", "any-day")
        last = award(45, 50, officers=12).explanation.steps[-1]
        other = award(45, 50, officers=12, policy=any_day).explanation.steps[-1]
        assert last.rule_id == other.rule_id == "I-HEAD"
        assert "last-day" in last.text
        assert "any-day" in other.text


class TestExplanation:
    def test_rule_ids_in_order(self) -> None:
        """An award names its rules in the order they applied, ending with the tier and I-HEAD."""
        result = award(45, 50, officers=12)
        assert result.explanation.rule_ids == (
            "R-EFF",
            "R-AWD",
            "I-ASSIST",
            "I-RATE",
            "I-BAND",
            "R-AWD-1",
            "I-HEAD",
        )

    def test_rule_ids_below_the_bands(self) -> None:
        """A rate below 70% ends with I-BELOW and no tier rule."""
        assert award(1, 50).explanation.rule_ids == (
            "R-EFF",
            "R-AWD",
            "I-ASSIST",
            "I-RATE",
            "I-BAND",
            "I-BELOW",
        )

    @pytest.mark.parametrize(
        ("located", "rule_id"), [(45, "R-AWD-1"), (40, "R-AWD-2"), (35, "R-AWD-3")]
    )
    def test_tier_step(self, located: int, rule_id: str) -> None:
        """The tier step names the tier's rule and cites that tier's own sentence."""
        result = award(located, 50, officers=2)
        step = next(s for s in result.explanation.steps if s.rule_id.startswith("R-AWD-"))
        assert step.rule_id == rule_id
        assert step.citation == POLICY.citation(rule_id)

    def test_str_is_an_audit_trail(self) -> None:
        """``str`` shows the title and figure, each rule id, ¶ locators and the quoted source."""
        result = award(45, 50, officers=12)
        text = str(result.explanation)
        assert text.splitlines()[0] == "FY2026 Q1 performance award: $12,000.00"
        for rule_id in result.explanation.rule_ids:
            assert f"[{rule_id}]" in text
        assert "(¶6)" in text
        assert "(¶8)" in text
        assert "Sources:" in text
        assert "DHS-2025-09-18 ¶8: “90% - 100% - $1,000 per eligible task force officer”" in text
        assert "9/10 (90%)" in text
        assert str(result) == text

    def test_rate_shown_exactly(self) -> None:
        """A rate that is not a whole percent is shown as an exact fraction, never a float."""
        step = next(s for s in award(2, 3).explanation.steps if s.rule_id == "I-RATE")
        assert step.figure == "2/3 (66.666…%)"
        assert ("located", "2") in step.inputs

    def test_every_step_cites_the_policy(self) -> None:
        """Each step's citation is the rule's (or, for an interpretation, its rule's)."""
        for step in award(45, 50).explanation.steps:
            assert step.citation == POLICY.citation(step.rule_id)

    def test_step_and_explanation_objects(self) -> None:
        """A Step takes inputs as a dict or pairs; an Explanation lists each id once."""
        citation: Citation = POLICY.citation("R-OT")
        a = Step("R-OT", "cap", "$1.00", citation, {"salary": Decimal("4.00")})
        b = Step("R-OT", "cap", "$1.00", citation, [("salary", "4.00")])
        c = Step("I-CENT", "round", "$1.00", citation)
        assert a == b
        assert a.inputs == (("salary", "4.00"),)
        assert str(a) == "[R-OT] cap (salary=4.00) -> $1.00  (¶7)"
        assert str(c) == "[I-CENT] round -> $1.00  (¶7)"
        explanation = Explanation("title", "$1.00", [a, c, b])
        assert explanation.steps == (a, c, b)
        assert explanation.rule_ids == ("R-OT", "I-CENT")
        assert str(explanation).count("Sources:") == 1
        assert str(explanation).count("DHS-2025-09-18 ¶7") == 1

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (
                lambda c: Step("R-OT", "cap", "$1", c, ["ab"]),
                "inputs: ['ab']; expected a dict or (name, value) pairs",
            ),
            (
                lambda c: Step("R-OT", "cap", "$1", c, [("a", "b", "c")]),
                "inputs: [('a', 'b', 'c')]; expected a dict or (name, value) pairs",
            ),
            (
                lambda c: Explanation("title", "$1", "steps"),  # type: ignore[arg-type]
                "steps: 'steps'; expected an iterable of Step",
            ),
            (
                lambda c: Explanation("title", "$1", ["step"]),  # type: ignore[list-item]
                "steps: ('step',); expected only Step objects",
            ),
        ],
    )
    def test_step_and_explanation_refuse_bad_parts(
        self, make: Callable[[Citation], object], message: str
    ) -> None:
        """Inputs are (name, value) pairs, never text or triples; steps are Step objects."""
        with pytest.raises(InvalidTypeError) as info:
            make(POLICY.citation("R-OT"))
        assert str(info.value) == message


class TestAwardResultValue:
    def test_frozen(self) -> None:
        """A result cannot be changed after the fact."""
        result = award(45, 50, officers=12)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.amount = Decimal("99999.00")  # type: ignore[misc]

    def test_hashable_equal_and_picklable(self) -> None:
        """Equal inputs give equal, equally hashed results that survive pickling."""
        a = award(45, 50, officers=12)
        b = quarterly_award(located=45, provided=50, officers=12, quarter=FiscalQuarter(2026, 1))
        assert a == b
        assert hash(a) == hash(b)
        assert pickle.loads(pickle.dumps(a)) == a
        assert {a: 1}[b] == 1

    def test_repr_leaves_out_the_explanation(self) -> None:
        """The repr shows the figures; the audit trail is for ``str``."""
        text = repr(award(45, 50, officers=12))
        assert text.startswith("AwardResult(quarter=FiscalQuarter(2026, 1)")
        assert "amount=Decimal('12000.00')" in text
        assert "explanation" not in text

    @given(leads(), officers, fiscal_quarters)
    def test_result_echoes_inputs(
        self, pair: tuple[int, int], n_officers: int, quarter: FiscalQuarter
    ) -> None:
        """A result records the inputs it was computed from."""
        located, provided = pair
        result = quarterly_award(
            located=located, provided=provided, officers=n_officers, quarter=str(quarter)
        )
        assert (result.located, result.provided, result.officers, result.quarter) == (
            located,
            provided,
            n_officers,
            quarter,
        )
        assert result.explanation.figure == f"${result.amount:,.2f}"


class TestAwardResultRows:
    def test_as_dict(self) -> None:
        """``as_dict`` gives one plain row with the exact figures."""
        row = award(45, 50, officers=12).as_dict()
        assert row == {
            "quarter": "FY2026 Q1",
            "located": 45,
            "provided": 50,
            "officers": 12,
            "rate": Fraction(9, 10),
            "percent": 90,
            "rule_id": "R-AWD-1",
            "per_officer": Decimal("1000.00"),
            "amount": Decimal("12000.00"),
            "reason": "a location rate of 90% is in the 90%-100% band",
            "policy": POLICY.name,
        }

    def test_as_dict_without_a_tier(self) -> None:
        """A result without a tier has no rule id in its row."""
        row = award(1, 50).as_dict()
        assert row["rule_id"] is None
        assert row["amount"] == Decimal("0.00")

    def test_explanation_rows(self) -> None:
        """``Explanation.rows`` gives one dict per step with its rule id, figure and citation."""
        result = award(45, 50, officers=12)
        rows = result.explanation.rows()
        assert [r["rule_id"] for r in rows] == [s.rule_id for s in result.explanation.steps]
        assert rows[-2] == {
            "rule_id": "R-AWD-1",
            "text": "band 90%-100% pays per eligible task force officer",
            "figure": "$1,000.00",
            "locator": "¶8",
            "quote": "90% - 100% - $1,000 per eligible task force officer",
        }

    def test_policy_fingerprint(self) -> None:
        """A result records the fingerprint of the policy variant that produced it."""
        half_up = POLICY.choose("I-BAND", "half-up")
        assert award(45, 50).policy_fingerprint == POLICY.fingerprint
        assert award(45, 50, policy=half_up).policy_fingerprint == half_up.fingerprint
        assert half_up.fingerprint != POLICY.fingerprint

    def test_html(self) -> None:
        """The notebook view shows the reason, each rule id and the figures, HTML-escaped."""
        result = award(45, 50, officers=12)
        html = result._repr_html_()
        assert html.startswith("<div>")
        assert result.reason in html
        for rule_id in result.explanation.rule_ids:
            assert f"<td>{rule_id}</td>" in html
        assert "$12,000.00" in html
        assert (
            html == f"<div><strong>{result.reason}</strong>{result.explanation._repr_html_()}</div>"
        )

    def test_html_escapes(self) -> None:
        """Text from a step is escaped, never injected as markup."""
        citation = POLICY.citation("R-OT")
        explanation = Explanation("<b>t</b>", "$1.00", [Step("R-OT", "a < b & c", "$1", citation)])
        html = explanation._repr_html_()
        assert "<b>t</b>" not in html
        assert "&lt;b&gt;t&lt;/b&gt;" in html
        assert "a &lt; b &amp; c" in html


class TestFuzz:
    @given(st.fractions())
    def test_any_fraction(self, rate: Fraction) -> None:
        """Any fraction gets a tier, None, or (outside 0-1) InvalidInputError — nothing else."""
        try:
            tier = award_tier(rate)
        except InvalidInputError:
            assert not 0 <= rate <= 1
            return
        assert 0 <= rate <= 1
        assert tier is None or tier in POLICY.award_schedule.tiers

    @given(st.integers(), st.integers(), st.integers(-5, 10**6), st.text(max_size=12))
    def test_any_counts_and_quarter_text(
        self, located: int, provided: int, n_officers: int, quarter: str
    ) -> None:
        """Random counts and quarter text give a result or a documented G287Error only."""
        try:
            result = quarterly_award(
                located=located, provided=provided, officers=n_officers, quarter=quarter
            )
        except (InvalidInputError, InvalidTypeError, NotInEffectError):
            return
        assert 0 <= result.located <= result.provided
        assert result.amount >= 0


class TestAwardTierPolicyArgument:
    def test_not_a_policy_is_a_type_error(self) -> None:
        """award_tier refuses a policy argument that is not a g287.Policy, naming it."""
        with pytest.raises(
            InvalidTypeError, match=r"policy: 'x' is a str; expected a g287\.Policy"
        ):
            award_tier(Fraction(9, 10), "x")  # type: ignore[arg-type]

    def test_a_policy_subclass_is_a_policy(self) -> None:
        """A subclass of Policy (an attrs subclass a user may define) is accepted."""

        @attrs.frozen
        class LocalPolicy(Policy):
            pass

        local = LocalPolicy(
            **{f.name: getattr(POLICY, f.name) for f in attrs.fields(Policy) if f.init}
        )
        tier = award_tier(Fraction(8, 10), local)
        assert tier is not None
        assert tier.rule_id == "R-AWD-2"
