"""Exact error messages of the award functions: each names the field and the value (I-RATE)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from g287 import (
    POLICY,
    InvalidInputError,
    InvalidTypeError,
    award_tier,
    location_rate,
    quarterly_award,
)

HEAD = """\
FY2026 Q2 performance award: {figure}
  1. [R-EFF] FY2026 Q2 begins 2026-01-01, inside the policy period (quarter=FY2026 Q2) -> in force  (¶6)
  2. [R-AWD] quarterly award on the location of the leads ICE provided and overall assistance (quarter=FY2026 Q2) -> FY2026 Q2  (¶8)
"""  # noqa: E501 - the trail is one line per step
SOURCES = """\
  Sources:
    DHS-2025-09-18 ¶6: “Starting October 1, 2025, participating law enforcement will have these reimbursement opportunities:”
    DHS-2025-09-18 ¶8: “Law enforcement agencies will be eligible for quarterly monetary performance awards based on the successful location of illegal aliens provided by ICE and overall assistance to further ICE’s mission to defend the homeland”"""  # noqa: E501


class TestLocationRateMessages:
    def test_negative_located_names_located(self) -> None:
        """I-RATE: a negative located count is refused under the name ``located``."""
        with pytest.raises(InvalidInputError) as info:
            location_rate(located=-1, provided=5)
        assert str(info.value) == "located: -1 is negative; expected a whole number >= 0"

    def test_negative_provided_names_provided(self) -> None:
        """I-RATE: a negative provided count is refused under the name ``provided``."""
        with pytest.raises(InvalidInputError) as info:
            location_rate(located=1, provided=-5)
        assert str(info.value) == "provided: -5 is negative; expected a whole number >= 0"

    def test_no_leads_message(self) -> None:
        """I-RATE: with nothing provided the whole message says a rate needs a lead."""
        with pytest.raises(InvalidInputError) as info:
            location_rate(located=0, provided=0)
        assert str(info.value) == "provided: 0; a location rate needs at least one lead provided"


class TestAwardTierMessages:
    def test_float_rate_names_its_type(self) -> None:
        """A float rate is a type error naming the float and asking for a Fraction."""
        with pytest.raises(InvalidTypeError) as info:
            award_tier(0.5)  # type: ignore[arg-type]
        assert str(info.value) == (
            "rate: 0.5 is a float; expected a fractions.Fraction from 0 to 1"
        )

    def test_rate_above_one_message(self) -> None:
        """A rate above 1 is invalid input naming the rate."""
        with pytest.raises(InvalidInputError) as info:
            award_tier(Fraction(3, 2))
        assert str(info.value) == "rate: 3/2 is outside 0-1; expected a location rate"

    @pytest.mark.parametrize(
        ("rate", "rule_id"),
        [(Fraction(0), None), (Fraction(1), "R-AWD-1"), (0, None), (1, "R-AWD-1")],
    )
    def test_rate_end_points(self, rate: Fraction | int, rule_id: str | None) -> None:
        """I-BAND and I-BELOW: 0% earns no tier and 100% the top tier, as Fraction or int."""
        tier = award_tier(rate)  # type: ignore[arg-type]
        assert (tier.rule_id if tier else None) == rule_id


class TestAwardAuditTrail:
    def test_tier_trail(self) -> None:
        """R-AWD-2: 41 of 50 (82%) with 4 officers prints every step down to I-HEAD."""
        result = quarterly_award(located=41, provided=50, officers=4, quarter="FY2026 Q2")
        assert str(result) == (
            HEAD.format(figure="$3,000.00")
            + "  3. [I-ASSIST] overall assistance judged satisfactory"
            " (assistance_satisfactory=True) -> eligible  (¶8)\n"
            "  4. [I-RATE] location rate = located / provided (located=41, provided=50)"
            " -> 41/50 (82%)  (¶8)\n"
            "  5. [I-BAND] rate placed in whole-percent bands (truncate) (rate=82%) -> 82%  (¶8)\n"
            "  6. [R-AWD-2] band 80%-89% pays per eligible task force officer (percent=82%)"
            " -> $750.00  (¶8)\n"
            "  7. [I-HEAD] award = per-officer amount x eligible task force officers (last-day)"
            " (per_officer=$750.00, officers=4) -> $3,000.00  (¶8)\n"
            + SOURCES
            + "\n    DHS-2025-09-18 ¶8: “80% - 89% - $750 per eligible task force officer”"
        )
        assert result.reason == "a location rate of 82% is in the 80%-89% band"

    def test_below_the_bands_trail(self) -> None:
        """I-BELOW: 2 of 3 is 66.666…% (cut, not rounded), placed at 66%, no award."""
        result = quarterly_award(located=2, provided=3, officers=4, quarter="FY2026 Q2")
        assert str(result) == (
            HEAD.format(figure="$0.00") + "  3. [I-ASSIST] overall assistance judged satisfactory"
            " (assistance_satisfactory=True) -> eligible  (¶8)\n"
            "  4. [I-RATE] location rate = located / provided (located=2, provided=3)"
            " -> 2/3 (66.666…%)  (¶8)\n"
            "  5. [I-BAND] rate placed in whole-percent bands (truncate) (rate=66.666…%)"
            " -> 66%  (¶8)\n"
            "  6. [I-BELOW] a location rate of 66% is below the lowest band (70%-79%)"
            " (percent=66%) -> no award  (¶8)\n" + SOURCES
        )
        assert result.reason == "a location rate of 66% is below the lowest band (70%-79%)"
        assert (result.rate, result.percent, result.tier) == (Fraction(2, 3), 66, None)

    def test_no_leads_trail(self) -> None:
        """I-BELOW: no leads provided is no award, with no rate, stated in one step."""
        result = quarterly_award(located=0, provided=0, officers=4, quarter="FY2026 Q2")
        assert str(result) == (
            HEAD.format(figure="$0.00")
            + "  3. [I-BELOW] ICE provided no leads in the quarter, so there is no location rate"
            " (provided=0) -> no award  (¶8)\n" + SOURCES
        )
        assert (result.rate, result.percent, result.tier) == (None, None, None)
        assert result.reason == (
            "ICE provided no leads in the quarter, so there is no location rate"
        )

    def test_unsatisfactory_trail(self) -> None:
        """I-ASSIST: unsatisfactory assistance is no award even at a 100% rate."""
        result = quarterly_award(
            located=50,
            provided=50,
            officers=4,
            quarter="FY2026 Q2",
            assistance_satisfactory=False,
        )
        assert str(result) == (
            HEAD.format(figure="$0.00")
            + "  3. [I-ASSIST] ICE judged the agency's overall assistance unsatisfactory"
            " (assistance_satisfactory=False) -> no award  (¶8)\n" + SOURCES
        )
        assert result.reason == "ICE judged the agency's overall assistance unsatisfactory"
        assert (result.rate, result.percent, result.tier) == (None, None, None)


class TestPercentShownExactly:
    @pytest.mark.parametrize(
        ("located", "provided", "shown"),
        [
            (1, 8, "12.5%"),
            (1, 32, "3.125%"),
            (1, 64, "1.562…%"),
            (447, 500, "89.4%"),
            (1, 3, "33.333…%"),
            (0, 5, "0%"),
            (5, 5, "100%"),
            (1, 1000, "0.1%"),
            (1, 100000, "0.001%"),
        ],
    )
    def test_rate_figure(self, located: int, provided: int, shown: str) -> None:
        """I-RATE: the rate reads as a percent with at most three decimals, cut with an ellipsis."""
        result = quarterly_award(
            located=located, provided=provided, officers=1, quarter="FY2026 Q2"
        )
        rate_step = result.explanation.steps[3]
        assert rate_step.rule_id == "I-RATE"
        assert rate_step.figure == f"{Fraction(located, provided)} ({shown})"


class TestQuarterlyAwardMessages:
    @pytest.mark.parametrize(
        ("located", "provided", "officers", "message"),
        [
            (-1, 3, 4, "located: -1 is negative; expected a whole number >= 0"),
            (1, -3, 4, "provided: -3 is negative; expected a whole number >= 0"),
            (1, 3, -4, "officers: -4 is negative; expected a whole number >= 0"),
            (4, 3, 4, "located: 4 is more than provided (3); expected located <= provided"),
        ],
    )
    def test_bad_counts(self, located: int, provided: int, officers: int, message: str) -> None:
        """Each count's error names its own argument and value."""
        with pytest.raises(InvalidInputError) as info:
            quarterly_award(
                located=located, provided=provided, officers=officers, quarter="FY2026 Q2"
            )
        assert str(info.value) == message

    def test_assistance_must_be_bool(self) -> None:
        """I-ASSIST: a 1 for True is a type error naming the argument and its type."""
        with pytest.raises(InvalidTypeError) as info:
            quarterly_award(
                located=1,
                provided=3,
                officers=4,
                quarter="FY2026 Q2",
                assistance_satisfactory=1,  # type: ignore[arg-type]
            )
        assert str(info.value) == "assistance_satisfactory: 1 is a int; expected True or False"

    def test_no_leads_error_option_message(self) -> None:
        """I-BELOW option 'error': the refusal names the quarter and the option."""
        with pytest.raises(InvalidInputError) as info:
            quarterly_award(
                located=0,
                provided=0,
                officers=4,
                quarter="FY2026 Q2",
                policy=POLICY.choose("I-BELOW", "error"),
            )
        assert str(info.value) == (
            "provided: 0 in FY2026 Q2; the policy's I-BELOW option 'error' refuses a quarter "
            "without leads"
        )
