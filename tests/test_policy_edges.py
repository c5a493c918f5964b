"""Policy objects pinned exactly: every consistency error's message, I-BAND's three roundings at
their edges, lookups, in-force checks and policy diffs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from g287 import (
    POLICY,
    SOURCE,
    AwardSchedule,
    AwardTier,
    BandRounding,
    Citation,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    ModelScope,
    NotInEffectError,
    OvertimeCap,
    Policy,
    PolicyError,
    Rule,
    Source,
    policy_diff,
    policy_in_force,
)
from g287.policy import _matches, _tuple_of

NAME = repr(POLICY.name)
TIERS = POLICY.award_schedule.tiers
ENDED = attrs.evolve(POLICY, effective_until=dt.date(2026, 3, 31))


def _with_rules(*rules: Rule) -> Policy:
    """The built-in policy with these rules instead of its own."""
    return attrs.evolve(POLICY, rules=rules)


def _foreign_rule() -> Policy:
    """The built-in policy with R-AWD-3 citing a source the policy does not list."""
    other = Source("X", "t", "p", dt.date(2025, 1, 1), "u")
    return _with_rules(*POLICY.rules[:-1], Rule("R-AWD-3", "t", "s", Citation(other, "¶1", "q")))


CASES: list[tuple[str, Callable[[], object], type[G287Error], str]] = [
    (
        "tier-above-100",
        lambda: AwardTier("R-AWD-1", 90, 101, "1000"),
        PolicyError,
        "R-AWD-1: band 90%-101% is not within 0-100 with low <= high",
    ),
    (
        "tier-reversed",
        lambda: AwardTier("R-AWD-1", 91, 90, "1000"),
        PolicyError,
        "R-AWD-1: band 91%-90% is not within 0-100 with low <= high",
    ),
    (
        "tier-negative",
        lambda: AwardTier("R-AWD-1", -1, 90, "1000"),
        PolicyError,
        "R-AWD-1: band -1%-90% is not within 0-100 with low <= high",
    ),
    (
        "tier-amount",
        lambda: AwardTier("R-AWD-1", 90, 100, "-1"),
        PolicyError,
        "award tier amount: '-1' is negative; expected an amount >= 0",
    ),
    (
        "tier-bool-percent",
        lambda: AwardTier("R-AWD-1", True, 100, "1000"),
        InvalidTypeError,
        "low: True is a bool; expected a whole percent (int)",
    ),
    (
        "schedule-empty",
        lambda: AwardSchedule(()),
        PolicyError,
        "tiers: () is empty; expected at least one award tier",
    ),
    (
        "schedule-unordered",
        lambda: AwardSchedule((TIERS[2], TIERS[0], TIERS[1])),
        PolicyError,
        "tiers: 70%-79%, 90%-100%, 80%-89% are not ordered; expected the highest band first",
    ),
    (
        "schedule-overlap",
        lambda: AwardSchedule((TIERS[0], AwardTier("R-AWD-2", 80, 90, "750"))),
        PolicyError,
        "tiers: R-AWD-2 80%-90% overlaps R-AWD-1 90%-100%",
    ),
    (
        "schedule-shared-id",
        lambda: AwardSchedule((TIERS[0], AwardTier("R-AWD-1", 80, 89, "750"))),
        PolicyError,
        "tiers: two tiers share a rule id; expected one id per tier",
    ),
    (
        "cap-float",
        lambda: OvertimeCap(0.25),  # type: ignore[arg-type]
        InvalidTypeError,
        "fraction: 0.25 is a float; expected a fractions.Fraction such as Fraction(1, 4)",
    ),
    (
        "cap-above-one",
        lambda: OvertimeCap(Fraction(5, 4)),
        PolicyError,
        "fraction: 5/4 is outside 0-1; expected a share of salary",
    ),
    (
        "cap-negative",
        lambda: OvertimeCap(Fraction(-1, 4)),
        PolicyError,
        "fraction: -1/4 is outside 0-1; expected a share of salary",
    ),
    (
        "until-before-from",
        lambda: attrs.evolve(POLICY, effective_until=dt.date(2025, 9, 30)),
        PolicyError,
        (
            "effective_until: 2025-09-30 is before effective_from 2025-10-01; "
            "expected an end on or after the start"
        ),
    ),
    (
        "repeated-rule",
        lambda: _with_rules(*POLICY.rules, POLICY.rules[0]),
        PolicyError,
        (
            "rules: ['R-EFF', 'R-SAL', 'R-OT', 'R-AWD', 'R-AWD-1', 'R-AWD-2', 'R-AWD-3', 'R-EFF'] "
            "repeat an id; expected each rule id once"
        ),
    ),
    (
        "foreign-source",
        _foreign_rule,
        PolicyError,
        "rules: R-AWD-3 cites 'X', which is not among the policy's sources",
    ),
    (
        "tier-rule-missing",
        lambda: _with_rules(*POLICY.rules[:-1]),
        PolicyError,
        "rules: R-AWD-3 has no rule with a citation; every rule needs one",
    ),
    (
        "core-rule-missing",
        lambda: _with_rules(*(r for r in POLICY.rules if r.id != "R-OT")),
        PolicyError,
        "rules: R-OT has no rule with a citation; every rule needs one",
    ),
    (
        "no-such-rule",
        lambda: POLICY.rule("R-X"),
        InvalidInputError,
        f"rule_id: 'R-X' is not a rule of {NAME}",
    ),
    (
        "choose-without-options",
        lambda: POLICY.choose("I-RATE", "x"),
        InvalidInputError,
        (
            "interpretation_id: 'I-RATE' has no options; "
            "expected one of I-BAND, I-BELOW, I-HEAD, I-MODEL, I-CAPPRO"
        ),
    ),
    (
        "choose-unknown",
        lambda: POLICY.choose("I-NOPE", "x"),
        InvalidInputError,
        (
            "interpretation_id: 'I-NOPE' has no options; "
            "expected one of I-BAND, I-BELOW, I-HEAD, I-MODEL, I-CAPPRO"
        ),
    ),
    (
        "choose-bad-option",
        lambda: POLICY.choose("I-BAND", "ceil"),
        InvalidInputError,
        (
            "option: 'ceil' is not an option of I-BAND; "
            "expected one of 'truncate', 'half-up', 'half-even'"
        ),
    ),
    (
        "in-force-before",
        lambda: POLICY.require_in_force(dt.date(2025, 9, 30), "FY2025 Q4"),
        NotInEffectError,
        f"FY2025 Q4: starts 2025-09-30, outside {NAME} (2025-10-01 to open-ended) (R-EFF)",
    ),
    (
        "in-force-after",
        lambda: ENDED.require_in_force(dt.date(2026, 4, 1), "FY2026 Q3"),
        NotInEffectError,
        f"FY2026 Q3: starts 2026-04-01, outside {NAME} (2025-10-01 to 2026-03-31) (R-EFF)",
    ),
    (
        "policy-in-force-before",
        lambda: policy_in_force(dt.date(2025, 9, 30)),
        NotInEffectError,
        (
            "date: 2025-09-30 is before 2025-10-01, when the first policy applies; "
            "nothing is payable (R-EFF)"
        ),
    ),
    (
        "policy-in-force-after",
        lambda: policy_in_force(dt.date(2026, 4, 1), (ENDED,)),
        NotInEffectError,
        "date: 2026-04-01 is outside every known policy; nothing is payable (R-EFF)",
    ),
    (
        "policy-in-force-empty-registry",
        lambda: policy_in_force(dt.date(2026, 4, 1), ()),
        NotInEffectError,
        "date: 2026-04-01 is outside every known policy; nothing is payable (R-EFF)",
    ),
    (
        "policy-in-force-registry-list",
        lambda: policy_in_force(dt.date(2026, 4, 1), [POLICY]),  # type: ignore[arg-type]
        InvalidTypeError,
        f"registry: [{POLICY!r}]; expected a tuple of g287.Policy",
    ),
    (
        "policy-in-force-text",
        lambda: policy_in_force("2026-01-01"),  # type: ignore[arg-type]
        InvalidTypeError,
        "date: '2026-01-01' is a str; expected a datetime.date",
    ),
    (
        "citation-source-type",
        lambda: Citation("x", "¶1", "q"),  # type: ignore[arg-type]
        InvalidTypeError,
        "source: 'x' is a str; expected a Source",
    ),
    (
        "citation-locator",
        lambda: Citation(SOURCE, "¶0", "q"),
        PolicyError,
        "locator: '¶0' is not a paragraph locator such as '¶7'",
    ),
]


class TestConsistencyErrors:
    @pytest.mark.parametrize(
        ("call", "kind", "message"),
        [case[1:] for case in CASES],
        ids=[case[0] for case in CASES],
    )
    def test_message(self, call: Callable[[], object], kind: type[G287Error], message: str) -> None:
        """An inconsistent policy or a bad lookup is refused with this exact type and message."""
        with pytest.raises(G287Error) as info:
            call()
        assert type(info.value) is kind
        assert str(info.value) == message


class TestBandRoundingEdges:
    @pytest.mark.parametrize(
        ("rate", "truncate", "half_up", "half_even"),
        [
            (Fraction(179, 200), 89, 90, 90),
            (Fraction(177, 200), 88, 89, 88),
            (Fraction(1791, 2000), 89, 90, 90),
            (Fraction(1789, 2000), 89, 89, 89),
            (Fraction(0), 0, 0, 0),
            (Fraction(1), 100, 100, 100),
        ],
    )
    def test_percent(self, rate: Fraction, truncate: int, half_up: int, half_even: int) -> None:
        """I-BAND: 89.5% is 89/90/90, 88.5% is 88/89/88, 89.55% rounds up, 89.45% down."""
        schedule = POLICY.award_schedule
        got = tuple(
            attrs.evolve(schedule, band_rounding=rounding).percent(rate)
            for rounding in (BandRounding.TRUNCATE, BandRounding.HALF_UP, BandRounding.HALF_EVEN)
        )
        assert got == (truncate, half_up, half_even)


class TestLookups:
    def test_citation_text(self) -> None:
        """R-OT's citation reads source id, paragraph and the quote in curly quotes."""
        assert str(POLICY.citation("R-OT")) == (
            "DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s "
            "annual salary”"
        )

    def test_interpretation_cites_its_rule(self) -> None:
        """I-CAPBASE reads R-OT, so it cites R-OT's passage."""
        assert POLICY.citation("I-CAPBASE") == POLICY.rule("R-OT").citation

    def test_choices(self) -> None:
        """The default options of every selectable interpretation, in catalogue order."""
        assert POLICY.choices == {
            "I-BAND": "truncate",
            "I-BELOW": "no-award",
            "I-HEAD": "last-day",
            "I-MODEL": "all-models",
            "I-CAPPRO": "none",
        }

    def test_in_force_on_the_last_day(self) -> None:
        """R-EFF: a policy with an end date is still in force on that day, not the next."""
        assert ENDED.covers(dt.date(2026, 3, 31))
        assert not ENDED.covers(dt.date(2026, 4, 1))
        assert not ENDED.covers(dt.date(2025, 9, 30))
        ENDED.require_in_force(dt.date(2026, 3, 31), "x")

    def test_in_force_needs_a_date(self) -> None:
        """R-EFF is asked of a date: text is refused, naming the argument ``day``."""
        with pytest.raises(InvalidTypeError) as info:
            POLICY.covers("2026-01-01")  # type: ignore[arg-type]
        assert str(info.value) == "day: '2026-01-01' is a str; expected a datetime.date"

    def test_model_scopes(self) -> None:
        """I-MODEL: all models by default; the Task Force Model alone under the option."""
        assert {m.value for m in ModelScope.ALL_MODELS.models} == {"JEM", "TFM", "WSO"}
        assert {m.value for m in ModelScope.TASK_FORCE_ONLY.models} == {"TFM"}

    def test_tier_membership(self) -> None:
        """A tier holds the whole percents of its band, both ends included, and nothing else."""
        top = TIERS[0]
        assert (90 in top, 100 in top, 89 in top, 101 in top, 90.0 in top) == (
            True,
            True,
            False,
            False,
            False,
        )
        assert TIERS[1].band == "80%-89%"
        assert POLICY.award_schedule.lowest is TIERS[2]

    def test_cap_percent(self) -> None:
        """R-OT: the cap is 25 percent of salary, exactly."""
        assert POLICY.overtime_cap.percent == Fraction(25)


class TestPolicyDiff:
    def test_options(self) -> None:
        """Options differing are listed by dotted path with their values, in field order."""
        variant = POLICY.choose("I-HEAD", "any-day").choose("I-CAPPRO", "by-eligible-days")
        assert policy_diff(POLICY, variant) == (
            ("award_schedule.headcount", "last-day", "any-day"),
            ("overtime_cap.proration", "none", "by-eligible-days"),
        )

    def test_tier_by_position(self) -> None:
        """A tier amount differing is listed by its position in the tiers."""
        tiers = (TIERS[0], AwardTier("R-AWD-2", 80, 89, "800"), TIERS[2])
        variant = attrs.evolve(
            POLICY, award_schedule=attrs.evolve(POLICY.award_schedule, tiers=tiers)
        )
        assert policy_diff(POLICY, variant) == (
            ("award_schedule.tiers[1].amount", Decimal("750.00"), Decimal("800.00")),
        )

    def test_tiers_of_another_length(self) -> None:
        """Tier tuples of different lengths are listed whole."""
        variant = attrs.evolve(
            POLICY, award_schedule=attrs.evolve(POLICY.award_schedule, tiers=TIERS[:2])
        )
        assert policy_diff(POLICY, variant) == (("award_schedule.tiers", TIERS, TIERS[:2]),)

    def test_equal_policies(self) -> None:
        """Equal policies have no differences."""
        assert policy_diff(POLICY, attrs.evolve(POLICY)) == ()


def as_rule_code(value: Any) -> Any:
    """A fresh attrs object whose field must match a rule-id pattern (checked as the test runs)."""

    @attrs.frozen
    class Coded:
        value: Any = attrs.field(validator=_matches(re.compile(r"R-[A-Z]+"), "a rule id"))

    return Coded(value)


def as_dates(value: Any) -> Any:
    """A fresh attrs object whose field must be a tuple of dates (checked as the test runs)."""

    @attrs.frozen
    class Dates:
        value: Any = attrs.field(validator=_tuple_of(dt.date, "dates"))

    return Dates(value)


class TestPolicyFieldChecks:
    def test_pattern_must_match_in_full(self) -> None:
        """A value matching only a prefix of the pattern is refused as a PolicyError."""
        assert as_rule_code("R-OT").value == "R-OT"
        with pytest.raises(PolicyError) as info:
            as_rule_code("R-OT-")
        assert str(info.value) == "value: 'R-OT-' is not a rule id"

    def test_non_text_refused(self) -> None:
        """A non-string never matches."""
        with pytest.raises(PolicyError, match=r"^value: 5 is not a rule id$"):
            as_rule_code(5)

    def test_tuple_of_kind(self) -> None:
        """A tuple of the kind passes; a list, or a tuple with a stranger, is refused."""
        day = dt.date(2026, 1, 1)
        assert as_dates((day,)).value == (day,)
        assert as_dates(()).value == ()
        with pytest.raises(InvalidTypeError) as info:
            as_dates([day])
        assert str(info.value) == ("value: [datetime.date(2026, 1, 1)]; expected a tuple of dates")
        with pytest.raises(InvalidTypeError, match=r"expected a tuple of dates$"):
            as_dates((day, "x"))


class TestChooseArgumentTypes:
    def test_interpretation_id_must_be_text(self) -> None:
        """Policy.choose names the argument when the id is not text."""
        with pytest.raises(
            InvalidTypeError, match=r"^interpretation_id: \[\] is a list; expected an id$"
        ):
            POLICY.choose([], "half-up")  # type: ignore[arg-type]

    def test_rule_id_must_be_text(self) -> None:
        """Policy.rule and Policy.citation name the argument when the id is not text."""
        with pytest.raises(InvalidTypeError, match=r"^rule_id: 5 is a int; expected an id$"):
            POLICY.rule(5)  # type: ignore[arg-type]
        with pytest.raises(
            InvalidTypeError, match=r"^rule_id: None is a NoneType; expected an id$"
        ):
            POLICY.citation(None)  # type: ignore[arg-type]


class TestScheduleLookupArguments:
    """AwardSchedule.percent and tier_for_percent check what they are given (I-BAND)."""

    def test_percent_names_a_bad_rate(self) -> None:
        """A rate that is not a Fraction, or outside 0-1, is refused with its value."""
        schedule = POLICY.award_schedule
        with pytest.raises(
            InvalidTypeError,
            match=r"^rate: 0\.9 is a float; expected a fractions\.Fraction 0 to 1$",
        ):
            schedule.percent(0.9)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match=r"^rate: 3/2; expected a location rate"):
            schedule.percent(Fraction(3, 2))

    def test_tier_for_percent_names_a_bad_percent(self) -> None:
        """A percent that is not a whole number from 0 to 100 is refused with its value."""
        schedule = POLICY.award_schedule
        with pytest.raises(
            InvalidTypeError, match=r"^percent: 90\.0 is a float; expected a whole percent$"
        ):
            schedule.tier_for_percent(90.0)  # type: ignore[arg-type]
        with pytest.raises(
            InvalidInputError, match=r"^percent: -1; expected a whole percent from 0 to 100$"
        ):
            schedule.tier_for_percent(-1)
        tier = schedule.tier_for_percent(100)
        assert tier is not None
        assert tier.rule_id == "R-AWD-1"
