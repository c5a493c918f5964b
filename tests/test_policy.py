"""The policy: the announced numbers and their source, the award bands, variants and validation.

The policy DHS/ICE announced on 2025-09-18 (``g287.POLICY``) is data built from the types of
``g287.policy``; its numbers are quoted from ``src/g287/data/dhs-287g-release-2025-09-18.txt``:
¶6 the start (R-EFF), ¶7 salary, benefits and the 25% overtime cap (R-SAL, R-OT), ¶8 the quarterly
award and its three tiers (R-AWD, R-AWD-1 … R-AWD-3). Where the source is silent, a named
interpretation (``I-…``) says what g287 does; the five selectable ones are plain ``Policy``
fields, so ``Policy.choose`` and ``attrs.evolve`` are two spellings of one variant.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import importlib.resources
import itertools
import math
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from g287 import (
    INTERPRETATIONS,
    POLICY,
    REGISTRY,
    SOURCE,
    AwardTier,
    BandRounding,
    CapProration,
    Citation,
    G287Error,
    Headcount,
    Interpretation,
    Interpretations,
    InvalidInputError,
    InvalidTypeError,
    Model,
    ModelScope,
    NoLeads,
    NotInEffectError,
    Option,
    Policy,
    PolicyError,
    Rule,
    Source,
    award_tier,
    policy_diff,
    policy_in_force,
)
from g287._canonical import encode, fingerprint
from g287.policy import OPTION_TYPES, REGISTERED, to_model, whole_percent
from strategies import (
    OPTIONS,
    chosen_policies,
    dates,
    dates_before,
    leads,
    policies,
    with_cap,
    with_tier_amounts,
)

T1, T2, T3 = POLICY.tiers
START = dt.date(2025, 10, 1)
#: The policy with an end date: in force 2025-10-01 to 2026-03-31.
ENDED = attrs.evolve(POLICY, effective_until=dt.date(2026, 3, 31))
#: The Policy field of each selectable interpretation, written out from issue 11.
FIELDS = {
    "I-BAND": "band_rounding",
    "I-BELOW": "no_leads",
    "I-HEAD": "headcount",
    "I-MODEL": "model_scope",
    "I-CAPPRO": "cap_proration",
}
SOURCE_FILE = "dhs-287g-release-2025-09-18.txt"
#: A published tier in the source: “90% - 100% - $1,000 per eligible task force officer”.
TIER_TEXT = re.compile(r"(\d+)% - (\d+)% - \$([\d,]+) per eligible task force officer")


def with_tiers(*tiers: AwardTier) -> Policy:
    return attrs.evolve(POLICY, tiers=tiers)


def with_rules(*rules: Rule) -> Policy:
    return attrs.evolve(POLICY, rules=rules)


def with_interpretations(*items: Interpretation) -> Policy:
    return attrs.evolve(POLICY, interpretations=Interpretations(items))


def replacing(item: Interpretation) -> Policy:
    """The announced policy with one interpretation replaced by ``item`` (same id)."""
    return with_interpretations(*(item if i.id == item.id else i for i in INTERPRETATIONS.values()))


def without(interpretation_id: str) -> Policy:
    return with_interpretations(*(i for i in INTERPRETATIONS.values() if i.id != interpretation_id))


def bad(value: object) -> Any:
    """``value``, typed ``Any`` so the type checker lets a refusal test pass it on."""
    return value


# --- the announced policy and its source -------------------------------------------------------


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    """The source's paragraphs: its non-empty lines, ¶1 first."""
    text = (importlib.resources.files("g287") / "data" / SOURCE_FILE).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def paragraph(paragraphs: list[str], locator: str) -> str:
    """The paragraph a locator such as ``¶7`` names."""
    match = re.fullmatch(r"¶([1-9][0-9]*)", locator)
    assert match is not None, locator
    assert int(match[1]) <= len(paragraphs), f"{locator} is past the last paragraph"
    return paragraphs[int(match[1]) - 1]


class TestAnnouncedPolicy:
    def test_numbers(self) -> None:
        """R-AWD-1..3: $1,000 / $750 / $500 per officer at 90-100% / 80-89% / 70-79%; R-OT: 25%
        of salary; R-EFF: from 2025-10-01 with no end."""
        assert [(t.rule_id, t.low, t.high, t.amount) for t in POLICY.tiers] == [
            ("R-AWD-1", 90, 100, Decimal("1000.00")),
            ("R-AWD-2", 80, 89, Decimal("750.00")),
            ("R-AWD-3", 70, 79, Decimal("500.00")),
        ]
        assert POLICY.overtime_share == Fraction(1, 4)
        assert (POLICY.effective_from, POLICY.effective_until) == (START, None)
        assert POLICY.lowest_tier == T3
        assert REGISTRY == (POLICY,)

    def test_rules_and_interpretations(self) -> None:
        """The rules and interpretations have the stable ids of DESIGN §1 and §2."""
        assert [r.id for r in POLICY.rules] == [
            "R-EFF",
            "R-SAL",
            "R-OT",
            "R-AWD",
            "R-AWD-1",
            "R-AWD-2",
            "R-AWD-3",
        ]
        assert list(INTERPRETATIONS) == [
            "I-RATE",
            "I-BAND",
            "I-BELOW",
            "I-ASSIST",
            "I-HEAD",
            "I-MODEL",
            "I-CAPBASE",
            "I-CAPYEAR",
            "I-ADJUST",
            "I-CAPPRO",
            "I-WIN",
            "I-DAYS",
            "I-CENT",
        ]
        assert POLICY.interpretations is INTERPRETATIONS

    def test_default_choices(self) -> None:
        """The announced policy truncates bands, gives no award without leads, counts officers
        on the quarter's last day, reimburses Task Force Model officers only (the reading that
        cannot over-claim) and does not prorate the cap."""
        assert POLICY.choices == {
            "I-BAND": "truncate",
            "I-BELOW": "no-award",
            "I-HEAD": "last-day",
            "I-MODEL": "task-force-only",
            "I-CAPPRO": "none",
        }

    @pytest.mark.parametrize("rule", POLICY.rules, ids=lambda r: r.id)
    def test_quote_stands_in_its_paragraph(self, paragraphs: list[str], rule: Rule) -> None:
        """Each rule's quote stands verbatim in the paragraph of the source its locator names."""
        assert rule.citation.source == SOURCE
        assert rule.citation.quote in paragraph(paragraphs, rule.citation.locator)

    @pytest.mark.parametrize("item", INTERPRETATIONS.values(), ids=lambda i: i.id)
    def test_interpretation_reads_a_quoted_rule(
        self, paragraphs: list[str], item: Interpretation
    ) -> None:
        """Each interpretation reads a rule of the policy whose quote stands in the source."""
        citation = POLICY.citation(item.id)
        assert citation == POLICY.rule(item.rule_id).citation
        assert citation.quote in paragraph(paragraphs, citation.locator)

    def test_release_paragraph(self, paragraphs: list[str]) -> None:
        """¶1 carries the release's date and headline, as SOURCE records them."""
        assert SOURCE.date.isoformat() in paragraphs[0]
        assert SOURCE.title in paragraphs[0]

    def test_effective_date_is_the_quoted_one(self) -> None:
        """R-EFF, ¶6: the date in “Starting October 1, 2025, …” is the policy's first day."""
        match = re.match(r"Starting (\w+) (\d{1,2}), (\d{4}),", POLICY.citation("R-EFF").quote)
        assert match is not None
        month = list(calendar.month_name).index(match[1])
        assert dt.date(int(match[3]), month, int(match[2])) == POLICY.effective_from

    def test_overtime_share_is_the_quoted_percent(self) -> None:
        """R-OT, ¶7: the percent in “overtime coverage up to 25% of …” is the cap share."""
        match = re.search(
            r"up to (\d+)% of the officer’s annual salary", POLICY.citation("R-OT").quote
        )
        assert match is not None
        assert Fraction(int(match[1]), 100) == POLICY.overtime_share

    def test_tiers_are_the_published_ones(self, paragraphs: list[str]) -> None:
        """R-AWD-1..3, ¶8: each tier is the band and amount its quote states, and every tier
        published anywhere in the source is a tier of the policy."""
        for tier in POLICY.tiers:
            match = TIER_TEXT.fullmatch(POLICY.citation(tier.rule_id).quote)
            assert match is not None, tier.rule_id
            assert (tier.low, tier.high) == (int(match[1]), int(match[2]))
            assert tier.amount == Decimal(match[3].replace(",", ""))
        published = {
            (int(low), int(high), Decimal(amount.replace(",", "")))
            for text in paragraphs
            for low, high, amount in TIER_TEXT.findall(text)
        }
        assert published == {(t.low, t.high, t.amount) for t in POLICY.tiers}

    def test_shipped_copy_is_the_primary_source(self) -> None:
        """The copy of the source inside the package is byte for byte the project's source."""
        shared = Path(__file__).resolve().parents[2] / "shared" / "source" / SOURCE_FILE
        if not shared.exists():
            pytest.skip(f"{shared} is not present in this checkout")
        packaged = importlib.resources.files("g287") / "data" / SOURCE_FILE
        assert packaged.read_bytes() == shared.read_bytes()


# --- the award bands (R-AWD-1..3, I-BAND) ------------------------------------------------------

#: The least location rate each tier needs under each I-BAND option, written out by hand from
#: ¶8's bands. Truncating needs the whole percent; rounding to the nearest percent lets in a rate
#: half a percent below. 70, 80 and 90 are even, so a half there rounds up under half-even too.
LEAST_RATES: dict[BandRounding, list[tuple[Fraction, str, Decimal]]] = {
    BandRounding.TRUNCATE: [
        (Fraction(90, 100), "R-AWD-1", Decimal("1000.00")),
        (Fraction(80, 100), "R-AWD-2", Decimal("750.00")),
        (Fraction(70, 100), "R-AWD-3", Decimal("500.00")),
    ],
    BandRounding.HALF_UP: [
        (Fraction(895, 1000), "R-AWD-1", Decimal("1000.00")),
        (Fraction(795, 1000), "R-AWD-2", Decimal("750.00")),
        (Fraction(695, 1000), "R-AWD-3", Decimal("500.00")),
    ],
    BandRounding.HALF_EVEN: [
        (Fraction(895, 1000), "R-AWD-1", Decimal("1000.00")),
        (Fraction(795, 1000), "R-AWD-2", Decimal("750.00")),
        (Fraction(695, 1000), "R-AWD-3", Decimal("500.00")),
    ],
}

#: I-BAND's three roundings of an exact percent, each written with the standard library.
ROUNDED: dict[BandRounding, Callable[[Fraction], int]] = {
    BandRounding.TRUNCATE: math.floor,
    BandRounding.HALF_UP: lambda percent: math.floor(percent + Fraction(1, 2)),
    BandRounding.HALF_EVEN: round,  # Python rounds a Fraction's halves to the even integer
}


def expected_tier(rate: Fraction, rounding: BandRounding) -> tuple[str, Decimal] | None:
    for least, rule_id, amount in LEAST_RATES[rounding]:
        if rate >= least:
            return rule_id, amount
    return None


class TestAwardBands:
    @pytest.mark.parametrize("rounding", BandRounding)
    def test_every_rate_of_up_to_200_leads(self, rounding: BandRounding) -> None:
        """R-AWD-1..3, ¶8: “90% - 100% - $1,000 … 80% - 89% - $750 … 70% - 79% - $500 per
        eligible task force officer”: every located/provided with up to 200 leads earns the
        tier of the hand-written bands, under each I-BAND option."""
        policy = POLICY.choose("I-BAND", rounding.value)
        for provided in range(1, 201):
            for located in range(provided + 1):
                rate = Fraction(located, provided)
                tier = award_tier(rate, policy)
                got = None if tier is None else (tier.rule_id, tier.amount)
                assert got == expected_tier(rate, rounding), (located, provided)

    @pytest.mark.parametrize(
        ("located", "provided", "percents"),
        [
            (179, 200, (89, 90, 90)),  # 89.5%
            (177, 200, (88, 89, 88)),  # 88.5%: half-even goes to the even 88
            (1791, 2000, (89, 90, 90)),  # 89.55%
            (9, 10, (90, 90, 90)),
            (0, 7, (0, 0, 0)),
            (7, 7, (100, 100, 100)),
        ],
    )
    def test_whole_percent_examples(
        self, located: int, provided: int, percents: tuple[int, int, int]
    ) -> None:
        """I-BAND: truncate, half-up and half-even place a rate at these whole percents."""
        got = tuple(
            whole_percent(located, provided, r)
            for r in (BandRounding.TRUNCATE, BandRounding.HALF_UP, BandRounding.HALF_EVEN)
        )
        assert got == percents

    @given(leads(), st.sampled_from(BandRounding))
    def test_whole_percent_is_the_rounded_percent(
        self, pair: tuple[int, int], rounding: BandRounding
    ) -> None:
        """I-BAND, reading R-AWD (¶8: “90% - 100% - $1,000 per eligible task force officer”):
        the whole percent of located/provided is the exact percent rounded as the option says,
        and ``Policy.percent`` of the rate is the same whole percent."""
        located, provided = pair
        exact = Fraction(100 * located, provided)
        assert whole_percent(located, provided, rounding) == ROUNDED[rounding](exact)
        policy = POLICY.choose("I-BAND", rounding.value)
        assert policy.percent(Fraction(located, provided)) == ROUNDED[rounding](exact)

    def test_tier_for_each_whole_percent(self) -> None:
        """R-AWD-1..3: each whole percent 0-100 is in the tier whose band holds it, or none
        below 70%."""
        for percent in range(101):
            tier = POLICY.tier_for_percent(percent)
            expected = "R-AWD-1" if percent >= 90 else "R-AWD-2" if percent >= 80 else "R-AWD-3"
            assert (tier.rule_id if tier else None) == (expected if percent >= 70 else None)

    def test_percent_of_a_whole_number_rate(self) -> None:
        """A rate of 0 or 1 may be given as an int."""
        assert (POLICY.percent(bad(0)), POLICY.percent(bad(1))) == (0, 100)

    def test_a_gap_between_bands_is_refused(self) -> None:
        """A policy may not leave a gap between bands (80%-89% paying nothing without a word),
        nor between its top band and 100%: the gap is named."""
        with pytest.raises(PolicyError, match="leave 80%-89% in no band") as info:
            with_tiers(T1, T3)
        assert info.value.field == "tiers"
        with pytest.raises(PolicyError, match="leave 80% in no band"):
            with_tiers(T1, attrs.evolve(T2, low=81), T3)
        with pytest.raises(PolicyError, match="leave 100% in no band"):
            with_tiers(attrs.evolve(T1, high=99), T2, T3)

    def test_variant_amounts_are_looked_up(self) -> None:
        """A policy with other amounts awards them: the lookup follows the variant's tiers."""
        richer = with_tier_amounts(POLICY, "1250", "750", "500")
        tier = award_tier(Fraction(9, 10), richer)
        assert tier is not None
        assert tier.amount == Decimal("1250.00")

    def test_tier_band_and_membership(self) -> None:
        """A tier's band reads as published and holds the whole percents from low to high."""
        assert (T1.band, T2.band, T3.band) == ("90%-100%", "80%-89%", "70%-79%")
        assert 90 in T1
        assert 100 in T1
        assert 89 not in T1
        assert True not in T1
        assert "90" not in T1
        assert 90.0 not in T1


# --- interpretations and variants --------------------------------------------------------------


class TestInterpretations:
    @pytest.mark.parametrize(("interpretation_id", "field"), FIELDS.items())
    def test_selectable_ones_name_their_field_and_options(
        self, interpretation_id: str, field: str
    ) -> None:
        """A selectable interpretation names its Policy field and lists every option of its
        type, the announced policy's first."""
        item = INTERPRETATIONS[interpretation_id]
        kind = OPTIONS[interpretation_id]
        assert item.field == field
        assert item.option_type is kind
        assert sorted(item.values) == sorted(o.value for o in kind)
        assert item.values[0] == getattr(POLICY, field).value
        assert item.alternatives == item.options[1:]
        assert len(item.alternatives) == len(kind) - 1

    @pytest.mark.parametrize(
        "item", [i for i in INTERPRETATIONS.values() if i.id not in FIELDS], ids=lambda i: i.id
    )
    def test_the_others_have_one_reading(self, item: Interpretation) -> None:
        """An interpretation with one reading has no field, options or option type."""
        assert (item.field, item.options, item.values, item.option_type) == (None, (), (), None)

    def test_catalogue_is_an_immutable_mapping(self) -> None:
        """INTERPRETATIONS maps id to interpretation and cannot be changed."""
        assert isinstance(INTERPRETATIONS, Mapping)
        assert INTERPRETATIONS["I-BAND"].id == "I-BAND"
        assert len(INTERPRETATIONS) == 13
        assert "I-NOPE" not in INTERPRETATIONS
        assert INTERPRETATIONS.get("I-NOPE") is None
        with pytest.raises(KeyError):
            INTERPRETATIONS["I-NOPE"]
        catalogue: Any = INTERPRETATIONS
        with pytest.raises(TypeError):
            catalogue["I-NEW"] = INTERPRETATIONS["I-BAND"]
        with pytest.raises(TypeError):
            del catalogue["I-BAND"]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            catalogue.entries = ()
        assert isinstance(INTERPRETATIONS.entries, tuple)

    def test_catalogue_html(self) -> None:
        """The catalogue shows as a table of ids, questions, defaults and alternatives, with
        its text escaped."""
        html = INTERPRETATIONS._repr_html_()
        for item in INTERPRETATIONS.values():
            assert f"<td>{item.id}</td>" in html
        assert "half-up: round to the nearest percent, halves up" in html
        assert "How does &quot;overall assistance&quot; enter the award?" in html
        assert '"overall assistance"' not in html

    def test_option_and_citation_text(self) -> None:
        """An option reads ``value: meaning``; a citation reads ``source ¶n: “quote”``."""
        assert str(Option("half-up", "halves up")) == "half-up: halves up"
        assert str(POLICY.citation("R-OT")) == (
            "DHS-2025-09-18 ¶7: “including overtime coverage up to 25% of the officer’s annual "
            "salary”"
        )


class TestChoose:
    @given(chosen_policies(), st.sampled_from(sorted(FIELDS)), st.data())
    def test_choose_is_evolve(
        self, policy: Policy, interpretation_id: str, data: st.DataObject
    ) -> None:
        """DESIGN §3: “Variants come from attrs.evolve (or Policy.choose, the same thing by
        id)”: for every option of every selectable interpretation, from any variant, choosing by
        id (option value or enum member) is evolving its field."""
        member = data.draw(st.sampled_from(list(OPTIONS[interpretation_id])))
        change: dict[str, Any] = {FIELDS[interpretation_id]: member}
        evolved = attrs.evolve(policy, **change)
        assert policy.choose(interpretation_id, member.value) == evolved
        assert policy.choose(interpretation_id, member) == evolved
        assert evolved.choices == {**policy.choices, interpretation_id: member.value}

    def test_choosing_the_announced_options_again_is_the_policy(self) -> None:
        """Choosing every announced option again gives back a policy equal to POLICY."""
        variant = POLICY
        for interpretation_id, value in POLICY.choices.items():
            variant = variant.choose(interpretation_id, value)
        assert variant == POLICY

    def test_unknown_interpretation_names_the_known_ones(self) -> None:
        """An unknown id is refused, listing every interpretation id the policy knows."""
        with pytest.raises(InvalidInputError) as info:
            POLICY.choose("I-NOPE", "x")
        assert all(i in str(info.value) for i in INTERPRETATIONS)

    def test_one_reading_names_the_selectable_ones(self) -> None:
        """An interpretation with one reading is refused, naming the selectable ones."""
        with pytest.raises(InvalidInputError) as info:
            POLICY.choose("I-CAPBASE", "x")
        assert all(i in str(info.value) for i in FIELDS)

    def test_bad_option_names_the_options(self) -> None:
        """An option the interpretation lacks is refused, naming each of its options."""
        with pytest.raises(InvalidInputError) as info:
            POLICY.choose("I-HEAD", "first-day")
        assert "'last-day'" in str(info.value)
        assert "'any-day'" in str(info.value)

    def test_model_scopes(self) -> None:
        """I-MODEL: all-models reimburses every 287(g) model; task-force-only only TFM."""
        assert ModelScope.ALL_MODELS.models == frozenset(Model)
        assert ModelScope.TASK_FORCE_ONLY.models == frozenset({Model.TASK_FORCE})

    @pytest.mark.parametrize(
        ("value", "model"),
        [
            (Model.TASK_FORCE, Model.TASK_FORCE),
            ("TFM", Model.TASK_FORCE),
            (" jem ", Model.JAIL_ENFORCEMENT),
            ("wso", Model.WARRANT_SERVICE_OFFICER),
        ],
    )
    def test_to_model(self, value: object, model: Model) -> None:
        """A 287(g) model is a Model or its code, in any case."""
        assert to_model(value) is model


class TestPolicyDiff:
    def test_equal_policies_differ_in_nothing(self) -> None:
        """Two equal policies have no differences."""
        assert policy_diff(POLICY, attrs.evolve(POLICY)) == ()

    @pytest.mark.parametrize(
        ("interpretation_id", "value"),
        [(i, o.value) for i in FIELDS for o in INTERPRETATIONS[i].alternatives],
    )
    def test_interpretations_by_id(self, interpretation_id: str, value: str) -> None:
        """A selectable interpretation is named by its id and shown by option value."""
        variant = POLICY.choose(interpretation_id, value)
        default = POLICY.choices[interpretation_id]
        assert policy_diff(POLICY, variant) == ((interpretation_id, default, value),)

    def test_other_parts_by_path(self) -> None:
        """Other parts are named by their path: a tier's amount, the cap share, an
        interpretation's text, the end date."""
        band_text = attrs.evolve(INTERPRETATIONS["I-BAND"], default="Round down.")
        variant = attrs.evolve(
            replacing(band_text).choose("I-BELOW", "error"),
            tiers=with_tier_amounts(POLICY, "1250", "750", "500").tiers,
            overtime_share=Fraction(1, 5),
            effective_until=dt.date(2026, 9, 30),
        )
        assert policy_diff(POLICY, variant) == (
            ("effective_until", None, dt.date(2026, 9, 30)),
            (
                "interpretations.entries[1].default",
                INTERPRETATIONS["I-BAND"].default,
                "Round down.",
            ),
            ("tiers[0].amount", Decimal("1000.00"), Decimal("1250.00")),
            ("overtime_share", Fraction(1, 4), Fraction(1, 5)),
            ("I-BELOW", "no-award", "error"),
        )

    def test_tiers_of_another_length(self) -> None:
        """Tier lists of different lengths are shown whole."""
        assert policy_diff(POLICY, with_tiers(T1, T2)) == (("tiers", (T1, T2, T3), (T1, T2)),)

    @settings(max_examples=40)
    @given(policies(), policies(), st.booleans())
    def test_diff_is_empty_exactly_when_equal_and_symmetric(
        self, a: Policy, other: Policy, same: bool
    ) -> None:
        """DESIGN §2: each interpretation is “a named, documented choice … None is hidden in
        code”: two policies differ in nothing exactly when equal, and swapping them swaps each
        difference's values."""
        b = attrs.evolve(a) if same else other
        diff = policy_diff(a, b)
        assert (diff == ()) == (a == b)
        assert policy_diff(b, a) == tuple((where, y, x) for where, x, y in diff)


class TestFingerprint:
    def test_form_and_stability(self) -> None:
        """A fingerprint is ``sha256:`` and 64 hex digits, the same for an equal policy
        rebuilt, pickled or made in a fresh process."""
        assert re.fullmatch(r"sha256:[0-9a-f]{64}", POLICY.fingerprint)
        rebuilt = POLICY.choose("I-BAND", "half-up").choose("I-BAND", "truncate")
        assert rebuilt.fingerprint == POLICY.fingerprint
        assert pickle.loads(pickle.dumps(POLICY)).fingerprint == POLICY.fingerprint
        other_process = subprocess.run(
            [sys.executable, "-c", "import g287; print(g287.POLICY.fingerprint)"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "12345"},
        )
        assert other_process.stdout.strip() == POLICY.fingerprint

    def test_every_combination_of_options_has_its_own(self) -> None:
        """Each of the 48 combinations of interpretation options has a different fingerprint."""
        combinations = itertools.product(*(list(OPTIONS[i]) for i in FIELDS))
        prints = {
            attrs.evolve(
                POLICY, **bad(dict(zip(FIELDS.values(), members, strict=True)))
            ).fingerprint
            for members in combinations
        }
        assert len(prints) == 3 * 2 * 2 * 2 * 2

    @settings(max_examples=40)
    @given(policies(), policies(), st.booleans())
    def test_equal_exactly_when_policies_are(self, a: Policy, other: Policy, same: bool) -> None:
        """DESIGN §3: results carry their policy, whose fingerprint “says which variant produced
        a figure”: two policies share a fingerprint exactly when they are equal."""
        b = attrs.evolve(a) if same else other
        assert (a.fingerprint == b.fingerprint) == (a == b)

    def test_canonical_encoding(self) -> None:
        """The encoding behind the fingerprint writes each value so it reads back equal:
        amounts as text, fractions as ``n/d``, dates in ISO form, enums by value, sets sorted,
        and only the fields a policy is built from."""
        assert encode(frozenset({Model.WARRANT_SERVICE_OFFICER, Model.TASK_FORCE})) == [
            "TFM",
            "WSO",
        ]
        assert encode((Decimal("1000.00"), Fraction(1, 4), START, None, True, 7)) == [
            "1000.00",
            "1/4",
            "2025-10-01",
            None,
            True,
            7,
        ]
        policy = encode(POLICY)
        assert set(policy) == {f.name for f in attrs.fields(Policy) if f.init}
        assert policy["band_rounding"] == "truncate"
        assert fingerprint(POLICY) == POLICY.fingerprint


# --- being in force (R-EFF) --------------------------------------------------------------------


class TestRegistration:
    def test_the_announced_policy_is_registered(self) -> None:
        """g287 vouches for exactly the policies of its registry, by pinned fingerprint, so an
        edit of the announced policy's data cannot pass for it."""
        assert POLICY.registered
        assert {p.fingerprint for p in REGISTRY} == REGISTERED
        assert POLICY.label == POLICY.name

    @settings(max_examples=40)
    @given(chosen_policies())
    def test_a_variant_names_its_choices(self, variant: Policy) -> None:
        """A registered policy with other interpretation options is labelled with them, in the
        order of the policy's fields, however it was made (choose or attrs.evolve)."""
        changed = [f"{i}={v}" for i, v in variant.choices.items() if v != POLICY.choices[i]]
        expected = f"{POLICY.name} [{', '.join(changed)}]" if changed else POLICY.name
        assert variant.label == expected
        assert variant.registered == (not changed)
        evolved = attrs.evolve(POLICY, **{f: getattr(variant, f) for f in OPTION_TYPES})
        assert evolved.label == variant.label

    @pytest.mark.parametrize(
        "doctored",
        [
            with_tier_amounts(POLICY, "100000", "750", "500"),  # R-AWD-1 at $100,000
            with_cap(POLICY, Fraction(1, 2)),
            attrs.evolve(POLICY, name="287(g) reimbursement (county copy)"),
            with_tier_amounts(POLICY.choose("I-BAND", "half-up"), "2000", "750", "500"),
        ],
        ids=["tier-amount", "cap-share", "renamed", "amount-and-choice"],
    )
    def test_any_other_policy_is_unregistered(self, doctored: Policy) -> None:
        """A policy that is neither registered nor a registered one with named choices says
        [unregistered] wherever its name is shown, even if it kept the official name."""
        assert not doctored.registered
        assert doctored.label == f"{doctored.name} [unregistered]"

    def test_the_model_scope_default_cannot_over_claim(self) -> None:
        """I-MODEL's default is Task Force Model officers only; its text gives the evidence of
        both readings (¶7's wording, the 2025-09-02 notice, the FOP statement)."""
        item = INTERPRETATIONS["I-MODEL"]
        assert item.values == ("task-force-only", "all-models")
        assert POLICY.model_scope is ModelScope.TASK_FORCE_ONLY
        for evidence in ("2025-09-02", "Fraternal Order of Police", "each eligible trained"):
            assert evidence in item.default


class TestInForce:
    def test_first_day(self) -> None:
        """R-EFF: the announced policy is in force from 2025-10-01, not the day before."""
        assert policy_in_force(START) is POLICY
        assert POLICY.covers(START)
        assert not POLICY.covers(START - dt.timedelta(days=1))
        with pytest.raises(NotInEffectError, match="date: 2025-09-30 is before 2025-10-01"):
            policy_in_force(dt.date(2025, 9, 30))

    @given(dates)
    def test_every_day_from_the_start(self, day: dt.date) -> None:
        """R-EFF, ¶6: “Starting October 1, 2025, participating law enforcement will have these
        reimbursement opportunities”: every later day is under the announced policy."""
        assert policy_in_force(day) is POLICY
        POLICY.require_in_force(day, "claim")

    @given(dates_before)
    def test_no_day_before_the_start(self, day: dt.date) -> None:
        """R-EFF, ¶6: “Starting October 1, 2025, …”: no earlier day is under any policy."""
        assert not POLICY.covers(day)
        with pytest.raises(NotInEffectError) as info:
            policy_in_force(day)
        assert (info.value.field, info.value.value) == ("date", day)

    def test_an_end_date_is_included(self) -> None:
        """A policy with an end date covers it and not the day after."""
        assert ENDED.covers(dt.date(2026, 3, 31))
        assert not ENDED.covers(dt.date(2026, 4, 1))

    def test_require_in_force_names_the_period(self) -> None:
        """``require_in_force`` names what was asked about and the policy's period."""
        with pytest.raises(NotInEffectError, match=r"^FY2025 Q4: starts .* to open-ended") as info:
            POLICY.require_in_force(dt.date(2025, 7, 1), "FY2025 Q4", "quarter")
        assert (info.value.field, info.value.value) == ("quarter", dt.date(2025, 7, 1))
        with pytest.raises(NotInEffectError, match="2025-10-01 to 2026-03-31"):
            ENDED.require_in_force(dt.date(2026, 4, 1), "FY2026 Q3")

    def test_a_later_policy_takes_over(self) -> None:
        """With several policies registered, a day is under the latest one that covers it."""
        later = attrs.evolve(POLICY, name="later", effective_from=dt.date(2026, 4, 1))
        assert policy_in_force(dt.date(2026, 3, 31), (ENDED, later)) is ENDED
        assert policy_in_force(dt.date(2026, 4, 1), (ENDED, later)) is later
        assert policy_in_force(dt.date(2026, 5, 1), (POLICY, later)) is later

    def test_a_gap_is_covered_by_none(self) -> None:
        """A day between two policies, or after the last one ends, is under none."""
        resumed = attrs.evolve(POLICY, name="resumed", effective_from=dt.date(2026, 6, 1))
        with pytest.raises(NotInEffectError, match="date: 2026-05-01 is outside every known"):
            policy_in_force(dt.date(2026, 5, 1), (ENDED, resumed))
        with pytest.raises(NotInEffectError, match="date: 2026-05-01 is outside every known"):
            policy_in_force(dt.date(2026, 5, 1), (ENDED,))


# --- lookups and display -----------------------------------------------------------------------


class TestLookups:
    def test_rule_and_citation(self) -> None:
        """A rule id finds its rule and citation; an interpretation id the passage it reads."""
        assert POLICY.rule("R-OT").citation.locator == "¶7"
        assert POLICY.citation("R-AWD-1").quote == (
            "90% - 100% - $1,000 per eligible task force officer"
        )
        assert POLICY.citation("I-BAND") == POLICY.rule("R-AWD").citation
        assert POLICY.citation("I-CAPPRO") == POLICY.rule("R-OT").citation


class TestPolicyHtml:
    def test_shows_tiers_cap_and_choices(self) -> None:
        """A policy shows each tier's band and amount, the 25% cap and every choice."""
        html = POLICY.choose("I-BAND", "half-up")._repr_html_()
        for text in (
            "<td>R-AWD-1</td><td>90%-100%</td>",
            "$1,000.00",
            "$750.00",
            "$500.00",
            "overtime cap 25% of annual base salary",
            "<td>I-BAND</td><td>half-up</td>",
            "<td>I-CAPPRO</td><td>none</td>",
            "(from 2025-10-01)",
        ):
            assert text in html

    def test_escapes_its_text(self) -> None:
        """A policy's name is escaped: it cannot inject markup into a notebook."""
        html = attrs.evolve(POLICY, name="<script>alert('x')</script>")._repr_html_()
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


# --- refusals ----------------------------------------------------------------------------------

TEXT: Any = "text"  # text where something else belongs, typed Any for the checker
NOON = dt.datetime(2026, 1, 1, 12)  # noqa: DTZ001 - a time of day where a date belongs
DAY = dt.date(2026, 1, 1)
OTHER_SOURCE = Source("X", "t", "p", dt.date(2025, 1, 1), "u")
I_RATE = INTERPRETATIONS["I-RATE"]
I_BAND = INTERPRETATIONS["I-BAND"]
EXTRA = Interpretation("I-NEW", "What now?", "Nothing.", "R-NOPE")


class Shade(enum.Enum):
    """An enum no interpretation uses."""

    DARK = "truncate"


#: (call, error, match, field): ``match`` is the start of the message (``field: value`` where
#: the message has that form).
REFUSALS: list[tuple[Callable[[], object], type[G287Error], str, str | None]] = [
    # award tiers
    (lambda: AwardTier("R-AWD-1", 90, 101, "1000"), PolicyError, "high: 101 of R-AWD-1", "high"),
    (lambda: AwardTier("R-AWD-1", 91, 90, "1000"), PolicyError, "high: 90 of R-AWD-1", "high"),
    (lambda: AwardTier("R-AWD-1", -1, 90, "1000"), PolicyError, "low: -1 of R-AWD-1", "low"),
    (lambda: AwardTier("R-AWD-1", True, 100, "1"), InvalidTypeError, "low: True is a bool", "low"),
    (lambda: AwardTier("R-AWD-1", 90, bad(100.0), "1"), InvalidTypeError, r"high: 100\.0", "high"),
    (
        lambda: AwardTier("R-AWD-1", 90, 100, "-1"),
        PolicyError,
        "amount: '-1' is negative",
        "amount",
    ),
    (
        lambda: AwardTier("R-AWD-1", 90, 100, 0.5),
        InvalidTypeError,
        r"amount: 0\.5 is a float",
        "amount",
    ),
    (lambda: AwardTier("R-awd", 90, 100, "1"), PolicyError, "rule_id: 'R-awd' is not", "rule_id"),
    # text printed in every trail: a line break or an escape could forge a line of it
    (
        lambda: attrs.evolve(POLICY, name="X\n\x1b[2K"),
        PolicyError,
        r"name: 'X\\n\\x1b\[2K' contains U\+000A",
        "name",
    ),
    (lambda: Source("X", "t\u202e", "p", DAY, "u"), PolicyError, r"title: 't\\u202e'", "title"),
    (  # text decoded with surrogateescape: it would not even encode as UTF-8
        lambda: attrs.evolve(POLICY, name="policy \udcff"),
        PolicyError,
        r"name: 'policy \\udcff' contains U\+DCFF",
        "name",
    ),
    (with_tiers, PolicyError, r"tiers: \(\) is empty", "tiers"),
    (lambda: with_tiers(T3, T1, T2), PolicyError, r"tiers: \['70%-79%', '90%-100%'", "tiers"),
    (
        lambda: with_tiers(T1, AwardTier("R-AWD-2", 80, 90, "750"), T3),
        PolicyError,
        "tiers: 'R-AWD-2' band 80%-90% overlaps R-AWD-1",
        "tiers",
    ),
    (
        lambda: with_tiers(T1, AwardTier("R-AWD-1", 80, 89, "750")),
        PolicyError,
        r"tiers: \['R-AWD-1', 'R-AWD-1'\] repeat",
        "tiers",
    ),
    (
        lambda: attrs.evolve(POLICY, tiers=bad([T1])),
        InvalidTypeError,
        r"tiers: \[AwardTier\(",
        "tiers",
    ),
    (
        lambda: with_tiers(T1, T2, T3, AwardTier("R-AWD-4", 60, 69, "250")),
        PolicyError,
        "rules: 'R-AWD-4' is used but is not a rule",
        "rules",
    ),
    # rules and sources
    (
        lambda: with_rules(*POLICY.rules, POLICY.rules[0]),
        PolicyError,
        r"rules: \['R-EFF', 'R-SAL', .*\] repeat an id",
        "rules",
    ),
    (
        lambda: with_rules(*(r for r in POLICY.rules if r.id != "R-OT")),
        PolicyError,
        "rules: 'R-OT' is used",
        "rules",
    ),
    (
        lambda: with_rules(
            *POLICY.rules[:-1], Rule("R-AWD-3", "t", "s", Citation(OTHER_SOURCE, "¶1", "q"))
        ),
        PolicyError,
        "rules: 'R-AWD-3' cites a source",
        "rules",
    ),
    (
        lambda: attrs.evolve(POLICY, sources=()),
        PolicyError,
        "rules: 'R-EFF' cites a source",
        "rules",
    ),
    (
        lambda: attrs.evolve(POLICY, sources=bad([SOURCE])),
        InvalidTypeError,
        r"sources: \[Source\(",
        "sources",
    ),
    # interpretations
    (
        lambda: with_interpretations(*INTERPRETATIONS.values(), EXTRA),
        PolicyError,
        "rules: 'R-NOPE' is used",
        "rules",
    ),
    (
        lambda: Interpretations((I_RATE, I_RATE)),
        PolicyError,
        r"interpretations: \['I-RATE', 'I-RATE'\]",
        "interpretations",
    ),
    (
        lambda: Interpretations(bad([I_RATE])),
        InvalidTypeError,
        r"entries: \[Interpretation\(",
        "entries",
    ),
    (
        lambda: attrs.evolve(POLICY, interpretations=bad({})),
        InvalidTypeError,
        "interpretations: {}",
        "interpretations",
    ),
    (
        lambda: Interpretation("I-X", "q", "d", "R-AWD", None, (Option("a", "b"),)),
        PolicyError,
        r"options: \(Option\(value='a', text='b'\),\) of I-X",
        "options",
    ),
    (
        lambda: Interpretation("I-X", "q", "d", "R-AWD", "band_rounding"),
        PolicyError,
        r"options: \(\) of I-X do not match its field 'band_rounding'",
        "options",
    ),
    (
        lambda: attrs.evolve(I_BAND, options=bad(list(I_BAND.options))),
        InvalidTypeError,
        r"options: \[Option",
        "options",
    ),
    (lambda: attrs.evolve(I_RATE, id="I-rate"), PolicyError, "id: 'I-rate' is not", "id"),
    (lambda: attrs.evolve(I_RATE, rule_id="R-"), PolicyError, "rule_id: 'R-' is not", "rule_id"),
    (lambda: attrs.evolve(I_RATE, field=bad(1)), InvalidTypeError, "field: 1 is an int", "field"),
    (
        lambda: replacing(attrs.evolve(I_RATE, field="colour", options=(Option("a", "b"),))),
        PolicyError,
        "interpretations: 'I-RATE' names 'colour', not its Policy field",
        "interpretations",
    ),
    (
        lambda: replacing(attrs.evolve(I_BAND, field="no_leads")),
        PolicyError,
        "interpretations: 'I-BAND' names 'no_leads'",
        "interpretations",
    ),
    (
        lambda: without("I-BAND"),
        PolicyError,
        r"interpretations: \['I-BAND'\] are followed by g287's calculations",
        "interpretations",
    ),
    (  # not a choice, but every line's explanation cites it
        lambda: without("I-WIN"),
        PolicyError,
        r"interpretations: \['I-WIN'\] are followed",
        "interpretations",
    ),
    (
        lambda: replacing(attrs.evolve(I_BAND, options=I_BAND.options[:2])),
        PolicyError,
        "interpretations: 'I-BAND' must describe",
        "interpretations",
    ),
    (
        lambda: replacing(attrs.evolve(I_BAND, field=None, options=())),
        PolicyError,
        "interpretations: 'I-BAND' must describe",
        "interpretations",
    ),
    # the policy's own fields
    (
        lambda: attrs.evolve(POLICY, effective_until=dt.date(2025, 9, 30)),
        PolicyError,
        "effective_until: 2025-09-30 is before effective_from 2025-10-01",
        "effective_until",
    ),
    (
        lambda: attrs.evolve(POLICY, effective_until=NOON),
        InvalidInputError,
        "effective_until: .* has a time of day",
        "effective_until",
    ),
    (
        lambda: attrs.evolve(POLICY, effective_from=TEXT),
        InvalidInputError,
        "effective_from: 'text' is not a date",
        "effective_from",
    ),
    (lambda: attrs.evolve(POLICY, name="  "), PolicyError, "name: '  ' is empty", "name"),
    (lambda: attrs.evolve(POLICY, name=bad(5)), InvalidTypeError, "name: 5 is an int", "name"),
    (
        lambda: with_cap(POLICY, bad(0.25)),
        InvalidTypeError,
        r"overtime_share: 0\.25 is a float",
        "overtime_share",
    ),
    (
        lambda: with_cap(POLICY, Fraction(5, 4)),
        PolicyError,
        r"overtime_share: Fraction\(5, 4\) is outside 0-1",
        "overtime_share",
    ),
    (
        lambda: with_cap(POLICY, Fraction(-1, 4)),
        PolicyError,
        r"overtime_share: Fraction\(-1, 4\)",
        "overtime_share",
    ),
    (
        lambda: attrs.evolve(POLICY, band_rounding=bad("half-up")),
        InvalidTypeError,
        "band_rounding: 'half-up' is a str",
        "band_rounding",
    ),
    (
        lambda: attrs.evolve(POLICY, no_leads=bad(Headcount.ANY_DAY)),
        InvalidTypeError,
        "no_leads: <Headcount",
        "no_leads",
    ),
    (
        lambda: attrs.evolve(POLICY, cap_proration=bad(True)),
        InvalidTypeError,
        "cap_proration: True is a bool",
        "cap_proration",
    ),
    # sources, citations, rules, options
    (lambda: Source("", "t", "p", DAY, "u"), PolicyError, "id: '' is empty", "id"),
    (
        lambda: Source("S", "t", "p", bad("18/09/2025"), "u"),
        InvalidInputError,
        "date: '18/09/2025' is not a date",
        "date",
    ),
    (
        lambda: Source("S", "t", bad(None), DAY, "u"),
        InvalidTypeError,
        "publisher: None is a NoneType",
        "publisher",
    ),
    (lambda: Citation(SOURCE, "¶0", "q"), PolicyError, "locator: '¶0' is not", "locator"),
    (lambda: Citation(SOURCE, "p7", "q"), PolicyError, "locator: 'p7' is not", "locator"),
    (lambda: Citation(TEXT, "¶7", "q"), InvalidTypeError, "source: 'text' is a str", "source"),
    (lambda: Citation(SOURCE, "¶7", " "), PolicyError, "quote: ' ' is empty", "quote"),
    (lambda: Rule("OT", "t", "s", POLICY.citation("R-OT")), PolicyError, "id: 'OT' is not", "id"),
    (
        lambda: Rule("R-OT", "t", "s", TEXT),
        InvalidTypeError,
        "citation: 'text' is a str",
        "citation",
    ),
    (lambda: Option("", "t"), PolicyError, "value: '' is empty", "value"),
    # lookups
    (lambda: POLICY.rule("R-X"), InvalidInputError, "rule_id: 'R-X' is not a rule of", "rule_id"),
    (lambda: POLICY.rule(bad(7)), InvalidTypeError, "rule_id: 7 is an int", "rule_id"),
    (
        lambda: POLICY.citation("I-NOPE"),
        InvalidInputError,
        "rule_id: 'I-NOPE' is not a rule",
        "rule_id",
    ),
    (lambda: POLICY.citation(bad(None)), InvalidTypeError, "rule_id: None", "rule_id"),
    (
        lambda: POLICY.covers(bad("1 January 2026")),
        InvalidInputError,
        "day: '1 January 2026' is not a date",
        "day",
    ),
    # choose
    (
        lambda: POLICY.choose(bad(5), "x"),
        InvalidTypeError,
        "interpretation_id: 5 is an int",
        "interpretation_id",
    ),
    (
        lambda: POLICY.choose("I-NOPE", "x"),
        InvalidInputError,
        "interpretation_id: unknown interpretation 'I-NOPE'; known: I-ADJUST, I-ASSIST, I-BAND",
        "interpretation_id",
    ),
    (
        lambda: POLICY.choose("I-RATE", "x"),
        InvalidInputError,
        "interpretation_id: 'I-RATE' has one reading only; selectable: I-BAND, I-BELOW",
        "interpretation_id",
    ),
    (
        lambda: POLICY.choose("I-BAND", "ceil"),
        InvalidInputError,
        "option: 'ceil' is not an option of I-BAND",
        "option",
    ),
    (
        lambda: POLICY.choose("I-BAND", "HALF-UP"),
        InvalidInputError,
        "option: 'HALF-UP' is not",
        "option",
    ),
    (
        lambda: POLICY.choose("I-BAND", NoLeads.ERROR),
        InvalidInputError,
        "option: <NoLeads.ERROR: 'error'>",
        "option",
    ),
    (
        lambda: POLICY.choose("I-BAND", Shade.DARK),
        InvalidInputError,
        "option: <Shade.DARK",
        "option",
    ),
    (
        lambda: POLICY.choose("I-CAPPRO", bad(CapProration)),
        InvalidInputError,
        "option: <enum 'CapProration'>",
        "option",
    ),
    # rates and percents
    (lambda: POLICY.percent(bad(0.5)), InvalidTypeError, r"rate: 0\.5 is a float", "rate"),
    (lambda: POLICY.percent(bad(True)), InvalidTypeError, "rate: True is a bool", "rate"),
    (
        lambda: POLICY.percent(Fraction(3, 2)),
        InvalidInputError,
        r"rate: Fraction\(3, 2\) is outside 0-1",
        "rate",
    ),
    (
        lambda: POLICY.percent(Fraction(-1, 2)),
        InvalidInputError,
        r"rate: Fraction\(-1, 2\)",
        "rate",
    ),
    (lambda: POLICY.percent(bad(2)), InvalidInputError, "rate: 2 is outside 0-1", "rate"),
    (
        lambda: POLICY.tier_for_percent(101),
        InvalidInputError,
        "percent: 101 is out of range",
        "percent",
    ),
    (
        lambda: POLICY.tier_for_percent(-1),
        InvalidInputError,
        "percent: -1 is out of range",
        "percent",
    ),
    (
        lambda: POLICY.tier_for_percent(TEXT),
        InvalidTypeError,
        "percent: 'text' is a str",
        "percent",
    ),
    (lambda: POLICY.tier_for_percent(True), InvalidTypeError, "percent: True is a bool", "percent"),
    # diffs, models, the canonical encoding
    (lambda: policy_diff(POLICY, TEXT), InvalidTypeError, "b: 'text' is a str", "b"),
    (lambda: policy_diff(bad(None), POLICY), InvalidTypeError, "a: None is a NoneType", "a"),
    (lambda: to_model("XYZ"), InvalidInputError, "model: 'XYZ' is not a 287\\(g\\) model", "model"),
    (lambda: to_model(1, "models"), InvalidTypeError, "models: 1 is an int", "models"),
    (lambda: encode(1.5), InvalidTypeError, r"value: 1\.5 is a float", "value"),
    (lambda: encode({"a": 1}), InvalidTypeError, "value: {'a': 1} is a dict", "value"),
    # the registry (R-EFF)
    (
        lambda: policy_in_force(dt.date(2025, 9, 30)),
        NotInEffectError,
        "date: 2025-09-30 is before 2025-10-01",
        "date",
    ),
    (lambda: policy_in_force(TEXT), InvalidInputError, "date: 'text' is not a date", "date"),
    (lambda: policy_in_force(NOON), InvalidInputError, "date: .* has a time of day", "date"),
    (
        lambda: policy_in_force(DAY, bad([POLICY])),
        InvalidTypeError,
        r"registry: \[Policy\(",
        "registry",
    ),
    (
        lambda: policy_in_force(DAY, (POLICY, TEXT)),
        InvalidTypeError,
        "registry: 'text' is a str",
        "registry",
    ),
    (
        lambda: policy_in_force(DAY, ()),
        NotInEffectError,
        "date: 2026-01-01 is outside every known policy",
        "date",
    ),
    (
        lambda: POLICY.require_in_force(dt.date(2025, 9, 30), "FY2025 Q4"),
        NotInEffectError,
        "FY2025 Q4: starts 2025-09-30, outside",
        "period",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "match", "field"), REFUSALS, ids=[r[2] for r in REFUSALS]
)
def test_refusals(
    call: Callable[[], object], error: type[G287Error], match: str, field: str | None
) -> None:
    """An inconsistent policy or part cannot be built, and a bad lookup, choice, rate or date is
    refused, each with the error class of the problem, naming the field and the value."""
    with pytest.raises(error, match=f"^{match}") as info:
        call()
    assert info.value.field == field


@pytest.mark.parametrize("scope", list(ModelScope))
def test_a_model_scope_covers_its_models(scope: ModelScope) -> None:
    """I-MODEL: Task Force Model officers only, or every model; ``covers`` (what a claim asks
    of each officer) and ``models`` say the same."""
    expected = {Model.TASK_FORCE} if scope is ModelScope.TASK_FORCE_ONLY else set(Model)
    assert scope.models == expected
    assert {m for m in Model if scope.covers(m)} == expected
