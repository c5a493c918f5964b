"""The value-object contract, for every public attrs class of g287 (issue 5, item 7).

DESIGN §3: "Every value object is ``@attrs.frozen``, validated at construction, hashable, picklable,
with a readable repr." Every public object "pickles, deep-copies, hashes consistently with
equality and survives a JSON round trip unchanged".

The classes are found from the public API (``g287.__all__`` and the ``__all__`` of each public
submodule), and :data:`REGISTRY` must hold a Hypothesis strategy for each one, so a class added
later cannot be skipped silently.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import pickle
import pkgutil
from collections.abc import Iterator
from fractions import Fraction
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import g287
import strategies
from claim_strategies import (
    QUARTERS,
    agencies,
    lead_reports,
    officers,
    pay_records,
    periods,
    scenarios,
)
from g287 import (
    AwardResult,
    AwardSchedule,
    AwardTier,
    BandRounding,
    CapProration,
    Citation,
    Claim,
    DateRange,
    Explanation,
    FiscalQuarter,
    FiscalYear,
    Headcount,
    Interpretation,
    InvalidInputError,
    Model,
    NoLeads,
    OfficerLine,
    OvertimeCap,
    Policy,
    ReimbursementResult,
    Rule,
    Source,
    Step,
)
from g287.dataio import Dataset

CONTRACT = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# --- finding the public classes --------------------------------------------------------------


def public_modules() -> Iterator[ModuleType]:
    """``g287`` and each of its public submodules (not ``_private`` ones, not ``__main__``)."""
    yield g287
    for info in pkgutil.iter_modules(g287.__path__):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"g287.{info.name}")


def attrs_classes(module: ModuleType) -> set[type]:
    """The attrs classes a module exports in ``__all__`` (a module without one exports none)."""
    found = set()
    for name in getattr(module, "__all__", ()):
        obj = getattr(module, name)
        if isinstance(obj, type) and attrs.has(obj):
            found.add(obj)
    return found


TOP_LEVEL = attrs_classes(g287)
PUBLIC = set().union(*(attrs_classes(m) for m in public_modules()))

# --- a strategy for every class --------------------------------------------------------------

NON_BLANK = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
RULE_IDS = st.from_regex(r"R-[A-Z]+(?:-[0-9A-Z]+)*", fullmatch=True)
ANY_FY = st.integers(min_value=2, max_value=9999)


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """Any inclusive range, from one day to the whole calendar."""
    a, b = draw(st.dates()), draw(st.dates())
    return DateRange(min(a, b), max(a, b))


SOURCES = st.builds(Source, NON_BLANK, NON_BLANK, NON_BLANK, st.dates(), NON_BLANK)
CITATIONS = st.builds(
    Citation, SOURCES, st.integers(1, 10**6).map(lambda n: f"\u00b6{n}"), NON_BLANK
)
RULES = st.builds(Rule, RULE_IDS, NON_BLANK, NON_BLANK, CITATIONS)
INTERPRETATIONS = st.one_of(
    st.sampled_from(list(g287.INTERPRETATIONS.values())),
    st.builds(
        Interpretation,
        st.from_regex(r"I-[A-Z]+", fullmatch=True),
        NON_BLANK,
        NON_BLANK,
        RULE_IDS,
        st.lists(st.text(max_size=10), max_size=3).map(tuple),
        st.none() | st.text(max_size=10),
    ),
)


@st.composite
def award_tiers(draw: st.DrawFn) -> AwardTier:
    """A tier with any rule id, a band inside 0-100 and any amount (as int, str or Decimal)."""
    low = draw(st.integers(0, 100))
    high = draw(st.integers(low, 100))
    amount, _cents = draw(strategies.money_inputs())
    return AwardTier(draw(RULE_IDS), low, high, amount)


@st.composite
def award_schedules(draw: st.DrawFn) -> AwardSchedule:
    """One to five ordered, disjoint tiers with distinct rule ids, and any options."""
    n = draw(st.integers(1, 5))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=2 * n, max_size=2 * n, unique=True)))
    cuts.reverse()
    tiers = tuple(
        AwardTier(
            f"R-AWD-{i + 1}", cuts[2 * i + 1], cuts[2 * i], draw(strategies.money_inputs())[0]
        )
        for i in range(n)
    )
    return AwardSchedule(
        tiers,
        draw(st.sampled_from(BandRounding)),
        draw(st.sampled_from(NoLeads)),
        draw(st.sampled_from(Headcount)),
    )


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A policy variant (strategies.policies) with another name and period now and then."""
    policy = draw(strategies.policies())
    if draw(st.booleans()):
        start = draw(st.dates(dt.date(2025, 10, 1), dt.date(2030, 1, 1)))
        until = draw(st.none() | st.dates(start, dt.date(2040, 1, 1)))
        policy = attrs.evolve(
            policy, name=draw(NON_BLANK), effective_from=start, effective_until=until
        )
    if draw(st.booleans()):
        policy.fingerprint  # noqa: B018 - fill the cache: it must not change equality or hashing
    return policy


STEPS = st.builds(
    Step,
    st.text(max_size=10),
    st.text(max_size=20),
    st.text(max_size=10),
    CITATIONS,
    st.one_of(
        st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
        st.lists(st.tuples(st.text(max_size=5), st.text(max_size=5)), max_size=3),
    ),
)
EXPLANATIONS = st.builds(
    Explanation, st.text(max_size=10), st.text(max_size=10), st.lists(STEPS, max_size=3)
)


@st.composite
def award_results(draw: st.DrawFn) -> AwardResult:
    """What ``quarterly_award`` gives for any valid leads, officers, quarter and policy."""
    located, provided = draw(st.one_of(strategies.leads(), st.just((0, 0))))
    policy = draw(strategies.chosen_policies())
    if provided == 0 and policy.award_schedule.no_leads is NoLeads.ERROR:
        provided = 1
    return g287.quarterly_award(
        located=located,
        provided=provided,
        officers=draw(strategies.officers),
        quarter=draw(strategies.fiscal_quarters),
        policy=policy,
        assistance_satisfactory=draw(st.booleans()),
    )


@st.composite
def reimbursements(draw: st.DrawFn) -> ReimbursementResult:
    """What ``annual_reimbursement`` gives for any valid amounts and fiscal year."""
    return g287.annual_reimbursement(
        annual_salary=draw(strategies.money_inputs(strategies.salary_cents))[0],
        benefits=draw(strategies.money_inputs(strategies.salary_cents))[0],
        overtime=draw(strategies.money_inputs(strategies.salary_cents))[0],
        fiscal_year=draw(strategies.fiscal_years),
        policy=draw(st.none() | strategies.policies()),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """A period claim or a quarterly claim (with its award) of a generated agency."""
    s = draw(scenarios(max_officers=2))
    policy = draw(st.none() | strategies.chosen_policies())
    if draw(st.booleans()):
        return g287.claim(
            agency=s.agency,
            officers=s.officers,
            payroll=s.payroll,
            period=draw(periods()),
            policy=policy,
        )
    report = draw(st.sampled_from(s.leads))
    if report.provided == 0 and policy is not None:
        policy = policy.choose("I-BELOW", "no-award")
    return g287.quarterly_claim(
        agency=s.agency,
        officers=s.officers,
        payroll=s.payroll,
        leads=report,
        quarter=report.quarter,
        policy=policy,
    )


#: A strategy for every public attrs class. Adding a public class means adding it here.
REGISTRY: dict[type, st.SearchStrategy[Any]] = {
    FiscalYear: st.builds(FiscalYear, ANY_FY),
    FiscalQuarter: st.builds(FiscalQuarter, ANY_FY, st.integers(1, 4)),
    DateRange: date_ranges(),
    Source: SOURCES,
    Citation: CITATIONS,
    Rule: RULES,
    Interpretation: INTERPRETATIONS,
    AwardTier: award_tiers(),
    AwardSchedule: award_schedules(),
    OvertimeCap: st.builds(OvertimeCap, strategies.cap_fractions, st.sampled_from(CapProration)),
    Policy: policies(),
    Step: STEPS,
    Explanation: EXPLANATIONS,
    AwardResult: award_results(),
    ReimbursementResult: reimbursements(),
    g287.Agency: agencies(),
    g287.Officer: st.sampled_from(["T-1", "officer 7", "\u00e9"]).flatmap(
        lambda officer_id: officers(officer_id, list(Model))
    ),
    g287.PayRecord: pay_records("T-1").flatmap(st.sampled_from),
    g287.LeadReport: st.sampled_from(QUARTERS).flatmap(lead_reports),
    Claim: claims(),
    OfficerLine: claims()
    .filter(lambda c: len(c.lines) > 0)
    .flatmap(lambda c: st.sampled_from(c.lines)),
    Dataset: scenarios(max_officers=2).map(
        lambda s: Dataset(s.agency, s.officers, s.payroll, s.leads)
    ),
}

#: Classes g287's JSON does not write (each checked to be refused, not silently mangled).
JSON_UNSUPPORTED: tuple[type, ...] = (Dataset,)

CLASSES = sorted(REGISTRY, key=lambda c: c.__name__)


def ids(cls: type) -> str:
    """The test id of a class: its name."""
    return cls.__name__


class TestRegistry:
    def test_public_classes_are_found(self) -> None:
        """The public API exports the value objects DESIGN §4 names, and they are attrs classes."""
        names = {cls.__name__ for cls in TOP_LEVEL}
        assert TOP_LEVEL
        assert {"Policy", "AwardTier", "AwardSchedule", "OvertimeCap", "FiscalQuarter"} <= names
        assert {"FiscalYear", "DateRange", "Claim", "AwardResult", "ReimbursementResult"} <= names
        assert {"Agency", "Officer", "PayRecord", "LeadReport", "Explanation", "Step"} <= names

    def test_every_public_class_has_a_strategy(self) -> None:
        """REGISTRY has a strategy for exactly the public attrs classes: none is skipped."""
        assert TOP_LEVEL <= PUBLIC
        assert set(REGISTRY) == PUBLIC, {
            "missing": sorted(c.__name__ for c in PUBLIC - set(REGISTRY)),
            "not public": sorted(c.__name__ for c in set(REGISTRY) - PUBLIC),
        }

    @pytest.mark.parametrize("cls", CLASSES, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_strategy_draws_its_class(self, cls: type, data: st.DataObject) -> None:
        """Each strategy draws instances of its class (not of a subclass or another class)."""
        assert type(data.draw(REGISTRY[cls])) is cls


class TestPickle:
    @pytest.mark.parametrize("cls", CLASSES, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_round_trip(self, cls: type, data: st.DataObject) -> None:
        """``pickle.loads(pickle.dumps(x))`` equals ``x``, with every protocol."""
        x = data.draw(REGISTRY[cls])
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(x, protocol))
            assert type(back) is cls
            assert back == x
            assert hash(back) == hash(x)


class TestCopy:
    @pytest.mark.parametrize("cls", CLASSES, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_deepcopy_and_copy(self, cls: type, data: st.DataObject) -> None:
        """``copy.deepcopy(x)`` and ``copy.copy(x)`` equal ``x`` and hash like it."""
        x = data.draw(REGISTRY[cls])
        for duplicate in (copy.deepcopy(x), copy.copy(x)):
            assert type(duplicate) is cls
            assert duplicate == x
            assert hash(duplicate) == hash(x)


class TestHash:
    @pytest.mark.parametrize("cls", CLASSES, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_equal_objects_hash_equal(self, cls: type, data: st.DataObject) -> None:
        """Objects that compare equal hash equal; equality is reflexive and typed."""
        x = data.draw(REGISTRY[cls], label="x")
        y = data.draw(REGISTRY[cls], label="y")
        assert x == x  # noqa: PLR0124 - reflexivity is the point
        assert hash(x) == hash(x)
        assert x != object()
        rebuilt = attrs.evolve(x)
        assert rebuilt == x
        assert hash(rebuilt) == hash(x)
        if x == y:
            assert hash(x) == hash(y)

    @CONTRACT
    @given(policy=policies())
    def test_fingerprint_cache_is_not_state(self, policy: Policy) -> None:
        """A policy's cached fingerprint changes neither its equality nor its hash."""
        before = copy.deepcopy(policy)
        assert policy.fingerprint == before.fingerprint
        fresh = attrs.evolve(policy)
        assert (policy, hash(policy)) == (fresh, hash(fresh))
        assert (policy, hash(policy)) == (before, hash(before))


class TestFrozen:
    @pytest.mark.parametrize("cls", CLASSES, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_fields_cannot_be_set_or_deleted(self, cls: type, data: st.DataObject) -> None:
        """Setting or deleting any field, or adding an attribute, raises FrozenInstanceError."""
        x = data.draw(REGISTRY[cls])
        before = copy.deepcopy(x)
        for field in attrs.fields(cls):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(x, field.name, getattr(x, field.name))
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(x, field.name)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            x.not_a_field = 1
        assert x == before


class TestJson:
    @pytest.mark.parametrize("cls", [c for c in CLASSES if c not in JSON_UNSUPPORTED], ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_round_trip(self, cls: type, data: st.DataObject) -> None:
        """``loads(dumps(x)) == x``, of the same class, and the text is stable on a second trip."""
        x = data.draw(REGISTRY[cls])
        text = g287.dumps(x)
        back = g287.loads(text)
        assert type(back) is cls
        assert back == x
        assert hash(back) == hash(x)
        assert g287.dumps(back) == text
        assert g287.from_dict(g287.to_dict(x)) == x

    def test_rate_stays_exact(self) -> None:
        """The rate of an award result comes back as the exact Fraction, not a float."""
        result = g287.quarterly_award(located=2, provided=3, officers=1, quarter="FY2026 Q1")
        back = g287.loads(g287.dumps(result))
        assert back.rate == Fraction(2, 3)
        assert type(back.rate) is Fraction

    @pytest.mark.parametrize("cls", JSON_UNSUPPORTED, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_unsupported_classes_are_refused(self, cls: type, data: st.DataObject) -> None:
        """A public class JSON does not cover is refused with InvalidInputError, not mangled."""
        x = data.draw(REGISTRY[cls])
        with pytest.raises(InvalidInputError):
            g287.dumps(x)


class TestEvolve:
    @pytest.mark.parametrize("cls", CLASSES, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_no_change_is_equal(self, cls: type, data: st.DataObject) -> None:
        """``attrs.evolve(x)`` with no change gives an equal object of the same class."""
        x = data.draw(REGISTRY[cls])
        same = attrs.evolve(x)
        assert type(same) is cls
        assert same == x


class TestRepr:
    @pytest.mark.parametrize("cls", CLASSES, ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_readable(self, cls: type, data: st.DataObject) -> None:
        """``repr(x)`` names the class, is one line and is not the default ``<… object at 0x…>``."""
        x = data.draw(REGISTRY[cls])
        text = repr(x)
        assert text.startswith(f"{cls.__name__}(")
        assert text.endswith(")")
        assert "\n" not in text
        assert " object at 0x" not in text
