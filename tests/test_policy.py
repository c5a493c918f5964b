"""The policy as data: validation, variants, interpretations, the registry and the errors."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import g287
from g287 import (
    INTERPRETATIONS,
    POLICY,
    REGISTRY,
    SOURCE,
    AwardSchedule,
    AwardTier,
    BandRounding,
    CapProration,
    Citation,
    G287Error,
    Headcount,
    Interpretation,
    InvalidInputError,
    InvalidTypeError,
    Model,
    ModelScope,
    NoLeads,
    NotInEffectError,
    OvertimeCap,
    Policy,
    PolicyError,
    Rule,
    policy_diff,
    policy_in_force,
)
from strategies import OPTIONS, chosen_policies, dates, dates_before, policies, with_cap

TIERS = POLICY.award_schedule.tiers
#: A float a quarter, typed ``Any`` so that the type checker lets the test pass it on.
FLOAT_QUARTER: Any = 0.25


def tier(rule_id: str, low: Any, high: Any, amount: Any = "100") -> AwardTier:
    return AwardTier(rule_id, low, high, amount)


def schedule_of(*tiers: AwardTier) -> AwardSchedule:
    return AwardSchedule(tiers=tiers)


def policy_with_schedule(schedule: AwardSchedule) -> Policy:
    return attrs.evolve(POLICY, award_schedule=schedule)


class TestErrorHierarchy:
    @pytest.mark.parametrize(
        "error", [InvalidInputError, InvalidTypeError, NotInEffectError, PolicyError]
    )
    def test_every_error_is_a_g287_error(self, error: type[Exception]) -> None:
        """Every error g287 raises can be caught as G287Error."""
        assert issubclass(error, G287Error)

    def test_builtin_bases(self) -> None:
        """Value problems are ValueErrors and type problems TypeErrors."""
        assert issubclass(InvalidInputError, ValueError)
        assert issubclass(NotInEffectError, ValueError)
        assert issubclass(PolicyError, InvalidInputError)
        assert issubclass(InvalidTypeError, TypeError)
        assert not issubclass(InvalidTypeError, ValueError)
        assert not issubclass(InvalidInputError, TypeError)

    def test_exported_from_the_package(self) -> None:
        """The errors are part of the public API."""
        for name in ["G287Error", "InvalidInputError", "InvalidTypeError", "NotInEffectError"]:
            assert name in g287.__all__
            assert getattr(g287, name) is getattr(g287.errors, name)


class TestPublicApi:
    def test_all_names_exist(self) -> None:
        """Every name in ``__all__`` is importable from the package."""
        for name in g287.__all__:
            assert hasattr(g287, name), name

    def test_design_contract_names(self) -> None:
        """The names DESIGN §4 promises are exported."""
        promised = {
            "POLICY",
            "policy_in_force",
            "FiscalQuarter",
            "location_rate",
            "award_tier",
            "quarterly_award",
            "overtime_cap",
            "annual_reimbursement",
            "G287Error",
            "InvalidInputError",
            "NotInEffectError",
        }
        assert promised <= set(g287.__all__)


class TestBuiltInPolicy:
    def test_tiers_are_the_published_ones(self) -> None:
        """R-AWD-1..3: 90%-100% $1,000, 80%-89% $750, 70%-79% $500, highest first."""
        assert [(t.rule_id, t.low, t.high, t.amount) for t in TIERS] == [
            ("R-AWD-1", 90, 100, Decimal("1000.00")),
            ("R-AWD-2", 80, 89, Decimal("750.00")),
            ("R-AWD-3", 70, 79, Decimal("500.00")),
        ]
        assert [t.band for t in TIERS] == ["90%-100%", "80%-89%", "70%-79%"]
        assert POLICY.award_schedule.lowest.rule_id == "R-AWD-3"

    def test_overtime_cap_is_a_quarter(self) -> None:
        """R-OT: “up to 25% of the officer’s annual salary”, not prorated by default."""
        assert POLICY.overtime_cap.fraction == Fraction(1, 4)
        assert POLICY.overtime_cap.percent == 25
        assert POLICY.overtime_cap.proration is CapProration.NONE

    def test_effective_from(self) -> None:
        """R-EFF: in force from 2025-10-01 with no end date."""
        assert POLICY.effective_from == dt.date(2025, 10, 1)
        assert POLICY.effective_until is None
        assert REGISTRY == (POLICY,)

    def test_rule_ids(self) -> None:
        """The policy has exactly the rules of DESIGN §1."""
        assert [r.id for r in POLICY.rules] == [
            "R-EFF",
            "R-SAL",
            "R-OT",
            "R-AWD",
            "R-AWD-1",
            "R-AWD-2",
            "R-AWD-3",
        ]

    def test_every_rule_cites_the_source(self) -> None:
        """Every rule's citation is of the 2025-09-18 release, which is the policy's source."""
        assert POLICY.sources == (SOURCE,)
        assert SOURCE.date == dt.date(2025, 9, 18)
        for rule in POLICY.rules:
            assert rule.citation.source == SOURCE
            assert rule.citation.locator.startswith("¶")

    def test_default_choices(self) -> None:
        """The defaults of DESIGN §2: truncate, no award, last day, all models, no proration."""
        assert POLICY.choices == {
            "I-BAND": "truncate",
            "I-BELOW": "no-award",
            "I-HEAD": "last-day",
            "I-MODEL": "all-models",
            "I-CAPPRO": "none",
        }

    def test_model_scope(self) -> None:
        """I-MODEL: by default every model's officers are reimbursable; the alternative is TFM."""
        assert POLICY.model_scope.models == frozenset(Model)
        assert len(Model) == 3
        assert ModelScope.TASK_FORCE_ONLY.models == frozenset({Model.TASK_FORCE})

    def test_rule_and_citation_lookup(self) -> None:
        """A rule is found by id; an interpretation's citation is that of the rule it reads."""
        assert POLICY.rule("R-OT").title == "Overtime cap"
        assert POLICY.citation("R-OT") == POLICY.rule("R-OT").citation
        assert POLICY.citation("I-BAND") == POLICY.rule("R-AWD").citation
        assert POLICY.citation("I-CAPBASE") == POLICY.rule("R-OT").citation

    @pytest.mark.parametrize("rule_id", ["R-NOPE", "I-NOPE", "", "r-ot"])
    def test_unknown_rule(self, rule_id: str) -> None:
        """An unknown id is an InvalidInputError naming it."""
        with pytest.raises(InvalidInputError, match="is not a rule of"):
            POLICY.citation(rule_id)

    def test_citation_str(self) -> None:
        """A citation reads as source, locator and the quote in typographic quotes."""
        text = str(POLICY.citation("R-AWD-2"))
        assert text == ("DHS-2025-09-18 ¶8: “80% - 89% - $750 per eligible task force officer”")

    def test_award_tier_membership(self) -> None:
        """A tier holds the whole percents of its band, both ends included."""
        first = TIERS[0]
        assert 90 in first
        assert 100 in first
        assert 89 not in first
        assert "95" not in first
        assert Fraction(95) not in first


class TestInterpretations:
    def test_catalogue(self) -> None:
        """DESIGN §2 lists these interpretations, each keyed by its own id."""
        assert set(INTERPRETATIONS) == {
            "I-RATE",
            "I-BAND",
            "I-BELOW",
            "I-ASSIST",
            "I-HEAD",
            "I-MODEL",
            "I-CAPBASE",
            "I-CAPYEAR",
            "I-CAPPRO",
            "I-WIN",
            "I-DAYS",
            "I-CENT",
        }
        assert all(key == i.id for key, i in INTERPRETATIONS.items())

    def test_every_interpretation_reads_a_rule_of_the_policy(self) -> None:
        """Every interpretation names a rule the policy has, so it can be cited."""
        for interpretation in INTERPRETATIONS.values():
            assert (
                POLICY.citation(interpretation.id) == POLICY.rule(interpretation.rule_id).citation
            )

    def test_selectable_ones_have_alternatives(self) -> None:
        """An interpretation with an option lists its alternatives; the others have none."""
        for interpretation in INTERPRETATIONS.values():
            assert bool(interpretation.alternatives) == (interpretation.option is not None)
        assert {i.id for i in INTERPRETATIONS.values() if i.option} == set(OPTIONS)

    def test_bad_interpretation_id(self) -> None:
        """An interpretation id must look like 'I-BAND'."""
        with pytest.raises(PolicyError, match="interpretation id"):
            Interpretation("BAND", "q?", "default", "R-AWD")


class TestChoose:
    @pytest.mark.parametrize(
        ("interpretation_id", "option", "path", "expected"),
        [
            ("I-BAND", "half-up", ("award_schedule", "band_rounding"), BandRounding.HALF_UP),
            ("I-BAND", "half-even", ("award_schedule", "band_rounding"), BandRounding.HALF_EVEN),
            ("I-BELOW", "error", ("award_schedule", "no_leads"), NoLeads.ERROR),
            ("I-HEAD", "any-day", ("award_schedule", "headcount"), Headcount.ANY_DAY),
            ("I-MODEL", "task-force-only", ("model_scope",), ModelScope.TASK_FORCE_ONLY),
            (
                "I-CAPPRO",
                "by-eligible-days",
                ("overtime_cap", "proration"),
                CapProration.BY_ELIGIBLE_DAYS,
            ),
        ],
    )
    def test_choose_sets_the_option(
        self, interpretation_id: str, option: str, path: tuple[str, ...], expected: object
    ) -> None:
        """Each alternative of DESIGN §2 can be chosen and lands where the option lives."""
        variant = POLICY.choose(interpretation_id, option)
        value: object = variant
        for name in path:
            value = getattr(value, name)
        assert value is expected
        assert variant.choices[interpretation_id] == option
        assert POLICY.choices[interpretation_id] != option  # POLICY itself is unchanged
        assert len(policy_diff(POLICY, variant)) == 1

    @given(chosen_policies())
    def test_choosing_the_default_again_restores_policy(self, variant: Policy) -> None:
        """Choosing every default option on any variant gives back an equal POLICY."""
        restored = variant
        for interpretation_id, option in POLICY.choices.items():
            restored = restored.choose(interpretation_id, option)
        assert restored == POLICY
        assert hash(restored) == hash(POLICY)

    @pytest.mark.parametrize("interpretation_id", ["I-NOPE", "I-RATE", "I-CENT", "R-OT", ""])
    def test_unknown_or_fixed_interpretation(self, interpretation_id: str) -> None:
        """An unknown id, or one without options, is refused, listing the selectable ones."""
        with pytest.raises(InvalidInputError, match="has no options") as info:
            POLICY.choose(interpretation_id, "half-up")
        assert repr(interpretation_id) in str(info.value)
        assert "I-BAND" in str(info.value)

    def test_unknown_option(self) -> None:
        """An option the interpretation does not have is refused, listing the allowed ones."""
        with pytest.raises(InvalidInputError, match="'round' is not an option of I-BAND") as info:
            POLICY.choose("I-BAND", "round")
        for allowed in ("'truncate'", "'half-up'", "'half-even'"):
            assert allowed in str(info.value)

    def test_option_must_be_its_value_text(self) -> None:
        """Options are chosen by their documented text, not by enum member name."""
        with pytest.raises(InvalidInputError, match="not an option"):
            POLICY.choose("I-BAND", "HALF_UP")


class TestTierValidation:
    def test_band_outside_0_100(self) -> None:
        """A band reaching above 100% is refused."""
        with pytest.raises(PolicyError, match="not within 0-100"):
            tier("R-AWD-1", 90, 101)

    def test_band_below_zero(self) -> None:
        """A band starting below 0% is refused."""
        with pytest.raises(PolicyError, match=r"R-AWD-3: band -1%-79%"):
            tier("R-AWD-3", -1, 79)

    def test_band_low_above_high(self) -> None:
        """A band whose low end is above its high end is refused."""
        with pytest.raises(PolicyError, match="low <= high"):
            tier("R-AWD-2", 89, 80)

    @pytest.mark.parametrize(("low", "high"), [(90.0, 100), (90, 100.0), (True, 100), ("90", 100)])
    def test_band_ends_must_be_ints(self, low: Any, high: Any) -> None:
        """Band ends are whole percents: a float, bool or str is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="whole percent"):
            tier("R-AWD-1", low, high)

    def test_negative_amount(self) -> None:
        """A negative per-officer amount makes an inconsistent policy part: a PolicyError."""
        with pytest.raises(PolicyError, match="negative"):
            tier("R-AWD-1", 90, 100, "-1")

    def test_negative_amount_by_evolve(self) -> None:
        """A negative amount is refused by ``attrs.evolve`` too: variants are re-validated."""
        with pytest.raises(InvalidInputError, match="negative"):
            attrs.evolve(TIERS[0], amount=Decimal("-1000"))

    def test_float_amount(self) -> None:
        """A float amount is refused with the float advice."""
        with pytest.raises(InvalidTypeError, match="pass a string or Decimal"):
            tier("R-AWD-1", 90, 100, 1000.0)

    def test_sub_cent_amount(self) -> None:
        """An amount finer than a cent is refused."""
        with pytest.raises(InvalidInputError, match="fractions of a cent"):
            tier("R-AWD-1", 90, 100, "1000.005")

    def test_bad_rule_id(self) -> None:
        """A tier's rule id must look like 'R-AWD-1'."""
        with pytest.raises(PolicyError, match="rule id"):
            tier("AWD-1", 90, 100)

    def test_amount_is_normalised(self) -> None:
        """Any accepted spelling of the amount becomes a two-place Decimal."""
        assert str(tier("R-AWD-1", 90, 100, 1000).amount) == "1000.00"


class TestScheduleValidation:
    def test_empty(self) -> None:
        """A schedule without tiers is refused."""
        with pytest.raises(PolicyError, match="empty"):
            AwardSchedule(tiers=())

    def test_not_a_tuple(self) -> None:
        """Tiers must be a tuple (a list is mutable and cannot sit in a frozen object)."""
        with pytest.raises(InvalidTypeError, match="tuple of AwardTier"):
            AwardSchedule(tiers=list(TIERS))  # type: ignore[arg-type]

    def test_overlapping(self) -> None:
        """Bands that share a percent are refused, naming both."""
        with pytest.raises(PolicyError, match="overlaps"):
            schedule_of(tier("R-AWD-1", 90, 100), tier("R-AWD-2", 80, 90))

    def test_same_low(self) -> None:
        """Two bands starting at the same percent overlap."""
        with pytest.raises(PolicyError, match="overlaps"):
            schedule_of(tier("R-AWD-1", 80, 100), tier("R-AWD-2", 80, 85))

    def test_unordered(self) -> None:
        """Tiers must be listed highest band first."""
        with pytest.raises(PolicyError, match="not ordered"):
            schedule_of(tier("R-AWD-2", 80, 89), tier("R-AWD-1", 90, 100))

    def test_unordered_by_evolve(self) -> None:
        """Reversing the tiers with ``attrs.evolve`` is refused: variants are re-validated."""
        with pytest.raises(PolicyError, match="not ordered"):
            attrs.evolve(POLICY.award_schedule, tiers=tuple(reversed(TIERS)))

    def test_duplicate_tier_ids(self) -> None:
        """Two tiers with one rule id are refused."""
        with pytest.raises(PolicyError, match="share a rule id"):
            schedule_of(tier("R-AWD-1", 90, 100), tier("R-AWD-1", 80, 89))

    def test_gaps_are_allowed(self) -> None:
        """Bands need not touch: a rate in a gap earns nothing."""
        schedule = schedule_of(tier("R-AWD-1", 90, 100), tier("R-AWD-3", 70, 79))
        assert schedule.tier_for_percent(85) is None
        assert schedule.tier_for_percent(75) is schedule.tiers[1]

    @pytest.mark.parametrize(
        ("field", "value"),
        [("band_rounding", "half-up"), ("no_leads", None), ("headcount", "last-day")],
    )
    def test_options_must_be_enum_members(self, field: str, value: Any) -> None:
        """An option given as text instead of its enum member is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match=field):
            attrs.evolve(POLICY.award_schedule, **{field: value})

    def test_percent_lookup_covers_every_whole_percent(self) -> None:
        """Oracle: each whole percent 0-100 maps to the tier whose band holds it, or None."""
        schedule = POLICY.award_schedule
        for percent in range(101):
            expected = next((t for t in TIERS if t.low <= percent <= t.high), None)
            assert schedule.tier_for_percent(percent) is expected


class TestOvertimeCapValidation:
    @pytest.mark.parametrize("fraction", [Fraction(5, 4), Fraction(-1, 4), Fraction(101, 100)])
    def test_outside_0_1(self, fraction: Fraction) -> None:
        """A cap below 0% or above 100% of salary is refused."""
        with pytest.raises(PolicyError, match="outside 0-1"):
            OvertimeCap(fraction)

    @pytest.mark.parametrize("fraction", [0.25, Decimal("0.25"), 1, "1/4", True])
    def test_not_a_fraction(self, fraction: Any) -> None:
        """A cap that is not a Fraction (a float above all) is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="Fraction"):
            OvertimeCap(fraction)

    @pytest.mark.parametrize("fraction", [Fraction(0), Fraction(1), Fraction(1, 5)])
    def test_edges_allowed(self, fraction: Fraction) -> None:
        """0% and 100% are the edges of the allowed range."""
        assert OvertimeCap(fraction).percent == fraction * 100

    def test_float_by_evolve(self) -> None:
        """A float cap is refused by ``attrs.evolve`` too."""
        with pytest.raises(InvalidTypeError, match="Fraction"):
            attrs.evolve(POLICY.overtime_cap, fraction=FLOAT_QUARTER)

    def test_proration_must_be_an_option(self) -> None:
        """The proration option is a CapProration member."""
        with pytest.raises(InvalidTypeError, match="CapProration"):
            OvertimeCap(Fraction(1, 4), "none")  # type: ignore[arg-type]


class TestPolicyValidation:
    def test_until_before_from(self) -> None:
        """A policy cannot end before it starts."""
        with pytest.raises(PolicyError, match="is before effective_from 2025-10-01"):
            attrs.evolve(POLICY, effective_until=dt.date(2025, 9, 30))

    def test_until_equal_to_from(self) -> None:
        """A policy may be in force for a single day."""
        one_day = attrs.evolve(POLICY, effective_until=POLICY.effective_from)
        assert one_day.covers(dt.date(2025, 10, 1))
        assert not one_day.covers(dt.date(2025, 10, 2))

    @pytest.mark.parametrize("missing", ["R-EFF", "R-SAL", "R-OT", "R-AWD", "R-AWD-1", "R-AWD-3"])
    def test_missing_rule(self, missing: str) -> None:
        """Dropping a rule the policy needs (or one its tiers name) is refused, naming it."""
        rules = tuple(r for r in POLICY.rules if r.id != missing)
        with pytest.raises(PolicyError, match=f"{missing} has no rule with a citation"):
            attrs.evolve(POLICY, rules=rules)

    def test_duplicate_rule_ids(self) -> None:
        """Each rule id appears once."""
        with pytest.raises(PolicyError, match="repeat an id"):
            attrs.evolve(POLICY, rules=(*POLICY.rules, POLICY.rules[0]))

    def test_citation_of_a_foreign_source(self) -> None:
        """A rule citing a source the policy does not list is refused."""
        other = attrs.evolve(SOURCE, id="NFOP-2025-09")
        rule = POLICY.rule("R-OT")
        moved = attrs.evolve(rule, citation=attrs.evolve(rule.citation, source=other))
        rules = tuple(moved if r.id == "R-OT" else r for r in POLICY.rules)
        with pytest.raises(PolicyError, match="R-OT cites 'NFOP-2025-09'"):
            attrs.evolve(POLICY, rules=rules)

    def test_no_sources(self) -> None:
        """With no sources, no citation can be valid."""
        with pytest.raises(PolicyError, match="not among the policy's sources"):
            attrs.evolve(POLICY, sources=())

    def test_extra_rule_and_source_allowed(self) -> None:
        """A policy may carry more rules and sources than it needs."""
        other = attrs.evolve(SOURCE, id="NFOP-2025-09")
        extra = Rule("R-EQP", "Equipment", "Equipment is reimbursed.", Citation(other, "¶2", "q"))
        variant = attrs.evolve(POLICY, sources=(SOURCE, other), rules=(*POLICY.rules, extra))
        assert variant.rule("R-EQP") is extra

    @pytest.mark.parametrize(
        ("field", "value", "error"),
        [
            ("name", "", PolicyError),
            ("name", "   ", PolicyError),
            ("name", None, InvalidTypeError),
            ("effective_from", "2025-10-01", InvalidTypeError),
            ("effective_from", dt.datetime(2025, 10, 1, tzinfo=dt.UTC), InvalidTypeError),
            ("effective_until", "2030-01-01", InvalidTypeError),
            ("sources", [SOURCE], InvalidTypeError),
            ("rules", list(POLICY.rules), InvalidTypeError),
            ("rules", ("R-OT",), InvalidTypeError),
            ("award_schedule", TIERS, InvalidTypeError),
            ("overtime_cap", Fraction(1, 4), InvalidTypeError),
            ("model_scope", "all-models", InvalidTypeError),
        ],
    )
    def test_bad_fields(self, field: str, value: Any, error: type[G287Error]) -> None:
        """Every field is checked on ``attrs.evolve``: wrong types and empty names refused."""
        with pytest.raises(error, match=field):
            attrs.evolve(POLICY, **{field: value})


class TestPartsValidation:
    @pytest.mark.parametrize(
        ("field", "value", "error"),
        [
            ("id", "", PolicyError),
            ("title", 7, InvalidTypeError),
            ("date", dt.datetime(2025, 9, 18, tzinfo=dt.UTC), InvalidTypeError),
            ("url", " ", PolicyError),
        ],
    )
    def test_source(self, field: str, value: Any, error: type[G287Error]) -> None:
        """A source needs non-empty text fields and a plain date."""
        with pytest.raises(error, match=field):
            attrs.evolve(SOURCE, **{field: value})

    @pytest.mark.parametrize(
        ("field", "value", "error"),
        [
            ("locator", "7", PolicyError),
            ("locator", "¶0", PolicyError),
            ("locator", "¶7a", PolicyError),
            ("quote", "", PolicyError),
            ("source", "DHS-2025-09-18", InvalidTypeError),
        ],
    )
    def test_citation(self, field: str, value: Any, error: type[G287Error]) -> None:
        """A citation needs a Source, a '¶N' locator and a quote."""
        with pytest.raises(error, match=field):
            attrs.evolve(POLICY.citation("R-OT"), **{field: value})

    @pytest.mark.parametrize(
        ("field", "value", "error"),
        [
            ("id", "OT", PolicyError),
            ("id", "R-ot", PolicyError),
            ("statement", "", PolicyError),
            ("citation", "¶7", InvalidTypeError),
        ],
    )
    def test_rule(self, field: str, value: Any, error: type[G287Error]) -> None:
        """A rule needs an 'R-…' id, a statement and a Citation."""
        with pytest.raises(error, match=field):
            attrs.evolve(POLICY.rule("R-OT"), **{field: value})


class TestVariants:
    def test_policy_diff_lists_the_differences(self) -> None:
        """``policy_diff`` names each changed field by dotted path, with both values."""
        variant = with_cap(POLICY.choose("I-BAND", "half-up"), Fraction(1, 5))
        assert policy_diff(POLICY, variant) == (
            ("award_schedule.band_rounding", "truncate", "half-up"),
            ("overtime_cap.fraction", Fraction(1, 4), Fraction(1, 5)),
        )

    def test_policy_diff_of_equal_policies_is_empty(self) -> None:
        """Equal policies have no differences."""
        assert policy_diff(POLICY, POLICY) == ()
        assert policy_diff(POLICY, attrs.evolve(POLICY)) == ()

    def test_policy_diff_names_a_tier_by_position(self) -> None:
        """A changed tier amount is reported at ``award_schedule.tiers[i].amount``."""
        tiers = (TIERS[0], attrs.evolve(TIERS[1], amount="800"), TIERS[2])
        variant = policy_with_schedule(attrs.evolve(POLICY.award_schedule, tiers=tiers))
        assert policy_diff(POLICY, variant) == (
            ("award_schedule.tiers[1].amount", Decimal("750.00"), Decimal("800.00")),
        )

    def test_policy_diff_of_different_tier_counts(self) -> None:
        """Tier tuples of different lengths are reported whole, as are dates and names."""
        schedule = attrs.evolve(POLICY.award_schedule, tiers=TIERS[:2])
        rules = tuple(r for r in POLICY.rules if r.id != "R-AWD-3")
        variant = attrs.evolve(
            POLICY,
            name="two tiers",
            award_schedule=schedule,
            rules=rules,
            effective_until=dt.date(2030, 9, 30),
        )
        diff = {path: (a, b) for path, a, b in policy_diff(POLICY, variant)}
        assert diff["award_schedule.tiers"] == (TIERS, TIERS[:2])
        assert diff["effective_until"] == (None, dt.date(2030, 9, 30))
        assert diff["name"] == (POLICY.name, "two tiers")
        assert diff["rules"] == (POLICY.rules, rules)

    @given(policies())
    def test_policy_diff_is_symmetric(self, variant: Policy) -> None:
        """Swapping the arguments swaps the two values of every difference."""
        forward = policy_diff(POLICY, variant)
        backward = policy_diff(variant, POLICY)
        assert [(p, b, a) for p, a, b in forward] == list(backward)
        assert (forward == ()) == (variant == POLICY)

    def test_evolve_keeps_lookup_consistent(self) -> None:
        """A schedule built by ``attrs.evolve`` looks up its own tiers, not the original's."""
        tiers = (attrs.evolve(TIERS[0], low=95), *TIERS[1:])
        schedule = attrs.evolve(POLICY.award_schedule, tiers=tiers)
        assert schedule.tier_for_percent(94) is None
        assert schedule.tier_for_percent(95) is tiers[0]
        assert POLICY.award_schedule.tier_for_percent(94) is TIERS[0]


class TestValueObjects:
    @pytest.mark.parametrize(
        "obj",
        [
            POLICY,
            SOURCE,
            POLICY.rules[0],
            POLICY.citation("R-OT"),
            POLICY.award_schedule,
            TIERS[0],
            POLICY.overtime_cap,
            INTERPRETATIONS["I-BAND"],
            POLICY.choose("I-BAND", "half-even"),
        ],
        ids=lambda o: type(o).__name__,
    )
    def test_hashable_picklable_frozen(self, obj: Any) -> None:
        """Value objects hash, survive a pickle round trip equal, and cannot be changed."""
        assert hash(obj) == hash(obj)
        copy = pickle.loads(pickle.dumps(obj))
        assert copy == obj
        assert hash(copy) == hash(obj)
        first = attrs.fields(type(obj))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, first, None)

    def test_pickled_schedule_still_looks_up(self) -> None:
        """A schedule read back from a pickle finds its tiers as before."""
        copy = pickle.loads(pickle.dumps(POLICY.award_schedule))
        assert copy.tier_for_percent(90) == TIERS[0]
        assert copy.tier_for_percent(69) is None

    @given(policies())
    def test_variants_hash_pickle_and_evolve(self, variant: Policy) -> None:
        """Any variant is hashable, pickles equal, and ``attrs.evolve`` with no change is equal."""
        assert pickle.loads(pickle.dumps(variant)) == variant
        assert attrs.evolve(variant) == variant
        assert hash(attrs.evolve(variant)) == hash(variant)

    def test_policies_can_key_a_dict(self) -> None:
        """Equal policies built separately are one dict key."""
        seen = {POLICY.choose("I-BAND", "half-up"): "a"}
        assert seen[POLICY.choose("I-BAND", "half-up")] == "a"

    def test_repr_is_readable(self) -> None:
        """A tier's repr shows its fields, not the private lookup table."""
        assert repr(TIERS[1]) == (
            "AwardTier(rule_id='R-AWD-2', low=80, high=89, amount=Decimal('750.00'))"
        )
        assert "_by_percent" not in repr(POLICY.award_schedule)


class TestPolicyInForce:
    def test_first_day(self) -> None:
        """R-EFF: “Starting October 1, 2025” the policy is in force."""
        assert policy_in_force(dt.date(2025, 10, 1)) is POLICY

    def test_day_before(self) -> None:
        """R-EFF: on 2025-09-30 nothing is payable under it."""
        with pytest.raises(NotInEffectError, match="2025-09-30"):
            policy_in_force(dt.date(2025, 9, 30))

    @given(dates)
    def test_every_day_from_the_start(self, day: dt.date) -> None:
        """R-EFF: “Starting October 1, 2025, participating law enforcement will have these
        reimbursement opportunities” — every later day is covered."""
        assert policy_in_force(day) is POLICY
        assert POLICY.covers(day)

    @given(dates_before)
    def test_no_day_before_the_start(self, day: dt.date) -> None:
        """R-EFF: “Starting October 1, 2025, participating law enforcement will have these
        reimbursement opportunities” — no earlier day has a policy."""
        assert not POLICY.covers(day)
        with pytest.raises(NotInEffectError, match="R-EFF"):
            policy_in_force(day)

    def test_not_in_effect_is_a_value_error(self) -> None:
        """Callers catching ValueError catch a date before the policy."""
        with pytest.raises(ValueError, match="before 2025-10-01"):
            policy_in_force(dt.date(2020, 1, 1))

    @pytest.mark.parametrize("value", ["2025-10-01", dt.datetime(2025, 10, 1, tzinfo=dt.UTC), None])
    def test_refuses_non_dates(self, value: Any) -> None:
        """Only a plain date is looked up."""
        with pytest.raises(InvalidTypeError, match=r"expected a datetime\.date"):
            policy_in_force(value)

    def test_later_policy_takes_over(self) -> None:
        """With a successor in the registry, each day gets the policy covering it."""
        old = attrs.evolve(POLICY, effective_until=dt.date(2027, 9, 30))
        new = attrs.evolve(
            POLICY, name="successor", effective_from=dt.date(2027, 10, 1), effective_until=None
        )
        registry = (old, new)
        assert policy_in_force(dt.date(2027, 9, 30), registry) is old
        assert policy_in_force(dt.date(2027, 10, 1), registry) is new
        with pytest.raises(NotInEffectError):
            policy_in_force(dt.date(2025, 9, 30), registry)

    def test_gap_between_policies(self) -> None:
        """A day no policy of the registry covers is refused."""
        ended = attrs.evolve(POLICY, effective_until=dt.date(2026, 9, 30))
        assert policy_in_force(dt.date(2026, 9, 30), (ended,)) is ended
        with pytest.raises(NotInEffectError, match="outside every known policy"):
            policy_in_force(dt.date(2026, 10, 1), (ended,))

    def test_require_in_force_message(self) -> None:
        """``require_in_force`` names what was asked about, the policy and its period."""
        ended = attrs.evolve(POLICY, effective_until=dt.date(2026, 9, 30))
        with pytest.raises(NotInEffectError, match=r"FY2027 Q1.*2025-10-01 to 2026-09-30"):
            ended.require_in_force(dt.date(2026, 10, 1), "FY2027 Q1")
        with pytest.raises(NotInEffectError, match="open-ended"):
            POLICY.require_in_force(dt.date(2025, 9, 1), "FY2025 Q4")
        POLICY.require_in_force(dt.date(2025, 10, 1), "FY2026 Q1")  # in force: no error

    @given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)))
    def test_covers_oracle(self, day: dt.date) -> None:
        """Oracle: a bounded policy covers exactly the days from its start to its end."""
        bounded = attrs.evolve(POLICY, effective_until=dt.date(2028, 3, 31))
        assert bounded.covers(day) == (dt.date(2025, 10, 1) <= day <= dt.date(2028, 3, 31))


class TestFingerprint:
    def test_form(self) -> None:
        """A fingerprint is a sha256 hex digest, tagged."""
        assert re.fullmatch(r"sha256:[0-9a-f]{64}", POLICY.fingerprint)

    def test_stable_and_content_based(self) -> None:
        """Equal policies built separately have one fingerprint; any change gives another."""
        assert attrs.evolve(POLICY).fingerprint == POLICY.fingerprint
        prints = {
            POLICY.fingerprint,
            POLICY.choose("I-BAND", "half-up").fingerprint,
            POLICY.choose("I-BAND", "half-even").fingerprint,
            POLICY.choose("I-HEAD", "any-day").fingerprint,
            with_cap(POLICY, Fraction(1, 5)).fingerprint,
            attrs.evolve(POLICY, name="other").fingerprint,
        }
        assert len(prints) == 6

    @given(policies())
    def test_same_policy_same_fingerprint(self, variant: Policy) -> None:
        """Fingerprints agree exactly when policies are equal."""
        rebuilt = pickle.loads(pickle.dumps(attrs.evolve(variant)))
        assert rebuilt.fingerprint == variant.fingerprint
        assert (variant.fingerprint == POLICY.fingerprint) == (variant == POLICY)

    def test_cache_does_not_touch_equality(self) -> None:
        """Computing the fingerprint does not change equality, hashing or the repr."""
        fresh = attrs.evolve(POLICY)
        before = (hash(fresh), repr(fresh))
        _ = fresh.fingerprint
        assert (hash(fresh), repr(fresh)) == before
        assert fresh == attrs.evolve(POLICY)
        assert "fingerprint" not in repr(fresh)


class TestPolicyHtml:
    def test_shows_tiers_cap_and_choices(self) -> None:
        """The notebook view lists each tier, the 25% cap and every interpretation choice."""
        html = POLICY._repr_html_()
        for t in TIERS:
            assert f"<td>{t.rule_id}</td><td>{t.band}</td>" in html
        assert "$1,000.00" in html
        assert "overtime cap 25% of annual base salary" in html
        for interpretation_id, option in POLICY.choices.items():
            assert f"<td>{interpretation_id}</td><td>{option}</td>" in html
        assert "from 2025-10-01" in html

    def test_escapes_the_name(self) -> None:
        """A policy name with markup is escaped."""
        html = attrs.evolve(POLICY, name="<script>x</script>")._repr_html_()
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
